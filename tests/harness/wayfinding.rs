//! Search in both languages, guided tours with a manual clock, the validator's tour checks,
//! and deep links that land where the directory does.

use std::time::Duration;

use bevy::{prelude::*, state::app::StatesPlugin, time::TimeUpdateStrategy};
use expo_hall::{
    AppSystems,
    camera::{FlyTo, rig::FLIGHT_SECONDS},
    content::{
        loading::CurrentExhibition,
        model::{AreaRef, StopTarget},
        validate::validate,
    },
    interaction::Panel,
    launch::View,
    screens::{self, Screen},
    wayfinding::{
        links::{directory_entry, resolve_view},
        search::{Found, search},
        tour::{self, ActiveTour, TourCommand},
    },
};

use crate::support::{TempContent, position_of, shipped};

#[test]
fn search_finds_exhibits_in_english_and_chinese() {
    let exhibition = shipped();
    let en = search(&exhibition, "thangka", crate::support::lang("en"));
    assert_eq!(en[0].id, "np.giant-thangka", "{en:?}");
    let zh = search(&exhibition, "唐卡", crate::support::lang("zh"));
    assert_eq!(zh[0].id, "np.giant-thangka", "{zh:?}");
    // Exhibitors and tags count; case does not.
    assert!(
        search(&exhibition, "TRANSTELECOM", crate::support::lang("en"))
            .iter()
            .any(|h| h.id == "ru.digital-silk-road")
    );
    assert!(
        search(&exhibition, "金山科技", crate::support::lang("zh"))
            .iter()
            .any(|h| h.id.starts_with("tj."))
    );
    assert!(
        search(&exhibition, "金山科技", crate::support::lang("zh"))
            .iter()
            .any(|h| h.id.starts_with("ru."))
    );
}

#[test]
fn search_is_accent_insensitive_and_every_word_must_match() {
    let exhibition = shipped();
    let plain = search(&exhibition, "hagia sophia", crate::support::lang("en"));
    assert!(
        plain.iter().any(|h| h.id == "tr.transparent-hagia-sophia"),
        "{plain:?}"
    );
    let accented = search(&exhibition, "Hâgiá Sóphia", crate::support::lang("en"));
    assert_eq!(plain, accented);
    let both = search(
        &exhibition,
        "balloons cappadocia",
        crate::support::lang("en"),
    );
    assert!(
        !both.is_empty() && both.iter().all(|h| h.id.starts_with("tr")),
        "{both:?}"
    );
}

