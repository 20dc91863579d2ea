//! The `expo-hall` binary: parses the command line and runs a command or opens the hall.

use std::process::ExitCode;

use bevy::prelude::*;
use clap::Parser;
use expo_hall::{
    AppPlugin,
    cli::{Cli, Command, launch_options, run_command},
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command @ (Command::Validate { .. } | Command::List { .. })) => {
            run_command(&cli, command)
        }
        _ => {
            let exit = App::new()
                .add_plugins(AppPlugin {
                    options: launch_options(&cli),
                })
                .run();
            if exit.is_success() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
