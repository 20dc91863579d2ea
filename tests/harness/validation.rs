//! Every kind of problem `expo-hall validate` finds, each from a malformed copy of the shipped
//! content, reported as `path:line:col: message`.

use std::process::Command;

use expo_hall::content::{diagnostics::Problem, source::ContentSource, validate::validate};

use crate::support::{TempContent, position_of};

fn problems(content: &TempContent) -> Vec<Problem> {
    validate(&content.source(), &crate::support::main_hall()).problems
}

/// Asserts there is a problem in `file` at `needle`'s position whose message contains `message`.
fn assert_problem_at(content: &TempContent, file: &str, needle: &str, message: &str) {
    let text = content.read(file);
    let (line, col) = position_of(&text, needle);
    let path = content.path(file).to_string_lossy().into_owned();
    let expected = format!("{path}:{line}:{col}: ");
    let found = problems(content);
    assert!(
        found
            .iter()
            .any(|p| p.to_string().starts_with(&expected) && p.message.contains(message)),
        "expected `{expected}…{message}…` among:\n{}",
        found
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_shipped_content_is_clean() {
    let report = validate(&ContentSource::Embedded, &crate::support::main_hall());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!((report.zones, report.pavilions), (18, 17));
    assert!(report.images >= 17);
    let report = validate(&ContentSource::Embedded, "halls/n2-as-reported.hall.ron");
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn syntax_errors() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "id: \"pk\",", "id: \"pk\"");
    assert_problem_at(&content, "zones/pk.zone.ron", "name: (en: \"Pakistan\"", "");
}

#[test]
fn schema_errors() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "width: 9.0", "width: \"nine\"");
    let found = problems(&content);
    let (line, _) = position_of(&content.read("zones/pk.zone.ron"), "width: \"nine\"");
    assert!(
        found
            .iter()
            .any(|p| p.line == line && p.message.contains("Expected")),
        "{found:#?}"
    );
}

#[test]
fn duplicate_exhibit_ids() {
    let content = TempContent::new();
    content.replace(
        "zones/pk.zone.ron",
        "id: \"pk.jewellery-boxes-mascots\"",
        "id: \"pk.golden-animal-figures\"",
    );
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"pk.golden-animal-figures\"",
        "used more than once",
    );
}

#[test]
fn unknown_sectors() {
    let content = TempContent::new();
    content.replace(
        "zones/cn.zone.ron",
        "sector: Some(\"logistics\")",
        "sector: Some(\"shipping\")",
    );
    assert_problem_at(
        &content,
        "zones/cn.zone.ron",
        "sector: Some(\"shipping\")",
        "names sector `shipping`",
    );
}

#[test]
fn missing_translations() {
    let content = TempContent::new();
    content.replace(
        "zones/pk.zone.ron",
        "title: (en: \"Gilded animal figures\", zh: \"金色动物摆件\",",
        "title: (en: \"Gilded animal figures\",",
    );
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "title: (en: \"Gilded animal figures\",",
        "has no zh text",
    );
}

#[test]
fn missing_images() {
    let content = TempContent::new();
    content.replace(
        "zones/pk.zone.ron",
        "\"flags/pk.png\"",
        "\"flags/none.png\"",
    );
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"flags/none.png\"",
        "does not exist",
    );
}

#[test]
fn paths_that_leave_the_content_folder() {
    let content = TempContent::new();
    content.replace(
        "zones/pk.zone.ron",
        "\"flags/pk.png\"",
        "\"../flags/pk.png\"",
    );
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"../flags/pk.png\"",
        "leaves the content folder",
    );
}

#[test]
fn oversized_and_broken_images() {
    let content = TempContent::new();
    let mut png = Vec::new();
    image::RgbImage::new(5000, 2)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    content.write("flags/pk.png", &png);
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"flags/pk.png\"",
        "larger than 4096",
    );
    content.write("flags/pk.png", b"\x89PNG\r\n\x1a\n not really a png");
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"flags/pk.png\"",
        "does not decode",
    );
}

#[test]
fn exhibits_outside_their_booth() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "place: (x: -2.5", "place: (x: -9.5");
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "place: (x: -9.5",
        "does not fit inside",
    );
}

#[test]
fn overlapping_booths() {
    let content = TempContent::new();
    content.replace(
        "halls/n2.hall.ron",
        "gap: 6.0, align: Centre,\n                areas: [\"cn/logistics\"",
        "gap: -4.0, align: Centre,\n                areas: [\"cn/logistics\"",
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"cn/logistics\"",
        "overlaps `cn/transportation`",
    );
}

