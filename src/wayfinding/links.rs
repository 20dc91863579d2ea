//! Deep links and named views: `--pavilion <code>`, `--exhibit <id>` and the screenshot views
//! resolve to the same camera request and panel as choosing that entry in the directory.

use crate::{
    camera::FlyTo,
    content::{exhibition::Exhibition, model::AreaRef},
    interaction::{Panel, booth_panel},
    launch::View,
};

use super::search::near_matches;

/// The camera request and panel for a view; an unknown place is an error naming near matches.
pub fn resolve_view(
    exhibition: &Exhibition,
    view: &View,
) -> Result<(FlyTo, Option<Panel>), String> {
    match view {
        View::Overview => Ok((FlyTo::WholeHall, None)),
        View::Walk => Ok((FlyTo::Entrance, None)),
        View::Pavilion(area) => {
            let known = exhibition
                .zone_index(&area.zone)
                .filter(|_| match &area.sector {
                    Some(_) => exhibition.sector(area).is_some(),
                    None => true,
                });
            let Some(index) = known else {
                let ids: Vec<String> = exhibition
                    .zones
                    .iter()
                    .map(|z| z.id.clone())
                    .chain(exhibition.footprints.iter().map(|f| f.area.to_string()))
                    .collect();
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                return Err(unknown("pavilion", &area.to_string(), &ids));
            };
            Ok(directory_entry(exhibition, index, area.sector.as_deref()))
        }
        View::Exhibit(id) => {
            let Some(at) = exhibition.find_exhibit(id) else {
                let ids: Vec<&str> = exhibition
                    .exhibit_refs()
                    .map(|r| exhibition.exhibit(r).id.as_str())
                    .collect();
                return Err(unknown("exhibit", id, &ids));
            };
            Ok((FlyTo::Exhibit(at), Some(Panel::Exhibit(at))))
        }
    }
}

/// What choosing a zone (or a China sector) in the directory does: walk up to its booth with its
/// panel open, from any camera mode. The China zone as a whole goes to its first sector.
pub fn directory_entry(
    exhibition: &Exhibition,
    zone: usize,
    sector: Option<&str>,
) -> (FlyTo, Option<Panel>) {
    let id = &exhibition.zones[zone].id;
    let whole = AreaRef::zone(id);
    let area = match sector {
        Some(sector) => AreaRef::sector(id, sector),
        None if exhibition.footprint(&whole).is_some() => whole,
        None => exhibition
            .footprints
            .iter()
            .find(|f| f.area.zone == *id)
            .map_or(whole, |f| f.area.clone()),
    };
    let panel = match sector {
        Some(_) => booth_panel(&area, zone),
        None => Panel::Zone { zone, sector: None },
    };
    (FlyTo::Visit(area), Some(panel))
}

fn unknown(kind: &str, wanted: &str, ids: &[&str]) -> String {
    let near = near_matches(wanted, ids.iter().copied());
    if near.is_empty() {
        format!("no {kind} `{wanted}`; `expo-hall list` shows every id")
    } else {
        format!("no {kind} `{wanted}`; did you mean: {}?", near.join(", "))
    }
}
