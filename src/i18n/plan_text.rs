//! A plan from a document (*Plan uit document…*, `planbord import-plan`) in words: the
//! preview's tree and counts, what was not recognised, why a document cannot be read, and the
//! names the import gives (in Dutch and English).

use super::Lang;
use crate::exchange::plan_text::{
    DraftGoal, DraftNote, Encoding, PlanDraft, PlanTextError, PlanTextPreview, TextKind,
    Unsupported,
};
use crate::numfmt;
use std::fmt::Write;

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn count(n: usize) -> String {
    numfmt::format(rust_decimal::Decimal::from(n), 0, true)
}

/// `3 indicatoren`, `1 indicator`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// The label of the undo step.
pub fn edit_label(lang: Lang) -> &'static str {
    pick(lang, "plan uit document", "plan from document")
}

/// The name of the section the mission goes to when the plan has a mission already.
pub fn mission_title(lang: Lang) -> &'static str {
    pick(lang, "Missie", "Mission")
}

/// The name of the section with the text before the document's first heading.
pub fn untitled_section(lang: Lang) -> &'static str {
    pick(lang, "Inleiding", "Introduction")
}

/// The activity type made for activities without a kind in a plan without types.
pub fn default_kind(lang: Lang) -> &'static str {
    pick(lang, "Activiteit", "Activity")
}

/// Why a document cannot be read, and what to do (the caller names the file).
pub fn error(error: &PlanTextError, lang: Lang) -> String {
    let en = lang == Lang::En;
    match error {
        PlanTextError::Empty => pick(
            lang,
            "het document bevat geen tekst",
            "the document holds no text",
        )
        .to_string(),
        PlanTextError::NotText { line } => {
            if en {
                format!(
                    "line {line}: this is not text (UTF-8 or Windows-1252); save the document as .docx, .odt or UTF-8 text"
                )
            } else {
                format!(
                    "regel {line}: dit is geen tekst (UTF-8 of Windows-1252); bewaar het document als .docx, .odt of UTF-8-tekst"
                )
            }
        }
        PlanTextError::Unsupported(kind) => {
            let (nl, en_text) = match kind {
                Unsupported::OldWord => (
                    "een oud Word-document (.doc); bewaar het in Word of LibreOffice als .docx of .odt",
                    "an old Word document (.doc); save it from Word or LibreOffice as .docx or .odt",
                ),
                Unsupported::Pdf => (
                    "een PDF; bewaar de tekst als .txt (bv. met pdftotext of 'Opslaan als tekst') of open hem in Word en bewaar als .docx",
                    "a PDF; save its text as .txt (e.g. with pdftotext or 'Save as text') or open it in Word and save as .docx",
                ),
                Unsupported::Rtf => (
                    "een RTF-document; bewaar het als .docx of .odt",
                    "an RTF document; save it as .docx or .odt",
                ),
                Unsupported::OtherZip => (
                    "geen Word- of OpenDocument-tekst (een rekenblad, presentatie of archief?); kies een .docx, .odt, .md of .txt",
                    "not a Word or OpenDocument text (a spreadsheet, presentation or archive?); choose a .docx, .odt, .md or .txt",
                ),
            };
            if en { en_text } else { nl }.to_string()
        }
        PlanTextError::Damaged => pick(
            lang,
            "het document is beschadigd en kan niet gelezen worden; open het in Word of LibreOffice en bewaar het opnieuw",
            "the document is damaged and cannot be read; open it in Word or LibreOffice and save it again",
        )
        .to_string(),
        PlanTextError::PartTooLarge { limit } => {
            let mib = count((*limit / (1024 * 1024)) as usize);
            if en {
                format!("a part of the document unpacks to more than {mib} MiB; this is not a plan Planbord reads")
            } else {
                format!("een deel van het document is uitgepakt groter dan {mib} MiB; dit is geen plan dat Planbord leest")
            }
        }
    }
}

