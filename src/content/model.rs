//! The exhibition's data model: every type that a RON file in `assets/` deserializes into.
//!
//! All schema lives here, so a format change touches one file. Files and their root types:
//! - `halls/*.hall.ron` → [`HallFile`]: hall-level facts ("about this exhibition"), the hall's
//!   shell (size, entrances) and the layout that places every zone.
//! - `zones/*.zone.ron` → [`Zone`]: one per zone (the China zone or one country pavilion) with its exhibits.
//!
//! Coordinates are metres. The hall's origin is its centre on the floor; `x` grows east, `z` grows
//! south (towards the main entrance), `y` is up. Inside a booth, local `x` runs along the booth's
//! front from left to right as a visitor facing the booth sees it, and local `z` runs from the back
//! wall (negative) towards the open front (positive).

use serde::{Deserialize, Serialize};

/// A language the exhibition can be read in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "ru")]
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Zh, Lang::Ru];

    /// The order in which translations are tried when text in `self` is missing.
    pub fn fallback_chain(self) -> [Lang; 3] {
        match self {
            Lang::En => [Lang::En, Lang::Zh, Lang::Ru],
            Lang::Zh => [Lang::Zh, Lang::En, Lang::Ru],
            Lang::Ru => [Lang::Ru, Lang::En, Lang::Zh],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// A visitor-facing text in several languages: `(en: "…", zh: "…")`, `ru` optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
}

impl Text {
    pub fn new(en: &str, zh: &str) -> Self {
        Text {
            en: Some(en.to_owned()),
            zh: Some(zh.to_owned()),
            ru: None,
        }
    }

    /// The translation in exactly `lang`, if present and not blank.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
            Lang::Ru => &self.ru,
        };
        text.as_deref().filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, falling back along [`Lang::fallback_chain`]; empty if there is none.
    pub fn get(&self, lang: Lang) -> &str {
        lang.fallback_chain()
            .into_iter()
            .find_map(|l| self.exact(l))
            .unwrap_or("")
    }

    /// Which of `languages` (the hall's declared ones) this text lacks.
    pub fn missing(&self, languages: &[Lang]) -> Vec<Lang> {
        languages
            .iter()
            .copied()
            .filter(|l| self.exact(*l).is_none())
            .collect()
    }
}

/// Where a piece of content comes from, so the hall never passes background off as reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Source {
    /// The press reported it on show at this pavilion or sector of Hall N2.
    #[default]
    ReportedOnShow,
    /// The press reported it (a project, company or figure) in its coverage of the forum; the
    /// curators placed it in the sector whose theme it belongs to.
    ReportedInCoverage,
    /// General public background, not reported at the expo.
    Background,
}

// ---------------------------------------------------------------------------------------------
// Typed values written as strings
// ---------------------------------------------------------------------------------------------

/// A booth of the hall: a pavilion by its zone id (`"ru"`) or a sector of a zone with sectors
/// (`"cn/logistics"`). Parsed once where content is read; written back the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AreaRef {
    pub zone: String,
    pub sector: Option<String>,
}

impl AreaRef {
    /// A whole zone (a pavilion).
    pub fn zone(zone: impl Into<String>) -> Self {
        AreaRef {
            zone: zone.into(),
            sector: None,
        }
    }

    /// One sector of a zone.
    pub fn sector(zone: impl Into<String>, sector: impl Into<String>) -> Self {
        AreaRef {
            zone: zone.into(),
            sector: Some(sector.into()),
        }
    }

    /// Reads `"zone"` or `"zone/sector"`: ids without spaces, at most one `/`.
    pub fn parse(text: &str) -> Result<AreaRef, String> {
        let valid = |id: &str| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        };
        let (zone, sector) = match text.split_once('/') {
            None => (text, None),
            Some((zone, sector)) => (zone, Some(sector)),
        };
        if valid(zone) && sector.is_none_or(valid) {
            Ok(AreaRef {
                zone: zone.to_owned(),
                sector: sector.map(str::to_owned),
            })
        } else {
            Err(format!(
                "`{text}` is not an area: expected \"<zone>\" or \"<zone>/<sector>\", e.g. \"ru\" or \"cn/logistics\""
            ))
        }
    }
}

