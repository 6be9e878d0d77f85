//! Exports and the budget import driven from the window (File menu), and the round trip the
//! finance staff rely on: the accounts table exported as CSV comes back in as the same budget.

use calamine::Reader;
use egui::Key;
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::calc::summarize;
use planbord::exchange::csv::{CsvNotation, write_csv};
use planbord::exchange::import::{SourceKind, preview, read_budget_source};
use planbord::exchange::tables::plan_tables;
use planbord::i18n::Lang;
use planbord::model::{BudgetBasis, Plan};
use planbord::ui::Panel;
use std::path::PathBuf;

use crate::support::{SOCIUS, accounts_plan, click, harness_with, prefs_on, socius, type_into};

fn open_menu_item(h: &mut egui_kittest::Harness<'static, PlanApp>, item: &str) {
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_plan_exports_to_xlsx_and_csv_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let app = PlanApp::new(
        socius(),
        Some(PathBuf::from(SOCIUS)),
        prefs_on(Panel::Budget),
    );
    let mut h = harness_with(app);
    h.run();
    let xlsx = dir.path().join("socius.xlsx");
    open_menu_item(&mut h, "Exporteren naar Excel (XLSX)…");
    type_into(&mut h, "Pad", xlsx.to_str().unwrap(), Key::Enter);
    assert!(
        h.state().status.contains("bladen geschreven"),
        "{}",
        h.state().status
    );
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    let names = book.sheet_names().to_vec();
    assert!(names.len() >= 9, "{names:?}");
    let budget = book.worksheet_range(&names[names.len() - 1]).unwrap();
    assert!(budget.used_cells().count() > 10);
    // A second export to the same file asks first.
    std::fs::write(&xlsx, b"mine").unwrap();
    open_menu_item(&mut h, "Exporteren naar Excel (XLSX)…");
    type_into(&mut h, "Pad", xlsx.to_str().unwrap(), Key::Enter);
    h.get_by_label("Bestand bestaat al");
    assert_eq!(std::fs::read(&xlsx).unwrap(), b"mine");
    h.get_by_label("Overschrijven").click();
    h.run();
    let again = calamine::open_workbook_auto(&xlsx).expect("a workbook again");
    assert_eq!(again.sheet_names().len(), names.len());
    // CSV: one file per table, Belgian notation.
    let folder = dir.path().join("csv");
    open_menu_item(&mut h, "Exporteren naar CSV…");
    type_into(&mut h, "Pad", folder.to_str().unwrap(), Key::Enter);
    let budget = std::fs::read_to_string(folder.join("budget.csv")).unwrap();
    assert!(budget.starts_with('\u{feff}'));
    assert!(budget.contains("1362093"), "{budget}");
}

#[test]
fn a_budget_is_imported_from_the_file_menu_as_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("boekhouding.csv");
    std::fs::write(
        &source,
        "rubriek;zijde;rekening;omschrijving;2026;2027;2028\n\
         WERKING;kosten;610000;Huur;1.200;1.300;1.400\n\
         WERKING;kosten;610000;Huur dubbel;1;2;3\n\
         Totaal WERKING;kosten;;;1.200;1.300;9.999\n",
    )
    .unwrap();
    let mut h = harness_with(PlanApp::new(accounts_plan(), None, prefs_on(Panel::Budget)));
    h.run();
    let before = h.state().plan().clone();
    open_menu_item(&mut h, "Begroting importeren…");
    type_into(&mut h, "Pad", source.to_str().unwrap(), Key::Enter);
    // The preview names the rejected duplicate and the wrong printed total.
    h.get_by_label("Begroting importeren");
    assert!(h.get_all_by_label_contains("610000").count() >= 1);
    click(&mut h, "Importeren");
    let line = crate::support::account(h.state().plan(), "610000");
    assert_eq!(line.amounts.value(2027), rust_decimal::dec!(1300));
    assert!(h.state().is_dirty());
    h.state_mut().undo();
    assert_eq!(h.state().plan(), &before);
}

/// A chart-of-accounts budget as a SAM-style organisation's accounting prints it: two lines under
/// 623400, no side column, printed grand totals.
const SAM: &str = "tests/data/sam-begroting.csv";

