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

/// Which existing line each incoming line of one section updates (`None`: a new line). A line
/// is matched by code and name (trimmed, case-insensitive) first, then by code alone, in order;
/// every existing line is matched at most once. One rule for the import preview and the merge.
pub fn match_account_lines(existing: &[AccountLine], incoming: &[MergeLine]) -> Vec<Option<usize>> {
    let mut taken = vec![false; existing.len()];
    let mut matched: Vec<Option<usize>> = vec![None; incoming.len()];
    let same_code = |old: &AccountLine, new: &MergeLine| same_key(&old.code, &new.code);
    for by_name in [true, false] {
        for (i, line) in incoming.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            let fits = |k: usize| {
                !taken[k]
                    && same_code(&existing[k], line)
                    && (!by_name || same_key(&existing[k].name, &line.name))
            };
            if let Some(at) = (0..existing.len()).find(|&k| fits(k)) {
                taken[at] = true;
                matched[i] = Some(at);
            }
        }
    }
    matched
}

impl Edit {
    /// A short description in the user's language, shown in the Edit menu ("Ongedaan maken: ...").
    pub fn label(&self, plan: &Plan, lang: Lang) -> String {
        let code = |id: Id| plan.goal_code(id).unwrap_or("?").to_string();
        let pick = |nl: &str, en: &str| match lang {
            Lang::Nl => nl.to_string(),
            Lang::En => en.to_string(),
        };
        match self {
            Edit::SetText(field, _) => {
                let (nl, en, goal) = match field {
                    TextField::Organisation => ("organisatie", "organisation", None),
                    TextField::Title => ("titel", "title", None),
                    TextField::Scenario => ("scenario", "scenario", None),
                    TextField::ScenarioDescription => {
                        ("uitgangspunten scenario", "scenario basis", None)
                    }
                    TextField::Author => ("auteur", "author", None),
                    TextField::Mission => ("missie", "mission", None),
                    TextField::GoalCode(id) => ("code", "code", Some(*id)),
                    TextField::GoalTitle(id) => ("titel", "title", Some(*id)),
                    TextField::GoalDescription(id) => ("omschrijving", "description", Some(*id)),
                    TextField::Situering(id) => ("situering", "context", Some(*id)),
                    TextField::Werking(id) => ("werking", "approach", Some(*id)),
                    TextField::GoalNote(id) => ("opmerking", "note", Some(*id)),
                    TextField::IndicatorText(_) => ("indicator", "indicator", None),
                    TextField::PriorityTitle(_) | TextField::PriorityText(_) => {
                        ("prioriteit", "priority", None)
                    }
                    TextField::SectionTitle(_) | TextField::SectionText(_) => {
                        ("hoofdstuk", "section", None)
                    }
                    TextField::ActivityDescription(_) => ("activiteit", "activity", None),
                    TextField::Name(_) => ("naam", "name", None),
                    TextField::AccountCode(_) => ("rekeningcode", "account code", None),
                    TextField::CoreTaskCode(_)
                    | TextField::CoreTaskTitle(_)
                    | TextField::CoreTaskDescription(_) => ("kerntaak", "core task", None),
                    TextField::ActualReason { .. } => ("reden", "reason", None),
                    TextField::ReplacedBy { .. } => ("vervangen door", "replaced by", None),
                };
                match goal {
                    Some(id) => format!("{} {}", pick(nl, en), code(id)),
                    None => pick(nl, en),
                }
            }
            Edit::SetYear(field, year, _) => match field {
                YearField::GoalFte(id) => format!("{} {} {year}", pick("VTE", "FTE"), code(*id)),
                YearField::GoalOperating(id) => format!(
                    "{} {} {year}",
                    pick("werkingsmiddelen", "operating budget"),
                    code(*id)
                ),
                YearField::GoalFundFinanced(id) => format!(
                    "{} {} {year}",
                    pick("fondsfinanciering", "fund financing"),
                    code(*id)
                ),
                YearField::StaffLineFte(_) => format!("{} {year}", pick("VTE", "FTE")),
                YearField::AvailableFte => {
                    format!("{} {year}", pick("beschikbare VTE", "FTE available"))
                }
                YearField::ProfileCost(_) => {
                    format!("{} {year}", pick("loonkost per VTE", "cost per FTE"))
                }
                YearField::LineAmount(_) => format!("{} {year}", pick("bedrag", "amount")),
                YearField::IndicatorActual(_) => {
                    format!("{} {year}", pick("realisatie", "actual value"))
                }
            },
            Edit::AddStrategicGoal { .. } => {
                pick("strategisch doel toevoegen", "add strategic goal")
            }
            Edit::AddOperationalGoal { .. } => {
                pick("operationeel doel toevoegen", "add operational goal")
            }
            Edit::RemoveGoal(id) => format!("{} {}", pick("verwijderen", "remove"), code(*id)),
            Edit::MoveGoal(id, _) => format!("{} {}", pick("verplaatsen", "move"), code(*id)),
            Edit::Renumber => pick("doelen hernummeren", "renumber goals"),
            Edit::AddActivity { .. } => pick("activiteit toevoegen", "add activity"),
            Edit::RemoveActivity(_) => pick("activiteit verwijderen", "remove activity"),
            Edit::SetActivityType(..) => pick("type activiteit", "activity type"),
            Edit::SetActivityYears(..) => pick("timing activiteit", "activity timing"),
            Edit::AddIndicator { .. } => pick("indicator toevoegen", "add indicator"),
            Edit::RemoveIndicator(_) => pick("indicator verwijderen", "remove indicator"),
            Edit::AddPriority => pick("prioriteit toevoegen", "add priority"),
            Edit::RemovePriority(_) => pick("prioriteit verwijderen", "remove priority"),
            Edit::SetCoreTask { .. } => pick("kerntaak koppelen", "link core task"),
            Edit::AddLine(_) => pick("lijn toevoegen", "add line"),
            Edit::RemoveLine(_) => pick("lijn verwijderen", "remove line"),
            Edit::SetProfile(..) => pick("loonprofiel", "salary profile"),
            Edit::SetIncomeKind(..) => pick("soort inkomsten", "kind of income"),
            Edit::SetPrintedGroup(..) => {
                pick("groep in meerjarenbegroting", "group in multi-year budget")
            }
            Edit::SetSide(..) => pick("kosten/opbrengsten", "cost/income"),
            Edit::SetRule(..) => pick("groeiregel", "growth rule"),
            Edit::SetFund { .. } => pick("reserve", "reserve"),
            Edit::SetTarget(..) => pick("streefwaarde", "target"),
            Edit::SetPeriod(first, last) => {
                format!("{} {first}-{last}", pick("planperiode", "plan period"))
            }
            Edit::SetAccountCategory(..) => pick("categorie rekening", "account category"),
            Edit::MergeAccounts(_) => pick("begroting importeren", "import budget"),
            Edit::ResolveConflict(index, side) => {
                let place = plan
                    .conflicts
                    .get(*index)
                    .map(|c| crate::merge::texts::place(c, plan, lang))
                    .unwrap_or_default();
                let side = match side {
                    MergeSide::Ours => pick("ons", "ours"),
                    MergeSide::Theirs => pick("hun", "theirs"),
                };
                format!("conflict {place}: {side}")
            }
            Edit::ResolveAllConflicts(MergeSide::Ours) => {
                pick("alle conflicten: ons", "all conflicts: ours")
            }
            Edit::ResolveAllConflicts(MergeSide::Theirs) => {
                pick("alle conflicten: hun", "all conflicts: theirs")
            }
            Edit::AddActualsYear(year) => {
                format!("{} {year}", pick("realisatie toevoegen", "add actuals"))
            }
            Edit::RemoveActualsYear(year) => format!(
                "{} {year}",
                pick("realisatie verwijderen", "remove actuals")
            ),
            Edit::SetActualsThreshold(_) => pick("drempel verschillen", "difference threshold"),
            Edit::AddResultLine { year, .. } => format!(
                "{} {year}",
                pick("resultaatlijn toevoegen", "add result line")
            ),
            Edit::AddStaffActual { year } => {
                format!("{} {year}", pick("functie toevoegen", "add function"))
            }
            Edit::AddOutput { year, .. } => {
                format!("{} {year}", pick("kengetal toevoegen", "add output figure"))
            }
            Edit::AddOutputPart { .. } => pick("doelgroep toevoegen", "add target group"),
            Edit::AddUnplannedActivity { year, .. } => {
                format!(
                    "{} {year}",
                    pick(
                        "niet-geplande activiteit toevoegen",
                        "add unplanned activity"
                    )
                )
            }
            Edit::SetActual(value, _) => match value {
                ActualValue::LineAmount(_) => pick("gerealiseerd bedrag", "realised amount"),
                ActualValue::PayrollFte(_) => pick("VTE op de loonlijst", "FTE on the payroll"),
                ActualValue::AvailableFte(_) => {
                    pick("VTE effectief beschikbaar", "FTE effectively available")
                }
                ActualValue::OutputValue(_) => pick("kengetal", "output figure"),
                ActualValue::OutputOfTotal(_) => pick("kengetal: totaal", "output figure: total"),
                ActualValue::OutputPercent(_) | ActualValue::PartPercent(_) => {
                    pick("kengetal: percentage", "output figure: percentage")
                }
                ActualValue::PartCount(_) => {
                    pick("kengetal: aantal doelgroep", "output figure: group count")
                }
                ActualValue::Printed(year, _) => {
                    format!("{} {year}", pick("gedrukt totaal", "printed total"))
                }
            },
            Edit::SetActualCategory(..) => pick("categorie resultaatlijn", "result line category"),
            Edit::SetActualGoal(..) => pick("doel resultaatlijn", "result line goal"),
            Edit::SetPlannedAs(..) => pick("functie gepland als", "function planned as"),
            Edit::SetOutputKind(..) => pick("soort kengetal", "kind of output figure"),
            Edit::SetActivityStatus { year, .. } => {
                format!("{} {year}", pick("status activiteit", "activity status"))
            }
            Edit::SetMilestone { year, .. } => format!("{} {year}", pick("mijlpaal", "milestone")),
            Edit::SetExplanation { year, .. } => {
                format!("{} {year}", pick("toelichting", "explanation"))
            }
            Edit::ReplaceResultLines(import) => {
                format!(
                    "{} {}",
                    pick("realisatie importeren", "import actuals"),
                    import.year
                )
            }
        }
    }
}

