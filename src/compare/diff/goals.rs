//! Goals: added, removed, renumbered, texts, core tasks, profile and fund; their indicators
//! (and the plan-wide ones) with target and realised values; activities; FTE, operating budget
//! and fund-financed part per year, with their effect on the balance.

use super::{
    Change, ChangeKind, Ctx, Field, Key, Place, TextField, Value, in_period, match_items, rate,
};
use crate::model::{Id, Indicator, OperationalGoal, Plan, StrategicGoal};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// A strategic or operational goal.
#[derive(Clone, Copy)]
enum Goal<'a> {
    Strategic(&'a StrategicGoal),
    Operational(&'a OperationalGoal),
}

impl Goal<'_> {
    fn id(&self) -> Id {
        match self {
            Goal::Strategic(sd) => sd.id,
            Goal::Operational(od) => od.id,
        }
    }

    fn code(&self) -> &str {
        match self {
            Goal::Strategic(sd) => &sd.code,
            Goal::Operational(od) => &od.code,
        }
    }

    fn title(&self) -> &str {
        match self {
            Goal::Strategic(sd) => &sd.title,
            Goal::Operational(od) => &od.title,
        }
    }

    fn indicators(&self) -> &[Indicator] {
        match self {
            Goal::Strategic(sd) => &sd.indicators,
            Goal::Operational(od) => &od.indicators,
        }
    }

    fn core_tasks(&self) -> &[Id] {
        match self {
            Goal::Strategic(sd) => &sd.core_tasks,
            Goal::Operational(od) => &od.core_tasks,
        }
    }

    /// The texts compared field by field.
    fn texts(&self) -> Vec<(TextField, &str)> {
        match self {
            Goal::Strategic(sd) => vec![
                (TextField::Title, sd.title.as_str()),
                (TextField::Description, &sd.description),
                (TextField::Note, &sd.note),
            ],
            Goal::Operational(od) => vec![
                (TextField::Title, od.title.as_str()),
                (TextField::Situering, &od.situering),
                (TextField::Werking, &od.werking),
                (TextField::Note, &od.note),
            ],
        }
    }
}

fn goals(plan: &Plan) -> Vec<Goal<'_>> {
    let mut list = Vec::new();
    for sd in &plan.strategic_goals {
        list.push(Goal::Strategic(sd));
        list.extend(sd.operational_goals.iter().map(Goal::Operational));
    }
    list
}

fn keys(goals: &[Goal]) -> Vec<Key> {
    goals
        .iter()
        .map(|g| Key {
            id: g.id(),
            label: g.code().to_string(),
            title: g.title().to_string(),
        })
        .collect()
}

/// What an operational goal costs the plan over the compared years (salary and the operating
/// cost charged to the year).
fn goal_cost(cx: &Ctx, plan: &Plan, od: &OperationalGoal) -> Decimal {
    cx.years
        .iter()
        .map(|&y| {
            in_period(plan, &od.fte, y) * rate(plan, od.salary_profile, y)
                + in_period(plan, &od.operating, y)
                - in_period(plan, &od.fund_financed, y)
        })
        .sum()
}

fn task_codes(plan: &Plan, ids: &[Id]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            plan.core_tasks
                .iter()
                .find(|t| t.id == *id)
                .map_or_else(|| "?".to_string(), |t| t.code.clone())
        })
        .collect()
}

