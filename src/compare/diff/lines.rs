//! Lines: staff lines, salary profiles, overhead, income, reserve funds and account lines, with
//! their values per year (or growth rule) and the effect of each change on the balance.

use super::{
    Change, ChangeKind, Ctx, Field, Key, ListKind, Matching, Place, Value, amount_in_period,
    in_period, match_items, rate,
};
use crate::model::{Amounts, BudgetLine, Id, Plan, Side, StaffLine};
use rust_decimal::Decimal;

fn named_keys<T>(items: &[T], id: impl Fn(&T) -> Id, name: impl Fn(&T) -> &str) -> Vec<Key> {
    items
        .iter()
        .map(|item| Key {
            id: id(item),
            label: name(item).to_string(),
            title: name(item).to_string(),
        })
        .collect()
}

fn match_staff(cx: &Ctx) -> Matching {
    let keys = |plan: &Plan| named_keys(&plan.staff_lines, |l| l.id, |l| &l.name);
    match_items(&keys(cx.base), &keys(cx.other), cx.by)
}

/// The salary profiles of both plans matched (base id, other id).
pub(super) fn profile_pairs(cx: &Ctx) -> Vec<(Id, Id)> {
    let keys = |plan: &Plan| named_keys(&plan.salary_profiles, |p| p.id, |p| &p.name);
    let m = match_items(&keys(cx.base), &keys(cx.other), cx.by);
    m.pairs
        .iter()
        .map(|&(i, j)| {
            (
                cx.base.salary_profiles[i].id,
                cx.other.salary_profiles[j].id,
            )
        })
        .collect()
}

/// A name change of a matched line.
fn label_change(list: ListKind, old: &str, new: &str, changes: &mut Vec<Change>) {
    if old != new {
        changes.push(Change::changed(
            Place::Line(list, new.to_string()),
            Field::Label,
            Some(Value::Text(old.to_string())),
            Some(Value::Text(new.to_string())),
        ));
    }
}

/// Line changes; `od_pairs` are the matched operational goals (for the effect of a profile).
pub(super) fn changes(cx: &Ctx, od_pairs: &[(Id, Id)], changes: &mut Vec<Change>) {
    let staff = match_staff(cx);
    staff_changes(cx, &staff, changes);
    profile_changes(cx, od_pairs, &staff, changes);
    budget_line_changes(cx, ListKind::Overhead, changes);
    budget_line_changes(cx, ListKind::Income, changes);
    fund_changes(cx, changes);
    account_changes(cx, changes);
}

fn staff_cost(cx: &Ctx, plan: &Plan, line: &StaffLine) -> Decimal {
    cx.years
        .iter()
        .map(|&y| in_period(plan, &line.fte, y) * rate(plan, line.salary_profile, y))
        .sum()
}

