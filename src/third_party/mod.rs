//! Setup of third-party plugins and system interfaces, one file each.

mod bevy_egui;
#[cfg(unix)]
mod signals;

pub use bevy_egui::UiFocus;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(bevy_egui::plugin);
    #[cfg(unix)]
    app.add_plugins(signals::plugin);
}
