//! The open plan with its history: the one door every edit goes through.

use super::*;

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
    /// The language new items are named in (the user's).
    names: Lang,
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
            names: Lang::Nl,
        }
    }

    /// Names new items in `lang` from now on ("Nieuwe lijn", "New line").
    pub fn name_new_items_in(&mut self, lang: Lang) {
        self.names = lang;
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
        apply_named(&mut changed, &edit, self.names)?;
        if changed == self.plan {
            return Ok(());
        }
        if let Some(problem) = validate(&changed).into_iter().next() {
            return Err(EditError::Breaks(Box::new(problem)));
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
        let result = apply_named(&mut self.plan, &edit, self.names).and_then(|()| {
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
                Some(problem) => Err(EditError::Breaks(Box::new(problem))),
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
pub(super) fn strategic_index(plan: &Plan, id: Id) -> Option<usize> {
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
pub(super) fn goal_scope(plan: &Plan, edit: &Edit) -> Option<usize> {
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
pub(super) fn goal_names(sd: &StrategicGoal) -> (Vec<Id>, Vec<&str>) {
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
