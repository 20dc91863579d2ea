//! `expo-hall validate`: every check on a content folder that needs no window. Returns all
//! problems (never stops at the first) plus counts for the one-line summary.

use std::{
    collections::{HashMap, HashSet},
    io::Cursor,
};

use bevy::math::{Vec2, Vec3};

use super::{
    diagnostics::Problem,
    exhibition::{Exhibition, ReadContent, area_sizes, read_exhibition, zone_colours},
    footprint::{display_extent, model_surface},
    gltf::{Bounds, glb_bounds},
    loading::{REGULAR_FONTS, extra_fonts, has_own_fonts},
    model::{
        About, AreaRef, BoothStyle, Display, Exhibit, Lang, Link, NATIVE_NAME_ASPECT, StopTarget,
        Text, Zone, ZoneKind,
    },
    narration::{AudioState, NarrationKey, SpokenFiles, narrated_texts, ogg_vorbis_seconds},
    source::{ContentSource, safe_relative},
};

/// Largest image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 4096;
/// Largest decoded image accepted, in bytes (guards against decompression bombs).
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;
/// The text fonts (a folder without its own uses the built-in ones), then the folder's fonts
/// for other scripts: every visitor-facing character must exist in one of them.
pub fn text_fonts(source: &ContentSource) -> Vec<(String, Vec<u8>)> {
    let folder = source;
    let source = if has_own_fonts(source) {
        source
    } else {
        &ContentSource::Embedded
    };
    let mut fonts: Vec<(String, Vec<u8>)> = REGULAR_FONTS
        .iter()
        .filter_map(|path| Some((source.display(path), source.read(path).ok()?)))
        .collect();
    fonts.extend(
        extra_fonts(folder)
            .iter()
            .filter_map(|path| Some((folder.display(path), folder.read(path).ok()?))),
    );
    fonts
}

/// Whether one of `fonts` has a glyph for `c`.
pub fn fonts_cover(fonts: &[ab_glyph::FontRef], c: char) -> bool {
    use ab_glyph::Font;
    fonts.iter().any(|font| font.glyph_id(c).0 != 0)
}

/// What `validate` found; the command line words the summary.
pub struct Report {
    pub problems: Vec<Problem>,
    /// What is probably a mistake but breaks nothing: a zone file no hall lists, a picture
    /// nothing shows. `validate` prints them and still succeeds.
    pub warnings: Vec<Problem>,
    pub zones: usize,
    pub pavilions: usize,
    pub exhibits: usize,
    pub images: usize,
    pub tours: usize,
}

/// Reads and checks the hall at `hall_path` in `source`.
pub fn validate(source: &ContentSource, hall_path: &str) -> Report {
    let ReadContent {
        exhibition,
        texts,
        mut problems,
    } = read_exhibition(source, hall_path);
    let Some(exhibition) = exhibition else {
        return Report {
            problems,
            warnings: Vec::new(),
            zones: 0,
            pavilions: 0,
            exhibits: 0,
            images: 0,
            tours: 0,
        };
    };
    let mut checker = Checker {
        source,
        texts: &texts,
        problems: Vec::new(),
        images: HashSet::new(),
        languages: exhibition.hall.languages.clone(),
    };
    checker.hall(&exhibition);
    for (file, zone) in zone_files(&exhibition, &texts) {
        checker.zone(&exhibition, &file, zone);
    }
    checker.tours(&exhibition);
    checker.narration(&exhibition);
    checker.unique_ids(&exhibition);
    checker.font_coverage(&exhibition);
    let mut warnings = unreferenced_files(source, &exhibition);
    warnings.extend(hanging_clear_of_booths(source, &texts, &exhibition));
    problems.append(&mut checker.problems);
    Report {
        problems,
        warnings,
        zones: exhibition.zones.len(),
        pavilions: exhibition.pavilions().count(),
        exhibits: exhibition.exhibit_count(),
        images: checker.images.len(),
        tours: exhibition.tours.len(),
    }
}

