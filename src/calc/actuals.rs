//! Plan against realisation: everything derived from the realised years ([`crate::model::Actuals`]).
//!
//! Per realised year, for the figures of [`ActualFigure`], the planned figure (from the plan's
//! [`Summary`]), the realised one (from the result lines and the staff of the year), the
//! difference (realised minus planned) and the difference as a percentage of the planned figure.
//! Realised result lines count by their category: personnel, operating (per strategic goal when
//! the line names one), overhead, other costs; subsidy and other income. The planned side:
//!
//! | figure | planned | realised |
//! |---|---|---|
//! | FTE on the payroll | the plan's FTE on the payroll (`available_fte`; the FTE allocated when it has none) | the staff's payroll FTE |
//! | FTE effectively available | the FTE the plan allocates to goals and lines | the staff's available FTE |
//! | personnel | personnel cost | personnel lines |
//! | operating | operating cost | operating lines |
//! | operating of a strategic goal | the goal's operating cost charged to the year | operating lines of that goal |
//! | operating not tied to a goal | operating cost minus that of the goals | operating lines without a goal |
//! | overhead, other costs | overhead, other costs | overhead lines, other cost lines |
//! | total costs | expenses | every cost line |
//! | subsidy | requested subsidy | subsidy lines |
//! | other income | income minus the requested subsidy | other income lines |
//! | total income | income | every income line |
//! | balance | balance (saldo) | income minus costs |
//!
//! A year without result lines has no realised money figures, one without staff no realised FTE
//! (`realised` is `None`, not zero). "To date" adds the realised years up (planned over the same
//! years, per figure only the years that have it); FTE are averaged instead.
//!
//! Indicators: the realised value of a year is the indicator's value in
//! [`crate::model::Indicator::actuals`], read as where the indicator stands that year (for a
//! count over the period: the count so far). See [`Verdict`] for how it is judged.

use super::{Summary, Warning, printed_total_matches};
use crate::model::{
    AccountCategory, ActivityStatus, ActualFigure, Comparator, Id, Indicator, Milestone, Plan,
    PrintedTotal, Side, Target, YearActuals,
};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// What a compared figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureUnit {
    Fte,
    Euro,
}

/// One figure, planned against realised.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    pub figure: ActualFigure,
    /// The strategic goal's code, for a figure of one goal.
    pub code: Option<String>,
    pub unit: FigureUnit,
    pub planned: Decimal,
    /// `None` when the year reports nothing for this figure.
    pub realised: Option<Decimal>,
    /// Realised minus planned.
    pub difference: Option<Decimal>,
    /// The difference as a percentage of the planned figure; `None` when nothing was planned or
    /// nothing realised.
    pub percent: Option<Decimal>,
    /// The difference is at least the threshold (or something was realised where nothing was
    /// planned).
    pub beyond_threshold: bool,
    /// A part of the figure above it (the operating cost of one goal).
    pub is_part: bool,
}

/// The realised lines of one side and category, added up.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryAmount {
    pub side: Side,
    pub category: AccountCategory,
    pub amount: Decimal,
}

/// A total the report printed, against the one its lines give.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedCheck {
    pub total: PrintedTotal,
    pub printed: Decimal,
    pub computed: Decimal,
    pub matches: bool,
}

/// The realised lines of a year added up.
#[derive(Debug, Clone, PartialEq)]
pub struct RealisedTotals {
    pub cost: Decimal,
    pub income: Decimal,
    /// Income minus costs.
    pub result: Decimal,
    /// Per side and category, in the order of [`AccountCategory::for_side`] (costs first).
    pub by_category: Vec<CategoryAmount>,
    pub printed: Vec<PrintedCheck>,
}

/// The realised lines of one strategic goal (or of none), added up.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRealised {
    /// `None`: the lines that name no goal.
    pub goal: Option<Id>,
    pub code: Option<String>,
    pub cost: Decimal,
    pub income: Decimal,
    pub operating: Decimal,
}

/// One function of the realised staff, with the FTE planned for what it is planned as.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffComparison {
    pub id: Id,
    pub name: String,
    pub planned: Option<Decimal>,
    pub payroll: Decimal,
    pub available: Decimal,
}

/// How an indicator fares in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The value meets the target, or the milestone is achieved.
    Met,
    /// Not met, but the target lies ahead: its year (or, for a target over the period, the end
    /// of the period) is still to come.
    NotYetMet,
    /// Not met in the target's year or later (or at the end of the period).
    NotMet,
    /// No value and no milestone state for the year.
    NotMeasured,
    /// The milestone was dropped.
    Dropped,
    /// Measured, but the indicator has no target to judge it by.
    NoTarget,
}

