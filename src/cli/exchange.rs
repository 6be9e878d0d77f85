//! Funders and accounting: `export` (XLSX, CSV, PDF), `import-budget`, `import-actuals`.

use super::{Basis, Console};
use crate::edit::{Document, Edit};
use crate::exchange::csv::{CsvNotation, write_csv};
use crate::exchange::source::{MAX_SOURCE_BYTES, SourceKind};
use crate::exchange::{ExportError, Preview, Refusal, import, import_actuals};
use crate::i18n::{Lang, tr};
use crate::model::{BudgetBasis, Plan};
use crate::{calc, store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Today's date, `YYYY-MM-DD` (UTC).
pub(super) fn today() -> String {
    let now = store::recovery::format_unix(store::recovery::now_unix());
    now.get(..10).unwrap_or(&now).to_string()
}

/// What `planbord export` is asked to write.
pub(super) struct ExportRequest<'a> {
    pub(super) xlsx: Option<&'a Path>,
    pub(super) csv: Option<&'a Path>,
    pub(super) pdf: Option<&'a Path>,
    /// `YYYY-MM-DD`, the date on the PDF's title page.
    pub(super) today: String,
    pub(super) notation: CsvNotation,
    pub(super) force: bool,
}

/// `planbord export`: the plan's tables. Nothing is written unless every output can be:
/// existing files are refused (all of them listed) without `--force`; each file is written
/// atomically.
pub(super) fn export(file: &Path, request: &ExportRequest, console: &mut Console) -> ExitCode {
    let lang = console.lang;
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    match export_files(file, &plan, request, lang) {
        Ok(lines) => {
            for line in lines {
                console.say(line);
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                console.failed(e.message(lang));
            }
            ExitCode::FAILURE
        }
    }
}

/// Builds and writes the outputs; returns the lines to print, or every reason it refused.
fn export_files(
    file: &Path,
    plan: &Plan,
    request: &ExportRequest,
    lang: Lang,
) -> Result<Vec<String>, Vec<ExportError>> {
    let t = tr(lang);
    if request.xlsx.is_none() && request.csv.is_none() && request.pdf.is_none() {
        return Err(vec![ExportError::NothingToExport]);
    }
    let summary = calc::summarize(plan);
    let tables = crate::exchange::tables::plan_tables(plan, &summary, lang);
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut done = Vec::new();
    if let Some(path) = request.xlsx {
        let bytes =
            crate::exchange::xlsx::write_xlsx(&tables, &plan.meta, lang).map_err(|e| vec![e])?;
        outputs.push((path.to_path_buf(), bytes));
        done.push(format!(
            "{}: {} {}",
            path.display(),
            tables.len(),
            t.sheets_written
        ));
    }
    if let Some(dir) = request.csv {
        if store::disk::exists(dir) && !store::disk::is_folder(dir) {
            return Err(vec![ExportError::NotAFolder {
                path: dir.to_path_buf(),
            }]);
        }
        for table in &tables {
            let text = write_csv(table, request.notation);
            outputs.push((dir.join(format!("{}.csv", table.key)), text.into_bytes()));
        }
        let notation = match request.notation {
            CsvNotation::Belgian => t.belgian_notation,
            CsvNotation::Plain => t.plain_notation,
        };
        done.push(format!(
            "{}: {} {} ({notation})",
            dir.display(),
            tables.len(),
            t.csv_files_written
        ));
    }
    if let Some(path) = request.pdf {
        let bytes = crate::exchange::pdf::write_pdf(plan, &summary, lang, &request.today)
            .map_err(|e| vec![e])?;
        outputs.push((path.to_path_buf(), bytes));
        done.push(format!("{}: {}", path.display(), t.pdf_written));
    }
    let mut refused = Vec::new();
    for (path, _) in &outputs {
        if store::disk::same_file(path, file) {
            refused.push(ExportError::WouldOverwritePlan { path: path.clone() });
        } else if store::disk::exists(path) && !request.force {
            refused.push(ExportError::Exists { path: path.clone() });
        }
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    if let Some(dir) = request.csv {
        store::disk::create_folder(dir).map_err(|e| {
            vec![ExportError::Write {
                path: dir.to_path_buf(),
                problem: store::SaveProblem::from_io(&e),
            }]
        })?;
    }
    for (path, bytes) in &outputs {
        store::write_atomic(path, bytes).map_err(|e| {
            vec![ExportError::Write {
                path: path.clone(),
                problem: e.problem,
            }]
        })?;
    }
    Ok(done)
}

/// The files of an import command.
pub(super) struct ImportFiles<'a> {
    /// The plan to import into.
    pub(super) file: &'a Path,
    /// The table to import.
    pub(super) source: &'a Path,
    /// Print the preview only.
    pub(super) dry_run: bool,
}

