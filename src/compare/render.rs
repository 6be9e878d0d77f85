//! The comparison as text in the user's language: figure labels, change lines, verdict
//! sentences, and the reports of `planbord compare` (table and CSV). The words come from
//! [`crate::i18n::CompareTr`].

use super::{
    Aggregate, Cause, Change, ChangeKind, Comparison, Driver, Field, FigureRow, ListKind,
    MatchedBy, Place, TextField, Value, Verdict, YearSpan,
};
use crate::calc::Unit;
use crate::i18n::figure_label;
use crate::i18n::{CompareTr, Lang, compare_tr, fill};
use crate::model::{Amounts, BudgetBasis, Comparator, IncomeKind, Side, StaffGroup, Target};
use crate::numfmt;
use crate::report::format_value;
use rust_decimal::Decimal;
use std::fmt::Write;

/// The header of the period column for a figure: sum, average or end of the period.
pub fn period_header(aggregate: Aggregate, lang: Lang) -> &'static str {
    let t = compare_tr(lang);
    match aggregate {
        Aggregate::Sum => t.period_sum,
        Aggregate::Average => t.period_average,
        Aggregate::End => t.period_end,
    }
}

/// A signed difference with its percentage: `+640 (+2,7 %)`.
pub fn delta_text(unit: Unit, delta: Decimal, percent: Option<Decimal>) -> String {
    let sign = if delta > Decimal::ZERO { "+" } else { "" };
    let amount = format!("{sign}{}", format_value(unit, delta));
    match percent {
        Some(p) if !delta.is_zero() => {
            let psign = if p > Decimal::ZERO { "+" } else { "" };
            format!("{amount} ({psign}{} %)", numfmt::format(p, 1, true))
        }
        _ => amount,
    }
}

/// The period value of a row for scenario `s`, shown with its unit (an average FTE with two
/// decimals).
pub fn period_value(row: &FigureRow, s: usize) -> String {
    format_value(row.unit, row.period[s])
}

/// The difference of the period value to the base: `+5.025`, `-0,4 (-2,5 %)`.
pub fn period_delta(row: &FigureRow, s: usize) -> String {
    delta_text(row.unit, row.period_deltas[s], row.period_percents[s])
}

fn short(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    }
}

fn list_noun(list: ListKind, t: &CompareTr) -> &'static str {
    match list {
        ListKind::Staff => t.staff_line,
        ListKind::Profile => t.profile,
        ListKind::Overhead => t.overhead_line,
        ListKind::Income => t.income_line,
        ListKind::Fund => t.fund,
        ListKind::Account => t.account_line,
    }
}

/// The noun of the thing at a place: `doel`, `personeelslijn` ...
fn noun(place: &Place, t: &CompareTr) -> &'static str {
    match place {
        Place::Plan => t.plan,
        Place::Goal(_) => t.goal,
        Place::Indicator { .. } => t.indicator,
        Place::Activity { .. } => t.activity,
        Place::Line(list, _) => list_noun(*list, t),
    }
}

/// The place as it heads a change line: `SD1.OD3`, `Subsidies`, `SD2: indicator '…'`.
fn place_text(place: &Place, t: &CompareTr) -> String {
    match place {
        Place::Plan => t.plan.to_string(),
        Place::Goal(code) => code.clone(),
        Place::Indicator { goal, text } => fill(
            t.place_indicator,
            &[goal.as_deref().unwrap_or(t.plan), &short(text)],
        ),
        Place::Activity { goal, text } => fill(t.place_activity, &[goal, &short(text)]),
        Place::Line(_, name) => name.clone(),
    }
}

/// The name of the thing without its noun (for "added"/"removed").
fn bare_name(place: &Place, t: &CompareTr) -> String {
    match place {
        Place::Plan => String::new(),
        Place::Goal(code) => code.clone(),
        Place::Indicator { goal, text } => match goal {
            Some(code) => format!("{code}: '{}'", short(text)),
            None => format!("{}: '{}'", t.plan, short(text)),
        },
        Place::Activity { goal, text } => format!("{goal}: '{}'", short(text)),
        Place::Line(_, name) => name.clone(),
    }
}

