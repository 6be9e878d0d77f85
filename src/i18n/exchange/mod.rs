//! The exchange's structured values as text: why a source is not a table and where a row is
//! ([`source`]), the budget importer's preview, rejections and warnings ([`budget`]), the
//! actuals importer's ([`actuals`]), and why an export failed.

mod actuals;
mod budget;
mod export;
mod source;

pub use source::describe_place;
