//! The yearly report (jaarverslag of one realised year) and the progress report (over the
//! realised years so far) as A4 PDF: title page, contents with page numbers and bookmarks, a
//! summary page (key figures planned, realised and their difference; indicators per verdict;
//! what became of the activities), then per strategic and operational goal the indicators with
//! target, realised value, verdict and explanation, the activities and the FTE and operating
//! cost planned against realised; the money (costs, income, result, reserves) and the staff
//! (in total, per goal, per function) with the differences and the explanations; the output
//! figures; charts of plan against realisation. Same engine as the plan report: tables never
//! split a row and repeat their header; every page says `pagina x van y`.
//!
//! Only lays out: every number is a figure of [`crate::calc::report`], formatted with
//! [`crate::numfmt`]; every word comes from [`crate::i18n`].

use super::fonts::Fonts;
use super::grouped_chart::{GroupSeries, GroupedChart, PLANNED_COLOR, REALISED_COLOR};
use super::layout::{
    Align, CONTENT_WIDTH, Cell, Column, Dash, Document, Flow, Heading, Item, MARGIN_X, PAGE_WIDTH,
    Page, Rgb, RowKind, Style, Table, TableRow, Weight,
};
use super::{add_footers, contents, decimal_of, f64_of, long_date, place};
use crate::calc::actuals::{FigureComparison, FigureUnit};
use crate::calc::report::{
    ProgressFigure, ProgressReport, Report, ReportActivity, ReportFigure, ReportGoal,
    ReportIndicator, ReportKind, YearReport,
};
use crate::exchange::ExportError;
use crate::i18n::{Lang, Tr, YearReportTexts, report_tr, tr};
use crate::model::{ActualFigure, OutputFigure, Plan};
use crate::numfmt;
use rust_decimal::Decimal;

/// The report as a PDF file. `today` (`YYYY-MM-DD`) is the date on the title page.
pub fn write_report_pdf(
    plan: &Plan,
    report: &Report,
    lang: Lang,
    today: &str,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::load().ok_or(ExportError::Font)?;
    let document = lay_out(&fonts, plan, report, lang, today);
    super::render::render(&document, &fonts, today)
}

/// The report laid out in pages, before it is written as PDF.
pub fn year_report_document(
    plan: &Plan,
    report: &Report,
    lang: Lang,
    today: &str,
) -> Result<Document, ExportError> {
    let fonts = Fonts::load().ok_or(ExportError::Font)?;
    Ok(lay_out(&fonts, plan, report, lang, today))
}

fn lay_out(fonts: &Fonts, plan: &Plan, report: &Report, lang: Lang, today: &str) -> Document {
    let t = tr(lang);
    let r = report_tr(lang);
    let title = r.title(report.kind(), &report.years());
    let mut body = Body {
        flow: Flow::new(fonts),
        lang,
        t,
        r,
        chapter: 0,
    };
    match report {
        Report::Year(report) => body.year(report),
        Report::Progress(report) => body.progress(report),
    }
    let (body_pages, body_headings) = body.flow.finish();
    let contents_pages = contents(fonts, t, &body_headings, 0).len();
    let offset = 1 + contents_pages;
    let mut pages = vec![title_page(fonts, plan, &title, t, r, today)];
    pages.extend(contents(fonts, t, &body_headings, offset));
    pages.extend(body_pages);
    let mut headings = vec![Heading {
        level: 1,
        title: t.pdf_contents.to_string(),
        page: 1,
        y: super::layout::MARGIN_TOP,
    }];
    headings.extend(body_headings.into_iter().map(|h| Heading {
        page: h.page + offset,
        ..h
    }));
    let footer = format!("{} – {title}", plan.meta.organisation);
    add_footers(fonts, &mut pages, &footer, t);
    Document {
        pages,
        headings,
        title: format!("{} – {title}", plan.meta.title),
        language: lang.tag().to_string(),
    }
}

