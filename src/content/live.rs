//! Live editing: while the hall is open, the content folder curators edit is looked at a few
//! times a second. When a file has changed (and stayed unchanged for one more look, so a file
//! being saved is not read half-written), the content is read again and checked as
//! `expo-hall validate` checks it, the [`CurrentExhibition`] is replaced and a
//! [`ContentReloaded`] message tells the layers above to rebuild what they derived from it
//! (the scene, obstacles, the open panel, the tour). Changed pictures are reloaded in place.
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
    path::PathBuf,
    time::SystemTime,
};

use bevy::prelude::*;

use super::{
    diagnostics::Problem,
    exhibition::{Exhibition, read_hall},
    last_good,
    loading::{ContentProblems, ContentRequest, CurrentExhibition},
    model::{TourFile, Zone},
    parse::{parse_tour, parse_zone},
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

/// The state of live editing, and what staff and curators are told about it.
#[derive(Resource, Debug)]
pub struct LiveContent {
    folders: LiveFolders,
    hall: String,
    /// What the last look saw, and what the hall was last built from.
    seen: Option<Snapshot>,
    applied: Snapshot,
    since_scan: f32,
    /// The last version of each zone file that parsed and validated.
    good_zones: HashMap<String, Zone>,
    /// Problems with the files as they are now (each shown in its last good version), or a
    /// missing content folder; empty when everything edited is on screen.
    pub notices: Vec<String>,
    /// Content reloads so far, and the app time (seconds) of the last one.
    pub reloads: u32,
    pub last_reload: Option<f64>,
}

impl LiveContent {
    /// Live editing of `folders`, starting from the zones the hall was built from.
    pub fn new(folders: LiveFolders, hall: String, good_zones: HashMap<String, Zone>) -> Self {
        let applied = snapshot(&folders.edited).unwrap_or_default();
        LiveContent {
            folders,
            hall,
            seen: None,
            applied,
            since_scan: 0.0,
            good_zones,
            notices: Vec::new(),
            reloads: 0,
            last_reload: None,
        }
    }

    pub fn folders(&self) -> &LiveFolders {
        &self.folders
    }
}

/// The content read again: the exhibition to show, and the problems of the files as they are.
#[derive(Debug)]
pub struct Reread {
    pub exhibition: Exhibition,
    /// The validator's problems with the files on disk.
    pub problems: Vec<Problem>,
    /// Files shown in their last good version because of those problems.
    pub kept: Vec<String>,
}

/// Reads the hall at `hall_path` again. Each file with a problem keeps what `previous` shows of
/// it: a zone its last good version from `good_zones` (updated here with the zones that passed),
/// the hall file the previous hall, a tour file the previous tours.
pub fn reread(
    source: &ContentSource,
    hall_path: &str,
    previous: &Exhibition,
    good_zones: &mut HashMap<String, Zone>,
) -> Reread {
    let report = validate(source, hall_path);
    let troubled: HashSet<&str> = report.problems.iter().map(|p| p.path.as_str()).collect();
    let is_troubled = |file: &str| troubled.contains(source.display(file).as_str());
    let mut kept = Vec::new();
    let hall = match read_hall(source, hall_path) {
        Ok((hall, _)) if !is_troubled(hall_path) => hall,
        _ => {
            kept.push(source.display(hall_path));
            previous.hall.clone()
        }
    };
    let mut zones = Vec::new();
    for file in &hall.zone_files {
        let fresh = (!is_troubled(file))
            .then(|| source.read_text(file).ok())
            .flatten()
            .and_then(|text| parse_zone(&source.display(file), &text).ok());
        match fresh {
            Some(zone) => {
                good_zones.insert(file.clone(), zone.clone());
                zones.push(zone);
            }
            None => {
                kept.push(source.display(file));
                zones.extend(good_zones.get(file).cloned());
            }
        }
    }
    let tours: Option<Vec<TourFile>> = hall
        .tour_files
        .iter()
        .map(|file| {
            let text = source.read_text(file).ok().filter(|_| !is_troubled(file))?;
            parse_tour(&source.display(file), &text).ok()
        })
        .collect();
    let tours = tours.unwrap_or_else(|| {
        kept.extend(
            hall.tour_files
                .iter()
                .filter(|f| is_troubled(f))
                .map(|f| source.display(f)),
        );
        previous.tours.clone()
    });
    let (exhibition, _, _) = Exhibition::assemble(hall, zones, tours);
    kept.dedup();
    Reread {
        exhibition,
        problems: report.problems,
        kept,
    }
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
        if !live.notices.contains(&notice) {
            warn!("{notice}");
            live.notices = vec![notice];
            problems.0 = request
                .notes
                .iter()
                .cloned()
                .chain(live.notices.clone())
                .collect();
        }
        return;
    };
    let folder_returned = live
        .notices
        .iter()
        .any(|n| n.contains("content folder is not there"));
    if now == live.applied && !folder_returned {
        live.seen = Some(now);
        return;
    }
    if live.seen.as_ref() != Some(&now) {
        // Changed since the last look: wait for one more look without changes.
        live.seen = Some(now);
        return;
    }
    let changed = changed_files(&live.applied, &now);
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
    let LiveContent {
        folders,
        hall,
        good_zones,
        ..
    } = &mut *live;
    let source = ContentSource::Dir(folders.served.clone());
    let read = reread(&source, hall, &exhibition, good_zones);
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
        "content changed ({} file(s)): {} zones, {} exhibits",
        changed.len(),
        read.exhibition.zones.len(),
        read.exhibition.exhibit_count()
    );
    let previous = std::mem::replace(&mut exhibition.0, read.exhibition);
    reloaded.write(ContentReloaded { previous });
    problems.0 = request
        .notes
        .iter()
        .cloned()
        .chain(notices.clone())
        .collect();
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
