//! Planbord: draft and compare multi-year policy plans offline.
//!
//! The document ([`model`]) is apart from the UI; every derived number comes from [`calc`];
//! files are read and written by [`store`]; every change goes through [`edit::Document::apply`].

pub mod app;
pub mod calc;
pub mod cli;
pub mod compare;
pub mod edit;
pub mod exchange;
pub mod folders;
pub mod generate;
pub mod history;
pub mod i18n;
pub mod merge;
pub mod model;
pub mod numfmt;
pub mod period;
pub mod report;
// The one module that touches the file system (clippy.toml forbids it everywhere else).
#[allow(clippy::disallowed_methods)]
pub mod store;
pub mod ui;
