//! Exhibit displays: each exhibit becomes a small group of shared meshes by its `display`
//! (plinth, showcase, wall panel, screens, hanging textile, statistic board, composed model)
//! and the content's model files, placed in its booth by the data.

use bevy::prelude::*;

use super::{
    Builder, BuiltScene, ExhibitEntity, SignKind,
    models::{DetailRange, Refinish},
    palette::{Finish, shade},
    textiles,
};
use crate::content::{
    exhibition::ExhibitRef,
    footprint::{model_surface, screen_grid, size::*, textile_top},
    model::{Colour, Display, ModelFinish, PlacedModel, Shape, TextilePattern},
};

pub fn build(b: &mut Builder) {
    let refs: Vec<ExhibitRef> = b.exhibition.exhibit_refs().collect();
    for at in refs {
        build_exhibit(b, at);
    }
}

/// Where an exhibit's display stands, in hall coordinates.
pub fn exhibit_transform(b: &Builder, at: ExhibitRef) -> Option<Transform> {
    let exhibit = b.exhibition.exhibit(at);
    let footprint = b.exhibition.footprint(&b.exhibition.area_of(at))?;
    let hall = footprint.to_hall(Vec2::new(exhibit.place.x, exhibit.place.z));
    Some(
        Transform::from_xyz(hall.x, b.exhibition.platform_height(), hall.y).with_rotation(
            Quat::from_rotation_y(footprint.yaw() + exhibit.place.turn.to_radians()),
        ),
    )
}

