//! The two sample fairs under `tests/fairs/` (German–English, Kazakh–Russian), which share no file
//! with Hall N2: each validates clean, lists and builds its hall in its own languages, with its
//! own interface words.

use std::path::PathBuf;

use bevy::prelude::*;
use expo_hall::{
    content::{
        exhibition::hall_languages, model::AreaRef, source::ContentSource, validate::validate,
    },
    hall::{self, Sign, SignKind},
    i18n::{Catalogs, CurrentLang, Word},
    screens,
};

use crate::support::{lang, load_exhibition};

fn fair(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fairs")
        .join(name)
}

/// The words a fair's own catalog gives `key` (its first line).
fn catalog_word(name: &str, file: &str, key: &str) -> String {
    let text = std::fs::read_to_string(fair(name).join("i18n").join(file)).unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{file} has {key}"))
        .trim()
        .to_owned()
}

#[test]
fn both_sample_fairs_validate_clean_in_their_own_languages() {
    for (name, languages) in [
        ("baltic-maker-days", ["en", "de"]),
        ("steppe-tech", ["kk", "ru"]),
    ] {
        let source = ContentSource::Dir(fair(name));
        let hall = source.default_hall().expect("one hall file");
        assert!(!hall.contains("n2"), "{hall}");
        let report = validate(&source, &hall);
        assert!(report.problems.is_empty(), "{name}: {:#?}", report.problems);
        assert!(report.warnings.is_empty(), "{name}: {:#?}", report.warnings);
        let declared = hall_languages(&source, &hall);
        assert_eq!(declared, languages.map(lang), "{name}");
        let catalogs = Catalogs::load(&source, &declared);
        let check = catalogs.check();
        assert!(
            check.problems.is_empty() && check.warnings.is_empty(),
            "{name}: {check:#?}"
        );
        assert!(
            catalogs.problems.is_empty(),
            "{name}: {:#?}",
            catalogs.problems
        );
    }
}

#[test]
fn each_fair_speaks_its_own_interface_words() {
    let baltic = ContentSource::Dir(fair("baltic-maker-days"));
    let catalogs = Catalogs::load(&baltic, &[lang("en"), lang("de")]);
    assert_eq!(
        catalogs.text(lang("de"), Word::Directory),
        catalog_word("baltic-maker-days", "de.ftl", "directory")
    );
    assert_eq!(catalogs.language_name(lang("de")), "Deutsch");
    assert_eq!(catalogs.text(lang("en"), Word::Directory), "Directory");
    let steppe = ContentSource::Dir(fair("steppe-tech"));
    let catalogs = Catalogs::load(&steppe, &[lang("kk"), lang("ru")]);
    assert_eq!(
        catalogs.text(lang("kk"), Word::Directory),
        catalog_word("steppe-tech", "kk.ftl", "directory")
    );
    // Russian has no catalog in the folder: the built-in one speaks it.
    assert_eq!(catalogs.text(lang("ru"), Word::Directory), "Путеводитель");
}

