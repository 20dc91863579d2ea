//! Model files in the scene once they have spawned: repainted in one finish where the content
//! asks ([`Refinish`]), and drawn only within a distance of the camera ([`DetailRange`]), so a
//! hall ten times larger does not draw ten times the plants and figures.

use bevy::{
    camera::visibility::VisibilityRange, prelude::*, world_serialization::WorldInstanceReady,
};

pub(super) fn plugin(app: &mut App) {
    app.add_observer(dress_model);
}

/// A model's scene, to be repainted in one material once it has spawned.
#[derive(Component, Debug, Clone)]
pub struct Refinish(pub Handle<StandardMaterial>);

/// How far from the camera a model's meshes are drawn, in metres.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct DetailRange(pub f32);

impl DetailRange {
    /// Figures, plants and objects on stands: a few pixels tall beyond this in a walk view.
    pub const SMALL: DetailRange = DetailRange(40.0);

    /// An exhibit's own parts (plinths, cases, screens, captions): a few pixels wide beyond this
    /// even in the overview at 1280 × 720. The shipped hall's overview sees all of them, a hall
    /// ten times larger shows its far stands without their exhibits.
    pub const EXHIBIT: DetailRange = DetailRange(150.0);

    /// The same range for a mesh the hall builds itself.
    pub fn for_mesh(self) -> VisibilityRange {
        VisibilityRange::abrupt(0.0, self.0)
    }
}

/// Gives every mesh of a spawned model its [`Refinish`] material and its [`DetailRange`].
fn dress_model(
    ready: On<WorldInstanceReady>,
    models: Query<(Option<&Refinish>, Option<&DetailRange>)>,
    children: Query<&Children>,
    mut meshes: Query<&mut MeshMaterial3d<StandardMaterial>>,
    mut commands: Commands,
) {
    let Ok((refinish, range)) = models.get(ready.entity) else {
        return;
    };
    for entity in children.iter_descendants(ready.entity) {
        let Ok(mut material) = meshes.get_mut(entity) else {
            continue;
        };
        if let Some(Refinish(paint)) = refinish {
            material.0 = paint.clone();
        }
        if let Some(DetailRange(far)) = range {
            commands.entity(entity).insert(DetailRange(*far).for_mesh());
        }
    }
}
