//! Hover → click → selection → panel, driven by the same picking events Bevy's mesh picking
//! sends; clicks while the UI has the pointer never reach the hall.

use bevy::{picking::backend::HitData, prelude::*, state::app::StatesPlugin};
use expo_hall::{
    content::{exhibition::ExhibitRef, loading::CurrentExhibition, model::AreaRef},
    hall::{BoothEntity, ExhibitEntity, HallFloor},
    interaction::{self, Hovered, Panel, Selection},
    screens,
    third_party::UiFocus,
};

use crate::support::{click, hit, pointer, shipped};

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .init_resource::<UiFocus>()
        .add_plugins((screens::plugin, interaction::plugin));
    app.update();
    app
}

#[test]
fn hovering_then_clicking_an_exhibit_opens_its_panel() {
    let mut app = app();
    let at = ExhibitRef {
        zone: 2,
        exhibit: 1,
    };
    let exhibit = app.world_mut().spawn(ExhibitEntity(at)).id();
    // The mesh hit is a child of the exhibit; the event bubbles up to it.
    let mesh = app.world_mut().spawn(ChildOf(exhibit)).id();

    app.world_mut().trigger(pointer(Over { hit: hit() }, mesh));
    assert_eq!(
        app.world().resource::<Selection>().hovered,
        Some(Hovered::Exhibit(at))
    );
    assert_eq!(
        app.world().resource::<Selection>().panel,
        None,
        "hovering alone opens nothing"
    );

    app.world_mut().trigger(pointer(click(), mesh));
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Exhibit(at))
    );

    app.world_mut().trigger(pointer(Out { hit: hit() }, mesh));
    assert_eq!(app.world().resource::<Selection>().hovered, None);
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Exhibit(at)),
        "the panel stays open"
    );
}

#[test]
fn clicks_while_the_ui_has_the_pointer_do_not_pick_the_hall() {
    let mut app = app();
    let exhibit = app
        .world_mut()
        .spawn(ExhibitEntity(ExhibitRef {
            zone: 0,
            exhibit: 0,
        }))
        .id();
    app.world_mut().resource_mut::<UiFocus>().pointer = true;
    app.world_mut().trigger(pointer(click(), exhibit));
    assert_eq!(app.world().resource::<Selection>().panel, None);
}

#[test]
fn a_booths_walls_and_its_carpet_open_its_panel() {
    let mut app = app();
    let exhibition = shipped();
    let np = exhibition.zone_index("np").unwrap();
    app.insert_resource(CurrentExhibition(exhibition.clone()));
    let booth = app
        .world_mut()
        .spawn(BoothEntity {
            area: AreaRef::zone("np"),
            zone: np,
        })
        .id();
    let wall = app.world_mut().spawn(ChildOf(booth)).id();
    app.world_mut().trigger(pointer(click(), wall));
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Zone {
            zone: np,
            sector: None
        })
    );

    // The floor under a sector of the China zone, hit in the middle of its footprint.
    app.world_mut().resource_mut::<Selection>().close();
    let floor = app.world_mut().spawn(HallFloor).id();
    let logistics = exhibition
        .footprint(&AreaRef::sector("cn", "logistics"))
        .unwrap();
    let position = Vec3::new(logistics.centre.x, 0.0, logistics.centre.y);
    let on_carpet = Click {
        hit: HitData::new(Entity::PLACEHOLDER, 1.0, Some(position), None),
        ..click()
    };
    app.world_mut().trigger(pointer(on_carpet, floor));
    assert_eq!(
        app.world().resource::<Selection>().panel,
        Some(Panel::Zone {
            zone: exhibition.zone_index("cn").unwrap(),
            sector: Some("logistics".into())
        })
    );
    // The bare floor of an aisle opens nothing.
    app.world_mut().resource_mut::<Selection>().close();
    let aisle = Click {
        hit: HitData::new(
            Entity::PLACEHOLDER,
            1.0,
            Some(Vec3::new(0.0, 0.0, 41.0)),
            None,
        ),
        ..click()
    };
    app.world_mut().trigger(pointer(aisle, floor));
    assert_eq!(app.world().resource::<Selection>().panel, None);
}

#[test]
fn previous_and_next_stay_in_the_zone_and_wrap_round() {
    let exhibition = shipped();
    let zone = exhibition.zone_index("np").unwrap();
    let count = exhibition.zones[zone].exhibits.len();
    let mut selection = Selection::default();
    selection.open(Panel::Exhibit(ExhibitRef {
        zone,
        exhibit: count - 1,
    }));
    selection.step_exhibit(&exhibition, 1);
    assert_eq!(
        selection.panel,
        Some(Panel::Exhibit(ExhibitRef { zone, exhibit: 0 }))
    );
    selection.step_exhibit(&exhibition, -1);
    assert_eq!(
        selection.panel,
        Some(Panel::Exhibit(ExhibitRef {
            zone,
            exhibit: count - 1
        }))
    );
    selection.close();
    assert_eq!(selection.panel, None);
}
