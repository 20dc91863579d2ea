//! `cargo bench --bench content`: how long the window-less work takes (reading and validating
//! the content, laying out the hall, drawing the floor plan and signs, collision steps) and how
//! much texture memory the generated images need. Numbers are recorded in docs/benchmarks.md.

use std::{hint::black_box, time::Instant};

use ab_glyph::FontRef;
use bevy::math::Vec2;
use expo_hall::{
    camera::collision::{Obstacles, WALKER_RADIUS},
    content::{
        exhibition::read_exhibition,
        layout,
        model::{AreaRef, Lang},
        source::ContentSource,
        validate::validate,
    },
    hall::{SignKind, floor, shell, sign_layout, signs},
};

/// Runs `f` repeatedly for about `budget_ms` and prints the mean and best time per run.
fn bench<T>(name: &str, budget_ms: u128, mut f: impl FnMut() -> T) {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed().as_millis() < budget_ms || times.len() < 3 {
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "{name:<44} {mean:>10.3} ms mean {best:>10.3} ms best  ({} runs)",
        times.len()
    );
}

fn main() {
    let source = ContentSource::Embedded;
    let hall = source.default_hall().expect("the shipped hall");
    let exhibition = read_exhibition(&source, &hall)
        .exhibition
        .expect("shipped content");
    println!(
        "content: {} zones, {} exhibits\n",
        exhibition.zones.len(),
        exhibition.exhibit_count()
    );

    bench("read + parse hall and 18 zone files", 1500, || {
        read_exhibition(&source, &hall)
    });
    bench("validate (all checks, images, font)", 3000, || {
        validate(&source, &hall)
    });
    bench("layout: place rows", 500, || {
        layout::place(
            &exhibition.hall.layout,
            &expo_hall::content::exhibition::area_sizes(&exhibition.zones),
        )
    });
    bench("layout: overlap/walls/reachability check", 1500, || {
        layout::check(
            &exhibition.hall.shell,
            &exhibition.hall.layout,
            &exhibition.footprints,
        )
    });
    bench("floor plan texture", 1500, || {
        floor::floor_pixels(
            &exhibition,
            &shell::light_panels(&exhibition.hall.shell),
            |a| floor::carpet_colour(&exhibition, a),
        )
    });

    let font_bytes: Vec<Vec<u8>> = expo_hall::content::loading::BOLD_FONTS
        .iter()
        .map(|path| source.read(path).unwrap())
        .collect();
    let font = signs::FontStack(
        font_bytes
            .iter()
            .map(|bytes| FontRef::try_from_slice(bytes).unwrap())
            .collect(),
    );
    let fascia = sign_layout(
        &SignKind::Fascia {
            area: AreaRef::zone("ru"),
        },
        &exhibition,
        Lang::parse("zh").unwrap(),
        1024,
        88,
    );
    bench("sign: fascia 1024×88", 1000, || {
        signs::rasterize(&font, &fascia)
    });
    let first = exhibition.exhibit_refs().next().unwrap();
    let panel = sign_layout(
        &SignKind::Panel(first),
        &exhibition,
        Lang::parse("en").unwrap(),
        640,
        880,
    );
    bench("sign: wall panel 640×880 (wrapped text)", 1000, || {
        signs::rasterize(&font, &panel)
    });

    let obstacles = Obstacles::from_exhibition(&exhibition);
    bench("collision: 1000 walking steps", 1000, || {
        let mut p = Vec2::new(0.0, 38.0);
        for i in 0..1000 {
            let angle = i as f32 * 0.01;
            p = obstacles.walk(
                p,
                Vec2::new(angle.sin(), -angle.cos()) * 0.04,
                WALKER_RADIUS,
            );
        }
        p
    });

    // Texture memory of what the hall generates (RGBA8, before mipmaps).
    let (w, h, _) = floor::floor_pixels(
        &exhibition,
        &shell::light_panels(&exhibition.hall.shell),
        |a| floor::carpet_colour(&exhibition, a),
    );
    let mut sign_bytes = 0u64;
    let fascias = exhibition.footprints.len() as u64;
    sign_bytes += fascias * 1024 * 160 * 4;
    for at in exhibition.exhibit_refs() {
        use expo_hall::content::model::Display;
        sign_bytes += match exhibition.exhibit(at).display {
            Display::WallPanel => 640 * 880 * 4,
            Display::Statistic => 600 * 880 * 4,
            Display::Screen { .. } => 512 * 296 * 4,
            _ => 0,
        };
    }
    println!(
        "\ntexture memory: floor plan {:.1} MiB, signs ≤ {:.1} MiB, {} obstacle boxes",
        (w * h * 4) as f64 / 1048576.0,
        sign_bytes as f64 / 1048576.0,
        obstacles.boxes.len()
    );
}
