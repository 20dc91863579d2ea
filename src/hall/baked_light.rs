//! The low tier's shading. On software rendering Bevy's standard (PBR) shader is most of a
//! frame, even for unlit materials (docs/benchmarks.md: its opaque pass was 100 of 170 ms at
//! 640 × 360), so the low tier draws every standard material in the scene with a
//! [`BakedLight`] copy: the same colour, texture, alpha and glow, lit by a Lambert term from the
//! hall's own key light and ambient, darkened where upright surfaces meet the floor, and fogged
//! like the rest (`baked_light.wgsl`). The standard materials stay the one description that
//! everything else builds and edits (slideshows, scrolling text, repainted models): a copy
//! follows its original's edits, and leaving the low tier puts the originals back.

use std::collections::HashMap;

use bevy::{
    asset::embedded_asset,
    mesh::MeshVertexBufferLayoutRef,
    pbr::{MaterialPipeline, MaterialPipelineKey},
    prelude::*,
    render::render_resource::{
        AsBindGroup, Face, RenderPipelineDescriptor, ShaderType, SpecializedMeshPipelineError,
    },
    shader::ShaderRef,
};

use crate::quality::{Quality, QualityTier};

pub(super) fn plugin(app: &mut App) {
    // Headless apps (the tests) have no renderer: they keep the swap, without the pipeline.
    if app.is_plugin_added::<bevy::render::RenderPlugin>() {
        embedded_asset!(app, "baked_light.wgsl");
        app.add_plugins(MaterialPlugin::<BakedLight>::default());
    }
    app.init_resource::<BakedCopies>().add_systems(
        PostUpdate,
        (follow_originals, paint_for_tier)
            .chain()
            .run_if(resource_exists::<Assets<BakedLight>>),
    );
}

/// The low tier's material: a standard material's colour, texture, alpha and glow, shaded
/// without PBR.
#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
#[bind_group_data(BakedLightKey)]
pub struct BakedLight {
    #[uniform(0)]
    pub shading: BakedShading,
    #[texture(1)]
    #[sampler(2)]
    pub texture: Option<Handle<Image>>,
    pub alpha_mode: AlphaMode,
    pub cull_mode: Option<Face>,
}

/// The uniform `baked_light.wgsl` reads.
#[derive(Debug, Clone, Copy, PartialEq, ShaderType)]
pub struct BakedShading {
    /// Linear RGBA.
    pub base_color: Vec4,
    /// Linear RGB; alpha is how much the camera's exposure applies (the standard material's
    /// `emissive_exposure_weight`).
    pub emissive: Vec4,
    pub uv_transform: Mat3,
    pub flags: u32,
    pub alpha_cutoff: f32,
    pub metallic: f32,
}

/// The flags, as `baked_light.wgsl` names them too.
impl BakedShading {
    pub const UNLIT: u32 = 1;
    pub const ALPHA_MASK: u32 = 2;
    pub const TEXTURED: u32 = 4;
}

/// What the pipeline depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BakedLightKey {
    cull_mode: Option<Face>,
}

impl From<&BakedLight> for BakedLightKey {
    fn from(material: &BakedLight) -> Self {
        BakedLightKey {
            cull_mode: material.cull_mode,
        }
    }
}

impl From<&StandardMaterial> for BakedLight {
    fn from(standard: &StandardMaterial) -> Self {
        let mut flags = 0;
        if standard.unlit {
            flags |= BakedShading::UNLIT;
        }
        if standard.base_color_texture.is_some() {
            flags |= BakedShading::TEXTURED;
        }
        let alpha_cutoff = match standard.alpha_mode {
            AlphaMode::Mask(cutoff) => {
                flags |= BakedShading::ALPHA_MASK;
                cutoff
            }
            _ => 0.5,
        };
        // See-through glass shows its front only: a blended back face is a second layer of
        // overdraw that software rendering pays for in full.
        let cull_mode = match standard.alpha_mode {
            AlphaMode::Blend => Some(Face::Back),
            _ => standard.cull_mode,
        };
        BakedLight {
            shading: BakedShading {
                base_color: standard.base_color.to_linear().to_vec4(),
                emissive: standard
                    .emissive
                    .to_vec3()
                    .extend(standard.emissive_exposure_weight),
                uv_transform: standard.uv_transform.into(),
                flags,
                alpha_cutoff,
                metallic: standard.metallic,
            },
            texture: standard.base_color_texture.clone(),
            alpha_mode: standard.alpha_mode,
            cull_mode,
        }
    }
}

impl Material for BakedLight {
    fn fragment_shader() -> ShaderRef {
        "embedded://expo_hall/hall/baked_light.wgsl".into()
    }

    fn alpha_mode(&self) -> AlphaMode {
        self.alpha_mode
    }

    // Nothing on the low tier casts shadows or needs a prepass.
    fn enable_prepass() -> bool {
        false
    }

    fn enable_shadows() -> bool {
        false
    }

