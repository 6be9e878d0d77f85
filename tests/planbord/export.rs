//! XLSX and CSV export, read back by independent readers: calamine for the workbook, a small CSV
//! reader here. Checked against the published Socius tables (section 8.2), Planbord's figures and
//! the formulas' own arithmetic.

use crate::support::published::{Figure, PUBLISHED_8_2, PublishedTable, printed};
use crate::support::{SOCIUS, planbord, socius};
use calamine::{Data, Reader, Xlsx};
use planbord::calc::summarize;
use planbord::exchange::csv::{BOM, CsvNotation, write_csv};
use planbord::exchange::tables::{Cell, Column, Table, plan_tables};
use planbord::exchange::xlsx::write_xlsx;
use planbord::i18n::{Lang, tr};
use planbord::model::{
    AccountLine, AccountSection, Amounts, BudgetBasis, Plan, ReserveFund, Side, Yearly,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::io::Cursor;
use std::path::Path;

/// A cell as read back from a file.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Empty,
    Number(f64),
    Text(String),
}

/// A sheet or CSV file as a grid of values, by absolute position (row 0 is the file's first row).
type Grid = Vec<Vec<Value>>;

fn same(a: f64, b: Decimal) -> bool {
    (a - b.to_f64().unwrap()).abs() < 1e-6
}

fn open_xlsx(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("calamine opens the workbook")
}

fn xlsx_grid(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Grid {
    let range = workbook
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    let (end_row, end_col) = range.end().expect("a sheet with cells");
    (0..=end_row)
        .map(|r| {
            (0..=end_col)
                .map(|c| match range.get_value((r, c)) {
                    Some(Data::Float(f)) => Value::Number(*f),
                    Some(Data::Int(i)) => Value::Number(*i as f64),
                    Some(Data::String(s)) => Value::Text(s.clone()),
                    None | Some(Data::Empty) => Value::Empty,
                    Some(other) => panic!("{sheet} ({r}, {c}): unexpected {other:?}"),
                })
                .collect()
        })
        .collect()
}

/// The formulas of a sheet by absolute position, without the leading `=`.
fn xlsx_formulas(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<((u32, u32), String)> {
    let range = workbook
        .worksheet_formula(sheet)
        .unwrap_or_else(|e| panic!("formulas of {sheet}: {e}"));
    let Some((start_row, start_col)) = range.start() else {
        return Vec::new();
    };
    range
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| {
            let pos = (start_row + r as u32, start_col + c as u32);
            (pos, f.trim_start_matches('=').to_string())
        })
        .collect()
}

/// A simple CSV reader: `separator`, double-quoted fields with doubled quotes, CRLF or LF.
fn read_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if quoted {
            match ch {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(ch),
            }
        } else if ch == '"' {
            quoted = true;
        } else if ch == separator {
            row.push(std::mem::take(&mut field));
        } else if ch == '\r' && chars.peek() == Some(&'\n') {
        } else if ch == '\n' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        } else {
            field.push(ch);
        }
    }
    assert!(!quoted, "unterminated quote");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// A CSV file as a grid: numbers in the given notation become numbers.
fn csv_grid(text: &str, notation: CsvNotation) -> Grid {
    let separator = notation.separator();
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let number = |field: &str| -> Option<f64> {
        let looks_numeric = !field.is_empty()
            && field
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '.' || c == ',');
        if !looks_numeric {
            return None;
        }
        let plain = match notation {
            CsvNotation::Belgian => {
                assert!(!field.contains('.'), "thousands separator in {field}");
                field.replace(',', ".")
            }
            CsvNotation::Plain => field.to_string(),
        };
        plain.parse().ok()
    };
    read_csv(text, separator)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|f| match number(&f) {
                    Some(n) => Value::Number(n),
                    None if f.is_empty() => Value::Empty,
                    None => Value::Text(f),
                })
                .collect()
        })
        .collect()
}

/// The columns of the years 2021-2025, from the header row (the first row naming 2021; the CSV
/// reader sees the year headers as numbers).
fn year_columns(grid: &Grid) -> Vec<usize> {
    let is_year = |v: &Value, year: i32| match v {
        Value::Text(t) => *t == year.to_string(),
        Value::Number(n) => *n == f64::from(year),
        Value::Empty => false,
    };
    let header = grid
        .iter()
        .find(|row| row.iter().any(|v| is_year(v, 2021)))
        .expect("a header row with the years");
    (2021..=2025)
        .map(|year| {
            header
                .iter()
                .position(|v| is_year(v, year))
                .unwrap_or_else(|| panic!("no column {year}"))
        })
        .collect()
}

/// The table of the export that holds a published table.
fn table_key(table: &PublishedTable) -> &'static str {
    match table.section {
        "8.2.1.2" | "8.2.1.3" if table.title.to_lowercase().contains("personeelsinzet") => "fte",
        "8.2.1.2" | "8.2.1.3" | "8.2.1.4" => "salary_cost",
        "8.2.2.1" => "operating",
        "8.2.2.2" => "overhead",
        "8.2.3" => "income",
        "8.2.2.3" | "8.2.4" => "budget",
        other => panic!("no table for {other}"),
    }
}

