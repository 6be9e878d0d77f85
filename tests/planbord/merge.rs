//! Teams on shared files: the three-way merge (property tests over random edits), `planbord
//! merge` and `planbord diff` on their own and as git's merge and diff drivers in a real
//! repository, resolving conflicts in the window, and a synced folder's conflict copy.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use planbord::app::{Dialog, PlanApp};
use planbord::edit::{Edit, LineList, TextField, YearField, apply_to};
use planbord::merge::{self, MergeOutcome, Side};
use planbord::model::{
    Amounts, ConflictKey, ConflictKind, ConflictValue, GoalKind, Id, MergeSide, Plan, validate,
};
use planbord::store;
use planbord::ui::Panel;
use proptest::prelude::*;
use rust_decimal::{Decimal, dec};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use crate::support::{full_sweeps, goal, harness_with, planbord, prefs_on, socius};

fn goal_mut<'a>(plan: &'a mut Plan, code: &str) -> &'a mut planbord::model::OperationalGoal {
    plan.strategic_goals
        .iter_mut()
        .flat_map(|sd| sd.operational_goals.iter_mut())
        .find(|od| od.code == code)
        .unwrap_or_else(|| panic!("no goal {code}"))
}

/// Base, ours and theirs: the Socius plan with SD1.OD3's 2025 FTE (0,75) set to 0,5 by us and
/// to 0,6 by them; they also give SD1.OD2 1 FTE in 2024.
fn fte_conflict() -> (Plan, Plan, Plan) {
    let base = socius();
    assert_eq!(goal(&base, "SD1.OD3").fte.get(2025), dec!(0.75));
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    goal_mut(&mut ours, "SD1.OD3")
        .fte
        .set(2025, Some(dec!(0.5)));
    goal_mut(&mut theirs, "SD1.OD3")
        .fte
        .set(2025, Some(dec!(0.6)));
    goal_mut(&mut theirs, "SD1.OD2")
        .fte
        .set(2024, Some(dec!(1)));
    (base, ours, theirs)
}

fn write(path: &Path, plan: &Plan) {
    std::fs::write(path, store::to_ron_string(plan)).expect("written");
}

// ---------------------------------------------------------------------------------------------
// Random edits, as the editor makes them.

/// One random edit; indexes pick among the items there are when it is applied.
#[derive(Debug, Clone)]
enum Op {
    Fte(usize, usize, u8),
    Operating(usize, usize, u8),
    FundFinanced(usize, usize, u8),
    GoalTitle(usize, u8),
    Situering(usize, u8),
    LineAmount(usize, usize, u16),
    PerYear(usize),
    StaffFte(usize, usize, u8),
    AddSd,
    AddOd(usize),
    RemoveOd(usize),
    AddLine(u8),
    RemoveLine(usize),
    Mission(u8),
    PlanTitle(u8),
    Available(usize, u8),
    Move(usize, bool),
    Profile(usize, usize),
    /// The printed group of a line: none, or one of three.
    Group(usize, u8),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..64;
    prop_oneof![
        (i(), i(), any::<u8>()).prop_map(|(a, b, c)| Op::Fte(a, b, c)),
        (i(), i(), any::<u8>()).prop_map(|(a, b, c)| Op::Operating(a, b, c)),
        (i(), i(), any::<u8>()).prop_map(|(a, b, c)| Op::FundFinanced(a, b, c)),
        (i(), any::<u8>()).prop_map(|(a, b)| Op::GoalTitle(a, b)),
        (i(), any::<u8>()).prop_map(|(a, b)| Op::Situering(a, b)),
        (i(), i(), any::<u16>()).prop_map(|(a, b, c)| Op::LineAmount(a, b, c)),
        i().prop_map(Op::PerYear),
        (i(), i(), any::<u8>()).prop_map(|(a, b, c)| Op::StaffFte(a, b, c)),
        Just(Op::AddSd),
        i().prop_map(Op::AddOd),
        i().prop_map(Op::RemoveOd),
        any::<u8>().prop_map(Op::AddLine),
        i().prop_map(Op::RemoveLine),
        any::<u8>().prop_map(Op::Mission),
        any::<u8>().prop_map(Op::PlanTitle),
        (i(), any::<u8>()).prop_map(|(a, b)| Op::Available(a, b)),
        (i(), any::<bool>()).prop_map(|(a, b)| Op::Move(a, b)),
        (i(), i()).prop_map(|(a, b)| Op::Profile(a, b)),
        (i(), any::<u8>()).prop_map(|(a, b)| Op::Group(a, b)),
    ]
}

/// Who may touch what, so two edit sequences change different fields: side 0 or 1 owns every
/// third operational goal and every other line (and what it adds); shared goals get FTE edits
/// of side 0 in the first two years and of side 1 in the others; the mission is side 0's, the
/// title side 1's.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Anything,
    Side(u64),
}

impl Scope {
    fn owns_goal(self, base: &Plan, id: Id) -> bool {
        match self {
            Scope::Anything => true,
            Scope::Side(side) => id >= base.next_id || id.0 % 3 == side + 1,
        }
    }

    fn owns_line(self, base: &Plan, id: Id) -> bool {
        match self {
            Scope::Anything => true,
            Scope::Side(side) => id >= base.next_id || id.0 % 2 == side,
        }
    }

    /// Whether the FTE of goal `id` in the year at `year_index` may be set.
    fn may_set_fte(self, base: &Plan, id: Id, year_index: usize) -> bool {
        match self {
            Scope::Anything => true,
            Scope::Side(side) => {
                self.owns_goal(base, id)
                    || (id.0.is_multiple_of(3)
                        && (year_index < 2) == (side == 0)
                        && id < base.next_id)
            }
        }
    }
}

