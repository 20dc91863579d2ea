//! Sizes and places kept within what a hall can be built from: a number a content file gives
//! out of range (negative, zero, not a number, astronomically large) is replaced here by the
//! nearest sensible value, the one place that decides, and reported with where it was written,
//! so no later step (layout, collision, meshes, textures) meets it.

use super::exhibition::ResolvedHall;
use super::model::{Display, Zone, ZoneKind};

/// A number that was out of range: where it was written and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// The zone file it is in (by zone id), or `None` for the hall file.
    pub zone: Option<String>,
    /// Text near it in the file, and the field's name.
    pub anchor: String,
    pub field: &'static str,
    pub message: String,
}

struct Fixer<'a> {
    zone: Option<&'a str>,
    anchor: String,
    fixed: Vec<Fixed>,
}

impl Fixer<'_> {
    /// Keeps `value` within `min..=max`; a value that is not a number becomes `fallback`.
    fn range(&mut self, value: &mut f32, field: &'static str, min: f32, max: f32, fallback: f32) {
        let good = if value.is_finite() {
            value.clamp(min, max)
        } else {
            fallback
        };
        if good != *value {
            self.report(
                field,
                format!("`{field}` is {value}, outside {min}..{max}: {good} is used instead"),
            );
            *value = good;
        }
    }

    /// Keeps a count at most `max`.
    fn at_most(&mut self, value: &mut u32, field: &'static str, max: u32) {
        if *value > max {
            self.report(
                field,
                format!("`{field}` is {value}, more than {max}: {max} are shown"),
            );
            *value = max;
        }
    }

    fn report(&mut self, field: &'static str, message: String) {
        self.fixed.push(Fixed {
            zone: self.zone.map(str::to_owned),
            anchor: self.anchor.clone(),
            field,
            message,
        });
    }
}

/// The widest hall, metres (its floor plan is a texture of 8 pixels a metre: 500 m is 64 MiB).
const LARGEST: f32 = 500.0;

/// The most screens one screen wall shows.
const MOST_SCREENS: u32 = 60;

/// Keeps the hall's own numbers in range.
pub fn hall(hall: &mut ResolvedHall) -> Vec<Fixed> {
    let mut fix = Fixer {
        zone: None,
        anchor: "shell:".into(),
        fixed: Vec::new(),
    };
    let shell = &mut hall.shell;
    fix.range(&mut shell.width, "width", 10.0, LARGEST, 60.0);
    fix.range(&mut shell.depth, "depth", 10.0, LARGEST, 40.0);
    fix.range(&mut shell.wall_height, "wall_height", 3.0, 100.0, 10.0);
    let (half_w, half_d) = (shell.width / 2.0, shell.depth / 2.0);
    fix.range(&mut shell.start.x, "start", -half_w, half_w, 0.0);
    fix.range(&mut shell.start.z, "start", -half_d, half_d, 0.0);
    fix.range(&mut shell.start.bearing, "start", -360.0, 360.0, 0.0);
    let longest = shell.width.max(shell.depth);
    fix.anchor = "entrances".into();
    for entrance in &mut shell.entrances {
        fix.range(&mut entrance.width, "width", 0.5, longest, 4.0);
        fix.range(&mut entrance.offset, "offset", -longest, longest, 0.0);
    }
    fix.anchor = "banners".into();
    for banner in &mut shell.furnishing.banners {
        fix.range(&mut banner.x, "x", -half_w, half_w, 0.0);
        fix.range(&mut banner.z, "z", -half_d, half_d, 0.0);
        fix.range(&mut banner.bearing, "bearing", -360.0, 360.0, 0.0);
        fix.range(&mut banner.width, "width", 0.5, 40.0, 8.0);
        fix.range(&mut banner.height, "height", 2.2, shell.wall_height, 6.0);
    }
    fix.anchor = "benches".into();
    for bench in &mut shell.furnishing.benches {
        fix.range(&mut bench.x, "x", -half_w, half_w, 0.0);
        fix.range(&mut bench.z, "z", -half_d, half_d, 0.0);
        fix.range(&mut bench.bearing, "bearing", -360.0, 360.0, 0.0);
        fix.range(&mut bench.length, "length", 0.8, 6.0, 2.0);
    }
    fix.anchor = "signposts".into();
    for post in &mut shell.furnishing.signposts {
        fix.range(&mut post.x, "x", -half_w, half_w, 0.0);
        fix.range(&mut post.z, "z", -half_d, half_d, 0.0);
        fix.range(&mut post.bearing, "bearing", -360.0, 360.0, 0.0);
    }
    if let Some(kit) = &mut shell.furnishing.stand {
        fix.anchor = "stand".into();
        fix.range(&mut kit.platform, "platform", 0.0, 0.3, 0.08);
    }
    fix.anchor = "layout".into();
    let layout = &mut hall.layout;
    fix.range(&mut layout.min_aisle, "min_aisle", 0.5, 50.0, 3.0);
    for row in &mut layout.rows {
        fix.range(&mut row.start.0, "start", -LARGEST, LARGEST, 0.0);
        fix.range(&mut row.start.1, "start", -LARGEST, LARGEST, 0.0);
        // A negative gap overlaps booths, which the layout check reports; it breaks nothing.
        fix.range(&mut row.gap, "gap", -100.0, 100.0, 3.0);
    }
    fix.fixed
}

