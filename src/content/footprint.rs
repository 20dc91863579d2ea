//! The one source of every solid thing's size on the floor: each exhibit display's extent and
//! height, and each booth's walls. Validation, layout checks, collision, viewpoints, picking,
//! the floor plan and the 3D mesh builder all read these numbers, so what a visitor sees is what
//! they bump into and what the validator fits into a booth.
//!
//! Exhibit-local axes: `x` across the display (to the right of a visitor facing it), `z` towards
//! its front; the display stands on the floor at its placement point.

use bevy::math::{Rect, Vec2};

use super::model::{Bench, BoothStyle, Display, Entrance, Signpost};

/// Sizes of the displays, in metres; the mesh builder draws with these.
pub mod size {
    /// A plinth: square base, with a small sculpture on top.
    pub const PLINTH_SIDE: f32 = 0.8;
    pub const PLINTH_HEIGHT: f32 = 1.0;
    pub const SCULPTURE_TOP: f32 = 1.7;
    /// A showcase: a cabinet with a glass hood.
    pub const SHOWCASE_WIDTH: f32 = 1.2;
    pub const SHOWCASE_DEPTH: f32 = 0.8;
    pub const SHOWCASE_BASE: f32 = 0.9;
    pub const SHOWCASE_HOOD: f32 = 0.6;
    /// A printed panel on two feet.
    pub const PANEL_WIDTH: f32 = 1.8;
    pub const PANEL_HEIGHT: f32 = 2.6;
    pub const PANEL_FEET_DEPTH: f32 = 0.2;
    /// A statistic board on two feet.
    pub const BOARD_WIDTH: f32 = 1.6;
    pub const BOARD_HEIGHT: f32 = 2.4;
    pub const BOARD_FEET_DEPTH: f32 = 0.3;
    /// Thickness of panels and boards, and the height of their feet.
    pub const BOARD_THICKNESS: f32 = 0.06;
    pub const FOOT_HEIGHT: f32 = 0.04;
    pub const FOOT_WIDTH: f32 = 0.1;
    /// Video screens: each screen's picture, the gap between screens, the bezel around each.
    pub const SCREEN_WIDTH: f32 = 0.9;
    pub const SCREEN_HEIGHT: f32 = 0.52;
    pub const SCREEN_GAP: f32 = 0.05;
    pub const SCREEN_ROW_GAP: f32 = 0.06;
    pub const SCREEN_BEZEL: f32 = 0.04;
    /// Most screens side by side in one row; more start a row above.
    pub const SCREENS_PER_ROW: u32 = 6;
    /// Height of the lowest row's centre.
    pub const SCREEN_LOW_ROW: f32 = 1.35;
    /// The base plate under a screen wall.
    pub const SCREEN_BASE_DEPTH: f32 = 0.3;
    pub const SCREEN_BASE_WIDTH: f32 = 0.6;
    /// A hanging textile: posts beside the cloth, a rail on top, square feet under the posts.
    pub const TEXTILE_POST_GAP: f32 = 0.15;
    pub const TEXTILE_FOOT: f32 = 0.2;
    pub const TEXTILE_RAIL_RADIUS: f32 = 0.03;
    /// Space between the floor and the bottom of a hanging cloth, and the least rail height.
    pub const TEXTILE_CLEARANCE: f32 = 0.9;
    pub const TEXTILE_MIN_TOP: f32 = 2.2;

