//! Plan and realisation: realised years in the plan file, their comparison with the plan, the
//! checks on them, the "Plan en realisatie" panel, `import-actuals`, `summary --actuals` and the
//! exported tables.
//!
//! The example file `plans/socius-2021-2025-realisatie-voorbeeld.ron` is the Socius plan with an
//! invented yearly report for 2021. The planned 2021 figures below are the published ones of
//! section 8.2 of the Socius plan (checked in `socius.rs`); the realised ones are the example's
//! lines, added up by hand in the comments.

use egui::Key;
use egui_kittest::kittest::{By, Queryable};
use planbord::app::PlanApp;
use planbord::calc::actuals::{FigureComparison, Verdict, YearComparison};
use planbord::calc::{Warning, WarningPlace, summarize};
use planbord::edit::{Document, Edit, NewResultLine, ResultLinesImport};
use planbord::exchange::import::SourceKind;
use planbord::exchange::import_actuals::{
    ActualsImportError, ActualsRejectReason, preview, read_actuals_source,
};
use planbord::i18n::Lang;
use planbord::i18n::describe_warning;
use planbord::model::{AccountCategory, ActualFigure, Id, Plan, PrintedTotal, Side};
use planbord::store;
use planbord::ui::{ActualsView, Panel};
use rust_decimal::{Decimal, RoundingStrategy, dec};
use std::path::{Path, PathBuf};

use crate::support::{SOCIUS, click, harness_with, load, planbord, prefs_on, socius, type_into};

pub const EXAMPLE: &str = "plans/socius-2021-2025-realisatie-voorbeeld.ron";

fn example() -> Plan {
    load(EXAMPLE)
}

fn sd(plan: &Plan, code: &str) -> Id {
    plan.strategic_goals
        .iter()
        .find(|sd| sd.code == code)
        .unwrap_or_else(|| panic!("no {code}"))
        .id
}

fn year_2021(plan: &Plan) -> YearComparison {
    summarize(plan)
        .actuals
        .year(2021)
        .expect("2021 is realised")
        .clone()
}

fn figure(comparison: &YearComparison, figure: ActualFigure) -> FigureComparison {
    comparison
        .figure(figure)
        .unwrap_or_else(|| panic!("no {figure:?}"))
        .clone()
}

/// Planned, realised and difference of a figure, to the cent.
fn assert_figure(
    comparison: &YearComparison,
    which: ActualFigure,
    planned: Decimal,
    realised: Decimal,
    difference: Decimal,
) {
    let f = figure(comparison, which);
    assert_eq!(f.planned, planned, "{which:?} planned");
    assert_eq!(f.realised, Some(realised), "{which:?} realised");
    assert_eq!(f.difference, Some(difference), "{which:?} difference");
}

