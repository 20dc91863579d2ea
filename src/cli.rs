//! The command line: `expo-hall [OPTIONS] [COMMAND]`. Commands that need no window
//! (`validate`, `list`) run here and return an exit code; the rest open the hall.

use std::{
    collections::{BTreeMap, HashMap},
    io::Write,
    path::PathBuf,
    process::ExitCode,
};

use clap::{Parser, Subcommand};

use crate::{
    content::{
        exhibition::{Exhibition, hall_languages, read_exhibition},
        model::{AreaRef, Exhibit, Lang, Zone, ZoneKind},
        source::ContentSource,
        validate::{Report, validate},
    },
    i18n::{Arg, Catalogs, Word, Words},
    kiosk::{config::KioskConfig, visit_log},
    launch::{LaunchOptions, ScreenshotRequest, View},
    wayfinding::{
        links::resolve_view,
        search::{search, title as search_title},
    },
};

#[derive(Debug, Parser)]
#[command(
    name = "expo-hall",
    version,
    about = "Walk a virtual exhibition hall built from a content folder (built in: Hall N2 of the 2021 China–SCO Digital Economy Industry Forum)"
)]
pub struct Cli {
    /// A content folder laid out like `assets/` (default: the content built into the program).
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// The hall file to open, relative to the content folder, or a short name for
    /// `halls/NAME.hall.ron` (default: the folder's only hall, or the one the others extend).
    #[arg(long, global = true, value_name = "FILE")]
    pub hall: Option<String>,
    /// The language the hall starts in: one of the hall's languages, by its tag (`en`, `de`,
    /// `pt-BR`; default: the hall's first).
    #[arg(long, global = true, value_name = "TAG", value_parser = Lang::parse)]
    pub lang: Option<Lang>,
    /// Start at this pavilion (zone id, e.g. `ru` or `cn`) or sector (`cn/logistics`) with its
    /// panel open.
    #[arg(long, value_name = "CODE", conflicts_with = "exhibit")]
    pub pavilion: Option<String>,
    /// Start in front of this exhibit (id, e.g. `ru.digital-silk-road`) with its panel open.
    #[arg(long, value_name = "ID")]
    pub exhibit: Option<String>,
    /// Run as an unattended kiosk: fullscreen, attract loop, idle reset, locked exit.
    #[arg(long)]
    pub kiosk: bool,
    /// Rendering quality: auto picks by the graphics adapter (software → low, integrated GPU →
    /// medium, discrete GPU → high). Default: kiosk.ron in a kiosk, else the remembered setting.
    #[arg(long, value_enum)]
    pub quality: Option<crate::quality::QualityChoice>,
    /// Kiosk settings (default: `kiosk.ron` in the content folder).
    #[arg(long, value_name = "FILE", requires = "kiosk")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content without opening a window; exit status 1 lists every problem.
    Validate {
        /// Content folder (default: the shipped content).
        dir: Option<PathBuf>,
    },
    /// Print the directory: zones, pavilions and exhibits with their ids.
    List {
        /// Content folder (default: the shipped content).
        dir: Option<PathBuf>,
    },
    /// Summarise a kiosk visit log: sessions, median length, favourites, languages.
    Stats {
        /// The JSON-lines log the kiosk writes.
        log: PathBuf,
    },
    /// Search exhibits, pavilions and sectors; prints ranked results with their ids.
    Search {
        /// Words to look for, in English or Chinese.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// The narrated texts and their audio files (used by `tools/narrate.sh`).
    Narration {
        #[command(subcommand)]
        action: NarrationAction,
    },
    /// Print the content reference (every file, type and field the program reads, with the
    /// coordinates) as Markdown: `expo-hall reference > docs/content-reference.md`.
    Reference,
    /// Render one view to a PNG and exit (needs a display; Xvfb is fine).
    Screenshot {
        /// overview, walk, pavilion:CODE (a zone id or zone/sector) or exhibit:ID
        #[arg(long)]
        view: View,
        /// The PNG to write; its folder must exist.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Window size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = parse_size)]
        size: (u32, u32),
        /// Frames to time once the scene is ready (textures loaded, shaders compiled) before
        /// capturing; their mean and median frame time are printed.
        #[arg(long, default_value_t = 3)]
        frames: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum NarrationAction {
    /// One line per narrated text and language, tab-separated: state (current, out-of-date or
    /// missing), the audio file, the text on one line.
    List {
        /// Only this language.
        #[arg(long = "in", value_name = "TAG", value_parser = Lang::parse)]
        only: Option<Lang>,
    },
    /// Record in `audio/<lang>/spoken.ron` that these audio files speak their texts as they are
    /// now (after making or recording them). Needs `--content DIR`.
    Stamp {
        /// Content-relative audio files, e.g. `audio/ru/exhibit.np.giant-thangka.ogg`.
        #[arg(required = true)]
        files: Vec<String>,
    },
}

/// The kiosk settings for `--kiosk`: `--config FILE`, else `kiosk.ron` in the content.
pub fn kiosk_config(cli: &Cli) -> Result<Option<KioskConfig>, String> {
    if !cli.kiosk {
        return Ok(None);
    }
    let (shown, text) = match &cli.config {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
        ),
        None => {
            let source = ContentSource::from_option(cli.content.clone());
            (
                source.display("kiosk.ron"),
                source
                    .read_text("kiosk.ron")
                    .map_err(|e| format!("{}: {e}", source.display("kiosk.ron")))?,
            )
        }
    };
    KioskConfig::parse(&shown, &text)
        .map(Some)
        .map_err(|problem| problem.render())
}

/// Checks the start before the window opens: the content folder exists, the hall file can be
/// read, and a deep link names a place in it (else the error names near matches).
pub fn check_start(options: &LaunchOptions) -> Result<(), String> {
    if let ContentSource::Dir(dir) = &options.source
        && !dir.is_dir()
    {
        return Err(format!(
            "the content folder {} does not exist (give a folder laid out like assets/, or leave out --content for the built-in hall)",
            dir.display()
        ));
    }
    if options.hall.is_empty() {
        return Err(format!(
            "{} has no hall file (halls/*.hall.ron)",
            options.source.display("")
        ));
    }
    let read = read_exhibition(&options.source, &options.hall);
    let Some(exhibition) = read.exhibition else {
        let problems: Vec<String> = read.problems.iter().map(|p| p.render()).collect();
        let content = match &options.source {
            ContentSource::Dir(dir) | ContentSource::Overlay { base: dir, .. } => {
                format!(" --content {}", dir.display())
            }
            ContentSource::Embedded => String::new(),
        };
        return Err(format!(
            "the hall cannot be opened:\n{}\ncheck it with: expo-hall{content} --hall {} validate",
            problems.join("\n"),
            options.hall
        ));
    };
    match &options.start_at {
        Some(view) => resolve_view(&exhibition, view).map(|_| ()),
        None => Ok(()),
    }
}

/// `expo-hall narration list|stamp`.
fn narration_command(
    source: &ContentSource,
    hall: &str,
    action: &NarrationAction,
) -> Result<(), String> {
    use crate::content::narration::{
        AudioState, SpokenFiles, narrated_texts, spoken_file_text, spoken_path, text_hash,
    };
    let read = read_exhibition(source, hall);
    let exhibition = read.exhibition.ok_or_else(|| {
        let problems: Vec<String> = read.problems.iter().map(|p| p.render()).collect();
        problems.join("\n")
    })?;
    let (spoken, problems) = SpokenFiles::read(source);
    for problem in &problems {
        eprintln!("{}", problem.render());
    }
    let texts = narrated_texts(&exhibition);
    let languages = exhibition.hall.languages.clone();
    let spoken_texts = texts.iter().flat_map(|(key, text)| {
        languages
            .clone()
            .into_iter()
            .filter_map(move |lang| Some((key, lang, text.exact(lang)?)))
    });
    match action {
        NarrationAction::List { only } => {
            let only = *only;
            let mut out = std::io::stdout().lock();
            for (key, lang, words) in spoken_texts.filter(|(_, l, _)| only.is_none_or(|o| o == *l))
            {
                let state = match spoken.state(key, lang, words) {
                    AudioState::Current => "current",
                    AudioState::OutOfDate => "out-of-date",
                    AudioState::Missing => "missing",
                };
                let one_line = words.split_whitespace().collect::<Vec<_>>().join(" ");
                // A closed pipe (`| head`) ends the list.
                if writeln!(out, "{state}\t{}\t{one_line}", key.path(lang)).is_err() {
                    break;
                }
            }
            Ok(())
        }
        NarrationAction::Stamp { files } => {
            let ContentSource::Dir(folder) = source else {
                return Err(
                    "`narration stamp` writes into a content folder: give --content DIR".into(),
                );
            };
            let by_path: HashMap<String, (Lang, String, String)> = spoken_texts
                .map(|(key, lang, words)| {
                    (key.path(lang), (lang, key.file_name(), text_hash(words)))
                })
                .collect();
            let mut changed: BTreeMap<Lang, BTreeMap<String, String>> = BTreeMap::new();
            for file in files {
                let file = file.trim_start_matches("./").trim_start_matches("assets/");
                let (lang, name, hash) = by_path.get(file).ok_or_else(|| {
                    format!("`{file}` is not the audio of any narrated text (see `expo-hall narration list`)")
                })?;
                if !source.exists(file) {
                    return Err(format!("`{file}` does not exist in {}", folder.display()));
                }
                let kept = changed.entry(*lang).or_insert_with(|| spoken.hashes(*lang));
                kept.insert(name.clone(), hash.clone());
            }
            for (lang, hashes) in changed {
                let path = folder.join(spoken_path(lang));
                std::fs::write(&path, spoken_file_text(&hashes))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                println!("{}: {} files", path.display(), hashes.len());
            }
            Ok(())
        }
    }
}

/// `1280x720` → (1280, 720).
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (64..=8192).contains(n))
    };
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!(
            "`{text}` is not WIDTHxHEIGHT with sides from 64 to 8192"
        )),
    }
}

