//! Blocks into a [`PlanDraft`]: the strategic and operational goals with their statements,
//! texts, indicators and activities, the mission, and every other block kept in a narrative
//! section, each with the line it came from.
//!
//! How the blocks are read:
//! - A block that starts with a goal code (see [`super::codes`]) states that goal; a goal met
//!   twice (an overview table and its own chapter) is one goal, its statement the longer
//!   version (the lines of both kept). `OD3` without its strategic goal belongs to the one read
//!   last. The statement runs to the end of the first line that ends a sentence (or the end of
//!   a heading); the rest of the block is the goal's text.
//! - After a goal: labels (`Situering`, `Werking`, `Indicatoren`, `Timing` ...) say where the
//!   next blocks go. Blocks after a goal stated in a heading are its text; after a goal stated
//!   in a paragraph (an overview) they are its text only when another goal or a label follows,
//!   not when a heading does.
//! - Indicators: list items (or the cells of an indicator table) after an `Indicatoren` label or
//!   heading, for the goal it names or the goal read last; `Algemene indicatoren` are the
//!   plan's own. The same indicator listed twice for one goal is one.
//! - Activities: the rows of a timing table under an operational goal: a table with year
//!   columns (marks) or a timing column, or lines that end in a year or a range of years
//!   (`2021-2025`, `2021 – 2023`), the kind of activity in front (`Ontwikkeltraject ...`).
//! - Headings of the top level (the shallowest level used at least three times) start a narrative
//!   section; a chapter called *Missie* is the mission. Every block not used for a goal is kept
//!   in the section it stands in; those met among the goals are listed as not recognised.

use super::codes::{Code, code_anywhere, code_at_start};
use super::extract::{Block, BlockKind, is_label};
use super::text::{Lexicon, ends_sentence, flow, key, snippet, tidy};
use crate::model::CodeStyle;

/// What a document's text makes: the tree of goals and the text around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDraft {
    /// How goal codes are written in the document (`SD1.OD2` or `OD1.2`).
    pub style: CodeStyle,
    /// The plan period the document names most (`2021-2025`), if any.
    pub period: Option<(i32, i32)>,
    pub goals: Vec<DraftGoal>,
    /// The plan's own indicators (`Algemene indicatoren`).
    pub general_indicators: Vec<DraftIndicator>,
    pub mission: Option<DraftSection>,
    pub sections: Vec<DraftSection>,
    /// Blocks among the goals that were not recognised (kept in their section's text), runs of
    /// consecutive blocks as one.
    pub unrecognised: Vec<Unrecognised>,
    /// Slips in the document that were put right.
    pub notes: Vec<DraftNote>,
    /// How many blocks (paragraphs, items, rows) were read, and the last line.
    pub blocks: usize,
    pub last_line: usize,
}

/// A slip in the document, put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftNote {
    /// An activity's years written last before first (`2021-2005`), read as `read`: from the
    /// first year to the end of the plan period (or that year alone).
    YearsReversed {
        line: usize,
        written: (i32, i32),
        read: (i32, i32),
    },
}

/// A strategic goal.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftGoal {
    pub internal: bool,
    pub number: u32,
    pub title: String,
    pub description: String,
    pub indicators: Vec<DraftIndicator>,
    pub operational: Vec<DraftOperational>,
    /// Every line where the goal was stated, first one first.
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftOperational {
    pub number: u32,
    pub title: String,
    pub situering: String,
    pub werking: String,
    pub indicators: Vec<DraftIndicator>,
    pub activities: Vec<DraftActivity>,
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftIndicator {
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftActivity {
    /// The kind of activity as the table names it (`Ontwikkeltraject`), if it does.
    pub kind: Option<String>,
    pub description: String,
    /// First and last year; `None` when the source gives none (the whole plan period).
    pub years: Option<(i32, i32)>,
    pub line: usize,
}

/// A narrative section: a chapter's text. `title` is `None` for the text before the first
/// heading.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSection {
    pub title: Option<String>,
    pub text: String,
    pub first_line: usize,
    pub last_line: usize,
}

/// Blocks among the goals that were not recognised: where, the first words, and the section
/// they are kept in.
#[derive(Debug, Clone, PartialEq)]
pub struct Unrecognised {
    pub first_line: usize,
    pub last_line: usize,
    pub snippet: String,
    pub section: Option<String>,
}

impl DraftGoal {
    /// The goal's code in a code style (`SD1`, `SDI2`).
    pub fn code(&self) -> String {
        if self.internal {
            format!("SDI{}", self.number)
        } else {
            format!("SD{}", self.number)
        }
    }

    /// The code of one of its operational goals in a code style.
    pub fn operational_code(&self, od: &DraftOperational, style: CodeStyle) -> String {
        let (sd, od_prefix) = if self.internal {
            ("SDI", "ODI")
        } else {
            ("SD", "OD")
        };
        match style {
            CodeStyle::SdOd => format!("{sd}{}.{od_prefix}{}", self.number, od.number),
            CodeStyle::Dotted => format!("{od_prefix}{}.{}", self.number, od.number),
        }
    }
}

impl PlanDraft {
    pub fn operational_count(&self) -> usize {
        self.goals.iter().map(|g| g.operational.len()).sum()
    }

    /// Indicators of goals of both levels and of the plan.
    pub fn indicator_count(&self) -> usize {
        self.general_indicators.len()
            + self
                .goals
                .iter()
                .map(|g| {
                    g.indicators.len()
                        + g.operational
                            .iter()
                            .map(|o| o.indicators.len())
                            .sum::<usize>()
                })
                .sum::<usize>()
    }

    pub fn activity_count(&self) -> usize {
        self.goals
            .iter()
            .flat_map(|g| &g.operational)
            .map(|o| o.activities.len())
            .sum()
    }
}

/// A goal in the draft: a strategic goal, or an operational goal of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalRef {
    Strategic(usize),
    Operational(usize, usize),
}

