//! Key output figures of a realised year, with a breakdown per target group.

use super::*;

/// Key output figures with their target groups.
pub(super) fn output_ui(ui: &mut Ui, cx: &mut PanelCtx, realised: &YearActuals) {
    let tr = cx.tr;
    let a = &tr.act;
    let year = realised.year;
    let height = row_height(ui);
    let edits = &mut *cx.edits;
    table(
        ui,
        ("actual-output", year),
        &[24.0, 165.0, 250.0, 75.0, 75.0, 75.0],
    )
    .header(height, |header| {
        header_row(
            header,
            &[
                "",
                a.output_kind,
                a.output_label,
                a.value,
                a.of_total,
                a.percent,
            ],
        )
    })
    .body(|mut body| {
        for figure in &realised.output {
            let name = a.output_name(figure.kind, &figure.label);
            body.row(height, |mut row| {
                row.col(|ui| {
                    if remove_button(ui, tr, &name) {
                        edits.push(Edit::RemoveLine(figure.id));
                    }
                });
                row.col(|ui| {
                    let mut kind = figure.kind;
                    egui::ComboBox::from_id_salt(("output-kind", figure.id.0))
                        .width(150.0)
                        .selected_text(a.kind_name(kind))
                        .show_ui(ui, |ui| {
                            for k in OutputKind::ALL {
                                ui.selectable_value(&mut kind, k, a.kind_name(k));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {name}", a.output_kind));
                    if kind != figure.kind {
                        edits.push(Edit::SetOutputKind(figure.id, kind));
                    }
                });
                row.col(|ui| {
                    let id = field_id("output-label", figure.id, year);
                    let field = format!("{} {name}", a.output_label);
                    if let Some(new) = text_field(ui, id, &figure.label, &field, false) {
                        edits.push(Edit::SetText(TextField::Name(figure.id), new));
                    }
                });
                row.col(|ui| {
                    let outcome = decimal_cell(
                        ui,
                        field_id("output-value", figure.id, year),
                        figure.value,
                        CellKind::Fte,
                        &format!("{} {name}", a.value),
                    );
                    if let Some(new) = outcome.value {
                        edits.push(Edit::SetActual(ActualValue::OutputValue(figure.id), new));
                    }
                });
                if !figure.kind.is_score() {
                    row.col(|ui| {
                        let field = format!("{} {name}", a.of_total);
                        let value = ActualValue::OutputOfTotal(figure.id);
                        optional_cell(ui, edits, value, figure.of_total, &field);
                    });
                    row.col(|ui| {
                        let field = format!("{} {name}", a.percent);
                        let value = ActualValue::OutputPercent(figure.id);
                        optional_cell(ui, edits, value, figure.percent, &field);
                    });
                }
            });
            for part in &figure.breakdown {
                let part_name = format!("{name} {}", part.target_group);
                body.row(height, |mut row| {
                    row.col(|ui| {
                        if remove_button(ui, tr, &part_name) {
                            edits.push(Edit::RemoveLine(part.id));
                        }
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(format!("    {}", a.target_group)).weak());
                    });
                    row.col(|ui| {
                        let id = field_id("part-group", part.id, year);
                        let field = format!("{} {part_name}", a.target_group);
                        if let Some(new) = text_field(ui, id, &part.target_group, &field, false) {
                            edits.push(Edit::SetText(TextField::Name(part.id), new));
                        }
                    });
                    row.col(|ui| {
                        if !figure.kind.is_score() {
                            let field = format!("{} {part_name}", a.count);
                            let value = ActualValue::PartCount(part.id);
                            optional_cell(ui, edits, value, part.count, &field);
                        }
                    });
                    row.col(|_| {});
                    row.col(|ui| {
                        let field = format!("{} {part_name}", a.percent);
                        let value = ActualValue::PartPercent(part.id);
                        optional_cell(ui, edits, value, part.percent, &field);
                    });
                });
            }
            body.row(height, |mut row| {
                row.col(|_| {});
                row.col(|ui| {
                    if ui
                        .small_button(a.add_part)
                        .accessible_name(format!("{} {name}", a.add_part))
                        .clicked()
                    {
                        edits.push(Edit::AddOutputPart { output: figure.id });
                    }
                });
            });
        }
    });
    if ui.button(a.add_output).clicked() {
        cx.edits.push(Edit::AddOutput {
            year,
            kind: OutputKind::Activities,
        });
    }
}
