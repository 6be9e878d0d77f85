//! What the charts show, derived once per revision from the [`Summary`]: which series, in which
//! order, with which colour key. A chart never shows more than [`MAX_SERIES`] stacked series:
//! the largest strategic goals each get one and the rest are grouped as "other goals".

use super::{Series, Summary};
use rust_decimal::Decimal;

/// Stacked series per chart at most (the rest is grouped).
pub const MAX_SERIES: usize = 8;

/// The name of a series, rendered in the user's language at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesName {
    /// A strategic goal, by code.
    Goal(String),
    /// The smaller strategic goals, grouped: how many.
    OtherGoals(usize),
    GenericLines,
    Support,
    Available,
    Personnel,
    Operating,
    Overhead,
    /// Cost of accounts in no other category (accounts budgets).
    OtherCost,
    IncomeTotal,
    Balance,
    /// A reserve fund, by name.
    Reserve(String),
}

/// Which colour a series gets: the same goal always gets the same colour, in every chart and
/// every plan (by the number in its code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorKey {
    /// The n-th colour of the series palette (wrapping).
    Series(usize),
    /// A quiet colour for grouped or secondary series.
    Muted,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub name: SeriesName,
    pub color: ColorKey,
    pub values: Series,
}

/// Everything the three charts draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub years: Vec<i32>,
    /// FTE per year, stacked: strategic goals (largest first, then grouped), generic, support.
    pub fte_stack: Vec<ChartSeries>,
    pub fte_available: Series,
    /// The largest stacked FTE of a year, or the FTE available if larger (for the axis).
    pub fte_max: Decimal,
    /// Personnel, operating and overhead cost, stacked.
    pub cost_stack: Vec<ChartSeries>,
    pub income_total: Series,
    pub cost_max: Decimal,
    pub balance: Series,
    pub reserves: Vec<ChartSeries>,
    /// The lowest and highest value of the balance chart (bars and reserve lines), and zero.
    pub balance_range: (Decimal, Decimal),
}

