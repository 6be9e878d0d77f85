//! A plan 100 times the Socius plan (400 strategic goals, 1.600 operational goals, 10 years, from
//! `planbord generate`): open, save, summarise, an edit with its undo step, undo, compare, and one
//! headless frame (layout + tessellation at 1440x880) of every panel, Socius and x100. Also the
//! memory an undo history of 500 single-cell edits takes (printed once).

use criterion::{Criterion, criterion_group, criterion_main};
use planbord::app::{PlanApp, Prefs};
use planbord::edit::{Document, Edit, YearField};
use planbord::model::Plan;
use planbord::ui::Panel;
use rust_decimal::Decimal;
use std::hint::black_box;
use std::path::Path;

fn big() -> Plan {
    planbord::generate::large_plan(&planbord::generate::socius(), 100, 10)
}

/// Resident memory of this process in bytes (Linux).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn history_memory(plan: &Plan) {
    let ods: Vec<_> = plan.operational_goals().map(|(_, od)| od.id).collect();
    let before = resident_bytes();
    let mut doc = Document::new(plan.clone());
    let with_plan = resident_bytes();
    for i in 0..500 {
        let edit = Edit::SetYear(
            YearField::GoalFte(ods[i * 3 % ods.len()]),
            2021 + (i % 10) as i32,
            Some(Decimal::new(i as i64 % 90 + 1, 1)),
        );
        doc.apply(edit).unwrap();
    }
    let after = resident_bytes();
    eprintln!(
        "undo history: the x100 plan takes {:.1} MB; 500 single-cell edits add {:.1} MB",
        (with_plan.saturating_sub(before)) as f64 / 1e6,
        (after.saturating_sub(with_plan)) as f64 / 1e6
    );
    black_box(doc);
}

/// One frame of the window on `panel`: layout and tessellation.
fn frame(ctx: &egui::Context, app: &mut PlanApp) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1440.0, 880.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn benches(c: &mut Criterion) {
    let plan = big();
    history_memory(&plan);
    let text = planbord::store::to_ron_string(&plan);
    c.bench_function("x100: parse + validate", |b| {
        b.iter(|| planbord::store::from_ron_str(black_box(&text), Path::new("big.ron")).unwrap())
    });
    c.bench_function("x100: serialize", |b| {
        b.iter(|| planbord::store::to_ron_string(black_box(&plan)))
    });
    c.bench_function("x100: summarize", |b| {
        b.iter(|| planbord::calc::summarize(black_box(&plan)))
    });
    let od = plan.strategic_goals[200].operational_goals[1].id;
    c.bench_function("x100: apply an FTE edit + summarize", |b| {
        let mut doc = Document::new(plan.clone());
        let mut n = 0i64;
        b.iter(|| {
            n += 1;
            let value = Decimal::new(n % 50 + 1, 1);
            doc.apply(Edit::SetYear(YearField::GoalFte(od), 2023, Some(value)))
                .unwrap();
            planbord::calc::summarize(doc.plan())
        })
    });
    c.bench_function("x100: undo + redo", |b| {
        let mut doc = Document::new(plan.clone());
        doc.apply(Edit::SetYear(
            YearField::GoalFte(od),
            2023,
            Some(Decimal::new(7, 1)),
        ))
        .unwrap();
        b.iter(|| {
            doc.undo();
            doc.redo();
        })
    });
    let mut other = plan.clone();
    other.strategic_goals[10].operational_goals[0]
        .fte
        .set(2024, Some(Decimal::new(25, 1)));
    c.bench_function("x100: compare two scenarios", |b| {
        b.iter(|| {
            let scenarios = vec![
                planbord::compare::Scenario::new("a", plan.clone()),
                planbord::compare::Scenario::new("b", other.clone()),
            ];
            planbord::compare::Comparison::new(scenarios, 0)
        })
    });
    for (name, plan) in [("socius", planbord::generate::socius()), ("x100", plan)] {
        for panel in [
            Panel::Plan,
            Panel::Goals,
            Panel::Timing,
            Panel::Staffing,
            Panel::Budget,
            Panel::Charts,
            Panel::Warnings,
        ] {
            let prefs = Prefs {
                panel,
                ..Prefs::default()
            };
            let mut app = PlanApp::new(plan.clone(), None, prefs);
            app.select_goal_by_code("SD1");
            let ctx = egui::Context::default();
            // Warm up: fonts, layout caches, as in a running window.
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            c.bench_function(&format!("{name}: frame {panel:?}"), |b| {
                b.iter(|| frame(&ctx, &mut app))
            });
        }
    }
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(group);
