//! Key figures of every scenario aligned by key and year, with a column for the whole period and
//! the difference to the base; and where the money ends (cumulative balance, reserves).

use super::Scenario;
use crate::calc::{Series, Summary};
use crate::model::Id;
use crate::report::Unit;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// A figure compared between scenarios. Its key is the one `planbord summary` uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    FteTotal,
    FteService,
    FteSupport,
    /// FTE of a strategic goal, by code.
    FteGoal(String),
    FteAvailable,
    PersonnelCost,
    PersonnelService,
    PersonnelSupport,
    /// Salary cost of a strategic goal, by code.
    PersonnelGoal(String),
    OperatingCost,
    /// Operating cost of a strategic goal charged to the year, by code.
    OperatingGoal(String),
    OverheadCost,
    /// Costs of accounts in no other category (account basis).
    OtherCost,
    ExpensesTotal,
    IncomeTotal,
    RequestedSubsidy,
    Balance,
    Carryover,
    Result,
    /// Cost or income of one account section, matched across scenarios by its key
    /// (`account.<name>`, `#n` for a repeated name).
    AccountSection {
        key: String,
        income: bool,
    },
    AccountsCost,
    AccountsIncome,
    AccountsResult,
    /// The balances added up from the first year: where the period stands at the end of a year.
    CumulativeBalance,
    /// A reserve fund's balance at the end of each year, matched by name; `id` is the fund's id
    /// in the first scenario that has it (for the key).
    Reserve {
        id: Id,
        name: String,
    },
    /// All reserve funds together at the end of each year.
    ReservesTotal,
}

/// How a figure is summed up over the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Flows (costs, income, balance, subsidy): the sum of the years.
    Sum,
    /// Levels (FTE): the average over the scenario's own plan years (to four decimals).
    Average,
    /// Balances at a moment (cumulative balance, reserves): the value at the end of the period.
    End,
}

/// Whether a higher value is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    HigherIsBetter,
    LowerIsBetter,
    /// Neither (FTE, carry-over): a difference is shown, not judged.
    Neutral,
}

/// What a difference means for the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Better,
    Worse,
    /// A difference that is neither good nor bad.
    Different,
    Same,
}

impl Preference {
    pub fn judge(self, delta: Decimal) -> Judgement {
        if delta.is_zero() {
            return Judgement::Same;
        }
        match (self, delta > Decimal::ZERO) {
            (Preference::Neutral, _) => Judgement::Different,
            (Preference::HigherIsBetter, true) | (Preference::LowerIsBetter, false) => {
                Judgement::Better
            }
            _ => Judgement::Worse,
        }
    }
}

impl Figure {
    /// The stable machine key, as in `planbord summary --format csv`.
    pub fn key(&self) -> String {
        match self {
            Figure::FteTotal => "fte.total".into(),
            Figure::FteService => "fte.service".into(),
            Figure::FteSupport => "fte.support".into(),
            Figure::FteGoal(code) => format!("fte.{code}"),
            Figure::FteAvailable => "fte.available".into(),
            Figure::PersonnelCost => "cost.personnel".into(),
            Figure::PersonnelService => "cost.personnel.service".into(),
            Figure::PersonnelSupport => "cost.personnel.support".into(),
            Figure::PersonnelGoal(code) => format!("cost.personnel.{code}"),
            Figure::OperatingCost => "cost.operating".into(),
            Figure::OperatingGoal(code) => format!("cost.operating.{code}"),
            Figure::OverheadCost => "cost.overhead".into(),
            Figure::OtherCost => "cost.other".into(),
            Figure::AccountSection { key, income, .. } => {
                format!("{key}.{}", if *income { "income" } else { "cost" })
            }
            Figure::ExpensesTotal => "cost.total".into(),
            Figure::IncomeTotal => "income.total".into(),
            Figure::RequestedSubsidy => "income.subsidy".into(),
            Figure::Balance => "balance".into(),
            Figure::Carryover => "carryover".into(),
            Figure::Result => "result".into(),
            Figure::AccountsCost => "accounts.cost".into(),
            Figure::AccountsIncome => "accounts.income".into(),
            Figure::AccountsResult => "accounts.result".into(),
            Figure::CumulativeBalance => "balance.cumulative".into(),
            Figure::Reserve { id, .. } => format!("reserve.{}", id.0),
            Figure::ReservesTotal => "reserve.total".into(),
        }
    }

