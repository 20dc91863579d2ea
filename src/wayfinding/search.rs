//! Searching the exhibition: exhibits, pavilions and China sectors by title, summary,
//! description, exhibitors and tags, in every language of the content. Case- and
//! accent-insensitive; words match from their start, words of up to three letters only whole
//! ("tea" is not found in "team"), and one typo is allowed in words of five letters or more;
//! Chinese matches anywhere. Every word of the
//! query must match; title matches rank first.

use unicode_normalization::UnicodeNormalization;

use crate::content::{
    exhibition::{ExhibitRef, Exhibition},
    model::{AreaRef, Lang, Text, ZoneKind},
};

/// What a search result points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Found {
    Exhibit(ExhibitRef),
    /// A pavilion or the China zone, by zone index.
    Zone(usize),
    /// A China sector: zone index and sector id.
    Sector(usize, String),
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub found: Found,
    /// Its id: `ru`, `cn/logistics` or `ru.digital-silk-road`.
    pub id: String,
    pub score: u32,
}

/// Lower case, accents removed, full-width forms folded, ё read as е: "Türkiye" → "turkiye",
/// "Ковёр" → "ковер".
pub fn normalize(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The Snowball stemmer of `lang`, where `rust-stemmers` has one (German, Russian, English,
/// French, …): «ковры» and «ковёр», "Häuser" and "Haus" then meet. Other languages match words
/// as written.
fn stemmer_for(lang: Lang) -> Option<&'static rust_stemmers::Stemmer> {
    use rust_stemmers::{Algorithm, Stemmer};
    use std::{collections::HashMap, sync::LazyLock};
    const ALGORITHMS: [(&str, Algorithm); 18] = [
        ("ar", Algorithm::Arabic),
        ("da", Algorithm::Danish),
        ("nl", Algorithm::Dutch),
        ("en", Algorithm::English),
        ("fi", Algorithm::Finnish),
        ("fr", Algorithm::French),
        ("de", Algorithm::German),
        ("el", Algorithm::Greek),
        ("hu", Algorithm::Hungarian),
        ("it", Algorithm::Italian),
        ("no", Algorithm::Norwegian),
        ("pt", Algorithm::Portuguese),
        ("ro", Algorithm::Romanian),
        ("ru", Algorithm::Russian),
        ("es", Algorithm::Spanish),
        ("sv", Algorithm::Swedish),
        ("ta", Algorithm::Tamil),
        ("tr", Algorithm::Turkish),
    ];
    static STEMMERS: LazyLock<HashMap<&'static str, Stemmer>> = LazyLock::new(|| {
        ALGORITHMS
            .into_iter()
            .map(|(code, algorithm)| (code, Stemmer::create(algorithm)))
            .collect()
    });
    let primary = lang.primary();
    let primary = if primary == "nb" || primary == "nn" {
        "no"
    } else {
        primary
    };
    STEMMERS.get(primary)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Weights of the fields a word can match in.
const TITLE: u32 = 100;
const TAGS: u32 = 40;
const SUMMARY: u32 = 25;
const DESCRIPTION: u32 = 10;

struct Entry<'a> {
    found: Found,
    id: String,
    fields: Vec<(u32, &'a Text)>,
}

fn entries(exhibition: &Exhibition) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for (index, zone) in exhibition.zones.iter().enumerate() {
        entries.push(Entry {
            found: Found::Zone(index),
            id: zone.id.clone(),
            fields: vec![(TITLE, &zone.name), (SUMMARY, &zone.intro)],
        });
        if let ZoneKind::Host { sectors } = &zone.kind {
            for sector in sectors {
                entries.push(Entry {
                    found: Found::Sector(index, sector.id.clone()),
                    id: AreaRef::sector(&zone.id, &sector.id).to_string(),
                    fields: vec![(TITLE, &sector.name), (SUMMARY, &sector.intro)],
                });
            }
        }
    }
    for at in exhibition.exhibit_refs() {
        let exhibit = exhibition.exhibit(at);
        let mut fields = vec![
            (TITLE, &exhibit.title),
            (SUMMARY, &exhibit.summary),
            (DESCRIPTION, &exhibit.description),
        ];
        fields.extend(
            exhibit
                .exhibitors
                .iter()
                .chain(&exhibit.tags)
                .map(|t| (TAGS, t)),
        );
        entries.push(Entry {
            found: Found::Exhibit(at),
            id: exhibit.id.clone(),
            fields,
        });
    }
    entries
}