impl GoalRef {
    fn strategic(self) -> usize {
        match self {
            GoalRef::Strategic(s) | GoalRef::Operational(s, _) => s,
        }
    }
}

/// Where indicators go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Goal(GoalRef),
    General,
}

/// What the blocks read now are.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    /// Nothing in particular: narrative text.
    None,
    /// Just after a goal's statement.
    AfterStatement,
    Situering,
    Werking,
    /// Indicators for a target (none yet: a heading without a goal).
    Indicators(Option<Target>),
    /// The rows of a timing table; `years` the year columns of a grid.
    Timing,
    /// A part of a goal that is not read (a budget table): kept as text.
    Other,
}

/// Where a statement came from: a heading makes a goal's chapter, a paragraph may be an
/// overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Heading,
    Text,
}

/// A table being read.
#[derive(Debug, Clone, Default)]
struct Table {
    /// Column of each year (a grid of marks).
    year_columns: Vec<(usize, i32)>,
    /// Column with the years as text (`2021-2025`).
    timing_column: Option<usize>,
    type_column: Option<usize>,
    description_column: Option<usize>,
    indicator_column: Option<usize>,
}

struct Reader {
    lexicon: Lexicon,
    section_level: u8,
    draft: PlanDraft,
    /// The goal read last (strategic, and operational if any).
    goal: Option<GoalRef>,
    mode: Mode,
    /// The goal's statement came from a heading or from a paragraph.
    source: Source,
    /// The current section (an index in `draft.sections`), and whether it is a goal's chapter.
    section: Option<usize>,
    mission_section: Option<usize>,
    goal_chapter: bool,
    /// A goal whose statement is still to come (a code alone).
    pending_title: Option<GoalRef>,
    /// Blocks after a goal stated in a paragraph: its text if a goal or label follows.
    tentative: Vec<(usize, BlockKind, String)>,
    /// Lines of a timing row that has not reached its years yet.
    timing_rows: Vec<(usize, String)>,
    /// The years of a timing grid written as text (`Activiteit 2021 2022 2023`).
    timing_grid: Vec<i32>,
    table: Option<Table>,
    /// The kind of the block last kept in a section (to join items with single newlines).
    last_kept: Option<BlockKind>,
    /// Whether the last block was kept as not recognised (to extend the run).
    last_unrecognised: bool,
    style_votes: (usize, usize),
    periods: Vec<((i32, i32), usize)>,
}

/// Reads the blocks of a document into a draft.
pub fn recognise(blocks: &[Block]) -> PlanDraft {
    let mut lexicon = Lexicon::default();
    for block in blocks {
        lexicon.learn(&block.text);
    }
    let mut reader = Reader {
        lexicon,
        section_level: section_level(blocks),
        draft: PlanDraft::default(),
        goal: None,
        mode: Mode::None,
        source: Source::Text,
        section: None,
        mission_section: None,
        goal_chapter: false,
        pending_title: None,
        tentative: Vec::new(),
        timing_rows: Vec::new(),
        timing_grid: Vec::new(),
        table: None,
        last_kept: None,
        last_unrecognised: false,
        style_votes: (0, 0),
        periods: Vec::new(),
    };
    for block in blocks {
        reader.count_periods(&block.text);
        reader.block(block);
    }
    reader.finish(blocks)
}

/// The level of the headings that start a section: the shallowest level used at least three
/// times, else twice, else the shallowest used (two lines in capitals do not make chapters of
/// a text numbered `1.1`, `1.2` ...).
fn section_level(blocks: &[Block]) -> u8 {
    let mut counts = [0usize; 10];
    for block in blocks {
        if let BlockKind::Heading(level) = block.kind {
            counts[(level as usize).min(9)] += 1;
        }
    }
    (1..10)
        .find(|&l| counts[l] >= 3)
        .or_else(|| (1..10).find(|&l| counts[l] >= 2))
        .or_else(|| (1..10).find(|&l| counts[l] >= 1))
        .unwrap_or(1) as u8
}

/// What a short text labels: the mode it starts.
fn label_mode(text: &str) -> Option<Mode> {
    let lower = text.trim().trim_end_matches(':').trim().to_lowercase();
    Some(match lower.as_str() {
        "situering" | "context" | "aanleiding" | "toelichting" => Mode::Situering,
        "werking" | "aanpak" => Mode::Werking,
        "algemene indicatoren" => Mode::Indicators(Some(Target::General)),
        "indicatoren" | "indicator" | "indicators" | "indicator(en)" => Mode::Indicators(None),
        "timing" | "activiteiten" | "planning" => Mode::Timing,
        "begroting en personeelsinzet" | "personeelsinzet" | "middelen" | "begroting" => {
            Mode::Other
        }
        _ => return None,
    })
}

/// A short line about indicators (`Indicatoren strategische doelstelling 1`, `Strategische
/// doelstelling Indicatoren 2021-2025`): at most 8 words, no sentence.
fn is_indicator_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = lower.split_whitespace().count();
    words <= 8
        && !ends_sentence(text)
        && !text.trim_end().ends_with(':')
        && lower
            .split(|c: char| !c.is_alphanumeric() && c != '(' && c != ')')
            .any(|w| w.starts_with("indicator"))
}

/// Whether indicators named so are the plan's own (`Algemene indicatoren`).
fn is_general(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.contains("algemene") || lower.contains("generieke") || lower.contains("general"))
        && lower.contains("indicator")
}

/// A timing table's header: `Werking Timing`, `Timing`, `Activiteiten en timing` ...
fn is_timing_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.split_whitespace().count() <= 5
        && (lower.contains("timing") || lower.contains("tijdpad") || lower.contains("planning"))
}

