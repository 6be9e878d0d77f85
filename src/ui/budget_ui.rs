//! The Budget panel: operating budget per goal, overhead, income, reserves, the multi-year
//! budget, and account-coded budgets by section.

use super::widgets::{CellKind, GridRow, RowStyle, year_grid_ui};
use super::{PanelCtx, ViewState, heading_ui};
use crate::edit::YearField;
use crate::model::{Amounts, BudgetLine, Side};
use egui::Ui;

fn line_rows(lines: &[BudgetLine], years: &[i32], rule: &str) -> Vec<GridRow> {
    lines
        .iter()
        .map(|line| match &line.amounts {
            Amounts::PerYear(values) => GridRow::editable(
                line.name.clone(),
                years.iter().map(|y| values.get(*y)).collect(),
                YearField::LineAmount(line.id),
            ),
            amounts @ Amounts::Rule(r) => GridRow::computed(
                format!(
                    "{} ({rule}: +{}%)",
                    line.name,
                    crate::numfmt::exact(r.growth_percent)
                ),
                &years.iter().map(|y| amounts.value(*y)).collect(),
                RowStyle::Normal,
            ),
        })
        .collect()
}

pub fn budget_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &ViewState) {
    let tr = cx.tr;
    let plan = cx.plan;
    let s = cx.summary;
    let years = &s.years;
    egui::ScrollArea::vertical()
        .id_salt("budget")
        .show(ui, |ui| {
            heading_ui(ui, tr.multi_year);
            let rows = [
                GridRow::computed(tr.personnel, &s.personnel_total, RowStyle::Normal),
                GridRow::computed(
                    format!("{} + {}", tr.operating, tr.overhead.to_lowercase()),
                    &s.operating_and_overhead,
                    RowStyle::Normal,
                ),
                GridRow::computed(tr.expenses_total, &s.expenses_total, RowStyle::Total),
                GridRow::computed(tr.income_total, &s.income_total, RowStyle::Total),
                GridRow::computed(tr.balance, &s.balance, RowStyle::Signed),
                GridRow::computed(tr.carryover, &s.carryover, RowStyle::Normal),
                GridRow::computed(tr.result, &s.result, RowStyle::Normal),
                GridRow::computed(tr.requested_subsidy, &s.requested_subsidy, RowStyle::Normal),
            ];
            year_grid_ui(
                ui,
                "multi-year",
                years,
                &rows,
                CellKind::Euro,
                tr.total,
                view.highlight_year,
                cx.edits,
            );

            heading_ui(ui, tr.operating);
            let mut rows = Vec::new();
            for (sd, figures) in plan.strategic_goals.iter().zip(&s.goals) {
                rows.push(GridRow::computed(
                    format!("{} {}", sd.code, sd.title),
                    &figures.operating,
                    RowStyle::Group,
                ));
                for od in &sd.operational_goals {
                    rows.push(GridRow::editable(
                        format!("{} {}", tr.operating, od.code),
                        years.iter().map(|y| od.operating.get(*y)).collect(),
                        YearField::GoalOperating(od.id),
                    ));
                    if od.fund.is_some() {
                        rows.push(GridRow::editable(
                            format!("{} {} {}", od.code, tr.fund_financed, ""),
                            years.iter().map(|y| od.fund_financed.get(*y)).collect(),
                            YearField::GoalFundFinanced(od.id),
                        ));
                    }
                }
            }
            rows.push(GridRow::computed(
                format!("{} ({})", tr.total, tr.fund_financed),
                &s.fund_financed_total,
                RowStyle::Normal,
            ));
            rows.push(GridRow::computed(
                tr.total,
                &s.operating_total,
                RowStyle::Total,
            ));
            year_grid_ui(
                ui,
                "operating",
                years,
                &rows,
                CellKind::Euro,
                tr.total,
                None,
                cx.edits,
            );

            heading_ui(ui, tr.overhead);
            let mut rows = line_rows(&plan.overhead, years, tr.rule);
            rows.push(GridRow::computed(
                tr.total,
                &s.overhead_total,
                RowStyle::Total,
            ));
            year_grid_ui(
                ui,
                "overhead",
                years,
                &rows,
                CellKind::Euro,
                tr.total,
                None,
                cx.edits,
            );

            heading_ui(ui, tr.income);
            let mut rows = line_rows(&plan.income, years, tr.rule);
            rows.push(GridRow::computed(
                tr.total,
                &s.income_total,
                RowStyle::Total,
            ));
            year_grid_ui(
                ui,
                "income",
                years,
                &rows,
                CellKind::Euro,
                tr.total,
                None,
                cx.edits,
            );

            if !s.reserves.is_empty() {
                heading_ui(ui, tr.reserves);
                let rows: Vec<GridRow> = s
                    .reserves
                    .iter()
                    .map(|r| {
                        GridRow::computed(r.label.clone(), &r.values, RowStyle::Normal)
                            .without_total()
                    })
                    .collect();
                year_grid_ui(
                    ui,
                    "reserves",
                    years,
                    &rows,
                    CellKind::Euro,
                    "",
                    None,
                    cx.edits,
                );
            }

            if !plan.accounts.is_empty() {
                heading_ui(ui, tr.accounts);
                for (section, totals) in plan.accounts.iter().zip(&s.account_sections) {
                    let mut rows: Vec<GridRow> = section
                        .lines
                        .iter()
                        .map(|line| {
                            let label = format!("{} {}", line.code, line.name);
                            match &line.amounts {
                                Amounts::PerYear(values) => GridRow::editable(
                                    label,
                                    years.iter().map(|y| values.get(*y)).collect(),
                                    YearField::LineAmount(line.id),
                                ),
                                amounts => GridRow::computed(
                                    label,
                                    &years.iter().map(|y| amounts.value(*y)).collect(),
                                    RowStyle::Normal,
                                ),
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
                    ui.label(egui::RichText::new(&section.name).strong());
                    year_grid_ui(
                        ui,
                        &format!("account-{}", section.id.0),
                        years,
                        &rows,
                        CellKind::Euro,
                        tr.total,
                        None,
                        cx.edits,
                    );
                }
                let rows = [GridRow::computed(
                    tr.result,
                    &s.account_result,
                    RowStyle::Alert,
                )];
                year_grid_ui(
                    ui,
                    "account-result",
                    years,
                    &rows,
                    CellKind::Euro,
                    tr.total,
                    None,
                    cx.edits,
                );
            }
        });
}
