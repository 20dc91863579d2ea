//! Good places to look from, computed from the layout: the entrance, the whole hall, a booth
//! seen from its aisle, an exhibit seen from in front of it.

use bevy::prelude::*;

use super::rig::{EYE_HEIGHT, Orbit, Pose};
use crate::content::{
    exhibition::{ExhibitRef, Exhibition},
    footprint::display_extent,
    layout::Footprint,
};

/// Where a new visitor stands: the hall's start point.
pub fn entrance(exhibition: &Exhibition) -> Pose {
    let start = exhibition.hall.shell.start;
    Pose::standing(start.x, start.z, EYE_HEIGHT, start.bearing)
}

/// The whole hall from above the main entrance side.
pub fn whole_hall(exhibition: &Exhibition) -> Orbit {
    let shell = &exhibition.hall.shell;
    Orbit {
        focus: Vec3::new(0.0, 0.0, 2.0),
        yaw: 0.0,
        elevation: 0.85,
        distance: shell.width.max(shell.depth) * 0.95,
    }
}

/// Standing in the aisle in front of a booth, far enough back to see all of it, but never inside
/// (or against) the booth across the aisle: closer to the booth where that one would be in the way.
pub fn booth(exhibition: &Exhibition, footprint: &Footprint) -> Pose {
    let wanted = (footprint.width * 0.75).clamp(4.0, 11.0);
    let in_aisle = |spot: Vec2| {
        exhibition
            .footprints
            .iter()
            .filter(|other| other.area != footprint.area)
            .all(|other| {
                let rect = other.rect();
                !Rect::from_corners(rect.min - CLEAR_OF_BOOTH, rect.max + CLEAR_OF_BOOTH)
                    .contains(spot)
            })
    };
    let step = 0.25;
    let (distance, spot) = (0..)
        .map(|i| wanted - i as f32 * step)
        .take_while(|distance| *distance >= NEAREST_TO_BOOTH)
        .map(|distance| {
            (
                distance,
                clamp_inside(exhibition, footprint.in_front(distance)),
            )
        })
        .find(|(_, spot)| in_aisle(*spot))
        .unwrap_or_else(|| (wanted, clamp_inside(exhibition, footprint.in_front(wanted))));
    // Closer than it would like, the visitor looks up a little to keep the fascia in view.
    let look_up = 2.0 * (1.0 - distance / wanted);
    Pose::looking_at(
        Vec3::new(spot.x, EYE_HEIGHT, spot.y),
        Vec3::new(footprint.centre.x, 1.6 + look_up, footprint.centre.y),
    )
}

/// The overview orbit focused on a booth.
pub fn booth_orbit(footprint: &Footprint) -> Orbit {
    // The orbit's eye sits on the side its yaw points to: the booth's open front.
    Orbit {
        focus: Vec3::new(footprint.centre.x, 0.0, footprint.centre.y),
        yaw: footprint.yaw(),
        elevation: 0.7,
        distance: (footprint.width.max(footprint.depth) * 2.2).max(16.0),
    }
}

/// Standing in front of an exhibit, far enough back to see all of it, looking at its middle.
pub fn exhibit(exhibition: &Exhibition, at: ExhibitRef) -> Option<Pose> {
    let exhibit = exhibition.exhibit(at);
    let footprint = exhibition.footprint(&exhibition.area_of(at))?;
    let local = Vec2::new(exhibit.place.x, exhibit.place.z);
    let turn = exhibit.place.turn.to_radians();
    let facing_local = Vec2::new(turn.sin(), turn.cos());
    let target = footprint.to_hall(local);
    let extent = display_extent(&exhibit.display);
    let (half, height) = (extent.half_size(), extent.height);
    let distance = 2.2 + 1.3 * half.max_element() + 0.35 * height;
    let spot = clamp_inside(
        exhibition,
        footprint.to_hall(local + facing_local * distance),
    );
    Some(Pose::looking_at(
        Vec3::new(spot.x, EYE_HEIGHT, spot.y),
        Vec3::new(target.x, (height * 0.55).max(1.0), target.y),
    ))
}

/// How far a viewpoint keeps from another booth's edge.
const CLEAR_OF_BOOTH: Vec2 = Vec2::splat(0.5);
/// The closest to a booth's front its viewpoint comes to stay clear of the booth across the aisle.
const NEAREST_TO_BOOTH: f32 = 1.5;

fn clamp_inside(exhibition: &Exhibition, p: Vec2) -> Vec2 {
    let half = Vec2::new(exhibition.hall.shell.width, exhibition.hall.shell.depth) / 2.0
        - Vec2::splat(1.0);
    p.clamp(-half, half)
}
