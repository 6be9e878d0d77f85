//! Conflicts in words, in Dutch or English, e.g.
//! `SD1.OD3 VTE 2025: 0,5 (ons) / 0,6 (hun), basis 0,75`. The words come from [`crate::i18n`].

use crate::i18n::{Lang, field_label, list_noun, tr, variant_label};
use crate::model::{Conflict, ConflictKind, ConflictValue, Id, Plan};
use crate::numfmt;
use rust_decimal::Decimal;
use serde_json::Value;

/// The whole conflict: where, both values, the base, and why when it is not the usual case.
pub fn describe(conflict: &Conflict, plan: &Plan, lang: Lang) -> String {
    let t = tr(lang);
    let mut text = format!(
        "{}: {} ({}) / {} ({})",
        place(conflict, plan, lang),
        value(conflict, &conflict.ours, plan, lang),
        t.ours,
        value(conflict, &conflict.theirs, plan, lang),
        t.theirs
    );
    if conflict.kind != ConflictKind::Differs && conflict.entry().is_none() {
        text.push_str(&format!(
            ", {} {}",
            t.base,
            value(conflict, &conflict.base, plan, lang)
        ));
    }
    if let Some(note) = kind_note(conflict.kind, lang) {
        text.push_str(&format!(" ({note})"));
    }
    text
}

/// Why a conflict is one, when it is not the usual "both changed it".
pub fn kind_note(kind: ConflictKind, lang: Lang) -> Option<&'static str> {
    let t = tr(lang);
    match kind {
        ConflictKind::BothChanged | ConflictKind::RemovedAndChanged => None,
        ConflictKind::Differs => Some(t.kind_differs),
        ConflictKind::BreaksRule => Some(t.kind_breaks_rule),
        ConflictKind::Unconfirmed => Some(t.kind_unconfirmed),
    }
}

/// Where the conflict is: `SD1.OD3 VTE 2025`, `titel`, `loonprofiel «Stafmedewerker»`.
pub fn place(conflict: &Conflict, plan: &Plan, lang: Lang) -> String {
    let segments: Vec<&str> = conflict
        .field
        .split('.')
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(entry) = conflict.entry() {
        if let Some(label) = item_label(plan, entry, lang) {
            return label;
        }
        // Not in the plan (the side it keeps removed it): named from the item the other has,
        // after its owner.
        let list = segments.last().copied().unwrap_or_default();
        let label = data_label(conflict, list, lang).unwrap_or_else(|| entry.to_string());
        let owner = conflict.item.and_then(|id| item_label(plan, id, lang));
        return match owner {
            Some(owner) if !is_goal_list(list) => format!("{owner} {label}"),
            _ => label,
        };
    }
    let mut words: Vec<String> = Vec::new();
    if let Some(id) = conflict.item {
        words.push(item_label(plan, id, lang).unwrap_or_else(|| id.to_string()));
    }
    for segment in segments {
        if matches!(segment, "meta" | "PerYear") {
            continue;
        }
        words.push(field_label(segment, lang).unwrap_or(segment).to_string());
    }
    if let Some(year) = conflict.year() {
        words.push(year.to_string());
    }
    words.join(" ")
}

fn is_goal_list(list: &str) -> bool {
    matches!(list, "strategic_goals" | "operational_goals")
}

/// One side's value as the user reads it: `0,5`, `«Nieuwe titel»`, `verwijderd`.
pub fn value(conflict: &Conflict, value: &ConflictValue, plan: &Plan, lang: Lang) -> String {
    let t = tr(lang);
    if conflict.entry().is_some() {
        let base_present = conflict.base != ConflictValue::Absent;
        return match (value, base_present) {
            (ConflictValue::Absent, true) => t.removed,
            (ConflictValue::Absent, false) => "—",
            (_, false) => t.added,
            (v, true) if *v == conflict.base => t.unchanged,
            (_, true) => t.changed,
        }
        .to_string();
    }
    let field = conflict
        .field
        .split('.')
        .rfind(|s| !matches!(*s, "PerYear" | ""))
        .unwrap_or_default();
    let numeric = conflict.year().is_some() || is_numeric_field(field);
    match value {
        ConflictValue::Absent if numeric => "0".to_string(),
        ConflictValue::Absent => t.empty.to_string(),
        ConflictValue::Text(text) => match text.parse::<Decimal>() {
            Ok(number) if numeric => numfmt::exact(number),
            _ => variant_label(text, lang).map_or_else(|| quote(text), str::to_string),
        },
        ConflictValue::Number(n) => {
            reference_name(plan, field, Id(*n as u64)).unwrap_or_else(|| n.to_string())
        }
        ConflictValue::Flag(true) => t.yes.to_string(),
        ConflictValue::Flag(false) => t.no.to_string(),
        ConflictValue::Data(json) => data_text(json, field, plan, lang),
    }
}

fn is_numeric_field(field: &str) -> bool {
    matches!(
        field,
        "fte"
            | "available_fte"
            | "operating"
            | "fund_financed"
            | "amounts"
            | "cost_per_fte"
            | "actuals"
            | "opening_balance"
            | "printed_cost"
            | "printed_income"
            | "base"
            | "growth_percent"
            | "round_to"
            | "value"
    )
}

/// A text, quoted and cut short.
fn quote(text: &str) -> String {
    const MAX: usize = 48;
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("«{}…»", cut.trim_end())
    } else {
        format!("«{one_line}»")
    }
}

/// The name of the item a reference field points to.
fn reference_name(plan: &Plan, field: &str, id: Id) -> Option<String> {
    let name = match field {
        "salary_profile" => plan.salary_profile(id).map(|p| p.name.as_str()),
        "fund" => plan
            .funds
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.name.as_str()),
        "activity_type" => plan.activity_type(id).map(|t| t.name.as_str()),
        _ => None,
    };
    name.map(quote)
}

