//! The whole plan as an A4 PDF report: title page, contents with page numbers, mission and
//! priorities, the narrative sections, every strategic goal with its operational goals (texts,
//! indicators with targets, the timing as a year grid, staff and means), the staffing and budget
//! tables (the same [`tables::plan_tables`] the XLSX and CSV exports write), the FTE and cost
//! charts and the warnings still open. Dutch or English; numbers in nl-BE notation.
//!
//! Pure: [`write_pdf`] turns a plan and its summary into bytes; the date is passed in. The report
//! is first laid out as a [`layout::Document`] ([`report_document`]), which tests inspect, and
//! then written with krilla ([`render`]).

mod chart;
pub mod fonts;
pub mod layout;
mod render;

use self::chart::{BarChart, BarSeries, LineSeries};
use self::fonts::Fonts;
use self::layout::{
    Align, CONTENT_WIDTH, Cell, Column, Dash, Document, FOOTER_BASELINE, Flow, Heading, Item,
    MARGIN_X, PAGE_WIDTH, Page, Rgb, RowKind, Style, Table, TableRow, Weight, fit, wrap,
};
use super::ExportError;
use super::tables;
use crate::calc::{GoalFigures, Series, Summary};
use crate::i18n::{Lang, Tr, tr};
use crate::model::{Comparator, GoalKind, Id, Indicator, OperationalGoal, Plan};
use crate::numfmt;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The plan as a PDF file. `today` (`YYYY-MM-DD`) is the date on the title page.
pub fn write_pdf(
    plan: &Plan,
    summary: &Summary,
    lang: Lang,
    today: &str,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::load().ok_or(ExportError::Font)?;
    let document = lay_out(&fonts, plan, summary, lang, today);
    render::render(&document, &fonts, today)
}

/// The report laid out in pages, before it is written as PDF.
pub fn report_document(
    plan: &Plan,
    summary: &Summary,
    lang: Lang,
    today: &str,
) -> Result<Document, ExportError> {
    let fonts = Fonts::load().ok_or(ExportError::Font)?;
    Ok(lay_out(&fonts, plan, summary, lang, today))
}

/// One table laid out on its own, from the top of a page.
pub fn table_pages(table: &Table) -> Result<Vec<Page>, ExportError> {
    let fonts = Fonts::load().ok_or(ExportError::Font)?;
    let mut flow = Flow::new(&fonts);
    flow.table(table);
    Ok(flow.finish().0)
}

fn f64_of(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

fn decimal_of(value: f64) -> Decimal {
    Decimal::from_f64_retain(value).unwrap_or_default()
}

/// `30 november 2026` from `2026-11-30`; other text as it is.
fn long_date(iso: &str, t: &Tr) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    if let [year, month, day] = parts[..]
        && let (Ok(y), Ok(m), Ok(d)) = (
            year.parse::<i32>(),
            month.parse::<usize>(),
            day.parse::<u32>(),
        )
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        return format!("{d} {} {y}", t.months[m - 1]);
    }
    iso.to_string()
}

fn period(plan: &Plan) -> String {
    format!("{}–{}", plan.meta.first_year, plan.meta.last_year)
}

fn lay_out(fonts: &Fonts, plan: &Plan, summary: &Summary, lang: Lang, today: &str) -> Document {
    let t = tr(lang);
    let mut body = Body {
        flow: Flow::new(fonts),
        plan,
        summary,
        t,
        lang,
        chapter: 0,
        tables: tables::plan_tables(plan, summary, lang),
    };
    body.mission();
    body.sections();
    body.goals();
    body.staffing();
    body.budget();
    body.charts();
    body.warnings();
    let (body_pages, body_headings) = body.flow.finish();

    // The contents come before the body, so the body's page numbers depend on how many pages
    // the contents take: count them first (the count does not depend on the numbers).
    let contents_pages = contents(fonts, t, &body_headings, 0).len();
    let offset = 1 + contents_pages;
    let mut pages = vec![title_page(fonts, plan, t, today)];
    pages.extend(contents(fonts, t, &body_headings, offset));
    pages.extend(body_pages);
    let mut headings = vec![Heading {
        level: 1,
        title: t.pdf_contents.to_string(),
        page: 1,
        y: layout::MARGIN_TOP,
    }];
    headings.extend(body_headings.into_iter().map(|h| Heading {
        page: h.page + offset,
        ..h
    }));
    let footer = format!("{} – {}", plan.meta.organisation, plan.meta.title);
    add_footers(fonts, &mut pages, &footer, t);
    Document {
        pages,
        headings,
        title: plan.meta.title.clone(),
        language: lang.tag().to_string(),
    }
}

