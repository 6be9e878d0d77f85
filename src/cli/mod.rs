//! The command line: `planbord [FILE...]` opens the window; the subcommands check, summarise,
//! format, compare, export, import, merge and diff plan files (see README, "Command line").
//!
//! [`run_command`] is one match that hands each command to its function: the plan's own
//! commands in [`plan`], the exchange with funders and accounting in [`exchange`], teams and
//! scenarios in [`team`]. Every message goes through [`Console`] in the user's language.

mod exchange;
mod plan;
mod team;

use crate::i18n::{Lang, tr};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
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

/// Where a command writes, and in which language.
pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub lang: Lang,
}

impl Console<'_> {
    /// Writes a line of output.
    fn say(&mut self, line: impl std::fmt::Display) {
        let _ = writeln!(self.out, "{line}");
    }

    /// Writes "fout: MESSAGE" (in the user's language) to the error stream; exit code 1.
    fn failed(&mut self, message: impl std::fmt::Display) -> ExitCode {
        let _ = writeln!(self.err, "{}: {message}", tr(self.lang).cli_error);
        ExitCode::FAILURE
    }

    /// Writes text that is already laid out; a closed output is a failure.
    fn write(&mut self, text: &str) -> ExitCode {
        match self.out.write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => self.failed(tr(self.lang).cli_output_failed),
        }
    }
}

/// Runs a subcommand, writing to `out` and `err`; returns the process exit code.
pub fn run_command(
    command: &Command,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let console = &mut Console { out, err, lang };
    match command {
        Command::Check { file } => plan::check(file, console),
        Command::Summary {
            file,
            format,
            actuals,
        } => plan::summary(file, *format, *actuals, console),
        Command::Fmt { file } => plan::fmt(file, console),
        Command::Generate {
            out,
            scale,
            years,
            force,
        } => plan::generate(out, *scale, *years, *force, console),
        Command::Compare {
            files,
            base,
            format,
        } => team::compare(files, *base, *format, console),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
            prefer,
        } => {
            let paths = team::MergePaths {
                base,
                ours,
                theirs,
                output: output.as_deref().unwrap_or(ours),
            };
            team::merge(&paths, *prefer, console)
        }
        Command::Diff { files } => team::diff(files, console),
        Command::Export {
            file,
            xlsx,
            csv,
            pdf,
            plain,
            force,
        } => {
            let request = exchange::ExportRequest {
                xlsx: xlsx.as_deref(),
                csv: csv.as_deref(),
                pdf: pdf.as_deref(),
                today: exchange::today(),
                notation: if *plain {
                    crate::exchange::csv::CsvNotation::Plain
                } else {
                    crate::exchange::csv::CsvNotation::Belgian
                },
                force: *force,
            };
            exchange::export(file, &request, console)
        }
        Command::ImportBudget {
            file,
            source,
            dry_run,
            basis,
            keep_missing,
        } => {
            let files = exchange::ImportFiles {
                file,
                source,
                dry_run: *dry_run,
            };
            exchange::import_budget(&files, *basis, *keep_missing, console)
        }
        Command::ImportActuals {
            file,
            source,
            year,
            dry_run,
        } => {
            let files = exchange::ImportFiles {
                file,
                source,
                dry_run: *dry_run,
            };
            exchange::import_actuals(&files, *year, console)
        }
    }
}
