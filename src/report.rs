//! The key figures of a plan as rows (for `planbord summary`, the comparison and exports).

use crate::calc::{Series, Summary, Warning};
use crate::i18n::{Lang, tr};
use crate::model::{BudgetBasis, Plan, PrintedTotal, Side};
use crate::numfmt;
use rust_decimal::Decimal;
use std::fmt::Write;

/// What a figure measures, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Fte,
    Euro,
}

/// One yearly key figure.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    /// Stable machine key, e.g. `fte.total`, `fte.SD1`, `cost.personnel`.
    pub key: String,
    /// Dutch label for tables (see [`KeyFigure::label_in`] for the user's language).
    pub label: String,
    pub unit: Unit,
    pub values: Series,
}

/// The yearly key figures, in the order the CSV and the table show them.
///
/// Per strategic goal: `fte.<SD>`, `cost.personnel.<SD>` (salary cost) and `cost.operating.<SD>`
/// (operating cost charged to the year). On the account basis `cost.other` (costs in no other
/// category). Per account section `account.<name>.cost` and `account.<name>.income` (both, also
/// when a side has no lines; a name used by an earlier section gets `#2`, `#3` ...).
pub fn key_figures(summary: &Summary) -> Vec<KeyFigure> {
    let mut rows = Vec::new();
    let mut push = |key: &str, label: &str, unit: Unit, values: &Series| {
        rows.push(KeyFigure {
            key: key.to_string(),
            label: label.to_string(),
            unit,
            values: values.clone(),
        })
    };
    push("fte.total", "VTE totaal", Unit::Fte, &summary.fte_total);
    push(
        "fte.service",
        "VTE dienstverlening",
        Unit::Fte,
        &summary.fte_service,
    );
    push(
        "fte.support",
        "VTE voorwaardenscheppend",
        Unit::Fte,
        &summary.fte_support,
    );
    for goal in &summary.goals {
        push(
            &format!("fte.{}", goal.code),
            &format!("VTE {}", goal.code),
            Unit::Fte,
            &goal.fte,
        );
    }
    push(
        "fte.available",
        "VTE beschikbaar",
        Unit::Fte,
        &summary.fte_available,
    );
    push(
        "cost.personnel",
        "Personeelskosten",
        Unit::Euro,
        &summary.personnel_total,
    );
    push(
        "cost.personnel.service",
        "Personeelskost dienstverlening",
        Unit::Euro,
        &summary.personnel_service,
    );
    push(
        "cost.personnel.support",
        "Personeelskost voorwaardenscheppend",
        Unit::Euro,
        &summary.personnel_support,
    );
    for goal in &summary.goals {
        push(
            &format!("cost.personnel.{}", goal.code),
            &format!("Personeelskost {}", goal.code),
            Unit::Euro,
            &goal.salary_cost,
        );
    }
    push(
        "cost.operating",
        "Werkingskosten",
        Unit::Euro,
        &summary.operating_total,
    );
    for goal in &summary.goals {
        push(
            &format!("cost.operating.{}", goal.code),
            &format!("Werkingskost {}", goal.code),
            Unit::Euro,
            &goal.operating,
        );
    }
    push(
        "cost.overhead",
        "Overheadkosten",
        Unit::Euro,
        &summary.overhead_total,
    );
    if summary.budget_basis == BudgetBasis::Accounts {
        push(
            "cost.other",
            "Andere kosten",
            Unit::Euro,
            &summary.other_cost,
        );
    }
    push(
        "cost.total",
        "Totaal uitgaven",
        Unit::Euro,
        &summary.expenses_total,
    );
    push(
        "income.total",
        "Totaal inkomsten",
        Unit::Euro,
        &summary.income_total,
    );
    push(
        "income.subsidy",
        "Gevraagde subsidie",
        Unit::Euro,
        &summary.requested_subsidy,
    );
    push("balance", "Saldo", Unit::Euro, &summary.balance);
    push("carryover", "Overdracht", Unit::Euro, &summary.carryover);
    push("result", "Resultaat", Unit::Euro, &summary.result);
    for fund in &summary.reserves {
        push(
            &format!("reserve.{}", fund.id.0),
            &format!("Reserve {}", fund.label),
            Unit::Euro,
            &fund.values,
        );
    }
    for (key, section) in summary.account_section_keys() {
        let name = section.name.trim();
        push(
            &format!("{key}.cost"),
            &format!("Rubriek {name}: kosten"),
            Unit::Euro,
            &section.cost,
        );
        push(
            &format!("{key}.income"),
            &format!("Rubriek {name}: opbrengsten"),
            Unit::Euro,
            &section.income,
        );
    }
    if !summary.account_sections.is_empty() {
        push(
            "accounts.cost",
            "Rekeningen: kosten",
            Unit::Euro,
            &summary.account_cost,
        );
        push(
            "accounts.income",
            "Rekeningen: opbrengsten",
            Unit::Euro,
            &summary.account_income,
        );
        push(
            "accounts.result",
            "Rekeningen: bedrijfsresultaat",
            Unit::Euro,
            &summary.account_result,
        );
    }
    rows
}