/// Lines of `text` placed from `y` down; returns the y below them.
fn place(items: &mut Vec<Item>, fonts: &Fonts, text: &str, style: Style, x: f32, y: f32) -> f32 {
    let mut y = y;
    for line in wrap(fonts, style.weight, style.size, text, CONTENT_WIDTH) {
        items.push(Item::Text {
            x,
            y: style.baseline(y),
            text: line,
            weight: style.weight,
            size: style.size,
            color: style.color,
        });
        y += style.line_height;
    }
    y
}

fn title_page(fonts: &Fonts, plan: &Plan, t: &Tr, today: &str) -> Page {
    let mut items = vec![Item::Rect {
        x: 0.0,
        y: 0.0,
        width: PAGE_WIDTH,
        height: 14.0,
        color: Rgb::ACCENT,
    }];
    let big = |size: f32, weight: Weight, color: Rgb| Style {
        weight,
        size,
        line_height: size * 1.25,
        color,
    };
    let meta = &plan.meta;
    let mut y = 210.0;
    y = place(
        &mut items,
        fonts,
        &meta.organisation,
        big(30.0, Weight::Bold, Rgb::ACCENT),
        MARGIN_X,
        y,
    );
    y += 8.0;
    y = place(
        &mut items,
        fonts,
        &meta.title,
        big(20.0, Weight::Bold, Rgb::TEXT),
        MARGIN_X,
        y,
    );
    y += 4.0;
    y = place(
        &mut items,
        fonts,
        &period(plan),
        big(14.0, Weight::Regular, Rgb::MUTED),
        MARGIN_X,
        y,
    );
    y += 18.0;
    items.push(Item::Line {
        from: (MARGIN_X, y),
        to: (MARGIN_X + CONTENT_WIDTH, y),
        width: 1.0,
        color: Rgb::ACCENT,
        dash: Dash::Solid,
    });
    y += 16.0;
    if !meta.scenario.is_empty() {
        y = place(&mut items, fonts, t.scenario, Style::LABEL, MARGIN_X, y);
        y = place(
            &mut items,
            fonts,
            &meta.scenario,
            Style::BODY_BOLD,
            MARGIN_X,
            y,
        );
        if !meta.scenario_description.is_empty() {
            y = place(
                &mut items,
                fonts,
                &meta.scenario_description,
                Style::BODY,
                MARGIN_X,
                y,
            );
        }
        y += 10.0;
    }
    if !meta.author.is_empty() {
        y = place(&mut items, fonts, t.author, Style::LABEL, MARGIN_X, y);
        y = place(&mut items, fonts, &meta.author, Style::BODY, MARGIN_X, y);
        y += 10.0;
    }
    y = place(&mut items, fonts, t.pdf_date, Style::LABEL, MARGIN_X, y);
    place(
        &mut items,
        fonts,
        &long_date(today, t),
        Style::BODY,
        MARGIN_X,
        y,
    );
    place(
        &mut items,
        fonts,
        t.pdf_made_with,
        Style::SMALL,
        MARGIN_X,
        layout::CONTENT_BOTTOM - Style::SMALL.line_height,
    );
    Page {
        items,
        table_rows: Vec::new(),
    }
}

