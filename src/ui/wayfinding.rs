//! Wayfinding on screen: the minimap (which grows into the full floor plan), the directory
//! with its search box, and the guided tour's narration bar.

use bevy::{math::Rect, prelude::*};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{ChromeLayout, area_name, interface_enabled, widgets};
use crate::{
    camera::{
        FlyTo,
        rig::{CameraRig, Pose},
    },
    content::{
        exhibition::{ExhibitRef, Exhibition},
        footprint::display_extent,
        loading::CurrentExhibition,
        model::{AreaRef, Lang, ZoneKind},
    },
    hall::floor::carpet_colour,
    i18n::{Catalogs, CurrentLang, Word, Words},
    interaction::{Panel, Selection},
    screens::{
        Screen,
        kiosk::{KioskPhase, WakingGesture},
    },
    theme::{self, size, space},
    wayfinding::{
        WayfindingUi, go_to,
        links::directory_entry,
        map::MapTransform,
        search,
        tour::{ActiveTour, TourCommand},
    },
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (minimap, directory, tour_bar).run_if(in_state(Screen::Hall)),
    );
}

/// Where the "you are here" marker stands on the plan and which way it points (screen units).
pub fn you_are_here(map: &MapTransform, pose: &Pose) -> (Vec2, Vec2) {
    let (forward, _) = pose.flat_axes();
    (map.to_screen(Vec2::new(pose.eye.x, pose.eye.z)), forward)
}

fn pos(v: Vec2) -> egui::Pos2 {
    egui::pos2(v.x, v.y)
}

/// Draws the plan into `rect`; returns the area clicked, if any. The full plan (`names`) also
/// labels the booths and draws every exhibit's footprint.
fn draw_plan(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    exhibition: &Exhibition,
    lang: Lang,
    pose: &Pose,
    names: bool,
) -> Option<AreaRef> {
    let shell = &exhibition.hall.shell;
    let map = MapTransform::fit(
        Vec2::new(shell.width, shell.depth),
        Rect::new(rect.min.x, rect.min.y, rect.max.x, rect.max.y),
        6.0,
    );
    let response = ui.allocate_rect(rect, egui::Sense::click());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, theme::PLAN_SURROUND);
    let hall = map.rect_to_screen(Rect::new(
        -shell.width / 2.0,
        -shell.depth / 2.0,
        shell.width / 2.0,
        shell.depth / 2.0,
    ));
    painter.rect_filled(
        egui::Rect::from_min_max(pos(hall.min), pos(hall.max)),
        0.0,
        theme::PLAN_FLOOR,
    );
    painter.rect_stroke(
        egui::Rect::from_min_max(pos(hall.min), pos(hall.max)),
        0.0,
        egui::Stroke::new(2.0, egui::Color32::WHITE),
        egui::StrokeKind::Outside,
    );
    // Entrances: gaps in the wall, in gold.
    for entrance in &shell.entrances {
        let normal = entrance.wall.vector();
        let along = Vec2::new(normal.y, normal.x).abs();
        let centre = normal * Vec2::new(shell.width, shell.depth) / 2.0 + along * entrance.offset;
        let a = map.to_screen(centre - along * entrance.width / 2.0);
        let b = map.to_screen(centre + along * entrance.width / 2.0);
        painter.line_segment([pos(a), pos(b)], egui::Stroke::new(4.0, theme::GOLD));
    }
    let hover = response
        .hover_pos()
        .map(|p| map.to_hall(Vec2::new(p.x, p.y)));
    let mut hovered_area = None;
    for footprint in &exhibition.footprints {
        let r = map.rect_to_screen(footprint.rect());
        let screen = egui::Rect::from_min_max(pos(r.min), pos(r.max));
        let [cr, cg, cb] = carpet_colour(exhibition, &footprint.area);
        let is_hovered = hover.is_some_and(|h| footprint.rect().contains(h));
        if is_hovered {
            hovered_area = Some(footprint.area.clone());
        }
        let fill = egui::Color32::from_rgb(cr, cg, cb);
        painter.rect_filled(
            screen,
            1.0,
            if is_hovered {
                fill.gamma_multiply(1.6)
            } else {
                fill
            },
        );
        if names {
            let label = area_name(exhibition, &footprint.area, lang);
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                label,
                egui::FontId::proportional(size::PLAN_LABEL),
                egui::Color32::WHITE,
            );
        }
    }
    if names {
        for at in exhibition.exhibit_refs() {
            let exhibit = exhibition.exhibit(at);
            let Some(footprint) = exhibition.footprint(&exhibition.area_of(at)) else {
                continue;
            };
            let local = display_extent(&exhibit.display).in_booth(
                Vec2::new(exhibit.place.x, exhibit.place.z),
                exhibit.place.turn,
            );
            let r = map.rect_to_screen(footprint.local_rect_to_hall(local));
            painter.rect_filled(
                egui::Rect::from_min_max(pos(r.min), pos(r.max)),
                0.0,
                theme::PLAN_EXHIBIT.gamma_multiply(0.8),
            );
        }
    }
    // You are here.
    let (at, facing) = you_are_here(&map, pose);
    let tip = at + facing * 12.0;
    let side = Vec2::new(-facing.y, facing.x) * 6.0;
    painter.add(egui::Shape::convex_polygon(
        vec![pos(tip), pos(at + side), pos(at - side)],
        theme::RED,
        egui::Stroke::new(1.5, egui::Color32::WHITE),
    ));
    painter.circle_filled(pos(at), 4.0, egui::Color32::WHITE);
    if let Some(area) = &hovered_area {
        response
            .clone()
            .on_hover_text(area_name(exhibition, area, lang));
    }
    if response.clicked() {
        hovered_area
    } else {
        None
    }
}

