//! Planbord's integration tests: one binary (one link) with a module per area. Shared harness and
//! plan helpers live in `support`.
//!
//! Slow sweeps (every truncation of the sample, kills during a save, long fuzzing) run on a
//! deterministic sample per commit; `PLANBORD_FULL_SWEEPS=1` runs them in full.

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
mod import;
mod language;
mod merge;
mod messages;
mod pdf;
mod period;
mod plan_text;
mod robustness;
mod safety;
mod saving;
mod socius;
mod ui;
mod warnings;
