//! Realised results from accounting or a yearly report: a table of result lines (CSV or a
//! spreadsheet) for one plan year, previewed against the plan and put in place as one edit.
//!
//! The source is read like a budget by account (see [`super::import`]): CSV (`;`, `,` or tab,
//! UTF-8 with or without BOM) or a workbook; Belgian (`1.234,56`), plain (`1234.56`) or
//! bracketed (`(1.234,56)`) amounts; rows numbered as a spreadsheet shows them, columns by
//! letter; a spreadsheet total computed by a formula is not a printed total.
//!
//! # The table
//! A header row (within the first 100 rows) names the columns, case-insensitive; a header may
//! hold both languages (`omschrijving/name`):
//! - `omschrijving` / `name` (required): the line (`Communicatie`, `Werking SD1` ...);
//! - the amount (required): a column `bedrag` / `amount` / `realisatie` / `actual`, or the
//!   column of the year imported (`2022`) when the header has year columns;
//! - `zijde` / `side` (optional): `kosten`/`cost` or `opbrengsten`/`inkomsten`/`income`;
//! - `categorie` / `category` (optional): `personeel`/`personnel`, `werking`/`operating`,
//!   `overhead`, `andere`/`other`, `subsidie`/`subsidy`, `eigen inkomsten`/`own income`;
//! - `doel` / `goal` (optional): the code of a strategic goal (`SD1`); the code of an
//!   operational goal counts for its strategic goal;
//! - `rekening` / `account` (optional): a chart-of-accounts code (MAR), which gives the side
//!   (6 costs, 7 income) and the category (see [`AccountCategory::for_code`]) where the table
//!   gives none.
//!
//! A line without a side takes it from its category, else from its account, else from the last
//! heading row above it that names a side (`KOSTEN`, `Opbrengsten` ...); a line without a
//! category takes it from its account. Other rows:
//! - `Totaal kosten` / `Total costs`, `Totaal opbrengsten` / `Totaal inkomsten` / `Total
//!   income` and `Resultaat` / `Saldo` / `Result` / `Balance`: the printed totals, kept to be
//!   checked against the lines;
//! - another row labelled `Totaal ...` / `Total ...` is a subtotal: skipped (and listed);
//! - a row without amount is a heading; an empty row is skipped.
//!
//! # What is rejected
//! A line is left out (and listed with its row, column and reason) when its amount is not a
//! number, it has no amount, its side or category is unknown or cannot be told, the category
//! does not fit the side (subsidy on the cost side), the side contradicts the account class, or
//! the goal is not a goal of the plan.
//!
//! # The result
//! [`ActualsPreview::edit`] gives one [`Edit::ReplaceResultLines`]: the year's result lines and
//! printed totals become those of the source (lines of the same name and side keep their id);
//! the rest of the year (staff, indicators, output, activities, explanations) stays.

use super::import::{ImportError, RejectReason};
use super::source::{
    Cell, ColumnRef, HEADER_SEARCH_ROWS, SourceKind, SourceRow, csv_grid, normalized, parse_amount,
    parse_side, workbook_grid, year_of,
};
use crate::edit::{Edit, NewResultLine, ResultLinesImport};
use crate::model::{AccountCategory, Id, Plan, PrintedTotal, Side, same_key, side_of_code};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

mod texts;

/// Why a source cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActualsImportError {
    /// The file itself: too large, empty, not UTF-8, a damaged workbook ...
    #[error("{0}")]
    Source(ImportError),
    #[error("no header row found")]
    NoHeader { sheets: Vec<String> },
    /// The header has year columns but not the one of the year imported.
    #[error("row {row}: no column for {year}")]
    NoYearColumn {
        row: usize,
        year: i32,
        found: Vec<i32>,
    },
    #[error("row {row}, column {column}: '{header}' appears twice")]
    DuplicateColumn {
        row: usize,
        column: usize,
        header: String,
    },
    /// The year asked for is not a year of the plan.
    #[error("{year} is not a plan year")]
    YearOutsidePeriod { year: i32, first: i32, last: i32 },
}

impl From<ImportError> for ActualsImportError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::NoHeader { sheets } => ActualsImportError::NoHeader { sheets },
            ImportError::DuplicateColumn {
                row,
                column,
                header,
            } => ActualsImportError::DuplicateColumn {
                row,
                column,
                header,
            },
            other => ActualsImportError::Source(other),
        }
    }
}

