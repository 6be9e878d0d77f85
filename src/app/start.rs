//! Bringing a plan in and starting the next one from the window: *Bestand → Plan uit
//! document…* (choose a file, preview, then a new plan or one edit to the open plan) and
//! *Bestand → Nieuwe planperiode…* (a small form, then the new plan with what needs
//! attention). A new plan opens untitled and unsaved, after the question about the open plan's
//! unsaved changes, as *Nieuw plan* does; Save as then proposes a name next to its source.

use super::files::unused_name;
use super::{Dialog, PathPurpose, Pending, PlanApp, Tone};
use crate::exchange::Preview;
use crate::exchange::plan_text::{MAX_PLAN_TEXT_BYTES, PlanTextPreview, read_document};
use crate::i18n::{period as period_texts, plan_text as texts, tr};
use crate::model::Plan;
use crate::period::{PeriodNote, PeriodOptions, new_period};
use crate::store;
use crate::ui::plan_text_ui::{self, PeriodForm, PreviewChoice};
use std::path::{Path, PathBuf};

/// What the two commands hold between frames.
#[derive(Default)]
pub struct Start {
    /// The document being previewed, and where it came from.
    preview: Option<(PlanTextPreview, PathBuf)>,
    /// The new period's form while its dialog is open.
    form: Option<PeriodForm>,
    /// A plan made, waiting for the unsaved-changes question: the plan, the name Save as
    /// proposes, the status to show and the notes.
    prepared: Option<Prepared>,
    /// What needs attention in the new period just opened.
    pub(super) notes: Vec<PeriodNote>,
}

struct Prepared {
    plan: Plan,
    suggestion: PathBuf,
    status: String,
    notes: Vec<PeriodNote>,
}

impl PlanApp {
    /// *Plan uit document…*: asks for the document (platform dialog, or a path in the window).
    pub(super) fn import_plan_text(&mut self) {
        if self.native_dialogs {
            if let Some(path) = rfd::FileDialog::new()
                .add_filter(
                    "Word, OpenDocument, Markdown, .txt",
                    &["docx", "odt", "md", "markdown", "txt"],
                )
                .pick_file()
            {
                self.read_plan_text(&path);
            }
            return;
        }
        self.show_dialog(Dialog::Path(PathPurpose::PlanText, String::new()));
    }

