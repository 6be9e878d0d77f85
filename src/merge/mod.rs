//! Merging two versions of a plan that went apart from a common version: a three-way merge by
//! stable id and field (for git's merge driver and for a synced folder's conflict copies).
//!
//! Pure: plans in, a plan out; files are read and written by the CLI and the app.
//!
//! What one side changed is taken; edits to different fields, different years of a line,
//! different goals, items added or removed on either side all merge. A value both sides changed
//! differently, or an item one side removed and the other changed, is a [`Conflict`]: the plan
//! takes the preferred side's value and keeps the conflict (with the three values) in
//! `Plan::conflicts` until someone picks a side ([`resolve`]). The merged plan always validates:
//! - items the incoming side (theirs) added get fresh ids where ours may have used the same, so
//!   ids never collide; `next_id` ends above every id either side handed out;
//! - an item one side removed that the merged plan still uses (a salary profile a new goal of
//!   the other side refers to) stays, as a conflict;
//! - two goals with one code (both sides added an `SD4`) give the incoming goal the code of its
//!   place, noted in [`MergeOutcome::notes`];
//! - changes that are fine alone but break a rule together (more financed from a fund than the
//!   operating budget) hold back the change of the side not preferred, as a conflict.

mod copies;
pub use crate::i18n::merge::conflicts as texts;
mod tree;

pub use crate::model::MergeSide as Side;
pub use copies::is_conflict_copy;

use crate::model::{
    Conflict, ConflictKey, ConflictKind, ConflictValue, Id, Plan, for_each_id_mut, validate,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use tree::{Base, Engine, Place};

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeOutcome {
    /// The merged plan (valid); its `conflicts` hold this merge's conflicts and the unresolved
    /// ones either side had.
    pub plan: Plan,
    /// The conflicts of this merge, in plan order.
    pub conflicts: Vec<Conflict>,
    /// What the merge adjusted on its own (goal codes).
    pub notes: Vec<MergeNote>,
    /// Ids of theirs that the merged plan gives another id (items both sides added).
    pub renumbered: BTreeMap<Id, Id>,
}

/// Something the merge decided by itself, worth telling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeNote {
    /// Two goals had the same code; this goal (from the side not preferred) got another.
    CodeChanged { goal: Id, from: String, to: String },
}

/// Merges `ours` and `theirs`, which both come from `base`. Conflicts take the `prefer` side.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan, prefer: Side) -> MergeOutcome {
    run(Some(base), ours, theirs, prefer, false)
}

/// Merges two versions without a common version (git's merge of a file both sides added): values
/// that differ are conflicts taking the `prefer` side, items of either side are kept.
pub fn merge_without_base(ours: &Plan, theirs: &Plan, prefer: Side) -> MergeOutcome {
    run(None, ours, theirs, prefer, false)
}

