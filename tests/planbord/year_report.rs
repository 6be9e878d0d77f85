//! The yearly report (jaarverslag) and the progress report (voortgangsrapport): made from the
//! command line and the window, read back with independent readers (poppler's `pdftotext` and
//! `pdfinfo` for the PDF, calamine for the XLSX), every number compared with calc's own; and the
//! figures a reporter enters for it in *Plan en realisatie* (FTE per goal, explanations of
//! indicators and of FTE differences), typed into the real widgets.

use crate::pdf::{pdf_pages, pdftotext};
use crate::support::{click, harness_with, load, planbord, prefs_on, type_into};
use calamine::{Data, Reader, Xlsx};
use egui::Key;
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::calc::actuals::{FigureComparison, FigureUnit};
use planbord::calc::report::{
    ProgressFigure, ProgressReport, ReportFigure, ReportIndicator, ReportVerdict, YearReport,
    progress_report, year_report,
};
use planbord::calc::summarize;
use planbord::i18n::{Lang, report_tr, tr};
use planbord::model::{ActualFigure, Plan};
use planbord::numfmt;
use planbord::ui::Panel;
use rust_decimal::{Decimal, RoundingStrategy, dec};
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "plans/socius-2021-2025-realisatie-voorbeeld.ron";

/// The example with a second realised year, 2022: the 2021 report again with 3 % more costs,
/// other FTE on two goals, indicator values further on, one activity done that was ongoing.
fn two_years() -> Plan {
    let mut plan = load(EXAMPLE);
    let mut year = plan.actuals.year(2021).unwrap().clone();
    year.year = 2022;
    for line in &mut year.result_lines {
        line.id = plan.new_id();
        if line.side == planbord::model::Side::Cost {
            line.amount = (line.amount * dec!(1.03)).round_dp(2);
        }
    }
    year.printed_cost = None;
    year.printed_income = None;
    year.printed_result = None;
    for staff in &mut year.staff {
        staff.id = plan.new_id();
    }
    for figure in &mut year.output {
        figure.id = plan.new_id();
        for part in &mut figure.breakdown {
            part.id = plan.new_id();
        }
    }
    for added in &mut year.added_activities {
        added.id = plan.new_id();
    }
    year.goal_fte[0].fte = dec!(1.6);
    year.goal_fte[1].fte = dec!(0.3);
    year.activities[0].status = planbord::model::ActivityStatus::Done;
    year.explanations
        .retain(|e| e.figure != ActualFigure::Balance);
    plan.actuals.years.push(year);
    let sd1 = &mut plan.strategic_goals[0];
    sd1.indicators[1].actuals.set(2022, Some(dec!(7)));
    sd1.indicators[2].actuals.set(2022, Some(dec!(1)));
    sd1.indicators[4].actuals.set(2022, Some(dec!(2)));
    assert!(
        planbord::model::validate(&plan).is_empty(),
        "{:?}",
        planbord::model::validate(&plan)
    );
    plan
}

fn saved(dir: &Path, plan: &Plan) -> PathBuf {
    let path = dir.join("plan.ron");
    planbord::store::save(plan, &path).unwrap();
    path
}

fn the_year_report(plan: &Plan, year: i32) -> YearReport {
    year_report(plan, &summarize(plan), year).expect("a realised year")
}

fn the_progress_report(plan: &Plan) -> ProgressReport {
    progress_report(plan, &summarize(plan)).expect("realised years")
}

/// Runs `planbord export` and returns the text of the PDF it wrote (pages split by form feeds).
fn export_pdf(plan_file: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "export",
        plan_file.to_str().unwrap(),
        "--pdf",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let (code, stdout, stderr) = planbord(&args);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    pdftotext(out)
}

/// The lines of `text` from the chapter titled `from` (its last occurrence: the contents name it
/// first) up to the next chapter `to` (or the end).
fn chapter<'a>(text: &'a str, from: &str, to: Option<&str>) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.trim() == from)
        .unwrap_or_else(|| panic!("no chapter {from}"));
    let end = to.map_or(lines.len(), |to| {
        lines
            .iter()
            .rposition(|l| l.trim() == to)
            .unwrap_or_else(|| panic!("no chapter {to}"))
    });
    assert!(start < end, "{from} after {to:?}");
    lines[start..end].to_vec()
}

