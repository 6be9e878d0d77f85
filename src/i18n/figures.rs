//! The names of the key figures ([`crate::calc::figures`]) in the user's language.

use super::{Lang, compare_tr, fill};
use crate::calc::figures::{ActualKeyFigure, ActualKind, Figure};

/// The label of a figure row.
pub fn figure_label(figure: &Figure, lang: Lang) -> String {
    let t = compare_tr(lang);
    match figure {
        Figure::FteTotal => t.fte_total.into(),
        Figure::FteService => t.fte_service.into(),
        Figure::FteSupport => t.fte_support.into(),
        Figure::FteGoal(code) => fill(t.fte_goal, &[code]),
        Figure::FteAvailable => t.fte_available.into(),
        Figure::PersonnelCost => t.personnel.into(),
        Figure::PersonnelService => t.personnel_service.into(),
        Figure::PersonnelSupport => t.personnel_support.into(),
        Figure::PersonnelGoal(code) => fill(t.personnel_goal, &[code]),
        Figure::OperatingCost => t.operating_cost.into(),
        Figure::OperatingGoal(code) => format!("{} {code}", t.operating_cost),
        Figure::OverheadCost => t.overhead_cost.into(),
        Figure::OtherCost => crate::i18n::tr(lang).other_cost.into(),
        Figure::AccountSection { key, income, .. } => {
            let tr = crate::i18n::tr(lang);
            let name = key.trim_start_matches("account.");
            let side = if *income {
                tr.side_income
            } else {
                tr.side_cost
            };
            format!("{name}: {side}")
        }
        Figure::ExpensesTotal => t.expenses_total.into(),
        Figure::IncomeTotal => t.income_total.into(),
        Figure::RequestedSubsidy => t.requested_subsidy.into(),
        Figure::Balance => t.balance.into(),
        Figure::Carryover => t.carryover.into(),
        Figure::Result => t.result.into(),
        Figure::AccountsCost => t.accounts_cost.into(),
        Figure::AccountsIncome => t.accounts_income.into(),
        Figure::AccountsResult => t.accounts_result.into(),
        Figure::CumulativeBalance => t.cumulative_balance.into(),
        Figure::Reserve { name, .. } => fill(t.reserve, &[name]),
        Figure::ReservesTotal => t.reserves_total.into(),
    }
}

/// The name of a realised figure: `Gerealiseerd: Totaal kosten`, `Difference from plan: ...`.
pub fn actual_figure_label(row: &ActualKeyFigure, lang: Lang) -> String {
    let act = &super::tr(lang).act;
    let kind = match row.kind {
        ActualKind::Realised => act.realised_prefix,
        ActualKind::Difference => act.difference_prefix,
    };
    format!(
        "{kind}: {}",
        act.figure_name(row.figure, row.goal.as_deref())
    )
}
