//! The curators' content reference (`docs/content-reference.md`), written from the schema the
//! program reads: every file kind, every type and field with its type, whether it is required,
//! its default and an example, and the hall's coordinates worked out by the layout code itself.
//! `expo-hall reference` prints it; a test holds the file in `docs/` to what this writes.

use std::{collections::HashMap, fmt::Write};

use bevy::math::Vec2;

use crate::content::{
    layout::{self, Footprint},
    model::{Align, AreaRef, Layout, Row, Side},
    parse::walk_structs,
    ron_tree::{self, NodeKind},
    schema::{self, Field, Shape, TypeDef, Variant},
    source::ContentSource,
};

/// Where the reference lives in the repository.
pub const PATH: &str = "docs/content-reference.md";

/// The files a content folder holds that the schema reads, with their root types.
const ROOT_FILES: [(&str, &str, &str); 4] = [
    (
        "halls/<name>.hall.ron",
        "HallFile",
        "The hall: its languages, the about panel, walls and entrances, furniture, the zone and tour files, and the layout. A hall file may `extends` another and give only what differs.",
    ),
    (
        "zones/<id>.zone.ron",
        "Zone",
        "One zone: the host's zone of sectors, or one pavilion, with its exhibits.",
    ),
    (
        "tours/<id>.tour.ron",
        "TourFile",
        "A guided tour, stop by stop (also the kiosk's attract loop).",
    ),
    (
        "kiosk.ron",
        "KioskConfig",
        "The kiosk's settings (only read with `--kiosk`; every field has a default).",
    ),
];

/// The other files of a content folder.
const OTHER_FILES: [(&str, &str); 8] = [
    (
        "i18n/<tag>.ftl",
        "The interface's words in one language, a [Fluent](https://projectfluent.org) catalog with the keys of `src/i18n/word.rs` (`language-name` is the language's own name on the switch). A declared language without one is shown word by word in the first declared language that has one, and `validate` warns once.",
    ),
    (
        "fonts/*.ttf, fonts/*.otf",
        "Fonts beyond the built-in ones (Noto Sans for Latin and Cyrillic, a Noto Sans CJK subset): a script they lack needs one here, and `validate` names a script no font covers.",
    ),
    (
        "images/, flags/, names/",
        "Pictures (PNG or JPEG, at most 4096 pixels a side): an exhibit's `media`, a pavilion's `flag_image`, a native name's `print`.",
    ),
    (
        "models/*.glb",
        "Binary glTF models in metres, base at y = 0: displays' `models`, the furnishing's plants, people and stools.",
    ),
    (
        "env/*.ktx2",
        "The two cube maps of the shell's `environment` light.",
    ),
    (
        "audio/<tag>/*.ogg",
        "Narration in one language, stamped with the text it speaks (`expo-hall narration`).",
    ),
    (
        "CREDITS.md",
        "Author, source and licence of every bundled file, shown in the about panel.",
    ),
    (
        "<name>.ron elsewhere",
        "Not read: only the files a hall names (and `kiosk.ron`) are content.",
    ),
];

/// How the values that have a reader of their own are written.
const VALUES: [(&str, &str, &str); 4] = [
    (
        "Text",
        "Words for visitors, one entry per language tag of the hall: the default language first by custom. A language left out is shown in another; `validate` reports every text that lacks a declared language and every key that is none (`eng:`). A tag with a region is written raw: `r#pt-BR: \"…\"`.",
        "(en: \"Latvia\", de: \"Lettland\")",
    ),
    (
        "Lang",
        "A BCP 47 language tag written as a name: `en`, `de`, `kk`, `zh`, raw where it has a region or script (`r#pt-BR`, `r#zh-Hant`). Case and `_` are made canonical (`PT_br` is `pt-BR`).",
        "en",
    ),
    (
        "Colour",
        "`\"#RRGGBB\"`. A colour that is not one still loads (grey), and `validate` reports it at its place.",
        "\"#1F5FA8\"",
    ),
    (
        "AreaRef",
        "A booth: a pavilion's zone id, or a zone and one of its sectors joined by `/`.",
        "\"cn/logistics\"",
    ),
];

/// The reference, with examples from the content built into the program.
pub fn markdown() -> String {
    markdown_with_examples_from(&ContentSource::Embedded)
}

