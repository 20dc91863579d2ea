//! Kiosk mode for the expo floor (`expo-hall --kiosk [--config FILE]`): locked fullscreen, the
//! attract loop that plays the guided tour, a fresh visitor state for every session, touch
//! controls, a staff exit behind a corner hold and a PIN, and the visit log.
//!
//! The phases themselves (waiting, attract, session) and the idle clock that moves between them
//! belong to the screen flow ([`crate::screens::kiosk`]); this module reacts to them. The corner
//! hold uses real (wall-clock) time, like the idle clock: a staff member's finger does not slow
//! down with the renderer.

pub mod config;
mod session;
pub mod visit_log;

use bevy::{
    input::mouse::MouseMotion,
    prelude::*,
    window::{
        CursorOptions, Monitor, PrimaryMonitor, PrimaryWindow, WindowCloseRequested, WindowPosition,
    },
};

use crate::{
    AppSystems,
    camera::{FlyTo, apply_request, rig::CameraRig},
    content::{loading::CurrentExhibition, model::Lang},
    i18n::CurrentLang,
    interaction::Selection,
    screens::{
        self, Screen,
        kiosk::{IdleClock, KioskPhase, ReadingAllowance, reading_allowance},
    },
    wayfinding::{WayfindingUi, tour::TourCommand},
};
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
    crate::narration::shared(app);
    let config = app.world().resource::<Kiosk>().config.clone();
    app.insert_resource(IdleClock::new(
        config.attract_after,
        config.still_there_after,
        config.reset_after,
    ))
    .init_resource::<StaffExit>()
    .add_message::<StaffExitConfirmed>()
    .add_plugins((screens::kiosk::plugin, session::plugin))
    .add_systems(OnEnter(KioskPhase::Attract), start_attract_loop)
    .add_systems(OnEnter(KioskPhase::Session), fresh_visitor_state)
    .add_systems(OnExit(KioskPhase::Session), fresh_visitor_state)
    .add_systems(Update, fill_monitor)
    .add_systems(
        Update,
        (
            keep_reading_allowance,
            track_pointer,
            hide_idle_cursor,
            watch_corner_hold,
            staff_chord,
        )
            .chain()
            .in_set(AppSystems::Input)
            .run_if(in_state(Screen::Hall)),
    );
}

/// The kiosk's settings and pointer state; present only in kiosk mode.
#[derive(Resource, Debug, Clone)]
pub struct Kiosk {
    pub config: KioskConfig,
    /// Seconds since the mouse last moved (for hiding the cursor).
    pub pointer_still: f32,
}

impl Kiosk {
    pub fn new(config: KioskConfig) -> Self {
        Kiosk {
            config,
            pointer_still: 0.0,
        }
    }

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
}

/// The staff exit: a corner hold (or key chord) opens the PIN pad.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct StaffExit {
    pub pin_pad_open: bool,
    pub entered: String,
    pub wrong_attempts: u32,
    /// "Wrong PIN" shows until the next key.
    pub show_wrong: bool,
    /// Seconds the top-left corner has been held.
    pub corner_held: f32,
}

/// Longest PIN the pad takes.
const MAX_PIN_DIGITS: usize = 12;

impl StaffExit {
    /// A digit from the keypad or the keyboard.
    pub fn type_digit(&mut self, digit: char) {
        self.show_wrong = false;
        if digit.is_ascii_digit() && self.entered.len() < MAX_PIN_DIGITS {
            self.entered.push(digit);
        }
    }

    pub fn delete(&mut self) {
        self.show_wrong = false;
        self.entered.pop();
    }

    /// Checks the entered PIN: right → true (exit), wrong → cleared, counted and logged.
    pub fn submit(&mut self, pin: &str) -> bool {
        let right = self.entered == pin;
        self.entered.clear();
        if right {
            self.pin_pad_open = false;
        } else {
            self.wrong_attempts += 1;
            self.show_wrong = true;
            warn!(
                "staff PIN pad: a wrong PIN was entered ({} so far this run)",
                self.wrong_attempts
            );
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
    time: Res<Time<Real>>,
    mut last_logged: Local<Option<f64>>,
    mut exit: MessageWriter<AppExit>,
) {
    if requests.read().count() == 0 {
        return;
    }
    if kiosk.is_none() {
        exit.write(AppExit::Success);
        return;
    }
    // One key press can bring a burst of requests: say it once, not once per request.
    let now = time.elapsed_secs_f64();
    if last_logged.is_none_or(|at| now - at > 5.0) {
        info!("window close request ignored in kiosk mode (staff exit: corner hold + PIN)");
        *last_logged = Some(now);
    }
}

/// The monitor a kiosk shows on: `monitor` counts from the primary one, then left to right.
fn kiosk_monitor<'a>(monitors: &[(&'a Monitor, bool)], index: usize) -> Option<&'a Monitor> {
    let mut ordered = monitors.to_vec();
    ordered.sort_by_key(|(m, primary)| (!primary, m.physical_position.x, m.physical_position.y));
    ordered
        .get(index)
        .or(ordered.first())
        .map(|(monitor, _)| *monitor)
}