/// Why an edit was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0:?} no longer there")]
    NotFound(Thing),
    /// Why the edit was refused: in Dutch, and in English.
    #[error("{0}")]
    Invalid(String, String),
}

impl EditError {
    /// The reason in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::NotFound(what), Lang::Nl) => {
                format!("{} bestaat niet (meer)", what.noun(lang))
            }
            (EditError::NotFound(what), Lang::En) => {
                format!("{} is no longer there", what.noun(lang))
            }
            (EditError::Invalid(nl, _), Lang::Nl) => nl.clone(),
            (EditError::Invalid(_, en), Lang::En) => en.clone(),
        }
    }
}

/// What an edit was about that is no longer in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    StrategicGoal,
    OperationalGoal,
    Goal,
    Activity,
    SalaryProfile,
    IncomeLine,
    Line,
    Account,
    Section,
    Reserve,
    Indicator,
    OutputFigure,
    Function,
    Conflict,
    ConflictPlace,
    /// The realised figures of a year.
    ActualsYear(i32),
    /// The field or value the edit names.
    Field,
}

impl Thing {
    /// The noun with its article, to start a sentence: `het strategisch doel`, `the strategic goal`.
    pub fn noun(self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let (nl, en_text) = match self {
            Thing::StrategicGoal => ("het strategisch doel", "the strategic goal"),
            Thing::OperationalGoal => ("het operationeel doel", "the operational goal"),
            Thing::Goal => ("het doel", "the goal"),
            Thing::Activity => ("de activiteit", "the activity"),
            Thing::SalaryProfile => ("het loonprofiel", "the salary profile"),
            Thing::IncomeLine => ("de inkomstenlijn", "the income line"),
            Thing::Line => ("de lijn", "the line"),
            Thing::Account => ("de rekening", "the account"),
            Thing::Section => ("de rubriek", "the section"),
            Thing::Reserve => ("de reserve", "the reserve"),
            Thing::Indicator => ("de indicator", "the indicator"),
            Thing::OutputFigure => ("het kengetal", "the output figure"),
            Thing::Function => ("de functie", "the function"),
            Thing::Conflict => ("dit conflict", "this conflict"),
            Thing::ConflictPlace => ("de plaats van dit conflict", "the place of this conflict"),
            Thing::Field => ("dit veld", "this field"),
            Thing::ActualsYear(year) => {
                return if en {
                    format!("the realised figures of {year}")
                } else {
                    format!("de realisatie van {year}")
                };
            }
        };
        if en { en_text } else { nl }.to_string()
    }
}

/// A refusal, in Dutch and in English.
fn refused(nl: impl Into<String>, en: impl Into<String>) -> EditError {
    EditError::Invalid(nl.into(), en.into())
}

struct Step {
    /// The label in Dutch and in English (rendered when the edit was made).
    labels: [String; 2],
    /// The parts of the plan the edit changed, as they were before it.
    before: Patch,
    before_revision: u64,
    after_revision: u64,
}

/// The open plan with its history.
pub struct Document {
    plan: Plan,
    undo: Vec<Step>,
    /// Undone steps with the parts as they were after the edit.
    redo: Vec<(Step, Patch)>,
    revision: u64,
    next_revision: u64,
    saved_revision: u64,
}

/// How many steps undo remembers.
const HISTORY: usize = 500;

impl Document {
    pub fn new(plan: Plan) -> Document {
        Document {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
            saved_revision: 0,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Changes whenever the plan changes (also by undo/redo); derived numbers are recomputed
    /// when it does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Unsaved changes: the plan differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records the date of a save in the plan (`meta.last_changed`). Not an edit: no undo step,
    /// the derived numbers do not depend on it.
    pub fn stamp_saved_date(&mut self, date: &str) {
        self.plan.meta.last_changed = date.to_string();
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Forgets the saved state, e.g. when the plan came from a template or a recovery copy.
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = u64::MAX;
    }

    pub fn undo_label(&self, lang: Lang) -> Option<&str> {
        self.undo.last().map(|s| s.labels[lang as usize].as_str())
    }

    pub fn redo_label(&self, lang: Lang) -> Option<&str> {
        self.redo
            .last()
            .map(|(s, _)| s.labels[lang as usize].as_str())
    }

    /// Applies one edit as one undo step. An edit that would make the plan invalid is refused and
    /// leaves the plan as it was. An edit that changes nothing adds no step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let labels = [
            edit.label(&self.plan, Lang::Nl),
            edit.label(&self.plan, Lang::En),
        ];
        if let Some(index) = goal_scope(&self.plan, &edit) {
            return self.apply_in_goal(edit, index, labels);
        }
        let mut changed = self.plan.clone();
        apply_to(&mut changed, &edit)?;
        if changed == self.plan {
            return Ok(());
        }
        if let Some(problem) = validate(&changed).into_iter().next() {
            return Err(EditError::Invalid(problem.message_nl, problem.message));
        }
        let before = Patch::between(&self.plan, &changed);
        self.plan = changed;
        self.record(labels, before);
        Ok(())
    }

    /// Makes the change just made one undo step: `before` holds the parts it replaced.
    fn record(&mut self, labels: [String; 2], before: Patch) {
        let after_revision = self.next_revision;
        self.next_revision += 1;
        self.undo.push(Step {
            labels,
            before,
            before_revision: self.revision,
            after_revision,
        });
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision = after_revision;
    }