fn staff_changes(cx: &Ctx, m: &Matching, changes: &mut Vec<Change>) {
    let (base, other) = (cx.base, cx.other);
    let place = |l: &StaffLine| Place::Line(ListKind::Staff, l.name.clone());
    for &i in &m.removed {
        let line = &base.staff_lines[i];
        let effect = cx.goals_effect(|| staff_cost(cx, base, line));
        changes.push(Change::item(ChangeKind::Removed, place(line), effect));
    }
    for &j in &m.added {
        let line = &other.staff_lines[j];
        let effect = cx.goals_effect(|| -staff_cost(cx, other, line));
        changes.push(Change::item(ChangeKind::Added, place(line), effect));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base.staff_lines[i], &other.staff_lines[j]);
        label_change(ListKind::Staff, &b.name, &o.name, changes);
        if b.group != o.group {
            changes.push(Change::changed(
                place(o),
                Field::StaffGroup,
                Some(Value::Group(b.group)),
                Some(Value::Group(o.group)),
            ));
        }
        if !cx.same_profile(b.salary_profile, o.salary_profile) {
            let name = |plan: &Plan, id| {
                plan.salary_profile(id)
                    .map_or_else(|| "?".to_string(), |p| p.name.clone())
            };
            let effect = cx.goals_effect(|| {
                cx.years
                    .iter()
                    .map(|&y| {
                        -in_period(base, &b.fte, y)
                            * (rate(other, o.salary_profile, y) - rate(base, b.salary_profile, y))
                    })
                    .sum()
            });
            changes.push(
                Change::changed(
                    place(o),
                    Field::SalaryProfile,
                    Some(Value::Text(name(base, b.salary_profile))),
                    Some(Value::Text(name(other, o.salary_profile))),
                )
                .with_effect(effect),
            );
        }
        for &year in &cx.years {
            let (from, to) = (b.fte.get(year), o.fte.get(year));
            if from != to {
                let effect = cx.goals_effect(|| {
                    -(in_period(other, &o.fte, year) - in_period(base, &b.fte, year))
                        * rate(other, o.salary_profile, year)
                });
                changes.push(
                    Change::changed(
                        place(o),
                        Field::Fte(year),
                        Some(Value::Fte(from)),
                        Some(Value::Fte(to)),
                    )
                    .with_effect(effect),
                );
            }
        }
    }
}

/// Old and new values of a matched amount line: one rule change, or a change per year.
/// `effect(year, old, new)` is the effect of a yearly change (values inside each plan's period).
fn amount_changes(
    cx: &Ctx,
    place: Place,
    old: &Amounts,
    new: &Amounts,
    effect: &dyn Fn(i32, Decimal, Decimal) -> Option<Decimal>,
    changes: &mut Vec<Change>,
) {
    let values = |year| {
        (
            amount_in_period(cx.base, old, year),
            amount_in_period(cx.other, new, year),
        )
    };
    let is_rule = |a: &Amounts| matches!(a, Amounts::Rule(_));
    if (is_rule(old) || is_rule(new)) && old != new {
        let effects: Vec<Option<Decimal>> = cx
            .years
            .iter()
            .map(|&y| {
                let (a, b) = values(y);
                effect(y, a, b)
            })
            .collect();
        let total = effects
            .iter()
            .all(Option::is_some)
            .then(|| effects.iter().flatten().sum());
        changes.push(
            Change::changed(
                place,
                Field::Rule,
                Some(Value::Amounts(old.clone())),
                Some(Value::Amounts(new.clone())),
            )
            .with_effect(total),
        );
        return;
    }
    for &year in &cx.years {
        let (from, to) = (old.value(year), new.value(year));
        if from != to {
            let (a, b) = values(year);
            changes.push(
                Change::changed(
                    place.clone(),
                    Field::Amount(year),
                    Some(Value::Euro(from)),
                    Some(Value::Euro(to)),
                )
                .with_effect(effect(year, a, b)),
            );
        }
    }
}

