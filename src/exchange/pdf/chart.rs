//! Vector charts for the report: stacked bars per year with optional lines over them. The value
//! axis always includes 0, years label the bars, and the legend sits below the plot area.
//! Values are `f64` here: this is the plotting boundary.

use super::fonts::Fonts;
use super::layout::{Dash, Item, Rgb, Weight};

/// Stable colours for strategic goals, by their position in the plan (the same hues as the
/// charts in the window).
pub const GOAL_COLORS: [Rgb; 7] = [
    Rgb(52, 120, 190),
    Rgb(230, 140, 40),
    Rgb(70, 160, 90),
    Rgb(190, 70, 80),
    Rgb(130, 100, 180),
    Rgb(150, 110, 80),
    Rgb(210, 110, 170),
];
pub const GENERIC_COLOR: Rgb = Rgb(150, 185, 200);
pub const SUPPORT_COLOR: Rgb = Rgb(135, 135, 135);
pub const LINE_COLOR: Rgb = Rgb(20, 20, 20);

pub fn goal_color(index: usize) -> Rgb {
    GOAL_COLORS[index % GOAL_COLORS.len()]
}

/// One stacked part of the bars.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSeries {
    pub label: String,
    pub color: Rgb,
    pub values: Vec<f64>,
}

/// A line over the bars (available FTE, total income).
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub label: String,
    pub color: Rgb,
    pub values: Vec<f64>,
    pub dash: Dash,
}

#[derive(Debug, Clone)]
pub struct BarChart {
    pub years: Vec<i32>,
    /// Stacked from the bottom up.
    pub bars: Vec<BarSeries>,
    pub lines: Vec<LineSeries>,
    /// What the value axis counts, shown above it (`VTE`, `euro`).
    pub unit: String,
    /// Tick and total labels.
    pub format: fn(f64) -> String,
    /// Show the total above each stack.
    pub totals: bool,
    /// The smallest step between ticks (1 for euros, so no two ticks read the same).
    pub min_step: f64,
}

const TICK_SIZE: f32 = 7.5;
const LEGEND_SIZE: f32 = 8.0;
const LEGEND_ROW: f32 = 12.0;
const SWATCH: f32 = 8.0;

/// A step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` intervals over `range`.
pub fn nice_step(range: f64, ticks: usize) -> f64 {
    let range = if range.is_finite() && range > 0.0 {
        range
    } else {
        1.0
    };
    let raw = range / ticks.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalised = raw / magnitude;
    let nice = if normalised <= 1.0 {
        1.0
    } else if normalised <= 2.0 {
        2.0
    } else if normalised <= 2.5 {
        2.5
    } else if normalised <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// The value range of the axis: from 0 (or below, for negative values) to a whole step above the
/// highest stack or line point.
pub fn axis_range(chart: &BarChart) -> (f64, f64, f64) {
    let n = chart.years.len();
    let mut high: f64 = 0.0;
    let mut low: f64 = 0.0;
    for i in 0..n {
        let (mut up, mut down) = (0.0, 0.0);
        for s in &chart.bars {
            let v = s.values.get(i).copied().unwrap_or(0.0);
            if v >= 0.0 { up += v } else { down += v }
        }
        high = high.max(up);
        low = low.min(down);
        for l in &chart.lines {
            let v = l.values.get(i).copied().unwrap_or(0.0);
            high = high.max(v);
            low = low.min(v);
        }
    }
    // An empty chart still gets a readable axis of a few steps.
    let range = if high > low {
        high - low
    } else {
        10.0 * chart.min_step
    };
    let step = nice_step(range, 5).max(chart.min_step);
    let top = (high / step).ceil() * step;
    let bottom = (low / step).floor() * step;
    let top = if top <= bottom { bottom + step } else { top };
    (bottom, top, step)
}

/// One entry of the legend: a swatch (bars) or a short line (lines), and its label.
struct LegendEntry<'c> {
    label: &'c str,
    color: Rgb,
    /// `Some` for a line series.
    dash: Option<Dash>,
    /// The room it takes in its row.
    width: f32,
}

impl LegendEntry<'_> {
    fn marker_width(&self) -> f32 {
        if self.dash.is_some() { 18.0 } else { SWATCH }
    }
}