/// The code or name a row with this figure carries among its labels, if it has one.
fn label_of(figure: Figure) -> Option<&'static str> {
    match figure {
        Figure::GoalFte(code) | Figure::GoalSalaryCost(code) | Figure::GoalOperating(code) => {
            Some(code)
        }
        Figure::StaffFte(name)
        | Figure::StaffCost(name)
        | Figure::Overhead(name)
        | Figure::Income(name)
        | Figure::BudgetIncome(name) => Some(name),
        _ => None,
    }
}

/// Finds every published number of section 8.2 in `grids` (one grid per table key): each
/// printed row must be a row of number cells in the year columns of the right table, carrying
/// the goal code or line name where the row has one. Returns the number of cells found.
fn find_published(grids: &dyn Fn(&str) -> Grid, what: &str) -> usize {
    let mut found_cells = 0;
    for table in PUBLISHED_8_2 {
        let key = table_key(table);
        let grid = grids(key);
        let years = year_columns(&grid);
        let row_values = |row: &Vec<Value>| -> Option<Vec<f64>> {
            years
                .iter()
                .map(|&c| match row.get(c) {
                    Some(Value::Number(n)) => Some(*n),
                    _ => None,
                })
                .collect()
        };
        let has_label = |row: &Vec<Value>, label: &str| {
            row.iter().any(|v| *v == Value::Text(label.to_string()))
        };
        for published in table.rows {
            let printed = printed(published.values);
            let matches = |values: &[f64]| {
                values
                    .iter()
                    .zip(&printed)
                    .all(|(v, p)| p.is_none_or(|p| same(*v, p)))
            };
            let found = grid.iter().any(|row| {
                row_values(row).is_some_and(|values| matches(&values))
                    && label_of(published.figure).is_none_or(|label| has_label(row, label))
            });
            assert!(
                found,
                "{what}: {} {} / {}: {} not found as numbers in table {key}",
                table.section, table.title, published.label, published.values
            );
            found_cells += printed.iter().flatten().count();
        }
    }
    found_cells
}

fn sheet_name(key: &str, lang: Lang) -> &'static str {
    let t = tr(lang);
    let text = match key {
        "goals" => t.table_goals,
        "timing" => t.table_timing,
        "fte" => t.table_fte,
        "salary_cost" => t.table_salary_cost,
        "profiles" => t.table_profiles,
        "operating" => t.table_operating,
        "overhead" => t.table_overhead,
        "income" => t.table_income,
        "budget" => t.table_budget,
        "accounts" => t.table_accounts,
        other => panic!("unknown table {other}"),
    };
    text.name
}

#[test]
fn the_socius_workbook_holds_every_published_number_as_a_number_cell() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("socius.xlsx");
    let (code, stdout, stderr) = planbord(&["export", SOCIUS, "--xlsx", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("socius.xlsx"), "{stdout}");
    let workbook = open_xlsx(std::fs::read(&out).unwrap());
    let names = workbook.sheet_names();
    assert_eq!(
        names,
        [
            "Doelen",
            "Timing",
            "VTE",
            "Personeelskost",
            "Loonprofielen",
            "Werkingskosten",
            "Overhead",
            "Inkomsten",
            "Meerjarenbegroting"
        ]
    );
    let grids = |key: &str| {
        xlsx_grid(
            &mut open_xlsx(std::fs::read(&out).unwrap()),
            sheet_name(key, Lang::Nl),
        )
    };
    // All 417 published cells, each in a row of its own (8.2.4 "Inkomsten verhuur en
    // financiën" 8.250 too: the printed group of two lines 8.2.3 prints apart, 8.000 + 250).
    let found = find_published(&grids, "xlsx");
    assert_eq!(found, crate::support::published::published_cell_count());
    assert_eq!(found, 417);
}

#[test]
fn csv_files_hold_every_published_number_in_both_notations() {
    let plan = socius();
    let summary = summarize(&plan);
    let tables = plan_tables(&plan, &summary, Lang::Nl);
    for notation in [CsvNotation::Belgian, CsvNotation::Plain] {
        let grids = |key: &str| {
            let table = tables.iter().find(|t| t.key == key).unwrap();
            csv_grid(&write_csv(table, notation), notation)
        };
        let found = find_published(&grids, &format!("{notation:?} csv"));
        assert_eq!(found, 417);
    }
}

