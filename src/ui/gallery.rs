//! The picture gallery of a panel: thumbnails of an exhibit's media (or a pavilion's flag and
//! name print) and a full view with captions, arrow keys and swipe. Pictures are read and
//! decoded off the main thread, scaled to their display size and handed to egui; a picture
//! that cannot be shown (missing, outside the content folder, cut short, not an image, a
//! decompression bomb) is a placeholder, and the validator names it.

use std::collections::HashMap;

use bevy::{
    prelude::*,
    tasks::{AsyncComputeTaskPool, Task, block_on, futures_lite::future},
};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::widgets;
use crate::{
    content::{
        live::ContentReloaded,
        source::{ContentSource, safe_relative},
        validate::decode_for_display,
    },
    i18n::{Catalogs, CurrentLang, Word, Words},
    screens::Screen,
    theme::{self, space},
    third_party::UiFocus,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GalleryPictures>()
        .init_resource::<FullView>()
        .add_systems(
            Update,
            (
                forget_on_reload.run_if(on_message::<ContentReloaded>),
                receive_decoded,
                browse_with_keys,
            )
                .run_if(in_state(Screen::Hall)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            full_view.run_if(in_state(Screen::Hall)),
        );
}

/// The longest side a picture is decoded to: what the full view shows on a large screen.
pub const DISPLAY_SIDE: u32 = 1600;
/// A thumbnail's box in the panel, points.
const THUMBNAIL: egui::Vec2 = egui::vec2(104.0, 72.0);
/// The full view's box for a picture that is not (yet) shown, points.
const PLACEHOLDER: egui::Vec2 = egui::vec2(480.0, 320.0);
/// How far a drag on the full view must go to turn to the next picture, points.
const SWIPE: f32 = 60.0;

/// A picture of a panel's gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalleryPicture {
    /// Content-relative path.
    pub path: String,
    pub caption: String,
}

/// Where one picture stands.
enum PictureState {
    Decoding(Task<Result<egui::ColorImage, String>>),
    Ready(egui::TextureHandle),
    Failed(String),
}

/// Every picture asked for so far, decoded once.
#[derive(Resource, Default)]
pub struct GalleryPictures {
    states: HashMap<String, PictureState>,
}

impl GalleryPictures {
    /// Starts decoding `path` from `source` unless it was asked for before.
    pub fn request(&mut self, path: &str, source: &ContentSource) {
        if self.states.contains_key(path) {
            return;
        }
        let state = match safe_relative(path) {
            Err(why) => PictureState::Failed(format!("image path {why}")),
            Ok(()) => {
                let (path_owned, source) = (path.to_owned(), source.clone());
                PictureState::Decoding(AsyncComputeTaskPool::get().spawn(async move {
                    let bytes = source
                        .read(&path_owned)
                        .map_err(|e| format!("cannot be read: {e}"))?;
                    let image = decode_for_display(&bytes, DISPLAY_SIDE)?;
                    Ok(egui::ColorImage::from_rgba_unmultiplied(
                        [image.width() as usize, image.height() as usize],
                        image.as_raw(),
                    ))
                }))
            }
        };
        self.states.insert(path.to_owned(), state);
    }

    /// The picture's texture once decoded.
    pub fn texture(&self, path: &str) -> Option<&egui::TextureHandle> {
        match self.states.get(path) {
            Some(PictureState::Ready(texture)) => Some(texture),
            _ => None,
        }
    }

    /// Why the picture cannot be shown, if it cannot.
    pub fn failure(&self, path: &str) -> Option<&str> {
        match self.states.get(path) {
            Some(PictureState::Failed(why)) => Some(why),
            _ => None,
        }
    }

    /// Hands the pictures whose decoding finished to `ctx`, or marks them failed.
    fn settle(&mut self, ctx: &egui::Context) {
        for (path, state) in self.states.iter_mut() {
            let PictureState::Decoding(task) = state else {
                continue;
            };
            let Some(decoded) = block_on(future::poll_once(task)) else {
                continue;
            };
            *state = match decoded {
                Ok(image) => PictureState::Ready(ctx.load_texture(
                    path.clone(),
                    image,
                    egui::TextureOptions::LINEAR,
                )),
                Err(why) => {
                    warn!("picture {path} {why}; a placeholder shows instead");
                    PictureState::Failed(why)
                }
            };
        }
    }
}

