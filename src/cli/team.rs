//! Scenarios and teams: `compare`, `merge` (git's merge driver), `diff` (git's external diff).

use super::{Console, Format, Prefer};
use crate::i18n::{fill, tr};
use crate::model::Plan;
use crate::{merge as merging, store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads the scenarios to compare; the name is the file name.
fn load_scenarios(files: &[PathBuf]) -> Result<Vec<crate::compare::Scenario>, store::LoadError> {
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

/// `planbord compare`: verdicts, key figures and changes of 2 to 4 scenarios.
pub(super) fn compare(
    files: &[PathBuf],
    base: usize,
    format: Format,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    if base == 0 || base > files.len() {
        let choose = fill(tr(lang).cli_choose_base, &[&files.len().to_string()]);
        return console.failed(format!("--base {base}: {choose}"));
    }
    let scenarios = match load_scenarios(files) {
        Ok(s) => s,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    let comparison = crate::compare::Comparison::new(scenarios, base - 1);
    let text = match format {
        Format::Csv => crate::compare::csv_report(&comparison),
        Format::Table => crate::compare::text_report(&comparison, lang),
    };
    console.write(&text)
}

/// The files of `planbord merge`.
pub(super) struct MergePaths<'a> {
    pub(super) base: &'a Path,
    pub(super) ours: &'a Path,
    pub(super) theirs: &'a Path,
    pub(super) output: &'a Path,
}

/// `planbord merge`: exit 0 merged, 1 merged with conflicts, 2 when a file cannot be read or
/// written (then nothing is written).
pub(super) fn merge(paths: &MergePaths, prefer: Prefer, console: &mut Console) -> ExitCode {
    let lang = console.lang;
    let load =
        |path: &Path| store::load(path).map_err(|e| crate::i18n::errors::load_error(&e, lang));
    // git gives an empty file as the common version when there is none (both added the file).
    let base = match store::read_plan_bytes(paths.base) {
        Ok(bytes) if bytes.is_empty() => Ok(None),
        Ok(bytes) => store::from_bytes(&bytes, paths.base)
            .map(Some)
            .map_err(|e| crate::i18n::errors::load_error(&e, lang)),
        Err(e) => Err(crate::i18n::errors::load_error(&e, lang)),
    };
    let (base, ours, theirs) = match (base, load(paths.ours), load(paths.theirs)) {
        (Ok(base), Ok(ours), Ok(theirs)) => (base, ours, theirs),
        (Err(message), _, _) | (_, Err(message), _) | (_, _, Err(message)) => {
            console.failed(message);
            return ExitCode::from(2);
        }
    };
    let side = match prefer {
        Prefer::Ours => merging::Side::Ours,
        Prefer::Theirs => merging::Side::Theirs,
    };
    let outcome = match &base {
        Some(base) => merging::merge(base, &ours, &theirs, side),
        None => merging::merge_without_base(&ours, &theirs, side),
    };
    let text = store::to_ron_string(&outcome.plan);
    if let Err(e) = store::write_atomic(paths.output, text.as_bytes()) {
        console.failed(crate::i18n::errors::save_error(&e, lang));
        return ExitCode::from(2);
    }
    let plan = &outcome.plan;
    for conflict in &outcome.conflicts {
        console.say(format!(
            "- {}",
            merging::texts::describe(conflict, plan, lang)
        ));
    }
    for note in &outcome.notes {
        let merging::MergeNote::CodeChanged { from, to, .. } = note;
        console.say(format!(
            "* {}",
            crate::i18n::merge_code_changed(lang, from, to)
        ));
    }
    console.say(crate::i18n::merge_result(
        lang,
        &paths.output.display().to_string(),
        outcome.conflicts.len(),
        prefer == Prefer::Ours,
    ));
    if outcome.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `planbord diff A B` (or git's seven arguments): the changes in words. Exit 0 when both files
/// could be read (also with changes: git takes any other exit as a failure), 2 otherwise.
pub(super) fn diff(files: &[PathBuf], console: &mut Console) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let (name, a, b) = match files {
        [a, b] => (None, a, b),
        [path, old, _, _, new, _, _] => (Some(path), old, new),
        _ => {
            console.failed(t.cli_diff_usage);
            return ExitCode::from(2);
        }
    };
    // git names a file that is not there (added or deleted) /dev/null.
    let load = |path: &Path| -> Result<Option<Plan>, String> {
        if path == Path::new("/dev/null") {
            return Ok(None);
        }
        store::load(path)
            .map(Some)
            .map_err(|e| crate::i18n::errors::load_error(&e, lang))
    };
    let (a, b) = match (load(a), load(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(message), _) | (_, Err(message)) => {
            console.failed(message);
            return ExitCode::from(2);
        }
    };
    if let Some(name) = name {
        console.say(format!("planbord diff {}", name.display()));
    }
    let lines: Vec<String> = match (&a, &b) {
        (Some(a), Some(b)) => crate::compare::diff(a, b)
            .changes
            .iter()
            .map(|change| crate::compare::describe_change(change, lang))
            .collect(),
        (None, Some(_)) => vec![t.diff_new_plan.to_string()],
        (Some(_), None) => vec![t.diff_removed_plan.to_string()],
        (None, None) => Vec::new(),
    };
    if lines.is_empty() {
        console.say(t.diff_no_changes);
    }
    for line in lines {
        console.say(format!("- {line}"));
    }
    ExitCode::SUCCESS
}
