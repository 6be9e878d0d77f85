//! The "Plan en realisatie" panel: per realised year (or the realised years together) the plan
//! against what was realised — figures with their difference and explanation, charts, the
//! realised result lines, staff, indicators with their verdict, key output figures and what
//! became of the activities. Realised figures are entered here; every change is an [`Edit`].

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
fn shown_year(plan: &Plan, view: ActualsView) -> Option<i32> {
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
fn toolbar_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState, year: Option<i32>) {
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
fn figure_value(unit: FigureUnit, value: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::fte(value),
        FigureUnit::Euro => numfmt::euros(value),
    }
}

fn signed_value(unit: FigureUnit, value: Decimal) -> String {
    let shown = figure_value(unit, value);
    if value > Decimal::ZERO && shown != "0" {
        format!("+{shown}")
    } else {
        shown
    }
}

fn percent_text(percent: Option<Decimal>) -> String {
    percent.map_or_else(String::new, |p| {
        let sign = if p > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{} %", numfmt::format(p, 1, false))
    })
}

/// The height of a table row: a field with some air.
fn row_height(ui: &Ui) -> f32 {
    ui.spacing().interact_size.y + 6.0
}

/// A striped table of fixed column widths (so its rows line up whatever they hold), without
/// its own scrolling: the panel scrolls.
fn table<'a>(
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
fn header_row(mut header: TableRow<'_, '_>, names: &[&str]) {
    for name in names {
        header.col(|ui| {
            ui.label(RichText::new(*name).strong());
        });
    }
}

/// A number right-aligned in its cell.
fn number_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text)
    })
    .inner
}

fn remove_button(ui: &mut Ui, tr: &Tr, what: &str) -> bool {
    ui.small_button("×")
        .on_hover_text(format!("{} {what}", tr.remove))
        .accessible_name(format!("{} {what}", tr.remove))
        .clicked()
}

fn side_name(tr: &Tr, side: Side) -> &'static str {
    match side {
        Side::Cost => tr.cost,
        Side::Income => tr.income,
    }
}

/// A text that may be long, cut to its cell (the whole text on hover).
fn truncated(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate());
}

/// The comparison of figures; with `realised` (one year) differences beyond the threshold (and
/// those already explained) take an explanation.
fn comparison_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    salt: &str,
    figures: &[FigureComparison],
    realised: Option<&YearActuals>,
) {
    let a = &cx.tr.act;
    let height = row_height(ui);
    let mut widths = vec![210.0, 95.0, 95.0, 85.0, 75.0];
    let mut headers = vec![
        a.figure,
        a.planned,
        a.realised,
        a.difference,
        a.difference_percent,
    ];
    if realised.is_some() {
        widths.push(EXPLANATION_WIDTH);
        headers.push(a.explanation);
    }
    let edits = &mut *cx.edits;
    table(ui, ("actuals-comparison", salt), &widths)
        .header(height, |header| header_row(header, &headers))
        .body(|mut body| {
            for f in figures {
                body.row(height, |mut row| {
                    let name = a.figure_name(f.figure, f.code.as_deref());
                    let total = matches!(
                        f.figure,
                        ActualFigure::CostTotal | ActualFigure::IncomeTotal | ActualFigure::Balance
                    );
                    row.col(|ui| {
                        let label = if f.is_part {
                            format!("    {name}")
                        } else {
                            name.clone()
                        };
                        let label = RichText::new(label);
                        ui.label(if total { label.strong() } else { label });
                    });
                    row.col(|ui| {
                        number_label(ui, figure_value(f.unit, f.planned));
                    });
                    let realised_text = f
                        .realised
                        .map_or_else(|| "—".to_string(), |r| figure_value(f.unit, r));
                    row.col(|ui| {
                        number_label(ui, realised_text.clone())
                            .accessible_name(format!("{} {name}: {realised_text}", a.realised));
                    });
                    let difference = f
                        .difference
                        .map_or_else(String::new, |d| signed_value(f.unit, d));
                    let mark = |text: &str| {
                        let text = RichText::new(text);
                        if f.beyond_threshold {
                            text.strong().color(palette::ATTENTION)
                        } else {
                            text
                        }
                    };
                    row.col(|ui| {
                        let response = number_label(ui, mark(&difference))
                            .accessible_name(format!("{} {name}: {difference}", a.difference));
                        if f.beyond_threshold {
                            response.on_hover_text(a.beyond_threshold);
                        }
                    });
                    row.col(|ui| {
                        number_label(ui, mark(&percent_text(f.percent)));
                    });
                    let Some(realised) = realised else {
                        return;
                    };
                    row.col(|ui| {
                        let current = realised.explanation(f.figure).unwrap_or_default();
                        // A difference beyond the threshold asks for an explanation; one given
                        // stays editable when the difference shrinks.
                        if !f.beyond_threshold && current.is_empty() {
                            return;
                        }
                        let id = egui::Id::unique((
                            "explanation",
                            realised.year,
                            format!("{:?}", f.figure),
                        ));
                        let field_name = format!("{} {name}", a.explanation);
                        if let Some(text) = text_field(ui, id, current, &field_name, false) {
                            edits.push(Edit::SetExplanation {
                                year: realised.year,
                                figure: f.figure,
                                text,
                            });
                        }
                    });
                });
            }
        });
}

