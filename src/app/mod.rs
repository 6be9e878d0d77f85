//! PlanApp: the window. Commands (menu, shortcuts) -> panels push edits -> one door applies them
//! -> derived numbers recomputed per revision -> title, status, recovery copy.
//!
//! The parts live apart: [`commands`] (every command declared once), [`dialogs`] (one function
//! per question), [`autosave`] (recovery copies), [`comparison`] (scenario files).

pub mod autosave;
pub mod commands;
mod comparison;
mod dialogs;
mod exchange;
mod sync;

pub use autosave::AUTOSAVE_DELAY;
pub use commands::Command;
pub use dialogs::{Dialog, PathPurpose, Pending};
pub use sync::conflict_copies;

use crate::calc::charts::{ChartData, chart_data};
use crate::calc::{Summary, summarize};
use crate::edit::{Document, Edit};
use crate::i18n::{Lang, tr};
use crate::model::Plan;
use crate::store::recovery::{Recovered, RecoveryStore, format_unix};
use crate::store::{self, SaveOptions};
use crate::ui::compare_ui::CompareView;
use crate::ui::{self, Panel, PanelCtx, ViewState};
use autosave::Autosave;
use comparison::Comparison;
use egui::Ui;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Preferences kept between runs (in eframe's storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    pub charts_beside: bool,
    pub panel: Panel,
    pub theme: Theme,
}

/// Light or dark, or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::Nl,
            recent: Vec::new(),
            charts_beside: true,
            panel: Panel::Goals,
            theme: Theme::System,
        }
    }
}

const PREFS_KEY: &str = "planbord-prefs";
/// Default widths of the goal tree and of the charts beside the panel.
const TREE_WIDTH: f32 = 230.0;
const CHARTS_WIDTH: f32 = 300.0;
const MAX_RECENT: usize = 8;

/// How a status message looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Info,
    Success,
    Error,
}

/// The message in the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