/// Merges a synced folder's conflict copy (`theirs`) into the open plan (`ours`) when the common
/// version is only a guess (`base`: the backup) or unknown (`None`). Nothing is lost on a wrong
/// guess: every change taken from the copy is also listed as a conflict to confirm
/// ([`ConflictKind::Unconfirmed`]), items the copy lacks are kept, and without a base every
/// difference is a conflict that keeps the open plan's value.
pub fn merge_unsure(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> MergeOutcome {
    run(base, ours, theirs, Side::Ours, true)
}

/// Whether `base` can be the version both others were made from: ids only grow, so it cannot
/// have handed out more ids than either.
pub fn could_be_common_version(base: &Plan, ours: &Plan, theirs: &Plan) -> bool {
    base.next_id <= ours.next_id && base.next_id <= theirs.next_id
}

/// Whether two plans come from one another (a copy of a plan, edited): at least half of the
/// items of the smaller are in the other, by id and in the same list. The activity types every
/// new plan starts with do not count. A file that merely has the name of a conflict copy
/// (`plan (1).ron`) but is another plan does not share history.
pub fn share_history(a: &Plan, b: &Plan) -> bool {
    let places = |plan: &Plan| {
        let mut places = tree::item_places(&to_tree(plan));
        places.retain(|_, (owner, list)| !(owner.is_none() && list == "activity_types"));
        places
    };
    let (a, b) = (places(a), places(b));
    let shared = a
        .iter()
        .filter(|(id, place)| b.get(id) == Some(place))
        .count();
    shared > 0 && shared * 2 >= a.len().min(b.len())
}

fn to_tree(plan: &Plan) -> Value {
    // A plan holds strings, numbers, lists and maps keyed by year: it always converts.
    serde_json::to_value(plan).unwrap_or_default()
}

fn from_tree(tree: &Value) -> Result<Plan, String> {
    serde_json::from_value(tree.clone()).map_err(|e| e.to_string())
}

fn run(
    base: Option<&Plan>,
    ours: &Plan,
    theirs: &Plan,
    prefer: Side,
    review: bool,
) -> MergeOutcome {
    let mut theirs = theirs.clone();
    let renumbered = renumber_theirs(base, ours, &mut theirs, review);
    let mut ours = ours.clone();
    let mut base = base.cloned();
    let earlier: Vec<Conflict> = std::mem::take(&mut ours.conflicts)
        .into_iter()
        .chain(std::mem::take(&mut theirs.conflicts))
        .collect();
    if let Some(base) = &mut base {
        base.conflicts.clear();
    }
    // Bookkeeping fields are not merged: ids above all, the later date of a save.
    let next_id = [Some(&ours), Some(&theirs), base.as_ref()]
        .into_iter()
        .flatten()
        .map(|p| p.next_id)
        .max()
        .unwrap_or(ours.next_id);
    let last_changed = ours
        .meta
        .last_changed
        .clone()
        .max(theirs.meta.last_changed.clone());
    for plan in [Some(&mut ours), Some(&mut theirs), base.as_mut()]
        .into_iter()
        .flatten()
    {
        plan.next_id = next_id;
        plan.meta.last_changed = last_changed.clone();
    }
    let (ours_tree, theirs_tree) = (to_tree(&ours), to_tree(&theirs));
    let base_tree = base.as_ref().map(to_tree);
    let mut engine = Engine::new(prefer, review);
    let merged = engine.merge(
        &Place::default(),
        None,
        false,
        match &base_tree {
            Some(b) => Base::Known(Some(b)),
            None => Base::Unknown,
        },
        Some(&ours_tree),
        Some(&theirs_tree),
    );
    let preferred = match prefer {
        Side::Ours => &ours,
        Side::Theirs => &theirs,
    };
    let sources = Sources {
        ours: &ours_tree,
        theirs: &theirs_tree,
        base: base_tree.as_ref(),
    };
    let settled = merged.and_then(|tree| settle(tree, &mut engine, &sources, preferred));
    let (mut plan, notes) = match settled {
        Some(settled) => settled,
        None => fall_back(preferred, &mut engine),
    };
    // Conflicts about items the merged plan does not have (inside an item removed) are moot.
    let tree = to_tree(&plan);
    let exists = |c: &Conflict| c.item.is_none_or(|id| tree::has_item(&tree, id));
    let mut conflicts = engine.conflicts;
    conflicts.retain(exists);
    let mut all = conflicts.clone();
    for conflict in earlier {
        if exists(&conflict) && !all.iter().any(|c| c.same_place(&conflict)) {
            all.push(conflict);
        }
    }
    plan.conflicts = all;
    MergeOutcome {
        plan,
        conflicts,
        notes,
        renumbered,
    }
}

/// The three versions as trees, to take items from.
struct Sources<'a> {
    ours: &'a Value,
    theirs: &'a Value,
    base: Option<&'a Value>,
}

