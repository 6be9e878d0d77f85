//! A new plan period from a plan (Bestand -> Nieuwe planperiode…, `planbord new-period`): the
//! Socius plan 2021-2025 becomes a valid plan 2026-2030 whose first-year salary cost is the
//! 2025 FTE at the indexed 2025 rates; values continued or shifted, activities clipped, what
//! is left behind; the command line and the window.

use egui::Key;
use egui_kittest::kittest::Queryable;
use planbord::app::{Dialog, PathPurpose, PlanApp};
use planbord::calc::summarize;
use planbord::compare::MatchedBy;
use planbord::i18n::Lang;
use planbord::model::{
    Amounts, BudgetLine, Comparator, GrowthRule, Id, IncomeKind, MergeSide, Plan, Target, validate,
};
use planbord::period::{AmountsMode, PeriodError, PeriodNote, PeriodOptions, new_period};
use planbord::ui::Panel;
use rust_decimal::{Decimal, RoundingStrategy, dec};
use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::support::{SOCIUS, click, goal, harness_with, planbord, prefs_on, socius, type_into};

fn options(first_year: i32, years: u32, index: Decimal, amounts: AmountsMode) -> PeriodOptions {
    PeriodOptions {
        first_year,
        years,
        index_percent: index,
        amounts,
        source_file: Some("socius-2021-2025.ron".into()),
    }
}

/// Every id in a plan.
fn ids(plan: &Plan) -> BTreeSet<Id> {
    let mut plan = plan.clone();
    let mut ids = BTreeSet::new();
    planbord::model::for_each_id_mut(&mut plan, &mut |id| {
        ids.insert(*id);
    });
    ids
}