fn pick<T: Copy>(list: &[T], index: usize) -> Option<T> {
    (!list.is_empty()).then(|| list[index % list.len()])
}

/// The edit an op makes on `plan`, if it has a target in scope.
fn edit_for(op: &Op, plan: &Plan, base: &Plan, scope: Scope) -> Option<Edit> {
    let years: Vec<i32> = plan.years().collect();
    let ods: Vec<Id> = plan.operational_goals().map(|(_, od)| od.id).collect();
    let owned_ods: Vec<Id> = ods
        .iter()
        .copied()
        .filter(|id| scope.owns_goal(base, *id))
        .collect();
    let goals: Vec<Id> = plan
        .strategic_goals
        .iter()
        .map(|sd| sd.id)
        .chain(ods.iter().copied())
        .filter(|id| scope.owns_goal(base, *id))
        .collect();
    let lines: Vec<Id> = plan
        .overhead
        .iter()
        .chain(&plan.income)
        .map(|l| l.id)
        .filter(|id| scope.owns_line(base, *id))
        .collect();
    let staff: Vec<Id> = plan
        .staff_lines
        .iter()
        .map(|l| l.id)
        .filter(|id| scope.owns_line(base, *id))
        .collect();
    let year = |i: usize| years[i % years.len()];
    let disjoint = matches!(scope, Scope::Side(_));
    let side = match scope {
        Scope::Side(side) => Some(side),
        Scope::Anything => None,
    };
    Some(match *op {
        Op::Fte(g, y, v) => {
            let id = pick(&ods, g)?;
            let y = y % years.len();
            if !scope.may_set_fte(base, id, y) {
                return None;
            }
            let value = (v % 9 != 0).then(|| Decimal::from(v % 9) / dec!(4));
            Edit::SetYear(YearField::GoalFte(id), year(y), value)
        }
        Op::Operating(g, y, v) => Edit::SetYear(
            YearField::GoalOperating(pick(&owned_ods, g)?),
            year(y),
            Some(Decimal::from(v) * dec!(250)),
        ),
        Op::FundFinanced(g, y, v) => Edit::SetYear(
            YearField::GoalFundFinanced(pick(&owned_ods, g)?),
            year(y),
            Some(Decimal::from(v) * dec!(100)),
        ),
        Op::GoalTitle(g, n) => {
            Edit::SetText(TextField::GoalTitle(pick(&goals, g)?), format!("titel {n}"))
        }
        Op::Situering(g, n) => Edit::SetText(
            TextField::Situering(pick(&owned_ods, g)?),
            format!("situering {n}"),
        ),
        Op::LineAmount(l, y, v) => Edit::SetYear(
            YearField::LineAmount(pick(&lines, l)?),
            year(y),
            Some(Decimal::from(v) * dec!(10)),
        ),
        Op::PerYear(l) => Edit::SetRule(pick(&lines, l)?, None),
        Op::StaffFte(l, y, v) => Edit::SetYear(
            YearField::StaffLineFte(pick(&staff, l)?),
            year(y),
            Some(Decimal::from(v % 5) / dec!(2)),
        ),
        Op::AddSd => Edit::AddStrategicGoal {
            kind: GoalKind::External,
        },
        Op::AddOd(s) => {
            let sds: Vec<Id> = plan.strategic_goals.iter().map(|sd| sd.id).collect();
            Edit::AddOperationalGoal {
                strategic_goal: pick(&sds, s)?,
            }
        }
        Op::RemoveOd(g) => Edit::RemoveGoal(pick(&owned_ods, g)?),
        Op::AddLine(k) => Edit::AddLine(match k % 4 {
            0 => LineList::Overhead,
            1 => LineList::Income,
            2 => LineList::ServiceStaff,
            _ => LineList::SalaryProfile,
        }),
        Op::RemoveLine(l) => {
            let mut removable = lines.clone();
            removable.extend(&staff);
            if !disjoint {
                removable.extend(plan.salary_profiles.iter().map(|p| p.id));
            }
            Edit::RemoveLine(pick(&removable, l)?)
        }
        Op::Mission(n) if side != Some(1) => {
            Edit::SetText(TextField::Mission, format!("missie {n}"))
        }
        Op::PlanTitle(n) if side != Some(0) => Edit::SetText(TextField::Title, format!("plan {n}")),
        Op::Mission(_) | Op::PlanTitle(_) => return None,
        Op::Available(y, v) => {
            let y = y % years.len();
            if side.is_some_and(|side| (y < 2) != (side == 0)) {
                return None;
            }
            Edit::SetYear(
                YearField::AvailableFte,
                year(y),
                Some(Decimal::from(v % 40) / dec!(2)),
            )
        }
        Op::Move(g, down) if !disjoint => {
            let all: Vec<Id> = plan
                .strategic_goals
                .iter()
                .map(|sd| sd.id)
                .chain(ods.iter().copied())
                .collect();
            Edit::MoveGoal(pick(&all, g)?, if down { 1 } else { -1 })
        }
        Op::Profile(g, p) if !disjoint => {
            let profiles: Vec<Id> = plan.salary_profiles.iter().map(|p| p.id).collect();
            Edit::SetProfile(pick(&ods, g)?, pick(&profiles, p)?)
        }
        Op::Move(..) | Op::Profile(..) => return None,
        Op::Group(l, n) => Edit::SetPrintedGroup(
            pick(&lines, l)?,
            (n % 4 != 0).then(|| format!("groep {}", n % 4)),
        ),
    })
}

