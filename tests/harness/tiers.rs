//! The low tier's materials: every mesh of the built hall is drawn with a baked-light copy of its
//! standard material, a copy follows its original's edits (a slideshow's next slide), and
//! leaving the low tier gives every mesh its standard material back.

use bevy::prelude::*;
use expo_hall::{
    hall::baked_light::{BakedFrom, BakedLight, BakedShading},
    quality::{Quality, QualityTier, TierReason},
};

use crate::support::built_hall;

fn set_tier(app: &mut App, quality: Quality) {
    app.world_mut().insert_resource(QualityTier {
        quality,
        reason: TierReason::Asked("test".into()),
        adapter: "none".into(),
    });
    app.update();
}

fn count<C: Component>(app: &mut App) -> usize {
    app.world_mut().query::<&C>().iter(app.world()).count()
}

#[test]
fn the_low_tier_draws_the_hall_with_baked_copies_that_follow_edits_and_give_way_on_medium() {
    let (mut app, _) = built_hall();
    app.init_asset::<BakedLight>();
    app.update();
    let meshes = count::<MeshMaterial3d<StandardMaterial>>(&mut app);
    assert!(meshes > 500, "the built hall has {meshes} meshes");

    set_tier(&mut app, Quality::Low);
    assert_eq!(count::<MeshMaterial3d<StandardMaterial>>(&mut app), 0);
    assert_eq!(count::<MeshMaterial3d<BakedLight>>(&mut app), meshes);
    assert_eq!(count::<BakedFrom>(&mut app), meshes);
    // Each copy is its original's, and copies are shared as the originals are.
    let pairs: Vec<(Handle<BakedLight>, Handle<StandardMaterial>)> = app
        .world_mut()
        .query::<(&MeshMaterial3d<BakedLight>, &BakedFrom)>()
        .iter(app.world())
        .map(|(copy, from)| (copy.0.clone(), from.0.clone()))
        .collect();
    let originals: std::collections::HashSet<_> = pairs.iter().map(|(_, o)| o.id()).collect();
    let copies: std::collections::HashSet<_> = pairs.iter().map(|(c, _)| c.id()).collect();
    assert_eq!(copies.len(), originals.len());
    {
        let standard = app.world().resource::<Assets<StandardMaterial>>();
        let baked = app.world().resource::<Assets<BakedLight>>();
        for (copy, original) in &pairs {
            let expected = BakedLight::from(standard.get(original).unwrap());
            let got = baked.get(copy).unwrap();
            assert_eq!(got.shading, expected.shading);
            assert_eq!(got.texture, expected.texture);
        }
        assert!(
            baked
                .iter()
                .any(|(_, m)| m.shading.flags & BakedShading::TEXTURED != 0),
            "signs and the floor keep their textures"
        );
    }

    // An original edited (as a slideshow does) changes its copy by the next frame.
    let (copy, original) = pairs[0].clone();
    app.world_mut()
        .resource_mut::<Assets<StandardMaterial>>()
        .get_mut(&original)
        .unwrap()
        .base_color = Color::srgb(1.0, 0.0, 0.0);
    app.update();
    app.update();
    let edited = app
        .world()
        .resource::<Assets<BakedLight>>()
        .get(&copy)
        .unwrap();
    assert_eq!(edited.shading.base_color, Vec4::new(1.0, 0.0, 0.0, 1.0));

    set_tier(&mut app, Quality::Medium);
    assert_eq!(count::<MeshMaterial3d<StandardMaterial>>(&mut app), meshes);
    assert_eq!(count::<MeshMaterial3d<BakedLight>>(&mut app), 0);
    assert_eq!(count::<BakedFrom>(&mut app), 0);
}
