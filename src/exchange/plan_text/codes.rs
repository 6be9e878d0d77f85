//! Goal codes as plans write them, with the slips real texts contain: `SD1`, `SD 4`, `SD1:`,
//! `SD1 -`, `SD1.`, `SDI`/`SD I` (internal), `SD1.OD2`, `OD1.1`, `OD 2.3`, `0D2.3` (a zero for
//! the O), `OD.4.4`, `OD2.1.`, `ODI1`, and spelled out: `Strategische doelstelling 1`,
//! `Operationeel doel 2.3`, `Strategic goal 1`. Hand-written scanning, no regular expressions.

/// A goal code as read: which level, internal or not, and its numbers. An operational goal
/// without the number of its strategic goal (`OD3` under `SD2`) has `strategic: None`: it
/// belongs to the strategic goal read last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub internal: bool,
    /// The strategic goal's number; `None` when the code does not say it (`OD3`, `SDI`).
    pub strategic: Option<u32>,
    /// The operational goal's number; `None` for a strategic goal.
    pub operational: Option<u32>,
}

impl Code {
    pub fn is_strategic(&self) -> bool {
        self.operational.is_none()
    }
}

/// The largest goal number taken as a code (a larger one is a year or an amount).
const MAX_NUMBER: u32 = 99;

/// Reads a goal code at the start of `text` (leading spaces and `*`/`_` emphasis allowed).
/// Returns the code and the byte offset where the rest (the statement) starts, after the
/// separator (`:`, `-`, `–`, `.`, `)`) and spaces.
pub fn code_at_start(text: &str) -> Option<(Code, usize)> {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
            .len();
    let (code, end) = short_code(text, start).or_else(|| spelled_code(text, start, true))?;
    Some((code, separator_end(text, end)))
}

/// Whether `text` starts with a short code followed by a colon (`OD1: ...`, `SD 2.3 :`): a
/// second column's goal on the line of the first when a PDF's table runs its columns together.
pub fn colon_code_at_start(text: &str) -> bool {
    short_code(text, 0).is_some_and(|(_, end)| text[end..].trim_start().starts_with(':'))
}

/// Finds a goal code anywhere in `text` at a word start (e.g. `Indicatoren strategische
/// doelstelling 1`); the first one found.
pub fn code_anywhere(text: &str) -> Option<Code> {
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        if word_start
            && let Some((code, _)) = short_code(text, i).or_else(|| spelled_code(text, i, false))
        {
            return Some(code);
        }
        previous = Some(c);
    }
    None
}

/// `SD…` or `OD…` (also `0D…`) at byte `at`; the code and where it ends.
fn short_code(text: &str, at: usize) -> Option<(Code, usize)> {
    let bytes = text.as_bytes();
    let first = *bytes.get(at)?;
    let second = *bytes.get(at + 1)?;
    if second != b'D' {
        return None;
    }
    match first {
        b'S' => {
            let (internal, number, mut end) = level_number(text, at + 2)?;
            // `SD1.OD2`, `SD1 OD2`, `SD1-OD2`: an operational goal with its strategic goal.
            let mut probe = end;
            if matches!(bytes.get(probe), Some(b'.' | b'-' | b' ')) {
                probe += 1;
            }
            if matches!(bytes.get(probe), Some(b'O' | b'0')) && bytes.get(probe + 1) == Some(&b'D')
            {
                let (od_internal, od_number, od_end) = level_number(text, probe + 2)?;
                let od_number = od_number?;
                end = od_end;
                return boundary(text, end).then_some((
                    Code {
                        internal: internal || od_internal,
                        strategic: Some(number.unwrap_or(1)),
                        operational: Some(od_number),
                    },
                    end,
                ));
            }
            boundary(text, end).then_some((
                Code {
                    internal,
                    strategic: number,
                    operational: None,
                },
                end,
            ))
        }
        b'O' | b'0' => {
            let (internal, number, end) = level_number(text, at + 2)?;
            let number = number?;
            // `OD1.2`, `OD 2.3`, `OD.4.4`: strategic and operational number.
            let bytes = text.as_bytes();
            if bytes.get(end) == Some(&b'.')
                && let Some((second, second_end)) = digits(text, end + 1)
            {
                return boundary(text, second_end).then_some((
                    Code {
                        internal,
                        strategic: Some(number),
                        operational: Some(second),
                    },
                    second_end,
                ));
            }
            boundary(text, end).then_some((
                Code {
                    internal,
                    strategic: None,
                    operational: Some(number),
                },
                end,
            ))
        }
        _ => None,
    }
}