/// Applies the ops as the editor would: an edit that is refused or makes the plan invalid is
/// not made.
fn edited(base: &Plan, ops: &[Op], scope: Scope) -> Plan {
    let mut plan = base.clone();
    for op in ops {
        let Some(edit) = edit_for(op, &plan, base, scope) else {
            continue;
        };
        let mut next = plan.clone();
        if apply_to(&mut next, &edit).is_ok() && validate(&next).is_empty() {
            plan = next;
        }
    }
    plan
}

/// What a plan says, by item id: (id, field, year) -> value. Codes are left out (the merge may
/// give an added goal another code).
type Facts = BTreeMap<(Id, &'static str, i32), String>;

fn facts(plan: &Plan) -> Facts {
    let mut facts = Facts::new();
    // A year without a value counts as zero: zeros are left out.
    let mut put = |id: Id, field: &'static str, year: i32, value: String| {
        if year == 0 || value.parse::<Decimal>().is_ok_and(|v| !v.is_zero()) {
            facts.insert((id, field, year), value);
        }
    };
    put(Id(0), "mission", 0, plan.mission.clone());
    put(Id(0), "title", 0, plan.meta.title.clone());
    for (year, v) in &plan.available_fte.0 {
        put(Id(0), "available", *year, v.normalize().to_string());
    }
    for sd in &plan.strategic_goals {
        put(sd.id, "exists", 0, String::new());
        put(sd.id, "title", 0, sd.title.clone());
        for od in &sd.operational_goals {
            put(od.id, "exists", 0, sd.id.0.to_string());
            put(od.id, "title", 0, od.title.clone());
            put(od.id, "situering", 0, od.situering.clone());
            put(od.id, "profile", 0, od.salary_profile.0.to_string());
            for (year, v) in &od.fte.0 {
                put(od.id, "fte", *year, v.normalize().to_string());
            }
            for (year, v) in &od.operating.0 {
                put(od.id, "operating", *year, v.normalize().to_string());
            }
            for (year, v) in &od.fund_financed.0 {
                put(od.id, "fund_financed", *year, v.normalize().to_string());
            }
        }
    }
    for line in plan.overhead.iter().chain(&plan.income) {
        put(line.id, "exists", 0, String::new());
        let group = line.printed_group.clone().unwrap_or_default();
        put(line.id, "group", 0, group);
        match &line.amounts {
            Amounts::PerYear(values) => {
                for (year, v) in &values.0 {
                    put(line.id, "amount", *year, v.normalize().to_string());
                }
            }
            Amounts::Rule(rule) => put(line.id, "rule", 0, format!("{rule:?}")),
        }
    }
    for line in &plan.staff_lines {
        put(line.id, "exists", 0, String::new());
        for (year, v) in &line.fte.0 {
            put(line.id, "fte", *year, v.normalize().to_string());
        }
    }
    for profile in &plan.salary_profiles {
        put(profile.id, "exists", 0, String::new());
    }
    facts
}

/// Zero and absent are the same value per year.
fn same_fact(a: Option<&String>, b: Option<&String>, year: i32) -> bool {
    let zero =
        |v: Option<&String>| v.is_none_or(|v| v.parse::<Decimal>().is_ok_and(|d| d.is_zero()));
    a == b || (year != 0 && zero(a) && zero(b))
}

/// Every fact `side` changed against `base` (ids renamed by the merge), as the merged plan must
/// have it.
fn assert_has_changes(merged: &Plan, base: &Plan, side: &Plan, renumbered: &BTreeMap<Id, Id>) {
    let (merged_facts, base_facts) = (facts(merged), facts(base));
    let rename = |id: Id| renumbered.get(&id).copied().unwrap_or(id);
    let side_facts: Facts = facts(side)
        .into_iter()
        .map(|((id, f, y), v)| {
            let v = if f == "exists" && !v.is_empty() {
                rename(Id(v.parse().unwrap())).0.to_string()
            } else {
                v
            };
            ((rename(id), f, y), v)
        })
        .collect();
    let base_facts: Facts = base_facts.into_iter().collect();
    let keys: BTreeSet<_> = side_facts
        .keys()
        .chain(base_facts.keys())
        .copied()
        .collect();
    for key in keys {
        let (in_side, in_base) = (side_facts.get(&key), base_facts.get(&key));
        if same_fact(in_side, in_base, key.2) {
            continue;
        }
        assert!(
            same_fact(merged_facts.get(&key), in_side, key.2),
            "{key:?}: the side has {in_side:?} (base {in_base:?}), the merge {:?}",
            merged_facts.get(&key)
        );
    }
}