/// A year a plan can be about.
fn year(text: &str) -> Option<i32> {
    let text = text.trim();
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| (1990..=2200).contains(y))
}

/// A range of years at the end of a text (`… 2021-2025`, `… 2021 – 2023`, `… (2023)`): the
/// text before it and the years.
fn trailing_years(text: &str) -> Option<(String, i32, i32)> {
    let text = text.trim_end().trim_end_matches([')', '.']).trim_end();
    let text = text.strip_suffix(|c| c == ')').unwrap_or(text);
    let last = text.get(text.len().checked_sub(4)?..)?;
    let last_year = year(last)?;
    let before = text[..text.len() - 4].trim_end();
    let before_dash = before
        .strip_suffix(['-', '–', '—'])
        .map(str::trim_end)
        .or_else(|| before.strip_suffix("t/m").map(str::trim_end))
        .or_else(|| before.strip_suffix(" tot").map(str::trim_end));
    let first = before_dash.and_then(|b| {
        let at = b.len().checked_sub(4)?;
        Some((b.get(..at)?.to_string(), year(b.get(at..)?)?))
    });
    let (rest, first_year) = first.unwrap_or_else(|| (before.to_string(), last_year));
    let rest = rest.trim_end().trim_end_matches(['(', ':', ',']).trim_end();
    Some((rest.to_string(), first_year, last_year))
}

/// The kinds of activity Planbord knows by name; a timing row that starts with one is split
/// there.
const KNOWN_KINDS: [&str; 4] = [
    "ontwikkeltraject",
    "aanbodgerichte werking",
    "kennisdeling",
    "vraaggestuurde werking",
];

