//! The catalogs of interface words for the hall's declared languages: `i18n/<code>.ftl` in the
//! content folder, else the copy built into the program, if it has one. Fluent's plural rules
//! pick "1 result" / "2 results" (and Russian's three forms); a word a language's catalog lacks
//! (or a language with no catalog at all) falls back, word by word, to the first declared
//! language that has it, then to the built-in English, then to its id: the interface never
//! goes blank.

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
    lang.code().parse().unwrap_or_default()
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

/// Every declared language's interface words.
#[derive(Resource)]
pub struct Catalogs {
    catalogs: Vec<Catalog>,
    /// The hall's languages, in their order: the order words fall back in.
    declared: Vec<Lang>,
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

/// The language whose built-in catalog is the last resort for a word no declared catalog has.
const LAST_RESORT: &str = "en";

impl Catalogs {
    /// The catalogs of `languages` (the hall's) from `source`: a language whose file the folder
    /// lacks uses the built-in one, if there is one. The built-in English is read as well, as
    /// the last resort.
    pub fn load(source: &ContentSource, languages: &[Lang]) -> Catalogs {
        let mut catalogs = Catalogs {
            catalogs: Vec::new(),
            declared: languages.to_vec(),
            problems: Vec::new(),
        };
        let last_resort = Lang::from_code(LAST_RESORT);
        let wanted = languages.iter().copied().chain(last_resort);
        for lang in wanted {
            if catalogs.catalog(lang).is_some() {
                continue;
            }
            let path = catalog_path(lang);
            let declared = languages.contains(&lang);
            let (shown, read) = match source.read_text(&path).ok().filter(|_| declared) {
                Some(text) => (source.display(&path), Ok(text)),
                None if ContentSource::Embedded.exists(&path) => (
                    ContentSource::Embedded.display(&path),
                    ContentSource::Embedded.read_text(&path),
                ),
                // A declared language with no catalog anywhere: its words fall back.
                None => continue,
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

    /// The catalogs built into the program, for the languages of the shipped hall.
    pub fn builtin() -> Catalogs {
        let source = ContentSource::Embedded;
        let languages = source
            .default_hall()
            .map(|hall| crate::content::exhibition::hall_languages(&source, &hall))
            .unwrap_or_default();
        Catalogs::load(&source, &languages)
    }

    /// The hall's languages these catalogs serve, in order.
    pub fn declared(&self) -> &[Lang] {
        &self.declared
    }

    /// Whether `lang` has a catalog of its own (from the folder or built in).
    pub fn has_catalog(&self, lang: Lang) -> bool {
        self.catalog(lang).is_some()
    }

    /// The language's own name for the language switch: its catalog's `language-name`, else
    /// its tag.
    pub fn language_name(&self, lang: Lang) -> String {
        self.catalog(lang)
            .and_then(|c| c.bundle.get_message(Word::LanguageName.id()))
            .and_then(|m| m.value())
            .map(|pattern| {
                let mut errors = Vec::new();
                self.catalog(lang)
                    .map(|c| {
                        c.bundle
                            .format_pattern(pattern, None, &mut errors)
                            .into_owned()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_else(|| lang.code().to_owned())
    }

    /// The order in which catalogs are asked for a word in `lang`.
    fn chain(&self, lang: Lang) -> impl Iterator<Item = &Catalog> {
        let order = std::iter::once(lang)
            .chain(self.declared.iter().copied())
            .chain(Lang::from_code(LAST_RESORT));
        order.filter_map(|l| self.catalog(l))
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
        for catalog in self.chain(lang) {
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

    /// What is wrong with the declared languages' catalogs: a placeholder that differs from
    /// the built-in English catalog's is an error at its message; a language with no catalog,
    /// or a catalog that lacks words, is one warning naming how many words fall back and to
    /// which language.
    pub fn check(&self) -> CatalogCheck {
        let mut check = CatalogCheck::default();
        let english = Lang::from_code(LAST_RESORT).and_then(|l| self.catalog(l));
        let total = Word::ALL.len();
        for &lang in &self.declared {
            let fallback = self
                .chain(lang)
                .map(|c| c.lang)
                .find(|l| *l != lang)
                .map_or_else(|| "their ids".to_owned(), |l| format!("`{l}`"));
            let Some(catalog) = self.catalog(lang) else {
                check.warnings.push(Problem::file(
                    catalog_path(lang),
                    format!(
                        "`{lang}` has no interface catalog (no {} in the content folder and none built in): all {total} interface words are shown in {fallback}",
                        catalog_path(lang)
                    ),
                ));
                continue;
            };
            let missing: Vec<&str> = Word::ALL
                .iter()
                .map(|w| w.id())
                .filter(|id| !catalog.placeholders.contains_key(*id))
                .collect();
            if !missing.is_empty() {
                let named: Vec<String> =
                    missing.iter().take(5).map(|id| format!("`{id}`")).collect();
                let more = if missing.len() > 5 { ", …" } else { "" };
                check.warnings.push(Problem::file(
                    &catalog.shown,
                    format!(
                        "lacks {} of the {total} interface words ({}{more}): they are shown in {fallback}",
                        missing.len(),
                        named.join(", ")
                    ),
                ));
            }
            for word in Word::ALL {
                let id = word.id();
                let Some(used) = catalog.placeholders.get(id) else {
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
                    check.problems.push(Problem::at(
                        &catalog.shown,
                        &catalog.text,
                        line,
                        1,
                        format!(
                            "`{id}` uses {{ {} }} but the built-in English catalog uses {{ {} }}",
                            names(used),
                            names(expected)
                        ),
                    ));
                }
            }
        }
        check
    }
}

/// What [`Catalogs::check`] found.
#[derive(Debug, Default)]
pub struct CatalogCheck {
    /// Messages whose placeholders differ from the English catalog's.
    pub problems: Vec<Problem>,
    /// Languages and words shown in another language.
    pub warnings: Vec<Problem>,
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

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap()
    }

    fn catalogs_of(declared: &[&str], files: &[(&str, &str)]) -> Catalogs {
        let mut catalogs = Catalogs {
            catalogs: Vec::new(),
            declared: declared.iter().map(|c| lang(c)).collect(),
            problems: Vec::new(),
        };
        for (code, text) in files {
            catalogs.add(lang(code), format!("{code}.ftl"), (*text).to_owned());
        }
        catalogs
    }

    #[test]
    fn plural_rules_follow_the_language() {
        let catalogs = Catalogs::builtin();
        let count = |code: &str, n: usize| {
            catalogs.format(lang(code), Word::ResultsFound, &[("count", Arg::from(n))])
        };
        assert_eq!(count("en", 1), "1 result");
        assert_eq!(count("en", 3), "3 results");
        assert_eq!(count("ru", 1), "1 результат");
        assert_eq!(count("ru", 3), "3 результата");
        assert_eq!(count("ru", 5), "5 результатов");
        assert_eq!(count("zh", 5), "5 条结果");
    }

    #[test]
    fn placeholders_are_filled_without_isolation_marks() {
        let catalogs = Catalogs::builtin();
        let text = catalogs.format(lang("en"), Word::IsoCode, &[("code", Arg::from("NP"))]);
        assert_eq!(text, "ISO 3166: NP");
    }

    #[test]
    fn a_missing_word_falls_back_to_the_first_declared_language_and_a_broken_file_is_positioned() {
        let catalogs = catalogs_of(
            &["zh", "en"],
            &[
                ("en", "walk = Walk\nclose = Close\n"),
                ("zh", "walk = 漫步\nclose = { $oops\n"),
            ],
        );
        assert_eq!(catalogs.text(lang("zh"), Word::Walk), "漫步");
        assert_eq!(
            catalogs.text(lang("zh"), Word::Close),
            "Close",
            "falls back"
        );
        assert_eq!(
            catalogs.text(lang("zh"), Word::Plan),
            "plan",
            "then to its id"
        );
        let problem = &catalogs.problems[0];
        assert_eq!(
            (problem.path.as_str(), problem.line),
            ("zh.ftl", 2),
            "{problem}"
        );
        let de_first = catalogs_of(
            &["de", "en"],
            &[
                ("de", "walk = Gehen\n"),
                ("en", "walk = Walk\nclose = Close\n"),
            ],
        );
        assert_eq!(
            de_first.text(lang("kk"), Word::Walk),
            "Gehen",
            "the first declared"
        );
        assert_eq!(
            de_first.text(lang("de"), Word::Close),
            "Close",
            "word by word"
        );
    }

    #[test]
    fn any_declared_language_is_served_and_one_without_a_catalog_falls_back_with_one_warning() {
        let folder =
            std::env::temp_dir().join(format!("expo-hall-catalogs-{}", std::process::id()));
        std::fs::create_dir_all(folder.join("i18n")).unwrap();
        std::fs::write(
            folder.join("i18n/de.ftl"),
            "language-name = Deutsch\nwalk = Gehen\n",
        )
        .unwrap();
        let source = ContentSource::Dir(folder.clone());
        let catalogs = Catalogs::load(&source, &[lang("de"), lang("kk"), lang("en")]);
        assert_eq!(catalogs.text(lang("de"), Word::Walk), "Gehen");
        assert_eq!(catalogs.language_name(lang("de")), "Deutsch");
        assert_eq!(
            catalogs.language_name(lang("kk")),
            "kk",
            "no catalog: its tag"
        );
        assert_eq!(
            catalogs.text(lang("kk"), Word::Walk),
            "Gehen",
            "the first declared with one"
        );
        assert_eq!(
            catalogs.text(lang("de"), Word::Close),
            "Close",
            "built-in English"
        );
        let check = catalogs.check();
        assert!(check.problems.is_empty(), "{:#?}", check.problems);
        let kk: Vec<_> = check
            .warnings
            .iter()
            .filter(|w| w.message.contains("`kk`"))
            .collect();
        assert_eq!(kk.len(), 1, "{:#?}", check.warnings);
        assert!(
            kk[0]
                .message
                .contains(&format!("all {} interface words", Word::ALL.len()))
        );
        let de: Vec<_> = check
            .warnings
            .iter()
            .filter(|w| w.path.ends_with("de.ftl"))
            .collect();
        assert_eq!(de.len(), 1, "{:#?}", check.warnings);
        assert!(
            de[0]
                .message
                .contains(&format!("lacks {} of the", Word::ALL.len() - 2)),
            "{}",
            de[0]
        );
        std::fs::remove_dir_all(folder).ok();
    }

    #[test]
    fn the_check_finds_differing_placeholders() {
        let catalogs = catalogs_of(
            &["en", "zh"],
            &[
                ("en", "iso-code = ISO { $code }\n"),
                ("zh", "iso-code = ISO { $cod }\n"),
            ],
        );
        let check = catalogs.check();
        assert!(
            check
                .problems
                .iter()
                .any(|p| p.path == "zh.ftl" && p.line == 1 && p.message.contains("$cod")),
            "{:#?}",
            check.problems
        );
    }
}