/// A compound value: a growth rule, a target, a list of core tasks.
fn data_text(json: &str, field: &str, plan: &Plan, lang: Lang) -> String {
    let t = tr(lang);
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return t.compound.to_string();
    };
    let decimal = |v: &Value| {
        v.as_str()
            .and_then(|s| s.parse::<Decimal>().ok())
            .map(numfmt::exact)
            .unwrap_or_default()
    };
    if let Some(list) = value.as_array() {
        let codes: Vec<String> = list
            .iter()
            .filter_map(Value::as_u64)
            .map(|id| {
                plan.core_tasks
                    .iter()
                    .find(|task| task.id == Id(id))
                    .map_or_else(|| Id(id).to_string(), |task| task.code.clone())
            })
            .collect();
        return if codes.is_empty() {
            t.empty.to_string()
        } else {
            codes.join(", ")
        };
    }
    if let Some(rule) = value.get("Rule") {
        return format!(
            "{}: {} ({}), {} %",
            field_label("Rule", lang).unwrap_or("Rule"),
            decimal(&rule["base"]),
            rule["base_year"],
            decimal(&rule["growth_percent"])
        );
    }
    if value.get("PerYear").is_some() {
        return t.per_year.to_string();
    }
    if let Some(comparator) = value.get("comparator").and_then(Value::as_str) {
        let unit = value["unit"].as_str().unwrap_or_default();
        return format!(
            "{} {} {unit}",
            variant_label(comparator, lang).unwrap_or(comparator),
            decimal(&value["value"])
        )
        .trim_end()
        .to_string();
    }
    let _ = field;
    t.compound.to_string()
}

/// The label of an entry that is not in the plan, from the item a side has.
fn data_label(conflict: &Conflict, list: &str, lang: Lang) -> Option<String> {
    let item: Value = [&conflict.ours, &conflict.theirs, &conflict.base]
        .into_iter()
        .find_map(|v| match v {
            ConflictValue::Data(json) => serde_json::from_str(json).ok(),
            _ => None,
        })?;
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
    let noun = list_noun(list, lang).unwrap_or(list);
    if is_goal_list(list) {
        return text("code");
    }
    if list == "lines" {
        return Some(format!(
            "{noun} {} {}",
            text("code").unwrap_or_default(),
            quote(&text("name").unwrap_or_default())
        ));
    }
    let label = ["name", "title", "text", "description", "code"]
        .iter()
        .find_map(|k| text(k))?;
    Some(format!("{noun} {}", quote(&label)))
}

/// How an item of the plan is called in a conflict: `SD1.OD3`, `loonprofiel «Stafmedewerker»`,
/// `SD1.OD3 indicator «…»`.
pub fn item_label(plan: &Plan, id: Id, lang: Lang) -> Option<String> {
    let noun = |list: &'static str| list_noun(list, lang).unwrap_or(list);
    let indicator = |owner: Option<&str>, ind: &crate::model::Indicator| {
        let label = format!("{} {}", noun("indicators"), quote(&ind.text));
        owner.map_or(label.clone(), |o| format!("{o} {label}"))
    };
    for ind in &plan.general_indicators {
        if ind.id == id {
            return Some(format!(
                "{} {}",
                noun("general_indicators"),
                quote(&ind.text)
            ));
        }
    }
    for sd in &plan.strategic_goals {
        if sd.id == id {
            return Some(sd.code.clone());
        }
        if let Some(ind) = sd.indicators.iter().find(|i| i.id == id) {
            return Some(indicator(Some(&sd.code), ind));
        }
        for od in &sd.operational_goals {
            if od.id == id {
                return Some(od.code.clone());
            }
            if let Some(ind) = od.indicators.iter().find(|i| i.id == id) {
                return Some(indicator(Some(&od.code), ind));
            }
            if let Some(a) = od.activities.iter().find(|a| a.id == id) {
                return Some(format!(
                    "{} {} {}",
                    od.code,
                    noun("activities"),
                    quote(&a.description)
                ));
            }
        }
    }
    let named = |list: &'static str, name: &str| Some(format!("{} {}", noun(list), quote(name)));
    if let Some(p) = plan.priorities.iter().find(|p| p.id == id) {
        return named("priorities", &p.title);
    }
    if let Some(s) = plan.sections.iter().find(|s| s.id == id) {
        return named("sections", &s.title);
    }
    if let Some(task) = plan.core_tasks.iter().find(|task| task.id == id) {
        return Some(format!("{} {}", noun("core_tasks"), task.code));
    }
    if let Some(kind) = plan.activity_types.iter().find(|k| k.id == id) {
        return named("activity_types", &kind.name);
    }
    if let Some(p) = plan.salary_profiles.iter().find(|p| p.id == id) {
        return named("salary_profiles", &p.name);
    }
    if let Some(l) = plan.staff_lines.iter().find(|l| l.id == id) {
        return named("staff_lines", &l.name);
    }
    if let Some(l) = plan.overhead.iter().find(|l| l.id == id) {
        return named("overhead", &l.name);
    }
    if let Some(l) = plan.income.iter().find(|l| l.id == id) {
        return named("income", &l.name);
    }
    if let Some(f) = plan.funds.iter().find(|f| f.id == id) {
        return named("funds", &f.name);
    }
    for section in &plan.accounts {
        if section.id == id {
            return named("accounts", &section.name);
        }
        if let Some(line) = section.lines.iter().find(|l| l.id == id) {
            return Some(format!(
                "{} {} {}",
                noun("lines"),
                line.code,
                quote(&line.name)
            ));
        }
    }
    None
}
