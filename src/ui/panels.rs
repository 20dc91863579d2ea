//! The detail panels on the right: an exhibit (with previous / next in its zone), a pavilion or
//! sector of the host's zone (introduction, group, its exhibits, links with a QR code to take
//! away), and "about this exhibition"; each with its narration and its pictures.
//! Escape closes the open panel.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{
    ChromeLayout, category_word,
    gallery::{self, FullView, GalleryPicture, GalleryPictures},
    look_around::{self, LookAround, LookAroundInput},
    qr::QrTextures,
    source_badge, widgets,
};
use crate::{
    camera::FlyTo,
    content::{
        credits::Credits,
        exhibition::{ExhibitRef, Exhibition},
        loading::CurrentExhibition,
        model::{AreaRef, Link, ZoneKind},
        narration::NarrationKey,
    },
    i18n::{Arg, Catalogs, CurrentLang, Word, Words},
    interaction::{Panel, Selection},
    narration::{NarrationCommand, NarrationFiles, Narrator, Playing},
    screens::Screen,
    theme::{self, space},
    third_party::UiFocus,
};

pub(super) fn plugin(app: &mut App) {
    crate::narration::shared(app);
    app.add_systems(
        EguiPrimaryContextPass,
        panels.run_if(in_state(Screen::Hall)),
    )
    .add_systems(Update, close_on_escape.run_if(in_state(Screen::Hall)));
}

/// Escape closes a picture's full view first, then the panel.
fn close_on_escape(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<UiFocus>,
    mut selection: ResMut<Selection>,
    mut full_view: ResMut<FullView>,
) {
    if keys.just_pressed(KeyCode::Escape) && !focus.keyboard {
        if full_view.open.is_some() {
            full_view.open = None;
        } else {
            selection.close();
        }
    }
}

/// What a click in a panel asks for; applied after the panel is drawn.
enum Action {
    Close,
    Open(Panel),
    Step(isize),
    Fly(FlyTo),
    Look(LookAroundInput),
    Narrate(NarrationCommand),
    OpenPicture(usize),
}

/// Everything a panel's body needs.
struct PanelView<'a> {
    exhibition: &'a Exhibition,
    words: &'a Words<'a>,
    /// A pavilion's flag, beside its name (decoded for its gallery).
    flag: Option<egui::TextureId>,
    /// The panel's pictures, for its gallery.
    gallery: &'a [GalleryPicture],
    decoded: &'a GalleryPictures,
    /// The QR code of the panel's first link.
    qr: Option<egui::TextureId>,
    /// The look-around's picture of the exhibit.
    look_around: Option<egui::TextureId>,
    credits: &'a Credits,
    /// A kiosk opens no browser: its links are printed, to be scanned.
    in_kiosk: bool,
    /// The panel's narration, when its text can be heard in the visitor's language.
    narration: Option<NarrationControl<'a>>,
}

/// The listen button and progress bar of a panel.
struct NarrationControl<'a> {
    key: NarrationKey,
    /// The narration, when it is this panel's text that plays.
    playing: Option<&'a Playing>,
}