/// The rows of the multi-year budget in `grid` (a sheet with a title row, or a CSV file) that
/// carry the labels of section 8.2.4: each published row is one row labelled exactly as printed,
/// in the printed order, with the printed numbers as number cells in the year columns and their
/// sum in the total column. Returns the number of published cells compared.
fn check_8_2_4(grid: &Grid, what: &str) -> usize {
    let table = PUBLISHED_8_2
        .iter()
        .find(|t| t.section == "8.2.4")
        .expect("8.2.4");
    let years = year_columns(grid);
    let total_column = years.last().unwrap() + 1;
    let mut compared = 0;
    let mut previous = 0;
    for published in table.rows {
        let label = Value::Text(published.label.to_string());
        let at: Vec<usize> = (0..grid.len()).filter(|&r| grid[r][0] == label).collect();
        assert_eq!(
            at.len(),
            1,
            "{what}: the row {} is there once: {at:?}",
            published.label
        );
        let r = at[0];
        assert!(r > previous, "{what}: {} out of order", published.label);
        previous = r;
        let mut sum = 0.0;
        for (&c, printed) in years.iter().zip(printed(published.values)) {
            let printed = printed.expect("8.2.4 prints every cell");
            let Value::Number(n) = grid[r][c] else {
                panic!("{what}: {} column {c}: {:?}", published.label, grid[r][c]);
            };
            assert!(
                same(n, printed),
                "{what}: {} column {c}: {n} vs published {printed}",
                published.label
            );
            sum += n;
            compared += 1;
        }
        let Value::Number(total) = grid[r][total_column] else {
            panic!("{what}: {}: no period total", published.label);
        };
        assert!((total - sum).abs() < 1e-6, "{what}: {}", published.label);
    }
    // The two lines of the printed group are not rows of their own in the budget.
    for line in ["Inkomsten externe verhuur", "Financiële opbrengsten"] {
        assert!(
            !grid.iter().any(|row| row[0] == Value::Text(line.into())),
            "{what}: {line} is printed in its group"
        );
    }
    compared
}

