//! The yearly report a funder reads: the jaarverslag of one realised year ([`YearReport`]) and
//! the progress report over the realised years so far ([`ProgressReport`]).
//!
//! Nothing is compared here a second way: every planned, realised and difference figure is one
//! of [`super::actuals`]' comparisons (of a year, of the years to date, or of the plan alone
//! for the years to come); this module picks them per goal and per part of the report, adds the
//! explanations the user typed and judges indicators in the funder's words:
//!
//! | [`Verdict`] (calc::actuals) | [`ReportVerdict`] | nl | en |
//! |---|---|---|---|
//! | `Met` (value meets the target, milestone achieved) | `Met` | gehaald | met |
//! | `NotYetMet` (not met, the target's year or the period's end still to come) | `OnTrack` | op koers | on track |
//! | `NotMet` (not met in the target's year or later) | `NotMet` | niet gehaald | not met |
//! | `Dropped` (the milestone was dropped) | `NotMet` | niet gehaald | not met |
//! | `NotMeasured` (no value, no milestone state) | `NoData` | geen gegevens | no data |
//! | `NoTarget` (a value, but no target to judge it by) | `NoTarget` | geen streefwaarde | no target |
//!
//! A dropped milestone will not be reached: for a funder it is not met (the report shows the
//! milestone state and the explanation next to it). An indicator without a target is not
//! judged; it gets a word of its own rather than one that would claim something.
//!
//! The progress report judges each indicator by its latest known value (the last realised year
//! that has one, or a milestone state), against the last realised year; "what remains" is, for
//! an "at least" target, how far that value is from the target. Money is added up over the
//! realised years and FTE averaged (as [`super::actuals::PeriodComparison`] does); the rest of
//! the period is every plan year without realised figures, planned as the plan has it, and the
//! expected period figure is the realised years plus the rest as planned.

use super::Summary;
use super::actuals::{
    ActivityCounts, ActualsChart, FigureComparison, FigureUnit, IndicatorResult, StaffComparison,
    Verdict, YearComparison, plan_only, verdict,
};
use crate::model::{
    ActivityReport, ActivityStatus, ActualFigure, Comparator, Id, Indicator, OperationalGoal,
    OutputFigure, Plan, StrategicGoal, YearActuals,
};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Which report: the jaarverslag of one realised year, or the progress report over the
/// realised years so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKind {
    Year,
    Progress,
}

/// An indicator's verdict in the words of a report for a funder (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportVerdict {
    /// Gehaald.
    Met,
    /// Niet gehaald.
    NotMet,
    /// Op koers: not met yet, but its time is still to come.
    OnTrack,
    /// Geen gegevens.
    NoData,
    /// Measured, but without a target to judge it by.
    NoTarget,
}

impl ReportVerdict {
    pub const ALL: [ReportVerdict; 5] = [
        ReportVerdict::Met,
        ReportVerdict::OnTrack,
        ReportVerdict::NotMet,
        ReportVerdict::NoData,
        ReportVerdict::NoTarget,
    ];

    /// The funder's word for calc's verdict (the table in the module docs).
    pub fn of(verdict: Verdict) -> ReportVerdict {
        match verdict {
            Verdict::Met => ReportVerdict::Met,
            Verdict::NotYetMet => ReportVerdict::OnTrack,
            Verdict::NotMet | Verdict::Dropped => ReportVerdict::NotMet,
            Verdict::NotMeasured => ReportVerdict::NoData,
            Verdict::NoTarget => ReportVerdict::NoTarget,
        }
    }
}

/// How many indicators got each verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerdictCounts {
    pub met: usize,
    pub on_track: usize,
    pub not_met: usize,
    pub no_data: usize,
    pub no_target: usize,
}

impl VerdictCounts {
    pub fn of(&self, verdict: ReportVerdict) -> usize {
        match verdict {
            ReportVerdict::Met => self.met,
            ReportVerdict::OnTrack => self.on_track,
            ReportVerdict::NotMet => self.not_met,
            ReportVerdict::NoData => self.no_data,
            ReportVerdict::NoTarget => self.no_target,
        }
    }

