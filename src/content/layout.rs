//! Hall geometry: turns the declared rows of a [`Layout`] into booth footprints, and checks the
//! arrangement (no overlaps, inside the walls, every booth reachable through wide-enough aisles).
//!
//! Plain Rust, no ECS: the 3D scene, the minimap, camera viewpoints and the validator all read
//! the same footprints.

use std::{
    collections::{HashMap, HashSet, VecDeque},
    ops::Range,
};

use bevy::math::{Rect, Vec2};

use super::model::{Align, AreaRef, Layout, Shell, Side};

impl Side {
    /// Unit vector on the floor plan (x east, z south).
    pub fn vector(self) -> Vec2 {
        match self {
            Side::North => Vec2::new(0.0, -1.0),
            Side::East => Vec2::new(1.0, 0.0),
            Side::South => Vec2::new(0.0, 1.0),
            Side::West => Vec2::new(-1.0, 0.0),
        }
    }

    pub fn is_north_south(self) -> bool {
        matches!(self, Side::North | Side::South)
    }
}

/// One booth on the floor: a zone's pavilion or one China sector.
#[derive(Debug, Clone, PartialEq)]
pub struct Footprint {
    /// The pavilion or sector this booth is.
    pub area: AreaRef,
    /// Centre on the floor plan.
    pub centre: Vec2,
    /// Along the front.
    pub width: f32,
    /// Front to back.
    pub depth: f32,
    /// The direction the open front faces.
    pub facing: Side,
}

impl Footprint {
    /// Rotation about the vertical axis (radians, right-handed, y up) that turns booth-local
    /// axes into hall axes: local +z (towards the front) becomes `facing`.
    pub fn yaw(&self) -> f32 {
        let f = self.facing.vector();
        f.x.atan2(f.y)
    }

    /// Booth-local (x along the front, z towards the front) to floor-plan coordinates.
    pub fn to_hall(&self, local: Vec2) -> Vec2 {
        let forward = self.facing.vector();
        // A visitor facing the booth looks along −forward; their right hand is local +x.
        let right = Vec2::new(forward.y, -forward.x);
        self.centre + right * local.x + forward * local.y
    }

    pub fn to_local(&self, hall: Vec2) -> Vec2 {
        let forward = self.facing.vector();
        let right = Vec2::new(forward.y, -forward.x);
        let d = hall - self.centre;
        Vec2::new(d.dot(right), d.dot(forward))
    }

    /// Axis-aligned rectangle on the floor plan.
    pub fn rect(&self) -> Rect {
        let half = if self.facing.is_north_south() {
            Vec2::new(self.width, self.depth) / 2.0
        } else {
            Vec2::new(self.depth, self.width) / 2.0
        };
        Rect::from_center_half_size(self.centre, half)
    }

    /// Whether a booth-local rectangle (a display's [`in_booth`] extent) lies inside.
    ///
    /// [`in_booth`]: super::footprint::DisplayExtent::in_booth
    pub fn contains_local(&self, local: Rect) -> bool {
        let inside =
            Rect::from_center_half_size(Vec2::ZERO, Vec2::new(self.width, self.depth) / 2.0)
                .inflate(1e-3);
        inside.contains(local.min) && inside.contains(local.max)
    }

    /// A booth-local rectangle on the floor plan (booths face along the axes).
    pub fn local_rect_to_hall(&self, local: Rect) -> Rect {
        Rect::from_corners(self.to_hall(local.min), self.to_hall(local.max))
    }

    /// The middle of the open front, `distance` metres out into the aisle.
    pub fn in_front(&self, distance: f32) -> Vec2 {
        self.centre + self.facing.vector() * (self.depth / 2.0 + distance)
    }
}

/// Something wrong with the arrangement; `row` is the index in `layout.rows` where it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutProblem {
    pub row: Option<usize>,
    /// The word in the hall file the problem is about, when it is not a booth (`benches`).
    pub anchor: Option<&'static str>,
    pub area: Option<AreaRef>,
    pub message: String,
}

