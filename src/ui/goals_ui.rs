//! The goal tree (SD -> OD) and the Goals panel: texts and indicators of the selected goal.

use super::widgets::{
    CellKind, GridRow, RowStyle, YearGrid, decimal_cell, optional_decimal_cell, text_field,
    year_grid_ui,
};
use super::{PanelCtx, ViewState, field_id, heading_ui};
use crate::edit::{Edit, TextField, YearField};
use crate::model::{Comparator, GoalKind, Id, Indicator, Target};
use egui::{RichText, Ui};

/// The goal tree at the side: select, add, move, remove, renumber. The buttons stay visible
/// below the tree, which scrolls.
pub fn tree_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState) {
    let tr = cx.tr;
    egui::Panel::bottom("goal-tree-actions")
        .frame(egui::Frame::NONE.inner_margin(egui::Margin::symmetric(0, 6)))
        .show(ui, |ui| tree_actions_ui(ui, cx, view));
    heading_ui(ui, tr.goals_tree);
    // One line per goal, titles cut to the panel's width (the whole title on hover): only the
    // lines in view are laid out, however many goals the plan has.
    let plan = cx.plan;
    // (goal, code, title, strategic); the label is made only for the lines in view.
    let mut rows: Vec<(Option<Id>, &str, &str, bool)> = vec![(None, "", tr.whole_plan, false)];
    for sd in &plan.strategic_goals {
        rows.push((Some(sd.id), &sd.code, &sd.title, true));
        for od in &sd.operational_goals {
            rows.push((Some(od.id), &od.code, &od.title, false));
        }
    }
    let row_height = ui.spacing().interact_size.y;
    let indent = ui.spacing().indent;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("goal-tree")
        .auto_shrink([false, false]);
    if view.selected_goal != view.tree_shown {
        // Chosen elsewhere: bring its line into view, a few lines from the top.
        if let Some(index) = rows.iter().position(|row| row.0 == view.selected_goal) {
            let spacing = ui.spacing().item_spacing.y;
            let stride = row_height + spacing;
            // Not past the end (that would spring back).
            let end = (rows.len() as f32 * stride - spacing - ui.available_height()).max(0.0);
            let offset = ((index as f32 - 3.0).max(0.0) * stride).min(end);
            scroll = scroll.vertical_scroll_offset(offset);
        }
        view.tree_shown = view.selected_goal;
    }
    scroll.show_rows(ui, row_height, rows.len(), |ui, range| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        for &(goal, code, title, strategic) in &rows[range] {
            let label = match goal {
                None => title.to_string(),
                Some(_) => format!("{code} {title}"),
            };
            ui.horizontal(|ui| {
                ui.set_height(row_height);
                let text = match goal {
                    None => RichText::new(&label).italics(),
                    Some(_) if strategic => RichText::new(&label).strong(),
                    Some(_) => {
                        ui.add_space(indent);
                        RichText::new(&label)
                    }
                };
                let r = ui.selectable_label(view.selected_goal == goal, text);
                let r = if goal.is_some() {
                    r.on_hover_text(&label)
                } else {
                    r
                };
                if r.clicked() {
                    view.selected_goal = goal;
                    view.tree_shown = goal;
                }
            });
        }
    });
}

/// Whether removing a goal loses something typed in: its operational goals, texts, indicators,
/// activities, FTE or budget.
fn has_content(plan: &crate::model::Plan, id: Id) -> bool {
    if let Some(sd) = plan.strategic_goal(id) {
        return !sd.operational_goals.is_empty()
            || !sd.description.trim().is_empty()
            || !sd.indicators.is_empty();
    }
    plan.operational_goal(id).is_some_and(|od| {
        !od.situering.trim().is_empty()
            || !od.werking.trim().is_empty()
            || !od.indicators.is_empty()
            || !od.activities.is_empty()
            || !od.fte.is_empty()
            || !od.operating.is_empty()
    })
}

/// The title field of a goal in the Goals panel (to focus a new goal's title).
pub fn title_field_id(goal: Id) -> egui::Id {
    goal_text_id(TextField::GoalTitle(goal))
}

fn goal_text_id(field: TextField) -> egui::Id {
    egui::Id::unique(("goal-text", format!("{field:?}")))
}