fn panels(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    chrome: Res<ChromeLayout>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
    mut qr_codes: Local<QrTextures>,
    credits: Option<Res<Credits>>,
    kiosk: Option<Res<crate::kiosk::Kiosk>>,
    look: Res<LookAround>,
    mut look_inputs: MessageWriter<LookAroundInput>,
    (narrator, narration_files, mut narrate): (
        Res<Narrator>,
        Option<Res<NarrationFiles>>,
        MessageWriter<NarrationCommand>,
    ),
    (mut decoded, mut full_view, options): (
        ResMut<GalleryPictures>,
        ResMut<FullView>,
        Res<crate::launch::LaunchOptions>,
    ),
) -> Result {
    let no_credits = Credits::default();
    let credits = credits.as_deref().unwrap_or(&no_credits);
    let panel_key = selection
        .panel
        .as_ref()
        .and_then(narration_key(&exhibition));
    // A panel's narration ends with the panel (a tour's goes on).
    if let Some(playing) = &narrator.playing
        && !matches!(playing.key, NarrationKey::TourStop { .. })
        && Some(&playing.key) != panel_key.as_ref()
    {
        narrate.write(NarrationCommand::Stop);
    }
    let Some(panel) = selection.panel.clone() else {
        // The full view goes with its panel (a kiosk reset closes both).
        if full_view.open.is_some() {
            full_view.open = None;
        }
        return Ok(());
    };
    let l = **lang;
    let narration = panel_key
        .filter(|key| {
            narration_files
                .as_deref()
                .is_some_and(|files| files.track(&exhibition, key, l).is_some())
        })
        .map(|key| NarrationControl {
            playing: narrator.playing.as_ref().filter(|p| p.key == key),
            key,
        });
    let words = catalogs.words(l);
    let gallery = gallery_of(&exhibition, &panel, &words);
    for picture in &gallery {
        decoded.request(&picture.path, &options.source);
    }
    let flag = match &panel {
        Panel::Zone { zone, .. } => match &exhibition.zones[*zone].kind {
            ZoneKind::Pavilion(p) => p
                .flag_image
                .as_deref()
                .and_then(|path| decoded.texture(path))
                .map(egui::TextureHandle::id),
            ZoneKind::Host { .. } => None,
        },
        _ => None,
    };
    let look_around = match (&panel, &look.image) {
        (Panel::Exhibit(_), Some(image)) => {
            Some(contexts.add_image(EguiTextureHandle::Weak(image.id())))
        }
        _ => None,
    };
    let ctx = contexts.ctx_mut()?;
    let links = match &panel {
        Panel::Exhibit(at) => exhibition.exhibit(*at).links.as_slice(),
        Panel::Zone { zone, .. } => exhibition.zones[*zone].links.as_slice(),
        Panel::About => &[],
    };
    let qr = links
        .first()
        .and_then(|link| qr_codes.get(ctx, &link.url))
        .map(|texture| texture.id());
    let title = match &panel {
        Panel::Exhibit(at) => exhibition.exhibit(*at).title.get(l).to_owned(),
        Panel::Zone { zone, sector } => zone_title(&exhibition, *zone, sector.as_deref(), l),
        Panel::About => words.get(Word::About),
    };
    let view = PanelView {
        exhibition: &exhibition,
        words: &words,
        flag,
        gallery: &gallery,
        decoded: &decoded,
        qr,
        look_around,
        credits,
        in_kiosk: kiosk.is_some(),
        narration,
    };
    // Below the toolbar and above the minimap, so neither is covered.
    let top = chrome.toolbar_bottom + space::EDGE;
    let max_height =
        (ctx.content_rect().height() - top - chrome.minimap_height - 3.0 * space::EDGE).max(160.0);
    let actions =
        widgets::fixed_window("detail-panel", egui::Align2::RIGHT_TOP, [-space::EDGE, top])
            .default_width(space::PANEL_WIDTH)
            .max_height(max_height)
            .show(ctx, |ui| panel_frame(ui, &view, &panel, &title))
            .and_then(|response| response.inner)
            .unwrap_or_default();
    for action in actions {
        match action {
            Action::Close => selection.close(),
            Action::Open(panel) => selection.open(panel),
            Action::Step(step) => {
                selection.step_exhibit(&exhibition, step);
                if let Some(Panel::Exhibit(at)) = selection.panel {
                    fly.write(FlyTo::Exhibit(at));
                }
            }
            Action::Fly(request) => {
                fly.write(request);
            }
            Action::Look(input) => {
                look_inputs.write(input);
            }
            Action::Narrate(command) => {
                narrate.write(command);
            }
            Action::OpenPicture(index) => full_view.open = Some((gallery.clone(), index)),
        }
    }
    Ok(())
}

/// Title, scrolling body and the buttons along the bottom.
fn panel_frame(ui: &mut egui::Ui, view: &PanelView, panel: &Panel, title: &str) -> Vec<Action> {
    let words = view.words;
    let mut actions = Vec::new();
    ui.set_width(space::PANEL_WIDTH);
    widgets::title(ui, title);
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| match panel {
        Panel::Exhibit(at) => exhibit_panel(ui, view, *at, &mut actions),
        Panel::Zone { zone, sector } => {
            zone_panel(ui, view, *zone, sector.as_deref(), &mut actions)
        }
        Panel::About => about_panel(ui, view),
    });
    ui.separator();
    ui.horizontal(|ui| {
        if let Panel::Exhibit(_) = panel {
            if ui.button(words.get(Word::Previous)).clicked() {
                actions.push(Action::Step(-1));
            }
            if ui.button(words.get(Word::Next)).clicked() {
                actions.push(Action::Step(1));
            }
        }
        if ui.button(words.get(Word::Close)).clicked() {
            actions.push(Action::Close);
        }
    });
    actions
}

