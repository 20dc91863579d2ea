//! Narration as content: which texts can be heard (exhibit descriptions, zone and sector
//! introductions, tour stops), the audio file each is spoken in (`audio/<lang>/<key>.ogg`), and
//! whether that file still speaks its text. `audio/<lang>/spoken.ron` keeps, for each file, a
//! hash of the text it was made from; a changed text makes its file out of date.

use std::collections::{BTreeMap, HashMap};

use super::{
    exhibition::Exhibition,
    model::{Lang, Text, ZoneKind},
    source::ContentSource,
};

/// The folder under the content root that holds one folder of audio per language.
pub const AUDIO_FOLDER: &str = "audio";
/// The file in each language's folder that maps audio files to the hash of their text.
pub const SPOKEN_FILE: &str = "spoken.ron";

/// A text that can be heard.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NarrationKey {
    /// An exhibit's description.
    Exhibit(String),
    /// A zone's (pavilion's) introduction.
    Zone(String),
    /// A sector's introduction.
    Sector { zone: String, sector: String },
    /// A tour stop's narration (`stop` counts from 0).
    TourStop { tour: String, stop: usize },
}

impl NarrationKey {
    /// The audio file's name in its language folder.
    pub fn file_name(&self) -> String {
        match self {
            NarrationKey::Exhibit(id) => format!("exhibit.{id}.ogg"),
            NarrationKey::Zone(id) => format!("zone.{id}.ogg"),
            NarrationKey::Sector { zone, sector } => format!("sector.{zone}.{sector}.ogg"),
            NarrationKey::TourStop { tour, stop } => format!("tour.{tour}.{:02}.ogg", stop + 1),
        }
    }

    /// The audio file's content-relative path in `lang`.
    pub fn path(&self, lang: Lang) -> String {
        format!("{}/{}", language_folder(lang), self.file_name())
    }
}

/// `audio/<lang>`.
pub fn language_folder(lang: Lang) -> String {
    format!("{AUDIO_FOLDER}/{}", lang.code())
}

/// `audio/<lang>/spoken.ron`.
pub fn spoken_path(lang: Lang) -> String {
    format!("{}/{SPOKEN_FILE}", language_folder(lang))
}

/// Every text of the exhibition that can be heard, in the order a visitor meets them: zones
/// with their sectors and exhibits, then the tours' stops.
pub fn narrated_texts(exhibition: &Exhibition) -> Vec<(NarrationKey, &Text)> {
    let mut texts = Vec::new();
    for zone in &exhibition.zones {
        texts.push((NarrationKey::Zone(zone.id.clone()), &zone.intro));
        if let ZoneKind::Host { sectors } = &zone.kind {
            for sector in sectors {
                let key = NarrationKey::Sector {
                    zone: zone.id.clone(),
                    sector: sector.id.clone(),
                };
                texts.push((key, &sector.intro));
            }
        }
        for exhibit in &zone.exhibits {
            texts.push((
                NarrationKey::Exhibit(exhibit.id.clone()),
                &exhibit.description,
            ));
        }
    }
    for tour in &exhibition.tours {
        for (stop, step) in tour.stops.iter().enumerate() {
            let key = NarrationKey::TourStop {
                tour: tour.id.clone(),
                stop,
            };
            texts.push((key, &step.narration));
        }
    }
    texts
}

/// The text `key` speaks, found directly (for the one panel or tour stop on screen).
pub fn narrated_text<'a>(exhibition: &'a Exhibition, key: &NarrationKey) -> Option<&'a Text> {
    match key {
        NarrationKey::Exhibit(id) => {
            Some(&exhibition.exhibit(exhibition.find_exhibit(id)?).description)
        }
        NarrationKey::Zone(id) => Some(&exhibition.zone(id)?.intro),
        NarrationKey::Sector { zone, sector } => match &exhibition.zone(zone)?.kind {
            ZoneKind::Host { sectors } => Some(&sectors.iter().find(|s| s.id == *sector)?.intro),
            ZoneKind::Pavilion(_) => None,
        },
        NarrationKey::TourStop { tour, stop } => Some(
            &exhibition
                .tours
                .iter()
                .find(|t| t.id == *tour)?
                .stops
                .get(*stop)?
                .narration,
        ),
    }
}

/// The hash kept for a spoken text: FNV-1a (64 bit) of its UTF-8 bytes, 16 hex digits. Stable
/// across versions and platforms, unlike `std`'s hasher.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// What is known of one text's audio in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudioState {
    /// The file exists and was made from the text as it is now.
    Current,
    /// The file exists but its text changed since (or it was never stamped).
    OutOfDate,
    /// No file.
    Missing,
}