    pub fn unit(&self) -> Unit {
        match self {
            Figure::FteTotal
            | Figure::FteService
            | Figure::FteSupport
            | Figure::FteGoal(_)
            | Figure::FteAvailable => Unit::Fte,
            _ => Unit::Euro,
        }
    }

    pub fn aggregate(&self) -> Aggregate {
        match self {
            _ if self.unit() == Unit::Fte => Aggregate::Average,
            Figure::CumulativeBalance | Figure::Reserve { .. } | Figure::ReservesTotal => {
                Aggregate::End
            }
            _ => Aggregate::Sum,
        }
    }

    pub fn preference(&self) -> Preference {
        match self {
            Figure::PersonnelCost
            | Figure::PersonnelService
            | Figure::PersonnelSupport
            | Figure::PersonnelGoal(_)
            | Figure::OperatingCost
            | Figure::OperatingGoal(_)
            | Figure::OverheadCost
            | Figure::OtherCost
            | Figure::ExpensesTotal
            | Figure::AccountSection { income: false, .. }
            | Figure::AccountsCost => Preference::LowerIsBetter,
            Figure::IncomeTotal
            | Figure::RequestedSubsidy
            | Figure::Balance
            | Figure::Result
            | Figure::AccountsIncome
            | Figure::AccountSection { income: true, .. }
            | Figure::AccountsResult
            | Figure::CumulativeBalance
            | Figure::Reserve { .. }
            | Figure::ReservesTotal => Preference::HigherIsBetter,
            Figure::FteTotal
            | Figure::FteService
            | Figure::FteSupport
            | Figure::FteGoal(_)
            | Figure::FteAvailable
            | Figure::Carryover => Preference::Neutral,
        }
    }

    /// Whether the figure is one of the few a director looks at first (totals, subsidy, balance);
    /// the others detail them per goal and staff group.
    pub fn is_headline(&self) -> bool {
        matches!(
            self,
            Figure::FteTotal
                | Figure::PersonnelCost
                | Figure::OperatingCost
                | Figure::OverheadCost
                | Figure::ExpensesTotal
                | Figure::IncomeTotal
                | Figure::RequestedSubsidy
                | Figure::Balance
                | Figure::Carryover
                | Figure::Result
                | Figure::AccountsCost
                | Figure::AccountsIncome
                | Figure::AccountsResult
        )
    }

    /// The figure's values in a scenario (aligned with `summary.years`), if the scenario has it.
    pub fn series(&self, summary: &Summary) -> Option<Series> {
        let goal = |code: &str| summary.goals.iter().find(|g| g.code == code);
        let values = match self {
            Figure::FteTotal => &summary.fte_total,
            Figure::FteService => &summary.fte_service,
            Figure::FteSupport => &summary.fte_support,
            Figure::FteGoal(code) => &goal(code)?.fte,
            Figure::FteAvailable => &summary.fte_available,
            Figure::PersonnelCost => &summary.personnel_total,
            Figure::PersonnelService => &summary.personnel_service,
            Figure::PersonnelSupport => &summary.personnel_support,
            Figure::PersonnelGoal(code) => &goal(code)?.salary_cost,
            Figure::OperatingCost => &summary.operating_total,
            Figure::OperatingGoal(code) => &goal(code)?.operating,
            Figure::OverheadCost => &summary.overhead_total,
            Figure::OtherCost => &summary.other_cost,
            Figure::AccountSection { key, income } => {
                let section = summary
                    .account_section_keys()
                    .into_iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, s)| s)?;
                if *income {
                    &section.income
                } else {
                    &section.cost
                }
            }
            Figure::ExpensesTotal => &summary.expenses_total,
            Figure::IncomeTotal => &summary.income_total,
            Figure::RequestedSubsidy => &summary.requested_subsidy,
            Figure::Balance => &summary.balance,
            Figure::Carryover => &summary.carryover,
            Figure::Result => &summary.result,
            Figure::AccountsCost => &summary.account_cost,
            Figure::AccountsIncome => &summary.account_income,
            Figure::AccountsResult => &summary.account_result,
            Figure::CumulativeBalance => {
                return Some(
                    summary
                        .balance
                        .iter()
                        .scan(Decimal::ZERO, |total, v| {
                            *total += v;
                            Some(*total)
                        })
                        .collect(),
                );
            }
            Figure::Reserve { name, .. } => {
                &summary.reserves.iter().find(|r| r.label == *name)?.values
            }
            Figure::ReservesTotal => {
                let mut total = vec![Decimal::ZERO; summary.years.len()];
                for fund in &summary.reserves {
                    for (t, v) in total.iter_mut().zip(&fund.values) {
                        *t += v;
                    }
                }
                return Some(total.into());
            }
        };
        Some(values.clone())
    }
}

