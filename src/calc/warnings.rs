//! Consistency checks: things a plan may contain but a coordinator should look at.

use super::Summary;
use crate::model::{GoalKind, Id, OutputKind, Plan, PrintedTotal, Side, same_key, side_of_code};
use rust_decimal::{Decimal, RoundingStrategy};

/// Where a warning points, so the editor can jump there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningPlace {
    Staffing {
        year: i32,
    },
    Goal(Id),
    Activity {
        goal: Id,
        activity: Id,
    },
    Budget,
    /// An account section in the Budget panel, and the line in it when the warning is about one.
    Account {
        section: Id,
        line: Option<Id>,
    },
    /// A realised year in the "plan and actuals" panel.
    Actuals {
        year: i32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// FTE allocated to goals and lines differs from the FTE on the payroll.
    FteMismatch {
        year: i32,
        allocated: Decimal,
        available: Decimal,
    },
    ActivityOutsidePeriod {
        goal: Id,
        goal_code: String,
        activity: Id,
        description: String,
        first_year: i32,
        last_year: i32,
    },
    GoalWithoutIndicators {
        goal: Id,
        goal_code: String,
    },
    /// The yearly balances do not add up to zero or more over the period.
    BalanceNotClosed {
        total: Decimal,
    },
    /// A reserve fund would go below zero.
    ReserveNegative {
        fund: Id,
        name: String,
        year: i32,
        balance: Decimal,
    },
    /// An account code used by more than one line of a section (for every line after the first).
    DuplicateAccountCode {
        section: Id,
        section_name: String,
        line: Id,
        code: String,
    },
    /// A class-6 (cost) account on the income side, or a class-7 (income) account on the cost side.
    AccountOnWrongSide {
        section: Id,
        line: Id,
        code: String,
        name: String,
        side: Side,
    },
    /// An account line without a code.
    EmptyAccountCode {
        section: Id,
        section_name: String,
        line: Id,
        name: String,
    },
    /// An account line with a negative amount (the first such year).
    NegativeAccountLine {
        section: Id,
        line: Id,
        code: String,
        name: String,
        year: i32,
        amount: Decimal,
    },
    /// A section total as the source printed it differs from the sum of the section's lines.
    PrintedTotalMismatch {
        section: Id,
        section_name: String,
        side: Side,
        year: i32,
        printed: Decimal,
        computed: Decimal,
    },
    /// A total the yearly report printed differs from the sum of the realised result lines.
    ActualPrintedTotalMismatch {
        year: i32,
        total: PrintedTotal,
        printed: Decimal,
        computed: Decimal,
    },
    /// The counts per target group of an output figure do not add up to the figure.
    ActualPartsMismatch {
        year: i32,
        output: Id,
        kind: OutputKind,
        label: String,
        total: Decimal,
        parts: Decimal,
    },
    /// The percentages per target group of an output figure do not add up to 100.
    ActualPercentagesNotHundred {
        year: i32,
        output: Id,
        kind: OutputKind,
        label: String,
        sum: Decimal,
    },
    /// A printed percentage does not match its count: `count` of `whole` is `computed` %.
    /// `group` names the target group, or is `None` for the figure's own share.
    ActualPercentMismatch {
        year: i32,
        output: Id,
        kind: OutputKind,
        label: String,
        group: Option<String>,
        percent: Decimal,
        count: Decimal,
        whole: Decimal,
        computed: Decimal,
    },
    /// More FTE effectively available than on the payroll.
    ActualAvailableAbovePayroll {
        year: i32,
        staff: Id,
        name: String,
        payroll: Decimal,
        available: Decimal,
    },
}

/// Whether a printed total agrees with the computed one: equal, or equal once the computed value
/// is rounded to the decimals the printed one shows (a total printed to the euro, `1.235`, agrees
/// with lines summing to `1.234,56`).
pub fn printed_total_matches(printed: Decimal, computed: Decimal) -> bool {
    let printed = printed.normalize();
    printed == computed
        || printed
            == computed
                .round_dp_with_strategy(printed.scale(), RoundingStrategy::MidpointAwayFromZero)
}