#[test]
fn the_command_line_lists_and_validates_a_fair_in_its_languages() {
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_expo-hall"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let baltic = fair("baltic-maker-days");
    let baltic = baltic.to_str().unwrap();
    let (code, listed, _) = run(&["--lang", "de", "list", baltic]);
    assert_eq!(code, Some(0));
    for words in [
        "Baltic Maker Days",
        "Länder",
        "Lettland [lv]",
        "Roboterarm aus Sperrholz",
    ] {
        assert!(listed.contains(words), "{words}: {listed}");
    }
    // The default language is the hall's first; a language the hall does not speak is refused.
    let (_, listed, _) = run(&["list", baltic]);
    assert!(listed.contains("Latvia [lv]"), "{listed}");
    let (code, _, refused) = run(&["--lang", "zh", "list", baltic]);
    assert_eq!(code, Some(2));
    assert!(refused.contains("en, de"), "{refused}");

    let steppe = fair("steppe-tech");
    let (code, summary, _) = run(&["validate", steppe.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let ok = catalog_word("steppe-tech", "kk.ftl", "validate-ok");
    let opening = ok.split(':').next().unwrap();
    assert!(summary.starts_with(opening), "{summary}");
}

/// A headless app with the hall of `name` built in `language`.
fn built_fair(name: &str, language: &str) -> (App, expo_hall::content::exhibition::Exhibition) {
    let source = ContentSource::Dir(fair(name));
    let mut app = crate::support::content_app(source);
    crate::support::scene_assets(&mut app)
        .insert_resource(CurrentLang(lang(language)))
        .add_plugins(hall::plugin);
    let (exhibition, problems) = load_exhibition(&mut app);
    assert!(problems.is_empty(), "{problems:#?}");
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(
        *app.world().resource::<State<screens::Screen>>().get(),
        screens::Screen::Hall
    );
    (app, exhibition)
}

fn fascia_words(
    app: &mut App,
    exhibition: &expo_hall::content::exhibition::Exhibition,
    zone: &str,
    language: &str,
) -> String {
    let world = app.world_mut();
    let sign = world
        .query::<&Sign>()
        .iter(world)
        .find(|s| {
            s.kind
                == SignKind::Fascia {
                    area: AreaRef::zone(zone),
                }
        })
        .unwrap_or_else(|| panic!("{zone} has a fascia"))
        .kind
        .clone();
    hall::sign_layout(&sign, exhibition, lang(language), 1024, 128)
        .lines
        .iter()
        .map(|line| line.text.clone())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn a_fair_builds_its_hall_with_its_names_once_where_they_are_the_same() {
    let (mut app, exhibition) = built_fair("baltic-maker-days", "de");
    assert_eq!(
        fascia_words(&mut app, &exhibition, "lv", "de"),
        "Lettland   Latvia"
    );
    assert_eq!(
        fascia_words(&mut app, &exhibition, "lv", "en"),
        "Latvia   Lettland"
    );
    let (mut app, exhibition) = built_fair("steppe-tech", "kk");
    // Georgia is «Грузия» in Kazakh and in Russian: its fascia says it once.
    assert_eq!(fascia_words(&mut app, &exhibition, "ge", "kk"), "Грузия");
}

#[test]
fn the_readmes_minimal_fair_validates_as_it_is_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (_, rest) = readme
        .split_once("<!-- minimal-fair:start -->")
        .expect("the README's minimal fair");
    let (example, _) = rest.split_once("<!-- minimal-fair:end -->").unwrap();
    let dir = std::env::temp_dir().join(format!("expo-hall-readme-fair-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut files = Vec::new();
    for block in example.split("```ron\n").skip(1) {
        let (text, _) = block.split_once("```").unwrap();
        // Each block opens with a comment naming its file: `// halls/spring-fair.hall.ron: …`.
        let path = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("// "))
            .and_then(|line| line.split(':').next())
            .expect("a block names its file");
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, text).unwrap();
        files.push(path.to_owned());
    }
    assert_eq!(files.len(), 3, "a hall, a zone and a tour: {files:?}");
    let source = ContentSource::Dir(dir.clone());
    let hall = source.default_hall().expect("the example's hall");
    let report = validate(&source, &hall);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    assert_eq!((report.zones, report.exhibits, report.tours), (1, 1, 1));
    let languages = hall_languages(&source, &hall);
    assert_eq!(languages, [lang("en"), lang("de")]);
    // German has no catalog yet: one warning, as the README says, and English words meanwhile.
    let check = Catalogs::load(&source, &languages).check();
    assert!(check.problems.is_empty(), "{:#?}", check.problems);
    assert_eq!(check.warnings.len(), 1, "{:#?}", check.warnings);
    assert!(
        check.warnings[0]
            .message
            .contains("`de` has no interface catalog")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
