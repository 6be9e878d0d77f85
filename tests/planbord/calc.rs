//! Calculations on small plans built in code: account-coded budgets, growth rules, warnings.

use planbord::calc::{Warning, summarize};
use planbord::model::{
    AccountLine, AccountSection, Amounts, BudgetBasis, GrowthRule, Plan, ReserveFund, Side, Yearly,
};
use rust_decimal::{Decimal, dec};

fn per_year(values: &[Decimal]) -> Amounts {
    Amounts::PerYear(Yearly::from_values(2026, values.iter().copied()))
}

fn account_plan() -> Plan {
    let mut plan = Plan::new("SAM", 2026, 2028);
    plan.meta.budget_basis = BudgetBasis::Accounts;
    let sections = [
        (
            "WERKINGSKOSTEN",
            vec![(
                "610000",
                "Huur",
                Side::Cost,
                per_year(&[dec!(80000), dec!(81000), dec!(82000)]),
            )],
        ),
        (
            "PERSONEELSKOSTEN",
            vec![(
                "620000",
                "Bezoldigingen",
                Side::Cost,
                per_year(&[dec!(900000), dec!(920000), dec!(940000)]),
            )],
        ),
        (
            "EIGEN INKOMSTEN",
            vec![
                (
                    "700000",
                    "Deelnemersbijdragen",
                    Side::Income,
                    per_year(&[dec!(50000), dec!(50000), dec!(50000)]),
                ),
                (
                    "740000",
                    "Werkingssubsidie",
                    Side::Income,
                    Amounts::Rule(GrowthRule {
                        base_year: 2026,
                        base: dec!(940000),
                        growth_percent: dec!(2),
                        round_to: dec!(10),
                    }),
                ),
            ],
        ),
    ];
    for (name, lines) in sections {
        let id = plan.new_id();
        let mut section = AccountSection {
            id,
            name: name.into(),
            lines: Vec::new(),
            printed_cost: Yearly::default(),
            printed_income: Yearly::default(),
        };
        for (code, line_name, side, amounts) in lines {
            let id = plan.new_id();
            section.lines.push(AccountLine {
                id,
                code: code.into(),
                name: line_name.into(),
                side,
                category: None,
                amounts,
            });
        }
        plan.accounts.push(section);
    }
    plan
}

#[test]
fn account_sections_total_and_give_the_operating_result() {
    let plan = account_plan();
    assert!(planbord::model::validate(&plan).is_empty());
    let s = summarize(&plan);
    assert_eq!(
        s.account_sections[0].cost,
        vec![dec!(80000), dec!(81000), dec!(82000)]
    );
    assert_eq!(
        s.account_sections[2].income,
        vec![dec!(990000), dec!(1008800), dec!(1027980)]
    );
    assert_eq!(
        s.account_cost,
        vec![dec!(980000), dec!(1001000), dec!(1022000)]
    );
    assert_eq!(s.account_result, vec![dec!(10000), dec!(7800), dec!(5980)]);
    // On an account basis the multi-year budget follows the accounts.
    assert_eq!(s.expenses_total, s.account_cost);
    assert_eq!(s.balance, s.account_result);
    // No fund receives the balance: no carry-over, the result is the balance.
    assert_eq!(s.carryover, vec![Decimal::ZERO; 3]);
    assert_eq!(s.result, s.balance);
}

#[test]
fn a_deficit_over_the_period_and_a_negative_reserve_are_warned_about() {
    let mut plan = account_plan();
    let id = plan.new_id();
    plan.funds.push(ReserveFund {
        id,
        name: "Overgedragen resultaat".into(),
        opening_balance: dec!(5000),
        receives_balance: true,
    });
    // Raise the rent so the plan runs a deficit.
    if let Amounts::PerYear(values) = &mut plan.accounts[0].lines[0].amounts {
        values.set(2027, Some(dec!(100000)));
        values.set(2028, Some(dec!(100000)));
    }
    let s = summarize(&plan);
    assert_eq!(s.balance, vec![dec!(10000), dec!(-11200), dec!(-12020)]);
    assert_eq!(
        s.reserves[0].values,
        vec![dec!(15000), dec!(3800), dec!(-8220)]
    );
    assert!(s.warnings.contains(&Warning::BalanceNotClosed {
        total: dec!(-13220)
    }));
    assert!(
        s.warnings
            .iter()
            .any(|w| matches!(w, Warning::ReserveNegative { year: 2028, .. }))
    );
}