/// The contents: chapters and strategic goals with their page numbers (`offset` + the body
/// page), each entry a link to its page.
fn contents(fonts: &Fonts, t: &Tr, headings: &[Heading], offset: usize) -> Vec<Page> {
    let mut flow = Flow::new(fonts);
    flow.heading(0, t.pdf_contents, Style::H1);
    flow.space(4.0);
    let number_width = 36.0;
    for heading in headings.iter().filter(|h| h.level <= 2) {
        let (style, indent) = if heading.level <= 1 {
            (Style::BODY_BOLD, 0.0)
        } else {
            (Style::BODY, 18.0)
        };
        if heading.level <= 1 {
            flow.space(5.0);
        }
        let width = CONTENT_WIDTH - indent - number_width - 8.0;
        let lines = wrap(fonts, style.weight, style.size, &heading.title, width);
        flow.ensure(lines.len() as f32 * style.line_height);
        let top = flow.y();
        let page_number = (heading.page + offset + 1).to_string();
        let count = lines.len();
        let mut last_end = MARGIN_X + indent;
        for (i, line) in lines.into_iter().enumerate() {
            if i + 1 == count {
                last_end = MARGIN_X + indent + fonts.width(style.weight, style.size, &line);
            }
            flow.paragraph(&line, style, indent);
        }
        let baseline = style.baseline(flow.y() - style.line_height);
        let number_x =
            MARGIN_X + CONTENT_WIDTH - fonts.width(style.weight, style.size, &page_number);
        if number_x - 6.0 > last_end + 6.0 {
            flow.push(Item::Line {
                from: (last_end + 6.0, baseline),
                to: (number_x - 6.0, baseline),
                width: 0.8,
                color: Rgb::MUTED,
                dash: Dash::Dotted,
            });
        }
        flow.push(Item::Text {
            x: number_x,
            y: baseline,
            text: page_number,
            weight: style.weight,
            size: style.size,
            color: style.color,
        });
        flow.push(Item::Link {
            x: MARGIN_X + indent,
            y: top,
            width: CONTENT_WIDTH - indent,
            height: flow.y() - top,
            page: heading.page + offset,
            target_y: heading.y,
        });
    }
    flow.finish().0
}

fn add_footers(fonts: &Fonts, pages: &mut [Page], left: &str, t: &Tr) {
    let total = pages.len();
    let style = Style::SMALL;
    for (i, page) in pages.iter_mut().enumerate() {
        let number = format!("{} {} {} {}", t.pdf_page, i + 1, t.pdf_of, total);
        let number_width = fonts.width(style.weight, style.size, &number);
        page.items.push(Item::Line {
            from: (MARGIN_X, FOOTER_BASELINE - 11.0),
            to: (MARGIN_X + CONTENT_WIDTH, FOOTER_BASELINE - 11.0),
            width: 0.4,
            color: Rgb::RULE,
            dash: Dash::Solid,
        });
        page.items.push(Item::Text {
            x: MARGIN_X,
            y: FOOTER_BASELINE,
            text: fit(
                fonts,
                style.weight,
                style.size,
                left,
                CONTENT_WIDTH - number_width - 20.0,
            ),
            weight: style.weight,
            size: style.size,
            color: style.color,
        });
        page.items.push(Item::Text {
            x: MARGIN_X + CONTENT_WIDTH - number_width,
            y: FOOTER_BASELINE,
            text: number,
            weight: style.weight,
            size: style.size,
            color: style.color,
        });
    }
}

/// The text of a cell of an export table, in nl-BE notation.
fn cell_text(cell: &tables::Cell) -> String {
    match cell {
        tables::Cell::Empty => String::new(),
        tables::Cell::Text(text) => text.clone(),
        tables::Cell::Number { value, unit } => match unit {
            tables::Unit::Fte => numfmt::fte(*value),
            tables::Unit::Euro => numfmt::euros(*value),
            tables::Unit::Plain => numfmt::exact(*value),
        },
    }
}

