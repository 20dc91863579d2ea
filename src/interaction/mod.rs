//! Pointing at the hall: hovering an exhibit highlights it and names it, clicking opens its
//! panel, clicking a booth's sign opens the pavilion panel. The [`Selection`] resource is the
//! single source of truth for what is hovered and which panel is open.

use bevy::prelude::*;

use crate::{
    AppSystems,
    content::{
        exhibition::{ExhibitRef, Exhibition},
        footprint::display_extent,
        live::{ContentReloaded, LiveReload},
        loading::CurrentExhibition,
        model::AreaRef,
    },
    hall::{
        BoothEntity, ExhibitEntity, HallFloor, HallScene,
        palette::{Finish, Palette},
    },
    screens::{
        Screen,
        kiosk::{KioskPhase, WakingGesture},
    },
    third_party::UiFocus,
};

pub fn plugin(app: &mut App) {
    app.init_resource::<Selection>()
        .add_message::<ContentReloaded>()
        .add_observer(on_over)
        .add_observer(on_out)
        .add_observer(on_move)
        .add_observer(on_click)
        .add_systems(OnEnter(Screen::Hall), spawn_hover_ring)
        .add_systems(
            PreUpdate,
            keep_selection_on_reload
                .in_set(LiveReload::Follow)
                .run_if(on_message::<ContentReloaded>),
        )
        .add_systems(
            Update,
            move_hover_ring
                .in_set(AppSystems::Update)
                .run_if(in_state(Screen::Hall)),
        );
}

/// A panel the visitor can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Panel {
    Exhibit(ExhibitRef),
    /// A pavilion, or the China zone (optionally one of its sectors).
    Zone {
        zone: usize,
        sector: Option<String>,
    },
    About,
}

/// What the pointer is on, and which panel is open.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Selection {
    pub hovered: Option<Hovered>,
    pub panel: Option<Panel>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hovered {
    Exhibit(ExhibitRef),
    Booth { area: AreaRef, zone: usize },
}

impl Panel {
    /// The same panel in edited content (`before` → `after`), found by id; `None` when its exhibit
    /// or zone is gone.
    pub fn in_edited(&self, before: &Exhibition, after: &Exhibition) -> Option<Panel> {
        match self {
            Panel::Exhibit(at) => {
                let id = &before.exhibit(*at).id;
                after.find_exhibit(id).map(Panel::Exhibit)
            }
            Panel::Zone { zone, sector } => {
                let id = &before.zones.get(*zone)?.id;
                Some(Panel::Zone {
                    zone: after.zone_index(id)?,
                    sector: sector.clone(),
                })
            }
            Panel::About => Some(Panel::About),
        }
    }
}

impl Selection {
    pub fn open(&mut self, panel: Panel) {
        self.panel = Some(panel);
    }

    pub fn close(&mut self) {
        self.panel = None;
    }

    /// The exhibit `step` places on from the open one, in the same zone (wrapping round).
    pub fn step_exhibit(&mut self, exhibition: &Exhibition, step: isize) {
        if let Some(Panel::Exhibit(at)) = &mut self.panel {
            let count = exhibition.zones[at.zone].exhibits.len() as isize;
            if count > 0 {
                at.exhibit = (at.exhibit as isize + step).rem_euclid(count) as usize;
            }
        }
    }
}

/// The panel a booth's sign opens.
pub fn booth_panel(area: &AreaRef, zone: usize) -> Panel {
    Panel::Zone {
        zone,
        sector: area.sector.clone(),
    }
}

/// What a picked mesh belongs to: the nearest exhibit or booth ancestor (its walls, fascia and
/// sign), or the booth whose carpet was hit on the hall floor.
pub fn picked_target(
    entity: Entity,
    hit: Option<Vec3>,
    parents: &Query<&ChildOf>,
    exhibits: &Query<&ExhibitEntity>,
    booths: &Query<&BoothEntity>,
    floor: &Query<(), With<HallFloor>>,
    exhibition: Option<&Exhibition>,
) -> Option<Hovered> {
    if floor.contains(entity) {
        let (at, exhibition) = (hit?, exhibition?);
        let footprint = exhibition
            .footprints
            .iter()
            .find(|f| f.rect().contains(Vec2::new(at.x, at.z)))?;
        return Some(Hovered::Booth {
            area: footprint.area.clone(),
            zone: exhibition.zone_index(&footprint.area.zone)?,
        });
    }
    let mut current = entity;
    loop {
        if let Ok(exhibit) = exhibits.get(current) {
            return Some(Hovered::Exhibit(exhibit.0));
        }
        if let Ok(booth) = booths.get(current) {
            return Some(Hovered::Booth {
                area: booth.area.clone(),
                zone: booth.zone,
            });
        }
        current = parents.get(current).ok()?.parent();
    }
}

