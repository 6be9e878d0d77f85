//! The key figures of a plan: the one list `planbord summary`, the comparison, the exports and
//! the reports show, each figure with its stable key, its unit, how it sums up over the period,
//! whether more is better, and its values in a [`Summary`]. Their names are in
//! [`crate::i18n::figure_label`].

use super::{Series, Summary};
use crate::model::{ActualFigure, BudgetBasis, Id};
use rust_decimal::Decimal;

/// What a figure measures, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Fte,
    Euro,
}

/// A key figure. Its key is the one `planbord summary --format csv` uses.
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

/// The key figures of a plan, in the order `planbord summary` shows them: FTE (in total, per
/// group, per strategic goal, available), personnel, operating and overhead cost (per goal where
/// there are goals), other cost on the account basis, expenses, income, requested subsidy,
/// balance, carry-over, result, each reserve fund, and on the account basis or with account
/// sections each section's cost and income and the accounts' totals.
pub fn key_figures(summary: &Summary) -> Vec<Figure> {
    let goals =
        |figure: fn(String) -> Figure| summary.goals.iter().map(move |g| figure(g.code.clone()));
    let mut figures = vec![Figure::FteTotal, Figure::FteService, Figure::FteSupport];
    figures.extend(goals(Figure::FteGoal));
    figures.extend([
        Figure::FteAvailable,
        Figure::PersonnelCost,
        Figure::PersonnelService,
        Figure::PersonnelSupport,
    ]);
    figures.extend(goals(Figure::PersonnelGoal));
    figures.push(Figure::OperatingCost);
    figures.extend(goals(Figure::OperatingGoal));
    figures.push(Figure::OverheadCost);
    if summary.budget_basis == BudgetBasis::Accounts {
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
    figures.extend(summary.reserves.iter().map(|r| Figure::Reserve {
        id: r.id,
        name: r.label.clone(),
    }));
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

/// Realised, or realised minus planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActualKind {
    Realised,
    Difference,
}

/// A figure of the realised years: a value only for the years that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualKeyFigure {
    pub figure: ActualFigure,
    pub kind: ActualKind,
    /// The code of the strategic goal of a goal's figure.
    pub goal: Option<String>,
    pub unit: Unit,
    /// Per plan year; `None` for a year without actuals (or without this figure).
    pub values: Vec<Option<Decimal>>,
}

impl ActualKeyFigure {
    /// `actual.cost.total`, `diff.cost.operating.SD1` ...
    pub fn key(&self) -> String {
        let prefix = match self.kind {
            ActualKind::Realised => "actual",
            ActualKind::Difference => "diff",
        };
        let key = match (self.figure, &self.goal) {
            (ActualFigure::FtePayroll, _) => "fte.payroll".to_string(),
            (ActualFigure::Personnel, _) => "cost.personnel".to_string(),
            (ActualFigure::OperatingGoal(_), Some(code)) => format!("cost.operating.{code}"),
            (ActualFigure::CostTotal, _) => "cost.total".to_string(),
            (ActualFigure::IncomeTotal, _) => "income.total".to_string(),
            (ActualFigure::Balance, _) => "balance".to_string(),
            (figure, _) => format!("{figure:?}").to_lowercase(),
        };
        format!("{prefix}.{key}")
    }
}

/// The realised key figures and their differences with the plan (realised minus planned), in
/// this order: `actual.fte.payroll`, `actual.cost.personnel`, `actual.cost.operating.<SD>` per
/// strategic goal, `actual.cost.total`, `actual.income.total`, `actual.balance`, then the same
/// keys with `diff.` in place of `actual.`. A value only for the realised years that report the
/// figure (result lines for money, staff for FTE).
pub fn actual_key_figures(summary: &Summary) -> Vec<ActualKeyFigure> {
    let mut figures: Vec<(ActualFigure, Option<String>, Unit)> = vec![
        (ActualFigure::FtePayroll, None, Unit::Fte),
        (ActualFigure::Personnel, None, Unit::Euro),
    ];
    for goal in &summary.goals {
        figures.push((
            ActualFigure::OperatingGoal(goal.id),
            Some(goal.code.clone()),
            Unit::Euro,
        ));
    }
    figures.extend([
        (ActualFigure::CostTotal, None, Unit::Euro),
        (ActualFigure::IncomeTotal, None, Unit::Euro),
        (ActualFigure::Balance, None, Unit::Euro),
    ]);
    let mut rows = Vec::new();
    for kind in [ActualKind::Realised, ActualKind::Difference] {
        for (figure, goal, unit) in &figures {
            let values = summary
                .years
                .iter()
                .map(|&year| {
                    let compared = summary.actuals.year(year)?.figure(*figure)?;
                    match kind {
                        ActualKind::Realised => compared.realised,
                        ActualKind::Difference => compared.difference,
                    }
                })
                .collect();
            rows.push(ActualKeyFigure {
                figure: *figure,
                kind,
                goal: goal.clone(),
                unit: *unit,
                values,
            });
        }
    }
    rows
}
