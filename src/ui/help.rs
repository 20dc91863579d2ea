//! The keyboard help line of the desktop: the controls of the camera mode the visitor is in,
//! fading after a minute; × hides it and F1 brings it back.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    camera::rig::{CameraMode, CameraRig},
    i18n::{Catalogs, CurrentLang, Word},
    kiosk::Kiosk,
    screens::Screen,
    theme::{self, size, space},
    third_party::UiFocus,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HelpLine>()
        .add_systems(
            EguiPrimaryContextPass,
            help_line.run_if(in_state(Screen::Hall)),
        )
        .add_systems(Update, toggle_help.run_if(in_state(Screen::Hall)));
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

    #[test]
    fn the_help_fits_the_mode_and_fades_after_a_minute() {
        assert_ne!(help_word(CameraMode::Walk), help_word(CameraMode::Overview));
        assert_eq!(help_opacity(0.0, false), 1.0);
        assert_eq!(help_opacity(HELP_FULL, false), 1.0);
        assert!((help_opacity(HELP_FULL + HELP_FADE / 2.0, false) - 0.5).abs() < 1e-6);
        assert_eq!(help_opacity(60.0, false), 0.0);
        assert_eq!(help_opacity(1.0, true), 0.0, "dismissed");
    }
}