    /// [`Document::apply`] for an edit that changes only the strategic goal at `index`: keeps a
    /// copy of that goal (not of the plan), edits in place and checks only the rules about that
    /// goal when its ids and codes stayed (every other rule then keeps its verdict). A refused
    /// edit puts the goal back. Debug builds check both shortcuts against the whole plan.
    fn apply_in_goal(
        &mut self,
        edit: Edit,
        index: usize,
        labels: [String; 2],
    ) -> Result<(), EditError> {
        #[cfg(debug_assertions)]
        let whole_before = self.plan.clone();
        let before = self.plan.strategic_goals[index].clone();
        let result = apply_to(&mut self.plan, &edit).and_then(|()| {
            #[cfg(debug_assertions)]
            {
                let mut others = self.plan.clone();
                others.strategic_goals[index] = before.clone();
                assert!(
                    others == whole_before,
                    "{edit:?} changed more than strategic goal {index}"
                );
            }
            let after = &self.plan.strategic_goals[index];
            if *after == before {
                return Ok(false);
            }
            let problems = if goal_names(after) == goal_names(&before) {
                validate_strategic_goal(&self.plan, index)
            } else {
                validate(&self.plan)
            };
            #[cfg(debug_assertions)]
            if validate(&whole_before).is_empty() {
                assert_eq!(
                    problems.is_empty(),
                    validate(&self.plan).is_empty(),
                    "validating only strategic goal {index} after {edit:?}"
                );
            }
            match problems.into_iter().next() {
                Some(problem) => Err(EditError::Invalid(problem.message_nl, problem.message)),
                None => Ok(true),
            }
        });
        match result {
            Err(error) => {
                self.plan.strategic_goals[index] = before;
                return Err(error);
            }
            Ok(false) => return Ok(()),
            Ok(true) => {}
        }
        self.record(labels, Patch::goal(index, before));
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        let before = std::mem::replace(&mut step.before, Patch::empty());
        let after = before.swap(&mut self.plan);
        self.revision = step.before_revision;
        self.redo.push((step, after));
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some((mut step, after)) = self.redo.pop() else {
            return false;
        };
        step.before = after.swap(&mut self.plan);
        self.revision = step.after_revision;
        self.undo.push(step);
        true
    }
}

/// The position of the strategic goal that holds `id` (the goal itself, one of its operational
/// goals, activities or indicators).
fn strategic_index(plan: &Plan, id: Id) -> Option<usize> {
    plan.strategic_goals.iter().position(|sd| {
        sd.id == id
            || sd.indicators.iter().any(|i| i.id == id)
            || sd.operational_goals.iter().any(|od| {
                od.id == id
                    || od.activities.iter().any(|a| a.id == id)
                    || od.indicators.iter().any(|i| i.id == id)
            })
    })
}

/// For the frequent edits that change one strategic goal and nothing else (a text, a yearly
/// value, an activity, a link or profile of a goal): that goal's position. `None` for every
/// other edit, which [`Document::apply`] checks against the whole plan.
fn goal_scope(plan: &Plan, edit: &Edit) -> Option<usize> {
    let id = match edit {
        Edit::SetText(
            TextField::GoalCode(id)
            | TextField::GoalTitle(id)
            | TextField::GoalNote(id)
            | TextField::GoalDescription(id)
            | TextField::Situering(id)
            | TextField::Werking(id)
            | TextField::IndicatorText(id)
            | TextField::ActivityDescription(id),
            _,
        )
        | Edit::SetYear(
            YearField::GoalFte(id)
            | YearField::GoalOperating(id)
            | YearField::GoalFundFinanced(id)
            | YearField::IndicatorActual(id),
            ..,
        ) => *id,
        Edit::SetActivityType(id, _)
        | Edit::SetActivityYears(id, ..)
        | Edit::SetTarget(id, _)
        | Edit::SetCoreTask { goal: id, .. } => *id,
        Edit::SetProfile(owner, _) if plan.operational_goal(*owner).is_some() => *owner,
        _ => return None,
    };
    strategic_index(plan, id)
}

/// The ids and codes of a strategic goal and everything in it, in order.
fn goal_names(sd: &StrategicGoal) -> (Vec<Id>, Vec<&str>) {
    let mut ids = vec![sd.id];
    let mut codes = vec![sd.code.as_str()];
    ids.extend(sd.indicators.iter().map(|i| i.id));
    for od in &sd.operational_goals {
        ids.push(od.id);
        codes.push(od.code.as_str());
        ids.extend(od.activities.iter().map(|a| a.id));
        ids.extend(od.indicators.iter().map(|i| i.id));
    }
    (ids, codes)
}

fn text_mut<'a>(plan: &'a mut Plan, field: &TextField) -> Option<&'a mut String> {
    Some(match *field {
        TextField::Organisation => &mut plan.meta.organisation,
        TextField::Title => &mut plan.meta.title,
        TextField::Scenario => &mut plan.meta.scenario,
        TextField::ScenarioDescription => &mut plan.meta.scenario_description,
        TextField::Author => &mut plan.meta.author,
        TextField::Mission => &mut plan.mission,
        TextField::GoalCode(id) => {
            if plan.strategic_goals.iter().any(|sd| sd.id == id) {
                &mut plan.strategic_goal_mut(id)?.code
            } else {
                &mut plan.operational_goal_mut(id)?.code
            }
        }
        TextField::GoalTitle(id) => {
            if plan.strategic_goals.iter().any(|sd| sd.id == id) {
                &mut plan.strategic_goal_mut(id)?.title
            } else {
                &mut plan.operational_goal_mut(id)?.title
            }
        }
        TextField::GoalNote(id) => {
            if plan.strategic_goals.iter().any(|sd| sd.id == id) {
                &mut plan.strategic_goal_mut(id)?.note
            } else {
                &mut plan.operational_goal_mut(id)?.note
            }
        }
        TextField::GoalDescription(id) => &mut plan.strategic_goal_mut(id)?.description,
        TextField::Situering(id) => &mut plan.operational_goal_mut(id)?.situering,
        TextField::Werking(id) => &mut plan.operational_goal_mut(id)?.werking,
        TextField::IndicatorText(id) => &mut plan.indicators_mut().find(|i| i.id == id)?.text,
        TextField::PriorityTitle(id) => &mut plan.priorities.iter_mut().find(|p| p.id == id)?.title,
        TextField::PriorityText(id) => &mut plan.priorities.iter_mut().find(|p| p.id == id)?.text,
        TextField::SectionTitle(id) => &mut plan.sections.iter_mut().find(|s| s.id == id)?.title,
        TextField::SectionText(id) => &mut plan.sections.iter_mut().find(|s| s.id == id)?.text,
        TextField::ActivityDescription(id) => {
            if plan.activity_mut(id).is_some() {
                &mut plan.activity_mut(id)?.description
            } else {
                &mut added_activity_mut(plan, id)?.description
            }
        }
        TextField::Name(id) => name_mut(plan, id)?,
        TextField::AccountCode(id) => {
            &mut plan
                .accounts
                .iter_mut()
                .flat_map(|s| s.lines.iter_mut())
                .find(|l| l.id == id)?
                .code
        }
        TextField::CoreTaskCode(id) => &mut plan.core_tasks.iter_mut().find(|t| t.id == id)?.code,
        TextField::CoreTaskTitle(id) => &mut plan.core_tasks.iter_mut().find(|t| t.id == id)?.title,
        TextField::CoreTaskDescription(id) => {
            &mut plan.core_tasks.iter_mut().find(|t| t.id == id)?.description
        }
        TextField::ActualReason { year, id } => {
            let realised = plan.actuals.year_mut(year)?;
            if let Some(i) = realised.activities.iter().position(|r| r.activity == id) {
                &mut realised.activities[i].reason
            } else {
                &mut realised
                    .added_activities
                    .iter_mut()
                    .find(|a| a.id == id)?
                    .reason
            }
        }
        TextField::ReplacedBy { year, activity } => {
            &mut plan
                .actuals
                .year_mut(year)?
                .activities
                .iter_mut()
                .find(|r| r.activity == activity)?
                .replaced_by
        }
    })
}