/// The cells after `label` on the first line that starts with it (the label ends where two
/// spaces start the columns), split at whitespace.
fn row_after<'a>(lines: &[&'a str], label: &str) -> Vec<&'a str> {
    lines
        .iter()
        .find_map(|line| {
            let rest = line.trim_start().strip_prefix(label)?;
            rest.starts_with("  ")
                .then(|| rest.split_whitespace().collect::<Vec<_>>())
        })
        .unwrap_or_else(|| panic!("no row {label:?} in\n{}", lines.join("\n")))
}

fn value(unit: FigureUnit, v: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::fte(v),
        FigureUnit::Euro => numfmt::euros(v),
    }
}

fn signed(unit: FigureUnit, v: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::signed_fte(v),
        FigureUnit::Euro => numfmt::signed_euros(v),
    }
}

/// The cells a comparison row shows: planned, realised (or —), difference, percentage (`-8,1`
/// and `%` are two words of the text).
fn expected_cells(c: &FigureComparison) -> Vec<String> {
    let mut cells = vec![value(c.unit, c.planned)];
    cells.push(c.realised.map_or("—".to_string(), |r| value(c.unit, r)));
    if let Some(d) = c.difference {
        cells.push(signed(c.unit, d));
    }
    if let Some(p) = c.percent {
        cells.extend(
            numfmt::signed_percent(p)
                .split_whitespace()
                .map(str::to_string),
        );
    }
    cells
}

fn name(c: &FigureComparison, lang: Lang) -> String {
    tr(lang).act.figure_name(c.figure, c.code.as_deref())
}

/// Every row of a comparison table of the PDF shows calc's figures; returns how many were read.
fn assert_rows(lines: &[&str], rows: &[ReportFigure], lang: Lang) -> usize {
    for f in rows {
        let label = name(&f.figure, lang);
        let found = row_after(lines, &label);
        assert_eq!(found, expected_cells(&f.figure), "{label}");
    }
    rows.len()
}

/// The first three words of a text: how a wrapped table cell starts.
fn first_words(text: &str) -> String {
    words(text, 3)
}

fn words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first cell of a line of `pdftotext -layout`: up to two spaces.
fn first_cell(line: &str) -> &str {
    let line = line.trim_start();
    line.split("  ").next().unwrap_or(line).trim_end()
}

/// Whether `line` has `cells` as consecutive words.
fn has_words(line: &str, cells: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let wanted: Vec<&str> = cells.split_whitespace().collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// Each indicator's row starts with its text and shows its realised value (or milestone, or —)
/// and its verdict next to each other.
fn assert_indicators(lines: &[&str], indicators: &[&ReportIndicator], lang: Lang) -> usize {
    let r = report_tr(lang);
    let mut checked = 0;
    for i in indicators {
        // The fewest first words (3 to 5) that tell the indicator from the others.
        let Some(start) = (3..=5).map(|n| words(&i.result.text, n)).find(|start| {
            indicators
                .iter()
                .filter(|o| o.result.text.starts_with(start.as_str()))
                .count()
                == 1
        }) else {
            continue;
        };
        let realised = match (i.result.realised, i.result.milestone) {
            (Some(v), _) => numfmt::exact(v),
            (None, Some(m)) => tr(lang).act.milestone_name(m).to_string(),
            (None, None) => "—".to_string(),
        };
        let cells = format!("{realised} {}", r.verdict(i.verdict));
        assert!(
            lines
                .iter()
                .any(|l| l.trim_start().starts_with(&start) && has_words(l, &cells)),
            "no row '{start} … {cells}'"
        );
        checked += 1;
    }
    checked
}

/// Every page says `pagina i van n` (`page i of n`), n being pdfinfo's page count.
fn assert_page_numbers(text: &str, pdf: &Path, lang: Lang) -> usize {
    let n = pdf_pages(pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), n);
    let t = tr(lang);
    for (i, page) in pages.iter().enumerate() {
        let number = format!("{} {} {} {n}", t.pdf_page, i + 1, t.pdf_of);
        assert!(page.contains(&number), "page {}: no '{number}'", i + 1);
    }
    n
}

