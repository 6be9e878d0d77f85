//! The actuals importer's structured values as text, in Dutch and English.

use crate::exchange::import_actuals::{
    ActualsImportError, ActualsMismatch, ActualsPreview, ActualsRejectReason,
};
use crate::exchange::source::{Reason, TableKind};
use crate::i18n::{Lang, tr};
use crate::model::{PrintedTotal, Side};
use crate::numfmt;
use rust_decimal::Decimal;
use std::fmt::Write;

fn amount(value: Decimal) -> String {
    numfmt::format(value, 2, true)
}

fn side_word(side: Side, lang: Lang) -> &'static str {
    match (side, lang) {
        (Side::Cost, Lang::Nl) => "kosten",
        (Side::Income, Lang::Nl) => "inkomsten",
        (Side::Cost, Lang::En) => "costs",
        (Side::Income, Lang::En) => "income",
    }
}

fn total_name(total: PrintedTotal, lang: Lang) -> &'static str {
    let t = &tr(lang).act;
    match total {
        PrintedTotal::Cost => t.printed_cost,
        PrintedTotal::Income => t.printed_income,
        PrintedTotal::Result => t.printed_result,
    }
}

impl ActualsImportError {
    /// What is wrong and what to do, in the user's language (the caller names the file).
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ActualsImportError::Source(e) => e.describe(TableKind::Results, lang),
            ActualsImportError::NoYearColumn { row, year, found } => {
                let found: Vec<String> = found.iter().map(i32::to_string).collect();
                let found = found.join(", ");
                if en {
                    format!(
                        "row {row}: the header has year columns ({found}) but none for {year}; import another year with --year, or add a column {year} or bedrag/amount"
                    )
                } else {
                    format!(
                        "rij {row}: de kopregel heeft jaarkolommen ({found}) maar geen voor {year}; importeer een ander jaar met --year, of voeg een kolom {year} of bedrag toe"
                    )
                }
            }
            ActualsImportError::YearOutsidePeriod { year, first, last } => {
                if en {
                    format!(
                        "{year} is not a year of the plan ({first}-{last}); give a plan year with --year"
                    )
                } else {
                    format!(
                        "{year} is geen jaar van het plan ({first}-{last}); geef een planjaar met --year"
                    )
                }
            }
        }
    }
}

impl Reason for ActualsRejectReason {
    fn describe(&self, lang: Lang) -> String {
        ActualsRejectReason::describe(self, lang)
    }
}

impl ActualsRejectReason {
    /// Why, and what to do, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let t = tr(lang);
        match self {
            ActualsRejectReason::Cell(problem) => problem.describe(lang),
            ActualsRejectReason::UnknownSide { text } => {
                if en {
                    format!("side '{text}' is neither costs nor income; write cost or income")
                } else {
                    format!(
                        "zijde '{text}' is geen kosten of opbrengsten; schrijf kosten of opbrengsten"
                    )
                }
            }
            ActualsRejectReason::NoAmount => {
                if en {
                    "a line without an amount; fill in the amount (0 for nothing) (row left out)"
                        .into()
                } else {
                    "een lijn zonder bedrag; vul het bedrag in (0 voor niets) (rij niet ingelezen)"
                        .into()
                }
            }
            ActualsRejectReason::NoName => {
                if en {
                    "an amount without a name; fill in what the line is (row left out)".into()
                } else {
                    "een bedrag zonder omschrijving; vul in wat de lijn is (rij niet ingelezen)"
                        .into()
                }
            }
            ActualsRejectReason::UnknownCategory { text } => {
                if en {
                    format!(
                        "'{text}' is not a category; write personnel, operating, overhead, other, subsidy or own income (row left out)"
                    )
                } else {
                    format!(
                        "'{text}' is geen categorie; schrijf personeel, werking, overhead, andere, subsidie of eigen inkomsten (rij niet ingelezen)"
                    )
                }
            }
            ActualsRejectReason::NoCategory => {
                if en {
                    "no category and no account to take one from; add a column category (personnel, operating, overhead, other, subsidy, own income) (row left out)".into()
                } else {
                    "geen categorie en geen rekening om ze uit af te leiden; voeg een kolom categorie toe (personeel, werking, overhead, andere, subsidie, eigen inkomsten) (rij niet ingelezen)".into()
                }
            }
            ActualsRejectReason::NoSide => {
                if en {
                    "costs or income? Fill in the side (cost/income), or put the line under a heading KOSTEN or OPBRENGSTEN (row left out)".into()
                } else {
                    "kosten of inkomsten? Vul de zijde in (kosten/opbrengsten), of zet de lijn onder een kop KOSTEN of OPBRENGSTEN (rij niet ingelezen)".into()
                }
            }
            ActualsRejectReason::CategoryNotOfSide { category, side } => {
                let (category, side) = (t.category_name(*category), side_word(*side, lang));
                if en {
                    format!(
                        "the category {category} is not one of {side}; correct the category or the side (row left out)"
                    )
                } else {
                    format!(
                        "de categorie {category} hoort niet bij de {side}; verbeter de categorie of de zijde (rij niet ingelezen)"
                    )
                }
            }
            ActualsRejectReason::WrongSide { code, side } => {
                let side = side_word(*side, lang);
                if en {
                    format!(
                        "account {code} does not belong among the {side} (class 6 is costs, 7 income); correct the side or the account (row left out)"
                    )
                } else {
                    format!(
                        "rekening {code} hoort niet bij de {side} (klasse 6 is kosten, 7 opbrengsten); verbeter de zijde of de rekening (rij niet ingelezen)"
                    )
                }
            }
            ActualsRejectReason::UnknownGoal { text } => {
                if en {
                    format!(
                        "'{text}' is not a goal of the plan; write the code of a strategic goal (SD1 ...) or leave it empty (row left out)"
                    )
                } else {
                    format!(
                        "'{text}' is geen doel van het plan; schrijf de code van een strategisch doel (SD1 ...) of laat het leeg (rij niet ingelezen)"
                    )
                }
            }
            ActualsRejectReason::DuplicateTotal { first_row } => {
                if en {
                    format!("this total was already given on row {first_row}; keep one")
                } else {
                    format!("dit totaal stond al op rij {first_row}; hou er één")
                }
            }
        }
    }
}

