//! The two shipped layouts: clean geometry, and the arrangements their names promise.

use expo_hall::content::{exhibition::read_exhibition, layout, source::ContentSource};

#[test]
fn both_layouts_have_no_overlaps_stay_inside_and_reach_every_booth() {
    for hall in ["halls/n2.hall.ron", "halls/n2-as-reported.hall.ron"] {
        let read = read_exhibition(&ContentSource::Embedded, hall);
        assert!(read.problems.is_empty(), "{hall}: {:#?}", read.problems);
        let exhibition = read.exhibition.unwrap();
        assert_eq!(exhibition.footprints.len(), 21, "{hall}");
        let problems = layout::check(
            &exhibition.hall.shell,
            &exhibition.hall.layout,
            &exhibition.footprints,
        );
        assert!(problems.is_empty(), "{hall}: {problems:#?}");
        assert!(exhibition.hall.layout.min_aisle >= 3.0);
    }
}

/// Mean distance of the China sectors and of the pavilions from the hall's centre.
fn spread(hall: &str) -> (f32, f32) {
    let exhibition = read_exhibition(&ContentSource::Embedded, hall)
        .exhibition
        .unwrap();
    let mean = |china: bool| {
        let d: Vec<f32> = exhibition
            .footprints
            .iter()
            .filter(|f| (f.area.zone == "cn") == china)
            .map(|f| f.centre.length())
            .collect();
        d.iter().sum::<f32>() / d.len() as f32
    };
    (mean(true), mean(false))
}

#[test]
fn the_design_puts_china_in_the_centre_and_the_report_puts_it_around_the_pavilions() {
    let (china, pavilions) = spread("halls/n2.hall.ron");
    assert!(
        china < pavilions * 0.5,
        "design: China {china:.1} m, pavilions {pavilions:.1} m from the centre"
    );
    let (china, pavilions) = spread("halls/n2-as-reported.hall.ron");
    assert!(
        china > pavilions * 1.5,
        "as reported: China {china:.1} m, pavilions {pavilions:.1} m from the centre"
    );
}

#[test]
fn the_reported_layout_reuses_the_design_halls_facts() {
    let design = read_exhibition(&ContentSource::Embedded, "halls/n2.hall.ron")
        .exhibition
        .unwrap();
    let reported = read_exhibition(&ContentSource::Embedded, "halls/n2-as-reported.hall.ron")
        .exhibition
        .unwrap();
    assert_eq!(design.hall.about.title, reported.hall.about.title);
    assert_eq!(design.hall.zone_files, reported.hall.zone_files);
    assert_ne!(design.hall.name, reported.hall.name);
}
