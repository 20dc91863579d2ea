//! The camera in a headless app with a manual clock: mode switching and flights, walking with
//! collisions, input blocked while the UI has focus, and viewpoints computed from the layout.

use std::time::Duration;

use bevy::{
    input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll},
    prelude::*,
    state::app::StatesPlugin,
    time::TimeUpdateStrategy,
};
use expo_hall::{
    AppSystems,
    camera::{
        self, FlyTo, MainCamera,
        collision::{Obstacles, WALKER_RADIUS},
        rig::{CameraMode, CameraRig, FLIGHT_SECONDS},
        viewpoints,
    },
    content::{layout::Footprint, loading::CurrentExhibition, model::AreaRef},
    screens::{self, LoadingStep},
    third_party::UiFocus,
};

use crate::support::shipped;

/// The camera plugin with a manual 50 ms clock, the shipped hall, placed at the entrance.
fn app() -> App {
    placed(with_inputs(App::new()))
}

/// Input resources set directly by the tests, no input plugin to overwrite them.
fn with_inputs(mut app: App) -> App {
    app.init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .init_resource::<AccumulatedMouseMotion>()
        .init_resource::<AccumulatedMouseScroll>()
        .init_resource::<Touches>();
    app
}

/// Adds the camera plugin, the shipped hall and a manual 50 ms clock, then places the camera.
fn placed(mut app: App) -> App {
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            50,
        )))
        .init_resource::<UiFocus>()
        .insert_resource(CurrentExhibition(shipped()))
        .configure_sets(
            Update,
            (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
        )
        .add_plugins((screens::plugin, camera::plugin));
    app.update();
    app.world_mut()
        .resource_mut::<NextState<LoadingStep>>()
        .set(LoadingStep::Warmup);
    app.update();
    app
}

fn rig(app: &App) -> CameraRig {
    app.world().resource::<CameraRig>().clone()
}

fn camera_transform(app: &mut App) -> Transform {
    *app.world_mut()
        .query_filtered::<&Transform, With<MainCamera>>()
        .single(app.world())
        .unwrap()
}

fn run_for(app: &mut App, seconds: f32) {
    for _ in 0..(seconds / 0.05).ceil() as usize {
        app.update();
    }
}

#[test]
fn the_visitor_starts_at_the_entrance_walking() {
    let mut app = app();
    let exhibition = shipped();
    let start = exhibition.hall.shell.start;
    let rig = rig(&app);
    assert_eq!(rig.mode, CameraMode::Walk);
    assert!((rig.walk.eye.x - start.x).abs() < 1e-4 && (rig.walk.eye.z - start.z).abs() < 1e-4);
    app.update();
    assert!(
        camera_transform(&mut app)
            .translation
            .abs_diff_eq(rig.walk.eye, 1e-3)
    );
}

#[test]
fn switching_modes_is_an_animated_flight_that_lands_in_the_overview() {
    let mut app = app();
    app.world_mut().write_message(FlyTo::ToggleMode);
    app.update();
    app.update();
    assert!(rig(&app).is_flying());
    let mid = camera_transform(&mut app).translation;
    run_for(&mut app, FLIGHT_SECONDS + 0.2);
    let rig = rig(&app);
    assert_eq!(rig.mode, CameraMode::Overview);
    let end = camera_transform(&mut app).translation;
    assert!(
        end.y > mid.y && end.y > 20.0,
        "the overview is high above the floor: {end}"
    );
    assert!(end.abs_diff_eq(rig.orbit.pose().eye, 1e-3));
    // And back again.
    app.world_mut().write_message(FlyTo::ToggleMode);
    run_for(&mut app, FLIGHT_SECONDS + 0.2);
    assert_eq!(self::rig(&app).mode, CameraMode::Walk);
}

#[test]
fn choosing_a_pavilion_flies_to_its_viewpoint() {
    let mut app = app();
    let exhibition = shipped();
    app.world_mut()
        .write_message(FlyTo::Area(AreaRef::zone("np")));
    run_for(&mut app, FLIGHT_SECONDS + 0.2);
    let expected = viewpoints::booth(
        &exhibition,
        exhibition.footprint(&AreaRef::zone("np")).unwrap(),
    );
    assert!(
        camera_transform(&mut app)
            .translation
            .abs_diff_eq(expected.eye, 1e-3)
    );
}

#[test]
fn walking_moves_forward_at_a_walking_pace() {
    let mut app = app();
    let before = rig(&app).walk.eye;
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::KeyW);
    run_for(&mut app, 1.0);
    let after = rig(&app).walk.eye;
    let moved = before.distance(after);
    assert!((1.5..3.5).contains(&moved), "moved {moved} m in a second");
    assert!(after.z < before.z, "north, into the hall");
    assert_eq!(after.y, before.y, "eye height stays");
}

