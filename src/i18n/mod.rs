//! The visitor's language and the interface's own words. [`CurrentLang`] is the language every
//! visible text is shown in; [`Catalogs`] holds the interface words (buttons, headings, kiosk
//! screens, CLI headings) from one Fluent file per language under `assets/i18n/`. Exhibition
//! texts come from the content's `Text` values, not from here.

mod catalog;
mod word;

pub use catalog::{Arg, CatalogCheck, Catalogs, Words, catalog_path};
pub use word::Word;

use bevy::prelude::*;

use crate::content::model::Lang;

/// The language every visible text is shown in; changing it re-renders signs and panels.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Deref)]
pub struct CurrentLang(pub Lang);