fn build_exhibit(b: &mut Builder, at: ExhibitRef) {
    let Some(transform) = exhibit_transform(b, at) else {
        return;
    };
    let exhibit = b.exhibition.exhibit(at).clone();
    let root = b
        .commands
        .spawn((
            Name::new(format!("Exhibit {}", exhibit.id)),
            BuiltScene,
            ExhibitEntity(at),
            transform,
            Visibility::default(),
        ))
        .id();
    let white = b
        .palette
        .material(b.materials, [244, 243, 239], 1.0, Finish::Satin);
    let dark = b
        .palette
        .material(b.materials, [38, 40, 46], 1.0, Finish::Satin);
    let glass = b
        .palette
        .material(b.materials, [210, 230, 240], 0.22, Finish::Glass);
    let mut parts: Vec<(Handle<Mesh>, Handle<StandardMaterial>, Transform)> = Vec::new();
    let cube = b.palette.cube.clone();
    match &exhibit.display {
        Display::Plinth { colour, models } => {
            let metal = b
                .palette
                .material(b.materials, colour.rgb(), 1.0, Finish::Metal);
            parts.push((
                cube.clone(),
                white.clone(),
                Transform::from_xyz(0.0, PLINTH_HEIGHT / 2.0, 0.0).with_scale(Vec3::new(
                    PLINTH_SIDE,
                    PLINTH_HEIGHT,
                    PLINTH_SIDE,
                )),
            ));
            if !models.is_empty() {
                spawn_models(b, root, models, model_surface(&exhibit.display));
            } else {
                // A small sculpture: a base, a body and a crown reaching the top.
                parts.push((
                    b.palette.cylinder.clone(),
                    metal.clone(),
                    Transform::from_xyz(0.0, PLINTH_HEIGHT + 0.05, 0.0)
                        .with_scale(Vec3::new(0.22, 0.1, 0.22)),
                ));
                parts.push((
                    b.palette.sphere.clone(),
                    metal.clone(),
                    Transform::from_xyz(0.0, 1.32, 0.0).with_scale(Vec3::new(0.2, 0.24, 0.14)),
                ));
                parts.push((
                    b.palette.cone.clone(),
                    metal,
                    Transform::from_xyz(0.05, SCULPTURE_TOP - 0.1, 0.0)
                        .with_scale(Vec3::new(0.08, 0.2, 0.08)),
                ));
            }
        }
        Display::Showcase { colour, models } => {
            parts.push((
                cube.clone(),
                white.clone(),
                Transform::from_xyz(0.0, SHOWCASE_BASE / 2.0, 0.0).with_scale(Vec3::new(
                    SHOWCASE_WIDTH,
                    SHOWCASE_BASE,
                    SHOWCASE_DEPTH,
                )),
            ));
            let boxes: &[f32] = if models.is_empty() {
                &[-0.35, 0.0, 0.35]
            } else {
                spawn_models(b, root, models, model_surface(&exhibit.display));
                &[]
            };
            for (i, &x) in boxes.iter().enumerate() {
                let tint = b.palette.material(
                    b.materials,
                    shade(colour.rgb(), i as f32 * 0.15),
                    1.0,
                    Finish::Metal,
                );
                parts.push((
                    cube.clone(),
                    tint,
                    Transform::from_xyz(x, SHOWCASE_BASE + 0.1, 0.0).with_scale(Vec3::new(
                        0.2,
                        0.18 + i as f32 * 0.04,
                        0.16,
                    )),
                ));
            }
            parts.push((
                cube.clone(),
                glass.clone(),
                Transform::from_xyz(0.0, SHOWCASE_BASE + SHOWCASE_HOOD / 2.0, 0.0).with_scale(
                    Vec3::new(SHOWCASE_WIDTH - 0.02, SHOWCASE_HOOD, SHOWCASE_DEPTH - 0.02),
                ),
            ));
        }
        Display::WallPanel => {
            parts.push((
                cube.clone(),
                white.clone(),
                Transform::from_xyz(0.0, PANEL_HEIGHT / 2.0, 0.0).with_scale(Vec3::new(
                    PANEL_WIDTH,
                    PANEL_HEIGHT,
                    BOARD_THICKNESS,
                )),
            ));
            parts.extend(feet(&cube, &dark, PANEL_WIDTH, PANEL_FEET_DEPTH));
            let (sign, material) = b.sign(SignKind::Panel(at), 640, 880, false);
            spawn_sign(
                b,
                root,
                sign,
                material,
                Transform::from_xyz(0.0, 1.45, BOARD_THICKNESS / 2.0 + 0.002)
                    .with_scale(Vec3::new(1.64, 2.25, 1.0)),
            );
        }
        Display::Screen { count } => {
            let count = (*count).max(1);
            let (per_row, rows) = screen_grid(count);
            // With media the screens play them as a slideshow; without, the exhibit's title,
            // summary and description scroll through them.
            let (sign, material) = if exhibit.media.is_empty() {
                let page_height = (SCREEN_PIXELS.y as f32 * ScrollingText::PAGE_SCREENS) as u32;
                let (sign, material) =
                    b.sign(SignKind::Screen(at), SCREEN_PIXELS.x, page_height, true);
                if let Some(mut shown) = b.materials.get_mut(&material) {
                    // The top screenful until the page's size is known.
                    shown.uv_transform =
                        ScrollingText::window(0.0, 1.0 / ScrollingText::PAGE_SCREENS);
                }
                b.commands
                    .entity(root)
                    .insert(ScrollingText::new(material.clone()));
                (Some(sign), material)
            } else {
                let slides: Vec<Handle<Image>> = exhibit
                    .media
                    .iter()
                    .map(|m| b.assets.load(m.path.clone()))
                    .collect();
                let material = b.materials.add(StandardMaterial {
                    base_color_texture: Some(slides[0].clone()),
                    emissive_texture: Some(slides[0].clone()),
                    emissive: LinearRgba::gray(0.5),
                    unlit: true,
                    ..default()
                });
                b.commands
                    .entity(root)
                    .insert(Slideshow::new(slides, material.clone()));
                (None, material)
            };
            for i in 0..count {
                let (row, col) = (i / per_row, i % per_row);
                let in_row = if row + 1 == rows {
                    count - row * per_row
                } else {
                    per_row
                };
                let x = (col as f32 - (in_row as f32 - 1.0) / 2.0) * (SCREEN_WIDTH + SCREEN_GAP);
                let y = SCREEN_LOW_ROW + (rows - 1 - row) as f32 * (SCREEN_HEIGHT + SCREEN_ROW_GAP);
                parts.push((
                    cube.clone(),
                    dark.clone(),
                    Transform::from_xyz(x, y, 0.0).with_scale(Vec3::new(
                        SCREEN_WIDTH + SCREEN_BEZEL,
                        SCREEN_HEIGHT + SCREEN_BEZEL,
                        BOARD_THICKNESS,
                    )),
                ));
                let transform = Transform::from_xyz(x, y, BOARD_THICKNESS / 2.0 + 0.002)
                    .with_scale(Vec3::new(SCREEN_WIDTH, SCREEN_HEIGHT, 1.0));
                match &sign {
                    Some(sign) => spawn_sign(b, root, sign.clone(), material.clone(), transform),
                    None => {
                        b.commands.spawn(exhibit_mesh(
                            root,
                            b.palette.quad.clone(),
                            material.clone(),
                            transform,
                        ));
                    }
                }
            }
            // The stand: a post behind the screens on a base plate.
            parts.push((
                cube.clone(),
                dark.clone(),
                Transform::from_xyz(0.0, SCREEN_LOW_ROW / 2.0, -0.07).with_scale(Vec3::new(
                    0.12,
                    SCREEN_LOW_ROW,
                    0.08,
                )),
            ));
            parts.push((
                cube.clone(),
                dark.clone(),
                Transform::from_xyz(0.0, FOOT_HEIGHT / 2.0, 0.0).with_scale(Vec3::new(
                    SCREEN_BASE_WIDTH,
                    FOOT_HEIGHT,
                    SCREEN_BASE_DEPTH,
                )),
            ));
        }
        Display::HangingTextile {
            colours,
            width,
            height,
            pattern,
        } => {
            let bands: Vec<[u8; 3]> = colours.iter().map(Colour::rgb).collect();
            let top = textile_top(*height);
            let post_x = width / 2.0 + TEXTILE_POST_GAP;
            let wood = b
                .palette
                .material(b.materials, [120, 90, 60], 1.0, Finish::Satin);
            let rod = |y: f32, half_length: f32| {
                Transform::from_xyz(0.0, y, 0.0)
                    .with_rotation(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2))
                    .with_scale(Vec3::new(
                        TEXTILE_RAIL_RADIUS,
                        2.0 * half_length,
                        TEXTILE_RAIL_RADIUS,
                    ))
            };
            parts.push((b.palette.cylinder.clone(), wood.clone(), rod(top, post_x)));
            let cloth_top = top - 0.05;
            match pattern {
                TextilePattern::Scarves => {
                    // One scarf per colour with a gap between, lengths a little uneven, each
                    // with a darker fringe.
                    let count = bands.len().max(1);
                    let pitch = width / count as f32;
                    for (i, colour) in bands.iter().enumerate() {
                        let length = height * (0.86 + 0.14 * ((i * 7 % 5) as f32 / 4.0));
                        let x = -width / 2.0 + pitch * (i as f32 + 0.5);
                        let cloth = b.palette.material(b.materials, *colour, 1.0, Finish::Matte);
                        let fringe = b.palette.material(
                            b.materials,
                            shade(*colour, -0.3),
                            1.0,
                            Finish::Matte,
                        );
                        parts.push((
                            cube.clone(),
                            cloth,
                            Transform::from_xyz(x, cloth_top - length / 2.0, 0.0)
                                .with_scale(Vec3::new(pitch * 0.8, length, 0.015)),
                        ));
                        parts.push((
                            cube.clone(),
                            fringe,
                            Transform::from_xyz(x, cloth_top - length - 0.03, 0.0)
                                .with_scale(Vec3::new(pitch * 0.7, 0.06, 0.01)),
                        ));
                    }
                }
                TextilePattern::Bands | TextilePattern::Scroll => {
                    let picture = if *pattern == TextilePattern::Scroll {
                        // The painting's lower rod, just past the cloth's edges.
                        parts.push((
                            b.palette.cylinder.clone(),
                            wood,
                            rod(cloth_top - height, width / 2.0 + 0.06),
                        ));
                        textiles::scroll_image(&bands, *width, *height)
                    } else {
                        textiles::bands_image(&bands)
                    };
                    let cloth = b.images.add(picture);
                    let material = b.materials.add(StandardMaterial {
                        base_color_texture: Some(cloth),
                        perceptual_roughness: 0.95,
                        double_sided: true,
                        cull_mode: None,
                        ..default()
                    });
                    parts.push((
                        cube.clone(),
                        material,
                        Transform::from_xyz(0.0, cloth_top - height / 2.0, 0.0)
                            .with_scale(Vec3::new(*width, *height, 0.02)),
                    ));
                }
            }
            for sign in [-1.0, 1.0] {
                parts.push((
                    cube.clone(),
                    dark.clone(),
                    Transform::from_xyz(sign * post_x, top / 2.0, 0.0)
                        .with_scale(Vec3::new(0.05, top, 0.05)),
                ));
                parts.push((
                    cube.clone(),
                    dark.clone(),
                    Transform::from_xyz(sign * post_x, FOOT_HEIGHT / 2.0, 0.0)
                        .with_scale(Vec3::new(TEXTILE_FOOT, FOOT_HEIGHT, TEXTILE_FOOT)),
                ));
            }
        }
        Display::Statistic => {
            parts.push((
                cube.clone(),
                dark.clone(),
                Transform::from_xyz(0.0, BOARD_HEIGHT / 2.0, 0.0).with_scale(Vec3::new(
                    BOARD_WIDTH,
                    BOARD_HEIGHT,
                    BOARD_THICKNESS,
                )),
            ));
            parts.extend(feet(&cube, &dark, BOARD_WIDTH, BOARD_FEET_DEPTH));
            let (sign, material) = b.sign(SignKind::Statistic(at), 600, 880, false);
            spawn_sign(
                b,
                root,
                sign,
                material,
                Transform::from_xyz(0.0, 1.3, BOARD_THICKNESS / 2.0 + 0.002)
                    .with_scale(Vec3::new(1.5, 2.2, 1.0)),
            );
        }
        Display::Model { parts: model } => {
            for part in model {
                let alpha = 1.0 - part.transparency.clamp(0.0, 0.95);
                let finish = if alpha < 1.0 {
                    Finish::Glass
                } else {
                    Finish::Satin
                };
                let material = b
                    .palette
                    .material(b.materials, part.colour.rgb(), alpha, finish);
                let (mesh, scale) = match part.shape {
                    Shape::Box => (
                        cube.clone(),
                        Vec3::new(part.size.0, part.size.1, part.size.2),
                    ),
                    Shape::Sphere => (b.palette.sphere.clone(), Vec3::splat(part.size.0)),
                    Shape::Cylinder => (
                        b.palette.cylinder.clone(),
                        Vec3::new(part.size.0, part.size.1, part.size.0),
                    ),
                    Shape::Cone => (
                        b.palette.cone.clone(),
                        Vec3::new(part.size.0, part.size.1, part.size.0),
                    ),
                };
                parts.push((
                    mesh,
                    material,
                    Transform::from_xyz(part.at.0, part.at.1, part.at.2)
                        .with_rotation(part.rotation())
                        .with_scale(scale),
                ));
            }
        }
    }
    for (mesh, material, transform) in parts {
        b.commands
            .spawn(exhibit_mesh(root, mesh, material, transform));
    }
}