impl Warning {
    pub fn place(&self) -> WarningPlace {
        match self {
            Warning::FteMismatch { year, .. } => WarningPlace::Staffing { year: *year },
            Warning::ActivityOutsidePeriod { goal, activity, .. } => WarningPlace::Activity {
                goal: *goal,
                activity: *activity,
            },
            Warning::GoalWithoutIndicators { goal, .. } => WarningPlace::Goal(*goal),
            Warning::BalanceNotClosed { .. } | Warning::ReserveNegative { .. } => {
                WarningPlace::Budget
            }
            Warning::DuplicateAccountCode { section, line, .. }
            | Warning::AccountOnWrongSide { section, line, .. }
            | Warning::EmptyAccountCode { section, line, .. }
            | Warning::NegativeAccountLine { section, line, .. } => WarningPlace::Account {
                section: *section,
                line: Some(*line),
            },
            Warning::PrintedTotalMismatch { section, .. } => WarningPlace::Account {
                section: *section,
                line: None,
            },
            Warning::ActualPrintedTotalMismatch { year, .. }
            | Warning::ActualPartsMismatch { year, .. }
            | Warning::ActualPercentagesNotHundred { year, .. }
            | Warning::ActualPercentMismatch { year, .. }
            | Warning::ActualAvailableAbovePayroll { year, .. } => {
                WarningPlace::Actuals { year: *year }
            }
        }
    }
}

pub(super) fn check(plan: &Plan, summary: &Summary) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if !plan.available_fte.is_empty() {
        for (i, &year) in summary.years.iter().enumerate() {
            let allocated = summary.fte_total[i];
            let available = summary.fte_available[i];
            if allocated != available {
                warnings.push(Warning::FteMismatch {
                    year,
                    allocated,
                    available,
                });
            }
        }
    }
    for (sd, od) in plan.operational_goals() {
        let _ = sd;
        for activity in &od.activities {
            if activity.first_year < plan.meta.first_year
                || activity.last_year > plan.meta.last_year
            {
                warnings.push(Warning::ActivityOutsidePeriod {
                    goal: od.id,
                    goal_code: od.code.clone(),
                    activity: activity.id,
                    description: activity.description.clone(),
                    first_year: activity.first_year,
                    last_year: activity.last_year,
                });
            }
        }
    }
    for sd in &plan.strategic_goals {
        // Indicators may sit on the strategic goal or on its operational goals.
        let has_indicators = !sd.indicators.is_empty()
            || sd
                .operational_goals
                .iter()
                .any(|od| !od.indicators.is_empty());
        if sd.kind == GoalKind::External && !has_indicators {
            warnings.push(Warning::GoalWithoutIndicators {
                goal: sd.id,
                goal_code: sd.code.clone(),
            });
        }
    }
    let total: Decimal = summary.balance.iter().sum();
    if total < Decimal::ZERO {
        warnings.push(Warning::BalanceNotClosed { total });
    }
    for row in &summary.reserves {
        if let Some((i, balance)) = row
            .values
            .iter()
            .enumerate()
            .find(|(_, b)| **b < Decimal::ZERO)
        {
            warnings.push(Warning::ReserveNegative {
                fund: row.id,
                name: row.label.clone(),
                year: summary.years[i],
                balance: *balance,
            });
        }
    }
    check_accounts(plan, summary, &mut warnings);
    super::actuals::check(plan, &summary.actuals, &mut warnings);
    warnings
}

fn check_accounts(plan: &Plan, summary: &Summary, warnings: &mut Vec<Warning>) {
    for (section, totals) in plan.accounts.iter().zip(&summary.account_sections) {
        for (i, line) in section.lines.iter().enumerate() {
            if line.code.trim().is_empty() {
                warnings.push(Warning::EmptyAccountCode {
                    section: section.id,
                    section_name: section.name.clone(),
                    line: line.id,
                    name: line.name.clone(),
                });
            } else if section.lines[..i]
                .iter()
                .any(|earlier| same_key(&earlier.code, &line.code))
            {
                warnings.push(Warning::DuplicateAccountCode {
                    section: section.id,
                    section_name: section.name.clone(),
                    line: line.id,
                    code: line.code.trim().to_string(),
                });
            }
            if side_of_code(&line.code).is_some_and(|side| side != line.side) {
                warnings.push(Warning::AccountOnWrongSide {
                    section: section.id,
                    line: line.id,
                    code: line.code.clone(),
                    name: line.name.clone(),
                    side: line.side,
                });
            }
            if let Some((year, amount)) = summary
                .years
                .iter()
                .map(|&y| (y, line.amounts.value(y)))
                .find(|(_, v)| *v < Decimal::ZERO)
            {
                warnings.push(Warning::NegativeAccountLine {
                    section: section.id,
                    line: line.id,
                    code: line.code.clone(),
                    name: line.name.clone(),
                    year,
                    amount,
                });
            }
        }
        for (side, computed) in [(Side::Cost, &totals.cost), (Side::Income, &totals.income)] {
            for (&year, &printed) in &section.printed(side).0 {
                let Some(i) = summary.year_index(year) else {
                    continue;
                };
                if !printed_total_matches(printed, computed[i]) {
                    warnings.push(Warning::PrintedTotalMismatch {
                        section: section.id,
                        section_name: section.name.clone(),
                        side,
                        year,
                        printed,
                        computed: computed[i],
                    });
                }
            }
        }
    }
}
