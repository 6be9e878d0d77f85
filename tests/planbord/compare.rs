//! Scenarios side by side: differences found once and correctly, the command line agreeing with
//! the view, and the comparison view driven through the window.

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::{PlanApp, Prefs};
use planbord::compare::{
    ChangeKind, Comparison, MatchedBy, Scenario, describe_change, diff, figure_rows,
};
use planbord::edit::{Edit, LineList, apply_to};
use planbord::i18n::Lang;
use planbord::model::GrowthRule;
use planbord::ui::Panel;
use rust_decimal::{Decimal, dec};
use std::path::{Path, PathBuf};

use crate::support::{CUT, LATER, SOCIUS as BASE, load, planbord};

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
    let texts: Vec<String> = d
        .changes
        .iter()
        .map(|c| describe_change(c, Lang::Nl))
        .collect();
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
    // The same changes in English.
    let english: Vec<String> = d
        .changes
        .iter()
        .map(|c| describe_change(c, Lang::En))
        .collect();
    for needle in [
        "goal SD1.OD9 added",
        "SD1.OD3 2025: 0,75 -> 0,5 FTE, salary cost -25.370",
        "overhead line Huisvesting removed",
        "Subsidies: 1.529.210 in 2021, 1,2 %/year, rounded to 5 -> 1.529.210 in 2021, 2 %/year, rounded to 5",
        "income line Nieuwe lijn added",
    ] {
        let n = english.iter().filter(|t| t.contains(needle)).count();
        assert_eq!(n, 1, "{needle:?} in {english:#?}");
    }
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
fn a_changed_printed_group_is_listed_without_an_effect_on_the_balance() {
    let base = load(BASE);
    let mut other = base.clone();
    let id = |plan: &planbord::model::Plan, name: &str| {
        plan.income.iter().find(|l| l.name == name).unwrap().id
    };
    let (rent, werking) = (
        id(&other, "Inkomsten externe verhuur"),
        id(&other, "Werking"),
    );
    apply_to(
        &mut other,
        &Edit::SetPrintedGroup(rent, Some("Verhuur".into())),
    )
    .unwrap();
    apply_to(
        &mut other,
        &Edit::SetPrintedGroup(werking, Some(" Werking ".into())),
    )
    .unwrap();
    let huisvesting = other.overhead[0].id;
    apply_to(
        &mut other,
        &Edit::SetPrintedGroup(huisvesting, Some("Huisvesting en kantoor".into())),
    )
    .unwrap();
    let d = diff(&base, &other);
    let texts: Vec<String> = d
        .changes
        .iter()
        .map(|c| describe_change(c, Lang::Nl))
        .collect();
    assert_eq!(
        texts,
        [
            "Huisvesting: groep in meerjarenbegroting – -> 'Huisvesting en kantoor'",
            "Inkomsten externe verhuur: groep in meerjarenbegroting 'Inkomsten verhuur en financiën' -> 'Verhuur'",
            "Werking: groep in meerjarenbegroting – -> 'Werking'",
        ]
    );
    assert!(d.changes.iter().all(|c| c.effect.is_none()));
    assert_eq!(d.total_effect(), Decimal::ZERO);
    let english = describe_change(&d.changes[1], Lang::En);
    assert!(english.contains("group in multi-year budget"), "{english}");
    // Removing the group back is a change too; the same group is none.
    let d = diff(&other, &base);
    assert_eq!(d.changes.len(), 3);
    assert!(diff(&other, &other).changes.is_empty());
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
    let text = describe_change(&d.changes[0], Lang::Nl);
    assert!(text.starts_with("SD2.OD1 2022: 0,2 -> 0,4 VTE"), "{text}");
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
    assert!(csv.starts_with("key,scenario,kind,2021,2022,2023,2024,2025,period\r\n"));
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
                .chain([&row.period[s]])
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
                    .chain([&row.period_deltas[s]])
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
    compare_app_sized(&[BASE, CUT, LATER], Lang::Nl, vec2(1600.0, 4000.0))
}

