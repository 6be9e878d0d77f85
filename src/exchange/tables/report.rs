//! The tables of the yearly report and the progress report ([`crate::calc::report`]), for the
//! XLSX (one sheet each) and CSV exports.
//!
//! Jaarverslag: `report_key_figures`, `report_indicators`, `report_activities`, `report_money`
//! (costs, income, result and reserves), `report_fte` (in total and per goal), `report_staff`
//! (per function) and `report_output`. Voortgangsrapport: `progress_key_figures`,
//! `progress_indicators`, `progress_activities`, `progress_money`, `progress_fte` and
//! `progress_output`.
//!
//! Every number is a figure of the report as calc computed it; the difference and its
//! percentage are [`Column::Difference`] and [`Column::Percent`] columns, so a spreadsheet gets
//! formulas whose cached results are calc's figures (the percentage rounded to two decimals).

use super::{Cell, Column, RowStyle, Table, TableRow, Unit};
use crate::calc::actuals::FigureUnit;
use crate::calc::report::{
    ProgressFigure, ProgressReport, Report, ReportActivity, ReportFigure, ReportGoal,
    ReportIndicator, YearReport,
};
use crate::i18n::{Lang, TableText, YearReportTexts, report_tr, tr};
use crate::model::{ActualFigure, OutputFigure};
use rust_decimal::{Decimal, RoundingStrategy};

/// The tables of a report, in the order of the module docs.
pub fn report_tables(report: &Report, lang: Lang) -> Vec<Table> {
    let r = report_tr(lang);
    match report {
        Report::Year(report) => year_tables(report, r, lang),
        Report::Progress(report) => progress_tables(report, r, lang),
    }
}

fn text(value: impl Into<String>) -> Cell {
    let value = value.into();
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value)
    }
}

fn optional(value: Option<Decimal>, unit: Unit) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Number { value, unit })
}

fn row(labels: Vec<String>, cells: Vec<Cell>, style: RowStyle) -> TableRow {
    TableRow {
        labels,
        cells,
        style,
        formula: None,
    }
}

fn table(
    key: &'static str,
    text: TableText,
    label_headers: &[&str],
    columns: Vec<(Column, &str)>,
    rows: Vec<TableRow>,
) -> Table {
    Table {
        key,
        name: text.name.to_string(),
        title: text.title.to_string(),
        label_headers: label_headers.iter().map(|h| h.to_string()).collect(),
        column_headers: columns.iter().map(|(_, h)| h.to_string()).collect(),
        columns: columns.into_iter().map(|(c, _)| c).collect(),
        rows,
    }
}

