//! The plan document: everything a multi-year policy plan holds.
//!
//! No UI code lives here. Every entity that other parts refer to carries a stable id; references
//! in the file are ids, never positions in a list. Money and FTE are [`Decimal`].

pub mod actuals;
mod conflict;
pub mod decimal;
mod ids;
pub mod validate;
mod visit;
mod yearly;

pub use actuals::{
    ActivityReport, ActivityStatus, ActualFigure, Actuals, AddedActivity, Explanation, Milestone,
    MilestoneReport, OutputFigure, OutputKind, OutputPart, PrintedTotal, ResultLine, StaffActual,
    YearActuals,
};
pub use conflict::{Conflict, ConflictKey, ConflictKind, ConflictValue, MergeSide};
pub use ids::Id;
pub use visit::for_each_id_mut;

pub use validate::{MAX_AMOUNT, MAX_ID, Problem, validate, validate_strategic_goal};
pub use yearly::{Amounts, GrowthRule, Yearly};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The version of the file format this build writes. Older versions are migrated on load.
pub const FORMAT_VERSION: u32 = 2;

/// One policy plan: one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    /// The next id to hand out; ids are never reused, so a removed goal never comes back as another.
    pub next_id: Id,
    pub meta: Meta,
    #[serde(default)]
    pub mission: String,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub sections: Vec<NarrativeSection>,
    #[serde(default)]
    pub core_tasks: Vec<CoreTask>,
    #[serde(default)]
    pub activity_types: Vec<ActivityType>,
    #[serde(default)]
    pub strategic_goals: Vec<StrategicGoal>,
    /// Indicators that belong to the plan as a whole (reach, satisfaction ...).
    #[serde(default)]
    pub general_indicators: Vec<Indicator>,
    #[serde(default)]
    pub salary_profiles: Vec<SalaryProfile>,
    /// Staff not tied to one operational goal: generic service lines and support roles.
    #[serde(default)]
    pub staff_lines: Vec<StaffLine>,
    /// FTE on the payroll per year; allocated FTE is checked against it.
    #[serde(default)]
    pub available_fte: Yearly,
    #[serde(default)]
    pub overhead: Vec<BudgetLine>,
    #[serde(default)]
    pub income: Vec<BudgetLine>,
    #[serde(default)]
    pub funds: Vec<ReserveFund>,
    /// Budget by chart-of-accounts codes (Belgian MAR), for organisations that budget that way.
    #[serde(default)]
    pub accounts: Vec<AccountSection>,
    /// Values a merge could not decide (see [`crate::merge`]), until someone picks a side; a plan
    /// without any writes no `conflicts` at all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// What was realised, per plan year (see [`actuals`]); left out of the file while empty.
    #[serde(default, skip_serializing_if = "Actuals::is_empty")]
    pub actuals: Actuals,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub organisation: String,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    #[serde(default)]
    pub scenario: String,
    #[serde(default)]
    pub scenario_description: String,
    #[serde(default)]
    pub author: String,
    /// ISO date (YYYY-MM-DD) of the last save.
    #[serde(default)]
    pub last_changed: String,
    #[serde(default)]
    pub code_style: CodeStyle,
    #[serde(default)]
    pub budget_basis: BudgetBasis,
}

/// How goal codes are written: `SD1.OD2` or `OD1.2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CodeStyle {
    #[default]
    SdOd,
    Dotted,
}

/// Where the yearly totals come from: the goal-based budget or the chart-of-accounts budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BudgetBasis {
    #[default]
    Goals,
    Accounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeSection {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// A core task (kerntaak) the organisation must fulfil; goals serve one or more of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreTask {
    pub id: Id,
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A kind of activity in the timing tables (Ontwikkeltraject, Kennisdeling ...), per plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityType {
    pub id: Id,
    pub name: String,
}

/// External goals serve the field; internal goals (SDI/ODI) the organisation itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GoalKind {
    #[default]
    External,
    Internal,
}

