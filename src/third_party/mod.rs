//! Setup of third-party plugins, one file each.

mod bevy_egui;

pub use bevy_egui::UiFocus;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(bevy_egui::plugin);
}
