//! `new-period`: the plan for the next period (see [`crate::period`]).

use super::{AmountsArg, Console};
use crate::i18n::{period as texts, tr};
use crate::period::{AmountsMode, PeriodOptions, new_period as make};
use crate::store;
use std::path::Path;
use std::process::ExitCode;

/// What `new-period` is asked for.
pub(super) struct PeriodRequest<'a> {
    pub(super) first_year: Option<i32>,
    pub(super) years: Option<u32>,
    /// As typed: `2,0` or `2.0`.
    pub(super) index: &'a str,
    pub(super) amounts: AmountsArg,
    pub(super) force: bool,
}

/// `planbord new-period IN OUT [--first-year Y] [--years N] [--index P] [--amounts M]
/// [--force]`: writes the new plan to OUT (an existing OUT only with `--force`, never IN) and
/// prints what needs attention.
pub(super) fn new_period(
    file: &Path,
    out: &Path,
    request: &PeriodRequest,
    console: &mut Console,
) -> ExitCode {
    let lang = console.lang;
    let t = tr(lang);
    let plan = match store::load(file) {
        Ok(plan) => plan,
        Err(e) => return console.failed(crate::i18n::errors::load_error(&e, lang)),
    };
    if store::disk::same_file(file, out) {
        return console.failed(format!("{}: {}", out.display(), texts::cli_same_file(lang)));
    }
    if store::disk::occupied(out) && !request.force {
        return console.failed(format!("{}: {}", out.display(), t.cli.exists_use_force));
    }
    let index = match crate::numfmt::parse(request.index) {
        Ok(index) => index,
        Err(e) => {
            return console.failed(format!(
                "--index: {}",
                crate::i18n::errors::number_error(&e, lang)
            ));
        }
    };
    let mut options = PeriodOptions::after(&plan);
    if let Some(first) = request.first_year {
        options.first_year = first;
    }
    if let Some(years) = request.years {
        options.years = years;
    }
    options.index_percent = index;
    options.amounts = match request.amounts {
        AmountsArg::Continue => AmountsMode::Continue,
        AmountsArg::Shift => AmountsMode::Shift,
    };
    options.source_file = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let (new, notes) = match make(&plan, &options) {
        Ok(made) => made,
        Err(e) => return console.failed(texts::error(&e, lang)),
    };
    if let Some(problem) = crate::model::validate(&new).into_iter().next() {
        return console.failed(format!(
            "{}: {}",
            out.display(),
            crate::i18n::errors::problem(&problem, lang)
        ));
    }
    let mut text = format!(
        "{}: {}\n",
        file.display(),
        texts::summary(
            new.meta.first_year,
            new.meta.last_year,
            options.index_percent,
            options.amounts,
            lang
        )
    );
    if !notes.is_empty() {
        text.push_str(&format!("{}:\n", texts::notes_heading(lang)));
        for note in &notes {
            text.push_str(&format!("- {}\n", texts::note(note, lang)));
        }
    }
    if console.write(&text) != ExitCode::SUCCESS {
        return ExitCode::FAILURE;
    }
    match store::write_atomic(out, store::to_ron_string(&new).as_bytes()) {
        Ok(()) => {
            console.say(format!(
                "{}: {}",
                out.display(),
                texts::cli_written(
                    new.strategic_goals.len(),
                    new.operational_goals().count(),
                    new.meta.first_year,
                    new.meta.last_year,
                    lang
                )
            ));
            ExitCode::SUCCESS
        }
        Err(e) => console.failed(crate::i18n::errors::save_error(&e, lang)),
    }
}
