//! The words of merge conflicts: field, list and variant names, the merge's result line.

use super::Lang;

/// Fields of the plan as named in a conflict: (field, Dutch, English).
const FIELD_LABELS: &[(&str, &str, &str)] = &[
    ("organisation", "organisatie", "organisation"),
    ("title", "titel", "title"),
    ("first_year", "beginjaar", "first year"),
    ("last_year", "eindjaar", "last year"),
    ("scenario", "scenario", "scenario"),
    (
        "scenario_description",
        "uitgangspunten scenario",
        "scenario assumptions",
    ),
    ("author", "auteur", "author"),
    ("code_style", "codestijl", "code style"),
    ("budget_basis", "begrotingsbasis", "budget basis"),
    ("mission", "missie", "mission"),
    ("available_fte", "beschikbare VTE", "available FTE"),
    ("text", "tekst", "text"),
    ("code", "code", "code"),
    ("kind", "soort", "kind"),
    ("description", "omschrijving", "description"),
    ("core_tasks", "kerntaken", "core tasks"),
    ("note", "opmerking", "note"),
    ("situering", "situering", "context"),
    ("werking", "werking", "approach"),
    ("salary_profile", "loonprofiel", "salary profile"),
    ("fte", "VTE", "FTE"),
    ("operating", "werkingsmiddelen", "operating budget"),
    ("fund_financed", "uit fonds", "from a fund"),
    ("fund", "reserve", "fund"),
    ("activity_type", "type", "type"),
    ("target", "streefwaarde", "target"),
    ("comparator", "vergelijking", "comparison"),
    ("value", "waarde", "value"),
    ("unit", "eenheid", "unit"),
    ("year", "jaar", "year"),
    ("actuals", "realisatie", "actuals"),
    ("name", "naam", "name"),
    ("cost_per_fte", "loonkost per VTE", "cost per FTE"),
    ("group", "groep", "group"),
    ("amounts", "bedrag", "amount"),
    ("Rule", "groeiregel", "growth rule"),
    ("base_year", "basisjaar", "base year"),
    ("base", "basisbedrag", "base amount"),
    ("growth_percent", "groei %", "growth %"),
    ("round_to", "afronding", "rounding"),
    ("opening_balance", "beginsaldo", "opening balance"),
    (
        "receives_balance",
        "ontvangt het saldo",
        "receives the balance",
    ),
    ("side", "zijde", "side"),
    ("category", "categorie", "category"),
    (
        "printed_group",
        "groep in meerjarenbegroting",
        "group in multi-year budget",
    ),
    (
        "printed_cost",
        "gedrukt totaal kosten",
        "printed cost total",
    ),
    (
        "printed_income",
        "gedrukt totaal opbrengsten",
        "printed income total",
    ),
];

/// Lists of the plan, as the noun for one of their items: (list, Dutch, English).
const LIST_NOUNS: &[(&str, &str, &str)] = &[
    ("priorities", "prioriteit", "priority"),
    ("sections", "hoofdstuk", "section"),
    ("core_tasks", "kerntaak", "core task"),
    ("activity_types", "activiteitstype", "activity type"),
    ("strategic_goals", "strategisch doel", "strategic goal"),
    ("operational_goals", "operationeel doel", "operational goal"),
    ("indicators", "indicator", "indicator"),
    (
        "general_indicators",
        "algemene indicator",
        "general indicator",
    ),
    ("activities", "activiteit", "activity"),
    ("salary_profiles", "loonprofiel", "salary profile"),
    ("staff_lines", "personeelslijn", "staff line"),
    ("overhead", "overheadlijn", "overhead line"),
    ("income", "inkomstenlijn", "income line"),
    ("funds", "reserve", "reserve fund"),
    ("accounts", "rubriek", "account section"),
    ("lines", "rekening", "account"),
];

/// Values of the plan's choices: (variant, Dutch, English).
const VARIANT_LABELS: &[(&str, &str, &str)] = &[
    ("External", "extern", "external"),
    ("Internal", "intern", "internal"),
    ("SdOd", "SD1.OD2", "SD1.OD2"),
    ("Dotted", "OD1.2", "OD1.2"),
    ("Goals", "per doel", "by goal"),
    ("Accounts", "per rekening", "by account"),
    ("AtLeast", "minstens", "at least"),
    ("AtMost", "hoogstens", "at most"),
    ("Exactly", "precies", "exactly"),
    ("Service", "dienstverlening", "service"),
    ("Support", "voorwaardenscheppend", "support"),
    ("Subsidy", "subsidie", "subsidy"),
    ("OwnIncome", "eigen inkomsten", "own income"),
    ("WageSubsidy", "loonsubsidie", "wage subsidy"),
    ("Other", "andere", "other"),
    ("Cost", "kosten", "costs"),
    ("Income", "opbrengsten", "income"),
    ("Personnel", "personeel", "personnel"),
    ("Operating", "werking", "operating"),
    ("Overhead", "overhead", "overhead"),
];

fn lookup(
    table: &[(&str, &'static str, &'static str)],
    key: &str,
    lang: Lang,
) -> Option<&'static str> {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, nl, en)| match lang {
            Lang::Nl => *nl,
            Lang::En => *en,
        })
}

/// A field of the plan as named in a conflict (`fte` -> `VTE`).
pub fn field_label(field: &str, lang: Lang) -> Option<&'static str> {
    lookup(FIELD_LABELS, field, lang)
}

/// One item of a list of the plan (`operational_goals` -> `operationeel doel`).
pub fn list_noun(list: &str, lang: Lang) -> Option<&'static str> {
    lookup(LIST_NOUNS, list, lang)
}

/// A choice of the plan (`Subsidy` -> `subsidie`).
pub fn variant_label(variant: &str, lang: Lang) -> Option<&'static str> {
    lookup(VARIANT_LABELS, variant, lang)
}

/// `planbord merge`: the line after a merge.
pub fn merge_result(lang: Lang, out: &str, conflicts: usize, prefer_ours: bool) -> String {
    match (lang, conflicts) {
        (Lang::Nl, 0) => format!("{out}: samengevoegd, zonder conflicten"),
        (Lang::En, 0) => format!("{out}: merged, no conflicts"),
        (Lang::Nl, n) => format!(
            "{out}: samengevoegd met {n} {}; het plan houdt telkens {} waarde (--prefer {}), de lijst staat in het plan: open het in Planbord (paneel Conflicten) om te kiezen",
            if n == 1 { "conflict" } else { "conflicten" },
            if prefer_ours { "onze" } else { "hun" },
            if prefer_ours { "ours" } else { "theirs" },
        ),
        (Lang::En, n) => format!(
            "{out}: merged with {n} {}; the plan holds {} value each time (--prefer {}), the list is kept in the plan: open it in Planbord (Conflicts panel) to choose",
            if n == 1 { "conflict" } else { "conflicts" },
            if prefer_ours { "our" } else { "their" },
            if prefer_ours { "ours" } else { "theirs" },
        ),
    }
}

/// A goal code the merge changed because both sides used it.
pub fn merge_code_changed(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "doel {from} heet nu {to}: beide versies gebruikten de code {from} voor een ander doel (hernummer de doelen als je wilt)"
        ),
        Lang::En => format!(
            "goal {from} is now {to}: both versions used the code {from} for a different goal (renumber the goals if you like)"
        ),
    }
}
