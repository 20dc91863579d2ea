//! Guided tours: [`TourPlayer`] sequences the stops of a tour file with a clock (plain data,
//! tested with a manual clock), and the plugin flies the camera and shows the narration.
//! Leaving the tour leaves the visitor where they are.

use bevy::prelude::*;

use crate::{
    AppSystems,
    camera::{FlyTo, rig::FLIGHT_SECONDS},
    content::{
        exhibition::Exhibition,
        live::{ContentReloaded, LiveReload},
        loading::CurrentExhibition,
        model::{StopTarget, Viewpoint},
    },
    screens::Screen,
};

pub fn plugin(app: &mut App) {
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

fn fly_to_stop(exhibition: &Exhibition, active: &ActiveTour, fly: &mut MessageWriter<FlyTo>) {
    if let Some(stop) = exhibition
        .tours
        .get(active.tour)
        .and_then(|t| t.stops.get(active.player.stop))
    {
        fly.write(stop_request(&stop.target, stop.view, exhibition));
    }
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
    mut fly: MessageWriter<FlyTo>,
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
                fly_to_stop(&exhibition, &started, &mut fly);
                commands.insert_resource(started);
            }
            (TourCommand::Next, Some(active)) => match active.player.next_stop() {
                Some(TourStep::Finished) => commands.remove_resource::<ActiveTour>(),
                _ => fly_to_stop(&exhibition, active, &mut fly),
            },
            (TourCommand::Previous, Some(active)) => {
                active.player.previous_stop();
                fly_to_stop(&exhibition, active, &mut fly);
            }
            (TourCommand::TogglePause, Some(active)) => active.player.toggle_pause(),
            (TourCommand::Leave, Some(_)) => commands.remove_resource::<ActiveTour>(),
            _ => {}
        }
    }
}

fn advance_tour(
    mut commands: Commands,
    time: Res<Time>,
    exhibition: Res<CurrentExhibition>,
    active: Option<ResMut<ActiveTour>>,
    mut fly: MessageWriter<FlyTo>,
) {
    let Some(mut active) = active else { return };
    match active.player.tick(time.delta_secs()) {
        Some(TourStep::Arrive(_)) => fly_to_stop(&exhibition, &active, &mut fly),
        Some(TourStep::Finished) => {
            if active.attract {
                // The attract loop starts over.
                active.player =
                    TourPlayer::new(exhibition.tours[active.tour].stops.iter().map(|s| s.dwell));
                fly_to_stop(&exhibition, &active, &mut fly);
            } else {
                commands.remove_resource::<ActiveTour>();
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
}
