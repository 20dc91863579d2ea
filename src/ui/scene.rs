//! The 3D scene's image under the interface, when the tier draws the scene below the window's
//! resolution (`camera::render_scale`): scaled up to the whole window in egui's lowest layer.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use crate::camera::render_scale::SceneImage;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show_scene);
}

/// Runs from the first frame, scaled or not: egui keeps layers in the order they first
/// appeared, so this area stays under the booth labels that share its order.
fn show_scene(
    mut contexts: EguiContexts,
    scene: Option<Res<SceneImage>>,
    mut registered: Local<Option<AssetId<Image>>>,
) -> Result {
    let now = scene.as_ref().map(|scene| scene.handle.id());
    if *registered != now {
        if let Some(old) = registered.take() {
            contexts.remove_image(old);
        }
        *registered = now;
    }
    let texture = scene
        .as_ref()
        .map(|scene| contexts.add_image(EguiTextureHandle::Weak(scene.handle.id())));
    let ctx = contexts.ctx_mut()?;
    let screen = ctx.content_rect();
    egui::Area::new(egui::Id::new("scene"))
        .order(egui::Order::Background)
        .interactable(false)
        .fixed_pos(screen.min)
        .show(ctx, |ui| {
            if let Some(texture) = texture {
                let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
                ui.painter().with_clip_rect(screen).image(
                    texture,
                    screen,
                    uv,
                    egui::Color32::WHITE,
                );
            }
        });
    Ok(())
}
