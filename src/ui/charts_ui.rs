//! Charts (egui_plot), always computed from the cached summary: FTE per year stacked by
//! strategic goal plus support; costs by kind against income; balance and reserves.
//! Decimals become f64 only here, at the plotting boundary.

use crate::calc::{Series, Summary};
use crate::i18n::Tr;
use crate::numfmt;
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, HoverPosition, Legend, Line, Plot, PlotPoints};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

const PALETTE: [Color32; 8] = [
    Color32::from_rgb(52, 120, 190),
    Color32::from_rgb(230, 140, 40),
    Color32::from_rgb(70, 160, 90),
    Color32::from_rgb(190, 70, 80),
    Color32::from_rgb(130, 100, 180),
    Color32::from_rgb(150, 110, 80),
    Color32::from_rgb(210, 110, 170),
    Color32::from_rgb(120, 120, 120),
];

/// Common settings: whole years on the x axis, hover labels in nl-BE notation, no panning.
fn year_axis(plot: Plot<'_>, value_format: fn(Decimal) -> String) -> Plot<'_> {
    plot.label_formatter(move |hover| match hover {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}: {}",
            position.x.round() as i64,
            value_format(Decimal::from_f64_retain(position.y).unwrap_or_default())
        )),
        HoverPosition::Elsewhere { .. } => None,
    })
    .x_axis_formatter(|mark, _| {
        if (mark.value - mark.value.round()).abs() < 1e-6 {
            format!("{}", mark.value.round() as i64)
        } else {
            String::new()
        }
    })
    .allow_drag(false)
    .allow_zoom(false)
    .allow_scroll(false)
    .allow_boxed_zoom(false)
    .legend(Legend::default())
}

fn bars(
    name: &str,
    years: &[i32],
    values: &Series,
    width: f64,
    offset: f64,
    fmt: fn(Decimal) -> String,
) -> Vec<Bar> {
    years
        .iter()
        .zip(values)
        .map(|(y, v)| {
            Bar::new(*y as f64 + offset, f(*v))
                .width(width)
                .name(format!("{name} {y}: {}", fmt(*v)))
        })
        .collect()
}

/// FTE per year, stacked by strategic goal, generic lines and support.
pub fn fte_chart_ui(ui: &mut Ui, s: &Summary, tr: &Tr, height: f32) {
    ui.label(egui::RichText::new(tr.chart_fte).strong());
    // A line over the bars, readable on a dark and a light background.
    let line_color = ui.visuals().strong_text_color();
    let mut series: Vec<(String, &Series)> =
        s.goals.iter().map(|g| (g.code.clone(), &g.fte)).collect();
    series.push((tr.generic_lines.to_string(), &s.fte_generic));
    series.push((tr.support.to_string(), &s.fte_support));
    let fte_fmt: fn(Decimal) -> String = numfmt::fte;
    year_axis(Plot::new("fte-chart"), numfmt::fte)
        .height(height)
        .y_axis_formatter(|mark, _| {
            numfmt::fte(Decimal::from_f64_retain(mark.value).unwrap_or_default())
        })
        .show(ui, |plot_ui| {
            let mut charts: Vec<BarChart> = Vec::new();
            for (i, (name, values)) in series.iter().enumerate() {
                let chart = BarChart::new(
                    name.clone(),
                    bars(name, &s.years, values, 0.6, 0.0, fte_fmt),
                )
                .color(PALETTE[i % PALETTE.len()])
                .element_formatter(Box::new(|bar, _| bar.name.clone()));
                let below: Vec<&BarChart> = charts.iter().collect();
                let chart = chart.stack_on(&below);
                charts.push(chart);
            }
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            plot_ui.line(
                Line::new(
                    tr.available,
                    PlotPoints::from(
                        s.years
                            .iter()
                            .zip(&s.fte_available)
                            .map(|(y, v)| [*y as f64, f(*v)])
                            .collect::<Vec<_>>(),
                    ),
                )
                .color(line_color)
                .width(2.0)
                .style(egui_plot::LineStyle::dashed_loose()),
            );
        });
}

