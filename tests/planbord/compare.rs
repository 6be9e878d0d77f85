//! Scenarios side by side: differences found once and correctly, the command line agreeing with
//! the view, and the comparison view driven through the window.

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::{PlanApp, Prefs};
use planbord::compare::{ChangeKind, MatchedBy, Scenario, diff, figure_rows};
use planbord::edit::{Edit, LineList, apply_to};
use planbord::model::GrowthRule;
use planbord::ui::Panel;
use rust_decimal::{Decimal, dec};
use std::path::{Path, PathBuf};

use crate::support::{CUT, LATER, SOCIUS as BASE, load};

#[test]
fn a_plan_compared_with_itself_has_no_differences() {
    let plan = load(BASE);
    let d = diff(&plan, &plan);
    assert_eq!(d.matched_by, MatchedBy::Id);
    assert!(d.changes.is_empty(), "{:?}", d.changes);
    let scenarios = vec![Scenario::new("a", plan.clone()), Scenario::new("b", plan)];
    for row in figure_rows(&scenarios, 0) {
        assert!(row.deltas[1].iter().all(|d| d.is_zero()), "{}", row.key);
    }
}

#[test]
fn each_kind_of_change_is_reported_once() {
    let base = load(BASE);
    let mut other = base.clone();
    let sd1 = other.strategic_goals[0].id;
    apply_to(
        &mut other,
        &Edit::AddOperationalGoal {
            strategic_goal: sd1,
        },
    )
    .unwrap();
    let od3 = other.strategic_goals[0].operational_goals[2].id;
    apply_to(
        &mut other,
        &Edit::SetYear(
            planbord::edit::YearField::GoalFte(od3),
            2025,
            Some(dec!(0.5)),
        ),
    )
    .unwrap();
    let huisvesting = other.overhead[0].id;
    apply_to(&mut other, &Edit::RemoveLine(huisvesting)).unwrap();
    let subsidy = other.income[0].id;
    let rule = GrowthRule {
        base_year: 2021,
        base: dec!(1529210),
        growth_percent: dec!(2),
        round_to: dec!(5),
    };
    apply_to(&mut other, &Edit::SetRule(subsidy, Some(rule))).unwrap();
    apply_to(&mut other, &Edit::AddLine(LineList::Income)).unwrap();

    let d = diff(&base, &other);
    assert_eq!(d.matched_by, MatchedBy::Id);
    let texts: Vec<&str> = d.changes.iter().map(|c| c.text.as_str()).collect();
    let once = |needle: &str| {
        let n = texts.iter().filter(|t| t.contains(needle)).count();
        assert_eq!(n, 1, "{needle:?} in {texts:#?}");
    };
    once("doel SD1.OD9 toegevoegd");
    // 0,75 -> 0,5 VTE at 101.480 per VTE in 2025.
    once("SD1.OD3 2025: 0,75 -> 0,5 VTE, loonkost -25.370");
    once("overheadlijn Huisvesting verwijderd");
    once(
        "Subsidies: 1.529.210 in 2021, 1,2 %/jaar, afgerond op 5 -> 1.529.210 in 2021, 2 %/jaar, afgerond op 5",
    );
    once("inkomstenlijn Nieuwe lijn toegevoegd");
    assert_eq!(d.changes.len(), 5, "{texts:#?}");
    assert_eq!(
        d.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Added)
            .count(),
        2
    );
    assert_eq!(
        d.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Removed)
            .count(),
        1
    );
}

#[test]
fn plans_without_shared_history_compare_by_code_and_title() {
    let base = load(BASE);
    let mut other = load(BASE);
    // The same plan typed in anew: every id differs.
    let text = planbord::store::to_ron_string(&other);
    let shifted = regex_free_shift_ids(&text, 1000);
    other = planbord::store::from_ron_str(&shifted, Path::new("retyped.ron")).unwrap();
    other.strategic_goals[1].operational_goals[0]
        .fte
        .set(2022, Some(dec!(0.4)));
    let d = diff(&base, &other);
    assert_eq!(d.matched_by, MatchedBy::CodeAndTitle);
    assert_eq!(d.changes.len(), 1, "{:#?}", d.changes);
    assert!(
        d.changes[0]
            .text
            .starts_with("SD2.OD1 2022: 0,2 -> 0,4 VTE"),
        "{}",
        d.changes[0].text
    );
}

