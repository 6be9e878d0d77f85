//! Rules a plan must satisfy to be accepted. A file that breaks one is refused on load with the
//! place named; the editor never produces one.

use super::{ActualFigure, Amounts, Id, OutputKind, Plan, Yearly};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One broken rule: what is wrong, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Human-readable, says what is wrong and what to do (English).
    pub message: String,
    /// The same in Dutch.
    pub message_nl: String,
    /// Successive snippets of the file text that lead to the offending value (e.g. `id: 12,`, then
    /// `fte:`, then `2021:`), so a loader can name the line and column.
    pub anchor: Vec<String>,
}

impl Problem {
    fn new(message: String, message_nl: String, anchor: Vec<String>) -> Problem {
        Problem {
            message,
            message_nl,
            anchor,
        }
    }

    /// The message in the user's language.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nl => &self.message_nl,
            crate::i18n::Lang::En => &self.message,
        }
    }
}

/// A text in English and in Dutch: who or what a problem is about.
#[derive(Debug, Clone)]
struct Txt {
    en: String,
    nl: String,
}

fn txt(en: impl Into<String>, nl: impl Into<String>) -> Txt {
    Txt {
        en: en.into(),
        nl: nl.into(),
    }
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
        owner: &Txt,
        what: &Txt,
        value: Decimal,
        limit: Decimal,
        at: Vec<String>,
    ) {
        if value.abs() > limit {
            self.problems.push(Problem::new(
                format!(
                    "{}: {} {value} is too large (at most {limit}); correct the value",
                    owner.en, what.en
                ),
                format!(
                    "{}: {} {value} is te groot (hoogstens {limit}); verbeter de waarde",
                    owner.nl, what.nl
                ),
                at,
            ));
        }
    }

    /// A value that must lie between `low` and `high`.
    fn range(
        &mut self,
        owner: &Txt,
        what: &str,
        value: Decimal,
        low: Decimal,
        high: Decimal,
        at: Vec<String>,
    ) {
        if value < low || value > high {
            self.problems.push(Problem::new(
                format!(
                    "{}: {what} {value} lies outside {low} to {high}; correct the value",
                    owner.en
                ),
                format!(
                    "{}: {what} {value} ligt buiten {low} tot {high}; verbeter de waarde",
                    owner.nl
                ),
                at,
            ));
        }
    }

    fn id(&mut self, id: Id) {
        *self.ids.entry(id).or_default() += 1;
    }

    fn years(
        &mut self,
        owner: &Txt,
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
            if year < first || year > last {
                self.problems.push(Problem::new(
                    format!(
                        "{}: {field} has a value for {year}, outside the plan period {first}-{last}; remove it or widen the period",
                        owner.en
                    ),
                    format!(
                        "{}: {field} heeft een waarde voor {year}, buiten de planperiode {first}-{last}; verwijder ze of verbreed de periode",
                        owner.nl
                    ),
                    at,
                ));
            } else if non_negative && value < Decimal::ZERO {
                self.problems.push(Problem::new(
                    format!(
                        "{}: {field} for {year} is {value}; it cannot be negative",
                        owner.en
                    ),
                    format!(
                        "{}: {field} voor {year} is {value}; dat kan niet negatief zijn",
                        owner.nl
                    ),
                    at,
                ));
            } else {
                let limit = if field == "fte" || field == "available_fte" {
                    MAX_FTE
                } else {
                    MAX_AMOUNT
                };
                let what = txt(
                    format!("{field} for {year}"),
                    format!("{field} voor {year}"),
                );
                self.magnitude(owner, &what, value, limit, at);
            }
        }
    }

    fn amounts(&mut self, owner: &Txt, field: &str, amounts: &Amounts, anchor: &[String]) {
        match amounts {
            Amounts::PerYear(values) => self.years(owner, field, values, anchor, false),
            Amounts::Rule(rule) => {
                let at = |field: &str| {
                    let mut at = anchor.to_vec();
                    at.push(format!("{field}:"));
                    at
                };
                let base = txt("the base amount", "het basisbedrag");
                self.magnitude(owner, &base, rule.base, MAX_AMOUNT, at("base"));
                let step = txt("the rounding step", "de afrondingsstap");
                self.magnitude(owner, &step, rule.round_to, MAX_AMOUNT, at("round_to"));
                if rule.growth_percent.abs() > Decimal::ONE_HUNDRED {
                    self.problems.push(Problem::new(
                        format!(
                            "{}: a yearly growth of {} % is out of range (-100 to 100)",
                            owner.en, rule.growth_percent
                        ),
                        format!(
                            "{}: een jaarlijkse groei van {} % ligt buiten -100 tot 100",
                            owner.nl, rule.growth_percent
                        ),
                        at("growth_percent"),
                    ));
                }
                let (first, last) = (self.plan.meta.first_year, self.plan.meta.last_year);
                if rule.base_year < first - 100 || rule.base_year > last {
                    self.problems.push(Problem::new(
                        format!(
                            "{}: the base year {} of the rule must lie between {} and {last}",
                            owner.en,
                            rule.base_year,
                            first - 100
                        ),
                        format!(
                            "{}: het basisjaar {} van de regel moet tussen {} en {last} liggen",
                            owner.nl,
                            rule.base_year,
                            first - 100
                        ),
                        at("base_year"),
                    ));
                } else if let Some(year) = (first..=last)
                    .find(|y| rule.checked_value(*y).is_none_or(|v| v.abs() > MAX_AMOUNT))
                {
                    self.problems.push(Problem::new(
                        format!(
                            "{}: the rule grows beyond {MAX_AMOUNT} by {year}; lower the growth or the base amount",
                            owner.en
                        ),
                        format!(
                            "{}: de regel groeit tegen {year} boven {MAX_AMOUNT}; verlaag de groei of het basisbedrag",
                            owner.nl
                        ),
                        at("growth_percent"),
                    ));
                }
                if rule.round_to < Decimal::ZERO {
                    let mut at = anchor.to_vec();
                    at.push("round_to:".into());
                    self.problems.push(Problem::new(
                        format!(
                            "{}: the rounding step {} cannot be negative",
                            owner.en, rule.round_to
                        ),
                        format!(
                            "{}: de afrondingsstap {} kan niet negatief zijn",
                            owner.nl, rule.round_to
                        ),
                        at,
                    ));
                }
            }
        }
    }

    /// What strategic and operational goals share: links to core tasks and indicators.
    fn goal_links(
        &mut self,
        owner: &Txt,
        at: &[String],
        core_tasks: &[Id],
        known_tasks: &BTreeSet<Id>,
        indicators: &[super::Indicator],
    ) {
        for task in core_tasks {
            self.reference(
                owner,
                &txt("core task", "kerntaak"),
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
        owner: &Txt,
        what: &Txt,
        id: Id,
        exists: bool,
        anchor: &[String],
        field: &str,
    ) {
        if !exists {
            let mut at = anchor.to_vec();
            at.push(format!("{field}:"));
            self.problems.push(Problem::new(
                format!(
                    "{}: {} {id} does not exist; point it at an existing {} or remove the reference",
                    owner.en, what.en, what.en
                ),
                format!(
                    "{}: {} {id} bestaat niet; verwijs naar een bestaande {} of haal de verwijzing weg",
                    owner.nl, what.nl, what.nl
                ),
                at,
            ));
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
        c.problems.push(Problem::new(
            format!(
                "the plan period {}-{} lies outside the years 1900-2200; correct it",
                meta.first_year, meta.last_year
            ),
            format!(
                "de planperiode {}-{} ligt buiten de jaren 1900-2200; verbeter ze",
                meta.first_year, meta.last_year
            ),
            vec!["first_year:".into()],
        ));
        // Nothing else can be checked against such a period.
        return c.problems;
    }
    if meta.first_year > meta.last_year {
        c.problems.push(Problem::new(
            format!(
                "the plan period runs from {} to {}: the first year must not come after the last",
                meta.first_year, meta.last_year
            ),
            format!(
                "de planperiode loopt van {} tot {}: het eerste jaar mag niet na het laatste komen",
                meta.first_year, meta.last_year
            ),
            vec!["first_year:".into()],
        ));
    } else if meta.last_year - meta.first_year >= 50 {
        c.problems.push(Problem::new(
            format!(
                "the plan period {}-{} is longer than 50 years; shorten it",
                meta.first_year, meta.last_year
            ),
            format!(
                "de planperiode {}-{} is langer dan 50 jaar; kort ze in",
                meta.first_year, meta.last_year
            ),
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
            &txt(
                format!("reserve '{}'", fund.name),
                format!("reserve '{}'", fund.name),
            ),
            &txt("the opening balance", "het beginsaldo"),
            fund.opening_balance,
            MAX_AMOUNT,
            at,
        );
    }
    for profile in &plan.salary_profiles {
        c.id(profile.id);
        let at = vec![id_anchor(profile.id)];
        let owner = txt(
            format!("salary profile '{}'", profile.name),
            format!("loonprofiel '{}'", profile.name),
        );
        c.amounts(&owner, "cost_per_fte", &profile.cost_per_fte, &at);
    }
    c.years(
        &txt("available FTE", "beschikbare VTE"),
        "available_fte",
        &plan.available_fte,
        &[],
        true,
    );
    for indicator in &plan.general_indicators {
        c.id(indicator.id);
        let at = vec![id_anchor(indicator.id)];
        c.years(
            &txt("general indicator", "algemene indicator"),
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
            c.problems.push(Problem::new(
                format!("the goal code {code} is used {count} times; every goal needs its own code (renumber the goals)"),
                format!("de doelcode {code} komt {count} keer voor; elk doel heeft een eigen code nodig (hernummer de doelen)"),
                vec![format!("code: \"{code}\"")],
            ));
        } else if code.trim().is_empty() {
            c.problems.push(Problem::new(
                "a goal has an empty code; give it one (renumber the goals)".into(),
                "een doel heeft een lege code; geef het er een (hernummer de doelen)".into(),
                vec!["code: \"\"".into()],
            ));
        }
    }
    for line in &plan.staff_lines {
        c.id(line.id);
        let at = vec![id_anchor(line.id)];
        let owner = txt(
            format!("staff line '{}'", line.name),
            format!("personeelslijn '{}'", line.name),
        );
        c.reference(
            &owner,
            &txt("salary profile", "loonprofiel"),
            line.salary_profile,
            known.profiles.contains(&line.salary_profile),
            &at,
            "salary_profile",
        );
        c.years(&owner, "fte", &line.fte, &at, true);
    }
    for ((list, list_nl), lines) in [
        (("overhead", "overheadlijn"), &plan.overhead),
        (("income", "inkomstenlijn"), &plan.income),
    ] {
        for line in lines {
            c.id(line.id);
            let at = vec![id_anchor(line.id)];
            let owner = txt(
                format!("{list} line '{}'", line.name),
                format!("{list_nl} '{}'", line.name),
            );
            c.amounts(&owner, "amounts", &line.amounts, &at);
        }
    }
    for section in &plan.accounts {
        c.id(section.id);
        let at = vec![id_anchor(section.id)];
        let owner = txt(
            format!("account section '{}'", section.name),
            format!("rubriek '{}'", section.name),
        );
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
            let owner = txt(
                format!("account {} '{}'", line.code, line.name),
                format!("rekening {} '{}'", line.code, line.name),
            );
            c.amounts(&owner, "amounts", &line.amounts, &at);
        }
    }

    // A conflict left by a merge must be about an item the plan has (the value of an entry
    // conflict may be absent, its list's owner may not).
    for (n, conflict) in plan.conflicts.iter().enumerate() {
        if let Some(item) = conflict.item
            && !c.ids.contains_key(&item)
        {
            c.problems.push(Problem::new(
                format!(
                    "conflict {} is about item {item}, which the plan does not have; remove that conflict from `conflicts`",
                    n + 1
                ),
                format!(
                    "conflict {} gaat over item {item}, dat het plan niet heeft; haal dat conflict weg uit `conflicts`",
                    n + 1
                ),
                vec!["conflicts:".into(), format!("item: Some({}),", item.0)],
            ));
        }
    }
    check_actuals(&mut c);

    if plan.next_id > MAX_ID {
        c.problems.push(Problem::new(
            format!(
                "next_id {} leaves no room for new ids (at most {}); renumber the ids of the file or set next_id just above the largest id",
                plan.next_id.0, MAX_ID.0
            ),
            format!(
                "next_id {} laat geen ruimte voor nieuwe ids (hoogstens {}); nummer de ids van het bestand opnieuw of zet next_id net boven de grootste id",
                plan.next_id.0, MAX_ID.0
            ),
            vec!["next_id:".into()],
        ));
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
    let owner = txt(format!("goal {}", sd.code), format!("doel {}", sd.code));
    c.goal_links(&owner, &at, &sd.core_tasks, &known.tasks, &sd.indicators);
    for od in &sd.operational_goals {
        c.id(od.id);
        *codes.entry(od.code.as_str()).or_default() += 1;
        let at = vec![id_anchor(od.id)];
        let owner = txt(format!("goal {}", od.code), format!("doel {}", od.code));
        c.reference(
            &owner,
            &txt("salary profile", "loonprofiel"),
            od.salary_profile,
            known.profiles.contains(&od.salary_profile),
            &at,
            "salary_profile",
        );
        c.goal_links(&owner, &at, &od.core_tasks, &known.tasks, &od.indicators);
        if let Some(fund) = od.fund {
            c.reference(
                &owner,
                &txt("reserve fund", "reservefonds"),
                fund,
                known.funds.contains(&fund),
                &at,
                "fund",
            );
        } else if od.fund_financed.0.values().any(|v| !v.is_zero()) {
            let mut at = at.clone();
            at.push("fund_financed:".into());
            c.problems.push(Problem::new(
                format!(
                    "{}: part of the operating budget is financed from a fund, but no fund is named; set `fund`",
                    owner.en
                ),
                format!(
                    "{}: een deel van de werkingsmiddelen komt uit een fonds, maar er is geen fonds gekozen; kies `fund`",
                    owner.nl
                ),
                at,
            ));
        }
        c.years(&owner, "fte", &od.fte, &at, true);
        c.years(&owner, "operating", &od.operating, &at, true);
        c.years(&owner, "fund_financed", &od.fund_financed, &at, true);
        for (&year, &part) in &od.fund_financed.0 {
            if part > od.operating.get(year) {
                let mut at = at.clone();
                at.push("fund_financed:".into());
                at.push(format!("{year}:"));
                c.problems.push(Problem::new(
                    format!(
                        "{}: {part} of the {year} operating budget is financed from a fund, more than the budget {} itself",
                        owner.en,
                        od.operating.get(year)
                    ),
                    format!(
                        "{}: {part} van de werkingsmiddelen {year} komt uit een fonds, meer dan de werkingsmiddelen {} zelf",
                        owner.nl,
                        od.operating.get(year)
                    ),
                    at,
                ));
            }
        }
        for activity in &od.activities {
            c.id(activity.id);
            let at = vec![id_anchor(activity.id)];
            c.reference(
                &owner,
                &txt("activity type", "activiteitstype"),
                activity.activity_type,
                known.types.contains(&activity.activity_type),
                &at,
                "activity_type",
            );
            if activity.first_year > activity.last_year {
                let mut at = at.clone();
                at.push("first_year:".into());
                c.problems.push(Problem::new(
                    format!(
                        "{}: activity '{}' runs from {} to {}: the first year must not come after the last",
                        owner.en, activity.description, activity.first_year, activity.last_year
                    ),
                    format!(
                        "{}: activiteit '{}' loopt van {} tot {}: het eerste jaar mag niet na het laatste komen",
                        owner.nl, activity.description, activity.first_year, activity.last_year
                    ),
                    at,
                ));
            }
        }
    }
}

/// Ids used more than once, too large, or not below `next_id`.
fn check_ids(c: &mut Checker) {
    let plan = c.plan;
    for (id, count) in std::mem::take(&mut c.ids) {
        if count > 1 {
            c.problems.push(Problem::new(
                format!(
                    "the id {} is used {count} times; every item needs its own id",
                    id.0
                ),
                format!(
                    "de id {} komt {count} keer voor; elk item heeft een eigen id nodig",
                    id.0
                ),
                vec![id_anchor(id)],
            ));
        }
        if id >= MAX_ID {
            c.problems.push(Problem::new(
                format!(
                    "the id {} is too large (ids stay below {}); give the item a smaller unused id",
                    id.0, MAX_ID.0
                ),
                format!(
                    "de id {} is te groot (ids blijven onder {}); geef het item een kleinere ongebruikte id",
                    id.0, MAX_ID.0
                ),
                vec![id_anchor(id)],
            ));
        } else if id >= plan.next_id {
            c.problems.push(Problem::new(
                format!(
                    "the id {} is not below next_id ({}); set next_id to at least {}",
                    id.0,
                    plan.next_id.0,
                    id.0 + 1
                ),
                format!(
                    "de id {} ligt niet onder next_id ({}); zet next_id op minstens {}",
                    id.0,
                    plan.next_id.0,
                    id.0 + 1
                ),
                vec!["next_id:".into()],
            ));
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
        c.problems.push(Problem::new(
            format!(
                "actuals: the threshold of {} % lies outside 0-100; correct it",
                actuals.threshold_percent
            ),
            format!(
                "realisatie: de drempel van {} % ligt buiten 0-100; verbeter hem",
                actuals.threshold_percent
            ),
            root(),
        ));
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
        let owner = txt(format!("actuals {y}"), format!("realisatie {y}"));
        if y < first || y > last {
            c.problems.push(Problem::new(
                format!(
                    "{}: {y} lies outside the plan period {first}-{last}; remove the year or widen the period",
                    owner.en
                ),
                format!(
                    "{}: {y} ligt buiten de planperiode {first}-{last}; verwijder het jaar of verbreed de periode",
                    owner.nl
                ),
                at(""),
            ));
        }
        if !seen_years.insert(y) {
            c.problems.push(Problem::new(
                format!(
                    "{}: the year {y} appears more than once; merge its entries into one",
                    owner.en
                ),
                format!(
                    "{}: het jaar {y} komt meer dan eens voor; voeg de gegevens samen",
                    owner.nl
                ),
                at(""),
            ));
        }
        for (field, value) in [
            ("printed_cost", year.printed_cost),
            ("printed_income", year.printed_income),
            ("printed_result", year.printed_result),
        ] {
            if let Some(value) = value {
                c.magnitude(&owner, &txt(field, field), value, MAX_AMOUNT, at(field));
            }
        }
        for line in &year.result_lines {
            c.id(line.id);
            let at = vec![id_anchor(line.id)];
            let owner = txt(
                format!("{}: result line '{}'", owner.en, line.name),
                format!("{}: resultaatlijn '{}'", owner.nl, line.name),
            );
            c.magnitude(
                &owner,
                &txt("the amount", "het bedrag"),
                line.amount,
                MAX_AMOUNT,
                field_at(&at, "amount"),
            );
            if !line.category.fits(line.side) {
                c.problems.push(Problem::new(
                    format!(
                        "{}: the category {:?} does not fit the side {:?}; choose a category of that side",
                        owner.en, line.category, line.side
                    ),
                    format!(
                        "{}: de categorie {:?} past niet bij de zijde {:?}; kies een categorie van die zijde",
                        owner.nl, line.category, line.side
                    ),
                    field_at(&at, "category"),
                ));
            }
            if let Some(goal) = line.goal {
                c.reference(
                    &owner,
                    &txt("strategic goal", "strategisch doel"),
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
            let owner = txt(
                format!("{}: staff '{}'", owner.en, staff.name),
                format!("{}: personeel '{}'", owner.nl, staff.name),
            );
            if let Some(id) = staff.planned_as {
                c.reference(
                    &owner,
                    &txt(
                        "staff line or salary profile",
                        "personeelslijn of loonprofiel",
                    ),
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
                    c.problems.push(Problem::new(
                        format!("{}: {field} is {value}; FTE cannot be negative", owner.en),
                        format!(
                            "{}: {field} is {value}; VTE kan niet negatief zijn",
                            owner.nl
                        ),
                        field_at(&at, field),
                    ));
                } else {
                    c.magnitude(
                        &owner,
                        &txt(field, field),
                        value,
                        MAX_FTE,
                        field_at(&at, field),
                    );
                }
            }
        }
        let mut seen = BTreeSet::new();
        for spent in &year.goal_fte {
            let at = at("goal_fte");
            c.reference(
                &owner,
                &txt("operational goal", "operationeel doel"),
                spent.goal,
                operational.contains(&spent.goal),
                &at,
                "goal",
            );
            if spent.fte < Decimal::ZERO {
                c.problems.push(Problem::new(
                    format!(
                        "{}: goal_fte is {}; FTE cannot be negative",
                        owner.en, spent.fte
                    ),
                    format!(
                        "{}: goal_fte is {}; VTE kan niet negatief zijn",
                        owner.nl, spent.fte
                    ),
                    at.clone(),
                ));
            } else {
                c.magnitude(&owner, &txt("FTE", "VTE"), spent.fte, MAX_FTE, at.clone());
            }
            if !seen.insert(spent.goal) {
                c.problems.push(Problem::new(
                    format!(
                        "{}: goal {} has its FTE more than once; keep one",
                        owner.en, spent.goal
                    ),
                    format!(
                        "{}: doel {} heeft meer dan eens VTE; hou er een",
                        owner.nl, spent.goal
                    ),
                    at,
                ));
            }
        }
        let mut seen = BTreeSet::new();
        for milestone in &year.milestones {
            let at = at("milestones");
            c.reference(
                &owner,
                &txt("indicator", "indicator"),
                milestone.indicator,
                indicators.contains(&milestone.indicator),
                &at,
                "indicator",
            );
            if !seen.insert(milestone.indicator) {
                c.problems.push(Problem::new(
                    format!(
                        "{}: indicator {} has more than one milestone state; keep one",
                        owner.en, milestone.indicator
                    ),
                    format!(
                        "{}: indicator {} heeft meer dan een mijlpaalstatus; hou er een",
                        owner.nl, milestone.indicator
                    ),
                    at,
                ));
            }
        }
        for figure in &year.output {
            c.id(figure.id);
            let at = vec![id_anchor(figure.id)];
            let owner = txt(
                format!("{}: output '{}'", owner.en, figure.label),
                format!("{}: kengetal '{}'", owner.nl, figure.label),
            );
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
                let owner = txt(
                    format!("{}, target group '{}'", owner.en, part.target_group),
                    format!("{}, doelgroep '{}'", owner.nl, part.target_group),
                );
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
                &txt("activity", "activiteit"),
                report.activity,
                activities.contains(&report.activity),
                &at,
                "activity",
            );
            if !seen.insert(report.activity) {
                c.problems.push(Problem::new(
                    format!(
                        "{}: activity {} is reported more than once; keep one report",
                        owner.en, report.activity
                    ),
                    format!(
                        "{}: activiteit {} wordt meer dan eens gerapporteerd; hou een verslag",
                        owner.nl, report.activity
                    ),
                    at,
                ));
            }
        }
        for added in &year.added_activities {
            c.id(added.id);
            let at = vec![id_anchor(added.id)];
            c.reference(
                &txt(
                    format!("{}: added activity '{}'", owner.en, added.description),
                    format!(
                        "{}: toegevoegde activiteit '{}'",
                        owner.nl, added.description
                    ),
                ),
                &txt("operational goal", "operationeel doel"),
                added.goal,
                operational.contains(&added.goal),
                &at,
                "goal",
            );
        }
        let mut seen = BTreeSet::new();
        for explanation in &year.explanations {
            let at = at("explanations");
            let reference = match explanation.figure {
                ActualFigure::OperatingGoal(goal) => Some((
                    txt("strategic goal", "strategisch doel"),
                    goal,
                    strategic.contains(&goal),
                )),
                ActualFigure::FteGoal(goal) => Some((
                    txt("goal", "doel"),
                    goal,
                    strategic.contains(&goal) || operational.contains(&goal),
                )),
                ActualFigure::Reserve(fund) => Some((
                    txt("reserve fund", "reservefonds"),
                    fund,
                    plan.funds.iter().any(|f| f.id == fund),
                )),
                ActualFigure::Indicator(indicator) => Some((
                    txt("indicator", "indicator"),
                    indicator,
                    indicators.contains(&indicator),
                )),
                _ => None,
            };
            if let Some((what, id, exists)) = reference {
                c.reference(&owner, &what, id, exists, &at, "figure");
            }
            if !seen.insert(explanation.figure) {
                c.problems.push(Problem::new(
                    format!(
                        "{}: {:?} is explained more than once; keep one explanation",
                        owner.en, explanation.figure
                    ),
                    format!(
                        "{}: {:?} heeft meer dan een toelichting; hou er een",
                        owner.nl, explanation.figure
                    ),
                    at,
                ));
            }
        }
    }
}

fn field_at(anchor: &[String], field: &str) -> Vec<String> {
    let mut at = anchor.to_vec();
    at.push(format!("{field}:"));
    at
}