/// The reference, with each field's example taken from `examples` where it writes the field.
pub fn markdown_with_examples_from(examples: &ContentSource) -> String {
    let examples = Examples::read(examples);
    let mut out = String::new();
    out.push_str(INTRO);
    files_section(&mut out);
    out.push_str(WRITING);
    coordinates_section(&mut out);
    values_section(&mut out);
    let mut shown: Vec<String> = VALUES
        .iter()
        .map(|(name, _, _)| (*name).to_owned())
        .collect();
    for (file, root, _) in ROOT_FILES {
        let _ = writeln!(out, "\n## `{file}`\n");
        for ty in reachable(root, &mut shown) {
            type_section(&mut out, ty, &examples);
        }
    }
    out
}

const INTRO: &str = "# Content reference

Every file of a content folder and every field the program reads from it. This page is written by
`expo-hall reference` from the types the program reads (`src/content/model.rs`,
`src/kiosk/config.rs`) and the layout code itself; a test fails when it differs from what the
program writes, so run `expo-hall reference > docs/content-reference.md` after changing a type or
its doc comment. The examples are taken from the content built into the program (Hall N2), where it
writes the field. The README's *Authoring content* opens with a complete minimal fair.

";

const WRITING: &str = "
## How a file is written

- Files are [RON](https://github.com/ron-rs/ron): `Name(field: value, …)` for a struct, `[a, b]`
  for a list, `\"…\"` for a string, `//` for a comment. Fields may come in any order.
- A **required** field must be written; a file that leaves any out is refused with every missing
  field named at once, each at its `file:line:col`. An **optional** field left out takes its
  default. `Some(…)` may be left out around an optional value (`flag_image: \"flags/ee.png\"`).
- Units are metres and compass degrees; colours are `\"#RRGGBB\"`.
- `expo-hall validate DIR` checks a folder without opening a window, and the hall reloads a file
  while it runs (`--content DIR`): a file with an error keeps its last good version on screen.
";

fn files_section(out: &mut String) {
    out.push_str(
        "## The files of a content folder\n\n| File | Read as | What it holds |\n|---|---|---|\n",
    );
    for (file, root, what) in ROOT_FILES {
        let _ = writeln!(out, "| `{file}` | {} | {what} |", link(root));
    }
    for (file, what) in OTHER_FILES {
        let _ = writeln!(out, "| `{file}` | | {what} |");
    }
}

fn coordinates_section(out: &mut String) {
    out.push_str(
        "
## Coordinates and directions

The hall's origin is the centre of its floor. `x` runs east, `z` runs south (towards the main
entrance, at the bottom of the floor plan); heights are `y`, up from the floor. A bearing is a
compass angle in degrees: 0 looks north (−z), 90 east (+x), 180 south, 270 west.

```text
                        north wall, z = −depth/2
          ┌───────────────────────────────────────────────┐
          │                   bearing 0                   │
          │                      −z                       │
          │                       ▲                       │
   west   │ bearing 270  −x ◀── (0, 0) ──▶ +x  bearing 90 │   east
 x = −w/2 │                       ▼                       │ x = +w/2
          │                      +z                       │
          │                  bearing 180                  │
          └───────────────[ main entrance ]───────────────┘
                        south wall, z = +depth/2
```

**A booth's own axes.** What stands in a booth (an exhibit's `place`) is written in the booth's
axes, from its centre: `x` across the booth, + to the right of a visitor who faces its open front
from the aisle; `z` from the back wall (−) to the open front (+). `turn` 0 faces the open front.
For each way a booth can face:

| `facing` | open front towards | booth +x is hall | booth +z is hall |
|---|---|---|---|
",
    );
    for facing in [Side::South, Side::North, Side::East, Side::West] {
        let booth = Footprint {
            area: AreaRef::zone("x"),
            centre: Vec2::ZERO,
            width: 8.0,
            depth: 6.0,
            facing,
        };
        let _ = writeln!(
            out,
            "| `{facing:?}` | {} | {} | {} |",
            compass(facing.vector()),
            compass(booth.to_hall(Vec2::X)),
            compass(booth.to_hall(Vec2::Y)),
        );
    }
    out.push_str(
        "
**A row of booths.** A layout row places its `areas` one after another in the direction `runs`,
`gap` metres apart, each with its open front towards `facing` (across the row). Every booth's
back edge lies on the line through `start`; `align` says which point of that line `start` is:
the row's first corner (`Start`), its middle (`Centre`) or its last corner (`End`).

```text
  align: Start      start ●───────────── runs East ─────────────▶
                          ┌──────────┐  gap  ┌──────────┐      back edges on the line
                          │  booth 1 │       │  booth 2 │
                          └── front ─┘       └── front ─┘
                               ▼ facing South
```

Worked out by the layout code for two booths 8 m wide and 6 m deep,
`(start: (0.0, -10.5), runs: East, facing: South, gap: 3.0, areas: [\"a\", \"b\"])`:

| `align` | booth a covers | booth b covers |
|---|---|---|
",
    );
    for align in [Align::Start, Align::Centre, Align::End] {
        let areas = [AreaRef::zone("a"), AreaRef::zone("b")];
        let layout = Layout {
            min_aisle: 3.0,
            rows: vec![Row {
                start: (0.0, -10.5),
                runs: Side::East,
                facing: Side::South,
                gap: 3.0,
                align,
                areas: areas.to_vec(),
            }],
        };
        let sizes: HashMap<AreaRef, (f32, f32)> =
            areas.iter().map(|a| (a.clone(), (8.0, 6.0))).collect();
        let (footprints, _) = layout::place(&layout, &sizes);
        let covers = |f: &Footprint| {
            let r = f.rect();
            format!(
                "x {} … {}, z {} … {}",
                metres(r.min.x),
                metres(r.max.x),
                metres(r.min.y),
                metres(r.max.y)
            )
        };
        let _ = writeln!(
            out,
            "| `{align:?}` | {} | {} |",
            covers(&footprints[0]),
            covers(&footprints[1])
        );
    }
}

