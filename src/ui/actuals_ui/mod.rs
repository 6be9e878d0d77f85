//! The "Plan en realisatie" panel: per realised year (or the realised years together) the plan
//! against what was realised — figures with their difference and explanation, charts, the
//! realised result lines, staff, indicators with their verdict, key output figures and what
//! became of the activities. Realised figures are entered here; every change is an [`Edit`].

mod activities;
mod charts;
mod comparison;
mod indicators;
mod output;
mod results;
mod staff;

use activities::activities_ui;
use charts::charts_ui;
use comparison::comparison_ui;
use indicators::indicators_ui;
use output::output_ui;
use results::{planned_as_name, result_lines_ui};
use staff::staff_ui;

use super::widgets::{CellKind, decimal_cell, optional_decimal_cell, text_field};
use super::{ActualsView, PanelCtx, ViewState, field_id, heading_ui, palette};
use crate::calc::actuals::{FigureComparison, FigureUnit, Verdict, YearComparison};
use crate::edit::{ActualValue, Edit, TextField, YearField};
use crate::i18n::{ActualsTexts, Tr};
use crate::model::{
    AccountCategory, ActivityStatus, ActualFigure, Id, Milestone, OutputKind, Plan, PrintedTotal,
    Side, YearActuals,
};
use crate::numfmt;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The width of the explanation column of the comparison.
const EXPLANATION_WIDTH: f32 = 340.0;

/// The year the panel shows, from what the view asks for.
pub(super) fn shown_year(plan: &Plan, view: ActualsView) -> Option<i32> {
    match view {
        ActualsView::Year(year) if plan.years().contains(&year) => Some(year),
        ActualsView::ToDate => None,
        _ => Some(
            plan.actuals
                .realised_years()
                .max()
                .unwrap_or(plan.meta.first_year),
        ),
    }
}

pub fn actuals_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState) {
    let tr = cx.tr;
    let a = &tr.act;
    let plan = cx.plan;
    egui::ScrollArea::vertical()
        .id_salt("actuals")
        .show(ui, |ui| {
            heading_ui(ui, a.panel);
            let year = shown_year(plan, view.actuals);
            toolbar_ui(ui, cx, view, year);
            ui.separator();
            match year {
                None => to_date_ui(ui, cx),
                Some(year) => match (plan.actuals.year(year), cx.summary.actuals.year(year)) {
                    (Some(realised), Some(comparison)) => {
                        year_ui(ui, cx, view, realised, comparison);
                    }
                    _ => {
                        ui.label(a.no_year);
                        if ui.button(a.add_year).clicked() {
                            cx.edits.push(Edit::AddActualsYear(year));
                        }
                    }
                },
            }
        });
}

/// The year picker (realised years marked), the period to date, and the threshold.
pub(super) fn toolbar_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState, year: Option<i32>) {
    let a = &cx.tr.act;
    let plan = cx.plan;
    ui.horizontal_wrapped(|ui| {
        ui.label(a.year);
        for y in plan.years() {
            // Realised years stand out; the others are there to start one.
            let realised = plan.actuals.year(y).is_some();
            let text = RichText::new(y.to_string());
            let text = if realised { text.strong() } else { text.weak() };
            let hint = if realised { a.realised_year } else { a.no_year };
            if ui
                .selectable_label(year == Some(y), text)
                .on_hover_text(hint)
                .accessible_name(format!("{} {y}", a.year))
                .clicked()
            {
                view.actuals = ActualsView::Year(y);
            }
        }
        if ui.selectable_label(year.is_none(), a.to_date).clicked() {
            view.actuals = ActualsView::ToDate;
        }
        ui.separator();
        ui.label(a.threshold).on_hover_text(a.threshold_tip);
        let id = egui::Id::unique(("actuals-threshold", 0));
        if let Some(value) = decimal_cell(
            ui,
            id,
            plan.actuals.threshold_percent,
            CellKind::Fte,
            a.threshold,
        )
        .value
        {
            cx.edits
                .push(Edit::SetActualsThreshold(value.unwrap_or_default()));
        }
    });
}

/// A figure's value as the comparison shows it.
pub(super) fn figure_value(unit: FigureUnit, value: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::fte(value),
        FigureUnit::Euro => numfmt::euros(value),
    }
}

pub(super) fn signed_value(unit: FigureUnit, value: Decimal) -> String {
    let shown = figure_value(unit, value);
    if value > Decimal::ZERO && shown != "0" {
        format!("+{shown}")
    } else {
        shown
    }
}

pub(super) fn percent_text(percent: Option<Decimal>) -> String {
    percent.map_or_else(String::new, |p| {
        let sign = if p > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{} %", numfmt::format(p, 1, false))
    })
}

/// The height of a table row: a field with some air.
pub(super) fn row_height(ui: &Ui) -> f32 {
    ui.spacing().interact_size.y + 6.0
}

/// A striped table of fixed column widths (so its rows line up whatever they hold), without
/// its own scrolling: the panel scrolls.
pub(super) fn table<'a>(
    ui: &'a mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    widths: &[f32],
) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for width in widths {
        builder = builder.column(Column::exact(*width));
    }
    builder
}

