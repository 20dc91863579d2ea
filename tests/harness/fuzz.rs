//! Fuzzing the content readers: mutated copies of the shipped files (truncations, byte flips,
//! deep nesting, huge and odd numbers, odd Unicode, spliced chunks) go through the RON parser,
//! the hall/zone/tour/kiosk readers, the Fluent catalogs and the whole validator. None may
//! panic, hang or allocate without bound. About 30 s in CI; set `EXPO_HALL_FUZZ_SECONDS` for a
//! longer run (a failing input is written next to the test's temp folder and named).

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    time::{Duration, Instant},
};

use expo_hall::{
    content::{
        parse::{parse_hall, parse_tour, parse_zone},
        source::{ContentSource, EMBEDDED_FILES},
        validate::validate,
    },
    i18n::Catalogs,
    kiosk::config::KioskConfig,
};

use crate::support::{TempContent, main_hall};

/// A small, seeded pseudo-random generator: the same seed gives the same mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ODD: &[&str] = &[
    "\u{202E}",
    "\u{0301}\u{0301}\u{0301}",
    "😀",
    "\u{FEFF}",
    "\0",
    "\u{10FFFF}",
    "ǅ",
    "\r\n",
    "\\u{D800}",
    "\"",
    "\\",
    "//",
    "/*",
    "*/",
    "#![enable(implicit_some)]",
];
const NUMBERS: &[&str] = &[
    "1e38",
    "-1e38",
    "3.4e39",
    "NaN",
    "inf",
    "-inf",
    "0",
    "-0.0",
    "99999999999999999999999",
    "0x7fffffff",
    "1e-45",
    "-1",
];

/// One mutation of `text`, described for the failure report.
fn mutate(text: &str, rng: &mut Rng) -> (String, Vec<u8>) {
    let mut bytes = text.as_bytes().to_vec();
    let at = rng.below(bytes.len());
    let what = match rng.below(8) {
        0 => {
            bytes.truncate(at);
            format!("truncated at byte {at}")
        }
        1 => {
            for _ in 0..=rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            "flipped bits".to_owned()
        }
        2 => {
            let depth = 1 + rng.below(20_000);
            let nest = "(".repeat(depth) + &")".repeat(depth);
            bytes.splice(at..at, nest.into_bytes());
            format!("{depth} nested brackets at byte {at}")
        }
        3 => {
            let number = NUMBERS[rng.below(NUMBERS.len())];
            // Replace the next number-looking run after `at`.
            let start = (at..bytes.len())
                .find(|&i| bytes[i].is_ascii_digit())
                .unwrap_or(at);
            let end = (start..bytes.len())
                .find(|&i| !(bytes[i].is_ascii_digit() || bytes[i] == b'.'))
                .unwrap_or(bytes.len());
            bytes.splice(start..end, number.bytes());
            format!("number at byte {start} became {number}")
        }
        4 => {
            let odd = ODD[rng.below(ODD.len())];
            bytes.splice(at..at, odd.bytes());
            format!("inserted {odd:?} at byte {at}")
        }
        5 => {
            let len = rng.below(400);
            let from = rng.below(bytes.len());
            let chunk: Vec<u8> = bytes[from..(from + len).min(bytes.len())].to_vec();
            bytes.splice(at..at, chunk);
            format!("copied {len} bytes from {from} to {at}")
        }
        6 => {
            let end = (at + rng.below(300)).min(bytes.len());
            bytes.drain(at..end);
            format!("deleted bytes {at}..{end}")
        }
        _ => {
            bytes.splice(at..at, [0xFF, 0xFE, 0xC0]);
            format!("invalid UTF-8 at byte {at}")
        }
    };
    (what, bytes)
}

/// Runs `check`, turning a panic into a failure that names the input.
fn survives(name: &str, what: &str, bytes: &[u8], check: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(check)).is_err() {
        let saved =
            std::env::temp_dir().join(format!("expo-hall-fuzz-failure-{}", name.replace('/', "_")));
        let _ = std::fs::write(&saved, bytes);
        panic!(
            "{name} ({what}) panicked; the input is in {}",
            saved.display()
        );
    }
}

fn budget() -> Duration {
    let seconds = std::env::var("EXPO_HALL_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30.0);
    Duration::from_secs_f64(seconds)
}

#[test]
fn mutated_content_never_panics_the_readers_or_the_validator() {
    let files: Vec<(&str, &str)> = EMBEDDED_FILES
        .iter()
        .filter(|(path, _)| path.ends_with(".ron") || path.ends_with(".ftl"))
        .filter_map(|(path, bytes)| Some((*path, std::str::from_utf8(bytes).ok()?)))
        .collect();
    assert!(files.len() > 20);
    let hall = main_hall();
    let content = TempContent::new();
    let deadline = Instant::now() + budget();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let (mut runs, mut validated) = (0usize, 0usize);
    while Instant::now() < deadline {
        let (path, original) = files[rng.below(files.len())];
        let (what, bytes) = mutate(original, &mut rng);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        survives(path, &what, &bytes, || {
            let _ = parse_zone(path, &text);
            let _ = parse_hall(path, &text);
            let _ = parse_tour(path, &text);
            let _ = KioskConfig::parse(path, &text);
        });
        // Every fourth input goes through the whole validator (and the catalogs) from disk.
        if runs % 4 == 0 {
            content.write(path, &bytes);
            survives(path, &what, &bytes, || {
                let source = content.source();
                let _ = validate(&source, &hall);
                let languages = expo_hall::content::exhibition::hall_languages(&source, &hall);
                let catalogs = Catalogs::load(&source, &languages);
                let _ = catalogs.check();
            });
            content.write(path, original);
            validated += 1;
        }
        runs += 1;
    }
    eprintln!("fuzz: {runs} mutated files, {validated} full validations");
    assert!(runs > 100, "the fuzzer hardly ran: {runs}");
    // The untouched content still validates: every mutation was undone.
    assert!(
        validate(&ContentSource::Dir(content.dir.clone()), &hall)
            .problems
            .is_empty()
    );
}
