//! The structural comparison of two plans: what was added, removed or changed, where, with its
//! old and new value and its effect on the period balance. Three parts: [`meta`] (plan-wide
//! fields), [`goals`] (goals, indicators, activities, FTE and operating budget per goal) and
//! [`lines`] (staff lines, salary profiles, overhead, income, funds, accounts).
//!
//! The effect of a change is what it alone moves the period balance (saldo), so that the effects
//! of all changes add up to the difference in period balance: a goal's FTE change counts at the
//! new cost per FTE, a profile's cost change at the old FTE of the goals and lines that keep that
//! profile, an income line at its own difference.

mod goals;
mod lines;
mod meta;

use crate::calc::summarize;
use crate::model::{Amounts, BudgetBasis, Id, IncomeKind, Plan, Side, StaffGroup, Target, Yearly};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// How items of two plans were matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The plans share history (one was made from the other): matched by stable id.
    Id,
    /// Unrelated plans: matched by code and title.
    CodeAndTitle,
}

/// What happened to the thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// Which list of the plan a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListKind {
    Staff,
    Profile,
    Overhead,
    Income,
    Fund,
    Account,
}

/// Where a change is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The plan as a whole.
    Plan,
    /// A strategic or operational goal, by code.
    Goal(String),
    /// An indicator of a goal (by code), or of the whole plan (`None`); `text` is its wording.
    Indicator { goal: Option<String>, text: String },
    /// An activity of an operational goal.
    Activity { goal: String, text: String },
    /// A line of one of the plan's lists, by name.
    Line(ListKind, String),
}

/// A text of the plan, a goal, an indicator or an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TextField {
    Organisation,
    Title,
    Mission,
    Description,
    Situering,
    Werking,
    Note,
    Wording,
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The item itself: added or removed.
    Item,
    /// Its code or name.
    Label,
    Text(TextField),
    Period,
    BudgetBasis,
    AvailableFte(i32),
    CoreTasks,
    SalaryProfile,
    /// The reserve fund an operational goal draws on.
    Fund,
    Fte(i32),
    Operating(i32),
    FundFinanced(i32),
    Target,
    Actual(i32),
    /// The realised figures of a plan year (added, removed or changed): their result.
    ActualsYear(i32),
    ActivityType,
    ActivityYears,
    Amount(i32),
    /// A growth rule (or a switch between a rule and typed amounts).
    Rule,
    StaffGroup,
    IncomeKind,
    /// The printed group of an overhead or income line (its row in the multi-year budget).
    PrintedGroup,
    AccountCode,
    AccountCategory,
    Side,
    OpeningBalance,
    ReceivesBalance,
}

impl Field {
    /// The year a yearly field is about.
    pub fn year(self) -> Option<i32> {
        match self {
            Field::AvailableFte(y)
            | Field::Fte(y)
            | Field::Operating(y)
            | Field::FundFinanced(y)
            | Field::Actual(y)
            | Field::ActualsYear(y)
            | Field::Amount(y) => Some(y),
            _ => None,
        }
    }
}

/// An old or new value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Fte(Decimal),
    Euro(Decimal),
    /// A measured value (an indicator's realised value).
    Number(Decimal),
    Codes(Vec<String>),
    Years(i32, i32),
    Target(Target),
    Amounts(Amounts),
    Flag(bool),
    Group(StaffGroup),
    IncomeKind(IncomeKind),
    Side(Side),
    Basis(BudgetBasis),
    Category(crate::model::AccountCategory),
}

/// One difference between the base plan and another.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub place: Place,
    pub field: Field,
    /// The value in the base (`None`: there was none).
    pub old: Option<Value>,
    /// The value in the other plan (`None`: there is none).
    pub new: Option<Value>,
    /// What this change alone moves the period balance of the other plan; `None` when it does
    /// not touch the balance.
    pub effect: Option<Decimal>,
}