#[test]
fn unreachable_booths() {
    let content = TempContent::new();
    content.replace("halls/n2.hall.ron", "min_aisle: 3.0", "min_aisle: 13.0");
    assert_problem_at(&content, "halls/n2.hall.ron", "\"kz\"", "cannot be reached");
}

#[test]
fn booths_left_out_of_the_layout() {
    let content = TempContent::new();
    content.replace(
        "halls/n2.hall.ron",
        "areas: [\"lk\", \"tr\"]",
        "areas: [\"lk\"]",
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "layout",
        "`tr` has a zone but no place",
    );
}

#[test]
fn bad_colours_and_iso_codes() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "\"#D4AF37\"", "\"#D4AF3\"");
    content.replace("zones/pk.zone.ron", "iso: \"PK\"", "iso: \"PQ\"");
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"#D4AF3\"",
        "is not a colour",
    );
    assert_problem_at(&content, "zones/pk.zone.ron", "iso:", "ISO 3166");
}

#[test]
fn characters_missing_from_the_bundled_font() {
    let content = TempContent::new();
    content.replace(
        "zones/kz.zone.ron",
        "name: (en: \"Kazakhstan\"",
        "name: (en: \"Qazaqstan ཀ\"",
    );
    assert_problem_at(
        &content,
        "zones/kz.zone.ron",
        "ཀ",
        "1 character of the Tibetan script is in none of the text fonts",
    );
    // A script the built-in fonts lack is named once, with what to do.
    content.replace(
        "zones/kz.zone.ron",
        "en: \"The first thing visitors see",
        "en: \"საქართველო. The first thing visitors see",
    );
    let georgian: Vec<_> = problems(&content)
        .into_iter()
        .filter(|p| p.message.contains("Georgian script"))
        .collect();
    assert_eq!(georgian.len(), 1, "{georgian:#?}");
    assert!(
        georgian[0]
            .message
            .starts_with("9 characters of the Georgian script are"),
        "{}",
        georgian[0].message
    );
    assert!(georgian[0].message.contains("in the content's fonts/"));
}

#[test]
fn zone_files_the_hall_cannot_find() {
    let content = TempContent::new();
    std::fs::remove_file(content.path("zones/am.zone.ron")).unwrap();
    let found = problems(&content);
    assert!(
        found
            .iter()
            .any(|p| p.path.ends_with("zones/am.zone.ron") && p.message.contains("cannot read")),
        "{found:#?}"
    );
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "id: \"pk\",", "id: \"pk\"");
    content.replace(
        "zones/np.zone.ron",
        "\"flags/np.png\"",
        "\"flags/none.png\"",
    );
    content.replace(
        "zones/kz.zone.ron",
        "name: (en: \"Kazakhstan\", zh: \"哈萨克斯坦\",",
        "name: (en: \"Kazakhstan\",",
    );
    let found = problems(&content);
    for file in ["pk.zone.ron", "np.zone.ron", "kz.zone.ron"] {
        assert!(
            found.iter().any(|p| p.path.ends_with(file)),
            "nothing about {file} in {found:#?}"
        );
    }
}

#[test]
fn the_command_exits_1_with_every_problem_and_0_with_a_summary() {
    let binary = env!("CARGO_BIN_EXE_expo-hall");
    let clean = Command::new(binary).arg("validate").output().unwrap();
    assert!(clean.status.success());
    let summary = String::from_utf8_lossy(&clean.stdout);
    assert!(
        summary.starts_with("content OK: 18 zones (17 pavilions), ")
            && summary.lines().count() == 1,
        "{summary}"
    );

    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "id: \"pk\",", "id: \"pk\"");
    content.replace(
        "zones/np.zone.ron",
        "\"flags/np.png\"",
        "\"flags/none.png\"",
    );
    let broken = Command::new(binary)
        .arg("validate")
        .arg(&content.dir)
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let report = String::from_utf8_lossy(&broken.stderr);
    let pk = content
        .path("zones/pk.zone.ron")
        .to_string_lossy()
        .into_owned();
    assert!(report.contains(&format!("{pk}:4:5: ")), "{report}");
    assert!(report.contains("flags/none.png"), "{report}");
    assert!(
        report.contains(" | "),
        "a source snippet is shown: {report}"
    );
}

