//! Budgets from accounting: a chart-of-accounts table (CSV or a spreadsheet) read into account
//! sections and lines, previewed against a plan, and merged into it as one edit.
//!
//! # The source
//! - **CSV**: UTF-8 with or without a byte order mark, fields separated by `;`, `,` or a tab
//!   (the one that gives a header row wins, `;` first), quoted the usual way (`"a;b"`, `""`).
//! - **Spreadsheet** (XLSX, and whatever else calamine reads: XLS, XLSB, ODS): the first sheet
//!   named like the accounts (`rekening`, `account` in its name) that has a header row, else the
//!   first sheet that has one. Numeric cells are numbers; a total whose cell holds a formula is
//!   computed by the spreadsheet, not printed, and is not checked.
//!
//! Rows are numbered as a spreadsheet shows them (the first line or row is 1), columns by letter.
//!
//! # The table
//! A header row (anywhere in the first 100 rows: title rows and empty rows above it are skipped)
//! names the columns, case-insensitive and trimmed; a header may hold both languages
//! (`rubriek/section`):
//! - `rubriek` / `section` (required): the account section. An empty cell takes the section of
//!   the row above (as a merged cell reads);
//! - `zijde` / `side` (optional): `kosten`/`cost` or `opbrengsten`/`income`; when the column or
//!   the cell is empty the side follows the account class (6 costs, 7 income);
//! - `rekening` / `account` (required): the account code (MAR);
//! - `omschrijving` / `name` (optional);
//! - one column per year (`2021` ...). Columns of years outside the plan period are read, and
//!   each value in them is reported and left out.
//!
//! Other rows:
//! - a **section total**: a row without an account that names a section in its section cell,
//!   or is labelled `Totaal <section>` / `Total <section>` (optionally `Totaal kosten <section>`).
//!   Its side comes from the side cell, else from the label, else from the section's lines when
//!   they are all on one side;
//! - **TOTAAL KOSTEN** / **TOTAAL OPBRENGSTEN** (`Total costs`, `Total income`): totals of all
//!   lines of the source;
//! - a row without an account labelled `Resultaat`, `Saldo`, `Totaal` (or `Result`, `Balance`,
//!   `Total`) is a derived figure and is skipped; so is a row without an account and without
//!   amounts (a heading or a note), and an empty row.
//!
//! Amounts are Belgian (`1.234,56`, `-1.234`, `€ 1 500`), plain (`1234.56`) or in accounting
//! brackets (`(1.234,56)` is negative); see [`crate::numfmt::parse`]. An empty cell is no value
//! (zero).
//!
//! # What is rejected, what is kept with a warning
//! Every account row whose amounts can be read is imported: the plan's account totals after the
//! import equal the sums of the source's rows ([`ImportPreview::total_checks`], one line in the
//! preview). A row is rejected (and listed with its row, column and reason) only when it cannot
//! be read: an amount is not a number, the side is unknown or cannot be told (no side and not a
//! class 6 or 7 account), the row has amounts but no account, or no section is known yet. A value
//! in a year outside the plan period is left out on its own; the rest of its row is imported.
//!
//! Kept, with a warning in the preview (and in the plan's warnings afterwards): an account code
//! that appears twice in a section (accounting prints `623400 Diverse personeelskosten` and
//! `623400 SWT/Canada Dry`: two lines, told apart by their names), and an account on the side
//! its class contradicts (a class-7 account on the cost side: imported on the side given).
//!
//! A printed total that differs from the sum of the lines it covers is listed with its section,
//! side, year, printed and computed amount.
//!
//! # The merge
//! [`ImportPreview::edit`] gives one [`Edit::MergeAccounts`]: sections matched by name
//! (case-insensitive, trimmed), lines within their section by code and name, then by code
//! ([`crate::edit::match_account_lines`]). A matched line gets the source's amounts for the years
//! the source has a column for (typed per year; an empty cell clears the year), the source's name
//! (unless empty) and side; its category stays. New sections and lines are added with fresh ids;
//! a new line follows its code's category. Lines of a section in the source that the source
//! lacks are removed ([`ImportPreview::remove_missing`], on unless the user unticks it);
//! sections and years not in the source stay as they are. Printed section totals are stored with
//! the section for the years the source covers (for sections with at least one accepted line),
//! so the plan's warnings keep checking them; the grand totals are only checked in the preview.
//!
//! # The budget basis
//! A plan that budgets by account keeps doing so. A plan on the goal basis without any goal
//! amounts (a new plan, the template) is switched to the account basis by default
//! ([`BasisQuestion::Proposed`]; the user can untick it); a plan with goal amounts asks
//! ([`BasisQuestion::Ask`]): nothing is imported until the user chose.

use crate::edit::{AccountMerge, Edit, MergeLine, MergeSection, match_account_lines};
use crate::model::{BudgetBasis, Plan, Side, same_key, side_of_code};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

mod texts;

