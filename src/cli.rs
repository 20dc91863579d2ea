//! The command line: `expo-hall [OPTIONS] [COMMAND]`. Commands that need no window
//! (`validate`, `list`) run here and return an exit code; the rest open the hall.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand, ValueEnum};

use crate::content::{
    exhibition::{Exhibition, read_exhibition},
    model::{Lang, ScoStatus, ZoneKind},
    source::{ContentSource, DEFAULT_HALL},
    validate::validate,
};
use crate::launch::{LaunchOptions, ScreenshotRequest, View};
use crate::wayfinding::{
    links::resolve_view,
    search::{search, title as search_title},
};

#[derive(Debug, Parser)]
#[command(
    name = "expo-hall",
    version,
    about = "Walk Hall N2 of the 2021 China–SCO Digital Economy Industry Forum"
)]
pub struct Cli {
    /// A content folder laid out like `assets/` (default: the content built into the program).
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// The hall file to open, relative to the content folder, or a short name
    /// (`n2`, `n2-as-reported`).
    #[arg(long, global = true, value_name = "FILE", default_value = DEFAULT_HALL)]
    pub hall: String,
    /// The language the hall starts in.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Start at this pavilion (zone id, e.g. `ru` or `cn`) with its panel open.
    #[arg(long, value_name = "CODE", conflicts_with = "exhibit")]
    pub pavilion: Option<String>,
    /// Start in front of this exhibit (id, e.g. `ru.digital-silk-road`) with its panel open.
    #[arg(long, value_name = "ID")]
    pub exhibit: Option<String>,
    /// Run as an unattended kiosk: fullscreen, attract loop, idle reset, locked exit.
    #[arg(long)]
    pub kiosk: bool,
    /// Kiosk settings (default: `kiosk.ron` in the content folder).
    #[arg(long, value_name = "FILE", requires = "kiosk")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
    Ru,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
            LangArg::Ru => Lang::Ru,
        }
    }
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
    /// Render one view to a PNG and exit (needs a display; Xvfb is fine).
    Screenshot {
        /// overview, walk, pavilion:<code> or exhibit:<id>
        #[arg(long)]
        view: View,
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Window size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = parse_size)]
        size: (u32, u32),
        /// Frames to render at the view before capturing; the mean frame time is printed.
        #[arg(long, default_value_t = 12)]
        frames: u32,
    },
}

/// The kiosk settings for `--kiosk`: `--config FILE`, else `kiosk.ron` in the content.
pub fn kiosk_config(cli: &Cli) -> Result<Option<crate::kiosk::config::KioskConfig>, String> {
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
    crate::kiosk::config::KioskConfig::parse(&shown, &text)
        .map(Some)
        .map_err(|problem| problem.render())
}

