//! Indicators of a realised year: the value measured against the target, with a verdict.

use super::*;

/// A short name for an indicator in its row: its goal and place, `SD1 2`, `Algemeen 1`.
pub(super) fn indicator_names(plan: &Plan, a: &ActualsTexts) -> Vec<(Id, String)> {
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

pub(super) fn target_text(target: &crate::model::Target, tr: &Tr) -> String {
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
pub(super) fn indicators_ui(
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
