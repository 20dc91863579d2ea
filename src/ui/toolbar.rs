//! The toolbar along the top: the hall's name (and, when content had problems, a small
//! indicator for staff), camera mode, "about", directory, tour, go-to list and language switch.
//! Also the hover label and the keyboard help line.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    camera::{
        FlyTo, MainCamera,
        rig::{CameraMode, CameraRig},
    },
    content::{
        exhibition::Exhibition,
        loading::{ContentProblems, CurrentExhibition},
        model::{AreaRef, Lang, ZoneKind},
    },
    i18n::{Catalogs, CurrentLang, Word, Words},
    interaction::{Hovered, Panel, Selection, booth_panel},
    kiosk::Kiosk,
    screens::{
        Screen,
        kiosk::{KioskPhase, WakingGesture},
    },
    theme::{self, size, space},
    third_party::UiFocus,
    wayfinding::{WayfindingUi, tour::TourCommand},
};

use super::{ChromeLayout, area_name, interface_enabled, widgets};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HelpLine>()
        .add_systems(
            EguiPrimaryContextPass,
            (toolbar, booth_labels, hover_label, help_line)
                .chain()
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(Update, toggle_help.run_if(in_state(Screen::Hall)));
}

/// What a toolbar click asks for; applied after the bar is drawn.
enum Action {
    Fly(FlyTo),
    Open(Panel),
    ToggleDirectory,
    StartTour,
    Language(Lang),
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
}

fn toolbar_contents(ui: &mut egui::Ui, bar: &BarState) -> Vec<Action> {
    let words = bar.words;
    let l = words.lang;
    let mut actions = Vec::new();
    ui.label(
        egui::RichText::new(bar.exhibition.hall.shell.name.get(l))
            .strong()
            .color(theme::RED),
    );
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
    ui.separator();
    wrap_unless_room(ui, LANGUAGE_SWITCH_WIDTH);
    if let Some(chosen) = widgets::language_switch(ui, bar.catalogs, bar.languages, l) {
        actions.push(Action::Language(chosen));
    }
    actions
}

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

/// In the overview, every booth carries its name; a click on it opens the booth's panel.
fn booth_labels(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    rig: Res<CameraRig>,
    camera: Query<(&Camera, &GlobalTransform), With<MainCamera>>,
    waking: Option<Res<WakingGesture>>,
    phase: Option<Res<State<KioskPhase>>>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
) -> Result {
    let above_walls = rig.pose().eye.y > exhibition.hall.shell.wall_height;
    let Ok((camera, at)) = camera.single() else {
        return Ok(());
    };
    if rig.target_mode() != CameraMode::Overview || !above_walls {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let zoom = ctx.zoom_factor();
    let enabled = interface_enabled(waking.as_deref(), phase.as_deref());
    // Nearer booths first; a label that would overlap one already placed is left out.
    let mut footprints: Vec<_> = exhibition.footprints.iter().collect();
    let eye = rig.pose().eye;
    footprints.sort_by(|a, b| {
        let distance = |f: &&crate::content::layout::Footprint| {
            eye.distance_squared(Vec3::new(f.centre.x, 0.0, f.centre.y))
        };
        distance(a).total_cmp(&distance(b))
    });
    let mut placed: Vec<egui::Rect> = Vec::new();
    for footprint in footprints {
        let top = Vec3::new(footprint.centre.x, 3.6, footprint.centre.y);
        let Ok(on_screen) = camera.world_to_viewport(at, top) else {
            continue;
        };
        let Some(zone) = exhibition.zone_index(&footprint.area.zone) else {
            continue;
        };
        let name = area_name(&exhibition, &footprint.area, **lang);
        let centre = egui::pos2(on_screen.x, on_screen.y) / zoom;
        let size = egui::vec2(name.chars().count() as f32 * 7.5 + 14.0, 22.0);
        let rect = egui::Rect::from_center_size(centre, size);
        if placed.iter().any(|other| other.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        let response = egui::Area::new(egui::Id::new(("booth-label", &footprint.area)))
            .order(egui::Order::Background)
            .pivot(egui::Align2::CENTER_CENTER)
            .fixed_pos(centre)
            .show(ctx, |ui| {
                ui.add_enabled(
                    enabled,
                    egui::Button::new(egui::RichText::new(name).small().strong())
                        .fill(theme::PAPER.gamma_multiply(0.9)),
                )
            });
        if response.inner.clicked() {
            selection.open(booth_panel(&footprint.area, zone));
            fly.write(FlyTo::Area(footprint.area.clone()));
        }
    }
    Ok(())
}

fn hover_label(
    mut contexts: EguiContexts,
    selection: Res<Selection>,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    focus: Res<UiFocus>,
    waking: Option<Res<WakingGesture>>,
    phase: Option<Res<State<KioskPhase>>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(hovered) = &selection.hovered else {
        return Ok(());
    };
    // Nobody is pointing while a kiosk attracts.
    if !interface_enabled(waking.as_deref(), phase.as_deref()) {
        return Ok(());
    }
    // Over a panel or the toolbar the hall is not what the pointer shows.
    if focus.pointer || ctx.is_pointer_over_egui() {
        return Ok(());
    }
    let Some(pointer) = ctx.pointer_hover_pos() else {
        return Ok(());
    };
    let l = **lang;
    let text = match hovered {
        Hovered::Exhibit(at) => exhibition.exhibit(*at).title.get(l).to_owned(),
        Hovered::Booth { area, .. } => area_name(&exhibition, area, l),
    };
    // Beneath panels and the toolbar: the name of what is in the hall never covers them.
    egui::Area::new("hover".into())
        .fixed_pos(pointer + egui::vec2(16.0, 12.0))
        .order(egui::Order::Background)
        .interactable(false)
        .show(ctx, |ui| {
            // A name is never broken mid-word: the label keeps its width.
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(text).strong()).extend());
            });
        });
    Ok(())
}

