//! The Staffing panel: FTE per goal, generic line and support role per year, against the FTE
//! available; the salary profiles; and the salary cost that follows.

use super::widgets::{CellKind, GridRow, LazyRows, RowStyle, YearGrid, rule_ui, year_grid_ui};
use super::{PanelCtx, ViewState, heading_ui};
use crate::calc::Series;
use crate::edit::{Edit, LineList, YearField};
use crate::model::{Amounts, Id, StaffGroup};
use egui::Ui;
use egui_extras::{Column, TableBuilder};

/// A profile picker for a goal or staff line.
fn profile_combo(ui: &mut Ui, cx: &mut PanelCtx, owner: Id, current: Id, name: &str) {
    let plan = cx.plan;
    let mut chosen = current;
    let shown = plan
        .salary_profile(current)
        .map_or("?", |p| p.name.as_str());
    egui::ComboBox::from_id_salt(("profile", owner.0))
        .width(220.0)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for p in &plan.salary_profiles {
                ui.selectable_value(&mut chosen, p.id, &p.name);
            }
        })
        .response
        .accessible_name(format!("{} {name}", cx.tr.salary_profile));
    if chosen != current {
        cx.edits.push(Edit::SetProfile(owner, chosen));
    }
}

/// The salary profile of every operational goal and staff line: one row each, only the rows in
/// view are laid out (a big plan has thousands of goals).
fn profile_choice_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let plan = cx.plan;
    let owners: Vec<(Id, &str, Id)> = plan
        .operational_goals()
        .map(|(_, od)| (od.id, od.code.as_str(), od.salary_profile))
        .chain(
            plan.staff_lines
                .iter()
                .map(|line| (line.id, line.name.as_str(), line.salary_profile)),
        )
        .collect();
    let row_height = ui.spacing().interact_size.y + 4.0;
    ui.push_id("profile-choice", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(200.0).at_least(90.0).clip(true))
            .column(Column::exact(240.0))
            .body(|body| {
                body.rows(row_height, owners.len(), |mut row| {
                    let (owner, name, current) = owners[row.index()];
                    row.col(|ui| {
                        ui.label(name);
                    });
                    row.col(|ui| profile_combo(ui, cx, owner, current, name));
                });
            });
    });
}

