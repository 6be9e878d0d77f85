//! Word (.docx) and OpenDocument (.odt) documents into [`Block`]s: headings by their level
//! (a heading style or outline level), list items with their level and whether they are
//! numbered, paragraphs, and table rows with the text of each cell. A block's `line` is its
//! number among the document's blocks.
//!
//! The zip is read with a budget: the parts read (at most three) may inflate to
//! [`super::MAX_XML_BYTES`] together, counted while inflating, so a zip bomb is refused and
//! never unpacked. Footnotes, comments, text of deleted changes and the fallback copies of text
//! boxes are not read.

use super::extract::{Block, BlockKind};
use super::{MAX_XML_BYTES, PlanTextError};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// What a zip holds, as far as Planbord reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipKind {
    Docx,
    Odt,
    /// Another zip (a workbook, a presentation, an archive).
    Other,
}

pub fn open(bytes: &[u8]) -> Result<Zip<'_>, PlanTextError> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| PlanTextError::Damaged)
}

/// Whether a zip is a Word document, an OpenDocument text or something else.
pub fn zip_kind(zip: &mut Zip<'_>) -> ZipKind {
    if zip.index_for_name("word/document.xml").is_some() {
        return ZipKind::Docx;
    }
    if zip.index_for_name("content.xml").is_some() {
        let mut budget = 1024;
        let mimetype = read_part(zip, "mimetype", &mut budget).ok().flatten();
        if mimetype.is_some_and(|m| {
            m.trim()
                .starts_with("application/vnd.oasis.opendocument.text")
        }) {
            return ZipKind::Odt;
        }
    }
    ZipKind::Other
}

/// A part of the zip as text, or `None` when it is not there; refused when it would take more
/// than what is left of `budget` (bytes), counted while inflating.
fn read_part(
    zip: &mut Zip<'_>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, PlanTextError> {
    if zip.index_for_name(name).is_none() {
        return Ok(None);
    }
    let file = zip.by_name(name).map_err(|_| PlanTextError::Damaged)?;
    if file.size() > *budget {
        return Err(PlanTextError::PartTooLarge {
            limit: MAX_XML_BYTES,
        });
    }
    let mut bytes = Vec::new();
    file.take(*budget + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| PlanTextError::Damaged)?;
    if bytes.len() as u64 > *budget {
        return Err(PlanTextError::PartTooLarge {
            limit: MAX_XML_BYTES,
        });
    }
    *budget -= bytes.len() as u64;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| PlanTextError::Damaged)
}

/// The local name of an element (`p` of `w:p`).
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// The value of an attribute by its local name (`val` of `w:val`).
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// The text of an entity reference (`amp`, `#233`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Paragraphs and tables as they are read: a paragraph's text until it ends, table rows and
/// cells by nesting.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Open tables (a table in a cell nests), each with its rows so far and the open row.
    tables: Vec<(Vec<Vec<String>>, Vec<String>, String)>,
    count: usize,
}

impl Builder {
    /// A finished paragraph: a block, or a line of the open table cell.
    fn paragraph(&mut self, kind: BlockKind, text: String) {
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        if let Some((_, _, cell)) = self.tables.last_mut() {
            if !cell.is_empty() {
                cell.push('\n');
            }
            if matches!(kind, BlockKind::ListItem { .. }) {
                cell.push_str("• ");
            }
            cell.push_str(&text);
            return;
        }
        self.count += 1;
        self.blocks.push(Block {
            line: self.count,
            kind,
            text,
        });
    }

    fn start_table(&mut self) {
        self.tables.push((Vec::new(), Vec::new(), String::new()));
    }

    fn end_cell(&mut self) {
        if let Some((_, row, cell)) = self.tables.last_mut() {
            row.push(std::mem::take(cell).trim().to_string());
        }
    }

    fn end_row(&mut self) {
        if let Some((rows, row, _)) = self.tables.last_mut() {
            let row = std::mem::take(row);
            if row.iter().any(|c| !c.is_empty()) {
                rows.push(row);
            }
        }
    }

