//! The visit log: one JSON line per visitor session (start, end, what was opened and for how
//! long, language, how it ended), appended and flushed when the session ends, so a crash loses
//! at most the open session. No personal data. `expo-hall stats LOG` summarises it.

use std::{
    collections::HashMap,
    fs::OpenOptions,
    io::{self, Write},
    path::Path,
};

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Word, Words};

/// One visitor session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    /// Seconds since the Unix epoch.
    pub start: u64,
    pub end: u64,
    /// The language the session ended in.
    pub lang: String,
    /// Exhibits opened, in order, with seconds their panel stayed open.
    pub exhibits: Vec<Dwell>,
    /// Pavilions (zone ids, or `cn/<sector>`) whose panel was opened.
    pub pavilions: Vec<Dwell>,
    /// How the session ended.
    pub ended: SessionEnd,
    /// Staff opened the PIN pad during the session: theirs, not a visitor's.
    #[serde(default)]
    pub staff: bool,
}

/// How a session ended, written as `reset`, `exit` or `shutdown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionEnd {
    /// The kiosk reset after the visitor left (or a new visitor arrived).
    #[default]
    Reset,
    /// Staff closed the kiosk.
    Exit,
    /// The system stopped the kiosk (SIGTERM or SIGINT).
    Shutdown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dwell {
    pub id: String,
    pub seconds: f32,
}

/// Appends one record as a JSON line and flushes it to disk (making its folder if need be).
pub fn append(path: &Path, record: &VisitRecord) -> io::Result<()> {
    let line = serde_json::to_string(record).map_err(io::Error::other)?;
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    writeln!(file, "{line}")?;
    file.sync_data()
}

/// The summary `expo-hall stats` prints: visitors' sessions only, staff sessions counted apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub sessions: usize,
    pub staff_sessions: usize,
    pub median_seconds: f32,
    pub top_exhibits: Vec<(String, usize)>,
    pub top_pavilions: Vec<(String, usize)>,
    pub languages: Vec<(String, usize)>,
    /// Lines that could not be read (reported, not fatal).
    pub bad_lines: Vec<usize>,
}

pub fn stats(log: &str) -> Stats {
    let mut records = Vec::new();
    let mut bad_lines = Vec::new();
    for (index, line) in log.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<VisitRecord>(line) {
            Ok(record) => records.push(record),
            Err(_) => bad_lines.push(index + 1),
        }
    }
    let staff_sessions = records.iter().filter(|r| r.staff).count();
    records.retain(|r| !r.staff);
    let mut lengths: Vec<f32> = records
        .iter()
        .map(|r| r.end.saturating_sub(r.start) as f32)
        .collect();
    lengths.sort_by(f32::total_cmp);
    let median_seconds = match lengths.len() {
        0 => 0.0,
        n if n % 2 == 1 => lengths[n / 2],
        n => (lengths[n / 2 - 1] + lengths[n / 2]) / 2.0,
    };
    let count = |items: &mut dyn Iterator<Item = String>| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for item in items {
            *counts.entry(item).or_default() += 1;
        }
        let mut sorted: Vec<(String, usize)> = counts.into_iter().collect();
        sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        sorted
    };
    Stats {
        sessions: records.len(),
        staff_sessions,
        median_seconds,
        top_exhibits: count(
            &mut records
                .iter()
                .flat_map(|r| r.exhibits.iter().map(|d| d.id.clone())),
        ),
        top_pavilions: count(
            &mut records
                .iter()
                .flat_map(|r| r.pavilions.iter().map(|d| d.id.clone())),
        ),
        languages: count(&mut records.iter().map(|r| r.lang.clone())),
        bad_lines,
    }
}

