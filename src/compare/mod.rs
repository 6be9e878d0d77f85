//! Scenarios side by side: key figures per year and over the whole period with their difference to
//! a base scenario, where the money ends (cumulative balance, reserves), the structural changes
//! (matched by stable id) with their effect on the period balance, and a verdict per scenario.
//!
//! Everything here is data; [`render`] turns it into text in the user's language.

mod diff;
mod figures;
pub mod render;
mod verdict;

pub use diff::{
    Change, ChangeKind, Diff, Field, ListKind, MatchedBy, Place, TextField, Value, diff,
};
pub use figures::{
    Aggregate, Figure, FigureRow, Judgement, Preference, figure_rows, money_rows, years,
};
pub use render::{csv_report, describe_change, describe_verdict, text_report};
pub use verdict::{Cause, Driver, NegativeReserve, Verdict, YearSpan, verdict};

use crate::calc::{Summary, summarize};
use crate::model::Plan;

/// One plan in a comparison.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// What the user calls it: the scenario name, else the file name.
    pub name: String,
    /// Where it comes from: the name it was given (the file name), kept beside the scenario name.
    pub source: String,
    pub plan: Plan,
    pub summary: Summary,
}

impl Scenario {
    pub fn new(name: impl Into<String>, plan: Plan) -> Scenario {
        let summary = summarize(&plan);
        let source = name.into();
        let name = if plan.meta.scenario.trim().is_empty() {
            source.clone()
        } else {
            plan.meta.scenario.clone()
        };
        Scenario {
            name,
            source,
            plan,
            summary,
        }
    }
}

/// A whole comparison, computed once (per change of a plan or of the base), never per frame.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub scenarios: Vec<Scenario>,
    pub base: usize,
    /// The compared years: the union of the scenarios' periods.
    pub years: Vec<i32>,
    /// Key figures, per year and over the period.
    pub rows: Vec<FigureRow>,
    /// Where the money ends: cumulative balance and reserve balances at the end of each year.
    pub money_rows: Vec<FigureRow>,
    /// Per scenario: its changes against the base (`None` for the base).
    pub diffs: Vec<Option<Diff>>,
    /// Per scenario: the verdict in numbers (the base's has no drivers).
    pub verdicts: Vec<Verdict>,
}

impl Comparison {
    /// Compares `scenarios` (at least one) against the one at `base` (clamped to the list).
    pub fn new(scenarios: Vec<Scenario>, base: usize) -> Comparison {
        let base = base.min(scenarios.len().saturating_sub(1));
        let years = years(&scenarios);
        let rows = figure_rows(&scenarios, base);
        let money_rows = money_rows(&scenarios, base);
        let diffs: Vec<Option<Diff>> = scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (i != base).then(|| diff(&scenarios[base].plan, &s.plan)))
            .collect();
        let verdicts = (0..scenarios.len())
            .map(|i| verdict(&scenarios, base, i, &money_rows, diffs[i].as_ref()))
            .collect();
        Comparison {
            scenarios,
            base,
            years,
            rows,
            money_rows,
            diffs,
            verdicts,
        }
    }

    /// The key figure or money row with this key.
    pub fn row(&self, key: &str) -> Option<&FigureRow> {
        self.rows
            .iter()
            .chain(&self.money_rows)
            .find(|r| r.key == key)
    }
}