impl Status {
    pub fn contains(&self, needle: &str) -> bool {
        self.text.contains(needle)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The open plan and its file.
struct OpenPlan {
    doc: Document,
    path: Option<PathBuf>,
    /// Fingerprint of the file as last opened or saved, to notice changes by others.
    disk_fingerprint: Option<u64>,
    summary: Summary,
    /// What the charts draw, derived with the summary.
    charts: ChartData,
    summary_revision: u64,
}

pub struct PlanApp {
    open: OpenPlan,
    pub view: ViewState,
    pub prefs: Prefs,
    pub dialog: Option<Dialog>,
    /// Dialogs waiting for the one shown to be answered.
    dialog_queue: VecDeque<Dialog>,
    pub status: Status,
    title_sent: String,
    allow_close: bool,
    /// Whether native file dialogs can be used (an xdg portal on the session bus).
    native_dialogs: bool,
    autosave: Autosave,
    comparison: Comparison,
    /// Commands asked for this frame (menu, shortcuts), run in one place.
    queued: Vec<Command>,
    /// Where Save as proposes to save when the plan has no file yet.
    save_as_suggestion: Option<PathBuf>,
    /// The budget import being previewed.
    import_preview: exchange::PendingImport,
    /// Synced-folder conflict copies answered in this session.
    sync_copies: sync::SyncCopies,
}

impl PlanApp {
    /// An app showing `plan`, loaded from `path` (if any). No recovery copies: see
    /// [`PlanApp::with_recovery`].
    pub fn new(plan: Plan, path: Option<PathBuf>, prefs: Prefs) -> PlanApp {
        let summary = summarize(&plan);
        let charts = chart_data(&summary);
        let fingerprint = path.as_deref().and_then(store::fingerprint);
        let mut app = PlanApp {
            open: OpenPlan {
                doc: Document::new(plan),
                path: None,
                disk_fingerprint: fingerprint,
                summary,
                charts,
                summary_revision: 0,
            },
            view: ViewState {
                panel: prefs.panel,
                ..ViewState::default()
            },
            prefs,
            dialog: None,
            dialog_queue: VecDeque::new(),
            status: Status::default(),
            title_sent: String::new(),
            allow_close: false,
            // Windows and macOS always have their own; Linux needs a desktop portal (D-Bus).
            native_dialogs: cfg!(any(windows, target_os = "macos"))
                || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            autosave: Autosave::off(),
            comparison: Comparison::default(),
            queued: Vec::new(),
            save_as_suggestion: None,
            import_preview: None,
            sync_copies: sync::SyncCopies::default(),
        };
        if let Some(path) = path {
            app.remember_path(&path);
            app.open.path = Some(path);
        }
        app
    }

    /// Keeps recovery copies in `store` and offers those of crashed sessions for restore.
    pub fn with_recovery(mut self, store: Option<RecoveryStore>) -> PlanApp {
        if let Some(store) = store {
            let (autosave, found) = Autosave::start(store);
            self.autosave = autosave;
            if !found.is_empty() {
                self.show_dialog(Dialog::Recover(found));
            }
        }
        self
    }

    /// The folder of recovery copies on this platform, e.g. `~/.local/share/planbord/recovery`
    /// (see [`crate::folders`]).
    pub fn platform_recovery_store() -> Option<RecoveryStore> {
        crate::folders::recovery_folder().map(RecoveryStore::new)
    }

    /// Opens the files from the command line: the first in the editor, the others compared with
    /// it. A file that does not load is shown in a dialog over an untitled plan.
    pub fn from_files(files: &[PathBuf], cc: Option<&eframe::CreationContext<'_>>) -> PlanApp {
        let prefs: Prefs = cc
            .and_then(|cc| cc.storage)
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let recovery = cc.and_then(|_| PlanApp::platform_recovery_store());
        let first = files.first().map(|f| (f, store::load(f)));
        let (plan, path, error) = match first {
            Some((path, Ok(plan))) => (plan, Some(path.clone()), None),
            Some((path, Err(e))) => (template_plan(), None, Some((path, e))),
            None => (template_plan(), None, None),
        };
        let opened = path.is_some();
        let mut app = PlanApp::new(plan, path, prefs).with_recovery(recovery);
        if let Some((path, e)) = error {
            app.cannot_open(path, &e);
        }
        match opened {
            false => {}
            true => {
                for other in files.iter().skip(1).take(comparison::MAX_SCENARIOS - 1) {
                    app.add_comparison(other);
                }
                if files.len() > comparison::MAX_SCENARIOS {
                    app.status = Status {
                        text: format!(
                            "{} bestanden gegeven; de eerste {} worden vergeleken",
                            files.len(),
                            comparison::MAX_SCENARIOS
                        ),
                        tone: Tone::Info,
                    };
                }
                app.notice_conflict_copies();
            }
        }
        app
    }

    fn show_dialog(&mut self, dialog: Dialog) {
        if self.dialog.is_none() {
            self.dialog = Some(dialog);
        } else {
            self.dialog_queue.push_back(dialog);
        }
    }

    fn set_status(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            tone,
        };
    }

    /// A file that does not load: say where and why, offer its backup, never write over it.
    fn cannot_open(&mut self, path: &Path, error: &store::LoadError) {
        let message = crate::messages::load_error(error, self.prefs.lang);
        let backup = store::backup_path(path);
        let backup = (backup.is_file() && store::load(&backup).is_ok()).then_some(backup);
        self.set_status(Tone::Error, message.clone());
        self.save_as_suggestion = Some(recovered_name(path));
        self.show_dialog(Dialog::CannotOpen {
            message,
            backup,
            path: path.to_path_buf(),
        });
    }

    /// Opens the backup of a damaged file as a new, unsaved plan (never as the damaged file, so
    /// saving cannot silently write over it).
    fn open_backup(&mut self, backup: &Path, damaged: &Path) {
        match store::load(backup) {
            Ok(plan) => {
                self.replace_document(plan, None, None, false);
                self.save_as_suggestion = Some(recovered_name(damaged));
            }
            Err(e) => self.cannot_open(backup, &e),
        }
    }

    /// Adds a scenario file to the comparison (2 to 4 plans in all) and shows it.
    pub fn add_comparison(&mut self, path: &Path) {
        if self.comparison.is_full() {
            self.set_status(
                Tone::Error,
                format!(
                    "er kunnen hoogstens {} plannen vergeleken worden",
                    comparison::MAX_SCENARIOS
                ),
            );
            return;
        }
        match store::load(path) {
            Ok(plan) => {
                self.comparison.add(path, plan);
                self.view.panel = Panel::Compare;
                self.status = Status::default();
            }
            Err(e) => self.cannot_open(path, &e),
        }
    }

    pub fn close_comparison(&mut self) {
        self.comparison.close();
        if self.view.panel == Panel::Compare {
            self.view.panel = Panel::Goals;
        }
    }

    /// The comparison as shown, recomputed when the open plan, the base or the files change.
    pub fn comparison(&mut self) -> Option<&CompareView> {
        let revision = self.open.doc.revision();
        self.comparison
            .view(self.open.doc.plan(), self.open.path.as_deref(), revision)
    }

    pub fn set_compare_base(&mut self, base: usize) {
        self.comparison.base = base;
    }

    /// The "save as scenario" question, with a name and a file next to the current one.
    pub fn save_scenario_dialog(&self) -> Dialog {
        let name = format!("{} (variant)", self.plan().meta.scenario)
            .trim()
            .to_string();
        let path = match &self.open.path {
            Some(p) => {
                let stem = p.file_stem().unwrap_or_default().to_string_lossy();
                p.with_file_name(format!("{stem}-variant.ron"))
                    .display()
                    .to_string()
            }
            None => "scenario.ron".to_string(),
        };
        Dialog::SaveScenario(name, path)
    }

    /// Saves a copy of the plan under a new scenario name in a new file, and goes on with it.
    pub fn save_scenario(&mut self, name: &str, path: &Path) {
        self.apply(vec![Edit::SetText(
            crate::edit::TextField::Scenario,
            name.to_string(),
        )]);
        self.save_as_to(path, true);
    }

    /// Writes the recovery copy now if there are unsaved changes not yet copied, and waits for it.
    pub fn write_recovery_now(&mut self) {
        if self.open.doc.is_dirty() {
            let revision = self.open.doc.revision();
            self.autosave.write(
                self.open.doc.plan(),
                revision,
                self.open.path.as_deref(),
                self.open.disk_fingerprint,
            );
        }
        self.autosave.flush();
    }

    /// Waits until the recovery copies asked for so far are written or removed.
    pub fn flush_recovery(&self) {
        self.autosave.flush();
    }

    /// The longest time a change waits before it is in a recovery copy.
    pub fn set_autosave_delay(&mut self, delay: std::time::Duration) {
        self.autosave.clock.delay = delay;
    }

    /// Continues with a recovery copy: its plan, unsaved, belonging to its original file as the
    /// crashed session knew it (so a change made by someone else since is still noticed).
    pub fn restore(&mut self, recovered: &Recovered) {
        self.replace_document(
            recovered.plan.clone(),
            recovered.original.clone(),
            recovered.original_fingerprint,
            false,
        );
        // The work moves into this session's copy before the crashed session's copy goes.
        self.write_recovery_now();
        self.autosave.remove_other(&recovered.key);
    }

    /// Replaces the open plan (opened, new, restored, reloaded): one place for all of them.
    fn replace_document(
        &mut self,
        plan: Plan,
        path: Option<PathBuf>,
        fingerprint: Option<u64>,
        saved: bool,
    ) {
        self.open.doc = Document::new(plan);
        if !saved {
            self.open.doc.mark_unsaved();
        }
        if let Some(path) = &path
            && saved
        {
            self.remember_path(path);
        }
        self.open.path = path;
        self.open.disk_fingerprint = fingerprint;
        self.autosave.remove_copy(false);
        self.view.selected_goal = None;
        self.open.summary_revision = u64::MAX;
        self.refresh();
    }

    /// Selects the goal with this code in the goal tree, if there is one.
    pub fn select_goal_by_code(&mut self, code: &str) {
        let plan = self.open.doc.plan();
        self.view.selected_goal = plan
            .strategic_goals
            .iter()
            .find(|sd| sd.code == code)
            .map(|sd| sd.id)
            .or_else(|| {
                plan.operational_goals()
                    .find(|(_, od)| od.code == code)
                    .map(|(_, od)| od.id)
            });
    }

    pub fn plan(&self) -> &Plan {
        self.open.doc.plan()
    }

    pub fn summary(&self) -> &Summary {
        &self.open.summary
    }

    pub fn document(&self) -> &Document {
        &self.open.doc
    }

    pub fn path(&self) -> Option<&Path> {
        self.open.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.open.doc.is_dirty()
    }

    /// The window title: file name, a marker while there are unsaved changes.
    pub fn title(&self) -> String {
        let name = self
            .open
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || tr(self.prefs.lang).untitled.to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        let marker = if self.is_dirty() { " ●" } else { "" };
        format!("{name}{marker} — Planbord")
    }

    /// Applies edits through the document; a refused edit shows its reason in the status bar.
    pub fn apply(&mut self, edits: Vec<Edit>) {
        for edit in edits {
            match self.open.doc.apply(edit) {
                Ok(()) => self.status = Status::default(),
                Err(e) => {
                    let message = e.message(self.prefs.lang);
                    self.set_status(Tone::Error, message)
                }
            }
        }
        self.refresh();
    }

    pub fn undo(&mut self) {
        self.open.doc.undo();
        self.refresh();
    }

    pub fn redo(&mut self) {
        self.open.doc.redo();
        self.refresh();
    }

    /// Recomputes the derived numbers once per change of the plan, not per frame.
    fn refresh(&mut self) {
        if self.open.summary_revision != self.open.doc.revision() {
            self.autosave.changed(Instant::now());
            self.open.summary = summarize(self.open.doc.plan());
            self.open.charts = chart_data(&self.open.summary);
            self.open.summary_revision = self.open.doc.revision();
        }
    }

    fn remember_path(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Saves to `path` atomically; on failure the work stays in the window and a dialog says why.
    /// When the file changed or disappeared on disk since it was opened or saved, asks first.
    pub fn save_to(&mut self, path: &Path) -> bool {
        if self.open.path.as_deref() == Some(path) {
            let exists = std::fs::symlink_metadata(path).is_ok();
            if self.open.disk_fingerprint.is_some() && !exists {
                self.show_dialog(Dialog::DeletedOnDisk(path.to_path_buf()));
                return false;
            }
            let now = store::fingerprint(path);
            if exists && now.is_some() && now != self.open.disk_fingerprint {
                self.show_dialog(Dialog::ChangedOnDisk(path.to_path_buf()));
                return false;
            }
        }
        self.write_to(path, SaveOptions::default())
    }

    /// Save as to `path`. Another existing file is only written over after asking (when
    /// `confirm` is set); a file that is not a readable plan keeps its bytes next to it.
    fn save_as_to(&mut self, path: &Path, confirm: bool) {
        if self.open.path.as_deref() == Some(path) {
            self.save_to(path);
            return;
        }
        let exists = std::fs::symlink_metadata(path).is_ok();
        let damaged = exists && store::load(path).is_err();
        if exists && confirm {
            self.show_dialog(Dialog::ConfirmOverwrite {
                path: path.to_path_buf(),
                damaged,
            });
            return;
        }
        let mut options = SaveOptions::default();
        if damaged {
            // Keep the unreadable bytes under a name of their own; the backup keeps the last
            // readable version.
            let kept = damaged_copy_path(path);
            let bytes = std::fs::read(path).unwrap_or_default();
            if let Err(e) = store::write_atomic(&kept, &bytes) {
                self.save_failed(e);
                return;
            }
            options.keep_backup = true;
            let t = tr(self.prefs.lang);
            self.set_status(Tone::Info, format!("{} {}", t.damaged_kept, kept.display()));
        }
        self.write_to(path, options);
    }

    /// Saves to `path` without asking.
    fn write_to(&mut self, path: &Path, options: SaveOptions) -> bool {
        let today = format_unix(store::recovery::now_unix());
        let previous_date = self.plan().meta.last_changed.clone();
        self.open.doc.stamp_saved_date(&today[..10]);
        let result = store::save_with(self.open.doc.plan(), path, options);
        if result.is_err() {
            self.open.doc.stamp_saved_date(&previous_date);
        }
        match result {
            Ok(()) => {
                self.open.doc.mark_saved();
                self.autosave.remove_copy(false);
                self.open.disk_fingerprint = store::fingerprint(path);
                self.open.path = Some(path.to_path_buf());
                self.save_as_suggestion = None;
                self.remember_path(path);
                let saved = tr(self.prefs.lang).saved;
                self.set_status(Tone::Success, format!("{}: {saved}", path.display()));
                true
            }
            Err(e) => {
                self.save_failed(e);
                false
            }
        }
    }

    fn save_failed(&mut self, error: store::SaveError) {
        self.set_status(
            Tone::Error,
            crate::messages::save_error(&error, self.prefs.lang),
        );
        self.show_dialog(Dialog::SaveFailed(error));
    }

    pub fn save(&mut self) -> bool {
        match self.open.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.save_as();
                false
            }
        }
    }