/// The header row of a table: its column names, strong.
pub(super) fn header_row(mut header: TableRow<'_, '_>, names: &[&str]) {
    for name in names {
        header.col(|ui| {
            ui.label(RichText::new(*name).strong());
        });
    }
}

/// A number right-aligned in its cell.
pub(super) fn number_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text)
    })
    .inner
}

pub(super) fn remove_button(ui: &mut Ui, tr: &Tr, what: &str) -> bool {
    ui.small_button("×")
        .on_hover_text(format!("{} {what}", tr.remove))
        .accessible_name(format!("{} {what}", tr.remove))
        .clicked()
}

pub(super) fn side_name(tr: &Tr, side: Side) -> &'static str {
    match side {
        Side::Cost => tr.cost,
        Side::Income => tr.income,
    }
}

/// A text that may be long, cut to its cell (the whole text on hover).
pub(super) fn truncated(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate());
}

/// One realised year: the comparison, the charts and every part of the report.
pub(super) fn year_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    view: &mut ViewState,
    realised: &YearActuals,
    comparison: &YearComparison,
) {
    let tr = cx.tr;
    let a = &tr.act;
    let year = realised.year;
    heading_ui(ui, &format!("{} {year}", a.comparison));
    comparison_ui(
        ui,
        cx,
        &year.to_string(),
        &comparison.figures,
        Some(realised),
    );
    ui.add_space(6.0);
    charts_ui(ui, cx);

    egui::CollapsingHeader::new(RichText::new(a.result_lines).strong())
        .id_salt(("actuals-lines", year))
        .default_open(true)
        .show(ui, |ui| result_lines_ui(ui, cx, realised, comparison));
    egui::CollapsingHeader::new(RichText::new(a.staff).strong())
        .id_salt(("actuals-staff", year))
        .default_open(true)
        .show(ui, |ui| staff_ui(ui, cx, realised, comparison));
    egui::CollapsingHeader::new(RichText::new(a.indicators).strong())
        .id_salt(("actuals-indicators", year))
        .default_open(true)
        .show(ui, |ui| indicators_ui(ui, cx, realised, comparison));
    egui::CollapsingHeader::new(RichText::new(a.output).strong())
        .id_salt(("actuals-output", year))
        .default_open(true)
        .show(ui, |ui| output_ui(ui, cx, realised));
    egui::CollapsingHeader::new(RichText::new(a.activities).strong())
        .id_salt(("actuals-activities", year))
        .default_open(true)
        .show(ui, |ui| activities_ui(ui, cx, realised, comparison));
    ui.add_space(12.0);
    // A whole year's report goes at once: asked first (undo can bring it back).
    if view.confirm_remove_year == Some(year) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(a.confirm_remove_year).color(palette::ATTENTION));
            if ui.button(tr.remove_anyway).clicked() {
                cx.edits.push(Edit::RemoveActualsYear(year));
                view.confirm_remove_year = None;
            }
            if ui.button(tr.cancel).clicked() {
                view.confirm_remove_year = None;
            }
        });
    } else if ui
        .button(format!("{} ({year})", a.remove_year))
        .on_hover_text(tr.remove)
        .clicked()
    {
        view.confirm_remove_year = Some(year);
    }
}

/// The realised years together: the comparison, the activity counts and the charts.
pub(super) fn to_date_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let a = &cx.tr.act;
    let Some(to_date) = &cx.summary.actuals.to_date else {
        ui.label(a.no_year);
        return;
    };
    heading_ui(
        ui,
        &format!("{} {} ({})", a.to_date, a.span(&to_date.years), a.average),
    );
    comparison_ui(ui, cx, "to-date", &to_date.figures, None);
    ui.add_space(6.0);
    charts_ui(ui, cx);
    heading_ui(ui, a.activities);
    activity_counts_ui(ui, a, &to_date.activities);
}

pub(super) fn activity_counts_ui(
    ui: &mut Ui,
    a: &ActualsTexts,
    counts: &crate::calc::actuals::ActivityCounts,
) {
    ui.horizontal_wrapped(|ui| {
        for status in ActivityStatus::ALL {
            ui.label(format!("{}: {}", a.status_name(status), counts.of(status)));
            ui.separator();
        }
        ui.label(format!("{}: {}", a.status_added, counts.added));
        ui.separator();
        ui.label(format!("{}: {}", a.no_status, counts.unreported));
    });
}

pub(super) fn verdict_color(verdict: Verdict) -> Option<egui::Color32> {
    match verdict {
        Verdict::Met => Some(palette::POSITIVE),
        Verdict::NotMet => Some(palette::NEGATIVE),
        Verdict::NotYetMet => Some(palette::NEUTRAL_CHANGE),
        Verdict::NotMeasured | Verdict::Dropped | Verdict::NoTarget => None,
    }
}

/// A number cell for an optional realised value (empty clears it).
pub(super) fn optional_cell(
    ui: &mut Ui,
    edits: &mut Vec<Edit>,
    value: ActualValue,
    current: Option<Decimal>,
    name: &str,
) {
    let id = egui::Id::unique(("output-cell", format!("{value:?}")));
    let outcome = optional_decimal_cell(ui, id, current, CellKind::Fte, name);
    if let Some(new) = outcome.value {
        edits.push(Edit::SetActual(value, new));
    }
}
