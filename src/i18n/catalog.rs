//! The catalogs of interface words: `i18n/<lang>.ftl` in the content folder, or the copy built
//! into the program for any language the folder has no file for. Fluent's plural rules pick
//! "1 result" / "2 results" (and Russian's three forms); a missing word falls back along the
//! language's fallback chain, then to its id, so the interface never goes blank.

use std::collections::{BTreeSet, HashMap};

use bevy::prelude::Resource;
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::Word;
use crate::content::{
    diagnostics::{Problem, line_col},
    model::Lang,
    source::ContentSource,
};

/// A value for a `{ $placeholder }`: numbers (plural rules apply) or text.
pub use fluent_bundle::FluentValue as Arg;

/// Where a language's catalog lives in a content folder.
pub fn catalog_path(lang: Lang) -> String {
    format!("i18n/{}.ftl", lang.code())
}

fn locale(lang: Lang) -> LanguageIdentifier {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Zh => "zh-CN",
        Lang::Ru => "ru-RU",
    };
    tag.parse().unwrap_or_default()
}

/// One language's catalog: the bundle that formats it, and the placeholders each message uses.
struct Catalog {
    lang: Lang,
    /// The file, as messages name it.
    shown: String,
    text: String,
    bundle: FluentBundle<FluentResource>,
    placeholders: HashMap<String, BTreeSet<String>>,
}

/// Every language's interface words.
#[derive(Resource)]
pub struct Catalogs {
    catalogs: Vec<Catalog>,
    /// Problems met while reading the files (syntax errors, with their position).
    pub problems: Vec<Problem>,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs")
            .field(
                "languages",
                &self.catalogs.iter().map(|c| c.lang).collect::<Vec<_>>(),
            )
            .field("problems", &self.problems)
            .finish()
    }
}

impl Catalogs {
    /// The catalogs of `source`; a language whose file the folder lacks uses the built-in one.
    pub fn load(source: &ContentSource) -> Catalogs {
        let mut catalogs = Catalogs {
            catalogs: Vec::new(),
            problems: Vec::new(),
        };
        for lang in Lang::ALL {
            let path = catalog_path(lang);
            let (shown, read) = match source.read_text(&path) {
                Ok(text) => (source.display(&path), Ok(text)),
                Err(_) => (
                    ContentSource::Embedded.display(&path),
                    ContentSource::Embedded.read_text(&path),
                ),
            };
            match read {
                Ok(text) => catalogs.add(lang, shown, text),
                Err(error) => catalogs.problems.push(Problem::file(
                    shown,
                    format!("cannot read the catalog: {error}"),
                )),
            }
        }
        catalogs
    }

    /// The catalogs built into the program.
    pub fn builtin() -> Catalogs {
        Catalogs::load(&ContentSource::Embedded)
    }

    fn add(&mut self, lang: Lang, shown: String, text: String) {
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    // The start of the broken message: Fluent's own position is often where
                    // it gave up, at the start of the next line.
                    let at = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
                    let (line, col) = line_col(&text, at);
                    self.problems.push(Problem::at(
                        &shown,
                        &text,
                        line,
                        col,
                        format!("this is not Fluent syntax: {error}"),
                    ));
                }
                resource
            }
        };
        let placeholders = placeholders_of(&text);
        let mut bundle = FluentBundle::new_concurrent(vec![locale(lang)]);
        // Unicode isolation marks around placeholders would show as boxes in the hall's fonts.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            for error in errors {
                self.problems
                    .push(Problem::file(&shown, format!("in the catalog: {error}")));
            }
        }
        self.catalogs.push(Catalog {
            lang,
            shown,
            text,
            bundle,
            placeholders,
        });
    }

    fn catalog(&self, lang: Lang) -> Option<&Catalog> {
        self.catalogs.iter().find(|c| c.lang == lang)
    }

    /// `word` in `lang`, its placeholders filled from `args`.
    pub fn format(&self, lang: Lang, word: Word, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for lang in lang.fallback_chain() {
            let Some(catalog) = self.catalog(lang) else {
                continue;
            };
            let Some(pattern) = catalog
                .bundle
                .get_message(word.id())
                .and_then(|m| m.value())
            else {
                continue;
            };
            let mut errors = Vec::new();
            let text = catalog
                .bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
        word.id().to_owned()
    }

    /// `word` in `lang`.
    pub fn text(&self, lang: Lang, word: Word) -> String {
        self.format(lang, word, &[])
    }

    /// The words of one language, for code that draws a whole screen in it.
    pub fn words(&self, lang: Lang) -> Words<'_> {
        Words {
            catalogs: self,
            lang,
        }
    }

    /// What is wrong with the catalogs as a set: words a catalog lacks, and placeholders that
    /// differ from the English catalog's. Each problem points at the file (and the message).
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let english = self.catalog(Lang::En);
        for catalog in &self.catalogs {
            for word in Word::ALL {
                let id = word.id();
                let Some(used) = catalog.placeholders.get(id) else {
                    problems.push(Problem::file(
                        &catalog.shown,
                        format!(
                            "`{id}` is missing: every catalog needs every word of the interface"
                        ),
                    ));
                    continue;
                };
                let expected = english.and_then(|e| e.placeholders.get(id));
                if let Some(expected) = expected
                    && expected != used
                {
                    let names = |set: &BTreeSet<String>| {
                        set.iter()
                            .map(|n| format!("${n}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let line = catalog
                        .text
                        .lines()
                        .position(|l| {
                            l.strip_prefix(id)
                                .is_some_and(|rest| rest.trim_start().starts_with('='))
                        })
                        .map_or(1, |index| index + 1);
                    problems.push(Problem::at(
                        &catalog.shown,
                        &catalog.text,
                        line,
                        1,
                        format!(
                            "`{id}` uses {{ {} }} but the English catalog uses {{ {} }}",
                            names(used),
                            names(expected)
                        ),
                    ));
                }
            }
        }
        problems
    }
}

/// A language's words.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    catalogs: &'a Catalogs,
    pub lang: Lang,
}

