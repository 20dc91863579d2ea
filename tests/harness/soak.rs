//! A day on the expo floor, headless with a manual clock: the kiosk with the whole hall built
//! (meshes, materials, sign textures) plays 12 hours of scripted visitors — taps on exhibits and
//! booth signs, walks, language switches, tours, reading pauses, leaving so the kiosk resets —
//! with the attract loop in between, a staff member who opens the PIN pad and cancels, and a staff
//! exit at midday and at closing (the kiosk restarts after the first, as its service does).
//!
//! After every reset the entity and asset counts are back at their starting values (no leaked
//! panels, sign textures or images); at the end every session is in the visit log exactly once,
//! with the exhibits its visitor opened. `EXPO_HALL_SOAK_HOURS` plays a longer or shorter day.

use std::time::Duration;

use bevy::{
    input::{
        keyboard::KeyboardInput,
        mouse::{MouseButtonInput, MouseMotion, MouseWheel},
        touch::{TouchInput, TouchPhase},
    },
    prelude::*,
    time::TimeUpdateStrategy,
    window::WindowCloseRequested,
};
use expo_hall::{
    AppSystems,
    camera::{FlyTo, apply_request, rig::CameraRig, viewpoints},
    content::{loading::CurrentExhibition, source::ContentSource},
    hall::{self, BoothEntity, ExhibitEntity},
    i18n::CurrentLang,
    interaction::{self, Panel, Selection},
    kiosk::{
        self, Kiosk, StaffExit, StaffExitConfirmed,
        config::KioskConfig,
        visit_log::{SessionEnd, VisitRecord},
    },
    screens::{Screen, kiosk::KioskPhase},
    third_party::UiFocus,
    wayfinding::{
        WayfindingUi,
        tour::{self, TourCommand},
    },
};

use crate::support::{click, content_app, load_exhibition, pointer, scene_counts};

/// Seconds of app time per update while someone is at the kiosk: coarse enough for a day, fine
/// enough for its clocks.
const STEP: f32 = 1.0;
/// The same while nobody is (the attract loop, the countdown to the reset).
const IDLE_STEP: f32 = 4.0;

fn config(log: &std::path::Path) -> KioskConfig {
    KioskConfig {
        attract_after: 45.0,
        still_there_after: 60.0,
        reset_after: 90.0,
        max_reading_seconds: 30.0,
        visit_log: log.to_string_lossy().into_owned(),
        ..KioskConfig::default()
    }
}

/// The kiosk as it starts in the morning: content loaded, hall built, waiting at the entrance.
fn kiosk_app(log: &std::path::Path) -> App {
    let mut app = content_app(ContentSource::Embedded);
    crate::support::scene_assets(&mut app)
        .insert_resource(CurrentLang(crate::support::lang("en")))
        .init_resource::<WayfindingUi>()
        .init_resource::<UiFocus>()
        .init_resource::<Touches>()
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .add_message::<KeyboardInput>()
        .add_message::<MouseButtonInput>()
        .add_message::<MouseMotion>()
        .add_message::<MouseWheel>()
        .add_message::<TouchInput>()
        .add_message::<WindowCloseRequested>()
        .add_message::<FlyTo>()
        .configure_sets(
            Update,
            (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
        )
        .insert_resource(Kiosk::new(config(log)))
        .add_plugins((
            hall::plugin,
            interaction::plugin,
            tour::plugin,
            kiosk::plugin,
        ));
    let (exhibition, _) = load_exhibition(&mut app);
    app.insert_resource(CameraRig::new(
        viewpoints::entrance(&exhibition),
        viewpoints::whole_hall(&exhibition),
    ));
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Hall);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        STEP,
    )));
    // One thread: a headless frame here is too small to gain from spreading it over the pool.
    for (_, schedule) in app.world_mut().resource_mut::<Schedules>().iter_mut() {
        schedule.set_executor(bevy::ecs::schedule::SingleThreadedExecutor::new());
    }
    app
}

/// A small deterministic generator, so the day is the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn seconds(&mut self, from: usize, to: usize) -> f32 {
        (from + self.roll(to - from + 1)) as f32
    }
}

