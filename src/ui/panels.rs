//! The detail panels on the right: an exhibit (with previous / next in its zone), a pavilion or
//! China sector (introduction, SCO status, its exhibits), and "about this exhibition".
//! Escape closes the open panel.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{category_name, source_badge, status_name, theme};
use crate::{
    camera::FlyTo,
    content::{
        exhibition::{ExhibitRef, Exhibition},
        loading::CurrentExhibition,
        model::{Lang, ZoneKind},
    },
    i18n::{CurrentLang, Ui},
    interaction::{Panel, Selection},
    screens::Screen,
    third_party::UiFocus,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        panels.run_if(in_state(Screen::Hall)),
    )
    .add_systems(Update, close_on_escape.run_if(in_state(Screen::Hall)));
}

fn close_on_escape(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<UiFocus>,
    mut selection: ResMut<Selection>,
) {
    if keys.just_pressed(KeyCode::Escape) && !focus.keyboard {
        selection.close();
    }
}

/// What a click in a panel asks for; applied after the panel is drawn.
enum Action {
    Close,
    Open(Panel),
    Step(isize),
    Fly(FlyTo),
}

fn panels(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    assets: Res<AssetServer>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
) -> Result {
    let Some(panel) = selection.panel.clone() else {
        return Ok(());
    };
    let l = **lang;
    // Images shown in the panel, registered with egui.
    let mut texture = |path: &str| -> Option<egui::TextureId> {
        let handle: Handle<Image> = assets.load(path.to_owned());
        Some(contexts.add_image(EguiTextureHandle::Strong(handle)))
    };
    let mut textures = Vec::new();
    match &panel {
        Panel::Exhibit(at) => {
            for media in &exhibition.exhibit(*at).media {
                textures.push((texture(&media.path), media.caption.get(l).to_owned()));
            }
        }
        Panel::Zone { zone, .. } => {
            if let ZoneKind::Pavilion(p) = &exhibition.zones[*zone].kind
                && let Some(flag) = &p.flag_image
            {
                textures.push((texture(flag), String::new()));
            }
        }
        Panel::About => {}
    }
    let ctx = contexts.ctx_mut()?;
    let mut actions = Vec::new();
    let width = 400.0;
    let title = match &panel {
        Panel::Exhibit(at) => exhibition.exhibit(*at).title.get(l).to_owned(),
        Panel::Zone { zone, sector } => zone_title(&exhibition, *zone, sector.as_deref(), l),
        Panel::About => Ui::About.text(l).to_owned(),
    };
    egui::Window::new("detail")
        .id(egui::Id::new("detail-panel"))
        .title_bar(false)
        .anchor(egui::Align2::RIGHT_TOP, [-10.0, 10.0])
        .default_width(width)
        .max_height(ctx.viewport_rect().height() - 60.0)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_width(width);
            ui.add(
                egui::Label::new(egui::RichText::new(&title).heading().color(theme::INK)).wrap(),
            );
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| match &panel {
                Panel::Exhibit(at) => {
                    exhibit_panel(ui, &exhibition, *at, l, &textures, &mut actions)
                }
                Panel::Zone { zone, sector } => zone_panel(
                    ui,
                    &exhibition,
                    *zone,
                    sector.as_deref(),
                    l,
                    &textures,
                    &mut actions,
                ),
                Panel::About => about_panel(ui, &exhibition, l),
            });
            ui.separator();
            ui.horizontal(|ui| {
                if let Panel::Exhibit(_) = panel {
                    if ui.button(Ui::Previous.text(l)).clicked() {
                        actions.push(Action::Step(-1));
                    }
                    if ui.button(Ui::Next.text(l)).clicked() {
                        actions.push(Action::Step(1));
                    }
                }
                if ui.button(Ui::Close.text(l)).clicked() {
                    actions.push(Action::Close);
                }
            });
        });
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
        }
    }
    Ok(())
}

fn zone_title(exhibition: &Exhibition, zone: usize, sector: Option<&str>, l: Lang) -> String {
    let z = &exhibition.zones[zone];
    match (&z.kind, sector) {
        (ZoneKind::China { sectors }, Some(id)) => sectors
            .iter()
            .find(|s| s.id == id)
            .map_or(z.name.get(l).to_owned(), |s| {
                format!("{} · {}", z.name.get(l), s.name.get(l))
            }),
        _ => z.name.get(l).to_owned(),
    }
}

fn other(l: Lang) -> Lang {
    if l == Lang::Zh { Lang::En } else { Lang::Zh }
}