/// Ranked results for `query`; empty for a blank query. `lang` breaks ties in favour of
/// matches in the visitor's language.
pub fn search(exhibition: &Exhibition, query: &str, lang: Lang) -> Vec<Hit> {
    // Words as the texts are cut into them: "Айя-Софии" is two words, as in «Айя-София».
    let normalized_query = normalize(query);
    let words: Vec<String> = normalized_query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(Hit, usize)> = Vec::new();
    for (order, entry) in entries(exhibition).into_iter().enumerate() {
        let texts: Vec<(u32, String, bool, Lang)> = entry
            .fields
            .iter()
            .flat_map(|(weight, text)| {
                exhibition.hall.languages.iter().filter_map(move |&l| {
                    text.exact(l).map(|t| (*weight, normalize(t), l == lang, l))
                })
            })
            .collect();
        let mut score = 0;
        let mut all_words = true;
        for word in &words {
            let best = texts
                .iter()
                .filter_map(|(weight, text, in_lang, text_lang)| {
                    let points = match word_match(text, word, stemmer_for(*text_lang))? {
                        WordMatch::TextStart => weight + weight / 5,
                        WordMatch::WordStart => *weight,
                        WordMatch::Typo => weight / 2,
                    };
                    Some(points + u32::from(*in_lang))
                })
                .max();
            match best {
                Some(points) => score += points,
                None => {
                    all_words = false;
                    break;
                }
            }
        }
        // An exact id is the best match of all (authors search by id).
        if normalize(&entry.id) == normalized_query.trim() {
            score += 1000;
            all_words = true;
        }
        if all_words && score > 0 {
            hits.push((
                Hit {
                    found: entry.found,
                    id: entry.id,
                    score,
                },
                order,
            ));
        }
    }
    hits.sort_by(|(a, ao), (b, bo)| b.score.cmp(&a.score).then(ao.cmp(bo)));
    hits.into_iter().map(|(hit, _)| hit).collect()
}

/// How a word of the query was found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMatch {
    /// The text starts with it.
    TextStart,
    /// A word of the text starts with it.
    WordStart,
    /// A word of the text is it with one typo (or a spelling variant, ph = f).
    Typo,
}

/// Shortest query word that may carry a typo.
const TYPO_FROM: usize = 5;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7A3)
}

/// Where a (normalized) query word matches a (normalized) text: Chinese anywhere, as Chinese is
/// written without spaces; other scripts at the start of a word (short words only as whole
/// words), and words of five letters or more also with one typo.
fn word_match(
    text: &str,
    word: &str,
    stemmer: Option<&rust_stemmers::Stemmer>,
) -> Option<WordMatch> {
    if word.chars().any(is_cjk) {
        return text.find(word).map(|at| {
            if at == 0 {
                WordMatch::TextStart
            } else {
                WordMatch::WordStart
            }
        });
    }
    let mut found = None;
    let text_words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    for (index, text_word) in text_words.enumerate() {
        if starts_word(text_word, word) {
            return Some(if index == 0 {
                WordMatch::TextStart
            } else {
                WordMatch::WordStart
            });
        }
        if found.is_none() && one_typo_away(word, text_word) {
            found = Some(WordMatch::Typo);
        }
        if found.is_none() && stemmer.is_some_and(|s| stems_meet(s, word, text_word)) {
            found = Some(WordMatch::Typo);
        }
    }
    found
}

/// Shortest query word that matches the beginning of a longer word ("thang" → "thangka"); a
/// shorter one must be the whole word, or its plural ("tea" → "tea", "teas", not "team").
const PREFIX_FROM: usize = 4;

fn starts_word(text_word: &str, word: &str) -> bool {
    if word.chars().count() >= PREFIX_FROM {
        return text_word.starts_with(word);
    }
    text_word
        .strip_prefix(word)
        .is_some_and(|rest| ["", "s", "es"].contains(&rest))
}

/// Whether two words of one language share a stem: the same stem for a short word ("tea",
/// "teas", not "team"); from five letters, a stem the other's starts with, or one letter apart
/// (a fleeting vowel: ковёр, ковры).
fn stems_meet(stemmer: &rust_stemmers::Stemmer, word: &str, text_word: &str) -> bool {
    let (stem, text_stem) = (stemmer.stem(word), stemmer.stem(text_word));
    if stem.chars().count() < 3 {
        return false;
    }
    if word.chars().count() < TYPO_FROM {
        return stem == text_stem;
    }
    text_stem.starts_with(stem.as_ref())
        || (stem.chars().count() >= 4 && strsim::levenshtein(&stem, &text_stem) <= 1)
}

/// Whether `word` (five letters or more) is `text_word`, or its beginning, but for one letter
/// added, dropped or changed, once common spelling variants (ph = f) are folded.
fn one_typo_away(word: &str, text_word: &str) -> bool {
    if word.chars().count() < TYPO_FROM {
        return false;
    }
    let fold = |w: &str| w.replace("ph", "f");
    let (word, text_word) = (fold(word), fold(text_word));
    if text_word.starts_with(&word) {
        return true;
    }
    let length = word.chars().count();
    let prefix: String = text_word.chars().take(length).collect();
    strsim::levenshtein(&word, &text_word) <= 1 || strsim::levenshtein(&word, &prefix) <= 1
}

