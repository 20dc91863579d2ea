//! Booths: one per footprint, built from the zone's booth data. Shell-scheme booths get back
//! and side walls under a fascia; open ones a back wall with a sign on top; tower booths add a
//! sign tower. Every booth shows its flag (pavilions) or the sector colour (China).

use bevy::prelude::*;

use super::{
    BoothEntity, Builder, BuiltScene, SignKind,
    palette::{Finish, shade},
};
use crate::content::{
    footprint::{booth_walls, open_header_half_widths, size},
    layout::Footprint,
    model::{BoothStyle, Colour, ZoneKind},
};

const WALL_HEIGHT: f32 = size::BOOTH_WALL_HEIGHT;
const WALL_THICKNESS: f32 = size::BOOTH_WALL_THICKNESS;
/// How far a booth's corner plants stand in from its front corners, metres.
const PLANT_INSET: f32 = 0.5;
/// The host's yellow beside a sector's colour in the band along its back wall.
const SECTOR_BAND: [u8; 3] = [255, 214, 0];

pub fn build(b: &mut Builder) {
    let footprints = b.exhibition.footprints.clone();
    for footprint in &footprints {
        build_booth(b, footprint);
    }
}

fn build_booth(b: &mut Builder, footprint: &Footprint) {
    let area = &footprint.area;
    let Some(zone_index) = b.exhibition.zone_index(&area.zone) else {
        return;
    };
    let Some(style) = b.exhibition.booth(area).map(|booth| booth.style) else {
        return;
    };
    let main = b.exhibition.area_colour(area);
    let (flag, stripes) = match &b.exhibition.zones[zone_index].kind {
        ZoneKind::Pavilion(p) => (
            p.flag_image.clone(),
            p.flag_colours.iter().map(Colour::rgb).collect(),
        ),
        ZoneKind::Host { .. } => (None, vec![main, SECTOR_BAND]),
    };
    let (w, d) = (footprint.width, footprint.depth);
    let root = b
        .commands
        .spawn((
            Name::new(format!("Booth {area}")),
            BuiltScene,
            BoothEntity {
                area: footprint.area.clone(),
                zone: zone_index,
            },
            Transform::from_xyz(footprint.centre.x, 0.0, footprint.centre.y)
                .with_rotation(Quat::from_rotation_y(footprint.yaw())),
            Visibility::default(),
        ))
        .id();
    let wall = b
        .palette
        .material(b.materials, [246, 245, 241], 1.0, Finish::Matte);
    let side_wall = b
        .palette
        .material(b.materials, shade(main, 0.6), 1.0, Finish::Matte);
    let accent = b.palette.material(b.materials, main, 1.0, Finish::Satin);
    let trim = b
        .palette
        .material(b.materials, shade(main, -0.3), 1.0, Finish::Satin);
    if let Some(plant) = b.exhibition.hall.shell.furnishing.booth_plant.clone() {
        // A potted plant inside each front corner, clear of the aisle.
        for side in [-1.0, 1.0] {
            let scene = b.model(&plant);
            b.commands.spawn((
                Name::new("Plant"),
                scene,
                Transform::from_xyz(side * (w / 2.0 - PLANT_INSET), 0.0, d / 2.0 - PLANT_INSET)
                    .with_scale(Vec3::splat(0.9)),
                ChildOf(root),
                super::models::DetailRange::SMALL,
            ));
        }
    }
    let cube = b.palette.cube.clone();
    let mut parts: Vec<(Handle<StandardMaterial>, Transform)> = Vec::new();
    for (index, wall_box) in booth_walls(style, w, d).into_iter().enumerate() {
        let (centre, half) = (wall_box.centre, wall_box.half);
        let material = if index == 0 {
            wall.clone()
        } else {
            side_wall.clone()
        };
        parts.push((
            material,
            Transform::from_xyz(centre.x, WALL_HEIGHT / 2.0, centre.y).with_scale(Vec3::new(
                half.x * 2.0,
                WALL_HEIGHT,
                half.y * 2.0,
            )),
        ));
    }
    // A band of the flag's colours along the top of the back wall.
    let band_h = 0.35;
    let n = stripes.len().max(1) as f32;
    for (i, colour) in stripes.iter().enumerate() {
        let material = b.palette.material(b.materials, *colour, 1.0, Finish::Satin);
        let x = -w / 2.0 + w * (i as f32 + 0.5) / n;
        parts.push((
            material,
            Transform::from_xyz(
                x,
                WALL_HEIGHT - band_h / 2.0,
                -d / 2.0 + WALL_THICKNESS + 0.01,
            )
            .with_scale(Vec3::new(w / n, band_h, 0.02)),
        ));
    }
    // Carpet edge trim at the front.
    parts.push((
        trim.clone(),
        Transform::from_xyz(0.0, 0.03, d / 2.0 - 0.05).with_scale(Vec3::new(w, 0.06, 0.1)),
    ));
    let (sign_y, sign_z, sign_w) = match style {
        BoothStyle::ShellScheme | BoothStyle::Tower => {
            // Fascia beam across the front, carried by the side walls.
            parts.push((
                accent.clone(),
                Transform::from_xyz(0.0, WALL_HEIGHT + 0.35, d / 2.0 - 0.1)
                    .with_scale(Vec3::new(w, 0.7, 0.2)),
            ));
            for sign in [-1.0, 1.0] {
                parts.push((
                    accent.clone(),
                    Transform::from_xyz(
                        sign * (w / 2.0 - 0.1),
                        (WALL_HEIGHT + 0.7) / 2.0,
                        d / 2.0 - 0.1,
                    )
                    .with_scale(Vec3::new(0.2, WALL_HEIGHT + 0.7, 0.2)),
                ));
            }
            (WALL_HEIGHT + 0.35, d / 2.0 + 0.005, (w - 0.6).min(7.0))
        }
        BoothStyle::Open => {
            // A header panel standing on the back wall, its sign above whatever stands in
            // front of it (up to the highest a header goes; the validator names the rest).
            let bottom = b
                .exhibition
                .open_sign_bottom(area)
                .unwrap_or(size::HEADER_HIGHEST);
            let top = bottom + size::HEADER_SIGN_HEIGHT + size::HEADER_PANEL_MARGIN;
            let (panel_half, sign_half) = open_header_half_widths(w);
            parts.push((
                accent.clone(),
                Transform::from_xyz(0.0, (WALL_HEIGHT + top) / 2.0, -d / 2.0 + 0.05)
                    .with_scale(Vec3::new(panel_half * 2.0, top - WALL_HEIGHT, 0.12)),
            ));
            (
                bottom + size::HEADER_SIGN_HEIGHT / 2.0,
                -d / 2.0 + 0.115,
                sign_half * 2.0,
            )
        }
    };
    if style == BoothStyle::Tower {
        parts.push((
            accent.clone(),
            Transform::from_xyz(-w / 2.0 + 0.7, 2.75, -d / 2.0 + 0.7)
                .with_scale(Vec3::new(1.2, 5.5, 1.2)),
        ));
    }
    for (material, transform) in parts {
        b.commands.spawn((
            Mesh3d(cube.clone()),
            MeshMaterial3d(material),
            transform,
            ChildOf(root),
        ));
    }
    // The name sign (clicking it opens the pavilion panel).
    let sign_h = if style == BoothStyle::Open {
        size::HEADER_SIGN_HEIGHT
    } else {
        0.6
    };
    let (sign, material) = b.sign(
        SignKind::Fascia {
            area: footprint.area.clone(),
        },
        1024,
        (1024.0 * sign_h / sign_w) as u32,
        false,
    );
    b.commands.spawn((
        Name::new(format!("Sign {}", footprint.area)),
        sign,
        super::FasciaSign,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(material),
        Transform::from_xyz(0.0, sign_y, sign_z).with_scale(Vec3::new(sign_w, sign_h, 1.0)),
        ChildOf(root),
    ));
    // The flag, framed, high on the back wall.
    if let Some(flag) = flag {
        let material = b.palette.picture(b.materials, b.assets, &flag);
        let flag_w = 1.6;
        let x = if style == BoothStyle::Tower {
            -w / 2.0 + 0.7
        } else {
            w / 2.0 - 1.4
        };
        let (y, z) = if style == BoothStyle::Tower {
            (4.6, -d / 2.0 + 1.31)
        } else {
            (2.05, -d / 2.0 + WALL_THICKNESS + 0.02)
        };
        b.commands.spawn((
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material),
            Transform::from_xyz(x, y, z).with_scale(Vec3::new(
                if style == BoothStyle::Tower {
                    1.0
                } else {
                    flag_w
                },
                if style == BoothStyle::Tower {
                    0.75
                } else {
                    flag_w * 0.75
                },
                1.0,
            )),
            ChildOf(root),
        ));
    }
}
