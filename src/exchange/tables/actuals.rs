//! The tables of the realised years, exported when the plan has any: plan against realisation
//! (`actuals`), the realised result lines (`actual_lines`), staff (`actual_staff`), key output
//! figures (`actual_output`), indicators (`actual_indicators`) and activities
//! (`actual_activities`).
//!
//! Each lists the realised years one below the other: a year label in the first label column,
//! a heading row per year. Every number comes from the [`Summary`] (its
//! [`crate::calc::actuals::ActualsSummary`]) or, for inputs, from the plan itself.

use super::{Cell, Column, RowStyle, Table, TableRow, Unit, comparator_text};
use crate::calc::Summary;
use crate::calc::actuals::{FigureComparison, FigureUnit};
use crate::i18n::{TableText, Tr};
use crate::model::{ActualFigure, Plan, Side};
use rust_decimal::{Decimal, RoundingStrategy};

/// The tables of the realised years, in the order of the module docs; none without any.
pub(super) fn actuals_tables(plan: &Plan, summary: &Summary, t: &Tr) -> Vec<Table> {
    if summary.actuals.is_empty() {
        return Vec::new();
    }
    vec![
        comparison_table(plan, summary, t),
        lines_table(plan, summary, t),
        staff_table(plan, summary, t),
        output_table(plan, t),
        indicators_table(plan, summary, t),
        activities_table(plan, t),
    ]
}

fn text(value: impl Into<String>) -> Cell {
    let value = value.into();
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value)
    }
}

fn number(value: Decimal, unit: Unit) -> Cell {
    Cell::Number { value, unit }
}

fn optional(value: Option<Decimal>, unit: Unit) -> Cell {
    value.map_or(Cell::Empty, |v| number(v, unit))
}

fn row(labels: Vec<String>, cells: Vec<Cell>, style: RowStyle) -> TableRow {
    TableRow {
        labels,
        cells,
        style,
        formula: None,
    }
}

fn heading(labels: Vec<String>, columns: usize) -> TableRow {
    row(labels, vec![Cell::Empty; columns], RowStyle::Heading)
}

