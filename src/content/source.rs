//! Where content files are read from: a folder on disk (`--content DIR`), the copy of
//! `assets/` embedded in the binary at build time, or a folder with some files replaced in memory
//! (live editing's last good versions).
//!
//! Paths inside the content are always content-relative with `/` separators; [`safe_relative`]
//! rejects anything that could leave the content folder.

use std::{
    collections::BTreeMap,
    fs, io,
    path::{Path, PathBuf},
    sync::Arc,
};

include!(concat!(env!("OUT_DIR"), "/embedded_assets.rs"));

/// The content folder the hall is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The shipped content, embedded in the binary.
    Embedded,
    /// A folder on disk laid out like `assets/`.
    Dir(PathBuf),
    /// A folder with some files replaced in memory (content-relative path → bytes): live editing
    /// checks the content as it will be shown, each broken edit swapped for its last good text.
    Overlay {
        base: PathBuf,
        replaced: Arc<BTreeMap<String, Vec<u8>>>,
    },
}

impl ContentSource {
    /// `Dir` for an explicit folder, the embedded content otherwise.
    pub fn from_option(dir: Option<PathBuf>) -> Self {
        dir.map_or(ContentSource::Embedded, ContentSource::Dir)
    }

    pub fn read(&self, relative: &str) -> io::Result<Vec<u8>> {
        safe_relative(relative).map_err(|why| io::Error::new(io::ErrorKind::InvalidInput, why))?;
        match self {
            ContentSource::Embedded => embedded(relative).map(<[u8]>::to_vec).ok_or_else(|| {
                io::Error::new(io::ErrorKind::NotFound, "not in the shipped content")
            }),
            ContentSource::Dir(dir) => fs::read(dir.join(relative)),
            ContentSource::Overlay { base, replaced } => match replaced.get(relative) {
                Some(bytes) => Ok(bytes.clone()),
                None => fs::read(base.join(relative)),
            },
        }
    }

    pub fn read_text(&self, relative: &str) -> io::Result<String> {
        String::from_utf8(self.read(relative)?)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not valid UTF-8 text"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        safe_relative(relative).is_ok()
            && match self {
                ContentSource::Embedded => embedded(relative).is_some(),
                ContentSource::Dir(dir) => dir.join(relative).is_file(),
                ContentSource::Overlay { base, replaced } => {
                    replaced.contains_key(relative) || base.join(relative).is_file()
                }
            }
    }

    /// How a file is named in messages: the path on disk, or `assets/…` for shipped content.
    pub fn display(&self, relative: &str) -> String {
        match self {
            ContentSource::Embedded => format!("assets/{relative}"),
            ContentSource::Dir(dir) | ContentSource::Overlay { base: dir, .. } => {
                dir.join(relative).to_string_lossy().into_owned()
            }
        }
    }

    /// The hall a folder opens when none is named: its only hall file; among several, the only
    /// one that `extends` no other; else the first by name. `None` for a folder with no hall.
    pub fn default_hall(&self) -> Option<String> {
        let mut halls: Vec<String> = self
            .files()
            .into_iter()
            .filter(|f| f.ends_with(".hall.ron"))
            .collect();
        halls.sort();
        if halls.len() <= 1 {
            return halls.pop();
        }
        let bases: Vec<&String> = halls
            .iter()
            .filter(|f| {
                self.read_text(f)
                    .ok()
                    .and_then(|text| super::parse::parse_hall(f, &text).ok())
                    .is_some_and(|hall| hall.extends.is_none())
            })
            .collect();
        match bases.as_slice() {
            [only] => Some((*only).clone()),
            _ => halls.first().cloned(),
        }
    }

    /// Every file of the content, content-relative, sorted.
    pub fn files(&self) -> Vec<String> {
        match self {
            ContentSource::Embedded => EMBEDDED_FILES
                .iter()
                .map(|(p, _)| (*p).to_owned())
                .collect(),
            ContentSource::Dir(dir) => {
                let mut out = Vec::new();
                walk(dir, dir, &mut out);
                out.sort();
                out
            }
            ContentSource::Overlay { base, replaced } => {
                let mut out = Vec::new();
                walk(base, base, &mut out);
                out.extend(replaced.keys().cloned());
                out.sort();
                out.dedup();
                out
            }
        }
    }
}

fn embedded(relative: &str) -> Option<&'static [u8]> {
    EMBEDDED_FILES
        .iter()
        .find(|(path, _)| *path == relative)
        .map(|(_, bytes)| *bytes)
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            walk(&path, root, out);
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Checks that a content path stays inside the content folder: relative, `/`-separated, no `..`.
pub fn safe_relative(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("the path is empty".into());
    }
    if path.starts_with('/') || path.contains('\\') || path.contains(':') {
        return Err(format!(
            "`{path}` must be relative to the content folder, with `/` separators"
        ));
    }
    if path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(format!(
            "`{path}` leaves the content folder or has an empty part"
        ));
    }
    Ok(())
}

/// Resolves `relative` against the folder of the content file `base` (for `extends`).
pub fn sibling(base: &str, relative: &str) -> String {
    match base.rfind('/') {
        Some(slash) => format!("{}/{relative}", &base[..slash]),
        None => relative.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_paths_that_leave_the_content_folder() {
        assert!(safe_relative("images/a.png").is_ok());
        for bad in [
            "../secret.png",
            "images/../../x.png",
            "/etc/passwd",
            "C:\\x.png",
            "a//b.png",
            "",
        ] {
            assert!(safe_relative(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn the_shipped_content_is_embedded() {
        let source = ContentSource::Embedded;
        let hall = source.default_hall().expect("a hall file");
        assert!(source.exists(&hall));
        assert_eq!(hall, "halls/n2.hall.ron", "the hall the other extends");
        assert!(source.files().iter().any(|f| f.ends_with(".zone.ron")));
        assert!(!source.exists("../Cargo.toml"));
    }

    #[test]
    fn a_folder_with_one_hall_opens_it() {
        let dir = std::env::temp_dir().join(format!("expo-hall-one-hall-{}", std::process::id()));
        fs::create_dir_all(dir.join("halls")).unwrap();
        fs::write(dir.join("halls/spring-fair.hall.ron"), "HallFile()").unwrap();
        let source = ContentSource::Dir(dir.clone());
        assert_eq!(
            source.default_hall().as_deref(),
            Some("halls/spring-fair.hall.ron")
        );
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(ContentSource::Dir(dir).default_hall(), None);
    }

    #[test]
    fn siblings_resolve_next_to_their_base() {
        assert_eq!(
            sibling("halls/a.hall.ron", "n2.hall.ron"),
            "halls/n2.hall.ron"
        );
        assert_eq!(sibling("a.hall.ron", "b.ron"), "b.ron");
    }
}