pub use super::source::{ColumnRef, MAX_SOURCE_BYTES, NonAmount, SourceKind, column_letter};
pub use texts::describe_place;

use super::source::{
    Cell, HEADER_SEARCH_ROWS, SourceRow, csv_grid, normalized, parse_amount, parse_side,
    workbook_grid, year_of,
};

/// A column of the header row the importer looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Section,
    Side,
    Account,
    Name,
}

/// Why a source cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
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
    #[error("row {row}: no {role:?} column")]
    MissingColumn { row: usize, role: ColumnRole },
    #[error("row {row}, column {column}: '{header}' appears twice")]
    DuplicateColumn {
        row: usize,
        column: usize,
        header: String,
    },
    #[error("row {row}: no year of the plan period {first}-{last}")]
    NoPlanYears {
        row: usize,
        found: Vec<i32>,
        first: i32,
        last: i32,
    },
}

/// Why a row (or one value of it) was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    NotANumber {
        text: String,
    },
    /// `1,234`: a thousand or one and a bit.
    AmbiguousNumber {
        text: String,
    },
    TooLarge {
        text: String,
    },
    NotAnAmount {
        what: NonAmount,
    },
    /// Only this value is left out; the rest of the row is imported.
    YearOutsidePeriod {
        year: i32,
        first: i32,
        last: i32,
    },
    /// Amounts but no account code, and not a total.
    NoAccount,
    /// A line before any row named a section.
    NoSection,
    UnknownSide {
        text: String,
    },
    /// No side given and the account is not a class 6 or 7 account.
    NoSide {
        code: String,
    },
    /// A total of a section that has no lines and no section cell with that name.
    UnknownTotalSection {
        name: String,
    },
    /// A section total without a side, for a section with lines on both sides.
    TotalSideUnclear {
        section: String,
    },
    DuplicateTotal {
        first_row: usize,
    },
}

impl RejectReason {
    /// Whether the whole row is left out (otherwise only the one value).
    pub fn drops_row(&self) -> bool {
        !matches!(self, RejectReason::YearOutsidePeriod { .. })
    }
}

/// A row or value left out, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// 1-based, as a spreadsheet numbers rows.
    pub row: usize,
    pub column: Option<ColumnRef>,
    pub reason: RejectReason,
}

/// Something odd about a row that is imported all the same: its money belongs in the plan, and
/// the plan's warnings keep pointing at it until it is put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// The account code already appeared in the section (another line under the same code, as
    /// accounting sometimes prints it): both lines are kept, told apart by their names.
    DuplicateAccount {
        code: String,
        section: String,
        first_row: usize,
    },
    /// A class-6 account on the income side or a class-7 account on the cost side: imported on
    /// the side the source gives.
    WrongSide { code: String, side: Side },
}

/// An imported row with a warning, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    pub row: usize,
    pub column: Option<ColumnRef>,
    pub warning: ImportWarning,
}

/// One account line read from the source.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedLine {
    pub row: usize,
    pub code: String,
    pub name: String,
    pub side: Side,
    /// Per plan year with a column in the source: the amount, `None` for an empty cell.
    pub amounts: BTreeMap<i32, Option<Decimal>>,
}

impl ImportedLine {
    pub fn value(&self, year: i32) -> Decimal {
        self.amounts
            .get(&year)
            .copied()
            .flatten()
            .unwrap_or_default()
    }
}

/// One section read from the source, with its accepted lines.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedSection {
    pub name: String,
    pub lines: Vec<ImportedLine>,
}

/// What a printed total covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TotalScope {
    Section(String),
    /// TOTAAL KOSTEN / TOTAAL OPBRENGSTEN: every line of the source.
    All,
}

/// A total as the source printed it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedTotal {
    pub row: usize,
    pub scope: TotalScope,
    pub side: Side,
    /// Per plan year with a column: the printed amount, `None` for an empty cell. Cells holding a
    /// formula are left out (the spreadsheet computed them).
    pub values: BTreeMap<i32, Option<Decimal>>,
}

/// Everything read from a source, before it is compared with a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedBudget {
    pub kind: SourceKind,
    /// The sheet read (spreadsheets only).
    pub sheet: Option<String>,
    pub header_row: usize,
    /// The plan period the source was read for.
    pub first_year: i32,
    pub last_year: i32,
    /// The plan years the source has a column for, in order.
    pub years: Vec<i32>,
    pub sections: Vec<ImportedSection>,
    pub totals: Vec<PrintedTotal>,
    pub rejections: Vec<Rejection>,
    /// Rows imported with a warning.
    pub warnings: Vec<Flagged>,
    /// Rows skipped as derived figures (result, balance): row and label.
    pub skipped: Vec<(usize, String)>,
}

impl ImportedBudget {
    pub fn line_count(&self) -> usize {
        self.sections.iter().map(|s| s.lines.len()).sum()
    }

