//! A table with one row per line and one column per plan year, plus a total column.
//! Editable rows push [`Edit::SetYear`]; computed rows are read-only.

use super::{CellKind, decimal_cell};
use crate::calc::Series;
use crate::edit::{Edit, YearField};
use crate::numfmt;
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

/// How a row looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStyle {
    Normal,
    /// A group header (e.g. a strategic goal with its subtotal).
    Group,
    /// A total line.
    Total,
    /// A difference that should be zero: red when it is not.
    Alert,
    /// A balance: signed, red below zero, green above.
    Signed,
}

pub struct GridRow {
    pub label: String,
    pub values: Series,
    /// Editable when set; the cell name is "<label> <year>".
    pub field: Option<YearField>,
    pub style: RowStyle,
    pub show_total: bool,
}

impl GridRow {
    pub fn computed(label: impl Into<String>, values: &Series, style: RowStyle) -> GridRow {
        GridRow {
            label: label.into(),
            values: values.clone(),
            field: None,
            style,
            show_total: true,
        }
    }

    pub fn editable(label: impl Into<String>, values: Series, field: YearField) -> GridRow {
        GridRow {
            label: label.into(),
            values,
            field: Some(field),
            style: RowStyle::Normal,
            show_total: true,
        }
    }

    pub fn without_total(mut self) -> GridRow {
        self.show_total = false;
        self
    }
}

fn show(kind: CellKind, value: Decimal) -> String {
    match kind {
        CellKind::Fte => numfmt::fte(value),
        CellKind::Euro => numfmt::euros(value),
    }
}

/// Shows the grid; edits go to `edits`. `highlight_year` marks a column.
#[allow(clippy::too_many_arguments)]
pub fn year_grid_ui(
    ui: &mut Ui,
    id_salt: &str,
    years: &[i32],
    rows: &[GridRow],
    kind: CellKind,
    total_label: &str,
    highlight_year: Option<i32>,
    edits: &mut Vec<Edit>,
) {
    let cell_width = match kind {
        CellKind::Fte => 60.0,
        CellKind::Euro => 96.0,
    };
    let row_height = ui.spacing().interact_size.y + 4.0;
    ui.push_id(id_salt, |ui| {
        TableBuilder::new(ui)
            .id_salt(id_salt)
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
            .column(
                Column::initial(230.0)
                    .at_least(160.0)
                    .clip(true)
                    .resizable(true),
            )
            .columns(Column::exact(cell_width), years.len())
            .column(Column::exact(cell_width))
            .header(row_height, |mut header| {
                header.col(|_| {});
                for year in years {
                    header.col(|ui| {
                        let text = RichText::new(year.to_string()).strong();
                        if Some(*year) == highlight_year {
                            ui.label(text.color(Color32::from_rgb(200, 120, 0)));
                        } else {
                            ui.label(text);
                        }
                    });
                }
                header.col(|ui| {
                    ui.label(RichText::new(total_label).strong());
                });
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut table_row| {
                    let row = &rows[table_row.index()];
                    table_row.col(|ui| {
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let text = RichText::new(&row.label);
                            ui.label(match row.style {
                                RowStyle::Normal => text,
                                _ => text.strong(),
                            });
                        });
                    });
                    for (i, year) in years.iter().enumerate() {
                        let value = row.values.get(i).copied().unwrap_or_default();
                        table_row.col(|ui| match row.field {
                            Some(field) => {
                                let id = egui::Id::unique((
                                    "cell",
                                    id_salt,
                                    format!("{field:?}"),
                                    *year,
                                ));
                                let name = format!("{} {year}", row.label);
                                if let Some(new) = decimal_cell(ui, id, value, kind, &name) {
                                    edits.push(Edit::SetYear(field, *year, new));
                                }
                            }
                            None => {
                                let shown = if row.style == RowStyle::Signed {
                                    numfmt::signed_euros(value)
                                } else {
                                    show(kind, value)
                                };
                                let text = RichText::new(shown);
                                let red = Color32::from_rgb(210, 50, 50);
                                let green = Color32::from_rgb(40, 150, 70);
                                let text = match row.style {
                                    RowStyle::Normal => text,
                                    RowStyle::Alert | RowStyle::Signed if value.is_zero() => {
                                        text.strong()
                                    }
                                    RowStyle::Alert => text.strong().color(red),
                                    RowStyle::Signed if value < Decimal::ZERO => {
                                        text.strong().color(red)
                                    }
                                    RowStyle::Signed => text.strong().color(green),
                                    RowStyle::Group | RowStyle::Total => text.strong(),
                                };
                                ui.label(text);
                            }
                        });
                    }
                    table_row.col(|ui| {
                        if row.show_total {
                            let total: Decimal = row.values.iter().sum();
                            ui.label(RichText::new(show(kind, total)).weak());
                        }
                    });
                });
            });
    });
}
