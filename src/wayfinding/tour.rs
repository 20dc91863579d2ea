//! Guided tours: [`TourPlayer`] sequences the stops of a tour file with a clock (plain data,
//! tested with a manual clock), and the plugin flies the camera, shows the narration and plays
//! its audio, waiting at a stop until it has been heard. Leaving the tour leaves the visitor
//! where they are.

use bevy::prelude::*;

use crate::{
    AppSystems,
    camera::{FlyTo, rig::FLIGHT_SECONDS},
    content::{
        exhibition::Exhibition,
        live::{ContentReloaded, LiveReload},
        loading::CurrentExhibition,
        model::{StopTarget, Viewpoint},
        narration::NarrationKey,
    },
    narration::{NarrationCommand, Narrator},
    screens::Screen,
};

pub fn plugin(app: &mut App) {
    crate::narration::shared(app);
    app.add_message::<TourCommand>()
        .add_message::<ContentReloaded>()
        .add_systems(
            Update,
            (run_tour_commands, advance_tour)
                .chain()
                .in_set(AppSystems::Update)
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(
            PreUpdate,
            keep_tour_on_reload
                .in_set(LiveReload::Follow)
                .run_if(on_message::<ContentReloaded>),
        );
}

/// Where a tour stands: which stop, how long it has been there, paused or not.
#[derive(Debug, Clone, PartialEq)]
pub struct TourPlayer {
    pub stop: usize,
    pub elapsed: f32,
    pub paused: bool,
    /// Seconds at each stop: the flight there plus the stop's dwell.
    durations: Vec<f32>,
}

/// What a tick of the tour clock did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourStep {
    /// Moved on to this stop.
    Arrive(usize),
    /// The last stop's time is up.
    Finished,
}

impl TourPlayer {
    pub fn new(dwells: impl IntoIterator<Item = f32>) -> Self {
        TourPlayer {
            stop: 0,
            elapsed: 0.0,
            paused: false,
            durations: dwells.into_iter().map(|d| FLIGHT_SECONDS + d).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.durations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.durations.is_empty()
    }

    pub fn tick(&mut self, dt: f32) -> Option<TourStep> {
        if self.paused || self.is_empty() {
            return None;
        }
        self.elapsed += dt;
        if self.elapsed < self.durations[self.stop] {
            return None;
        }
        if self.stop + 1 >= self.len() {
            return Some(TourStep::Finished);
        }
        self.stop += 1;
        self.elapsed = 0.0;
        Some(TourStep::Arrive(self.stop))
    }

    /// Like [`TourPlayer::tick`], but while `hold` (the stop's narration is still playing) the
    /// stop's time never runs out.
    pub fn tick_held(&mut self, dt: f32, hold: bool) -> Option<TourStep> {
        if hold && !self.is_empty() {
            let last_moment = self.durations[self.stop] - f32::EPSILON.max(1e-3);
            if self.elapsed + dt >= last_moment {
                if !self.paused {
                    self.elapsed = last_moment.max(self.elapsed);
                }
                return None;
            }
        }
        self.tick(dt)
    }

    pub fn next_stop(&mut self) -> Option<TourStep> {
        if self.stop + 1 >= self.len() {
            return Some(TourStep::Finished);
        }
        self.stop += 1;
        self.elapsed = 0.0;
        Some(TourStep::Arrive(self.stop))
    }

    pub fn previous_stop(&mut self) -> TourStep {
        self.stop = self.stop.saturating_sub(1);
        self.elapsed = 0.0;
        TourStep::Arrive(self.stop)
    }

    pub fn toggle_pause(&mut self) {
        self.paused = !self.paused;
    }
}

/// The tour being played, if any.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ActiveTour {
    /// Index into `Exhibition::tours`.
    pub tour: usize,
    pub player: TourPlayer,
    /// Started by the kiosk's attract loop rather than a visitor.
    pub attract: bool,
}

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourCommand {
    Start {
        tour: usize,
        attract: bool,
    },
    Next,
    Previous,
    TogglePause,
    /// Leave the tour where the camera is.
    Leave,
}