/// A yearly figure of the realised years: a value only for the years that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualKeyFigure {
    /// `actual.cost.total`, `diff.cost.total` ...
    pub key: String,
    /// Dutch label for tables.
    pub label: String,
    pub unit: Unit,
    /// Per plan year; `None` for a year without actuals (or without this figure).
    pub values: Vec<Option<Decimal>>,
}

/// The realised key figures and their differences with the plan (realised minus planned), in
/// this order: `actual.fte.payroll`, `actual.cost.personnel`, `actual.cost.operating.<SD>` per
/// strategic goal, `actual.cost.total`, `actual.income.total`, `actual.balance`, then the same
/// keys with `diff.` in place of `actual.`. A value only for the realised years that report the
/// figure (result lines for money, staff for FTE).
pub fn actual_key_figures(summary: &Summary) -> Vec<ActualKeyFigure> {
    use crate::calc::actuals::FigureComparison;
    use crate::model::ActualFigure;
    let mut figures: Vec<(ActualFigure, String, String, Unit)> = vec![
        (
            ActualFigure::FtePayroll,
            "fte.payroll".into(),
            "VTE op de loonlijst".into(),
            Unit::Fte,
        ),
        (
            ActualFigure::Personnel,
            "cost.personnel".into(),
            "Personeelskosten".into(),
            Unit::Euro,
        ),
    ];
    for goal in &summary.goals {
        figures.push((
            ActualFigure::OperatingGoal(goal.id),
            format!("cost.operating.{}", goal.code),
            format!("Werkingskost {}", goal.code),
            Unit::Euro,
        ));
    }
    figures.extend([
        (
            ActualFigure::CostTotal,
            "cost.total".into(),
            "Totaal kosten".into(),
            Unit::Euro,
        ),
        (
            ActualFigure::IncomeTotal,
            "income.total".into(),
            "Totaal inkomsten".into(),
            Unit::Euro,
        ),
        (
            ActualFigure::Balance,
            "balance".into(),
            "Resultaat".into(),
            Unit::Euro,
        ),
    ]);
    let per_year = |figure: ActualFigure, value: fn(&FigureComparison) -> Option<Decimal>| {
        summary
            .years
            .iter()
            .map(|&year| {
                summary
                    .actuals
                    .year(year)
                    .and_then(|c| c.figure(figure))
                    .and_then(value)
            })
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    for (figure, key, label, unit) in &figures {
        rows.push(ActualKeyFigure {
            key: format!("actual.{key}"),
            label: format!("Gerealiseerd: {label}"),
            unit: *unit,
            values: per_year(*figure, |f| f.realised),
        });
    }
    for (figure, key, label, unit) in &figures {
        rows.push(ActualKeyFigure {
            key: format!("diff.{key}"),
            label: format!("Verschil met plan: {label}"),
            unit: *unit,
            values: per_year(*figure, |f| f.difference),
        });
    }
    rows
}

/// CSV: header `key,<year>,...`, amounts as plain decimals with a dot.
pub fn csv(summary: &Summary) -> String {
    csv_with(summary, false)
}

/// As [`csv`], with the rows of [`actual_key_figures`] after the plan's when `actuals` is set
/// (an empty field for a year without the figure).
pub fn csv_with(summary: &Summary, actuals: bool) -> String {
    let mut out = String::from("key");
    for year in &summary.years {
        let _ = write!(out, ",{year}");
    }
    out.push('\n');
    for row in key_figures(summary) {
        out.push_str(&csv_field(&row.key));
        for value in &row.values {
            let _ = write!(out, ",{}", value.normalize());
        }
        out.push('\n');
    }
    if actuals {
        for row in actual_key_figures(summary) {
            out.push_str(&csv_field(&row.key));
            for value in &row.values {
                match value {
                    Some(value) => {
                        let _ = write!(out, ",{}", value.normalize());
                    }
                    None => out.push(','),
                }
            }
            out.push('\n');
        }
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Shows one value the Belgian way: `1.362.093` or `0,7`.
pub fn format_value(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Fte => numfmt::fte(value),
        Unit::Euro => numfmt::euros(value),
    }
}

impl KeyFigure {
    /// The label in the user's language (the key decides; names of goals, funds and sections
    /// stay as the user wrote them).
    pub fn label_in(&self, lang: Lang) -> String {
        if lang == Lang::Nl {
            return self.label.clone();
        }
        let key = self.key.as_str();
        let fixed = match key {
            "fte.total" => Some("FTE total"),
            "fte.service" => Some("FTE service"),
            "fte.support" => Some("FTE support"),
            "fte.available" => Some("FTE available"),
            "cost.personnel" => Some("Personnel cost"),
            "cost.personnel.service" => Some("Personnel cost service"),
            "cost.personnel.support" => Some("Personnel cost support"),
            "cost.operating" => Some("Operating cost"),
            "cost.overhead" => Some("Overhead cost"),
            "cost.other" => Some("Other cost"),
            "cost.total" => Some("Total expenses"),
            "income.total" => Some("Total income"),
            "income.subsidy" => Some("Requested subsidy"),
            "balance" => Some("Balance"),
            "carryover" => Some("Carry-over"),
            "result" => Some("Result"),
            "accounts.cost" => Some("Accounts: costs"),
            "accounts.income" => Some("Accounts: income"),
            "accounts.result" => Some("Accounts: operating result"),
            _ => None,
        };
        if let Some(label) = fixed {
            return label.to_string();
        }
        let rest_of =
            |dutch_prefix: &str| self.label.strip_prefix(dutch_prefix).unwrap_or(&self.label);
        if let Some(code) = key.strip_prefix("fte.") {
            format!("FTE {code}")
        } else if let Some(code) = key.strip_prefix("cost.personnel.") {
            format!("Salary cost {code}")
        } else if let Some(code) = key.strip_prefix("cost.operating.") {
            format!("Operating cost {code}")
        } else if key.starts_with("reserve.") {
            format!("Reserve {}", rest_of("Reserve "))
        } else if key.starts_with("account.") {
            let name = rest_of("Rubriek ");
            if let Some(name) = name.strip_suffix(": kosten") {
                format!("Section {name}: costs")
            } else if let Some(name) = name.strip_suffix(": opbrengsten") {
                format!("Section {name}: income")
            } else {
                format!("Section {name}")
            }
        } else {
            self.label.clone()
        }
    }
}

/// A readable table of the key figures (numbers in nl-BE notation), labels in `lang`.
pub fn table(plan: &Plan, summary: &Summary, lang: Lang) -> String {
    table_with(plan, summary, false, lang)
}

/// As [`table`], with the rows of [`actual_key_figures`] below when `actuals` is set (blank for a
/// year without the figure).
pub fn table_with(plan: &Plan, summary: &Summary, actuals: bool, lang: Lang) -> String {
    let mut rows: Vec<(String, Vec<String>)> = key_figures(summary)
        .into_iter()
        .map(|r| {
            let cells = r.values.iter().map(|v| format_value(r.unit, *v)).collect();
            (r.label_in(lang), cells)
        })
        .collect();
    if actuals {
        rows.extend(actual_key_figures(summary).into_iter().map(|r| {
            let cells = r
                .values
                .iter()
                .map(|v| v.map_or_else(String::new, |v| format_value(r.unit, v)))
                .collect();
            (r.label, cells)
        }));
    }
    let label_width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let width = rows
        .iter()
        .flat_map(|(_, cells)| cells)
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::new();
    let _ = writeln!(out, "{} – {}", plan.meta.organisation, plan.meta.title);
    if !plan.meta.scenario.is_empty() {
        let _ = writeln!(out, "Scenario: {}", plan.meta.scenario);
    }
    out.push('\n');
    let _ = write!(out, "{:label_width$}", "");
    for year in &summary.years {
        let _ = write!(out, "  {year:>width$}");
    }
    out.push('\n');
    for (label, cells) in &rows {
        let _ = write!(out, "{label:label_width$}");
        for cell in cells {
            let _ = write!(out, "  {cell:>width$}");
        }
        out.push('\n');
    }
    out
}

/// An amount with its cents when it has any: `1.234,56`, `1.235`.
fn amount(value: Decimal) -> String {
    numfmt::format(value, 2, true)
}

/// One line per consistency warning, in the user's language.
pub fn describe_warning(warning: &Warning, lang: Lang) -> String {
    let en = lang == Lang::En;
    match warning {
        Warning::FteWithoutCost {
            owner,
            profile,
            year,
        } => {
            if en {
                format!(
                    "{owner}: FTE in {year} but the salary profile '{profile}' has no cost for {year}: its salary cost is 0"
                )
            } else {
                format!(
                    "{owner}: VTE in {year} maar het loonprofiel '{profile}' heeft geen kost voor {year}: de loonkost is 0"
                )
            }
        }
        Warning::NoFteAvailable { year, allocated } => {
            let a = numfmt::fte(*allocated);
            if en {
                format!("{year}: {a} FTE allocated but 0 FTE available on the payroll")
            } else {
                format!("{year}: {a} VTE ingezet maar 0 VTE beschikbaar op de loonlijst")
            }
        }
        Warning::YearWithoutCosts { year } => {
            if en {
                format!("{year}: income but no costs; is the year missing from the budget?")
            } else {
                format!("{year}: inkomsten maar geen kosten; ontbreekt het jaar in de begroting?")
            }
        }
        Warning::YearWithoutIncome { year } => {
            if en {
                format!("{year}: costs but no income; is the year missing from the income?")
            } else {
                format!("{year}: kosten maar geen inkomsten; ontbreekt het jaar bij de inkomsten?")
            }
        }
        Warning::NoSubsidyLine => {
            if en {
                "no income line is marked as subsidy: the requested subsidy is 0".to_string()
            } else {
                "geen inkomstenlijn is als subsidie aangeduid: de gevraagde subsidie is 0"
                    .to_string()
            }
        }
        Warning::ProfileWithoutCost { profile } => {
            if en {
                format!("salary profile '{profile}' has no cost per FTE yet: fill in its amounts")
            } else {
                format!(
                    "loonprofiel '{profile}' heeft nog geen loonkost per VTE: vul de bedragen in"
                )
            }
        }
        Warning::FteMismatch {
            year,
            allocated,
            available,
            difference,
        } => {
            let (a, b, d) = (
                numfmt::fte(*allocated),
                numfmt::fte(*available),
                numfmt::fte(*difference),
            );
            if en {
                format!("{year}: {a} FTE allocated, {b} FTE available (difference {d})")
            } else {
                format!("{year}: {a} VTE ingezet, {b} VTE beschikbaar (verschil {d})")
            }
        }
        Warning::ActivityOutsidePeriod {
            goal_code,
            description,
            first_year,
            last_year,
            ..
        } => {
            if en {
                format!(
                    "{goal_code}: activity '{description}' ({first_year}-{last_year}) lies outside the plan period"
                )
            } else {
                format!(
                    "{goal_code}: activiteit '{description}' ({first_year}-{last_year}) valt buiten de planperiode"
                )
            }
        }
        Warning::GoalWithoutIndicators { goal_code, .. } => {
            if en {
                format!("{goal_code}: goal without indicators")
            } else {
                format!("{goal_code}: doel zonder indicatoren")
            }
        }
        Warning::BalanceNotClosed { total } => {
            let total = numfmt::signed_euros(*total);
            if en {
                format!("the budget does not close over the period: the balances sum to {total}")
            } else {
                format!("de begroting sluit niet over de periode: som van de saldi {total}")
            }
        }
        Warning::ReserveNegative {
            name,
            year,
            balance,
            ..
        } => {
            let balance = numfmt::euros(*balance);
            if en {
                format!("{year}: reserve '{name}' is negative ({balance})")
            } else {
                format!("{year}: reserve '{name}' staat negatief ({balance})")
            }
        }
        Warning::DuplicateAccountCode {
            section_name, code, ..
        } => {
            if en {
                format!(
                    "section '{section_name}': account {code} appears more than once; merge the lines or give one another code"
                )
            } else {
                format!(
                    "rubriek '{section_name}': rekening {code} staat er meer dan eens in; voeg de lijnen samen of geef er één een andere code"
                )
            }
        }
        Warning::AccountOnWrongSide {
            code, name, side, ..
        } => match (side, en) {
            (Side::Income, true) => format!(
                "account {code} '{name}' is a cost account (class 6) but is on the income side"
            ),
            (Side::Income, false) => format!(
                "rekening {code} '{name}' is een kostenrekening (klasse 6) maar staat bij de opbrengsten"
            ),
            (Side::Cost, true) => format!(
                "account {code} '{name}' is an income account (class 7) but is on the cost side"
            ),
            (Side::Cost, false) => format!(
                "rekening {code} '{name}' is een opbrengstenrekening (klasse 7) maar staat bij de kosten"
            ),
        },
        Warning::EmptyAccountCode {
            section_name, name, ..
        } => {
            if en {
                format!("section '{section_name}': account '{name}' has no code")
            } else {
                format!("rubriek '{section_name}': rekening '{name}' heeft geen code")
            }
        }
        Warning::NegativeAccountLine {
            code,
            name,
            year,
            amount: value,
            ..
        } => {
            let value = amount(*value);
            if en {
                format!("{year}: account {code} '{name}' is negative ({value})")
            } else {
                format!("{year}: rekening {code} '{name}' is negatief ({value})")
            }
        }
        Warning::PrintedTotalMismatch {
            section_name,
            side,
            year,
            printed,
            computed,
            ..
        } => {
            let difference = *printed - *computed;
            let sign = if difference > Decimal::ZERO { "+" } else { "" };
            let (p, c, d) = (amount(*printed), amount(*computed), amount(difference));
            match (side, en) {
                (Side::Cost, true) => format!(
                    "{year}: section '{section_name}': printed cost total {p}, the lines sum to {c} (difference {sign}{d})"
                ),
                (Side::Income, true) => format!(
                    "{year}: section '{section_name}': printed income total {p}, the lines sum to {c} (difference {sign}{d})"
                ),
                (Side::Cost, false) => format!(
                    "{year}: rubriek '{section_name}': gedrukt totaal kosten {p}, som van de lijnen {c} (verschil {sign}{d})"
                ),
                (Side::Income, false) => format!(
                    "{year}: rubriek '{section_name}': gedrukt totaal opbrengsten {p}, som van de lijnen {c} (verschil {sign}{d})"
                ),
            }
        }
        Warning::ActualPrintedTotalMismatch {
            year,
            total,
            printed,
            computed,
        } => {
            let difference = *printed - *computed;
            let sign = if difference > Decimal::ZERO { "+" } else { "" };
            let (p, c, d) = (amount(*printed), amount(*computed), amount(difference));
            let what = match (total, en) {
                (PrintedTotal::Cost, true) => "printed total costs",
                (PrintedTotal::Income, true) => "printed total income",
                (PrintedTotal::Result, true) => "printed result",
                (PrintedTotal::Cost, false) => "gedrukt totaal kosten",
                (PrintedTotal::Income, false) => "gedrukt totaal inkomsten",
                (PrintedTotal::Result, false) => "gedrukt resultaat",
            };
            if en {
                format!(
                    "{year} actuals: {what} {p}, the result lines give {c} (difference {sign}{d}); correct the lines or the printed figure"
                )
            } else {
                format!(
                    "realisatie {year}: {what} {p}, de resultaatlijnen geven {c} (verschil {sign}{d}); verbeter de lijnen of het gedrukte cijfer"
                )
            }
        }
        Warning::ActualPartsMismatch {
            year,
            kind,
            label,
            total,
            parts,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let (t, p) = (amount(*total), amount(*parts));
            if en {
                format!(
                    "{year} actuals: {name} is {t}, but its target groups add up to {p}; complete the groups or correct the total"
                )
            } else {
                format!(
                    "realisatie {year}: {name} is {t}, maar de doelgroepen tellen op tot {p}; vul de doelgroepen aan of verbeter het totaal"
                )
            }
        }
        Warning::ActualPercentagesNotHundred {
            year,
            kind,
            label,
            sum,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let sum = amount(*sum);
            if en {
                format!(
                    "{year} actuals: the percentages of the target groups of {name} add up to {sum} %, not 100 %"
                )
            } else {
                format!(
                    "realisatie {year}: de percentages van de doelgroepen van {name} tellen op tot {sum} %, niet 100 %"
                )
            }
        }
        Warning::ActualPercentMismatch {
            year,
            kind,
            label,
            group,
            percent,
            count,
            whole,
            computed,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let (p, n, w) = (amount(*percent), amount(*count), amount(*whole));
            let c = numfmt::format(*computed, 1, true);
            match (group, en) {
                (Some(group), true) => format!(
                    "{year} actuals: {name}, target group '{group}': {p} % printed, but {n} of {w} is {c} %"
                ),
                (Some(group), false) => format!(
                    "realisatie {year}: {name}, doelgroep '{group}': {p} % gedrukt, maar {n} van {w} is {c} %"
                ),
                (None, true) => {
                    format!("{year} actuals: {name}: {p} % printed, but {n} of {w} is {c} %")
                }
                (None, false) => {
                    format!("realisatie {year}: {name}: {p} % gedrukt, maar {n} van {w} is {c} %")
                }
            }
        }
        Warning::ActualAvailableAbovePayroll {
            year,
            name,
            payroll,
            available,
            ..
        } => {
            let (p, a) = (numfmt::fte(*payroll), numfmt::fte(*available));
            if en {
                format!(
                    "{year} actuals: '{name}' has {a} FTE effectively available but only {p} FTE on the payroll"
                )
            } else {
                format!(
                    "realisatie {year}: '{name}' heeft {a} VTE effectief beschikbaar maar slechts {p} VTE op de loonlijst"
                )
            }
        }
    }
}
