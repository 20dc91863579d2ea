//! Live editing through the real asset and scene plugins: an edited zone file shows in the open
//! hall with the panel kept, a broken edit keeps the last good version with a positioned notice
//! until it is fixed, an edited picture is reloaded, and a kiosk served from its last-good copy
//! keeps showing it when the edited folder disappears.

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use bevy::prelude::*;
use expo_hall::{
    content::{
        last_good,
        live::{LiveContent, LiveFolders},
        loading::{ContentProblems, ContentRequest, CurrentExhibition},
        source::ContentSource,
    },
    hall::{self, ExhibitEntity},
    i18n::CurrentLang,
    interaction::{self, Panel, Selection},
    screens::Screen,
    third_party::UiFocus,
};

use crate::support::{TempContent, content_app, load_exhibition};

/// A headless hall served from `served`, watching `edited`, built and open.
fn live_hall(edited: PathBuf, served: PathBuf) -> App {
    let mut app = content_app(ContentSource::Dir(served.clone()));
    app.world_mut().resource_mut::<ContentRequest>().live = Some(LiveFolders { edited, served });
    crate::support::scene_assets(&mut app)
        .init_resource::<UiFocus>()
        .insert_resource(CurrentLang(crate::support::lang("en")))
        .add_plugins((hall::plugin, interaction::plugin));
    load_exhibition(&mut app);
    for _ in 0..20 {
        app.update();
    }
    // The app's clock follows the wall clock, as in the real hall, so the time an edit takes to
    // show is the real one (polling, reading, checking, rebuilding the scene).
    app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Hall);
    app
}

/// Updates until `done` holds; the wall time it took. Panics after a generous wait, so a reload that never comes fails rather than hangs.
fn until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        app.update();
        if done(app.world()) {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(4));
    }
    panic!("gave up waiting for: {what}");
}

fn title_of(world: &World, id: &str) -> Option<String> {
    let exhibition = world.resource::<CurrentExhibition>();
    let at = exhibition.find_exhibit(id)?;
    Some(
        exhibition
            .exhibit(at)
            .title
            .get(crate::support::lang("en"))
            .to_owned(),
    )
}

fn notices(world: &World) -> Vec<String> {
    world.resource::<LiveContent>().notices.clone()
}

const THANGKA: &str = "np.giant-thangka";

#[test]
fn an_edit_shows_live_a_broken_one_keeps_the_last_good_version_and_a_fix_clears_it() {
    let content = TempContent::new();
    let mut app = live_hall(content.dir.clone(), content.dir.clone());
    let exhibition = app.world().resource::<CurrentExhibition>().0.clone();
    let thangka = exhibition.find_exhibit(THANGKA).unwrap();
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(thangka));
    let old_title = title_of(app.world(), THANGKA).unwrap();
    app.world_mut().resource_mut::<CurrentLang>().0 = crate::support::lang("ru");

    // A curator renames the thangka and removes the exhibit before it (its index moves).
    let zone = content.read("zones/np.zone.ron");
    let first = zone.find("        Exhibit(").expect("Nepal has exhibits");
    let second = first + 1 + zone[first + 1..].find("        Exhibit(").unwrap();
    let edited = format!("{}{}", &zone[..first], &zone[second..]).replacen(
        &old_title,
        "Giant Thangka (edited live)",
        1,
    );
    content.write("zones/np.zone.ron", &edited);
    let took = until(&mut app, "the edited title", |w| {
        title_of(w, THANGKA).as_deref() == Some("Giant Thangka (edited live)")
    });
    println!("edit → on screen: {} ms", took.as_millis());

    let world = app.world_mut();
    let exhibition = world.resource::<CurrentExhibition>().0.clone();
    let moved = exhibition.find_exhibit(THANGKA).unwrap();
    assert_ne!(moved, thangka, "the added exhibit moved it");
    assert_eq!(
        world.resource::<Selection>().panel,
        Some(Panel::Exhibit(moved)),
        "the open panel follows its exhibit"
    );
    assert_eq!(
        world.resource::<CurrentLang>().0,
        crate::support::lang("ru"),
        "the language stays"
    );
    assert!(notices(world).is_empty(), "{:?}", notices(world));
    let shown = world
        .query::<&ExhibitEntity>()
        .iter(world)
        .map(|e| e.0)
        .collect::<std::collections::HashSet<_>>();
    assert_eq!(
        shown.len(),
        exhibition.exhibit_count(),
        "the scene was rebuilt: one display per exhibit, none left over"
    );

    // A broken edit: the last good Nepal stays, and the notice says where.
    let broken = edited.replacen("exhibits: [", "exhibits: [[", 1);
    content.write("zones/np.zone.ron", &broken);
    until(&mut app, "a notice", |w| !notices(w).is_empty());
    let said = notices(app.world());
    let line = broken
        .lines()
        .position(|l| l.contains("exhibits: [["))
        .unwrap()
        + 1;
    assert!(
        said.iter()
            .any(|n| n.contains(&format!("np.zone.ron:{line}:"))),
        "file:line:col of the broken spot: {said:#?}"
    );
    assert!(
        said.iter().any(|n| n.contains("last good version")),
        "{said:#?}"
    );
    assert_eq!(
        title_of(app.world(), THANGKA).as_deref(),
        Some("Giant Thangka (edited live)"),
        "the last good version of the zone stays on screen"
    );
    assert!(
        app.world()
            .resource::<ContentProblems>()
            .0
            .iter()
            .any(|p| p.contains("np.zone.ron")),
        "staff see it among the content problems"
    );

    // Another file's edit still shows while Nepal's is broken.
    let russia = content.read("zones/ru.zone.ron");
    content.write(
        "zones/ru.zone.ron",
        russia.replacen("name: (en: \"Russia\"", "name: (en: \"Russia (edited)\"", 1),
    );
    until(&mut app, "the other edit", |w| {
        let exhibition = w.resource::<CurrentExhibition>();
        exhibition
            .zone("ru")
            .unwrap()
            .name
            .get(crate::support::lang("en"))
            == "Russia (edited)"
    });
    assert!(!notices(app.world()).is_empty(), "Nepal is still broken");
    content.write("zones/ru.zone.ron", &russia);

    // Fixing the file clears the notice.
    content.write("zones/np.zone.ron", &zone);
    until(&mut app, "the notice to clear", |w| notices(w).is_empty());
    assert_eq!(title_of(app.world(), THANGKA), Some(old_title));
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Exhibit(thangka))
    );

    // Rebuilding the same hall again and again leaves the same scene: nothing piles up.
    let counts = |app: &mut App| {
        for _ in 0..3 {
            app.update();
        }
        crate::support::scene_counts(app)
    };
    let sign_images = |app: &mut App| {
        let world = app.world_mut();
        let mut ids: Vec<AssetId<Image>> = world
            .query::<&expo_hall::hall::Sign>()
            .iter(world)
            .map(|sign| sign.image.id())
            .collect();
        ids.sort();
        ids
    };
    let before = counts(&mut app);
    let signs_before = sign_images(&mut app);
    for round in 1..=3 {
        let reloads = app.world().resource::<LiveContent>().reloads;
        content.write("zones/np.zone.ron", format!("{zone}\n// round {round}\n"));
        until(&mut app, "the reload", |w| {
            w.resource::<LiveContent>().reloads > reloads
        });
        assert_eq!(counts(&mut app), before, "after rebuild {round}");
        assert_eq!(
            sign_images(&mut app),
            signs_before,
            "unchanged signs keep their textures"
        );
    }

    // An edited picture is reloaded in place.
    let flag: Handle<Image> = app
        .world()
        .resource::<AssetServer>()
        .get_handle("flags/np.png")
        .expect("Nepal's flag is loaded");
    let before = app
        .world()
        .resource::<Assets<Image>>()
        .get(&flag)
        .unwrap()
        .data
        .clone();
    content.write("flags/np.png", content.read_bytes("flags/tr.png"));
    until(&mut app, "the new picture", |w| {
        w.resource::<Assets<Image>>().get(&flag).map(|i| &i.data) != Some(&before)
    });

    // A removed exhibit closes its open panel.
    let thangka_now = app
        .world()
        .resource::<CurrentExhibition>()
        .find_exhibit(THANGKA);
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(thangka_now.unwrap()));
    let without = zone.replacen(
        &format!("id: \"{THANGKA}\""),
        "id: \"np.renamed-thangka\"",
        1,
    );
    assert_ne!(
        without, zone,
        "the thangka's id is written in its zone file"
    );
    content.write("zones/np.zone.ron", &without);
    until(&mut app, "the renamed exhibit", |w| {
        title_of(w, THANGKA).is_none()
    });
    assert_eq!(app.world().resource::<Selection>().panel, None);
}