/// The language to start in: `wanted` if the hall at `hall` declares it, else the hall's first;
/// a language the hall does not speak is refused, naming those it does.
pub fn start_language(
    wanted: Option<Lang>,
    source: &ContentSource,
    hall: &str,
) -> Result<Lang, String> {
    let languages = hall_languages(source, hall);
    match wanted {
        Some(lang) if !languages.is_empty() && !languages.contains(&lang) => {
            let declared: Vec<&str> = languages.iter().map(|l| l.code()).collect();
            Err(format!(
                "`--lang {lang}`: this hall's languages are {}",
                declared.join(", ")
            ))
        }
        Some(lang) => Ok(lang),
        None => Ok(languages.first().copied().unwrap_or(Lang::UNDETERMINED)),
    }
}

/// The options the hall window starts with; a `--pavilion` that is not an area is refused.
pub fn launch_options(cli: &Cli) -> Result<LaunchOptions, String> {
    let pavilion = cli.pavilion.as_deref().map(View::pavilion).transpose()?;
    let source = ContentSource::from_option(cli.content.clone());
    let hall = hall_for(cli, &source);
    let lang = start_language(cli.lang, &source, &hall)?;
    let mut options = LaunchOptions {
        hall,
        source,
        lang,
        start_at: pavilion.or_else(|| cli.exhibit.clone().map(View::Exhibit)),
        quality: cli.quality,
        ..LaunchOptions::default()
    };
    if let Some(Command::Screenshot {
        view,
        out,
        size,
        frames,
    }) = &cli.command
    {
        crate::screenshot::check_output(out)?;
        options.window_size = *size;
        options.screenshot = Some(ScreenshotRequest {
            view: view.clone(),
            out: out.clone(),
            frames: *frames,
        });
    }
    Ok(options)
}

