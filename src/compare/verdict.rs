//! The verdict per scenario, in numbers: how it closes the period against the base, and which
//! changes drive the difference. The changes' own effects on the period balance (see
//! [`super::diff`]) are grouped per thing (all FTE changes of one goal, all amounts of one line)
//! and ranked by size; what the largest leave is "other changes".

use super::figures::Figure;
use super::{Change, ChangeKind, Diff, Field, FigureRow, ListKind, Place, Scenario, Value};
use crate::model::{IncomeKind, Plan, Side};
use rust_decimal::Decimal;

/// At most this many drivers are named in a verdict.
pub const MAX_DRIVERS: usize = 3;

/// Years in which a driver changes something (ascending), and the last compared year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSpan {
    pub years: Vec<i32>,
    pub last_compared: i32,
}

/// Why the balance moves.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// FTE on a goal or staff line; `fte_delta` when it is the same in every changed year.
    /// The driver's amount is the salary cost difference.
    Staffing {
        fte_delta: Option<Decimal>,
    },
    /// Operating budget charged to the year (operating minus fund-financed); amount: the cost.
    Operating,
    /// An income line; `percent` when the line differs by the same percentage every changed
    /// year; `sole_subsidy` when it is the plan's only subsidy line. Amount: the income.
    Income {
        percent: Option<Decimal>,
        sole_subsidy: bool,
    },
    /// An overhead line; amount: the cost.
    Overhead,
    /// A salary profile's cost per FTE; amount: the salary cost of the goals and lines on it.
    ProfileCost,
    /// A goal or staff line on another salary profile; amount: the salary cost.
    ProfileSwitch,
    /// An account line; amount: its own difference (cost or income, as `side`).
    Account {
        side: Side,
    },
    /// A goal or line that only one plan has; amount: its cost (`cost`) or income.
    Added {
        cost: bool,
    },
    Removed {
        cost: bool,
    },
    /// Anything else (period, budget basis, ...): the change itself; amount: the effect.
    Other(Box<Change>),
}

/// A change (or group of changes to one thing) and what it moves.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    pub place: Place,
    pub cause: Cause,
    pub span: YearSpan,
    /// The thing's own difference over the period: a cost, an income (see [`Cause`]).
    pub amount: Decimal,
    /// What it moves the period balance.
    pub effect: Decimal,
}

/// A reserve that goes below zero.
#[derive(Debug, Clone, PartialEq)]
pub struct NegativeReserve {
    pub name: String,
    pub year: i32,
    pub balance: Decimal,
}

/// How a scenario closes the period, against the base, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub is_base: bool,
    /// The sum of the yearly balances.
    pub period_balance: Decimal,
    pub base_period_balance: Decimal,
    /// The largest drivers of the difference, largest first.
    pub drivers: Vec<Driver>,
    /// Every change grouped, largest first (the drivers are the first of these).
    pub all_drivers: Vec<Driver>,
    /// The difference the named drivers leave unexplained.
    pub others: Decimal,
    /// Whether `others` is worth a mention.
    pub others_material: bool,
    /// Reserves that go below zero: the first year each does.
    pub negative_reserves: Vec<NegativeReserve>,
}

impl Verdict {
    /// Period balance minus the base's.
    pub fn difference(&self) -> Decimal {
        self.period_balance - self.base_period_balance
    }
}

/// What groups changes into one driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Staffing,
    Operating,
    Amounts,
    ProfileSwitch,
    Item,
    Other,
}

fn group_of(change: &Change) -> Group {
    match change.field {
        Field::Fte(_) => Group::Staffing,
        Field::Operating(_) | Field::FundFinanced(_) => Group::Operating,
        Field::Amount(_) | Field::Rule => Group::Amounts,
        Field::SalaryProfile => Group::ProfileSwitch,
        Field::Item => Group::Item,
        _ => Group::Other,
    }
}