/// Turns the merged tree into a valid plan: restores removed items still in use, gives clashing
/// goal codes new ones, and holds back changes of the side not preferred that break a rule.
/// `None` when the tree does not make a plan (not expected).
fn settle(
    mut tree: Value,
    engine: &mut Engine,
    sources: &Sources,
    preferred: &Plan,
) -> Option<(Plan, Vec<MergeNote>)> {
    let rounds = engine.taken.len() + 64;
    for _ in 0..rounds {
        let mut plan = from_tree(&tree).ok()?;
        let missing = missing_references(&plan);
        if !missing.is_empty() {
            let mut restored = false;
            for (list, id) in missing {
                restored |= restore(&mut tree, list, id, engine, sources);
            }
            if restored {
                continue;
            }
        }
        let notes = give_clashing_codes_new_ones(&mut plan, preferred);
        let problems = validate(&plan);
        let Some(problem) = problems.first() else {
            return Some((plan, notes));
        };
        let item = problem
            .anchor
            .first()
            .and_then(|a| a.strip_prefix("id: "))
            .and_then(|a| a.trim_end_matches(',').parse::<u64>().ok())
            .map(Id);
        // Hold back the changes closest to the problem first: those of the item it names, then
        // plan-wide values (the period, the mission ...), then items added or removed at the top
        // of the plan, then everything.
        let inside = |c: &Conflict| item.is_some() && (c.item == item || c.entry() == item);
        let plan_values = |c: &Conflict| c.item.is_none() && c.entry().is_none();
        let plan_level = |c: &Conflict| c.item.is_none();
        let everything = |_: &Conflict| true;
        let levels: [&dyn Fn(&Conflict) -> bool; 4] =
            [&inside, &plan_values, &plan_level, &everything];
        let chosen: Vec<usize> = levels
            .iter()
            .map(|f| {
                (0..engine.taken.len())
                    .filter(|i| f(&engine.taken[*i]))
                    .collect::<Vec<_>>()
            })
            .find(|found| !found.is_empty())?;
        for i in chosen.into_iter().rev() {
            let change = engine.taken.remove(i);
            hold_back(&mut tree, change, engine);
        }
    }
    None
}

/// Undoes a change taken from the side not preferred and lists it as a conflict.
fn hold_back(tree: &mut Value, change: Conflict, engine: &mut Engine) {
    let preferred_value = tree::from_conflict_value(change.value(engine.prefer))
        .ok()
        .flatten();
    tree::set_at(
        tree,
        change.item,
        &change.field,
        change.key,
        preferred_value,
    );
    let held = Conflict {
        kind: ConflictKind::BreaksRule,
        kept: engine.prefer,
        ..change
    };
    match engine.conflicts.iter_mut().find(|c| c.same_place(&held)) {
        Some(existing) => *existing = held,
        None => engine.conflicts.push(held),
    }
}

/// The merged plan cannot be made valid (not expected): the preferred side's plan, with every
/// difference as a conflict holding the preferred value.
fn fall_back(preferred: &Plan, engine: &mut Engine) -> (Plan, Vec<MergeNote>) {
    for change in std::mem::take(&mut engine.taken) {
        let held = Conflict {
            kind: ConflictKind::BreaksRule,
            kept: engine.prefer,
            ..change
        };
        match engine.conflicts.iter_mut().find(|c| c.same_place(&held)) {
            Some(existing) => *existing = held,
            None => engine.conflicts.push(held),
        }
    }
    for conflict in &mut engine.conflicts {
        conflict.kept = engine.prefer;
    }
    (preferred.clone(), Vec::new())
}

