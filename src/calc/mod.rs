//! Every derived number of a plan: pure functions from `&Plan` to a [`Summary`].
//!
//! Nothing here rounds: amounts are exact decimals; rounding to euros happens when shown.
//!
//! The budget figures (personnel, operating, overhead and other cost, requested subsidy, the
//! totals, the balance) follow the plan's [`BudgetBasis`]: on the goal basis they come from the
//! goals, staff lines, overhead and income lines; on the account basis from the account lines,
//! each counted under its [`AccountCategory`]. FTE always comes from the goals and staff lines,
//! and so do the salary cost per goal and the service/support split of the staffing plan.

pub mod actuals;
pub mod charts;
pub mod figures;
mod series;
mod warnings;

pub use warnings::{Warning, WarningPlace, printed_total_matches};

use crate::model::{AccountCategory, Amounts, BudgetBasis, Id, IncomeKind, Plan, Side, StaffGroup};
use rust_decimal::Decimal;

/// One value per plan year, aligned with [`Summary::years`].
pub use figures::{Figure, Unit, key_figures};
pub use series::Series;

/// A labelled series: one row of a table or one line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: Id,
    pub label: String,
    pub values: Series,
}

/// A row of the multi-year budget made of budget lines: a line without a printed group, or the
/// lines of one printed group summed (named by the group, at the place of its first line).
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedRow {
    pub label: String,
    pub values: Series,
    /// The lines in the row, in plan order.
    pub lines: Vec<Id>,
    /// Whether the row is a printed group (rather than one line without a group).
    pub grouped: bool,
}

/// FTE and salary cost per strategic goal, with its operational goals.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalFigures {
    pub id: Id,
    pub code: String,
    pub fte: Series,
    pub salary_cost: Series,
    /// Operating cost charged to the year: the budget minus the fund-financed part.
    pub operating: Series,
    pub fund_financed: Series,
    pub operational: Vec<GoalFigures>,
}

/// Totals of one chart-of-accounts section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionTotals {
    pub id: Id,
    pub name: String,
    pub cost: Series,
    pub income: Series,
}

