//! A small page-layout engine: text measured with the embedded fonts and wrapped at word
//! boundaries, placed in a flow of A4 pages; tables that repeat their header row on each page and
//! never split a row. The result is a [`Document`] of pages of positioned [`Item`]s that tests can
//! inspect before anything is written as PDF.
//!
//! Units are points (1/72 inch); `y` grows downwards from the top of the page.

use super::fonts::Fonts;
pub use super::fonts::Weight;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm left and right.
pub const MARGIN_X: f32 = 56.7;
pub const MARGIN_TOP: f32 = 56.7;
/// Room below the text for the footer with the page number.
pub const MARGIN_BOTTOM: f32 = 62.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
pub const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - MARGIN_BOTTOM;
/// Baseline of the footer line.
pub const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 34.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const TEXT: Rgb = Rgb(25, 25, 25);
    pub const MUTED: Rgb = Rgb(105, 105, 105);
    pub const ACCENT: Rgb = Rgb(31, 78, 135);
    pub const RULE: Rgb = Rgb(205, 205, 205);
    pub const STRONG_RULE: Rgb = Rgb(90, 90, 90);
    pub const HEADER_FILL: Rgb = Rgb(225, 232, 242);
    pub const SECTION_FILL: Rgb = Rgb(242, 244, 247);
    pub const WHITE: Rgb = Rgb(255, 255, 255);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        weight: Weight,
        size: f32,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Rgb,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
        dash: Dash,
    },
    /// A clickable area leading to `target_y` on page `page` (0-based, whole document).
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        page: usize,
        target_y: f32,
    },
}

/// Where a table row landed: `row` is `None` for a (repeated) header row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedRow {
    pub table: usize,
    pub row: Option<usize>,
    pub top: f32,
    pub bottom: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    pub table_rows: Vec<PlacedRow>,
}

impl Page {
    /// The text lines of the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// All text of the page, one line per text item.
    pub fn text(&self) -> String {
        self.texts().collect::<Vec<_>>().join("\n")
    }
}

/// A heading for the contents and the PDF outline: page index within its flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// A laid-out document: every page with what is drawn on it, and the headings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub pages: Vec<Page>,
    /// Headings with their page index in `pages`.
    pub headings: Vec<Heading>,
    pub title: String,
    /// BCP 47 language of the text: `nl-BE` or `en`.
    pub language: String,
}

impl Document {
    /// All text of the document, pages separated by a form feed.
    pub fn text(&self) -> String {
        self.pages
            .iter()
            .map(Page::text)
            .collect::<Vec<_>>()
            .join("\n\u{c}\n")
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
    pub line_height: f32,
    pub color: Rgb,
}

impl Style {
    pub const BODY: Style = Style {
        weight: Weight::Regular,
        size: 10.0,
        line_height: 13.8,
        color: Rgb::TEXT,
    };
    pub const BODY_BOLD: Style = Style {
        weight: Weight::Bold,
        ..Style::BODY
    };
    pub const SMALL: Style = Style {
        weight: Weight::Regular,
        size: 8.5,
        line_height: 11.0,
        color: Rgb::MUTED,
    };
    pub const LABEL: Style = Style {
        weight: Weight::Bold,
        size: 9.0,
        line_height: 13.0,
        color: Rgb::ACCENT,
    };
    pub const H1: Style = Style {
        weight: Weight::Bold,
        size: 17.0,
        line_height: 22.0,
        color: Rgb::ACCENT,
    };
    pub const H2: Style = Style {
        weight: Weight::Bold,
        size: 12.5,
        line_height: 16.5,
        color: Rgb::ACCENT,
    };
    pub const H3: Style = Style {
        weight: Weight::Bold,
        size: 10.5,
        line_height: 14.0,
        color: Rgb::TEXT,
    };
    pub const TABLE: Style = Style {
        weight: Weight::Regular,
        size: 8.5,
        line_height: 10.8,
        color: Rgb::TEXT,
    };
    pub const TABLE_BOLD: Style = Style {
        weight: Weight::Bold,
        ..Style::TABLE
    };

