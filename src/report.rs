//! The key figures of a plan as text: the table and CSV of `planbord summary`. The figures and
//! their order come from [`crate::calc::figures`], their names from [`crate::i18n`].

use crate::calc::Summary;
use crate::calc::figures::{Unit, actual_key_figures, key_figures};
use crate::exchange::csv::{CsvNotation, csv_line};
use crate::i18n::{Lang, actual_figure_label, figure_label};
use crate::model::Plan;
use crate::numfmt;
use rust_decimal::Decimal;
use std::fmt::Write;

/// CSV: header `key,<year>,...`, amounts as plain decimals with a dot.
pub fn csv(summary: &Summary) -> String {
    csv_with(summary, false)
}

/// As [`csv`], with the realised figures and their differences with the plan after the plan's
/// when `actuals` is set (an empty field for a year without the figure).
pub fn csv_with(summary: &Summary, actuals: bool) -> String {
    let notation = CsvNotation::Plain;
    let number = |v: &Decimal| notation.number(*v);
    let mut out = String::new();
    let header = std::iter::once("key".to_string()).chain(summary.years.iter().map(i32::to_string));
    out.push_str(&csv_line(header, notation));
    for figure in key_figures(summary) {
        let values = figure.series(summary).unwrap_or_default();
        let fields = std::iter::once(figure.key()).chain(values.iter().map(number));
        out.push_str(&csv_line(fields, notation));
    }
    if actuals {
        for row in actual_key_figures(summary) {
            let cells = row
                .values
                .iter()
                .map(|v| v.as_ref().map(number).unwrap_or_default());
            out.push_str(&csv_line(std::iter::once(row.key()).chain(cells), notation));
        }
    }
    out
}

/// Shows one value the Belgian way: `1.362.093` or `0,7`.
pub fn format_value(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Fte => numfmt::fte(value),
        Unit::Euro => numfmt::euros(value),
    }
}

/// A readable table of the key figures (numbers in nl-BE notation), labels in `lang`.
pub fn table(plan: &Plan, summary: &Summary, lang: Lang) -> String {
    table_with(plan, summary, false, lang)
}

/// As [`table`], with the realised figures below when `actuals` is set (blank for a year
/// without the figure).
pub fn table_with(plan: &Plan, summary: &Summary, actuals: bool, lang: Lang) -> String {
    let mut rows: Vec<(String, Vec<String>)> = key_figures(summary)
        .into_iter()
        .map(|figure| {
            let values = figure.series(summary).unwrap_or_default();
            let cells = values
                .iter()
                .map(|v| format_value(figure.unit(), *v))
                .collect();
            (figure_label(&figure, lang), cells)
        })
        .collect();
    if actuals {
        rows.extend(actual_key_figures(summary).into_iter().map(|r| {
            let cells = r
                .values
                .iter()
                .map(|v| v.map_or_else(String::new, |v| format_value(r.unit, v)))
                .collect();
            (actual_figure_label(&r, lang), cells)
        }));
    }
    let label_width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let width = rows
        .iter()
        .flat_map(|(_, cells)| cells)
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::new();
    let _ = writeln!(out, "{} – {}", plan.meta.organisation, plan.meta.title);
    if !plan.meta.scenario.is_empty() {
        let _ = writeln!(out, "Scenario: {}", plan.meta.scenario);
    }
    out.push('\n');
    let _ = write!(out, "{:label_width$}", "");
    for year in &summary.years {
        let _ = write!(out, "  {year:>width$}");
    }
    out.push('\n');
    for (label, cells) in &rows {
        let _ = write!(out, "{label:label_width$}");
        for cell in cells {
            let _ = write!(out, "  {cell:>width$}");
        }
        out.push('\n');
    }
    out
}
