use crate::numfmt;
use egui::{Id, Key, Response, TextEdit, Ui};
use rust_decimal::Decimal;

/// What a number cell holds, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// FTE: never below zero.
    Fte,
    Euro,
    /// An amount that cannot be negative (an operating budget, a fund-financed part).
    EuroNotNegative,
    /// A year: plain digits, no thousands separator.
    Year,
}

/// The text being typed into a cell, kept until the edit is committed or cancelled.
#[derive(Debug, Clone, Default)]
struct Buffer {
    text: String,
    /// What the field showed when the edit began.
    original: String,
    /// The message when the text is not a valid number.
    error: Option<String>,
}

fn buffer(ui: &Ui, id: Id) -> Option<Buffer> {
    ui.data(|d| d.get_temp::<Buffer>(id))
}

/// The cells that hold a refused value (red), so a save can say they were not saved.
#[derive(Debug, Clone, Default)]
struct InvalidCells(std::collections::HashSet<Id>);

fn invalid_cells_id() -> Id {
    Id::unique("planbord-invalid-cells")
}

fn set_buffer(ui: &Ui, id: Id, value: Option<Buffer>) {
    let invalid = value.as_ref().is_some_and(|b| b.error.is_some());
    ui.data_mut(|d| {
        let cells = d.get_temp_mut_or_default::<InvalidCells>(invalid_cells_id());
        if invalid {
            cells.0.insert(id);
        } else {
            cells.0.remove(&id);
        }
        match value {
            Some(b) => {
                d.insert_temp(id, b);
            }
            None => d.remove::<Buffer>(id),
        }
    });
}

/// How many cells hold a value that was refused (and so is not in the plan).
pub fn invalid_cell_count(ctx: &egui::Context) -> usize {
    ctx.data(|d| d.get_temp::<InvalidCells>(invalid_cells_id()))
        .map_or(0, |c| c.0.len())
}

/// Shared logic of committed edits: the widget shows `shown` until focused, then edits a buffer.
/// Returns the response and the committed text, if the edit just ended without Escape.
fn buffered(
    ui: &mut Ui,
    id: Id,
    shown: String,
    name: &str,
    make: impl FnOnce(&mut String) -> TextEdit<'_>,
    invalid: bool,
    spreadsheet: bool,
) -> (Response, Option<String>) {
    // Remember an Enter typed into this field: egui reports the lost focus a frame later.
    let enter_id = id.with("enter");
    if ui.memory(|m| m.has_focus(id)) && ui.input(|i| i.key_pressed(Key::Enter)) {
        ui.data_mut(|d| d.insert_temp(enter_id, true));
    }
    let existing = buffer(ui, id);
    let mut text = existing.as_ref().map_or(shown.clone(), |b| b.text.clone());
    let mut edit = make(&mut text).id(id);
    if invalid {
        edit = edit.text_color(crate::ui::palette::ERROR);
    }
    let response = ui.add(edit).accessible_name(name);
    if ui
        .data_mut(|d| d.remove_temp::<bool>(id.with("focus")))
        .unwrap_or(false)
    {
        // Focus moved here by the program (Enter in a grid, a new goal): select what is there.
        response.request_focus();
        set_selection(ui, id, &text, true);
    }
    let mut committed = None;
    if !spreadsheet {
        // A text keeps the caret where the user clicked.
    } else if response.gained_focus() {
        // Like a spreadsheet cell: what is there is selected, so typing replaces it.
        set_selection(ui, id, &text, true);
    } else if response.has_focus()
        && (response.double_clicked() || ui.input(|i| i.key_pressed(Key::F2)))
    {
        // F2 or a double click: edit in place, the caret at the end.
        set_selection(ui, id, &text, false);
    }
    if response.gained_focus() && existing.is_none() {
        set_buffer(
            ui,
            id,
            Some(Buffer {
                text: text.clone(),
                original: shown.clone(),
                error: None,
            }),
        );
    } else if response.changed() {
        let (original, error) = existing.map_or((shown.clone(), None), |b| (b.original, b.error));
        set_buffer(
            ui,
            id,
            Some(Buffer {
                text: text.clone(),
                original,
                error,
            }),
        );
    }
    if response.lost_focus() {
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            set_buffer(ui, id, None);
        } else {
            committed = Some(text);
        }
    }
    (response, committed)
}