/// `regel 12`, `alinea 12` (a .docx/.odt), `regels 12-40`.
pub fn place(first: usize, last: usize, paragraphs: bool, lang: Lang) -> String {
    let (one, many) = match (paragraphs, lang) {
        (false, Lang::Nl) => ("regel", "regels"),
        (false, Lang::En) => ("line", "lines"),
        (true, Lang::Nl) => ("alinea", "alinea's"),
        (true, Lang::En) => ("paragraph", "paragraphs"),
    };
    if last > first {
        format!("{many} {first}-{last}")
    } else {
        format!("{one} {first}")
    }
}

/// Where a goal was stated: `regel 1771 (ook 2146, 4295)`.
fn goal_place(lines: &[usize], paragraphs: bool, lang: Lang) -> String {
    let Some(first) = lines.first() else {
        return String::new();
    };
    let mut text = place(*first, *first, paragraphs, lang);
    if lines.len() > 1 {
        let others: Vec<String> = lines[1..].iter().map(|l| l.to_string()).collect();
        let _ = write!(
            text,
            " ({} {})",
            pick(lang, "ook", "also"),
            others.join(", ")
        );
    }
    text
}

/// The source: `socius.txt: tekst (UTF-8), 6.544 regels`.
pub fn source(preview: &PlanTextPreview, lang: Lang) -> String {
    let document = &preview.document;
    let kind = match (document.kind, lang) {
        (TextKind::Docx, Lang::Nl) => "Word-document",
        (TextKind::Docx, Lang::En) => "Word document",
        (TextKind::Odt, Lang::Nl) => "OpenDocument-tekst",
        (TextKind::Odt, Lang::En) => "OpenDocument text",
        (TextKind::Markdown, _) => "Markdown",
        (TextKind::Plain, Lang::Nl) => "tekst",
        (TextKind::Plain, Lang::En) => "text",
    };
    let encoding = match (document.kind, document.encoding) {
        (TextKind::Docx | TextKind::Odt, _) => "",
        (_, Encoding::Utf8) => " (UTF-8)",
        (_, Encoding::Utf16) => " (UTF-16)",
        (_, Encoding::Windows1252) => " (Windows-1252)",
    };
    let size = if preview.counts_paragraphs() {
        counted(
            document.size,
            pick(lang, "alinea", "paragraph"),
            pick(lang, "alinea's", "paragraphs"),
        )
    } else {
        counted(
            document.size,
            pick(lang, "regel", "line"),
            pick(lang, "regels", "lines"),
        )
    };
    format!("{}: {kind}{encoding}, {size}", preview.source_name)
}

/// `4 strategische doelen, 16 operationele doelen, 22 indicatoren, 69 activiteiten`.
pub fn counts(draft: &PlanDraft, lang: Lang) -> String {
    let en = lang == Lang::En;
    let parts = [
        counted(
            draft.goals.len(),
            if en {
                "strategic goal"
            } else {
                "strategisch doel"
            },
            if en {
                "strategic goals"
            } else {
                "strategische doelen"
            },
        ),
        counted(
            draft.operational_count(),
            if en {
                "operational goal"
            } else {
                "operationeel doel"
            },
            if en {
                "operational goals"
            } else {
                "operationele doelen"
            },
        ),
        counted(
            draft.indicator_count(),
            "indicator",
            if en { "indicators" } else { "indicatoren" },
        ),
        counted(
            draft.activity_count(),
            if en { "activity" } else { "activiteit" },
            if en { "activities" } else { "activiteiten" },
        ),
        counted(
            draft.sections.len(),
            if en { "section" } else { "hoofdstuk" },
            if en { "sections" } else { "hoofdstukken" },
        ),
    ];
    let mut text = parts.join(", ");
    if draft.mission.is_some() {
        text.push_str(pick(lang, ", missie", ", mission"));
    }
    text
}

/// The plan period the document names: `Planperiode volgens het document: 2021-2025`.
pub fn period(draft: &PlanDraft, lang: Lang) -> Option<String> {
    draft.period.map(|(a, b)| {
        format!(
            "{}: {a}-{b}",
            pick(
                lang,
                "Planperiode volgens het document",
                "Plan period in the document"
            )
        )
    })
}