fn table(
    key: &'static str,
    text: TableText,
    label_headers: &[&str],
    column_headers: &[&str],
    rows: Vec<TableRow>,
) -> Table {
    Table {
        key,
        name: text.name.to_string(),
        title: text.title.to_string(),
        label_headers: label_headers.iter().map(|h| h.to_string()).collect(),
        columns: vec![Column::Text; column_headers.len()],
        column_headers: column_headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

/// A percentage as the table shows it: two decimals.
fn percent(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn figure_rows(
    rows: &mut Vec<TableRow>,
    year_label: &str,
    figures: &[FigureComparison],
    explanation: impl Fn(ActualFigure) -> String,
    t: &Tr,
) {
    for f in figures {
        let unit = match f.unit {
            FigureUnit::Fte => Unit::Fte,
            FigureUnit::Euro => Unit::Euro,
        };
        let style = match f.figure {
            ActualFigure::CostTotal | ActualFigure::IncomeTotal | ActualFigure::Balance => {
                RowStyle::Total
            }
            _ => RowStyle::Line,
        };
        let name = t.act.figure_name(f.figure, f.code.as_deref());
        let name = if f.is_part { format!("  {name}") } else { name };
        rows.push(row(
            vec![year_label.to_string(), name],
            vec![
                number(f.planned, unit),
                optional(f.realised, unit),
                optional(f.difference, unit),
                optional(f.percent.map(percent), Unit::Plain),
                text(explanation(f.figure)),
            ],
            style,
        ));
    }
}

/// Planned, realised, difference, difference % and explanation per figure; per realised year,
/// then the realised years together.
fn comparison_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let a = &t.act;
    let columns = 5;
    let mut rows = Vec::new();
    for year in &summary.actuals.years {
        let label = year.year.to_string();
        rows.push(heading(
            vec![label.clone(), a.comparison.to_string()],
            columns,
        ));
        let realised = plan.actuals.year(year.year);
        figure_rows(
            &mut rows,
            &label,
            &year.figures,
            |figure| {
                realised
                    .and_then(|r| r.explanation(figure))
                    .unwrap_or_default()
                    .to_string()
            },
            t,
        );
    }
    if let Some(to_date) = &summary.actuals.to_date
        && to_date.years.len() > 1
    {
        let label = a.span(&to_date.years);
        rows.push(heading(
            vec![label.clone(), format!("{} ({})", a.to_date, a.average)],
            columns,
        ));
        figure_rows(&mut rows, &label, &to_date.figures, |_| String::new(), t);
    }
    table(
        "actuals",
        a.table_comparison,
        &[t.year, a.figure],
        &[
            a.planned,
            a.realised,
            a.difference,
            a.difference_percent,
            a.explanation,
        ],
        rows,
    )
}

/// The realised result lines with side, category and goal, and the totals (computed and
/// printed) per year.
fn lines_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let a = &t.act;
    let columns = 4;
    let mut rows = Vec::new();
    for comparison in &summary.actuals.years {
        let Some(year) = plan.actuals.year(comparison.year) else {
            continue;
        };
        let label = year.year.to_string();
        rows.push(heading(
            vec![label.clone(), a.result_lines.to_string()],
            columns,
        ));
        for side in [Side::Cost, Side::Income] {
            for line in year.result_lines.iter().filter(|l| l.side == side) {
                let goal = line
                    .goal
                    .and_then(|g| plan.goal_code(g))
                    .unwrap_or_default();
                rows.push(row(
                    vec![label.clone(), line.name.clone()],
                    vec![
                        text(match side {
                            Side::Cost => t.side_cost,
                            Side::Income => t.side_income,
                        }),
                        text(t.category_name(line.category)),
                        text(goal),
                        number(line.amount, Unit::Euro),
                    ],
                    RowStyle::Line,
                ));
            }
        }
        let totals = &comparison.totals;
        for (name, value) in [
            (a.cost_total, totals.cost),
            (a.income_total, totals.income),
            (a.balance, totals.result),
        ] {
            rows.push(row(
                vec![label.clone(), name.to_string()],
                vec![
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    number(value, Unit::Euro),
                ],
                RowStyle::Total,
            ));
        }
        for check in &totals.printed {
            let name = match check.total {
                crate::model::PrintedTotal::Cost => a.printed_cost,
                crate::model::PrintedTotal::Income => a.printed_income,
                crate::model::PrintedTotal::Result => a.printed_result,
            };
            rows.push(row(
                vec![label.clone(), name.to_string()],
                vec![
                    Cell::Empty,
                    Cell::Empty,
                    text(if check.matches { "" } else { a.printed_differs }),
                    number(check.printed, Unit::Euro),
                ],
                RowStyle::Line,
            ));
        }
    }
    table(
        "actual_lines",
        a.table_lines,
        &[t.year, a.line_name],
        &[a.side, a.category, a.goal, a.amount],
        rows,
    )
}

/// FTE per function: what it is planned as, planned, on the payroll, effectively available.
fn staff_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let a = &t.act;
    let mut rows = Vec::new();
    for comparison in &summary.actuals.years {
        let Some(year) = plan.actuals.year(comparison.year) else {
            continue;
        };
        if year.staff.is_empty() {
            continue;
        }
        let label = year.year.to_string();
        for (staff, compared) in year.staff.iter().zip(&comparison.staff) {
            let planned_as = staff
                .planned_as
                .and_then(|id| {
                    plan.staff_lines
                        .iter()
                        .find(|l| l.id == id)
                        .map(|l| l.name.clone())
                        .or_else(|| plan.salary_profile(id).map(|p| p.name.clone()))
                })
                .unwrap_or_default();
            rows.push(row(
                vec![label.clone(), staff.name.clone()],
                vec![
                    text(planned_as),
                    optional(compared.planned, Unit::Fte),
                    number(compared.payroll, Unit::Fte),
                    number(compared.available, Unit::Fte),
                ],
                RowStyle::Line,
            ));
        }
        let (payroll, available) = (
            comparison.figure(ActualFigure::FtePayroll),
            comparison.figure(ActualFigure::FteAvailable),
        );
        rows.push(row(
            vec![label.clone(), t.total.to_string()],
            vec![
                Cell::Empty,
                optional(available.map(|f| f.planned), Unit::Fte),
                optional(payroll.and_then(|f| f.realised), Unit::Fte),
                optional(available.and_then(|f| f.realised), Unit::Fte),
            ],
            RowStyle::Total,
        ));
    }
    table(
        "actual_staff",
        a.table_staff,
        &[t.year, a.function],
        &[a.planned_as, a.planned_fte, a.fte_payroll, a.fte_available],
        rows,
    )
}