/// The account lines of one category on one side, summed over all sections.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryTotals {
    pub side: Side,
    pub category: AccountCategory,
    pub values: Series,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub years: Vec<i32>,
    /// Cost per FTE of every salary profile per year (typed, or from its growth rule).
    pub profile_costs: Vec<Row>,
    /// Every account line's amounts per year (typed, or from its growth rule), in plan order.
    pub account_lines: Vec<Row>,
    /// Where the budget figures come from (goals or accounts).
    pub budget_basis: BudgetBasis,
    pub goals: Vec<GoalFigures>,
    /// Generic service lines and support roles: FTE and salary cost each.
    pub staff_lines_fte: Vec<Row>,
    pub staff_lines_cost: Vec<Row>,
    /// FTE and salary cost of the generic service lines (not tied to one goal).
    pub fte_generic: Series,
    pub personnel_generic: Series,
    pub fte_service: Series,
    pub fte_support: Series,
    pub fte_total: Series,
    pub fte_available: Series,
    /// Allocated minus available FTE.
    pub fte_difference: Series,
    pub personnel_service: Series,
    pub personnel_support: Series,
    /// Salary cost of the staffing plan (service plus support), whatever the budget basis.
    pub salary_cost_total: Series,
    /// Personnel cost of the budget: the staffing plan's salary cost, or on the account basis
    /// the personnel accounts.
    pub personnel_total: Series,
    /// Operating cost of the budget: the goals' operating budgets charged to the year, or on the
    /// account basis the operating accounts.
    pub operating_total: Series,
    /// Operating plus overhead cost (werkings- en overheadkosten) of the budget.
    pub operating_and_overhead: Series,
    /// Costs in no other category (account basis only; zero on the goal basis).
    pub other_cost: Series,
    /// The goals' operating budgets charged to the year, whatever the budget basis.
    pub goal_operating_total: Series,
    pub fund_financed_total: Series,
    pub overhead: Vec<Row>,
    /// The sum of the overhead lines, whatever the budget basis.
    pub overhead_lines_total: Series,
    /// Overhead cost of the budget: the overhead lines, or on the account basis the overhead
    /// accounts.
    pub overhead_total: Series,
    /// The overhead lines without a printed group: the overhead row of the multi-year budget.
    pub overhead_ungrouped: Series,
    /// The overhead lines with a printed group, one row per group (in the multi-year budget
    /// beside the overhead row).
    pub overhead_groups: Vec<PrintedRow>,
    pub income: Vec<Row>,
    /// The income rows of the multi-year budget: each line without a printed group, and each
    /// group of lines as one row.
    pub income_printed: Vec<PrintedRow>,
    /// The sum of the income lines, whatever the budget basis.
    pub income_lines_total: Series,
    /// Income of the budget: the income lines, or on the account basis the income accounts.
    pub income_total: Series,
    /// Expenses of the budget: personnel + operating + overhead (+ other on the account basis).
    pub expenses_total: Series,
    /// Saldo = income - expenses.
    pub balance: Series,
    /// Overdracht: the balance moved into the fund that receives it (minus the balance).
    pub carryover: Series,
    /// Result after carry-over (zero when a fund receives the balance).
    pub result: Series,
    /// Balance of every reserve fund at the end of each year.
    pub reserves: Vec<Row>,
    /// Income lines of the kind subsidy, or on the account basis the subsidy accounts.
    pub requested_subsidy: Series,
    pub account_sections: Vec<SectionTotals>,
    /// The account lines per side and category: the cost categories, then the income ones
    /// (in the order of [`AccountCategory::for_side`]).
    pub account_categories: Vec<CategoryTotals>,
    pub account_cost: Series,
    pub account_income: Series,
    /// Income minus costs of the chart-of-accounts budget.
    pub account_result: Series,
    /// Plan against realisation for the realised years (empty without any).
    pub actuals: actuals::ActualsSummary,
    pub warnings: Vec<Warning>,
}

fn zeros(n: usize) -> Series {
    Series::zeros(n)
}

fn add_into(total: &mut Series, values: &Series) {
    total.add(values);
}

fn sum_rows<'a>(n: usize, rows: impl IntoIterator<Item = &'a Series>) -> Series {
    let mut total = zeros(n);
    for row in rows {
        add_into(&mut total, row);
    }
    total
}

/// The rows of the multi-year budget that `lines` (with their `rows`, same order) make: a line
/// without a printed group is a row of its own; the lines with the same group (trimmed,
/// case-insensitive) are one row, named as the first of them names the group, at its place.
fn printed_rows(lines: &[crate::model::BudgetLine], rows: &[Row], n: usize) -> Vec<PrintedRow> {
    let mut printed: Vec<PrintedRow> = Vec::new();
    // The index in `printed` of each group so far: (key, index).
    let mut groups: Vec<(String, usize)> = Vec::new();
    for (line, row) in lines.iter().zip(rows) {
        let Some(group) = line.group_name() else {
            printed.push(PrintedRow {
                label: row.label.clone(),
                values: row.values.clone(),
                lines: vec![line.id],
                grouped: false,
            });
            continue;
        };
        let key = group.to_lowercase();
        match groups.iter().find(|(k, _)| *k == key) {
            Some(&(_, i)) => {
                printed[i].values.add(&row.values);
                printed[i].lines.push(line.id);
            }
            None => {
                groups.push((key, printed.len()));
                let mut values = zeros(n);
                values.add(&row.values);
                printed.push(PrintedRow {
                    label: group.to_string(),
                    values,
                    lines: vec![line.id],
                    grouped: true,
                });
            }
        }
    }
    printed
}

fn sub(a: &Series, b: &Series) -> Series {
    a.iter().zip(b).map(|(x, y)| x - y).collect()
}

