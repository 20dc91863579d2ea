//! Booths: one per footprint, built from the zone's booth data. Shell-scheme booths get back
//! and side walls under a fascia; open ones a back wall with a sign on top; tower booths add a
//! sign tower. Every booth shows its flag (pavilions) or the sector colour (China). The hall's
//! stand kit adds a carpeted platform, an info counter with a stool, and a rail of spotlights.

use bevy::{light::NotShadowCaster, prelude::*};

use super::{
    BoothEntity, Builder, BuiltScene, SignKind, floor,
    models::DetailRange,
    palette::{Finish, shade},
};
use crate::content::{
    footprint::{booth_walls, open_header_half_widths, size},
    layout::Footprint,
    model::{BoothStyle, Colour, NATIVE_NAME_ASPECT, StandKit, ZoneKind},
};

const WALL_HEIGHT: f32 = size::BOOTH_WALL_HEIGHT;
/// From a fascia's or header's outer edge to its ends' slots: the side posts carrying a fascia
/// (or an open booth's header's margin), and a margin inside them.
const HEADER_EDGE: f32 = 0.3;
/// Lettering on a stand's colour when that colour is too pale for its own shade or white.
const CHARCOAL: [u8; 3] = [48, 50, 56];
const WALL_THICKNESS: f32 = size::BOOTH_WALL_THICKNESS;
/// Spacing of the spotlights along a booth's light rail, metres.
const SPOT_SPACING: f32 = 1.5;
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
    // Print on the white back wall: the booth's colour, or charcoal when that is too pale.
    let ink = if is_pale(main) {
        CHARCOAL
    } else {
        shade(main, -0.15)
    };
    let zone = &b.exhibition.zones[zone_index];
    let (flag, stripes, native_print) = match &zone.kind {
        ZoneKind::Pavilion(p) => (
            p.flag_image.clone(),
            p.flag_colours.iter().map(Colour::rgb).collect(),
            b.exhibition
                .shown_native_name(zone)
                .map(|n| n.print.clone()),
        ),
        ZoneKind::Host { .. } => (None, vec![main, SECTOR_BAND], None),
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
    let kit = b.exhibition.hall.shell.furnishing.stand.clone();
    let platform = b.exhibition.platform_height();
    let counter = b.exhibition.counter(area);
    if let Some(plant) = b.exhibition.hall.shell.furnishing.booth_plant.clone() {
        // A potted plant inside each front corner the counter leaves free, clear of the aisle.
        for side in [-1.0, 1.0] {
            if counter.is_some_and(|c| c.x * side > 0.0) {
                continue;
            }
            let scene = b.model(&plant);
            b.commands.spawn((
                Name::new("Plant"),
                scene,
                Transform::from_xyz(
                    side * (w / 2.0 - size::PLANT_INSET),
                    platform,
                    d / 2.0 - size::PLANT_INSET,
                )
                .with_scale(Vec3::splat(0.9)),
                ChildOf(root),
                DetailRange::SMALL,
            ));
        }
    }
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
    // A band of the flag's colours along the top of the back wall (an island has none).
    let band_h = 0.35;
    let n = stripes.len().max(1) as f32;
    let back_wall_stripes = if style == BoothStyle::Island {
        &[][..]
    } else {
        &stripes[..]
    };
    for (i, colour) in back_wall_stripes.iter().enumerate() {
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
    if kit.is_some() {
        // The raised platform, carpeted in the booth's colour, with an edge profile at the front.
        let carpet_colour = floor::carpet_colour(b.exhibition, area);
        let carpet = b
            .palette
            .carpet(b.materials, b.images, carpet_colour, Vec2::new(w, d));
        let thickness = platform.max(0.005);
        parts.push((
            carpet,
            Transform::from_xyz(0.0, thickness / 2.0, 0.0).with_scale(Vec3::new(w, thickness, d)),
        ));
        parts.push((
            trim.clone(),
            Transform::from_xyz(0.0, (thickness + 0.01) / 2.0, d / 2.0).with_scale(Vec3::new(
                w,
                thickness + 0.01,
                0.03,
            )),
        ));
    } else {
        // Carpet edge trim at the front.
        parts.push((
            trim.clone(),
            Transform::from_xyz(0.0, 0.03, d / 2.0 - 0.05).with_scale(Vec3::new(w, 0.06, 0.1)),
        ));
    }
    // A stand wide enough carries its flag and its name in the country's own script at the ends
    // of its fascia or header, beside the name sign, where nothing on the stand can stand in
    // front of them (an open booth's header rises above what does); a narrow one prints them on
    // the back wall.
    let with_ends = b.exhibition.header_has_ends(area);
    let (sign_y, sign_z, sign_w) = match style {
        BoothStyle::ShellScheme | BoothStyle::Tower => {
            // Fascia beam across the front, carried by the side walls.
            parts.push((
                accent.clone(),
                Transform::from_xyz(0.0, WALL_HEIGHT + size::FASCIA_HEIGHT / 2.0, d / 2.0 - 0.1)
                    .with_scale(Vec3::new(w, size::FASCIA_HEIGHT, 0.2)),
            ));
            for sign in [-1.0, 1.0] {
                parts.push((
                    accent.clone(),
                    Transform::from_xyz(
                        sign * (w / 2.0 - 0.1),
                        (WALL_HEIGHT + size::FASCIA_HEIGHT) / 2.0,
                        d / 2.0 - 0.1,
                    )
                    .with_scale(Vec3::new(
                        0.2,
                        WALL_HEIGHT + size::FASCIA_HEIGHT,
                        0.2,
                    )),
                ));
            }
            let ends = if with_ends {
                2.0 * size::HEADER_END
            } else {
                0.0
            };
            (
                WALL_HEIGHT + 0.35,
                d / 2.0 + 0.005,
                (w - 0.6 - ends).min(7.0),
            )
        }
        BoothStyle::Island => {
            // A header hung above the middle of the stand on two cables, the sign on its front
            // and (below) again on its back, above anything that stands on the stand.
            let header_w = (w - 2.0).min(14.0);
            let y = size::ISLAND_HEADER_BOTTOM + size::ISLAND_HEADER_HEIGHT / 2.0;
            parts.push((
                accent.clone(),
                Transform::from_xyz(0.0, y, 0.0).with_scale(Vec3::new(
                    header_w,
                    size::ISLAND_HEADER_HEIGHT,
                    0.2,
                )),
            ));
            for side in [-1.0, 1.0] {
                parts.push((
                    trim.clone(),
                    Transform::from_xyz(
                        side * (header_w / 2.0 - 0.4),
                        size::ISLAND_HEADER_BOTTOM + size::ISLAND_HEADER_HEIGHT + 2.0,
                        0.0,
                    )
                    .with_scale(Vec3::new(0.03, 4.0, 0.03)),
                ));
            }
            (y, 0.105, header_w - 0.4)
        }
        BoothStyle::Open => {
            // A header panel standing on the back wall, its sign above whatever stands in
            // front of it (up to the highest a header goes; the validator names the rest).
            let bottom = b
                .exhibition
                .open_sign_bottom(area)
                .unwrap_or(size::HEADER_HIGHEST);
            let top = bottom + size::HEADER_SIGN_HEIGHT + size::HEADER_PANEL_MARGIN;
            let (panel_half, sign_half) = open_header_half_widths(w, with_ends);
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
            Transform::from_xyz(-w / 2.0 + 0.7, size::TOWER_HEIGHT / 2.0, -d / 2.0 + 0.7)
                .with_scale(Vec3::new(1.2, size::TOWER_HEIGHT, 1.2)),
        ));
    }
    if let Some(kit) = &kit {
        if kit.light_rail {
            light_rail(b, root, style, w, d);
        }
        if let Some(at) = counter {
            let stripe = stripes.get(1).copied().unwrap_or(SECTOR_BAND);
            info_counter(
                b,
                &mut parts,
                root,
                kit,
                at,
                platform,
                main,
                stripe,
                flag.as_deref(),
            );
        }
    }
    b.boxes(root, parts);
    // The name sign (clicking it opens the pavilion panel).
    let sign_h = if matches!(style, BoothStyle::Open | BoothStyle::Island) {
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
    if style == BoothStyle::Island {
        // The same sign on the header's back (the texture is shared: a redraw shows on both).
        b.commands.spawn((
            Name::new(format!("Sign {} (back)", footprint.area)),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material.clone()),
            Transform::from_xyz(0.0, sign_y, -sign_z)
                .with_rotation(Quat::from_rotation_y(std::f32::consts::PI))
                .with_scale(Vec3::new(sign_w, sign_h, 1.0)),
            ChildOf(root),
        ));
    }
    b.commands.spawn((
        Name::new(format!("Sign {}", footprint.area)),
        sign,
        super::FasciaSign,
        Mesh3d(b.palette.quad.clone()),
        MeshMaterial3d(material),
        Transform::from_xyz(0.0, sign_y, sign_z).with_scale(Vec3::new(sign_w, sign_h, 1.0)),
        ChildOf(root),
    ));
    if with_ends {
        header_ends(
            b,
            root,
            w,
            (sign_y, sign_z + 0.001),
            main,
            flag.as_deref(),
            native_print.as_deref(),
        );
        if style == BoothStyle::Tower {
            // The tower keeps its flag too, above everything on the stand.
            back_wall_graphics(b, root, style, (w, d), ink, flag.as_deref(), None);
        }
    } else {
        back_wall_graphics(
            b,
            root,
            style,
            (w, d),
            ink,
            flag.as_deref(),
            native_print.as_deref(),
        );
    }
}

