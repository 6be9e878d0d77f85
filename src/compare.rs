//! Scenarios side by side: key figures per year with their difference to a base scenario, and a
//! structural comparison (what was added, removed or changed), matched by stable id.

use crate::calc::{Summary, summarize};
use crate::model::{Amounts, Id, Plan};
use crate::numfmt;
use crate::report::{KeyFigure, Unit, format_value, key_figures};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One plan in a comparison.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// What the user calls it: the scenario name, else the file name.
    pub name: String,
    pub plan: Plan,
    pub summary: Summary,
}

impl Scenario {
    pub fn new(name: impl Into<String>, plan: Plan) -> Scenario {
        let summary = summarize(&plan);
        let mut name = name.into();
        if !plan.meta.scenario.trim().is_empty() {
            name = plan.meta.scenario.clone();
        }
        Scenario {
            name,
            plan,
            summary,
        }
    }
}

/// A key figure of one scenario, with its difference to the base.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub key: String,
    pub label: String,
    pub unit: Unit,
    /// Per scenario: values per year.
    pub values: Vec<Vec<Decimal>>,
    /// Per scenario: value minus the base value, per year (zero for the base itself).
    pub deltas: Vec<Vec<Decimal>>,
    /// Per scenario: the difference in percent of the base (None where the base is zero).
    pub percents: Vec<Vec<Option<Decimal>>>,
}

/// The years all scenarios are compared on: the union of their periods.
pub fn years(scenarios: &[Scenario]) -> Vec<i32> {
    let set: BTreeSet<i32> = scenarios
        .iter()
        .flat_map(|s| s.summary.years.iter().copied())
        .collect();
    set.into_iter().collect()
}

/// Key figures of every scenario, aligned by key and year, with differences to `base`.
pub fn figure_rows(scenarios: &[Scenario], base: usize) -> Vec<FigureRow> {
    let years = years(scenarios);
    let per_scenario: Vec<BTreeMap<String, KeyFigure>> = scenarios
        .iter()
        .map(|s| {
            key_figures(&s.summary)
                .into_iter()
                .map(|f| (f.key.clone(), f))
                .collect()
        })
        .collect();
    // Keys in the order of the first scenario that has them.
    let mut keys: Vec<(String, String, Unit)> = Vec::new();
    for s in scenarios {
        for f in key_figures(&s.summary) {
            if !keys.iter().any(|(k, _, _)| *k == f.key) && !f.key.starts_with("reserve.") {
                keys.push((f.key.clone(), f.label.clone(), f.unit));
            }
        }
    }
    keys.into_iter()
        .map(|(key, label, unit)| {
            let values: Vec<Vec<Decimal>> = scenarios
                .iter()
                .zip(&per_scenario)
                .map(|(s, figures)| {
                    years
                        .iter()
                        .map(|y| {
                            let i = s.summary.year_index(*y);
                            match (figures.get(&key), i) {
                                (Some(f), Some(i)) => f.values[i],
                                _ => Decimal::ZERO,
                            }
                        })
                        .collect()
                })
                .collect();
            let base_values = values[base.min(values.len() - 1)].clone();
            let deltas: Vec<Vec<Decimal>> = values
                .iter()
                .map(|v| v.iter().zip(&base_values).map(|(a, b)| a - b).collect())
                .collect();
            let percents = deltas
                .iter()
                .map(|d| {
                    d.iter()
                        .zip(&base_values)
                        .map(|(delta, b)| {
                            (!b.is_zero())
                                .then(|| (delta * Decimal::ONE_HUNDRED / b.abs()).round_dp(1))
                        })
                        .collect()
                })
                .collect();
            FigureRow {
                key,
                label,
                unit,
                values,
                deltas,
                percents,
            }
        })
        .collect()
}

/// How items of two plans were matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The plans share history (one was made from the other): matched by stable id.
    Id,
    /// Unrelated plans: matched by code and title.
    CodeAndTitle,
}

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One difference between the base plan and another.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    /// What it concerns: "goal", "indicator", "activity", "staff line", "overhead line",
    /// "income line", "salary profile", "fund", "account line", "FTE", "operating budget",
    /// "amount", "rule", "plan".
    pub subject: &'static str,
    /// A readable line, e.g. `SD1.OD3 2025: 0,75 -> 0,5 VTE, loonkost -25.370`.
    pub text: String,
}

