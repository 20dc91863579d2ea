//! expo-hall: a walkable Hall N2 of the Chongqing International Expo Center, as set up for the
//! China–SCO Digital Economy Industry Forum at the 2021 Smart China Expo.
//!
//! Everything the hall shows comes from RON files in `assets/` ([`content`]); the rest of the
//! crate turns that content into a 3D hall ([`hall`]), cameras ([`camera`]), picking
//! ([`interaction`]) and the egui interface ([`ui`]). [`AppPlugin`] is the root.
//!
//! The modules form layers that only look down (a test in `tests/harness/architecture.rs`
//! keeps it so): [`theme`] and [`content`] at the bottom, then [`i18n`], [`third_party`],
//! [`screens`], [`launch`] and [`quality`]; then [`narration`], [`camera`], [`hall`],
//! [`interaction`], [`wayfinding`] and [`kiosk`]; then [`ui`], [`screenshot`] and [`cli`] on top.

pub mod authoring;
pub mod camera;
pub mod cli;
pub mod content;
pub mod hall;
pub mod i18n;
pub mod interaction;
pub mod kiosk;
pub mod launch;
pub mod narration;
pub mod quality;
pub mod screens;
pub mod screenshot;
pub mod theme;
pub mod third_party;
pub mod ui;
pub mod wayfinding;

use bevy::{
    prelude::*,
    window::{MonitorSelection, WindowMode, WindowResolution},
};

use crate::{
    content::loading::ContentRequest,
    i18n::{Catalogs, CurrentLang},
    kiosk::config::KioskConfig,
    launch::LaunchOptions,
};

