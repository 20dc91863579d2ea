//! What the content layer knows of model files (binary glTF, `.glb`) without loading them into
//! Bevy: whether one is whole and self-contained ([`check_glb`]), and the box its default scene
//! occupies ([`glb_bounds`]), from the min/max every glTF position accessor carries.

use bevy::math::{Affine3A, Mat4, Quat, Vec3};
use serde_json::Value;

/// The axis-aligned box a model occupies, in its own metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Vec3,
    pub max: Vec3,
}

impl Bounds {
    pub fn size(&self) -> Vec3 {
        self.max - self.min
    }

    /// The box after scaling by `scale`, turning `turn_degrees` about the vertical and moving
    /// by `offset` (the corners' box, as the model is placed on a stand).
    pub fn placed(&self, scale: f32, turn_degrees: f32, offset: Vec3) -> Bounds {
        let transform = Affine3A::from_scale_rotation_translation(
            Vec3::splat(scale),
            Quat::from_rotation_y(turn_degrees.to_radians()),
            offset,
        );
        corners_box(self, transform).unwrap_or(*self)
    }
}

/// The JSON chunk of a binary glTF 2.0 file, after checking the header and the declared length.
fn json_chunk(bytes: &[u8]) -> Result<Value, String> {
    let word = |at: usize| -> Option<u32> {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    if bytes.get(0..4) != Some(b"glTF".as_slice()) {
        return Err("is not a binary glTF file (.glb): it does not start with `glTF`".into());
    }
    if word(4) != Some(2) {
        return Err("is not glTF version 2".into());
    }
    if word(8).map(|n| n as usize) != Some(bytes.len()) {
        return Err(format!(
            "is cut short or padded: its header says {} bytes, the file has {}",
            word(8).unwrap_or(0),
            bytes.len()
        ));
    }
    const JSON_CHUNK: u32 = 0x4E4F_534A;
    let (Some(json_length), Some(JSON_CHUNK)) = (word(12), word(16)) else {
        return Err("has no JSON chunk first".into());
    };
    let json = bytes
        .get(20..20 + json_length as usize)
        .ok_or("has a JSON chunk longer than the file")?;
    serde_json::from_slice(json).map_err(|e| format!("has unreadable JSON: {e}"))
}

fn array<'a>(document: &'a Value, key: &str) -> &'a [Value] {
    document
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Checks that `bytes` are a whole, self-contained binary glTF 2.0 file with something to show:
/// the header, the declared length, a JSON chunk that parses, a scene and a mesh, no external
/// buffers, and positions whose bounds can be read. What Bevy's loader then reads is this file.
pub fn check_glb(bytes: &[u8]) -> Result<(), String> {
    glb_bounds(bytes).map(|_| ())
}

/// The box the default scene of a binary glTF occupies, or why the file cannot be shown.
pub fn glb_bounds(bytes: &[u8]) -> Result<Bounds, String> {
    let document = json_chunk(bytes)?;
    if array(&document, "scenes").is_empty() || array(&document, "meshes").is_empty() {
        return Err("has no scene or no mesh to show".into());
    }
    if array(&document, "buffers")
        .iter()
        .any(|buffer| buffer.get("uri").is_some())
    {
        return Err("refers to files outside itself (a .glb must carry its own buffers)".into());
    }
    let scene_index = document.get("scene").and_then(Value::as_u64).unwrap_or(0) as usize;
    let roots: Vec<usize> = array(&document, "scenes")
        .get(scene_index)
        .map(|scene| indices(scene.get("nodes")))
        .unwrap_or_default();
    let mut bounds: Option<Bounds> = None;
    // Depth-first over the node tree; the depth limit guards against cycles in a hostile file.
    let mut stack: Vec<(usize, Affine3A, usize)> = roots
        .into_iter()
        .map(|node| (node, Affine3A::IDENTITY, 0))
        .collect();
    while let Some((index, parent, depth)) = stack.pop() {
        if depth > 64 {
            return Err("has a node tree deeper than 64 levels (or a cycle)".into());
        }
        let node = array(&document, "nodes")
            .get(index)
            .ok_or_else(|| format!("names node {index}, which does not exist"))?;
        let transform = parent * node_transform(node);
        if let Some(mesh) = node.get("mesh").and_then(Value::as_u64) {
            let mesh = array(&document, "meshes")
                .get(mesh as usize)
                .ok_or_else(|| format!("names mesh {mesh}, which does not exist"))?;
            for primitive in array(mesh, "primitives") {
                let Some(accessor) = primitive
                    .get("attributes")
                    .and_then(|a| a.get("POSITION"))
                    .and_then(Value::as_u64)
                else {
                    continue;
                };
                let local = accessor_bounds(&document, accessor as usize)?;
                if let Some(placed) = corners_box(&local, transform) {
                    bounds = Some(match bounds {
                        Some(b) => Bounds {
                            min: b.min.min(placed.min),
                            max: b.max.max(placed.max),
                        },
                        None => placed,
                    });
                }
            }
        }
        for child in indices(node.get("children")) {
            stack.push((child, transform, depth + 1));
        }
    }
    bounds.ok_or_else(|| "has no mesh with positions in its scene".into())
}