#[test]
fn the_exported_multi_year_budget_has_every_row_of_8_2_4_by_its_printed_label() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("socius.xlsx");
    let (code, _, err) = planbord(&["export", SOCIUS, "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut workbook = open_xlsx(std::fs::read(&xlsx).unwrap());
    let grid = xlsx_grid(&mut workbook, sheet_name("budget", Lang::Nl));
    assert_eq!(check_8_2_4(&grid, "xlsx"), 55);
    // The income total adds the printed rows: the group is one term of the formula.
    let formulas = xlsx_formulas(&mut workbook, sheet_name("budget", Lang::Nl));
    let row_of = |label: &str| {
        grid.iter()
            .position(|r| r[0] == Value::Text(label.into()))
            .unwrap()
    };
    let income_total = row_of("Totaal inkomsten") as u32;
    let formula = formulas
        .iter()
        .find(|(pos, _)| *pos == (income_total, 1))
        .map(|(_, f)| f.as_str());
    let (first, last) = (row_of("Subsidies") + 1, row_of("Werking") + 1);
    assert_eq!(formula, Some(format!("SUM(B{first}:B{last})").as_str()));
    assert_eq!(last - first, 3, "four income rows");

    for (notation, flag) in [
        (CsvNotation::Belgian, None),
        (CsvNotation::Plain, Some("--plain")),
    ] {
        let out = dir.path().join(format!("{notation:?}"));
        let mut args = vec!["export", SOCIUS, "--csv", out.to_str().unwrap()];
        args.extend(flag);
        let (code, _, err) = planbord(&args);
        assert_eq!(code, 0, "{err}");
        let text = std::fs::read_to_string(out.join("budget.csv")).unwrap();
        let grid = csv_grid(&text, notation);
        assert_eq!(check_8_2_4(&grid, &format!("{notation:?} csv")), 55);
    }

    // The group is the plan's own text: the English budget prints it too, with the same sum.
    let plan = socius();
    let summary = summarize(&plan);
    let tables = plan_tables(&plan, &summary, Lang::En);
    let budget = tables.iter().find(|t| t.key == "budget").unwrap();
    let row = budget
        .row_named("Inkomsten verhuur en financiën")
        .expect("the group row in English");
    assert_eq!(row.cells[0].number(), Some(Decimal::from(8250)));
    assert!(budget.row_named("Inkomsten externe verhuur").is_none());
    // The income table keeps one row per line, as 8.2.3 prints them.
    let income = tables.iter().find(|t| t.key == "income").unwrap();
    assert_eq!(
        income
            .row_named("Inkomsten externe verhuur")
            .and_then(|r| r.cells[0].number()),
        Some(Decimal::from(8000))
    );
    assert!(income.row_named("Inkomsten verhuur en financiën").is_none());
}

/// Parses a formula the workbook uses (`SUM(C4:C11)`, `C5+C9-C12`, `-C10`, `SUM(C4:G4)`) and
/// computes it from the cells of `grid`.
fn evaluate(formula: &str, grid: &Grid) -> f64 {
    let cell = |reference: &str| -> (usize, usize) {
        let letters: String = reference
            .chars()
            .take_while(char::is_ascii_uppercase)
            .collect();
        let digits = &reference[letters.len()..];
        assert!(
            !letters.is_empty() && !digits.is_empty(),
            "reference {reference}"
        );
        let col = letters
            .chars()
            .fold(0, |n, ch| n * 26 + (ch as usize - 'A' as usize + 1))
            - 1;
        (digits.parse::<usize>().expect("row") - 1, col)
    };
    let value = |(r, c): (usize, usize)| match &grid[r][c] {
        Value::Number(n) => *n,
        other => panic!("formula {formula} refers to {other:?} at ({r}, {c})"),
    };
    if let Some(inner) = formula
        .strip_prefix("SUM(")
        .and_then(|f| f.strip_suffix(')'))
    {
        let (from, to) = inner.split_once(':').expect("a range");
        let ((r1, c1), (r2, c2)) = (cell(from), cell(to));
        let mut sum = 0.0;
        for r in r1..=r2 {
            for c in c1..=c2 {
                sum += value((r, c));
            }
        }
        return sum;
    }
    let mut sum = 0.0;
    let mut sign = 1.0;
    let mut term = String::new();
    for ch in formula.chars().chain(['+']) {
        if ch == '+' || ch == '-' {
            if !term.is_empty() {
                sum += sign * value(cell(&term));
                term.clear();
            }
            sign = if ch == '-' { -1.0 } else { 1.0 };
        } else {
            term.push(ch);
        }
    }
    sum
}

/// A plan budgeted by chart of accounts, with a fund that receives the balance.
fn accounts_plan() -> Plan {
    let mut plan = Plan::new("VZW Rekening", 2026, 2028);
    plan.meta.budget_basis = BudgetBasis::Accounts;
    let per_year =
        |v: [i64; 3]| Amounts::PerYear(Yearly::from_values(2026, v.into_iter().map(Decimal::from)));
    for (section, lines) in [
        (
            "WERKINGSKOSTEN",
            vec![
                (
                    "610000",
                    "Huur",
                    Side::Cost,
                    per_year([80_000, 81_000, 82_000]),
                ),
                (
                    "612000",
                    "Kantoor",
                    Side::Cost,
                    per_year([5_000, 5_100, 5_200]),
                ),
            ],
        ),
        (
            "PERSONEEL",
            vec![(
                "620000",
                "Bezoldigingen",
                Side::Cost,
                per_year([900_000, 920_000, 940_000]),
            )],
        ),
        (
            "INKOMSTEN",
            vec![
                (
                    "700000",
                    "Deelnemers",
                    Side::Income,
                    per_year([50_000, 50_000, 50_000]),
                ),
                (
                    "740000",
                    "Subsidie",
                    Side::Income,
                    per_year([940_000, 958_800, 977_980]),
                ),
            ],
        ),
    ] {
        let id = plan.new_id();
        let mut s = AccountSection {
            id,
            name: section.into(),
            lines: Vec::new(),
            printed_cost: Default::default(),
            printed_income: Default::default(),
        };
        for (code, name, side, amounts) in lines {
            let id = plan.new_id();
            s.lines.push(AccountLine {
                id,
                code: code.into(),
                name: name.into(),
                side,
                amounts,
                category: None,
            });
        }
        plan.accounts.push(s);
    }
    let id = plan.new_id();
    plan.funds.push(ReserveFund {
        id,
        name: "Overgedragen resultaat".into(),
        opening_balance: Decimal::from(20_000),
        receives_balance: true,
    });
    plan
}

/// Every table row with a formula (and every period total) is a formula cell in the workbook;
/// its cached value is Planbord's figure; the formula, computed from the cells it refers to, gives
/// that value; plain lines are numbers, not formulas. Returns the number of formula cells.
fn check_formulas(plan: &Plan, lang: Lang) -> usize {
    let summary = summarize(plan);
    let tables = plan_tables(plan, &summary, lang);
    let bytes = write_xlsx(&tables, &plan.meta, lang).expect("the workbook is written");
    let mut workbook = open_xlsx(bytes);
    let mut checked = 0;
    for table in &tables {
        let grid = xlsx_grid(&mut workbook, &table.name);
        let formulas = xlsx_formulas(&mut workbook, &table.name);
        let formula_at = |r: usize, c: usize| {
            formulas
                .iter()
                .find(|(pos, _)| *pos == (r as u32, c as u32))
                .map(|(_, f)| f.as_str())
        };
        let labels = table.label_headers.len();
        // The workbook's layout: title row, header row, then the table's rows.
        assert_eq!(
            grid[1][labels..]
                .iter()
                .map(|v| match v {
                    Value::Text(t) => t.clone(),
                    other => panic!("header {other:?}"),
                })
                .collect::<Vec<_>>(),
            table.column_headers,
            "{}",
            table.key
        );
        let mut expected = 0;
        for (i, row) in table.rows.iter().enumerate() {
            let r = i + 2;
            for (j, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
                let c = labels + j;
                let Cell::Number { value, .. } = cell else {
                    assert!(formula_at(r, c).is_none(), "{} ({r}, {c})", table.key);
                    continue;
                };
                let Value::Number(cached) = grid[r][c] else {
                    panic!("{} ({r}, {c}): {:?} is not a number", table.key, grid[r][c]);
                };
                assert!(
                    same(cached, *value),
                    "{} ({r}, {c}): {cached} vs {value}",
                    table.key
                );
                let is_formula = *column == Column::Total
                    || (matches!(column, Column::Year(_)) && row.formula.is_some());
                match formula_at(r, c) {
                    Some(formula) => {
                        assert!(
                            is_formula,
                            "{} ({r}, {c}): unexpected formula {formula}",
                            table.key
                        );
                        let computed = evaluate(formula, &grid);
                        assert!(
                            (computed - cached).abs() < 1e-6,
                            "{} ({r}, {c}) {:?}: ={formula} gives {computed}, cached {cached}",
                            table.key,
                            row.labels
                        );
                        expected += 1;
                    }
                    None => assert!(
                        !is_formula,
                        "{} ({r}, {c}) {:?}: no formula",
                        table.key, row.labels
                    ),
                }
            }
        }
        assert_eq!(expected, formulas.len(), "{}: stray formulas", table.key);
        checked += expected;
    }
    checked
}

#[test]
fn formula_cells_compute_planbords_figures_from_their_rows() {
    let socius = socius();
    let formulas = check_formulas(&socius, Lang::Nl);
    assert!(formulas > 200, "{formulas} formula cells");
    check_formulas(&socius, Lang::En);
    let accounts = accounts_plan();
    assert!(check_formulas(&accounts, Lang::Nl) > 20);
    let mut goal_based = accounts;
    goal_based.meta.budget_basis = BudgetBasis::Goals;
    check_formulas(&goal_based, Lang::En);
    // Printed groups of overhead and income lines (a group mixing subsidy and other income).
    assert!(check_formulas(&crate::support::grouped_socius(), Lang::Nl) > 200);
}

#[test]
fn the_socius_totals_are_formulas_over_their_rows() {
    let plan = socius();
    let summary = summarize(&plan);
    let tables = plan_tables(&plan, &summary, Lang::Nl);
    let mut workbook = open_xlsx(write_xlsx(&tables, &plan.meta, Lang::Nl).unwrap());
    let t = tr(Lang::Nl);
    let formulas = xlsx_formulas(&mut workbook, t.table_budget.name);
    let grid = xlsx_grid(&mut workbook, t.table_budget.name);
    let row_of = |label: &str| {
        grid.iter()
            .position(|r| r[0] == Value::Text(label.into()))
            .unwrap_or_else(|| panic!("{label}"))
    };
    let formula = |label: &str| -> String {
        let r = row_of(label) as u32;
        formulas
            .iter()
            .find(|(pos, _)| *pos == (r, 1))
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| panic!("{label}: no formula"))
    };
    // Excel rows are 1-based: sheet row r is row r + 1 in a reference.
    let cell = |label: &str| format!("B{}", row_of(label) + 1);
    assert_eq!(
        formula(t.balance),
        format!("{}-{}", cell(t.income_total), cell(t.expenses_total))
    );
    assert_eq!(formula(t.carryover), format!("-{}", cell(t.balance)));
    assert_eq!(
        formula(t.result),
        format!("{}+{}", cell(t.balance), cell(t.carryover))
    );
    assert_eq!(formula(t.requested_subsidy), cell("Subsidies"));
    let total = formulas
        .iter()
        .find(|(pos, _)| *pos == (row_of(t.expenses_total) as u32, 6))
        .map(|(_, f)| f.clone());
    let r = row_of(t.expenses_total) + 1;
    assert_eq!(total, Some(format!("SUM(B{r}:F{r})")));
}