/// After adding a goal: select it (it gets the plan's next id) and put the cursor in its title.
fn select_new_goal(ui: &Ui, cx: &PanelCtx, view: &mut ViewState) {
    let id = cx.plan.next_id;
    view.selected_goal = Some(id);
    view.panel = super::Panel::Goals;
    super::widgets::focus_next_frame(ui.ctx(), title_field_id(id));
}

fn tree_actions_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState) {
    let tr = cx.tr;
    if let Some(id) = view.confirm_remove {
        let code = cx.plan.goal_code(id).unwrap_or("?").to_string();
        ui.label(RichText::new(format!("{code}: {}", tr.confirm_remove_goal)).strong());
        ui.horizontal(|ui| {
            if ui.button(tr.remove_anyway).clicked() {
                cx.edits.push(Edit::RemoveGoal(id));
                view.selected_goal = None;
                view.confirm_remove = None;
            }
            if ui.button(tr.cancel).clicked() {
                view.confirm_remove = None;
            }
        });
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr.add_sd).on_hover_text(tr.add_sd_tip).clicked() {
            cx.edits.push(Edit::AddStrategicGoal {
                kind: GoalKind::External,
            });
            select_new_goal(ui, cx, view);
        }
        if ui
            .button(tr.add_internal)
            .on_hover_text(tr.add_internal_tip)
            .clicked()
        {
            cx.edits.push(Edit::AddStrategicGoal {
                kind: GoalKind::Internal,
            });
            select_new_goal(ui, cx, view);
        }
        let parent = view.selected_goal.and_then(|id| {
            cx.plan
                .strategic_goals
                .iter()
                .find(|sd| sd.id == id || sd.operational_goals.iter().any(|od| od.id == id))
                .map(|sd| sd.id)
        });
        if ui
            .add_enabled(parent.is_some(), egui::Button::new(tr.add_od))
            .on_hover_text(tr.add_od_tip)
            .on_disabled_hover_text(tr.select_goal)
            .clicked()
            && let Some(sd) = parent
        {
            cx.edits
                .push(Edit::AddOperationalGoal { strategic_goal: sd });
            select_new_goal(ui, cx, view);
        }
        let selected = view.selected_goal;
        if ui
            .add_enabled(selected.is_some(), egui::Button::new(tr.move_up))
            .on_disabled_hover_text(tr.select_goal)
            .clicked()
            && let Some(id) = selected
        {
            cx.edits.push(Edit::MoveGoal(id, -1));
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new(tr.move_down))
            .on_disabled_hover_text(tr.select_goal)
            .clicked()
            && let Some(id) = selected
        {
            cx.edits.push(Edit::MoveGoal(id, 1));
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new(tr.remove))
            .on_disabled_hover_text(tr.select_goal)
            .clicked()
            && let Some(id) = selected
        {
            if has_content(cx.plan, id) {
                view.confirm_remove = Some(id);
            } else {
                cx.edits.push(Edit::RemoveGoal(id));
                view.selected_goal = None;
            }
        }
        if ui
            .button(tr.renumber)
            .on_hover_text(tr.renumber_tip)
            .clicked()
        {
            cx.edits.push(Edit::Renumber);
        }
    });
}

/// The texts of a goal, each under its label: (label, field, value, multiline).
fn goal_texts_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    goal: Id,
    texts: &[(&str, TextField, &str, bool)],
) {
    let code = cx.plan.goal_code(goal).unwrap_or_default().to_string();
    for (label, field, value, multiline) in texts {
        ui.label(RichText::new(*label).strong());
        let id = goal_text_id(*field);
        let name = format!("{label} {code}");
        if let Some(new) = text_field(ui, id, value, &name, *multiline) {
            cx.edits.push(Edit::SetText(*field, new));
        }
    }
}

fn comparator(c: Comparator, tr: &crate::i18n::Tr) -> &'static str {
    match c {
        Comparator::AtLeast => tr.at_least,
        Comparator::AtMost => tr.at_most,
        Comparator::Exactly => tr.exactly,
    }
}

