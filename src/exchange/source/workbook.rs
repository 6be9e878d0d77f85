//! A spreadsheet workbook (XLSX, XLS, XLSB, ODS) into rows of cells, sheet by sheet.

use super::cells::{Cell, NonAmount};
use super::{SourceError, SourceRow};
use rust_decimal::Decimal;

/// The names of the workbook's sheets and a way to read each; a damaged workbook gives
/// [`SourceError::Workbook`].
pub(super) struct Workbook {
    reader: calamine::Sheets<std::io::Cursor<Vec<u8>>>,
    pub(super) names: Vec<String>,
}

impl Workbook {
    pub(super) fn open(bytes: &[u8]) -> Result<Workbook, SourceError> {
        use calamine::Reader;
        let reader = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e| SourceError::Workbook {
                message: e.to_string(),
            })?;
        let names = reader.sheet_names();
        Ok(Workbook { reader, names })
    }

    /// The rows of one sheet, numbered as the spreadsheet shows them.
    pub(super) fn rows(&mut self, name: &str) -> Result<Vec<SourceRow>, SourceError> {
        use calamine::Reader;
        let range = self
            .reader
            .worksheet_range(name)
            .map_err(|e| SourceError::Workbook {
                message: e.to_string(),
            })?;
        let formulas = self.reader.worksheet_formula(name).ok();
        Ok(sheet_rows(&range, formulas.as_ref()))
    }
}

fn sheet_rows(
    range: &calamine::Range<calamine::Data>,
    formulas: Option<&calamine::Range<String>>,
) -> Vec<SourceRow> {
    use calamine::Data;
    let Some((first_row, first_col)) = range.start() else {
        return Vec::new();
    };
    let (first_row, first_col) = (first_row as usize, first_col as usize);
    let formula_at = |row: usize, col: usize| -> bool {
        formulas.is_some_and(|f| {
            f.get_value((row as u32, col as u32))
                .is_some_and(|text| !text.trim().is_empty())
        })
    };
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let row = first_row + i;
            let mut out = vec![Cell::Empty; first_col];
            out.extend(cells.iter().map(|data| match data {
                Data::Empty => Cell::Empty,
                Data::String(s) => Cell::Text(s.clone()),
                Data::Int(n) => Cell::Number(Decimal::from(*n)),
                Data::Float(f) => float_cell(*f),
                Data::Bool(_) => Cell::Other(NonAmount::Boolean),
                Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                    Cell::Other(NonAmount::Date)
                }
                Data::Error(_) => Cell::Other(NonAmount::Error),
            }));
            let formulas = (first_col..first_col + cells.len())
                .filter(|&col| formula_at(row, col))
                .collect();
            SourceRow {
                number: row + 1,
                cells: out,
                formulas,
            }
        })
        .collect()
}

/// A spreadsheet number as the shortest decimal that reads back as the same float (`1234.56`).
fn float_cell(value: f64) -> Cell {
    if !value.is_finite() {
        return Cell::Other(NonAmount::Error);
    }
    match format!("{value}").parse::<Decimal>() {
        Ok(d) => Cell::Number(d.normalize()),
        Err(_) => Cell::Text(format!("{value}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn floats_become_the_shortest_decimal() {
        assert_eq!(float_cell(1234.56), Cell::Number(dec!(1234.56)));
        assert_eq!(float_cell(f64::NAN), Cell::Other(NonAmount::Error));
    }
}