/// A strategic goal (SD) with its operational goals (OD).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategicGoal {
    pub id: Id,
    pub code: String,
    #[serde(default)]
    pub kind: GoalKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub core_tasks: Vec<Id>,
    /// Remarks kept with the goal (e.g. where the source document contradicts itself).
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub operational_goals: Vec<OperationalGoal>,
}

/// An operational goal (OD): texts, activities and the means it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationalGoal {
    pub id: Id,
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub situering: String,
    #[serde(default)]
    pub werking: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub core_tasks: Vec<Id>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Salary profile of the staff on this goal.
    pub salary_profile: Id,
    #[serde(default)]
    pub fte: Yearly,
    /// Operating budget (werkingsmiddelen), including any part financed from a reserve fund.
    #[serde(default)]
    pub operating: Yearly,
    /// The part of `operating` paid from a reserve fund: outside the yearly operating cost.
    #[serde(default)]
    pub fund_financed: Yearly,
    #[serde(default)]
    pub fund: Option<Id>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: Id,
    pub activity_type: Id,
    pub description: String,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparator {
    AtLeast,
    AtMost,
    Exactly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub comparator: Comparator,
    #[serde(with = "decimal")]
    pub value: Decimal,
    #[serde(default)]
    pub unit: String,
    /// The year the target is for; `None` means over the whole plan period.
    #[serde(default)]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub target: Option<Target>,
    /// Realised values per year, filled in as the plan is carried out.
    #[serde(default)]
    pub actuals: Yearly,
}

/// A cost per FTE for every plan year (loonkost per VTE), e.g. "Stafmedewerker".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryProfile {
    pub id: Id,
    pub name: String,
    pub cost_per_fte: Amounts,
}

/// Whether staff serve the primary service (dienstverlening) or support it (voorwaardenscheppend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffGroup {
    Service,
    Support,
}

/// FTE not tied to one operational goal: a generic service line or a support role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffLine {
    pub id: Id,
    pub name: String,
    pub group: StaffGroup,
    pub salary_profile: Id,
    #[serde(default)]
    pub fte: Yearly,
}

/// What an income line is, so the requested subsidy and own income can be told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum IncomeKind {
    Subsidy,
    OwnIncome,
    WageSubsidy,
    #[default]
    Other,
}

/// An overhead or income line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub id: Id,
    pub name: String,
    /// Only meaningful for income lines.
    #[serde(default)]
    pub kind: IncomeKind,
    /// The row of the multi-year budget this line is printed in (the published Socius budget
    /// prints "Inkomsten verhuur en financiën" for two income lines): lines of one list with the
    /// same group (trimmed, case-insensitive) are one row named by the group. Without a group an
    /// income line is a row of its own and an overhead line counts in the overhead row. Left out
    /// of the file while `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_group: Option<String>,
    pub amounts: Amounts,
}

impl BudgetLine {
    /// The printed group, trimmed; `None` when there is none or it is blank.
    pub fn group_name(&self) -> Option<&str> {
        self.printed_group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
    }
}

/// A reserve (bestemd fonds, overgedragen resultaat) with its balance at the start of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReserveFund {
    pub id: Id,
    pub name: String,
    #[serde(with = "decimal")]
    pub opening_balance: Decimal,
    /// The yearly balance (saldo) is carried over into this fund (overdracht).
    #[serde(default)]
    pub receives_balance: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Cost,
    Income,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountSection {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub lines: Vec<AccountLine>,
    /// The section's cost total per year as the source (accounting) printed it, kept to check the
    /// lines against; empty when none was printed.
    #[serde(default, skip_serializing_if = "Yearly::is_empty")]
    pub printed_cost: Yearly,
    /// The section's income total per year as printed.
    #[serde(default, skip_serializing_if = "Yearly::is_empty")]
    pub printed_income: Yearly,
}

impl AccountSection {
    /// The printed totals of one side.
    pub fn printed(&self, side: Side) -> &Yearly {
        match side {
            Side::Cost => &self.printed_cost,
            Side::Income => &self.printed_income,
        }
    }