/// A screen's images shown in turn, [`Slideshow::SECONDS`] each.
#[derive(Component, Debug, Clone)]
pub struct Slideshow {
    pub slides: Vec<Handle<Image>>,
    pub material: Handle<StandardMaterial>,
    pub index: usize,
    pub shown_for: f32,
}

impl Slideshow {
    pub const SECONDS: f32 = 6.0;

    pub fn new(slides: Vec<Handle<Image>>, material: Handle<StandardMaterial>) -> Self {
        Slideshow {
            slides,
            material,
            index: 0,
            shown_for: 0.0,
        }
    }

    /// Advances the clock; returns the new slide's index when it changes.
    pub fn tick(&mut self, dt: f32) -> Option<usize> {
        self.shown_for += dt;
        if self.shown_for < Self::SECONDS || self.slides.len() < 2 {
            return None;
        }
        self.shown_for = 0.0;
        self.index = (self.index + 1) % self.slides.len();
        Some(self.index)
    }
}

/// Pixels of one screen's picture.
const SCREEN_PIXELS: UVec2 = UVec2::new(512, 296);

/// A screen's text, a page up to [`ScrollingText::PAGE_SCREENS`] screens tall (cut below its
/// text), rolling up through it: it rests at the top, rolls to the end, rests, and starts again.
#[derive(Component, Debug, Clone)]
pub struct ScrollingText {
    pub material: Handle<StandardMaterial>,
    /// Seconds of play, counted only while the screen is on screen.
    pub clock: f32,
}