/// The wall banner moved or left out for a booth near the north wall, and each hanging banner
/// left out because it would hang inside a booth (see `clearance`).
fn hanging_clear_of_booths(
    source: &ContentSource,
    texts: &HashMap<String, String>,
    exhibition: &Exhibition,
) -> Vec<Problem> {
    let file = texts
        .keys()
        .find(|f| f.ends_with(".hall.ron") && texts[*f].contains("shell:"))
        .cloned()
        .unwrap_or_else(|| exhibition.hall.path.clone());
    let text = texts.get(&file).map(String::as_str).unwrap_or("");
    let mut warnings = Vec::new();
    let fit = exhibition.wall_banner();
    // Raised (and made smaller) above a booth near the wall, the banner needs no word; left out
    // for want of room, the curator should know.
    if let (Some(area), None) = (&fit.moved_for, &fit.banner) {
        warnings.push(Problem::near(
            source.display(&file),
            text,
            "shell:",
            Some("wall_height"),
            format!(
                "booth `{area}` stands in front of the exhibition's title banner on the north wall, which would show between its back wall and its fascia from the aisle, and there is no room to raise it: the banner is left out (a higher `wall_height`, or the booth's row further from the wall, brings it back)"
            ),
        ));
    }
    for (index, banner) in exhibition.hall.shell.furnishing.banners.iter().enumerate() {
        if let Some(area) = exhibition.banner_clash(banner) {
            // At the banner's own entry: the (index + 1)-th `(` of the list.
            let start = text.find("banners:").unwrap_or(0);
            let at = text[start..]
                .match_indices('(')
                .nth(index)
                .map_or(start, |(i, _)| start + i);
            let (line, col) = super::diagnostics::line_col(text, at);
            warnings.push(Problem::at(
                source.display(&file),
                text,
                line,
                col,
                format!(
                    "banner {} at ({}, {}) hangs inside booth `{area}` (lower than its top, or within {} m of it) and is left out: move it over an aisle or raise its `height` above {:.1} m",
                    index + 1,
                    banner.x,
                    banner.z,
                    super::clearance::BANNER_MARGIN,
                    exhibition.booth_top(area)
                ),
            ));
        }
    }
    warnings
}

/// Pairs each loaded zone with the file it came from (by the file whose text declares its id).
fn zone_files<'a>(
    exhibition: &'a Exhibition,
    texts: &HashMap<String, String>,
) -> Vec<(String, &'a Zone)> {
    exhibition
        .zones
        .iter()
        .map(|zone| {
            let file = declaring_file(&exhibition.hall.zone_files, texts, &zone.id);
            (file, zone)
        })
        .collect()
}

/// The file among `files` whose text declares `id` (`id: "…"`), or an empty path.
fn declaring_file(files: &[String], texts: &HashMap<String, String>, id: &str) -> String {
    let needle = format!("id: \"{id}\"");
    files
        .iter()
        .find(|f| texts.get(*f).is_some_and(|t| t.contains(&needle)))
        .cloned()
        .unwrap_or_default()
}

struct Checker<'a> {
    source: &'a ContentSource,
    texts: &'a HashMap<String, String>,
    problems: Vec<Problem>,
    images: HashSet<String>,
    /// The hall's declared languages: every visitor-facing text needs each of them.
    languages: Vec<Lang>,
}

