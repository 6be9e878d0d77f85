//! A table with one row per line and one column per plan year, plus a total column.
//! Editable rows push [`Edit::SetYear`]; computed rows are read-only. Rows are laid out only when
//! visible, so long tables stay smooth.

use super::{CellKind, decimal_cell, text_field};
use crate::calc::Series;
use crate::edit::{Edit, TextField, YearField};
use crate::model::Id;
use crate::numfmt;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;
use std::borrow::Cow;

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

#[derive(Clone)]
pub struct GridRow {
    pub label: String,
    pub values: Series,
    /// Editable when set; the cell name is "<label> <year>".
    pub field: Option<YearField>,
    pub style: RowStyle,
    pub show_total: bool,
    /// The label is an editable name.
    pub rename: Option<TextField>,
    /// The row can be removed (the id of the line).
    pub remove: Option<Id>,
}

impl GridRow {
    pub fn computed(label: impl Into<String>, values: &Series, style: RowStyle) -> GridRow {
        GridRow {
            label: label.into(),
            values: values.clone(),
            field: None,
            style,
            show_total: true,
            rename: None,
            remove: None,
        }
    }

    pub fn editable(label: impl Into<String>, values: Series, field: YearField) -> GridRow {
        GridRow {
            label: label.into(),
            values,
            field: Some(field),
            style: RowStyle::Normal,
            show_total: true,
            rename: None,
            remove: None,
        }
    }

    pub fn without_total(mut self) -> GridRow {
        self.show_total = false;
        self
    }

    /// Makes the label an editable name and offers a remove button.
    pub fn managed(mut self, id: Id) -> GridRow {
        self.rename = Some(TextField::Name(id));
        self.remove = Some(id);
        self
    }
}

/// The rows of a grid. A long table makes its rows on demand ([`LazyRows`]), so only the rows in
/// view cost anything; a short one is a plain list.
pub trait GridRows {
    fn count(&self) -> usize;
    fn row(&self, index: usize) -> Cow<'_, GridRow>;
}

impl GridRows for [GridRow] {
    fn count(&self) -> usize {
        self.len()
    }

    fn row(&self, index: usize) -> Cow<'_, GridRow> {
        Cow::Borrowed(&self[index])
    }
}

impl GridRows for Vec<GridRow> {
    fn count(&self) -> usize {
        self.len()
    }

    fn row(&self, index: usize) -> Cow<'_, GridRow> {
        Cow::Borrowed(&self[index])
    }
}

impl<const N: usize> GridRows for [GridRow; N] {
    fn count(&self) -> usize {
        N
    }

    fn row(&self, index: usize) -> Cow<'_, GridRow> {
        Cow::Borrowed(&self[index])
    }
}

/// `count` rows made by `make(index)` when they come into view.
pub struct LazyRows<F: Fn(usize) -> GridRow> {
    pub count: usize,
    pub make: F,
}

impl<F: Fn(usize) -> GridRow> GridRows for LazyRows<F> {
    fn count(&self) -> usize {
        self.count
    }

    fn row(&self, index: usize) -> Cow<'_, GridRow> {
        Cow::Owned((self.make)(index))
    }
}

/// How a grid is shown.
pub struct YearGrid<'a> {
    pub id_salt: &'a str,
    pub years: &'a [i32],
    pub kind: CellKind,
    pub total_label: &'a str,
    /// A year column to draw attention to.
    pub highlight_year: Option<i32>,
    /// "Remove" and "Name" in the user's language (accessible names of the row controls).
    pub remove_label: &'a str,
    pub name_label: &'a str,
    /// The width the label column starts with (the user can drag it).
    pub label_width: f32,
}

/// The width a grid's label column starts with, unless the grid asks for more.
const LABEL_WIDTH: f32 = 200.0;

impl<'a> YearGrid<'a> {
    pub fn new(
        id_salt: &'a str,
        years: &'a [i32],
        kind: CellKind,
        total_label: &'a str,
        tr: &'a crate::i18n::Tr,
    ) -> Self {
        YearGrid {
            id_salt,
            years,
            kind,
            total_label,
            highlight_year: None,
            remove_label: tr.remove,
            name_label: tr.name,
            label_width: LABEL_WIDTH,
        }
    }

