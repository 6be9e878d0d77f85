//! Why an export could not be made or written, in the user's language.

use crate::exchange::ExportError;
use crate::i18n::Lang;

impl ExportError {
    /// The message for the user, in their language: what went wrong, where, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ExportError::Exists { path } => {
                let path = path.display();
                if en {
                    format!(
                        "{path}: the file already exists and was left untouched; add --force to overwrite it, or choose another name"
                    )
                } else {
                    format!(
                        "{path}: het bestand bestaat al en is niet gewijzigd; geef --force om het te overschrijven, of kies een andere naam"
                    )
                }
            }
            ExportError::Write { path, problem } => {
                let path = path.display();
                let source = crate::i18n::errors::save_problem(problem, lang);
                if en {
                    format!(
                        "{path}: cannot write ({source}); check that the folder exists and that you may write there"
                    )
                } else {
                    format!(
                        "{path}: kan niet schrijven ({source}); controleer of de map bestaat en of je er mag schrijven"
                    )
                }
            }
            ExportError::NotAFolder { path } => {
                let path = path.display();
                if en {
                    format!(
                        "{path}: is a file, not a folder; --csv needs a folder for the CSV files"
                    )
                } else {
                    format!(
                        "{path}: is een bestand, geen map; --csv heeft een map nodig voor de CSV-bestanden"
                    )
                }
            }
            ExportError::Workbook { reason } => {
                if en {
                    format!(
                        "the workbook could not be built ({reason}); this is a fault in Planbord, please report it"
                    )
                } else {
                    format!(
                        "het rekenblad kon niet worden opgebouwd ({reason}); dit is een fout in Planbord, meld ze alsjeblieft"
                    )
                }
            }
            ExportError::WouldOverwritePlan { path } => {
                let path = path.display();
                if en {
                    format!(
                        "{path}: this is the plan file itself; choose another name for the export"
                    )
                } else {
                    format!(
                        "{path}: dit is het planbestand zelf; kies een andere naam voor de export"
                    )
                }
            }
            ExportError::NothingToExport => {
                if en {
                    "nothing to export: give --xlsx FILE, --csv FOLDER and/or --pdf FILE"
                        .to_string()
                } else {
                    "niets te exporteren: geef --xlsx BESTAND, --csv MAP en/of --pdf BESTAND"
                        .to_string()
                }
            }
            ExportError::Font => {
                if en {
                    "the fonts built into Planbord cannot be read; this is a fault in Planbord, please report it".to_string()
                } else {
                    "de lettertypes in Planbord kunnen niet gelezen worden; dit is een fout in Planbord, meld ze alsjeblieft".to_string()
                }
            }
            ExportError::Pdf { reason } => {
                if en {
                    format!(
                        "the PDF could not be built ({reason}); this is a fault in Planbord, please report it"
                    )
                } else {
                    format!(
                        "de PDF kon niet worden opgebouwd ({reason}); dit is een fout in Planbord, meld ze alsjeblieft"
                    )
                }
            }
        }
    }
}
