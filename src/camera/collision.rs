//! Keeping the walker out of walls: the hall's walls, every booth's walls and every exhibit's
//! display are boxes on the floor plan; the walker is a circle pushed out of them.

use bevy::{math::Rect, prelude::*};

use crate::content::{
    exhibition::Exhibition,
    footprint::{
        bench_rect, booth_walls, counter_extent, display_extent, entrance_arch, signpost_rect,
    },
};

/// A walker's radius, metres.
pub const WALKER_RADIUS: f32 = 0.35;

/// Everything solid on the floor plan.
#[derive(Resource, Debug, Clone, Default)]
pub struct Obstacles {
    /// The walkable inside of the hall.
    pub bounds: Rect,
    pub boxes: Vec<Rect>,
}

impl Obstacles {
    pub fn from_exhibition(exhibition: &Exhibition) -> Self {
        let shell = &exhibition.hall.shell;
        let bounds =
            Rect::from_center_half_size(Vec2::ZERO, Vec2::new(shell.width, shell.depth) / 2.0);
        let mut boxes = Vec::new();
        for footprint in &exhibition.footprints {
            let Some(booth) = exhibition.booth(&footprint.area) else {
                continue;
            };
            for wall in booth_walls(booth.style, footprint.width, footprint.depth) {
                let local = Rect::from_center_half_size(wall.centre, wall.half);
                boxes.push(footprint.local_rect_to_hall(local));
            }
            if let Some(counter) = exhibition.counter(&footprint.area) {
                boxes.push(footprint.local_rect_to_hall(counter_extent(counter)));
            }
        }
        for at in exhibition.exhibit_refs() {
            let exhibit = exhibition.exhibit(at);
            if let Some(footprint) = exhibition.footprint(&exhibition.area_of(at)) {
                let local = display_extent(&exhibit.display).in_booth(
                    Vec2::new(exhibit.place.x, exhibit.place.z),
                    exhibit.place.turn,
                );
                boxes.push(footprint.local_rect_to_hall(local));
            }
        }
        let furnishing = &shell.furnishing;
        boxes.extend(furnishing.benches.iter().map(bench_rect));
        boxes.extend(furnishing.signposts.iter().map(signpost_rect));
        for entrance in shell.entrances.iter().filter(|e| e.arch) {
            let (_, _, pillars) = entrance_arch(shell.width, shell.depth, entrance);
            boxes.extend(pillars);
        }
        Obstacles { bounds, boxes }
    }

    /// Where a walker of `radius` trying to stand at `p` ends up: pushed out of every box and
    /// kept inside the hall.
    pub fn resolve(&self, mut p: Vec2, radius: f32) -> Vec2 {
        for _ in 0..3 {
            for rect in &self.boxes {
                let closest = p.clamp(rect.min, rect.max);
                let offset = p - closest;
                let distance = offset.length();
                if distance < radius {
                    p = if distance > 1e-5 {
                        closest + offset / distance * radius
                    } else {
                        // The centre is inside the box: leave by the nearest side.
                        let to_min = p - rect.min;
                        let to_max = rect.max - p;
                        let exits = [
                            (to_min.x, Vec2::NEG_X),
                            (to_max.x, Vec2::X),
                            (to_min.y, Vec2::NEG_Y),
                            (to_max.y, Vec2::Y),
                        ];
                        let (depth, dir) = exits
                            .into_iter()
                            .min_by(|a, b| a.0.total_cmp(&b.0))
                            .unwrap_or((0.0, Vec2::X));
                        p + dir * (depth + radius)
                    };
                }
            }
            let inner = self.bounds.inflate(-radius);
            p = p.clamp(inner.min, inner.max);
        }
        p
    }

    /// Moves from `from` by `step`, sliding along what it hits; steps are split so a fast
    /// walker cannot jump through a thin wall.
    pub fn walk(&self, from: Vec2, step: Vec2, radius: f32) -> Vec2 {
        let pieces = (step.length() / (radius * 0.5)).ceil().max(1.0) as usize;
        let mut p = from;
        for _ in 0..pieces {
            p = self.resolve(p + step / pieces as f32, radius);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall() -> Obstacles {
        Obstacles {
            bounds: Rect::new(-50.0, -50.0, 50.0, 50.0),
            boxes: vec![Rect::new(-5.0, -0.05, 5.0, 0.05)],
        }
    }

    #[test]
    fn a_walker_cannot_pass_through_a_thin_wall() {
        let o = wall();
        let end = o.walk(Vec2::new(0.0, 2.0), Vec2::new(0.0, -4.0), WALKER_RADIUS);
        assert!(end.y >= 0.05 + WALKER_RADIUS - 1e-3, "{end}");
    }

    #[test]
    fn a_walker_slides_along_a_wall() {
        let o = wall();
        let end = o.walk(Vec2::new(0.0, 0.5), Vec2::new(2.0, -1.0), WALKER_RADIUS);
        assert!((end.x - 2.0).abs() < 1e-3 && end.y > 0.39, "{end}");
    }

    #[test]
    fn the_hall_walls_keep_the_walker_inside() {
        let o = wall();
        let end = o.walk(Vec2::new(49.0, 0.0), Vec2::new(5.0, 0.0), WALKER_RADIUS);
        assert!(end.x <= 50.0 - WALKER_RADIUS + 1e-4);
    }
}
