//! Rules a plan must satisfy to be accepted. A file that breaks one is refused on load with the
//! place named; the editor never produces one.

use super::{AccountCategory, ActualFigure, Amounts, Id, OutputKind, Plan, Side, Yearly};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One broken rule: what it is about, what is wrong, and where it is. Rendered for people by
/// [`crate::i18n::errors::problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub subject: Subject,
    pub kind: ProblemKind,
    /// Successive snippets of the file text that lead to the offending value (e.g. `id: 12,`, then
    /// `fte:`, then `2021:`), so a loader can name the line and column.
    pub anchor: Vec<String>,
}

impl Problem {
    fn new(subject: &Subject, kind: ProblemKind, anchor: Vec<String>) -> Problem {
        Problem {
            subject: subject.clone(),
            kind,
            anchor,
        }
    }

    /// Whether the problem is a value in a year outside the plan period.
    pub fn is_outside_period(&self) -> bool {
        matches!(
            self.kind,
            ProblemKind::YearOutsidePeriod { .. } | ProblemKind::ActualsYearOutsidePeriod { .. }
        )
    }
}

/// Who or what a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The plan as a whole (its period, ids, codes, conflicts).
    Plan,
    Reserve(String),
    SalaryProfile(String),
    AvailableFte,
    GeneralIndicator,
    /// A strategic or operational goal, by code.
    Goal(String),
    StaffLine(String),
    OverheadLine(String),
    IncomeLine(String),
    AccountSection(String),
    Account {
        code: String,
        name: String,
    },
    /// The realised figures of a year.
    Actuals(i32),
    ResultLine {
        year: i32,
        name: String,
    },
    Staff {
        year: i32,
        name: String,
    },
    Output {
        year: i32,
        label: String,
    },
    OutputPart {
        year: i32,
        label: String,
        group: String,
    },
    AddedActivity {
        year: i32,
        description: String,
    },
}

/// A value named in a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quantity {
    /// A field as the file names it (`fte`, `printed_cost`, `amount` ...).
    Field(String),
    /// A field's value for a year.
    FieldInYear(String, i32),
    BaseAmount,
    RoundingStep,
    OpeningBalance,
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    CoreTask,
    SalaryProfile,
    ReserveFund,
    ActivityType,
    StrategicGoal,
    OperationalGoal,
    Indicator,
    Activity,
    StaffLineOrProfile,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    TooLarge {
        what: Quantity,
        value: Decimal,
        limit: Decimal,
    },
    OutOfRange {
        field: String,
        value: Decimal,
        low: Decimal,
        high: Decimal,
    },
    YearOutsidePeriod {
        field: String,
        year: i32,
        first: i32,
        last: i32,
    },
    Negative {
        field: String,
        year: i32,
        value: Decimal,
    },
    NegativeFte {
        field: String,
        value: Decimal,
    },
    GrowthOutOfRange {
        percent: Decimal,
    },
    BaseYearOutOfRange {
        year: i32,
        low: i32,
        high: i32,
    },
    RuleTooLarge {
        year: i32,
        limit: Decimal,
    },
    NegativeRoundingStep {
        step: Decimal,
    },
    MissingReference {
        what: Referent,
        id: Id,
    },
    PeriodOutsideYears {
        first: i32,
        last: i32,
    },
    PeriodReversed {
        first: i32,
        last: i32,
    },
    PeriodTooLong {
        first: i32,
        last: i32,
    },
    DuplicateCode {
        code: String,
        count: usize,
    },
    EmptyCode,
    ConflictItemMissing {
        number: usize,
        item: Id,
    },
    NextIdTooLarge {
        next: Id,
        max: Id,
    },
    FundPartWithoutFund,
    FundPartAboveBudget {
        year: i32,
        part: Decimal,
        budget: Decimal,
    },
    ActivityYearsReversed {
        activity: String,
        first: i32,
        last: i32,
    },
    DuplicateId {
        id: Id,
        count: usize,
    },
    IdTooLarge {
        id: Id,
        max: Id,
    },
    IdNotBelowNext {
        id: Id,
        next: Id,
    },
    ThresholdOutOfRange {
        percent: Decimal,
    },
    ActualsYearOutsidePeriod {
        first: i32,
        last: i32,
    },
    ActualsYearTwice,
    CategoryNotOfSide {
        category: AccountCategory,
        side: Side,
    },
    MilestoneTwice {
        indicator: Id,
    },
    ActivityReportedTwice {
        activity: Id,
    },
    ExplainedTwice {
        figure: ActualFigure,
    },
}