/// Old and new value per compared year of a yearly or rule change, each as its plan counts it
/// (zero outside the plan's period); only the years where they differ.
fn yearly_values(
    change: &Change,
    years: &[i32],
    base: &Plan,
    other: &Plan,
) -> Vec<(i32, Decimal, Decimal)> {
    let number = |v: &Option<Value>| match v {
        Some(Value::Fte(d) | Value::Euro(d) | Value::Number(d)) => *d,
        _ => Decimal::ZERO,
    };
    let counted = |plan: &Plan, year: i32, value: Decimal| {
        if plan.years().contains(&year) {
            value
        } else {
            Decimal::ZERO
        }
    };
    let values: Vec<(i32, Decimal, Decimal)> = match (&change.old, &change.new, change.field.year())
    {
        (Some(Value::Amounts(a)), Some(Value::Amounts(b)), _) => {
            years.iter().map(|&y| (y, a.value(y), b.value(y))).collect()
        }
        (_, _, Some(year)) => vec![(year, number(&change.old), number(&change.new))],
        _ => Vec::new(),
    };
    values
        .into_iter()
        .map(|(y, a, b)| (y, counted(base, y, a), counted(other, y, b)))
        .filter(|(_, a, b)| a != b)
        .collect()
}

fn income_line<'a>(plan: &'a Plan, name: &str) -> Option<&'a crate::model::BudgetLine> {
    plan.income.iter().find(|l| l.name == name)
}

fn account_side(plan: &Plan, name: &str) -> Option<Side> {
    plan.accounts
        .iter()
        .flat_map(|s| s.lines.iter())
        .find(|l| l.name == name)
        .map(|l| l.side)
}

/// One driver from the changes of one group at one place.
fn driver(
    place: &Place,
    group: Group,
    changes: &[&Change],
    years: &[i32],
    base: &Plan,
    other: &Plan,
) -> Driver {
    let effect: Decimal = changes.iter().filter_map(|c| c.effect).sum();
    let values: Vec<(i32, Decimal, Decimal)> = changes
        .iter()
        .flat_map(|c| yearly_values(c, years, base, other))
        .collect();
    let mut changed: Vec<i32> = values.iter().map(|(y, _, _)| *y).collect();
    changed.sort_unstable();
    changed.dedup();
    let span = YearSpan {
        years: changed,
        last_compared: years.last().copied().unwrap_or_default(),
    };
    let same = |list: Vec<Decimal>| -> Option<Decimal> {
        let first = *list.first()?;
        list.iter().all(|d| *d == first).then_some(first)
    };
    let list = match place {
        Place::Line(list, _) => Some(*list),
        _ => None,
    };
    let name = match place {
        Place::Line(_, name) => name.as_str(),
        _ => "",
    };
    let (cause, amount) = match group {
        Group::Staffing => {
            let fte_delta = same(values.iter().map(|(_, a, b)| b - a).collect());
            (Cause::Staffing { fte_delta }, -effect)
        }
        Group::Operating => (Cause::Operating, -effect),
        Group::ProfileSwitch => (Cause::ProfileSwitch, -effect),
        Group::Amounts => match list {
            Some(ListKind::Income) => {
                let percent = same(
                    values
                        .iter()
                        .map(|(_, a, b)| {
                            if a.is_zero() {
                                Decimal::MAX
                            } else {
                                ((b - a) * Decimal::ONE_HUNDRED / a.abs()).round_dp(1)
                            }
                        })
                        .collect(),
                )
                .filter(|p| *p != Decimal::MAX);
                let subsidies = |plan: &Plan| {
                    plan.income
                        .iter()
                        .filter(|l| l.kind == IncomeKind::Subsidy)
                        .count()
                };
                let sole_subsidy = income_line(other, name)
                    .or_else(|| income_line(base, name))
                    .is_some_and(|l| l.kind == IncomeKind::Subsidy)
                    && subsidies(other) <= 1
                    && subsidies(base) <= 1;
                (
                    Cause::Income {
                        percent,
                        sole_subsidy,
                    },
                    effect,
                )
            }
            Some(ListKind::Profile) => (Cause::ProfileCost, -effect),
            Some(ListKind::Account) => {
                let side = account_side(other, name)
                    .or_else(|| account_side(base, name))
                    .unwrap_or(Side::Cost);
                let amount = match side {
                    Side::Cost => -effect,
                    Side::Income => effect,
                };
                (Cause::Account { side }, amount)
            }
            _ => (Cause::Overhead, -effect),
        },
        Group::Item => {
            let income = match list {
                Some(ListKind::Income) => true,
                Some(ListKind::Account) => {
                    account_side(other, name).or_else(|| account_side(base, name))
                        == Some(Side::Income)
                }
                _ => false,
            };
            let amount = if income { effect } else { -effect };
            let kind = changes.first().map_or(ChangeKind::Changed, |c| c.kind);
            let cause = if kind == ChangeKind::Removed {
                Cause::Removed { cost: !income }
            } else {
                Cause::Added { cost: !income }
            };
            (cause, amount)
        }
        // A group has at least one change; what stands alone has exactly one.
        Group::Other => (Cause::Other(Box::new(changes[0].clone())), effect),
    };
    Driver {
        place: place.clone(),
        cause,
        span,
        amount,
        effect,
    }
}