fn percent(f: &FigureComparison) -> Decimal {
    f.percent
        .expect("a percentage")
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[test]
fn the_example_compares_plan_and_realisation_per_goal_and_in_total_to_the_cent() {
    let plan = example();
    let c = year_2021(&plan);
    let (sd1, sd2, sd3, sd4) = (
        sd(&plan, "SD1"),
        sd(&plan, "SD2"),
        sd(&plan, "SD3"),
        sd(&plan, "SD4"),
    );
    // Operating cost per strategic goal, planned (8.2.2.1, 2021) against the lines naming it:
    //   SD1  77.500 - Werking SD1 71.240,15 -> -6.259,85 (-8,08 %)
    //   SD2  70.000 - Werking SD2 58.930,60 -> -11.069,40 (-15,81 %)
    //   SD3   2.500 - Werking SD3  4.120,00 -> +1.620,00 (+64,80 %)
    //   SD4  20.000 - Werking SD4 19.410,35 -> -589,65 (-2,95 %)
    //   no goal   0 - Communicatie 12.850   -> +12.850 (no percentage: nothing planned)
    assert_figure(
        &c,
        ActualFigure::OperatingGoal(sd1),
        dec!(77500),
        dec!(71240.15),
        dec!(-6259.85),
    );
    assert_figure(
        &c,
        ActualFigure::OperatingGoal(sd2),
        dec!(70000),
        dec!(58930.60),
        dec!(-11069.40),
    );
    assert_figure(
        &c,
        ActualFigure::OperatingGoal(sd3),
        dec!(2500),
        dec!(4120),
        dec!(1620),
    );
    assert_figure(
        &c,
        ActualFigure::OperatingGoal(sd4),
        dec!(20000),
        dec!(19410.35),
        dec!(-589.65),
    );
    assert_figure(
        &c,
        ActualFigure::OperatingUnassigned,
        dec!(0),
        dec!(12850),
        dec!(12850),
    );
    assert_eq!(
        percent(&figure(&c, ActualFigure::OperatingGoal(sd1))),
        dec!(-8.08)
    );
    assert_eq!(
        percent(&figure(&c, ActualFigure::OperatingGoal(sd2))),
        dec!(-15.81)
    );
    assert_eq!(
        percent(&figure(&c, ActualFigure::OperatingGoal(sd3))),
        dec!(64.80)
    );
    assert_eq!(figure(&c, ActualFigure::OperatingUnassigned).percent, None);
    // Operating in all: 170.000 planned; 71.240,15 + 58.930,60 + 4.120 + 19.410,35 + 12.850
    // = 166.551,10 realised; -3.448,90.
    assert_figure(
        &c,
        ActualFigure::Operating,
        dec!(170000),
        dec!(166551.10),
        dec!(-3448.90),
    );
    // Personnel: 1.362.093 planned, 1.341.580,42 realised: -20.512,58.
    assert_figure(
        &c,
        ActualFigure::Personnel,
        dec!(1362093),
        dec!(1341580.42),
        dec!(-20512.58),
    );
    // Overhead: 223.165 planned; 80.115,20 + 49.870,45 + 24.300 + 66.812,90 = 221.098,55.
    assert_figure(
        &c,
        ActualFigure::Overhead,
        dec!(223165),
        dec!(221098.55),
        dec!(-2066.45),
    );
    // Total costs: 1.755.258 planned; 1.341.580,42 + 166.551,10 + 221.098,55 = 1.729.230,07.
    assert_figure(
        &c,
        ActualFigure::CostTotal,
        dec!(1755258),
        dec!(1729230.07),
        dec!(-26027.93),
    );
    // Subsidy as requested: 1.529.210 both.
    assert_figure(
        &c,
        ActualFigure::Subsidy,
        dec!(1529210),
        dec!(1529210),
        dec!(0),
    );
    // Other income: 1.773.024 - 1.529.210 = 243.814 planned; 68.450 + 31.220,50 + 129.870
    // + 8.410,75 = 237.951,25 realised.
    assert_figure(
        &c,
        ActualFigure::OtherIncome,
        dec!(243814),
        dec!(237951.25),
        dec!(-5862.75),
    );
    // Total income: 1.773.024 planned; 1.529.210 + 237.951,25 = 1.767.161,25.
    assert_figure(
        &c,
        ActualFigure::IncomeTotal,
        dec!(1773024),
        dec!(1767161.25),
        dec!(-5862.75),
    );
    // Balance: 17.766 planned; 1.767.161,25 - 1.729.230,07 = 37.931,18 realised.
    assert_figure(
        &c,
        ActualFigure::Balance,
        dec!(17766),
        dec!(37931.18),
        dec!(20165.18),
    );
    // FTE: 15,9 on the payroll and allocated; realised 11,3 + 1,5 + 0,8 + 1 + 1,1 + 0,5 = 16,2
    // on the payroll, 10,4 + 1,5 + 0,8 + 0,9 + 1,1 + 0,5 = 15,2 effectively available.
    assert_figure(
        &c,
        ActualFigure::FtePayroll,
        dec!(15.9),
        dec!(16.2),
        dec!(0.3),
    );
    assert_figure(
        &c,
        ActualFigure::FteAvailable,
        dec!(15.9),
        dec!(15.2),
        dec!(-0.7),
    );
    // The threshold is 5 %: SD1 (-8,08 %), SD2, SD3, the line without goal and the balance stand
    // out; personnel (-1,51 %) and SD4 (-2,95 %) do not.
    let beyond: Vec<ActualFigure> = c
        .figures
        .iter()
        .filter(|f| f.beyond_threshold)
        .map(|f| f.figure)
        .collect();
    assert_eq!(
        beyond,
        vec![
            ActualFigure::OperatingGoal(sd1),
            ActualFigure::OperatingGoal(sd2),
            ActualFigure::OperatingGoal(sd3),
            ActualFigure::OperatingUnassigned,
            ActualFigure::Balance,
        ]
    );
    // Realised income per strategic goal, which the plan does not budget: SD1 68.450, SD2
    // 31.220,50; the rest has no goal.
    let income_of = |goal: Option<Id>| {
        c.by_goal
            .iter()
            .find(|g| g.goal == goal)
            .map(|g| g.income)
            .unwrap()
    };
    assert_eq!(income_of(Some(sd1)), dec!(68450));
    assert_eq!(income_of(Some(sd2)), dec!(31220.50));
    assert_eq!(income_of(None), dec!(1667490.75));
    // The printed totals agree with the lines; the example has no warnings.
    assert!(c.totals.printed.iter().all(|p| p.matches));
    assert_eq!(c.totals.printed.len(), 3);
    assert!(summarize(&plan).warnings.is_empty());
}

#[test]
fn staff_indicators_and_activities_of_the_example() {
    let plan = example();
    let c = year_2021(&plan);
    // Stafmedewerkers are planned as the profile Stafmedewerker: the 12,6 service FTE minus the
    // 1,5 FTE of administrative support on their own profile = 11,1.
    let staff = &c.staff[0];
    assert_eq!(staff.name, "Stafmedewerkers");
    assert_eq!(staff.planned, Some(dec!(11.1)));
    assert_eq!((staff.payroll, staff.available), (dec!(11.3), dec!(10.4)));
    // Indicators: satisfaction 81 against at least 70 is met; 3 digital initiatives of the 10 for
    // the period is not yet met in 2021; a milestone achieved is met; nothing entered is not
    // measured; the NPS has no target.
    let verdict = |text: &str| {
        c.indicators
            .iter()
            .find(|i| i.text.contains(text))
            .unwrap_or_else(|| panic!("no indicator {text}"))
            .verdict
    };
    assert_eq!(verdict("tevredenheidsmetingen"), Verdict::Met);
    assert_eq!(verdict("10 digitale"), Verdict::NotYetMet);
    assert_eq!(verdict("beheersovereenkomst"), Verdict::Met);
    assert_eq!(verdict("praktijkuitwisseling"), Verdict::NotMeasured);
    assert_eq!(verdict("NPS"), Verdict::NoTarget);
    // Twelve reports: 7 done, 2 ongoing, 1 postponed, 1 replaced, 1 dropped; one addition.
    let a = c.activities;
    assert_eq!(
        (
            a.done,
            a.ongoing,
            a.postponed,
            a.replaced,
            a.dropped,
            a.added
        ),
        (7, 2, 1, 1, 1, 1)
    );
    // The planned activities running in 2021, less the twelve reported.
    let running = plan
        .operational_goals()
        .flat_map(|(_, od)| &od.activities)
        .filter(|x| x.first_year <= 2021 && 2021 <= x.last_year)
        .count();
    assert_eq!(a.unreported, running - 12);
}

/// The example with one change made to its 2021 output or totals.
fn changed(change: impl FnOnce(&mut planbord::model::YearActuals)) -> Plan {
    let mut plan = example();
    change(plan.actuals.year_mut(2021).unwrap());
    plan
}

fn only_warning(plan: &Plan) -> Warning {
    let warnings = summarize(plan).warnings;
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let warning = warnings.into_iter().next().unwrap();
    assert_eq!(warning.place(), WarningPlace::Actuals { year: 2021 });
    warning
}

#[test]
fn a_wrong_percentage_is_flagged_with_its_count() {
    // 822 of the 1.325 participants is 62,04 % and 503 is 37,96 %: printed as 65 % and 35 % (which
    // still add up to 100) both are wrong, each flagged with its count.
    let plan = changed(|y| {
        let participants = y.output.iter_mut().find(|o| o.value == dec!(1325)).unwrap();
        participants.breakdown[0].percent = Some(dec!(65));
        participants.breakdown[1].percent = Some(dec!(35));
    });
    let warnings = summarize(&plan).warnings;
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let mismatch = |w: &Warning| match w {
        Warning::ActualPercentMismatch {
            group,
            percent,
            count,
            whole,
            computed,
            ..
        } => (
            group.clone().unwrap_or_default(),
            *percent,
            *count,
            *whole,
            computed.round_dp(2),
        ),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        mismatch(&warnings[0]),
        (
            "Primaire doelgroep (erkende scvw-organisaties)".to_string(),
            dec!(65),
            dec!(822),
            dec!(1325),
            dec!(62.04)
        )
    );
    assert_eq!(
        mismatch(&warnings[1]),
        (
            "Secundaire doelgroep".to_string(),
            dec!(35),
            dec!(503),
            dec!(1325),
            dec!(37.96)
        )
    );
    assert_eq!(warnings[0].place(), WarningPlace::Actuals { year: 2021 });
    let text = describe_warning(&warnings[0], Lang::Nl);
    assert!(
        text.contains("65 % gedrukt") && text.contains("822 van 1.325 is 62 %"),
        "{text}"
    );
    let text = describe_warning(&warnings[0], Lang::En);
    assert!(
        text.contains("65 % printed") && text.contains("822 of 1.325"),
        "{text}"
    );

    // The share of the recognised organisations reached: 113 of 120 is 94,17 %, not 90 %.
    let plan = changed(|y| {
        let reached = y.output.iter_mut().find(|o| o.of_total.is_some()).unwrap();
        reached.percent = Some(dec!(90));
    });
    match only_warning(&plan) {
        Warning::ActualPercentMismatch {
            group: None,
            percent,
            count,
            whole,
            ..
        } => assert_eq!((percent, count, whole), (dec!(90), dec!(113), dec!(120))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn percentages_of_target_groups_that_do_not_add_up_are_flagged() {
    // 62 % and 40 %: 102 %. The counts are left out so only the sum can be checked.
    let plan = changed(|y| {
        let participants = y.output.iter_mut().find(|o| o.value == dec!(1325)).unwrap();
        participants.breakdown[0].count = None;
        participants.breakdown[1].count = None;
        participants.breakdown[1].percent = Some(dec!(40));
    });
    match only_warning(&plan) {
        Warning::ActualPercentagesNotHundred { sum, .. } => assert_eq!(sum, dec!(102)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parts_that_do_not_add_up_to_their_total_are_flagged() {
    // 98 requests supported: 48 primary + 32 secondary + 18 remediation = 98. Without the
    // remediation group the parts add up to 80, as in the 2019 report.
    let plan = changed(|y| {
        let supported = y.output.iter_mut().find(|o| o.value == dec!(98)).unwrap();
        supported.breakdown.pop();
    });
    let warning = only_warning(&plan);
    match &warning {
        Warning::ActualPartsMismatch { total, parts, .. } => {
            assert_eq!((*total, *parts), (dec!(98), dec!(80)))
        }
        other => panic!("{other:?}"),
    }
    let text = describe_warning(&warning, Lang::Nl);
    assert!(
        text.contains("Activiteiten (Vraaggestuurde ondersteuningen) is 98") && text.contains("80"),
        "{text}"
    );
}

#[test]
fn a_printed_total_that_differs_from_its_lines_is_flagged() {
    // The lines cost 1.729.230,07; printed as 1.729.330,07 the total is 100 too high. A total
    // printed to the euro (1.729.230) agrees with the lines.
    let plan = changed(|y| y.printed_cost = Some(dec!(1729330.07)));
    let warning = only_warning(&plan);
    match &warning {
        Warning::ActualPrintedTotalMismatch {
            total,
            printed,
            computed,
            ..
        } => {
            assert_eq!(*total, PrintedTotal::Cost);
            assert_eq!(*computed, dec!(1729230.07));
            assert_eq!(*printed - *computed, dec!(100));
        }
        other => panic!("{other:?}"),
    }
    let text = describe_warning(&warning, Lang::Nl);
    assert!(text.contains("verschil +100"), "{text}");
    let rounded = changed(|y| y.printed_cost = Some(dec!(1729230)));
    assert!(summarize(&rounded).warnings.is_empty());
    // A wrong printed result is flagged the same way.
    let plan = changed(|y| y.printed_result = Some(dec!(37000)));
    assert!(matches!(
        only_warning(&plan),
        Warning::ActualPrintedTotalMismatch {
            total: PrintedTotal::Result,
            ..
        }
    ));
}

#[test]
fn more_fte_available_than_on_the_payroll_is_flagged() {
    let plan = changed(|y| y.staff[2].available_fte = dec!(0.9));
    match only_warning(&plan) {
        Warning::ActualAvailableAbovePayroll {
            name,
            payroll,
            available,
            ..
        } => assert_eq!(
            (name.as_str(), payroll, available),
            ("Directie", dec!(0.8), dec!(0.9))
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn files_without_actuals_keep_their_bytes_and_bad_actuals_are_refused_with_their_place() {
    // Adding a realised year and removing it again gives the file it was, byte for byte.
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    assert!(!text.contains("threshold_percent"));
    let mut doc = Document::new(socius());
    doc.apply(Edit::AddActualsYear(2022)).unwrap();
    assert!(store::to_ron_string(doc.plan()).contains("year: 2022,"));
    doc.apply(Edit::RemoveActualsYear(2022)).unwrap();
    assert_eq!(store::to_ron_string(doc.plan()), text);

    let example = std::fs::read_to_string(EXAMPLE).unwrap();
    let refused = |from: &str, to: &str| -> String {
        assert!(example.contains(from), "{from}");
        let broken = example.replacen(from, to, 1);
        match store::from_ron_str(&broken, Path::new("x.ron")) {
            Err(store::LoadError::Invalid { line, problem, .. }) => {
                let at = broken.lines().nth(line - 1).unwrap_or_default().to_string();
                let message = planbord::i18n::errors::problem(&problem, Lang::En);
                format!("{message} @ {}", at.trim())
            }
            other => panic!("{from}: {other:?}"),
        }
    };
    // A year outside the plan period.
    let e = refused(
        "\n                year: 2021,",
        "\n                year: 2027,",
    );
    assert!(
        e.contains("outside the plan period") && e.contains("year: 2027"),
        "{e}"
    );
    // A category of the other side: subsidy on the cost side.
    let e = refused("category: Personnel,", "category: Subsidy,");
    assert!(
        e.contains("does not fit the cost side") && e.contains("category: Subsidy"),
        "{e}"
    );
    // A strategic goal that does not exist.
    let e = refused("goal: Some(20),", "goal: Some(9999),");
    assert!(
        e.contains("does not exist") && e.contains("goal: Some(9999)"),
        "{e}"
    );
    // A satisfaction above 100 %.
    let e = refused("value: \"81\",", "value: \"181\",");
    assert!(e.contains("outside 0 to 100") && e.contains("181"), "{e}");
}

#[test]
fn removing_what_actuals_point_at_unlinks_or_drops_them_and_undo_brings_it_back() {
    let plan = example();
    let sd2 = sd(&plan, "SD2");
    let mut doc = Document::new(plan.clone());
    doc.apply(Edit::RemoveGoal(sd2)).unwrap();
    let year = doc.plan().actuals.year(2021).unwrap();
    // The line "Werking SD2" keeps its amount, now without a goal; SD2's explanation goes.
    let line = year
        .result_lines
        .iter()
        .find(|l| l.name == "Werking SD2")
        .unwrap();
    assert_eq!((line.goal, line.amount), (None, dec!(58930.6)));
    assert!(year.explanation(ActualFigure::OperatingGoal(sd2)).is_none());
    // SD2's activities went with it, and so did their reports.
    assert!(year.activities.iter().all(|r| {
        doc.plan()
            .operational_goals()
            .any(|(_, od)| od.activities.iter().any(|a| a.id == r.activity))
    }));
    doc.undo();
    assert_eq!(doc.plan(), &plan);
}

#[test]
fn replacing_result_lines_keeps_the_ids_of_lines_by_name_and_side() {
    let plan = example();
    let old = plan.actuals.year(2021).unwrap().result_lines.clone();
    let id_of = |plan: &Plan, name: &str| {
        plan.actuals
            .year(2021)
            .unwrap()
            .result_lines
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.id)
    };
    let line = |name: &str, side, category, amount| NewResultLine {
        name: name.into(),
        side,
        category,
        goal: None,
        amount,
    };
    let mut doc = Document::new(plan.clone());
    doc.apply(Edit::ReplaceResultLines(ResultLinesImport {
        year: 2021,
        lines: vec![
            line(
                "communicatie",
                Side::Cost,
                AccountCategory::Operating,
                dec!(13000),
            ),
            line("Nieuw", Side::Income, AccountCategory::OwnIncome, dec!(5)),
        ],
        printed_cost: None,
        printed_income: Some(dec!(5)),
        printed_result: None,
    }))
    .unwrap();
    let after = doc.plan();
    assert_eq!(id_of(after, "communicatie"), id_of(&plan, "Communicatie"));
    assert!(id_of(after, "Nieuw").is_some_and(|id| old.iter().all(|l| l.id != id)));
    let year = after.actuals.year(2021).unwrap();
    assert_eq!(year.result_lines.len(), 2);
    assert_eq!(
        (year.printed_cost, year.printed_income),
        (None, Some(dec!(5)))
    );
    // Staff, output and explanations of the year stay.
    assert_eq!(year.staff, plan.actuals.year(2021).unwrap().staff);
    assert_eq!(year.output, plan.actuals.year(2021).unwrap().output);
    assert_eq!(
        doc.undo_label(planbord::i18n::Lang::Nl),
        Some("realisatie importeren 2021")
    );
}

#[test]
fn the_period_to_date_adds_the_realised_years_and_averages_fte() {
    let mut doc = Document::new(example());
    // 2022: two lines and one function.
    let line = |name: &str, side, category, amount| NewResultLine {
        name: name.into(),
        side,
        category,
        goal: None,
        amount,
    };
    doc.apply(Edit::ReplaceResultLines(ResultLinesImport {
        year: 2022,
        lines: vec![
            line(
                "Lonen",
                Side::Cost,
                AccountCategory::Personnel,
                dec!(1400000.5),
            ),
            line(
                "Subsidie",
                Side::Income,
                AccountCategory::Subsidy,
                dec!(1547560),
            ),
        ],
        printed_cost: None,
        printed_income: None,
        printed_result: None,
    }))
    .unwrap();
    doc.apply(Edit::AddStaffActual { year: 2022 }).unwrap();
    let staff = doc.plan().actuals.year(2022).unwrap().staff[0].id;
    doc.apply(Edit::SetActual(
        planbord::edit::ActualValue::PayrollFte(staff),
        Some(dec!(15.6)),
    ))
    .unwrap();
    let summary = summarize(doc.plan());
    let to_date = summary.actuals.to_date.as_ref().unwrap();
    assert_eq!(to_date.years, [2021, 2022]);
    let f = |which| to_date.figure(which).unwrap().clone();
    // Costs: planned 1.755.258 + 1.790.031 = 3.545.289; realised 1.729.230,07 + 1.400.000,50
    // = 3.129.230,57.
    let cost = f(ActualFigure::CostTotal);
    assert_eq!(cost.planned, dec!(3545289));
    assert_eq!(cost.realised, Some(dec!(3129230.57)));
    assert_eq!(cost.difference, Some(dec!(-416058.43)));
    // Subsidy: 1.529.210 + 1.547.560 planned and realised alike.
    assert_eq!(f(ActualFigure::Subsidy).difference, Some(dec!(0)));
    // FTE on the payroll, averaged: planned (15,9 + 15,9) / 2, realised (16,2 + 15,6) / 2 = 15,9.
    let fte = f(ActualFigure::FtePayroll);
    assert_eq!((fte.planned, fte.realised), (dec!(15.9), Some(dec!(15.9))));
    // The charts get the realised points of both years and none for the others.
    let chart = &summary.actuals.chart;
    assert_eq!(
        chart.realised_cost,
        [
            Some(dec!(1729230.07)),
            Some(dec!(1400000.5)),
            None,
            None,
            None
        ]
    );
    assert_eq!(chart.planned_cost, summary.expenses_total);
}

#[test]
fn impossible_numbers_are_refused_with_a_reason() {
    let plan = example();
    let year = plan.actuals.year(2021).unwrap();
    let satisfaction = year.output.iter().find(|o| o.value == dec!(81)).unwrap().id;
    let participants = year.output.iter().find(|o| o.value == dec!(1325)).unwrap();
    let mut doc = Document::new(plan.clone());
    use planbord::edit::ActualValue;
    for (value, new) in [
        (ActualValue::OutputValue(satisfaction), dec!(120)),
        (
            ActualValue::PartPercent(participants.breakdown[0].id),
            dec!(-1),
        ),
        (
            ActualValue::PartCount(participants.breakdown[0].id),
            dec!(-5),
        ),
        (ActualValue::PayrollFte(year.staff[0].id), dec!(-1)),
    ] {
        let e = doc.apply(Edit::SetActual(value, Some(new))).unwrap_err();
        assert!(e.message(Lang::Nl).contains("kan niet"), "{value:?}: {e}");
    }
    assert_eq!(doc.plan(), &plan);
}

/// Any bytes given as a source give a result or an error, never a panic: the report cut at
/// every length, and with bytes changed here and there.
#[test]
fn damaged_sources_never_panic() {
    let plan = socius();
    for (bytes, kind) in [
        (report_csv(), SourceKind::Csv),
        (report_xlsx(), SourceKind::Xlsx),
    ] {
        let step = if crate::support::full_sweeps() { 1 } else { 97 };
        for cut in (0..bytes.len()).step_by(step) {
            let _ = read_actuals_source(&bytes[..cut], kind, &plan, 2021);
        }
        let mut rng = crate::support::Rng(0x5eed_acde);
        for _ in 0..64 {
            let mut damaged = bytes.clone();
            for _ in 0..4 {
                let at = (rng.next() % damaged.len() as u64) as usize;
                damaged[at] = rng.next() as u8;
            }
            if let Ok(imported) = read_actuals_source(&damaged, kind, &plan, 2021) {
                let _ = preview(&plan, &imported).describe(Lang::En);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The panel

fn actuals_harness(plan: Plan) -> egui_kittest::Harness<'static, PlanApp> {
    let mut h = harness_with(PlanApp::new(
        plan,
        Some(PathBuf::from(EXAMPLE)),
        prefs_on(Panel::Actuals),
    ));
    h.run();
    h
}

/// There is one widget whose accessible name (what a screen reader says) is `name`. Text labels
/// get one when their text alone does not say what it is ("-6.260" is the difference of
/// "Werking SD1").
fn assert_named(h: &egui_kittest::Harness<'static, PlanApp>, name: &str) {
    let by = By::new().predicate(move |node| node.label().as_deref() == Some(name));
    let found = h.query_all(by).count();
    assert_eq!(found, 1, "widgets named '{name}'");
}

#[test]
fn entering_a_realised_amount_updates_the_difference_and_an_indicator_value_its_verdict() {
    let mut h = actuals_harness(example());
    let sd1 = sd(h.state().plan(), "SD1");
    // 77.500 planned, 71.240,15 realised: -6.260 shown, beyond the 5 % threshold.
    assert_named(&h, "Verschil Werking SD1: -6.260");
    type_into(&mut h, "Bedrag Werking SD1", "80.000", Key::Enter);
    let f = figure(
        &h.state().summary().actuals.year(2021).unwrap().clone(),
        ActualFigure::OperatingGoal(sd1),
    );
    // 80.000 - 77.500 = +2.500, 3,2 %: within the threshold now.
    assert_eq!(f.difference, Some(dec!(2500)));
    assert!(!f.beyond_threshold);
    assert_named(&h, "Verschil Werking SD1: +2.500");
    assert_named(&h, "Gerealiseerd Werking SD1: 80.000");
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::Nl),
        Some("gerealiseerd bedrag")
    );

    // "Minstens 5 inspirerende buitenlandse praktijken" (SD1, fifth indicator): not measured,
    // then 6 practices shared: met.
    assert_named(&h, "Oordeel SD1 5: nog niet gemeten");
    type_into(&mut h, "Gerealiseerd SD1 5", "6", Key::Enter);
    assert_named(&h, "Oordeel SD1 5: gehaald");
    // 4 of the 5: not yet met (the target holds for the period, which runs to 2025).
    type_into(&mut h, "Gerealiseerd SD1 5", "4", Key::Enter);
    assert_named(&h, "Oordeel SD1 5: nog niet gehaald");
    // Emptied: not measured again, and the value is gone from the file.
    h.get_by_label("Gerealiseerd SD1 5").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_named(&h, "Oordeel SD1 5: nog niet gemeten");
    let indicator = &h.state().plan().strategic_goals[0].indicators[4];
    assert!(indicator.actuals.0.is_empty(), "{:?}", indicator.actuals);
}

#[test]
fn a_new_year_is_added_in_the_panel_and_a_warning_jumps_to_its_year() {
    let mut plan = example();
    plan.actuals.year_mut(2021).unwrap().printed_cost = Some(dec!(1));
    let mut h = actuals_harness(plan);
    h.get_by_label("Jaar 2022").click();
    h.run();
    h.get_by_label("Realisatie van dit jaar toevoegen").click();
    h.run();
    assert!(h.state().plan().actuals.year(2022).is_some());
    h.get_by_label("+ resultaatlijn (kosten)").click();
    h.run();
    type_into(&mut h, "Bedrag Nieuwe lijn", "1.234,5", Key::Enter);
    let line = &h.state().plan().actuals.year(2022).unwrap().result_lines[0];
    assert_eq!(line.amount, dec!(1234.5));
    // The realised cost of 2022 is that one line.
    let cost = figure(
        &h.state().summary().actuals.year(2022).unwrap().clone(),
        ActualFigure::CostTotal,
    );
    assert_eq!(cost.realised, Some(dec!(1234.5)));

    // Removing the year asks first.
    click(&mut h, "Realisatie van dit jaar verwijderen (2022)");
    assert!(h.state().plan().actuals.year(2022).is_some());
    click(&mut h, "Toch verwijderen");
    assert!(h.state().plan().actuals.year(2022).is_none());

    // The printed total of 2021 is wrong: the warning leads to 2021 in this panel.
    h.get_by_label_contains("Waarschuwingen (1)").click();
    h.run();
    h.get_by_label_contains("realisatie 2021: gedrukt totaal kosten 1")
        .click();
    h.run();
    assert_eq!(h.state().view.panel, Panel::Actuals);
    assert_eq!(h.state().view.actuals, ActualsView::Year(2021));
    h.get_by_label("Gedrukt totaal kosten");
}

// ---------------------------------------------------------------------------------------------
// In and out

/// Result lines of 2021 as a yearly report brings them: a title, a header, side headings, an
/// operational goal code (counts for its strategic goal), a subtotal, a line without category or
/// account, a bad amount, an unknown goal, and printed totals of which the result is wrong.
const REPORT: &[&str] = &[
    "Resultatenrekening 2021;;;",
    "",
    "Omschrijving;Categorie;Doel;Bedrag",
    "KOSTEN;;;",
    "Lonen en sociale lasten;personeel;;1.341.580,42",
    "Werking SD1;werking;SD1;71.240,15",
    "Werking SD2;werking;SD2.OD1;58.930,60",
    "Communicatie;werking;;12.850",
    "Huisvesting;overhead;;80.115,20",
    "Totaal werking;;;143.020,75",
    "Drukwerk;;;1.000",
    "Catering;werking;;12,3,4",
    "TOTAAL KOSTEN;;;1.564.716,37",
    "OPBRENGSTEN;;;",
    "Werkingssubsidie;subsidie;;1.529.210",
    "Recuperatie personeelskosten;andere;;129.870",
    "Inkomsten SD9;eigen inkomsten;SD9;100",
    "Totaal opbrengsten;;;1.659.080",
    "Resultaat;;;94.000",
];

fn row_of(marker: &str) -> usize {
    REPORT.iter().position(|l| l.contains(marker)).unwrap() + 1
}

fn report_csv() -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(REPORT.join("\r\n").into_bytes());
    bytes
}

/// The same report as a workbook: amounts as numbers, the income total as a formula (computed by
/// the spreadsheet, so not a printed total).
fn report_xlsx() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Realisatie 2021").unwrap();
    for (r, line) in REPORT.iter().enumerate() {
        for (c, field) in line.split(';').enumerate() {
            if field.is_empty() {
                continue;
            }
            let (row, col) = (r as u32, c as u16);
            if c == 3 && line.starts_with("Totaal opbrengsten") {
                let formula = rust_xlsxwriter::Formula::new("=D15+D16").set_result("1659080");
                sheet.write_formula(row, col, formula).unwrap();
                continue;
            }
            match planbord::numfmt::parse(field) {
                Ok(number) if c == 3 => {
                    sheet
                        .write_number(row, col, number.to_string().parse::<f64>().unwrap())
                        .unwrap();
                }
                _ => {
                    sheet.write_string(row, col, field).unwrap();
                }
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn the_importer_reads_a_yearly_report_and_reports_each_problem_with_its_place() {
    let plan = socius();
    for (bytes, kind) in [
        (report_csv(), SourceKind::Csv),
        (report_xlsx(), SourceKind::Xlsx),
    ] {
        let imported = read_actuals_source(&bytes, kind, &plan, 2021).unwrap();
        assert_eq!(imported.header_row, row_of("Omschrijving;"), "{kind:?}");
        let names: Vec<&str> = imported.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Lonen en sociale lasten",
                "Werking SD1",
                "Werking SD2",
                "Communicatie",
                "Huisvesting",
                "Werkingssubsidie",
                "Recuperatie personeelskosten",
            ],
            "{kind:?}"
        );
        // Sides from the headings, SD2.OD1 counts for SD2.
        let line = |name: &str| imported.lines.iter().find(|l| l.name == name).unwrap();
        assert_eq!(line("Werkingssubsidie").side, Side::Income);
        assert_eq!(line("Huisvesting").side, Side::Cost);
        assert_eq!(line("Werking SD2").goal, Some(sd(&plan, "SD2")));
        assert_eq!(line("Werking SD1").amount, dec!(71240.15));
        let rejected: Vec<(usize, &ActualsRejectReason)> = imported
            .rejections
            .iter()
            .map(|r| (r.row, &r.reason))
            .collect();
        assert_eq!(rejected.len(), 3, "{kind:?}: {rejected:?}");
        assert_eq!(
            rejected[0],
            (row_of("Drukwerk"), &ActualsRejectReason::NoCategory)
        );
        assert_eq!(rejected[1].0, row_of("Catering"));
        assert!(matches!(rejected[1].1, ActualsRejectReason::Cell(_)));
        assert_eq!(
            rejected[2],
            (
                row_of("SD9"),
                &ActualsRejectReason::UnknownGoal { text: "SD9".into() }
            )
        );
        assert_eq!(
            imported.skipped,
            vec![(row_of("Totaal werking"), "Totaal werking".into())]
        );
        // The printed totals: costs and the result everywhere; income only in the CSV (in the
        // workbook it is a formula).
        let p = preview(&plan, &imported);
        let printed: Vec<PrintedTotal> = imported.totals.iter().map(|t| t.total).collect();
        match kind {
            SourceKind::Csv => assert_eq!(
                printed,
                [
                    PrintedTotal::Cost,
                    PrintedTotal::Income,
                    PrintedTotal::Result
                ]
            ),
            SourceKind::Xlsx => assert_eq!(printed, [PrintedTotal::Cost, PrintedTotal::Result]),
        }
        // Costs 1.341.580,42 + 71.240,15 + 58.930,60 + 12.850 + 80.115,20 = 1.564.716,37 as
        // printed; income 1.529.210 + 129.870 = 1.659.080; result 94.363,63, printed 94.000.
        assert_eq!(p.mismatches.len(), 1);
        assert_eq!(p.mismatches[0].total, PrintedTotal::Result);
        assert_eq!(p.mismatches[0].computed, dec!(94363.63));
        assert_eq!(p.new_lines, 7);
        let text = p.describe(Lang::Nl);
        assert!(
            text.contains(&format!("rij {}, kolom D (Bedrag)", row_of("Catering"))),
            "{text}"
        );
        assert!(text.contains("'SD9' is geen doel van het plan"), "{text}");
    }
    // A year outside the plan, and a header with year columns but not the year asked for.
    assert!(matches!(
        read_actuals_source(&report_csv(), SourceKind::Csv, &plan, 2030),
        Err(ActualsImportError::YearOutsidePeriod { year: 2030, .. })
    ));
    let by_year = "Omschrijving;Categorie;2020;2022\nHuur;werking;1;2".as_bytes();
    let e = read_actuals_source(by_year, SourceKind::Csv, &plan, 2021).unwrap_err();
    assert_eq!(
        e,
        ActualsImportError::NoYearColumn {
            row: 1,
            year: 2021,
            found: vec![2020, 2022]
        }
    );
    assert!(e.describe(Lang::En).contains("none for 2021"));
    let none = read_actuals_source(b"a;b\n1;2", SourceKind::Csv, &plan, 2021).unwrap_err();
    assert!(none.describe(Lang::Nl).contains("geen kopregel"));
}

fn temp_plan(dir: &Path, from: &str) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::copy(from, &path).unwrap();
    path
}

#[test]
fn import_actuals_on_the_command_line_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("report.csv", report_csv()), ("report.xlsx", report_xlsx())] {
        let plan_path = temp_plan(dir.path(), SOCIUS);
        let source = dir.path().join(name);
        std::fs::write(&source, bytes).unwrap();
        let (plan_s, source_s) = (plan_path.to_str().unwrap(), source.to_str().unwrap());

        // A dry run shows the preview and leaves the file as it was.
        let before = std::fs::read(&plan_path).unwrap();
        let (code, out, err) = planbord(&[
            "import-actuals",
            plan_s,
            source_s,
            "--year",
            "2021",
            "--dry-run",
        ]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            out.contains("7 resultaatlijnen ingelezen: 7 nieuw"),
            "{out}"
        );
        assert!(out.contains("--dry-run"), "{out}");
        assert_eq!(std::fs::read(&plan_path).unwrap(), before);

        let (code, out, err) = planbord(&[
            "import-actuals",
            plan_s,
            source_s,
            "--year",
            "2021",
            "--lang",
            "en",
        ]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("7 result lines read"), "{out}");
        assert!(out.contains("Printed totals that differ"), "{out}");
        assert!(out.contains("saved"), "{out}");
        let plan = store::load(&plan_path).unwrap();
        let year = plan.actuals.year(2021).expect("2021 imported");
        assert_eq!(year.result_lines.len(), 7);
        assert_eq!(year.printed_cost, Some(dec!(1564716.37)));
        assert_eq!(year.printed_result, Some(dec!(94000)));
        // The saved plan now warns about the printed result (94.000 against 94.363,63).
        let (_, out, _) = planbord(&["check", plan_s]);
        assert!(out.contains("gedrukt resultaat 94.000"), "{out}");
        // Importing the same again changes nothing.
        let (code, out, _) = planbord(&["import-actuals", plan_s, source_s, "--year", "2021"]);
        assert_eq!(code, 0);
        assert!(out.contains("het plan verandert niet"), "{out}");
    }
    // Nothing to import, a year outside the plan, a missing source: exit 1 with the reason.
    let plan_path = temp_plan(dir.path(), SOCIUS);
    let plan_s = plan_path.to_str().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "Omschrijving;Bedrag\nTotaal;5\n").unwrap();
    let (code, _, err) = planbord(&[
        "import-actuals",
        plan_s,
        empty.to_str().unwrap(),
        "--year",
        "2021",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("niets om te importeren"), "{err}");
    let (code, _, err) = planbord(&[
        "import-actuals",
        plan_s,
        empty.to_str().unwrap(),
        "--year",
        "2019",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2019 is not a year of the plan (2021-2025)"),
        "{err}"
    );
    let (code, _, err) = planbord(&["import-actuals", plan_s, "missing.csv", "--year", "2021"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("missing.csv") && err.contains("controleer het pad"),
        "{err}"
    );
}

/// `key -> values` of a CSV made by `planbord summary --format csv`, read field by field.
fn summary_rows(csv: &str) -> Vec<(String, Vec<String>)> {
    csv.lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.split(',').map(str::to_string);
            let key = fields.next().unwrap();
            (key, fields.collect())
        })
        .collect()
}

#[test]
fn summary_with_actuals_adds_the_realised_rows_and_their_differences() {
    let (code, out, err) = planbord(&["summary", EXAMPLE, "--actuals", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let rows = summary_rows(&out);
    let get = |key: &str| -> Vec<String> {
        rows.iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("no row {key}"))
            .1
            .clone()
    };
    let actual_keys: Vec<&str> = rows
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| k.starts_with("actual.") || k.starts_with("diff."))
        .collect();
    assert_eq!(
        actual_keys,
        [
            "actual.fte.payroll",
            "actual.cost.personnel",
            "actual.cost.operating.SD1",
            "actual.cost.operating.SD2",
            "actual.cost.operating.SD3",
            "actual.cost.operating.SD4",
            "actual.cost.total",
            "actual.income.total",
            "actual.balance",
            "diff.fte.payroll",
            "diff.cost.personnel",
            "diff.cost.operating.SD1",
            "diff.cost.operating.SD2",
            "diff.cost.operating.SD3",
            "diff.cost.operating.SD4",
            "diff.cost.total",
            "diff.income.total",
            "diff.balance",
        ]
    );
    // 2021 is realised; 2022-2025 are empty.
    assert_eq!(get("actual.cost.total"), ["1729230.07", "", "", "", ""]);
    assert_eq!(get("actual.fte.payroll")[0], "16.2");
    assert_eq!(get("actual.cost.operating.SD2")[0], "58930.6");
    assert_eq!(get("actual.balance")[0], "37931.18");
    // Each difference is the realised value minus the plan's row of the same output.
    for (actual, planned, diff) in [
        ("actual.cost.total", "cost.total", "diff.cost.total"),
        ("actual.income.total", "income.total", "diff.income.total"),
        ("actual.balance", "balance", "diff.balance"),
        (
            "actual.cost.personnel",
            "cost.personnel",
            "diff.cost.personnel",
        ),
        (
            "actual.cost.operating.SD1",
            "cost.operating.SD1",
            "diff.cost.operating.SD1",
        ),
        ("actual.fte.payroll", "fte.available", "diff.fte.payroll"),
    ] {
        let number = |key: &str| get(key)[0].parse::<Decimal>().unwrap();
        assert_eq!(number(actual) - number(planned), number(diff), "{diff}");
        assert!(get(diff)[1..].iter().all(String::is_empty), "{diff}");
    }
    assert_eq!(get("diff.cost.operating.SD1")[0], "-6259.85");
    // Without --actuals the summary is as before; the table form shows the rows too.
    let (_, plain, _) = planbord(&["summary", EXAMPLE, "--format", "csv"]);
    assert!(!plain.contains("actual."));
    let (_, table, _) = planbord(&["summary", EXAMPLE, "--actuals"]);
    assert!(table.contains("Verschil met plan: Werking SD1") && table.contains("-6.260"));
}

/// Fields of a CSV line in plain notation (`,`, quotes doubled).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn the_export_has_the_plan_and_actuals_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = (dir.path().join("out.xlsx"), dir.path().join("csv"));
    let (code, out, err) = planbord(&[
        "export",
        EXAMPLE,
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--plain",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    for key in [
        "actuals",
        "actual_lines",
        "actual_staff",
        "actual_output",
        "actual_indicators",
        "actual_activities",
    ] {
        assert!(csv.join(format!("{key}.csv")).is_file(), "{key}");
    }
    // The comparison, read back from the CSV: Werking SD1 planned 77.500, realised 71.240,15.
    let text = std::fs::read_to_string(csv.join("actuals.csv")).unwrap();
    let rows: Vec<Vec<String>> = text.lines().map(csv_fields).collect();
    assert_eq!(
        rows[0],
        [
            "Jaar",
            "Cijfer",
            "Gepland",
            "Gerealiseerd",
            "Verschil",
            "Verschil %",
            "Toelichting"
        ]
    );
    let sd1 = rows.iter().find(|r| r[1].trim() == "Werking SD1").unwrap();
    assert_eq!(
        &sd1[..6],
        [
            "2021",
            "  Werking SD1",
            "77500",
            "71240.15",
            "-6259.85",
            "-8.08"
        ]
    );
    assert!(sd1[6].starts_with("Minder fysieke vormingen"));
    // And from the workbook, with calamine: the realised result lines, costs then income.
    use calamine::{Data, Reader};
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(&xlsx).expect("calamine opens the workbook");
    let range = workbook.worksheet_range("Realisatie resultaat").unwrap();
    let find = |name: &str| {
        range
            .rows()
            .find(|r| r.get(1) == Some(&Data::String(name.into())))
            .unwrap_or_else(|| panic!("no row {name}"))
            .to_vec()
    };
    assert_eq!(find("Communicatie")[5], Data::Float(12850.0));
    assert_eq!(find("Werking SD2")[4], Data::String("SD2".into()));
    assert_eq!(find("Totaal kosten")[5], Data::Float(1729230.07));
    assert!(
        workbook
            .sheet_names()
            .contains(&"Plan en realisatie".to_string())
    );
    // A plan without actuals exports none of them.
    let plain_csv = dir.path().join("plain");
    let (code, _, _) = planbord(&["export", SOCIUS, "--csv", plain_csv.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(!plain_csv.join("actuals.csv").exists());
}