impl std::fmt::Display for AreaRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.sector {
            Some(sector) => write!(f, "{}/{sector}", self.zone),
            None => f.write_str(&self.zone),
        }
    }
}

impl std::str::FromStr for AreaRef {
    type Err = String;

    fn from_str(text: &str) -> Result<AreaRef, String> {
        AreaRef::parse(text)
    }
}

impl TryFrom<String> for AreaRef {
    type Error = String;

    fn try_from(text: String) -> Result<AreaRef, String> {
        AreaRef::parse(&text)
    }
}

impl From<AreaRef> for String {
    fn from(area: AreaRef) -> String {
        area.to_string()
    }
}

/// An sRGB colour, written `"#RRGGBB"` in content files and parsed as the file is read.
///
/// A value that is not a colour does not stop the file from loading: it becomes
/// [`Colour::SUBSTITUTE`] and keeps what was written, which the validator and the loader report
/// with its position. This is the only place that decides what a bad colour looks like.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Colour {
    rgb: [u8; 3],
    unreadable: Option<String>,
}

impl Colour {
    /// What a colour that could not be read is drawn as: a neutral grey.
    pub const SUBSTITUTE: [u8; 3] = [150, 150, 150];

    pub const fn rgb_bytes(rgb: [u8; 3]) -> Colour {
        Colour {
            rgb,
            unreadable: None,
        }
    }

    /// Reads `"#RRGGBB"`.
    pub fn parse(text: &str) -> Result<Colour, String> {
        let hex = text
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6 && hex.is_ascii());
        let byte = |hex: &str, i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.and_then(|hex| Some([byte(hex, 0)?, byte(hex, 2)?, byte(hex, 4)?])) {
            Some(rgb) => Ok(Colour::rgb_bytes(rgb)),
            None => Err(format!("`{text}` is not a colour: expected \"#RRGGBB\"")),
        }
    }

    /// The colour's bytes (the substitute for an unreadable value).
    pub fn rgb(&self) -> [u8; 3] {
        self.rgb
    }

    /// What was written, when it was not a colour.
    pub fn unreadable(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Colour, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Colour::parse(&text).unwrap_or(Colour {
            rgb: Colour::SUBSTITUTE,
            unreadable: Some(text),
        }))
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.unreadable {
            Some(text) => serializer.serialize_str(text),
            None => {
                let [r, g, b] = self.rgb;
                serializer.serialize_str(&format!("#{r:02X}{g:02X}{b:02X}"))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hall
// ---------------------------------------------------------------------------------------------

/// Root of a `*.hall.ron` file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HallFile {
    /// Another hall file (relative to this one) whose `about`, `shell` and `zones` this one reuses;
    /// a file with `extends` only needs its own `name` and `layout`.
    #[serde(default)]
    pub extends: Option<String>,
    /// What this arrangement is, shown in the UI ("Design layout", "As reported").
    pub name: Text,
    /// The languages every visitor-facing text is written in, first the default; the language
    /// switch offers them. Empty: those of the file this one `extends`, else English and Chinese.
    #[serde(default)]
    pub languages: Vec<Lang>,
    /// How the directory, the panels and `list` group the pavilions, in this order.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The heading of the host's zone (the zone with sectors), e.g. "China zone".
    #[serde(default)]
    pub host_heading: Option<Text>,
    #[serde(default)]
    pub about: Option<About>,
    #[serde(default)]
    pub shell: Option<Shell>,
    /// Zone files, relative to the content folder, in directory order.
    #[serde(default)]
    pub zones: Vec<String>,
    /// Guided tour files (`tours/*.tour.ron`), relative to the content folder.
    #[serde(default)]
    pub tours: Vec<String>,
    pub layout: Layout,
}

/// A group of pavilions: its id (which pavilions name), the heading over them, and what one
/// pavilion of the group is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    /// Over the group in the directory: "SCO member states".
    pub heading: Text,
    /// On one pavilion's panel: "SCO member state".
    pub label: Text,
}

