//! What was realised against the plan, per plan year: the figures of the yearly report
//! (jaarverslag, voortgangsrapport) kept in the plan file next to the plan itself.
//!
//! A year's realised result comes as the annual accounts show it, in lines that need not match
//! the plan's lines (a "Communicatie" line the plan never had, income per strategic goal where
//! the plan budgets income for the whole organisation). Each line says what it counts as
//! ([`AccountCategory`], the categories of the key figures) and, optionally, which strategic goal
//! it belongs to, so plan and realisation can be compared although their lines differ.
//!
//! Realised numeric values of indicators stay where they always were, in
//! [`super::Indicator::actuals`] (per year); a year here only adds the state of milestones
//! (achieved, not yet, dropped) for indicators that are not counted.

use super::{AccountCategory, Id, Side, decimal};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Every realised year of the plan, and how large a difference must be to stand out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actuals {
    /// A difference between plan and realisation of at least this percentage of the planned
    /// figure is highlighted and asks for an explanation.
    #[serde(default = "default_threshold", with = "decimal")]
    pub threshold_percent: Decimal,
    /// One entry per realised year, in year order, each year at most once.
    #[serde(default)]
    pub years: Vec<YearActuals>,
}

/// The threshold a plan starts with: 5 %.
pub const DEFAULT_THRESHOLD_PERCENT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

fn default_threshold() -> Decimal {
    DEFAULT_THRESHOLD_PERCENT
}

impl Default for Actuals {
    fn default() -> Self {
        Actuals {
            threshold_percent: DEFAULT_THRESHOLD_PERCENT,
            years: Vec::new(),
        }
    }
}

impl Actuals {
    /// Nothing realised and the default threshold: not written to the file, so plans without
    /// actuals keep their bytes.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty() && self.threshold_percent == DEFAULT_THRESHOLD_PERCENT
    }

    pub fn year(&self, year: i32) -> Option<&YearActuals> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn year_mut(&mut self, year: i32) -> Option<&mut YearActuals> {
        self.years.iter_mut().find(|y| y.year == year)
    }

    /// The realised years, in order.
    pub fn realised_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().map(|y| y.year)
    }
}

/// What was realised in one plan year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearActuals {
    pub year: i32,
    /// The realised result: costs and income as the annual accounts show them.
    #[serde(default)]
    pub result_lines: Vec<ResultLine>,
    /// The totals as the report printed them, kept to check the lines against; `None` when the
    /// report printed none.
    #[serde(default, with = "decimal::option")]
    pub printed_cost: Option<Decimal>,
    #[serde(default, with = "decimal::option")]
    pub printed_income: Option<Decimal>,
    /// The printed result (income minus costs).
    #[serde(default, with = "decimal::option")]
    pub printed_result: Option<Decimal>,
    /// FTE per function: on the payroll and effectively available.
    #[serde(default)]
    pub staff: Vec<StaffActual>,
    /// FTE effectively spent per operational goal (a strategic goal's is the sum of its
    /// operational goals), when the report splits the staff over the goals. Left out of the file
    /// while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goal_fte: Vec<GoalFte>,
    /// The state of indicators that are milestones rather than counts.
    #[serde(default)]
    pub milestones: Vec<MilestoneReport>,
    /// Key output figures (activities, dagdelen, participants, reach, satisfaction, NPS).
    #[serde(default)]
    pub output: Vec<OutputFigure>,
    /// What became of planned activities (one report per activity at most).
    #[serde(default)]
    pub activities: Vec<ActivityReport>,
    /// Activities carried out that the plan did not have.
    #[serde(default)]
    pub added_activities: Vec<AddedActivity>,
    /// Why a realised figure differs from the plan, for the report (one per figure at most).
    #[serde(default)]
    pub explanations: Vec<Explanation>,
}

impl YearActuals {
    pub fn new(year: i32) -> YearActuals {
        YearActuals {
            year,
            result_lines: Vec::new(),
            printed_cost: None,
            printed_income: None,
            printed_result: None,
            staff: Vec::new(),
            goal_fte: Vec::new(),
            milestones: Vec::new(),
            output: Vec::new(),
            activities: Vec::new(),
            added_activities: Vec::new(),
            explanations: Vec::new(),
        }
    }

