//! The tables of a plan, built once from `&Plan` and `&Summary` and written by every exporter
//! (XLSX, CSV, PDF).
//!
//! A [`Table`] is format-neutral: label columns (code, name ...) on the left, then value
//! [`Column`]s (one per plan year, optionally a period total, or text columns). Every number in
//! a cell is Planbord's own figure, taken from the [`Summary`] (or, for inputs such as salary
//! profiles and account lines, from the plan itself): exporters never recompute. Where a row is a
//! subtotal, total or balance, [`TableRow::formula`] says which rows of the same table it adds or
//! subtracts, so a spreadsheet can get a live formula with Planbord's figure as its cached result.
//!
//! Table keys are stable (file names of the CSV export, anchors for other tools): `goals`,
//! `timing`, `fte`, `salary_cost`, `profiles`, `operating`, `overhead`, `income`, `budget`,
//! when the plan budgets by chart of accounts `accounts`, and when it has realised years
//! `actuals`, `actual_lines`, `actual_staff`, `actual_output`, `actual_indicators` and
//! `actual_activities` (see [`actuals`]).

mod actuals;

use crate::calc::{GoalFigures, Series, Summary};
use crate::i18n::{Lang, TableText, Tr, tr};
use crate::model::{BudgetBasis, Comparator, IncomeKind, Plan, Side, StaffGroup};
use rust_decimal::Decimal;

/// One table of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable machine key: `fte`, `salary_cost`, `budget` ... (see the module docs).
    pub key: &'static str,
    /// Short name in the user's language, at most 31 characters (a spreadsheet tab).
    pub name: String,
    /// Title in the user's language.
    pub title: String,
    /// Headers of the label columns (`Code`, `Omschrijving` ...); every row has one label each.
    pub label_headers: Vec<String>,
    /// The value columns, right of the label columns.
    pub columns: Vec<Column>,
    /// The header of each value column, in the user's language (same length as `columns`).
    pub column_headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// What a value column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The values of one plan year.
    Year(i32),
    /// The sum of the row's year columns over the plan period.
    Total,
    /// Any other column (a target, a unit ...); its header is in [`Table::column_headers`].
    Text,
}

/// How a row is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStyle {
    /// An ordinary line (a goal, a budget line ...).
    Line,
    /// A subtotal (a strategic goal, the generic staffing ...).
    Subtotal,
    /// A total (total expenses, the balance ...).
    Total,
    /// A heading above a group of rows: labels only, no values.
    Heading,
}

/// What a number measures, which decides how it is shown (FTE with up to 2 decimals, euros
/// without decimals, plain numbers as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Fte,
    Euro,
    Plain,
}

/// One cell of a value column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number { value: Decimal, unit: Unit },
}

impl Cell {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Cell::Number { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// The row is a signed sum of other rows of the same table: `terms` are (row index, +1 or -1),
/// never empty. It holds for every year column; a [`Column::Total`] cell is always the sum of its
/// row's year cells (and so obeys the same formula).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFormula {
    pub terms: Vec<(usize, i8)>,
}

/// One row: its labels (one per label header), its cells (one per value column), its style and,
/// for subtotals and totals, the formula it follows.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub labels: Vec<String>,
    pub cells: Vec<Cell>,
    pub style: RowStyle,
    pub formula: Option<RowFormula>,
}

impl Table {
    /// Indexes of the year columns, in order.
    pub fn year_columns(&self) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Column::Year(_)))
            .map(|(i, _)| i)
            .collect()
    }

    /// The row whose last label is `label` (the name column), if any.
    pub fn row_named(&self, label: &str) -> Option<&TableRow> {
        self.rows
            .iter()
            .find(|r| r.labels.last().is_some_and(|l| l == label))
    }
}

/// Every table of the plan, in the order a reader expects them: goals, timing, staffing, salary
/// cost, salary profiles, operating cost, overhead, income, the multi-year budget, (when the plan
/// has accounts) the budget by account and (when it has realised years) plan and realisation.
pub fn plan_tables(plan: &Plan, summary: &Summary, lang: Lang) -> Vec<Table> {
    let t = tr(lang);
    let mut tables = vec![
        goals_table(plan, t),
        timing_table(plan, summary, t),
        staffing_table(plan, summary, t, Staffing::Fte),
        staffing_table(plan, summary, t, Staffing::SalaryCost),
        profiles_table(plan, summary, t),
        operating_table(plan, summary, t),
        overhead_table(summary, t),
        income_table(plan, summary, t),
        budget_table(plan, summary, t),
    ];
    if !plan.accounts.is_empty() {
        tables.push(accounts_table(plan, summary, t));
    }
    tables.extend(actuals::actuals_tables(plan, summary, t));
    tables
}

/// Builds the rows of a table of yearly figures, with or without a period-total column.
struct Rows {
    label_count: usize,
    period_total: bool,
    rows: Vec<TableRow>,
}

impl Rows {
    fn new(label_count: usize, period_total: bool) -> Rows {
        Rows {
            label_count,
            period_total,
            rows: Vec::new(),
        }
    }

    fn labels(&self, labels: &[&str]) -> Vec<String> {
        debug_assert_eq!(labels.len(), self.label_count);
        labels.iter().map(|l| l.to_string()).collect()
    }