impl Words<'_> {
    pub fn get(&self, word: Word) -> String {
        self.catalogs.text(self.lang, word)
    }

    pub fn with(&self, word: Word, args: &[(&str, Arg<'_>)]) -> String {
        self.catalogs.format(self.lang, word, args)
    }
}

/// The `{ $variables }` each message of an FTL text uses (its value, attributes and variants).
fn placeholders_of(text: &str) -> HashMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut found = HashMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut names);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut names);
            }
            found.insert(message.id.name.to_owned(), names);
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, names);
            for variant in variants {
                pattern_variables(&variant.value, names);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, names),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, names);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, names);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogs_of(files: &[(Lang, &str)]) -> Catalogs {
        let mut catalogs = Catalogs {
            catalogs: Vec::new(),
            problems: Vec::new(),
        };
        for (lang, text) in files {
            catalogs.add(*lang, format!("{}.ftl", lang.code()), (*text).to_owned());
        }
        catalogs
    }

    #[test]
    fn plural_rules_follow_the_language() {
        let catalogs = Catalogs::builtin();
        let count =
            |lang, n: usize| catalogs.format(lang, Word::ResultsFound, &[("count", Arg::from(n))]);
        assert_eq!(count(Lang::En, 1), "1 result");
        assert_eq!(count(Lang::En, 3), "3 results");
        assert_eq!(count(Lang::Ru, 1), "1 результат");
        assert_eq!(count(Lang::Ru, 3), "3 результата");
        assert_eq!(count(Lang::Ru, 5), "5 результатов");
        assert_eq!(count(Lang::Zh, 5), "5 条结果");
    }

    #[test]
    fn placeholders_are_filled_without_isolation_marks() {
        let catalogs = Catalogs::builtin();
        let text = catalogs.format(Lang::En, Word::IsoCode, &[("code", Arg::from("NP"))]);
        assert_eq!(text, "ISO 3166: NP");
    }

    #[test]
    fn a_missing_word_falls_back_and_a_broken_file_is_positioned() {
        let catalogs = catalogs_of(&[
            (Lang::En, "walk = Walk\nclose = Close\n"),
            (Lang::Zh, "walk = 漫步\nclose = { $oops\n"),
        ]);
        assert_eq!(catalogs.text(Lang::Zh, Word::Walk), "漫步");
        assert_eq!(
            catalogs.text(Lang::Zh, Word::Close),
            "Close",
            "falls back to English"
        );
        assert_eq!(
            catalogs.text(Lang::Zh, Word::Plan),
            "plan",
            "then to its id"
        );
        let problem = &catalogs.problems[0];
        assert_eq!(
            (problem.path.as_str(), problem.line),
            ("zh.ftl", 2),
            "{problem}"
        );
    }

    #[test]
    fn the_check_finds_missing_words_and_differing_placeholders() {
        let catalogs = catalogs_of(&[
            (Lang::En, "iso-code = ISO { $code }\n"),
            (Lang::Zh, "iso-code = ISO { $cod }\n"),
        ]);
        let problems = catalogs.check();
        assert!(
            problems
                .iter()
                .any(|p| p.path == "zh.ftl" && p.line == 1 && p.message.contains("$cod")),
            "{problems:#?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("`walk` is missing"))
        );
    }
}
