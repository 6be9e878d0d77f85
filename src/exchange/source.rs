//! Reading a table from a CSV file or a spreadsheet, shared by the importers (budgets by account,
//! realised results): cells, rows numbered as a spreadsheet numbers them, the header search,
//! amounts in Belgian or plain notation and sides in either language. What a table means is up
//! to each importer; this module only reads it.

use super::import::{ImportError, RejectReason};
use crate::model::{MAX_AMOUNT, Side};
use crate::numfmt::{self, ParseError};
use rust_decimal::Decimal;
use std::path::Path;

/// Sources larger than this are refused (an accounts table is a few hundred KiB at most).
pub const MAX_SOURCE_BYTES: usize = 32 * 1024 * 1024;

/// How many rows from the top are searched for the header row.
pub(crate) const HEADER_SEARCH_ROWS: usize = 100;

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

/// What a spreadsheet cell held that is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonAmount {
    Date,
    Boolean,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
    Other(NonAmount),
}

impl Cell {
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.normalize().to_string(),
            Cell::Empty | Cell::Other(_) => String::new(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
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
}

pub(crate) fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(':')
        .trim()
        .to_string()
}

pub(crate) fn year_of(cell: &Cell) -> Option<i32> {
    let year = match cell {
        Cell::Number(n) if n.fract().is_zero() => i32::try_from(n.trunc().mantissa()).ok()?,
        Cell::Text(t) => {
            let t = t.trim();
            if t.len() != 4 || !t.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()?
        }
        _ => return None,
    };
    (1900..=2999).contains(&year).then_some(year)
}

/// Splits CSV text into rows of cells: one row per line, except inside quotes.
pub(crate) fn csv_records(text: &str, separator: char) -> Result<Vec<SourceRow>, ImportError> {
    let mut rows = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut row_start = 1;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, quoted: &mut bool, cells: &mut Vec<Cell>| {
        let value = std::mem::take(field);
        let cell = if !*quoted && value.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        };
        *quoted = false;
        cells.push(cell);
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !quoted => {
                field.clear();
                quoted = true;
                in_quotes = true;
            }
            c if c == separator => finish_field(&mut field, &mut quoted, &mut cells),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_field(&mut field, &mut quoted, &mut cells);
                rows.push(SourceRow {
                    number: rows.len() + 1,
                    cells: std::mem::take(&mut cells),
                    formulas: Vec::new(),
                });
                line += 1;
                row_start = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(ImportError::UnclosedQuote { row: row_start });
    }
    if !field.is_empty() || quoted || !cells.is_empty() {
        finish_field(&mut field, &mut quoted, &mut cells);
        rows.push(SourceRow {
            number: rows.len() + 1,
            cells,
            formulas: Vec::new(),
        });
    }
    Ok(rows)
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

pub(crate) fn parse_side(text: &str) -> Option<Side> {
    match normalized(text).as_str() {
        "kosten" | "kost" | "uitgaven" | "cost" | "costs" | "expense" | "expenses" => {
            Some(Side::Cost)
        }
        "opbrengsten" | "opbrengst" | "inkomsten" | "income" | "revenue" | "revenues" => {
            Some(Side::Income)
        }
        _ => None,
    }
}

pub(crate) fn parse_amount(cell: &Cell) -> Result<Option<Decimal>, RejectReason> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        Cell::Other(what) => return Err(RejectReason::NotAnAmount { what: *what }),
        Cell::Text(text) => {
            let trimmed = text.trim();
            let (negative, inner) =
                match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
                    Some(inner) => (true, inner),
                    None => (false, trimmed),
                };
            match numfmt::parse(inner) {
                Ok(v) if negative => -v,
                Ok(v) => v,
                Err(ParseError::Empty) => return Ok(None),
                Err(ParseError::NotANumber(_)) => {
                    return Err(RejectReason::NotANumber {
                        text: trimmed.to_string(),
                    });
                }
                Err(ParseError::Ambiguous(_)) => {
                    return Err(RejectReason::AmbiguousNumber {
                        text: trimmed.to_string(),
                    });
                }
                Err(ParseError::TooLarge(_)) => {
                    return Err(RejectReason::TooLarge {
                        text: trimmed.to_string(),
                    });
                }
            }
        }
    };
    if value.abs() > MAX_AMOUNT {
        return Err(RejectReason::TooLarge {
            text: numfmt::exact(value),
        });
    }
    Ok(Some(value))
}

