//! Exports (XLSX, CSV) and the budget import from the window: choose a file, write or read it,
//! say what happened. The tables and the import preview come from [`crate::exchange`]; only the
//! files are handled here.

use super::{Dialog, PathPurpose, PlanApp, Tone};
use crate::exchange::csv::{CsvNotation, write_csv};
use crate::exchange::import::{self, ImportPreview, SourceKind};
use crate::exchange::tables::plan_tables;
use crate::i18n::tr;
use crate::store;
use std::path::{Path, PathBuf};

/// What a file chosen for an exchange is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeKind {
    Xlsx,
    CsvFolder,
    Pdf,
    ImportBudget,
}

impl PlanApp {
    /// A path next to the plan with another extension (or in the documents folder).
    fn export_proposal(&self, suffix: &str) -> PathBuf {
        let base = self.save_as_proposal();
        let stem = base.file_stem().unwrap_or_default().to_string_lossy();
        base.with_file_name(format!("{stem}{suffix}"))
    }

    /// Asks where to write the workbook (platform dialog, or a path in the window).
    pub(super) fn export_xlsx(&mut self) {
        let proposal = self.export_proposal(".xlsx");
        if self.native_dialogs {
            let mut dialog = rfd::FileDialog::new().add_filter("Excel", &["xlsx"]);
            if let Some(dir) = proposal.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = proposal.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(path) = dialog.save_file() {
                self.write_export(ExchangeKind::Xlsx, &path, true);
                return;
            }
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::Exchange(ExchangeKind::Xlsx),
            proposal.display().to_string(),
        ));
    }

    /// Asks where to write the PDF report.
    pub(super) fn export_pdf(&mut self) {
        let proposal = self.export_proposal(".pdf");
        if self.native_dialogs {
            let mut dialog = rfd::FileDialog::new().add_filter("PDF", &["pdf"]);
            if let Some(dir) = proposal.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = proposal.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(path) = dialog.save_file() {
                self.write_export(ExchangeKind::Pdf, &path, true);
                return;
            }
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::Exchange(ExchangeKind::Pdf),
            proposal.display().to_string(),
        ));
    }

    /// Asks for the folder of the CSV files.
    pub(super) fn export_csv(&mut self) {
        let proposal = self.export_proposal("-csv");
        if self.native_dialogs
            && let Some(dir) = rfd::FileDialog::new().pick_folder()
        {
            self.write_export(ExchangeKind::CsvFolder, &dir, false);
            return;
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::Exchange(ExchangeKind::CsvFolder),
            proposal.display().to_string(),
        ));
    }

    /// Asks for the accounts table to import.
    pub(super) fn import_budget(&mut self) {
        if self.native_dialogs {
            if let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV, Excel", &["csv", "xlsx", "xls", "ods"])
                .pick_file()
            {
                self.read_budget(&path);
            }
            return;
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::Exchange(ExchangeKind::ImportBudget),
            String::new(),
        ));
    }

    /// A path typed or chosen for an exchange.
    pub(super) fn exchange_path_chosen(&mut self, kind: ExchangeKind, path: &Path) {
        match kind {
            ExchangeKind::Xlsx | ExchangeKind::CsvFolder | ExchangeKind::Pdf => {
                self.write_export(kind, path, true)
            }
            ExchangeKind::ImportBudget => self.read_budget(path),
        }
    }

    /// The files an export writes: (path, bytes), from the open plan and its cached figures.
    fn export_outputs(&self, kind: ExchangeKind, path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let lang = self.prefs.lang;
        let tables = plan_tables(self.plan(), &self.open.summary, lang);
        match kind {
            ExchangeKind::Xlsx => {
                match crate::exchange::xlsx::write_xlsx(&tables, &self.plan().meta, lang) {
                    Ok(bytes) => vec![(path.to_path_buf(), bytes)],
                    Err(_) => Vec::new(),
                }
            }
            ExchangeKind::CsvFolder => tables
                .iter()
                .map(|t| {
                    (
                        path.join(format!("{}.csv", t.key)),
                        write_csv(t, CsvNotation::Belgian).into_bytes(),
                    )
                })
                .collect(),
            ExchangeKind::Pdf => {
                let today =
                    &crate::store::recovery::format_unix(crate::store::recovery::now_unix())[..10];
                match crate::exchange::pdf::write_pdf(self.plan(), &self.open.summary, lang, today)
                {
                    Ok(bytes) => vec![(path.to_path_buf(), bytes)],
                    Err(_) => Vec::new(),
                }
            }
            ExchangeKind::ImportBudget => Vec::new(),
        }
    }

    /// Writes an export. Existing files are only replaced after asking (`confirm`); the plan's
    /// own file never.
    pub(super) fn write_export(&mut self, kind: ExchangeKind, path: &Path, confirm: bool) {
        let t = tr(self.prefs.lang);
        let outputs = self.export_outputs(kind, path);
        if outputs.is_empty() {
            self.set_status(
                Tone::Error,
                format!("{}: {}", path.display(), t.export_failed),
            );
            return;
        }
        let plan_file = self.open.path.as_deref();
        if outputs
            .iter()
            .any(|(p, _)| plan_file.is_some_and(|plan| store::disk::same_file(p, plan)))
        {
            self.set_status(
                Tone::Error,
                format!("{}: {}", path.display(), t.export_would_overwrite_plan),
            );
            return;
        }
        let existing = outputs
            .iter()
            .filter(|(p, _)| store::disk::exists(p))
            .count();
        if confirm && existing > 0 {
            self.show_dialog(Dialog::ConfirmExport {
                kind,
                path: path.to_path_buf(),
                existing,
            });
            return;
        }
        if kind == ExchangeKind::CsvFolder
            && let Err(e) = store::disk::create_folder(path)
        {
            let problem = crate::i18n::errors::write_problem(&e, self.prefs.lang);
            self.set_status(Tone::Error, format!("{}: {problem}", path.display()));
            return;
        }
        for (file, bytes) in &outputs {
            if let Err(e) = store::write_atomic(file, bytes) {
                self.set_status(
                    Tone::Error,
                    crate::i18n::errors::save_error(&e, self.prefs.lang),
                );
                return;
            }
        }
        let message = match kind {
            ExchangeKind::Xlsx => format!(
                "{}: {} {}",
                path.display(),
                plan_tables(self.plan(), &self.open.summary, self.prefs.lang).len(),
                t.sheets_written
            ),
            ExchangeKind::Pdf => format!("{}: {}", path.display(), t.pdf_pages_written),
            _ => format!(
                "{}: {} {}",
                path.display(),
                outputs.len(),
                t.csv_files_written
            ),
        };
        self.set_status(Tone::Success, message);
    }

    /// Reads an accounts table and shows what importing it would do.
    fn read_budget(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let bytes = match read_source(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                let message = crate::i18n::errors::read_error(&e, lang);
                self.set_status(Tone::Error, message.clone());
                self.show_dialog(Dialog::SourceUnreadable(message));
                return;
            }
        };
        let kind = SourceKind::detect(Some(path), &bytes);
        match import::read_budget_source(&bytes, kind, self.plan().years()) {
            Ok(imported) => {
                let preview = import::preview(self.plan(), &imported);
                self.import_preview = Some(preview);
                self.show_dialog(Dialog::ImportBudget);
            }
            Err(e) => {
                let message = format!("{}: {}", path.display(), e.describe(lang));
                self.set_status(Tone::Error, message.clone());
                self.show_dialog(Dialog::SourceUnreadable(message));
            }
        }
    }

    /// The import preview dialog: import (one undoable edit) or cancel.
    pub(super) fn import_preview_dialog_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let t = tr(self.prefs.lang);
        let Some(preview) = self.import_preview.as_mut() else {
            return true;
        };
        // Wide enough for a table of five years beside the section names.
        let screen = ui.ctx().content_rect();
        ui.set_width((screen.width() * 0.8).clamp(460.0, 960.0));
        ui.set_max_height(screen.height() * 0.8);
        match crate::ui::import_ui::import_preview_ui(ui, preview, t) {
            Some(true) => {
                let edit = preview.edit();
                self.import_preview = None;
                self.apply(vec![edit]);
                self.set_status(Tone::Success, t.import_done);
                true
            }
            Some(false) => {
                self.import_preview = None;
                true
            }
            None => false,
        }
    }
}

/// The bytes of a table to import: a regular file of at most the importer's limit.
pub(super) fn read_source(path: &Path) -> Result<Vec<u8>, store::ReadError> {
    store::read_bounded(path, import::MAX_SOURCE_BYTES as u64)
}

/// The preview kept while the import dialog is open.
pub type PendingImport = Option<ImportPreview>;
