//! The PDF report: its layout model (pages of positioned text, shapes and table rows) is inspected
//! directly, and the PDF file itself is read back with poppler's `pdftotext` and `pdfinfo`
//! (`scripts/setup` installs poppler-utils) as an independent reader.

use crate::support::published::{Figure, PUBLISHED_8_2, printed};
use crate::support::{SOCIUS, TEMPLATE, load, planbord, socius};
use planbord::calc::summarize;
use planbord::exchange::pdf::layout::{
    Align, CONTENT_BOTTOM, Cell, Column, Document, Item, MARGIN_TOP, Page, Rgb, RowKind, Table,
    TableRow,
};
use planbord::exchange::pdf::{report_document, table_pages, write_pdf};
use planbord::i18n::Lang;
use planbord::model::{Indicator, Plan};
use planbord::numfmt;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const TODAY: &str = "2026-11-30";

fn document(plan: &Plan, lang: Lang) -> Document {
    report_document(plan, &summarize(plan), lang, TODAY).expect("the report lays out")
}

/// The text items of a page with their position: (x, baseline, text).
fn texts(page: &Page) -> Vec<(f32, f32, &str)> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The text lines of every page: the items on one baseline, left to right.
fn lines(doc: &Document) -> Vec<(usize, Vec<String>)> {
    let mut lines = Vec::new();
    for (index, page) in doc.pages.iter().enumerate() {
        let mut by_baseline: BTreeMap<i64, Vec<(f32, &str)>> = BTreeMap::new();
        for (x, y, text) in texts(page) {
            by_baseline
                .entry((y * 10.0).round() as i64)
                .or_default()
                .push((x, text));
        }
        for (_, mut items) in by_baseline {
            items.sort_by(|a, b| a.0.total_cmp(&b.0));
            lines.push((
                index,
                items.into_iter().map(|(_, t)| t.to_string()).collect(),
            ));
        }
    }
    lines
}

/// Whether the numbers `wanted` appear in `line` in this order (other cells may stand between
/// them). Cells are read as nl-BE numbers: `1.362.093`, `0,7`, `-14.800`.
fn in_order(line: &[String], wanted: &[Decimal]) -> bool {
    let mut cells = line.iter();
    wanted
        .iter()
        .all(|w| cells.any(|c| numfmt::parse(c).is_ok_and(|v| v == *w)))
}

fn tool(name: &str) -> Command {
    let found = Command::new(name).arg("-v").output().is_ok();
    assert!(
        found,
        "`{name}` is needed to read the PDF back: install poppler-utils (scripts/setup does)"
    );
    Command::new(name)
}