/// The legend entries in rows that fit `width`.
fn legend_rows<'c>(fonts: &Fonts, chart: &'c BarChart, width: f32) -> Vec<Vec<LegendEntry<'c>>> {
    let entries = chart
        .bars
        .iter()
        .map(|s| (s.label.as_str(), s.color, None))
        .chain(
            chart
                .lines
                .iter()
                .map(|l| (l.label.as_str(), l.color, Some(l.dash))),
        );
    let mut rows: Vec<Vec<LegendEntry>> = vec![Vec::new()];
    let mut used = 0.0;
    for (label, color, dash) in entries {
        let mut entry = LegendEntry {
            label,
            color,
            dash,
            width: 0.0,
        };
        entry.width =
            entry.marker_width() + 4.0 + fonts.width(Weight::Regular, LEGEND_SIZE, label) + 14.0;
        if used + entry.width > width && used > 0.0 {
            rows.push(Vec::new());
            used = 0.0;
        }
        used += entry.width;
        if let Some(row) = rows.last_mut() {
            row.push(entry);
        }
    }
    rows
}

fn text(x: f32, y: f32, text: String, size: f32, color: Rgb) -> Item {
    Item::Text {
        x,
        y,
        text,
        weight: Weight::Regular,
        size,
        color,
    }
}