    fn heading(&mut self, labels: &[&str], year_count: usize) {
        let columns = year_count + usize::from(self.period_total);
        let row = TableRow {
            labels: self.labels(labels),
            cells: vec![Cell::Empty; columns],
            style: RowStyle::Heading,
            formula: None,
        };
        self.rows.push(row);
    }

    /// A row of yearly values; `with_total` adds the period total (when the table has that column).
    fn figures(
        &mut self,
        labels: &[&str],
        unit: Unit,
        values: &Series,
        style: RowStyle,
        terms: Vec<(usize, i8)>,
        with_total: bool,
    ) -> usize {
        let mut cells: Vec<Cell> = values
            .iter()
            .map(|&value| Cell::Number { value, unit })
            .collect();
        if self.period_total {
            cells.push(if with_total {
                Cell::Number {
                    value: values.total(),
                    unit,
                }
            } else {
                Cell::Empty
            });
        }
        let row = TableRow {
            labels: self.labels(labels),
            cells,
            style,
            formula: (!terms.is_empty()).then_some(RowFormula { terms }),
        };
        self.rows.push(row);
        self.rows.len() - 1
    }

    fn line(&mut self, labels: &[&str], unit: Unit, values: &Series) -> usize {
        self.figures(labels, unit, values, RowStyle::Line, Vec::new(), true)
    }

    /// A row that adds the rows `added` (a subtotal or total).
    fn sum(
        &mut self,
        labels: &[&str],
        unit: Unit,
        values: &Series,
        style: RowStyle,
        added: &[usize],
    ) -> usize {
        let terms = added.iter().map(|&row| (row, 1)).collect();
        self.figures(labels, unit, values, style, terms, true)
    }

    fn into_table(
        self,
        key: &'static str,
        text: TableText,
        label_headers: &[&str],
        summary: &Summary,
        t: &Tr,
    ) -> Table {
        let mut columns: Vec<Column> = summary.years.iter().map(|&y| Column::Year(y)).collect();
        let mut column_headers: Vec<String> = summary.years.iter().map(|y| y.to_string()).collect();
        if self.period_total {
            columns.push(Column::Total);
            column_headers.push(t.total.to_string());
        }
        Table {
            key,
            name: text.name.to_string(),
            title: text.title.to_string(),
            label_headers: label_headers.iter().map(|h| h.to_string()).collect(),
            columns,
            column_headers,
            rows: self.rows,
        }
    }
}

fn comparator_text(comparator: Comparator, t: &Tr) -> &'static str {
    match comparator {
        Comparator::AtLeast => t.at_least,
        Comparator::AtMost => t.at_most,
        Comparator::Exactly => t.exactly,
    }
}

/// Goals (strategic and operational) with their indicators and targets, plus the plan-wide
/// indicators. Columns: comparison, target value, unit, year (the plan period when the target
/// holds for the whole period), core tasks.
fn goals_table(plan: &Plan, t: &Tr) -> Table {
    let period = format!("{}-{}", plan.meta.first_year, plan.meta.last_year);
    let core_task_codes = |ids: &[crate::model::Id]| -> String {
        ids.iter()
            .filter_map(|id| plan.core_tasks.iter().find(|c| c.id == *id))
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let goal_row = |code: &str, title: &str, core_tasks: String| TableRow {
        labels: vec![code.to_string(), title.to_string()],
        cells: vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            if core_tasks.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(core_tasks)
            },
        ],
        style: RowStyle::Heading,
        formula: None,
    };
    let indicator_row = |indicator: &crate::model::Indicator| {
        let target_cells = match &indicator.target {
            Some(target) => vec![
                Cell::Text(comparator_text(target.comparator, t).to_string()),
                Cell::Number {
                    value: target.value,
                    unit: Unit::Plain,
                },
                if target.unit.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(target.unit.clone())
                },
                match target.year {
                    Some(year) => Cell::Number {
                        value: Decimal::from(year),
                        unit: Unit::Plain,
                    },
                    None => Cell::Text(period.clone()),
                },
            ],
            None => vec![Cell::Empty; 4],
        };
        let mut cells = target_cells;
        cells.push(Cell::Empty);
        TableRow {
            labels: vec![String::new(), indicator.text.clone()],
            cells,
            style: RowStyle::Line,
            formula: None,
        }
    };
    let mut rows = Vec::new();
    if !plan.general_indicators.is_empty() {
        rows.push(goal_row("", t.general_indicators, String::new()));
        rows.extend(plan.general_indicators.iter().map(indicator_row));
    }
    for sd in &plan.strategic_goals {
        rows.push(goal_row(
            &sd.code,
            &sd.title,
            core_task_codes(&sd.core_tasks),
        ));
        rows.extend(sd.indicators.iter().map(indicator_row));
        for od in &sd.operational_goals {
            rows.push(goal_row(
                &od.code,
                &od.title,
                core_task_codes(&od.core_tasks),
            ));
            rows.extend(od.indicators.iter().map(indicator_row));
        }
    }
    Table {
        key: "goals",
        name: t.table_goals.name.to_string(),
        title: t.table_goals.title.to_string(),
        label_headers: vec![t.code.to_string(), t.goal_or_indicator.to_string()],
        columns: vec![Column::Text; 5],
        column_headers: [t.comparison, t.target, t.unit, t.year, t.core_tasks]
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows,
    }
}

