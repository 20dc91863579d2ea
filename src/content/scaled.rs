//! Halls of other sizes built from the shipped content, for benchmarks and rendering tests: the
//! shipped pavilions copied N times (copies get new two-character ids, `a1` … `q9`, and their
//! exhibits new ids with them) with China's four sectors in the middle and the pavilions in rows of
//! ten facing each other across 6 m aisles north and south of them; or, for N = 0, the empty hall
//! (the shipped shell with one bare booth). The result is checked with the validator.

use std::{fs, path::Path};

use super::{
    model::{Align, AreaRef, HallFile, Layout, Row, Side, Viewpoint, Zone, ZoneKind},
    parse::{parse_hall, parse_zone},
    source::{ContentSource, EMBEDDED_FILES},
    validate::validate,
};

/// The hall file a scaled content folder opens (its only hall).
pub const HALL_FILE: &str = "halls/scaled.hall.ron";
/// Booths in one row of copies.
const PER_ROW: usize = 10;
/// Aisle in front of each row, and the walk round the outside.
const AISLE: f32 = 6.0;
const MARGIN: f32 = 12.0;

fn shipped_text(path: &str) -> String {
    ContentSource::Embedded
        .read_text(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Writes a content folder at `out` (replacing it) with the pavilions `copies` times, or the empty
/// hall for 0; returns a one-line summary, or the first problem the validator found.
pub fn build(out: &Path, copies: usize) -> Result<String, String> {
    let _ = fs::remove_dir_all(out);
    for (path, bytes) in EMBEDDED_FILES {
        if path.starts_with("zones/") || path.starts_with("halls/") {
            continue;
        }
        let target = out.join(path);
        fs::create_dir_all(target.parent().unwrap()).map_err(|e| e.to_string())?;
        fs::write(&target, bytes).map_err(|e| e.to_string())?;
    }
    let hall_path = "halls/n2.hall.ron";
    let mut hall: HallFile =
        parse_hall(hall_path, &shipped_text(hall_path)).map_err(|p| p.to_string())?;
    let zones: Vec<Zone> = hall
        .zones
        .iter()
        .map(|file| parse_zone(file, &shipped_text(file)).map_err(|p| p.to_string()))
        .collect::<Result<_, _>>()?;
    let (host, pavilions): (Vec<Zone>, Vec<Zone>) = zones
        .into_iter()
        .partition(|z| matches!(z.kind, ZoneKind::Host { .. }));

    let mut placed: Vec<Zone> = Vec::new();
    if copies == 0 {
        // One bare booth: what the hall costs with (almost) nothing in it.
        let mut bare = pavilions[0].clone();
        bare.exhibits.clear();
        placed.push(bare);
    } else {
        placed.extend(host.iter().cloned());
        for copy in 0..copies {
            for (index, zone) in pavilions.iter().enumerate() {
                placed.push(renamed(zone, index, copy));
            }
        }
    }

    let mut shell = hall.shell.clone().ok_or("the shipped hall has a shell")?;
    let rows = if copies == 0 {
        vec![Row {
            start: (0.0, -31.0),
            runs: Side::East,
            facing: Side::South,
            gap: 3.0,
            align: Align::Centre,
            areas: vec![AreaRef::zone(placed[0].id.clone())],
        }]
    } else {
        let mut rows = hall.layout.rows[..2].to_vec(); // China's sectors, as shipped
        let pavilion_ids: Vec<AreaRef> = placed
            .iter()
            .filter(|z| matches!(z.kind, ZoneKind::Pavilion(_)))
            .map(|z| AreaRef::zone(z.id.clone()))
            .collect();
        let booths: Vec<_> = placed
            .iter()
            .filter_map(|z| match &z.kind {
                ZoneKind::Pavilion(p) => Some(p.booth.clone()),
                ZoneKind::Host { .. } => None,
            })
            .collect();
        let deepest = booths.iter().map(|b| b.depth).fold(0.0f32, f32::max);
        let widest_row =
            booths.iter().map(|b| b.width + 3.0).fold(0.0f32, f32::max) * PER_ROW as f32;
        // China's block reaches 3 m plus a sector's depth either side of the middle.
        let china = 3.0
            + host
                .iter()
                .flat_map(|z| match &z.kind {
                    ZoneKind::Host { sectors } => sectors.iter().map(|s| s.booth.depth).collect(),
                    ZoneKind::Pavilion(_) => Vec::new(),
                })
                .fold(0.0f32, f32::max);
        // Rows back to back in pairs on one line, each facing its own aisle; pairs alternate north
        // and south of China's block, moving outwards one pair pitch at a time.
        let pitch = 2.0 * deepest + AISLE;
        for (n, chunk) in pavilion_ids.chunks(PER_ROW).enumerate() {
            let pair = n / 2;
            let north = pair % 2 == 0;
            let line = china + AISLE + deepest + pitch * (pair / 2) as f32;
            let towards_china = n % 2 == 0;
            let (z, facing) = match (north, towards_china) {
                (true, true) => (-line, Side::South),
                (true, false) => (-line, Side::North),
                (false, true) => (line, Side::North),
                (false, false) => (line, Side::South),
            };
            rows.push(Row {
                start: (0.0, z),
                runs: Side::East,
                facing,
                gap: 3.0,
                align: Align::Centre,
                areas: chunk.to_vec(),
            });
        }
        let reach =
            rows.iter().map(|r| r.start.1.abs()).fold(0.0f32, f32::max) + deepest + AISLE + MARGIN;
        shell.width = shell.width.max(widest_row + 2.0 * MARGIN);
        shell.depth = shell.depth.max(2.0 * reach);
        shell.start = Viewpoint {
            x: 0.0,
            z: shell.depth / 2.0 - 3.0,
            ..shell.start
        };
        // The same benches and signposts, moved into the margins along the side walls (the
        // shipped places fall among the new rows), so the larger hall has as many.
        let furnishing = &mut shell.furnishing;
        let count = furnishing.benches.len() + furnishing.signposts.len();
        let spots: Vec<(f32, f32)> = (0..count)
            .map(|i| {
                let side = if i % 2 == 0 { -1.0 } else { 1.0 };
                let per_side = count.div_ceil(2);
                let along = (i / 2 + 1) as f32 / (per_side + 1) as f32;
                (
                    side * (shell.width / 2.0 - 4.0),
                    shell.depth * (along - 0.5),
                )
            })
            .collect();
        let mut spots = spots.into_iter();
        for bench in &mut furnishing.benches {
            (bench.x, bench.z) = spots.next().unwrap_or((bench.x, bench.z));
        }
        for post in &mut furnishing.signposts {
            (post.x, post.z) = spots.next().unwrap_or((post.x, post.z));
        }
        rows
    };

    fs::create_dir_all(out.join("zones")).map_err(|e| e.to_string())?;
    let pretty = ron::ser::PrettyConfig::default();
    let mut files = Vec::new();
    for zone in &placed {
        let file = format!("zones/{}.zone.ron", zone.id);
        let text = ron::ser::to_string_pretty(zone, pretty.clone()).map_err(|e| e.to_string())?;
        fs::write(out.join(&file), text).map_err(|e| e.to_string())?;
        files.push(file);
    }
    hall.shell = Some(shell);
    hall.zones = files;
    hall.layout = Layout {
        min_aisle: hall.layout.min_aisle,
        rows,
    };
    if copies == 0 {
        hall.tours.clear();
    }
    let hall_file = HALL_FILE;
    fs::create_dir_all(out.join("halls")).map_err(|e| e.to_string())?;
    let text = ron::ser::to_string_pretty(&hall, pretty).map_err(|e| e.to_string())?;
    fs::write(out.join(hall_file), text).map_err(|e| e.to_string())?;

    let report = validate(&ContentSource::Dir(out.to_path_buf()), hall_file);
    let summary = format!(
        "{} zones, {} exhibits, hall {:.0} × {:.0} m, {} problems",
        report.zones,
        report.exhibits,
        hall.shell.as_ref().unwrap().width,
        hall.shell.as_ref().unwrap().depth,
        report.problems.len()
    );
    match report.problems.first() {
        Some(problem) => Err(format!("{summary}; the first: {problem}")),
        None => Ok(summary),
    }
}

/// Copy `copy` of the pavilion at `index`: the original itself first, then new ids.
fn renamed(zone: &Zone, index: usize, copy: usize) -> Zone {
    let mut zone = zone.clone();
    if copy == 0 {
        return zone;
    }
    let id = format!("{}{copy}", (b'a' + index as u8) as char);
    for exhibit in &mut zone.exhibits {
        let rest = exhibit
            .id
            .split_once('.')
            .map_or(exhibit.id.as_str(), |(_, rest)| rest);
        exhibit.id = format!("{id}.{rest}");
    }
    if let ZoneKind::Pavilion(pavilion) = &mut zone.kind {
        pavilion.iso = id.to_uppercase();
    }
    zone.id = id;
    zone
}