/// The window comparing `files` (the first open in the editor), `size` large.
fn compare_app_sized(files: &[&str], lang: Lang, size: egui::Vec2) -> Harness<'static, PlanApp> {
    let prefs = Prefs {
        charts_beside: false,
        lang,
        ..Prefs::default()
    };
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let mut app = PlanApp::new(
        load(files[0].to_str().unwrap()),
        Some(files[0].clone()),
        prefs,
    );
    for f in &files[1..] {
        app.add_comparison(f);
    }
    let mut h = Harness::builder()
        .with_size(size)
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
            .any(|c| describe_change(c, Lang::Nl).starts_with("SD1.OD2 2021: 1,3 -> 0,3 VTE"))
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

// The money story: period figures, where the money ends, verdicts, every change counted.

/// The sample plans as scenarios: 0 the submitted plan (base), 1 the subsidy cut, 2 the
/// international work a year later.
fn samples() -> Comparison {
    Comparison::new(
        vec![
            Scenario::new("base", load(BASE)),
            Scenario::new("cut", load(CUT)),
            Scenario::new("later", load(LATER)),
        ],
        0,
    )
}

#[test]
fn the_period_column_sums_flows_and_averages_fte() {
    let cmp = samples();
    let row = |key: &str| cmp.row(key).unwrap_or_else(|| panic!("no row {key}"));
    for s in 0..3 {
        // The period balance is the sum of the yearly balances, as the plan computes them.
        let yearly: Decimal = cmp.scenarios[s].summary.balance.iter().sum();
        assert_eq!(row("balance").period[s], yearly, "scenario {s}");
        assert_eq!(
            row("balance").period[s],
            row("balance").values[s].iter().sum::<Decimal>()
        );
        // The cumulative balance ends where the period balance does.
        let cumulative = row("balance.cumulative");
        assert_eq!(cumulative.values[s][4], yearly);
        assert_eq!(cumulative.period[s], yearly);
    }
    // By hand from the files: the submitted plan's balances 17.766 + 11.129 + 23.869 - 14.800
    // - 37.964 close at 0; the cut differs by -190, +640, +1.955, +2.620 (see the yearly test
    // above): +5.025 over the period.
    assert_eq!(row("balance").period[0], dec!(0));
    assert_eq!(row("balance").period[1], dec!(5025));
    assert_eq!(row("balance").period_deltas[1], dec!(5025));
    // 3 % less subsidy: 1.547.560 -> 1.501.135, 1.566.130 -> 1.519.145, 1.584.925 -> 1.537.375,
    // 1.603.945 -> 1.555.825 (rule of the base, amounts typed in the cut).
    let subsidy_cut = dec!(-46425) + dec!(-46985) + dec!(-47550) + dec!(-48120);
    assert_eq!(row("income.subsidy").period_deltas[1], subsidy_cut);
    assert_eq!(subsidy_cut, dec!(-189080));
    // FTE: the average of the plan years. The cut: 15,9 in 2021, then 15,4: 77,5 / 5 = 15,5.
    assert_eq!(row("fte.total").period[1], dec!(15.5));
    assert_eq!(row("fte.total").period[0], dec!(15.9));
    assert_eq!(row("fte.total").period_deltas[1], dec!(-0.4));
}

#[test]
fn each_key_figure_knows_whether_more_is_better() {
    use planbord::compare::Judgement;
    let cmp = samples();
    let judge = |key: &str, s: usize, year: Option<usize>| cmp.row(key).unwrap().judgement(s, year);
    // Saldo 2023 of the cut: +640, better; its costs 2022 lower, better; its subsidy lower, worse.
    assert_eq!(judge("balance", 1, Some(2)), Judgement::Better);
    assert_eq!(judge("cost.total", 1, Some(1)), Judgement::Better);
    assert_eq!(judge("income.subsidy", 1, None), Judgement::Worse);
    // FTE: a difference, not good or bad; no difference is the same.
    assert_eq!(judge("fte.total", 1, Some(1)), Judgement::Different);
    assert_eq!(judge("fte.total", 1, Some(0)), Judgement::Same);
    // The later start spends less in 2021 (better) and keeps more in reserve (better).
    assert_eq!(judge("cost.personnel", 2, Some(0)), Judgement::Better);
    assert_eq!(judge("reserve.total", 2, None), Judgement::Better);
}

