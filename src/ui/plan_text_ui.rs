//! The dialogs of *Plan uit document…* and *Nieuwe planperiode…*: the preview of a document
//! (the tree of goals that will be made, the sections kept, what was not recognised) with its
//! choices, the form of a new period, and the notes of the period made. The caller carries out
//! the choice.

use super::heading_ui;
use crate::exchange::plan_text::PlanTextPreview;
use crate::i18n::{Tr, period as period_texts, plan_text as texts};
use crate::period::{AmountsMode, PeriodNote, PeriodOptions};
use egui::{RichText, Ui};

/// Room kept below the scrolled part for the buttons.
const BUTTON_ROW_HEIGHT: f32 = 44.0;
/// Width of the code column of the tree.
const CODE_WIDTH: f32 = 80.0;
/// Width of the counts and source columns.
const COUNTS_WIDTH: f32 = 190.0;
const PLACE_WIDTH: f32 = 200.0;

/// What the user chose in the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewChoice {
    NewPlan,
    Add,
    Cancel,
}

/// A text in a column `width` wide, cut with `…` (all of it in the tooltip when cut).
fn cell_ui(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.set_max_width(width);
            ui.add(egui::Label::new(text).truncate());
        },
    );
}

/// The preview of a document: `renumbered` when adding it to the open plan gives its strategic
/// goals other numbers. `Some` when the user chose.
pub fn plan_text_preview_ui(
    ui: &mut Ui,
    preview: &PlanTextPreview,
    renumbered: bool,
    tr: &Tr,
) -> Option<PreviewChoice> {
    let lang = tr.lang;
    let draft = &preview.document.draft;
    heading_ui(ui, tr.plan_text_title);
    ui.label(texts::source(preview, lang));
    if let Some(period) = texts::period(draft, lang) {
        ui.label(period);
    }
    ui.label(RichText::new(texts::counts(draft, lang)).strong());
    if renumbered {
        ui.label(RichText::new(tr.plan_text_renumbered).color(super::palette::ATTENTION));
    }
    let title_width =
        (ui.available_width() - CODE_WIDTH - COUNTS_WIDTH - PLACE_WIDTH - 40.0).max(200.0);
    egui::ScrollArea::vertical()
        .id_salt("plan-text-preview")
        .max_height((ui.available_height() - BUTTON_ROW_HEIGHT).max(120.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.label(RichText::new(texts::tree_heading(lang)).strong());
            egui::Grid::new("plan-text-tree")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for line in texts::tree(preview, lang) {
                        let code = if line.depth == 0 {
                            RichText::new(&line.code).strong()
                        } else {
                            RichText::new(format!("   {}", line.code))
                        };
                        cell_ui(ui, CODE_WIDTH, code);
                        cell_ui(ui, title_width, &line.title);
                        cell_ui(ui, COUNTS_WIDTH, &line.counts);
                        cell_ui(ui, PLACE_WIDTH, RichText::new(&line.place).weak());
                        ui.end_row();
                    }
                });
            let notes = texts::notes(preview, lang);
            for note in &notes {
                ui.label(RichText::new(note).color(super::palette::ATTENTION));
            }
            let sections = texts::sections(preview, lang);
            if !sections.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    texts::sections_heading(lang),
                    sections.len()
                ))
                .id_salt("plan-text-sections")
                .show(ui, |ui| {
                    for line in &sections {
                        ui.label(line);
                    }
                });
            }
            let unrecognised = texts::unrecognised(preview, lang);
            if !unrecognised.is_empty() {
                egui::CollapsingHeader::new(texts::unrecognised_heading(unrecognised.len(), lang))
                    .id_salt("plan-text-unrecognised")
                    .show(ui, |ui| {
                        for line in &unrecognised {
                            ui.label(line);
                        }
                    });
            }
        });
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui
            .button(tr.plan_text_new)
            .on_hover_text(tr.plan_text_new_tip)
            .clicked()
        {
            choice = Some(PreviewChoice::NewPlan);
        }
        if ui
            .button(tr.plan_text_add)
            .on_hover_text(tr.plan_text_add_tip)
            .clicked()
        {
            choice = Some(PreviewChoice::Add);
        }
        if ui.button(tr.cancel).clicked() {
            choice = Some(PreviewChoice::Cancel);
        }
    });
    choice
}

