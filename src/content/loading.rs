//! Loading the hall through the asset server: the hall file first, then every zone it lists and
//! the fonts. When everything has either loaded or failed, the [`CurrentExhibition`] resource is
//! assembled from what loaded and the problems are kept in [`ContentProblems`]: a broken zone
//! file never stops the hall.
//!
//! What to load comes in as a plain [`ContentRequest`]; when loading starts and what follows it
//! is the screen flow's business (`screens`), which runs [`start_loading`] and [`track_loading`].

use bevy::{asset::LoadState, prelude::*};

use super::{
    assets::{FontBytes, HallAsset, ZoneAsset},
    exhibition::{Exhibition, zone_colours},
    source::ContentSource,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ContentProblems>()
        .init_resource::<ContentRequest>()
        .add_systems(
            Update,
            report_broken_models.run_if(on_message::<bevy::asset::UntypedAssetLoadFailedEvent>),
        );
}

/// A model file Bevy could not load (`validate` names it with its line; the hall shows the rest
/// of the exhibit without it): told to staff once, like any other content problem.
fn report_broken_models(
    mut failed: MessageReader<bevy::asset::UntypedAssetLoadFailedEvent>,
    mut problems: ResMut<ContentProblems>,
) {
    for failure in failed.read() {
        let path = failure.path.path().to_string_lossy();
        if !path.ends_with(".glb") {
            continue;
        }
        let message = format!("model `{path}` could not be loaded: {}", failure.error);
        if !problems.0.contains(&message) {
            warn!("{message}");
            problems.0.push(message);
        }
    }
}

/// Which hall to load, and problems found before the window opened, passed on to staff with the
/// rest.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ContentRequest {
    /// Content-relative hall file.
    pub hall: String,
    /// Problems that last as long as the program runs (a broken interface catalog).
    pub notes: Vec<String>,
    /// A kiosk's content files that were broken at start, shown in their last good copy.
    pub kept_copies: Vec<String>,
    /// Load the fonts from the program's own copy: the content folder has none.
    pub builtin_fonts: bool,
    /// The content folder's fonts for scripts the built-in ones lack (see [`extra_fonts`]).
    pub extra_fonts: Vec<String>,
    /// Watch a content folder and show its edits while the hall is open.
    pub live: Option<super::live::LiveFolders>,
}

impl Default for ContentRequest {
    fn default() -> Self {
        ContentRequest {
            hall: ContentSource::Embedded.default_hall().unwrap_or_default(),
            notes: Vec::new(),
            kept_copies: Vec::new(),
            builtin_fonts: false,
            extra_fonts: Vec::new(),
            live: None,
        }
    }
}

/// The exhibition being shown.
#[derive(Resource, Debug, Deref)]
pub struct CurrentExhibition(pub Exhibition);

/// Problems met while loading content, one message each, for logs and the staff indicator.
#[derive(Resource, Debug, Default)]
pub struct ContentProblems(pub Vec<String>);

/// The fonts every text is drawn with (signs in 3D and the egui UI), each list in order of
/// preference: a Latin and Cyrillic face, then the Chinese face for what the first lacks.
#[derive(Resource, Debug, Clone)]
pub struct Fonts {
    pub regular: Vec<Handle<FontBytes>>,
    pub bold: Vec<Handle<FontBytes>>,
}

impl Fonts {
    fn all(&self) -> impl Iterator<Item = &Handle<FontBytes>> {
        self.regular.iter().chain(&self.bold)
    }
}

/// The text fonts, first choice first (content-relative).
pub const REGULAR_FONTS: [&str; 2] = ["fonts/NotoSans-Regular.ttf", "fonts/NotoSansSC-Regular.otf"];
/// The same for bold text (signs, headings).
pub const BOLD_FONTS: [&str; 2] = ["fonts/NotoSans-Bold.ttf", "fonts/NotoSansSC-Bold.otf"];

/// Whether a content source has every font file itself; if not, the built-in ones are used.
pub fn has_own_fonts(source: &super::source::ContentSource) -> bool {
    REGULAR_FONTS
        .iter()
        .chain(&BOLD_FONTS)
        .all(|font| source.exists(font))
}

/// The fonts of a content folder's `fonts/` other than the built-in faces (`.ttf`, `.otf`): a
/// fair in a script the built-in fonts lack (Georgian, Thai, Hebrew …) brings one, and every
/// text is drawn with it where the built-in faces have no glyph.
pub fn extra_fonts(source: &super::source::ContentSource) -> Vec<String> {
    if matches!(source, super::source::ContentSource::Embedded) {
        return Vec::new();
    }
    let mut fonts: Vec<String> = source
        .files()
        .into_iter()
        .filter(|f| f.starts_with("fonts/") && (f.ends_with(".ttf") || f.ends_with(".otf")))
        .filter(|f| !REGULAR_FONTS.contains(&f.as_str()) && !BOLD_FONTS.contains(&f.as_str()))
        .collect();
    fonts.sort();
    fonts
}

/// Handles of everything being loaded, and how far it has come.
#[derive(Resource, Debug)]
pub struct LoadingContent {
    pub hall: Handle<HallAsset>,
    pub zones: Vec<(String, Handle<ZoneAsset>)>,
    pub fonts: Fonts,
    /// Files finished (loaded or failed) out of files known so far.
    pub done: usize,
    pub total: usize,
    /// Set when the hall file itself cannot be read: nothing can be shown.
    pub fatal: Option<String>,
}

