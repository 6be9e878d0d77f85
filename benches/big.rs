//! A plan 100 times the Socius plan (400 strategic goals, 1.600 operational goals, 10 years, from
//! `planbord generate`): open, save, summarise, an edit with its undo step, undo, compare, and one
//! headless frame (layout + tessellation at 1440x880) of every panel, Socius and x100, at the
//! top, scrolled to the middle and to the end. Also the memory an undo history of 500
//! single-cell edits takes, and the median and 95th percentile of each frame (printed).

// Tests and benchmarks make and read their fixture files directly; the rule that only `store`
// touches the file system (clippy.toml) is for the program.
#![allow(clippy::disallowed_methods)]

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

/// One frame of the window (1440x880) with these input events: layout and tessellation.
fn frame_with(
    ctx: &egui::Context,
    app: &mut PlanApp,
    events: Vec<egui::Event>,
) -> Vec<egui::ClippedPrimitive> {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1440.0, 880.0),
        )),
        events,
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point)
}

/// One frame without input: what a repaint costs.
fn frame(ctx: &egui::Context, app: &mut PlanApp) -> usize {
    frame_with(ctx, app, Vec::new()).len()
}

/// A fingerprint of what a frame shows (its vertex positions), to tell whether scrolling moved.
fn view_fingerprint(ctx: &egui::Context, app: &mut PlanApp) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for primitive in frame_with(ctx, app, Vec::new()) {
        if let egui::epaint::Primitive::Mesh(mesh) = primitive.primitive {
            for vertex in &mesh.vertices {
                vertex.pos.x.to_bits().hash(&mut hasher);
                vertex.pos.y.to_bits().hash(&mut hasher);
            }
        }
    }
    hasher.finish()
}

/// Turns the mouse wheel over the middle of the panel (2.000 points down) and lets the smooth
/// scrolling settle.
fn wheel_turn(ctx: &egui::Context, app: &mut PlanApp) {
    let at = egui::pos2(720.0, 500.0);
    frame_with(
        ctx,
        app,
        vec![
            egui::Event::PointerMoved(at),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -2000.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            },
        ],
    );
    for _ in 0..12 {
        frame(ctx, app);
    }
}

/// How many wheel turns bring the panel to its end (the view stops changing).
fn turns_to_end(ctx: &egui::Context, app: &mut PlanApp) -> usize {
    let mut seen = view_fingerprint(ctx, app);
    for turns in 0..500 {
        wheel_turn(ctx, app);
        let now = view_fingerprint(ctx, app);
        if now == seen {
            return turns;
        }
        seen = now;
    }
    500
}

/// Median and 95th percentile of 200 frames, in ms (criterion reports the median's spread).
fn percentiles(ctx: &egui::Context, app: &mut PlanApp) -> (f64, f64) {
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let start = std::time::Instant::now();
            black_box(frame(ctx, app));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[100], times[190])
}

/// The app on `panel` with SD1 selected, after a few frames (fonts, layout caches), scrolled
/// `turns` wheel turns down.
fn app_on(plan: &Plan, panel: Panel, turns: usize) -> (egui::Context, PlanApp) {
    let prefs = Prefs {
        panel,
        ..Prefs::default()
    };
    let mut app = PlanApp::new(plan.clone(), None, prefs);
    app.select_goal_by_code("SD1");
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    for _ in 0..turns {
        wheel_turn(&ctx, &mut app);
    }
    (ctx, app)
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
    c.bench_function(
        "x100: an FTE edit + summarize + the next frame (Staffing)",
        |b| {
            let (ctx, mut app) = app_on(&plan, Panel::Staffing, 0);
            let mut n = 0i64;
            b.iter(|| {
                n += 1;
                let value = Decimal::new(n % 50 + 1, 1);
                app.apply(vec![Edit::SetYear(
                    YearField::GoalFte(od),
                    2023,
                    Some(value),
                )]);
                frame(&ctx, &mut app)
            })
        },
    );
    let mut spreads = Vec::new();
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
            // `PLANBORD_BENCH_ONLY="socius: frame Staffing"` measures only the frames whose name
            // starts with it (for profiling one panel).
            if let Ok(only) = std::env::var("PLANBORD_BENCH_ONLY")
                && !format!("{name}: frame {panel:?}").starts_with(&only)
            {
                continue;
            }
            let end = {
                let (ctx, mut app) = app_on(&plan, panel, 0);
                turns_to_end(&ctx, &mut app)
            };
            let mut places = vec![("top", 0)];
            if end > 1 {
                places.push(("middle", end / 2));
            }
            if end > 0 {
                places.push(("end", end));
            }
            for (place, turns) in places {
                let (ctx, mut app) = app_on(&plan, panel, turns);
                let label = format!("{name}: frame {panel:?} {place}");
                let (p50, p95) = percentiles(&ctx, &mut app);
                spreads.push(format!("{label}: p50 {p50:.2} ms, p95 {p95:.2} ms"));
                c.bench_function(&label, |b| b.iter(|| frame(&ctx, &mut app)));
            }
        }
    }
    eprintln!("frames, 200 each (wheel turns of 2.000 points to reach the middle and the end):");
    for line in spreads {
        eprintln!("  {line}");
    }
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(group);
