//! Large, realistic plans for benchmarks and trials: the Socius plan's goals copied `scale` times
//! with fresh ids and codes, over a period of `years` years. The result is a valid plan.

use crate::edit::{Edit, apply_to};
use crate::model::{Amounts, Plan, Yearly};

/// The Socius plan as shipped (the model plan of the generator).
pub fn socius() -> Plan {
    crate::store::from_ron_str(
        include_str!("../plans/socius-2021-2025.ron"),
        std::path::Path::new("socius-2021-2025.ron"),
    )
    .expect("the shipped sample plan loads")
}

/// Values of the last year carried on to `last` (a period made longer).
fn carried(values: &Yearly, last: i32) -> Yearly {
    let mut out = values.clone();
    if let Some((&year, &value)) = values.0.iter().next_back() {
        for y in year + 1..=last {
            out.0.insert(y, value);
        }
    }
    out
}

fn carried_amounts(amounts: &Amounts, last: i32) -> Amounts {
    match amounts {
        Amounts::PerYear(values) => Amounts::PerYear(carried(values, last)),
        rule => rule.clone(),
    }
}

/// `base` with its strategic goals copied until there are `scale` times as many, and its period
/// made `years` long (from the same first year; values of the last year carried on).
pub fn large_plan(base: &Plan, scale: usize, years: usize) -> Plan {
    let mut plan = base.clone();
    let first = plan.meta.first_year;
    let last = first + years.clamp(1, 50) as i32 - 1;
    let last = last.max(plan.meta.last_year);
    plan.meta.last_year = last;
    plan.meta.scenario = format!("Generated: {scale} x {}", base.meta.organisation);
    let originals = plan.strategic_goals.clone();
    for n in 1..scale.max(1) {
        for sd in &originals {
            let mut sd = sd.clone();
            sd.id = plan.new_id();
            sd.code = format!("{}-{n}", sd.code);
            for indicator in &mut sd.indicators {
                indicator.id = plan.new_id();
            }
            for od in &mut sd.operational_goals {
                od.id = plan.new_id();
                od.code = format!("{}-{n}", od.code);
                for indicator in &mut od.indicators {
                    indicator.id = plan.new_id();
                }
                for a in &mut od.activities {
                    a.id = plan.new_id();
                }
            }
            plan.strategic_goals.push(sd);
        }
    }
    for od in plan
        .strategic_goals
        .iter_mut()
        .flat_map(|sd| sd.operational_goals.iter_mut())
    {
        od.fte = carried(&od.fte, last);
        od.operating = carried(&od.operating, last);
        od.fund_financed = Yearly::default();
        od.fund = None;
    }
    for line in &mut plan.staff_lines {
        line.fte = carried(&line.fte, last);
    }
    for profile in &mut plan.salary_profiles {
        profile.cost_per_fte = carried_amounts(&profile.cost_per_fte, last);
    }
    // Overhead and income grow with the organisation.
    let factor = rust_decimal::Decimal::from(scale.max(1) as i64);
    for line in plan.overhead.iter_mut().chain(plan.income.iter_mut()) {
        line.amounts = match carried_amounts(&line.amounts, last) {
            Amounts::PerYear(values) => Amounts::PerYear(Yearly(
                values.0.into_iter().map(|(y, v)| (y, v * factor)).collect(),
            )),
            Amounts::Rule(mut rule) => {
                rule.base *= factor;
                Amounts::Rule(rule)
            }
        };
    }
    plan.actuals = Default::default();
    plan.conflicts = Vec::new();
    // Codes by position, as a coordinator would renumber them.
    let _ = apply_to(&mut plan, &Edit::Renumber);
    // The payroll holds the FTE the plan allocates.
    let allocated = crate::calc::summarize(&plan).fte_total;
    plan.available_fte = Yearly::from_values(first, allocated.iter().copied());
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_plan_is_valid_and_as_large_as_asked() {
        let plan = large_plan(&socius(), 10, 8);
        assert!(
            crate::model::validate(&plan).is_empty(),
            "{:?}",
            crate::model::validate(&plan).first()
        );
        assert_eq!(plan.strategic_goals.len(), 40);
        assert_eq!(plan.operational_goals().count(), 160);
        assert_eq!(plan.year_count(), 8);
        let summary = crate::calc::summarize(&plan);
        assert!(summary.fte_total.iter().all(|v| !v.is_zero()));
        // It round-trips through the file format.
        let text = crate::store::to_ron_string(&plan);
        assert_eq!(
            crate::store::from_ron_str(&text, std::path::Path::new("big.ron")).unwrap(),
            plan
        );
    }
}