fn text_field(field: TextField, t: &CompareTr) -> &'static str {
    match field {
        TextField::Organisation => t.organisation,
        TextField::Title => t.title,
        TextField::Mission => t.mission,
        TextField::Description => t.description,
        TextField::Situering => t.situering,
        TextField::Werking => t.werking,
        TextField::Note => t.note,
        TextField::Wording => t.wording,
    }
}

fn rule_text(amounts: &Amounts, t: &CompareTr) -> String {
    match amounts {
        Amounts::PerYear(_) => t.per_year.to_string(),
        Amounts::Rule(r) => fill(
            t.rule,
            &[
                &numfmt::euros(r.base),
                &r.base_year.to_string(),
                &numfmt::exact(r.growth_percent),
                &numfmt::exact(r.round_to),
            ],
        ),
    }
}

fn target_text(target: &Target, t: &CompareTr) -> String {
    let comparator = match target.comparator {
        Comparator::AtLeast => t.at_least,
        Comparator::AtMost => t.at_most,
        Comparator::Exactly => t.exactly,
    };
    let value = fill(
        t.target_value,
        &[comparator, &numfmt::exact(target.value), &target.unit],
    );
    let value = value.trim_end().to_string();
    match target.year {
        Some(year) => fill(t.target_year, &[&value, &year.to_string()]),
        None => value,
    }
}

/// A value as shown in a change line.
pub fn value_text(value: Option<&Value>, lang: Lang) -> String {
    let t = compare_tr(lang);
    let Some(value) = value else {
        return t.no_value.to_string();
    };
    match value {
        Value::Text(text) => format!("'{}'", short(text)),
        Value::Fte(v) => numfmt::fte(*v),
        Value::Euro(v) => numfmt::euros(*v),
        Value::Number(v) => numfmt::exact(*v),
        Value::Codes(codes) if codes.is_empty() => t.no_value.to_string(),
        Value::Codes(codes) => codes.join(", "),
        Value::Years(a, b) => format!("{a}-{b}"),
        Value::Target(target) => target_text(target, t),
        Value::Amounts(amounts) => rule_text(amounts, t),
        Value::Flag(true) => t.yes.to_string(),
        Value::Flag(false) => t.no.to_string(),
        Value::Group(StaffGroup::Service) => t.group_service.to_string(),
        Value::Group(StaffGroup::Support) => t.group_support.to_string(),
        Value::IncomeKind(kind) => match kind {
            IncomeKind::Subsidy => t.kind_subsidy,
            IncomeKind::OwnIncome => t.kind_own,
            IncomeKind::WageSubsidy => t.kind_wage_subsidy,
            IncomeKind::Other => t.kind_other,
        }
        .to_string(),
        Value::Side(Side::Cost) => t.side_cost.to_string(),
        Value::Side(Side::Income) => t.side_income.to_string(),
        Value::Basis(BudgetBasis::Goals) => t.basis_goals.to_string(),
        Value::Basis(BudgetBasis::Accounts) => t.basis_accounts.to_string(),
        Value::Category(category) => crate::i18n::tr(lang).category_name(*category).to_string(),
    }
}

/// One change as a line of text: `SD1.OD3 2025: 0,75 -> 0,5 VTE, loonkost -25.370`; with its
/// effect on the period balance where the values do not say it.
pub fn describe_change(change: &Change, lang: Lang) -> String {
    let t = compare_tr(lang);
    let text = change_text(change, lang);
    let effect_not_evident = match change.field {
        Field::Rule | Field::Item | Field::SalaryProfile | Field::Side => true,
        Field::Period | Field::BudgetBasis => true,
        Field::Amount(_) => matches!(change.place, Place::Line(ListKind::Profile, _)),
        _ => false,
    };
    match change.effect {
        Some(effect) if effect_not_evident && !effect.round().is_zero() => {
            fill(t.other_change, &[&text, &numfmt::signed_euros(effect)])
        }
        _ => text,
    }
}