fn values_section(out: &mut String) {
    out.push_str("\n## Values written in one piece\n\n| Type | How it is written | Example |\n|---|---|---|\n");
    for (name, how, example) in VALUES {
        let _ = writeln!(
            out,
            "| <a id=\"{}\"></a>`{name}` | {how} | `{}` |",
            anchor(name),
            cell(example)
        );
    }
}

/// The types reachable from `root` through fields, newtype variants and struct variants, in the
/// order they are met, leaving out those in `shown` (and adding them to it).
fn reachable(root: &str, shown: &mut Vec<String>) -> Vec<&'static TypeDef> {
    let mut queue = std::collections::VecDeque::from([root.to_owned()]);
    let mut found = Vec::new();
    while let Some(name) = queue.pop_front() {
        let Some(ty) = schema::find(&name) else {
            continue;
        };
        if shown.contains(&ty.name) {
            continue;
        }
        shown.push(ty.name.clone());
        found.push(ty);
        let field_types = |fields: &[Field]| -> Vec<String> {
            fields
                .iter()
                .flat_map(|f| schema::named_types(&f.ty))
                .collect()
        };
        match &ty.shape {
            Shape::Struct(fields) => queue.extend(field_types(fields)),
            Shape::Enum(variants) => {
                for variant in variants {
                    if let Some(wrapped) = &variant.wraps {
                        queue.extend(schema::named_types(wrapped));
                    }
                    if let Some(fields) = &variant.fields {
                        queue.extend(field_types(fields));
                    }
                }
            }
            Shape::Value => {}
        }
    }
    found
}

fn type_section(out: &mut String, ty: &TypeDef, examples: &Examples) {
    let _ = writeln!(
        out,
        "### <a id=\"{}\"></a>`{}`\n",
        anchor(&ty.name),
        ty.name
    );
    if !ty.doc.is_empty() {
        let _ = writeln!(out, "{}\n", ty.doc);
    }
    match &ty.shape {
        Shape::Struct(fields) => {
            let _ = writeln!(out, "Written `{}( … )` or `( … )`.\n", ty.name);
            field_table(out, &ty.name, fields, examples);
        }
        Shape::Enum(variants) => variant_table(out, &ty.name, variants, examples),
        Shape::Value => {
            let _ = writeln!(
                out,
                "Written as one value (see its doc comment in the source).\n"
            );
        }
    }
}

fn field_table(out: &mut String, of: &str, fields: &[Field], examples: &Examples) {
    out.push_str(
        "| Field | Type | Required | Default | Example | What it is |\n|---|---|---|---|---|---|\n",
    );
    for field in fields {
        let example = examples
            .of(of, &field.name)
            .unwrap_or_else(|| example_of(&field.ty));
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | `{}` | {} |",
            field.name,
            type_words(&field.ty),
            if field.required {
                "**required**"
            } else {
                "optional"
            },
            field
                .default
                .as_deref()
                .map_or_else(String::new, |d| format!("`{}`", cell(d))),
            cell(&example),
            cell(&field.doc),
        );
    }
    out.push('\n');
}

