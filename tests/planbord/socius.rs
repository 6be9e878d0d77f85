//! The Socius plan 2021-2025 reproduced to the euro: every line and year of the published tables
//! of section 8.2 of the Beleidsplan (shared/seeds/000_326606f3a9c7201d.txt), computed from
//! `plans/socius-2021-2025.ron`.

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

/// Parses a row as printed in the plan: `1.362.093 1.412.010 ...` or `0,7 0,5 ...`.
fn printed(row: &str) -> Series {
    row.split_whitespace()
        .map(|cell| planbord::numfmt::parse(cell).unwrap_or_else(|e| panic!("{cell}: {e}")))
        .collect()
}

fn assert_row(what: &str, computed: &Series, published: &str) {
    assert_eq!(
        computed,
        &printed(published),
        "{what}: computed vs published"
    );
}

fn od<'a>(summary: &'a Summary, code: &str) -> &'a planbord::calc::GoalFigures {
    summary
        .goals
        .iter()
        .flat_map(|sd| std::iter::once(sd).chain(sd.operational.iter()))
        .find(|g| g.code == code)
        .unwrap_or_else(|| panic!("goal {code} missing"))
}

fn line<'a>(rows: &'a [planbord::calc::Row], label: &str) -> &'a Series {
    &rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("line {label} missing"))
        .values
}