/// The flag at the left end of the fascia or header and the name in the country's own script
/// at its right, each in a [`size::HEADER_END`] beside the name sign (centred at `y`, in the
/// sign's plane `z`): cut-out letters in white on the stand's colour (charcoal when pale).
fn header_ends(
    b: &mut Builder,
    root: Entity,
    w: f32,
    (y, z): (f32, f32),
    main: [u8; 3],
    flag: Option<&str>,
    native_print: Option<&str>,
) {
    let centre = w / 2.0 - HEADER_EDGE - size::HEADER_END / 2.0;
    if let Some(flag) = flag {
        let material = b.palette.picture(b.materials, b.assets, flag);
        let height = 0.46;
        b.commands.spawn((
            Name::new("Header flag"),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material),
            Transform::from_xyz(-centre, y, z).with_scale(Vec3::new(height * 1.5, height, 1.0)),
            ChildOf(root),
        ));
        // A white mount round it, so a flag in the stand's own colours stands out.
        let mount = b
            .palette
            .material(b.materials, [246, 245, 241], 1.0, Finish::Matte);
        let border = 0.04;
        b.commands.spawn((
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(mount),
            Transform::from_xyz(-centre, y, z - 0.002).with_scale(Vec3::new(
                height * 1.5 + 2.0 * border,
                height + 2.0 * border,
                1.0,
            )),
            ChildOf(root),
        ));
    }
    if let Some(print) = native_print {
        let print_w = (0.42 * NATIVE_NAME_ASPECT).min(size::HEADER_END - 0.2);
        let ink = if is_pale(main) {
            CHARCOAL
        } else {
            [255, 255, 255]
        };
        let material = lettering(b, print, ink);
        b.commands.spawn((
            Name::new("Native name"),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material),
            Transform::from_xyz(centre, y, z).with_scale(Vec3::new(
                print_w,
                print_w / NATIVE_NAME_ASPECT,
                1.0,
            )),
            ChildOf(root),
        ));
    }
}

