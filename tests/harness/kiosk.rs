//! Kiosk mode with a manual clock: attract loop after N idle seconds, input ending it, the
//! "Still there?" countdown at T1, a full reset at T2, the staff PIN, close requests, and the
//! visit log of a scripted session.

use std::time::Duration;

use bevy::{
    input::{
        keyboard::KeyboardInput,
        mouse::{MouseButtonInput, MouseMotion, MouseWheel},
        touch::{TouchInput, TouchPhase},
    },
    prelude::*,
    state::app::StatesPlugin,
    time::TimeUpdateStrategy,
    window::WindowCloseRequested,
};
use expo_hall::{
    AppSystems,
    camera::{FlyTo, apply_request, rig::CameraRig, viewpoints},
    content::loading::CurrentExhibition,
    i18n::CurrentLang,
    interaction::{self, Panel, Selection},
    kiosk::{
        self, Kiosk, SessionLog, StaffExit, StaffExitConfirmed,
        config::KioskConfig,
        visit_log::{SessionEnd, stats},
    },
    screens::{
        self, Screen,
        kiosk::{IdleClock, KioskPhase, ReadingAllowance},
    },
    wayfinding::{
        WayfindingUi,
        tour::{self, ActiveTour},
    },
};

use crate::support::shipped;

fn config(log: &std::path::Path) -> KioskConfig {
    KioskConfig {
        attract_after: 30.0,
        still_there_after: 60.0,
        reset_after: 90.0,
        max_reading_seconds: 20.0,
        visit_log: log.to_string_lossy().into_owned(),
        ..KioskConfig::default()
    }
}

fn log_path(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "expo-hall-kiosk-{}-{name}.jsonl",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&path);
    path
}

/// A headless app; `kiosk` = Some(config) for kiosk mode, None for the desktop.
fn app(kiosk_config: Option<KioskConfig>) -> App {
    let exhibition = shipped();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .insert_resource(CameraRig::new(
            viewpoints::entrance(&exhibition),
            viewpoints::whole_hall(&exhibition),
        ))
        .insert_resource(CurrentExhibition(exhibition))
        .insert_resource(CurrentLang(crate::support::lang("en")))
        .init_resource::<WayfindingUi>()
        .init_resource::<expo_hall::third_party::UiFocus>()
        .init_resource::<expo_hall::content::loading::ContentProblems>()
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
        );
    if let Some(config) = kiosk_config {
        app.insert_resource(Kiosk::new(config));
    }
    app.add_plugins((
        screens::plugin,
        interaction::plugin,
        tour::plugin,
        kiosk::plugin,
    ));
    app.update();
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Hall);
    app.update();
    app
}

fn run(app: &mut App, seconds: f32) {
    for _ in 0..(seconds / 0.1).round() as usize {
        app.update();
    }
}

fn touch(app: &mut App) {
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Started,
        position: Vec2::new(400.0, 300.0),
        window: Entity::PLACEHOLDER,
        force: None,
        id: 1,
    });
    app.update();
}

fn phase(app: &App) -> KioskPhase {
    *app.world().resource::<State<KioskPhase>>().get()
}

/// Seconds left on the "Still there?" countdown, if it shows.
fn countdown(app: &App) -> Option<f32> {
    let allowance = app.world().resource::<ReadingAllowance>().0;
    app.world().resource::<IdleClock>().countdown(allowance)
}

#[test]
fn the_attract_loop_starts_after_n_seconds_and_a_touch_ends_it() {
    let log = log_path("attract");
    let mut app = app(Some(config(&log)));
    run(&mut app, 29.0);
    assert!(app.world().get_resource::<ActiveTour>().is_none());
    run(&mut app, 1.5);
    assert!(
        app.world().resource::<ActiveTour>().attract,
        "the attract loop plays the tour"
    );
    assert_eq!(phase(&app), KioskPhase::Attract);
    run(&mut app, 300.0);
    assert!(
        app.world().get_resource::<ActiveTour>().is_some(),
        "it loops"
    );

    touch(&mut app);
    app.update();
    assert!(
        app.world().get_resource::<ActiveTour>().is_none(),
        "a touch ends it"
    );
    assert!(phase(&app) == KioskPhase::Session);
    let exhibition = shipped();
    assert_eq!(
        app.world().resource::<CameraRig>().walk,
        viewpoints::entrance(&exhibition),
        "a fresh session at the entrance"
    );
}

#[test]
fn t1_asks_still_there_and_a_touch_keeps_the_session() {
    let log = log_path("t1");
    let mut app = app(Some(config(&log)));
    touch(&mut app);
    run(&mut app, 59.0);
    assert_eq!(countdown(&app), None);
    run(&mut app, 1.5);
    let left = countdown(&app).expect("the countdown shows");
    assert!((28.0..=30.0).contains(&left), "{left}");
    touch(&mut app);
    assert_eq!(countdown(&app), None);
    assert!(phase(&app) == KioskPhase::Session, "the session goes on");
}

