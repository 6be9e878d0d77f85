//! The comparison view: 2 to 4 scenarios side by side. The first is the plan open in the editor
//! (editable); the others are files shown read-only, each of which can be made the editable one.
//! Verdict per scenario, charts with every scenario (the base dashed, on top), key figures per
//! year and over the period with the difference to the chosen base, where the money ends, and
//! the structural changes. Everything shown is computed once per change in
//! [`crate::compare::Comparison`].

use super::heading_ui;
use super::widgets::{LONG_LIST, lazy_lines_ui};
use crate::compare::render::{
    delta_text, describe_change, describe_verdict, period_delta, period_header, period_value,
};
use crate::compare::{Figure, FigureRow, Judgement, MatchedBy};
use crate::i18n::figure_label;
use crate::i18n::{Lang, compare_tr, fill, tr};
use crate::numfmt;
use crate::report::format_value;
use egui::{Color32, RichText, Ui};
use egui_plot::{Line, LineStyle, Plot, PlotPoints};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Everything the view shows (see [`crate::compare::Comparison`]). Scenario 0 is the plan open
/// in the editor.
pub type CompareView = crate::compare::Comparison;

/// The scenario that is open in the editor (the others are read-only files).
pub const EDITABLE: usize = 0;

/// What the user asked for in the comparison view; the window carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareRequest {
    /// Compare against this scenario.
    SetBase(usize),
    /// Open this scenario's file in the editor (asking about unsaved changes first); the plan
    /// open now joins the comparison read-only.
    MakeEditable(usize),
}

const COLORS: [Color32; 4] = [
    super::palette::SERIES[0],
    super::palette::SERIES[1],
    super::palette::SERIES[2],
    super::palette::SERIES[3],
];

fn color(scenario: usize) -> Color32 {
    COLORS[scenario % COLORS.len()]
}

fn judgement_color(ui: &Ui, judgement: Judgement) -> Color32 {
    match judgement {
        Judgement::Same => ui.visuals().weak_text_color(),
        Judgement::Better => super::palette::POSITIVE,
        Judgement::Worse => super::palette::NEGATIVE,
        Judgement::Different => super::palette::NEUTRAL_CHANGE,
    }
}

/// The text of a difference cell: `+640 (+2,7 %)`.
pub fn cell_delta_text(row: &FigureRow, scenario: usize, year: usize) -> String {
    delta_text(
        row.unit,
        row.deltas[scenario][year],
        row.percents[scenario][year],
    )
}

/// A short line in the scenario's colour, dashed for the base: the colour key of the charts.
fn swatch_ui(ui: &mut Ui, color: Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 12.0), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(3.0, color);
    if dashed {
        let mut x = rect.left();
        while x < rect.right() {
            let end = (x + 6.0).min(rect.right());
            ui.painter()
                .line_segment([egui::pos2(x, y), egui::pos2(end, y)], stroke);
            x += 10.0;
        }
    } else {
        ui.painter()
            .line_segment([rect.left_center(), rect.right_center()], stroke);
    }
}

fn series_line<'a>(name: String, years: &[i32], values: &[Decimal], color: Color32) -> Line<'a> {
    let points: Vec<[f64; 2]> = years
        .iter()
        .zip(values)
        .map(|(y, v)| [*y as f64, v.to_f64().unwrap_or(0.0)])
        .collect();
    Line::new(name, PlotPoints::from(points)).color(color)
}

/// One chart of one row over every scenario: the others first, the base last and dashed, so it
/// is never hidden and a scenario equal to it still shows through.
fn overlay_chart_ui(
    ui: &mut Ui,
    id: &str,
    title: &str,
    view: &CompareView,
    row: Option<&FigureRow>,
) {
    ui.label(RichText::new(title).strong());
    let height = 170.0;
    let Some(row) = row else {
        ui.add_space(height);
        return;
    };
    Plot::new(id)
        .height(height)
        // Quantities (FTE, costs, income, reserves) and balances are read against zero.
        .include_y(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_min_width(48.0)
        // Room left and right so the first and last year's labels are not cut.
        .set_margin_fraction(egui::vec2(0.07, 0.1))
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
            let order = (0..view.scenarios.len())
                .filter(|s| *s != view.base)
                .chain([view.base]);
            for s in order {
                let mut line = series_line(
                    view.scenarios[s].name.clone(),
                    &view.years,
                    &row.values[s],
                    color(s),
                );
                // The others a little wider: where they equal the base, their colour shows
                // beside and between its dashes.
                line = if s == view.base {
                    line.style(LineStyle::Dashed { length: 12.0 }).width(2.0)
                } else {
                    line.width(3.0)
                };
                plot_ui.line(line);
            }
        });
}