    fn count(&mut self, verdict: ReportVerdict) {
        match verdict {
            ReportVerdict::Met => self.met += 1,
            ReportVerdict::OnTrack => self.on_track += 1,
            ReportVerdict::NotMet => self.not_met += 1,
            ReportVerdict::NoData => self.no_data += 1,
            ReportVerdict::NoTarget => self.no_target += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.met + self.on_track + self.not_met + self.no_data + self.no_target
    }
}

/// A compared figure with the explanation typed for it (empty when there is none).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFigure {
    pub figure: FigureComparison,
    pub explanation: String,
}

/// An indicator in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportIndicator {
    /// calc's result for the year (for the progress report: judged by the latest known value).
    pub result: IndicatorResult,
    pub verdict: ReportVerdict,
    /// Why it stands where it does (for the progress report: the latest explanation).
    pub explanation: String,
    /// Progress report: the value of every realised year, in the order of
    /// [`ProgressReport::years`]; empty in the yearly report.
    pub values: Vec<Option<Decimal>>,
    /// Progress report: the milestone state of every realised year, as `values`.
    pub states: Vec<Option<crate::model::Milestone>>,
    /// Progress report: what is still missing to an "at least" target (zero when met); `None`
    /// for other targets, without a target or a value.
    pub remaining: Option<Decimal>,
}

/// A planned activity (or an unplanned addition) and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportActivity {
    pub id: Id,
    /// The description, or the activity type when it has none.
    pub description: String,
    pub first_year: i32,
    pub last_year: i32,
    /// `None`: no report (yet).
    pub status: Option<ActivityStatus>,
    /// The realised year the status was reported in.
    pub status_year: Option<i32>,
    pub replaced_by: String,
    pub note: String,
    /// Carried out without being planned.
    pub added: bool,
    /// Progress report: planned only for years after the realised ones (still to come).
    pub upcoming: bool,
}

/// A strategic or operational goal with what the report says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportGoal {
    pub id: Id,
    pub code: String,
    pub title: String,
    pub indicators: Vec<ReportIndicator>,
    /// FTE planned against realised (realised `None` when the report gives no FTE per goal).
    pub fte: Option<ReportFigure>,
    /// Operating cost planned against realised (strategic goals).
    pub operating: Option<ReportFigure>,
    /// Planned activities and additions (operational goals).
    pub activities: Vec<ReportActivity>,
    pub operational: Vec<ReportGoal>,
}

/// The jaarverslag of one realised year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearReport {
    pub year: i32,
    pub first_year: i32,
    pub last_year: i32,
    pub threshold_percent: Decimal,
    pub general_indicators: Vec<ReportIndicator>,
    pub goals: Vec<ReportGoal>,
    pub verdicts: VerdictCounts,
    pub activities: ActivityCounts,
    /// The summary page: FTE on the payroll, total costs, total income, the result.
    pub key_figures: Vec<ReportFigure>,
    /// Costs, income and result as the comparison has them (operating per strategic goal as
    /// parts of operating).
    pub money: Vec<ReportFigure>,
    pub reserves: Vec<ReportFigure>,
    /// FTE on the payroll and effectively available.
    pub fte: Vec<ReportFigure>,
    /// FTE per goal (strategic, its operational goals as parts, all goals together); empty
    /// when the year reports no FTE per goal.
    pub fte_by_goal: Vec<ReportFigure>,
    pub staff: Vec<StaffComparison>,
    pub output: Vec<OutputFigure>,
    /// Planned and realised per plan year, for the charts.
    pub chart: ActualsChart,
}

/// A figure of the progress report: the realised years together against the plan, and the rest
/// of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFigure {
    /// Planned and realised over the realised years (money added up, FTE averaged; a reserve at
    /// the end of the last realised year).
    pub to_date: FigureComparison,
    /// Planned for the rest of the period (added up; FTE averaged; a reserve: its planned
    /// change from the last realised year to the end of the period).
    pub rest: Decimal,
    /// Planned for the whole period (added up; FTE averaged; a reserve: at the end).
    pub period_planned: Decimal,
    /// The period as it now looks: realised so far plus the rest as planned (FTE: the average
    /// over all years; a reserve: at the end of the period); `None` without realised figures.
    pub expected: Option<Decimal>,
}

