//! What the test modules share: the sample plans, the command-line runner, the egui_kittest
//! harness and the way a user types into a field.

#![allow(dead_code)]

pub mod published;

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::{PlanApp, Prefs};
use planbord::model::{OperationalGoal, Plan};
use planbord::ui::Panel;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

pub const SOCIUS: &str = "plans/socius-2021-2025.ron";
pub const CUT: &str = "plans/socius-2021-2025-subsidie-min3.ron";
pub const LATER: &str = "plans/socius-2021-2025-internationaal-later.ron";
pub const TEMPLATE: &str = "plans/template.ron";

pub fn load(path: &str) -> Plan {
    planbord::store::load(Path::new(path)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn socius() -> Plan {
    load(SOCIUS)
}

/// Runs the `planbord` binary: (exit code, stdout, stderr).
pub fn planbord(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .output()
        .expect("planbord runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The window of `app`, `size` logical pixels large.
pub fn harness_sized(app: PlanApp, width: f32, height: f32) -> Harness<'static, PlanApp> {
    Harness::builder()
        .with_size(vec2(width, height))
        .build_ui_state(|ui, app: &mut PlanApp| app.show(ui), app)
}

pub fn harness_with(app: PlanApp) -> Harness<'static, PlanApp> {
    harness_sized(app, 1500.0, 1100.0)
}

/// Preferences for tests: `panel` shown, charts not beside (more room for tables).
pub fn prefs_on(panel: Panel) -> Prefs {
    Prefs {
        charts_beside: false,
        panel,
        ..Prefs::default()
    }
}

/// The app on the Socius plan, on `panel`, charts not beside.
pub fn harness(panel: Panel) -> Harness<'static, PlanApp> {
    let mut h = harness_with(PlanApp::new(
        socius(),
        Some(PathBuf::from(SOCIUS)),
        prefs_on(panel),
    ));
    h.run();
    h
}

/// Types `text` into the field named `label`, replacing what is there, and presses `finish`.
pub fn type_into(h: &mut Harness<'static, PlanApp>, label: &str, text: &str, finish: Key) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(finish);
    h.run();
}

/// Scrolls the widget named `label` into view and clicks it.
pub fn click(h: &mut Harness<'static, PlanApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The operational goal with this code.
pub fn goal<'a>(plan: &'a Plan, code: &str) -> &'a OperationalGoal {
    plan.operational_goals()
        .map(|(_, od)| od)
        .find(|od| od.code == code)
        .unwrap_or_else(|| panic!("no goal {code}"))
}

/// FTE of an operational goal in a year.
pub fn od_fte(app: &PlanApp, code: &str, year: i32) -> Decimal {
    goal(app.plan(), code).fte.get(year)
}

/// Whether the slow sweeps run in full (`PLANBORD_FULL_SWEEPS=1`) rather than on a sample.
pub fn full_sweeps() -> bool {
    std::env::var_os("PLANBORD_FULL_SWEEPS").is_some_and(|v| v != "0")
}

/// A small deterministic pseudo-random sequence (xorshift), so failures can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
