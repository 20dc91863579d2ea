//! How the app was started: content folder, hall file, language, window size and what to show
//! first. Built from the command line by `main`; the root plugin hands each part to the layer that
//! needs it as a plain value, and the upper layers read the rest as a resource.

use bevy::prelude::*;

use crate::content::{
    live::LiveFolders,
    model::{AreaRef, Lang},
    source::ContentSource,
};

#[derive(Resource, Debug, Clone)]
pub struct LaunchOptions {
    pub source: ContentSource,
    /// Content-relative hall file.
    pub hall: String,
    pub lang: Lang,
    pub window_size: (u32, u32),
    /// `expo-hall screenshot`: render one view to a file and exit.
    pub screenshot: Option<ScreenshotRequest>,
    /// `--pavilion` / `--exhibit`: where the visitor starts, with its panel open.
    pub start_at: Option<View>,
    /// Problems found before the window opened (a kiosk's broken content files), for staff.
    pub startup_notes: Vec<String>,
    /// The folder curators edit, when the hall is served from a kiosk's last-good copy of it.
    pub edited_folder: Option<std::path::PathBuf>,
    /// `--quality`, when given.
    pub quality: Option<crate::quality::QualityChoice>,
}

impl LaunchOptions {
    /// The folders to watch for edits: a content folder's hall shows its edits live (not the
    /// built-in content, nor a screenshot).
    pub fn live_folders(&self) -> Option<LiveFolders> {
        let ContentSource::Dir(served) = &self.source else {
            return None;
        };
        self.screenshot.is_none().then(|| LiveFolders {
            edited: self.edited_folder.clone().unwrap_or_else(|| served.clone()),
            served: served.clone(),
        })
    }
}

impl Default for LaunchOptions {
    fn default() -> Self {
        LaunchOptions {
            source: ContentSource::Embedded,
            hall: ContentSource::Embedded.default_hall().unwrap_or_default(),
            lang: crate::content::exhibition::hall_languages(
                &ContentSource::Embedded,
                &ContentSource::Embedded.default_hall().unwrap_or_default(),
            )
            .first()
            .copied()
            .unwrap_or(Lang::UNDETERMINED),
            window_size: (1280, 720),
            screenshot: None,
            start_at: None,
            startup_notes: Vec::new(),
            edited_folder: None,
            quality: None,
        }
    }
}

/// What the screenshot command renders.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenshotRequest {
    pub view: View,
    pub out: std::path::PathBuf,
    /// Frames to render at the view before capturing (more give a steadier frame-time figure).
    pub frames: u32,
}

/// A place to look at: the whole hall, the entrance, a pavilion or sector, or an exhibit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Overview,
    Walk,
    /// A pavilion by zone id (`ru`), or a sector (`cn/logistics`).
    Pavilion(AreaRef),
    Exhibit(String),
}

impl View {
    /// `--pavilion CODE`: a zone id or `zone/sector`, in any case.
    pub fn pavilion(code: &str) -> Result<View, String> {
        AreaRef::parse(&code.to_lowercase()).map(View::Pavilion)
    }
}

impl std::str::FromStr for View {
    type Err = String;

    fn from_str(text: &str) -> Result<View, String> {
        match text.split_once(':') {
            None if text == "overview" => Ok(View::Overview),
            None if text == "walk" => Ok(View::Walk),
            Some(("pavilion", code)) if !code.is_empty() => View::pavilion(code),
            Some(("exhibit", id)) if !id.is_empty() => Ok(View::Exhibit(id.to_owned())),
            _ => Err(format!(
                "`{text}` is not a view: use overview, walk, pavilion:<code> or exhibit:<id>"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_parse() {
        assert_eq!("overview".parse(), Ok(View::Overview));
        assert_eq!(
            "pavilion:RU".parse(),
            Ok(View::Pavilion(AreaRef::zone("ru")))
        );
        assert_eq!(
            "pavilion:cn/logistics".parse(),
            Ok(View::Pavilion(AreaRef::sector("cn", "logistics")))
        );
        assert_eq!(
            "exhibit:ru.digital-silk-road".parse(),
            Ok(View::Exhibit("ru.digital-silk-road".into()))
        );
        assert!("pavilion:".parse::<View>().is_err());
        assert!("top".parse::<View>().is_err());
    }
}