/// Hall-level facts for the "about this exhibition" panel.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct About {
    pub title: Text,
    pub subtitle: Text,
    pub venue: Text,
    pub dates: Text,
    pub introduction: Text,
    /// Key figures (trade totals, anniversaries, visits …).
    pub facts: Vec<Fact>,
    /// Dated milestones of Chongqing's ties with the SCO.
    pub timeline: Vec<Milestone>,
    /// Goods the press saw across the pavilions without naming whose they were.
    #[serde(default)]
    pub seen_across_pavilions: Vec<Text>,
    /// The articles this exhibition is built from.
    pub sources: Vec<SourceArticle>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    /// The number or short headline, e.g. "US$244.85 bn".
    pub figure: Text,
    pub label: Text,
    #[serde(default)]
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Milestone {
    /// ISO-like date as precise as known: "2018-02", "2019-05", "2021-08-23".
    pub date: String,
    pub text: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceArticle {
    pub outlet: Text,
    pub title: Text,
    pub date: String,
}

/// The physical hall: walls, entrances.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shell {
    pub name: Text,
    /// Inner width (east–west) in metres.
    pub width: f32,
    /// Inner depth (north–south) in metres.
    pub depth: f32,
    pub wall_height: f32,
    pub entrances: Vec<Entrance>,
    /// Where a new visitor starts: a point on the floor and the compass bearing they face (degrees,
    /// 0 = north, 90 = east).
    pub start: Viewpoint,
    /// Models that furnish the hall.
    #[serde(default)]
    pub furnishing: Furnishing,
    /// The light of the hall's surroundings for the medium and high tiers (the low tier bakes
    /// its light); none: the key light and ambient only.
    #[serde(default)]
    pub environment: Option<EnvironmentLight>,
}

/// Image-based light: two KTX2 cube maps made from one HDRI (`assets/env/README.md` says how).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvironmentLight {
    /// The irradiance cube (diffuse light from every direction).
    pub diffuse: String,
    /// The prefiltered reflection cube, one mip level per roughness step.
    pub specular: String,
    /// Its brightness, in Bevy's units (candela per square metre).
    pub intensity: f32,
}

/// The hall's furniture and people, as model files (`.glb`, base at y = 0, metres).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Furnishing {
    /// A potted plant at each front corner of every booth.
    #[serde(default)]
    pub booth_plant: Option<String>,
    /// Visitors standing in the aisles, for scale.
    #[serde(default)]
    pub people: Vec<Figure>,
    /// Banners with the exhibition's title hanging over the aisles, printed on both sides.
    #[serde(default)]
    pub banners: Vec<HangingBanner>,
    /// Freestanding signs pointing the way to the host's zone and to each group of pavilions.
    #[serde(default)]
    pub signposts: Vec<Signpost>,
    /// Benches to rest on, in the aisles.
    #[serde(default)]
    pub benches: Vec<Bench>,
    /// What every booth is built with besides its walls: a raised carpeted platform, an info
    /// counter, a stool and lights on a rail. Absent: bare booths on the hall floor.
    #[serde(default)]
    pub stand: Option<StandKit>,
}

impl Furnishing {
    /// Every model file the furnishing shows.
    pub fn model_files(&self) -> impl Iterator<Item = &String> {
        self.booth_plant
            .iter()
            .chain(self.people.iter().map(|f| &f.file))
            .chain(self.stand.iter().filter_map(|kit| kit.stool.as_ref()))
    }
}

/// A freestanding sign at `x`, `z` (hall metres), its face towards `bearing` (as [`Viewpoint`]).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Signpost {
    pub x: f32,
    pub z: f32,
    #[serde(default)]
    pub bearing: f32,
}

/// A bench at `x`, `z` (hall metres), its seat's front towards `bearing`, `length` metres long.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Bench {
    pub x: f32,
    pub z: f32,
    #[serde(default)]
    pub bearing: f32,
    #[serde(default = "bench_length")]
    pub length: f32,
}

fn bench_length() -> f32 {
    2.0
}