/// Decodes CSV bytes (UTF-8, with or without a byte order mark) into text.
fn csv_text(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let row = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        ImportError::NotUtf8 { row, column }
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Finds the header row in the rows of a source (`Ok(None)` when there is none).
pub(crate) type HeaderFinder<'a, H> = dyn Fn(&[SourceRow]) -> Result<Option<H>, ImportError> + 'a;

/// The rows of a CSV source and its header: the separator (`;`, `,` or a tab, in that order)
/// whose rows give `find_header` a header row wins. [`ImportError::NoHeader`] when none does.
pub(crate) fn csv_grid<H>(
    bytes: &[u8],
    find_header: impl Fn(&[SourceRow]) -> Result<Option<H>, ImportError>,
) -> Result<(Vec<SourceRow>, H), ImportError> {
    let text = csv_text(bytes)?;
    for separator in [';', ',', '\t'] {
        let rows = csv_records(text, separator)?;
        if let Some(header) = find_header(&rows)? {
            return Ok((rows, header));
        }
    }
    Err(ImportError::NoHeader { sheets: Vec::new() })
}

/// The rows of the first sheet of a workbook in which `find_header` finds a header row, its name
/// and the header; sheets whose name `preferred` accepts are tried first. A damaged workbook
/// gives [`ImportError::Workbook`], never a panic.
pub(crate) fn workbook_grid<H>(
    bytes: &[u8],
    preferred: impl Fn(&str) -> bool,
    find_header: impl Fn(&[SourceRow]) -> Result<Option<H>, ImportError>,
) -> Result<(String, Vec<SourceRow>, H), ImportError> {
    // A damaged workbook must give a message, never take the program down: should the
    // spreadsheet reader panic on one, that becomes an error too.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(bytes, &preferred, &find_header)
    }))
    .unwrap_or_else(|_| {
        Err(ImportError::Workbook {
            message: "damaged workbook".into(),
        })
    })
}

fn read_workbook<H>(
    bytes: &[u8],
    preferred: &dyn Fn(&str) -> bool,
    find_header: &HeaderFinder<'_, H>,
) -> Result<(String, Vec<SourceRow>, H), ImportError> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| ImportError::Workbook {
        message: e.to_string(),
    })?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(ImportError::NoSheets);
    }
    let mut order: Vec<&String> = names.iter().filter(|n| preferred(n)).collect();
    order.extend(names.iter().filter(|n| !preferred(n)));
    for name in order {
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| ImportError::Workbook {
                message: e.to_string(),
            })?;
        let formulas = workbook.worksheet_formula(name).ok();
        let rows = sheet_rows(&range, formulas.as_ref());
        if let Some(header) = find_header(&rows)? {
            return Ok((name.clone(), rows, header));
        }
    }
    Err(ImportError::NoHeader { sheets: names })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

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
    fn csv_records_follow_quotes_and_line_ends() {
        let rows = csv_records("a;\"b;c\"\r\n\"x\"\"y\";\n\n\"multi\nline\";z", ';').unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0].cells,
            vec![Cell::Text("a".into()), Cell::Text("b;c".into())]
        );
        assert_eq!(rows[1].cells, vec![Cell::Text("x\"y".into()), Cell::Empty]);
        assert_eq!(rows[2].cells, vec![Cell::Empty]);
        assert_eq!(rows[3].number, 4);
        assert_eq!(rows[3].cells[0], Cell::Text("multi\nline".into()));
        assert_eq!(
            csv_records("a;\"open", ';').unwrap_err(),
            ImportError::UnclosedQuote { row: 1 }
        );
    }

    #[test]
    fn amounts_in_every_notation() {
        let t = |s: &str| parse_amount(&Cell::Text(s.into()));
        assert_eq!(t("1.234,56"), Ok(Some(dec!(1234.56))));
        assert_eq!(t("-1.234"), Ok(Some(dec!(-1234))));
        assert_eq!(t("1234.56"), Ok(Some(dec!(1234.56))));
        assert_eq!(t("(1.234,50)"), Ok(Some(dec!(-1234.5))));
        assert_eq!(t("  "), Ok(None));
        assert!(matches!(t("abc"), Err(RejectReason::NotANumber { .. })));
        assert!(matches!(
            t("1.234,5,6"),
            Err(RejectReason::AmbiguousNumber { .. })
        ));
        assert!(matches!(t("1,234.5"), Err(RejectReason::NotANumber { .. })));
        assert!(matches!(
            parse_amount(&Cell::Number(dec!(2000000000000))),
            Err(RejectReason::TooLarge { .. })
        ));
        assert_eq!(float_cell(1234.56), Cell::Number(dec!(1234.56)));
    }
}