fn area_panel(exhibition: &Exhibition, area: &AreaRef) -> (FlyTo, Option<Panel>) {
    let zone = exhibition.zone_index(&area.zone).unwrap_or(0);
    directory_entry(exhibition, zone, area.sector.as_deref())
}

fn minimap(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    rig: Res<CameraRig>,
    waking: Option<Res<WakingGesture>>,
    phase: Option<Res<State<KioskPhase>>>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
) -> Result {
    // The attract loop's caption has the bottom of the screen to itself.
    if phase
        .as_deref()
        .is_some_and(|p| *p.get() == KioskPhase::Attract)
    {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let l = **lang;
    let words = catalogs.words(l);
    let pose = rig.pose();
    let enabled = interface_enabled(waking.as_deref(), phase.as_deref());
    let mut clicked = None;
    let screen = ctx.viewport_rect();
    if wayfinding.full_plan {
        let size = egui::vec2(screen.width() * 0.8, screen.height() * 0.75);
        egui::Window::new(words.get(Word::Plan))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .fixed_size(size)
            .show(ctx, |ui| {
                let rect = egui::Rect::from_min_size(ui.cursor().min, size - egui::vec2(0.0, 30.0));
                clicked = draw_plan(ui, rect, &exhibition, l, &pose, true);
                if ui.button(words.get(Word::Close)).clicked() {
                    wayfinding.full_plan = false;
                }
            });
    } else {
        let size = egui::vec2(240.0, 170.0);
        egui::Area::new("minimap".into())
            .anchor(egui::Align2::RIGHT_BOTTOM, [-space::EDGE, -space::EDGE])
            .show(ctx, |ui| {
                ui.add_enabled_ui(enabled, |ui| {
                    minimap_contents(
                        ui,
                        size,
                        &words,
                        &mut clicked,
                        &mut wayfinding,
                        &exhibition,
                        &pose,
                    )
                })
            });
    }
    if let Some(area) = clicked {
        let (request, panel) = area_panel(&exhibition, &area);
        go_to(request, panel, &mut fly, &mut selection);
        wayfinding.full_plan = false;
    }
    Ok(())
}

/// The minimap with its button that opens the full plan; `clicked` gets the booth clicked.
fn minimap_contents(
    ui: &mut egui::Ui,
    size: egui::Vec2,
    words: &Words,
    clicked: &mut Option<AreaRef>,
    wayfinding: &mut WayfindingUi,
    exhibition: &Exhibition,
    pose: &Pose,
) {
    let rect = egui::Rect::from_min_size(ui.cursor().min, size);
    *clicked = draw_plan(ui, rect, exhibition, words.lang, pose, false);
    let grow = egui::Rect::from_min_size(
        rect.right_top() + egui::vec2(-84.0, 4.0),
        egui::vec2(80.0, 22.0),
    );
    let plan = egui::Button::new(egui::RichText::new(words.get(Word::Plan)).small());
    if ui.put(grow, plan).clicked() {
        wayfinding.full_plan = true;
    }
}

fn directory(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    chrome: Res<ChromeLayout>,
    mut wayfinding: ResMut<WayfindingUi>,
    mut selection: ResMut<Selection>,
    mut fly: MessageWriter<FlyTo>,
) -> Result {
    if !wayfinding.directory {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let top = chrome.toolbar_bottom + space::EDGE;
    let words = catalogs.words(**lang);
    let mut chosen: Option<(FlyTo, Option<Panel>)> = None;
    let mut open = true;
    egui::Window::new(words.get(Word::Directory))
        .open(&mut open)
        .anchor(egui::Align2::LEFT_TOP, [space::EDGE, top])
        .default_width(330.0)
        .max_height(ctx.content_rect().height() - top - 3.0 * space::EDGE)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("🔍");
                ui.add(
                    egui::TextEdit::singleline(&mut wayfinding.query)
                        .hint_text(words.get(Word::SearchHint))
                        .desired_width(260.0),
                );
            });
            ui.separator();
            let query = wayfinding.query.clone();
            egui::ScrollArea::vertical().show(ui, |ui| {
                chosen = if query.trim().is_empty() {
                    directory_tree(ui, &exhibition, &words)
                } else {
                    search_results(ui, &exhibition, &words, &query)
                };
            });
        });
    if !open {
        wayfinding.directory = false;
    }
    if let Some((request, panel)) = chosen {
        go_to(request, panel, &mut fly, &mut selection);
    }
    Ok(())
}