impl Change {
    fn changed(place: Place, field: Field, old: Option<Value>, new: Option<Value>) -> Change {
        Change {
            kind: ChangeKind::Changed,
            place,
            field,
            old,
            new,
            effect: None,
        }
    }

    fn item(kind: ChangeKind, place: Place, effect: Option<Decimal>) -> Change {
        Change {
            kind,
            place,
            field: Field::Item,
            old: None,
            new: None,
            effect,
        }
    }

    fn with_effect(mut self, effect: Option<Decimal>) -> Change {
        self.effect = effect;
        self
    }
}

/// The structural comparison of `other` against `base`.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub matched_by: MatchedBy,
    pub changes: Vec<Change>,
}

impl Diff {
    /// The effects of all changes added up.
    pub fn total_effect(&self) -> Decimal {
        self.changes.iter().filter_map(|c| c.effect).sum()
    }
}

/// Which part of the plan makes the balance in both plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Money {
    /// Both plans budget by goal (staff, operating, overhead, income lines).
    Goals,
    /// Both plans budget by chart-of-accounts lines.
    Accounts,
    /// The plans differ in budget basis: the basis change carries the whole difference.
    Neither,
}

/// What the parts of the comparison share.
struct Ctx<'a> {
    base: &'a Plan,
    other: &'a Plan,
    by: MatchedBy,
    /// The union of both periods.
    years: Vec<i32>,
    money: Money,
    /// Matched salary profiles (base id, other id).
    profiles: Vec<(Id, Id)>,
}

impl Ctx<'_> {
    /// `Some(value)` when the balance is made of the goal-based budget.
    fn goals_effect(&self, value: impl FnOnce() -> Decimal) -> Option<Decimal> {
        (self.money == Money::Goals).then(value)
    }

    fn accounts_effect(&self, value: impl FnOnce() -> Decimal) -> Option<Decimal> {
        (self.money == Money::Accounts).then(value)
    }

    fn same_profile(&self, base: Id, other: Id) -> bool {
        self.profiles.contains(&(base, other))
    }
}

/// A yearly value as the plan's own computation sees it: zero outside its period.
fn in_period(plan: &Plan, values: &Yearly, year: i32) -> Decimal {
    if plan.years().contains(&year) {
        values.get(year)
    } else {
        Decimal::ZERO
    }
}

fn amount_in_period(plan: &Plan, amounts: &Amounts, year: i32) -> Decimal {
    if plan.years().contains(&year) {
        amounts.value(year)
    } else {
        Decimal::ZERO
    }
}

/// The cost of one FTE on `profile` in `year`.
fn rate(plan: &Plan, profile: Id, year: i32) -> Decimal {
    plan.salary_profile(profile)
        .map(|p| p.cost_per_fte.value(year))
        .unwrap_or_default()
}

/// What an item is matched on.
struct Key {
    id: Id,
    label: String,
    title: String,
}

/// Pairs (base index, other index), removed base indices, added other indices.
struct Matching {
    pairs: Vec<(usize, usize)>,
    removed: Vec<usize>,
    added: Vec<usize>,
}

