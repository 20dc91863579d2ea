//! The hall floor as a texture drawn from the layout: polished concrete slabs, carpet under
//! every booth and white aisle lines around them. The minimap can use the same picture.

use bevy::math::{Rect, Vec2};

use crate::content::{exhibition::Exhibition, layout::cells_under, model::AreaRef};

/// Pixels per metre of the floor texture.
pub const FLOOR_PIXELS_PER_METRE: f32 = 8.0;

/// The white aisle line round each booth: how far outside it its outer edge lies, and its width,
/// metres.
const AISLE_LINE_OFFSET: f32 = 0.6;
const AISLE_LINE_WIDTH: f32 = 0.12;
/// How far a booth's contact shadow reaches onto the floor round its platform, metres.
const CONTACT_SHADOW_REACH: f32 = 0.8;
/// How much darker the floor is right at a platform's edge.
const CONTACT_SHADOW_DEPTH: f32 = 0.38;
/// The radius of the pool of light under each roof light, metres, and how much brighter its
/// middle is.
const LIGHT_POOL_RADIUS: f32 = 4.5;
const LIGHT_POOL_GAIN: f32 = 0.12;

/// RGBA8 pixels of the floor plan, `(width, height)` in pixels; row 0 is the hall's north edge.
/// The light is baked in: a soft contact shadow round every booth and a pool of light under
/// each roof light at `lights` (hall x, z), so the floor reads as lit on every tier, including
/// the low one, which computes no shadows. Each booth and light touches only its own pixels.
pub fn floor_pixels(
    exhibition: &Exhibition,
    lights: &[Vec2],
    carpet: impl Fn(&AreaRef) -> [u8; 3],
) -> (u32, u32, Vec<u8>) {
    let shell = &exhibition.hall.shell;
    let w = (shell.width * FLOOR_PIXELS_PER_METRE) as usize;
    let h = (shell.depth * FLOOR_PIXELS_PER_METRE) as usize;
    let origin = Vec2::new(-shell.width, -shell.depth) / 2.0;
    let texel = 1.0 / FLOOR_PIXELS_PER_METRE;
    let to_hall = |px: usize, py: usize| origin + (Vec2::new(px as f32, py as f32) + 0.5) * texel;
    // The pixels a rectangle in hall metres may cover (each is tested).
    let pixels_of = |rect: Rect| cells_under(rect, origin, texel, (w, h));
    // Polished concrete, mottled, with 6 m slab joints.
    let mut rgb: Vec<[u8; 3]> = (0..h)
        .flat_map(|py| (0..w).map(move |px| (px, py)))
        .map(|(px, py)| {
            let p = to_hall(px, py);
            if (p.x.rem_euclid(6.0) < 0.12) || (p.y.rem_euclid(6.0) < 0.12) {
                [112, 114, 118]
            } else {
                let tone = concrete_mottle(p);
                [138, 140, 144].map(|c| (c as f32 * tone) as u8)
            }
        })
        .collect();
    let mut light = vec![1.0f32; w * h];
    for footprint in &exhibition.footprints {
        let rect = footprint.rect();
        let colour = carpet(&footprint.area);
        let (xs, ys) = pixels_of(rect.inflate(CONTACT_SHADOW_REACH.max(AISLE_LINE_OFFSET)));
        for py in ys {
            for px in xs.clone() {
                let p = to_hall(px, py);
                let i = py * w + px;
                // How far outside the booth the point is (0 inside): across each axis, the
                // farther of the two, and straight.
                let beyond = (rect.min - p).max(p - rect.max).max(Vec2::ZERO);
                let (edge, outside) = (beyond.max_element(), beyond.length());
                if rect.contains(p) {
                    rgb[i] = colour;
                } else if edge <= AISLE_LINE_OFFSET && edge > AISLE_LINE_OFFSET - AISLE_LINE_WIDTH {
                    rgb[i] = [228, 226, 214];
                }
                if outside > 0.0 && outside < CONTACT_SHADOW_REACH {
                    let near = 1.0 - outside / CONTACT_SHADOW_REACH;
                    light[i] = light[i].min(1.0 - CONTACT_SHADOW_DEPTH * near * near);
                }
            }
        }
    }
    for &centre in lights {
        let reach = Vec2::splat(LIGHT_POOL_RADIUS);
        let (xs, ys) = pixels_of(Rect::from_center_half_size(centre, reach));
        for py in ys {
            for px in xs.clone() {
                let across = to_hall(px, py).distance(centre) / LIGHT_POOL_RADIUS;
                if across < 1.0 {
                    let falloff = 1.0 - across * across;
                    light[py * w + px] *= 1.0 + LIGHT_POOL_GAIN * falloff * falloff;
                }
            }
        }
    }
    let pixels = rgb
        .iter()
        .zip(&light)
        .flat_map(|(rgb, light)| {
            let [r, g, b] = rgb.map(|c| (c as f32 * light).min(255.0) as u8);
            [r, g, b, 255]
        })
        .collect();
    (w as u32, h as u32, pixels)
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
