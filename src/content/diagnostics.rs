//! Problems found in content files, reported as `path:line:col: message` with a source snippet.
//!
//! The snippet is drawn here rather than with a diagnostics crate because the first line of every
//! report must be the plain `path:line:col: message` form that editors and CI logs link to.

use std::fmt;

/// One thing wrong with the content, pinned to a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user knows it (content-relative for shipped files, or the given path).
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file (missing, unreadable).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    pub message: String,
    /// The offending source line, when known.
    pub source_line: Option<String>,
}

impl Problem {
    /// A problem with the whole file.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: 0,
            col: 0,
            message: message.into(),
            source_line: None,
        }
    }

    /// A problem at a 1-based line and column of `text`.
    pub fn at(
        path: impl Into<String>,
        text: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = line
            .checked_sub(1)
            .and_then(|index| text.lines().nth(index))
            .map(str::to_owned);
        Problem {
            path: path.into(),
            line: line.max(1),
            col: col.max(1),
            message: message.into(),
            source_line,
        }
    }

    /// A problem at the first place in `text` where `anchor` appears, and then, if given,
    /// the first `field:` after it. Falls back to the start of the file.
    pub fn near(
        path: impl Into<String>,
        text: &str,
        anchor: &str,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        let (line, col) = locate(text, anchor, field);
        Problem::at(path, text, line, col, message)
    }

    /// The report with its source snippet, as `validate` prints it.
    pub fn render(&self) -> String {
        let mut out = self.to_string();
        if let Some(source_line) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret_col = source_line
                .chars()
                .take(self.col.saturating_sub(1))
                .map(display_width)
                .sum::<usize>();
            out.push_str(&format!(
                "\n{pad} |\n{gutter} | {source_line}\n{pad} | {}^",
                " ".repeat(caret_col)
            ));
        }
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.col, self.message
            )
        }
    }
}

/// Terminal columns a character takes: CJK and full-width forms take two.
fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6);
    if wide { 2 } else { 1 }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where `anchor` (then the first `field:` after it) appears in `text`, as a 1-based line and column.
pub fn locate(text: &str, anchor: &str, field: Option<&str>) -> (usize, usize) {
    let Some(anchor_at) = text.find(anchor) else {
        return (1, 1);
    };
    let at = field
        .and_then(|field| {
            let key = format!("{field}:");
            text[anchor_at..].find(&key).map(|i| anchor_at + i)
        })
        .unwrap_or(anchor_at);
    line_col(text, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_col_and_a_caret_under_the_column() {
        let text = "Zone(\n    id: 12,\n)";
        let problem = Problem::at("zones/x.zone.ron", text, 2, 9, "expected a string");
        assert_eq!(
            problem.render(),
            "zones/x.zone.ron:2:9: expected a string\n  |\n2 |     id: 12,\n  |         ^"
        );
    }

    #[test]
    fn caret_accounts_for_wide_chinese_characters() {
        let text = "(zh: \"重庆\", x: 1)";
        let col = text.chars().position(|c| c == 'x').unwrap() + 1;
        let rendered = Problem::at("f.ron", text, 1, col, "m").render();
        let caret_line = rendered.lines().last().unwrap();
        // "(zh: \"" is 6 columns, 重庆 is 4, "\", " is 3.
        assert_eq!(caret_line.find('^').unwrap() - 4, 13);
    }

    #[test]
    fn locates_a_field_after_its_anchor() {
        let text = "Exhibit(\n id: \"a\",\n title: (),\n)\nExhibit(\n id: \"b\",\n title: (),\n)";
        assert_eq!(locate(text, "\"b\"", Some("title")), (7, 2));
        assert_eq!(locate(text, "\"zzz\"", None), (1, 1));
    }

    #[test]
    fn whole_file_problems_have_no_position() {
        assert_eq!(
            Problem::file("zones/gone.zone.ron", "file not found").to_string(),
            "zones/gone.zone.ron: file not found"
        );
    }
}