/// Draws `chart` into the box at (`x`, `y`) of `width` x `height`.
pub fn draw(fonts: &Fonts, chart: &BarChart, x: f32, y: f32, width: f32, height: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let n = chart.years.len();
    let (low, high, step) = axis_range(chart);
    let ticks: Vec<f64> = {
        let count = ((high - low) / step).round() as i64;
        (0..=count.clamp(0, 50))
            .map(|i| low + i as f64 * step)
            .collect()
    };
    let tick_labels: Vec<String> = ticks.iter().map(|t| (chart.format)(*t)).collect();
    let label_width = tick_labels
        .iter()
        .map(|l| fonts.width(Weight::Regular, TICK_SIZE, l))
        .fold(0.0, f32::max);
    let legend = legend_rows(fonts, chart, width);
    let legend_height = legend.len() as f32 * LEGEND_ROW;
    let plot_left = x + label_width + 8.0;
    let plot_right = x + width - 4.0;
    let plot_top = y + 16.0;
    let plot_bottom = y + height - legend_height - 20.0;
    let plot_height = (plot_bottom - plot_top).max(10.0);
    let to_y = |v: f64| -> f32 { plot_bottom - ((v - low) / (high - low)) as f32 * plot_height };

    // Unit above the value axis.
    items.push(text(x, y + 8.0, chart.unit.clone(), TICK_SIZE, Rgb::MUTED));
    // Grid lines and tick labels.
    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let ty = to_y(*tick);
        items.push(Item::Line {
            from: (plot_left, ty),
            to: (plot_right, ty),
            width: if *tick == 0.0 { 0.8 } else { 0.3 },
            color: if *tick == 0.0 {
                Rgb::STRONG_RULE
            } else {
                Rgb::RULE
            },
            dash: Dash::Solid,
        });
        let w = fonts.width(Weight::Regular, TICK_SIZE, label);
        items.push(text(
            plot_left - 5.0 - w,
            ty + TICK_SIZE * 0.35,
            label.clone(),
            TICK_SIZE,
            Rgb::MUTED,
        ));
    }
    items.push(Item::Line {
        from: (plot_left, plot_top),
        to: (plot_left, plot_bottom),
        width: 0.6,
        color: Rgb::STRONG_RULE,
        dash: Dash::Solid,
    });

    let band = (plot_right - plot_left) / n.max(1) as f32;
    let bar_width = band * 0.56;
    let center = |i: usize| plot_left + band * (i as f32 + 0.5);
    for (i, year) in chart.years.iter().enumerate() {
        let (mut up, mut down) = (0.0, 0.0);
        for series in &chart.bars {
            let v = series.values.get(i).copied().unwrap_or(0.0);
            if v == 0.0 || !v.is_finite() {
                continue;
            }
            let (from, to) = if v > 0.0 {
                up += v;
                (up - v, up)
            } else {
                down += v;
                (down - v, down)
            };
            let (top, bottom) = (to_y(from.max(to)), to_y(from.min(to)));
            items.push(Item::Rect {
                x: center(i) - bar_width / 2.0,
                y: top,
                width: bar_width,
                height: (bottom - top).max(0.0),
                color: series.color,
            });
        }
        if chart.totals && !chart.bars.is_empty() {
            let label = (chart.format)(up + down);
            let w = fonts.width(Weight::Regular, TICK_SIZE, &label);
            // Above the stack and above any line point of that year.
            let above = chart
                .lines
                .iter()
                .map(|l| to_y(l.values.get(i).copied().unwrap_or(0.0)) - 4.0)
                .fold(to_y(up), f32::min);
            items.push(text(
                center(i) - w / 2.0,
                above - 3.0,
                label,
                TICK_SIZE,
                Rgb::TEXT,
            ));
        }
        let label = year.to_string();
        let w = fonts.width(Weight::Regular, TICK_SIZE + 0.5, &label);
        items.push(text(
            center(i) - w / 2.0,
            plot_bottom + 11.0,
            label,
            TICK_SIZE + 0.5,
            Rgb::TEXT,
        ));
    }
    for line in &chart.lines {
        let points: Vec<(f32, f32)> = (0..n)
            .map(|i| (center(i), to_y(line.values.get(i).copied().unwrap_or(0.0))))
            .collect();
        for pair in points.windows(2) {
            items.push(Item::Line {
                from: pair[0],
                to: pair[1],
                width: 1.6,
                color: line.color,
                dash: line.dash,
            });
        }
        for (px, py) in &points {
            items.push(Item::Rect {
                x: px - 2.2,
                y: py - 2.2,
                width: 4.4,
                height: 4.4,
                color: line.color,
            });
        }
    }

    // The legend, below the plot area.
    let mut ly = plot_bottom + 20.0;
    for row in legend {
        let mut lx = plot_left;
        for entry in row {
            match entry.dash {
                None => items.push(Item::Rect {
                    x: lx,
                    y: ly,
                    width: SWATCH,
                    height: SWATCH,
                    color: entry.color,
                }),
                Some(dash) => items.push(Item::Line {
                    from: (lx, ly + SWATCH / 2.0),
                    to: (lx + 18.0, ly + SWATCH / 2.0),
                    width: 1.6,
                    color: entry.color,
                    dash,
                }),
            }
            items.push(text(
                lx + entry.marker_width() + 4.0,
                ly + SWATCH * 0.9,
                entry.label.to_string(),
                LEGEND_SIZE,
                Rgb::TEXT,
            ));
            lx += entry.width;
        }
        ly += LEGEND_ROW;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_numbers() {
        assert_eq!(nice_step(15.9, 5), 5.0);
        assert_eq!(nice_step(1_900_000.0, 5), 500_000.0);
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(0.0, 5), 0.2);
        assert_eq!(nice_step(f64::NAN, 5), 0.2);
    }

    fn chart(values: Vec<f64>, line: Vec<f64>) -> BarChart {
        BarChart {
            years: (2021..2021 + values.len() as i32).collect(),
            bars: vec![BarSeries {
                label: "SD1".into(),
                color: goal_color(0),
                values,
            }],
            lines: vec![LineSeries {
                label: "Beschikbaar".into(),
                color: LINE_COLOR,
                values: line,
                dash: Dash::Dashed,
            }],
            unit: "VTE".into(),
            format: |v| format!("{v}"),
            totals: true,
            min_step: 0.1,
        }
    }

    #[test]
    fn the_axis_starts_at_zero_and_covers_bars_and_lines() {
        let (low, high, step) = axis_range(&chart(vec![3.0, 4.2, 1.0], vec![5.1, 5.1, 5.1]));
        assert_eq!(low, 0.0);
        assert!(high >= 5.1 && high - step < 5.1, "{high} {step}");
        let (low, _, _) = axis_range(&chart(vec![3.0, -2.0], vec![0.0, 0.0]));
        assert!(low <= -2.0);
        let (low, high, step) = axis_range(&chart(vec![0.0, 0.0], vec![0.0, 0.0]));
        assert!(low == 0.0 && high > 0.0 && step >= 0.1);
        let mut euros = chart(vec![0.0, 0.0], vec![0.0, 0.0]);
        euros.min_step = 1.0;
        assert!(axis_range(&euros).2 >= 1.0);
    }

    #[test]
    fn bars_stay_inside_the_box_and_the_legend_below_the_plot() {
        let fonts = Fonts::load().unwrap();
        let items = draw(
            &fonts,
            &chart(vec![3.0, 4.2, 1.0, 0.0, 2.5], vec![5.0; 5]),
            50.0,
            100.0,
            400.0,
            200.0,
        );
        let mut lowest_bar = 0.0f32;
        for item in &items {
            if let Item::Rect {
                x,
                y,
                width,
                height,
                ..
            } = item
            {
                assert!(*x >= 50.0 && x + width <= 450.0 + 0.01);
                assert!(*y >= 100.0 && y + height <= 300.0 + 0.01);
                if *width > 20.0 {
                    lowest_bar = lowest_bar.max(y + height);
                }
            }
        }
        let legend_y = items
            .iter()
            .find_map(|i| match i {
                Item::Text { text, y, .. } if text == "SD1" => Some(*y),
                _ => None,
            })
            .expect("legend entry");
        assert!(
            legend_y > lowest_bar + 10.0,
            "legend {legend_y} inside plot {lowest_bar}"
        );
        for year in 2021..=2025 {
            assert!(
                items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if *text == year.to_string()))
            );
        }
    }
}
