//! The command line's words: what `planbord check`, `fmt`, `generate`, the imports and the
//! merge say besides their tables.

/// The command line's texts in one language.
pub struct CliTexts {
    pub error: &'static str,
    pub conflict: &'static str,
    pub import_unchanged: &'static str,
    pub dry_run: &'static str,
    pub saved_backup_in: &'static str,
    /// `{0}`: the number of files.
    pub choose_base: &'static str,
    pub output_failed: &'static str,
    pub diff_usage: &'static str,
    pub exists_use_force: &'static str,
    pub warning: &'static str,
    pub no_warnings: &'static str,
    pub strategic_goals: &'static str,
    pub operational_goals: &'static str,
    pub years: &'static str,
    pub rewritten: &'static str,
    pub already_formatted: &'static str,
    pub choose_basis: &'static str,
    pub basis_needed: &'static str,
}

pub const CLI_NL: CliTexts = CliTexts {
    error: "fout",
    conflict: "conflict",
    import_unchanged: "het plan verandert niet; niets opgeslagen",
    dry_run: "--dry-run: het plan is niet gewijzigd",
    saved_backup_in: "opgeslagen; de vorige versie staat in",
    choose_base: "kies 1 tot {0}",
    output_failed: "de uitvoer kon niet geschreven worden (werd de pipe gesloten?)",
    diff_usage: "geef twee planbestanden (A B), of de zeven argumenten van een externe diff van git",
    exists_use_force: "bestaat al; gebruik --force om het te overschrijven",
    warning: "waarschuwing",
    no_warnings: "geen waarschuwingen",
    strategic_goals: "strategische doelen",
    operational_goals: "operationele doelen",
    years: "jaar",
    rewritten: "herschreven",
    already_formatted: "al in de opmaak van Planbord; niets geschreven",
    choose_basis: "Het plan heeft een begroting per doel: kies met --basis accounts (de rekeningen maken de kerncijfers) of --basis goals (de begroting per doel blijft de basis).",
    basis_needed: "niets opgeslagen: kies eerst de basis met --basis accounts of --basis goals",
};

pub const CLI_EN: CliTexts = CliTexts {
    error: "error",
    conflict: "conflict",
    import_unchanged: "the plan does not change; nothing saved",
    dry_run: "--dry-run: the plan was not changed",
    saved_backup_in: "saved; the previous version is in",
    choose_base: "choose 1 to {0}",
    output_failed: "the output could not be written (was the pipe closed?)",
    diff_usage: "give two plan files (A B), or git's seven arguments of an external diff",
    exists_use_force: "exists already; use --force to overwrite it",
    warning: "warning",
    no_warnings: "no warnings",
    strategic_goals: "strategic goals",
    operational_goals: "operational goals",
    years: "years",
    rewritten: "rewritten",
    already_formatted: "already in Planbord's layout; nothing written",
    choose_basis: "The plan has a budget by goal: choose --basis accounts (the accounts make the key figures) or --basis goals (the budget by goal stays the basis).",
    basis_needed: "nothing saved: choose the basis first with --basis accounts or --basis goals",
};