fn sum(rows: &[&Series]) -> Series {
    let mut total = vec![Decimal::ZERO; rows[0].len()];
    for row in rows {
        for (t, v) in total.iter_mut().zip(row.iter()) {
            *t += *v;
        }
    }
    total
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
fn fte_per_strategic_goal_matches_8_2_1_2() {
    let (_, s) = socius();
    assert_row("SD1", &od(&s, "SD1").fte, "4,5 5 4,2 4,3 4,5");
    assert_row("SD2", &od(&s, "SD2").fte, "2,4 2,6 3,3 3,5 2,4");
    assert_row("SD3", &od(&s, "SD3").fte, "1,2 0,7 0,8 0,1 1");
    assert_row("SD4", &od(&s, "SD4").fte, "2,3 2,3 2,3 2,3 2,3");
    let generic: Vec<&Series> = [
        "Stakeholdersbetrokkenheid",
        "Beleidsplanning Socius",
        "Administratieve ondersteuning initiatieven",
    ]
    .iter()
    .map(|l| line(&s.staff_lines_fte, l))
    .collect();
    assert_row("andere personeelsinzet", &sum(&generic), "2,2 2 2 2,4 2,4");
    assert_row(
        "totaal dienstverlening",
        &s.fte_service,
        "12,6 12,6 12,6 12,6 12,6",
    );
}

#[test]
fn support_fte_matches_8_2_1_3() {
    let (_, s) = socius();
    assert_row(
        "Directie",
        line(&s.staff_lines_fte, "Directie"),
        "0,7 0,7 0,7 0,7 0,7",
    );
    assert_row(
        "Coördinatie",
        line(&s.staff_lines_fte, "Coördinatie financiën en administratie"),
        "1 1 1 1 1",
    );
    assert_row(
        "Administratie",
        line(&s.staff_lines_fte, "Administratie Socius"),
        "1,1 1,1 1,1 1,1 1,1",
    );
    assert_row(
        "Logistiek",
        line(&s.staff_lines_fte, "Logistiek"),
        "0,5 0,5 0,5 0,5 0,5",
    );
    assert_row(
        "totaal voorwaardenscheppend",
        &s.fte_support,
        "3,3 3,3 3,3 3,3 3,3",
    );
    assert_row("totaal", &s.fte_total, "15,9 15,9 15,9 15,9 15,9");
}

#[test]
fn salary_cost_per_goal_matches_8_2_1_2() {
    let (_, s) = socius();
    let published = [
        ("SD1.OD1", "124.628 147.952 66.675 69.307 71.036"),
        ("SD1.OD2", "26.706 27.741 28.575 29.703 30.444"),
        ("SD1.OD3", "44.510 46.235 47.625 49.505 76.110"),
        ("SD1.OD4", "26.706 27.741 28.575 29.703 30.444"),
        ("SD1.OD5", "53.412 55.482 57.150 59.406 60.888"),
        ("SD1.OD6", "71.216 73.976 47.625 79.208 81.184"),
        ("SD1.OD7", "8.902 36.988 76.200 59.406 30.444"),
        ("SD1.OD8", "44.510 46.235 47.625 49.505 76.110"),
        ("SD1", "400.590 462.350 400.050 425.743 456.660"),
        ("SD2.OD1", "0 18.494 66.675 49.505 0"),
        ("SD2.OD2", "213.648 221.928 247.650 297.030 243.552"),
        ("SD2", "213.648 240.422 314.325 346.535 243.552"),
        ("SD3.OD1", "89.020 46.235 47.625 0 101.480"),
        ("SD3.OD2", "17.804 18.494 28.575 9.901 0"),
        ("SD3", "106.824 64.729 76.200 9.901 101.480"),
        ("SD4.OD1", "17.804 18.494 19.050 19.802 20.296"),
        ("SD4.OD2", "26.706 27.741 28.575 29.703 30.444"),
        ("SD4.OD3", "133.530 138.705 142.875 148.515 152.220"),
        ("SD4.OD4", "26.706 27.741 28.575 29.703 30.444"),
        ("SD4", "204.746 212.681 219.075 227.723 233.404"),
    ];
    for (code, row) in published {
        assert_row(code, &od(&s, code).salary_cost, row);
    }
    let stakeholders = line(&s.staff_lines_cost, "Stakeholdersbetrokkenheid");
    let planning = line(&s.staff_lines_cost, "Beleidsplanning Socius");
    let admin = line(
        &s.staff_lines_cost,
        "Administratieve ondersteuning initiatieven",
    );
    assert_row(
        "Stakeholdersbetrokkenheid",
        stakeholders,
        "62.314 46.235 47.625 49.505 50.740",
    );
    assert_row("Beleidsplanning Socius", planning, "0 0 0 39.604 40.592");
    assert_row(
        "Administratieve ondersteuning",
        admin,
        "99.345 105.390 91.785 95.160 98.820",
    );
    assert_row(
        "Subtotaal generiek",
        &sum(&[stakeholders, planning, admin]),
        "161.659 151.625 139.410 184.269 190.152",
    );
    assert_row(
        "Totaal personeelskost dienstverlening",
        &s.personnel_service,
        "1.087.467 1.131.807 1.149.060 1.194.171 1.225.248",
    );
}

#[test]
fn support_and_total_personnel_cost_match_8_2_1_3_and_8_2_1_4() {
    let (_, s) = socius();
    assert_row(
        "voorwaardenscheppend",
        &s.personnel_support,
        "274.626 280.203 279.411 287.529 297.396",
    );
    assert_row(
        "Algemeen totaal kost personeel",
        &s.personnel_total,
        "1.362.093 1.412.010 1.428.471 1.481.700 1.522.644",
    );
}

#[test]
fn operating_cost_matches_8_2_2_1() {
    let (_, s) = socius();
    assert_row(
        "SD1",
        &od(&s, "SD1").operating,
        "77.500 77.500 77.500 77.500 77.500",
    );
    assert_row(
        "SD2",
        &od(&s, "SD2").operating,
        "70.000 70.000 70.000 70.000 70.000",
    );
    assert_row(
        "SD3",
        &od(&s, "SD3").operating,
        "2.500 2.500 2.500 2.500 2.500",
    );
    assert_row(
        "SD4",
        &od(&s, "SD4").operating,
        "20.000 20.000 20.000 20.000 20.000",
    );
    assert_row(
        "totaal werkingskost",
        &s.operating_total,
        "170.000 170.000 170.000 170.000 170.000",
    );
    assert_row(
        "financiering uit bestemd fonds",
        &s.fund_financed_total,
        "0 60.000 120.000 0 0",
    );
}

#[test]
fn overhead_matches_8_2_2_2_and_8_2_2_3() {
    let (_, s) = socius();
    let published = [
        ("Huisvesting", "79.820 81.535 83.280 85.060 86.855"),
        ("Secretariaatskosten", "34.425 34.915 35.405 35.920 36.445"),
        ("Organisatiekosten", "17.700 17.846 18.005 18.165 18.315"),
        (
            "Opleiding, informatie, documentatie, abonnementen",
            "1.500 1.500 1.500 1.500 1.500",
        ),
        (
            "Sociaal-culturele werking",
            "32.050 12.080 2.120 2.160 2.200",
        ),
        (
            "Vergoedingen aan derden",
            "16.710 17.025 17.340 17.650 17.975",
        ),
        ("Afschrijvingen", "25.000 25.000 25.000 25.000 25.000"),
        ("Bedrijfsbelastingen", "700 700 700 700 700"),
        ("Financiële kosten", "60 60 60 60 60"),
        (
            "Kosten verbonden aan personeelskosten",
            "15.200 17.360 15.520 15.680 15.845",
        ),
    ];
    assert_eq!(s.overhead.len(), published.len());
    for (label, row) in published {
        assert_row(label, line(&s.overhead, label), row);
    }
    assert_row(
        "Totaal overhead",
        &s.overhead_total,
        "223.165 208.021 198.930 201.895 204.895",
    );
    assert_row(
        "Werkingskosten en overheadkosten",
        &sum(&[&s.overhead_total, &s.operating_total]),
        "393.165 378.021 368.930 371.895 374.895",
    );
}

#[test]
fn income_matches_8_2_3() {
    let (_, s) = socius();
    assert_row(
        "Subsidies",
        line(&s.income, "Subsidies"),
        "1.529.210 1.547.560 1.566.130 1.584.925 1.603.945",
    );
    assert_row(
        "Inkomsten externe verhuur",
        line(&s.income, "Inkomsten externe verhuur"),
        "8.000 8.000 8.000 8.000 8.000",
    );
    assert_row(
        "Financiële opbrengsten",
        line(&s.income, "Financiële opbrengsten"),
        "250 250 250 250 250",
    );
    assert_row(
        "Recuperatie personeelskosten",
        line(&s.income, "Recuperatie personeelskosten"),
        "125.564 135.350 136.890 135.620 137.380",
    );
    assert_row(
        "Werking",
        line(&s.income, "Werking"),
        "110.000 110.000 110.000 110.000 110.000",
    );
    assert_row(
        "Totaal inkomsten",
        &s.income_total,
        "1.773.024 1.801.160 1.821.270 1.838.795 1.859.575",
    );
    assert_row(
        "Gevraagde subsidie",
        &s.requested_subsidy,
        "1.529.210 1.547.560 1.566.130 1.584.925 1.603.945",
    );
}

#[test]
fn multi_year_budget_matches_8_2_4() {
    let (_, s) = socius();
    assert_row(
        "Personeelskosten",
        &s.personnel_total,
        "1.362.093 1.412.010 1.428.471 1.481.700 1.522.644",
    );
    assert_row(
        "Totaal uitgaven",
        &s.expenses_total,
        "1.755.258 1.790.031 1.797.401 1.853.595 1.897.539",
    );
    assert_row(
        "Totaal inkomsten",
        &s.income_total,
        "1.773.024 1.801.160 1.821.270 1.838.795 1.859.575",
    );
    assert_row(
        "Saldo",
        &s.balance,
        "+17.766 +11.129 +23.869 -14.800 -37.964",
    );
    assert_row(
        "Overdracht",
        &s.carryover,
        "-17.766 -11.129 -23.869 14.800 37.964",
    );
    assert_row("Resultaat", &s.result, "0 0 0 0 0");
    assert_eq!(
        s.balance.iter().sum::<Decimal>(),
        Decimal::ZERO,
        "the budget closes over the period"
    );
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
