//! The content folder's `CREDITS.md`: the table of third-party files, read once at start so the
//! About panel can name every author, source and licence (the file stays the one place they are
//! written).

use bevy::prelude::*;

use super::source::ContentSource;

/// The file, relative to the content folder.
pub const CREDITS_FILE: &str = "CREDITS.md";

/// One row of the credits table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub files: String,
    pub what: String,
    pub from: String,
    pub licence: String,
}

/// The credits of the content on show (empty if the folder has no `CREDITS.md`).
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits(pub Vec<Credit>);

impl Credits {
    pub fn load(source: &ContentSource) -> Credits {
        source
            .read_text(CREDITS_FILE)
            .map(|text| Credits::parse(&text))
            .unwrap_or_default()
    }

    /// The rows of the first Markdown table with four columns, header and rule left out;
    /// backticks are dropped.
    pub fn parse(markdown: &str) -> Credits {
        let rows = markdown
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with('|') && line.ends_with('|'))
            .map(|line| {
                line.trim_matches('|')
                    .split('|')
                    .map(|cell| cell.trim().replace('`', ""))
                    .collect::<Vec<_>>()
            })
            .filter(|cells| cells.len() == 4)
            .skip(1)
            .filter(|cells| !cells[0].starts_with("---"))
            .map(|cells| Credit {
                files: cells[0].clone(),
                what: cells[1].clone(),
                from: cells[2].clone(),
                licence: cells[3].clone(),
            })
            .collect();
        Credits(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rows_of_the_table() {
        let credits = Credits::parse(
            "# Credits\n\n| Files | What | From | Licence |\n|---|---|---|---|\n\
             | `a.glb` | A horse | Debian `x` 1.0 | CC0 |\n\ntext | not a row\n",
        );
        assert_eq!(
            credits.0,
            vec![Credit {
                files: "a.glb".into(),
                what: "A horse".into(),
                from: "Debian x 1.0".into(),
                licence: "CC0".into(),
            }]
        );
    }

    #[test]
    fn the_shipped_credits_name_every_model_file() {
        let credits = Credits::load(&ContentSource::Embedded);
        let named: String = credits.0.iter().map(|c| c.files.clone()).collect();
        for file in ContentSource::Embedded.files() {
            if let Some(name) = file.strip_prefix("models/").filter(|f| f.ends_with(".glb")) {
                assert!(named.contains(name), "{file} has no line in CREDITS.md");
            }
        }
    }
}