fn cases() -> u32 {
    if full_sweeps() { 256 } else { 16 }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Edits of different fields (other goals, other lines, other years of a shared goal,
    /// added goals and lines on both sides) merge without conflict, and the merge has them all.
    #[test]
    fn edits_of_different_fields_all_arrive(
        a in prop::collection::vec(op(), 0..14),
        b in prop::collection::vec(op(), 0..14),
    ) {
        let base = socius();
        let (ours, theirs) = (edited(&base, &a, Scope::Side(0)), edited(&base, &b, Scope::Side(1)));
        let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
        prop_assert!(validate(&outcome.plan).is_empty(), "{:?}", validate(&outcome.plan));
        prop_assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
        assert_has_changes(&outcome.plan, &base, &ours, &BTreeMap::new());
        assert_has_changes(&outcome.plan, &base, &theirs, &outcome.renumbered);
        let ids: Vec<Id> = outcome.plan.operational_goals().map(|(_, od)| od.id).collect();
        prop_assert!(ids.iter().all(|id| *id < outcome.plan.next_id));
    }

    /// Merging with an unchanged side gives the other side, whichever it is.
    #[test]
    fn an_unchanged_side_gives_the_other(a in prop::collection::vec(op(), 0..14)) {
        let base = socius();
        let changed = edited(&base, &a, Scope::Anything);
        for prefer in [Side::Ours, Side::Theirs] {
            let outcome = merge::merge(&base, &changed, &base, prefer);
            prop_assert_eq!(&outcome.plan, &changed);
            let outcome = merge::merge(&base, &base, &changed, prefer);
            prop_assert_eq!(&outcome.plan, &changed);
            prop_assert!(outcome.conflicts.is_empty());
        }
    }

    /// Any two edit sequences merge into a valid plan, and swapping the sides (and the preferred
    /// side with them) gives the same plan up to the ids of added items.
    #[test]
    fn merging_is_symmetric_up_to_the_winner(
        a in prop::collection::vec(op(), 0..14),
        b in prop::collection::vec(op(), 0..14),
    ) {
        let base = socius();
        let (one, two) = (edited(&base, &a, Scope::Anything), edited(&base, &b, Scope::Anything));
        let forward = merge::merge(&base, &one, &two, Side::Ours);
        let backward = merge::merge(&base, &two, &one, Side::Theirs);
        for outcome in [&forward, &backward] {
            prop_assert!(validate(&outcome.plan).is_empty(), "{:?}", validate(&outcome.plan));
            let reloaded = store::from_ron_str(&store::to_ron_string(&outcome.plan), Path::new("m.ron"));
            prop_assert!(reloaded.is_ok_and(|p| p == outcome.plan));
        }
        prop_assert_eq!(forward.conflicts.len(), backward.conflicts.len());
        // Facts about the items of the base are the same; added items alike up to their ids.
        let new_id = |v: &str| v.parse::<u64>().is_ok_and(|id| id >= base.next_id.0);
        let split = |outcome: &MergeOutcome| {
            let (old, new): (Facts, Facts) = facts(&outcome.plan)
                .into_iter()
                .map(|(k, v)| {
                    let refers = matches!(k.1, "exists" | "profile") && new_id(&v);
                    (k, if refers { "new".to_string() } else { v })
                })
                .partition(|((id, _, _), _)| *id < base.next_id);
            let mut new: Vec<(&'static str, i32, String)> =
                new.into_iter().map(|((_, f, y), v)| (f, y, v)).collect();
            new.sort();
            (old, new)
        };
        prop_assert_eq!(split(&forward), split(&backward));
        // The conflicts about items of the base are the same with the sides swapped.
        let plain = |v: &ConflictValue| match v {
            ConflictValue::Data(_) => None,
            v => Some(v.clone()),
        };
        let project = |c: &planbord::model::Conflict, swap: bool| {
            let (mut ours, mut theirs, mut kept) = (plain(&c.ours), plain(&c.theirs), c.kept);
            if swap {
                std::mem::swap(&mut ours, &mut theirs);
                kept = kept.other();
            }
            (c.item, c.field.clone(), c.key, c.kind, ours, theirs, kept)
        };
        let on_base = |c: &&planbord::model::Conflict| {
            c.item.is_none_or(|id| id < base.next_id) && c.entry().is_none_or(|id| id < base.next_id)
        };
        let forward_base: Vec<_> = forward.conflicts.iter().filter(on_base).map(|c| project(c, true)).collect();
        let backward_base: Vec<_> = backward.conflicts.iter().filter(on_base).map(|c| project(c, false)).collect();
        for c in &forward_base {
            prop_assert!(backward_base.contains(c), "{c:?} not in {backward_base:?}");
        }
    }
}

#[test]
fn both_adding_goals_gives_distinct_ids_and_codes() {
    let base = socius();
    let add_goal = |plan: &Plan, title: &str| {
        let mut plan = plan.clone();
        apply_to(
            &mut plan,
            &Edit::AddStrategicGoal {
                kind: GoalKind::External,
            },
        )
        .unwrap();
        let id = plan.strategic_goals.last().unwrap().id;
        apply_to(
            &mut plan,
            &Edit::SetText(TextField::GoalTitle(id), title.into()),
        )
        .unwrap();
        apply_to(&mut plan, &Edit::AddOperationalGoal { strategic_goal: id }).unwrap();
        plan
    };
    let (ours, theirs) = (add_goal(&base, "Ons doel"), add_goal(&base, "Hun doel"));
    let ours_sd = ours.strategic_goals.last().unwrap().clone();
    let theirs_sd = theirs.strategic_goals.last().unwrap().clone();
    assert_eq!(ours_sd.id, theirs_sd.id, "both handed out the same new id");
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    let plan = &outcome.plan;
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    assert!(validate(plan).is_empty());
    let n = plan.strategic_goals.len();
    assert_eq!(n, base.strategic_goals.len() + 2);
    let (mine, other) = (&plan.strategic_goals[n - 2], &plan.strategic_goals[n - 1]);
    assert_eq!(
        (mine.title.as_str(), other.title.as_str()),
        ("Ons doel", "Hun doel")
    );
    assert_eq!(mine.id, ours_sd.id);
    assert_ne!(other.id, ours_sd.id);
    assert_eq!(outcome.renumbered.get(&theirs_sd.id), Some(&other.id));
    assert!(plan.next_id > other.operational_goals[0].id);
    assert!(plan.next_id >= ours.next_id.max(theirs.next_id));
    // Both were SD4 (and SD4.OD1); theirs takes the code of its place.
    assert_eq!(mine.code, ours_sd.code);
    assert_ne!(other.code, mine.code);
    assert_eq!(other.code, format!("SD{n}"));
    assert!(!outcome.notes.is_empty());
}

#[test]
fn a_profile_removed_by_one_side_but_used_by_the_other_stays() {
    let mut base = socius();
    apply_to(&mut base, &Edit::AddLine(LineList::SalaryProfile)).unwrap();
    let profile = base.salary_profiles.last().unwrap().id;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    apply_to(&mut ours, &Edit::RemoveLine(profile)).unwrap();
    let od = goal(&theirs, "SD2.OD1").id;
    apply_to(&mut theirs, &Edit::SetProfile(od, profile)).unwrap();
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    assert!(validate(&outcome.plan).is_empty());
    assert_eq!(goal(&outcome.plan, "SD2.OD1").salary_profile, profile);
    assert!(outcome.plan.salary_profile(profile).is_some());
    let conflict = &outcome.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::RemovedAndChanged);
    assert_eq!(conflict.key, Some(ConflictKey::Entry(profile)));
    assert_eq!(conflict.kept, MergeSide::Theirs);
}

#[test]
fn changes_that_break_a_rule_together_hold_back_the_other_side() {
    // SD3.OD1 takes part of its operating budget from a fund; we raise that part, they lower
    // the budget below it: each alone is fine, together more comes from the fund than is spent.
    let base = socius();
    let code = base
        .operational_goals()
        .find(|(_, od)| od.fund.is_some())
        .map(|(_, od)| od.code.clone())
        .expect("a goal financed from a fund");
    let year = 2023;
    let operating = goal(&base, &code).operating.get(year);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    goal_mut(&mut ours, &code)
        .fund_financed
        .set(year, Some(operating));
    goal_mut(&mut theirs, &code)
        .operating
        .set(year, Some(operating / dec!(2)));
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    assert!(validate(&outcome.plan).is_empty());
    let merged = goal(&outcome.plan, &code);
    assert_eq!(merged.fund_financed.get(year), operating);
    assert_eq!(
        merged.operating.get(year),
        operating,
        "their change is held back"
    );
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.conflicts[0].kind, ConflictKind::BreaksRule);
    assert_eq!(outcome.conflicts[0].field, "operating");
}

