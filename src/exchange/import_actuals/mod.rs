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

use super::source::{CellProblem, SourceError, SourceKind, TableKind, read_table};
use super::{Preview, Refusal};
use crate::edit::{Edit, NewResultLine, ResultLinesImport};
use crate::i18n::Lang;
use crate::model::{AccountCategory, Id, Plan, PrintedTotal, Side, same_key};
use rust_decimal::Decimal;

mod rows;

pub use super::source::ColumnRef;

/// Why a source cannot be read as realised results at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActualsImportError {
    /// The file is not a table: too large, empty, not UTF-8, a damaged workbook, no header ...
    #[error("{0}")]
    Source(#[from] SourceError),
    /// The header has year columns but not the one of the year imported.
    #[error("row {row}: no column for {year}")]
    NoYearColumn {
        row: usize,
        year: i32,
        found: Vec<i32>,
    },
    /// The year asked for is not a year of the plan.
    #[error("{year} is not a plan year")]
    YearOutsidePeriod { year: i32, first: i32, last: i32 },
}

/// Why a row was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualsRejectReason {
    /// An amount that is not one (shared with the budget importer: not a number, ambiguous,
    /// too large, a date ...).
    Cell(CellProblem),
    /// A side that is neither costs nor income.
    UnknownSide {
        text: String,
    },
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
pub type ActualsRejection = super::source::Rejection<ActualsRejectReason>;

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
}

impl Preview for ActualsPreview {
    fn describe(&self, lang: Lang) -> String {
        ActualsPreview::describe(self, lang)
    }

    fn refusal(&self) -> Option<Refusal> {
        (!self.can_import()).then_some(Refusal::Nothing(TableKind::Results))
    }

    fn edit(&self) -> Edit {
        ActualsPreview::edit(self)
    }
}

impl ActualsPreview {
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
    let preferred = |name: &str| {
        let name = name.to_lowercase();
        ["realisatie", "resultaat", "actual", "result"]
            .iter()
            .any(|w| name.contains(w))
    };
    let find = |rows: &[super::source::SourceRow]| rows::find_header(rows, year);
    let (table, header) = read_table(bytes, kind, preferred, find)?;
    let header = header?;
    let mut imported = rows::read_rows(&table.rows, &header, plan, year);
    imported.kind = table.kind;
    imported.sheet = table.sheet;
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
