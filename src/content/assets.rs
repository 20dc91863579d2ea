//! Bevy's side of the content: asset types and loaders for `*.hall.ron` and `*.zone.ron` (and
//! the bundled font files), and the asset source that serves the content folder or the copy
//! embedded in the binary. The loaders call the same parser as `expo-hall validate`.

use std::path::Path;

use bevy::{
    asset::{
        AssetLoader, LoadContext,
        io::{
            AssetSourceBuilder, AssetSourceId, Reader,
            memory::{Dir, MemoryAssetReader, Value},
        },
    },
    prelude::*,
};
use thiserror::Error;

use super::{
    diagnostics::Problem,
    exhibition::{ResolvedHall, resolve_chain},
    model::{HallFile, TourFile, Zone, ZoneKind},
    parse::{parse_hall, parse_tour, parse_zone},
    source::{ContentSource, EMBEDDED_FILES, safe_relative, sibling},
};

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ZoneAsset>()
        .init_asset::<HallAsset>()
        .init_asset::<FontBytes>()
        .register_asset_loader(ZoneLoader)
        .register_asset_loader(HallLoader)
        .register_asset_loader(FontLoader);
}

/// Makes the content the default asset source. Call before `AssetPlugin` is added: a folder
/// becomes `AssetPlugin::file_path`, the embedded content an in-memory source.
pub fn asset_plugin_for(source: &ContentSource, app: &mut App) -> AssetPlugin {
    // The program's own copy of the content, always there as `builtin://` (fonts for a folder
    // that brings none).
    app.register_asset_source(
        AssetSourceId::Name(BUILTIN_SOURCE.into()),
        embedded_source(),
    );
    match source {
        ContentSource::Embedded => {
            app.register_asset_source(AssetSourceId::Default, embedded_source());
            AssetPlugin::default()
        }
        ContentSource::Dir(dir) | ContentSource::Overlay { base: dir, .. } => {
            let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
            AssetPlugin {
                file_path: absolute.to_string_lossy().into_owned(),
                ..default()
            }
        }
    }
}

/// The asset source that serves the content built into the program.
pub const BUILTIN_SOURCE: &str = "builtin";

fn embedded_source() -> AssetSourceBuilder {
    let dir = Dir::default();
    for (path, bytes) in EMBEDDED_FILES {
        dir.insert_asset(Path::new(path), Value::Static(bytes));
    }
    AssetSourceBuilder::new(move || Box::new(MemoryAssetReader { root: dir.clone() }))
}

/// A loaded zone file, with handles to the images it shows (loaded as its dependencies).
#[derive(Asset, TypePath, Debug)]
pub struct ZoneAsset {
    pub zone: Zone,
    #[dependency]
    pub images: Vec<Handle<Image>>,
}

/// A loaded hall file, `extends` already followed, with its guided tours.
#[derive(Asset, TypePath, Debug)]
pub struct HallAsset {
    pub hall: ResolvedHall,
    pub tours: Vec<TourFile>,
    /// Problems that did not stop the hall from opening (a missing `about`, a broken tour).
    pub warnings: Vec<Problem>,
}

/// The raw bytes of a font file, for the sign rasterizer and egui.
#[derive(Asset, TypePath, Debug)]
pub struct FontBytes(pub Vec<u8>);

/// Why a content file could not be loaded; its message is the positioned problem.
#[derive(Debug, Error)]
pub enum ContentLoadError {
    #[error("{0}")]
    Problem(Problem),
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
}

async fn read_text(reader: &mut dyn Reader, path: &str) -> Result<String, ContentLoadError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| ContentLoadError::Io {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    String::from_utf8(bytes).map_err(|_| ContentLoadError::Io {
        path: path.to_owned(),
        message: "not UTF-8 text".into(),
    })
}

fn content_path(load_context: &LoadContext) -> String {
    load_context
        .path()
        .path()
        .to_string_lossy()
        .replace('\\', "/")
}

#[derive(TypePath)]
struct ZoneLoader;

