//! The Plan panel: metadata and period, mission, priorities, narrative sections, core tasks and
//! the goal × core-task matrix.

use super::widgets::{CellKind, decimal_cell, text_field};
use super::{PanelCtx, field_id, heading_ui};
use crate::edit::{Edit, LineList, TextField};
use crate::model::Id;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

fn meta_field(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    label: &str,
    field: TextField,
    value: &str,
    key: &str,
) {
    ui.label(label);
    if let Some(new) = text_field(ui, field_id(key, Id(0), 0), value, label, false) {
        cx.edits.push(Edit::SetText(field, new));
    }
    ui.end_row();
}

/// A year typed in a cell; `Some` when a whole number was committed.
fn year_cell(ui: &mut Ui, key: &str, value: i32, name: &str) -> Option<i32> {
    let id = field_id(key, Id(0), 0);
    let typed = decimal_cell(
        ui,
        id,
        rust_decimal::Decimal::from(value),
        CellKind::Year,
        name,
    )
    .value??;
    if typed.fract().is_zero() {
        i32::try_from(typed.mantissa() / 10i128.pow(typed.scale())).ok()
    } else {
        None
    }
}

fn meta_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let meta = &cx.plan.meta;
    egui::Grid::new("meta").num_columns(2).show(ui, |ui| {
        meta_field(
            ui,
            cx,
            tr.organisation,
            TextField::Organisation,
            &meta.organisation,
            "org",
        );
        meta_field(ui, cx, tr.title, TextField::Title, &meta.title, "title");
        ui.label(tr.period);
        ui.horizontal(|ui| {
            let (first, last) = (meta.first_year, meta.last_year);
            let new_first = year_cell(
                ui,
                "first-year",
                first,
                &format!("{} {}", tr.period, tr.from.to_lowercase()),
            );
            ui.label("–");
            let new_last = year_cell(
                ui,
                "last-year",
                last,
                &format!("{} {}", tr.period, tr.to.to_lowercase()),
            );
            if new_first.is_some() || new_last.is_some() {
                cx.edits.push(Edit::SetPeriod(
                    new_first.unwrap_or(first),
                    new_last.unwrap_or(last),
                ));
            }
        });
        ui.end_row();
        meta_field(
            ui,
            cx,
            tr.scenario,
            TextField::Scenario,
            &meta.scenario,
            "scenario",
        );
        meta_field(
            ui,
            cx,
            tr.scenario_description,
            TextField::ScenarioDescription,
            &meta.scenario_description,
            "scenario-desc",
        );
        meta_field(ui, cx, tr.author, TextField::Author, &meta.author, "author");
        if let Some(origin) = &meta.derived_from {
            ui.label(tr.derived_from);
            ui.label(origin);
            ui.end_row();
        }
    });
}

fn priorities_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    heading_ui(ui, tr.priorities);
    for (n, priority) in cx.plan.priorities.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", n + 1));
            if ui.button("×").on_hover_text(tr.remove).clicked() {
                cx.edits.push(Edit::RemovePriority(priority.id));
            }
            let name = format!("{} {}", tr.priorities, n + 1);
            if let Some(new) = text_field(
                ui,
                field_id("priority", priority.id, 0),
                &priority.title,
                &name,
                false,
            ) {
                cx.edits
                    .push(Edit::SetText(TextField::PriorityTitle(priority.id), new));
            }
        });
        ui.indent(("priority-text", priority.id.0), |ui| {
            let name = format!(
                "{} {} {}",
                tr.priorities,
                n + 1,
                tr.description.to_lowercase()
            );
            if let Some(new) = text_field(
                ui,
                field_id("priority-text", priority.id, 0),
                &priority.text,
                &name,
                true,
            ) {
                cx.edits
                    .push(Edit::SetText(TextField::PriorityText(priority.id), new));
            }
        });
    }
    if ui.button(tr.add_priority).clicked() {
        cx.edits.push(Edit::AddPriority);
    }
}

