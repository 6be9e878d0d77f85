//! The comparison as CSV for spreadsheets and scripts (`planbord compare --format csv`).

use super::Comparison;
use rust_decimal::Decimal;

/// The comparison as CSV: `key,scenario,kind,<years>,period` with kind `value`, `delta` or
/// `percent`, for the key figures and the money rows (cumulative balance, reserves).
pub fn csv_report(cmp: &Comparison) -> String {
    use crate::exchange::csv::{CsvNotation, csv_line, csv_text};
    let notation = CsvNotation::Plain;
    let number = |v: &Decimal| notation.number(*v);
    let header = ["key", "scenario", "kind"]
        .into_iter()
        .map(String::from)
        .chain(cmp.years.iter().map(i32::to_string))
        .chain(std::iter::once("period".to_string()));
    let mut out = csv_line(header, notation);
    for row in cmp.rows.iter().chain(&cmp.money_rows) {
        let key = csv_text(&row.key, notation);
        for (s, scenario) in cmp.scenarios.iter().enumerate() {
            let name = csv_text(&scenario.name, notation);
            let mut line = |kind: &str, cells: Vec<String>| {
                let fields = [key.clone(), name.clone(), kind.to_string()];
                out.push_str(&csv_line(fields.into_iter().chain(cells), notation));
            };
            let mut values: Vec<String> = row.values[s].iter().map(number).collect();
            values.push(number(&row.period[s]));
            line("value", values);
            if s != cmp.base {
                let mut deltas: Vec<String> = row.deltas[s].iter().map(number).collect();
                deltas.push(number(&row.period_deltas[s]));
                line("delta", deltas);
                let percent = |p: &Option<Decimal>| p.map(|p| number(&p)).unwrap_or_default();
                let mut percents: Vec<String> = row.percents[s].iter().map(percent).collect();
                percents.push(percent(&row.period_percents[s]));
                line("percent", percents);
            }
        }
    }
    out
}
