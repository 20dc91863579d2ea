//! The one integration-test binary (each test binary links all of Bevy, so there is just one).
//! Modules test the content through Bevy's asset system, the validator's error kinds, the
//! shipped content against the source articles, the camera, picking, language switching, and
//! a rendering smoke test under Xvfb.

mod camera;
mod content_app;
mod content_coverage;
mod interaction;
mod kiosk;
mod language;
mod layout;
mod rendering;
mod support;
mod validation;
mod wayfinding;
