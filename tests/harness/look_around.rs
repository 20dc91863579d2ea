//! The look-around in an exhibit's panel, headless: opening a panel makes the picture and a
//! camera drawing into it from the exhibit's front; a drag turns it, the camera rests when
//! nothing changes, and closing, opening another panel or editing the content starts over.

use bevy::{camera::RenderTarget, prelude::*, state::app::StatesPlugin};
use expo_hall::{
    content::{exhibition::ExhibitRef, loading::CurrentExhibition},
    interaction::{self, Panel, Selection},
    screens::{self, Screen},
    third_party::UiFocus,
    ui::look_around::{self, LookAround, LookAroundCamera, LookAroundInput, Orbit},
};

use crate::support::shipped;

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, AssetPlugin::default(), StatesPlugin))
        .init_asset::<Image>()
        .init_resource::<UiFocus>()
        .insert_resource(CurrentExhibition(shipped()))
        .add_plugins((screens::plugin, interaction::plugin, look_around::plugin));
    app.update();
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Hall);
    app.update();
    app
}

fn camera(app: &mut App) -> Option<(bool, Transform, RenderTarget)> {
    let world = app.world_mut();
    world
        .query_filtered::<(&Camera, &Transform, &RenderTarget), With<LookAroundCamera>>()
        .iter(world)
        .next()
        .map(|(camera, transform, target)| (camera.is_active, *transform, target.clone()))
}

fn orbit(app: &App) -> Option<(ExhibitRef, Orbit)> {
    app.world().resource::<LookAround>().showing
}

#[test]
fn opening_an_exhibit_panel_shows_it_turning_it_moves_the_camera_and_closing_rests_it() {
    let mut app = app();
    assert!(camera(&mut app).is_none(), "no camera before a panel opens");
    let exhibition = shipped();
    let at = exhibition.find_exhibit("pk.golden-animal-figures").unwrap();
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(at));
    app.update();
    let (active, placed, target) = camera(&mut app).expect("a look-around camera");
    assert!(active, "it draws after opening");
    let image = app.world().resource::<LookAround>().image.clone().unwrap();
    assert!(matches!(target, RenderTarget::Image(ref t) if t.handle == image));
    let (shown, front) = orbit(&app).unwrap();
    assert_eq!(shown, at);
    assert_eq!(front, Orbit::of_exhibit(&exhibition, at).unwrap());
    // It looks at the exhibit from the front, across the booth's open side.
    assert!((placed.translation - front.eye()).length() < 1e-4);
    let to_target = (front.target - placed.translation).normalize();
    assert!(placed.forward().dot(to_target) > 0.999);

    // After a while with nothing new it rests; a drag turns it and wakes it.
    for _ in 0..40 {
        app.update();
    }
    assert!(
        !camera(&mut app).unwrap().0,
        "it rests when nothing changes"
    );
    app.world_mut()
        .write_message(LookAroundInput::Turn(Vec2::new(150.0, 0.0)));
    app.update();
    let (active, turned, _) = camera(&mut app).unwrap();
    assert!(active, "a drag wakes it");
    assert!(turned.translation.distance(placed.translation) > 0.5);

    // Closing rests it; opening the same exhibit again starts from the front.
    app.world_mut().resource_mut::<Selection>().close();
    app.update();
    assert!(orbit(&app).is_none());
    assert!(!camera(&mut app).unwrap().0);
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(at));
    app.update();
    assert_eq!(orbit(&app).unwrap().1, front, "reset when the panel opens");
    assert!((camera(&mut app).unwrap().1.translation - front.eye()).length() < 1e-4);

    // An edit of the content (live editing) starts it again from the front.
    app.world_mut()
        .write_message(LookAroundInput::Turn(Vec2::new(0.0, 80.0)));
    app.update();
    assert_ne!(orbit(&app).unwrap().1, front);
    app.world_mut()
        .resource_mut::<CurrentExhibition>()
        .set_changed();
    app.update();
    assert_eq!(orbit(&app).unwrap().1, front, "reset after an edit");
}
