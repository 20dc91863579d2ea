//! Cameras: walking at eye height and the overview orbit ([`rig`]), animated flights between
//! them and to chosen places ([`viewpoints`]), and walls the walker cannot pass ([`collision`]).

pub mod collision;
pub mod controls;
pub mod render_scale;
pub mod rig;
pub mod viewpoints;

use bevy::{
    anti_alias::smaa::Smaa,
    camera::Hdr,
    core_pipeline::tonemapping::Tonemapping,
    ecs::system::EntityCommands,
    pbr::ScreenSpaceAmbientOcclusion,
    post_process::bloom::{Bloom, BloomPrefilter},
    prelude::*,
    render::view::NoIndirectDrawing,
};

use crate::{
    AppSystems,
    content::{
        exhibition::ExhibitRef,
        live::{ContentReloaded, LiveReload},
        loading::CurrentExhibition,
        model::{AreaRef, Viewpoint},
    },
    quality::{Quality, QualityTier, TierDecision},
    screens::LoadingStep,
};
use collision::Obstacles;
use rig::{CameraMode, CameraRig};

pub fn plugin(app: &mut App) {
    // (Registering a message twice is harmless; headless tests add this layer without content's.)
    app.add_message::<FlyTo>()
        .add_message::<ContentReloaded>()
        .add_systems(
            PreStartup,
            spawn_cameras
                .after(TierDecision)
                .before(bevy_egui::EguiStartupSet::InitContexts),
        )
        .add_systems(OnEnter(LoadingStep::Warmup), place_camera)
        .add_systems(
            PreUpdate,
            refresh_obstacles
                .in_set(LiveReload::Follow)
                .run_if(on_message::<ContentReloaded>),
        )
        .add_systems(
            Update,
            (fly_to_requests, tick_and_apply)
                .chain()
                .in_set(AppSystems::Camera)
                .run_if(resource_exists::<CameraRig>),
        )
        .add_systems(
            Update,
            (
                apply_quality.run_if(resource_exists_and_changed::<QualityTier>),
                light_from_environment.run_if(
                    resource_exists::<QualityTier>.and_then(resource_exists::<CurrentExhibition>),
                ),
            )
                .chain(),
        )
        .add_plugins((controls::plugin, render_scale::plugin));
}

/// The one 3D camera.
#[derive(Component, Debug)]
pub struct MainCamera;

/// A camera that draws the hall (the hall's own, a panel's look-around): lit alike.
#[derive(Component, Debug)]
pub struct HallView;

/// The camera egui draws with, above the scene's: it clears to transparent and adds nothing
/// but the interface (and, when the scene is scaled, the scene's image under it). On the high
/// tier it is an HDR camera like the scene's, so both draw into one picture: an 8-bit interface
/// camera over an HDR scene camera left the window black.
#[derive(Component, Debug)]
pub struct InterfaceCamera;

/// A request to move the camera somewhere, animated.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum FlyTo {
    /// The walker at the hall's entrance.
    Entrance,
    /// The overview of the whole hall.
    WholeHall,
    /// A booth (`ru`, `cn/logistics`), in the current mode (the tour's stops).
    Area(AreaRef),
    /// Walking up to a booth, from any mode (go-to, directory, plan, deep links).
    Visit(AreaRef),
    /// In front of an exhibit (switches to walking).
    Exhibit(ExhibitRef),
    /// Standing at a viewpoint given in the content (tour stops).
    Viewpoint(Viewpoint),
    /// Switch between walking and the overview.
    ToggleMode,
}