    /// Reads a document and shows its preview; a document that cannot be read says why.
    pub(super) fn read_plan_text(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let unreadable = |app: &mut PlanApp, message: String| {
            app.set_status(Tone::Error, message.clone());
            app.show_dialog(Dialog::SourceUnreadable(message));
        };
        let bytes = match store::read_bounded(path, MAX_PLAN_TEXT_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => return unreadable(self, crate::i18n::errors::read_error(&e, lang)),
        };
        match read_document(Some(path), &bytes) {
            Ok(document) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.start.preview = Some((
                    PlanTextPreview::new(document, name, lang),
                    path.to_path_buf(),
                ));
                self.show_dialog(Dialog::PlanText);
            }
            Err(e) => unreadable(
                self,
                format!("{}: {}", path.display(), texts::error(&e, lang)),
            ),
        }
    }

    /// The preview dialog: a new plan, added to this plan (one undo step), or cancel.
    pub(super) fn plan_text_dialog_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let t = tr(self.prefs.lang);
        let Some((preview, path)) = self.start.preview.as_ref() else {
            return true;
        };
        let screen = ui.ctx().content_rect();
        ui.set_width((screen.width() * 0.85).clamp(460.0, 1100.0));
        ui.set_max_height(screen.height() * 0.85);
        let renumbered = preview.renumbers_in(self.plan());
        let choice = plan_text_ui::plan_text_preview_ui(ui, preview, renumbered, t);
        match choice {
            None => false,
            Some(PreviewChoice::Cancel) => {
                self.start.preview = None;
                true
            }
            Some(PreviewChoice::Add) => {
                let edit = preview.edit();
                self.start.preview = None;
                self.apply(vec![edit]);
                if self.status.text.is_empty() {
                    self.set_status(Tone::Success, t.plan_text_added);
                }
                true
            }
            Some(PreviewChoice::NewPlan) => {
                let path = path.clone();
                match preview.new_plan(store::template()) {
                    Ok(plan) => {
                        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                        let suggestion = unused_name(&path.with_file_name(format!("{stem}.ron")));
                        self.start.preview = None;
                        self.start.prepared = Some(Prepared {
                            plan,
                            suggestion,
                            status: t.plan_text_opened.to_string(),
                            notes: Vec::new(),
                        });
                        // The question about unsaved changes comes in this dialog's place.
                        self.dialog = None;
                        self.request(Pending::OpenPrepared);
                    }
                    Err(e) => {
                        let message = e.message(self.prefs.lang);
                        self.set_status(Tone::Error, message);
                    }
                }
                true
            }
        }
    }

    /// *Nieuwe planperiode…*: the form, filled in for the period after this one.
    pub(super) fn new_period_dialog(&mut self) {
        let options = PeriodOptions::after(self.plan());
        self.start.form = Some(PeriodForm::from_options(&options));
        self.show_dialog(Dialog::NewPeriod);
    }

    /// The form of a new period: make it (the new plan opens) or cancel.
    pub(super) fn new_period_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let lang = self.prefs.lang;
        let t = tr(lang);
        let Some(form) = self.start.form.as_mut() else {
            return true;
        };
        ui.set_width(520.0);
        match plan_text_ui::new_period_form_ui(ui, form, t) {
            None => false,
            Some(false) => {
                self.start.form = None;
                true
            }
            Some(true) => {
                let Some(mut options) = form.options(t) else {
                    return false;
                };
                options.source_file = self
                    .path()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned());
                match new_period(self.plan(), &options) {
                    Err(e) => {
                        if let Some(form) = self.start.form.as_mut() {
                            form.error = Some(period_texts::error(&e, lang));
                        }
                        false
                    }
                    Ok((plan, notes)) => {
                        let suggestion = self.period_suggestion(&plan);
                        let status = format!(
                            "{} — {}",
                            t.new_period_made,
                            period_texts::summary(
                                plan.meta.first_year,
                                plan.meta.last_year,
                                options.index_percent,
                                options.amounts,
                                lang
                            )
                        );
                        self.start.form = None;
                        self.start.prepared = Some(Prepared {
                            plan,
                            suggestion,
                            status,
                            notes,
                        });
                        self.dialog = None;
                        self.request(Pending::OpenPrepared);
                        true
                    }
                }
            }
        }
    }

    /// Where Save as proposes the new period: next to this plan, its years in the name
    /// (`socius-2021-2025.ron` becomes `socius-2026-2030.ron`).
    fn period_suggestion(&self, new: &Plan) -> PathBuf {
        let old = self.save_as_proposal();
        let stem = old.file_stem().unwrap_or_default().to_string_lossy();
        let years = (self.plan().meta.first_year, self.plan().meta.last_year);
        let renamed =
            crate::period::retitle(&stem, years, (new.meta.first_year, new.meta.last_year));
        let renamed = renamed.replace(' ', "-");
        unused_name(&old.with_file_name(format!("{renamed}.ron")))
    }

    /// Opens the plan made (after the unsaved question): untitled, unsaved; the notes of a new
    /// period in a dialog.
    pub(super) fn open_prepared(&mut self) {
        let Some(prepared) = self.start.prepared.take() else {
            return;
        };
        self.replace_document(prepared.plan, None, None, false);
        self.save_as_suggestion = Some(prepared.suggestion);
        self.set_status(Tone::Success, prepared.status);
        if !prepared.notes.is_empty() {
            self.start.notes = prepared.notes;
            self.show_dialog(Dialog::PeriodNotes);
        }
    }

    /// What needs attention in the new period just opened.
    pub(super) fn period_notes_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let t = tr(self.prefs.lang);
        let close = plan_text_ui::period_notes_ui(ui, &self.start.notes, t);
        if close {
            self.start.notes.clear();
        }
        close
    }
}