    /// Booth walls.
    pub const BOOTH_WALL_HEIGHT: f32 = 3.0;
    /// Eye height of a visitor walking the hall (the walking camera's).
    pub const EYE_HEIGHT: f32 = 1.65;
    /// The fascia beam across a shell-scheme booth's front, on top of its walls.
    pub const FASCIA_HEIGHT: f32 = 0.7;
    /// A tower booth's sign tower in its back corner.
    pub const TOWER_HEIGHT: f32 = 5.5;
    /// An open booth's header: its sign's height, the panel around it, and how far above the
    /// tallest exhibit in front of it the sign starts; it rises at most to `HEADER_HIGHEST`.
    pub const HEADER_SIGN_HEIGHT: f32 = 1.0;
    pub const HEADER_PANEL_MARGIN: f32 = 0.1;
    pub const HEADER_CLEARANCE: f32 = 0.2;
    pub const HEADER_HIGHEST: f32 = 6.0;
    /// An island stand's hanging header: the height of its lower edge, and its height.
    pub const ISLAND_HEADER_BOTTOM: f32 = 5.0;
    pub const ISLAND_HEADER_HEIGHT: f32 = 1.3;
    /// The width kept at each end of a fascia or an open booth's header for the pavilion's flag
    /// and its name in its own script, beside the name sign.
    pub const HEADER_END: f32 = 1.6;
    /// The narrowest booth whose fascia or header has room for both ends beside its name sign.
    pub const HEADER_ENDS_FROM_WIDTH: f32 = 8.0;
    pub const BOOTH_WALL_THICKNESS: f32 = 0.1;
    /// A booth's info counter, and the room behind it for a stool and whoever sits on it.
    pub const COUNTER_WIDTH: f32 = 1.2;
    pub const COUNTER_DEPTH: f32 = 0.55;
    pub const COUNTER_HEIGHT: f32 = 1.05;
    pub const COUNTER_BACK_ROOM: f32 = 0.7;
    /// How far a counter stands in from the booth's side and front edges.
    pub const COUNTER_INSET: f32 = 0.35;
    /// The gap a counter keeps from every display.
    pub const COUNTER_CLEARANCE: f32 = 0.3;
    /// How far a booth's corner plant stands in from its front corner.
    pub const PLANT_INSET: f32 = 0.5;
    /// A bench's seat: depth and height (its length is the content's).
    pub const BENCH_DEPTH: f32 = 0.45;
    pub const BENCH_HEIGHT: f32 = 0.45;
    /// A freestanding signpost.
    pub const SIGNPOST_WIDTH: f32 = 1.5;
    pub const SIGNPOST_DEPTH: f32 = 0.3;
    pub const SIGNPOST_HEIGHT: f32 = 2.4;
    /// An entrance arch: square pillars, the clear height under its header, and how far inside
    /// the hall's wall it stands.
    pub const ARCH_PILLAR: f32 = 0.8;
    pub const ARCH_CLEARANCE: f32 = 3.4;
    pub const ARCH_SETBACK: f32 = 1.0;
}

/// The floor covered by something `half` (across, front to back) standing at `centre` (hall
/// metres) and facing a compass `bearing` (exact for quarter turns, enclosing otherwise): the
/// same turn as a display's, which for a symmetric box does not depend on its direction.
pub fn turned_rect(centre: Vec2, half: Vec2, bearing: f32) -> Rect {
    DisplayExtent::symmetric(half.x, half.y, 0.0).in_booth(centre, bearing)
}

/// The floor a bench covers.
pub fn bench_rect(bench: &Bench) -> Rect {
    turned_rect(
        Vec2::new(bench.x, bench.z),
        Vec2::new(bench.length / 2.0, size::BENCH_DEPTH / 2.0),
        bench.bearing,
    )
}

/// The floor a signpost covers.
pub fn signpost_rect(post: &Signpost) -> Rect {
    turned_rect(
        Vec2::new(post.x, post.z),
        Vec2::new(size::SIGNPOST_WIDTH / 2.0, size::SIGNPOST_DEPTH / 2.0),
        post.bearing,
    )
}

/// Where an entrance's arch stands in a hall of `width` × `depth`: the middle of the floor line
/// between its pillars, the direction into the hall, and the floor under each pillar. Its
/// pillars stand beside the opening, so the arch never narrows it.
pub fn entrance_arch(width: f32, depth: f32, entrance: &Entrance) -> (Vec2, Vec2, [Rect; 2]) {
    let outward = entrance.wall.vector();
    let along = Vec2::new(outward.y, outward.x).abs();
    let wall = if entrance.wall.is_north_south() {
        depth
    } else {
        width
    } / 2.0;
    let middle = outward * (wall - size::ARCH_SETBACK) + along * entrance.offset;
    let half = Vec2::splat(size::ARCH_PILLAR / 2.0);
    let beside = entrance.width / 2.0 + size::ARCH_PILLAR / 2.0;
    (
        middle,
        -outward,
        [-1.0, 1.0].map(|side| Rect::from_center_half_size(middle + along * side * beside, half)),
    )
}

/// Where a display stands: its extent on the floor around the placement point, and its height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DisplayExtent {
    /// Exhibit-local corners on the floor (x across, z towards the front).
    pub min: Vec2,
    pub max: Vec2,
    /// Height of the top above the floor.
    pub height: f32,
}