fn added_activity_mut(plan: &mut Plan, id: Id) -> Option<&mut AddedActivity> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.added_activities.iter_mut())
        .find(|a| a.id == id)
}

fn result_line_mut(plan: &mut Plan, id: Id) -> Option<&mut ResultLine> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.result_lines.iter_mut())
        .find(|l| l.id == id)
}

fn staff_actual_mut(plan: &mut Plan, id: Id) -> Option<&mut StaffActual> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.staff.iter_mut())
        .find(|l| l.id == id)
}

fn output_mut(plan: &mut Plan, id: Id) -> Option<&mut OutputFigure> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.output.iter_mut())
        .find(|o| o.id == id)
}

fn output_part_mut(plan: &mut Plan, id: Id) -> Option<&mut OutputPart> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.output.iter_mut())
        .flat_map(|o| o.breakdown.iter_mut())
        .find(|p| p.id == id)
}

/// The realised year, added (in year order) when missing; refused outside the plan period.
fn actuals_year(plan: &mut Plan, year: i32) -> Result<&mut YearActuals, EditError> {
    if !plan.years().contains(&year) {
        return Err(refused(
            format!("{year} valt buiten de planperiode"),
            format!("{year} lies outside the plan period"),
        ));
    }
    let at = match plan.actuals.years.iter().position(|y| y.year == year) {
        Some(at) => at,
        None => {
            let at = plan
                .actuals
                .years
                .iter()
                .position(|y| y.year > year)
                .unwrap_or(plan.actuals.years.len());
            plan.actuals.years.insert(at, YearActuals::new(year));
            at
        }
    };
    Ok(&mut plan.actuals.years[at])
}

/// The realised number an [`ActualValue`] names, and whether it may be left empty.
fn actual_value_mut(
    plan: &mut Plan,
    value: ActualValue,
) -> Result<(&mut Option<Decimal>, bool), EditError> {
    let missing = || EditError::NotFound(Thing::Field);
    Ok(match value {
        ActualValue::OutputOfTotal(id) => (
            &mut output_mut(plan, id).ok_or_else(missing)?.of_total,
            true,
        ),
        ActualValue::OutputPercent(id) => {
            (&mut output_mut(plan, id).ok_or_else(missing)?.percent, true)
        }
        ActualValue::PartCount(id) => (
            &mut output_part_mut(plan, id).ok_or_else(missing)?.count,
            true,
        ),
        ActualValue::PartPercent(id) => (
            &mut output_part_mut(plan, id).ok_or_else(missing)?.percent,
            true,
        ),
        ActualValue::Printed(year, total) => (
            plan.actuals
                .year_mut(year)
                .ok_or_else(missing)?
                .printed_mut(total),
            true,
        ),
        _ => return Err(missing()),
    })
}

/// Sets a required realised number (`None` makes it zero).
fn set_required_actual(
    plan: &mut Plan,
    value: ActualValue,
    new: Option<Decimal>,
) -> Result<bool, EditError> {
    let missing = || EditError::NotFound(Thing::Field);
    let new = new.unwrap_or_default().normalize();
    let target = match value {
        ActualValue::LineAmount(id) => &mut result_line_mut(plan, id).ok_or_else(missing)?.amount,
        ActualValue::PayrollFte(id) => {
            &mut staff_actual_mut(plan, id).ok_or_else(missing)?.payroll_fte
        }
        ActualValue::AvailableFte(id) => {
            &mut staff_actual_mut(plan, id)
                .ok_or_else(missing)?
                .available_fte
        }
        ActualValue::OutputValue(id) => &mut output_mut(plan, id).ok_or_else(missing)?.value,
        _ => return Ok(false),
    };
    *target = new;
    Ok(true)
}

/// Refuses, with a reason the user reads, a realised number outside what it can be: a
/// percentage outside 0-100, an NPS outside -100 to 100, a negative count.
fn check_actual_range(
    plan: &Plan,
    value: ActualValue,
    new: Option<Decimal>,
) -> Result<(), EditError> {
    let Some(new) = new else {
        return Ok(());
    };
    let kind_of = |output: Id| {
        plan.actuals
            .years
            .iter()
            .flat_map(|y| &y.output)
            .find(|o| o.id == output || o.breakdown.iter().any(|p| p.id == output))
            .map(|o| o.kind)
    };
    let hundred = Decimal::ONE_HUNDRED;
    let (low, high, what) = match value {
        ActualValue::OutputPercent(_) => {
            (Decimal::ZERO, hundred, ("een percentage", "a percentage"))
        }
        ActualValue::PartPercent(id) if kind_of(id) == Some(OutputKind::Nps) => {
            (-hundred, hundred, ("een NPS", "an NPS"))
        }
        ActualValue::PartPercent(_) => (Decimal::ZERO, hundred, ("een percentage", "a percentage")),
        ActualValue::OutputValue(id) => match kind_of(id) {
            Some(OutputKind::Satisfaction) => {
                (Decimal::ZERO, hundred, ("een percentage", "a percentage"))
            }
            Some(OutputKind::Nps) => (-hundred, hundred, ("een NPS", "an NPS")),
            _ => (
                Decimal::ZERO,
                crate::model::MAX_AMOUNT,
                ("een aantal", "a count"),
            ),
        },
        ActualValue::OutputOfTotal(_) | ActualValue::PartCount(_) => (
            Decimal::ZERO,
            crate::model::MAX_AMOUNT,
            ("een aantal", "a count"),
        ),
        _ => return Ok(()),
    };
    if new < low || new > high {
        let (new, low, high) = (
            crate::numfmt::exact(new),
            crate::numfmt::exact(low),
            crate::numfmt::exact(high),
        );
        return Err(refused(
            format!("{new} kan niet: dit is {} van {low} tot {high}", what.0),
            format!(
                "{new} is not possible: this is {} from {low} to {high}",
                what.1
            ),
        ));
    }
    Ok(())
}

/// Drops what the realised years say about things that are gone (an activity, an indicator, a
/// goal), and unlinks lines and functions from goals, staff lines and profiles that are gone.
fn prune_actuals(plan: &mut Plan) {
    if plan.actuals.years.is_empty() {
        return;
    }
    let strategic: Vec<Id> = plan.strategic_goals.iter().map(|sd| sd.id).collect();
    let operational: Vec<Id> = plan.operational_goals().map(|(_, od)| od.id).collect();
    let activities: Vec<Id> = plan
        .operational_goals()
        .flat_map(|(_, od)| od.activities.iter().map(|a| a.id))
        .collect();
    let indicators: Vec<Id> = crate::calc::actuals::indicators_with_goal(plan)
        .iter()
        .map(|(_, i)| i.id)
        .collect();
    let planned_as: Vec<Id> = plan
        .staff_lines
        .iter()
        .map(|l| l.id)
        .chain(plan.salary_profiles.iter().map(|p| p.id))
        .collect();
    for year in &mut plan.actuals.years {
        for line in &mut year.result_lines {
            if line.goal.is_some_and(|g| !strategic.contains(&g)) {
                line.goal = None;
            }
        }
        for staff in &mut year.staff {
            if staff.planned_as.is_some_and(|p| !planned_as.contains(&p)) {
                staff.planned_as = None;
            }
        }
        year.activities.retain(|r| activities.contains(&r.activity));
        year.added_activities
            .retain(|a| operational.contains(&a.goal));
        year.milestones
            .retain(|m| indicators.contains(&m.indicator));
        year.explanations.retain(|e| match e.figure {
            ActualFigure::OperatingGoal(goal) => strategic.contains(&goal),
            _ => true,
        });
    }
}