fn pdftotext(path: &Path) -> String {
    let out = tool("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

fn pdf_pages(path: &Path) -> usize {
    let out = tool("pdfinfo").arg(path).output().expect("pdfinfo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

#[test]
fn the_socius_report_has_a_title_page_contents_goals_tables_charts_and_warnings() {
    let plan = socius();
    let doc = document(&plan, Lang::Nl);
    let n = doc.pages.len();
    assert!((30..=50).contains(&n), "{n} pages");

    let title_page = doc.pages[0].text();
    for wanted in [
        "Socius",
        "Beleidsplan Socius 2021-2025",
        "2021–2025",
        "Ingediend beleidsplan",
        "30 november 2026",
    ] {
        assert!(
            title_page.contains(wanted),
            "{wanted} not on the title page"
        );
    }
    assert!(doc.pages[1].text().starts_with("Inhoud"));

    // Every page is numbered "pagina i van n".
    for (i, page) in doc.pages.iter().enumerate() {
        let number = format!("pagina {} van {n}", i + 1);
        assert!(page.texts().any(|t| t == number), "page {i}: no {number}");
    }

    // Every goal is a heading, on a page that shows it.
    for sd in &plan.strategic_goals {
        let codes = std::iter::once(&sd.code).chain(sd.operational_goals.iter().map(|od| &od.code));
        for code in codes {
            let heading = doc
                .headings
                .iter()
                .find(|h| h.title.starts_with(&format!("{code} ")))
                .unwrap_or_else(|| panic!("no heading for {code}"));
            assert!(
                doc.pages[heading.page]
                    .texts()
                    .any(|t| t.starts_with(&format!("{code} "))),
                "{code} not on page {}",
                heading.page
            );
        }
    }
    for chapter in [
        "Missie en prioriteiten",
        "Strategische en operationele doelen",
        "Personeel",
        "Begroting",
        "Grafieken",
        "Openstaande waarschuwingen",
    ] {
        assert!(
            doc.headings
                .iter()
                .any(|h| h.level == 1 && h.title.ends_with(chapter)),
            "no chapter {chapter}"
        );
    }
    let warnings = doc
        .headings
        .iter()
        .find(|h| h.title.ends_with("Openstaande waarschuwingen"))
        .unwrap();
    assert!(
        doc.pages[warnings.page]
            .texts()
            .any(|t| t == "Geen waarschuwingen: het plan is consistent.")
    );
}

#[test]
fn the_contents_give_the_page_of_every_chapter_and_strategic_goal() {
    let doc = document(&socius(), Lang::Nl);
    let contents = lines(&doc)
        .into_iter()
        .filter(|(page, _)| *page == 1)
        .map(|(_, line)| line)
        .collect::<Vec<_>>();
    let mut checked = 0;
    for heading in doc.headings.iter().filter(|h| h.level <= 2 && h.page > 1) {
        // Titles that fit one line: the number stands on the same line.
        let number = (heading.page + 1).to_string();
        if let Some(line) = contents.iter().find(|l| l.first() == Some(&heading.title)) {
            assert_eq!(line.last(), Some(&number), "{}", heading.title);
            checked += 1;
        }
        assert!(
            doc.pages[heading.page]
                .texts()
                .any(|t| heading.title.starts_with(t) && !t.is_empty()),
            "{} not on page {}",
            heading.title,
            heading.page + 1
        );
    }
    assert!(checked >= 15, "only {checked} contents lines checked");
}

#[test]
fn every_published_row_of_section_8_2_is_a_row_of_the_report() {
    let doc = document(&socius(), Lang::Nl);
    let lines = lines(&doc);
    let mut rows = 0;
    for table in PUBLISHED_8_2 {
        for row in table.rows {
            if let Figure::BudgetIncome(label) = row.figure {
                // An income row of the multi-year budget (a printed group too): one line.
                assert!(
                    lines
                        .iter()
                        .any(|(_, l)| l.first().is_some_and(|c| c == label)),
                    "no line {label}"
                );
            }
            let wanted: Vec<Decimal> = printed(row.values).into_iter().flatten().collect();
            assert!(
                lines.iter().any(|(_, line)| in_order(line, &wanted)),
                "{} / {}: no line with {}",
                table.title,
                row.label,
                row.values
            );
            rows += 1;
        }
    }
    assert!(rows > 40, "{rows} rows");
    // The totals of 8.2 in nl-BE notation, e.g. the personnel cost of 2021.
    assert!(
        lines
            .iter()
            .any(|(_, l)| l.iter().any(|c| c == "1.362.093"))
    );
}

/// The last line of `lines` that is the heading `title`.
fn heading_at(lines: &[&str], title: &str) -> usize {
    lines
        .iter()
        .rposition(|l| l.trim() == title)
        .unwrap_or_else(|| panic!("no heading {title}"))
}

/// Rows of a table in the lines of `pdftotext -layout` text (from its heading on): each line that
/// starts with `label` gives the numbers after it (nl-BE notation). Looks for the labels in the
/// order given; `None` for a label not found.
fn pdf_table_rows(lines: &[&str], labels: &[&str]) -> Vec<Option<Vec<Decimal>>> {
    let mut at = 0;
    labels
        .iter()
        .map(|label| {
            let found = (at..lines.len()).find_map(|i| {
                let rest = lines[i].trim_start().strip_prefix(label)?;
                // The label ends where the columns start: two spaces or more.
                if !rest.starts_with("  ") {
                    return None;
                }
                let numbers: Option<Vec<Decimal>> = rest
                    .split_whitespace()
                    .map(|cell| numfmt::parse(cell).ok())
                    .collect();
                Some((i, numbers?))
            });
            found.map(|(i, numbers)| {
                at = i + 1;
                numbers
            })
        })
        .collect()
}

#[test]
fn the_pdf_text_of_the_multi_year_budget_has_every_row_of_8_2_4() {
    let plan = socius();
    let summary = summarize(&plan);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socius.pdf");
    std::fs::write(&path, write_pdf(&plan, &summary, Lang::Nl, TODAY).unwrap()).unwrap();
    let text = pdftotext(&path);
    let table = PUBLISHED_8_2.iter().find(|t| t.section == "8.2.4").unwrap();
    let labels: Vec<&str> = table.rows.iter().map(|r| r.label).collect();
    let t = planbord::i18n::tr(Lang::Nl);
    let lines: Vec<&str> = text.lines().collect();
    // The budget is the last table of its chapter; the income table comes before it.
    let budget_at = heading_at(&lines, t.table_budget.title);
    let income_at = heading_at(&lines[..budget_at], t.table_income.title);
    let found = pdf_table_rows(&lines[budget_at..], &labels);
    let mut cells = 0;
    for (row, numbers) in table.rows.iter().zip(found) {
        let numbers = numbers.unwrap_or_else(|| {
            panic!(
                "{}: no row in the PDF's multi-year budget (in printed order)",
                row.label
            )
        });
        let published: Vec<Decimal> = printed(row.values).into_iter().flatten().collect();
        // The five years, then the period total.
        assert_eq!(numbers.len(), 6, "{}: {numbers:?}", row.label);
        assert_eq!(numbers[..5], published[..], "{}", row.label);
        assert_eq!(
            numbers[5],
            published.iter().sum::<Decimal>(),
            "{}",
            row.label
        );
        cells += published.len();
    }
    assert_eq!(cells, 55);
    // The printed group's lines are not rows of the budget; the income table has them.
    let apart = ["Inkomsten externe verhuur", "Financiële opbrengsten"];
    for row in pdf_table_rows(&lines[budget_at..], &apart) {
        assert!(
            row.is_none(),
            "a line of the group printed apart in the budget"
        );
    }
    let income = pdf_table_rows(&lines[income_at..budget_at], &apart);
    assert_eq!(
        income[0].as_deref().map(|n| n[0]),
        Some(Decimal::from(8000))
    );
    assert_eq!(income[1].as_deref().map(|n| n[0]), Some(Decimal::from(250)));
}

#[test]
fn the_timing_grid_has_one_bar_per_year_an_activity_runs() {
    let plan = socius();
    let doc = document(&plan, Lang::Nl);
    let expected: usize = plan
        .operational_goals()
        .flat_map(|(_, od)| &od.activities)
        .map(|a| {
            plan.years()
                .filter(|y| (a.first_year..=a.last_year).contains(y))
                .count()
        })
        .sum();
    let bars = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|item| {
            matches!(item, Item::Rect { color, height, width, .. }
                if *color == Rgb::ACCENT && *height == 7.0 && *width < 40.0)
        })
        .count();
    assert!(expected > 50);
    assert_eq!(bars, expected);
}

#[test]
fn the_charts_have_a_legend_and_year_labels() {
    let doc = document(&socius(), Lang::Nl);
    let charts = doc
        .headings
        .iter()
        .find(|h| h.title == "VTE per jaar")
        .expect("FTE chart heading");
    let page = &doc.pages[charts.page];
    let words: Vec<&str> = page.texts().collect();
    for wanted in [
        "SD1",
        "SD2",
        "SD3",
        "SD4",
        "Beschikbaar",
        "Personeelskosten",
        "Totaal inkomsten",
        "2021",
        "2025",
        "15,9",
        "0",
    ] {
        assert!(
            words.contains(&wanted),
            "{wanted} missing on the chart page"
        );
    }
    // Each year's FTE bars stack from the axis (the line at 0) upwards: the tallest stack is the
    // total FTE, below the top of the axis.
    let rects: Vec<(f32, f32, f32, f32)> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect {
                x,
                y,
                width,
                height,
                ..
            } if *width > 30.0 && *width < 100.0 => Some((*x, *y, *width, *height)),
            _ => None,
        })
        .collect();
    assert!(rects.len() >= 5 * 6, "{} bars", rects.len());
}

#[test]
fn open_warnings_are_listed_in_the_users_language() {
    let mut plan = socius();
    for sd in plan.strategic_goals.iter_mut().take(1) {
        sd.indicators.clear();
        for od in &mut sd.operational_goals {
            od.indicators = Vec::<Indicator>::new();
        }
    }
    plan.available_fte.set(2023, Some(rust_decimal::dec!(15)));
    let summary = summarize(&plan);
    assert!(summary.warnings.len() >= 2);
    for lang in [Lang::Nl, Lang::En] {
        let doc = report_document(&plan, &summary, lang, TODAY).unwrap();
        let heading = doc
            .headings
            .iter()
            .find(|h| {
                h.level == 1
                    && h.title.ends_with(if lang == Lang::Nl {
                        "Openstaande waarschuwingen"
                    } else {
                        "Open warnings"
                    })
            })
            .expect("warnings chapter");
        let text: String = doc.pages[heading.page..]
            .iter()
            .flat_map(|p| p.texts())
            .collect::<Vec<_>>()
            .join(" ");
        for warning in &summary.warnings {
            let line = planbord::i18n::describe_warning(warning, lang);
            assert!(text.contains(&line), "{line} not in {text}");
        }
    }
}

#[test]
fn english_output_has_english_headings_and_page_numbers() {
    let doc = document(&socius(), Lang::En);
    assert_eq!(doc.language, "en");
    let n = doc.pages.len();
    assert!(doc.pages[1].text().starts_with("Contents"));
    for chapter in [
        "Mission and priorities",
        "Strategic and operational goals",
        "Staffing",
        "Budget",
        "Charts",
        "Open warnings",
    ] {
        assert!(
            doc.headings
                .iter()
                .any(|h| h.level == 1 && h.title.ends_with(chapter)),
            "no chapter {chapter}"
        );
    }
    assert!(doc.pages[0].text().contains("30 November 2026"));
    assert!(
        doc.pages[n - 1]
            .texts()
            .any(|t| t == format!("page {n} of {n}"))
    );
    let all = doc.text();
    for dutch in [
        "Inhoud",
        "pagina ",
        "Openstaande waarschuwingen",
        "Streefwaarde",
    ] {
        assert!(
            !all.contains(dutch),
            "Dutch text {dutch:?} in the English report"
        );
    }
    // Figures keep the nl-BE notation of the tables.
    assert!(all.contains("1.362.093"));
}

/// A table of `rows` rows whose cells wrap over 1 to 5 lines; every word of row `i` starts
/// with `r{i}w`, so each line of a row can be traced to it.
fn long_table(rows: usize) -> Table {
    let columns = vec![
        Column {
            width: 60.0,
            align: Align::Left,
        },
        Column {
            width: 200.0,
            align: Align::Left,
        },
        Column {
            width: 80.0,
            align: Align::Right,
        },
    ];
    let rows = (0..rows)
        .map(|i| {
            let words = 1 + (i % 5) * 9;
            let text: Vec<String> = (0..words).map(|w| format!("r{i}w{w}")).collect();
            let kind = if i % 17 == 16 {
                RowKind::Total
            } else {
                RowKind::Normal
            };
            TableRow::new(vec![
                Cell::Text(format!("r{i}wcode")),
                Cell::Text(text.join(" ")),
                Cell::Text(numfmt::euros(rust_decimal::Decimal::from(i * 1000))),
            ])
            .kind(kind)
        })
        .collect();
    Table {
        columns,
        header: vec!["Kolom A".into(), "Kolom B".into(), "Bedrag".into()],
        rows,
    }
}

fn row_of(word: &str) -> Option<usize> {
    let rest = word.strip_prefix('r')?;
    let end = rest.find('w')?;
    rest[..end].parse().ok()
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_and_never_splits_a_row() {
    let table = long_table(160);
    let pages = table_pages(&table).unwrap();
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let mut seen = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let first = page.table_rows.first().expect("rows on every page");
        assert_eq!(first.row, None, "page {p} starts with the header");
        assert!((first.top - MARGIN_TOP).abs() < 0.01);
        let header_texts: Vec<&str> = page
            .texts()
            .filter(|t| ["Kolom A", "Kolom B", "Bedrag"].contains(t))
            .collect();
        assert_eq!(header_texts.len(), 3, "page {p}: header {header_texts:?}");
        for placed in &page.table_rows {
            assert!(
                placed.bottom <= CONTENT_BOTTOM + 0.01,
                "page {p}: {placed:?}"
            );
            if let Some(row) = placed.row {
                seen.push((row, p, placed.top, placed.bottom));
            }
        }
    }
    // Every row once, in order.
    let order: Vec<usize> = seen.iter().map(|s| s.0).collect();
    assert_eq!(order, (0..160).collect::<Vec<_>>());
    // Every line of text of a row lies on the row's page, within the row.
    for (p, page) in pages.iter().enumerate() {
        for (_, y, text) in texts(page) {
            for word in text.split(' ') {
                let Some(row) = row_of(word) else { continue };
                let (_, page_of_row, top, bottom) = seen[row];
                assert_eq!(
                    page_of_row, p,
                    "{word} on page {p}, its row on {page_of_row}"
                );
                assert!(
                    y > top && y < bottom,
                    "{word} at {y} outside {top}..{bottom}"
                );
            }
        }
    }
    // Some rows did not fit at the bottom of a page and moved whole to the next.
    let multi_line = seen.iter().filter(|s| s.3 - s.2 > 30.0).count();
    assert!(multi_line > 20);
}

#[test]
fn a_row_taller_than_a_page_is_cut_short_not_split() {
    let mut table = long_table(3);
    let huge: Vec<String> = (0..3000).map(|w| format!("r1w{w}")).collect();
    table.rows[1].cells[1] = Cell::Text(huge.join(" "));
    let pages = table_pages(&table).unwrap();
    let placed: Vec<_> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| page.table_rows.iter().map(move |r| (p, *r)))
        .filter(|(_, r)| r.row == Some(1))
        .collect();
    assert_eq!(placed.len(), 1);
    assert!(placed[0].1.bottom <= CONTENT_BOTTOM + 0.01);
    let page = &pages[placed[0].0];
    assert!(
        page.texts()
            .any(|t| t.starts_with("r1w") && t.ends_with('…'))
    );
}

