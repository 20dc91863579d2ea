// The low tier's shading (hall/baked_light.rs): the base colour and texture lit by the hall's own
// key light (Lambert) and ambient, the contact shadow where a surface meets the floor, the
// material's glow and the camera's linear fog. No PBR, no clustered lights, no shadow maps: on
// software rendering this costs a tenth of Bevy's standard shader.
#import bevy_pbr::{
    forward_io::VertexOutput,
    mesh_view_bindings::{view, lights},
}
#ifdef DISTANCE_FOG
#import bevy_pbr::mesh_view_bindings::fog
#endif

struct BakedLight {
    base_color: vec4<f32>,
    emissive: vec4<f32>,
    uv_transform: mat3x3<f32>,
    flags: u32,
    alpha_cutoff: f32,
    metallic: f32,
};

// The flags, as `BakedShading` in baked_light.rs names them.
const UNLIT: u32 = 1u;
const ALPHA_MASK: u32 = 2u;
const TEXTURED: u32 = 4u;
const FOG_MODE_LINEAR: u32 = 1u;
const PI: f32 = 3.141592653589793;
// How much an upright surface darkens at floor level.
const CONTACT_SHADOW: f32 = 0.35;

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> material: BakedLight;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var base_texture: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var base_sampler: sampler;

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    var colour = material.base_color;
#ifdef VERTEX_UVS_A
    if (material.flags & TEXTURED) != 0u {
        let uv = (material.uv_transform * vec3(in.uv, 1.0)).xy;
        colour *= textureSample(base_texture, base_sampler, uv);
    }
#endif
#ifdef VERTEX_COLORS
    colour *= in.color;
#endif
    if (material.flags & ALPHA_MASK) != 0u && colour.a < material.alpha_cutoff {
        discard;
    }
    var rgb = colour.rgb;
    if (material.flags & UNLIT) == 0u {
        let normal = normalize(in.world_normal);
        var light = lights.ambient_color.rgb;
        if lights.n_directional_lights > 0u {
            let key = lights.directional_lights[0];
            let facing = max(dot(normal, key.direction_to_light), 0.0);
            light += key.color.rgb * facing / PI;
            // Metal catches the key light as a broad highlight instead of diffusing it.
            let view_dir = normalize(view.world_position - in.world_position.xyz);
            let half_way = normalize(view_dir + key.direction_to_light);
            let highlight = pow(max(dot(normal, half_way), 0.0), 24.0);
            light += key.color.rgb * highlight * material.metallic;
        }
        // Upright surfaces darken where they meet the floor: the ambient occlusion of a wall
        // foot, baked as a function of height.
        let upright = 1.0 - abs(normal.y);
        let foot = 1.0 - CONTACT_SHADOW * upright
            * (1.0 - smoothstep(0.0, 0.45, in.world_position.y));
        let glow = material.emissive.rgb * mix(1.0, view.exposure, material.emissive.a);
        rgb = rgb * light * view.exposure * foot + glow;
    }
#ifdef DISTANCE_FOG
    if fog.mode == FOG_MODE_LINEAR {
        let distance = length(in.world_position.xyz - view.world_position);
        let amount = fog.base_color.a
            * (1.0 - clamp((fog.be.y - distance) / (fog.be.y - fog.be.x), 0.0, 1.0));
        rgb = mix(rgb, fog.base_color.rgb, amount);
    }
#endif
    return vec4(rgb, colour.a);
}