/// Key output figures and their target groups.
fn output_table(plan: &Plan, t: &Tr) -> Table {
    let a = &t.act;
    let mut rows = Vec::new();
    for year in &plan.actuals.years {
        let label = year.year.to_string();
        for figure in &year.output {
            let name = a.output_name(figure.kind, &figure.label);
            rows.push(row(
                vec![label.clone(), name.clone(), String::new()],
                vec![
                    number(figure.value, Unit::Plain),
                    optional(figure.of_total, Unit::Plain),
                    optional(figure.percent, Unit::Plain),
                ],
                RowStyle::Subtotal,
            ));
            for part in &figure.breakdown {
                rows.push(row(
                    vec![label.clone(), name.clone(), part.target_group.clone()],
                    vec![
                        optional(part.count, Unit::Plain),
                        Cell::Empty,
                        optional(part.percent, Unit::Plain),
                    ],
                    RowStyle::Line,
                ));
            }
        }
    }
    table(
        "actual_output",
        a.table_output,
        &[t.year, a.output_label, a.target_group],
        &[a.value, a.of_total, a.percent],
        rows,
    )
}

/// Every indicator per realised year: its target, realised value, milestone and verdict.
fn indicators_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let a = &t.act;
    let mut rows = Vec::new();
    let period = format!("{}-{}", plan.meta.first_year, plan.meta.last_year);
    for comparison in &summary.actuals.years {
        let label = comparison.year.to_string();
        for result in &comparison.indicators {
            let target = result.target.as_ref().map_or(String::new(), |target| {
                let year = target.year.map_or(period.clone(), |y| y.to_string());
                format!(
                    "{} {} {} ({year})",
                    comparator_text(target.comparator, t),
                    crate::numfmt::exact(target.value),
                    target.unit
                )
            });
            rows.push(row(
                vec![
                    label.clone(),
                    result
                        .goal_code
                        .clone()
                        .unwrap_or_else(|| t.general_indicators.to_string()),
                    result.text.clone(),
                ],
                vec![
                    text(target),
                    optional(result.realised, Unit::Plain),
                    text(result.milestone.map_or("", |m| a.milestone_name(m))),
                    text(a.verdict_name(result.verdict)),
                ],
                RowStyle::Line,
            ));
        }
    }
    table(
        "actual_indicators",
        a.table_indicators,
        &[t.year, a.goal, t.indicators],
        &[a.target, a.realised, a.milestone, a.verdict],
        rows,
    )
}

/// Every planned activity of a realised year with what became of it, and the additions.
fn activities_table(plan: &Plan, t: &Tr) -> Table {
    let a = &t.act;
    let mut rows = Vec::new();
    for year in &plan.actuals.years {
        let label = year.year.to_string();
        for (_, od) in plan.operational_goals() {
            for activity in od
                .activities
                .iter()
                .filter(|x| x.first_year <= year.year && year.year <= x.last_year)
            {
                let report = year.activity_report(activity.id);
                let description = if activity.description.is_empty() {
                    plan.activity_type(activity.activity_type)
                        .map_or(String::new(), |k| k.name.clone())
                } else {
                    activity.description.clone()
                };
                rows.push(row(
                    vec![label.clone(), od.code.clone(), description],
                    vec![
                        text(report.map_or(a.no_status, |r| a.status_name(r.status))),
                        text(report.map_or(String::new(), |r| r.replaced_by.clone())),
                        text(report.map_or(String::new(), |r| r.reason.clone())),
                    ],
                    RowStyle::Line,
                ));
            }
            for added in year.added_activities.iter().filter(|x| x.goal == od.id) {
                rows.push(row(
                    vec![label.clone(), od.code.clone(), added.description.clone()],
                    vec![
                        text(a.status_added),
                        Cell::Empty,
                        text(added.reason.clone()),
                    ],
                    RowStyle::Line,
                ));
            }
        }
    }
    table(
        "actual_activities",
        a.table_activities,
        &[t.year, a.goal, a.activities],
        &[a.status, a.replaced_by, a.reason],
        rows,
    )
}
