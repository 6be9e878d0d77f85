//! A long list of one-line rows inside a scrolling panel: only the rows within the visible part
//! are laid out; the others keep their space, so the scroll bar and everything below stay right.
//! Unlike `ScrollArea::show_rows` it needs no scroll area of its own, so it works in a section
//! of a panel that scrolls as a whole.

use egui::{Align, Layout, Ui, vec2};

/// Beyond this many rows a list shows one line per row (the whole text on hover) and lays out
/// only what is in view; shorter lists wrap their text in full.
pub const LONG_LIST: usize = 200;

/// Shows rows `0..count`, each `row_height` high, calling `row_ui` only for those in view.
pub fn lazy_lines_ui(
    ui: &mut Ui,
    count: usize,
    row_height: f32,
    mut row_ui: impl FnMut(&mut Ui, usize),
) {
    let spacing = ui.spacing().item_spacing.y;
    let stride = row_height + spacing;
    let top = ui.cursor().top();
    let clip = ui.clip_rect();
    let first = (((clip.top() - top) / stride).floor().max(0.0) as usize).min(count);
    let end = ((((clip.bottom() - top) / stride).ceil().max(0.0)) as usize + 1).min(count);
    let end = end.max(first);
    let width = ui.available_width();
    if first > 0 {
        ui.allocate_space(vec2(width, first as f32 * stride - spacing));
    }
    for index in first..end {
        ui.allocate_ui_with_layout(
            vec2(width, row_height),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_height(row_height);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                row_ui(ui, index);
            },
        );
    }
    if end < count {
        ui.allocate_space(vec2(width, (count - end) as f32 * stride - spacing));
    }
}