#[test]
fn the_yearly_report_of_the_example_shows_calcs_figures_verdicts_and_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("jaarverslag-2021.pdf");
    let text = export_pdf(
        Path::new(EXAMPLE),
        &pdf,
        &["--report", "year", "--year", "2021"],
    );
    let plan = load(EXAMPLE);
    let report = the_year_report(&plan, 2021);
    let r = report_tr(Lang::Nl);
    let pages = assert_page_numbers(&text, &pdf, Lang::Nl);
    assert!((12..=40).contains(&pages), "{pages} pages");
    let first = text.split('\u{c}').next().unwrap();
    for wanted in ["Socius", "Jaarverslag 2021", "Beleidsplan Socius 2021-2025"] {
        assert!(first.contains(wanted), "title page: no {wanted}");
    }

    // The summary's key figures, the money (with the reserves) and the staff, row by row.
    let summary = chapter(
        &text,
        "1 Samenvatting",
        Some("2 Doelen: indicatoren en activiteiten"),
    );
    let mut rows = assert_rows(&summary, &report.key_figures, Lang::Nl);
    assert!(
        summary
            .iter()
            .any(|l| l.contains(&r.verdicts_sentence(&report.verdicts)))
    );
    let money = chapter(
        &text,
        "3 Middelen: kosten, inkomsten en reserves",
        Some("4 Personeel"),
    );
    rows += assert_rows(&money, &report.money, Lang::Nl);
    rows += assert_rows(&money, &report.reserves, Lang::Nl);
    let staff = chapter(&text, "4 Personeel", Some("5 Kengetallen (output)"));
    rows += assert_rows(&staff, &report.fte, Lang::Nl);
    rows += assert_rows(&staff, &report.fte_by_goal, Lang::Nl);
    assert!(rows >= 40, "{rows} rows read back");
    // Per function: planned, payroll, available.
    for s in &report.staff {
        let mut wanted = vec![s.planned.map_or("—".into(), numfmt::fte)];
        wanted.push(numfmt::fte(s.payroll));
        wanted.push(numfmt::fte(s.available));
        assert_eq!(row_after(&staff, &s.name), wanted, "{}", s.name);
    }
    // The explanations typed for differences beyond the threshold stand under their table.
    let mut explained = 0;
    for f in report
        .money
        .iter()
        .chain(&report.reserves)
        .chain(&report.fte_by_goal)
    {
        if f.explanation.is_empty() {
            continue;
        }
        let lines = if matches!(f.figure.figure, ActualFigure::FteGoal(_)) {
            &staff
        } else {
            &money
        };
        let start = format!(
            "• {}: {}",
            name(&f.figure, Lang::Nl),
            first_words(&f.explanation)
        );
        assert!(
            lines.iter().any(|l| l.trim_start().starts_with(&start)),
            "no explanation '{start}'"
        );
        explained += 1;
    }
    assert!(explained >= 8, "{explained} explanations");

    // Every indicator with its realised value and the funder's verdict; the explanation.
    let goals = chapter(
        &text,
        "2 Doelen: indicatoren en activiteiten",
        Some("3 Middelen: kosten, inkomsten en reserves"),
    );
    let indicators: Vec<&ReportIndicator> = report
        .general_indicators
        .iter()
        .chain(report.goals.iter().flat_map(|sd| {
            sd.indicators
                .iter()
                .chain(sd.operational.iter().flat_map(|od| &od.indicators))
        }))
        .collect();
    let checked = assert_indicators(&goals, &indicators, Lang::Nl);
    assert!(checked >= 20, "{checked} indicators checked");
    for verdict in [
        ReportVerdict::Met,
        ReportVerdict::OnTrack,
        ReportVerdict::NoData,
        ReportVerdict::NoTarget,
    ] {
        assert!(report.verdicts.of(verdict) > 0, "{verdict:?}");
    }
    let explained = indicators
        .iter()
        .find(|i| !i.explanation.is_empty())
        .expect("the example explains an indicator");
    assert!(
        goals
            .iter()
            .any(|l| l.contains(&first_words(&explained.explanation)))
    );

    // Every planned activity of 2021 with what became of it.
    let mut activities = 0;
    for od in report.goals.iter().flat_map(|sd| &sd.operational) {
        for a in &od.activities {
            let status = r.status(a.status, a.added, a.upcoming);
            // A row starts with the first line of its description, the status beside it.
            let found = goals.iter().any(|l| {
                let cell = first_cell(l);
                cell.len() >= 10 && a.description.starts_with(cell) && has_words(l, status)
            });
            assert!(found, "{}: {status}", a.description);
            activities += 1;
        }
    }
    assert!(activities > 40, "{activities} activities");
    for status in [
        "uitgevoerd",
        "bezig",
        "uitgesteld",
        "vervangen",
        "geschrapt",
    ] {
        assert!(
            goals.iter().any(|l| has_words(l, status)),
            "no activity {status}"
        );
    }
}

