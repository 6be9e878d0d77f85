//! Files from strangers and crashes: a save killed at any moment, a file cut at every byte,
//! random plans, random damage to the sample file, random typed numbers. None may panic, hang
//! or lose the file.

use planbord::model::{Amounts, GrowthRule, Plan, StaffGroup, StaffLine, Yearly};
use planbord::store;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Rng, SOCIUS, full_sweeps};

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let canonical = std::fs::read_to_string(SOCIUS).unwrap();
    // The old version: same plan, another scenario name, laid out by hand (not canonical), so
    // that `planbord fmt` really rewrites it.
    let old = canonical
        .replace("Ingediend beleidsplan", "Oude versie")
        .replace("\n    ", "\n  ");
    let new = canonical.replace("Ingediend beleidsplan", "Oude versie");
    assert_ne!(old, new);

    let run = |kill_after: Option<Duration>| -> bool {
        std::fs::write(&path, &old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_planbord"))
            .arg("fmt")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut interrupted = false;
        if let Some(delay) = kill_after {
            std::thread::sleep(delay);
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                interrupted = true;
            }
        }
        child.wait().unwrap();
        let content = std::fs::read_to_string(&path).unwrap();
        assert!(
            content == old || content == new,
            "a mix of old and new after a kill at {kill_after:?}"
        );
        store::load(&path).expect("always loadable");
        interrupted
    };
    // How long one save takes from start to end, to spread the kills over it.
    let start = Instant::now();
    run(None);
    let full = start.elapsed();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);

    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let (mut tries, mut interrupted, mut old_kept, mut new_written) = (0, 0, 0, 0);
    // 30 kills per run; 300 with PLANBORD_FULL_SWEEPS=1.
    let kills = if full_sweeps() { 300 } else { 30 };
    for _ in 0..kills {
        let delay = Duration::from_micros(rng.next() % (full.as_micros() as u64 * 12 / 10 + 1));
        tries += 1;
        if run(Some(delay)) {
            interrupted += 1;
            if std::fs::read_to_string(&path).unwrap() == old {
                old_kept += 1;
            } else {
                new_written += 1;
            }
        }
    }
    eprintln!(
        "kill test: {tries} kills tried over 0..{full:?}, {interrupted} interrupted a running save \
         ({old_kept} left the old file, {new_written} the new one); never a mix"
    );
    assert!(
        interrupted > 0,
        "some kills must land while the process runs"
    );
}

/// The cuts the truncation sweep tries: every byte offset with `PLANBORD_FULL_SWEEPS=1`;
/// otherwise every cut in the first and last 4 KiB (where the structure opens and closes) plus
/// 2.000 seeded offsets in between, the same on every run.
fn truncation_offsets(len: usize) -> Vec<usize> {
    if full_sweeps() {
        return (0..len).collect();
    }
    let edge = 4096.min(len);
    let mut cuts: std::collections::BTreeSet<usize> = (0..edge).chain(len - edge..len).collect();
    let mut rng = Rng(0x7a11_0ff5_e7c0_ffee);
    for _ in 0..2000 {
        cuts.insert((rng.next() % len as u64) as usize);
    }
    cuts.into_iter().collect()
}

#[test]
fn the_sample_cut_anywhere_gives_an_error_or_a_plan_never_a_panic() {
    let bytes = std::fs::read(SOCIUS).unwrap();
    let cuts = truncation_offsets(bytes.len());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (errors, plans): (usize, usize) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (bytes, cuts) = (&bytes, &cuts);
                scope.spawn(move || {
                    let (mut errors, mut plans) = (0, 0);
                    for &cut in cuts.iter().skip(t).step_by(threads) {
                        match store::from_bytes(&bytes[..cut], Path::new("cut.ron")) {
                            Ok(_) => plans += 1,
                            Err(e) => {
                                assert!(!e.to_string().is_empty());
                                errors += 1;
                            }
                        }
                    }
                    (errors, plans)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    });
    eprintln!(
        "truncation test: {} of {} cuts, {errors} errors, {plans} valid plans",
        cuts.len(),
        bytes.len()
    );
    assert_eq!(errors + plans, cuts.len());
    // Only the whole file (or the file without its last newline) is a plan.
    assert!(plans <= 2, "{plans}");
}