/// Goal changes; returns the matched operational goals (base id, other id).
pub(super) fn changes(cx: &Ctx, changes: &mut Vec<Change>) -> Vec<(Id, Id)> {
    let (base, other) = (cx.base, cx.other);
    let base_goals = goals(base);
    let other_goals = goals(other);
    let m = match_items(&keys(&base_goals), &keys(&other_goals), cx.by);
    for &i in &m.removed {
        let goal = base_goals[i];
        let effect = match goal {
            Goal::Operational(od) => cx.goals_effect(|| goal_cost(cx, base, od)),
            Goal::Strategic(_) => None,
        };
        let place = Place::Goal(goal.code().to_string());
        changes.push(Change::item(ChangeKind::Removed, place, effect));
    }
    for &j in &m.added {
        let goal = other_goals[j];
        let effect = match goal {
            Goal::Operational(od) => cx.goals_effect(|| -goal_cost(cx, other, od)),
            Goal::Strategic(_) => None,
        };
        let place = Place::Goal(goal.code().to_string());
        changes.push(Change::item(ChangeKind::Added, place, effect));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (base_goals[i], other_goals[j]);
        let place = Place::Goal(o.code().to_string());
        if b.code() != o.code() {
            changes.push(Change::changed(
                place.clone(),
                Field::Label,
                Some(Value::Text(b.code().to_string())),
                Some(Value::Text(o.code().to_string())),
            ));
        }
        for ((field, old), (_, new)) in b.texts().into_iter().zip(o.texts()) {
            if old != new {
                changes.push(Change::changed(
                    place.clone(),
                    Field::Text(field),
                    Some(Value::Text(old.to_string())),
                    Some(Value::Text(new.to_string())),
                ));
            }
        }
        let (old_tasks, new_tasks) = (
            task_codes(base, b.core_tasks()),
            task_codes(other, o.core_tasks()),
        );
        if old_tasks != new_tasks {
            changes.push(Change::changed(
                place,
                Field::CoreTasks,
                Some(Value::Codes(old_tasks)),
                Some(Value::Codes(new_tasks)),
            ));
        }
    }

    let mut od_pairs = Vec::new();
    for &(i, j) in &m.pairs {
        let (b, o) = (base_goals[i], other_goals[j]);
        let code = o.code().to_string();
        indicator_changes(cx, Some(&code), b.indicators(), o.indicators(), changes);
        if let (Goal::Operational(b_od), Goal::Operational(o_od)) = (b, o) {
            activity_changes(cx, &code, b_od, o_od, changes);
            means_changes(cx, &code, b_od, o_od, changes);
            od_pairs.push((b_od.id, o_od.id));
        }
    }
    indicator_changes(
        cx,
        None,
        &base.general_indicators,
        &other.general_indicators,
        changes,
    );
    od_pairs
}

/// Indicators of a goal (`goal` its code) or of the whole plan (`None`).
fn indicator_changes(
    cx: &Ctx,
    goal: Option<&str>,
    base: &[Indicator],
    other: &[Indicator],
    changes: &mut Vec<Change>,
) {
    let keys = |list: &[Indicator]| -> Vec<Key> {
        list.iter()
            .map(|ind| Key {
                id: ind.id,
                label: ind.text.clone(),
                title: ind.text.clone(),
            })
            .collect()
    };
    let place = |ind: &Indicator| Place::Indicator {
        goal: goal.map(str::to_string),
        text: ind.text.clone(),
    };
    let m = match_items(&keys(base), &keys(other), cx.by);
    for &i in &m.removed {
        changes.push(Change::item(ChangeKind::Removed, place(&base[i]), None));
    }
    for &j in &m.added {
        changes.push(Change::item(ChangeKind::Added, place(&other[j]), None));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base[i], &other[j]);
        if b.text != o.text {
            changes.push(Change::changed(
                place(o),
                Field::Text(TextField::Wording),
                Some(Value::Text(b.text.clone())),
                Some(Value::Text(o.text.clone())),
            ));
        }
        if b.target != o.target {
            changes.push(Change::changed(
                place(o),
                Field::Target,
                b.target.clone().map(Value::Target),
                o.target.clone().map(Value::Target),
            ));
        }
        let years: BTreeSet<i32> = b
            .actuals
            .0
            .keys()
            .chain(o.actuals.0.keys())
            .copied()
            .collect();
        for year in years {
            let (from, to) = (b.actuals.0.get(&year), o.actuals.0.get(&year));
            if from != to {
                changes.push(Change::changed(
                    place(o),
                    Field::Actual(year),
                    from.copied().map(Value::Number),
                    to.copied().map(Value::Number),
                ));
            }
        }
    }
}

