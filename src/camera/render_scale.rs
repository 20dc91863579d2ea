//! The 3D scene drawn below the window's resolution (the tier's render scale): the scene camera
//! then renders into a smaller image that the interface shows full-window under everything else
//! (`ui::scene`), and picking casts its rays through that image, so a click still lands on
//! what is under the pointer. At full scale the scene camera draws straight to the window.

use bevy::{
    camera::{ImageRenderTarget, RenderTarget},
    picking::{
        PickingSystems,
        backend::ray::{RayId, RayMap},
        pointer::{PointerId, PointerLocation},
    },
    prelude::*,
    render::render_resource::TextureFormat,
    window::{PrimaryWindow, WindowRef},
};

use super::MainCamera;
use crate::quality::QualityTier;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        fit_scene_target
            .before(bevy::camera::CameraUpdateSystems)
            .run_if(resource_exists::<Assets<Image>>),
    )
    .add_systems(
        PreUpdate,
        rays_through_scene_image
            .after(RayMap::repopulate)
            .in_set(PickingSystems::ProcessInput)
            .run_if(resource_exists::<SceneImage>),
    );
}

/// The image the scene camera draws into while the scene is drawn below the window's
/// resolution; absent at full scale.
#[derive(Resource, Debug, Clone)]
pub struct SceneImage {
    pub handle: Handle<Image>,
    /// Its size in pixels.
    pub size: UVec2,
}

/// The scene image's size for a window of `window` physical pixels at `scale`, or `None` when
/// the scene is drawn straight to the window.
pub fn scene_image_size(window: UVec2, scale: f32) -> Option<UVec2> {
    if scale >= 1.0 || window.x == 0 || window.y == 0 {
        return None;
    }
    let scaled = (window.as_vec2() * scale.max(0.1)).round().as_uvec2();
    Some(scaled.max(UVec2::ONE))
}

/// The scale factor that gives the scene image the window's logical size, so window
/// coordinates (the pointer, egui) are scene-camera viewport coordinates as they are.
pub fn image_scale_factor(window_physical: UVec2, window_scale_factor: f32, image: UVec2) -> f32 {
    window_scale_factor * image.x as f32 / window_physical.x.max(1) as f32
}

/// Points the scene camera at the window or at an image of the tier's scale, whenever the tier
/// or the window's size changes, or a new camera takes the old one's place.
fn fit_scene_target(
    mut commands: Commands,
    tier: Option<Res<QualityTier>>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&mut RenderTarget, &mut Projection), With<MainCamera>>,
    new_camera: Query<(), Added<MainCamera>>,
    scene: Option<Res<SceneImage>>,
    mut images: ResMut<Assets<Image>>,
) {
    let scale = tier.map_or(1.0, |tier| tier.quality.render_scale());
    let physical = window.physical_size();
    let wanted = scene_image_size(physical, scale);
    let same_size = wanted == scene.as_ref().map(|scene| scene.size);
    if same_size && new_camera.is_empty() {
        return;
    }
    let (mut target, mut projection) = camera.into_inner();
    // Bevy works out a camera's target size again only when its window, image or projection
    // changes, not when it is pointed elsewhere: without this its depth buffer kept the old
    // size, and a change of tier in the overlay stopped the app.
    projection.set_changed();
    let image_target = |handle: Handle<Image>, size: UVec2| {
        RenderTarget::Image(ImageRenderTarget {
            handle,
            scale_factor: image_scale_factor(physical, window.scale_factor(), size),
        })
    };
    match (wanted, scene) {
        // A new camera in the old one's place draws where it drew.
        (Some(size), Some(scene)) if same_size => {
            *target = image_target(scene.handle.clone(), size)
        }
        (Some(size), _) => {
            let mut image =
                Image::new_target_texture(size.x, size.y, TextureFormat::Bgra8UnormSrgb, None);
            // Only the GPU draws into it: no zeroed copy in main memory.
            image.data = None;
            let handle = images.add(image);
            *target = image_target(handle.clone(), size);
            info!(
                "3D scene drawn at {}×{} for a {}×{} window (render scale {scale})",
                size.x, size.y, physical.x, physical.y
            );
            commands.insert_resource(SceneImage { handle, size });
        }
        (None, _) => {
            *target = RenderTarget::Window(WindowRef::Primary);
            commands.remove_resource::<SceneImage>();
        }
    }
}

/// Bevy's ray map pairs a pointer only with cameras drawing to the pointer's window; the scene
/// camera drawing into its image gets its rays here, from the same window coordinates.
fn rays_through_scene_image(
    mut ray_map: ResMut<RayMap>,
    camera: Single<(Entity, &Camera, &GlobalTransform), With<MainCamera>>,
    pointers: Query<(&PointerId, &PointerLocation)>,
) {
    let (entity, camera, transform) = *camera;
    for (&pointer, location) in &pointers {
        let Some(location) = location.location() else {
            continue;
        };
        if !matches!(
            location.target,
            bevy::camera::NormalizedRenderTarget::Window(_)
        ) || !camera
            .logical_viewport_rect()
            .is_some_and(|rect| rect.contains(location.position))
        {
            continue;
        }
        if let Ok(ray) = camera.viewport_to_world(transform, location.position) {
            ray_map.map.insert(RayId::new(entity, pointer), ray);
        }
    }
}