/// The title of a result in `lang`.
pub fn title(exhibition: &Exhibition, found: &Found, lang: Lang) -> String {
    match found {
        Found::Exhibit(at) => exhibition.exhibit(*at).title.get(lang).to_owned(),
        Found::Zone(zone) => exhibition.zones[*zone].name.get(lang).to_owned(),
        Found::Sector(zone, id) => match &exhibition.zones[*zone].kind {
            ZoneKind::Host { sectors } => sectors
                .iter()
                .find(|s| &s.id == id)
                .map(|s| {
                    format!(
                        "{} · {}",
                        exhibition.zones[*zone].name.get(lang),
                        s.name.get(lang)
                    )
                })
                .unwrap_or_default(),
            ZoneKind::Pavilion(_) => String::new(),
        },
    }
}

/// Ids close to `wanted` (for "did you mean"), best first.
pub fn near_matches<'a>(wanted: &str, ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .into_iter()
        .map(|id| {
            let similarity = strsim::jaro_winkler(&wanted, &id.to_lowercase());
            let contains = id.contains(wanted.as_str()) || wanted.contains(id);
            (
                if contains {
                    similarity.max(0.9)
                } else {
                    similarity
                },
                id,
            )
        })
        .filter(|(s, _)| *s > 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(code: &str) -> Option<&'static rust_stemmers::Stemmer> {
        stemmer_for(Lang::parse(code).unwrap())
    }

    #[test]
    fn normalizing_removes_case_accents_and_full_width() {
        assert_eq!(normalize("Türkiye ÇAY"), "turkiye cay");
        assert_eq!(normalize("ＴＴＫ"), "ttk");
        assert_eq!(normalize("唐卡"), "唐卡");
    }

    #[test]
    fn words_match_from_their_start_and_long_words_forgive_one_typo() {
        assert_eq!(word_match("think tank team", "tea", stem("en")), None);
        assert_eq!(
            word_match("black tea", "tea", stem("en")),
            Some(WordMatch::WordStart)
        );
        assert_eq!(
            word_match("teas", "tea", stem("en")),
            Some(WordMatch::TextStart)
        );
        assert_eq!(word_match("teapot", "tea", stem("en")), None);
        assert_eq!(
            word_match("teapot", "teap", stem("en")),
            Some(WordMatch::TextStart)
        );
        assert_eq!(
            word_match("hagia sophia", "sofia", stem("en")),
            Some(WordMatch::Typo)
        );
        assert_eq!(
            word_match("giant thangka", "thanka", stem("en")),
            Some(WordMatch::Typo)
        );
        assert_eq!(
            word_match("giant thangka", "thang", stem("en")),
            Some(WordMatch::WordStart)
        );
        assert_eq!(
            word_match("a cat", "cet", stem("en")),
            None,
            "short words need to be right"
        );
        assert_eq!(
            word_match("巨幅唐卡", "唐卡", stem("en")),
            Some(WordMatch::WordStart)
        );
    }

    #[test]
    fn russian_folds_yo_and_meets_at_the_stem() {
        assert_eq!(normalize("Ковёр"), "ковер");
        let text = normalize("Ручной ковёр из шерсти");
        assert!(
            word_match(&text, &normalize("ковры"), stem("ru")).is_some(),
            "ковры → ковёр"
        );
        assert!(word_match(&text, &normalize("ковром"), stem("ru")).is_some());
        assert!(
            word_match(&text, &normalize("шерстяной"), stem("ru")).is_none(),
            "a different word"
        );
        assert!(
            word_match(
                &normalize("Воздушные шары"),
                &normalize("шаров"),
                stem("ru")
            )
            .is_some()
        );
        assert!(word_match(&normalize("Айя-София"), &normalize("софии"), stem("ru")).is_some());
        assert_eq!(word_match("ковер", "сто", stem("ru")), None);
    }

    #[test]
    fn each_language_meets_at_its_own_stem_and_one_without_a_stemmer_as_written() {
        let text = normalize("Das Haus der Macher");
        assert!(word_match(&text, &normalize("Häuser"), stem("de")).is_some());
        assert!(word_match(&text, &normalize("Häuser"), None).is_none());
        assert!(stem("kk").is_none(), "Kazakh: no Snowball stemmer");
        assert!(
            stem("pt-BR").is_some(),
            "a region uses its language's stemmer"
        );
    }

    #[test]
    fn near_matches_suggest_similar_ids() {
        let ids = [
            "ru",
            "ru.digital-silk-road",
            "np.giant-thangka",
            "tr.hot-air-balloons",
        ];
        assert_eq!(
            near_matches("ru.digital-silk-raod", ids)[0],
            "ru.digital-silk-road"
        );
        assert!(near_matches("zzzzzz", ids).is_empty());
    }
}