/// The acceptance test of issue 22: every goal's and the plan's 2026 salary cost is the 2025
/// FTE times the 2025 rate indexed by 2,0 % (rounded to the euro), as `calc` computes it.
#[test]
fn socius_2021_2025_becomes_a_valid_2026_2030_plan_at_the_2025_fte_and_indexed_rates() {
    let old = socius();
    let (new, notes) =
        new_period(&old, &options(2026, 5, dec!(2.0), AmountsMode::Continue)).unwrap();
    assert_eq!(validate(&new), Vec::new());
    assert_eq!((new.meta.first_year, new.meta.last_year), (2026, 2030));
    assert_eq!(new.meta.title, "Beleidsplan Socius 2026-2030");
    assert_eq!(
        new.meta.derived_from.as_deref(),
        Some("Beleidsplan Socius 2021-2025 (socius-2021-2025.ron)")
    );
    let indexed = |profile: Id| {
        let rate = old
            .salary_profile(profile)
            .unwrap()
            .cost_per_fte
            .value(2025);
        (rate * dec!(1.02)).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
    };
    let summary = summarize(&new);
    assert_eq!(summary.years[0], 2026);
    let mut total = Decimal::ZERO;
    for (sd, figures) in old.strategic_goals.iter().zip(&summary.goals) {
        let mut sd_total = Decimal::ZERO;
        for (od, od_figures) in sd.operational_goals.iter().zip(&figures.operational) {
            let expected = od.fte.get(2025) * indexed(od.salary_profile);
            assert_eq!(od_figures.salary_cost[0], expected, "{}", od.code);
            sd_total += expected;
        }
        assert_eq!(figures.salary_cost[0], sd_total, "{}", sd.code);
        total += sd_total;
    }
    for line in &old.staff_lines {
        total += line.fte.get(2025) * indexed(line.salary_profile);
    }
    assert_eq!(summary.salary_cost_total[0], total);
    assert_eq!(summary.personnel_total[0], total);
    // The staff rate 101.480 (2025) gives 103.510, then 105.580: compounded on the rounded
    // value, as a growth rule compounds.
    let staff = &new.salary_profiles[0].cost_per_fte;
    assert_eq!(
        (staff.value(2026), staff.value(2027)),
        (dec!(103510), dec!(105580))
    );
    // The subsidy's growth rule starts in 2026 at 1.603.945 x 1,02 rounded to 5 euro.
    match &new
        .income
        .iter()
        .find(|l| l.kind == IncomeKind::Subsidy)
        .unwrap()
        .amounts
    {
        Amounts::Rule(rule) => assert_eq!(
            (
                rule.base_year,
                rule.base,
                rule.growth_percent,
                rule.round_to
            ),
            (2026, dec!(1636025), dec!(2.0), dec!(5))
        ),
        other => panic!("{other:?}"),
    }
    // Ids stay (a comparison matches by id), nothing new is made.
    let dropped: BTreeSet<Id> = ids(&old).difference(&ids(&new)).copied().collect();
    assert!(ids(&new).is_subset(&ids(&old)));
    assert_eq!(new.next_id, old.next_id);
    let comparison = planbord::compare::diff(&old, &new);
    assert_eq!(comparison.matched_by, MatchedBy::Id);
    // Activities: those that ran through 2025 continue to 2030; those that ended stay behind.
    let od = goal(&new, "SD1.OD1");
    assert_eq!(od.activities.len(), 6);
    assert!(
        od.activities
            .iter()
            .all(|a| (a.first_year, a.last_year) == (2026, 2030))
    );
    assert_eq!(dropped.len(), 1 + 3 + 3 + 1 + 1 + 3 + 2 + 3 + 5 + 1);
    assert!(notes.contains(&PeriodNote::ActivitiesEnded {
        goal: "SD2.OD1".into(),
        count: 3,
        all: true
    }));
    // The research fund opens with what is left at the end of 2025.
    assert!(notes.contains(&PeriodNote::FundOpening {
        fund: "Bestemd fonds onderzoek".into(),
        balance: dec!(34895)
    }));
    assert!(matches!(
        notes[0],
        PeriodNote::Indexed {
            profiles: 3,
            subsidy_lines: 1,
            ..
        }
    ));
    // In words, both languages.
    let nl: Vec<String> = notes
        .iter()
        .map(|n| planbord::i18n::period::note(n, Lang::Nl))
        .collect();
    assert!(
        nl.contains(
            &"SD2.OD1: alle 3 activiteiten eindigden in de oude periode; plan nieuwe".to_string()
        ),
        "{nl:?}"
    );
    let en = planbord::i18n::period::note(&notes[0], Lang::En);
    assert!(en.starts_with("indexed by 2 % per year"), "{en}");
}

#[test]
fn shifted_amounts_follow_the_old_years_one_by_one() {
    let old = socius();
    let (new, _) = new_period(&old, &options(2026, 7, dec!(0), AmountsMode::Shift)).unwrap();
    assert_eq!(validate(&new), Vec::new());
    let (old_od, new_od) = (goal(&old, "SD1.OD1"), goal(&new, "SD1.OD1"));
    // 2026 gets 2021's FTE, ... 2030 gets 2025's; 2031 and 2032 the last one's.
    let fte: Vec<Decimal> = (2026..=2032).map(|y| new_od.fte.get(y)).collect();
    let expected: Vec<Decimal> = [2021, 2022, 2023, 2024, 2025, 2025, 2025]
        .iter()
        .map(|y| old_od.fte.get(*y))
        .collect();
    assert_eq!(fte, expected);
    // Index 0: the rates stay at 2025's.
    assert_eq!(
        new.salary_profiles[0].cost_per_fte.value(2032),
        old.salary_profiles[0].cost_per_fte.value(2025)
    );
    // Continued instead: every year 2025's.
    let (continued, _) =
        new_period(&old, &options(2026, 5, dec!(0), AmountsMode::Continue)).unwrap();
    let od = goal(&continued, "SD1.OD1");
    assert!((2026..=2030).all(|y| od.fte.get(y) == old_od.fte.get(2025)));
}