/// Whether a colour is too pale to print on white or to carry white letters.
fn is_pale(rgb: [u8; 3]) -> bool {
    0.2126 * rgb[0] as f32 + 0.7152 * rgb[1] as f32 + 0.0722 * rgb[2] as f32 > 170.0
}

/// Letters cut from a print (an image whose alpha is the lettering), in `ink`.
fn lettering(b: &mut Builder, print: &str, ink: [u8; 3]) -> Handle<StandardMaterial> {
    b.materials.add(StandardMaterial {
        base_color: Color::srgb_u8(ink[0], ink[1], ink[2]),
        base_color_texture: Some(b.assets.load(print.to_owned())),
        alpha_mode: AlphaMode::Mask(0.5),
        perceptual_roughness: 0.8,
        ..default()
    })
}

/// The name in the country's own script printed high on the back wall in the booth's colour
/// (`ink`), and the flag framed on the other side.
fn back_wall_graphics(
    b: &mut Builder,
    root: Entity,
    style: BoothStyle,
    (w, d): (f32, f32),
    ink: [u8; 3],
    flag: Option<&str>,
    native_print: Option<&str>,
) {
    if let Some(print) = native_print {
        let (print_h, margin) = (0.5, 0.4);
        let print_w = (print_h * NATIVE_NAME_ASPECT).min(w / 2.0 - margin);
        let x = if style == BoothStyle::Tower {
            w / 2.0 - margin - print_w / 2.0
        } else {
            -w / 2.0 + margin + print_w / 2.0
        };
        let material = lettering(b, print, ink);
        b.commands.spawn((
            Name::new("Native name"),
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material),
            Transform::from_xyz(
                x,
                WALL_HEIGHT - 0.35 - 0.1 - print_h / 2.0,
                -d / 2.0 + WALL_THICKNESS + 0.015,
            )
            .with_scale(Vec3::new(print_w, print_w / NATIVE_NAME_ASPECT, 1.0)),
            ChildOf(root),
        ));
    }
    // The flag, framed, high on the back wall (on the side away from the name).
    if let Some(flag) = flag {
        let material = b.palette.picture(b.materials, b.assets, flag);
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

/// A rail of spotlights: under the fascia facing into the booth, or along the top of an open
/// booth's back wall facing out.
fn light_rail(b: &mut Builder, root: Entity, style: BoothStyle, w: f32, d: f32) {
    let metal = b
        .palette
        .material(b.materials, [52, 54, 58], 1.0, Finish::Satin);
    let lens = b
        .palette
        .material(b.materials, [255, 236, 200], 1.0, Finish::Glow);
    let (y, z, tilt) = match style {
        BoothStyle::ShellScheme | BoothStyle::Tower => (WALL_HEIGHT - 0.03, d / 2.0 - 0.3, 35.0),
        BoothStyle::Open => (WALL_HEIGHT + 0.05, -d / 2.0 + 0.35, -35.0_f32),
        // Under the hanging header, lighting the front half of the stand.
        BoothStyle::Island => (size::ISLAND_HEADER_BOTTOM - 0.05, 0.3, 35.0),
    };
    let length = w - 0.6;
    b.commands.spawn((
        Mesh3d(b.palette.cube.clone()),
        MeshMaterial3d(metal.clone()),
        Transform::from_xyz(0.0, y, z).with_scale(Vec3::new(length, 0.04, 0.04)),
        NotShadowCaster,
        DetailRange::SMALL.for_mesh(),
        ChildOf(root),
    ));
    let mut parts = Vec::new();
    let count = (length / SPOT_SPACING).floor().max(1.0) as usize;
    let turn = Quat::from_rotation_x(tilt.to_radians());
    for i in 0..count {
        let x = -length / 2.0 + length * (i as f32 + 0.5) / count as f32;
        let head = Vec3::new(x, y - 0.1, z);
        parts.push((
            metal.clone(),
            Transform::from_translation(head)
                .with_rotation(turn)
                .with_scale(Vec3::new(0.06, 0.18, 0.06)),
        ));
        parts.push((
            lens.clone(),
            Transform::from_translation(head + turn * Vec3::new(0.0, -0.091, 0.0))
                .with_rotation(turn)
                .with_scale(Vec3::new(0.05, 0.005, 0.05)),
        ));
    }
    // Small fittings high up: their shadows on the floor would read as dirt, and from far away
    // they are a few pixels (drawn within the small-detail range only).
    for (material, transform) in parts {
        b.commands.spawn((
            Mesh3d(b.palette.cylinder.clone()),
            MeshMaterial3d(material),
            transform,
            NotShadowCaster,
            DetailRange::SMALL.for_mesh(),
            ChildOf(root),
        ));
    }
}

/// The info counter at booth-local `at` (facing the front): a white body under a dark top, a
/// front panel in the booth's colour with the flag, leaflets on top and a stool behind.
fn info_counter(
    b: &mut Builder,
    parts: &mut Vec<(Handle<StandardMaterial>, Transform)>,
    root: Entity,
    kit: &StandKit,
    at: Vec2,
    platform: f32,
    main: [u8; 3],
    stripe: [u8; 3],
    flag: Option<&str>,
) {
    use size::{COUNTER_DEPTH as DEPTH, COUNTER_HEIGHT as HEIGHT, COUNTER_WIDTH as WIDTH};
    let body = b
        .palette
        .material(b.materials, [246, 245, 241], 1.0, Finish::Satin);
    let top = b
        .palette
        .material(b.materials, [44, 46, 52], 1.0, Finish::Satin);
    let panel = b.palette.material(b.materials, main, 1.0, Finish::Satin);
    let leaflet = b.palette.material(b.materials, stripe, 1.0, Finish::Matte);
    let base = Vec3::new(at.x, platform, at.y);
    parts.push((
        body,
        Transform::from_translation(base + Vec3::Y * (HEIGHT - 0.04) / 2.0).with_scale(Vec3::new(
            WIDTH,
            HEIGHT - 0.04,
            DEPTH,
        )),
    ));
    parts.push((
        top,
        Transform::from_translation(base + Vec3::new(0.0, HEIGHT - 0.02, 0.0))
            .with_scale(Vec3::new(WIDTH + 0.06, 0.04, DEPTH + 0.06)),
    ));
    let front = DEPTH / 2.0 + 0.01;
    let panel_height = HEIGHT - 0.3;
    parts.push((
        panel.clone(),
        Transform::from_translation(base + Vec3::new(0.0, 0.15 + panel_height / 2.0, front))
            .with_scale(Vec3::new(WIDTH - 0.12, panel_height, 0.02)),
    ));
    // Two stacks of leaflets in a tilted holder at the counter's front edge.
    for (i, material) in [panel, leaflet].into_iter().enumerate() {
        let x = (i as f32 - 0.5) * 0.26;
        parts.push((
            material,
            Transform::from_translation(base + Vec3::new(x, HEIGHT + 0.13, DEPTH / 2.0 - 0.12))
                .with_rotation(Quat::from_rotation_x(-0.3))
                .with_scale(Vec3::new(0.21, 0.28, 0.03)),
        ));
    }
    if let Some(flag) = flag {
        let material = b.palette.picture(b.materials, b.assets, flag);
        b.commands.spawn((
            Mesh3d(b.palette.quad.clone()),
            MeshMaterial3d(material),
            Transform::from_translation(
                base + Vec3::new(0.0, 0.15 + panel_height / 2.0, front + 0.011),
            )
            .with_scale(Vec3::new(0.48, 0.32, 1.0)),
            ChildOf(root),
        ));
    }
    if let Some(stool) = &kit.stool {
        let scene = b.model(stool);
        b.commands.spawn((
            Name::new("Stool"),
            scene,
            Transform::from_translation(base - Vec3::Z * (DEPTH / 2.0 + 0.35)),
            ChildOf(root),
            DetailRange::SMALL,
        ));
    }
}