    fn specialize(
        _pipeline: &MaterialPipeline,
        descriptor: &mut RenderPipelineDescriptor,
        _layout: &MeshVertexBufferLayoutRef,
        key: MaterialPipelineKey<Self>,
    ) -> Result<(), SpecializedMeshPipelineError> {
        descriptor.primitive.cull_mode = key.bind_group_data.cull_mode;
        Ok(())
    }
}

/// The standard material an entity's [`BakedLight`] copy stands for.
#[derive(Component, Debug, Clone)]
pub struct BakedFrom(pub Handle<StandardMaterial>);

/// One copy per standard material, shared like the originals are.
#[derive(Resource, Debug, Default)]
struct BakedCopies(HashMap<AssetId<StandardMaterial>, Handle<BakedLight>>);

/// On the low tier every mesh with a standard material gets its copy (new meshes as they
/// appear: after a rebuild, a model's spawn); leaving it gives the originals back. Nothing is
/// visited per frame once the scene is painted.
fn paint_for_tier(
    mut commands: Commands,
    tier: Option<Res<QualityTier>>,
    standard: Res<Assets<StandardMaterial>>,
    mut baked: ResMut<Assets<BakedLight>>,
    mut copies: ResMut<BakedCopies>,
    to_bake: Query<(Entity, &MeshMaterial3d<StandardMaterial>)>,
    to_restore: Query<(Entity, &BakedFrom)>,
) {
    let Some(tier) = tier else { return };
    if tier.quality == Quality::Low {
        for (entity, material) in &to_bake {
            let Some(original) = standard.get(&material.0) else {
                continue;
            };
            let copy = copies
                .0
                .entry(material.0.id())
                .or_insert_with(|| baked.add(BakedLight::from(original)))
                .clone();
            commands
                .entity(entity)
                .remove::<MeshMaterial3d<StandardMaterial>>()
                .insert((MeshMaterial3d(copy), BakedFrom(material.0.clone())));
        }
    } else if tier.is_changed() {
        for (entity, from) in &to_restore {
            commands
                .entity(entity)
                .remove::<(MeshMaterial3d<BakedLight>, BakedFrom)>()
                .insert(MeshMaterial3d(from.0.clone()));
        }
        copies.0.clear();
    }
}

/// An edited standard material (a slideshow's next slide, a rolling page) updates its copy; a
/// dropped one drops it.
fn follow_originals(
    mut events: MessageReader<AssetEvent<StandardMaterial>>,
    standard: Res<Assets<StandardMaterial>>,
    mut baked: ResMut<Assets<BakedLight>>,
    mut copies: ResMut<BakedCopies>,
) {
    for event in events.read() {
        match event {
            AssetEvent::Modified { id } => {
                if let Some(copy) = copies.0.get(id)
                    && let Some(original) = standard.get(*id)
                    && let Some(mut material) = baked.get_mut(copy)
                {
                    *material = BakedLight::from(original);
                }
            }
            AssetEvent::Removed { id } | AssetEvent::Unused { id } => {
                copies.0.remove(id);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_keeps_colour_texture_alpha_and_glow_and_drops_double_sided_glass() {
        let texture = Handle::<Image>::default();
        let sign = StandardMaterial {
            base_color: Color::srgb(1.0, 0.5, 0.0),
            base_color_texture: Some(texture.clone()),
            alpha_mode: AlphaMode::Mask(0.3),
            unlit: true,
            uv_transform: bevy::math::Affine2::from_scale(Vec2::new(2.0, 3.0)),
            ..default()
        };
        let copy = BakedLight::from(&sign);
        assert_eq!(
            copy.shading.flags,
            BakedShading::UNLIT | BakedShading::TEXTURED | BakedShading::ALPHA_MASK
        );
        assert_eq!(copy.shading.alpha_cutoff, 0.3);
        assert_eq!(copy.texture, Some(texture));
        assert_eq!(copy.shading.uv_transform.x_axis.x, 2.0);
        assert_eq!(copy.shading.uv_transform.y_axis.y, 3.0);
        assert!((copy.shading.base_color.y - 0.214).abs() < 0.01, "linear");

        let glass = StandardMaterial {
            base_color: Color::srgba(0.8, 0.9, 1.0, 0.3),
            alpha_mode: AlphaMode::Blend,
            double_sided: true,
            cull_mode: None,
            emissive: LinearRgba::rgb(2.0, 0.0, 0.0),
            metallic: 0.9,
            ..default()
        };
        let copy = BakedLight::from(&glass);
        assert_eq!(copy.shading.flags, 0);
        assert_eq!(copy.cull_mode, Some(Face::Back));
        assert_eq!(copy.alpha_mode, AlphaMode::Blend);
        assert_eq!(copy.shading.emissive.x, 2.0);
        assert_eq!(copy.shading.metallic, 0.9);

        let open_cloth = StandardMaterial {
            cull_mode: None,
            ..default()
        };
        assert_eq!(BakedLight::from(&open_cloth).cull_mode, None);
    }
}
