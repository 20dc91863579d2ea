//! The app's screens: loading the content and preparing the scene, then the hall itself.

use bevy::prelude::*;

pub fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_sub_state::<LoadingStep>();
}

/// The top-level screen.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Loading,
    Hall,
}

/// Steps of [`Screen::Loading`].
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Loading)]
pub enum LoadingStep {
    /// Reading the hall, zones, images and fonts.
    #[default]
    Content,
    /// The scene is built; the renderer compiles its shaders behind the loading screen.
    Warmup,
}
