//! The assembled exhibition: a hall file (with its `extends` resolved), the zones that loaded,
//! and the footprints the layout gives them. Built the same way from Bevy assets (the app) and
//! from files read directly (`validate`, `list`, tests).

use std::collections::HashMap;

use super::{
    diagnostics::Problem,
    layout::{self, Footprint},
    model::{
        About, AreaRef, Booth, Colour, Exhibit, Group, HallFile, Lang, Layout, Sector, Shell, Text,
        TourFile, Zone, ZoneKind,
    },
    parse::{parse_hall, parse_tour, parse_zone},
    sanity::{self, Fixed},
    source::{ContentSource, sibling},
};

/// A hall file after `extends` is followed: everything the hall needs.
#[derive(Debug, Clone)]
pub struct ResolvedHall {
    /// Content-relative path of the hall file that was opened.
    pub path: String,
    pub name: Text,
    /// The exhibition's languages, the default first.
    pub languages: Vec<Lang>,
    /// The language printed beside the visitor's on bilingual signs (see
    /// [`HallFile::companion_language`]); `None`: the first declared.
    pub companion_language: Option<Lang>,
    /// The groups pavilions belong to, in order.
    pub groups: Vec<Group>,
    /// The heading of the host's zone.
    pub host_heading: Text,
    pub about: About,
    pub shell: Shell,
    pub zone_files: Vec<String>,
    pub tour_files: Vec<String>,
    pub layout: Layout,
}

/// Reads a hall file and the file it extends (one level or more, without cycles). A hall with no
/// `about` still opens (with an empty panel) and the missing block is returned as a problem.
pub fn read_hall(
    source: &ContentSource,
    path: &str,
) -> Result<(ResolvedHall, Option<Problem>), Problem> {
    let mut chain: Vec<(String, HallFile)> = Vec::new();
    let mut next = Some(path.to_owned());
    while let Some(current) = next.take() {
        if chain.iter().any(|(p, _)| *p == current) {
            return Err(Problem::file(
                source.display(&current),
                "`extends` goes round in a circle",
            ));
        }
        let text = source.read_text(&current).map_err(|e| {
            Problem::file(
                source.display(&current),
                format!("cannot read the hall file: {e}"),
            )
        })?;
        let hall = parse_hall(&source.display(&current), &text)?;
        next = hall.extends.as_ref().map(|base| sibling(&current, base));
        chain.push((current, hall));
    }
    resolve_chain(source, path, chain)
}

/// The languages of the hall at `path` (its `extends` followed), for what must know them before
/// the content loads (the interface catalogs, `--lang`); empty if the hall cannot be read.
pub fn hall_languages(source: &ContentSource, path: &str) -> Vec<Lang> {
    read_hall(source, path).map_or_else(|_| Vec::new(), |(hall, _)| hall.languages)
}

/// Merges a chain of hall files, most specific first, into one resolved hall.
pub fn resolve_chain(
    source: &ContentSource,
    path: &str,
    chain: Vec<(String, HallFile)>,
) -> Result<(ResolvedHall, Option<Problem>), Problem> {
    let first = &chain[0].1;
    let pick = |get: &dyn Fn(&HallFile) -> bool| chain.iter().find(|(_, h)| get(h)).map(|(_, h)| h);
    let missing = |what: &str| {
        Problem::file(
            source.display(path),
            format!("the hall has no `{what}` (give it here or in the file it `extends`)"),
        )
    };
    let about = pick(&|h| h.about.is_some()).and_then(|h| h.about.clone());
    let about_problem = about.is_none().then(|| missing("about"));
    let hall = ResolvedHall {
        path: path.to_owned(),
        name: first.name.clone(),
        languages: pick(&|h| !h.languages.is_empty())
            .map_or_else(|| first.name.languages().collect(), |h| h.languages.clone()),
        companion_language: pick(&|h| h.companion_language.is_some())
            .and_then(|h| h.companion_language),
        groups: pick(&|h| !h.groups.is_empty())
            .map(|h| h.groups.clone())
            .unwrap_or_default(),
        host_heading: pick(&|h| h.host_heading.is_some())
            .and_then(|h| h.host_heading.clone())
            .unwrap_or_default(),
        about: about.unwrap_or_default(),
        shell: pick(&|h| h.shell.is_some())
            .and_then(|h| h.shell.clone())
            .ok_or_else(|| missing("shell"))?,
        zone_files: pick(&|h| !h.zones.is_empty())
            .map(|h| h.zones.clone())
            .ok_or_else(|| missing("zones"))?,
        tour_files: pick(&|h| !h.tours.is_empty())
            .map(|h| h.tours.clone())
            .unwrap_or_default(),
        layout: first.layout.clone(),
    };
    Ok((hall, about_problem))
}

