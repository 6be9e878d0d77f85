//! Reading the rows of an accounts table: the header, account lines, section and grand totals,
//! derived figures; what is rejected and what is flagged.

use super::{
    ColumnRole, Flagged, ImportError, ImportWarning, ImportedBudget, ImportedLine, ImportedSection,
    PrintedTotal, RejectReason, Rejection, SourceKind, TotalScope,
};
use crate::exchange::source::cells::{normalized, parse_amount, parse_side};
use crate::exchange::source::header::{HeaderRow, find_header_row};
use crate::exchange::source::{SourceError, SourceRow};
use crate::model::{Side, same_key, side_of_code};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// The names a header cell gives each column, in either language.
const NAMES: &[(&str, ColumnRole)] = &[
    ("rubriek", ColumnRole::Section),
    ("section", ColumnRole::Section),
    ("sectie", ColumnRole::Section),
    ("zijde", ColumnRole::Side),
    ("side", ColumnRole::Side),
    ("kant", ColumnRole::Side),
    ("rekening", ColumnRole::Account),
    ("account", ColumnRole::Account),
    ("rekeningnummer", ColumnRole::Account),
    ("account number", ColumnRole::Account),
    ("account code", ColumnRole::Account),
    ("omschrijving", ColumnRole::Name),
    ("name", ColumnRole::Name),
    ("naam", ColumnRole::Name),
    ("description", ColumnRole::Name),
    ("rekeningnaam", ColumnRole::Name),
    ("account name", ColumnRole::Name),
];

/// The columns of the header row.
pub(super) struct Header {
    row: HeaderRow<ColumnRole>,
    section: usize,
    side: Option<usize>,
    account: usize,
    name: Option<usize>,
}

impl Header {
    fn column(&self, index: usize) -> crate::exchange::source::ColumnRef {
        self.row.column(index)
    }
}

/// The header row: the first row (within the rows searched) with an account column and a year
/// column; it must have a section column too.
pub(super) fn find_header(
    rows: &[SourceRow],
) -> Result<Option<Result<Header, ImportError>>, SourceError> {
    let found = find_header_row(rows, NAMES, |h| {
        h.has(ColumnRole::Account) && !h.years.is_empty()
    })?;
    Ok(found.map(|row| {
        let section = row
            .get(ColumnRole::Section)
            .ok_or(ImportError::MissingColumn {
                row: row.row,
                role: ColumnRole::Section,
            })?;
        Ok(Header {
            section,
            side: row.get(ColumnRole::Side),
            account: row.get(ColumnRole::Account).unwrap_or_default(),
            name: row.get(ColumnRole::Name),
            row,
        })
    }))
}

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

pub(super) fn read_rows(
    rows: &[SourceRow],
    header: &Header,
    years: RangeInclusive<i32>,
) -> Result<ImportedBudget, ImportError> {
    let (first, last) = (*years.start(), *years.end());
    let in_period: Vec<(usize, i32)> = header
        .row
        .years
        .iter()
        .copied()
        .filter(|(_, y)| years.contains(y))
        .collect();
    if in_period.is_empty() {
        return Err(ImportError::NoPlanYears {
            row: header.row.row,
            found: header.row.years.iter().map(|(_, y)| *y).collect(),
            first,
            last,
        });
    }
    let mut plan_years: Vec<i32> = in_period.iter().map(|(_, y)| *y).collect();
    plan_years.sort_unstable();

    let mut budget = ImportedBudget {
        kind: SourceKind::Csv,
        sheet: None,
        header_row: header.row.row,
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

    for row in rows.iter().filter(|r| r.number > header.row.row) {
        if row.is_empty() {
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
        for &(column, year) in &header.row.years {
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
                Err(problem) => reject(&mut rejections, Some(column), RejectReason::Cell(problem)),
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
        use crate::exchange::source::header::role_of;
        assert_eq!(role_of(" Rubriek ", NAMES), Some(ColumnRole::Section));
        assert_eq!(role_of("rubriek/section", NAMES), Some(ColumnRole::Section));
        assert_eq!(role_of("ZIJDE", NAMES), Some(ColumnRole::Side));
        assert_eq!(role_of("Account", NAMES), Some(ColumnRole::Account));
        assert_eq!(role_of("Omschrijving", NAMES), Some(ColumnRole::Name));
        assert_eq!(role_of("Bedrag", NAMES), None);
    }
}