// ---------------------------------------------------------------------------------------------
// The command line.

#[test]
fn a_conflict_is_named_with_field_year_and_the_three_values() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = fte_conflict();
    let path = |name: &str| dir.path().join(name);
    write(&path("base.ron"), &base);
    write(&path("ours.ron"), &ours);
    write(&path("theirs.ron"), &theirs);
    let arg = |name: &str| path(name).display().to_string();
    let ours_bytes = std::fs::read(path("ours.ron")).unwrap();

    let (code, out, err) = planbord(&[
        "merge",
        &arg("base.ron"),
        &arg("ours.ron"),
        &arg("theirs.ron"),
        "-o",
        &arg("out.ron"),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("- SD1.OD3 VTE 2025: 0,5 (ons) / 0,6 (hun), basis 0,75\n"),
        "{out}"
    );
    assert!(out.contains("1 conflict;"), "{out}");
    assert_eq!(std::fs::read(path("ours.ron")).unwrap(), ours_bytes);
    let merged = store::load(&path("out.ron")).expect("the merged plan loads");
    assert_eq!(goal(&merged, "SD1.OD3").fte.get(2025), dec!(0.5));
    // `planbord check` lists what is left to pick.
    let (code, out, _) = planbord(&["check", &arg("out.ron")]);
    assert_eq!(code, 0);
    assert!(
        out.contains("conflict: SD1.OD3 VTE 2025: 0,5 (ons) / 0,6 (hun), basis 0,75\n"),
        "{out}"
    );
    // And in English when asked.
    let (code, out, _) = planbord(&["check", &arg("out.ron"), "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("conflict: SD1.OD3 FTE 2025: 0,5 (ours) / 0,6 (theirs), base 0,75\n"),
        "{out}"
    );
    assert_eq!(goal(&merged, "SD1.OD2").fte.get(2024), dec!(1));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].theirs,
        ConflictValue::Text("0.6".into())
    );

    let (code, out, _) = planbord(&[
        "merge",
        &arg("base.ron"),
        &arg("ours.ron"),
        &arg("theirs.ron"),
        "-o",
        &arg("out.ron"),
        "--prefer",
        "theirs",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("- SD1.OD3 FTE 2025: 0,5 (ours) / 0,6 (theirs), base 0,75\n"),
        "{out}"
    );
    let merged = store::load(&path("out.ron")).unwrap();
    assert_eq!(goal(&merged, "SD1.OD3").fte.get(2025), dec!(0.6));
    assert_eq!(merged.conflicts[0].kept, MergeSide::Theirs);

    // Without -o the result goes to OURS (what git's merge driver expects).
    let (code, _, _) = planbord(&[
        "merge",
        &arg("base.ron"),
        &arg("ours.ron"),
        &arg("theirs.ron"),
    ]);
    assert_eq!(code, 1);
    let rewritten = store::load(&path("ours.ron")).unwrap();
    assert_eq!(rewritten.conflicts.len(), 1);
    assert!(!store::backup_path(&path("ours.ron")).exists());
}

