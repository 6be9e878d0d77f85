//! Recognising the columns of a table: the header row, found by the names its cells give, in
//! either language (`rubriek/section`).

use super::cells::{Cell, normalized, year_of};
use super::{HEADER_SEARCH_ROWS, SourceError, SourceRow};

/// A column of the source: its position and the header it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    /// 0-based: 0 is column A.
    pub index: usize,
    pub header: String,
}

impl ColumnRef {
    /// The spreadsheet letter of the column: A, B ... Z, AA ...
    pub fn letter(&self) -> String {
        column_letter(self.index)
    }
}

/// The spreadsheet letter of a 0-based column index.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A row taken as the header: the column of each role it names, its year columns, its texts.
#[derive(Debug, Clone)]
pub(crate) struct HeaderRow<R> {
    /// 1-based, as a spreadsheet numbers rows.
    pub(crate) row: usize,
    roles: Vec<(R, usize)>,
    /// Every year column, in order.
    pub(crate) years: Vec<(usize, i32)>,
    headers: Vec<String>,
}

impl<R: Copy + PartialEq> HeaderRow<R> {
    /// The column of a role.
    pub(crate) fn get(&self, role: R) -> Option<usize> {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, c)| *c)
    }

    pub(crate) fn has(&self, role: R) -> bool {
        self.get(role).is_some()
    }

    /// A column with its header, to say where something is.
    pub(crate) fn column(&self, index: usize) -> ColumnRef {
        ColumnRef {
            index,
            header: self.headers.get(index).cloned().unwrap_or_default(),
        }
    }
}

/// The role a header names: each part of `rubriek/section` is looked up in `names`.
pub(crate) fn role_of<R: Copy>(header: &str, names: &[(&str, R)]) -> Option<R> {
    header.split('/').map(normalized).find_map(|part| {
        names
            .iter()
            .find(|(name, _)| *name == part)
            .map(|(_, role)| *role)
    })
}

/// The header row: the first row within [`HEADER_SEARCH_ROWS`] that `accept` takes, its roles
/// named as `names` says. A role or a year that appears twice in it is an error; `Ok(None)` when
/// no row is taken.
pub(crate) fn find_header_row<R: Copy + PartialEq>(
    rows: &[SourceRow],
    names: &[(&str, R)],
    accept: impl Fn(&HeaderRow<R>) -> bool,
) -> Result<Option<HeaderRow<R>>, SourceError> {
    for row in rows.iter().take(HEADER_SEARCH_ROWS) {
        let headers: Vec<String> = row.cells.iter().map(Cell::text).collect();
        let named: Vec<(R, usize)> = headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| role_of(h, names).map(|r| (r, i)))
            .collect();
        let years: Vec<(usize, i32)> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| year_of(c).map(|y| (i, y)))
            .collect();
        let mut roles: Vec<(R, usize)> = Vec::new();
        let mut twice = None;
        for (role, column) in named {
            if roles.iter().any(|(r, _)| *r == role) {
                twice = twice.or(Some(column));
            } else {
                roles.push((role, column));
            }
        }
        for (k, (column, year)) in years.iter().enumerate() {
            if years[..k].iter().any(|(_, y)| y == year) {
                twice = twice.or(Some(*column));
            }
        }
        let header = HeaderRow {
            row: row.number,
            roles,
            years,
            headers,
        };
        if !accept(&header) {
            continue;
        }
        if let Some(column) = twice {
            return Err(SourceError::DuplicateColumn {
                row: row.number,
                column,
                header: header.headers[column].clone(),
            });
        }
        return Ok(Some(header));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn headers_in_either_language() {
        let names = [("rubriek", 1), ("section", 1), ("rekening", 2)];
        assert_eq!(role_of(" Rubriek ", &names), Some(1));
        assert_eq!(role_of("rubriek/section", &names), Some(1));
        assert_eq!(role_of("REKENING:", &names), Some(2));
        assert_eq!(role_of("Bedrag", &names), None);
    }
}