/// The key figures of one plan, in the order of `planbord summary` (reserves apart).
fn key_figures_of(summary: &Summary) -> Vec<Figure> {
    let mut figures = vec![Figure::FteTotal, Figure::FteService, Figure::FteSupport];
    figures.extend(
        summary
            .goals
            .iter()
            .map(|g| Figure::FteGoal(g.code.clone())),
    );
    figures.extend([
        Figure::FteAvailable,
        Figure::PersonnelCost,
        Figure::PersonnelService,
        Figure::PersonnelSupport,
    ]);
    figures.extend(
        summary
            .goals
            .iter()
            .map(|g| Figure::PersonnelGoal(g.code.clone())),
    );
    figures.push(Figure::OperatingCost);
    figures.extend(
        summary
            .goals
            .iter()
            .map(|g| Figure::OperatingGoal(g.code.clone())),
    );
    figures.push(Figure::OverheadCost);
    if summary.budget_basis == crate::model::BudgetBasis::Accounts {
        figures.push(Figure::OtherCost);
    }
    figures.extend([
        Figure::ExpensesTotal,
        Figure::IncomeTotal,
        Figure::RequestedSubsidy,
        Figure::Balance,
        Figure::Carryover,
        Figure::Result,
    ]);
    for (key, _) in summary.account_section_keys() {
        for income in [false, true] {
            figures.push(Figure::AccountSection {
                key: key.clone(),
                income,
            });
        }
    }
    if !summary.account_sections.is_empty() {
        figures.extend([
            Figure::AccountsCost,
            Figure::AccountsIncome,
            Figure::AccountsResult,
        ]);
    }
    figures
}

/// The money figures of one plan: cumulative balance, each reserve, all reserves together.
fn money_figures_of(summary: &Summary) -> Vec<Figure> {
    let mut figures = vec![Figure::CumulativeBalance];
    figures.extend(summary.reserves.iter().map(|r| Figure::Reserve {
        id: r.id,
        name: r.label.clone(),
    }));
    if summary.reserves.len() > 1 {
        figures.push(Figure::ReservesTotal);
    }
    figures
}

/// A figure of every scenario, with its difference to the base, per year and over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub figure: Figure,
    pub key: String,
    pub unit: Unit,
    /// Per scenario: values per compared year (zero where the scenario lacks the year or figure).
    pub values: Vec<Vec<Decimal>>,
    /// Per scenario: value minus the base value, per year (zero for the base itself).
    pub deltas: Vec<Vec<Decimal>>,
    /// Per scenario: the difference in percent of the base (None where the base is zero).
    pub percents: Vec<Vec<Option<Decimal>>>,
    /// Per scenario: the whole period (see [`Figure::aggregate`]).
    pub period: Vec<Decimal>,
    /// Per scenario: the period value minus the base's.
    pub period_deltas: Vec<Decimal>,
    pub period_percents: Vec<Option<Decimal>>,
}

impl FigureRow {
    /// What the difference of scenario `s` in year index `y` (or the period, `None`) means.
    pub fn judgement(&self, s: usize, year: Option<usize>) -> Judgement {
        let delta = match year {
            Some(y) => self.deltas[s][y],
            None => self.period_deltas[s],
        };
        self.figure.preference().judge(delta)
    }

    /// The first compared year in which scenario `s` is below zero, with its value.
    pub fn first_negative(&self, s: usize, years: &[i32]) -> Option<(i32, Decimal)> {
        self.values[s]
            .iter()
            .zip(years)
            .find(|(v, _)| **v < Decimal::ZERO)
            .map(|(v, y)| (*y, *v))
    }
}

