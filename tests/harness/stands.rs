//! The built stands show their graphics where nothing on the stand hides them; the host's
//! sectors are island stands.

use bevy::prelude::*;

use crate::support::built_hall;

/// A stand carries its flag and its name in its own script beside its name sign, on the fascia
/// or on an open booth's header (which rises above the stand's exhibits), where nothing on the
/// stand can hide them.
#[test]
fn flags_and_native_names_stand_beside_the_name_sign_where_nothing_hides_them() {
    use expo_hall::{
        content::model::{BoothStyle, ZoneKind},
        hall::BoothEntity,
    };

    let (mut app, exhibition) = built_hall();
    app.update();
    let world = app.world_mut();
    let mut booths = world.query::<(&BoothEntity, &Children)>();
    let mut parts = world.query::<(&Name, &Transform)>();
    let booth_parts: Vec<(usize, Vec<(String, Vec3)>)> = booths
        .iter(world)
        .map(|(booth, children)| {
            let named = children
                .iter()
                .filter_map(|child| parts.get(world, child).ok())
                .map(|(name, transform)| (name.as_str().to_owned(), transform.translation))
                .collect();
            (booth.zone, named)
        })
        .collect();
    let mut beside_the_sign = 0;
    for (zone, named) in booth_parts {
        let ZoneKind::Pavilion(pavilion) = &exhibition.zones[zone].kind else {
            continue;
        };
        let find = |wanted: &str| {
            named
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, at)| *at)
        };
        let native = find("Native name");
        assert_eq!(native.is_some(), pavilion.native_name.is_some());
        let Some(native) = native else { continue };
        if pavilion.booth.width >= 8.0 {
            beside_the_sign += 1;
            // Above the walls, beside the name sign: the flag at the left end, the name at the
            // right; on the front of a fascia, or on an open booth's header at the back.
            assert!(native.y > 3.0 && native.x > 0.0, "{native}");
            let flag = find("Header flag").expect("a flag beside the name sign");
            assert!(flag.y > 3.0 && flag.x < 0.0, "{flag}");
            assert!((flag.y - native.y).abs() < 1e-4 && (flag.z - native.z).abs() < 1e-4);
            let on_the_front = pavilion.booth.style != BoothStyle::Open;
            assert_eq!(native.z > 0.0, on_the_front, "{native}");
        } else {
            assert!(native.z < 0.0, "a narrow stand's name is on its back wall");
            assert!(find("Header flag").is_none());
        }
    }
    assert!(
        beside_the_sign >= 15,
        "{beside_the_sign} stands with their names beside the sign"
    );
}

/// The host's sectors are island stands: no walls, the name on a header hung above the stand
/// and read from the front and from the back.
#[test]
fn island_stands_have_no_walls_and_their_name_on_both_faces_of_a_hanging_header() {
    use expo_hall::{
        content::{
            footprint::{booth_walls, size::ISLAND_HEADER_BOTTOM},
            model::BoothStyle,
        },
        hall::BoothEntity,
    };

    let (mut app, exhibition) = built_hall();
    app.update();
    let world = app.world_mut();
    let mut booths = world.query::<(&BoothEntity, &Children)>();
    let mut parts = world.query::<(&Name, &Transform)>();
    let mut islands = 0;
    let found: Vec<_> = booths
        .iter(world)
        .map(|(booth, children)| {
            let named: Vec<(String, Transform)> = children
                .iter()
                .filter_map(|child| parts.get(world, child).ok())
                .map(|(name, transform)| (name.as_str().to_owned(), *transform))
                .collect();
            (booth.area.clone(), named)
        })
        .collect();
    for (area, named) in found {
        let booth = exhibition.booth(&area).unwrap();
        if booth.style != BoothStyle::Island {
            continue;
        }
        islands += 1;
        assert!(booth_walls(booth.style, booth.width, booth.depth).is_empty());
        let sign = |name: String| {
            named
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let front = sign(format!("Sign {area}"));
        let back = sign(format!("Sign {area} (back)"));
        assert!(front.translation.y > ISLAND_HEADER_BOTTOM);
        assert_eq!(front.translation.y, back.translation.y);
        assert!(front.translation.z > 0.0 && back.translation.z < 0.0);
        // The back copy faces the other way.
        assert!((back.rotation * Vec3::Z).dot(Vec3::Z) < -0.99);
    }
    assert_eq!(islands, 4, "the China zone's four sectors");
}