/// The structural comparison of `other` against `base`.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub matched_by: MatchedBy,
    pub changes: Vec<Change>,
}

/// A named item with a match key and a description of its content.
struct Item {
    id: Id,
    label: String,
    title: String,
    content: String,
}

fn match_items(
    base: &[Item],
    other: &[Item],
    by: MatchedBy,
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut pairs = Vec::new();
    let mut used = vec![false; other.len()];
    for (i, b) in base.iter().enumerate() {
        let found = other.iter().enumerate().position(|(j, o)| {
            !used[j]
                && match by {
                    MatchedBy::Id => o.id == b.id,
                    MatchedBy::CodeAndTitle => o.label == b.label,
                }
        });
        let found = found.or_else(|| {
            (by == MatchedBy::CodeAndTitle)
                .then(|| {
                    other
                        .iter()
                        .enumerate()
                        .position(|(j, o)| !used[j] && o.title == b.title)
                })
                .flatten()
        });
        if let Some(j) = found {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    let removed = (0..base.len())
        .filter(|i| !pairs.iter().any(|(b, _)| b == i))
        .collect();
    let added = (0..other.len()).filter(|j| !used[*j]).collect();
    (pairs, removed, added)
}

fn compare_items(
    subject: &'static str,
    base: &[Item],
    other: &[Item],
    by: MatchedBy,
    changes: &mut Vec<Change>,
) -> Vec<(usize, usize)> {
    let (pairs, removed, added) = match_items(base, other, by);
    for i in removed {
        changes.push(Change {
            kind: ChangeKind::Removed,
            subject,
            text: format!("{subject} {} verwijderd", base[i].label),
        });
    }
    for j in added {
        changes.push(Change {
            kind: ChangeKind::Added,
            subject,
            text: format!("{subject} {} toegevoegd", other[j].label),
        });
    }
    for (i, j) in &pairs {
        let (b, o) = (&base[*i], &other[*j]);
        if b.label != o.label || b.content != o.content {
            let text = if b.label != o.label {
                format!("{subject} {} -> {}", b.label, o.label)
            } else {
                format!("{subject} {}: inhoud gewijzigd", o.label)
            };
            changes.push(Change {
                kind: ChangeKind::Changed,
                subject,
                text,
            });
        }
    }
    pairs
}

fn goal_items(plan: &Plan) -> Vec<Item> {
    let tasks = |ids: &[Id]| -> String {
        ids.iter()
            .map(|id| {
                plan.core_tasks
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or("?", |t| t.code.as_str())
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut items = Vec::new();
    for sd in &plan.strategic_goals {
        items.push(Item {
            id: sd.id,
            label: sd.code.clone(),
            title: sd.title.clone(),
            content: format!(
                "{}|{}|{}|{}",
                sd.title,
                sd.description,
                sd.note,
                tasks(&sd.core_tasks)
            ),
        });
        for od in &sd.operational_goals {
            items.push(Item {
                id: od.id,
                label: od.code.clone(),
                title: od.title.clone(),
                content: format!(
                    "{}|{}|{}|{}|{}",
                    od.title,
                    od.situering,
                    od.werking,
                    od.note,
                    tasks(&od.core_tasks)
                ),
            });
        }
    }
    items
}

/// A line of any list, with its values over the compared years.
struct Line {
    id: Id,
    name: String,
    content: String,
    values: Vec<Decimal>,
    unit: Unit,
    amounts: Option<Amounts>,
}

fn line_lists(plan: &Plan, years: &[i32]) -> Vec<(&'static str, Vec<Line>)> {
    let values = |f: &dyn Fn(i32) -> Decimal| years.iter().map(|y| f(*y)).collect::<Vec<_>>();
    let line =
        |id, name: &str, content: String, values: Vec<Decimal>, unit, amounts: Option<&Amounts>| {
            Line {
                id,
                name: name.to_string(),
                content,
                values,
                unit,
                amounts: amounts.cloned(),
            }
        };
    vec![
        (
            "personeelslijn",
            plan.staff_lines
                .iter()
                .map(|l| {
                    let profile = plan
                        .salary_profile(l.salary_profile)
                        .map_or("?", |p| p.name.as_str());
                    line(
                        l.id,
                        &l.name,
                        format!("{:?}|{profile}", l.group),
                        values(&|y| l.fte.get(y)),
                        Unit::Fte,
                        None,
                    )
                })
                .collect(),
        ),
        (
            "loonprofiel",
            plan.salary_profiles
                .iter()
                .map(|p| {
                    line(
                        p.id,
                        &p.name,
                        String::new(),
                        values(&|y| p.cost_per_fte.value(y)),
                        Unit::Euro,
                        Some(&p.cost_per_fte),
                    )
                })
                .collect(),
        ),
        (
            "overheadlijn",
            plan.overhead
                .iter()
                .map(|l| {
                    line(
                        l.id,
                        &l.name,
                        String::new(),
                        values(&|y| l.amounts.value(y)),
                        Unit::Euro,
                        Some(&l.amounts),
                    )
                })
                .collect(),
        ),
        (
            "inkomstenlijn",
            plan.income
                .iter()
                .map(|l| {
                    line(
                        l.id,
                        &l.name,
                        format!("{:?}", l.kind),
                        values(&|y| l.amounts.value(y)),
                        Unit::Euro,
                        Some(&l.amounts),
                    )
                })
                .collect(),
        ),
        (
            "reserve",
            plan.funds
                .iter()
                .map(|f| {
                    line(
                        f.id,
                        &f.name,
                        format!("{}|{}", f.opening_balance, f.receives_balance),
                        values(&|_| Decimal::ZERO),
                        Unit::Euro,
                        None,
                    )
                })
                .collect(),
        ),
        (
            "rekening",
            plan.accounts
                .iter()
                .flat_map(|s| s.lines.iter())
                .map(|l| {
                    line(
                        l.id,
                        &l.name,
                        format!("{}|{:?}|{:?}", l.code, l.side, l.effective_category()),
                        values(&|y| l.amounts.value(y)),
                        Unit::Euro,
                        Some(&l.amounts),
                    )
                })
                .collect(),
        ),
    ]
}

fn rule_text(amounts: &Amounts) -> String {
    match amounts {
        Amounts::PerYear(_) => "per jaar".to_string(),
        Amounts::Rule(r) => format!(
            "{} in {}, {} %/jaar, afgerond op {}",
            numfmt::euros(r.base),
            r.base_year,
            numfmt::exact(r.growth_percent),
            numfmt::exact(r.round_to)
        ),
    }
}

/// Compares `other` against `base`: goals, indicators, activities and lines added, removed or
/// changed, and every changed FTE or amount per year.
pub fn diff(base: &Plan, other: &Plan) -> Diff {
    let base_goals = goal_items(base);
    let other_goals = goal_items(other);
    let shared = base_goals
        .iter()
        .filter(|b| other_goals.iter().any(|o| o.id == b.id))
        .count();
    // Plans share history when most goals of the base are found by id in the other (an empty
    // plan shares history with a copy of itself).
    let shares_history = if base_goals.is_empty() {
        base.next_id == other.next_id
    } else {
        shared * 2 >= base_goals.len()
    };
    let matched_by = if shares_history {
        MatchedBy::Id
    } else {
        MatchedBy::CodeAndTitle
    };
    let mut changes = Vec::new();

    for (field, a, b) in [
        (
            "organisatie",
            &base.meta.organisation,
            &other.meta.organisation,
        ),
        ("titel", &base.meta.title, &other.meta.title),
        ("missie", &base.mission, &other.mission),
    ] {
        if a != b {
            changes.push(Change {
                kind: ChangeKind::Changed,
                subject: "plan",
                text: format!("{field} gewijzigd"),
            });
        }
    }
    if (base.meta.first_year, base.meta.last_year) != (other.meta.first_year, other.meta.last_year)
    {
        changes.push(Change {
            kind: ChangeKind::Changed,
            subject: "plan",
            text: format!(
                "planperiode {}-{} -> {}-{}",
                base.meta.first_year,
                base.meta.last_year,
                other.meta.first_year,
                other.meta.last_year
            ),
        });
    }

    let goal_pairs = compare_items("doel", &base_goals, &other_goals, matched_by, &mut changes);
    let all_years: BTreeSet<i32> = base.years().chain(other.years()).collect();
    for year in &all_years {
        let (from, to) = (
            base.available_fte.get(*year),
            other.available_fte.get(*year),
        );
        if from != to {
            changes.push(Change {
                kind: ChangeKind::Changed,
                subject: "VTE",
                text: format!(
                    "beschikbare VTE {year}: {} -> {}",
                    numfmt::fte(from),
                    numfmt::fte(to)
                ),
            });
        }
    }

    // Per goal: indicators, activities, FTE and operating budget per year.
    let base_summary = summarize(base);
    let other_summary = summarize(other);
    let years: BTreeSet<i32> = base.years().chain(other.years()).collect();
    for (i, j) in goal_pairs {
        let (b_id, o_id) = (base_goals[i].id, other_goals[j].id);
        let code = other_goals[j].label.clone();
        let (b_od, o_od) = (base.operational_goal(b_id), other.operational_goal(o_id));
        let indicators = |plan: &Plan, id: Id| -> Vec<Item> {
            let list = plan
                .strategic_goal(id)
                .map(|sd| &sd.indicators)
                .or_else(|| plan.operational_goal(id).map(|od| &od.indicators));
            list.into_iter()
                .flatten()
                .map(|ind| Item {
                    id: ind.id,
                    label: format!("{code}: {}", ind.text.chars().take(60).collect::<String>()),
                    title: ind.text.clone(),
                    content: format!("{}|{:?}|{:?}", ind.text, ind.target, ind.actuals),
                })
                .collect()
        };
        compare_items(
            "indicator",
            &indicators(base, b_id),
            &indicators(other, o_id),
            matched_by,
            &mut changes,
        );
        let (Some(b_od), Some(o_od)) = (b_od, o_od) else {
            continue;
        };
        let activities = |plan: &Plan, od: &crate::model::OperationalGoal| -> Vec<Item> {
            od.activities
                .iter()
                .map(|a| Item {
                    id: a.id,
                    label: format!(
                        "{code}: {}",
                        a.description.chars().take(60).collect::<String>()
                    ),
                    title: a.description.clone(),
                    content: format!(
                        "{}|{}|{}-{}",
                        plan.activity_type(a.activity_type)
                            .map_or("", |t| t.name.as_str()),
                        a.description,
                        a.first_year,
                        a.last_year
                    ),
                })
                .collect()
        };
        compare_items(
            "activiteit",
            &activities(base, b_od),
            &activities(other, o_od),
            matched_by,
            &mut changes,
        );
        let b_cost = base_summary
            .goal(b_id)
            .map(|g| (&g.salary_cost, &base_summary.years));
        let o_cost = other_summary
            .goal(o_id)
            .map(|g| (&g.salary_cost, &other_summary.years));
        let cost_at = |c: Option<(&crate::calc::Series, &Vec<i32>)>, y: i32| {
            c.and_then(|(v, ys)| ys.iter().position(|x| *x == y).map(|i| v[i]))
                .unwrap_or_default()
        };
        for year in &years {
            let (from, to) = (b_od.fte.get(*year), o_od.fte.get(*year));
            if from != to {
                let delta = cost_at(o_cost, *year) - cost_at(b_cost, *year);
                changes.push(Change {
                    kind: ChangeKind::Changed,
                    subject: "VTE",
                    text: format!(
                        "{code} {year}: {} -> {} VTE, loonkost {}",
                        numfmt::fte(from),
                        numfmt::fte(to),
                        numfmt::signed_euros(delta)
                    ),
                });
            }
            let (from, to) = (b_od.operating.get(*year), o_od.operating.get(*year));
            if from != to {
                changes.push(Change {
                    kind: ChangeKind::Changed,
                    subject: "werkingsmiddelen",
                    text: format!(
                        "{code} {year}: werkingsmiddelen {} -> {}",
                        numfmt::euros(from),
                        numfmt::euros(to)
                    ),
                });
            }
        }
    }

    // Lines: staff, profiles, overhead, income, funds, accounts; with their yearly values.
    let years: Vec<i32> = years.into_iter().collect();
    for ((subject, base_lines), (_, other_lines)) in line_lists(base, &years)
        .into_iter()
        .zip(line_lists(other, &years))
    {
        let items = |lines: &[Line]| -> Vec<Item> {
            lines
                .iter()
                .map(|l| Item {
                    id: l.id,
                    label: l.name.clone(),
                    title: l.name.clone(),
                    content: l.content.clone(),
                })
                .collect()
        };
        let pairs = compare_items(
            subject,
            &items(&base_lines),
            &items(&other_lines),
            matched_by,
            &mut changes,
        );
        for (i, j) in pairs {
            let (b, o) = (&base_lines[i], &other_lines[j]);
            if let (Some(ra), Some(rb)) = (&b.amounts, &o.amounts)
                && (matches!(ra, Amounts::Rule(_)) || matches!(rb, Amounts::Rule(_)))
                && ra != rb
            {
                changes.push(Change {
                    kind: ChangeKind::Changed,
                    subject: "regel",
                    text: format!("{}: {} -> {}", o.name, rule_text(ra), rule_text(rb)),
                });
                continue;
            }
            for (k, year) in years.iter().enumerate() {
                let (from, to) = (b.values[k], o.values[k]);
                if from != to {
                    changes.push(Change {
                        kind: ChangeKind::Changed,
                        subject: if b.unit == Unit::Fte { "VTE" } else { "bedrag" },
                        text: format!(
                            "{} {year}: {} -> {}",
                            o.name,
                            format_value(b.unit, from),
                            format_value(b.unit, to)
                        ),
                    });
                }
            }
        }
    }
    Diff {
        matched_by,
        changes,
    }
}

/// The comparison as text (for `planbord compare`): key figures, differences, changes.
pub fn text_report(scenarios: &[Scenario], base: usize) -> String {
    use std::fmt::Write;
    let years = years(scenarios);
    let rows = figure_rows(scenarios, base);
    let mut out = String::new();
    let _ = writeln!(out, "Basis: {}", scenarios[base].name);
    let name_width = scenarios
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8)
        + 2;
    for row in &rows {
        let _ = writeln!(out, "\n{}", row.label);
        let _ = write!(out, "{:name_width$}", "");
        for y in &years {
            let _ = write!(out, " {y:>22}");
        }
        out.push('\n');
        for (s, scenario) in scenarios.iter().enumerate() {
            let _ = write!(out, "{:name_width$}", scenario.name);
            for (i, v) in row.values[s].iter().enumerate() {
                let cell = if s == base {
                    format_value(row.unit, *v)
                } else {
                    let delta = row.deltas[s][i];
                    let sign = if delta > Decimal::ZERO { "+" } else { "" };
                    format!(
                        "{} ({sign}{})",
                        format_value(row.unit, *v),
                        format_value(row.unit, delta)
                    )
                };
                let _ = write!(out, " {cell:>22}");
            }
            out.push('\n');
        }
    }
    for (s, scenario) in scenarios.iter().enumerate() {
        if s == base {
            continue;
        }
        let d = diff(&scenarios[base].plan, &scenario.plan);
        let how = match d.matched_by {
            MatchedBy::Id => "vergeleken op vaste id's",
            MatchedBy::CodeAndTitle => "geen gedeelde geschiedenis: vergeleken op code en titel",
        };
        let _ = writeln!(
            out,
            "\nVerschillen {} t.o.v. {} ({how}):",
            scenario.name, scenarios[base].name
        );
        if d.changes.is_empty() {
            let _ = writeln!(out, "  geen");
        }
        for c in &d.changes {
            let _ = writeln!(out, "  - {}", c.text);
        }
    }
    out
}

/// The comparison as CSV: `key,scenario,kind,<years>` with kind `value`, `delta` or `percent`.
pub fn csv_report(scenarios: &[Scenario], base: usize) -> String {
    use std::fmt::Write;
    let years = years(scenarios);
    let mut out = String::from("key,scenario,kind");
    for y in &years {
        let _ = write!(out, ",{y}");
    }
    out.push('\n');
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for row in figure_rows(scenarios, base) {
        for (s, scenario) in scenarios.iter().enumerate() {
            let name = quote(&scenario.name);
            let _ = write!(out, "{},{name},value", row.key);
            for v in &row.values[s] {
                let _ = write!(out, ",{}", v.normalize());
            }
            out.push('\n');
            if s != base {
                let _ = write!(out, "{},{name},delta", row.key);
                for v in &row.deltas[s] {
                    let _ = write!(out, ",{}", v.normalize());
                }
                out.push('\n');
                let _ = write!(out, "{},{name},percent", row.key);
                for p in &row.percents[s] {
                    let _ = write!(
                        out,
                        ",{}",
                        p.map(|p| p.normalize().to_string()).unwrap_or_default()
                    );
                }
                out.push('\n');
            }
        }
    }
    out
}