/// One realised year: the comparison, the charts and every part of the report.
fn year_ui(
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
fn to_date_ui(ui: &mut Ui, cx: &mut PanelCtx) {
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

fn activity_counts_ui(
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

/// The realised result lines, their totals, the printed totals and the lines per goal.
fn result_lines_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    realised: &YearActuals,
    comparison: &YearComparison,
) {
    let tr = cx.tr;
    let a = &tr.act;
    let plan = cx.plan;
    let year = realised.year;
    let height = row_height(ui);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("result-lines", year),
        &[24.0, 250.0, 115.0, 145.0, 100.0, 110.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &["", a.line_name, tr.side, a.category, a.goal, a.amount],
        )
    })
    .body(|mut body| {
        for line in &realised.result_lines {
            body.row(height, |mut row| {
                row.col(|ui| {
                    if remove_button(ui, tr, &line.name) {
                        edits.push(Edit::RemoveLine(line.id));
                    }
                });
                row.col(|ui| {
                    let id = field_id("result-name", line.id, year);
                    let name = format!("{} {}", a.line_name, line.name);
                    if let Some(new) = text_field(ui, id, &line.name, &name, false) {
                        edits.push(Edit::SetText(TextField::Name(line.id), new));
                    }
                });
                row.col(|ui| {
                    let mut side = line.side;
                    egui::ComboBox::from_id_salt(("result-side", line.id.0))
                        .width(100.0)
                        .selected_text(side_name(tr, side))
                        .show_ui(ui, |ui| {
                            for s in [Side::Cost, Side::Income] {
                                ui.selectable_value(&mut side, s, side_name(tr, s));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {}", tr.side, line.name));
                    if side != line.side {
                        edits.push(Edit::SetSide(line.id, side));
                    }
                });
                row.col(|ui| {
                    let mut category = line.category;
                    egui::ComboBox::from_id_salt(("result-category", line.id.0))
                        .width(130.0)
                        .selected_text(tr.category_name(category))
                        .show_ui(ui, |ui| {
                            for &c in AccountCategory::for_side(line.side) {
                                ui.selectable_value(&mut category, c, tr.category_name(c));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {}", a.category, line.name));
                    if category != line.category {
                        edits.push(Edit::SetActualCategory(line.id, category));
                    }
                });
                row.col(|ui| {
                    let mut goal = line.goal;
                    let goal_text = |goal: Option<Id>| {
                        goal.and_then(|g| plan.goal_code(g))
                            .unwrap_or(a.no_goal)
                            .to_string()
                    };
                    egui::ComboBox::from_id_salt(("result-goal", line.id.0))
                        .width(85.0)
                        .selected_text(goal_text(goal))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut goal, None, a.no_goal);
                            for sd in &plan.strategic_goals {
                                ui.selectable_value(&mut goal, Some(sd.id), &sd.code);
                            }
                        })
                        .response
                        .accessible_name(format!("{} {}", a.goal, line.name));
                    if goal != line.goal {
                        edits.push(Edit::SetActualGoal(line.id, goal));
                    }
                });
                row.col(|ui| {
                    let outcome = decimal_cell(
                        ui,
                        field_id("result-amount", line.id, year),
                        line.amount,
                        CellKind::Euro,
                        &format!("{} {}", a.amount, line.name),
                    );
                    if let Some(value) = outcome.value {
                        edits.push(Edit::SetActual(ActualValue::LineAmount(line.id), value));
                    }
                });
            });
        }
    });
    ui.horizontal(|ui| {
        for side in [Side::Cost, Side::Income] {
            let label = format!("{} ({})", a.add_line, side_name(tr, side).to_lowercase());
            if ui.button(label).clicked() {
                cx.edits.push(Edit::AddResultLine { year, side });
            }
        }
    });
    ui.add_space(6.0);
    let totals = &comparison.totals;
    let edits = &mut *cx.edits;
    table(ui, ("result-totals", year), &[210.0, 120.0, 110.0, 300.0])
        .header(height, |header| {
            header_row(header, &["", tr.computed, tr.printed, ""])
        })
        .body(|mut body| {
            for (total, name, computed) in [
                (PrintedTotal::Cost, a.cost_total, totals.cost),
                (PrintedTotal::Income, a.income_total, totals.income),
                (PrintedTotal::Result, a.balance, totals.result),
            ] {
                body.row(height, |mut row| {
                    row.col(|ui| {
                        ui.label(RichText::new(name).strong());
                    });
                    row.col(|ui| {
                        number_label(ui, numfmt::format(computed, 2, false));
                    });
                    row.col(|ui| {
                        let printed_name = match total {
                            PrintedTotal::Cost => a.printed_cost,
                            PrintedTotal::Income => a.printed_income,
                            PrintedTotal::Result => a.printed_result,
                        };
                        let outcome = optional_decimal_cell(
                            ui,
                            egui::Id::unique(("printed-total", year, total)),
                            realised.printed(total),
                            CellKind::Euro,
                            printed_name,
                        );
                        if let Some(value) = outcome.value {
                            edits.push(Edit::SetActual(ActualValue::Printed(year, total), value));
                        }
                    });
                    row.col(|ui| {
                        if let Some(check) = totals
                            .printed
                            .iter()
                            .find(|c| c.total == total && !c.matches)
                        {
                            ui.label(
                                RichText::new(format!(
                                    "! {} ({})",
                                    a.printed_differs,
                                    numfmt::format(check.printed - check.computed, 2, true)
                                ))
                                .color(palette::ERROR),
                            );
                        }
                    });
                });
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new(a.by_goal).strong());
    table(ui, ("result-by-goal", year), &[120.0, 110.0, 110.0, 110.0])
        .header(height, |header| {
            header_row(header, &[a.goal, a.operating, a.cost_total, a.income_total])
        })
        .body(|mut body| {
            for goal in &comparison.by_goal {
                body.row(height, |mut row| {
                    row.col(|ui| {
                        ui.label(goal.code.as_deref().unwrap_or(a.no_goal));
                    });
                    for value in [goal.operating, goal.cost, goal.income] {
                        row.col(|ui| {
                            number_label(ui, numfmt::euros(value));
                        });
                    }
                });
            }
        });
}

/// The name of what a function is planned as: a staff line or a salary profile.
fn planned_as_name(plan: &Plan, id: Option<Id>, a: &ActualsTexts) -> Option<String> {
    let id = id?;
    plan.staff_lines
        .iter()
        .find(|l| l.id == id)
        .map(|l| l.name.clone())
        .or_else(|| {
            plan.salary_profile(id)
                .map(|p| format!("{} ({})", p.name, a.profile))
        })
}

/// FTE per function: planned as, planned, on the payroll, effectively available.
fn staff_ui(ui: &mut Ui, cx: &mut PanelCtx, realised: &YearActuals, comparison: &YearComparison) {
    let tr = cx.tr;
    let a = &tr.act;
    let plan = cx.plan;
    let year = realised.year;
    let height = row_height(ui);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-staff", year),
        &[24.0, 250.0, 250.0, 80.0, 80.0, 80.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                "",
                a.function,
                a.planned_as,
                a.planned_fte,
                a.payroll_short,
                a.available_short,
            ],
        )
    })
    .body(|mut body| {
        for (staff, compared) in realised.staff.iter().zip(&comparison.staff) {
            body.row(height, |mut row| {
                row.col(|ui| {
                    if remove_button(ui, tr, &staff.name) {
                        edits.push(Edit::RemoveLine(staff.id));
                    }
                });
                row.col(|ui| {
                    let id = field_id("staff-name", staff.id, year);
                    let name = format!("{} {}", a.function, staff.name);
                    if let Some(new) = text_field(ui, id, &staff.name, &name, false) {
                        edits.push(Edit::SetText(TextField::Name(staff.id), new));
                    }
                });
                row.col(|ui| {
                    let mut planned_as = staff.planned_as;
                    egui::ComboBox::from_id_salt(("planned-as", staff.id.0))
                        .width(235.0)
                        .selected_text(
                            planned_as_name(plan, planned_as, a)
                                .unwrap_or_else(|| a.not_linked.into()),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut planned_as, None, a.not_linked);
                            for line in &plan.staff_lines {
                                ui.selectable_value(&mut planned_as, Some(line.id), &line.name);
                            }
                            for profile in &plan.salary_profiles {
                                ui.selectable_value(
                                    &mut planned_as,
                                    Some(profile.id),
                                    format!("{} ({})", profile.name, a.profile),
                                );
                            }
                        })
                        .response
                        .accessible_name(format!("{} {}", a.planned_as, staff.name));
                    if planned_as != staff.planned_as {
                        edits.push(Edit::SetPlannedAs(staff.id, planned_as));
                    }
                });
                row.col(|ui| {
                    number_label(ui, compared.planned.map_or_else(String::new, numfmt::fte));
                });
                for (value, current, name) in [
                    (
                        ActualValue::PayrollFte(staff.id),
                        staff.payroll_fte,
                        a.fte_payroll,
                    ),
                    (
                        ActualValue::AvailableFte(staff.id),
                        staff.available_fte,
                        a.fte_available,
                    ),
                ] {
                    row.col(|ui| {
                        let id = egui::Id::unique(("staff-fte", format!("{value:?}")));
                        let name = format!("{name} {}", staff.name);
                        let outcome = decimal_cell(ui, id, current, CellKind::Fte, &name);
                        if let Some(new) = outcome.value {
                            edits.push(Edit::SetActual(value, new));
                        }
                    });
                }
            });
        }
    });
    if ui.button(a.add_function).clicked() {
        cx.edits.push(Edit::AddStaffActual { year });
    }
}

