//! Searching the exhibition: exhibits, pavilions and China sectors by title, summary,
//! description, exhibitors and tags, in Chinese and English. Case- and accent-insensitive;
//! Chinese matches by substring. Every word of the query must match; title matches rank first.

use unicode_normalization::UnicodeNormalization;

use crate::content::{
    exhibition::{ExhibitRef, Exhibition},
    model::{Lang, Text, ZoneKind},
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

/// Lower case, accents removed, full-width forms folded: "Türkiye" → "turkiye".
pub fn normalize(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
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
        if let ZoneKind::China { sectors } = &zone.kind {
            for sector in sectors {
                entries.push(Entry {
                    found: Found::Sector(index, sector.id.clone()),
                    id: format!("{}/{}", zone.id, sector.id),
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
    let words: Vec<String> = normalize(query)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(Hit, usize)> = Vec::new();
    for (order, entry) in entries(exhibition).into_iter().enumerate() {
        let texts: Vec<(u32, String, bool)> = entry
            .fields
            .iter()
            .flat_map(|(weight, text)| {
                [Lang::En, Lang::Zh, Lang::Ru]
                    .into_iter()
                    .filter_map(move |l| text.exact(l).map(|t| (*weight, normalize(t), l == lang)))
            })
            .collect();
        let mut score = 0;
        let mut all_words = true;
        for word in &words {
            let best = texts
                .iter()
                .filter(|(_, text, _)| text.contains(word.as_str()))
                .map(|(weight, text, in_lang)| {
                    let starts =
                        text.starts_with(word.as_str()) || text.contains(&format!(" {word}"));
                    weight + if starts { weight / 5 } else { 0 } + u32::from(*in_lang)
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
        if normalize(&entry.id) == words.join(" ") {
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

/// The title of a result in `lang`.
pub fn title(exhibition: &Exhibition, found: &Found, lang: Lang) -> String {
    match found {
        Found::Exhibit(at) => exhibition.exhibit(*at).title.get(lang).to_owned(),
        Found::Zone(zone) => exhibition.zones[*zone].name.get(lang).to_owned(),
        Found::Sector(zone, id) => match &exhibition.zones[*zone].kind {
            ZoneKind::China { sectors } => sectors
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

    #[test]
    fn normalizing_removes_case_accents_and_full_width() {
        assert_eq!(normalize("Türkiye ÇAY"), "turkiye cay");
        assert_eq!(normalize("ＴＴＫ"), "ttk");
        assert_eq!(normalize("唐卡"), "唐卡");
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
