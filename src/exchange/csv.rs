//! A [`Table`] as CSV text: a header row (label headers, then column headers) and one line per
//! row. No title row. Totals are values (Planbord's figures), not formulas.
//!
//! Two notations: Belgian (`;` between fields, decimal comma, no thousands separator, UTF-8 with a
//! byte order mark so a Belgian Excel opens it right away) and plain (`,`, decimal point, no BOM).
//! Fields holding the separator, a quote or a line break are quoted (quotes doubled); lines end
//! with CRLF.
//!
//! Texts (labels, headers, text cells; never numbers) that a spreadsheet would take for a formula,
//! those starting with `=`, `+`, `-`, `@`, a tab or a carriage return, get a `'` in front and are
//! quoted, as OWASP advises against CSV injection: a goal titled `=HYPERLINK(...)` stays a text
//! (`"'=HYPERLINK(...)"`), while an amount of -1234,5 stays the number `-1234,5`.

use super::tables::{Cell, Table};
use rust_decimal::Decimal;

/// How numbers and fields are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvNotation {
    /// `;`, `1234,5`, UTF-8 with BOM.
    Belgian,
    /// `,`, `1234.5`, no BOM.
    Plain,
}

impl CsvNotation {
    pub fn separator(self) -> char {
        match self {
            CsvNotation::Belgian => ';',
            CsvNotation::Plain => ',',
        }
    }

    /// A number with as many decimals as it has, no thousands separator.
    pub fn number(self, value: Decimal) -> String {
        let text = value.normalize().to_string();
        match self {
            CsvNotation::Belgian => text.replace('.', ","),
            CsvNotation::Plain => text,
        }
    }
}

/// The byte order mark a Belgian CSV starts with.
pub const BOM: char = '\u{FEFF}';

/// The table as CSV text (with the BOM in Belgian notation).
pub fn write_csv(table: &Table, notation: CsvNotation) -> String {
    let separator = notation.separator();
    let mut out = String::new();
    if notation == CsvNotation::Belgian {
        out.push(BOM);
    }
    let header = table.label_headers.iter().chain(&table.column_headers);
    push_line(&mut out, header.map(|h| field(h, separator)), separator);
    for row in &table.rows {
        let labels = row.labels.iter().map(|l| field(l, separator));
        let cells = row.cells.iter().map(|cell| match cell {
            Cell::Empty => String::new(),
            Cell::Text(text) => field(text, separator),
            Cell::Number { value, .. } => notation.number(*value),
        });
        push_line(&mut out, labels.chain(cells), separator);
    }
    out
}

/// One line of CSV: the fields (already written: numbers, or texts through [`csv_text`]) with the
/// notation's separator, ending in CRLF. Every CSV Planbord writes is made of these lines.
pub fn csv_line(fields: impl IntoIterator<Item = String>, notation: CsvNotation) -> String {
    let mut out = String::new();
    push_line(&mut out, fields.into_iter(), notation.separator());
    out
}

/// A text as a CSV field in `notation`: quoted where needed, guarded against formulas.
pub fn csv_text(text: &str, notation: CsvNotation) -> String {
    field(text, notation.separator())
}

fn push_line(out: &mut String, fields: impl Iterator<Item = String>, separator: char) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(separator);
        }
        out.push_str(&f);
    }
    out.push_str("\r\n");
}

/// The characters that make a spreadsheet read a text as a formula when it starts with one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text field: quoted when it holds the separator, a quote or a line break; a text starting
/// like a formula is written as `'` + the text, quoted (see the module docs).
fn field(text: &str, separator: char) -> String {
    if text.starts_with(FORMULA_STARTS) {
        return format!("\"'{}\"", text.replace('"', "\"\""));
    }
    if text.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::tables::{Column, RowStyle, TableRow, Unit};
    use rust_decimal::dec;

    fn table() -> Table {
        Table {
            key: "test",
            name: "Test".into(),
            title: "Test".into(),
            label_headers: vec!["Code".into(), "Naam".into()],
            columns: vec![Column::Year(2021), Column::Total],
            column_headers: vec!["2021".into(), "Totaal".into()],
            rows: vec![TableRow {
                labels: vec!["A;1".into(), "Zeg \"ja\",\nof nee".into()],
                cells: vec![
                    Cell::Number {
                        value: dec!(-1234.50),
                        unit: Unit::Euro,
                    },
                    Cell::Text("x".into()),
                ],
                style: RowStyle::Line,
                formula: None,
            }],
        }
    }

    #[test]
    fn belgian_notation_quotes_semicolons_and_uses_a_decimal_comma() {
        let text = write_csv(&table(), CsvNotation::Belgian);
        assert_eq!(
            text,
            "\u{FEFF}Code;Naam;2021;Totaal\r\n\"A;1\";\"Zeg \"\"ja\"\",\nof nee\";-1234,5;x\r\n"
        );
    }

    #[test]
    fn texts_that_start_like_a_formula_get_a_quote_and_numbers_stay_numbers() {
        let mut table = table();
        table.rows[0].labels = vec!["-2+3".into(), "=HYPERLINK(\"http://x\",\"klik\")".into()];
        table.rows[0].cells[1] = Cell::Text("@SUM(A1)".into());
        assert_eq!(
            write_csv(&table, CsvNotation::Belgian),
            "\u{FEFF}Code;Naam;2021;Totaal\r\n\"'-2+3\";\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";-1234,5;\"'@SUM(A1)\"\r\n"
        );
        for (text, written) in [
            ("+1+1", "\"'+1+1\""),
            ("\tx", "\"'\tx\""),
            ("\r=1", "\"'\r=1\""),
            ("a=1", "a=1"),
            (" =1", " =1"),
            ("", ""),
        ] {
            assert_eq!(field(text, ','), written, "{text:?}");
        }
    }

    #[test]
    fn plain_notation_quotes_commas_and_uses_a_decimal_point() {
        let text = write_csv(&table(), CsvNotation::Plain);
        assert_eq!(
            text,
            "Code,Naam,2021,Totaal\r\nA;1,\"Zeg \"\"ja\"\",\nof nee\",-1234.5,x\r\n"
        );
    }
}