/// A short name for an indicator in its row: its goal and place, `SD1 2`, `Algemeen 1`.
fn indicator_names(plan: &Plan, a: &ActualsTexts) -> Vec<(Id, String)> {
    let mut names = Vec::new();
    let mut push = |owner: &str, indicators: &[crate::model::Indicator]| {
        for (i, indicator) in indicators.iter().enumerate() {
            names.push((indicator.id, format!("{owner} {}", i + 1)));
        }
    };
    push(a.general, &plan.general_indicators);
    for sd in &plan.strategic_goals {
        push(&sd.code, &sd.indicators);
        for od in &sd.operational_goals {
            push(&od.code, &od.indicators);
        }
    }
    names
}

fn verdict_color(verdict: Verdict) -> Option<egui::Color32> {
    match verdict {
        Verdict::Met => Some(palette::POSITIVE),
        Verdict::NotMet => Some(palette::NEGATIVE),
        Verdict::NotYetMet => Some(palette::NEUTRAL_CHANGE),
        Verdict::NotMeasured | Verdict::Dropped | Verdict::NoTarget => None,
    }
}

fn target_text(target: &crate::model::Target, tr: &Tr) -> String {
    let comparator = match target.comparator {
        crate::model::Comparator::AtLeast => tr.at_least,
        crate::model::Comparator::AtMost => tr.at_most,
        crate::model::Comparator::Exactly => tr.exactly,
    };
    let year = target.year.map_or_else(String::new, |y| format!(" ({y})"));
    format!(
        "{comparator} {} {}{year}",
        numfmt::exact(target.value),
        target.unit
    )
}