#[test]
fn search_forgives_a_typo_and_takes_short_words_whole() {
    let exhibition = shipped();
    let sofia = search(&exhibition, "Hagia Sofia", crate::support::lang("en"));
    assert!(
        sofia.iter().any(|h| h.id == "tr.transparent-hagia-sophia"),
        "{sofia:?}"
    );
    let tea = search(&exhibition, "tea", crate::support::lang("en"));
    assert!(
        tea.iter().any(|h| h.id == "lk.tea-scented-alley"),
        "{tea:?}"
    );
    assert!(
        !tea.iter().any(|h| h.id == "cn.sco-think-tank"),
        "\"tea\" is not \"team\": {tea:?}"
    );
    // Sri Lanka's texts agree in both languages: neither mentions vodka any more.
    let ids = |query: &str, lang| -> Vec<String> {
        search(&exhibition, query, lang)
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(
        ids("vodka", crate::support::lang("en")),
        ids("伏特加", crate::support::lang("zh"))
    );
}

#[test]
fn search_finds_the_shipped_content_in_russian() {
    let exhibition = shipped();
    let ids = |query: &str| -> Vec<String> {
        search(&exhibition, query, crate::support::lang("ru"))
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids("танка")[0], "np.giant-thangka");
    assert!(ids("Айя-Софии").contains(&"tr.transparent-hagia-sophia".to_owned()));
    // A plural finds the singular with ё: «ковры» → «ковёр» (Afghanistan's carpets).
    assert!(
        ids("ковры").iter().any(|id| id.starts_with("af.")),
        "{:?}",
        ids("ковры")
    );
    assert_eq!(ids("воздушные шары"), ids("ВОЗДУШНЫЕ ШАРЫ"));
    assert!(ids("Каппадокия").iter().any(|id| id.starts_with("tr.")));
    // One typo in a long word is forgiven, as in English.
    assert!(ids("Каппадокея").iter().any(|id| id.starts_with("tr.")));
}

#[test]
fn title_matches_rank_before_description_matches() {
    let exhibition = shipped();
    let hits = search(&exhibition, "russia", crate::support::lang("en"));
    assert_eq!(
        hits[0].found,
        Found::Zone(exhibition.zone_index("ru").unwrap()),
        "{hits:?}"
    );
    let scores: Vec<u32> = hits.iter().map(|h| h.score).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
}

#[test]
fn empty_and_nonsense_queries_find_nothing() {
    let exhibition = shipped();
    assert!(search(&exhibition, "", crate::support::lang("en")).is_empty());
    assert!(search(&exhibition, "   ", crate::support::lang("en")).is_empty());
    assert!(search(&exhibition, "xqzvbnm", crate::support::lang("en")).is_empty());
    assert!(search(&exhibition, "thangka xqzvbnm", crate::support::lang("en")).is_empty());
}

#[test]
fn the_search_command_prints_ranked_ids() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .args(["search", "唐卡", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().next().unwrap().contains("np.giant-thangka"),
        "{text}"
    );
}

#[test]
fn the_shipped_tour_visits_the_four_sectors_then_all_17_pavilions() {
    let exhibition = shipped();
    let tour = &exhibition.tours[0];
    let areas: Vec<String> = tour
        .stops
        .iter()
        .filter_map(|s| match &s.target {
            StopTarget::Area(area) => Some(area.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        &areas[..4],
        [
            "cn/logistics",
            "cn/transportation",
            "cn/culture-tourism",
            "cn/smart-manufacturing"
        ]
    );
    let mut pavilions: Vec<&str> = areas[4..].iter().map(String::as_str).collect();
    pavilions.sort();
    let mut expected: Vec<&str> = exhibition.pavilions().map(|z| z.id.as_str()).collect();
    expected.sort();
    assert_eq!(pavilions, expected);
}

fn tour_app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .insert_resource(CurrentExhibition(shipped()))
        .add_message::<FlyTo>()
        .configure_sets(
            Update,
            (AppSystems::Input, AppSystems::Update, AppSystems::Camera).chain(),
        )
        .add_plugins((screens::plugin, tour::plugin));
    app.update();
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Hall);
    app.update();
    app
}

fn flights(app: &mut App) -> Vec<FlyTo> {
    let messages = app.world().resource::<Messages<FlyTo>>();
    messages.iter_current_update_messages().cloned().collect()
}

fn run(app: &mut App, seconds: f32) -> Vec<FlyTo> {
    let mut all = Vec::new();
    for _ in 0..(seconds / 0.1).round() as usize {
        app.update();
        all.extend(flights(app));
    }
    all
}

#[test]
fn a_tour_flies_from_stop_to_stop_on_its_clock() {
    let mut app = tour_app();
    let exhibition = shipped();
    let stops = &exhibition.tours[0].stops;
    app.world_mut().write_message(TourCommand::Start {
        tour: 0,
        attract: false,
    });
    app.update();
    assert_eq!(
        flights(&mut app),
        vec![FlyTo::WholeHall],
        "the first stop is the whole hall"
    );
    // Just before the first stop's time is up nothing moves; just after, the second stop.
    let first = FLIGHT_SECONDS + stops[0].dwell;
    assert!(run(&mut app, first - 0.3).is_empty());
    assert_eq!(
        run(&mut app, 0.5),
        vec![FlyTo::Area(AreaRef::sector("cn", "logistics"))]
    );
    // Pause holds it; next and previous move by hand.
    app.world_mut().write_message(TourCommand::TogglePause);
    assert!(run(&mut app, 60.0).is_empty());
    assert_eq!(app.world().resource::<ActiveTour>().player.stop, 1);
    app.world_mut().write_message(TourCommand::Next);
    assert_eq!(
        run(&mut app, 0.1),
        vec![FlyTo::Area(AreaRef::sector("cn", "transportation"))]
    );
    app.world_mut().write_message(TourCommand::Previous);
    assert_eq!(
        run(&mut app, 0.1),
        vec![FlyTo::Area(AreaRef::sector("cn", "logistics"))]
    );
    // Leaving ends the tour without moving the camera.
    app.world_mut().write_message(TourCommand::Leave);
    assert!(run(&mut app, 0.2).is_empty());
    assert!(app.world().get_resource::<ActiveTour>().is_none());
}

#[test]
fn the_validator_checks_tours() {
    let content = TempContent::new();
    content.replace("tours/grand-tour.tour.ron", "Area(\"np\")", "Area(\"xx\")");
    content.replace(
        "tours/grand-tour.tour.ron",
        "zh: \"土耳其：蓝白相间的热气球与透明模板制作的圣索菲亚大教堂交相呼应，犹如身处卡帕多西亚。\"",
        "zh: \"\"",
    );
    let report = validate(&content.source(), &crate::support::main_hall());
    let file = content
        .path("tours/grand-tour.tour.ron")
        .to_string_lossy()
        .into_owned();
    let text = content.read("tours/grand-tour.tour.ron");
    let (line, col) = position_of(&text, "Area(\"xx\")");
    assert!(
        report.problems.iter().any(|p| p
            .to_string()
            .starts_with(&format!("{file}:{line}:{col}: "))
            && p.message.contains("not in the hall")),
        "{:#?}",
        report.problems
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.path == file && p.message.contains("`narration` has no zh")),
        "{:#?}",
        report.problems
    );
}

