//! Editing how a yearly amount is made: typed per year, or a growth rule
//! (base year, base amount, yearly growth %, rounding step).

use super::{CellKind, decimal_cell};
use crate::edit::Edit;
use crate::model::{Amounts, GrowthRule, Id};
use egui::Ui;

/// A field of a rule: a stable key, its label, its value, and how to set it.
type RuleField = (
    &'static str,
    &'static str,
    rust_decimal::Decimal,
    fn(&mut GrowthRule, rust_decimal::Decimal),
);

/// One line: "<name>: [x] groeiregel  basisjaar [..] bedrag [..] groei % [..] afronden op [..]".
pub fn rule_ui(
    ui: &mut Ui,
    owner: Id,
    name: &str,
    amounts: &Amounts,
    years: &[i32],
    edits: &mut Vec<Edit>,
    tr: &crate::i18n::Tr,
) {
    let first = years.first().copied().unwrap_or_default();
    ui.horizontal(|ui| {
        ui.label(name);
        let mut is_rule = matches!(amounts, Amounts::Rule(_));
        let label = format!("{} {name}", tr.growth_rule);
        if ui
            .checkbox(&mut is_rule, tr.growth_rule_short)
            .accessible_name(&label)
            .changed()
        {
            edits.push(Edit::SetRule(
                owner,
                is_rule.then(|| GrowthRule {
                    base_year: first,
                    base: amounts.value(first),
                    growth_percent: rust_decimal::Decimal::ZERO,
                    round_to: rust_decimal::Decimal::ZERO,
                }),
            ));
        }
        let Amounts::Rule(rule) = amounts else {
            return;
        };
        let mut set = |changed: GrowthRule| edits.push(Edit::SetRule(owner, Some(changed)));
        ui.label(tr.base_year);
        let mut base_year = rule.base_year;
        egui::ComboBox::from_id_salt(("rule-year", owner.0))
            .width(60.0)
            .selected_text(base_year.to_string())
            .show_ui(ui, |ui| {
                for y in years {
                    ui.selectable_value(&mut base_year, *y, y.to_string());
                }
            })
            .response
            .accessible_name(format!("{} {name}", tr.base_year_of));
        if base_year != rule.base_year {
            set(GrowthRule {
                base_year,
                ..rule.clone()
            });
        }
        let fields: [RuleField; 3] = [
            ("base", tr.rule_amount, rule.base, |r, v| r.base = v),
            ("growth", tr.rule_growth, rule.growth_percent, |r, v| {
                r.growth_percent = v
            }),
            ("round", tr.rule_round, rule.round_to, |r, v| r.round_to = v),
        ];
        for (key, label, value, apply) in fields {
            ui.label(label);
            let id = egui::Id::unique(("rule", owner.0, key));
            let cell = decimal_cell(ui, id, value, CellKind::Euro, &format!("{label} {name}"));
            if let Some(new) = cell.value {
                let mut changed = rule.clone();
                apply(&mut changed, new.unwrap_or_default());
                set(changed);
            }
        }
    });
}