fn id_anchor(id: Id) -> String {
    format!("id: {},", id.0)
}

struct Checker<'a> {
    plan: &'a Plan,
    problems: Vec<Problem>,
    ids: BTreeMap<Id, usize>,
}

/// The largest amount a plan may hold (a thousand billion euros); keeps every sum and product
/// of the calculations far from the limits of `Decimal`.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Ids and `next_id` stay at or below this (2^53: exact in spreadsheets and JSON too), which
/// leaves room for billions of new ids and never overflows.
pub const MAX_ID: Id = Id(1 << 53);
/// The largest FTE a line may hold.
pub const MAX_FTE: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

impl Checker<'_> {
    fn magnitude(
        &mut self,
        owner: &Subject,
        what: Quantity,
        value: Decimal,
        limit: Decimal,
        at: Vec<String>,
    ) {
        if value.abs() > limit {
            self.problems.push(Problem::new(
                owner,
                ProblemKind::TooLarge { what, value, limit },
                at,
            ));
        }
    }

    /// A value that must lie between `low` and `high`.
    fn range(
        &mut self,
        owner: &Subject,
        what: &str,
        value: Decimal,
        low: Decimal,
        high: Decimal,
        at: Vec<String>,
    ) {
        if value < low || value > high {
            let field = what.to_string();
            let kind = ProblemKind::OutOfRange {
                field,
                value,
                low,
                high,
            };
            self.problems.push(Problem::new(owner, kind, at));
        }
    }

    fn id(&mut self, id: Id) {
        *self.ids.entry(id).or_default() += 1;
    }

    fn years(
        &mut self,
        owner: &Subject,
        field: &str,
        values: &Yearly,
        anchor: &[String],
        non_negative: bool,
    ) {
        let (first, last) = (self.plan.meta.first_year, self.plan.meta.last_year);
        for (&year, &value) in &values.0 {
            let mut at = anchor.to_vec();
            at.push(format!("{field}:"));
            at.push(format!("{year}:"));
            let field = field.to_string();
            if year < first || year > last {
                let kind = ProblemKind::YearOutsidePeriod {
                    field,
                    year,
                    first,
                    last,
                };
                self.problems.push(Problem::new(owner, kind, at));
            } else if non_negative && value < Decimal::ZERO {
                let kind = ProblemKind::Negative { field, year, value };
                self.problems.push(Problem::new(owner, kind, at));
            } else {
                let limit = if field == "fte" || field == "available_fte" {
                    MAX_FTE
                } else {
                    MAX_AMOUNT
                };
                let what = Quantity::FieldInYear(field, year);
                self.magnitude(owner, what, value, limit, at);
            }
        }
    }

    fn amounts(&mut self, owner: &Subject, field: &str, amounts: &Amounts, anchor: &[String]) {
        match amounts {
            Amounts::PerYear(values) => self.years(owner, field, values, anchor, false),
            Amounts::Rule(rule) => {
                let at = |field: &str| {
                    let mut at = anchor.to_vec();
                    at.push(format!("{field}:"));
                    at
                };
                let base = Quantity::BaseAmount;
                self.magnitude(owner, base, rule.base, MAX_AMOUNT, at("base"));
                let step = Quantity::RoundingStep;
                self.magnitude(owner, step, rule.round_to, MAX_AMOUNT, at("round_to"));
                if rule.growth_percent.abs() > Decimal::ONE_HUNDRED {
                    let kind = ProblemKind::GrowthOutOfRange {
                        percent: rule.growth_percent,
                    };
                    self.problems
                        .push(Problem::new(owner, kind, at("growth_percent")));
                }
                let (first, last) = (self.plan.meta.first_year, self.plan.meta.last_year);
                if rule.base_year < first - 100 || rule.base_year > last {
                    let kind = ProblemKind::BaseYearOutOfRange {
                        year: rule.base_year,
                        low: first - 100,
                        high: last,
                    };
                    self.problems
                        .push(Problem::new(owner, kind, at("base_year")));
                } else if let Some(year) = (first..=last)
                    .find(|y| rule.checked_value(*y).is_none_or(|v| v.abs() > MAX_AMOUNT))
                {
                    let kind = ProblemKind::RuleTooLarge {
                        year,
                        limit: MAX_AMOUNT,
                    };
                    self.problems
                        .push(Problem::new(owner, kind, at("growth_percent")));
                }
                if rule.round_to < Decimal::ZERO {
                    let mut at = anchor.to_vec();
                    at.push("round_to:".into());
                    let kind = ProblemKind::NegativeRoundingStep {
                        step: rule.round_to,
                    };
                    self.problems.push(Problem::new(owner, kind, at));
                }
            }
        }
    }

    /// What strategic and operational goals share: links to core tasks and indicators.
    fn goal_links(
        &mut self,
        owner: &Subject,
        at: &[String],
        core_tasks: &[Id],
        known_tasks: &BTreeSet<Id>,
        indicators: &[super::Indicator],
    ) {
        for task in core_tasks {
            self.reference(
                owner,
                Referent::CoreTask,
                *task,
                known_tasks.contains(task),
                at,
                "core_tasks",
            );
        }
        for indicator in indicators {
            self.id(indicator.id);
            let at = vec![id_anchor(indicator.id)];
            self.years(owner, "actuals", &indicator.actuals, &at, false);
        }
    }

    fn reference(
        &mut self,
        owner: &Subject,
        what: Referent,
        id: Id,
        exists: bool,
        anchor: &[String],
        field: &str,
    ) {
        if !exists {
            let mut at = anchor.to_vec();
            at.push(format!("{field}:"));
            let kind = ProblemKind::MissingReference { what, id };
            self.problems.push(Problem::new(owner, kind, at));
        }
    }
}

