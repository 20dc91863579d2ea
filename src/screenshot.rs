//! `expo-hall screenshot`: opens the hall, goes to the requested view (with its panel open for
//! an exhibit), waits until the scene is really ready — every texture it shows loaded, every
//! render pipeline compiled, then complete frames drawn — saves the window to a PNG and exits; a
//! PNG that cannot be written is an error exit with the reason.
//!
//! Counting frames is not enough: on a software renderer the shaders of the hall compile in the
//! background for seconds, and meshes whose pipeline is not ready are simply not drawn.

use std::{
    path::Path,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
};

use bevy::{
    prelude::*,
    render::{
        Render, RenderApp, RenderSystems,
        render_resource::{CachedPipelineState, PipelineCache},
        view::screenshot::{Screenshot, ScreenshotCaptured},
    },
};

use crate::{
    camera::{apply_request, rig::CameraRig},
    content::loading::CurrentExhibition,
    hall::baked_light::BakedFrom,
    interaction::Selection,
    launch::{LaunchOptions, View},
    screens::Screen,
    wayfinding::links::resolve_view,
};

pub(super) fn plugin(app: &mut App) {
    let pipelines = PipelinesPending::default();
    app.insert_resource(pipelines.clone())
        .add_systems(OnEnter(Screen::Hall), go_to_view.run_if(wants_screenshot))
        .add_systems(
            Update,
            capture_when_ready.run_if(in_state(Screen::Hall).and_then(wants_screenshot)),
        );
    // Counting pipelines is screenshot work: the hall itself does not pay for it every frame.
    let screenshot_run = app
        .world()
        .get_resource::<LaunchOptions>()
        .is_some_and(|launch| launch.screenshot.is_some());
    if let Some(render_app) = app.get_sub_app_mut(RenderApp).filter(|_| screenshot_run) {
        render_app.insert_resource(pipelines).add_systems(
            Render,
            count_pending_pipelines.in_set(RenderSystems::Cleanup),
        );
    }
}

/// Render pipelines not compiled yet, as the render world last counted them (`u64::MAX` before
/// its first count). Shared by the two worlds.
#[derive(Resource, Debug, Clone)]
struct PipelinesPending(Arc<AtomicU64>);

impl Default for PipelinesPending {
    fn default() -> Self {
        PipelinesPending(Arc::new(AtomicU64::new(u64::MAX)))
    }
}

impl PipelinesPending {
    fn get(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }
}

fn count_pending_pipelines(cache: Res<PipelineCache>, pending: Res<PipelinesPending>) {
    let compiling = cache
        .pipelines()
        .filter(|p| {
            matches!(
                p.state,
                CachedPipelineState::Queued | CachedPipelineState::Creating(_)
            )
        })
        .count()
        + cache.waiting_pipelines().count();
    pending.0.store(compiling as u64, Ordering::Release);
}

/// Frames at the view before the scene can count as ready: the camera's first frames there
/// extract the meshes it now sees and queue their pipelines.
const MIN_FRAMES: u32 = 3;
/// Frames in a row with nothing loading or compiling before the capture.
const READY_FRAMES: u32 = 3;
/// Seconds at the view before the capture: the interface's panels fade in (egui animates a new
/// area for a fraction of a second), and a fast renderer gets its three steady frames sooner.
const MIN_SECONDS: f64 = 0.6;
/// Frames after which the capture is taken anyway, with a warning (a renderer that never settles).
const GIVE_UP_FRAMES: u32 = 2000;

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

/// Whether the scene at the view is ready to be captured: it has been there a few frames and
/// for a moment, and for the last few frames (`steady`) nothing was loading or compiling.
fn ready(frames_at_view: u32, seconds_at_view: f64, steady: u32) -> bool {
    frames_at_view >= MIN_FRAMES && seconds_at_view >= MIN_SECONDS && steady >= READY_FRAMES
}

fn capture_when_ready(
    mut commands: Commands,
    launch: Res<LaunchOptions>,
    assets: Res<AssetServer>,
    materials_in_scene: Query<&MeshMaterial3d<StandardMaterial>>,
    baked_in_scene: Query<&BakedFrom>,
    materials: Res<Assets<StandardMaterial>>,
    pipelines: Res<PipelinesPending>,
    real: Res<Time<Real>>,
    mut frames: Local<u32>,
    mut at_view_since: Local<Option<f64>>,
    mut steady: Local<u32>,
    mut first_complete: Local<Option<f64>>,
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
    let since = *at_view_since.get_or_insert(real.elapsed_secs_f64());
    // On the low tier the scene's meshes carry copies of their standard materials.
    let textures_loading = materials_in_scene
        .iter()
        .map(|m| &m.0)
        .chain(baked_in_scene.iter().map(|b| &b.0))
        .filter_map(|m| materials.get(m))
        .flat_map(|m| [&m.base_color_texture, &m.emissive_texture])
        .flatten()
        .any(|texture| assets.load_state(texture).is_loading());
    let compiling = pipelines.get();
    if textures_loading || compiling > 0 {
        *steady = 0;
        *first_complete = None;
        frame_times.clear();
    } else {
        *steady += 1;
        first_complete.get_or_insert_with(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64())
        });
        // Frames of the finished scene, without shader compilation: the figure benchmarks read.
        if *steady > 1 {
            frame_times.push(real.delta_secs() * 1000.0);
        }
    }
    let settled = ready(*frames, real.elapsed_secs_f64() - since, *steady);
    let timed = frame_times.len() as u32 >= request.frames;
    if !(settled && timed) && *frames < GIVE_UP_FRAMES {
        return;
    }
    if settled {
        info!("scene ready after {} frames at the view", *frames);
        // For scripts, which know when they started the program: when the first complete frame
        // of the view was drawn (Unix time, seconds).
        println!(
            "first-complete-frame-unix {:.3}",
            first_complete.unwrap_or_default()
        );
    } else {
        warn!(
            "capturing after {} frames although the scene is not settled ({compiling} pipelines compiling, textures loading: {textures_loading})",
            *frames
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capture_waits_for_frames_at_the_view_and_a_steady_scene() {
        assert!(!ready(1, 1.0, 1), "the first frame at the view");
        assert!(
            !ready(MIN_FRAMES + 10, 1.0, READY_FRAMES - 1),
            "just settled"
        );
        assert!(
            !ready(MIN_FRAMES, MIN_SECONDS / 2.0, READY_FRAMES),
            "the interface still fading in"
        );
        assert!(ready(MIN_FRAMES, MIN_SECONDS, READY_FRAMES));
        assert_eq!(
            PipelinesPending::default().get(),
            u64::MAX,
            "unknown until counted"
        );
    }
}
