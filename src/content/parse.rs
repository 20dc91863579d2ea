//! Turning RON text into the model, with syntax and schema errors as positioned [`Problem`]s.
//! The Bevy asset loaders and `expo-hall validate` both call these functions.

use ron::{Options, extensions::Extensions};
use serde::de::DeserializeOwned;

use super::{
    diagnostics::Problem,
    model::{HallFile, TourFile, Zone},
};

fn options() -> Options {
    // `Some(..)` may be left out around optional values: `flag_image: "flags/ru.png"`.
    Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses RON `text` from the file shown as `path` into `T`.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Problem> {
    options().from_str::<T>(text).map_err(|error| {
        Problem::at(
            path,
            text,
            error.span.start.line,
            error.span.start.col,
            explain(&error.code.to_string()),
        )
    })
}

/// RON's messages, reworded where they leave the author guessing.
fn explain(message: &str) -> String {
    if message.starts_with("Unexpected missing field") || message.contains("missing field") {
        format!(
            "{message} (every required field must be written out; see README \"Authoring content\")"
        )
    } else {
        message.to_owned()
    }
}

pub fn parse_zone(path: &str, text: &str) -> Result<Zone, Problem> {
    parse(path, text)
}

pub fn parse_hall(path: &str, text: &str) -> Result<HallFile, Problem> {
    parse(path, text)
}

pub fn parse_tour(path: &str, text: &str) -> Result<TourFile, Problem> {
    parse(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Display, ZoneKind};

    const ZONE: &str = r##"Zone(
    id: "xx",
    name: (en: "Testland", zh: "测试国"),
    kind: Pavilion((iso: "XX", group: "observer", flag_colours: ["#FF0000"],
        booth: (width: 9.0, depth: 6.0))),
    intro: (en: "Intro", zh: "简介"),
    exhibits: [
        Exhibit(id: "xx.one", title: (en: "One", zh: "一"), summary: (en: "s", zh: "摘"),
            description: (en: "d", zh: "述"), category: Product,
            place: (x: 0.0, z: 0.0), display: Plinth(colour: "#112233")),
    ],
)"##;

    #[test]
    fn parses_a_minimal_zone_with_defaults() {
        let zone = parse_zone("zones/xx.zone.ron", ZONE).expect("valid zone");
        assert_eq!(zone.id, "xx");
        assert!(matches!(zone.kind, ZoneKind::Pavilion(ref p) if p.iso == "XX"));
        let exhibit = &zone.exhibits[0];
        assert!(exhibit.tags.is_empty() && exhibit.media.is_empty());
        assert!(
            matches!(exhibit.display, Display::Plinth { ref colour, .. } if colour.rgb() == [0x11, 0x22, 0x33])
        );
    }

    #[test]
    fn syntax_errors_point_at_line_and_column() {
        let broken = ZONE.replace("id: \"xx\",", "id: \"xx\"");
        let problem = parse_zone("zones/xx.zone.ron", &broken).unwrap_err();
        assert_eq!((problem.line, problem.col), (3, 5), "{problem}");
        assert!(
            problem.to_string().starts_with("zones/xx.zone.ron:3:5: "),
            "{problem}"
        );
    }

    #[test]
    fn schema_errors_name_the_expected_thing() {
        let wrong_type = ZONE.replace("width: 9.0", "width: \"wide\"");
        let problem = parse_zone("z.ron", &wrong_type).unwrap_err();
        assert_eq!(problem.line, 5, "{problem}");
        assert!(problem.message.contains("Expected"), "{problem}");

        let unknown_variant = ZONE.replace("kind: Pavilion(", "kind: Stand(");
        let problem = parse_zone("z.ron", &unknown_variant).unwrap_err();
        assert!(problem.message.contains("Stand"), "{problem}");

        let missing = ZONE.replace("intro: (en: \"Intro\", zh: \"简介\"),", "");
        let problem = parse_zone("z.ron", &missing).unwrap_err();
        assert!(problem.message.contains("intro"), "{problem}");
    }

    #[test]
    fn optional_values_may_omit_some() {
        let with_flag = ZONE.replace("flag_colours", "flag_image: \"flags/xx.png\", flag_colours");
        let zone = parse_zone("z.ron", &with_flag).expect("implicit Some");
        let ZoneKind::Pavilion(pavilion) = zone.kind else {
            panic!("pavilion")
        };
        assert_eq!(pavilion.flag_image.as_deref(), Some("flags/xx.png"));
    }
}