impl Stats {
    /// The summary as `expo-hall stats` prints it, headed in the language of `words`.
    pub fn render(&self, words: &Words, title: &dyn Fn(&str) -> Option<String>) -> String {
        let named = |id: &str| match title(id) {
            Some(title) => format!("{title}  [{id}]"),
            None => id.to_owned(),
        };
        let mut out = String::new();
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(words.with(Word::StatsSessions, &[("count", Arg::from(self.sessions))]));
        if self.staff_sessions > 0 {
            line(words.with(
                Word::StatsStaff,
                &[("count", Arg::from(self.staff_sessions))],
            ));
        }
        line(words.with(
            Word::StatsMedian,
            &[("seconds", Arg::from(self.median_seconds.round() as i64))],
        ));
        line(words.get(Word::StatsTopExhibits));
        for (id, n) in self.top_exhibits.iter().take(10) {
            line(format!("  {n:>5}  {}", named(id)));
        }
        line(words.get(Word::StatsTopPavilions));
        for (id, n) in self.top_pavilions.iter().take(10) {
            line(format!("  {n:>5}  {}", named(id)));
        }
        line(words.get(Word::StatsLanguages));
        for (lang, n) in &self.languages {
            line(format!("  {n:>5}  {lang}"));
        }
        if !self.bad_lines.is_empty() {
            let lines: Vec<String> = self.bad_lines.iter().map(ToString::to_string).collect();
            line(words.with(
                Word::StatsUnreadable,
                &[("lines", Arg::from(lines.join(", ")))],
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        start: u64,
        end: u64,
        lang: &str,
        exhibits: &[&str],
        pavilions: &[&str],
    ) -> VisitRecord {
        let dwell = |ids: &[&str]| {
            ids.iter()
                .map(|id| Dwell {
                    id: (*id).into(),
                    seconds: 10.0,
                })
                .collect()
        };
        VisitRecord {
            start,
            end,
            lang: lang.into(),
            exhibits: dwell(exhibits),
            pavilions: dwell(pavilions),
            ended: SessionEnd::Reset,
            staff: false,
        }
    }

    #[test]
    fn stats_count_sessions_median_and_favourites() {
        let log = [
            record(
                0,
                60,
                "en",
                &["np.giant-thangka", "ru.digital-silk-road"],
                &["np"],
            ),
            record(100, 400, "zh", &["np.giant-thangka"], &["np", "ru"]),
            record(500, 520, "zh", &[], &[]),
            VisitRecord {
                staff: true,
                ended: SessionEnd::Exit,
                ..record(600, 640, "en", &["np.giant-thangka"], &[])
            },
        ]
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
            + "\nnot json\n";
        let stats = stats(&log);
        assert_eq!(stats.sessions, 3, "the staff's session is not a visit");
        assert_eq!(stats.staff_sessions, 1);
        assert_eq!(stats.median_seconds, 60.0);
        assert_eq!(stats.top_exhibits[0], ("np.giant-thangka".to_owned(), 2));
        assert_eq!(stats.top_pavilions[0], ("np".to_owned(), 2));
        assert_eq!(stats.languages[0], ("zh".to_owned(), 2));
        assert_eq!(stats.bad_lines, vec![5]);
        let catalogs = crate::i18n::Catalogs::builtin();
        let title = |id: &str| (id == "np.giant-thangka").then(|| "Giant thangka".to_owned());
        let text = stats.render(
            &catalogs.words(crate::content::model::Lang::parse("en").unwrap()),
            &title,
        );
        assert!(
            text.contains("2  Giant thangka  [np.giant-thangka]"),
            "{text}"
        );
        assert!(text.contains("staff sessions (left out): 1"), "{text}");
    }

    #[test]
    fn records_are_appended_one_line_each() {
        let path =
            std::env::temp_dir().join(format!("expo-hall-visits-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&path);
        append(&path, &record(1, 2, "en", &["a.b"], &[])).unwrap();
        append(&path, &record(3, 5, "zh", &[], &["a"])).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert_eq!(stats(&text).sessions, 2);
        std::fs::remove_file(&path).unwrap();
    }
}