/// The form of a new plan period, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodForm {
    pub first_year: String,
    pub years: String,
    pub index: String,
    pub amounts: AmountsMode,
    /// Why the last try was refused.
    pub error: Option<String>,
}

impl PeriodForm {
    pub fn from_options(options: &PeriodOptions) -> PeriodForm {
        PeriodForm {
            first_year: options.first_year.to_string(),
            years: options.years.to_string(),
            index: crate::numfmt::format(options.index_percent, 1, false),
            amounts: options.amounts,
            error: None,
        }
    }

    /// The options typed, or `None` with [`PeriodForm::error`] saying what is wrong.
    pub fn options(&mut self, tr: &Tr) -> Option<PeriodOptions> {
        let whole = |label: &str, text: &str| -> Result<i64, String> {
            text.trim()
                .parse::<i64>()
                .map_err(|_| format!("{label}: {}", tr.whole_number))
        };
        let result = (|| {
            let first_year = whole(tr.new_period_first_year, &self.first_year)?;
            let years = whole(tr.new_period_years, &self.years)?;
            let index = crate::numfmt::parse(&self.index).map_err(|e| {
                format!(
                    "{}: {}",
                    tr.new_period_index,
                    crate::i18n::errors::number_error(&e, tr.lang)
                )
            })?;
            Ok(PeriodOptions {
                first_year: first_year.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
                years: years.clamp(0, u32::MAX as i64) as u32,
                index_percent: index,
                amounts: self.amounts,
                source_file: None,
            })
        })();
        match result {
            Ok(options) => {
                self.error = None;
                Some(options)
            }
            Err(message) => {
                self.error = Some(message);
                None
            }
        }
    }
}

/// A labelled text field of the form.
fn field_ui(ui: &mut Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(120.0))
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// The form of a new period: `Some(true)` to make it, `Some(false)` to cancel.
pub fn new_period_form_ui(ui: &mut Ui, form: &mut PeriodForm, tr: &Tr) -> Option<bool> {
    heading_ui(ui, tr.new_period_title);
    ui.add(egui::Label::new(tr.new_period_intro).wrap());
    ui.add_space(4.0);
    let mut enter = false;
    egui::Grid::new("new-period-form")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, text) in [
                (tr.new_period_first_year, &mut form.first_year),
                (tr.new_period_years, &mut form.years),
                (tr.new_period_index, &mut form.index),
            ] {
                let r = field_ui(ui, label, text);
                enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            }
        });
    ui.radio_value(
        &mut form.amounts,
        AmountsMode::Continue,
        tr.new_period_continue,
    );
    ui.radio_value(&mut form.amounts, AmountsMode::Shift, tr.new_period_shift);
    if let Some(error) = &form.error {
        ui.label(RichText::new(error).color(super::palette::ERROR));
    }
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui.button(tr.new_period_make).clicked() || enter {
            choice = Some(true);
        }
        if ui.button(tr.cancel).clicked() {
            choice = Some(false);
        }
    });
    choice
}

/// What needs attention in a new period; `true` when closed.
pub fn period_notes_ui(ui: &mut Ui, notes: &[PeriodNote], tr: &Tr) -> bool {
    heading_ui(ui, tr.new_period_made);
    ui.label(RichText::new(period_texts::notes_heading(tr.lang)).strong());
    egui::ScrollArea::vertical()
        .id_salt("period-notes")
        .max_height((ui.ctx().content_rect().height() * 0.6).max(120.0))
        .show(ui, |ui| {
            for note in notes {
                ui.add(egui::Label::new(format!("- {}", period_texts::note(note, tr.lang))).wrap());
            }
        });
    ui.button(tr.close).clicked()
}