/// The full view: the pictures it pages through and the one shown.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct FullView {
    pub open: Option<(Vec<GalleryPicture>, usize)>,
}

impl FullView {
    /// Turns `step` pictures on, round the ends.
    pub fn turn(&mut self, step: isize) {
        if let Some((pictures, index)) = &mut self.open {
            let count = pictures.len() as isize;
            *index = (*index as isize + step).rem_euclid(count.max(1)) as usize;
        }
    }
}

/// Decoded pictures go to egui; failures are logged once and kept as placeholders.
fn receive_decoded(mut pictures: ResMut<GalleryPictures>, mut contexts: EguiContexts) -> Result {
    pictures.settle(contexts.ctx_mut()?);
    Ok(())
}

/// Edited content may change a picture under the same name: decode again when asked.
fn forget_on_reload(mut pictures: ResMut<GalleryPictures>, mut view: ResMut<FullView>) {
    pictures.states.clear();
    view.open = None;
}

/// Left and right turn the full view (Escape closing it is the panels' job).
fn browse_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<UiFocus>,
    mut view: ResMut<FullView>,
) {
    if view.open.is_none() || focus.keyboard {
        return;
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        view.turn(1);
    }
    if keys.just_pressed(KeyCode::ArrowLeft) {
        view.turn(-1);
    }
}

/// The thumbnails of `pictures` in a wrapping row; a click opens the full view there.
pub fn thumbnails(
    ui: &mut egui::Ui,
    pictures: &[GalleryPicture],
    decoded: &GalleryPictures,
    words: &Words,
) -> Option<usize> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        for (index, picture) in pictures.iter().enumerate() {
            let response = picture_box(ui, decoded, &picture.path, THUMBNAIL, words)
                .on_hover_text(&picture.caption);
            if response.clicked() {
                clicked = Some(index);
            }
        }
    });
    clicked
}

/// One picture fitted into `size` on a dark ground (pictures with transparent parts, such as
/// the name prints, stay visible), or a placeholder while decoding or when it cannot be shown;
/// clickable and draggable.
fn picture_box(
    ui: &mut egui::Ui,
    decoded: &GalleryPictures,
    path: &str,
    size: egui::Vec2,
    words: &Words,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click_and_drag());
    ui.painter().rect_filled(rect, 4.0, theme::PLAN_SURROUND);
    match decoded.texture(path) {
        Some(texture) => {
            let [w, h] = texture.size().map(|side| side as f32);
            let scale = (size.x / w).min(size.y / h);
            let fitted = egui::Rect::from_center_size(rect.center(), egui::vec2(w, h) * scale);
            egui::Image::new((texture.id(), fitted.size())).paint_at(ui, fitted);
        }
        None => {
            let text = match decoded.failure(path) {
                Some(_) => words.get(Word::PictureUnavailable),
                None => "…".to_owned(),
            };
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(theme::size::SMALL),
                egui::Color32::WHITE,
            );
        }
    }
    response
}

