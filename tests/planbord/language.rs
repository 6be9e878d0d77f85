//! One language at a time: the English window shows no Dutch text and the Dutch window no English
//! text, on every panel. The labels of the accessibility tree are scanned against both string
//! tables of `src/i18n/` (a text that only one language has gives the language away).

use egui_kittest::kittest::{By, Queryable};
use planbord::app::PlanApp;
use planbord::i18n::Lang;
use planbord::ui::Panel;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::support::{CUT, SOCIUS, harness_sized, load, prefs_on};

/// The Socius plan with a year of (invented) realised figures: every panel has content.
const REALISED: &str = "plans/socius-2021-2025-realisatie-voorbeeld.ron";

/// The string values of the table `const NAME: ... = ... {` in src/i18n/ (every table of that
/// language: `NL`, `COMPARE_NL` ...).
fn table_values(lang: &str) -> BTreeSet<String> {
    let mut files: Vec<_> = std::fs::read_dir("src/i18n")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let source: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let mut values = BTreeSet::new();
    let mut inside = false;
    for line in source.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("pub const ") || trimmed.starts_with("const ") {
            let name = trimmed.split([':', ' ']).nth(2).unwrap_or_default();
            inside = name == lang || name.ends_with(&format!("_{lang}"));
            continue;
        }
        if inside && trimmed == "};" {
            inside = false;
        }
        if inside
            && let Some((_, value)) = trimmed.split_once(": \"")
            && let Some(value) = value.strip_suffix("\",")
        {
            values.insert(value.replace("\\\"", "\""));
        }
    }
    values
}

/// Texts that give the language away: in one table, in no form in the other.
fn only_in(lang: &str, other: &str) -> Vec<String> {
    let mine = table_values(lang);
    let theirs = table_values(other);
    assert!(mine.len() > 150, "{lang}: {} texts found", mine.len());
    mine.into_iter()
        .filter(|v| {
            v.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !v.contains('{')
                && !theirs.contains(v)
        })
        .collect()
}

fn labels(h: &egui_kittest::Harness<'static, PlanApp>) -> Vec<String> {
    let found = RefCell::new(Vec::new());
    let _ = h.query_all(By::new().predicate(|node| {
        if let Some(label) = node.label() {
            found.borrow_mut().push(label);
        }
        false
    }));
    found.into_inner()
}

/// Whether `label` shows the foreign text `text`: the whole label, or a word group in it.
fn shows(label: &str, text: &str) -> bool {
    label == text
        || label.starts_with(&format!("{text} "))
        || label.ends_with(&format!(" {text}"))
        || label.contains(&format!(" {text} "))
}

/// Every text of the plans shown: the user's own words (goal titles, line names ...) are in the
/// language the user wrote them in, whatever the window's language.
fn plan_texts() -> Vec<String> {
    let mut texts = BTreeSet::new();
    for path in [SOCIUS, CUT, REALISED] {
        let ron = std::fs::read_to_string(path).unwrap();
        let mut rest = ron.as_str();
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let end = after.find('"').unwrap_or(after.len());
            texts.insert(after[..end].replace("\\'", "'"));
            rest = &after[(end + 1).min(after.len())..];
        }
    }
    let mut texts: Vec<String> = texts.into_iter().filter(|t| t.len() >= 2).collect();
    // The longest first, so a name is removed before a word of it.
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

fn scan(lang: Lang) {
    let (mine, other) = match lang {
        Lang::Nl => ("NL", "EN"),
        Lang::En => ("EN", "NL"),
    };
    let foreign = only_in(other, mine);
    let user_texts = plan_texts();
    let mut offences = Vec::new();
    for panel in [
        Panel::Plan,
        Panel::Goals,
        Panel::Timing,
        Panel::Staffing,
        Panel::Budget,
        Panel::Actuals,
        Panel::Charts,
        Panel::Warnings,
        Panel::Compare,
    ] {
        let mut prefs = prefs_on(panel);
        prefs.lang = lang;
        let mut app = PlanApp::new(load(REALISED), Some(PathBuf::from(REALISED)), prefs);
        app.select_goal_by_code("SD1.OD2");
        if panel == Panel::Compare {
            app.add_comparison(std::path::Path::new(CUT));
        }
        let mut h = harness_sized(app, 1600.0, 2400.0);
        h.run();
        for label in labels(&h) {
            let mut label = label;
            for text in &user_texts {
                label = label.replace(text.as_str(), " ");
            }
            let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
            for text in &foreign {
                if shows(&label, text) {
                    offences.push(format!("{panel:?}: '{label}' shows '{text}'"));
                }
            }
        }
    }
    offences.sort();
    offences.dedup();
    assert!(
        offences.is_empty(),
        "{} offences:\n{}",
        offences.len(),
        offences.join("\n")
    );
}

#[test]
fn the_english_window_shows_no_dutch() {
    scan(Lang::En);
}

#[test]
fn the_dutch_window_shows_no_english() {
    scan(Lang::Nl);
}

#[test]
fn a_refused_edit_and_a_refused_file_speak_the_window_language() {
    use planbord::edit::{Edit, YearField};
    let plan = crate::support::socius();
    let od = crate::support::goal(&plan, "SD2.OD1").id;
    // More financed from the fund than the operating budget itself: refused by validation.
    let too_much = Edit::SetYear(
        YearField::GoalFundFinanced(od),
        2022,
        Some(rust_decimal::dec!(999999)),
    );
    for (lang, expected) in [
        (Lang::Nl, "komt uit een fonds, meer dan de werkingsmiddelen"),
        (Lang::En, "is financed from a fund, more than the budget"),
    ] {
        let mut prefs = prefs_on(Panel::Budget);
        prefs.lang = lang;
        let mut app = PlanApp::new(plan.clone(), None, prefs);
        app.apply(vec![too_much.clone()]);
        assert!(app.status.contains(expected), "{lang:?}: {}", app.status);
    }
    // A file with a reference to nothing: the load error in Dutch names the place in Dutch.
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    let profile_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("salary_profile:"))
        .unwrap();
    let broken = text.replacen(
        profile_line,
        "                    salary_profile: 99999,",
        1,
    );
    let err =
        planbord::store::from_bytes(broken.as_bytes(), std::path::Path::new("p.ron")).unwrap_err();
    let nl = planbord::i18n::errors::load_error(&err, Lang::Nl);
    assert!(nl.contains("loonprofiel #99999 bestaat niet"), "{nl}");
    assert!(
        planbord::i18n::errors::load_error(&err, Lang::En)
            .contains("salary profile #99999 does not exist"),
        "{err}"
    );
}

/// A new item is named in the window's language until the user types a name.
#[test]
fn new_items_are_named_in_the_windows_language() {
    for (lang, button, name) in [
        (
            Lang::Nl,
            "Strategisch doel toevoegen",
            "Nieuw strategisch doel",
        ),
        (Lang::En, "Add strategic goal", "New strategic goal"),
    ] {
        let mut prefs = prefs_on(Panel::Goals);
        prefs.lang = lang;
        let mut h = harness_sized(PlanApp::new(load(SOCIUS), None, prefs), 1366.0, 768.0);
        h.run();
        let before = h.state().plan().strategic_goals.len();
        h.get_by_label(button).click();
        h.run();
        let goals = &h.state().plan().strategic_goals;
        assert_eq!(goals.len(), before + 1);
        assert_eq!(goals.last().unwrap().title, name, "{lang:?}");
    }
}
