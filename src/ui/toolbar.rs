//! The toolbar along the top: camera mode, "about", go-to list, language switch and, when
//! content had problems, a small indicator for staff. Also the hover label and the help line.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::theme;
use crate::{
    camera::{
        FlyTo,
        rig::{CameraMode, CameraRig},
    },
    content::{
        loading::{ContentProblems, CurrentExhibition},
        model::{Lang, ZoneKind},
    },
    i18n::{CurrentLang, Ui},
    interaction::{Hovered, Panel, Selection, booth_panel},
    screens::Screen,
    wayfinding::{WayfindingUi, tour::TourCommand},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (toolbar, hover_label, help_line)
            .chain()
            .run_if(in_state(Screen::Hall)),
    );
}

fn toolbar(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    mut lang: ResMut<CurrentLang>,
    rig: Res<CameraRig>,
    problems: Res<ContentProblems>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut tour: MessageWriter<TourCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    super::apply_visuals(ctx);
    let l = **lang;
    egui::Area::new("toolbar".into())
        .anchor(egui::Align2::LEFT_TOP, [10.0, 10.0])
        .show(ctx, |ui| {
            egui::Frame::window(ui.style())
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(exhibition.hall.shell.name.get(l))
                                .strong()
                                .color(theme::RED),
                        );
                        if !problems.0.is_empty() {
                            ui.label(
                                egui::RichText::new(format!("⚠ {}", problems.0.len()))
                                    .color(egui::Color32::from_rgb(200, 120, 0)),
                            )
                            .on_hover_text(format!(
                                "{}:\n{}",
                                Ui::Problems.text(l),
                                problems.0.join("\n")
                            ));
                        }
                        ui.separator();
                        let next = match rig.target_mode() {
                            CameraMode::Walk => Ui::Overview,
                            CameraMode::Overview => Ui::Walk,
                        };
                        if ui.button(next.text(l)).on_hover_text("Tab").clicked() {
                            fly.write(FlyTo::ToggleMode);
                        }
                        if ui.button(Ui::About.text(l)).clicked() {
                            selection.open(Panel::About);
                        }
                        if ui
                            .selectable_label(wayfinding.directory, Ui::Directory.text(l))
                            .clicked()
                        {
                            wayfinding.directory = !wayfinding.directory;
                        }
                        if !exhibition.tours.is_empty() && ui.button(Ui::TakeTour.text(l)).clicked()
                        {
                            tour.write(TourCommand::Start {
                                tour: 0,
                                attract: false,
                            });
                        }
                        egui::ComboBox::from_id_salt("goto")
                            .selected_text(Ui::Pavilions.text(l))
                            .height(520.0)
                            .show_ui(ui, |ui| {
                                for (index, zone) in exhibition.zones.iter().enumerate() {
                                    match &zone.kind {
                                        ZoneKind::China { sectors } => {
                                            for sector in sectors {
                                                let label = format!(
                                                    "{} · {}",
                                                    zone.name.get(l),
                                                    sector.name.get(l)
                                                );
                                                if ui.selectable_label(false, label).clicked() {
                                                    let area = format!("{}/{}", zone.id, sector.id);
                                                    fly.write(FlyTo::Area(area.clone()));
                                                    selection.open(booth_panel(&area, index));
                                                }
                                            }
                                        }
                                        ZoneKind::Pavilion(_) => {
                                            if ui
                                                .selectable_label(false, zone.name.get(l))
                                                .clicked()
                                            {
                                                fly.write(FlyTo::Area(zone.id.clone()));
                                                selection.open(booth_panel(&zone.id, index));
                                            }
                                        }
                                    }
                                }
                            });
                        ui.separator();
                        for (choice, label) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                            if ui.selectable_label(l == choice, label).clicked() && l != choice {
                                lang.0 = choice;
                            }
                        }
                    });
                });
        });
    Ok(())
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
    kiosk: Option<Res<crate::kiosk::Kiosk>>,
) -> Result {
    // A kiosk has no keyboard; its touch pad takes this corner.
    if kiosk.is_some() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("help".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -8.0])
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_black_alpha(170))
                .corner_radius(6.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(
                        egui::RichText::new(Ui::Help.text(**lang))
                            .size(14.0)
                            .color(egui::Color32::WHITE),
                    );
                });
        });
    Ok(())
}