/// The camera request for a stop.
pub fn stop_request(
    target: &StopTarget,
    view: Option<Viewpoint>,
    exhibition: &Exhibition,
) -> FlyTo {
    if let Some(view) = view {
        return FlyTo::Viewpoint(view);
    }
    match target {
        StopTarget::Hall => FlyTo::WholeHall,
        StopTarget::Area(area) => FlyTo::Area(area.clone()),
        StopTarget::Exhibit(id) => exhibition
            .find_exhibit(id)
            .map_or(FlyTo::WholeHall, FlyTo::Exhibit),
    }
}

/// The narration of the stop the tour is at.
fn stop_narration(exhibition: &Exhibition, active: &ActiveTour) -> Option<NarrationKey> {
    let tour = exhibition.tours.get(active.tour)?;
    Some(NarrationKey::TourStop {
        tour: tour.id.clone(),
        stop: active.player.stop,
    })
}

/// Flies to the stop the tour is at and speaks its narration (in an attract loop only when the
/// kiosk says so).
fn go_to_stop(
    exhibition: &Exhibition,
    active: &ActiveTour,
    narrator: &Narrator,
    fly: &mut MessageWriter<FlyTo>,
    narration: &mut MessageWriter<NarrationCommand>,
) {
    if let Some(stop) = exhibition
        .tours
        .get(active.tour)
        .and_then(|t| t.stops.get(active.player.stop))
    {
        fly.write(stop_request(&stop.target, stop.view, exhibition));
    }
    match stop_narration(exhibition, active) {
        Some(key) if !active.attract || narrator.in_attract_loop => {
            narration.write(NarrationCommand::Play(key));
        }
        _ => {
            narration.write(NarrationCommand::Stop);
        }
    }
}

/// Ends the tour, and its narration with it.
fn end_tour(
    commands: &mut Commands,
    exhibition: &Exhibition,
    active: &ActiveTour,
    narrator: &Narrator,
    narration: &mut MessageWriter<NarrationCommand>,
) {
    if stop_narration(exhibition, active).is_some_and(|key| narrator.is_narrating(&key)) {
        narration.write(NarrationCommand::Stop);
    }
    commands.remove_resource::<ActiveTour>();
}

/// Edited content: a tour being played goes on at the same stop with its new timings, if the
/// tour is still there (found by id); else it ends where the visitor is.
fn keep_tour_on_reload(
    mut commands: Commands,
    mut reloaded: MessageReader<ContentReloaded>,
    exhibition: Res<CurrentExhibition>,
    active: Option<ResMut<ActiveTour>>,
) {
    let Some(mut active) = active else {
        reloaded.clear();
        return;
    };
    for message in reloaded.read() {
        let id = message.previous.tours.get(active.tour).map(|t| &t.id);
        let found = id.and_then(|id| exhibition.tours.iter().position(|t| t.id == *id));
        let Some(index) = found.filter(|i| !exhibition.tours[*i].stops.is_empty()) else {
            commands.remove_resource::<ActiveTour>();
            return;
        };
        let stops = &exhibition.tours[index].stops;
        let mut player = TourPlayer::new(stops.iter().map(|s| s.dwell));
        player.stop = active.player.stop.min(stops.len() - 1);
        player.elapsed = active.player.elapsed;
        player.paused = active.player.paused;
        active.tour = index;
        active.player = player;
    }
}

