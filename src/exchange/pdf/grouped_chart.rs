//! Grouped bars for plan against realisation: per group (a category, a goal, a year) one bar per
//! series side by side (planned, realised), with the value above each bar where it fits. The
//! value axis always includes 0; a missing value (nothing realised yet) draws no bar. Values are
//! `f64` here: this is the plotting boundary.

use super::chart::nice_step;
use super::fonts::Fonts;
use super::layout::{Dash, Item, Rgb, Weight};

/// One series: a bar in every group (`None`: no bar).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSeries {
    pub label: String,
    pub color: Rgb,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone)]
pub struct GroupedChart {
    /// The groups along the axis, left to right.
    pub groups: Vec<String>,
    /// Side by side within each group.
    pub series: Vec<GroupSeries>,
    /// What the value axis counts (`VTE`, `euro`).
    pub unit: String,
    /// Tick and value labels.
    pub format: fn(f64) -> String,
    /// The smallest step between ticks.
    pub min_step: f64,
}

/// The colours of planned and realised bars.
pub const PLANNED_COLOR: Rgb = Rgb(175, 205, 232);
pub const REALISED_COLOR: Rgb = Rgb(31, 78, 135);

const TICK_SIZE: f32 = 7.5;
const VALUE_SIZE: f32 = 6.5;
const LEGEND_SIZE: f32 = 8.0;
const SWATCH: f32 = 8.0;

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

/// From 0 (or below) to a whole step above the highest value.
pub fn axis_range(chart: &GroupedChart) -> (f64, f64, f64) {
    let values = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite());
    let (low, high) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room above (and below) the bars for their value labels.
    let (low, high) = (low * 1.08, high * 1.08);
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

/// Draws `chart` into the box at (`x`, `y`) of `width` x `height`.
pub fn draw(
    fonts: &Fonts,
    chart: &GroupedChart,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
) -> Vec<Item> {
    let mut items = Vec::new();
    let (low, high, step) = axis_range(chart);
    let count = ((high - low) / step).round() as i64;
    let ticks: Vec<f64> = (0..=count.clamp(0, 50))
        .map(|i| low + i as f64 * step)
        .collect();
    let labels: Vec<String> = ticks.iter().map(|t| (chart.format)(*t)).collect();
    let label_width = labels
        .iter()
        .map(|l| fonts.width(Weight::Regular, TICK_SIZE, l))
        .fold(0.0, f32::max);
    let plot_left = x + label_width + 8.0;
    let plot_right = x + width - 4.0;
    let plot_top = y + 18.0;
    let legend_y = y + height - SWATCH - 2.0;
    let plot_bottom = legend_y - 30.0;
    let plot_height = (plot_bottom - plot_top).max(10.0);
    let to_y = |v: f64| -> f32 { plot_bottom - ((v - low) / (high - low)) as f32 * plot_height };

    items.push(text(x, y + 8.0, chart.unit.clone(), TICK_SIZE, Rgb::MUTED));
    for (tick, label) in ticks.iter().zip(&labels) {
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

    let groups = chart.groups.len().max(1);
    let band = (plot_right - plot_left) / groups as f32;
    let series = chart.series.len().max(1);
    let bar = (band * 0.76 / series as f32).min(60.0);
    let zero = to_y(0.0_f64.clamp(low, high));
    for (g, group) in chart.groups.iter().enumerate() {
        let center = plot_left + band * (g as f32 + 0.5);
        let first = center - bar * series as f32 / 2.0;
        for (s, one) in chart.series.iter().enumerate() {
            let Some(value) = one.values.get(g).copied().flatten() else {
                continue;
            };
            if !value.is_finite() {
                continue;
            }
            let bx = first + bar * s as f32;
            let vy = to_y(value);
            let (top, bottom) = (vy.min(zero), vy.max(zero));
            items.push(Item::Rect {
                x: bx + 0.8,
                y: top,
                width: bar - 1.6,
                height: (bottom - top).max(0.3),
                color: one.color,
            });
            let label = (chart.format)(value);
            let w = fonts.width(Weight::Regular, VALUE_SIZE, &label);
            if w <= bar + 6.0 {
                let ly = if value >= 0.0 {
                    top - 2.5
                } else {
                    bottom + VALUE_SIZE + 1.5
                };
                items.push(text(bx + (bar - w) / 2.0, ly, label, VALUE_SIZE, Rgb::TEXT));
            }
        }
        // The group's name under the axis, cut to its band.
        let name = super::layout::fit(fonts, Weight::Regular, TICK_SIZE + 0.5, group, band - 4.0);
        let w = fonts.width(Weight::Regular, TICK_SIZE + 0.5, &name);
        items.push(text(
            center - w / 2.0,
            plot_bottom + 12.0,
            name,
            TICK_SIZE + 0.5,
            Rgb::TEXT,
        ));
    }

    // The legend, below the plot area.
    let mut lx = plot_left;
    for one in &chart.series {
        items.push(Item::Rect {
            x: lx,
            y: legend_y,
            width: SWATCH,
            height: SWATCH,
            color: one.color,
        });
        items.push(text(
            lx + SWATCH + 4.0,
            legend_y + SWATCH * 0.9,
            one.label.clone(),
            LEGEND_SIZE,
            Rgb::TEXT,
        ));
        lx += SWATCH + 4.0 + fonts.width(Weight::Regular, LEGEND_SIZE, &one.label) + 16.0;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> GroupedChart {
        GroupedChart {
            groups: vec!["SD1".into(), "SD2".into(), "SD3".into()],
            series: vec![
                GroupSeries {
                    label: "gepland".into(),
                    color: PLANNED_COLOR,
                    values: vec![Some(77_500.0), Some(65_000.0), Some(3_500.0)],
                },
                GroupSeries {
                    label: "gerealiseerd".into(),
                    color: REALISED_COLOR,
                    values: vec![Some(71_240.15), None, Some(-1_000.0)],
                },
            ],
            unit: "euro".into(),
            format: |v| format!("{v:.0}"),
            min_step: 1.0,
        }
    }

    #[test]
    fn bars_stay_in_the_box_and_a_missing_value_draws_none() {
        let fonts = Fonts::load().unwrap();
        let items = draw(&fonts, &chart(), 50.0, 100.0, 400.0, 220.0);
        let bars: Vec<(f32, f32, f32, f32)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Rect {
                    x,
                    y,
                    width,
                    height,
                    ..
                } if *width > SWATCH => Some((*x, *y, *width, *height)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 5, "{bars:?}");
        for (x, y, w, h) in bars {
            assert!(x >= 50.0 && x + w <= 450.0 + 0.01);
            assert!(y >= 100.0 && y + h <= 320.0 + 0.01);
        }
        let (low, high, _) = axis_range(&chart());
        assert!(low <= -1_000.0 && high >= 77_500.0);
        for group in ["SD1", "SD2", "SD3", "gepland", "gerealiseerd"] {
            assert!(
                items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text == group)),
                "{group}"
            );
        }
    }
}
