//! Kiosk mode for the expo floor (`expo-hall --kiosk [--config FILE]`): locked fullscreen, an
//! attract loop that plays the guided tour, a two-tier idle reset ("Still there?", then reset),
//! touch controls, a staff exit behind a corner hold and a PIN, and the visit log.
//!
//! Idle times and the corner hold use real (wall-clock) time: on a slow renderer, Bevy's game
//! clock runs behind the wall clock, but a visitor's patience and a staff member's finger do not.
//!
//! What counts as activity: any key, mouse button, wheel, pointer movement or touch. Reading is
//! not idleness: while a panel is open, its text length at the configured reading speed is added
//! to both idle limits (capped), so a visitor reading a long description is not reset.

pub mod clock;
pub mod config;
pub mod last_good;
mod session;
mod ui;
pub mod visit_log;

use bevy::{
    input::{
        keyboard::KeyboardInput,
        mouse::{MouseButtonInput, MouseMotion, MouseWheel},
        touch::TouchInput,
    },
    prelude::*,
    window::{CursorOptions, PrimaryWindow, WindowCloseRequested},
};

use crate::{
    AppSystems,
    camera::{FlyTo, apply_request, rig::CameraRig},
    content::{loading::CurrentExhibition, model::Lang},
    i18n::CurrentLang,
    interaction::Selection,
    screens::Screen,
    wayfinding::{WayfindingUi, tour::TourCommand},
};
use clock::{KioskClock, KioskEvent, reading_allowance};
use config::KioskConfig;

pub use session::SessionLog;

/// Always added: window close requests end the app on the desktop and are ignored in a kiosk.
pub fn plugin(app: &mut App) {
    app.add_systems(Update, handle_close_requests);
    if app.world().contains_resource::<Kiosk>() {
        app.add_plugins(kiosk_plugin);
    }
}

/// Only in kiosk mode.
pub fn kiosk_plugin(app: &mut App) {
    app.init_resource::<StaffExit>()
        .add_message::<KioskSignal>()
        .add_message::<StaffExitConfirmed>()
        .add_plugins((session::plugin, ui::plugin))
        .add_systems(
            Update,
            (
                detect_activity,
                tick_kiosk,
                act_on_signals,
                hide_idle_cursor,
                watch_corner_hold,
                staff_chord,
            )
                .chain()
                .in_set(AppSystems::Input)
                .run_if(in_state(Screen::Hall)),
        );
}

/// The kiosk's state; present only in kiosk mode.
#[derive(Resource, Debug, Clone)]
pub struct Kiosk {
    pub config: KioskConfig,
    pub clock: KioskClock,
    /// Seconds since the mouse last moved (for hiding the cursor).
    pub pointer_still: f32,
}

impl Kiosk {
    /// Extra idle seconds the open panel earns at the configured reading speed (0 with none open).
    pub fn reading_allowance(
        &self,
        exhibition: &crate::content::exhibition::Exhibition,
        selection: &Selection,
        lang: Lang,
    ) -> f32 {
        open_panel_chars(exhibition, selection, lang).map_or(0.0, |chars| {
            reading_allowance(
                chars,
                self.config.reading_chars_per_second,
                self.config.max_reading_seconds,
            )
        })
    }

    pub fn new(config: KioskConfig) -> Self {
        let clock = KioskClock::new(
            config.attract_after,
            config.still_there_after,
            config.reset_after,
        );
        Kiosk {
            config,
            clock,
            pointer_still: 0.0,
        }
    }
}

/// The staff exit: a corner hold (or key chord) opens the PIN pad.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct StaffExit {
    pub pin_pad_open: bool,
    pub entered: String,
    pub wrong_attempts: u32,
    /// Seconds the top-left corner has been held.
    pub corner_held: f32,
}

impl StaffExit {
    /// Checks the entered PIN: right → true (exit), wrong → cleared and counted.
    pub fn submit(&mut self, pin: &str) -> bool {
        let right = self.entered == pin;
        self.entered.clear();
        if right {
            self.pin_pad_open = false;
        } else {
            self.wrong_attempts += 1;
        }
        right
    }
}

/// Asks the kiosk to exit after a correct PIN (the session is logged first).
#[derive(Message, Debug, Clone, Copy)]
pub struct StaffExitConfirmed;

fn handle_close_requests(
    mut requests: MessageReader<WindowCloseRequested>,
    kiosk: Option<Res<Kiosk>>,
    mut exit: MessageWriter<AppExit>,
) {
    for _ in requests.read() {
        if kiosk.is_some() {
            info!("window close request ignored in kiosk mode (staff exit: corner hold + PIN)");
        } else {
            exit.write(AppExit::Success);
        }
    }
}

fn detect_activity(
    mut keys: MessageReader<KeyboardInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut motion: MessageReader<MouseMotion>,
    mut wheel: MessageReader<MouseWheel>,
    mut touches: MessageReader<TouchInput>,
    mut kiosk: ResMut<Kiosk>,
    mut events: MessageWriter<KioskSignal>,
) {
    let moved = motion.read().count() > 0;
    let active = keys.read().count()
        + buttons.read().count()
        + wheel.read().count()
        + touches.read().count()
        > 0
        || moved;
    if moved {
        kiosk.pointer_still = 0.0;
    }
    if active && let Some(event) = kiosk.clock.activity() {
        events.write(KioskSignal(event));
    }
}