#[test]
fn the_comparison_uses_the_key_names_of_the_summary() {
    let cmp = samples();
    // The keys of `planbord summary --format csv`, first field of every line but the header.
    let summary_keys: Vec<String> = planbord::report::csv(&cmp.scenarios[0].summary)
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap().to_string())
        .collect();
    let compared: Vec<&str> = cmp.rows.iter().map(|r| r.key.as_str()).collect();
    let expected: Vec<&str> = summary_keys
        .iter()
        .map(String::as_str)
        .filter(|k| !k.starts_with("reserve."))
        .collect();
    assert_eq!(compared, expected);
    // Reserves are in the money rows, under the summary's keys too.
    for key in summary_keys.iter().filter(|k| k.starts_with("reserve.")) {
        assert!(cmp.money_rows.iter().any(|r| r.key == *key), "{key}");
    }
}

#[test]
fn end_of_period_reserves_match_the_plans_own_reserve_rows() {
    let cmp = samples();
    for (s, scenario) in cmp.scenarios.iter().enumerate() {
        for fund in &scenario.summary.reserves {
            let row = cmp
                .money_rows
                .iter()
                .find(|r| r.key == format!("reserve.{}", fund.id.0))
                .unwrap();
            assert_eq!(row.values[s], fund.values, "{}", fund.label);
            assert_eq!(row.period[s], *fund.values.last().unwrap());
        }
    }
    // By hand: "Overgedragen resultaat" receives the balance; it opens at 101.052, so it ends at
    // 101.052 + 0 in the submitted plan, 101.052 + 5.025 in the cut and 101.052 + 195.540 when
    // the international work starts a year later.
    let carried = cmp
        .money_rows
        .iter()
        .find(|r| r.key == "reserve.18")
        .unwrap();
    assert_eq!(
        carried.period,
        [dec!(101052), dec!(106077), dec!(101052) + dec!(195540)]
    );
    assert!(cmp.verdicts.iter().all(|v| v.negative_reserves.is_empty()));
}

#[test]
fn the_verdict_of_the_subsidy_cut_names_subsidy_and_staffing_with_their_effects() {
    use planbord::compare::{Cause, Place, describe_verdict};
    let cmp = samples();
    let v = &cmp.verdicts[1];
    // By hand from the files: 3 % less subsidy from 2022 is -189.080 over 4 years (see the
    // period test); 0,5 FTE less on SD4.OD3 from 2022 at the Stafmedewerker cost per FTE
    // (92.470, 95.250, 99.010, 101.480) is 0,5 x 388.210 = 194.105 less staff cost. Together
    // +5.025, the whole difference: nothing else moves the balance.
    assert_eq!(v.period_balance, dec!(5025));
    assert_eq!(v.base_period_balance, dec!(0));
    assert_eq!(v.drivers.len(), 2, "{:#?}", v.drivers);
    let staffing = &v.drivers[0];
    assert_eq!(staffing.place, Place::Goal("SD4.OD3".into()));
    assert_eq!(
        staffing.cause,
        Cause::Staffing {
            fte_delta: Some(dec!(-0.5))
        }
    );
    assert_eq!(
        staffing.effect,
        dec!(0.5) * (dec!(92470) + dec!(95250) + dec!(99010) + dec!(101480))
    );
    assert_eq!(staffing.amount, dec!(-194105));
    assert_eq!(staffing.span.years, [2022, 2023, 2024, 2025]);
    let subsidy = &v.drivers[1];
    assert_eq!(subsidy.effect, dec!(-189080));
    assert!(matches!(
        subsidy.cause,
        Cause::Income { percent: Some(p), sole_subsidy: true } if p == dec!(-3)
    ));
    assert_eq!(v.others, dec!(0));
    assert!(!v.others_material);

    // The sentence of the issue, with the figures verified above.
    assert_eq!(
        describe_verdict(v, Lang::Nl),
        "Sluit de periode af met +5.025 (basis 0): 3 % minder subsidie vanaf 2022 \
         (-189.080 over 4 jaar) wordt opgevangen door 0,5 VTE minder op SD4.OD3 vanaf 2022 \
         (-194.105 personeelskost)."
    );
    let english = describe_verdict(v, Lang::En);
    for part in [
        "Closes the period at +5.025 (base 0)",
        "3 % less subsidy from 2022 (-189.080 over 4 years)",
        "is offset by",
        "0,5 FTE less on SD4.OD3 from 2022 (-194.105 staff cost)",
    ] {
        assert!(english.contains(part), "{part:?} in {english}");
    }
}