/// A timing row's text as (kind, description): a known kind in front, else the words before
/// the second capitalised word (`Stakeholdersdialoog Dialoog met ...`, at most 3 words).
fn split_kind(text: &str) -> (Option<String>, String) {
    let lower = text.to_lowercase();
    if let Some(kind) = KNOWN_KINDS
        .iter()
        .filter(|k| {
            lower.starts_with(*k)
                && lower[k.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|k| k.len())
        && let (Some(name), Some(rest)) = (text.get(..kind.len()), text.get(kind.len()..))
    {
        return (Some(name.to_string()), rest.trim().to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if words.first().is_some_and(|w| capital(w))
        && let Some(at) = (1..words.len().min(4)).find(|&i| capital(words[i]))
    {
        return (Some(words[..at].join(" ")), words[at..].join(" "));
    }
    (None, text.to_string())
}

/// Marks in a grid of years: present or absent.
fn mark(token: &str) -> Option<bool> {
    match token.to_lowercase().as_str() {
        "x" | "✓" | "✔" | "●" | "•" | "v" | "ja" | "yes" | "*" => Some(true),
        "-" | "–" | "." | "o" | "○" | "nee" | "no" => Some(false),
        _ => None,
    }
}

impl Reader {
    fn block(&mut self, block: &Block) {
        self.draft.blocks += 1;
        self.draft.last_line = self.draft.last_line.max(block.line);
        match &block.kind {
            BlockKind::Heading(level) => self.heading(block, *level),
            BlockKind::Paragraph => self.paragraph(block),
            BlockKind::ListItem { level, .. } => self.list_item(block, *level),
            BlockKind::TableRow { cells, first } => self.table_row(block, cells, *first),
        }
    }

    fn flow(&self, text: &str) -> String {
        flow(text, &self.lexicon)
    }

    // ---- headings ----

    fn heading(&mut self, block: &Block, level: u8) {
        let text = self.flow(&block.text);
        self.end_timing();
        self.table = None;
        // A heading ends an overview: what was held for its last goal is not that goal's text.
        self.flush_tentative();
        let top = level <= self.section_level;
        if let Some((code, at)) = code_at_start(&text) {
            let rest = text[at..].to_string();
            if top {
                self.start_section(Some(text.clone()), block.line, true);
            }
            if is_timing_header(&rest) {
                let goal = self.resolve(code, &text);
                self.set_goal(goal);
                self.mode = Mode::Timing;
                return;
            }
            self.statement(code, &text, &rest, block.line, Source::Heading);
            return;
        }
        if is_indicator_heading(&text) {
            if top {
                self.start_section(Some(text.clone()), block.line, false);
            }
            self.mode = Mode::Indicators(self.indicator_target(&text));
            return;
        }
        if top {
            self.start_section(Some(text), block.line, false);
            return;
        }
        if self.goal.is_some() {
            if let Some(mode) = label_mode(&text) {
                self.mode = self.labelled(mode);
                return;
            }
            if is_timing_header(&text) {
                self.mode = Mode::Timing;
                return;
            }
            self.mode = Mode::Other;
        }
        self.keep(block.line, &BlockKind::Heading(level), &text);
    }

    fn start_section(&mut self, title: Option<String>, line: usize, goal_chapter: bool) {
        self.goal = None;
        self.mode = Mode::None;
        self.pending_title = None;
        self.goal_chapter = goal_chapter;
        let mission = title.as_deref().is_some_and(|t| {
            let lower = t.to_lowercase();
            lower.split_whitespace().count() <= 4
                && (lower.contains("missie") || lower.contains("mission"))
        });
        let title = title.map(|t| tidy(&t));
        self.draft.sections.push(DraftSection {
            title,
            text: String::new(),
            first_line: line,
            last_line: line,
        });
        self.section = Some(self.draft.sections.len() - 1);
        if mission && self.mission_section.is_none() {
            self.mission_section = self.section;
        }
        self.last_kept = None;
        self.last_unrecognised = false;
    }

    // ---- paragraphs ----

    fn paragraph(&mut self, block: &Block) {
        let first_line = block.text.lines().next().unwrap_or("");
        if let Some((code, at)) = code_at_start(first_line)
            && has_words(&first_line[at..])
        {
            let (statement, rest) = self.split_statement(&block.text, at);
            self.end_timing();
            if is_timing_header(&statement) {
                self.commit_tentative();
                let goal = self.resolve(code, first_line);
                self.set_goal(goal);
                self.mode = Mode::Timing;
                return;
            }
            if is_indicator_heading(&statement) && !statement.is_empty() {
                self.commit_tentative();
                let goal = self.resolve(code, first_line);
                self.set_goal(goal);
                self.mode = Mode::Indicators(Some(Target::Goal(goal)));
                return;
            }
            self.statement(code, first_line, &statement, block.line, Source::Text);
            if !rest.is_empty() {
                self.goal_text(block.line, &BlockKind::Paragraph, &rest);
            }
            return;
        }
        let text = self.flow(&block.text);
        if let Some(goal) = self.pending_title.take()
            && !is_label(&text)
        {
            self.set_title(goal, &text);
            return;
        }
        if is_label(&text)
            && let Some(mode) = label_mode(&text)
        {
            self.end_timing();
            if self.goal.is_some() || mode == Mode::Indicators(Some(Target::General)) {
                self.commit_tentative();
                self.mode = self.labelled(mode);
                if self.mode == Mode::Other {
                    // A part that is not read (a budget table): its label stays with it.
                    self.keep(block.line, &BlockKind::Paragraph, &text);
                }
                return;
            }
        }
        if is_indicator_heading(&text) {
            self.end_timing();
            self.commit_tentative();
            self.mode = Mode::Indicators(self.indicator_target(&text));
            return;
        }
        if let Some(indicator) = strip_prefix_ci(&text, &["indicator:", "indicator -"])
            && let Some(GoalRef::Operational(..) | GoalRef::Strategic(_)) = self.goal
        {
            self.commit_tentative();
            let goal = self.goal.expect("a goal");
            self.add_indicator(Target::Goal(goal), indicator.trim(), block.line);
            return;
        }
        if self.goal.is_some() && is_timing_header(&text) && self.in_operational() {
            self.end_timing();
            self.mode = Mode::Timing;
            return;
        }
        match self.mode {
            Mode::Timing => {
                self.timing_text(block.line, &text);
                return;
            }
            Mode::Indicators(Some(_)) if text.trim_end().ends_with(':') => {
                self.keep(block.line, &BlockKind::Paragraph, &text);
                return;
            }
            Mode::Indicators(_) => self.mode = Mode::Other,
            _ => {}
        }
        self.goal_text(block.line, &BlockKind::Paragraph, &text);
    }

    /// A code block's text after the code: the statement (to the end of the first line that
    /// ends a sentence, or before a line that starts a new sentence after a lowercase word:
    /// `OD1.1 Vorming voor starters` / `We organiseren ...`) and the rest.
    fn split_statement(&self, text: &str, code_end: usize) -> (String, String) {
        let mut statement = String::new();
        let mut rest = String::new();
        let mut done = false;
        for (i, line) in text.lines().enumerate() {
            let line = if i == 0 { &line[code_end..] } else { line };
            if !done && i > 0 && new_sentence(&statement, line) {
                done = true;
            }
            let target = if done { &mut rest } else { &mut statement };
            if !target.is_empty() {
                target.push('\n');
            }
            target.push_str(line);
            if !done && ends_sentence(line) {
                done = true;
            }
        }
        (self.flow(&statement), self.flow(&rest))
    }

    // ---- list items ----

    fn list_item(&mut self, block: &Block, level: u8) {
        let text = self.flow(&block.text);
        if let Some((code, at)) = code_at_start(&text)
            && has_words(&text[at..])
        {
            self.end_timing();
            let statement = text[at..].to_string();
            self.statement(code, &text, &statement, block.line, Source::Text);
            return;
        }
        match self.mode {
            Mode::Indicators(Some(target)) => {
                self.commit_tentative();
                if level > 0 && self.extend_last_indicator(target, &text) {
                    return;
                }
                self.add_indicator(target, &text, block.line);
            }
            Mode::Timing if self.in_operational() => {
                self.activity_from_item(block.line, &text);
            }
            _ => {
                let kind = BlockKind::ListItem {
                    level,
                    ordered: false,
                };
                self.goal_text(block.line, &kind, &text);
            }
        }
    }

    // ---- tables ----

    fn table_row(&mut self, block: &Block, cells: &[String], first: bool) {
        self.end_timing();
        let cells: Vec<String> = cells.iter().map(|c| self.flow(c)).collect();
        if first {
            self.table = Some(table_header(&cells));
        }
        let mut used = false;
        let mut rest: Vec<&str> = Vec::new();
        for (column, cell) in cells.iter().enumerate() {
            let first_line = cell.lines().next().unwrap_or("");
            if let Some((code, at)) = code_at_start(first_line) {
                let (statement, _) = self.split_statement(cell, at);
                if is_indicator_heading(&statement) || statement.is_empty() {
                    let goal = self.resolve(code, first_line);
                    self.set_goal(goal);
                } else {
                    self.statement(code, first_line, &statement, block.line, Source::Text);
                }
                used = true;
            } else if !cell.is_empty() {
                rest.push(cells[column].as_str());
            }
        }
        let table = self.table.clone().unwrap_or_default();
        if first && (table.indicator_column.is_some() || is_timing_table(&table)) {
            // A header row: it tells how the rows are read.
            if is_timing_table(&table) && self.in_operational() {
                self.mode = Mode::Timing;
                return;
            }
            if let Some(column) = table.indicator_column
                && cells.get(column).is_some_and(|c| is_indicator_heading(c))
            {
                self.mode = Mode::Indicators(self.goal.map(Target::Goal));
                return;
            }
        }
        if is_timing_table(&table)
            && self.in_operational()
            && !first
            && self.activity_from_row(&table, &cells, block.line)
        {
            return;
        }
        if let Some(column) = table.indicator_column
            && let Some(goal) = self.goal
        {
            if let Some(cell) = cells.get(column) {
                for line in cell.lines().map(strip_bullet).filter(|l| !l.is_empty()) {
                    self.add_indicator(Target::Goal(goal), line, block.line);
                }
            }
            return;
        }
        if let Mode::Indicators(Some(target)) = self.mode {
            let mut found = false;
            for cell in &rest {
                for line in cell.lines().filter(|l| is_bulleted(l)) {
                    self.add_indicator(target, strip_bullet(line), block.line);
                    found = true;
                }
            }
            if found || used {
                return;
            }
        }
        if used && rest.is_empty() {
            return;
        }
        let text = if used {
            rest.join(" | ")
        } else {
            cells.join(" | ")
        };
        let kind = BlockKind::TableRow {
            cells: Vec::new(),
            first,
        };
        self.keep_or_tentative(block.line, &kind, &text);
    }

    // ---- goals ----

    /// A goal's statement: the goal (made if new), its title merged, the context set.
    fn statement(&mut self, code: Code, raw: &str, statement: &str, line: usize, source: Source) {
        let goal = self.resolve(code, raw);
        // Another goal follows: what was held for the goal before was its text.
        self.commit_tentative();
        self.set_goal(goal);
        self.source = source;
        self.add_line(goal, line);
        let statement = statement.trim();
        if statement.is_empty() {
            self.pending_title = Some(goal);
        } else {
            self.pending_title = None;
            self.set_title(goal, statement);
        }
        // In an indicator table a goal's statement names the goal the indicators are for.
        self.mode = match (&self.mode, source) {
            (Mode::Indicators(_), Source::Text) => Mode::Indicators(Some(Target::Goal(goal))),
            _ => Mode::AfterStatement,
        };
        if source == Source::Heading {
            self.goal_chapter = true;
        }
    }

    fn set_goal(&mut self, goal: GoalRef) {
        self.goal = Some(goal);
        self.last_unrecognised = false;
    }

    fn in_operational(&self) -> bool {
        matches!(self.goal, Some(GoalRef::Operational(..)))
    }

    /// The goal a code names, made when new; `raw` is the text the code was read from (its
    /// first letter tells the code style: `SD1.OD2` or `OD1.2`).
    fn resolve(&mut self, code: Code, raw: &str) -> GoalRef {
        let first = raw
            .trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
            .chars()
            .next();
        if !code.is_strategic() && code.strategic.is_some() {
            match first {
                Some('S') => self.style_votes.0 += 1,
                Some('O' | '0') => self.style_votes.1 += 1,
                _ => {}
            }
        }
        let strategic_number = code.strategic.or_else(|| {
            self.goal
                .map(|g| &self.draft.goals[g.strategic()])
                .filter(|g| g.internal == code.internal)
                .map(|g| g.number)
        });
        let sd = self.find_or_make(code.internal, strategic_number.unwrap_or(1));
        match code.operational {
            None => GoalRef::Strategic(sd),
            Some(number) => {
                let goal = &mut self.draft.goals[sd];
                let od = match goal.operational.iter().position(|o| o.number == number) {
                    Some(i) => i,
                    None => {
                        goal.operational.push(DraftOperational {
                            number,
                            title: String::new(),
                            situering: String::new(),
                            werking: String::new(),
                            indicators: Vec::new(),
                            activities: Vec::new(),
                            lines: Vec::new(),
                        });
                        goal.operational.len() - 1
                    }
                };
                GoalRef::Operational(sd, od)
            }
        }
    }

    fn find_or_make(&mut self, internal: bool, number: u32) -> usize {
        if let Some(i) = self
            .draft
            .goals
            .iter()
            .position(|g| g.internal == internal && g.number == number)
        {
            return i;
        }
        self.draft.goals.push(DraftGoal {
            internal,
            number,
            title: String::new(),
            description: String::new(),
            indicators: Vec::new(),
            operational: Vec::new(),
            lines: Vec::new(),
        });
        self.draft.goals.len() - 1
    }

    fn add_line(&mut self, goal: GoalRef, line: usize) {
        let lines = match goal {
            GoalRef::Strategic(s) => &mut self.draft.goals[s].lines,
            GoalRef::Operational(s, o) => &mut self.draft.goals[s].operational[o].lines,
        };
        if !lines.contains(&line) {
            lines.push(line);
        }
    }

    /// Merges a statement into the goal's title: the longer wins; of two equal ones, the one
    /// that ends a sentence.
    fn set_title(&mut self, goal: GoalRef, statement: &str) {
        let statement = statement.trim().trim_matches(['*', '_']).trim().to_string();
        let title = match goal {
            GoalRef::Strategic(s) => &mut self.draft.goals[s].title,
            GoalRef::Operational(s, o) => &mut self.draft.goals[s].operational[o].title,
        };
        let (old, new) = (key(title), key(&statement));
        if old.is_empty()
            || new.chars().count() > old.chars().count()
            || (new == old && ends_sentence(&statement) && !ends_sentence(title))
        {
            *title = statement;
        }
    }

    /// The target of indicators a heading or label names: the goal in its text, else the
    /// goal read last; the plan for general indicators.
    fn indicator_target(&mut self, text: &str) -> Option<Target> {
        if is_general(text) {
            return Some(Target::General);
        }
        if let Some(code) = code_anywhere(text) {
            let goal = self.resolve(code, text);
            self.set_goal(goal);
            return Some(Target::Goal(goal));
        }
        self.goal.map(Target::Goal)
    }

    /// The mode a label starts, with the goal read last as indicator target.
    fn labelled(&mut self, mode: Mode) -> Mode {
        match mode {
            Mode::Indicators(None) => Mode::Indicators(self.goal.map(Target::Goal)),
            Mode::Timing if !self.in_operational() => Mode::Other,
            other => other,
        }
    }

    fn add_indicator(&mut self, target: Target, text: &str, line: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let list = match target {
            Target::General => &mut self.draft.general_indicators,
            Target::Goal(GoalRef::Strategic(s)) => &mut self.draft.goals[s].indicators,
            Target::Goal(GoalRef::Operational(s, o)) => {
                &mut self.draft.goals[s].operational[o].indicators
            }
        };
        let new = key(text);
        if list.iter().any(|i| key(&i.text) == new) {
            return;
        }
        list.push(DraftIndicator {
            text: text.to_string(),
            line,
        });
        self.last_unrecognised = false;
    }

    /// A nested list item under an indicator: part of it.
    fn extend_last_indicator(&mut self, target: Target, text: &str) -> bool {
        let list = match target {
            Target::General => &mut self.draft.general_indicators,
            Target::Goal(GoalRef::Strategic(s)) => &mut self.draft.goals[s].indicators,
            Target::Goal(GoalRef::Operational(s, o)) => {
                &mut self.draft.goals[s].operational[o].indicators
            }
        };
        match list.last_mut() {
            Some(last) => {
                if !key(&last.text).contains(&key(text)) {
                    last.text.push_str("\n- ");
                    last.text.push_str(text);
                }
                true
            }
            None => false,
        }
    }

    /// Text within a goal: its description, situering or werking by the mode; otherwise kept
    /// in the section.
    fn goal_text(&mut self, line: usize, kind: &BlockKind, text: &str) {
        let Some(goal) = self.goal else {
            self.keep(line, kind, text);
            return;
        };
        let tentative = self.mode == Mode::AfterStatement && self.source == Source::Text;
        if tentative {
            self.tentative.push((line, kind.clone(), text.to_string()));
            return;
        }
        let field = match (goal, &self.mode) {
            (GoalRef::Strategic(s), Mode::AfterStatement | Mode::Situering | Mode::Werking) => {
                &mut self.draft.goals[s].description
            }
            (GoalRef::Operational(s, o), Mode::AfterStatement | Mode::Situering) => {
                &mut self.draft.goals[s].operational[o].situering
            }
            (GoalRef::Operational(s, o), Mode::Werking) => {
                &mut self.draft.goals[s].operational[o].werking
            }
            _ => {
                self.keep(line, kind, text);
                return;
            }
        };
        append(field, kind, text);
        self.last_unrecognised = false;
    }

    /// Another goal or a label follows an overview's goal: what was held is its text.
    fn commit_tentative(&mut self) {
        if self.tentative.is_empty() {
            return;
        }
        let held = std::mem::take(&mut self.tentative);
        let source = self.source;
        self.source = Source::Heading;
        for (line, kind, text) in held {
            self.goal_text(line, &kind, &text);
        }
        self.source = source;
    }

    /// A heading follows an overview's goal: what was held is not its text.
    fn flush_tentative(&mut self) {
        for (line, kind, text) in std::mem::take(&mut self.tentative) {
            self.keep(line, &kind, &text);
        }
    }

    fn keep_or_tentative(&mut self, line: usize, kind: &BlockKind, text: &str) {
        if self.goal.is_some() && self.mode == Mode::AfterStatement && self.source == Source::Text {
            self.tentative.push((line, kind.clone(), text.to_string()));
        } else {
            self.keep(line, kind, text);
        }
    }

    // ---- activities ----

    fn timing_text(&mut self, line: usize, text: &str) {
        let trimmed = text.trim();
        if matches!(trimmed, "..." | "…" | "…." | "....") {
            self.keep(line, &BlockKind::Paragraph, text);
            return;
        }
        // A grid header written as text: `Activiteit 2021 2022 2023`.
        let tokens: Vec<&str> = trimmed.split_whitespace().collect();
        let years: Vec<i32> = tokens.iter().filter_map(|t| year(t)).collect();
        if years.len() >= 2 && years.len() * 2 >= tokens.len() {
            self.timing_grid = years;
            return;
        }
        if !self.timing_grid.is_empty() {
            let marks: Vec<bool> = tokens
                .iter()
                .rev()
                .map_while(|t| mark(t))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if marks.len() == self.timing_grid.len() && tokens.len() > marks.len() {
                let description = tokens[..tokens.len() - marks.len()].join(" ");
                let marked: Vec<i32> = self
                    .timing_grid
                    .iter()
                    .zip(&marks)
                    .filter(|(_, m)| **m)
                    .map(|(y, _)| *y)
                    .collect();
                let years = marked.first().zip(marked.last()).map(|(a, b)| (*a, *b));
                self.push_activity(None, description, years, line);
                return;
            }
        }
        self.timing_rows.push((line, text.to_string()));
        let joined = self
            .timing_rows
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((before, first, last)) = trailing_years(&joined) {
            let first_line = self.timing_rows[0].0;
            self.timing_rows.clear();
            let (kind, description) = split_kind(&before);
            self.push_activity(kind, description, Some((first, last)), first_line);
        } else if self.timing_rows.len() >= 6 {
            self.end_timing();
            self.mode = Mode::Other;
        }
    }

    /// A list item under a timing label: an activity, its years at the end if given.
    fn activity_from_item(&mut self, line: usize, text: &str) {
        match trailing_years(text) {
            Some((before, first, last)) => {
                self.push_activity(None, before, Some((first, last)), line)
            }
            None => self.push_activity(None, text.to_string(), None, line),
        }
    }

    fn activity_from_row(&mut self, table: &Table, cells: &[String], line: usize) -> bool {
        let years = if !table.year_columns.is_empty() {
            let marked: Vec<i32> = table
                .year_columns
                .iter()
                .filter(|(c, _)| cells.get(*c).is_some_and(|v| mark(v.trim()) == Some(true)))
                .map(|(_, y)| *y)
                .collect();
            marked.first().zip(marked.last()).map(|(a, b)| (*a, *b))
        } else {
            table
                .timing_column
                .and_then(|c| cells.get(c))
                .and_then(|v| trailing_years(v))
                .map(|(_, a, b)| (a, b))
        };
        let used: Vec<usize> = table
            .year_columns
            .iter()
            .map(|(c, _)| *c)
            .chain(table.timing_column)
            .chain(table.type_column)
            .collect();
        let description = match table.description_column {
            Some(c) => cells.get(c).cloned().unwrap_or_default(),
            None => cells
                .iter()
                .enumerate()
                .filter(|(c, v)| !used.contains(c) && !v.is_empty())
                .map(|(_, v)| v.clone())
                .max_by_key(|v| v.chars().count())
                .unwrap_or_default(),
        };
        let kind = table
            .type_column
            .and_then(|c| cells.get(c))
            .filter(|v| !v.trim().is_empty())
            .cloned();
        if description.is_empty() && kind.is_none() {
            return false;
        }
        self.push_activity(kind, description, years, line);
        true
    }

    fn push_activity(
        &mut self,
        kind: Option<String>,
        description: String,
        years: Option<(i32, i32)>,
        line: usize,
    ) {
        let Some(GoalRef::Operational(s, o)) = self.goal else {
            self.keep(line, &BlockKind::Paragraph, &description);
            return;
        };
        self.commit_tentative();
        let description = description
            .trim()
            .trim_end_matches([',', ';'])
            .trim()
            .to_string();
        self.draft.goals[s].operational[o]
            .activities
            .push(DraftActivity {
                kind: kind.map(|k| k.trim().to_string()).filter(|k| !k.is_empty()),
                description,
                years,
                line,
            });
        self.last_unrecognised = false;
    }

    /// A timing table ends: a row that never reached its years is kept as text.
    fn end_timing(&mut self) {
        self.timing_grid.clear();
        for (line, text) in std::mem::take(&mut self.timing_rows) {
            self.keep(line, &BlockKind::Paragraph, &text);
        }
        if self.mode == Mode::Timing {
            self.mode = Mode::Other;
        }
    }

    // ---- what is kept as text ----

    /// Keeps a block in the current section; among the goals it is listed as not recognised.
    fn keep(&mut self, line: usize, kind: &BlockKind, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let section = match self.section {
            Some(s) => s,
            None => {
                self.draft.sections.push(DraftSection {
                    title: None,
                    text: String::new(),
                    first_line: line,
                    last_line: line,
                });
                self.section = Some(self.draft.sections.len() - 1);
                self.draft.sections.len() - 1
            }
        };
        let entry = &mut self.draft.sections[section];
        let joined = matches!(
            (&self.last_kept, kind),
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
                | (Some(BlockKind::TableRow { .. }), BlockKind::TableRow { .. })
        );
        if !entry.text.is_empty() {
            entry.text.push_str(if joined { "\n" } else { "\n\n" });
        }
        match kind {
            BlockKind::ListItem { .. } => {
                entry.text.push_str("- ");
                entry.text.push_str(text.trim());
            }
            _ => entry.text.push_str(text.trim()),
        }
        entry.last_line = entry.last_line.max(line);
        self.last_kept = Some(kind.clone());
        if self.goal.is_some() || self.goal_chapter {
            let title = entry.title.clone();
            match self.draft.unrecognised.last_mut() {
                Some(run) if self.last_unrecognised => {
                    run.last_line = run.last_line.max(line);
                    // Name a run by words, not by a `...` it starts with.
                    if run.snippet.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                        run.snippet = snippet(text, 70);
                    }
                }
                _ => self.draft.unrecognised.push(Unrecognised {
                    first_line: line,
                    last_line: line,
                    snippet: snippet(text, 70),
                    section: title,
                }),
            }
            self.last_unrecognised = true;
        }
    }

    fn count_periods(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i + 9 <= bytes.len() {
            if let Some(a) = text.get(i..i + 4).and_then(year)
                && (i == 0 || !bytes[i - 1].is_ascii_digit())
            {
                let rest = &text[i + 4..];
                let after_dash = rest
                    .trim_start()
                    .strip_prefix(['-', '–'])
                    .map(str::trim_start);
                if let Some(after) = after_dash
                    && let Some(b) = after.get(..4).and_then(year)
                    && !after[4..].starts_with(|c: char| c.is_ascii_digit())
                    && (2..=9).contains(&(b - a))
                {
                    match self.periods.iter_mut().find(|(p, _)| *p == (a, b)) {
                        Some((_, n)) => *n += 1,
                        None => self.periods.push(((a, b), 1)),
                    }
                }
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }

    fn finish(mut self, _blocks: &[Block]) -> PlanDraft {
        self.end_timing();
        self.commit_tentative();
        let mut draft = self.draft;
        if let Some(m) = self.mission_section {
            let mission = draft.sections[m].clone();
            if !mission.text.trim().is_empty() {
                draft.mission = Some(mission);
                draft.sections[m].text.clear();
            }
        }
        draft.sections.retain(|s| !s.text.trim().is_empty());
        draft.style = if self.style_votes.1 > self.style_votes.0 {
            CodeStyle::Dotted
        } else {
            CodeStyle::SdOd
        };
        draft.period = self
            .periods
            .iter()
            .max_by_key(|((a, _), n)| (*n, *a))
            .map(|(p, _)| *p);
        // Years written last before first: from the first to the end of the plan period.
        for activity in draft
            .goals
            .iter_mut()
            .flat_map(|g| g.operational.iter_mut())
            .flat_map(|o| o.activities.iter_mut())
        {
            if let Some((first, last)) = activity.years
                && last < first
            {
                let end = draft.period.map_or(first, |(_, end)| end.max(first));
                activity.years = Some((first, end));
                draft.notes.push(DraftNote::YearsReversed {
                    line: activity.line,
                    written: (first, last),
                    read: (first, end),
                });
            }
        }
        draft.goals.sort_by_key(|g| (g.internal, g.number));
        for goal in &mut draft.goals {
            goal.operational.sort_by_key(|o| o.number);
        }
        draft
    }
}

/// Whether `line` starts a new sentence after the statement so far: it starts with a capital
/// and the statement's last word is lowercase, with no comma, colon or hyphen at its end (a
/// name running over lines, `het Brussels` / `Hoofdstedelijk Gewest`, continues).
fn new_sentence(statement: &str, line: &str) -> bool {
    let last = statement.trim_end();
    let last_word = last.split_whitespace().last().unwrap_or("");
    line.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        && !last.ends_with([',', ';', ':', '-', '–'])
        && last_word.chars().any(char::is_alphabetic)
        && last_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_lowercase)
}

/// Whether a statement has words (`SD1.OD1 124.628 147.952` in a budget table has none) and
/// starts as a statement does, not in lowercase (`OD2 is gericht op ...` in running text), or
/// is empty (the statement follows).
fn has_words(text: &str) -> bool {
    let text = text
        .trim()
        .trim_start_matches(['*', '_', '“', '‘', '"', '(']);
    text.is_empty()
        || (text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.chars().next().is_some_and(char::is_lowercase))
}

/// Appends a block's text to a goal's text field: paragraphs apart, list items as `- item`.
fn append(field: &mut String, kind: &BlockKind, text: &str) {
    let item = matches!(kind, BlockKind::ListItem { .. });
    if !field.is_empty() {
        let after_item = field.lines().last().is_some_and(|l| l.starts_with("- "));
        field.push_str(if item && after_item { "\n" } else { "\n\n" });
    }
    if item {
        field.push_str("- ");
    }
    field.push_str(text.trim());
}

fn strip_prefix_ci<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    let lower = text.to_lowercase();
    prefixes
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| text.get(p.len()..))
}

/// A line of a table cell that is a bullet (`• item`, `- item`).
fn is_bulleted(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('•' | '-' | '–' | '*' | '·' | '▪'), Some(c)) if c.is_whitespace()
    )
}