/// Carries out [`Edit::ReplaceResultLines`]; the rule is described at [`ResultLinesImport`].
fn replace_result_lines(plan: &mut Plan, import: &ResultLinesImport) -> Result<(), EditError> {
    if let Some(line) = import.lines.iter().find(|l| !l.category.fits(l.side)) {
        return Err(refused(
            format!("de categorie van '{}' past niet bij de zijde", line.name),
            format!("the category of '{}' does not fit its side", line.name),
        ));
    }
    let old = actuals_year(plan, import.year)?.result_lines.clone();
    let mut used: Vec<Id> = Vec::new();
    let mut lines = Vec::with_capacity(import.lines.len());
    for new in &import.lines {
        let kept = old
            .iter()
            .find(|l| same_key(&l.name, &new.name) && l.side == new.side && !used.contains(&l.id))
            .map(|l| l.id);
        let id = match kept {
            Some(id) => id,
            None => plan.new_id(),
        };
        used.push(id);
        lines.push(ResultLine {
            id,
            name: new.name.trim().to_string(),
            side: new.side,
            category: new.category,
            goal: new.goal,
            amount: new.amount.normalize(),
        });
    }
    let year = actuals_year(plan, import.year)?;
    year.result_lines = lines;
    year.printed_cost = import.printed_cost.map(|v| v.normalize());
    year.printed_income = import.printed_income.map(|v| v.normalize());
    year.printed_result = import.printed_result.map(|v| v.normalize());
    Ok(())
}

fn name_mut(plan: &mut Plan, id: Id) -> Option<&mut String> {
    if let Some(l) = plan.staff_lines.iter_mut().find(|l| l.id == id) {
        return Some(&mut l.name);
    }
    if let Some(p) = plan.salary_profiles.iter_mut().find(|p| p.id == id) {
        return Some(&mut p.name);
    }
    if let Some(l) = plan
        .overhead
        .iter_mut()
        .chain(plan.income.iter_mut())
        .find(|l| l.id == id)
    {
        return Some(&mut l.name);
    }
    if let Some(f) = plan.funds.iter_mut().find(|f| f.id == id) {
        return Some(&mut f.name);
    }
    if plan.accounts.iter().any(|s| s.id == id) {
        return plan
            .accounts
            .iter_mut()
            .find(|s| s.id == id)
            .map(|s| &mut s.name);
    }
    if plan
        .accounts
        .iter()
        .flat_map(|s| &s.lines)
        .any(|l| l.id == id)
    {
        return plan
            .accounts
            .iter_mut()
            .flat_map(|s| s.lines.iter_mut())
            .find(|l| l.id == id)
            .map(|l| &mut l.name);
    }
    // The realised years: result lines, functions, output figures and their target groups.
    for year in &mut plan.actuals.years {
        if let Some(line) = year.result_lines.iter_mut().find(|l| l.id == id) {
            return Some(&mut line.name);
        }
        if let Some(staff) = year.staff.iter_mut().find(|l| l.id == id) {
            return Some(&mut staff.name);
        }
        for figure in &mut year.output {
            if figure.id == id {
                return Some(&mut figure.label);
            }
            if let Some(part) = figure.breakdown.iter_mut().find(|p| p.id == id) {
                return Some(&mut part.target_group);
            }
        }
    }
    None
}

/// The amounts of a line or profile that can follow a rule.
fn amounts_mut(plan: &mut Plan, id: Id) -> Option<&mut Amounts> {
    if let Some(p) = plan.salary_profiles.iter_mut().find(|p| p.id == id) {
        return Some(&mut p.cost_per_fte);
    }
    if let Some(l) = plan
        .overhead
        .iter_mut()
        .chain(plan.income.iter_mut())
        .find(|l| l.id == id)
    {
        return Some(&mut l.amounts);
    }
    plan.accounts
        .iter_mut()
        .flat_map(|s| s.lines.iter_mut())
        .find(|l| l.id == id)
        .map(|l| &mut l.amounts)
}

/// Whether anything in the plan still refers to `id` (as profile, fund, core task, type).
fn is_referenced(plan: &Plan, id: Id) -> bool {
    plan.operational_goals().any(|(sd, od)| {
        od.salary_profile == id
            || od.fund == Some(id)
            || od.core_tasks.contains(&id)
            || sd.core_tasks.contains(&id)
    }) || plan.staff_lines.iter().any(|l| l.salary_profile == id)
}

fn yearly_mut<'a>(plan: &'a mut Plan, field: &YearField) -> Result<&'a mut Yearly, EditError> {
    let missing = || EditError::NotFound(Thing::Field);
    Ok(match *field {
        YearField::GoalFte(id) => &mut plan.operational_goal_mut(id).ok_or_else(missing)?.fte,
        YearField::GoalOperating(id) => {
            &mut plan.operational_goal_mut(id).ok_or_else(missing)?.operating
        }
        YearField::GoalFundFinanced(id) => {
            &mut plan
                .operational_goal_mut(id)
                .ok_or_else(missing)?
                .fund_financed
        }
        YearField::StaffLineFte(id) => {
            &mut plan
                .staff_lines
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or_else(missing)?
                .fte
        }
        YearField::AvailableFte => &mut plan.available_fte,
        YearField::ProfileCost(id) => {
            let profile = plan
                .salary_profiles
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or_else(missing)?;
            per_year_mut(&mut profile.cost_per_fte)?
        }
        YearField::LineAmount(id) => {
            let amounts = if let Some(line) = plan
                .overhead
                .iter_mut()
                .chain(plan.income.iter_mut())
                .find(|l| l.id == id)
            {
                &mut line.amounts
            } else {
                &mut plan
                    .accounts
                    .iter_mut()
                    .flat_map(|s| s.lines.iter_mut())
                    .find(|l| l.id == id)
                    .ok_or_else(missing)?
                    .amounts
            };
            per_year_mut(amounts)?
        }
        YearField::IndicatorActual(id) => {
            &mut plan
                .indicators_mut()
                .find(|i| i.id == id)
                .ok_or_else(missing)?
                .actuals
        }
    })
}

fn per_year_mut(amounts: &mut Amounts) -> Result<&mut Yearly, EditError> {
    match amounts {
        Amounts::PerYear(values) => Ok(values),
        Amounts::Rule(_) => Err(refused(
            "dit bedrag volgt een groeiregel; pas de regel aan",
            "this amount follows a growth rule; change the rule",
        )),
    }
}

fn default_profile(plan: &Plan) -> Result<Id, EditError> {
    plan.salary_profiles.first().map(|p| p.id).ok_or_else(|| {
        refused(
            "maak eerst een loonprofiel aan (Personeel)",
            "add a salary profile first (Staffing)",
        )
    })
}

