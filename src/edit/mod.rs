//! Every change to a plan goes through [`Document::apply`]: one door, so undo/redo, the unsaved
//! marker and the revision that triggers recomputation come for free.

use crate::history::Patch;
use crate::i18n::Lang;
use crate::model::actuals::default_category;
use crate::model::{
    AccountCategory, AccountLine, AccountSection, Activity, ActivityReport, ActivityStatus,
    ActualFigure, AddedActivity, Amounts, BudgetBasis, BudgetLine, CoreTask, Explanation, GoalKind,
    GrowthRule, Id, IncomeKind, Indicator, MergeSide, Milestone, MilestoneReport, OperationalGoal,
    OutputFigure, OutputKind, OutputPart, Plan, PrintedTotal, Priority, ReserveFund, ResultLine,
    SalaryProfile, Side, StaffActual, StaffGroup, StaffLine, StrategicGoal, Target, YearActuals,
    Yearly, same_key, validate, validate_strategic_goal,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

mod accounts;
mod actuals;
mod apply;
mod document;
mod error;
mod lookup;

pub use accounts::match_account_lines;
use accounts::merge_accounts;
use actuals::*;
pub use apply::{apply_named, apply_to};
pub use document::Document;
use error::refused;
pub use error::{EditError, Refusal, Thing, ValueKind};
use lookup::*;

/// A new item of the plan, for the name it gets until the user types one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewItem {
    StrategicGoal,
    OperationalGoal,
    Priority,
    /// A staff line, an overhead or income line, a result line.
    Line,
    StaffFunction,
    TargetGroup,
    SalaryProfile,
    Reserve,
    AccountSection,
    AccountLine,
    CoreTask,
}

/// A text of the plan that can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Organisation,
    Title,
    Scenario,
    ScenarioDescription,
    Author,
    Mission,
    /// Code of a strategic or operational goal.
    GoalCode(Id),
    GoalTitle(Id),
    /// Description of a strategic goal.
    GoalDescription(Id),
    Situering(Id),
    Werking(Id),
    GoalNote(Id),
    IndicatorText(Id),
    PriorityTitle(Id),
    PriorityText(Id),
    SectionTitle(Id),
    SectionText(Id),
    ActivityDescription(Id),
    /// Name of a staff line, salary profile, overhead/income line, fund, account section or line.
    Name(Id),
    AccountCode(Id),
    CoreTaskCode(Id),
    CoreTaskTitle(Id),
    CoreTaskDescription(Id),
    /// Why a planned activity (by its id) or an unplanned one (by its own id) went as it did in
    /// a realised year.
    ActualReason {
        year: i32,
        id: Id,
    },
    /// What replaced a planned activity in a realised year.
    ReplacedBy {
        year: i32,
        activity: Id,
    },
}

/// A realised number that can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActualValue {
    /// The amount of a realised result line.
    LineAmount(Id),
    PayrollFte(Id),
    AvailableFte(Id),
    OutputValue(Id),
    OutputOfTotal(Id),
    OutputPercent(Id),
    PartCount(Id),
    PartPercent(Id),
    /// A total the yearly report printed.
    Printed(i32, PrintedTotal),
}

/// The lists of the plan that hold named lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineList {
    ServiceStaff,
    SupportStaff,
    SalaryProfile,
    Overhead,
    Income,
    Fund,
    AccountSection,
    /// A line in the account section with this id.
    AccountLine(Id),
    CoreTask,
}

/// A per-year value of the plan that can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearField {
    /// FTE of an operational goal.
    GoalFte(Id),
    GoalOperating(Id),
    GoalFundFinanced(Id),
    StaffLineFte(Id),
    AvailableFte,
    ProfileCost(Id),
    /// Amount of an overhead, income or account line (typed per year).
    LineAmount(Id),
    IndicatorActual(Id),
}