#[test]
fn t2_resets_every_piece_of_session_state() {
    let log = log_path("t2");
    // A slow reader: any open panel earns the full 20 s.
    let mut app = app(Some(KioskConfig {
        reading_chars_per_second: 1.0,
        ..config(&log)
    }));
    touch(&mut app);
    // The visitor changes everything a session can change.
    let exhibition = shipped();
    let at = exhibition.find_exhibit("np.giant-thangka").unwrap();
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(at));
    app.world_mut().resource_mut::<CurrentLang>().0 = crate::support::lang("zh");
    *app.world_mut().resource_mut::<WayfindingUi>() = WayfindingUi {
        directory: true,
        full_plan: true,
        query: "唐卡".into(),
    };
    apply_request(
        &mut app.world_mut().resource_mut::<CameraRig>(),
        &exhibition,
        &FlyTo::Exhibit(at),
        true,
    );
    // Staff opened the PIN pad and walked away.
    app.world_mut().resource_mut::<StaffExit>().pin_pad_open = true;
    // Reading time counts (capped at 20 s here): 90 s is not enough, 90 + 20 is.
    run(&mut app, 95.0);
    assert!(phase(&app) == KioskPhase::Session, "still reading");
    run(&mut app, 16.0);
    assert!(phase(&app) == KioskPhase::Waiting, "reset");
    assert!(
        !app.world().resource::<StaffExit>().pin_pad_open,
        "the PIN pad closes"
    );
    assert_eq!(*app.world().resource::<Selection>(), Selection::default());
    assert_eq!(
        app.world().resource::<CurrentLang>().0,
        crate::support::lang("en")
    );
    assert_eq!(
        *app.world().resource::<WayfindingUi>(),
        WayfindingUi::default()
    );
    let rig = app.world().resource::<CameraRig>();
    assert_eq!(rig.walk, viewpoints::entrance(&exhibition));
    assert!(!rig.is_flying());
    // Then the attract loop resumes.
    run(&mut app, 31.0);
    assert!(app.world().resource::<ActiveTour>().attract);
}

#[test]
fn a_wrong_pin_keeps_the_kiosk_running_and_the_right_one_exits() {
    let mut staff = StaffExit {
        pin_pad_open: true,
        entered: "1234".into(),
        ..default()
    };
    assert!(!staff.submit("2021"));
    assert!(staff.pin_pad_open && staff.wrong_attempts == 1 && staff.entered.is_empty());
    staff.entered = "2021".into();
    assert!(staff.submit("2021"));
    assert!(!staff.pin_pad_open);

    let log = log_path("pin");
    let mut app = app(Some(config(&log)));
    touch(&mut app);
    run(&mut app, 1.0);
    assert!(app.should_exit().is_none());
    app.world_mut().write_message(StaffExitConfirmed);
    app.update();
    assert_eq!(app.should_exit(), Some(AppExit::Success));
    let record = &app.world().resource::<SessionLog>().written[0];
    assert_eq!(
        record.ended,
        SessionEnd::Exit,
        "the open session is logged before exiting"
    );
}

#[test]
fn close_requests_are_ignored_in_a_kiosk_and_honoured_on_the_desktop() {
    let log = log_path("close");
    let mut kiosk = app(Some(config(&log)));
    kiosk.world_mut().write_message(WindowCloseRequested {
        window: Entity::PLACEHOLDER,
    });
    kiosk.update();
    assert!(kiosk.should_exit().is_none());

    let mut desktop = app(None);
    desktop.world_mut().write_message(WindowCloseRequested {
        window: Entity::PLACEHOLDER,
    });
    desktop.update();
    assert_eq!(desktop.should_exit(), Some(AppExit::Success));
}

