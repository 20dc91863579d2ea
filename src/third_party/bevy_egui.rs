//! egui through bevy_egui: the plugin, the bundled CJK font for every UI text, and [`UiFocus`],
//! which tells the camera and picking when egui owns the pointer or keyboard.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui, input::EguiWantsInput};

use crate::content::{assets::FontBytes, loading::Fonts};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<UiFocus>()
        .add_systems(EguiPrimaryContextPass, install_fonts)
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

/// Puts the bundled Noto Sans SC first in egui's font families once it has loaded, so Chinese,
/// Latin and Cyrillic all render.
fn install_fonts(
    mut contexts: EguiContexts,
    fonts: Option<Res<Fonts>>,
    font_assets: Res<Assets<FontBytes>>,
    mut installed: Local<bool>,
) -> Result {
    if *installed {
        return Ok(());
    }
    let Some(fonts) = fonts else { return Ok(()) };
    let (Some(regular), Some(bold)) = (
        font_assets.get(&fonts.regular),
        font_assets.get(&fonts.bold),
    ) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut definitions = egui::FontDefinitions::default();
    definitions.font_data.insert(
        "noto-sc".into(),
        Arc::new(egui::FontData::from_owned(regular.0.clone())),
    );
    definitions.font_data.insert(
        "noto-sc-bold".into(),
        Arc::new(egui::FontData::from_owned(bold.0.clone())),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        definitions
            .families
            .entry(family)
            .or_default()
            .insert(0, "noto-sc".into());
    }
    definitions.families.insert(
        egui::FontFamily::Name("bold".into()),
        vec!["noto-sc-bold".into(), "noto-sc".into()],
    );
    ctx.set_fonts(definitions);
    let mut style = (*ctx.global_style()).clone();
    style
        .text_styles
        .insert(egui::TextStyle::Body, egui::FontId::proportional(15.0));
    style
        .text_styles
        .insert(egui::TextStyle::Button, egui::FontId::proportional(15.0));
    style.text_styles.insert(
        egui::TextStyle::Heading,
        egui::FontId::new(22.0, egui::FontFamily::Name("bold".into())),
    );
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    ctx.set_global_style(style);
    *installed = true;
    Ok(())
}