fn profile_changes(cx: &Ctx, od_pairs: &[(Id, Id)], staff: &Matching, changes: &mut Vec<Change>) {
    let (base, other) = (cx.base, cx.other);
    let keys = |plan: &Plan| named_keys(&plan.salary_profiles, |p| p.id, |p| &p.name);
    let m = match_items(&keys(base), &keys(other), cx.by);
    let place = |name: &str| Place::Line(ListKind::Profile, name.to_string());
    for &i in &m.removed {
        let name = &base.salary_profiles[i].name;
        changes.push(Change::item(ChangeKind::Removed, place(name), None));
    }
    for &j in &m.added {
        let name = &other.salary_profiles[j].name;
        changes.push(Change::item(ChangeKind::Added, place(name), None));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base.salary_profiles[i], &other.salary_profiles[j]);
        label_change(ListKind::Profile, &b.name, &o.name, changes);
        // The FTE (old) of the goals and lines that keep this profile, per year.
        let holders_fte = |year: i32| -> Decimal {
            let goals = od_pairs.iter().filter_map(|&(bo, oo)| {
                let (bo, oo) = (base.operational_goal(bo)?, other.operational_goal(oo)?);
                (bo.salary_profile == b.id && oo.salary_profile == o.id)
                    .then(|| in_period(base, &bo.fte, year))
            });
            let lines = staff.pairs.iter().filter_map(|&(bi, oi)| {
                let (bl, ol) = (&base.staff_lines[bi], &other.staff_lines[oi]);
                (bl.salary_profile == b.id && ol.salary_profile == o.id)
                    .then(|| in_period(base, &bl.fte, year))
            });
            goals.chain(lines).sum()
        };
        // The profile's values count for the years the other plan plans (its cost per FTE is
        // looked up for every year of a holder's FTE).
        let effect = |year: i32, _: Decimal, _: Decimal| {
            cx.goals_effect(|| {
                -holders_fte(year) * (o.cost_per_fte.value(year) - b.cost_per_fte.value(year))
            })
        };
        amount_changes(
            cx,
            place(&o.name),
            &b.cost_per_fte,
            &o.cost_per_fte,
            &effect,
            changes,
        );
    }
}

/// Overhead or income lines.
fn budget_line_changes(cx: &Ctx, list: ListKind, changes: &mut Vec<Change>) {
    fn lines(plan: &Plan, list: ListKind) -> &[BudgetLine] {
        match list {
            ListKind::Income => &plan.income,
            _ => &plan.overhead,
        }
    }
    // Income adds to the balance, overhead takes from it.
    let sign = if list == ListKind::Income {
        Decimal::ONE
    } else {
        Decimal::NEGATIVE_ONE
    };
    let (base, other) = (lines(cx.base, list), lines(cx.other, list));
    let total = |plan: &Plan, line: &BudgetLine| -> Decimal {
        cx.years
            .iter()
            .map(|&y| amount_in_period(plan, &line.amounts, y))
            .sum()
    };
    let m = match_items(
        &named_keys(base, |l| l.id, |l| &l.name),
        &named_keys(other, |l| l.id, |l| &l.name),
        cx.by,
    );
    let place = |l: &BudgetLine| Place::Line(list, l.name.clone());
    for &i in &m.removed {
        let effect = cx.goals_effect(|| -sign * total(cx.base, &base[i]));
        changes.push(Change::item(ChangeKind::Removed, place(&base[i]), effect));
    }
    for &j in &m.added {
        let effect = cx.goals_effect(|| sign * total(cx.other, &other[j]));
        changes.push(Change::item(ChangeKind::Added, place(&other[j]), effect));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base[i], &other[j]);
        label_change(list, &b.name, &o.name, changes);
        if list == ListKind::Income && b.kind != o.kind {
            changes.push(Change::changed(
                place(o),
                Field::IncomeKind,
                Some(Value::IncomeKind(b.kind)),
                Some(Value::IncomeKind(o.kind)),
            ));
        }
        // Any change of the text counts: it is the name the budget prints.
        if b.group_name() != o.group_name() {
            let group = |g: Option<&str>| g.map(|g| Value::Text(g.to_string()));
            changes.push(Change::changed(
                place(o),
                Field::PrintedGroup,
                group(b.group_name()),
                group(o.group_name()),
            ));
        }
        let effect = |_, old: Decimal, new: Decimal| cx.goals_effect(|| sign * (new - old));
        amount_changes(cx, place(o), &b.amounts, &o.amounts, &effect, changes);
    }
}

