//! Speed of the work done per edit and per file: recomputing the summary, applying an edit
//! (with its undo snapshot and validation), loading and saving the Socius plan, and a large plan;
//! a three-way merge.

// Tests and benchmarks make and read their fixture files directly; the rule that only `store`
// touches the file system (clippy.toml) is for the program.
#![allow(clippy::disallowed_methods)]

use criterion::{Criterion, criterion_group, criterion_main};
use planbord::edit::{Document, Edit, YearField};
use planbord::model::Plan;
use rust_decimal::dec;
use std::hint::black_box;
use std::path::Path;

fn socius() -> Plan {
    planbord::store::load(Path::new("plans/socius-2021-2025.ron")).unwrap()
}

/// The Socius plan with its goals copied until it has `copies` times as many (5 years).
fn large(copies: usize) -> Plan {
    planbord::generate::large_plan(&socius(), copies, 5)
}

fn benches(c: &mut Criterion) {
    let plan = socius();
    c.bench_function("summarize socius", |b| {
        b.iter(|| planbord::calc::summarize(black_box(&plan)))
    });
    let big = large(25);
    c.bench_function("summarize 400 goals", |b| {
        b.iter(|| planbord::calc::summarize(black_box(&big)))
    });
    let realised =
        planbord::store::load(Path::new("plans/socius-2021-2025-realisatie-voorbeeld.ron"))
            .unwrap();
    c.bench_function("summarize socius with a realised year", |b| {
        b.iter(|| planbord::calc::summarize(black_box(&realised)))
    });
    let text = std::fs::read_to_string("plans/socius-2021-2025.ron").unwrap();
    c.bench_function("parse+validate socius", |b| {
        b.iter(|| planbord::store::from_ron_str(black_box(&text), Path::new("socius.ron")).unwrap())
    });
    c.bench_function("serialize socius", |b| {
        b.iter(|| planbord::store::to_ron_string(black_box(&plan)))
    });
    let od = plan.strategic_goals[0].operational_goals[1].id;
    c.bench_function("apply edit + summarize socius", |b| {
        let mut doc = Document::new(plan.clone());
        let mut v = dec!(0.3);
        b.iter(|| {
            v += dec!(0.1);
            doc.apply(Edit::SetYear(YearField::GoalFte(od), 2021, Some(v)))
                .unwrap();
            black_box(planbord::calc::summarize(doc.plan()));
        })
    });
    // A three-way merge with changes on both sides and one conflict (also what opening a plan
    // with a synced folder's conflict copy next to it costs).
    for (name, base) in [("merge socius", plan.clone()), ("merge 400 goals", big)] {
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let mut fte = base.strategic_goals[0].operational_goals[1].fte.clone();
        fte.set(2025, Some(dec!(0.5)));
        ours.strategic_goals[0].operational_goals[1].fte = fte.clone();
        fte.set(2025, Some(dec!(0.6)));
        fte.set(2024, Some(dec!(1)));
        theirs.strategic_goals[0].operational_goals[1].fte = fte;
        theirs.strategic_goals[1].title = "Ander narratief".into();
        c.bench_function(name, |b| {
            b.iter(|| {
                planbord::merge::merge(
                    black_box(&base),
                    &ours,
                    &theirs,
                    planbord::merge::Side::Ours,
                )
            })
        });
    }
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = benches
}
criterion_main!(group);