impl ActualsMismatch {
    /// `rij 20: gedrukt totaal kosten 1.000, de lijnen geven 900 (verschil +100)`
    pub fn describe(&self, lang: Lang) -> String {
        let difference = self.printed - self.computed;
        let sign = if difference > Decimal::ZERO { "+" } else { "" };
        let (row, lines, diff) = match lang {
            Lang::Nl => ("rij", "de lijnen geven", "verschil"),
            Lang::En => ("row", "the lines give", "difference"),
        };
        format!(
            "{row} {}: {} {}, {lines} {} ({diff} {sign}{})",
            self.row,
            total_name(self.total, lang),
            amount(self.printed),
            amount(self.computed),
            amount(difference)
        )
    }
}

impl ActualsPreview {
    /// The preview as text: what was read, what changes, what does not add up, what was left out.
    pub fn describe(&self, lang: Lang) -> String {
        let t = tr(lang);
        let i = &self.imported;
        let mut out = String::new();
        let source = match (&i.sheet, lang) {
            (Some(sheet), Lang::Nl) => format!("werkblad '{sheet}'"),
            (Some(sheet), Lang::En) => format!("sheet '{sheet}'"),
            (None, _) => "CSV".into(),
        };
        let _ = match lang {
            Lang::Nl => writeln!(
                out,
                "Realisatie {}: {source}, kopregel op rij {}",
                i.year, i.header_row
            ),
            Lang::En => writeln!(
                out,
                "Actuals {}: {source}, header on row {}",
                i.year, i.header_row
            ),
        };
        let _ = match lang {
            Lang::Nl => writeln!(
                out,
                "{} resultaatlijnen ingelezen: {} nieuw, {} bijgewerkt, {} ongewijzigd, {} verdwijnen",
                i.lines.len(),
                self.new_lines,
                self.updated_lines,
                self.unchanged_lines,
                self.removed_lines.len()
            ),
            Lang::En => writeln!(
                out,
                "{} result lines read: {} new, {} updated, {} unchanged, {} removed",
                i.lines.len(),
                self.new_lines,
                self.updated_lines,
                self.unchanged_lines,
                self.removed_lines.len()
            ),
        };
        if !self.removed_lines.is_empty() {
            let _ = match lang {
                Lang::Nl => writeln!(
                    out,
                    "  niet meer in de bron (verdwijnen): {}",
                    self.removed_lines.join(", ")
                ),
                Lang::En => writeln!(
                    out,
                    "  no longer in the source (removed): {}",
                    self.removed_lines.join(", ")
                ),
            };
        }
        out.push('\n');
        let width = self
            .by_category
            .iter()
            .map(|(_, c, _)| t.category_name(*c).chars().count())
            .max()
            .unwrap_or(0)
            .max(t.act.cost_total.chars().count())
            .max(t.act.income_total.chars().count())
            .max(t.act.balance.chars().count());
        let mut line = |label: &str, value: Decimal| {
            let _ = writeln!(
                out,
                "  {label:width$}  {:>16}",
                numfmt::format(value, 2, false)
            );
        };
        for (side, category, value) in &self.by_category {
            if *side == Side::Cost && !value.is_zero() {
                line(t.category_name(*category), *value);
            }
        }
        line(t.act.cost_total, i.computed(PrintedTotal::Cost));
        for (side, category, value) in &self.by_category {
            if *side == Side::Income && !value.is_zero() {
                line(t.category_name(*category), *value);
            }
        }
        line(t.act.income_total, i.computed(PrintedTotal::Income));
        line(t.act.balance, i.computed(PrintedTotal::Result));
        if !self.mismatches.is_empty() {
            let _ = writeln!(
                out,
                "\n{}:",
                match lang {
                    Lang::Nl => "Gedrukte totalen die afwijken",
                    Lang::En => "Printed totals that differ",
                }
            );
            for m in &self.mismatches {
                let _ = writeln!(out, "  {}", m.describe(lang));
            }
        }
        if !i.skipped.is_empty() {
            let rows: Vec<String> = i.skipped.iter().map(|(r, _)| r.to_string()).collect();
            let _ = match lang {
                Lang::Nl => writeln!(
                    out,
                    "\nsubtotalen overgeslagen (rij {}): ze volgen uit de lijnen",
                    rows.join(", ")
                ),
                Lang::En => writeln!(
                    out,
                    "\nsubtotals skipped (row {}): they follow from the lines",
                    rows.join(", ")
                ),
            };
        }
        if !i.rejections.is_empty() {
            let _ = writeln!(
                out,
                "\n{}: {}",
                match lang {
                    Lang::Nl => "Geweigerd",
                    Lang::En => "Rejected",
                },
                i.rejections.len()
            );
            for r in &i.rejections {
                let _ = writeln!(out, "  {}", r.describe(lang));
            }
        }
        out
    }
}
