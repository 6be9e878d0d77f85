//! The tables of a plan, built once from `&Plan` and `&Summary` and written by every exporter.