fn variant_table(out: &mut String, of: &str, variants: &[Variant], examples: &Examples) {
    out.push_str("| Written | What it is |\n|---|---|\n");
    for variant in variants {
        let written = match (&variant.wraps, &variant.fields) {
            (Some(wrapped), _) => format!("`{}(…)` with a {}", variant.name, type_words(wrapped)),
            (_, Some(fields)) => {
                let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                format!("`{}({}: …)`", variant.name, names.join(": …, "))
            }
            _ => format!("`{}`", variant.name),
        };
        let default = if variant.is_default {
            " (the default)"
        } else {
            ""
        };
        let _ = writeln!(out, "| {written}{default} | {} |", cell(&variant.doc));
    }
    out.push('\n');
    for variant in variants {
        if let Some(fields) = variant.fields.as_ref().filter(|f| !f.is_empty()) {
            let _ = writeln!(out, "Fields of `{of}::{}`:\n", variant.name);
            field_table(out, &variant.name, fields, examples);
        }
    }
}

/// The type of a field in words, with links to the types of the schema.
fn type_words(ty: &str) -> String {
    let ty = ty.trim();
    let inner = |prefix: &str| ty.strip_prefix(prefix).and_then(|t| t.strip_suffix('>'));
    if let Some(t) = inner("Option<") {
        return format!("{} or `None`", type_words(t));
    }
    if let Some(t) = inner("Vec<") {
        return format!("list of {}", type_words(t));
    }
    if let Some(t) = inner("Box<") {
        return type_words(t);
    }
    match ty {
        "f32" | "f64" => "number".to_owned(),
        "u32" | "u64" | "usize" => "whole number".to_owned(),
        "bool" => "`true` or `false`".to_owned(),
        "String" => "string".to_owned(),
        "(f32, f32)" => "`(a, b)`, two numbers".to_owned(),
        "(f32, f32, f32)" => "`(x, y, z)`, three numbers".to_owned(),
        _ => match schema::find(ty.rsplit("::").next().unwrap_or(ty)) {
            Some(def) => link(&def.name),
            None => format!("`{ty}`"),
        },
    }
}

/// An example of a value of type `ty`, where the content writes none.
fn example_of(ty: &str) -> String {
    let ty = ty.trim();
    let inner = |prefix: &str| ty.strip_prefix(prefix).and_then(|t| t.strip_suffix('>'));
    if let Some(t) = inner("Option<").or_else(|| inner("Box<")) {
        return example_of(t);
    }
    if let Some(t) = inner("Vec<") {
        return format!("[{}]", example_of(t));
    }
    match ty {
        "f32" | "f64" => "2.5".to_owned(),
        "u32" | "u64" | "usize" => "2".to_owned(),
        "bool" => "true".to_owned(),
        "String" => "\"…\"".to_owned(),
        "Text" => "(en: \"…\", de: \"…\")".to_owned(),
        "(f32, f32)" => "(0.0, -10.5)".to_owned(),
        "(f32, f32, f32)" => "(0.0, 0.5, 0.0)".to_owned(),
        _ => {
            if let Some((_, _, example)) = VALUES.iter().find(|(name, _, _)| *name == ty) {
                return (*example).to_owned();
            }
            match schema::find(ty).map(|t| &t.shape) {
                Some(Shape::Enum(variants)) => variants.first().map_or_else(String::new, |v| {
                    if v.wraps.is_some() || v.fields.is_some() {
                        format!("{}(…)", v.name)
                    } else {
                        v.name.clone()
                    }
                }),
                _ => "(…)".to_owned(),
            }
        }
    }
}

/// The shortest one-line value the content writes for each field of each type.
struct Examples(HashMap<(String, String), String>);

impl Examples {
    /// The longest example a table cell takes.
    const LONGEST: usize = 90;

    fn read(source: &ContentSource) -> Examples {
        let mut found: HashMap<(String, String), String> = HashMap::new();
        let mut files = source.files();
        files.sort();
        for path in files {
            let root = if path.ends_with(".hall.ron") {
                "HallFile"
            } else if path.ends_with(".zone.ron") {
                "Zone"
            } else if path.ends_with(".tour.ron") {
                "TourFile"
            } else if path == "kiosk.ron" {
                "KioskConfig"
            } else {
                continue;
            };
            let Ok(text) = source.read_text(&path) else {
                continue;
            };
            let Some(tree) = ron_tree::parse(&text) else {
                continue;
            };
            walk_structs(&tree, root, &mut |node, of, _| {
                let NodeKind::Struct { fields, .. } = &node.kind else {
                    return;
                };
                for (key, _, value) in fields {
                    let written = &text[value.span.clone()];
                    if written.contains("//") && written.contains('\n') {
                        continue;
                    }
                    let one_line = written.split_whitespace().collect::<Vec<_>>().join(" ");
                    let one_line = one_line
                        .replace("( ", "(")
                        .replace(", )", ")")
                        .replace(",)", ")");
                    if one_line.chars().count() > Self::LONGEST {
                        continue;
                    }
                    let slot = found.entry((of.to_owned(), key.clone())).or_default();
                    if slot.is_empty() || one_line.chars().count() < slot.chars().count() {
                        *slot = one_line;
                    }
                }
            });
        }
        Examples(found)
    }