fn spawn_cameras(
    mut commands: Commands,
    egui_settings: Option<ResMut<bevy_egui::EguiGlobalSettings>>,
    tier: Option<Res<QualityTier>>,
) {
    if let Some(mut settings) = egui_settings {
        settings.auto_create_primary_context = false;
    }
    let quality = tier.map_or(Quality::Medium, |tier| tier.quality);
    let mut interface = commands.spawn((
        Name::new("Interface camera"),
        InterfaceCamera,
        Camera2d,
        Camera {
            order: 1,
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
        Msaa::Off,
        Tonemapping::None,
        bevy_egui::PrimaryEguiContext,
    ));
    interface_over(&mut interface, quality);
    spawn_main_camera(
        &mut commands,
        quality,
        Transform::from_xyz(0.0, 60.0, 80.0).looking_at(Vec3::ZERO, Vec3::Y),
    );
}

/// The interface camera over a scene drawn in `quality`: HDR when the scene is (on high), so
/// both draw into one picture.
fn interface_over(interface: &mut EntityCommands, quality: Quality) {
    if quality == Quality::High {
        interface.insert(Hdr);
    } else {
        interface.remove::<Hdr>();
    }
}

/// The tier a camera that draws the hall was made for (see [`draw_for_tier`]).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrawnFor(pub Quality);

/// How a camera that draws the hall draws on a tier:
/// - low without multisampling (on llvmpipe 4× MSAA nearly doubles the frame,
///   docs/benchmarks.md), without the tonemapping pass and with direct draws (building indirect
///   draws in compute shaders took longer on software rendering than the drawing: the shipped
///   hall's overview 65 → 25 ms at 640 × 360);
/// - medium with 4× multisampling and tonemapping;
/// - high in HDR with ambient occlusion in screen space (darkened creases, exhibits grounded on
///   their plinths), a soft bloom round what glows (screens, roof lights) and SMAA for its
///   edges: Bevy's SSAO needs multisampling off, and temporal anti-aliasing would smear the
///   blended glass cases and needs a history the look-around's camera (drawing only while
///   dragged) lacks.
///
/// For a camera being made: its drawing mode cannot change once it has drawn.
pub fn draw_for_tier(camera: &mut EntityCommands, quality: Quality) {
    camera.insert(DrawnFor(quality));
    match quality {
        Quality::Low => {
            camera.insert((Msaa::Off, Tonemapping::None, NoIndirectDrawing));
        }
        Quality::Medium => {
            camera.insert((Msaa::Sample4, Tonemapping::default()));
        }
        Quality::High => {
            camera.insert((
                Msaa::Off,
                Hdr,
                Tonemapping::default(),
                ScreenSpaceAmbientOcclusion::default(),
                Smaa::default(),
                Bloom {
                    intensity: 0.12,
                    prefilter: BloomPrefilter {
                        threshold: 0.9,
                        threshold_softness: 0.3,
                    },
                    ..Bloom::NATURAL
                },
            ));
        }
    }
}

/// The hall's camera for a tier, at `transform`.
fn spawn_main_camera<'a>(
    commands: &'a mut Commands,
    quality: Quality,
    transform: Transform,
) -> EntityCommands<'a> {
    let mut camera = commands.spawn((
        Name::new("Camera"),
        MainCamera,
        HallView,
        Camera3d::default(),
        Projection::from(PerspectiveProjection {
            fov: 65f32.to_radians(),
            near: 0.05,
            far: 600.0,
            ..default()
        }),
        DistanceFog {
            color: Color::srgb(0.80, 0.82, 0.85),
            falloff: FogFalloff::Linear {
                start: 90.0,
                end: 420.0,
            },
            ..default()
        },
        transform,
    ));
    draw_for_tier(&mut camera, quality);
    camera
}

/// A tier chosen after the camera was made (a staff change in the overlay): Bevy cannot switch
/// a camera between direct and indirect drawing once it has drawn, and the high tier's passes
/// bring prepasses and an HDR picture with them, so a camera for the new tier takes the old
/// one's place, where it stood (`render_scale` points it at the window or at an image of the
/// new tier's scale), and the interface camera follows the picture's HDR.
fn apply_quality(
    mut commands: Commands,
    tier: Res<QualityTier>,
    camera: Single<(Entity, &DrawnFor, &Transform), With<MainCamera>>,
    interface: Query<Entity, With<InterfaceCamera>>,
) {
    let (entity, drawn_for, transform) = *camera;
    if drawn_for.0 == tier.quality {
        return;
    }
    for interface in &interface {
        interface_over(&mut commands.entity(interface), tier.quality);
    }
    commands.entity(entity).despawn();
    spawn_main_camera(&mut commands, tier.quality, *transform);
}