/// The full view over a dimmed hall: the picture as large as the screen allows, its caption,
/// where it stands in the gallery, and buttons to turn and close.
fn full_view(
    mut contexts: EguiContexts,
    mut view: ResMut<FullView>,
    decoded: Res<GalleryPictures>,
    catalogs: Res<Catalogs>,
    lang: Res<CurrentLang>,
    // How far the current drag on the picture has gone sideways.
    mut swipe: Local<f32>,
) -> Result {
    let Some((pictures, index)) = view.open.clone() else {
        return Ok(());
    };
    let Some(picture) = pictures.get(index) else {
        view.open = None;
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let words = catalogs.words(**lang);
    let screen = ctx.content_rect();
    let room = egui::vec2(screen.width() * 0.8, screen.height() * 0.7);
    let mut step = 0;
    let mut close = false;
    let response = egui::Modal::new(egui::Id::new("picture-full-view"))
        .backdrop_color(theme::SCRIM)
        .show(ctx, |ui| {
            // The picture's own shape, at most twice its decoded size, within the room.
            let size = decoded
                .texture(&picture.path)
                .map_or(PLACEHOLDER, |texture| {
                    let [w, h] = texture.size().map(|side| side as f32);
                    egui::vec2(w, h) * (room.x / w).min(room.y / h).min(2.0)
                });
            let shown = picture_box(ui, &decoded, &picture.path, size, &words);
            // A horizontal swipe turns the page.
            if shown.dragged() {
                *swipe += shown.drag_delta().x;
            }
            if shown.drag_stopped() {
                if *swipe <= -SWIPE {
                    step = 1;
                } else if *swipe >= SWIPE {
                    step = -1;
                }
                *swipe = 0.0;
            }
            ui.set_max_width(room.x);
            if !picture.caption.is_empty() {
                ui.label(&picture.caption);
            }
            ui.add_space(space::SMALL);
            ui.horizontal(|ui| {
                if pictures.len() > 1 {
                    if ui.button(words.get(Word::Previous)).clicked() {
                        step = -1;
                    }
                    widgets::note(ui, &format!("{} / {}", index + 1, pictures.len()));
                    if ui.button(words.get(Word::Next)).clicked() {
                        step = 1;
                    }
                }
                if ui.button(words.get(Word::Close)).clicked() {
                    close = true;
                }
            });
        });
    if close || response.should_close() {
        view.open = None;
    } else if step != 0 {
        view.turn(step);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_view_turns_round_both_ends() {
        let pictures: Vec<GalleryPicture> = (0..3)
            .map(|i| GalleryPicture {
                path: format!("{i}.png"),
                caption: String::new(),
            })
            .collect();
        let mut view = FullView {
            open: Some((pictures, 0)),
        };
        view.turn(-1);
        assert_eq!(view.open.as_ref().unwrap().1, 2);
        view.turn(2);
        assert_eq!(view.open.as_ref().unwrap().1, 1);
    }

    /// Requests pictures and settles them until none is decoding (or a generous wait ends).
    fn settled(source: &ContentSource, paths: &[&str]) -> GalleryPictures {
        AsyncComputeTaskPool::get_or_init(bevy::tasks::TaskPool::default);
        let mut pictures = GalleryPictures::default();
        for path in paths {
            pictures.request(path, source);
        }
        let ctx = egui::Context::default();
        for _ in 0..2000 {
            pictures.settle(&ctx);
            let decoding = pictures
                .states
                .values()
                .any(|state| matches!(state, PictureState::Decoding(_)));
            if !decoding {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        pictures
    }

    #[test]
    fn pictures_decode_off_the_main_thread_and_bad_ones_become_placeholders() {
        let dir = std::env::temp_dir().join(format!("expo-hall-gallery-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("media")).unwrap();
        let mut big = Vec::new();
        image::RgbaImage::new(3200, 800)
            .write_to(&mut std::io::Cursor::new(&mut big), image::ImageFormat::Png)
            .unwrap();
        std::fs::write(dir.join("media/big.png"), &big).unwrap();
        std::fs::write(dir.join("media/cut.png"), &big[..big.len() / 2]).unwrap();
        std::fs::write(dir.join("media/text.png"), "not a picture").unwrap();
        let source = ContentSource::Dir(dir.clone());
        let pictures = settled(
            &source,
            &[
                "media/big.png",
                "media/cut.png",
                "media/text.png",
                "media/missing.png",
                "../outside.png",
            ],
        );
        let texture = pictures.texture("media/big.png").expect("decoded");
        assert_eq!(
            texture.size(),
            [DISPLAY_SIDE as usize, 400],
            "scaled to the screen"
        );
        for bad in [
            "media/cut.png",
            "media/text.png",
            "media/missing.png",
            "../outside.png",
        ] {
            assert!(pictures.texture(bad).is_none(), "{bad}");
            assert!(pictures.failure(bad).is_some(), "{bad} is a placeholder");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