/// The voortgangsrapport over the realised years so far.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressReport {
    /// The realised years.
    pub years: Vec<i32>,
    /// The plan years without realised figures: what remains.
    pub rest_years: Vec<i32>,
    pub first_year: i32,
    pub last_year: i32,
    pub threshold_percent: Decimal,
    pub general_indicators: Vec<ReportIndicator>,
    pub goals: Vec<ReportGoal>,
    pub verdicts: VerdictCounts,
    /// Each planned activity counted once, by its latest report.
    pub activities: ActivityCounts,
    /// Activities planned only for the years to come.
    pub upcoming_activities: usize,
    pub key_figures: Vec<ProgressFigure>,
    pub money: Vec<ProgressFigure>,
    pub reserves: Vec<ProgressFigure>,
    pub fte: Vec<ProgressFigure>,
    pub fte_by_goal: Vec<ProgressFigure>,
    /// The output figures of every realised year.
    pub output: Vec<(i32, Vec<OutputFigure>)>,
    pub chart: ActualsChart,
}

/// The figures shown on a summary page: FTE on the payroll, total costs, total income, result.
const KEY_FIGURES: [ActualFigure; 4] = [
    ActualFigure::FtePayroll,
    ActualFigure::CostTotal,
    ActualFigure::IncomeTotal,
    ActualFigure::Balance,
];

/// Whether any goal's FTE is realised: the report gives FTE per goal.
fn reports_fte(rows: &[FigureComparison]) -> bool {
    rows.iter().any(|c| c.realised.is_some())
}

fn is_fte(figure: ActualFigure) -> bool {
    matches!(
        figure,
        ActualFigure::FtePayroll | ActualFigure::FteAvailable
    )
}

/// The description of an activity, or its type when it has none.
fn activity_description(plan: &Plan, activity: &crate::model::Activity) -> String {
    if activity.description.trim().is_empty() {
        plan.activity_type(activity.activity_type)
            .map_or(String::new(), |k| k.name.clone())
    } else {
        activity.description.clone()
    }
}

fn explained(figure: &FigureComparison, year: Option<&YearActuals>) -> ReportFigure {
    ReportFigure {
        figure: figure.clone(),
        explanation: year
            .and_then(|y| y.explanation(figure.figure))
            .unwrap_or_default()
            .to_string(),
    }
}

/// The realised years of the plan that are plan years, in order.
pub fn realised_years(summary: &Summary) -> Vec<i32> {
    summary.actuals.years.iter().map(|y| y.year).collect()
}

/// Builds the goals of a report: `indicator` makes the entry of each indicator, `fte` and
/// `operating` the figures of a goal, `activities` those of an operational goal.
struct GoalParts<'a> {
    indicator: &'a dyn Fn(&Indicator) -> Option<ReportIndicator>,
    figure: &'a dyn Fn(ActualFigure) -> Option<ReportFigure>,
    activities: &'a dyn Fn(&OperationalGoal) -> Vec<ReportActivity>,
}

fn report_goals(plan: &Plan, parts: &GoalParts) -> Vec<ReportGoal> {
    let indicators = |list: &[Indicator]| -> Vec<ReportIndicator> {
        list.iter().filter_map(|i| (parts.indicator)(i)).collect()
    };
    plan.strategic_goals
        .iter()
        .map(|sd: &StrategicGoal| ReportGoal {
            id: sd.id,
            code: sd.code.clone(),
            title: sd.title.clone(),
            indicators: indicators(&sd.indicators),
            fte: (parts.figure)(ActualFigure::FteGoal(sd.id)),
            operating: (parts.figure)(ActualFigure::OperatingGoal(sd.id)),
            activities: Vec::new(),
            operational: sd
                .operational_goals
                .iter()
                .map(|od| ReportGoal {
                    id: od.id,
                    code: od.code.clone(),
                    title: od.title.clone(),
                    indicators: indicators(&od.indicators),
                    fte: (parts.figure)(ActualFigure::FteGoal(od.id)),
                    operating: None,
                    activities: (parts.activities)(od),
                    operational: Vec::new(),
                })
                .collect(),
        })
        .collect()
}

