//! The Budget panel: the multi-year budget, operating budget per goal, overhead, income,
//! reserves, and account-coded budgets by section.

use super::widgets::{
    CellKind, GridRow, LazyRows, RowStyle, YearGrid, decimal_cell, rule_ui, text_field,
    year_grid_ui,
};
use super::{PanelCtx, ViewState, heading_ui};
use crate::calc::Row;
use crate::edit::{Edit, LineList, TextField, YearField};
use crate::i18n::Tr;
use crate::model::{
    AccountCategory, AccountLine, Amounts, BudgetBasis, BudgetLine, IncomeKind, Side,
};
use egui::Ui;

/// Widths of the account code and name fields in the account lines grid.
const ACCOUNT_CODE_WIDTH: f32 = 80.0;
const ACCOUNT_NAME_WIDTH: f32 = 240.0;
/// Width of the printed-group field of an overhead or income line.
const PRINTED_GROUP_WIDTH: f32 = 240.0;

/// Rows for overhead or income lines; the values come from the summary (`computed`, same order).
fn line_rows(lines: &[BudgetLine], computed: &[Row], rule: &str) -> Vec<GridRow> {
    lines
        .iter()
        .zip(computed)
        .map(|(line, values)| {
            let row = match &line.amounts {
                Amounts::PerYear(_) => GridRow::editable(
                    line.name.clone(),
                    values.values.clone(),
                    YearField::LineAmount(line.id),
                ),
                Amounts::Rule(r) => GridRow::computed(
                    format!(
                        "{} ({rule}: +{}%)",
                        line.name,
                        crate::numfmt::exact(r.growth_percent)
                    ),
                    &values.values,
                    RowStyle::Normal,
                ),
            };
            row.managed(line.id)
        })
        .collect()
}

fn income_kind_name(kind: IncomeKind, tr: &Tr) -> &'static str {
    match kind {
        IncomeKind::Subsidy => tr.income_subsidy,
        IncomeKind::OwnIncome => tr.income_own,
        IncomeKind::WageSubsidy => tr.income_wage_subsidy,
        IncomeKind::Other => tr.income_other,
    }
}

/// The category of an account line: the one its code gives ("volgens rekening"), or one chosen
/// among those that fit its side.
fn account_category_ui(ui: &mut Ui, line: &AccountLine, tr: &Tr, edits: &mut Vec<Edit>) {
    let from_code = AccountCategory::for_code(&line.code, line.side);
    let from_code_text = format!(
        "{} ({})",
        tr.category_from_code,
        tr.category_name(from_code)
    );
    let selected = match line.category {
        Some(c) => tr.category_name(c).to_string(),
        None => format!(
            "{} ({})",
            tr.category_name(from_code),
            tr.category_from_code
        ),
    };
    let mut choice = line.category;
    egui::ComboBox::from_id_salt(("account-category", line.id.0))
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut choice, None, from_code_text);
            for &category in AccountCategory::for_side(line.side) {
                ui.selectable_value(&mut choice, Some(category), tr.category_name(category));
            }
        })
        .response
        .accessible_name(format!("{} {}", tr.category, line.code));
    if choice != line.category {
        edits.push(Edit::SetAccountCategory(line.id, choice));
    }
}

/// The printed group of an overhead or income line: the row of the multi-year budget it is
/// printed in with the other lines of the group; empty for none.
fn printed_group_ui(ui: &mut Ui, line: &BudgetLine, tr: &Tr, edits: &mut Vec<Edit>) {
    ui.label(tr.printed_group);
    // A fixed width: in a grid a field that wants all the room gets none.
    let height = ui.spacing().interact_size.y;
    let id = egui::Id::unique(("printed-group", line.id.0));
    let group = line.printed_group.as_deref().unwrap_or_default();
    let new = ui
        .allocate_ui(egui::vec2(PRINTED_GROUP_WIDTH, height), |ui| {
            text_field(
                ui,
                id,
                group,
                &format!("{} {}", tr.printed_group, line.name),
                false,
            )
        })
        .inner;
    if let Some(new) = new {
        let new = new.trim();
        edits.push(Edit::SetPrintedGroup(
            line.id,
            (!new.is_empty()).then(|| new.to_string()),
        ));
    }
}

pub fn budget_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    egui::ScrollArea::both().id_salt("budget").show(ui, |ui| {
        multi_year_ui(ui, cx, view);
        operating_ui(ui, cx);
        overhead_ui(ui, cx);
        income_ui(ui, cx);
        reserves_ui(ui, cx);
        accounts_ui(ui, cx);
    });
}