    fn end_table(&mut self) {
        let Some((rows, _, _)) = self.tables.pop() else {
            return;
        };
        if let Some((_, _, cell)) = self.tables.last_mut() {
            // A table in a cell: its rows are lines of that cell.
            for row in rows {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&row.join(" | "));
            }
            return;
        }
        for (i, cells) in rows.into_iter().enumerate() {
            self.count += 1;
            self.blocks.push(Block {
                line: self.count,
                text: cells.join(" | "),
                kind: BlockKind::TableRow {
                    cells,
                    first: i == 0,
                },
            });
        }
    }
}

/// Reads the events of an XML part; a damaged part gives [`PlanTextError::Damaged`].
fn events<'a>(xml: &'a str, mut on: impl FnMut(Event<'a>)) -> Result<(), PlanTextError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return Ok(()),
            Ok(event) => on(event),
            Err(_) => return Err(PlanTextError::Damaged),
        }
    }
}

// ---- Word ----

/// A paragraph style of a Word document: its heading level and list, directly or from the
/// style it is based on.
#[derive(Debug, Default, Clone)]
struct WordStyle {
    heading: Option<u8>,
    list: bool,
    based_on: Option<String>,
}

/// A heading level from a style's name: `heading 2`, `Kop 2`, `Title`, `Titel`.
fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    if lower == "title" || lower == "titel" {
        return Some(1);
    }
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("kop"))
        .or_else(|| lower.strip_prefix("titre"))
        .or_else(|| lower.strip_prefix("überschrift"))?;
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|l| (1..=9).contains(l))
}

fn word_styles(xml: &str) -> Result<HashMap<String, WordStyle>, PlanTextError> {
    let mut styles = HashMap::new();
    let mut current: Option<(String, WordStyle)> = None;
    events(xml, |event| match event {
        Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
            "style" => {
                current = attribute(&e, "styleId").map(|id| (id, WordStyle::default()));
            }
            "name" => {
                if let Some((_, style)) = current.as_mut()
                    && let Some(name) = attribute(&e, "val")
                {
                    style.heading = style.heading.or(heading_from_name(&name));
                    style.list |= name.to_lowercase().starts_with("list");
                }
            }
            "basedOn" => {
                if let Some((_, style)) = current.as_mut() {
                    style.based_on = attribute(&e, "val");
                }
            }
            "outlineLvl" => {
                if let Some((_, style)) = current.as_mut()
                    && let Some(level) = attribute(&e, "val").and_then(|v| v.parse::<u8>().ok())
                    && level < 9
                {
                    style.heading = Some(level + 1);
                }
            }
            "numId" => {
                if let Some((_, style)) = current.as_mut() {
                    style.list |= attribute(&e, "val").is_some_and(|v| v != "0");
                }
            }
            _ => {}
        },
        Event::End(e) if e.local_name().as_ref() == "style" => {
            if let Some((id, style)) = current.take() {
                styles.insert(id, style);
            }
        }
        _ => {}
    })?;
    Ok(styles)
}

/// A style's heading level and list, following `basedOn` (at most 10 steps).
fn resolve_style(styles: &HashMap<String, WordStyle>, id: &str) -> (Option<u8>, bool) {
    let mut id = id.to_string();
    let (mut heading, mut list) = (None, false);
    for _ in 0..10 {
        let Some(style) = styles.get(&id) else { break };
        heading = heading.or(style.heading);
        list |= style.list;
        match &style.based_on {
            Some(next) => id = next.clone(),
            None => break,
        }
    }
    if heading.is_none() {
        heading = heading_from_name(&id);
    }
    (heading, list)
}