    /// Where Save as proposes to save: the current file, else next to the file that could not be
    /// opened (under another name), else `plan.ron` in the documents folder.
    fn save_as_proposal(&self) -> PathBuf {
        if let Some(path) = &self.open.path {
            return path.clone();
        }
        if let Some(path) = &self.save_as_suggestion {
            return path.clone();
        }
        unused_name(&crate::folders::documents_folder().join("plan.ron"))
    }

    pub fn save_as(&mut self) {
        let proposal = self.save_as_proposal();
        if self.native_dialogs {
            let mut dialog = rfd::FileDialog::new().add_filter("Planbord", &["ron"]);
            if let Some(dir) = proposal.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = proposal.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(path) = dialog.save_file() {
                // The platform's dialog asked about overwriting already.
                self.save_as_to(&with_ron_extension(path), false);
                return;
            }
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::SaveAs,
            proposal.display().to_string(),
        ));
    }

    /// Asks for a plan file with the platform's dialog; without one (no portal), asks for a
    /// path in the window instead and returns `None` (the dialog then carries out `purpose`).
    fn pick_file(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        if self.native_dialogs {
            rfd::FileDialog::new()
                .add_filter("Planbord", &["ron"])
                .pick_file()
        } else {
            self.show_dialog(Dialog::Path(purpose, String::new()));
            None
        }
    }

    /// Opens a file in place of the current plan (after the unsaved question).
    pub fn open_file(&mut self, path: &Path) {
        match store::load(path) {
            Ok(plan) => {
                let fingerprint = store::fingerprint(path);
                let previous = self.open.path.clone();
                self.replace_document(plan, Some(path.to_path_buf()), fingerprint, true);
                self.status = Status::default();
                self.swap_into_comparison(previous.as_deref(), path);
                self.notice_conflict_copies();
            }
            Err(e) => self.cannot_open(path, &e),
        }
    }

    /// Runs an action that would drop the current plan, asking first when it has unsaved changes.
    pub fn request(&mut self, action: Pending) {
        if self.is_dirty() {
            self.show_dialog(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// The user chose to drop the unsaved changes: their recovery copy goes now, before the
    /// window may close.
    fn discard_changes(&mut self) {
        self.autosave.remove_copy(true);
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => self.replace_document(template_plan(), None, None, true),
            Pending::Open(Some(path)) => self.open_file(&path),
            Pending::Open(None) => {
                if let Some(path) = self.pick_file(PathPurpose::Open) {
                    self.open_file(&path);
                }
            }
            Pending::Quit => self.allow_close = true,
        }
    }

    /// Whether the window may close now.
    pub fn may_close(&self) -> bool {
        self.allow_close || !self.is_dirty()
    }

    /// Whether a command can run now.
    pub fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.open.doc.undo_label(self.prefs.lang).is_some(),
            Command::Redo => self.open.doc.redo_label(self.prefs.lang).is_some(),
            Command::CloseComparison => self.comparison.is_open(),
            Command::CompareWith => !self.comparison.is_full(),
            _ => true,
        }
    }

    /// Runs a command (from a menu, a shortcut or a test).
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        if !self.enabled(command) {
            return;
        }
        match command {
            Command::New => self.request(Pending::New),
            Command::Open => self.request(Pending::Open(None)),
            Command::OpenPath => {
                self.show_dialog(Dialog::Path(PathPurpose::Open, String::new()));
            }
            Command::Save => {
                // What is typed but not in the plan is not saved: say so.
                let invalid = ui::widgets::invalid_cell_count(ctx);
                let typing = ui::widgets::has_pending_typing(ctx);
                if self.save() && (invalid > 0 || typing) {
                    let t = tr(self.prefs.lang);
                    let what = if invalid > 0 {
                        format!("{invalid} {}", t.cells_not_saved)
                    } else {
                        t.typing_not_saved.to_string()
                    };
                    self.set_status(Tone::Error, format!("{} — {what}", t.saved));
                }
            }
            Command::SaveAs => self.save_as(),
            Command::SaveScenario => {
                let dialog = self.save_scenario_dialog();
                self.show_dialog(dialog);
            }
            Command::CompareWith => {
                if let Some(path) = self.pick_file(PathPurpose::Compare) {
                    self.add_comparison(&path);
                }
            }
            Command::CloseComparison => self.close_comparison(),
            Command::ExportXlsx => self.export_xlsx(),
            Command::ExportCsv => self.export_csv(),
            Command::ExportPdf => self.export_pdf(),
            Command::ImportBudget => self.import_budget(),
            Command::Shortcuts => self.show_dialog(Dialog::Shortcuts),
            Command::About => self.show_dialog(Dialog::About),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                ui::widgets::reset_fields(ctx);
                self.undo();
            }
            Command::Redo => {
                ui::widgets::reset_fields(ctx);
                self.redo();
            }
        }
    }

    /// Queues the commands whose shortcut was pressed.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ui::widgets::has_pending_typing(ctx);
        for command in Command::ALL {
            if command.yields_to_typing() && typing {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.queued.push(command);
            }
        }
    }

    /// A menu entry for a command: its label (with `detail`), its shortcut, enabled or not.
    fn command_button_ui(&mut self, ui: &mut Ui, command: Command, detail: Option<&str>) {
        let t = tr(self.prefs.lang);
        let label = match detail {
            Some(detail) => format!("{}: {detail}", command.label(t)),
            None => command.label(t).to_string(),
        };
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let mut response = ui.add_enabled(self.enabled(command), button);
        if command.shortcuts().len() > 1 {
            let all: Vec<String> = command
                .shortcuts()
                .iter()
                .map(|s| ui.ctx().format_shortcut(s))
                .collect();
            response = response.on_hover_text(all.join(" / "));
        }
        if response.clicked() {
            self.queued.push(command);
            ui.close();
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let t = tr(self.prefs.lang);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                self.command_button_ui(ui, Command::New, None);
                self.command_button_ui(ui, Command::Open, None);
                self.command_button_ui(ui, Command::OpenPath, None);
                ui.menu_button(t.recent, |ui| {
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request(Pending::Open(Some(path)));
                        }
                    }
                });
                self.command_button_ui(ui, Command::CompareWith, None);
                if self.comparison.is_open() {
                    self.command_button_ui(ui, Command::CloseComparison, None);
                }
                ui.separator();
                self.command_button_ui(ui, Command::Save, None);
                self.command_button_ui(ui, Command::SaveAs, None);
                self.command_button_ui(ui, Command::SaveScenario, None);
                ui.separator();
                self.command_button_ui(ui, Command::ExportXlsx, None);
                self.command_button_ui(ui, Command::ExportCsv, None);
                self.command_button_ui(ui, Command::ExportPdf, None);
                self.command_button_ui(ui, Command::ImportBudget, None);
                ui.separator();
                self.command_button_ui(ui, Command::Quit, None);
            });
            ui.menu_button(t.edit, |ui| {
                let lang = self.prefs.lang;
                let undo = self.open.doc.undo_label(lang).map(str::to_string);
                let redo = self.open.doc.redo_label(lang).map(str::to_string);
                self.command_button_ui(
                    ui,
                    Command::Undo,
                    Some(undo.as_deref().unwrap_or(t.nothing)),
                );
                self.command_button_ui(
                    ui,
                    Command::Redo,
                    Some(redo.as_deref().unwrap_or(t.nothing)),
                );
            });
            ui.menu_button(t.view, |ui| {
                ui.label(t.language);
                ui.radio_value(&mut self.prefs.lang, Lang::Nl, "Nederlands");
                ui.radio_value(&mut self.prefs.lang, Lang::En, "English");
                ui.separator();
                ui.checkbox(&mut self.prefs.charts_beside, t.charts_beside);
                ui.separator();
                ui.label(t.theme);
                ui.radio_value(&mut self.prefs.theme, Theme::System, t.theme_system);
                ui.radio_value(&mut self.prefs.theme, Theme::Light, t.theme_light);
                ui.radio_value(&mut self.prefs.theme, Theme::Dark, t.theme_dark);
            });
            ui.menu_button(t.help, |ui| {
                self.command_button_ui(ui, Command::Shortcuts, None);
                self.command_button_ui(ui, Command::About, None);
            });
        });
    }

    fn status_bar_ui(&self, ui: &mut Ui) {
        let t = tr(self.prefs.lang);
        ui.horizontal(|ui| {
            let state = if self.is_dirty() { t.unsaved } else { t.saved };
            let path = self
                .open
                .path
                .as_ref()
                .map_or_else(|| t.untitled.to_string(), |p| p.display().to_string());
            ui.label(format!("{path} — {state}"));
            if !self.status.text.is_empty() {
                ui.separator();
                let text = egui::RichText::new(&self.status.text);
                let text = match self.status.tone {
                    Tone::Info => text,
                    Tone::Success => text.color(ui::palette::SUCCESS),
                    Tone::Error => text.color(ui::palette::ERROR),
                };
                ui.add(egui::Label::new(text).wrap());
            }
        });
    }

    /// The whole window: menu, tabs, goal tree, panel, charts, status bar, dialogs.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        ui::set_lang(&ctx, self.prefs.lang);
        if ctx.options(|o| o.theme_preference) != self.prefs.theme.preference() {
            ctx.set_theme(self.prefs.theme.preference());
        }
        self.shortcuts(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.show_dialog(Dialog::Unsaved(Pending::Quit));
        }
        if self.allow_close && self.dialog.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        let t = tr(self.prefs.lang);
        let mut edits = Vec::new();
        let charts_possible = self.prefs.charts_beside
            && !matches!(
                self.view.panel,
                Panel::Charts | Panel::Compare | Panel::Conflicts
            );
        // Charts beside the panel only when the panel keeps the room it needs; otherwise they
        // give way to a toggle (a laptop screen).
        let room_for_charts = ui.available_width() - TREE_WIDTH - CHARTS_WIDTH
            >= self.view.panel.min_width(self.open.summary.years.len());
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            ui.horizontal(|ui| {
                for panel in Panel::ALL {
                    if panel == Panel::Compare && !self.comparison.is_open() {
                        continue;
                    }
                    let conflicts = self.open.doc.plan().conflicts.len();
                    if panel == Panel::Conflicts && conflicts == 0 {
                        continue;
                    }
                    let mut name = panel.name(t).to_string();
                    if panel == Panel::Warnings && !self.open.summary.warnings.is_empty() {
                        name = format!("{name} ({})", self.open.summary.warnings.len());
                    }
                    if panel == Panel::Conflicts && conflicts > 0 {
                        name = format!("{name} ({conflicts})");
                    }
                    ui.selectable_value(&mut self.view.panel, panel, name)
                        .on_hover_text(panel.tooltip(t));
                }
                if charts_possible && !room_for_charts {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let text = if self.view.charts_forced {
                            t.hide_charts
                        } else {
                            t.show_charts
                        };
                        if ui
                            .selectable_label(self.view.charts_forced, text)
                            .on_hover_text(t.charts_toggle_tip)
                            .clicked()
                        {
                            self.view.charts_forced = !self.view.charts_forced;
                        }
                    });
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        if self.view.panel == Panel::Compare && !self.comparison.is_open() {
            self.view.panel = Panel::Goals;
        }
        if self.view.panel == Panel::Conflicts && self.open.doc.plan().conflicts.is_empty() {
            self.view.panel = Panel::Goals;
        }
        self.comparison();
        let compare_view = self.comparison.take_view();
        let mut compare_request = None;
        let plan = self.open.doc.plan();
        let summary = &self.open.summary;
        let charts = &self.open.charts;
        egui::Panel::left("goal-tree")
            .resizable(true)
            .default_size(TREE_WIDTH)
            .show(ui, |ui| {
                let mut cx = PanelCtx {
                    plan,
                    summary,
                    tr: t,
                    edits: &mut edits,
                };
                ui::goals_ui::tree_ui(ui, &mut cx, &mut self.view);
            });
        if charts_possible && (room_for_charts || self.view.charts_forced) {
            egui::Panel::right("charts")
                .resizable(true)
                .default_size(CHARTS_WIDTH)
                .show(ui, |ui| {
                    ui::charts_ui::charts_ui(ui, charts, t);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = PanelCtx {
                plan,
                summary,
                tr: t,
                edits: &mut edits,
            };
            match self.view.panel {
                Panel::Plan => ui::plan_ui::plan_ui(ui, &mut cx),
                Panel::Goals => ui::goals_ui::goal_ui(ui, &mut cx, &mut self.view),
                Panel::Timing => ui::timing_ui::timing_ui(ui, &mut cx, &self.view),
                Panel::Staffing => ui::staffing_ui::staffing_ui(ui, &mut cx, &self.view),
                Panel::Budget => ui::budget_ui::budget_ui(ui, &mut cx, &self.view),
                Panel::Actuals => ui::actuals_ui::actuals_ui(ui, &mut cx, &mut self.view),
                Panel::Charts => ui::charts_ui::charts_ui(ui, charts, t),
                Panel::Warnings => {
                    ui::warnings_ui::warnings_ui(ui, &mut cx, &mut self.view, self.prefs.lang)
                }
                Panel::Conflicts => {
                    ui::conflicts_ui::conflicts_ui(ui, &mut cx, &mut self.view, self.prefs.lang)
                }
                Panel::Compare => {
                    if let Some(view) = &compare_view {
                        compare_request = ui::compare_ui::compare_ui(ui, view, self.prefs.lang);
                    }
                }
            }
        });
        self.comparison.put_view(compare_view);
        if let Some(request) = compare_request {
            self.compare_request(request);
        }
        self.dialog_ui(ui);
        if self.dialog.is_none() {
            self.dialog = self.dialog_queue.pop_front();
        }
        if !edits.is_empty() {
            self.apply(edits);
        }
        for command in std::mem::take(&mut self.queued) {
            self.run(command, &ctx);
        }
        self.autosave_tick(&ctx);
        self.prefs.panel = self.view.panel;
    }

    /// Writes the recovery copy when due; asks for a repaint then.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(error) = self.autosave.error() {
            self.set_status(
                Tone::Error,
                crate::messages::save_error(&error, self.prefs.lang),
            );
        }
        let revision = self.open.doc.revision();
        let dirty = self.open.doc.is_dirty();
        let wait = self.autosave.tick(
            Instant::now(),
            self.open.doc.plan(),
            revision,
            dirty,
            self.open.path.as_deref(),
            self.open.disk_fingerprint,
        );
        if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
    }
}

