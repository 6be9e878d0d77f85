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
    #[error("{}: cannot write: {problem:?}", path.display())]
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