fn change_text(change: &Change, lang: Lang) -> String {
    let t = compare_tr(lang);
    let place = place_text(&change.place, t);
    let old = value_text(change.old.as_ref(), lang);
    let new = value_text(change.new.as_ref(), lang);
    match (change.kind, change.field) {
        (ChangeKind::Added, _) => fill(
            t.added,
            &[noun(&change.place, t), &bare_name(&change.place, t)],
        ),
        (ChangeKind::Removed, _) => fill(
            t.removed,
            &[noun(&change.place, t), &bare_name(&change.place, t)],
        ),
        (_, Field::Item) => place,
        (_, Field::Label) => {
            let bare = |v: Option<&Value>| match v {
                Some(Value::Text(s)) => s.clone(),
                other => value_text(other, lang),
            };
            fill(
                t.renamed,
                &[
                    noun(&change.place, t),
                    &bare(change.old.as_ref()),
                    &bare(change.new.as_ref()),
                ],
            )
        }
        (_, Field::Text(field @ (TextField::Organisation | TextField::Title))) => {
            fill(t.field_change, &[&place, text_field(field, t), &old, &new])
        }
        (_, Field::Text(field)) => fill(t.text_changed, &[&place, text_field(field, t)]),
        (_, Field::Rule) => fill(t.value_change, &[&place, &old, &new]),
        (_, Field::AvailableFte(year)) => fill(
            t.year_change,
            &[t.available_fte, &year.to_string(), &old, &new],
        ),
        (_, Field::Fte(year)) => {
            let line = fill(
                t.year_change,
                &[
                    &place,
                    &year.to_string(),
                    &old,
                    &format!("{new} {}", t.fte_unit),
                ],
            );
            match change.effect {
                // The salary cost this FTE change alone brings: minus its effect on the balance.
                Some(effect) => fill(
                    t.salary_cost_delta,
                    &[&line, &numfmt::signed_euros(-effect)],
                ),
                None => line,
            }
        }
        (_, Field::Operating(year)) => fill(
            t.year_field_change,
            &[&place, &year.to_string(), t.operating, &old, &new],
        ),
        (_, Field::FundFinanced(year)) => fill(
            t.year_field_change,
            &[&place, &year.to_string(), t.fund_financed, &old, &new],
        ),
        (_, Field::Actual(year)) => fill(
            t.year_field_change,
            &[&place, &year.to_string(), t.actual, &old, &new],
        ),
        (_, Field::Amount(year)) => fill(t.year_change, &[&place, &year.to_string(), &old, &new]),
        (_, Field::ActualsYear(year)) => fill(
            t.year_field_change,
            &[&place, &year.to_string(), t.actuals_result, &old, &new],
        ),
        (_, field) => {
            let name = match field {
                Field::Period => t.plan_period,
                Field::BudgetBasis => t.budget_basis,
                Field::CoreTasks => t.core_tasks,
                Field::SalaryProfile => t.salary_profile,
                Field::Fund => t.goal_fund,
                Field::Target => t.target,
                Field::ActivityType => t.activity_type,
                Field::ActivityYears => t.activity_years,
                Field::StaffGroup => t.staff_group,
                Field::IncomeKind => t.income_kind,
                Field::PrintedGroup => t.printed_group,
                Field::AccountCode => t.account_code,
                Field::AccountCategory => t.account_category,
                Field::Side => t.side,
                Field::OpeningBalance => t.opening_balance,
                Field::ReceivesBalance => t.receives_balance,
                _ => "",
            };
            fill(t.field_change, &[&place, name, &old, &new])
        }
    }
}

/// `A`, `A en B`, `A, B en C`.
fn join(items: &[String], t: &CompareTr) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t.and),
    }
}