fn title_page(
    fonts: &Fonts,
    plan: &Plan,
    title: &str,
    t: &Tr,
    r: &YearReportTexts,
    today: &str,
) -> Page {
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
    let mut y = 200.0;
    y = place(
        &mut items,
        fonts,
        &meta.organisation,
        big(30.0, Weight::Bold, Rgb::ACCENT),
        MARGIN_X,
        y,
    );
    y += 10.0;
    y = place(
        &mut items,
        fonts,
        title,
        big(24.0, Weight::Bold, Rgb::TEXT),
        MARGIN_X,
        y,
    );
    y += 8.0;
    y = place(
        &mut items,
        fonts,
        &meta.title,
        big(14.0, Weight::Regular, Rgb::TEXT),
        MARGIN_X,
        y,
    );
    y = place(
        &mut items,
        fonts,
        &format!("{} {}–{}", r.plan_period, meta.first_year, meta.last_year),
        big(12.0, Weight::Regular, Rgb::MUTED),
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
        super::layout::CONTENT_BOTTOM - Style::SMALL.line_height,
    );
    Page {
        items,
        table_rows: Vec::new(),
    }
}

/// A figure's value: FTE with up to two decimals, euros rounded.
fn value(unit: FigureUnit, value: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::fte(value),
        FigureUnit::Euro => numfmt::euros(value),
    }
}

fn signed(unit: FigureUnit, value: Decimal) -> String {
    match unit {
        FigureUnit::Fte => numfmt::signed_fte(value),
        FigureUnit::Euro => numfmt::signed_euros(value),
    }
}

fn columns(label: f32, values: &[f32], text: Option<f32>) -> Vec<Column> {
    let mut columns = vec![Column {
        width: label,
        align: Align::Left,
    }];
    columns.extend(values.iter().map(|&width| Column {
        width,
        align: Align::Right,
    }));
    if let Some(width) = text {
        columns.push(Column {
            width,
            align: Align::Left,
        });
    }
    columns
}

fn is_total(figure: ActualFigure) -> bool {
    matches!(
        figure,
        ActualFigure::CostTotal
            | ActualFigure::IncomeTotal
            | ActualFigure::Balance
            | ActualFigure::FteGoals
    )
}

/// How a compared figure's row looks: totals ruled, differences beyond the threshold (and only
/// those) bold, parts (a goal's operating cost, an operational goal's FTE) indented.
fn figure_row(c: &FigureComparison, cells: Vec<Cell>) -> TableRow {
    let kind = match (is_total(c.figure), c.beyond_threshold) {
        (true, true) => RowKind::Total,
        (true, false) => RowKind::Ruled,
        (false, true) => RowKind::Emphasis,
        (false, false) => RowKind::Normal,
    };
    TableRow::new(cells).kind(kind).indent(u8::from(c.is_part))
}

fn no_value(r: &YearReportTexts) -> Cell {
    Cell::text(r.no_value)
}

/// The planned, realised, difference and percentage cells of a comparison.
fn comparison_cells(c: &FigureComparison, r: &YearReportTexts) -> Vec<Cell> {
    vec![
        Cell::Text(value(c.unit, c.planned)),
        c.realised
            .map_or_else(|| no_value(r), |v| Cell::Text(value(c.unit, v))),
        c.difference
            .map_or(Cell::Empty, |d| Cell::Text(signed(c.unit, d))),
        c.percent
            .map_or(Cell::Empty, |p| Cell::Text(numfmt::signed_percent(p))),
    ]
}

/// The room a section heading wants below it for its table: a small table whole (the layout
/// keeps tables up to 200 points together), a larger one's first rows.
const KEEP_WITH_HEADING: f32 = 240.0;

/// The headers and labels of the progress tables, with their years.
struct Spans {
    to_date: String,
    rest_label: String,
    rest: String,
    period_planned: String,
    period_expected: String,
}

impl Spans {
    fn of(report: &ProgressReport, r: &YearReportTexts) -> Spans {
        let span = |years: &[i32]| r.span(years);
        let period = r.span(&[report.first_year, report.last_year]);
        Spans {
            to_date: format!("{} ({})", r.realised_to_date, span(&report.years)),
            rest_label: r.rest_of_period.to_string(),
            rest: format!("{} {}", r.planned, span(&report.rest_years)),
            period_planned: format!("{} {period}", r.planned),
            period_expected: format!("{} {period}", r.period_expected_short),
        }
    }
}