/// The parts every booth is built with, as a stand builder's kit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StandKit {
    /// Height of the carpeted platform the booth stands on, metres (0: carpet on the floor).
    #[serde(default = "platform_height")]
    pub platform: f32,
    /// An info counter in a free front corner (the other corner keeps its plant).
    #[serde(default = "yes")]
    pub counter: bool,
    /// A model standing behind the counter (a bar stool).
    #[serde(default)]
    pub stool: Option<String>,
    /// A rail of spotlights under the fascia (or along the top of an open booth's back wall).
    #[serde(default = "yes")]
    pub light_rail: bool,
}

fn platform_height() -> f32 {
    0.08
}

fn yes() -> bool {
    true
}

/// A banner hanging from the roof: its centre at `x`, `z` (hall metres), its lower edge
/// `height` metres above the floor, its face towards `bearing` (as [`Viewpoint`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HangingBanner {
    pub x: f32,
    pub z: f32,
    #[serde(default)]
    pub bearing: f32,
    #[serde(default = "banner_height")]
    pub height: f32,
    /// Width in metres; the height follows the printed sign's proportions.
    #[serde(default = "banner_width")]
    pub width: f32,
}

fn banner_height() -> f32 {
    6.0
}

fn banner_width() -> f32 {
    8.0
}

/// A model standing on the hall floor: `x`, `z` in hall metres, facing `bearing` (as [`Viewpoint`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figure {
    pub file: String,
    pub x: f32,
    pub z: f32,
    #[serde(default)]
    pub bearing: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entrance {
    pub name: Text,
    pub wall: Side,
    /// Centre of the opening along its wall, metres from the wall's middle (east/south positive).
    pub offset: f32,
    pub width: f32,
    /// An arch inside the opening carrying the exhibition's title.
    #[serde(default)]
    pub arch: bool,
}

/// A camera position on the floor plan: standing point and bearing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Viewpoint {
    pub x: f32,
    pub z: f32,
    /// Compass bearing in degrees: 0 looks north (−z), 90 east (+x).
    pub bearing: f32,
}

/// A compass side of the hall or of a row of booths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    North,
    East,
    South,
    West,
}

/// How the zones are arranged: rows of booths, each placed edge to edge along a line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Layout {
    /// The minimum aisle width the arrangement promises (checked by the validator).
    pub min_aisle: f32,
    pub rows: Vec<Row>,
}

/// A straight row of booths. Booths are placed one after another from `start` in direction
/// `runs`, separated by `gap` metres; each booth's open front faces `facing`, and its back edge
/// lies on the row's line. `align` shifts the whole row so that the line from `start` is its
/// left end (`Start`), its middle (`Centre`) or its right end (`End`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    pub start: (f32, f32),
    pub runs: Side,
    pub facing: Side,
    #[serde(default = "default_gap")]
    pub gap: f32,
    #[serde(default)]
    pub align: Align,
    /// Areas: a pavilion's zone id (`"ru"`), or a sector as `"cn/logistics"`.
    pub areas: Vec<AreaRef>,
}

fn default_gap() -> f32 {
    3.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Align {
    #[default]
    Start,
    Centre,
    End,
}

// ---------------------------------------------------------------------------------------------
// Tours
// ---------------------------------------------------------------------------------------------

/// Root of a `tours/*.tour.ron` file: a guided walk through the hall, stop by stop.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TourFile {
    pub id: String,
    pub title: Text,
    pub stops: Vec<TourStop>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TourStop {
    pub target: StopTarget,
    /// What the guide says here.
    pub narration: Text,
    /// Seconds to stay after arriving.
    pub dwell: f32,
    /// Where to stand, if not the target's usual viewpoint.
    #[serde(default)]
    pub view: Option<Viewpoint>,
}

/// What a tour stop shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StopTarget {
    /// The whole hall from above.
    Hall,
    /// A booth: a pavilion's zone id or `"cn/<sector>"`.
    Area(AreaRef),
    /// An exhibit by id.
    Exhibit(String),
}

// ---------------------------------------------------------------------------------------------
// Zones
// ---------------------------------------------------------------------------------------------

