//! Carrying out an edit on a plan.

use super::*;

/// Carries out an edit on a plan (without history); new items are named in Dutch.
pub fn apply_to(plan: &mut Plan, edit: &Edit) -> Result<(), EditError> {
    apply_named(plan, edit, Lang::Nl)
}

/// Carries out an edit on a plan (without history), naming new items in `lang` ("Nieuwe lijn",
/// "New line"); used by [`Document::apply`].
pub fn apply_named(plan: &mut Plan, edit: &Edit, lang: Lang) -> Result<(), EditError> {
    let name = |item: NewItem| crate::i18n::new_item_name(item, lang).to_string();
    match edit {
        Edit::SetText(field, value) => {
            *text_mut(plan, field).ok_or(EditError::NotFound(Thing::Field))? = value.clone();
        }
        Edit::SetYear(field, year, value) => {
            if !plan.years().contains(year) {
                return Err(refused(Refusal::YearOutsidePeriod { year: *year }));
            }
            if let (
                Some(v),
                YearField::GoalFte(_) | YearField::StaffLineFte(_) | YearField::AvailableFte,
            ) = (value, field)
                && v.is_sign_negative()
                && !v.is_zero()
            {
                return Err(refused(Refusal::NegativeFte));
            }
            yearly_mut(plan, field)?.set(*year, *value);
        }
        Edit::AddStrategicGoal { kind } => {
            let id = plan.new_id();
            plan.strategic_goals
                .push(StrategicGoal::new(id, *kind, &name(NewItem::StrategicGoal)));
            assign_code(plan, id);
        }
        Edit::AddOperationalGoal { strategic_goal } => {
            let profile = default_profile(plan)?;
            let id = plan.new_id();
            let sd = plan
                .strategic_goal_mut(*strategic_goal)
                .ok_or(EditError::NotFound(Thing::StrategicGoal))?;
            sd.operational_goals.push(OperationalGoal::new(
                id,
                profile,
                &name(NewItem::OperationalGoal),
            ));
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
            let activity_type = plan
                .activity_types
                .first()
                .map(|t| t.id)
                .ok_or(refused(Refusal::NoActivityTypes))?;
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
                return Err(refused(Refusal::FirstAfterLast {
                    first: *first,
                    last: *last,
                }));
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
                title: name(NewItem::Priority),
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
        Edit::AddLine(list) => add_line(plan, *list, lang)?,
        Edit::RemoveLine(id) => {
            if is_referenced(plan, *id) {
                return Err(refused(Refusal::LineInUse));
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
                return Err(refused(Refusal::FirstAfterLast {
                    first: *first,
                    last: *last,
                }));
            }
            plan.meta.first_year = *first;
            plan.meta.last_year = *last;
            if let Some(problem) = validate(plan).into_iter().find(|p| p.is_outside_period()) {
                return Err(refused(Refusal::ValuesOutsidePeriod {
                    first: *first,
                    last: *last,
                    problem: Box::new(problem),
                }));
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
                return Err(refused(Refusal::CategoryNotOfSide {
                    side: line.side,
                    line: line.code.clone(),
                    account: true,
                }));
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
                return Err(refused(Refusal::ActualsExist { year: *year }));
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
                return Err(refused(Refusal::ThresholdOutOfRange));
            }
            plan.actuals.threshold_percent = percent.normalize();
        }
        Edit::AddResultLine { year, side } => {
            let id = plan.new_id();
            actuals_year(plan, *year)?.result_lines.push(ResultLine {
                id,
                name: name(NewItem::Line),
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
                name: name(NewItem::StaffFunction),
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
                    target_group: name(NewItem::TargetGroup),
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
                return Err(refused(Refusal::NegativeFte));
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
                return Err(refused(Refusal::CategoryNotOfSide {
                    side: line.side,
                    line: line.name.clone(),
                    account: false,
                }));
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

pub(super) fn resolve_error(error: crate::merge::ResolveError) -> EditError {
    use crate::merge::ResolveError;
    match error {
        ResolveError::NoSuchConflict(_) => EditError::NotFound(Thing::Conflict),
        ResolveError::PlaceGone => EditError::NotFound(Thing::ConflictPlace),
        ResolveError::Unreadable(reason) => refused(Refusal::ConflictValueUnreadable { reason }),
    }
}

pub(super) fn add_line(plan: &mut Plan, list: LineList, lang: Lang) -> Result<(), EditError> {
    let name = |item: NewItem| crate::i18n::new_item_name(item, lang).to_string();
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
                name: name(NewItem::Line),
                group,
                salary_profile,
                fte: Yearly::default(),
            });
        }
        LineList::SalaryProfile => plan.salary_profiles.push(SalaryProfile {
            id,
            name: name(NewItem::SalaryProfile),
            cost_per_fte: Amounts::default(),
        }),
        LineList::Overhead | LineList::Income => {
            let line = BudgetLine {
                id,
                name: name(NewItem::Line),
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
            name: name(NewItem::Reserve),
            opening_balance: Decimal::ZERO,
            receives_balance: false,
        }),
        LineList::AccountSection => plan.accounts.push(AccountSection {
            id,
            name: name(NewItem::AccountSection),
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
                name: name(NewItem::AccountLine),
                side: Side::Cost,
                category: None,
                amounts: Amounts::default(),
            }),
        LineList::CoreTask => {
            let code = format!("K{}", plan.core_tasks.len() + 1);
            plan.core_tasks.push(CoreTask {
                id,
                code,
                title: name(NewItem::CoreTask),
                description: String::new(),
            })
        }
    }
    Ok(())
}

/// Gives a new goal the first free positional code.
pub(super) fn assign_code(plan: &mut Plan, id: Id) {
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
