//! What a cell holds: text, a number, nothing, or something that is not an amount; and the
//! readings every importer shares (an amount, a side, a year).

use crate::model::{MAX_AMOUNT, Side};
use crate::numfmt::{self, ParseError};
use rust_decimal::Decimal;

/// What a spreadsheet cell held that is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonAmount {
    Date,
    Boolean,
    Error,
}

/// Why a cell is not an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    NotANumber {
        text: String,
    },
    /// `1,234`: a thousand or one and a bit.
    AmbiguousNumber {
        text: String,
    },
    TooLarge {
        text: String,
    },
    NotAnAmount {
        what: NonAmount,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
    Other(NonAmount),
}

impl Cell {
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.normalize().to_string(),
            Cell::Empty | Cell::Other(_) => String::new(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A header or a label as compared: words separated by one space, lower case, no trailing colon.
pub(crate) fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(':')
        .trim()
        .to_string()
}

/// A year heading (`2021`, as text or number), within 1900-2999.
pub(crate) fn year_of(cell: &Cell) -> Option<i32> {
    let year = match cell {
        Cell::Number(n) if n.fract().is_zero() => i32::try_from(n.trunc().mantissa()).ok()?,
        Cell::Text(t) => {
            let t = t.trim();
            if t.len() != 4 || !t.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()?
        }
        _ => return None,
    };
    (1900..=2999).contains(&year).then_some(year)
}

/// A side in either language: `kosten`/`cost`, `opbrengsten`/`inkomsten`/`income`.
pub(crate) fn parse_side(text: &str) -> Option<Side> {
    match normalized(text).as_str() {
        "kosten" | "kost" | "uitgaven" | "cost" | "costs" | "expense" | "expenses" => {
            Some(Side::Cost)
        }
        "opbrengsten" | "opbrengst" | "inkomsten" | "income" | "revenue" | "revenues" => {
            Some(Side::Income)
        }
        _ => None,
    }
}

/// An amount: Belgian (`1.234,56`), plain (`1234.56`) or in accounting brackets (`(1.234,56)` is
/// negative); `Ok(None)` for an empty cell.
pub(crate) fn parse_amount(cell: &Cell) -> Result<Option<Decimal>, CellProblem> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        Cell::Other(what) => return Err(CellProblem::NotAnAmount { what: *what }),
        Cell::Text(text) => {
            let trimmed = text.trim();
            let (negative, inner) =
                match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
                    Some(inner) => (true, inner),
                    None => (false, trimmed),
                };
            let text = trimmed.to_string();
            match numfmt::parse(inner) {
                Ok(v) if negative => -v,
                Ok(v) => v,
                Err(ParseError::Empty) => return Ok(None),
                Err(ParseError::NotANumber(_)) => return Err(CellProblem::NotANumber { text }),
                Err(ParseError::Ambiguous(_)) => {
                    return Err(CellProblem::AmbiguousNumber { text });
                }
                Err(ParseError::TooLarge(_)) => return Err(CellProblem::TooLarge { text }),
            }
        }
    };
    if value.abs() > MAX_AMOUNT {
        return Err(CellProblem::TooLarge {
            text: numfmt::exact(value),
        });
    }
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn amounts_in_every_notation() {
        let t = |s: &str| parse_amount(&Cell::Text(s.into()));
        assert_eq!(t("1.234,56"), Ok(Some(dec!(1234.56))));
        assert_eq!(t("-1.234"), Ok(Some(dec!(-1234))));
        assert_eq!(t("1234.56"), Ok(Some(dec!(1234.56))));
        assert_eq!(t("(1.234,50)"), Ok(Some(dec!(-1234.5))));
        assert_eq!(t("  "), Ok(None));
        assert!(matches!(t("abc"), Err(CellProblem::NotANumber { .. })));
        assert!(matches!(
            t("1.234,5,6"),
            Err(CellProblem::AmbiguousNumber { .. })
        ));
        assert!(matches!(t("1,234.5"), Err(CellProblem::NotANumber { .. })));
        assert!(matches!(
            parse_amount(&Cell::Number(dec!(2000000000000))),
            Err(CellProblem::TooLarge { .. })
        ));
    }

    #[test]
    fn years_and_sides() {
        assert_eq!(year_of(&Cell::Text(" 2021 ".into())), Some(2021));
        assert_eq!(year_of(&Cell::Number(dec!(2022))), Some(2022));
        assert_eq!(year_of(&Cell::Text("21".into())), None);
        assert_eq!(parse_side(" Kosten "), Some(Side::Cost));
        assert_eq!(parse_side("income"), Some(Side::Income));
        assert_eq!(parse_side("x"), None);
    }
}