    /// The rows left out entirely, each once, in order.
    pub fn rejected_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .rejections
            .iter()
            .filter(|r| r.reason.drops_row())
            .map(|r| r.row)
            .collect();
        rows.dedup();
        rows
    }

    /// The sum of every line read, of one side, in one year.
    pub fn sum(&self, side: Side, year: i32) -> Decimal {
        self.computed(&TotalScope::All, side, year)
    }

    /// The sum of the accepted lines a total covers, per year of the source.
    pub fn computed(&self, scope: &TotalScope, side: Side, year: i32) -> Decimal {
        self.sections
            .iter()
            .filter(|s| match scope {
                TotalScope::All => true,
                TotalScope::Section(name) => same_key(&s.name, name),
            })
            .flat_map(|s| &s.lines)
            .filter(|l| l.side == side)
            .map(|l| l.value(year))
            .sum()
    }
}

/// A printed total that differs from the sum of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalMismatch {
    pub row: usize,
    pub scope: TotalScope,
    pub side: Side,
    pub year: i32,
    pub printed: Decimal,
    pub computed: Decimal,
}

impl TotalMismatch {
    pub fn difference(&self) -> Decimal {
        self.printed - self.computed
    }
}

/// What the import will do to one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPreview {
    pub name: String,
    /// The plan has no section of this name yet.
    pub is_new: bool,
    pub lines: usize,
    /// Cost and income of the imported lines, per year of [`ImportedBudget::years`].
    pub cost: Vec<Decimal>,
    pub income: Vec<Decimal>,
}

/// Whether the import asks which budget basis the plan gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasisQuestion {
    /// The plan already budgets by account: nothing to ask.
    None,
    /// The plan budgets by goals but has no goal amounts (a new plan, the template): the import
    /// switches it to the account basis unless the user unticks it.
    Proposed,
    /// The plan has goal amounts and gets accounts: the user chooses before importing.
    Ask,
}

/// A line of the plan, in a section the source has, that the source does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingLine {
    pub section: String,
    pub code: String,
    pub name: String,
}

/// One year of one side after the import: the plan's account total against the source's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TotalCheck {
    pub side: Side,
    pub year: i32,
    pub plan: Decimal,
    pub source: Decimal,
}

impl TotalCheck {
    pub fn agrees(&self) -> bool {
        self.plan == self.source
    }
}

/// Amounts of one side per year of the source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SideAmounts {
    pub cost: Vec<Decimal>,
    pub income: Vec<Decimal>,
}

impl SideAmounts {
    fn zeros(years: usize) -> SideAmounts {
        SideAmounts {
            cost: vec![Decimal::ZERO; years],
            income: vec![Decimal::ZERO; years],
        }
    }

    fn add(&mut self, side: Side, years: &[i32], value: impl Fn(i32) -> Decimal) {
        let target = match side {
            Side::Cost => &mut self.cost,
            Side::Income => &mut self.income,
        };
        for (sum, &year) in target.iter_mut().zip(years) {
            *sum += value(year);
        }
    }

    fn of(&self, side: Side) -> &[Decimal] {
        match side {
            Side::Cost => &self.cost,
            Side::Income => &self.income,
        }
    }
}

/// What an import will do to a plan: shown before the user confirms.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub imported: ImportedBudget,
    pub sections: Vec<SectionPreview>,
    pub mismatches: Vec<TotalMismatch>,
    pub new_sections: usize,
    pub new_lines: usize,
    /// Lines of the plan whose amounts, name or side the import changes.
    pub updated_lines: usize,
    /// Lines of the plan the source has with the same amounts, name and side.
    pub unchanged_lines: usize,
    /// Plan years the source has no column for: they stay as they are.
    pub missing_years: Vec<i32>,
    /// The plan's budget basis now.
    pub plan_basis: BudgetBasis,
    pub basis_question: BasisQuestion,
    /// The basis the plan will have after the import; `None` while the user has not chosen
    /// ([`BasisQuestion::Ask`]).
    pub basis_choice: Option<BudgetBasis>,
    /// Plan lines in the source's sections that the source lacks.
    pub missing_lines: Vec<MissingLine>,
    /// Remove [`Self::missing_lines`] with the import (the source is its sections' truth; on by
    /// default, the user can untick it).
    pub remove_missing: bool,
    /// Plan sections the source does not name: they stay as they are.
    pub other_sections: Vec<String>,
    /// Per year of the source: the source's lines, the missing lines, the other sections.
    pub source_sums: SideAmounts,
    pub missing_sums: SideAmounts,
    pub other_sums: SideAmounts,
}

impl ImportPreview {
    /// Whether the import can be carried out: at least one accepted line, and the basis chosen.
    pub fn can_import(&self) -> bool {
        self.imported.line_count() > 0 && self.basis_choice.is_some()
    }

    /// Whether the user still has to choose the budget basis.
    pub fn basis_unanswered(&self) -> bool {
        self.basis_choice.is_none()
    }