/// Why a row was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualsRejectReason {
    /// An amount that is not one (shared with the budget importer: not a number, ambiguous,
    /// too large, a date ...), or a side that is not one.
    Cell(RejectReason),
    /// A line with a name but no amount where a side or category says it is a line.
    NoAmount,
    /// Amounts but no name.
    NoName,
    UnknownCategory {
        text: String,
    },
    /// No category column value and no account code to take one from.
    NoCategory,
    /// The side cannot be told: no side, no category or account that gives one, no heading.
    NoSide,
    /// A category of the other side (subsidy on the cost side ...).
    CategoryNotOfSide {
        category: AccountCategory,
        side: Side,
    },
    /// A class-6 account on the income side, or a class-7 account on the cost side.
    WrongSide {
        code: String,
        side: Side,
    },
    UnknownGoal {
        text: String,
    },
    /// A printed total given twice.
    DuplicateTotal {
        first_row: usize,
    },
}

/// A row left out, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualsRejection {
    pub row: usize,
    pub column: Option<ColumnRef>,
    pub reason: ActualsRejectReason,
}

/// One result line read from the source.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedResultLine {
    pub row: usize,
    pub name: String,
    pub side: Side,
    pub category: AccountCategory,
    pub goal: Option<Id>,
    pub amount: Decimal,
}

/// A printed total as the source printed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedTotal {
    pub row: usize,
    pub total: PrintedTotal,
    pub value: Decimal,
}

/// Everything read from a source for one year, before it is compared with a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedActuals {
    pub kind: SourceKind,
    pub sheet: Option<String>,
    pub header_row: usize,
    pub year: i32,
    pub lines: Vec<ImportedResultLine>,
    pub totals: Vec<ImportedTotal>,
    pub rejections: Vec<ActualsRejection>,
    /// Subtotal rows skipped: row and label.
    pub skipped: Vec<(usize, String)>,
}

impl ImportedActuals {
    fn sum(&self, side: Side) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.side == side)
            .map(|l| l.amount)
            .sum()
    }

    /// The total of the lines a printed total covers.
    pub fn computed(&self, total: PrintedTotal) -> Decimal {
        match total {
            PrintedTotal::Cost => self.sum(Side::Cost),
            PrintedTotal::Income => self.sum(Side::Income),
            PrintedTotal::Result => self.sum(Side::Income) - self.sum(Side::Cost),
        }
    }

    pub fn printed(&self, total: PrintedTotal) -> Option<Decimal> {
        self.totals
            .iter()
            .find(|t| t.total == total)
            .map(|t| t.value)
    }
}

/// A printed total that differs from its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualsMismatch {
    pub row: usize,
    pub total: PrintedTotal,
    pub printed: Decimal,
    pub computed: Decimal,
}

/// What an import will do to the plan's realised year: shown before it is carried out.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualsPreview {
    pub imported: ImportedActuals,
    /// The plan has realised figures for the year already.
    pub year_exists: bool,
    /// Lines the year does not have yet (by name and side).
    pub new_lines: usize,
    /// Lines the year has, with another amount, category or goal.
    pub updated_lines: usize,
    pub unchanged_lines: usize,
    /// Names of the year's lines that the source does not have: they go.
    pub removed_lines: Vec<String>,
    pub mismatches: Vec<ActualsMismatch>,
    /// Per side and category: the amount of the imported lines (costs first).
    pub by_category: Vec<(Side, AccountCategory, Decimal)>,
}

impl ActualsPreview {
    /// Whether there is anything to import: at least one accepted line.
    pub fn can_import(&self) -> bool {
        !self.imported.lines.is_empty()
    }

    /// The one edit that carries out the import.
    pub fn edit(&self) -> Edit {
        let i = &self.imported;
        Edit::ReplaceResultLines(ResultLinesImport {
            year: i.year,
            lines: i
                .lines
                .iter()
                .map(|l| NewResultLine {
                    name: l.name.clone(),
                    side: l.side,
                    category: l.category,
                    goal: l.goal,
                    amount: l.amount,
                })
                .collect(),
            printed_cost: i.printed(PrintedTotal::Cost),
            printed_income: i.printed(PrintedTotal::Income),
            printed_result: i.printed(PrintedTotal::Result),
        })
    }
}

