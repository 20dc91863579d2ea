//! Names over the hall: every booth labelled in the overview (a click opens its panel), and the
//! name of what the pointer is on, beneath any panel.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{area_name, interface_enabled};
use crate::{
    camera::{
        FlyTo, MainCamera,
        rig::{CameraMode, CameraRig},
    },
    content::{footprint::size, loading::CurrentExhibition},
    i18n::CurrentLang,
    interaction::{Hovered, Selection, booth_panel},
    screens::{
        Screen,
        kiosk::{KioskPhase, WakingGesture},
    },
    theme,
    third_party::UiFocus,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (booth_labels, hover_label)
            .chain()
            .run_if(in_state(Screen::Hall)),
    );
}

/// How high over the floor a booth's name hangs: clear above its walls.
const LABEL_HEIGHT: f32 = size::BOOTH_WALL_HEIGHT + 0.6;

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
        let top = Vec3::new(footprint.centre.x, LABEL_HEIGHT, footprint.centre.y);
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