/// Carries out an edit on a plan (without history); used by [`Document::apply`].
pub fn apply_to(plan: &mut Plan, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetText(field, value) => {
            *text_mut(plan, field).ok_or(EditError::NotFound(Thing::Field))? = value.clone();
        }
        Edit::SetYear(field, year, value) => {
            if !plan.years().contains(year) {
                return Err(refused(
                    format!("{year} valt buiten de planperiode"),
                    format!("{year} lies outside the plan period"),
                ));
            }
            if let (
                Some(v),
                YearField::GoalFte(_) | YearField::StaffLineFte(_) | YearField::AvailableFte,
            ) = (value, field)
                && v.is_sign_negative()
                && !v.is_zero()
            {
                return Err(refused(
                    "VTE kan niet negatief zijn",
                    "FTE cannot be negative",
                ));
            }
            yearly_mut(plan, field)?.set(*year, *value);
        }
        Edit::AddStrategicGoal { kind } => {
            let id = plan.new_id();
            plan.strategic_goals
                .push(StrategicGoal::new(id, *kind, "Nieuw strategisch doel"));
            assign_code(plan, id);
        }
        Edit::AddOperationalGoal { strategic_goal } => {
            let profile = default_profile(plan)?;
            let id = plan.new_id();
            let sd = plan
                .strategic_goal_mut(*strategic_goal)
                .ok_or(EditError::NotFound(Thing::StrategicGoal))?;
            sd.operational_goals
                .push(OperationalGoal::new(id, profile, "Nieuw operationeel doel"));
            assign_code(plan, id);
        }
        Edit::RemoveGoal(id) => {
            let before = plan.strategic_goals.len();
            plan.strategic_goals.retain(|sd| sd.id != *id);
            if plan.strategic_goals.len() == before {
                let sd = plan
                    .strategic_goals
                    .iter_mut()
                    .find(|sd| sd.operational_goals.iter().any(|od| od.id == *id))
                    .ok_or(EditError::NotFound(Thing::Goal))?;
                sd.operational_goals.retain(|od| od.id != *id);
            }
        }
        Edit::MoveGoal(id, delta) => {
            fn shift<T>(list: &mut [T], at: usize, delta: i32) {
                let to = at as i64 + delta as i64;
                if to >= 0 && (to as usize) < list.len() {
                    list.swap(at, to as usize);
                }
            }
            if let Some(at) = plan.strategic_goals.iter().position(|sd| sd.id == *id) {
                shift(&mut plan.strategic_goals, at, *delta);
            } else {
                let sd = plan
                    .strategic_goals
                    .iter_mut()
                    .find(|sd| sd.operational_goals.iter().any(|od| od.id == *id))
                    .ok_or(EditError::NotFound(Thing::Goal))?;
                let at = sd
                    .operational_goals
                    .iter()
                    .position(|od| od.id == *id)
                    .unwrap_or(0);
                shift(&mut sd.operational_goals, at, *delta);
            }
        }
        Edit::Renumber => {
            for (id, code) in plan.positional_codes() {
                if let Some(sd) = plan.strategic_goal_mut(id) {
                    sd.code = code;
                } else if let Some(od) = plan.operational_goal_mut(id) {
                    od.code = code;
                }
            }
        }
        Edit::AddActivity { goal } => {
            let activity_type = plan.activity_types.first().map(|t| t.id).ok_or_else(|| {
                refused(
                    "er zijn geen activiteitstypes",
                    "there are no activity types",
                )
            })?;
            let (first_year, last_year) = (plan.meta.first_year, plan.meta.last_year);
            let id = plan.new_id();
            plan.operational_goal_mut(*goal)
                .ok_or(EditError::NotFound(Thing::OperationalGoal))?
                .activities
                .push(Activity {
                    id,
                    activity_type,
                    description: String::new(),
                    first_year,
                    last_year,
                });
        }
        Edit::RemoveActivity(id) => {
            for od in plan
                .strategic_goals
                .iter_mut()
                .flat_map(|sd| sd.operational_goals.iter_mut())
            {
                od.activities.retain(|a| a.id != *id);
            }
        }
        Edit::SetActivityType(id, activity_type) => {
            plan.activity_mut(*id)
                .ok_or(EditError::NotFound(Thing::Activity))?
                .activity_type = *activity_type;
        }
        Edit::SetActivityYears(id, first, last) => {
            if first > last {
                return Err(refused(
                    format!("het beginjaar {first} ligt na het eindjaar {last}"),
                    format!("the first year {first} comes after the last year {last}"),
                ));
            }
            let activity = plan
                .activity_mut(*id)
                .ok_or(EditError::NotFound(Thing::Activity))?;
            activity.first_year = *first;
            activity.last_year = *last;
        }
        Edit::AddIndicator { goal } => {
            let id = plan.new_id();
            let indicator = Indicator::new(id);
            match goal {
                None => plan.general_indicators.push(indicator),
                Some(goal) => {
                    if let Some(sd) = plan.strategic_goal_mut(*goal) {
                        sd.indicators.push(indicator);
                    } else {
                        plan.operational_goal_mut(*goal)
                            .ok_or(EditError::NotFound(Thing::Goal))?
                            .indicators
                            .push(indicator);
                    }
                }
            }
        }
        Edit::RemoveIndicator(id) => {
            plan.general_indicators.retain(|i| i.id != *id);
            for sd in &mut plan.strategic_goals {
                sd.indicators.retain(|i| i.id != *id);
                for od in &mut sd.operational_goals {
                    od.indicators.retain(|i| i.id != *id);
                }
            }
        }
        Edit::AddPriority => {
            let id = plan.new_id();
            plan.priorities.push(Priority {
                id,
                title: "Nieuwe prioriteit".into(),
                text: String::new(),
            });
        }
        Edit::RemovePriority(id) => plan.priorities.retain(|p| p.id != *id),
        Edit::SetCoreTask { goal, task, linked } => {
            let tasks = if let Some(sd) = plan.strategic_goal_mut(*goal) {
                &mut sd.core_tasks
            } else {
                &mut plan
                    .operational_goal_mut(*goal)
                    .ok_or(EditError::NotFound(Thing::Goal))?
                    .core_tasks
            };
            tasks.retain(|t| t != task);
            if *linked {
                tasks.push(*task);
                tasks.sort();
            }
        }
        Edit::AddLine(list) => add_line(plan, *list)?,
        Edit::RemoveLine(id) => {
            if is_referenced(plan, *id) {
                return Err(refused(
                    "deze lijn is nog in gebruik; koppel eerst de doelen of lijnen los",
                    "this line is still in use; unlink the goals or lines first",
                ));
            }
            plan.staff_lines.retain(|l| l.id != *id);
            plan.salary_profiles.retain(|p| p.id != *id);
            plan.overhead.retain(|l| l.id != *id);
            plan.income.retain(|l| l.id != *id);
            plan.funds.retain(|f| f.id != *id);
            plan.core_tasks.retain(|t| t.id != *id);
            plan.accounts.retain(|s| s.id != *id);
            for section in &mut plan.accounts {
                section.lines.retain(|l| l.id != *id);
            }
            for year in &mut plan.actuals.years {
                year.result_lines.retain(|l| l.id != *id);
                year.staff.retain(|l| l.id != *id);
                year.output.retain(|o| o.id != *id);
                for figure in &mut year.output {
                    figure.breakdown.retain(|p| p.id != *id);
                }
                year.added_activities.retain(|a| a.id != *id);
            }
        }
        Edit::SetProfile(owner, profile) => {
            if !plan.salary_profiles.iter().any(|p| p.id == *profile) {
                return Err(EditError::NotFound(Thing::SalaryProfile));
            }
            if let Some(line) = plan.staff_lines.iter_mut().find(|l| l.id == *owner) {
                line.salary_profile = *profile;
            } else {
                plan.operational_goal_mut(*owner)
                    .ok_or(EditError::NotFound(Thing::Goal))?
                    .salary_profile = *profile;
            }
        }
        Edit::SetIncomeKind(id, kind) => {
            plan.income
                .iter_mut()
                .find(|l| l.id == *id)
                .ok_or(EditError::NotFound(Thing::IncomeLine))?
                .kind = *kind;
        }
        Edit::SetPrintedGroup(id, group) => {
            plan.overhead
                .iter_mut()
                .chain(plan.income.iter_mut())
                .find(|l| l.id == *id)
                .ok_or(EditError::NotFound(Thing::Line))?
                .printed_group = group
                .as_deref()
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(str::to_string);
        }
        Edit::SetSide(id, side) if result_line_mut(plan, *id).is_some() => {
            let line = result_line_mut(plan, *id).ok_or(EditError::NotFound(Thing::Line))?;
            line.side = *side;
            if !line.category.fits(*side) {
                line.category = default_category(*side);
            }
        }
        Edit::SetSide(id, side) => {
            let line = plan
                .accounts
                .iter_mut()
                .flat_map(|s| s.lines.iter_mut())
                .find(|l| l.id == *id)
                .ok_or(EditError::NotFound(Thing::Account))?;
            line.side = *side;
            // A chosen category of the other side no longer applies.
            if line.category.is_some_and(|c| !c.fits(*side)) {
                line.category = None;
            }
        }
        Edit::SetRule(id, rule) => {
            let years: Vec<i32> = plan.years().collect();
            let amounts = amounts_mut(plan, *id).ok_or(EditError::NotFound(Thing::Line))?;
            *amounts = match rule {
                Some(rule) => Amounts::Rule(rule.clone()),
                None => Amounts::PerYear(Yearly(
                    years
                        .iter()
                        .map(|y| (*y, amounts.value(*y).normalize()))
                        .collect(),
                )),
            };
        }
        Edit::SetFund {
            id,
            opening_balance,
            receives_balance,
        } => {
            if *receives_balance {
                for fund in &mut plan.funds {
                    fund.receives_balance = false;
                }
            }
            let fund = plan
                .funds
                .iter_mut()
                .find(|f| f.id == *id)
                .ok_or(EditError::NotFound(Thing::Reserve))?;
            fund.opening_balance = *opening_balance;
            fund.receives_balance = *receives_balance;
        }
        Edit::SetTarget(id, target) => {
            plan.indicators_mut()
                .find(|i| i.id == *id)
                .ok_or(EditError::NotFound(Thing::Indicator))?
                .target = target.clone();
        }
        Edit::SetPeriod(first, last) => {
            if first > last {
                return Err(refused(
                    format!("het eerste jaar {first} ligt na het laatste {last}"),
                    format!("the first year {first} comes after the last {last}"),
                ));
            }
            plan.meta.first_year = *first;
            plan.meta.last_year = *last;
            if let Some(problem) = validate(plan)
                .into_iter()
                .find(|p| p.message.contains("outside the plan period"))
            {
                return Err(refused(
                    format!(
                        "er staan nog waarden buiten {first}-{last}; maak ze eerst leeg ({})",
                        problem.message_nl
                    ),
                    format!(
                        "there are values outside {first}-{last}; clear them first ({})",
                        problem.message
                    ),
                ));
            }
        }
        Edit::SetAccountCategory(id, category) => {
            let line = plan
                .accounts
                .iter_mut()
                .flat_map(|s| s.lines.iter_mut())
                .find(|l| l.id == *id)
                .ok_or(EditError::NotFound(Thing::Account))?;
            if let Some(category) = category
                && !category.fits(line.side)
            {
                let (nl, en) = match line.side {
                    Side::Cost => ("kostenzijde", "cost side"),
                    Side::Income => ("opbrengstenzijde", "income side"),
                };
                return Err(refused(
                    format!(
                        "deze categorie past niet bij de {nl} van rekening {}",
                        line.code
                    ),
                    format!(
                        "this category does not fit the {en} of account {}",
                        line.code
                    ),
                ));
            }
            line.category = *category;
        }
        Edit::MergeAccounts(merge) => merge_accounts(plan, merge)?,
        Edit::ResolveConflict(index, side) => {
            crate::merge::resolve(plan, *index, *side).map_err(resolve_error)?
        }
        Edit::ResolveAllConflicts(side) => {
            crate::merge::resolve_all(plan, *side).map_err(resolve_error)?
        }
        Edit::AddActualsYear(year) => {
            if plan.actuals.year(*year).is_some() {
                return Err(refused(
                    format!("er is al een realisatie voor {year}"),
                    format!("there are actuals for {year} already"),
                ));
            }
            actuals_year(plan, *year)?;
        }
        Edit::RemoveActualsYear(year) => {
            if plan.actuals.year(*year).is_none() {
                return Err(EditError::NotFound(Thing::ActualsYear(*year)));
            }
            plan.actuals.years.retain(|y| y.year != *year);
        }
        Edit::SetActualsThreshold(percent) => {
            if *percent < Decimal::ZERO || *percent > Decimal::ONE_HUNDRED {
                return Err(refused(
                    "de drempel is een percentage van 0 tot 100",
                    "the threshold is a percentage from 0 to 100",
                ));
            }
            plan.actuals.threshold_percent = percent.normalize();
        }
        Edit::AddResultLine { year, side } => {
            let id = plan.new_id();
            actuals_year(plan, *year)?.result_lines.push(ResultLine {
                id,
                name: "Nieuwe lijn".into(),
                side: *side,
                category: default_category(*side),
                goal: None,
                amount: Decimal::ZERO,
            });
        }
        Edit::AddStaffActual { year } => {
            let id = plan.new_id();
            actuals_year(plan, *year)?.staff.push(StaffActual {
                id,
                name: "Nieuwe functie".into(),
                planned_as: None,
                payroll_fte: Decimal::ZERO,
                available_fte: Decimal::ZERO,
            });
        }
        Edit::AddOutput { year, kind } => {
            let id = plan.new_id();
            actuals_year(plan, *year)?.output.push(OutputFigure {
                id,
                kind: *kind,
                label: String::new(),
                value: Decimal::ZERO,
                of_total: None,
                percent: None,
                breakdown: Vec::new(),
            });
        }
        Edit::AddOutputPart { output } => {
            let id = plan.new_id();
            output_mut(plan, *output)
                .ok_or(EditError::NotFound(Thing::OutputFigure))?
                .breakdown
                .push(OutputPart {
                    id,
                    target_group: "Nieuwe doelgroep".into(),
                    count: None,
                    percent: None,
                });
        }
        Edit::AddUnplannedActivity { year, goal } => {
            if plan.operational_goal(*goal).is_none() {
                return Err(EditError::NotFound(Thing::OperationalGoal));
            }
            let id = plan.new_id();
            actuals_year(plan, *year)?
                .added_activities
                .push(AddedActivity {
                    id,
                    goal: *goal,
                    description: String::new(),
                    reason: String::new(),
                });
        }
        Edit::SetActual(value, new) => {
            if let Some(v) = new
                && v.is_sign_negative()
                && !v.is_zero()
                && matches!(
                    value,
                    ActualValue::PayrollFte(_) | ActualValue::AvailableFte(_)
                )
            {
                return Err(refused(
                    "VTE kan niet negatief zijn",
                    "FTE cannot be negative",
                ));
            }
            check_actual_range(plan, *value, *new)?;
            if !set_required_actual(plan, *value, *new)? {
                let (target, _) = actual_value_mut(plan, *value)?;
                *target = new.map(|v| v.normalize());
            }
        }
        Edit::SetActualCategory(id, category) => {
            let line = result_line_mut(plan, *id).ok_or(EditError::NotFound(Thing::Line))?;
            if !category.fits(line.side) {
                let (nl, en) = match line.side {
                    Side::Cost => ("kostenzijde", "cost side"),
                    Side::Income => ("inkomstenzijde", "income side"),
                };
                return Err(refused(
                    format!("deze categorie past niet bij de {nl} van '{}'", line.name),
                    format!("this category does not fit the {en} of '{}'", line.name),
                ));
            }
            line.category = *category;
        }
        Edit::SetActualGoal(id, goal) => {
            if let Some(goal) = goal
                && plan.strategic_goal(*goal).is_none()
            {
                return Err(EditError::NotFound(Thing::StrategicGoal));
            }
            result_line_mut(plan, *id)
                .ok_or(EditError::NotFound(Thing::Line))?
                .goal = *goal;
        }
        Edit::SetPlannedAs(id, planned_as) => {
            staff_actual_mut(plan, *id)
                .ok_or(EditError::NotFound(Thing::Function))?
                .planned_as = *planned_as;
        }
        Edit::SetOutputKind(id, kind) => {
            output_mut(plan, *id)
                .ok_or(EditError::NotFound(Thing::OutputFigure))?
                .kind = *kind;
        }
        Edit::SetActivityStatus {
            year,
            activity,
            status,
        } => {
            if plan
                .operational_goals()
                .all(|(_, od)| od.activities.iter().all(|a| a.id != *activity))
            {
                return Err(EditError::NotFound(Thing::Activity));
            }
            let realised = actuals_year(plan, *year)?;
            let existing = realised
                .activities
                .iter()
                .position(|r| r.activity == *activity);
            match (existing, status) {
                (Some(i), Some(status)) => realised.activities[i].status = *status,
                (Some(i), None) => {
                    realised.activities.remove(i);
                }
                (None, Some(status)) => realised.activities.push(ActivityReport {
                    activity: *activity,
                    status: *status,
                    replaced_by: String::new(),
                    reason: String::new(),
                }),
                (None, None) => {}
            }
        }
        Edit::SetMilestone {
            year,
            indicator,
            state,
        } => {
            if plan.indicators_mut().all(|i| i.id != *indicator) {
                return Err(EditError::NotFound(Thing::Indicator));
            }
            let realised = actuals_year(plan, *year)?;
            realised.milestones.retain(|m| m.indicator != *indicator);
            if let Some(state) = state {
                realised.milestones.push(MilestoneReport {
                    indicator: *indicator,
                    state: *state,
                });
            }
        }
        Edit::SetExplanation { year, figure, text } => {
            let realised = actuals_year(plan, *year)?;
            let text = text.trim();
            match realised
                .explanations
                .iter()
                .position(|e| e.figure == *figure)
            {
                Some(i) if text.is_empty() => {
                    realised.explanations.remove(i);
                }
                Some(i) => realised.explanations[i].text = text.to_string(),
                None if text.is_empty() => {}
                None => realised.explanations.push(Explanation {
                    figure: *figure,
                    text: text.to_string(),
                }),
            }
        }
        Edit::ReplaceResultLines(import) => replace_result_lines(plan, import)?,
    }
    prune_actuals(plan);
    Ok(())
}

