//! Budgets from accounting (CSV, XLSX) into a plan, account categories in the key figures, the
//! account warnings, and `planbord import-budget`.

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::calc::{Warning, WarningPlace, summarize};
use planbord::edit::{Document, Edit, LineList, TextField, YearField};
use planbord::exchange::import::{
    BasisQuestion, ImportError, ImportPreview, ImportWarning, ImportedBudget, RejectReason,
    SourceError, SourceKind, TotalScope, preview, read_budget_source,
};
use planbord::i18n::describe_warning;
use planbord::i18n::{Lang, tr};
use planbord::model::{AccountCategory, BudgetBasis, Plan, Side};
use planbord::ui::Panel;
use rust_decimal::{Decimal, dec};
use std::path::Path;

use crate::support::{account, accounts_plan, click, harness_on, planbord};

/// An accounts table as finance staff bring it: a title row and an empty row above the header,
/// Belgian amounts, two lines under one account code (as accounting prints them), a class-7
/// account on the cost side, a section total that is wrong for 2028, and correct grand totals.
const SOURCE: &[&str] = &[
    "Begroting 2026-2028 uit de boekhouding;;;;;;",
    "",
    "Rubriek;Zijde;Rekening;Omschrijving;2026;2027;2028",
    "PERSONEEL;kosten;620000;Bezoldigingen;2.200.000;2.250.000;2.300.000",
    "PERSONEEL;;622000;Groepsverzekering;\"1.234,56\";1.300;1.350",
    "PERSONEEL;kosten;623400;Diverse personeelskosten;10.000;10.000;10.000",
    "PERSONEEL;kosten;623400;SWT/Canada Dry;17.760;17.760;17.760",
    "Totaal PERSONEEL;;;;2.228.994,56;2.279.060;2.327.760",
    "WERKING;kosten;610000;Huur;85.000;86.000;87.000",
    "WERKING;kosten;700000;Verkoop publicaties;500;500;500",
    "INKOMSTEN;opbrengsten;730000;Werkingssubsidie;2.750.000;2.790.000;2.830.000",
    "NIEUW;opbrengsten;740000;Andere opbrengsten;100;100;100",
    "",
    "TOTAAL KOSTEN;;;;2.314.494,56;2.365.560;2.416.610",
    "TOTAAL OPBRENGSTEN;;;;2.750.100;2.790.100;2.830.100",
];

/// The row (1-based, as a spreadsheet shows it) of the first source line containing `marker`.
fn row_of(marker: &str) -> usize {
    SOURCE
        .iter()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no row with {marker}"))
        + 1
}

/// The source as a CSV file: UTF-8 with a byte order mark, CRLF line ends.
fn source_csv() -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(SOURCE.join("\r\n").into_bytes());
    bytes
}

