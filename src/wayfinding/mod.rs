//! Wayfinding: what the minimap, floor plan, directory and tour bar (drawn by `ui`) work with:
//! search, the guided tour player, deep links, the plan's geometry, and going to a place.

pub mod links;
pub mod map;
pub mod search;
pub mod tour;

use bevy::prelude::*;

use crate::{
    camera::{FlyTo, apply_request, rig::CameraRig},
    content::loading::CurrentExhibition,
    interaction::{Panel, Selection},
    launch::LaunchOptions,
    screens::Screen,
};

pub fn plugin(app: &mut App) {
    app.init_resource::<WayfindingUi>()
        .add_plugins(tour::plugin)
        .add_systems(OnEnter(Screen::Hall), start_at_deep_link);
}

/// Which wayfinding views are open, and the search text.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct WayfindingUi {
    pub directory: bool,
    pub full_plan: bool,
    pub query: String,
}

/// Flies to a place and opens its panel, as the directory, the plan and search results do.
pub fn go_to(
    request: FlyTo,
    panel: Option<Panel>,
    fly: &mut MessageWriter<FlyTo>,
    selection: &mut Selection,
) {
    fly.write(request);
    if let Some(panel) = panel {
        selection.open(panel);
    }
}

/// `--pavilion` / `--exhibit`: start there with the panel open. (Unknown ids are refused before
/// the window opens, in `main`.)
fn start_at_deep_link(
    launch: Res<LaunchOptions>,
    exhibition: Res<CurrentExhibition>,
    mut rig: ResMut<CameraRig>,
    mut selection: ResMut<Selection>,
) {
    if launch.screenshot.is_some() {
        return;
    }
    let Some(view) = &launch.start_at else { return };
    if let Ok((request, panel)) = links::resolve_view(&exhibition, view) {
        apply_request(&mut rig, &exhibition, &request, true);
        selection.panel = panel;
    }
}