/// A percentage as the report's tables keep it: two decimals.
pub fn rounded_percent(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn unit_of(unit: FigureUnit) -> Unit {
    match unit {
        FigureUnit::Fte => Unit::Fte,
        FigureUnit::Euro => Unit::Euro,
    }
}

fn style_of(figure: ActualFigure) -> RowStyle {
    match figure {
        ActualFigure::CostTotal
        | ActualFigure::IncomeTotal
        | ActualFigure::Balance
        | ActualFigure::FteGoals => RowStyle::Total,
        ActualFigure::FteGoal(_) => RowStyle::Line,
        _ => RowStyle::Line,
    }
}

/// The name of a figure in a report row; parts indented.
fn figure_label(f: &crate::calc::actuals::FigureComparison, lang: Lang) -> String {
    let name = tr(lang).act.figure_name(f.figure, f.code.as_deref());
    if f.is_part { format!("  {name}") } else { name }
}

/// Planned, realised, difference, difference % and explanation.
fn comparison_columns(r: &YearReportTexts) -> Vec<(Column, &'static str)> {
    vec![
        (Column::Text, r.planned),
        (Column::Text, r.realised),
        (
            Column::Difference {
                realised: 1,
                planned: 0,
            },
            r.difference,
        ),
        (
            Column::Percent {
                difference: 2,
                planned: 0,
            },
            r.difference_percent,
        ),
        (Column::Text, r.explanation),
    ]
}

fn comparison_row(f: &ReportFigure, lang: Lang) -> TableRow {
    let c = &f.figure;
    let unit = unit_of(c.unit);
    let style = match (style_of(c.figure), c.figure) {
        // A strategic goal's FTE stands out above its operational goals.
        (_, ActualFigure::FteGoal(_)) if !c.is_part => RowStyle::Subtotal,
        (style, _) => style,
    };
    row(
        vec![figure_label(c, lang)],
        vec![
            Cell::Number {
                value: c.planned,
                unit,
            },
            optional(c.realised, unit),
            optional(c.difference, unit),
            optional(c.percent.map(rounded_percent), Unit::Plain),
            text(f.explanation.clone()),
        ],
        style,
    )
}

fn heading(label: &str, columns: usize) -> TableRow {
    row(
        vec![label.to_string()],
        vec![Cell::Empty; columns],
        RowStyle::Heading,
    )
}

/// The realised value of an indicator: its number, else its milestone state.
fn indicator_value(i: &ReportIndicator, lang: Lang) -> Cell {
    match (i.result.realised, i.result.milestone) {
        (Some(value), _) => Cell::Number {
            value,
            unit: Unit::Plain,
        },
        (None, Some(m)) => Cell::Text(tr(lang).act.milestone_name(m).to_string()),
        (None, None) => Cell::Empty,
    }
}

/// Every indicator with the code of its goal (`general` for the plan's own), in report order.
fn all_indicators<'a>(
    general: &'a [ReportIndicator],
    goals: &'a [ReportGoal],
    general_label: &'a str,
) -> Vec<(&'a str, &'a ReportIndicator)> {
    let mut all: Vec<(&str, &ReportIndicator)> =
        general.iter().map(|i| (general_label, i)).collect();
    for sd in goals {
        all.extend(sd.indicators.iter().map(|i| (sd.code.as_str(), i)));
        for od in &sd.operational {
            all.extend(od.indicators.iter().map(|i| (od.code.as_str(), i)));
        }
    }
    all
}

fn all_activities(goals: &[ReportGoal]) -> Vec<(&str, &ReportActivity)> {
    goals
        .iter()
        .flat_map(|sd| &sd.operational)
        .flat_map(|od| od.activities.iter().map(move |a| (od.code.as_str(), a)))
        .collect()
}

fn target_cell(i: &ReportIndicator, r: &YearReportTexts, lang: Lang) -> Cell {
    text(
        i.result
            .target
            .as_ref()
            .map_or(String::new(), |t| r.target(t, lang)),
    )
}

fn output_rows(rows: &mut Vec<TableRow>, year: Option<i32>, output: &[OutputFigure], lang: Lang) {
    let a = &tr(lang).act;
    let plain = |v: Option<Decimal>| optional(v, Unit::Plain);
    for figure in output {
        let name = a.output_name(figure.kind, &figure.label);
        let mut labels = vec![name.clone(), String::new()];
        if let Some(year) = year {
            labels.insert(0, year.to_string());
        }
        rows.push(row(
            labels,
            vec![
                plain(Some(figure.value)),
                plain(figure.of_total),
                plain(figure.percent),
            ],
            RowStyle::Subtotal,
        ));
        for part in &figure.breakdown {
            let mut labels = vec![name.clone(), part.target_group.clone()];
            if let Some(year) = year {
                labels.insert(0, year.to_string());
            }
            rows.push(row(
                labels,
                vec![plain(part.count), Cell::Empty, plain(part.percent)],
                RowStyle::Line,
            ));
        }
    }
}

