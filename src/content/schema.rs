//! The content schema as data: every type of `model.rs` (and the kiosk's settings) with its
//! fields, their types, whether a file must write them, their defaults and their doc comments,
//! read from those source files as the program was built. The curators' reference
//! (`expo-hall reference`, `docs/content-reference.md`) and the validator's list of every
//! missing field come from it, so neither can drift from the types serde reads.

use std::sync::LazyLock;

/// The sources the schema is read from: the model, then the kiosk's settings.
const SOURCES: [&str; 2] = [include_str!("model.rs"), include_str!("../kiosk/config.rs")];

/// A field of a struct (or of an enum's struct variant).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    /// The Rust type as written: `Vec<Text>`, `Option<Colour>`, `(f32, f32)`.
    pub ty: String,
    /// Whether a file must write it: serde fails without it.
    pub required: bool,
    /// What it is when left out, where the source says (`3.0`, `true`, `None`, `[]`).
    pub default: Option<String>,
    pub doc: String,
}

/// An enum's variant: `Hall`, `Area(AreaRef)`, `Plinth { colour, models }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    /// The type inside `Name(…)`, for a newtype variant.
    pub wraps: Option<String>,
    /// The fields of `Name { … }`, for a struct variant.
    pub fields: Option<Vec<Field>>,
    pub doc: String,
    /// Whether it is the enum's `#[default]`: what a field of the enum's type left out is.
    pub is_default: bool,
}

/// What a type is.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Struct(Vec<Field>),
    Enum(Vec<Variant>),
    /// Written as one value with a reader of its own (a colour, an area, a language, a text).
    Value,
}

/// A type of the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub name: String,
    pub doc: String,
    pub shape: Shape,
}

/// Every type the schema sources declare, in source order.
pub fn types() -> &'static [TypeDef] {
    static TYPES: LazyLock<Vec<TypeDef>> = LazyLock::new(|| {
        let mut types: Vec<TypeDef> = SOURCES.iter().flat_map(|s| parse_types(s)).collect();
        name_type_defaults(&mut types);
        types
    });
    &TYPES
}

/// A type of the schema by name.
pub fn find(name: &str) -> Option<&'static TypeDef> {
    types().iter().find(|t| t.name == name)
}

/// The types a field of type `ty` names (`Vec<Option<Exhibit>>` → `Exhibit`), outermost first.
pub fn named_types(ty: &str) -> Vec<String> {
    ty.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|word| !word.is_empty())
        .map(|word| word.rsplit("::").next().unwrap_or(word).to_owned())
        .filter(|word| find(word).is_some())
        .collect()
}

/// The type a field of type `ty` holds once `Option`, `Vec` and `Box` are looked through, when
/// it is a type of the schema.
pub fn inner_type(ty: &str) -> Option<&'static TypeDef> {
    let mut ty = ty.trim();
    loop {
        let unwrapped = ["Option<", "Vec<", "Box<"]
            .iter()
            .find_map(|w| ty.strip_prefix(w).and_then(|rest| rest.strip_suffix('>')));
        match unwrapped {
            Some(inner) => ty = inner.trim(),
            None => break,
        }
    }
    find(ty.rsplit("::").next().unwrap_or(ty))
}

/// Reads the `pub struct` and `pub enum` items of a Rust source, with their doc comments and
/// serde attributes, and the bodies of the small functions that defaults name.
fn parse_types(source: &str) -> Vec<TypeDef> {
    let lines: Vec<&str> = source.lines().collect();
    let default_fns = default_functions(&lines);
    let mut types = Vec::new();
    let mut doc = Vec::new();
    let mut attributes = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim();
        index += 1;
        if let Some(text) = line.strip_prefix("///") {
            doc.push(text.trim().to_owned());
            continue;
        }
        if line.starts_with("#[") {
            attributes.push(line.to_owned());
            continue;
        }
        let item = line
            .strip_prefix("pub struct ")
            .map(|rest| (true, rest))
            .or_else(|| line.strip_prefix("pub enum ").map(|rest| (false, rest)));
        let Some((is_struct, rest)) = item else {
            if !line.is_empty() {
                doc.clear();
                attributes.clear();
            }
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let derives_serde = attributes.iter().any(|a| a.contains("Deserialize"));
        let reads_itself = attributes
            .iter()
            .any(|a| a.contains("try_from") || a.contains("from ="));
        let container_default = attributes
            .iter()
            .any(|a| a.starts_with("#[serde(") && a.contains("default"));
        let type_doc = doc.join(" ");
        doc.clear();
        attributes.clear();
        // The body: up to the matching closing brace (a unit or tuple struct has none).
        let mut body = Vec::new();
        if rest.trim_end().ends_with('{') {
            let mut depth = 1;
            while index < lines.len() && depth > 0 {
                let l = lines[index];
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                if depth > 0 {
                    body.push(l);
                } else if let Some(before) = l.rsplit_once('}').map(|(b, _)| b)
                    && !before.trim().is_empty()
                {
                    body.push(before);
                }
                index += 1;
            }
        }
        let shape = if !derives_serde || reads_itself {
            Shape::Value
        } else if is_struct {
            Shape::Struct(parse_fields(&body, container_default, &default_fns, true))
        } else {
            Shape::Enum(parse_variants(&body, &default_fns))
        };
        types.push(TypeDef {
            name,
            doc: type_doc,
            shape,
        });
    }
    types
}