/// Places every area named in the layout. `sizes` maps area ids to (width, depth); an area that
/// has no size (its zone failed to load) is reported and skipped, the rest of the row keeps its
/// place as if that booth were there at a standard 9 × 6 m.
pub fn place(
    layout: &Layout,
    sizes: &HashMap<AreaRef, (f32, f32)>,
) -> (Vec<Footprint>, Vec<LayoutProblem>) {
    let mut footprints = Vec::new();
    let mut problems = Vec::new();
    for (index, row) in layout.rows.iter().enumerate() {
        let along = row.runs.vector();
        let out = row.facing.vector();
        if along.dot(out).abs() > 1e-3 {
            problems.push(LayoutProblem {
                row: Some(index),
                anchor: None,
                area: None,
                message: format!(
                    "a row that runs {:?} cannot face {:?}: booths must face across the row",
                    row.runs, row.facing
                ),
            });
            continue;
        }
        let booth_sizes: Vec<(f32, f32)> = row
            .areas
            .iter()
            .map(|area| sizes.get(area).copied().unwrap_or((9.0, 6.0)))
            .collect();
        let total = booth_sizes.iter().map(|s| s.0).sum::<f32>()
            + row.gap * row.areas.len().saturating_sub(1) as f32;
        let mut cursor = match row.align {
            Align::Start => 0.0,
            Align::Centre => -total / 2.0,
            Align::End => -total,
        };
        let start = Vec2::new(row.start.0, row.start.1);
        for (area, (width, depth)) in row.areas.iter().zip(booth_sizes) {
            if sizes.contains_key(area) {
                footprints.push(Footprint {
                    area: area.clone(),
                    centre: start + along * (cursor + width / 2.0) + out * (depth / 2.0),
                    width,
                    depth,
                    facing: row.facing,
                });
            } else {
                problems.push(LayoutProblem {
                    row: Some(index),
                    anchor: None,
                    area: Some(area.clone()),
                    message: format!(
                        "the layout places `{area}`, but no loaded zone has that area"
                    ),
                });
            }
            cursor += width + row.gap;
        }
    }
    (footprints, problems)
}

/// Checks overlaps, walls and reachability. `min_aisle` is the narrowest aisle a visitor (or a
/// wheelchair, or a crowd) must find on the way from an entrance to every booth's front.
pub fn check(shell: &Shell, layout: &Layout, footprints: &[Footprint]) -> Vec<LayoutProblem> {
    let mut problems = Vec::new();
    let problem = |area: &AreaRef, message: String| LayoutProblem {
        row: None,
        anchor: None,
        area: Some(area.clone()),
        message,
    };
    let hall = Rect::from_center_half_size(Vec2::ZERO, Vec2::new(shell.width, shell.depth) / 2.0);
    let mut seen = HashSet::new();
    for (i, a) in footprints.iter().enumerate() {
        if !seen.insert(&a.area) {
            problems.push(problem(
                &a.area,
                format!("`{}` is placed more than once", a.area),
            ));
        }
        let rect = a.rect();
        if !hall.inflate(1e-3).contains(rect.min) || !hall.inflate(1e-3).contains(rect.max) {
            problems.push(problem(
                &a.area,
                format!(
                    "`{}` ({:.1}..{:.1} x, {:.1}..{:.1} z) pokes through the hall walls ({:.0} × {:.0} m)",
                    a.area, rect.min.x, rect.max.x, rect.min.y, rect.max.y, shell.width, shell.depth
                ),
            ));
        }
        for b in &footprints[i + 1..] {
            let overlap = rect.intersect(b.rect());
            if overlap.width() > 1e-3 && overlap.height() > 1e-3 {
                problems.push(problem(
                    &a.area,
                    format!(
                        "`{}` overlaps `{}` by {:.1} × {:.1} m",
                        a.area,
                        b.area,
                        overlap.width(),
                        overlap.height()
                    ),
                ));
            }
        }
    }
    for entrance in &shell.entrances {
        if entrance.width < layout.min_aisle {
            problems.push(LayoutProblem {
                row: None,
                anchor: None,
                area: None,
                message: format!(
                    "entrance `{}` is {:.1} m wide, narrower than the {:.1} m minimum aisle",
                    entrance.name.get(crate::content::model::Lang::UNDETERMINED),
                    entrance.width,
                    layout.min_aisle
                ),
            });
        }
    }
    // Furniture in the aisles leaves a full aisle between itself and every booth.
    let furniture = shell
        .furnishing
        .benches
        .iter()
        .map(|b| {
            (
                "bench",
                "benches",
                Vec2::new(b.x, b.z),
                super::footprint::bench_rect(b),
            )
        })
        .chain(shell.furnishing.signposts.iter().map(|p| {
            (
                "signpost",
                "signposts",
                Vec2::new(p.x, p.z),
                super::footprint::signpost_rect(p),
            )
        }));
    for (what, anchor, at, covers) in furniture {
        for footprint in footprints {
            let booth = footprint.rect();
            let gap = Vec2::new(
                (booth.min.x - covers.max.x).max(covers.min.x - booth.max.x),
                (booth.min.y - covers.max.y).max(covers.min.y - booth.max.y),
            )
            .max_element();
            if gap < layout.min_aisle {
                problems.push(LayoutProblem {
                    row: None,
                    anchor: Some(anchor),
                    area: None,
                    message: format!(
                        "the {what} at x {:.1}, z {:.1} stands {:.1} m from booth `{}`: leave at least the {:.1} m minimum aisle",
                        at.x,
                        at.y,
                        gap.max(0.0),
                        footprint.area,
                        layout.min_aisle
                    ),
                });
            }
        }
    }
    let grid = AisleGrid::new(shell, footprints, layout.min_aisle);
    let reached = grid.reachable_from_entrances(shell);
    for footprint in footprints {
        let reachable = [0.0, -0.3, 0.3].iter().any(|shift| {
            let along = Vec2::new(footprint.facing.vector().y, -footprint.facing.vector().x);
            let spot = footprint.in_front(layout.min_aisle / 2.0 + grid.cell)
                + along * footprint.width * shift;
            grid.cell_of(spot).is_some_and(|c| reached[c])
        });
        if !reachable {
            problems.push(problem(
                &footprint.area,
                format!(
                    "`{}` cannot be reached from an entrance through aisles at least {:.1} m wide",
                    footprint.area, layout.min_aisle
                ),
            ));
        }
    }
    problems
}

