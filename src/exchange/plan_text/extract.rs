//! A document into a list of [`Block`]s: headings, paragraphs, list items and table rows, each
//! with the line (or paragraph, for .docx/.odt) it starts on. Plain text and Markdown here;
//! Word and OpenDocument in [`super::office`].
//!
//! Plain text comes in two shapes. Typed text separates paragraphs by blank lines. Text
//! extracted from a PDF is "double spaced": a blank line after nearly every line, so blank lines
//! say nothing; a line then continues the block before it when that ended in a hyphenated word,
//! or did not end a sentence and the line starts in lowercase or with a digit, or both meet at
//! capitalised words (`Brussels` / `Hoofdstedelijk`). Either way a bullet, a numbered heading,
//! a goal code or a label (`Situering`, `Indicatoren` ...) starts a new block.

use super::codes::{code_at_start, colon_code_at_start};
use super::text::{ends_sentence, tidy};
use super::{Encoding, PlanTextError};

/// A piece of a document, as the recogniser reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// 1-based: the line of a text file, the paragraph of a .docx/.odt.
    pub line: usize,
    pub kind: BlockKind,
    /// The text; the lines of a text file as they were, separated by `\n` (see
    /// [`super::text::flow`]); for a table row its cells separated by ` | `.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A heading; 1 is a chapter.
    Heading(u8),
    Paragraph,
    /// A list item; `level` 0 is the outer list.
    ListItem {
        level: u8,
        ordered: bool,
    },
    /// A table row; `first` marks the first row of a table.
    TableRow {
        cells: Vec<String>,
        first: bool,
    },
}

/// Words that label a part of a goal when they stand alone on a line (case-insensitive, an
/// optional `:`): they start a block of their own.
pub const LABELS: [&str; 18] = [
    "situering",
    "context",
    "aanleiding",
    "toelichting",
    "werking",
    "aanpak",
    "indicatoren",
    "indicator",
    "indicators",
    "indicator(en)",
    "algemene indicatoren",
    "timing",
    "activiteiten",
    "planning",
    "begroting en personeelsinzet",
    "personeelsinzet",
    "middelen",
    "begroting",
];

/// Whether a line is a label of [`LABELS`].
pub fn is_label(line: &str) -> bool {
    let lower = line.trim().trim_end_matches(':').trim().to_lowercase();
    LABELS.contains(&lower.as_str())
}

/// The text of a file as UTF-8: a byte order mark is dropped, UTF-16 with a byte order mark
/// is decoded, and text that is not UTF-8 is read as Windows-1252 when it can be (no byte that
/// Windows-1252 leaves undefined, no NUL).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), PlanTextError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest).map(|(text, _)| (text, Encoding::Utf8));
    }
    for (bom, little) in [(&b"\xFF\xFE"[..], true), (&b"\xFE\xFF"[..], false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|pair| match pair {
                    [a, b] if little => u16::from_le_bytes([*a, *b]),
                    [a, b] => u16::from_be_bytes([*a, *b]),
                    _ => 0xFFFD,
                })
                .collect();
            return String::from_utf16(&units)
                .map(|text| (text, Encoding::Utf16))
                .map_err(|_| PlanTextError::NotText { line: 1 });
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            if bytes.contains(&0) {
                return Err(PlanTextError::NotText { line });
            }
            windows_1252(bytes)
                .map(|text| (text, Encoding::Windows1252))
                .ok_or(PlanTextError::NotText { line })
        }
    }
}

/// Windows-1252 as Unicode; `None` at a byte it leaves undefined.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    const HIGH: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => Some(HIGH[(b - 0x80) as usize]).filter(|c| *c != '\0'),
            _ => Some(b as char),
        })
        .collect()
}

/// What a line starts.
enum Start {
    /// A block of this kind starts with this text.
    New(BlockKind, String),
    /// A line of running text.
    Text(String),
}

