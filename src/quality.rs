//! Quality tiers: what the renderer may spend on a frame. `auto` picks by the render adapter — a
//! software renderer (llvmpipe, WARP, SwiftShader) gets `low`, an integrated GPU `medium`, a
//! discrete GPU `high` — and the tier chosen, and why, is logged and shown in the staff overlay.
//! The choice comes from `--quality`, a kiosk's `kiosk.ron`, or the desktop settings (remembered in
//! the user's config folder, `settings.ron`). The camera and the hall apply the tier
//! ([`QualityTier`]); the content needs nothing that only one tier can show.

use std::path::PathBuf;

use bevy::{prelude::*, render::renderer::RenderAdapterInfo};
use serde::{Deserialize, Serialize};

pub fn plugin(app: &mut App) {
    app.init_resource::<QualityRequest>()
        // Before the cameras are made (the renderer is ready by then), so they start in their
        // tier; again whenever the request changes.
        .add_systems(PreStartup, decide_tier.in_set(TierDecision))
        .add_systems(
            Update,
            decide_tier.run_if(
                resource_changed::<QualityRequest>.or_else(not(resource_exists::<QualityTier>)),
            ),
        );
}

/// Where the tier is first decided, for what is made in its tier at start-up.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct TierDecision;

/// What was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum QualityChoice {
    /// By the render adapter.
    #[default]
    Auto,
    Low,
    Medium,
    High,
}

/// The tier in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// Software rendering and weak kiosk PCs: no multisampling, no shadows, no tonemapping pass.
    Low,
    /// Integrated GPUs: 4× multisampling, shadows from the hall light, tonemapping.
    Medium,
    /// Discrete GPUs: as medium; room for more.
    High,
}

impl Quality {
    pub fn name(self) -> &'static str {
        match self {
            Quality::Low => "low",
            Quality::Medium => "medium",
            Quality::High => "high",
        }
    }

    /// The share of the window's pixels the 3D scene is drawn at (per axis); the interface is
    /// always drawn at full resolution. Software rendering is bound by the pixels it shades,
    /// so the low tier draws a quarter of them and scales the picture up.
    pub fn render_scale(self) -> f32 {
        match self {
            Quality::Low => 0.5,
            Quality::Medium | Quality::High => 1.0,
        }
    }
}

/// The kind of render adapter, as far as the tier cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdapterKind {
    Software,
    Integrated,
    Discrete,
    /// A virtual GPU or one that does not say.
    Other,
}

impl AdapterKind {
    /// From wgpu's device type (its `Debug` name: Bevy does not re-export the enum) and the
    /// adapter's name, which gives away software renderers that call themselves something else.
    pub fn of(device_type: &str, name: &str) -> Self {
        let name = name.to_lowercase();
        let software_name = [
            "llvmpipe",
            "lavapipe",
            "swiftshader",
            "warp",
            "basic render",
        ]
        .iter()
        .any(|n| name.contains(n));
        match device_type {
            _ if software_name => AdapterKind::Software,
            "Cpu" => AdapterKind::Software,
            "IntegratedGpu" => AdapterKind::Integrated,
            "DiscreteGpu" => AdapterKind::Discrete,
            _ => AdapterKind::Other,
        }
    }
}

/// Why a tier was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TierReason {
    /// `auto`, on this kind of adapter.
    Adapter(AdapterKind),
    /// Asked for in `--quality`, `kiosk.ron` or the settings.
    Asked(String),
}

impl std::fmt::Display for TierReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TierReason::Adapter(AdapterKind::Software) => write!(f, "auto: a software renderer"),
            TierReason::Adapter(AdapterKind::Integrated) => write!(f, "auto: an integrated GPU"),
            TierReason::Adapter(AdapterKind::Discrete) => write!(f, "auto: a discrete GPU"),
            TierReason::Adapter(AdapterKind::Other) => write!(f, "auto: a GPU of unknown kind"),
            TierReason::Asked(from) => write!(f, "asked for in {from}"),
        }
    }
}

