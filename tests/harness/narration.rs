//! Narration at run time: a tour speaks each stop in English, Chinese and Russian and waits for
//! it; the attract loop stays silent unless the kiosk says otherwise; without a sound device
//! (ours, or Bevy's audio output finding none) narration keeps its clock and never fails.

use std::time::Duration;

use bevy::{prelude::*, state::app::StatesPlugin, time::TimeUpdateStrategy};
use expo_hall::{
    AppSystems,
    camera::FlyTo,
    content::{
        loading::CurrentExhibition,
        model::Lang,
        narration::{NarrationKey, ogg_vorbis_seconds},
        source::ContentSource,
    },
    i18n::CurrentLang,
    narration::{self, NarrationCommand, NarrationFiles, Narrator, SoundDevice},
    screens::{self, Screen},
    wayfinding::tour::{self, ActiveTour, TourCommand},
};

use crate::support::{content_app, load_exhibition, shipped};

const STEP: f32 = 0.1;

/// A headless hall with tours and narration, no sound device, in `lang`.
fn narrating_app(lang: Lang, in_attract_loop: bool) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
            STEP,
        )))
        .insert_resource(CurrentExhibition(shipped()))
        .insert_resource(CurrentLang(lang))
        .insert_resource(NarrationFiles::read(&ContentSource::Embedded))
        .insert_resource(SoundDevice(false))
        .insert_resource(Narrator {
            playing: None,
            in_attract_loop,
        })
        .add_message::<FlyTo>()
        .configure_sets(
            Update,
            (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
        )
        .add_plugins((screens::plugin, tour::plugin, narration::plugin));
    app.update();
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Hall);
    app.update();
    app
}

/// What a tour run heard: per stop, the narration's key and length and how long the tour stayed.
fn run_tour(app: &mut App, attract: bool) -> Vec<(usize, Option<(NarrationKey, Lang, f32)>, f32)> {
    app.world_mut()
        .write_message(TourCommand::Start { tour: 0, attract });
    let mut stops: Vec<(usize, Option<(NarrationKey, Lang, f32)>, f32)> = Vec::new();
    for _ in 0..(3600.0 / STEP) as usize {
        app.update();
        let Some(active) = app.world().get_resource::<ActiveTour>() else {
            break;
        };
        let stop = active.player.stop;
        // An attract loop goes round for ever: its first two stops tell.
        if attract && stop == 2 {
            break;
        }
        let heard = app
            .world()
            .resource::<Narrator>()
            .playing
            .as_ref()
            .map(|p| (p.key.clone(), p.lang, p.seconds));
        match stops.last_mut() {
            Some(last) if last.0 == stop => {
                last.2 += STEP;
                if last.1.is_none() {
                    last.1 = heard;
                }
            }
            _ => stops.push((stop, heard, STEP)),
        }
    }
    stops
}

#[test]
fn a_tour_speaks_every_stop_in_each_language_and_waits_for_it_to_end() {
    let exhibition = shipped();
    let tour = &exhibition.tours[0];
    for lang in crate::support::shipped_languages() {
        let mut app = narrating_app(lang, false);
        let stops = run_tour(&mut app, false);
        assert_eq!(
            stops.len(),
            tour.stops.len(),
            "{lang:?}: every stop visited"
        );
        assert!(
            app.world().get_resource::<ActiveTour>().is_none(),
            "{lang:?}: the tour ended"
        );
        for (index, heard, stayed) in &stops {
            let Some((key, spoken_in, seconds)) = heard else {
                panic!("{lang:?}: stop {} was not narrated", index + 1);
            };
            assert_eq!(
                *key,
                NarrationKey::TourStop {
                    tour: tour.id.clone(),
                    stop: *index
                }
            );
            assert_eq!(*spoken_in, lang);
            assert!(
                *stayed + 2.0 * STEP >= *seconds,
                "{lang:?}: stop {} moved on after {stayed:.1} s, before its {seconds:.1} s narration ended",
                index + 1
            );
            println!(
                "narration {}: stop {:2} {} ({seconds:.1} s), stayed {stayed:.1} s",
                lang.code(),
                index + 1,
                key.path(lang)
            );
        }
        assert!(
            app.world().resource::<Narrator>().playing.is_none(),
            "silent once the tour is over"
        );
    }
}