/// The queries picking needs to name what a pointer is on.
#[derive(bevy::ecs::system::SystemParam)]
pub struct PickTargets<'w, 's> {
    parents: Query<'w, 's, &'static ChildOf>,
    exhibits: Query<'w, 's, &'static ExhibitEntity>,
    booths: Query<'w, 's, &'static BoothEntity>,
    floor: Query<'w, 's, (), With<HallFloor>>,
    exhibition: Option<Res<'w, CurrentExhibition>>,
}

impl PickTargets<'_, '_> {
    fn target(&self, entity: Entity, hit: Option<Vec3>) -> Option<Hovered> {
        picked_target(
            entity,
            hit,
            &self.parents,
            &self.exhibits,
            &self.booths,
            &self.floor,
            self.exhibition.as_deref().map(|e| &e.0),
        )
    }
}

fn on_over(over: On<Pointer<Over>>, targets: PickTargets, mut selection: ResMut<Selection>) {
    if let Some(target) = targets.target(over.original_event_target(), over.hit.position) {
        selection.hovered = Some(target);
    }
}

fn on_out(out: On<Pointer<Out>>, targets: PickTargets, mut selection: ResMut<Selection>) {
    let left = targets.target(out.original_event_target(), out.hit.position);
    let floor_booth = matches!(selection.hovered, Some(Hovered::Booth { .. }))
        && targets.floor.contains(out.original_event_target());
    if (left.is_some() && left == selection.hovered) || floor_booth {
        selection.hovered = None;
    }
}

/// Hovering the floor moves from booth to booth without Over/Out events: follow the pointer.
fn on_move(moved: On<Pointer<Move>>, targets: PickTargets, mut selection: ResMut<Selection>) {
    if targets.floor.contains(moved.original_event_target()) {
        let now = targets.target(moved.original_event_target(), moved.hit.position);
        if selection.hovered != now {
            selection.hovered = now;
        }
    }
}

fn on_click(
    click: On<Pointer<Click>>,
    targets: PickTargets,
    focus: Res<UiFocus>,
    waking: Option<Res<WakingGesture>>,
    phase: Option<Res<State<KioskPhase>>>,
    mut selection: ResMut<Selection>,
) {
    if click.button != PointerButton::Primary || focus.pointer {
        return;
    }
    // A kiosk's waking tap only wakes it.
    if WakingGesture::swallows(waking.as_deref(), phase.as_deref()) {
        return;
    }
    match targets.target(click.original_event_target(), click.hit.position) {
        Some(Hovered::Exhibit(at)) => selection.open(Panel::Exhibit(at)),
        Some(Hovered::Booth { area, zone }) => selection.open(booth_panel(&area, zone)),
        None => {}
    }
}

/// Edited content: the open panel stays open if what it shows is still there; hovering starts
/// afresh (the meshes under the pointer were rebuilt).
fn keep_selection_on_reload(
    mut reloaded: MessageReader<ContentReloaded>,
    exhibition: Res<CurrentExhibition>,
    mut selection: ResMut<Selection>,
) {
    for message in reloaded.read() {
        selection.hovered = None;
        selection.panel = selection
            .panel
            .as_ref()
            .and_then(|panel| panel.in_edited(&message.previous, &exhibition));
    }
}

/// The glowing ring under the hovered (or open) exhibit.
#[derive(Component, Debug)]
pub struct HoverRing;

/// Runs when the hall is shown; skipped when no scene was built (headless tests).
fn spawn_hover_ring(
    mut commands: Commands,
    palette: Option<ResMut<Palette>>,
    materials: Option<ResMut<Assets<StandardMaterial>>>,
) {
    let (Some(mut palette), Some(mut materials)) = (palette, materials) else {
        return;
    };
    let glow = palette.material(&mut materials, [255, 196, 40], 1.0, Finish::Glow);
    commands.spawn((
        Name::new("Hover ring"),
        HoverRing,
        HallScene,
        Pickable::IGNORE,
        Mesh3d(palette.disc.clone()),
        MeshMaterial3d(glow),
        Transform::from_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2)),
        Visibility::Hidden,
    ));
}

fn move_hover_ring(
    selection: Res<Selection>,
    exhibition: Res<CurrentExhibition>,
    exhibits: Query<(&ExhibitEntity, &Transform), Without<HoverRing>>,
    mut ring: Single<(&mut Transform, &mut Visibility), With<HoverRing>>,
) {
    let target = match (&selection.hovered, &selection.panel) {
        (Some(Hovered::Exhibit(at)), _) | (_, Some(Panel::Exhibit(at))) => Some(*at),
        _ => None,
    };
    let placed = target.and_then(|at| {
        exhibits
            .iter()
            .find(|(e, _)| e.0 == at)
            .map(|(_, t)| (at, t.translation))
    });
    let (transform, visibility) = &mut *ring;
    match placed {
        Some((at, position)) => {
            let half = display_extent(&exhibition.exhibit(at).display).half_size();
            let radius = (half.max_element() + 0.35).min(1.8);
            transform.translation = position + Vec3::Y * 0.03;
            transform.scale = Vec3::splat(radius);
            **visibility = Visibility::Visible;
        }
        None => **visibility = Visibility::Hidden,
    }
}
