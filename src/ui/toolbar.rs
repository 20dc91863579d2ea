//! The toolbar along the top: the hall's name (and, when content had problems, a small
//! indicator for staff), camera mode, "about", directory, tour, go-to list and language switch.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    camera::{
        FlyTo,
        rig::{CameraMode, CameraRig},
    },
    content::{
        exhibition::Exhibition,
        loading::{ContentProblems, CurrentExhibition},
        model::{AreaRef, Lang, ZoneKind},
    },
    i18n::{Catalogs, CurrentLang, Word, Words},
    interaction::{Panel, Selection, booth_panel},
    kiosk::Kiosk,
    quality::{DesktopSettings, Loudness},
    screens::{
        Screen,
        kiosk::{KioskPhase, WakingGesture},
    },
    theme::{self, size, space},
    wayfinding::{WayfindingUi, tour::TourCommand},
};

use super::{ChromeLayout, interface_enabled, widgets};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        toolbar.run_if(in_state(Screen::Hall)),
    );
}

/// What a toolbar click asks for; applied after the bar is drawn.
enum Action {
    Fly(FlyTo),
    Open(Panel),
    ToggleDirectory,
    StartTour,
    Language(Lang),
    /// A new loudness; `settled` once the visitor let go of the slider (or ticked mute), when
    /// the desktop writes it down.
    Loudness {
        chosen: Loudness,
        settled: bool,
    },
}

fn toolbar(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    catalogs: Res<Catalogs>,
    mut lang: ResMut<CurrentLang>,
    rig: Res<CameraRig>,
    problems: Res<ContentProblems>,
    waking: Option<Res<WakingGesture>>,
    phase: Option<Res<State<KioskPhase>>>,
    kiosk: Option<Res<Kiosk>>,
    mut chrome: ResMut<ChromeLayout>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut tour: MessageWriter<TourCommand>,
    mut loudness: ResMut<Loudness>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    let languages = super::offered_languages(&exhibition, kiosk.as_deref());
    let state = BarState {
        exhibition: &exhibition,
        languages: &languages,
        enabled: interface_enabled(waking.as_deref(), phase.as_deref()),
        words: &words,
        catalogs: &catalogs,
        problems: &problems.0,
        mode: rig.target_mode(),
        directory_open: wayfinding.directory,
        loudness: *loudness,
    };
    let (actions, rect) = widgets::floating_bar(
        ctx,
        "toolbar",
        egui::Align2::LEFT_TOP,
        [space::EDGE, space::EDGE],
        true,
        |ui| toolbar_contents(ui, &state),
    );
    chrome.set_if_neq(ChromeLayout {
        toolbar_bottom: rect.bottom(),
        ..*chrome
    });
    for action in actions {
        match action {
            Action::Fly(request) => {
                fly.write(request);
            }
            Action::Open(panel) => selection.open(panel),
            Action::ToggleDirectory => wayfinding.directory = !wayfinding.directory,
            Action::StartTour => {
                tour.write(TourCommand::Start {
                    tour: 0,
                    attract: false,
                });
            }
            Action::Language(chosen) => lang.0 = chosen,
            Action::Loudness { chosen, settled } => {
                loudness.set_if_neq(chosen);
                // The desktop remembers it; a kiosk goes back to kiosk.ron's with each visitor.
                if settled && kiosk.is_none() {
                    DesktopSettings::remember_narration(chosen);
                }
            }
        }
    }
    Ok(())
}

/// What the toolbar shows.
struct BarState<'a> {
    exhibition: &'a Exhibition,
    /// The languages the switch offers.
    languages: &'a [Lang],
    /// Whether the bar takes taps beyond the language switch.
    enabled: bool,
    words: &'a Words<'a>,
    catalogs: &'a Catalogs,
    problems: &'a [String],
    mode: CameraMode,
    directory_open: bool,
    loudness: Loudness,
}