fn run_tour_commands(
    mut commands: Commands,
    mut requests: MessageReader<TourCommand>,
    exhibition: Res<CurrentExhibition>,
    mut active: Option<ResMut<ActiveTour>>,
    narrator: Res<Narrator>,
    mut fly: MessageWriter<FlyTo>,
    mut narration: MessageWriter<NarrationCommand>,
) {
    for request in requests.read() {
        match (*request, active.as_deref_mut()) {
            (TourCommand::Start { tour, attract }, _) => {
                let Some(file) = exhibition.tours.get(tour) else {
                    continue;
                };
                let started = ActiveTour {
                    tour,
                    player: TourPlayer::new(file.stops.iter().map(|s| s.dwell)),
                    attract,
                };
                go_to_stop(&exhibition, &started, &narrator, &mut fly, &mut narration);
                commands.insert_resource(started);
            }
            (TourCommand::Next, Some(active)) => match active.player.next_stop() {
                Some(TourStep::Finished) => {
                    end_tour(
                        &mut commands,
                        &exhibition,
                        active,
                        &narrator,
                        &mut narration,
                    );
                }
                _ => go_to_stop(&exhibition, active, &narrator, &mut fly, &mut narration),
            },
            (TourCommand::Previous, Some(active)) => {
                active.player.previous_stop();
                go_to_stop(&exhibition, active, &narrator, &mut fly, &mut narration);
            }
            (TourCommand::TogglePause, Some(active)) => {
                active.player.toggle_pause();
                let key = stop_narration(&exhibition, active);
                if let (Some(playing), Some(key)) = (narrator.playing.as_ref(), key)
                    && playing.key == key
                    && playing.paused != active.player.paused
                {
                    narration.write(NarrationCommand::TogglePause);
                }
            }
            (TourCommand::Leave, Some(active)) => {
                end_tour(
                    &mut commands,
                    &exhibition,
                    active,
                    &narrator,
                    &mut narration,
                );
            }
            _ => {}
        }
    }
}

fn advance_tour(
    mut commands: Commands,
    time: Res<Time>,
    exhibition: Res<CurrentExhibition>,
    active: Option<ResMut<ActiveTour>>,
    narrator: Res<Narrator>,
    mut fly: MessageWriter<FlyTo>,
    mut narration: MessageWriter<NarrationCommand>,
) {
    let Some(mut active) = active else { return };
    // The stop waits for its narration to be heard to the end.
    let hold = stop_narration(&exhibition, &active).is_some_and(|key| narrator.is_narrating(&key));
    match active.player.tick_held(time.delta_secs(), hold) {
        Some(TourStep::Arrive(_)) => {
            go_to_stop(&exhibition, &active, &narrator, &mut fly, &mut narration);
        }
        Some(TourStep::Finished) => {
            if active.attract {
                // The attract loop starts over.
                active.player =
                    TourPlayer::new(exhibition.tours[active.tour].stops.iter().map(|s| s.dwell));
                go_to_stop(&exhibition, &active, &narrator, &mut fly, &mut narration);
            } else {
                end_tour(
                    &mut commands,
                    &exhibition,
                    &active,
                    &narrator,
                    &mut narration,
                );
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_follow_each_other_after_flight_and_dwell() {
        let mut player = TourPlayer::new([2.0, 3.0, 1.0]);
        assert_eq!(player.tick(FLIGHT_SECONDS + 1.9), None);
        assert_eq!(player.tick(0.2), Some(TourStep::Arrive(1)));
        assert_eq!(player.tick(FLIGHT_SECONDS + 3.0), Some(TourStep::Arrive(2)));
        assert_eq!(player.tick(FLIGHT_SECONDS + 1.0), Some(TourStep::Finished));
    }

    #[test]
    fn pause_stops_the_clock_and_next_previous_move_by_hand() {
        let mut player = TourPlayer::new([2.0, 2.0, 2.0]);
        player.toggle_pause();
        assert_eq!(player.tick(100.0), None);
        assert_eq!(player.stop, 0);
        assert_eq!(player.next_stop(), Some(TourStep::Arrive(1)));
        assert_eq!(player.previous_stop(), TourStep::Arrive(0));
        assert_eq!(
            player.previous_stop(),
            TourStep::Arrive(0),
            "no stop before the first"
        );
        player.toggle_pause();
        player.next_stop();
        player.next_stop();
        assert_eq!(player.next_stop(), Some(TourStep::Finished));
    }

    #[test]
    fn a_stop_waits_while_its_narration_plays() {
        let mut player = TourPlayer::new([2.0, 2.0]);
        let stop = FLIGHT_SECONDS + 2.0;
        assert_eq!(
            player.tick_held(stop + 5.0, true),
            None,
            "held past its dwell"
        );
        assert_eq!(player.stop, 0);
        assert_eq!(player.tick_held(1.0, true), None);
        assert_eq!(
            player.tick_held(0.01, false),
            Some(TourStep::Arrive(1)),
            "moves on once the narration ends"
        );
        assert_eq!(player.tick_held(0.5, true), None);
        assert_eq!(
            player.elapsed, 0.5,
            "time runs while held before the dwell ends"
        );
    }
}