#[test]
fn keys_typed_into_the_ui_do_not_move_the_camera() {
    let mut app = app();
    let before = rig(&app).walk;
    app.world_mut().resource_mut::<UiFocus>().keyboard = true;
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::KeyW);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::Tab);
    run_for(&mut app, 0.5);
    assert_eq!(rig(&app).walk, before);
    assert!(!rig(&app).is_flying());
}

#[test]
fn drags_on_the_ui_do_not_turn_the_camera() {
    let mut app = app();
    let before = rig(&app).walk.yaw;
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.world_mut().resource_mut::<UiFocus>().pointer = true;
    app.world_mut()
        .resource_mut::<AccumulatedMouseMotion>()
        .delta = Vec2::new(200.0, 0.0);
    app.update();
    assert_eq!(rig(&app).walk.yaw, before);
    app.world_mut().resource_mut::<UiFocus>().pointer = false;
    app.world_mut()
        .resource_mut::<AccumulatedMouseMotion>()
        .delta = Vec2::new(200.0, 0.0);
    app.update();
    assert_ne!(
        rig(&app).walk.yaw,
        before,
        "the same drag on the hall turns the view"
    );
}

fn inside(footprint: &Footprint, p: Vec2) -> bool {
    footprint.rect().contains(p)
}

#[test]
fn the_walker_cannot_pass_through_a_booth_wall() {
    let exhibition = shipped();
    let obstacles = Obstacles::from_exhibition(&exhibition);
    // Russia's booth has walls on three sides: start inside, walk out through the back.
    let ru = exhibition.footprint(&AreaRef::zone("ru")).unwrap();
    let start = ru.to_hall(Vec2::new(-4.0, 2.5));
    let through_back = ru.to_hall(Vec2::new(-4.0, -8.0)) - start;
    let end = obstacles.walk(start, through_back, WALKER_RADIUS);
    assert!(inside(ru, end), "ended outside the booth at {end}");
    // Walking out of the open front is fine.
    let out_front = ru.to_hall(Vec2::new(-4.0, 7.0)) - start;
    assert!(!inside(ru, obstacles.walk(start, out_front, WALKER_RADIUS)));
}

#[test]
fn every_shipped_booth_has_an_info_counter_and_it_is_solid() {
    let exhibition = shipped();
    let obstacles = Obstacles::from_exhibition(&exhibition);
    let without: Vec<String> = exhibition
        .footprints
        .iter()
        .filter(|f| exhibition.counter(&f.area).is_none())
        .map(|f| f.area.to_string())
        .collect();
    assert!(without.is_empty(), "no room for a counter in {without:?}");
    for footprint in &exhibition.footprints {
        let counter = exhibition.counter(&footprint.area).unwrap();
        // Walk from the aisle in front of the counter straight back through it.
        let start = footprint.to_hall(Vec2::new(counter.x, footprint.depth / 2.0 + 1.0));
        let through = footprint.to_hall(Vec2::new(counter.x, counter.y - 2.0)) - start;
        let end = footprint.to_local(obstacles.walk(start, through, WALKER_RADIUS));
        assert!(
            end.y > counter.y,
            "{}: walked through the counter to {end}",
            footprint.area
        );
    }
}

#[test]
fn viewpoints_stand_in_the_aisle_and_look_at_their_booth() {
    // The shipped hall's booths, and those of the sample fairs (narrower aisles between rows).
    let fairs = ["baltic-maker-days", "steppe-tech"].map(|fair| {
        let source = expo_hall::content::source::ContentSource::Dir(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fairs")
                .join(fair),
        );
        let hall = source.default_hall().unwrap();
        expo_hall::content::exhibition::read_exhibition(&source, &hall)
            .exhibition
            .unwrap()
    });
    for exhibition in fairs.iter().chain([&shipped()]) {
        let obstacles = Obstacles::from_exhibition(exhibition);
        for footprint in &exhibition.footprints {
            let pose = viewpoints::booth(exhibition, footprint);
            let eye = Vec2::new(pose.eye.x, pose.eye.z);
            assert!(
                exhibition
                    .footprints
                    .iter()
                    .all(|f| !f.rect().contains(eye)),
                "{} viewpoint stands in a booth",
                footprint.area
            );
            assert_eq!(
                obstacles.resolve(eye, WALKER_RADIUS),
                eye,
                "{} viewpoint is inside a wall",
                footprint.area
            );
            let (forward, _) = pose.flat_axes();
            assert!(
                forward.dot((footprint.centre - eye).normalize()) > 0.95,
                "{} viewpoint looks away",
                footprint.area
            );
        }
    }
    let exhibition = shipped();
    for at in exhibition.exhibit_refs() {
        let pose = viewpoints::exhibit(&exhibition, at).unwrap();
        let (forward, _) = pose.flat_axes();
        let exhibit = exhibition.exhibit(at);
        let footprint = exhibition.footprint(&exhibition.area_of(at)).unwrap();
        let target = footprint.to_hall(Vec2::new(exhibit.place.x, exhibit.place.z));
        let eye = Vec2::new(pose.eye.x, pose.eye.z);
        assert!(
            forward.dot((target - eye).normalize_or_zero()) > 0.9,
            "{} viewpoint looks away",
            exhibit.id
        );
    }
}

