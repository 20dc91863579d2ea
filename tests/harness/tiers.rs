//! The low tier's materials: every mesh of the built hall is drawn with a baked-light copy of its
//! standard material, a copy follows its original's edits (a slideshow's next slide), and
//! leaving the low tier gives every mesh its standard material back. The low tier's signs are
//! drawn at its render scale, also after a change of tier; far stands are drawn without their
//! exhibits in every tier.

use bevy::prelude::*;
use expo_hall::{
    hall::{
        Sign,
        baked_light::{BakedFrom, BakedLight, BakedShading},
    },
    quality::{Quality, QualityTier, TierReason},
};

use crate::support::{built_hall, built_hall_with};

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

fn tier(quality: Quality) -> QualityTier {
    QualityTier {
        quality,
        reason: TierReason::Asked("test".into()),
        adapter: "none".into(),
    }
}

/// Every sign's texture size, by what the sign shows.
fn sign_sizes(app: &mut App) -> Vec<(String, UVec2)> {
    let signs: Vec<(String, Handle<Image>)> = app
        .world_mut()
        .query::<&Sign>()
        .iter(app.world())
        .map(|sign| (format!("{:?}", sign.kind), sign.image.clone()))
        .collect();
    let images = app.world().resource::<Assets<Image>>();
    let mut sizes: Vec<(String, UVec2)> = signs
        .into_iter()
        .map(|(kind, image)| (kind, images.get(&image).unwrap().size()))
        .collect();
    sizes.sort_by(|a, b| a.0.cmp(&b.0));
    sizes
}

#[test]
fn the_low_tier_draws_its_signs_at_its_render_scale_also_after_a_change_of_tier() {
    let (mut medium, _) = built_hall_with(|app| {
        app.insert_resource(tier(Quality::Medium));
    });
    let (mut low, _) = built_hall_with(|app| {
        app.insert_resource(tier(Quality::Low));
    });
    let full = sign_sizes(&mut medium);
    let scaled = sign_sizes(&mut low);
    assert!(full.len() > 50, "{} signs", full.len());
    assert_eq!(full.len(), scaled.len());
    let scale = Quality::Low.render_scale();
    for ((kind, full), (same_kind, scaled)) in full.iter().zip(&scaled) {
        assert_eq!(kind, same_kind);
        let expected = (full.as_vec2() * scale).round().as_uvec2();
        assert_eq!(*scaled, expected, "{kind}: {full} on medium");
    }

    // A tier changed while the hall is open (the staff overlay) draws the signs again at the
    // new tier's scale, and back.
    medium.insert_resource(tier(Quality::Low));
    medium.update();
    medium.update();
    assert_eq!(sign_sizes(&mut medium), scaled);
    medium.insert_resource(tier(Quality::High));
    medium.update();
    medium.update();
    assert_eq!(sign_sizes(&mut medium), full);
    // High draws at the same scale as medium: no rebuild, the same textures.
    let handles = |app: &mut App| {
        let mut handles: Vec<_> = app
            .world_mut()
            .query::<&Sign>()
            .iter(app.world())
            .map(|sign| sign.image.id())
            .collect();
        handles.sort();
        handles
    };
    let before = handles(&mut medium);
    medium.insert_resource(tier(Quality::Medium));
    medium.update();
    assert_eq!(handles(&mut medium), before);
}

/// Far stands are drawn without their exhibits: every mesh of an exhibit is drawn only within
/// [`DetailRange::EXHIBIT`] of the camera (so a hall ten times larger does not draw ten times the
/// exhibits in its overview), while the booths' walls and name signs are drawn at any distance.
#[test]
fn exhibits_are_drawn_only_within_their_detail_range_and_booths_at_any_distance() {
    use bevy::camera::visibility::VisibilityRange;
    use expo_hall::hall::{BoothEntity, ExhibitEntity, models::DetailRange};

    let (mut app, _) = built_hall();
    app.update();
    let world = app.world_mut();
    let mut exhibit_meshes = 0;
    let mut booth_meshes = 0;
    let mut meshes = world.query_filtered::<(Entity, Option<&VisibilityRange>), With<Mesh3d>>();
    let mut parents = world.query::<&ChildOf>();
    let mut exhibits = world.query::<&ExhibitEntity>();
    let mut booths = world.query::<&BoothEntity>();
    let found: Vec<(Entity, Option<VisibilityRange>)> = meshes
        .iter(world)
        .map(|(entity, range)| (entity, range.cloned()))
        .collect();
    for (mesh, range) in found {
        let mut under = mesh;
        let owner = loop {
            if exhibits.get(world, under).is_ok() {
                break Some(true);
            }
            if booths.get(world, under).is_ok() {
                break Some(false);
            }
            match parents.get(world, under) {
                Ok(parent) => under = parent.parent(),
                Err(_) => break None,
            }
        };
        match owner {
            Some(true) => {
                exhibit_meshes += 1;
                let range = range.expect("an exhibit's mesh has a detail range");
                assert_eq!(range.end_margin.end, DetailRange::EXHIBIT.0);
            }
            Some(false) if range.is_none() => booth_meshes += 1,
            _ => {}
        }
    }
    assert!(exhibit_meshes > 100, "{exhibit_meshes} exhibit meshes");
    assert!(
        booth_meshes > 100,
        "{booth_meshes} booth meshes drawn at any distance"
    );
}
