//! FTE per goal in a realised year: what each operational goal got (typed), against the plan,
//! with the strategic goals and all goals together added up by calc, and an explanation where
//! the difference passes the threshold.

use super::*;

/// One row per strategic goal, its operational goals (a cell to type the realised FTE) and the
/// goals together: planned, realised, difference, % and explanation.
pub(super) fn goal_fte_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    realised: &YearActuals,
    comparison: &YearComparison,
) {
    let a = &cx.tr.act;
    let year = realised.year;
    let height = row_height(ui);
    ui.label(RichText::new(a.goal_fte_tip).weak());
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-goal-fte", year),
        &[210.0, 95.0, 95.0, 85.0, 75.0, EXPLANATION_WIDTH],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                a.goal,
                a.planned,
                a.realised,
                a.difference,
                a.difference_percent,
                a.explanation,
            ],
        )
    })
    .body(|mut body| {
        for f in &comparison.fte_by_goal {
            let name = a.figure_name(f.figure, f.code.as_deref());
            body.row(height, |mut row| {
                row.col(|ui| {
                    let label = if f.is_part {
                        format!("    {}", f.code.as_deref().unwrap_or_default())
                    } else {
                        f.code.clone().unwrap_or_else(|| name.clone())
                    };
                    let label = RichText::new(label);
                    ui.label(if f.is_part { label } else { label.strong() });
                });
                row.col(|ui| {
                    number_label(ui, figure_value(f.unit, f.planned));
                });
                row.col(|ui| match f.figure {
                    // An operational goal's FTE is typed; the rest is added up.
                    ActualFigure::FteGoal(goal) if f.is_part => {
                        let outcome = optional_decimal_cell(
                            ui,
                            field_id("goal-fte", goal, year),
                            f.realised,
                            CellKind::Fte,
                            &format!("{} {name}", a.realised),
                        );
                        if let Some(fte) = outcome.value {
                            edits.push(Edit::SetGoalFte { year, goal, fte });
                        }
                    }
                    _ => {
                        let text = f
                            .realised
                            .map_or_else(|| "—".to_string(), |r| figure_value(f.unit, r));
                        number_label(ui, RichText::new(text.clone()).strong())
                            .accessible_name(format!("{} {name}: {text}", a.realised));
                    }
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
                    number_label(ui, mark(&difference))
                        .accessible_name(format!("{} {name}: {difference}", a.difference));
                });
                row.col(|ui| {
                    number_label(ui, mark(&percent_text(f.percent)));
                });
                row.col(|ui| {
                    let current = realised.explanation(f.figure).unwrap_or_default();
                    if !f.beyond_threshold && current.is_empty() {
                        return;
                    }
                    let id = egui::Id::unique(("explanation", year, format!("{:?}", f.figure)));
                    let field = format!("{} {name}", a.explanation);
                    if let Some(text) = text_field(ui, id, current, &field, false) {
                        edits.push(Edit::SetExplanation {
                            year,
                            figure: f.figure,
                            text,
                        });
                    }
                });
            });
        }
    });
}