/// An indicator in a realised year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    pub indicator: Id,
    /// The code of the goal it belongs to; `None` for a general indicator.
    pub goal_code: Option<String>,
    pub text: String,
    pub target: Option<Target>,
    pub realised: Option<Decimal>,
    pub milestone: Option<Milestone>,
    pub verdict: Verdict,
}

/// Planned activities by what became of them, and the additions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActivityCounts {
    pub done: usize,
    pub ongoing: usize,
    pub postponed: usize,
    pub replaced: usize,
    pub dropped: usize,
    /// Planned for the year (or reported) without a status yet.
    pub unreported: usize,
    /// Carried out without being planned.
    pub added: usize,
}

impl ActivityCounts {
    pub fn of(&self, status: ActivityStatus) -> usize {
        match status {
            ActivityStatus::Done => self.done,
            ActivityStatus::Ongoing => self.ongoing,
            ActivityStatus::Postponed => self.postponed,
            ActivityStatus::Replaced => self.replaced,
            ActivityStatus::Dropped => self.dropped,
        }
    }

    fn count(&mut self, status: ActivityStatus) {
        match status {
            ActivityStatus::Done => self.done += 1,
            ActivityStatus::Ongoing => self.ongoing += 1,
            ActivityStatus::Postponed => self.postponed += 1,
            ActivityStatus::Replaced => self.replaced += 1,
            ActivityStatus::Dropped => self.dropped += 1,
        }
    }
}

/// One realised year against the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct YearComparison {
    pub year: i32,
    pub figures: Vec<FigureComparison>,
    pub totals: RealisedTotals,
    /// Per strategic goal in plan order, then the lines without a goal (when there are any).
    pub by_goal: Vec<GoalRealised>,
    pub staff: Vec<StaffComparison>,
    /// General indicators, then those of every goal in plan order.
    pub indicators: Vec<IndicatorResult>,
    pub activities: ActivityCounts,
    /// FTE per goal: every strategic goal (realised: the sum of its operational goals that
    /// report FTE) followed by its operational goals (parts), then all goals together
    /// ([`ActualFigure::FteGoals`]). Realised only where the year reports FTE per goal.
    pub fte_by_goal: Vec<FigureComparison>,
    /// Every reserve fund at the end of the year: planned, and (for the fund that receives the
    /// balance, in a year with result lines) moved by the realised results of the realised
    /// years so far instead of the planned ones.
    pub reserves: Vec<FigureComparison>,
}

impl YearComparison {
    pub fn figure(&self, figure: ActualFigure) -> Option<&FigureComparison> {
        self.figures.iter().find(|f| f.figure == figure)
    }

    pub fn indicator(&self, id: Id) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.indicator == id)
    }
}

/// The realised years together.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodComparison {
    pub years: Vec<i32>,
    pub figures: Vec<FigureComparison>,
    /// Each planned activity counted once, by its latest report; every addition counted.
    pub activities: ActivityCounts,
    /// FTE per goal, averaged over the years that report it (realised `None` and planned zero
    /// for a goal no year reports).
    pub fte_by_goal: Vec<FigureComparison>,
    /// The reserve funds at the end of the last realised year.
    pub reserves: Vec<FigureComparison>,
}

impl PeriodComparison {
    pub fn figure(&self, figure: ActualFigure) -> Option<&FigureComparison> {
        self.figures.iter().find(|f| f.figure == figure)
    }
}

/// Planned and realised per plan year (aligned with [`Summary::years`]), for the charts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActualsChart {
    pub years: Vec<i32>,
    pub planned_cost: Vec<Decimal>,
    pub realised_cost: Vec<Option<Decimal>>,
    pub planned_income: Vec<Decimal>,
    pub realised_income: Vec<Option<Decimal>>,
    pub planned_fte: Vec<Decimal>,
    pub realised_fte: Vec<Option<Decimal>>,
}

/// Everything the "plan and actuals" panel, the reports and the exports show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActualsSummary {
    pub threshold_percent: Decimal,
    /// One per realised year, in year order.
    pub years: Vec<YearComparison>,
    /// `None` without realised years.
    pub to_date: Option<PeriodComparison>,
    pub chart: ActualsChart,
}

impl ActualsSummary {
    pub fn year(&self, year: i32) -> Option<&YearComparison> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }
}

