//! The budget importer's structured values as text, in Dutch and English.

use super::source::describe_place;
use crate::exchange::import::{
    BasisQuestion, ColumnRole, Flagged, ImportError, ImportPreview, ImportWarning, MissingLine,
    RejectReason, TotalMismatch, TotalScope,
};
use crate::exchange::source::{Reason, TableKind};
use crate::i18n::Lang;
use crate::model::BudgetBasis;
use crate::model::Side;
use crate::numfmt;
use rust_decimal::Decimal;
use std::fmt::Write;

fn amount(value: Decimal) -> String {
    numfmt::format(value, 2, true)
}

fn signed_amount(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{}", amount(value))
    } else {
        amount(value)
    }
}

fn side_word(side: Side, lang: Lang) -> &'static str {
    match (side, lang) {
        (Side::Cost, Lang::Nl) => "kosten",
        (Side::Income, Lang::Nl) => "opbrengsten",
        (Side::Cost, Lang::En) => "costs",
        (Side::Income, Lang::En) => "income",
    }
}

impl ImportError {
    /// What is wrong and what to do, in the user's language (the caller names the file).
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ImportError::Source(e) => e.describe(TableKind::Accounts, lang),
            ImportError::MissingColumn { row, role: r } => {
                let role = match r {
                    ColumnRole::Section => "rubriek/section",
                    ColumnRole::Side => "zijde/side",
                    ColumnRole::Account => "rekening/account",
                    ColumnRole::Name => "omschrijving/name",
                };
                if en {
                    format!(
                        "row {row}: the header row has no column {role}; add it (the section of every line)"
                    )
                } else {
                    format!(
                        "rij {row}: de kopregel heeft geen kolom {role}; voeg ze toe (de rubriek van elke lijn)"
                    )
                }
            }
            ImportError::NoPlanYears {
                row,
                found,
                first,
                last,
            } => {
                let found: Vec<String> = found.iter().map(i32::to_string).collect();
                let found = found.join(", ");
                if en {
                    format!(
                        "row {row}: the year columns ({found}) all lie outside the plan period {first}-{last}; export the plan years, or change the plan period"
                    )
                } else {
                    format!(
                        "rij {row}: de jaarkolommen ({found}) vallen allemaal buiten de planperiode {first}-{last}; exporteer de planjaren of pas de planperiode aan"
                    )
                }
            }
        }
    }
}

impl Reason for RejectReason {
    fn describe(&self, lang: Lang) -> String {
        RejectReason::describe(self, lang)
    }
}

impl RejectReason {
    /// Why, and what to do, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            RejectReason::Cell(problem) => problem.describe(lang),
            RejectReason::YearOutsidePeriod { year, first, last } => {
                if en {
                    format!(
                        "{year} lies outside the plan period {first}-{last}: this value is left out, the rest of the row is imported"
                    )
                } else {
                    format!(
                        "{year} valt buiten de planperiode {first}-{last}: deze waarde wordt niet ingelezen, de rest van de rij wel"
                    )
                }
            }
            RejectReason::NoAccount => {
                if en {
                    "amounts without an account code; fill in the account (or the section, for a section total)".into()
                } else {
                    "bedragen zonder rekeningnummer; vul de rekening in (of de rubriek, voor een rubriektotaal)".into()
                }
            }
            RejectReason::NoSection => {
                if en {
                    "no section: fill in the section of this line".into()
                } else {
                    "geen rubriek: vul de rubriek van deze lijn in".into()
                }
            }
            RejectReason::UnknownSide { text } => {
                if en {
                    format!("side '{text}' is neither costs nor income; write cost or income")
                } else {
                    format!(
                        "zijde '{text}' is geen kosten of opbrengsten; schrijf kosten of opbrengsten"
                    )
                }
            }
            RejectReason::NoSide { code } => {
                if en {
                    format!(
                        "account {code} is not a class 6 or 7 account, so its side cannot be told; fill in the side (cost or income)"
                    )
                } else {
                    format!(
                        "rekening {code} is geen rekening van klasse 6 of 7, dus de zijde is niet af te leiden; vul de zijde in (kosten of opbrengsten)"
                    )
                }
            }
            RejectReason::UnknownTotalSection { name } => {
                if en {
                    format!(
                        "a total of '{name}', but no section of that name; write the section name as in the section column"
                    )
                } else {
                    format!(
                        "een totaal van '{name}', maar geen rubriek met die naam; schrijf de rubriek zoals in de kolom rubriek"
                    )
                }
            }
            RejectReason::TotalSideUnclear { section } => {
                if en {
                    format!(
                        "total of section '{section}', which has costs and income: fill in its side"
                    )
                } else {
                    format!(
                        "totaal van rubriek '{section}', die kosten en opbrengsten heeft: vul de zijde in"
                    )
                }
            }
            RejectReason::DuplicateTotal { first_row } => {
                if en {
                    format!("this total was already given on row {first_row}; keep one")
                } else {
                    format!("dit totaal stond al op rij {first_row}; hou er één")
                }
            }
        }
    }
}

