//! The app's screens and every transition between them: loading the content, warming up the
//! renderer behind the loading screen, then the hall; in a kiosk, the hall's phases
//! ([`kiosk::KioskPhase`]); while the hall is open, edits to the content folder are watched for.
//! Other modules react with `OnEnter`/`OnExit` and `DespawnOnExit`.

pub mod kiosk;

use bevy::prelude::*;

use crate::content::{
    live::{LiveContent, LiveReload, watch_content},
    loading::{ContentRequest, CurrentExhibition, LoadingContent, start_loading, track_loading},
};

/// The states and their flow. Loading runs the content layer's systems when that layer is there
/// (headless tests that insert an exhibition directly leave it out).
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<LoadingStep>()
        .add_systems(
            OnEnter(Screen::Loading),
            start_loading.run_if(resource_exists::<ContentRequest>),
        )
        .add_systems(
            Update,
            (
                track_loading.run_if(resource_exists::<LoadingContent>),
                content_ready,
            )
                .chain()
                .run_if(in_state(LoadingStep::Content)),
        )
        .add_systems(
            PreUpdate,
            watch_content
                .in_set(LiveReload::Detect)
                .run_if(in_state(Screen::Hall).and_then(resource_exists::<LiveContent>)),
        )
        .add_systems(OnEnter(LoadingStep::Warmup), reset_warmup)
        .add_systems(Update, finish_warmup.run_if(in_state(LoadingStep::Warmup)));
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

/// Frames rendered behind the loading screen so shaders are compiled before the hall shows.
pub const WARMUP_FRAMES: u32 = 6;

/// Frames drawn so far in [`LoadingStep::Warmup`].
#[derive(Resource, Debug, Default)]
struct WarmupFrames(u32);

/// Content → warm-up, once the exhibition is assembled.
fn content_ready(
    exhibition: Option<Res<CurrentExhibition>>,
    mut next: ResMut<NextState<LoadingStep>>,
) {
    if exhibition.is_some() {
        next.set(LoadingStep::Warmup);
    }
}

fn reset_warmup(mut commands: Commands) {
    commands.insert_resource(WarmupFrames(0));
}

/// Warm-up → hall, after [`WARMUP_FRAMES`].
fn finish_warmup(mut frames: ResMut<WarmupFrames>, mut next: ResMut<NextState<Screen>>) {
    frames.0 += 1;
    if frames.0 >= WARMUP_FRAMES {
        next.set(Screen::Hall);
    }
}