/// The years all scenarios are compared on: the union of their periods.
pub fn years(scenarios: &[Scenario]) -> Vec<i32> {
    let set: BTreeSet<i32> = scenarios
        .iter()
        .flat_map(|s| s.summary.years.iter().copied())
        .collect();
    set.into_iter().collect()
}

fn percent(delta: Decimal, base: Decimal) -> Option<Decimal> {
    (!base.is_zero()).then(|| (delta * Decimal::ONE_HUNDRED / base.abs()).round_dp(1))
}

/// Builds the rows of `figures` (each once, in order of first appearance).
fn rows_of(scenarios: &[Scenario], base: usize, figures: Vec<Figure>) -> Vec<FigureRow> {
    let years = years(scenarios);
    let mut unique: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    let base = base.min(scenarios.len().saturating_sub(1));
    unique
        .into_iter()
        .map(|figure| {
            let aggregate = figure.aggregate();
            let mut values = Vec::with_capacity(scenarios.len());
            let mut period = Vec::with_capacity(scenarios.len());
            for s in scenarios {
                let series = figure.series(&s.summary);
                let at = |y: &i32| {
                    let i = s.summary.year_index(*y)?;
                    series.as_ref().map(|v| v[i])
                };
                let mut row: Vec<Decimal> =
                    years.iter().map(|y| at(y).unwrap_or_default()).collect();
                if aggregate == Aggregate::End {
                    // A balance carries on through a year the scenario does not plan.
                    let mut last = Decimal::ZERO;
                    for (v, y) in row.iter_mut().zip(&years) {
                        match at(y) {
                            Some(value) => last = value,
                            None => *v = last,
                        }
                    }
                }
                let own: Vec<Decimal> = series.clone().unwrap_or_default().to_vec();
                period.push(match aggregate {
                    Aggregate::Sum => own.iter().sum(),
                    Aggregate::Average if own.is_empty() => Decimal::ZERO,
                    // Four decimals: exact enough for FTE, short in a CSV.
                    Aggregate::Average => {
                        (own.iter().sum::<Decimal>() / Decimal::from(own.len() as u64)).round_dp(4)
                    }
                    Aggregate::End => own.last().copied().unwrap_or_default(),
                });
                values.push(row);
            }
            let base_values = values[base].clone();
            let deltas: Vec<Vec<Decimal>> = values
                .iter()
                .map(|v| v.iter().zip(&base_values).map(|(a, b)| a - b).collect())
                .collect();
            let percents = deltas
                .iter()
                .map(|d| {
                    d.iter()
                        .zip(&base_values)
                        .map(|(delta, b)| percent(*delta, *b))
                        .collect()
                })
                .collect();
            let period_deltas: Vec<Decimal> = period.iter().map(|p| p - period[base]).collect();
            let period_percents = period_deltas
                .iter()
                .map(|d| percent(*d, period[base]))
                .collect();
            FigureRow {
                key: figure.key(),
                unit: figure.unit(),
                figure,
                values,
                deltas,
                percents,
                period,
                period_deltas,
                period_percents,
            }
        })
        .collect()
}

/// Key figures of every scenario, aligned by key and year, with differences to `base`.
pub fn figure_rows(scenarios: &[Scenario], base: usize) -> Vec<FigureRow> {
    if scenarios.is_empty() {
        return Vec::new();
    }
    let figures = scenarios
        .iter()
        .flat_map(|s| key_figures_of(&s.summary))
        .collect();
    rows_of(scenarios, base, figures)
}

/// Where the money ends: cumulative balance, each reserve (matched by name) and all reserves
/// together, at the end of each year and of the period.
pub fn money_rows(scenarios: &[Scenario], base: usize) -> Vec<FigureRow> {
    if scenarios.is_empty() {
        return Vec::new();
    }
    let mut figures: Vec<Figure> = Vec::new();
    for s in scenarios {
        for f in money_figures_of(&s.summary) {
            let known = figures.iter().any(|g| match (g, &f) {
                (Figure::Reserve { name: a, .. }, Figure::Reserve { name: b, .. }) => a == b,
                _ => *g == f,
            });
            if !known {
                figures.push(f);
            }
        }
    }
    // All reserves together last, after every fund of every scenario.
    figures.sort_by_key(|f| matches!(f, Figure::ReservesTotal));
    rows_of(scenarios, base, figures)
}
