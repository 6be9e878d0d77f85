//! Plans in and out of Planbord: the tables funders and boards want (XLSX, CSV, PDF) and budgets
//! from accounting (CSV, XLSX). Pure functions from `&Plan` and its `Summary` to bytes, and from
//! bytes to a preview of edits: no UI here; the app and the command line read and write the files.

pub mod import;
pub mod tables;
