//! A plan 100 times the Socius plan (400 strategic goals, 1.600 operational goals, 10 years, from
//! `planbord generate`): open, save, summarise, an edit with its undo step, undo, compare, and one
//! headless frame (layout + tessellation at 1440x880) of every panel, Socius and x100, at the
//! top, scrolled to the middle and to the end. Also the memory an undo history of 500
//! single-cell edits takes, and the median and 95th percentile of each frame (printed). Also
//! Plan uit document on the Socius text, a new period of the x100 plan, and the yearly report of
//! the x100 plan with one realised year: calc, PDF and XLSX.

// Tests and benchmarks make and read their fixture files directly; the rule that only `store`
// touches the file system (clippy.toml) is for the program.
#![allow(clippy::disallowed_methods)]

use criterion::{Criterion, criterion_group, criterion_main};
use planbord::app::{PlanApp, Prefs};
use planbord::edit::{Document, Edit, YearField};
use planbord::exchange::plan_text::{PlanTextPreview, read_document};
use planbord::i18n::Lang;
use planbord::model::Plan;
use planbord::period::{PeriodOptions, new_period};
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

/// The x100 plan with its first year realised, as a coordinator would have filled it in: the
/// result lines (personnel, operating per strategic goal, overhead, subsidy and other income),
/// a function per staff line, FTE for every operational goal, a status for every activity of
/// the year, a value for every indicator with a target, and explanations of the operating cost
/// of every tenth goal.
fn with_realised_year(mut plan: Plan) -> Plan {
    use planbord::model::{
        AccountCategory, ActivityReport, ActivityStatus, ActualFigure, Explanation, GoalFte,
        ResultLine, Side, StaffActual, YearActuals,
    };
    let year = plan.meta.first_year;
    let summary = planbord::calc::summarize(&plan);
    let at = |series: &planbord::calc::Series| series[0];
    let mut realised = YearActuals::new(year);
    let line = |plan: &mut Plan, name: String, side, category, goal, amount: Decimal| {
        let id = plan.new_id();
        ResultLine {
            id,
            name,
            side,
            category,
            goal,
            amount: amount.round_dp(2),
        }
    };
    let pct = |v: Decimal, p: i64| v * Decimal::new(p, 2);
    realised.result_lines.push(line(
        &mut plan,
        "Lonen en sociale lasten".into(),
        Side::Cost,
        AccountCategory::Personnel,
        None,
        pct(at(&summary.personnel_total), 98),
    ));
    let goals: Vec<_> = plan
        .strategic_goals
        .iter()
        .map(|sd| (sd.id, sd.code.clone()))
        .collect();
    for ((id, code), figures) in goals.iter().zip(&summary.goals) {
        let amount = pct(at(&figures.operating), 90 + (id.0 % 20) as i64);
        let l = line(
            &mut plan,
            format!("Werking {code}"),
            Side::Cost,
            AccountCategory::Operating,
            Some(*id),
            amount,
        );
        realised.result_lines.push(l);
    }
    realised.result_lines.push(line(
        &mut plan,
        "Overhead".into(),
        Side::Cost,
        AccountCategory::Overhead,
        None,
        pct(at(&summary.overhead_total), 101),
    ));
    realised.result_lines.push(line(
        &mut plan,
        "Werkingssubsidie".into(),
        Side::Income,
        AccountCategory::Subsidy,
        None,
        at(&summary.requested_subsidy),
    ));
    realised.result_lines.push(line(
        &mut plan,
        "Eigen inkomsten".into(),
        Side::Income,
        AccountCategory::OwnIncome,
        None,
        pct(
            at(&summary.income_total) - at(&summary.requested_subsidy),
            95,
        ),
    ));
    let staff: Vec<_> = plan
        .staff_lines
        .iter()
        .map(|l| (l.id, l.name.clone(), l.fte.get(year)))
        .collect();
    for (line_id, name, fte) in staff {
        let id = plan.new_id();
        realised.staff.push(StaffActual {
            id,
            name,
            planned_as: Some(line_id),
            payroll_fte: fte,
            available_fte: fte,
        });
    }
    for (_, od) in plan.operational_goals() {
        realised.goal_fte.push(GoalFte {
            goal: od.id,
            fte: pct(od.fte.get(year), 95),
        });
        for activity in od
            .activities
            .iter()
            .filter(|a| a.first_year <= year && year <= a.last_year)
        {
            realised.activities.push(ActivityReport {
                activity: activity.id,
                status: ActivityStatus::ALL[activity.id.0 as usize % 5],
                replaced_by: String::new(),
                reason: "Zoals gepland uitgevoerd.".into(),
            });
        }
    }
    for (id, _) in goals.iter().step_by(10) {
        realised.explanations.push(Explanation {
            figure: ActualFigure::OperatingGoal(*id),
            text: "Minder fysieke vormingen: lagere kosten voor zalen en catering.".into(),
        });
    }
    for sd in &mut plan.strategic_goals {
        let indicators = sd.indicators.iter_mut().chain(
            sd.operational_goals
                .iter_mut()
                .flat_map(|od| od.indicators.iter_mut()),
        );
        for indicator in indicators {
            if let Some(target) = &indicator.target {
                let value = (target.value / Decimal::TWO).round();
                indicator.actuals.set(year, Some(value));
            }
        }
    }
    plan.actuals.years.push(realised);
    assert!(planbord::model::validate(&plan).is_empty());
    plan
}