/// The target of an indicator: none, or comparator + value + unit + year (or the whole period).
fn target_ui(ui: &mut Ui, cx: &mut PanelCtx, indicator: &Indicator, name: &str) {
    let tr = cx.tr;
    let years = &cx.summary.years;
    ui.horizontal(|ui| {
        ui.label(tr.target);
        let current = indicator.target.as_ref().map(|t| t.comparator);
        let mut chosen = current;
        egui::ComboBox::from_id_salt(("comparator", indicator.id.0))
            .width(90.0)
            .selected_text(current.map_or(tr.no_target, |c| comparator(c, tr)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, tr.no_target);
                for c in [Comparator::AtLeast, Comparator::AtMost, Comparator::Exactly] {
                    ui.selectable_value(&mut chosen, Some(c), comparator(c, tr));
                }
            })
            .response
            .accessible_name(format!("{} {name}", tr.target));
        if chosen != current {
            let target = chosen.map(|c| match &indicator.target {
                Some(t) => Target {
                    comparator: c,
                    ..t.clone()
                },
                None => Target {
                    comparator: c,
                    value: rust_decimal::Decimal::ONE,
                    unit: String::new(),
                    year: None,
                },
            });
            cx.edits.push(Edit::SetTarget(indicator.id, target));
        }
        let Some(target) = &indicator.target else {
            return;
        };
        let id = field_id("target-value", indicator.id, 0);
        if let Some(value) = decimal_cell(
            ui,
            id,
            target.value,
            CellKind::Fte,
            &format!("{} {name}", tr.target_value),
        )
        .value
        {
            let value = value.unwrap_or_default();
            cx.edits.push(Edit::SetTarget(
                indicator.id,
                Some(Target {
                    value,
                    ..target.clone()
                }),
            ));
        }
        let id = field_id("target-unit", indicator.id, 0);
        ui.scope(|ui| {
            ui.set_max_width(220.0);
            if let Some(unit) =
                text_field(ui, id, &target.unit, &format!("{} {name}", tr.unit), false)
            {
                cx.edits.push(Edit::SetTarget(
                    indicator.id,
                    Some(Target {
                        unit,
                        ..target.clone()
                    }),
                ));
            }
        });
        let whole = format!("{}-{}", years[0], years[years.len() - 1]);
        let mut year = target.year;
        egui::ComboBox::from_id_salt(("target-year", indicator.id.0))
            .width(90.0)
            .selected_text(year.map_or(whole.clone(), |y| y.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut year, None, whole.clone());
                for y in years {
                    ui.selectable_value(&mut year, Some(*y), y.to_string());
                }
            })
            .response
            .accessible_name(format!("{} {name}", tr.target_year));
        if year != target.year {
            cx.edits.push(Edit::SetTarget(
                indicator.id,
                Some(Target {
                    year,
                    ..target.clone()
                }),
            ));
        }
    });
}

fn indicators_ui(ui: &mut Ui, cx: &mut PanelCtx, owner: Option<Id>, indicators: &[Indicator]) {
    let tr = cx.tr;
    heading_ui(ui, tr.indicators);
    let years: Vec<i32> = cx.summary.years.clone();
    for (n, indicator) in indicators.iter().enumerate() {
        let name = format!("{} {}", tr.indicators, n + 1);
        ui.group(|ui| {
            ui.horizontal(|ui| {
                ui.label(format!("{}.", n + 1));
                if ui.button("×").on_hover_text(tr.remove).clicked() {
                    cx.edits.push(Edit::RemoveIndicator(indicator.id));
                }
                if let Some(new) = text_field(
                    ui,
                    field_id("indicator", indicator.id, 0),
                    &indicator.text,
                    &name,
                    false,
                ) {
                    cx.edits
                        .push(Edit::SetText(TextField::IndicatorText(indicator.id), new));
                }
            });
            target_ui(ui, cx, indicator, &name);
            ui.horizontal(|ui| {
                ui.label(tr.actuals);
                for year in &years {
                    ui.label(year.to_string());
                    let id = field_id("actual", indicator.id, *year);
                    let cell_name = format!("{} {} {year}", tr.actuals, n + 1);
                    // Empty until measured; emptied, the value is gone (not a measured zero).
                    if let Some(new) = optional_decimal_cell(
                        ui,
                        id,
                        indicator.actuals.0.get(year).copied(),
                        CellKind::Fte,
                        &cell_name,
                    )
                    .value
                    {
                        cx.edits.push(Edit::SetYear(
                            YearField::IndicatorActual(indicator.id),
                            *year,
                            new,
                        ));
                    }
                }
            });
        });
    }
    if ui.button(tr.add_indicator).clicked() {
        cx.edits.push(Edit::AddIndicator { goal: owner });
    }
}