/// Reads a table of realised result lines for `year` of `plan` (the goal codes are the plan's).
pub fn read_actuals_source(
    bytes: &[u8],
    kind: SourceKind,
    plan: &Plan,
    year: i32,
) -> Result<ImportedActuals, ActualsImportError> {
    if !plan.years().contains(&year) {
        return Err(ActualsImportError::YearOutsidePeriod {
            year,
            first: plan.meta.first_year,
            last: plan.meta.last_year,
        });
    }
    if bytes.len() > super::source::MAX_SOURCE_BYTES {
        return Err(ActualsImportError::Source(ImportError::TooLarge {
            size: bytes.len(),
            limit: super::source::MAX_SOURCE_BYTES,
        }));
    }
    let find = |rows: &[SourceRow]| find_header(rows, year);
    let (sheet, rows, header) = match kind {
        SourceKind::Csv => {
            let (rows, header) = csv_grid(bytes, find)?;
            (None, rows, header)
        }
        SourceKind::Xlsx => {
            let preferred = |name: &str| {
                let name = name.to_lowercase();
                ["realisatie", "resultaat", "actual", "result"]
                    .iter()
                    .any(|w| name.contains(w))
            };
            let (sheet, rows, header) = workbook_grid(bytes, preferred, find)?;
            (Some(sheet), rows, header)
        }
    };
    let header = header?;
    let mut imported = read_rows(&rows, &header, plan, year);
    imported.kind = kind;
    imported.sheet = sheet;
    Ok(imported)
}

/// Compares what was read with the plan's realised year.
pub fn preview(plan: &Plan, imported: &ImportedActuals) -> ActualsPreview {
    let existing = plan.actuals.year(imported.year);
    let old = existing.map_or(&[][..], |y| y.result_lines.as_slice());
    let (mut new_lines, mut updated_lines, mut unchanged_lines) = (0, 0, 0);
    let mut matched: Vec<Id> = Vec::new();
    for line in &imported.lines {
        let found = old.iter().find(|l| {
            same_key(&l.name, &line.name) && l.side == line.side && !matched.contains(&l.id)
        });
        match found {
            None => new_lines += 1,
            Some(old) => {
                matched.push(old.id);
                if old.amount == line.amount
                    && old.category == line.category
                    && old.goal == line.goal
                    && old.name == line.name.trim()
                {
                    unchanged_lines += 1;
                } else {
                    updated_lines += 1;
                }
            }
        }
    }
    let removed_lines = old
        .iter()
        .filter(|l| !matched.contains(&l.id))
        .map(|l| l.name.clone())
        .collect();
    let mismatches = imported
        .totals
        .iter()
        .filter_map(|t| {
            let computed = imported.computed(t.total);
            (!crate::calc::printed_total_matches(t.value, computed)).then_some(ActualsMismatch {
                row: t.row,
                total: t.total,
                printed: t.value,
                computed,
            })
        })
        .collect();
    let by_category = [Side::Cost, Side::Income]
        .into_iter()
        .flat_map(|side| {
            AccountCategory::for_side(side).iter().map(move |&c| {
                let amount = imported
                    .lines
                    .iter()
                    .filter(|l| l.side == side && l.category == c)
                    .map(|l| l.amount)
                    .sum();
                (side, c, amount)
            })
        })
        .collect();
    ActualsPreview {
        imported: imported.clone(),
        year_exists: existing.is_some(),
        new_lines,
        updated_lines,
        unchanged_lines,
        removed_lines,
        mismatches,
        by_category,
    }
}

// ---------------------------------------------------------------------------------------------
// The header

/// A column the importer looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Amount,
    Side,
    Category,
    Goal,
    Account,
}

const NAMES: &[(&str, Role)] = &[
    ("omschrijving", Role::Name),
    ("naam", Role::Name),
    ("name", Role::Name),
    ("description", Role::Name),
    ("lijn", Role::Name),
    ("line", Role::Name),
    ("post", Role::Name),
    ("bedrag", Role::Amount),
    ("amount", Role::Amount),
    ("realisatie", Role::Amount),
    ("gerealiseerd", Role::Amount),
    ("actual", Role::Amount),
    ("actuals", Role::Amount),
    ("zijde", Role::Side),
    ("side", Role::Side),
    ("kant", Role::Side),
    ("categorie", Role::Category),
    ("category", Role::Category),
    ("doel", Role::Goal),
    ("goal", Role::Goal),
    ("strategisch doel", Role::Goal),
    ("strategic goal", Role::Goal),
    ("rekening", Role::Account),
    ("account", Role::Account),
    ("rekeningnummer", Role::Account),
];

