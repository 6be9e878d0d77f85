//! Charts (egui_plot) drawn from the chart data computed once per revision
//! ([`crate::calc::charts`]): FTE per year stacked by strategic goal plus support; costs by kind
//! against income; balance and reserves. The colour key stands above each plot (never over the
//! bars), every year is labelled, and the value axis starts at zero for quantities.
//! Decimals become f64 only here, at the plotting boundary.

use crate::calc::Series;
use crate::calc::charts::{ChartData, ChartSeries, ColorKey, SeriesName};
use crate::i18n::Tr;
use crate::numfmt;
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, HoverPosition, Line, Plot, PlotPoints};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

fn color(ui: &Ui, key: ColorKey) -> Color32 {
    match key {
        ColorKey::Series(i) => super::palette::SERIES[i % super::palette::SERIES.len()],
        ColorKey::Muted => ui.visuals().weak_text_color(),
    }
}

/// The name of a series in the user's language.
pub fn series_name(name: &SeriesName, tr: &Tr) -> String {
    match name {
        SeriesName::Goal(code) => code.clone(),
        SeriesName::OtherGoals(n) => format!("{} ({n})", tr.other_goals),
        SeriesName::GenericLines => tr.generic_lines.to_string(),
        SeriesName::Support => tr.support.to_string(),
        SeriesName::Available => tr.available.to_string(),
        SeriesName::Personnel => tr.personnel.to_string(),
        SeriesName::Operating => tr.operating.to_string(),
        SeriesName::Overhead => tr.overhead.to_string(),
        SeriesName::OtherCost => tr.other_cost.to_string(),
        SeriesName::IncomeTotal => tr.income_total.to_string(),
        SeriesName::Balance => tr.balance.to_string(),
        SeriesName::Reserve(name) => name.clone(),
    }
}

/// The colour key above a plot: a swatch and a name per series, wrapping.
pub(super) fn key_ui(ui: &mut Ui, entries: &[(String, Color32, bool)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (name, color, is_line) in entries {
            let size = if *is_line {
                egui::vec2(14.0, 3.0)
            } else {
                egui::vec2(10.0, 10.0)
            };
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 1.0, *color);
            ui.label(RichText::new(name).small());
            ui.add_space(6.0);
        }
    });
}

