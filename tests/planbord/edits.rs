//! Every kind of edit, at random, on a plan with goals, lines and accounts: applied through the
//! one door, then undone, gives back the plan exactly; redone, the plan after the edits. Every edit
//! has a label in both languages.

use planbord::edit::{
    AccountMerge, Document, Edit, LineList, MergeLine, MergeSection, TextField, YearField,
};
use planbord::i18n::Lang;
use planbord::model::{
    AccountCategory, Amounts, BudgetBasis, Comparator, GoalKind, GrowthRule, Id, IncomeKind,
    MergeSide, Plan, Side, Target, Yearly,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

use crate::support::{accounts_plan, full_sweeps, socius};

/// The Socius plan with the accounts of the SAM example added: every list has items.
fn rich_plan() -> Plan {
    let mut plan = socius();
    let accounts = accounts_plan();
    let offset = plan.next_id.0;
    for mut section in accounts.accounts {
        section.id = Id(section.id.0 + offset);
        // The example budgets 2026-2028; Socius runs 2021-2025.
        let shift = accounts.meta.first_year - plan.meta.first_year;
        let moved = |y: &Yearly| Yearly(y.0.iter().map(|(k, v)| (k - shift, *v)).collect());
        section.printed_cost = moved(&section.printed_cost);
        section.printed_income = moved(&section.printed_income);
        for line in &mut section.lines {
            line.id = Id(line.id.0 + offset);
            match &mut line.amounts {
                Amounts::PerYear(values) => *values = moved(values),
                Amounts::Rule(rule) => rule.base_year -= shift,
            }
        }
        plan.accounts.push(section);
    }
    plan.next_id = Id(offset + accounts.next_id.0);
    // A reserve fund that pays part of the first goal's operating budget.
    let fund = plan.new_id();
    plan.funds.push(planbord::model::ReserveFund {
        id: fund,
        name: "Bestemd fonds".into(),
        opening_balance: Decimal::from(20_000),
        receives_balance: false,
    });
    plan.strategic_goals[0].operational_goals[0].fund = Some(fund);
    // Two colleagues set the same FTE differently: the merged plan keeps conflicts to resolve.
    let (mut ours, mut theirs) = (plan.clone(), plan.clone());
    for (version, fte) in [(&mut ours, "0.5"), (&mut theirs, "0.6")] {
        let od = &mut version.strategic_goals[0].operational_goals[1];
        for year in 2021..=2022 {
            od.fte.set(year, Some(fte.parse().unwrap()));
        }
    }
    let plan = planbord::merge::merge(&plan, &ours, &theirs, planbord::merge::Side::Ours).plan;
    assert_eq!(plan.conflicts.len(), 2);
    assert!(planbord::model::validate(&plan).is_empty());
    plan
}

/// Ids of each kind of item in `plan`, to aim edits at.
struct Targets {
    sds: Vec<Id>,
    ods: Vec<Id>,
    activities: Vec<Id>,
    indicators: Vec<Id>,
    priorities: Vec<Id>,
    profiles: Vec<Id>,
    staff: Vec<Id>,
    budget_lines: Vec<Id>,
    income: Vec<Id>,
    funds: Vec<Id>,
    sections: Vec<Id>,
    accounts: Vec<Id>,
    tasks: Vec<Id>,
    types: Vec<Id>,
}

impl Targets {
    fn of(plan: &Plan) -> Targets {
        let ods: Vec<_> = plan.operational_goals().map(|(_, od)| od).collect();
        Targets {
            sds: plan.strategic_goals.iter().map(|s| s.id).collect(),
            ods: ods.iter().map(|od| od.id).collect(),
            activities: ods
                .iter()
                .flat_map(|od| od.activities.iter().map(|a| a.id))
                .collect(),
            indicators: plan
                .general_indicators
                .iter()
                .chain(plan.strategic_goals.iter().flat_map(|s| &s.indicators))
                .chain(ods.iter().flat_map(|od| &od.indicators))
                .map(|i| i.id)
                .collect(),
            priorities: plan.priorities.iter().map(|p| p.id).collect(),
            profiles: plan.salary_profiles.iter().map(|p| p.id).collect(),
            staff: plan.staff_lines.iter().map(|l| l.id).collect(),
            budget_lines: plan
                .overhead
                .iter()
                .chain(&plan.income)
                .map(|l| l.id)
                .collect(),
            income: plan.income.iter().map(|l| l.id).collect(),
            funds: plan.funds.iter().map(|f| f.id).collect(),
            sections: plan.accounts.iter().map(|s| s.id).collect(),
            accounts: plan
                .accounts
                .iter()
                .flat_map(|s| s.lines.iter().map(|l| l.id))
                .collect(),
            tasks: plan.core_tasks.iter().map(|t| t.id).collect(),
            types: plan.activity_types.iter().map(|t| t.id).collect(),
        }
    }
}

fn pick(ids: &[Id], at: usize) -> Id {
    if ids.is_empty() {
        Id(1)
    } else {
        ids[at % ids.len()]
    }
}

/// The number of kinds [`edit_of`] makes: one per `Edit` variant (and sub-kinds of texts, years
/// and lines).
const KINDS: usize = 41;

/// An edit of kind `kind` aimed at items picked by `a` and `b`, with `n` as a value.
fn edit_of(plan: &Plan, kind: usize, a: usize, b: usize, n: i64, text: &str) -> Edit {
    let t = Targets::of(plan);
    let year = plan.meta.first_year + (a % plan.year_count()) as i32;
    let amount = Decimal::new(n.abs() % 10_000_000, 2);
    let fte = Decimal::new(n.abs() % 300, 2);
    match kind {
        0 => Edit::SetText(TextField::Mission, text.into()),
        1 => Edit::SetText(TextField::GoalTitle(pick(&t.ods, a)), text.into()),
        2 => Edit::SetText(TextField::Situering(pick(&t.ods, a)), text.into()),
        3 => Edit::SetText(TextField::Name(pick(&t.budget_lines, a)), text.into()),
        4 => Edit::SetYear(YearField::GoalFte(pick(&t.ods, a)), year, Some(fte)),
        5 => Edit::SetYear(
            YearField::GoalOperating(pick(&t.ods, b)),
            year,
            Some(amount),
        ),
        6 => Edit::SetYear(YearField::StaffLineFte(pick(&t.staff, a)), year, None),
        7 => Edit::SetYear(
            YearField::ProfileCost(pick(&t.profiles, a)),
            year,
            Some(amount),
        ),
        8 => Edit::SetYear(
            YearField::LineAmount(pick(&t.accounts, a)),
            year,
            Some(amount),
        ),
        9 => Edit::AddStrategicGoal {
            kind: if n % 2 == 0 {
                GoalKind::External
            } else {
                GoalKind::Internal
            },
        },
        10 => Edit::AddOperationalGoal {
            strategic_goal: pick(&t.sds, a),
        },
        11 => Edit::RemoveGoal(pick(&t.ods, a)),
        12 => Edit::MoveGoal(pick(&t.sds, a), if n % 2 == 0 { 1 } else { -1 }),
        13 => Edit::Renumber,
        14 => Edit::AddActivity {
            goal: pick(&t.ods, a),
        },
        15 => Edit::RemoveActivity(pick(&t.activities, a)),
        16 => Edit::SetActivityType(pick(&t.activities, a), pick(&t.types, b)),
        17 => Edit::SetActivityYears(pick(&t.activities, a), year, plan.meta.last_year),
        18 => Edit::AddIndicator {
            goal: (n % 3 != 0).then(|| pick(&t.ods, a)),
        },
        19 => Edit::RemoveIndicator(pick(&t.indicators, a)),
        20 => Edit::AddPriority,
        21 => Edit::RemovePriority(pick(&t.priorities, a)),
        22 => Edit::SetCoreTask {
            goal: pick(&t.ods, a),
            task: pick(&t.tasks, b),
            linked: n % 2 == 0,
        },
        23 => Edit::AddLine(
            [
                LineList::ServiceStaff,
                LineList::SupportStaff,
                LineList::SalaryProfile,
                LineList::Overhead,
                LineList::Income,
                LineList::Fund,
                LineList::AccountSection,
                LineList::AccountLine(pick(&t.sections, b)),
                LineList::CoreTask,
            ][a % 9],
        ),
        24 => Edit::RemoveLine(pick(&t.budget_lines, a)),
        25 => Edit::SetProfile(pick(&t.ods, a), pick(&t.profiles, b)),
        26 => Edit::SetIncomeKind(
            pick(&t.income, a),
            [
                IncomeKind::Subsidy,
                IncomeKind::OwnIncome,
                IncomeKind::Other,
            ][b % 3],
        ),
        27 => Edit::SetSide(
            pick(&t.accounts, a),
            if n % 2 == 0 { Side::Cost } else { Side::Income },
        ),
        28 => Edit::SetRule(
            pick(&t.budget_lines, a),
            (n % 2 == 0).then(|| GrowthRule {
                base_year: plan.meta.first_year,
                base: amount,
                growth_percent: Decimal::new(n % 50, 1),
                round_to: Decimal::from(5),
            }),
        ),
        29 => Edit::SetFund {
            id: pick(&t.funds, a),
            opening_balance: amount,
            receives_balance: n % 2 == 0,
        },
        30 => Edit::SetTarget(
            pick(&t.indicators, a),
            (n % 3 != 0).then(|| Target {
                comparator: Comparator::AtLeast,
                value: fte,
                unit: text.into(),
                year: None,
            }),
        ),
        31 => Edit::SetPeriod(plan.meta.first_year, plan.meta.last_year + (n % 2) as i32),
        32 => Edit::SetAccountCategory(
            pick(&t.accounts, a),
            [
                None,
                Some(AccountCategory::Personnel),
                Some(AccountCategory::Subsidy),
            ][b % 3],
        ),
        34 => Edit::ResolveConflict(
            a % plan.conflicts.len().max(1),
            if n % 2 == 0 {
                MergeSide::Ours
            } else {
                MergeSide::Theirs
            },
        ),
        35 => Edit::ResolveAllConflicts(if n % 2 == 0 {
            MergeSide::Ours
        } else {
            MergeSide::Theirs
        }),
        // A goal's code: a new one, or (refused) the code of another goal.
        36 => Edit::SetText(
            TextField::GoalCode(pick(&t.ods, a)),
            match plan.goal_code(pick(&t.ods, b)) {
                Some(code) if n % 2 == 0 => code.to_string(),
                _ => format!("X{text}"),
            },
        ),
        // Refused when the goal has no fund or the part exceeds its operating budget.
        37 => Edit::SetYear(
            YearField::GoalFundFinanced(pick(&t.ods, a)),
            year,
            (n % 3 != 0).then_some(amount),
        ),
        38 => Edit::SetYear(
            YearField::IndicatorActual(pick(&t.indicators, a)),
            year,
            Some(amount),
        ),
        39 => Edit::SetText(
            TextField::ActivityDescription(pick(&t.activities, a)),
            text.into(),
        ),
        // A printed group, none (also a blank text) or one of the budget lines' own.
        40 => Edit::SetPrintedGroup(
            pick(&t.budget_lines, a),
            (n % 3 != 0).then(|| text.to_string()),
        ),
        _ => Edit::MergeAccounts(AccountMerge {
            sections: vec![MergeSection {
                name: "WERKING".into(),
                lines: vec![MergeLine {
                    code: format!("61{:04}", a % 10_000),
                    name: text.into(),
                    side: Side::Cost,
                    amounts: BTreeMap::from([(year, Some(amount))]),
                }],
                printed_cost: BTreeMap::new(),
                printed_income: BTreeMap::new(),
            }],
            basis: (n % 2 == 0).then_some(BudgetBasis::Accounts),
            remove_missing: a.is_multiple_of(3),
        }),
    }
}

#[test]
fn every_edit_kind_is_made_and_labelled_in_both_languages() {
    let plan = rich_plan();
    let mut kinds = Vec::new();
    for kind in 0..KINDS {
        let edit = edit_of(&plan, kind, 1, 2, 4, "tekst");
        for lang in [Lang::Nl, Lang::En] {
            assert!(!edit.label(&plan, lang).trim().is_empty(), "{edit:?}");
        }
        let d = std::mem::discriminant(&edit);
        if !kinds.contains(&d) {
            kinds.push(d);
        }
    }
    assert_eq!(kinds.len(), 30, "every Edit variant is covered");
    // And each kind really changes the plan for some choice of its targets (so the property
    // below exercises them all).
    let mut unchanging = Vec::new();
    for kind in 0..KINDS {
        let changes = (0..6).any(|i| {
            let mut doc = Document::new(plan.clone());
            let edit = edit_of(&plan, kind, i, i + 1, i as i64 + 1, "nieuw");
            doc.apply(edit).is_ok() && doc.plan() != &plan
        });
        if !changes {
            unchanging.push(kind);
        }
    }
    // Renumbering changes nothing: the plan's codes already follow the goals' positions.
    assert_eq!(unchanging, [13], "kinds that never change the plan");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if full_sweeps() { 2_000 } else { 64 },
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_edits_undo_to_the_start_and_redo_to_the_end(
        steps in prop::collection::vec((0..KINDS, any::<usize>(), any::<usize>(), any::<i64>(), "\\PC{0,12}"), 1..24)
    ) {
        let start = rich_plan();
        let mut doc = Document::new(start.clone());
        let mut applied = 0;
        for (kind, a, b, n, text) in steps {
            let edit = edit_of(doc.plan(), kind, a, b, n, &text);
            for lang in [Lang::Nl, Lang::En] {
                prop_assert!(!edit.label(doc.plan(), lang).trim().is_empty());
            }
            let before = doc.plan().clone();
            match doc.apply(edit) {
                Ok(()) => {
                    if doc.plan() != &before {
                        applied += 1;
                        prop_assert!(planbord::model::validate(doc.plan()).is_empty());
                    }
                }
                // A refused edit leaves the plan as it was.
                Err(_) => prop_assert_eq!(doc.plan(), &before),
            }
        }
        let end = doc.plan().clone();
        for _ in 0..applied {
            prop_assert!(doc.undo());
        }
        prop_assert!(!doc.undo(), "no more steps than edits");
        prop_assert_eq!(doc.plan(), &start);
        prop_assert!(!doc.is_dirty());
        for _ in 0..applied {
            prop_assert!(doc.redo());
        }
        prop_assert_eq!(doc.plan(), &end);
    }
}
