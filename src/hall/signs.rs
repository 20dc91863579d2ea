//! Text in the 3D world: signs, fascias and panels are real text rasterized from the bundled
//! font into textures with `ab_glyph`, re-rendered when the language changes.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use bevy::{
    asset::RenderAssetUsages,
    image::Image,
    render::render_resource::{Extent3d, TextureDimension, TextureFormat},
};

/// One line of a sign.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Share of the sign's height this line's letters may take (0..1).
    pub size: f32,
    pub colour: [u8; 3],
}

/// What a sign looks like: pixel size, background and lines, centred.
#[derive(Debug, Clone, PartialEq)]
pub struct SignLayout {
    pub width: u32,
    pub height: u32,
    pub background: [u8; 4],
    pub lines: Vec<Line>,
    /// Left-aligned with a margin instead of centred (panels with paragraphs).
    pub left_aligned: bool,
    /// A page to roll through a screen: cut below its last line of text, but never shorter
    /// than this many rows. `None`: the sign keeps its height.
    pub cut_below_text: Option<u32>,
}

/// Fonts in order of preference: each character is drawn with the first that has it (a Latin and
/// Cyrillic face first, then the Chinese one), so English keeps its own spacing and quotes.
pub struct FontStack<'a>(pub Vec<FontRef<'a>>);

impl<'a> FontStack<'a> {
    /// The font that draws `c`: the first that has it, else the last.
    fn for_char(&self, c: char) -> &FontRef<'a> {
        self.0
            .iter()
            .find(|font| font.glyph_id(c).0 != 0)
            .or(self.0.last())
            .expect("a font stack has at least one font")
    }

    /// Whether some font of the stack has `c`.
    pub fn has(&self, c: char) -> bool {
        self.0.iter().any(|font| font.glyph_id(c).0 != 0)
    }
}

/// Draws the sign into RGBA8 pixels. Lines too wide for the sign shrink to fit; long lines on a
/// left-aligned sign wrap.
pub fn rasterize(font: &FontStack, layout: &SignLayout) -> Vec<u8> {
    let (w, h) = (layout.width as usize, layout.height as usize);
    // The background in one go (`repeat` copies in doubling blocks; a byte-by-byte cycle was a
    // twelfth of the 10× hall's start).
    let mut pixels: Vec<u8> = layout.background.repeat(w * h);
    let margin = (w as f32 * 0.05).max(6.0);
    let max_width = w as f32 - 2.0 * margin;
    // Wrap (left-aligned) or shrink (centred) each line.
    let mut rows: Vec<(String, f32, [u8; 3])> = Vec::new();
    for line in &layout.lines {
        let px = line.size * h as f32;
        if layout.left_aligned {
            for row in wrap(font, &line.text, px, max_width) {
                rows.push((row, px, line.colour));
            }
        } else {
            let natural = text_width(font, &line.text, px);
            let px = if natural > max_width {
                px * max_width / natural
            } else {
                px
            };
            rows.push((line.text.clone(), px, line.colour));
        }
    }
    let total: f32 = rows.iter().map(|(_, px, _)| px * 1.25).sum();
    let mut y = if layout.left_aligned {
        margin
    } else {
        ((h as f32 - total) / 2.0).max(0.0)
    };
    for (text, px, colour) in rows {
        let width = text_width(font, &text, px);
        let mut x = if layout.left_aligned {
            margin
        } else {
            (w as f32 - width) / 2.0
        };
        // One baseline for the row, from the first font of the stack.
        let ascent = font.0[0].as_scaled(PxScale::from(px)).ascent();
        let baseline = y + px * 0.125 + ascent;
        let mut previous: Option<(usize, ab_glyph::GlyphId)> = None;
        for c in text.chars() {
            let face = font.for_char(c);
            let face_index = font
                .0
                .iter()
                .position(|f| std::ptr::eq(f, face))
                .unwrap_or(0);
            let scaled = face.as_scaled(PxScale::from(px));
            let id = scaled.glyph_id(c);
            if let Some((prev_face, prev)) = previous
                && prev_face == face_index
            {
                x += scaled.kern(prev, id);
            }
            let glyph = id.with_scale_and_position(px, point(x, baseline));
            x += scaled.h_advance(id);
            previous = Some((face_index, id));
            if let Some(outline) = face.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    let px_x = bounds.min.x as i32 + gx as i32;
                    let px_y = bounds.min.y as i32 + gy as i32;
                    if px_x < 0 || px_y < 0 || px_x as usize >= w || px_y as usize >= h {
                        return;
                    }
                    let i = (px_y as usize * w + px_x as usize) * 4;
                    let a = coverage.clamp(0.0, 1.0);
                    for (channel, value) in colour.iter().enumerate() {
                        let under = pixels[i + channel] as f32;
                        pixels[i + channel] = (under + (*value as f32 - under) * a).round() as u8;
                    }
                    pixels[i + 3] = pixels[i + 3].max((a * 255.0) as u8);
                });
            }
        }
        y += px * 1.25;
        if y > h as f32 {
            break;
        }
    }
    pixels
}

