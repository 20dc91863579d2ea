//! The hall builds headlessly from the loaded content, and switching the language redraws
//! every sign in the 3D world.

use bevy::prelude::*;
use expo_hall::{
    content::{model::Lang, source::ContentSource},
    hall::{self, BoothEntity, ExhibitEntity, Sign, SignKind},
    i18n::{self, CurrentLang, Ui},
    screens::Screen,
};

use crate::support::{content_app, load_exhibition};

#[test]
fn the_scene_builds_from_content_and_signs_follow_the_language() {
    let mut app = content_app(ContentSource::Embedded);
    app.init_asset::<Mesh>()
        .init_asset::<StandardMaterial>()
        .add_plugins((i18n::plugin, hall::plugin));
    let (exhibition, _) = load_exhibition(&mut app);
    for _ in 0..20 {
        app.update();
        if *app.world().resource::<State<Screen>>().get() == Screen::Hall {
            break;
        }
    }
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Hall);
    let world = app.world_mut();
    assert_eq!(
        world.query::<&BoothEntity>().iter(world).count(),
        exhibition.footprints.len()
    );
    assert_eq!(
        world.query::<&ExhibitEntity>().iter(world).count(),
        exhibition.exhibit_count()
    );

    let fascia = world
        .query::<&Sign>()
        .iter(world)
        .find(|s| s.kind == SignKind::Fascia { area: "ru".into() })
        .expect("Russia has a fascia sign")
        .image
        .clone();
    let english = world
        .resource::<Assets<Image>>()
        .get(&fascia)
        .unwrap()
        .data
        .clone();
    assert!(
        english
            .as_ref()
            .is_some_and(|d| d.chunks(4).any(|p| p[0] < 100)),
        "the sign has dark text on it"
    );

    world.resource_mut::<CurrentLang>().0 = Lang::Zh;
    app.update();
    let chinese = app
        .world()
        .resource::<Assets<Image>>()
        .get(&fascia)
        .unwrap()
        .data
        .clone();
    assert_ne!(english, chinese, "the sign was redrawn in Chinese");
}

#[test]
fn the_interface_words_exist_in_both_languages() {
    for word in [
        Ui::Walk,
        Ui::Overview,
        Ui::About,
        Ui::Close,
        Ui::Next,
        Ui::Help,
    ] {
        assert_ne!(word.text(Lang::En), word.text(Lang::Zh));
        assert!(!word.text(Lang::Zh).is_empty());
    }
}
