//! The egui interface: the loading screen, the toolbar (camera mode, about, go-to, language),
//! the exhibit / pavilion / about panels, the hover label and the help line.

mod loading;
mod panels;
mod toolbar;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::content::model::{Category, Lang, ScoStatus, Source};
use crate::i18n::Ui;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((loading::plugin, toolbar::plugin, panels::plugin));
}

/// Colours of the interface.
pub mod theme {
    use bevy_egui::egui::Color32;
    pub const RED: Color32 = Color32::from_rgb(160, 28, 36);
    pub const GOLD: Color32 = Color32::from_rgb(214, 170, 60);
    pub const INK: Color32 = Color32::from_rgb(30, 34, 44);
    pub const PAPER: Color32 = Color32::from_rgb(250, 249, 246);
    pub const MUTED: Color32 = Color32::from_rgb(110, 112, 118);
}

pub fn category_name(category: Category, lang: Lang) -> &'static str {
    let (en, zh) = match category {
        Category::Product => ("Product", "产品"),
        Category::Technology => ("Technology", "技术"),
        Category::Culture => ("Culture", "文化"),
        Category::CooperationProject => ("Cooperation project", "合作项目"),
        Category::Statistic => ("Figures", "数据"),
        Category::Platform => ("Platform", "平台"),
        Category::Tourism => ("Tourism", "旅游"),
    };
    if lang == Lang::Zh { zh } else { en }
}

pub fn status_name(status: ScoStatus, lang: Lang) -> &'static str {
    match status {
        ScoStatus::Member => Ui::Member.text(lang),
        ScoStatus::Observer => Ui::Observer.text(lang),
        ScoStatus::DialoguePartner => Ui::DialoguePartner.text(lang),
    }
}

/// A small coloured badge saying where the content comes from.
pub fn source_badge(ui: &mut egui::Ui, source: Source, lang: Lang) {
    let (text, colour) = match source {
        Source::ReportedOnShow => (
            Ui::SourceReported.text(lang),
            egui::Color32::from_rgb(30, 120, 70),
        ),
        Source::ReportedInCoverage => (
            Ui::SourceCoverage.text(lang),
            egui::Color32::from_rgb(40, 90, 150),
        ),
        Source::Background => (
            Ui::SourceBackground.text(lang),
            egui::Color32::from_rgb(140, 110, 40),
        ),
    };
    ui.label(
        egui::RichText::new(format!("● {text}"))
            .small()
            .color(colour),
    );
}

/// The visuals every screen uses: light paper panels, red accents.
pub fn apply_visuals(ctx: &egui::Context) {
    let mut visuals = egui::Visuals::light();
    visuals.window_fill = theme::PAPER.gamma_multiply(0.97);
    visuals.panel_fill = theme::PAPER;
    visuals.window_corner_radius = egui::CornerRadius::same(8);
    visuals.selection.bg_fill = theme::RED;
    visuals.selection.stroke = egui::Stroke::new(1.0, egui::Color32::WHITE);
    visuals.hyperlink_color = theme::RED;
    ctx.set_visuals(visuals);
}