/// A panel's pictures: an exhibit's media; a pavilion's flag and the print of its name in its
/// own script.
fn gallery_of(exhibition: &Exhibition, panel: &Panel, words: &Words) -> Vec<GalleryPicture> {
    let l = words.lang;
    match panel {
        Panel::Exhibit(at) => exhibition
            .exhibit(*at)
            .media
            .iter()
            .map(|media| GalleryPicture {
                path: media.path.clone(),
                caption: media.caption.get(l).to_owned(),
            })
            .collect(),
        Panel::Zone { zone, .. } => {
            let zone = &exhibition.zones[*zone];
            let ZoneKind::Pavilion(pavilion) = &zone.kind else {
                return Vec::new();
            };
            let name = || [("name", Arg::from(zone.name.get(l)))];
            let flag = pavilion.flag_image.iter().map(|path| GalleryPicture {
                path: path.clone(),
                caption: words.with(Word::FlagOf, &name()),
            });
            let native = pavilion.native_name.iter().map(|native| GalleryPicture {
                path: native.print.clone(),
                caption: words.with(Word::NativeNameOf, &name()),
            });
            flag.chain(native).collect()
        }
        Panel::About => Vec::new(),
    }
}

/// The panel's pictures as thumbnails; a click opens the full view.
fn gallery_section(ui: &mut egui::Ui, view: &PanelView, actions: &mut Vec<Action>) {
    if view.gallery.is_empty() {
        return;
    }
    widgets::section(ui, &view.words.get(Word::Pictures));
    if let Some(index) = gallery::thumbnails(ui, view.gallery, view.decoded, view.words) {
        actions.push(Action::OpenPicture(index));
    }
}

/// What a panel narrates: an exhibit's description, a zone's or sector's introduction.
fn narration_key(exhibition: &Exhibition) -> impl Fn(&Panel) -> Option<NarrationKey> + '_ {
    move |panel| match panel {
        Panel::Exhibit(at) => Some(NarrationKey::Exhibit(exhibition.exhibit(*at).id.clone())),
        Panel::Zone { zone, sector } => {
            let zone = exhibition.zones[*zone].id.clone();
            Some(match sector {
                Some(sector) => NarrationKey::Sector {
                    zone,
                    sector: sector.clone(),
                },
                None => NarrationKey::Zone(zone),
            })
        }
        Panel::About => None,
    }
}

/// Listen / pause / continue, and how far the narration has played.
fn narration_row(
    ui: &mut egui::Ui,
    control: &NarrationControl,
    words: &Words,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let (label, command) = match control.playing {
            None => (Word::Listen, NarrationCommand::Play(control.key.clone())),
            Some(playing) if playing.paused => {
                (Word::NarrationContinue, NarrationCommand::TogglePause)
            }
            Some(_) => (Word::NarrationPause, NarrationCommand::TogglePause),
        };
        if ui.button(words.get(label)).clicked() {
            actions.push(Action::Narrate(command));
        }
        if let Some(playing) = control.playing {
            let clock = |s: f32| format!("{}:{:02}", s as u32 / 60, s as u32 % 60);
            ui.add(
                egui::ProgressBar::new(playing.progress())
                    .desired_width(ui.available_width() - 80.0)
                    .fill(theme::RED),
            );
            widgets::note(
                ui,
                &format!("{} / {}", clock(playing.position), clock(playing.seconds)),
            );
        }
    });
}

/// The exhibit itself, live: drag to turn it, wheel or pinch to zoom, double-click or the
/// button for the front view again.
fn look_around_picture(
    ui: &mut egui::Ui,
    texture: egui::TextureId,
    words: &Words,
    actions: &mut Vec<Action>,
) {
    // Small enough to be seen whole in the panel's scrolling body on a short screen.
    let tallest = (ui.ctx().content_rect().height() * 0.22).max(120.0);
    let width = ui
        .available_width()
        .min(space::PANEL_WIDTH)
        .min(tallest * look_around::ASPECT);
    let size = egui::vec2(width, width / look_around::ASPECT);
    ui.add_space(space::SMALL);
    let picture = ui.add(
        egui::Image::new(egui::load::SizedTexture::new(texture, size))
            .sense(egui::Sense::click_and_drag()),
    );
    if picture.dragged() {
        let drag = picture.drag_delta();
        actions.push(Action::Look(LookAroundInput::Turn(Vec2::new(
            drag.x, drag.y,
        ))));
    }
    if picture.hovered() {
        // The wheel zooms the picture instead of scrolling the panel.
        let (scroll, pinch) = ui.input_mut(|input| {
            let scroll = std::mem::take(&mut input.smooth_scroll_delta).y;
            (scroll, input.zoom_delta())
        });
        let factor = (scroll * 0.004).exp() * pinch;
        if factor != 1.0 {
            actions.push(Action::Look(LookAroundInput::Zoom(factor)));
        }
    }
    if picture.double_clicked() {
        actions.push(Action::Look(LookAroundInput::Reset));
    }
    ui.horizontal(|ui| {
        widgets::note(ui, &words.get(Word::LookAroundHint));
        if ui.small_button(words.get(Word::LookAroundFront)).clicked() {
            actions.push(Action::Look(LookAroundInput::Reset));
        }
    });
}