/// Root of a `*.zone.ron` file: the China zone or one country's pavilion.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Zone {
    /// Stable id: the lower-case ISO 3166 alpha-2 code (`"cn"`, `"ru"`, …).
    pub id: String,
    pub name: Text,
    pub kind: ZoneKind,
    /// A short introduction to the zone.
    pub intro: Text,
    /// Whether the introduction reports the expo or gives general background.
    #[serde(default)]
    pub intro_source: Source,
    /// Pages about the zone (the country's official sites, encyclopedia articles); the panel
    /// shows the first as a QR code.
    #[serde(default)]
    pub links: Vec<Link>,
    pub exhibits: Vec<Exhibit>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ZoneKind {
    /// The host's zone, made of themed sectors that are laid out as separate booths.
    #[serde(alias = "China")]
    Host { sectors: Vec<Sector> },
    /// A country's pavilion: one booth.
    Pavilion(Pavilion),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sector {
    /// Short id, unique within the zone (`"logistics"`); laid out as `"cn/logistics"`.
    pub id: String,
    pub name: Text,
    pub intro: Text,
    pub booth: Booth,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pavilion {
    /// ISO 3166-1 alpha-2, upper case.
    pub iso: String,
    /// The id of the hall's group this pavilion belongs to (`member`, `observer`, …).
    pub group: String,
    /// Flag colours, most prominent first, as `"#RRGGBB"`.
    pub flag_colours: Vec<Colour>,
    /// How the flag is drawn on the booth: stripes of `flag_colours`.
    #[serde(default)]
    pub flag_pattern: FlagPattern,
    /// An image of the flag (content-relative path), shown in panels.
    #[serde(default)]
    pub flag_image: Option<String>,
    /// The country's name in its own script, printed on the booth's back wall.
    #[serde(default)]
    pub native_name: Option<NativeName>,
    pub booth: Booth,
}

/// A name in the country's own script. Scripts that need shaping (Arabic, Devanagari, Khmer,
/// Sinhala) are printed from a picture made offline by `tools/native-names.py` from `text`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NativeName {
    pub text: String,
    /// Content-relative path of the print: white letters on transparent,
    /// [`NATIVE_NAME_ASPECT`] times as wide as high; the hall tints it.
    pub print: String,
}

/// Width over height of a native-name print.
pub const NATIVE_NAME_ASPECT: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FlagPattern {
    #[default]
    HorizontalStripes,
    VerticalStripes,
    /// A field in the first colour with an emblem in the second.
    Field,
}

/// A booth's footprint size and look.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Booth {
    /// Along the front, metres.
    pub width: f32,
    /// Front to back, metres.
    pub depth: f32,
    #[serde(default)]
    pub style: BoothStyle,
    /// Main colour of the walls and fascia (`"#RRGGBB"`); pavilions default to their first flag colour.
    #[serde(default)]
    pub colour: Option<Colour>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BoothStyle {
    /// Back and side walls with a fascia sign across the front.
    #[default]
    ShellScheme,
    /// Back wall only, open on three sides.
    Open,
    /// Walls with a tall tower at the back corner carrying the sign.
    Tower,
    /// No walls: a large stand visitors walk onto from every side, its name on a header hung
    /// above it, read from the front and from the back.
    Island,
}

// ---------------------------------------------------------------------------------------------
// Exhibits
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exhibit {
    /// Stable id, unique in the whole exhibition, prefixed with the zone id: `"ru.digital-silk-road"`.
    pub id: String,
    pub title: Text,
    /// One line.
    pub summary: Text,
    pub description: Text,
    pub category: Category,
    /// For the China zone: which sector it stands in.
    #[serde(default)]
    pub sector: Option<String>,
    /// Exhibitors or companies the source names.
    #[serde(default)]
    pub exhibitors: Vec<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub media: Vec<Media>,
    #[serde(default)]
    pub links: Vec<Link>,
    pub place: Placement,
    pub display: Display,
    #[serde(default)]
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    Product,
    Technology,
    Culture,
    CooperationProject,
    Statistic,
    Platform,
    Tourism,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Media {
    /// Content-relative image path (PNG or JPEG).
    pub path: String,
    #[serde(default)]
    pub caption: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Link {
    pub label: Text,
    pub url: String,
}

/// Where an exhibit stands inside its booth (booth-local metres, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub x: f32,
    pub z: f32,
    /// Turn in degrees about the vertical; 0 faces the booth's open front.
    #[serde(default)]
    pub turn: f32,
}

/// How an exhibit is presented in 3D.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Display {
    /// Objects on a plinth: `models` when given, else a small sculpture tinted `colour`.
    Plinth {
        colour: Colour,
        #[serde(default)]
        models: Vec<PlacedModel>,
    },
    /// A glass case: `models` inside when given, else small boxes tinted `colour`.
    Showcase {
        colour: Colour,
        #[serde(default)]
        models: Vec<PlacedModel>,
    },
    /// A printed panel standing against a wall, with the exhibit's title.
    WallPanel,
    /// Video screens showing `media` as a slideshow; `count` screens side by side.
    Screen {
        #[serde(default = "one")]
        count: u32,
    },
    /// Cloth hanging from a rail between two posts, `width` × `height` metres, drawn by `pattern`
    /// in `colours`.
    HangingTextile {
        colours: Vec<Colour>,
        width: f32,
        height: f32,
        #[serde(default)]
        pattern: TextilePattern,
    },
    /// A large figure or statistic on a standing board.
    Statistic,
    /// A simple model composed of primitive parts.
    Model { parts: Vec<Part> },
}

fn one() -> u32 {
    1
}

/// How a hanging textile is drawn from its colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextilePattern {
    /// One cloth in vertical bands, one per colour.
    #[default]
    Bands,
    /// A painted scroll (a thangka): a brocade border in the first colour, a gold frame in the
    /// second, a painted field in the third with a haloed figure in the rest, on two rods.
    Scroll,
    /// Separate scarves side by side, one per colour, fringed at the bottom.
    Scarves,
}