impl Checker<'_> {
    fn report(&mut self, file: &str, anchor: &str, field: Option<&str>, message: String) {
        let text = self.texts.get(file).map(String::as_str).unwrap_or("");
        self.problems.push(Problem::near(
            self.source.display(file),
            text,
            anchor,
            field,
            message,
        ));
    }

    fn hall(&mut self, exhibition: &Exhibition) {
        let hall = &exhibition.hall;
        let file = hall.path.clone();
        // Texts of an extended hall live in the base file; position them there when possible.
        let about_file = self
            .texts
            .keys()
            .find(|f| f.ends_with(".hall.ron") && self.texts[*f].contains("about: Some"))
            .cloned()
            .unwrap_or_else(|| file.clone());
        self.required(&file, "name:", "name", &hall.name.clone());
        let base_file = self
            .texts
            .keys()
            .find(|f| f.ends_with(".hall.ron") && self.texts[*f].contains("groups:"))
            .cloned()
            .unwrap_or_else(|| file.clone());
        // The heading over a host's zone, where there is one (a fair may have only pavilions).
        let has_host = exhibition
            .zones
            .iter()
            .any(|z| matches!(z.kind, ZoneKind::Host { .. }));
        if has_host {
            self.required(
                &base_file,
                "host_heading",
                "host_heading",
                &hall.host_heading.clone(),
            );
        }
        for group in hall.groups.clone() {
            let anchor = format!("id: \"{}\"", group.id);
            self.required(&base_file, &anchor, "heading", &group.heading);
            self.required(&base_file, &anchor, "label", &group.label);
        }
        self.required(&about_file, "shell:", "name", &hall.shell.name.clone());
        for file_name in hall.shell.furnishing.model_files() {
            self.model(&about_file, "furnishing", file_name);
        }
        if let Some(environment) = &hall.shell.environment {
            for path in [&environment.diffuse, &environment.specular] {
                self.cube_map(&about_file, "environment", path);
            }
            if !(environment.intensity.is_finite() && environment.intensity >= 0.0) {
                self.report(
                    &about_file,
                    "environment",
                    Some("intensity"),
                    format!(
                        "environment intensity should be 0 or more, not {}",
                        environment.intensity
                    ),
                );
            }
        }
        for entrance in hall.shell.entrances.clone() {
            self.required(&about_file, "entrances", "name", &entrance.name);
        }
        self.about(&about_file, &hall.about.clone());
        for zone_file in hall.zone_files.clone() {
            if let Err(why) = safe_relative(&zone_file) {
                self.report(&about_file, &zone_file, None, why);
            }
        }
        // Every booth the zones provide must be placed.
        let placed: HashSet<_> = exhibition.footprints.iter().map(|f| &f.area).collect();
        let mut unplaced: Vec<_> = area_sizes(&exhibition.zones)
            .into_keys()
            .filter(|a| !placed.contains(a))
            .collect();
        unplaced.sort();
        for area in unplaced {
            self.report(
                &file,
                "layout",
                None,
                format!("`{area}` has a zone but no place in the layout's rows"),
            );
        }
    }

    fn about(&mut self, file: &str, about: &About) {
        if about.title == Text::default() && about.facts.is_empty() {
            return; // Reported once as a missing `about` block.
        }
        for (field, text) in [
            ("title", &about.title),
            ("subtitle", &about.subtitle),
            ("venue", &about.venue),
            ("dates", &about.dates),
            ("introduction", &about.introduction),
        ] {
            self.required(file, "about:", field, text);
        }
        for fact in &about.facts {
            self.required(file, "facts:", "figure", &fact.figure);
            self.required(file, "facts:", "label", &fact.label);
        }
        for milestone in &about.timeline {
            self.required(file, &milestone.date.clone(), "text", &milestone.text);
        }
        for item in &about.seen_across_pavilions {
            self.required(file, "seen_across_pavilions", "seen_across_pavilions", item);
        }
        for article in &about.sources {
            self.required(file, "sources:", "outlet", &article.outlet);
            self.required(file, "sources:", "title", &article.title);
        }
    }

    /// Reports a visitor-facing text that lacks one of the hall's declared languages, and each
    /// key of it that is not one of them (a mistyped `eng:`, a `de:` the hall does not speak),
    /// at that key.
    fn required(&mut self, file: &str, anchor: &str, field: &str, text: &Text) {
        let declared: Vec<String> = self.languages.iter().map(|l| l.code().to_owned()).collect();
        for lang in text.undeclared(&self.languages) {
            let message = format!(
                "`{field}`: \"{lang}\" is not one of this hall's languages ({}): fix the key, or declare it in the hall's `languages`",
                declared.join(", ")
            );
            self.report_at_language(file, anchor, field, lang, message);
        }
        let missing = text.missing(&self.languages);
        if !missing.is_empty() {
            let langs: Vec<&str> = missing.iter().map(|l| l.code()).collect();
            self.report(
                file,
                anchor,
                Some(field),
                format!(
                    "`{field}` has no {} text (the hall's `languages` are {}: every visitor-facing text needs each)",
                    langs.join(" or "),
                    declared.join(", ")
                ),
            );
        }
    }

    /// An open booth's name sign rises above what stands in front of it, up to a limit: an
    /// exhibit taller than that would hide it from the aisle, and is named.
    fn open_signs(&mut self, exhibition: &Exhibition, file: &str, zone: &Zone) {
        let areas: Vec<AreaRef> = match &zone.kind {
            ZoneKind::Host { sectors } => sectors
                .iter()
                .map(|s| AreaRef::sector(&zone.id, &s.id))
                .collect(),
            ZoneKind::Pavilion(_) => vec![AreaRef::zone(&zone.id)],
        };
        for area in areas {
            let style = exhibition.booth(&area).map(|b| b.style);
            if style == Some(BoothStyle::Island) {
                self.island_header(exhibition, file, &area);
            }
            let open = style == Some(BoothStyle::Open);
            if let (true, Err(at)) = (open, exhibition.open_sign_bottom(&area)) {
                let exhibit = exhibition.exhibit(at);
                self.report(
                    file,
                    &format!("\"{}\"", exhibit.id),
                    Some("display"),
                    format!(
                        "exhibit `{}` stands in front of booth `{area}`'s name sign and is too tall for it to rise above (a sign on an open booth goes up to {} m): lower it, move it aside, or give the booth a fascia (style: ShellScheme)",
                        exhibit.id,
                        super::footprint::size::HEADER_HIGHEST
                    ),
                );
            }
        }
    }

    /// An island booth's header hangs at a fixed height above the stand: an exhibit reaching up
    /// to it would cover its sign, and is named.
    fn island_header(&mut self, exhibition: &Exhibition, file: &str, area: &AreaRef) {
        use super::footprint::size::{HEADER_CLEARANCE, ISLAND_HEADER_BOTTOM};
        for (at, _, top) in exhibition.displays_in(area) {
            if top + HEADER_CLEARANCE > ISLAND_HEADER_BOTTOM {
                let exhibit = exhibition.exhibit(at);
                self.report(
                    file,
                    &format!("\"{}\"", exhibit.id),
                    Some("display"),
                    format!(
                        "exhibit `{}` is {top:.1} m tall and reaches booth `{area}`'s hanging header (its lower edge is at {ISLAND_HEADER_BOTTOM} m; keep exhibits below {:.1} m): lower it",
                        exhibit.id,
                        ISLAND_HEADER_BOTTOM - HEADER_CLEARANCE
                    ),
                );
            }
        }
    }

    /// Reports every colour of the zone that is not `"#RRGGBB"` (drawn grey meanwhile).
    fn colours(&mut self, file: &str, zone: &Zone) {
        for colour in zone_colours(zone) {
            if let Some(written) = colour.unreadable() {
                self.report(
                    file,
                    &format!("\"{written}\""),
                    None,
                    format!("`{written}` is not a colour: expected \"#RRGGBB\""),
                );
            }
        }
    }

    /// Checks an image named in `file` after `anchor`; its size in pixels when it decodes.
    fn image(&mut self, file: &str, anchor: &str, path: &str) -> Option<(u32, u32)> {
        let size = self.content_file(file, anchor, path, "image", decode_limited)?;
        self.images.insert(path.to_owned());
        Some(size)
    }

    /// Checks a model file named in `file` after `anchor` and returns the box it occupies;
    /// problems point at the path itself.
    fn model(&mut self, file: &str, anchor: &str, path: &str) -> Option<Bounds> {
        self.content_file(file, anchor, path, "model", glb_bounds)
    }

    /// An environment cube map: inside the folder, present, and a KTX2 file with six faces.
    fn cube_map(&mut self, file: &str, anchor: &str, path: &str) {
        self.content_file(file, anchor, path, "cube map", |bytes| {
            match ktx2_faces(bytes) {
                Some(6) => Ok(()),
                Some(faces) => Err(format!(
                    "should have 6 faces (a KTX2 cube map), it has {faces}"
                )),
                None => Err("is not a KTX2 file".to_owned()),
            }
        });
    }

    /// A file (`what`: an image, a model…) named in `file` after `anchor`: inside the content
    /// folder, present, and passing `check`, whose answer comes back; each problem is reported
    /// at the path.
    fn content_file<T>(
        &mut self,
        file: &str,
        anchor: &str,
        path: &str,
        what: &str,
        check: impl FnOnce(&[u8]) -> Result<T, String>,
    ) -> Option<T> {
        let problem = match safe_relative(path) {
            Err(why) => format!("{what} path {why}"),
            Ok(()) => match self.source.read(path) {
                Err(_) => format!("{what} `{path}` does not exist in the content folder"),
                Ok(bytes) => match check(&bytes) {
                    Ok(found) => return Some(found),
                    Err(why) => format!("{what} `{path}` {why}"),
                },
            },
        };
        self.report_at_path(file, anchor, path, problem);
        None
    }

    /// A problem about the file `path` named in `file`, at its first mention after `anchor`.
    fn report_at_path(&mut self, file: &str, anchor: &str, path: &str, message: String) {
        let text = self.texts.get(file).map(String::as_str).unwrap_or("");
        let after = text.find(anchor).unwrap_or(0);
        let quoted = format!("\"{path}\"");
        let at = text[after..].find(&quoted).map_or(after, |i| after + i);
        let (line, col) = super::diagnostics::line_col(text, at);
        self.problems.push(Problem::at(
            self.source.display(file),
            text,
            line,
            col,
            message,
        ));
    }

    /// Links: labelled in every language, http(s) addresses.
    fn links(&mut self, file: &str, anchor: &str, links: &[Link]) {
        for link in links {
            self.required(file, anchor, "label", &link.label);
            if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
                self.report_at_path(
                    file,
                    anchor,
                    &link.url,
                    format!("link `{}` should be an http(s) address", link.url),
                );
            }
        }
    }

    /// An exhibit's model files: each readable, and inside the space its display takes.
    fn exhibit_models(&mut self, file: &str, anchor: &str, display: &Display) {
        let Some(surface) = model_surface(display) else {
            return;
        };
        let envelope = display_extent(display);
        for model in display.models() {
            let Some(bounds) = self.model(file, anchor, &model.file) else {
                continue;
            };
            let offset = Vec3::new(model.at.0, surface + model.at.1, model.at.2);
            let placed = bounds.placed(model.scale, model.turn, offset);
            let slack = 0.02;
            let inside = placed.min.x >= envelope.min.x - slack
                && placed.max.x <= envelope.max.x + slack
                && placed.min.z >= envelope.min.y - slack
                && placed.max.z <= envelope.max.y + slack
                && placed.max.y <= envelope.height + slack;
            if !inside {
                let size = bounds.size() * model.scale;
                self.report_at_path(
                    file,
                    anchor,
                    &model.file,
                    format!(
                        "model `{}` ({:.2} × {:.2} × {:.2} m at scale {}) does not fit its display, \
                         {:.2} × {:.2} m up to {:.2} m: scale it down or move it (`at`)",
                        model.file,
                        size.x,
                        size.z,
                        size.y,
                        model.scale,
                        envelope.max.x - envelope.min.x,
                        envelope.max.y - envelope.min.y,
                        envelope.height
                    ),
                );
            }
        }
    }

    fn zone(&mut self, exhibition: &Exhibition, file: &str, zone: &Zone) {
        let zone_anchor = format!("id: \"{}\"", zone.id);
        let expected_file = format!("{}.zone.ron", zone.id);
        if !file.ends_with(&expected_file) {
            self.report(
                file,
                &zone_anchor,
                None,
                format!(
                    "zone `{}` should live in a file named `{expected_file}`",
                    zone.id
                ),
            );
        }
        self.required(file, &zone_anchor, "name", &zone.name);
        self.required(file, &zone_anchor, "intro", &zone.intro);
        self.links(file, &zone_anchor, &zone.links);
        let mut sectors = HashSet::new();
        match &zone.kind {
            ZoneKind::Host { sectors: list } => {
                for sector in list {
                    let anchor = format!("id: \"{}\"", sector.id);
                    if !sectors.insert(sector.id.clone()) {
                        self.report(
                            file,
                            &anchor,
                            None,
                            format!("sector id `{}` is used twice", sector.id),
                        );
                    }
                    self.required(file, &anchor, "name", &sector.name);
                    self.required(file, &anchor, "intro", &sector.intro);
                }
            }
            ZoneKind::Pavilion(pavilion) => {
                if pavilion.iso.to_lowercase() != zone.id
                    || pavilion.iso.len() != 2
                    || pavilion.iso != pavilion.iso.to_uppercase()
                {
                    self.report(
                        file,
                        "iso:",
                        None,
                        format!(
                            "iso `{}` should be the zone id `{}` in upper case (ISO 3166 alpha-2)",
                            pavilion.iso, zone.id
                        ),
                    );
                }
                if !exhibition
                    .hall
                    .groups
                    .iter()
                    .any(|g| g.id == pavilion.group)
                {
                    let known: Vec<&str> = exhibition
                        .hall
                        .groups
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect();
                    self.report(
                        file,
                        "group:",
                        None,
                        format!(
                            "group `{}` is not one of the hall's `groups`: {}",
                            pavilion.group,
                            known.join(", ")
                        ),
                    );
                }
                if pavilion.flag_colours.is_empty() {
                    self.report(
                        file,
                        "flag_colours",
                        None,
                        "a pavilion needs at least one flag colour".into(),
                    );
                }
                if let Some(flag) = &pavilion.flag_image {
                    self.image(file, "flag_image", flag);
                }
                if let Some(name) = &pavilion.native_name {
                    let print = &name.print;
                    if let Some((width, height)) = self.image(file, "native_name", print) {
                        let aspect = width as f32 / height.max(1) as f32;
                        if (aspect / NATIVE_NAME_ASPECT - 1.0).abs() > 0.02 {
                            self.report(
                                file,
                                &format!("\"{print}\""),
                                None,
                                format!(
                                    "native-name print `{print}` is {width} × {height} pixels; it must be {NATIVE_NAME_ASPECT} times as wide as high (tools/native-names.py makes 512 × 128)"
                                ),
                            );
                        }
                    }
                }
            }
        }
        self.colours(file, zone);
        self.open_signs(exhibition, file, zone);
        for exhibit in &zone.exhibits {
            self.exhibit(exhibition, file, zone, &sectors, exhibit);
        }
    }

    fn exhibit(
        &mut self,
        exhibition: &Exhibition,
        file: &str,
        zone: &Zone,
        sectors: &HashSet<String>,
        exhibit: &Exhibit,
    ) {
        let anchor = format!("\"{}\"", exhibit.id);
        if !exhibit.id.starts_with(&format!("{}.", zone.id)) {
            self.report(
                file,
                &anchor,
                None,
                format!(
                    "exhibit id `{}` should start with its zone id: `{}.…`",
                    exhibit.id, zone.id
                ),
            );
        }
        for (field, text) in [
            ("title", &exhibit.title),
            ("summary", &exhibit.summary),
            ("description", &exhibit.description),
        ] {
            self.required(file, &anchor, field, text);
        }
        for text in &exhibit.exhibitors {
            self.required(file, &anchor, "exhibitors", text);
        }
        for text in &exhibit.tags {
            self.required(file, &anchor, "tags", text);
        }
        self.links(file, &anchor, &exhibit.links);
        self.exhibit_models(file, &anchor, &exhibit.display);
        for media in &exhibit.media {
            if media.caption != Text::default() {
                self.required(file, &anchor, "caption", &media.caption);
            }
            self.image(file, &anchor, &media.path);
        }
        match (&zone.kind, &exhibit.sector) {
            (ZoneKind::Host { .. }, None) => {
                self.report(
                    file,
                    &anchor,
                    None,
                    format!(
                        "exhibit `{}` in the host's zone needs `sector: \"…\"`",
                        exhibit.id
                    ),
                );
                return;
            }
            (ZoneKind::Host { .. }, Some(sector)) if !sectors.contains(sector) => {
                let known: Vec<&str> = sectors.iter().map(String::as_str).collect();
                self.report(
                    file,
                    &anchor,
                    Some("sector"),
                    format!(
                        "exhibit `{}` names sector `{sector}`, which is not one of: {}",
                        exhibit.id,
                        known.join(", ")
                    ),
                );
                return;
            }
            (ZoneKind::Pavilion(_), Some(_)) => {
                self.report(
                    file,
                    &anchor,
                    Some("sector"),
                    format!(
                        "exhibit `{}` is in a pavilion, which has no sectors",
                        exhibit.id
                    ),
                );
            }
            _ => {}
        }
        let area = super::exhibition::area_id(zone, exhibit);
        if let Some(footprint) = exhibition.footprint(&area) {
            let local = Vec2::new(exhibit.place.x, exhibit.place.z);
            let covers = display_extent(&exhibit.display).in_booth(local, exhibit.place.turn);
            let half = covers.half_size();
            if !footprint.contains_local(covers) {
                self.report(
                    file,
                    &anchor,
                    Some("place"),
                    format!(
                        "exhibit `{}` at x {:.1}, z {:.1} (about {:.1} × {:.1} m) does not fit inside its {:.0} × {:.0} m booth `{area}` (x within ±{:.1}, z within ±{:.1})",
                        exhibit.id, local.x, local.y, half.x * 2.0, half.y * 2.0, footprint.width, footprint.depth, footprint.width / 2.0, footprint.depth / 2.0
                    ),
                );
            }
        }
    }

    /// Every stop of every tour exists, with narration in both languages and a positive dwell.
    fn tours(&mut self, exhibition: &Exhibition) {
        for tour in &exhibition.tours {
            let anchor = format!("id: \"{}\"", tour.id);
            let file = declaring_file(&exhibition.hall.tour_files, self.texts, &tour.id);
            self.required(&file, &anchor, "title", &tour.title);
            if tour.stops.is_empty() {
                self.report(
                    &file,
                    &anchor,
                    Some("stops"),
                    format!("tour `{}` has no stops", tour.id),
                );
            }
            for stop in &tour.stops {
                let stop_anchor = stop_anchor(&stop.target);
                let exists = match &stop.target {
                    StopTarget::Hall => true,
                    StopTarget::Area(area) => exhibition.footprint(area).is_some(),
                    StopTarget::Exhibit(id) => exhibition.find_exhibit(id).is_some(),
                };
                if !exists {
                    self.report(
                        &file,
                        &stop_anchor,
                        None,
                        format!(
                            "tour `{}` stops at {stop_anchor}, which is not in the hall",
                            tour.id
                        ),
                    );
                }
                self.required(&file, &stop_anchor, "narration", &stop.narration);
                if !(stop.dwell > 0.0 && stop.dwell <= 600.0) {
                    self.report(
                        &file,
                        &stop_anchor,
                        Some("dwell"),
                        format!(
                            "a stop's dwell of {} s should be between 0 and 600",
                            stop.dwell
                        ),
                    );
                }
            }
        }
    }

    /// Each narrated text's audio, in every language it is written in: a file that is not Ogg
    /// Vorbis, or that was made from an older text, is reported at the text. A missing file is
    /// not a problem: that text is simply not heard.
    fn narration(&mut self, exhibition: &Exhibition) {
        let (spoken, problems) = SpokenFiles::read(self.source);
        self.problems.extend(problems);
        let zone_file = |zone: &str| declaring_file(&exhibition.hall.zone_files, self.texts, zone);
        for (key, text) in narrated_texts(exhibition) {
            let (file, anchor, field) = match &key {
                NarrationKey::Exhibit(id) => {
                    let zone = exhibition
                        .find_exhibit(id)
                        .map(|at| exhibition.zones[at.zone].id.clone())
                        .unwrap_or_default();
                    (zone_file(&zone), format!("id: \"{id}\""), "description")
                }
                NarrationKey::Zone(id) => (zone_file(id), format!("id: \"{id}\""), "intro"),
                NarrationKey::Sector { zone, sector } => {
                    (zone_file(zone), format!("id: \"{sector}\""), "intro")
                }
                NarrationKey::TourStop { tour, stop } => {
                    let Some(step) = exhibition
                        .tours
                        .iter()
                        .find(|t| t.id == *tour)
                        .and_then(|t| t.stops.get(*stop))
                    else {
                        continue;
                    };
                    let file = declaring_file(&exhibition.hall.tour_files, self.texts, tour);
                    (file, stop_anchor(&step.target), "narration")
                }
            };
            for &lang in &exhibition.hall.languages {
                let Some(words) = text.exact(lang) else {
                    continue;
                };
                let audio = key.path(lang);
                let message = match spoken.state(&key, lang, words) {
                    AudioState::Missing => continue,
                    AudioState::OutOfDate => format!(
                        "`{audio}` speaks an older {} text: make it again with \
                         `tools/narrate.sh`, or record it and run `expo-hall narration stamp`",
                        lang.code()
                    ),
                    AudioState::Current => match self.source.read(&audio) {
                        Ok(bytes) => match ogg_vorbis_seconds(&bytes) {
                            Ok(_) => continue,
                            Err(why) => format!("`{audio}` {why}"),
                        },
                        Err(e) => format!("`{audio}` cannot be read: {e}"),
                    },
                };
                self.report_at_language(&file, &anchor, field, lang, message);
            }
        }
    }

    /// A problem about the `lang` text of `field` after `anchor` in `file`, at that text.
    fn report_at_language(
        &mut self,
        file: &str,
        anchor: &str,
        field: &str,
        lang: Lang,
        message: String,
    ) {
        let text = self.texts.get(file).map(String::as_str).unwrap_or("");
        let mut at = text.find(anchor).unwrap_or(0);
        for needle in [format!("{field}:"), format!("{}:", lang.code())] {
            at += text[at..].find(&needle).unwrap_or(0);
        }
        let (line, col) = super::diagnostics::line_col(text, at);
        self.problems.push(Problem::at(
            self.source.display(file),
            text,
            line,
            col,
            message,
        ));
    }

    fn unique_ids(&mut self, exhibition: &Exhibition) {
        let texts: Vec<(String, String)> = self
            .texts
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let file_of = |needle: &str| {
            texts
                .iter()
                .find(|(_, t)| t.contains(needle))
                .map(|(f, _)| f.clone())
                .unwrap_or_default()
        };
        let mut zones = HashSet::new();
        for zone in &exhibition.zones {
            if !zones.insert(zone.id.as_str()) {
                let anchor = format!("id: \"{}\"", zone.id);
                let files: Vec<String> = exhibition
                    .hall
                    .zone_files
                    .iter()
                    .filter(|f| self.texts.get(*f).is_some_and(|t| t.contains(&anchor)))
                    .cloned()
                    .collect();
                let shown: Vec<String> = files.iter().map(|f| self.source.display(f)).collect();
                self.report(
                    files.last().map_or(&file_of(&anchor), |f| f),
                    &anchor,
                    None,
                    format!(
                        "zone id `{}` is used by two zone files: {}",
                        zone.id,
                        shown.join(" and ")
                    ),
                );
            }
        }
        let mut exhibits = HashSet::new();
        for r in exhibition.exhibit_refs() {
            let id = &exhibition.exhibit(r).id;
            if !exhibits.insert(id.as_str()) {
                let anchor = format!("\"{id}\"");
                self.report(
                    &file_of(&anchor),
                    &anchor,
                    None,
                    format!("exhibit id `{id}` is used more than once"),
                );
            }
        }
    }

    /// Every character a visitor reads must exist in one of the text fonts (the Chinese one is
    /// a subset).
    fn font_coverage(&mut self, exhibition: &Exhibition) {
        let files = text_fonts(self.source);
        let mut fonts = Vec::new();
        for (shown, bytes) in &files {
            match ab_glyph::FontRef::try_from_slice(bytes) {
                Ok(font) => fonts.push(font),
                Err(_) => self
                    .problems
                    .push(Problem::file(shown, "this text font cannot be read")),
            }
        }
        if fonts.is_empty() {
            return;
        }
        let names: Vec<&str> = files.iter().map(|(shown, _)| shown.as_str()).collect();
        let mut missing: Vec<char> = Vec::new();
        let mut seen = HashSet::new();
        for text in exhibition.visitor_texts() {
            for (_, words) in text.entries() {
                for c in words.chars() {
                    if !c.is_control() && seen.insert(c) && !fonts_cover(&fonts, c) {
                        missing.push(c);
                    }
                }
            }
        }
        missing.sort();
        // One problem per script: a fair in a script no font has needs one font, not a list.
        let mut by_script: Vec<(String, Vec<char>)> = Vec::new();
        for c in missing {
            let script = script_of(c);
            match by_script.iter_mut().find(|(s, _)| *s == script) {
                Some((_, chars)) => chars.push(c),
                None => by_script.push((script, vec![c])),
            }
        }
        for (script, chars) in by_script {
            let first = chars[0];
            let file = self
                .texts
                .iter()
                .filter(|(_, t)| t.contains(first))
                .map(|(f, _)| f.clone())
                .min()
                .unwrap_or_default();
            let shown: Vec<String> = chars
                .iter()
                .take(8)
                .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                .collect();
            let more = if chars.len() > 8 {
                format!(" and {} more", chars.len() - 8)
            } else {
                String::new()
            };
            let remedy = if script == "Han" {
                "add the characters to the Chinese subset (docs/tools/subset-font.py) or put a font that has them in the content's fonts/"
            } else {
                "put a font for that script (.ttf or .otf) in the content's fonts/"
            };
            self.report(
                &file,
                &first.to_string(),
                None,
                format!(
                    "{} character{} of the {script} script {} in none of the text fonts ({}): {}{more}; {remedy}",
                    chars.len(),
                    if chars.len() == 1 { "" } else { "s" },
                    if chars.len() == 1 { "is" } else { "are" },
                    names.join(", "),
                    shown.join(", "),
                ),
            );
        }
    }
}

