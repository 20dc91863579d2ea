//! Builds halls of other sizes from the shipped content ([`expo_hall::content::scaled`]), for
//! `benches/frames.sh`:
//!
//! ```sh
//! cargo run --example scaled_hall -- OUT_DIR 10   # every pavilion ten times, the hall enlarged
//! cargo run --example scaled_hall -- OUT_DIR 0    # the empty hall: the same shell, one bare booth
//! ```

use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(copies)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: cargo run --example scaled_hall -- OUT_DIR COPIES (0 = the empty hall)");
        return ExitCode::from(2);
    };
    match expo_hall::content::scaled::build(&out, copies) {
        Ok(summary) => {
            println!("{}: {summary}", out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("scaled_hall: {error}");
            ExitCode::FAILURE
        }
    }
}
