//! The hall builds headlessly from the loaded content, and switching the language redraws
//! every sign in the 3D world.

use bevy::prelude::*;
use expo_hall::{
    content::{
        model::AreaRef,
        source::ContentSource,
        validate::{fonts_cover, text_fonts},
    },
    hall::{BoothEntity, ExhibitEntity, Sign, SignKind},
    i18n::{Catalogs, CurrentLang, Word, catalog_path},
};

use crate::support::{TempContent, built_hall};

#[test]
fn the_scene_builds_from_content_and_signs_follow_the_language() {
    let (mut app, exhibition) = built_hall();
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
        .find(|s| {
            s.kind
                == SignKind::Fascia {
                    area: AreaRef::zone("ru"),
                }
        })
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

    world.resource_mut::<CurrentLang>().0 = crate::support::lang("zh");
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
    let catalogs = Catalogs::builtin();
    for word in [
        Word::Walk,
        Word::Overview,
        Word::About,
        Word::Close,
        Word::Next,
        Word::Help,
    ] {
        assert_ne!(
            catalogs.text(crate::support::lang("en"), word),
            catalogs.text(crate::support::lang("zh"), word)
        );
        assert!(!catalogs.text(crate::support::lang("zh"), word).is_empty());
    }
}

#[test]
fn every_catalog_has_every_word_with_the_same_placeholders() {
    let catalogs = Catalogs::builtin();
    assert!(catalogs.problems.is_empty(), "{:#?}", catalogs.problems);
    let check = catalogs.check();
    assert!(check.problems.is_empty(), "{:#?}", check.problems);
    assert!(
        check.warnings.is_empty(),
        "the shipped languages each have every word: {:#?}",
        check.warnings
    );
    for lang in crate::support::shipped_languages() {
        for word in Word::ALL {
            assert_ne!(
                catalogs.text(lang, *word),
                word.id(),
                "{lang:?} has no text for {word:?}"
            );
        }
    }
}

#[test]
fn every_character_of_the_catalogs_is_in_the_bundled_fonts() {
    let source = ContentSource::Embedded;
    let files = text_fonts(&source);
    assert_eq!(
        files.len(),
        2,
        "a Latin and Cyrillic face, then the Chinese one"
    );
    let fonts: Vec<ab_glyph::FontRef> = files
        .iter()
        .map(|(_, bytes)| ab_glyph::FontRef::try_from_slice(bytes).unwrap())
        .collect();
    for lang in crate::support::shipped_languages() {
        let text = source.read_text(&catalog_path(lang)).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for c in line.chars().filter(|c| !c.is_control()) {
                assert!(
                    fonts_cover(&fonts, c),
                    "{c:?} of {lang:?} is in no text font"
                );
            }
        }
    }
}

#[test]
fn a_broken_catalog_is_reported_by_validate_with_its_position() {
    let content = TempContent::new();
    content.replace("i18n/zh.ftl", "walk = 漫步\n", "");
    content.replace(
        "i18n/zh.ftl",
        "iso-code = ISO 3166：{ $code }",
        "iso-code = ISO 3166：{ $iso }",
    );
    content.replace("i18n/ru.ftl", "pause = Пауза", "pause = { Пауза");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .args(["validate"])
        .arg(&content.dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let zh = content.path("i18n/zh.ftl").to_string_lossy().into_owned();
    let ru = content.path("i18n/ru.ftl").to_string_lossy().into_owned();
    let iso_line = crate::support::position_of(&content.read("i18n/zh.ftl"), "iso-code").0;
    let pause_line = crate::support::position_of(&content.read("i18n/ru.ftl"), "pause =").0;
    assert!(
        stderr.contains(&format!("warning: {zh}: lacks 1 of the")) && stderr.contains("(`walk`)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{zh}:{iso_line}:1: `iso-code` uses")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{ru}:{pause_line}:")), "{stderr}");
}

#[test]
fn an_open_booths_name_sign_rises_above_what_stands_in_front_of_it() {
    // Nepal's sign used to hang behind the giant thangka.
    let (mut app, exhibition) = built_hall();
    let thangka = exhibition.find_exhibit("np.giant-thangka").unwrap();
    let extent =
        expo_hall::content::footprint::display_extent(&exhibition.exhibit(thangka).display);
    let world = app.world_mut();
    let sign = world
        .query::<(&Sign, &Transform)>()
        .iter(world)
        .find(|(s, _)| {
            s.kind
                == SignKind::Fascia {
                    area: AreaRef::zone("np"),
                }
        })
        .map(|(_, t)| *t)
        .expect("Nepal's sign");
    let bottom = sign.translation.y - sign.scale.y / 2.0;
    assert!(
        bottom > extent.height,
        "sign from {bottom} m, thangka up to {} m",
        extent.height
    );
}

/// The hall's furnishing is built from its file: a banner for each entry (printed both sides),
/// and visitor figures that follow the people setting.
#[test]
fn the_standing_visitors_follow_the_people_setting() {
    use expo_hall::{hall::shell::StandingVisitor, quality::StandingPeople};
    let (mut app, exhibition) = built_hall();
    let banners = app
        .world_mut()
        .query::<&Name>()
        .iter(app.world())
        .filter(|name| name.as_str() == "Hanging banner")
        .count();
    assert_eq!(banners, exhibition.hall.shell.furnishing.banners.len());
    assert!(banners > 0);
    let visibilities = |app: &mut App| -> Vec<Visibility> {
        app.world_mut()
            .query_filtered::<&Visibility, With<StandingVisitor>>()
            .iter(app.world())
            .copied()
            .collect()
    };
    let shown = visibilities(&mut app);
    assert_eq!(shown.len(), exhibition.hall.shell.furnishing.people.len());
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|v| *v == Visibility::Inherited));
    app.world_mut().insert_resource(StandingPeople(false));
    app.update();
    assert!(
        visibilities(&mut app)
            .iter()
            .all(|v| *v == Visibility::Hidden)
    );
    app.world_mut().insert_resource(StandingPeople(true));
    app.update();
    assert!(
        visibilities(&mut app)
            .iter()
            .all(|v| *v == Visibility::Inherited)
    );
}