/// Ids the plan refers to that its list lacks: (list, id) for salary profiles, funds, core
/// tasks and activity types.
fn missing_references(plan: &Plan) -> BTreeSet<(&'static str, Id)> {
    let mut used: BTreeSet<(&'static str, Id)> = BTreeSet::new();
    for sd in &plan.strategic_goals {
        used.extend(sd.core_tasks.iter().map(|id| ("core_tasks", *id)));
        for od in &sd.operational_goals {
            used.insert(("salary_profiles", od.salary_profile));
            used.extend(od.fund.map(|id| ("funds", id)));
            used.extend(od.core_tasks.iter().map(|id| ("core_tasks", *id)));
            used.extend(
                od.activities
                    .iter()
                    .map(|a| ("activity_types", a.activity_type)),
            );
        }
    }
    used.extend(
        plan.staff_lines
            .iter()
            .map(|l| ("salary_profiles", l.salary_profile)),
    );
    used.retain(|(list, id)| match *list {
        "salary_profiles" => plan.salary_profile(*id).is_none(),
        "funds" => !plan.funds.iter().any(|f| f.id == *id),
        "core_tasks" => !plan.core_tasks.iter().any(|t| t.id == *id),
        _ => plan.activity_type(*id).is_none(),
    });
    used
}

/// Puts back an item one side removed that the merged plan still uses; the removal becomes a
/// conflict that keeps the item.
fn restore(
    tree: &mut Value,
    list: &'static str,
    id: Id,
    engine: &mut Engine,
    sources: &Sources,
) -> bool {
    let find = |source: Option<&Value>| -> Option<Value> {
        source?
            .get(list)?
            .as_array()?
            .iter()
            .find(|v| tree::item_id(v) == Some(id.0))
            .cloned()
    };
    let (b, o, t) = (
        find(sources.base),
        find(Some(sources.ours)),
        find(Some(sources.theirs)),
    );
    let kept = if o.is_some() {
        Side::Ours
    } else if t.is_some() {
        Side::Theirs
    } else {
        engine.prefer
    };
    let Some(item) = o.clone().or(t.clone()).or(b.clone()) else {
        return false;
    };
    // The id must not be taken by another item (only with versions that are not related).
    if tree::has_item(tree, id) {
        return false;
    }
    if !tree::set_at(tree, None, list, Some(ConflictKey::Entry(id)), Some(item)) {
        return false;
    }
    let data = |v: &Option<Value>| {
        v.as_ref().map_or(ConflictValue::Absent, |v| {
            ConflictValue::Data(v.to_string())
        })
    };
    let conflict = Conflict {
        item: None,
        field: list.to_string(),
        key: Some(ConflictKey::Entry(id)),
        kind: ConflictKind::RemovedAndChanged,
        base: data(&b),
        ours: data(&o),
        theirs: data(&t),
        kept,
    };
    engine.taken.retain(|c| !c.same_place(&conflict));
    match engine
        .conflicts
        .iter_mut()
        .find(|c| c.same_place(&conflict))
    {
        Some(existing) => {
            existing.kept = kept;
            existing.kind = ConflictKind::RemovedAndChanged;
        }
        None => engine.conflicts.push(conflict),
    }
    true
}

/// Gives every goal whose code another goal has too (and that does not have it on the preferred
/// side) the code of its place, or that code with `-2`, `-3` ... when taken.
fn give_clashing_codes_new_ones(plan: &mut Plan, preferred: &Plan) -> Vec<MergeNote> {
    let mut notes = Vec::new();
    loop {
        let goals: Vec<(Id, String)> = plan
            .strategic_goals
            .iter()
            .map(|sd| (sd.id, sd.code.clone()))
            .chain(
                plan.operational_goals()
                    .map(|(_, od)| (od.id, od.code.clone())),
            )
            .collect();
        let clash = goals.iter().find_map(|(id, code)| {
            let sharing: Vec<Id> = goals
                .iter()
                .filter(|(_, c)| c == code)
                .map(|(id, _)| *id)
                .collect();
            if sharing.len() < 2 {
                return None;
            }
            let keeper = sharing
                .iter()
                .find(|id| preferred.goal_code(**id) == Some(code.as_str()))
                .copied()
                .unwrap_or(sharing[0]);
            (*id != keeper).then(|| (*id, code.clone()))
        });
        let Some((goal, from)) = clash else {
            return notes;
        };
        let taken: BTreeSet<&str> = goals.iter().map(|(_, c)| c.as_str()).collect();
        let positional = plan
            .positional_codes()
            .into_iter()
            .find(|(id, _)| *id == goal)
            .map_or_else(|| from.clone(), |(_, code)| code);
        let to = std::iter::once(positional.clone())
            .chain((2..).map(|n| format!("{positional}-{n}")))
            .find(|c| !taken.contains(c.as_str()))
            .unwrap_or_default();
        if let Some(sd) = plan.strategic_goals.iter_mut().find(|sd| sd.id == goal) {
            sd.code = to.clone();
        }
        for sd in &mut plan.strategic_goals {
            if let Some(od) = sd.operational_goals.iter_mut().find(|od| od.id == goal) {
                od.code = to.clone();
            }
        }
        notes.push(MergeNote::CodeChanged { goal, from, to });
    }
}

/// Gives the items theirs added new ids where they could collide with ours: in a true three-way
/// merge every new id of theirs that ours may have handed out too; without a sure base, ids ours
/// has for an item in another place (or, past the guessed base, for any item). Returns the map.
fn renumber_theirs(
    base: Option<&Plan>,
    ours: &Plan,
    theirs: &mut Plan,
    review: bool,
) -> BTreeMap<Id, Id> {
    let (ours_places, theirs_places) = (
        tree::item_places(&to_tree(ours)),
        tree::item_places(&to_tree(theirs)),
    );
    let base_places = base.map(|b| tree::item_places(&to_tree(b)));
    let collides = |id: u64, place: &(Option<u64>, String)| -> bool {
        let in_base = base_places.as_ref().is_some_and(|b| b.contains_key(&id));
        match (base, review) {
            (Some(_), false) => !in_base && (id < ours.next_id.0 || ours_places.contains_key(&id)),
            (base, _) => ours_places.get(&id).is_some_and(|ours_place| {
                ours_place != place || base.is_some_and(|b| !in_base && id >= b.next_id.0)
            }),
        }
    };
    let colliding: Vec<u64> = theirs_places
        .iter()
        .filter(|(id, place)| collides(**id, place))
        .map(|(id, _)| *id)
        .collect();
    if colliding.is_empty() {
        return BTreeMap::new();
    }
    let start = [Some(ours), Some(&*theirs), base]
        .into_iter()
        .flatten()
        .map(|p| p.next_id.0)
        .max()
        .unwrap_or_default();
    let map: BTreeMap<Id, Id> = colliding
        .iter()
        .enumerate()
        .map(|(k, id)| (Id(*id), Id(start + k as u64)))
        .collect();
    for_each_id_mut(theirs, &mut |id| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    });
    theirs.next_id = Id(start + map.len() as u64);
    map
}

