//! Captions: while a panel's narration plays, the sentence being spoken shows at the bottom of
//! the screen (a tour's narration shows in full in the tour bar instead).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::widgets;
use crate::{
    content::narration::NarrationKey,
    narration::Narrator,
    screens::Screen,
    theme::{self, size},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        captions.run_if(in_state(Screen::Hall)),
    );
}

fn captions(mut contexts: EguiContexts, narrator: Res<Narrator>) -> Result {
    let Some(playing) = &narrator.playing else {
        return Ok(());
    };
    if matches!(playing.key, NarrationKey::TourStop { .. }) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let width = (ctx.content_rect().width() * 0.5).clamp(280.0, 640.0);
    // Above the help line and level with the tour bar, which it never shows with.
    widgets::fixed_window("captions", egui::Align2::CENTER_BOTTOM, [0.0, -60.0])
        .frame(egui::Frame::window(&ctx.global_style()).fill(theme::CAPTION_BACKGROUND))
        .show(ctx, |ui| {
            ui.set_width(width);
            ui.vertical_centered(|ui| {
                ui.label(
                    egui::RichText::new(playing.caption())
                        .size(size::NARRATION)
                        .color(egui::Color32::WHITE),
                );
            });
        });
    Ok(())
}
