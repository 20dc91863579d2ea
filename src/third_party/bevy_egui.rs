//! egui through bevy_egui: the plugin, the theme's style and the bundled fonts applied to the
//! context (once at start, and again only when the fonts arrive), and [`UiFocus`], which tells
//! the camera and picking when egui owns the pointer or keyboard.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, input::EguiWantsInput};

use crate::{
    content::{assets::FontBytes, loading::Fonts},
    theme,
};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<UiFocus>()
        .add_systems(
            EguiPrimaryContextPass,
            apply_theme.run_if(not(resource_exists::<ThemeApplied>)),
        )
        .add_systems(
            PostUpdate,
            read_focus.after(bevy_egui::EguiPostUpdateSet::ProcessOutput),
        );
}

/// Whether the UI has the pointer or keyboard this frame: camera controls stand still then.
/// Headless tests set it directly.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct UiFocus {
    pub pointer: bool,
    pub keyboard: bool,
}

fn read_focus(wants: Option<Res<EguiWantsInput>>, mut focus: ResMut<UiFocus>) {
    let Some(wants) = wants else { return };
    let now = UiFocus {
        pointer: wants.wants_any_pointer_input(),
        keyboard: wants.wants_any_keyboard_input(),
    };
    focus.set_if_neq(now);
}

/// Present once the theme and the bundled fonts are in the egui context.
#[derive(Resource, Debug)]
struct ThemeApplied;

/// Sets the theme's style on the first frame, and the bundled fonts as soon as they have
/// loaded; after that the context keeps them and this system no longer runs.
fn apply_theme(
    mut commands: Commands,
    mut contexts: EguiContexts,
    fonts: Option<Res<Fonts>>,
    font_assets: Res<Assets<FontBytes>>,
    mut styled: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        ctx.set_global_style(theme::style(&ctx.global_style()));
        *styled = true;
    }
    let Some(fonts) = fonts else { return Ok(()) };
    let bytes = |handles: &[Handle<FontBytes>]| -> Option<Vec<&[u8]>> {
        handles
            .iter()
            .map(|h| font_assets.get(h).map(|f| f.0.as_slice()))
            .collect()
    };
    let (Some(regular), Some(bold)) = (bytes(&fonts.regular), bytes(&fonts.bold)) else {
        return Ok(());
    };
    ctx.set_fonts(theme::font_definitions(&regular, &bold));
    commands.insert_resource(ThemeApplied);
    Ok(())
}
