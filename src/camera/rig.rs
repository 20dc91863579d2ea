//! The camera as plain data: where the walker stands, where the overview orbits, and the
//! animated flight between them. No ECS here, so every transition is testable directly.

use std::f32::consts::FRAC_PI_2;

use bevy::prelude::*;

/// Which way the visitor is looking at the hall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CameraMode {
    /// First person, eye height, on the floor.
    #[default]
    Walk,
    /// Orbiting above the hall like a dollhouse.
    Overview,
}

/// A camera position and direction. `yaw` 0 looks north (−z), positive turns west (Bevy's
/// rotation about +y); `pitch` positive looks up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub eye: Vec3,
    pub yaw: f32,
    pub pitch: f32,
}

impl Pose {
    /// Standing at (`x`, `z`) with eye height `eye_height`, facing compass `bearing` degrees.
    pub fn standing(x: f32, z: f32, eye_height: f32, bearing: f32) -> Pose {
        Pose {
            eye: Vec3::new(x, eye_height, z),
            yaw: -bearing.to_radians(),
            pitch: 0.0,
        }
    }

    pub fn looking_at(eye: Vec3, target: Vec3) -> Pose {
        let dir = target - eye;
        let flat = Vec2::new(dir.x, dir.z).length();
        Pose {
            eye,
            yaw: (-dir.x).atan2(-dir.z),
            pitch: dir.y.atan2(flat),
        }
    }

    pub fn rotation(&self) -> Quat {
        Quat::from_euler(EulerRot::YXZ, self.yaw, self.pitch, 0.0)
    }

    pub fn transform(&self) -> Transform {
        Transform::from_translation(self.eye).with_rotation(self.rotation())
    }

    /// Horizontal forward and right unit vectors on the floor plan (x, z).
    pub fn flat_axes(&self) -> (Vec2, Vec2) {
        let (s, c) = self.yaw.sin_cos();
        (Vec2::new(-s, -c), Vec2::new(c, -s))
    }

    /// Smoothly between `self` (t = 0) and `to` (t = 1), turning the short way round.
    pub fn lerp(&self, to: &Pose, t: f32) -> Pose {
        let mut dyaw = (to.yaw - self.yaw).rem_euclid(std::f32::consts::TAU);
        if dyaw > std::f32::consts::PI {
            dyaw -= std::f32::consts::TAU;
        }
        Pose {
            eye: self.eye.lerp(to.eye, t),
            yaw: self.yaw + dyaw * t,
            pitch: self.pitch + (to.pitch - self.pitch) * t,
        }
    }
}

/// The overview's orbit around a focus point on the floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orbit {
    pub focus: Vec3,
    pub yaw: f32,
    /// Elevation above the floor, radians (0 = level, π/2 = straight down).
    pub elevation: f32,
    pub distance: f32,
}

impl Orbit {
    pub const MIN_DISTANCE: f32 = 8.0;
    pub const MAX_DISTANCE: f32 = 220.0;

    pub fn pose(&self) -> Pose {
        let (sy, cy) = self.yaw.sin_cos();
        let (se, ce) = self.elevation.sin_cos();
        let eye = self.focus + self.distance * Vec3::new(sy * ce, se, cy * ce);
        Pose::looking_at(eye, self.focus)
    }

    pub fn orbit(&mut self, dyaw: f32, delevation: f32) {
        self.yaw += dyaw;
        self.elevation = (self.elevation + delevation).clamp(0.15, FRAC_PI_2 - 0.05);
    }

    pub fn zoom(&mut self, factor: f32) {
        self.distance = (self.distance * factor).clamp(Self::MIN_DISTANCE, Self::MAX_DISTANCE);
    }

    /// Moves the focus along the floor, in screen-relative directions.
    pub fn pan(&mut self, right: f32, forward: f32) {
        let (s, c) = self.yaw.sin_cos();
        let fwd = Vec3::new(-s, 0.0, -c);
        let rgt = Vec3::new(c, 0.0, -s);
        self.focus += rgt * right + fwd * forward;
    }
}

/// An animated move from one pose to another, ending in `mode`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    pub from: Pose,
    pub to: Pose,
    pub elapsed: f32,
    pub duration: f32,
    pub then: CameraMode,
}

impl Flight {
    pub fn progress(&self) -> f32 {
        let t = (self.elapsed / self.duration).clamp(0.0, 1.0);
        t * t * (3.0 - 2.0 * t)
    }
}

/// The camera's whole state.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct CameraRig {
    pub mode: CameraMode,
    pub walk: Pose,
    pub orbit: Orbit,
    pub flight: Option<Flight>,
}

/// How long a flight takes, seconds.
pub const FLIGHT_SECONDS: f32 = 1.4;
/// Eye height of a walking visitor, metres.
pub const EYE_HEIGHT: f32 = crate::content::footprint::size::EYE_HEIGHT;

impl CameraRig {
    pub fn new(walk: Pose, orbit: Orbit) -> Self {
        CameraRig {
            mode: CameraMode::Walk,
            walk,
            orbit,
            flight: None,
        }
    }

    /// The pose the camera shows now.
    pub fn pose(&self) -> Pose {
        match &self.flight {
            Some(flight) => flight.from.lerp(&flight.to, flight.progress()),
            None => self.resting_pose(self.mode),
        }
    }

    fn resting_pose(&self, mode: CameraMode) -> Pose {
        match mode {
            CameraMode::Walk => self.walk,
            CameraMode::Overview => self.orbit.pose(),
        }
    }

    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// The mode the camera is in, or is flying into.
    pub fn target_mode(&self) -> CameraMode {
        self.flight.map_or(self.mode, |f| f.then)
    }

