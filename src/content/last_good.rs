//! "Keeps the last good content": before a kiosk starts from a content folder, every file is
//! copied into a last-good folder, except zone, tour and hall files that no longer parse, whose
//! previous good copy stays. The kiosk then runs from the last-good folder, so a broken edit
//! never takes a pavilion off the floor; each kept copy is reported to staff. Live editing
//! ([`super::live`]) refreshes the copy again whenever the content folder changes.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::{
    parse::{parse_hall, parse_tour, parse_zone},
    source::ContentSource,
};

/// Where the last good content is kept: `$XDG_CACHE_HOME/expo-hall/last-good`, else
/// `~/.cache/expo-hall/last-good`.
pub fn default_folder() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("expo-hall").join("last-good")
}

/// Whether a content file parses (files that are not RON always pass).
fn parses(relative: &str, text: &str) -> Result<(), String> {
    let result = if relative.ends_with(".zone.ron") {
        parse_zone(relative, text).map(|_| ())
    } else if relative.ends_with(".tour.ron") {
        parse_tour(relative, text).map(|_| ())
    } else if relative.ends_with(".hall.ron") {
        parse_hall(relative, text).map(|_| ())
    } else {
        Ok(())
    };
    result.map_err(|problem| problem.to_string())
}

/// Brings `last_good` up to date from `content`, writing only files that differ. Returns one note
/// per broken file: whether its last good copy is being shown, or it is missing from the hall.
/// A content folder that is gone is an error, and the copy stays as it was.
pub fn refresh(content: &Path, last_good: &Path) -> io::Result<Vec<String>> {
    let mut notes = Vec::new();
    if !content.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the content folder {} is not there", content.display()),
        ));
    }
    let source = ContentSource::Dir(content.to_path_buf());
    for relative in source.files() {
        let target = last_good.join(&relative);
        let bytes = fs::read(content.join(&relative))?;
        let broken = match std::str::from_utf8(&bytes) {
            Ok(text) => parses(&relative, text).err(),
            Err(_) if relative.ends_with(".ron") => Some(format!("{relative}: not UTF-8 text")),
            Err(_) => None,
        };
        match broken {
            None if fs::read(&target).is_ok_and(|old| old == bytes) => {}
            None => {
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent)?;
                }
                fs::write(&target, &bytes)?;
            }
            Some(problem) if target.exists() => {
                notes.push(format!("{problem} — showing the last good copy"))
            }
            Some(problem) => notes.push(format!("{problem} — no good copy yet, left out")),
        }
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("expo-hall-last-good-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_broken_edit_keeps_the_previous_good_copy() {
        let content = temp("content");
        let last_good = temp("cache");
        let zone = "Zone(id: \"xx\", name: (en: \"X\", zh: \"X\"), kind: Pavilion((iso: \"XX\", group: \"member\", flag_colours: [\"#FF0000\"], booth: (width: 9.0, depth: 6.0))), intro: (en: \"i\", zh: \"i\"), exhibits: [])";
        fs::create_dir_all(content.join("zones")).unwrap();
        fs::write(content.join("zones/xx.zone.ron"), zone).unwrap();
        fs::write(content.join("notes.txt"), "hello").unwrap();
        assert!(refresh(&content, &last_good).unwrap().is_empty());
        assert_eq!(
            fs::read_to_string(last_good.join("zones/xx.zone.ron")).unwrap(),
            zone
        );

        fs::write(content.join("zones/xx.zone.ron"), "Zone(id: ").unwrap();
        let notes = refresh(&content, &last_good).unwrap();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("zones/xx.zone.ron") && notes[0].contains("last good copy"),
            "{notes:?}"
        );
        assert_eq!(
            fs::read_to_string(last_good.join("zones/xx.zone.ron")).unwrap(),
            zone,
            "the good copy stays"
        );

        fs::write(content.join("zones/new.zone.ron"), "broken").unwrap();
        let notes = refresh(&content, &last_good).unwrap();
        assert!(
            notes
                .iter()
                .any(|n| n.contains("new.zone.ron") && n.contains("left out")),
            "{notes:?}"
        );
        let _ = fs::remove_dir_all(&content);
        let _ = fs::remove_dir_all(&last_good);
    }

    #[test]
    fn unchanged_files_are_not_rewritten_and_a_missing_folder_leaves_the_copy() {
        let content = temp("same");
        let last_good = temp("same-cache");
        fs::write(content.join("notes.txt"), "hello").unwrap();
        refresh(&content, &last_good).unwrap();
        let copied = last_good.join("notes.txt");
        let stamp = fs::metadata(&copied).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        refresh(&content, &last_good).unwrap();
        assert_eq!(fs::metadata(&copied).unwrap().modified().unwrap(), stamp);

        fs::remove_dir_all(&content).unwrap();
        assert!(refresh(&content, &last_good).is_err());
        assert_eq!(fs::read_to_string(&copied).unwrap(), "hello");
        let _ = fs::remove_dir_all(&last_good);
    }
}