fn activity_changes(
    cx: &Ctx,
    code: &str,
    b_od: &OperationalGoal,
    o_od: &OperationalGoal,
    changes: &mut Vec<Change>,
) {
    let keys = |od: &OperationalGoal| -> Vec<Key> {
        od.activities
            .iter()
            .map(|a| Key {
                id: a.id,
                label: a.description.clone(),
                title: a.description.clone(),
            })
            .collect()
    };
    let place = |text: &str| Place::Activity {
        goal: code.to_string(),
        text: text.to_string(),
    };
    let type_name = |plan: &Plan, id| {
        plan.activity_type(id)
            .map_or_else(String::new, |t| t.name.clone())
    };
    let m = match_items(&keys(b_od), &keys(o_od), cx.by);
    for &i in &m.removed {
        let place = place(&b_od.activities[i].description);
        changes.push(Change::item(ChangeKind::Removed, place, None));
    }
    for &j in &m.added {
        let place = place(&o_od.activities[j].description);
        changes.push(Change::item(ChangeKind::Added, place, None));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&b_od.activities[i], &o_od.activities[j]);
        if b.description != o.description {
            changes.push(Change::changed(
                place(&o.description),
                Field::Text(TextField::Wording),
                Some(Value::Text(b.description.clone())),
                Some(Value::Text(o.description.clone())),
            ));
        }
        let (old_type, new_type) = (
            type_name(cx.base, b.activity_type),
            type_name(cx.other, o.activity_type),
        );
        if old_type != new_type {
            changes.push(Change::changed(
                place(&o.description),
                Field::ActivityType,
                Some(Value::Text(old_type)),
                Some(Value::Text(new_type)),
            ));
        }
        if (b.first_year, b.last_year) != (o.first_year, o.last_year) {
            changes.push(Change::changed(
                place(&o.description),
                Field::ActivityYears,
                Some(Value::Years(b.first_year, b.last_year)),
                Some(Value::Years(o.first_year, o.last_year)),
            ));
        }
    }
}

/// Salary profile, fund, and FTE, operating budget and fund-financed part per year.
fn means_changes(
    cx: &Ctx,
    code: &str,
    b_od: &OperationalGoal,
    o_od: &OperationalGoal,
    changes: &mut Vec<Change>,
) {
    let (base, other) = (cx.base, cx.other);
    let place = || Place::Goal(code.to_string());
    if !cx.same_profile(b_od.salary_profile, o_od.salary_profile) {
        let name = |plan: &Plan, id| {
            plan.salary_profile(id)
                .map_or_else(|| "?".to_string(), |p| p.name.clone())
        };
        // At the old FTE: what the other cost per FTE alone changes.
        let effect = cx.goals_effect(|| {
            cx.years
                .iter()
                .map(|&y| {
                    -in_period(base, &b_od.fte, y)
                        * (rate(other, o_od.salary_profile, y) - rate(base, b_od.salary_profile, y))
                })
                .sum()
        });
        changes.push(
            Change::changed(
                place(),
                Field::SalaryProfile,
                Some(Value::Text(name(base, b_od.salary_profile))),
                Some(Value::Text(name(other, o_od.salary_profile))),
            )
            .with_effect(effect),
        );
    }
    let fund_name = |plan: &Plan, id: Option<Id>| {
        id.and_then(|id| plan.funds.iter().find(|f| f.id == id))
            .map(|f| Value::Text(f.name.clone()))
    };
    let (old_fund, new_fund) = (fund_name(base, b_od.fund), fund_name(other, o_od.fund));
    if old_fund != new_fund {
        changes.push(Change::changed(place(), Field::Fund, old_fund, new_fund));
    }
    for &year in &cx.years {
        let (from, to) = (b_od.fte.get(year), o_od.fte.get(year));
        if from != to {
            // At the new cost per FTE: the profile's own change is counted at the old FTE.
            let effect = cx.goals_effect(|| {
                -(in_period(other, &o_od.fte, year) - in_period(base, &b_od.fte, year))
                    * rate(other, o_od.salary_profile, year)
            });
            changes.push(
                Change::changed(
                    place(),
                    Field::Fte(year),
                    Some(Value::Fte(from)),
                    Some(Value::Fte(to)),
                )
                .with_effect(effect),
            );
        }
        let (from, to) = (b_od.operating.get(year), o_od.operating.get(year));
        if from != to {
            let effect = cx.goals_effect(|| {
                -(in_period(other, &o_od.operating, year) - in_period(base, &b_od.operating, year))
            });
            changes.push(
                Change::changed(
                    place(),
                    Field::Operating(year),
                    Some(Value::Euro(from)),
                    Some(Value::Euro(to)),
                )
                .with_effect(effect),
            );
        }
        let (from, to) = (b_od.fund_financed.get(year), o_od.fund_financed.get(year));
        if from != to {
            // Paid from a fund: no longer charged to the year.
            let effect = cx.goals_effect(|| {
                in_period(other, &o_od.fund_financed, year)
                    - in_period(base, &b_od.fund_financed, year)
            });
            changes.push(
                Change::changed(
                    place(),
                    Field::FundFinanced(year),
                    Some(Value::Euro(from)),
                    Some(Value::Euro(to)),
                )
                .with_effect(effect),
            );
        }
    }
}