/// The activities of every operational goal against the plan years: `x` in each year an
/// activity runs.
fn timing_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Vec::new();
    for (_, od) in plan.operational_goals() {
        rows.push(TableRow {
            labels: vec![od.code.clone(), String::new(), od.title.clone()],
            cells: vec![Cell::Empty; summary.years.len()],
            style: RowStyle::Heading,
            formula: None,
        });
        for activity in &od.activities {
            let kind = plan
                .activity_type(activity.activity_type)
                .map_or("", |a| a.name.as_str());
            rows.push(TableRow {
                labels: vec![
                    od.code.clone(),
                    kind.to_string(),
                    activity.description.clone(),
                ],
                cells: summary
                    .years
                    .iter()
                    .map(|&year| {
                        if (activity.first_year..=activity.last_year).contains(&year) {
                            Cell::Text(t.activity_mark.to_string())
                        } else {
                            Cell::Empty
                        }
                    })
                    .collect(),
                style: RowStyle::Line,
                formula: None,
            });
        }
    }
    Table {
        key: "timing",
        name: t.table_timing.name.to_string(),
        title: t.table_timing.title.to_string(),
        label_headers: vec![
            t.goal.to_string(),
            t.activity_type.to_string(),
            t.activity.to_string(),
        ],
        columns: summary.years.iter().map(|&y| Column::Year(y)).collect(),
        column_headers: summary.years.iter().map(|y| y.to_string()).collect(),
        rows,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Staffing {
    Fte,
    SalaryCost,
}

/// FTE or salary cost per goal, in the layout of the published plans: operational goals with a
/// subtotal per strategic goal, the generic service lines with their subtotal, the total of the
/// service delivery; the support roles with their total; the grand total. The FTE table ends with
/// the FTE on the payroll and the difference.
fn staffing_table(plan: &Plan, summary: &Summary, t: &Tr, what: Staffing) -> Table {
    let (unit, with_total) = match what {
        Staffing::Fte => (Unit::Fte, false),
        Staffing::SalaryCost => (Unit::Euro, true),
    };
    let staff_rows = match what {
        Staffing::Fte => &summary.staff_lines_fte,
        Staffing::SalaryCost => &summary.staff_lines_cost,
    };
    let mut rows = Rows::new(2, with_total);
    let n = summary.years.len();
    rows.heading(&["", t.service_delivery], n);
    let mut service_parts = Vec::new();
    for sd in &summary.goals {
        let mut ods = Vec::new();
        for od in &sd.operational {
            let title = plan
                .operational_goal(od.id)
                .map_or("", |g| g.title.as_str());
            ods.push(rows.line(&[&od.code, title], unit, staffing_figures(od, what)));
        }
        let label = format!("{} {}", t.subtotal, sd.code);
        service_parts.push(rows.sum(
            &[&sd.code, &label],
            unit,
            staffing_figures(sd, what),
            RowStyle::Subtotal,
            &ods,
        ));
    }
    let group_of = |id| {
        plan.staff_lines
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.group)
    };
    let generic: Vec<_> = staff_rows
        .iter()
        .filter(|r| group_of(r.id) == Some(StaffGroup::Service))
        .collect();
    if !generic.is_empty() {
        let lines: Vec<usize> = generic
            .iter()
            .map(|r| rows.line(&["", &r.label], unit, &r.values))
            .collect();
        let generic_total = match what {
            Staffing::Fte => &summary.fte_generic,
            Staffing::SalaryCost => &summary.personnel_generic,
        };
        service_parts.push(rows.sum(
            &["", t.subtotal_generic],
            unit,
            generic_total,
            RowStyle::Subtotal,
            &lines,
        ));
    }
    let (service, support, total) = match what {
        Staffing::Fte => (
            &summary.fte_service,
            &summary.fte_support,
            &summary.fte_total,
        ),
        Staffing::SalaryCost => (
            &summary.personnel_service,
            &summary.personnel_support,
            &summary.salary_cost_total,
        ),
    };
    let service_total = rows.sum(
        &["", t.total_service],
        unit,
        service,
        RowStyle::Total,
        &service_parts,
    );
    rows.heading(&["", t.support_roles], n);
    let support_lines: Vec<usize> = staff_rows
        .iter()
        .filter(|r| group_of(r.id) == Some(StaffGroup::Support))
        .map(|r| rows.line(&["", &r.label], unit, &r.values))
        .collect();
    let support_total = rows.sum(
        &["", t.total_support],
        unit,
        support,
        RowStyle::Total,
        &support_lines,
    );
    let grand_total = rows.sum(
        &["", t.grand_total],
        unit,
        total,
        RowStyle::Total,
        &[service_total, support_total],
    );
    let (key, text) = match what {
        Staffing::Fte => {
            let available = rows.line(&["", t.fte_available], unit, &summary.fte_available);
            rows.figures(
                &["", t.fte_difference],
                unit,
                &summary.fte_difference,
                RowStyle::Line,
                vec![(grand_total, 1), (available, -1)],
                true,
            );
            ("fte", t.table_fte)
        }
        Staffing::SalaryCost => ("salary_cost", t.table_salary_cost),
    };
    rows.into_table(key, text, &[t.code, t.description], summary, t)
}

