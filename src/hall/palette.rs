//! Shared meshes and materials: every wall, plinth and truss of the same kind uses one mesh and
//! one material (scaled by its transform), so the renderer batches them; and the one way a
//! generated picture (sign, floor plan, cloth) becomes a texture.

use std::collections::HashMap;

use bevy::{
    asset::RenderAssetUsages,
    prelude::*,
    render::render_resource::{Extent3d, TextureDimension, TextureFormat},
};

/// Generated RGBA8 sRGB pixels, `width` × `height`, as a texture kept on the GPU only: the hall
/// draws it once per build and replaces the whole image on a redraw.
pub fn gpu_image(width: u32, height: u32, pixels: Vec<u8>) -> Image {
    Image::new(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        pixels,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    )
}

/// Unit-sized meshes and a cache of plain-colour materials.
#[derive(Resource, Debug, Clone)]
pub struct Palette {
    /// 1 × 1 × 1 box centred on its origin.
    pub cube: Handle<Mesh>,
    /// Radius 1.
    pub sphere: Handle<Mesh>,
    /// Radius 1, height 1, centred.
    pub cylinder: Handle<Mesh>,
    /// Radius 1, height 1, centred.
    pub cone: Handle<Mesh>,
    /// 1 × 1 quad in the XY plane facing +z (signs, screens).
    pub quad: Handle<Mesh>,
    /// Flat ring of outer radius 1 on the floor (hover ring).
    pub disc: Handle<Mesh>,
    materials: HashMap<(u32, u8), Handle<StandardMaterial>>,
    /// One material per picture file (flags), however many booths show it.
    pictures: HashMap<String, Handle<StandardMaterial>>,
}

/// How a plain-colour surface reflects light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Finish {
    Matte,
    Satin,
    Metal,
    Glass,
    Glow,
}

impl Palette {
    pub fn new(meshes: &mut Assets<Mesh>) -> Self {
        Palette {
            cube: meshes.add(Cuboid::new(1.0, 1.0, 1.0)),
            sphere: meshes.add(Sphere::new(1.0).mesh().uv(24, 16)),
            cylinder: meshes.add(Cylinder::new(1.0, 1.0)),
            cone: meshes.add(Cone::new(1.0, 1.0)),
            quad: meshes.add(Rectangle::new(1.0, 1.0)),
            disc: meshes.add(Annulus::new(0.86, 1.0).mesh().resolution(48)),
            materials: HashMap::new(),
            pictures: HashMap::new(),
        }
    }

    /// The shared material showing the picture at content path `path` (a flag on a back wall).
    pub fn picture(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        assets: &AssetServer,
        path: &str,
    ) -> Handle<StandardMaterial> {
        self.pictures
            .entry(path.to_owned())
            .or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color_texture: Some(assets.load(path.to_owned())),
                    perceptual_roughness: 0.7,
                    ..default()
                })
            })
            .clone()
    }

    /// The shared material for a colour and finish; `alpha` below 1 makes it see-through.
    pub fn material(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        rgb: [u8; 3],
        alpha: f32,
        finish: Finish,
    ) -> Handle<StandardMaterial> {
        let alpha_byte = (alpha.clamp(0.0, 1.0) * 255.0) as u8;
        let key = (
            u32::from_be_bytes([rgb[0], rgb[1], rgb[2], alpha_byte]),
            finish as u8,
        );
        self.materials
            .entry(key)
            .or_insert_with(|| {
                let colour = Color::srgba_u8(rgb[0], rgb[1], rgb[2], alpha_byte);
                let (roughness, metallic, reflectance) = match finish {
                    Finish::Matte => (0.9, 0.0, 0.3),
                    Finish::Satin => (0.5, 0.0, 0.5),
                    Finish::Metal => (0.35, 0.9, 0.5),
                    Finish::Glass => (0.05, 0.0, 0.8),
                    Finish::Glow => (1.0, 0.0, 0.0),
                };
                materials.add(StandardMaterial {
                    base_color: colour,
                    perceptual_roughness: roughness,
                    metallic,
                    reflectance,
                    emissive: if finish == Finish::Glow {
                        LinearRgba::from(colour) * 2.0
                    } else {
                        LinearRgba::BLACK
                    },
                    alpha_mode: if alpha_byte < 255 {
                        AlphaMode::Blend
                    } else {
                        AlphaMode::Opaque
                    },
                    double_sided: alpha_byte < 255,
                    cull_mode: if alpha_byte < 255 {
                        None
                    } else {
                        Some(bevy::render::render_resource::Face::Back)
                    },
                    ..default()
                })
            })
            .clone()
    }
}

/// Lightens (`amount` > 0) or darkens an sRGB colour.
pub fn shade(rgb: [u8; 3], amount: f32) -> [u8; 3] {
    rgb.map(|c| {
        let c = c as f32;
        let target = if amount >= 0.0 { 255.0 } else { 0.0 };
        (c + (target - c) * amount.abs()).round() as u8
    })
}