/// The Goals panel for the selected goal; the general indicators when none is selected.
pub fn goal_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState) {
    let tr = cx.tr;
    let plan = cx.plan;
    egui::ScrollArea::vertical()
        .id_salt("goal-panel")
        .show(ui, |ui| {
            let Some(id) = view.selected_goal else {
                ui.label(tr.select_goal);
                indicators_ui(ui, cx, None, &plan.general_indicators);
                return;
            };
            let years = &cx.summary.years;
            if let Some(sd) = plan.strategic_goal(id) {
                heading_ui(ui, &format!("{} {}", sd.code, sd.title));
                goal_texts_ui(
                    ui,
                    cx,
                    id,
                    &[
                        (tr.code, TextField::GoalCode(id), &sd.code, false),
                        (tr.title, TextField::GoalTitle(id), &sd.title, false),
                        (
                            tr.description,
                            TextField::GoalDescription(id),
                            &sd.description,
                            true,
                        ),
                        (tr.note, TextField::GoalNote(id), &sd.note, true),
                    ],
                );
                if let Some(figures) = cx.summary.goal(id) {
                    heading_ui(ui, &format!("{} / {}", tr.fte, tr.salary_cost));
                    let rows = [GridRow::computed(tr.fte, &figures.fte, RowStyle::Normal)];
                    year_grid_ui(
                        ui,
                        &YearGrid::new("sd-fte", years, CellKind::Fte, tr.total, tr),
                        &rows,
                        cx.edits,
                    );
                    let rows = [
                        GridRow::computed(tr.salary_cost, &figures.salary_cost, RowStyle::Normal),
                        GridRow::computed(tr.operating, &figures.operating, RowStyle::Normal),
                    ];
                    year_grid_ui(
                        ui,
                        &YearGrid::new("sd-cost", years, CellKind::Euro, tr.total, tr),
                        &rows,
                        cx.edits,
                    );
                }
                indicators_ui(ui, cx, Some(id), &sd.indicators);
            } else if let Some(od) = plan.operational_goal(id) {
                heading_ui(ui, &format!("{} {}", od.code, od.title));
                goal_texts_ui(
                    ui,
                    cx,
                    id,
                    &[
                        (tr.code, TextField::GoalCode(id), &od.code, false),
                        (tr.title, TextField::GoalTitle(id), &od.title, false),
                        (tr.situering, TextField::Situering(id), &od.situering, true),
                        (tr.werking, TextField::Werking(id), &od.werking, true),
                        (tr.note, TextField::GoalNote(id), &od.note, true),
                    ],
                );
                heading_ui(ui, &format!("{} / {}", tr.fte, tr.operating));
                let rows = [GridRow::editable(
                    format!("{} {}", tr.fte, od.code),
                    years.iter().map(|y| od.fte.get(*y)).collect(),
                    YearField::GoalFte(id),
                )];
                year_grid_ui(
                    ui,
                    &YearGrid::new("od-fte", years, CellKind::Fte, tr.total, tr),
                    &rows,
                    cx.edits,
                );
                let mut rows = vec![GridRow::editable(
                    format!("{} {}", tr.operating, od.code),
                    years.iter().map(|y| od.operating.get(*y)).collect(),
                    YearField::GoalOperating(id),
                )];
                if let Some(figures) = cx.summary.goal(id) {
                    rows.push(GridRow::computed(
                        format!("{} {}", tr.salary_cost, od.code),
                        &figures.salary_cost,
                        RowStyle::Normal,
                    ));
                }
                year_grid_ui(
                    ui,
                    &YearGrid::new("od-money", years, CellKind::Euro, tr.total, tr),
                    &rows,
                    cx.edits,
                );
                indicators_ui(ui, cx, Some(id), &od.indicators);
            } else {
                view.selected_goal = None;
            }
        });
}