/// Every indicator: target, realised value, milestone state and verdict.
fn indicators_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    realised: &YearActuals,
    comparison: &YearComparison,
) {
    let tr = cx.tr;
    let a = &tr.act;
    let year = realised.year;
    let names = indicator_names(cx.plan, a);
    let height = row_height(ui);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-indicators", year),
        &[90.0, 310.0, 190.0, 75.0, 110.0, 175.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                tr.goal,
                tr.indicators,
                a.target,
                a.realised,
                a.milestone,
                a.verdict,
            ],
        )
    })
    .body(|mut body| {
        for result in &comparison.indicators {
            let name = names
                .iter()
                .find(|(id, _)| *id == result.indicator)
                .map_or_else(String::new, |(_, n)| n.clone());
            body.row(height, |mut row| {
                row.col(|ui| {
                    ui.label(&name);
                });
                row.col(|ui| truncated(ui, &result.text));
                row.col(|ui| {
                    let target = result
                        .target
                        .as_ref()
                        .map_or_else(String::new, |t| target_text(t, tr));
                    truncated(ui, &target);
                });
                row.col(|ui| {
                    let outcome = optional_decimal_cell(
                        ui,
                        field_id("indicator-actual", result.indicator, year),
                        result.realised,
                        CellKind::Fte,
                        &format!("{} {name}", a.realised),
                    );
                    if let Some(value) = outcome.value {
                        edits.push(Edit::SetYear(
                            YearField::IndicatorActual(result.indicator),
                            year,
                            value,
                        ));
                    }
                });
                row.col(|ui| {
                    let mut state = result.milestone;
                    egui::ComboBox::from_id_salt(("milestone", result.indicator.0, year))
                        .width(95.0)
                        .selected_text(state.map_or(a.no_milestone, |m| a.milestone_name(m)))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut state, None, a.no_milestone);
                            for m in Milestone::ALL {
                                ui.selectable_value(&mut state, Some(m), a.milestone_name(m));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {name}", a.milestone));
                    if state != result.milestone {
                        edits.push(Edit::SetMilestone {
                            year,
                            indicator: result.indicator,
                            state,
                        });
                    }
                });
                row.col(|ui| {
                    let verdict = a.verdict_name(result.verdict);
                    let text = RichText::new(verdict);
                    let text = match verdict_color(result.verdict) {
                        Some(color) => text.color(color),
                        None => text.weak(),
                    };
                    ui.label(text)
                        .accessible_name(format!("{} {name}: {verdict}", a.verdict));
                });
            });
        }
    });
}

