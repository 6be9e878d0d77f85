//! How decimals are written in a plan file: exact strings with a dot, never trailing zeros after
//! the point (`"73.6"`, `"1529210"`). Reading is strict, so a hand edit is never guessed at:
//! - more decimals than a `Decimal` holds (28) is refused, not rounded to something else;
//! - trailing zeros after the point (`"73.600"`) are refused: Planbord never writes them, so they
//!   come from a hand edit in Belgian notation, where `73.600` is seventy-three thousand six
//!   hundred, not 73,6;
//! - anything but `-?digits(.digits)?` is refused.
//!
//! The refusal travels through serde as a message starting with [`REFUSAL_PREFIX`], which the
//! loader turns back into a structured [`DecimalProblem`] with the line and column.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Marks a decimal refused by [`parse_strict`] inside a serde error message.
pub const REFUSAL_PREFIX: &str = "planbord-decimal:";

/// Why a decimal in a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalProblem {
    /// Not of the form `-?digits(.digits)?`.
    NotANumber(String),
    /// More digits than can be kept exactly.
    TooPrecise(String),
    /// Zeros at the end after the point: two readings (`73.600` as 73,6 or as 73.600).
    TrailingZeros {
        text: String,
        as_plain: Decimal,
        as_belgian: Option<Decimal>,
    },
}

impl DecimalProblem {
    fn code(&self) -> (&'static str, &str) {
        match self {
            DecimalProblem::NotANumber(t) => ("syntax", t),
            DecimalProblem::TooPrecise(t) => ("precision", t),
            DecimalProblem::TrailingZeros { text, .. } => ("trailing", text),
        }
    }

    /// The serde message that carries this problem to the loader.
    pub fn to_message(&self) -> String {
        let (code, text) = self.code();
        format!("{REFUSAL_PREFIX}{code}:{text}")
    }

    /// Reads a message made by [`DecimalProblem::to_message`] back.
    pub fn from_message(message: &str) -> Option<DecimalProblem> {
        let rest = message.strip_prefix(REFUSAL_PREFIX)?;
        let (code, text) = rest.split_once(':')?;
        Some(match code {
            "syntax" => DecimalProblem::NotANumber(text.to_string()),
            "precision" => DecimalProblem::TooPrecise(text.to_string()),
            "trailing" => trailing(text),
            _ => return None,
        })
    }
}

fn trailing(text: &str) -> DecimalProblem {
    let as_plain = text
        .parse::<Decimal>()
        .map(|d| d.normalize())
        .unwrap_or_default();
    // Read the Belgian way, the dots are thousands separators (only if every group has 3 digits).
    let unsigned = text.trim_start_matches('-');
    let groups: Vec<&str> = unsigned.split('.').collect();
    let belgian = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    let as_belgian = belgian
        .then(|| text.replace('.', "").parse::<Decimal>().ok())
        .flatten();
    DecimalProblem::TrailingZeros {
        text: text.to_string(),
        as_plain,
        as_belgian,
    }
}

/// Parses a decimal as a plan file writes it, refusing what could be misread.
pub fn parse_strict(text: &str) -> Result<Decimal, DecimalProblem> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int_part) || frac_part.is_some_and(|f| !digits(f)) {
        return Err(DecimalProblem::NotANumber(text.to_string()));
    }
    if frac_part.is_some_and(|f| f.ends_with('0')) {
        return Err(trailing(text));
    }
    Decimal::from_str_exact(text).map_err(|_| DecimalProblem::TooPrecise(text.to_string()))
}

struct StrictVisitor;

impl Visitor<'_> for StrictVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number as a string, e.g. \"1529210\" or \"0.7\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_strict(v).map_err(|p| E::custom(p.to_message()))
    }
}

/// For `#[serde(deserialize_with = "...")]`: a strict decimal string.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_str(StrictVisitor)
}

/// For `#[serde(serialize_with = "...")]`: the decimal without trailing zeros.
pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&value.normalize().to_string())
}

/// A decimal read and written the strict way; used inside collections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strict(pub Decimal);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        deserialize(d).map(Strict)
    }
}

impl Serialize for Strict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, s)
    }
}

/// For `#[serde(with = "decimal::option")]`: an optional strict decimal (`Some("81")`, `None`).
pub mod option {
    use super::Strict;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<Strict>::deserialize(d)?.map(|s| s.0))
    }

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        value.map(Strict).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn reads_what_planbord_writes() {
        assert_eq!(parse_strict("1529210"), Ok(dec!(1529210)));
        assert_eq!(parse_strict("0.7"), Ok(dec!(0.7)));
        assert_eq!(parse_strict("-14800.5"), Ok(dec!(-14800.5)));
    }

    #[test]
    fn refuses_what_could_be_misread() {
        assert!(matches!(
            parse_strict("73.600"),
            Err(DecimalProblem::TrailingZeros { as_plain, as_belgian: Some(b), .. })
                if as_plain == dec!(73.6) && b == dec!(73600)
        ));
        assert!(matches!(
            parse_strict("1.50"),
            Err(DecimalProblem::TrailingZeros {
                as_belgian: None,
                ..
            })
        ));
        let tiny = format!("0.{}1", "0".repeat(28));
        assert_eq!(parse_strict(&tiny), Err(DecimalProblem::TooPrecise(tiny)));
        for bad in ["", "1,5", "1e3", " 1", "1_000", "+1", "."] {
            assert!(
                matches!(parse_strict(bad), Err(DecimalProblem::NotANumber(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn problems_survive_the_trip_through_serde() {
        let problem = parse_strict("73.600").unwrap_err();
        assert_eq!(
            DecimalProblem::from_message(&problem.to_message()),
            Some(problem)
        );
    }
}
