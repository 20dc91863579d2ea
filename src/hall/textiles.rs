//! Pictures for hanging textiles, drawn from the content's colours: plain bands, or a painted
//! scroll (a thangka: brocade border, gold frame, a haloed figure on a lotus above green hills).
//! They are generated patterns, never shown or captioned as photographs.

use bevy::{image::ImageSampler, prelude::*};

use super::palette::{gpu_image, shade};

/// The cloth in vertical bands, one per colour, each with a darker seam.
pub fn bands_image(bands: &[[u8; 3]]) -> Image {
    let bands = if bands.is_empty() {
        vec![[180, 60, 60]]
    } else {
        bands.to_vec()
    };
    let band_px = 8;
    let width = (bands.len() * band_px) as u32;
    let height = 4;
    let mut data = Vec::with_capacity((width * height * 4) as usize);
    for _ in 0..height {
        for band in &bands {
            for x in 0..band_px {
                let rgb = if x == 0 { shade(*band, -0.35) } else { *band };
                data.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
            }
        }
    }
    let mut image = gpu_image(width, height, data);
    image.sampler = ImageSampler::nearest();
    image
}

/// A painted scroll of `width` × `height` metres. Colours in order: brocade, frame, field,
/// halo, robe, hills and lotus, skin; missing ones fall back to a thangka's usual palette.
pub fn scroll_image(colours: &[[u8; 3]], width: f32, height: f32) -> Image {
    let pick = |i: usize, fallback: [u8; 3]| colours.get(i).copied().unwrap_or(fallback);
    let brocade = pick(0, [122, 22, 22]);
    let frame = pick(1, [212, 160, 23]);
    let field = pick(2, [31, 78, 121]);
    let halo = pick(3, [232, 176, 74]);
    let robe = pick(4, [192, 57, 43]);
    let hills = pick(5, [46, 125, 50]);
    let skin = pick(6, [242, 227, 198]);
    let w = 256u32;
    let h = ((w as f32 * height / width.max(0.1)).round() as u32).clamp(64, 1024);
    let (wf, hf) = (w as f32, h as f32);
    let border = wf * 0.1;
    let frame_width = wf * 0.025;
    let centre = Vec2::new(wf / 2.0, hf * 0.42);
    let mut data = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            // Row 0 is the bottom of the cloth as the box's face maps it.
            let p = Vec2::new(x as f32 + 0.5, (h - 1 - y) as f32 + 0.5);
            let edge = p.x.min(wf - p.x).min(p.y).min(hf - p.y);
            let rgb = if edge < border {
                // Brocade: a lattice of gold thread over the border colour.
                let (i, j) = (x as i32, y as i32);
                if (i + j).rem_euclid(14) < 2 || (i - j).rem_euclid(14) < 2 {
                    shade(frame, -0.15)
                } else {
                    brocade
                }
            } else if edge < border + frame_width {
                frame
            } else {
                painted(p, centre, wf, hf, [field, halo, robe, hills, skin])
            };
            data.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
        }
    }
    let mut image = gpu_image(w, h, data);
    image.sampler = ImageSampler::linear();
    image
}

/// The painted field of the scroll at `p` (pixels).
fn painted(p: Vec2, centre: Vec2, w: f32, h: f32, colours: [[u8; 3]; 5]) -> [u8; 3] {
    let [field, halo, robe, hills, skin] = colours;
    // Green hills along the bottom, a wave over the field's lower part.
    let hill_top = h * 0.8 + (p.x / w * std::f32::consts::TAU * 2.0).sin() * h * 0.025;
    if p.y > hill_top {
        return shade(hills, -((p.y - hill_top) / (h * 0.2)).min(1.0) * 0.3);
    }
    // The lotus seat: a flattened ellipse with petals.
    let seat = Vec2::new((p.x - centre.x) / (w * 0.2), (p.y - h * 0.66) / (h * 0.035));
    if seat.length() < 1.0 {
        let petal = ((p.x - centre.x) / (w * 0.04)).sin() > 0.0;
        return if petal { skin } else { shade(robe, 0.3) };
    }
    // The figure: head, then a robe widening to the seat.
    let head = Vec2::new(centre.x, h * 0.33);
    if p.distance(head) < w * 0.055 {
        return skin;
    }
    let (shoulders, lap) = (h * 0.38, h * 0.645);
    if p.y > shoulders && p.y < lap {
        let t = (p.y - shoulders) / (lap - shoulders);
        let half = w * (0.07 + 0.13 * t);
        if (p.x - centre.x).abs() < half {
            return if (p.x - centre.x).abs() < half * 0.35 {
                shade(robe, -0.2)
            } else {
                robe
            };
        }
    }
    // Halo rings behind the figure, the field darkening towards the top.
    let r = p.distance(centre) / w;
    if (0.27..0.3).contains(&r) {
        return halo;
    }
    if r < 0.27 {
        return shade(halo, 0.35);
    }
    shade(field, -0.25 + 0.35 * p.y / h)
}

/// The pile of a needle-felt exhibition carpet: light grey fibres with a faint rib, to be tinted
/// by the carpet's colour and tiled. Returns the side in pixels and RGBA8 pixels.
pub fn carpet_pile() -> (u32, Vec<u8>) {
    const SIDE: u32 = 64;
    let mut pixels = Vec::with_capacity((SIDE * SIDE * 4) as usize);
    for y in 0..SIDE {
        for x in 0..SIDE {
            // Fibres of random brightness; a rib every four rows.
            let fibre = super::palette::cell_noise(x as i32, y as i32);
            let rib = if y % 4 == 0 { 0.9 } else { 1.0 };
            let v = ((0.82 + 0.18 * fibre) * rib * 255.0) as u8;
            pixels.extend_from_slice(&[v, v, v, 255]);
        }
    }
    (SIDE, pixels)
}