/// The whole application: window, content, scene, cameras and UI.
pub struct AppPlugin {
    pub options: LaunchOptions,
    /// `--kiosk`: the kiosk's settings.
    pub kiosk: Option<KioskConfig>,
}

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        let options = self.options.clone();
        let asset_plugin = content::assets::asset_plugin_for(&options.source, app);
        let (width, height) = options.window_size;
        let mode = match &self.kiosk {
            Some(config) => {
                WindowMode::BorderlessFullscreen(MonitorSelection::Index(config.monitor))
            }
            None => WindowMode::Windowed,
        };
        // Without a sound device the audio output stays out (no device errors in the log);
        // narration then runs silently.
        let sound = narration::SoundDevice::detect();
        let mut plugins = DefaultPlugins.build();
        if !sound.0 {
            info!("no sound device found: narration is silent");
            plugins = plugins.disable::<bevy::audio::AudioPlugin>();
        }
        app.insert_resource(sound);
        // For benchmarks: the GPU time of each render pass, logged every second (where the
        // adapter has timestamp queries, as llvmpipe does).
        let pass_times = std::env::var_os("EXPO_HALL_PASS_TIMES").is_some();
        if pass_times {
            use bevy::render::settings::{RenderCreation, WgpuFeatures, WgpuSettings};
            plugins = plugins.set(bevy::render::RenderPlugin {
                render_creation: RenderCreation::Automatic(Box::new(WgpuSettings {
                    features: WgpuFeatures::TIMESTAMP_QUERY
                        | WgpuFeatures::TIMESTAMP_QUERY_INSIDE_ENCODERS
                        | WgpuFeatures::TIMESTAMP_QUERY_INSIDE_PASSES,
                    ..default()
                })),
                ..default()
            });
        }
        app.add_plugins(plugins.set(asset_plugin).set(WindowPlugin {
            primary_window: Some(Window {
                // The hall's own name replaces this once its content is in (`ui`).
                title: "expo-hall".into(),
                resolution: WindowResolution::new(width, height),
                mode,
                ..default()
            }),
            // Close requests go through `kiosk::plugin`: honoured on the desktop, ignored by a kiosk.
            close_when_requested: false,
            ..default()
        }));
        if pass_times {
            app.add_plugins((
                bevy::render::diagnostic::RenderDiagnosticsPlugin,
                bevy::diagnostic::LogDiagnosticsPlugin::default(),
            ));
        }
        if let Some(config) = &self.kiosk {
            app.insert_resource(kiosk::Kiosk::new(config.clone()));
        }
        // The lower layers get what they need of the launch options as plain values.
        let catalogs = Catalogs::load(
            &options.source,
            &content::exhibition::hall_languages(&options.source, &options.hall),
        );
        app.insert_resource(content::credits::Credits::load(&options.source));
        app.insert_resource(ContentRequest {
            hall: options.hall.clone(),
            notes: catalogs.problems.iter().map(ToString::to_string).collect(),
            kept_copies: options.startup_notes.clone(),
            builtin_fonts: !content::loading::has_own_fonts(&options.source),
            extra_fonts: content::loading::extra_fonts(&options.source),
            live: options.live_folders(),
        })
        .insert_resource(CurrentLang(options.lang))
        .insert_resource(catalogs);
        app.configure_sets(
            Update,
            (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
        );
        // The desktop's remembered settings, read once; a kiosk has kiosk.ron instead.
        let desktop = self.kiosk.is_none().then(remembered_settings);
        app.insert_resource(quality_request(
            &options,
            self.kiosk.as_ref(),
            desktop.as_ref(),
        ));
        app.insert_resource(quality::StandingPeople(match (&self.kiosk, &desktop) {
            (Some(config), _) => config.people,
            (None, Some(settings)) => settings.people,
            (None, None) => true,
        }));
        app.insert_resource(match (&self.kiosk, &desktop) {
            (Some(config), _) => config.narration,
            (None, Some(settings)) => settings.narration,
            (None, None) => quality::Loudness::default(),
        });
        app.insert_resource(narration::NarrationFiles::read(&options.source));
        app.insert_resource(narration::Narrator {
            playing: None,
            in_attract_loop: self.kiosk.as_ref().is_some_and(|c| c.narrate_attract_loop),
        });
        app.insert_resource(options);
        // Clicking exhibits ray-casts their meshes.
        app.add_plugins(MeshPickingPlugin);
        app.add_plugins((
            third_party::plugin,
            quality::plugin,
            content::plugin,
            screens::plugin,
            hall::plugin,
            camera::plugin,
            interaction::plugin,
            ui::plugin,
            wayfinding::plugin,
            narration::plugin,
            screenshot::plugin,
        ));
        app.add_plugins(kiosk::plugin);
    }
}

/// The quality tier asked for: `--quality`, else a kiosk's `kiosk.ron`, else the desktop's
/// remembered setting.
fn quality_request(
    options: &LaunchOptions,
    kiosk: Option<&KioskConfig>,
    desktop: Option<&quality::DesktopSettings>,
) -> quality::QualityRequest {
    use quality::QualityRequest;
    if let Some(choice) = options.quality {
        return QualityRequest {
            choice,
            from: "--quality".into(),
        };
    }
    if let Some(config) = kiosk {
        return QualityRequest {
            choice: config.quality,
            from: "kiosk.ron".into(),
        };
    }
    QualityRequest {
        choice: desktop.map(|settings| settings.quality).unwrap_or_default(),
        from: quality::SETTINGS_FILE.into(),
    }
}

/// The desktop's remembered settings (a broken file is logged and the defaults used).
fn remembered_settings() -> quality::DesktopSettings {
    let (settings, problem) = quality::settings_path()
        .map(|path| quality::DesktopSettings::load(&path))
        .unwrap_or_default();
    if let Some(problem) = problem {
        warn!("{problem}");
    }
    settings
}

/// The order of the app's own `Update` work each frame.
#[derive(SystemSet, Debug, Clone, Copy, Eq, PartialEq, Hash, PartialOrd, Ord)]
pub enum AppSystems {
    /// Read devices and UI focus into intents.
    Input,
    /// Selection, panels, language, content.
    Update,
    /// Move cameras last, after everything that could ask them to.
    Camera,
}