// Comparison: the requests of the comparison view, and making a compared scenario the editable one.
impl PlanApp {
    /// Carries out what the user asked for in the comparison view.
    pub fn compare_request(&mut self, request: ui::compare_ui::CompareRequest) {
        use ui::compare_ui::CompareRequest;
        match request {
            CompareRequest::SetBase(base) => self.set_compare_base(base),
            CompareRequest::MakeEditable(scenario) => {
                // Scenario 0 is the open plan; the files follow it.
                if let Some((path, _)) = scenario
                    .checked_sub(1)
                    .and_then(|i| self.comparison.files.get(i))
                {
                    // Asks about unsaved changes first; `open_file` then swaps the files.
                    self.request(Pending::Open(Some(path.clone())));
                }
            }
        }
    }

    /// After `opened` (a compared file) was opened in the editor: the file open before takes its
    /// place in the comparison, read-only, as saved on disk; the base stays the same plan.
    fn swap_into_comparison(&mut self, previous: Option<&Path>, opened: &Path) {
        let Some(i) = self.comparison.files.iter().position(|(p, _)| p == opened) else {
            return;
        };
        let previous = previous
            .filter(|p| *p != opened)
            .and_then(|p| store::load(p).ok().map(|plan| (p.to_path_buf(), plan)));
        // Positions in the view: 0 the open plan, then the files.
        let (base, opened_at) = (self.comparison.base, i + 1);
        self.comparison.base = match previous {
            Some(entry) => {
                self.comparison.files[i] = entry;
                match base {
                    b if b == opened_at => 0,
                    0 => opened_at,
                    b => b,
                }
            }
            None => {
                self.comparison.files.remove(i);
                match base {
                    b if b == opened_at || b == 0 => 0,
                    b if b > opened_at => b - 1,
                    b => b,
                }
            }
        };
        if self.comparison.files.is_empty() {
            self.close_comparison();
        }
        // The plans changed while the revision may be the same: compute the view anew.
        self.comparison.put_view(None);
    }
}

/// The plan a "New" starts from: `plans/template.ron` as shipped inside the binary.
pub fn template_plan() -> Plan {
    store::from_ron_str(
        include_str!("../../plans/template.ron"),
        Path::new("template.ron"),
    )
    .unwrap_or_else(|_| Plan::new("", 2026, 2030))
}

/// Where the unreadable bytes of a file go before it is written over:
/// `plan.ron` -> `plan.ron.damaged`, `plan.ron.damaged-2` ... (never an existing file).
pub fn damaged_copy_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".damaged");
    unused_name(&path.with_file_name(name))
}

/// `path`, or with `-2`, `-3` ... before the extension if it exists.
fn unused_name(path: &Path) -> PathBuf {
    if std::fs::symlink_metadata(path).is_err() {
        return path.to_path_buf();
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The name proposed for a plan recovered from a file that could not be opened.
fn recovered_name(damaged: &Path) -> PathBuf {
    let stem = damaged.file_stem().unwrap_or_default().to_string_lossy();
    unused_name(&damaged.with_file_name(format!("{stem}-hersteld.ron")))
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

impl eframe::App for PlanApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.autosave.end();
    }
}