fn count_verdicts(general: &[ReportIndicator], goals: &[ReportGoal]) -> VerdictCounts {
    let mut counts = VerdictCounts::default();
    let mut add = |list: &[ReportIndicator]| {
        for i in list {
            counts.count(i.verdict);
        }
    };
    add(general);
    for sd in goals {
        add(&sd.indicators);
        for od in &sd.operational {
            add(&od.indicators);
        }
    }
    counts
}

/// The jaarverslag of `year`; `None` when the year is not a realised plan year.
pub fn year_report(plan: &Plan, summary: &Summary, year: i32) -> Option<YearReport> {
    let comparison: &YearComparison = summary.actuals.year(year)?;
    let realised = plan.actuals.year(year)?;
    let explanation = |figure| realised.explanation(figure).unwrap_or_default().to_string();
    let results: HashMap<Id, &IndicatorResult> = comparison
        .indicators
        .iter()
        .map(|r| (r.indicator, r))
        .collect();
    let indicator = |i: &Indicator| -> Option<ReportIndicator> {
        let result = (*results.get(&i.id)?).clone();
        Some(ReportIndicator {
            verdict: ReportVerdict::of(result.verdict),
            explanation: explanation(ActualFigure::Indicator(i.id)),
            result,
            values: Vec::new(),
            states: Vec::new(),
            remaining: None,
        })
    };
    let by_figure: HashMap<ActualFigure, &FigureComparison> = comparison
        .fte_by_goal
        .iter()
        .chain(&comparison.figures)
        .map(|c| (c.figure, c))
        .collect();
    let figure = |f: ActualFigure| -> Option<ReportFigure> {
        by_figure.get(&f).map(|c| explained(c, Some(realised)))
    };
    let reports: HashMap<Id, &ActivityReport> = realised
        .activities
        .iter()
        .map(|r| (r.activity, r))
        .collect();
    let activities = |od: &OperationalGoal| -> Vec<ReportActivity> {
        let mut list: Vec<ReportActivity> = od
            .activities
            .iter()
            .filter(|a| a.first_year <= year && year <= a.last_year)
            .map(|a| {
                let report = reports.get(&a.id).copied();
                ReportActivity {
                    id: a.id,
                    description: activity_description(plan, a),
                    first_year: a.first_year,
                    last_year: a.last_year,
                    status: report.map(|r| r.status),
                    status_year: report.map(|_| year),
                    replaced_by: report.map_or(String::new(), |r| r.replaced_by.clone()),
                    note: report.map_or(String::new(), |r| r.reason.clone()),
                    added: false,
                    upcoming: false,
                }
            })
            .collect();
        list.extend(
            realised
                .added_activities
                .iter()
                .filter(|x| x.goal == od.id)
                .map(|x| ReportActivity {
                    id: x.id,
                    description: x.description.clone(),
                    first_year: year,
                    last_year: year,
                    status: None,
                    status_year: Some(year),
                    replaced_by: String::new(),
                    note: x.reason.clone(),
                    added: true,
                    upcoming: false,
                }),
        );
        list
    };
    let goals = report_goals(
        plan,
        &GoalParts {
            indicator: &indicator,
            figure: &figure,
            activities: &activities,
        },
    );
    let general_indicators: Vec<ReportIndicator> = plan
        .general_indicators
        .iter()
        .filter_map(indicator)
        .collect();
    let all = |rows: &[FigureComparison]| -> Vec<ReportFigure> {
        rows.iter().map(|c| explained(c, Some(realised))).collect()
    };
    let fte_by_goal = if reports_fte(&comparison.fte_by_goal) {
        all(&comparison.fte_by_goal)
    } else {
        Vec::new()
    };
    Some(YearReport {
        year,
        first_year: plan.meta.first_year,
        last_year: plan.meta.last_year,
        threshold_percent: summary.actuals.threshold_percent,
        verdicts: count_verdicts(&general_indicators, &goals),
        general_indicators,
        goals,
        activities: comparison.activities,
        key_figures: KEY_FIGURES
            .iter()
            .filter_map(|f| comparison.figure(*f))
            .map(|c| explained(c, Some(realised)))
            .collect(),
        money: comparison
            .figures
            .iter()
            .filter(|c| !is_fte(c.figure))
            .map(|c| explained(c, Some(realised)))
            .collect(),
        reserves: all(&comparison.reserves),
        fte: comparison
            .figures
            .iter()
            .filter(|c| is_fte(c.figure))
            .map(|c| explained(c, Some(realised)))
            .collect(),
        fte_by_goal,
        staff: comparison.staff.clone(),
        output: realised.output.clone(),
        chart: summary.actuals.chart.clone(),
    })
}