/// Checks every rule; an empty list means the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker {
        plan,
        problems: Vec::new(),
        ids: BTreeMap::new(),
    };
    let meta = &plan.meta;
    let sane = |y: i32| (1900..=2200).contains(&y);
    if !sane(meta.first_year) || !sane(meta.last_year) {
        let kind = ProblemKind::PeriodOutsideYears {
            first: meta.first_year,
            last: meta.last_year,
        };
        c.problems.push(Problem::new(
            &Subject::Plan,
            kind,
            vec!["first_year:".into()],
        ));
        // Nothing else can be checked against such a period.
        return c.problems;
    }
    if meta.first_year > meta.last_year {
        let kind = ProblemKind::PeriodReversed {
            first: meta.first_year,
            last: meta.last_year,
        };
        c.problems.push(Problem::new(
            &Subject::Plan,
            kind,
            vec!["first_year:".into()],
        ));
    } else if meta.last_year - meta.first_year >= 50 {
        let kind = ProblemKind::PeriodTooLong {
            first: meta.first_year,
            last: meta.last_year,
        };
        c.problems.push(Problem::new(
            &Subject::Plan,
            kind,
            vec!["last_year:".into()],
        ));
    }

    let known = Known::of(plan);

    for item in &plan.priorities {
        c.id(item.id);
    }
    for item in &plan.sections {
        c.id(item.id);
    }
    for item in &plan.core_tasks {
        c.id(item.id);
    }
    for item in &plan.activity_types {
        c.id(item.id);
    }
    for fund in &plan.funds {
        c.id(fund.id);
        let at = vec![id_anchor(fund.id), "opening_balance:".into()];
        c.magnitude(
            &Subject::Reserve(fund.name.clone()),
            Quantity::OpeningBalance,
            fund.opening_balance,
            MAX_AMOUNT,
            at,
        );
    }
    for profile in &plan.salary_profiles {
        c.id(profile.id);
        let at = vec![id_anchor(profile.id)];
        let owner = Subject::SalaryProfile(profile.name.clone());
        c.amounts(&owner, "cost_per_fte", &profile.cost_per_fte, &at);
    }
    c.years(
        &Subject::AvailableFte,
        "available_fte",
        &plan.available_fte,
        &[],
        true,
    );
    for indicator in &plan.general_indicators {
        c.id(indicator.id);
        let at = vec![id_anchor(indicator.id)];
        c.years(
            &Subject::GeneralIndicator,
            "actuals",
            &indicator.actuals,
            &at,
            false,
        );
    }

    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for sd in &plan.strategic_goals {
        check_strategic_goal(&mut c, sd, &known, &mut codes);
    }
    for (code, count) in codes {
        if count > 1 {
            let at = vec![format!("code: \"{code}\"")];
            let kind = ProblemKind::DuplicateCode {
                code: code.to_string(),
                count,
            };
            c.problems.push(Problem::new(&Subject::Plan, kind, at));
        } else if code.trim().is_empty() {
            let at = vec!["code: \"\"".into()];
            c.problems
                .push(Problem::new(&Subject::Plan, ProblemKind::EmptyCode, at));
        }
    }
    for line in &plan.staff_lines {
        c.id(line.id);
        let at = vec![id_anchor(line.id)];
        let owner = Subject::StaffLine(line.name.clone());
        c.reference(
            &owner,
            Referent::SalaryProfile,
            line.salary_profile,
            known.profiles.contains(&line.salary_profile),
            &at,
            "salary_profile",
        );
        c.years(&owner, "fte", &line.fte, &at, true);
    }
    for (subject, lines) in [
        (
            Subject::OverheadLine as fn(String) -> Subject,
            &plan.overhead,
        ),
        (Subject::IncomeLine, &plan.income),
    ] {
        for line in lines {
            c.id(line.id);
            let at = vec![id_anchor(line.id)];
            let owner = subject(line.name.clone());
            c.amounts(&owner, "amounts", &line.amounts, &at);
        }
    }
    for section in &plan.accounts {
        c.id(section.id);
        let at = vec![id_anchor(section.id)];
        let owner = Subject::AccountSection(section.name.clone());
        c.years(&owner, "printed_cost", &section.printed_cost, &at, false);
        c.years(
            &owner,
            "printed_income",
            &section.printed_income,
            &at,
            false,
        );
        for line in &section.lines {
            c.id(line.id);
            let at = vec![id_anchor(line.id)];
            let owner = Subject::Account {
                code: line.code.clone(),
                name: line.name.clone(),
            };
            c.amounts(&owner, "amounts", &line.amounts, &at);
        }
    }

    // A conflict left by a merge must be about an item the plan has (the value of an entry
    // conflict may be absent, its list's owner may not).
    for (n, conflict) in plan.conflicts.iter().enumerate() {
        if let Some(item) = conflict.item
            && !c.ids.contains_key(&item)
        {
            let at = vec!["conflicts:".into(), format!("item: Some({}),", item.0)];
            let kind = ProblemKind::ConflictItemMissing {
                number: n + 1,
                item,
            };
            c.problems.push(Problem::new(&Subject::Plan, kind, at));
        }
    }
    check_actuals(&mut c);

    if plan.next_id > MAX_ID {
        let kind = ProblemKind::NextIdTooLarge {
            next: plan.next_id,
            max: MAX_ID,
        };
        c.problems
            .push(Problem::new(&Subject::Plan, kind, vec!["next_id:".into()]));
    }
    check_ids(&mut c);
    c.problems
}