/// An export table as a table of the report: code columns as narrow as their codes, the name
/// column taking what the value columns leave.
fn report_table(fonts: &Fonts, table: &tables::Table) -> Table {
    let bold = Style::TABLE_BOLD;
    let measure = |text: &str| fonts.width(bold.weight, bold.size, text) + 9.0;
    let value_widths: Vec<f32> = (0..table.columns.len())
        .map(|j| {
            let header = table.column_headers.get(j).map_or(0.0, |h| measure(h));
            table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(j))
                .map(|c| measure(&cell_text(c)))
                .fold(header, f32::max)
                .max(34.0)
        })
        .collect();
    let label_count = table.label_headers.len();
    let mut label_widths: Vec<f32> = (0..label_count.saturating_sub(1))
        .map(|i| {
            let header = measure(&table.label_headers[i]);
            table
                .rows
                .iter()
                .filter(|r| r.style != tables::RowStyle::Heading)
                .filter_map(|r| r.labels.get(i))
                .map(|l| measure(l))
                .fold(header, f32::max)
                .min(90.0)
        })
        .collect();
    let used: f32 = value_widths.iter().sum::<f32>() + label_widths.iter().sum::<f32>();
    label_widths.push((CONTENT_WIDTH - used).max(80.0));
    let columns: Vec<Column> = label_widths
        .iter()
        .map(|&width| Column {
            width,
            align: Align::Left,
        })
        .chain(value_widths.iter().map(|&width| Column {
            width,
            align: Align::Right,
        }))
        .collect();
    let header: Vec<String> = table
        .label_headers
        .iter()
        .chain(&table.column_headers)
        .cloned()
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            if row.style == tables::RowStyle::Heading {
                let label: Vec<&str> = row
                    .labels
                    .iter()
                    .map(String::as_str)
                    .filter(|l| !l.is_empty())
                    .collect();
                return TableRow::new(vec![Cell::text(label.join(" "))]).kind(RowKind::Section);
            }
            let mut cells: Vec<Cell> = row.labels.iter().map(Cell::text).collect();
            cells.resize(label_count, Cell::Empty);
            cells.extend(row.cells.iter().map(|c| Cell::Text(cell_text(c))));
            let kind = match row.style {
                tables::RowStyle::Line | tables::RowStyle::Heading => RowKind::Normal,
                tables::RowStyle::Subtotal => RowKind::Emphasis,
                tables::RowStyle::Total => RowKind::Total,
            };
            TableRow::new(cells).kind(kind)
        })
        .collect();
    Table {
        columns,
        header,
        rows,
    }
}

/// What a priority's text adds to its title: the text often starts by repeating the title and
/// goes on with a new sentence or a list; otherwise the whole text.
fn beyond_title<'a>(title: &str, text: &'a str) -> &'a str {
    let text = text.trim();
    let title = title.trim().trim_end_matches(['.', ':']);
    let Some(rest) = text.strip_prefix(title) else {
        return text;
    };
    let after = rest.trim_start_matches(['.', ':']);
    let next = after.trim_start_matches([' ', '\t']);
    if next.is_empty() || after.starts_with('\n') || next.starts_with(char::is_uppercase) {
        after.trim()
    } else {
        text
    }
}

fn comparator(comparator: Comparator, t: &Tr) -> &'static str {
    match comparator {
        Comparator::AtLeast => t.at_least,
        Comparator::AtMost => t.at_most,
        Comparator::Exactly => t.exactly,
    }
}

/// The target of an indicator in words: `minstens 10 publicaties in 2023`.
fn target_text(indicator: &Indicator, t: &Tr) -> String {
    let Some(target) = &indicator.target else {
        return String::new();
    };
    let mut text = format!(
        "{} {}",
        comparator(target.comparator, t),
        numfmt::exact(target.value)
    );
    if !target.unit.is_empty() {
        text.push(' ');
        text.push_str(&target.unit);
    }
    if let Some(year) = target.year {
        text.push_str(&format!(" {} {year}", t.pdf_in_year));
    }
    text
}

/// The means of a goal per year, with the period total for the amounts.
fn means_table(figures: &GoalFigures, years: &[i32], t: &Tr) -> Table {
    let columns = Table::label_and_values(CONTENT_WIDTH, years.len() + 1, 58.0);
    let header: Vec<String> = std::iter::once(String::new())
        .chain(years.iter().map(|y| y.to_string()))
        .chain(std::iter::once(t.total.to_string()))
        .collect();
    let budget: Series = figures
        .operating
        .iter()
        .zip(&figures.fund_financed)
        .map(|(a, b)| a + b)
        .collect();
    let row = |label: &str, values: &Series, format: fn(Decimal) -> String, total: bool| {
        let mut cells = vec![Cell::text(label)];
        cells.extend(values.iter().map(|v| Cell::Text(format(*v))));
        cells.push(if total {
            Cell::Text(format(values.iter().sum()))
        } else {
            Cell::Empty
        });
        TableRow::new(cells)
    };
    let mut rows = vec![
        row(t.fte, &figures.fte, numfmt::fte, false),
        row(t.salary_cost, &figures.salary_cost, numfmt::euros, true),
        row(t.operating, &budget, numfmt::euros, true),
    ];
    if figures.fund_financed.iter().any(|v| !v.is_zero()) {
        rows.push(row(t.fund_financed, &figures.fund_financed, numfmt::euros, true).indent(1));
    }
    Table {
        columns,
        header,
        rows,
    }
}

/// What the report is built from, and the flow it is laid out in.
struct Body<'a> {
    flow: Flow<'a>,
    plan: &'a Plan,
    summary: &'a Summary,
    t: &'static Tr,
    lang: Lang,
    chapter: usize,
    tables: Vec<tables::Table>,
}