/// The camera with Bevy's own input plugin, so emulated touch events go through `Touches`.
fn touch_app() -> App {
    let mut app = App::new();
    app.add_plugins(bevy::input::InputPlugin);
    placed(app)
}

fn finger(app: &mut App, id: u64, phase: bevy::input::touch::TouchPhase, x: f32, y: f32) {
    app.world_mut()
        .write_message(bevy::input::touch::TouchInput {
            phase,
            position: Vec2::new(x, y),
            window: Entity::PLACEHOLDER,
            force: None,
            id,
        });
}

#[test]
fn a_one_finger_drag_looks_around_and_a_pinch_zooms_the_overview() {
    use bevy::input::touch::TouchPhase;
    let mut app = touch_app();
    let yaw = rig(&app).walk.yaw;
    finger(&mut app, 1, TouchPhase::Started, 400.0, 300.0);
    app.update();
    finger(&mut app, 1, TouchPhase::Moved, 300.0, 300.0);
    app.update();
    assert!(rig(&app).walk.yaw > yaw, "dragging left turns left");
    finger(&mut app, 1, TouchPhase::Ended, 300.0, 300.0);
    app.update();

    app.world_mut().write_message(FlyTo::ToggleMode);
    run_for(&mut app, FLIGHT_SECONDS + 0.2);
    let distance = rig(&app).orbit.distance;
    finger(&mut app, 1, TouchPhase::Started, 300.0, 300.0);
    finger(&mut app, 2, TouchPhase::Started, 500.0, 300.0);
    app.update();
    finger(&mut app, 1, TouchPhase::Moved, 200.0, 300.0);
    finger(&mut app, 2, TouchPhase::Moved, 600.0, 300.0);
    app.update();
    assert!(
        rig(&app).orbit.distance < distance * 0.8,
        "spreading two fingers zooms in"
    );
}

