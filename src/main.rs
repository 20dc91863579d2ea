//! The `expo-hall` binary: parses the command line and runs a command or opens the hall.

use std::process::ExitCode;

use bevy::prelude::*;
use clap::Parser;
use expo_hall::{
    AppPlugin,
    cli::{Cli, Command, check_start, kiosk_config, launch_options, run_command},
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(
            command @ (Command::Validate { .. }
            | Command::List { .. }
            | Command::Search { .. }
            | Command::Stats { .. }
            | Command::Narration { .. }
            | Command::Reference),
        ) => run_command(&cli, command),
        _ => {
            let mut options = match launch_options(&cli) {
                Ok(options) => options,
                Err(error) => {
                    eprintln!("expo-hall: {error}");
                    return ExitCode::from(2);
                }
            };
            let kiosk = match kiosk_config(&cli) {
                Ok(config) => config,
                Err(error) => {
                    eprintln!("expo-hall: kiosk settings: {error}");
                    return ExitCode::from(2);
                }
            };
            // A kiosk runs from the last good copy of its content folder.
            if let (Some(_), expo_hall::content::source::ContentSource::Dir(content)) =
                (&kiosk, &options.source)
            {
                let last_good = expo_hall::content::last_good::default_folder();
                match expo_hall::content::last_good::refresh(content, &last_good) {
                    Ok(notes) => {
                        for note in &notes {
                            eprintln!("expo-hall: {note}");
                        }
                        options.startup_notes = notes;
                        options.edited_folder = Some(content.clone());
                        options.source = expo_hall::content::source::ContentSource::Dir(last_good);
                    }
                    Err(error) => eprintln!(
                        "expo-hall: cannot keep a last good copy ({error}); running from {}",
                        content.display()
                    ),
                }
            }
            if let Err(error) = check_start(&options) {
                eprintln!("expo-hall: {error}");
                return ExitCode::from(2);
            }
            let exit = App::new().add_plugins(AppPlugin { options, kiosk }).run();
            if exit.is_success() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