impl Summary {
    /// Index of a year in the series, if it is a plan year.
    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|&y| y == year)
    }

    /// FTE per strategic goal (code, series), in plan order.
    pub fn fte_by_strategic_goal(&self) -> impl Iterator<Item = (&str, &Series)> {
        self.goals.iter().map(|g| (g.code.as_str(), &g.fte))
    }

    /// The account lines of one category on one side, summed over all sections; `None` for a
    /// category that does not fit the side.
    pub fn account_category(&self, side: Side, category: AccountCategory) -> Option<&Series> {
        self.account_categories
            .iter()
            .find(|c| c.side == side && c.category == category)
            .map(|c| &c.values)
    }

    /// The account sections with their stable keys: `account.<name>`, `account.<name>#2` for a
    /// name used again (case and spaces around it do not count).
    pub fn account_section_keys(&self) -> Vec<(String, &SectionTotals)> {
        let mut seen: Vec<String> = Vec::new();
        self.account_sections
            .iter()
            .map(|section| {
                let name = section.name.trim();
                let lower = name.to_lowercase();
                let earlier = seen.iter().filter(|s| **s == lower).count();
                seen.push(lower);
                let key = if earlier == 0 {
                    format!("account.{name}")
                } else {
                    format!("account.{name}#{}", earlier + 1)
                };
                (key, section)
            })
            .collect()
    }

    /// The row of a salary profile or account line by id.
    pub fn line(&self, id: Id) -> Option<&Row> {
        self.profile_costs
            .iter()
            .chain(&self.account_lines)
            .find(|r| r.id == id)
    }

    pub fn goal(&self, id: Id) -> Option<&GoalFigures> {
        self.goals
            .iter()
            .flat_map(|sd| std::iter::once(sd).chain(sd.operational.iter()))
            .find(|g| g.id == id)
    }
}

/// Computes every derived figure of the plan.
/// Whether the plan budgets anything on the goal basis: FTE or salary cost, operating budgets,
/// overhead or income lines in any year. Accounts imported into a plan without any (a new plan,
/// the template) make its budget by default.
pub fn has_goal_amounts(plan: &Plan) -> bool {
    let summary = summarize(plan);
    [
        &summary.fte_total,
        &summary.salary_cost_total,
        &summary.goal_operating_total,
        &summary.overhead_lines_total,
        &summary.income_lines_total,
    ]
    .iter()
    .any(|series| series.iter().any(|v| !v.is_zero()))
}