/// Whether a difference stands out: at least `threshold_percent` of the planned figure, or
/// anything at all where nothing was planned. A zero difference never does.
pub fn beyond_threshold(planned: Decimal, difference: Decimal, threshold_percent: Decimal) -> bool {
    if difference.is_zero() {
        return false;
    }
    if planned.is_zero() {
        return true;
    }
    difference.abs() * Decimal::ONE_HUNDRED >= threshold_percent * planned.abs()
}

fn comparison(
    figure: ActualFigure,
    code: Option<String>,
    unit: FigureUnit,
    planned: Decimal,
    realised: Option<Decimal>,
    threshold: Decimal,
) -> FigureComparison {
    let difference = realised.map(|r| r - planned);
    let percent = difference
        .filter(|_| !planned.is_zero())
        .and_then(|d| (d * Decimal::ONE_HUNDRED).checked_div(planned.abs()));
    FigureComparison {
        figure,
        code,
        unit,
        planned,
        realised,
        difference,
        percent,
        beyond_threshold: difference.is_some_and(|d| beyond_threshold(planned, d, threshold)),
        is_part: matches!(
            figure,
            ActualFigure::OperatingGoal(_) | ActualFigure::OperatingUnassigned
        ),
    }
}

/// The sum of the realised lines of a side (and category, if given, and goal filter).
fn lines_sum(
    year: &YearActuals,
    side: Side,
    category: Option<AccountCategory>,
    goal: Option<Option<Id>>,
) -> Decimal {
    year.result_lines
        .iter()
        .filter(|l| l.side == side)
        .filter(|l| category.is_none_or(|c| l.category == c))
        .filter(|l| goal.is_none_or(|g| l.goal == g))
        .map(|l| l.amount)
        .sum()
}

/// The FTE a plan item (staff line or salary profile) is planned with in `year`.
fn planned_fte(plan: &Plan, id: Id, year: i32) -> Option<Decimal> {
    if let Some(line) = plan.staff_lines.iter().find(|l| l.id == id) {
        return Some(line.fte.get(year));
    }
    plan.salary_profile(id)?;
    let goals: Decimal = plan
        .operational_goals()
        .filter(|(_, od)| od.salary_profile == id)
        .map(|(_, od)| od.fte.get(year))
        .sum();
    let lines: Decimal = plan
        .staff_lines
        .iter()
        .filter(|l| l.salary_profile == id)
        .map(|l| l.fte.get(year))
        .sum();
    Some(goals + lines)
}

/// Every indicator of the plan with the code of its goal (`None` for general ones), in plan order.
pub fn indicators_with_goal(plan: &Plan) -> Vec<(Option<&str>, &Indicator)> {
    let mut all: Vec<(Option<&str>, &Indicator)> =
        plan.general_indicators.iter().map(|i| (None, i)).collect();
    for sd in &plan.strategic_goals {
        all.extend(sd.indicators.iter().map(|i| (Some(sd.code.as_str()), i)));
        for od in &sd.operational_goals {
            all.extend(od.indicators.iter().map(|i| (Some(od.code.as_str()), i)));
        }
    }
    all
}

/// Whether `value` meets `target`.
pub fn meets(target: &Target, value: Decimal) -> bool {
    match target.comparator {
        Comparator::AtLeast => value >= target.value,
        Comparator::AtMost => value <= target.value,
        Comparator::Exactly => value == target.value,
    }
}

/// How an indicator fares in `year` of a plan ending in `last_year`:
/// - a milestone state decides first: achieved is met, dropped is dropped, not yet is "not yet
///   met" while the target lies ahead and "not met" after;
/// - otherwise a value for the year is compared with the target (without target: measured, no
///   target); without a value: not measured;
/// - the target lies ahead while the year comes before the target's year, or, for a target over
///   the whole period, before the last plan year.
pub fn verdict(
    target: Option<&Target>,
    realised: Option<Decimal>,
    milestone: Option<Milestone>,
    year: i32,
    last_year: i32,
) -> Verdict {
    let ahead = match target.and_then(|t| t.year) {
        Some(target_year) => year < target_year,
        None => year < last_year,
    };
    let not_met = if ahead {
        Verdict::NotYetMet
    } else {
        Verdict::NotMet
    };
    match milestone {
        Some(Milestone::Achieved) => return Verdict::Met,
        Some(Milestone::Dropped) => return Verdict::Dropped,
        Some(Milestone::NotYet) => return not_met,
        None => {}
    }
    match (target, realised) {
        (_, None) => Verdict::NotMeasured,
        (None, Some(_)) => Verdict::NoTarget,
        (Some(t), Some(value)) if meets(t, value) => Verdict::Met,
        (Some(_), Some(_)) => not_met,
    }
}

