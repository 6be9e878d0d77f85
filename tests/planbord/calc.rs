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

#[test]
fn printed_groups_sum_their_lines_in_one_row_at_the_place_of_the_first() {
    let plan = crate::support::grouped_socius();
    let s = summarize(&plan);
    let plain = summarize(&crate::support::socius());
    let line = |rows: &[planbord::calc::Row], name: &str| -> Vec<Decimal> {
        rows.iter()
            .find(|r| r.label == name)
            .unwrap()
            .values
            .to_vec()
    };
    let add = |a: Vec<Decimal>, b: Vec<Decimal>| -> Vec<Decimal> {
        a.iter().zip(&b).map(|(x, y)| x + y).collect()
    };
    // Income: the group of Subsidies and Werking at the place of Subsidies, named as Subsidies
    // names it; the Socius group of rent and financial income; a blank group is none.
    let labels: Vec<&str> = s.income_printed.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Subsidie en werking",
            "Inkomsten verhuur en financiën",
            "Recuperatie personeelskosten"
        ]
    );
    assert_eq!(
        s.income_printed[0].values.to_vec(),
        add(line(&s.income, "Subsidies"), line(&s.income, "Werking"))
    );
    assert_eq!(s.income_printed[0].values[0], dec!(1639210));
    assert_eq!(s.income_printed[1].values[0], dec!(8250));
    assert!(s.income_printed[0].grouped && !s.income_printed[2].grouped);
    let ids = |names: &[&str]| -> Vec<planbord::model::Id> {
        names
            .iter()
            .map(|n| plan.income.iter().find(|l| l.name == *n).unwrap().id)
            .collect()
    };
    assert_eq!(s.income_printed[0].lines, ids(&["Subsidies", "Werking"]));
    let printed_total: Decimal = s.income_printed.iter().map(|r| r.values.total()).sum();
    assert_eq!(printed_total, s.income_total.total());
    // Overhead: two groups beside the lines without one; every line counts once.
    let labels: Vec<&str> = s.overhead_groups.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Huisvesting en organisatie", "Afschrijvingen"]);
    assert_eq!(
        s.overhead_groups[0].values.to_vec(),
        add(
            line(&s.overhead, "Huisvesting"),
            line(&s.overhead, "Organisatiekosten")
        )
    );
    let mut overhead = s.overhead_ungrouped.clone();
    for group in &s.overhead_groups {
        overhead.add(&group.values);
    }
    assert_eq!(overhead, s.overhead_total);
    assert_ne!(s.overhead_ungrouped, s.overhead_total);
    // Groups print differently; they never change a figure.
    assert_eq!(s.overhead_total, plain.overhead_total);
    assert_eq!(s.income_total, plain.income_total);
    assert_eq!(s.balance, plain.balance);
    assert_eq!(s.requested_subsidy, plain.requested_subsidy);
    // Without groups the overhead row is all overhead lines, each income line a row.
    assert_eq!(plain.overhead_ungrouped, plain.overhead_total);
    assert!(plain.overhead_groups.is_empty());
}