/// A number cell for an optional realised value (empty clears it).
fn optional_cell(
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

/// Key output figures with their target groups.
fn output_ui(ui: &mut Ui, cx: &mut PanelCtx, realised: &YearActuals) {
    let tr = cx.tr;
    let a = &tr.act;
    let year = realised.year;
    let height = row_height(ui);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-output", year),
        &[24.0, 165.0, 250.0, 75.0, 75.0, 75.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                "",
                a.output_kind,
                a.output_label,
                a.value,
                a.of_total,
                a.percent,
            ],
        )
    })
    .body(|mut body| {
        for figure in &realised.output {
            let name = a.output_name(figure.kind, &figure.label);
            body.row(height, |mut row| {
                row.col(|ui| {
                    if remove_button(ui, tr, &name) {
                        edits.push(Edit::RemoveLine(figure.id));
                    }
                });
                row.col(|ui| {
                    let mut kind = figure.kind;
                    egui::ComboBox::from_id_salt(("output-kind", figure.id.0))
                        .width(150.0)
                        .selected_text(a.kind_name(kind))
                        .show_ui(ui, |ui| {
                            for k in OutputKind::ALL {
                                ui.selectable_value(&mut kind, k, a.kind_name(k));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {name}", a.output_kind));
                    if kind != figure.kind {
                        edits.push(Edit::SetOutputKind(figure.id, kind));
                    }
                });
                row.col(|ui| {
                    let id = field_id("output-label", figure.id, year);
                    let field = format!("{} {name}", a.output_label);
                    if let Some(new) = text_field(ui, id, &figure.label, &field, false) {
                        edits.push(Edit::SetText(TextField::Name(figure.id), new));
                    }
                });
                row.col(|ui| {
                    let outcome = decimal_cell(
                        ui,
                        field_id("output-value", figure.id, year),
                        figure.value,
                        CellKind::Fte,
                        &format!("{} {name}", a.value),
                    );
                    if let Some(new) = outcome.value {
                        edits.push(Edit::SetActual(ActualValue::OutputValue(figure.id), new));
                    }
                });
                if !figure.kind.is_score() {
                    row.col(|ui| {
                        let field = format!("{} {name}", a.of_total);
                        let value = ActualValue::OutputOfTotal(figure.id);
                        optional_cell(ui, edits, value, figure.of_total, &field);
                    });
                    row.col(|ui| {
                        let field = format!("{} {name}", a.percent);
                        let value = ActualValue::OutputPercent(figure.id);
                        optional_cell(ui, edits, value, figure.percent, &field);
                    });
                }
            });
            for part in &figure.breakdown {
                let part_name = format!("{name} {}", part.target_group);
                body.row(height, |mut row| {
                    row.col(|ui| {
                        if remove_button(ui, tr, &part_name) {
                            edits.push(Edit::RemoveLine(part.id));
                        }
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(format!("    {}", a.target_group)).weak());
                    });
                    row.col(|ui| {
                        let id = field_id("part-group", part.id, year);
                        let field = format!("{} {part_name}", a.target_group);
                        if let Some(new) = text_field(ui, id, &part.target_group, &field, false) {
                            edits.push(Edit::SetText(TextField::Name(part.id), new));
                        }
                    });
                    row.col(|ui| {
                        if !figure.kind.is_score() {
                            let field = format!("{} {part_name}", a.count);
                            let value = ActualValue::PartCount(part.id);
                            optional_cell(ui, edits, value, part.count, &field);
                        }
                    });
                    row.col(|_| {});
                    row.col(|ui| {
                        let field = format!("{} {part_name}", a.percent);
                        let value = ActualValue::PartPercent(part.id);
                        optional_cell(ui, edits, value, part.percent, &field);
                    });
                });
            }
            body.row(height, |mut row| {
                row.col(|_| {});
                row.col(|ui| {
                    if ui
                        .small_button(a.add_part)
                        .accessible_name(format!("{} {name}", a.add_part))
                        .clicked()
                    {
                        edits.push(Edit::AddOutputPart { output: figure.id });
                    }
                });
            });
        }
    });
    if ui.button(a.add_output).clicked() {
        cx.edits.push(Edit::AddOutput {
            year,
            kind: OutputKind::Activities,
        });
    }
}

/// The description of a planned activity, or its type when it has none.
fn activity_name(plan: &Plan, activity: &crate::model::Activity) -> String {
    if activity.description.is_empty() {
        plan.activity_type(activity.activity_type)
            .map_or(String::new(), |k| k.name.clone())
    } else {
        activity.description.clone()
    }
}

/// The planned activities of the year by operational goal, with their status, and the additions.
fn activities_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    realised: &YearActuals,
    comparison: &YearComparison,
) {
    let tr = cx.tr;
    let a = &tr.act;
    let plan = cx.plan;
    let year = realised.year;
    let height = row_height(ui);
    activity_counts_ui(ui, a, &comparison.activities);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-activities", year),
        &[95.0, 300.0, 145.0, 185.0, 240.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[tr.goal, tr.activity, a.status, a.replaced_by, a.reason],
        )
    })
    .body(|mut body| {
        for (_, od) in plan.operational_goals() {
            for activity in od
                .activities
                .iter()
                .filter(|x| x.first_year <= year && year <= x.last_year)
            {
                let report = realised.activity_report(activity.id);
                let description = activity_name(plan, activity);
                body.row(height, |mut row| {
                    row.col(|ui| {
                        ui.label(&od.code);
                    });
                    row.col(|ui| truncated(ui, &description));
                    row.col(|ui| {
                        let current = report.map(|r| r.status);
                        let mut status = current;
                        egui::ComboBox::from_id_salt(("activity-status", activity.id.0, year))
                            .width(135.0)
                            .selected_text(status.map_or(a.no_status, |s| a.status_name(s)))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut status, None, a.no_status);
                                for s in ActivityStatus::ALL {
                                    ui.selectable_value(&mut status, Some(s), a.status_name(s));
                                }
                            })
                            .response
                            .accessible_name(format!("{} {description}", a.status));
                        if status != current {
                            edits.push(Edit::SetActivityStatus {
                                year,
                                activity: activity.id,
                                status,
                            });
                        }
                    });
                    row.col(|ui| {
                        if let Some(report) =
                            report.filter(|r| r.status == ActivityStatus::Replaced)
                        {
                            let id = field_id("replaced-by", activity.id, year);
                            let name = format!("{} {description}", a.replaced_by);
                            if let Some(new) = text_field(ui, id, &report.replaced_by, &name, false)
                            {
                                edits.push(Edit::SetText(
                                    TextField::ReplacedBy {
                                        year,
                                        activity: activity.id,
                                    },
                                    new,
                                ));
                            }
                        }
                    });
                    row.col(|ui| {
                        if let Some(report) = report {
                            let id = field_id("activity-reason", activity.id, year);
                            let name = format!("{} {description}", a.reason);
                            if let Some(new) = text_field(ui, id, &report.reason, &name, false) {
                                edits.push(Edit::SetText(
                                    TextField::ActualReason {
                                        year,
                                        id: activity.id,
                                    },
                                    new,
                                ));
                            }
                        }
                    });
                });
            }
            for added in realised.added_activities.iter().filter(|x| x.goal == od.id) {
                body.row(height, |mut row| {
                    row.col(|ui| {
                        if remove_button(ui, tr, &added.description) {
                            edits.push(Edit::RemoveLine(added.id));
                        }
                        ui.label(&od.code);
                    });
                    row.col(|ui| {
                        let id = field_id("added-description", added.id, year);
                        let name = format!("{} {}", a.unplanned, od.code);
                        if let Some(new) = text_field(ui, id, &added.description, &name, false) {
                            edits
                                .push(Edit::SetText(TextField::ActivityDescription(added.id), new));
                        }
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(a.status_added).italics());
                    });
                    row.col(|_| {});
                    row.col(|ui| {
                        let id = field_id("added-reason", added.id, year);
                        let name = format!("{} {}", a.reason, added.description);
                        if let Some(new) = text_field(ui, id, &added.reason, &name, false) {
                            edits.push(Edit::SetText(
                                TextField::ActualReason { year, id: added.id },
                                new,
                            ));
                        }
                    });
                });
            }
        }
    });
    // An unplanned activity, under an operational goal picked here.
    ui.horizontal(|ui| {
        let id = egui::Id::unique(("unplanned-goal", year));
        let first = plan.operational_goals().next().map(|(_, od)| od.id);
        let mut goal: Option<Id> = ui.data(|d| d.get_temp(id)).or(first);
        egui::ComboBox::from_id_salt(("unplanned-goal-combo", year))
            .width(90.0)
            .selected_text(goal.and_then(|g| plan.goal_code(g)).unwrap_or("?"))
            .show_ui(ui, |ui| {
                for (_, od) in plan.operational_goals() {
                    ui.selectable_value(&mut goal, Some(od.id), &od.code);
                }
            })
            .response
            .accessible_name(format!("{} {}", a.unplanned, tr.goal));
        ui.data_mut(|d| d.insert_temp(id, goal));
        if let Some(goal) = goal
            && ui.button(a.add_unplanned).clicked()
        {
            cx.edits.push(Edit::AddUnplannedActivity { year, goal });
        }
    });
}