/// The planned activities running in `year` (first year to last year of the activity).
fn planned_activities(plan: &Plan, year: i32) -> impl Iterator<Item = Id> + '_ {
    plan.operational_goals()
        .flat_map(|(_, od)| od.activities.iter())
        .filter(move |a| a.first_year <= year && year <= a.last_year)
        .map(|a| a.id)
}

fn year_comparison(
    plan: &Plan,
    summary: &Summary,
    year: &YearActuals,
    t: Decimal,
) -> YearComparison {
    let y = year.year;
    let i = summary.year_index(y);
    let at = |series: &[Decimal]| i.map(|i| series[i]).unwrap_or_default();
    let has_result = !year.result_lines.is_empty();
    let has_staff = !year.staff.is_empty();
    let money = |value: Decimal| has_result.then_some(value);
    let cost = |category| lines_sum(year, Side::Cost, Some(category), None);

    let payroll: Decimal = year.staff.iter().map(|s| s.payroll_fte).sum();
    let available: Decimal = year.staff.iter().map(|s| s.available_fte).sum();
    let planned_payroll = if plan.available_fte.is_empty() {
        at(&summary.fte_total)
    } else {
        at(&summary.fte_available)
    };
    let mut figures = vec![
        comparison(
            ActualFigure::FtePayroll,
            None,
            FigureUnit::Fte,
            planned_payroll,
            has_staff.then_some(payroll),
            t,
        ),
        comparison(
            ActualFigure::FteAvailable,
            None,
            FigureUnit::Fte,
            at(&summary.fte_total),
            has_staff.then_some(available),
            t,
        ),
    ];
    let euro = |figure, code, planned, realised: Option<Decimal>| {
        comparison(figure, code, FigureUnit::Euro, planned, realised, t)
    };
    figures.push(euro(
        ActualFigure::Personnel,
        None,
        at(&summary.personnel_total),
        money(cost(AccountCategory::Personnel)),
    ));
    let operating_realised = cost(AccountCategory::Operating);
    figures.push(euro(
        ActualFigure::Operating,
        None,
        at(&summary.operating_total),
        money(operating_realised),
    ));
    let mut goals_planned = Decimal::ZERO;
    for (sd, figures_of_goal) in plan.strategic_goals.iter().zip(&summary.goals) {
        let planned = at(&figures_of_goal.operating);
        goals_planned += planned;
        let realised = lines_sum(
            year,
            Side::Cost,
            Some(AccountCategory::Operating),
            Some(Some(sd.id)),
        );
        figures.push(euro(
            ActualFigure::OperatingGoal(sd.id),
            Some(sd.code.clone()),
            planned,
            money(realised),
        ));
    }
    let unassigned = lines_sum(
        year,
        Side::Cost,
        Some(AccountCategory::Operating),
        Some(None),
    );
    let unassigned_planned = at(&summary.operating_total) - goals_planned;
    if !unassigned.is_zero() || !unassigned_planned.is_zero() {
        figures.push(euro(
            ActualFigure::OperatingUnassigned,
            None,
            unassigned_planned,
            money(unassigned),
        ));
    }
    figures.push(euro(
        ActualFigure::Overhead,
        None,
        at(&summary.overhead_total),
        money(cost(AccountCategory::Overhead)),
    ));
    let other_cost = cost(AccountCategory::Other);
    if !other_cost.is_zero() || !at(&summary.other_cost).is_zero() {
        figures.push(euro(
            ActualFigure::OtherCost,
            None,
            at(&summary.other_cost),
            money(other_cost),
        ));
    }
    let cost_total = lines_sum(year, Side::Cost, None, None);
    let income_total = lines_sum(year, Side::Income, None, None);
    let subsidy = lines_sum(year, Side::Income, Some(AccountCategory::Subsidy), None);
    figures.push(euro(
        ActualFigure::CostTotal,
        None,
        at(&summary.expenses_total),
        money(cost_total),
    ));
    figures.push(euro(
        ActualFigure::Subsidy,
        None,
        at(&summary.requested_subsidy),
        money(subsidy),
    ));
    figures.push(euro(
        ActualFigure::OtherIncome,
        None,
        at(&summary.income_total) - at(&summary.requested_subsidy),
        money(income_total - subsidy),
    ));
    figures.push(euro(
        ActualFigure::IncomeTotal,
        None,
        at(&summary.income_total),
        money(income_total),
    ));
    figures.push(euro(
        ActualFigure::Balance,
        None,
        at(&summary.balance),
        money(income_total - cost_total),
    ));

    let by_category = [Side::Cost, Side::Income]
        .into_iter()
        .flat_map(|side| {
            AccountCategory::for_side(side)
                .iter()
                .map(move |&category| CategoryAmount {
                    side,
                    category,
                    amount: lines_sum(year, side, Some(category), None),
                })
        })
        .collect();
    let result = income_total - cost_total;
    let printed = PrintedTotal::ALL
        .into_iter()
        .filter_map(|total| {
            let printed = year.printed(total)?;
            let computed = match total {
                PrintedTotal::Cost => cost_total,
                PrintedTotal::Income => income_total,
                PrintedTotal::Result => result,
            };
            Some(PrintedCheck {
                total,
                printed,
                computed,
                matches: printed_total_matches(printed, computed),
            })
        })
        .collect();
    let totals = RealisedTotals {
        cost: cost_total,
        income: income_total,
        result,
        by_category,
        printed,
    };

    let goal_realised = |goal: Option<Id>, code: Option<String>| GoalRealised {
        goal,
        code,
        cost: lines_sum(year, Side::Cost, None, Some(goal)),
        income: lines_sum(year, Side::Income, None, Some(goal)),
        operating: lines_sum(
            year,
            Side::Cost,
            Some(AccountCategory::Operating),
            Some(goal),
        ),
    };
    let mut by_goal: Vec<GoalRealised> = plan
        .strategic_goals
        .iter()
        .map(|sd| goal_realised(Some(sd.id), Some(sd.code.clone())))
        .collect();
    if year.result_lines.iter().any(|l| l.goal.is_none()) {
        by_goal.push(goal_realised(None, None));
    }

    let staff = year
        .staff
        .iter()
        .map(|s| StaffComparison {
            id: s.id,
            name: s.name.clone(),
            planned: s.planned_as.and_then(|id| planned_fte(plan, id, y)),
            payroll: s.payroll_fte,
            available: s.available_fte,
        })
        .collect();

    let milestones: HashMap<Id, Milestone> = year
        .milestones
        .iter()
        .map(|m| (m.indicator, m.state))
        .collect();
    let indicators = indicators_with_goal(plan)
        .into_iter()
        .map(|(code, indicator)| {
            let realised = indicator.actuals.0.get(&y).copied();
            let milestone = milestones.get(&indicator.id).copied();
            IndicatorResult {
                indicator: indicator.id,
                goal_code: code.map(str::to_string),
                text: indicator.text.clone(),
                target: indicator.target.clone(),
                realised,
                milestone,
                verdict: verdict(
                    indicator.target.as_ref(),
                    realised,
                    milestone,
                    y,
                    plan.meta.last_year,
                ),
            }
        })
        .collect();

    let mut activities = ActivityCounts::default();
    let reported: HashSet<Id> = year.activities.iter().map(|r| r.activity).collect();
    for report in &year.activities {
        activities.count(report.status);
    }
    activities.unreported = planned_activities(plan, y)
        .filter(|id| !reported.contains(id))
        .count();
    activities.added = year.added_activities.len();

    let fte_by_goal = goal_fte_comparisons(plan, summary, year, t);

    YearComparison {
        year: y,
        figures,
        totals,
        by_goal,
        staff,
        indicators,
        activities,
        fte_by_goal,
        reserves: Vec::new(),
    }
}

