//! A plan from its text (Bestand -> Plan uit document…, `planbord import-plan`): the Socius
//! plan's text as extracted from its PDF, the same excerpt as Markdown, Word and OpenDocument,
//! a plan Planbord was not tuned on, small texts for each slip real texts contain, the command
//! line and the window.
//!
//! `tests/data/socius-beleidsplan-2021-2025.txt` is the seed text of the published plan
//! (`shared/seeds/000_326606f3a9c7201d.txt`). `socius-uittreksel.html` is an excerpt of it;
//! `socius-uittreksel.docx` and `.odt` were made from it by LibreOffice 7.4
//! (`soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML"`,
//! and `--convert-to odt`), `socius-uittreksel.md` is the same text in Markdown.
//! `vonk-meerjarenplan.md` is a fictional youth club's plan in other words and another layout.

use egui::Key;
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::edit::Document;
use planbord::exchange::Preview;
use planbord::exchange::plan_text::{
    DraftNote, PlanDraft, PlanTextError, PlanTextPreview, ReadDocument, TextKind, Unsupported,
    read_document,
};
use planbord::i18n::Lang;
use planbord::model::{CodeStyle, GoalKind, Plan, validate};
use planbord::ui::Panel;
use std::path::{Path, PathBuf};

use crate::support::{SOCIUS, click, harness_with, planbord, prefs_on, socius, type_into};

const SOCIUS_TEXT: &str = "tests/data/socius-beleidsplan-2021-2025.txt";
const EXCERPT: &str = "tests/data/socius-uittreksel";
const VONK: &str = "tests/data/vonk-meerjarenplan.md";

