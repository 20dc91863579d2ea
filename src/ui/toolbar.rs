//! The toolbar along the top: the hall's name (and, when content had problems, a small
//! indicator for staff), camera mode, "about", directory, tour, go-to list and language switch.
//! Also the hover label and the keyboard help line.

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
    i18n::{Catalogs, CurrentLang, SWITCHABLE, Word, Words},
    interaction::{Hovered, Panel, Selection, booth_panel},
    kiosk::Kiosk,
    screens::Screen,
    theme::{self, size, space},
    wayfinding::{WayfindingUi, tour::TourCommand},
};

use super::widgets;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (toolbar, hover_label, help_line)
            .chain()
            .run_if(in_state(Screen::Hall)),
    );
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
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut tour: MessageWriter<TourCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    let state = BarState {
        exhibition: &exhibition,
        words: &words,
        catalogs: &catalogs,
        problems: &problems.0,
        mode: rig.target_mode(),
        directory_open: wayfinding.directory,
    };
    let actions = widgets::floating_bar(
        ctx,
        "toolbar",
        egui::Align2::LEFT_TOP,
        [space::EDGE, space::EDGE],
        |ui| toolbar_contents(ui, &state),
    );
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
    if ui.button(words.get(next)).on_hover_text("Tab").clicked() {
        actions.push(Action::Fly(FlyTo::ToggleMode));
    }
    if ui.button(words.get(Word::About)).clicked() {
        actions.push(Action::Open(Panel::About));
    }
    if ui
        .selectable_label(bar.directory_open, words.get(Word::Directory))
        .clicked()
    {
        actions.push(Action::ToggleDirectory);
    }
    if !bar.exhibition.tours.is_empty() && ui.button(words.get(Word::TakeTour)).clicked() {
        actions.push(Action::StartTour);
    }
    egui::ComboBox::from_id_salt("goto")
        .selected_text(words.get(Word::GoTo))
        .height(520.0)
        .show_ui(ui, |ui| go_to_entries(ui, bar.exhibition, l, &mut actions));
    ui.separator();
    if let Some(chosen) = widgets::language_switch(ui, bar.catalogs, SWITCHABLE, l) {
        actions.push(Action::Language(chosen));
    }
    actions
}

/// The go-to list: every sector of a zone with sectors, then every pavilion.
fn go_to_entries(ui: &mut egui::Ui, exhibition: &Exhibition, l: Lang, actions: &mut Vec<Action>) {
    for (index, zone) in exhibition.zones.iter().enumerate() {
        let entries: Vec<(AreaRef, String)> = match &zone.kind {
            ZoneKind::China { sectors } => sectors
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
                actions.push(Action::Fly(FlyTo::Area(area)));
            }
        }
    }
}

fn hover_label(
    mut contexts: EguiContexts,
    selection: Res<Selection>,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(hovered) = &selection.hovered else {
        return Ok(());
    };
    let Some(pointer) = ctx.pointer_hover_pos() else {
        return Ok(());
    };
    let l = **lang;
    let text = match hovered {
        Hovered::Exhibit(at) => exhibition.exhibit(*at).title.get(l).to_owned(),
        Hovered::Booth { zone, .. } => exhibition.zones[*zone].name.get(l).to_owned(),
    };
    egui::Area::new("hover".into())
        .fixed_pos(pointer + egui::vec2(16.0, 12.0))
        .order(egui::Order::Tooltip)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(text).strong());
            });
        });
    Ok(())
}

fn help_line(
    mut contexts: EguiContexts,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    kiosk: Option<Res<Kiosk>>,
) -> Result {
    // A kiosk has no keyboard; its touch pad takes this corner.
    if kiosk.is_some() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let help = catalogs.text(**lang, Word::Help);
    widgets::overlay(
        ctx,
        "help",
        egui::Align2::CENTER_BOTTOM,
        [0.0, -8.0],
        6.0,
        |ui| {
            ui.label(
                egui::RichText::new(help)
                    .size(size::HINT)
                    .color(egui::Color32::WHITE),
            );
        },
    );
    Ok(())
}