fn unit_scale() -> f32 {
    1.0
}

/// A 3D model file shown as (part of) an exhibit: `file` is a binary glTF (`.glb`) in the
/// content folder, with its base at y = 0 and its size in metres (see `assets/models/README.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlacedModel {
    pub file: String,
    /// Where the model's base centre stands, in metres from the centre of the surface it is
    /// on (the plinth's top, the case's floor); x to the right, z towards the visitor.
    #[serde(default)]
    pub at: (f32, f32, f32),
    /// Uniform scale of the model's own size.
    #[serde(default = "unit_scale")]
    pub scale: f32,
    /// Turn in degrees about the vertical.
    #[serde(default)]
    pub turn: f32,
    /// Paints the whole model in one finish instead of its own materials.
    #[serde(default)]
    pub finish: Option<ModelFinish>,
}

/// One material for a whole model: gilding, glazed ceramic, copper.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ModelFinish {
    /// Polished metal of this colour (gold, copper, bronze).
    Metal(Colour),
    /// A glossy painted or glazed surface of this colour.
    Gloss(Colour),
}

impl ModelFinish {
    pub fn colour(&self) -> &Colour {
        match self {
            ModelFinish::Metal(colour) | ModelFinish::Gloss(colour) => colour,
        }
    }
}

impl Display {
    /// The model files this display shows.
    pub fn models(&self) -> &[PlacedModel] {
        match self {
            Display::Plinth { models, .. } | Display::Showcase { models, .. } => models,
            _ => &[],
        }
    }
}

/// One primitive of a composed model, in metres relative to the exhibit's placement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Part {
    pub shape: Shape,
    /// Centre of the part.
    pub at: (f32, f32, f32),
    /// Box: full size x,y,z; Sphere: radius in x; Cylinder/Cone: radius in x, height in y.
    pub size: (f32, f32, f32),
    pub colour: Colour,
    /// 0 opaque … 1 invisible.
    #[serde(default)]
    pub transparency: f32,
    /// Degrees the part is turned about its centre: about x (tipping it towards the visitor),
    /// then y (the vertical), then z (leaning it left or right in the front plane).
    #[serde(default)]
    pub rotate: (f32, f32, f32),
}

impl Part {
    /// The part's rotation about its centre.
    pub fn rotation(&self) -> bevy::math::Quat {
        let (x, y, z) = self.rotate;
        bevy::math::Quat::from_euler(
            bevy::math::EulerRot::XYZ,
            x.to_radians(),
            y.to_radians(),
            z.to_radians(),
        )
    }