/// The Unicode script of `c` by its long name (`Georgian`, `Arabic`, `Han`).
pub fn script_of(c: char) -> String {
    use icu_properties::{CodePointMapData, PropertyNamesLong, props::Script};
    let script = CodePointMapData::<Script>::new().get(c);
    PropertyNamesLong::<Script>::new()
        .get(script)
        .unwrap_or("Unknown")
        .replace('_', " ")
}

/// Extensions of the files a zone can show: pictures, models, sound.
const MEDIA: &[&str] = &[
    ".png", ".jpg", ".jpeg", ".glb", ".gltf", ".ogg", ".wav", ".mp3",
];

/// Zone files that no hall of the folder lists, and media files that no zone of this hall
/// shows: warnings, since they break nothing but are probably a mistake.
fn unreferenced_files(source: &ContentSource, exhibition: &Exhibition) -> Vec<Problem> {
    let files = source.files();
    let mut listed: HashSet<String> = exhibition.hall.zone_files.iter().cloned().collect();
    for hall in files.iter().filter(|f| f.ends_with(".hall.ron")) {
        if let Some(parsed) = source
            .read_text(hall)
            .ok()
            .and_then(|text| super::parse::parse_hall(hall, &text).ok())
        {
            listed.extend(parsed.zones);
        }
    }
    let mut shown: HashSet<&str> = HashSet::new();
    for zone in &exhibition.zones {
        if let ZoneKind::Pavilion(pavilion) = &zone.kind {
            shown.extend(pavilion.flag_image.as_deref());
            shown.extend(pavilion.native_name.as_ref().map(|n| n.print.as_str()));
        }
        for exhibit in &zone.exhibits {
            shown.extend(exhibit.media.iter().map(|m| m.path.as_str()));
            shown.extend(exhibit.display.models().iter().map(|m| m.file.as_str()));
        }
    }
    shown.extend(
        exhibition
            .hall
            .shell
            .furnishing
            .model_files()
            .map(String::as_str),
    );
    let heard: HashSet<String> = narrated_texts(exhibition)
        .iter()
        .flat_map(|(key, _)| {
            let languages = &exhibition.hall.languages;
            languages
                .iter()
                .map(|lang| key.path(*lang))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut warnings = Vec::new();
    for file in &files {
        if file.ends_with(".ogg") {
            if !heard.contains(file) {
                warnings.push(Problem::file(
                    source.display(file),
                    "no text of the hall is spoken in this file (its name matches no exhibit, \
                     zone, sector or tour stop)",
                ));
            }
            continue;
        }
        if file.ends_with(".zone.ron") && !listed.contains(file) {
            warnings.push(Problem::file(
                source.display(file),
                "no hall lists this zone file in its `zones`, so it is not shown",
            ));
        }
        let media = MEDIA.iter().any(|ext| file.to_lowercase().ends_with(ext));
        if media && !shown.contains(file.as_str()) {
            warnings.push(Problem::file(
                source.display(file),
                "no zone of the hall shows this file (not a flag_image, an exhibit's media nor a model)",
            ));
        }
    }
    warnings
}

/// The text a tour stop is found by in its tour file (stops have no id).
fn stop_anchor(target: &StopTarget) -> String {
    match target {
        StopTarget::Hall => "Hall".to_owned(),
        StopTarget::Area(area) => format!("Area(\"{area}\")"),
        StopTarget::Exhibit(id) => format!("Exhibit(\"{id}\")"),
    }
}

/// Decodes an image with size limits, without keeping it.
pub fn decode_limited(bytes: &[u8]) -> Result<(u32, u32), String> {
    decode_within_limits(bytes).map(|image| (image.width(), image.height()))
}

/// Decodes a picture for the screen (off the main thread, by the caller): within the size
/// limits, then scaled down so its longer side is at most `longest` pixels.
pub fn decode_for_display(bytes: &[u8], longest: u32) -> Result<image::RgbaImage, String> {
    let image = decode_within_limits(bytes)?;
    let image = if image.width().max(image.height()) > longest {
        image.thumbnail(longest, longest)
    } else {
        image
    };
    Ok(image.into_rgba8())
}

/// A PNG or JPEG decoded only if it stays within [`MAX_IMAGE_SIDE`] and [`MAX_IMAGE_BYTES`]
/// (a decompression bomb is refused before it is inflated).
fn decode_within_limits(bytes: &[u8]) -> Result<image::DynamicImage, String> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot be read: {e}"))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_BYTES);
    reader.limits(limits);
    if reader.format().is_none() {
        return Err("is not a PNG or JPEG image".into());
    }
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "is larger than {MAX_IMAGE_SIDE} × {MAX_IMAGE_SIDE} pixels or {} MiB decoded",
            MAX_IMAGE_BYTES >> 20
        ),
        other => format!("does not decode: {other}"),
    })
}

/// The number of faces of a KTX2 file (6 for a cube map), or `None` if it is not KTX2.
fn ktx2_faces(bytes: &[u8]) -> Option<u32> {
    const IDENTIFIER: [u8; 12] = [
        0xAB, b'K', b'T', b'X', b' ', b'2', b'0', 0xBB, b'\r', b'\n', 0x1A, b'\n',
    ];
    if bytes.get(..12)? != IDENTIFIER {
        return None;
    }
    let face_count = bytes.get(36..40)?;
    Some(u32::from_le_bytes(face_count.try_into().ok()?))
}
