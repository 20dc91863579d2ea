//! The look-around in an exhibit's panel: a second camera circles the exhibit whose panel is
//! open and draws it into a small picture the panel shows. Dragging turns it, the wheel or a
//! pinch zooms, and it starts again from the front each time a panel opens. The camera draws
//! only for a few frames after something changes, so an open panel costs nothing at rest.

use bevy::{
    camera::{ImageRenderTarget, RenderTarget},
    prelude::*,
    render::render_resource::TextureFormat,
};

use crate::{
    AppSystems,
    camera::{HallView, draw_for_tier},
    content::{
        exhibition::{ExhibitRef, Exhibition},
        footprint::display_extent,
        loading::CurrentExhibition,
    },
    interaction::{Panel, Selection},
    quality::{Quality, QualityTier},
    screens::Screen,
};

/// Public for the headless tests, which add it without the rest of the interface.
pub fn plugin(app: &mut App) {
    app.init_resource::<LookAround>()
        .add_message::<LookAroundInput>()
        .add_systems(
            Update,
            (follow_panel, steer, place_camera)
                .chain()
                .in_set(AppSystems::Camera)
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(OnExit(Screen::Hall), forget);
}

/// Frames drawn after a panel opens (while the scene's models may still be arriving) and after
/// each turn or zoom.
const FRAMES_AFTER_OPENING: u32 = 30;
const FRAMES_AFTER_MOVING: u32 = 3;
/// Width over height of the picture.
pub const ASPECT: f32 = 1.6;

/// What the look-around shows and where its picture is.
#[derive(Resource, Debug, Default)]
pub struct LookAround {
    /// The exhibit in the open panel and the view of it.
    pub showing: Option<(ExhibitRef, Orbit)>,
    /// The picture the camera draws into, made when the first panel opens.
    pub image: Option<Handle<Image>>,
    /// Frames left to draw before the camera rests.
    redraw: u32,
}

/// A visitor's hand on the look-around.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum LookAroundInput {
    /// A drag, in points: right turns the exhibit to the right, up looks from higher.
    Turn(Vec2),
    /// Above 1 comes closer.
    Zoom(f32),
    /// Back to the front view.
    Reset,
}

/// A camera circling a point: around the vertical (`yaw`), above the horizon (`pitch`), at a
/// distance; and the front view it started from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orbit {
    pub target: Vec3,
    pub yaw: f32,
    pub pitch: f32,
    pub distance: f32,
    front: (f32, f32, f32),
}

impl Orbit {
    const TURN_PER_POINT: f32 = 0.01;
    const LOWEST: f32 = -0.1;
    const HIGHEST: f32 = 1.35;
    const NEAREST: f32 = 0.35;
    const FARTHEST: f32 = 2.5;
    /// Displays taller than this, metres, are framed whole.
    const TALL: f32 = 2.2;

    /// The front view of an exhibit: in front of its display, a little above, far enough to
    /// see all of it.
    pub fn of_exhibit(exhibition: &Exhibition, at: ExhibitRef) -> Option<Orbit> {
        let exhibit = exhibition.exhibit(at);
        let footprint = exhibition.footprint(&exhibition.area_of(at))?;
        let extent = display_extent(&exhibit.display);
        let floor = footprint.to_hall(Vec2::new(exhibit.place.x, exhibit.place.z));
        let height = extent.height.max(0.3);
        // A display up to a visitor's height holds what it shows on its upper part (the piece on
        // a plinth, the screen); a taller one (a hanging scroll) is seen whole.
        let tall = height > Self::TALL;
        let focus = if tall {
            height * 0.6
        } else {
            (height - 0.5).max(height * 0.5).max(0.5)
        };
        let target = Vec3::new(floor.x, exhibition.platform_height() + focus, floor.y);
        let yaw = footprint.yaw() + exhibit.place.turn.to_radians();
        let mut distance = 1.3 * extent.reach().max(0.4) + 0.35 * height;
        if tall {
            distance = distance.max(1.3 * height);
        }
        let distance = distance.clamp(1.2, 14.0);
        // From a little above, higher for tall displays, over whatever stands in front of them.
        let pitch = if tall { 0.35 } else { 0.25 };
        Some(Orbit {
            target,
            yaw,
            pitch,
            distance,
            front: (yaw, pitch, distance),
        })
    }

    pub fn turn(&mut self, drag: Vec2) {
        self.yaw -= drag.x * Self::TURN_PER_POINT;
        self.pitch =
            (self.pitch + drag.y * Self::TURN_PER_POINT).clamp(Self::LOWEST, Self::HIGHEST);
    }

    pub fn zoom(&mut self, factor: f32) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let front = self.front.2;
        self.distance =
            (self.distance / factor).clamp(front * Self::NEAREST, front * Self::FARTHEST);
    }

    pub fn reset(&mut self) {
        (self.yaw, self.pitch, self.distance) = self.front;
    }

    /// Where the camera stands.
    pub fn eye(&self) -> Vec3 {
        self.target
            + Quat::from_rotation_y(self.yaw)
                * (Quat::from_rotation_x(-self.pitch) * Vec3::Z * self.distance)
    }

    pub fn apply(&mut self, input: LookAroundInput) {
        match input {
            LookAroundInput::Turn(drag) => self.turn(drag),
            LookAroundInput::Zoom(factor) => self.zoom(factor),
            LookAroundInput::Reset => self.reset(),
        }
    }
}