#[test]
fn realised_figures_conflicts_and_printed_totals_stay_behind_and_targets_move() {
    let mut old = crate::support::load("plans/socius-2021-2025-realisatie-voorbeeld.ron");
    assert!(!old.actuals.is_empty());
    // A target for 2023 and a realised value.
    let indicator = &mut old.strategic_goals[1].indicators[0];
    indicator.target = Some(Target {
        comparator: Comparator::AtLeast,
        value: dec!(1),
        unit: String::new(),
        year: Some(2023),
    });
    indicator.actuals.set(2022, Some(dec!(1)));
    let indicator_id = indicator.id;
    // A merge conflict.
    let mut ours = old.clone();
    ours.strategic_goals[0].title = "Ons voorstel".into();
    let mut theirs = old.clone();
    theirs.strategic_goals[0].title = "Hun voorstel".into();
    let merged = planbord::merge::merge(&old, &ours, &theirs, MergeSide::Ours).plan;
    assert!(!merged.conflicts.is_empty());
    let (new, notes) =
        new_period(&merged, &options(2026, 5, dec!(2), AmountsMode::Continue)).unwrap();
    assert_eq!(validate(&new), Vec::new());
    assert!(new.actuals.years.is_empty());
    assert!(new.conflicts.is_empty());
    assert!(notes.contains(&PeriodNote::ActualsLeftBehind { years: vec![2021] }));
    assert!(notes.contains(&PeriodNote::ConflictsLeftBehind {
        count: merged.conflicts.len()
    }));
    let moved = new
        .strategic_goals
        .iter()
        .flat_map(|sd| &sd.indicators)
        .find(|i| i.id == indicator_id)
        .unwrap();
    assert_eq!(moved.target.as_ref().unwrap().year, Some(2028));
    assert!(moved.actuals.is_empty());
    assert!(notes.contains(&PeriodNote::TargetsMoved { count: 1 }));
}

#[test]
fn growth_rules_continue_gaps_and_overlaps_are_noted_and_bad_options_refused() {
    let mut old = socius();
    // An overhead line on a growth rule of its own (not indexed: continued as it ran).
    let id = old.new_id();
    old.overhead.push(BudgetLine {
        id,
        name: "Verzekeringen".into(),
        kind: IncomeKind::Other,
        printed_group: None,
        amounts: Amounts::Rule(GrowthRule {
            base_year: 2021,
            base: dec!(1000),
            growth_percent: dec!(10),
            round_to: dec!(1),
        }),
    });
    let (new, notes) = new_period(&old, &options(2027, 4, dec!(2), AmountsMode::Continue)).unwrap();
    assert_eq!(validate(&new), Vec::new());
    let line = new.overhead.iter().find(|l| l.id == id).unwrap();
    // The old rule in 2027: 1000 x 1,1^6 rounded each year.
    let expected = match &old.overhead.last().unwrap().amounts {
        Amounts::Rule(rule) => rule.value(2027),
        _ => unreachable!(),
    };
    assert_eq!(line.amounts.value(2027), expected);
    assert!(notes.contains(&PeriodNote::Gap {
        from: 2026,
        to: 2026
    }));
    assert!(notes.contains(&PeriodNote::RuleRebased {
        line: "Verzekeringen".into(),
        base_year: 2027,
        base: expected
    }));
    // An overlap keeps the shared years' values.
    let (overlap, notes) =
        new_period(&old, &options(2024, 5, dec!(2), AmountsMode::Continue)).unwrap();
    assert_eq!(validate(&overlap), Vec::new());
    assert!(notes.contains(&PeriodNote::Overlap { old_last: 2025 }));
    let (old_od, new_od) = (goal(&old, "SD1.OD1"), goal(&overlap, "SD1.OD1"));
    assert_eq!(new_od.fte.get(2024), old_od.fte.get(2024));
    assert_eq!(
        overlap.salary_profiles[0].cost_per_fte.value(2025),
        old.salary_profiles[0].cost_per_fte.value(2025)
    );
    // Refused options, with the reason.
    assert_eq!(
        new_period(&old, &options(2026, 0, dec!(2), AmountsMode::Continue)).unwrap_err(),
        PeriodError::Length(0)
    );
    assert_eq!(
        new_period(&old, &options(2026, 5, dec!(150), AmountsMode::Continue)).unwrap_err(),
        PeriodError::Index(dec!(150))
    );
    assert_eq!(
        new_period(&old, &options(1800, 5, dec!(2), AmountsMode::Continue)).unwrap_err(),
        PeriodError::FirstYear(1800)
    );
    // An empty plan: every new year without amounts, a salary profile without a rate.
    let (_, notes) = new_period(
        &planbord::store::template(),
        &options(2031, 5, dec!(2), AmountsMode::Continue),
    )
    .unwrap();
    assert!(notes.contains(&PeriodNote::YearWithoutAmounts { year: 2031 }));
    assert!(
        notes
            .iter()
            .any(|n| matches!(n, PeriodNote::RateMissing { .. }))
    );
}