/// Personnel, operating and overhead cost (stacked) against income (a line), per year.
pub fn cost_chart_ui(ui: &mut Ui, s: &Summary, tr: &Tr, height: f32) {
    ui.label(egui::RichText::new(tr.chart_costs).strong());
    let line_color = ui.visuals().strong_text_color();
    let euro: fn(Decimal) -> String = numfmt::euros;
    year_axis(Plot::new("cost-chart"), numfmt::euros)
        .height(height)
        .y_axis_formatter(|mark, _| {
            numfmt::euros(Decimal::from_f64_retain(mark.value).unwrap_or_default())
        })
        .show(ui, |plot_ui| {
            let mut kinds = vec![
                (tr.personnel, &s.personnel_total),
                (tr.operating, &s.operating_total),
                (tr.overhead, &s.overhead_total),
            ];
            if s.budget_basis == crate::model::BudgetBasis::Accounts {
                kinds.push((tr.other_cost, &s.other_cost));
            }
            let mut charts: Vec<BarChart> = Vec::new();
            for (i, (name, values)) in kinds.iter().enumerate() {
                let chart = BarChart::new(
                    name.to_string(),
                    bars(name, &s.years, values, 0.6, 0.0, euro),
                )
                .color(PALETTE[i])
                .element_formatter(Box::new(|bar, _| bar.name.clone()));
                let below: Vec<&BarChart> = charts.iter().collect();
                charts.push(chart.stack_on(&below));
            }
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            plot_ui.line(
                Line::new(
                    tr.income_total,
                    PlotPoints::from(
                        s.years
                            .iter()
                            .zip(&s.income_total)
                            .map(|(y, v)| [*y as f64, f(*v)])
                            .collect::<Vec<_>>(),
                    ),
                )
                .color(line_color)
                .width(2.5),
            );
        });
}

/// The yearly balance (bars) and each reserve's balance at the end of the year (lines).
pub fn balance_chart_ui(ui: &mut Ui, s: &Summary, tr: &Tr, height: f32) {
    ui.label(egui::RichText::new(tr.chart_balance).strong());
    let signed: fn(Decimal) -> String = numfmt::signed_euros;
    year_axis(Plot::new("balance-chart"), numfmt::signed_euros)
        .height(height)
        .y_axis_formatter(|mark, _| {
            numfmt::euros(Decimal::from_f64_retain(mark.value).unwrap_or_default())
        })
        .show(ui, |plot_ui| {
            let balance_bars: Vec<Bar> = bars(tr.balance, &s.years, &s.balance, 0.5, 0.0, signed)
                .into_iter()
                .map(|b| {
                    let color = if b.value < 0.0 {
                        Color32::from_rgb(200, 60, 60)
                    } else {
                        Color32::from_rgb(70, 160, 90)
                    };
                    b.fill(color)
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(tr.balance, balance_bars)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            for (i, row) in s.reserves.iter().enumerate() {
                plot_ui.line(
                    Line::new(
                        row.label.clone(),
                        PlotPoints::from(
                            s.years
                                .iter()
                                .zip(&row.values)
                                .map(|(y, v)| [*y as f64, f(*v)])
                                .collect::<Vec<_>>(),
                        ),
                    )
                    .color(PALETTE[(i + 4) % PALETTE.len()]),
                );
            }
        });
}

/// All three charts, one under the other.
pub fn charts_ui(ui: &mut Ui, s: &Summary, tr: &Tr) {
    let height = ((ui.available_height() - 90.0) / 3.0).max(140.0);
    egui::ScrollArea::vertical()
        .id_salt("charts")
        .show(ui, |ui| {
            fte_chart_ui(ui, s, tr, height);
            cost_chart_ui(ui, s, tr, height);
            balance_chart_ui(ui, s, tr, height);
        });
}