fn role_of(header: &str) -> Option<Role> {
    header.split('/').map(normalized).find_map(|part| {
        NAMES
            .iter()
            .find(|(name, _)| *name == part)
            .map(|(_, role)| *role)
    })
}

/// The columns of the header row.
#[derive(Debug, Clone)]
struct Header {
    row: usize,
    name: usize,
    amount: usize,
    side: Option<usize>,
    category: Option<usize>,
    goal: Option<usize>,
    account: Option<usize>,
    headers: Vec<String>,
}

impl Header {
    fn column(&self, index: usize) -> ColumnRef {
        ColumnRef {
            index,
            header: self.headers.get(index).cloned().unwrap_or_default(),
        }
    }
}

/// The header row: the first (within [`HEADER_SEARCH_ROWS`]) with a name column and an amount
/// column (or year columns). A header whose year columns miss `year` is an error in the result
/// (`Ok(Some(Err(..)))`), so the search stops there with a clear message.
#[allow(clippy::type_complexity)]
fn find_header(
    rows: &[SourceRow],
    year: i32,
) -> Result<Option<Result<Header, ActualsImportError>>, ImportError> {
    for row in rows.iter().take(HEADER_SEARCH_ROWS) {
        let roles: Vec<(usize, Role)> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| role_of(&c.text()).map(|r| (i, r)))
            .collect();
        let years: Vec<(usize, i32)> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| year_of(c).map(|y| (i, y)))
            .collect();
        let has = |role| roles.iter().any(|(_, r)| *r == role);
        if !has(Role::Name) || (!has(Role::Amount) && years.is_empty()) {
            continue;
        }
        let headers: Vec<String> = row.cells.iter().map(Cell::text).collect();
        let mut found: BTreeMap<u8, usize> = BTreeMap::new();
        for (i, role) in &roles {
            if found.insert(*role as u8, *i).is_some() {
                return Err(ImportError::DuplicateColumn {
                    row: row.number,
                    column: *i,
                    header: headers[*i].clone(),
                });
            }
        }
        let get = |role: Role| found.get(&(role as u8)).copied();
        let amount = match years.iter().find(|(_, y)| *y == year) {
            Some((i, _)) => *i,
            None => match get(Role::Amount) {
                Some(i) => i,
                None => {
                    return Ok(Some(Err(ActualsImportError::NoYearColumn {
                        row: row.number,
                        year,
                        found: years.iter().map(|(_, y)| *y).collect(),
                    })));
                }
            },
        };
        return Ok(Some(Ok(Header {
            row: row.number,
            name: get(Role::Name).unwrap_or_default(),
            amount,
            side: get(Role::Side),
            category: get(Role::Category),
            goal: get(Role::Goal),
            account: get(Role::Account),
            headers,
        })));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Rows

const CATEGORY_WORDS: &[(&str, AccountCategory)] = &[
    ("personeel", AccountCategory::Personnel),
    ("personeelskosten", AccountCategory::Personnel),
    ("personnel", AccountCategory::Personnel),
    ("staff", AccountCategory::Personnel),
    ("werking", AccountCategory::Operating),
    ("werkingskosten", AccountCategory::Operating),
    ("operating", AccountCategory::Operating),
    ("operating cost", AccountCategory::Operating),
    ("overhead", AccountCategory::Overhead),
    ("overheadkosten", AccountCategory::Overhead),
    ("andere", AccountCategory::Other),
    ("andere kosten", AccountCategory::Other),
    ("andere inkomsten", AccountCategory::Other),
    ("other", AccountCategory::Other),
    ("subsidie", AccountCategory::Subsidy),
    ("subsidies", AccountCategory::Subsidy),
    ("subsidy", AccountCategory::Subsidy),
    ("eigen inkomsten", AccountCategory::OwnIncome),
    ("own income", AccountCategory::OwnIncome),
];

fn parse_category(text: &str) -> Option<AccountCategory> {
    let text = normalized(text);
    CATEGORY_WORDS
        .iter()
        .find(|(word, _)| *word == text)
        .map(|(_, c)| *c)
}

/// The side a category belongs to, when only one side has it.
fn side_of_category(category: AccountCategory) -> Option<Side> {
    match (category.fits(Side::Cost), category.fits(Side::Income)) {
        (true, false) => Some(Side::Cost),
        (false, true) => Some(Side::Income),
        _ => None,
    }
}