/// Common settings: one grid mark and label per year, hover labels in nl-BE notation, no
/// panning or zooming, the value axis from `low` to `high` (always including zero).
pub(super) fn year_plot<'a>(
    id: &'a str,
    years: &[i32],
    (low, high): (Decimal, Decimal),
    value_format: fn(Decimal) -> String,
    height: f32,
) -> Plot<'a> {
    let (first, last) = (
        years.first().copied().unwrap_or(2000) as f64,
        years.last().copied().unwrap_or(2000) as f64,
    );
    let (low, high) = (f(low.min(Decimal::ZERO)), f(high.max(Decimal::ZERO)));
    // An empty chart still shows a sensible axis from 0, not -2..2.
    let high = if high <= low { low + 1.0 } else { high };
    let headroom = (high - low) * 0.08;
    // The years in the id: a plan of another period (a new period, Nieuw plan) gets fresh
    // bounds instead of the old period's kept in the plot's memory.
    Plot::new((id, first as i64, last as i64))
        .height(height)
        .label_formatter(move |hover| match hover {
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
        .x_grid_spacer(move |_| {
            (first as i64..=last as i64)
                .map(|y| GridMark {
                    value: y as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        // A label for every year: years are short, so closer labels than egui_plot's default.
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label_spacing(24.0..=32.0)
                .formatter(|mark, _| format!("{}", mark.value.round() as i64)),
        ])
        .y_axis_formatter(move |mark, _| {
            value_format(Decimal::from_f64_retain(mark.value).unwrap_or_default())
        })
        .default_x_bounds(first - 0.6, last + 0.6)
        .default_y_bounds(
            if low < 0.0 { low - headroom } else { 0.0 },
            high + headroom,
        )
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

fn bars(name: &str, years: &[i32], values: &Series, fmt: fn(Decimal) -> String) -> Vec<Bar> {
    years
        .iter()
        .zip(values)
        .map(|(y, v)| {
            Bar::new(*y as f64, f(*v))
                .width(0.6)
                .name(format!("{name} {y}: {}", fmt(*v)))
        })
        .collect()
}

fn line_points(years: &[i32], values: &Series) -> PlotPoints<'static> {
    PlotPoints::from(
        years
            .iter()
            .zip(values)
            .map(|(y, v)| [*y as f64, f(*v)])
            .collect::<Vec<_>>(),
    )
}

/// Stacked bars for `stack`, in order.
fn stacked_bars(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    stack: &[(String, Color32, &ChartSeries)],
    years: &[i32],
    fmt: fn(Decimal) -> String,
) {
    let mut charts: Vec<BarChart> = Vec::new();
    for (name, color, series) in stack {
        let chart = BarChart::new(name.clone(), bars(name, years, &series.values, fmt))
            .color(*color)
            .element_formatter(Box::new(|bar, _| bar.name.clone()));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    for chart in charts {
        plot_ui.bar_chart(chart);
    }
}

fn named<'a>(
    ui: &Ui,
    tr: &Tr,
    stack: &'a [ChartSeries],
) -> Vec<(String, Color32, &'a ChartSeries)> {
    stack
        .iter()
        .map(|s| (series_name(&s.name, tr), color(ui, s.color), s))
        .collect()
}

/// FTE per year, stacked by strategic goal, generic lines and support; the FTE available as a line.
pub fn fte_chart_ui(ui: &mut Ui, data: &ChartData, tr: &Tr, height: f32) {
    ui.label(RichText::new(tr.chart_fte).strong());
    let line_color = ui.visuals().strong_text_color();
    let stack = named(ui, tr, &data.fte_stack);
    let mut key: Vec<(String, Color32, bool)> = stack
        .iter()
        .map(|(n, c, _)| (n.clone(), *c, false))
        .collect();
    key.push((tr.available.to_string(), line_color, true));
    key_ui(ui, &key);
    year_plot(
        "fte-chart",
        &data.years,
        (Decimal::ZERO, data.fte_max),
        numfmt::fte,
        height,
    )
    .show(ui, |plot_ui| {
        stacked_bars(plot_ui, &stack, &data.years, numfmt::fte);
        plot_ui.line(
            Line::new(tr.available, line_points(&data.years, &data.fte_available))
                .color(line_color)
                .width(2.0)
                .style(egui_plot::LineStyle::dashed_loose()),
        );
    });
}

/// Personnel, operating and overhead cost (stacked) against income (a line), per year.
pub fn cost_chart_ui(ui: &mut Ui, data: &ChartData, tr: &Tr, height: f32) {
    ui.label(RichText::new(tr.chart_costs).strong());
    let line_color = ui.visuals().strong_text_color();
    let stack = named(ui, tr, &data.cost_stack);
    let mut key: Vec<(String, Color32, bool)> = stack
        .iter()
        .map(|(n, c, _)| (n.clone(), *c, false))
        .collect();
    key.push((tr.income_total.to_string(), line_color, true));
    key_ui(ui, &key);
    year_plot(
        "cost-chart",
        &data.years,
        (Decimal::ZERO, data.cost_max),
        numfmt::euros,
        height,
    )
    .show(ui, |plot_ui| {
        stacked_bars(plot_ui, &stack, &data.years, numfmt::euros);
        plot_ui.line(
            Line::new(
                tr.income_total,
                line_points(&data.years, &data.income_total),
            )
            .color(line_color)
            .width(2.5),
        );
    });
}

/// The yearly balance (bars, red below zero) and each reserve's balance at the end of the year.
pub fn balance_chart_ui(ui: &mut Ui, data: &ChartData, tr: &Tr, height: f32) {
    ui.label(RichText::new(tr.chart_balance).strong());
    let mut key = vec![(tr.balance.to_string(), super::palette::POSITIVE, false)];
    let reserves = named(ui, tr, &data.reserves);
    key.extend(reserves.iter().map(|(n, c, _)| (n.clone(), *c, true)));
    key_ui(ui, &key);
    year_plot(
        "balance-chart",
        &data.years,
        data.balance_range,
        numfmt::signed_euros,
        height,
    )
    .show(ui, |plot_ui| {
        let balance_bars: Vec<Bar> =
            bars(tr.balance, &data.years, &data.balance, numfmt::signed_euros)
                .into_iter()
                .map(|b| {
                    let color = if b.value < 0.0 {
                        super::palette::NEGATIVE
                    } else {
                        super::palette::POSITIVE
                    };
                    b.fill(color)
                })
                .collect();
        plot_ui.bar_chart(
            BarChart::new(tr.balance, balance_bars)
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
        for (name, color, series) in &reserves {
            plot_ui.line(
                Line::new(name.clone(), line_points(&data.years, &series.values))
                    .color(*color)
                    .width(2.0),
            );
        }
    });
}

/// All three charts, one under the other.
pub fn charts_ui(ui: &mut Ui, data: &ChartData, tr: &Tr) {
    let height = ((ui.available_height() - 150.0) / 3.0).max(130.0);
    egui::ScrollArea::vertical()
        .id_salt("charts")
        .show(ui, |ui| {
            fte_chart_ui(ui, data, tr, height);
            ui.add_space(6.0);
            cost_chart_ui(ui, data, tr, height);
            ui.add_space(6.0);
            balance_chart_ui(ui, data, tr, height);
        });
}
