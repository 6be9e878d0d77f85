//! The Staffing panel: FTE per goal, generic line and support role per year, against the FTE
//! available; the salary profiles; and the salary cost that follows.

use super::widgets::{CellKind, GridRow, RowStyle, year_grid_ui};
use super::{PanelCtx, ViewState, heading_ui};
use crate::calc::Series;
use crate::edit::YearField;
use crate::model::{Amounts, StaffGroup};
use egui::Ui;

pub fn staffing_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    let per_year = |f: &dyn Fn(i32) -> rust_decimal::Decimal| -> Series {
        years.iter().map(|y| f(*y)).collect()
    };
    egui::ScrollArea::vertical()
        .id_salt("staffing")
        .show(ui, |ui| {
            heading_ui(ui, tr.fte_grid);
            let mut rows = Vec::new();
            for (sd, figures) in plan.strategic_goals.iter().zip(&s.goals) {
                rows.push(GridRow::computed(
                    format!("{} {}", sd.code, sd.title),
                    &figures.fte,
                    RowStyle::Group,
                ));
                for od in &sd.operational_goals {
                    rows.push(GridRow::editable(
                        format!("{} {}", tr.fte, od.code),
                        per_year(&|y| od.fte.get(y)),
                        YearField::GoalFte(od.id),
                    ));
                }
            }
            for (group, title) in [
                (StaffGroup::Service, tr.generic_lines),
                (StaffGroup::Support, tr.support_roles),
            ] {
                let lines: Vec<_> = plan
                    .staff_lines
                    .iter()
                    .filter(|l| l.group == group)
                    .collect();
                if lines.is_empty() {
                    continue;
                }
                let subtotal = match group {
                    StaffGroup::Service => &s.fte_generic,
                    StaffGroup::Support => &s.fte_support,
                };
                rows.push(GridRow::computed(title, subtotal, RowStyle::Group));
                for line in lines {
                    rows.push(GridRow::editable(
                        format!("{} {}", tr.fte, line.name),
                        per_year(&|y| line.fte.get(y)),
                        YearField::StaffLineFte(line.id),
                    ));
                }
            }
            rows.push(GridRow::computed(
                tr.allocated,
                &s.fte_total,
                RowStyle::Total,
            ));
            rows.push(GridRow::editable(
                format!("{} {}", tr.fte, tr.available.to_lowercase()),
                s.fte_available.clone(),
                YearField::AvailableFte,
            ));
            rows.push(
                GridRow::computed(tr.difference, &s.fte_difference, RowStyle::Alert)
                    .without_total(),
            );
            year_grid_ui(
                ui,
                "fte-grid",
                years,
                &rows,
                CellKind::Fte,
                tr.total,
                view.highlight_year,
                cx.edits,
            );

            heading_ui(ui, tr.salary_profiles);
            let mut rows = Vec::new();
            for profile in &plan.salary_profiles {
                match &profile.cost_per_fte {
                    Amounts::PerYear(values) => rows.push(
                        GridRow::editable(
                            profile.name.clone(),
                            per_year(&|y| values.get(y)),
                            YearField::ProfileCost(profile.id),
                        )
                        .without_total(),
                    ),
                    rule @ Amounts::Rule(_) => rows.push(
                        GridRow::computed(
                            format!("{} ({})", profile.name, tr.rule),
                            &per_year(&|y| rule.value(y)),
                            RowStyle::Normal,
                        )
                        .without_total(),
                    ),
                }
            }
            year_grid_ui(
                ui,
                "profiles",
                years,
                &rows,
                CellKind::Euro,
                "",
                None,
                cx.edits,
            );

            heading_ui(ui, tr.salary_cost);
            let mut rows = Vec::new();
            for figures in &s.goals {
                rows.push(GridRow::computed(
                    figures.code.clone(),
                    &figures.salary_cost,
                    RowStyle::Group,
                ));
                for od in &figures.operational {
                    rows.push(GridRow::computed(
                        od.code.clone(),
                        &od.salary_cost,
                        RowStyle::Normal,
                    ));
                }
            }
            for row in &s.staff_lines_cost {
                rows.push(GridRow::computed(
                    row.label.clone(),
                    &row.values,
                    RowStyle::Normal,
                ));
            }
            rows.push(GridRow::computed(
                format!("{} – {}", tr.personnel, tr.support.to_lowercase()),
                &s.personnel_support,
                RowStyle::Group,
            ));
            rows.push(GridRow::computed(
                tr.personnel,
                &s.personnel_total,
                RowStyle::Total,
            ));
            year_grid_ui(
                ui,
                "salary-cost",
                years,
                &rows,
                CellKind::Euro,
                tr.total,
                None,
                cx.edits,
            );
        });
}