impl ResolvedHall {
    /// The language a visitor starts in: the first declared.
    pub fn default_language(&self) -> Option<Lang> {
        self.languages.first().copied()
    }

    /// `wanted` if the hall speaks it, else its default language.
    pub fn spoken(&self, wanted: Option<Lang>) -> Lang {
        wanted
            .filter(|l| self.languages.contains(l))
            .or_else(|| self.default_language())
            .unwrap_or(Lang::UNDETERMINED)
    }

    /// The language printed beside `lang` on a bilingual sign: the companion language, or for a
    /// visitor reading that one the first other declared language; `None` in a one-language hall.
    pub fn companion_of(&self, lang: Lang) -> Option<Lang> {
        let companion = self
            .companion_language
            .filter(|l| self.languages.contains(l))
            .or_else(|| self.default_language())?;
        if companion != lang {
            return Some(companion);
        }
        self.languages.iter().copied().find(|l| *l != lang)
    }

    /// `text` in `lang`'s companion language, only where that adds something: it is written and
    /// differs from the text the visitor reads.
    pub fn companion_text<'t>(&self, text: &'t Text, lang: Lang) -> Option<&'t str> {
        let other = text.exact(self.companion_of(lang)?)?;
        (other.trim() != text.get(lang).trim()).then_some(other)
    }
}

/// The exhibition as the hall shows it.
#[derive(Debug, Clone)]
pub struct Exhibition {
    pub hall: ResolvedHall,
    /// The zones that loaded, in the hall's order.
    pub zones: Vec<Zone>,
    pub footprints: Vec<Footprint>,
    /// Guided tours that loaded.
    pub tours: Vec<TourFile>,
}

/// An exhibit's place in [`Exhibition::zones`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExhibitRef {
    pub zone: usize,
    pub exhibit: usize,
}

impl Exhibition {
    /// Lays out the loaded zones, after keeping their numbers in range; layout problems and
    /// replaced numbers are returned, not fatal.
    pub fn assemble(
        mut hall: ResolvedHall,
        mut zones: Vec<Zone>,
        tours: Vec<TourFile>,
    ) -> (Exhibition, Vec<layout::LayoutProblem>, Vec<Fixed>) {
        let mut fixed = sanity::hall(&mut hall);
        for zone in &mut zones {
            fixed.extend(sanity::zone(zone));
        }
        let sizes = area_sizes(&zones);
        let (footprints, mut problems) = layout::place(&hall.layout, &sizes);
        problems.extend(layout::check(&hall.shell, &hall.layout, &footprints));
        (
            Exhibition {
                hall,
                zones,
                footprints,
                tours,
            },
            problems,
            fixed,
        )
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    pub fn zone_index(&self, id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == id)
    }

    pub fn exhibit(&self, at: ExhibitRef) -> &Exhibit {
        &self.zones[at.zone].exhibits[at.exhibit]
    }

    pub fn find_exhibit(&self, id: &str) -> Option<ExhibitRef> {
        self.exhibit_refs().find(|r| self.exhibit(*r).id == id)
    }

