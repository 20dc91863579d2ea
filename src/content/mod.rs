//! The exhibition's content: the data model, reading and checking RON files, hall geometry, and
//! the Bevy side that loads it all through the asset system.

pub mod assets;
pub mod clearance;
pub mod credits;
pub mod diagnostics;
pub mod exhibition;
pub mod footprint;
pub mod gltf;
pub mod last_good;
pub mod layout;
pub mod live;
pub mod loading;
pub mod model;
pub mod narration;
pub mod parse;
pub mod ron_tree;
pub mod sanity;
pub mod scaled;
pub mod schema;
pub mod source;
pub mod validate;

use bevy::prelude::*;

pub fn plugin(app: &mut App) {
    app.add_plugins((assets::plugin, loading::plugin, live::plugin));
}
