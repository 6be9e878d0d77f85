//! Key figures of every scenario aligned by key and year, with a column for the whole period and
//! the difference to the base; and where the money ends (cumulative balance, reserves).

use super::Scenario;
use crate::calc::Summary;
use crate::calc::figures::key_figures;
pub use crate::calc::figures::{Aggregate, Figure, Judgement, Preference, Unit};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The money figures of one plan: cumulative balance, each reserve, all reserves together.
fn money_figures_of(summary: &Summary) -> Vec<Figure> {
    let mut figures = vec![Figure::CumulativeBalance];
    figures.extend(summary.reserves.iter().map(|r| Figure::Reserve {
        id: r.id,
        name: r.label.clone(),
    }));
    if summary.reserves.len() > 1 {
        figures.push(Figure::ReservesTotal);
    }
    figures
}

/// A figure of every scenario, with its difference to the base, per year and over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub figure: Figure,
    pub key: String,
    pub unit: Unit,
    /// Per scenario: values per compared year (zero where the scenario lacks the year or figure).
    pub values: Vec<Vec<Decimal>>,
    /// Per scenario: value minus the base value, per year (zero for the base itself).
    pub deltas: Vec<Vec<Decimal>>,
    /// Per scenario: the difference in percent of the base (None where the base is zero).
    pub percents: Vec<Vec<Option<Decimal>>>,
    /// Per scenario: the whole period (see [`Figure::aggregate`]).
    pub period: Vec<Decimal>,
    /// Per scenario: the period value minus the base's.
    pub period_deltas: Vec<Decimal>,
    pub period_percents: Vec<Option<Decimal>>,
}

impl FigureRow {
    /// What the difference of scenario `s` in year index `y` (or the period, `None`) means.
    pub fn judgement(&self, s: usize, year: Option<usize>) -> Judgement {
        let delta = match year {
            Some(y) => self.deltas[s][y],
            None => self.period_deltas[s],
        };
        self.figure.preference().judge(delta)
    }

    /// The first compared year in which scenario `s` is below zero, with its value.
    pub fn first_negative(&self, s: usize, years: &[i32]) -> Option<(i32, Decimal)> {
        self.values[s]
            .iter()
            .zip(years)
            .find(|(v, _)| **v < Decimal::ZERO)
            .map(|(v, y)| (*y, *v))
    }
}

/// The years all scenarios are compared on: the union of their periods.
pub fn years(scenarios: &[Scenario]) -> Vec<i32> {
    let set: BTreeSet<i32> = scenarios
        .iter()
        .flat_map(|s| s.summary.years.iter().copied())
        .collect();
    set.into_iter().collect()
}

fn percent(delta: Decimal, base: Decimal) -> Option<Decimal> {
    (!base.is_zero()).then(|| (delta * Decimal::ONE_HUNDRED / base.abs()).round_dp(1))
}

/// Builds the rows of `figures` (each once, in order of first appearance).
fn rows_of(scenarios: &[Scenario], base: usize, figures: Vec<Figure>) -> Vec<FigureRow> {
    let years = years(scenarios);
    let mut unique: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    let base = base.min(scenarios.len().saturating_sub(1));
    unique
        .into_iter()
        .map(|figure| {
            let aggregate = figure.aggregate();
            let mut values = Vec::with_capacity(scenarios.len());
            let mut period = Vec::with_capacity(scenarios.len());
            for s in scenarios {
                let series = figure.series(&s.summary);
                let at = |y: &i32| {
                    let i = s.summary.year_index(*y)?;
                    series.as_ref().map(|v| v[i])
                };
                let mut row: Vec<Decimal> =
                    years.iter().map(|y| at(y).unwrap_or_default()).collect();
                if aggregate == Aggregate::End {
                    // A balance carries on through a year the scenario does not plan.
                    let mut last = Decimal::ZERO;
                    for (v, y) in row.iter_mut().zip(&years) {
                        match at(y) {
                            Some(value) => last = value,
                            None => *v = last,
                        }
                    }
                }
                let own: Vec<Decimal> = series.clone().unwrap_or_default().to_vec();
                period.push(match aggregate {
                    Aggregate::Sum => own.iter().sum(),
                    Aggregate::Average if own.is_empty() => Decimal::ZERO,
                    // Four decimals: exact enough for FTE, short in a CSV.
                    Aggregate::Average => {
                        (own.iter().sum::<Decimal>() / Decimal::from(own.len() as u64)).round_dp(4)
                    }
                    Aggregate::End => own.last().copied().unwrap_or_default(),
                });
                values.push(row);
            }
            let base_values = values[base].clone();
            let deltas: Vec<Vec<Decimal>> = values
                .iter()
                .map(|v| v.iter().zip(&base_values).map(|(a, b)| a - b).collect())
                .collect();
            let percents = deltas
                .iter()
                .map(|d| {
                    d.iter()
                        .zip(&base_values)
                        .map(|(delta, b)| percent(*delta, *b))
                        .collect()
                })
                .collect();
            let period_deltas: Vec<Decimal> = period.iter().map(|p| p - period[base]).collect();
            let period_percents = period_deltas
                .iter()
                .map(|d| percent(*d, period[base]))
                .collect();
            FigureRow {
                key: figure.key(),
                unit: figure.unit(),
                figure,
                values,
                deltas,
                percents,
                period,
                period_deltas,
                period_percents,
            }
        })
        .collect()
}

/// Key figures of every scenario, aligned by key and year, with differences to `base`.
pub fn figure_rows(scenarios: &[Scenario], base: usize) -> Vec<FigureRow> {
    if scenarios.is_empty() {
        return Vec::new();
    }
    let figures = scenarios
        .iter()
        .flat_map(|s| {
            // Reserves are money rows (with the cumulative balance), not key-figure rows.
            key_figures(&s.summary)
                .into_iter()
                .filter(|f| !matches!(f, Figure::Reserve { .. }))
        })
        .collect();
    rows_of(scenarios, base, figures)
}

/// Where the money ends: cumulative balance, each reserve (matched by name) and all reserves
/// together, at the end of each year and of the period.
pub fn money_rows(scenarios: &[Scenario], base: usize) -> Vec<FigureRow> {
    if scenarios.is_empty() {
        return Vec::new();
    }
    let mut figures: Vec<Figure> = Vec::new();
    for s in scenarios {
        for f in money_figures_of(&s.summary) {
            let known = figures.iter().any(|g| match (g, &f) {
                (Figure::Reserve { name: a, .. }, Figure::Reserve { name: b, .. }) => a == b,
                _ => *g == f,
            });
            if !known {
                figures.push(f);
            }
        }
    }
    // All reserves together last, after every fund of every scenario.
    figures.sort_by_key(|f| matches!(f, Figure::ReservesTotal));
    rows_of(scenarios, base, figures)
}