/// The tier for `choice` (said in `from`) on an adapter of `kind`, and why.
pub fn choose(choice: QualityChoice, from: &str, kind: AdapterKind) -> (Quality, TierReason) {
    let asked = |quality: Quality| (quality, TierReason::Asked(from.to_owned()));
    match choice {
        QualityChoice::Low => asked(Quality::Low),
        QualityChoice::Medium => asked(Quality::Medium),
        QualityChoice::High => asked(Quality::High),
        QualityChoice::Auto => {
            let quality = match kind {
                AdapterKind::Software => Quality::Low,
                AdapterKind::Integrated | AdapterKind::Other => Quality::Medium,
                AdapterKind::Discrete => Quality::High,
            };
            (quality, TierReason::Adapter(kind))
        }
    }
}

/// The tier asked for, and where that was said (`--quality`, `kiosk.ron`, the settings).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct QualityRequest {
    pub choice: QualityChoice,
    pub from: String,
}

impl Default for QualityRequest {
    fn default() -> Self {
        QualityRequest {
            choice: QualityChoice::Auto,
            from: "default".into(),
        }
    }
}

/// The tier in use, once the render adapter is known.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct QualityTier {
    pub quality: Quality,
    pub reason: TierReason,
    /// The render adapter's name and driver.
    pub adapter: String,
}

fn decide_tier(
    mut commands: Commands,
    request: Res<QualityRequest>,
    adapter: Option<Res<RenderAdapterInfo>>,
    current: Option<Res<QualityTier>>,
) {
    let Some(adapter) = adapter else { return };
    let device_type = format!("{:?}", adapter.device_type);
    let kind = AdapterKind::of(&device_type, &adapter.name);
    let (quality, reason) = choose(request.choice, &request.from, kind);
    let adapter = format!("{} ({device_type}, {})", adapter.name, adapter.driver_info);
    if current.is_some_and(|current| {
        current.quality == quality && current.reason == reason && current.adapter == adapter
    }) {
        return;
    }
    info!(
        "quality tier {}: {reason}; adapter {adapter}",
        quality.name()
    );
    commands.insert_resource(QualityTier {
        quality,
        reason,
        adapter,
    });
}

/// The desktop's remembered settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DesktopSettings {
    pub quality: QualityChoice,
    /// Whether the standing visitor figures are shown.
    pub people: bool,
    /// How loud narration plays.
    pub narration: Loudness,
}

impl Default for DesktopSettings {
    fn default() -> Self {
        DesktopSettings {
            quality: QualityChoice::Auto,
            people: true,
            narration: Loudness::default(),
        }
    }
}

/// How loud narration plays (`kiosk.ron` or the desktop settings; the toolbar changes it).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Loudness {
    /// 0 (silent) to 1 (full).
    pub volume: f32,
    pub muted: bool,
}

impl Default for Loudness {
    fn default() -> Self {
        Loudness {
            volume: 0.8,
            muted: false,
        }
    }
}

/// Whether the hall shows its standing visitor figures (the content's `furnishing.people`):
/// from `kiosk.ron` or the desktop settings.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandingPeople(pub bool);

impl Default for StandingPeople {
    fn default() -> Self {
        StandingPeople(true)
    }
}

/// The desktop settings' file name, also how the overlay names where a tier was asked for.
pub const SETTINGS_FILE: &str = "settings.ron";

/// `$XDG_CONFIG_HOME/expo-hall/settings.ron`, else `~/.config/expo-hall/settings.ron`.
pub fn settings_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("expo-hall").join(SETTINGS_FILE))
}

