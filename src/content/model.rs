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

/// A language, by its BCP 47 tag (`en`, `de`, `kk`, `pt-BR`): the hall file declares which ones
/// the fair speaks, and every text is keyed by them. Parsed once where content is read (case
/// made canonical, `_` read as `-`), so the rest of the program compares whole tags.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang {
    tag: [u8; Lang::MAX_LEN],
    len: u8,
}

impl Lang {
    /// The longest tag held (`zh-Hant-TW` is 10).
    pub const MAX_LEN: usize = 15;

    /// `und`, BCP 47's "undetermined": the language of a hall that declares none and names
    /// itself in none.
    pub const UNDETERMINED: Lang = {
        let mut tag = [0; Lang::MAX_LEN];
        tag[0] = b'u';
        tag[1] = b'n';
        tag[2] = b'd';
        Lang { tag, len: 3 }
    };

    /// Reads a BCP 47 language tag: `en`, `de`, `kk`, `pt-BR`, `zh-Hant`.
    pub fn parse(text: &str) -> Result<Lang, String> {
        let explain = || {
            format!(
                "`{text}` is not a language tag: expected a BCP 47 code such as en, de, kk or pt-BR"
            )
        };
        let id: unic_langid::LanguageIdentifier =
            text.replace('_', "-").parse().map_err(|_| explain())?;
        if id.language.is_empty() {
            return Err(explain());
        }
        let canonical = id.to_string();
        if canonical.len() > Lang::MAX_LEN || !canonical.is_ascii() {
            return Err(format!(
                "`{text}` is too long for a language tag (at most {} characters)",
                Lang::MAX_LEN
            ));
        }
        let mut tag = [0; Lang::MAX_LEN];
        tag[..canonical.len()].copy_from_slice(canonical.as_bytes());
        Ok(Lang {
            tag,
            len: canonical.len() as u8,
        })
    }

    /// The tag as written in files and on the command line: `en`, `pt-BR`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.tag[..usize::from(self.len)]).unwrap_or("und")
    }

    /// The language without its region or script: `pt` for `pt-BR`.
    pub fn primary(&self) -> &str {
        let code = self.code();
        code.split('-').next().unwrap_or(code)
    }

    /// A tag known to be well formed (tests and built-in lists); `None` if it is not.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::parse(code).ok()
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(text: &str) -> Result<Lang, String> {
        Lang::parse(text)
    }
}

impl Lang {
    /// The tag as a `'static` string, as serde's names must be: each distinct tag is kept once
    /// for the life of the program (a fair has a handful).
    fn static_code(self) -> &'static str {
        static CODES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
        let mut codes = CODES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(code) = codes.iter().find(|c| **c == self.code()) {
            return code;
        }
        let code: &'static str = Box::leak(self.code().to_owned().into_boxed_str());
        codes.push(code);
        code
    }
}

/// Written as RON writes a name: `en`, or raw where it has a region (`r#pt-BR`).
impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Lang", 0, self.static_code())
    }
}

/// Reads a tag written as a name: bare (`en`) or raw (`r#pt-BR`), as RON writes identifiers;
/// formats that have no names give it as a string.
struct LangVisitor;

impl serde::de::Visitor<'_> for LangVisitor {
    type Value = Lang;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a language tag such as en, de or \"pt-BR\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Lang, E> {
        Lang::parse(text).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        deserializer.deserialize_identifier(LangVisitor)
    }
}

/// A visitor-facing text in the hall's languages: `(en: "…", de: "…")`, keyed by language tag
/// (a tag with a region is written raw: `r#pt-BR: "…"`). Every key written is kept, in the
/// order written, declared or not, so the validator can name one the hall does not speak.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    entries: Vec<(Lang, String)>,
}