fn match_items(base: &[Key], other: &[Key], by: MatchedBy) -> Matching {
    let mut pairs = Vec::new();
    let mut used = vec![false; other.len()];
    for (i, b) in base.iter().enumerate() {
        let found = other.iter().enumerate().position(|(j, o)| {
            !used[j]
                && match by {
                    MatchedBy::Id => o.id == b.id,
                    MatchedBy::CodeAndTitle => o.label == b.label,
                }
        });
        let found = found.or_else(|| {
            (by == MatchedBy::CodeAndTitle)
                .then(|| {
                    other
                        .iter()
                        .enumerate()
                        .position(|(j, o)| !used[j] && o.title == b.title)
                })
                .flatten()
        });
        if let Some(j) = found {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    let removed = (0..base.len())
        .filter(|i| !pairs.iter().any(|(b, _)| b == i))
        .collect();
    let added = (0..other.len()).filter(|j| !used[*j]).collect();
    Matching {
        pairs,
        removed,
        added,
    }
}

/// Compares `other` against `base`: plan fields, goals, indicators (also plan-wide ones),
/// activities and lines added, removed or changed, and every changed FTE or amount per year.
pub fn diff(base: &Plan, other: &Plan) -> Diff {
    let by = matched_by(base, other);
    let money = match (base.meta.budget_basis, other.meta.budget_basis) {
        (BudgetBasis::Goals, BudgetBasis::Goals) => Money::Goals,
        (BudgetBasis::Accounts, BudgetBasis::Accounts) => Money::Accounts,
        _ => Money::Neither,
    };
    let years: BTreeSet<i32> = base.years().chain(other.years()).collect();
    let mut cx = Ctx {
        base,
        other,
        by,
        years: years.into_iter().collect(),
        money,
        profiles: Vec::new(),
    };
    cx.profiles = lines::profile_pairs(&cx);

    let mut changes = Vec::new();
    meta::changes(&cx, &mut changes);
    let goal_pairs = goals::changes(&cx, &mut changes);
    lines::changes(&cx, &goal_pairs, &mut changes);
    actuals_changes(base, other, &mut changes);

    // A different period or budget basis moves the balance in ways no single line explains:
    // that change carries what the others leave.
    let whole = changes
        .iter()
        .position(|c| matches!(c.field, Field::Period | Field::BudgetBasis));
    if let Some(i) = whole {
        let total = |plan: &Plan| summarize(plan).balance.iter().sum::<Decimal>();
        let explained: Decimal = changes.iter().filter_map(|c| c.effect).sum();
        changes[i].effect = Some(total(other) - total(base) - explained);
    }
    Diff {
        matched_by: by,
        changes,
    }
}

/// Plans share history when most goals of the base are found by id in the other (an empty plan
/// shares history with a copy of itself).
fn matched_by(base: &Plan, other: &Plan) -> MatchedBy {
    let ids = |plan: &Plan| -> Vec<Id> {
        plan.strategic_goals
            .iter()
            .flat_map(|sd| std::iter::once(sd.id).chain(sd.operational_goals.iter().map(|o| o.id)))
            .collect()
    };
    let (base_ids, other_ids) = (ids(base), ids(other));
    let shared = base_ids.iter().filter(|id| other_ids.contains(id)).count();
    let shares_history = if base_ids.is_empty() {
        base.next_id == other.next_id
    } else {
        shared * 2 >= base_ids.len()
    };
    if shares_history {
        MatchedBy::Id
    } else {
        MatchedBy::CodeAndTitle
    }
}

/// The realised figures per year: a year reported in one plan only, or reported differently.
/// The values are the realised result (income minus costs of the result lines).
fn actuals_changes(base: &Plan, other: &Plan, changes: &mut Vec<Change>) {
    let result = |year: &crate::model::YearActuals| -> Decimal {
        year.result_lines
            .iter()
            .map(|l| match l.side {
                crate::model::Side::Income => l.amount,
                crate::model::Side::Cost => -l.amount,
            })
            .sum()
    };
    fn find(plan: &Plan, y: i32) -> Option<&crate::model::YearActuals> {
        plan.actuals.years.iter().find(|a| a.year == y)
    }
    let years: BTreeSet<i32> = base
        .actuals
        .years
        .iter()
        .chain(&other.actuals.years)
        .map(|a| a.year)
        .collect();
    for y in years {
        let (old, new) = (find(base, y), find(other, y));
        if old == new {
            continue;
        }
        changes.push(Change::changed(
            Place::Plan,
            Field::ActualsYear(y),
            old.map(|a| Value::Euro(result(a))),
            new.map(|a| Value::Euro(result(a))),
        ));
    }
}