#[test]
fn bad_start_up_arguments_exit_2_before_a_window_opens() {
    let binary = env!("CARGO_BIN_EXE_expo-hall");
    let run = |args: &[&str]| {
        let out = Command::new(binary)
            .args(args)
            // No display: had a window been tried, the error would be a different one.
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&["--content", "/nonexistent/expo"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("/nonexistent/expo does not exist"),
        "{stderr}"
    );
    let (code, stderr) = run(&["--hall", "nope"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("halls/nope.hall.ron"), "{stderr}");
    assert!(stderr.contains("validate"), "{stderr}");
    let (code, stderr) = run(&[
        "screenshot",
        "--view",
        "overview",
        "--out",
        "/nonexistent/dir/x.png",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("/nonexistent/dir does not exist"),
        "{stderr}"
    );
}

#[test]
fn every_text_is_held_to_the_halls_declared_languages() {
    let shipped = expo_hall::content::exhibition::read_hall(
        &ContentSource::Embedded,
        &crate::support::main_hall(),
    )
    .unwrap()
    .0;
    assert_eq!(
        shipped.languages,
        crate::support::shipped_languages(),
        "the shipped hall speaks English, Chinese and Russian"
    );
    let content = TempContent::new();
    content.replace("zones/kz.zone.ron", ", ru: \"Казахстан\"", "");
    assert_problem_at(
        &content,
        "zones/kz.zone.ron",
        "name: (en: \"Kazakhstan\"",
        "has no ru text",
    );
    // A key that is no declared language is named where it is written, with the hall's list.
    content.replace(
        "zones/kz.zone.ron",
        "name: (en: \"Kazakhstan\"",
        "name: (eng: \"Kazakhstan\", en: \"Kazakhstan\"",
    );
    assert_problem_at(
        &content,
        "zones/kz.zone.ron",
        "eng: \"Kazakhstan\"",
        "`name`: \"eng\" is not one of this hall's languages (en, zh, ru)",
    );
}

#[test]
fn a_hall_of_two_languages_asks_for_those_two_and_refuses_a_third() {
    let content = TempContent::new();
    content.replace(
        "halls/n2.hall.ron",
        "languages: [en, zh, ru],",
        "languages: [en, zh],",
    );
    let found = problems(&content);
    assert!(!found.is_empty(), "every ru text is now undeclared");
    assert!(
        found.iter().all(|p| p
            .message
            .contains("\"ru\" is not one of this hall's languages (en, zh)")),
        "{found:#?}"
    );
    assert!(!found.iter().any(|p| p.message.contains("has no ru text")));
}

#[test]
fn a_pavilion_names_a_group_the_hall_declares() {
    let content = TempContent::new();
    content.replace(
        "zones/np.zone.ron",
        "group: \"partner\",",
        "group: \"partners\",",
    );
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "group: \"partners\"",
        "is not one of the hall's `groups`",
    );
}

#[test]
fn another_fair_shows_its_own_words_and_opens_its_only_hall() {
    let content = TempContent::new();
    std::fs::remove_file(content.path("halls/n2-as-reported.hall.ron")).unwrap();
    let hall = content.read("halls/n2.hall.ron");
    std::fs::remove_file(content.path("halls/n2.hall.ron")).unwrap();
    content.write(
        "halls/spring-fair.hall.ron",
        hall.replace(
            "host_heading: (en: \"China zone\"",
            "host_heading: (en: \"Host pavilion\"",
        )
        .replace(
            "heading: (en: \"SCO member states\"",
            "heading: (en: \"Founding members\"",
        ),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .arg("--content")
        .arg(&content.dir)
        .arg("list")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("== Host pavilion =="), "{text}");
    assert!(text.contains("== Founding members =="), "{text}");
    assert!(
        !text.contains("China zone") && !text.contains("SCO member states"),
        "{text}"
    );
}

#[test]
fn sizes_out_of_range_are_reported_where_written_and_replaced() {
    let content = TempContent::new();
    content.replace("zones/pk.zone.ron", "width: 9.0", "width: -9.0");
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "width: -9.0",
        "outside 1..200",
    );
    content.replace("halls/n2.hall.ron", "width: 120.0", "width: NaN");
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "width: NaN",
        "60 is used instead",
    );
}

