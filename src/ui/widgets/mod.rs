//! Input widgets that commit a value only when the edit is complete (Enter, Tab, click away),
//! so a half-typed number or text never reaches the plan and every commit is one undo step.

mod cells;
mod lines;
mod rule;
mod year_grid;

pub use cells::{
    CellKind, CellOutcome, cell_error, decimal_cell, focus_next_frame, has_pending_typing,
    invalid_cell_count, optional_decimal_cell, reset_fields, text_field,
};
pub use lines::{LONG_LIST, lazy_lines_ui};
pub use rule::rule_ui;
pub use year_grid::{GridRow, GridRows, LazyRows, RowStyle, YearGrid, year_grid_ui};