fn toolbar_contents(ui: &mut egui::Ui, bar: &BarState) -> Vec<Action> {
    let words = bar.words;
    let l = words.lang;
    let mut actions = Vec::new();
    // The exhibition's own title (the shell's name is the venue's), cut short on a narrow bar:
    // the whole title is in the window title and "About".
    let hall = &bar.exhibition.hall;
    let title = Some(hall.about.title.get(l))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(hall.shell.name.get(l));
    ui.scope(|ui| {
        ui.set_max_width(size::TOOLBAR_TITLE_WIDTH);
        ui.add(egui::Label::new(egui::RichText::new(title).strong().color(theme::RED)).truncate())
            .on_hover_text(title);
    });
    if !bar.problems.is_empty() {
        ui.label(egui::RichText::new(format!("⚠ {}", bar.problems.len())).color(theme::WARNING))
            .on_hover_text(format!(
                "{}:\n{}",
                words.get(Word::Problems),
                bar.problems.join("\n")
            ));
    }
    ui.separator();
    let next = match bar.mode {
        CameraMode::Walk => Word::Overview,
        CameraMode::Overview => Word::Walk,
    };
    // While a kiosk attracts (and during its waking tap) only the language switch takes a tap.
    let enabled = bar.enabled;
    let button = |text: String| egui::Button::new(text);
    if ui
        .add_enabled(enabled, button(words.get(next)))
        .on_hover_text("Tab")
        .clicked()
    {
        actions.push(Action::Fly(FlyTo::ToggleMode));
    }
    if ui
        .add_enabled(enabled, button(words.get(Word::About)))
        .clicked()
    {
        actions.push(Action::Open(Panel::About));
    }
    let directory = egui::Button::selectable(bar.directory_open, words.get(Word::Directory));
    if ui.add_enabled(enabled, directory).clicked() {
        actions.push(Action::ToggleDirectory);
    }
    if !bar.exhibition.tours.is_empty()
        && ui
            .add_enabled(enabled, button(words.get(Word::TakeTour)))
            .clicked()
    {
        actions.push(Action::StartTour);
    }
    // The go-to box and the language switch keep together and wrap as a whole (egui's combo box
    // does not wrap by itself).
    wrap_unless_room(ui, ui.spacing().combo_width + 40.0);
    ui.add_enabled_ui(enabled, |ui| {
        egui::ComboBox::from_id_salt("goto")
            .selected_text(words.get(Word::GoTo))
            .height(520.0)
            .show_ui(ui, |ui| go_to_entries(ui, bar.exhibition, l, &mut actions));
    });
    wrap_unless_room(ui, LOUDNESS_WIDTH);
    ui.add_enabled_ui(enabled, |ui| {
        loudness_menu(ui, words, bar.loudness, &mut actions)
    });
    ui.separator();
    wrap_unless_room(ui, LANGUAGE_SWITCH_WIDTH);
    if let Some(chosen) = widgets::language_switch(ui, bar.catalogs, bar.languages, l) {
        actions.push(Action::Language(chosen));
    }
    actions
}

/// The narration's volume and mute, in a menu under one button.
fn loudness_menu(ui: &mut egui::Ui, words: &Words, loudness: Loudness, actions: &mut Vec<Action>) {
    let label = if loudness.muted {
        words.get(Word::Mute)
    } else {
        format!(
            "{} {:.0}%",
            words.get(Word::Volume),
            loudness.volume * 100.0
        )
    };
    // The menu stays open while the visitor mutes, unmutes and slides; a tap elsewhere closes it.
    let stays_open = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let button = egui::Button::new(label).wrap_mode(egui::TextWrapMode::Extend);
    egui::containers::menu::MenuButton::from_button(button)
        .config(stays_open)
        .ui(ui, |ui| {
            let mut chosen = loudness;
            let mute = ui.checkbox(&mut chosen.muted, words.get(Word::Mute));
            let slider = ui.add_enabled(
                !chosen.muted,
                egui::Slider::new(&mut chosen.volume, 0.0..=1.0).show_value(false),
            );
            // Sliding plays at once; the file is written when the slider is let go.
            let settled =
                mute.changed() || slider.drag_stopped() || (slider.changed() && !slider.dragged());
            if chosen != loudness || slider.drag_stopped() {
                actions.push(Action::Loudness { chosen, settled });
            }
        });
}

/// Room the volume button needs on its row ("Громкость 100%" at the body size).
const LOUDNESS_WIDTH: f32 = 130.0;

/// Room the language switch needs on its row.
const LANGUAGE_SWITCH_WIDTH: f32 = 170.0;

/// Starts a new row of a wrapping bar unless `width` is left on this one.
fn wrap_unless_room(ui: &mut egui::Ui, width: f32) {
    if ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
}