/// The blocks of a plain text (`markdown` false) or a Markdown text.
pub fn text_blocks(text: &str, markdown: bool) -> Vec<Block> {
    let text = text.replace("\r\n", "\n").replace(['\r', '\x0c'], "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let double = !markdown && double_spaced(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    let mut in_fence = false;
    let mut table_open = false;
    for (i, raw) in lines.iter().enumerate() {
        let number = i + 1;
        let trimmed = raw.trim();
        if markdown && trimmed.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if trimmed.is_empty() {
            if !double {
                close(&mut open, &mut blocks);
            }
            table_open = false;
            continue;
        }
        if markdown && !in_fence {
            if let Some(cells) = table_cells(trimmed) {
                close(&mut open, &mut blocks);
                if cells.iter().all(|c| is_separator_cell(c)) {
                    continue;
                }
                let first = !table_open;
                table_open = true;
                blocks.push(Block {
                    line: number,
                    text: cells.join(" | "),
                    kind: BlockKind::TableRow { cells, first },
                });
                continue;
            }
            table_open = false;
            // Setext headings: a line of `===` or `---` under a one-line paragraph.
            if trimmed.len() >= 3
                && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'))
            {
                if let Some(block) = open.as_mut()
                    && block.kind == BlockKind::Paragraph
                    && !block.text.contains('\n')
                {
                    block.kind = BlockKind::Heading(if trimmed.starts_with('=') { 1 } else { 2 });
                }
                close(&mut open, &mut blocks);
                continue;
            }
        }
        let indent =
            raw.len() - raw.trim_start().len() + 3 * raw.chars().take_while(|c| *c == '\t').count();
        let pieces = if markdown {
            split_inline_bullets(trimmed)
        } else {
            split_inline_bullets(trimmed)
                .into_iter()
                .flat_map(split_inline_codes)
                .collect()
        };
        for piece in pieces {
            let start = if in_fence {
                Start::Text(piece.to_string())
            } else {
                classify(piece, indent, markdown)
            };
            match start {
                Start::New(kind, text) => {
                    close(&mut open, &mut blocks);
                    open = Some(Block {
                        line: number,
                        kind,
                        text,
                    });
                }
                Start::Text(text) => {
                    let text = if markdown {
                        inline_markdown(&text)
                    } else {
                        text
                    };
                    match open.as_mut() {
                        Some(block) if continues(block, &text, double) => {
                            block.text.push('\n');
                            block.text.push_str(&text);
                        }
                        _ => {
                            close(&mut open, &mut blocks);
                            open = Some(Block {
                                line: number,
                                kind: BlockKind::Paragraph,
                                text,
                            });
                        }
                    }
                }
            }
        }
    }
    close(&mut open, &mut blocks);
    blocks
}

fn close(open: &mut Option<Block>, blocks: &mut Vec<Block>) {
    if let Some(block) = open.take()
        && !block.text.trim().is_empty()
    {
        blocks.push(block);
    }
}

/// Whether most lines are followed by a blank line while most do not end a sentence: text
/// extracted from a PDF, where blank lines do not separate paragraphs.
fn double_spaced(lines: &[&str]) -> bool {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    if filled.len() < 10 {
        return false;
    }
    let followed_by_blank = filled
        .iter()
        .filter(|&&i| lines.get(i + 1).is_some_and(|l| l.trim().is_empty()))
        .count();
    let open_ended = filled.iter().filter(|&&i| !ends_sentence(lines[i])).count();
    followed_by_blank * 10 >= filled.len() * 6 && open_ended * 10 >= filled.len() * 3
}

/// Whether a line continues the open block.
fn continues(block: &Block, line: &str, double: bool) -> bool {
    let last = block.text.lines().last().unwrap_or("").trim_end();
    let first = line.chars().next().unwrap_or(' ');
    let hyphenated = last.ends_with('-')
        && last[..last.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic);
    if is_label(&block.text) {
        return false;
    }
    match block.kind {
        BlockKind::TableRow { .. } => false,
        // A heading runs on only while its words do.
        BlockKind::Heading(_) => !ends_sentence(last) && (hyphenated || first.is_lowercase()),
        _ if !double => true,
        _ => {
            if hyphenated {
                return true;
            }
            if ends_sentence(last) {
                return false;
            }
            if first.is_lowercase() || first.is_ascii_digit() || matches!(first, '(' | '&') {
                return true;
            }
            // A name running over lines: `en het Brussels` / `Hoofdstedelijk Gewest`, a
            // capitalised word after a lowercase one.
            let mut words = last.split_whitespace().rev();
            let (Some(last_word), Some(before)) = (words.next(), words.next()) else {
                return false;
            };
            first.is_uppercase()
                && last_word.chars().next().is_some_and(char::is_uppercase)
                && before.chars().all(char::is_lowercase)
        }
    }
}

/// A line that holds a bullet after some text (`Algemene indicatoren • We rapporteren`) is two
/// pieces: the text, and the bullet with what follows.
fn split_inline_bullets(line: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(at) = rest
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '•')
        .map(|(i, _)| i)
    {
        let before = rest[..at].trim();
        if before.is_empty() {
            break;
        }
        pieces.push(before);
        rest = &rest[at..];
    }
    pieces.push(rest);
    pieces
}