pub fn summarize(plan: &Plan) -> Summary {
    let years: Vec<i32> = plan.years().collect();
    let n = years.len();
    let series = |f: &dyn Fn(i32) -> Decimal| -> Series { years.iter().map(|&y| f(y)).collect() };
    let profile_cost = |profile: Id, year: i32| -> Decimal {
        plan.salary_profile(profile)
            .map(|p| p.cost_per_fte.value(year))
            .unwrap_or_default()
    };
    let amounts = |a: &Amounts| series(&|y| a.value(y));

    let mut goals = Vec::with_capacity(plan.strategic_goals.len());
    for sd in &plan.strategic_goals {
        let operational: Vec<GoalFigures> = sd
            .operational_goals
            .iter()
            .map(|od| {
                let fte = series(&|y| od.fte.get(y));
                let salary_cost = series(&|y| od.fte.get(y) * profile_cost(od.salary_profile, y));
                let fund_financed = series(&|y| od.fund_financed.get(y));
                let operating = series(&|y| od.operating.get(y) - od.fund_financed.get(y));
                GoalFigures {
                    id: od.id,
                    code: od.code.clone(),
                    fte,
                    salary_cost,
                    operating,
                    fund_financed,
                    operational: Vec::new(),
                }
            })
            .collect();
        goals.push(GoalFigures {
            id: sd.id,
            code: sd.code.clone(),
            fte: sum_rows(n, operational.iter().map(|g| &g.fte)),
            salary_cost: sum_rows(n, operational.iter().map(|g| &g.salary_cost)),
            operating: sum_rows(n, operational.iter().map(|g| &g.operating)),
            fund_financed: sum_rows(n, operational.iter().map(|g| &g.fund_financed)),
            operational,
        });
    }

    let mut staff_lines_fte = Vec::new();
    let mut staff_lines_cost = Vec::new();
    let mut fte_service = sum_rows(n, goals.iter().map(|g| &g.fte));
    let mut personnel_service = sum_rows(n, goals.iter().map(|g| &g.salary_cost));
    let mut fte_generic = zeros(n);
    let mut personnel_generic = zeros(n);
    let mut fte_support = zeros(n);
    let mut personnel_support = zeros(n);
    for line in &plan.staff_lines {
        let fte = series(&|y| line.fte.get(y));
        let cost = series(&|y| line.fte.get(y) * profile_cost(line.salary_profile, y));
        let (fte_total, cost_total) = match line.group {
            StaffGroup::Service => (&mut fte_service, &mut personnel_service),
            StaffGroup::Support => (&mut fte_support, &mut personnel_support),
        };
        add_into(fte_total, &fte);
        add_into(cost_total, &cost);
        if line.group == StaffGroup::Service {
            add_into(&mut fte_generic, &fte);
            add_into(&mut personnel_generic, &cost);
        }
        staff_lines_fte.push(Row {
            id: line.id,
            label: line.name.clone(),
            values: fte,
        });
        staff_lines_cost.push(Row {
            id: line.id,
            label: line.name.clone(),
            values: cost,
        });
    }
    let fte_total = sum_rows(n, [&fte_service, &fte_support]);
    let salary_cost_total = sum_rows(n, [&personnel_service, &personnel_support]);
    let goal_operating_total = sum_rows(n, goals.iter().map(|g| &g.operating));
    let fund_financed_total = sum_rows(n, goals.iter().map(|g| &g.fund_financed));

    let rows = |lines: &[crate::model::BudgetLine]| -> Vec<Row> {
        lines
            .iter()
            .map(|l| Row {
                id: l.id,
                label: l.name.clone(),
                values: amounts(&l.amounts),
            })
            .collect()
    };
    let overhead = rows(&plan.overhead);
    let overhead_lines_total = sum_rows(n, overhead.iter().map(|r| &r.values));
    let overhead_printed = printed_rows(&plan.overhead, &overhead, n);
    let overhead_ungrouped = sum_rows(
        n,
        overhead_printed
            .iter()
            .filter(|r| !r.grouped)
            .map(|r| &r.values),
    );
    let overhead_groups: Vec<PrintedRow> =
        overhead_printed.into_iter().filter(|r| r.grouped).collect();
    let income = rows(&plan.income);
    let income_printed = printed_rows(&plan.income, &income, n);
    let income_lines_total = sum_rows(n, income.iter().map(|r| &r.values));
    let subsidy_lines = sum_rows(
        n,
        plan.income
            .iter()
            .zip(&income)
            .filter(|(line, _)| line.kind == IncomeKind::Subsidy)
            .map(|(_, row)| &row.values),
    );

    let mut account_sections = Vec::new();
    let mut account_categories: Vec<CategoryTotals> = [Side::Cost, Side::Income]
        .into_iter()
        .flat_map(|side| {
            AccountCategory::for_side(side)
                .iter()
                .map(move |&category| CategoryTotals {
                    side,
                    category,
                    values: zeros(n),
                })
        })
        .collect();
    let mut account_lines = Vec::new();
    for section in &plan.accounts {
        let mut cost = zeros(n);
        let mut income = zeros(n);
        for line in &section.lines {
            let values = amounts(&line.amounts);
            account_lines.push(Row {
                id: line.id,
                label: line.name.clone(),
                values: values.clone(),
            });
            match line.side {
                Side::Cost => add_into(&mut cost, &values),
                Side::Income => add_into(&mut income, &values),
            }
            let category = line.effective_category();
            if let Some(total) = account_categories
                .iter_mut()
                .find(|c| c.side == line.side && c.category == category)
            {
                add_into(&mut total.values, &values);
            }
        }
        account_sections.push(SectionTotals {
            id: section.id,
            name: section.name.clone(),
            cost,
            income,
        });
    }
    let account_cost = sum_rows(n, account_sections.iter().map(|s| &s.cost));
    let account_income = sum_rows(n, account_sections.iter().map(|s| &s.income));
    let account_result = sub(&account_income, &account_cost);

    let category = |side: Side, c: AccountCategory| {
        account_categories
            .iter()
            .find(|t| t.side == side && t.category == c)
            .map_or_else(|| zeros(n), |t| t.values.clone())
    };
    let (personnel_total, operating_total, overhead_total, other_cost, requested_subsidy) =
        match plan.meta.budget_basis {
            BudgetBasis::Goals => (
                salary_cost_total.clone(),
                goal_operating_total.clone(),
                overhead_lines_total.clone(),
                zeros(n),
                subsidy_lines,
            ),
            BudgetBasis::Accounts => (
                category(Side::Cost, AccountCategory::Personnel),
                category(Side::Cost, AccountCategory::Operating),
                category(Side::Cost, AccountCategory::Overhead),
                category(Side::Cost, AccountCategory::Other),
                category(Side::Income, AccountCategory::Subsidy),
            ),
        };
    let operating_and_overhead = sum_rows(n, [&operating_total, &overhead_total]);
    let (expenses_total, income_total) = match plan.meta.budget_basis {
        BudgetBasis::Goals => (
            sum_rows(n, [&personnel_total, &operating_and_overhead]),
            income_lines_total.clone(),
        ),
        BudgetBasis::Accounts => (account_cost.clone(), account_income.clone()),
    };
    let balance = sub(&income_total, &expenses_total);
    let receives_balance = plan.funds.iter().any(|f| f.receives_balance);
    let carryover: Series = if receives_balance {
        balance.iter().map(|b| -b).collect()
    } else {
        zeros(n)
    };
    let result = sum_rows(n, [&balance, &carryover]);

    let mut reserves = Vec::new();
    for fund in &plan.funds {
        let mut level = fund.opening_balance;
        let mut values = Vec::with_capacity(n);
        for (i, _) in years.iter().enumerate() {
            for sd in &plan.strategic_goals {
                for od in &sd.operational_goals {
                    if od.fund == Some(fund.id) {
                        level -= od.fund_financed.get(years[i]);
                    }
                }
            }
            if fund.receives_balance {
                level -= carryover[i];
            }
            values.push(level);
        }
        reserves.push(Row {
            id: fund.id,
            label: fund.name.clone(),
            values: values.into(),
        });
    }

    let fte_available = series(&|y| plan.available_fte.get(y));
    let fte_difference = sub(&fte_total, &fte_available);
    let profile_costs = plan
        .salary_profiles
        .iter()
        .map(|p| Row {
            id: p.id,
            label: p.name.clone(),
            values: amounts(&p.cost_per_fte),
        })
        .collect();
    let mut summary = Summary {
        profile_costs,
        account_lines,
        years,
        budget_basis: plan.meta.budget_basis,
        goals,
        staff_lines_fte,
        staff_lines_cost,
        fte_generic,
        personnel_generic,
        fte_service,
        fte_support,
        fte_total,
        fte_available,
        fte_difference,
        personnel_service,
        personnel_support,
        salary_cost_total,
        personnel_total,
        operating_total,
        operating_and_overhead,
        other_cost,
        goal_operating_total,
        fund_financed_total,
        overhead,
        overhead_lines_total,
        overhead_total,
        overhead_ungrouped,
        overhead_groups,
        income,
        income_printed,
        income_lines_total,
        income_total,
        expenses_total,
        balance,
        carryover,
        result,
        reserves,
        requested_subsidy,
        account_sections,
        account_categories,
        account_cost,
        account_income,
        account_result,
        actuals: actuals::ActualsSummary::default(),
        warnings: Vec::new(),
    };
    summary.actuals = actuals::summarize_actuals(plan, &summary);
    summary.warnings = warnings::check(plan, &summary);
    summary
}