/// `7 indicatoren, 0 activiteiten`.
fn goal_counts(indicators: usize, activities: Option<usize>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut text = counted(
        indicators,
        "indicator",
        if en { "indicators" } else { "indicatoren" },
    );
    if let Some(activities) = activities {
        text.push_str(", ");
        text.push_str(&counted(
            activities,
            if en { "activity" } else { "activiteit" },
            if en { "activities" } else { "activiteiten" },
        ));
    }
    text
}

/// One line of the tree: code, title, counts, where.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeLine {
    /// 0 for a strategic goal, 1 for an operational goal.
    pub depth: u8,
    pub code: String,
    pub title: String,
    pub counts: String,
    pub place: String,
}

/// The tree the import makes, in the document's code style.
pub fn tree(preview: &PlanTextPreview, lang: Lang) -> Vec<TreeLine> {
    let draft = &preview.document.draft;
    let paragraphs = preview.counts_paragraphs();
    let untitled = pick(lang, "(zonder titel)", "(no title)");
    let title = |t: &str| {
        if t.is_empty() {
            untitled.to_string()
        } else {
            t.to_string()
        }
    };
    let mut lines = Vec::new();
    for goal in &draft.goals {
        let activities: usize = goal.operational.iter().map(|o| o.activities.len()).sum();
        lines.push(TreeLine {
            depth: 0,
            code: goal.code(),
            title: title(&goal.title),
            counts: goal_counts(goal.indicators.len(), Some(activities), lang),
            place: goal_place(&goal.lines, paragraphs, lang),
        });
        for od in &goal.operational {
            lines.push(TreeLine {
                depth: 1,
                code: DraftGoal::operational_code(goal, od, draft.style),
                title: title(&od.title),
                counts: goal_counts(od.indicators.len(), Some(od.activities.len()), lang),
                place: goal_place(&od.lines, paragraphs, lang),
            });
        }
    }
    if let Some(first) = draft.general_indicators.first() {
        lines.push(TreeLine {
            depth: 0,
            code: String::new(),
            title: pick(lang, "Algemene indicatoren", "General indicators").to_string(),
            counts: goal_counts(draft.general_indicators.len(), None, lang),
            place: place(first.line, first.line, paragraphs, lang),
        });
    }
    lines
}

/// The sections kept (title, where) and the mission, as lines.
pub fn sections(preview: &PlanTextPreview, lang: Lang) -> Vec<String> {
    let draft = &preview.document.draft;
    let paragraphs = preview.counts_paragraphs();
    let mut lines = Vec::new();
    if let Some(mission) = &draft.mission {
        lines.push(format!(
            "{} — {}",
            pick(
                lang,
                "Missie (naar de missie van het plan)",
                "Mission (to the plan's mission)"
            ),
            place(mission.first_line, mission.last_line, paragraphs, lang)
        ));
    }
    for section in &draft.sections {
        let title = section
            .title
            .clone()
            .unwrap_or_else(|| untitled_section(lang).to_string());
        lines.push(format!(
            "{title} — {}",
            place(section.first_line, section.last_line, paragraphs, lang)
        ));
    }
    lines
}

/// What was not recognised among the goals, one line per run: where, the first words, and the
/// section it is kept in.
pub fn unrecognised(preview: &PlanTextPreview, lang: Lang) -> Vec<String> {
    let paragraphs = preview.counts_paragraphs();
    preview
        .document
        .draft
        .unrecognised
        .iter()
        .map(|u| {
            let mut line = format!(
                "{}: \"{}\"",
                place(u.first_line, u.last_line, paragraphs, lang),
                u.snippet
            );
            if let Some(section) = &u.section {
                let _ = write!(
                    line,
                    " ({} \"{}\")",
                    pick(lang, "bewaard in", "kept in"),
                    crate::exchange::plan_text::text::snippet(section, 40)
                );
            }
            line
        })
        .collect()
}