impl YearField {
    /// Whether the value may be below zero (amounts of lines may; FTE and goal budgets not).
    pub fn allows_negative(self) -> bool {
        !matches!(
            self,
            YearField::GoalFte(_)
                | YearField::GoalOperating(_)
                | YearField::GoalFundFinanced(_)
                | YearField::StaffLineFte(_)
                | YearField::AvailableFte
        )
    }
}

/// One completed change, as the user made it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetText(TextField, String),
    /// Sets (or with `None` clears) the value of one year.
    SetYear(YearField, i32, Option<Decimal>),
    AddStrategicGoal {
        kind: GoalKind,
    },
    AddOperationalGoal {
        strategic_goal: Id,
    },
    RemoveGoal(Id),
    /// Moves a goal one place up (`-1`) or down (`+1`) among its siblings.
    MoveGoal(Id, i32),
    /// Gives every goal the code of its position, in the plan's code style.
    Renumber,
    AddActivity {
        goal: Id,
    },
    RemoveActivity(Id),
    SetActivityType(Id, Id),
    SetActivityYears(Id, i32, i32),
    /// Adds an indicator to a goal, or to the general indicators with `None`.
    AddIndicator {
        goal: Option<Id>,
    },
    RemoveIndicator(Id),
    AddPriority,
    RemovePriority(Id),
    /// Links or unlinks a goal and a core task.
    SetCoreTask {
        goal: Id,
        task: Id,
        linked: bool,
    },
    /// Adds a line (staff line, profile, budget line, fund, account section or line, core task).
    AddLine(LineList),
    /// Removes a line of any list; refused while something still refers to it.
    RemoveLine(Id),
    /// The salary profile of an operational goal or staff line.
    SetProfile(Id, Id),
    SetIncomeKind(Id, IncomeKind),
    /// The printed group of an overhead or income line (its row in the multi-year budget); a
    /// blank text or `None` removes it. Stored trimmed.
    SetPrintedGroup(Id, Option<String>),
    SetSide(Id, Side),
    /// Makes the amounts of a line or profile follow a growth rule, or (with `None`) typed per
    /// year, starting from the values the rule gave.
    SetRule(Id, Option<GrowthRule>),
    SetFund {
        id: Id,
        opening_balance: Decimal,
        receives_balance: bool,
    },
    SetTarget(Id, Option<Target>),
    /// Changes the plan period; refused while values lie outside the new period.
    SetPeriod(i32, i32),
    /// The category of an account line; `None` lets it follow the account code again.
    SetAccountCategory(Id, Option<AccountCategory>),
    /// Merges account lines brought in from accounting (see [`AccountMerge`]): one undo step.
    MergeAccounts(AccountMerge),
    /// Settles the merge conflict with this number (in `Plan::conflicts`) for one side: the plan
    /// takes that side's value and the conflict goes (see [`crate::merge::resolve`]).
    ResolveConflict(usize, MergeSide),
    /// Settles every merge conflict for one side.
    ResolveAllConflicts(MergeSide),
    /// Adds an empty realised year; refused outside the plan period or when it is there.
    AddActualsYear(i32),
    /// Removes a realised year with everything in it.
    RemoveActualsYear(i32),
    /// The percentage of the planned figure from which a difference stands out.
    SetActualsThreshold(Decimal),
    /// Adds a realised result line to a year (the year is added when missing).
    AddResultLine {
        year: i32,
        side: Side,
    },
    /// Adds a function to the realised staff of a year.
    AddStaffActual {
        year: i32,
    },
    /// Adds a key output figure to a year.
    AddOutput {
        year: i32,
        kind: OutputKind,
    },
    /// Adds a target group to an output figure.
    AddOutputPart {
        output: Id,
    },
    /// Adds an activity the plan did not have, under an operational goal.
    AddUnplannedActivity {
        year: i32,
        goal: Id,
    },
    /// Sets a realised number; `None` clears an optional one and makes a required one zero.
    SetActual(ActualValue, Option<Decimal>),
    /// The category of a realised result line (one that fits its side).
    SetActualCategory(Id, AccountCategory),
    /// The strategic goal of a realised result line.
    SetActualGoal(Id, Option<Id>),
    /// The staff line or salary profile a realised function is planned as.
    SetPlannedAs(Id, Option<Id>),
    SetOutputKind(Id, OutputKind),
    /// What became of a planned activity in a year; `None` removes the report.
    SetActivityStatus {
        year: i32,
        activity: Id,
        status: Option<ActivityStatus>,
    },
    /// The state of a milestone indicator in a year; `None` removes it.
    SetMilestone {
        year: i32,
        indicator: Id,
        state: Option<Milestone>,
    },
    /// Why a realised figure differs from the plan; an empty text removes the explanation.
    SetExplanation {
        year: i32,
        figure: ActualFigure,
        text: String,
    },
    /// Puts a year's realised result lines and printed totals in place of those it had (see
    /// [`ResultLinesImport`]): one undo step.
    ReplaceResultLines(ResultLinesImport),
}