/// The day's clock, and the app it drives.
struct Day {
    app: App,
    clock: f32,
}

impl Day {
    /// `seconds` of app time in updates of `step` seconds.
    fn run(&mut self, seconds: f32, step: f32) {
        let strategy = |s: f32| TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(s));
        self.app.insert_resource(strategy(step));
        for _ in 0..(seconds / step).round() as usize {
            self.app.update();
        }
        self.app.insert_resource(strategy(STEP));
        self.clock += seconds;
    }

    fn pass(&mut self, seconds: f32) {
        self.run(seconds, STEP);
    }

    /// Nobody touches the kiosk for `seconds`.
    fn idle(&mut self, seconds: f32) {
        self.run(seconds, IDLE_STEP);
    }

    fn touch(&mut self) {
        self.app.world_mut().write_message(TouchInput {
            phase: TouchPhase::Started,
            position: Vec2::new(400.0, 300.0),
            window: Entity::PLACEHOLDER,
            force: None,
            id: 1,
        });
        self.pass(STEP);
    }

    fn phase(&self) -> KioskPhase {
        *self.app.world().resource::<State<KioskPhase>>().get()
    }

    /// A tap on something in the hall: a touch (the kiosk's idle clock) and a picking click.
    fn tap_on(&mut self, entity: Entity) {
        self.touch();
        let event = pointer(click(), entity);
        self.app.world_mut().trigger(event);
        self.pass(STEP);
    }

    fn entity_with<C: Component>(&mut self, dice: &mut Dice) -> Entity {
        let world = self.app.world_mut();
        let mut query = world.query_filtered::<Entity, With<C>>();
        let all: Vec<Entity> = query.iter(world).collect();
        all[dice.roll(all.len())]
    }
}

/// What one visitor did, as the visit log should have it.
struct Expected {
    exhibits: Vec<String>,
    ended: SessionEnd,
    staff: bool,
}

/// One visitor: wakes the kiosk, does a handful of things, walks away.
fn visitor(day: &mut Day, dice: &mut Dice, expected: &mut Vec<Expected>) {
    day.touch();
    assert_eq!(day.phase(), KioskPhase::Session, "a touch starts a session");
    let mut opened = Vec::new();
    for _ in 0..2 + dice.roll(8) {
        match dice.roll(6) {
            0 | 1 => {
                let entity = day.entity_with::<ExhibitEntity>(dice);
                let at = day.app.world().get::<ExhibitEntity>(entity).unwrap().0;
                day.tap_on(entity);
                let exhibition = day.app.world().resource::<CurrentExhibition>();
                assert_eq!(
                    day.app.world().resource::<Selection>().panel,
                    Some(Panel::Exhibit(at))
                );
                let id = exhibition.exhibit(at).id.clone();
                // Reading: the open panel holds off "Still there?".
                day.pass(dice.seconds(5, 40));
                day.touch();
                day.app.world_mut().resource_mut::<Selection>().close();
                day.pass(STEP);
                opened.push(id);
            }
            2 => {
                let entity = day.entity_with::<BoothEntity>(dice);
                day.tap_on(entity);
                day.pass(dice.seconds(3, 15));
                day.touch();
                day.app.world_mut().resource_mut::<Selection>().close();
                day.pass(STEP);
            }
            3 => {
                // A walk to a booth, as the directory and the plan send the visitor.
                let world = day.app.world_mut();
                let exhibition = world.resource::<CurrentExhibition>().0.clone();
                let area = exhibition.footprints[dice.roll(exhibition.footprints.len())]
                    .area
                    .clone();
                let mut rig = world.resource_mut::<CameraRig>();
                apply_request(&mut rig, &exhibition, &FlyTo::Visit(area), false);
                day.pass(dice.seconds(2, 10));
                day.touch();
            }
            4 => {
                let lang = [
                    crate::support::lang("en"),
                    crate::support::lang("zh"),
                    crate::support::lang("ru"),
                ][dice.roll(3)];
                day.app.world_mut().resource_mut::<CurrentLang>().0 = lang;
                day.touch();
            }
            _ => {
                day.app.world_mut().write_message(TourCommand::Start {
                    tour: 0,
                    attract: false,
                });
                day.pass(dice.seconds(20, 80));
                day.touch();
                day.app.world_mut().write_message(TourCommand::Leave);
                day.pass(STEP);
            }
        }
        day.pass(dice.seconds(1, 10));
    }
    // Walks away: "Still there?" at T1, the reset at T2.
    day.idle(100.0);
    assert_ne!(
        day.phase(),
        KioskPhase::Session,
        "the kiosk reset after the visitor left"
    );
    expected.push(Expected {
        exhibits: opened,
        ended: SessionEnd::Reset,
        staff: false,
    });
}