#[test]
fn printed_groups_merge_by_field_and_a_double_change_is_a_conflict_in_words() {
    let base = socius();
    let line =
        |plan: &Plan, name: &str| -> Id { plan.income.iter().find(|l| l.name == name).unwrap().id };
    let group = |plan: &Plan, name: &str| {
        plan.income
            .iter()
            .find(|l| l.name == name)
            .unwrap()
            .printed_group
            .clone()
    };
    let (rent, werking) = (
        line(&base, "Inkomsten externe verhuur"),
        line(&base, "Werking"),
    );
    // Ours groups "Werking", theirs changes the rent's amount and drops its group: both merge.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    apply_to(
        &mut ours,
        &Edit::SetPrintedGroup(werking, Some("Eigen inkomsten".into())),
    )
    .unwrap();
    apply_to(
        &mut theirs,
        &Edit::SetYear(YearField::LineAmount(rent), 2022, Some(dec!(9000))),
    )
    .unwrap();
    apply_to(&mut theirs, &Edit::SetPrintedGroup(rent, None)).unwrap();
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let merged = &outcome.plan;
    assert_eq!(group(merged, "Werking").as_deref(), Some("Eigen inkomsten"));
    assert_eq!(group(merged, "Inkomsten externe verhuur"), None);
    assert_eq!(
        group(merged, "Financiële opbrengsten").as_deref(),
        Some("Inkomsten verhuur en financiën")
    );
    let rent_line = merged.income.iter().find(|l| l.id == rent).unwrap();
    assert_eq!(rent_line.amounts.value(2022), dec!(9000));

    // Both change the same line's group differently: a conflict with the three values.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    apply_to(
        &mut ours,
        &Edit::SetPrintedGroup(rent, Some("Verhuur".into())),
    )
    .unwrap();
    apply_to(&mut theirs, &Edit::SetPrintedGroup(rent, None)).unwrap();
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    assert_eq!(outcome.conflicts.len(), 1, "{:?}", outcome.conflicts);
    let merged = &outcome.plan;
    assert!(validate(merged).is_empty());
    assert_eq!(
        group(merged, "Inkomsten externe verhuur").as_deref(),
        Some("Verhuur")
    );
    let conflict = &outcome.conflicts[0];
    assert_eq!(
        merge::texts::describe(conflict, merged, planbord::i18n::Lang::Nl),
        "inkomstenlijn «Inkomsten externe verhuur» groep in meerjarenbegroting: «Verhuur» (ons) / \
         leeg (hun), basis «Inkomsten verhuur en financiën»"
    );
    assert!(
        merge::texts::describe(conflict, merged, planbord::i18n::Lang::En)
            .contains("group in multi-year budget"),
    );
    // Picking theirs removes the group again.
    let mut resolved = merged.clone();
    apply_to(&mut resolved, &Edit::ResolveConflict(0, MergeSide::Theirs)).unwrap();
    assert_eq!(group(&resolved, "Inkomsten externe verhuur"), None);
}

#[test]
fn merge_refuses_unreadable_input_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, _) = fte_conflict();
    write(&dir.path().join("base.ron"), &base);
    write(&dir.path().join("ours.ron"), &ours);
    std::fs::write(
        dir.path().join("theirs.ron"),
        "(format_version: 1, next_id: ",
    )
    .unwrap();
    let arg = |name: &str| dir.path().join(name).display().to_string();
    let (code, out, err) = planbord(&[
        "merge",
        &arg("base.ron"),
        &arg("ours.ron"),
        &arg("theirs.ron"),
        "-o",
        &arg("out.ron"),
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("theirs.ron"), "{err}");
    assert!(!dir.path().join("out.ron").exists());
}

#[test]
fn an_empty_base_merges_without_a_common_version() {
    // git gives an empty common version when both branches added the file.
    let dir = tempfile::tempdir().unwrap();
    let (_, ours, theirs) = fte_conflict();
    std::fs::write(dir.path().join("base.ron"), "").unwrap();
    write(&dir.path().join("ours.ron"), &ours);
    write(&dir.path().join("theirs.ron"), &theirs);
    let arg = |name: &str| dir.path().join(name).display().to_string();
    let (code, out, err) = planbord(&[
        "merge",
        &arg("base.ron"),
        &arg("ours.ron"),
        &arg("theirs.ron"),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(
            "- SD1.OD3 VTE 2025: 0,5 (ons) / 0,6 (hun) (geen gemeenschappelijke versie bekend)\n"
        ),
        "{out}"
    );
    let merged = store::load(&dir.path().join("ours.ron")).unwrap();
    assert_eq!(merged.conflicts.len(), 2);
    assert_eq!(
        goal(&merged, "SD1.OD2").fte.get(2024),
        goal(&ours, "SD1.OD2").fte.get(2024)
    );
}

#[test]
fn diff_tells_the_changes_in_words_also_with_gits_seven_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, _) = fte_conflict();
    write(&dir.path().join("a.ron"), &base);
    write(&dir.path().join("b.ron"), &ours);
    let arg = |name: &str| dir.path().join(name).display().to_string();
    let (code, out, _) = planbord(&["diff", &arg("a.ron"), &arg("b.ron")]);
    assert_eq!(code, 0);
    assert!(out.contains("SD1.OD3 2025: 0,75 -> 0,5 VTE"), "{out}");
    let (code, out, _) = planbord(&[
        "diff",
        "plan.ron",
        &arg("a.ron"),
        "abc123",
        "100644",
        &arg("b.ron"),
        "def456",
        "100644",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("planbord diff plan.ron\n"), "{out}");
    assert!(out.contains("SD1.OD3 2025: 0,75 -> 0,5 VTE"), "{out}");
    let (code, out, _) = planbord(&["diff", &arg("a.ron"), &arg("a.ron")]);
    assert_eq!((code, out.as_str()), (0, "geen verschillen\n"));
}