impl ImportWarning {
    /// What is odd, and what happens to the row, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ImportWarning::DuplicateAccount {
                code,
                section,
                first_row,
            } => {
                if en {
                    format!(
                        "account {code} already appears in section '{section}' on row {first_row}; both lines are imported, told apart by their names"
                    )
                } else {
                    format!(
                        "rekening {code} staat al in rubriek '{section}' op rij {first_row}; beide lijnen worden ingelezen, onderscheiden door hun omschrijving"
                    )
                }
            }
            ImportWarning::WrongSide { code, side } => match (side, en) {
                (Side::Cost, true) => format!(
                    "account {code} is an income account (class 7) but is given as a cost; imported as a cost: check the side or the account"
                ),
                (Side::Cost, false) => format!(
                    "rekening {code} is een opbrengstenrekening (klasse 7) maar staat als kost; als kost ingelezen: controleer de zijde of de rekening"
                ),
                (Side::Income, true) => format!(
                    "account {code} is a cost account (class 6) but is given as income; imported as income: check the side or the account"
                ),
                (Side::Income, false) => format!(
                    "rekening {code} is een kostenrekening (klasse 6) maar staat als opbrengst; als opbrengst ingelezen: controleer de zijde of de rekening"
                ),
            },
        }
    }
}

impl Flagged {
    /// `rij 7, kolom C (Rekening): rekening 623400 staat al ...`
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            describe_place(self.row, self.column.as_ref(), lang),
            self.warning.describe(lang)
        )
    }
}

impl MissingLine {
    /// `PERSONEEL 621000 Sociale lasten`
    pub fn describe(&self) -> String {
        format!("{} {} {}", self.section, self.code, self.name)
            .trim_end()
            .to_string()
    }
}

impl TotalScope {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (TotalScope::Section(name), Lang::Nl) => format!("rubriek {name}"),
            (TotalScope::Section(name), Lang::En) => format!("section {name}"),
            (TotalScope::All, Lang::Nl) => "alle rubrieken".into(),
            (TotalScope::All, Lang::En) => "all sections".into(),
        }
    }
}

impl TotalMismatch {
    /// `rij 12: rubriek PERSONEEL, kosten 2022: gedrukt 1.000, berekend 900, verschil +100`
    pub fn describe(&self, lang: Lang) -> String {
        let (row, printed, computed, difference) = match lang {
            Lang::Nl => ("rij", "gedrukt", "berekend", "verschil"),
            Lang::En => ("row", "printed", "computed", "difference"),
        };
        format!(
            "{row} {}: {}, {} {}: {printed} {}, {computed} {}, {difference} {}",
            self.row,
            self.scope.describe(lang),
            side_word(self.side, lang),
            self.year,
            amount(self.printed),
            amount(self.computed),
            signed_amount(self.difference())
        )
    }
}