/// `fn name() -> T { value }` functions: what `#[serde(default = "name")]` fills in.
fn default_functions(lines: &[&str]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("fn ") else {
            continue;
        };
        let Some((name, _)) = rest.split_once("()") else {
            continue;
        };
        if let (Some(body), Some(end)) = (lines.get(i + 1), lines.get(i + 2))
            && end.trim() == "}"
        {
            found.push((name.to_owned(), body.trim().to_owned()));
        }
    }
    found
}

fn parse_fields(
    body: &[&str],
    container_default: bool,
    default_fns: &[(String, String)],
    public: bool,
) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut doc = Vec::new();
    let mut serde_default: Option<Option<String>> = None;
    for line in body {
        let line = line.trim();
        if let Some(text) = line.strip_prefix("///") {
            doc.push(text.trim().to_owned());
            continue;
        }
        if line.starts_with("#[serde(") {
            if let Some(at) = line.find("default = \"") {
                let name: String = line[at + 11..].chars().take_while(|c| *c != '"').collect();
                let value = default_fns
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone());
                serde_default = Some(value);
            } else if line.contains("default") {
                serde_default = Some(None);
            }
            continue;
        }
        if line.starts_with("#[") || line.starts_with("//") || line.is_empty() {
            continue;
        }
        let declaration = if public {
            line.strip_prefix("pub ")
        } else {
            Some(line)
        };
        let Some((name, ty)) = declaration.and_then(|d| d.split_once(':')) else {
            doc.clear();
            continue;
        };
        let name = name.trim().to_owned();
        let ty = ty.trim().trim_end_matches(',').trim().to_owned();
        let optional = ty.starts_with("Option<");
        let required = !optional && serde_default.is_none() && !container_default;
        let default = match &serde_default {
            Some(Some(value)) => Some(value.clone()),
            _ if optional => Some("None".to_owned()),
            Some(None) | None if !required => Some(type_default(&ty)),
            _ => None,
        };
        fields.push(Field {
            name,
            ty,
            required,
            default,
            doc: doc.join(" "),
        });
        doc.clear();
        serde_default = None;
    }
    fields
}

/// What `Default::default()` of a field type is, as a file would write it.
fn type_default(ty: &str) -> String {
    match ty {
        "f32" | "f64" => "0.0".to_owned(),
        "u32" | "usize" => "0".to_owned(),
        "bool" => "false".to_owned(),
        "String" => "\"\"".to_owned(),
        "(f32, f32)" => "(0.0, 0.0)".to_owned(),
        "(f32, f32, f32)" => "(0.0, 0.0, 0.0)".to_owned(),
        _ if ty.starts_with("Vec<") => "[]".to_owned(),
        // Named once every type is read: [`name_type_defaults`].
        _ => TYPE_DEFAULT.to_owned(),
    }
}

/// Stands for "the default of a type of the schema" until all types are read.
const TYPE_DEFAULT: &str = "\u{0}type default";

/// An enum's default is its `#[default]` variant; anything else left out is empty.
fn name_type_defaults(types: &mut [TypeDef]) {
    let enum_defaults: Vec<(String, Option<String>)> = types
        .iter()
        .filter_map(|t| match &t.shape {
            Shape::Enum(variants) => Some((
                t.name.clone(),
                variants
                    .iter()
                    .find(|v| v.is_default)
                    .map(|v| v.name.clone()),
            )),
            _ => None,
        })
        .collect();
    let name = |field: &mut Field| {
        if field.default.as_deref() == Some(TYPE_DEFAULT) {
            let ty = field.ty.rsplit("::").next().unwrap_or(&field.ty);
            let wording = match enum_defaults.iter().find(|(e, _)| e == ty) {
                Some((_, Some(variant))) => variant.clone(),
                Some((_, None)) => "its default variant".to_owned(),
                None => "empty".to_owned(),
            };
            field.default = Some(wording);
        }
    };
    for ty in types.iter_mut() {
        match &mut ty.shape {
            Shape::Struct(fields) => fields.iter_mut().for_each(name),
            Shape::Enum(variants) => variants
                .iter_mut()
                .flat_map(|v| v.fields.iter_mut().flatten())
                .for_each(name),
            Shape::Value => {}
        }
    }
}

