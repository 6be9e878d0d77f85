//! What became of the planned activities in a realised year, and the unplanned ones.

use super::*;

/// The description of a planned activity, or its type when it has none.
pub(super) fn activity_name(plan: &Plan, activity: &crate::model::Activity) -> String {
    if activity.description.is_empty() {
        plan.activity_type(activity.activity_type)
            .map_or(String::new(), |k| k.name.clone())
    } else {
        activity.description.clone()
    }
}

/// The planned activities of the year by operational goal, with their status, and the additions.
pub(super) fn activities_ui(
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
    activity_counts_ui(ui, a, &comparison.activities);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-activities", year),
        &[95.0, 300.0, 145.0, 185.0, 240.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[tr.goal, tr.activity, a.status, a.replaced_by, a.reason],
        )
    })
    .body(|mut body| {
        for (_, od) in plan.operational_goals() {
            for activity in od
                .activities
                .iter()
                .filter(|x| x.first_year <= year && year <= x.last_year)
            {
                let report = realised.activity_report(activity.id);
                let description = activity_name(plan, activity);
                body.row(height, |mut row| {
                    row.col(|ui| {
                        ui.label(&od.code);
                    });
                    row.col(|ui| truncated(ui, &description));
                    row.col(|ui| {
                        let current = report.map(|r| r.status);
                        let mut status = current;
                        egui::ComboBox::from_id_salt(("activity-status", activity.id.0, year))
                            .width(135.0)
                            .selected_text(status.map_or(a.no_status, |s| a.status_name(s)))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut status, None, a.no_status);
                                for s in ActivityStatus::ALL {
                                    ui.selectable_value(&mut status, Some(s), a.status_name(s));
                                }
                            })
                            .response
                            .accessible_name(format!("{} {description}", a.status));
                        if status != current {
                            edits.push(Edit::SetActivityStatus {
                                year,
                                activity: activity.id,
                                status,
                            });
                        }
                    });
                    row.col(|ui| {
                        if let Some(report) =
                            report.filter(|r| r.status == ActivityStatus::Replaced)
                        {
                            let id = field_id("replaced-by", activity.id, year);
                            let name = format!("{} {description}", a.replaced_by);
                            if let Some(new) = text_field(ui, id, &report.replaced_by, &name, false)
                            {
                                edits.push(Edit::SetText(
                                    TextField::ReplacedBy {
                                        year,
                                        activity: activity.id,
                                    },
                                    new,
                                ));
                            }
                        }
                    });
                    row.col(|ui| {
                        if let Some(report) = report {
                            let id = field_id("activity-reason", activity.id, year);
                            let name = format!("{} {description}", a.reason);
                            if let Some(new) = text_field(ui, id, &report.reason, &name, false) {
                                edits.push(Edit::SetText(
                                    TextField::ActualReason {
                                        year,
                                        id: activity.id,
                                    },
                                    new,
                                ));
                            }
                        }
                    });
                });
            }
            for added in realised.added_activities.iter().filter(|x| x.goal == od.id) {
                body.row(height, |mut row| {
                    row.col(|ui| {
                        if remove_button(ui, tr, &added.description) {
                            edits.push(Edit::RemoveLine(added.id));
                        }
                        ui.label(&od.code);
                    });
                    row.col(|ui| {
                        let id = field_id("added-description", added.id, year);
                        let name = format!("{} {}", a.unplanned, od.code);
                        if let Some(new) = text_field(ui, id, &added.description, &name, false) {
                            edits
                                .push(Edit::SetText(TextField::ActivityDescription(added.id), new));
                        }
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(a.status_added).italics());
                    });
                    row.col(|_| {});
                    row.col(|ui| {
                        let id = field_id("added-reason", added.id, year);
                        let name = format!("{} {}", a.reason, added.description);
                        if let Some(new) = text_field(ui, id, &added.reason, &name, false) {
                            edits.push(Edit::SetText(
                                TextField::ActualReason { year, id: added.id },
                                new,
                            ));
                        }
                    });
                });
            }
        }
    });
    // An unplanned activity, under an operational goal picked here.
    ui.horizontal(|ui| {
        let id = egui::Id::unique(("unplanned-goal", year));
        let first = plan.operational_goals().next().map(|(_, od)| od.id);
        let mut goal: Option<Id> = ui.data(|d| d.get_temp(id)).or(first);
        egui::ComboBox::from_id_salt(("unplanned-goal-combo", year))
            .width(90.0)
            .selected_text(goal.and_then(|g| plan.goal_code(g)).unwrap_or("?"))
            .show_ui(ui, |ui| {
                for (_, od) in plan.operational_goals() {
                    ui.selectable_value(&mut goal, Some(od.id), &od.code);
                }
            })
            .response
            .accessible_name(format!("{} {}", a.unplanned, tr.goal));
        ui.data_mut(|d| d.insert_temp(id, goal));
        if let Some(goal) = goal
            && ui.button(a.add_unplanned).clicked()
        {
            cx.edits.push(Edit::AddUnplannedActivity { year, goal });
        }
    });
}