fn staffing_figures(g: &GoalFigures, what: Staffing) -> &Series {
    match what {
        Staffing::Fte => &g.fte,
        Staffing::SalaryCost => &g.salary_cost,
    }
}

/// The cost per FTE of every salary profile and year (an input of the plan).
fn profiles_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(1, false);
    for profile in &plan.salary_profiles {
        let values: Series = summary
            .years
            .iter()
            .map(|&y| profile.cost_per_fte.value(y))
            .collect();
        rows.line(&[&profile.name], Unit::Euro, &values);
    }
    rows.into_table(
        "profiles",
        t.table_profiles,
        &[t.salary_profile],
        summary,
        t,
    )
}

/// Operating cost charged to each year per goal (subtotal per strategic goal, total), then the
/// part of the operating budgets financed from a reserve fund, per operational goal.
fn operating_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(2, true);
    let n = summary.years.len();
    rows.heading(&["", t.charged_to_year], n);
    let mut subtotals = Vec::new();
    for sd in &summary.goals {
        let mut ods = Vec::new();
        for od in &sd.operational {
            let title = plan
                .operational_goal(od.id)
                .map_or("", |g| g.title.as_str());
            ods.push(rows.line(&[&od.code, title], Unit::Euro, &od.operating));
        }
        let label = format!("{} {}", t.subtotal, sd.code);
        subtotals.push(rows.sum(
            &[&sd.code, &label],
            Unit::Euro,
            &sd.operating,
            RowStyle::Subtotal,
            &ods,
        ));
    }
    rows.sum(
        &["", t.total_operating],
        Unit::Euro,
        &summary.goal_operating_total,
        RowStyle::Total,
        &subtotals,
    );
    let financed: Vec<&GoalFigures> = summary
        .goals
        .iter()
        .flat_map(|sd| sd.operational.iter())
        .filter(|od| od.fund_financed.iter().any(|v| !v.is_zero()))
        .collect();
    if !financed.is_empty() {
        rows.heading(&["", t.fund_heading], n);
        let lines: Vec<usize> = financed
            .iter()
            .map(|od| {
                let fund = plan
                    .operational_goal(od.id)
                    .and_then(|g| g.fund)
                    .and_then(|id| plan.funds.iter().find(|f| f.id == id))
                    .map_or("", |f| f.name.as_str());
                rows.line(&[&od.code, fund], Unit::Euro, &od.fund_financed)
            })
            .collect();
        rows.sum(
            &["", t.total_fund],
            Unit::Euro,
            &summary.fund_financed_total,
            RowStyle::Total,
            &lines,
        );
    }
    rows.into_table(
        "operating",
        t.table_operating,
        &[t.code, t.description],
        summary,
        t,
    )
}

fn overhead_table(summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(1, true);
    let lines: Vec<usize> = summary
        .overhead
        .iter()
        .map(|r| rows.line(&[&r.label], Unit::Euro, &r.values))
        .collect();
    rows.sum(
        &[t.total_overhead],
        Unit::Euro,
        &summary.overhead_lines_total,
        RowStyle::Total,
        &lines,
    );
    rows.into_table("overhead", t.table_overhead, &[t.description], summary, t)
}

/// The income lines; on a goal basis their total (on an account basis the total income comes
/// from the accounts, see the budget), and the requested subsidy.
fn income_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(1, true);
    let lines: Vec<usize> = summary
        .income
        .iter()
        .map(|r| rows.line(&[&r.label], Unit::Euro, &r.values))
        .collect();
    if plan.meta.budget_basis == BudgetBasis::Goals {
        rows.sum(
            &[t.income_total],
            Unit::Euro,
            &summary.income_total,
            RowStyle::Total,
            &lines,
        );
    }
    let subsidy_rows: Vec<usize> = if plan.meta.budget_basis == BudgetBasis::Goals {
        plan.income
            .iter()
            .zip(&lines)
            .filter(|(line, _)| line.kind == IncomeKind::Subsidy)
            .map(|(_, &row)| row)
            .collect()
    } else {
        Vec::new()
    };
    requested_subsidy_row(&mut rows, summary, t, &subsidy_rows);
    rows.into_table("income", t.table_income, &[t.description], summary, t)
}

/// The requested subsidy: the sum of the rows `subsidy_rows` (the rows of the income lines of
/// kind subsidy); without them (an account basis, or rows that mix subsidy with other income)
/// Planbord's figure as a line.
fn requested_subsidy_row(rows: &mut Rows, summary: &Summary, t: &Tr, subsidy_rows: &[usize]) {
    rows.sum(
        &[t.requested_subsidy],
        Unit::Euro,
        &summary.requested_subsidy,
        RowStyle::Line,
        subsidy_rows,
    );
}

