//! Shared test helpers: a temporary copy of the shipped content to break on purpose, and a
//! headless Bevy app that loads content through the asset system.

use std::{
    fs,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
    time::Duration,
};

use bevy::{
    camera::NormalizedRenderTarget,
    image::{CompressedImageFormats, ImageLoader},
    picking::{
        backend::HitData,
        events::{Click, Pointer},
        pointer::{Location, PointerButton, PointerId},
    },
    prelude::*,
    state::app::StatesPlugin,
    time::TimeUpdateStrategy,
};
use expo_hall::{
    content::{
        self,
        exhibition::Exhibition,
        loading::{ContentProblems, ContentRequest, CurrentExhibition},
        source::{ContentSource, EMBEDDED_FILES},
    },
    hall,
    i18n::CurrentLang,
    screens,
};

/// A throw-away copy of `assets/` under the system temp folder, removed on drop.
pub struct TempContent {
    pub dir: PathBuf,
}

impl TempContent {
    /// The shipped content without its narration audio (20 MB most tests do not need).
    pub fn new() -> Self {
        Self::copy(false)
    }

    /// The shipped content with its narration audio.
    #[allow(dead_code)]
    pub fn with_audio() -> Self {
        Self::copy(true)
    }

    fn copy(audio: bool) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "expo-hall-test-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        for (path, bytes) in EMBEDDED_FILES {
            if !audio && path.starts_with("audio/") {
                continue;
            }
            let target = dir.join(path);
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(target, bytes).unwrap();
        }
        TempContent { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap()
    }

    pub fn read_bytes(&self, relative: &str) -> Vec<u8> {
        fs::read(self.path(relative)).unwrap()
    }

    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Replaces the first `from` in a file, failing loudly if it is not there.
    pub fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, text.replacen(from, to, 1));
    }

    pub fn source(&self) -> ContentSource {
        ContentSource::Dir(self.dir.clone())
    }
}

impl Drop for TempContent {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// 1-based line and column of the first `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    expo_hall::content::diagnostics::line_col(text, offset)
}

/// MinimalPlugins + AssetPlugin (serving `source`) + states + the content plugin.
pub fn content_app(source: ContentSource) -> App {
    let mut app = App::new();
    let asset_plugin = content::assets::asset_plugin_for(&source, &mut app);
    app.add_plugins((MinimalPlugins, asset_plugin, StatesPlugin))
        .init_asset::<Image>()
        .register_asset_loader(ImageLoader::new(CompressedImageFormats::NONE))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            16,
        )))
        .insert_resource(ContentRequest {
            hall: source.default_hall().unwrap_or_else(main_hall),
            notes: Vec::new(),
            kept_copies: Vec::new(),
            builtin_fonts: !content::loading::has_own_fonts(&source),
            extra_fonts: content::loading::extra_fonts(&source),
            live: None,
        })
        .add_plugins((screens::plugin, content::plugin));
    app
}

/// Updates until the content has been assembled (or fails after a generous wait).
pub fn load_exhibition(app: &mut App) -> (Exhibition, Vec<String>) {
    for _ in 0..3000 {
        app.update();
        if let Some(exhibition) = app.world().get_resource::<CurrentExhibition>() {
            let problems = app.world().resource::<ContentProblems>().0.clone();
            return (exhibition.0.clone(), problems);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("content did not finish loading");
}

/// Entities and the assets a leak would show in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneCounts {
    pub entities: usize,
    pub images: usize,
    pub materials: usize,
    pub meshes: usize,
}

/// What the app's world holds now. Resources are entities too; a resource that comes and goes (a
/// tour) is not a leak, so they are not counted.
pub fn scene_counts(app: &mut App) -> SceneCounts {
    let world = app.world_mut();
    let entities = world
        .query_filtered::<(), Without<bevy::ecs::resource::IsResource>>()
        .iter(world)
        .count();
    SceneCounts {
        entities,
        images: world.resource::<Assets<Image>>().len(),
        materials: world.resource::<Assets<StandardMaterial>>().len(),
        meshes: world.resource::<Assets<Mesh>>().len(),
    }
}

/// The asset types the hall builder makes or loads (headless apps have no render plugins).
pub fn scene_assets(app: &mut App) -> &mut App {
    app.init_asset::<Mesh>()
        .init_asset::<StandardMaterial>()
        .init_asset::<bevy::world_serialization::WorldAsset>()
}

/// A headless app with the shipped hall built (meshes, materials, signs), in the hall screen.
pub fn built_hall() -> (App, Exhibition) {
    built_hall_with(|_| {})
}

/// [`built_hall`], with `prepare` run on the app before the hall is built.
pub fn built_hall_with(prepare: impl FnOnce(&mut App)) -> (App, Exhibition) {
    let mut app = content_app(ContentSource::Embedded);
    scene_assets(&mut app)
        .insert_resource(CurrentLang(crate::support::lang("en")))
        .add_plugins(hall::plugin);
    prepare(&mut app);
    let (exhibition, _) = load_exhibition(&mut app);
    for _ in 0..20 {
        app.update();
        if *app.world().resource::<State<screens::Screen>>().get() == screens::Screen::Hall {
            break;
        }
    }
    assert_eq!(
        *app.world().resource::<State<screens::Screen>>().get(),
        screens::Screen::Hall
    );
    (app, exhibition)
}

/// The shipped content's main hall (the one the other hall file extends).
/// A language by its tag, for tests.
pub fn lang(code: &str) -> expo_hall::content::model::Lang {
    expo_hall::content::model::Lang::parse(code).expect("a test's language tag")
}

/// The shipped hall's languages, in its order.
pub fn shipped_languages() -> Vec<expo_hall::content::model::Lang> {
    expo_hall::content::exhibition::hall_languages(&ContentSource::Embedded, &main_hall())
}

pub fn main_hall() -> String {
    ContentSource::Embedded
        .default_hall()
        .expect("the shipped content has a hall")
}

pub fn shipped() -> Exhibition {
    let read = content::exhibition::read_exhibition(&ContentSource::Embedded, &main_hall());
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    read.exhibition.unwrap()
}

#[allow(dead_code)]
pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// A picking event on `entity`, as mesh picking sends it.
pub fn pointer<E: std::fmt::Debug + Clone + Reflect>(event: E, entity: Entity) -> Pointer<E> {
    let location = Location {
        target: NormalizedRenderTarget::None {
            width: 1,
            height: 1,
        },
        position: Vec2::ZERO,
    };
    Pointer::new(PointerId::Mouse, location, event, entity)
}

/// A hit with no position.
pub fn hit() -> HitData {
    HitData::new(Entity::PLACEHOLDER, 1.0, None, None)
}

/// A primary-button click.
pub fn click() -> Click {
    Click {
        button: PointerButton::Primary,
        hit: hit(),
        duration: Duration::from_millis(80),
        count: 1,
    }
}