/// The multi-year budget: expenses, income, balance (saldo), carry-over, result, subsidy. On a
/// goal basis with the rows of the exported table: operating and overhead cost apart (and each
/// printed group of overhead lines), every income line or printed group of them.
fn multi_year_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    let tr = cx.tr;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.multi_year);
    let mut rows = vec![GridRow::computed(
        tr.personnel,
        &s.personnel_total,
        RowStyle::Normal,
    )];
    match s.budget_basis {
        BudgetBasis::Goals => {
            rows.push(GridRow::computed(
                tr.operating_cost,
                &s.operating_total,
                RowStyle::Normal,
            ));
            rows.push(GridRow::computed(
                tr.overhead_cost,
                &s.overhead_ungrouped,
                RowStyle::Normal,
            ));
            rows.extend(
                s.overhead_groups
                    .iter()
                    .map(|g| GridRow::computed(g.label.clone(), &g.values, RowStyle::Normal)),
            );
            rows.push(GridRow::computed(
                tr.operating_and_overhead,
                &s.operating_and_overhead,
                RowStyle::Group,
            ));
        }
        BudgetBasis::Accounts => {
            rows.push(GridRow::computed(
                format!("{} + {}", tr.operating, tr.overhead.to_lowercase()),
                &s.operating_and_overhead,
                RowStyle::Normal,
            ));
            rows.push(GridRow::computed(
                tr.other_cost,
                &s.other_cost,
                RowStyle::Normal,
            ));
        }
    }
    rows.push(GridRow::computed(
        tr.expenses_total,
        &s.expenses_total,
        RowStyle::Total,
    ));
    if s.budget_basis == BudgetBasis::Goals {
        rows.extend(
            s.income_printed
                .iter()
                .map(|r| GridRow::computed(r.label.clone(), &r.values, RowStyle::Normal)),
        );
    }
    rows.extend([
        GridRow::computed(tr.income_total, &s.income_total, RowStyle::Total),
        GridRow::computed(tr.balance, &s.balance, RowStyle::Signed),
        GridRow::computed(tr.carryover, &s.carryover, RowStyle::Normal),
        GridRow::computed(tr.result, &s.result, RowStyle::Normal),
        GridRow::computed(tr.requested_subsidy, &s.requested_subsidy, RowStyle::Normal),
    ]);
    let grid = YearGrid::new("multi-year", years, CellKind::Euro, tr.total, tr)
        .highlight(view.highlight_year)
        .fit_labels(ui, rows.iter().map(|r| r.label.as_str()));
    year_grid_ui(ui, &grid, &rows, cx.edits);
}

/// Operating budgets per goal, with the part a reserve fund finances.
fn operating_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.operating);
    // One row per goal (and fund part): made only when in view.
    enum OperatingRow<'p> {
        Strategic(&'p crate::model::StrategicGoal, &'p crate::calc::Series),
        Operational(&'p crate::model::OperationalGoal),
        FundPart(&'p crate::model::OperationalGoal),
        Line(GridRow),
    }
    let mut rows = Vec::new();
    for (sd, figures) in plan.strategic_goals.iter().zip(&s.goals) {
        rows.push(OperatingRow::Strategic(sd, &figures.operating));
        for od in &sd.operational_goals {
            rows.push(OperatingRow::Operational(od));
            if od.fund.is_some() {
                rows.push(OperatingRow::FundPart(od));
            }
        }
    }
    rows.push(OperatingRow::Line(GridRow::computed(
        format!("{} ({})", tr.total, tr.fund_financed),
        &s.fund_financed_total,
        RowStyle::Normal,
    )));
    rows.push(OperatingRow::Line(GridRow::computed(
        tr.total,
        &s.goal_operating_total,
        RowStyle::Total,
    )));
    let rows = LazyRows {
        count: rows.len(),
        make: |i| match &rows[i] {
            OperatingRow::Strategic(sd, operating) => GridRow::computed(
                format!("{} {}", sd.code, sd.title),
                operating,
                RowStyle::Group,
            ),
            OperatingRow::Operational(od) => GridRow::editable(
                format!("{} {}", tr.operating, od.code),
                years.iter().map(|y| od.operating.get(*y)).collect(),
                YearField::GoalOperating(od.id),
            ),
            OperatingRow::FundPart(od) => GridRow::editable(
                format!("{} {}", od.code, tr.fund_financed),
                years.iter().map(|y| od.fund_financed.get(*y)).collect(),
                YearField::GoalFundFinanced(od.id),
            ),
            OperatingRow::Line(row) => row.clone(),
        },
    };
    year_grid_ui(
        ui,
        &YearGrid::new("operating", years, CellKind::Euro, tr.total, tr),
        &rows,
        cx.edits,
    );
}