/// The low tier draws the scene into a half-size image; a pointer anywhere in the window must
/// still get the ray through the same point of the hall as at full scale, or clicks would land
/// on the wrong exhibit (or, right and below the image's size, on nothing).
#[test]
fn picking_rays_are_the_same_when_the_scene_is_drawn_at_half_scale() {
    use bevy::{
        anti_alias::smaa::Smaa,
        camera::{NormalizedRenderTarget, RenderTarget},
        pbr::ScreenSpaceAmbientOcclusion,
        picking::{
            PickingPlugin,
            backend::ray::{RayId, RayMap},
            pointer::{Location, PointerId, PointerLocation},
        },
        post_process::bloom::Bloom,
        render::{camera::camera_system, view::NoIndirectDrawing},
        window::{PrimaryWindow, WindowResolution},
    };
    use expo_hall::{
        camera::render_scale::SceneImage,
        quality::{Quality, QualityTier, TierReason},
    };

    let mut app = with_inputs(App::new());
    app.add_plugins((
        bevy::asset::AssetPlugin::default(),
        bevy::window::WindowPlugin {
            primary_window: Some(Window {
                resolution: WindowResolution::new(800, 600),
                ..default()
            }),
            ..default()
        },
        PickingPlugin,
    ))
    .init_asset::<Image>()
    .init_resource::<bevy::render::texture::ManualTextureViews>()
    .add_systems(
        PostUpdate,
        camera_system.in_set(bevy::camera::CameraUpdateSystems),
    );
    let mut app = placed(app);
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
        .unwrap();
    let pointer = PointerId::Custom(bevy::asset::uuid::Uuid::from_u128(7));
    // Near the bottom-right corner: outside a half-size image's own pixel range.
    let at = Vec2::new(700.0, 520.0);
    app.world_mut().spawn((
        pointer,
        PointerLocation::new(Location {
            target: NormalizedRenderTarget::Window(
                bevy::window::WindowRef::Entity(window)
                    .normalize(None)
                    .unwrap(),
            ),
            position: at,
        }),
    ));
    let set_tier = |app: &mut App, quality: Quality| {
        app.world_mut().insert_resource(QualityTier {
            quality,
            reason: TierReason::Asked("test".into()),
            adapter: "none".into(),
        });
        // One frame applies the tier to the camera, the next casts rays with it.
        app.update();
        app.update();
    };
    let ray = |app: &mut App| {
        let camera = app
            .world_mut()
            .query_filtered::<Entity, With<MainCamera>>()
            .single(app.world())
            .unwrap();
        app.world()
            .resource::<RayMap>()
            .map
            .get(&RayId::new(camera, pointer))
            .copied()
    };

    set_tier(&mut app, Quality::Medium);
    assert!(app.world().get_resource::<SceneImage>().is_none());
    let full = ray(&mut app).expect("a ray at full scale");

    set_tier(&mut app, Quality::Low);
    let scene = app
        .world()
        .get_resource::<SceneImage>()
        .expect("the low tier draws into an image")
        .clone();
    assert_eq!(scene.size, UVec2::new(400, 300));
    let camera_target = app
        .world_mut()
        .query_filtered::<&RenderTarget, With<MainCamera>>()
        .single(app.world())
        .unwrap()
        .clone();
    assert!(matches!(camera_target, RenderTarget::Image(_)));
    // The camera knows its new target's size (its depth buffer is made from it) and draws
    // directly; one camera, not two.
    let camera_state = |app: &mut App| {
        let mut cameras = app
            .world_mut()
            .query_filtered::<(&Camera, &Msaa, Has<NoIndirectDrawing>), With<MainCamera>>();
        let all: Vec<_> = cameras
            .iter(app.world())
            .map(|(camera, msaa, direct)| (camera.physical_target_size(), *msaa, direct))
            .collect();
        assert_eq!(all.len(), 1, "one hall camera");
        all[0]
    };
    assert_eq!(
        camera_state(&mut app),
        (Some(UVec2::new(400, 300)), Msaa::Off, true)
    );
    // The content's environment light is for medium and high; the low tier bakes its light.
    let environment = |app: &mut App| {
        app.world_mut()
            .query_filtered::<&EnvironmentMapLight, With<MainCamera>>()
            .single(app.world())
            .ok()
            .map(|light| light.intensity)
    };
    assert_eq!(environment(&mut app), None);
    let half = ray(&mut app).expect("a ray through the scene image");
    assert!(
        half.origin.distance(full.origin) < 1e-3 && half.direction.dot(*full.direction) > 0.99999,
        "{half:?} vs {full:?}"
    );

    // Back to full scale: the camera draws to the window again and the image is let go.
    set_tier(&mut app, Quality::Medium);
    assert!(app.world().get_resource::<SceneImage>().is_none());
    let again = ray(&mut app).expect("a ray at full scale again");
    assert!(again.direction.dot(*full.direction) > 0.99999);
    assert_eq!(
        camera_state(&mut app),
        (Some(UVec2::new(800, 600)), Msaa::Sample4, false)
    );
    let shipped_environment = shipped()
        .hall
        .shell
        .environment
        .expect("the shipped hall has one");
    assert_eq!(environment(&mut app), Some(shipped_environment.intensity));

    // High: a new camera with ambient occlusion, bloom and SMAA, which need multisampling off;
    // back on medium none of them is left.
    let passes = |app: &mut App| {
        app.world_mut()
            .query_filtered::<(
                Has<ScreenSpaceAmbientOcclusion>,
                Has<Bloom>,
                Has<Smaa>,
                Has<bevy::camera::Hdr>,
            ), With<MainCamera>>()
            .single(app.world())
            .unwrap()
    };
    assert_eq!(passes(&mut app), (false, false, false, false));
    set_tier(&mut app, Quality::High);
    assert_eq!(passes(&mut app), (true, true, true, true));
    let interface_hdr = |app: &mut App| {
        app.world_mut()
            .query_filtered::<Has<bevy::camera::Hdr>, With<expo_hall::camera::InterfaceCamera>>()
            .single(app.world())
            .unwrap()
    };
    assert!(
        interface_hdr(&mut app),
        "the interface draws into the scene's HDR picture"
    );
    assert_eq!(
        camera_state(&mut app),
        (Some(UVec2::new(800, 600)), Msaa::Off, false)
    );
    assert_eq!(environment(&mut app), Some(shipped_environment.intensity));
    assert!(
        ray(&mut app)
            .expect("a ray on high")
            .direction
            .dot(*full.direction)
            > 0.99999
    );
    set_tier(&mut app, Quality::Medium);
    assert_eq!(passes(&mut app), (false, false, false, false));
    assert!(!interface_hdr(&mut app));
    assert_eq!(
        camera_state(&mut app),
        (Some(UVec2::new(800, 600)), Msaa::Sample4, false)
    );
}
