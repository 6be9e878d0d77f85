//! Plan-wide fields: organisation, title, mission, period, budget basis, FTE available.

use super::{Change, Ctx, Field, Place, TextField, Value};

pub(super) fn changes(cx: &Ctx, changes: &mut Vec<Change>) {
    let (base, other) = (cx.base, cx.other);
    for (field, a, b) in [
        (
            TextField::Organisation,
            &base.meta.organisation,
            &other.meta.organisation,
        ),
        (TextField::Title, &base.meta.title, &other.meta.title),
        (TextField::Mission, &base.mission, &other.mission),
    ] {
        if a != b {
            changes.push(Change::changed(
                Place::Plan,
                Field::Text(field),
                Some(Value::Text(a.clone())),
                Some(Value::Text(b.clone())),
            ));
        }
    }
    let period = |p: &crate::model::Plan| (p.meta.first_year, p.meta.last_year);
    if period(base) != period(other) {
        changes.push(Change::changed(
            Place::Plan,
            Field::Period,
            Some(Value::Years(base.meta.first_year, base.meta.last_year)),
            Some(Value::Years(other.meta.first_year, other.meta.last_year)),
        ));
    }
    if base.meta.budget_basis != other.meta.budget_basis {
        changes.push(Change::changed(
            Place::Plan,
            Field::BudgetBasis,
            Some(Value::Basis(base.meta.budget_basis)),
            Some(Value::Basis(other.meta.budget_basis)),
        ));
    }
    for year in &cx.years {
        let (from, to) = (
            base.available_fte.get(*year),
            other.available_fte.get(*year),
        );
        if from != to {
            changes.push(Change::changed(
                Place::Plan,
                Field::AvailableFte(*year),
                Some(Value::Fte(from)),
                Some(Value::Fte(to)),
            ));
        }
    }
}