impl Text {
    /// A text from `(language, words)` pairs.
    pub fn of<'a>(pairs: impl IntoIterator<Item = (Lang, &'a str)>) -> Self {
        let mut text = Text::default();
        for (lang, words) in pairs {
            text.set(lang, words);
        }
        text
    }

    /// A text from `(tag, words)` pairs; a pair whose tag is not BCP 47 is left out.
    pub fn from_codes(pairs: &[(&str, &str)]) -> Self {
        Text::of(
            pairs
                .iter()
                .filter_map(|(code, words)| Some((Lang::parse(code).ok()?, *words))),
        )
    }

    /// Writes (or replaces) the words in `lang`.
    pub fn set(&mut self, lang: Lang, words: &str) {
        match self.entries.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, old)) => *old = words.to_owned(),
            None => self.entries.push((lang, words.to_owned())),
        }
    }

    /// The translation in exactly `lang`, if present and not blank.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        self.entries
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| s.as_str())
            .filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`; else in a tag of the same language (`pt` for `pt-BR`); else the first
    /// translation written. Empty if there is none.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| {
                self.entries
                    .iter()
                    .filter(|(l, s)| l.primary() == lang.primary() && !s.trim().is_empty())
                    .map(|(_, s)| s.as_str())
                    .next()
            })
            .or_else(|| {
                self.entries
                    .iter()
                    .map(|(_, s)| s.as_str())
                    .find(|s| !s.trim().is_empty())
            })
            .unwrap_or("")
    }

    /// Every language this text is written in, declared or not, in the order written.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.entries.iter().map(|(l, _)| *l)
    }

    /// Every `(language, words)` pair, in the order written.
    pub fn entries(&self) -> impl Iterator<Item = (Lang, &str)> + '_ {
        self.entries.iter().map(|(l, s)| (*l, s.as_str()))
    }

    /// Whether no language has any words.
    pub fn is_blank(&self) -> bool {
        self.entries.iter().all(|(_, s)| s.trim().is_empty())
    }

    /// Which of `languages` (the hall's declared ones) this text lacks.
    pub fn missing(&self, languages: &[Lang]) -> Vec<Lang> {
        languages
            .iter()
            .copied()
            .filter(|l| self.exact(*l).is_none())
            .collect()
    }

    /// The languages written here that are not among `languages` (the hall's declared ones).
    pub fn undeclared(&self, languages: &[Lang]) -> Vec<Lang> {
        self.languages()
            .filter(|l| !languages.contains(l))
            .collect()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut text = serializer.serialize_struct("Text", self.entries.len())?;
        for (lang, words) in &self.entries {
            text.serialize_field(lang.static_code(), words)?;
        }
        text.end()
    }
}

/// Reads `(en: "…", zh: "…")`: RON's struct form, with any language tags as keys.
struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text in the hall's languages, e.g. (en: \"…\", de: \"…\")")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut text = Text::default();
        while let Some(lang) = map.next_key::<Lang>()? {
            let words: Option<String> = map.next_value()?;
            if text.entries.iter().any(|(l, _)| *l == lang) {
                return Err(serde::de::Error::custom(format!(
                    "`{lang}` is written twice in one text"
                )));
            }
            if let Some(words) = words {
                text.entries.push((lang, words));
            }
        }
        Ok(text)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_struct("Text", &[], TextVisitor)
    }
}

/// Where a piece of content comes from, so the hall never passes background off as reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Source {
    /// The press reported it on show at this pavilion or sector.
    #[default]
    ReportedOnShow,
    /// The press reported it (a project, company or figure) in its coverage of the forum; the
    /// curators placed it in the sector whose theme it belongs to.
    ReportedInCoverage,
    /// General public background, not reported at the expo.
    Background,
    /// The organiser's own description (a fair's own catalogue, not a news report).
    ByOrganiser,
    /// The exhibitor's own description of what it shows.
    ByExhibitor,
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
    /// The languages every visitor-facing text is written in (BCP 47 tags: `[en, de]`), first
    /// the default; the language switch offers them. Empty: those of the file this one
    /// `extends`, else those the hall's `name` is written in.
    #[serde(default)]
    pub languages: Vec<Lang>,
    /// The language printed beside the visitor's on signs and under a panel's title (a bilingual
    /// sign); a visitor reading it gets the first other declared language. Default: the first
    /// declared language. A one-language hall prints every name once.
    #[serde(default)]
    pub companion_language: Option<Lang>,
    /// How the directory, the panels and `list` group the pavilions, in this order.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The heading of the host's zone (the zone with sectors), e.g. "China zone".
    #[serde(default)]
    pub host_heading: Option<Text>,
    /// What the "about this exhibition" panel tells: title, venue, dates, figures, sources.
    #[serde(default)]
    pub about: Option<About>,
    /// The hall's walls, entrances, starting point and furniture (required of the hall a chain of `extends` ends in).
    #[serde(default)]
    pub shell: Option<Shell>,
    /// Zone files, relative to the content folder, in directory order.
    #[serde(default)]
    pub zones: Vec<String>,
    /// Guided tour files (`tours/*.tour.ron`), relative to the content folder.
    #[serde(default)]
    pub tours: Vec<String>,
    /// Where the booths stand: rows of booths (the coordinates section of the reference explains them).
    pub layout: Layout,
}

/// A group of pavilions: its id (which pavilions name), the heading over them, and what one
/// pavilion of the group is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Short id that pavilions name in their `group` (`member`, `country`).
    pub id: String,
    /// Over the group in the directory: "SCO member states".
    pub heading: Text,
    /// On one pavilion's panel: "SCO member state".
    pub label: Text,
}

/// Hall-level facts for the "about this exhibition" panel.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct About {
    /// The exhibition's name: in the toolbar, the window title, the banners and the arch.
    pub title: Text,
    /// One line under the title on the about panel (theme, organiser).
    pub subtitle: Text,
    /// Where the exhibition is held (the venue and its hall), as the about panel prints it.
    pub venue: Text,
    /// When it is held, written as visitors should read it ("23–25 August 2021").
    pub dates: Text,
    /// The about panel's opening paragraph.
    pub introduction: Text,
    /// Key figures (trade totals, anniversaries, visits …).
    pub facts: Vec<Fact>,
    /// Dated milestones that led to the exhibition, oldest first.
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
    /// What the figure counts or stands for, one sentence.
    pub label: Text,
    /// Whose statement the figure is (the source marks of [`Source`]).
    #[serde(default)]
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Milestone {
    /// ISO-like date as precise as known: "2018-02", "2019-05", "2021-08-23".
    pub date: String,
    /// What happened then, one sentence.
    pub text: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceArticle {
    /// The newspaper, agency or publisher ("China Daily").
    pub outlet: Text,
    /// The article's headline as published.
    pub title: Text,
    /// Publication date, `YYYY-MM-DD` as precise as known.
    pub date: String,
}

/// The physical hall: walls, entrances.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shell {
    /// The venue's name ("Hall N2, Chongqing International Expo Center"): under the title on the banner.
    pub name: Text,
    /// Inner width (east–west) in metres.
    pub width: f32,
    /// Inner depth (north–south) in metres.
    pub depth: f32,
    /// Height of the walls in metres: where the roof is, how high the wall banner may hang.
    pub wall_height: f32,
    /// Doors in the walls; the first is the main entrance (the overview's "bottom").
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
    /// East–west position in hall metres (+x east).
    pub x: f32,
    /// North–south position in hall metres (+z south).
    pub z: f32,
    /// Compass degrees its face looks towards (0 north, 90 east).
    #[serde(default)]
    pub bearing: f32,
}

/// A bench at `x`, `z` (hall metres), its seat's front towards `bearing`, `length` metres long.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Bench {
    /// East–west position in hall metres (+x east).
    pub x: f32,
    /// North–south position in hall metres (+z south).
    pub z: f32,
    /// Compass degrees the seat's front looks towards (0 north, 90 east).
    #[serde(default)]
    pub bearing: f32,
    /// Length of the seat in metres.
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
    /// East–west position of its centre in hall metres (+x east).
    pub x: f32,
    /// North–south position of its centre in hall metres (+z south).
    pub z: f32,
    /// Compass degrees its face looks towards (0 north, 90 east); it is printed on both sides.
    #[serde(default)]
    pub bearing: f32,
    /// Height of its lower edge above the floor, metres.
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
    /// The model (`.glb`), relative to the content folder.
    pub file: String,
    /// East–west position in hall metres (+x east).
    pub x: f32,
    /// North–south position in hall metres (+z south).
    pub z: f32,
    /// Compass degrees the figure faces (0 north, 90 east).
    #[serde(default)]
    pub bearing: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entrance {
    /// The entrance's name, as signs and the floor plan give it.
    pub name: Text,
    /// The wall it opens in.
    pub wall: Side,
    /// Centre of the opening along its wall, metres from the wall's middle (east/south positive).
    pub offset: f32,
    /// Width of the opening in metres.
    pub width: f32,
    /// An arch inside the opening carrying the exhibition's title.
    #[serde(default)]
    pub arch: bool,
}

/// A camera position on the floor plan: standing point and bearing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Viewpoint {
    /// East–west position in hall metres (+x east).
    pub x: f32,
    /// North–south position in hall metres (+z south).
    pub z: f32,
    /// Compass bearing in degrees: 0 looks north (−z), 90 east (+x).
    pub bearing: f32,
}

/// A compass side of the hall or of a row of booths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// Towards −z (the far wall seen from the main entrance).
    North,
    /// Towards +x.
    East,
    /// Towards +z (the main entrance's wall).
    South,
    /// Towards −x.
    West,
}

/// How the zones are arranged: rows of booths, each placed edge to edge along a line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Layout {
    /// The minimum aisle width the arrangement promises (checked by the validator).
    pub min_aisle: f32,
    /// The rows, each placed on its own; the validator checks that no two booths overlap.
    pub rows: Vec<Row>,
}

/// A straight row of booths. Booths are placed one after another from `start` in direction
/// `runs`, separated by `gap` metres; each booth's open front faces `facing`, and its back edge
/// lies on the row's line. `align` shifts the whole row so that the line from `start` is its
/// left end (`Start`), its middle (`Centre`) or its right end (`End`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    /// A point on the row's back-edge line, in hall metres `(x, z)`: where the row begins, is centred or ends (see `align`).
    pub start: (f32, f32),
    /// The direction the row runs from `start`: booths follow one another this way.
    pub runs: Side,
    /// The side the booths' open fronts face (across `runs`: a row running East faces North or South).
    pub facing: Side,
    /// Metres of aisle between two booths of the row.
    #[serde(default = "default_gap")]
    pub gap: f32,
    /// Which point of the row `start` is: its first booth's back corner (`Start`), its middle (`Centre`) or its last booth's far corner (`End`).
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
    /// `start` is the row's first corner: the booths follow it in the direction `runs`.
    #[default]
    Start,
    /// `start` is the middle of the row.
    Centre,
    /// `start` is the row's last corner: the booths lead up to it.
    End,
}

// ---------------------------------------------------------------------------------------------
// Tours
// ---------------------------------------------------------------------------------------------

/// Root of a `tours/*.tour.ron` file: a guided walk through the hall, stop by stop.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TourFile {
    /// Stable id, the file's name without `.tour.ron`.
    pub id: String,
    /// The tour's name, on its button and in the kiosk's attract loop.
    pub title: Text,
    /// The stops in the order the tour visits them.
    pub stops: Vec<TourStop>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TourStop {
    /// What the stop shows: the hall, a booth or an exhibit.
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

/// Root of a `*.zone.ron` file: the host's zone of sectors or one pavilion.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Zone {
    /// Stable id, unique in the hall, that layout rows and exhibit ids use: for a country's
    /// pavilion by custom its lower-case ISO 3166 alpha-2 code (`"ru"`).
    pub id: String,
    /// The zone's name: on its fascia, in the directory and the panels.
    pub name: Text,
    /// A host zone of sectors, or one pavilion.
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
    /// What the zone shows, in the order the directory lists them.
    pub exhibits: Vec<Exhibit>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ZoneKind {
    /// The host's zone, made of themed sectors that are laid out as separate booths.
    #[serde(alias = "China")]
    Host {
        /// The host's themed sectors, each a booth of its own.
        sectors: Vec<Sector>,
    },
    /// A country's pavilion: one booth.
    Pavilion(Pavilion),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sector {
    /// Short id, unique within the zone (`"logistics"`); laid out as `"cn/logistics"`.
    pub id: String,
    /// The sector's name, on its fascia (the host's zone name is not repeated).
    pub name: Text,
    /// A short introduction to the sector, on its panel.
    pub intro: Text,
    /// The sector's booth: size and style.
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
    /// The pavilion's booth: size and style.
    pub booth: Booth,
}

/// A name in the country's own script. Scripts that need shaping (Arabic, Devanagari, Khmer,
/// Sinhala) are printed from a picture made offline by `tools/native-names.py` from `text`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NativeName {
    /// The name as the country writes it; left out of signs where it equals the hall's default-language name.
    pub text: String,
    /// Content-relative path of the print: white letters on transparent,
    /// [`NATIVE_NAME_ASPECT`] times as wide as high; the hall tints it.
    pub print: String,
}

/// Width over height of a native-name print.
pub const NATIVE_NAME_ASPECT: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FlagPattern {
    /// Stripes across, the first colour on top.
    #[default]
    HorizontalStripes,
    /// Stripes from top to bottom, the first colour nearest the flagpole.
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
    /// How the booth is built: `ShellScheme` (walls and fascia), `Open`, `Tower` or `Island`.
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
    /// The exhibit's name: on its panel, label and in search.
    pub title: Text,
    /// One line.
    pub summary: Text,
    /// The panel's text, several paragraphs if need be (narrated when audio is made).
    pub description: Text,
    /// What kind of thing it is; the directory and search filter by it.
    pub category: Category,
    /// In a host zone: the id of the sector it stands in.
    #[serde(default)]
    pub sector: Option<String>,
    /// Exhibitors or companies the source names.
    #[serde(default)]
    pub exhibitors: Vec<Text>,
    /// Words search also finds it by ("handicraft").
    #[serde(default)]
    pub tags: Vec<Text>,
    /// Pictures shown in the panel's gallery (PNG or JPEG in the content folder).
    #[serde(default)]
    pub media: Vec<Media>,
    /// Pages about the exhibit or its maker; the panel shows the first as a QR code.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Where it stands in its booth (booth-local metres).
    pub place: Placement,
    /// How it is shown in 3D.
    pub display: Display,
    /// Whose description this is: reported by the press, the organiser's or the exhibitor's own, or background.
    #[serde(default)]
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Goods a visitor could buy or order.
    Product,
    /// A technology, system or device shown working.
    Technology,
    /// Crafts, art and heritage.
    Culture,
    /// A project two or more countries or companies run together.
    CooperationProject,
    /// A figure or a chart.
    Statistic,
    /// A digital platform or service.
    Platform,
    /// Places to visit and ways to travel.
    Tourism,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Media {
    /// Content-relative image path (PNG or JPEG).
    pub path: String,
    /// What the picture shows; say so when it is a drawing or a rendering, not a photograph.
    #[serde(default)]
    pub caption: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Link {
    /// The link's words on the panel.
    pub label: Text,
    /// An http(s) address of a real page.
    pub url: String,
}

/// Where an exhibit stands inside its booth (booth-local metres, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// Across the booth in metres from its centre line: + to the visitor's right as they face the open front.
    pub x: f32,
    /// From the booth's centre in metres: − towards the back wall, + towards the open front.
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
        /// Tint of the plinth's top (and of the sculpture when there are no models).
        colour: Colour,
        /// Model files standing on the plinth.
        #[serde(default)]
        models: Vec<PlacedModel>,
    },
    /// A glass case: `models` inside when given, else small boxes tinted `colour`.
    Showcase {
        /// Tint of the case's base (and of the boxes when there are no models).
        colour: Colour,
        /// Model files inside the case.
        #[serde(default)]
        models: Vec<PlacedModel>,
    },
    /// A printed panel standing against a wall, with the exhibit's title.
    WallPanel,
    /// Video screens showing `media` as a slideshow; `count` screens side by side.
    Screen {
        /// How many screens stand side by side.
        #[serde(default = "one")]
        count: u32,
    },
    /// Cloth hanging from a rail between two posts, `width` × `height` metres, drawn by `pattern`
    /// in `colours`.
    HangingTextile {
        /// Its colours, in the pattern's order.
        colours: Vec<Colour>,
        /// Width of the cloth in metres.
        width: f32,
        /// Height of the cloth in metres.
        height: f32,
        /// How the colours are laid out: `Bands`, `Scroll` or `Scarves`.
        #[serde(default)]
        pattern: TextilePattern,
    },
    /// A large figure or statistic on a standing board.
    Statistic,
    /// A simple model composed of primitive parts.
    Model {
        /// The primitives it is built from.
        parts: Vec<Part>,
    },
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
    /// The model (`.glb`), relative to the content folder.
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
    /// `Box`, `Sphere`, `Cylinder` or `Cone`.
    pub shape: Shape,
    /// Centre of the part.
    pub at: (f32, f32, f32),
    /// Box: full size x,y,z; Sphere: radius in x; Cylinder/Cone: radius in x, height in y.
    pub size: (f32, f32, f32),
    /// The part's colour, `"#RRGGBB"`.
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
    /// A box of `size` (full width, height and depth).
    Box,
    /// A sphere of radius `size.0`.
    Sphere,
    /// An upright cylinder of radius `size.0` and height `size.1`.
    Cylinder,
    /// An upright cone of base radius `size.0` and height `size.1`.
    Cone,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap()
    }

    #[test]
    fn missing_languages_fall_back_to_the_same_language_then_the_first_written() {
        let zh_ru = Text::of([(lang("zh"), "重庆"), (lang("ru"), "Чунцин")]);
        assert_eq!(zh_ru.get(lang("en")), "重庆", "the first written");
        assert_eq!(zh_ru.get(lang("ru")), "Чунцин");
        let pt = Text::of([(lang("en"), "Lisbon"), (lang("pt"), "Lisboa")]);
        assert_eq!(pt.get(lang("pt-BR")), "Lisboa", "the same language first");
        let blank_en = Text::of([(lang("en"), "  "), (lang("zh"), "重庆")]);
        assert_eq!(
            blank_en.get(lang("en")),
            "重庆",
            "blank text counts as missing"
        );
        assert_eq!(Text::default().get(lang("en")), "");
    }

    #[test]
    fn a_text_lacks_the_declared_languages_it_is_not_written_in_and_names_the_others() {
        let en_de = Text::of([(lang("en"), "a"), (lang("de"), "b")]);
        assert!(en_de.missing(&[lang("en"), lang("de")]).is_empty());
        assert_eq!(en_de.missing(&[lang("en"), lang("kk")]), vec![lang("kk")]);
        assert_eq!(en_de.undeclared(&[lang("en")]), vec![lang("de")]);
    }

    #[test]
    fn texts_read_any_language_key_and_keep_the_order_written() {
        // As content files are read: `Some(..)` may be left out (a text's words are optional).
        fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
            ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                .from_str(text)
        }
        let text: Text =
            read(r#"(de: "Tallinn", en: "Tallinn!", r#pt-BR: "Talim", ru: None, eng: "x")"#)
                .unwrap();
        let keys: Vec<String> = text.languages().map(|l| l.code().to_owned()).collect();
        assert_eq!(keys, ["de", "en", "pt-BR", "eng"]);
        assert_eq!(text.get(lang("pt")), "Talim", "same primary language");
        assert!(read::<Text>(r#"(en: "a", en: "b")"#).is_err());
        assert!(read::<Text>(r#"(e1: "a")"#).is_err());
        let languages: Vec<Lang> = read(r#"[en, kk, r#pt-BR, zh_Hant]"#).unwrap();
        let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "kk", "pt-BR", "zh-Hant"]);
        // Written back as it is read.
        assert_eq!(
            ron::to_string(&languages).unwrap(),
            "[en,kk,r#pt-BR,r#zh-Hant]"
        );
        let written = ron::to_string(&text).unwrap();
        assert_eq!(
            written,
            r#"(de:"Tallinn",en:"Tallinn!",r#pt-BR:"Talim",eng:"x")"#
        );
        assert_eq!(read::<Text>(&written).unwrap(), text);
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
    fn language_tags_are_bcp47_made_canonical() {
        for (written, canonical) in [
            ("en", "en"),
            ("PT_br", "pt-BR"),
            ("kk", "kk"),
            ("zh-hant-tw", "zh-Hant-TW"),
        ] {
            assert_eq!(Lang::parse(written).unwrap().code(), canonical);
        }
        assert_eq!(Lang::parse("pt-BR").unwrap().primary(), "pt");
        for bad in ["", "e", "english-language-tag", "12", "en--GB"] {
            assert!(Lang::parse(bad).is_err(), "{bad:?}");
        }
    }
}
