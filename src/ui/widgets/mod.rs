//! Input widgets that commit a value only when the edit is complete (Enter, Tab, click away),
//! so a half-typed number or text never reaches the plan and every commit is one undo step.

mod cells;
mod year_grid;

pub use cells::{CellKind, cell_error, decimal_cell, text_field};
pub use year_grid::{GridRow, RowStyle, year_grid_ui};
