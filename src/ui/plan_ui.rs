//! The Plan panel: metadata, mission, priorities, narrative sections, core tasks and the
//! goal × core-task matrix.

use super::widgets::text_field;
use super::{PanelCtx, field_id, heading_ui};
use crate::edit::{Edit, TextField};
use crate::model::Id;
use egui::{RichText, Ui};

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

pub fn plan_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    egui::ScrollArea::vertical()
        .id_salt("plan-panel")
        .show(ui, |ui| {
            heading_ui(ui, tr.panel_plan);
            egui::Grid::new("meta")
                .num_columns(2)
                .striped(false)
                .show(ui, |ui| {
                    meta_field(
                        ui,
                        cx,
                        tr.organisation,
                        TextField::Organisation,
                        &plan.meta.organisation,
                        "org",
                    );
                    meta_field(
                        ui,
                        cx,
                        tr.title,
                        TextField::Title,
                        &plan.meta.title,
                        "title",
                    );
                    ui.label(tr.period);
                    ui.label(format!(
                        "{} – {}",
                        plan.meta.first_year, plan.meta.last_year
                    ));
                    ui.end_row();
                    meta_field(
                        ui,
                        cx,
                        tr.scenario,
                        TextField::Scenario,
                        &plan.meta.scenario,
                        "scenario",
                    );
                    meta_field(
                        ui,
                        cx,
                        tr.scenario_description,
                        TextField::ScenarioDescription,
                        &plan.meta.scenario_description,
                        "scenario-desc",
                    );
                    meta_field(
                        ui,
                        cx,
                        tr.author,
                        TextField::Author,
                        &plan.meta.author,
                        "author",
                    );
                });

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

            heading_ui(ui, tr.priorities);
            for (n, priority) in plan.priorities.iter().enumerate() {
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
            }
            if ui.button(tr.add_priority).clicked() {
                cx.edits.push(Edit::AddPriority);
            }

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

            if !plan.core_tasks.is_empty() {
                heading_ui(ui, tr.core_tasks);
                for task in &plan.core_tasks {
                    ui.label(RichText::new(format!("{} {}", task.code, task.title)).strong())
                        .on_hover_text(&task.description);
                }
                heading_ui(ui, tr.goal_task_matrix);
                egui::Grid::new("goal-task-matrix")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label("");
                        for task in &plan.core_tasks {
                            ui.label(RichText::new(&task.code).strong())
                                .on_hover_text(&task.title);
                        }
                        ui.end_row();
                        for (_, od) in plan.operational_goals() {
                            ui.label(&od.code).on_hover_text(&od.title);
                            for task in &plan.core_tasks {
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
                            }
                            ui.end_row();
                        }
                    });
            }
        });
}