    /// The printed total of one kind.
    pub fn printed(&self, total: PrintedTotal) -> Option<Decimal> {
        match total {
            PrintedTotal::Cost => self.printed_cost,
            PrintedTotal::Income => self.printed_income,
            PrintedTotal::Result => self.printed_result,
        }
    }

    pub fn printed_mut(&mut self, total: PrintedTotal) -> &mut Option<Decimal> {
        match total {
            PrintedTotal::Cost => &mut self.printed_cost,
            PrintedTotal::Income => &mut self.printed_income,
            PrintedTotal::Result => &mut self.printed_result,
        }
    }

    pub fn explanation(&self, figure: ActualFigure) -> Option<&str> {
        self.explanations
            .iter()
            .find(|e| e.figure == figure)
            .map(|e| e.text.as_str())
    }

    /// The realised FTE of an operational goal, if the year has it.
    pub fn goal_fte(&self, goal: Id) -> Option<Decimal> {
        self.goal_fte.iter().find(|g| g.goal == goal).map(|g| g.fte)
    }

    pub fn activity_report(&self, activity: Id) -> Option<&ActivityReport> {
        self.activities.iter().find(|r| r.activity == activity)
    }

    pub fn milestone(&self, indicator: Id) -> Option<Milestone> {
        self.milestones
            .iter()
            .find(|m| m.indicator == indicator)
            .map(|m| m.state)
    }
}

/// The totals a yearly report prints under its result lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrintedTotal {
    Cost,
    Income,
    Result,
}

impl PrintedTotal {
    pub const ALL: [PrintedTotal; 3] = [
        PrintedTotal::Cost,
        PrintedTotal::Income,
        PrintedTotal::Result,
    ];
}

/// One realised result line: `Communicatie`, `Werking SD1`, `Subsidie Vlaamse overheid` ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultLine {
    pub id: Id,
    pub name: String,
    pub side: Side,
    /// What the line counts as when compared with the plan; it fits the side (see
    /// [`AccountCategory::fits`]).
    pub category: AccountCategory,
    /// The strategic goal the line belongs to, if the report splits it per goal.
    #[serde(default)]
    pub goal: Option<Id>,
    #[serde(with = "decimal")]
    pub amount: Decimal,
}

/// FTE of one function (or staff line) in a realised year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffActual {
    pub id: Id,
    /// The function as the report names it (`Stafmedewerker`, `Directie` ...).
    pub name: String,
    /// The staff line or salary profile of the plan this function is planned as, if any; its
    /// planned FTE is shown next to the realised.
    #[serde(default)]
    pub planned_as: Option<Id>,
    /// FTE on the payroll.
    #[serde(with = "decimal")]
    pub payroll_fte: Decimal,
    /// FTE effectively available: the payroll minus time credit, long leave and the like.
    #[serde(with = "decimal")]
    pub available_fte: Decimal,
}

/// The FTE effectively spent on one operational goal in a realised year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalFte {
    /// The operational goal.
    pub goal: Id,
    #[serde(with = "decimal")]
    pub fte: Decimal,
}

/// How far a milestone got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Milestone {
    Achieved,
    NotYet,
    Dropped,
}

impl Milestone {
    pub const ALL: [Milestone; 3] = [Milestone::Achieved, Milestone::NotYet, Milestone::Dropped];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneReport {
    pub indicator: Id,
    pub state: Milestone,
}

/// What a key output figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutputKind {
    Activities,
    /// Dagdelen: half-days of activity.
    HalfDays,
    Participants,
    /// Organisations reached.
    Organisations,
    /// Average satisfaction, a percentage.
    Satisfaction,
    /// Net promoter score, -100 to 100.
    Nps,
    /// Anything else that is counted (its label says what).
    Other,
}