/// The cells of a grid (centres at `origin + (index + 0.5) × cell`, `size` cells across and
/// down) whose centres may lie in `rect`: a range of columns and one of rows, clipped to the grid.
/// It may include a cell just outside, never miss one inside: callers test each centre.
pub fn cells_under(
    rect: Rect,
    origin: Vec2,
    cell: f32,
    size: (usize, usize),
) -> (Range<usize>, Range<usize>) {
    let from = ((rect.min - origin) / cell - 0.5).floor();
    let to = ((rect.max - origin) / cell - 0.5).ceil();
    let span = |from: f32, to: f32, count: usize| {
        let clip = |v: f32| (v.max(0.0) as usize).min(count);
        clip(from)..clip(to + 1.0)
    };
    (span(from.x, to.x, size.0), span(from.y, to.y, size.1))
}

/// The hall floor as a grid of cells where a visitor's centre may stand while keeping half the
/// minimum aisle width clear of booths and walls.
pub struct AisleGrid {
    pub cell: f32,
    origin: Vec2,
    cols: usize,
    rows: usize,
    free: Vec<bool>,
}

impl AisleGrid {
    pub fn new(shell: &Shell, footprints: &[Footprint], min_aisle: f32) -> Self {
        let cell = 0.25;
        let origin = Vec2::new(-shell.width, -shell.depth) / 2.0;
        let cols = (shell.width / cell).ceil() as usize;
        let rows = (shell.depth / cell).ceil() as usize;
        let clearance = min_aisle / 2.0;
        let inner = Rect::from_center_half_size(
            Vec2::ZERO,
            (Vec2::new(shell.width, shell.depth) / 2.0 - Vec2::splat(clearance)).max(Vec2::ZERO),
        );
        let blocked: Vec<Rect> = footprints
            .iter()
            .map(|f| f.rect().inflate(clearance - 1e-3))
            .collect();
        let centre =
            |col: usize, row: usize| origin + (Vec2::new(col as f32, row as f32) + 0.5) * cell;
        let mut free: Vec<bool> = (0..rows)
            .flat_map(|row| (0..cols).map(move |col| (col, row)))
            .map(|(col, row)| inner.contains(centre(col, row)))
            .collect();
        // Each booth closes only the cells round it (testing every booth for every cell was a
        // thirtieth of the 10× hall's start).
        for r in &blocked {
            let (booth_cols, booth_rows) = cells_under(*r, origin, cell, (cols, rows));
            for row in booth_rows {
                for col in booth_cols.clone() {
                    if r.contains(centre(col, row)) {
                        free[row * cols + col] = false;
                    }
                }
            }
        }
        AisleGrid {
            cell,
            origin,
            cols,
            rows,
            free,
        }
    }

