//! The hall floor as a texture drawn from the layout: polished concrete slabs, carpet under
//! every booth and white aisle lines around them. The minimap can use the same picture.

use bevy::math::{Rect, Vec2};

use crate::content::{exhibition::Exhibition, model::AreaRef};

/// Pixels per metre of the floor texture.
pub const FLOOR_PIXELS_PER_METRE: f32 = 8.0;

/// RGBA8 pixels of the floor plan, `(width, height)` in pixels; row 0 is the hall's north edge.
pub fn floor_pixels(
    exhibition: &Exhibition,
    carpet: impl Fn(&AreaRef) -> [u8; 3],
) -> (u32, u32, Vec<u8>) {
    let shell = &exhibition.hall.shell;
    let w = (shell.width * FLOOR_PIXELS_PER_METRE) as u32;
    let h = (shell.depth * FLOOR_PIXELS_PER_METRE) as u32;
    let mut pixels = vec![0u8; (w * h * 4) as usize];
    let to_hall = |px: u32, py: u32| {
        Vec2::new(
            (px as f32 + 0.5) / FLOOR_PIXELS_PER_METRE - shell.width / 2.0,
            (py as f32 + 0.5) / FLOOR_PIXELS_PER_METRE - shell.depth / 2.0,
        )
    };
    let booths: Vec<(Rect, [u8; 3])> = exhibition
        .footprints
        .iter()
        .map(|f| (f.rect(), carpet(&f.area)))
        .collect();
    let line = 0.12;
    for py in 0..h {
        for px in 0..w {
            let p = to_hall(px, py);
            // Polished concrete, mottled, with 6 m slab joints.
            let slab = (p.x.rem_euclid(6.0) < 0.12) || (p.y.rem_euclid(6.0) < 0.12);
            let mut rgb = if slab {
                [112, 114, 118]
            } else {
                let tone = concrete_mottle(p);
                [138, 140, 144].map(|c| (c as f32 * tone) as u8)
            };
            for (rect, colour) in &booths {
                if rect.contains(p) {
                    rgb = *colour;
                } else {
                    // An aisle line 0.6 m outside each booth.
                    let outline = rect.inflate(0.6);
                    let inner = rect.inflate(0.6 - line);
                    if outline.contains(p) && !inner.contains(p) {
                        rgb = [228, 226, 214];
                    }
                }
            }
            let i = ((py * w + px) * 4) as usize;
            pixels[i..i + 4].copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
        }
    }
    (w, h, pixels)
}

/// The brightness of polished concrete at a floor point (about 0.9 to 1.06): broad cloudy
/// patches from a few sine waves, plus a fine grain from a hash of the point.
fn concrete_mottle(p: Vec2) -> f32 {
    let clouds = (p.x * 0.31 + (p.y * 0.17).sin() * 2.0).sin() * 0.5
        + (p.y * 0.23 + (p.x * 0.13).cos() * 2.0).sin() * 0.3
        + ((p.x + p.y) * 0.71).sin() * 0.2;
    let cell = (p * FLOOR_PIXELS_PER_METRE).floor();
    let grain = super::palette::cell_noise(cell.x as i32, cell.y as i32);
    0.97 + clouds * 0.05 + (grain - 0.5) * 0.04
}

/// The carpet colour of an area: its booth's main colour, darkened.
pub fn carpet_colour(exhibition: &Exhibition, area: &AreaRef) -> [u8; 3] {
    super::palette::shade(exhibition.area_colour(area), -0.35)
}