/// The import pipeline on the command line, the same for every importer: the plan, the bounded
/// read of the source, the importer's reading and preview (`read`), the preview printed, then
/// the one edit saved (keeping a backup) unless the preview refuses or `--dry-run` is given.
/// Exit 0 when imported (rejected rows are listed), 1 when nothing could be imported, a
/// question is unanswered, or a file cannot be read or written.
fn run_import<P: Preview>(
    files: &ImportFiles,
    console: &mut Console,
    read: impl FnOnce(&Plan, &[u8], SourceKind) -> Result<P, String>,
) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let (file, source) = (files.file, files.source);
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    let bytes = match store::read_bounded(source, MAX_SOURCE_BYTES as u64) {
        Ok(bytes) => bytes,
        Err(e) => return console.failed(crate::i18n::errors::read_error(&e, lang)),
    };
    let kind = SourceKind::detect(Some(source), &bytes);
    let preview = match read(&plan, &bytes, kind) {
        Ok(preview) => preview,
        Err(message) => return console.failed(format!("{}: {message}", source.display())),
    };
    if console.write(&preview.describe(lang)) != ExitCode::SUCCESS {
        return ExitCode::FAILURE;
    }
    match preview.refusal() {
        None => {}
        Some(Refusal::Nothing(kind)) => {
            let nothing = match kind {
                crate::exchange::source::TableKind::Accounts => t.import_nothing,
                crate::exchange::source::TableKind::Results => t.actuals_import_nothing,
            };
            return console.failed(format!("{}: {nothing}", source.display()));
        }
        Some(Refusal::BasisUnanswered) => {
            console.say(format!("\n{}", t.cli_choose_basis));
            if files.dry_run {
                return ExitCode::SUCCESS;
            }
            return console.failed(format!("{}: {}", file.display(), t.cli_basis_needed));
        }
    }
    save_import(file, &plan, preview.edit(), files.dry_run, console)
}

/// `planbord import-budget`: a budget by account into the plan.
pub(super) fn import_budget(
    files: &ImportFiles,
    basis: Option<Basis>,
    keep_missing: bool,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    run_import(files, console, |plan, bytes, kind| {
        let imported =
            import::read_budget_source(bytes, kind, plan.years()).map_err(|e| e.describe(lang))?;
        let mut preview = import::preview(plan, &imported);
        if let Some(basis) = basis {
            preview.basis_choice = Some(match basis {
                Basis::Accounts => BudgetBasis::Accounts,
                Basis::Goals => BudgetBasis::Goals,
            });
        }
        preview.remove_missing = !keep_missing;
        Ok(preview)
    })
}

/// `planbord import-actuals`: the realised result lines of one year into the plan.
pub(super) fn import_actuals(files: &ImportFiles, year: i32, console: &mut Console) -> ExitCode {
    let lang = console.lang;
    run_import(files, console, |plan, bytes, kind| {
        let imported = import_actuals::read_actuals_source(bytes, kind, plan, year)
            .map_err(|e| e.describe(lang))?;
        Ok(import_actuals::preview(plan, &imported))
    })
}

/// Applies the edit of an import to the plan and saves it (keeping a backup), unless it changes
/// nothing or `dry_run` is set; says which in the user's language.
fn save_import(
    file: &Path,
    plan: &Plan,
    edit: Edit,
    dry_run: bool,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let mut doc = Document::new(plan.clone());
    if let Err(e) = doc.apply(edit) {
        return console.failed(format!("{}: {}", file.display(), e.message(lang)));
    }
    if doc.plan() == plan {
        console.say(format!("\n{}: {}", file.display(), t.cli_import_unchanged));
        return ExitCode::SUCCESS;
    }
    if dry_run {
        console.say(format!("\n{}", t.cli_dry_run));
        return ExitCode::SUCCESS;
    }
    match store::save(doc.plan(), file) {
        Ok(()) => {
            console.say(format!(
                "\n{}: {} {}",
                file.display(),
                t.cli_saved_backup_in,
                store::backup_path(file).display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => console.failed(crate::i18n::errors::save_error(&e, lang)),
    }
}