#[test]
fn the_visit_log_records_a_scripted_session_exactly() {
    let log = log_path("script");
    let mut app = app(Some(config(&log)));
    let exhibition = shipped();
    let thangka = exhibition.find_exhibit("np.giant-thangka").unwrap();
    let np = exhibition.zone_index("np").unwrap();
    // Each panel is opened and closed with a touch, as a visitor would.
    touch(&mut app);
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Exhibit(thangka));
    run(&mut app, 9.9);
    touch(&mut app);
    app.world_mut()
        .resource_mut::<Selection>()
        .open(Panel::Zone {
            zone: np,
            sector: None,
        });
    app.world_mut().resource_mut::<CurrentLang>().0 = crate::support::lang("zh");
    run(&mut app, 4.9);
    touch(&mut app);
    app.world_mut().resource_mut::<Selection>().close();
    run(&mut app, 92.0);
    assert!(phase(&app) == KioskPhase::Waiting);

    let text = std::fs::read_to_string(&log).expect("the log was written");
    assert_eq!(text.lines().count(), 1);
    let record: expo_hall::kiosk::visit_log::VisitRecord =
        serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(record.exhibits.len(), 1);
    assert_eq!(record.exhibits[0].id, "np.giant-thangka");
    assert!(
        (record.exhibits[0].seconds - 10.0).abs() < 0.15,
        "{:?}",
        record.exhibits
    );
    assert_eq!(record.pavilions.len(), 1);
    assert_eq!(record.pavilions[0].id, "np");
    assert!(
        (record.pavilions[0].seconds - 5.0).abs() < 0.15,
        "{:?}",
        record.pavilions
    );
    assert_eq!(record.lang, "zh", "the language the session ended in");
    assert_eq!(record.ended, SessionEnd::Reset);
    // The visit ended at the last touch (15 s in), not 90 s later when the kiosk reset.
    assert!(
        (14..=16).contains(&(record.end - record.start)),
        "{} s",
        record.end - record.start
    );
    assert!(!record.staff);
    let summary = stats(&text);
    assert_eq!(summary.sessions, 1);
    assert_eq!(summary.top_exhibits[0].0, "np.giant-thangka");
    let _ = std::fs::remove_file(&log);
}

#[test]
fn the_pointer_hides_when_idle_and_returns_when_moved() {
    use bevy::window::{CursorOptions, PrimaryWindow};
    let log = log_path("cursor");
    let mut app = app(Some(config(&log)));
    let window = app
        .world_mut()
        .spawn((Window::default(), CursorOptions::default(), PrimaryWindow))
        .id();
    let visible = |app: &App| app.world().get::<CursorOptions>(window).unwrap().visible;
    run(&mut app, 2.0);
    assert!(visible(&app));
    run(&mut app, 4.0);
    assert!(!visible(&app), "hidden after hide_cursor_after (5 s)");
    app.world_mut().write_message(MouseMotion {
        delta: Vec2::new(3.0, 0.0),
    });
    app.update();
    app.update();
    assert!(visible(&app));
}

#[test]
fn a_session_in_which_staff_opened_the_pin_pad_is_theirs() {
    let log = log_path("staff");
    let mut app = app(Some(config(&log)));
    touch(&mut app);
    run(&mut app, 1.0);
    app.world_mut().resource_mut::<StaffExit>().pin_pad_open = true;
    app.update();
    app.world_mut().write_message(StaffExitConfirmed);
    app.update();
    let record = &app.world().resource::<SessionLog>().written[0];
    assert!(
        record.staff && record.ended == SessionEnd::Exit,
        "{record:?}"
    );
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(stats(&text).sessions, 0, "no visitor came");
    assert_eq!(stats(&text).staff_sessions, 1);
    let _ = std::fs::remove_file(&log);
}

#[test]
fn closing_the_app_writes_the_open_session_first() {
    let log = log_path("shutdown");
    let mut app = app(Some(config(&log)));
    touch(&mut app);
    run(&mut app, 2.0);
    // What SIGTERM (third_party::signals) and SIGINT (Bevy's handler) do: ask the app to exit.
    app.world_mut().write_message(AppExit::from_code(143));
    app.update();
    let text = std::fs::read_to_string(&log).expect("the session was written");
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("\"ended\":\"shutdown\""), "{text}");
    let _ = std::fs::remove_file(&log);
}

#[test]
fn the_tap_that_wakes_the_kiosk_opens_nothing() {
    let log = log_path("waking");
    let mut app = app(Some(config(&log)));
    run(&mut app, 31.0);
    assert_eq!(phase(&app), KioskPhase::Attract);
    let at = shipped().find_exhibit("np.giant-thangka").unwrap();
    let exhibit = app.world_mut().spawn(interaction_target(at)).id();

    // The finger goes down on an exhibit behind the attract loop...
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.world_mut().write_message(MouseButtonInput {
        button: MouseButton::Left,
        state: bevy::input::ButtonState::Pressed,
        window: Entity::PLACEHOLDER,
    });
    app.update();
    assert_eq!(phase(&app), KioskPhase::Session, "the tap wakes the kiosk");
    // ...and comes up: that click belongs to the waking tap.
    click(&mut app, exhibit);
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .release(MouseButton::Left);
    app.update();
    assert_eq!(app.world().resource::<Selection>().panel, None);

    // The next tap is the visitor's.
    click(&mut app, exhibit);
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Exhibit(at))
    );
    let _ = std::fs::remove_file(&log);
}

