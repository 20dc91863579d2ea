//! Live editing's notices on the desktop: "content updated" for a moment after an edit shows,
//! and, while an edited file does not parse or validate, its problems with `file:line:col` until
//! it is fixed. A kiosk shows neither to visitors: staff see the ⚠ count and the log.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    content::live::LiveContent,
    i18n::{Catalogs, CurrentLang, Word},
    kiosk::Kiosk,
    screens::Screen,
    theme::{self, size, space},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        live_notices.run_if(
            in_state(Screen::Hall)
                .and_then(resource_exists::<LiveContent>)
                .and_then(not(resource_exists::<Kiosk>)),
        ),
    );
}

/// Seconds "content updated" stays after an edit shows.
const UPDATED_SECONDS: f64 = 3.0;
/// Problems listed in the notice; the rest are counted.
const LISTED: usize = 6;

fn live_notices(
    mut contexts: EguiContexts,
    live: Res<LiveContent>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    time: Res<Time>,
    chrome: Res<super::ChromeLayout>,
) -> Result {
    let since_reload = live.last_reload.map(|at| time.elapsed_secs_f64() - at);
    let updated = since_reload.is_some_and(|s| s < UPDATED_SECONDS);
    if live.notices.is_empty() && !updated {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    // Top left under the toolbar, clear of the detail panel on the right.
    let panel_room = space::PANEL_WIDTH + 2.0 * space::PANEL_MARGIN + 2.0 * space::EDGE;
    let width = (ctx.content_rect().width() - panel_room - space::EDGE).clamp(240.0, 760.0);
    super::widgets::overlay(
        ctx,
        "live-notices",
        egui::Align2::LEFT_TOP,
        [space::EDGE, chrome.toolbar_bottom + space::EDGE],
        8.0,
        |ui| {
            ui.set_max_width(width);
            if live.notices.is_empty() {
                ui.label(
                    egui::RichText::new(format!("✓ {}", words.get(Word::ContentUpdated)))
                        .color(egui::Color32::WHITE),
                );
                return;
            }
            ui.label(
                egui::RichText::new(format!("⚠ {}", words.get(Word::EditsNotShown)))
                    .color(theme::WARNING)
                    .strong(),
            );
            for notice in live.notices.iter().take(LISTED) {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(notice)
                            .monospace()
                            .size(size::HINT)
                            .color(egui::Color32::WHITE),
                    )
                    .wrap(),
                );
            }
            if live.notices.len() > LISTED {
                ui.label(
                    egui::RichText::new(format!("… +{}", live.notices.len() - LISTED))
                        .color(egui::Color32::WHITE),
                );
            }
        },
    );
    Ok(())
}