fn fund_changes(cx: &Ctx, changes: &mut Vec<Change>) {
    let (base, other) = (&cx.base.funds, &cx.other.funds);
    let m = match_items(
        &named_keys(base, |f| f.id, |f| &f.name),
        &named_keys(other, |f| f.id, |f| &f.name),
        cx.by,
    );
    let place = |name: &str| Place::Line(ListKind::Fund, name.to_string());
    for &i in &m.removed {
        changes.push(Change::item(
            ChangeKind::Removed,
            place(&base[i].name),
            None,
        ));
    }
    for &j in &m.added {
        changes.push(Change::item(ChangeKind::Added, place(&other[j].name), None));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base[i], &other[j]);
        label_change(ListKind::Fund, &b.name, &o.name, changes);
        if b.opening_balance != o.opening_balance {
            changes.push(Change::changed(
                place(&o.name),
                Field::OpeningBalance,
                Some(Value::Euro(b.opening_balance)),
                Some(Value::Euro(o.opening_balance)),
            ));
        }
        if b.receives_balance != o.receives_balance {
            changes.push(Change::changed(
                place(&o.name),
                Field::ReceivesBalance,
                Some(Value::Flag(b.receives_balance)),
                Some(Value::Flag(o.receives_balance)),
            ));
        }
    }
}

/// +1 for income, -1 for cost: how an account line's amount moves the balance.
fn side_sign(side: Side) -> Decimal {
    match side {
        Side::Income => Decimal::ONE,
        Side::Cost => Decimal::NEGATIVE_ONE,
    }
}

fn account_changes(cx: &Ctx, changes: &mut Vec<Change>) {
    let lines = |plan: &Plan| {
        plan.accounts
            .iter()
            .flat_map(|s| s.lines.iter())
            .cloned()
            .collect::<Vec<_>>()
    };
    let (base, other) = (lines(cx.base), lines(cx.other));
    let keys = |list: &[crate::model::AccountLine]| -> Vec<Key> {
        list.iter()
            .map(|l| Key {
                id: l.id,
                label: l.name.clone(),
                title: l.code.clone(),
            })
            .collect()
    };
    let m = match_items(&keys(&base), &keys(&other), cx.by);
    let place = |l: &crate::model::AccountLine| Place::Line(ListKind::Account, l.name.clone());
    let total = |plan: &Plan, l: &crate::model::AccountLine| -> Decimal {
        cx.years
            .iter()
            .map(|&y| side_sign(l.side) * amount_in_period(plan, &l.amounts, y))
            .sum()
    };
    for &i in &m.removed {
        let effect = cx.accounts_effect(|| -total(cx.base, &base[i]));
        changes.push(Change::item(ChangeKind::Removed, place(&base[i]), effect));
    }
    for &j in &m.added {
        let effect = cx.accounts_effect(|| total(cx.other, &other[j]));
        changes.push(Change::item(ChangeKind::Added, place(&other[j]), effect));
    }
    for &(i, j) in &m.pairs {
        let (b, o) = (&base[i], &other[j]);
        label_change(ListKind::Account, &b.name, &o.name, changes);
        if b.code != o.code {
            changes.push(Change::changed(
                place(o),
                Field::AccountCode,
                Some(Value::Text(b.code.clone())),
                Some(Value::Text(o.code.clone())),
            ));
        }
        if b.effective_category() != o.effective_category() {
            changes.push(Change::changed(
                place(o),
                Field::AccountCategory,
                Some(Value::Category(b.effective_category())),
                Some(Value::Category(o.effective_category())),
            ));
        }
        if b.side != o.side {
            // The old amounts on the other side.
            let effect = cx.accounts_effect(|| {
                cx.years
                    .iter()
                    .map(|&y| {
                        (side_sign(o.side) - side_sign(b.side))
                            * amount_in_period(cx.base, &b.amounts, y)
                    })
                    .sum()
            });
            changes.push(
                Change::changed(
                    place(o),
                    Field::Side,
                    Some(Value::Side(b.side)),
                    Some(Value::Side(o.side)),
                )
                .with_effect(effect),
            );
        }
        let sign = side_sign(o.side);
        let effect = |_, old: Decimal, new: Decimal| cx.accounts_effect(|| sign * (new - old));
        amount_changes(cx, place(o), &b.amounts, &o.amounts, &effect, changes);
    }
}
