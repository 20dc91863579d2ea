//! The look of the interface, at the bottom of the layers: the palette (shared by egui and the
//! signs drawn into the 3D hall), text sizes, spacing, and the egui style and fonts built from
//! them. Nothing here knows about the exhibition; callers pass the font bytes in.

use std::sync::Arc;

use bevy_egui::egui::{self, Color32, FontFamily, FontId, TextStyle};

/// An sRGB colour as bytes, for textures the hall draws itself (signs, the floor plan).
pub type Rgb = [u8; 3];

/// The exhibition's red: fascias of the host's sectors, banners, accents.
pub const RED_RGB: Rgb = [160, 28, 36];
/// Gold accents (entrances on the plan, the attract call to action).
pub const GOLD_RGB: Rgb = [214, 170, 60];
/// Dark text and the loading screen's background.
pub const INK_RGB: Rgb = [30, 34, 44];
/// Light panels and signs.
pub const PAPER_RGB: Rgb = [250, 249, 246];

const fn colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

pub const RED: Color32 = colour(RED_RGB);
pub const GOLD: Color32 = colour(GOLD_RGB);
pub const INK: Color32 = colour(INK_RGB);
pub const PAPER: Color32 = colour(PAPER_RGB);
/// Secondary text: the other language's title, captions, hints.
pub const MUTED: Color32 = Color32::from_rgb(110, 112, 118);
/// The staff's content-problem indicator.
pub const WARNING: Color32 = Color32::from_rgb(200, 120, 0);
/// An error message on a dark background.
pub const ERROR_ON_DARK: Color32 = Color32::from_rgb(255, 120, 110);
/// Provenance badges: reported on show, reported in coverage, background.
pub const REPORTED: Color32 = Color32::from_rgb(30, 120, 70);
pub const COVERAGE: Color32 = Color32::from_rgb(40, 90, 150);
pub const BACKGROUND: Color32 = Color32::from_rgb(140, 110, 40);
/// The badge of a text the organiser or the exhibitor wrote about itself.
pub const OWN_DESCRIPTION: Color32 = Color32::from_rgb(110, 70, 140);
/// Translucent black behind text laid over the 3D view.
pub const SCRIM: Color32 = Color32::from_black_alpha(170);
/// Behind the captions of a narration: dark enough for white text over any view.
pub const CAPTION_BACKGROUND: Color32 = Color32::from_rgba_premultiplied(20, 22, 28, 235);
/// The floor plan's surround and its hall floor.
pub const PLAN_SURROUND: Color32 = Color32::from_rgb(40, 44, 52);
pub const PLAN_FLOOR: Color32 = Color32::from_rgb(138, 140, 144);
/// Exhibits drawn on the full floor plan.
pub const PLAN_EXHIBIT: Color32 = Color32::from_rgb(235, 232, 220);

/// Text sizes in points (before the kiosk's `ui_scale`); nothing is smaller than `SMALL`.
pub mod size {
    pub const BODY: f32 = 15.0;
    /// The widest the exhibition's title may be in the toolbar before it is cut short (…).
    pub const TOOLBAR_TITLE_WIDTH: f32 = 260.0;
    pub const SMALL: f32 = 12.0;
    pub const HEADING: f32 = 22.0;
    pub const HINT: f32 = 14.0;
    pub const NARRATION: f32 = 17.0;
    pub const PLAN_LABEL: f32 = 12.0;
    pub const LOADING_TITLE: f32 = 30.0;
    pub const LOADING_SUBTITLE: f32 = 20.0;
    pub const KIOSK_CAPTION: f32 = 18.0;
    pub const KIOSK_CAPTION_SECOND: f32 = 15.0;
    pub const KIOSK_CALL: f32 = 30.0;
    pub const KIOSK_QUESTION: f32 = 28.0;
    pub const KIOSK_COUNTDOWN: f32 = 44.0;
    pub const KIOSK_BUTTON: f32 = 22.0;
    pub const TOUCH_ARROW: f32 = 26.0;
}