    pub fn printed_mut(&mut self, side: Side) -> &mut Yearly {
        match side {
            Side::Cost => &mut self.printed_cost,
            Side::Income => &mut self.printed_income,
        }
    }
}

/// A budget line under a chart-of-accounts code (MAR: 6xxxxx costs, 7xxxxx income).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountLine {
    pub id: Id,
    pub code: String,
    pub name: String,
    pub side: Side,
    /// What the line counts as in the key figures; `None` follows the account code (see
    /// [`AccountCategory::for_code`]), so only a choice the user made is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<AccountCategory>,
    pub amounts: Amounts,
}

impl AccountLine {
    /// The category the line counts as: the one chosen, else the one its code and side give.
    /// A chosen category that does not fit the side (only by hand-editing the file) counts as
    /// `Other`.
    pub fn effective_category(&self) -> AccountCategory {
        match self.category {
            Some(category) if category.fits(self.side) => category,
            Some(_) => AccountCategory::Other,
            None => AccountCategory::for_code(&self.code, self.side),
        }
    }
}

/// What an account line counts as in the key figures of a plan budgeted by accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountCategory {
    /// Personeelskosten (MAR 62).
    Personnel,
    /// Werkingskosten (MAR 60, 61).
    Operating,
    /// Overheadkosten: depreciation, provisions, other operating and financial costs (MAR 63-65).
    Overhead,
    /// Subsidies: the requested subsidy (MAR 73).
    Subsidy,
    /// Eigen inkomsten: sales, services and other operating income (MAR 70, 74).
    OwnIncome,
    /// Anything else: non-recurring and financial income, non-recurring costs, taxes ...
    Other,
}

impl AccountCategory {
    pub const ALL: [AccountCategory; 6] = [
        AccountCategory::Personnel,
        AccountCategory::Operating,
        AccountCategory::Overhead,
        AccountCategory::Subsidy,
        AccountCategory::OwnIncome,
        AccountCategory::Other,
    ];

    /// The categories that fit a side: costs are personnel, operating, overhead or other;
    /// income is subsidy, own income or other.
    pub fn for_side(side: Side) -> &'static [AccountCategory] {
        match side {
            Side::Cost => &[
                AccountCategory::Personnel,
                AccountCategory::Operating,
                AccountCategory::Overhead,
                AccountCategory::Other,
            ],
            Side::Income => &[
                AccountCategory::Subsidy,
                AccountCategory::OwnIncome,
                AccountCategory::Other,
            ],
        }
    }

    pub fn fits(self, side: Side) -> bool {
        Self::for_side(side).contains(&self)
    }

    /// The category a Belgian chart-of-accounts (MAR) code gives, by its first two digits:
    ///
    /// | MAR | what it holds | category |
    /// |---|---|---|
    /// | 60, 61 | goods, services and miscellaneous goods | Operating |
    /// | 62 | remuneration, social charges, pensions | Personnel |
    /// | 63, 64, 65 | depreciation and provisions, other operating costs, financial costs | Overhead |
    /// | 66-69 | non-recurring costs, taxes, appropriation | Other |
    /// | 70, 74 | turnover, other operating income | OwnIncome |
    /// | 71, 72 | stock changes, own construction | Other |
    /// | 73 | membership fees, gifts, legacies and subsidies | Subsidy |
    /// | 75-79 | financial and non-recurring income, appropriation | Other |
    ///
    /// A category that does not fit the line's side (a 62 account on the income side) gives
    /// `Other`, as does a code that is not a 6 or 7 account.
    pub fn for_code(code: &str, side: Side) -> AccountCategory {
        let mut digits = code.trim().chars().map(|c| c.to_digit(10));
        let by_code = match (digits.next().flatten(), digits.next().flatten()) {
            (Some(6), Some(0 | 1)) => AccountCategory::Operating,
            (Some(6), Some(2)) => AccountCategory::Personnel,
            (Some(6), Some(3..=5)) => AccountCategory::Overhead,
            (Some(7), Some(0 | 4)) => AccountCategory::OwnIncome,
            (Some(7), Some(3)) => AccountCategory::Subsidy,
            _ => AccountCategory::Other,
        };
        if by_code.fits(side) {
            by_code
        } else {
            AccountCategory::Other
        }
    }
}

