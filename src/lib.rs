//! expo-hall: a walkable Hall N2 of the Chongqing International Expo Center, as set up for the
//! China–SCO Digital Economy Industry Forum at the 2021 Smart China Expo.
//!
//! Everything the hall shows comes from RON files in `assets/` ([`content`]); the rest of the
//! crate turns that content into a 3D hall and its user interface.

pub mod cli;
pub mod content;