pub fn staffing_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    let per_year = |f: &dyn Fn(i32) -> rust_decimal::Decimal| -> Series {
        years.iter().map(|y| f(*y)).collect()
    };
    egui::ScrollArea::both().id_salt("staffing").show(ui, |ui| {
        heading_ui(ui, tr.fte_grid);
        // One row per goal: made only when in view (a large plan has thousands).
        enum FteRow<'p> {
            Strategic(&'p crate::model::StrategicGoal, &'p Series),
            Operational(&'p crate::model::OperationalGoal),
            Line(GridRow),
        }
        let mut rows = Vec::new();
        for (sd, figures) in plan.strategic_goals.iter().zip(&s.goals) {
            rows.push(FteRow::Strategic(sd, &figures.fte));
            rows.extend(sd.operational_goals.iter().map(FteRow::Operational));
        }
        for (group, title) in [
            (StaffGroup::Service, tr.generic_lines),
            (StaffGroup::Support, tr.support_roles),
        ] {
            let subtotal = match group {
                StaffGroup::Service => &s.fte_generic,
                StaffGroup::Support => &s.fte_support,
            };
            rows.push(FteRow::Line(GridRow::computed(
                title,
                subtotal,
                RowStyle::Group,
            )));
            for line in plan.staff_lines.iter().filter(|l| l.group == group) {
                rows.push(FteRow::Line(
                    GridRow::editable(
                        line.name.clone(),
                        per_year(&|y| line.fte.get(y)),
                        YearField::StaffLineFte(line.id),
                    )
                    .managed(line.id),
                ));
            }
        }
        rows.push(FteRow::Line(GridRow::computed(
            tr.allocated,
            &s.fte_total,
            RowStyle::Total,
        )));
        rows.push(FteRow::Line(GridRow::editable(
            format!("{} {}", tr.fte, tr.available.to_lowercase()),
            s.fte_available.clone(),
            YearField::AvailableFte,
        )));
        rows.push(FteRow::Line(
            GridRow::computed(tr.difference, &s.fte_difference, RowStyle::Alert).without_total(),
        ));
        let rows = LazyRows {
            count: rows.len(),
            make: |i| match &rows[i] {
                FteRow::Strategic(sd, fte) => {
                    GridRow::computed(format!("{} {}", sd.code, sd.title), fte, RowStyle::Group)
                }
                FteRow::Operational(od) => GridRow::editable(
                    format!("{} {}", tr.fte, od.code),
                    per_year(&|y| od.fte.get(y)),
                    YearField::GoalFte(od.id),
                ),
                FteRow::Line(row) => row.clone(),
            },
        };
        let grid = YearGrid::new("fte-grid", years, CellKind::Fte, tr.total, tr)
            .highlight(view.highlight_year);
        year_grid_ui(ui, &grid, &rows, cx.edits);
        ui.horizontal(|ui| {
            if ui.button(format!("+ {}", tr.generic_lines)).clicked() {
                cx.edits.push(Edit::AddLine(LineList::ServiceStaff));
            }
            if ui.button(format!("+ {}", tr.support_roles)).clicked() {
                cx.edits.push(Edit::AddLine(LineList::SupportStaff));
            }
        });

        heading_ui(ui, tr.salary_profiles);
        let rows: Vec<GridRow> = plan
            .salary_profiles
            .iter()
            .zip(&cx.summary.profile_costs)
            .map(|(profile, costs)| {
                let row = match &profile.cost_per_fte {
                    Amounts::PerYear(_) => GridRow::editable(
                        profile.name.clone(),
                        costs.values.clone(),
                        YearField::ProfileCost(profile.id),
                    ),
                    Amounts::Rule(_) => {
                        GridRow::computed(profile.name.clone(), &costs.values, RowStyle::Normal)
                    }
                };
                row.without_total().managed(profile.id)
            })
            .collect();
        year_grid_ui(
            ui,
            &YearGrid::new("profiles", years, CellKind::Euro, "", tr),
            &rows,
            cx.edits,
        );
        for profile in &plan.salary_profiles {
            rule_ui(
                ui,
                profile.id,
                &profile.name,
                &profile.cost_per_fte,
                years,
                cx.edits,
                tr,
            );
        }
        if ui.button(format!("+ {}", tr.salary_profiles)).clicked() {
            cx.edits.push(Edit::AddLine(LineList::SalaryProfile));
        }

        heading_ui(ui, &format!("{} – {}", tr.salary_profiles, tr.fte));
        profile_choice_ui(ui, cx);

        heading_ui(ui, tr.salary_cost);
        enum CostRow<'p> {
            Strategic(&'p crate::calc::GoalFigures),
            Operational(&'p crate::calc::GoalFigures),
            Line(GridRow),
        }
        let mut rows = Vec::new();
        for figures in &s.goals {
            rows.push(CostRow::Strategic(figures));
            rows.extend(figures.operational.iter().map(CostRow::Operational));
        }
        for (group, title, subtotal) in [
            (StaffGroup::Service, tr.generic_lines, &s.personnel_generic),
            (StaffGroup::Support, tr.support_roles, &s.personnel_support),
        ] {
            rows.push(CostRow::Line(GridRow::computed(
                title,
                subtotal,
                RowStyle::Group,
            )));
            for (line, row) in plan.staff_lines.iter().zip(&s.staff_lines_cost) {
                if line.group == group {
                    rows.push(CostRow::Line(GridRow::computed(
                        row.label.clone(),
                        &row.values,
                        RowStyle::Normal,
                    )));
                }
            }
        }
        rows.push(CostRow::Line(GridRow::computed(
            tr.personnel,
            &s.salary_cost_total,
            RowStyle::Total,
        )));
        let rows = LazyRows {
            count: rows.len(),
            make: |i| match &rows[i] {
                CostRow::Strategic(figures) => {
                    GridRow::computed(figures.code.clone(), &figures.salary_cost, RowStyle::Group)
                }
                CostRow::Operational(od) => {
                    GridRow::computed(od.code.clone(), &od.salary_cost, RowStyle::Normal)
                }
                CostRow::Line(row) => row.clone(),
            },
        };
        year_grid_ui(
            ui,
            &YearGrid::new("salary-cost", years, CellKind::Euro, tr.total, tr),
            &rows,
            cx.edits,
        );
    });
}