/// FTE per goal planned against realised (see [`YearComparison::fte_by_goal`]).
fn goal_fte_comparisons(
    plan: &Plan,
    summary: &Summary,
    year: &YearActuals,
    t: Decimal,
) -> Vec<FigureComparison> {
    let i = summary.year_index(year.year);
    let at = |series: &[Decimal]| i.map(|i| series[i]).unwrap_or_default();
    let fte = |figure, code: &str, planned, realised| {
        comparison(
            figure,
            Some(code.to_string()),
            FigureUnit::Fte,
            planned,
            realised,
            t,
        )
    };
    let spent: HashMap<Id, Decimal> = year.goal_fte.iter().map(|g| (g.goal, g.fte)).collect();
    let mut rows = Vec::new();
    let (mut planned_all, mut realised_all, mut any) = (Decimal::ZERO, Decimal::ZERO, false);
    for (sd, figures) in plan.strategic_goals.iter().zip(&summary.goals) {
        let ods: Vec<FigureComparison> = sd
            .operational_goals
            .iter()
            .zip(&figures.operational)
            .map(|(od, f)| {
                let mut row = fte(
                    ActualFigure::FteGoal(od.id),
                    &od.code,
                    at(&f.fte),
                    spent.get(&od.id).copied(),
                );
                row.is_part = true;
                row
            })
            .collect();
        let reported: Vec<Decimal> = ods.iter().filter_map(|r| r.realised).collect();
        let realised = (!reported.is_empty()).then(|| reported.iter().sum::<Decimal>());
        planned_all += at(&figures.fte);
        if let Some(r) = realised {
            realised_all += r;
            any = true;
        }
        rows.push(fte(
            ActualFigure::FteGoal(sd.id),
            &sd.code,
            at(&figures.fte),
            realised,
        ));
        rows.extend(ods);
    }
    rows.push(comparison(
        ActualFigure::FteGoals,
        None,
        FigureUnit::Fte,
        planned_all,
        any.then_some(realised_all),
        t,
    ));
    rows
}