/// A line of a PDF's table whose columns ran together holds a second goal after the first
/// (`SD1: Civiel actorschap OD1: Agogische medewerkers`): two pieces, at a code with a colon
/// after a space, when the line starts with a code itself.
fn split_inline_codes(line: &str) -> Vec<&str> {
    if code_at_start(line).is_none() {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous_space = false;
    for (i, c) in line.char_indices() {
        if previous_space && i > start && colon_code_at_start(&line[i..]) {
            pieces.push(line[start..i].trim());
            start = i;
        }
        previous_space = c.is_whitespace();
    }
    pieces.push(line[start..].trim());
    pieces
}

/// Bullets that start a list item when a space or tab follows.
const BULLETS: [char; 10] = ['•', '·', '▪', '◦', '●', '-', '–', '*', '+', '○'];

fn classify(line: &str, indent: usize, markdown: bool) -> Start {
    let level = (indent / 2).min(8) as u8;
    if markdown && let Some(heading) = atx_heading(line) {
        return heading;
    }
    let line = if markdown {
        line.trim_start_matches('>').trim_start()
    } else {
        line
    };
    // A bullet.
    let mut chars = line.chars();
    if let (Some(bullet), Some(next)) = (chars.next(), chars.next())
        && BULLETS.contains(&bullet)
        && next.is_whitespace()
    {
        let text = line[bullet.len_utf8()..].trim();
        if !text.is_empty() {
            let text = if markdown {
                inline_markdown(text)
            } else {
                text.to_string()
            };
            return Start::New(
                BlockKind::ListItem {
                    level,
                    ordered: false,
                },
                text,
            );
        }
    }
    // A numbered heading (`6.1 Strategische ...`) or an ordered item (`1. We ...`, `a) ...`).
    if let Some(start) = numbered(line, level, markdown) {
        return start;
    }
    if code_at_start(line).is_some() || is_label(line) {
        let text = if markdown {
            inline_markdown(line)
        } else {
            line.to_string()
        };
        return Start::New(BlockKind::Paragraph, text);
    }
    if !markdown && capitals_heading(line) {
        return Start::New(BlockKind::Heading(1), tidy(line));
    }
    Start::Text(line.to_string())
}

fn atx_heading(line: &str) -> Option<Start> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&hashes) || !line[hashes..].starts_with([' ', '\t']) {
        return None;
    }
    let text = line[hashes..].trim().trim_end_matches('#').trim();
    let text = strip_heading_number(text);
    Some(Start::New(
        BlockKind::Heading(hashes as u8),
        inline_markdown(text),
    ))
}

/// `6.1 Strategische` gives `Strategische`; other text stays.
fn strip_heading_number(text: &str) -> &str {
    let digits_and_dots = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits_and_dots > 0
        && text.as_bytes()[0].is_ascii_digit()
        && text[digits_and_dots..].starts_with([' ', '\t'])
    {
        text[digits_and_dots..].trim_start()
    } else {
        text
    }
}

