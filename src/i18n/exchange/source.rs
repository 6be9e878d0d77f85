//! The pipeline's structured values as text, in Dutch and English: why a source is not a table,
//! why a cell is not an amount, where something is.

use crate::exchange::source::{
    CellProblem, ColumnRef, HEADER_SEARCH_ROWS, NonAmount, Reason, Rejection, SourceError,
    TableKind, column_letter,
};
use crate::i18n::Lang;

impl SourceError {
    /// What is wrong and what to do, in the user's language (the caller names the file).
    pub fn describe(&self, kind: TableKind, lang: Lang) -> String {
        let en = lang == Lang::En;
        let (table_en, table_nl) = match kind {
            TableKind::Accounts => ("an accounts table", "een rekeningentabel"),
            TableKind::Results => ("a table of results", "een resultatentabel"),
        };
        match self {
            SourceError::TooLarge { size, limit } => {
                if en {
                    format!(
                        "the file is {size} bytes, more than the {limit} {table_en} can be; is it the right file?"
                    )
                } else {
                    format!(
                        "het bestand is {size} bytes, meer dan de {limit} die {table_nl} kan zijn; is het het juiste bestand?"
                    )
                }
            }
            SourceError::Empty => match (kind, en) {
                (TableKind::Accounts, true) => {
                    "the file is empty; export the budget from the accounting package again".into()
                }
                (TableKind::Accounts, false) => {
                    "het bestand is leeg; exporteer de begroting opnieuw uit het boekhoudpakket"
                        .into()
                }
                (TableKind::Results, true) => "the file is empty; export the results again".into(),
                (TableKind::Results, false) => {
                    "het bestand is leeg; exporteer de resultaten opnieuw".into()
                }
            },
            SourceError::NotUtf8 { row, column } => {
                if en {
                    format!(
                        "row {row}, column {column}: the text is not UTF-8; save the file as 'CSV UTF-8' and import it again"
                    )
                } else {
                    format!(
                        "rij {row}, kolom {column}: de tekst is geen UTF-8; sla het bestand op als 'CSV UTF-8' en importeer opnieuw"
                    )
                }
            }
            SourceError::UnclosedQuote { row } => {
                if en {
                    format!(
                        "row {row}: a field opens a quote (\") that is never closed; close it or remove it"
                    )
                } else {
                    format!(
                        "rij {row}: een veld opent een aanhalingsteken (\") dat nooit sluit; sluit het of haal het weg"
                    )
                }
            }
            SourceError::Workbook { message } => {
                if en {
                    format!(
                        "the workbook cannot be read ({message}); save it again as .xlsx or as CSV"
                    )
                } else {
                    format!(
                        "de werkmap kan niet gelezen worden ({message}); sla ze opnieuw op als .xlsx of als CSV"
                    )
                }
            }
            SourceError::NoSheets => {
                if en {
                    "the workbook has no sheets".into()
                } else {
                    "de werkmap heeft geen werkbladen".into()
                }
            }
            SourceError::NoHeader { sheets } => {
                let sheets = if sheets.is_empty() {
                    String::new()
                } else if en {
                    format!(" (sheets searched: {})", sheets.join(", "))
                } else {
                    format!(" (doorzochte werkbladen: {})", sheets.join(", "))
                };
                let columns = match (kind, en) {
                    (TableKind::Accounts, true) => {
                        "section, side, account, name and one column per year (2021 ...)"
                    }
                    (TableKind::Accounts, false) => {
                        "rubriek, zijde, rekening, omschrijving en één kolom per jaar (2021 ...)"
                    }
                    (TableKind::Results, true) => {
                        "name and amount (or the year), and optionally side, category, goal and account"
                    }
                    (TableKind::Results, false) => {
                        "omschrijving en bedrag (of het jaar), en eventueel zijde, categorie, doel en rekening"
                    }
                };
                if en {
                    format!(
                        "no header row found in the first {HEADER_SEARCH_ROWS} rows{sheets}; add a row naming the columns {columns}"
                    )
                } else {
                    format!(
                        "geen kopregel gevonden in de eerste {HEADER_SEARCH_ROWS} rijen{sheets}; voeg een rij toe met de kolomnamen {columns}"
                    )
                }
            }
            SourceError::DuplicateColumn {
                row,
                column,
                header,
            } => {
                let letter = column_letter(*column);
                if en {
                    format!(
                        "row {row}, column {letter}: the header '{header}' appears twice; keep one column of each"
                    )
                } else {
                    format!(
                        "rij {row}, kolom {letter}: de kolom '{header}' staat er twee keer; hou één kolom van elk"
                    )
                }
            }
        }
    }
}

impl CellProblem {
    /// Why the cell is not an amount and what to do; the row is left out.
    pub fn describe(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            CellProblem::NotANumber { text } => {
                if en {
                    format!(
                        "'{text}' is not an amount; write it like 1.234,56 or 1234.56 (row left out)"
                    )
                } else {
                    format!(
                        "'{text}' is geen bedrag; schrijf het als 1.234,56 of 1234.56 (rij niet ingelezen)"
                    )
                }
            }
            CellProblem::AmbiguousNumber { text } => {
                if en {
                    format!(
                        "'{text}' can be read two ways; write 1.234 for a thousand and more, or 1,23 with two decimals (row left out)"
                    )
                } else {
                    format!(
                        "'{text}' kan op twee manieren gelezen worden; schrijf 1.234 voor duizend en meer, of 1,23 met twee decimalen (rij niet ingelezen)"
                    )
                }
            }
            CellProblem::TooLarge { text } => {
                if en {
                    format!("'{text}' is too large for an amount (row left out)")
                } else {
                    format!("'{text}' is te groot voor een bedrag (rij niet ingelezen)")
                }
            }
            CellProblem::NotAnAmount { what } => {
                let what = match (what, en) {
                    (NonAmount::Date, true) => "a date",
                    (NonAmount::Date, false) => "een datum",
                    (NonAmount::Boolean, true) => "true/false",
                    (NonAmount::Boolean, false) => "waar/onwaar",
                    (NonAmount::Error, true) => "a formula error",
                    (NonAmount::Error, false) => "een formulefout",
                };
                if en {
                    format!("the cell holds {what}, not an amount (row left out)")
                } else {
                    format!("de cel bevat {what}, geen bedrag (rij niet ingelezen)")
                }
            }
        }
    }
}

/// Where something is: `rij 7, kolom D (2022)`.
pub fn describe_place(row: usize, column: Option<&ColumnRef>, lang: Lang) -> String {
    let (row_word, column_word) = match lang {
        Lang::Nl => ("rij", "kolom"),
        Lang::En => ("row", "column"),
    };
    match column {
        Some(c) if !c.header.is_empty() => {
            format!(
                "{row_word} {row}, {column_word} {} ({})",
                c.letter(),
                c.header
            )
        }
        Some(c) => format!("{row_word} {row}, {column_word} {}", c.letter()),
        None => format!("{row_word} {row}"),
    }
}

impl<R: Reason> Rejection<R> {
    /// `rij 7, kolom D (2022): '12,3,4' is geen bedrag ...`
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            describe_place(self.row, self.column.as_ref(), lang),
            self.reason.describe(lang)
        )
    }
}