impl OutputKind {
    pub const ALL: [OutputKind; 7] = [
        OutputKind::Activities,
        OutputKind::HalfDays,
        OutputKind::Participants,
        OutputKind::Organisations,
        OutputKind::Satisfaction,
        OutputKind::Nps,
        OutputKind::Other,
    ];

    /// Whether the figure is a score (a percentage or the NPS) rather than a count. A score's
    /// breakdown gives the score per target group; a count's breakdown gives the part of the
    /// count per target group, which should add up to it.
    pub fn is_score(self) -> bool {
        matches!(self, OutputKind::Satisfaction | OutputKind::Nps)
    }
}

/// A key output figure: `59 activiteiten`, `1.325 deelnemers (62 % primaire doelgroep)`,
/// `94 % van de erkende organisaties bereikt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputFigure {
    pub id: Id,
    pub kind: OutputKind,
    /// What the figure is about (`Open aanbod`, `Vraaggestuurde werking` ...).
    #[serde(default)]
    pub label: String,
    #[serde(with = "decimal")]
    pub value: Decimal,
    /// The whole the value is a part of (all recognised organisations ...), for a count.
    #[serde(default, with = "decimal::option")]
    pub of_total: Option<Decimal>,
    /// The value as a percentage of `of_total`, as the report printed it.
    #[serde(default, with = "decimal::option")]
    pub percent: Option<Decimal>,
    /// The figure per target group.
    #[serde(default)]
    pub breakdown: Vec<OutputPart>,
}

/// One target group of an [`OutputFigure`]: for a count, its part (a count, a percentage of the
/// figure, or both); for a score, the group's score in `percent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputPart {
    pub id: Id,
    pub target_group: String,
    #[serde(default, with = "decimal::option")]
    pub count: Option<Decimal>,
    #[serde(default, with = "decimal::option")]
    pub percent: Option<Decimal>,
}

/// What became of a planned activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityStatus {
    Done,
    Ongoing,
    Postponed,
    /// Replaced by another activity (named in [`ActivityReport::replaced_by`]).
    Replaced,
    Dropped,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Done,
        ActivityStatus::Ongoing,
        ActivityStatus::Postponed,
        ActivityStatus::Replaced,
        ActivityStatus::Dropped,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityReport {
    pub activity: Id,
    pub status: ActivityStatus,
    /// What replaced the activity (for [`ActivityStatus::Replaced`]).
    #[serde(default)]
    pub replaced_by: String,
    #[serde(default)]
    pub reason: String,
}

/// An activity carried out that the plan did not have (an unplanned addition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddedActivity {
    pub id: Id,
    /// The operational goal it served.
    pub goal: Id,
    pub description: String,
    #[serde(default)]
    pub reason: String,
}

/// A figure compared between plan and realisation; explanations are kept per figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActualFigure {
    /// FTE on the payroll (planned: the plan's FTE on the payroll).
    FtePayroll,
    /// FTE effectively available (planned: the FTE the plan allocates).
    FteAvailable,
    Personnel,
    /// Operating cost in all.
    Operating,
    /// Operating cost of one strategic goal.
    OperatingGoal(Id),
    /// Operating cost not tied to a strategic goal.
    OperatingUnassigned,
    Overhead,
    OtherCost,
    CostTotal,
    Subsidy,
    /// Income other than subsidies.
    OtherIncome,
    IncomeTotal,
    /// Income minus costs (saldo).
    Balance,
    /// FTE effectively spent on a goal (strategic or operational): the plan's FTE of the goal
    /// against [`YearActuals::goal_fte`].
    FteGoal(Id),
    /// FTE effectively spent on all goals together.
    FteGoals,
    /// A reserve fund at the end of the year: planned, and moved by the realised result.
    Reserve(Id),
    /// An indicator of a goal or of the plan: its explanation says why it stands where it does.
    Indicator(Id),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub figure: ActualFigure,
    pub text: String,
}

/// The category a new line of a side starts with: operating for a cost, subsidy for income.
pub fn default_category(side: Side) -> AccountCategory {
    match side {
        Side::Cost => AccountCategory::Operating,
        Side::Income => AccountCategory::Subsidy,
    }
}
