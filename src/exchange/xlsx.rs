//! The plan's tables as an XLSX workbook: one sheet per [`Table`].
//!
//! Each sheet: the title in row 1, the header in row 2 (both repeated on every printed page and
//! frozen on screen, with the label columns), then the rows. Numbers are real numbers with number
//! formats that Excel and LibreOffice show in the reader's locale (`#,##0` reads `1.362.093` in
//! Belgium; FTE `#,##0.0#`). Subtotal and total rows are formulas over the rows they add
//! (`=SUM(C4:C11)`, `=C20-C13`), period totals are `=SUM(C4:G4)`; every formula carries
//! Planbord's own figure as its cached result, so a viewer that does not recalculate shows the
//! same numbers, and the workbook asks for a full recalculation on load. Every text (title,
//! headers, labels, text cells) is a string cell (`write_string`): a goal titled `=1+1` or
//! `=HYPERLINK(...)` stays that text, never a formula; the only formulas are Planbord's own
//! totals. Printing: A4 landscape, fit to the page width.

use super::ExportError;
use super::tables::{Cell, Column, RowFormula, RowStyle, Table, TableRow, Unit};
use crate::i18n::Lang;
use crate::model::Meta;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

/// The sheet row of the title and of the header; table rows start below the header.
const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 1;
const FIRST_DATA_ROW: u32 = 2;

/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Writes the tables into a workbook and returns the bytes of the XLSX file.
pub fn write_xlsx(tables: &[Table], meta: &Meta, lang: Lang) -> Result<Vec<u8>, ExportError> {
    build(tables, meta, lang).map_err(|e| ExportError::Workbook {
        reason: e.to_string(),
    })
}

fn build(tables: &[Table], meta: &Meta, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let plan_name = plan_name(meta);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&plan_name)
            .set_company(&meta.organisation)
            .set_author(&meta.author),
    );
    let mut used_names: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.name, &used_names);
        used_names.push(name.to_lowercase());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        write_sheet(sheet, table, &plan_name, lang)?;
    }
    workbook.save_to_buffer()
}

/// "Socius – Beleidsplan 2021-2025 (scenario)".
fn plan_name(meta: &Meta) -> String {
    let mut name = format!("{} – {}", meta.organisation, meta.title);
    if !meta.scenario.is_empty() {
        name.push_str(&format!(" ({})", meta.scenario));
    }
    name
}

/// A valid, unique sheet name: no `[]:*?/\`, at most 31 characters, not used yet.
fn sheet_name(wanted: &str, used: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        "Tabel".to_string()
    } else {
        clean.chars().take(31).collect()
    };
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let suffix = format!(" {n}");
        name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

/// Text for a cell: Excel's limit is 32.767 characters.
fn cell_text(text: &str) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        text.to_string()
    } else {
        text.chars().take(MAX_CELL_CHARS - 1).collect::<String>() + "…"
    }
}

/// Header and footer text: `&` is a code there, so it is doubled; Excel allows 255 characters.
fn header_text(text: &str, max_chars: usize) -> String {
    text.chars()
        .take(max_chars)
        .collect::<String>()
        .replace('&', "&&")
}

fn number_format(unit: Unit) -> &'static str {
    match unit {
        Unit::Euro => "#,##0",
        Unit::Fte => "#,##0.0#",
        Unit::Plain => "General",
    }
}

/// The format of a cell of a row of `style`; `unit` for numbers.
fn cell_format(style: RowStyle, unit: Option<Unit>, wrap: bool, centre: bool) -> Format {
    let mut format = Format::new().set_align(FormatAlign::Top);
    if let Some(unit) = unit {
        format = format.set_num_format(number_format(unit));
    }
    if wrap {
        format = format.set_text_wrap();
    }
    if centre {
        format = format.set_align(FormatAlign::Center);
    }
    match style {
        RowStyle::Line => format,
        RowStyle::Subtotal => format.set_bold(),
        RowStyle::Total => format
            .set_bold()
            .set_border_top(FormatBorder::Thin)
            .set_border_bottom(FormatBorder::Thin),
        RowStyle::Heading => format.set_bold().set_background_color(0xE8EEF4),
    }
}

fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    plan_name: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let labels = table.label_headers.len() as u16;
    let title_format = Format::new().set_bold().set_font_size(13);
    sheet.write_string_with_format(
        TITLE_ROW,
        0,
        cell_text(&format!("{} – {plan_name}", table.title)),
        &title_format,
    )?;
    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border_bottom(FormatBorder::Thin)
        .set_background_color(0xD9E2EC);
    let numeric_header = header_format.clone().set_align(FormatAlign::Right);
    for (i, header) in table.label_headers.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, i as u16, cell_text(header), &header_format)?;
    }
    for (i, (column, header)) in table.columns.iter().zip(&table.column_headers).enumerate() {
        let format = match column {
            Column::Text => &header_format,
            Column::Year(_) | Column::Total => &numeric_header,
        };
        // Years are text, so they never get a thousands separator.
        sheet.write_string_with_format(HEADER_ROW, labels + i as u16, cell_text(header), format)?;
    }
    let widths = column_widths(table);
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width as f64)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        write_row(sheet, table, r, row)?;
        let lines = row_lines(table, row, &widths);
        if lines > 1 {
            sheet.set_row_height(sheet_row(r), LINE_HEIGHT * lines as f64)?;
        }
    }

    sheet.set_freeze_panes(FIRST_DATA_ROW, labels)?;
    sheet.set_repeat_rows(TITLE_ROW, HEADER_ROW)?;
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    let page = crate::i18n::errors::xlsx_page_footer(lang);
    sheet.set_header(format!(
        "&L{}&R{}",
        header_text(plan_name, 120),
        header_text(&table.title, 100)
    ));
    sheet.set_footer(format!("&C{page}"));
    Ok(())
}

/// The lines the tallest wrapped cell of `row` takes.
fn row_lines(table: &Table, row: &TableRow, widths: &[usize]) -> usize {
    let labels = table.label_headers.len();
    let last_label = row
        .labels
        .last()
        .map_or(1, |text| wrapped_lines(text, widths[labels - 1]));
    let text_cells =
        row.cells
            .iter()
            .zip(&table.columns)
            .enumerate()
            .filter_map(|(c, (cell, column))| match (cell, column) {
                (Cell::Text(text), Column::Text) => Some(wrapped_lines(text, widths[labels + c])),
                _ => None,
            });
    text_cells.chain([last_label]).max().unwrap_or(1)
}

/// The sheet row of table row `r`.
fn sheet_row(r: usize) -> u32 {
    FIRST_DATA_ROW + r as u32
}

