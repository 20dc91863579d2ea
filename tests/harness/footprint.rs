//! One footprint: the meshes the hall spawns for every shipped exhibit cover exactly the extent
//! that validation, collision, viewpoints, picking and the floor plan use.

use bevy::{mesh::VertexAttributeValues, prelude::*};
use expo_hall::{
    content::{
        footprint::{display_extent, model_surface},
        gltf::glb_bounds,
        source::ContentSource,
    },
    hall::ExhibitEntity,
};

use crate::support::built_hall;

/// Exhibit-local bounds of everything spawned under each exhibit.
fn spawned_bounds(app: &mut App) -> Vec<(ExhibitEntity, Vec3, Vec3)> {
    let world = app.world_mut();
    let exhibits: Vec<(ExhibitEntity, Vec<Entity>)> = world
        .query::<(&ExhibitEntity, &Children)>()
        .iter(world)
        .map(|(exhibit, children)| (*exhibit, children.iter().collect()))
        .collect();
    let mut parts = world.query::<(&Mesh3d, &Transform)>();
    let meshes = world.resource::<Assets<Mesh>>();
    exhibits
        .into_iter()
        .map(|(exhibit, children)| {
            let (mut min, mut max) = (Vec3::INFINITY, Vec3::NEG_INFINITY);
            for child in children {
                let Ok((mesh, transform)) = parts.get(world, child) else {
                    continue;
                };
                let Some(VertexAttributeValues::Float32x3(positions)) = meshes
                    .get(&mesh.0)
                    .and_then(|m| m.attribute(Mesh::ATTRIBUTE_POSITION))
                else {
                    panic!("a mesh without positions under {exhibit:?}");
                };
                for p in positions {
                    let p = transform.transform_point(Vec3::from_array(*p));
                    min = min.min(p);
                    max = max.max(p);
                }
            }
            (exhibit, min, max)
        })
        .collect()
}

#[test]
fn every_exhibit_is_drawn_the_size_it_is_checked_and_collided_as() {
    let (mut app, exhibition) = built_hall();
    let bounds = spawned_bounds(&mut app);
    assert_eq!(bounds.len(), exhibition.exhibit_count());
    let mut wrong = Vec::new();
    for (exhibit, mut min, mut max) in bounds {
        let shown = exhibition.exhibit(exhibit.0);
        let extent = display_extent(&shown.display);
        // Model files do not load headless: add the boxes their files declare, as placed.
        let surface = model_surface(&shown.display).unwrap_or(0.0);
        let mut model_top = 0.0f32;
        for model in shown.display.models() {
            let bytes = ContentSource::Embedded.read(&model.file).unwrap();
            let placed = glb_bounds(&bytes).unwrap().placed(
                model.scale,
                model.turn,
                Vec3::new(model.at.0, surface + model.at.1, model.at.2),
            );
            min = min.min(placed.min);
            max = max.max(placed.max);
            model_top = model_top.max(placed.max.y);
        }
        // A stand with models is checked as its whole envelope; the models stay under its top.
        if !shown.display.models().is_empty() && model_top <= extent.height {
            max.y = extent.height;
        }
        let drawn = [min.x, min.z, max.x, max.z, max.y];
        let checked = [
            extent.min.x,
            extent.min.y,
            extent.max.x,
            extent.max.y,
            extent.height,
        ];
        let off = drawn
            .iter()
            .zip(checked)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        if off > 0.05 || min.y < -0.01 {
            wrong.push(format!(
                "{}: drawn x {:.2}..{:.2} z {:.2}..{:.2} up to {:.2} m; footprint x {:.2}..{:.2} z {:.2}..{:.2} up to {:.2} m",
                shown.id, drawn[0], drawn[2], drawn[1], drawn[3], drawn[4],
                checked[0], checked[2], checked[1], checked[3], checked[4]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