    pub fn cell_of(&self, p: Vec2) -> Option<usize> {
        let c = ((p - self.origin) / self.cell).floor();
        (c.x >= 0.0 && c.y >= 0.0 && (c.x as usize) < self.cols && (c.y as usize) < self.rows)
            .then(|| c.y as usize * self.cols + c.x as usize)
    }

    /// Flood fill from just inside each entrance.
    pub fn reachable_from_entrances(&self, shell: &Shell) -> Vec<bool> {
        let mut reached = vec![false; self.free.len()];
        let mut queue = VecDeque::new();
        for entrance in &shell.entrances {
            let inward = -entrance.wall.vector();
            let along = Vec2::new(inward.y, -inward.x).abs();
            let half = match entrance.wall {
                Side::North | Side::South => shell.depth / 2.0,
                Side::East | Side::West => shell.width / 2.0,
            };
            let door = -inward * half + along * entrance.offset;
            for step in 0..40 {
                let spot = door + inward * (step as f32 * self.cell);
                if let Some(c) = self.cell_of(spot).filter(|c| self.free[*c]) {
                    reached[c] = true;
                    queue.push_back(c);
                    break;
                }
            }
        }
        while let Some(c) = queue.pop_front() {
            let (col, row) = (c % self.cols, c / self.cols);
            let neighbours = [
                (col > 0).then(|| c - 1),
                (col + 1 < self.cols).then(|| c + 1),
                (row > 0).then(|| c - self.cols),
                (row + 1 < self.rows).then(|| c + self.cols),
            ];
            for n in neighbours.into_iter().flatten() {
                if self.free[n] && !reached[n] {
                    reached[n] = true;
                    queue.push_back(n);
                }
            }
        }
        reached
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Entrance, Row, Text, Viewpoint};

    fn area(id: &str) -> AreaRef {
        AreaRef::parse(id).unwrap()
    }

    fn shell() -> Shell {
        Shell {
            name: Text::from_codes(&[("en", "Test hall"), ("zh", "测试馆")]),
            width: 60.0,
            depth: 40.0,
            wall_height: 10.0,
            entrances: vec![Entrance {
                name: Text::from_codes(&[("en", "Door"), ("zh", "门")]),
                wall: Side::South,
                offset: 0.0,
                width: 6.0,
                arch: false,
            }],
            start: Viewpoint {
                x: 0.0,
                z: 15.0,
                bearing: 0.0,
            },
            furnishing: Default::default(),
            environment: None,
        }
    }

    fn row(start: (f32, f32), runs: Side, facing: Side, align: Align, areas: &[&str]) -> Row {
        Row {
            start,
            runs,
            facing,
            gap: 3.0,
            align,
            areas: areas.iter().map(|a| area(a)).collect(),
        }
    }

    fn sizes(list: &[(&str, f32, f32)]) -> HashMap<AreaRef, (f32, f32)> {
        list.iter().map(|(a, w, d)| (area(a), (*w, *d))).collect()
    }