#[test]
fn the_verdict_of_the_later_start_names_its_three_savings() {
    use planbord::compare::describe_verdict;
    let cmp = samples();
    let v = &cmp.verdicts[2];
    // 2021 only, Stafmedewerker at 89.020 per FTE: 1,5 FTE on SD4.OD3 (133.530), 0,5 FTE on
    // Stakeholdersbetrokkenheid (44.510), and the 17.500 operating budget of SD4.OD3.
    let effects: Vec<Decimal> = v.drivers.iter().map(|d| d.effect).collect();
    assert_eq!(
        effects,
        [
            dec!(1.5) * dec!(89020),
            dec!(0.5) * dec!(89020),
            dec!(17500)
        ]
    );
    assert_eq!(v.difference(), effects.iter().sum::<Decimal>());
    let text = describe_verdict(v, Lang::Nl);
    for part in [
        "Sluit de periode af met +195.540 (basis 0) dankzij ",
        "1,5 VTE minder op SD4.OD3 in 2021 (-133.530 personeelskost)",
        "0,5 VTE minder op Stakeholdersbetrokkenheid in 2021 (-44.510 personeelskost)",
        "minder werkingsmiddelen op SD4.OD3 in 2021 (-17.500)",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    assert!(describe_verdict(&cmp.verdicts[0], Lang::Nl).contains("basis"));
}

/// A scenario with many kinds of change at once (some on the same goal): the effects of the
/// changes add up to the difference in period balance, to the cent.
#[test]
fn the_effects_of_all_changes_add_up_to_the_period_difference() {
    use planbord::compare::diff as compare_diff;
    use planbord::model::{Amounts, BudgetLine, IncomeKind, StaffGroup, StaffLine, Yearly};
    let base = load(BASE);
    let period =
        |p: &planbord::model::Plan| planbord::calc::summarize(p).balance.iter().sum::<Decimal>();
    for (name, other) in [("cut", load(CUT)), ("later", load(LATER))] {
        let d = compare_diff(&base, &other);
        assert_eq!(d.total_effect(), period(&other) - period(&base), "{name}");
    }

    let mut rng = crate::support::Rng(0x5eed_c0de);
    let mut with_others = 0;
    for round in 0..12 {
        let mut other = base.clone();
        let mut pick = |n: usize| (rng.next() % n as u64) as usize;
        let stafmedewerker = other.salary_profiles[0].id;
        let admin = other.salary_profiles[1].id;
        // A profile's cost per FTE and FTE of goals on it change together.
        if let Amounts::PerYear(values) = &mut other.salary_profiles[0].cost_per_fte {
            values.set(2023, Some(dec!(97000) + Decimal::from(pick(900))));
        }
        for _ in 0..4 {
            let sd = pick(other.strategic_goals.len());
            let ods = other.strategic_goals[sd].operational_goals.len();
            if ods == 0 {
                continue;
            }
            let od = &mut other.strategic_goals[sd].operational_goals[pick(ods)];
            let year = 2021 + pick(5) as i32;
            od.fte.set(year, Some(Decimal::new(pick(30) as i64, 1)));
            od.operating.set(year, Some(Decimal::from(pick(20) * 1000)));
            if pick(3) == 0 {
                od.salary_profile = if od.salary_profile == stafmedewerker {
                    admin
                } else {
                    stafmedewerker
                };
            }
            if pick(4) == 0 {
                od.fund_financed
                    .set(year, Some(Decimal::from(pick(5) * 1000)));
            }
        }
        // A staff line on another profile with other FTE, a new staff line, a removed goal.
        other.staff_lines[0].salary_profile = admin;
        other.staff_lines[0].fte.set(2022, Some(dec!(0.9)));
        let id = other.new_id();
        other.staff_lines.push(StaffLine {
            id,
            name: "Nieuwe medewerker".into(),
            group: StaffGroup::Support,
            salary_profile: stafmedewerker,
            fte: Yearly::from_values(2023, [dec!(0.5), dec!(0.5), dec!(1)]),
        });
        if round % 2 == 0 {
            other.strategic_goals[2].operational_goals.remove(0);
        }
        // Overhead by rule, a new income line, a removed income line.
        other.overhead[0].amounts = Amounts::Rule(planbord::model::GrowthRule {
            base_year: 2021,
            base: dec!(60000),
            growth_percent: Decimal::from(pick(4)),
            round_to: dec!(5),
        });
        let id = other.new_id();
        other.income.push(BudgetLine {
            id,
            name: "Sponsoring".into(),
            kind: IncomeKind::OwnIncome,
            printed_group: None,
            amounts: Amounts::PerYear(Yearly::from_values(2022, [dec!(1234.56), dec!(2000)])),
        });
        if round % 3 == 0 {
            other.income.remove(1);
        }
        let d = compare_diff(&base, &other);
        assert_eq!(
            d.total_effect(),
            period(&other) - period(&base),
            "round {round}: {:#?}",
            d.changes
        );
        let cmp = Comparison::new(
            vec![Scenario::new("a", base.clone()), Scenario::new("b", other)],
            0,
        );
        let v = &cmp.verdicts[1];
        let named: Decimal = v.drivers.iter().map(|d| d.effect).sum();
        assert_eq!(named + v.others, v.difference(), "round {round}");
        assert!(v.drivers.len() <= 3);
        with_others += usize::from(v.others_material);
        // Every change and every driver reads as a sentence in both languages.
        for lang in [Lang::Nl, Lang::En] {
            for c in &cmp.diffs[1].as_ref().unwrap().changes {
                let text = describe_change(c, lang);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
            for driver in &v.all_drivers {
                let text = planbord::compare::render::describe_driver(driver, lang);
                assert!(!text.contains('{') && !text.contains("  "), "{text}");
            }
            let verdict = planbord::compare::describe_verdict(v, lang);
            let others = if lang == Lang::Nl {
                "Andere wijzigingen samen: "
            } else {
                "Other changes together: "
            };
            assert_eq!(verdict.contains(others), v.others_material, "{verdict}");
        }
    }
    // So many changes leave a material rest beyond the three largest, at least sometimes.
    assert!(with_others > 0);
}

#[test]
fn templates_fill_their_numbered_places() {
    use planbord::i18n::fill;
    assert_eq!(fill("{1} en {0}", &["a", "b"]), "b en a");
    // A place without an argument, or not a place, stays as it is.
    assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
    assert_eq!(fill("{0}{0}", &["é"]), "éé");
}

#[test]
fn a_reserve_going_below_zero_is_named_with_its_year() {
    use planbord::compare::describe_verdict;
    let base = load(BASE);
    let mut other = base.clone();
    // "Overgedragen resultaat" opening at -20.000 instead of 101.052: after the balance of 2021
    // (+17.766) it stands at -2.234.
    let fund = other
        .funds
        .iter_mut()
        .find(|f| f.name == "Overgedragen resultaat")
        .unwrap();
    fund.opening_balance = dec!(-20000);
    let cmp = Comparison::new(vec![Scenario::new("a", base), Scenario::new("b", other)], 0);
    let v = &cmp.verdicts[1];
    assert_eq!(v.negative_reserves.len(), 1);
    assert_eq!(v.negative_reserves[0].year, 2021);
    assert_eq!(v.negative_reserves[0].balance, dec!(-2234));
    let nl = describe_verdict(v, Lang::Nl);
    assert!(
        nl.contains("Reserve 'Overgedragen resultaat' komt in 2021 onder nul (-2.234)"),
        "{nl}"
    );
    let en = describe_verdict(v, Lang::En);
    assert!(
        en.contains("Reserve 'Overgedragen resultaat' goes below zero in 2021 (-2.234)"),
        "{en}"
    );
    // The opening balance is a change without effect on the balance, with both values.
    let d = cmp.diffs[1].as_ref().unwrap();
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].effect, None);
    assert_eq!(
        describe_change(&d.changes[0], Lang::Nl),
        "Overgedragen resultaat: beginsaldo 101.052 -> -20.000"
    );
}