/// The audio files of a content folder and the hashes their `spoken.ron` files keep, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpokenFiles {
    /// Content-relative paths of the `.ogg` files under `audio/`.
    files: std::collections::BTreeSet<String>,
    /// Per language: file name → hash of the text it was made from.
    hashes: HashMap<Lang, BTreeMap<String, String>>,
}

impl SpokenFiles {
    /// Reads the audio folder of `source`. A `spoken.ron` that does not parse counts as empty
    /// (every file out of date) and comes back as a problem message.
    pub fn read(source: &ContentSource) -> (SpokenFiles, Vec<super::diagnostics::Problem>) {
        let all = source.files();
        let files = all
            .iter()
            .filter(|f| f.starts_with(&format!("{AUDIO_FOLDER}/")) && f.ends_with(".ogg"))
            .cloned()
            .collect();
        // Every language with a folder of its own under `audio/`.
        let languages: std::collections::BTreeSet<Lang> = all
            .iter()
            .filter_map(|f| f.strip_prefix(&format!("{AUDIO_FOLDER}/")))
            .filter_map(|rest| rest.split_once('/'))
            .filter_map(|(folder, _)| Lang::parse(folder).ok())
            .collect();
        let mut hashes = HashMap::new();
        let mut problems = Vec::new();
        for lang in languages {
            let path = spoken_path(lang);
            let Ok(text) = source.read_text(&path) else {
                continue;
            };
            match super::parse::parse::<BTreeMap<String, String>>(&source.display(&path), &text) {
                Ok(map) => {
                    hashes.insert(lang, map);
                }
                Err(problem) => problems.push(problem),
            }
        }
        (SpokenFiles { files, hashes }, problems)
    }

    /// The state of `key`'s audio in `lang` for `text` (the text in exactly that language).
    pub fn state(&self, key: &NarrationKey, lang: Lang, text: &str) -> AudioState {
        if !self.files.contains(&key.path(lang)) {
            return AudioState::Missing;
        }
        let kept = self
            .hashes
            .get(&lang)
            .and_then(|map| map.get(&key.file_name()));
        if kept.is_some_and(|hash| *hash == text_hash(text)) {
            AudioState::Current
        } else {
            AudioState::OutOfDate
        }
    }

    /// What `spoken.ron` keeps for `lang`: file name → hash.
    pub fn hashes(&self, lang: Lang) -> BTreeMap<String, String> {
        self.hashes.get(&lang).cloned().unwrap_or_default()
    }
}

/// The text of `spoken.ron` for `hashes` (file name → hash), sorted, with a comment saying
/// what it is.
pub fn spoken_file_text(hashes: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "// What each audio file here speaks: the hash of the text it was made from (FNV-1a).\n\
         // Written by `expo-hall narration stamp`; a file whose text changed since is out of date.\n{\n",
    );
    for (file, hash) in hashes {
        out.push_str(&format!("    {file:?}: {hash:?},\n"));
    }
    out.push_str("}\n");
    out
}