#[test]
fn files_nothing_uses_are_warnings_and_a_twice_used_zone_id_names_both_files() {
    let content = TempContent::new();
    // A zone file that no hall lists, and a picture that nothing shows.
    content.write("zones/xx.zone.ron", content.read("zones/np.zone.ron"));
    content.write("images/unused.png", content.read_bytes("flags/np.png"));
    let report = validate(&content.source(), &crate::support::main_hall());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let warned = |file: &str, what: &str| {
        report
            .warnings
            .iter()
            .any(|w| w.path.ends_with(file) && w.message.contains(what))
    };
    assert!(
        warned("zones/xx.zone.ron", "no hall lists"),
        "{:#?}",
        report.warnings
    );
    assert!(
        warned("images/unused.png", "no zone of the hall shows"),
        "{:#?}",
        report.warnings
    );
    assert_eq!(report.warnings.len(), 2, "{:#?}", report.warnings);
    // The command prints them and still succeeds.
    let out = Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .arg("validate")
        .arg(&content.dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: "));

    // Two zone files with one id: the report names both.
    content.replace(
        "halls/n2.hall.ron",
        "\"zones/np.zone.ron\",",
        "\"zones/np.zone.ron\", \"zones/xx.zone.ron\",",
    );
    let found = problems(&content);
    assert!(
        found.iter().any(
            |p| p.message.contains("zone id `np` is used by two zone files")
                && p.message.contains("np.zone.ron")
                && p.message.contains("xx.zone.ron")
        ),
        "{found:#?}"
    );
}

#[test]
fn an_exhibit_too_tall_for_an_open_booths_sign_is_named() {
    // Nepal's booth is open: its sign rises above the thangka (3.6 m of cloth) but not above 6 m.
    let content = TempContent::new();
    assert!(problems(&content).is_empty());
    content.replace(
        "zones/np.zone.ron",
        "width: 2.6, height: 3.6",
        "width: 2.6, height: 5.6",
    );
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "display: HangingTextile(colours",
        "`np.giant-thangka` stands in front of booth `np`'s name sign",
    );
}

#[test]
fn an_exhibit_reaching_an_island_booths_hanging_header_is_named() {
    // The China sectors are island stands, their headers hung 5 m up.
    let content = TempContent::new();
    content.replace(
        "zones/cn.zone.ron",
        "(shape: Box, at: (-0.8, 1.0, 0.0), size: (0.6, 1.8, 0.9),",
        "(shape: Box, at: (-0.8, 2.5, 0.0), size: (0.6, 5.0, 0.9),",
    );
    assert_problem_at(
        &content,
        "zones/cn.zone.ron",
        "display: Model(parts: [\n                (shape: Box, at: (0.0, 0.05, 0.0), size: (2.4,",
        "`cn.education-new-infrastructure-park` is 5.0 m tall and reaches booth `cn/",
    );
}

#[test]
fn missing_broken_escaping_and_oversized_models() {
    let content = TempContent::new();
    // A car at a third of its size is 1.5 m long: far more than the plinth's 0.8 m.
    content.replace(
        "zones/cn.zone.ron",
        "(file: \"models/suv.glb\", scale: 0.16,",
        "(file: \"models/suv.glb\", scale: 0.33,",
    );
    assert_problem_at(
        &content,
        "zones/cn.zone.ron",
        "\"models/suv.glb\"",
        "does not fit its display",
    );
    content.replace(
        "zones/cn.zone.ron",
        "\"models/suv.glb\"",
        "\"models/none.glb\"",
    );
    assert_problem_at(
        &content,
        "zones/cn.zone.ron",
        "\"models/none.glb\"",
        "does not exist",
    );
    content.replace(
        "zones/cn.zone.ron",
        "\"models/none.glb\"",
        "\"../models/suv.glb\"",
    );
    assert_problem_at(
        &content,
        "zones/cn.zone.ron",
        "\"../models/suv.glb\"",
        "leaves the content folder",
    );
    // Cut short, as an interrupted copy leaves it.
    let horse = content.read_bytes("models/horse.glb");
    content.write("models/horse.glb", &horse[..horse.len() / 2]);
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"models/horse.glb\"",
        "cut short",
    );
    // A picture renamed to .glb.
    content.write("models/bowl.glb", content.read_bytes("flags/np.png"));
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"models/bowl.glb\"",
        "not a binary glTF",
    );
    // The right header over JSON that is not glTF.
    let json = br#"{"asset":{"version":"2.0"}}  "#;
    let mut glb = b"glTF".to_vec();
    glb.extend(2u32.to_le_bytes());
    glb.extend(((20 + json.len()) as u32).to_le_bytes());
    glb.extend((json.len() as u32).to_le_bytes());
    glb.extend(0x4E4F_534Au32.to_le_bytes());
    glb.extend(json);
    content.write("models/jar.glb", &glb);
    assert_problem_at(
        &content,
        "zones/uz.zone.ron",
        "\"models/jar.glb\"",
        "no scene or no mesh",
    );
    // A furnishing model is checked where the hall file names it.
    content.write("models/plant.glb", b"");
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"models/plant.glb\"",
        "not a binary glTF",
    );
    // So is the stand kit's stool.
    content.replace(
        "halls/n2.hall.ron",
        "\"models/bar-stool.glb\"",
        "\"models/stool.glb\"",
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"models/stool.glb\"",
        "does not exist",
    );
}

