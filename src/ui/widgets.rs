//! The interface's building blocks, styled from [`crate::theme`]: bars and overlays laid over
//! the hall, panel windows, headings, chips and badges, touch-sized buttons, the language switch
//! and the staff PIN keypad. Screens compose these instead of styling egui themselves.

use bevy_egui::egui::{self, Color32, RichText};

use crate::{
    content::model::Lang,
    i18n::Catalogs,
    theme::{self, size, space},
};

/// A row of controls in a window frame, floating over the hall at `anchor`; it wraps onto more
/// rows rather than run off a narrow screen, and greys out while `enabled` is false. Returns
/// what the contents returned and the bar's rectangle.
pub fn floating_bar<R>(
    ctx: &egui::Context,
    id: &str,
    anchor: egui::Align2,
    offset: [f32; 2],
    enabled: bool,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> (R, egui::Rect) {
    let frame = egui::Frame::window(&ctx.global_style()).inner_margin(space::PANEL_MARGIN);
    // The frame's margins, stroke and shadow take room too.
    let max_width =
        ctx.content_rect().width() - 2.0 * offset[0].abs() - frame.total_margin().sum().x;
    let response = egui::Area::new(egui::Id::new(id))
        .anchor(anchor, offset)
        .show(ctx, |ui| {
            frame
                .show(ui, |ui| {
                    ui.set_max_width(max_width);
                    ui.add_enabled_ui(enabled, |ui| ui.horizontal_wrapped(add_contents).inner)
                        .inner
                })
                .inner
        });
    (response.inner, response.response.rect)
}

/// Text on a translucent dark backing, over the hall (hints, the attract call); not clickable.
pub fn overlay<R>(
    ctx: &egui::Context,
    id: &str,
    anchor: egui::Align2,
    offset: [f32; 2],
    padding: f32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) {
    egui::Area::new(egui::Id::new(id))
        .anchor(anchor, offset)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(theme::SCRIM)
                .corner_radius(padding * 0.66)
                .inner_margin(padding)
                .show(ui, add_contents);
        });
}

/// A window without a title bar, fixed at `anchor` (panels, dialogs, the tour bar).
pub fn fixed_window(id: &str, anchor: egui::Align2, offset: [f32; 2]) -> egui::Window<'static> {
    egui::Window::new(id.to_owned())
        .id(egui::Id::new(id))
        .title_bar(false)
        .collapsible(false)
        .resizable(false)
        .anchor(anchor, offset)
}

/// A panel's title: large, bold, wrapped.
pub fn title(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).heading().color(theme::INK)).wrap());
}

/// A section heading inside a panel, with a little space above.
pub fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(space::SECTION);
    ui.label(RichText::new(text).strong());
}

/// A group heading in red (the directory's groups).
pub fn group_heading(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().color(theme::RED));
}

/// Secondary text: the other language's name, summaries, captions.
pub fn muted(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(theme::MUTED));
}

/// Small secondary text.
pub fn note(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).small().color(theme::MUTED));
}

/// A key figure beside what it counts, the text using the rest of the width.
pub fn fact(ui: &mut egui::Ui, figure: &str, label: &str) {
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(FACT_FIGURE_WIDTH);
            ui.label(RichText::new(figure).strong().color(theme::RED));
        });
        ui.add(egui::Label::new(label).wrap());
    });
}

/// Width of the figure column of key figures.
const FACT_FIGURE_WIDTH: f32 = 120.0;

/// A tag in a rounded chip.
pub fn chip(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(theme::GOLD.gamma_multiply(0.25))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| ui.label(RichText::new(text).small()));
}

/// A coloured dot and a short statement (where content comes from).
pub fn badge(ui: &mut egui::Ui, text: &str, colour: Color32) {
    ui.label(RichText::new(format!("● {text}")).small().color(colour));
}

/// A large button for fingers; returns its response.
pub fn touch_button(
    ui: &mut egui::Ui,
    text: &str,
    size: [f32; 2],
    text_size: f32,
) -> egui::Response {
    ui.add_sized(size, egui::Button::new(RichText::new(text).size(text_size)))
}

/// One button per language, each named in its own language; returns the one chosen.
pub fn language_switch(
    ui: &mut egui::Ui,
    catalogs: &Catalogs,
    languages: &[Lang],
    current: Lang,
) -> Option<Lang> {
    let mut chosen = None;
    for &lang in languages {
        let name = catalogs.language_name(lang);
        if ui.selectable_label(current == lang, name).clicked() && current != lang {
            chosen = Some(lang);
        }
    }
    chosen
}

/// A press on the PIN keypad (or the matching key on a keyboard).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadAction {
    Digit(char),
    Delete,
    Submit,
    Cancel,
}

/// The staff PIN keypad: digits, delete, OK and Cancel (labelled `ok` and `cancel`). Digits,
/// Backspace, Enter and Escape on a keyboard work too; every key of the frame counts, in order.
pub fn pin_keypad(ui: &mut egui::Ui, ok: &str, cancel: &str) -> Vec<KeypadAction> {
    let rows: [[&str; 3]; 4] = [
        ["1", "2", "3"],
        ["4", "5", "6"],
        ["7", "8", "9"],
        ["←", "0", ok],
    ];
    let mut actions = keyboard_keypad(ui.ctx());
    egui::Grid::new("pin-keys").show(ui, |ui| {
        for (row_index, row) in rows.iter().enumerate() {
            for (col, key) in row.iter().enumerate() {
                if touch_button(ui, key, space::KEY, size::KIOSK_BUTTON).clicked() {
                    actions.push(match (row_index, col) {
                        (3, 0) => KeypadAction::Delete,
                        (3, 2) => KeypadAction::Submit,
                        _ => KeypadAction::Digit(key.chars().next().unwrap_or('0')),
                    });
                }
            }
            ui.end_row();
        }
    });
    if ui.button(cancel).clicked() {
        actions.push(KeypadAction::Cancel);
    }
    actions
}

/// The keypad's keys typed on a keyboard this frame, in order (a slow frame can hold several).
fn keyboard_keypad(ctx: &egui::Context) -> Vec<KeypadAction> {
    ctx.input(|input| {
        input
            .events
            .iter()
            .flat_map(|event| match event {
                egui::Event::Text(text) => text
                    .chars()
                    .filter(char::is_ascii_digit)
                    .map(KeypadAction::Digit)
                    .collect(),
                egui::Event::Key {
                    key, pressed: true, ..
                } => match key {
                    egui::Key::Enter => vec![KeypadAction::Submit],
                    egui::Key::Backspace => vec![KeypadAction::Delete],
                    egui::Key::Escape => vec![KeypadAction::Cancel],
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            })
            .collect()
    })
}
