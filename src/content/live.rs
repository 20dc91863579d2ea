//! Live editing: while the hall is open, the content folder curators edit is looked at a few
//! times a second. When a file has changed, the content is read again and checked as
//! `expo-hall validate` checks it, the [`CurrentExhibition`] is replaced and a
//! [`ContentReloaded`] message tells the layers above to rebuild what they derived from it
//! (the scene, obstacles, the open panel, the tour). Changed pictures are reloaded in place.
//!
//! A file written less than [`SETTLE_SECONDS`] ago waits for the next look, so it is not read
//! half-written.
//!
//! A file that no longer parses or validates keeps its last good version on screen, and
//! [`LiveContent::notices`] names the problem with `file:line:col` until the file is fixed. A
//! kiosk is served from its last-good copy ([`super::last_good`]), refreshed from the edited
//! folder on each change; if that folder disappears, the hall keeps showing the copy.
//!
//! Polling with `stat` rather than a file-system notifier: it costs about a microsecond per file,
//! adds no dependency or Bevy feature, and sees a folder that was deleted, renamed or mounted
//! over, which notifiers report unevenly.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    path::{Path, PathBuf},
    sync::Arc,
    time::SystemTime,
};

use bevy::prelude::*;

use super::{
    diagnostics::Problem,
    exhibition::{Exhibition, read_exhibition},
    last_good,
    loading::{ContentProblems, ContentRequest, CurrentExhibition},
    source::ContentSource,
    validate::validate,
};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ContentReloaded>()
        .configure_sets(PreUpdate, (LiveReload::Detect, LiveReload::Follow).chain());
}

/// Reloading happens before the frame's input and updates: [`watch_content`] runs in `Detect`,
/// and whatever keeps a place in the content (panels, tours, the scene) follows it in `Follow`.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiveReload {
    Detect,
    Follow,
}

/// Seconds between two looks at the content folder.
pub const SCAN_SECONDS: f32 = 0.3;

/// The folders of a live-edited hall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveFolders {
    /// The folder curators edit.
    pub edited: PathBuf,
    /// The folder the hall is served from: the same folder, or a kiosk's last-good copy of it.
    pub served: PathBuf,
}

/// The content was read again and [`CurrentExhibition`] replaced; `previous` is what was shown
/// before, so places held by index (an open panel, a tour stop) can be found again by id.
#[derive(Message, Debug)]
pub struct ContentReloaded {
    pub previous: Exhibition,
}

/// Every file's modification time and size, by content-relative path.
pub type Snapshot = BTreeMap<String, (Option<SystemTime>, u64)>;

/// What the content folder holds now; `None` when the folder itself is not there.
pub fn snapshot(folder: &std::path::Path) -> Option<Snapshot> {
    if !folder.is_dir() {
        return None;
    }
    let source = ContentSource::Dir(folder.to_path_buf());
    Some(
        source
            .files()
            .into_iter()
            .filter_map(|relative| {
                let meta = std::fs::metadata(folder.join(&relative)).ok()?;
                Some((relative, (meta.modified().ok(), meta.len())))
            })
            .collect(),
    )
}

/// Files added, changed or removed between two snapshots.
pub fn changed_files(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut changed: Vec<String> = after
        .iter()
        .filter(|(path, stamp)| before.get(*path) != Some(*stamp))
        .map(|(path, _)| path.clone())
        .collect();
    changed.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    changed
}

/// How long a changed file must have been left alone to be read at once; a younger one is read
/// at the next look, so a file is not caught half-written.
pub const SETTLE_SECONDS: f64 = 0.1;

/// Whether every changed file (removed ones included) was last written long enough ago.
fn settled(changed: &[String], now: &Snapshot) -> bool {
    changed.iter().all(|file| {
        now.get(file).is_none_or(|(modified, _)| {
            modified
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age.as_secs_f64() >= SETTLE_SECONDS)
        })
    })
}