    /// The plan's account totals after the import against the source's lines, per side and
    /// year of the source. They agree unless lines or sections the source lacks stay.
    pub fn total_checks(&self) -> Vec<TotalCheck> {
        let mut checks = Vec::new();
        for side in [Side::Cost, Side::Income] {
            for (i, &year) in self.imported.years.iter().enumerate() {
                let source = self.source_sums.of(side)[i];
                let mut plan = source + self.other_sums.of(side)[i];
                if !self.remove_missing {
                    plan += self.missing_sums.of(side)[i];
                }
                checks.push(TotalCheck {
                    side,
                    year,
                    plan,
                    source,
                });
            }
        }
        checks
    }

    /// The one edit that carries out the import.
    pub fn edit(&self) -> Edit {
        let mut sections: Vec<MergeSection> = self
            .imported
            .sections
            .iter()
            .map(|s| MergeSection {
                name: s.name.clone(),
                lines: s.lines.iter().map(ImportedLine::merge_line).collect(),
                printed_cost: BTreeMap::new(),
                printed_income: BTreeMap::new(),
            })
            .collect();
        for total in &self.imported.totals {
            let TotalScope::Section(name) = &total.scope else {
                continue;
            };
            // Totals of a section none of whose lines was accepted are not kept.
            let Some(at) = sections.iter().position(|s| same_key(&s.name, name)) else {
                continue;
            };
            let printed = match total.side {
                Side::Cost => &mut sections[at].printed_cost,
                Side::Income => &mut sections[at].printed_income,
            };
            printed.extend(total.values.iter().map(|(y, v)| (*y, *v)));
        }
        Edit::MergeAccounts(AccountMerge {
            sections,
            basis: self.basis_choice.filter(|b| *b != self.plan_basis),
            remove_missing: self.remove_missing,
        })
    }
}

impl ImportedLine {
    fn merge_line(&self) -> MergeLine {
        MergeLine {
            code: self.code.clone(),
            name: self.name.clone(),
            side: self.side,
            amounts: self.amounts.clone(),
        }
    }
}

/// Reads an accounts table for a plan of the period `years`.
pub fn read_budget_source(
    bytes: &[u8],
    kind: SourceKind,
    years: RangeInclusive<i32>,
) -> Result<ImportedBudget, ImportError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_SOURCE_BYTES,
        });
    }
    let (sheet, grid, header) = match kind {
        SourceKind::Csv => {
            let (grid, header) = csv_grid(bytes, find_header)?;
            (None, grid, header)
        }
        SourceKind::Xlsx => {
            let named_like_accounts = |name: &str| {
                let name = name.to_lowercase();
                name.contains("rekening") || name.contains("account")
            };
            let (sheet, grid, header) = workbook_grid(bytes, named_like_accounts, find_header)?;
            (Some(sheet), grid, header)
        }
    };
    let mut budget = read_rows(&grid, &header, years)?;
    budget.kind = kind;
    budget.sheet = sheet;
    Ok(budget)
}