/// The reserve funds at the end of each realised year (see [`YearComparison::reserves`]).
fn reserve_comparisons(plan: &Plan, summary: &Summary, years: &mut [YearComparison], t: Decimal) {
    let mut moved = Decimal::ZERO;
    for comparison_of_year in years.iter_mut() {
        let balance = comparison_of_year
            .figure(ActualFigure::Balance)
            .and_then(|f| f.difference);
        if let Some(difference) = balance {
            moved += difference;
        }
        let i = summary.year_index(comparison_of_year.year);
        comparison_of_year.reserves = plan
            .funds
            .iter()
            .zip(&summary.reserves)
            .map(|(fund, row)| {
                let planned = i.map(|i| row.values[i]).unwrap_or_default();
                let realised =
                    (fund.receives_balance && balance.is_some()).then_some(planned + moved);
                comparison(
                    ActualFigure::Reserve(fund.id),
                    Some(fund.name.clone()),
                    FigureUnit::Euro,
                    planned,
                    realised,
                    t,
                )
            })
            .collect();
    }
}

/// The plan alone for `year`, as a comparison without realised figures: every figure's planned
/// value (the same figures a realised year gets, FTE per goal included) and the year's planned
/// activities, counted as unreported. What the progress report plans for the years to come.
pub fn plan_only(plan: &Plan, summary: &Summary, year: i32) -> YearComparison {
    let t = plan.actuals.threshold_percent;
    let empty = YearActuals::new(year);
    let mut only = year_comparison(plan, summary, &empty, t);
    let i = summary.year_index(year);
    only.reserves = plan
        .funds
        .iter()
        .zip(&summary.reserves)
        .map(|(fund, row)| {
            comparison(
                ActualFigure::Reserve(fund.id),
                Some(fund.name.clone()),
                FigureUnit::Euro,
                i.map(|i| row.values[i]).unwrap_or_default(),
                None,
                t,
            )
        })
        .collect();
    only
}

fn period_comparison(
    plan: &Plan,
    years: &[YearComparison],
    t: Decimal,
) -> Option<PeriodComparison> {
    let first = years.first()?;
    let figures = together(&first.figures, years, |y| &y.figures, t);
    // FTE per goal: every goal, averaged over the years that report it.
    let fte_by_goal = together(&first.fte_by_goal, years, |y| &y.fte_by_goal, t);
    let reserves = years.last().map(|y| y.reserves.clone()).unwrap_or_default();
    // Each planned activity by its latest report, every addition.
    let mut activities = ActivityCounts::default();
    // Sets, not lists: a plan of thousands of activities stays linear.
    let mut reported: HashSet<Id> = HashSet::new();
    for year in plan.actuals.years.iter().rev() {
        for report in &year.activities {
            if reported.insert(report.activity) {
                activities.count(report.status);
            }
        }
        activities.added += year.added_activities.len();
    }
    let mut planned: HashSet<Id> = HashSet::new();
    for year in years {
        planned.extend(planned_activities(plan, year.year));
    }
    activities.unreported = planned.iter().filter(|id| !reported.contains(id)).count();
    Some(PeriodComparison {
        years: years.iter().map(|y| y.year).collect(),
        figures,
        activities,
        fte_by_goal,
        reserves,
    })
}