fn read(path: &str) -> ReadDocument {
    let bytes = std::fs::read(path).unwrap();
    read_document(Some(Path::new(path)), &bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn draft_of(text: &str) -> PlanDraft {
    read_document(None, text.as_bytes()).unwrap().draft
}

/// Spaces of any kind made one, trimmed.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (code, title) of every goal, in plan order.
type Tree = Vec<(String, String)>;

/// (code, title) of every goal of a draft in its code style.
fn codes_and_titles(draft: &PlanDraft) -> Tree {
    let mut out = Vec::new();
    for goal in &draft.goals {
        out.push((goal.code(), normal(&goal.title)));
        for od in &goal.operational {
            out.push((goal.operational_code(od, draft.style), normal(&od.title)));
        }
    }
    out
}

#[test]
fn the_socius_text_gives_its_4_strategic_and_16_operational_goals_as_the_sample_prints_them() {
    let document = read(SOCIUS_TEXT);
    assert_eq!(document.kind, TextKind::Plain);
    let draft = &document.draft;
    assert_eq!(draft.goals.len(), 4);
    assert_eq!(draft.operational_count(), 16);
    assert_eq!(draft.style, CodeStyle::SdOd);
    assert_eq!(draft.period, Some((2021, 2025)));
    // Every code and title as the sample plan (transcribed from the published plan) has it.
    let sample = socius();
    let expected: Vec<(String, String)> = sample
        .strategic_goals
        .iter()
        .flat_map(|sd| {
            std::iter::once((sd.code.clone(), normal(&sd.title))).chain(
                sd.operational_goals
                    .iter()
                    .map(|od| (od.code.clone(), normal(&od.title))),
            )
        })
        .collect();
    assert_eq!(codes_and_titles(draft), expected);
    // 18 indicators of the strategic goals and 4 general ones, each once although the summary
    // in 6.5 lists them again.
    assert_eq!(draft.indicator_count(), 22);
    let per_goal: Vec<usize> = draft.goals.iter().map(|g| g.indicators.len()).collect();
    assert_eq!(per_goal, [7, 5, 2, 4]);
    assert_eq!(draft.general_indicators.len(), 4);
    for (goal, sample_goal) in draft.goals.iter().zip(&sample.strategic_goals) {
        let texts: Vec<String> = goal.indicators.iter().map(|i| normal(&i.text)).collect();
        let sample_texts: Vec<String> = sample_goal
            .indicators
            .iter()
            .map(|i| normal(&i.text))
            .collect();
        assert_eq!(texts, sample_texts, "{}", goal.code());
    }
    // The timing tables: as many activities per goal as the sample, with their years.
    for (goal, sample_goal) in draft.goals.iter().zip(&sample.strategic_goals) {
        for (od, sample_od) in goal.operational.iter().zip(&sample_goal.operational_goals) {
            assert_eq!(
                od.activities.len(),
                sample_od.activities.len(),
                "{}",
                sample_od.code
            );
            for (a, s) in od.activities.iter().zip(&sample_od.activities) {
                assert_eq!(
                    a.years,
                    Some((s.first_year, s.last_year)),
                    "{} {}",
                    sample_od.code,
                    s.description
                );
                assert_eq!(
                    normal(&a.description),
                    normal(&s.description),
                    "{}",
                    sample_od.code
                );
            }
        }
    }
    // The one slip in the tables (2021-2005 for SD4.OD4's first activity) is put right and said.
    assert!(
        draft.notes.iter().any(|n| matches!(
            n,
            DraftNote::YearsReversed {
                written: (2021, 2005),
                read: (2021, 2025),
                ..
            }
        )),
        "{:?}",
        draft.notes
    );
    // A goal stated in the overview table, in its chapter and in the indicator tables is one
    // goal with all those lines.
    let sd1 = &draft.goals[0];
    assert_eq!(&sd1.lines[..2], &[1771, 2046]);
    assert!(sd1.operational[0].lines.contains(&2146));
    // Situering and werking under their labels.
    let od1 = &sd1.operational[0];
    assert!(
        od1.situering
            .starts_with("De kwaliteit van de agogische medewerkers")
    );
    assert!(
        od1.werking
            .starts_with("We willen verschillende types agogische medewerkers")
    );
    assert!(sd1.description.starts_with("Zowel de praktijk"));
    // The mission, and the chapters as sections.
    assert!(
        draft
            .mission
            .as_ref()
            .is_some_and(|m| m.text.starts_with("We ijveren voor een democratische"))
    );
    assert!(
        draft
            .sections
            .iter()
            .any(|s| s.title.as_deref() == Some("20 jaar ondersteuning"))
    );
}

/// Nothing is dropped: every line of the text is in a goal, an indicator, an activity, the
/// mission or a section; the blocks among the goals not recognised are listed with their line.
#[test]
fn nothing_of_the_socius_text_is_dropped() {
    let document = read(SOCIUS_TEXT);
    let preview = PlanTextPreview::new(document, "socius.txt", Lang::Nl);
    let plan = preview
        .new_plan(planbord::store::template())
        .expect("a new plan");
    assert_eq!(validate(&plan), Vec::new());
    let everything = planbord::store::to_ron_string(&plan);
    // Words from all over the text: the foreword, a budget table, the last chapter.
    for words in [
        "Stef Steyaert",
        "Uitgaven Uitgaven",
        "Begroting en personeelsinzet",
        "Gevraagd subsidiebedrag",
        "Sofie Taghon",
    ] {
        assert!(everything.contains(words), "{words} dropped");
    }
    // The budget tables among the goals are listed as not recognised, with their lines.
    let draft = &preview.document.draft;
    assert!(
        draft
            .unrecognised
            .iter()
            .any(|u| u.snippet.starts_with("Begroting en personeelsinzet") && u.first_line > 2146),
        "{:#?}",
        draft.unrecognised
    );
    let text = preview.describe(Lang::Nl);
    assert!(text.contains("Niet herkend tussen de doelen"), "{text}");
    assert!(text.contains("regels 2275-"), "{text}");
}

#[test]
fn word_opendocument_and_markdown_of_one_excerpt_give_one_tree() {
    let trees: Vec<(TextKind, Tree, PlanDraft)> = ["md", "docx", "odt"]
        .iter()
        .map(|ext| {
            let document = read(&format!("{EXCERPT}.{ext}"));
            let tree = codes_and_titles(&document.draft);
            (document.kind, tree, document.draft)
        })
        .collect();
    assert_eq!(
        trees.iter().map(|t| t.0).collect::<Vec<_>>(),
        [TextKind::Markdown, TextKind::Docx, TextKind::Odt]
    );
    let expected = vec![
        ("SD1".to_string(), "Civiel sociaal-cultureel actorschap in een veranderende samenleving is ondersteund.".to_string()),
        ("SD1.OD1".into(), "Agogische medewerkers zijn ondersteund en geïnspireerd in hun sociaal-cultureel handelen.".into()),
        ("SD1.OD2".into(), "Medewerkers en organisaties zijn ondersteund in het hanteren van digitale mogelijkheden in hun werking en sociaal-culturele praktijken.".into()),
        ("SD2".into(), "De waarde en betekenis van het civiel sociaal-cultureel werk is geduid in een gedeeld en uitgedragen narratief.".into()),
        ("SD2.OD1".into(), "De waarde en betekenis van civiel sociaal-cultureel actorschap in de samenleving is in dialoog geëxpliciteerd en onderbouwd.".into()),
        ("SD2.OD2".into(), "Initiatieven van civiele sociaal-culturele actoren zijn in beeld gebracht en uitgedragen naar partners en stakeholders.".into()),
    ];
    for (kind, tree, draft) in &trees {
        assert_eq!(tree, &expected, "{kind:?}");
        // Indicators: a bulleted list under an OD, bulleted and numbered lists under the SDs.
        assert_eq!(draft.goals[0].indicators.len(), 2, "{kind:?}");
        assert_eq!(
            draft.goals[0].operational[1].indicators.len(),
            2,
            "{kind:?}"
        );
        assert_eq!(draft.goals[1].indicators.len(), 2, "{kind:?}");
        // Activities: a table with a timing column, and a grid of years with marks.
        let od1 = &draft.goals[0].operational[0];
        assert_eq!(od1.activities.len(), 2, "{kind:?}");
        assert_eq!(od1.activities[0].kind.as_deref(), Some("Ontwikkeltraject"));
        assert_eq!(od1.activities[0].years, Some((2021, 2022)));
        let od2 = &draft.goals[0].operational[1];
        let years: Vec<_> = od2.activities.iter().map(|a| a.years).collect();
        assert_eq!(years, [Some((2021, 2025)), Some((2022, 2023))], "{kind:?}");
        assert_eq!(
            od2.activities[1].description,
            "Ondersteuningsinitiatieven voor werkers en organisaties"
        );
        let kinds: Vec<_> = draft.goals[1].operational[0]
            .activities
            .iter()
            .map(|a| a.kind.clone().unwrap_or_default())
            .collect();
        assert_eq!(kinds, ["Onderzoek", "Stakeholdersdialoog"], "{kind:?}");
        // Texts under their headings, the mission and the other chapters.
        assert!(od1.situering.starts_with("De kwaliteit"), "{kind:?}");
        assert!(od1.werking.starts_with("We willen"), "{kind:?}");
        assert!(
            draft.goals[0].description.starts_with("Zowel de praktijk"),
            "{kind:?}"
        );
        assert!(draft.mission.is_some(), "{kind:?}");
        assert!(
            draft
                .sections
                .iter()
                .any(|s| s.title.as_deref() == Some("Zakelijke planning")),
            "{kind:?}"
        );
        assert_eq!(draft.period, Some((2021, 2025)));
    }
}

/// A plan Planbord was not tuned on: another organisation, spelled-out goals, other labels,
/// single indicators, activities as a list with years in brackets and as a grid, an internal
/// goal.
#[test]
fn a_youth_clubs_plan_in_other_words_is_read_too() {
    let document = read(VONK);
    let draft = &document.draft;
    assert_eq!(draft.style, CodeStyle::Dotted);
    assert_eq!(draft.period, Some((2026, 2030)));
    assert_eq!(
        codes_and_titles(draft),
        vec![
            ("SD1".to_string(), "Jongeren vinden in De Vonk een veilige en open ontmoetingsplek.".to_string()),
            ("OD1.1".into(), "Het jeugdhuis is vier avonden per week open met een vaste ploeg vrijwilligers.".into()),
            ("OD1.2".into(), "Meisjes en jongeren met een migratieachtergrond voelen zich welkom in het jeugdhuis.".into()),
            ("SD2".into(), "Jongeren zetten hun eigen projecten op.".into()),
            ("OD2.1".into(), "Elk jaar lopen minstens twee jongerenprojecten met begeleiding van de jeugdwerker.".into()),
            ("SDI1".into(), "De Vonk is een wendbare organisatie met een gezonde financiële basis.".into()),
            ("ODI1.1".into(), "De raad van bestuur vernieuwt zich: elk jaar komt er minstens één jong bestuurslid bij.".into()),
        ]
    );
    let sd1 = &draft.goals[0];
    assert!(sd1.description.starts_with("Steeds meer jongeren"));
    let od11 = &sd1.operational[0];
    assert!(od11.situering.starts_with("Tijdens de coronajaren"));
    assert!(od11.werking.starts_with("We werken met een rooster"));
    let years: Vec<_> = od11.activities.iter().map(|a| a.years).collect();
    assert_eq!(years, [Some((2026, 2030)), Some((2026, 2026))]);
    assert_eq!(
        od11.activities[1].description,
        "Opleiding voor nieuwe vrijwilligers: tapkraan en EHBO"
    );
    assert_eq!(
        od11.indicators[0].text,
        "Gemiddeld 40 jongeren per openingsavond."
    );
    assert_eq!(sd1.operational[1].indicators.len(), 2);
    let grid: Vec<_> = draft.goals[1].operational[0]
        .activities
        .iter()
        .map(|a| (a.description.as_str(), a.years))
        .collect();
    assert_eq!(
        grid,
        [
            ("Muziekstudio in de kelder", Some((2026, 2027))),
            ("Graffitiproject Stationsbuurt", Some((2027, 2028)))
        ]
    );
    assert!(draft.goals[2].internal);
    assert_eq!(draft.goals[2].operational[0].indicators.len(), 1);
    assert!(
        draft
            .mission
            .as_ref()
            .is_some_and(|m| m.text.starts_with("Jongeren tussen 14 en 25"))
    );
    // As a new plan: valid, the youth club's period, its code style, an internal goal.
    let preview = PlanTextPreview::new(document.clone(), "vonk.md", Lang::Nl);
    let plan = preview.new_plan(planbord::store::template()).unwrap();
    assert_eq!(validate(&plan), Vec::new());
    assert_eq!((plan.meta.first_year, plan.meta.last_year), (2026, 2030));
    assert_eq!(plan.strategic_goals[2].kind, GoalKind::Internal);
    assert_eq!(plan.strategic_goals[2].operational_goals[0].code, "ODI1.1");
    assert!(plan.mission.starts_with("Jongeren tussen 14 en 25"));
    assert!(plan.sections.iter().any(|s| s.title == "Inleiding"));
}

/// A text as a PDF's extraction gives it: a blank line after every line.
fn double_spaced(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n\n")).collect()
}

#[test]
fn each_slip_of_real_texts_is_read() {
    // A zero for the O, `OD.4.4`, a trailing dot, a dash and a colon.
    let draft = draft_of(
        "SD 1 - Jongeren vinden hun weg.\n\n0D1.1: Vorming voor starters.\n\nOD1.2. Vorming voor gevorderden.\n\nSD4: Kennis is gedeeld.\n\nOD.4.4 Kennis voor het beleid.\n\nOD2.1. Een doel van een tweede doel.\n",
    );
    assert_eq!(
        codes_and_titles(&draft),
        vec![
            ("SD1".to_string(), "Jongeren vinden hun weg.".to_string()),
            ("OD1.1".into(), "Vorming voor starters.".into()),
            ("OD1.2".into(), "Vorming voor gevorderden.".into()),
            ("SD2".into(), String::new()),
            ("OD2.1".into(), "Een doel van een tweede doel.".into()),
            ("SD4".into(), "Kennis is gedeeld.".into()),
            ("OD4.4".into(), "Kennis voor het beleid.".into()),
        ]
    );
    // Written `OD1.1`, the codes keep that style.
    assert_eq!(draft.style, CodeStyle::Dotted);
    // A statement over several lines, the rest of its paragraph the goal's text.
    let draft = draft_of("OD1.1: Een lange uitspraak\nover twee regels.\nMeer uitleg hierover.\n");
    let od = &draft.goals[0].operational[0];
    assert_eq!(od.title, "Een lange uitspraak over twee regels.");
    assert_eq!(od.situering, "Meer uitleg hierover.");
    // Without a full stop the statement ends where a new sentence starts; a name running over
    // lines does not end it.
    let draft = draft_of(
        "SD1 Jongeren vinden hun weg\n\nOD1.1 Vorming voor starters\nWe organiseren elk jaar een reeks.\n\nOD1.2 Samen met het Brussels\nHoofdstedelijk Gewest\n",
    );
    let sd = &draft.goals[0];
    assert_eq!(sd.title, "Jongeren vinden hun weg");
    assert_eq!(sd.operational[0].title, "Vorming voor starters");
    assert_eq!(
        sd.operational[0].situering,
        "We organiseren elk jaar een reeks."
    );
    assert_eq!(
        sd.operational[1].title,
        "Samen met het Brussels Hoofdstedelijk Gewest"
    );
    // Internal goals: SDI, ODI.
    let draft = draft_of(
        "SDI: Een wendbare organisatie.\n\nODI1: Een sterk team.\n\nSD I 2 - Duurzaam beheer.\n",
    );
    assert_eq!(
        codes_and_titles(&draft),
        vec![
            ("SDI1".to_string(), "Een wendbare organisatie.".to_string()),
            ("SDI1.ODI1".into(), "Een sterk team.".into()),
            ("SDI2".into(), "Duurzaam beheer.".into()),
        ]
    );
    // An overview table and the goals' own chapters: one goal each, the fuller statement, the
    // lines of both.
    let markdown = "## Overzicht\n\n| SD | OD |\n|---|---|\n| SD1: Kort. | OD1: Eerste. |\n| | OD2: Tweede doel. |\n\n## SD1: Kort, en nu volledig geformuleerd.\n\n### SD1.OD1: Eerste doel, uitgebreid beschreven.\n\nTekst.\n";
    let draft = read_document(Some(Path::new("plan.md")), markdown.as_bytes())
        .unwrap()
        .draft;
    assert_eq!(draft.goals.len(), 1);
    assert_eq!(draft.goals[0].operational.len(), 2);
    assert_eq!(draft.goals[0].title, "Kort, en nu volledig geformuleerd.");
    assert_eq!(
        draft.goals[0].operational[0].title,
        "Eerste doel, uitgebreid beschreven."
    );
    assert_eq!(draft.goals[0].lines.len(), 2);
}

#[test]
fn words_broken_across_lines_are_joined_by_the_rule() {
    // Double spaced as a PDF's text: the words of the text decide (see text.rs): `sociaal` and
    // `culturele` are words of their own, so `sociaal-` + `culturele` keeps its hyphen;
    // `samenleving` is written whole elsewhere; `ver-` + `huis` is a typesetter's break.
    let text = double_spaced(&[
        "Het sociaal werk en de culturele sector werken samen in de samenleving en de ",
        "gemeente.",
        "SD1: Het sociaal-",
        "culturele werk in een veranderende samenle-",
        "ving is versterkt.",
        "SD2: Na de ver-",
        "huis is het secretariaat bereikbaar.",
        "SD3: Medewerkers zijn ondersteund in hun marketing-",
        "en communicatiebeleid.",
        "Nog een regel om het document lang genoeg te maken voor een ",
        "tekst uit een PDF, met regels die niet eindigen ",
        "op een punt en blanco regels ertussen.",
    ]);
    let draft = draft_of(&text);
    let titles: Vec<&str> = draft.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Het sociaal-culturele werk in een veranderende samenleving is versterkt.",
            "Na de verhuis is het secretariaat bereikbaar.",
            "Medewerkers zijn ondersteund in hun marketing- en communicatiebeleid.",
        ]
    );
}