fn exhibit_panel(
    ui: &mut egui::Ui,
    exhibition: &Exhibition,
    at: ExhibitRef,
    l: Lang,
    textures: &[(Option<egui::TextureId>, String)],
    actions: &mut Vec<Action>,
) {
    let exhibit = exhibition.exhibit(at);
    let zone = &exhibition.zones[at.zone];
    ui.label(egui::RichText::new(exhibit.title.get(other(l))).color(theme::MUTED));
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
            Ui::Category.text(l),
            category_name(exhibit.category, l)
        ));
    });
    source_badge(ui, exhibit.source, l);
    ui.add_space(4.0);
    ui.label(egui::RichText::new(exhibit.summary.get(l)).italics());
    ui.add_space(4.0);
    ui.label(exhibit.description.get(l));
    for (texture, caption) in textures {
        if let Some(texture) = texture {
            ui.add(
                egui::Image::new(egui::load::SizedTexture::new(*texture, [360.0, 240.0]))
                    .max_width(360.0),
            );
            if !caption.is_empty() {
                ui.label(egui::RichText::new(caption).small().color(theme::MUTED));
            }
        }
    }
    if !exhibit.exhibitors.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(Ui::Exhibitors.text(l)).strong());
        for company in &exhibit.exhibitors {
            ui.label(format!("• {}", company.get(l)));
        }
    }
    if !exhibit.tags.is_empty() {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(Ui::Tags.text(l)).strong());
            for tag in &exhibit.tags {
                egui::Frame::new()
                    .fill(theme::GOLD.gamma_multiply(0.25))
                    .corner_radius(4.0)
                    .inner_margin(egui::Margin::symmetric(6, 2))
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(tag.get(l)).small());
                    });
            }
        });
    }
    if !exhibit.links.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(Ui::Links.text(l)).strong());
        for link in &exhibit.links {
            ui.hyperlink_to(link.label.get(l), &link.url);
        }
    }
    let _ = zone;
}

fn zone_panel(
    ui: &mut egui::Ui,
    exhibition: &Exhibition,
    zone_index: usize,
    sector: Option<&str>,
    l: Lang,
    textures: &[(Option<egui::TextureId>, String)],
    actions: &mut Vec<Action>,
) {
    let zone = &exhibition.zones[zone_index];
    ui.label(egui::RichText::new(zone.name.get(other(l))).color(theme::MUTED));
    match &zone.kind {
        ZoneKind::Pavilion(pavilion) => {
            ui.horizontal(|ui| {
                if let Some((Some(flag), _)) = textures.first() {
                    ui.add(egui::Image::new(egui::load::SizedTexture::new(
                        *flag,
                        [64.0, 48.0],
                    )));
                }
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(status_name(pavilion.status, l)).strong());
                    ui.label(format!("ISO 3166: {}", pavilion.iso));
                });
            });
        }
        ZoneKind::China { .. } => {
            ui.label(egui::RichText::new(Ui::ChinaZone.text(l)).strong());
        }
    }
    source_badge(ui, zone.intro_source, l);
    ui.label(zone.intro.get(l));
    if let (ZoneKind::China { sectors }, Some(id)) = (&zone.kind, sector)
        && let Some(sector) = sectors.iter().find(|s| s.id == id)
    {
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(sector.name.get(l))
                .strong()
                .color(theme::RED),
        );
        ui.label(sector.intro.get(l));
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(Ui::Exhibits.text(l)).strong());
    if ui
        .small_button("→")
        .on_hover_text(Ui::Pavilion.text(l))
        .clicked()
    {
        let area = sector.map_or(zone.id.clone(), |s| format!("{}/{s}", zone.id));
        actions.push(Action::Fly(FlyTo::Area(area)));
    }
    for (index, exhibit) in zone.exhibits.iter().enumerate() {
        if sector.is_some() && exhibit.sector.as_deref() != sector {
            continue;
        }
        let at = ExhibitRef {
            zone: zone_index,
            exhibit: index,
        };
        ui.horizontal(|ui| {
            if ui.link(exhibit.title.get(l)).clicked() {
                actions.push(Action::Open(Panel::Exhibit(at)));
                actions.push(Action::Fly(FlyTo::Exhibit(at)));
            }
        });
        ui.label(
            egui::RichText::new(exhibit.summary.get(l))
                .small()
                .color(theme::MUTED),
        );
    }
}

fn about_panel(ui: &mut egui::Ui, exhibition: &Exhibition, l: Lang) {
    let about = &exhibition.hall.about;
    ui.label(
        egui::RichText::new(about.title.get(l))
            .heading()
            .color(theme::RED),
    );
    ui.label(egui::RichText::new(about.subtitle.get(l)).strong());
    ui.label(format!("{} · {}", about.venue.get(l), about.dates.get(l)));
    ui.add_space(4.0);
    ui.label(about.introduction.get(l));
    ui.add_space(6.0);
    ui.label(egui::RichText::new(Ui::Facts.text(l)).strong());
    egui::Grid::new("facts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for fact in &about.facts {
                ui.label(
                    egui::RichText::new(fact.figure.get(l))
                        .strong()
                        .color(theme::RED),
                );
                ui.add(egui::Label::new(fact.label.get(l)).wrap());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(egui::RichText::new(Ui::Timeline.text(l)).strong());
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
        ui.add_space(6.0);
        ui.label(egui::RichText::new(Ui::SeenAcross.text(l)).strong());
        let items: Vec<&str> = about
            .seen_across_pavilions
            .iter()
            .map(|t| t.get(l))
            .collect();
        ui.label(items.join(" · "));
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(Ui::Sources.text(l)).strong());
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
}