fn interaction_target(
    at: expo_hall::content::exhibition::ExhibitRef,
) -> expo_hall::hall::ExhibitEntity {
    expo_hall::hall::ExhibitEntity(at)
}

/// A primary click on `entity`, as mesh picking reports it.
fn click(app: &mut App, entity: Entity) {
    let event = crate::support::pointer(crate::support::click(), entity);
    app.world_mut().trigger(event);
}

#[test]
fn the_systemd_unit_verifies_and_restarts_only_after_a_crash() {
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/kiosk/expo-hall-kiosk.service"
    ))
    .unwrap();
    let service = unit.split("[Service]").nth(1).unwrap();
    assert!(service.contains("Restart=on-failure"), "{service}");
    assert!(!service.contains("Restart=always"));
    assert!(
        !service.contains("WorkingDirectory"),
        "nothing to set up by hand"
    );
    // systemd-analyze checks the unit, with ExecStart pointing at the binary built here.
    let dir = std::env::temp_dir().join(format!("expo-hall-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("expo-hall-kiosk.service");
    let here = unit.replace("%h/.cargo/bin/expo-hall", env!("CARGO_BIN_EXE_expo-hall"));
    std::fs::write(&path, here).unwrap();
    let verify = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze (package systemd) is installed by .ci/run");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
}

#[test]
fn a_relative_visit_log_lives_in_the_state_folder() {
    let config = KioskConfig {
        visit_log: "visits.jsonl".into(),
        ..KioskConfig::default()
    };
    let path = config.visit_log_path();
    assert!(
        path.is_absolute() && path.ends_with("expo-hall/visits.jsonl"),
        "{path:?}"
    );
    let absolute = KioskConfig {
        visit_log: "/var/log/visits.jsonl".into(),
        ..KioskConfig::default()
    };
    assert_eq!(
        absolute.visit_log_path(),
        std::path::Path::new("/var/log/visits.jsonl")
    );
}

#[test]
fn stats_names_exhibits_in_the_chosen_language() {
    let log = log_path("stats-titles");
    let record = expo_hall::kiosk::visit_log::VisitRecord {
        start: 0,
        end: 30,
        lang: "zh".into(),
        exhibits: vec![expo_hall::kiosk::visit_log::Dwell {
            id: "np.giant-thangka".into(),
            seconds: 20.0,
        }],
        pavilions: vec![expo_hall::kiosk::visit_log::Dwell {
            id: "cn/logistics".into(),
            seconds: 5.0,
        }],
        ended: SessionEnd::Reset,
        staff: false,
    };
    expo_hall::kiosk::visit_log::append(&log, &record).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .args(["--lang", "zh", "stats"])
        .arg(&log)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("巨型唐卡  [np.giant-thangka]"), "{text}");
    assert!(
        text.contains("物流  [cn/logistics]") || text.contains("[cn/logistics]"),
        "{text}"
    );
    assert!(text.starts_with("参观次数：1"), "{text}");
    let _ = std::fs::remove_file(&log);
}

#[test]
fn a_visit_log_the_disk_refuses_waits_warns_staff_and_is_written_when_it_can() {
    // The log's folder is blocked by a file, as a full or read-only disk would refuse it.
    let blocked = std::env::temp_dir().join(format!("expo-hall-blocked-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&blocked);
    std::fs::write(&blocked, "not a folder").unwrap();
    let log = blocked.join("visits.jsonl");
    let mut app = app(Some(config(&log)));
    for _ in 0..2 {
        touch(&mut app);
        run(&mut app, 92.0);
    }
    assert_eq!(phase(&app), KioskPhase::Waiting, "the kiosk keeps running");
    let waiting = app.world().resource::<SessionLog>().pending.len();
    assert_eq!(waiting, 2, "both sessions are kept");
    let notices = &app
        .world()
        .resource::<expo_hall::content::loading::ContentProblems>()
        .0;
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("visit log:") && n.contains("2 session")),
        "staff see it: {notices:?}"
    );
    // Space returns: within the retry interval both sessions are written, in order.
    std::fs::remove_file(&blocked).unwrap();
    run(&mut app, 31.0);
    let text = std::fs::read_to_string(&log).expect("written once the disk takes it");
    assert_eq!(text.lines().count(), 2);
    assert!(app.world().resource::<SessionLog>().pending.is_empty());
    let notices = &app
        .world()
        .resource::<expo_hall::content::loading::ContentProblems>()
        .0;
    assert!(
        !notices.iter().any(|n| n.starts_with("visit log:")),
        "{notices:?}"
    );
    let _ = std::fs::remove_dir_all(&blocked);
}
