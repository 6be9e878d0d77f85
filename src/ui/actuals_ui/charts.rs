//! Planned against realised, drawn.

use super::*;

/// Planned (dashed) against realised (solid, with points) costs and income, and FTE on the
/// payroll, over the plan years.
pub(super) fn charts_ui(ui: &mut Ui, cx: &PanelCtx) {
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
        crate::ui::charts_ui::year_plot(id, &chart.years, range, format, height).width(width)
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
            crate::ui::charts_ui::key_ui(
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
            crate::ui::charts_ui::key_ui(
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
