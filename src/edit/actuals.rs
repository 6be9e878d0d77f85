//! Edits of the realised years: values in their ranges, years pruned when empty, result lines replaced by an import.

use super::*;

pub(super) fn added_activity_mut(plan: &mut Plan, id: Id) -> Option<&mut AddedActivity> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.added_activities.iter_mut())
        .find(|a| a.id == id)
}

pub(super) fn result_line_mut(plan: &mut Plan, id: Id) -> Option<&mut ResultLine> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.result_lines.iter_mut())
        .find(|l| l.id == id)
}

pub(super) fn staff_actual_mut(plan: &mut Plan, id: Id) -> Option<&mut StaffActual> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.staff.iter_mut())
        .find(|l| l.id == id)
}

pub(super) fn output_mut(plan: &mut Plan, id: Id) -> Option<&mut OutputFigure> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.output.iter_mut())
        .find(|o| o.id == id)
}

pub(super) fn output_part_mut(plan: &mut Plan, id: Id) -> Option<&mut OutputPart> {
    plan.actuals
        .years
        .iter_mut()
        .flat_map(|y| y.output.iter_mut())
        .flat_map(|o| o.breakdown.iter_mut())
        .find(|p| p.id == id)
}

/// The realised year, added (in year order) when missing; refused outside the plan period.
pub(super) fn actuals_year(plan: &mut Plan, year: i32) -> Result<&mut YearActuals, EditError> {
    if !plan.years().contains(&year) {
        return Err(refused(Refusal::YearOutsidePeriod { year }));
    }
    let at = match plan.actuals.years.iter().position(|y| y.year == year) {
        Some(at) => at,
        None => {
            let at = plan
                .actuals
                .years
                .iter()
                .position(|y| y.year > year)
                .unwrap_or(plan.actuals.years.len());
            plan.actuals.years.insert(at, YearActuals::new(year));
            at
        }
    };
    Ok(&mut plan.actuals.years[at])
}

/// The realised number an [`ActualValue`] names, and whether it may be left empty.
pub(super) fn actual_value_mut(
    plan: &mut Plan,
    value: ActualValue,
) -> Result<(&mut Option<Decimal>, bool), EditError> {
    let missing = || EditError::NotFound(Thing::Field);
    Ok(match value {
        ActualValue::OutputOfTotal(id) => (
            &mut output_mut(plan, id).ok_or_else(missing)?.of_total,
            true,
        ),
        ActualValue::OutputPercent(id) => {
            (&mut output_mut(plan, id).ok_or_else(missing)?.percent, true)
        }
        ActualValue::PartCount(id) => (
            &mut output_part_mut(plan, id).ok_or_else(missing)?.count,
            true,
        ),
        ActualValue::PartPercent(id) => (
            &mut output_part_mut(plan, id).ok_or_else(missing)?.percent,
            true,
        ),
        ActualValue::Printed(year, total) => (
            plan.actuals
                .year_mut(year)
                .ok_or_else(missing)?
                .printed_mut(total),
            true,
        ),
        _ => return Err(missing()),
    })
}

/// Sets a required realised number (`None` makes it zero).
pub(super) fn set_required_actual(
    plan: &mut Plan,
    value: ActualValue,
    new: Option<Decimal>,
) -> Result<bool, EditError> {
    let missing = || EditError::NotFound(Thing::Field);
    let new = new.unwrap_or_default().normalize();
    let target = match value {
        ActualValue::LineAmount(id) => &mut result_line_mut(plan, id).ok_or_else(missing)?.amount,
        ActualValue::PayrollFte(id) => {
            &mut staff_actual_mut(plan, id).ok_or_else(missing)?.payroll_fte
        }
        ActualValue::AvailableFte(id) => {
            &mut staff_actual_mut(plan, id)
                .ok_or_else(missing)?
                .available_fte
        }
        ActualValue::OutputValue(id) => &mut output_mut(plan, id).ok_or_else(missing)?.value,
        _ => return Ok(false),
    };
    *target = new;
    Ok(true)
}