/// The sign as a Bevy image (sRGB). Its pixels live on the GPU only: a redraw (another language,
/// edited content) replaces the whole image. A page ([`SignLayout::cut_below_text`]) is cut below
/// its last line of text, with a margin.
pub fn sign_image(font: &FontStack, layout: &SignLayout) -> Image {
    let mut pixels = rasterize(font, layout);
    let mut height = layout.height;
    if let Some(shortest) = layout.cut_below_text {
        let row = (layout.width * 4) as usize;
        let last_text_row = pixels
            .chunks_exact(row)
            .rposition(|line| line.chunks_exact(4).any(|pixel| pixel != layout.background))
            .unwrap_or(0) as u32;
        height = (last_text_row + 1 + layout.height / 40)
            .max(shortest)
            .min(layout.height)
            .max(1);
        pixels.truncate(row * height as usize);
    }
    super::palette::gpu_image(layout.width, height, pixels)
}

/// The sign's background alone, when no font could be loaded (the hall still shows).
pub fn sign_image_blank(layout: &SignLayout) -> Image {
    Image::new_fill(
        Extent3d {
            width: layout.width,
            height: layout.height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        &layout.background,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    )
}

pub fn text_width(font: &FontStack, text: &str, px: f32) -> f32 {
    let mut previous: Option<(*const FontRef, ab_glyph::GlyphId)> = None;
    let mut width = 0.0;
    for c in text.chars() {
        let face = font.for_char(c);
        let scaled = face.as_scaled(PxScale::from(px));
        let id = scaled.glyph_id(c);
        if let Some((prev_face, prev)) = previous
            && std::ptr::eq(prev_face, face)
        {
            width += scaled.kern(prev, id);
        }
        width += scaled.h_advance(id);
        previous = Some((face as *const FontRef, id));
    }
    width
}

/// Breaks `text` into rows no wider than `max_width`: at spaces for Latin text, anywhere
/// between Chinese characters.
pub fn wrap(font: &FontStack, text: &str, px: f32, max_width: f32) -> Vec<String> {
    let mut rows = Vec::new();
    let mut current = String::new();
    let mut word = String::new();
    let flush_word = |current: &mut String, word: &mut String, rows: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        let candidate = format!("{current}{word}");
        if text_width(font, candidate.trim_end(), px) <= max_width || current.is_empty() {
            *current = candidate;
        } else {
            rows.push(current.trim_end().to_owned());
            *current = word.trim_start().to_owned();
        }
        word.clear();
    };
    for c in text.chars() {
        let cjk = (c as u32) >= 0x2E80;
        if cjk {
            flush_word(&mut current, &mut word, &mut rows);
            word.push(c);
            flush_word(&mut current, &mut word, &mut rows);
        } else {
            word.push(c);
            if c == ' ' {
                flush_word(&mut current, &mut word, &mut rows);
            }
        }
    }
    flush_word(&mut current, &mut word, &mut rows);
    if !current.trim().is_empty() {
        rows.push(current.trim_end().to_owned());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> FontStack<'static> {
        let latin = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
        let chinese = include_bytes!("../../assets/fonts/NotoSansSC-Bold.otf");
        FontStack(vec![
            FontRef::try_from_slice(latin).expect("bundled font parses"),
            FontRef::try_from_slice(chinese).expect("bundled font parses"),
        ])
    }

    #[test]
    fn each_character_takes_the_first_font_that_has_it() {
        let font = font();
        assert!(std::ptr::eq(font.for_char('R'), &font.0[0]));
        assert!(std::ptr::eq(font.for_char('Ж'), &font.0[0]));
        assert!(std::ptr::eq(font.for_char('俄'), &font.0[1]));
        assert!(font.has('俄') && font.has('“') && !font.has('\u{10FFFD}'));
    }

    #[test]
    fn chinese_and_latin_text_put_ink_on_the_sign() {
        let font = font();
        let layout = SignLayout {
            width: 256,
            height: 64,
            background: [255, 255, 255, 255],
            lines: vec![Line {
                text: "俄罗斯 Russia".into(),
                size: 0.5,
                colour: [0, 0, 0],
            }],
            left_aligned: false,
            cut_below_text: None,
        };
        let pixels = rasterize(&font, &layout);
        let dark = pixels.chunks(4).filter(|p| p[0] < 128).count();
        assert!(dark > 300, "only {dark} dark pixels");
        // The glyphs are centred: the left and right edges stay blank.
        let column_dark = |x: usize| (0..64).any(|y| pixels[(y * 256 + x) * 4] < 128);
        assert!(!column_dark(2) && !column_dark(253));
    }

    #[test]
    fn long_lines_wrap_within_the_width() {
        let font = font();
        let rows = wrap(
            &font,
            "Digital Silk Road built by China Telecom and TransTeleCom",
            20.0,
            200.0,
        );
        assert!(rows.len() >= 2, "{rows:?}");
        assert!(
            rows.iter()
                .all(|r| text_width(&font, r, 20.0) <= 200.0 || !r.contains(' '))
        );
        let zh = wrap(
            &font,
            "中国电信携手俄罗斯电信运营商共建数字丝绸之路",
            20.0,
            100.0,
        );
        assert!(
            zh.len() >= 4 && zh.concat() == "中国电信携手俄罗斯电信运营商共建数字丝绸之路",
            "{zh:?}"
        );
    }
}