/// Every change that moves the balance, grouped per place and kind, largest effect first.
pub fn drivers(diff: &Diff, years: &[i32], base: &Plan, other: &Plan) -> Vec<Driver> {
    let mut groups: Vec<(Place, Group, Vec<&Change>)> = Vec::new();
    for change in &diff.changes {
        if change.effect.is_none() {
            continue;
        }
        let group = group_of(change);
        // A thing added or removed, and anything else, stands alone.
        let alone = matches!(group, Group::Item | Group::Other);
        match groups
            .iter_mut()
            .find(|(p, g, _)| !alone && *p == change.place && *g == group)
        {
            Some((_, _, list)) => list.push(change),
            None => groups.push((change.place.clone(), group, vec![change])),
        }
    }
    let mut drivers: Vec<Driver> = groups
        .iter()
        .map(|(place, group, changes)| driver(place, *group, changes, years, base, other))
        .filter(|d| !d.effect.is_zero())
        .collect();
    // Largest first; equal effects keep the order of the plan.
    drivers.sort_by_key(|d| std::cmp::Reverse(d.effect.abs()));
    drivers
}

/// The verdict of scenario `s` against `base`; `money_rows` for the reserves, `diff` its changes.
pub fn verdict(
    scenarios: &[Scenario],
    base: usize,
    s: usize,
    money_rows: &[FigureRow],
    diff: Option<&Diff>,
) -> Verdict {
    let period = |i: usize| scenarios[i].summary.balance.iter().sum::<Decimal>();
    let years = super::years(scenarios);
    let all_drivers = match diff {
        Some(d) if s != base => drivers(d, &years, &scenarios[base].plan, &scenarios[s].plan),
        _ => Vec::new(),
    };
    let difference = period(s) - period(base);
    let weight: Decimal = all_drivers.iter().map(|d| d.effect.abs()).sum();
    let drivers: Vec<Driver> = all_drivers
        .iter()
        .take(MAX_DRIVERS)
        .filter(|d| d.effect.abs() * Decimal::from(20) >= weight)
        .cloned()
        .collect();
    let others = difference - drivers.iter().map(|d| d.effect).sum::<Decimal>();
    let scale = weight.max(difference.abs());
    let others_material =
        others.abs() >= Decimal::new(5, 1) && others.abs() * Decimal::ONE_HUNDRED >= scale;
    let negative_reserves = money_rows
        .iter()
        .filter_map(|row| match &row.figure {
            Figure::Reserve { name, .. } => {
                let (year, balance) = row.first_negative(s, &years)?;
                // Only a fund this scenario has.
                scenarios[s]
                    .summary
                    .reserves
                    .iter()
                    .any(|r| r.label == *name)
                    .then(|| NegativeReserve {
                        name: name.clone(),
                        year,
                        balance,
                    })
            }
            _ => None,
        })
        .collect();
    Verdict {
        is_base: s == base,
        period_balance: period(s),
        base_period_balance: period(base),
        drivers,
        all_drivers,
        others,
        others_material,
        negative_reserves,
    }
}