/// When a driver changes: `in 2021`, `vanaf 2022`, `in 2022-2024`, `in 2021, 2023 en 2025`.
fn span_text(span: &YearSpan, t: &CompareTr) -> String {
    match span.years.as_slice() {
        [] => String::new(),
        [year] => fill(t.in_year, &[&year.to_string()]),
        [first, .., last] => {
            let contiguous = span.years.windows(2).all(|w| w[1] == w[0] + 1);
            if contiguous && *last == span.last_compared {
                fill(t.from_year, &[&first.to_string()])
            } else if contiguous {
                fill(t.in_range, &[&first.to_string(), &last.to_string()])
            } else {
                let years: Vec<String> = span.years.iter().map(i32::to_string).collect();
                fill(t.in_year, &[&join(&years, t)])
            }
        }
    }
}

/// Joins the parts of a phrase with single spaces (a part may be empty).
fn tidy(text: String) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" )", ")")
}

/// One driver in words: `0,5 VTE minder op SD4.OD3 vanaf 2022 (-194.105 personeelskost)`.
pub fn describe_driver(driver: &Driver, lang: Lang) -> String {
    let t = compare_tr(lang);
    let amount = numfmt::signed_euros(driver.amount);
    let up = driver.amount > Decimal::ZERO;
    let less_more = if up { t.more } else { t.less };
    let when = span_text(&driver.span, t);
    let place = place_text(&driver.place, t);
    let text = match &driver.cause {
        Cause::Staffing { fte_delta } => match fte_delta {
            Some(delta) if !delta.is_zero() => {
                let word = if *delta > Decimal::ZERO {
                    t.more
                } else {
                    t.less
                };
                fill(
                    t.staffing_fte,
                    &[&numfmt::fte(delta.abs()), word, &place, &when, &amount],
                )
            }
            _ => {
                let word = if up { t.more } else { t.fewer };
                fill(t.staffing, &[word, &place, &when, &amount])
            }
        },
        Cause::Operating => fill(t.operating_driver, &[less_more, &place, &when, &amount]),
        Cause::Income {
            percent,
            sole_subsidy,
        } => {
            let n = driver.span.years.len();
            let total = if n > 1 {
                fill(t.over_years, &[&amount, &n.to_string()])
            } else {
                amount.clone()
            };
            let percent = percent
                .filter(|p| !p.is_zero())
                .map(|p| numfmt::format(p.abs(), 1, true));
            match (percent, sole_subsidy) {
                (Some(p), true) => fill(t.subsidy_percent, &[&p, less_more, &when, &total]),
                (None, true) => fill(t.subsidy, &[less_more, &when, &total]),
                (Some(p), false) => fill(t.income_percent, &[&p, less_more, &place, &when, &total]),
                (None, false) => fill(t.income, &[less_more, &place, &when, &total]),
            }
        }
        Cause::Overhead => fill(t.overhead, &[less_more, &place, &when, &amount]),
        Cause::ProfileCost => {
            let word = if up { t.higher } else { t.lower };
            fill(t.profile_cost, &[word, &place, &when, &amount])
        }
        Cause::ProfileSwitch => fill(t.profile_switch, &[&place, &amount]),
        Cause::Account { side } => {
            let what = match side {
                Side::Cost => t.side_cost,
                Side::Income => t.side_income,
            };
            fill(t.account, &[less_more, what, &place, &when, &amount])
        }
        Cause::Added { cost } | Cause::Removed { cost } => {
            let amount = if *cost {
                fill(t.costs, &[&amount])
            } else {
                amount.clone()
            };
            let template = if matches!(driver.cause, Cause::Added { .. }) {
                t.item_added
            } else {
                t.item_removed
            };
            fill(
                template,
                &[
                    noun(&driver.place, t),
                    &bare_name(&driver.place, t),
                    &amount,
                ],
            )
        }
        // The change line says its effect on the balance.
        Cause::Other(change) => describe_change(change, lang),
    };
    tidy(text)
}