/// The ids, salary profiles, activity types, core tasks and funds a goal may refer to.
struct Known {
    profiles: BTreeSet<Id>,
    types: BTreeSet<Id>,
    tasks: BTreeSet<Id>,
    funds: BTreeSet<Id>,
}

impl Known {
    fn of(plan: &Plan) -> Known {
        Known {
            profiles: plan.salary_profiles.iter().map(|p| p.id).collect(),
            types: plan.activity_types.iter().map(|t| t.id).collect(),
            tasks: plan.core_tasks.iter().map(|t| t.id).collect(),
            funds: plan.funds.iter().map(|f| f.id).collect(),
        }
    }
}

/// The rules about one strategic goal and its operational goals, activities and indicators;
/// counts its codes in `codes`.
fn check_strategic_goal<'a>(
    c: &mut Checker<'a>,
    sd: &'a super::StrategicGoal,
    known: &Known,
    codes: &mut BTreeMap<&'a str, usize>,
) {
    c.id(sd.id);
    *codes.entry(sd.code.as_str()).or_default() += 1;
    let at = vec![id_anchor(sd.id)];
    let owner = Subject::Goal(sd.code.clone());
    c.goal_links(&owner, &at, &sd.core_tasks, &known.tasks, &sd.indicators);
    for od in &sd.operational_goals {
        c.id(od.id);
        *codes.entry(od.code.as_str()).or_default() += 1;
        let at = vec![id_anchor(od.id)];
        let owner = Subject::Goal(od.code.clone());
        c.reference(
            &owner,
            Referent::SalaryProfile,
            od.salary_profile,
            known.profiles.contains(&od.salary_profile),
            &at,
            "salary_profile",
        );
        c.goal_links(&owner, &at, &od.core_tasks, &known.tasks, &od.indicators);
        if let Some(fund) = od.fund {
            c.reference(
                &owner,
                Referent::ReserveFund,
                fund,
                known.funds.contains(&fund),
                &at,
                "fund",
            );
        } else if od.fund_financed.0.values().any(|v| !v.is_zero()) {
            let mut at = at.clone();
            at.push("fund_financed:".into());
            c.problems
                .push(Problem::new(&owner, ProblemKind::FundPartWithoutFund, at));
        }
        c.years(&owner, "fte", &od.fte, &at, true);
        c.years(&owner, "operating", &od.operating, &at, true);
        c.years(&owner, "fund_financed", &od.fund_financed, &at, true);
        for (&year, &part) in &od.fund_financed.0 {
            if part > od.operating.get(year) {
                let mut at = at.clone();
                at.push("fund_financed:".into());
                at.push(format!("{year}:"));
                let kind = ProblemKind::FundPartAboveBudget {
                    year,
                    part,
                    budget: od.operating.get(year),
                };
                c.problems.push(Problem::new(&owner, kind, at));
            }
        }
        for activity in &od.activities {
            c.id(activity.id);
            let at = vec![id_anchor(activity.id)];
            c.reference(
                &owner,
                Referent::ActivityType,
                activity.activity_type,
                known.types.contains(&activity.activity_type),
                &at,
                "activity_type",
            );
            if activity.first_year > activity.last_year {
                let mut at = at.clone();
                at.push("first_year:".into());
                let kind = ProblemKind::ActivityYearsReversed {
                    activity: activity.description.clone(),
                    first: activity.first_year,
                    last: activity.last_year,
                };
                c.problems.push(Problem::new(&owner, kind, at));
            }
        }
    }
}