#[test]
fn the_yearly_report_in_english_has_english_words_only() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("annual-report-2021.pdf");
    let text = export_pdf(
        Path::new(EXAMPLE),
        &pdf,
        &["--report", "year", "--year", "2021", "--lang", "en"],
    );
    assert_page_numbers(&text, &pdf, Lang::En);
    let report = the_year_report(&load(EXAMPLE), 2021);
    let money = chapter(
        &text,
        "3 Money: costs, income and reserves",
        Some("4 Staff"),
    );
    assert_rows(&money, &report.money, Lang::En);
    for english in [
        "Annual report 2021",
        "Summary",
        "met",
        "on track",
        "no data",
        "done",
        "postponed",
        "Explanation",
        "page 1 of",
    ] {
        assert!(text.contains(english), "no '{english}'");
    }
    for dutch in [
        "Jaarverslag",
        "Samenvatting",
        "gehaald",
        "op koers",
        "geen gegevens",
        "uitgesteld",
        "Toelichting",
        "pagina",
        "Gerealiseerd",
    ] {
        assert!(
            !text.contains(dutch),
            "Dutch '{dutch}' in the English report"
        );
    }
}

/// A progress figure's cells in the PDF: the to-date row, then the rest-of-period row.
fn assert_progress(to_date: &[&str], rest: &[&str], rows: &[ProgressFigure]) {
    for f in rows {
        let label = name(&f.to_date, Lang::Nl);
        assert_eq!(
            row_after(to_date, &label),
            expected_cells(&f.to_date),
            "{label}"
        );
        let unit = f.to_date.unit;
        let wanted = vec![
            value(unit, f.rest),
            value(unit, f.period_planned),
            f.expected.map_or("—".into(), |v| value(unit, v)),
        ];
        assert_eq!(row_after(rest, &label), wanted, "{label} (rest)");
    }
}

#[test]
fn the_progress_report_adds_up_the_realised_years_and_plans_the_rest() {
    let plan = two_years();
    let report = the_progress_report(&plan);
    let summary = summarize(&plan);
    assert_eq!(report.years, vec![2021, 2022]);
    assert_eq!(report.rest_years, vec![2023, 2024, 2025]);
    // The period's plan is the plan's: what was planned to date and for the rest.
    let cost = report
        .money
        .iter()
        .find(|f| f.to_date.figure == ActualFigure::CostTotal)
        .unwrap();
    assert_eq!(
        cost.period_planned,
        summary.expenses_total.iter().sum::<Decimal>()
    );
    let realised: Decimal = [2021, 2022]
        .iter()
        .map(|y| summary.actuals.year(*y).unwrap().totals.cost)
        .sum();
    assert_eq!(cost.to_date.realised, Some(realised));
    assert_eq!(
        cost.expected,
        Some(realised + summary.expenses_total.iter().skip(2).sum::<Decimal>())
    );
    // Indicators judged by their latest value: 7 of at least 10 is on track, 1 publication met.
    let sd1 = &report.goals[0];
    assert_eq!(sd1.indicators[1].values, vec![Some(dec!(3)), Some(dec!(7))]);
    assert_eq!(sd1.indicators[1].verdict, ReportVerdict::OnTrack);
    assert_eq!(sd1.indicators[1].remaining, Some(dec!(3)));
    assert_eq!(sd1.indicators[2].verdict, ReportVerdict::Met);
    assert_eq!(sd1.indicators[2].remaining, Some(Decimal::ZERO));

    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path(), &plan);
    let pdf = dir.path().join("voortgang.pdf");
    let text = export_pdf(&file, &pdf, &["--report", "progress"]);
    assert_page_numbers(&text, &pdf, Lang::Nl);
    assert!(text.contains("Voortgangsrapport 2021-2022"));
    let r = report_tr(Lang::Nl);
    let summary_lines = chapter(
        &text,
        "1 Samenvatting",
        Some("2 Doelen: indicatoren en activiteiten"),
    );
    let split = summary_lines
        .iter()
        .position(|l| l.trim() == r.rest_of_period)
        .expect("the rest of the period");
    assert_progress(
        &summary_lines[..split],
        &summary_lines[split..],
        &report.key_figures,
    );
    let money = chapter(
        &text,
        "3 Middelen: kosten, inkomsten en reserves",
        Some("4 Personeel"),
    );
    let splits: Vec<usize> = money
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == r.rest_of_period)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(splits.len(), 2, "money and reserves");
    assert_progress(
        &money[..splits[0]],
        &money[splits[0]..splits[1]],
        &report.money,
    );
    let staff = chapter(&text, "4 Personeel", Some("5 Kengetallen (output)"));
    let at = staff
        .iter()
        .position(|l| l.trim() == r.rest_of_period)
        .unwrap();
    assert_progress(&staff[..at], &staff[at..], &report.fte);
    // The indicators with a value per realised year and their verdict.
    let goals = chapter(
        &text,
        "2 Doelen: indicatoren en activiteiten",
        Some("3 Middelen: kosten, inkomsten en reserves"),
    );
    assert!(
        goals
            .iter()
            .any(|l| l.trim_start().starts_with("Tijdens de") && has_words(l, "3 7 op koers 3"))
    );
    assert!(goals.iter().any(|l| has_words(l, r.upcoming)));
}