/// The figures of `templates` over `years`: per figure only the years that realise it, euros
/// added up, FTE averaged.
fn together(
    templates: &[FigureComparison],
    years: &[YearComparison],
    rows: impl Fn(&YearComparison) -> &[FigureComparison],
    t: Decimal,
) -> Vec<FigureComparison> {
    let by_year: Vec<HashMap<ActualFigure, &FigureComparison>> = years
        .iter()
        .map(|year| rows(year).iter().map(|f| (f.figure, f)).collect())
        .collect();
    templates
        .iter()
        .map(|template| {
            let (mut planned, mut realised, mut counted) = (Decimal::ZERO, Decimal::ZERO, 0u32);
            for year in &by_year {
                if let Some(f) = year.get(&template.figure)
                    && let Some(r) = f.realised
                {
                    planned += f.planned;
                    realised += r;
                    counted += 1;
                }
            }
            let (planned, realised) = match (template.unit, counted) {
                (_, 0) => (Decimal::ZERO, None),
                (FigureUnit::Euro, _) => (planned, Some(realised)),
                (FigureUnit::Fte, n) => (
                    planned / Decimal::from(n),
                    Some(realised / Decimal::from(n)),
                ),
            };
            let mut row = comparison(
                template.figure,
                template.code.clone(),
                template.unit,
                planned,
                realised,
                t,
            );
            row.is_part = template.is_part;
            row
        })
        .collect()
}

/// Plan against realisation for every realised year of the period.
pub fn summarize_actuals(plan: &Plan, summary: &Summary) -> ActualsSummary {
    let t = plan.actuals.threshold_percent;
    let mut realised: Vec<&YearActuals> = plan
        .actuals
        .years
        .iter()
        .filter(|y| summary.year_index(y.year).is_some())
        .collect();
    realised.sort_by_key(|y| y.year);
    let mut years: Vec<YearComparison> = realised
        .iter()
        .map(|y| year_comparison(plan, summary, y, t))
        .collect();
    reserve_comparisons(plan, summary, &mut years, t);
    let to_date = period_comparison(plan, &years, t);
    let realised_of = |figure: ActualFigure| -> Vec<Option<Decimal>> {
        summary
            .years
            .iter()
            .map(|&y| {
                years
                    .iter()
                    .find(|c| c.year == y)
                    .and_then(|c| c.figure(figure))
                    .and_then(|f| f.realised)
            })
            .collect()
    };
    let planned_fte = if plan.available_fte.is_empty() {
        summary.fte_total.clone()
    } else {
        summary.fte_available.clone()
    };
    let chart = ActualsChart {
        years: summary.years.clone(),
        planned_cost: summary.expenses_total.to_vec(),
        realised_cost: realised_of(ActualFigure::CostTotal),
        planned_income: summary.income_total.to_vec(),
        realised_income: realised_of(ActualFigure::IncomeTotal),
        planned_fte: planned_fte.to_vec(),
        realised_fte: realised_of(ActualFigure::FtePayroll),
    };
    ActualsSummary {
        threshold_percent: t,
        years,
        to_date,
        chart,
    }
}

/// Percentages printed with a count: does `percent` agree with `part` of `whole`, once the
/// computed share is rounded to the decimals the percentage shows?
pub fn percent_matches(percent: Decimal, part: Decimal, whole: Decimal) -> Option<(bool, Decimal)> {
    let computed = (part * Decimal::ONE_HUNDRED).checked_div(whole)?;
    Some((printed_total_matches(percent, computed), computed))
}

/// Whether printed percentages of parts add up to 100, allowing half a unit of their last
/// printed decimal per part for rounding (`33 + 33 + 33` is fine, `62 + 40` is not).
pub fn percentages_add_up(percents: &[Decimal]) -> bool {
    let sum: Decimal = percents.iter().sum();
    let slack: Decimal = percents
        .iter()
        .map(|p| Decimal::new(5, p.normalize().scale() + 1))
        .sum();
    (sum - Decimal::ONE_HUNDRED).abs() <= slack
}

/// The checks on the realised years: printed totals against their lines, output parts against
/// their figure, percentages against their counts, available FTE against the payroll.
pub(super) fn check(plan: &Plan, actuals: &ActualsSummary, warnings: &mut Vec<Warning>) {
    for comparison in &actuals.years {
        let year = comparison.year;
        for check in &comparison.totals.printed {
            if !check.matches {
                warnings.push(Warning::ActualPrintedTotalMismatch {
                    year,
                    total: check.total,
                    printed: check.printed,
                    computed: check.computed,
                });
            }
        }
        let Some(realised) = plan.actuals.year(year) else {
            continue;
        };
        for staff in &realised.staff {
            if staff.available_fte > staff.payroll_fte {
                warnings.push(Warning::ActualAvailableAbovePayroll {
                    year,
                    staff: staff.id,
                    name: staff.name.clone(),
                    payroll: staff.payroll_fte,
                    available: staff.available_fte,
                });
            }
        }
        for figure in &realised.output {
            check_output(year, figure, warnings);
        }
    }
}