fn resolve_error(error: crate::merge::ResolveError) -> EditError {
    use crate::merge::ResolveError;
    match error {
        ResolveError::NoSuchConflict(_) => EditError::NotFound(Thing::Conflict),
        ResolveError::PlaceGone => EditError::NotFound(Thing::ConflictPlace),
        ResolveError::Unreadable(reason) => refused(
            format!("de waarde van dit conflict past niet in het plan ({reason})"),
            format!("the value of this conflict does not fit the plan ({reason})"),
        ),
    }
}

/// Carries out [`Edit::MergeAccounts`]; the rule is described at [`AccountMerge`].
fn merge_accounts(plan: &mut Plan, merge: &AccountMerge) -> Result<(), EditError> {
    let years: Vec<i32> = plan.years().collect();
    let outside = merge.sections.iter().find_map(|s| {
        s.printed_cost
            .keys()
            .chain(s.printed_income.keys())
            .chain(s.lines.iter().flat_map(|l| l.amounts.keys()))
            .find(|y| !years.contains(y))
    });
    if let Some(year) = outside {
        return Err(refused(
            format!("{year} valt buiten de planperiode"),
            format!("{year} lies outside the plan period"),
        ));
    }
    for incoming in &merge.sections {
        let at = match plan
            .accounts
            .iter()
            .position(|s| same_key(&s.name, &incoming.name))
        {
            Some(at) => at,
            None => {
                let id = plan.new_id();
                plan.accounts.push(AccountSection {
                    id,
                    name: incoming.name.trim().to_string(),
                    lines: Vec::new(),
                    printed_cost: Yearly::default(),
                    printed_income: Yearly::default(),
                });
                plan.accounts.len() - 1
            }
        };
        for (side, printed) in [
            (Side::Cost, &incoming.printed_cost),
            (Side::Income, &incoming.printed_income),
        ] {
            for (year, value) in printed {
                plan.accounts[at].printed_mut(side).set(*year, *value);
            }
        }
        let matches = match_account_lines(&plan.accounts[at].lines, &incoming.lines);
        let kept_before = plan.accounts[at].lines.len();
        for (line, existing) in incoming.lines.iter().zip(matches.iter().copied()) {
            match existing {
                Some(i) => {
                    let target = &mut plan.accounts[at].lines[i];
                    if let Amounts::Rule(_) = target.amounts {
                        target.amounts = Amounts::PerYear(Yearly(
                            years
                                .iter()
                                .map(|y| (*y, target.amounts.value(*y).normalize()))
                                .filter(|(_, v)| !v.is_zero())
                                .collect(),
                        ));
                    }
                    let values = per_year_mut(&mut target.amounts)?;
                    for (year, value) in &line.amounts {
                        values.set(*year, *value);
                    }
                    if !line.name.trim().is_empty() {
                        target.name = line.name.trim().to_string();
                    }
                    target.side = line.side;
                    if target.category.is_some_and(|c| !c.fits(line.side)) {
                        target.category = None;
                    }
                }
                None => {
                    let id = plan.new_id();
                    let mut values = Yearly::default();
                    for (year, value) in &line.amounts {
                        values.set(*year, *value);
                    }
                    plan.accounts[at].lines.push(AccountLine {
                        id,
                        code: line.code.trim().to_string(),
                        name: line.name.trim().to_string(),
                        side: line.side,
                        category: None,
                        amounts: Amounts::PerYear(values),
                    });
                }
            }
        }
        if merge.remove_missing {
            // Lines that were there before the merge and that no incoming line matched.
            let mut keep = vec![false; kept_before];
            for at in matches.iter().flatten() {
                keep[*at] = true;
            }
            keep.resize(plan.accounts[at].lines.len(), true);
            let mut keep = keep.into_iter();
            plan.accounts[at]
                .lines
                .retain(|_| keep.next().unwrap_or(true));
        }
    }
    if let Some(basis) = merge.basis {
        plan.meta.budget_basis = basis;
    }
    Ok(())
}

