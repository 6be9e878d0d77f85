//! Consistency checks: things a plan may contain but a coordinator should look at.

use super::Summary;
use crate::model::{GoalKind, Id, Plan};
use rust_decimal::Decimal;

/// Where a warning points, so the editor can jump there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningPlace {
    Staffing { year: i32 },
    Goal(Id),
    Activity { goal: Id, activity: Id },
    Budget,
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
    warnings
}
