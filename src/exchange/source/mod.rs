//! The import pipeline's shared steps, for every table Planbord takes in (budgets by account,
//! realised results):
//!
//! 1. **bounded read**: [`crate::store::read_bounded`] (regular files only, at most
//!    [`MAX_SOURCE_BYTES`]), done by the app or the command line;
//! 2. **table of cells**: [`read_table`]: CSV (`;`, `,` or a tab, UTF-8 with or without a byte
//!    order mark) or a workbook (XLSX, XLS, XLSB, ODS), rows numbered as a spreadsheet numbers
//!    them, cells that are text, numbers, empty or not an amount ([`cells`]);
//! 3. **recognise columns**: [`header::find_header_row`], the header row by the names its cells
//!    give, in either language;
//! 4. **rows with rejections**: each importer reads its rows, every row left out a
//!    [`Rejection`] with its row, column and reason;
//! 5. **preview** and **one edit**: each importer's preview implements [`super::Preview`].
//!
//! What a table means is up to each importer ([`super::import`], [`super::import_actuals`]);
//! this module only reads it.

pub(crate) mod cells;
mod delimited;
pub(crate) mod header;
mod workbook;

pub use crate::i18n::exchange::describe_place;
pub use cells::{CellProblem, NonAmount};
pub use header::{ColumnRef, column_letter};

use cells::Cell;
use std::path::Path;

/// Sources larger than this are refused (an accounts table is a few hundred KiB at most).
pub const MAX_SOURCE_BYTES: usize = 32 * 1024 * 1024;

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 100;

/// What kind of file a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Csv,
    /// A spreadsheet workbook: XLSX (also XLS, XLSB, ODS).
    Xlsx,
}

impl SourceKind {
    /// From the content (a zip or an old Office file is a workbook), else from the extension
    /// (`.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`), else CSV.
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> SourceKind {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
        if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
            return SourceKind::Xlsx;
        }
        let extension = path
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => SourceKind::Xlsx,
            _ => SourceKind::Csv,
        }
    }
}

/// Why a source cannot be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("the source is {size} bytes, more than {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the source is empty")]
    Empty,
    #[error("row {row}, column {column}: not UTF-8 text")]
    NotUtf8 { row: usize, column: usize },
    #[error("row {row}: a quoted field is not closed")]
    UnclosedQuote { row: usize },
    #[error("the workbook cannot be read: {message}")]
    Workbook { message: String },
    #[error("the workbook has no sheets")]
    NoSheets,
    #[error("no header row found")]
    NoHeader { sheets: Vec<String> },
    #[error("row {row}, column {column}: '{header}' appears twice")]
    DuplicateColumn {
        row: usize,
        column: usize,
        header: String,
    },
}

/// What a source was to be: the advice in a message names its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A budget by account (the budget importer).
    Accounts,
    /// Realised results of a year (the actuals importer).
    Results,
}

/// A reason that can say itself in the user's language (rendered in [`crate::i18n::exchange`]).
pub trait Reason {
    fn describe(&self, lang: crate::i18n::Lang) -> String;
}

/// A row or value left out, with where it is; `R` says why (each importer has its reasons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection<R> {
    /// 1-based, as a spreadsheet numbers rows.
    pub row: usize,
    pub column: Option<ColumnRef>,
    pub reason: R,
}

#[derive(Debug, Clone)]
pub(crate) struct SourceRow {
    pub(crate) number: usize,
    pub(crate) cells: Vec<Cell>,
    /// Columns whose cell holds a formula.
    pub(crate) formulas: Vec<usize>,
}

impl SourceRow {
    pub(crate) fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }

    pub(crate) fn text(&self, index: Option<usize>) -> String {
        index.map(|i| self.cell(i).text()).unwrap_or_default()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// A source read as a table: its rows, and where they were found.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub(crate) kind: SourceKind,
    /// The sheet read (workbooks only).
    pub(crate) sheet: Option<String>,
    pub(crate) rows: Vec<SourceRow>,
}

/// Reads a source as a table and finds its header with `find_header`:
/// - CSV: the separator (`;`, `,` or a tab, in that order) whose rows give a header wins;
/// - a workbook: the first sheet in which a header is found, the sheets whose name `preferred`
///   takes first. A damaged workbook gives [`SourceError::Workbook`], never a panic.
///
/// [`SourceError::NoHeader`] when no header is found.
pub(crate) fn read_table<H>(
    bytes: &[u8],
    kind: SourceKind,
    preferred: impl Fn(&str) -> bool,
    find_header: impl Fn(&[SourceRow]) -> Result<Option<H>, SourceError>,
) -> Result<(Table, H), SourceError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(SourceError::TooLarge {
            size: bytes.len(),
            limit: MAX_SOURCE_BYTES,
        });
    }
    match kind {
        SourceKind::Csv => {
            let text = delimited::csv_text(bytes)?;
            for separator in [';', ',', '\t'] {
                let rows = delimited::csv_records(text, separator)?;
                if let Some(header) = find_header(&rows)? {
                    let table = Table {
                        kind,
                        sheet: None,
                        rows,
                    };
                    return Ok((table, header));
                }
            }
            Err(SourceError::NoHeader { sheets: Vec::new() })
        }
        SourceKind::Xlsx => {
            // Should the spreadsheet reader panic on a damaged workbook, that becomes an error
            // too: a source must give a message, never take the program down.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_workbook(bytes, &preferred, &find_header)
            }))
            .unwrap_or_else(|_| {
                Err(SourceError::Workbook {
                    message: "damaged workbook".into(),
                })
            })
        }
    }
}

/// Finds the header row in the rows of a table (`Ok(None)` when there is none).
type HeaderFinder<'a, H> = dyn Fn(&[SourceRow]) -> Result<Option<H>, SourceError> + 'a;

fn read_workbook<H>(
    bytes: &[u8],
    preferred: &dyn Fn(&str) -> bool,
    find_header: &HeaderFinder<'_, H>,
) -> Result<(Table, H), SourceError> {
    let mut workbook = workbook::Workbook::open(bytes)?;
    let names = workbook.names.clone();
    if names.is_empty() {
        return Err(SourceError::NoSheets);
    }
    let mut order: Vec<&String> = names.iter().filter(|n| preferred(n)).collect();
    order.extend(names.iter().filter(|n| !preferred(n)));
    for name in order {
        let rows = workbook.rows(name)?;
        if let Some(header) = find_header(&rows)? {
            let table = Table {
                kind: SourceKind::Xlsx,
                sheet: Some(name.clone()),
                rows,
            };
            return Ok((table, header));
        }
    }
    Err(SourceError::NoHeader { sheets: names })
}