/// A kiosk fills its monitor whether or not a window manager honours fullscreen (xinit- and
/// cage-style kiosks have none): the window is sized and placed on the monitor itself, and the
/// picture is drawn for that size.
fn fill_monitor(
    kiosk: Res<Kiosk>,
    monitors: Query<(&Monitor, Has<PrimaryMonitor>)>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    let Ok(mut window) = windows.single_mut() else {
        return;
    };
    let monitors: Vec<(&Monitor, bool)> = monitors.iter().collect();
    let Some(monitor) = kiosk_monitor(&monitors, kiosk.config.monitor) else {
        return;
    };
    let size = (monitor.physical_width, monitor.physical_height);
    if size.0 > 0 && (window.physical_width(), window.physical_height()) != size {
        info!(
            "kiosk window: {} × {} to fill {}",
            size.0,
            size.1,
            monitor.name.as_deref().unwrap_or("the monitor")
        );
        window.resolution.set_physical_resolution(size.0, size.1);
    }
    let at = WindowPosition::At(monitor.physical_position);
    if window.position != at {
        window.position = at;
    }
}

fn keep_reading_allowance(
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    selection: Res<Selection>,
    lang: Res<CurrentLang>,
    narrator: Res<crate::narration::Narrator>,
    mut allowance: ResMut<ReadingAllowance>,
) {
    // A visitor listening to a narration (started by their touch) is not idle either: it earns
    // its length.
    let listening = narrator
        .playing
        .as_ref()
        .filter(|p| !p.paused)
        .map_or(0.0, |p| p.seconds);
    let earned = kiosk.reading_allowance(&exhibition, &selection, **lang);
    allowance.set_if_neq(ReadingAllowance(earned.max(listening)));
}

fn track_pointer(
    time: Res<Time<Real>>,
    mut motion: MessageReader<MouseMotion>,
    mut kiosk: ResMut<Kiosk>,
) {
    if motion.read().count() > 0 {
        kiosk.pointer_still = 0.0;
    } else {
        kiosk.pointer_still += time.delta_secs();
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

/// The attract loop plays the configured tour (or the first one).
fn start_attract_loop(
    exhibition: Res<CurrentExhibition>,
    kiosk: Res<Kiosk>,
    mut tour: MessageWriter<TourCommand>,
) {
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

/// A session starts, and ends, with everything back at the start: no tour, no narration, no
/// panels, the default language, the camera at the entrance.
pub(crate) fn fresh_visitor_state(
    exhibition: Res<CurrentExhibition>,
    kiosk: Res<Kiosk>,
    mut selection: ResMut<Selection>,
    mut lang: ResMut<CurrentLang>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut rig: ResMut<CameraRig>,
    mut staff: ResMut<StaffExit>,
    mut tour: MessageWriter<TourCommand>,
    mut narration: MessageWriter<crate::narration::NarrationCommand>,
    mut loudness: ResMut<crate::quality::Loudness>,
) {
    tour.write(TourCommand::Leave);
    // The last visitor's narration does not talk on to the next one.
    narration.write(crate::narration::NarrationCommand::Stop);
    loudness.set_if_neq(kiosk.config.narration);
    // A PIN pad left open by staff who walked away closes too.
    staff.pin_pad_open = false;
    staff.entered.clear();
    staff.show_wrong = false;
    reset_visitor_state(
        &exhibition,
        exhibition.hall.spoken(kiosk.config.default_lang),
        &mut selection,
        &mut lang,
        &mut wayfinding,
        &mut rig,
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor(x: i32, width: u32) -> Monitor {
        Monitor {
            name: None,
            physical_height: 1080,
            physical_width: width,
            physical_position: IVec2::new(x, 0),
            refresh_rate_millihertz: None,
            scale_factor: 1.0,
            video_modes: Vec::new(),
        }
    }

    #[test]
    fn the_kiosk_monitor_counts_from_the_primary_one() {
        let (left, right, primary) = (monitor(-1280, 1280), monitor(1920, 3840), monitor(0, 1920));
        let all = [(&left, false), (&right, false), (&primary, true)];
        assert_eq!(kiosk_monitor(&all, 0).unwrap().physical_width, 1920);
        assert_eq!(kiosk_monitor(&all, 1).unwrap().physical_position.x, -1280);
        assert_eq!(kiosk_monitor(&all, 2).unwrap().physical_width, 3840);
        assert_eq!(
            kiosk_monitor(&all, 9).unwrap().physical_width,
            1920,
            "too far: the primary"
        );
        assert!(kiosk_monitor(&[], 0).is_none());
    }

    #[test]
    fn the_wrong_pin_message_goes_when_typing_starts_again() {
        let mut staff = StaffExit {
            pin_pad_open: true,
            ..default()
        };
        for digit in "1234".chars() {
            staff.type_digit(digit);
        }
        assert!(!staff.submit("2021"));
        assert!(staff.show_wrong && staff.entered.is_empty());
        staff.type_digit('2');
        assert!(!staff.show_wrong, "typing hides it");
        staff.type_digit('x');
        staff.delete();
        assert_eq!(staff.entered, "");
        for digit in "2021".chars() {
            staff.type_digit(digit);
        }
        assert!(staff.submit("2021") && !staff.pin_pad_open);
    }
}
