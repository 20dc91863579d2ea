//! The egui interface, the top layer: the loading screen, the toolbar, the detail panels, the
//! wayfinding views (minimap, floor plan, directory, tour bar) and the kiosk's screens, all built
//! from [`widgets`] with words from the catalogs, over the 3D scene's image when the tier scales it. The logic they show lives below them
//! (`interaction`, `wayfinding`, `kiosk`); nothing there draws egui.

mod captions;
mod gallery;
mod help;
mod kiosk;
mod labels;
mod loading;
pub mod look_around;
mod notices;
mod panels;
mod performance;
pub mod qr;
mod scene;
mod toolbar;
mod wayfinding;
pub mod widgets;

use bevy::prelude::*;

use crate::{
    content::model::{Category, Source},
    i18n::{Word, Words},
    theme,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ChromeLayout>()
        .add_systems(Update, window_title)
        .add_plugins((
            scene::plugin,
            captions::plugin,
            gallery::plugin,
            loading::plugin,
            toolbar::plugin,
            labels::plugin,
            help::plugin,
            notices::plugin,
            panels::plugin,
            look_around::plugin,
            performance::plugin,
            wayfinding::plugin,
        ));
    if app.world().contains_resource::<crate::kiosk::Kiosk>() {
        app.add_plugins(kiosk::plugin);
    }
}

/// Where the fixed parts of the interface are (egui points, from the last frame), so panels open
/// below the toolbar and above the minimap instead of covering them.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct ChromeLayout {
    pub toolbar_bottom: f32,
    /// Height taken at the bottom right by the minimap.
    pub minimap_height: f32,
}

impl Default for ChromeLayout {
    fn default() -> Self {
        ChromeLayout {
            toolbar_bottom: 54.0,
            minimap_height: 190.0,
        }
    }
}

/// The window is named after the exhibition on show, in the visitor's language.
fn window_title(
    exhibition: Option<Res<crate::content::loading::CurrentExhibition>>,
    lang: Res<crate::i18n::CurrentLang>,
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
) {
    let Some(exhibition) = exhibition else {
        return;
    };
    if !exhibition.is_changed() && !lang.is_changed() {
        return;
    }
    let hall = &exhibition.hall;
    let title = format!(
        "{} · {} · expo-hall",
        hall.about.title.get(**lang),
        hall.shell.name.get(**lang)
    );
    for mut window in &mut windows {
        if window.title != title {
            window.title = title.clone();
        }
    }
}

/// Whether the interface takes clicks: not while a kiosk attracts, nor during the tap that
/// woke it (that tap only wakes it).
pub fn interface_enabled(
    waking: Option<&crate::screens::kiosk::WakingGesture>,
    phase: Option<&State<crate::screens::kiosk::KioskPhase>>,
) -> bool {
    !crate::screens::kiosk::WakingGesture::swallows(waking, phase)
}

/// A booth's name in `lang`: the pavilion's, or the sector's (its id if it has none).
pub fn area_name(
    exhibition: &crate::content::exhibition::Exhibition,
    area: &crate::content::model::AreaRef,
    lang: crate::content::model::Lang,
) -> String {
    exhibition
        .area_name(area)
        .map_or(area.to_string(), |name| name.get(lang).to_owned())
}

/// The languages the visitor can switch between: the kiosk's list when it has one, else the
/// hall's declared languages.
pub fn offered_languages(
    exhibition: &crate::content::exhibition::Exhibition,
    kiosk: Option<&crate::kiosk::Kiosk>,
) -> Vec<crate::content::model::Lang> {
    let declared = &exhibition.hall.languages;
    let offered: Vec<_> = kiosk
        .map(|kiosk| {
            kiosk
                .config
                .languages
                .iter()
                .copied()
                .filter(|l| declared.contains(l))
                .collect()
        })
        .unwrap_or_default();
    if offered.is_empty() {
        declared.clone()
    } else {
        offered
    }
}

/// An exhibit category's name.
pub fn category_word(category: Category) -> Word {
    match category {
        Category::Product => Word::CategoryProduct,
        Category::Technology => Word::CategoryTechnology,
        Category::Culture => Word::CategoryCulture,
        Category::CooperationProject => Word::CategoryCooperation,
        Category::Statistic => Word::CategoryStatistic,
        Category::Platform => Word::CategoryPlatform,
        Category::Tourism => Word::CategoryTourism,
    }
}

/// A small coloured badge saying where the content comes from.
pub fn source_badge(ui: &mut bevy_egui::egui::Ui, source: Source, words: &Words) {
    let (word, colour) = match source {
        Source::ReportedOnShow => (Word::SourceReported, theme::REPORTED),
        Source::ReportedInCoverage => (Word::SourceCoverage, theme::COVERAGE),
        Source::Background => (Word::SourceBackground, theme::BACKGROUND),
        Source::ByOrganiser => (Word::SourceByOrganiser, theme::OWN_DESCRIPTION),
        Source::ByExhibitor => (Word::SourceByExhibitor, theme::OWN_DESCRIPTION),
    };
    widgets::badge(ui, &words.get(word), colour);
}