/// The hall to open in `source`: `--hall`, else the folder's default hall (an empty path when the
/// folder has none, which the start check reports).
pub fn hall_for(cli: &Cli, source: &ContentSource) -> String {
    match &cli.hall {
        Some(hall) => hall_path(hall),
        None => source.default_hall().unwrap_or_default(),
    }
}

/// Turns `--hall` into a content-relative path: `n2` → `halls/n2.hall.ron`.
pub fn hall_path(arg: &str) -> String {
    let arg = arg.trim_start_matches("./").trim_start_matches("assets/");
    if arg.ends_with(".ron") {
        arg.to_owned()
    } else {
        format!("halls/{arg}.hall.ron")
    }
}

/// The one-line summary of a clean content folder.
pub fn validate_summary(report: &Report, words: &Words) -> String {
    words.with(
        Word::ValidateOk,
        &[
            ("zones", Arg::from(report.zones)),
            ("pavilions", Arg::from(report.pavilions)),
            ("exhibits", Arg::from(report.exhibits)),
            ("images", Arg::from(report.images)),
            ("tours", Arg::from(report.tours)),
        ],
    )
}

/// Runs a window-less command.
pub fn run_command(cli: &Cli, command: &Command) -> ExitCode {
    // `validate DIR` and `list DIR` read that folder; the others `--content`.
    let folder = match command {
        Command::Validate { dir } | Command::List { dir } => {
            dir.clone().or_else(|| cli.content.clone())
        }
        _ => cli.content.clone(),
    };
    let source = ContentSource::from_option(folder);
    let hall = hall_for(cli, &source);
    let lang = match start_language(cli.lang, &source, &hall) {
        Ok(lang) => lang,
        Err(error) => {
            eprintln!("expo-hall: {error}");
            return ExitCode::from(2);
        }
    };
    let catalogs = Catalogs::load(&source, &hall_languages(&source, &hall));
    let words = catalogs.words(lang);
    match command {
        Command::Validate { .. } => {
            let mut report = validate(&source, &hall);
            // The folder's interface catalogs are content too.
            report.problems.extend(catalogs.problems.iter().cloned());
            let check = catalogs.check();
            report.problems.extend(check.problems);
            report.warnings.extend(check.warnings);
            for warning in &report.warnings {
                eprintln!("warning: {}\n", warning.render());
            }
            if report.problems.is_empty() {
                println!("{}", validate_summary(&report, &words));
                ExitCode::SUCCESS
            } else {
                for problem in &report.problems {
                    eprintln!("{}\n", problem.render());
                }
                eprintln!(
                    "{}",
                    words.with(
                        Word::ProblemsFound,
                        &[("count", Arg::from(report.problems.len()))]
                    )
                );
                ExitCode::FAILURE
            }
        }
        Command::Narration { action } => match narration_command(&source, &hall, action) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        Command::List { .. } => {
            let read = read_exhibition(&source, &hall);
            for problem in &read.problems {
                eprintln!("{problem}");
            }
            match read.exhibition {
                Some(exhibition) => {
                    print!("{}", directory(&exhibition, &words));
                    ExitCode::SUCCESS
                }
                None => ExitCode::FAILURE,
            }
        }
        Command::Search { query } => {
            let read = read_exhibition(&source, &hall);
            let Some(exhibition) = read.exhibition else {
                for problem in &read.problems {
                    eprintln!("{problem}");
                }
                return ExitCode::FAILURE;
            };
            let hits = search(&exhibition, &query.join(" "), lang);
            for hit in &hits {
                println!(
                    "{:>5}  {:<42} {}",
                    hit.score,
                    hit.id,
                    search_title(&exhibition, &hit.found, lang)
                );
            }
            eprintln!(
                "{}",
                words.with(Word::ResultsFound, &[("count", Arg::from(hits.len()))])
            );
            ExitCode::SUCCESS
        }
        Command::Stats { log } => match std::fs::read_to_string(log) {
            Ok(text) => {
                // Titles in `--lang`, from the content the kiosk shows.
                let exhibition = read_exhibition(&source, &hall).exhibition;
                let title = |id: &str| {
                    let exhibition = exhibition.as_ref()?;
                    if let Some(at) = exhibition.find_exhibit(id) {
                        return Some(exhibition.exhibit(at).title.get(lang).to_owned());
                    }
                    let area = AreaRef::parse(id).ok()?;
                    Some(exhibition.area_name(&area)?.get(lang).to_owned())
                };
                print!("{}", visit_log::stats(&text).render(&words, &title));
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}: {error}", log.display());
                ExitCode::FAILURE
            }
        },
        Command::Reference => {
            print!("{}", crate::authoring::reference::markdown());
            ExitCode::SUCCESS
        }
        Command::Screenshot { .. } => unreachable!("screenshots open the hall window"),
    }
}

