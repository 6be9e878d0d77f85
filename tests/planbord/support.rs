//! What the test modules share: the sample plans, the command-line runner, the egui_kittest
//! harness and the way a user types into a field.

#![allow(dead_code)]

pub mod published;

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::{PlanApp, Prefs};
use planbord::model::{
    AccountLine, AccountSection, Amounts, BudgetBasis, OperationalGoal, Plan, Side, Yearly,
};
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
        // Dutch unless a test asks for `--lang en`, whatever the machine's language.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_BE.UTF-8")
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

/// The app on `plan` (not saved anywhere), on `panel`, charts not beside.
pub fn harness_on(plan: Plan, panel: Panel) -> Harness<'static, PlanApp> {
    let mut h = harness_with(PlanApp::new(plan, None, prefs_on(panel)));
    h.run();
    h
}

/// A plan budgeted by accounts only (2026-2028, no goals): personnel (62), operating (61),
/// overhead (63) and other (66) costs; subsidy (73) and own income (70) income.
pub fn accounts_plan() -> Plan {
    let mut plan = Plan::new("SAM", 2026, 2028);
    plan.meta.budget_basis = BudgetBasis::Accounts;
    let per_year = |values: [i64; 3]| {
        Amounts::PerYear(Yearly::from_values(
            2026,
            values.iter().map(|v| Decimal::from(*v)),
        ))
    };
    let sections = [
        (
            "PERSONEEL",
            vec![
                (
                    "620000",
                    "Bezoldigingen",
                    Side::Cost,
                    [2_100_000, 2_150_000, 2_200_000],
                ),
                (
                    "621000",
                    "Sociale lasten",
                    Side::Cost,
                    [700_000, 716_000, 733_000],
                ),
            ],
        ),
        (
            "WERKING",
            vec![
                ("610000", "Huur", Side::Cost, [80_000, 81_000, 82_000]),
                (
                    "630000",
                    "Afschrijvingen",
                    Side::Cost,
                    [12_000, 12_000, 12_000],
                ),
                (
                    "660000",
                    "Niet-recurrente kosten",
                    Side::Cost,
                    [1_000, 0, 0],
                ),
            ],
        ),
        (
            "INKOMSTEN",
            vec![
                (
                    "730000",
                    "Werkingssubsidie",
                    Side::Income,
                    [2_800_000, 2_850_000, 2_900_000],
                ),
                (
                    "700000",
                    "Deelnemersbijdragen",
                    Side::Income,
                    [150_000, 160_000, 170_000],
                ),
            ],
        ),
    ];
    for (name, lines) in sections {
        let id = plan.new_id();
        let mut section = AccountSection {
            id,
            name: name.into(),
            lines: Vec::new(),
            printed_cost: Yearly::default(),
            printed_income: Yearly::default(),
        };
        for (code, line_name, side, values) in lines {
            let id = plan.new_id();
            section.lines.push(AccountLine {
                id,
                code: code.into(),
                name: line_name.into(),
                side,
                category: None,
                amounts: per_year(values),
            });
        }
        plan.accounts.push(section);
    }
    plan
}

/// The account line with this code.
pub fn account<'a>(plan: &'a Plan, code: &str) -> &'a AccountLine {
    plan.accounts
        .iter()
        .flat_map(|s| &s.lines)
        .find(|l| l.code == code)
        .unwrap_or_else(|| panic!("no account {code}"))
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

/// Turns the mouse wheel over the panel, a screen at a time, until a widget named `label` is
/// laid out (at most 80 turns).
pub fn wheel_down_until(h: &mut Harness<'static, PlanApp>, label: &str) {
    wheel_down_at_until(h, egui::pos2(700.0, 600.0), label);
}

/// As [`wheel_down_until`], with the mouse at `at`.
pub fn wheel_down_at_until(h: &mut Harness<'static, PlanApp>, at: egui::Pos2, label: &str) {
    for _ in 0..80 {
        if h.query_by_label(label).is_some() {
            return;
        }
        h.hover_at(at);
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -700.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // Smooth scrolling takes a few frames.
        h.run_steps(8);
    }
    panic!("'{label}' never came into view");
}

/// The Socius plan with more printed groups: overhead lines "Huisvesting" and
/// "Organisatiekosten" (not side by side, the group spelled two ways) and "Afschrijvingen" alone
/// in groups of their own; income "Subsidies" and "Werking" in one group (subsidy mixed with own
/// income); a blank group on "Recuperatie personeelskosten" (no group).
pub fn grouped_socius() -> Plan {
    let mut plan = socius();
    let set = |lines: &mut [planbord::model::BudgetLine], name: &str, group: &str| {
        let line = lines
            .iter_mut()
            .find(|l| l.name == name)
            .unwrap_or_else(|| panic!("no line {name}"));
        line.printed_group = Some(group.to_string());
    };
    set(
        &mut plan.overhead,
        "Huisvesting",
        "Huisvesting en organisatie",
    );
    set(
        &mut plan.overhead,
        "Organisatiekosten",
        " huisvesting EN organisatie ",
    );
    set(&mut plan.overhead, "Afschrijvingen", "Afschrijvingen");
    set(&mut plan.income, "Subsidies", "Subsidie en werking");
    set(&mut plan.income, "Werking", "subsidie en werking");
    set(&mut plan.income, "Recuperatie personeelskosten", "  ");
    plan
}

/// A load error as an English-speaking user reads it.
pub fn english(error: &planbord::store::LoadError) -> String {
    planbord::i18n::errors::load_error(error, planbord::i18n::Lang::En)
}
