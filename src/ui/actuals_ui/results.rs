//! The realised result lines of a year: name, side, category, goal, amount; the printed totals.

use super::*;

/// The realised result lines, their totals, the printed totals and the lines per goal.
pub(super) fn result_lines_ui(
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
pub(super) fn planned_as_name(plan: &Plan, id: Option<Id>, a: &ActualsTexts) -> Option<String> {
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
