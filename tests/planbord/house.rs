//! The house rules (ARCHITECTURE.md), checked on the source: which layer may import which, and
//! that the words a user reads live in `src/i18n/`, the one rendering layer, in both languages.

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, sorted.
fn sources(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(dir), &mut out);
    out.sort();
    out
}

/// The program's lines of a file: without its unit tests (`#[cfg(test)]` to the end) and
/// without comment lines.
fn program_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .take_while(|(_, l)| !l.trim_start().starts_with("#[cfg(test)]"))
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

fn under(path: &Path, dirs: &[&str]) -> bool {
    let path = path.to_string_lossy().replace('\\', "/");
    dirs.iter().any(|d| path.starts_with(d))
}

#[test]
fn layers_import_only_what_they_may() {
    let mut broken = Vec::new();
    for path in sources("src") {
        for (n, line) in program_lines(&path) {
            let mut rule = |forbidden: &str, dirs: &[&str], why: &str| {
                if under(&path, dirs) && line.contains(forbidden) {
                    broken.push(format!("{}:{n}: {why}: {}", path.display(), line.trim()));
                }
            };
            // The document, its numbers and its files know nothing of the window.
            let core = [
                "src/model",
                "src/calc",
                "src/store",
                "src/edit",
                "src/merge",
            ];
            rule("egui", &core, "no UI in the core");
            rule("egui", &["src/folders.rs"], "no UI in the folders");
            rule("eframe", &core, "no UI in the core");
            rule("crate::app", &core, "the core does not know the app");
            rule("crate::ui", &core, "the core does not know the panels");
            rule(
                "crate::cli",
                &core,
                "the core does not know the command line",
            );
            // The rendering layer renders: it does not read files or draw.
            let words = ["src/i18n"];
            rule("egui", &words, "texts, not widgets");
            rule("crate::store::load", &words, "texts do not read files");
            // Panels get the plan and its summary and push edits; they never read or write files.
            let panels = ["src/ui"];
            rule("store::load", &panels, "panels do not read files");
            rule("store::save", &panels, "panels do not write files");
            rule("read_bounded", &panels, "panels do not read files");
            rule("store::disk", &panels, "panels do not look at the disk");
            rule("std::fs", &panels, "panels do not touch files");
            // Only store touches the file system (clippy.toml says the same for methods).
            let not_store: Vec<&str> = [
                "src/app",
                "src/calc",
                "src/cli",
                "src/compare",
                "src/edit",
                "src/exchange",
                "src/i18n",
                "src/merge",
                "src/model",
                "src/ui",
                "src/report.rs",
                "src/history.rs",
                "src/generate.rs",
                "src/numfmt.rs",
                "src/folders.rs",
            ]
            .to_vec();
            rule("std::fs", &not_store, "files go through store");
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Files whose literals are words Planbord *recognises* in what users bring in (the headers and
/// labels of accounting tables in both languages), not words it writes.
const RECOGNISED_WORDS: &[&str] = &[
    "src/exchange/source/cells.rs",
    "src/exchange/import/mod.rs",
    "src/exchange/import/rows.rs",
    "src/exchange/import_actuals/mod.rs",
    "src/exchange/import_actuals/rows.rs",
    // Goal codes as documents spell them out ("strategisch doel 1").
    "src/exchange/plan_text/codes.rs",
];

/// Dutch words no English text and no code has (whole words).
const DUTCH: &[&str] = &[
    "het",
    "een",
    "niet",
    "geen",
    "van",
    "naar",
    "wordt",
    "voor",
    "bestand",
    "nieuw",
    "nieuwe",
    "lijn",
    "doel",
    "rekening",
    "kosten",
    "opbrengsten",
    "totaal",
    "jaar",
    "kan",
    "zijn",
    "moet",
];

#[test]
fn user_text_is_rendered_only_in_i18n() {
    let mut found = Vec::new();
    for path in sources("src") {
        if under(&path, &["src/i18n"]) {
            continue;
        }
        let recognised = under(&path, RECOGNISED_WORDS);
        for (n, line) in program_lines(&path) {
            // Choosing words by language is the rendering layer's job.
            for branch in ["Lang::Nl =>", "Lang::En =>", "if en {", "let en = lang"] {
                if line.contains(branch) {
                    found.push(format!("{}:{n}: `{branch}`", path.display()));
                }
            }
            if recognised {
                continue;
            }
            // Dutch words in a string literal.
            for literal in line.split('"').skip(1).step_by(2) {
                let words: Vec<String> = literal
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect();
                if let Some(word) = DUTCH.iter().find(|w| words.iter().any(|x| x == *w)) {
                    found.push(format!("{}:{n}: '{word}' in \"{literal}\"", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts outside src/i18n/:\n{}",
        found.join("\n")
    );
}

/// The string values of each `const NAME: Type = Type {` table in src/i18n/ (NL, EN,
/// ACTUALS_NL ...), by name.
fn tables() -> Vec<(String, Vec<String>)> {
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    for path in sources("src/i18n") {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut current: Option<(String, Vec<String>)> = None;
        for line in text.lines() {
            let trimmed = line.trim();
            if let Some(rest) = trimmed
                .strip_prefix("pub const ")
                .or_else(|| trimmed.strip_prefix("const "))
                && rest.ends_with('{')
            {
                let name = rest.split(':').next().unwrap().trim().to_string();
                current = Some((name, Vec::new()));
                continue;
            }
            if trimmed == "};" {
                if let Some(table) = current.take() {
                    tables.push(table);
                }
                continue;
            }
            if let Some((_, values)) = current.as_mut()
                && let Some((_, value)) = trimmed.split_once(": \"")
                && let Some(value) = value.strip_suffix("\",")
            {
                values.push(value.to_string());
            }
        }
    }
    tables
}

#[test]
fn both_catalogues_are_complete() {
    let tables = tables();
    let names: Vec<&str> = tables.iter().map(|(n, _)| n.as_str()).collect();
    let mut pairs = 0;
    for (name, values) in &tables {
        let Some(stem) = name.strip_suffix("NL") else {
            continue;
        };
        let english = format!("{stem}EN");
        let (_, en) = tables
            .iter()
            .find(|(n, _)| *n == english)
            .unwrap_or_else(|| panic!("{name} has no {english} ({names:?})"));
        pairs += 1;
        assert_eq!(
            values.len(),
            en.len(),
            "{name} and {english} hold as many texts"
        );
        for (nl, en) in values.iter().zip(en) {
            assert!(
                !nl.trim().is_empty() && !en.trim().is_empty(),
                "{name}: an empty text"
            );
        }
        let same = values.iter().zip(en).filter(|(a, b)| a == b).count();
        assert!(
            same * 4 < values.len(),
            "{name}: {same} of {} texts are the same in English: not translated?",
            values.len()
        );
    }
    assert!(pairs >= 3, "{names:?}");
}