// ---------------------------------------------------------------------------------------------
// git: the merge driver and the diff driver in a real repository.

fn git(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn commit_plan(dir: &Path, plan: &Plan, message: &str) {
    write(&dir.join("plan.ron"), plan);
    let (ok, text) = git(dir, &["commit", "-q", "-am", message]);
    assert!(ok, "{text}");
}

#[test]
fn git_merges_two_branches_with_planbord_as_merge_driver() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let bin = env!("CARGO_BIN_EXE_planbord");
    for args in [
        vec!["init", "-q"],
        vec!["checkout", "-q", "-b", "main"],
        vec!["config", "user.name", "Test"],
        vec!["config", "user.email", "test@example.org"],
        vec!["config", "commit.gpgsign", "false"],
        vec!["config", "merge.planbord.name", "Planbord plan merge"],
        vec![
            "config",
            "merge.planbord.driver",
            &format!("{bin} merge %O %A %B -o %A"),
        ],
        vec!["config", "diff.planbord.command", &format!("{bin} diff")],
    ] {
        let (ok, text) = git(dir, &args);
        assert!(ok, "{args:?}: {text}");
    }
    std::fs::write(
        dir.join(".gitattributes"),
        "*.ron merge=planbord diff=planbord\n",
    )
    .unwrap();
    let base = socius();
    write(&dir.join("plan.ron"), &base);
    assert!(git(dir, &["add", "."]).0);
    commit_plan(dir, &base, "base");

    // The coordinator of SD1 and the finance coordinator edit on their own branches.
    assert!(git(dir, &["checkout", "-q", "-b", "sd1"]).0);
    let mut sd1 = base.clone();
    goal_mut(&mut sd1, "SD1.OD3").fte.set(2025, Some(dec!(0.5)));
    goal_mut(&mut sd1, "SD1.OD3").title = "Civiel actorschap, herwerkt".into();
    commit_plan(dir, &sd1, "SD1.OD3 minder VTE");
    assert!(git(dir, &["checkout", "-q", "main"]).0);
    let mut finance = base.clone();
    goal_mut(&mut finance, "SD1.OD3")
        .fte
        .set(2021, Some(dec!(1)));
    goal_mut(&mut finance, "SD2.OD1")
        .operating
        .set(2022, Some(dec!(98765)));
    commit_plan(dir, &finance, "werkingsmiddelen");

    let (ok, text) = git(dir, &["merge", "--no-edit", "sd1"]);
    assert!(ok, "{text}");
    let merged = store::load(&dir.join("plan.ron")).expect("the merged plan loads");
    let od = goal(&merged, "SD1.OD3");
    assert_eq!(od.fte.get(2025), dec!(0.5));
    assert_eq!(od.fte.get(2021), dec!(1));
    assert_eq!(od.title, "Civiel actorschap, herwerkt");
    assert_eq!(goal(&merged, "SD2.OD1").operating.get(2022), dec!(98765));
    assert!(merged.conflicts.is_empty());
    let (_, status) = git(dir, &["status", "--porcelain"]);
    assert_eq!(status, "", "nothing left behind");

    // git log -p reads as sentences through the diff driver.
    let (ok, log) = git(dir, &["log", "-p", "--ext-diff", "-1", "sd1"]);
    assert!(ok, "{log}");
    assert!(log.contains("SD1.OD3 2025: 0,75 -> 0,5 VTE"), "{log}");

    // Both change one value differently: git stops with the conflict, the file holds a plan
    // that takes ours and lists the conflict.
    assert!(git(dir, &["checkout", "-q", "-b", "other"]).0);
    let mut other = merged.clone();
    goal_mut(&mut other, "SD2.OD1").fte.set(2023, Some(dec!(2)));
    commit_plan(dir, &other, "SD2.OD1 2 VTE");
    assert!(git(dir, &["checkout", "-q", "main"]).0);
    let mut mine = merged.clone();
    goal_mut(&mut mine, "SD2.OD1")
        .fte
        .set(2023, Some(dec!(1.5)));
    commit_plan(dir, &mine, "SD2.OD1 1,5 VTE");
    let (ok, text) = git(dir, &["merge", "--no-edit", "other"]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("SD2.OD1 VTE 2023: 1,5 (ons) / 2 (hun)"),
        "{text}"
    );
    let conflicted = store::load(&dir.join("plan.ron")).expect("still a plan");
    assert_eq!(goal(&conflicted, "SD2.OD1").fte.get(2023), dec!(1.5));
    assert_eq!(conflicted.conflicts.len(), 1);
    let (_, status) = git(dir, &["status", "--porcelain"]);
    assert!(status.contains("UU plan.ron"), "{status}");
    // Opened in the window, the plan shows its conflicts.
    let app = PlanApp::from_files(&[dir.join("plan.ron")], None);
    assert_eq!(app.view.panel, Panel::Conflicts);
}

// ---------------------------------------------------------------------------------------------
// The window.