/// Why a conflict could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// There is no conflict with this number.
    NoSuchConflict(usize),
    /// The value's place is gone from the plan.
    PlaceGone,
    /// The stored value does not fit the plan (a hand-edited file): the reason.
    Unreadable(String),
}

/// Picks `side` for conflict `index`: the plan gets that side's value and the conflict goes.
/// Conflicts about items that are gone with it (inside a goal removed this way) go too.
pub fn resolve(plan: &mut Plan, index: usize, side: Side) -> Result<(), ResolveError> {
    let mut conflicts = plan.conflicts.clone();
    if index >= conflicts.len() {
        return Err(ResolveError::NoSuchConflict(index));
    }
    let conflict = conflicts.remove(index);
    let value =
        tree::from_conflict_value(conflict.value(side)).map_err(ResolveError::Unreadable)?;
    let mut without = plan.clone();
    without.conflicts.clear();
    let mut tree = to_tree(&without);
    if !tree::set_at(
        &mut tree,
        conflict.item,
        &conflict.field,
        conflict.key,
        value,
    ) {
        return Err(ResolveError::PlaceGone);
    }
    let mut resolved = from_tree(&tree).map_err(ResolveError::Unreadable)?;
    conflicts.retain(|c| c.item.is_none_or(|id| tree::has_item(&tree, id)));
    resolved.conflicts = conflicts;
    *plan = resolved;
    Ok(())
}