/// A kiosk clock event, for the systems that act on it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskSignal(pub KioskEvent);

fn tick_kiosk(
    time: Res<Time<Real>>,
    exhibition: Res<CurrentExhibition>,
    selection: Res<Selection>,
    lang: Res<CurrentLang>,
    mut kiosk: ResMut<Kiosk>,
    mut events: MessageWriter<KioskSignal>,
) {
    let allowance = kiosk.reading_allowance(&exhibition, &selection, **lang);
    kiosk.pointer_still += time.delta_secs();
    if let Some(event) = kiosk.clock.tick(time.delta_secs(), allowance) {
        events.write(KioskSignal(event));
    }
}

/// How many characters the open panel shows (its reading time extends idleness).
pub fn open_panel_chars(
    exhibition: &crate::content::exhibition::Exhibition,
    selection: &Selection,
    lang: Lang,
) -> Option<usize> {
    use crate::interaction::Panel;
    let count = |t: &crate::content::model::Text| t.get(lang).chars().count();
    Some(match selection.panel.as_ref()? {
        Panel::Exhibit(at) => {
            let e = exhibition.exhibit(*at);
            count(&e.title) + count(&e.summary) + count(&e.description)
        }
        Panel::Zone { zone, .. } => {
            let z = &exhibition.zones[*zone];
            count(&z.name) + count(&z.intro)
        }
        Panel::About => {
            count(&exhibition.hall.about.introduction)
                + exhibition
                    .hall
                    .about
                    .facts
                    .iter()
                    .map(|f| count(&f.label))
                    .sum::<usize>()
        }
    })
}

/// Puts every piece of visitor state back to the start: panels, language, camera, search,
/// directory and plan, tour.
pub fn reset_visitor_state(
    exhibition: &crate::content::exhibition::Exhibition,
    default_lang: Lang,
    selection: &mut Selection,
    lang: &mut CurrentLang,
    wayfinding: &mut WayfindingUi,
    rig: &mut CameraRig,
) {
    *selection = Selection::default();
    lang.0 = default_lang;
    *wayfinding = WayfindingUi::default();
    apply_request(rig, exhibition, &FlyTo::Entrance, true);
}

/// Applies clock events: attract loop, fresh sessions, resets.
pub fn act_on_signals(
    mut signals: MessageReader<KioskSignal>,
    exhibition: Res<CurrentExhibition>,
    kiosk: Res<Kiosk>,
    mut selection: ResMut<Selection>,
    mut lang: ResMut<CurrentLang>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut rig: ResMut<CameraRig>,
    mut tour: MessageWriter<TourCommand>,
) {
    for KioskSignal(event) in signals.read() {
        match event {
            KioskEvent::StartAttract => {
                if let Some(index) = exhibition
                    .tours
                    .iter()
                    .position(|t| t.id == kiosk.config.attract_tour)
                    .or((!exhibition.tours.is_empty()).then_some(0))
                {
                    tour.write(TourCommand::Start {
                        tour: index,
                        attract: true,
                    });
                }
            }
            KioskEvent::StartSession | KioskEvent::ResetSession => {
                tour.write(TourCommand::Leave);
                reset_visitor_state(
                    &exhibition,
                    kiosk.config.default_lang,
                    &mut selection,
                    &mut lang,
                    &mut wayfinding,
                    &mut rig,
                );
            }
            KioskEvent::AskStillThere | KioskEvent::KeepSession => {}
        }
    }
}

fn hide_idle_cursor(kiosk: Res<Kiosk>, mut cursor: Query<&mut CursorOptions, With<PrimaryWindow>>) {
    let visible = kiosk.pointer_still < kiosk.config.hide_cursor_after;
    for mut options in &mut cursor {
        if options.visible != visible {
            options.visible = visible;
        }
    }
}

/// Holding a finger or the mouse in the top-left corner opens the staff PIN pad.
fn watch_corner_hold(
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    touches: Res<Touches>,
    mouse: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut staff: ResMut<StaffExit>,
) {
    let corner = |p: Vec2| p.x < 80.0 && p.y < 80.0;
    let touching = touches.iter().any(|t| corner(t.position()));
    let clicking = mouse.pressed(MouseButton::Left)
        && window
            .iter()
            .any(|w| w.cursor_position().is_some_and(corner));
    if touching || clicking {
        staff.corner_held += time.delta_secs();
        if staff.corner_held >= kiosk.config.corner_hold_seconds && !staff.pin_pad_open {
            info!("staff PIN pad opened by a corner hold");
            staff.pin_pad_open = true;
        }
    } else {
        staff.corner_held = 0.0;
    }
}

fn staff_chord(keys: Res<ButtonInput<KeyCode>>, mut staff: ResMut<StaffExit>) {
    let held = |a, b| keys.pressed(a) || keys.pressed(b);
    if held(KeyCode::ControlLeft, KeyCode::ControlRight)
        && held(KeyCode::AltLeft, KeyCode::AltRight)
        && held(KeyCode::ShiftLeft, KeyCode::ShiftRight)
        && keys.just_pressed(KeyCode::KeyQ)
    {
        staff.pin_pad_open = true;
    }
}