    /// Half the size of the box, axis-aligned in the display's frame, that holds the part as
    /// turned: exact for boxes, spheres and cylinders (a cone is held like its cylinder).
    pub fn half_extent(&self) -> bevy::math::Vec3 {
        use bevy::math::Vec3;
        let (sx, sy, sz) = self.size;
        let rotation = self.rotation();
        match self.shape {
            Shape::Box => {
                let half = Vec3::new(sx, sy, sz) / 2.0;
                let (x, y, z) = (rotation * Vec3::X, rotation * Vec3::Y, rotation * Vec3::Z);
                x.abs() * half.x + y.abs() * half.y + z.abs() * half.z
            }
            Shape::Sphere => Vec3::splat(sx),
            Shape::Cylinder | Shape::Cone => {
                // Along each axis: the half-height along the cylinder's own axis, plus the
                // radius of its end discs across it.
                let axis = rotation * Vec3::Y;
                let across = (Vec3::ONE - axis * axis).max(Vec3::ZERO);
                axis.abs() * (sy / 2.0)
                    + Vec3::new(across.x.sqrt(), across.y.sqrt(), across.z.sqrt()) * sx
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    Box,
    Sphere,
    Cylinder,
    Cone,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_languages_fall_back_along_the_chain() {
        let only_zh = Text {
            zh: Some("重庆".into()),
            ..Default::default()
        };
        assert_eq!(only_zh.get(Lang::En), "重庆");
        assert_eq!(only_zh.get(Lang::Ru), "重庆");
        let en_zh = Text::new("Chongqing", "重庆");
        assert_eq!(
            en_zh.get(Lang::Ru),
            "Chongqing",
            "Russian falls back to English first"
        );
        assert_eq!(en_zh.get(Lang::Zh), "重庆");
        let blank_en = Text {
            en: Some("  ".into()),
            zh: Some("重庆".into()),
            ru: Some("Чунцин".into()),
        };
        assert_eq!(
            blank_en.get(Lang::En),
            "重庆",
            "blank text counts as missing"
        );
        assert_eq!(Text::default().get(Lang::En), "");
    }

    #[test]
    fn a_text_lacks_the_declared_languages_it_is_not_written_in() {
        assert!(
            Text::new("a", "甲")
                .missing(&[Lang::En, Lang::Zh])
                .is_empty()
        );
        assert_eq!(Text::new("a", "甲").missing(&Lang::ALL), vec![Lang::Ru]);
        let ru_only = Text {
            ru: Some("а".into()),
            ..Default::default()
        };
        assert_eq!(
            ru_only.missing(&[Lang::En, Lang::Zh]),
            vec![Lang::En, Lang::Zh]
        );
    }

    #[test]
    fn areas_parse_once_and_write_back_the_same_way() {
        let sector: AreaRef = "cn/logistics".parse().unwrap();
        assert_eq!(sector, AreaRef::sector("cn", "logistics"));
        assert_eq!(sector.to_string(), "cn/logistics");
        assert_eq!(AreaRef::parse("ru"), Ok(AreaRef::zone("ru")));
        for bad in ["", "cn/", "/x", "a/b/c", "r u", "cn/lo gistics"] {
            assert!(AreaRef::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn colours_parse_as_hash_rrggbb_and_unreadable_ones_are_kept_for_the_report() {
        assert_eq!(Colour::parse("#01411C").unwrap().rgb(), [1, 0x41, 0x1c]);
        for bad in ["01411C", "#01411", "#GG0000", "#0141１C"] {
            assert!(Colour::parse(bad).is_err(), "{bad}");
        }
        let read: Vec<Colour> = ron::from_str(r##"["#FF0000", "#F00"]"##).unwrap();
        assert_eq!(read[0].rgb(), [255, 0, 0]);
        assert_eq!(read[0].unreadable(), None);
        assert_eq!(read[1].rgb(), Colour::SUBSTITUTE);
        assert_eq!(read[1].unreadable(), Some("#F00"));
        assert_eq!(ron::to_string(&read).unwrap(), r##"["#FF0000","#F00"]"##);
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