/// Compares what was read with the plan: what is new, what changes, what goes, which totals
/// disagree, and whether the budget basis changes.
pub fn preview(plan: &Plan, imported: &ImportedBudget) -> ImportPreview {
    let years = &imported.years;
    let mut sections = Vec::new();
    let mut missing_lines = Vec::new();
    let mut missing: Vec<&crate::model::AccountLine> = Vec::new();
    let (mut new_sections, mut new_lines, mut updated_lines, mut unchanged_lines) = (0, 0, 0, 0);
    for section in &imported.sections {
        let existing = plan
            .accounts
            .iter()
            .find(|s| same_key(&s.name, &section.name));
        if existing.is_none() {
            new_sections += 1;
        }
        let incoming: Vec<MergeLine> = section.lines.iter().map(ImportedLine::merge_line).collect();
        let current_lines = existing.map_or(&[][..], |s| s.lines.as_slice());
        let matches = match_account_lines(current_lines, &incoming);
        for (line, matched) in section.lines.iter().zip(&matches) {
            match matched.map(|at| &current_lines[at]) {
                None => new_lines += 1,
                Some(current) => {
                    let same_amounts =
                        line.amounts.iter().all(|(year, value)| {
                            current.amounts.value(*year) == value.unwrap_or_default()
                        }) && matches!(current.amounts, crate::model::Amounts::PerYear(_));
                    let same_name = line.name.trim().is_empty() || line.name.trim() == current.name;
                    if same_amounts && same_name && line.side == current.side {
                        unchanged_lines += 1;
                    } else {
                        updated_lines += 1;
                    }
                }
            }
        }
        for (at, line) in current_lines.iter().enumerate() {
            if !matches.contains(&Some(at)) {
                missing_lines.push(MissingLine {
                    section: section.name.clone(),
                    code: line.code.clone(),
                    name: line.name.clone(),
                });
                missing.push(line);
            }
        }
        let sum = |side: Side| -> Vec<Decimal> {
            years
                .iter()
                .map(|&y| {
                    section
                        .lines
                        .iter()
                        .filter(|l| l.side == side)
                        .map(|l| l.value(y))
                        .sum()
                })
                .collect()
        };
        sections.push(SectionPreview {
            name: section.name.clone(),
            is_new: existing.is_none(),
            lines: section.lines.len(),
            cost: sum(Side::Cost),
            income: sum(Side::Income),
        });
    }
    let other: Vec<&crate::model::AccountSection> = plan
        .accounts
        .iter()
        .filter(|s| !imported.sections.iter().any(|i| same_key(&i.name, &s.name)))
        .collect();
    let mut source_sums = SideAmounts::zeros(years.len());
    for line in imported.sections.iter().flat_map(|s| &s.lines) {
        source_sums.add(line.side, years, |y| line.value(y));
    }
    let mut mismatches = Vec::new();
    for total in &imported.totals {
        for (&year, printed) in &total.values {
            let Some(printed) = *printed else { continue };
            let computed = imported.computed(&total.scope, total.side, year);
            if !crate::calc::printed_total_matches(printed, computed) {
                mismatches.push(TotalMismatch {
                    row: total.row,
                    scope: total.scope.clone(),
                    side: total.side,
                    year,
                    printed,
                    computed,
                });
            }
        }
    }
    let basis_question = match plan.meta.budget_basis {
        BudgetBasis::Accounts => BasisQuestion::None,
        BudgetBasis::Goals if crate::calc::has_goal_amounts(plan) => BasisQuestion::Ask,
        BudgetBasis::Goals => BasisQuestion::Proposed,
    };
    ImportPreview {
        imported: imported.clone(),
        sections,
        mismatches,
        new_sections,
        new_lines,
        updated_lines,
        unchanged_lines,
        missing_years: plan.years().filter(|y| !years.contains(y)).collect(),
        plan_basis: plan.meta.budget_basis,
        basis_question,
        basis_choice: match basis_question {
            BasisQuestion::None | BasisQuestion::Proposed => Some(BudgetBasis::Accounts),
            BasisQuestion::Ask => None,
        },
        missing_lines,
        remove_missing: true,
        other_sections: other.iter().map(|s| s.name.clone()).collect(),
        source_sums,
        missing_sums: amounts_by_year(years, missing.into_iter()),
        other_sums: amounts_by_year(years, other.iter().flat_map(|s| &s.lines)),
    }
}

/// The cost and income of plan account lines per year of `years`.
fn amounts_by_year<'a>(
    years: &[i32],
    lines: impl Iterator<Item = &'a crate::model::AccountLine>,
) -> SideAmounts {
    let mut sums = SideAmounts::zeros(years.len());
    for line in lines {
        sums.add(line.side, years, |y| line.amounts.value(y));
    }
    sums
}

// ---------------------------------------------------------------------------------------------
// Reading cells