#[test]
fn the_attract_loop_is_silent_unless_the_kiosk_lets_it_speak() {
    let mut app = narrating_app(crate::support::lang("en"), false);
    let stops = run_tour(&mut app, true);
    assert!(
        stops.iter().all(|(_, heard, _)| heard.is_none()),
        "{stops:?}"
    );
    let mut app = narrating_app(crate::support::lang("en"), true);
    let stops = run_tour(&mut app, true);
    assert!(
        stops.iter().all(|(_, heard, _)| heard.is_some()),
        "{stops:?}"
    );
}

#[test]
fn leaving_a_tour_or_changing_language_stops_its_narration() {
    let mut app = narrating_app(crate::support::lang("zh"), false);
    app.world_mut().write_message(TourCommand::Start {
        tour: 0,
        attract: false,
    });
    app.update();
    app.update();
    assert!(app.world().resource::<Narrator>().playing.is_some());
    app.world_mut().write_message(TourCommand::Leave);
    app.update();
    app.update();
    assert!(app.world().resource::<Narrator>().playing.is_none());

    app.world_mut()
        .write_message(NarrationCommand::Play(NarrationKey::Zone("np".into())));
    app.update();
    assert!(app.world().resource::<Narrator>().playing.is_some());
    app.world_mut().resource_mut::<CurrentLang>().0 = crate::support::lang("ru");
    app.update();
    app.update();
    assert!(app.world().resource::<Narrator>().playing.is_none());
}

/// Plays the thangka's description and returns how many updates it lasted and whether a voice
/// entity was made.
fn play_to_the_end(app: &mut App) -> (usize, bool) {
    let key = NarrationKey::Exhibit("np.giant-thangka".into());
    app.world_mut()
        .write_message(NarrationCommand::Play(key.clone()));
    app.update();
    let narrator = app.world().resource::<Narrator>();
    let playing = narrator.playing.as_ref().expect("the description plays");
    assert_eq!(playing.key, key);
    assert!(!playing.caption().is_empty());
    let voice = app
        .world_mut()
        .query::<&AudioPlayer>()
        .iter(app.world())
        .count()
        > 0;
    let mut updates = 1;
    while app.world().resource::<Narrator>().playing.is_some() {
        app.update();
        updates += 1;
        assert!(updates < 10_000, "the narration never ended");
    }
    (updates, voice)
}

#[test]
fn without_a_sound_device_narration_is_silent_and_keeps_its_clock() {
    let bytes = ContentSource::Embedded
        .read("audio/en/exhibit.np.giant-thangka.ogg")
        .unwrap();
    let seconds = ogg_vorbis_seconds(&bytes).unwrap();
    assert!(seconds > 3.0);
    let expected = (seconds / STEP).ceil() as usize;

    // Our own check found no device: nothing is loaded or played.
    let mut app = narrating_app(crate::support::lang("en"), false);
    let (updates, voice) = play_to_the_end(&mut app);
    assert!(!voice, "no voice without a sound device");
    assert!(
        updates.abs_diff(expected) <= 2,
        "{updates} updates for {seconds} s"
    );

    // Bevy's audio output itself (on a machine without sound, as CI is, it finds no device).
    let mut app = content_app(ContentSource::Embedded);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        STEP,
    )))
    .insert_resource(CurrentLang(crate::support::lang("en")))
    .insert_resource(NarrationFiles::read(&ContentSource::Embedded))
    .insert_resource(SoundDevice(true))
    .configure_sets(
        Update,
        (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
    )
    .add_plugins((bevy::audio::AudioPlugin::default(), narration::plugin));
    load_exhibition(&mut app);
    let (updates, voice) = play_to_the_end(&mut app);
    assert!(voice, "a voice entity plays the file");
    assert!(
        updates.abs_diff(expected) <= 2,
        "{updates} updates for {seconds} s"
    );
}