fn strip_bullet(line: &str) -> &str {
    if is_bulleted(line) {
        let trimmed = line.trim_start();
        let first = trimmed.chars().next().map_or(0, char::len_utf8);
        trimmed[first..].trim()
    } else {
        line.trim()
    }
}

/// How a table is read, from its first row.
fn table_header(cells: &[String]) -> Table {
    let mut table = Table::default();
    for (column, cell) in cells.iter().enumerate() {
        let lower = cell.trim().to_lowercase();
        if let Some(y) = year(&lower) {
            table.year_columns.push((column, y));
        } else if lower.contains("timing")
            || lower == "periode"
            || lower == "jaren"
            || lower == "wanneer"
            || lower == "planning"
        {
            table.timing_column = Some(column);
        } else if lower == "type" || lower == "soort" || lower == "werking" || lower == "kind" {
            table.type_column = Some(column);
        } else if lower.starts_with("activiteit")
            || lower == "omschrijving"
            || lower == "wat"
            || lower == "activity"
        {
            table.description_column = Some(column);
        } else if lower.starts_with("indicator") {
            table.indicator_column = Some(column);
        }
    }
    if table.year_columns.len() < 2 {
        table.year_columns.clear();
    }
    table
}

fn is_timing_table(table: &Table) -> bool {
    !table.year_columns.is_empty() || table.timing_column.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_at_the_end_of_a_row() {
        assert_eq!(
            trailing_years("Vorming voor starters 2021-2025"),
            Some(("Vorming voor starters".into(), 2021, 2025))
        );
        assert_eq!(
            trailing_years("Redactie 2021 – 2023 "),
            Some(("Redactie".into(), 2021, 2023))
        );
        assert_eq!(
            trailing_years("uitgevoerd in 2020 2021"),
            Some(("uitgevoerd in 2020".into(), 2021, 2021))
        );
        assert_eq!(
            trailing_years("Studiereis (2023)"),
            Some(("Studiereis".into(), 2023, 2023))
        );
        assert_eq!(trailing_years("geen jaar"), None);
        // Reversed (a typing slip) is read; the caller puts it right.
        assert_eq!(
            trailing_years("Beleid 2021-2005"),
            Some(("Beleid".into(), 2021, 2005))
        );
    }

    #[test]
    fn kinds_of_activity_in_front() {
        assert_eq!(
            split_kind("Aanbodgerichte werking Meet-ups digitale transformatie"),
            (
                Some("Aanbodgerichte werking".into()),
                "Meet-ups digitale transformatie".into()
            )
        );
        assert_eq!(
            split_kind("Stakeholdersdialoog Dialoog met stakeholders"),
            (
                Some("Stakeholdersdialoog".into()),
                "Dialoog met stakeholders".into()
            )
        );
        assert_eq!(
            split_kind("Vraaggestuurde werking"),
            (Some("Vraaggestuurde werking".into()), String::new())
        );
        assert_eq!(
            split_kind("vorming voor iedereen"),
            (None, "vorming voor iedereen".into())
        );
    }
}