#[test]
fn the_pdf_file_reads_back_with_its_text_and_page_count() {
    let plan = socius();
    let summary = summarize(&plan);
    let bytes = write_pdf(&plan, &summary, Lang::Nl, TODAY).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    // The same input gives the same file.
    assert_eq!(bytes, write_pdf(&plan, &summary, Lang::Nl, TODAY).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socius.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let pages = pdf_pages(&path);
    let doc = report_document(&plan, &summary, Lang::Nl, TODAY).unwrap();
    assert_eq!(pages, doc.pages.len());
    let text = pdftotext(&path);
    for wanted in [
        "Inhoud",
        "SD1.OD1",
        "SD4.OD4",
        "Personeelsinzet per doel (VTE)",
        "1.362.093",
        "1.755.258",
        "1.773.024",
        "-37.964",
        "geïnspireerd",
        "Openstaande waarschuwingen",
        &format!("pagina {pages} van {pages}"),
    ] {
        assert!(text.contains(wanted), "{wanted} not in the PDF text");
    }
    // Characters outside ASCII survive: é ë ï € – • and quotes.
    for c in ['ë', 'é', '–', '•', '‘', '’'] {
        assert!(text.contains(c), "{c} lost");
    }
}

#[test]
fn the_empty_template_gives_a_short_report() {
    let plan = load(TEMPLATE);
    let doc = document(&plan, Lang::Nl);
    assert!(doc.pages.len() <= 10, "{} pages", doc.pages.len());
    let bytes = write_pdf(&plan, &summarize(&plan), Lang::Nl, "").unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn odd_text_in_a_plan_never_breaks_the_report() {
    let mut plan = socius();
    plan.meta.organisation = "Ω 漢字 \u{1F600} \t tab\u{0} nul".into();
    plan.mission = format!("{}\n\n\n- \n•\n{}", "x".repeat(5000), "woord ".repeat(4000));
    if let Some(sd) = plan.strategic_goals.first_mut() {
        sd.title = "lang ".repeat(300);
    }
    let summary = summarize(&plan);
    let bytes = write_pdf(&plan, &summary, Lang::En, "not a date").unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = report_document(&plan, &summary, Lang::En, "not a date").unwrap();
    for page in &doc.pages {
        for (x, y, _) in texts(page) {
            assert!(x.is_finite() && y.is_finite() && y > 0.0 && y < 842.0);
        }
    }
}

#[test]
fn planbord_export_writes_the_pdf_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.pdf");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, err) = planbord(&["export", SOCIUS, "--pdf", out_arg]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("plan.pdf") && stdout.contains("PDF"),
        "{stdout}"
    );
    let first = std::fs::read(&out).unwrap();
    assert!(first.starts_with(b"%PDF-"));

    let (code, _, err) = planbord(&["export", SOCIUS, "--pdf", out_arg, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains(out_arg) && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), first, "left untouched");

    let (code, _, err) = planbord(&[
        "export", SOCIUS, "--pdf", out_arg, "--lang", "en", "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(pdftotext(&out).contains("Contents"));

    let nowhere = dir.path().join("no such folder").join("plan.pdf");
    let (code, _, err) = planbord(&["export", SOCIUS, "--pdf", nowhere.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no such folder") && !err.contains("panicked"),
        "{err}"
    );

    let (code, _, err) = planbord(&["export", SOCIUS, "--pdf", SOCIUS]);
    assert_eq!(code, 1);
    assert!(err.contains("planbestand"), "{err}");
}
