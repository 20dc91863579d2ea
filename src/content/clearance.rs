//! What hangs in the hall keeps clear of the booths: the exhibition's title banner on the north
//! wall and the banners over the aisles never show inside or through a booth. One place decides
//! where they go, used by the hall that builds them and by the validator that warns about them.

use bevy::math::{Rect, Vec2};

use super::{
    exhibition::Exhibition,
    footprint::size,
    model::{AreaRef, BoothStyle, HangingBanner},
};

/// Width over height of the exhibition's printed title (the banners and the arch share it).
pub const BANNER_ASPECT: f32 = 2048.0 / 384.0;
/// A booth whose back is closer than this to the north wall stands in front of the wall banner:
/// seen from its aisle, the banner must not show between its back wall and its fascia.
pub const NEAR_WALL: f32 = 12.0;
/// An island stand closer than this to the north wall would seem to carry the wall banner.
pub const ISLAND_NEAR_WALL: f32 = 4.0;
/// Where the visitor whose view the banner keeps clear stands: this far in front of the booth
/// (the closest a booth's own viewpoint comes, as a visitor reads its fascia).
pub const VIEWER_DISTANCE: f32 = 4.0;
/// How far the wall banner's lower edge stays above such a booth's highest part.
pub const ABOVE_BOOTH: f32 = 1.0;
/// Room kept between the wall banner's top and the roof.
pub const BELOW_ROOF: f32 = 0.5;
/// The smallest share of its usual width a raised wall banner may shrink to before it is left
/// out instead.
pub const SMALLEST_SHARE: f32 = 0.4;
/// How far a hanging banner keeps from a booth it hangs over, unless it is above the booth.
pub const BANNER_MARGIN: f32 = 0.5;

/// Where the wall banner hangs: centred on the north wall at `centre_y`, `width` × `height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WallBanner {
    pub width: f32,
    pub height: f32,
    pub centre_y: f32,
}

/// The wall banner as the hall hangs it, and the booth that made it move.
#[derive(Debug, Clone, PartialEq)]
pub struct WallBannerFit {
    /// `None`: left out, as no size would clear the booth below it.
    pub banner: Option<WallBanner>,
    /// The booth near the wall that the banner was raised (and shrunk) above, or left out for.
    pub moved_for: Option<AreaRef>,
}

impl Exhibition {
    /// The top of an area's booth above the hall floor: its walls and fascia, its tower, an open
    /// booth's header or an island's hanging header, on its platform.
    pub fn booth_top(&self, area: &AreaRef) -> f32 {
        let platform = self
            .hall
            .shell
            .furnishing
            .stand
            .as_ref()
            .map_or(0.0, |kit| kit.platform);
        let style = self.booth(area).map(|b| b.style).unwrap_or_default();
        platform
            + match style {
                BoothStyle::ShellScheme => size::BOOTH_WALL_HEIGHT + size::FASCIA_HEIGHT,
                BoothStyle::Tower => size::TOWER_HEIGHT,
                BoothStyle::Open => {
                    let bottom = self
                        .open_sign_bottom(area)
                        .unwrap_or(size::HEADER_HIGHEST - size::HEADER_SIGN_HEIGHT);
                    bottom + size::HEADER_SIGN_HEIGHT + size::HEADER_PANEL_MARGIN
                }
                BoothStyle::Island => size::ISLAND_HEADER_BOTTOM + size::ISLAND_HEADER_HEIGHT,
            }
    }

