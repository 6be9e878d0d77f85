//! The plan's own commands: `check`, `summary`, `fmt`, `generate`.

use super::{Console, Format};
use crate::i18n::tr;
use crate::{calc, merge, report, store};
use std::path::Path;
use std::process::ExitCode;

/// `planbord check`: exit 0 when the file loads; its warnings and the conflicts a merge left.
pub(super) fn check(file: &Path, console: &mut Console) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    let summary = calc::summarize(&plan);
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
            crate::i18n::describe_warning(warning, lang)
        ));
    }
    // Left by a merge: to pick in the editor (the Conflicts panel).
    for conflict in &plan.conflicts {
        text.push_str(&format!(
            "{}: {}\n",
            t.cli_conflict,
            merge::texts::describe(conflict, &plan, lang)
        ));
    }
    console.write(&text)
}

/// `planbord summary`: the yearly key figures as a table in the user's language, or as CSV.
pub(super) fn summary(
    file: &Path,
    format: Format,
    actuals: bool,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    let summary = calc::summarize(&plan);
    let text = match format {
        Format::Csv => report::csv_with(&summary, actuals),
        Format::Table => report::table_with(&plan, &summary, actuals, lang),
    };
    console.write(&text)
}

/// `planbord fmt`: rewrites a plan file in Planbord's layout. A file already in that layout is
/// left alone (not even its date changes, so a synced folder or git sees no change).
pub(super) fn fmt(file: &Path, console: &mut Console) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let loaded = store::read_plan_bytes(file)
        .and_then(|bytes| store::from_bytes(&bytes, file).map(|plan| (bytes, plan)));
    let (bytes, plan) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    let text = store::to_ron_string(&plan);
    if text.as_bytes() == bytes.as_slice() {
        console.say(format!("{}: {}", file.display(), t.cli_already_formatted));
        return ExitCode::SUCCESS;
    }
    match store::save_bytes(text.as_bytes(), file, store::SaveOptions::default()) {
        Ok(()) => {
            console.say(format!("{}: {}", file.display(), t.cli_rewritten));
            ExitCode::SUCCESS
        }
        Err(e) => console.failed(crate::i18n::errors::save_error(&e, lang)),
    }
}

/// `planbord generate`: a large valid plan, written atomically; an existing file only with
/// `--force`.
pub(super) fn generate(
    path: &Path,
    scale: usize,
    years: usize,
    force: bool,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    if store::disk::exists(path) && !force {
        return console.failed(format!("{}: {}", path.display(), t.cli_exists_use_force));
    }
    let plan = crate::generate::large_plan(&crate::generate::socius(), scale, years);
    match store::write_atomic(path, store::to_ron_string(&plan).as_bytes()) {
        Ok(()) => {
            console.say(format!(
                "{}: {} {}, {} {}, {} {}",
                path.display(),
                plan.strategic_goals.len(),
                t.cli_strategic_goals,
                plan.operational_goals().count(),
                t.cli_operational_goals,
                plan.year_count(),
                t.cli_years
            ));
            ExitCode::SUCCESS
        }
        Err(e) => console.failed(crate::i18n::errors::save_error(&e, lang)),
    }
}