const PRINTED: &[(&str, PrintedTotal)] = &[
    ("totaal kosten", PrintedTotal::Cost),
    ("totaal uitgaven", PrintedTotal::Cost),
    ("total costs", PrintedTotal::Cost),
    ("total cost", PrintedTotal::Cost),
    ("total expenses", PrintedTotal::Cost),
    ("totaal opbrengsten", PrintedTotal::Income),
    ("totaal inkomsten", PrintedTotal::Income),
    ("total income", PrintedTotal::Income),
    ("total revenue", PrintedTotal::Income),
    ("resultaat", PrintedTotal::Result),
    ("saldo", PrintedTotal::Result),
    ("bedrijfsresultaat", PrintedTotal::Result),
    ("resultaat van het boekjaar", PrintedTotal::Result),
    ("result", PrintedTotal::Result),
    ("balance", PrintedTotal::Result),
    ("operating result", PrintedTotal::Result),
];

fn printed_total(label: &str) -> Option<PrintedTotal> {
    let label = normalized(label);
    PRINTED
        .iter()
        .find(|(word, _)| *word == label)
        .map(|(_, t)| *t)
}

fn is_subtotal(label: &str) -> bool {
    let label = normalized(label);
    label == "totaal"
        || label == "total"
        || label.starts_with("totaal ")
        || label.starts_with("total ")
        || label.starts_with("subtotaal")
        || label.starts_with("subtotal")
}

/// The strategic goal a code names: a strategic goal's own code, or an operational goal's (which
/// counts for its strategic goal).
fn goal_of(plan: &Plan, code: &str) -> Option<Id> {
    plan.strategic_goals
        .iter()
        .find(|sd| same_key(&sd.code, code))
        .map(|sd| sd.id)
        .or_else(|| {
            plan.operational_goals()
                .find(|(_, od)| same_key(&od.code, code))
                .map(|(sd, _)| sd.id)
        })
}