/// Adds `by` to every id in a plan file (ids, references and next_id), as if typed anew.
fn regex_free_shift_ids(text: &str, by: u64) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let mut done = false;
        for key in [
            "id: ",
            "next_id: ",
            "salary_profile: ",
            "activity_type: ",
            "fund: Some(",
        ] {
            if let Some(rest) = trimmed.strip_prefix(key) {
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                if let Ok(n) = digits.parse::<u64>() {
                    let indent = &line[..line.len() - trimmed.len()];
                    out.push_str(&format!(
                        "{indent}{key}{}{}\n",
                        n + by,
                        &rest[digits.len()..]
                    ));
                    done = true;
                    break;
                }
            }
        }
        if !done {
            // Lists of ids (core tasks) are one number per line.
            let digits: String = trimmed.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() && trimmed == format!("{digits},") && !line.contains('"') {
                let indent = &line[..line.len() - trimmed.len()];
                out.push_str(&format!(
                    "{indent}{},\n",
                    digits.parse::<u64>().unwrap() + by
                ));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn the_sample_scenarios_show_their_effect() {
    let scenarios = vec![
        Scenario::new("base", load(BASE)),
        Scenario::new("cut", load(CUT)),
        Scenario::new("later", load(LATER)),
    ];
    let rows = figure_rows(&scenarios, 0);
    let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap();
    // 3 % less subsidy from 2022, absorbed by 0,5 FTE less: the period still closes.
    assert_eq!(row("income.subsidy").deltas[1][1], dec!(-46425));
    assert_eq!(row("fte.total").values[1][1], dec!(15.4));
    let balance_cut: Decimal = row("balance").values[1].iter().sum();
    assert!(balance_cut >= Decimal::ZERO, "{balance_cut}");
    assert!(
        scenarios[1].summary.warnings.is_empty(),
        "{:?}",
        scenarios[1].summary.warnings
    );
    // International staff a year later: 2 FTE less in 2021, a surplus that is carried over.
    assert_eq!(row("fte.total").values[2][0], dec!(13.9));
    assert_eq!(
        row("balance").deltas[2][0],
        dec!(133530) + dec!(44510) + dec!(17500)
    );
    assert!(scenarios[2].summary.warnings.is_empty());
}

#[test]
fn the_command_line_prints_the_numbers_of_the_view() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args([
            "compare", BASE, CUT, LATER, "--base", "2", "--format", "csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("key,scenario,kind,2021,2022,2023,2024,2025\n"));
    let scenarios = vec![
        Scenario::new("a", load(BASE)),
        Scenario::new("b", load(CUT)),
        Scenario::new("c", load(LATER)),
    ];
    let rows = figure_rows(&scenarios, 1);
    for row in &rows {
        for (s, scenario) in scenarios.iter().enumerate() {
            let value_line: Vec<String> = row.values[s]
                .iter()
                .map(|v| v.normalize().to_string())
                .collect();
            let expected = format!(
                "{},{},value,{}",
                row.key,
                scenario.name,
                value_line.join(",")
            );
            assert!(csv.lines().any(|l| l == expected), "missing {expected}");
            if s != 1 {
                let delta_line: Vec<String> = row.deltas[s]
                    .iter()
                    .map(|v| v.normalize().to_string())
                    .collect();
                let expected = format!(
                    "{},{},delta,{}",
                    row.key,
                    scenario.name,
                    delta_line.join(",")
                );
                assert!(csv.lines().any(|l| l == expected), "missing {expected}");
            }
        }
    }
    let table = std::process::Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(["compare", BASE, CUT])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("SD4.OD3 2022: 1,5 -> 1 VTE, loonkost -46.235"),
        "{table}"
    );
}

fn compare_app() -> Harness<'static, PlanApp> {
    let prefs = Prefs {
        charts_beside: false,
        ..Prefs::default()
    };
    let files: Vec<PathBuf> = [BASE, CUT, LATER].iter().map(PathBuf::from).collect();
    let mut app = PlanApp::new(load(BASE), Some(files[0].clone()), prefs);
    for f in &files[1..] {
        app.add_comparison(f);
    }
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 4000.0))
        .build_ui_state(|ui, app: &mut PlanApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn the_comparison_view_shows_differences_to_the_chosen_base() {
    let mut h = compare_app();
    assert_eq!(h.state().view.panel, Panel::Compare);
    // Saldo 2023 of the subsidy cut against the submitted plan: 24.509, +640.
    h.get_by_label("+640 (+2,7 %)");
    // Choose the subsidy cut as base: now the submitted plan differs by -640.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Basisscenario")
        .click();
    h.run();
    // The option in the open list (the scenario's own name label comes first).
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Subsidie -3 % vanaf 2022")
        .click();
    h.run();
    assert_eq!(
        h.state_mut().comparison().unwrap().base,
        1,
        "the base changed"
    );
    assert!(
        !h.get_all_by_label("-640 (-2,6 %)")
            .collect::<Vec<_>>()
            .is_empty()
    );
    let view = h.state_mut().comparison().unwrap();
    let balance = view.rows.iter().find(|r| r.key == "balance").unwrap();
    assert_eq!(balance.deltas[0][2], dec!(-640));
    // Both other scenarios have 1,5 VTE there where the new base has 1.
    let found = h
        .get_all_by_label_contains("SD4.OD3 2022: 1 -> 1,5 VTE, loonkost +46.235")
        .count();
    assert_eq!(found, 2);
}

#[test]
fn the_comparison_follows_edits_of_the_open_plan() {
    let bytes = |path: &str| std::fs::read(path).unwrap();
    let files_before = [bytes(BASE), bytes(CUT), bytes(LATER)];
    let mut h = compare_app();
    let before = h
        .state_mut()
        .comparison()
        .unwrap()
        .rows
        .iter()
        .find(|r| r.key == "cost.personnel")
        .unwrap()
        .values[0][0];
    let od = h.state().plan().strategic_goals[0].operational_goals[1].id;
    h.state_mut().apply(vec![Edit::SetYear(
        planbord::edit::YearField::GoalFte(od),
        2021,
        Some(dec!(1.3)),
    )]);
    h.run();
    let view = h.state_mut().comparison().unwrap();
    let row = view
        .rows
        .iter()
        .find(|r| r.key == "cost.personnel")
        .unwrap();
    assert_eq!(row.values[0][0], before + dec!(89020));
    assert!(
        view.diffs[1]
            .as_ref()
            .unwrap()
            .changes
            .iter()
            .any(|c| c.text.starts_with("SD1.OD2 2021: 1,3 -> 0,3 VTE"))
    );
    // Comparisons are read-only and the edit is not saved: every file is untouched.
    assert_eq!([bytes(BASE), bytes(CUT), bytes(LATER)], files_before);
}

#[test]
fn save_as_scenario_copies_the_plan_under_a_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socius.ron");
    std::fs::copy(BASE, &path).unwrap();
    let app = PlanApp::new(load(BASE), Some(path.clone()), Prefs::default());
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 1000.0))
        .build_ui_state(|ui, app: &mut PlanApp| app.show(ui), app);
    h.run();
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Opslaan als scenario…").click();
    h.run();
    let name = "Besparing 2023";
    let target = dir.path().join("besparing.ron");
    for (label, text) in [
        ("Naam van het scenario", name),
        ("Pad", target.to_str().unwrap()),
    ] {
        let input = egui::accesskit::Role::TextInput;
        h.get_by_role_and_label(input, label).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_role_and_label(input, label).type_text(text);
        h.run();
    }
    h.get_by_label("Opslaan").click();
    h.run();
    let copy = planbord::store::load(&target).unwrap();
    assert_eq!(copy.meta.scenario, name);
    assert_eq!(
        load(path.to_str().unwrap()).meta.scenario,
        "Ingediend beleidsplan",
        "the original is untouched"
    );
    assert_eq!(h.state().path(), Some(target.as_path()));
    assert!(!h.state().is_dirty());
}