/// Which (list, level) pairs of a Word document are numbered rather than bulleted.
fn word_numbering(xml: &str) -> Result<HashMap<(String, u8), bool>, PlanTextError> {
    let mut abstract_levels: HashMap<(String, u8), bool> = HashMap::new();
    let mut num_to_abstract: HashMap<String, String> = HashMap::new();
    let mut abstract_id: Option<String> = None;
    let mut level: Option<u8> = None;
    let mut num_id: Option<String> = None;
    events(xml, |event| match event {
        Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
            "abstractNum" => abstract_id = attribute(&e, "abstractNumId"),
            "lvl" => level = attribute(&e, "ilvl").and_then(|v| v.parse().ok()),
            "numFmt" => {
                if let (Some(id), Some(level)) = (&abstract_id, level) {
                    let ordered =
                        attribute(&e, "val").is_some_and(|v| v != "bullet" && v != "none");
                    abstract_levels.insert((id.clone(), level), ordered);
                }
            }
            "num" => num_id = attribute(&e, "numId"),
            "abstractNumId" => {
                if let (Some(num), Some(value)) = (&num_id, attribute(&e, "val")) {
                    num_to_abstract.insert(num.clone(), value);
                }
            }
            _ => {}
        },
        Event::End(e) => match e.local_name().as_ref() {
            "abstractNum" => abstract_id = None,
            "num" => num_id = None,
            _ => {}
        },
        _ => {}
    })?;
    let mut ordered = HashMap::new();
    for (num, abstract_id) in num_to_abstract {
        for ((id, level), is_ordered) in &abstract_levels {
            if *id == abstract_id {
                ordered.insert((num.clone(), *level), *is_ordered);
            }
        }
    }
    Ok(ordered)
}

/// A Word document's blocks.
pub fn docx_blocks(zip: &mut Zip<'_>) -> Result<Vec<Block>, PlanTextError> {
    let mut budget = MAX_XML_BYTES;
    let document =
        read_part(zip, "word/document.xml", &mut budget)?.ok_or(PlanTextError::Damaged)?;
    let styles = match read_part(zip, "word/styles.xml", &mut budget)? {
        Some(xml) => word_styles(&xml)?,
        None => HashMap::new(),
    };
    let numbering = match read_part(zip, "word/numbering.xml", &mut budget)? {
        Some(xml) => word_numbering(&xml)?,
        None => HashMap::new(),
    };
    let mut builder = Builder::default();
    // The paragraph being read: style, list (numId, level), outline level, text.
    let mut text = String::new();
    let mut style: Option<String> = None;
    let mut list: Option<(Option<String>, u8)> = None;
    let mut outline: Option<u8> = None;
    let mut in_run = 0usize;
    let mut in_text = false;
    let mut skip = 0usize;
    let finish = |builder: &mut Builder,
                  text: &mut String,
                  style: &mut Option<String>,
                  list: &mut Option<(Option<String>, u8)>,
                  outline: &mut Option<u8>| {
        let (style_heading, style_list) = style
            .as_deref()
            .map(|s| resolve_style(&styles, s))
            .unwrap_or((None, false));
        let heading = outline.or(style_heading);
        let kind = if let Some(level) = heading {
            BlockKind::Heading(level)
        } else if let Some((num, level)) = list.as_ref().filter(|(n, _)| n.as_deref() != Some("0"))
        {
            let ordered = num
                .as_ref()
                .and_then(|n| numbering.get(&(n.clone(), *level)))
                .copied()
                .unwrap_or(false);
            BlockKind::ListItem {
                level: *level,
                ordered,
            }
        } else if style_list {
            BlockKind::ListItem {
                level: 0,
                ordered: false,
            }
        } else {
            BlockKind::Paragraph
        };
        builder.paragraph(kind, std::mem::take(text));
        *style = None;
        *list = None;
        *outline = None;
    };
    events(&document, |event| {
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(e) => match local(&e).as_str() {
                "Fallback" | "del" | "footnoteReference" | "endnoteReference" => skip = 1,
                "p" => {
                    text.clear();
                    style = None;
                    list = None;
                    outline = None;
                }
                "r" => in_run += 1,
                "t" => in_text = true,
                "tbl" => builder.start_table(),
                "numPr" => list = Some((None, 0)),
                _ => {}
            },
            Event::Empty(e) => match local(&e).as_str() {
                "pStyle" => style = attribute(&e, "val"),
                "ilvl" => {
                    let level = attribute(&e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    list.get_or_insert((None, 0)).1 = level;
                }
                "numId" => {
                    list.get_or_insert((None, 0)).0 = attribute(&e, "val");
                }
                "outlineLvl" => {
                    outline = attribute(&e, "val")
                        .and_then(|v| v.parse::<u8>().ok())
                        .filter(|l| *l < 9)
                        .map(|l| l + 1);
                }
                "tab" if in_run > 0 => text.push('\t'),
                "br" | "cr" if in_run > 0 => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "p" => {}
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = entity(&r) {
                    text.push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "r" => in_run = in_run.saturating_sub(1),
                "p" => finish(&mut builder, &mut text, &mut style, &mut list, &mut outline),
                "tc" => builder.end_cell(),
                "tr" => builder.end_row(),
                "tbl" => builder.end_table(),
                _ => {}
            },
            _ => {}
        }
    })?;
    while !builder.tables.is_empty() {
        builder.end_table();
    }
    Ok(builder.blocks)
}

// ---- OpenDocument ----

/// Which list styles (by name and level) of an OpenDocument are numbered.
fn odt_list_styles(xml: &str, into: &mut HashMap<(String, u8), bool>) -> Result<(), PlanTextError> {
    let mut current: Option<String> = None;
    events(xml, |event| match event {
        Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
            "list-style" => current = attribute(&e, "name"),
            name @ ("list-level-style-number" | "list-level-style-bullet") => {
                if let (Some(style), Some(level)) = (
                    &current,
                    attribute(&e, "level").and_then(|l| l.parse::<u8>().ok()),
                ) {
                    into.insert(
                        (style.clone(), level.saturating_sub(1)),
                        name == "list-level-style-number",
                    );
                }
            }
            _ => {}
        },
        Event::End(e) if e.local_name().as_ref() == "list-style" => current = None,
        _ => {}
    })
}