impl ScrollingText {
    /// The tallest a page may be, in screens.
    pub const PAGE_SCREENS: f32 = 2.5;
    const REST: f32 = 5.0;
    const ROLL: f32 = 12.0;

    pub fn new(material: Handle<StandardMaterial>) -> Self {
        ScrollingText {
            material,
            clock: 0.0,
        }
    }

    /// How far down the page the screen shows at `clock` seconds, from 0 (the top) to 1 (the end).
    pub fn progress(clock: f32) -> f32 {
        let t = clock.rem_euclid(2.0 * Self::REST + Self::ROLL);
        ((t - Self::REST) / Self::ROLL).clamp(0.0, 1.0)
    }

    /// The part of the page a screen shows at `progress`, as a texture transform; `visible` is
    /// the share of the page's height one screen shows.
    pub fn window(progress: f32, visible: f32) -> bevy::math::Affine2 {
        let visible = visible.clamp(0.01, 1.0);
        bevy::math::Affine2::from_scale_angle_translation(
            Vec2::new(1.0, visible),
            0.0,
            Vec2::new(0.0, progress * (1.0 - visible)),
        )
    }
}

/// Whether any part of an exhibit was drawn in the last frame.
fn on_screen(children: &Children, shown: &Query<&ViewVisibility>) -> bool {
    children
        .iter()
        .any(|child| shown.get(child).is_ok_and(|visibility| visibility.get()))
}

