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
    let plan = accounts_plan();
    assert!(!plan.accounts.is_empty());
    round_trip(&plan, CsvNotation::Belgian);
    round_trip(&plan, CsvNotation::Plain);
}