/// Whether two section names or account codes are the same: trimmed, case-insensitive.
pub fn same_key(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The MAR class of an account code (its first digit), if it starts with one.
pub fn account_class(code: &str) -> Option<u32> {
    code.trim().chars().next().and_then(|c| c.to_digit(10))
}

/// The side an account code belongs on: class 6 is a cost, class 7 income; `None` for others.
pub fn side_of_code(code: &str) -> Option<Side> {
    match account_class(code) {
        Some(6) => Some(Side::Cost),
        Some(7) => Some(Side::Income),
        _ => None,
    }
}

impl StrategicGoal {
    /// A new strategic goal without code (see `Edit::Renumber`), texts or operational goals.
    pub fn new(id: Id, kind: GoalKind, title: &str) -> StrategicGoal {
        StrategicGoal {
            id,
            code: String::new(),
            kind,
            title: title.to_string(),
            description: String::new(),
            indicators: Vec::new(),
            core_tasks: Vec::new(),
            note: String::new(),
            operational_goals: Vec::new(),
        }
    }
}

impl OperationalGoal {
    /// A new operational goal with staff of `salary_profile` and nothing planned yet.
    pub fn new(id: Id, salary_profile: Id, title: &str) -> OperationalGoal {
        OperationalGoal {
            id,
            code: String::new(),
            title: title.to_string(),
            situering: String::new(),
            werking: String::new(),
            indicators: Vec::new(),
            core_tasks: Vec::new(),
            activities: Vec::new(),
            salary_profile,
            fte: Yearly::default(),
            operating: Yearly::default(),
            fund_financed: Yearly::default(),
            fund: None,
            note: String::new(),
        }
    }
}

impl Indicator {
    /// A new indicator without text, target or realised values.
    pub fn new(id: Id) -> Indicator {
        Indicator {
            id,
            text: String::new(),
            target: None,
            actuals: Yearly::default(),
        }
    }
}

impl Plan {
    /// An empty plan for the given period, with the usual activity types.
    pub fn new(organisation: &str, first_year: i32, last_year: i32) -> Plan {
        let mut plan = Plan {
            format_version: FORMAT_VERSION,
            next_id: Id(1),
            meta: Meta {
                organisation: organisation.to_string(),
                title: format!("Beleidsplan {first_year}-{last_year}"),
                first_year,
                last_year,
                scenario: String::new(),
                scenario_description: String::new(),
                author: String::new(),
                last_changed: String::new(),
                code_style: CodeStyle::SdOd,
                budget_basis: BudgetBasis::Goals,
            },
            mission: String::new(),
            priorities: Vec::new(),
            sections: Vec::new(),
            core_tasks: Vec::new(),
            activity_types: Vec::new(),
            strategic_goals: Vec::new(),
            general_indicators: Vec::new(),
            salary_profiles: Vec::new(),
            staff_lines: Vec::new(),
            available_fte: Yearly::default(),
            overhead: Vec::new(),
            income: Vec::new(),
            funds: Vec::new(),
            accounts: Vec::new(),
            conflicts: Vec::new(),
            actuals: Actuals::default(),
        };
        for name in [
            "Ontwikkeltraject",
            "Aanbodgerichte werking",
            "Kennisdeling",
            "Vraaggestuurde werking",
        ] {
            let id = plan.new_id();
            plan.activity_types.push(ActivityType {
                id,
                name: name.to_string(),
            });
        }
        plan
    }

    /// Hands out a fresh id. A validated plan has room for billions more (see
    /// [`validate::MAX_ID`]); past the limit the plan stops validating instead of wrapping.
    pub fn new_id(&mut self) -> Id {
        let id = self.next_id;
        self.next_id = Id(id.0.saturating_add(1));
        id
    }

    /// The plan years, first to last.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.meta.first_year..=self.meta.last_year
    }

    pub fn year_count(&self) -> usize {
        (self.meta.last_year - self.meta.first_year + 1).max(0) as usize
    }

    /// All operational goals with their strategic goal, in plan order.
    pub fn operational_goals(&self) -> impl Iterator<Item = (&StrategicGoal, &OperationalGoal)> {
        self.strategic_goals
            .iter()
            .flat_map(|sd| sd.operational_goals.iter().map(move |od| (sd, od)))
    }

    pub fn strategic_goal(&self, id: Id) -> Option<&StrategicGoal> {
        self.strategic_goals.iter().find(|sd| sd.id == id)
    }

    pub fn operational_goal(&self, id: Id) -> Option<&OperationalGoal> {
        self.operational_goals()
            .map(|(_, od)| od)
            .find(|od| od.id == id)
    }

    pub fn strategic_goal_mut(&mut self, id: Id) -> Option<&mut StrategicGoal> {
        self.strategic_goals.iter_mut().find(|sd| sd.id == id)
    }

    pub fn operational_goal_mut(&mut self, id: Id) -> Option<&mut OperationalGoal> {
        self.strategic_goals
            .iter_mut()
            .flat_map(|sd| sd.operational_goals.iter_mut())
            .find(|od| od.id == id)
    }

    pub fn activity_mut(&mut self, id: Id) -> Option<&mut Activity> {
        self.strategic_goals
            .iter_mut()
            .flat_map(|sd| sd.operational_goals.iter_mut())
            .flat_map(|od| od.activities.iter_mut())
            .find(|a| a.id == id)
    }

    /// Every indicator: the plan's own, then those of each goal in plan order.
    pub fn indicators_mut(&mut self) -> impl Iterator<Item = &mut Indicator> {
        let general = self.general_indicators.iter_mut();
        let goals = self.strategic_goals.iter_mut().flat_map(|sd| {
            sd.indicators.iter_mut().chain(
                sd.operational_goals
                    .iter_mut()
                    .flat_map(|od| od.indicators.iter_mut()),
            )
        });
        general.chain(goals)
    }

    pub fn salary_profile(&self, id: Id) -> Option<&SalaryProfile> {
        self.salary_profiles.iter().find(|p| p.id == id)
    }

    pub fn activity_type(&self, id: Id) -> Option<&ActivityType> {
        self.activity_types.iter().find(|t| t.id == id)
    }

    /// The code of a goal of either level, or `None` if no goal has that id.
    pub fn goal_code(&self, id: Id) -> Option<&str> {
        if let Some(sd) = self.strategic_goal(id) {
            return Some(&sd.code);
        }
        self.operational_goal(id).map(|od| od.code.as_str())
    }

    /// The codes goals would get when numbered by their position, in the plan's code style:
    /// `(goal id, code)` for every strategic and operational goal. Internal goals number apart
    /// (SDI1, ODI1.1 ...).
    pub fn positional_codes(&self) -> Vec<(Id, String)> {
        let mut codes = Vec::new();
        let (mut external, mut internal) = (0, 0);
        for sd in &self.strategic_goals {
            let (sd_prefix, od_prefix, n) = match sd.kind {
                GoalKind::External => {
                    external += 1;
                    ("SD", "OD", external)
                }
                GoalKind::Internal => {
                    internal += 1;
                    ("SDI", "ODI", internal)
                }
            };
            let sd_code = format!("{sd_prefix}{n}");
            for (i, od) in sd.operational_goals.iter().enumerate() {
                let od_code = match self.meta.code_style {
                    CodeStyle::SdOd => format!("{sd_code}.{od_prefix}{}", i + 1),
                    CodeStyle::Dotted => format!("{od_prefix}{n}.{}", i + 1),
                };
                codes.push((od.id, od_code));
            }
            codes.push((sd.id, sd_code));
        }
        codes
    }
}
