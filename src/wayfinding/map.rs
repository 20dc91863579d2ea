//! The floor plan's geometry: a transform between hall metres and a rectangle on screen that
//! keeps the hall's proportions, used by the minimap and the full plan.

use bevy::math::{Rect, Vec2};

/// Maps the hall (centred on the origin, `size` metres) into `screen` (pixels), letterboxed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapTransform {
    pub scale: f32,
    pub offset: Vec2,
}

impl MapTransform {
    pub fn fit(hall_size: Vec2, screen: Rect, margin: f32) -> Self {
        let available = (screen.size() - Vec2::splat(2.0 * margin)).max(Vec2::ONE);
        let scale = (available / hall_size).min_element();
        MapTransform {
            scale,
            offset: screen.center(),
        }
    }

    /// Hall floor (x east, z south) → screen pixel (x right, y down): north is up.
    pub fn to_screen(&self, hall: Vec2) -> Vec2 {
        self.offset + hall * self.scale
    }

    pub fn to_hall(&self, screen: Vec2) -> Vec2 {
        (screen - self.offset) / self.scale
    }

    pub fn rect_to_screen(&self, rect: Rect) -> Rect {
        Rect::from_corners(self.to_screen(rect.min), self.to_screen(rect.max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hall_and_screen_coordinates_round_trip_and_keep_proportions() {
        let map = MapTransform::fit(
            Vec2::new(120.0, 84.0),
            Rect::new(1000.0, 500.0, 1240.0, 700.0),
            5.0,
        );
        for p in [Vec2::ZERO, Vec2::new(60.0, -42.0), Vec2::new(-13.5, 20.25)] {
            assert!((map.to_hall(map.to_screen(p)) - p).length() < 1e-3);
        }
        // The whole hall fits inside the screen rectangle.
        let hall = map.rect_to_screen(Rect::new(-60.0, -42.0, 60.0, 42.0));
        assert!(
            hall.min.x >= 1000.0
                && hall.max.x <= 1240.0
                && hall.min.y >= 500.0
                && hall.max.y <= 700.0
        );
        assert!((hall.width() / hall.height() - 120.0 / 84.0).abs() < 1e-3);
        // North (−z) is up on the screen.
        assert!(map.to_screen(Vec2::new(0.0, -10.0)).y < map.to_screen(Vec2::ZERO).y);
    }
}