/// Planned (dashed) against realised (solid, with points) costs and income, and FTE on the
/// payroll, over the plan years.
fn charts_ui(ui: &mut Ui, cx: &PanelCtx) {
    use egui_plot::{Line, LineStyle, PlotPoints, Points};
    let a = &cx.tr.act;
    let chart = &cx.summary.actuals.chart;
    let f = |v: Decimal| v.to_f64().unwrap_or_default();
    let planned = |values: &[Decimal]| -> PlotPoints<'static> {
        chart
            .years
            .iter()
            .zip(values)
            .map(|(y, v)| [f64::from(*y), f(*v)])
            .collect::<Vec<_>>()
            .into()
    };
    let realised = |values: &[Option<Decimal>]| -> Vec<[f64; 2]> {
        chart
            .years
            .iter()
            .zip(values)
            .filter_map(|(y, v)| v.map(|v| [f64::from(*y), f(v)]))
            .collect()
    };
    let width = ((ui.available_width() - 20.0) / 2.0).clamp(220.0, 520.0);
    let height = 170.0;
    let range = |planned: &[&[Decimal]], realised: &[&[Option<Decimal>]]| {
        let values = planned
            .iter()
            .flat_map(|s| s.iter().copied())
            .chain(realised.iter().flat_map(|s| s.iter().flatten().copied()));
        let high = values.fold(Decimal::ZERO, Decimal::max);
        (Decimal::ZERO, high)
    };
    let money = range(
        &[&chart.planned_cost, &chart.planned_income],
        &[&chart.realised_cost, &chart.realised_income],
    );
    let fte = range(&[&chart.planned_fte], &[&chart.realised_fte]);
    let plot = |id: &'static str, range, format: fn(Decimal) -> String| {
        super::charts_ui::year_plot(id, &chart.years, range, format, height).width(width)
    };
    let (cost, income) = (palette::SERIES[0], palette::SERIES[1]);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(a.chart_money).strong());
            let names = [
                format!("{} ({})", a.cost_total, a.planned_line),
                format!("{} ({})", a.cost_total, a.realised_line),
                format!("{} ({})", a.income_total, a.planned_line),
                format!("{} ({})", a.income_total, a.realised_line),
            ];
            super::charts_ui::key_ui(
                ui,
                &[
                    (names[0].clone(), cost, true),
                    (names[1].clone(), cost, false),
                    (names[2].clone(), income, true),
                    (names[3].clone(), income, false),
                ],
            );
            plot("actuals-money", money, numfmt::euros).show(ui, |plot_ui| {
                plot_ui.line(
                    Line::new(names[0].clone(), planned(&chart.planned_cost))
                        .color(cost)
                        .style(LineStyle::dashed_loose()),
                );
                let points = realised(&chart.realised_cost);
                plot_ui.line(
                    Line::new(names[1].clone(), points.clone())
                        .color(cost)
                        .width(2.5),
                );
                plot_ui.points(
                    Points::new(names[1].clone(), points)
                        .color(cost)
                        .radius(4.0),
                );
                plot_ui.line(
                    Line::new(names[2].clone(), planned(&chart.planned_income))
                        .color(income)
                        .style(LineStyle::dashed_loose()),
                );
                let points = realised(&chart.realised_income);
                plot_ui.line(
                    Line::new(names[3].clone(), points.clone())
                        .color(income)
                        .width(2.5),
                );
                plot_ui.points(
                    Points::new(names[3].clone(), points)
                        .color(income)
                        .radius(4.0),
                );
            });
        });
        ui.vertical(|ui| {
            ui.label(RichText::new(a.chart_fte).strong());
            let names = [
                format!("{} ({})", a.fte_payroll, a.planned_line),
                format!("{} ({})", a.fte_payroll, a.realised_line),
            ];
            super::charts_ui::key_ui(
                ui,
                &[
                    (names[0].clone(), cost, true),
                    (names[1].clone(), cost, false),
                ],
            );
            plot("actuals-fte", fte, numfmt::fte).show(ui, |plot_ui| {
                plot_ui.line(
                    Line::new(names[0].clone(), planned(&chart.planned_fte))
                        .color(cost)
                        .style(LineStyle::dashed_loose()),
                );
                let points = realised(&chart.realised_fte);
                plot_ui.line(
                    Line::new(names[1].clone(), points.clone())
                        .color(cost)
                        .width(2.5),
                );
                plot_ui.points(
                    Points::new(names[1].clone(), points)
                        .color(cost)
                        .radius(4.0),
                );
            });
        });
    });
}