/// The content's environment light on the cameras that draw the hall, from the medium tier up
/// (the low tier bakes its light): again when the tier, the content or a camera changes.
fn light_from_environment(
    mut commands: Commands,
    tier: Res<QualityTier>,
    exhibition: Res<CurrentExhibition>,
    assets: Option<Res<AssetServer>>,
    cameras: Query<(Entity, Has<EnvironmentMapLight>), With<HallView>>,
    new_camera: Query<(), Added<HallView>>,
) {
    if !(tier.is_changed() || exhibition.is_changed() || !new_camera.is_empty()) {
        return;
    }
    let light = match (&exhibition.hall.shell.environment, assets) {
        (Some(environment), Some(assets)) if tier.quality >= Quality::Medium => {
            Some(EnvironmentMapLight {
                diffuse_map: assets.load(environment.diffuse.clone()),
                specular_map: assets.load(environment.specular.clone()),
                intensity: environment.intensity,
                ..default()
            })
        }
        _ => None,
    };
    for (entity, lit) in &cameras {
        match &light {
            Some(light) => {
                commands.entity(entity).insert(light.clone());
            }
            None if lit => {
                commands.entity(entity).remove::<EnvironmentMapLight>();
            }
            None => {}
        }
    }
}

fn place_camera(mut commands: Commands, exhibition: Res<CurrentExhibition>) {
    commands.insert_resource(CameraRig::new(
        viewpoints::entrance(&exhibition),
        viewpoints::whole_hall(&exhibition),
    ));
    commands.insert_resource(Obstacles::from_exhibition(&exhibition));
}

/// Edited content moves walls: the walker stays where it is, against the new ones.
fn refresh_obstacles(mut commands: Commands, exhibition: Res<CurrentExhibition>) {
    commands.insert_resource(Obstacles::from_exhibition(&exhibition));
}

/// Resolves [`FlyTo`] requests into rig flights.
pub fn fly_to_requests(
    mut requests: MessageReader<FlyTo>,
    exhibition: Res<CurrentExhibition>,
    mut rig: ResMut<CameraRig>,
) {
    for request in requests.read() {
        apply_request(&mut rig, &exhibition, request, false);
    }
}

/// Moves the rig for one request; `instant` skips the animation (screenshots, resets).
pub fn apply_request(
    rig: &mut CameraRig,
    exhibition: &crate::content::exhibition::Exhibition,
    request: &FlyTo,
    instant: bool,
) {
    let (mode, walk, orbit) = match request {
        FlyTo::ToggleMode => {
            rig.toggle();
            return;
        }
        FlyTo::Entrance => (
            CameraMode::Walk,
            Some(viewpoints::entrance(exhibition)),
            None,
        ),
        FlyTo::WholeHall => (
            CameraMode::Overview,
            None,
            Some(viewpoints::whole_hall(exhibition)),
        ),
        FlyTo::Area(area) => {
            let Some(footprint) = exhibition.footprint(area) else {
                return;
            };
            match rig.target_mode() {
                CameraMode::Walk => (
                    CameraMode::Walk,
                    Some(viewpoints::booth(exhibition, footprint)),
                    None,
                ),
                CameraMode::Overview => (
                    CameraMode::Overview,
                    None,
                    Some(viewpoints::booth_orbit(footprint)),
                ),
            }
        }
        FlyTo::Visit(area) => {
            let Some(footprint) = exhibition.footprint(area) else {
                return;
            };
            (
                CameraMode::Walk,
                Some(viewpoints::booth(exhibition, footprint)),
                None,
            )
        }
        FlyTo::Exhibit(at) => (CameraMode::Walk, viewpoints::exhibit(exhibition, *at), None),
        FlyTo::Viewpoint(view) => (
            CameraMode::Walk,
            Some(rig::Pose::standing(
                view.x,
                view.z,
                rig::EYE_HEIGHT,
                view.bearing,
            )),
            None,
        ),
    };
    if instant {
        rig.jump(mode, walk, orbit);
    } else {
        rig.fly_to(mode, walk, orbit);
    }
}

fn tick_and_apply(
    time: Res<Time>,
    mut rig: ResMut<CameraRig>,
    mut camera: Single<&mut Transform, With<MainCamera>>,
) {
    rig.tick(time.delta_secs());
    **camera = rig.pose().transform();
}