    /// The baseline of a line whose box starts at `top`: the capitals sit in the middle.
    pub fn baseline(&self, top: f32) -> f32 {
        top + (self.line_height + self.size * 0.72) / 2.0
    }
}

/// Breaks `text` into lines no wider than `width`, at spaces; a word wider than a line is cut
/// where it must. Always at least one line (empty for empty text).
pub fn wrap(fonts: &Fonts, weight: Weight, size: f32, text: &str, width: f32) -> Vec<String> {
    let face = fonts.face(weight);
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        let word_width = face.width(word, size);
        let needed = if line.is_empty() {
            word_width
        } else {
            line_width + space + word_width
        };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        // A word longer than the line: cut it by characters (at least one per line).
        let mut piece = String::new();
        let mut piece_width = 0.0;
        for c in word.chars() {
            let mut buf = [0u8; 4];
            let w = face.width(c.encode_utf8(&mut buf), size);
            if piece_width + w > width && !piece.is_empty() {
                lines.push(std::mem::take(&mut piece));
                piece_width = 0.0;
            }
            piece.push(c);
            piece_width += w;
        }
        line = piece;
        line_width = piece_width;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens `text` with an ellipsis until it fits `width`.
pub fn fit(fonts: &Fonts, weight: Weight, size: f32, text: &str, width: f32) -> String {
    if fonts.width(weight, size, text) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if fonts.width(weight, size, &candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub width: f32,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A filled bar over the cell (a year in which an activity runs); bars of adjacent years
    /// read as one bar with a hairline between the years.
    Bar,
    Empty,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Normal,
    /// Bold, e.g. a subtotal.
    Emphasis,
    /// Bold with a rule above: a total.
    Total,
    /// A label over the whole width of the table, starting a group of rows.
    Section,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    pub kind: RowKind,
    /// Indentation steps of the first cell.
    pub indent: u8,
}

impl TableRow {
    pub fn new(cells: Vec<Cell>) -> TableRow {
        TableRow {
            cells,
            kind: RowKind::Normal,
            indent: 0,
        }
    }

    pub fn kind(mut self, kind: RowKind) -> TableRow {
        self.kind = kind;
        self
    }

    pub fn indent(mut self, indent: u8) -> TableRow {
        self.indent = indent;
        self
    }
}

/// A table to lay out: column widths in points, an optional header row (empty: none).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

impl Table {
    /// A first column taking what is left of `width` and one right-aligned column of
    /// `value_width` per value.
    pub fn label_and_values(width: f32, values: usize, value_width: f32) -> Vec<Column> {
        let label = (width - values as f32 * value_width).max(value_width);
        std::iter::once(Column {
            width: label,
            align: Align::Left,
        })
        .chain((0..values).map(|_| Column {
            width: value_width,
            align: Align::Right,
        }))
        .collect()
    }

    pub fn width(&self) -> f32 {
        self.columns.iter().map(|c| c.width).sum()
    }
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
const INDENT_STEP: f32 = 10.0;
const BULLET_INDENT: f32 = 12.0;
/// Tables up to this height are not split over two pages.
const SMALL_TABLE: f32 = 200.0;

/// One row ready to draw: the lines of every cell and its height.
struct RowLines {
    cells: Vec<Vec<String>>,
    height: f32,
}

/// Places content on pages from top to bottom, starting a new page when the next piece does not
/// fit.
pub struct Flow<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    headings: Vec<Heading>,
    y: f32,
    tables: usize,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts) -> Flow<'a> {
        Flow {
            fonts,
            pages: vec![Page::default()],
            headings: Vec::new(),
            y: MARGIN_TOP,
            tables: 0,
        }
    }

    pub fn fonts(&self) -> &'a Fonts {
        self.fonts
    }