struct Body<'a> {
    flow: Flow<'a>,
    lang: Lang,
    t: &'static Tr,
    r: &'static YearReportTexts,
    chapter: usize,
}

impl Body<'_> {
    fn chapter(&mut self, title: &str) {
        self.chapter += 1;
        self.flow.page_break();
        self.flow
            .heading(1, &format!("{} {title}", self.chapter), Style::H1);
    }

    /// A section heading kept with (the start of) the table below it.
    fn section(&mut self, title: &str) {
        self.flow.ensure(KEEP_WITH_HEADING);
        self.flow.heading(2, title, Style::H2);
    }

    /// The width of a column that shows `header` (bold) and each of `words` on one line.
    fn widest<const N: usize>(&self, header: &str, words: [&str; N]) -> f32 {
        let fonts = self.flow.fonts();
        let table = Style::TABLE;
        words
            .iter()
            .map(|w| fonts.width(table.weight, table.size, w))
            .fold(fonts.width(Weight::Bold, table.size, header), f32::max)
            + 10.0
    }

    fn name(&self, c: &FigureComparison) -> String {
        self.t.act.figure_name(c.figure, c.code.as_deref())
    }

    /// Planned against realised, with difference and percentage; the explanations below.
    fn figure_table(&mut self, label: Option<&str>, rows: &[ReportFigure]) {
        if rows.is_empty() {
            return;
        }
        let r = self.r;
        let table = Table {
            columns: columns(CONTENT_WIDTH - 4.0 * 62.0, &[62.0, 62.0, 62.0, 62.0], None),
            header: vec![
                r.figure.to_string(),
                r.planned.to_string(),
                r.realised.to_string(),
                r.difference.to_string(),
                r.difference_percent.to_string(),
            ],
            rows: rows
                .iter()
                .map(|f| {
                    let mut cells = vec![Cell::Text(self.name(&f.figure))];
                    cells.extend(comparison_cells(&f.figure, r));
                    figure_row(&f.figure, cells)
                })
                .collect(),
        };
        self.table(label, &table);
        let explained: Vec<(String, String)> = rows
            .iter()
            .filter(|f| !f.explanation.trim().is_empty())
            .map(|f| (self.name(&f.figure), f.explanation.clone()))
            .collect();
        self.explanations(&explained);
    }

    /// The explanations of a table: `name: text`, one bullet each.
    fn explanations(&mut self, explained: &[(String, String)]) {
        if explained.is_empty() {
            return;
        }
        self.flow.label(self.r.explanations);
        for (name, text) in explained {
            self.flow
                .bullet("•", &format!("{name}: {}", text.trim()), Style::BODY, 0.0);
        }
    }

    fn table(&mut self, label: Option<&str>, table: &Table) {
        match label {
            Some(label) => self.flow.labelled_table(label, table),
            None => self.flow.table(table),
        }
    }

    /// The progress of figures in two tables: the realised years against the plan, then the
    /// rest of the period as planned, the plan for the period and the period as it now looks.
    fn progress_tables(&mut self, rows: &[ProgressFigure], spans: &Spans) {
        if rows.is_empty() {
            return;
        }
        let r = self.r;
        let to_date: Vec<ReportFigure> = rows
            .iter()
            .map(|f| ReportFigure {
                figure: f.to_date.clone(),
                explanation: String::new(),
            })
            .collect();
        self.figure_table(Some(&spans.to_date), &to_date);
        let width = 78.0;
        let table = Table {
            columns: columns(CONTENT_WIDTH - 3.0 * width, &[width; 3], None),
            header: vec![
                r.figure.to_string(),
                spans.rest.clone(),
                spans.period_planned.clone(),
                spans.period_expected.clone(),
            ],
            rows: rows
                .iter()
                .map(|f| {
                    let c = &f.to_date;
                    figure_row(
                        c,
                        vec![
                            Cell::Text(self.name(c)),
                            Cell::Text(value(c.unit, f.rest)),
                            Cell::Text(value(c.unit, f.period_planned)),
                            f.expected
                                .map_or_else(|| no_value(r), |v| Cell::Text(value(c.unit, v))),
                        ],
                    )
                })
                .collect(),
        };
        self.table(Some(&spans.rest_label), &table);
    }

    fn indicator_table(
        &mut self,
        label: Option<&str>,
        indicators: &[ReportIndicator],
        years: &[i32],
    ) {
        if indicators.is_empty() {
            return;
        }
        let (r, lang) = (self.r, self.lang);
        let progress = !years.is_empty();
        let any_explanation = indicators.iter().any(|i| !i.explanation.trim().is_empty());
        // The yearly report gives explanations a column; the progress report, with a column per
        // realised year, lists them under the table.
        let explained = any_explanation && !progress;
        let year_width = 34.0;
        // The verdict words and the header stand on one line each.
        let verdict = self.widest(
            r.verdict,
            crate::calc::report::ReportVerdict::ALL.map(|v| r.verdict(v)),
        );
        let remaining = if progress {
            self.widest(r.remaining, [])
        } else {
            0.0
        };
        let realised = if progress {
            year_width * years.len() as f32
        } else {
            self.widest(
                r.realised,
                crate::model::Milestone::ALL.map(|m| self.t.act.milestone_name(m)),
            )
        };
        let explanation = if explained { 104.0 } else { 0.0 };
        // The target takes what the text leaves it, between 60 and 112 points.
        let others = realised + verdict + remaining + explanation;
        let target = (CONTENT_WIDTH - others - 110.0).clamp(60.0, 112.0);
        let text_width = (CONTENT_WIDTH - target - others).max(60.0);
        let mut columns = vec![
            Column {
                width: text_width,
                align: Align::Left,
            },
            Column {
                width: target,
                align: Align::Left,
            },
        ];
        let mut header = vec![r.indicator.to_string(), r.target.to_string()];
        if progress {
            for year in years {
                columns.push(Column {
                    width: year_width,
                    align: Align::Right,
                });
                header.push(year.to_string());
            }
        } else {
            columns.push(Column {
                width: realised,
                align: Align::Right,
            });
            header.push(r.realised.to_string());
        }
        columns.push(Column {
            width: verdict,
            align: Align::Left,
        });
        header.push(r.verdict.to_string());
        if progress {
            columns.push(Column {
                width: remaining,
                align: Align::Right,
            });
            header.push(r.remaining.to_string());
        }
        if explained {
            columns.push(Column {
                width: explanation,
                align: Align::Left,
            });
            header.push(r.explanation.to_string());
        }
        let act = &self.t.act;
        let rows = indicators
            .iter()
            .map(|i| {
                let mut cells = vec![
                    Cell::text(&i.result.text),
                    Cell::Text(
                        i.result
                            .target
                            .as_ref()
                            .map_or(String::new(), |t| r.target(t, lang)),
                    ),
                ];
                let shown = |v: Option<Decimal>| {
                    v.map_or_else(|| no_value(r), |v| Cell::Text(numfmt::exact(v)))
                };
                if progress {
                    cells.extend(i.values.iter().zip(&i.states).map(|(v, m)| match (v, m) {
                        (None, Some(m)) => Cell::text(act.milestone_name(*m)),
                        _ => shown(*v),
                    }));
                } else {
                    cells.push(match (i.result.realised, i.result.milestone) {
                        (Some(v), _) => Cell::Text(numfmt::exact(v)),
                        (None, Some(m)) => Cell::text(act.milestone_name(m)),
                        (None, None) => no_value(r),
                    });
                }
                cells.push(Cell::text(r.verdict(i.verdict)));
                if progress {
                    cells.push(
                        i.remaining
                            .map_or(Cell::Empty, |v| Cell::Text(numfmt::exact(v))),
                    );
                }
                if explained {
                    cells.push(Cell::text(i.explanation.trim()));
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
        if any_explanation && !explained {
            let fonts = self.flow.fonts();
            let listed: Vec<(String, String)> = indicators
                .iter()
                .filter(|i| !i.explanation.trim().is_empty())
                .map(|i| {
                    let name = super::layout::fit(
                        fonts,
                        Weight::Regular,
                        Style::BODY.size,
                        &i.result.text,
                        180.0,
                    );
                    (name, i.explanation.clone())
                })
                .collect();
            self.explanations(&listed);
        }
    }

    fn activity_table(&mut self, activities: &[ReportActivity], progress: bool) {
        let r = self.r;
        if activities.is_empty() {
            self.flow.label(r.activities_heading);
            self.flow.paragraph(r.no_activities, Style::BODY, 0.0);
            return;
        }
        let year_width = if progress { 34.0 } else { 0.0 };
        // Every status on one line.
        let status = self.widest(
            r.status,
            [
                r.status(None, true, false),
                r.status(None, false, true),
                r.status(None, false, false),
            ],
        );
        let status = crate::model::ActivityStatus::ALL
            .iter()
            .map(|s| self.widest(r.status, [r.status(Some(*s), false, false)]))
            .fold(status, f32::max);
        let mut columns = vec![
            Column {
                width: CONTENT_WIDTH - 52.0 - status - year_width - 150.0,
                align: Align::Left,
            },
            Column {
                width: 52.0,
                align: Align::Left,
            },
            Column {
                width: status,
                align: Align::Left,
            },
        ];
        let mut header = vec![
            r.activity.to_string(),
            r.years.to_string(),
            r.status.to_string(),
        ];
        if progress {
            columns.push(Column {
                width: year_width,
                align: Align::Left,
            });
            header.push(self.t.act.year.to_string());
        }
        columns.push(Column {
            width: 150.0,
            align: Align::Left,
        });
        header.push(r.note.to_string());
        let rows = activities
            .iter()
            .map(|a| {
                let mut cells = vec![
                    Cell::text(&a.description),
                    Cell::Text(r.activity_years(a.first_year, a.last_year)),
                    Cell::text(r.status(a.status, a.added, a.upcoming)),
                ];
                if progress {
                    cells.push(Cell::Text(
                        a.status_year.map_or(String::new(), |y| y.to_string()),
                    ));
                }
                cells.push(Cell::Text(r.activity_note(&a.replaced_by, &a.note)));
                TableRow::new(cells)
            })
            .collect();
        self.table(
            Some(r.activities_heading),
            &Table {
                columns,
                header,
                rows,
            },
        );
    }

    /// A goal's indicators, staff and means, and (operational) activities.
    fn goal(&mut self, goal: &ReportGoal, years: &[i32], level: u8) {
        let r = self.r;
        let title = format!("{} {}", goal.code, goal.title);
        if level == 2 {
            self.flow.heading(2, &title, Style::H2);
        } else {
            self.flow.space(6.0);
            self.flow.heading(3, &title, Style::H3);
        }
        self.indicator_table(Some(r.indicators_heading), &goal.indicators, years);
        // The goal's FTE when the report gives FTE per goal, its operating cost; not indented
        // as parts here, where they stand alone.
        let means: Vec<ReportFigure> = goal
            .fte
            .iter()
            .filter(|f| f.figure.realised.is_some())
            .chain(&goal.operating)
            .cloned()
            .map(|mut f| {
                f.figure.is_part = false;
                f
            })
            .collect();
        if level == 3 {
            self.activity_table(&goal.activities, !years.is_empty());
        }
        self.figure_table(Some(r.means), &means);
    }

    fn goals(&mut self, general: &[ReportIndicator], goals: &[ReportGoal], years: &[i32]) {
        let r = self.r;
        self.chapter(r.goals);
        if !general.is_empty() {
            self.section(r.general_indicators);
            self.indicator_table(None, general, years);
        }
        for (i, sd) in goals.iter().enumerate() {
            if i > 0 || !general.is_empty() {
                self.flow.page_break();
            }
            self.goal(sd, years, 2);
            for od in &sd.operational {
                self.goal(od, years, 3);
            }
        }
    }

    fn verdict_table(&mut self, counts: &crate::calc::report::VerdictCounts) {
        let r = self.r;
        let rows: Vec<TableRow> = crate::calc::report::ReportVerdict::ALL
            .iter()
            .map(|v| {
                TableRow::new(vec![
                    Cell::text(r.verdict(*v)),
                    Cell::Text(counts.of(*v).to_string()),
                ])
            })
            .chain(std::iter::once(
                TableRow::new(vec![
                    Cell::text(self.t.total),
                    Cell::Text(counts.total().to_string()),
                ])
                .kind(RowKind::Total),
            ))
            .collect();
        self.flow.table(&Table {
            columns: columns(160.0, &[60.0], None),
            header: vec![r.verdict.to_string(), r.indicators_heading.to_string()],
            rows,
        });
        self.flow
            .paragraph(&r.verdicts_sentence(counts), Style::BODY, 0.0);
    }

    fn output_table(&mut self, label: Option<&str>, output: &[OutputFigure]) {
        let r = self.r;
        if output.is_empty() {
            if let Some(label) = label {
                self.flow.label(label);
            }
            self.flow.paragraph(r.no_output, Style::BODY, 0.0);
            return;
        }
        let act = &self.t.act;
        let plain = |v: Option<Decimal>| v.map_or(Cell::Empty, |v| Cell::Text(numfmt::exact(v)));
        let mut rows = Vec::new();
        for figure in output {
            rows.push(
                TableRow::new(vec![
                    Cell::Text(act.output_name(figure.kind, &figure.label)),
                    Cell::Empty,
                    plain(Some(figure.value)),
                    plain(figure.of_total),
                    plain(figure.percent),
                ])
                .kind(RowKind::Emphasis),
            );
            for part in &figure.breakdown {
                rows.push(
                    TableRow::new(vec![
                        Cell::Empty,
                        Cell::text(&part.target_group),
                        plain(part.count),
                        Cell::Empty,
                        plain(part.percent),
                    ])
                    .indent(1),
                );
            }
        }
        let mut cols = columns(190.0, &[], None);
        cols.push(Column {
            width: CONTENT_WIDTH - 190.0 - 150.0,
            align: Align::Left,
        });
        cols.extend([50.0, 55.0, 45.0].iter().map(|&width| Column {
            width,
            align: Align::Right,
        }));
        self.table(
            label,
            &Table {
                columns: cols,
                header: vec![
                    r.output_figure.to_string(),
                    r.target_group.to_string(),
                    r.value.to_string(),
                    r.of_total.to_string(),
                    r.percent.to_string(),
                ],
                rows,
            },
        );
    }

    fn chart(&mut self, title: &str, chart: &GroupedChart) {
        let height = 250.0;
        // The title stays with its chart.
        self.flow.ensure(height + 2.0 * Style::H2.line_height);
        self.flow.heading(2, title, Style::H2);
        let top = self.flow.reserve(height);
        for item in super::grouped_chart::draw(
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

    fn planned_and_realised(
        &self,
        planned: Vec<Option<f64>>,
        realised: Vec<Option<f64>>,
    ) -> Vec<GroupSeries> {
        vec![
            GroupSeries {
                label: self.r.planned_series.to_string(),
                color: PLANNED_COLOR,
                values: planned,
            },
            GroupSeries {
                label: self.r.realised_series.to_string(),
                color: REALISED_COLOR,
                values: realised,
            },
        ]
    }

    fn euro_chart(&self, groups: Vec<String>, series: Vec<GroupSeries>) -> GroupedChart {
        GroupedChart {
            groups,
            series,
            unit: self.r.euro_unit.to_string(),
            format: |v| numfmt::euros(decimal_of(v)),
            min_step: 1.0,
        }
    }

    fn fte_chart(&self, groups: Vec<String>, series: Vec<GroupSeries>) -> GroupedChart {
        GroupedChart {
            groups,
            series,
            unit: self.r.fte_unit.to_string(),
            format: |v| numfmt::fte(decimal_of(v)),
            min_step: 0.1,
        }
    }

    /// The charts of a year: money by category, operating cost and FTE per strategic goal.
    fn year_charts(&mut self, report: &YearReport) {
        let r = self.r;
        self.chapter(r.charts);
        let pick = |figure: ActualFigure| {
            report
                .money
                .iter()
                .find(|f| f.figure.figure == figure)
                .map(|f| &f.figure)
        };
        let categories = [
            (ActualFigure::Personnel, r.personnel),
            (ActualFigure::Operating, r.operating),
            (ActualFigure::Overhead, r.overhead),
            (ActualFigure::CostTotal, r.cost_total),
            (ActualFigure::IncomeTotal, r.income_total),
        ];
        let found: Vec<(&FigureComparison, &str)> = categories
            .iter()
            .filter_map(|(f, name)| pick(*f).map(|c| (c, *name)))
            .collect();
        let chart = self.euro_chart(
            found.iter().map(|(_, n)| n.to_string()).collect(),
            self.planned_and_realised(
                found.iter().map(|(c, _)| Some(f64_of(c.planned))).collect(),
                found.iter().map(|(c, _)| c.realised.map(f64_of)).collect(),
            ),
        );
        self.chart(&format!("{} {}", r.chart_money, report.year), &chart);
        let operating: Vec<&FigureComparison> = report
            .goals
            .iter()
            .filter_map(|g| g.operating.as_ref().map(|f| &f.figure))
            .collect();
        if !operating.is_empty() {
            let chart = self.euro_chart(
                report.goals.iter().map(|g| g.code.clone()).collect(),
                self.planned_and_realised(
                    operating.iter().map(|c| Some(f64_of(c.planned))).collect(),
                    operating.iter().map(|c| c.realised.map(f64_of)).collect(),
                ),
            );
            self.chart(r.chart_operating, &chart);
        }
        let fte: Vec<&FigureComparison> = report
            .goals
            .iter()
            .filter_map(|g| g.fte.as_ref().map(|f| &f.figure))
            .collect();
        if !fte.is_empty() {
            let chart = self.fte_chart(
                report.goals.iter().map(|g| g.code.clone()).collect(),
                self.planned_and_realised(
                    fte.iter().map(|c| Some(f64_of(c.planned))).collect(),
                    fte.iter().map(|c| c.realised.map(f64_of)).collect(),
                ),
            );
            self.chart(r.chart_fte_goals, &chart);
        }
    }

    /// The charts of the progress report: costs, income and FTE per plan year.
    fn progress_charts(&mut self, report: &ProgressReport) {
        let r = self.r;
        self.chapter(r.charts);
        let c = &report.chart;
        let years: Vec<String> = c.years.iter().map(i32::to_string).collect();
        let planned = |v: &[Decimal]| v.iter().map(|x| Some(f64_of(*x))).collect();
        let realised = |v: &[Option<Decimal>]| v.iter().map(|x| x.map(f64_of)).collect();
        let costs = self.euro_chart(
            years.clone(),
            self.planned_and_realised(planned(&c.planned_cost), realised(&c.realised_cost)),
        );
        self.chart(r.chart_costs_years, &costs);
        let income = self.euro_chart(
            years.clone(),
            self.planned_and_realised(planned(&c.planned_income), realised(&c.realised_income)),
        );
        self.chart(r.chart_income_years, &income);
        let fte = self.fte_chart(
            years,
            self.planned_and_realised(planned(&c.planned_fte), realised(&c.realised_fte)),
        );
        self.chart(r.chart_fte_years, &fte);
    }

    fn year(&mut self, report: &YearReport) {
        let r = self.r;
        self.chapter(r.summary);
        self.section(r.key_figures);
        self.figure_table(None, &report.key_figures);
        self.flow.paragraph(
            &r.threshold(ReportKind::Year, report.threshold_percent),
            Style::SMALL,
            0.0,
        );
        self.section(r.indicators_heading);
        self.verdict_table(&report.verdicts);
        self.flow.heading(2, r.activities_heading, Style::H2);
        self.flow.paragraph(
            &r.activities_sentence(&report.activities, 0),
            Style::BODY,
            0.0,
        );

        self.goals(&report.general_indicators, &report.goals, &[]);

        self.chapter(r.money);
        self.section(r.money_by_goal);
        self.figure_table(None, &report.money);
        if !report.reserves.is_empty() {
            self.section(r.reserves);
            self.figure_table(None, &report.reserves);
        }
        self.flow.paragraph(
            &r.threshold(ReportKind::Year, report.threshold_percent),
            Style::SMALL,
            0.0,
        );

        self.chapter(r.staff);
        self.section(r.fte_unit);
        self.figure_table(None, &report.fte);
        self.section(r.fte_by_goal);
        if report.fte_by_goal.is_empty() {
            self.flow.paragraph(r.no_fte_by_goal, Style::BODY, 0.0);
        } else {
            self.figure_table(None, &report.fte_by_goal);
        }
        if !report.staff.is_empty() {
            self.section(r.fte_by_function);
            self.staff_table(report);
        }

        self.chapter(r.output);
        self.output_table(None, &report.output);

        self.year_charts(report);
    }

    fn staff_table(&mut self, report: &YearReport) {
        let r = self.r;
        let fte =
            |v: Option<Decimal>| v.map_or_else(|| no_value(r), |v| Cell::Text(numfmt::fte(v)));
        let mut rows: Vec<TableRow> = report
            .staff
            .iter()
            .map(|s| {
                TableRow::new(vec![
                    Cell::text(&s.name),
                    fte(s.planned),
                    fte(Some(s.payroll)),
                    fte(Some(s.available)),
                ])
            })
            .collect();
        let realised = |figure: ActualFigure| {
            report
                .fte
                .iter()
                .find(|f| f.figure.figure == figure)
                .and_then(|f| f.figure.realised)
        };
        rows.push(
            TableRow::new(vec![
                Cell::text(self.t.total),
                Cell::Empty,
                fte(realised(ActualFigure::FtePayroll)),
                fte(realised(ActualFigure::FteAvailable)),
            ])
            .kind(RowKind::Total),
        );
        self.flow.table(&Table {
            columns: columns(CONTENT_WIDTH - 3.0 * 70.0, &[70.0, 70.0, 70.0], None),
            header: vec![
                r.function.to_string(),
                self.t.act.planned_fte.to_string(),
                r.payroll.to_string(),
                r.available.to_string(),
            ],
            rows,
        });
    }

    fn progress(&mut self, report: &ProgressReport) {
        let r = self.r;
        let spans = Spans::of(report, r);
        self.chapter(r.summary);
        self.flow.paragraph(
            &format!(
                "{}: {}",
                r.realised_years,
                report
                    .years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Style::BODY,
            0.0,
        );
        self.section(r.key_figures);
        self.progress_tables(&report.key_figures, &spans);
        self.flow.paragraph(
            &r.threshold(ReportKind::Progress, report.threshold_percent),
            Style::SMALL,
            0.0,
        );
        self.section(r.indicators_heading);
        self.verdict_table(&report.verdicts);
        self.flow.heading(2, r.activities_heading, Style::H2);
        self.flow.paragraph(
            &r.activities_sentence(&report.activities, report.upcoming_activities),
            Style::BODY,
            0.0,
        );

        self.goals(&report.general_indicators, &report.goals, &report.years);

        self.chapter(r.money);
        self.section(r.money_by_goal);
        self.progress_tables(&report.money, &spans);
        if !report.reserves.is_empty() {
            self.section(r.reserves);
            self.progress_tables(&report.reserves, &spans);
        }
        self.flow.paragraph(
            &r.threshold(ReportKind::Progress, report.threshold_percent),
            Style::SMALL,
            0.0,
        );

        self.chapter(r.staff);
        self.section(r.fte_unit);
        self.progress_tables(&report.fte, &spans);
        self.section(r.fte_by_goal);
        if report.fte_by_goal.is_empty() {
            self.flow.paragraph(r.no_fte_by_goal, Style::BODY, 0.0);
        } else {
            self.progress_tables(&report.fte_by_goal, &spans);
        }

        self.chapter(r.output);
        for (year, output) in &report.output {
            let label = year.to_string();
            self.output_table(Some(&label), output);
        }

        self.progress_charts(report);
    }
}