#[test]
fn plan_wide_and_goal_indicators_report_target_and_realised_values() {
    use planbord::compare::{Field, Place, Value};
    let base = load(BASE);
    let mut other = base.clone();
    // Plan-wide: the satisfaction target 70 -> 75, a realised value 2022 filled in (68);
    // on the base it is filled in for 2023 (71) and changed in the other (73).
    let mut base = base;
    base.general_indicators[1].actuals.set(2023, Some(dec!(71)));
    let satisfaction = &mut other.general_indicators[1];
    satisfaction.target.as_mut().unwrap().value = dec!(75);
    satisfaction.actuals.set(2022, Some(dec!(68)));
    satisfaction.actuals.set(2023, Some(dec!(73)));
    // A goal indicator: a target for 2024 where there was none.
    let sd1 = &mut other.strategic_goals[0];
    sd1.indicators[0].target = Some(planbord::model::Target {
        comparator: planbord::model::Comparator::AtMost,
        value: dec!(12.5),
        unit: "weken".into(),
        year: Some(2024),
    });
    let d = diff(&base, &other);
    let texts: Vec<String> = d
        .changes
        .iter()
        .map(|c| describe_change(c, Lang::Nl))
        .collect();
    assert_eq!(d.changes.len(), 4, "{texts:#?}");
    let target = d
        .changes
        .iter()
        .find(|c| {
            c.field == Field::Target && matches!(c.place, Place::Indicator { goal: None, .. })
        })
        .unwrap();
    match (&target.old, &target.new) {
        (Some(Value::Target(old)), Some(Value::Target(new))) => {
            assert_eq!((old.value, new.value), (dec!(70), dec!(75)));
        }
        other => panic!("{other:?}"),
    }
    // The indicator is named by its first 60 characters.
    let wording: String = base.general_indicators[1].text.chars().take(60).collect();
    let satisfaction_text = format!("plan: indicator '{}…'", wording.trim_end());
    for expected in [
        format!(
            "{satisfaction_text}: streefwaarde minstens 70 % tevredenheid -> minstens 75 % tevredenheid"
        ),
        format!("{satisfaction_text} 2022: realisatie – -> 68"),
        format!("{satisfaction_text} 2023: realisatie 71 -> 73"),
    ] {
        assert!(texts.contains(&expected), "{expected:?} in {texts:#?}");
    }
    let goal_target = texts
        .iter()
        .find(|t| t.starts_with("SD1: indicator"))
        .unwrap();
    assert!(
        goal_target.ends_with("streefwaarde – -> hoogstens 12,5 weken in 2024"),
        "{goal_target}"
    );
    let english: Vec<String> = d
        .changes
        .iter()
        .map(|c| describe_change(c, Lang::En))
        .collect();
    assert!(
        english
            .iter()
            .any(|t| t
                .ends_with(": target at least 70 % tevredenheid -> at least 75 % tevredenheid")),
        "{english:#?}"
    );
    assert!(
        english
            .iter()
            .any(|t| t.ends_with(" 2023: realised 71 -> 73"))
    );
    assert!(d.changes.iter().all(|c| c.effect.is_none()));
}