fn indices(value: Option<&Value>) -> Vec<usize> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_u64)
                .map(|i| i as usize)
                .collect()
        })
        .unwrap_or_default()
}

fn floats<const N: usize>(value: Option<&Value>) -> Option<[f32; N]> {
    let items = value?.as_array()?;
    if items.len() != N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, item) in out.iter_mut().zip(items) {
        *slot = item.as_f64()? as f32;
    }
    Some(out)
}

fn node_transform(node: &Value) -> Affine3A {
    if let Some(matrix) = floats::<16>(node.get("matrix")) {
        return Affine3A::from_mat4(Mat4::from_cols_array(&matrix));
    }
    let translation = floats::<3>(node.get("translation")).map_or(Vec3::ZERO, Vec3::from_array);
    let rotation = floats::<4>(node.get("rotation")).map_or(Quat::IDENTITY, Quat::from_array);
    let scale = floats::<3>(node.get("scale")).map_or(Vec3::ONE, Vec3::from_array);
    Affine3A::from_scale_rotation_translation(scale, rotation, translation)
}

fn accessor_bounds(document: &Value, index: usize) -> Result<Bounds, String> {
    let accessor = array(document, "accessors")
        .get(index)
        .ok_or_else(|| format!("names accessor {index}, which does not exist"))?;
    match (
        floats::<3>(accessor.get("min")),
        floats::<3>(accessor.get("max")),
    ) {
        (Some(min), Some(max)) => Ok(Bounds {
            min: Vec3::from_array(min),
            max: Vec3::from_array(max),
        }),
        _ => Err(format!(
            "has positions (accessor {index}) without min and max"
        )),
    }
}

/// The box around `bounds`' eight corners after `transform`; `None` if a number is not finite.
fn corners_box(bounds: &Bounds, transform: Affine3A) -> Option<Bounds> {
    let (mut min, mut max) = (Vec3::INFINITY, Vec3::NEG_INFINITY);
    for i in 0..8 {
        let corner = Vec3::new(
            if i & 1 == 0 {
                bounds.min.x
            } else {
                bounds.max.x
            },
            if i & 2 == 0 {
                bounds.min.y
            } else {
                bounds.max.y
            },
            if i & 4 == 0 {
                bounds.min.z
            } else {
                bounds.max.z
            },
        );
        let placed = transform.transform_point3(corner);
        min = min.min(placed);
        max = max.max(placed);
    }
    (min.is_finite() && max.is_finite()).then_some(Bounds { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placed_box_turns_and_scales_about_its_base() {
        let unit = Bounds {
            min: Vec3::new(-0.5, 0.0, -1.0),
            max: Vec3::new(0.5, 2.0, 1.0),
        };
        let placed = unit.placed(0.5, 90.0, Vec3::new(0.0, 1.0, 0.0));
        assert!((placed.min - Vec3::new(-0.5, 1.0, -0.25)).length() < 1e-5);
        assert!((placed.max - Vec3::new(0.5, 2.0, 0.25)).length() < 1e-5);
    }
}