/// The length in seconds of an Ogg Vorbis file, read from its headers (the sample rate in the
/// identification header, the sample count in the last page's granule position); an error
/// says what is wrong with a file that is not Ogg Vorbis.
pub fn ogg_vorbis_seconds(bytes: &[u8]) -> Result<f32, String> {
    const PAGE_HEADER: usize = 27;
    if bytes.len() < PAGE_HEADER || &bytes[..4] != b"OggS" {
        return Err("is not an Ogg file".into());
    }
    let segments = usize::from(bytes[26]);
    let packet = PAGE_HEADER + segments;
    let identification = bytes
        .get(packet..packet + 16)
        .filter(|header| &header[..7] == b"\x01vorbis")
        .ok_or("is an Ogg file without Vorbis audio")?;
    let rate = u32::from_le_bytes([
        identification[12],
        identification[13],
        identification[14],
        identification[15],
    ]);
    if rate == 0 {
        return Err("has a sample rate of 0".into());
    }
    let last_page = bytes
        .windows(4)
        .rposition(|w| w == b"OggS")
        .filter(|at| at + PAGE_HEADER <= bytes.len())
        .ok_or("is cut short")?;
    let mut granule = [0; 8];
    granule.copy_from_slice(&bytes[last_page + 6..last_page + 14]);
    let samples = i64::from_le_bytes(granule);
    if samples <= 0 {
        return Err("is cut short (no audio page)".into());
    }
    Ok(samples as f32 / rate as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_hash_is_fnv1a_and_tells_texts_apart() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert_eq!(text_hash("a"), "af63dc4c8601ec8c");
        assert_ne!(text_hash("Nepal"), text_hash("Nepal."));
    }

    #[test]
    fn each_key_finds_the_same_text_as_the_list_of_narrated_texts() {
        let hall = crate::content::source::ContentSource::Embedded
            .default_hall()
            .unwrap();
        let exhibition = crate::content::exhibition::read_exhibition(
            &crate::content::source::ContentSource::Embedded,
            &hall,
        )
        .exhibition
        .unwrap();
        let texts = narrated_texts(&exhibition);
        assert!(texts.len() > 100);
        for (key, text) in texts {
            assert_eq!(narrated_text(&exhibition, &key), Some(text), "{key:?}");
        }
        assert_eq!(
            narrated_text(&exhibition, &NarrationKey::Zone("xx".into())),
            None
        );
    }

    #[test]
    fn keys_name_distinct_files_per_language() {
        let keys = [
            NarrationKey::Exhibit("np.giant-thangka".into()),
            NarrationKey::Zone("np".into()),
            NarrationKey::Sector {
                zone: "cn".into(),
                sector: "logistics".into(),
            },
            NarrationKey::TourStop {
                tour: "grand-tour".into(),
                stop: 0,
            },
        ];
        assert_eq!(
            keys[0].path(Lang::parse("ru").unwrap()),
            "audio/ru/exhibit.np.giant-thangka.ogg"
        );
        assert_eq!(keys[3].file_name(), "tour.grand-tour.01.ogg");
        let names: std::collections::HashSet<String> =
            keys.iter().map(NarrationKey::file_name).collect();
        assert_eq!(names.len(), keys.len());
    }

    #[test]
    fn a_file_is_current_only_while_its_text_keeps_the_stamped_hash() {
        let key = NarrationKey::Zone("np".into());
        let mut spoken = SpokenFiles::default();
        assert_eq!(
            spoken.state(&key, Lang::parse("en").unwrap(), "Nepal"),
            AudioState::Missing
        );
        spoken.files.insert(key.path(Lang::parse("en").unwrap()));
        assert_eq!(
            spoken.state(&key, Lang::parse("en").unwrap(), "Nepal"),
            AudioState::OutOfDate
        );
        spoken.hashes.insert(
            Lang::parse("en").unwrap(),
            BTreeMap::from([(key.file_name(), text_hash("Nepal"))]),
        );
        assert_eq!(
            spoken.state(&key, Lang::parse("en").unwrap(), "Nepal"),
            AudioState::Current
        );
        assert_eq!(
            spoken.state(&key, Lang::parse("en").unwrap(), "Nepal, edited"),
            AudioState::OutOfDate
        );
        assert_eq!(
            spoken.state(&key, Lang::parse("zh").unwrap(), "Nepal"),
            AudioState::Missing
        );
    }

    #[test]
    fn the_spoken_file_reads_back_what_it_writes() {
        let hashes = BTreeMap::from([
            ("zone.np.ogg".to_owned(), text_hash("Nepal")),
            ("exhibit.a.b.ogg".to_owned(), text_hash("B")),
        ]);
        let text = spoken_file_text(&hashes);
        let read: BTreeMap<String, String> =
            crate::content::parse::parse("spoken.ron", &text).unwrap();
        assert_eq!(read, hashes);
    }

    #[test]
    fn an_ogg_vorbis_length_is_read_from_its_headers_and_a_bad_file_is_an_error() {
        // A minimal stream: identification page at 16 kHz, then a last page at sample 24,000.
        let mut bytes = b"OggS\0\x02".to_vec();
        bytes.extend([0; 8 + 12]);
        bytes.push(1); // one segment
        bytes.push(30);
        bytes.extend(b"\x01vorbis");
        bytes.extend(0u32.to_le_bytes());
        bytes.push(1);
        bytes.extend(16_000u32.to_le_bytes());
        bytes.extend([0; 14]);
        let mut last = b"OggS\0\x04".to_vec();
        last.extend(24_000i64.to_le_bytes());
        last.extend([0; 13]);
        bytes.extend(&last);
        assert_eq!(ogg_vorbis_seconds(&bytes), Ok(1.5));
        assert!(ogg_vorbis_seconds(b"RIFF....WAVEfmt ").is_err());
        assert!(ogg_vorbis_seconds(&bytes[..20]).is_err());
        let mut not_vorbis = bytes.clone();
        not_vorbis[29] = b'X';
        assert!(ogg_vorbis_seconds(&not_vorbis).is_err());
    }
}
