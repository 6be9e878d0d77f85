//! Every id in a plan, where it is defined and where it is referred to, for changing ids
//! consistently (a merge gives the items one side added new ids).
//!
//! The structs are taken apart field by field, without `..`, so a field added to the model does
//! not compile here until it is decided whether it holds an id.

use super::{
    AccountLine, AccountSection, Activity, ActivityType, ActualFigure, Actuals, BudgetLine,
    Conflict, ConflictKey, CoreTask, Id, Indicator, Meta, NarrativeSection, OperationalGoal, Plan,
    Priority, ReserveFund, SalaryProfile, StaffLine, StrategicGoal, YearActuals,
};

/// Calls `f` on every id of the plan: item ids, references to items (salary profile, fund, core
/// tasks, activity type) and the items named by conflicts. Not `next_id`.
pub fn for_each_id_mut(plan: &mut Plan, f: &mut dyn FnMut(&mut Id)) {
    let Plan {
        format_version: _,
        next_id: _,
        meta,
        mission: _,
        priorities,
        sections,
        core_tasks,
        activity_types,
        strategic_goals,
        general_indicators,
        salary_profiles,
        staff_lines,
        available_fte: _,
        overhead,
        income,
        funds,
        accounts,
        actuals,
        conflicts,
    } = plan;
    let Meta {
        organisation: _,
        title: _,
        first_year: _,
        last_year: _,
        scenario: _,
        scenario_description: _,
        author: _,
        last_changed: _,
        code_style: _,
        budget_basis: _,
    } = meta;
    for Priority {
        id,
        title: _,
        text: _,
    } in priorities
    {
        f(id);
    }
    for NarrativeSection {
        id,
        title: _,
        text: _,
    } in sections
    {
        f(id);
    }
    for CoreTask {
        id,
        code: _,
        title: _,
        description: _,
    } in core_tasks
    {
        f(id);
    }
    for ActivityType { id, name: _ } in activity_types {
        f(id);
    }
    for indicator in general_indicators {
        indicator_ids(indicator, f);
    }
    for sd in strategic_goals {
        let StrategicGoal {
            id,
            code: _,
            kind: _,
            title: _,
            description: _,
            indicators,
            core_tasks,
            note: _,
            operational_goals,
        } = sd;
        f(id);
        indicators.iter_mut().for_each(|i| indicator_ids(i, f));
        core_tasks.iter_mut().for_each(&mut *f);
        for od in operational_goals {
            let OperationalGoal {
                id,
                code: _,
                title: _,
                situering: _,
                werking: _,
                indicators,
                core_tasks,
                activities,
                salary_profile,
                fte: _,
                operating: _,
                fund_financed: _,
                fund,
                note: _,
            } = od;
            f(id);
            indicators.iter_mut().for_each(|i| indicator_ids(i, f));
            core_tasks.iter_mut().for_each(&mut *f);
            for activity in activities {
                let Activity {
                    id,
                    activity_type,
                    description: _,
                    first_year: _,
                    last_year: _,
                } = activity;
                f(id);
                f(activity_type);
            }
            f(salary_profile);
            if let Some(fund) = fund {
                f(fund);
            }
        }
    }
    for SalaryProfile {
        id,
        name: _,
        cost_per_fte: _,
    } in salary_profiles
    {
        f(id);
    }
    for line in staff_lines {
        let StaffLine {
            id,
            name: _,
            group: _,
            salary_profile,
            fte: _,
        } = line;
        f(id);
        f(salary_profile);
    }
    for BudgetLine {
        id,
        name: _,
        kind: _,
        printed_group: _,
        amounts: _,
    } in overhead.iter_mut().chain(income.iter_mut())
    {
        f(id);
    }
    for ReserveFund {
        id,
        name: _,
        opening_balance: _,
        receives_balance: _,
    } in funds
    {
        f(id);
    }
    for section in accounts {
        let AccountSection {
            id,
            name: _,
            lines,
            printed_cost: _,
            printed_income: _,
        } = section;
        f(id);
        for AccountLine {
            id,
            code: _,
            name: _,
            side: _,
            category: _,
            amounts: _,
        } in lines
        {
            f(id);
        }
    }
    actual_ids(actuals, f);
    for conflict in conflicts {
        let Conflict {
            item,
            field: _,
            key,
            kind: _,
            base: _,
            ours: _,
            theirs: _,
            kept: _,
        } = conflict;
        if let Some(item) = item {
            f(item);
        }
        if let Some(ConflictKey::Entry(entry)) = key {
            f(entry);
        }
    }
}

/// The ids in the realised figures: their own items and what they refer to in the plan.
fn actual_ids(actuals: &mut Actuals, f: &mut dyn FnMut(&mut Id)) {
    let Actuals {
        threshold_percent: _,
        years,
    } = actuals;
    for year in years {
        let YearActuals {
            year: _,
            result_lines,
            printed_cost: _,
            printed_income: _,
            printed_result: _,
            staff,
            milestones,
            output,
            activities,
            added_activities,
            explanations,
        } = year;
        for line in result_lines {
            f(&mut line.id);
            if let Some(goal) = &mut line.goal {
                f(goal);
            }
        }
        for member in staff {
            f(&mut member.id);
            if let Some(planned) = &mut member.planned_as {
                f(planned);
            }
        }
        for milestone in milestones {
            f(&mut milestone.indicator);
        }
        for figure in output {
            f(&mut figure.id);
            for part in &mut figure.breakdown {
                f(&mut part.id);
            }
        }
        for report in activities {
            f(&mut report.activity);
        }
        for added in added_activities {
            f(&mut added.id);
            f(&mut added.goal);
        }
        for explanation in explanations {
            if let ActualFigure::OperatingGoal(goal) = &mut explanation.figure {
                f(goal);
            }
        }
    }
}

fn indicator_ids(indicator: &mut Indicator, f: &mut dyn FnMut(&mut Id)) {
    let Indicator {
        id,
        text: _,
        target: _,
        actuals: _,
    } = indicator;
    f(id);
}