/// Spacing in points.
pub mod space {
    /// Gap between a screen edge and the interface laid over the hall.
    pub const EDGE: f32 = 10.0;
    pub const ITEM: [f32; 2] = [8.0, 6.0];
    pub const PANEL_MARGIN: f32 = 8.0;
    pub const SECTION: f32 = 6.0;
    pub const SMALL: f32 = 4.0;
    /// Width of the detail panel's content.
    pub const PANEL_WIDTH: f32 = 400.0;
    /// Touch targets: PIN keys, the touch pad, the "I'm here" button.
    pub const KEY: [f32; 2] = [64.0, 56.0];
    pub const PAD_KEY: f32 = 64.0;
    pub const WIDE_BUTTON: [f32; 2] = [260.0, 56.0];
}

/// The egui font family of bold headings.
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Light paper panels with red accents.
pub fn visuals() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.window_fill = PAPER.gamma_multiply(0.97);
    visuals.panel_fill = PAPER;
    visuals.window_corner_radius = egui::CornerRadius::same(8);
    visuals.selection.bg_fill = RED;
    visuals.selection.stroke = egui::Stroke::new(1.0, Color32::WHITE);
    visuals.hyperlink_color = RED;
    visuals
}

/// The style every screen uses: `base` with the theme's visuals, text sizes and spacing.
pub fn style(base: &egui::Style) -> egui::Style {
    let mut style = base.clone();
    style.visuals = visuals();
    style
        .text_styles
        .insert(TextStyle::Body, FontId::proportional(size::BODY));
    style
        .text_styles
        .insert(TextStyle::Button, FontId::proportional(size::BODY));
    style
        .text_styles
        .insert(TextStyle::Small, FontId::proportional(size::SMALL));
    style.text_styles.insert(
        TextStyle::Heading,
        FontId::new(size::HEADING, bold_family()),
    );
    style.spacing.item_spacing = egui::vec2(space::ITEM[0], space::ITEM[1]);
    style
}

/// egui's fonts with the bundled text fonts first, each list in order of preference (a Latin and
/// Cyrillic face, then the Chinese one), so every script renders in a face made for it; egui's own
/// fonts stay behind them for symbols.
pub fn font_definitions(regular: &[&[u8]], bold: &[&[u8]]) -> egui::FontDefinitions {
    let mut definitions = egui::FontDefinitions::default();
    let mut add = |prefix: &str, faces: &[&[u8]]| -> Vec<String> {
        faces
            .iter()
            .enumerate()
            .map(|(index, bytes)| {
                let name = format!("{prefix}-{index}");
                definitions.font_data.insert(
                    name.clone(),
                    Arc::new(egui::FontData::from_owned(bytes.to_vec())),
                );
                name
            })
            .collect()
    };
    let text = add("text", regular);
    let bold_faces = add("bold", bold);
    let egui_own: Vec<String> = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = definitions.families.entry(family).or_default();
        for (index, name) in text.iter().enumerate() {
            list.insert(index, name.clone());
        }
    }
    let bold_list = bold_faces.into_iter().chain(text).chain(egui_own).collect();
    definitions.families.insert(bold_family(), bold_list);
    definitions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_uses_the_theme_sizes_and_colours() {
        let style = style(&egui::Style::default());
        assert_eq!(style.visuals.selection.bg_fill, RED);
        assert_eq!(
            style.text_styles[&TextStyle::Heading],
            FontId::new(size::HEADING, bold_family())
        );
    }

    #[test]
    fn byte_colours_and_egui_colours_agree() {
        assert_eq!(RED, Color32::from_rgb(RED_RGB[0], RED_RGB[1], RED_RGB[2]));
        assert_eq!(GOLD, Color32::from_rgb(214, 170, 60));
    }
}
