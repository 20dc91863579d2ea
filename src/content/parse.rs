//! Turning RON text into the model, with syntax and schema errors as positioned [`Problem`]s.
//! The Bevy asset loaders and `expo-hall validate` both call these functions.

use ron::{Options, extensions::Extensions};
use serde::de::DeserializeOwned;

use super::{
    diagnostics::{Problem, line_col},
    model::{HallFile, TourFile, Zone},
    ron_tree::{self, Node, NodeKind},
    schema::{self, Shape},
};

fn options() -> Options {
    // `Some(..)` may be left out around optional values: `flag_image: "flags/ru.png"`.
    Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses RON `text` from the file shown as `path` into `T`. Where fields are missing, the one
/// problem names every required field the file leaves out, each with its position, not only
/// the first that serde met.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Problem> {
    options().from_str::<T>(text).map_err(|error| {
        let message = error.code.to_string();
        if message.contains("missing field") {
            let root = std::any::type_name::<T>().rsplit("::").next().unwrap_or("");
            let missing = missing_fields(text, root);
            if let Some(first) = missing.first() {
                let (line, col) = line_col(text, first.at);
                return Problem::at(path, text, line, col, missing_message(text, &missing));
            }
        }
        Problem::at(
            path,
            text,
            error.span.start.line,
            error.span.start.col,
            explain(&message),
        )
    })
}

/// Required fields that a struct of a file leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingFields {
    /// Where the struct starts (byte offset).
    pub at: usize,
    /// Its type (`Exhibit`) or enum variant (`Plinth`).
    pub of: String,
    pub fields: Vec<String>,
}

/// Every required field `text` leaves out, walked beside the schema from its root type `root`
/// (`Zone`, `HallFile`, `TourFile`); empty where the text is not well formed RON.
pub fn missing_fields(text: &str, root: &str) -> Vec<MissingFields> {
    let mut found = Vec::new();
    if let Some(node) = ron_tree::parse(text) {
        walk_structs(&node, root, &mut |node, of, fields| {
            let written = node.fields().unwrap_or_default();
            let missing: Vec<String> = fields
                .iter()
                .filter(|f| f.required && !written.iter().any(|(key, _, _)| *key == f.name))
                .map(|f| f.name.clone())
                .collect();
            if !missing.is_empty() {
                found.push(MissingFields {
                    at: node.span.start,
                    of: of.to_owned(),
                    fields: missing,
                });
            }
        });
    }
    found
}

/// Calls `visit` with every struct (or struct variant) of a RON tree whose type the schema knows,
/// starting from `node` read as type `ty`: the node, its type or variant name and its fields.
pub fn walk_structs(node: &Node, ty: &str, visit: &mut dyn FnMut(&Node, &str, &[schema::Field])) {
    let ty = ty.trim();
    if let Some(inner) = ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')) {
        match (&node.kind, node.name()) {
            (NodeKind::Tuple { items, .. }, Some("Some")) if items.len() == 1 => {
                walk_structs(&items[0], inner, visit);
            }
            (_, Some("None")) => {}
            _ => walk_structs(node, inner, visit),
        }
        return;
    }
    if let Some(inner) = ty
        .strip_prefix("Vec<")
        .or_else(|| ty.strip_prefix("Box<"))
        .and_then(|t| t.strip_suffix('>'))
    {
        match &node.kind {
            NodeKind::List(items) if ty.starts_with("Vec<") => {
                for item in items {
                    walk_structs(item, inner, visit);
                }
            }
            _ if ty.starts_with("Box<") => walk_structs(node, inner, visit),
            _ => {}
        }
        return;
    }
    let Some(def) = schema::find(ty.rsplit("::").next().unwrap_or(ty)) else {
        return;
    };
    match &def.shape {
        Shape::Struct(fields) => struct_fields(node, &def.name, fields, visit),
        Shape::Enum(variants) => {
            let Some(variant) = node
                .name()
                .and_then(|n| variants.iter().find(|v| v.name == n))
            else {
                return;
            };
            match (&variant.fields, &variant.wraps, &node.kind) {
                (Some(fields), _, _) => struct_fields(node, &variant.name, fields, visit),
                (_, Some(wrapped), NodeKind::Tuple { items, .. }) if items.len() == 1 => {
                    walk_structs(&items[0], wrapped, visit);
                }
                _ => {}
            }
        }
        Shape::Value => {}
    }
}

fn struct_fields(
    node: &Node,
    of: &str,
    fields: &[schema::Field],
    visit: &mut dyn FnMut(&Node, &str, &[schema::Field]),
) {
    let Some(written) = node.fields() else {
        return;
    };
    visit(node, of, fields);
    for (key, _, value) in written {
        if let Some(field) = fields.iter().find(|f| f.name == *key) {
            walk_structs(value, &field.ty, visit);
        }
    }
}

/// "missing `kind` and `intro` in this Zone; `display` in the Exhibit at 20:9 …".
fn missing_message(text: &str, missing: &[MissingFields]) -> String {
    let names = |fields: &[String]| {
        let quoted: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
        match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => quoted.join(""),
        }
    };
    let count: usize = missing.iter().map(|m| m.fields.len()).sum();
    let mut parts = Vec::new();
    for (index, m) in missing.iter().enumerate() {
        if index == 0 {
            parts.push(format!("{} in this {}", names(&m.fields), m.of));
        } else {
            let (line, col) = line_col(text, m.at);
            parts.push(format!(
                "{} in the {} at {line}:{col}",
                names(&m.fields),
                m.of
            ));
        }
    }
    format!(
        "{count} required field{} missing: {} (every required field must be written out; docs/content-reference.md lists them)",
        if count == 1 { " is" } else { "s are" },
        parts.join("; ")
    )
}

/// RON's messages, reworded where they leave the author guessing.
fn explain(message: &str) -> String {
    if message.starts_with("Unexpected missing field") || message.contains("missing field") {
        format!(
            "{message} (every required field must be written out; see docs/content-reference.md)"
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
    fn every_missing_required_field_is_named_at_once_with_its_place() {
        let broken = ZONE
            .replace("    intro: (en: \"Intro\", zh: \"简介\"),\n", "")
            .replace("category: Product,", "")
            .replace("place: (x: 0.0, z: 0.0), ", "")
            .replace("booth: (width: 9.0, depth: 6.0)", "booth: (width: 9.0)");
        let problem = parse_zone("zones/xx.zone.ron", &broken).unwrap_err();
        let message = &problem.message;
        assert!(
            message.starts_with("4 required fields are missing"),
            "{message}"
        );
        for named in [
            "`intro` in this Zone",
            "`depth` in the Booth at",
            "`category` and `place` in the Exhibit at",
        ] {
            assert!(message.contains(named), "{named}: {message}");
        }
        assert_eq!((problem.line, problem.col), (1, 1), "{problem}");
    }

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
