//! Planbord's integration tests: one binary (one link) with a module per area. Shared harness and
//! plan helpers live in `support`.
//!
//! Slow sweeps (every truncation of the sample, kills during a save, long fuzzing) run on a
//! deterministic sample per commit; `PLANBORD_FULL_SWEEPS=1` runs them in full.

// Tests and benchmarks make and read their fixture files directly; the rule that only `store`
// touches the file system (clippy.toml) is for the program.
#![allow(clippy::disallowed_methods)]

mod support;

mod actuals;
mod big;
mod calc;
mod cli;
mod compare;
mod edits;
mod exchange_ui;
mod export;
mod files;
mod house;
mod import;
mod language;
mod merge;
mod messages;
mod pdf;
mod robustness;
mod safety;
mod saving;
mod socius;
mod ui;
mod warnings;
