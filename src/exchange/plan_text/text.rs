//! Lines into running text: words hyphenated across lines joined, spaces tidied, and the
//! comparisons that tell whether two statements or indicators are the same.
//!
//! **Hyphenation rule.** A line that ends in a letter and `-` followed by a line that starts
//! with a lowercase letter is a word broken across lines. Joined:
//! 1. with the hyphen when the text writes that compound with a hyphen on one line elsewhere
//!    (`sociaal-culturele`);
//! 2. without it when the text writes the joined word elsewhere (`samenleving`);
//! 3. otherwise with the hyphen when both halves are words of at least 4 letters the text uses
//!    on their own (`sociaal` and `culturele`: a compound of two words);
//! 4. otherwise without it (`ver-` + `huis` gives `verhuis`: a typesetter's break).
//!
//! A hyphen before a conjunction (`marketing-` + `en communicatie`) stays with a space, and a
//! next line that starts with a capital (`Noord-` + `Brabant`) keeps the hyphen.

use std::collections::HashSet;

/// The words a text uses within its lines (lowercase; hyphenated compounds whole and in parts),
/// to decide how a word broken across lines is joined.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// Learns the words of one block's text (lines separated by `\n`); a word broken at a
    /// line end is not learned.
    pub fn learn(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim_end();
            let mut tokens: Vec<&str> = line.split_whitespace().collect();
            if tokens.last().is_some_and(|t| t.ends_with('-')) {
                tokens.pop();
            }
            for token in tokens {
                let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                let word = word.trim_matches('-');
                if word.chars().count() < 2 {
                    continue;
                }
                let lower = word.to_lowercase();
                if lower.contains('-') {
                    for part in lower.split('-').filter(|p| !p.is_empty()) {
                        self.words.insert(part.to_string());
                    }
                }
                self.words.insert(lower);
            }
        }
    }

    fn knows(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// Conjunctions after which a hyphen at a line end stays with a space: `marketing- en`.
const CONJUNCTIONS: [&str; 6] = ["en", "of", "tot", "and", "or", "to"];

/// Joins the lines of a block into running text (hyphenation as in the module docs), with
/// single spaces.
pub fn flow(text: &str, lexicon: &Lexicon) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = tidy(line);
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(&line);
            continue;
        }
        match broken_word(&out, &line, lexicon) {
            Some(Join::Hyphen) => {}
            Some(Join::Together) => {
                out.pop();
            }
            Some(Join::Space) => out.push(' '),
            None => out.push(' '),
        }
        out.push_str(&line);
    }
    out
}

/// Spaces of any kind made one space, the line trimmed; soft hyphens removed.
pub fn tidy(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c == '\u{ad}' {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

enum Join {
    /// Keep the hyphen, no space: `sociaal-culturele`.
    Hyphen,
    /// Drop the hyphen: `samenleving`.
    Together,
    /// Keep the hyphen and a space: `marketing- en`.
    Space,
}

/// How the text so far (ending in `-`?) and the next line join, if the text so far ends in a
/// word broken by a hyphen.
fn broken_word(before: &str, next: &str, lexicon: &Lexicon) -> Option<Join> {
    let stem = before.strip_suffix('-')?;
    if !stem.chars().last().is_some_and(char::is_alphabetic) {
        return None;
    }
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let first = next.chars().next()?;
    if CONJUNCTIONS.contains(&next_word.as_str()) && next[next_word.len()..].starts_with(' ') {
        return Some(Join::Space);
    }
    if !first.is_lowercase() {
        return Some(Join::Hyphen);
    }
    // The word before the line end, whole: `sociaal-cul` in `... sociaal-cul-`.
    let token_start = stem
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '‘' || c == '“' || c == '"')
        .map_or(0, |i| {
            i + stem[i..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &stem[token_start..];
    let left = token.rsplit('-').next().unwrap_or(token);
    let hyphened = format!("{token}-{next_word}");
    let joined = format!("{token}{next_word}");
    Some(if lexicon.knows(&hyphened) {
        Join::Hyphen
    } else if lexicon.knows(&joined) {
        Join::Together
    } else if left.chars().count() >= 4
        && next_word.chars().count() >= 4
        && lexicon.knows(left)
        && lexicon.knows(&next_word)
    {
        Join::Hyphen
    } else {
        Join::Together
    })
}

/// What two texts are compared by: lowercase letters and digits only (hyphens, spaces and
/// punctuation left out, so a line break or a hyphenation does not make them differ).
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a text ends a sentence (`.`, `!`, `?`, also before a closing quote or bracket).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['"', '”', '’', ')', '\'']);
    trimmed.ends_with(['.', '!', '?']) && !trimmed.ends_with("...") && !trimmed.ends_with('…')
}

/// The first `max` characters of a text, with `…` when cut.
pub fn snippet(text: &str, max: usize) -> String {
    let text = tidy(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(text: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.learn(text);
        lexicon
    }

    #[test]
    fn hyphenated_words_join_by_the_rule() {
        let known = lexicon(
            "het sociaal-culturele werk in de samenleving\nsociaal werk en culturele praktijken",
        );
        // 1. The compound is written with its hyphen elsewhere.
        assert_eq!(
            flow("civiele sociaal-\nculturele actoren", &known),
            "civiele sociaal-culturele actoren"
        );
        // 2. The joined word is written elsewhere.
        assert_eq!(
            flow("een veranderende samenle-\nving", &known),
            "een veranderende samenleving"
        );
        // 4. Nothing known: a typesetter's break.
        assert_eq!(flow("onze ver-\nhuis", &known), "onze verhuis");
        // 3. Two words the text uses on their own.
        let parts = lexicon("cultuur is sterk\nen beleid ook");
        assert_eq!(flow("het cultuur-\nbeleid", &parts), "het cultuur-beleid");
        // A conjunction keeps the hyphen and a space; a capital keeps the hyphen.
        assert_eq!(
            flow("hun marketing-\nen communicatiebeleid", &known),
            "hun marketing- en communicatiebeleid"
        );
        assert_eq!(flow("in Noord-\nBrabant", &known), "in Noord-Brabant");
        // A dash between spaces is no hyphenation.
        assert_eq!(
            flow("oriënteren op -\nen introduceren", &known),
            "oriënteren op - en introduceren"
        );
        // Trailing spaces after the hyphen, as a PDF's text has them.
        assert_eq!(
            flow(
                "een landschaps- \ntekening",
                &lexicon("de landschapstekening")
            ),
            "een landschapstekening"
        );
    }

    #[test]
    fn texts_compare_without_breaks_and_punctuation() {
        assert_eq!(key("Er is  een onder-\nzoek."), key("Er is een onderzoek"));
        assert!(ends_sentence("is ondersteund."));
        assert!(ends_sentence("(zie SD1.OD7)."));
        assert!(!ends_sentence("en ..."));
        assert!(!ends_sentence("het civiel"));
    }
}
