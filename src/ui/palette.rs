//! Every colour the window uses, in one place. Series colours are chosen to stay readable on both
//! the light and the dark theme.

#![allow(clippy::disallowed_methods)] // the one place where colours are made

use egui::Color32;

/// Errors: a refused value, a failed save.
pub const ERROR: Color32 = Color32::from_rgb(200, 45, 40);
/// Successes: saved.
pub const SUCCESS: Color32 = Color32::from_rgb(40, 140, 70);
/// Something to look at: a highlighted year.
pub const ATTENTION: Color32 = Color32::from_rgb(220, 130, 0);
/// A value below zero in a signed row (a deficit).
pub const NEGATIVE: Color32 = Color32::from_rgb(210, 50, 50);
/// A value above zero in a signed row (a surplus).
pub const POSITIVE: Color32 = Color32::from_rgb(40, 150, 70);
/// A difference that is neither good nor bad.
pub const NEUTRAL_CHANGE: Color32 = Color32::from_rgb(200, 130, 0);
/// The bars of the timing table.
pub const TIMING_BAR: Color32 = Color32::from_rgb(52, 120, 190);

/// Colours of chart series, in order.
pub const SERIES: [Color32; 8] = [
    Color32::from_rgb(52, 120, 190),
    Color32::from_rgb(230, 140, 40),
    Color32::from_rgb(70, 160, 90),
    Color32::from_rgb(190, 70, 80),
    Color32::from_rgb(130, 100, 180),
    Color32::from_rgb(150, 110, 80),
    Color32::from_rgb(210, 110, 170),
    Color32::from_rgb(120, 120, 120),
];