/// The same table as a workbook: a first sheet without the table, then "Rekeningen" with numbers
/// as numeric cells (years in the header too) and texts as text.
fn source_xlsx() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let other = workbook.add_worksheet();
    other.set_name("Kerncijfers").unwrap();
    other.write_string(0, 0, "Kerncijfers").unwrap();
    other.write_string(1, 0, "VTE totaal").unwrap();
    other.write_number(1, 1, 15.9).unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Rekeningen").unwrap();
    for (r, line) in SOURCE.iter().enumerate() {
        for (c, field) in line.split(';').enumerate() {
            let field = field.trim_matches('"');
            if field.is_empty() {
                continue;
            }
            let (row, col) = (r as u32, c as u16);
            match planbord::numfmt::parse(field) {
                Ok(number) if c >= 4 => {
                    let number: f64 = number.to_string().parse().unwrap();
                    sheet.write_number(row, col, number).unwrap();
                }
                _ => {
                    sheet.write_string(row, col, field).unwrap();
                }
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn read(bytes: &[u8], kind: SourceKind, plan: &Plan) -> ImportedBudget {
    read_budget_source(bytes, kind, plan.years()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn value(plan: &Plan, code: &str, year: i32) -> Decimal {
    account(plan, code).amounts.value(year)
}

#[test]
fn every_readable_row_is_imported_and_the_odd_ones_are_flagged() {
    let plan = accounts_plan();
    let imported = read(&source_csv(), SourceKind::Csv, &plan);
    assert_eq!(imported.header_row, row_of("Rubriek;Zijde"));
    assert_eq!(imported.years, vec![2026, 2027, 2028]);

    // Nothing is rejected: the second line under 623400 and the class-7 account on the cost
    // side are imported, each flagged with its row and column.
    assert!(imported.rejections.is_empty(), "{:?}", imported.rejections);
    let flagged: Vec<(usize, Option<String>, &ImportWarning)> = imported
        .warnings
        .iter()
        .map(|w| {
            (
                w.row,
                w.column.as_ref().map(|c| c.header.clone()),
                &w.warning,
            )
        })
        .collect();
    assert_eq!(
        flagged,
        vec![
            (
                row_of("SWT/Canada Dry"),
                Some("Rekening".to_string()),
                &ImportWarning::DuplicateAccount {
                    code: "623400".into(),
                    section: "PERSONEEL".into(),
                    first_row: row_of("Diverse personeelskosten"),
                }
            ),
            (
                row_of("Verkoop publicaties"),
                Some("Zijde".to_string()),
                &ImportWarning::WrongSide {
                    code: "700000".into(),
                    side: Side::Cost,
                }
            ),
        ]
    );
    let text = imported.warnings[0].describe(Lang::Nl);
    assert!(
        text.starts_with(&format!(
            "rij {}, kolom C (Rekening): rekening 623400 staat al in rubriek 'PERSONEEL'",
            row_of("SWT/Canada Dry")
        )),
        "{text}"
    );
    assert_eq!(imported.line_count(), 8, "every account row of the source");

    // The only mismatch is the wrong printed total: PERSONEEL 2028 printed 2.327.760, its lines
    // sum to 2.329.110. The grand totals agree with every line, the flagged ones included.
    let p = preview(&plan, &imported);
    let mismatches: Vec<_> = p
        .mismatches
        .iter()
        .map(|m| {
            (
                m.row,
                m.scope.clone(),
                m.side,
                m.year,
                m.printed,
                m.computed,
            )
        })
        .collect();
    assert_eq!(
        mismatches,
        vec![(
            row_of("Totaal PERSONEEL"),
            TotalScope::Section("PERSONEEL".into()),
            Side::Cost,
            2028,
            dec!(2327760),
            dec!(2329110),
        )]
    );
    assert_eq!(p.mismatches[0].difference(), dec!(-1350));
    // 620000, 610000 and 730000 are updated; 622000, both 623400 lines, 700000 and 740000 are
    // new; the plan's lines in the source's sections that the source lacks go.
    assert_eq!(
        (
            p.new_lines,
            p.updated_lines,
            p.unchanged_lines,
            p.new_sections
        ),
        (5, 3, 0, 1)
    );
    let missing: Vec<&str> = p.missing_lines.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(missing, vec!["621000", "630000", "660000", "700000"]);
    assert!(p.remove_missing, "on by default");
    let cli_text = p.describe(Lang::Nl);
    assert!(cli_text.contains(&format!("rij {}", row_of("Verkoop publicaties"))));
    assert!(
        cli_text.contains(
            "totaal kosten 2026: 2.314.494,56 = bron; totaal opbrengsten 2026: 2.750.100 = bron (elk jaar 2026-2028 gelijk aan de bron)"
        ),
        "{cli_text}"
    );

    // Merged as one undoable edit.
    let mut doc = Document::new(plan.clone());
    doc.apply(p.edit()).unwrap();
    let merged = doc.plan();
    assert_eq!(value(merged, "620000", 2026), dec!(2200000));
    assert_eq!(
        value(merged, "622000", 2026),
        dec!(1234.56),
        "Belgian amount"
    );
    assert_eq!(value(merged, "610000", 2028), dec!(87000));
    assert_eq!(value(merged, "730000", 2027), dec!(2790000));
    // Both lines under 623400 are in the plan, with their names and amounts.
    let under_623400: Vec<(&str, Decimal)> = merged.accounts[0]
        .lines
        .iter()
        .filter(|l| l.code == "623400")
        .map(|l| (l.name.as_str(), l.amounts.value(2026)))
        .collect();
    assert_eq!(
        under_623400,
        vec![
            ("Diverse personeelskosten", dec!(10000)),
            ("SWT/Canada Dry", dec!(17760))
        ]
    );
    // The class-7 line on the cost side is in, on the side the source gives, and the plan's
    // warnings point at it; so do the two lines under one code.
    assert_eq!(account(merged, "700000").side, Side::Cost);
    let warnings = summarize(merged).warnings;
    assert!(
        warnings
            .iter()
            .any(|w| matches!(w, Warning::DuplicateAccountCode { code, .. } if code == "623400"))
    );
    assert!(
        warnings
            .iter()
            .any(|w| describe_warning(w, Lang::Nl).contains("700000"))
    );
    // The plan's account totals equal the source's rows, every year, on both sides.
    let s = summarize(merged);
    for (i, year) in [2026, 2027, 2028].into_iter().enumerate() {
        assert_eq!(s.account_cost[i], imported.sum(Side::Cost, year), "{year}");
        assert_eq!(
            s.account_income[i],
            imported.sum(Side::Income, year),
            "{year}"
        );
    }
    assert_eq!(s.account_cost[0], dec!(2314494.56));
    // The lines the source lacks are gone; other sections would stay.
    assert!(
        merged
            .accounts
            .iter()
            .flat_map(|s| &s.lines)
            .all(|l| l.code != "621000")
    );
    // New lines and sections get fresh ids and follow their code's category.
    let added = account(merged, "622000");
    assert!(added.id >= plan.next_id && added.id < merged.next_id);
    assert_eq!(added.side, Side::Cost, "side from the account class");
    assert_eq!(added.category, None);
    assert_eq!(added.effective_category(), AccountCategory::Personnel);
    assert_eq!(merged.accounts.len(), plan.accounts.len() + 1);
    assert_eq!(merged.accounts[3].name, "NIEUW");
    // The printed section total is kept with its section.
    assert_eq!(merged.accounts[0].printed_cost.get(2028), dec!(2327760));
    assert!(planbord::model::validate(merged).is_empty());
    assert_eq!(
        doc.undo_label(planbord::i18n::Lang::Nl),
        Some("begroting importeren")
    );
    assert!(doc.undo());
    assert_eq!(doc.plan(), &plan, "one undo takes the whole import back");

    // Unticked: the plan's other lines stay, and the total line says why it differs.
    let mut keep = p.clone();
    keep.remove_missing = false;
    let mut doc = Document::new(plan.clone());
    doc.apply(keep.edit()).unwrap();
    assert_eq!(account(doc.plan(), "621000"), account(&plan, "621000"));
    assert_eq!(account(doc.plan(), "630000"), account(&plan, "630000"));
    let line = keep.describe_totals(Lang::Nl);
    assert!(
        line.starts_with("totaal kosten 2026: 3.027.494,56 ≠ bron 2.314.494,56")
            && line.contains("4 lijn(en) die niet in de bron staan blijven"),
        "{line}"
    );
    let s = summarize(doc.plan());
    assert_eq!(s.account_cost[0], dec!(3027494.56), "what the line said");
}

/// Re-importing a source that has two lines under one code matches each to its own line, by
/// name; a line renamed in the source, alone under its code, is matched by code.
#[test]
fn lines_under_one_code_are_matched_by_name_on_a_second_import() {
    let plan = accounts_plan();
    let imported = read(&source_csv(), SourceKind::Csv, &plan);
    let mut doc = Document::new(plan.clone());
    doc.apply(preview(&plan, &imported).edit()).unwrap();
    let once = doc.plan().clone();
    // The same source again changes nothing.
    let again = preview(&once, &imported);
    assert_eq!((again.new_lines, again.updated_lines), (0, 0));
    assert!(again.missing_lines.is_empty());
    doc.apply(again.edit()).unwrap();
    assert_eq!(doc.plan().accounts, once.accounts);

    // The SWT line changes its amount and the other 623400 line is listed first this time;
    // the salaries get another name.
    let changed: Vec<String> = SOURCE
        .iter()
        .map(|l| {
            l.replace("SWT/Canada Dry;17.760", "SWT/Canada Dry;18.000")
                .replace("Bezoldigingen;", "Bezoldigingen bedienden;")
        })
        .collect();
    let bytes = changed.join("\n").into_bytes();
    let second = read(&bytes, SourceKind::Csv, &once);
    let p = preview(&once, &second);
    assert_eq!(
        (p.new_lines, p.updated_lines),
        (0, 2),
        "SWT and the salaries"
    );
    doc.apply(p.edit()).unwrap();
    let lines = &doc.plan().accounts[0].lines;
    let find = |name: &str| lines.iter().find(|l| l.name == name).unwrap();
    assert_eq!(find("SWT/Canada Dry").amounts.value(2026), dec!(18000));
    assert_eq!(find("SWT/Canada Dry").id, {
        let old = &once.accounts[0].lines;
        old.iter().find(|l| l.name == "SWT/Canada Dry").unwrap().id
    });
    assert_eq!(
        find("Diverse personeelskosten").amounts.value(2026),
        dec!(10000)
    );
    assert_eq!(
        find("Bezoldigingen bedienden").id,
        account(&once, "620000").id
    );
}

#[test]
fn an_xlsx_source_gives_the_same_result_as_the_csv() {
    let plan = accounts_plan();
    let csv = read(&source_csv(), SourceKind::Csv, &plan);
    let bytes = source_xlsx();
    assert_eq!(SourceKind::detect(None, &bytes), SourceKind::Xlsx);
    let xlsx = read(&bytes, SourceKind::Xlsx, &plan);
    assert_eq!(xlsx.sheet.as_deref(), Some("Rekeningen"));
    assert_eq!(xlsx.header_row, csv.header_row);
    assert_eq!(xlsx.years, csv.years);
    assert_eq!(xlsx.sections, csv.sections);
    assert_eq!(xlsx.totals, csv.totals);
    assert_eq!(xlsx.rejections, csv.rejections);
    assert_eq!(xlsx.warnings, csv.warnings);
    assert_eq!(
        preview(&plan, &xlsx).edit(),
        preview(&plan, &csv).edit(),
        "the same merge"
    );
}

#[test]
fn the_exporters_shape_and_other_notations_are_read() {
    let plan = accounts_plan();
    // Bilingual headers, comma separated, quoted Belgian decimals, no side column, a section
    // heading row with the lines below it leaving the section empty, a total row with the
    // section in its section cell, plain and bracketed amounts, a result row, LF line ends.
    let text = "\
rubriek/section,rekening/account,omschrijving/name,2026,2027,2028,2029
PERSONEEL,,,,,,
,620000,Bezoldigingen,\"2.100.000,50\",2150000.25,(100),
,621000,Sociale lasten,700000,,716000,5
PERSONEEL,,Totaal PERSONEEL,\"2.800.000,50\",2150000.25,715900,
INKOMSTEN,730000,Werkingssubsidie,2800000,2850000,2900000,
Total costs,,,2800000.5,2150000.25,715900,
Resultaat,,,-1,-1,-1,
";
    let imported = read(text.as_bytes(), SourceKind::Csv, &plan);
    assert_eq!(imported.sections.len(), 2);
    let personnel = &imported.sections[0];
    assert_eq!(personnel.name, "PERSONEEL");
    assert_eq!(personnel.lines.len(), 2);
    assert_eq!(personnel.lines[0].value(2026), dec!(2100000.50));
    assert_eq!(personnel.lines[0].value(2027), dec!(2150000.25));
    assert_eq!(personnel.lines[0].value(2028), dec!(-100));
    assert_eq!(
        personnel.lines[1].amounts.get(&2027),
        Some(&None),
        "empty cell"
    );
    assert!(personnel.lines.iter().all(|l| l.side == Side::Cost));
    assert_eq!(imported.sections[1].lines[0].side, Side::Income);
    // 2029 lies outside the plan period: that one value is reported, its row still imported.
    assert_eq!(imported.rejections.len(), 1);
    assert_eq!(
        imported.rejections[0].reason,
        RejectReason::YearOutsidePeriod {
            year: 2029,
            first: 2026,
            last: 2028
        }
    );
    assert!(!imported.rejections[0].reason.drops_row());
    assert_eq!(imported.totals.len(), 2);
    assert_eq!(
        imported.skipped.len(),
        1,
        "the result row is a derived figure"
    );
    assert!(preview(&plan, &imported).mismatches.is_empty());
}

#[test]
fn unreadable_sources_say_where_and_what_to_do() {
    let plan = accounts_plan();
    let err = |bytes: &[u8], kind| read_budget_source(bytes, kind, plan.years()).unwrap_err();
    let no_header = err(b"a;b;c\n1;2;3\n", SourceKind::Csv);
    assert!(matches!(
        no_header,
        ImportError::Source(SourceError::NoHeader { .. })
    ));
    assert!(no_header.describe(Lang::Nl).contains("kopregel"));
    assert!(no_header.describe(Lang::En).contains("header row"));

    let missing = err(b"titel\nrekening;omschrijving;2026\n", SourceKind::Csv);
    assert_eq!(
        missing,
        ImportError::MissingColumn {
            row: 2,
            role: planbord::exchange::import::ColumnRole::Section
        }
    );
    let not_utf8 = err(
        b"rubriek;rekening;2026\nWERKING;610000;1\nWERK\xE9;611000;2\n",
        SourceKind::Csv,
    );
    assert_eq!(
        not_utf8,
        ImportError::Source(SourceError::NotUtf8 { row: 3, column: 5 })
    );
    assert!(not_utf8.describe(Lang::Nl).contains("UTF-8"));

    let outside = err(b"rubriek;rekening;2019;2020\n", SourceKind::Csv);
    assert!(matches!(outside, ImportError::NoPlanYears { row: 1, .. }));

    let broken = err(b"PK\x03\x04 not really a zip", SourceKind::Xlsx);
    assert!(
        matches!(broken, ImportError::Source(SourceError::Workbook { .. })),
        "{broken:?}"
    );
}

#[test]
fn a_growth_rule_line_keeps_its_other_years_when_the_source_has_fewer_years() {
    let mut plan = accounts_plan();
    let rent = account(&plan, "610000").id;
    let mut doc = Document::new(plan.clone());
    doc.apply(Edit::SetRule(
        rent,
        Some(planbord::model::GrowthRule {
            base_year: 2026,
            base: dec!(80000),
            growth_percent: dec!(10),
            round_to: Decimal::ZERO,
        }),
    ))
    .unwrap();
    plan = doc.plan().clone();
    let text = "rubriek;rekening;2027\nWERKING;610000;90.000\n";
    let imported = read(text.as_bytes(), SourceKind::Csv, &plan);
    let p = preview(&plan, &imported);
    assert_eq!(p.missing_years, vec![2026, 2028]);
    doc.apply(p.edit()).unwrap();
    let line = account(doc.plan(), "610000");
    assert!(matches!(line.amounts, planbord::model::Amounts::PerYear(_)));
    assert_eq!(line.amounts.value(2026), plan_value(&plan, rent, 2026));
    assert_eq!(line.amounts.value(2027), dec!(90000));
    assert_eq!(line.amounts.value(2028), plan_value(&plan, rent, 2028));
    assert_eq!(
        line.name, "Huur",
        "an empty name in the source keeps the name"
    );
}

fn plan_value(plan: &Plan, id: planbord::model::Id, year: i32) -> Decimal {
    plan.accounts
        .iter()
        .flat_map(|s| &s.lines)
        .find(|l| l.id == id)
        .unwrap()
        .amounts
        .value(year)
}

/// The sum of some accounts per plan year.
fn sum_of(plan: &Plan, codes: &[&str]) -> Vec<Decimal> {
    plan.years()
        .map(|y| codes.iter().map(|c| value(plan, c, y)).sum())
        .collect()
}

#[test]
fn an_accounts_plan_reports_personnel_cost_and_requested_subsidy_by_category() {
    let plan = accounts_plan();
    let s = summarize(&plan);
    assert_eq!(s.personnel_total, sum_of(&plan, &["620000", "621000"]));
    assert_eq!(s.operating_total, sum_of(&plan, &["610000"]));
    assert_eq!(s.overhead_total, sum_of(&plan, &["630000"]));
    assert_eq!(s.other_cost, sum_of(&plan, &["660000"]));
    assert_eq!(s.requested_subsidy, sum_of(&plan, &["730000"]));
    assert_eq!(s.expenses_total, s.account_cost);
    for i in 0..3 {
        assert_eq!(
            s.personnel_total[i] + s.operating_and_overhead[i] + s.other_cost[i],
            s.expenses_total[i]
        );
    }
    assert!(s.personnel_total[0] > Decimal::ZERO && s.requested_subsidy[0] > Decimal::ZERO);
    // FTE still come from the goals (none here).
    assert_eq!(s.fte_total, vec![Decimal::ZERO; 3]);
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);

    // The same figures in `planbord summary --format csv`.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sam.ron");
    planbord::store::save(&plan, &path).unwrap();
    let (code, out, err) = planbord(&["summary", path.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let rows: std::collections::BTreeMap<&str, &str> = out
        .lines()
        .skip(1)
        .map(|l| l.split_once(',').unwrap())
        .collect();
    let joined = |values: &[Decimal]| -> String {
        values
            .iter()
            .map(|v| v.normalize().to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(rows["cost.personnel"], joined(&s.personnel_total));
    assert_eq!(rows["income.subsidy"], joined(&s.requested_subsidy));
    assert_eq!(rows["cost.other"], joined(&s.other_cost));
    assert_eq!(
        rows["account.PERSONEEL.cost"],
        joined(&s.account_sections[0].cost)
    );
    assert_eq!(
        rows["account.INKOMSTEN.income"],
        joined(&s.account_sections[2].income)
    );
    assert_eq!(
        rows["account.INKOMSTEN.cost"],
        joined(&[Decimal::ZERO; 3]),
        "both sides of every section"
    );
}

#[test]
fn the_operating_cost_per_strategic_goal_is_a_key_figure() {
    let (code, out, err) = planbord(&["summary", crate::support::SOCIUS, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let s = summarize(&crate::support::socius());
    for goal in &s.goals {
        let key = format!("cost.operating.{},", goal.code);
        let row = out.lines().find(|l| l.starts_with(&key)).expect("row");
        let values: Vec<Decimal> = row[key.len()..]
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(values, goal.operating, "{key}");
    }
    assert!(
        !out.contains("cost.other"),
        "a goal-based plan has no other costs"
    );
}

#[test]
fn changing_a_category_moves_the_amounts_and_undo_restores_them() {
    let plan = accounts_plan();
    let before = summarize(&plan);
    let social = account(&plan, "621000").id;
    let mut doc = Document::new(plan.clone());
    doc.apply(Edit::SetAccountCategory(
        social,
        Some(AccountCategory::Overhead),
    ))
    .unwrap();
    let after = summarize(doc.plan());
    let social_amounts = sum_of(&plan, &["621000"]);
    for (i, amount) in social_amounts.iter().enumerate() {
        assert_eq!(after.personnel_total[i], before.personnel_total[i] - amount);
        assert_eq!(after.overhead_total[i], before.overhead_total[i] + amount);
    }
    assert_eq!(after.expenses_total, before.expenses_total);
    // A category of the other side is refused.
    assert!(
        doc.apply(Edit::SetAccountCategory(
            social,
            Some(AccountCategory::Subsidy)
        ))
        .is_err()
    );
    assert!(doc.undo());
    assert_eq!(summarize(doc.plan()), before);
    assert_eq!(doc.plan(), &plan);
}

#[test]
fn categories_default_from_the_account_code() {
    use AccountCategory::*;
    for (code, side, category) in [
        ("600000", Side::Cost, Operating),
        ("612300", Side::Cost, Operating),
        ("620200", Side::Cost, Personnel),
        ("630000", Side::Cost, Overhead),
        ("640000", Side::Cost, Overhead),
        ("650000", Side::Cost, Overhead),
        ("660000", Side::Cost, Other),
        ("700000", Side::Income, OwnIncome),
        ("730000", Side::Income, Subsidy),
        ("740000", Side::Income, OwnIncome),
        ("750000", Side::Income, Other),
        // A code on the wrong side, or not a cost or income account: other.
        ("620000", Side::Income, Other),
        ("730000", Side::Cost, Other),
        ("", Side::Cost, Other),
        ("4400", Side::Cost, Other),
    ] {
        assert_eq!(
            AccountCategory::for_code(code, side),
            category,
            "{code} {side:?}"
        );
    }
}

#[test]
fn new_fields_stay_out_of_the_file_until_they_are_used() {
    let plan = accounts_plan();
    let text = planbord::store::to_ron_string(&plan);
    assert!(!text.contains("category") && !text.contains("printed_"));
    let mut doc = Document::new(plan);
    let id = account(doc.plan(), "621000").id;
    doc.apply(Edit::SetAccountCategory(id, Some(AccountCategory::Other)))
        .unwrap();
    let text = planbord::store::to_ron_string(doc.plan());
    assert!(text.contains("category: Some(Other)"), "{text}");
    let back = planbord::store::from_ron_str(&text, Path::new("x.ron")).unwrap();
    assert_eq!(&back, doc.plan());
}

#[test]
fn account_warnings_appear_with_their_place_and_go_when_fixed() {
    let plan = accounts_plan();
    assert!(summarize(&plan).warnings.is_empty());
    let mut doc = Document::new(plan);
    let section = |doc: &Document, i: usize| doc.plan().accounts[i].id;
    let (personnel, work) = (section(&doc, 0), section(&doc, 1));
    // A new line in WERKING gets code 610000, which the rent already has.
    doc.apply(Edit::AddLine(LineList::AccountLine(work)))
        .unwrap();
    let duplicate = doc.plan().accounts[1].lines.last().unwrap().id;
    // A second new line with its code emptied.
    doc.apply(Edit::AddLine(LineList::AccountLine(work)))
        .unwrap();
    let empty = doc.plan().accounts[1].lines.last().unwrap().id;
    doc.apply(Edit::SetText(TextField::AccountCode(empty), String::new()))
        .unwrap();
    // A class-7 account on the cost side, a class-6 account on the income side.
    let sales = account(doc.plan(), "700000").id;
    doc.apply(Edit::SetSide(sales, Side::Cost)).unwrap();
    let rent = account(doc.plan(), "610000").id;
    doc.apply(Edit::SetSide(rent, Side::Income)).unwrap();
    // A negative amount, and a printed total that the lines do not reach.
    let depreciation = account(doc.plan(), "630000").id;
    doc.apply(Edit::SetYear(
        YearField::LineAmount(depreciation),
        2027,
        Some(dec!(-500)),
    ))
    .unwrap();
    let mut with_printed = doc.plan().clone();
    with_printed.accounts[0]
        .printed_cost
        .set(2026, Some(dec!(2800001)));

    let warnings = summarize(&with_printed).warnings;
    let place_of = |line: planbord::model::Id| {
        warnings
            .iter()
            .filter(|w| {
                w.place()
                    == WarningPlace::Account {
                        section: work,
                        line: Some(line),
                    }
            })
            .count()
    };
    assert!(warnings.iter().any(|w| matches!(w,
        Warning::DuplicateAccountCode { line, code, .. } if *line == duplicate && code == "610000")));
    assert!(warnings.iter().any(|w| matches!(w,
        Warning::EmptyAccountCode { line, .. } if *line == empty)));
    assert!(warnings.iter().any(|w| matches!(w,
        Warning::AccountOnWrongSide { line, side: Side::Cost, .. } if *line == sales)));
    assert!(warnings.iter().any(|w| matches!(w,
        Warning::AccountOnWrongSide { line, side: Side::Income, .. } if *line == rent)));
    assert!(warnings.iter().any(|w| matches!(w,
        Warning::NegativeAccountLine { line, year: 2027, amount, .. }
            if *line == depreciation && *amount == dec!(-500))));
    let personnel_cost_2026 = summarize(&with_printed).account_sections[0].cost[0];
    assert!(warnings.contains(&Warning::PrintedTotalMismatch {
        section: personnel,
        section_name: "PERSONEEL".into(),
        side: Side::Cost,
        year: 2026,
        printed: dec!(2800001),
        computed: personnel_cost_2026,
    }));
    assert_eq!(place_of(duplicate), 1);
    assert_eq!(place_of(depreciation), 1);
    let account_warnings: Vec<&Warning> = warnings
        .iter()
        .filter(|w| matches!(w.place(), WarningPlace::Account { .. }))
        .collect();
    assert_eq!(account_warnings.len(), 6, "{warnings:#?}");
    for warning in account_warnings {
        let (nl, en) = (
            describe_warning(warning, Lang::Nl),
            describe_warning(warning, Lang::En),
        );
        assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{nl} / {en}");
    }
    let mismatch = warnings
        .iter()
        .find(|w| matches!(w, Warning::PrintedTotalMismatch { .. }))
        .unwrap();
    assert!(
        describe_warning(mismatch, Lang::Nl)
            .contains("2026: rubriek 'PERSONEEL': gedrukt totaal kosten 2.800.001"),
        "{}",
        describe_warning(mismatch, Lang::Nl)
    );

    // Fix each one.
    for edit in [
        Edit::SetText(TextField::AccountCode(duplicate), "612000".into()),
        Edit::SetText(TextField::AccountCode(empty), "613000".into()),
        Edit::SetSide(sales, Side::Income),
        Edit::SetSide(rent, Side::Cost),
        Edit::SetYear(YearField::LineAmount(depreciation), 2027, Some(dec!(500))),
    ] {
        doc.apply(edit).unwrap();
    }
    let mut fixed = doc.plan().clone();
    fixed.accounts[0]
        .printed_cost
        .set(2026, Some(personnel_cost_2026));
    assert_eq!(summarize(&fixed).warnings, vec![]);
}

#[test]
fn a_printed_total_to_the_euro_agrees_with_lines_in_cents() {
    use planbord::calc::printed_total_matches;
    assert!(printed_total_matches(dec!(1235), dec!(1234.56)));
    assert!(printed_total_matches(dec!(1234.56), dec!(1234.56)));
    assert!(!printed_total_matches(dec!(1234.5), dec!(1234.56)));
    assert!(!printed_total_matches(dec!(1234), dec!(1234.56)));
}

/// A copy of the accounts plan on disk and the source next to it.
fn files_in(dir: &Path, source: &[u8], source_name: &str) -> (String, String) {
    let plan_path = dir.join("plan.ron");
    planbord::store::save(&accounts_plan(), &plan_path).unwrap();
    let source_path = dir.join(source_name);
    std::fs::write(&source_path, source).unwrap();
    (
        plan_path.to_str().unwrap().to_string(),
        source_path.to_str().unwrap().to_string(),
    )
}

#[test]
fn cli_import_budget_previews_saves_atomically_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (plan_path, source_path) = files_in(dir.path(), &source_csv(), "begroting.csv");
    let original = std::fs::read(&plan_path).unwrap();

    // --dry-run: the preview, and the file untouched.
    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path, "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "rij {}, kolom C (Rekening)",
            row_of("SWT/Canada Dry")
        )),
        "{out}"
    );
    assert!(out.contains("--dry-run"), "{out}");
    assert_eq!(std::fs::read(&plan_path).unwrap(), original);
    assert!(!Path::new(&format!("{plan_path}.bak")).exists());

    // For real, in English: saved, the previous version kept as .bak.
    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "row {}, column B (Zijde)",
            row_of("Verkoop publicaties")
        )),
        "{out}"
    );
    assert!(out.contains("Printed totals that differ"), "{out}");
    assert_eq!(std::fs::read(format!("{plan_path}.bak")).unwrap(), original);
    let saved = planbord::store::load(Path::new(&plan_path)).unwrap();
    assert_eq!(value(&saved, "622000", 2026), dec!(1234.56));
    assert_eq!(value(&saved, "620000", 2028), dec!(2300000));
    assert_eq!(saved.meta.budget_basis, BudgetBasis::Accounts);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".planbord-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn cli_import_budget_makes_the_accounts_the_basis_of_a_plan_without_goal_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let (plan_path, source_path) = files_in(dir.path(), &source_xlsx(), "begroting.xlsx");
    let mut plan = planbord::store::load(Path::new(&plan_path)).unwrap();
    plan.meta.budget_basis = BudgetBasis::Goals;
    planbord::store::save(&plan, Path::new(&plan_path)).unwrap();
    assert_eq!(
        preview(&plan, &read(&source_xlsx(), SourceKind::Xlsx, &plan)).basis_question,
        BasisQuestion::Proposed
    );

    // Told to keep the budget by goal: the accounts come in, the basis stays.
    let (code, out, err) = planbord(&[
        "import-budget",
        &plan_path,
        &source_path,
        "--basis",
        "goals",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("houdt zijn begroting per doel"), "{out}");
    let saved = planbord::store::load(Path::new(&plan_path)).unwrap();
    assert_eq!(saved.meta.budget_basis, BudgetBasis::Goals);
    assert_eq!(value(&saved, "622000", 2026), dec!(1234.56));

    // Not told: a plan without goal amounts takes the accounts as its budget, and its key
    // figures are no longer 0.
    planbord::store::save(&plan, Path::new(&plan_path)).unwrap();
    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("de rekeningen worden de begroting van het plan"),
        "{out}"
    );
    let saved = planbord::store::load(Path::new(&plan_path)).unwrap();
    assert_eq!(saved.meta.budget_basis, BudgetBasis::Accounts);
    assert_eq!(summarize(&saved).expenses_total[0], dec!(2314494.56));
}

/// A plan with a budget by goal (Socius) getting accounts: the command asks, and saves only
/// once told which basis.
#[test]
fn cli_import_budget_asks_for_the_basis_of_a_plan_with_goal_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("socius.ron");
    std::fs::copy("plans/socius-2021-2025.ron", &plan_path).unwrap();
    let plan_path = plan_path.to_str().unwrap().to_string();
    let source_path = dir.path().join("rekeningen.csv");
    std::fs::write(
        &source_path,
        "rubriek;rekening;omschrijving;2021;2022\nPERSONEEL;620000;Bezoldigingen;1.000.000;1.010.000\nINKOMSTEN;730000;Subsidie;1.529.210;1.547.560\n",
    )
    .unwrap();
    let source_path = source_path.to_str().unwrap().to_string();
    let original = std::fs::read(&plan_path).unwrap();

    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("kies welke de kerncijfers maakt"), "{out}");
    assert!(out.contains("--basis accounts"), "{out}");
    assert!(err.contains("niets opgeslagen"), "{err}");
    assert_eq!(std::fs::read(&plan_path).unwrap(), original, "untouched");

    let (code, out, _) = planbord(&["import-budget", &plan_path, &source_path, "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(std::fs::read(&plan_path).unwrap(), original, "untouched");

    let (code, _, err) = planbord(&[
        "import-budget",
        &plan_path,
        &source_path,
        "--basis",
        "accounts",
    ]);
    assert_eq!(code, 0, "{err}");
    let saved = planbord::store::load(Path::new(&plan_path)).unwrap();
    assert_eq!(saved.meta.budget_basis, BudgetBasis::Accounts);
    let s = summarize(&saved);
    assert_eq!(s.expenses_total[0], dec!(1000000));
    assert_eq!(s.income_total[1], dec!(1547560));
}

#[test]
fn cli_import_budget_fails_clearly_when_nothing_can_be_imported() {
    let dir = tempfile::tempdir().unwrap();
    // A source without a header row.
    let (plan_path, source_path) = files_in(dir.path(), b"wat;is;dit\n1;2;3\n", "x.csv");
    let original = std::fs::read(&plan_path).unwrap();
    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&source_path) && err.contains("kopregel"),
        "{err}"
    );

    // Every row rejected: the preview lists them, exit 1, the plan untouched.
    let all_bad = "rubriek;rekening;2026\nWERKING;610000;abc\n";
    std::fs::write(&source_path, all_bad).unwrap();
    let (code, out, err) = planbord(&["import-budget", &plan_path, &source_path]);
    assert_eq!(code, 1);
    assert!(out.contains("rij 2, kolom C (2026)"), "{out}");
    assert!(err.contains("Niets om te importeren"), "{err}");

    // A source that does not exist.
    let missing = dir.path().join("nergens.csv");
    let (code, _, err) = planbord(&["import-budget", &plan_path, missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("fout: ") && err.contains("nergens.csv: het bestand bestaat niet"),
        "{err}"
    );
    // A plan that does not exist, in Dutch and in English.
    let no_plan = dir.path().join("geen-plan.ron");
    let no_plan = no_plan.to_str().unwrap();
    let (code, _, err) = planbord(&["import-budget", no_plan, &source_path]);
    assert_eq!(code, 1);
    assert!(
        err.contains("geen-plan.ron: het bestand bestaat niet"),
        "{err}"
    );
    let (code, _, err) = planbord(&["import-budget", no_plan, &source_path, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: ") && err.contains("geen-plan.ron: the file does not exist"),
        "{err}"
    );

    // A broken workbook.
    std::fs::write(dir.path().join("kapot.xlsx"), b"PK\x03\x04kapot").unwrap();
    let broken = dir.path().join("kapot.xlsx");
    let (code, _, err) = planbord(&["import-budget", &plan_path, broken.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("kapot.xlsx") && err.contains("werkmap"),
        "{err}"
    );
    assert_eq!(std::fs::read(&plan_path).unwrap(), original);
}

type PreviewState = (ImportPreview, Option<bool>);

fn preview_harness(preview: ImportPreview) -> Harness<'static, PreviewState> {
    let mut h = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .build_ui_state(
            |ui, state: &mut PreviewState| {
                if let Some(choice) =
                    planbord::ui::import_ui::import_preview_ui(ui, &mut state.0, tr(Lang::Nl))
                {
                    state.1 = Some(choice);
                }
            },
            (preview, None),
        );
    h.run();
    h
}

#[test]
fn the_preview_panel_lists_flagged_rows_and_imports_on_click() {
    let mut plan = accounts_plan();
    plan.meta.budget_basis = BudgetBasis::Goals;
    let imported = read(&source_csv(), SourceKind::Csv, &plan);
    let mut h = preview_harness(preview(&plan, &imported));
    h.get_by_label_contains(&format!(
        "rij {}, kolom C (Rekening): rekening 623400 staat al in rubriek",
        row_of("SWT/Canada Dry")
    ));
    h.get_by_label_contains(&format!("rij {}, kolom B (Zijde)", row_of("Verkoop")));
    h.get_by_label_contains("totaal kosten 2026: 2.314.494,56 = bron");
    // A plan without goal amounts: the switch to the account basis is proposed; unticked, the
    // basis stays.
    h.get_by_label("Begroting per rekening als basis van het plan gebruiken")
        .click();
    h.run();
    assert_eq!(h.state().0.basis_choice, Some(BudgetBasis::Goals));
    h.get_by_label("Begroting per rekening als basis van het plan gebruiken")
        .click();
    h.run();
    assert_eq!(h.state().0.basis_choice, Some(BudgetBasis::Accounts));
    // Unticking the removal keeps the plan's other lines, and the total line says so.
    h.get_by_label("Lijnen die niet in de bron staan verwijderen (4)")
        .click();
    h.run();
    assert!(!h.state().0.remove_missing);
    h.get_by_label_contains("≠ bron");
    assert_eq!(h.state().1, None);
    h.get_by_label("Importeren").click();
    h.run();
    assert_eq!(h.state().1, Some(true));
    let Edit::MergeAccounts(merge) = h.state().0.edit() else {
        panic!("a merge");
    };
    assert_eq!(merge.basis, Some(BudgetBasis::Accounts));
    assert!(!merge.remove_missing);
}

#[test]
fn the_preview_panel_waits_for_the_basis_of_a_plan_with_goal_amounts() {
    let plan = planbord::store::load(Path::new("plans/socius-2021-2025.ron")).unwrap();
    let imported = read(
        b"rubriek;rekening;omschrijving;2021\nPERSONEEL;620000;Bezoldigingen;1.000.000\n",
        SourceKind::Csv,
        &plan,
    );
    let mut h = preview_harness(preview(&plan, &imported));
    h.get_by_label("Welke begroting maakt de kerncijfers van het plan?");
    h.get_by_label("Importeren").click();
    h.run();
    assert_eq!(h.state().1, None, "nothing until the basis is chosen");
    h.get_by_label("De begroting per doel (de rekeningen worden bewaard)")
        .click();
    h.run();
    assert_eq!(h.state().0.basis_choice, Some(BudgetBasis::Goals));
    h.get_by_label("Importeren").click();
    h.run();
    assert_eq!(h.state().1, Some(true));
    let Edit::MergeAccounts(merge) = h.state().0.edit() else {
        panic!("a merge");
    };
    assert_eq!(merge.basis, None, "the basis stays");
}

#[test]
fn the_preview_panel_cancels_and_refuses_an_empty_import() {
    let plan = accounts_plan();
    let imported = read(
        b"rubriek;rekening;2026\nWERKING;610000;abc\n",
        SourceKind::Csv,
        &plan,
    );
    let mut h = preview_harness(preview(&plan, &imported));
    h.get_by_label("Niets om te importeren: geen enkele rekening werd aanvaard.");
    h.get_by_label("Importeren").click();
    h.run();
    assert_eq!(h.state().1, None, "the import button is disabled");
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(h.state().1, Some(false));
}

#[test]
fn the_budget_panel_sets_an_account_category() {
    let plan = accounts_plan();
    let social = sum_of(&plan, &["621000"]);
    let mut h = harness_on(plan, Panel::Budget);
    let before = h.state().summary().clone();
    click(&mut h, "Categorie 621000");
    click(&mut h, "Andere");
    assert_eq!(
        account(h.state().plan(), "621000").category,
        Some(AccountCategory::Other)
    );
    let after = h.state().summary();
    assert_eq!(
        after.personnel_total[0],
        before.personnel_total[0] - social[0]
    );
    assert_eq!(after.other_cost[0], before.other_cost[0] + social[0]);
    // Back to the category the code gives, through the same combo.
    click(&mut h, "Categorie 621000");
    click(&mut h, "volgens rekening (Personeel)");
    assert_eq!(account(h.state().plan(), "621000").category, None);
    assert_eq!(h.state().summary().personnel_total, before.personnel_total);
}

/// Imports `bytes` as far as it goes: reading may fail, but never panics; whatever is read
/// previews, and its edit is accepted by the plan (it never produces an invalid plan). Whether
/// anything was imported.
fn import_anything(plan: &Plan, bytes: &[u8], kind: SourceKind) -> bool {
    let Ok(imported) = read_budget_source(bytes, kind, plan.years()) else {
        return false;
    };
    let p = preview(plan, &imported);
    let _ = (p.describe(Lang::Nl), p.describe(Lang::En));
    if p.can_import() {
        let mut doc = Document::new(plan.clone());
        if let Err(e) = doc.apply(p.edit()) {
            panic!("an accepted import was refused: {e}");
        }
        let _ = summarize(doc.plan());
    }
    p.can_import()
}

#[test]
fn damaged_sources_never_panic_and_never_give_an_invalid_plan() {
    let plan = accounts_plan();
    let csv = source_csv();
    let xlsx = source_xlsx();
    let mut rng = crate::support::Rng(0x5eed_1234_abcd);
    let rounds = if crate::support::full_sweeps() {
        20_000
    } else {
        600
    };
    let pieces: &[&[u8]] = &[
        b";",
        b",",
        b"\"",
        b"\n",
        b"\r",
        b"-",
        b".",
        b",5",
        b"(",
        b")",
        b"1e9",
        b"999999999999999",
        b"Totaal ",
        b"TOTAAL KOSTEN",
        b"\xE9",
        b"\xEF\xBB\xBF",
        b"2027",
        b"kosten",
        b"7",
        b"6",
    ];
    let mut imported = 0;
    for round in 0..rounds {
        let mut bytes = csv.clone();
        for _ in 0..1 + rng.next() % 4 {
            let at = (rng.next() as usize) % (bytes.len() + 1);
            match rng.next() % 3 {
                0 => {
                    let piece = pieces[(rng.next() as usize) % pieces.len()];
                    bytes.splice(at..at, piece.iter().copied());
                }
                1 => {
                    let end = (at + 1 + (rng.next() as usize) % 12).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => bytes.truncate(at),
            }
        }
        if import_anything(&plan, &bytes, SourceKind::Csv) {
            imported += 1;
        }
        // A damaged workbook now and then (each read unzips it: keep these fewer).
        if round % 10 == 0 {
            let mut damaged = xlsx.clone();
            let at = (rng.next() as usize) % damaged.len();
            match rng.next() % 2 {
                0 => damaged.truncate(at),
                _ => damaged[at] ^= 1 << (rng.next() % 8),
            }
            import_anything(&plan, &damaged, SourceKind::Xlsx);
        }
    }
    // Most damage leaves something to import: the merge itself is exercised, not only errors.
    assert!(imported > rounds / 3, "{imported} of {rounds}");
}

#[test]
fn a_workbook_total_computed_by_a_formula_is_not_a_printed_total() {
    let plan = accounts_plan();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let header = ["rubriek", "zijde", "rekening", "omschrijving"];
    for (c, text) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *text).unwrap();
    }
    sheet.write_number(0, 4, 2026).unwrap();
    sheet.write_number(0, 5, 2027).unwrap();
    for (r, (code, amounts)) in [("610000", [1000.0, 1100.0]), ("611000", [200.0, 210.0])]
        .iter()
        .enumerate()
    {
        let row = r as u32 + 1;
        sheet.write_string(row, 0, "WERKING").unwrap();
        sheet.write_string(row, 2, *code).unwrap();
        sheet.write_number(row, 4, amounts[0]).unwrap();
        sheet.write_number(row, 5, amounts[1]).unwrap();
    }
    // 2026: a formula (written without a computed value); 2027: a printed, wrong number.
    sheet.write_string(3, 0, "Totaal WERKING").unwrap();
    sheet.write_formula(3, 4, "=SUM(E2:E3)").unwrap();
    sheet.write_number(3, 5, 1300).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let imported = read(&bytes, SourceKind::Xlsx, &plan);
    assert_eq!(imported.totals.len(), 1);
    assert_eq!(
        imported.totals[0]
            .values
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![2027]
    );
    let p = preview(&plan, &imported);
    assert_eq!(p.mismatches.len(), 1);
    assert_eq!(
        (p.mismatches[0].year, p.mismatches[0].computed),
        (2027, dec!(1310))
    );
}

#[test]
fn an_account_warning_jumps_to_the_budget_panel() {
    let mut plan = accounts_plan();
    plan.accounts[0].printed_cost.set(2027, Some(dec!(1)));
    let mut h = harness_on(plan, Panel::Warnings);
    h.get_by_label_contains(
        "2027: rubriek 'PERSONEEL': gedrukt totaal kosten 1, som van de lijnen",
    )
    .click();
    h.run();
    assert_eq!(h.state().view.panel, Panel::Budget);
}
