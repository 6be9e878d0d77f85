//! The command line: `planbord [FILE...]`, `planbord check FILE`, `planbord summary FILE`,
//! `planbord compare A B`, `planbord export FILE --xlsx OUT --csv DIR --pdf OUT.pdf`,
//! `planbord import-budget FILE SOURCE`, `planbord merge BASE OURS THEIRS [-o OUT]`,
//! `planbord diff A B`.

use crate::exchange::ExportError;
use crate::exchange::csv::{CsvNotation, write_csv};
use crate::exchange::import::{self, SourceKind};
use crate::i18n::{Lang, tr};
use crate::model::BudgetBasis;
use crate::{calc, merge, report, store};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "planbord",
    version,
    about = "Meerjarige beleidsplannen opstellen en vergelijken"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan files to open in the editor.
    pub files: Vec<PathBuf>,
    /// Panel to open the editor on.
    #[arg(long, value_enum)]
    pub panel: Option<crate::ui::Panel>,
    /// Goal to select in the goal tree, by code (e.g. SD1.OD2).
    #[arg(long)]
    pub goal: Option<String>,
    /// Language of messages, tables and reports: `nl` or `en` (default: the system's language,
    /// Dutch when it is Dutch or unknown).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

/// The language asked for, else the system's (`LC_ALL`, `LC_MESSAGES`, `LANG`): English when it
/// is English, Dutch otherwise.
pub fn resolve_lang(asked: Option<Lang>) -> Lang {
    if let Some(lang) = asked {
        return lang;
    }
    let system = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if system.to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Nl
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that a plan file loads; print its consistency warnings.
    Check { file: PathBuf },
    /// Print the yearly key figures of a plan.
    Summary {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Add the realised figures (`actual.*`) and their differences with the plan (`diff.*`)
        /// for the years that have actuals.
        #[arg(long)]
        actuals: bool,
    },
    /// Rewrite a plan file in Planbord's own layout (after editing it by hand).
    Fmt { file: PathBuf },
    /// Compare 2 to 4 scenario files: verdicts, key figures per year and over the period,
    /// cumulative balance and reserves, differences to the base, changes.
    Compare {
        #[arg(num_args = 2..=4, required = true)]
        files: Vec<PathBuf>,
        /// The base scenario: its position among the files (1 = first).
        #[arg(long, default_value_t = 1)]
        base: usize,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Export the plan's tables: an XLSX workbook (one sheet per table) and/or CSV files.
    Export {
        file: PathBuf,
        /// Write the tables as an XLSX workbook to this file.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
        /// Write the tables as CSV files (one per table, e.g. fte.csv) into this folder (created
        /// when missing).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Write the whole plan as an A4 PDF report to this file.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// CSV in plain notation (`,`, decimal point, no BOM) instead of Belgian (`;`, decimal
        /// comma, UTF-8 with BOM).
        #[arg(long)]
        plain: bool,
        /// Overwrite existing output files.
        #[arg(long)]
        force: bool,
    },
    /// Import a budget by account (CSV or XLSX from accounting) into a plan file: prints a
    /// preview, then saves the plan (the previous version is kept as FILE.bak).
    ImportBudget {
        /// The plan file to import into.
        file: PathBuf,
        /// The accounts table: CSV (`;` or `,`) or XLSX.
        source: PathBuf,
        /// Print the preview only; leave the plan file untouched.
        #[arg(long)]
        dry_run: bool,
        /// The plan's budget basis after the import: `accounts` (the accounts make the key
        /// figures) or `goals` (they stay with the budget by goal). A plan without goal amounts
        /// switches to `accounts` unless told; a plan with goal amounts must be told.
        #[arg(long, value_enum)]
        basis: Option<Basis>,
        /// Keep the plan's lines that the source's sections lack (by default they are removed,
        /// so the plan's account totals equal the source).
        #[arg(long)]
        keep_missing: bool,
    },
    /// Merge two versions of a plan that come from one common version: a three-way merge by
    /// stable id and field, e.g. as git's merge driver (see README). Exit 0: merged; 1: merged
    /// with conflicts (listed; the merged plan takes one side and keeps the list for the
    /// editor's Conflicts panel); 2: a file could not be read or written (nothing written).
    Merge {
        /// The common version (git's %O); an empty file means there is none.
        base: PathBuf,
        /// Our version (git's %A); the merged plan goes here unless -o names another file.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// Write the merged plan to this file instead of OURS.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// The side a conflict takes in the merged plan (the other value stays in the list).
        #[arg(long, value_enum, default_value_t = Prefer::Ours)]
        prefer: Prefer,
    },
    /// The changes from plan A to plan B in words. Also git's external diff: given git's seven
    /// arguments (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE) it compares OLD-FILE
    /// and NEW-FILE (see README).
    Diff {
        /// A B, or git's seven arguments.
        #[arg(num_args = 2..=7, required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a large plan for trials and benchmarks: the Socius plan's goals copied SCALE times
    /// (fresh ids and codes) over YEARS years.
    Generate {
        out: PathBuf,
        #[arg(long, default_value_t = 100)]
        scale: usize,
        #[arg(long, default_value_t = 10)]
        years: usize,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Import the realised result of one year (CSV or XLSX of result lines) into a plan file:
    /// prints a preview, then saves the plan (the previous version is kept as FILE.bak). The
    /// year's result lines and printed totals are replaced; its staff, indicators, output and
    /// activities stay.
    ImportActuals {
        /// The plan file to import into.
        file: PathBuf,
        /// The result lines: CSV (`;` or `,`) or XLSX, with the columns omschrijving/name and
        /// bedrag/amount (or the year), optionally zijde/side, categorie/category, doel/goal and
        /// rekening/account.
        source: PathBuf,
        /// The plan year the results are of.
        #[arg(long)]
        year: i32,
        /// Print the preview only; leave the plan file untouched.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Which side a merge conflict takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Prefer {
    Ours,
    Theirs,
}

/// The budget basis a plan gets with an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Basis {
    Accounts,
    Goals,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

/// Runs a subcommand, writing to `out` and `err`; returns the process exit code.
pub fn run_command(
    command: &Command,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    if let Command::Compare {
        files,
        base,
        format,
    } = command
    {
        return compare(files, *base, *format, lang, out, err);
    }
    if let Command::Export {
        file,
        xlsx,
        csv,
        pdf,
        plain,
        force,
    } = command
    {
        let notation = if *plain {
            CsvNotation::Plain
        } else {
            CsvNotation::Belgian
        };
        let request = ExportRequest {
            xlsx: xlsx.as_deref(),
            csv: csv.as_deref(),
            pdf: pdf.as_deref(),
            today: today(),
            notation,
            force: *force,
            lang,
        };
        return export(file, &request, out, err);
    }
    if let Command::Merge {
        base,
        ours,
        theirs,
        output,
        prefer,
    } = command
    {
        let paths = MergePaths {
            base,
            ours,
            theirs,
            output: output.as_deref().unwrap_or(ours),
        };
        return merge_files(&paths, *prefer, lang, out, err);
    }
    if let Command::Generate {
        out: path,
        scale,
        years,
        force,
    } = command
    {
        return generate(path, *scale, *years, *force, lang, out, err);
    }
    if let Command::Diff { files } = command {
        return diff_files(files, lang, out, err);
    }
    if let Command::ImportBudget {
        file,
        source,
        dry_run,
        basis,
        keep_missing,
    } = command
    {
        let request = BudgetRequest {
            file,
            source,
            dry_run: *dry_run,
            basis: *basis,
            keep_missing: *keep_missing,
            lang,
        };
        return import_budget(&request, out, err);
    }
    if let Command::ImportActuals {
        file,
        source,
        year,
        dry_run,
    } = command
    {
        let request = ActualsRequest {
            file,
            source,
            year: *year,
            dry_run: *dry_run,
            lang,
        };
        return import_actuals(&request, out, err);
    }
    if let Command::Fmt { file } = command {
        return fmt(file, lang, out, err);
    }
    let (Command::Check { file } | Command::Summary { file, .. }) = command else {
        return ExitCode::FAILURE;
    };
    let t = tr(lang);
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    let summary = calc::summarize(&plan);
    let written = match command {
        Command::Check { file } => {
            let mut text = format!(
                "{}: ok ({} {}, {} {}, {} {})\n",
                file.display(),
                plan.strategic_goals.len(),
                t.cli_strategic_goals,
                plan.operational_goals().count(),
                t.cli_operational_goals,
                summary.years.len(),
                t.cli_years
            );
            if summary.warnings.is_empty() {
                text.push_str(t.cli_no_warnings);
                text.push('\n');
            }
            for warning in &summary.warnings {
                text.push_str(&format!(
                    "{}: {}\n",
                    t.cli_warning,
                    report::describe_warning(warning, lang)
                ));
            }
            // Left by a merge: to pick in the editor (paneel Conflicten).
            for conflict in &plan.conflicts {
                text.push_str(&format!(
                    "{}: {}\n",
                    t.cli_conflict,
                    merge::texts::describe(conflict, &plan, lang)
                ));
            }
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())
        }
        Command::Fmt { .. } => Ok(()),
        Command::Compare { .. }
        | Command::Export { .. }
        | Command::ImportBudget { .. }
        | Command::ImportActuals { .. }
        | Command::Merge { .. }
        | Command::Generate { .. }
        | Command::Diff { .. } => Ok(()),
        Command::Summary {
            format, actuals, ..
        } => match format {
            Format::Csv => out.write_all(report::csv_with(&summary, *actuals).as_bytes()),
            Format::Table => {
                out.write_all(report::table_with(&plan, &summary, *actuals, lang).as_bytes())
            }
        }
        .map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => failed(err, lang, t.cli_output_failed),
    }
}

/// Loads the scenarios to compare; the name is the scenario name, else the file name.
pub fn load_scenarios(
    files: &[PathBuf],
) -> Result<Vec<crate::compare::Scenario>, store::LoadError> {
    files
        .iter()
        .map(|f| {
            let plan = store::load(f)?;
            let name = f.file_stem().map_or_else(
                || f.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            Ok(crate::compare::Scenario::new(name, plan))
        })
        .collect()
}

fn compare(
    files: &[PathBuf],
    base: usize,
    format: Format,
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    if base == 0 || base > files.len() {
        let choose = crate::i18n::fill(tr(lang).cli_choose_base, &[&files.len().to_string()]);
        return failed(err, lang, format!("--base {base}: {choose}"));
    }
    let scenarios = match load_scenarios(files) {
        Ok(s) => s,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    let comparison = crate::compare::Comparison::new(scenarios, base - 1);
    let text = match format {
        Format::Csv => crate::compare::csv_report(&comparison),
        Format::Table => crate::compare::text_report(&comparison, lang),
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => failed(err, lang, tr(lang).cli_output_failed),
    }
}

/// Today's date, `YYYY-MM-DD` (UTC).
fn today() -> String {
    let now = store::recovery::format_unix(store::recovery::now_unix());
    now.get(..10).unwrap_or(&now).to_string()
}

/// What `planbord export` is asked to write.
pub struct ExportRequest<'a> {
    pub xlsx: Option<&'a Path>,
    pub csv: Option<&'a Path>,
    pub pdf: Option<&'a Path>,
    /// `YYYY-MM-DD`, the date on the PDF's title page.
    pub today: String,
    pub notation: CsvNotation,
    pub force: bool,
    pub lang: Lang,
}

/// Exports the plan's tables. Nothing is written unless every output can be: existing files are
/// refused (all of them listed) without `--force`; each file is written atomically.
fn export(
    file: &Path,
    request: &ExportRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let lang = request.lang;
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    match export_files(file, &plan, request) {
        Ok(lines) => {
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                failed(err, lang, e.message(lang));
            }
            ExitCode::FAILURE
        }
    }
}

/// Builds and writes the outputs; returns the lines to print, or every reason it refused.
fn export_files(
    file: &Path,
    plan: &crate::model::Plan,
    request: &ExportRequest,
) -> Result<Vec<String>, Vec<ExportError>> {
    let t = tr(request.lang);
    if request.xlsx.is_none() && request.csv.is_none() && request.pdf.is_none() {
        return Err(vec![ExportError::NothingToExport]);
    }
    let summary = calc::summarize(plan);
    let tables = crate::exchange::tables::plan_tables(plan, &summary, request.lang);
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut done = Vec::new();
    if let Some(path) = request.xlsx {
        let bytes = crate::exchange::xlsx::write_xlsx(&tables, &plan.meta, request.lang)
            .map_err(|e| vec![e])?;
        outputs.push((path.to_path_buf(), bytes));
        done.push(format!(
            "{}: {} {}",
            path.display(),
            tables.len(),
            t.sheets_written
        ));
    }
    if let Some(dir) = request.csv {
        if dir.exists() && !dir.is_dir() {
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
        let bytes = crate::exchange::pdf::write_pdf(plan, &summary, request.lang, &request.today)
            .map_err(|e| vec![e])?;
        outputs.push((path.to_path_buf(), bytes));
        done.push(format!("{}: {}", path.display(), t.pdf_written));
    }
    let plan_file = std::fs::canonicalize(file).ok();
    let mut refused = Vec::new();
    for (path, _) in &outputs {
        if plan_file.is_some() && std::fs::canonicalize(path).ok() == plan_file {
            refused.push(ExportError::WouldOverwritePlan { path: path.clone() });
        } else if path.exists() && !request.force {
            refused.push(ExportError::Exists { path: path.clone() });
        }
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    if let Some(dir) = request.csv {
        std::fs::create_dir_all(dir).map_err(|source| {
            vec![ExportError::Write {
                path: dir.to_path_buf(),
                source,
            }]
        })?;
    }
    for (path, bytes) in &outputs {
        store::write_atomic(path, bytes).map_err(|e| {
            vec![ExportError::Write {
                path: path.clone(),
                source: std::io::Error::other(e.problem.to_string()),
            }]
        })?;
    }
    Ok(done)
}
/// What `planbord import-budget` was asked.
struct BudgetRequest<'a> {
    file: &'a Path,
    source: &'a Path,
    dry_run: bool,
    basis: Option<Basis>,
    keep_missing: bool,
    lang: Lang,
}

/// `planbord import-budget`: exit 0 when lines were imported (rejected rows are listed), 1 when
/// nothing could be imported, the basis must be chosen, or a file cannot be read or written.
fn import_budget(request: &BudgetRequest, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let BudgetRequest {
        file,
        source,
        dry_run,
        basis,
        keep_missing,
        lang,
    } = *request;
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    let bytes = match read_source(source) {
        Ok(bytes) => bytes,
        Err(e) => return failed(err, lang, crate::messages::read_error(&e, lang)),
    };
    let kind = SourceKind::detect(Some(source), &bytes);
    let imported = match import::read_budget_source(&bytes, kind, plan.years()) {
        Ok(imported) => imported,
        Err(e) => {
            return failed(
                err,
                lang,
                format!("{}: {}", source.display(), e.describe(lang)),
            );
        }
    };
    let mut preview = import::preview(&plan, &imported);
    if let Some(basis) = basis {
        preview.basis_choice = Some(match basis {
            Basis::Accounts => BudgetBasis::Accounts,
            Basis::Goals => BudgetBasis::Goals,
        });
    }
    preview.remove_missing = !keep_missing;
    let _ = out.write_all(preview.describe(lang).as_bytes());
    if preview.imported.line_count() == 0 {
        return failed(
            err,
            lang,
            format!("{}: {}", source.display(), tr(lang).import_nothing),
        );
    }
    if preview.basis_unanswered() {
        let _ = writeln!(out, "\n{}", tr(lang).cli_choose_basis);
        if dry_run {
            return ExitCode::SUCCESS;
        }
        return failed(
            err,
            lang,
            format!("{}: {}", file.display(), tr(lang).cli_basis_needed),
        );
    }
    save_import(file, &plan, preview.edit(), dry_run, lang, out, err)
}

/// Reads a table to import: a regular file of at most [`import::MAX_SOURCE_BYTES`].
fn read_source(source: &Path) -> Result<Vec<u8>, store::ReadError> {
    store::read_bounded(source, import::MAX_SOURCE_BYTES as u64)
}

/// Applies the edit of an import to the plan and saves it (keeping a backup), unless it changes
/// nothing or `dry_run` is set; says which in the user's language.
fn save_import(
    file: &Path,
    plan: &crate::model::Plan,
    edit: crate::edit::Edit,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let mut doc = crate::edit::Document::new(plan.clone());
    if let Err(e) = doc.apply(edit) {
        return failed(
            err,
            lang,
            format!("{}: {}", file.display(), e.message(lang)),
        );
    }
    let (unchanged, dry, saved) = match lang {
        Lang::Nl => (
            "het plan verandert niet; niets opgeslagen",
            "--dry-run: het plan is niet gewijzigd",
            "opgeslagen; de vorige versie staat in",
        ),
        Lang::En => (
            "the plan does not change; nothing saved",
            "--dry-run: the plan was not changed",
            "saved; the previous version is in",
        ),
    };
    if doc.plan() == plan {
        let _ = writeln!(out, "\n{}: {unchanged}", file.display());
        return ExitCode::SUCCESS;
    }
    if dry_run {
        let _ = writeln!(out, "\n{dry}");
        return ExitCode::SUCCESS;
    }
    match store::save(doc.plan(), file) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "\n{}: {saved} {}",
                file.display(),
                store::backup_path(file).display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => failed(err, lang, crate::messages::save_error(&e, lang)),
    }
}

/// The files of `planbord merge`.
struct MergePaths<'a> {
    base: &'a Path,
    ours: &'a Path,
    theirs: &'a Path,
    output: &'a Path,
}

/// `planbord merge`: exit 0 merged, 1 merged with conflicts, 2 when a file cannot be read or
/// written (then nothing is written).
fn merge_files(
    paths: &MergePaths,
    prefer: Prefer,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let error_word = match lang {
        Lang::Nl => "fout",
        Lang::En => "error",
    };
    let mut fail = |message: String| {
        let _ = writeln!(err, "{error_word}: {message}");
        ExitCode::from(2)
    };
    let load = |path: &Path| store::load(path).map_err(|e| crate::messages::load_error(&e, lang));
    // git gives an empty file as the common version when there is none (both added the file).
    let base = match std::fs::metadata(paths.base) {
        Ok(meta) if meta.is_file() && meta.len() == 0 => None,
        _ => match load(paths.base) {
            Ok(plan) => Some(plan),
            Err(message) => return fail(message),
        },
    };
    let (ours, theirs) = match (load(paths.ours), load(paths.theirs)) {
        (Ok(ours), Ok(theirs)) => (ours, theirs),
        (Err(message), _) | (_, Err(message)) => return fail(message),
    };
    let side = match prefer {
        Prefer::Ours => merge::Side::Ours,
        Prefer::Theirs => merge::Side::Theirs,
    };
    let outcome = match &base {
        Some(base) => merge::merge(base, &ours, &theirs, side),
        None => merge::merge_without_base(&ours, &theirs, side),
    };
    let text = store::to_ron_string(&outcome.plan);
    if let Err(e) = store::write_atomic(paths.output, text.as_bytes()) {
        return fail(crate::messages::save_error(&e, lang));
    }
    let plan = &outcome.plan;
    for conflict in &outcome.conflicts {
        let _ = writeln!(out, "- {}", merge::texts::describe(conflict, plan, lang));
    }
    for note in &outcome.notes {
        let merge::MergeNote::CodeChanged { from, to, .. } = note;
        let _ = writeln!(out, "* {}", crate::i18n::merge_code_changed(lang, from, to));
    }
    let _ = writeln!(
        out,
        "{}",
        crate::i18n::merge_result(
            lang,
            &paths.output.display().to_string(),
            outcome.conflicts.len(),
            prefer == Prefer::Ours
        )
    );
    if outcome.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `planbord diff A B` (or git's seven arguments): the changes in words. Exit 0 when both files
/// could be read (also with changes: git takes any other exit as a failure), 2 otherwise.
fn diff_files(files: &[PathBuf], lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let (name, a, b) = match files {
        [a, b] => (None, a, b),
        [path, old, _, _, new, _, _] => (Some(path), old, new),
        _ => {
            failed(err, lang, tr(lang).cli_diff_usage);
            return ExitCode::from(2);
        }
    };
    // git names a file that is not there (added or deleted) /dev/null.
    let load = |path: &Path| -> Result<Option<crate::model::Plan>, String> {
        if path == Path::new("/dev/null") {
            return Ok(None);
        }
        store::load(path)
            .map(Some)
            .map_err(|e| crate::messages::load_error(&e, lang))
    };
    let (a, b) = match (load(a), load(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(message), _) | (_, Err(message)) => {
            failed(err, lang, message);
            return ExitCode::from(2);
        }
    };
    if let Some(name) = name {
        let _ = writeln!(out, "planbord diff {}", name.display());
    }
    let lines = match (&a, &b) {
        (Some(a), Some(b)) => diff_lines(a, b, lang),
        (None, Some(_)) => vec![tr(lang).diff_new_plan.to_string()],
        (Some(_), None) => vec![tr(lang).diff_removed_plan.to_string()],
        (None, None) => Vec::new(),
    };
    if lines.is_empty() {
        let _ = writeln!(out, "{}", tr(lang).diff_no_changes);
    }
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    ExitCode::SUCCESS
}

/// The structural changes from `a` to `b`, one sentence each (the comparison's change texts).
fn diff_lines(a: &crate::model::Plan, b: &crate::model::Plan, lang: Lang) -> Vec<String> {
    crate::compare::diff(a, b)
        .changes
        .iter()
        .map(|change| crate::compare::describe_change(change, lang))
        .collect()
}

/// What `planbord import-actuals` is asked to do.
struct ActualsRequest<'a> {
    file: &'a Path,
    source: &'a Path,
    year: i32,
    dry_run: bool,
    lang: Lang,
}

/// Writes "error: MESSAGE" in the user's language; the exit code of a failed command.
fn failed(err: &mut dyn Write, lang: Lang, message: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(err, "{}: {message}", tr(lang).cli_error);
    ExitCode::FAILURE
}

/// `planbord fmt`: rewrites a plan file in Planbord's layout. A file already in that layout is
/// left alone (not even its date changes, so a synced folder or git sees no change).
fn fmt(file: &Path, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let t = tr(lang);
    let loaded = store::read_plan_bytes(file)
        .and_then(|bytes| store::from_bytes(&bytes, file).map(|plan| (bytes, plan)));
    let (bytes, plan) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    let text = store::to_ron_string(&plan);
    if text.as_bytes() == bytes.as_slice() {
        let _ = writeln!(out, "{}: {}", file.display(), t.cli_already_formatted);
        return ExitCode::SUCCESS;
    }
    match store::save_bytes(text.as_bytes(), file, store::SaveOptions::default()) {
        Ok(()) => {
            let _ = writeln!(out, "{}: {}", file.display(), t.cli_rewritten);
            ExitCode::SUCCESS
        }
        Err(e) => failed(err, lang, crate::messages::save_error(&e, lang)),
    }
}

/// `planbord import-actuals`: exit 0 when lines were imported (rejected rows are listed), 1 when
/// nothing could be imported or a file cannot be read or written.
fn import_actuals(request: &ActualsRequest, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    use crate::exchange::import_actuals as actuals;
    let ActualsRequest {
        file,
        source,
        year,
        dry_run,
        lang,
    } = *request;
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return failed(err, lang, crate::messages::load_error(&e, lang)),
    };
    let bytes = match read_source(source) {
        Ok(bytes) => bytes,
        Err(e) => return failed(err, lang, crate::messages::read_error(&e, lang)),
    };
    let kind = SourceKind::detect(Some(source), &bytes);
    let imported = match actuals::read_actuals_source(&bytes, kind, &plan, year) {
        Ok(imported) => imported,
        Err(e) => {
            return failed(
                err,
                lang,
                format!("{}: {}", source.display(), e.describe(lang)),
            );
        }
    };
    let preview = actuals::preview(&plan, &imported);
    let _ = out.write_all(preview.describe(lang).as_bytes());
    if !preview.can_import() {
        let nothing = tr(lang).actuals_import_nothing;
        return failed(err, lang, format!("{}: {nothing}", source.display()));
    }
    save_import(file, &plan, preview.edit(), dry_run, lang, out, err)
}

/// `planbord generate`: a large valid plan, written atomically; an existing file only with
/// `--force`.
fn generate(
    path: &Path,
    scale: usize,
    years: usize,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let t = tr(lang);
    if path.exists() && !force {
        let _ = writeln!(
            err,
            "{}: {}: {}",
            t.cli_error,
            path.display(),
            t.cli_exists_use_force
        );
        return ExitCode::FAILURE;
    }
    let plan = crate::generate::large_plan(&crate::generate::socius(), scale, years);
    match store::write_atomic(path, store::to_ron_string(&plan).as_bytes()) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "{}: {} {}, {} {}, {} {}",
                path.display(),
                plan.strategic_goals.len(),
                t.cli_strategic_goals,
                plan.operational_goals().count(),
                t.cli_operational_goals,
                plan.year_count(),
                t.cli_years
            );
            ExitCode::SUCCESS
        }
        Err(e) => failed(err, lang, crate::messages::save_error(&e, lang)),
    }
}