/// The figures of the progress report: `to_date` against the rest of the period.
fn progress_figures(
    to_date: &[FigureComparison],
    realised_count: usize,
    rest: &[&[FigureComparison]],
    stock: bool,
) -> Vec<ProgressFigure> {
    to_date
        .iter()
        .map(|figure| {
            let planned_in = |rows: &[FigureComparison]| {
                rows.iter()
                    .find(|c| c.figure == figure.figure)
                    .map_or(Decimal::ZERO, |c| c.planned)
            };
            let rest_values: Vec<Decimal> = rest.iter().map(|rows| planned_in(rows)).collect();
            let n_rest = Decimal::from(rest_values.len());
            let n_done = Decimal::from(realised_count);
            let rest_sum: Decimal = rest_values.iter().sum();
            let (rest, period_planned, expected) = if stock {
                // A reserve: where it ends.
                let end = rest_values.last().copied().unwrap_or(figure.planned);
                let change = end - figure.planned;
                (change, end, figure.realised.map(|r| r + change))
            } else if figure.unit == FigureUnit::Fte {
                let rest_average = if rest_values.is_empty() {
                    Decimal::ZERO
                } else {
                    rest_sum / n_rest
                };
                let all = n_done + n_rest;
                let average = |done: Decimal| {
                    if all.is_zero() {
                        Decimal::ZERO
                    } else {
                        (done * n_done + rest_sum) / all
                    }
                };
                (
                    rest_average,
                    average(figure.planned),
                    figure.realised.map(average),
                )
            } else {
                (
                    rest_sum,
                    figure.planned + rest_sum,
                    figure.realised.map(|r| r + rest_sum),
                )
            };
            ProgressFigure {
                to_date: figure.clone(),
                rest,
                period_planned,
                expected,
            }
        })
        .collect()
}

/// What is still missing to an "at least" target: zero once met.
fn remaining(target: Option<&crate::model::Target>, value: Option<Decimal>) -> Option<Decimal> {
    let target = target?;
    let value = value?;
    (target.comparator == Comparator::AtLeast).then(|| (target.value - value).max(Decimal::ZERO))
}

