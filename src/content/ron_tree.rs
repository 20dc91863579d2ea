//! A RON file read as a tree of values with their byte ranges, comments and strings understood:
//! what `ron` itself does not keep. The validator walks it beside the schema to name every
//! missing field of a file at once; it never decides what a file means (serde does).

use std::ops::Range;

/// One value of a RON text and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `Name(key: value, …)` or `(key: value, …)`; each field with the range of its key.
    Struct {
        name: Option<String>,
        fields: Vec<(String, Range<usize>, Node)>,
    },
    /// `Name(a, b)`, `(a, b)` or `Name` alone.
    Tuple {
        name: Option<String>,
        items: Vec<Node>,
    },
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Str(String),
    /// A number, `true`, `false` or a character.
    Atom(String),
}

impl Node {
    /// The struct's fields, if this is one.
    pub fn fields(&self) -> Option<&[(String, Range<usize>, Node)]> {
        match &self.kind {
            NodeKind::Struct { fields, .. } => Some(fields),
            _ => None,
        }
    }

    /// The name written before the parentheses (`Some`, `Plinth`, `Zone`).
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Struct { name, .. } | NodeKind::Tuple { name, .. } => name.as_deref(),
            _ => None,
        }
    }
}

/// Reads `text` as one RON value (with `#![enable(…)]` lines and comments skipped); `None` where
/// it is not well formed, which serde reports better.
pub fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader { text, at: 0 };
    reader.skip_blank();
    while reader.rest().starts_with("#![") {
        let end = reader.rest().find(']')?;
        reader.at += end + 1;
        reader.skip_blank();
    }
    let node = reader.value()?;
    reader.skip_blank();
    (reader.at == text.len()).then_some(node)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips white space, `// …` and (nested) `/* … */` comments.
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                let mut depth = 0;
                let mut i = 0;
                let bytes = trimmed.as_bytes();
                while i + 1 < bytes.len() {
                    match (bytes[i], bytes[i + 1]) {
                        (b'/', b'*') => {
                            depth += 1;
                            i += 2;
                        }
                        (b'*', b'/') => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => i += 1,
                    }
                }
                self.at += i.max(2).min(trimmed.len());
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_blank();
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// An identifier, raw (`r#pt-BR`) or plain.
    fn identifier(&mut self) -> Option<String> {
        self.skip_blank();
        let rest = self.rest();
        let (raw, body) = match rest.strip_prefix("r#") {
            Some(body) => (true, body),
            None => (false, rest),
        };
        let len: usize = body
            .char_indices()
            .take_while(|(i, c)| {
                c.is_alphanumeric()
                    || *c == '_'
                    || (raw && matches!(c, '-' | '.' | '+'))
                    || (*i > 0 && c.is_ascii_digit())
            })
            .map(|(_, c)| c.len_utf8())
            .sum();
        let first = body.chars().next()?;
        if len == 0 || first.is_ascii_digit() {
            return None;
        }
        self.at += len + if raw { 2 } else { 0 };
        Some(body[..len].to_owned())
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_blank();
        let start = self.at;
        let kind = match self.peek()? {
            '"' => NodeKind::Str(self.string()?),
            'r' if self.rest().starts_with("r\"") || self.rest().starts_with("r#\"") => {
                NodeKind::Str(self.raw_string()?)
            }
            '\'' => {
                let end = self.rest()[1..].find('\'')? + 2;
                self.at += end;
                NodeKind::Atom(self.text[start..self.at].to_owned())
            }
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                while !self.eat(']') {
                    items.push(self.value()?);
                    if !self.eat(',') {
                        self.eat(']').then_some(())?;
                        break;
                    }
                }
                NodeKind::List(items)
            }
            '{' => {
                self.at += 1;
                let mut entries = Vec::new();
                while !self.eat('}') {
                    let key = self.value()?;
                    self.eat(':').then_some(())?;
                    entries.push((key, self.value()?));
                    if !self.eat(',') {
                        self.eat('}').then_some(())?;
                        break;
                    }
                }
                NodeKind::Map(entries)
            }
            '(' => self.parenthesised(None)?,
            c if c.is_alphabetic() || c == '_' => {
                let name = self.identifier()?;
                if ["true", "false"].contains(&name.as_str()) {
                    NodeKind::Atom(name)
                } else {
                    self.skip_blank();
                    if self.peek() == Some('(') {
                        self.parenthesised(Some(name))?
                    } else {
                        NodeKind::Tuple {
                            name: Some(name),
                            items: Vec::new(),
                        }
                    }
                }
            }
            _ => {
                let len = self
                    .rest()
                    .find(|c: char| {
                        c == ',' || c == ')' || c == ']' || c == '}' || c.is_whitespace()
                    })
                    .unwrap_or(self.rest().len());
                if len == 0 {
                    return None;
                }
                self.at += len;
                NodeKind::Atom(self.text[start..self.at].to_owned())
            }
        };
        Some(Node {
            span: start..self.at,
            kind,
        })
    }

    /// `( … )` after an optional name: a struct when its first item is `key:`.
    fn parenthesised(&mut self, name: Option<String>) -> Option<NodeKind> {
        self.eat('(').then_some(())?;
        let save = self.at;
        let is_struct = {
            let key = self.identifier();
            self.skip_blank();
            let colon = self.rest().starts_with(':') && !self.rest().starts_with("::");
            key.is_some() && colon
        };
        self.at = save;
        if is_struct {
            let mut fields = Vec::new();
            while !self.eat(')') {
                self.skip_blank();
                let key_start = self.at;
                let key = self.identifier()?;
                let key_span = key_start..self.at;
                self.eat(':').then_some(())?;
                fields.push((key, key_span, self.value()?));
                if !self.eat(',') {
                    self.eat(')').then_some(())?;
                    break;
                }
            }
            Some(NodeKind::Struct { name, fields })
        } else {
            let mut items = Vec::new();
            while !self.eat(')') {
                items.push(self.value()?);
                if !self.eat(',') {
                    self.eat(')').then_some(())?;
                    break;
                }
            }
            Some(NodeKind::Tuple { name, items })
        }
    }

    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        let mut chars = self.rest().char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return Some(out);
                }
                '\\' => {
                    let (_, escaped) = chars.next()?;
                    out.push(match escaped {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                }
                c => out.push(c),
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<String> {
        let rest = self.rest();
        let hashes = rest[1..].chars().take_while(|c| *c == '#').count();
        let open = 2 + hashes;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = rest[open..].find(&close)?;
        let body = rest[open..open + end].to_owned();
        self.at += open + end + close.len();
        Some(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_structs_tuples_lists_and_strings_with_their_ranges_past_comments() {
        let text = r#"// a zone
Zone(
    id: "xx", /* note ( not a paren */
    name: (en: "A, b", r#pt-BR: "c \"d\""),
    kind: Pavilion((iso: "XX", booth: (width: 9.0))),
    start: (0.0, -31.0),
    list: [Hall, Area("np"),],
)"#;
        let node = parse(text).expect("well formed");
        assert_eq!(node.name(), Some("Zone"));
        let fields = node.fields().unwrap();
        let keys: Vec<&str> = fields.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(keys, ["id", "name", "kind", "start", "list"]);
        assert_eq!(&text[fields[0].1.clone()], "id");
        let name = fields[1].2.fields().unwrap();
        assert_eq!(name[1].0, "pt-BR");
        assert_eq!(name[1].2.kind, NodeKind::Str("c \"d\"".into()));
        assert_eq!(
            &text[fields[1].2.span.clone()],
            r#"(en: "A, b", r#pt-BR: "c \"d\"")"#
        );
        let NodeKind::Tuple { name, items } = &fields[2].2.kind else {
            panic!("a newtype variant");
        };
        assert_eq!((name.as_deref(), items.len()), (Some("Pavilion"), 1));
        assert!(
            matches!(fields[3].2.kind, NodeKind::Tuple { name: None, ref items } if items.len() == 2)
        );
        assert!(matches!(fields[4].2.kind, NodeKind::List(ref items) if items.len() == 2));
    }

    #[test]
    fn a_broken_text_reads_as_nothing() {
        for broken in ["Zone(id: \"x\"", "(a: )", "[1, 2", "\"open"] {
            assert_eq!(parse(broken), None, "{broken}");
        }
    }
}