/// The keyboard help: shown when the hall opens, fading after a minute; × hides it, F1 brings
/// it back (or hides it).
#[derive(Resource, Debug, Default, Clone, PartialEq)]
struct HelpLine {
    /// Real time when it was last shown.
    shown_at: Option<f64>,
    dismissed: bool,
}

/// Seconds the help stays fully visible, and how long it then takes to fade.
const HELP_FULL: f64 = 50.0;
const HELP_FADE: f64 = 10.0;

/// How visible the help is after `seconds` on screen.
fn help_opacity(seconds: f64, dismissed: bool) -> f32 {
    if dismissed {
        return 0.0;
    }
    (1.0 - (seconds - HELP_FULL) / HELP_FADE).clamp(0.0, 1.0) as f32
}

/// The help for the camera mode the visitor is in.
fn help_word(mode: CameraMode) -> Word {
    match mode {
        CameraMode::Walk => Word::Help,
        CameraMode::Overview => Word::HelpOverview,
    }
}

fn toggle_help(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<UiFocus>,
    time: Res<Time<Real>>,
    mut help: ResMut<HelpLine>,
) {
    if !keys.just_pressed(KeyCode::F1) || focus.keyboard {
        return;
    }
    let now = time.elapsed_secs_f64();
    let seconds = help.shown_at.map_or(0.0, |at| now - at);
    if help_opacity(seconds, help.dismissed) > 0.0 {
        help.dismissed = true;
    } else {
        *help = HelpLine {
            shown_at: Some(now),
            dismissed: false,
        };
    }
}

fn help_line(
    mut contexts: EguiContexts,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    rig: Res<CameraRig>,
    time: Res<Time<Real>>,
    kiosk: Option<Res<Kiosk>>,
    mut help: ResMut<HelpLine>,
) -> Result {
    // A kiosk has no keyboard; its touch pad takes this corner.
    if kiosk.is_some() {
        return Ok(());
    }
    let now = time.elapsed_secs_f64();
    let shown_at = *help.shown_at.get_or_insert(now);
    let opacity = help_opacity(now - shown_at, help.dismissed);
    if opacity <= 0.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let text = catalogs.text(**lang, help_word(rig.target_mode()));
    // Bottom left, clear of the minimap on the right.
    let closed = egui::Area::new("help".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [space::EDGE, -space::EDGE])
        .show(ctx, |ui| {
            ui.set_opacity(opacity);
            egui::Frame::new()
                .fill(theme::SCRIM)
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| help_contents(ui, text))
                .inner
        })
        .inner;
    if closed {
        help.dismissed = true;
    }
    Ok(())
}

/// Width kept free for the minimap beside the help, with the margins.
const MINIMAP_ROOM: f32 = 300.0;

/// The help text (wrapped to the screen) and its close button; true when closed.
fn help_contents(ui: &mut egui::Ui, text: String) -> bool {
    let width = ui.ctx().content_rect().width() - MINIMAP_ROOM;
    ui.horizontal(|ui| {
        ui.set_max_width(width);
        ui.add(
            egui::Label::new(
                egui::RichText::new(text)
                    .size(size::HINT)
                    .color(egui::Color32::WHITE),
            )
            .wrap(),
        );
        ui.small_button("×").clicked()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{exhibition::read_exhibition, source::ContentSource};

    #[test]
    fn the_help_fits_the_mode_and_fades_after_a_minute() {
        assert_ne!(help_word(CameraMode::Walk), help_word(CameraMode::Overview));
        assert_eq!(help_opacity(0.0, false), 1.0);
        assert_eq!(help_opacity(HELP_FULL, false), 1.0);
        assert!((help_opacity(HELP_FULL + HELP_FADE / 2.0, false) - 0.5).abs() < 1e-6);
        assert_eq!(help_opacity(60.0, false), 0.0);
        assert_eq!(help_opacity(1.0, true), 0.0, "dismissed");
    }

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
            languages: &Lang::ALL,
            enabled: true,
            words: &words,
            catalogs: &catalogs,
            problems,
            mode: CameraMode::Walk,
            directory_open: false,
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
                for lang in [Lang::En, Lang::Zh, Lang::Ru] {
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