/// The exhibition's directory as text, in the language of `words`.
pub fn directory(exhibition: &Exhibition, words: &Words) -> String {
    let lang = words.lang;
    let mut out = String::new();
    let hall = &exhibition.hall;
    out.push_str(&format!(
        "{}\n{}\n\n",
        hall.about.title.get(lang),
        hall.shell.name.get(lang)
    ));
    let line = |e: &Exhibit| format!("  {:<40} {}\n", e.id, e.title.get(lang));
    // The host's zone, then each of the hall's groups of pavilions.
    let host: Vec<&Zone> = exhibition
        .zones
        .iter()
        .filter(|z| matches!(z.kind, ZoneKind::Host { .. }))
        .collect();
    let mut sections = vec![(hall.host_heading.get(lang).to_owned(), host)];
    for group in &hall.groups {
        let zones = exhibition.pavilions_in(group).map(|(_, z)| z).collect();
        sections.push((group.heading.get(lang).to_owned(), zones));
    }
    for (heading, zones) in sections {
        if zones.is_empty() {
            continue;
        }
        out.push_str(&format!("== {heading} ==\n"));
        for zone in zones {
            out.push_str(&format!("{} [{}]\n", zone.name.get(lang), zone.id));
            let ZoneKind::Host { sectors } = &zone.kind else {
                for exhibit in &zone.exhibits {
                    out.push_str(&line(exhibit));
                }
                continue;
            };
            for sector in sectors {
                let area = AreaRef::sector(&zone.id, &sector.id);
                out.push_str(&format!(" {} [{area}]\n", sector.name.get(lang)));
                for exhibit in zone
                    .exhibits
                    .iter()
                    .filter(|e| e.sector.as_deref() == Some(&sector.id))
                {
                    out.push_str(&format!(" {}", line(exhibit)));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&words.with(
        Word::ListTotals,
        &[
            ("zones", Arg::from(exhibition.zones.len())),
            ("pavilions", Arg::from(exhibition.pavilions().count())),
            ("exhibits", Arg::from(exhibition.exhibit_count())),
        ],
    ));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hall_names_resolve_to_content_paths() {
        assert_eq!(hall_path("n2-as-reported"), "halls/n2-as-reported.hall.ron");
        assert_eq!(hall_path("halls/n2.hall.ron"), "halls/n2.hall.ron");
        assert_eq!(hall_path("assets/halls/n2.hall.ron"), "halls/n2.hall.ron");
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("640x360"), Ok((640, 360)));
        assert!(parse_size("640").is_err() && parse_size("0x10").is_err());
    }

    #[test]
    fn the_command_line_parses() {
        let cli = Cli::try_parse_from(["expo-hall", "--lang", "zh", "list"]).unwrap();
        assert_eq!(cli.lang, Lang::from_code("zh"));
        assert!(matches!(cli.command, Some(Command::List { dir: None })));
        let cli = Cli::try_parse_from(["expo-hall", "--lang", "pt_br"]).unwrap();
        assert_eq!(
            cli.lang.map(|l| l.code().to_owned()).as_deref(),
            Some("pt-BR")
        );
        assert!(Cli::try_parse_from(["expo-hall", "--lang", "e1"]).is_err());
    }

    #[test]
    fn the_start_language_is_one_the_hall_speaks() {
        let source = ContentSource::Embedded;
        let hall = source.default_hall().unwrap();
        assert_eq!(start_language(None, &source, &hall).unwrap().code(), "en");
        assert_eq!(
            start_language(Lang::from_code("ru"), &source, &hall)
                .unwrap()
                .code(),
            "ru"
        );
        let refused = start_language(Lang::from_code("de"), &source, &hall).unwrap_err();
        assert!(refused.contains("en, zh, ru"), "{refused}");
    }
}