    /// The pages and headings laid out so far.
    pub fn finish(self) -> (Vec<Page>, Vec<Heading>) {
        (self.pages, self.headings)
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    fn at_page_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    /// Continues on a new page, unless the current one is still empty.
    pub fn page_break(&mut self) {
        let empty = self.pages.last().is_none_or(|p| p.items.is_empty());
        if !(empty && self.at_page_top()) {
            self.new_page();
        }
    }

    /// Makes sure `height` fits below the cursor, else starts a new page.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > CONTENT_BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Vertical space; none at the top of a page.
    pub fn space(&mut self, height: f32) {
        if self.at_page_top() {
            return;
        }
        self.y += height;
        if self.y >= CONTENT_BOTTOM {
            self.new_page();
        }
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Reserves `height` points of the page (a chart), on a new page if needed; returns the top.
    pub fn reserve(&mut self, height: f32) -> f32 {
        self.ensure(height);
        let top = self.y;
        self.y += height;
        top
    }

    /// One line of text at `x`, which must already fit the width.
    fn line(&mut self, x: f32, text: String, style: Style) {
        self.ensure(style.line_height);
        let y = style.baseline(self.y);
        self.push(Item::Text {
            x,
            y,
            text,
            weight: style.weight,
            size: style.size,
            color: style.color,
        });
        self.y += style.line_height;
    }

    /// A heading kept together with the start of what follows it.
    pub fn heading(&mut self, level: u8, title: &str, style: Style) {
        let lines = wrap(self.fonts, style.weight, style.size, title, CONTENT_WIDTH);
        let height = lines.len() as f32 * style.line_height;
        self.space(style.line_height * 0.6);
        self.ensure(height + 4.0 * Style::BODY.line_height);
        self.headings.push(Heading {
            level,
            title: title.to_string(),
            page: self.page_index(),
            y: self.y,
        });
        for line in lines {
            self.line(MARGIN_X, line, style);
        }
        self.y += style.line_height * 0.25;
    }

    /// A paragraph wrapped to the text width, `indent` points in.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        for line in wrap(
            self.fonts,
            style.weight,
            style.size,
            text,
            CONTENT_WIDTH - indent,
        ) {
            self.line(MARGIN_X + indent, line, style);
        }
    }