/// The state of live editing, and what staff and curators are told about it.
#[derive(Resource, Debug)]
pub struct LiveContent {
    folders: LiveFolders,
    hall: String,
    /// What the last look saw, and what the hall was last built from.
    seen: Option<Snapshot>,
    applied: Snapshot,
    since_scan: f32,
    /// The edited folder was not there at the last look.
    folder_missing: bool,
    /// The last good text of each RON file (content-relative path).
    good: HashMap<String, String>,
    /// Problems with the files as they are now (each shown in its last good version), or a
    /// missing content folder; empty when everything edited is on screen.
    pub notices: Vec<String>,
    /// Content reloads so far, and the app time (seconds) of the last one.
    pub reloads: u32,
    pub last_reload: Option<f64>,
}

impl LiveContent {
    /// Live editing of `folders`, starting from the files the hall was just built from.
    pub fn new(folders: LiveFolders, hall: String) -> Self {
        let applied = snapshot(&folders.edited).unwrap_or_default();
        let good = ron_texts(&ContentSource::Dir(folders.served.clone()));
        LiveContent {
            folders,
            hall,
            seen: None,
            applied,
            since_scan: 0.0,
            folder_missing: false,
            good,
            notices: Vec::new(),
            reloads: 0,
            last_reload: None,
        }
    }
}

/// The content read again: the exhibition to show, and what is wrong with the files as they are.
#[derive(Debug)]
pub struct Reread {
    /// `None` when not even the last good hall file can be read: the hall stays as it is.
    pub exhibition: Option<Exhibition>,
    /// Problems to show: those of each edit that is not shown, then those of the content as shown.
    pub problems: Vec<Problem>,
    /// Files shown in their last good version (as the user knows them).
    pub kept: Vec<String>,
}

/// The RON files of a content folder (halls, zones, tours) and their text.
pub fn ron_texts(source: &ContentSource) -> HashMap<String, String> {
    source
        .files()
        .into_iter()
        .filter(|file| file.ends_with(".ron"))
        .filter_map(|file| Some((file.clone(), source.read_text(&file).ok()?)))
        .collect()
}

/// Reads and checks the hall at `hall_path` in `folder` again, as `expo-hall validate` does. An
/// edited RON file with a problem is swapped for its last good text from `good`, so the hall
/// shows the rest of the edits and the problems of one file do not spill into others (a zone
/// that fails does not make the layout "miss" it). `good` takes the texts of the files that
/// passed.
pub fn reread(folder: &Path, hall_path: &str, good: &mut HashMap<String, String>) -> Reread {
    let source = ContentSource::Dir(folder.to_path_buf());
    let as_edited = validate(&source, hall_path);
    let troubled: HashSet<&str> = as_edited.problems.iter().map(|p| p.path.as_str()).collect();
    let to_keep: BTreeMap<String, Vec<u8>> = good
        .iter()
        .filter(|(file, text)| {
            troubled.contains(source.display(file).as_str())
                && source.read_text(file).ok().as_ref() != Some(*text)
        })
        .map(|(file, text)| (file.clone(), text.clone().into_bytes()))
        .collect();
    let kept: Vec<String> = to_keep.keys().map(|file| source.display(file)).collect();
    let (shown_source, mut problems) = if to_keep.is_empty() {
        (source, as_edited.problems)
    } else {
        let overlay = ContentSource::Overlay {
            base: folder.to_path_buf(),
            replaced: Arc::new(to_keep),
        };
        let mut problems: Vec<Problem> = as_edited
            .problems
            .into_iter()
            .filter(|p| kept.contains(&p.path))
            .collect();
        problems.extend(validate(&overlay, hall_path).problems);
        (overlay, problems)
    };
    problems.dedup();
    let read = read_exhibition(&shown_source, hall_path);
    if read.exhibition.is_some() {
        for (file, text) in ron_texts(&ContentSource::Dir(folder.to_path_buf())) {
            if !kept.contains(&shown_source.display(&file)) {
                good.insert(file, text);
            }
        }
    }
    Reread {
        exhibition: read.exhibition,
        problems,
        kept,
    }
}

