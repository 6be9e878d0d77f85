//! CSV text into rows of cells: one row per line, except inside quotes.

use super::cells::Cell;
use super::{SourceError, SourceRow};

/// Splits CSV text into rows of cells with `separator`.
pub(super) fn csv_records(text: &str, separator: char) -> Result<Vec<SourceRow>, SourceError> {
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
            Cell::Text(without_formula_guard(value))
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
        return Err(SourceError::UnclosedQuote { row: row_start });
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

/// A text that Planbord (or another careful exporter) wrote with a `'` in front so that a
/// spreadsheet does not take it for a formula (`'=SUM(A1)`, `'-2+3`): the text itself.
fn without_formula_guard(value: String) -> String {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => value,
    }
}

/// Decodes CSV bytes (UTF-8, with or without a byte order mark) into text.
pub(super) fn csv_text(bytes: &[u8]) -> Result<&str, SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let row = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        SourceError::NotUtf8 { row, column }
    })?;
    if text.trim().is_empty() {
        return Err(SourceError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let guarded = csv_records("\"'=SUM(A1)\";'-2+3;'quote;'", ';').unwrap();
        assert_eq!(
            guarded[0].cells,
            vec![
                Cell::Text("=SUM(A1)".into()),
                Cell::Text("-2+3".into()),
                Cell::Text("'quote".into()),
                Cell::Text("'".into())
            ]
        );
        assert_eq!(
            csv_records("a;\"open", ';').unwrap_err(),
            SourceError::UnclosedQuote { row: 1 }
        );
    }
}