#[test]
fn documents_that_cannot_be_read_say_why() {
    let error = |bytes: &[u8]| read_document(Some(Path::new("x.docx")), bytes).unwrap_err();
    assert_eq!(
        error(b"%PDF-1.7 ..."),
        PlanTextError::Unsupported(Unsupported::Pdf)
    );
    assert_eq!(
        error(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
        PlanTextError::Unsupported(Unsupported::OldWord)
    );
    // A zip that is no document, a damaged zip, an empty file, bytes that are no text.
    let mut workbook = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut workbook));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
        zip.finish().unwrap();
    }
    assert_eq!(
        error(&workbook),
        PlanTextError::Unsupported(Unsupported::OtherZip)
    );
    let docx = std::fs::read(format!("{EXCERPT}.docx")).unwrap();
    assert_eq!(error(&docx[..docx.len() / 2]), PlanTextError::Damaged);
    assert_eq!(error(b"PK\x03\x04garbage"), PlanTextError::Damaged);
    assert_eq!(error(b"  \n\n \n"), PlanTextError::Empty);
    assert_eq!(
        error(b"SD1: Goed\nSD2: \x81\x00"),
        PlanTextError::NotText { line: 2 }
    );
    // Each in the user's language.
    let nl =
        planbord::i18n::plan_text::error(&PlanTextError::Unsupported(Unsupported::Pdf), Lang::Nl);
    let en =
        planbord::i18n::plan_text::error(&PlanTextError::Unsupported(Unsupported::Pdf), Lang::En);
    assert!(nl.contains("bewaar de tekst als .txt"), "{nl}");
    assert!(en.contains("save its text as .txt"), "{en}");
}

