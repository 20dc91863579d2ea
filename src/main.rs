//! The `expo-hall` binary: parses the command line and runs a command or opens the hall.

use std::process::ExitCode;

use clap::Parser;
use expo_hall::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => run_command(&cli, command),
        None => {
            eprintln!("the hall window is not built yet");
            ExitCode::FAILURE
        }
    }
}