/// Staff exit with the PIN: the open session is logged as theirs and the app ends.
fn staff_exit(day: &mut Day, expected: &mut Vec<Expected>) {
    day.touch();
    day.app.world_mut().resource_mut::<StaffExit>().pin_pad_open = true;
    day.pass(STEP);
    day.app.world_mut().write_message(StaffExitConfirmed);
    day.app.update();
    assert_eq!(day.app.should_exit(), Some(AppExit::Success));
    expected.push(Expected {
        exhibits: Vec::new(),
        ended: SessionEnd::Exit,
        staff: true,
    });
}

#[test]
fn a_twelve_hour_day_on_the_floor_leaks_nothing_and_logs_every_session_once() {
    let hours: f32 = std::env::var("EXPO_HALL_SOAK_HOURS")
        .ok()
        .and_then(|h| h.parse().ok())
        .unwrap_or(12.0);
    let log = std::env::temp_dir().join(format!("expo-hall-soak-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let mut dice = Dice(2021);
    let mut expected = Vec::new();
    let mut resets = 0;
    let mut day = Day {
        app: kiosk_app(&log),
        clock: 0.0,
    };
    let mut start = scene_counts(&mut day.app);
    let mut restarted = false;
    while day.clock < hours * 3600.0 {
        // Between visitors: the attract loop plays once the hall has been empty a while.
        day.idle(dice.seconds(10, 400));
        if !restarted && day.clock > hours * 1800.0 {
            // Midday: staff take the kiosk down for a moment; its service starts it again.
            staff_exit(&mut day, &mut expected);
            day = Day {
                app: kiosk_app(&log),
                clock: day.clock,
            };
            start = scene_counts(&mut day.app);
            restarted = true;
            continue;
        }
        if dice.roll(25) == 0 {
            // Staff open the PIN pad and think better of it: the session is theirs.
            day.touch();
            day.app.world_mut().resource_mut::<StaffExit>().pin_pad_open = true;
            day.pass(5.0);
            day.app.world_mut().resource_mut::<StaffExit>().pin_pad_open = false;
            day.idle(100.0);
            expected.push(Expected {
                exhibits: Vec::new(),
                ended: SessionEnd::Reset,
                staff: true,
            });
        } else {
            visitor(&mut day, &mut dice, &mut expected);
        }
        resets += 1;
        assert_eq!(
            scene_counts(&mut day.app),
            start,
            "after reset {resets} ({:.1} h into the day) the hall holds what it started with",
            day.clock / 3600.0
        );
    }
    staff_exit(&mut day, &mut expected);

    let text = std::fs::read_to_string(&log).expect("the visit log");
    let records: Vec<VisitRecord> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is a record"))
        .collect();
    assert_eq!(
        records.len(),
        expected.len(),
        "every session exactly once ({resets} resets)"
    );
    for (n, (record, wanted)) in records.iter().zip(&expected).enumerate() {
        let ids: Vec<&str> = record.exhibits.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, wanted.exhibits, "session {n}: the exhibits opened");
        assert_eq!(record.ended, wanted.ended, "session {n}");
        assert_eq!(record.staff, wanted.staff, "session {n}");
    }
    println!(
        "soak: {hours} h, {} sessions ({} visitors), {resets} resets, counts {start:?}",
        records.len(),
        expected.iter().filter(|e| !e.staff).count()
    );
    let _ = std::fs::remove_file(&log);
}