/// The content problems staff see: those that last the whole run, then live editing's notices.
fn lasting_and(request: &ContentRequest, notices: &[String]) -> Vec<String> {
    request.notes.iter().chain(notices).cloned().collect()
}

/// Looks at the content folder and, once a change has settled, reloads (desktop and kiosk).
pub fn watch_content(
    time: Res<Time>,
    assets: Res<AssetServer>,
    request: Res<ContentRequest>,
    mut live: ResMut<LiveContent>,
    mut exhibition: ResMut<CurrentExhibition>,
    mut problems: ResMut<ContentProblems>,
    mut reloaded: MessageWriter<ContentReloaded>,
) {
    live.since_scan += time.delta_secs();
    if live.since_scan < SCAN_SECONDS {
        return;
    }
    live.since_scan = 0.0;
    let Some(now) = snapshot(&live.folders.edited) else {
        let notice = format!(
            "{}: the content folder is not there; showing the last good content",
            live.folders.edited.display()
        );
        if !live.folder_missing {
            live.folder_missing = true;
            warn!("{notice}");
            live.notices = vec![notice];
            problems.0 = lasting_and(&request, &live.notices);
        }
        return;
    };
    // A folder that is back is read again even if nothing in it changed: its notice must go.
    if now == live.applied && !live.folder_missing {
        live.seen = Some(now);
        return;
    }
    let changed = changed_files(&live.applied, &now);
    if live.seen.as_ref() != Some(&now) && !settled(&changed, &now) {
        // Still being written: wait for a look without changes.
        live.seen = Some(now);
        return;
    }
    live.folder_missing = false;
    let started = std::time::Instant::now();
    live.applied = now;
    let mut notices = Vec::new();
    if live.folders.edited != live.folders.served {
        match last_good::refresh(&live.folders.edited, &live.folders.served) {
            Ok(notes) => notices.extend(notes),
            Err(error) => {
                warn!("cannot refresh the last good copy: {error}");
                notices.push(format!(
                    "{}: cannot refresh the last good copy ({error})",
                    live.folders.served.display()
                ));
            }
        }
    }
    for file in changed.iter().filter(|f| !f.ends_with(".ron")) {
        assets.reload(file.clone());
    }
    let read = reread(
        &live.folders.served.clone(),
        &live.hall.clone(),
        &mut live.good,
    );
    notices.extend(read.problems.iter().map(ToString::to_string));
    notices.extend(
        read.kept
            .iter()
            .map(|file| format!("{file}: showing its last good version until it is fixed")),
    );
    for notice in &notices {
        warn!("content problem: {notice}");
    }
    info!(
        "content changed ({} file(s)), read and checked in {} ms",
        changed.len(),
        started.elapsed().as_millis()
    );
    if let Some(fresh) = read.exhibition {
        let previous = std::mem::replace(&mut exhibition.0, fresh);
        reloaded.write(ContentReloaded { previous });
    }
    problems.0 = lasting_and(&request, &notices);
    live.notices = notices;
    live.reloads += 1;
    live.last_reload = Some(time.elapsed_secs_f64());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_added_edited_and_removed_files() {
        let stamp = |len| (None, len);
        let before: Snapshot = [("a".to_owned(), stamp(1)), ("b".to_owned(), stamp(2))].into();
        let after: Snapshot = [("b".to_owned(), stamp(3)), ("c".to_owned(), stamp(1))].into();
        assert_eq!(changed_files(&before, &after), ["b", "c", "a"]);
        assert!(changed_files(&after, &after).is_empty());
    }

    #[test]
    fn a_folder_that_is_gone_has_no_snapshot() {
        let gone = std::env::temp_dir().join(format!("expo-hall-gone-{}", std::process::id()));
        assert_eq!(snapshot(&gone), None);
    }
}