/// After `SD`/`OD`: spaces or a dot, an optional `I` (internal), spaces, and a number. The
/// number may only be missing for an internal goal (`SDI`). Returns (internal, number, end).
fn level_number(text: &str, mut at: usize) -> Option<(bool, Option<u32>, usize)> {
    let bytes = text.as_bytes();
    let skip = |at: &mut usize| {
        while matches!(bytes.get(*at), Some(b' ' | b'\t' | b'.')) {
            *at += 1;
        }
    };
    let before_internal = at;
    skip(&mut at);
    let mut internal = false;
    if bytes.get(at) == Some(&b'I') && !bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphabetic()) {
        internal = true;
        at += 1;
        skip(&mut at);
    }
    match digits(text, at) {
        Some((number, end)) => Some((internal, Some(number), end)),
        // `SDI:`, `SD I -`: an internal goal without a number.
        None if internal => {
            let end = before_internal + text[before_internal..].find('I').map_or(0, |i| i + 1);
            Some((true, None, end))
        }
        None => None,
    }
}

/// A goal number (1 to 99) at byte `at`: the number and where it ends.
fn digits(text: &str, at: usize) -> Option<(u32, usize)> {
    let run = text
        .get(at..)?
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if run == 0 || run > 2 {
        return None;
    }
    let number: u32 = text[at..at + run].parse().ok()?;
    (1..=MAX_NUMBER)
        .contains(&number)
        .then_some((number, at + run))
}

/// A code ends where no letter or digit follows (`SD1x` and `OD12345` are no codes; a dot
/// followed by a digit is part of a number, not an end).
fn boundary(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Skips what separates a code from its statement: spaces, one of `. : - – — )`, spaces.
fn separator_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', '*', '_']);
    let after_sep = trimmed
        .strip_prefix(['.', ':', '-', '–', '—', ')'])
        .map(|r| r.strip_prefix(':').unwrap_or(r))
        .unwrap_or(trimmed);
    let after = after_sep.trim_start_matches([' ', '\t', '*', '_']);
    text.len() - after.len()
}

/// The words that name a strategic or an operational goal when spelled out (lowercase).
const STRATEGIC_WORDS: [&str; 6] = [
    "strategische doelstelling",
    "strategisch doel",
    "strategische doel",
    "strategic goal",
    "strategic objective",
    "strategische doelen",
];
const OPERATIONAL_WORDS: [&str; 6] = [
    "operationele doelstelling",
    "operationeel doel",
    "operationele doel",
    "operational goal",
    "operational objective",
    "operationele doelen",
];