#[test]
fn sectors_can_be_deep_linked() {
    let exhibition = shipped();
    let cn = exhibition.zone_index("cn").unwrap();
    let view: View = "pavilion:cn/logistics".parse().unwrap();
    let (request, panel) = resolve_view(&exhibition, &view).unwrap();
    assert_eq!(request, FlyTo::Visit(AreaRef::sector("cn", "logistics")));
    assert_eq!(
        panel,
        Some(Panel::Zone {
            zone: cn,
            sector: Some("logistics".into())
        })
    );
    let error = resolve_view(&exhibition, &"pavilion:cn/logistic".parse().unwrap()).unwrap_err();
    assert!(error.contains("cn/logistics"), "{error}");
}

#[test]
fn deep_links_land_where_the_directory_does() {
    let exhibition = shipped();
    for (index, zone) in exhibition.zones.iter().enumerate() {
        let (link, link_panel) =
            resolve_view(&exhibition, &View::Pavilion(AreaRef::zone(&zone.id))).unwrap();
        let (entry, entry_panel) = directory_entry(&exhibition, index, None);
        assert_eq!(link, entry, "{}", zone.id);
        assert_eq!(link_panel, entry_panel);
        assert_eq!(
            link_panel,
            Some(Panel::Zone {
                zone: index,
                sector: None
            })
        );
    }
    let at = exhibition.find_exhibit("ru.digital-silk-road").unwrap();
    let (link, panel) =
        resolve_view(&exhibition, &View::Exhibit("ru.digital-silk-road".into())).unwrap();
    assert_eq!(
        (link, panel),
        (FlyTo::Exhibit(at), Some(Panel::Exhibit(at)))
    );
}

#[test]
fn unknown_deep_links_name_near_matches() {
    let exhibition = shipped();
    let error =
        resolve_view(&exhibition, &View::Exhibit("ru.digital-silk-raod".into())).unwrap_err();
    assert!(
        error.contains("did you mean: ru.digital-silk-road"),
        "{error}"
    );
    let error = resolve_view(&exhibition, &View::Pavilion(AreaRef::zone("rus"))).unwrap_err();
    assert!(error.contains("`rus`") && error.contains("ru"), "{error}");
    // The binary refuses before opening a window, with exit status 2.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_expo-hall"))
        .args(["--exhibit", "np.giant-tangka"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("np.giant-thangka"));
}
