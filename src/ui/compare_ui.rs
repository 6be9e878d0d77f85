//! The comparison view: 2 to 4 scenarios side by side, read-only. Key figures per year with the
//! difference to the chosen base, charts that overlay the scenarios, and the structural changes.

use super::heading_ui;
use crate::compare::{Diff, FigureRow, MatchedBy, Scenario};
use crate::i18n::Tr;
use crate::numfmt;
use crate::report::format_value;
use egui::{Color32, RichText, Ui};
use egui_plot::{Line, LineStyle, Plot, PlotPoints};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Everything the view shows, computed once per change (see `PlanApp`).
pub struct CompareView {
    pub scenarios: Vec<Scenario>,
    pub base: usize,
    pub years: Vec<i32>,
    pub rows: Vec<FigureRow>,
    /// Per scenario: its changes against the base (empty for the base).
    pub diffs: Vec<Option<Diff>>,
}

impl CompareView {
    pub fn new(scenarios: Vec<Scenario>, base: usize) -> CompareView {
        let base = base.min(scenarios.len().saturating_sub(1));
        let years = crate::compare::years(&scenarios);
        let rows = crate::compare::figure_rows(&scenarios, base);
        let diffs = scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (i != base).then(|| crate::compare::diff(&scenarios[base].plan, &s.plan)))
            .collect();
        CompareView {
            scenarios,
            base,
            years,
            rows,
            diffs,
        }
    }
}

/// The text of a difference cell: `+640 (+2,7 %)`.
pub fn delta_text(row: &FigureRow, scenario: usize, year: usize) -> String {
    let delta = row.deltas[scenario][year];
    let sign = if delta > Decimal::ZERO { "+" } else { "" };
    let amount = format!("{sign}{}", format_value(row.unit, delta));
    match row.percents[scenario][year] {
        Some(p) if !delta.is_zero() => {
            let psign = if p > Decimal::ZERO { "+" } else { "" };
            format!("{amount} ({psign}{} %)", numfmt::format(p, 1, true))
        }
        _ => amount,
    }
}

const COLORS: [Color32; 4] = [
    super::palette::SERIES[0],
    super::palette::SERIES[1],
    super::palette::SERIES[2],
    super::palette::SERIES[3],
];

fn series_line<'a>(name: String, years: &[i32], values: &[Decimal], color: Color32) -> Line<'a> {
    let points: Vec<[f64; 2]> = years
        .iter()
        .zip(values)
        .map(|(y, v)| [*y as f64, v.to_f64().unwrap_or(0.0)])
        .collect();
    Line::new(name, PlotPoints::from(points))
        .color(color)
        .width(2.0)
}