/// The yearly report of the x100 plan with one realised year: calc's report, and the PDF.
fn report_benches(c: &mut Criterion) {
    let plan = with_realised_year(big());
    let year = plan.meta.first_year;
    let summary = planbord::calc::summarize(&plan);
    c.bench_function("x100: summarize with a realised year", |b| {
        b.iter(|| planbord::calc::summarize(black_box(&plan)))
    });
    c.bench_function("x100: year report (calc)", |b| {
        b.iter(|| planbord::calc::report::year_report(black_box(&plan), &summary, year))
    });
    let report = planbord::calc::report::Report::build(
        &plan,
        &summary,
        planbord::calc::report::ReportKind::Year,
        Some(year),
    )
    .unwrap();
    let bytes = planbord::exchange::pdf::year_report::write_report_pdf(
        &plan,
        &report,
        planbord::i18n::Lang::Nl,
        "2026-12-08",
    )
    .unwrap();
    let pages = planbord::exchange::pdf::year_report::year_report_document(
        &plan,
        &report,
        planbord::i18n::Lang::Nl,
        "2026-12-08",
    )
    .unwrap()
    .pages
    .len();
    eprintln!(
        "x100 year report: {pages} pages, {} KiB",
        bytes.len() / 1024
    );
    c.bench_function("x100: year report PDF (calc + layout + PDF)", |b| {
        b.iter(|| {
            let report = planbord::calc::report::Report::build(
                black_box(&plan),
                &summary,
                planbord::calc::report::ReportKind::Year,
                Some(year),
            )
            .unwrap();
            planbord::exchange::pdf::year_report::write_report_pdf(
                &plan,
                &report,
                planbord::i18n::Lang::Nl,
                "2026-12-08",
            )
            .unwrap()
        })
    });
    c.bench_function("x100: year report XLSX", |b| {
        b.iter(|| {
            let tables =
                planbord::exchange::tables::report_tables(&report, planbord::i18n::Lang::Nl);
            planbord::exchange::xlsx::write_xlsx(&tables, &plan.meta, planbord::i18n::Lang::Nl)
                .unwrap()
        })
    });
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
    // Plan uit document: the Socius plan's text (its PDF's extraction, 195 KB, 6.544 lines)
    // read and recognised, and made a new plan; an excerpt as Word document.
    let socius_text = std::fs::read("tests/data/socius-beleidsplan-2021-2025.txt").unwrap();
    let read = |name: &str, bytes: &[u8]| read_document(Some(Path::new(name)), bytes).unwrap();
    c.bench_function("import: the Socius text (read + recognise)", |b| {
        b.iter(|| read("socius.txt", black_box(&socius_text)))
    });
    c.bench_function("import: the Socius text into a new plan", |b| {
        b.iter(|| {
            let document = read("socius.txt", black_box(&socius_text));
            PlanTextPreview::new(document, "socius.txt", Lang::Nl)
                .new_plan(planbord::store::template())
                .unwrap()
        })
    });
    let docx = std::fs::read("tests/data/socius-uittreksel.docx").unwrap();
    c.bench_function("import: an excerpt as .docx (read + recognise)", |b| {
        b.iter(|| read("uittreksel.docx", black_box(&docx)))
    });
    // Nieuwe planperiode: the x100 plan (10 years) into the next 10 years.
    let next = PeriodOptions::after(&plan);
    c.bench_function("x100: new period (10 years, index 2 %)", |b| {
        b.iter(|| new_period(black_box(&plan), &next).unwrap())
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
criterion_group! {
    name = reports;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5));
    targets = report_benches
}
criterion_main!(group, reports);