fn numbered(line: &str, level: u8, markdown: bool) -> Option<Start> {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut components = 0;
    loop {
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 0 || run > 2 {
            break;
        }
        components += 1;
        at += run;
        if bytes.get(at) == Some(&b'.') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 1;
            continue;
        }
        break;
    }
    let letter_item = components == 0
        && bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && matches!(bytes.get(1), Some(b'.' | b')'))
        && bytes.get(2).is_some_and(|b| *b == b' ' || *b == b'\t');
    if letter_item {
        let text = line[2..].trim();
        return Some(Start::New(
            BlockKind::ListItem {
                level,
                ordered: true,
            },
            text.to_string(),
        ));
    }
    if components == 0 {
        return None;
    }
    let closing = bytes.get(at).copied();
    let (marker_end, dotted) = match closing {
        Some(b'.' | b')') => (at + 1, true),
        _ => (at, false),
    };
    let rest = &line[marker_end..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let first = text.chars().next()?;
    if components == 1 && dotted {
        let text = if markdown {
            inline_markdown(text)
        } else {
            text.to_string()
        };
        return Some(Start::New(
            BlockKind::ListItem {
                level,
                ordered: true,
            },
            text,
        ));
    }
    // `1.1 20 jaar ondersteuning`: a number may start the title when a word follows.
    let starts_with_words = first.is_alphabetic()
        || matches!(first, '‘' | '“' | '"' | '\'')
        || (first.is_ascii_digit()
            && text
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic)));
    if markdown || !starts_with_words {
        return None;
    }
    if components >= 2 && text.chars().count() <= 200 {
        return Some(Start::New(
            BlockKind::Heading(components as u8),
            text.to_string(),
        ));
    }
    // `6 Onze doelen`: a chapter, short, capitalised, no sentence.
    let short = text.chars().count() <= 60;
    if components == 1
        && short
        && first.is_uppercase()
        && !text.ends_with(['.', ',', ';', ':'])
        && !text.contains('|')
    {
        return Some(Start::New(BlockKind::Heading(1), text.to_string()));
    }
    None
}

/// `WOORD VOORAF`: a line in capitals (at least 5 letters, no digits) is a chapter heading.
fn capitals_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 5
        && line.chars().count() <= 60
        && !line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// The cells of a Markdown table row (`| a | b |`), if the line is one.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(
        inner
            .split('|')
            .map(|c| inline_markdown(c.trim()))
            .collect(),
    )
}

fn is_separator_cell(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | ' '))
}