/// Refuses, with a reason the user reads, a realised number outside what it can be: a
/// percentage outside 0-100, an NPS outside -100 to 100, a negative count.
pub(super) fn check_actual_range(
    plan: &Plan,
    value: ActualValue,
    new: Option<Decimal>,
) -> Result<(), EditError> {
    let Some(new) = new else {
        return Ok(());
    };
    let kind_of = |output: Id| {
        plan.actuals
            .years
            .iter()
            .flat_map(|y| &y.output)
            .find(|o| o.id == output || o.breakdown.iter().any(|p| p.id == output))
            .map(|o| o.kind)
    };
    let hundred = Decimal::ONE_HUNDRED;
    let (low, high, what) = match value {
        ActualValue::OutputPercent(_) => (Decimal::ZERO, hundred, ValueKind::Percentage),
        ActualValue::PartPercent(id) if kind_of(id) == Some(OutputKind::Nps) => {
            (-hundred, hundred, ValueKind::Nps)
        }
        ActualValue::PartPercent(_) => (Decimal::ZERO, hundred, ValueKind::Percentage),
        ActualValue::OutputValue(id) => match kind_of(id) {
            Some(OutputKind::Satisfaction) => (Decimal::ZERO, hundred, ValueKind::Percentage),
            Some(OutputKind::Nps) => (-hundred, hundred, ValueKind::Nps),
            _ => (Decimal::ZERO, crate::model::MAX_AMOUNT, ValueKind::Count),
        },
        ActualValue::OutputOfTotal(_) | ActualValue::PartCount(_) => {
            (Decimal::ZERO, crate::model::MAX_AMOUNT, ValueKind::Count)
        }
        _ => return Ok(()),
    };
    if new < low || new > high {
        return Err(refused(Refusal::OutOfRange {
            value: new,
            low,
            high,
            kind: what,
        }));
    }
    Ok(())
}

/// Drops what the realised years say about things that are gone (an activity, an indicator, a
/// goal), and unlinks lines and functions from goals, staff lines and profiles that are gone.
pub(super) fn prune_actuals(plan: &mut Plan) {
    if plan.actuals.years.is_empty() {
        return;
    }
    let strategic: Vec<Id> = plan.strategic_goals.iter().map(|sd| sd.id).collect();
    let operational: Vec<Id> = plan.operational_goals().map(|(_, od)| od.id).collect();
    let activities: Vec<Id> = plan
        .operational_goals()
        .flat_map(|(_, od)| od.activities.iter().map(|a| a.id))
        .collect();
    let indicators: Vec<Id> = crate::calc::actuals::indicators_with_goal(plan)
        .iter()
        .map(|(_, i)| i.id)
        .collect();
    let planned_as: Vec<Id> = plan
        .staff_lines
        .iter()
        .map(|l| l.id)
        .chain(plan.salary_profiles.iter().map(|p| p.id))
        .collect();
    for year in &mut plan.actuals.years {
        for line in &mut year.result_lines {
            if line.goal.is_some_and(|g| !strategic.contains(&g)) {
                line.goal = None;
            }
        }
        for staff in &mut year.staff {
            if staff.planned_as.is_some_and(|p| !planned_as.contains(&p)) {
                staff.planned_as = None;
            }
        }
        year.activities.retain(|r| activities.contains(&r.activity));
        year.added_activities
            .retain(|a| operational.contains(&a.goal));
        year.milestones
            .retain(|m| indicators.contains(&m.indicator));
        year.explanations.retain(|e| match e.figure {
            ActualFigure::OperatingGoal(goal) => strategic.contains(&goal),
            _ => true,
        });
    }
}

/// Carries out [`Edit::ReplaceResultLines`]; the rule is described at [`ResultLinesImport`].
pub(super) fn replace_result_lines(
    plan: &mut Plan,
    import: &ResultLinesImport,
) -> Result<(), EditError> {
    if let Some(line) = import.lines.iter().find(|l| !l.category.fits(l.side)) {
        return Err(refused(Refusal::CategoryNotOfSide {
            side: line.side,
            line: line.name.clone(),
            account: false,
        }));
    }
    let old = actuals_year(plan, import.year)?.result_lines.clone();
    let mut used: Vec<Id> = Vec::new();
    let mut lines = Vec::with_capacity(import.lines.len());
    for new in &import.lines {
        let kept = old
            .iter()
            .find(|l| same_key(&l.name, &new.name) && l.side == new.side && !used.contains(&l.id))
            .map(|l| l.id);
        let id = match kept {
            Some(id) => id,
            None => plan.new_id(),
        };
        used.push(id);
        lines.push(ResultLine {
            id,
            name: new.name.trim().to_string(),
            side: new.side,
            category: new.category,
            goal: new.goal,
            amount: new.amount.normalize(),
        });
    }
    let year = actuals_year(plan, import.year)?;
    year.result_lines = lines;
    year.printed_cost = import.printed_cost.map(|v| v.normalize());
    year.printed_income = import.printed_income.map(|v| v.normalize());
    year.printed_result = import.printed_result.map(|v| v.normalize());
    Ok(())
}
