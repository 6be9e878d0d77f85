//! Goals, indicators, activities, the mission and sections brought in from a document
//! ([`crate::exchange::plan_text`]), added by [`Edit::AddDraft`] as one undo step.

use super::*;
use std::collections::HashSet;

/// What a document brings into a plan, applied by [`Edit::AddDraft`]:
/// - the goals are added after the plan's own, with fresh ids; their codes are their numbers
///   in the plan's code style (`SD2.OD3` or `OD2.3`) unless one of them is taken already, then
///   the strategic goals are numbered after the plan's (`SD5` ...) and keep the numbers of their
///   operational goals;
/// - operational goals get the plan's first salary profile and nothing planned (FTE, budget);
/// - an activity's kind is the plan's activity type of that name (trimmed, case-insensitive),
///   added to the plan when it has none; without a kind the plan's first type (or a type named
///   `default_kind` when the plan has none); without years the plan period;
/// - indicators get no target; the plan's own (general) indicators are added to its list;
/// - the mission fills an empty mission, else it is added as a section named `mission.0`;
/// - the sections are added after the plan's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoalsImport {
    pub goals: Vec<ImportedGoal>,
    pub general_indicators: Vec<String>,
    /// (section title, text).
    pub mission: Option<(String, String)>,
    /// (title, text).
    pub sections: Vec<(String, String)>,
    /// The name of the activity type made for activities without a kind, in a plan without
    /// activity types.
    pub default_kind: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedGoal {
    pub internal: bool,
    pub number: u32,
    pub title: String,
    pub description: String,
    pub indicators: Vec<String>,
    pub operational: Vec<ImportedOperational>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedOperational {
    pub number: u32,
    pub title: String,
    pub situering: String,
    pub werking: String,
    pub indicators: Vec<String>,
    pub activities: Vec<ImportedActivity>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedActivity {
    pub kind: Option<String>,
    pub description: String,
    pub years: Option<(i32, i32)>,
}

/// Every goal code of the plan.
fn plan_codes(plan: &Plan) -> HashSet<String> {
    plan.strategic_goals
        .iter()
        .flat_map(|sd| {
            std::iter::once(sd.code.clone())
                .chain(sd.operational_goals.iter().map(|od| od.code.clone()))
        })
        .collect()
}

/// The codes the import's goals get in `plan`: (strategic code, operational codes) per goal.
pub fn imported_codes(plan: &Plan, import: &GoalsImport) -> Vec<(String, Vec<String>)> {
    let render = |numbers: &dyn Fn(usize, &ImportedGoal) -> u32| -> Vec<(String, Vec<String>)> {
        import
            .goals
            .iter()
            .enumerate()
            .map(|(i, goal)| {
                let n = numbers(i, goal);
                let (sd, od) = if goal.internal {
                    ("SDI", "ODI")
                } else {
                    ("SD", "OD")
                };
                let ods = goal
                    .operational
                    .iter()
                    .map(|o| match plan.meta.code_style {
                        CodeStyle::SdOd => format!("{sd}{n}.{od}{}", o.number),
                        CodeStyle::Dotted => format!("{od}{n}.{}", o.number),
                    })
                    .collect();
                (format!("{sd}{n}"), ods)
            })
            .collect()
    };
    let own = render(&|_, goal| goal.number);
    let taken = plan_codes(plan);
    let mut seen = HashSet::new();
    let clash = own.iter().any(|(sd, ods)| {
        std::iter::once(sd)
            .chain(ods)
            .any(|c| taken.contains(c) || !seen.insert(c.clone()))
    });
    if !clash {
        return own;
    }
    // Numbered after the plan's strategic goals of the same kind, in the import's order.
    let count = |internal: bool| {
        plan.strategic_goals
            .iter()
            .filter(|sd| (sd.kind == GoalKind::Internal) == internal)
            .count() as u32
    };
    let (external, internal) = (count(false), count(true));
    render(&|i, goal| {
        let before = import.goals[..i]
            .iter()
            .filter(|g| g.internal == goal.internal)
            .count() as u32;
        if goal.internal {
            internal + before + 1
        } else {
            external + before + 1
        }
    })
}

/// Carries out [`Edit::AddDraft`].
pub(super) fn add_draft(plan: &mut Plan, import: &GoalsImport) -> Result<(), EditError> {
    let codes = imported_codes(plan, import);
    let has_operational = import.goals.iter().any(|g| !g.operational.is_empty());
    let profile = if has_operational {
        Some(default_profile(plan)?)
    } else {
        None
    };
    let (first_year, last_year) = (plan.meta.first_year, plan.meta.last_year);
    for (goal, (sd_code, od_codes)) in import.goals.iter().zip(codes) {
        let id = plan.new_id();
        let kind = if goal.internal {
            GoalKind::Internal
        } else {
            GoalKind::External
        };
        let mut sd = StrategicGoal::new(id, kind, &goal.title);
        sd.code = sd_code;
        sd.description = goal.description.clone();
        sd.indicators = new_indicators(plan, &goal.indicators);
        for (od, code) in goal.operational.iter().zip(od_codes) {
            let id = plan.new_id();
            let mut new = OperationalGoal::new(id, profile.expect("a salary profile"), &od.title);
            new.code = code;
            new.situering = od.situering.clone();
            new.werking = od.werking.clone();
            new.indicators = new_indicators(plan, &od.indicators);
            for activity in &od.activities {
                let activity_type =
                    activity_type(plan, activity.kind.as_deref(), &import.default_kind);
                let (first, last) = activity.years.unwrap_or((first_year, last_year));
                let id = plan.new_id();
                new.activities.push(Activity {
                    id,
                    activity_type,
                    description: activity.description.clone(),
                    first_year: first,
                    last_year: last,
                });
            }
            sd.operational_goals.push(new);
        }
        plan.strategic_goals.push(sd);
    }
    let general = new_indicators(plan, &import.general_indicators);
    plan.general_indicators.extend(general);
    if let Some((title, text)) = &import.mission {
        if plan.mission.trim().is_empty() {
            plan.mission = text.clone();
        } else {
            let id = plan.new_id();
            plan.sections.push(crate::model::NarrativeSection {
                id,
                title: title.clone(),
                text: text.clone(),
            });
        }
    }
    for (title, text) in &import.sections {
        let id = plan.new_id();
        plan.sections.push(crate::model::NarrativeSection {
            id,
            title: title.clone(),
            text: text.clone(),
        });
    }
    Ok(())
}

fn new_indicators(plan: &mut Plan, texts: &[String]) -> Vec<Indicator> {
    texts
        .iter()
        .map(|text| {
            let mut indicator = Indicator::new(plan.new_id());
            indicator.text = text.clone();
            indicator
        })
        .collect()
}

/// The plan's activity type named `kind` (added when missing), or its first type.
fn activity_type(plan: &mut Plan, kind: Option<&str>, default_kind: &str) -> Id {
    let name = match kind.map(str::trim).filter(|k| !k.is_empty()) {
        Some(kind) => kind,
        None => match plan.activity_types.first() {
            Some(first) => return first.id,
            None => default_kind,
        },
    };
    if let Some(existing) = plan.activity_types.iter().find(|t| same_key(&t.name, name)) {
        return existing.id;
    }
    let id = plan.new_id();
    plan.activity_types.push(crate::model::ActivityType {
        id,
        name: name.to_string(),
    });
    id
}