    /// A label column wide enough for `labels` as `ui` shows them, for a short grid whose row
    /// names should not be cut: at least the usual width, and never so wide that the year and
    /// total columns no longer fit beside it.
    pub fn fit_labels<'l>(mut self, ui: &Ui, labels: impl IntoIterator<Item = &'l str>) -> Self {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let widest = labels.into_iter().fold(0.0_f32, |widest, label| {
            let width = ui.fonts_mut(|f| {
                f.layout_no_wrap(label.to_string(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            });
            widest.max(width)
        });
        let values = cell_width(self.kind) * (self.years.len() + 1) as f32;
        // The panel's scroll bar floats over the right edge of the content.
        let scroll = &ui.spacing().scroll;
        let room = ui.available_width() - values - scroll.bar_width - scroll.bar_inner_margin;
        self.label_width = (widest + 2.0).clamp(LABEL_WIDTH, room.max(LABEL_WIDTH));
        self
    }

    pub fn highlight(mut self, year: Option<i32>) -> Self {
        self.highlight_year = year;
        self
    }
}

fn show(kind: CellKind, value: Decimal) -> String {
    match kind {
        CellKind::Fte => numfmt::fte(value),
        CellKind::Euro | CellKind::EuroNotNegative => numfmt::euros(value),
        CellKind::Year => value.normalize().to_string(),
    }
}

fn cell_id(id_salt: &str, field: YearField, year: i32) -> egui::Id {
    egui::Id::unique(("cell", id_salt, format!("{field:?}"), year))
}

/// Shows the grid; edits go to `edits`. Enter commits a cell and moves down, Tab moves right.
/// The row labels stay in place while the numbers scroll sideways (a long period on a laptop).
pub fn year_grid_ui(ui: &mut Ui, grid: &YearGrid, rows: &dyn GridRows, edits: &mut Vec<Edit>) {
    let row_height = ui.spacing().interact_size.y + 4.0;
    ui.push_id(grid.id_salt, |ui| {
        let shown = ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            // Each table lays out its rows top to bottom inside the row of the two.
            ui.vertical(|ui| labels_ui(ui, grid, rows, edits, row_height));
            let values = egui::ScrollArea::horizontal()
                .id_salt("values")
                .show(ui, |ui| {
                    ui.vertical(|ui| values_ui(ui, grid, rows, edits, row_height));
                });
            (values.inner_rect, values.state.clamped_offset().x)
        });
        let (values_rect, offset_x) = shown.inner;
        sticky_header_ui(
            ui,
            grid,
            shown.response.rect,
            values_rect,
            offset_x,
            row_height,
        );
    });
}

/// The width of a year column.
fn cell_width(kind: CellKind) -> f32 {
    match kind {
        CellKind::Fte | CellKind::Year => 60.0,
        CellKind::Euro | CellKind::EuroNotNegative => 88.0,
    }
}

