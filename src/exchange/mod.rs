//! Plans in and out of Planbord: the tables funders and boards want (XLSX, CSV, PDF) and budgets
//! from accounting (CSV, XLSX). Pure functions from `&Plan` and its `Summary` to bytes, and from
//! bytes to a preview of edits: no UI here; the app and the command line read and write the files.

pub mod csv;
pub mod import;
pub mod import_actuals;
pub mod pdf;
pub mod source;
pub mod tables;
pub mod xlsx;

use crate::edit::Edit;
use crate::i18n::Lang;
use std::path::PathBuf;

/// The last steps of the import pipeline ([`source`]), the same for every importer: what the
/// user sees before the plan changes, whether it may change, and the one edit that changes it.
pub trait Preview {
    /// The whole preview as text (the command line), in the user's language.
    fn describe(&self, lang: Lang) -> String;
    /// Why the import cannot go ahead (yet), if it cannot.
    fn refusal(&self) -> Option<Refusal>;
    /// The one edit that carries out the import: one undo step.
    fn edit(&self) -> Edit;
}

/// Why an import cannot go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No line of the source was accepted.
    Nothing(source::TableKind),
    /// The plan has a budget by goal: the user must say which basis makes its key figures.
    BasisUnanswered,
}

/// Why an export could not be made or written. Rendered for the user by [`ExportError::message`].
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output file exists and overwriting was not asked for.
    #[error("{}: the file exists (use --force to overwrite it)", path.display())]
    Exists { path: PathBuf },
    /// The output (file or folder) could not be written.
    #[error("{}: cannot write: {problem}", path.display())]
    Write {
        path: PathBuf,
        problem: crate::store::SaveProblem,
    },
    /// The CSV destination exists but is not a folder.
    #[error("{}: not a folder", path.display())]
    NotAFolder { path: PathBuf },
    /// The spreadsheet library refused the workbook (a bug in Planbord, not in the plan).
    #[error("cannot build the workbook: {reason}")]
    Workbook { reason: String },
    /// An output path is the plan file itself.
    #[error("{}: this is the plan file itself", path.display())]
    WouldOverwritePlan { path: PathBuf },
    /// No output was asked for.
    #[error("nothing to export")]
    NothingToExport,
    /// The fonts built into Planbord could not be read (a damaged program, not a bad plan).
    #[error("the built-in fonts cannot be read")]
    Font,
    /// The PDF library refused the document (a bug in Planbord, not in the plan).
    #[error("cannot build the PDF: {reason}")]
    Pdf { reason: String },
}

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
                let source = crate::messages::save_problem(problem, lang);
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