/// Overhead lines.
fn overhead_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.overhead);
    let mut rows = line_rows(&plan.overhead, &s.overhead, tr.rule);
    rows.push(GridRow::computed(
        tr.total,
        &s.overhead_lines_total,
        RowStyle::Total,
    ));
    year_grid_ui(
        ui,
        &YearGrid::new("overhead", years, CellKind::Euro, tr.total, tr),
        &rows,
        cx.edits,
    );
    egui::Grid::new("overhead-groups")
        .striped(true)
        .show(ui, |ui| {
            for line in &plan.overhead {
                ui.label(&line.name);
                printed_group_ui(ui, line, tr, cx.edits);
                ui.end_row();
            }
        });
    if ui.button(format!("+ {}", tr.overhead)).clicked() {
        cx.edits.push(Edit::AddLine(LineList::Overhead));
    }
}

/// Income lines, their kind (subsidy, own income ...) and growth rules of overhead and income.
fn income_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.income);
    let mut rows = line_rows(&plan.income, &s.income, tr.rule);
    rows.push(GridRow::computed(
        tr.total,
        &s.income_lines_total,
        RowStyle::Total,
    ));
    year_grid_ui(
        ui,
        &YearGrid::new("income", years, CellKind::Euro, tr.total, tr),
        &rows,
        cx.edits,
    );
    egui::Grid::new("income-kinds")
        .striped(true)
        .show(ui, |ui| {
            for line in &plan.income {
                ui.label(&line.name);
                let mut kind = line.kind;
                egui::ComboBox::from_id_salt(("income-kind", line.id.0))
                    .selected_text(income_kind_name(kind, tr))
                    .show_ui(ui, |ui| {
                        for k in [
                            IncomeKind::Subsidy,
                            IncomeKind::OwnIncome,
                            IncomeKind::WageSubsidy,
                            IncomeKind::Other,
                        ] {
                            ui.selectable_value(&mut kind, k, income_kind_name(k, tr));
                        }
                    })
                    .response
                    .accessible_name(format!("{} {}", tr.kind_of, line.name));
                if kind != line.kind {
                    cx.edits.push(Edit::SetIncomeKind(line.id, kind));
                }
                printed_group_ui(ui, line, tr, cx.edits);
                ui.end_row();
            }
        });
    if ui.button(format!("+ {}", tr.income)).clicked() {
        cx.edits.push(Edit::AddLine(LineList::Income));
    }
    for line in plan.overhead.iter().chain(&plan.income) {
        rule_ui(ui, line.id, &line.name, &line.amounts, years, cx.edits, tr);
    }
}

/// Reserve funds: balances per year, opening balance, which one receives the balance.
fn reserves_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.reserves);
    let rows: Vec<GridRow> = s
        .reserves
        .iter()
        .map(|r| {
            GridRow::computed(r.label.clone(), &r.values, RowStyle::Normal)
                .without_total()
                .managed(r.id)
        })
        .collect();
    year_grid_ui(
        ui,
        &YearGrid::new("reserves", years, CellKind::Euro, "", tr),
        &rows,
        cx.edits,
    );
    for fund in &plan.funds {
        ui.horizontal(|ui| {
            ui.label(&fund.name);
            ui.label("beginsaldo");
            let id = egui::Id::unique(("fund-opening", fund.id.0));
            let cell = decimal_cell(
                ui,
                id,
                fund.opening_balance,
                CellKind::Euro,
                &format!("{} {}", tr.opening_balance_of, fund.name),
            );
            let mut receives = fund.receives_balance;
            let toggled = ui
                .checkbox(&mut receives, tr.receives_balance)
                .accessible_name(format!("{} {}", tr.carryover_to, fund.name))
                .changed();
            if cell.value.is_some() || toggled {
                cx.edits.push(Edit::SetFund {
                    id: fund.id,
                    opening_balance: cell
                        .value
                        .map_or(fund.opening_balance, |v| v.unwrap_or_default()),
                    receives_balance: receives,
                });
            }
        });
    }
    if ui.button(format!("+ {}", tr.reserves)).clicked() {
        cx.edits.push(Edit::AddLine(LineList::Fund));
    }
}