/// An OpenDocument text's blocks.
pub fn odt_blocks(zip: &mut Zip<'_>) -> Result<Vec<Block>, PlanTextError> {
    let mut budget = MAX_XML_BYTES;
    let content = read_part(zip, "content.xml", &mut budget)?.ok_or(PlanTextError::Damaged)?;
    let mut list_styles = HashMap::new();
    if let Some(styles) = read_part(zip, "styles.xml", &mut budget)? {
        odt_list_styles(&styles, &mut list_styles)?;
    }
    odt_list_styles(&content, &mut list_styles)?;
    let mut builder = Builder::default();
    // Open paragraphs (a frame may hold one inside another): (kind, text).
    let mut open: Vec<(BlockKind, String)> = Vec::new();
    // Open lists: their style (inherited from the outer list when not given).
    let mut lists: Vec<Option<String>> = Vec::new();
    let mut skip = 0usize;
    events(&content, |event| {
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(e) => match local(&e).as_str() {
                "note" | "annotation" | "tracked-changes" | "deletion" => skip = 1,
                "h" => {
                    let level = attribute(&e, "outline-level")
                        .and_then(|l| l.parse::<u8>().ok())
                        .unwrap_or(1)
                        .clamp(1, 9);
                    open.push((BlockKind::Heading(level), String::new()));
                }
                "p" => {
                    let kind = match lists.len() {
                        0 => BlockKind::Paragraph,
                        depth => {
                            let level = (depth - 1) as u8;
                            let style = lists.iter().rev().flatten().next();
                            let ordered = style
                                .and_then(|s| list_styles.get(&(s.clone(), level)))
                                .copied()
                                .unwrap_or(false);
                            BlockKind::ListItem { level, ordered }
                        }
                    };
                    open.push((kind, String::new()));
                }
                "list" => lists.push(attribute(&e, "style-name")),
                "table" => builder.start_table(),
                _ => {}
            },
            Event::Empty(e) => {
                if let Some((_, text)) = open.last_mut() {
                    match local(&e).as_str() {
                        "s" => {
                            let count = attribute(&e, "c")
                                .and_then(|c| c.parse::<usize>().ok())
                                .unwrap_or(1)
                                .min(100);
                            text.extend(std::iter::repeat_n(' ', count));
                        }
                        "tab" => text.push('\t'),
                        "line-break" => text.push('\n'),
                        _ => {}
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, text)) = open.last_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, text)), Some(c)) = (open.last_mut(), entity(&r)) {
                    text.push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "h" | "p" => {
                    if let Some((kind, text)) = open.pop() {
                        builder.paragraph(kind, text);
                    }
                }
                "list" => {
                    lists.pop();
                }
                "table-cell" => builder.end_cell(),
                "table-row" => builder.end_row(),
                "table" => builder.end_table(),
                _ => {}
            },
            _ => {}
        }
    })?;
    while !builder.tables.is_empty() {
        builder.end_table();
    }
    Ok(builder.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(name: &str, content: &[u8], method: zip::CompressionMethod) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            zip.start_file(name, options).unwrap();
            zip.write_all(content).unwrap();
            zip.finish().unwrap();
        }
        bytes
    }

    #[test]
    fn a_part_larger_than_the_budget_is_refused_while_inflating() {
        // 1 MiB of spaces deflates to about a kilobyte: with a budget of 64 KiB it is refused,
        // and never held in memory whole.
        let big = vec![b' '; 1 << 20];
        let bytes = zip_with("word/document.xml", &big, zip::CompressionMethod::Deflated);
        assert!(bytes.len() < 16 * 1024);
        let mut zip = open(&bytes).unwrap();
        let mut budget = 64 * 1024;
        assert_eq!(
            read_part(&mut zip, "word/document.xml", &mut budget),
            Err(PlanTextError::PartTooLarge {
                limit: MAX_XML_BYTES
            })
        );
        // Within the budget: read, and the budget spent.
        let mut budget = 2 << 20;
        let text = read_part(&mut zip, "word/document.xml", &mut budget).unwrap();
        assert_eq!(text.map(|t| t.len()), Some(1 << 20));
        assert_eq!(budget, 1 << 20);
        assert_eq!(
            read_part(&mut zip, "word/styles.xml", &mut budget),
            Ok(None)
        );
    }

    #[test]
    fn word_headings_lists_and_tables() {
        let document = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Doelen &amp; middelen</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">Een </w:t></w:r><w:r><w:t>item</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>SD1: Doel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2021</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:del><w:r><w:delText>weg</w:delText></w:r></w:del><w:r><w:t>blijft</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let styles = r#"<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style></w:styles>"#;
        let numbering = r#"<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#;
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            for (name, content) in [
                ("word/document.xml", document),
                ("word/styles.xml", styles),
                ("word/numbering.xml", numbering),
            ] {
                zip.start_file(name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                zip.write_all(content.as_bytes()).unwrap();
            }
            zip.finish().unwrap();
        }
        let mut zip = open(&bytes).unwrap();
        assert_eq!(zip_kind(&mut zip), ZipKind::Docx);
        let blocks = docx_blocks(&mut zip).unwrap();
        let kinds: Vec<(&BlockKind, &str)> =
            blocks.iter().map(|b| (&b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (&BlockKind::Heading(1), "Doelen & middelen"),
                (
                    &BlockKind::ListItem {
                        level: 1,
                        ordered: true
                    },
                    "Een item"
                ),
                (
                    &BlockKind::TableRow {
                        cells: vec!["SD1: Doel".into(), "2021".into()],
                        first: true
                    },
                    "SD1: Doel | 2021"
                ),
                (&BlockKind::Paragraph, "blijft"),
            ]
        );
        assert_eq!(blocks[3].line, 4);
    }
}