#[test]
fn adding_to_a_plan_is_one_undo_step_and_renumbers_codes_the_plan_has() {
    let document = read(&format!("{EXCERPT}.md"));
    let preview = PlanTextPreview::new(document, "uittreksel.md", Lang::Nl);
    // To the Socius plan, which has SD1-SD4: the excerpt's goals become SD5 and SD6.
    let plan = socius();
    assert!(preview.renumbers_in(&plan));
    let mut doc = Document::new(plan.clone());
    doc.apply(preview.edit()).expect("added");
    let codes: Vec<&str> = doc
        .plan()
        .strategic_goals
        .iter()
        .map(|sd| sd.code.as_str())
        .collect();
    assert_eq!(codes, ["SD1", "SD2", "SD3", "SD4", "SD5", "SD6"]);
    assert_eq!(
        doc.plan().strategic_goals[4].operational_goals[1].code,
        "SD5.OD2"
    );
    // Activities of kinds the plan has get its types; others a new type.
    let types = &doc.plan().activity_types;
    assert_eq!(
        types.len(),
        plan.activity_types.len(),
        "Onderzoek and Stakeholdersdialoog are Socius types already"
    );
    assert_eq!(doc.undo_label(Lang::Nl), Some("plan uit document"));
    assert!(doc.undo());
    assert_eq!(doc.plan(), &plan);
    // To an empty plan: the document's own codes.
    let empty = planbord::store::template();
    assert!(!preview.renumbers_in(&empty));
}