/// `Strategische doelstelling 1`, `Operationeel doel 2.3` at byte `at`: a code only with its
/// number (`Operationele doelen` alone is a heading, not a code). With `capital`, only with a
/// capital (at the start of a line, `strategisch doel 3 is ...` continues a sentence).
fn spelled_code(text: &str, at: usize, capital: bool) -> Option<(Code, usize)> {
    let rest = text.get(at..)?;
    if capital && !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let head: String = rest.chars().take(30).collect::<String>().to_lowercase();
    for (words, strategic) in [(&STRATEGIC_WORDS, true), (&OPERATIONAL_WORDS, false)] {
        // Longest first: "strategische doelstelling" before "strategische doel".
        let Some(word) = words
            .iter()
            .filter(|w| head.starts_with(*w))
            .max_by_key(|w| w.len())
        else {
            continue;
        };
        // Lowercasing keeps these ASCII words' lengths.
        let mut end = at + word.len();
        let bytes = text.as_bytes();
        if !matches!(bytes.get(end), Some(b' ' | b'\t')) {
            return None;
        }
        while matches!(bytes.get(end), Some(b' ' | b'\t')) {
            end += 1;
        }
        let (first, first_end) = digits(text, end)?;
        if !strategic
            && bytes.get(first_end) == Some(&b'.')
            && let Some((second, second_end)) = digits(text, first_end + 1)
        {
            return boundary(text, second_end).then_some((
                Code {
                    internal: false,
                    strategic: Some(first),
                    operational: Some(second),
                },
                second_end,
            ));
        }
        if !boundary(text, first_end) {
            return None;
        }
        let code = if strategic {
            Code {
                internal: false,
                strategic: Some(first),
                operational: None,
            }
        } else {
            Code {
                internal: false,
                strategic: None,
                operational: Some(first),
            }
        };
        return Some((code, first_end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(Code, &str)> {
        code_at_start(text).map(|(code, at)| (code, &text[at..]))
    }

    fn sd(n: u32) -> Code {
        Code {
            internal: false,
            strategic: Some(n),
            operational: None,
        }
    }

    fn od(sd: Option<u32>, n: u32) -> Code {
        Code {
            internal: false,
            strategic: sd,
            operational: Some(n),
        }
    }

    #[test]
    fn codes_with_the_slips_of_real_texts() {
        assert_eq!(read("SD1: Jongeren"), Some((sd(1), "Jongeren")));
        assert_eq!(read("SD 4 - Kennis"), Some((sd(4), "Kennis")));
        assert_eq!(read("SD1. Civiel"), Some((sd(1), "Civiel")));
        assert_eq!(read("SD2 – Beeld"), Some((sd(2), "Beeld")));
        assert_eq!(
            read("SD1.OD2: Medewerkers"),
            Some((od(Some(1), 2), "Medewerkers"))
        );
        assert_eq!(
            read("SD1.OD1 Werking Timing"),
            Some((od(Some(1), 1), "Werking Timing"))
        );
        assert_eq!(read("OD1.1 Jongeren"), Some((od(Some(1), 1), "Jongeren")));
        assert_eq!(read("OD 2.3: Vorming"), Some((od(Some(2), 3), "Vorming")));
        assert_eq!(read("0D2.3 Vorming"), Some((od(Some(2), 3), "Vorming")));
        assert_eq!(read("OD.4.4 Vorming"), Some((od(Some(4), 4), "Vorming")));
        assert_eq!(read("OD2.1. Vorming"), Some((od(Some(2), 1), "Vorming")));
        assert_eq!(read("OD3: Vorming"), Some((od(None, 3), "Vorming")));
        assert_eq!(read("**SD1** Vet"), Some((sd(1), "Vet")));
        assert_eq!(
            read("SDI: Een wendbare organisatie"),
            Some((
                Code {
                    internal: true,
                    strategic: None,
                    operational: None
                },
                "Een wendbare organisatie"
            ))
        );
        assert_eq!(
            read("SD I 2 - Intern"),
            Some((
                Code {
                    internal: true,
                    strategic: Some(2),
                    operational: None
                },
                "Intern"
            ))
        );
        assert_eq!(
            read("ODI1.2: Personeel"),
            Some((
                Code {
                    internal: true,
                    strategic: Some(1),
                    operational: Some(2)
                },
                "Personeel"
            ))
        );
        assert_eq!(
            read("Strategische doelstelling 3: Het beeld"),
            Some((sd(3), "Het beeld"))
        );
        assert_eq!(
            read("Operationeel doel 2.1 - X"),
            Some((od(Some(2), 1), "X"))
        );
        assert_eq!(read("Strategic goal 2: Y"), Some((sd(2), "Y")));
    }

    #[test]
    fn no_codes_where_there_are_none() {
        for text in [
            "SDX",
            "SD1x",
            "Sociaal",
            "ODE aan",
            "SD",
            "OD",
            "OD 2021",
            "SD In de beleidsperiode",
            "Operationele doelen",
            "Strategische doelstelling",
            "SD1.5 miljoen",
            "strategisch doel 3 is vooral arbeidsintensief",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn codes_inside_a_heading() {
        assert_eq!(
            code_anywhere("Indicatoren strategische doelstelling 1"),
            Some(sd(1))
        );
        assert_eq!(code_anywhere("Indicatoren bij SD 2"), Some(sd(2)));
        assert_eq!(code_anywhere("Indicatoren"), None);
    }
}