/// Random but valid plans: goals with FTE and budgets, staff lines, income rules.
fn plan_strategy() -> impl Strategy<Value = Plan> {
    let amount = (0i64..10_000_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s));
    let fte = (0i64..2_000).prop_map(|m| Decimal::new(m, 2));
    let text = "\\PC{0,40}";
    let od = (
        text,
        prop::collection::vec(fte.clone(), 0..6),
        prop::collection::vec(amount.clone(), 0..6),
    );
    let sd = (text, prop::collection::vec(od, 0..4));
    (
        2000i32..2100,
        1i32..8,
        text,
        prop::collection::vec(sd, 0..4),
        prop::collection::vec((text, fte, any::<bool>()), 0..4),
        (amount.clone(), -50i64..50, 0i64..3),
        prop::collection::vec((text, prop::collection::vec(amount, 0..6)), 0..4),
    )
        .prop_map(
            |(first, len, org, sds, staff, (base, growth, round), overhead)| {
                let last = first + len - 1;
                let mut plan = Plan::new(&org, first, last);
                let profile = plan.new_id();
                plan.salary_profiles.push(planbord::model::SalaryProfile {
                    id: profile,
                    name: "Staf".into(),
                    cost_per_fte: Amounts::PerYear(Yearly::from_values(
                        first,
                        (0..len).map(|i| Decimal::from(80_000 + 1_000 * i)),
                    )),
                });
                for (sd_title, ods) in sds {
                    let sd_id = plan.new_id();
                    plan.strategic_goals.push(planbord::model::StrategicGoal {
                        id: sd_id,
                        code: String::new(),
                        kind: Default::default(),
                        title: sd_title,
                        description: String::new(),
                        indicators: Vec::new(),
                        core_tasks: Vec::new(),
                        note: String::new(),
                        operational_goals: Vec::new(),
                    });
                    for (title, ftes, operating) in ods {
                        let id = plan.new_id();
                        let n = plan.strategic_goals.len();
                        plan.strategic_goals[n - 1].operational_goals.push(
                            planbord::model::OperationalGoal {
                                id,
                                code: String::new(),
                                title,
                                situering: String::new(),
                                werking: String::new(),
                                indicators: Vec::new(),
                                core_tasks: Vec::new(),
                                activities: Vec::new(),
                                salary_profile: profile,
                                fte: Yearly::from_values(
                                    first,
                                    ftes.into_iter().take(len as usize),
                                ),
                                operating: Yearly::from_values(
                                    first,
                                    operating.into_iter().take(len as usize),
                                ),
                                fund_financed: Yearly::default(),
                                fund: None,
                                note: String::new(),
                            },
                        );
                    }
                }
                planbord::edit::apply_to(&mut plan, &planbord::edit::Edit::Renumber).unwrap();
                for (name, fte, support) in staff {
                    let id = plan.new_id();
                    plan.staff_lines.push(StaffLine {
                        id,
                        name,
                        group: if support {
                            StaffGroup::Support
                        } else {
                            StaffGroup::Service
                        },
                        salary_profile: profile,
                        fte: Yearly::from_values(first, std::iter::repeat_n(fte, len as usize)),
                    });
                }
                let id = plan.new_id();
                plan.income.push(planbord::model::BudgetLine {
                    id,
                    name: "Subsidie".into(),
                    kind: planbord::model::IncomeKind::Subsidy,
                    printed_group: None,
                    amounts: Amounts::Rule(GrowthRule {
                        base_year: first,
                        base,
                        growth_percent: Decimal::new(growth, 1),
                        round_to: Decimal::from(round * 5),
                    }),
                });
                for (name, amounts) in overhead {
                    let id = plan.new_id();
                    plan.overhead.push(planbord::model::BudgetLine {
                        id,
                        name,
                        kind: Default::default(),
                        printed_group: None,
                        amounts: Amounts::PerYear(Yearly::from_values(
                            first,
                            amounts.into_iter().take(len as usize),
                        )),
                    });
                }
                plan
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_plans_survive_save_and_load(plan in plan_strategy()) {
        prop_assert!(planbord::model::validate(&plan).is_empty(), "{:?}", planbord::model::validate(&plan));
        let text = store::to_ron_string(&plan);
        let loaded = store::from_ron_str(&text, Path::new("random.ron")).unwrap();
        prop_assert_eq!(&loaded, &plan);
        prop_assert_eq!(store::to_ron_string(&loaded), text);
        // The calculations never panic on a valid plan.
        let summary = planbord::calc::summarize(&loaded);
        prop_assert_eq!(summary.years.len(), plan.year_count());
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PLANBORD_FUZZ_CASES").ok().and_then(|c| c.parse().ok())
            .unwrap_or(if full_sweeps() { 30_000 } else { 300 }),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Fuzzing the loader: random damage (deleted, inserted, replaced bytes) to the sample file.
    #[test]
    fn damaged_files_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..8)) {
        let mut bytes = std::fs::read(SOCIUS).unwrap();
        for (at, kind, byte) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 if !bytes.is_empty() => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                _ if !bytes.is_empty() => bytes[i] = byte,
                _ => {}
            }
        }
        if let Ok(plan) = store::from_bytes(&bytes, Path::new("damaged.ron")) {
            // Whatever loads is valid and computes.
            prop_assert!(planbord::model::validate(&plan).is_empty());
            planbord::calc::summarize(&plan);
        }
    }

    /// Fuzzing the number parser: anything typed gives a number or a refusal, and what it shows
    /// reads back as the same number.
    #[test]
    fn typed_numbers_never_panic_and_read_back(input in "[0-9.,+€ \\-]{0,24}|\\PC{0,12}") {
        if let Ok(value) = planbord::numfmt::parse(&input) {
            prop_assert_eq!(planbord::numfmt::parse(&planbord::numfmt::exact(value)), Ok(value));
        }
    }
}