    #[test]
    fn rows_place_booths_edge_to_edge_with_gaps() {
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![row(
                (0.0, -10.0),
                Side::East,
                Side::South,
                Align::Centre,
                &["a", "b"],
            )],
        };
        let (f, problems) = place(&layout, &sizes(&[("a", 9.0, 6.0), ("b", 12.0, 8.0)]));
        assert!(problems.is_empty());
        // Total 9 + 3 + 12 = 24, centred on x = 0: a spans −12..−3, b spans 0..12.
        assert_eq!(f[0].rect(), Rect::new(-12.0, -10.0, -3.0, -4.0));
        assert_eq!(f[1].rect(), Rect::new(0.0, -10.0, 12.0, -2.0));
    }

    #[test]
    fn booths_facing_east_or_west_swap_width_and_depth() {
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![row(
                (20.0, 0.0),
                Side::South,
                Side::West,
                Align::Start,
                &["a"],
            )],
        };
        let (f, _) = place(&layout, &sizes(&[("a", 9.0, 6.0)]));
        assert_eq!(f[0].rect(), Rect::new(14.0, 0.0, 20.0, 9.0));
    }

    #[test]
    fn local_coordinates_round_trip_and_front_is_towards_facing() {
        for facing in [Side::North, Side::East, Side::South, Side::West] {
            let f = Footprint {
                area: area("a"),
                centre: Vec2::new(5.0, -3.0),
                width: 9.0,
                depth: 6.0,
                facing,
            };
            let p = Vec2::new(1.5, -2.0);
            assert!((f.to_local(f.to_hall(p)) - p).length() < 1e-4);
            let front = f.to_hall(Vec2::new(0.0, 3.0));
            assert!(
                (front - f.centre)
                    .normalize()
                    .abs_diff_eq(facing.vector(), 1e-4)
            );
            // The yaw rotates local +z onto the facing direction.
            let yaw = f.yaw();
            let rotated = Vec2::new(yaw.sin(), yaw.cos());
            assert!(rotated.abs_diff_eq(facing.vector(), 1e-4), "{facing:?}");
        }
    }

    #[test]
    fn overlapping_and_out_of_hall_booths_are_reported() {
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![
                row((0.0, 0.0), Side::East, Side::North, Align::Start, &["a"]),
                row((4.0, 0.0), Side::East, Side::North, Align::Start, &["b"]),
                row((28.0, 10.0), Side::East, Side::North, Align::Start, &["c"]),
            ],
        };
        let (f, _) = place(
            &layout,
            &sizes(&[("a", 9.0, 6.0), ("b", 9.0, 6.0), ("c", 9.0, 6.0)]),
        );
        let problems = check(&shell(), &layout, &f);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("`a` overlaps `b`")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("`c`") && p.message.contains("walls")),
            "{problems:?}"
        );
    }

    #[test]
    fn furniture_closer_to_a_booth_than_an_aisle_is_reported() {
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![row(
                (0.0, 0.0),
                Side::East,
                Side::North,
                Align::Start,
                &["a"],
            )],
        };
        let (f, _) = place(&layout, &sizes(&[("a", 9.0, 6.0)]));
        let booth = f[0].rect();
        let mut hall = shell();
        // A bench 1 m in front of the booth, a signpost well clear of it.
        hall.furnishing.benches.push(crate::content::model::Bench {
            x: booth.center().x,
            z: booth.min.y - 1.0 - 0.225,
            bearing: 0.0,
            length: 2.0,
        });
        hall.furnishing
            .signposts
            .push(crate::content::model::Signpost {
                x: booth.center().x,
                z: booth.min.y - 8.0,
                bearing: 0.0,
            });
        let problems = check(&hall, &layout, &f);
        let about: Vec<&str> = problems
            .iter()
            .map(|p| p.message.as_str())
            .filter(|m| m.contains("bench") || m.contains("signpost"))
            .collect();
        assert_eq!(about.len(), 1, "{problems:?}");
        assert!(
            about[0].contains("the bench at") && about[0].contains("1.0 m from booth `a`"),
            "{}",
            about[0]
        );
    }

    #[test]
    fn a_booth_walled_in_by_others_is_unreachable() {
        // Booth `x` faces north into a pocket closed by `lid` 2 m in front of it.
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![
                row((-10.0, 0.0), Side::East, Side::North, Align::Start, &["x"]),
                row(
                    (-14.0, -8.0),
                    Side::East,
                    Side::North,
                    Align::Start,
                    &["lid"],
                ),
                row(
                    (-14.0, 0.0),
                    Side::North,
                    Side::East,
                    Align::Start,
                    &["left"],
                ),
                row((3.0, 0.0), Side::North, Side::West, Align::End, &["right"]),
            ],
        };
        let (f, problems) = place(
            &layout,
            &sizes(&[
                ("x", 9.0, 6.0),
                ("lid", 17.0, 4.0),
                ("left", 8.0, 4.0),
                ("right", 8.0, 4.0),
            ]),
        );
        assert!(problems.is_empty());
        let problems = check(&shell(), &layout, &f);
        assert!(
            problems
                .iter()
                .any(|p| p.area == Some(area("x")) && p.message.contains("cannot be reached")),
            "{problems:?}"
        );
        assert!(
            !problems
                .iter()
                .any(|p| p.area == Some(area("lid")) && p.message.contains("reached"))
        );
    }

    #[test]
    fn aisles_narrower_than_the_minimum_block_the_way() {
        // A wall of booths right across the hall with a 2 m slot, and a booth behind it.
        let mut layout = Layout {
            min_aisle: 3.0,
            rows: vec![
                Row {
                    start: (-30.0, 0.0),
                    runs: Side::East,
                    facing: Side::South,
                    gap: 2.0,
                    align: Align::Start,
                    areas: vec![area("l"), area("r")],
                },
                row(
                    (-5.0, -12.0),
                    Side::East,
                    Side::South,
                    Align::Start,
                    &["inner"],
                ),
            ],
        };
        let (f, _) = place(
            &layout,
            &sizes(&[("l", 29.0, 2.0), ("r", 29.0, 2.0), ("inner", 9.0, 6.0)]),
        );
        let problems = check(&shell(), &layout, &f);
        assert!(
            problems.iter().any(|p| p.area == Some(area("inner"))),
            "{problems:?}"
        );
        layout.min_aisle = 1.4;
        assert!(
            check(&shell(), &layout, &f)
                .iter()
                .all(|p| p.area != Some(area("inner")))
        );
    }

    #[test]
    fn rows_that_face_along_themselves_are_rejected() {
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![row(
                (0.0, 0.0),
                Side::East,
                Side::West,
                Align::Start,
                &["a"],
            )],
        };
        let (f, problems) = place(&layout, &sizes(&[("a", 9.0, 6.0)]));
        assert!(f.is_empty());
        assert!(problems[0].message.contains("cannot face"));
    }

    #[test]
    fn the_aisle_grid_is_every_cell_clear_of_walls_and_booths() {
        // Booths in the middle, against a wall and half outside the hall.
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![
                row((0.0, 0.0), Side::East, Side::North, Align::Start, &["a"]),
                row(
                    (-15.0, -10.0),
                    Side::East,
                    Side::North,
                    Align::Start,
                    &["b"],
                ),
                row((28.0, 10.0), Side::East, Side::North, Align::Start, &["c"]),
            ],
        };
        let (footprints, _) = place(
            &layout,
            &sizes(&[("a", 9.0, 6.0), ("b", 5.0, 4.0), ("c", 9.0, 6.0)]),
        );
        let shell = shell();
        let grid = AisleGrid::new(&shell, &footprints, layout.min_aisle);
        let clearance = layout.min_aisle / 2.0;
        let inner = Rect::from_center_half_size(
            Vec2::ZERO,
            Vec2::new(shell.width, shell.depth) / 2.0 - Vec2::splat(clearance),
        );
        let mut closed = 0;
        for row in 0..grid.rows {
            for col in 0..grid.cols {
                let p = grid.origin + (Vec2::new(col as f32, row as f32) + 0.5) * grid.cell;
                let clear = inner.contains(p)
                    && !footprints
                        .iter()
                        .any(|f| f.rect().inflate(clearance - 1e-3).contains(p));
                assert_eq!(grid.free[row * grid.cols + col], clear, "cell {col}, {row}");
                closed += usize::from(inner.contains(p) && !clear);
            }
        }
        assert!(closed > 1000, "the booths close {closed} cells");
    }

    #[test]
    fn the_cells_under_a_rectangle_hold_every_centre_in_it_clipped_to_the_grid() {
        let (origin, cell, size) = (Vec2::new(-5.0, -5.0), 0.5, (20, 20));
        for rect in [
            Rect::new(-1.1, -0.3, 2.26, 1.9),
            Rect::new(-9.0, -9.0, -4.6, 3.0),
            Rect::new(4.9, 4.9, 12.0, 12.0),
            Rect::new(20.0, 20.0, 30.0, 30.0),
        ] {
            let (cols, rows) = cells_under(rect, origin, cell, size);
            assert!(cols.end <= size.0 && rows.end <= size.1, "{rect:?}");
            for row in 0..size.1 {
                for col in 0..size.0 {
                    let centre = origin + (Vec2::new(col as f32, row as f32) + 0.5) * cell;
                    if rect.contains(centre) {
                        assert!(
                            cols.contains(&col) && rows.contains(&row),
                            "{rect:?} {col} {row}"
                        );
                    }
                }
            }
        }
    }
}