fn parse_variants(body: &[&str], default_fns: &[(String, String)]) -> Vec<Variant> {
    let mut variants = Vec::new();
    let mut doc = Vec::new();
    let mut is_default = false;
    let mut index = 0;
    while index < body.len() {
        let line = body[index].trim();
        index += 1;
        if let Some(text) = line.strip_prefix("///") {
            doc.push(text.trim().to_owned());
            continue;
        }
        if line == "#[default]" {
            is_default = true;
            continue;
        }
        if line.starts_with("#[") || line.starts_with("//") || line.is_empty() {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        let rest = line[name.len()..].trim();
        let (wraps, fields) = if let Some(inner) = rest.strip_prefix('(') {
            let inner = inner.trim_end_matches(',').trim_end_matches(')');
            (Some(inner.trim().to_owned()), None)
        } else if let Some(inner) = rest.strip_prefix('{') {
            // `Name { a: T, b: U },` on one line, or a block up to its `},`.
            let mut block: Vec<String> = Vec::new();
            if let Some((one_line, _)) = inner.split_once('}') {
                block.extend(one_line.split(',').map(|f| format!("{},", f.trim())));
            } else {
                while index < body.len() && !body[index].trim().starts_with('}') {
                    block.push(body[index].to_owned());
                    index += 1;
                }
                index += 1;
            }
            let block: Vec<&str> = block.iter().map(String::as_str).collect();
            (None, Some(parse_fields(&block, false, default_fns, false)))
        } else {
            (None, None)
        };
        variants.push(Variant {
            name,
            wraps,
            fields,
            doc: doc.join(" "),
            is_default,
        });
        doc.clear();
        is_default = false;
    }
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(ty: &'a TypeDef, name: &str) -> &'a Field {
        match &ty.shape {
            Shape::Struct(fields) => fields.iter().find(|f| f.name == name).unwrap(),
            _ => panic!("{} is not a struct", ty.name),
        }
    }

    #[test]
    fn the_schema_reads_fields_their_types_requirements_and_defaults() {
        let row = find("Row").unwrap();
        assert!(field(row, "start").required);
        assert_eq!(field(row, "start").ty, "(f32, f32)");
        assert_eq!(field(row, "gap").default.as_deref(), Some("3.0"));
        assert!(!field(row, "gap").required);
        assert_eq!(field(row, "areas").ty, "Vec<AreaRef>");
        let hall = find("HallFile").unwrap();
        assert!(field(hall, "layout").required && !field(hall, "languages").required);
        assert_eq!(field(hall, "extends").default.as_deref(), Some("None"));
        assert!(field(hall, "languages").doc.contains("BCP 47"));
        let kiosk = find("KioskConfig").unwrap();
        assert!(
            !field(kiosk, "pin").required,
            "the kiosk's settings all have defaults"
        );
        assert_eq!(find("Colour").unwrap().shape, Shape::Value);
        assert_eq!(find("AreaRef").unwrap().shape, Shape::Value);
    }

    #[test]
    fn enums_list_their_unit_newtype_and_struct_variants() {
        let Shape::Enum(display) = &find("Display").unwrap().shape else {
            panic!("Display is an enum");
        };
        let names: Vec<&str> = display.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Plinth",
                "Showcase",
                "WallPanel",
                "Screen",
                "HangingTextile",
                "Statistic",
                "Model"
            ]
        );
        let textile = display.iter().find(|v| v.name == "HangingTextile").unwrap();
        let fields = textile.fields.as_ref().unwrap();
        assert!(fields.iter().any(|f| f.name == "width" && f.required));
        assert!(fields.iter().any(|f| f.name == "pattern" && !f.required));
        let Shape::Enum(kinds) = &find("ZoneKind").unwrap().shape else {
            panic!("ZoneKind is an enum");
        };
        assert_eq!(kinds[0].fields.as_ref().unwrap()[0].name, "sectors");
        assert_eq!(kinds[1].wraps.as_deref(), Some("Pavilion"));
        assert_eq!(
            inner_type("Vec<Option<Exhibit>>").map(|t| t.name.as_str()),
            Some("Exhibit")
        );
    }
}
