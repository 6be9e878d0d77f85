//! Staff of a realised year: FTE on the payroll and effectively available per function.

use super::*;

/// FTE per function: planned as, planned, on the payroll, effectively available.
pub(super) fn staff_ui(
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
        ("actual-staff", year),
        &[24.0, 250.0, 250.0, 80.0, 80.0, 80.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                "",
                a.function,
                a.planned_as,
                a.planned_fte,
                a.payroll_short,
                a.available_short,
            ],
        )
    })
    .body(|mut body| {
        for (staff, compared) in realised.staff.iter().zip(&comparison.staff) {
            body.row(height, |mut row| {
                row.col(|ui| {
                    if remove_button(ui, tr, &staff.name) {
                        edits.push(Edit::RemoveLine(staff.id));
                    }
                });
                row.col(|ui| {
                    let id = field_id("staff-name", staff.id, year);
                    let name = format!("{} {}", a.function, staff.name);
                    if let Some(new) = text_field(ui, id, &staff.name, &name, false) {
                        edits.push(Edit::SetText(TextField::Name(staff.id), new));
                    }
                });
                row.col(|ui| {
                    let mut planned_as = staff.planned_as;
                    egui::ComboBox::from_id_salt(("planned-as", staff.id.0))
                        .width(235.0)
                        .selected_text(
                            planned_as_name(plan, planned_as, a)
                                .unwrap_or_else(|| a.not_linked.into()),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut planned_as, None, a.not_linked);
                            for line in &plan.staff_lines {
                                ui.selectable_value(&mut planned_as, Some(line.id), &line.name);
                            }
                            for profile in &plan.salary_profiles {
                                ui.selectable_value(
                                    &mut planned_as,
                                    Some(profile.id),
                                    format!("{} ({})", profile.name, a.profile),
                                );
                            }
                        })
                        .response
                        .accessible_name(format!("{} {}", a.planned_as, staff.name));
                    if planned_as != staff.planned_as {
                        edits.push(Edit::SetPlannedAs(staff.id, planned_as));
                    }
                });
                row.col(|ui| {
                    number_label(ui, compared.planned.map_or_else(String::new, numfmt::fte));
                });
                for (value, current, name) in [
                    (
                        ActualValue::PayrollFte(staff.id),
                        staff.payroll_fte,
                        a.fte_payroll,
                    ),
                    (
                        ActualValue::AvailableFte(staff.id),
                        staff.available_fte,
                        a.fte_available,
                    ),
                ] {
                    row.col(|ui| {
                        let id = egui::Id::unique(("staff-fte", format!("{value:?}")));
                        let name = format!("{name} {}", staff.name);
                        let outcome = decimal_cell(ui, id, current, CellKind::Fte, &name);
                        if let Some(new) = outcome.value {
                            edits.push(Edit::SetActual(value, new));
                        }
                    });
                }
            });
        }
    });
    if ui.button(a.add_function).clicked() {
        cx.edits.push(Edit::AddStaffActual { year });
    }
}