#[test]
fn a_bench_in_front_of_a_booth_is_reported_at_the_benches() {
    let content = TempContent::new();
    // Pakistan's booth faces west from x 38..44: a bench 1.5 m in front of it.
    content.replace(
        "halls/n2.hall.ron",
        "(x: 50.0, z: -30.0, bearing: 180.0)",
        "(x: 36.0, z: 0.0, bearing: 90.0)",
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "benches:",
        "the bench at x 36.0, z 0.0 stands",
    );
}

#[test]
fn a_native_name_print_must_exist_decode_and_have_the_print_shape() {
    let content = TempContent::new();
    // A flag (3:2) saved over the print.
    content.write("names/np.png", content.read_bytes("flags/np.png"));
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"names/np.png\"",
        "must be 4 times as wide as high",
    );
    // Cut short.
    let print = content.read_bytes("names/pk.png");
    content.write("names/pk.png", &print[..print.len() / 3]);
    assert_problem_at(
        &content,
        "zones/pk.zone.ron",
        "\"names/pk.png\"",
        "does not decode",
    );
    content.replace(
        "zones/ir.zone.ron",
        "\"names/ir.png\"",
        "\"names/none.png\"",
    );
    assert_problem_at(
        &content,
        "zones/ir.zone.ron",
        "\"names/none.png\"",
        "does not exist",
    );
}

#[test]
fn narration_out_of_date_with_its_text_or_not_ogg_is_reported_at_the_text() {
    let content = TempContent::with_audio();
    assert!(problems(&content).is_empty(), "{:?}", problems(&content));
    // The thangka's description is edited in Russian after its audio was made.
    content.replace(
        "zones/np.zone.ron",
        "ru: \"Огромная танка — буддийская",
        "ru: \"Большая танка — буддийская",
    );
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "ru: \"Большая танка — буддийская",
        "`audio/ru/exhibit.np.giant-thangka.ogg` speaks an older ru text",
    );
    // A tour stop's English narration, likewise (stops are found by their target).
    content.replace(
        "tours/grand-tour.tour.ron",
        "en: \"Turkey: blue-and-white",
        "en: \"Turkey: white-and-blue",
    );
    assert_problem_at(
        &content,
        "tours/grand-tour.tour.ron",
        "en: \"Turkey: white-and-blue",
        "`audio/en/tour.grand-tour.07.ogg` speaks an older en text",
    );
    // A stamped file that is not Ogg Vorbis (a WAV under the right name).
    content.write("audio/zh/zone.np.ogg", b"RIFF\x24\0\0\0WAVEfmt ");
    let found = problems(&content);
    assert!(
        found.iter().any(|p| p
            .message
            .contains("`audio/zh/zone.np.ogg` is not an Ogg file")),
        "{found:?}"
    );
    // A missing file is not a problem: that text is simply not heard.
    std::fs::remove_file(content.path("audio/en/zone.np.ogg")).unwrap();
    assert!(
        !problems(&content)
            .iter()
            .any(|p| p.message.contains("audio/en/zone.np.ogg"))
    );
    // A broken spoken.ron is a positioned problem of its own.
    content.write("audio/en/spoken.ron", "{ \"zone.np.ogg\": }");
    let found = problems(&content);
    assert!(
        found
            .iter()
            .any(|p| p.to_string().contains("audio/en/spoken.ron:1:")),
        "{found:?}"
    );
}

