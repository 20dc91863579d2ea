//! The hall's shell: the floor (drawn from the layout), walls with their entrance openings,
//! the hall's banner, the roof trusses with light panels, and the light.

use bevy::prelude::*;

use super::{
    Builder, BuiltScene, Roof, Sign, SignKind, floor,
    palette::{Finish, mipmapped_image},
};
use crate::{
    content::{
        footprint::{self, size},
        model::{Bench, Entrance, Shell, Side, Signpost},
    },
    theme::RED_RGB,
};

/// Roof trusses run north–south about this far apart, metres; a light panel hangs in the middle
/// of each bay, as often along it.
const TRUSS_SPACING: f32 = 12.0;

/// A light panel's side, metres.
pub const LIGHT_PANEL_SIDE: f32 = 3.0;

/// Where the roof's light panels hang (hall metres, x and z): the middle of each truss bay, the
/// same spacing along it. The floor's light pools are baked under them (`floor`).
pub fn light_panels(shell: &Shell) -> Vec<Vec2> {
    let (w, d) = (shell.width, shell.depth);
    let bays = truss_bays(w);
    let rows = (d / TRUSS_SPACING).floor() as i32;
    (0..bays)
        .flat_map(|i| {
            (0..rows).map(move |j| {
                Vec2::new(
                    -w / 2.0 + w * (i as f32 + 0.5) / bays as f32,
                    -d / 2.0 + d * (j as f32 + 0.5) / rows as f32,
                )
            })
        })
        .collect()
}

/// The number of bays between roof trusses across a hall `width` metres wide.
fn truss_bays(width: f32) -> i32 {
    (width / TRUSS_SPACING).floor().max(1.0) as i32
}

/// How far the plaza outside the hall reaches beyond its walls, metres.
const PLAZA_MARGIN: f32 = 40.0;

