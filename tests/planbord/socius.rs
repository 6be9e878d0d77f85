//! The Socius plan 2021-2025 reproduced to the euro: every line and year of the published tables
//! of section 8.2 of the Beleidsplan (shared/seeds/000_326606f3a9c7201d.txt), computed from
//! `plans/socius-2021-2025.ron`.

use crate::support::published::{PUBLISHED_8_2, PublishedTable, printed, published_cell_count};
use planbord::calc::{Series, Summary, summarize};
use planbord::model::Plan;
use rust_decimal::Decimal;
use std::path::Path;

fn socius() -> (Plan, Summary) {
    let plan =
        planbord::store::load(Path::new("plans/socius-2021-2025.ron")).expect("the sample loads");
    let summary = summarize(&plan);
    (plan, summary)
}

/// Checks every printed row of the published tables of `section` (blank cells count as zero).
fn assert_section(section: &str) {
    let (_, summary) = socius();
    let tables: Vec<&PublishedTable> = PUBLISHED_8_2
        .iter()
        .filter(|t| t.section == section)
        .collect();
    assert!(!tables.is_empty(), "no published table {section}");
    for table in tables {
        for row in table.rows {
            let published: Series = printed(row.values)
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect();
            assert_eq!(
                row.figure.series(&summary),
                published,
                "{section} {}: {}: computed vs published",
                table.title,
                row.label
            );
        }
    }
}

fn line<'a>(rows: &'a [planbord::calc::Row], label: &str) -> &'a Series {
    &rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("line {label} missing"))
        .values
}

fn assert_row(what: &str, computed: &Series, published: &str) {
    let published: Series = printed(published).into_iter().flatten().collect();
    assert_eq!(computed, &published, "{what}: computed vs published");
}

#[test]
fn plan_has_the_published_structure() {
    let (plan, summary) = socius();
    assert_eq!(summary.years, vec![2021, 2022, 2023, 2024, 2025]);
    assert_eq!(plan.priorities.len(), 10);
    let codes: Vec<&str> = plan
        .strategic_goals
        .iter()
        .map(|sd| sd.code.as_str())
        .collect();
    assert_eq!(codes, ["SD1", "SD2", "SD3", "SD4"]);
    let od_counts: Vec<usize> = plan
        .strategic_goals
        .iter()
        .map(|sd| sd.operational_goals.len())
        .collect();
    assert_eq!(od_counts, [8, 2, 2, 4]);
    for (sd, od) in plan.operational_goals() {
        assert!(
            od.code.starts_with(&format!("{}.OD", sd.code)),
            "{}",
            od.code
        );
        assert!(
            !od.situering.is_empty() && !od.werking.is_empty(),
            "{} has its texts",
            od.code
        );
        assert!(
            !od.activities.is_empty(),
            "{} has its timing table",
            od.code
        );
    }
    for sd in &plan.strategic_goals {
        assert!(!sd.indicators.is_empty(), "{} has indicators", sd.code);
    }
    assert!(!plan.general_indicators.is_empty());
    assert!(
        plan.mission
            .starts_with("We ijveren voor een democratische")
    );
    assert_eq!(plan.core_tasks.len(), 4);
    assert_eq!(plan.salary_profiles.len(), 3);
}

#[test]
fn staffing_and_salary_cost_per_goal_match_8_2_1_2() {
    assert_section("8.2.1.2");
}

#[test]
fn support_staffing_and_cost_match_8_2_1_3() {
    assert_section("8.2.1.3");
}

#[test]
fn personnel_cost_overview_matches_8_2_1_4() {
    assert_section("8.2.1.4");
    // 8.2.1.1: "Samen goed voor een personeelsbestand van 15,9 VTE."
    let (_, s) = socius();
    assert_row("totaal VTE", &s.fte_total, "15,9 15,9 15,9 15,9 15,9");
}

#[test]
fn operating_cost_matches_8_2_2_1() {
    assert_section("8.2.2.1");
}

#[test]
fn overhead_matches_8_2_2_2_and_8_2_2_3() {
    assert_section("8.2.2.2");
    assert_section("8.2.2.3");
    let (_, s) = socius();
    let overhead = PUBLISHED_8_2
        .iter()
        .find(|t| t.section == "8.2.2.2")
        .unwrap();
    assert_eq!(
        s.overhead.len() + 1,
        overhead.rows.len(),
        "every overhead line is printed"
    );
}

#[test]
fn income_matches_8_2_3() {
    assert_section("8.2.3");
    // 8.3: "we vragen een subsidiebedrag van 1.529.210 euro voor het jaar 2021".
    let (_, s) = socius();
    assert_row(
        "Gevraagde subsidie",
        &s.requested_subsidy,
        "1.529.210 1.547.560 1.566.130 1.584.925 1.603.945",
    );
}

#[test]
fn multi_year_budget_matches_8_2_4() {
    assert_section("8.2.4");
    let (_, s) = socius();
    assert_eq!(
        s.balance.iter().sum::<Decimal>(),
        Decimal::ZERO,
        "the budget closes over the period"
    );
}

#[test]
fn every_published_table_is_checked() {
    let sections: std::collections::BTreeSet<&str> =
        PUBLISHED_8_2.iter().map(|t| t.section).collect();
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        [
            "8.2.1.2", "8.2.1.3", "8.2.1.4", "8.2.2.1", "8.2.2.2", "8.2.2.3", "8.2.3", "8.2.4"
        ]
    );
    for table in PUBLISHED_8_2 {
        for row in table.rows {
            assert_eq!(
                printed(row.values).len(),
                5,
                "{}: {}",
                table.title,
                row.label
            );
        }
    }
    assert_eq!(published_cell_count(), 417);
}

#[test]
fn reserves_follow_the_fund_financing_and_the_carry_over() {
    let (_, s) = socius();
    assert_row(
        "Bestemd fonds onderzoek",
        line(&s.reserves, "Bestemd fonds onderzoek"),
        "214.895 154.895 34.895 34.895 34.895",
    );
    // Opening 101.052 plus the running saldo.
    assert_row(
        "Overgedragen resultaat",
        line(&s.reserves, "Overgedragen resultaat"),
        "118.818 129.947 153.816 139.016 101.052",
    );
}

#[test]
fn the_published_plan_raises_no_warnings() {
    let (_, s) = socius();
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn one_more_fte_on_a_goal_raises_cost_and_warns_about_payroll() {
    let (mut plan, before) = socius();
    let od = plan.strategic_goals[0].operational_goals[1].clone();
    assert_eq!(od.code, "SD1.OD2");
    let mut edited = od.clone();
    edited.fte.set(2021, Some(rust_decimal::dec!(1.0)));
    plan.strategic_goals[0].operational_goals[1] = edited;
    let after = summarize(&plan);
    // 0,3 -> 1,0 VTE at 89.020 per VTE.
    assert_eq!(
        after.personnel_total[0] - before.personnel_total[0],
        rust_decimal::dec!(62314)
    );
    assert_eq!(
        after.balance[0],
        before.balance[0] - rust_decimal::dec!(62314)
    );
    assert!(
        after
            .warnings
            .iter()
            .any(|w| matches!(w, planbord::calc::Warning::FteMismatch { year: 2021, .. }))
    );
}