fn write_row(
    sheet: &mut Worksheet,
    table: &Table,
    r: usize,
    row: &TableRow,
) -> Result<(), XlsxError> {
    let labels = table.label_headers.len() as u16;
    let sheet_r = sheet_row(r);
    for (i, label) in row.labels.iter().enumerate() {
        // The last label column holds names and long titles: it wraps.
        let wrap = i + 1 == row.labels.len();
        let format = cell_format(row.style, None, wrap, false);
        sheet.write_string_with_format(sheet_r, i as u16, cell_text(label), &format)?;
    }
    let years = table.year_columns();
    for (c, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
        let col = labels + c as u16;
        match cell {
            Cell::Empty => {
                if row.style != RowStyle::Line {
                    sheet.write_blank(sheet_r, col, &cell_format(row.style, None, false, false))?;
                }
            }
            Cell::Text(text) => {
                let centre = matches!(column, Column::Year(_));
                let wrap = *column == Column::Text;
                let format = cell_format(row.style, None, wrap, centre);
                sheet.write_string_with_format(sheet_r, col, cell_text(text), &format)?;
            }
            Cell::Number { value, unit } => {
                let format = cell_format(row.style, Some(*unit), false, false);
                let formula = match (column, &row.formula) {
                    (Column::Total, _) => period_total_formula(sheet_r, labels, &years),
                    (Column::Year(_), Some(formula)) => Some(row_formula(formula, col)),
                    _ => None,
                };
                match formula {
                    Some(text) => {
                        let formula = Formula::new(text).set_result(result_text(*value));
                        sheet.write_formula_with_format(sheet_r, col, formula, &format)?;
                    }
                    None => {
                        sheet.write_number_with_format(sheet_r, col, to_f64(*value), &format)?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

/// The cached result of a formula, as the file stores it: `1362093`, `12.6`, `-17766`.
fn result_text(value: Decimal) -> String {
    value.normalize().to_string()
}

/// `=SUM(C4:G4)` over the year columns of the row (`=C4+E4` if they are not side by side);
/// `None` without year columns.
fn period_total_formula(sheet_r: u32, labels: u16, years: &[usize]) -> Option<String> {
    let cols: Vec<u16> = years.iter().map(|&c| labels + c as u16).collect();
    let (&first, &last) = (cols.first()?, cols.last()?);
    if (last - first) as usize + 1 == cols.len() {
        return Some(format!(
            "=SUM({}:{})",
            row_col_to_cell(sheet_r, first),
            row_col_to_cell(sheet_r, last)
        ));
    }
    let terms: Vec<String> = cols.iter().map(|&c| row_col_to_cell(sheet_r, c)).collect();
    Some(format!("={}", terms.join("+")))
}

/// The row formula in column `col`: `=SUM(C4:C11)` when it adds a block of rows side by side,
/// otherwise `=C5+C9-C12`.
fn row_formula(formula: &RowFormula, col: u16) -> String {
    let terms = &formula.terms;
    let all_added = terms.iter().all(|&(_, sign)| sign > 0);
    let contiguous = terms.windows(2).all(|w| w[1].0 == w[0].0 + 1);
    if all_added && contiguous && terms.len() > 2 {
        let first = sheet_row(terms[0].0);
        let last = sheet_row(terms[terms.len() - 1].0);
        return format!(
            "=SUM({}:{})",
            row_col_to_cell(first, col),
            row_col_to_cell(last, col)
        );
    }
    let mut text = String::from("=");
    for (i, &(row, sign)) in terms.iter().enumerate() {
        if sign < 0 {
            text.push('-');
        } else if i > 0 {
            text.push('+');
        }
        text.push_str(&row_col_to_cell(sheet_row(row), col));
    }
    text
}

/// The width of every column (label columns, then value columns), in characters.
fn column_widths(table: &Table) -> Vec<usize> {
    let labels = table.label_headers.len();
    let chars = |text: &str| text.chars().count();
    let mut widths = Vec::with_capacity(labels + table.columns.len());
    for (i, header) in table.label_headers.iter().enumerate() {
        let longest = table
            .rows
            .iter()
            .filter(|r| r.style != RowStyle::Heading || i + 1 == labels)
            .map(|r| chars(&r.labels[i]))
            .chain([chars(header)])
            .max()
            .unwrap_or(8);
        // Long names wrap in the last label column; codes and short labels keep their width.
        let cap = if i + 1 == labels {
            if table.columns.iter().all(|c| *c == Column::Text) {
                70
            } else {
                50
            }
        } else {
            30
        };
        widths.push(longest.clamp(6, cap) + 2);
    }
    for (c, column) in table.columns.iter().enumerate() {
        widths.push(match column {
            Column::Year(_) => 12,
            Column::Total => 13,
            Column::Text => {
                table
                    .rows
                    .iter()
                    .filter_map(|r| match &r.cells[c] {
                        Cell::Text(text) => Some(chars(text)),
                        Cell::Number { .. } => Some(10),
                        Cell::Empty => None,
                    })
                    .chain([chars(&table.column_headers[c])])
                    .max()
                    .unwrap_or(10)
                    .clamp(8, 30)
                    + 2
            }
        });
    }
    widths
}

/// Default row height in points (one line of the default 11 point font).
const LINE_HEIGHT: f64 = 15.0;

/// The lines `text` takes when wrapped in a column `width` characters wide (an estimate: Excel and
/// LibreOffice do not grow rows for wrapped text in a file they did not write themselves).
fn wrapped_lines(text: &str, width: usize) -> usize {
    // Prose is narrower than the digits a column width is measured in.
    let per_line = (width * 11 / 10).saturating_sub(3).max(1);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_formulas_sum_blocks_and_spell_out_signs() {
        let block = RowFormula {
            terms: vec![(3, 1), (4, 1), (5, 1)],
        };
        assert_eq!(row_formula(&block, 2), "=SUM(C6:C8)");
        let balance = RowFormula {
            terms: vec![(10, 1), (4, -1)],
        };
        assert_eq!(row_formula(&balance, 3), "=D13-D7");
        let carryover = RowFormula {
            terms: vec![(7, -1)],
        };
        assert_eq!(row_formula(&carryover, 2), "=-C10");
        let scattered = RowFormula {
            terms: vec![(1, 1), (5, 1), (9, 1)],
        };
        assert_eq!(row_formula(&scattered, 2), "=C4+C8+C12");
        assert_eq!(
            period_total_formula(4, 2, &[0, 1, 2, 3, 4]).as_deref(),
            Some("=SUM(C5:G5)")
        );
        assert_eq!(
            period_total_formula(4, 2, &[0, 2]).as_deref(),
            Some("=C5+E5")
        );
        assert_eq!(period_total_formula(4, 2, &[]), None);
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let used = vec!["budget".to_string()];
        assert_eq!(sheet_name("Budget", &used), "Budget 2");
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(header_text("R&D", 10), "R&&D");
    }

    #[test]
    fn wrapped_text_counts_its_lines() {
        assert_eq!(wrapped_lines("", 12), 1);
        assert_eq!(wrapped_lines("0123456789", 12), 1);
        assert_eq!(wrapped_lines("0123456789a", 12), 2);
        assert_eq!(wrapped_lines("a\nb", 12), 2);
    }
}