impl DisplayExtent {
    fn symmetric(half_width: f32, half_depth: f32, height: f32) -> Self {
        DisplayExtent {
            min: Vec2::new(-half_width, -half_depth),
            max: Vec2::new(half_width, half_depth),
            height,
        }
    }

    /// Half the width and depth.
    pub fn half_size(&self) -> Vec2 {
        (self.max - self.min) / 2.0
    }

    /// The distance from the placement point to the farthest corner.
    pub fn reach(&self) -> f32 {
        self.min.abs().max(self.max.abs()).length()
    }

    /// The rectangle the display covers in its booth's local frame, standing at `at` and turned
    /// `turn_degrees` about the vertical (exact for quarter turns, enclosing otherwise).
    pub fn in_booth(&self, at: Vec2, turn_degrees: f32) -> Rect {
        let (sin, cos) = turn_degrees.to_radians().sin_cos();
        let corners = [
            self.min,
            self.max,
            Vec2::new(self.min.x, self.max.y),
            Vec2::new(self.max.x, self.min.y),
        ];
        let mut rect = Rect {
            min: Vec2::splat(f32::INFINITY),
            max: Vec2::splat(f32::NEG_INFINITY),
        };
        for corner in corners {
            // The same turn as the display's 3D rotation about +y.
            let turned = Vec2::new(
                corner.x * cos + corner.y * sin,
                -corner.x * sin + corner.y * cos,
            );
            rect = rect.union_point(at + turned);
        }
        // Remove floating-point dust so quarter turns stay exact.
        Rect {
            min: (rect.min * 1e4).round() / 1e4,
            max: (rect.max * 1e4).round() / 1e4,
        }
    }
}

/// Rows and screens per row of a wall of `count` screens.
pub fn screen_grid(count: u32) -> (u32, u32) {
    let count = count.max(1);
    let per_row = count.min(size::SCREENS_PER_ROW);
    (per_row, count.div_ceil(per_row))
}

/// The top of a hanging textile's rail.
pub fn textile_top(height: f32) -> f32 {
    (height + size::TEXTILE_CLEARANCE).max(size::TEXTILE_MIN_TOP)
}

/// The height of the surface a display's model files stand on (the plinth's top, the case's
/// floor); `None` for displays that show no model files.
pub fn model_surface(display: &Display) -> Option<f32> {
    match display {
        Display::Plinth { .. } => Some(size::PLINTH_HEIGHT),
        Display::Showcase { .. } => Some(size::SHOWCASE_BASE),
        _ => None,
    }
}

/// The extent of a display as the mesh builder draws it; model files on a plinth or in a case
/// stay inside it (the validator checks them against it).
pub fn display_extent(display: &Display) -> DisplayExtent {
    use size::*;
    match display {
        Display::Plinth { .. } => {
            DisplayExtent::symmetric(PLINTH_SIDE / 2.0, PLINTH_SIDE / 2.0, SCULPTURE_TOP)
        }
        Display::Showcase { .. } => DisplayExtent::symmetric(
            SHOWCASE_WIDTH / 2.0,
            SHOWCASE_DEPTH / 2.0,
            SHOWCASE_BASE + SHOWCASE_HOOD,
        ),
        Display::WallPanel => {
            DisplayExtent::symmetric(PANEL_WIDTH / 2.0, PANEL_FEET_DEPTH / 2.0, PANEL_HEIGHT)
        }
        Display::Statistic => {
            DisplayExtent::symmetric(BOARD_WIDTH / 2.0, BOARD_FEET_DEPTH / 2.0, BOARD_HEIGHT)
        }
        Display::Screen { count } => {
            let (per_row, rows) = screen_grid(*count);
            let width = per_row as f32 * (SCREEN_WIDTH + SCREEN_GAP) - SCREEN_GAP + SCREEN_BEZEL;
            let top = SCREEN_LOW_ROW
                + (rows - 1) as f32 * (SCREEN_HEIGHT + SCREEN_ROW_GAP)
                + (SCREEN_HEIGHT + SCREEN_BEZEL) / 2.0;
            DisplayExtent::symmetric(width / 2.0, SCREEN_BASE_DEPTH / 2.0, top)
        }
        Display::HangingTextile { width, height, .. } => DisplayExtent::symmetric(
            width / 2.0 + TEXTILE_POST_GAP + TEXTILE_FOOT / 2.0,
            TEXTILE_FOOT / 2.0,
            textile_top(*height) + TEXTILE_RAIL_RADIUS,
        ),
        Display::Model { parts } => {
            let mut extent = DisplayExtent {
                min: Vec2::splat(f32::INFINITY),
                max: Vec2::splat(f32::NEG_INFINITY),
                height: 0.0,
            };
            for part in parts {
                let half = part.half_extent();
                let at = Vec2::new(part.at.0, part.at.2);
                extent.min = extent.min.min(at - Vec2::new(half.x, half.z));
                extent.max = extent.max.max(at + Vec2::new(half.x, half.z));
                extent.height = extent.height.max(part.at.1 + half.y);
            }
            if parts.is_empty() {
                DisplayExtent::symmetric(0.0, 0.0, 0.0)
            } else {
                extent
            }
        }
    }
}

