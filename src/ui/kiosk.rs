//! The kiosk's screens: the attract overlay (the call to touch, with the current stop's
//! caption), the "Still there?" countdown, the staff PIN pad, and on-screen movement buttons for
//! touch. The whole interface is scaled by the config's `ui_scale`.

use bevy::{prelude::*, window::PrimaryWindow};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::widgets::{self, KeypadAction};
use crate::{
    camera::controls::TouchMove,
    content::loading::CurrentExhibition,
    i18n::{Arg, Catalogs, CurrentLang, Word},
    kiosk::{Kiosk, StaffExit, StaffExitConfirmed},
    screens::{
        Screen,
        kiosk::{IdleClock, KioskPhase, ReadingAllowance},
    },
    theme::{self, size, space},
    wayfinding::tour::ActiveTour,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            scale_ui,
            attract_overlay.run_if(in_state(KioskPhase::Attract)),
            still_there,
            pin_pad,
            touch_controls,
        )
            .chain()
            .run_if(in_state(Screen::Hall)),
    );
}

/// The smallest screen, in egui points, the interface is laid out for.
const MIN_POINTS: (f32, f32) = (720.0, 540.0);

/// The kiosk's `ui_scale`, shrunk where the screen (in logical pixels) would otherwise be less
/// than [`MIN_POINTS`] wide or high: on every screen the toolbar, panels and keypad fit.
pub fn effective_ui_scale(ui_scale: f32, screen: (f32, f32)) -> f32 {
    ui_scale
        .min(screen.0 / MIN_POINTS.0)
        .min(screen.1 / MIN_POINTS.1)
        .max(0.25)
}

fn scale_ui(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    window: Query<&Window, With<PrimaryWindow>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let screen = window
        .single()
        .map_or((1920.0, 1080.0), |w| (w.width(), w.height()));
    let scale = effective_ui_scale(kiosk.config.ui_scale, screen);
    if (ctx.zoom_factor() - scale).abs() > 1e-3 {
        ctx.set_zoom_factor(scale);
    }
    Ok(())
}