/// Selects the whole text of the field `id` (`all`), or puts the caret at its end.
fn set_selection(ui: &Ui, id: Id, text: &str, all: bool) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let end = CCursor::new(text.chars().count());
    let range = if all {
        CCursorRange::select_all_str(text)
    } else {
        CCursorRange::one(end)
    };
    state.cursor.set_char_range(Some(range));
    state.store(ui.ctx(), id);
}

/// What happened in a number cell this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellOutcome {
    /// `Some(new value)` when an edit was committed and changes the value (`Some(None)` when
    /// the cell was emptied).
    pub value: Option<Option<Decimal>>,
    /// The edit was completed with Enter (a grid then moves down).
    pub entered: bool,
}

/// A number cell in Belgian notation. An invalid entry stays in the cell, in red with a message,
/// and is never stored.
pub fn decimal_cell(
    ui: &mut Ui,
    id: Id,
    value: Decimal,
    kind: CellKind,
    name: &str,
) -> CellOutcome {
    // Emptying a cell that holds zero changes nothing.
    let (committed, lost_focus) =
        decimal_cell_value(ui, id, Some(value), !value.is_zero(), kind, name);
    cell_outcome(ui, id, committed, lost_focus)
}

/// A number cell for a value that may be absent (not measured, not printed): empty when it is,
/// and emptying it reports `Some(None)`.
pub fn optional_decimal_cell(
    ui: &mut Ui,
    id: Id,
    value: Option<Decimal>,
    kind: CellKind,
    name: &str,
) -> CellOutcome {
    let (committed, lost_focus) = decimal_cell_value(ui, id, value, value.is_some(), kind, name);
    cell_outcome(ui, id, committed, lost_focus)
}

fn cell_outcome(
    ui: &mut Ui,
    id: Id,
    committed: Option<Option<Decimal>>,
    lost_focus: bool,
) -> CellOutcome {
    let enter_id = id.with("enter");
    let entered = lost_focus
        && ui
            .data_mut(|d| d.remove_temp::<bool>(enter_id))
            .unwrap_or(false)
        && buffer(ui, id).is_none();
    CellOutcome {
        value: committed,
        entered,
    }
}

/// The cell's committed value: `Some(Some(v))` for a new number, `Some(None)` when emptied and
/// `empty_changes` says that is a change.
fn decimal_cell_value(
    ui: &mut Ui,
    id: Id,
    value: Option<Decimal>,
    empty_changes: bool,
    kind: CellKind,
    name: &str,
) -> (Option<Option<Decimal>>, bool) {
    let shown = match (kind, value) {
        (_, None) => String::new(),
        (CellKind::Year, Some(value)) => value.normalize().to_string(),
        (_, Some(value)) => numfmt::exact(value),
    };
    let error = buffer(ui, id).and_then(|b| b.error);
    let width: f32 = match kind {
        CellKind::Fte | CellKind::Year => 52.0,
        CellKind::Euro | CellKind::EuroNotNegative => 86.0,
    };
    // A cell at rest (not focused, nothing typed into it) is painted like its text field, without
    // one: a text field per visible cell was most of a grid's frame. The field takes over when the
    // cell is clicked or reached with Tab; its size is measured from a real one first.
    let size_id = Id::unique(("planbord-cell-size", width.to_bits()));
    let at_rest = error.is_none()
        && buffer(ui, id).is_none()
        && !ui.memory(|m| m.has_focus(id))
        && !ui
            .data(|d| d.get_temp::<bool>(id.with("focus")))
            .unwrap_or(false);
    if let (true, Some(size)) = (at_rest, ui.data(|d| d.get_temp::<egui::Vec2>(size_id))) {
        let response = resting_cell_ui(ui, id, size, &shown, name);
        if response.clicked() {
            response.request_focus();
        }
        if response.clicked() || response.gained_focus() {
            // Like a spreadsheet cell: what is there is selected, so typing replaces it.
            set_selection(ui, id, &shown, true);
            ui.ctx().request_repaint();
        }
        return (None, false);
    }
    let (response, committed) = buffered(
        ui,
        id,
        shown,
        name,
        |t| {
            TextEdit::singleline(t)
                .desired_width(width)
                .align(egui::Align2::RIGHT_CENTER)
        },
        error.is_some(),
        true,
    );
    ui.data_mut(|d| d.insert_temp(size_id, response.rect.size()));
    let lost_focus = response.lost_focus();
    if let Some(message) = &error {
        response.on_hover_text(message.clone());
    }
    let Some(text) = committed else {
        return (None, lost_focus);
    };
    let lang = crate::ui::current_lang(ui.ctx());
    let not_negative = matches!(kind, CellKind::Fte | CellKind::EuroNotNegative);
    let value = match numfmt::parse(&text) {
        Ok(parsed) if not_negative && parsed < Decimal::ZERO => {
            // Refused here, in the cell, with the reason: it would never be stored anyway.
            set_buffer(
                ui,
                id,
                Some(Buffer {
                    original: text.clone(),
                    text,
                    error: Some(crate::i18n::errors::negative_refused(lang)),
                }),
            );
            None
        }
        Ok(parsed) => {
            set_buffer(ui, id, None);
            (Some(parsed) != value).then_some(Some(parsed))
        }
        Err(numfmt::ParseError::Empty) => {
            set_buffer(ui, id, None);
            empty_changes.then_some(None)
        }
        Err(e) => {
            set_buffer(
                ui,
                id,
                Some(Buffer {
                    original: text.clone(),
                    text,
                    error: Some(crate::i18n::errors::number_error(&e, lang)),
                }),
            );
            None
        }
    };
    (value, lost_focus)
}