/// The multi-year budget: expenses, income, balance (saldo), carry-over (overdracht), result,
/// the requested subsidy and the reserves at the end of each year.
///
/// On a goal basis the rows are those of a published multi-year budget: personnel, operating
/// and overhead cost (the overhead lines with a printed group each group a row of its own), their
/// subtotal, total expenses; the income lines, each printed group of them as one row; the total.
fn budget_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(1, true);
    let n = summary.years.len();
    let euro = Unit::Euro;
    rows.heading(&[t.expenses], n);
    let (expenses, income, subsidy_rows) = match plan.meta.budget_basis {
        BudgetBasis::Goals => {
            let personnel = rows.line(&[t.personnel], euro, &summary.personnel_total);
            let operating = rows.line(&[t.operating_cost], euro, &summary.operating_total);
            let overhead = rows.line(&[t.overhead_cost], euro, &summary.overhead_ungrouped);
            let mut parts = vec![operating, overhead];
            parts.extend(
                summary
                    .overhead_groups
                    .iter()
                    .map(|group| rows.line(&[&group.label], euro, &group.values)),
            );
            let operating_and_overhead = rows.sum(
                &[t.operating_and_overhead],
                euro,
                &summary.operating_and_overhead,
                RowStyle::Subtotal,
                &parts,
            );
            let expenses = rows.sum(
                &[t.expenses_total],
                euro,
                &summary.expenses_total,
                RowStyle::Total,
                &[personnel, operating_and_overhead],
            );
            rows.heading(&[t.income], n);
            let lines: Vec<usize> = summary
                .income_printed
                .iter()
                .map(|r| rows.line(&[&r.label], euro, &r.values))
                .collect();
            let income = rows.sum(
                &[t.income_total],
                euro,
                &summary.income_total,
                RowStyle::Total,
                &lines,
            );
            (expenses, income, subsidy_rows(plan, summary, &lines))
        }
        BudgetBasis::Accounts => {
            let expenses = rows.figures(
                &[t.expenses_total],
                euro,
                &summary.expenses_total,
                RowStyle::Total,
                Vec::new(),
                true,
            );
            rows.heading(&[t.income], n);
            let income = rows.figures(
                &[t.income_total],
                euro,
                &summary.income_total,
                RowStyle::Total,
                Vec::new(),
                true,
            );
            (expenses, income, Vec::new())
        }
    };
    let balance = rows.figures(
        &[t.balance],
        euro,
        &summary.balance,
        RowStyle::Total,
        vec![(income, 1), (expenses, -1)],
        true,
    );
    let receives_balance = plan.funds.iter().any(|f| f.receives_balance);
    let carryover = rows.figures(
        &[t.carryover],
        euro,
        &summary.carryover,
        RowStyle::Line,
        if receives_balance {
            vec![(balance, -1)]
        } else {
            Vec::new()
        },
        true,
    );
    rows.sum(
        &[t.result],
        euro,
        &summary.result,
        RowStyle::Total,
        &[balance, carryover],
    );
    requested_subsidy_row(&mut rows, summary, t, &subsidy_rows);
    if !summary.reserves.is_empty() {
        rows.heading(&[t.reserves], n);
        for fund in &summary.reserves {
            // A balance at the end of each year: a sum over the years means nothing.
            rows.figures(
                &[&fund.label],
                euro,
                &fund.values,
                RowStyle::Line,
                Vec::new(),
                false,
            );
        }
    }
    rows.into_table("budget", t.table_budget, &[t.description], summary, t)
}

/// The rows (`rows`: those of [`Summary::income_printed`], same order) the requested subsidy
/// adds: the rows of subsidy lines only. A row that mixes subsidy with other income cannot be a
/// term, so then none is (the subsidy is Planbord's figure, without a formula).
fn subsidy_rows(plan: &Plan, summary: &Summary, rows: &[usize]) -> Vec<usize> {
    let is_subsidy = |id: &crate::model::Id| {
        plan.income
            .iter()
            .any(|l| l.id == *id && l.kind == IncomeKind::Subsidy)
    };
    let mut terms = Vec::new();
    for (printed, &row) in summary.income_printed.iter().zip(rows) {
        let subsidies = printed.lines.iter().filter(|id| is_subsidy(id)).count();
        if subsidies == printed.lines.len() {
            terms.push(row);
        } else if subsidies > 0 {
            return Vec::new();
        }
    }
    terms
}