/// Ids used more than once, too large, or not below `next_id`.
fn check_ids(c: &mut Checker) {
    let plan = c.plan;
    for (id, count) in std::mem::take(&mut c.ids) {
        if count > 1 {
            let kind = ProblemKind::DuplicateId { id, count };
            c.problems
                .push(Problem::new(&Subject::Plan, kind, vec![id_anchor(id)]));
        }
        if id >= MAX_ID {
            let kind = ProblemKind::IdTooLarge { id, max: MAX_ID };
            c.problems
                .push(Problem::new(&Subject::Plan, kind, vec![id_anchor(id)]));
        } else if id >= plan.next_id {
            let kind = ProblemKind::IdNotBelowNext {
                id,
                next: plan.next_id,
            };
            c.problems
                .push(Problem::new(&Subject::Plan, kind, vec!["next_id:".into()]));
        }
    }
}

/// The problems an edit confined to the strategic goal at `index` can cause, provided the
/// goal kept its ids and codes and nothing outside it changed: the rules about that goal (its
/// references, years and amounts). Ids and codes unchanged, every other rule keeps the verdict
/// it had, so a valid plan stays valid exactly when this list is empty.
pub fn validate_strategic_goal(plan: &Plan, index: usize) -> Vec<Problem> {
    let mut c = Checker {
        plan,
        problems: Vec::new(),
        ids: BTreeMap::new(),
    };
    let Some(sd) = plan.strategic_goals.get(index) else {
        return c.problems;
    };
    let known = Known::of(plan);
    let mut codes = BTreeMap::new();
    check_strategic_goal(&mut c, sd, &known, &mut codes);
    check_ids(&mut c);
    c.problems
}