impl DesktopSettings {
    /// The remembered settings; none yet is the defaults, and a broken file is the defaults with
    /// the reason (`file:line:col`) to log.
    pub fn load(path: &std::path::Path) -> (DesktopSettings, Option<String>) {
        let Ok(text) = std::fs::read_to_string(path) else {
            return (DesktopSettings::default(), None);
        };
        match ron::from_str(&text) {
            Ok(settings) => (settings, None),
            Err(error) => (
                DesktopSettings::default(),
                Some(format!(
                    "{}:{}:{}: {} (using the defaults)",
                    path.display(),
                    error.span.start.line,
                    error.span.start.col,
                    error.code
                )),
            ),
        }
    }

    /// Saves the settings where [`settings_path`] says; a failure is logged.
    pub fn remember(&self) {
        let Some(path) = settings_path() else {
            return;
        };
        if let Err(error) = self.save(&path) {
            warn!(
                "cannot remember the settings in {}: {error}",
                path.display()
            );
        }
    }

    /// Remembers a new narration loudness, keeping the rest of the file as it is (a one-off
    /// `--quality` of this run is not remembered by it).
    pub fn remember_narration(loudness: Loudness) {
        let Some(path) = settings_path() else {
            return;
        };
        let (mut settings, _) = DesktopSettings::load(&path);
        settings.narration = loudness;
        settings.remember();
    }

    pub fn save(&self, path: &std::path::Path) -> std::io::Result<()> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        std::fs::write(path, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_the_adapter_and_a_fixed_choice_wins() {
        let kind = AdapterKind::of("Cpu", "llvmpipe (LLVM 15.0.6, 256 bits)");
        assert_eq!(kind, AdapterKind::Software);
        assert_eq!(
            AdapterKind::of("Other", "Microsoft Basic Render Driver"),
            AdapterKind::Software,
            "a software renderer that does not say so in its type"
        );
        assert_eq!(
            AdapterKind::of("IntegratedGpu", "Intel(R) UHD 620"),
            AdapterKind::Integrated
        );
        assert_eq!(
            AdapterKind::of("DiscreteGpu", "NVIDIA RTX 4070"),
            AdapterKind::Discrete
        );
        assert_eq!(AdapterKind::of("VirtualGpu", "virgl"), AdapterKind::Other);

        let (tier, why) = choose(QualityChoice::Auto, "default", kind);
        assert_eq!(tier, Quality::Low);
        assert_eq!(why.to_string(), "auto: a software renderer");
        assert_eq!(
            choose(QualityChoice::Auto, "x", AdapterKind::Integrated).0,
            Quality::Medium
        );
        assert_eq!(
            choose(QualityChoice::Auto, "x", AdapterKind::Discrete).0,
            Quality::High
        );
        let (tier, why) = choose(QualityChoice::High, "--quality", AdapterKind::Software);
        assert_eq!(
            tier,
            Quality::High,
            "asked for, even on a software renderer"
        );
        assert_eq!(why, TierReason::Asked("--quality".into()));
    }

    #[test]
    fn settings_round_trip_and_a_broken_file_says_where() {
        let dir = std::env::temp_dir().join(format!("expo-hall-settings-{}", std::process::id()));
        let path = dir.join("settings.ron");
        assert_eq!(
            DesktopSettings::load(&path),
            (DesktopSettings::default(), None)
        );
        let settings = DesktopSettings {
            quality: QualityChoice::Medium,
            people: false,
            narration: Loudness {
                volume: 0.3,
                muted: true,
            },
        };
        settings.save(&path).unwrap();
        assert_eq!(DesktopSettings::load(&path), (settings, None));
        // A file from before the people and narration settings keeps their defaults.
        std::fs::write(&path, "(quality: low)").unwrap();
        assert!(DesktopSettings::load(&path).0.people);
        assert_eq!(
            DesktopSettings::load(&path).0.narration,
            Loudness::default()
        );
        std::fs::write(&path, "(\n  quality: shiny,\n)").unwrap();
        let (loaded, problem) = DesktopSettings::load(&path);
        assert_eq!(loaded, DesktopSettings::default());
        let problem = problem.expect("a problem");
        assert!(problem.contains("settings.ron:2:"), "{problem}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