/// Slips in the document that were put right, one line each.
pub fn notes(preview: &PlanTextPreview, lang: Lang) -> Vec<String> {
    let paragraphs = preview.counts_paragraphs();
    preview
        .document
        .draft
        .notes
        .iter()
        .map(|note| match note {
            DraftNote::YearsReversed {
                line,
                written,
                read,
            } => {
                let at = place(*line, *line, paragraphs, lang);
                match lang {
                    Lang::Nl => format!(
                        "{at}: jaren {}-{} omgekeerd geschreven, gelezen als {}-{}",
                        written.0, written.1, read.0, read.1
                    ),
                    Lang::En => format!(
                        "{at}: years {}-{} written the wrong way round, read as {}-{}",
                        written.0, written.1, read.0, read.1
                    ),
                }
            }
        })
        .collect()
}

/// The heading of the unrecognised list.
pub fn unrecognised_heading(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Niet herkend tussen de doelen ({}; als tekst bewaard in het hoofdstuk waarin het staat)",
            count_label(count, "stuk", "stukken")
        ),
        Lang::En => format!(
            "Not recognised among the goals ({}; kept as text in the section it stands in)",
            count_label(count, "piece", "pieces")
        ),
    }
}

fn count_label(n: usize, one: &str, many: &str) -> String {
    counted(n, one, many)
}

pub fn tree_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "Doelen die gemaakt worden (code, titel, indicatoren, activiteiten, bron)",
        "Goals that will be made (code, title, indicators, activities, source)",
    )
}

pub fn sections_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "Hoofdstukken (als tekst bewaard)",
        "Sections (kept as text)",
    )
}

/// The whole preview as text (the command line).
pub fn describe(preview: &PlanTextPreview, lang: Lang) -> String {
    let draft = &preview.document.draft;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{}: {}",
        pick(lang, "Plan uit document", "Plan from document"),
        source(preview, lang)
    );
    if let Some(period) = period(draft, lang) {
        let _ = writeln!(text, "{period}");
    }
    let _ = writeln!(
        text,
        "{}: {}",
        pick(lang, "Herkend", "Recognised"),
        counts(draft, lang)
    );
    let _ = writeln!(text, "\n{}:", tree_heading(lang));
    for line in tree(preview, lang) {
        let indent = if line.depth == 0 { "" } else { "  " };
        let code = if line.code.is_empty() {
            String::new()
        } else {
            format!("{} ", line.code)
        };
        let _ = writeln!(
            text,
            "{indent}{code}{} — {} — {}",
            line.title, line.counts, line.place
        );
    }
    let sections = sections(preview, lang);
    if !sections.is_empty() {
        let _ = writeln!(text, "\n{}:", sections_heading(lang));
        for line in sections {
            let _ = writeln!(text, "  {line}");
        }
    }
    let notes = notes(preview, lang);
    if !notes.is_empty() {
        let _ = writeln!(text, "\n{}:", pick(lang, "Rechtgezet", "Put right"));
        for line in notes {
            let _ = writeln!(text, "  {line}");
        }
    }
    let unrecognised = unrecognised(preview, lang);
    if !unrecognised.is_empty() {
        let _ = writeln!(
            text,
            "\n{}:",
            unrecognised_heading(unrecognised.len(), lang)
        );
        for line in unrecognised {
            let _ = writeln!(text, "  {line}");
        }
    }
    text
}

/// `import-plan`: the output exists.
pub fn cli_exists(lang: Lang) -> &'static str {
    pick(
        lang,
        "bestaat al; import-plan schrijft nooit over een bestand: kies een nieuwe naam",
        "exists already; import-plan never writes over a file: choose a new name",
    )
}

/// `import-plan --dry-run`.
pub fn cli_dry_run(lang: Lang) -> &'static str {
    pick(
        lang,
        "--dry-run: er is niets geschreven",
        "--dry-run: nothing was written",
    )
}

/// `import-plan`: written, with what.
pub fn cli_written(goals: usize, operational: usize, first: i32, last: i32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "nieuw plan geschreven: {goals} strategische en {operational} operationele doelen, planperiode {first}-{last}"
        ),
        Lang::En => format!(
            "new plan written: {goals} strategic and {operational} operational goals, plan period {first}-{last}"
        ),
    }
}
