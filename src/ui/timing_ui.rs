//! The Timing panel: the activities of a goal (or of the whole plan) as a table with a year grid,
//! a bar per activity across the plan years, like the timing tables of a policy plan.

use super::widgets::text_field;
use super::{PanelCtx, ViewState, field_id, heading_ui};
use crate::edit::{Edit, TextField};
use crate::model::{Activity, Id, OperationalGoal};
use egui::{RichText, Sense, Ui, vec2};
use egui_extras::{Column, TableBuilder};

/// The operational goals whose activities are shown: the selected OD, all ODs of the selected SD,
/// or every OD of the plan.
fn goals_in_view<'a>(cx: &PanelCtx<'a>, view: &ViewState) -> Vec<&'a OperationalGoal> {
    let plan = cx.plan;
    match view.selected_goal {
        Some(id) => {
            if let Some(od) = plan.operational_goal(id) {
                vec![od]
            } else if let Some(sd) = plan.strategic_goal(id) {
                sd.operational_goals.iter().collect()
            } else {
                Vec::new()
            }
        }
        None => plan.operational_goals().map(|(_, od)| od).collect(),
    }
}

fn year_combo(ui: &mut Ui, id: egui::Id, name: &str, value: i32, years: &[i32]) -> Option<i32> {
    let mut chosen = value;
    let response = egui::ComboBox::from_id_salt(id)
        .width(64.0)
        .selected_text(value.to_string())
        .show_ui(ui, |ui| {
            for year in years {
                ui.selectable_value(&mut chosen, *year, year.to_string());
            }
        })
        .response;
    response.accessible_name(name);
    (chosen != value).then_some(chosen)
}

pub fn timing_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    let tr = cx.tr;
    let goals = goals_in_view(cx, view);
    let years: Vec<i32> = cx.summary.years.clone();
    let title = match view.selected_goal.and_then(|id| cx.plan.goal_code(id)) {
        Some(code) => format!("{} {code}", tr.activities),
        None => format!("{} – {}", tr.activities, tr.whole_plan),
    };
    heading_ui(ui, &title);
    let single = if goals.len() == 1 {
        Some(goals[0].id)
    } else {
        None
    };
    if let Some(goal) = single
        && ui.button(tr.add_activity).clicked()
    {
        cx.edits.push(Edit::AddActivity { goal });
    }
    let rows: Vec<(&OperationalGoal, &Activity)> = goals
        .iter()
        .flat_map(|od| od.activities.iter().map(move |a| (*od, a)))
        .collect();
    let row_height = ui.spacing().interact_size.y + 6.0;
    // The table is wider than a laptop screen leaves it: it scrolls sideways, never cut off.
    egui::ScrollArea::horizontal()
        .id_salt("timing-scroll")
        .show(ui, |ui| {
            activity_table_ui(ui, cx, &rows, &years, row_height)
        });
}

fn activity_table_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    rows: &[(&OperationalGoal, &Activity)],
    years: &[i32],
    row_height: f32,
) {
    let tr = cx.tr;
    let plan = cx.plan;
    TableBuilder::new(ui)
        .id_salt("timing")
        .striped(true)
        .column(Column::exact(70.0))
        .column(Column::exact(190.0))
        .column(
            Column::initial(280.0)
                .at_least(160.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::exact(80.0))
        .column(Column::exact(80.0))
        .columns(Column::exact(44.0), years.len())
        .column(Column::exact(30.0))
        .header(row_height, |mut header| {
            for text in [tr.code, tr.activity_type, tr.description, tr.from, tr.to] {
                header.col(|ui| {
                    ui.label(RichText::new(text).strong());
                });
            }
            for year in years {
                header.col(|ui| {
                    ui.label(RichText::new(year.to_string()).strong());
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            // Only the visible rows are laid out: a plan with hundreds of activities stays smooth.
            body.rows(row_height, rows.len(), |mut row| {
                let (od, activity) = rows[row.index()];
                let n = od
                    .activities
                    .iter()
                    .position(|a| a.id == activity.id)
                    .unwrap_or(0)
                    + 1;
                let name = format!("{} {} {n}", tr.activities, od.code);
                row.col(|ui| {
                    ui.label(&od.code);
                });
                row.col(|ui| {
                    let current = plan
                        .activity_type(activity.activity_type)
                        .map_or("?", |t| t.name.as_str());
                    let mut chosen: Id = activity.activity_type;
                    egui::ComboBox::from_id_salt(("type", activity.id.0))
                        .width(180.0)
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for t in &plan.activity_types {
                                ui.selectable_value(&mut chosen, t.id, &t.name);
                            }
                        })
                        .response
                        .accessible_name(format!("{} {name}", tr.activity_type));
                    if chosen != activity.activity_type {
                        cx.edits.push(Edit::SetActivityType(activity.id, chosen));
                    }
                });
                row.col(|ui| {
                    let id = field_id("activity", activity.id, 0);
                    if let Some(new) = text_field(
                        ui,
                        id,
                        &activity.description,
                        &format!("{} {name}", tr.description),
                        false,
                    ) {
                        cx.edits.push(Edit::SetText(
                            TextField::ActivityDescription(activity.id),
                            new,
                        ));
                    }
                });
                let mut span = (activity.first_year, activity.last_year);
                row.col(|ui| {
                    if let Some(y) = year_combo(
                        ui,
                        field_id("from", activity.id, 0),
                        &format!("{} {name}", tr.from),
                        span.0,
                        years,
                    ) {
                        span = (y, span.1.max(y));
                    }
                });
                row.col(|ui| {
                    if let Some(y) = year_combo(
                        ui,
                        field_id("to", activity.id, 0),
                        &format!("{} {name}", tr.to),
                        span.1,
                        years,
                    ) {
                        span = (span.0.min(y), y);
                    }
                });
                if span != (activity.first_year, activity.last_year) {
                    cx.edits
                        .push(Edit::SetActivityYears(activity.id, span.0, span.1));
                }
                for year in years {
                    row.col(|ui| {
                        let active = (activity.first_year..=activity.last_year).contains(year);
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(44.0, row_height - 8.0), Sense::hover());
                        let color = if active {
                            super::palette::TIMING_BAR
                        } else {
                            ui.visuals().faint_bg_color
                        };
                        ui.painter()
                            .rect_filled(rect.shrink2(vec2(0.0, 2.0)), 2.0, color);
                    });
                }
                row.col(|ui| {
                    let remove = ui
                        .button("×")
                        .on_hover_text(tr.remove)
                        .accessible_name(format!("{} {name}", tr.remove));
                    if remove.clicked() {
                        cx.edits.push(Edit::RemoveActivity(activity.id));
                    }
                });
            });
        });
}