/// On its shared screens (attract, "Still there?", staff) the kiosk speaks every language it
/// offers, its default first.
fn all_languages(
    catalogs: &Catalogs,
    kiosk: &Kiosk,
    exhibition: &CurrentExhibition,
    word: Word,
) -> String {
    let default = exhibition.hall.spoken(kiosk.config.default_lang);
    let mut languages = vec![default];
    languages.extend(
        super::offered_languages(exhibition, Some(kiosk))
            .into_iter()
            .filter(|l| *l != default),
    );
    languages
        .into_iter()
        .map(|lang| catalogs.text(lang, word))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn attract_overlay(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    catalogs: Res<Catalogs>,
    exhibition: Res<CurrentExhibition>,
    tour: Option<Res<ActiveTour>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = exhibition.hall.spoken(kiosk.config.default_lang);
    let caption = tour
        .as_ref()
        .and_then(|t| {
            exhibition
                .tours
                .get(t.tour)
                .and_then(|tour| tour.stops.get(t.player.stop))
        })
        .map(|stop| {
            let first = stop.narration.get(lang).to_owned();
            match exhibition.hall.companion_text(&stop.narration, lang) {
                // The host's language large, the visitor's default under it.
                Some(companion) => (companion.to_owned(), Some(first)),
                None => (first, None),
            }
        });
    let call = all_languages(&catalogs, &kiosk, &exhibition, Word::KioskCall);
    let max_width = ctx.viewport_rect().width() * 0.8;
    widgets::overlay(
        ctx,
        "attract",
        egui::Align2::CENTER_BOTTOM,
        [0.0, -40.0],
        18.0,
        |ui| {
            ui.set_max_width(max_width);
            ui.vertical_centered(|ui| {
                if let Some((first, second)) = &caption {
                    ui.label(
                        egui::RichText::new(first)
                            .size(size::KIOSK_CAPTION)
                            .color(egui::Color32::WHITE),
                    );
                    if let Some(second) = second {
                        ui.label(
                            egui::RichText::new(second)
                                .size(size::KIOSK_CAPTION_SECOND)
                                .color(egui::Color32::LIGHT_GRAY),
                        );
                    }
                    ui.add_space(10.0);
                }
                ui.label(
                    egui::RichText::new(call)
                        .size(size::KIOSK_CALL)
                        .strong()
                        .color(theme::GOLD),
                );
            });
        },
    );
    Ok(())
}

fn still_there(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    catalogs: Res<Catalogs>,
    clock: Res<IdleClock>,
    allowance: Res<ReadingAllowance>,
) -> Result {
    let Some(left) = clock.countdown(allowance.0) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let question = all_languages(&catalogs, &kiosk, &exhibition, Word::StillThere);
    let keep = all_languages(&catalogs, &kiosk, &exhibition, Word::KeepExploring);
    let here = all_languages(&catalogs, &kiosk, &exhibition, Word::ImHere);
    widgets::fixed_window("still-there", egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(ctx, |ui| {
        ui.vertical_centered(|ui| {
            ui.label(
                egui::RichText::new(question)
                    .size(size::KIOSK_QUESTION)
                    .strong(),
            );
            ui.label(
                egui::RichText::new(format!("{:.0}", left.ceil()))
                    .size(size::KIOSK_COUNTDOWN)
                    .color(theme::RED),
            );
            ui.label(keep);
            // The touch itself counts as activity; the button is there to be touched.
            let _ = widgets::touch_button(ui, &here, space::WIDE_BUTTON, size::KIOSK_BUTTON);
        });
    });
    Ok(())
}

fn pin_pad(
    mut contexts: EguiContexts,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    catalogs: Res<Catalogs>,
    lang: Res<CurrentLang>,
    mut staff: ResMut<StaffExit>,
    mut confirmed: MessageWriter<StaffExitConfirmed>,
    mut performance: ResMut<super::performance::PerformanceOverlay>,
) -> Result {
    if !staff.pin_pad_open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    let title = all_languages(&catalogs, &kiosk, &exhibition, Word::Staff);
    let wrong = all_languages(&catalogs, &kiosk, &exhibition, Word::WrongPin);
    let cancel = all_languages(&catalogs, &kiosk, &exhibition, Word::Cancel);
    let ok = words.get(Word::KeyOk);
    let dots = "•".repeat(staff.entered.len());
    // The message line is always there, blank or not, so the keypad never jumps.
    let message = if staff.show_wrong {
        wrong
    } else {
        " ".to_owned()
    };
    let performance_word = words.get(Word::Performance);
    let actions = egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(words.with(Word::PinEntered, &[("dots", Arg::from(dots))]));
            ui.label(egui::RichText::new(message).color(theme::RED));
            let keys = widgets::pin_keypad(ui, &ok, &cancel);
            // Staff can look at the frame rate without leaving the kiosk.
            if ui
                .selectable_label(performance.shown, &performance_word)
                .clicked()
            {
                performance.shown = !performance.shown;
            }
            keys
        })
        .and_then(|response| response.inner)
        .unwrap_or_default();
    for action in actions {
        match action {
            KeypadAction::Digit(digit) => staff.type_digit(digit),
            KeypadAction::Delete => staff.delete(),
            KeypadAction::Submit => {
                if staff.submit(&kiosk.config.pin) {
                    confirmed.write(StaffExitConfirmed);
                    break;
                }
            }
            KeypadAction::Cancel => {
                *staff = StaffExit::default();
                break;
            }
        }
    }
    Ok(())
}

/// Hold-to-move buttons for visitors with only a touch screen.
fn touch_controls(
    mut contexts: EguiContexts,
    phase: Res<State<KioskPhase>>,
    mut touch_move: ResMut<TouchMove>,
) -> Result {
    *touch_move = TouchMove::default();
    if *phase.get() == KioskPhase::Attract {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let held = |ui: &mut egui::Ui, label: &str| {
        widgets::touch_button(
            ui,
            label,
            [space::PAD_KEY, space::PAD_KEY],
            size::TOUCH_ARROW,
        )
        .is_pointer_button_down_on()
    };
    egui::Area::new("touch-pad".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [16.0, -16.0])
        .show(ctx, |ui| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_scale_shrinks_to_fit_a_small_screen() {
        assert_eq!(effective_ui_scale(1.4, (1920.0, 1080.0)), 1.4);
        let scale = effective_ui_scale(1.4, (1024.0, 768.0));
        assert!(
            (1024.0 / scale) >= MIN_POINTS.0 - 1e-3 && scale > 1.4 - 0.03,
            "{scale}"
        );
        assert_eq!(effective_ui_scale(4.0, (1280.0, 800.0)), 800.0 / 540.0);
    }
}