/// The scenarios: colour, name, base, which one is editable; returns a request, if any.
fn scenarios_ui(ui: &mut Ui, view: &CompareView, lang: Lang) -> Option<CompareRequest> {
    let t = compare_tr(lang);
    let mut request = None;
    for (i, s) in view.scenarios.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            swatch_ui(ui, color(i), i == view.base);
            ui.label(RichText::new(&s.name).strong());
            if i == view.base {
                ui.label(RichText::new(format!("({})", t.base_marker)).italics());
            }
            if s.source != s.name {
                ui.label(RichText::new(format!("— {}", s.source)).weak());
            }
            if i == EDITABLE {
                ui.label(RichText::new(t.editable).color(super::palette::SUCCESS));
            } else {
                ui.label(RichText::new(t.read_only).weak());
                let button = ui
                    .small_button(t.make_editable)
                    .on_hover_text(t.make_editable_hint);
                if button.clicked() {
                    request = Some(CompareRequest::MakeEditable(i));
                }
            }
        });
        let assumption = &s.plan.meta.scenario_description;
        if !assumption.is_empty() {
            ui.indent(("assumption", i), |ui| {
                ui.add(egui::Label::new(RichText::new(assumption).weak().small()).wrap());
            });
        }
    }
    request
}

fn verdicts_ui(ui: &mut Ui, view: &CompareView, lang: Lang) {
    heading_ui(ui, compare_tr(lang).verdicts);
    for (i, s) in view.scenarios.iter().enumerate() {
        ui.horizontal_top(|ui| {
            swatch_ui(ui, color(i), i == view.base);
            ui.label(RichText::new(&s.name).strong());
            ui.add(egui::Label::new(describe_verdict(&view.verdicts[i], lang)).wrap());
        });
    }
}

fn charts_ui(ui: &mut Ui, view: &CompareView, lang: Lang) {
    let t = compare_tr(lang);
    heading_ui(ui, t.charts);
    // The colour key, above the charts: a legend inside would hide lines.
    ui.horizontal_wrapped(|ui| {
        for (i, s) in view.scenarios.iter().enumerate() {
            swatch_ui(ui, color(i), i == view.base);
            ui.label(&s.name);
            ui.add_space(12.0);
        }
        ui.label(RichText::new(t.chart_key_hint).weak());
    });
    let find = |figure: Figure| view.row(&figure.key());
    let reserves = find(Figure::ReservesTotal).or_else(|| {
        view.money_rows
            .iter()
            .find(|r| matches!(r.figure, Figure::Reserve { .. }))
    });
    let charts: [[(&str, &str, Option<&FigureRow>); 3]; 2] = [
        [
            ("cmp-balance", t.chart_balance, find(Figure::Balance)),
            (
                "cmp-cumulative",
                t.chart_cumulative,
                find(Figure::CumulativeBalance),
            ),
            ("cmp-reserves", t.chart_reserves, reserves),
        ],
        [
            ("cmp-fte", t.chart_fte, find(Figure::FteTotal)),
            (
                "cmp-expenses",
                t.chart_expenses,
                find(Figure::ExpensesTotal),
            ),
            ("cmp-income", t.chart_income, find(Figure::IncomeTotal)),
        ],
    ];
    // Clear of the scroll bar on the right.
    ui.set_max_width(ui.available_width() - 14.0);
    for row in charts {
        ui.columns(3, |cols| {
            for (col, (id, title, figure)) in cols.iter_mut().zip(row) {
                overlay_chart_ui(col, id, title, view, figure);
            }
        });
        ui.add_space(6.0);
    }
}