/// A percentage: 0 to 100.
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The realised years ([`super::Actuals`]): years in the period and each once, references to
/// existing goals, activities, indicators, staff lines and profiles, magnitudes like the plan's.
fn check_actuals(c: &mut Checker) {
    let plan = c.plan;
    let actuals = &plan.actuals;
    let (first, last) = (plan.meta.first_year, plan.meta.last_year);
    let root = || vec!["threshold_percent:".to_string()];
    if actuals.threshold_percent < Decimal::ZERO || actuals.threshold_percent > HUNDRED {
        let kind = ProblemKind::ThresholdOutOfRange {
            percent: actuals.threshold_percent,
        };
        c.problems.push(Problem::new(&Subject::Plan, kind, root()));
    }
    let strategic: BTreeSet<Id> = plan.strategic_goals.iter().map(|sd| sd.id).collect();
    let operational: BTreeSet<Id> = plan.operational_goals().map(|(_, od)| od.id).collect();
    let activities: BTreeSet<Id> = plan
        .operational_goals()
        .flat_map(|(_, od)| od.activities.iter().map(|a| a.id))
        .collect();
    let indicators: BTreeSet<Id> = plan
        .general_indicators
        .iter()
        .chain(plan.strategic_goals.iter().flat_map(|sd| {
            sd.indicators
                .iter()
                .chain(sd.operational_goals.iter().flat_map(|od| &od.indicators))
        }))
        .map(|i| i.id)
        .collect();
    let planned_as: BTreeSet<Id> = plan
        .staff_lines
        .iter()
        .map(|l| l.id)
        .chain(plan.salary_profiles.iter().map(|p| p.id))
        .collect();
    let mut seen_years = BTreeSet::new();
    for year in &actuals.years {
        let y = year.year;
        let at = |field: &str| {
            let mut at = root();
            at.push(format!("year: {y},"));
            if !field.is_empty() {
                at.push(format!("{field}:"));
            }
            at
        };
        let owner = Subject::Actuals(y);
        if y < first || y > last {
            let kind = ProblemKind::ActualsYearOutsidePeriod { first, last };
            c.problems.push(Problem::new(&owner, kind, at("")));
        }
        if !seen_years.insert(y) {
            c.problems
                .push(Problem::new(&owner, ProblemKind::ActualsYearTwice, at("")));
        }
        for (field, value) in [
            ("printed_cost", year.printed_cost),
            ("printed_income", year.printed_income),
            ("printed_result", year.printed_result),
        ] {
            if let Some(value) = value {
                let what = Quantity::Field(field.to_string());
                c.magnitude(&owner, what, value, MAX_AMOUNT, at(field));
            }
        }
        for line in &year.result_lines {
            c.id(line.id);
            let at = vec![id_anchor(line.id)];
            let owner = Subject::ResultLine {
                year: y,
                name: line.name.clone(),
            };
            c.magnitude(
                &owner,
                Quantity::Field("amount".into()),
                line.amount,
                MAX_AMOUNT,
                field_at(&at, "amount"),
            );
            if !line.category.fits(line.side) {
                let kind = ProblemKind::CategoryNotOfSide {
                    category: line.category,
                    side: line.side,
                };
                c.problems
                    .push(Problem::new(&owner, kind, field_at(&at, "category")));
            }
            if let Some(goal) = line.goal {
                c.reference(
                    &owner,
                    Referent::StrategicGoal,
                    goal,
                    strategic.contains(&goal),
                    &at,
                    "goal",
                );
            }
        }
        for staff in &year.staff {
            c.id(staff.id);
            let at = vec![id_anchor(staff.id)];
            let owner = Subject::Staff {
                year: y,
                name: staff.name.clone(),
            };
            if let Some(id) = staff.planned_as {
                c.reference(
                    &owner,
                    Referent::StaffLineOrProfile,
                    id,
                    planned_as.contains(&id),
                    &at,
                    "planned_as",
                );
            }
            for (field, value) in [
                ("payroll_fte", staff.payroll_fte),
                ("available_fte", staff.available_fte),
            ] {
                if value < Decimal::ZERO {
                    let kind = ProblemKind::NegativeFte {
                        field: field.to_string(),
                        value,
                    };
                    c.problems
                        .push(Problem::new(&owner, kind, field_at(&at, field)));
                } else {
                    c.magnitude(
                        &owner,
                        Quantity::Field(field.to_string()),
                        value,
                        MAX_FTE,
                        field_at(&at, field),
                    );
                }
            }
        }
        let mut seen = BTreeSet::new();
        for milestone in &year.milestones {
            let at = at("milestones");
            c.reference(
                &owner,
                Referent::Indicator,
                milestone.indicator,
                indicators.contains(&milestone.indicator),
                &at,
                "indicator",
            );
            if !seen.insert(milestone.indicator) {
                let kind = ProblemKind::MilestoneTwice {
                    indicator: milestone.indicator,
                };
                c.problems.push(Problem::new(&owner, kind, at));
            }
        }
        for figure in &year.output {
            c.id(figure.id);
            let at = vec![id_anchor(figure.id)];
            let owner = Subject::Output {
                year: y,
                label: figure.label.clone(),
            };
            let (low, high) = match figure.kind {
                OutputKind::Satisfaction => (Decimal::ZERO, HUNDRED),
                OutputKind::Nps => (-HUNDRED, HUNDRED),
                _ => (Decimal::ZERO, MAX_AMOUNT),
            };
            c.range(
                &owner,
                "value",
                figure.value,
                low,
                high,
                field_at(&at, "value"),
            );
            if let Some(total) = figure.of_total {
                c.range(
                    &owner,
                    "of_total",
                    total,
                    Decimal::ZERO,
                    MAX_AMOUNT,
                    field_at(&at, "of_total"),
                );
            }
            if let Some(percent) = figure.percent {
                c.range(
                    &owner,
                    "percent",
                    percent,
                    Decimal::ZERO,
                    HUNDRED,
                    field_at(&at, "percent"),
                );
            }
            for part in &figure.breakdown {
                c.id(part.id);
                let at = vec![id_anchor(part.id)];
                let owner = Subject::OutputPart {
                    year: y,
                    label: figure.label.clone(),
                    group: part.target_group.clone(),
                };
                if let Some(count) = part.count {
                    c.range(
                        &owner,
                        "count",
                        count,
                        Decimal::ZERO,
                        MAX_AMOUNT,
                        field_at(&at, "count"),
                    );
                }
                if let Some(percent) = part.percent {
                    let low = if figure.kind == OutputKind::Nps {
                        -HUNDRED
                    } else {
                        Decimal::ZERO
                    };
                    c.range(
                        &owner,
                        "percent",
                        percent,
                        low,
                        HUNDRED,
                        field_at(&at, "percent"),
                    );
                }
            }
        }
        let mut seen = BTreeSet::new();
        for report in &year.activities {
            let at = at("activities");
            c.reference(
                &owner,
                Referent::Activity,
                report.activity,
                activities.contains(&report.activity),
                &at,
                "activity",
            );
            if !seen.insert(report.activity) {
                let kind = ProblemKind::ActivityReportedTwice {
                    activity: report.activity,
                };
                c.problems.push(Problem::new(&owner, kind, at));
            }
        }
        for added in &year.added_activities {
            c.id(added.id);
            let at = vec![id_anchor(added.id)];
            c.reference(
                &Subject::AddedActivity {
                    year: y,
                    description: added.description.clone(),
                },
                Referent::OperationalGoal,
                added.goal,
                operational.contains(&added.goal),
                &at,
                "goal",
            );
        }
        let mut seen = BTreeSet::new();
        for explanation in &year.explanations {
            let at = at("explanations");
            if let ActualFigure::OperatingGoal(goal) = explanation.figure {
                c.reference(
                    &owner,
                    Referent::StrategicGoal,
                    goal,
                    strategic.contains(&goal),
                    &at,
                    "figure",
                );
            }
            if !seen.insert(explanation.figure) {
                let kind = ProblemKind::ExplainedTwice {
                    figure: explanation.figure,
                };
                c.problems.push(Problem::new(&owner, kind, at));
            }
        }
    }
}

fn field_at(anchor: &[String], field: &str) -> Vec<String> {
    let mut at = anchor.to_vec();
    at.push(format!("{field}:"));
    at
}