fn zone_title(
    exhibition: &Exhibition,
    zone: usize,
    sector: Option<&str>,
    l: crate::content::model::Lang,
) -> String {
    let z = &exhibition.zones[zone];
    let area = match sector {
        Some(sector) => AreaRef::sector(&z.id, sector),
        None => AreaRef::zone(&z.id),
    };
    match exhibition.sector(&area) {
        Some(s) => format!("{} · {}", z.name.get(l), s.name.get(l)),
        None => z.name.get(l).to_owned(),
    }
}

fn exhibit_panel(ui: &mut egui::Ui, view: &PanelView, at: ExhibitRef, actions: &mut Vec<Action>) {
    let (exhibition, words) = (view.exhibition, view.words);
    let l = words.lang;
    let exhibit = exhibition.exhibit(at);
    if let Some(second) = exhibition.hall.companion_text(&exhibit.title, l) {
        widgets::muted(ui, second);
    }
    ui.horizontal_wrapped(|ui| {
        let place = zone_title(exhibition, at.zone, exhibit.sector.as_deref(), l);
        if ui
            .link(egui::RichText::new(place).color(theme::RED))
            .clicked()
        {
            actions.push(Action::Open(Panel::Zone {
                zone: at.zone,
                sector: exhibit.sector.clone(),
            }));
        }
        ui.label("·");
        ui.label(format!(
            "{}: {}",
            words.get(Word::Category),
            words.get(category_word(exhibit.category))
        ));
    });
    source_badge(ui, exhibit.source, words);
    if let Some(control) = &view.narration {
        narration_row(ui, control, words, actions);
    }
    if let Some(texture) = view.look_around {
        look_around_picture(ui, texture, words, actions);
    }
    ui.add_space(space::SMALL);
    ui.label(egui::RichText::new(exhibit.summary.get(l)).italics());
    ui.add_space(space::SMALL);
    ui.label(exhibit.description.get(l));
    gallery_section(ui, view, actions);
    if !exhibit.exhibitors.is_empty() {
        widgets::section(ui, &words.get(Word::Exhibitors));
        for company in &exhibit.exhibitors {
            ui.label(format!("• {}", company.get(l)));
        }
    }
    if !exhibit.tags.is_empty() {
        ui.add_space(space::SECTION);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(words.get(Word::Tags)).strong());
            for tag in &exhibit.tags {
                widgets::chip(ui, tag.get(l));
            }
        });
    }
    links_section(ui, view, &exhibit.links);
}

/// The links, the first also as a QR code big enough to scan from a kiosk's screen.
fn links_section(ui: &mut egui::Ui, view: &PanelView, links: &[Link]) {
    if links.is_empty() {
        return;
    }
    let words = view.words;
    widgets::section(ui, &words.get(Word::Links));
    if let Some(qr) = view.qr {
        ui.horizontal(|ui| {
            ui.add(egui::Image::new(egui::load::SizedTexture::new(
                qr,
                [150.0, 150.0],
            )));
            ui.vertical(|ui| {
                ui.set_max_width(180.0);
                widgets::note(ui, &words.get(Word::ScanToTakeAway));
                ui.label(egui::RichText::new(links[0].label.get(words.lang)).strong());
            });
        });
    }
    for link in links {
        if view.in_kiosk {
            widgets::note(
                ui,
                &format!("{} — {}", link.label.get(words.lang), link.url),
            );
        } else {
            ui.hyperlink_to(link.label.get(words.lang), &link.url);
        }
    }
}