/// The columns of the header row.
#[derive(Debug, Clone)]
struct Header {
    row: usize,
    section: usize,
    side: Option<usize>,
    account: usize,
    name: Option<usize>,
    /// Every year column, in or outside the plan period.
    years: Vec<(usize, i32)>,
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

const SECTION_NAMES: &[&str] = &["rubriek", "section", "sectie"];
const SIDE_NAMES: &[&str] = &["zijde", "side", "kant"];
const ACCOUNT_NAMES: &[&str] = &[
    "rekening",
    "account",
    "rekeningnummer",
    "account number",
    "account code",
];
const NAME_NAMES: &[&str] = &[
    "omschrijving",
    "name",
    "naam",
    "description",
    "rekeningnaam",
    "account name",
];

fn role_of(header: &str) -> Option<ColumnRole> {
    header.split('/').map(normalized).find_map(|part| {
        let part = part.as_str();
        if SECTION_NAMES.contains(&part) {
            Some(ColumnRole::Section)
        } else if SIDE_NAMES.contains(&part) {
            Some(ColumnRole::Side)
        } else if ACCOUNT_NAMES.contains(&part) {
            Some(ColumnRole::Account)
        } else if NAME_NAMES.contains(&part) {
            Some(ColumnRole::Name)
        } else {
            None
        }
    })
}

/// The header row: the first row (within [`HEADER_SEARCH_ROWS`]) with an account column and a
/// year column. `Ok(None)` when there is none.
fn find_header(rows: &[SourceRow]) -> Result<Option<Header>, ImportError> {
    for row in rows.iter().take(HEADER_SEARCH_ROWS) {
        let roles: Vec<(usize, Option<ColumnRole>)> = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| (i, role_of(&c.text())))
            .collect();
        let has_account = roles.iter().any(|(_, r)| *r == Some(ColumnRole::Account));
        let years: Vec<(usize, i32)> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| year_of(c).map(|y| (i, y)))
            .collect();
        if !has_account || years.is_empty() {
            continue;
        }
        let headers: Vec<String> = row.cells.iter().map(Cell::text).collect();
        let duplicate = |index: usize| ImportError::DuplicateColumn {
            row: row.number,
            column: index,
            header: headers[index].clone(),
        };
        let mut found: BTreeMap<u8, usize> = BTreeMap::new();
        for (i, role) in &roles {
            let Some(role) = role else { continue };
            if found.insert(*role as u8, *i).is_some() {
                return Err(duplicate(*i));
            }
        }
        for (k, (i, year)) in years.iter().enumerate() {
            if years[..k].iter().any(|(_, y)| y == year) {
                return Err(duplicate(*i));
            }
        }
        let get = |role: ColumnRole| found.get(&(role as u8)).copied();
        let section = get(ColumnRole::Section).ok_or(ImportError::MissingColumn {
            row: row.number,
            role: ColumnRole::Section,
        })?;
        return Ok(Some(Header {
            row: row.number,
            section,
            side: get(ColumnRole::Side),
            account: get(ColumnRole::Account).expect("checked above"),
            name: get(ColumnRole::Name),
            years,
            headers,
        }));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// CSV

// ---------------------------------------------------------------------------------------------
// Spreadsheets

// ---------------------------------------------------------------------------------------------
// Rows

const GRAND_COST: &[&str] = &[
    "totaal kosten",
    "totaal uitgaven",
    "total costs",
    "total cost",
    "total expenses",
];
const GRAND_INCOME: &[&str] = &[
    "totaal opbrengsten",
    "totaal inkomsten",
    "total income",
    "total revenue",
];
const DERIVED: &[&str] = &[
    "totaal",
    "total",
    "resultaat",
    "bedrijfsresultaat",
    "result",
    "operating result",
    "saldo",
    "balance",
];

/// `Totaal <section>`, `Totaal kosten <section>`: the side named, if any, and the section.
fn total_label(text: &str) -> Option<(Option<Side>, String)> {
    // Compared byte-wise without case (the words are ASCII), so slicing stays on char bounds.
    fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
        text.get(..word.len())
            .filter(|start| start.eq_ignore_ascii_case(word))
            .and_then(|_| text.get(word.len()..))
    }
    let trimmed = text.trim();
    let rest = ["totaal ", "total "]
        .iter()
        .find_map(|p| strip_word(trimmed, p))?
        .trim();
    for (word, side) in [
        ("kosten ", Side::Cost),
        ("costs ", Side::Cost),
        ("cost ", Side::Cost),
        ("opbrengsten ", Side::Income),
        ("inkomsten ", Side::Income),
        ("income ", Side::Income),
    ] {
        if let Some(section) = strip_word(rest, word) {
            return Some((Some(side), section.trim().to_string()));
        }
    }
    (!rest.is_empty()).then(|| (None, rest.to_string()))
}

/// A section total waiting for the side of its section's lines.
struct PendingTotal {
    row: usize,
    section: String,
    side: Option<Side>,
    values: BTreeMap<i32, Option<Decimal>>,
}

