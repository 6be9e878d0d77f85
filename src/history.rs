//! What an undo step keeps: only the parts of the plan an edit changed, not a copy of the whole
//! plan. History memory then grows with the size of the edits (an FTE edit keeps one strategic
//! goal), not with the size of the plan.
//!
//! A [`Patch`] holds the values of some parts of a plan; [`Patch::swap`] puts them in and gives
//! back a patch with the values they replaced, so the same step serves undo and redo.

use crate::model::{Plan, StrategicGoal};

/// One part of a plan that can be swapped: a top-level field, or one strategic goal.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Whole(Box<Plan>),
    /// A strategic goal at its position (when the goals kept their number and order).
    Goal(usize, Box<StrategicGoal>),
    /// Every other field of the plan: the plan with the goals left out.
    Rest(Box<Plan>),
}

/// Values of parts of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Patch(Vec<Part>);

impl Patch {
    /// No parts.
    pub fn empty() -> Patch {
        Patch(Vec::new())
    }

    /// The strategic goal at `index` as it was before a change confined to it.
    pub fn goal(index: usize, before: StrategicGoal) -> Patch {
        Patch(vec![Part::Goal(index, Box::new(before))])
    }

    /// The parts of `before` that differ in `after`: what undoing the change needs.
    pub fn between(before: &Plan, after: &Plan) -> Patch {
        let same_goals = before.strategic_goals.len() == after.strategic_goals.len()
            && before
                .strategic_goals
                .iter()
                .zip(&after.strategic_goals)
                .all(|(b, a)| b.id == a.id);
        if !same_goals {
            return Patch(vec![Part::Whole(Box::new(before.clone()))]);
        }
        let mut parts: Vec<Part> = before
            .strategic_goals
            .iter()
            .zip(&after.strategic_goals)
            .enumerate()
            .filter(|(_, (b, a))| b != a)
            .map(|(i, (b, _))| Part::Goal(i, Box::new(b.clone())))
            .collect();
        if !rest_equal(before, after) {
            parts.push(Part::Rest(Box::new(plan_shell(before))));
        }
        Patch(parts)
    }

    /// Puts the patch's values into `plan`; returns the values they replaced.
    pub fn swap(self, plan: &mut Plan) -> Patch {
        let mut inverse = Vec::with_capacity(self.0.len());
        for part in self.0 {
            match part {
                Part::Whole(whole) => {
                    inverse.push(Part::Whole(Box::new(std::mem::replace(plan, *whole))));
                }
                Part::Goal(i, goal) => {
                    let old = std::mem::replace(&mut plan.strategic_goals[i], *goal);
                    inverse.push(Part::Goal(i, Box::new(old)));
                }
                Part::Rest(rest) => {
                    let goals = std::mem::take(&mut plan.strategic_goals);
                    let mut old = std::mem::replace(plan, *rest);
                    plan.strategic_goals = goals;
                    old.strategic_goals = Vec::new();
                    inverse.push(Part::Rest(Box::new(old)));
                }
            }
        }
        inverse.reverse();
        Patch(inverse)
    }
}

/// A copy of `plan` without its strategic goals, made without copying them.
fn plan_shell(plan: &Plan) -> Plan {
    Plan {
        format_version: plan.format_version,
        next_id: plan.next_id,
        meta: plan.meta.clone(),
        mission: plan.mission.clone(),
        priorities: plan.priorities.clone(),
        sections: plan.sections.clone(),
        core_tasks: plan.core_tasks.clone(),
        activity_types: plan.activity_types.clone(),
        strategic_goals: Vec::new(),
        general_indicators: plan.general_indicators.clone(),
        salary_profiles: plan.salary_profiles.clone(),
        staff_lines: plan.staff_lines.clone(),
        available_fte: plan.available_fte.clone(),
        overhead: plan.overhead.clone(),
        income: plan.income.clone(),
        funds: plan.funds.clone(),
        accounts: plan.accounts.clone(),
        conflicts: plan.conflicts.clone(),
        actuals: plan.actuals.clone(),
    }
}

/// Whether everything but the strategic goals is equal.
fn rest_equal(a: &Plan, b: &Plan) -> bool {
    a.format_version == b.format_version
        && a.next_id == b.next_id
        && a.meta == b.meta
        && a.mission == b.mission
        && a.priorities == b.priorities
        && a.sections == b.sections
        && a.core_tasks == b.core_tasks
        && a.activity_types == b.activity_types
        && a.general_indicators == b.general_indicators
        && a.salary_profiles == b.salary_profiles
        && a.staff_lines == b.staff_lines
        && a.available_fte == b.available_fte
        && a.overhead == b.overhead
        && a.income == b.income
        && a.funds == b.funds
        && a.accounts == b.accounts
        && a.conflicts == b.conflicts
        && a.actuals == b.actuals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_fte_edit_keeps_one_goal_and_swaps_back_and_forth() {
        let before =
            crate::store::load(std::path::Path::new("plans/socius-2021-2025.ron")).unwrap();
        let mut plan = before.clone();
        plan.strategic_goals[1].operational_goals[0]
            .fte
            .set(2021, Some(rust_decimal::dec!(2)));
        let after = plan.clone();
        let patch = Patch::between(&before, &after);
        assert!(matches!(patch.0.as_slice(), [Part::Goal(1, _)]));
        let redo = patch.swap(&mut plan);
        assert_eq!(plan, before);
        let undo = redo.swap(&mut plan);
        assert_eq!(plan, after);
        // A change outside the goals keeps the rest, not the goals.
        plan.mission = "Anders".into();
        let patch = Patch::between(&after, &plan);
        assert!(
            matches!(patch.0.as_slice(), [Part::Rest(rest)] if rest.strategic_goals.is_empty())
        );
        patch.swap(&mut plan);
        assert_eq!(plan, after);
        drop(undo);
    }
}