/// Whether a booth of `booth_width` shows a pavilion's flag and native name (`has_graphics`) at
/// the ends of its fascia or header, beside the name sign.
pub fn header_has_ends(booth_width: f32, has_graphics: bool) -> bool {
    has_graphics && booth_width >= size::HEADER_ENDS_FROM_WIDTH
}

/// Half the width of an open booth's header panel, and of the name sign on it: a header with
/// ends ([`header_has_ends`]) spans the back wall, its sign between them.
pub fn open_header_half_widths(booth_width: f32, ends: bool) -> (f32, f32) {
    let (panel, sign) = if ends {
        let panel = booth_width - 0.2;
        (panel, panel - 0.4 - 2.0 * size::HEADER_END)
    } else {
        let panel = booth_width * 0.8;
        (panel, panel - 0.4)
    };
    (panel / 2.0, sign.min(12.0) / 2.0)
}

/// Where an open booth's name sign starts: on top of the back wall, or just above the tallest
/// display standing in front of its header (`tops`: each display's booth-local extent and
/// height), so a visitor at the front always sees the sign and the header's ends. `Err` names
/// the display too tall for the sign to clear.
pub fn open_sign_bottom(
    booth_width: f32,
    ends: bool,
    tops: impl IntoIterator<Item = (Rect, f32)>,
) -> Result<f32, usize> {
    let (header_half, _) = open_header_half_widths(booth_width, ends);
    let mut bottom = size::BOOTH_WALL_HEIGHT + size::HEADER_PANEL_MARGIN;
    let mut tallest = None;
    for (index, (covers, top)) in tops.into_iter().enumerate() {
        let in_front = covers.max.x > -header_half && covers.min.x < header_half;
        if in_front && top + size::HEADER_CLEARANCE > bottom {
            bottom = top + size::HEADER_CLEARANCE;
            tallest = Some(index);
        }
    }
    match tallest {
        Some(index) if bottom > size::HEADER_HIGHEST => Err(index),
        _ => Ok(bottom),
    }
}

/// Where a booth of `width` × `depth` has its info counter (booth-local centre; the counter
/// faces the front): in the first front corner, right then left, where the counter and the room
/// behind it keep clear of every display (`occupied`: their booth-local extents). `None` when
/// both corners are taken or the booth is too narrow.
pub fn counter_place(width: f32, depth: f32, occupied: &[Rect]) -> Option<Vec2> {
    use size::*;
    if width < COUNTER_WIDTH + 2.0 * COUNTER_INSET + 1.0 || depth < COUNTER_DEPTH + 2.0 {
        return None;
    }
    [1.0, -1.0].into_iter().find_map(|side| {
        let centre = Vec2::new(
            side * (width / 2.0 - COUNTER_INSET - COUNTER_WIDTH / 2.0),
            depth / 2.0 - COUNTER_INSET - COUNTER_DEPTH / 2.0,
        );
        let counter = counter_extent(centre);
        let claim = Rect {
            min: counter.min - Vec2::new(0.0, COUNTER_BACK_ROOM),
            max: counter.max,
        }
        .inflate(COUNTER_CLEARANCE);
        occupied
            .iter()
            .all(|display| display.intersect(claim).is_empty())
            .then_some(centre)
    })
}

/// The floor a counter standing at `centre` (booth-local) covers.
pub fn counter_extent(centre: Vec2) -> Rect {
    Rect::from_center_size(centre, Vec2::new(size::COUNTER_WIDTH, size::COUNTER_DEPTH))
}

