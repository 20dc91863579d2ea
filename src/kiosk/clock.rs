//! The kiosk's idle logic as plain data: attract loop, visitor session, "Still there?" and
//! reset, driven by activity and a clock. Tested directly with a manual clock.

/// Where the kiosk is in its cycle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// Nobody there yet, the hall waits at the entrance; `idle` seconds so far.
    Waiting { idle: f32 },
    /// Nobody there: the attract loop plays.
    Attract,
    /// A visitor is using the kiosk; `idle` seconds since their last activity.
    Visitor { idle: f32 },
}

/// What the clock asks the kiosk to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskEvent {
    /// Start (or restart) the attract loop.
    StartAttract,
    /// A visitor arrived: end the attract loop, start a fresh session at the entrance.
    StartSession,
    /// Show the "Still there?" countdown.
    AskStillThere,
    /// The visitor answered: hide the countdown, keep the session.
    KeepSession,
    /// Reset the session (then the attract loop resumes).
    ResetSession,
}

/// The idle clock. `still_there_after` and `reset_after` are T1 and T2.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskClock {
    pub phase: Phase,
    pub attract_after: f32,
    pub still_there_after: f32,
    pub reset_after: f32,
    /// The "Still there?" countdown is showing.
    pub asking: bool,
}

impl KioskClock {
    /// A kiosk that has just started: waiting at the entrance.
    pub fn new(attract_after: f32, still_there_after: f32, reset_after: f32) -> Self {
        KioskClock {
            phase: Phase::Waiting { idle: 0.0 },
            attract_after,
            still_there_after,
            reset_after,
            asking: false,
        }
    }

    /// A touch, click, key or pointer movement.
    pub fn activity(&mut self) -> Option<KioskEvent> {
        match self.phase {
            Phase::Waiting { .. } | Phase::Attract => {
                self.phase = Phase::Visitor { idle: 0.0 };
                Some(KioskEvent::StartSession)
            }
            Phase::Visitor { .. } => {
                self.phase = Phase::Visitor { idle: 0.0 };
                if std::mem::take(&mut self.asking) {
                    Some(KioskEvent::KeepSession)
                } else {
                    None
                }
            }
        }
    }

    /// Advances by `dt` seconds. `reading_allowance` is extra idle time the visitor has earned
    /// by having a panel open (reading is not idleness).
    pub fn tick(&mut self, dt: f32, reading_allowance: f32) -> Option<KioskEvent> {
        if let Phase::Waiting { idle } = &mut self.phase {
            *idle += dt;
            if *idle >= self.attract_after {
                self.phase = Phase::Attract;
                return Some(KioskEvent::StartAttract);
            }
            return None;
        }
        let Phase::Visitor { idle } = &mut self.phase else {
            return None;
        };
        *idle += dt;
        let idle = *idle;
        if idle >= self.reset_after + reading_allowance {
            self.asking = false;
            self.phase = Phase::Waiting { idle: 0.0 };
            return Some(KioskEvent::ResetSession);
        }
        if !self.asking && idle >= self.still_there_after + reading_allowance {
            self.asking = true;
            return Some(KioskEvent::AskStillThere);
        }
        None
    }

    /// Seconds left on the "Still there?" countdown.
    pub fn countdown(&self, reading_allowance: f32) -> Option<f32> {
        match self.phase {
            Phase::Visitor { idle } if self.asking => {
                Some((self.reset_after + reading_allowance - idle).max(0.0))
            }
            _ => None,
        }
    }
}

/// Extra idle seconds a panel of `chars` characters earns at `chars_per_second`, capped.
pub fn reading_allowance(chars: usize, chars_per_second: f32, max_seconds: f32) -> f32 {
    (chars as f32 / chars_per_second.max(1.0)).min(max_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attract_loop_starts_after_n_idle_seconds_and_input_ends_it() {
        let mut clock = KioskClock::new(30.0, 60.0, 90.0);
        assert_eq!(clock.tick(29.0, 0.0), None);
        assert_eq!(clock.tick(1.0, 0.0), Some(KioskEvent::StartAttract));
        assert_eq!(clock.tick(1000.0, 0.0), None, "the loop plays on");
        assert_eq!(clock.activity(), Some(KioskEvent::StartSession));
        assert_eq!(clock.phase, Phase::Visitor { idle: 0.0 });
    }

    #[test]
    fn a_visitor_session_asks_then_resets() {
        let mut clock = KioskClock::new(90.0, 60.0, 90.0);
        assert_eq!(clock.activity(), Some(KioskEvent::StartSession));
        assert_eq!(clock.tick(59.0, 0.0), None);
        assert_eq!(clock.tick(1.5, 0.0), Some(KioskEvent::AskStillThere));
        assert_eq!(clock.countdown(0.0), Some(29.5));
        assert_eq!(clock.tick(29.0, 0.0), None);
        assert_eq!(clock.tick(1.0, 0.0), Some(KioskEvent::ResetSession));
        assert_eq!(clock.phase, Phase::Waiting { idle: 0.0 });
        assert_eq!(
            clock.tick(90.0, 0.0),
            Some(KioskEvent::StartAttract),
            "then the attract loop resumes"
        );
    }

    #[test]
    fn touching_the_countdown_keeps_the_session() {
        let mut clock = KioskClock::new(90.0, 60.0, 90.0);
        clock.activity();
        clock.tick(61.0, 0.0);
        assert_eq!(clock.activity(), Some(KioskEvent::KeepSession));
        assert_eq!(clock.tick(59.0, 0.0), None, "the idle time starts again");
    }

    #[test]
    fn reading_an_open_panel_is_not_idleness() {
        let mut clock = KioskClock::new(90.0, 60.0, 90.0);
        clock.activity();
        let allowance = reading_allowance(900, 12.0, 120.0);
        assert_eq!(allowance, 75.0);
        assert_eq!(clock.tick(100.0, allowance), None);
        assert_eq!(clock.tick(40.0, allowance), Some(KioskEvent::AskStillThere));
        assert_eq!(reading_allowance(100_000, 12.0, 120.0), 120.0, "capped");
    }
}