/// The verdict as sentences: `Sluit de periode af met +5.025 (basis 0): ...`.
pub fn describe_verdict(verdict: &Verdict, lang: Lang) -> String {
    let t = compare_tr(lang);
    let mut out = if verdict.is_base {
        fill(
            t.verdict_base,
            &[&numfmt::signed_euros(verdict.period_balance)],
        )
    } else {
        let lead = fill(
            t.verdict_lead,
            &[
                &numfmt::signed_euros(verdict.period_balance),
                &numfmt::signed_euros(verdict.base_period_balance),
            ],
        );
        let (up, down): (Vec<&Driver>, Vec<&Driver>) = verdict
            .drivers
            .iter()
            .partition(|d| d.effect > Decimal::ZERO);
        let words = |list: &[&Driver]| -> String {
            let texts: Vec<String> = list.iter().map(|d| describe_driver(d, lang)).collect();
            join(&texts, t)
        };
        let better = verdict.difference() >= Decimal::ZERO;
        match (up.is_empty(), down.is_empty()) {
            (true, true) if verdict.difference().round().is_zero() && !verdict.others_material => {
                fill(t.verdict_same, &[&lead])
            }
            (true, true) => fill(t.verdict_plain, &[&lead]),
            (false, true) => fill(t.verdict_thanks, &[&lead, &words(&up)]),
            (true, false) => fill(t.verdict_because, &[&lead, &words(&down)]),
            (false, false) => {
                let template = match (better, down.len() > 1) {
                    (true, false) => t.verdict_offset_one,
                    (true, true) => t.verdict_offset_many,
                    (false, false) => t.verdict_partly_one,
                    (false, true) => t.verdict_partly_many,
                };
                fill(template, &[&lead, &words(&down), &words(&up)])
            }
        }
    };
    if verdict.others_material {
        out.push(' ');
        out.push_str(&fill(
            t.verdict_others,
            &[&numfmt::signed_euros(verdict.others)],
        ));
    }
    for reserve in &verdict.negative_reserves {
        out.push(' ');
        out.push_str(&fill(
            t.verdict_reserve,
            &[
                &reserve.name,
                &reserve.year.to_string(),
                &numfmt::euros(reserve.balance),
            ],
        ));
    }
    out
}

/// How the plans were matched, in words.
pub fn matched_by_text(matched_by: MatchedBy, lang: Lang) -> &'static str {
    let t = compare_tr(lang);
    match matched_by {
        MatchedBy::Id => t.by_id,
        MatchedBy::CodeAndTitle => t.by_code_and_title,
    }
}

/// A block of rows as a text table: label, years, period; per scenario its values and, for the
/// others, the difference to the base.
fn table_block(out: &mut String, cmp: &Comparison, rows: &[FigureRow], lang: Lang) {
    let name_width = cmp
        .scenarios
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8)
        + 2;
    for row in rows {
        let cells: Vec<Vec<String>> = cmp
            .scenarios
            .iter()
            .enumerate()
            .map(|(s, _)| {
                let mut cells: Vec<String> = row.values[s]
                    .iter()
                    .enumerate()
                    .map(|(y, v)| {
                        if s == cmp.base {
                            format_value(row.unit, *v)
                        } else {
                            let delta = row.deltas[s][y];
                            let sign = if delta > Decimal::ZERO { "+" } else { "" };
                            format!(
                                "{} ({sign}{})",
                                format_value(row.unit, *v),
                                format_value(row.unit, delta)
                            )
                        }
                    })
                    .collect();
                cells.push(if s == cmp.base {
                    period_value(row, s)
                } else {
                    let delta = row.period_deltas[s];
                    let sign = if delta > Decimal::ZERO { "+" } else { "" };
                    format!(
                        "{} ({sign}{})",
                        period_value(row, s),
                        format_value(row.unit, delta)
                    )
                });
                cells
            })
            .collect();
        let header = period_header(row.figure.aggregate(), lang);
        let width = cells
            .iter()
            .flatten()
            .map(|c| c.chars().count())
            .chain([header.chars().count()])
            .max()
            .unwrap_or(4)
            + 2;
        let _ = writeln!(out, "\n{}", figure_label(&row.figure, lang));
        let _ = write!(out, "{:name_width$}", "");
        for y in &cmp.years {
            let _ = write!(out, "{y:>width$}");
        }
        let _ = writeln!(out, "{header:>width$}");
        for (s, scenario) in cmp.scenarios.iter().enumerate() {
            let _ = write!(out, "{:name_width$}", scenario.name);
            for cell in &cells[s] {
                let _ = write!(out, "{cell:>width$}");
            }
            out.push('\n');
        }
    }
}