/// The realised result of one year as an import brings it, applied by
/// [`Edit::ReplaceResultLines`]:
/// - the year is added when the plan has no actuals for it yet;
/// - a line keeps the id of the year's first line of the same name (trimmed, case-insensitive)
///   and side, so the rest of the file keeps pointing at it; other lines get fresh ids;
/// - the year's lines not in the import are removed, and the printed totals become the
///   import's (`None` clears one). Staff, indicators, output, activities and explanations of
///   the year stay as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultLinesImport {
    pub year: i32,
    pub lines: Vec<NewResultLine>,
    pub printed_cost: Option<Decimal>,
    pub printed_income: Option<Decimal>,
    pub printed_result: Option<Decimal>,
}

/// One line of a [`ResultLinesImport`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewResultLine {
    pub name: String,
    pub side: Side,
    pub category: AccountCategory,
    pub goal: Option<Id>,
    pub amount: Decimal,
}

/// Account sections and lines to merge into a plan, as [`crate::exchange::import`] read them.
///
/// The rule, applied by [`Edit::MergeAccounts`]:
/// - a section is matched by name (trimmed, case-insensitive) with the first plan section of that
///   name; a section the plan lacks is added at the end, with a fresh id;
/// - a line is matched within its section by [`match_account_lines`]: by account code and name
///   first, then by account code alone (trimmed, case-insensitive), each plan line at most once,
///   so two source lines under one code (`623400 Diverse personeelskosten` and `623400 SWT`) stay
///   two lines. A matched line gets the merged years as typed amounts (a line that followed a
///   growth rule keeps the rule's values for the other years, now typed), the merged name (unless
///   empty) and side; its category stays. A line the section lacks is added with a fresh id and no
///   category of its own (it follows its code);
/// - with `remove_missing`, the lines of a merged section that no merged line matched are removed
///   (the source is that section's truth); otherwise they stay. Sections not in the merge always
///   stay, and so do years the merge does not name; a year given as `None` is cleared (zero);
/// - printed section totals are set for the years given (`None` clears a year);
/// - `basis` switches the plan's budget basis when set; otherwise the basis is left alone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountMerge {
    pub sections: Vec<MergeSection>,
    pub basis: Option<BudgetBasis>,
    /// Remove the lines of a merged section that the merge does not have.
    pub remove_missing: bool,
}

/// One section of an [`AccountMerge`].
#[derive(Debug, Clone, PartialEq)]
pub struct MergeSection {
    pub name: String,
    pub lines: Vec<MergeLine>,
    pub printed_cost: BTreeMap<i32, Option<Decimal>>,
    pub printed_income: BTreeMap<i32, Option<Decimal>>,
}

/// One account line of a [`MergeSection`]: its amounts for the years it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeLine {
    pub code: String,
    pub name: String,
    pub side: Side,
    pub amounts: BTreeMap<i32, Option<Decimal>>,
}
