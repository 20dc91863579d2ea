//! The built stands show their graphics where nothing on the stand hides them.

use bevy::prelude::*;

use crate::support::built_hall;

/// A shell-scheme or tower stand carries its flag and its name in its own script on the fascia
/// beside the name sign, where nothing on the stand can hide them; an open stand prints its
/// native name on the back wall.
#[test]
fn flags_and_native_names_stand_on_the_fascia_where_nothing_hides_them() {
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
    let mut on_fascia = 0;
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
        assert_eq!(
            native.is_some(),
            pavilion.native_name.is_some(),
            "{}",
            pavilion.booth.width
        );
        let Some(native) = native else { continue };
        if pavilion.booth.style != BoothStyle::Open && pavilion.booth.width >= 8.0 {
            on_fascia += 1;
            // On the front, above the walls, at the right end; the flag at the left end.
            assert!(
                native.z > 0.0 && native.y > 3.0 && native.x > 0.0,
                "{native}"
            );
            let flag = find("Fascia flag").expect("a flag on the fascia");
            assert!(flag.z > 0.0 && flag.y > 3.0 && flag.x < 0.0, "{flag}");
            assert!((flag.y - native.y).abs() < 1e-4);
        } else {
            assert!(
                native.z < 0.0,
                "an open stand's native name is on its back wall"
            );
            assert!(find("Fascia flag").is_none());
        }
    }
    assert!(
        on_fascia >= 10,
        "{on_fascia} stands with their names on the fascia"
    );
}