/// Starts loading the requested hall and the fonts.
pub fn start_loading(
    mut commands: Commands,
    assets: Res<AssetServer>,
    request: Res<ContentRequest>,
) {
    let load = |path: &str| -> Handle<FontBytes> {
        if request.builtin_fonts {
            assets.load(format!("{}://{path}", super::assets::BUILTIN_SOURCE))
        } else {
            assets.load(path.to_owned())
        }
    };
    let fonts = Fonts {
        regular: REGULAR_FONTS.iter().map(|f| load(f)).collect(),
        bold: BOLD_FONTS.iter().map(|f| load(f)).collect(),
    };
    // The folder's own fonts for other scripts come after the built-in faces, regular and bold.
    let mut fonts = fonts;
    for extra in &request.extra_fonts {
        let handle: Handle<FontBytes> = assets.load(extra.clone());
        fonts.regular.push(handle.clone());
        fonts.bold.push(handle);
    }
    commands.insert_resource(fonts.clone());
    commands.insert_resource(LoadingContent {
        hall: assets.load(request.hall.clone()),
        zones: Vec::new(),
        fonts,
        done: 0,
        total: 1 + REGULAR_FONTS.len() + BOLD_FONTS.len() + 2 * request.extra_fonts.len(),
        fatal: None,
    });
}

fn failed(state: &LoadState) -> Option<String> {
    match state {
        LoadState::Failed(error) => Some(error.to_string()),
        _ => None,
    }
}

/// Follows the files as they load; when all have loaded or failed, assembles the exhibition.
pub fn track_loading(
    mut commands: Commands,
    assets: Res<AssetServer>,
    mut loading: ResMut<LoadingContent>,
    halls: Res<Assets<HallAsset>>,
    mut zones: ResMut<Assets<ZoneAsset>>,
    mut problems: ResMut<ContentProblems>,
    request: Res<ContentRequest>,
    exhibition: Option<Res<CurrentExhibition>>,
) {
    if loading.fatal.is_some() || exhibition.is_some() {
        return;
    }
    let hall_state = assets.load_state(&loading.hall);
    if let Some(error) = failed(&hall_state) {
        error!("the hall file cannot be loaded: {error}");
        loading.fatal = Some(error);
        return;
    }
    let Some(hall) = halls.get(&loading.hall) else {
        return;
    };
    if loading.zones.is_empty() {
        let handles = hall
            .hall
            .zone_files
            .iter()
            .map(|file| (file.clone(), assets.load(file.clone())))
            .collect();
        loading.zones = handles;
        loading.total = 1 + loading.fonts.all().count() + loading.zones.len();
    }
    let mut done = 1;
    for handle in loading.fonts.all() {
        if matches!(
            assets.load_state(handle),
            LoadState::Loaded | LoadState::Failed(_)
        ) {
            done += 1;
        }
    }
    for (_, handle) in &loading.zones {
        if matches!(
            assets.load_state(handle),
            LoadState::Loaded | LoadState::Failed(_)
        ) && !assets
            .get_recursive_dependency_load_state(handle)
            .is_some_and(|s| s.is_loading())
        {
            done += 1;
        }
    }
    loading.done = done;
    if done < loading.total {
        return;
    }
    let mut found = request.notes.clone();
    found.extend(request.kept_copies.iter().cloned());
    found.extend(hall.warnings.iter().map(ToString::to_string));
    for handle in loading.fonts.all() {
        found.extend(failed(&assets.load_state(handle)));
    }
    let mut loaded = Vec::new();
    for (file, handle) in &loading.zones {
        match zones.get_mut(handle) {
            Some(zone) => {
                if let Some(bevy::asset::RecursiveDependencyLoadState::Failed(error)) =
                    assets.get_recursive_dependency_load_state(handle)
                {
                    found.push(format!("{file}: an image did not load: {error}"));
                }
                found.extend(
                    zone_colours(&zone.zone)
                        .into_iter()
                        .filter_map(|c| c.unreadable())
                        .map(|text| {
                            format!("{file}: `{text}` is not a colour: expected \"#RRGGBB\"")
                        }),
                );
                loaded.push(zone.zone.clone());
            }
            None => found.extend(
                failed(&assets.load_state(handle))
                    .or_else(|| Some(format!("{file}: did not load"))),
            ),
        }
    }
    let (exhibition, layout_problems, fixed) =
        Exhibition::assemble(hall.hall.clone(), loaded, hall.tours.clone());
    found.extend(fixed.into_iter().map(|note| match note.zone {
        Some(zone) => format!("zone `{zone}`: {}", note.message),
        None => format!("{}: {}", hall.hall.path, note.message),
    }));
    found.extend(
        layout_problems
            .into_iter()
            .map(|p| format!("{}: {}", hall.hall.path, p.message)),
    );
    for problem in &found {
        warn!("content problem: {problem}");
    }
    info!(
        "loaded {} zones, {} exhibits from {}",
        exhibition.zones.len(),
        exhibition.exhibit_count(),
        exhibition.hall.path
    );
    problems.0 = found;
    if let Some(folders) = &request.live {
        commands.insert_resource(super::live::LiveContent::new(
            folders.clone(),
            request.hall.clone(),
        ));
    }
    commands.insert_resource(CurrentExhibition(exhibition));
}