    /// Where the exhibition's title hangs on the north wall: about half the wall's width, at
    /// 62 % of its height, unless a booth stands near the wall below it; then it is raised above
    /// that booth (shrinking to stay under the roof), or left out if it would become too small.
    pub fn wall_banner(&self) -> WallBannerFit {
        let shell = &self.hall.shell;
        let width = (shell.width * 0.45).min(48.0);
        let usual = WallBanner {
            width,
            height: width / BANNER_ASPECT,
            centre_y: shell.wall_height * 0.62,
        };
        let span = (-width / 2.0, width / 2.0);
        let wall = -shell.depth / 2.0;
        let platform = shell
            .furnishing
            .stand
            .as_ref()
            .map_or(0.0, |kit| kit.platform);
        // For each booth near the wall under the banner: the lowest the banner's lower edge may
        // hang, above the booth itself and above the line from the eye of a visitor in front
        // of it over the top of its walls (the opening between back wall and fascia).
        let below = self
            .footprints
            .iter()
            .filter(|f| {
                let rect = f.rect();
                rect.min.y - wall < NEAR_WALL && rect.max.x > span.0 && rect.min.x < span.1
            })
            .map(|f| {
                let above_booth = self.booth_top(&f.area) + ABOVE_BOOTH;
                // An island has no walls: the wall is seen across it as across an aisle, and
                // only one close to the wall would seem to carry the banner on its header.
                let style = self.booth(&f.area).map(|b| b.style).unwrap_or_default();
                if style == BoothStyle::Island {
                    let close = f.rect().min.y - wall < ISLAND_NEAR_WALL;
                    return (if close { above_booth } else { 0.0 }, &f.area);
                }
                let eye = size::EYE_HEIGHT;
                let opening = platform + size::BOOTH_WALL_HEIGHT;
                let to_wall = f.rect().max.y + VIEWER_DISTANCE - wall;
                let sightline = eye + (opening - eye) * to_wall / VIEWER_DISTANCE;
                (sightline.max(above_booth), &f.area)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((lowest, area)) = below else {
            return WallBannerFit {
                banner: Some(usual),
                moved_for: None,
            };
        };
        if usual.centre_y - usual.height / 2.0 >= lowest {
            return WallBannerFit {
                banner: Some(usual),
                moved_for: None,
            };
        }
        let room = shell.wall_height - BELOW_ROOF - lowest;
        let height = usual.height.min(room);
        let banner =
            (height * BANNER_ASPECT >= usual.width * SMALLEST_SHARE).then_some(WallBanner {
                width: height * BANNER_ASPECT,
                height,
                centre_y: lowest + height / 2.0,
            });
        WallBannerFit {
            banner,
            moved_for: Some(area.clone()),
        }
    }

    /// The booth a hanging banner would hang inside (its span over the booth, or closer than
    /// [`BANNER_MARGIN`], with its lower edge below the booth's top); the hall leaves it out.
    pub fn banner_clash(&self, banner: &HangingBanner) -> Option<&AreaRef> {
        let half = banner.width / 2.0;
        // A banner faces `bearing`: it spans across that direction.
        let facing = Vec2::new(
            banner.bearing.to_radians().sin(),
            -banner.bearing.to_radians().cos(),
        );
        let across = Vec2::new(-facing.y, facing.x);
        let centre = Vec2::new(banner.x, banner.z);
        let (a, b) = (centre - across * half, centre + across * half);
        self.footprints
            .iter()
            .filter(|f| banner.height < self.booth_top(&f.area))
            .find(|f| {
                let rect = f.rect();
                let grown = Rect::from_corners(
                    rect.min - Vec2::splat(BANNER_MARGIN),
                    rect.max + Vec2::splat(BANNER_MARGIN),
                );
                segment_meets_rect(a, b, grown)
            })
            .map(|f| &f.area)
    }
}

/// Whether the segment from `a` to `b` touches `rect` (sampled finely enough for metres).
fn segment_meets_rect(a: Vec2, b: Vec2, rect: Rect) -> bool {
    let steps = ((b - a).length() / 0.05).ceil().max(1.0) as usize;
    (0..=steps).any(|i| rect.contains(a.lerp(b, i as f32 / steps as f32)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{exhibition::read_exhibition, source::ContentSource};

    fn shipped() -> Exhibition {
        let source = ContentSource::Embedded;
        let hall = source.default_hall().unwrap();
        read_exhibition(&source, &hall).exhibition.unwrap()
    }

    /// The lowest a banner's lower edge may hang on the north wall behind a walled booth.
    fn over_the_walls(exhibition: &Exhibition, area: &AreaRef) -> f32 {
        let booth = exhibition.footprint(area).unwrap().rect();
        let platform = exhibition
            .hall
            .shell
            .furnishing
            .stand
            .as_ref()
            .map_or(0.0, |k| k.platform);
        let (eye, opening) = (size::EYE_HEIGHT, platform + size::BOOTH_WALL_HEIGHT);
        let to_wall = booth.max.y + VIEWER_DISTANCE + exhibition.hall.shell.depth / 2.0;
        eye + (opening - eye) * to_wall / VIEWER_DISTANCE
    }

    #[test]
    fn the_shipped_wall_banner_rises_above_the_north_row_and_the_aisle_banners_hang_clear() {
        let exhibition = shipped();
        let fit = exhibition.wall_banner();
        let area = fit
            .moved_for
            .clone()
            .expect("the north row stands under the banner");
        assert_eq!(exhibition.footprint(&area).unwrap().rect().min.y, -31.0);
        let banner = fit.banner.expect("a 14 m wall has room above it");
        let bottom = banner.centre_y - banner.height / 2.0;
        for booth in exhibition
            .footprints
            .iter()
            .filter(|f| f.rect().min.y == -31.0)
        {
            let style = exhibition.booth(&booth.area).unwrap().style;
            if style != BoothStyle::Island {
                assert!(
                    bottom >= over_the_walls(&exhibition, &booth.area) - 1e-3,
                    "{}",
                    booth.area
                );
            }
        }
        assert!(
            banner.centre_y + banner.height / 2.0
                <= exhibition.hall.shell.wall_height - BELOW_ROOF + 1e-3
        );
        let usual = (exhibition.hall.shell.width * 0.45).min(48.0);
        assert!(banner.width >= usual * SMALLEST_SHARE && banner.width < usual);
        for banner in &exhibition.hall.shell.furnishing.banners {
            assert_eq!(exhibition.banner_clash(banner), None, "{banner:?}");
        }
    }

    #[test]
    fn a_booth_against_the_north_wall_raises_the_banner_above_it_or_leaves_it_out() {
        let mut exhibition = shipped();
        let wall = -exhibition.hall.shell.depth / 2.0;
        // A walled pavilion against the wall, the rest of the hall moved far south.
        let index = exhibition
            .footprints
            .iter()
            .position(|f| exhibition.booth(&f.area).unwrap().style == BoothStyle::ShellScheme)
            .unwrap();
        for (i, f) in exhibition.footprints.iter_mut().enumerate() {
            if i != index {
                f.centre.y = 40.0;
            }
        }
        let booth = exhibition.footprints[index].clone();
        exhibition.footprints[index].centre = Vec2::new(0.0, wall + booth.depth / 2.0);
        let fit = exhibition.wall_banner();
        assert_eq!(fit.moved_for.as_ref(), Some(&booth.area));
        let banner = fit.banner.expect("a 14 m wall has room above the booth");
        let bottom = banner.centre_y - banner.height / 2.0;
        assert!(bottom >= over_the_walls(&exhibition, &booth.area) - 1e-3);
        assert!(bottom >= exhibition.booth_top(&booth.area) + ABOVE_BOOTH - 1e-3);
        exhibition.hall.shell.wall_height = 8.0;
        assert_eq!(exhibition.wall_banner().banner, None, "no room: left out");
    }

    #[test]
    fn a_hanging_banner_over_a_booth_clashes_and_one_above_it_does_not() {
        let exhibition = shipped();
        let booth = &exhibition.footprints[0];
        let mut banner = HangingBanner {
            x: booth.centre.x,
            z: booth.centre.y,
            bearing: 0.0,
            height: 3.0,
            width: 4.0,
        };
        assert_eq!(exhibition.banner_clash(&banner), Some(&booth.area));
        banner.height = exhibition.booth_top(&booth.area) + 0.1;
        assert_eq!(exhibition.banner_clash(&banner), None);
    }
}