/// The voortgangsrapport over every realised year so far; `None` without realised years.
pub fn progress_report(plan: &Plan, summary: &Summary) -> Option<ProgressReport> {
    let to_date = summary.actuals.to_date.as_ref()?;
    let years = to_date.years.clone();
    let last = *years.last()?;
    let last_comparison = summary.actuals.year(last)?;
    let rest_years: Vec<i32> = plan.years().filter(|y| !years.contains(y)).collect();
    let rest: Vec<YearComparison> = rest_years
        .iter()
        .map(|&y| plan_only(plan, summary, y))
        .collect();
    let realised_years: Vec<&YearActuals> =
        years.iter().filter_map(|&y| plan.actuals.year(y)).collect();
    // The latest explanation typed for a figure.
    let latest_explanation = |figure: ActualFigure| -> String {
        realised_years
            .iter()
            .rev()
            .find_map(|y| y.explanation(figure))
            .unwrap_or_default()
            .to_string()
    };

    let results: HashMap<Id, &IndicatorResult> = last_comparison
        .indicators
        .iter()
        .map(|r| (r.indicator, r))
        .collect();
    let indicator = |i: &Indicator| -> Option<ReportIndicator> {
        let mut result = (*results.get(&i.id)?).clone();
        let values: Vec<Option<Decimal>> =
            years.iter().map(|y| i.actuals.0.get(y).copied()).collect();
        let states: Vec<Option<crate::model::Milestone>> =
            realised_years.iter().map(|y| y.milestone(i.id)).collect();
        let latest = values.iter().rev().find_map(|v| *v);
        let milestone = states.iter().rev().find_map(|m| *m);
        result.realised = latest;
        result.milestone = milestone;
        result.verdict = verdict(
            i.target.as_ref(),
            latest,
            milestone,
            last,
            plan.meta.last_year,
        );
        Some(ReportIndicator {
            verdict: ReportVerdict::of(result.verdict),
            explanation: latest_explanation(ActualFigure::Indicator(i.id)),
            remaining: remaining(i.target.as_ref(), latest),
            result,
            values,
            states,
        })
    };
    let by_figure: HashMap<ActualFigure, &FigureComparison> = to_date
        .fte_by_goal
        .iter()
        .chain(&to_date.figures)
        .map(|c| (c.figure, c))
        .collect();
    let figure = |f: ActualFigure| -> Option<ReportFigure> {
        let c = *by_figure.get(&f)?;
        Some(ReportFigure {
            explanation: latest_explanation(f),
            figure: c.clone(),
        })
    };
    // The latest report of each activity, with its year.
    let mut latest: HashMap<Id, (i32, &ActivityReport)> = HashMap::new();
    for y in &realised_years {
        for r in &y.activities {
            latest.insert(r.activity, (y.year, r));
        }
    }
    let activities = |od: &OperationalGoal| -> Vec<ReportActivity> {
        let mut list: Vec<ReportActivity> = od
            .activities
            .iter()
            .filter(|a| a.first_year <= plan.meta.last_year && a.last_year >= plan.meta.first_year)
            .map(|a| {
                let runs_in_realised = years
                    .iter()
                    .any(|y| a.first_year <= *y && *y <= a.last_year);
                let report = latest.get(&a.id).copied();
                ReportActivity {
                    id: a.id,
                    description: activity_description(plan, a),
                    first_year: a.first_year,
                    last_year: a.last_year,
                    status: report.map(|(_, r)| r.status),
                    status_year: report.map(|(y, _)| y),
                    replaced_by: report.map_or(String::new(), |(_, r)| r.replaced_by.clone()),
                    note: report.map_or(String::new(), |(_, r)| r.reason.clone()),
                    added: false,
                    upcoming: report.is_none() && !runs_in_realised && a.first_year > last,
                }
            })
            .collect();
        for y in &realised_years {
            list.extend(
                y.added_activities
                    .iter()
                    .filter(|x| x.goal == od.id)
                    .map(|x| ReportActivity {
                        id: x.id,
                        description: x.description.clone(),
                        first_year: y.year,
                        last_year: y.year,
                        status: None,
                        status_year: Some(y.year),
                        replaced_by: String::new(),
                        note: x.reason.clone(),
                        added: true,
                        upcoming: false,
                    }),
            );
        }
        list
    };
    let goals = report_goals(
        plan,
        &GoalParts {
            indicator: &indicator,
            figure: &figure,
            activities: &activities,
        },
    );
    let general_indicators: Vec<ReportIndicator> = plan
        .general_indicators
        .iter()
        .filter_map(indicator)
        .collect();
    let upcoming_activities = goals
        .iter()
        .flat_map(|sd| &sd.operational)
        .flat_map(|od| &od.activities)
        .filter(|a| a.upcoming)
        .count();

    let n = years.len();
    let rest_rows = |pick: fn(&YearComparison) -> &[FigureComparison]| -> Vec<&[FigureComparison]> {
        rest.iter().map(pick).collect()
    };
    let figures_rest = rest_rows(|c| &c.figures);
    let money_rows: Vec<FigureComparison> = to_date
        .figures
        .iter()
        .filter(|c| !is_fte(c.figure))
        .cloned()
        .collect();
    let fte_rows: Vec<FigureComparison> = to_date
        .figures
        .iter()
        .filter(|c| is_fte(c.figure))
        .cloned()
        .collect();
    let key_rows: Vec<FigureComparison> = KEY_FIGURES
        .iter()
        .filter_map(|f| to_date.figure(*f).cloned())
        .collect();
    // Reserves are stocks: their planned level at the end of each remaining year.
    let reserves_rest: Vec<&[FigureComparison]> = rest
        .iter()
        .filter(|c| c.year > last)
        .map(|c| c.reserves.as_slice())
        .collect();
    Some(ProgressReport {
        first_year: plan.meta.first_year,
        last_year: plan.meta.last_year,
        threshold_percent: summary.actuals.threshold_percent,
        verdicts: count_verdicts(&general_indicators, &goals),
        general_indicators,
        goals,
        activities: to_date.activities,
        upcoming_activities,
        key_figures: progress_figures(&key_rows, n, &figures_rest, false),
        money: progress_figures(&money_rows, n, &figures_rest, false),
        reserves: progress_figures(&to_date.reserves, n, &reserves_rest, true),
        fte: progress_figures(&fte_rows, n, &figures_rest, false),
        fte_by_goal: progress_figures(
            if reports_fte(&to_date.fte_by_goal) {
                &to_date.fte_by_goal
            } else {
                &[]
            },
            n,
            &rest_rows(|c| &c.fte_by_goal),
            false,
        ),
        output: realised_years
            .iter()
            .map(|y| (y.year, y.output.clone()))
            .collect(),
        chart: summary.actuals.chart.clone(),
        years,
        rest_years,
    })
}