/// The ranked results of a search, each a link to its place.
fn search_results(
    ui: &mut egui::Ui,
    exhibition: &Exhibition,
    words: &Words,
    query: &str,
) -> Option<(FlyTo, Option<Panel>)> {
    let l = words.lang;
    let hits = search::search(exhibition, query, l);
    if hits.is_empty() {
        widgets::muted(ui, &words.get(Word::NoResults));
    }
    let mut chosen = None;
    for hit in hits.iter().take(40) {
        let title = search::title(exhibition, &hit.found, l);
        if ui
            .selectable_label(false, title)
            .on_hover_text(&hit.id)
            .clicked()
        {
            chosen = Some(match &hit.found {
                search::Found::Exhibit(at) => (FlyTo::Exhibit(*at), Some(Panel::Exhibit(*at))),
                search::Found::Zone(zone) => directory_entry(exhibition, *zone, None),
                search::Found::Sector(zone, id) => directory_entry(exhibition, *zone, Some(id)),
            });
        }
    }
    chosen
}

/// The host zone's sectors, then the pavilions in the hall's groups, each expanding to its
/// exhibits.
fn directory_tree(
    ui: &mut egui::Ui,
    exhibition: &Exhibition,
    words: &Words,
) -> Option<(FlyTo, Option<Panel>)> {
    let l = words.lang;
    let mut chosen = None;
    let exhibit_links = |ui: &mut egui::Ui,
                         zone: usize,
                         sector: Option<&str>,
                         chosen: &mut Option<(FlyTo, Option<Panel>)>| {
        for (index, exhibit) in exhibition.zones[zone].exhibits.iter().enumerate() {
            if sector.is_some() && exhibit.sector.as_deref() != sector {
                continue;
            }
            let at = ExhibitRef {
                zone,
                exhibit: index,
            };
            if ui.link(exhibit.title.get(l)).clicked() {
                *chosen = Some((FlyTo::Exhibit(at), Some(Panel::Exhibit(at))));
            }
        }
    };
    for (zone, z) in exhibition.zones.iter().enumerate() {
        if let ZoneKind::Host { sectors } = &z.kind {
            widgets::group_heading(ui, exhibition.hall.host_heading.get(l));
            for sector in sectors {
                egui::CollapsingHeader::new(sector.name.get(l))
                    .id_salt(("sector", &sector.id))
                    .show(ui, |ui| {
                        if ui.button(format!("→ {}", sector.name.get(l))).clicked() {
                            chosen = Some(directory_entry(exhibition, zone, Some(&sector.id)));
                        }
                        exhibit_links(ui, zone, Some(&sector.id), &mut chosen);
                    });
            }
        }
    }
    for group in &exhibition.hall.groups {
        ui.add_space(4.0);
        widgets::group_heading(ui, group.heading.get(l));
        for (zone, z) in exhibition.pavilions_in(group) {
            egui::CollapsingHeader::new(z.name.get(l))
                .id_salt(("zone", &z.id))
                .show(ui, |ui| {
                    if ui.button(format!("→ {}", z.name.get(l))).clicked() {
                        chosen = Some(directory_entry(exhibition, zone, None));
                    }
                    exhibit_links(ui, zone, None, &mut chosen);
                });
        }
    }
    chosen
}

