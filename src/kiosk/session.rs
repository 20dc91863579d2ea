//! Keeping the visit log: a visitor session starts when someone touches the kiosk and ends at
//! the idle reset, a staff exit or a shutdown (SIGTERM, SIGINT). Each panel opened adds its id
//! and how long it stayed open. A session reset for idleness ends at the visitor's last activity
//! plus the reading time the open panel earned, not after the idle wait; a session in which staff
//! opened the PIN pad is marked as theirs.

use std::{
    path::PathBuf,
    time::{SystemTime, UNIX_EPOCH},
};

use bevy::prelude::*;

use super::{
    Kiosk, StaffExit, StaffExitConfirmed,
    visit_log::{Dwell, SessionEnd, VisitRecord, append},
};
use crate::{
    AppSystems,
    content::{
        live::{ContentReloaded, LiveReload},
        loading::CurrentExhibition,
        model::AreaRef,
    },
    i18n::CurrentLang,
    interaction::{Panel, Selection},
    screens::{
        Screen,
        kiosk::{IdleClock, KioskPhase},
    },
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SessionLog>()
        .add_message::<ContentReloaded>()
        .add_systems(
            OnEnter(KioskPhase::Session),
            start_session.before(super::fresh_visitor_state),
        )
        .add_systems(
            OnExit(KioskPhase::Session),
            end_session.before(super::fresh_visitor_state),
        )
        .add_systems(
            Update,
            (track_panels, mark_staff_sessions, exit_after_logging)
                .chain()
                .in_set(AppSystems::Input)
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(Update, retry_and_tell_staff.run_if(in_state(Screen::Hall)))
        .add_systems(
            PreUpdate,
            keep_open_panel_on_reload
                .in_set(LiveReload::Follow)
                .run_if(on_message::<ContentReloaded>),
        )
        .add_systems(Last, end_session_on_exit);
}

/// Retries waiting records now and then, and keeps staff told (⚠) while the log fails.
fn retry_and_tell_staff(
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    mut log: ResMut<SessionLog>,
    mut problems: ResMut<crate::content::loading::ContentProblems>,
    mut since_retry: Local<f32>,
) {
    *since_retry += time.delta_secs();
    if !log.pending.is_empty() && *since_retry >= RETRY_SECONDS {
        *since_retry = 0.0;
        flush(&mut log, &kiosk);
    }
    let shown = problems.0.iter().position(|p| p.starts_with(LOG_NOTICE));
    match (&log.failing, shown) {
        (Some(notice), Some(at)) if problems.0[at] != *notice => problems.0[at] = notice.clone(),
        (Some(notice), None) => problems.0.push(notice.clone()),
        (None, Some(at)) => {
            problems.0.remove(at);
        }
        _ => {}
    }
}

/// The session being recorded, and where records go.
#[derive(Resource, Debug, Default, Clone)]
pub struct SessionLog {
    pub current: Option<VisitRecord>,
    /// The panel open now and when it opened (seconds of app time).
    open: Option<(Panel, f64)>,
    /// App time when the current session started.
    started_at: f64,
    /// Records finished this run (for tests and the staff view).
    pub written: Vec<VisitRecord>,
    /// Records the disk did not take yet (full, read-only): written as soon as it does.
    pub pending: Vec<VisitRecord>,
    /// Why the last write failed, while records are waiting.
    pub failing: Option<String>,
}

/// Seconds between attempts to write records the disk refused.
const RETRY_SECONDS: f32 = 30.0;

/// The staff notice for a visit log that cannot be written, among the content problems.
const LOG_NOTICE: &str = "visit log:";

/// Writes the waiting records in order; stops at the first the disk refuses.
fn flush(log: &mut SessionLog, kiosk: &Kiosk) {
    let path = log_path(kiosk);
    while let Some(record) = log.pending.first() {
        match append(&path, record) {
            Ok(()) => {
                log.pending.remove(0);
            }
            Err(error) => {
                if log.failing.is_none() {
                    error!("cannot write the visit log {}: {error}", path.display());
                }
                log.failing = Some(format!(
                    "{LOG_NOTICE} cannot write {} ({error}); {} session(s) kept until it can",
                    path.display(),
                    log.pending.len()
                ));
                return;
            }
        }
    }
    if log.failing.take().is_some() {
        info!("the visit log {} is written again", path.display());
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn log_path(kiosk: &Kiosk) -> PathBuf {
    kiosk.config.visit_log_path()
}

/// Closes the open panel's dwell into the record.
fn close_panel(log: &mut SessionLog, exhibition: &crate::content::exhibition::Exhibition, at: f64) {
    let (Some((panel, opened)), Some(record)) = (log.open.take(), log.current.as_mut()) else {
        return;
    };
    let seconds = (at - opened).max(0.0) as f32;
    match panel {
        Panel::Exhibit(r) => record.exhibits.push(Dwell {
            id: exhibition.exhibit(r).id.clone(),
            seconds,
        }),
        Panel::Zone { zone, sector } => {
            let zone = exhibition.zones[zone].id.clone();
            let area = match sector {
                Some(sector) => AreaRef::sector(zone, sector),
                None => AreaRef::zone(zone),
            };
            record.pavilions.push(Dwell {
                id: area.to_string(),
                seconds,
            });
        }
        Panel::About => {}
    }
}

fn finish(
    log: &mut SessionLog,
    kiosk: &Kiosk,
    exhibition: &crate::content::exhibition::Exhibition,
    lang: &CurrentLang,
    at: f64,
    ended: SessionEnd,
) {
    close_panel(log, exhibition, at);
    if let Some(mut record) = log.current.take() {
        record.end = record.start + (at - log.started_at).max(0.0).round() as u64;
        record.lang = lang.0.code().into();
        record.ended = ended;
        log.written.push(record.clone());
        log.pending.push(record);
        flush(log, kiosk);
    }
}

/// A visitor arrived: a new record starts.
fn start_session(
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    mut log: ResMut<SessionLog>,
) {
    let at = time.elapsed_secs_f64();
    finish(&mut log, &kiosk, &exhibition, &lang, at, SessionEnd::Reset);
    log.started_at = at;
    log.current = Some(VisitRecord {
        start: now(),
        end: now(),
        lang: lang.0.code().into(),
        exhibits: Vec::new(),
        pavilions: Vec::new(),
        ended: SessionEnd::default(),
        staff: false,
    });
}

/// The session was reset for idleness: its record is written, in the language it ended in. The
/// reset came `reset_after` seconds (plus the reading allowance) after the last activity; the
/// visit ended at that activity plus the allowance.
fn end_session(
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    clock: Res<IdleClock>,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    mut log: ResMut<SessionLog>,
) {
    let left_at = (time.elapsed_secs_f64() - f64::from(clock.reset_after)).max(log.started_at);
    finish(
        &mut log,
        &kiosk,
        &exhibition,
        &lang,
        left_at,
        SessionEnd::Reset,
    );
}

/// The app is closing (SIGTERM, SIGINT): the open session is written first.
fn end_session_on_exit(
    mut exits: MessageReader<AppExit>,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    exhibition: Option<Res<CurrentExhibition>>,
    lang: Res<CurrentLang>,
    mut log: ResMut<SessionLog>,
) {
    if exits.read().count() == 0 {
        return;
    }
    if let Some(exhibition) = exhibition {
        let at = time.elapsed_secs_f64();
        finish(
            &mut log,
            &kiosk,
            &exhibition,
            &lang,
            at,
            SessionEnd::Shutdown,
        );
    }
}

/// Opening the PIN pad makes the session the staff's.
fn mark_staff_sessions(staff: Res<StaffExit>, mut log: ResMut<SessionLog>) {
    if staff.pin_pad_open
        && let Some(record) = log.current.as_mut()
    {
        record.staff = true;
    }
}

/// Edited content: the open panel's dwell goes on if its exhibit or zone is still there (found by
/// id), else it is closed now under the name it had.
fn keep_open_panel_on_reload(
    mut reloaded: MessageReader<ContentReloaded>,
    time: Res<Time<Real>>,
    exhibition: Res<CurrentExhibition>,
    mut log: ResMut<SessionLog>,
) {
    for message in reloaded.read() {
        let Some((panel, opened)) = log.open.clone() else {
            continue;
        };
        match panel.in_edited(&message.previous, &exhibition) {
            Some(panel) => log.open = Some((panel, opened)),
            None => close_panel(&mut log, &message.previous, time.elapsed_secs_f64()),
        }
    }
}

fn track_panels(
    time: Res<Time<Real>>,
    selection: Res<Selection>,
    exhibition: Res<CurrentExhibition>,
    mut log: ResMut<SessionLog>,
) {
    if log.current.is_none() {
        log.open = None;
        return;
    }
    let open_now = selection.panel.clone();
    if log.open.as_ref().map(|(p, _)| p) != open_now.as_ref() {
        let at = time.elapsed_secs_f64();
        close_panel(&mut log, &exhibition, at);
        log.open = open_now.map(|panel| (panel, at));
    }
}

fn exit_after_logging(
    mut confirmed: MessageReader<StaffExitConfirmed>,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    mut log: ResMut<SessionLog>,
    mut exit: MessageWriter<AppExit>,
) {
    if confirmed.read().count() > 0 {
        finish(
            &mut log,
            &kiosk,
            &exhibition,
            &lang,
            time.elapsed_secs_f64(),
            SessionEnd::Exit,
        );
        info!("staff exit");
        exit.write(AppExit::Success);
    }
}