/// The number in a goal code (`SD3` -> 3, `SDI2` -> 2), for its colour.
fn code_number(code: &str) -> Option<usize> {
    let digits: String = code
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

fn goal_color(code: &str) -> ColorKey {
    let internal = code.to_ascii_uppercase().starts_with("SDI");
    match code_number(code) {
        // Internal goals take the colours from the other end of the palette.
        Some(n) if internal => ColorKey::Series(MAX_SERIES + 3 + n),
        Some(n) => ColorKey::Series(n.saturating_sub(1)),
        None => ColorKey::Muted,
    }
}

fn stack_max(stack: &[ChartSeries], years: usize) -> Decimal {
    (0..years)
        .map(|i| stack.iter().map(|s| s.values[i].max(Decimal::ZERO)).sum())
        .max()
        .unwrap_or_default()
}

/// The chart data of a plan's summary.
pub fn chart_data(s: &Summary) -> ChartData {
    let n = s.years.len();
    // Room for the goals: the chart keeps two places for generic lines and support.
    let goal_places = MAX_SERIES - 2;
    let mut goals: Vec<(usize, &super::GoalFigures)> = s.goals.iter().enumerate().collect();
    if goals.len() > goal_places {
        // The largest goals (by FTE over the period) get a series of their own.
        goals.sort_by_key(|(i, g)| (std::cmp::Reverse(g.fte.iter().sum::<Decimal>()), *i));
    }
    let own_count = if goals.len() <= goal_places {
        goals.len()
    } else {
        goal_places - 1
    };
    let (own, grouped) = goals.split_at(own_count);
    let mut own: Vec<_> = own.to_vec();
    own.sort_by_key(|(i, _)| *i);
    let mut fte_stack: Vec<ChartSeries> = own
        .iter()
        .map(|(_, g)| ChartSeries {
            name: SeriesName::Goal(g.code.clone()),
            color: goal_color(&g.code),
            values: g.fte.clone(),
        })
        .collect();
    if !grouped.is_empty() {
        let mut values = Series::zeros(n);
        for (_, g) in grouped {
            values.add(&g.fte);
        }
        fte_stack.push(ChartSeries {
            name: SeriesName::OtherGoals(grouped.len()),
            color: ColorKey::Muted,
            values,
        });
    }
    fte_stack.push(ChartSeries {
        name: SeriesName::GenericLines,
        color: ColorKey::Series(MAX_SERIES - 2),
        values: s.fte_generic.clone(),
    });
    fte_stack.push(ChartSeries {
        name: SeriesName::Support,
        color: ColorKey::Series(MAX_SERIES - 1),
        values: s.fte_support.clone(),
    });
    let fte_max =
        stack_max(&fte_stack, n).max(s.fte_available.iter().copied().max().unwrap_or_default());

    let mut cost_stack = vec![
        ChartSeries {
            name: SeriesName::Personnel,
            color: ColorKey::Series(0),
            values: s.personnel_total.clone(),
        },
        ChartSeries {
            name: SeriesName::Operating,
            color: ColorKey::Series(1),
            values: s.operating_total.clone(),
        },
        ChartSeries {
            name: SeriesName::Overhead,
            color: ColorKey::Series(2),
            values: s.overhead_total.clone(),
        },
    ];
    if s.budget_basis == crate::model::BudgetBasis::Accounts {
        cost_stack.push(ChartSeries {
            name: SeriesName::OtherCost,
            color: ColorKey::Series(3),
            values: s.other_cost.clone(),
        });
    }
    let cost_max =
        stack_max(&cost_stack, n).max(s.income_total.iter().copied().max().unwrap_or_default());

    let reserves: Vec<ChartSeries> = s
        .reserves
        .iter()
        .enumerate()
        .map(|(i, r)| ChartSeries {
            name: SeriesName::Reserve(r.label.clone()),
            color: ColorKey::Series(4 + i),
            values: r.values.clone(),
        })
        .collect();
    let all = s
        .balance
        .iter()
        .chain(reserves.iter().flat_map(|r| r.values.iter()))
        .copied();
    let low = all.clone().min().unwrap_or_default().min(Decimal::ZERO);
    let high = all.max().unwrap_or_default().max(Decimal::ZERO);
    ChartData {
        years: s.years.clone(),
        fte_stack,
        fte_available: s.fte_available.clone(),
        fte_max,
        cost_stack,
        income_total: s.income_total.clone(),
        cost_max,
        balance: s.balance.clone(),
        reserves,
        balance_range: (low, high),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_keep_their_colour_and_many_goals_are_grouped() {
        assert_eq!(goal_color("SD1"), ColorKey::Series(0));
        assert_eq!(goal_color("SD3"), ColorKey::Series(2));
        assert_ne!(goal_color("SDI1"), goal_color("SD1"));
        let plan = crate::store::load(std::path::Path::new("plans/socius-2021-2025.ron")).unwrap();
        let mut summary = super::super::summarize(&plan);
        let socius = chart_data(&summary);
        // 4 goals, generic lines, support: all their own series.
        assert_eq!(socius.fte_stack.len(), 6);
        assert_eq!(socius.fte_stack[3].name, SeriesName::Goal("SD4".into()));
        // 40 goals: 5 largest own series, the other 35 grouped, 8 series in all, same total.
        let template = summary.goals[0].clone();
        summary.goals = (1..=40)
            .map(|i| {
                let mut g = template.clone();
                g.code = format!("SD{i}");
                g.fte = vec![Decimal::from(i); summary.years.len()].into();
                g
            })
            .collect();
        let big = chart_data(&summary);
        assert_eq!(big.fte_stack.len(), MAX_SERIES);
        assert_eq!(big.fte_stack[0].name, SeriesName::Goal("SD36".into()));
        assert_eq!(big.fte_stack[5].name, SeriesName::OtherGoals(35));
        let total: Decimal = big.fte_stack.iter().map(|s| s.values[0]).sum();
        let expected: Decimal = (1..=40).map(Decimal::from).sum::<Decimal>()
            + summary.fte_generic[0]
            + summary.fte_support[0];
        assert_eq!(total, expected);
        assert_eq!(big.fte_stack[5].color, ColorKey::Muted);
    }
}