/// A number cell at rest: the look of its text field (background, frame, the number on the
/// right) and the same accessible name and value, at a fraction of the cost.
fn resting_cell_ui(ui: &mut Ui, id: Id, size: egui::Vec2, shown: &str, name: &str) -> Response {
    let (_, rect) = ui.allocate_space(size);
    let response = ui.interact(rect, id, egui::Sense::click());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let widget = if response.hovered() {
            &visuals.widgets.hovered
        } else {
            &visuals.widgets.inactive
        };
        let painter = ui.painter();
        painter.rect(
            rect,
            widget.corner_radius,
            visuals.text_edit_bg_color(),
            widget.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let color = visuals
            .override_text_color
            .unwrap_or_else(|| visuals.widgets.inactive.text_color());
        // Where the text field puts its text (its inner margin).
        painter.text(
            egui::pos2(rect.right() - 7.0, rect.center().y - 1.0),
            egui::Align2::RIGHT_CENTER,
            shown,
            egui::TextStyle::Body.resolve(ui.style()),
            color,
        );
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::text_edit(enabled, shown, shown, ""));
    response.accessible_name(name)
}

/// A text field that commits when the edit ends. Returns the new text if it changed.
pub fn text_field(ui: &mut Ui, id: Id, value: &str, name: &str, multiline: bool) -> Option<String> {
    let (_, committed) = buffered(
        ui,
        id,
        value.to_string(),
        name,
        |t| {
            if multiline {
                TextEdit::multiline(t)
                    .desired_width(f32::INFINITY)
                    .desired_rows(4)
            } else {
                TextEdit::singleline(t).desired_width(f32::INFINITY)
            }
        },
        false,
        false,
    );
    let text = committed?;
    set_buffer(ui, id, None);
    (text != value).then_some(text)
}

/// Whether the focused field holds typing that is not committed yet (then Ctrl+Z belongs to it).
pub fn has_pending_typing(ctx: &egui::Context) -> bool {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    match ctx.data(|d| d.get_temp::<Buffer>(id)) {
        Some(buffer) => buffer.text != buffer.original,
        // A text field that is not one of ours keeps its own undo.
        None => ctx.egui_wants_keyboard_input(),
    }
}

/// Drops every uncommitted edit and the keyboard focus, e.g. before undo changes the plan under
/// the fields.
pub fn reset_fields(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.remove_by_type::<Buffer>();
        d.remove::<InvalidCells>(invalid_cells_id());
    });
    ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
}

/// Moves the keyboard focus to the field `id` when it is next shown.
pub fn focus_next_frame(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(id.with("focus"), true));
}

/// The message of a refused number in this cell, if any (for tests and the status bar).
pub fn cell_error(ctx: &egui::Context, id: Id) -> Option<String> {
    ctx.data(|d| d.get_temp::<Buffer>(id)).and_then(|b| b.error)
}
