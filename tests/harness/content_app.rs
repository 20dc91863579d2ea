//! The shipped content loads through Bevy's asset system, and a broken zone file leaves the
//! rest of the hall loaded.

use expo_hall::content::{
    model::{AreaRef, ZoneKind},
    source::{ContentSource, EMBEDDED_FILES},
};

use crate::support::{TempContent, content_app, load_exhibition};

#[test]
fn the_shipped_hall_loads_through_the_asset_system() {
    let mut app = content_app(ContentSource::Embedded);
    let (exhibition, problems) = load_exhibition(&mut app);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(exhibition.zones.len(), 18);
    assert_eq!(exhibition.pavilions().count(), 17);
    let china: Vec<_> = exhibition
        .zones
        .iter()
        .filter(|z| matches!(z.kind, ZoneKind::Host { .. }))
        .collect();
    assert_eq!(china.len(), 1);
    let ZoneKind::Host { sectors } = &china[0].kind else {
        unreachable!()
    };
    let ids: Vec<&str> = sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "logistics",
            "transportation",
            "culture-tourism",
            "smart-manufacturing"
        ]
    );
    // Every exhibit written in the zone files arrived.
    let written: usize = EMBEDDED_FILES
        .iter()
        .filter(|(path, _)| path.ends_with(".zone.ron"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).matches("Exhibit(").count())
        .sum();
    assert!(written > 60);
    assert_eq!(exhibition.exhibit_count(), written);
    // 4 sectors + 17 pavilions are laid out.
    assert_eq!(exhibition.footprints.len(), 21);
}

#[test]
fn a_broken_zone_file_is_reported_and_the_rest_still_loads() {
    let content = TempContent::new();
    content.replace("zones/ru.zone.ron", "exhibits: [", "exhibits: [[");
    let mut app = content_app(content.source());
    let (exhibition, problems) = load_exhibition(&mut app);
    assert_eq!(exhibition.zones.len(), 17, "the other 17 zones load");
    assert!(exhibition.zone("ru").is_none());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("zones/ru.zone.ron") && p.contains(':')),
        "{problems:#?}"
    );
    // The layout keeps everyone else in place and names the missing booth.
    assert!(exhibition.footprint(&AreaRef::zone("kz")).is_some());
    assert!(problems.iter().any(|p| p.contains("`ru`")), "{problems:#?}");
}

#[test]
fn a_missing_image_is_reported_without_losing_its_zone() {
    let content = TempContent::new();
    std::fs::remove_file(content.path("flags/np.png")).unwrap();
    let mut app = content_app(content.source());
    let (exhibition, problems) = load_exhibition(&mut app);
    assert!(exhibition.zone("np").is_some());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("np.zone.ron") && p.contains("image")),
        "{problems:#?}"
    );
}

#[test]
fn a_content_folder_without_fonts_uses_the_built_in_ones() {
    let content = crate::support::TempContent::new();
    std::fs::remove_dir_all(content.path("fonts")).unwrap();
    let mut app = content_app(content.source());
    let (exhibition, problems) = load_exhibition(&mut app);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(exhibition.zones.len(), 18);
    let fonts = app
        .world()
        .resource::<expo_hall::content::loading::Fonts>()
        .clone();
    let assets = app
        .world()
        .resource::<bevy::asset::Assets<expo_hall::content::assets::FontBytes>>();
    assert!(
        fonts
            .regular
            .iter()
            .chain(&fonts.bold)
            .all(|f| assets.get(f).is_some()),
        "every font loaded from the program's own copy"
    );
    let report =
        expo_hall::content::validate::validate(&content.source(), &crate::support::main_hall());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}