    /// Switches between walking and the overview with an animated move. The overview looks at
    /// where the walker stands; walking resumes where the visitor left the floor.
    pub fn toggle(&mut self) {
        let next = match self.target_mode() {
            CameraMode::Walk => {
                self.orbit.focus = Vec3::new(self.walk.eye.x, 0.0, self.walk.eye.z);
                self.orbit.yaw = self.walk.yaw;
                CameraMode::Overview
            }
            CameraMode::Overview => CameraMode::Walk,
        };
        self.start_flight(self.resting_pose(next), next);
    }

    /// Flies to `pose` in `mode`: in walk mode the walker ends standing there; in the overview
    /// the orbit ends focused on what `pose` looks at.
    pub fn fly_to(&mut self, mode: CameraMode, walk: Option<Pose>, orbit: Option<Orbit>) {
        if let Some(walk) = walk {
            self.walk = walk;
        }
        if let Some(orbit) = orbit {
            self.orbit = orbit;
        }
        self.start_flight(self.resting_pose(mode), mode);
    }

    /// Jumps with no animation (start-up, screenshots, session reset).
    pub fn jump(&mut self, mode: CameraMode, walk: Option<Pose>, orbit: Option<Orbit>) {
        self.fly_to(mode, walk, orbit);
        self.flight = None;
        self.mode = mode;
    }

    fn start_flight(&mut self, to: Pose, then: CameraMode) {
        let from = self.pose();
        self.flight = Some(Flight {
            from,
            to,
            elapsed: 0.0,
            duration: FLIGHT_SECONDS,
            then,
        });
    }

    /// Advances a flight by `dt` seconds; the mode changes when it lands.
    pub fn tick(&mut self, dt: f32) {
        if let Some(flight) = &mut self.flight {
            flight.elapsed += dt;
            if flight.elapsed >= flight.duration {
                self.mode = flight.then;
                self.flight = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rig() -> CameraRig {
        CameraRig::new(
            Pose::standing(0.0, 30.0, EYE_HEIGHT, 0.0),
            Orbit {
                focus: Vec3::ZERO,
                yaw: 0.0,
                elevation: 0.9,
                distance: 100.0,
            },
        )
    }

    #[test]
    fn bearings_and_axes_agree() {
        let east = Pose::standing(0.0, 0.0, 1.7, 90.0);
        let (forward, right) = east.flat_axes();
        assert!(forward.abs_diff_eq(Vec2::X, 1e-5), "{forward}");
        assert!(right.abs_diff_eq(Vec2::Y, 1e-5), "{right}");
        let looking = east.transform().forward();
        assert!(looking.abs_diff_eq(Vec3::X, 1e-5));
        let back = Pose::looking_at(Vec3::ZERO, Vec3::new(0.0, 0.0, -5.0));
        assert!(back.yaw.abs() < 1e-5 && back.pitch.abs() < 1e-5);
    }

    #[test]
    fn toggling_flies_to_the_overview_and_lands_there() {
        let mut rig = rig();
        rig.toggle();
        assert!(rig.is_flying());
        assert_eq!(rig.mode, CameraMode::Walk, "the mode changes on landing");
        assert_eq!(rig.target_mode(), CameraMode::Overview);
        let start = rig.pose();
        rig.tick(FLIGHT_SECONDS / 2.0);
        let middle = rig.pose();
        assert!(
            middle.eye.y > start.eye.y && middle.eye.y < rig.orbit.pose().eye.y,
            "rises smoothly"
        );
        rig.tick(FLIGHT_SECONDS);
        assert!(!rig.is_flying());
        assert_eq!(rig.mode, CameraMode::Overview);
        // The overview looks at where the walker stood.
        assert_eq!(rig.orbit.focus, Vec3::new(0.0, 0.0, 30.0));
        assert!(rig.pose().eye.abs_diff_eq(rig.orbit.pose().eye, 1e-4));
    }

    #[test]
    fn toggling_back_returns_to_the_walker_and_mid_flight_reverses() {
        let mut rig = rig();
        let walker = rig.walk;
        rig.toggle();
        rig.tick(0.3);
        rig.toggle(); // change of mind half way
        assert_eq!(rig.target_mode(), CameraMode::Walk);
        rig.tick(FLIGHT_SECONDS + 0.1);
        assert_eq!(rig.mode, CameraMode::Walk);
        assert_eq!(rig.pose(), walker);
    }

    #[test]
    fn flights_turn_the_short_way_round() {
        let a = Pose {
            eye: Vec3::ZERO,
            yaw: 3.0,
            pitch: 0.0,
        };
        let b = Pose {
            eye: Vec3::ZERO,
            yaw: -3.0,
            pitch: 0.0,
        };
        let half = a.lerp(&b, 0.5);
        assert!(
            (half.yaw.rem_euclid(std::f32::consts::TAU) - std::f32::consts::PI).abs() < 0.01,
            "{}",
            half.yaw
        );
    }

    #[test]
    fn the_orbit_stays_above_the_floor_and_within_zoom_limits() {
        let mut orbit = rig().orbit;
        orbit.orbit(0.0, 10.0);
        assert!(orbit.elevation < FRAC_PI_2);
        orbit.orbit(0.0, -10.0);
        assert!(orbit.pose().eye.y > 0.0);
        orbit.zoom(0.0001);
        assert_eq!(orbit.distance, Orbit::MIN_DISTANCE);
        orbit.zoom(1e6);
        assert_eq!(orbit.distance, Orbit::MAX_DISTANCE);
    }
}
