//! QR codes of the content's links, so a visitor can take a page home from a kiosk: the pixels
//! ([`qr_pixels`], plain Rust, tested by decoding them back) and the egui texture, made once per
//! address.

use std::collections::HashMap;

use bevy_egui::egui;

/// Blank modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code as grey pixels (0 dark, 255 light), `side` × `side`, with `module_px` pixels per
/// module and the quiet zone; `None` if the text is too long for any QR code.
pub fn qr_pixels(text: &str, module_px: usize) -> Option<(usize, Vec<u8>)> {
    // Medium error correction: still reads with a fingerprint or a reflection on the glass.
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let modules = code.width();
    let colours = code.to_colors();
    let module_px = module_px.max(1);
    let side = (modules + 2 * QUIET_ZONE) * module_px;
    let mut pixels = vec![255u8; side * side];
    for (index, colour) in colours.iter().enumerate() {
        if *colour != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (index % modules + QUIET_ZONE, index / modules + QUIET_ZONE);
        for y in my * module_px..(my + 1) * module_px {
            let row = y * side;
            pixels[row + mx * module_px..row + (mx + 1) * module_px].fill(0);
        }
    }
    Some((side, pixels))
}

/// The textures of the codes shown so far, by address: each is made once.
#[derive(Default)]
pub struct QrTextures(HashMap<String, Option<egui::TextureHandle>>);

impl QrTextures {
    pub fn get(&mut self, ctx: &egui::Context, url: &str) -> Option<egui::TextureHandle> {
        self.0
            .entry(url.to_owned())
            .or_insert_with(|| {
                let (side, pixels) = qr_pixels(url, 4)?;
                let image = egui::ColorImage::from_gray([side, side], &pixels);
                // Sharp module edges when scaled: nearest-neighbour sampling.
                Some(ctx.load_texture(format!("qr:{url}"), image, egui::TextureOptions::NEAREST))
            })
            .clone()
    }
}