fn tour_bar(
    mut contexts: EguiContexts,
    exhibition: Res<CurrentExhibition>,
    lang: Res<CurrentLang>,
    catalogs: Res<Catalogs>,
    active: Option<Res<ActiveTour>>,
    narrator: Res<crate::narration::Narrator>,
    mut commands: MessageWriter<TourCommand>,
) -> Result {
    use crate::content::narration::NarrationKey;
    let Some(active) = active else { return Ok(()) };
    if active.attract {
        return Ok(());
    }
    let Some(tour) = exhibition.tours.get(active.tour) else {
        return Ok(());
    };
    let Some(stop) = tour.stops.get(active.player.stop) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let l = **lang;
    let words = catalogs.words(l);
    widgets::fixed_window("tour", egui::Align2::CENTER_BOTTOM, [0.0, -60.0])
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.set_width(560.0);
            widgets::note(
                ui,
                &format!(
                    "{} · {}/{}",
                    tour.title.get(l),
                    active.player.stop + 1,
                    active.player.len()
                ),
            );
            ui.label(egui::RichText::new(stop.narration.get(l)).size(size::NARRATION));
            let key = NarrationKey::TourStop {
                tour: tour.id.clone(),
                stop: active.player.stop,
            };
            if let Some(playing) = narrator.playing.as_ref().filter(|p| p.key == key) {
                ui.add(egui::ProgressBar::new(playing.progress()).fill(theme::RED));
            }
            ui.horizontal(|ui| {
                if ui.button(words.get(Word::PreviousStop)).clicked() {
                    commands.write(TourCommand::Previous);
                }
                let pause = if active.player.paused {
                    Word::Resume
                } else {
                    Word::Pause
                };
                if ui.button(words.get(pause)).clicked() {
                    commands.write(TourCommand::TogglePause);
                }
                if ui.button(words.get(Word::NextStop)).clicked() {
                    commands.write(TourCommand::Next);
                }
                if ui.button(words.get(Word::LeaveTour)).clicked() {
                    commands.write(TourCommand::Leave);
                }
            });
        });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn you_are_here_follows_the_camera() {
        let map = MapTransform::fit(
            Vec2::new(120.0, 84.0),
            Rect::new(0.0, 0.0, 240.0, 170.0),
            6.0,
        );
        let at_entrance = Pose::standing(0.0, 38.0, 1.65, 0.0);
        let (p, dir) = you_are_here(&map, &at_entrance);
        assert!(
            p.y > 150.0 && (p.x - 120.0).abs() < 1.0,
            "near the bottom middle: {p}"
        );
        assert!(
            dir.abs_diff_eq(Vec2::new(0.0, -1.0), 1e-5),
            "facing north = up: {dir}"
        );
        let east = Pose::standing(40.0, 0.0, 1.65, 90.0);
        let (q, dir) = you_are_here(&map, &east);
        assert!(q.x > p.x + 50.0 && q.y < p.y);
        assert!(dir.abs_diff_eq(Vec2::X, 1e-5));
    }
}