/// Reads the CSV files an export wrote: (key, text) per file.
fn csv_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let key = path.file_stem().unwrap().to_string_lossy().into_owned();
            assert_eq!(path.extension().unwrap(), "csv");
            let bytes = std::fs::read(&path).unwrap();
            (key, String::from_utf8(bytes).expect("UTF-8"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn csv_export_in_belgian_and_plain_notation_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let belgian = dir.path().join("be");
    let plain = dir.path().join("plain");
    let (code, out, err) = planbord(&["export", SOCIUS, "--csv", belgian.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Belgische notatie"), "{out}");
    let (code, _, err) = planbord(&[
        "export",
        SOCIUS,
        "--csv",
        plain.to_str().unwrap(),
        "--plain",
    ]);
    assert_eq!(code, 0, "{err}");
    let belgian = csv_files(&belgian);
    let plain = csv_files(&plain);
    let keys: Vec<&str> = belgian.iter().map(|(k, _)| k.as_str()).collect();
    let mut expected = vec![
        "budget",
        "fte",
        "goals",
        "income",
        "operating",
        "overhead",
        "profiles",
        "salary_cost",
        "timing",
    ];
    expected.sort();
    assert_eq!(keys, expected);
    let plan = socius();
    let summary = summarize(&plan);
    let tables = plan_tables(&plan, &summary, Lang::Nl);
    for ((key, be_text), (plain_key, plain_text)) in belgian.iter().zip(&plain) {
        assert_eq!(key, plain_key);
        assert!(
            be_text.starts_with(BOM),
            "{key}: Belgian CSV starts with a BOM"
        );
        assert!(!plain_text.starts_with(BOM), "{key}: plain CSV has no BOM");
        let be_rows = read_csv(be_text.strip_prefix(BOM).unwrap(), ';');
        let plain_rows = read_csv(plain_text, ',');
        let table = tables.iter().find(|t| t.key == key).unwrap();
        // Header first (no title row), then one line per table row.
        let header: Vec<String> = table
            .label_headers
            .iter()
            .chain(&table.column_headers)
            .cloned()
            .collect();
        assert_eq!(be_rows[0], header, "{key}");
        assert_eq!(plain_rows[0], header, "{key}");
        assert_eq!(be_rows.len(), table.rows.len() + 1, "{key}");
        assert_eq!(plain_rows.len(), table.rows.len() + 1, "{key}");
        let be = csv_grid(be_text, CsvNotation::Belgian);
        let pl = csv_grid(plain_text, CsvNotation::Plain);
        assert_eq!(be, pl, "{key}: same values in both notations");
        let labels = table.label_headers.len();
        for (row, read) in table.rows.iter().zip(&be[1..]) {
            for (cell, value) in row.cells.iter().zip(&read[labels..]) {
                match (cell, value) {
                    (Cell::Number { value: v, .. }, Value::Number(n)) => {
                        assert!(same(*n, *v), "{key}: {n} vs {v}")
                    }
                    (Cell::Text(t), Value::Text(s)) => assert_eq!(t, s),
                    (Cell::Empty, Value::Empty) => {}
                    (cell, value) => panic!("{key} {:?}: {cell:?} read as {value:?}", row.labels),
                }
            }
        }
    }
    // A figure with decimals: 0,7 FTE in Belgian notation, 0.7 in plain.
    let fte =
        |files: &[(String, String)]| files.iter().find(|(k, _)| k == "fte").unwrap().1.clone();
    assert!(
        fte(&belgian).contains(";Directie;0,7;0,7;"),
        "{}",
        fte(&belgian)
    );
    assert!(
        fte(&plain).contains(",Directie,0.7,0.7,"),
        "{}",
        fte(&plain)
    );
}

#[test]
fn existing_files_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let csv = dir.path().join("csv");
    std::fs::write(&xlsx, b"previous").unwrap();
    let (code, out, err) = planbord(&[
        "export",
        SOCIUS,
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains(&xlsx.display().to_string()), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&xlsx).unwrap(), b"previous");
    assert!(
        !csv.exists(),
        "nothing is written when one output is refused"
    );

    // The CSV folder alone is written; a second run refuses every file, naming each.
    let (code, _, err) = planbord(&["export", SOCIUS, "--csv", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let fte = csv.join("fte.csv");
    std::fs::write(&fte, "mine").unwrap();
    let (code, _, err) = planbord(&[
        "export",
        SOCIUS,
        "--csv",
        csv.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains(&fte.display().to_string()), "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 9, "one line per refused file: {err}");
    assert_eq!(std::fs::read_to_string(&fte).unwrap(), "mine");

    // --force overwrites, and leaves no temporary file behind.
    let (code, _, err) = planbord(&[
        "export",
        SOCIUS,
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    assert!(
        std::fs::read_to_string(&fte)
            .unwrap()
            .contains("Algemeen totaal")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .chain(std::fs::read_dir(&csv).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".planbord-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn english_export_has_english_sheet_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("en.xlsx");
    let (code, stdout, err) = planbord(&[
        "export",
        SOCIUS,
        "--xlsx",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("sheets written"), "{stdout}");
    let mut workbook = open_xlsx(std::fs::read(&out).unwrap());
    assert_eq!(
        workbook.sheet_names(),
        [
            "Goals",
            "Timing",
            "FTE",
            "Salary cost",
            "Salary profiles",
            "Operating cost",
            "Overhead",
            "Income",
            "Budget"
        ]
    );
    let grid = xlsx_grid(&mut workbook, "Budget");
    assert!(matches!(&grid[0][0], Value::Text(t) if t.starts_with("Multi-year budget")));
    assert!(
        grid.iter()
            .any(|r| r[0] == Value::Text("Total expenses".into()))
    );
    assert!(grid[1].contains(&Value::Text("Total".into())));
}

#[test]
fn export_errors_name_the_file_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let out = dir.path().join("out.xlsx");
    let (code, _, err) = planbord(&[
        "export",
        missing.to_str().unwrap(),
        "--xlsx",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("missing.ron"), "{err}");

    let (code, _, err) = planbord(&["export", SOCIUS]);
    assert_eq!(code, 1);
    assert!(err.contains("--xlsx") && err.contains("--csv"), "{err}");

    let not_a_folder = dir.path().join("file.txt");
    std::fs::write(&not_a_folder, "x").unwrap();
    let (code, _, err) = planbord(&["export", SOCIUS, "--csv", not_a_folder.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("file.txt") && err.contains("geen map"),
        "{err}"
    );

    let nowhere = dir.path().join("no/such/folder/out.xlsx");
    let (code, _, err) = planbord(&["export", SOCIUS, "--xlsx", nowhere.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("out.xlsx") && err.contains("kan niet schrijven"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // The plan file itself is never an export target, not even with --force.
    let copy = dir.path().join("plan.ron");
    std::fs::copy(SOCIUS, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let (code, _, err) = planbord(&[
        "export",
        copy.to_str().unwrap(),
        "--xlsx",
        copy.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("planbestand"), "{err}");
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn an_accounts_plan_exports_the_importable_accounts_table() {
    let plan = accounts_plan();
    let summary = summarize(&plan);
    let tables = plan_tables(&plan, &summary, Lang::Nl);
    let table: &Table = tables
        .iter()
        .find(|t| t.key == "accounts")
        .expect("accounts");
    let text = write_csv(table, CsvNotation::Belgian);
    let rows = read_csv(text.strip_prefix(BOM).unwrap(), ';');
    assert_eq!(
        rows[0],
        [
            "Rubriek",
            "Zijde",
            "Rekening",
            "Omschrijving",
            "2026",
            "2027",
            "2028"
        ]
    );
    assert!(rows.contains(&vec![
        "WERKINGSKOSTEN".to_string(),
        "kosten".into(),
        "".into(),
        "Totaal WERKINGSKOSTEN".into(),
        "85000".into(),
        "86100".into(),
        "87200".into(),
    ]));
    let last_two: Vec<&str> = rows[rows.len() - 2..]
        .iter()
        .map(|r| r[3].as_str())
        .collect();
    assert_eq!(last_two, ["TOTAAL KOSTEN", "TOTAAL OPBRENGSTEN"]);
    assert_eq!(rows[rows.len() - 2][4], summary.account_cost[0].to_string());
    assert_eq!(
        rows[rows.len() - 1][4],
        summary.account_income[0].to_string()
    );
    // English headers and totals.
    let en = plan_tables(&plan, &summary, Lang::En);
    let en = en.iter().find(|t| t.key == "accounts").unwrap();
    let rows = read_csv(&write_csv(en, CsvNotation::Plain), ',');
    assert_eq!(rows[0][..4], ["Section", "Side", "Account", "Name"]);
    assert_eq!(rows[rows.len() - 1][3], "TOTAL INCOME");
    assert!(
        rows.iter()
            .any(|r| r[3] == "Total PERSONEEL" && r[1] == "cost")
    );
}

// ---------------------------------------------------------------------------------------------
// Formula injection: texts a spreadsheet would take for a formula.

/// Texts that start like a formula: `=`, `+`, `-`, `@`, a tab, a carriage return.
const INJECTIONS: [&str; 6] = [
    "=HYPERLINK(\"http://x\",\"klik\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
];

/// A plan whose goal titles, indicator texts and units, activities, staff lines, overhead line
/// and account lines each start with one of [`INJECTIONS`]; an overhead line with negative
/// amounts, no income (a negative balance).
fn injection_plan() -> Plan {
    use planbord::model::{
        Activity, Comparator, GoalKind, Indicator, OperationalGoal, SalaryProfile, StaffGroup,
        StaffLine, StrategicGoal, Target,
    };
    let mut plan = Plan::new("VZW Injectie", 2026, 2028);
    let years = |v: [i64; 3]| Yearly::from_values(2026, v.into_iter().map(Decimal::from));
    let profile = plan.new_id();
    plan.salary_profiles.push(SalaryProfile {
        id: profile,
        name: "Staf".into(),
        cost_per_fte: Amounts::PerYear(years([90_000, 91_000, 92_000])),
    });
    let activity_type = plan.activity_types[0].id;
    let sd_id = plan.new_id();
    let mut sd = StrategicGoal::new(sd_id, GoalKind::External, INJECTIONS[0]);
    sd.code = "SD1".into();
    for (i, text) in INJECTIONS.iter().enumerate() {
        let id = plan.new_id();
        let mut od = OperationalGoal::new(id, profile, text);
        od.code = format!("SD1.OD{}", i + 1);
        od.fte = Yearly::from_values(2026, [Decimal::new(5, 1); 3]);
        let id = plan.new_id();
        od.activities.push(Activity {
            id,
            activity_type,
            description: text.to_string(),
            first_year: 2026,
            last_year: 2027,
        });
        let id = plan.new_id();
        let mut indicator = Indicator::new(id);
        indicator.text = text.to_string();
        indicator.target = Some(Target {
            comparator: Comparator::AtLeast,
            value: Decimal::from(-5),
            unit: text.to_string(),
            year: None,
        });
        od.indicators.push(indicator);
        sd.operational_goals.push(od);
        let id = plan.new_id();
        plan.staff_lines.push(StaffLine {
            id,
            name: text.to_string(),
            group: StaffGroup::Support,
            salary_profile: profile,
            fte: Yearly::from_values(2026, [Decimal::new(1, 1); 3]),
        });
    }
    plan.strategic_goals.push(sd);
    let id = plan.new_id();
    plan.overhead.push(planbord::model::BudgetLine {
        id,
        name: INJECTIONS[2].into(),
        kind: Default::default(),
        printed_group: Some(INJECTIONS[3].into()),
        amounts: Amounts::PerYear(years([-1234, -50, 0])),
    });
    let id = plan.new_id();
    let mut section = AccountSection {
        id,
        name: INJECTIONS[1].into(),
        lines: Vec::new(),
        printed_cost: Default::default(),
        printed_income: Default::default(),
    };
    for (i, text) in INJECTIONS.iter().enumerate() {
        let id = plan.new_id();
        section.lines.push(AccountLine {
            id,
            code: format!("61000{i}"),
            name: text.to_string(),
            side: Side::Cost,
            category: None,
            amounts: Amounts::PerYear(years([-100 * i as i64, 200, 300])),
        });
    }
    plan.accounts.push(section);
    assert!(planbord::model::validate(&plan).is_empty());
    plan
}

#[test]
fn texts_that_start_like_a_formula_stay_texts_in_csv_and_xlsx_and_numbers_stay_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("injectie.ron");
    planbord::store::save(&injection_plan(), &plan_path).unwrap();
    let plan_arg = plan_path.to_str().unwrap();
    let xlsx = dir.path().join("injectie.xlsx");
    let (code, _, err) = planbord(&["export", plan_arg, "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    // CSV: OWASP's advice, a `'` before the text and the field quoted; in both notations.
    for (notation, plain) in [(CsvNotation::Belgian, false), (CsvNotation::Plain, true)] {
        let out = dir.path().join(format!("{notation:?}"));
        let mut args = vec!["export", plan_arg, "--csv", out.to_str().unwrap()];
        if plain {
            args.push("--plain");
        }
        let (code, _, err) = planbord(&args);
        assert_eq!(code, 0, "{err}");
        let files = csv_files(&out);
        let mut fields: Vec<String> = Vec::new();
        for (key, text) in &files {
            let text = text.strip_prefix(BOM).unwrap_or(text);
            for row in read_csv(text, notation.separator()) {
                for field in row {
                    assert!(
                        !field.starts_with(['=', '+', '-', '@', '\t', '\r'])
                            || field.parse::<f64>().is_ok()
                            || field.replace(',', ".").parse::<f64>().is_ok(),
                        "{notation:?} {key}: {field:?} would run as a formula"
                    );
                    fields.push(field);
                }
            }
        }
        for text in INJECTIONS {
            let escaped = format!("'{text}");
            let n = fields.iter().filter(|f| **f == escaped).count();
            // Goal or indicator (goals), activity (timing), staff line (FTE, salary cost), unit,
            // account line, and more: each text in several tables.
            assert!(n >= 5, "{notation:?}: {escaped:?} {n} times");
            assert!(!fields.iter().any(|f| f == text), "{notation:?}: {text:?}");
        }
        // The field on disk: quoted, the quotes inside doubled.
        let goals = &files.iter().find(|(k, _)| k == "goals").unwrap().1;
        assert!(
            goals.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""),
            "{goals}"
        );
        // Negative amounts are still numbers: the overhead line and the balance.
        let text = &files.iter().find(|(k, _)| k == "overhead").unwrap().1;
        let grid = csv_grid(text, notation);
        let line = grid
            .iter()
            .find(|r| r[0] == Value::Text("'-2+3".into()))
            .expect("the overhead line");
        assert_eq!(
            line[1..4],
            [
                Value::Number(-1234.0),
                Value::Number(-50.0),
                Value::Number(0.0)
            ]
        );
        let text = &files.iter().find(|(k, _)| k == "budget").unwrap().1;
        let balance = csv_grid(text, notation)
            .into_iter()
            .find(|r| r[0] == Value::Text("Saldo".into()))
            .expect("a balance row");
        assert!(
            balance[1..4]
                .iter()
                .all(|v| matches!(v, Value::Number(n) if *n < 0.0)),
            "{balance:?}"
        );
        // The raw line: the name quoted with its quote, the amounts plain negative numbers.
        let overhead = &files.iter().find(|(k, _)| k == "overhead").unwrap().1;
        let s = notation.separator();
        let raw = format!("\r\n\"'-2+3\"{s}-1234{s}-50{s}0{s}-1284\r\n");
        assert!(overhead.contains(&raw), "{overhead:?}");
    }

    // XLSX: every text is a string cell holding the text as typed, never a formula.
    let mut workbook = open_xlsx(std::fs::read(&xlsx).unwrap());
    let mut found = vec![0; INJECTIONS.len()];
    let mut formulas_checked = 0;
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).unwrap();
        let formulas = xlsx_formulas(&mut workbook, &sheet);
        for (r, c, value) in range.used_cells() {
            let pos = (r as u32, c as u32);
            let formula = formulas.iter().find(|(p, _)| *p == pos).map(|(_, f)| f);
            match value {
                Data::String(s) => {
                    assert!(!s.starts_with('\''), "{sheet} {pos:?}: {s:?}");
                    if let Some(i) = INJECTIONS.iter().position(|t| t == s) {
                        found[i] += 1;
                        assert_eq!(formula, None, "{sheet} {pos:?}: {s:?} is a formula");
                    }
                }
                Data::Float(_) | Data::Int(_) => {
                    // Planbord's own totals only: sums and differences of cells.
                    if let Some(f) = formula {
                        assert!(
                            f.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "(:)+-".contains(c)),
                            "{sheet} {pos:?}: {f}"
                        );
                        formulas_checked += 1;
                    }
                }
                other => panic!("{sheet} {pos:?}: {other:?}"),
            }
        }
        for (pos, f) in &formulas {
            assert!(
                !f.contains("HYPERLINK") && !f.contains("A1)"),
                "{sheet} {pos:?}: {f}"
            );
        }
    }
    for (text, n) in INJECTIONS.iter().zip(&found) {
        assert!(*n >= 5, "{text:?} found {n} times as a string cell");
    }
    assert!(formulas_checked > 20, "{formulas_checked}");
    // Negative amounts are number cells.
    let grid = xlsx_grid(&mut workbook, sheet_name("overhead", Lang::Nl));
    let line = grid
        .iter()
        .find(|r| r[0] == Value::Text("-2+3".into()))
        .expect("the overhead line");
    assert_eq!(
        line[1..4],
        [
            Value::Number(-1234.0),
            Value::Number(-50.0),
            Value::Number(0.0)
        ]
    );
    let accounts = xlsx_grid(&mut workbook, sheet_name("accounts", Lang::Nl));
    let line = accounts
        .iter()
        .find(|r| r[3] == Value::Text("@SUM(A1)".into()))
        .expect("the account line");
    assert_eq!(line[4], Value::Number(-300.0));
}
