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
use crate::model::{BudgetBasis, Plan, Side, same_key};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

mod rows;

pub use super::source::{
    CellProblem, ColumnRef, MAX_SOURCE_BYTES, NonAmount, SourceError, SourceKind, column_letter,
};
pub use super::source::{Reason, describe_place};

use super::source::{TableKind, read_table};
use super::{Preview, Refusal};
use crate::i18n::Lang;

/// A column of the header row the importer looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Section,
    Side,
    Account,
    Name,
}

/// Why a source cannot be read as a budget by account at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is not a table: empty, not UTF-8, a damaged workbook, no header row ...
    #[error("{0}")]
    Source(#[from] SourceError),
    #[error("row {row}: no {role:?} column")]
    MissingColumn { row: usize, role: ColumnRole },
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
    /// An amount that is not one.
    Cell(CellProblem),
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
pub type Rejection = super::source::Rejection<RejectReason>;

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
        self.refusal().is_none()
    }

    /// Why the import cannot be carried out yet, if it cannot.
    pub fn refusal(&self) -> Option<Refusal> {
        if self.imported.line_count() == 0 {
            Some(Refusal::Nothing(TableKind::Accounts))
        } else if self.basis_choice.is_none() {
            Some(Refusal::BasisUnanswered)
        } else {
            None
        }
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

impl Preview for ImportPreview {
    fn describe(&self, lang: Lang) -> String {
        ImportPreview::describe(self, lang)
    }

    fn refusal(&self) -> Option<Refusal> {
        ImportPreview::refusal(self)
    }

    fn edit(&self) -> Edit {
        ImportPreview::edit(self)
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
    let named_like_accounts = |name: &str| {
        let name = name.to_lowercase();
        name.contains("rekening") || name.contains("account")
    };
    let (table, header) = read_table(bytes, kind, named_like_accounts, rows::find_header)?;
    let header = header?;
    let mut budget = rows::read_rows(&table.rows, &header, years)?;
    budget.kind = table.kind;
    budget.sheet = table.sheet;
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