/// The budget by chart-of-accounts code: sections, lines, categories, printed totals.
fn accounts_ui(ui: &mut Ui, cx: &mut PanelCtx) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    heading_ui(ui, tr.accounts);
    for (section, totals) in plan.accounts.iter().zip(&s.account_sections) {
        ui.horizontal(|ui| {
            if ui.small_button("×").on_hover_text(tr.remove).clicked() {
                cx.edits.push(Edit::RemoveLine(section.id));
            }
            let id = egui::Id::unique(("section-name", section.id.0));
            if let Some(new) = text_field(
                ui,
                id,
                &section.name,
                &format!("{} {}", tr.section, section.name),
                false,
            ) {
                cx.edits
                    .push(Edit::SetText(TextField::Name(section.id), new));
            }
        });
        let mut rows: Vec<GridRow> = section
            .lines
            .iter()
            .map(|line| {
                let label = format!("{} {}", line.code, line.name);
                let values = cx
                    .summary
                    .line(line.id)
                    .map(|r| r.values.clone())
                    .unwrap_or_default();
                let row = match &line.amounts {
                    Amounts::PerYear(_) => {
                        GridRow::editable(label, values, YearField::LineAmount(line.id))
                    }
                    Amounts::Rule(_) => GridRow::computed(label, &values, RowStyle::Normal),
                };
                GridRow {
                    remove: Some(line.id),
                    ..row
                }
            })
            .collect();
        let has = |side| section.lines.iter().any(|l| l.side == side);
        if has(Side::Cost) {
            rows.push(GridRow::computed(
                format!("{} {}", tr.cost, section.name),
                &totals.cost,
                RowStyle::Total,
            ));
        }
        if has(Side::Income) {
            rows.push(GridRow::computed(
                format!("{} {}", tr.income, section.name),
                &totals.income,
                RowStyle::Total,
            ));
        }
        for (side, side_name) in [(Side::Cost, tr.cost), (Side::Income, tr.income)] {
            let printed = section.printed(side);
            if !printed.is_empty() {
                rows.push(
                    GridRow::computed(
                        format!(
                            "{} {} {}",
                            tr.printed_total,
                            side_name.to_lowercase(),
                            section.name
                        ),
                        &years.iter().map(|y| printed.get(*y)).collect(),
                        RowStyle::Normal,
                    )
                    .without_total(),
                );
            }
        }
        let salt = format!("account-{}", section.id.0);
        year_grid_ui(
            ui,
            &YearGrid::new(&salt, years, CellKind::Euro, tr.total, tr),
            &rows,
            cx.edits,
        );
        egui::Grid::new(("account-lines", section.id.0)).show(ui, |ui| {
            for line in &section.lines {
                // Fixed widths: in a grid a field that wants all the room gets none.
                let field_height = ui.spacing().interact_size.y;
                let code_id = egui::Id::unique(("account-code", line.id.0));
                let code = ui
                    .allocate_ui(egui::vec2(ACCOUNT_CODE_WIDTH, field_height), |ui| {
                        text_field(
                            ui,
                            code_id,
                            &line.code,
                            &format!("{} {}", tr.account, line.name),
                            false,
                        )
                    })
                    .inner;
                if let Some(new) = code {
                    cx.edits
                        .push(Edit::SetText(TextField::AccountCode(line.id), new));
                }
                let name_id = egui::Id::unique(("account-name", line.id.0));
                let name = ui
                    .allocate_ui(egui::vec2(ACCOUNT_NAME_WIDTH, field_height), |ui| {
                        text_field(
                            ui,
                            name_id,
                            &line.name,
                            &format!("{} {}", tr.account_name_of, line.code),
                            false,
                        )
                    })
                    .inner;
                if let Some(new) = name {
                    cx.edits.push(Edit::SetText(TextField::Name(line.id), new));
                }
                let mut side = line.side;
                ui.radio_value(&mut side, Side::Cost, tr.cost);
                ui.radio_value(&mut side, Side::Income, tr.income);
                if side != line.side {
                    cx.edits.push(Edit::SetSide(line.id, side));
                }
                account_category_ui(ui, line, tr, cx.edits);
                ui.end_row();
            }
        });
        if ui
            .button(format!("+ {} {}", tr.add_account_in, section.name))
            .clicked()
        {
            cx.edits
                .push(Edit::AddLine(LineList::AccountLine(section.id)));
        }
    }
    if !plan.accounts.is_empty() {
        let rows = [GridRow::computed(
            tr.result,
            &s.account_result,
            RowStyle::Signed,
        )];
        year_grid_ui(
            ui,
            &YearGrid::new("account-result", years, CellKind::Euro, tr.total, tr),
            &rows,
            cx.edits,
        );
    }
    if ui.button(format!("+ {}", tr.accounts)).clicked() {
        cx.edits.push(Edit::AddLine(LineList::AccountSection));
    }
}