fn add_line(plan: &mut Plan, list: LineList) -> Result<(), EditError> {
    let id = plan.new_id();
    match list {
        LineList::ServiceStaff | LineList::SupportStaff => {
            let salary_profile = default_profile(plan)?;
            let group = if list == LineList::ServiceStaff {
                StaffGroup::Service
            } else {
                StaffGroup::Support
            };
            plan.staff_lines.push(StaffLine {
                id,
                name: "Nieuwe lijn".into(),
                group,
                salary_profile,
                fte: Yearly::default(),
            });
        }
        LineList::SalaryProfile => plan.salary_profiles.push(SalaryProfile {
            id,
            name: "Nieuw profiel".into(),
            cost_per_fte: Amounts::default(),
        }),
        LineList::Overhead | LineList::Income => {
            let line = BudgetLine {
                id,
                name: "Nieuwe lijn".into(),
                kind: IncomeKind::Other,
                printed_group: None,
                amounts: Amounts::default(),
            };
            if list == LineList::Overhead {
                plan.overhead.push(line);
            } else {
                plan.income.push(line);
            }
        }
        LineList::Fund => plan.funds.push(ReserveFund {
            id,
            name: "Nieuwe reserve".into(),
            opening_balance: Decimal::ZERO,
            receives_balance: false,
        }),
        LineList::AccountSection => plan.accounts.push(AccountSection {
            id,
            name: "NIEUWE RUBRIEK".into(),
            lines: Vec::new(),
            printed_cost: Yearly::default(),
            printed_income: Yearly::default(),
        }),
        LineList::AccountLine(section) => plan
            .accounts
            .iter_mut()
            .find(|s| s.id == section)
            .ok_or(EditError::NotFound(Thing::Section))?
            .lines
            .push(AccountLine {
                id,
                code: "610000".into(),
                name: "Nieuwe rekening".into(),
                side: Side::Cost,
                category: None,
                amounts: Amounts::default(),
            }),
        LineList::CoreTask => {
            let code = format!("K{}", plan.core_tasks.len() + 1);
            plan.core_tasks.push(CoreTask {
                id,
                code,
                title: "Nieuwe kerntaak".into(),
                description: String::new(),
            })
        }
    }
    Ok(())
}

/// Gives a new goal the first free positional code.
fn assign_code(plan: &mut Plan, id: Id) {
    let taken: Vec<String> = plan
        .strategic_goals
        .iter()
        .flat_map(|sd| {
            std::iter::once(sd.code.clone())
                .chain(sd.operational_goals.iter().map(|od| od.code.clone()))
        })
        .collect();
    let positional = plan
        .positional_codes()
        .into_iter()
        .find(|(goal, _)| *goal == id)
        .map(|(_, code)| code)
        .unwrap_or_default();
    let mut code = positional.clone();
    let mut n = 2;
    while taken.contains(&code) {
        code = format!("{positional}-{n}");
        n += 1;
    }
    if let Some(sd) = plan.strategic_goal_mut(id) {
        sd.code = code;
    } else if let Some(od) = plan.operational_goal_mut(id) {
        od.code = code;
    }
}