fn year_tables(report: &YearReport, r: &'static YearReportTexts, lang: Lang) -> Vec<Table> {
    let a = &tr(lang).act;
    let figures = |list: &[ReportFigure]| -> Vec<TableRow> {
        list.iter().map(|f| comparison_row(f, lang)).collect()
    };
    let key = table(
        "report_key_figures",
        r.sheet_key_figures,
        &[r.figure],
        comparison_columns(r),
        figures(&report.key_figures),
    );

    let indicators = all_indicators(&report.general_indicators, &report.goals, a.general)
        .into_iter()
        .map(|(code, i)| {
            row(
                vec![code.to_string(), i.result.text.clone()],
                vec![
                    target_cell(i, r, lang),
                    indicator_value(i, lang),
                    text(r.verdict(i.verdict)),
                    text(i.explanation.clone()),
                ],
                RowStyle::Line,
            )
        })
        .collect();
    let indicators = table(
        "report_indicators",
        r.sheet_indicators,
        &[r.goal, r.indicator],
        vec![
            (Column::Text, r.target),
            (Column::Text, r.realised),
            (Column::Text, r.verdict),
            (Column::Text, r.explanation),
        ],
        indicators,
    );

    let activities = all_activities(&report.goals)
        .into_iter()
        .map(|(code, x)| {
            row(
                vec![code.to_string(), x.description.clone()],
                vec![
                    text(r.activity_years(x.first_year, x.last_year)),
                    text(r.status(x.status, x.added, x.upcoming)),
                    text(x.replaced_by.clone()),
                    text(x.note.clone()),
                ],
                RowStyle::Line,
            )
        })
        .collect();
    let activities = table(
        "report_activities",
        r.sheet_activities,
        &[r.goal, r.activity],
        vec![
            (Column::Text, r.years),
            (Column::Text, r.status),
            (Column::Text, r.replaced_by),
            (Column::Text, r.note),
        ],
        activities,
    );

    let mut money = figures(&report.money);
    if !report.reserves.is_empty() {
        money.push(heading(r.reserves, 5));
        money.extend(figures(&report.reserves));
    }
    let money = table(
        "report_money",
        r.sheet_money,
        &[r.figure],
        comparison_columns(r),
        money,
    );

    let mut fte = figures(&report.fte);
    if !report.fte_by_goal.is_empty() {
        fte.push(heading(r.fte_by_goal, 5));
        fte.extend(figures(&report.fte_by_goal));
    }
    let fte = table(
        "report_fte",
        r.sheet_fte,
        &[r.figure],
        comparison_columns(r),
        fte,
    );

    let mut staff: Vec<TableRow> = report
        .staff
        .iter()
        .map(|s| {
            row(
                vec![s.name.clone()],
                vec![
                    optional(s.planned, Unit::Fte),
                    optional(Some(s.payroll), Unit::Fte),
                    optional(Some(s.available), Unit::Fte),
                ],
                RowStyle::Line,
            )
        })
        .collect();
    if !report.staff.is_empty() {
        let payroll = report
            .fte
            .iter()
            .find(|f| f.figure.figure == ActualFigure::FtePayroll);
        let available = report
            .fte
            .iter()
            .find(|f| f.figure.figure == ActualFigure::FteAvailable);
        staff.push(row(
            vec![tr(lang).total.to_string()],
            vec![
                Cell::Empty,
                optional(payroll.and_then(|f| f.figure.realised), Unit::Fte),
                optional(available.and_then(|f| f.figure.realised), Unit::Fte),
            ],
            RowStyle::Total,
        ));
    }
    let staff = table(
        "report_staff",
        r.sheet_staff,
        &[r.function],
        vec![
            (Column::Text, a.planned_fte),
            (Column::Text, r.payroll),
            (Column::Text, r.available),
        ],
        staff,
    );

    let mut output = Vec::new();
    output_rows(&mut output, None, &report.output, lang);
    let output = table(
        "report_output",
        r.sheet_output,
        &[r.output_figure, r.target_group],
        vec![
            (Column::Text, r.value),
            (Column::Text, r.of_total),
            (Column::Text, r.percent),
        ],
        output,
    );
    vec![key, indicators, activities, money, fte, staff, output]
}

/// Planned to date, realised to date, difference, %, planned rest, plan period, expected period,
/// explanation.
fn progress_columns(r: &YearReportTexts) -> Vec<(Column, &'static str)> {
    vec![
        (Column::Text, r.planned_to_date),
        (Column::Text, r.realised_to_date),
        (
            Column::Difference {
                realised: 1,
                planned: 0,
            },
            r.difference,
        ),
        (
            Column::Percent {
                difference: 2,
                planned: 0,
            },
            r.difference_percent,
        ),
        (Column::Text, r.planned_rest),
        (Column::Text, r.period_planned),
        (Column::Text, r.period_expected),
    ]
}

fn progress_row(f: &ProgressFigure, lang: Lang) -> TableRow {
    let c = &f.to_date;
    let unit = unit_of(c.unit);
    let style = match (style_of(c.figure), c.figure) {
        (_, ActualFigure::FteGoal(_)) if !c.is_part => RowStyle::Subtotal,
        (style, _) => style,
    };
    row(
        vec![figure_label(c, lang)],
        vec![
            Cell::Number {
                value: c.planned,
                unit,
            },
            optional(c.realised, unit),
            optional(c.difference, unit),
            optional(c.percent.map(rounded_percent), Unit::Plain),
            Cell::Number {
                value: f.rest,
                unit,
            },
            Cell::Number {
                value: f.period_planned,
                unit,
            },
            optional(f.expected, unit),
        ],
        style,
    )
}

