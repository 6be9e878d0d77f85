//! Finding the part of the plan an edit names, to change it in place.

use super::*;

pub(super) fn text_mut<'a>(plan: &'a mut Plan, field: &TextField) -> Option<&'a mut String> {
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

pub(super) fn name_mut(plan: &mut Plan, id: Id) -> Option<&mut String> {
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
pub(super) fn amounts_mut(plan: &mut Plan, id: Id) -> Option<&mut Amounts> {
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
pub(super) fn is_referenced(plan: &Plan, id: Id) -> bool {
    plan.operational_goals().any(|(sd, od)| {
        od.salary_profile == id
            || od.fund == Some(id)
            || od.core_tasks.contains(&id)
            || sd.core_tasks.contains(&id)
    }) || plan.staff_lines.iter().any(|l| l.salary_profile == id)
}

pub(super) fn yearly_mut<'a>(
    plan: &'a mut Plan,
    field: &YearField,
) -> Result<&'a mut Yearly, EditError> {
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

pub(super) fn per_year_mut(amounts: &mut Amounts) -> Result<&mut Yearly, EditError> {
    match amounts {
        Amounts::PerYear(values) => Ok(values),
        Amounts::Rule(_) => Err(refused(Refusal::FollowsGrowthRule)),
    }
}

pub(super) fn default_profile(plan: &Plan) -> Result<Id, EditError> {
    plan.salary_profiles
        .first()
        .map(|p| p.id)
        .ok_or_else(|| refused(Refusal::NoSalaryProfile))
}