impl Body<'_> {
    fn chapter(&mut self, title: &str) {
        self.chapter += 1;
        self.flow.page_break();
        self.flow
            .heading(1, &format!("{} {title}", self.chapter), Style::H1);
    }

    fn text(&mut self, text: &str) {
        self.flow.rich_text(text, Style::BODY, 0.0);
    }

    fn labelled_text(&mut self, label: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.flow.label(label);
        self.text(text);
    }

    fn core_task_codes(&self, ids: &[Id]) -> String {
        ids.iter()
            .filter_map(|id| self.plan.core_tasks.iter().find(|c| c.id == *id))
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn mission(&mut self) {
        let (plan, t) = (self.plan, self.t);
        if plan.mission.trim().is_empty() && plan.priorities.is_empty() {
            return;
        }
        self.chapter(t.pdf_mission_priorities);
        if !plan.mission.trim().is_empty() {
            self.flow.heading(2, t.mission, Style::H2);
            self.text(&plan.mission);
        }
        if !plan.priorities.is_empty() {
            self.flow.heading(2, t.priorities, Style::H2);
            for (i, priority) in plan.priorities.iter().enumerate() {
                let number = format!("{}.", i + 1);
                self.flow.space(4.0);
                self.flow
                    .bullet(&number, &priority.title, Style::BODY_BOLD, 0.0);
                let rest = beyond_title(&priority.title, &priority.text);
                if !rest.is_empty() {
                    let hanging = self.flow.hanging(&number, Style::BODY_BOLD);
                    self.flow.rich_text(rest, Style::BODY, hanging);
                }
            }
        }
        if !plan.core_tasks.is_empty() {
            self.flow.heading(2, t.core_tasks, Style::H2);
            for task in &plan.core_tasks {
                self.flow.space(4.0);
                self.flow
                    .bullet(&task.code, &task.title, Style::BODY_BOLD, 0.0);
                if !task.description.trim().is_empty() {
                    let hanging = self.flow.hanging(&task.code, Style::BODY_BOLD);
                    self.flow.rich_text(&task.description, Style::BODY, hanging);
                }
            }
        }
    }

    fn sections(&mut self) {
        for section in &self.plan.sections {
            self.chapter(&section.title);
            self.text(&section.text);
        }
    }

    /// A table, under a label when there is one.
    fn table(&mut self, label: Option<&str>, table: &Table) {
        match label {
            Some(label) => self.flow.labelled_table(label, table),
            None => self.flow.table(table),
        }
    }

    fn indicator_table(&mut self, label: Option<&str>, indicators: &[Indicator]) {
        let t = self.t;
        let with_actuals = indicators.iter().any(|i| !i.actuals.is_empty());
        let target_width = 150.0;
        let actuals_width = if with_actuals { 110.0 } else { 0.0 };
        let mut columns = vec![
            Column {
                width: CONTENT_WIDTH - target_width - actuals_width,
                align: Align::Left,
            },
            Column {
                width: target_width,
                align: Align::Left,
            },
        ];
        let mut header = vec![t.pdf_indicator.to_string(), t.target.to_string()];
        if with_actuals {
            columns.push(Column {
                width: actuals_width,
                align: Align::Left,
            });
            header.push(t.actuals.to_string());
        }
        let rows = indicators
            .iter()
            .map(|indicator| {
                let mut cells = vec![
                    Cell::text(&indicator.text),
                    Cell::Text(target_text(indicator, t)),
                ];
                if with_actuals {
                    let actuals: Vec<String> = indicator
                        .actuals
                        .0
                        .iter()
                        .map(|(year, value)| format!("{year}: {}", numfmt::exact(*value)))
                        .collect();
                    cells.push(Cell::Text(actuals.join("; ")));
                }
                TableRow::new(cells)
            })
            .collect();
        self.table(
            label,
            &Table {
                columns,
                header,
                rows,
            },
        );
    }

    fn timing_table(&mut self, od: &OperationalGoal) {
        let (plan, t) = (self.plan, self.t);
        if od.activities.is_empty() {
            self.flow.label(t.pdf_timing);
            self.flow.paragraph(t.pdf_no_activities, Style::BODY, 0.0);
            return;
        }
        let years: Vec<i32> = plan.years().collect();
        let year_width = 30.0;
        let type_width = 95.0;
        let mut columns = vec![
            Column {
                width: type_width,
                align: Align::Left,
            },
            Column {
                width: (CONTENT_WIDTH - type_width - years.len() as f32 * year_width).max(80.0),
                align: Align::Left,
            },
        ];
        columns.extend(years.iter().map(|_| Column {
            width: year_width,
            align: Align::Center,
        }));
        let mut header = vec![t.activity_type.to_string(), t.activity.to_string()];
        header.extend(years.iter().map(|y| y.to_string()));
        let rows = od
            .activities
            .iter()
            .map(|activity| {
                let kind = plan
                    .activity_type(activity.activity_type)
                    .map_or("", |k| k.name.as_str());
                let mut cells = vec![Cell::text(kind), Cell::text(&activity.description)];
                cells.extend(years.iter().map(|y| {
                    if (activity.first_year..=activity.last_year).contains(y) {
                        Cell::Bar
                    } else {
                        Cell::Empty
                    }
                }));
                TableRow::new(cells)
            })
            .collect();
        self.flow.labelled_table(
            t.pdf_timing,
            &Table {
                columns,
                header,
                rows,
            },
        );
    }

    fn means(&mut self, id: Id) {
        if let Some(figures) = self.summary.goal(id) {
            let table = means_table(figures, &self.summary.years, self.t);
            self.flow.labelled_table(self.t.pdf_means, &table);
        }
    }

    fn small_line(&mut self, label: &str, value: &str) {
        if !value.is_empty() {
            self.flow
                .paragraph(&format!("{label}: {value}"), Style::SMALL, 0.0);
        }
    }

    fn goals(&mut self) {
        let (plan, t) = (self.plan, self.t);
        if plan.strategic_goals.is_empty() && plan.general_indicators.is_empty() {
            return;
        }
        self.chapter(t.pdf_goals);
        let mut first = true;
        if !plan.general_indicators.is_empty() {
            self.flow.heading(2, t.general_indicators, Style::H2);
            self.indicator_table(None, &plan.general_indicators);
            first = false;
        }
        for sd in &plan.strategic_goals {
            if !first {
                self.flow.page_break();
            }
            first = false;
            self.flow
                .heading(2, &format!("{} {}", sd.code, sd.title), Style::H2);
            if sd.kind == GoalKind::Internal {
                self.flow.paragraph(t.pdf_internal_goal, Style::SMALL, 0.0);
            }
            let tasks = self.core_task_codes(&sd.core_tasks);
            self.small_line(t.core_tasks, &tasks);
            self.text(&sd.description);
            if !sd.indicators.is_empty() {
                self.indicator_table(Some(t.indicators), &sd.indicators);
            }
            self.labelled_text(t.note, &sd.note);
            self.means(sd.id);
            for od in &sd.operational_goals {
                self.flow.space(6.0);
                self.flow
                    .heading(3, &format!("{} {}", od.code, od.title), Style::H3);
                let tasks = self.core_task_codes(&od.core_tasks);
                self.small_line(t.core_tasks, &tasks);
                self.labelled_text(t.situering, &od.situering);
                self.labelled_text(t.werking, &od.werking);
                if !od.indicators.is_empty() {
                    self.indicator_table(Some(t.indicators), &od.indicators);
                }
                self.timing_table(od);
                self.means(od.id);
                self.labelled_text(t.note, &od.note);
            }
        }
    }

    /// The export tables with these keys, each under its title.
    fn export_tables(&mut self, keys: &[&str]) {
        let fonts = self.flow.fonts();
        let tables: Vec<(String, Table)> = self
            .tables
            .iter()
            .filter(|table| keys.contains(&table.key))
            .map(|table| (table.title.clone(), report_table(fonts, table)))
            .collect();
        for (title, table) in tables {
            self.flow.heading(2, &title, Style::H2);
            self.flow.table(&table);
        }
    }

    fn staffing(&mut self) {
        self.chapter(self.t.panel_staffing);
        self.export_tables(&["fte", "salary_cost", "profiles"]);
    }

    fn budget(&mut self) {
        self.chapter(self.t.panel_budget);
        self.export_tables(&["operating", "overhead", "income", "budget", "accounts"]);
    }

    fn chart(&mut self, title: &str, chart: &BarChart) {
        let height = 280.0;
        self.flow.heading(2, title, Style::H2);
        let top = self.flow.reserve(height);
        for item in chart::draw(
            self.flow.fonts(),
            chart,
            MARGIN_X,
            top,
            CONTENT_WIDTH,
            height,
        ) {
            self.flow.push(item);
        }
        self.flow.space(10.0);
    }

    fn charts(&mut self) {
        let (s, t) = (self.summary, self.t);
        let values = |series: &Series| series.iter().map(|v| f64_of(*v)).collect::<Vec<f64>>();
        let nonzero = |series: &Series| series.iter().any(|v| !v.is_zero());
        let mut bars: Vec<BarSeries> = s
            .goals
            .iter()
            .enumerate()
            .map(|(i, goal)| BarSeries {
                label: goal.code.clone(),
                color: chart::goal_color(i),
                values: values(&goal.fte),
            })
            .collect();
        if nonzero(&s.fte_generic) {
            bars.push(BarSeries {
                label: t.generic_lines.to_string(),
                color: chart::GENERIC_COLOR,
                values: values(&s.fte_generic),
            });
        }
        if nonzero(&s.fte_support) {
            bars.push(BarSeries {
                label: t.support.to_string(),
                color: chart::SUPPORT_COLOR,
                values: values(&s.fte_support),
            });
        }
        let mut lines = Vec::new();
        if !self.plan.available_fte.is_empty() {
            lines.push(LineSeries {
                label: t.available.to_string(),
                color: chart::LINE_COLOR,
                values: values(&s.fte_available),
                dash: Dash::Dashed,
            });
        }
        let fte_chart = BarChart {
            years: s.years.clone(),
            bars,
            lines,
            unit: t.fte.to_string(),
            format: |v| numfmt::fte(decimal_of(v)),
            totals: true,
            min_step: 0.1,
        };
        let cost_chart = BarChart {
            years: s.years.clone(),
            bars: vec![
                BarSeries {
                    label: t.personnel.to_string(),
                    color: Rgb(31, 78, 135),
                    values: values(&s.personnel_total),
                },
                BarSeries {
                    label: t.operating.to_string(),
                    color: Rgb(95, 155, 210),
                    values: values(&s.operating_total),
                },
                BarSeries {
                    label: t.overhead.to_string(),
                    color: Rgb(175, 205, 232),
                    values: values(&s.overhead_total),
                },
            ],
            lines: vec![LineSeries {
                label: t.income_total.to_string(),
                color: Rgb(205, 95, 30),
                values: values(&s.income_total),
                dash: Dash::Solid,
            }],
            unit: t.pdf_euro.to_string(),
            format: |v| numfmt::euros(decimal_of(v)),
            totals: false,
            min_step: 1.0,
        };
        self.chapter(t.panel_charts);
        self.chart(t.chart_fte, &fte_chart);
        self.chart(t.chart_costs, &cost_chart);
    }

    fn warnings(&mut self) {
        let t = self.t;
        self.chapter(t.pdf_open_warnings);
        if self.summary.warnings.is_empty() {
            self.flow.paragraph(t.no_warnings, Style::BODY, 0.0);
            return;
        }
        for warning in &self.summary.warnings {
            let text = crate::i18n::describe_warning(warning, self.lang);
            self.flow.space(2.0);
            self.flow.bullet("•", &text, Style::BODY, 0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, NL};

    #[test]
    fn priority_texts_do_not_repeat_their_title() {
        assert_eq!(
            beyond_title("We doen X", "We doen X. Dat zit in ons DNA."),
            "Dat zit in ons DNA."
        );
        assert_eq!(
            beyond_title("We doen X", "We doen X:\n- a,\n- b."),
            "- a,\n- b."
        );
        assert_eq!(beyond_title("We doen X", "We doen X."), "");
        assert_eq!(
            beyond_title("We doen X", "We doen X: a, b en c."),
            "We doen X: a, b en c."
        );
        assert_eq!(beyond_title("We doen X", "Iets anders."), "Iets anders.");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(long_date("2026-11-30", &NL), "30 november 2026");
        assert_eq!(long_date("2026-03-01", &EN), "1 March 2026");
        assert_eq!(long_date("2026-13-01", &NL), "2026-13-01");
        assert_eq!(long_date("morgen", &NL), "morgen");
        assert_eq!(long_date("", &NL), "");
    }
}