fn overlay_chart(
    ui: &mut Ui,
    id: &str,
    title: &str,
    view: &CompareView,
    keys: &[(&str, bool)],
    height: f32,
) {
    ui.label(RichText::new(title).strong());
    // The colour key above the charts names the scenarios; a legend here would hide the lines.
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_formatter(|m, _| {
            numfmt::format(
                Decimal::from_f64_retain(m.value).unwrap_or_default(),
                1,
                true,
            )
        })
        .x_axis_formatter(|m, _| {
            if (m.value - m.value.round()).abs() < 1e-6 {
                format!("{}", m.value.round() as i64)
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| {
            for (key, dashed) in keys {
                let Some(row) = view.rows.iter().find(|r| r.key == *key) else {
                    continue;
                };
                for (s, scenario) in view.scenarios.iter().enumerate() {
                    let mut line = series_line(
                        format!("{} – {}", scenario.name, row.label),
                        &view.years,
                        &row.values[s],
                        COLORS[s % COLORS.len()],
                    );
                    if *dashed {
                        line = line.style(LineStyle::dashed_loose());
                    }
                    plot_ui.line(line);
                }
            }
        });
}

/// The comparison; returns the newly chosen base scenario, if the user changed it.
pub fn compare_ui(ui: &mut Ui, view: &CompareView, tr: &Tr) -> Option<usize> {
    let mut chosen = view.base;
    egui::ScrollArea::both().id_salt("compare").show(ui, |ui| {
        heading_ui(ui, tr.compare);
        ui.horizontal(|ui| {
            ui.label(tr.base_scenario);
            egui::ComboBox::from_id_salt("compare-base")
                .selected_text(&view.scenarios[view.base].name)
                .show_ui(ui, |ui| {
                    for (i, s) in view.scenarios.iter().enumerate() {
                        ui.selectable_value(&mut chosen, i, &s.name);
                    }
                })
                .response
                .accessible_name(tr.base_scenario);
        });
        for (i, s) in view.scenarios.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            let assumption = &s.plan.meta.scenario_description;
            ui.horizontal_wrapped(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, color);
                ui.label(RichText::new(&s.name).strong());
                if !assumption.is_empty() {
                    ui.label(RichText::new(assumption).weak());
                }
            });
        }

        let height = 240.0;
        ui.columns(3, |cols| {
            overlay_chart(
                &mut cols[0],
                "cmp-fte",
                tr.chart_fte,
                view,
                &[("fte.total", false)],
                height,
            );
            overlay_chart(
                &mut cols[1],
                "cmp-cost",
                tr.chart_costs_lines,
                view,
                &[("cost.total", false), ("income.total", true)],
                height,
            );
            overlay_chart(
                &mut cols[2],
                "cmp-balance",
                tr.balance,
                view,
                &[("balance", false)],
                height,
            );
        });

        heading_ui(ui, tr.key_figures);
        egui::Grid::new("compare-grid")
            .striped(true)
            .min_col_width(90.0)
            .show(ui, |ui| {
                ui.label("");
                for y in &view.years {
                    ui.label(RichText::new(y.to_string()).strong());
                }
                ui.end_row();
                for row in &view.rows {
                    ui.label(RichText::new(&row.label).strong());
                    ui.end_row();
                    for (s, scenario) in view.scenarios.iter().enumerate() {
                        ui.label(format!("   {}", scenario.name));
                        for (y, value) in row.values[s].iter().enumerate() {
                            if s == view.base {
                                ui.label(format_value(row.unit, *value));
                            } else {
                                let delta = row.deltas[s][y];
                                // More cost is worse, more income or balance is better.
                                let worse = if row.key.starts_with("cost") {
                                    delta > Decimal::ZERO
                                } else {
                                    delta < Decimal::ZERO
                                };
                                let color = if delta.is_zero() {
                                    ui.visuals().weak_text_color()
                                } else if worse && !row.key.starts_with("fte") {
                                    super::palette::NEGATIVE
                                } else if !row.key.starts_with("fte") {
                                    super::palette::POSITIVE
                                } else {
                                    super::palette::NEUTRAL_CHANGE
                                };
                                ui.vertical(|ui| {
                                    ui.label(format_value(row.unit, *value));
                                    ui.label(RichText::new(delta_text(row, s, y)).color(color));
                                });
                            }
                        }
                        ui.end_row();
                    }
                }
            });

        heading_ui(ui, tr.changes);
        for (s, diff) in view.diffs.iter().enumerate() {
            let Some(diff) = diff else {
                continue;
            };
            let title = format!(
                "{} t.o.v. {} ({})",
                view.scenarios[s].name,
                view.scenarios[view.base].name,
                diff.changes.len()
            );
            egui::CollapsingHeader::new(title)
                .id_salt(("diff", s))
                .default_open(true)
                .show(ui, |ui| {
                    if diff.matched_by == MatchedBy::CodeAndTitle {
                        ui.label(RichText::new(tr.no_shared_history).italics());
                    }
                    if diff.changes.is_empty() {
                        ui.label(tr.no_changes);
                    }
                    for change in &diff.changes {
                        ui.label(format!("- {}", change.text));
                    }
                });
        }
    });
    (chosen != view.base).then_some(chosen)
}