pub fn build(b: &mut Builder) {
    let shell = b.exhibition.hall.shell.clone();
    let (w, d, h) = (shell.width, shell.depth, shell.wall_height);

    // Floor: the floor plan as a texture.
    let exhibition = b.exhibition;
    let (px_w, px_h, pixels) = floor::floor_pixels(exhibition, &light_panels(&shell), |area| {
        floor::carpet_colour(exhibition, area)
    });
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
    // Outside the hall: a plaza so the entrances do not open onto the void, in four strips round
    // the hall rather than one quad under it (on software rendering every floor pixel would be
    // shaded twice).
    let plaza = b
        .palette
        .material(b.materials, [150, 152, 150], 1.0, Finish::Matte);
    let margin = PLAZA_MARGIN;
    let strips = [
        // North and south, full width with the corners.
        (
            Vec2::new(0.0, -(d + margin) / 2.0),
            Vec2::new(w + 2.0 * margin, margin),
        ),
        (
            Vec2::new(0.0, (d + margin) / 2.0),
            Vec2::new(w + 2.0 * margin, margin),
        ),
        // West and east, between them.
        (Vec2::new(-(w + margin) / 2.0, 0.0), Vec2::new(margin, d)),
        (Vec2::new((w + margin) / 2.0, 0.0), Vec2::new(margin, d)),
    ];
    for (centre, size) in strips {
        b.commands.spawn((
            Name::new("Plaza"),
            BuiltScene,
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(plaza.clone()),
            Transform::from_xyz(centre.x, -0.02, centre.y)
                .with_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2))
                .with_scale(Vec3::new(size.x, size.y, 1.0)),
        ));
    }

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
    // It keeps clear of a booth near the wall (raised above it, or left out): `wall_banner`.
    let (banner_sign, banner_material) = b.sign(SignKind::HallBanner, 2048, 384, false);
    if let Some(banner) = b.exhibition.wall_banner().banner {
        b.commands.spawn((
            Name::new("Hall banner"),
            BuiltScene,
            banner_sign.clone(),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(banner_material.clone()),
            Transform::from_xyz(0.0, banner.centre_y, -d / 2.0 + 0.05).with_scale(Vec3::new(
                banner.width,
                banner.height,
                1.0,
            )),
        ));
    }

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
    let bays = truss_bays(w);
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
    for centre in light_panels(&shell) {
        b.commands.spawn((
            BuiltScene,
            Roof,
            Mesh3d(b.palette.cube.clone()),
            MeshMaterial3d(glow.clone()),
            Transform::from_xyz(centre.x, h + 1.2, centre.y).with_scale(Vec3::new(
                LIGHT_PANEL_SIDE,
                0.1,
                LIGHT_PANEL_SIDE,
            )),
        ));
    }

    // Banners over the aisles, printed on both sides, each on two cables from the roof.
    let banners = b.exhibition.hall.shell.furnishing.banners.clone();
    if !banners.is_empty() {
        let cable = b
            .palette
            .material(b.materials, [40, 40, 44], 1.0, Finish::Satin);
        // One that would hang inside a booth is left out (the validator names it).
        let clear: Vec<_> = banners
            .into_iter()
            .filter(|banner| b.exhibition.banner_clash(banner).is_none())
            .collect();
        for banner in clear {
            let tall = banner.width / crate::content::clearance::BANNER_ASPECT;
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

    // The way in: arches over the entrances that have one, signposts and benches in the aisles.
    let banner = (banner_sign.clone(), banner_material.clone());
    for entrance in shell.entrances.iter().filter(|e| e.arch) {
        entrance_arch(b, entrance, &banner);
    }
    let furnishing = b.exhibition.hall.shell.furnishing.clone();
    for (index, post) in furnishing.signposts.iter().enumerate() {
        signpost(b, index, post);
    }
    for seat in &furnishing.benches {
        bench(b, seat);
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

/// The arrow that shows a visitor reading `post` the way to `destination` (hall metres): up is
/// straight on past the sign, down back the way they came.
pub fn arrow_towards(post: &Signpost, destination: Vec2) -> char {
    const ARROWS: [char; 8] = ['↑', '↗', '→', '↘', '↓', '↙', '←', '↖'];
    let to = destination - Vec2::new(post.x, post.z);
    let compass = to.x.atan2(-to.y).to_degrees();
    // The reader faces the sign, so they look the opposite way to its face.
    let ahead = post.bearing + 180.0;
    let relative = (compass - ahead).rem_euclid(360.0);
    ARROWS[((relative + 22.5) / 45.0) as usize % 8]
}

/// A bench: a slatted seat on two steel frames.
fn bench(b: &mut Builder, bench: &Bench) {
    let wood = b
        .palette
        .material(b.materials, [156, 112, 70], 1.0, Finish::Satin);
    let steel = b
        .palette
        .material(b.materials, [60, 62, 68], 1.0, Finish::Satin);
    let root = b
        .commands
        .spawn((
            Name::new("Bench"),
            BuiltScene,
            Transform::from_xyz(bench.x, 0.0, bench.z).with_rotation(facing_bearing(bench.bearing)),
            Visibility::default(),
        ))
        .id();
    let (depth, height) = (size::BENCH_DEPTH, size::BENCH_HEIGHT);
    let slats = 3;
    let slat = depth / slats as f32;
    let mut parts = Vec::new();
    for i in 0..slats {
        let z = -depth / 2.0 + slat * (i as f32 + 0.5);
        parts.push((
            wood.clone(),
            Transform::from_xyz(0.0, height - 0.02, z).with_scale(Vec3::new(
                bench.length,
                0.04,
                slat - 0.02,
            )),
        ));
    }
    for side in [-1.0, 1.0] {
        parts.push((
            steel.clone(),
            Transform::from_xyz(
                side * (bench.length / 2.0 - 0.15),
                (height - 0.04) / 2.0,
                0.0,
            )
            .with_scale(Vec3::new(0.05, height - 0.04, depth - 0.04)),
        ));
    }
    b.boxes(root, parts);
}

/// A signpost: a dark totem printed on its face with the way to each part of the hall.
fn signpost(b: &mut Builder, index: usize, post: &Signpost) {
    use size::{SIGNPOST_DEPTH, SIGNPOST_HEIGHT, SIGNPOST_WIDTH};
    let body = b.palette.material(b.materials, RED_RGB, 1.0, Finish::Satin);
    let root = b
        .commands
        .spawn((
            Name::new("Signpost"),
            BuiltScene,
            Transform::from_xyz(post.x, 0.0, post.z).with_rotation(facing_bearing(post.bearing)),
            Visibility::default(),
        ))
        .id();
    b.commands.spawn((
        Mesh3d(b.palette.cube.clone()),
        MeshMaterial3d(body),
        Transform::from_xyz(0.0, SIGNPOST_HEIGHT / 2.0, 0.0).with_scale(Vec3::new(
            SIGNPOST_WIDTH,
            SIGNPOST_HEIGHT,
            SIGNPOST_DEPTH,
        )),
        ChildOf(root),
    ));
    // The printed face at eye height, on the upper half of the totem.
    let (face_w, face_h) = (SIGNPOST_WIDTH - 0.1, 1.3);
    let (sign, material) = b.sign(
        SignKind::Signpost(index),
        320,
        (320.0 * face_h / face_w) as u32,
        false,
    );
    b.commands.spawn((
        sign,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(material),
        Transform::from_xyz(
            0.0,
            SIGNPOST_HEIGHT - 0.1 - face_h / 2.0,
            SIGNPOST_DEPTH / 2.0 + 0.005,
        )
        .with_scale(Vec3::new(face_w, face_h, 1.0)),
        ChildOf(root),
    ));
}

/// An arch inside an entrance: two pillars beside the opening and a header printed on both
/// faces with the exhibition's title (the hall banner's texture).
fn entrance_arch(b: &mut Builder, entrance: &Entrance, banner: &(Sign, Handle<StandardMaterial>)) {
    let shell = &b.exhibition.hall.shell;
    let (middle, inward, pillars) = footprint::entrance_arch(shell.width, shell.depth, entrance);
    let red = b.palette.material(b.materials, RED_RGB, 1.0, Finish::Satin);
    let span = entrance.width + 2.0 * size::ARCH_PILLAR;
    let header = span * 384.0 / 2048.0;
    let top = size::ARCH_CLEARANCE + header;
    for pillar in pillars {
        let centre = pillar.center();
        b.commands.spawn((
            Name::new("Arch pillar"),
            BuiltScene,
            Mesh3d(b.palette.cube.clone()),
            MeshMaterial3d(red.clone()),
            Transform::from_xyz(centre.x, top / 2.0, centre.y).with_scale(Vec3::new(
                size::ARCH_PILLAR,
                top,
                size::ARCH_PILLAR,
            )),
        ));
    }
    // The header's face looks into the hall; its back out of the entrance.
    let facing = Quat::from_rotation_arc(Vec3::Z, Vec3::new(inward.x, 0.0, inward.y));
    let root = b
        .commands
        .spawn((
            Name::new("Entrance arch"),
            BuiltScene,
            Transform::from_xyz(middle.x, size::ARCH_CLEARANCE + header / 2.0, middle.y)
                .with_rotation(facing),
            Visibility::default(),
        ))
        .id();
    b.commands.spawn((
        Mesh3d(b.palette.cube.clone()),
        MeshMaterial3d(red),
        Transform::from_scale(Vec3::new(span, header, 0.3)),
        ChildOf(root),
    ));
    let (sign, material) = banner;
    for (turn, offset) in [(0.0, 0.16), (std::f32::consts::PI, -0.16)] {
        b.commands.spawn((
            sign.clone(),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material.clone()),
            Transform::from_xyz(0.0, 0.0, offset)
                .with_rotation(Quat::from_rotation_y(turn))
                .with_scale(Vec3::new(span - 0.2, header - 0.1, 1.0)),
            ChildOf(root),
        ));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signpost_points_ahead_right_left_and_back_as_its_reader_sees_it() {
        // The sign faces south: its reader looks north.
        let post = Signpost {
            x: 0.0,
            z: 0.0,
            bearing: 180.0,
        };
        assert_eq!(arrow_towards(&post, Vec2::new(0.0, -10.0)), '↑');
        assert_eq!(arrow_towards(&post, Vec2::new(10.0, 0.0)), '→');
        assert_eq!(arrow_towards(&post, Vec2::new(-10.0, 0.0)), '←');
        assert_eq!(arrow_towards(&post, Vec2::new(0.0, 10.0)), '↓');
        assert_eq!(arrow_towards(&post, Vec2::new(10.0, -10.0)), '↗');
        // Turned to face east, its reader looks west: north is on their right.
        let east = Signpost {
            bearing: 90.0,
            ..post
        };
        assert_eq!(arrow_towards(&east, Vec2::new(0.0, -10.0)), '→');
        assert_eq!(arrow_towards(&east, Vec2::new(-10.0, 0.0)), '↑');
    }
}