    /// Every exhibit, zone by zone in hall order.
    pub fn exhibit_refs(&self) -> impl Iterator<Item = ExhibitRef> + '_ {
        self.zones.iter().enumerate().flat_map(|(zone, z)| {
            (0..z.exhibits.len()).map(move |exhibit| ExhibitRef { zone, exhibit })
        })
    }

    pub fn footprint(&self, area: &AreaRef) -> Option<&Footprint> {
        self.footprints.iter().find(|f| f.area == *area)
    }

    /// The area (booth) an exhibit stands in: its zone, or the zone's sector.
    pub fn area_of(&self, at: ExhibitRef) -> AreaRef {
        area_id(&self.zones[at.zone], self.exhibit(at))
    }

    /// The sector an area names, when it names one that exists.
    pub fn sector(&self, area: &AreaRef) -> Option<&Sector> {
        let zone = self.zone(&area.zone)?;
        let id = area.sector.as_deref()?;
        match &zone.kind {
            ZoneKind::Host { sectors } => sectors.iter().find(|s| s.id == id),
            ZoneKind::Pavilion(_) => None,
        }
    }

    /// The booth data of an area: a sector's booth, or a pavilion's.
    pub fn booth(&self, area: &AreaRef) -> Option<&Booth> {
        match (&self.zone(&area.zone)?.kind, &area.sector) {
            (ZoneKind::Host { .. }, Some(_)) => self.sector(area).map(|s| &s.booth),
            (ZoneKind::Pavilion(pavilion), None) => Some(&pavilion.booth),
            _ => None,
        }
    }

    /// The name of an area: the sector's name, or the pavilion's.
    pub fn area_name(&self, area: &AreaRef) -> Option<&Text> {
        match &area.sector {
            Some(_) => self.sector(area).map(|s| &s.name),
            None => self.zone(&area.zone).map(|z| &z.name),
        }
    }

    /// The displays standing in an area: each with its booth-local extent on the floor and its
    /// height.
    pub fn displays_in(&self, area: &AreaRef) -> Vec<(ExhibitRef, bevy::math::Rect, f32)> {
        self.exhibit_refs()
            .filter(|r| self.area_of(*r) == *area)
            .map(|r| {
                let exhibit = self.exhibit(r);
                let extent = super::footprint::display_extent(&exhibit.display);
                let at = bevy::math::Vec2::new(exhibit.place.x, exhibit.place.z);
                (r, extent.in_booth(at, exhibit.place.turn), extent.height)
            })
            .collect()
    }

    /// Where an area's name sign starts when its booth is open (sign on the back wall): above
    /// every display in front of it. `Err` is the display too tall for the sign to clear.
    pub fn open_sign_bottom(&self, area: &AreaRef) -> Result<f32, ExhibitRef> {
        let width = self.footprint(area).map_or(0.0, |f| f.width);
        let ends = self.header_has_ends(area);
        let displays = self.displays_in(area);
        let tops = displays.iter().map(|(_, covers, top)| (*covers, *top));
        super::footprint::open_sign_bottom(width, ends, tops).map_err(|index| displays[index].0)
    }

    /// Whether an area's booth shows its pavilion's flag and native name at the ends of its
    /// fascia or header ([`super::footprint::header_has_ends`]).
    pub fn header_has_ends(&self, area: &AreaRef) -> bool {
        let width = self.footprint(area).map_or(0.0, |f| f.width);
        let has_graphics = match (self.zone(&area.zone).map(|zone| &zone.kind), &area.sector) {
            (Some(ZoneKind::Pavilion(pavilion)), None) => {
                let zone = self.zone(&area.zone);
                pavilion.flag_image.is_some()
                    || zone.and_then(|z| self.shown_native_name(z)).is_some()
            }
            _ => false,
        };
        super::footprint::header_has_ends(width, has_graphics)
    }

    /// A pavilion's name in its own script, where it adds something: not when it is the name
    /// the fascia already prints in the hall's default language (a Kazakh fair's «Қазақстан»).
    pub fn shown_native_name<'z>(&self, zone: &'z Zone) -> Option<&'z super::model::NativeName> {
        let ZoneKind::Pavilion(pavilion) = &zone.kind else {
            return None;
        };
        let native = pavilion.native_name.as_ref()?;
        let name = zone.name.get(self.hall.spoken(None));
        (native.text.trim().to_lowercase() != name.trim().to_lowercase()).then_some(native)
    }

    /// Where an area's info counter stands (booth-local centre), when the hall's stand kit has
    /// counters and a front corner of the booth is free.
    pub fn counter(&self, area: &AreaRef) -> Option<bevy::math::Vec2> {
        let kit = self.hall.shell.furnishing.stand.as_ref()?;
        if !kit.counter {
            return None;
        }
        let footprint = self.footprint(area)?;
        let occupied: Vec<bevy::math::Rect> = self
            .displays_in(area)
            .into_iter()
            .map(|(_, covers, _)| covers)
            .collect();
        super::footprint::counter_place(footprint.width, footprint.depth, &occupied)
    }

    /// Where a signpost points: the host's zone, then each group of pavilions, each with the
    /// middles of its booths on the floor plan. Groups without booths are left out.
    pub fn destinations(&self) -> Vec<(&Text, Vec<bevy::math::Vec2>)> {
        let booths_of = |belongs: &dyn Fn(&ZoneKind) -> bool| -> Vec<bevy::math::Vec2> {
            self.footprints
                .iter()
                .filter(|f| self.zone(&f.area.zone).is_some_and(|z| belongs(&z.kind)))
                .map(|f| f.centre)
                .collect()
        };
        let host = (
            &self.hall.host_heading,
            booths_of(&|kind| matches!(kind, ZoneKind::Host { .. })),
        );
        let groups = self.hall.groups.iter().map(|group| {
            let booths =
                booths_of(&|kind| matches!(kind, ZoneKind::Pavilion(p) if p.group == group.id));
            (&group.heading, booths)
        });
        std::iter::once(host)
            .chain(groups)
            .filter(|(_, booths)| !booths.is_empty())
            .collect()
    }

    /// How high the booths' carpeted platforms are (0 without a stand kit): displays stand on it.
    pub fn platform_height(&self) -> f32 {
        self.hall
            .shell
            .furnishing
            .stand
            .as_ref()
            .map_or(0.0, |kit| kit.platform)
    }

    /// The main colour of an area's booth: its own colour, else the pavilion's first flag
    /// colour, else the host's red.
    pub fn area_colour(&self, area: &AreaRef) -> [u8; 3] {
        const HOST_RED: [u8; 3] = [170, 30, 40];
        let flag = match self.zone(&area.zone).map(|z| &z.kind) {
            Some(ZoneKind::Pavilion(pavilion)) => pavilion.flag_colours.first(),
            _ => None,
        };
        self.booth(area)
            .and_then(|b| b.colour.as_ref())
            .or(flag)
            .map_or(HOST_RED, Colour::rgb)
    }

    /// The group a pavilion belongs to, if the hall declares it.
    pub fn group_of(&self, zone: &Zone) -> Option<&Group> {
        match &zone.kind {
            ZoneKind::Pavilion(pavilion) => {
                self.hall.groups.iter().find(|g| g.id == pavilion.group)
            }
            ZoneKind::Host { .. } => None,
        }
    }

    /// The pavilions of a group, in hall order, with their indices.
    pub fn pavilions_in<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = (usize, &'a Zone)> {
        self.zones
            .iter()
            .enumerate()
            .filter(move |(_, z)| matches!(&z.kind, ZoneKind::Pavilion(p) if p.group == group.id))
    }

    pub fn pavilions(&self) -> impl Iterator<Item = &Zone> {
        self.zones
            .iter()
            .filter(|z| matches!(z.kind, ZoneKind::Pavilion(_)))
    }

    /// Every text a visitor can read, in no particular order.
    pub fn visitor_texts(&self) -> Vec<&Text> {
        let hall = &self.hall;
        let about = &hall.about;
        let mut texts = vec![
            &hall.name,
            &hall.host_heading,
            &hall.shell.name,
            &about.title,
            &about.subtitle,
            &about.venue,
            &about.dates,
            &about.introduction,
        ];
        texts.extend(hall.shell.entrances.iter().map(|e| &e.name));
        texts.extend(hall.groups.iter().flat_map(|g| [&g.heading, &g.label]));
        texts.extend(about.facts.iter().flat_map(|f| [&f.figure, &f.label]));
        texts.extend(about.timeline.iter().map(|m| &m.text));
        texts.extend(&about.seen_across_pavilions);
        texts.extend(about.sources.iter().flat_map(|s| [&s.outlet, &s.title]));
        for tour in &self.tours {
            texts.push(&tour.title);
            texts.extend(tour.stops.iter().map(|s| &s.narration));
        }
        for zone in &self.zones {
            texts.extend([&zone.name, &zone.intro]);
            if let ZoneKind::Host { sectors } = &zone.kind {
                texts.extend(sectors.iter().flat_map(|s| [&s.name, &s.intro]));
            }
            for exhibit in &zone.exhibits {
                texts.extend([&exhibit.title, &exhibit.summary, &exhibit.description]);
                texts.extend(&exhibit.exhibitors);
                texts.extend(&exhibit.tags);
                texts.extend(exhibit.media.iter().map(|m| &m.caption));
                texts.extend(exhibit.links.iter().map(|l| &l.label));
            }
        }
        texts
    }

    pub fn exhibit_count(&self) -> usize {
        self.zones.iter().map(|z| z.exhibits.len()).sum()
    }
}