/// A report made: the jaarverslag of a year or the progress report.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    Year(YearReport),
    Progress(ProgressReport),
}

/// Why a report cannot be made: no realised year was asked for one year, or the year asked has
/// no realised figures. `realised` lists the realised years (empty: the plan has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportYearError {
    pub asked: Option<i32>,
    pub realised: Vec<i32>,
}

impl Report {
    /// The report of `kind`: for [`ReportKind::Year`] of `year` (which must be a realised year),
    /// for [`ReportKind::Progress`] of every realised year (`year` is not used).
    pub fn build(
        plan: &Plan,
        summary: &Summary,
        kind: ReportKind,
        year: Option<i32>,
    ) -> Result<Report, ReportYearError> {
        let realised = realised_years(summary);
        let error = |asked| ReportYearError {
            asked,
            realised: realised.clone(),
        };
        match kind {
            ReportKind::Year => {
                let year = year.ok_or_else(|| error(None))?;
                year_report(plan, summary, year)
                    .map(Report::Year)
                    .ok_or_else(|| error(Some(year)))
            }
            ReportKind::Progress => progress_report(plan, summary)
                .map(Report::Progress)
                .ok_or_else(|| error(year)),
        }
    }

    pub fn kind(&self) -> ReportKind {
        match self {
            Report::Year(_) => ReportKind::Year,
            Report::Progress(_) => ReportKind::Progress,
        }
    }

    /// The realised years the report is about.
    pub fn years(&self) -> Vec<i32> {
        match self {
            Report::Year(report) => vec![report.year],
            Report::Progress(report) => report.years.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_has_a_funder_word() {
        assert_eq!(ReportVerdict::of(Verdict::Met), ReportVerdict::Met);
        assert_eq!(
            ReportVerdict::of(Verdict::NotYetMet),
            ReportVerdict::OnTrack
        );
        assert_eq!(ReportVerdict::of(Verdict::NotMet), ReportVerdict::NotMet);
        assert_eq!(ReportVerdict::of(Verdict::Dropped), ReportVerdict::NotMet);
        assert_eq!(
            ReportVerdict::of(Verdict::NotMeasured),
            ReportVerdict::NoData
        );
        assert_eq!(
            ReportVerdict::of(Verdict::NoTarget),
            ReportVerdict::NoTarget
        );
    }
}
