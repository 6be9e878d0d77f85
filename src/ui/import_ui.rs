//! The preview of a budget import (Bestand -> Begroting importeren): what will come in per
//! section, the rows that are rejected and why, the printed totals that disagree, and the choice
//! to import or cancel. The caller applies [`ImportPreview::edit`] when the user imports.

use super::heading_ui;
use crate::exchange::import::{BasisQuestion, ImportPreview, describe_place};
use crate::i18n::Tr;
use crate::model::BudgetBasis;
use crate::numfmt;
use egui::{RichText, Ui};

/// Room kept below the scrolled part for the buttons.
const BUTTON_ROW_HEIGHT: f32 = 44.0;

fn amount(value: rust_decimal::Decimal) -> String {
    numfmt::format(value, 2, true)
}

/// Width of an amount column.
const AMOUNT_WIDTH: f32 = 96.0;

/// A label right-aligned in a column of [`AMOUNT_WIDTH`].
fn right_aligned_ui(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(AMOUNT_WIDTH, height),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(AMOUNT_WIDTH);
            ui.label(text)
        },
    );
}

fn amount_cell_ui(ui: &mut Ui, value: rust_decimal::Decimal) {
    right_aligned_ui(ui, amount(value));
}

/// The budget basis after the import: a box to untick when the import proposes the account
/// basis, a choice between the two when the plan has a budget by goal.
fn basis_ui(ui: &mut Ui, preview: &mut ImportPreview, tr: &Tr) {
    match preview.basis_question {
        BasisQuestion::None => {}
        BasisQuestion::Proposed => {
            let mut accounts = preview.basis_choice == Some(BudgetBasis::Accounts);
            if ui.checkbox(&mut accounts, tr.import_switch_basis).changed() {
                preview.basis_choice = Some(if accounts {
                    BudgetBasis::Accounts
                } else {
                    BudgetBasis::Goals
                });
            }
        }
        BasisQuestion::Ask => {
            ui.label(RichText::new(tr.import_basis_question).strong());
            for (basis, label) in [
                (BudgetBasis::Goals, tr.import_basis_goals),
                (BudgetBasis::Accounts, tr.import_basis_accounts),
            ] {
                if ui
                    .radio(preview.basis_choice == Some(basis), label)
                    .clicked()
                {
                    preview.basis_choice = Some(basis);
                }
            }
        }
    }
}

/// Shows the preview; `Some(true)` when the user chose to import, `Some(false)` to cancel.
/// The basis choice sets [`ImportPreview::basis_choice`]; importing waits until there is one.
pub fn import_preview_ui(ui: &mut Ui, preview: &mut ImportPreview, tr: &Tr) -> Option<bool> {
    let lang = tr.lang;
    let mut choice = None;
    heading_ui(ui, tr.import_title);
    ui.label(preview.describe_source(lang));
    ui.label(RichText::new(preview.describe_counts(lang)).strong());
    ui.label(preview.describe_totals(lang));
    basis_ui(ui, preview, tr);
    if !preview.missing_lines.is_empty() {
        ui.checkbox(
            &mut preview.remove_missing,
            format!(
                "{} ({})",
                tr.import_remove_missing,
                preview.missing_lines.len()
            ),
        );
    }
    for note in preview.describe_notes(lang) {
        ui.label(RichText::new(note).weak());
    }
    let years = preview.imported.years.clone();
    egui::ScrollArea::both()
        .id_salt("import-preview")
        .max_height((ui.available_height() - BUTTON_ROW_HEIGHT).max(120.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("import-sections")
                .striped(true)
                .num_columns(years.len() + 2)
                .show(ui, |ui| {
                    ui.label(RichText::new(tr.section).strong());
                    ui.label("");
                    for year in &years {
                        right_aligned_ui(ui, RichText::new(year.to_string()).strong());
                    }
                    ui.end_row();
                    for section in &preview.sections {
                        let name = if section.is_new {
                            format!("{} ({})", section.name, tr.import_new)
                        } else {
                            section.name.clone()
                        };
                        for (i, (side, values)) in
                            [(tr.cost, &section.cost), (tr.income, &section.income)]
                                .into_iter()
                                .enumerate()
                        {
                            ui.label(if i == 0 { name.as_str() } else { "" });
                            ui.label(side);
                            for value in values {
                                amount_cell_ui(ui, *value);
                            }
                            ui.end_row();
                        }
                    }
                });

            let warnings = &preview.imported.warnings;
            if !warnings.is_empty() {
                heading_ui(ui, &preview.describe_warned(lang));
                for warning in warnings {
                    ui.label(format!("- {}", warning.describe(lang)));
                }
            }
            if !preview.missing_lines.is_empty() {
                heading_ui(ui, &preview.describe_missing(lang));
                for line in &preview.missing_lines {
                    ui.label(line.describe());
                }
            }

            let rejections = &preview.imported.rejections;
            if !rejections.is_empty() {
                heading_ui(ui, &preview.describe_rejected(lang));
                for rejection in rejections {
                    ui.label(format!("! {}", rejection.describe(lang)));
                }
            }

            if !preview.mismatches.is_empty() {
                heading_ui(
                    ui,
                    &format!("{} ({})", tr.import_mismatches, preview.mismatches.len()),
                );
                egui::Grid::new("import-mismatches")
                    .striped(true)
                    .show(ui, |ui| {
                        for header in [
                            "",
                            tr.section,
                            tr.side,
                            tr.year,
                            tr.printed,
                            tr.computed,
                            tr.difference,
                        ] {
                            ui.label(RichText::new(header).strong());
                        }
                        ui.end_row();
                        for m in &preview.mismatches {
                            ui.label(describe_place(m.row, None, lang));
                            ui.label(m.scope.describe(lang));
                            ui.label(match m.side {
                                crate::model::Side::Cost => tr.cost,
                                crate::model::Side::Income => tr.income,
                            });
                            ui.label(m.year.to_string());
                            amount_cell_ui(ui, m.printed);
                            amount_cell_ui(ui, m.computed);
                            amount_cell_ui(ui, m.difference());
                            ui.end_row();
                        }
                    });
            }
        });
    if preview.imported.line_count() == 0 {
        ui.label(RichText::new(tr.import_nothing).strong());
    }
    ui.horizontal(|ui| {
        let import = ui.add_enabled(preview.can_import(), egui::Button::new(tr.import_confirm));
        if import.clicked() {
            choice = Some(true);
        }
        if ui.button(tr.cancel).clicked() {
            choice = Some(false);
        }
    });
    choice
}