impl AssetLoader for ZoneLoader {
    type Asset = ZoneAsset;
    type Settings = ();
    type Error = ContentLoadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<ZoneAsset, ContentLoadError> {
        let path = content_path(load_context);
        let text = read_text(reader, &path).await?;
        let zone = parse_zone(&path, &text).map_err(ContentLoadError::Problem)?;
        let mut images = Vec::new();
        let mut image_paths: Vec<&str> = zone
            .exhibits
            .iter()
            .flat_map(|e| e.media.iter().map(|m| m.path.as_str()))
            .collect();
        if let ZoneKind::Pavilion(pavilion) = &zone.kind {
            image_paths.extend(pavilion.flag_image.as_deref());
            image_paths.extend(pavilion.native_name.as_ref().map(|n| n.print.as_str()));
        }
        for image in image_paths {
            // Unsafe paths are reported by the validator; the app simply does not follow them.
            if safe_relative(image).is_ok() {
                images.push(load_context.load(image.to_owned()));
            }
        }
        Ok(ZoneAsset { zone, images })
    }

    fn extensions(&self) -> &[&str] {
        &["zone.ron"]
    }
}

#[derive(TypePath)]
struct HallLoader;

impl AssetLoader for HallLoader {
    type Asset = HallAsset;
    type Settings = ();
    type Error = ContentLoadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<HallAsset, ContentLoadError> {
        let path = content_path(load_context);
        let text = read_text(reader, &path).await?;
        let first: HallFile = parse_hall(&path, &text).map_err(ContentLoadError::Problem)?;
        let mut chain = vec![(path.clone(), first)];
        while let Some(base) = chain
            .last()
            .and_then(|(p, h)| h.extends.as_ref().map(|b| sibling(p, b)))
        {
            if chain.iter().any(|(p, _)| *p == base) {
                return Err(ContentLoadError::Problem(Problem::file(
                    path,
                    "`extends` goes round in a circle",
                )));
            }
            let bytes = load_context
                .read_asset_bytes(base.clone())
                .await
                .map_err(|e| ContentLoadError::Io {
                    path: base.clone(),
                    message: e.to_string(),
                })?;
            let base_text = String::from_utf8(bytes).map_err(|_| ContentLoadError::Io {
                path: base.clone(),
                message: "not UTF-8 text".into(),
            })?;
            let hall = parse_hall(&base, &base_text).map_err(ContentLoadError::Problem)?;
            chain.push((base, hall));
        }
        // Shipped content is named `assets/…` in messages, as `validate` does.
        let (hall, warning) = resolve_chain(&ContentSource::Embedded, &path, chain)
            .map_err(ContentLoadError::Problem)?;
        let mut warnings: Vec<Problem> = warning.into_iter().collect();
        let mut tours = Vec::new();
        for file in &hall.tour_files {
            let text = match load_context
                .read_asset_bytes(file.clone())
                .await
                .map(String::from_utf8)
            {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    warnings.push(Problem::file(file.clone(), "not UTF-8 text"));
                    continue;
                }
                Err(error) => {
                    warnings.push(Problem::file(
                        file.clone(),
                        format!("cannot read the tour file: {error}"),
                    ));
                    continue;
                }
            };
            match parse_tour(file, &text) {
                Ok(tour) => tours.push(tour),
                Err(problem) => warnings.push(problem),
            }
        }
        Ok(HallAsset {
            hall,
            tours,
            warnings,
        })
    }

    fn extensions(&self) -> &[&str] {
        &["hall.ron"]
    }
}

#[derive(TypePath)]
struct FontLoader;

impl AssetLoader for FontLoader {
    type Asset = FontBytes;
    type Settings = ();
    type Error = ContentLoadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<FontBytes, ContentLoadError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| ContentLoadError::Io {
                path: content_path(load_context),
                message: e.to_string(),
            })?;
        Ok(FontBytes(bytes))
    }

    fn extensions(&self) -> &[&str] {
        &["otf", "ttf"]
    }
}