fn read_rows(
    rows: &[SourceRow],
    header: &Header,
    years: RangeInclusive<i32>,
) -> Result<ImportedBudget, ImportError> {
    let (first, last) = (*years.start(), *years.end());
    let in_period: Vec<(usize, i32)> = header
        .years
        .iter()
        .copied()
        .filter(|(_, y)| years.contains(y))
        .collect();
    if in_period.is_empty() {
        return Err(ImportError::NoPlanYears {
            row: header.row,
            found: header.years.iter().map(|(_, y)| *y).collect(),
            first,
            last,
        });
    }
    let mut plan_years: Vec<i32> = in_period.iter().map(|(_, y)| *y).collect();
    plan_years.sort_unstable();

    let mut budget = ImportedBudget {
        kind: SourceKind::Csv,
        sheet: None,
        header_row: header.row,
        first_year: first,
        last_year: last,
        years: plan_years,
        sections: Vec::new(),
        totals: Vec::new(),
        rejections: Vec::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
    };
    let mut pending: Vec<PendingTotal> = Vec::new();
    let mut known_sections: Vec<String> = Vec::new();
    // Where each accepted (section, code) was first seen.
    let mut first_rows: Vec<(String, String, usize)> = Vec::new();
    let mut current_section: Option<String> = None;

    for row in rows.iter().filter(|r| r.number > header.row) {
        if row.cells.iter().all(Cell::is_empty) {
            continue;
        }
        let section_text = row.text(Some(header.section));
        let account = row.text(Some(header.account));
        let name = row.text(header.name);
        let side_text = row.text(header.side);
        let mut rejections: Vec<Rejection> = Vec::new();
        let reject = |rejections: &mut Vec<Rejection>, column: Option<usize>, reason| {
            rejections.push(Rejection {
                row: row.number,
                column: column.map(|c| header.column(c)),
                reason,
            })
        };

        // Amounts of the year columns; values outside the period are reported on their own.
        let mut amounts: BTreeMap<i32, Option<Decimal>> = BTreeMap::new();
        let mut formula_years: Vec<i32> = Vec::new();
        for &(column, year) in &header.years {
            let cell = row.cell(column);
            if !years.contains(&year) {
                if !cell.is_empty() {
                    reject(
                        &mut rejections,
                        Some(column),
                        RejectReason::YearOutsidePeriod { year, first, last },
                    );
                }
                continue;
            }
            if row.formulas.contains(&column) {
                formula_years.push(year);
            }
            match parse_amount(cell) {
                Ok(value) => {
                    amounts.insert(year, value);
                }
                Err(reason) => reject(&mut rejections, Some(column), reason),
            }
        }
        let has_amounts = amounts.values().any(Option::is_some)
            || rejections.iter().any(|r| r.reason.drops_row());

        if account.is_empty() {
            let labels = [&section_text, &account, &name];
            // "Totaal INKOMSTEN" in the section INKOMSTEN is that section's total, even though
            // "totaal inkomsten" also names the grand total of the income side.
            let names_own_section = !section_text.is_empty()
                && total_label(&name).is_some_and(|(_, s)| same_key(&s, &section_text));
            let grand = labels
                .iter()
                .filter(|_| !names_own_section)
                .find_map(|label| {
                    let label = normalized(label);
                    if GRAND_COST.contains(&label.as_str()) {
                        Some(Side::Cost)
                    } else if GRAND_INCOME.contains(&label.as_str()) {
                        Some(Side::Income)
                    } else {
                        None
                    }
                });
            let derived = labels
                .iter()
                .find(|label| DERIVED.contains(&normalized(label).as_str()));
            let explicit_side = if side_text.is_empty() {
                None
            } else {
                match parse_side(&side_text) {
                    Some(side) => Some(side),
                    None => {
                        reject(
                            &mut rejections,
                            header.side,
                            RejectReason::UnknownSide {
                                text: side_text.clone(),
                            },
                        );
                        None
                    }
                }
            };
            if let Some(side) = grand {
                if !rejections.iter().any(|r| r.reason.drops_row()) {
                    for year in formula_years {
                        amounts.remove(&year);
                    }
                    add_total(
                        &mut budget,
                        &mut rejections,
                        row.number,
                        TotalScope::All,
                        side,
                        amounts,
                    );
                }
                budget.rejections.extend(rejections);
                continue;
            }
            if let Some(label) = derived {
                if has_amounts {
                    budget.skipped.push((row.number, label.to_string()));
                }
                budget
                    .rejections
                    .extend(rejections.into_iter().filter(|r| !r.reason.drops_row()));
                continue;
            }
            let total = if let Some((side, section)) = total_label(&section_text) {
                Some((side, section))
            } else if !section_text.is_empty() {
                Some((total_label(&name).and_then(|(side, _)| side), section_text))
            } else {
                total_label(&name)
            };
            match total {
                Some((_, section)) if !has_amounts => {
                    // A heading: names the section of the lines below.
                    remember(&mut known_sections, &section);
                    current_section = Some(section);
                }
                Some((side_from_label, section))
                    if !rejections.iter().any(|r| r.reason.drops_row()) =>
                {
                    for year in formula_years {
                        amounts.remove(&year);
                    }
                    pending.push(PendingTotal {
                        row: row.number,
                        section,
                        side: explicit_side.or(side_from_label),
                        values: amounts,
                    });
                }
                // A total with a bad amount: its rejections are listed below.
                Some(_) => {}
                None if has_amounts => {
                    reject(
                        &mut rejections,
                        Some(header.account),
                        RejectReason::NoAccount,
                    );
                }
                None => {}
            }
            budget.rejections.extend(rejections);
            continue;
        }

        // An account line.
        if !section_text.is_empty() {
            remember(&mut known_sections, &section_text);
            current_section = Some(section_text.clone());
        }
        let side = if side_text.is_empty() {
            let side = side_of_code(&account);
            if side.is_none() {
                reject(
                    &mut rejections,
                    Some(header.account),
                    RejectReason::NoSide {
                        code: account.clone(),
                    },
                );
            }
            side
        } else {
            match parse_side(&side_text) {
                Some(side) => {
                    if side_of_code(&account).is_some_and(|class_side| class_side != side) {
                        budget.warnings.push(Flagged {
                            row: row.number,
                            column: header.side.map(|c| header.column(c)),
                            warning: ImportWarning::WrongSide {
                                code: account.clone(),
                                side,
                            },
                        });
                    }
                    Some(side)
                }
                None => {
                    reject(
                        &mut rejections,
                        header.side,
                        RejectReason::UnknownSide {
                            text: side_text.clone(),
                        },
                    );
                    None
                }
            }
        };
        let Some(section) = current_section.clone() else {
            reject(
                &mut rejections,
                Some(header.section),
                RejectReason::NoSection,
            );
            budget.rejections.extend(rejections);
            continue;
        };
        let dropped = rejections.iter().any(|r| r.reason.drops_row());
        budget.rejections.extend(rejections);
        let Some(side) = side else { continue };
        if dropped {
            continue;
        }
        match first_rows
            .iter()
            .find(|(s, c, _)| same_key(s, &section) && same_key(c, &account))
        {
            Some((_, _, first_row)) => budget.warnings.push(Flagged {
                row: row.number,
                column: Some(header.column(header.account)),
                warning: ImportWarning::DuplicateAccount {
                    code: account.clone(),
                    section: section.clone(),
                    first_row: *first_row,
                },
            }),
            None => first_rows.push((section.clone(), account.clone(), row.number)),
        }
        let line = ImportedLine {
            row: row.number,
            code: account,
            name,
            side,
            amounts,
        };
        match budget
            .sections
            .iter_mut()
            .find(|s| same_key(&s.name, &section))
        {
            Some(s) => s.lines.push(line),
            None => budget.sections.push(ImportedSection {
                name: section,
                lines: vec![line],
            }),
        }
    }

    for total in pending {
        let mut rejections = Vec::new();
        let lines_side = |budget: &ImportedBudget| -> Option<Side> {
            let sides: Vec<Side> = budget
                .sections
                .iter()
                .filter(|s| same_key(&s.name, &total.section))
                .flat_map(|s| s.lines.iter().map(|l| l.side))
                .collect();
            let first = *sides.first()?;
            sides.iter().all(|s| *s == first).then_some(first)
        };
        let known = known_sections.iter().any(|s| same_key(s, &total.section));
        let reason = if !known {
            Some(RejectReason::UnknownTotalSection {
                name: total.section.clone(),
            })
        } else {
            match total.side.or_else(|| lines_side(&budget)) {
                None => Some(RejectReason::TotalSideUnclear {
                    section: total.section.clone(),
                }),
                Some(side) => {
                    let section = known_sections
                        .iter()
                        .find(|s| same_key(s, &total.section))
                        .cloned()
                        .unwrap_or(total.section.clone());
                    add_total(
                        &mut budget,
                        &mut rejections,
                        total.row,
                        TotalScope::Section(section),
                        side,
                        total.values,
                    );
                    None
                }
            }
        };
        if let Some(reason) = reason {
            rejections.push(Rejection {
                row: total.row,
                column: Some(header.column(header.section)),
                reason,
            });
        }
        budget.rejections.extend(rejections);
    }
    budget.rejections.sort_by_key(|r| r.row);
    budget.warnings.sort_by_key(|w| w.row);
    Ok(budget)
}

