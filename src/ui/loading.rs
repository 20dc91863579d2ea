//! The loading screen: the exhibition's name and a progress bar while content loads and the
//! renderer prepares; a clear message if the hall file itself cannot be read.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    content::{assets::HallAsset, loading::LoadingContent, source::ContentSource},
    i18n::{Arg, Catalogs, CurrentLang, Word},
    launch::LaunchOptions,
    screens::{LoadingStep, Screen},
    theme::{self, size},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        loading_screen.run_if(in_state(Screen::Loading)),
    );
}

/// The command that shows what is wrong with the content the hall was started with.
fn check_command(launch: &LaunchOptions) -> String {
    let mut command = "expo-hall".to_owned();
    if let ContentSource::Dir(dir) = &launch.source {
        command.push_str(&format!(" --content {}", dir.display()));
    }
    command.push_str(&format!(" --hall {} validate", launch.hall));
    command
}

fn loading_screen(
    mut contexts: EguiContexts,
    loading: Option<Res<LoadingContent>>,
    step: Option<Res<State<LoadingStep>>>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    launch: Res<LaunchOptions>,
    halls: Res<Assets<HallAsset>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = **lang;
    let words = catalogs.words(lang);
    let rect = ctx.viewport_rect();
    // The exhibition's own title as soon as the hall file is in.
    let hall = loading
        .as_ref()
        .and_then(|l| halls.get(&l.hall))
        .map(|h| &h.hall);
    let title = hall.map_or("expo-hall".to_owned(), |h| {
        h.about.title.get(lang).to_owned()
    });
    let subtitle = hall.map_or(String::new(), |h| h.shell.name.get(lang).to_owned());
    let (fraction, fatal) = match (&loading, step.as_deref().map(State::get)) {
        (_, Some(LoadingStep::Warmup)) => (0.97, None),
        (Some(l), _) => (0.9 * l.done as f32 / l.total.max(1) as f32, l.fatal.clone()),
        _ => (0.0, None),
    };
    egui::Area::new("loading".into())
        .fixed_pos(rect.min)
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.painter().rect_filled(rect, 0.0, theme::INK);
            ui.set_min_size(rect.size());
            ui.vertical_centered(|ui| {
                ui.add_space(rect.height() * 0.3);
                ui.label(
                    egui::RichText::new(title)
                        .size(size::LOADING_TITLE)
                        .color(egui::Color32::WHITE),
                );
                ui.label(
                    egui::RichText::new(subtitle)
                        .size(size::LOADING_SUBTITLE)
                        .color(theme::GOLD),
                );
                ui.add_space(24.0);
                match fatal {
                    None => {
                        ui.add(
                            egui::ProgressBar::new(fraction)
                                .desired_width(rect.width() * 0.4)
                                .fill(theme::RED),
                        );
                        ui.add_space(8.0);
                        ui.label(
                            egui::RichText::new(words.get(Word::Loading))
                                .color(egui::Color32::LIGHT_GRAY),
                        );
                    }
                    Some(error) => {
                        // In every language the hall declares, each wording once.
                        let mut cannot: Vec<String> = Vec::new();
                        let languages = std::iter::once(lang).chain(catalogs.declared().to_vec());
                        for l in languages {
                            let wording = catalogs.text(l, Word::HallCannotOpen);
                            if !cannot.contains(&wording) {
                                cannot.push(wording);
                            }
                        }
                        let cannot = cannot.join(" / ");
                        ui.label(
                            egui::RichText::new(cannot)
                                .size(size::LOADING_SUBTITLE)
                                .color(theme::ERROR_ON_DARK),
                        );
                        ui.label(
                            egui::RichText::new(error)
                                .monospace()
                                .color(egui::Color32::WHITE),
                        );
                        let check = words.with(
                            Word::CheckWith,
                            &[("command", Arg::from(check_command(&launch)))],
                        );
                        ui.label(egui::RichText::new(check).color(egui::Color32::LIGHT_GRAY));
                    }
                }
            });
        });
    Ok(())
}
