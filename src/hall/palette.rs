//! Shared meshes and materials: every wall, plinth and truss of the same kind uses one mesh and
//! one material (scaled by its transform), so the renderer batches them; and the one way a
//! generated picture (sign, floor plan, cloth) becomes a texture.

use std::collections::HashMap;

use bevy::{
    asset::RenderAssetUsages,
    image::{ImageAddressMode, ImageFilterMode, ImageSampler, ImageSamplerDescriptor},
    math::Affine2,
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

/// Like [`gpu_image`], with the full chain of smaller copies (mipmaps, each the average of four
/// pixels of the one above) so the picture stays calm far away and at a grazing angle instead of
/// shimmering; `repeat` tiles it across a surface (carpet) instead of stretching it once.
pub fn mipmapped_image(width: u32, height: u32, pixels: Vec<u8>, repeat: bool) -> Image {
    let (mut w, mut h) = (width.max(1), height.max(1));
    let mut levels = 1;
    let mut data = pixels;
    let mut level_start = 0;
    while w > 1 || h > 1 {
        let (next_w, next_h) = ((w / 2).max(1), (h / 2).max(1));
        let above = data[level_start..].to_vec();
        level_start = data.len();
        for y in 0..next_h {
            for x in 0..next_w {
                let mut sum = [0u32; 4];
                for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                    let (sx, sy) = ((2 * x + dx).min(w - 1), (2 * y + dy).min(h - 1));
                    let i = ((sy * w + sx) * 4) as usize;
                    for (channel, total) in sum.iter_mut().enumerate() {
                        *total += above[i + channel] as u32;
                    }
                }
                data.extend(sum.map(|total| (total / 4) as u8));
            }
        }
        (w, h, levels) = (next_w, next_h, levels + 1);
    }
    let mut image = Image::new_uninit(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.data = Some(data);
    image.texture_descriptor.mip_level_count = levels;
    let address = if repeat {
        ImageAddressMode::Repeat
    } else {
        ImageAddressMode::ClampToEdge
    };
    image.sampler = ImageSampler::Descriptor(ImageSamplerDescriptor {
        address_mode_u: address,
        address_mode_v: address,
        mag_filter: ImageFilterMode::Linear,
        min_filter: ImageFilterMode::Linear,
        mipmap_filter: ImageFilterMode::Linear,
        ..default()
    });
    image
}

/// How many metres of carpet one copy of the carpet texture covers.
const CARPET_TILE: f32 = 0.5;

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
    /// The carpet's pile, shared by every carpet; one material per colour and size.
    carpet_pile: Option<Handle<Image>>,
    carpets: HashMap<([u8; 3], [u32; 2]), Handle<StandardMaterial>>,
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
            carpet_pile: None,
            carpets: HashMap::new(),
        }
    }

    /// The shared material of a carpet in `rgb` covering the top of a unit cube scaled to
    /// `size` (width × depth, metres): the pile texture repeats every half metre.
    pub fn carpet(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        images: &mut Assets<Image>,
        rgb: [u8; 3],
        size: Vec2,
    ) -> Handle<StandardMaterial> {
        let pile = self
            .carpet_pile
            .get_or_insert_with(|| {
                let (side, pixels) = super::textiles::carpet_pile();
                images.add(mipmapped_image(side, side, pixels, true))
            })
            .clone();
        let key = (rgb, [(size.x * 100.0) as u32, (size.y * 100.0) as u32]);
        self.carpets
            .entry(key)
            .or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: Color::srgb_u8(rgb[0], rgb[1], rgb[2]),
                    base_color_texture: Some(pile),
                    uv_transform: Affine2::from_scale(size / CARPET_TILE),
                    perceptual_roughness: 0.95,
                    reflectance: 0.2,
                    ..default()
                })
            })
            .clone()
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

/// A repeatable pseudo-random value in 0..=1 for an integer grid cell: grain in generated
/// textures (concrete, carpet pile).
pub fn cell_noise(x: i32, y: i32) -> f32 {
    let mut n = (x as u32).wrapping_mul(374_761_393) ^ (y as u32).wrapping_mul(668_265_263);
    n = (n ^ (n >> 13)).wrapping_mul(1_274_126_177);
    ((n >> 24) & 0xff) as f32 / 255.0
}

/// Lightens (`amount` > 0) or darkens an sRGB colour.
pub fn shade(rgb: [u8; 3], amount: f32) -> [u8; 3] {
    rgb.map(|c| {
        let c = c as f32;
        let target = if amount >= 0.0 { 255.0 } else { 0.0 };
        (c + (target - c) * amount.abs()).round() as u8
    })
}