/// A table of rows: per row its label (and how the period is summed up), then per scenario its
/// values per year and over the period, with the difference to the base under each value.
fn figure_grid_ui(ui: &mut Ui, id: &str, view: &CompareView, rows: &[&FigureRow], lang: Lang) {
    let t = compare_tr(lang);
    // A cell never wraps: the grid grows and the view scrolls sideways if it must.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    egui::Grid::new(id)
        .striped(true)
        .min_col_width(84.0)
        .show(ui, |ui| {
            ui.label("");
            for y in &view.years {
                ui.label(RichText::new(y.to_string()).strong());
            }
            ui.label(RichText::new(t.period).strong())
                .on_hover_text(t.period_hint);
            ui.end_row();
            for &row in rows {
                ui.label(RichText::new(figure_label(&row.figure, lang)).strong());
                for _ in &view.years {
                    ui.label("");
                }
                ui.label(
                    RichText::new(period_header(row.figure.aggregate(), lang))
                        .weak()
                        .small(),
                )
                .on_hover_text(t.period_hint);
                ui.end_row();
                for (s, scenario) in view.scenarios.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.add_space(8.0);
                        swatch_ui(ui, color(s), s == view.base);
                        ui.label(&scenario.name);
                    });
                    let negative_is_bad = row.figure.preference()
                        == crate::compare::Preference::HigherIsBetter
                        && row.figure.aggregate() == crate::compare::Aggregate::End;
                    // A balance or reserve below zero is shown as such.
                    let value_text = |v: Decimal, text: String| {
                        if negative_is_bad && v < Decimal::ZERO {
                            RichText::new(text).color(super::palette::NEGATIVE)
                        } else {
                            RichText::new(text)
                        }
                    };
                    for (y, value) in row.values[s].iter().enumerate() {
                        let text = value_text(*value, format_value(row.unit, *value));
                        if s == view.base {
                            ui.label(text);
                        } else {
                            let color = judgement_color(ui, row.judgement(s, Some(y)));
                            ui.vertical(|ui| {
                                ui.label(text);
                                ui.label(RichText::new(cell_delta_text(row, s, y)).color(color));
                            });
                        }
                    }
                    let text = value_text(row.period[s], period_value(row, s)).strong();
                    if s == view.base {
                        ui.label(text);
                    } else {
                        let color = judgement_color(ui, row.judgement(s, None));
                        ui.vertical(|ui| {
                            ui.label(text);
                            ui.label(RichText::new(period_delta(row, s)).color(color).strong());
                        });
                    }
                    ui.end_row();
                }
            }
        });
}

fn changes_ui(ui: &mut Ui, view: &CompareView, lang: Lang) {
    let t = compare_tr(lang);
    heading_ui(ui, tr(lang).changes);
    for (s, diff) in view.diffs.iter().enumerate() {
        let Some(diff) = diff else {
            continue;
        };
        let title = fill(
            t.diff_title,
            &[
                &view.scenarios[s].name,
                &view.scenarios[view.base].name,
                &diff.changes.len().to_string(),
            ],
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("diff", s))
            .default_open(true)
            .show(ui, |ui| {
                if diff.matched_by == MatchedBy::CodeAndTitle {
                    ui.label(RichText::new(tr(lang).no_shared_history).italics());
                }
                if diff.changes.is_empty() {
                    ui.label(tr(lang).no_changes);
                }
                if diff.changes.len() <= LONG_LIST {
                    for change in &diff.changes {
                        let text = format!("- {}", describe_change(change, lang));
                        ui.add(egui::Label::new(text).wrap());
                    }
                } else {
                    let row_height = ui.spacing().interact_size.y;
                    lazy_lines_ui(ui, diff.changes.len(), row_height, |ui, i| {
                        let text = format!("- {}", describe_change(&diff.changes[i], lang));
                        ui.label(&text).on_hover_text(&text);
                    });
                }
            });
    }
}

/// The comparison; returns what the user asked for (another base, another editable scenario).
pub fn compare_ui(ui: &mut Ui, view: &CompareView, lang: Lang) -> Option<CompareRequest> {
    let texts = tr(lang);
    let mut chosen = view.base;
    let mut request = None;
    egui::ScrollArea::both()
        .id_salt("compare")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            heading_ui(ui, texts.compare);
            ui.horizontal(|ui| {
                ui.label(texts.base_scenario);
                egui::ComboBox::from_id_salt("compare-base")
                    .selected_text(&view.scenarios[view.base].name)
                    .show_ui(ui, |ui| {
                        for (i, s) in view.scenarios.iter().enumerate() {
                            ui.selectable_value(&mut chosen, i, &s.name);
                        }
                    })
                    .response
                    .accessible_name(texts.base_scenario);
            });
            request = scenarios_ui(ui, view, lang);
            verdicts_ui(ui, view, lang);
            ui.scope(|ui| charts_ui(ui, view, lang));
            let t = compare_tr(lang);
            let (headline, details): (Vec<&FigureRow>, Vec<&FigureRow>) =
                view.rows.iter().partition(|r| r.figure.is_headline());
            heading_ui(ui, texts.key_figures);
            ui.add(egui::Label::new(RichText::new(t.period_hint).weak().small()).wrap());
            figure_grid_ui(ui, "compare-grid", view, &headline, lang);
            heading_ui(ui, t.money);
            ui.label(RichText::new(t.money_hint).weak().small());
            let money: Vec<&FigureRow> = view.money_rows.iter().collect();
            figure_grid_ui(ui, "compare-money", view, &money, lang);
            ui.add_space(8.0);
            egui::CollapsingHeader::new(RichText::new(t.details).strong())
                .id_salt("compare-details")
                .default_open(false)
                .show(ui, |ui| {
                    figure_grid_ui(ui, "compare-details-grid", view, &details, lang);
                });
            changes_ui(ui, view, lang);
        });
    if chosen != view.base {
        return Some(CompareRequest::SetBase(chosen));
    }
    request
}