/// The area of an exhibit in `zone`.
pub fn area_id(zone: &Zone, exhibit: &Exhibit) -> AreaRef {
    match (&zone.kind, &exhibit.sector) {
        (ZoneKind::Host { .. }, Some(sector)) => AreaRef::sector(&zone.id, sector),
        _ => AreaRef::zone(&zone.id),
    }
}

/// Booth sizes of every area the zones provide.
pub fn area_sizes(zones: &[Zone]) -> HashMap<AreaRef, (f32, f32)> {
    let mut sizes = HashMap::new();
    for zone in zones {
        match &zone.kind {
            ZoneKind::Host { sectors } => {
                for sector in sectors {
                    sizes.insert(
                        AreaRef::sector(&zone.id, &sector.id),
                        (sector.booth.width, sector.booth.depth),
                    );
                }
            }
            ZoneKind::Pavilion(pavilion) => {
                sizes.insert(
                    AreaRef::zone(&zone.id),
                    (pavilion.booth.width, pavilion.booth.depth),
                );
            }
        }
    }
    sizes
}

/// Every colour a zone file writes, for checking: unreadable ones are reported by the loader
/// and the validator.
pub fn zone_colours(zone: &Zone) -> Vec<&Colour> {
    use super::model::Display;
    let mut colours = Vec::new();
    match &zone.kind {
        ZoneKind::Host { sectors } => {
            colours.extend(sectors.iter().filter_map(|s| s.booth.colour.as_ref()));
        }
        ZoneKind::Pavilion(pavilion) => {
            colours.extend(&pavilion.flag_colours);
            colours.extend(pavilion.booth.colour.as_ref());
        }
    }
    for exhibit in &zone.exhibits {
        match &exhibit.display {
            Display::Plinth { colour, models } | Display::Showcase { colour, models } => {
                colours.push(colour);
                colours.extend(
                    models
                        .iter()
                        .filter_map(|m| m.finish.as_ref().map(|f| f.colour())),
                );
            }
            Display::HangingTextile { colours: bands, .. } => colours.extend(bands),
            Display::Model { parts } => colours.extend(parts.iter().map(|p| &p.colour)),
            Display::WallPanel | Display::Screen { .. } | Display::Statistic => {}
        }
    }
    colours
}