    fn of(&self, ty: &str, field: &str) -> Option<String> {
        self.0.get(&(ty.to_owned(), field.to_owned())).cloned()
    }
}

fn link(name: &str) -> String {
    format!("[`{name}`](#{})", anchor(name))
}

fn anchor(name: &str) -> String {
    name.to_lowercase()
}

/// Text made safe for a table cell, a doc comment's ``[`Name`]`` made a link to its section.
fn cell(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("[`") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find("`]") {
            Some(end) if !after[end + 2..].starts_with('(') => {
                out.push_str(&link(&after[..end]));
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("[`");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('|', "\\|").replace('\n', " ")
}

fn metres(value: f32) -> String {
    format!("{:.1}", value + 0.0).replace('-', "−")
}

/// The compass name of a floor-plan direction.
fn compass(direction: Vec2) -> &'static str {
    match (direction.x.round() as i32, direction.y.round() as i32) {
        (0, -1) => "north (−z)",
        (1, 0) => "east (+x)",
        (0, 1) => "south (+z)",
        (-1, 0) => "west (−x)",
        _ => "a diagonal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_names_every_field_of_every_file_with_its_requirement() {
        let text = markdown();
        let mut shown: Vec<String> = VALUES
            .iter()
            .map(|(name, _, _)| (*name).to_owned())
            .collect();
        for (_, root, _) in ROOT_FILES {
            for ty in reachable(root, &mut shown) {
                assert!(
                    text.contains(&format!("### <a id=\"{}\"></a>", anchor(&ty.name))),
                    "{}",
                    ty.name
                );
            }
        }
        for ty in schema::types() {
            let documented = match &ty.shape {
                Shape::Struct(fields) => fields.iter().all(|f| !f.doc.is_empty()),
                Shape::Enum(variants) => variants.iter().all(|v| {
                    !v.doc.is_empty() && v.fields.iter().flatten().all(|f| !f.doc.is_empty())
                }),
                Shape::Value => true,
            };
            assert!(
                documented,
                "a field or variant of `{}` has no doc comment",
                ty.name
            );
        }
        for name in [
            "dates",
            "offset",
            "outlet",
            "seen_across_pavilions",
            "sources",
            "subtitle",
            "timeline",
            "venue",
            "wall_height",
        ] {
            assert!(text.contains(&format!("| `{name}` |")), "{name}");
        }
        assert!(
            text.contains("| `layout` | [`Layout`](#layout) | **required** |"),
            "{text}"
        );
        assert!(text.contains("| `gap` | number | optional | `3.0` |"));
        assert!(
            text.contains("| `style` | [`BoothStyle`](#boothstyle) | optional | `ShellScheme` |")
        );
    }

    #[test]
    fn the_reference_in_docs_is_what_the_program_writes() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/", "docs/content-reference.md");
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == markdown(),
            "{PATH} is out of date: run `cargo run -- reference > {PATH}`"
        );
    }

    #[test]
    fn booth_axes_and_rows_are_worked_out_by_the_layout_code() {
        let text = markdown();
        assert!(
            text.contains("| `South` | south (+z) | east (+x) | south (+z) |"),
            "{text}"
        );
        assert!(text.contains("| `North` | north (−z) | west (−x) | north (−z) |"));
        assert!(
            text.contains(
                "| `Start` | x 0.0 … 8.0, z −10.5 … −4.5 | x 11.0 … 19.0, z −10.5 … −4.5 |"
            )
        );
        assert!(text.contains("| `Centre` | x −9.5 … −1.5,"));
    }

    #[test]
    fn examples_come_from_the_content_where_it_writes_the_field() {
        let examples = Examples::read(&ContentSource::Embedded);
        let name = examples.of("Zone", "name").expect("every zone has a name");
        assert!(name.starts_with("(en: \""), "{name}");
        assert!(examples.of("Row", "runs").is_some());
        assert_eq!(example_of("Vec<Lang>"), "[en]");
    }
}