/// The comparison as text (for `planbord compare`): verdicts, key figures with the period
/// column, where the money ends, and the changes.
pub fn text_report(cmp: &Comparison, lang: Lang) -> String {
    let t = compare_tr(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", fill(t.base, &[&cmp.scenarios[cmp.base].name]));
    let _ = writeln!(out, "\n{}", t.verdicts);
    for (s, scenario) in cmp.scenarios.iter().enumerate() {
        let _ = writeln!(
            out,
            "- {}: {}",
            scenario.name,
            describe_verdict(&cmp.verdicts[s], lang)
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        crate::i18n::tr(lang).key_figures.to_uppercase()
    );
    table_block(&mut out, cmp, &cmp.rows, lang);
    let _ = writeln!(out, "\n{}", t.money.to_uppercase());
    table_block(&mut out, cmp, &cmp.money_rows, lang);
    for (s, scenario) in cmp.scenarios.iter().enumerate() {
        let Some(d) = &cmp.diffs[s] else {
            continue;
        };
        let _ = writeln!(
            out,
            "\n{}",
            fill(
                t.diff_heading,
                &[
                    &scenario.name,
                    &cmp.scenarios[cmp.base].name,
                    matched_by_text(d.matched_by, lang),
                ],
            )
        );
        if d.changes.is_empty() {
            let _ = writeln!(out, "  {}", t.none);
        }
        for c in &d.changes {
            let _ = writeln!(out, "  - {}", describe_change(c, lang));
        }
    }
    out
}

/// The comparison as CSV: `key,scenario,kind,<years>,period` with kind `value`, `delta` or
/// `percent`, for the key figures and the money rows (cumulative balance, reserves).
pub fn csv_report(cmp: &Comparison) -> String {
    use crate::exchange::csv::{CsvNotation, csv_line, csv_text};
    let notation = CsvNotation::Plain;
    let number = |v: &Decimal| notation.number(*v);
    let header = ["key", "scenario", "kind"]
        .into_iter()
        .map(String::from)
        .chain(cmp.years.iter().map(i32::to_string))
        .chain(std::iter::once("period".to_string()));
    let mut out = csv_line(header, notation);
    for row in cmp.rows.iter().chain(&cmp.money_rows) {
        let key = csv_text(&row.key, notation);
        for (s, scenario) in cmp.scenarios.iter().enumerate() {
            let name = csv_text(&scenario.name, notation);
            let mut line = |kind: &str, cells: Vec<String>| {
                let fields = [key.clone(), name.clone(), kind.to_string()];
                out.push_str(&csv_line(fields.into_iter().chain(cells), notation));
            };
            let mut values: Vec<String> = row.values[s].iter().map(number).collect();
            values.push(number(&row.period[s]));
            line("value", values);
            if s != cmp.base {
                let mut deltas: Vec<String> = row.deltas[s].iter().map(number).collect();
                deltas.push(number(&row.period_deltas[s]));
                line("delta", deltas);
                let percent = |p: &Option<Decimal>| p.map(|p| number(&p)).unwrap_or_default();
                let mut percents: Vec<String> = row.percents[s].iter().map(percent).collect();
                percents.push(percent(&row.period_percents[s]));
                line("percent", percents);
            }
        }
    }
    out
}
