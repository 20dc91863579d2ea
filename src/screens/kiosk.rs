//! A kiosk's phases in the hall and the idle clock that moves between them: waiting at the
//! entrance, the attract loop, a visitor's session ("Still there?" near its end), and back.
//!
//! The clock runs on real (wall-clock) time: on a slow renderer Bevy's game clock runs behind,
//! but a visitor's patience does not. Activity is any key, mouse button, wheel, pointer movement
//! or touch. Reading is not idleness: the kiosk module sets [`ReadingAllowance`] from the open
//! panel, which extends both idle limits.

use bevy::{
    input::{
        InputSystems,
        keyboard::KeyboardInput,
        mouse::{MouseButtonInput, MouseMotion, MouseWheel},
        touch::TouchInput,
    },
    prelude::*,
};

use super::Screen;

/// Added by the kiosk plugin: the phases and the clock's systems. Activity and the clock are read
/// before the frame's state transitions, so a touch starts the session in the same frame.
pub fn plugin(app: &mut App) {
    app.add_sub_state::<KioskPhase>()
        .init_resource::<ReadingAllowance>()
        .init_resource::<WakingGesture>()
        .add_systems(
            PreUpdate,
            run_idle_clock
                .after(InputSystems)
                .run_if(in_state(Screen::Hall).and_then(resource_exists::<IdleClock>)),
        )
        // Last, after picking (PreUpdate) and the interface (PostUpdate) have seen the frame.
        .add_systems(Last, end_waking_gesture);
}

/// The press or touch that woke the kiosk is still down: it starts the session and does nothing
/// else, so picking and the interface ignore it until it is released.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WakingGesture(pub bool);

impl WakingGesture {
    /// Whether a click now is part of the gesture that woke the kiosk (or came before it).
    pub fn swallows(gesture: Option<&WakingGesture>, phase: Option<&State<KioskPhase>>) -> bool {
        gesture.is_some_and(|g| g.0) || phase.is_some_and(|p| *p.get() != KioskPhase::Session)
    }
}

fn end_waking_gesture(
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    mut gesture: ResMut<WakingGesture>,
) {
    if gesture.0 && mouse.get_pressed().next().is_none() && touches.iter().next().is_none() {
        gesture.0 = false;
    }
}

/// Where a kiosk is in its cycle.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Hall)]
pub enum KioskPhase {
    /// Nobody there yet: the hall waits at the entrance.
    #[default]
    Waiting,
    /// Nobody there: the attract loop plays.
    Attract,
    /// A visitor is using the kiosk.
    Session,
}

/// What a step of the idle clock asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleStep {
    /// Move to another phase.
    Enter(KioskPhase),
    /// Show the "Still there?" countdown.
    AskStillThere,
    /// The visitor answered the countdown: hide it, keep the session.
    KeepSession,
}

/// The idle clock: `still_there_after` and `reset_after` are T1 and T2 of a session.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct IdleClock {
    pub attract_after: f32,
    pub still_there_after: f32,
    pub reset_after: f32,
    /// Seconds since the last activity (or since waiting began).
    pub idle: f32,
    /// The "Still there?" countdown is showing.
    pub asking: bool,
}

impl IdleClock {
    pub fn new(attract_after: f32, still_there_after: f32, reset_after: f32) -> Self {
        IdleClock {
            attract_after,
            still_there_after,
            reset_after,
            idle: 0.0,
            asking: false,
        }
    }

    /// A touch, click, key or pointer movement while in `phase`.
    pub fn activity(&mut self, phase: KioskPhase) -> Option<IdleStep> {
        self.idle = 0.0;
        match phase {
            KioskPhase::Waiting | KioskPhase::Attract => Some(IdleStep::Enter(KioskPhase::Session)),
            KioskPhase::Session => {
                std::mem::take(&mut self.asking).then_some(IdleStep::KeepSession)
            }
        }
    }

    /// Advances by `dt` seconds in `phase`; `reading_allowance` is extra idle time the visitor
    /// has earned by having a panel open.
    pub fn tick(&mut self, phase: KioskPhase, dt: f32, reading_allowance: f32) -> Option<IdleStep> {
        match phase {
            KioskPhase::Attract => None,
            KioskPhase::Waiting => {
                self.idle += dt;
                (self.idle >= self.attract_after).then(|| {
                    self.idle = 0.0;
                    IdleStep::Enter(KioskPhase::Attract)
                })
            }
            KioskPhase::Session => {
                self.idle += dt;
                if self.idle >= self.reset_after + reading_allowance {
                    self.idle = 0.0;
                    self.asking = false;
                    Some(IdleStep::Enter(KioskPhase::Waiting))
                } else if !self.asking && self.idle >= self.still_there_after + reading_allowance {
                    self.asking = true;
                    Some(IdleStep::AskStillThere)
                } else {
                    None
                }
            }
        }
    }