/// The picture's size in pixels: small on software rendering, sharper on a GPU.
pub fn picture_size(quality: Quality) -> UVec2 {
    let width = match quality {
        Quality::Low => 288,
        Quality::Medium => 480,
        Quality::High => 720,
    };
    UVec2::new(width, (width as f32 / ASPECT) as u32)
}

/// Marks the look-around's camera.
#[derive(Component, Debug)]
pub struct LookAroundCamera;

/// Starts from the front whenever an exhibit's panel opens (or its content is edited); stops
/// when it closes.
fn follow_panel(
    selection: Res<Selection>,
    exhibition: Option<Res<CurrentExhibition>>,
    mut look: ResMut<LookAround>,
) {
    let open = match (&selection.panel, &exhibition) {
        (Some(Panel::Exhibit(at)), Some(_)) => Some(*at),
        _ => None,
    };
    // Also start again when the content changes under the open panel (live editing).
    let edited = exhibition.as_ref().is_some_and(|e| e.is_changed());
    if look.showing.map(|(at, _)| at) == open && !edited {
        return;
    }
    look.showing = open.and_then(|at| {
        let exhibition = exhibition.as_deref()?;
        Orbit::of_exhibit(exhibition, at).map(|orbit| (at, orbit))
    });
    look.redraw = FRAMES_AFTER_OPENING;
}

fn steer(mut inputs: MessageReader<LookAroundInput>, mut look: ResMut<LookAround>) {
    for input in inputs.read() {
        if let Some((_, orbit)) = &mut look.showing {
            orbit.apply(*input);
            look.redraw = look.redraw.max(FRAMES_AFTER_MOVING);
        }
    }
}

/// Makes the picture and the camera on first use, moves the camera, and lets it draw only while
/// there is something new to draw.
fn place_camera(
    mut commands: Commands,
    mut look: ResMut<LookAround>,
    mut cameras: Query<(&mut Camera, &mut Transform), With<LookAroundCamera>>,
    images: Option<ResMut<Assets<Image>>>,
    tier: Option<Res<QualityTier>>,
) {
    let Some((_, orbit)) = look.showing else {
        for (mut camera, _) in &mut cameras {
            camera.is_active = false;
        }
        return;
    };
    let transform = Transform::from_translation(orbit.eye()).looking_at(orbit.target, Vec3::Y);
    let drawing = look.redraw > 0;
    look.redraw = look.redraw.saturating_sub(1);
    if let Ok((mut camera, mut placed)) = cameras.single_mut() {
        camera.is_active = drawing;
        *placed = transform;
        return;
    }
    let Some(mut images) = images else {
        return;
    };
    let quality = tier.map_or(Quality::Medium, |tier| tier.quality);
    let size = picture_size(quality);
    let mut image = Image::new_target_texture(size.x, size.y, TextureFormat::Bgra8UnormSrgb, None);
    image.data = None;
    let handle = images.add(image);
    look.image = Some(handle.clone());
    let mut camera = commands.spawn((
        Name::new("Look-around camera"),
        LookAroundCamera,
        HallView,
        Camera3d::default(),
        Camera {
            // Before the hall's camera, so the panel shows this frame's picture.
            order: -1,
            clear_color: ClearColorConfig::Custom(Color::srgb(0.93, 0.93, 0.92)),
            is_active: drawing,
            ..default()
        },
        RenderTarget::Image(ImageRenderTarget {
            handle,
            scale_factor: 1.0,
        }),
        transform,
        DespawnOnExit(Screen::Hall),
    ));
    draw_for_tier(&mut camera, quality);
}

fn forget(mut look: ResMut<LookAround>) {
    *look = LookAround::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orbit() -> Orbit {
        let (yaw, pitch, distance) = (0.5, 0.25, 4.0);
        Orbit {
            target: Vec3::new(1.0, 1.0, 2.0),
            yaw,
            pitch,
            distance,
            front: (yaw, pitch, distance),
        }
    }

    #[test]
    fn dragging_turns_around_the_target_at_the_same_distance() {
        let mut view = orbit();
        let before = view.eye();
        view.turn(Vec2::new(120.0, 0.0));
        let after = view.eye();
        assert!(before.distance(after) > 1.0, "{before} → {after}");
        assert!((after.distance(view.target) - 4.0).abs() < 1e-4);
        assert!(
            (after.y - before.y).abs() < 1e-4,
            "a sideways drag keeps the height"
        );
        // Dragging up looks from higher, but never from straight above or below the floor.
        view.turn(Vec2::new(0.0, 10_000.0));
        assert!(view.eye().y > after.y && view.pitch <= Orbit::HIGHEST);
        view.turn(Vec2::new(0.0, -10_000.0));
        assert_eq!(view.pitch, Orbit::LOWEST);
    }

    #[test]
    fn zoom_stays_between_near_and_far_and_reset_returns_to_the_front() {
        let mut view = orbit();
        view.zoom(1000.0);
        assert_eq!(view.distance, 4.0 * Orbit::NEAREST);
        view.zoom(0.0001);
        assert_eq!(view.distance, 4.0 * Orbit::FARTHEST);
        view.zoom(f32::NAN);
        assert_eq!(view.distance, 4.0 * Orbit::FARTHEST);
        view.turn(Vec2::new(300.0, 40.0));
        view.apply(LookAroundInput::Reset);
        assert_eq!(view, orbit());
    }

    #[test]
    fn the_front_view_looks_at_the_front_of_the_display() {
        // At yaw 0 the camera stands on +z: the front of an unturned display facing south.
        let mut view = orbit();
        view.yaw = 0.0;
        view.pitch = 0.0;
        assert!((view.eye() - (view.target + Vec3::Z * 4.0)).length() < 1e-4);
    }
}