/// Keeps a zone's booths and displays in range.
pub fn zone(zone: &mut Zone) -> Vec<Fixed> {
    let mut fix = Fixer {
        zone: Some(&zone.id),
        anchor: String::new(),
        fixed: Vec::new(),
    };
    let booths = match &mut zone.kind {
        ZoneKind::Host { sectors } => sectors
            .iter_mut()
            .map(|s| (format!("id: \"{}\"", s.id), &mut s.booth))
            .collect::<Vec<_>>(),
        ZoneKind::Pavilion(pavilion) => vec![("booth:".to_owned(), &mut pavilion.booth)],
    };
    for (anchor, booth) in booths {
        fix.anchor = anchor;
        fix.range(&mut booth.width, "width", 1.0, 200.0, 9.0);
        fix.range(&mut booth.depth, "depth", 1.0, 200.0, 6.0);
    }
    for exhibit in &mut zone.exhibits {
        fix.anchor = format!("\"{}\"", exhibit.id);
        fix.range(&mut exhibit.place.x, "place", -200.0, 200.0, 0.0);
        fix.range(&mut exhibit.place.z, "place", -200.0, 200.0, 0.0);
        fix.range(&mut exhibit.place.turn, "place", -360.0, 360.0, 0.0);
        match &mut exhibit.display {
            Display::Screen { count } => fix.at_most(count, "count", MOST_SCREENS),
            Display::HangingTextile { width, height, .. } => {
                fix.range(width, "width", 0.1, 50.0, 1.0);
                fix.range(height, "height", 0.1, 50.0, 1.0);
            }
            Display::Model { parts } => {
                for part in parts.iter_mut() {
                    for value in [&mut part.at.0, &mut part.at.1, &mut part.at.2] {
                        fix.range(value, "at", -50.0, 50.0, 0.0);
                    }
                    for value in [&mut part.size.0, &mut part.size.1, &mut part.size.2] {
                        fix.range(value, "size", 0.0, 50.0, 0.5);
                    }
                    fix.range(&mut part.transparency, "transparency", 0.0, 1.0, 0.0);
                    for value in [&mut part.rotate.0, &mut part.rotate.1, &mut part.rotate.2] {
                        fix.range(value, "rotate", -360.0, 360.0, 0.0);
                    }
                }
            }
            Display::Plinth { models, .. } | Display::Showcase { models, .. } => {
                for model in models.iter_mut() {
                    for value in [&mut model.at.0, &mut model.at.1, &mut model.at.2] {
                        fix.range(value, "at", -5.0, 5.0, 0.0);
                    }
                    fix.range(&mut model.scale, "scale", 0.01, 10.0, 1.0);
                    fix.range(&mut model.turn, "turn", -360.0, 360.0, 0.0);
                }
            }
            Display::WallPanel | Display::Statistic => {}
        }
    }
    fix.fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{parse::parse_zone, source::ContentSource};

    #[test]
    fn out_of_range_sizes_are_replaced_and_reported() {
        let text = ContentSource::Embedded
            .read_text("zones/np.zone.ron")
            .unwrap();
        let broken = text.replacen("width: 9.0", "width: -9.0", 1);
        let mut zone = parse_zone("np", &broken).unwrap();
        let fixed = super::zone(&mut zone);
        assert_eq!(fixed.len(), 1, "{fixed:?}");
        assert_eq!(
            (fixed[0].field, fixed[0].zone.as_deref()),
            ("width", Some("np"))
        );
        let ZoneKind::Pavilion(pavilion) = &zone.kind else {
            panic!("a pavilion")
        };
        assert_eq!(pavilion.booth.width, 1.0);
        let mut clean = parse_zone("np", &text).unwrap();
        assert!(
            super::zone(&mut clean).is_empty(),
            "the shipped zone is in range"
        );
    }
}
