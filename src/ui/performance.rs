//! The staff performance overlay (F3, or the button on a kiosk's staff PIN pad): frames per second and a graph of the last frame times,
//! the quality tier and why it was chosen, the graphics adapter, the entity count and the
//! program's memory. On the desktop it also chooses the tier, which is remembered.

use std::collections::VecDeque;

use bevy::{ecs::resource::IsResource, prelude::*};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    i18n::{Arg, Catalogs, CurrentLang, Word, Words},
    kiosk::Kiosk,
    quality::{
        AdapterKind, DesktopSettings, Quality, QualityChoice, QualityRequest, QualityTier,
        SETTINGS_FILE, StandingPeople, TierReason,
    },
    screens::Screen,
    third_party::UiFocus,
};

use super::widgets;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PerformanceOverlay>()
        .add_systems(
            Update,
            (toggle_overlay, record_frame_time).run_if(in_state(Screen::Hall)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            overlay.run_if(in_state(Screen::Hall).and_then(|o: Res<PerformanceOverlay>| o.shown)),
        );
}

/// Frame times kept for the graph.
const GRAPH_FRAMES: usize = 120;

/// Whether the overlay shows (F3, or the kiosk's staff pad), and what it measured.
#[derive(Resource, Debug, Default)]
pub(super) struct PerformanceOverlay {
    pub(super) shown: bool,
    /// The last frame times, in milliseconds, oldest first.
    frame_ms: VecDeque<f32>,
    /// Resident memory, refreshed about twice a second while shown.
    rss_mib: Option<f32>,
    since_rss: f32,
}

fn toggle_overlay(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<UiFocus>,
    mut overlay: ResMut<PerformanceOverlay>,
) {
    if keys.just_pressed(KeyCode::F3) && !focus.keyboard {
        overlay.shown = !overlay.shown;
    }
}

fn record_frame_time(time: Res<Time<Real>>, mut overlay: ResMut<PerformanceOverlay>) {
    if !overlay.shown {
        return;
    }
    let overlay = &mut *overlay;
    overlay.frame_ms.push_back(time.delta_secs() * 1000.0);
    while overlay.frame_ms.len() > GRAPH_FRAMES {
        overlay.frame_ms.pop_front();
    }
    overlay.since_rss += time.delta_secs();
    if overlay.rss_mib.is_none() || overlay.since_rss > 0.5 {
        overlay.since_rss = 0.0;
        overlay.rss_mib = resident_mib();
    }
}

/// The program's resident memory (Linux: `/proc/self/status`).
fn resident_mib() -> Option<f32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f32 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn tier_word(quality: Quality) -> Word {
    match quality {
        Quality::Low => Word::QualityLow,
        Quality::Medium => Word::QualityMedium,
        Quality::High => Word::QualityHigh,
    }
}

fn reason_text(words: &Words, reason: &TierReason) -> String {
    match reason {
        TierReason::Adapter(AdapterKind::Software) => words.get(Word::ReasonSoftware),
        TierReason::Adapter(AdapterKind::Integrated) => words.get(Word::ReasonIntegrated),
        TierReason::Adapter(AdapterKind::Discrete) => words.get(Word::ReasonDiscrete),
        TierReason::Adapter(AdapterKind::Other) => words.get(Word::ReasonOtherGpu),
        TierReason::Asked(from) => {
            words.with(Word::ReasonAsked, &[("from", Arg::from(from.as_str()))])
        }
    }
}

fn overlay(
    mut contexts: EguiContexts,
    catalogs: Res<Catalogs>,
    lang: Res<CurrentLang>,
    overlay: Res<PerformanceOverlay>,
    tier: Option<Res<QualityTier>>,
    mut request: ResMut<QualityRequest>,
    mut people: ResMut<StandingPeople>,
    loudness: Res<crate::quality::Loudness>,
    kiosk: Option<Res<Kiosk>>,
    chrome: Res<super::ChromeLayout>,
    entities: Query<(), Without<IsResource>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    let mut sorted: Vec<f32> = overlay.frame_ms.iter().copied().collect();
    sorted.sort_by(f32::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    let mut chosen = None;
    let mut people_changed = None;
    // Top left under the toolbar: clear of the help line and a kiosk's touch arrows below.
    let top = chrome.toolbar_bottom + crate::theme::space::EDGE;
    widgets::fixed_window("performance", egui::Align2::LEFT_TOP, [8.0, top]).show(ctx, |ui| {
        ui.set_width(300.0);
        widgets::section(ui, &words.get(Word::Performance));
        let fps = if median > 0.0 { 1000.0 / median } else { 0.0 };
        ui.label(words.with(
            Word::PerfFrames,
            &[
                ("fps", Arg::from(format!("{fps:.1}"))),
                ("ms", Arg::from(format!("{median:.0}"))),
            ],
        ));
        frame_graph(ui, &overlay.frame_ms);
        if let Some(tier) = &tier {
            ui.label(words.with(
                Word::PerfTier,
                &[
                    ("tier", Arg::from(words.get(tier_word(tier.quality)))),
                    ("reason", Arg::from(reason_text(&words, &tier.reason))),
                ],
            ));
            widgets::muted(
                ui,
                &format!("{}: {}", words.get(Word::PerfAdapter), tier.adapter),
            );
        }
        ui.label(words.with(
            Word::PerfEntities,
            &[("count", Arg::from(entities.iter().count() as i64))],
        ));
        if let Some(mib) = overlay.rss_mib {
            ui.label(words.with(Word::PerfMemory, &[("mib", Arg::from(format!("{mib:.0}")))]));
        }
        // A kiosk's tier is set in kiosk.ron; the desktop chooses here.
        if kiosk.is_none() {
            ui.label(words.get(Word::PerfChoose));
            ui.horizontal(|ui| {
                for (choice, word) in [
                    (QualityChoice::Auto, Word::QualityAuto),
                    (QualityChoice::Low, Word::QualityLow),
                    (QualityChoice::Medium, Word::QualityMedium),
                    (QualityChoice::High, Word::QualityHigh),
                ] {
                    if ui
                        .selectable_label(request.choice == choice, words.get(word))
                        .clicked()
                    {
                        chosen = Some(choice);
                    }
                }
            });
            let mut shown = people.0;
            if ui
                .checkbox(&mut shown, words.get(Word::PerfPeople))
                .changed()
            {
                people_changed = Some(shown);
            }
        }
    });
    let choice = chosen.filter(|c| *c != request.choice);
    if let Some(choice) = choice {
        *request = QualityRequest {
            choice,
            from: SETTINGS_FILE.into(),
        };
    }
    if let Some(shown) = people_changed {
        people.0 = shown;
    }
    if choice.is_some() || people_changed.is_some() {
        DesktopSettings {
            quality: request.choice,
            people: people.0,
            narration: *loudness,
        }
        .remember();
    }
    Ok(())
}

/// The last frame times as a line over a bar, scaled to the slowest (at least 50 ms).
fn frame_graph(ui: &mut egui::Ui, frame_ms: &VecDeque<f32>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(300.0, 56.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, egui::Color32::from_black_alpha(40));
    let top = frame_ms.iter().copied().fold(50.0f32, f32::max);
    let step = rect.width() / GRAPH_FRAMES as f32;
    let points: Vec<egui::Pos2> = frame_ms
        .iter()
        .enumerate()
        .map(|(i, ms)| {
            egui::pos2(
                rect.left() + i as f32 * step,
                rect.bottom() - rect.height() * (ms / top).min(1.0),
            )
        })
        .collect();
    painter.add(egui::Shape::line(
        points,
        egui::Stroke::new(1.5, crate::theme::RED),
    ));
}