impl ImportPreview {
    /// The counts line: `3 nieuwe rekeningen, 2 bijgewerkt, 1 ongewijzigd; 1 nieuwe rubriek`.
    pub fn describe_counts(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "{} rekeningen ingelezen: {} nieuw, {} bijgewerkt, {} ongewijzigd; {} nieuwe rubriek(en)",
                self.imported.line_count(),
                self.new_lines,
                self.updated_lines,
                self.unchanged_lines,
                self.new_sections
            ),
            Lang::En => format!(
                "{} accounts read: {} new, {} updated, {} unchanged; {} new section(s)",
                self.imported.line_count(),
                self.new_lines,
                self.updated_lines,
                self.unchanged_lines,
                self.new_sections
            ),
        }
    }

    /// The heading of the rejections: `Geweigerd: 2 rijen en 1 losse waarde`.
    pub fn describe_rejected(&self, lang: Lang) -> String {
        let rows = self.imported.rejected_rows().len();
        let values = self
            .imported
            .rejections
            .iter()
            .filter(|r| !r.reason.drops_row())
            .count();
        let (title, and, row, rows_word, value, values_word) = match lang {
            Lang::Nl => (
                "Geweigerd",
                "en",
                "rij",
                "rijen",
                "losse waarde",
                "losse waarden",
            ),
            Lang::En => (
                "Rejected",
                "and",
                "row",
                "rows",
                "single value",
                "single values",
            ),
        };
        let rows_text = format!("{rows} {}", if rows == 1 { row } else { rows_word });
        let values_text = format!("{values} {}", if values == 1 { value } else { values_word });
        match (rows, values) {
            (_, 0) => format!("{title}: {rows_text}"),
            (0, _) => format!("{title}: {values_text}"),
            _ => format!("{title}: {rows_text} {and} {values_text}"),
        }
    }

    /// Where the table was found: `CSV, kopregel op rij 3, jaren 2021-2025`.
    pub fn describe_source(&self, lang: Lang) -> String {
        let i = &self.imported;
        let source = match (&i.sheet, lang) {
            (Some(sheet), Lang::Nl) => format!("werkblad '{sheet}'"),
            (Some(sheet), Lang::En) => format!("sheet '{sheet}'"),
            (None, _) => "CSV".into(),
        };
        let years = match (i.years.first(), i.years.last()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => String::new(),
        };
        match lang {
            Lang::Nl => format!("{source}, kopregel op rij {}, jaren {years}", i.header_row),
            Lang::En => format!("{source}, header on row {}, years {years}", i.header_row),
        }
    }

    /// Notes: years the source lacks, the budget basis, skipped rows.
    pub fn describe_notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.missing_years.is_empty() {
            let years: Vec<String> = self.missing_years.iter().map(i32::to_string).collect();
            notes.push(match lang {
                Lang::Nl => format!(
                    "geen kolom voor {}: die jaren blijven zoals ze zijn",
                    years.join(", ")
                ),
                Lang::En => format!(
                    "no column for {}: those years stay as they are",
                    years.join(", ")
                ),
            });
        }
        for (row, label) in &self.imported.skipped {
            notes.push(match lang {
                Lang::Nl => format!("rij {row} ('{label}') overgeslagen: een afgeleid cijfer"),
                Lang::En => format!("row {row} ('{label}') skipped: a derived figure"),
            });
        }
        if let Some(note) = self.describe_basis(lang) {
            notes.push(note);
        }
        notes
    }

    /// What happens to the budget basis, or the question the user must answer.
    pub fn describe_basis(&self, lang: Lang) -> Option<String> {
        let en = lang == Lang::En;
        let text = match (self.basis_question, self.basis_choice) {
            (BasisQuestion::None, _) => return None,
            (BasisQuestion::Ask, None) => {
                if en {
                    "the plan has a budget by goal and now gets accounts: choose which makes its key figures (the budget by goal, or the budget by account)"
                } else {
                    "het plan heeft een begroting per doel en krijgt nu rekeningen: kies welke de kerncijfers maakt (de begroting per doel of de begroting per rekening)"
                }
            }
            (BasisQuestion::Proposed, Some(BudgetBasis::Accounts)) => {
                if en {
                    "the plan has no budget by goal yet: the accounts become its budget (basis: by account)"
                } else {
                    "het plan heeft nog geen begroting per doel: de rekeningen worden de begroting van het plan (basis: per rekening)"
                }
            }
            (BasisQuestion::Ask, Some(BudgetBasis::Accounts)) => {
                if en {
                    "the accounts make the plan's key figures (basis: by account); the budget by goal stays in the plan"
                } else {
                    "de rekeningen maken de kerncijfers van het plan (basis: per rekening); de begroting per doel blijft in het plan"
                }
            }
            (_, Some(BudgetBasis::Goals)) => {
                if en {
                    "the plan keeps its budget by goal: the accounts are kept but do not count in the key figures"
                } else {
                    "het plan houdt zijn begroting per doel: de rekeningen worden bewaard maar tellen niet mee in de kerncijfers"
                }
            }
            (BasisQuestion::Proposed, None) => return None,
        };
        Some(text.to_string())
    }

    /// The one line on totals: `totaal kosten 2021: 3.356.389 = bron; ...`, or where and why the
    /// plan's account totals after the import will differ from the source.
    pub fn describe_totals(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let checks = self.total_checks();
        let source_word = if en { "source" } else { "bron" };
        let mut parts = Vec::new();
        let mut all_agree = true;
        for side in [Side::Cost, Side::Income] {
            let of_side: Vec<_> = checks.iter().filter(|c| c.side == side).collect();
            let shown = of_side
                .iter()
                .find(|c| !c.agrees())
                .or(of_side.first())
                .copied();
            let Some(check) = shown else { continue };
            let total = match (side, en) {
                (Side::Cost, false) => "totaal kosten",
                (Side::Income, false) => "totaal opbrengsten",
                (Side::Cost, true) => "total costs",
                (Side::Income, true) => "total income",
            };
            if check.agrees() {
                parts.push(format!(
                    "{total} {}: {} = {source_word}",
                    check.year,
                    amount(check.plan)
                ));
            } else {
                all_agree = false;
                parts.push(format!(
                    "{total} {}: {} ≠ {source_word} {}",
                    check.year,
                    amount(check.plan),
                    amount(check.source)
                ));
            }
        }
        let mut text = parts.join("; ");
        let years = &self.imported.years;
        if all_agree {
            if let (Some(first), Some(last)) = (years.first(), years.last())
                && first != last
            {
                text.push_str(&if en {
                    format!(" (every year {first}-{last} equals the source)")
                } else {
                    format!(" (elk jaar {first}-{last} gelijk aan de bron)")
                });
            }
            return text;
        }
        let mut why = Vec::new();
        if !self.remove_missing && !self.missing_lines.is_empty() {
            let n = self.missing_lines.len();
            why.push(if en {
                format!("{n} line(s) the source lacks stay")
            } else {
                format!("{n} lijn(en) die niet in de bron staan blijven")
            });
        }
        if !self.other_sections.is_empty() {
            let names = self.other_sections.join(", ");
            why.push(if en {
                format!("sections not in the source stay: {names}")
            } else {
                format!("rubrieken die niet in de bron staan blijven: {names}")
            });
        }
        if !why.is_empty() {
            text.push_str(&format!(" ({})", why.join("; ")));
        }
        text
    }

    /// The heading of the plan lines the source lacks, with what happens to them.
    pub fn describe_missing(&self, lang: Lang) -> String {
        let n = self.missing_lines.len();
        match (self.remove_missing, lang) {
            (true, Lang::Nl) => format!("Niet in de bron, worden verwijderd: {n} lijn(en)"),
            (false, Lang::Nl) => format!("Niet in de bron, blijven staan: {n} lijn(en)"),
            (true, Lang::En) => format!("Not in the source, removed: {n} line(s)"),
            (false, Lang::En) => format!("Not in the source, kept: {n} line(s)"),
        }
    }

    /// The heading of the rows imported with a warning.
    pub fn describe_warned(&self, lang: Lang) -> String {
        let n = self.imported.warnings.len();
        match lang {
            Lang::Nl => format!("Ingelezen met een waarschuwing: {n} rij(en)"),
            Lang::En => format!("Imported with a warning: {n} row(s)"),
        }
    }

    /// The whole preview as text (for the command line), in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = String::new();
        let (title, new, existing, mismatched, cost, income) = match lang {
            Lang::Nl => (
                "Begroting importeren",
                "nieuw",
                "bestaand",
                "Gedrukte totalen die afwijken van de som van hun lijnen",
                "Kosten",
                "Opbrengsten",
            ),
            Lang::En => (
                "Budget import",
                "new",
                "existing",
                "Printed totals that differ from the sum of their lines",
                "Costs",
                "Income",
            ),
        };
        let _ = writeln!(out, "{title}: {}", self.describe_source(lang));
        let _ = writeln!(out, "{}", self.describe_counts(lang));
        let years = &self.imported.years;
        let width = self
            .sections
            .iter()
            .flat_map(|s| s.cost.iter().chain(&s.income))
            .map(|v| amount(*v).chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let label_width = cost.len().max(income.len()) + 2;
        for section in &self.sections {
            let state = if section.is_new { new } else { existing };
            let _ = writeln!(out, "\n{} ({state}, {})", section.name, section.lines);
            let _ = write!(out, "{:label_width$}", "");
            for year in years {
                let _ = write!(out, "  {year:>width$}");
            }
            out.push('\n');
            for (label, values) in [(cost, &section.cost), (income, &section.income)] {
                let _ = write!(out, "  {label:<w$}", w = label_width - 2);
                for v in values {
                    let _ = write!(out, "  {:>width$}", amount(*v));
                }
                out.push('\n');
            }
        }
        let _ = writeln!(out, "\n{}", self.describe_totals(lang));
        if !self.imported.warnings.is_empty() {
            let _ = writeln!(out, "\n{}:", self.describe_warned(lang));
            for w in &self.imported.warnings {
                let _ = writeln!(out, "  {}", w.describe(lang));
            }
        }
        if !self.missing_lines.is_empty() {
            let _ = writeln!(out, "\n{}:", self.describe_missing(lang));
            for line in &self.missing_lines {
                let _ = writeln!(out, "  {}", line.describe());
            }
        }
        if !self.imported.rejections.is_empty() {
            let _ = writeln!(out, "\n{}:", self.describe_rejected(lang));
            for r in &self.imported.rejections {
                let _ = writeln!(out, "  {}", r.describe(lang));
            }
        }
        if !self.mismatches.is_empty() {
            let _ = writeln!(out, "\n{mismatched} ({}):", self.mismatches.len());
            for m in &self.mismatches {
                let _ = writeln!(out, "  {}", m.describe(lang));
            }
        }
        let notes = self.describe_notes(lang);
        if !notes.is_empty() {
            out.push('\n');
            for note in notes {
                let _ = writeln!(out, "{note}");
            }
        }
        out
    }
}