fn check_output(year: i32, figure: &crate::model::OutputFigure, warnings: &mut Vec<Warning>) {
    let (kind, label) = (figure.kind, figure.label.clone());
    if let (Some(percent), Some(whole)) = (figure.percent, figure.of_total)
        && let Some((false, computed)) = percent_matches(percent, figure.value, whole)
    {
        warnings.push(Warning::ActualPercentMismatch {
            year,
            output: figure.id,
            kind,
            label: label.clone(),
            group: None,
            percent,
            count: figure.value,
            whole,
            computed,
        });
    }
    if kind.is_score() || figure.breakdown.is_empty() {
        return;
    }
    let counts: Option<Vec<Decimal>> = figure.breakdown.iter().map(|p| p.count).collect();
    if let Some(counts) = counts {
        let parts: Decimal = counts.iter().sum();
        if parts != figure.value {
            warnings.push(Warning::ActualPartsMismatch {
                year,
                output: figure.id,
                kind,
                label: label.clone(),
                total: figure.value,
                parts,
            });
        }
    }
    let percents: Option<Vec<Decimal>> = figure.breakdown.iter().map(|p| p.percent).collect();
    if let Some(percents) = percents
        && figure.breakdown.len() > 1
        && !percentages_add_up(&percents)
    {
        warnings.push(Warning::ActualPercentagesNotHundred {
            year,
            output: figure.id,
            kind,
            label: label.clone(),
            sum: percents.iter().sum(),
        });
    }
    for part in &figure.breakdown {
        if let (Some(count), Some(percent)) = (part.count, part.percent)
            && let Some((false, computed)) = percent_matches(percent, count, figure.value)
        {
            warnings.push(Warning::ActualPercentMismatch {
                year,
                output: figure.id,
                kind,
                label: label.clone(),
                group: Some(part.target_group.clone()),
                percent,
                count,
                whole: figure.value,
                computed,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn thresholds_and_percentages() {
        assert!(beyond_threshold(dec!(100), dec!(5), dec!(5)));
        assert!(!beyond_threshold(dec!(100), dec!(4.99), dec!(5)));
        assert!(beyond_threshold(dec!(0), dec!(1), dec!(5)));
        assert!(!beyond_threshold(dec!(0), dec!(0), dec!(0)));
        assert!(percentages_add_up(&[dec!(62), dec!(38)]));
        assert!(percentages_add_up(&[dec!(33), dec!(33), dec!(33)]));
        assert!(!percentages_add_up(&[dec!(62), dec!(40)]));
        assert!(percentages_add_up(&[dec!(33.3), dec!(33.3), dec!(33.3)]));
        assert!(!percentages_add_up(&[dec!(33.3), dec!(33.3), dec!(32.9)]));
        assert_eq!(
            percent_matches(dec!(62), dec!(821), dec!(1325)).map(|(m, _)| m),
            Some(true)
        );
        assert_eq!(
            percent_matches(dec!(65), dec!(821), dec!(1325)).map(|(m, _)| m),
            Some(false)
        );
        assert_eq!(percent_matches(dec!(65), dec!(1), dec!(0)), None);
    }

    #[test]
    fn verdicts_follow_the_target_year() {
        let target = |year| Target {
            comparator: Comparator::AtLeast,
            value: dec!(70),
            unit: "%".into(),
            year,
        };
        let period = target(None);
        assert_eq!(
            verdict(Some(&period), Some(dec!(81)), None, 2022, 2025),
            Verdict::Met
        );
        assert_eq!(
            verdict(Some(&period), Some(dec!(60)), None, 2022, 2025),
            Verdict::NotYetMet
        );
        assert_eq!(
            verdict(Some(&period), Some(dec!(60)), None, 2025, 2025),
            Verdict::NotMet
        );
        assert_eq!(
            verdict(Some(&period), None, None, 2022, 2025),
            Verdict::NotMeasured
        );
        assert_eq!(
            verdict(None, Some(dec!(3)), None, 2022, 2025),
            Verdict::NoTarget
        );
        let in_2022 = target(Some(2022));
        assert_eq!(
            verdict(Some(&in_2022), Some(dec!(60)), None, 2022, 2025),
            Verdict::NotMet
        );
        assert_eq!(
            verdict(None, None, Some(Milestone::NotYet), 2022, 2025),
            Verdict::NotYetMet
        );
        assert_eq!(
            verdict(None, None, Some(Milestone::Achieved), 2025, 2025),
            Verdict::Met
        );
        assert_eq!(
            verdict(
                Some(&period),
                Some(dec!(90)),
                Some(Milestone::Dropped),
                2022,
                2025
            ),
            Verdict::Dropped
        );
    }
}
