//! `import-plan`: a new plan file from a plan's text (see [`crate::exchange::plan_text`]).

use super::Console;
use crate::exchange::Preview;
use crate::exchange::plan_text::{MAX_PLAN_TEXT_BYTES, PlanTextPreview, read_document};
use crate::i18n::plan_text as texts;
use crate::store;
use std::path::Path;
use std::process::ExitCode;

/// `planbord import-plan OUT SOURCE [--dry-run]`: reads the document, prints the preview and
/// writes the new plan to OUT, which must not exist (exit 1 otherwise, nothing written).
pub(super) fn import_plan(
    out: &Path,
    source: &Path,
    dry_run: bool,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    if !dry_run && store::disk::occupied(out) {
        return console.failed(format!("{}: {}", out.display(), texts::cli_exists(lang)));
    }
    let bytes = match store::read_bounded(source, MAX_PLAN_TEXT_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return console.failed(crate::i18n::errors::read_error(&e, lang)),
    };
    let document = match read_document(Some(source), &bytes) {
        Ok(document) => document,
        Err(e) => {
            return console.failed(format!("{}: {}", source.display(), texts::error(&e, lang)));
        }
    };
    let name = source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let preview = PlanTextPreview::new(document, name, lang);
    if console.write(&preview.describe(lang)) != ExitCode::SUCCESS {
        return ExitCode::FAILURE;
    }
    if dry_run {
        console.say(format!("\n{}", texts::cli_dry_run(lang)));
        return ExitCode::SUCCESS;
    }
    let plan = match preview.new_plan(store::template()) {
        Ok(plan) => plan,
        Err(e) => return console.failed(format!("{}: {}", out.display(), e.message(lang))),
    };
    if let Some(problem) = crate::model::validate(&plan).into_iter().next() {
        return console.failed(format!(
            "{}: {}",
            out.display(),
            crate::i18n::errors::problem(&problem, lang)
        ));
    }
    // Checked again just before writing: the preview may have taken a while.
    if store::disk::occupied(out) {
        return console.failed(format!("{}: {}", out.display(), texts::cli_exists(lang)));
    }
    match store::write_atomic(out, store::to_ron_string(&plan).as_bytes()) {
        Ok(()) => {
            console.say(format!(
                "\n{}: {}",
                out.display(),
                texts::cli_written(
                    plan.strategic_goals.len(),
                    plan.operational_goals().count(),
                    plan.meta.first_year,
                    plan.meta.last_year,
                    lang
                )
            ));
            ExitCode::SUCCESS
        }
        Err(e) => console.failed(crate::i18n::errors::save_error(&e, lang)),
    }
}