fn progress_tables(report: &ProgressReport, r: &'static YearReportTexts, lang: Lang) -> Vec<Table> {
    let a = &tr(lang).act;
    let figures = |list: &[ProgressFigure]| -> Vec<TableRow> {
        list.iter().map(|f| progress_row(f, lang)).collect()
    };
    let key = table(
        "progress_key_figures",
        r.sheet_key_figures,
        &[r.figure],
        progress_columns(r),
        figures(&report.key_figures),
    );

    let mut indicator_columns: Vec<(Column, String)> = vec![(Column::Text, r.target.to_string())];
    indicator_columns.extend(report.years.iter().map(|y| (Column::Text, y.to_string())));
    indicator_columns.extend([
        (Column::Text, r.verdict.to_string()),
        (Column::Text, r.remaining.to_string()),
        (Column::Text, r.explanation.to_string()),
    ]);
    let indicators: Vec<TableRow> =
        all_indicators(&report.general_indicators, &report.goals, a.general)
            .into_iter()
            .map(|(code, i)| {
                let mut cells = vec![target_cell(i, r, lang)];
                cells.extend(i.values.iter().map(|v| optional(*v, Unit::Plain)));
                cells.extend([
                    text(r.verdict(i.verdict)),
                    optional(i.remaining, Unit::Plain),
                    text(i.explanation.clone()),
                ]);
                row(
                    vec![code.to_string(), i.result.text.clone()],
                    cells,
                    RowStyle::Line,
                )
            })
            .collect();
    let indicators = Table {
        key: "progress_indicators",
        name: r.sheet_indicators.name.to_string(),
        title: r.sheet_indicators.title.to_string(),
        label_headers: vec![r.goal.to_string(), r.indicator.to_string()],
        column_headers: indicator_columns.iter().map(|(_, h)| h.clone()).collect(),
        columns: indicator_columns.into_iter().map(|(c, _)| c).collect(),
        rows: indicators,
    };

    let activities = all_activities(&report.goals)
        .into_iter()
        .map(|(code, x)| {
            row(
                vec![code.to_string(), x.description.clone()],
                vec![
                    text(r.activity_years(x.first_year, x.last_year)),
                    text(r.status(x.status, x.added, x.upcoming)),
                    text(x.status_year.map_or(String::new(), |y| y.to_string())),
                    text(x.replaced_by.clone()),
                    text(x.note.clone()),
                ],
                RowStyle::Line,
            )
        })
        .collect();
    let activities = table(
        "progress_activities",
        r.sheet_activities,
        &[r.goal, r.activity],
        vec![
            (Column::Text, r.years),
            (Column::Text, r.status),
            (Column::Text, a.year),
            (Column::Text, r.replaced_by),
            (Column::Text, r.note),
        ],
        activities,
    );

    let mut money = figures(&report.money);
    if !report.reserves.is_empty() {
        money.push(heading(r.reserves, 7));
        money.extend(figures(&report.reserves));
    }
    let money = table(
        "progress_money",
        r.sheet_money,
        &[r.figure],
        progress_columns(r),
        money,
    );
    let mut fte = figures(&report.fte);
    if !report.fte_by_goal.is_empty() {
        fte.push(heading(r.fte_by_goal, 7));
        fte.extend(figures(&report.fte_by_goal));
    }
    let fte = table(
        "progress_fte",
        r.sheet_fte,
        &[r.figure],
        progress_columns(r),
        fte,
    );
    let mut output = Vec::new();
    for (year, figures) in &report.output {
        output_rows(&mut output, Some(*year), figures, lang);
    }
    let output = table(
        "progress_output",
        r.sheet_output,
        &[a.year, r.output_figure, r.target_group],
        vec![
            (Column::Text, r.value),
            (Column::Text, r.of_total),
            (Column::Text, r.percent),
        ],
        output,
    );
    vec![key, indicators, activities, money, fte, output]
}