/// The go-to list: every sector of a zone with sectors, then every pavilion.
fn go_to_entries(ui: &mut egui::Ui, exhibition: &Exhibition, l: Lang, actions: &mut Vec<Action>) {
    for (index, zone) in exhibition.zones.iter().enumerate() {
        let entries: Vec<(AreaRef, String)> = match &zone.kind {
            ZoneKind::Host { sectors } => sectors
                .iter()
                .map(|sector| {
                    (
                        AreaRef::sector(&zone.id, &sector.id),
                        format!("{} · {}", zone.name.get(l), sector.name.get(l)),
                    )
                })
                .collect(),
            ZoneKind::Pavilion(_) => vec![(AreaRef::zone(&zone.id), zone.name.get(l).to_owned())],
        };
        for (area, label) in entries {
            if ui.selectable_label(false, label).clicked() {
                actions.push(Action::Open(booth_panel(&area, index)));
                actions.push(Action::Fly(FlyTo::Visit(area)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{exhibition::read_exhibition, source::ContentSource};

    /// The toolbar's rectangle, laid out by egui on a screen of `pixels` at `scale`.
    fn toolbar_rect(pixels: (f32, f32), scale: f32, lang: Lang, problems: &[String]) -> egui::Rect {
        let hall = ContentSource::Embedded.default_hall().unwrap();
        let exhibition = read_exhibition(&ContentSource::Embedded, &hall)
            .exhibition
            .unwrap();
        let catalogs = Catalogs::builtin();
        let read = |paths: &[&str]| -> Vec<Vec<u8>> {
            paths
                .iter()
                .map(|path| ContentSource::Embedded.read(path).unwrap())
                .collect()
        };
        let (regular, bold) = (
            read(&crate::content::loading::REGULAR_FONTS),
            read(&crate::content::loading::BOLD_FONTS),
        );
        fn as_slices(faces: &[Vec<u8>]) -> Vec<&[u8]> {
            faces.iter().map(Vec::as_slice).collect()
        }
        let ctx = egui::Context::default();
        ctx.set_fonts(theme::font_definitions(
            &as_slices(&regular),
            &as_slices(&bold),
        ));
        ctx.set_global_style(theme::style(&ctx.global_style()));
        let words = catalogs.words(lang);
        let state = BarState {
            exhibition: &exhibition,
            languages: &exhibition.hall.languages,
            enabled: true,
            words: &words,
            catalogs: &catalogs,
            problems,
            mode: CameraMode::Walk,
            directory_open: false,
            loudness: Loudness::default(),
        };
        let screen =
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(pixels.0, pixels.1) / scale);
        let mut rect = egui::Rect::NOTHING;
        // egui sizes and places areas over their first frames: lay out a few.
        for _ in 0..4 {
            let input = egui::RawInput {
                screen_rect: Some(screen),
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                rect = widgets::floating_bar(
                    ui.ctx(),
                    "toolbar",
                    egui::Align2::LEFT_TOP,
                    [space::EDGE, space::EDGE],
                    true,
                    |ui| toolbar_contents(ui, &state),
                )
                .1;
            });
            // Nothing draws these textures here; say so, as egui asks.
            output.textures_delta.clear();
        }
        rect
    }

    fn exhibition_languages() -> Vec<Lang> {
        let hall = ContentSource::Embedded.default_hall().unwrap();
        crate::content::exhibition::hall_languages(&ContentSource::Embedded, &hall)
    }

    #[test]
    fn the_toolbar_and_its_language_switch_fit_every_screen() {
        let problems = vec!["zones/x.zone.ron: a problem".to_owned(); 3];
        for pixels in [
            (1024.0, 768.0),
            (1280.0, 800.0),
            (1920.0, 1080.0),
            (3840.0, 2160.0),
        ] {
            for scale in [1.0, 1.4, 2.0, 4.0] {
                // The kiosk shrinks a scale that would leave too little room.
                let scale = super::super::kiosk::effective_ui_scale(scale, pixels);
                for lang in exhibition_languages() {
                    let rect = toolbar_rect(pixels, scale, lang, &problems);
                    let screen = egui::vec2(pixels.0, pixels.1) / scale;
                    assert!(
                        rect.right() <= screen.x && rect.bottom() <= screen.y * 0.3,
                        "{pixels:?} at {scale}, {lang:?}: toolbar {rect:?} on a {screen:?} screen"
                    );
                }
            }
        }
    }
}
