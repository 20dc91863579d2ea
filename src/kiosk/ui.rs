//! The kiosk's screens: the attract overlay ("Touch to explore / 触摸开始探索") with the
//! current stop's caption, the "Still there?" countdown, the staff PIN pad, and on-screen
//! movement buttons for touch. The whole interface is scaled by the config's `ui_scale`.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Kiosk, StaffExit, StaffExitConfirmed, clock::Phase};
use crate::{
    camera::controls::TouchMove,
    content::{loading::CurrentExhibition, model::Lang},
    screens::Screen,
    ui::theme,
    wayfinding::tour::ActiveTour,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            scale_ui,
            attract_overlay,
            still_there,
            pin_pad,
            touch_controls,
        )
            .chain()
            .run_if(in_state(Screen::Hall)),
    );
}

fn scale_ui(mut contexts: EguiContexts, kiosk: Res<Kiosk>) -> Result {
    let ctx = contexts.ctx_mut()?;
    if (ctx.zoom_factor() - kiosk.config.ui_scale).abs() > 1e-3 {
        ctx.set_zoom_factor(kiosk.config.ui_scale);
    }
    Ok(())
}

fn attract_overlay(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    tour: Option<Res<ActiveTour>>,
) -> Result {
    if kiosk.clock.phase != Phase::Attract {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let caption = tour
        .as_ref()
        .and_then(|t| {
            exhibition
                .tours
                .get(t.tour)
                .and_then(|tour| tour.stops.get(t.player.stop))
        })
        .map(|stop| {
            (
                stop.narration.get(Lang::Zh).to_owned(),
                stop.narration.get(Lang::En).to_owned(),
            )
        });
    egui::Area::new("attract".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -40.0])
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_black_alpha(170))
                .corner_radius(12.0)
                .inner_margin(18.0)
                .show(ui, |ui| {
                    ui.set_max_width(ctx.viewport_rect().width() * 0.8);
                    ui.vertical_centered(|ui| {
                        if let Some((zh, en)) = &caption {
                            ui.label(
                                egui::RichText::new(zh)
                                    .size(18.0)
                                    .color(egui::Color32::WHITE),
                            );
                            ui.label(
                                egui::RichText::new(en)
                                    .size(15.0)
                                    .color(egui::Color32::LIGHT_GRAY),
                            );
                            ui.add_space(10.0);
                        }
                        ui.label(
                            egui::RichText::new("Touch to explore / 触摸开始探索")
                                .size(30.0)
                                .strong()
                                .color(theme::GOLD),
                        );
                    });
                });
        });
    Ok(())
}

fn still_there(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    selection: Res<crate::interaction::Selection>,
    lang: Res<crate::i18n::CurrentLang>,
) -> Result {
    let allowance = kiosk.reading_allowance(&exhibition, &selection, **lang);
    let Some(left) = kiosk.clock.countdown(allowance) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    egui::Window::new("still-there")
        .title_bar(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(
                    egui::RichText::new("Still there? / 您还在吗？")
                        .size(28.0)
                        .strong(),
                );
                ui.label(
                    egui::RichText::new(format!("{:.0}", left.ceil()))
                        .size(44.0)
                        .color(theme::RED),
                );
                ui.label("Touch anywhere to keep exploring / 触摸屏幕任意位置继续参观");
                // The touch itself counts as activity; the button is there to be touched.
                let _ = ui.add_sized(
                    [260.0, 56.0],
                    egui::Button::new(egui::RichText::new("I'm here / 我在").size(22.0)),
                );
            });
        });
    Ok(())
}

fn pin_pad(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    mut staff: ResMut<StaffExit>,
    mut confirmed: MessageWriter<StaffExitConfirmed>,
) -> Result {
    if !staff.pin_pad_open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut submit = false;
    let mut cancel = false;
    egui::Window::new("Staff / 工作人员")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!("PIN: {}", "•".repeat(staff.entered.len())));
            if staff.wrong_attempts > 0 {
                ui.label(egui::RichText::new("Wrong PIN / 密码错误").color(theme::RED));
            }
            egui::Grid::new("pin-keys").show(ui, |ui| {
                for row in [
                    ["1", "2", "3"],
                    ["4", "5", "6"],
                    ["7", "8", "9"],
                    ["←", "0", "OK"],
                ] {
                    for key in row {
                        if ui
                            .add_sized(
                                [64.0, 56.0],
                                egui::Button::new(egui::RichText::new(key).size(22.0)),
                            )
                            .clicked()
                        {
                            match key {
                                "←" => {
                                    staff.entered.pop();
                                }
                                "OK" => submit = true,
                                digit => staff.entered.push_str(digit),
                            }
                        }
                    }
                    ui.end_row();
                }
            });
            if ui.button("Cancel / 取消").clicked() {
                cancel = true;
            }
        });
    if submit && staff.submit(&kiosk.config.pin) {
        confirmed.write(StaffExitConfirmed);
    }
    if cancel {
        *staff = StaffExit::default();
    }
    Ok(())
}

/// Hold-to-move buttons for visitors with only a touch screen.
fn touch_controls(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    mut touch_move: ResMut<TouchMove>,
) -> Result {
    *touch_move = TouchMove::default();
    if kiosk.clock.phase == Phase::Attract {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("touch-pad".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [16.0, -16.0])
        .show(ctx, |ui| {
            let held = |ui: &mut egui::Ui, label: &str| {
                ui.add_sized(
                    [64.0, 64.0],
                    egui::Button::new(egui::RichText::new(label).size(26.0)),
                )
                .is_pointer_button_down_on()
            };
            egui::Grid::new("pad").show(ui, |ui| {
                ui.label("");
                if held(ui, "▲") {
                    touch_move.forward = 1.0;
                }
                ui.label("");
                ui.end_row();
                if held(ui, "◀") {
                    touch_move.turn = 1.0;
                }
                if held(ui, "▼") {
                    touch_move.forward = -1.0;
                }
                if held(ui, "▶") {
                    touch_move.turn = -1.0;
                }
                ui.end_row();
            });
        });
    Ok(())
}