#[test]
fn the_command_line_tells_the_money_story_in_both_languages() {
    let (code, table, err) = planbord(&["compare", BASE, CUT, LATER, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    for part in [
        "Verdict per scenario",
        "3 % less subsidy from 2022 (-189.080 over 4 years) is offset by 0,5 FTE less on SD4.OD3 from 2022 (-194.105 staff cost)",
        "Period total",
        "Average",
        "Cumulative balance",
        "Reserve Overgedragen resultaat",
        "End of period",
        "SD4.OD3 2022: 1,5 -> 1 FTE, salary cost -46.235",
    ] {
        assert!(table.contains(part), "{part:?} in {table}");
    }
    let (code, table, _) = planbord(&["compare", BASE, CUT]);
    assert_eq!(code, 0);
    assert!(table.contains("3 % minder subsidie vanaf 2022"), "{table}");
    assert!(table.contains("Som periode"), "{table}");

    // The CSV read back on its own: the period column of a flow is the sum of its years, of a
    // level the average, of a balance its end; and the money rows are there.
    let (code, csv, _) = planbord(&["compare", BASE, CUT, LATER, "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header.last(), Some(&"period"));
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    let find = |key: &str, scenario: &str, kind: &str| -> Vec<Decimal> {
        let row = rows
            .iter()
            .find(|r| r[0] == key && r[1] == scenario && r[2] == kind)
            .unwrap_or_else(|| panic!("no {key} {scenario} {kind}"));
        row[3..].iter().map(|v| v.parse().unwrap()).collect()
    };
    let cut = "Subsidie -3 % vanaf 2022";
    let balance = find("balance", cut, "value");
    assert_eq!(balance[5], balance[..5].iter().sum::<Decimal>());
    assert_eq!(balance[5], dec!(5025));
    assert_eq!(find("balance", cut, "delta")[5], dec!(5025));
    let fte = find("fte.total", cut, "value");
    assert_eq!(fte[5], fte[..5].iter().sum::<Decimal>() / dec!(5));
    let cumulative = find("balance.cumulative", cut, "value");
    assert_eq!(cumulative[4], dec!(5025));
    assert_eq!(cumulative[5], cumulative[4]);
    let reserve = find(
        "reserve.18",
        "Internationale werking een jaar later",
        "value",
    );
    assert_eq!(reserve[5], dec!(101052) + dec!(195540));
}

#[test]
fn the_view_shows_period_column_and_verdicts_at_1366x768() {
    let mut h = compare_app_sized(&[BASE, CUT, LATER], Lang::Nl, vec2(1366.0, 768.0));
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, vec2(1366.0, 768.0));
    // The verdicts are on the first screen, wrapped inside the window.
    for verdict in [
        "Sluit de periode af met 0 (dit is de basis).",
        "Sluit de periode af met +5.025 (basis 0): 3 % minder subsidie vanaf 2022 (-189.080 over 4 jaar) wordt opgevangen door 0,5 VTE minder op SD4.OD3 vanaf 2022 (-194.105 personeelskost).",
        "Sluit de periode af met +195.540 (basis 0) dankzij",
    ] {
        let node = h.get_by_label_contains(verdict);
        let rect = node.rect();
        assert!(
            window.contains_rect(rect),
            "{verdict}: {rect:?} outside the window"
        );
    }
    // Which plan is editable, which are read-only.
    assert_eq!(
        h.get_all_by_label_contains("bewerkbaar (open in de editor)")
            .count(),
        1
    );
    assert_eq!(h.get_all_by_label("Bewerkbaar maken").count(), 2);
    // The period column of the key figures, reached by scrolling, lies inside the window.
    let header = h.get_all_by_label("Periode").next().unwrap();
    header.scroll_to_me();
    h.run();
    let header = h.get_all_by_label("Periode").next().unwrap();
    assert!(window.contains_rect(header.rect()), "{:?}", header.rect());
    // The period saldo of the cut, with its difference: 5.025, +5.025 (saldo and cumulative).
    assert!(h.get_all_by_label("+5.025").count() >= 2);
    assert!(h.get_all_by_label("Som periode").count() >= 1);
    assert!(h.get_all_by_label("Gemiddeld").count() >= 1);
    assert!(h.get_all_by_label("Einde periode").count() >= 1);
    // Where the money ends: the cumulative balance and the reserves.
    h.get_by_label("Waar het geld eindigt");
    // As a chart and as a row.
    assert_eq!(h.get_all_by_label("Cumulatief saldo").count(), 2);
    h.get_by_label("Reserve Overgedragen resultaat");
}

#[test]
fn the_view_speaks_english() {
    let h = compare_app_sized(&[BASE, CUT, LATER], Lang::En, vec2(1600.0, 4000.0));
    h.get_by_label_contains("3 % less subsidy from 2022 (-189.080 over 4 years) is offset by");
    // The period column of the key figures and of where the money ends.
    assert_eq!(h.get_all_by_label("Period").count(), 2);
    h.get_by_label("Where the money ends");
    assert_eq!(
        h.get_all_by_label_contains("SD4.OD3 2022: 1,5 -> 1 FTE, salary cost -46.235")
            .count(),
        1
    );
}

/// Copies of the sample plans in a folder of their own (the view may open and save them).
fn sample_copies(dir: &Path) -> Vec<String> {
    [BASE, CUT, LATER]
        .iter()
        .map(|f| {
            let target = dir.join(Path::new(f).file_name().unwrap());
            std::fs::copy(f, &target).unwrap();
            target.to_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_scenario_is_made_the_editable_one_with_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample_copies(dir.path());
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut h = compare_app_sized(&paths, Lang::Nl, vec2(1600.0, 4000.0));
    // Make the subsidy cut editable: the first "Bewerkbaar maken" belongs to it.
    h.get_all_by_label("Bewerkbaar maken")
        .next()
        .unwrap()
        .click();
    h.run();
    h.run();
    assert_eq!(h.state().path(), Some(Path::new(&files[1])));
    assert_eq!(h.state().plan().meta.scenario, "Subsidie -3 % vanaf 2022");
    let view = h.state_mut().comparison().unwrap();
    let names: Vec<&str> = view.scenarios.iter().map(|s| s.name.as_str()).collect();
    // The submitted plan took its place, read-only, and is still the base.
    assert_eq!(
        names,
        [
            "Subsidie -3 % vanaf 2022",
            "Ingediend beleidsplan",
            "Internationale werking een jaar later"
        ]
    );
    assert_eq!(view.scenarios[view.base].name, "Ingediend beleidsplan");
    assert_eq!(view.verdicts[0].period_balance, dec!(5025));
    assert_eq!(h.state().view.panel, Panel::Compare);
}

#[test]
fn making_a_scenario_editable_asks_about_unsaved_changes_first() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample_copies(dir.path());
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut h = compare_app_sized(&paths, Lang::Nl, vec2(1600.0, 4000.0));
    let od = h.state().plan().strategic_goals[0].operational_goals[1].id;
    h.state_mut().apply(vec![Edit::SetYear(
        planbord::edit::YearField::GoalFte(od),
        2021,
        Some(dec!(1.3)),
    )]);
    h.run();
    // The later start (the second read-only scenario).
    h.get_all_by_label("Bewerkbaar maken")
        .nth(1)
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Niet-opgeslagen wijzigingen");
    assert_eq!(
        h.state().path(),
        Some(Path::new(&files[0])),
        "nothing opened yet"
    );
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(h.state().path(), Some(Path::new(&files[0])));
    assert!(h.state().is_dirty());
    // Again, and drop the changes: the later start is open, the submitted plan (as saved)
    // joins the comparison.
    h.get_all_by_label("Bewerkbaar maken")
        .nth(1)
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Niet opslaan").click();
    h.run();
    assert_eq!(h.state().path(), Some(Path::new(&files[2])));
    let view = h.state_mut().comparison().unwrap();
    assert_eq!(view.scenarios[2].name, "Ingediend beleidsplan");
    assert_eq!(view.scenarios[2].plan, load(&files[0]));
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(before, after, "no file written");
}

#[test]
fn realised_figures_are_compared_too() {
    let base = load(BASE);
    let realised = load("plans/socius-2021-2025-realisatie-voorbeeld.ron");
    let changes = planbord::compare::diff(&base, &realised).changes;
    let texts: Vec<String> = changes
        .iter()
        .map(|c| planbord::compare::describe_change(c, planbord::i18n::Lang::Nl))
        .collect();
    let year = texts
        .iter()
        .find(|t| t.contains("2021") && t.contains("gerealiseerd resultaat"))
        .unwrap_or_else(|| panic!("{texts:#?}"));
    // The example's 2021 result: income minus costs of its result lines.
    let lines = &realised.actuals.years[0].result_lines;
    let result: Decimal = lines
        .iter()
        .map(|l| match l.side {
            planbord::model::Side::Income => l.amount,
            planbord::model::Side::Cost => -l.amount,
        })
        .sum();
    assert!(
        year.contains(&planbord::numfmt::euros(result)),
        "{year} ({result})"
    );
    let english = planbord::compare::describe_change(
        changes
            .iter()
            .find(|c| matches!(c.field, planbord::compare::Field::ActualsYear(2021)))
            .unwrap(),
        planbord::i18n::Lang::En,
    );
    assert!(english.contains("realised result"), "{english}");
}