/// A plan's file stays as it was: `derived_from` is only written when there is one.
#[test]
fn the_origin_is_written_only_when_there_is_one() {
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    assert_eq!(planbord::store::to_ron_string(&socius()), text);
    assert!(!text.contains("derived_from"));
    let (new, _) =
        new_period(&socius(), &options(2026, 5, dec!(2), AmountsMode::Continue)).unwrap();
    let written = planbord::store::to_ron_string(&new);
    assert!(
        written.contains(
            "derived_from: Some(\"Beleidsplan Socius 2021-2025 (socius-2021-2025.ron)\")"
        )
    );
    let back = planbord::store::from_ron_str(&written, std::path::Path::new("x.ron")).unwrap();
    assert_eq!(back, new);
}

#[test]
fn the_command_line_makes_the_next_period_and_never_overwrites_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("socius-2026-2030.ron");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, err) = planbord(&[
        "new-period",
        SOCIUS,
        out_arg,
        "--first-year",
        "2026",
        "--index",
        "2,0",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("nieuwe planperiode 2026-2030 (5 jaar, indexering 2 %, bedragen van het laatste jaar voortgezet)"), "{stdout}");
    assert!(stdout.contains("Aandachtspunten:"), "{stdout}");
    assert!(
        stdout.contains("- reserve 'Bestemd fonds onderzoek' begint met 34.895"),
        "{stdout}"
    );
    let plan = planbord::store::load(&out).unwrap();
    assert_eq!((plan.meta.first_year, plan.meta.last_year), (2026, 2030));
    // Again: the file exists; --force replaces it.
    let (code, _, err) = planbord(&["new-period", SOCIUS, out_arg]);
    assert_eq!(code, 1);
    assert!(err.contains("bestaat al; gebruik --force"), "{err}");
    let (code, stdout, err) = planbord(&[
        "new-period",
        SOCIUS,
        out_arg,
        "--years",
        "6",
        "--index",
        "1.5",
        "--amounts",
        "shift",
        "--force",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains(
            "new plan period 2026-2031 (6 years, index 1,5 %, amounts shifted year by year)"
        ),
        "{stdout}"
    );
    assert_eq!(planbord::store::load(&out).unwrap().meta.last_year, 2031);
    // The plan itself is never the output, not even with --force.
    let copy = dir.path().join("plan.ron");
    std::fs::copy(SOCIUS, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let (code, _, err) = planbord(&[
        "new-period",
        copy.to_str().unwrap(),
        copy.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("is het plan zelf"), "{err}");
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    // An index that is not a number, a period that cannot be: exit 1, why.
    let other = dir.path().join("other.ron");
    let (code, _, err) = planbord(&[
        "new-period",
        SOCIUS,
        other.to_str().unwrap(),
        "--index",
        "twee",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--index") && err.contains("twee"), "{err}");
    let (code, _, err) = planbord(&[
        "new-period",
        "--lang",
        "en",
        SOCIUS,
        other.to_str().unwrap(),
        "--years",
        "0",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("a period of 0 years"), "{err}");
    assert!(!other.exists());
    // A negative index (the subsidy shrinks) is a number too.
    let (code, _, err) = planbord(&[
        "new-period",
        SOCIUS,
        other.to_str().unwrap(),
        "--index",
        "-1,5",
    ]);
    assert_eq!(code, 0, "{err}");
}

fn open_menu_item(h: &mut egui_kittest::Harness<'static, PlanApp>, item: &str) {
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn a_new_period_opens_from_the_file_menu_with_its_notes() {
    let mut h = harness_with(PlanApp::new(
        socius(),
        Some(PathBuf::from(SOCIUS)),
        prefs_on(Panel::Staffing),
    ));
    h.run();
    open_menu_item(&mut h, "Nieuwe planperiode…");
    h.get_by_label("Nieuwe planperiode");
    // A year that is not one: said in the dialog, nothing made.
    type_into(&mut h, "Eerste jaar", "volgend jaar", Key::Tab);
    click(&mut h, "Maken");
    h.get_by_label_contains("Eerste jaar: geef een geheel getal");
    assert_eq!(h.state().plan(), &socius());
    type_into(&mut h, "Eerste jaar", "2026", Key::Tab);
    type_into(&mut h, "Indexering per jaar (%)", "3", Key::Tab);
    click(&mut h, "Bedragen jaar per jaar verschuiven");
    click(&mut h, "Maken");
    // The notes of the new period, then the new plan: untitled, unsaved.
    h.get_by_label("Aandachtspunten");
    h.get_by_label_contains("SD2.OD1: alle 3 activiteiten eindigden");
    click(&mut h, "Sluiten");
    let app = h.state();
    assert!(app.path().is_none());
    assert!(app.is_dirty());
    let plan = app.plan().clone();
    assert_eq!((plan.meta.first_year, plan.meta.last_year), (2026, 2030));
    assert_eq!(
        plan.salary_profiles[0].cost_per_fte.value(2026),
        dec!(104524)
    );
    // Shifted: 2026 has 2021's FTE.
    assert_eq!(
        goal(&plan, "SD1.OD1").fte.get(2026),
        goal(&socius(), "SD1.OD1").fte.get(2021)
    );
    assert!(
        app.status.contains("nieuwe planperiode 2026-2030"),
        "{}",
        app.status
    );
    // Save as proposes the new years' name next to the old plan.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    h.run();
    match &h.state().dialog {
        Some(Dialog::Path(PathPurpose::SaveAs, proposal)) => {
            assert!(
                proposal.ends_with("plans/socius-2026-2030.ron"),
                "{proposal}"
            )
        }
        other => panic!("{other:?}"),
    }
}

/// Every sample plan, any period after, before or overlapping its own, either way of carrying
/// amounts: a valid plan.
#[test]
fn every_sample_plan_gives_a_valid_plan_for_any_period() {
    for path in [
        SOCIUS,
        crate::support::CUT,
        crate::support::LATER,
        "plans/socius-2021-2025-realisatie-voorbeeld.ron",
        crate::support::TEMPLATE,
    ] {
        let plan = crate::support::load(path);
        for first_year in [2015, 2019, 2023, 2025, 2026, 2031] {
            for years in [1, 3, 5, 8] {
                for amounts in [AmountsMode::Continue, AmountsMode::Shift] {
                    for index in [dec!(-3), dec!(0), dec!(2.5)] {
                        let options = options(first_year, years, index, amounts);
                        let (new, _) = new_period(&plan, &options).unwrap();
                        let problems = validate(&new);
                        assert!(problems.is_empty(), "{path} {options:?}: {problems:?}");
                    }
                }
            }
        }
    }
}