fn remember(known: &mut Vec<String>, section: &str) {
    if !known.iter().any(|s| same_key(s, section)) {
        known.push(section.to_string());
    }
}

fn add_total(
    budget: &mut ImportedBudget,
    rejections: &mut Vec<Rejection>,
    row: usize,
    scope: TotalScope,
    side: Side,
    values: BTreeMap<i32, Option<Decimal>>,
) {
    let same_scope = |a: &TotalScope, b: &TotalScope| match (a, b) {
        (TotalScope::All, TotalScope::All) => true,
        (TotalScope::Section(x), TotalScope::Section(y)) => same_key(x, y),
        _ => false,
    };
    if let Some(first) = budget
        .totals
        .iter()
        .find(|t| t.side == side && same_scope(&t.scope, &scope))
    {
        rejections.push(Rejection {
            row,
            column: None,
            reason: RejectReason::DuplicateTotal {
                first_row: first.row,
            },
        });
        return;
    }
    budget.totals.push(PrintedTotal {
        row,
        scope,
        side,
        values,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn total_labels() {
        assert_eq!(
            total_label("Totaal PERSONEEL"),
            Some((None, "PERSONEEL".into()))
        );
        assert_eq!(
            total_label("totaal kosten Werking"),
            Some((Some(Side::Cost), "Werking".into()))
        );
        assert_eq!(total_label("Totaal"), None);
        assert_eq!(
            total_label("TOTAL  Costs  X"),
            Some((Some(Side::Cost), "X".into()))
        );
        assert_eq!(
            total_label("Totaal \u{212A}osten X"),
            Some((None, "\u{212A}osten X".into()))
        );
        assert_eq!(total_label("Huur"), None);
    }

    #[test]
    fn headers_in_either_language() {
        assert_eq!(role_of(" Rubriek "), Some(ColumnRole::Section));
        assert_eq!(role_of("rubriek/section"), Some(ColumnRole::Section));
        assert_eq!(role_of("ZIJDE"), Some(ColumnRole::Side));
        assert_eq!(role_of("Account"), Some(ColumnRole::Account));
        assert_eq!(role_of("Omschrijving"), Some(ColumnRole::Name));
        assert_eq!(role_of("Bedrag"), None);
        assert_eq!(
            crate::exchange::source::year_of(&crate::exchange::source::Cell::Text(" 2021 ".into())),
            Some(2021)
        );
        assert_eq!(
            crate::exchange::source::year_of(&crate::exchange::source::Cell::Number(dec!(2022))),
            Some(2022)
        );
        assert_eq!(
            crate::exchange::source::year_of(&crate::exchange::source::Cell::Text("21".into())),
            None
        );
    }
}