/// Checks a deep link before the window opens: an unknown pavilion or exhibit is an error that
/// names near matches.
pub fn check_start(options: &LaunchOptions) -> Result<(), String> {
    let Some(view) = &options.start_at else {
        return Ok(());
    };
    let read = read_exhibition(&options.source, &options.hall);
    let Some(exhibition) = read.exhibition else {
        // The hall itself is broken: the window shows why.
        return Ok(());
    };
    resolve_view(&exhibition, view).map(|_| ())
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

/// The options the hall window starts with.
pub fn launch_options(cli: &Cli) -> LaunchOptions {
    let mut options = LaunchOptions {
        source: ContentSource::from_option(cli.content.clone()),
        hall: hall_path(&cli.hall),
        lang: cli.lang.into(),
        start_at: cli
            .pavilion
            .as_ref()
            .map(|code| View::Pavilion(code.to_lowercase()))
            .or_else(|| cli.exhibit.clone().map(View::Exhibit)),
        ..LaunchOptions::default()
    };
    if let Some(Command::Screenshot {
        view,
        out,
        size,
        frames,
    }) = &cli.command
    {
        options.window_size = *size;
        options.screenshot = Some(ScreenshotRequest {
            view: view.clone(),
            out: out.clone(),
            frames: *frames,
        });
    }
    options
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

/// Runs a window-less command.
pub fn run_command(cli: &Cli, command: &Command) -> ExitCode {
    let lang = Lang::from(cli.lang);
    let hall = hall_path(&cli.hall);
    match command {
        Command::Validate { dir } => {
            let source = ContentSource::from_option(dir.clone().or_else(|| cli.content.clone()));
            let report = validate(&source, &hall);
            if report.problems.is_empty() {
                println!("{}", report.summary());
                ExitCode::SUCCESS
            } else {
                for problem in &report.problems {
                    eprintln!("{}\n", problem.render());
                }
                eprintln!("{} problem(s) found", report.problems.len());
                ExitCode::FAILURE
            }
        }
        Command::List { dir } => {
            let source = ContentSource::from_option(dir.clone().or_else(|| cli.content.clone()));
            let read = read_exhibition(&source, &hall);
            for problem in &read.problems {
                eprintln!("{problem}");
            }
            match read.exhibition {
                Some(exhibition) => {
                    print!("{}", directory(&exhibition, lang));
                    ExitCode::SUCCESS
                }
                None => ExitCode::FAILURE,
            }
        }
        Command::Search { query } => {
            let source = ContentSource::from_option(cli.content.clone());
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
            eprintln!("{} result(s)", hits.len());
            ExitCode::SUCCESS
        }
        Command::Stats { log } => match std::fs::read_to_string(log) {
            Ok(text) => {
                print!("{}", crate::kiosk::visit_log::stats(&text));
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}: {error}", log.display());
                ExitCode::FAILURE
            }
        },
        Command::Screenshot { .. } => unreachable!("screenshots open the hall window"),
    }
}

/// The exhibition's directory as text, in `lang`.
pub fn directory(exhibition: &Exhibition, lang: Lang) -> String {
    let mut out = String::new();
    let hall = &exhibition.hall;
    out.push_str(&format!(
        "{}\n{}\n\n",
        hall.about.title.get(lang),
        hall.shell.name.get(lang)
    ));
    let heading = |status: Option<ScoStatus>| {
        let (en, zh) = match status {
            None => ("China zone", "中国展区"),
            Some(ScoStatus::Member) => ("SCO member states", "上合组织成员国"),
            Some(ScoStatus::Observer) => ("SCO observer states", "上合组织观察员国"),
            Some(ScoStatus::DialoguePartner) => ("SCO dialogue partners", "上合组织对话伙伴"),
        };
        if lang == Lang::Zh { zh } else { en }
    };
    for group in [
        None,
        Some(ScoStatus::Member),
        Some(ScoStatus::Observer),
        Some(ScoStatus::DialoguePartner),
    ] {
        let zones: Vec<_> = exhibition
            .zones
            .iter()
            .filter(|z| match (&z.kind, group) {
                (ZoneKind::China { .. }, None) => true,
                (ZoneKind::Pavilion(p), Some(status)) => p.status == status,
                _ => false,
            })
            .collect();
        if zones.is_empty() {
            continue;
        }
        out.push_str(&format!("== {} ==\n", heading(group)));
        for zone in zones {
            out.push_str(&format!("{} [{}]\n", zone.name.get(lang), zone.id));
            let line = |e: &crate::content::model::Exhibit| {
                format!("  {:<40} {}\n", e.id, e.title.get(lang))
            };
            match &zone.kind {
                ZoneKind::China { sectors } => {
                    for sector in sectors {
                        out.push_str(&format!(
                            " {} [{}/{}]\n",
                            sector.name.get(lang),
                            zone.id,
                            sector.id
                        ));
                        for exhibit in zone
                            .exhibits
                            .iter()
                            .filter(|e| e.sector.as_deref() == Some(&sector.id))
                        {
                            out.push_str(&format!(" {}", line(exhibit)));
                        }
                    }
                }
                ZoneKind::Pavilion(_) => {
                    for exhibit in &zone.exhibits {
                        out.push_str(&line(exhibit));
                    }
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{} zones, {} pavilions, {} exhibits\n",
        exhibition.zones.len(),
        exhibition.pavilions().count(),
        exhibition.exhibit_count()
    ));
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
        assert_eq!(cli.lang, LangArg::Zh);
        assert!(matches!(cli.command, Some(Command::List { dir: None })));
        assert!(Cli::try_parse_from(["expo-hall", "--lang", "fr"]).is_err());
    }
}