#[test]
fn report_errors_name_the_realised_years_in_the_users_language() {
    let (code, _, err) = planbord(&["export", EXAMPLE, "--pdf", "/tmp/x.pdf", "--report", "year"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--report year heeft --year nodig (gerealiseerde jaren: 2021)"),
        "{err}"
    );
    let (code, _, err) = planbord(&[
        "export",
        EXAMPLE,
        "--pdf",
        "/tmp/x.pdf",
        "--report",
        "year",
        "--year",
        "2023",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2023 is not a realised year of this plan (realised years: 2021)"),
        "{err}"
    );
    let (code, _, err) = planbord(&["export", EXAMPLE, "--pdf", "/tmp/x.pdf", "--year", "2021"]);
    assert_eq!(code, 1);
    assert!(err.contains("--year hoort bij --report year"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let (code, _, err) = planbord(&[
        "export",
        crate::support::SOCIUS,
        "--pdf",
        out.to_str().unwrap(),
        "--report",
        "progress",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("dit plan heeft nog geen gerealiseerde jaren"),
        "{err}"
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------------------------------------
// XLSX

type Book = Xlsx<std::io::BufReader<std::fs::File>>;

fn cell(book: &mut Book, sheet: &str) -> calamine::Range<Data> {
    book.worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"))
}

fn number(data: Option<&Data>) -> Option<f64> {
    match data {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn text_of(data: Option<&Data>) -> String {
    match data {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn f64_of(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap()
}

fn percent(p: Decimal) -> Decimal {
    p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Every row of a comparison sheet (columns B-F after the label in A, from row 3): calc's
/// planned and realised figures, the difference and percentage as formulas whose cached values
/// are calc's.
fn assert_sheet(book: &mut Book, sheet: &str, rows: &[&FigureComparison], lang: Lang) -> usize {
    let range = cell(book, sheet);
    let formulas = book.worksheet_formula(sheet).unwrap();
    // Absolute positions, as calamine's `get_value` takes them.
    let formula_at = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    let mut checked = 0;
    for c in rows {
        let label = name(c, lang);
        let r = (0..range.height() as u32)
            .find(|&r| text_of(range.get_value((r, 0))).trim() == label)
            .unwrap_or_else(|| panic!("{sheet}: no row {label}"));
        assert_eq!(
            number(range.get_value((r, 1))),
            Some(f64_of(c.planned)),
            "{label}"
        );
        assert_eq!(
            number(range.get_value((r, 2))),
            c.realised.map(f64_of),
            "{label}"
        );
        assert_eq!(
            number(range.get_value((r, 3))),
            c.difference.map(f64_of),
            "{label}"
        );
        assert_eq!(
            number(range.get_value((r, 4))),
            c.percent.map(|p| f64_of(percent(p))),
            "{label}"
        );
        if c.difference.is_some() {
            let excel_row = r + 1;
            assert_eq!(
                formula_at(r, 3),
                format!("C{excel_row}-B{excel_row}"),
                "{label}"
            );
        }
        if c.percent.is_some() {
            let excel_row = r + 1;
            assert_eq!(
                formula_at(r, 4),
                format!("ROUND(D{excel_row}*100/ABS(B{excel_row}),2)"),
                "{label}"
            );
        }
        checked += 1;
    }
    checked
}

#[test]
fn the_yearly_report_as_xlsx_has_calcs_figures_and_formulas_for_the_differences() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("jaarverslag.xlsx");
    let (code, out, err) = planbord(&[
        "export",
        EXAMPLE,
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--report",
        "year",
        "--year",
        "2021",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let report = the_year_report(&load(EXAMPLE), 2021);
    let r = report_tr(Lang::Nl);
    let mut book: Book = calamine::open_workbook(&xlsx).unwrap();
    let names = book.sheet_names().to_vec();
    assert_eq!(
        names,
        [
            r.sheet_key_figures,
            r.sheet_indicators,
            r.sheet_activities,
            r.sheet_money,
            r.sheet_fte,
            r.sheet_staff,
            r.sheet_output
        ]
        .map(|s| s.name.to_string())
    );
    let figures = |list: &[ReportFigure]| -> Vec<FigureComparison> {
        list.iter().map(|f| f.figure.clone()).collect()
    };
    let key = figures(&report.key_figures);
    let mut checked = assert_sheet(
        &mut book,
        r.sheet_key_figures.name,
        &key.iter().collect::<Vec<_>>(),
        Lang::Nl,
    );
    let money: Vec<FigureComparison> = figures(&report.money)
        .into_iter()
        .chain(figures(&report.reserves))
        .collect();
    checked += assert_sheet(
        &mut book,
        r.sheet_money.name,
        &money.iter().collect::<Vec<_>>(),
        Lang::Nl,
    );
    let fte: Vec<FigureComparison> = figures(&report.fte)
        .into_iter()
        .chain(figures(&report.fte_by_goal))
        .collect();
    checked += assert_sheet(
        &mut book,
        r.sheet_fte.name,
        &fte.iter().collect::<Vec<_>>(),
        Lang::Nl,
    );
    assert!(checked >= 40, "{checked} rows");

    // Indicators: the funder's verdict of each; activities: their status.
    let indicators = cell(&mut book, r.sheet_indicators.name);
    let all: Vec<&ReportIndicator> = report
        .general_indicators
        .iter()
        .chain(report.goals.iter().flat_map(|sd| {
            sd.indicators
                .iter()
                .chain(sd.operational.iter().flat_map(|od| &od.indicators))
        }))
        .collect();
    assert_eq!(indicators.height(), all.len() + 2);
    for (i, indicator) in all.iter().enumerate() {
        let row = i as u32 + 2;
        assert_eq!(
            text_of(indicators.get_value((row, 1))),
            indicator.result.text
        );
        assert_eq!(
            number(indicators.get_value((row, 3))),
            indicator.result.realised.map(f64_of)
        );
        assert_eq!(
            text_of(indicators.get_value((row, 4))),
            r.verdict(indicator.verdict)
        );
        assert_eq!(
            text_of(indicators.get_value((row, 5))),
            indicator.explanation
        );
    }
    let activities = cell(&mut book, r.sheet_activities.name);
    let planned: Vec<_> = report
        .goals
        .iter()
        .flat_map(|sd| &sd.operational)
        .flat_map(|od| &od.activities)
        .collect();
    assert_eq!(activities.height(), planned.len() + 2);
    for (i, a) in planned.iter().enumerate() {
        let row = i as u32 + 2;
        assert_eq!(text_of(activities.get_value((row, 1))), a.description);
        assert_eq!(
            text_of(activities.get_value((row, 3))),
            r.status(a.status, a.added, a.upcoming)
        );
        assert_eq!(text_of(activities.get_value((row, 5))), a.note);
    }
}

#[test]
fn the_progress_report_as_xlsx_has_the_period_to_date_and_the_rest() {
    let plan = two_years();
    let report = the_progress_report(&plan);
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path(), &plan);
    let xlsx = dir.path().join("voortgang.xlsx");
    let (code, out, err) = planbord(&[
        "export",
        file.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--report",
        "progress",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let r = report_tr(Lang::Nl);
    let mut book: Book = calamine::open_workbook(&xlsx).unwrap();
    let money: Vec<&FigureComparison> = report.money.iter().map(|f| &f.to_date).collect();
    assert_sheet(&mut book, r.sheet_money.name, &money, Lang::Nl);
    let range = cell(&mut book, r.sheet_money.name);
    for f in &report.money {
        let label = name(&f.to_date, Lang::Nl);
        let row = (0..range.height() as u32)
            .find(|&i| text_of(range.get_value((i, 0))).trim() == label)
            .unwrap();
        assert_eq!(
            number(range.get_value((row, 5))),
            Some(f64_of(f.rest)),
            "{label}"
        );
        assert_eq!(
            number(range.get_value((row, 6))),
            Some(f64_of(f.period_planned)),
            "{label}"
        );
        assert_eq!(
            number(range.get_value((row, 7))),
            f.expected.map(f64_of),
            "{label}"
        );
    }
    let fte: Vec<&FigureComparison> = report
        .fte
        .iter()
        .chain(&report.fte_by_goal)
        .map(|f| &f.to_date)
        .collect();
    assert_sheet(&mut book, r.sheet_fte.name, &fte, Lang::Nl);
}

// ---------------------------------------------------------------------------------------------
// The window

fn open_menu_item(h: &mut egui_kittest::Harness<'static, PlanApp>, item: &str) {
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_annual_report_is_made_from_the_file_menu_for_the_year_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_years();
    let mut h = harness_with(PlanApp::new(plan, None, prefs_on(Panel::Actuals)));
    h.run();
    open_menu_item(&mut h, "Jaarverslag (PDF)…");
    // The latest realised year is proposed; 2021 is chosen.
    h.get_by_label("Jaar van het jaarverslag").click();
    h.run();
    h.get_by_label("Jaar van het jaarverslag 2021").click();
    h.run();
    click(&mut h, "Verder…");
    let pdf = dir.path().join("jaarverslag-2021.pdf");
    type_into(&mut h, "Pad", pdf.to_str().unwrap(), Key::Enter);
    assert!(
        h.state().status.contains("rapport geschreven"),
        "{}",
        h.state().status
    );
    let text = pdftotext(&pdf);
    assert!(text.contains("Jaarverslag 2021"));
    assert!(!text.contains("Jaarverslag 2022"));
    let report = the_year_report(h.state().plan(), 2021);
    let money = chapter(
        &text,
        "3 Middelen: kosten, inkomsten en reserves",
        Some("4 Personeel"),
    );
    assert_rows(&money, &report.money, Lang::Nl);

    // Again to the same file: asked first, nothing written until the answer.
    std::fs::write(&pdf, b"mine").unwrap();
    open_menu_item(&mut h, "Jaarverslag (PDF)…");
    click(&mut h, "Verder…");
    type_into(&mut h, "Pad", pdf.to_str().unwrap(), Key::Enter);
    h.get_by_label("Bestand bestaat al");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"mine");
    click(&mut h, "Overschrijven");
    assert!(pdftotext(&pdf).contains("Jaarverslag 2022"));

    // The progress report as a workbook.
    open_menu_item(&mut h, "Jaarverslag (PDF)…");
    click(&mut h, "Voortgangsrapport over de gerealiseerde jaren");
    click(&mut h, "Excel (XLSX)");
    click(&mut h, "Verder…");
    let xlsx = dir.path().join("voortgang.xlsx");
    type_into(&mut h, "Pad", xlsx.to_str().unwrap(), Key::Enter);
    let book: Book = calamine::open_workbook(&xlsx).unwrap();
    assert!(
        book.sheet_names()
            .contains(&report_tr(Lang::Nl).sheet_money.name.to_string())
    );
}

#[test]
fn a_plan_without_realised_years_is_sent_to_plan_en_realisatie() {
    let mut h = harness_with(PlanApp::new(
        crate::support::socius(),
        None,
        prefs_on(Panel::Goals),
    ));
    h.run();
    open_menu_item(&mut h, "Jaarverslag (PDF)…");
    h.get_by_label_contains("nog geen gerealiseerde jaren");
    click(&mut h, "Naar Plan en realisatie");
    assert_eq!(h.state().view.panel, Panel::Actuals);
}

// ---------------------------------------------------------------------------------------------
// Entering what the report needs

fn example_harness() -> egui_kittest::Harness<'static, PlanApp> {
    let mut h = harness_with(PlanApp::new(
        load(EXAMPLE),
        Some(PathBuf::from(EXAMPLE)),
        prefs_on(Panel::Actuals),
    ));
    h.run();
    h
}

fn od(plan: &Plan, code: &str) -> planbord::model::Id {
    crate::support::goal(plan, code).id
}

#[test]
fn fte_per_goal_is_typed_per_operational_goal_and_explained_beyond_the_threshold() {
    let mut h = example_harness();
    let od1 = od(h.state().plan(), "SD1.OD1");
    crate::support::wheel_down_until(&mut h, "Gerealiseerd VTE SD1.OD1");
    type_into(&mut h, "Gerealiseerd VTE SD1.OD1", "1,25", Key::Enter);
    let year = h.state().plan().actuals.year(2021).unwrap();
    assert_eq!(year.goal_fte(od1), Some(dec!(1.25)));
    assert_eq!(
        h.state().document().undo_label(Lang::Nl),
        Some("VTE per doel 2021")
    );
    // SD1 adds up its operational goals: 4,3 - 1,3 + 1,25.
    let sd1 = h.state().plan().strategic_goals[0].id;
    let comparison = h.state().summary().actuals.year(2021).unwrap().clone();
    let sd1_fte = comparison
        .fte_by_goal
        .iter()
        .find(|f| f.figure == ActualFigure::FteGoal(sd1))
        .unwrap();
    assert_eq!(sd1_fte.realised, Some(dec!(4.25)));
    // What a screen reader says of SD1's realised FTE.
    let named = egui_kittest::kittest::By::new()
        .predicate(|n| n.label().as_deref() == Some("Gerealiseerd VTE SD1: 4,25"));
    assert_eq!(h.query_all(named).count(), 1);
    // 1,25 of 1,4 planned is 10,7 % less: beyond the threshold, so it asks for an explanation.
    type_into(
        &mut h,
        "Toelichting VTE SD1.OD1",
        "Langdurige afwezigheid van een collega.",
        Key::Enter,
    );
    let year = h.state().plan().actuals.year(2021).unwrap();
    assert_eq!(
        year.explanation(ActualFigure::FteGoal(od1)),
        Some("Langdurige afwezigheid van een collega.")
    );
    // Emptied, the goal reports no FTE any more (and the file leaves it out).
    h.get_by_label("Gerealiseerd VTE SD1.OD1").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().plan().actuals.year(2021).unwrap().goal_fte(od1),
        None
    );
    // The report shows the explanation.
    let report = the_year_report(h.state().plan(), 2021);
    let row = report
        .fte_by_goal
        .iter()
        .find(|f| f.figure.figure == ActualFigure::FteGoal(od1))
        .unwrap();
    assert_eq!(row.explanation, "Langdurige afwezigheid van een collega.");
}

#[test]
fn an_indicator_gets_its_explanation_in_the_panel_and_the_report() {
    let mut h = example_harness();
    crate::support::wheel_down_until(&mut h, "Toelichting SD1 5");
    type_into(
        &mut h,
        "Toelichting SD1 5",
        "De uitwisseling met Nederland volgt in 2022.",
        Key::Enter,
    );
    let plan = h.state().plan().clone();
    let indicator = plan.strategic_goals[0].indicators[4].id;
    assert_eq!(
        plan.actuals
            .year(2021)
            .unwrap()
            .explanation(ActualFigure::Indicator(indicator)),
        Some("De uitwisseling met Nederland volgt in 2022.")
    );
    assert_eq!(
        h.state().document().undo_label(Lang::Nl),
        Some("toelichting 2021")
    );
    let report = the_year_report(&plan, 2021);
    assert_eq!(
        report.goals[0].indicators[4].explanation,
        "De uitwisseling met Nederland volgt in 2022."
    );
    // Typing a value judges it: 6 of at least 5 practices is met.
    type_into(&mut h, "Gerealiseerd SD1 5", "6", Key::Enter);
    let report = the_year_report(h.state().plan(), 2021);
    assert_eq!(report.goals[0].indicators[4].verdict, ReportVerdict::Met);
}
