//! `expo-hall screenshot`: opens the hall, goes to the requested view (with its panel open for
//! an exhibit), lets a few frames settle so textures and shaders are ready, saves the window to
//! a PNG and exits; a PNG that cannot be written is an error exit with the reason.

use std::path::Path;

use bevy::{
    prelude::*,
    render::view::screenshot::{Screenshot, ScreenshotCaptured},
};

use crate::{
    camera::{apply_request, rig::CameraRig},
    content::loading::CurrentExhibition,
    interaction::Selection,
    launch::{LaunchOptions, View},
    screens::Screen,
    wayfinding::links::resolve_view,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Hall), go_to_view.run_if(wants_screenshot))
        .add_systems(
            Update,
            capture_when_settled.run_if(in_state(Screen::Hall).and_then(wants_screenshot)),
        );
}

/// Frames rendered at the view before capturing (texture uploads, pipelines, egui layout).
const SETTLE_FRAMES: u32 = 12;

fn wants_screenshot(launch: Res<LaunchOptions>) -> bool {
    launch.screenshot.is_some()
}

fn go_to_view(
    launch: Res<LaunchOptions>,
    exhibition: Res<CurrentExhibition>,
    mut rig: ResMut<CameraRig>,
    mut selection: ResMut<Selection>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(request) = &launch.screenshot else {
        return;
    };
    match resolve_view(&exhibition, &request.view) {
        Ok((fly, panel)) => {
            apply_request(&mut rig, &exhibition, &fly, true);
            // A pavilion view shows the booth itself; its panel stays closed.
            if matches!(request.view, View::Exhibit(_)) {
                selection.panel = panel;
            }
        }
        Err(error) => {
            error!("{error}");
            exit.write(AppExit::error());
        }
    }
}

fn capture_when_settled(
    mut commands: Commands,
    launch: Res<LaunchOptions>,
    assets: Res<AssetServer>,
    materials_in_scene: Query<&MeshMaterial3d<StandardMaterial>>,
    materials: Res<Assets<StandardMaterial>>,
    real: Res<Time<Real>>,
    mut frames: Local<u32>,
    mut frame_times: Local<Vec<f32>>,
    mut captured: Local<bool>,
) {
    let Some(request) = &launch.screenshot else {
        return;
    };
    if *captured {
        return;
    }
    *frames += 1;
    // The first frames at the view include shader compilation; the rest are steady frames.
    if *frames > 3 {
        frame_times.push(real.delta_secs() * 1000.0);
    }
    if *frames < request.frames.max(SETTLE_FRAMES) {
        return;
    }
    // Wait (for a while) for textures the scene uses, such as flags, to finish loading.
    let pending = materials_in_scene
        .iter()
        .filter_map(|m| materials.get(&m.0))
        .filter_map(|m| m.base_color_texture.as_ref())
        .any(|texture| assets.load_state(texture).is_loading());
    if pending && *frames < SETTLE_FRAMES * 20 {
        return;
    }
    *captured = true;
    if !frame_times.is_empty() {
        let mut sorted = frame_times.clone();
        sorted.sort_by(f32::total_cmp);
        let mean = sorted.iter().sum::<f32>() / sorted.len() as f32;
        // One line for scripts (benches/frames.sh) to read.
        println!(
            "frame-time-ms mean {mean:.1} median {:.1} frames {}",
            sorted[sorted.len() / 2],
            sorted.len()
        );
    }
    let out = request.out.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| match save_png(
            &captured.image,
            &out,
        ) {
            Ok(()) => {
                info!("saved {}", out.display());
                exit.write(AppExit::Success);
            }
            Err(error) => {
                error!("{error}");
                eprintln!("expo-hall: {error}");
                exit.write(AppExit::error());
            }
        },
    );
}

/// Writes the captured frame as a PNG (without the alpha channel, which holds no picture).
fn save_png(image: &Image, path: &Path) -> Result<(), String> {
    let picture = image
        .clone()
        .try_into_dynamic()
        .map_err(|e| format!("the captured frame cannot be converted: {e}"))?;
    picture
        .to_rgb8()
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write the screenshot {}: {e}", path.display()))
}

/// Refuses an output path whose folder does not exist, before any window opens.
pub fn check_output(path: &Path) -> Result<(), String> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if folder.is_dir() {
        Ok(())
    } else {
        Err(format!(
            "cannot write the screenshot {}: the folder {} does not exist",
            path.display(),
            folder.display()
        ))
    }
}
