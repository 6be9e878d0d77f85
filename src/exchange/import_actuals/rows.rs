//! Reading the rows of a table of realised results: the header, result lines, printed totals,
//! subtotals and headings; what is rejected.

use super::{
    ActualsImportError, ActualsRejectReason, ActualsRejection, ImportedActuals, ImportedResultLine,
    ImportedTotal, SourceKind,
};
use crate::exchange::source::cells::{Cell, normalized, parse_amount, parse_side};
use crate::exchange::source::header::{HeaderRow, find_header_row};
use crate::exchange::source::{SourceError, SourceRow};
use crate::model::{AccountCategory, Id, Plan, PrintedTotal, Side, same_key, side_of_code};

/// A column the importer looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
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

/// The columns of the header row.
pub(super) struct Header {
    row: HeaderRow<Role>,
    name: usize,
    amount: usize,
    side: Option<usize>,
    category: Option<usize>,
    goal: Option<usize>,
    account: Option<usize>,
}

impl Header {
    fn column(&self, index: usize) -> crate::exchange::source::ColumnRef {
        self.row.column(index)
    }
}

/// The header row: the first with a name column and an amount column (or year columns). A
/// header whose year columns miss `year` is an error in the result (`Ok(Some(Err(..)))`), so the
/// search stops there with a clear message.
#[allow(clippy::type_complexity)]
pub(super) fn find_header(
    rows: &[SourceRow],
    year: i32,
) -> Result<Option<Result<Header, ActualsImportError>>, SourceError> {
    let found = find_header_row(rows, NAMES, |h| {
        h.has(Role::Name) && (h.has(Role::Amount) || !h.years.is_empty())
    })?;
    Ok(found.map(|row| {
        let amount = match row.years.iter().find(|(_, y)| *y == year) {
            Some((i, _)) => *i,
            None => row
                .get(Role::Amount)
                .ok_or(ActualsImportError::NoYearColumn {
                    row: row.row,
                    year,
                    found: row.years.iter().map(|(_, y)| *y).collect(),
                })?,
        };
        Ok(Header {
            name: row.get(Role::Name).unwrap_or_default(),
            amount,
            side: row.get(Role::Side),
            category: row.get(Role::Category),
            goal: row.get(Role::Goal),
            account: row.get(Role::Account),
            row,
        })
    }))
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

pub(super) fn read_rows(
    rows: &[SourceRow],
    header: &Header,
    plan: &Plan,
    year: i32,
) -> ImportedActuals {
    let mut imported = ImportedActuals {
        kind: SourceKind::Csv,
        sheet: None,
        header_row: header.row.row,
        year,
        lines: Vec::new(),
        totals: Vec::new(),
        rejections: Vec::new(),
        skipped: Vec::new(),
    };
    let mut heading_side: Option<Side> = None;
    for row in rows.iter().filter(|r| r.number > header.row.row) {
        if row.is_empty() {
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
                        ActualsRejectReason::UnknownSide {
                            text: side_text.clone(),
                        },
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
        use crate::exchange::source::header::role_of;
        assert_eq!(role_of("Omschrijving", NAMES), Some(Role::Name));
        assert_eq!(role_of("bedrag/amount", NAMES), Some(Role::Amount));
        assert_eq!(role_of(" Doel ", NAMES), Some(Role::Goal));
        assert_eq!(role_of("Bedrag 2021", NAMES), None);
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