#[test]
fn picking_a_side_in_the_conflicts_panel_is_an_undoable_edit() {
    let (base, ours, theirs) = fte_conflict();
    let outcome = merge::merge(&base, &ours, &theirs, Side::Ours);
    let mut h = harness_with(PlanApp::new(outcome.plan, None, prefs_on(Panel::Conflicts)));
    h.run();
    h.get_by_label("Conflicten (1)");
    assert_eq!(h.state().plan().conflicts.len(), 1);
    h.get_by_label("SD1.OD3 VTE 2025: hun").click();
    h.run();
    assert_eq!(goal(h.state().plan(), "SD1.OD3").fte.get(2025), dec!(0.6));
    assert!(h.state().plan().conflicts.is_empty());
    assert!(h.query_by_label("SD1.OD3 VTE 2025: hun").is_none());
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::Nl),
        Some("conflict SD1.OD3 VTE 2025: hun")
    );
    // With no conflict left the tab goes; undo brings the conflict and the tab back.
    assert!(h.query_by_label("Conflicten (1)").is_none());
    assert_eq!(h.state().view.panel, Panel::Goals);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(goal(h.state().plan(), "SD1.OD3").fte.get(2025), dec!(0.5));
    assert_eq!(h.state().plan().conflicts.len(), 1);
    h.get_by_label("Conflicten (1)").click();
    h.run();
    h.get_by_label("SD1.OD3 VTE 2025: ons").click();
    h.run();
    assert_eq!(goal(h.state().plan(), "SD1.OD3").fte.get(2025), dec!(0.5));
    assert!(h.state().plan().conflicts.is_empty());
}

#[test]
fn a_synced_folders_conflict_copy_is_offered_and_merged() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = fte_conflict();
    let plan_path = dir.path().join("plan.ron");
    // The last version both had is the backup of our save.
    store::save(&base, &plan_path).unwrap();
    store::save(&ours, &plan_path).unwrap();
    let copy = dir
        .path()
        .join("plan (conflicted copy 2026-11-30 101010).ron");
    write(&copy, &theirs);
    write(&dir.path().join("plan-variant.ron"), &theirs);
    // Named like a copy, but another plan: not offered.
    write(
        &dir.path().join("plan (1).ron"),
        &planbord::app::template_plan(),
    );
    let copy_bytes = std::fs::read(&copy).unwrap();
    assert_eq!(
        planbord::app::conflict_copies(&plan_path),
        vec![dir.path().join("plan (1).ron"), copy.clone()]
    );

    let app = PlanApp::from_files(std::slice::from_ref(&plan_path), None);
    assert_eq!(
        app.dialog,
        Some(Dialog::ConflictCopy {
            copy: copy.clone(),
            has_base: true
        })
    );
    let mut h = harness_with(app);
    h.run();
    h.get_by_label("Samenvoegen").click();
    h.run();
    let app = h.state();
    assert!(app.dialog.is_none());
    assert_eq!(app.path(), Some(plan_path.as_path()));
    assert!(app.is_dirty(), "the merged plan is not saved yet");
    assert_eq!(app.view.panel, Panel::Conflicts);
    // Their change came in (to confirm); the value both changed keeps ours.
    assert_eq!(goal(app.plan(), "SD1.OD2").fte.get(2024), dec!(1));
    assert_eq!(goal(app.plan(), "SD1.OD3").fte.get(2025), dec!(0.5));
    let kinds: Vec<ConflictKind> = app.plan().conflicts.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [ConflictKind::Unconfirmed, ConflictKind::BothChanged],
        "{:?}",
        app.plan().conflicts
    );
    assert_eq!(std::fs::read(&copy).unwrap(), copy_bytes, "the copy stays");
    assert_eq!(
        store::load(&plan_path).unwrap(),
        ours,
        "the file is not written"
    );
    h.get_by_label("Conflicten (2)");
}

#[test]
fn without_a_usable_backup_every_difference_is_a_conflict_and_nothing_goes() {
    let (_, ours, mut theirs) = fte_conflict();
    // The copy removed a goal; with no common version that is not taken.
    let removed = theirs.strategic_goals[1].operational_goals.remove(0).id;
    let outcome = merge::merge_unsure(None, &ours, &theirs);
    assert!(validate(&outcome.plan).is_empty());
    assert!(outcome.plan.operational_goal(removed).is_some());
    assert!(
        outcome
            .conflicts
            .iter()
            .all(|c| c.kind == ConflictKind::Differs),
        "{:?}",
        outcome.conflicts
    );
    assert_eq!(goal(&outcome.plan, "SD1.OD3").fte.get(2025), dec!(0.5));
    assert_eq!(
        goal(&outcome.plan, "SD1.OD2").fte.get(2024),
        goal(&ours, "SD1.OD2").fte.get(2024)
    );
    assert_eq!(outcome.conflicts.len(), 2);
}

#[test]
fn a_plan_with_conflicts_keeps_them_through_a_save() {
    let (base, ours, theirs) = fte_conflict();
    let plan = merge::merge(&base, &ours, &theirs, Side::Ours).plan;
    let text = store::to_ron_string(&plan);
    assert!(text.contains("conflicts: ["), "{text}");
    let reloaded = store::from_ron_str(&text, Path::new("plan.ron")).unwrap();
    assert_eq!(reloaded, plan);
    // A plan without conflicts writes no `conflicts` at all: files stay as they were.
    let sample = std::fs::read_to_string(crate::support::SOCIUS).unwrap();
    assert_eq!(store::to_ron_string(&socius()), sample);
    // A conflict about an item the plan lacks is refused on load, with the place.
    let broken = text.replacen(
        &format!("item: Some({}),", goal(&plan, "SD1.OD3").id.0),
        "item: Some(999999),",
        1,
    );
    let error = store::from_ron_str(&broken, Path::new("plan.ron")).unwrap_err();
    assert!(error.to_string().contains("999999"), "{error}");
}