/// Picks `side` for every conflict.
pub fn resolve_all(plan: &mut Plan, side: Side) -> Result<(), ResolveError> {
    while !plan.conflicts.is_empty() {
        resolve(plan, 0, side)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::from_ron_str;
    use rust_decimal::dec;
    use std::path::Path;

    fn socius() -> Plan {
        from_ron_str(
            include_str!("../../plans/socius-2021-2025.ron"),
            Path::new("socius.ron"),
        )
        .expect("the sample plan loads")
    }

    fn od<'a>(plan: &'a mut Plan, code: &str) -> &'a mut crate::model::OperationalGoal {
        plan.strategic_goals
            .iter_mut()
            .flat_map(|sd| sd.operational_goals.iter_mut())
            .find(|od| od.code == code)
            .expect("goal exists")
    }

    #[test]
    fn a_plan_survives_the_trip_through_the_tree() {
        let plan = socius();
        assert_eq!(from_tree(&to_tree(&plan)).as_ref(), Ok(&plan));
    }

    #[test]
    fn merging_unchanged_versions_gives_the_plan() {
        let plan = socius();
        let outcome = merge(&plan, &plan, &plan, Side::Ours);
        assert_eq!(outcome.plan, plan);
        assert!(outcome.conflicts.is_empty());
    }

    #[test]
    fn an_item_removed_by_one_side_and_changed_by_the_other_is_named_with_its_goal() {
        let base = socius();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let indicator = ours.strategic_goals[0].indicators.remove(0).id;
        theirs.strategic_goals[0].indicators[0].text = "Minstens 40 organisaties".into();
        for (prefer, expected) in [
            (
                Side::Ours,
                "SD1 indicator «Minstens 40 organisaties»: verwijderd (ons) / gewijzigd (hun)",
            ),
            (
                Side::Theirs,
                "SD1 indicator «Minstens 40 organisaties»: verwijderd (ons) / gewijzigd (hun)",
            ),
        ] {
            let outcome = merge(&base, &ours, &theirs, prefer);
            let conflict = &outcome.conflicts[0];
            assert_eq!(conflict.key, Some(ConflictKey::Entry(indicator)));
            let text = texts::describe(conflict, &outcome.plan, crate::i18n::Lang::Nl);
            assert_eq!(text, expected);
            let mut plan = outcome.plan.clone();
            resolve(&mut plan, 0, prefer.other()).expect("resolves");
            assert_eq!(
                plan.strategic_goals[0]
                    .indicators
                    .iter()
                    .any(|i| i.id == indicator),
                prefer == Side::Ours,
                "picking the other side undoes the removal, or removes it"
            );
            assert!(validate(&plan).is_empty());
        }
    }

    #[test]
    fn a_value_changed_differently_is_a_conflict_until_resolved() {
        let base = socius();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        od(&mut ours, "SD1.OD3").fte.set(2025, Some(dec!(0.5)));
        od(&mut theirs, "SD1.OD3").fte.set(2025, Some(dec!(0.6)));
        od(&mut theirs, "SD1.OD2").fte.set(2024, Some(dec!(1)));
        let outcome = merge(&base, &ours, &theirs, Side::Ours);
        let mut plan = outcome.plan.clone();
        assert_eq!(od(&mut plan, "SD1.OD3").fte.get(2025), dec!(0.5));
        assert_eq!(od(&mut plan, "SD1.OD2").fte.get(2024), dec!(1));
        assert_eq!(plan.conflicts, outcome.conflicts);
        let text = texts::describe(&plan.conflicts[0], &plan, crate::i18n::Lang::Nl);
        assert_eq!(text, "SD1.OD3 VTE 2025: 0,5 (ons) / 0,6 (hun), basis 0,75");
        resolve(&mut plan, 0, Side::Theirs).expect("resolves");
        assert_eq!(od(&mut plan, "SD1.OD3").fte.get(2025), dec!(0.6));
        assert!(plan.conflicts.is_empty());
        assert!(validate(&plan).is_empty());
    }
}
