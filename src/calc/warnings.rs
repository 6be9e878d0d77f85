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
    /// The salary profiles in the Staffing panel.
    SalaryProfiles,
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
    /// FTE on a goal or line whose salary profile has no cost for that year: salary cost 0.
    FteWithoutCost {
        /// The goal or staff line, by code or name.
        owner: String,
        profile: String,
        year: i32,
    },
    /// FTE is allocated in a year while no FTE is available on the payroll.
    NoFteAvailable {
        year: i32,
        allocated: Decimal,
    },
    /// A plan year with income but no costs (e.g. after widening the period).
    YearWithoutCosts {
        year: i32,
    },
    /// A plan year with costs but no income.
    YearWithoutIncome {
        year: i32,
    },
    /// The plan has income but no income line (or account) marked as subsidy.
    NoSubsidyLine,
    /// A salary profile without any cost per FTE (e.g. the template's placeholder).
    ProfileWithoutCost {
        profile: String,
    },
    /// FTE allocated to goals and lines differs from the FTE on the payroll.
    FteMismatch {
        year: i32,
        allocated: Decimal,
        available: Decimal,
        /// Allocated minus available.
        difference: Decimal,
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
            Warning::FteMismatch { year, .. }
            | Warning::NoFteAvailable { year, .. }
            | Warning::FteWithoutCost { year, .. } => WarningPlace::Staffing { year: *year },
            Warning::ProfileWithoutCost { .. } => WarningPlace::SalaryProfiles,
            Warning::YearWithoutCosts { .. }
            | Warning::YearWithoutIncome { .. }
            | Warning::NoSubsidyLine => WarningPlace::Budget,
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

/// What a colleague would point at: FTE without cost, FTE without payroll, a year with money on
/// one side only, no subsidy line, a salary profile without amounts.
fn colleague_checks(plan: &Plan, summary: &Summary, warnings: &mut Vec<Warning>) {
    for profile in &summary.profile_costs {
        if profile.values.iter().all(|v| v.is_zero()) {
            warnings.push(Warning::ProfileWithoutCost {
                profile: profile.label.clone(),
            });
        }
    }
    let profile_cost = |id: Id, i: usize| {
        summary
            .profile_costs
            .iter()
            .find(|p| p.id == id)
            .map_or(Decimal::ZERO, |p| p.values[i])
    };
    let profile_name = |id: Id| {
        plan.salary_profile(id)
            .map_or_else(|| "?".to_string(), |p| p.name.clone())
    };
    let owners = plan
        .operational_goals()
        .map(|(_, od)| (od.code.clone(), od.salary_profile, &od.fte))
        .chain(
            plan.staff_lines
                .iter()
                .map(|l| (l.name.clone(), l.salary_profile, &l.fte)),
        );
    for (owner, profile, fte) in owners {
        // Once per owner: the first year it happens.
        let first = summary.years.iter().enumerate().find(|(i, year)| {
            fte.get(**year) > Decimal::ZERO && profile_cost(profile, *i).is_zero()
        });
        if let Some((_, year)) = first {
            warnings.push(Warning::FteWithoutCost {
                owner,
                profile: profile_name(profile),
                year: *year,
            });
        }
    }
    for (i, &year) in summary.years.iter().enumerate() {
        let allocated = summary.fte_total[i];
        if allocated > Decimal::ZERO && summary.fte_available[i].is_zero() {
            warnings.push(Warning::NoFteAvailable { year, allocated });
        }
    }
    // A year with money on one side only, when the plan has money in other years.
    let has_money = summary.expenses_total.iter().any(|v| !v.is_zero())
        || summary.income_total.iter().any(|v| !v.is_zero());
    if has_money {
        for (i, &year) in summary.years.iter().enumerate() {
            let (cost, income) = (summary.expenses_total[i], summary.income_total[i]);
            if cost.is_zero() && !income.is_zero() {
                warnings.push(Warning::YearWithoutCosts { year });
            } else if income.is_zero() && !cost.is_zero() {
                warnings.push(Warning::YearWithoutIncome { year });
            }
        }
    }
    if summary.income_total.iter().any(|v| !v.is_zero())
        && summary.requested_subsidy.iter().all(|v| v.is_zero())
    {
        warnings.push(Warning::NoSubsidyLine);
    }
}

pub(super) fn check(plan: &Plan, summary: &Summary) -> Vec<Warning> {
    let mut warnings = Vec::new();
    colleague_checks(plan, summary, &mut warnings);
    if !plan.available_fte.is_empty() {
        for (i, &year) in summary.years.iter().enumerate() {
            let allocated = summary.fte_total[i];
            let available = summary.fte_available[i];
            if allocated != available {
                warnings.push(Warning::FteMismatch {
                    year,
                    allocated,
                    available,
                    difference: summary.fte_difference[i],
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