    /// A paragraph with a bullet (or a number, a code) hanging in front of it.
    pub fn bullet(&mut self, bullet: &str, text: &str, style: Style, indent: f32) {
        let hanging = self.hanging(bullet, style);
        let lines = wrap(
            self.fonts,
            style.weight,
            style.size,
            text,
            CONTENT_WIDTH - indent - hanging,
        );
        // A short item is not split over two pages.
        if lines.len() <= 4 {
            self.ensure(lines.len() as f32 * style.line_height);
        }
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(style.line_height);
            if i == 0 {
                let y = style.baseline(self.y);
                self.push(Item::Text {
                    x: MARGIN_X + indent,
                    y,
                    text: bullet.to_string(),
                    weight: style.weight,
                    size: style.size,
                    color: style.color,
                });
            }
            self.line(MARGIN_X + indent + hanging, line, style);
        }
    }

    /// The room a bullet or number takes in front of its text.
    pub fn hanging(&self, bullet: &str, style: Style) -> f32 {
        BULLET_INDENT.max(self.fonts.width(style.weight, style.size, bullet) + 5.0)
    }

    /// A small label above a block of text ("Situering"), kept with the start of that block.
    pub fn label(&mut self, text: &str) {
        let style = Style::LABEL;
        self.space(style.line_height * 0.45);
        self.ensure(style.line_height + 2.0 * Style::BODY.line_height);
        self.paragraph(text, style, 0.0);
    }

    /// Free text as typed in the plan, `indent` points in: blank lines separate paragraphs, lines
    /// starting with `- `, `* ` or `• ` are bullets.
    pub fn rich_text(&mut self, text: &str, style: Style, indent: f32) {
        let mut pending_gap = false;
        let mut first = true;
        for raw in text.lines() {
            let line = raw.trim();
            if line.is_empty() {
                pending_gap = true;
                continue;
            }
            if !first {
                self.space(if pending_gap {
                    style.line_height * 0.5
                } else {
                    style.line_height * 0.15
                });
            }
            first = false;
            pending_gap = false;
            let bullet = ["- ", "* ", "• ", "– "]
                .iter()
                .find_map(|p| line.strip_prefix(p));
            match bullet {
                Some(rest) => self.bullet("•", rest.trim_start(), style, indent),
                None => self.paragraph(line, style, indent),
            }
        }
    }

    fn row_lines(&self, table: &Table, row: &TableRow, max_height: f32) -> RowLines {
        let style = match row.kind {
            RowKind::Normal => Style::TABLE,
            _ => Style::TABLE_BOLD,
        };
        let span = row.kind == RowKind::Section;
        let max_lines =
            (((max_height - 2.0 * CELL_PAD_Y) / style.line_height).floor() as usize).max(1);
        let mut cells = Vec::with_capacity(table.columns.len());
        for (i, column) in table.columns.iter().enumerate() {
            let text = match row.cells.get(i) {
                Some(Cell::Text(text)) => text.as_str(),
                _ => "",
            };
            let width = if span && i == 0 {
                table.width()
            } else if span {
                cells.push(Vec::new());
                continue;
            } else {
                column.width
            };
            let indent = if i == 0 {
                f32::from(row.indent) * INDENT_STEP
            } else {
                0.0
            };
            let inner = (width - 2.0 * CELL_PAD_X - indent).max(1.0);
            let mut lines = wrap(self.fonts, style.weight, style.size, text, inner);
            if lines.len() > max_lines {
                // A row taller than a page is cut short rather than split.
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    let shortened = fit(
                        self.fonts,
                        style.weight,
                        style.size,
                        &format!("{last} …"),
                        inner,
                    );
                    *last = shortened;
                }
            }
            cells.push(lines);
        }
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        RowLines {
            cells,
            height: lines as f32 * style.line_height + 2.0 * CELL_PAD_Y,
        }
    }

    fn header_lines(&self, table: &Table) -> Option<RowLines> {
        if table.header.is_empty() {
            return None;
        }
        let style = Style::TABLE_BOLD;
        let cells: Vec<Vec<String>> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let text = table.header.get(i).map_or("", String::as_str);
                wrap(
                    self.fonts,
                    style.weight,
                    style.size,
                    text,
                    (c.width - 2.0 * CELL_PAD_X).max(1.0),
                )
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Some(RowLines {
            cells,
            height: lines as f32 * style.line_height + 2.0 * CELL_PAD_Y,
        })
    }

    fn draw_header(&mut self, table: &Table, id: usize, header: &RowLines) {
        let top = self.y;
        self.push(Item::Rect {
            x: MARGIN_X,
            y: top,
            width: table.width(),
            height: header.height,
            color: Rgb::HEADER_FILL,
        });
        self.draw_cells(table, &header.cells, Style::TABLE_BOLD, 0.0, false);
        self.y += header.height;
        if let Some(page) = self.pages.last_mut() {
            page.table_rows.push(PlacedRow {
                table: id,
                row: None,
                top,
                bottom: self.y,
            });
        }
    }

    fn draw_cells(
        &mut self,
        table: &Table,
        cells: &[Vec<String>],
        style: Style,
        indent: f32,
        span: bool,
    ) {
        let mut x = MARGIN_X;
        let top = self.y + CELL_PAD_Y;
        for (i, column) in table.columns.iter().enumerate() {
            let lines = cells.get(i).map_or(&[][..], Vec::as_slice);
            let width = if span && i == 0 {
                table.width()
            } else {
                column.width
            };
            let indent = if i == 0 { indent } else { 0.0 };
            for (n, line) in lines.iter().enumerate() {
                let text_width = self.fonts.width(style.weight, style.size, line);
                let tx = match column.align {
                    _ if span => x + CELL_PAD_X + indent,
                    Align::Left => x + CELL_PAD_X + indent,
                    Align::Right => x + width - CELL_PAD_X - text_width,
                    Align::Center => x + (width - text_width) / 2.0,
                };
                let y = style.baseline(top + n as f32 * style.line_height);
                self.push(Item::Text {
                    x: tx,
                    y,
                    text: line.clone(),
                    weight: style.weight,
                    size: style.size,
                    color: style.color,
                });
            }
            x += column.width;
        }
    }

    /// The header and the rows of `table`, wrapped.
    fn table_lines(&self, table: &Table) -> (Option<RowLines>, Vec<RowLines>) {
        let header = self.header_lines(table);
        let header_height = header.as_ref().map_or(0.0, |h| h.height);
        let max_row_height = CONTENT_BOTTOM - MARGIN_TOP - header_height;
        let rows = table
            .rows
            .iter()
            .map(|row| self.row_lines(table, row, max_row_height))
            .collect();
        (header, rows)
    }

    /// How much of a table must fit below the cursor before it starts: all of a small table,
    /// else its header and first row (a header never stands alone at the bottom of a page).
    fn keep_height(header: &Option<RowLines>, rows: &[RowLines]) -> f32 {
        let header = header.as_ref().map_or(0.0, |h| h.height);
        let all: f32 = rows.iter().map(|r| r.height).sum();
        if header + all <= SMALL_TABLE {
            header + all
        } else {
            header + rows.first().map_or(0.0, |r| r.height)
        }
    }

    /// A label followed by a table, kept together as [`Flow::table`] keeps a table.
    pub fn labelled_table(&mut self, label: &str, table: &Table) {
        let (header, rows) = self.table_lines(table);
        let style = Style::LABEL;
        self.space(style.line_height * 0.45);
        self.ensure(style.line_height + Self::keep_height(&header, &rows));
        self.paragraph(label, style, 0.0);
        self.place_table(table, header, rows);
    }

    /// A table: the header row comes back at the top of every page the table runs onto, and a
    /// row is always drawn whole on one page. A small table is kept on one page.
    pub fn table(&mut self, table: &Table) {
        let (header, rows) = self.table_lines(table);
        self.place_table(table, header, rows);
    }

    fn place_table(&mut self, table: &Table, header: Option<RowLines>, rows: Vec<RowLines>) {
        let id = self.tables;
        self.tables += 1;
        self.ensure(Self::keep_height(&header, &rows));
        if let Some(header) = &header {
            self.draw_header(table, id, header);
        }
        for (index, (row, lines)) in table.rows.iter().zip(&rows).enumerate() {
            // A section label stays with the row after it.
            let keep = if row.kind == RowKind::Section {
                rows.get(index + 1).map_or(0.0, |r| r.height)
            } else {
                0.0
            };
            if self.y + lines.height + keep > CONTENT_BOTTOM {
                self.new_page();
                if let Some(header) = &header {
                    self.draw_header(table, id, header);
                }
            }
            self.draw_row(table, id, index, row, lines);
        }
        self.y += 4.0;
    }

    fn draw_row(
        &mut self,
        table: &Table,
        id: usize,
        index: usize,
        row: &TableRow,
        lines: &RowLines,
    ) {
        let top = self.y;
        let width = table.width();
        let style = match row.kind {
            RowKind::Normal => Style::TABLE,
            _ => Style::TABLE_BOLD,
        };
        match row.kind {
            RowKind::Section => self.push(Item::Rect {
                x: MARGIN_X,
                y: top,
                width,
                height: lines.height,
                color: Rgb::SECTION_FILL,
            }),
            RowKind::Total => self.push(Item::Line {
                from: (MARGIN_X, top),
                to: (MARGIN_X + width, top),
                width: 0.8,
                color: Rgb::STRONG_RULE,
                dash: Dash::Solid,
            }),
            _ => {}
        }
        // Bars for the years an activity runs.
        let mut x = MARGIN_X;
        for (i, column) in table.columns.iter().enumerate() {
            if matches!(row.cells.get(i), Some(Cell::Bar)) {
                let bar_height = 7.0_f32.min(lines.height - 2.0);
                self.push(Item::Rect {
                    x: x + 0.6,
                    y: top + (lines.height - bar_height) / 2.0,
                    width: column.width - 1.2,
                    height: bar_height,
                    color: Rgb::ACCENT,
                });
            }
            x += column.width;
        }
        let indent = f32::from(row.indent) * INDENT_STEP;
        self.draw_cells(
            table,
            &lines.cells,
            style,
            indent,
            row.kind == RowKind::Section,
        );
        self.y += lines.height;
        self.push(Item::Line {
            from: (MARGIN_X, self.y),
            to: (MARGIN_X + width, self.y),
            width: 0.4,
            color: Rgb::RULE,
            dash: Dash::Solid,
        });
        if let Some(page) = self.pages.last_mut() {
            page.table_rows.push(PlacedRow {
                table: id,
                row: Some(index),
                top,
                bottom: self.y,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("embedded fonts")
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let fonts = fonts();
        let text = "Agogische medewerkers zijn ondersteund en geïnspireerd in hun sociaal-cultureel handelen, met een Donaudampfschifffahrtsgesellschaftskapitänswitwe.";
        for width in [40.0, 90.0, 200.0, 1000.0] {
            let lines = wrap(&fonts, Weight::Regular, 10.0, text, width);
            for line in &lines {
                let w = fonts.width(Weight::Regular, 10.0, line);
                assert!(
                    w <= width + 1e-3 || line.chars().count() == 1,
                    "{line:?} {w} > {width}"
                );
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(joined, original);
        }
        assert_eq!(
            wrap(&fonts, Weight::Regular, 10.0, "", 100.0),
            vec![String::new()]
        );
    }

    #[test]
    fn fit_shortens_with_an_ellipsis() {
        let fonts = fonts();
        let long = "Een heel lange omschrijving van een activiteit";
        let short = fit(&fonts, Weight::Regular, 9.0, long, 60.0);
        assert!(short.ends_with('…'));
        assert!(fonts.width(Weight::Regular, 9.0, &short) <= 60.0);
        assert_eq!(fit(&fonts, Weight::Regular, 9.0, "kort", 60.0), "kort");
    }

    fn small_table() -> Table {
        Table {
            columns: Table::label_and_values(CONTENT_WIDTH, 2, 60.0),
            header: vec!["".into(), "2021".into(), "2022".into()],
            rows: (0..4)
                .map(|i| {
                    TableRow::new(vec![Cell::text(format!("rij {i}")), Cell::Bar, Cell::Empty])
                })
                .collect(),
        }
    }

    #[test]
    fn a_small_table_and_its_label_move_together_to_the_next_page() {
        let fonts = fonts();
        let mut flow = Flow::new(&fonts);
        // Fill the page until a table of five rows no longer fits but its first rows would.
        while flow.y() < CONTENT_BOTTOM - 60.0 {
            flow.paragraph("tekst", Style::BODY, 0.0);
        }
        flow.labelled_table("Inzet en middelen", &small_table());
        let (pages, _) = flow.finish();
        assert_eq!(pages.len(), 2);
        assert!(pages[0].table_rows.is_empty());
        assert_eq!(pages[1].table_rows.len(), 5);
        assert_eq!(pages[1].texts().next(), Some("Inzet en middelen"));
    }

    #[test]
    fn paragraphs_continue_on_a_new_page() {
        let fonts = fonts();
        let mut flow = Flow::new(&fonts);
        let text = "woord ".repeat(3000);
        flow.paragraph(&text, Style::BODY, 0.0);
        let (pages, _) = flow.finish();
        assert!(pages.len() > 2);
        for page in &pages {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y > MARGIN_TOP && *y < CONTENT_BOTTOM);
                }
            }
        }
    }
}
