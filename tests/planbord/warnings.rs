//! Warnings a colleague would give: each appears on a plan that has the problem, points to its
//! place, and disappears when the problem is fixed (through the one door, as the user would).

use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::calc::{Warning, WarningPlace, summarize};
use planbord::edit::{Document, Edit, LineList, YearField};
use planbord::i18n::Lang;
use planbord::i18n::describe_warning;
use planbord::model::{IncomeKind, Plan};
use planbord::ui::Panel;
use rust_decimal::dec;

use crate::support::{TEMPLATE, goal, harness_with, load, prefs_on, socius};

fn warnings(plan: &Plan) -> Vec<Warning> {
    summarize(plan).warnings
}

fn has(plan: &Plan, test: impl Fn(&Warning) -> bool) -> bool {
    warnings(plan).iter().any(test)
}

fn apply(doc: &mut Document, edit: Edit) {
    doc.apply(edit).expect("the edit is accepted");
}

#[test]
fn the_published_plan_and_the_new_warnings_in_both_languages() {
    assert!(warnings(&socius()).is_empty(), "{:?}", warnings(&socius()));
    let mut plan = socius();
    plan.available_fte = Default::default();
    plan.income.clear();
    for w in warnings(&plan) {
        for lang in [Lang::Nl, Lang::En] {
            assert!(!describe_warning(&w, lang).is_empty());
        }
    }
}

#[test]
fn fte_on_a_profile_without_cost_is_warned_until_the_cost_is_there() {
    let mut doc = Document::new(socius());
    let od = goal(doc.plan(), "SD1.OD2").id;
    // A new profile without amounts, given to SD1.OD2.
    apply(&mut doc, Edit::AddLine(LineList::SalaryProfile));
    let profile = doc.plan().salary_profiles.last().unwrap().id;
    assert!(has(doc.plan(), |w| matches!(
        w,
        Warning::ProfileWithoutCost { .. }
    )));
    apply(&mut doc, Edit::SetProfile(od, profile));
    let warned = warnings(doc.plan());
    let w = warned
        .iter()
        .find(|w| matches!(w, Warning::FteWithoutCost { owner, year: 2021, .. } if owner == "SD1.OD2"))
        .expect("FTE without cost");
    assert_eq!(w.place(), WarningPlace::Staffing { year: 2021 });
    assert!(describe_warning(w, Lang::Nl).contains("loonkost is 0"));
    for year in 2021..=2025 {
        apply(
            &mut doc,
            Edit::SetYear(YearField::ProfileCost(profile), year, Some(dec!(90000))),
        );
    }
    assert!(!has(doc.plan(), |w| matches!(
        w,
        Warning::FteWithoutCost { .. } | Warning::ProfileWithoutCost { .. }
    )));
}

#[test]
fn fte_without_payroll_is_warned_until_fte_is_available() {
    let mut plan = socius();
    plan.available_fte = Default::default();
    assert!(has(&plan, |w| matches!(
        w,
        Warning::NoFteAvailable { year: 2023, .. }
    )));
    let mut doc = Document::new(plan);
    for year in 2021..=2025 {
        apply(
            &mut doc,
            Edit::SetYear(YearField::AvailableFte, year, Some(dec!(15.9))),
        );
    }
    assert!(!has(doc.plan(), |w| matches!(
        w,
        Warning::NoFteAvailable { .. }
    )));
}

#[test]
fn a_year_with_money_on_one_side_only_is_warned() {
    let mut doc = Document::new(socius());
    // Widening the period leaves 2026 with income from the growth rule but no costs.
    apply(&mut doc, Edit::SetPeriod(2021, 2026));
    let found = warnings(doc.plan());
    assert!(
        found
            .iter()
            .any(|w| matches!(w, Warning::YearWithoutCosts { year: 2026 })
                || matches!(w, Warning::YearWithoutIncome { year: 2026 })),
        "{found:?}"
    );
    doc.undo();
    assert!(!has(doc.plan(), |w| matches!(
        w,
        Warning::YearWithoutCosts { .. } | Warning::YearWithoutIncome { .. }
    )));
}

#[test]
fn income_without_a_subsidy_line_is_warned_until_one_is_marked() {
    let mut doc = Document::new(socius());
    let subsidy = doc
        .plan()
        .income
        .iter()
        .find(|l| l.kind == IncomeKind::Subsidy)
        .unwrap()
        .id;
    apply(&mut doc, Edit::SetIncomeKind(subsidy, IncomeKind::Other));
    assert!(has(doc.plan(), |w| *w == Warning::NoSubsidyLine));
    apply(&mut doc, Edit::SetIncomeKind(subsidy, IncomeKind::Subsidy));
    assert!(!has(doc.plan(), |w| *w == Warning::NoSubsidyLine));
}

#[test]
fn the_template_says_its_salary_profile_needs_amounts_in_the_window() {
    let app = PlanApp::new(load(TEMPLATE), None, prefs_on(Panel::Warnings));
    let mut h = harness_with(app);
    h.run();
    h.get_by_label_contains("heeft nog geen loonkost per VTE");
    // Clicking it goes to the salary profiles.
    h.get_by_label_contains("heeft nog geen loonkost per VTE")
        .click();
    h.run();
    assert_eq!(h.state().view.panel, Panel::Staffing);
}