/// Everything read from a content folder without Bevy: the exhibition (if the hall file itself
/// is readable), the source text of each file (for positioning later problems), and the
/// problems met while reading. A broken zone file is reported and left out; the rest loads.
pub struct ReadContent {
    pub exhibition: Option<Exhibition>,
    pub texts: HashMap<String, String>,
    pub problems: Vec<Problem>,
}

/// Reads and parses each file; unreadable or broken ones become problems, the rest are returned.
/// The text of every readable file is kept for positioning later problems.
fn read_each<T>(
    source: &ContentSource,
    files: &[String],
    kind: &str,
    parse: fn(&str, &str) -> Result<T, Problem>,
    texts: &mut HashMap<String, String>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let mut parsed = Vec::new();
    for file in files {
        let shown = source.display(file);
        match source.read_text(file) {
            Ok(text) => {
                match parse(&shown, &text) {
                    Ok(value) => parsed.push(value),
                    Err(problem) => problems.push(problem),
                }
                texts.insert(file.clone(), text);
            }
            Err(error) => problems.push(Problem::file(
                shown,
                format!("cannot read the {kind} file: {error}"),
            )),
        }
    }
    parsed
}

/// Reads the hall and every zone file it lists.
pub fn read_exhibition(source: &ContentSource, hall_path: &str) -> ReadContent {
    let mut problems = Vec::new();
    let mut texts = HashMap::new();
    let hall = match read_hall(source, hall_path) {
        Ok((hall, about_problem)) => {
            problems.extend(about_problem);
            hall
        }
        Err(problem) => {
            return ReadContent {
                exhibition: None,
                texts,
                problems: vec![problem],
            };
        }
    };
    let zones = read_each(
        source,
        &hall.zone_files,
        "zone",
        parse_zone,
        &mut texts,
        &mut problems,
    );
    let tours = read_each(
        source,
        &hall.tour_files,
        "tour",
        parse_tour,
        &mut texts,
        &mut problems,
    );
    let (exhibition, layout_problems, fixed) = Exhibition::assemble(hall, zones, tours);
    let hall_shown = source.display(&exhibition.hall.path);
    let hall_text = source.read_text(&exhibition.hall.path).unwrap_or_default();
    // Replaced numbers, at the place they were written.
    for note in fixed {
        let file = match &note.zone {
            Some(zone) => {
                let needle = format!("id: \"{zone}\"");
                exhibition
                    .hall
                    .zone_files
                    .iter()
                    .find(|f| texts.get(*f).is_some_and(|t| t.contains(&needle)))
                    .cloned()
                    .unwrap_or_else(|| exhibition.hall.path.clone())
            }
            None => exhibition.hall.path.clone(),
        };
        let text = texts
            .get(&file)
            .cloned()
            .unwrap_or_else(|| hall_text.clone());
        problems.push(Problem::near(
            source.display(&file),
            &text,
            &note.anchor,
            Some(note.field),
            note.message,
        ));
    }
    for problem in layout_problems {
        let anchor = match (&problem.area, problem.anchor) {
            (Some(area), _) => format!("\"{area}\""),
            (None, Some(word)) if hall_text.contains(word) => format!("{word}:"),
            _ => "layout:".into(),
        };
        problems.push(Problem::near(
            &hall_shown,
            &hall_text,
            &anchor,
            None,
            problem.message,
        ));
    }
    texts.insert(exhibition.hall.path.clone(), hall_text);
    ReadContent {
        exhibition: Some(exhibition),
        texts,
        problems,
    }
}
