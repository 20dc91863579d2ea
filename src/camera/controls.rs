//! Keyboard, mouse and touch controls for the camera. Nothing moves while the UI has the
//! pointer or keyboard ([`UiFocus`]) or during a flight.

use bevy::{
    input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit},
    prelude::*,
};

use super::{
    FlyTo,
    collision::{Obstacles, WALKER_RADIUS},
    rig::{CameraMode, CameraRig},
};
use crate::{AppSystems, third_party::UiFocus};

pub fn plugin(app: &mut App) {
    app.init_resource::<TouchMove>().add_systems(
        Update,
        (toggle_key, walk_controls, overview_controls)
            .chain()
            .in_set(AppSystems::Input)
            .run_if(resource_exists::<CameraRig>),
    );
}

/// Movement asked for by on-screen buttons (kiosk touch pad): forward/back and turn, −1…1.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct TouchMove {
    pub forward: f32,
    pub turn: f32,
}

/// Walking speed, metres per second (a brisk museum pace); Shift multiplies it.
pub const WALK_SPEED: f32 = 2.2;
pub const RUN_FACTOR: f32 = 2.5;
/// Radians of turn per pixel of drag.
pub const LOOK_SENSITIVITY: f32 = 0.004;

/// −1, 0 or 1 from a pair of opposing key groups.
fn key_axis(keys: &ButtonInput<KeyCode>, negative: [KeyCode; 2], positive: [KeyCode; 2]) -> f32 {
    (keys.any_pressed(positive) as i32 - keys.any_pressed(negative) as i32) as f32
}

fn toggle_key(keys: Res<ButtonInput<KeyCode>>, focus: Res<UiFocus>, mut fly: MessageWriter<FlyTo>) {
    if !focus.keyboard && keys.just_pressed(KeyCode::Tab) {
        fly.write(FlyTo::ToggleMode);
    }
}

/// What the pointer did this frame, from mouse or one-finger touch.
fn drag_delta(
    mouse: &ButtonInput<MouseButton>,
    motion: &AccumulatedMouseMotion,
    touches: &Touches,
    button: MouseButton,
) -> Vec2 {
    let mut delta = if mouse.pressed(button) {
        motion.delta
    } else {
        Vec2::ZERO
    };
    if button == MouseButton::Left && touches.iter().count() == 1 {
        delta += touches.iter().map(|t| t.delta()).sum::<Vec2>();
    }
    delta
}

fn walk_controls(
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    touches: Res<Touches>,
    focus: Res<UiFocus>,
    obstacles: Res<Obstacles>,
    touch_move: Res<TouchMove>,
    mut rig: ResMut<CameraRig>,
) {
    if rig.mode != CameraMode::Walk || rig.is_flying() {
        return;
    }
    if !focus.pointer {
        let drag = drag_delta(&mouse, &motion, &touches, MouseButton::Left)
            + drag_delta(&mouse, &motion, &touches, MouseButton::Right);
        rig.walk.yaw -= drag.x * LOOK_SENSITIVITY;
        rig.walk.pitch = (rig.walk.pitch - drag.y * LOOK_SENSITIVITY).clamp(-1.2, 1.2);
    }
    let axis = |neg, pos| {
        if focus.keyboard {
            0.0
        } else {
            key_axis(&keys, neg, pos)
        }
    };
    let forward = (axis(
        [KeyCode::KeyS, KeyCode::ArrowDown],
        [KeyCode::KeyW, KeyCode::ArrowUp],
    ) + touch_move.forward)
        .clamp(-1.0, 1.0);
    let strafe = axis(
        [KeyCode::KeyA, KeyCode::KeyQ],
        [KeyCode::KeyD, KeyCode::KeyE],
    );
    let turn = (axis(
        [KeyCode::ArrowRight, KeyCode::ArrowRight],
        [KeyCode::ArrowLeft, KeyCode::ArrowLeft],
    ) + touch_move.turn)
        .clamp(-1.0, 1.0);
    let dt = time.delta_secs();
    rig.walk.yaw += turn * 1.6 * dt;
    let (fwd, right) = rig.walk.flat_axes();
    let wish = fwd * forward + right * strafe;
    if wish != Vec2::ZERO {
        let running = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
        let speed = WALK_SPEED * if running { RUN_FACTOR } else { 1.0 };
        let from = Vec2::new(rig.walk.eye.x, rig.walk.eye.z);
        let to = obstacles.walk(from, wish.normalize() * speed * dt, WALKER_RADIUS);
        rig.walk.eye.x = to.x;
        rig.walk.eye.z = to.y;
    }
}

fn overview_controls(
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    touches: Res<Touches>,
    focus: Res<UiFocus>,
    mut rig: ResMut<CameraRig>,
) {
    if rig.mode != CameraMode::Overview || rig.is_flying() {
        return;
    }
    let scale = rig.orbit.distance / 100.0;
    if !focus.pointer {
        let orbit = drag_delta(&mouse, &motion, &touches, MouseButton::Left);
        rig.orbit
            .orbit(-orbit.x * LOOK_SENSITIVITY, orbit.y * LOOK_SENSITIVITY);
        let pan = drag_delta(&mouse, &motion, &touches, MouseButton::Right)
            + drag_delta(&mouse, &motion, &touches, MouseButton::Middle);
        rig.orbit.pan(-pan.x * 0.15 * scale, pan.y * 0.15 * scale);
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        if lines != 0.0 {
            rig.orbit.zoom(0.88f32.powf(lines));
        }
        // Two fingers: pinch to zoom.
        let fingers: Vec<_> = touches.iter().collect();
        if let [a, b] = fingers[..] {
            let now = a.position().distance(b.position());
            let before = a.previous_position().distance(b.previous_position());
            if now > 1.0 && before > 1.0 {
                rig.orbit.zoom(before / now);
            }
        }
    }
    if !focus.keyboard {
        let dt = time.delta_secs();
        let axis = |neg, pos| key_axis(&keys, neg, pos);
        let forward = axis(
            [KeyCode::KeyS, KeyCode::ArrowDown],
            [KeyCode::KeyW, KeyCode::ArrowUp],
        );
        let strafe = axis(
            [KeyCode::KeyA, KeyCode::ArrowLeft],
            [KeyCode::KeyD, KeyCode::ArrowRight],
        );
        let speed = 40.0 * scale * dt;
        rig.orbit.pan(strafe * speed, forward * speed);
        let zoom = axis(
            [KeyCode::Equal, KeyCode::NumpadAdd],
            [KeyCode::Minus, KeyCode::NumpadSubtract],
        );
        if zoom != 0.0 {
            rig.orbit.zoom(1.0 + zoom * dt);
        }
    }
}