#[test]
fn the_command_line_writes_a_new_plan_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("socius-uit-tekst.ron");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, err) = planbord(&["import-plan", out_arg, SOCIUS_TEXT]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("Herkend: 4 strategische doelen, 16 operationele doelen, 22 indicatoren, 68 activiteiten"), "{stdout}");
    assert!(
        stdout.contains("  SD1.OD4 Medewerkers en organisaties zijn ondersteund in hun marketing- en communicatiebeleid en -praktijk. — 0 indicatoren, 4 activiteiten — regel 1821"),
        "{stdout}"
    );
    assert!(stdout.contains("Niet herkend tussen de doelen"), "{stdout}");
    let plan = planbord::store::load(&out).expect("the new plan loads");
    assert_eq!(plan.strategic_goals.len(), 4);
    assert_eq!((plan.meta.first_year, plan.meta.last_year), (2021, 2025));
    assert_eq!(plan.meta.title, "Beleidsplan 2021-2025");
    // Again to the same file: refused, the file untouched.
    let before = std::fs::read(&out).unwrap();
    let (code, _, err) = planbord(&["import-plan", out_arg, &format!("{EXCERPT}.docx")]);
    assert_eq!(code, 1);
    assert!(
        err.contains("bestaat al; import-plan schrijft nooit over een bestand"),
        "{err}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // --dry-run writes nothing; the preview in English.
    let other = dir.path().join("other.ron");
    let (code, stdout, _) = planbord(&[
        "import-plan",
        "--lang",
        "en",
        other.to_str().unwrap(),
        &format!("{EXCERPT}.odt"),
        "--dry-run",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Plan from document: socius-uittreksel.odt: OpenDocument text"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Recognised: 2 strategic goals, 4 operational goals, 6 indicators, 6 activities"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("--dry-run: nothing was written"),
        "{stdout}"
    );
    assert!(!other.exists());
    // A document that is no text: exit 1, why, in the user's language; nothing written.
    let pdf = dir.path().join("plan.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 ...").unwrap();
    let (code, _, err) = planbord(&[
        "import-plan",
        other.to_str().unwrap(),
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("een PDF"), "{err}");
    let (_, _, err) = planbord(&[
        "import-plan",
        "--lang",
        "en",
        other.to_str().unwrap(),
        pdf.to_str().unwrap(),
    ]);
    assert!(err.contains("a PDF"), "{err}");
    assert!(!other.exists());
}

fn open_menu_item(h: &mut egui_kittest::Harness<'static, PlanApp>, item: &str) {
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn a_document_becomes_a_new_untitled_plan_from_the_file_menu() {
    let mut h = harness_with(PlanApp::new(
        socius(),
        Some(PathBuf::from(SOCIUS)),
        prefs_on(Panel::Goals),
    ));
    h.run();
    open_menu_item(&mut h, "Plan uit document…");
    type_into(&mut h, "Pad", &format!("{EXCERPT}.docx"), Key::Enter);
    // The preview: the tree with its counts, before anything changes.
    h.get_by_label("Plan uit document");
    h.get_by_label_contains("2 strategische doelen, 4 operationele doelen, 6 indicatoren");
    assert!(h.get_all_by_label_contains("SD2.OD1").count() >= 1);
    assert_eq!(h.state().plan(), &socius());
    click(&mut h, "Nieuw plan maken");
    let app = h.state();
    assert!(app.path().is_none(), "a new plan has no file yet");
    assert!(app.is_dirty());
    assert_eq!(app.plan().strategic_goals.len(), 2);
    assert_eq!(app.plan().operational_goals().count(), 4);
    assert_eq!(app.plan().meta.first_year, 2021);
    assert!(
        app.status.contains("Nieuw plan uit het document"),
        "{}",
        app.status
    );
}

#[test]
fn a_new_plan_from_a_document_asks_about_unsaved_changes_first() {
    let mut h = harness_with(PlanApp::new(
        socius(),
        Some(PathBuf::from(SOCIUS)),
        prefs_on(Panel::Plan),
    ));
    h.run();
    h.state_mut().apply(vec![planbord::edit::Edit::SetText(
        planbord::edit::TextField::Author,
        "nog niet bewaard".into(),
    )]);
    h.run();
    open_menu_item(&mut h, "Plan uit document…");
    type_into(&mut h, "Pad", VONK, Key::Enter);
    click(&mut h, "Nieuw plan maken");
    // The question first; cancelling keeps the plan as it is.
    h.get_by_label("Niet-opgeslagen wijzigingen");
    click(&mut h, "Annuleren");
    assert_eq!(h.state().plan().meta.author, "nog niet bewaard");
    assert_eq!(h.state().path(), Some(Path::new(SOCIUS)));
    // Again, and not saving: the new plan opens.
    open_menu_item(&mut h, "Plan uit document…");
    type_into(&mut h, "Pad", VONK, Key::Enter);
    click(&mut h, "Nieuw plan maken");
    click(&mut h, "Niet opslaan");
    let app = h.state();
    assert_eq!(app.plan().strategic_goals.len(), 3);
    assert_eq!(app.plan().meta.first_year, 2026);
    assert!(app.path().is_none());
    // The Socius file was not touched.
    assert_eq!(crate::support::load(SOCIUS), socius());
}

#[test]
fn a_document_is_added_to_the_open_plan_as_one_undoable_step_from_the_file_menu() {
    let template = planbord::store::template();
    let mut h = harness_with(PlanApp::new(template.clone(), None, prefs_on(Panel::Goals)));
    h.run();
    open_menu_item(&mut h, "Plan uit document…");
    type_into(&mut h, "Pad", &format!("{EXCERPT}.odt"), Key::Enter);
    click(&mut h, "Toevoegen aan dit plan");
    let plan: Plan = h.state().plan().clone();
    let codes: Vec<&str> = plan
        .strategic_goals
        .iter()
        .map(|sd| sd.code.as_str())
        .collect();
    assert_eq!(codes, ["SD1", "SD2"]);
    assert_eq!(
        plan.strategic_goals[0].operational_goals[1]
            .indicators
            .len(),
        2
    );
    assert!(
        h.state().status.contains("toegevoegd"),
        "{}",
        h.state().status
    );
    h.state_mut().undo();
    assert_eq!(h.state().plan(), &template);
    // A file that is no document: a message, the plan unchanged.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("plan.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    open_menu_item(&mut h, "Plan uit document…");
    type_into(&mut h, "Pad", pdf.to_str().unwrap(), Key::Enter);
    assert!(h.get_all_by_label_contains("een PDF").count() >= 1);
    assert_eq!(h.state().plan(), &template);
}

mod robustness {
    use planbord::exchange::Preview;
    use planbord::exchange::plan_text::{PlanTextPreview, read_document};
    use planbord::i18n::Lang;
    use proptest::prelude::*;

    /// Pieces real texts are made of, and some that are not: codes and their slips, numbers,
    /// years, bullets, labels, table bars, Markdown, letters of several bytes, odd lowercasing.
    const PIECES: [&str; 40] = [
        "SD",
        "OD",
        "0D",
        "SDI",
        "ODI",
        "1",
        "2",
        ".",
        ":",
        " - ",
        "–",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "•\t",
        "- ",
        "1. ",
        "6.1 ",
        "# ",
        "## ",
        "| ",
        " |",
        "|---|",
        "2021",
        "-2025",
        " 2021 – 2023",
        "Indicatoren",
        "Situering",
        "Werking Timing",
        "Algemene indicatoren",
        "sociaal-",
        "cul-",
        "é",
        "K",
        "İ",
        "x",
        "**",
        "Strategische doelstelling ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any text gives a preview and a valid new plan, or a reason: never a panic.
        #[test]
        fn any_text_gives_a_plan_or_a_reason(
            pieces in prop::collection::vec(0..PIECES.len(), 0..80),
            markdown in any::<bool>(),
        ) {
            let text: String = pieces.iter().map(|i| PIECES[*i]).collect();
            let path = if markdown { "plan.md" } else { "plan.txt" };
            if let Ok(document) = read_document(Some(std::path::Path::new(path)), text.as_bytes()) {
                let preview = PlanTextPreview::new(document, path, Lang::Nl);
                let _ = preview.describe(Lang::En);
                let plan = preview.new_plan(planbord::store::template());
                let plan = plan.expect("the template has a salary profile");
                let problems = planbord::model::validate(&plan);
                prop_assert!(problems.is_empty(), "{text:?}: {problems:?}");
            }
        }
    }
}