fn zone_panel(
    ui: &mut egui::Ui,
    view: &PanelView,
    zone_index: usize,
    sector: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let (exhibition, words) = (view.exhibition, view.words);
    let l = words.lang;
    let zone = &exhibition.zones[zone_index];
    if let Some(second) = exhibition.hall.companion_text(&zone.name, l) {
        widgets::muted(ui, second);
    }
    match &zone.kind {
        ZoneKind::Pavilion(pavilion) => {
            ui.horizontal(|ui| {
                if let Some(flag) = view.flag {
                    ui.add(egui::Image::new(egui::load::SizedTexture::new(
                        flag,
                        [64.0, 48.0],
                    )));
                }
                ui.vertical(|ui| {
                    let group = exhibition.group_of(zone).map_or("", |g| g.label.get(l));
                    ui.label(egui::RichText::new(group).strong());
                    ui.label(
                        words.with(Word::IsoCode, &[("code", Arg::from(pavilion.iso.as_str()))]),
                    );
                });
            });
        }
        ZoneKind::Host { .. } => {
            ui.label(egui::RichText::new(exhibition.hall.host_heading.get(l)).strong());
        }
    }
    source_badge(ui, zone.intro_source, words);
    if let Some(control) = &view.narration {
        narration_row(ui, control, words, actions);
    }
    ui.label(zone.intro.get(l));
    gallery_section(ui, view, actions);
    let area = match sector {
        Some(sector) => AreaRef::sector(&zone.id, sector),
        None => AreaRef::zone(&zone.id),
    };
    if let Some(sector) = exhibition.sector(&area) {
        ui.add_space(space::SMALL);
        widgets::group_heading(ui, sector.name.get(l));
        ui.label(sector.intro.get(l));
    }
    if ui.button(words.get(Word::WalkThere)).clicked() {
        actions.push(Action::Fly(FlyTo::Visit(area)));
    }
    links_section(ui, view, &zone.links);
    widgets::section(ui, &words.get(Word::Exhibits));
    for (index, exhibit) in zone.exhibits.iter().enumerate() {
        if sector.is_some() && exhibit.sector.as_deref() != sector {
            continue;
        }
        let at = ExhibitRef {
            zone: zone_index,
            exhibit: index,
        };
        if ui.link(exhibit.title.get(l)).clicked() {
            actions.push(Action::Open(Panel::Exhibit(at)));
            actions.push(Action::Fly(FlyTo::Exhibit(at)));
        }
        widgets::note(ui, exhibit.summary.get(l));
    }
}

fn about_panel(ui: &mut egui::Ui, view: &PanelView) {
    let (exhibition, words) = (view.exhibition, view.words);
    let l = words.lang;
    let about = &exhibition.hall.about;
    ui.label(
        egui::RichText::new(about.title.get(l))
            .heading()
            .color(theme::RED),
    );
    ui.label(egui::RichText::new(about.subtitle.get(l)).strong());
    ui.label(format!("{} · {}", about.venue.get(l), about.dates.get(l)));
    ui.add_space(space::SMALL);
    ui.label(about.introduction.get(l));
    widgets::section(ui, &words.get(Word::Facts));
    for fact in &about.facts {
        widgets::fact(ui, fact.figure.get(l), fact.label.get(l));
    }
    widgets::section(ui, &words.get(Word::Timeline));
    for milestone in &about.timeline {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(&milestone.date)
                    .monospace()
                    .color(theme::MUTED),
            );
            ui.label(milestone.text.get(l));
        });
    }
    if !about.seen_across_pavilions.is_empty() {
        widgets::section(ui, &words.get(Word::SeenAcross));
        let items: Vec<&str> = about
            .seen_across_pavilions
            .iter()
            .map(|t| t.get(l))
            .collect();
        ui.label(items.join(" · "));
    }
    widgets::section(ui, &words.get(Word::Sources));
    for source in &about.sources {
        ui.label(
            egui::RichText::new(format!(
                "{}, {} — {}",
                source.outlet.get(l),
                source.date,
                source.title.get(l)
            ))
            .small(),
        );
    }
    if !view.credits.0.is_empty() {
        widgets::section(ui, &words.get(Word::Credits));
        for credit in &view.credits.0 {
            ui.label(
                egui::RichText::new(format!(
                    "{} — {}; {} ({})",
                    credit.what, credit.licence, credit.from, credit.files
                ))
                .small(),
            );
        }
    }
}