/// Markdown emphasis, links and escapes as plain text: `**vet**` gives `vet`, `[tekst](url)`
/// gives `tekst`.
fn inline_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' | '_' if chars.peek() == Some(&c) => {
                chars.next();
            }
            '`' => {}
            '[' => {
                let label: String = chars.by_ref().take_while(|c| *c != ']').collect();
                if chars.peek() == Some(&'(') {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
                out.push_str(&label);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(blocks: &[Block]) -> Vec<(&BlockKind, &str)> {
        blocks.iter().map(|b| (&b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn typed_text_separates_paragraphs_by_blank_lines() {
        let text = "1 Inleiding\n\nOns plan\nloopt vijf jaar.\n\nSD1: Jongeren vinden\nhun weg.\nSituering\nTekst.\n- een\n- twee\n";
        let blocks = text_blocks(text, false);
        assert_eq!(
            kinds(&blocks),
            vec![
                (&BlockKind::Heading(1), "Inleiding"),
                (&BlockKind::Paragraph, "Ons plan\nloopt vijf jaar."),
                (&BlockKind::Paragraph, "SD1: Jongeren vinden\nhun weg."),
                (&BlockKind::Paragraph, "Situering"),
                (&BlockKind::Paragraph, "Tekst."),
                (
                    &BlockKind::ListItem {
                        level: 0,
                        ordered: false
                    },
                    "een"
                ),
                (
                    &BlockKind::ListItem {
                        level: 0,
                        ordered: false
                    },
                    "twee"
                ),
            ]
        );
        assert_eq!(blocks[2].line, 6);
    }

    #[test]
    fn a_pdf_text_runs_on_over_blank_lines() {
        let mut text = String::new();
        for line in [
            " 6.1\t Strategische doelstelling 1: Civiel sociaal-cultureel actorschap in ",
            "een veranderende samenleving is ondersteund",
            "Zowel de praktijk, het handelen van werkers, de organisatorische context, de snel ",
            "veranderende samen-",
            "leving geven aanleiding tot behoeften. ",
            "SD3.OD1: Een landschapstekening brengt actoren in Vlaanderen en het Brussels ",
            "Hoofdstedelijk Gewest in beeld.",
            "Algemene indicatoren •\t We rapporteren jaarlijks over de ",
            "uitvoering.",
            "•\t Algemene tevredenheid.",
            "Ontwikkeltraject ",
            "Visieontwikkeling- en ondersteuningstraject inzake de politise-",
            "rende rol",
            "2021-2025",
        ] {
            text.push_str(line);
            text.push_str("\n\n");
        }
        let blocks = text_blocks(&text, false);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Strategische doelstelling 1: Civiel sociaal-cultureel actorschap in\neen veranderende samenleving is ondersteund",
                "Zowel de praktijk, het handelen van werkers, de organisatorische context, de snel\nveranderende samen-\nleving geven aanleiding tot behoeften.",
                "SD3.OD1: Een landschapstekening brengt actoren in Vlaanderen en het Brussels\nHoofdstedelijk Gewest in beeld.",
                "Algemene indicatoren",
                "We rapporteren jaarlijks over de\nuitvoering.",
                "Algemene tevredenheid.",
                "Ontwikkeltraject",
                "Visieontwikkeling- en ondersteuningstraject inzake de politise-\nrende rol\n2021-2025",
            ]
        );
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(blocks[2].line, 11);
    }

    #[test]
    fn columns_run_together_are_split_at_the_second_goal() {
        let blocks = text_blocks(
            "SD1: Civiel actorschap is OD1: Agogische medewerkers zijn\nondersteund.\n\nOD2: Digitaal. OD3 - Vorming. OD4: Taal.\n\nEen SD1: in een zin.\n",
            false,
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "SD1: Civiel actorschap is",
                "OD1: Agogische medewerkers zijn\nondersteund.",
                "OD2: Digitaal. OD3 - Vorming.",
                "OD4: Taal.",
                "Een SD1: in een zin."
            ]
        );
    }

    #[test]
    fn markdown_headings_lists_and_tables() {
        let text = "# Beleidsplan\n\n## 1. Missie\n\nWe **werken** met [jongeren](https://x).\n\n1. Eerste\n   2. Tweede\n\n| Werking | Timing |\n|---|---|\n| Vorming | 2021-2025 |\n\nTitel\n---\n";
        let blocks = text_blocks(text, true);
        assert_eq!(
            kinds(&blocks),
            vec![
                (&BlockKind::Heading(1), "Beleidsplan"),
                (&BlockKind::Heading(2), "Missie"),
                (&BlockKind::Paragraph, "We werken met jongeren."),
                (
                    &BlockKind::ListItem {
                        level: 0,
                        ordered: true
                    },
                    "Eerste"
                ),
                (
                    &BlockKind::ListItem {
                        level: 1,
                        ordered: true
                    },
                    "Tweede"
                ),
                (
                    &BlockKind::TableRow {
                        cells: vec!["Werking".into(), "Timing".into()],
                        first: true
                    },
                    "Werking | Timing"
                ),
                (
                    &BlockKind::TableRow {
                        cells: vec!["Vorming".into(), "2021-2025".into()],
                        first: false
                    },
                    "Vorming | 2021-2025"
                ),
                (&BlockKind::Heading(2), "Titel"),
            ]
        );
    }

    #[test]
    fn text_that_is_not_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFSD1").unwrap().0, "SD1");
        let (text, encoding) = decode(b"caf\xe9 \x80 \x96").unwrap();
        assert_eq!(
            (text.as_str(), encoding),
            ("café € –", Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"a\nb\n\x81").unwrap_err(),
            PlanTextError::NotText { line: 3 }
        );
        assert_eq!(decode(b"\xFF\xFEa\0b\0").unwrap().0, "ab");
        assert!(decode(b"PK\x03\x04\0\0\xff").is_err());
    }
}