/// The chart-of-accounts budget in the shape `planbord import-budget` reads: section, side,
/// account, name, one column per year; per section a total per side present ("Totaal
/// <section>", no account), then TOTAAL KOSTEN and TOTAAL OPBRENGSTEN. No period-total column.
fn accounts_table(plan: &Plan, summary: &Summary, t: &Tr) -> Table {
    let mut rows = Rows::new(4, false);
    let side_text = |side: Side| match side {
        Side::Cost => t.side_cost,
        Side::Income => t.side_income,
    };
    let mut cost_totals = Vec::new();
    let mut income_totals = Vec::new();
    for (section, totals) in plan.accounts.iter().zip(&summary.account_sections) {
        let mut cost_lines = Vec::new();
        let mut income_lines = Vec::new();
        for line in &section.lines {
            let values: Series = summary
                .years
                .iter()
                .map(|&y| line.amounts.value(y))
                .collect();
            let row = rows.line(
                &[&section.name, side_text(line.side), &line.code, &line.name],
                Unit::Euro,
                &values,
            );
            match line.side {
                Side::Cost => cost_lines.push(row),
                Side::Income => income_lines.push(row),
            }
        }
        let label = format!("{} {}", t.total, section.name);
        if !cost_lines.is_empty() {
            cost_totals.push(rows.sum(
                &[&section.name, t.side_cost, "", &label],
                Unit::Euro,
                &totals.cost,
                RowStyle::Subtotal,
                &cost_lines,
            ));
        }
        if !income_lines.is_empty() {
            income_totals.push(rows.sum(
                &[&section.name, t.side_income, "", &label],
                Unit::Euro,
                &totals.income,
                RowStyle::Subtotal,
                &income_lines,
            ));
        }
    }
    rows.sum(
        &["", t.side_cost, "", t.total_costs],
        Unit::Euro,
        &summary.account_cost,
        RowStyle::Total,
        &cost_totals,
    );
    rows.sum(
        &["", t.side_income, "", t.total_income_caps],
        Unit::Euro,
        &summary.account_income,
        RowStyle::Total,
        &income_totals,
    );
    rows.into_table(
        "accounts",
        t.table_accounts,
        &[t.account_section, t.account_side, t.account, t.account_name],
        summary,
        t,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::summarize;
    use crate::model::{
        AccountLine, AccountSection, Amounts, GrowthRule, ReserveFund, StaffLine, Yearly,
    };
    use rust_decimal::dec;

    fn socius() -> Plan {
        crate::store::load(std::path::Path::new("plans/socius-2021-2025.ron"))
            .expect("the sample loads")
    }

    /// A plan budgeted by accounts: two sections, one with both sides; a fund that receives the
    /// balance; a support role but no generic service line.
    fn account_plan() -> Plan {
        let mut plan = Plan::new("Testorganisatie", 2026, 2028);
        plan.meta.budget_basis = BudgetBasis::Accounts;
        let per_year = |values: [Decimal; 3]| Amounts::PerYear(Yearly::from_values(2026, values));
        let mut lines = Vec::new();
        for (code, name, side, amounts) in [
            (
                "610000",
                "Huur",
                Side::Cost,
                per_year([dec!(800), dec!(810), dec!(820.5)]),
            ),
            (
                "620000",
                "Bezoldigingen",
                Side::Cost,
                per_year([dec!(9000), dec!(0), dec!(9400)]),
            ),
            (
                "740000",
                "Subsidie",
                Side::Income,
                Amounts::Rule(GrowthRule {
                    base_year: 2026,
                    base: dec!(9400),
                    growth_percent: dec!(2),
                    round_to: dec!(10),
                }),
            ),
        ] {
            let id = plan.new_id();
            lines.push(AccountLine {
                id,
                code: code.into(),
                name: name.into(),
                side,
                amounts,
                category: None,
            });
        }
        let id = plan.new_id();
        plan.accounts.push(AccountSection {
            id,
            name: "WERKING".into(),
            lines,
            printed_cost: Default::default(),
            printed_income: Default::default(),
        });
        let id = plan.new_id();
        let line_id = plan.new_id();
        plan.accounts.push(AccountSection {
            id,
            name: "EIGEN INKOMSTEN".into(),
            lines: vec![AccountLine {
                id: line_id,
                code: "700000".into(),
                name: "Deelnemers".into(),
                side: Side::Income,
                amounts: per_year([dec!(50), dec!(60), dec!(70)]),
                category: None,
            }],
            printed_cost: Default::default(),
            printed_income: Default::default(),
        });
        let id = plan.new_id();
        plan.funds.push(ReserveFund {
            id,
            name: "Overgedragen resultaat".into(),
            opening_balance: dec!(1000),
            receives_balance: true,
        });
        let profile = plan.new_id();
        plan.salary_profiles.push(crate::model::SalaryProfile {
            id: profile,
            name: "Staf".into(),
            cost_per_fte: per_year([dec!(90000), dec!(91000), dec!(92000)]),
        });
        let id = plan.new_id();
        plan.staff_lines.push(StaffLine {
            id,
            name: "Directie".into(),
            group: StaffGroup::Support,
            salary_profile: profile,
            fte: Yearly::from_values(2026, [dec!(0.8), dec!(0.75), dec!(1)]),
        });
        plan
    }

    /// The Socius plan with overhead in two printed groups (one of lines apart, spelled two
    /// ways) and the subsidy in one group with other income.
    fn grouped_socius() -> Plan {
        let mut plan = socius();
        for (i, group) in [
            (0, "Huisvesting en kantoor"),
            (2, "huisvesting EN kantoor "),
        ] {
            plan.overhead[i].printed_group = Some(group.into());
        }
        plan.overhead[6].printed_group = Some("Afschrijvingen".into());
        plan.income[0].printed_group = Some("Subsidie en werking".into());
        plan.income[4].printed_group = Some("Subsidie en werking".into());
        plan
    }

    fn all_tables() -> Vec<(String, Table)> {
        let mut goal_based_with_accounts = account_plan();
        goal_based_with_accounts.meta.budget_basis = BudgetBasis::Goals;
        let mut tables = Vec::new();
        let realised = crate::store::load(std::path::Path::new(
            "plans/socius-2021-2025-realisatie-voorbeeld.ron",
        ))
        .expect("the example with actuals loads");
        for (name, plan) in [
            ("socius", socius()),
            ("groups", grouped_socius()),
            ("actuals", realised),
            ("accounts", account_plan()),
            ("goals+accounts", goal_based_with_accounts),
        ] {
            let summary = summarize(&plan);
            for lang in [Lang::Nl, Lang::En] {
                for table in plan_tables(&plan, &summary, lang) {
                    tables.push((format!("{name}/{lang:?}/{}", table.key), table));
                }
            }
        }
        tables
    }

    #[test]
    fn every_formula_row_holds_for_planbords_figures() {
        let mut formulas = 0;
        for (name, table) in all_tables() {
            for (r, row) in table.rows.iter().enumerate() {
                let Some(formula) = &row.formula else {
                    continue;
                };
                assert!(!formula.terms.is_empty(), "{name} row {r}: empty formula");
                for (c, cell) in row.cells.iter().enumerate() {
                    let Some(value) = cell.number() else {
                        continue;
                    };
                    let mut sum = Decimal::ZERO;
                    for &(term, sign) in &formula.terms {
                        assert!(term != r && (sign == 1 || sign == -1), "{name} row {r}");
                        let referenced = table.rows[term].cells[c].number().unwrap_or_else(|| {
                            panic!(
                                "{name} row {r} refers to row {term} without a number in column {c}"
                            )
                        });
                        sum += Decimal::from(sign) * referenced;
                    }
                    assert_eq!(value, sum, "{name} row {r} ({:?}) column {c}", row.labels);
                    formulas += 1;
                }
            }
        }
        assert!(formulas > 200, "only {formulas} formula cells checked");
    }

    #[test]
    fn total_columns_are_the_sum_of_the_years_and_shapes_agree() {
        for (name, table) in all_tables() {
            assert_eq!(table.columns.len(), table.column_headers.len(), "{name}");
            assert!(table.name.chars().count() <= 31, "{name}");
            let years = table.year_columns();
            for (r, row) in table.rows.iter().enumerate() {
                assert_eq!(
                    row.labels.len(),
                    table.label_headers.len(),
                    "{name} row {r}"
                );
                assert_eq!(row.cells.len(), table.columns.len(), "{name} row {r}");
                if row.style == RowStyle::Heading {
                    assert!(row.formula.is_none(), "{name} row {r}");
                }
                for (c, column) in table.columns.iter().enumerate() {
                    if *column == Column::Total
                        && let Some(total) = row.cells[c].number()
                    {
                        let sum: Decimal = years
                            .iter()
                            .map(|&y| row.cells[y].number().expect("year value"))
                            .sum();
                        assert_eq!(total, sum, "{name} row {r}");
                    }
                }
            }
        }
    }

    #[test]
    fn socius_tables_carry_the_summary_figures() {
        let plan = socius();
        let summary = summarize(&plan);
        let t = tr(Lang::Nl);
        let tables = plan_tables(&plan, &summary, Lang::Nl);
        let keys: Vec<&str> = tables.iter().map(|t| t.key).collect();
        assert_eq!(
            keys,
            [
                "goals",
                "timing",
                "fte",
                "salary_cost",
                "profiles",
                "operating",
                "overhead",
                "income",
                "budget"
            ]
        );
        let table = |key: &str| tables.iter().find(|t| t.key == key).unwrap();
        let values = |key: &str, label: &str| -> Series {
            let table = table(key);
            let row = table
                .row_named(label)
                .unwrap_or_else(|| panic!("{key}: {label}"));
            table
                .year_columns()
                .iter()
                .map(|&c| row.cells[c].number().unwrap())
                .collect()
        };
        assert_eq!(values("fte", t.grand_total), summary.fte_total);
        assert_eq!(values("fte", "Subtotaal SD3"), summary.goals[2].fte);
        assert_eq!(
            values("salary_cost", t.total_service),
            summary.personnel_service
        );
        assert_eq!(
            values("salary_cost", t.subtotal_generic),
            summary.personnel_generic
        );
        assert_eq!(
            values("operating", t.total_fund),
            summary.fund_financed_total
        );
        assert_eq!(values("budget", t.balance), summary.balance);
        assert_eq!(values("budget", t.carryover), summary.carryover);
        assert_eq!(
            values("budget", t.requested_subsidy),
            summary.requested_subsidy
        );
        // The carry-over follows the balance (a fund receives it) and the subsidy is a formula.
        let budget = table("budget");
        assert!(budget.row_named(t.carryover).unwrap().formula.is_some());
        assert!(
            budget
                .row_named(t.requested_subsidy)
                .unwrap()
                .formula
                .is_some()
        );
        // Every activity is in the timing table, every indicator in the goals table.
        let activities: usize = plan
            .operational_goals()
            .map(|(_, od)| od.activities.len())
            .sum();
        let timing_lines = table("timing")
            .rows
            .iter()
            .filter(|r| r.style == RowStyle::Line)
            .count();
        assert_eq!(timing_lines, activities);
        let indicators: usize = plan.general_indicators.len()
            + plan
                .strategic_goals
                .iter()
                .map(|sd| {
                    sd.indicators.len()
                        + sd.operational_goals
                            .iter()
                            .map(|od| od.indicators.len())
                            .sum::<usize>()
                })
                .sum::<usize>();
        let indicator_rows = table("goals")
            .rows
            .iter()
            .filter(|r| r.style == RowStyle::Line)
            .count();
        assert_eq!(indicator_rows, indicators);
    }

    #[test]
    fn printed_groups_are_rows_of_the_budget_and_lines_elsewhere() {
        let plan = grouped_socius();
        let summary = summarize(&plan);
        let t = tr(Lang::Nl);
        let tables = plan_tables(&plan, &summary, Lang::Nl);
        let table = |key: &str| tables.iter().find(|t| t.key == key).unwrap();
        let budget = table("budget");
        let labels: Vec<&str> = budget.rows.iter().map(|r| r.labels[0].as_str()).collect();
        assert_eq!(
            labels[..15],
            [
                t.expenses,
                t.personnel,
                t.operating_cost,
                t.overhead_cost,
                "Huisvesting en kantoor",
                "Afschrijvingen",
                t.operating_and_overhead,
                t.expenses_total,
                t.income,
                "Subsidie en werking",
                "Inkomsten verhuur en financiën",
                "Recuperatie personeelskosten",
                t.income_total,
                t.balance,
                t.carryover,
            ]
        );
        let first = |label: &str| budget.row_named(label).unwrap().cells[0].number().unwrap();
        let o = &plan.overhead;
        let year = |a: &crate::model::Amounts| a.value(2021);
        assert_eq!(
            first("Huisvesting en kantoor"),
            year(&o[0].amounts) + year(&o[2].amounts)
        );
        assert_eq!(first(t.overhead_cost), summary.overhead_ungrouped[0]);
        assert_eq!(first("Subsidie en werking"), dec!(1639210));
        // The subtotal adds the overhead row and both groups.
        let subtotal = budget.row_named(t.operating_and_overhead).unwrap();
        assert_eq!(subtotal.formula.as_ref().unwrap().terms.len(), 4);
        // The subsidy mixed with other income in a row: Planbord's figure, no formula.
        let subsidy = budget.row_named(t.requested_subsidy).unwrap();
        assert!(subsidy.formula.is_none());
        assert_eq!(subsidy.cells[0].number(), Some(dec!(1529210)));
        // The overhead and income tables keep one row per line, as 8.2.2.2 and 8.2.3 print them.
        assert_eq!(table("overhead").rows.len(), plan.overhead.len() + 1);
        assert!(table("overhead").row_named("Huisvesting").is_some());
        assert!(table("income").row_named("Werking").is_some());
        assert!(table("income").row_named("Subsidie en werking").is_none());
        let income_subsidy = table("income").row_named(t.requested_subsidy).unwrap();
        assert!(income_subsidy.formula.is_some());
    }

    #[test]
    fn accounts_table_has_the_importable_shape() {
        let plan = account_plan();
        let summary = summarize(&plan);
        for lang in [Lang::Nl, Lang::En] {
            let t = tr(lang);
            let tables = plan_tables(&plan, &summary, lang);
            let accounts = tables
                .iter()
                .find(|t| t.key == "accounts")
                .expect("accounts table");
            assert_eq!(
                accounts.label_headers,
                [t.account_section, t.account_side, t.account, t.account_name]
            );
            assert_eq!(
                accounts.columns,
                [Column::Year(2026), Column::Year(2027), Column::Year(2028)]
            );
            let labels: Vec<Vec<&str>> = accounts
                .rows
                .iter()
                .map(|r| r.labels.iter().map(String::as_str).collect())
                .collect();
            let total = t.total;
            assert_eq!(
                labels,
                [
                    vec!["WERKING", t.side_cost, "610000", "Huur"],
                    vec!["WERKING", t.side_cost, "620000", "Bezoldigingen"],
                    vec!["WERKING", t.side_income, "740000", "Subsidie"],
                    vec!["WERKING", t.side_cost, "", &format!("{total} WERKING")],
                    vec!["WERKING", t.side_income, "", &format!("{total} WERKING")],
                    vec!["EIGEN INKOMSTEN", t.side_income, "700000", "Deelnemers"],
                    vec![
                        "EIGEN INKOMSTEN",
                        t.side_income,
                        "",
                        &format!("{total} EIGEN INKOMSTEN")
                    ],
                    vec!["", t.side_cost, "", t.total_costs],
                    vec!["", t.side_income, "", t.total_income_caps],
                ]
            );
            let last = |label: &str| -> Series {
                accounts
                    .row_named(label)
                    .unwrap()
                    .cells
                    .iter()
                    .map(|c| c.number().unwrap())
                    .collect()
            };
            assert_eq!(last(t.total_costs), summary.account_cost);
            assert_eq!(last(t.total_income_caps), summary.account_income);
        }
        // A plan without accounts has no accounts table.
        let summary = summarize(&socius());
        assert!(
            plan_tables(&socius(), &summary, Lang::Nl)
                .iter()
                .all(|t| t.key != "accounts")
        );
    }

    #[test]
    fn english_tables_have_english_names() {
        let plan = socius();
        let summary = summarize(&plan);
        let nl = plan_tables(&plan, &summary, Lang::Nl);
        let en = plan_tables(&plan, &summary, Lang::En);
        for (nl, en) in nl.iter().zip(&en) {
            assert_eq!(nl.key, en.key);
            assert_eq!(nl.rows.len(), en.rows.len());
        }
        let names: Vec<&str> = en.iter().map(|t| t.name.as_str()).collect();
        assert!(
            names.contains(&"Salary cost") && names.contains(&"Budget"),
            "{names:?}"
        );
        assert!(en.iter().all(|t| !t.title.is_empty()));
    }
}