    /// Seconds left on the "Still there?" countdown, while it shows.
    pub fn countdown(&self, reading_allowance: f32) -> Option<f32> {
        self.asking
            .then(|| (self.reset_after + reading_allowance - self.idle).max(0.0))
    }
}

/// Extra idle seconds earned by reading the open panel; kept current by the kiosk.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct ReadingAllowance(pub f32);

/// Extra idle seconds a panel of `chars` characters earns at `chars_per_second`, capped.
pub fn reading_allowance(chars: usize, chars_per_second: f32, max_seconds: f32) -> f32 {
    (chars as f32 / chars_per_second.max(1.0)).min(max_seconds)
}

fn run_idle_clock(
    mut keys: MessageReader<KeyboardInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut motion: MessageReader<MouseMotion>,
    mut wheel: MessageReader<MouseWheel>,
    mut touches: MessageReader<TouchInput>,
    time: Res<Time<Real>>,
    allowance: Res<ReadingAllowance>,
    state: Res<State<KioskPhase>>,
    mut clock: ResMut<IdleClock>,
    mut next: ResMut<NextState<KioskPhase>>,
    mut gesture: ResMut<WakingGesture>,
) {
    let active = keys.read().count()
        + buttons.read().count()
        + motion.read().count()
        + wheel.read().count()
        + touches.read().count()
        > 0;
    let mut phase = *state.get();
    if active && let Some(IdleStep::Enter(entered)) = clock.activity(phase) {
        next.set(entered);
        phase = entered;
        gesture.0 = true;
    }
    if let Some(IdleStep::Enter(entered)) = clock.tick(phase, time.delta_secs(), allowance.0) {
        next.set(entered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attract_loop_starts_after_n_idle_seconds_and_input_ends_it() {
        let mut clock = IdleClock::new(30.0, 60.0, 90.0);
        assert_eq!(clock.tick(KioskPhase::Waiting, 29.0, 0.0), None);
        assert_eq!(
            clock.tick(KioskPhase::Waiting, 1.0, 0.0),
            Some(IdleStep::Enter(KioskPhase::Attract))
        );
        assert_eq!(
            clock.tick(KioskPhase::Attract, 1000.0, 0.0),
            None,
            "the loop plays on"
        );
        assert_eq!(
            clock.activity(KioskPhase::Attract),
            Some(IdleStep::Enter(KioskPhase::Session))
        );
        assert_eq!(clock.idle, 0.0);
    }

    #[test]
    fn a_visitor_session_asks_then_resets() {
        let mut clock = IdleClock::new(90.0, 60.0, 90.0);
        assert_eq!(
            clock.activity(KioskPhase::Waiting),
            Some(IdleStep::Enter(KioskPhase::Session))
        );
        let session = KioskPhase::Session;
        assert_eq!(clock.tick(session, 59.0, 0.0), None);
        assert_eq!(clock.tick(session, 1.5, 0.0), Some(IdleStep::AskStillThere));
        assert_eq!(clock.countdown(0.0), Some(29.5));
        assert_eq!(clock.tick(session, 29.0, 0.0), None);
        assert_eq!(
            clock.tick(session, 1.0, 0.0),
            Some(IdleStep::Enter(KioskPhase::Waiting))
        );
        assert_eq!(clock.countdown(0.0), None);
        assert_eq!(
            clock.tick(KioskPhase::Waiting, 90.0, 0.0),
            Some(IdleStep::Enter(KioskPhase::Attract)),
            "then the attract loop resumes"
        );
    }

    #[test]
    fn touching_the_countdown_keeps_the_session() {
        let mut clock = IdleClock::new(90.0, 60.0, 90.0);
        clock.activity(KioskPhase::Waiting);
        clock.tick(KioskPhase::Session, 61.0, 0.0);
        assert_eq!(
            clock.activity(KioskPhase::Session),
            Some(IdleStep::KeepSession)
        );
        assert_eq!(
            clock.tick(KioskPhase::Session, 59.0, 0.0),
            None,
            "the idle time starts again"
        );
    }

    #[test]
    fn reading_an_open_panel_is_not_idleness() {
        let mut clock = IdleClock::new(90.0, 60.0, 90.0);
        clock.activity(KioskPhase::Waiting);
        let allowance = reading_allowance(900, 12.0, 120.0);
        assert_eq!(allowance, 75.0);
        assert_eq!(clock.tick(KioskPhase::Session, 100.0, allowance), None);
        assert_eq!(
            clock.tick(KioskPhase::Session, 40.0, allowance),
            Some(IdleStep::AskStillThere)
        );
        assert_eq!(reading_allowance(100_000, 12.0, 120.0), 120.0, "capped");
    }
}