/// One wall of a booth in booth-local metres: centre and half size on the floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoothWall {
    pub centre: Vec2,
    pub half: Vec2,
}

/// The walls of a booth of `width` × `depth` in `style`: the back wall first, then the sides.
pub fn booth_walls(style: BoothStyle, width: f32, depth: f32) -> Vec<BoothWall> {
    let thickness = size::BOOTH_WALL_THICKNESS;
    let back = BoothWall {
        centre: Vec2::new(0.0, -depth / 2.0 + thickness / 2.0),
        half: Vec2::new(width / 2.0, thickness / 2.0),
    };
    let side = |sign: f32| BoothWall {
        centre: Vec2::new(sign * (width / 2.0 - thickness / 2.0), 0.0),
        half: Vec2::new(thickness / 2.0, depth / 2.0),
    };
    match style {
        BoothStyle::Open => vec![back],
        BoothStyle::Island => Vec::new(),
        BoothStyle::ShellScheme | BoothStyle::Tower => vec![back, side(-1.0), side(1.0)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Colour, Part};

    #[test]
    fn a_header_with_ends_spans_the_back_wall_and_rises_above_what_stands_before_its_ends() {
        assert!(header_has_ends(9.0, true));
        assert!(!header_has_ends(9.0, false) && !header_has_ends(6.0, true));
        let (panel, sign) = open_header_half_widths(9.0, true);
        assert_eq!(panel, 4.4);
        assert!((panel - sign - size::HEADER_END - 0.2).abs() < 1e-5);
        let (panel, sign) = open_header_half_widths(9.0, false);
        assert!((panel - 3.6).abs() < 1e-5 && (sign - 3.4).abs() < 1e-5);
        // A tall display in front of the header's right end, clear of the sign itself.
        let before_the_end = Rect::new(3.8, -2.0, 4.3, -1.5);
        let low = size::BOOTH_WALL_HEIGHT + size::HEADER_PANEL_MARGIN;
        let raised = open_sign_bottom(9.0, true, [(before_the_end, 3.5)]).unwrap();
        assert!((raised - (3.5 + size::HEADER_CLEARANCE)).abs() < 1e-5);
        // Without ends the header is narrower and the display stands beside it.
        assert_eq!(
            open_sign_bottom(9.0, false, [(before_the_end, 3.5)]),
            Ok(low)
        );
        assert_eq!(open_sign_bottom(9.0, true, [(before_the_end, 7.0)]), Err(0));
    }

    #[test]
    fn eleven_screens_are_two_rows_of_six_wide() {
        assert_eq!(screen_grid(11), (6, 2));
        assert_eq!(screen_grid(0), (1, 1));
        let extent = display_extent(&Display::Screen { count: 11 });
        assert!(
            (extent.half_size().x * 2.0 - 5.69).abs() < 1e-4,
            "{extent:?}"
        );
    }

    #[test]
    fn a_counter_takes_the_first_free_front_corner_and_keeps_clear_of_displays() {
        let right = counter_place(9.0, 6.0, &[]).expect("an empty booth has room");
        assert!(right.x > 0.0 && right.y > 2.0, "{right:?}");
        // A display near the front right sends the counter to the left corner.
        let near_right = Rect::from_center_size(Vec2::new(3.4, 1.6), Vec2::splat(0.8));
        let left = counter_place(9.0, 6.0, &[near_right]).expect("the left corner is free");
        assert_eq!(left, Vec2::new(-right.x, right.y));
        // Both front corners taken, or a booth too narrow: no counter.
        let near_left = Rect::from_center_size(Vec2::new(-3.4, 1.6), Vec2::splat(0.8));
        assert_eq!(counter_place(9.0, 6.0, &[near_right, near_left]), None);
        assert_eq!(counter_place(2.5, 6.0, &[]), None);
        // A display at the middle of the booth leaves both corners free.
        let middle = Rect::from_center_size(Vec2::ZERO, Vec2::splat(0.8));
        assert_eq!(counter_place(9.0, 6.0, &[middle]), Some(right));
    }

    #[test]
    fn furniture_covers_its_turned_footprint_and_arches_stand_beside_their_opening() {
        let bench = Bench {
            x: 2.0,
            z: -1.0,
            bearing: 90.0,
            length: 2.0,
        };
        let east = bench_rect(&bench);
        assert!(
            east.size()
                .abs_diff_eq(Vec2::new(size::BENCH_DEPTH, 2.0), 1e-4)
        );
        assert!(east.center().abs_diff_eq(Vec2::new(2.0, -1.0), 1e-4));
        let north = bench_rect(&Bench {
            bearing: 0.0,
            ..bench
        });
        assert!(
            north
                .size()
                .abs_diff_eq(Vec2::new(2.0, size::BENCH_DEPTH), 1e-4)
        );
        let entrance = Entrance {
            name: Default::default(),
            wall: crate::content::model::Side::South,
            offset: 4.0,
            width: 12.0,
            arch: true,
        };
        let (middle, inward, pillars) = entrance_arch(100.0, 80.0, &entrance);
        assert_eq!(middle, Vec2::new(4.0, 40.0 - size::ARCH_SETBACK));
        assert_eq!(inward, Vec2::new(0.0, -1.0));
        // Both pillars stand outside the opening's width.
        assert!(pillars[0].max.x <= 4.0 - 6.0 + 1e-4 && pillars[1].min.x >= 4.0 + 6.0 - 1e-4);
    }

    #[test]
    fn quarter_turns_swap_width_and_depth_and_other_turns_enclose() {
        let panel = display_extent(&Display::WallPanel);
        let straight = panel.in_booth(Vec2::new(1.0, 2.0), 0.0);
        assert_eq!(straight, Rect::new(0.1, 1.9, 1.9, 2.1));
        let turned = panel.in_booth(Vec2::ZERO, 90.0);
        assert_eq!(turned, Rect::new(-0.1, -0.9, 0.1, 0.9));
        let diagonal = panel.in_booth(Vec2::ZERO, 45.0);
        assert!(diagonal.width() > 1.3 && diagonal.height() > 1.3);
    }

    #[test]
    fn a_model_covers_exactly_its_parts_even_off_centre() {
        use crate::content::model::Shape;
        use bevy::math::Vec3;
        let part = |shape, at, size| Part {
            shape,
            at,
            size,
            colour: Colour::rgb_bytes([1, 2, 3]),
            transparency: 0.0,
            rotate: (0.0, 0.0, 0.0),
        };
        let extent = display_extent(&Display::Model {
            parts: vec![
                part(Shape::Box, (1.0, 0.5, 0.0), (1.0, 1.0, 0.4)),
                part(Shape::Sphere, (0.0, 2.0, 0.3), (0.25, 0.0, 0.0)),
            ],
        });
        assert_eq!(extent.min, Vec2::new(-0.25, -0.2));
        assert_eq!(extent.max, Vec2::new(1.5, 0.55));
        assert_eq!(extent.height, 2.25);
        // Turned parts: a 2 × 0.2 × 0.2 bar a quarter-turn about z stands upright; a blade (a
        // cylinder) leaning 30° is as wide as its axis's shadow plus its end discs.
        let bar = Part {
            rotate: (0.0, 0.0, 90.0),
            ..part(Shape::Box, (0.0, 1.0, 0.0), (2.0, 0.2, 0.2))
        };
        assert!(
            (bar.half_extent() - Vec3::new(0.1, 1.0, 0.1))
                .abs()
                .max_element()
                < 1e-5
        );
        let blade = Part {
            rotate: (0.0, 0.0, 30.0),
            ..part(Shape::Cylinder, (0.0, 1.0, 0.0), (0.1, 1.0, 0.1))
        };
        let (sin, cos) = 30f32.to_radians().sin_cos();
        let expected = Vec3::new(0.5 * sin + 0.1 * cos, 0.5 * cos + 0.1 * sin, 0.1);
        assert!((blade.half_extent() - expected).abs().max_element() < 1e-5);
    }

    #[test]
    fn open_booths_have_a_back_wall_only() {
        assert_eq!(booth_walls(BoothStyle::Open, 9.0, 6.0).len(), 1);
        assert!(booth_walls(BoothStyle::Island, 24.0, 10.0).is_empty());
        let walls = booth_walls(BoothStyle::ShellScheme, 9.0, 6.0);
        assert_eq!(walls.len(), 3);
        assert!((walls[0].centre.y + 2.95).abs() < 1e-5);
    }
}