#[test]
fn a_kiosk_refreshes_its_last_good_copy_and_keeps_it_when_the_folder_goes() {
    let content = TempContent::new();
    let copy = TempContent::new();
    std::fs::remove_dir_all(&copy.dir).unwrap();
    last_good::refresh(&content.dir, &copy.dir).unwrap();
    let mut app = live_hall(content.dir.clone(), copy.dir.clone());
    let old_title = title_of(app.world(), THANGKA).unwrap();

    content.replace("zones/np.zone.ron", &old_title, "Thangka, kiosk edit");
    until(&mut app, "the kiosk edit", |w| {
        title_of(w, THANGKA).as_deref() == Some("Thangka, kiosk edit")
    });
    assert!(
        copy.read("zones/np.zone.ron")
            .contains("Thangka, kiosk edit"),
        "the last good copy was refreshed"
    );

    // A broken file is not copied: the copy and the screen keep the good one.
    content.replace("zones/np.zone.ron", "exhibits: [", "exhibits: [[");
    until(&mut app, "a notice", |w| !notices(w).is_empty());
    assert!(
        notices(app.world())
            .iter()
            .any(|n| n.contains("np.zone.ron") && n.contains("last good copy")),
        "{:#?}",
        notices(app.world())
    );
    assert!(!copy.read("zones/np.zone.ron").contains("[["));
    assert_eq!(
        title_of(app.world(), THANGKA).as_deref(),
        Some("Thangka, kiosk edit")
    );

    // The edited folder disappears (unplugged, renamed): the hall goes on with the copy.
    let moved = content.dir.with_extension("away");
    std::fs::rename(&content.dir, &moved).unwrap();
    until(&mut app, "the missing-folder notice", |w| {
        notices(w).iter().any(|n| n.contains("not there"))
    });
    for _ in 0..60 {
        app.update();
    }
    assert_eq!(
        title_of(app.world(), THANGKA).as_deref(),
        Some("Thangka, kiosk edit")
    );
    assert!(app.world().resource::<CurrentExhibition>().zones.len() == 18);

    // It comes back (fixed): the notice goes.
    std::fs::rename(&moved, &content.dir).unwrap();
    content.replace("zones/np.zone.ron", "exhibits: [[", "exhibits: [");
    until(&mut app, "the notices to clear", |w| notices(w).is_empty());
}
