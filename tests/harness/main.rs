//! The one integration-test binary (each test binary links all of Bevy, so there is just one).
//! Modules test the crate's layering, the content through Bevy's asset system, the validator's
//! error kinds, the shipped content against the source articles, one footprint for every exhibit,
//! the camera, picking, language switching and the interface catalogs, narration, and a rendering smoke test
//! under Xvfb.

mod architecture;
mod camera;
mod content_app;
mod content_coverage;
mod fairs;
mod footprint;
mod fuzz;
mod interaction;
mod kiosk;
mod language;
mod layout;
mod live;
mod look_around;
mod narration;
mod qr;
mod rendering;
mod soak;
mod stands;
mod support;
mod tiers;
mod validation;
mod wayfinding;
