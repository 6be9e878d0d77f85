//! The command line: `planbord [FILE...]`, `planbord check FILE`, `planbord summary FILE`.

use crate::{calc, report, store};
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
        /// The language of the table (the CSV has machine keys).
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nl => crate::i18n::Lang::Nl,
            LangArg::En => crate::i18n::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

/// Runs a subcommand, writing to `out` and `err`; returns the process exit code.
pub fn run_command(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    if let Command::Compare {
        files,
        base,
        format,
        lang,
    } = command
    {
        return compare(files, *base, *format, (*lang).into(), out, err);
    }
    let (Command::Check { file } | Command::Summary { file, .. } | Command::Fmt { file }) = command
    else {
        return ExitCode::FAILURE;
    };
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let summary = calc::summarize(&plan);
    let written = match command {
        Command::Check { file } => {
            let mut text = format!(
                "{}: ok ({} strategische doelen, {} operationele doelen, {} jaar)\n",
                file.display(),
                plan.strategic_goals.len(),
                plan.operational_goals().count(),
                summary.years.len()
            );
            if summary.warnings.is_empty() {
                text.push_str("geen waarschuwingen\n");
            }
            for warning in &summary.warnings {
                text.push_str(&format!(
                    "waarschuwing: {}\n",
                    report::describe_warning(warning, crate::i18n::Lang::Nl)
                ));
            }
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())
        }
        Command::Fmt { file } => store::save(&plan, file)
            .map(|()| {
                let _ = writeln!(out, "{}: rewritten", file.display());
            })
            .map_err(|e| e.to_string()),
        Command::Compare { .. } => Ok(()),
        Command::Summary { format, .. } => match format {
            Format::Csv => out.write_all(report::csv(&summary).as_bytes()),
            Format::Table => out.write_all(report::table(&plan, &summary).as_bytes()),
        }
        .map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitCode::FAILURE
        }
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
        let _ = writeln!(err, "error: --base {base}: choose 1 to {}", files.len());
        return ExitCode::FAILURE;
    }
    let scenarios = match load_scenarios(files) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let comparison = crate::compare::Comparison::new(scenarios, base - 1);
    let text = match format {
        Format::Csv => crate::compare::csv_report(&comparison),
        Format::Table => crate::compare::text_report(&comparison, lang),
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitCode::FAILURE
        }
    }
}