/// While the grid's own header row has scrolled out of view and rows of the grid are still in
/// view, its years are painted over the top of the view, so a long table keeps its column names.
fn sticky_header_ui(
    ui: &Ui,
    grid: &YearGrid,
    table_rect: egui::Rect,
    values_rect: egui::Rect,
    offset_x: f32,
    row_height: f32,
) {
    let clip = ui.clip_rect();
    if table_rect.top() >= clip.top() || table_rect.bottom() < clip.top() + 2.0 * row_height {
        return;
    }
    let band = egui::Rect::from_min_max(
        egui::pos2(table_rect.left().max(clip.left()), clip.top()),
        egui::pos2(
            table_rect.right().min(clip.right()),
            clip.top() + row_height,
        ),
    );
    let painter = ui.painter().with_clip_rect(clip);
    painter.rect_filled(band, 0.0, ui.visuals().panel_fill);
    painter.hline(
        band.x_range(),
        band.bottom(),
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
    let values_painter = painter.with_clip_rect(
        egui::Rect::from_x_y_ranges(values_rect.x_range(), band.y_range()).intersect(clip),
    );
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = cell_width(grid.kind);
    let names = grid
        .years
        .iter()
        .map(|year| (year.to_string(), Some(*year) == grid.highlight_year))
        .chain(std::iter::once((grid.total_label.to_string(), false)));
    for (i, (name, highlighted)) in names.enumerate() {
        let right = values_rect.left() - offset_x + (i as f32 + 1.0) * width - 4.0;
        let color = if highlighted {
            crate::ui::palette::ATTENTION
        } else {
            ui.visuals().strong_text_color()
        };
        values_painter.text(
            egui::pos2(right, band.center().y),
            egui::Align2::RIGHT_CENTER,
            name,
            font.clone(),
            color,
        );
    }
}

/// The label column: names (editable for managed lines) and remove buttons.
fn labels_ui(
    ui: &mut Ui,
    grid: &YearGrid,
    rows: &dyn GridRows,
    edits: &mut Vec<Edit>,
    row_height: f32,
) {
    let id_salt = grid.id_salt;
    TableBuilder::new(ui)
        .id_salt("labels")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(grid.label_width)
                .at_least(140.0)
                .clip(true)
                .resizable(true),
        )
        .header(row_height, |mut header| {
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(row_height, rows.count(), |mut table_row| {
                let row = rows.row(table_row.index());
                table_row.col(|ui| {
                    if let Some(id) = row.remove {
                        let remove = ui
                            .small_button("×")
                            .on_hover_text(format!("{} {}", grid.remove_label, row.label))
                            .accessible_name(format!("{} {}", grid.remove_label, row.label));
                        if remove.clicked() {
                            edits.push(Edit::RemoveLine(id));
                        }
                    }
                    match row.rename {
                        Some(field) => {
                            let id = egui::Id::unique(("name", id_salt, format!("{field:?}")));
                            let name = format!("{} {}", grid.name_label, row.label);
                            if let Some(new) = text_field(ui, id, &row.label, &name, false) {
                                edits.push(Edit::SetText(field, new));
                            }
                        }
                        None => {
                            let text = RichText::new(&row.label);
                            ui.label(match row.style {
                                RowStyle::Normal => text,
                                _ => text.strong(),
                            });
                        }
                    }
                });
            });
        });
}

/// The year columns and the total column.
fn values_ui(
    ui: &mut Ui,
    grid: &YearGrid,
    rows: &dyn GridRows,
    edits: &mut Vec<Edit>,
    row_height: f32,
) {
    let YearGrid {
        id_salt,
        years,
        kind,
        total_label,
        highlight_year,
        ..
    } = *grid;
    let cell_width = cell_width(kind);
    TableBuilder::new(ui)
        .id_salt("values")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
        .columns(Column::exact(cell_width), years.len())
        .column(Column::exact(cell_width))
        .header(row_height, |mut header| {
            for year in years {
                header.col(|ui| {
                    let text = RichText::new(year.to_string()).strong();
                    if Some(*year) == highlight_year {
                        ui.label(text.color(crate::ui::palette::ATTENTION).underline());
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
            body.rows(row_height, rows.count(), |mut table_row| {
                let index = table_row.index();
                let row = rows.row(index);
                for (i, year) in years.iter().enumerate() {
                    let value = row.values.get(i).copied().unwrap_or_default();
                    table_row.col(|ui| match row.field {
                        Some(field) => {
                            let name = format!("{} {year}", row.label);
                            let kind = match kind {
                                CellKind::Euro if !field.allows_negative() => {
                                    CellKind::EuroNotNegative
                                }
                                kind => kind,
                            };
                            let outcome = decimal_cell(
                                ui,
                                cell_id(id_salt, field, *year),
                                value,
                                kind,
                                &name,
                            );
                            if let Some(new) = outcome.value {
                                edits.push(Edit::SetYear(field, *year, new));
                            }
                            if outcome.entered
                                && let Some(next) =
                                    (index + 1..rows.count()).find_map(|i| rows.row(i).field)
                            {
                                super::cells::focus_next_frame(
                                    ui.ctx(),
                                    cell_id(id_salt, next, *year),
                                );
                            }
                        }
                        None => {
                            let shown = if row.style == RowStyle::Signed {
                                numfmt::signed_euros(value)
                            } else {
                                show(kind, value)
                            };
                            let text = RichText::new(shown);
                            let red = crate::ui::palette::NEGATIVE;
                            let green = crate::ui::palette::POSITIVE;
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
                        ui.label(RichText::new(show(kind, row.values.total())).weak());
                    }
                });
            });
        });
}
