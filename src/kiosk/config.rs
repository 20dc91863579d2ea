//! The kiosk's settings, from a RON file staff can edit without rebuilding
//! (`assets/kiosk.ron` ships a documented default).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::content::{diagnostics::Problem, model::Lang, parse::parse};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskConfig {
    /// Which monitor to fill (0 = primary).
    pub monitor: usize,
    /// Seconds without a visitor before the attract loop starts.
    pub attract_after: f32,
    /// Seconds a visitor may stay idle before "Still there?" appears (T1).
    pub still_there_after: f32,
    /// Seconds of idleness after which the session resets (T2, counted from the last activity).
    pub reset_after: f32,
    /// Reading speed used to extend idleness while a panel is open, characters per second.
    pub reading_chars_per_second: f32,
    /// Longest extra time a panel can earn, seconds.
    pub max_reading_seconds: f32,
    /// Seconds without pointer movement before the cursor hides.
    pub hide_cursor_after: f32,
    /// The staff PIN (digits).
    pub pin: String,
    /// Seconds to hold the top-left corner to ask for the PIN.
    pub corner_hold_seconds: f32,
    /// Interface scale for touch (1.0 = desktop).
    pub ui_scale: f32,
    /// Language every session starts in (none, or one the hall does not speak: the hall's
    /// first declared language).
    pub default_lang: Option<Lang>,
    /// The languages the kiosk offers, in the switch and on its shared screens (empty: the
    /// hall's declared languages).
    pub languages: Vec<Lang>,
    /// The tour (id) the attract loop plays.
    pub attract_tour: String,
    /// Where the visit log (JSON lines) is appended; relative to the state folder
    /// ([`state_folder`]) unless absolute.
    pub visit_log: String,
    /// The quality tier (`auto` by the render adapter); `--quality` overrides it.
    pub quality: crate::quality::QualityChoice,
    /// Whether the hall shows its standing visitor figures.
    pub people: bool,
    /// How loud narration plays (staff can mute it).
    pub narration: crate::quality::Loudness,
    /// Whether the attract loop's tour speaks; else narration starts only on a visitor's touch.
    pub narrate_attract_loop: bool,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            monitor: 0,
            attract_after: 90.0,
            still_there_after: 60.0,
            reset_after: 90.0,
            reading_chars_per_second: 12.0,
            max_reading_seconds: 120.0,
            hide_cursor_after: 5.0,
            pin: "2021".into(),
            corner_hold_seconds: 3.0,
            ui_scale: 1.4,
            default_lang: None,
            languages: Vec::new(),
            attract_tour: "grand-tour".into(),
            visit_log: "expo-hall-visits.jsonl".into(),
            quality: crate::quality::QualityChoice::Auto,
            people: true,
            narration: crate::quality::Loudness::default(),
            narrate_attract_loop: false,
        }
    }
}

/// The kiosk's own folder for what it writes: `$XDG_STATE_HOME/expo-hall`, else
/// `~/.local/state/expo-hall`. It does not depend on the folder the kiosk was started in.
pub fn state_folder() -> PathBuf {
    std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir)
        .join("expo-hall")
}

impl KioskConfig {
    /// The visit log's path: `visit_log` itself when absolute, else inside [`state_folder`].
    pub fn visit_log_path(&self) -> PathBuf {
        let written = Path::new(&self.visit_log);
        if written.is_absolute() {
            written.to_path_buf()
        } else {
            state_folder().join(written)
        }
    }

    /// Parses a kiosk file; problems come back positioned like content errors.
    pub fn parse(path: &str, text: &str) -> Result<KioskConfig, Problem> {
        let config: KioskConfig = parse(path, text)?;
        config
            .check()
            .map_err(|message| Problem::file(path, message))?;
        Ok(config)
    }

    fn check(&self) -> Result<(), String> {
        if !(self.pin.len() >= 4 && self.pin.chars().all(|c| c.is_ascii_digit())) {
            return Err("`pin` must be at least 4 digits".into());
        }
        if self.reset_after <= self.still_there_after {
            return Err("`reset_after` must be longer than `still_there_after`".into());
        }
        if self.attract_after <= 0.0 || self.still_there_after <= 0.0 {
            return Err("the idle times must be positive".into());
        }
        if !(0.0..=1.0).contains(&self.narration.volume) {
            return Err("`narration.volume` must be between 0 and 1".into());
        }
        if !(0.5..=4.0).contains(&self.ui_scale) {
            return Err("`ui_scale` must be between 0.5 and 4".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_kiosk_file_parses() {
        let text = include_str!("../../assets/kiosk.ron");
        let config = KioskConfig::parse("assets/kiosk.ron", text).expect("valid kiosk.ron");
        assert!(config.reset_after > config.still_there_after);
    }

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        assert!(
            KioskConfig::parse("k.ron", "(pin: \"12\")")
                .unwrap_err()
                .message
                .contains("pin")
        );
        assert!(
            KioskConfig::parse("k.ron", "(still_there_after: 60.0, reset_after: 30.0)")
                .unwrap_err()
                .message
                .contains("reset_after")
        );
        let error = KioskConfig::parse("k.ron", "(attract_after: \"soon\")").unwrap_err();
        assert_eq!(error.line, 1, "{error}");
    }
}