/// A new plan (no budget by goal yet) takes a SAM-style accounts budget from the File menu: no
/// row is dropped, the preview says the totals equal the source, the accounts become the plan's
/// budget by default, and the key figures are the source's.
#[test]
fn a_new_plan_takes_a_sam_budget_from_the_file_menu_with_every_row() {
    let plan = Plan::new("SAM", 2021, 2025);
    let mut h = harness_with(PlanApp::new(plan, None, prefs_on(Panel::Budget)));
    h.run();
    open_menu_item(&mut h, "Begroting importeren…");
    type_into(&mut h, "Pad", SAM, Key::Enter);
    h.get_by_label_contains(
        "totaal kosten 2021: 3.356.389 = bron; totaal opbrengsten 2021: 3.321.200 = bron",
    );
    h.get_by_label_contains("rekening 623400 staat al in rubriek 'PERSONEELSKOSTEN'");
    assert!(
        h.query_by_label_contains("Geweigerd").is_none(),
        "no row rejected"
    );
    click(&mut h, "Importeren");
    let plan = h.state().plan().clone();
    assert_eq!(plan.meta.budget_basis, BudgetBasis::Accounts);
    let s = summarize(&plan);
    assert_eq!(s.expenses_total[0], rust_decimal::dec!(3356389));
    assert_eq!(s.income_total[1], rust_decimal::dec!(3387200));
    assert_eq!(s.personnel_total[0], rust_decimal::dec!(3040389));
    let swt = plan
        .accounts
        .iter()
        .flat_map(|s| &s.lines)
        .find(|l| l.name == "SWT/Canada Dry")
        .expect("the second 623400 line is in the plan");
    assert_eq!(swt.amounts.value(2021), rust_decimal::dec!(17760));
    // The duplicated code is one of the plan's warnings, named in the Warnings panel.
    assert!(s.warnings.iter().any(|w| matches!(
        w,
        planbord::calc::Warning::DuplicateAccountCode { code, .. } if code == "623400"
    )));
}

/// The same on the command line: a new plan file, the source, no options.
#[test]
fn the_command_line_imports_a_sam_budget_into_a_new_plan_with_equal_totals() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("sam.ron");
    planbord::store::save(&Plan::new("SAM", 2021, 2025), &plan_path).unwrap();
    let plan_arg = plan_path.to_str().unwrap();
    let (code, out, err) = crate::support::planbord(&["import-budget", plan_arg, SAM]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("totaal kosten 2021: 3.356.389 = bron; totaal opbrengsten 2021: 3.321.200 = bron (elk jaar 2021-2022 gelijk aan de bron)"),
        "{out}"
    );
    assert!(!out.contains("Geweigerd"), "{out}");
    let (code, out, err) = crate::support::planbord(&["summary", plan_arg, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let expenses = out
        .lines()
        .find(|l| l.starts_with("cost.total,"))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(expenses, "cost.total,3356389,3434260,0,0,0");
}

/// Exports the accounts table of `plan` as CSV and imports it into an empty plan of the same
/// period: the section totals per year must come back equal.
fn round_trip(plan: &Plan, notation: CsvNotation) {
    let summary = summarize(plan);
    let tables = plan_tables(plan, &summary, Lang::Nl);
    let accounts = tables.iter().find(|t| t.key == "accounts").unwrap();
    let csv = write_csv(accounts, notation);
    let imported =
        read_budget_source(csv.as_bytes(), SourceKind::Csv, plan.years()).expect("readable");
    let mut empty = Plan::new("Leeg", plan.meta.first_year, plan.meta.last_year);
    empty.meta.budget_basis = BudgetBasis::Accounts;
    let preview = preview(&empty, &imported);
    assert!(
        imported.rejected_rows().is_empty(),
        "{:?}",
        imported.rejections
    );
    assert!(preview.mismatches.is_empty(), "{:?}", preview.mismatches);
    planbord::edit::apply_to(&mut empty, &preview.edit()).unwrap();
    let again = summarize(&empty);
    assert_eq!(again.account_cost, summary.account_cost);
    assert_eq!(again.account_income, summary.account_income);
    for section in &summary.account_sections {
        let back = again
            .account_sections
            .iter()
            .find(|s| s.name == section.name)
            .unwrap_or_else(|| panic!("section {} lost", section.name));
        assert_eq!((&back.cost, &back.income), (&section.cost, &section.income));
    }
}

#[test]
fn the_accounts_table_exported_as_csv_imports_back_with_equal_totals() {
    let mut plan = accounts_plan();
    assert!(!plan.accounts.is_empty());
    // Names a spreadsheet would take for a formula are written guarded and read back as they were.
    plan.accounts[0].lines[0].name = "-2+3 correctie".into();
    plan.accounts[1].lines[0].name = "=SUM(A1)".into();
    round_trip(&plan, CsvNotation::Belgian);
    round_trip(&plan, CsvNotation::Plain);
    for notation in [CsvNotation::Belgian, CsvNotation::Plain] {
        let tables = plan_tables(&plan, &summarize(&plan), Lang::Nl);
        let accounts = tables.iter().find(|t| t.key == "accounts").unwrap();
        let csv = write_csv(accounts, notation);
        assert!(csv.contains("'-2+3 correctie"), "{csv}");
        let imported = read_budget_source(csv.as_bytes(), SourceKind::Csv, plan.years()).unwrap();
        let names: Vec<&str> = imported
            .sections
            .iter()
            .flat_map(|s| &s.lines)
            .map(|l| l.name.as_str())
            .collect();
        assert!(
            names.contains(&"-2+3 correctie") && names.contains(&"=SUM(A1)"),
            "{names:?}"
        );
    }
}