fn read_rows(rows: &[SourceRow], header: &Header, plan: &Plan, year: i32) -> ImportedActuals {
    let mut imported = ImportedActuals {
        kind: SourceKind::Csv,
        sheet: None,
        header_row: header.row,
        year,
        lines: Vec::new(),
        totals: Vec::new(),
        rejections: Vec::new(),
        skipped: Vec::new(),
    };
    let mut heading_side: Option<Side> = None;
    for row in rows.iter().filter(|r| r.number > header.row) {
        if row.cells.iter().all(Cell::is_empty) {
            continue;
        }
        let name = row.text(Some(header.name));
        let side_text = row.text(header.side);
        let category_text = row.text(header.category);
        let goal_text = row.text(header.goal);
        let account = row.text(header.account);
        let mut rejections: Vec<ActualsRejection> = Vec::new();
        let reject = |rejections: &mut Vec<ActualsRejection>, column: Option<usize>, reason| {
            rejections.push(ActualsRejection {
                row: row.number,
                column: column.map(|c| header.column(c)),
                reason,
            })
        };
        let formula = row.formulas.contains(&header.amount);
        let amount = match parse_amount(row.cell(header.amount)) {
            Ok(amount) => amount,
            Err(reason) => {
                reject(
                    &mut rejections,
                    Some(header.amount),
                    ActualsRejectReason::Cell(reason),
                );
                None
            }
        };
        let bad_amount = !rejections.is_empty();

        // Printed totals and subtotals, by their label (in the name or the first cell).
        let label = if name.is_empty() {
            row.cells
                .iter()
                .map(Cell::text)
                .find(|t| !t.is_empty())
                .unwrap_or_default()
        } else {
            name.clone()
        };
        if let Some(total) = printed_total(&label) {
            if let (Some(value), false) = (amount, formula) {
                if let Some(first) = imported.totals.iter().find(|t| t.total == total) {
                    reject(
                        &mut rejections,
                        None,
                        ActualsRejectReason::DuplicateTotal {
                            first_row: first.row,
                        },
                    );
                } else {
                    imported.totals.push(ImportedTotal {
                        row: row.number,
                        total,
                        value,
                    });
                }
            }
            imported.rejections.extend(rejections);
            continue;
        }
        if is_subtotal(&label) {
            if amount.is_some() {
                imported.skipped.push((row.number, label));
            }
            imported.rejections.extend(rejections);
            continue;
        }
        let describes_a_line = [&side_text, &category_text, &goal_text, &account]
            .iter()
            .any(|t| !t.is_empty());
        if amount.is_none() && !bad_amount && !describes_a_line {
            // A heading; one that names a side gives it to the lines below.
            if let Some(side) = parse_side(&label) {
                heading_side = Some(side);
            }
            continue;
        }
        if name.is_empty() {
            reject(
                &mut rejections,
                Some(header.name),
                ActualsRejectReason::NoName,
            );
            imported.rejections.extend(rejections);
            continue;
        }

        // The category: the column, else the account code.
        let category = if !category_text.is_empty() {
            match parse_category(&category_text) {
                Some(c) => Some(c),
                None => {
                    reject(
                        &mut rejections,
                        header.category,
                        ActualsRejectReason::UnknownCategory {
                            text: category_text.clone(),
                        },
                    );
                    None
                }
            }
        } else {
            None
        };
        // The side: the column, else the category, else the account, else the heading.
        let explicit_side = if side_text.is_empty() {
            None
        } else {
            match parse_side(&side_text) {
                Some(side) => Some(side),
                None => {
                    reject(
                        &mut rejections,
                        header.side,
                        ActualsRejectReason::Cell(RejectReason::UnknownSide {
                            text: side_text.clone(),
                        }),
                    );
                    None
                }
            }
        };
        let side = explicit_side
            .or_else(|| category.and_then(side_of_category))
            .or_else(|| side_of_code(&account))
            .or(heading_side);
        if let (Some(side), Some(class_side)) = (side, side_of_code(&account))
            && side != class_side
        {
            reject(
                &mut rejections,
                header.account,
                ActualsRejectReason::WrongSide {
                    code: account.clone(),
                    side,
                },
            );
        }
        let category = match (category, side) {
            (Some(c), _) => Some(c),
            (None, Some(side)) if !account.is_empty() => {
                Some(AccountCategory::for_code(&account, side))
            }
            (None, _) => {
                if category_text.is_empty() {
                    reject(
                        &mut rejections,
                        header.category.or(Some(header.name)),
                        ActualsRejectReason::NoCategory,
                    );
                }
                None
            }
        };
        if side.is_none() && explicit_side.is_none() && side_text.is_empty() {
            reject(
                &mut rejections,
                header.side.or(Some(header.name)),
                ActualsRejectReason::NoSide,
            );
        }
        if let (Some(c), Some(side)) = (category, side)
            && !c.fits(side)
        {
            reject(
                &mut rejections,
                header.category,
                ActualsRejectReason::CategoryNotOfSide { category: c, side },
            );
        }
        let goal = if goal_text.is_empty() {
            None
        } else {
            let goal = goal_of(plan, &goal_text);
            if goal.is_none() {
                reject(
                    &mut rejections,
                    header.goal,
                    ActualsRejectReason::UnknownGoal {
                        text: goal_text.clone(),
                    },
                );
            }
            goal
        };
        if amount.is_none() && !bad_amount {
            reject(
                &mut rejections,
                Some(header.amount),
                ActualsRejectReason::NoAmount,
            );
        }
        let accepted = rejections.is_empty();
        imported.rejections.extend(rejections);
        if let (true, Some(side), Some(category), Some(amount)) = (accepted, side, category, amount)
        {
            imported.lines.push(ImportedResultLine {
                row: row.number,
                name,
                side,
                category,
                goal,
                amount,
            });
        }
    }
    imported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_words_in_either_language() {
        assert_eq!(role_of("Omschrijving"), Some(Role::Name));
        assert_eq!(role_of("bedrag/amount"), Some(Role::Amount));
        assert_eq!(role_of(" Doel "), Some(Role::Goal));
        assert_eq!(role_of("Bedrag 2021"), None);
        assert_eq!(
            parse_category("Personeel"),
            Some(AccountCategory::Personnel)
        );
        assert_eq!(
            parse_category("own income"),
            Some(AccountCategory::OwnIncome)
        );
        assert_eq!(parse_category("Communicatie"), None);
        assert_eq!(
            side_of_category(AccountCategory::Subsidy),
            Some(Side::Income)
        );
        assert_eq!(side_of_category(AccountCategory::Other), None);
        assert_eq!(printed_total("TOTAAL KOSTEN"), Some(PrintedTotal::Cost));
        assert_eq!(printed_total("Resultaat"), Some(PrintedTotal::Result));
        assert!(is_subtotal("Totaal werking"));
        assert!(!is_subtotal("Totaalaanbod"));
    }
}
