//! Belgian (nl-BE) number notation: `1.362.093`, `0,7`, `-14.800`.
//!
//! Parsing accepts `1.234,56`, `1234,56`, a plain `1234.56` and `1 234,56`; it refuses what could be
//! read two ways (`1.234` is a thousand two hundred and thirty-four, `1,234` is refused).

use rust_decimal::{Decimal, RoundingStrategy};

/// Formats with `.` between thousands and `,` before `decimals` decimals (rounded half away from
/// zero). Trailing zeros of the fraction are dropped when `trim` is set.
pub fn format(value: Decimal, decimals: u32, trim: bool) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (text.clone(), String::new()),
    };
    let mut frac = frac_part;
    while (frac.len() as u32) < decimals {
        frac.push('0');
    }
    if trim {
        while frac.ends_with('0') {
            frac.pop();
        }
    }
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// Euros, rounded to the euro: `1.362.093`.
pub fn euros(value: Decimal) -> String {
    format(value, 0, true)
}

/// Euros with an explicit sign for non-zero values: `+17.766`, `-14.800`, `0`.
pub fn signed_euros(value: Decimal) -> String {
    let rounded = value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if rounded > Decimal::ZERO {
        format!("+{}", euros(rounded))
    } else {
        euros(rounded)
    }
}

/// FTE with an explicit sign for non-zero values: `+0,7`, `-1,25`, `0`.
pub fn signed_fte(value: Decimal) -> String {
    let text = fte(value);
    if value > Decimal::ZERO && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A percentage with one decimal and an explicit sign for non-zero values: `+3,4 %`, `-8,1 %`.
pub fn signed_percent(value: Decimal) -> String {
    let text = format(value, 1, false);
    if value > Decimal::ZERO && text != "0,0" {
        format!("+{text} %")
    } else {
        format!("{text} %")
    }
}

/// FTE with up to two decimals: `0,7`, `12,6`, `1`.
pub fn fte(value: Decimal) -> String {
    format(value, 2, true)
}

/// A value with as many decimals as it has (up to 10): `1.234,567`.
pub fn exact(value: Decimal) -> String {
    format(value.normalize(), value.normalize().scale().min(10), true)
}

/// Why a typed number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty")]
    Empty,
    #[error("'{0}' is not a number")]
    NotANumber(String),
    #[error(
        "'{0}' can be read two ways: write 1.234 for a thousand and more, 1,234 only with the decimals meant"
    )]
    Ambiguous(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
}

/// Reads a number typed the Belgian way or the plain way.
///
/// ```
/// use planbord::numfmt::parse;
/// use rust_decimal::dec;
/// assert_eq!(parse("1.234,56"), Ok(dec!(1234.56)));
/// assert_eq!(parse("0,7"), Ok(dec!(0.7)));
/// assert_eq!(parse("1234.56"), Ok(dec!(1234.56)));
/// assert_eq!(parse("1.362.093"), Ok(dec!(1362093)));
/// assert!(parse("1,2,3").is_err());
/// ```
pub fn parse(input: &str) -> Result<Decimal, ParseError> {
    let trimmed: String = input
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    let not_a_number = || ParseError::NotANumber(input.trim().to_string());
    let (sign, body) = match trimmed.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", trimmed.strip_prefix('+').unwrap_or(&trimmed)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let canonical = match (dots, commas) {
        (0, 0) => body.to_string(),
        // Belgian: dots group thousands, one comma before the decimals.
        (_, 1) => {
            let (int_part, frac) = body.split_once(',').expect("one comma");
            if dots > 0 && !grouped_by_thousands(int_part, '.') {
                return Err(not_a_number());
            }
            if frac.contains('.') {
                return Err(not_a_number());
            }
            format!("{}.{}", int_part.replace('.', ""), frac)
        }
        (0, _) => return Err(not_a_number()),
        // One dot: a decimal point (1234.56), or a thousands separator (1.234) when followed by
        // exactly three digits and the part before is 1 to 3 digits.
        (1, 0) => {
            let (int_part, frac) = body.split_once('.').expect("one dot");
            if frac.len() == 3 && !int_part.is_empty() && int_part.len() <= 3 && int_part != "0" {
                format!("{int_part}{frac}")
            } else {
                body.to_string()
            }
        }
        // Several dots: thousands separators only.
        (_, 0) => {
            if !grouped_by_thousands(body, '.') {
                return Err(not_a_number());
            }
            body.replace('.', "")
        }
        _ => return Err(ParseError::Ambiguous(input.trim().to_string())),
    };
    if canonical.starts_with('.') || canonical.ends_with('.') {
        return Err(not_a_number());
    }
    let digits = canonical.chars().filter(|c| c.is_ascii_digit()).count();
    if digits > 26 {
        return Err(ParseError::TooLarge(input.trim().to_string()));
    }
    format!("{sign}{canonical}")
        .parse::<Decimal>()
        .map(|d| d.normalize())
        .map_err(|_| ParseError::TooLarge(input.trim().to_string()))
}

fn grouped_by_thousands(int_part: &str, sep: char) -> bool {
    let groups: Vec<&str> = int_part.split(sep).collect();
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn formats_the_belgian_way() {
        assert_eq!(euros(dec!(1362093)), "1.362.093");
        assert_eq!(euros(dec!(999)), "999");
        assert_eq!(euros(dec!(-14800)), "-14.800");
        assert_eq!(euros(dec!(0.4)), "0");
        assert_eq!(euros(dec!(-0.4)), "0");
        assert_eq!(signed_euros(dec!(17766)), "+17.766");
        assert_eq!(signed_euros(dec!(-37964)), "-37.964");
        assert_eq!(fte(dec!(0.7)), "0,7");
        assert_eq!(fte(dec!(12.60)), "12,6");
        assert_eq!(fte(dec!(3)), "3");
        assert_eq!(fte(dec!(0.125)), "0,13");
        assert_eq!(exact(dec!(1234.5670)), "1.234,567");
    }

    #[test]
    fn parses_both_notations() {
        assert_eq!(parse("1.234,56"), Ok(dec!(1234.56)));
        assert_eq!(parse(" 0,7 "), Ok(dec!(0.7)));
        assert_eq!(parse("1234.56"), Ok(dec!(1234.56)));
        assert_eq!(parse("1.234"), Ok(dec!(1234)));
        assert_eq!(parse("0.125"), Ok(dec!(0.125)));
        assert_eq!(parse("1.362.093"), Ok(dec!(1362093)));
        assert_eq!(parse("-14.800"), Ok(dec!(-14800)));
        assert_eq!(parse("+17.766"), Ok(dec!(17766)));
        assert_eq!(parse("€ 1 500"), Ok(dec!(1500)));
        assert_eq!(parse("1234,5"), Ok(dec!(1234.5)));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse(""), Err(ParseError::Empty));
        assert!(matches!(parse("abc"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("1,2,3"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("12.34.5"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("1.2,3.4"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("1,234.5"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("1e5"), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse(","), Err(ParseError::NotANumber(_))));
        assert!(matches!(parse("-"), Err(ParseError::NotANumber(_))));
        assert!(matches!(
            parse("99999999999999999999999999999"),
            Err(ParseError::TooLarge(_))
        ));
    }
}