/// Rolls the text of every screen that is on screen; the others wait where they are. The page's
/// height is read from its image, which a change of language redraws.
pub fn roll_screen_text(
    time: Res<Time>,
    mut screens: Query<(&mut ScrollingText, &Children)>,
    shown: Query<&ViewVisibility>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    images: Res<Assets<Image>>,
) {
    for (mut text, children) in &mut screens {
        if !on_screen(children, &shown) {
            continue;
        }
        text.clock += time.delta_secs();
        let progress = ScrollingText::progress(text.clock);
        // The page's size, which the tier's sign scale may have made smaller than the
        // screen's full pixels: the share of the page one screen shows.
        let screen_share = materials
            .get(&text.material)
            .and_then(|material| material.base_color_texture.as_ref())
            .and_then(|image| images.get(image))
            .map(|image| {
                let scale = image.width() as f32 / SCREEN_PIXELS.x as f32;
                SCREEN_PIXELS.y as f32 * scale / image.height() as f32
            });
        let Some(screen_share) = screen_share else {
            continue;
        };
        let window = ScrollingText::window(progress, screen_share);
        if materials
            .get(&text.material)
            .is_some_and(|material| material.uv_transform != window)
            && let Some(mut material) = materials.get_mut(&text.material)
        {
            material.uv_transform = window;
        }
    }
}

/// Shows the next slide on every screen on screen whose time is up.
pub fn advance_slideshows(
    time: Res<Time>,
    mut shows: Query<(&mut Slideshow, &Children)>,
    shown: Query<&ViewVisibility>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for (mut show, children) in &mut shows {
        if !on_screen(children, &shown) {
            continue;
        }
        if let Some(index) = show.tick(time.delta_secs())
            && let Some(mut material) = materials.get_mut(&show.material)
        {
            material.base_color_texture = Some(show.slides[index].clone());
            material.emissive_texture = Some(show.slides[index].clone());
        }
    }
}