#[test]
fn a_hostile_picture_is_reported_at_its_path_and_never_decoded_whole() {
    use expo_hall::content::validate::decode_for_display;
    let content = TempContent::new();
    // Give Nepal's thangka a gallery: one good picture, then each kind of bad one in turn.
    content.replace(
        "zones/np.zone.ron",
        "place: (x: 0.0, z: -2.2)",
        "media: [(path: \"media/thangka.png\", caption: (en: \"A drawing\", zh: \"图\", ru: \"Рисунок\"))],\n            place: (x: 0.0, z: -2.2)",
    );
    let mut good = Vec::new();
    image::RgbaImage::from_pixel(800, 400, image::Rgba([200, 40, 40, 255]))
        .write_to(
            &mut std::io::Cursor::new(&mut good),
            image::ImageFormat::Png,
        )
        .unwrap();
    content.write("media/thangka.png", &good);
    assert!(problems(&content).is_empty(), "{:?}", problems(&content));
    let scaled = decode_for_display(&good, 200).unwrap();
    assert_eq!(
        scaled.dimensions(),
        (200, 100),
        "scaled to its display size"
    );

    // Cut short.
    content.write("media/thangka.png", &good[..good.len() / 2]);
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"media/thangka.png\"",
        "does not decode",
    );
    assert!(decode_for_display(&good[..good.len() / 2], 200).is_err());
    // Another format under a PNG name.
    let text = b"<svg xmlns='http://www.w3.org/2000/svg'/>";
    content.write("media/thangka.png", text);
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"media/thangka.png\"",
        "is not a PNG or JPEG",
    );
    assert!(decode_for_display(text, 200).is_err());
    // A decompression bomb: 4096 × 4096 at 16 bits a channel is 128 MiB decoded from a small file.
    let mut bomb = Vec::new();
    image::DynamicImage::ImageRgba16(image::ImageBuffer::new(4096, 4096))
        .write_to(
            &mut std::io::Cursor::new(&mut bomb),
            image::ImageFormat::Png,
        )
        .unwrap();
    assert!(
        bomb.len() < 2 << 20,
        "the file is small: {} bytes",
        bomb.len()
    );
    content.write("media/thangka.png", &bomb);
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"media/thangka.png\"",
        "MiB decoded",
    );
    assert!(
        decode_for_display(&bomb, 200)
            .unwrap_err()
            .contains("MiB decoded")
    );
    // A path out of the content folder.
    content.replace(
        "zones/np.zone.ron",
        "\"media/thangka.png\"",
        "\"../thangka.png\"",
    );
    assert_problem_at(
        &content,
        "zones/np.zone.ron",
        "\"../thangka.png\"",
        "image path",
    );
}

#[test]
fn an_environment_cube_map_that_is_missing_flat_or_not_ktx2_is_reported_where_the_hall_names_it() {
    let content = TempContent::new();
    // A flat (2D) KTX2 picture: its header says one face.
    let mut flat = content.read_bytes("env/warehouse_diffuse.ktx2");
    flat[36..40].copy_from_slice(&1u32.to_le_bytes());
    content.write("env/warehouse_diffuse.ktx2", &flat);
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"env/warehouse_diffuse.ktx2\"",
        "should have 6 faces",
    );
    // A picture under a .ktx2 name.
    content.write(
        "env/warehouse_specular.ktx2",
        content.read_bytes("flags/np.png"),
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"env/warehouse_specular.ktx2\"",
        "is not a KTX2 file",
    );
    // Not there at all.
    content.replace(
        "halls/n2.hall.ron",
        "\"env/warehouse_diffuse.ktx2\"",
        "\"env/none.ktx2\"",
    );
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "\"env/none.ktx2\"",
        "does not exist",
    );
    content.replace("halls/n2.hall.ron", "intensity: 400.0", "intensity: -1.0");
    assert_problem_at(
        &content,
        "halls/n2.hall.ron",
        "intensity: -1.0",
        "0 or more",
    );
}

#[test]
fn a_title_banner_with_no_room_above_the_north_row_is_left_out_with_a_warning() {
    let content = TempContent::new();
    let source = ContentSource::Dir(content.dir.clone());
    let hall = crate::support::main_hall();
    let quiet = validate(&source, &hall);
    assert!(
        !quiet
            .warnings
            .iter()
            .any(|w| w.message.contains("title banner")),
        "raised above the north row, the shipped banner needs no word"
    );
    content.replace(
        "halls/n2.hall.ron",
        "wall_height: 14.0,",
        "wall_height: 8.0,",
    );
    let report = validate(&source, &hall);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.message.contains("title banner"))
        .expect("a warning about the banner");
    assert!(warning.message.contains("is left out"), "{warning}");
    assert!(warning.to_string().contains("n2.hall.ron:"), "{warning}");
}
