//! The hall's shell: the floor (drawn from the layout), walls with their entrance openings,
//! the hall's banner, the roof trusses with light panels, and the light.

use bevy::prelude::*;

use super::{
    Builder, BuiltScene, Roof, SignKind, floor,
    palette::{Finish, mipmapped_image},
};
use crate::content::model::Side;

pub fn build(b: &mut Builder) {
    let shell = b.exhibition.hall.shell.clone();
    let (w, d, h) = (shell.width, shell.depth, shell.wall_height);

    // Floor: the floor plan as a texture.
    let exhibition = b.exhibition;
    let (px_w, px_h, pixels) =
        floor::floor_pixels(exhibition, |area| floor::carpet_colour(exhibition, area));
    let floor_image = b.images.add(mipmapped_image(px_w, px_h, pixels, false));
    let floor_material = b.materials.add(StandardMaterial {
        base_color_texture: Some(floor_image),
        perceptual_roughness: 0.55,
        reflectance: 0.35,
        ..default()
    });
    b.commands.spawn((
        Name::new("Floor"),
        BuiltScene,
        super::HallFloor,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(floor_material),
        Transform::from_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2))
            .with_scale(Vec3::new(w, d, 1.0)),
    ));
    // Outside the hall: a plaza so the entrances do not open onto the void.
    let plaza = b
        .palette
        .material(b.materials, [150, 152, 150], 1.0, Finish::Matte);
    b.commands.spawn((
        Name::new("Plaza"),
        BuiltScene,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(plaza),
        Transform::from_xyz(0.0, -0.02, 0.0)
            .with_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2))
            .with_scale(Vec3::new(w + 80.0, d + 80.0, 1.0)),
    ));

    // Walls, split around each entrance.
    let wall = b
        .palette
        .material(b.materials, [232, 230, 225], 1.0, Finish::Matte);
    let skirting = b
        .palette
        .material(b.materials, [70, 74, 82], 1.0, Finish::Satin);
    let thickness = 0.4;
    for side in [Side::North, Side::East, Side::South, Side::West] {
        let length = if side.is_north_south() { w } else { d };
        let mut openings: Vec<(f32, f32)> = shell
            .entrances
            .iter()
            .filter(|e| e.wall == side)
            .map(|e| (e.offset - e.width / 2.0, e.offset + e.width / 2.0))
            .collect();
        openings.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut start = -length / 2.0;
        let mut segments = Vec::new();
        for (open_from, open_to) in &openings {
            segments.push((start, *open_from));
            start = *open_to;
        }
        segments.push((start, length / 2.0));
        let normal = side.vector();
        let along = Vec2::new(normal.y, normal.x).abs();
        let centre_line =
            normal * (if side.is_north_south() { d } else { w } / 2.0 + thickness / 2.0);
        for (from, to) in segments.into_iter().filter(|(a, b)| b - a > 0.01) {
            let mid = centre_line + along * (from + to) / 2.0;
            let len = to - from;
            let size = if side.is_north_south() {
                Vec3::new(len, h, thickness)
            } else {
                Vec3::new(thickness, h, len)
            };
            b.commands.spawn((
                BuiltScene,
                Mesh3d(b.palette.cube.clone()),
                MeshMaterial3d(wall.clone()),
                Transform::from_xyz(mid.x, h / 2.0, mid.y).with_scale(size),
            ));
            let skirt = if side.is_north_south() {
                Vec3::new(len, 0.3, thickness + 0.04)
            } else {
                Vec3::new(thickness + 0.04, 0.3, len)
            };
            b.commands.spawn((
                BuiltScene,
                Mesh3d(b.palette.cube.clone()),
                MeshMaterial3d(skirting.clone()),
                Transform::from_xyz(mid.x, 0.15, mid.y).with_scale(skirt),
            ));
        }
        // A lintel over each opening.
        for (open_from, open_to) in openings {
            let mid = centre_line + along * (open_from + open_to) / 2.0;
            let len = open_to - open_from;
            let lintel_h = h - 5.0;
            let size = if side.is_north_south() {
                Vec3::new(len, lintel_h, thickness)
            } else {
                Vec3::new(thickness, lintel_h, len)
            };
            b.commands.spawn((
                BuiltScene,
                Mesh3d(b.palette.cube.clone()),
                MeshMaterial3d(wall.clone()),
                Transform::from_xyz(mid.x, 5.0 + lintel_h / 2.0, mid.y).with_scale(size),
            ));
        }
    }

    // The banner on the north wall, facing the main entrance.
    // One printed sign for it and the hanging banners: the same words, one texture.
    let (banner_sign, banner_material) = b.sign(SignKind::HallBanner, 2048, 384, false);
    let banner_w = (w * 0.45).min(48.0);
    b.commands.spawn((
        Name::new("Hall banner"),
        BuiltScene,
        banner_sign.clone(),
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(banner_material.clone()),
        Transform::from_xyz(0.0, h * 0.62, -d / 2.0 + 0.05).with_scale(Vec3::new(
            banner_w,
            banner_w * 384.0 / 2048.0,
            1.0,
        )),
    ));

    // Roof: dark deck, steel trusses every 12 m, light panels between them.
    let deck = b
        .palette
        .material(b.materials, [58, 62, 70], 1.0, Finish::Matte);
    b.commands.spawn((
        BuiltScene,
        Roof,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(deck),
        Transform::from_xyz(0.0, h + 1.5, 0.0)
            .with_rotation(Quat::from_rotation_x(std::f32::consts::FRAC_PI_2))
            .with_scale(Vec3::new(w + 1.0, d + 1.0, 1.0)),
    ));
    let steel = b
        .palette
        .material(b.materials, [150, 156, 166], 1.0, Finish::Metal);
    let glow = b
        .palette
        .material(b.materials, [255, 250, 236], 1.0, Finish::Glow);
    let bays = (w / 12.0).floor() as i32;
    for i in 0..=bays {
        let x = -w / 2.0 + w * i as f32 / bays as f32;
        b.commands.spawn((
            BuiltScene,
            Roof,
            Mesh3d(b.palette.cube.clone()),
            MeshMaterial3d(steel.clone()),
            Transform::from_xyz(x, h + 0.6, 0.0).with_scale(Vec3::new(0.5, 1.2, d)),
        ));
    }
    let rows = (d / 12.0).floor() as i32;
    for i in 0..bays {
        for j in 0..rows {
            let x = -w / 2.0 + w * (i as f32 + 0.5) / bays as f32;
            let z = -d / 2.0 + d * (j as f32 + 0.5) / rows as f32;
            b.commands.spawn((
                BuiltScene,
                Roof,
                Mesh3d(b.palette.cube.clone()),
                MeshMaterial3d(glow.clone()),
                Transform::from_xyz(x, h + 1.2, z).with_scale(Vec3::new(3.0, 0.1, 3.0)),
            ));
        }
    }

    // Banners over the aisles, printed on both sides, each on two cables from the roof.
    let banners = b.exhibition.hall.shell.furnishing.banners.clone();
    if !banners.is_empty() {
        let cable = b
            .palette
            .material(b.materials, [40, 40, 44], 1.0, Finish::Satin);
        for banner in banners {
            let tall = banner.width * 384.0 / 2048.0;
            let facing = facing_bearing(banner.bearing);
            let centre = Vec3::new(banner.x, banner.height + tall / 2.0, banner.z);
            let root = b
                .commands
                .spawn((
                    Name::new("Hanging banner"),
                    BuiltScene,
                    Transform::from_translation(centre).with_rotation(facing),
                    Visibility::default(),
                ))
                .id();
            for (turn, offset) in [(0.0, 0.01), (std::f32::consts::PI, -0.01)] {
                b.commands.spawn((
                    banner_sign.clone(),
                    Mesh3d(b.palette.quad.clone()),
                    MeshMaterial3d(banner_material.clone()),
                    Transform::from_xyz(0.0, 0.0, offset)
                        .with_rotation(Quat::from_rotation_y(turn))
                        .with_scale(Vec3::new(banner.width, tall, 1.0)),
                    ChildOf(root),
                ));
            }
            let cable_length = (h - centre.y).max(0.0);
            for side in [-0.45, 0.45] {
                b.commands.spawn((
                    Mesh3d(b.palette.cylinder.clone()),
                    MeshMaterial3d(cable.clone()),
                    Transform::from_xyz(side * banner.width, tall / 2.0 + cable_length / 2.0, 0.0)
                        .with_scale(Vec3::new(0.01, cable_length, 0.01)),
                    ChildOf(root),
                ));
            }
        }
    }

    // Visitors standing in the aisles, for scale.
    for figure in b.exhibition.hall.shell.furnishing.people.clone() {
        let scene = b.model(&figure.file);
        b.commands.spawn((
            Name::new(format!("Visitor {}", figure.file)),
            BuiltScene,
            StandingVisitor,
            super::models::DetailRange::SMALL,
            scene,
            Transform::from_xyz(figure.x, 0.0, figure.z)
                .with_rotation(facing_bearing(figure.bearing)),
        ));
    }

    // Light: a soft key light from high above the entrance side, plus the ambient fill.
    b.commands.spawn((
        Name::new("Hall light"),
        BuiltScene,
        DirectionalLight {
            illuminance: 3_200.0,
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::from_xyz(20.0, 60.0, 40.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}

/// The turn that makes something whose front is +z (models, quads) face a compass `bearing`
/// (0 = north, −z; 90 = east).
fn facing_bearing(bearing: f32) -> Quat {
    Quat::from_rotation_y(std::f32::consts::PI - bearing.to_radians())
}

/// One of the visitor figures that give the hall its scale.
#[derive(Component, Debug)]
pub struct StandingVisitor;

/// Shows or hides the visitor figures as the setting says (also those a rebuild just made).
pub fn show_people(
    shown: Res<crate::quality::StandingPeople>,
    mut people: Query<(&mut Visibility, Ref<StandingVisitor>)>,
) {
    let wanted = if shown.0 {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for (mut visibility, visitor) in &mut people {
        if shown.is_changed() || visitor.is_added() {
            visibility.set_if_neq(wanted);
        }
    }
}