fn core_tasks_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    heading_ui(ui, tr.core_tasks);
    for task in &plan.core_tasks {
        ui.horizontal(|ui| {
            if ui.button("×").on_hover_text(tr.remove).clicked() {
                cx.edits.push(Edit::RemoveLine(task.id));
            }
            ui.scope(|ui| {
                ui.set_max_width(60.0);
                let name = format!("{} {}", tr.code, task.title);
                if let Some(new) = text_field(
                    ui,
                    field_id("task-code", task.id, 0),
                    &task.code,
                    &name,
                    false,
                ) {
                    cx.edits
                        .push(Edit::SetText(TextField::CoreTaskCode(task.id), new));
                }
            });
            let name = format!("{} {}", tr.title, task.code);
            if let Some(new) = text_field(
                ui,
                field_id("task-title", task.id, 0),
                &task.title,
                &name,
                false,
            ) {
                cx.edits
                    .push(Edit::SetText(TextField::CoreTaskTitle(task.id), new));
            }
        });
        ui.indent(("task-description", task.id.0), |ui| {
            let name = format!("{} {}", tr.description, task.code);
            if let Some(new) = text_field(
                ui,
                field_id("task-description", task.id, 0),
                &task.description,
                &name,
                true,
            ) {
                cx.edits
                    .push(Edit::SetText(TextField::CoreTaskDescription(task.id), new));
            }
        });
    }
    if ui.button(format!("+ {}", tr.core_tasks)).clicked() {
        cx.edits.push(Edit::AddLine(LineList::CoreTask));
    }
    if plan.core_tasks.is_empty() {
        return;
    }
    heading_ui(ui, tr.goal_task_matrix);
    // One row per operational goal: only the rows in view are laid out (a big plan has thousands).
    let goals: Vec<_> = plan.operational_goals().map(|(_, od)| od).collect();
    let row_height = ui.spacing().interact_size.y + 4.0;
    ui.push_id("goal-task-matrix", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(90.0).at_least(60.0).clip(true))
            .columns(Column::exact(40.0), plan.core_tasks.len())
            .header(row_height, |mut header| {
                header.col(|_| {});
                for task in &plan.core_tasks {
                    header.col(|ui| {
                        ui.label(RichText::new(&task.code).strong())
                            .on_hover_text(&task.title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, goals.len(), |mut row| {
                    let od = goals[row.index()];
                    row.col(|ui| {
                        ui.label(&od.code).on_hover_text(&od.title);
                    });
                    for task in &plan.core_tasks {
                        row.col(|ui| {
                            let mut linked = od.core_tasks.contains(&task.id);
                            let r = ui
                                .checkbox(&mut linked, "")
                                .accessible_name(format!("{} {}", od.code, task.code));
                            if r.changed() {
                                cx.edits.push(Edit::SetCoreTask {
                                    goal: od.id,
                                    task: task.id,
                                    linked,
                                });
                            }
                        });
                    }
                });
            });
    });
}

pub fn plan_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    egui::ScrollArea::vertical()
        .id_salt("plan-panel")
        .show(ui, |ui| {
            heading_ui(ui, tr.panel_plan);
            meta_ui(ui, cx);
            heading_ui(ui, tr.mission);
            if let Some(new) = text_field(
                ui,
                field_id("mission", Id(0), 0),
                &plan.mission,
                tr.mission,
                true,
            ) {
                cx.edits.push(Edit::SetText(TextField::Mission, new));
            }
            priorities_ui(ui, cx);
            heading_ui(ui, tr.sections);
            for section in &plan.sections {
                egui::CollapsingHeader::new(&section.title)
                    .id_salt(("section", section.id.0))
                    .show(ui, |ui| {
                        if let Some(new) = text_field(
                            ui,
                            field_id("section", section.id, 0),
                            &section.text,
                            &section.title,
                            true,
                        ) {
                            cx.edits
                                .push(Edit::SetText(TextField::SectionText(section.id), new));
                        }
                    });
            }
            core_tasks_ui(ui, cx);
        });
}