/// Two feet under a board or panel of `width`, reaching `depth` front to back.
fn feet(
    cube: &Handle<Mesh>,
    material: &Handle<StandardMaterial>,
    width: f32,
    depth: f32,
) -> [(Handle<Mesh>, Handle<StandardMaterial>, Transform); 2] {
    [-1.0, 1.0].map(|sign| {
        (
            cube.clone(),
            material.clone(),
            Transform::from_xyz(sign * (width / 2.0 - FOOT_WIDTH), FOOT_HEIGHT / 2.0, 0.0)
                .with_scale(Vec3::new(FOOT_WIDTH, FOOT_HEIGHT, depth)),
        )
    })
}

fn spawn_sign(
    b: &mut Builder,
    root: Entity,
    sign: super::Sign,
    material: Handle<StandardMaterial>,
    transform: Transform,
) {
    let quad = b.palette.quad.clone();
    b.commands
        .spawn((sign, exhibit_mesh(root, quad, material, transform)));
}

/// One mesh of an exhibit under its `root`, drawn within the exhibit's detail range.
fn exhibit_mesh(
    root: Entity,
    mesh: Handle<Mesh>,
    material: Handle<StandardMaterial>,
    transform: Transform,
) -> impl Bundle {
    (
        Mesh3d(mesh),
        MeshMaterial3d(material),
        transform,
        ChildOf(root),
        DetailRange::EXHIBIT.for_mesh(),
    )
}

/// An exhibit's model files, standing on a surface `surface` metres above the exhibit's base.
fn spawn_models(b: &mut Builder, root: Entity, models: &[PlacedModel], surface: Option<f32>) {
    let surface = surface.unwrap_or(0.0);
    for model in models {
        let scene = b.model(&model.file);
        let mut entity = b.commands.spawn((
            Name::new(format!("Model {}", model.file)),
            scene,
            Transform::from_xyz(model.at.0, surface + model.at.1, model.at.2)
                .with_rotation(Quat::from_rotation_y(model.turn.to_radians()))
                .with_scale(Vec3::splat(model.scale)),
            ChildOf(root),
            DetailRange::SMALL,
        ));
        if let Some(finish) = &model.finish {
            let look = match finish {
                ModelFinish::Metal(_) => Finish::Metal,
                ModelFinish::Gloss(_) => Finish::Satin,
            };
            let material = b
                .palette
                .material(b.materials, finish.colour().rgb(), 1.0, look);
            entity.insert(Refinish(material));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slides_change_every_few_seconds_and_wrap_round() {
        let mut show = Slideshow::new(
            vec![Handle::default(), Handle::default(), Handle::default()],
            Handle::default(),
        );
        assert_eq!(show.tick(Slideshow::SECONDS - 0.1), None);
        assert_eq!(show.tick(0.2), Some(1));
        assert_eq!(show.tick(Slideshow::SECONDS), Some(2));
        assert_eq!(show.tick(Slideshow::SECONDS), Some(0));
        let mut single = Slideshow::new(vec![Handle::default()], Handle::default());
        assert_eq!(single.tick(100.0), None);
    }

    #[test]
    fn screen_text_rests_at_the_top_rolls_to_the_end_rests_and_starts_again() {
        let progress = ScrollingText::progress;
        assert_eq!(progress(0.0), 0.0);
        assert_eq!(progress(ScrollingText::REST), 0.0);
        let halfway = ScrollingText::REST + ScrollingText::ROLL / 2.0;
        assert!((progress(halfway) - 0.5).abs() < 1e-5);
        assert_eq!(
            progress(ScrollingText::REST + ScrollingText::ROLL + 1.0),
            1.0
        );
        let cycle = 2.0 * ScrollingText::REST + ScrollingText::ROLL;
        assert_eq!(progress(cycle + 1.0), 0.0);
        // The window is a screen's share of the page, from the top to the bottom.
        let top = ScrollingText::window(0.0, 0.4);
        let end = ScrollingText::window(1.0, 0.4);
        assert_eq!(top.transform_point2(Vec2::ZERO), Vec2::ZERO);
        assert!((end.transform_point2(Vec2::ONE) - Vec2::ONE).length() < 1e-5);
        assert!((top.transform_point2(Vec2::ONE).y - 0.4).abs() < 1e-5);
        // A page one screen tall stands still.
        assert_eq!(
            ScrollingText::window(0.7, 1.0),
            ScrollingText::window(0.0, 1.0)
        );
    }
}
