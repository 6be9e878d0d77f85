//! PlanApp: shortcuts -> panels -> apply edits -> title and unsaved marker.

use crate::calc::{Summary, summarize};
use crate::compare::Scenario;
use crate::edit::{Document, Edit};
use crate::i18n::{Lang, tr};
use crate::model::Plan;
use crate::store;
use crate::store::recovery::{Recovered, RecoveryStore, RecoveryWorker, format_unix};
use crate::ui::compare_ui::CompareView;
use crate::ui::{self, Panel, PanelCtx, ViewState};
use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Preferences kept between runs (in eframe's storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    pub charts_beside: bool,
    pub panel: Panel,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::Nl,
            recent: Vec::new(),
            charts_beside: true,
            panel: Panel::Goals,
        }
    }
}

const PREFS_KEY: &str = "planbord-prefs";
const MAX_RECENT: usize = 8;

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(Option<PathBuf>),
    Quit,
}

/// A modal question or input.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Unsaved(Pending),
    /// A path typed in the window (when no file dialog is available).
    Path(PathPurpose, String),
    /// Save a copy under a new scenario name: (name, path).
    SaveScenario(String, String),
    /// Recovery copies found at start.
    Recover(Vec<Recovered>),
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk(PathBuf),
}

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Compare,
}

/// How long after the last edit the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

pub struct PlanApp {
    doc: Document,
    path: Option<PathBuf>,
    summary: Summary,
    summary_revision: u64,
    pub view: ViewState,
    pub prefs: Prefs,
    pub dialog: Option<Dialog>,
    /// The last message for the status bar (errors of saving, loading, refused edits).
    pub status: String,
    title_sent: String,
    allow_close: bool,
    /// Whether native file dialogs can be used (an xdg portal on the session bus).
    native_dialogs: bool,
    recovery: Option<RecoveryWorker>,
    recovery_key: String,
    /// The revision last written as recovery copy.
    autosaved_revision: Option<u64>,
    last_change: Option<Instant>,
    pub autosave_delay: Duration,
    /// Fingerprint of the file as last opened or saved, to notice changes by others.
    disk_fingerprint: Option<u64>,
    /// Other scenario files compared with the open plan (read-only).
    compare_files: Vec<(PathBuf, Plan)>,
    compare_base: usize,
    compare_view: Option<CompareView>,
    /// (revision of the open plan, base, number of files) the view was computed for.
    compare_key: Option<(u64, usize, usize)>,
}

impl PlanApp {
    /// An app showing `plan`, loaded from `path` (if any).
    pub fn new(plan: Plan, path: Option<PathBuf>, prefs: Prefs) -> PlanApp {
        let summary = summarize(&plan);
        let mut app = PlanApp {
            doc: Document::new(plan),
            path: None,
            summary,
            summary_revision: 0,
            view: ViewState {
                panel: prefs.panel,
                ..ViewState::default()
            },
            prefs,
            dialog: None,
            status: String::new(),
            title_sent: String::new(),
            allow_close: false,
            native_dialogs: std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            recovery: None,
            recovery_key: RecoveryStore::key_for(path.as_deref()),
            autosaved_revision: None,
            last_change: None,
            autosave_delay: AUTOSAVE_DELAY,
            disk_fingerprint: path.as_deref().and_then(store::fingerprint),
            compare_files: Vec::new(),
            compare_base: 0,
            compare_view: None,
            compare_key: None,
        };
        if let Some(path) = path {
            app.remember_path(&path);
            app.path = Some(path);
        }
        app
    }

    /// Adds a scenario file to the comparison (2 to 4 plans in all) and shows it.
    pub fn add_comparison(&mut self, path: &Path) {
        if self.compare_files.len() >= 3 {
            self.status = "er kunnen hoogstens 4 plannen vergeleken worden".into();
            return;
        }
        match store::load(path) {
            Ok(plan) => {
                self.compare_files.push((path.to_path_buf(), plan));
                self.view.panel = Panel::Compare;
                self.status.clear();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    pub fn close_comparison(&mut self) {
        self.compare_files.clear();
        self.compare_view = None;
        self.compare_key = None;
        if self.view.panel == Panel::Compare {
            self.view.panel = Panel::Goals;
        }
    }

    /// The comparison as shown, recomputed when the open plan, the base or the files change.
    pub fn comparison(&mut self) -> Option<&CompareView> {
        if self.compare_files.is_empty() {
            return None;
        }
        let key = (
            self.doc.revision(),
            self.compare_base,
            self.compare_files.len(),
        );
        if self.compare_key != Some(key) {
            let name = |p: Option<&Path>| {
                p.and_then(|p| p.file_stem())
                    .map_or_else(|| "plan".to_string(), |s| s.to_string_lossy().into_owned())
            };
            let mut scenarios = vec![Scenario::new(
                name(self.path.as_deref()),
                self.doc.plan().clone(),
            )];
            for (path, plan) in &self.compare_files {
                scenarios.push(Scenario::new(name(Some(path)), plan.clone()));
            }
            // Two scenarios with the same name are told apart by their position.
            for i in 1..scenarios.len() {
                if scenarios[..i].iter().any(|s| s.name == scenarios[i].name) {
                    scenarios[i].name = format!("{} ({})", scenarios[i].name, i + 1);
                }
            }
            self.compare_view = Some(CompareView::new(scenarios, self.compare_base));
            self.compare_key = Some(key);
        }
        self.compare_view.as_ref()
    }

    pub fn set_compare_base(&mut self, base: usize) {
        self.compare_base = base;
    }

    /// The "save as scenario" question, with a name and a file next to the current one.
    pub fn save_scenario_dialog(&self) -> Dialog {
        let name = format!("{} (variant)", self.doc.plan().meta.scenario)
            .trim()
            .to_string();
        let path = match &self.path {
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
        self.write_to(path);
    }

    /// Keeps recovery copies in `store` and offers those found there (from a crash) for restore.
    pub fn with_recovery(mut self, store: Option<RecoveryStore>) -> PlanApp {
        if let Some(store) = store {
            let found = store.list();
            if !found.is_empty() {
                self.dialog = Some(Dialog::Recover(found));
            }
            self.recovery = Some(RecoveryWorker::start(store));
        }
        self
    }

    /// Writes the recovery copy now if there are unsaved changes not yet copied, and waits for it.
    pub fn write_recovery_now(&mut self) {
        self.autosave();
        if let Some(worker) = &self.recovery {
            worker.flush();
        }
    }

    fn autosave(&mut self) {
        if !self.doc.is_dirty() || self.autosaved_revision == Some(self.doc.revision()) {
            return;
        }
        if let Some(worker) = &self.recovery {
            worker.write(&self.recovery_key, self.path.as_deref(), self.doc.plan());
            self.autosaved_revision = Some(self.doc.revision());
        }
    }

    /// Writes the recovery copy a little while after the last edit; asks for a repaint then.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(error) = self.recovery.as_ref().and_then(RecoveryWorker::error) {
            self.status = error;
        }
        if !self.doc.is_dirty() {
            // Undone back to the saved state: the copy is no longer needed.
            if self.autosaved_revision.is_some() {
                self.drop_recovery();
            }
            return;
        }
        if self.autosaved_revision == Some(self.doc.revision()) {
            return;
        }
        let since = self
            .last_change
            .map_or(self.autosave_delay, |t| t.elapsed());
        if since >= self.autosave_delay {
            self.autosave();
        } else {
            ctx.request_repaint_after(self.autosave_delay - since);
        }
    }

    /// The recovery copy is no longer needed (saved or discarded).
    fn drop_recovery(&mut self) {
        if let Some(worker) = &self.recovery {
            worker.remove(&self.recovery_key);
        }
        self.autosaved_revision = None;
    }

    /// Continues with a recovery copy: its plan, unsaved, belonging to its original file.
    pub fn restore(&mut self, recovered: &Recovered) {
        self.doc = Document::new(recovered.plan.clone());
        self.doc.mark_unsaved();
        self.path = recovered.original.clone();
        self.disk_fingerprint = self.path.as_deref().and_then(store::fingerprint);
        self.recovery_key = recovered.key.clone();
        self.autosaved_revision = None;
        self.view.selected_goal = None;
        self.summary_revision = u64::MAX;
        self.refresh();
    }

    /// Opens the files from the command line; the template when none is given or one fails.
    pub fn from_files(files: &[PathBuf], cc: Option<&eframe::CreationContext<'_>>) -> PlanApp {
        let prefs: Prefs = cc
            .and_then(|cc| cc.storage)
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let mut status = String::new();
        if let Some(first) = files.first() {
            match store::load(first) {
                Ok(plan) => {
                    let mut app = PlanApp::new(plan, Some(first.clone()), prefs)
                        .with_recovery(cc.and_then(|_| RecoveryStore::platform()));
                    for other in files.iter().skip(1).take(3) {
                        app.add_comparison(other);
                    }
                    if files.len() > 4 {
                        app.status = format!(
                            "{} bestanden gegeven; de eerste 4 worden vergeleken",
                            files.len()
                        );
                    }
                    return app;
                }
                Err(e) => status = e.to_string(),
            }
        }
        let mut app = PlanApp::new(template_plan(), None, prefs)
            .with_recovery(cc.and_then(|_| RecoveryStore::platform()));
        app.status = status;
        app
    }

    /// Selects the goal with this code in the goal tree, if there is one.
    pub fn select_goal_by_code(&mut self, code: &str) {
        let plan = self.doc.plan();
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
        self.doc.plan()
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The window title: file name, a marker while there are unsaved changes.
    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || tr(self.prefs.lang).untitled.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let marker = if self.doc.is_dirty() { " ●" } else { "" };
        format!("{name}{marker} — Planbord")
    }

    /// Applies edits through the document; a refused edit shows its reason in the status bar.
    pub fn apply(&mut self, edits: Vec<Edit>) {
        for edit in edits {
            match self.doc.apply(edit) {
                Ok(()) => self.status.clear(),
                Err(e) => self.status = e.to_string(),
            }
        }
        self.refresh();
    }

    pub fn undo(&mut self) {
        self.doc.undo();
        self.refresh();
    }

    pub fn redo(&mut self) {
        self.doc.redo();
        self.refresh();
    }

    /// Recomputes the derived numbers once per change of the plan, not per frame.
    fn refresh(&mut self) {
        if self.summary_revision != self.doc.revision() {
            self.last_change = Some(Instant::now());
            self.summary = summarize(self.doc.plan());
            self.summary_revision = self.doc.revision();
        }
    }

    fn remember_path(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Saves to `path` atomically; on failure the work stays in the window and the reason shows.
    /// When the file changed on disk since it was opened, asks first.
    pub fn save_to(&mut self, path: &Path) -> bool {
        if self.path.as_deref() == Some(path)
            && let Some(known) = self.disk_fingerprint
            && store::fingerprint(path).is_some_and(|now| now != known)
        {
            self.dialog = Some(Dialog::ChangedOnDisk(path.to_path_buf()));
            return false;
        }
        self.write_to(path)
    }

    /// Saves to `path` without asking.
    fn write_to(&mut self, path: &Path) -> bool {
        let today = format_unix(crate::store::recovery::now_unix());
        let previous_date = self.doc.plan().meta.last_changed.clone();
        self.doc.stamp_saved_date(&today[..10]);
        let result = store::save(self.doc.plan(), path);
        if result.is_err() {
            self.doc.stamp_saved_date(&previous_date);
        }
        match result {
            Ok(()) => {
                self.doc.mark_saved();
                self.drop_recovery();
                if self.path.as_deref() != Some(path) {
                    self.recovery_key = RecoveryStore::key_for(Some(path));
                }
                self.disk_fingerprint = store::fingerprint(path);
                self.path = Some(path.to_path_buf());
                self.remember_path(path);
                self.status = format!("{}: {}", path.display(), tr(self.prefs.lang).saved);
                true
            }
            Err(e) => {
                self.status = format!("{}: {e}", path.display());
                false
            }
        }
    }

    pub fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.save_as();
                false
            }
        }
    }

    pub fn save_as(&mut self) {
        if self.native_dialogs {
            let mut dialog = rfd::FileDialog::new().add_filter("Planbord", &["ron"]);
            if let Some(dir) = self.path.as_ref().and_then(|p| p.parent()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(path) = dialog.save_file() {
                self.save_to(&path);
                return;
            }
        }
        let suggestion = self
            .path
            .as_ref()
            .map_or_else(|| "plan.ron".to_string(), |p| p.display().to_string());
        self.dialog = Some(Dialog::Path(PathPurpose::SaveAs, suggestion));
    }

    /// Asks for a plan file with the platform's dialog; without one (no portal), asks for a
    /// path in the window instead and returns `None` (the dialog then carries out `purpose`).
    fn pick_file(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        if self.native_dialogs {
            rfd::FileDialog::new()
                .add_filter("Planbord", &["ron"])
                .pick_file()
        } else {
            self.dialog = Some(Dialog::Path(purpose, String::new()));
            None
        }
    }

    /// Opens a file in place of the current plan (after the unsaved question).
    pub fn open_file(&mut self, path: &Path) {
        match store::load(path) {
            Ok(plan) => {
                self.doc = Document::new(plan);
                self.path = Some(path.to_path_buf());
                self.disk_fingerprint = store::fingerprint(path);
                self.recovery_key = RecoveryStore::key_for(Some(path));
                self.autosaved_revision = None;
                self.remember_path(path);
                self.view.selected_goal = None;
                self.summary_revision = u64::MAX;
                self.refresh();
                self.status.clear();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Runs an action that would drop the current plan, asking first when it has unsaved changes.
    pub fn request(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => {
                self.doc = Document::new(template_plan());
                self.path = None;
                self.disk_fingerprint = None;
                self.recovery_key = RecoveryStore::key_for(None);
                self.autosaved_revision = None;
                self.view.selected_goal = None;
                self.summary_revision = u64::MAX;
                self.refresh();
            }
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
        self.allow_close || !self.doc.is_dirty()
    }

    fn shortcuts(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let pressed = |m: Modifiers, k: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)))
        };
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        if pressed(shift_cmd, Key::S) {
            self.save_as();
        } else if pressed(Modifiers::COMMAND, Key::S) {
            self.save();
        }
        if pressed(Modifiers::COMMAND, Key::N) {
            self.request(Pending::New);
        }
        if pressed(Modifiers::COMMAND, Key::O) {
            self.request(Pending::Open(None));
        }
        if pressed(Modifiers::COMMAND, Key::Q) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // While a field holds uncommitted typing, Ctrl+Z belongs to it.
        if !crate::ui::widgets::has_pending_typing(&ctx) {
            if pressed(shift_cmd, Key::Z) || pressed(Modifiers::COMMAND, Key::Y) {
                crate::ui::widgets::reset_fields(&ctx);
                self.redo();
            } else if pressed(Modifiers::COMMAND, Key::Z) {
                crate::ui::widgets::reset_fields(&ctx);
                self.undo();
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let t = tr(self.prefs.lang);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                if ui.button(format!("{}  (Ctrl+N)", t.new)).clicked() {
                    self.request(Pending::New);
                }
                if ui.button(format!("{}  (Ctrl+O)", t.open)).clicked() {
                    self.request(Pending::Open(None));
                }
                if ui.button(t.open_path).clicked() {
                    self.dialog = Some(Dialog::Path(PathPurpose::Open, String::new()));
                }
                ui.menu_button(t.recent, |ui| {
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request(Pending::Open(Some(path)));
                        }
                    }
                });
                if ui.button(t.compare_with).clicked()
                    && let Some(path) = self.pick_file(PathPurpose::Compare)
                {
                    self.add_comparison(&path);
                }
                if !self.compare_files.is_empty() && ui.button(t.close_compare).clicked() {
                    self.close_comparison();
                }
                ui.separator();
                if ui.button(format!("{}  (Ctrl+S)", t.save)).clicked() {
                    self.save();
                }
                if ui
                    .button(format!("{}  (Ctrl+Shift+S)", t.save_as))
                    .clicked()
                {
                    self.save_as();
                }
                if ui.button(t.save_scenario).clicked() {
                    self.dialog = Some(self.save_scenario_dialog());
                }
                ui.separator();
                if ui.button(format!("{}  (Ctrl+Q)", t.quit)).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button(t.edit, |ui| {
                let undo = self.doc.undo_label().map(str::to_string);
                let redo = self.doc.redo_label().map(str::to_string);
                let undo_text = format!(
                    "{}: {}  (Ctrl+Z)",
                    t.undo,
                    undo.as_deref().unwrap_or(t.nothing)
                );
                if ui
                    .add_enabled(undo.is_some(), egui::Button::new(undo_text))
                    .clicked()
                {
                    self.undo();
                }
                let redo_text = format!(
                    "{}: {}  (Ctrl+Shift+Z)",
                    t.redo,
                    redo.as_deref().unwrap_or(t.nothing)
                );
                if ui
                    .add_enabled(redo.is_some(), egui::Button::new(redo_text))
                    .clicked()
                {
                    self.redo();
                }
            });
            ui.menu_button(t.view, |ui| {
                ui.label(t.language);
                ui.radio_value(&mut self.prefs.lang, Lang::Nl, "Nederlands");
                ui.radio_value(&mut self.prefs.lang, Lang::En, "English");
                ui.separator();
                ui.checkbox(&mut self.prefs.charts_beside, t.charts_beside);
            });
        });
    }

    fn dialog_ui(&mut self, ui: &mut Ui) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let shown = dialog.clone();
        let t = tr(self.prefs.lang);
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("planbord-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            match dialog {
                Dialog::Unsaved(action) => {
                    ui.heading(t.unsaved_title);
                    ui.label(t.unsaved_question);
                    ui.horizontal(|ui| {
                        if ui.button(t.save).clicked() {
                            close = true;
                            if self.save() {
                                self.perform(action.clone());
                            }
                        }
                        if ui.button(t.discard).clicked() {
                            close = true;
                            self.drop_recovery();
                            self.perform(action.clone());
                        }
                        if ui.button(t.cancel).clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Recover(found) => {
                    ui.heading(t.recover_title);
                    ui.label(t.recover_question);
                    for recovered in &found {
                        let name = recovered
                            .original
                            .as_ref()
                            .map_or_else(|| t.untitled.to_string(), |p| p.display().to_string());
                        ui.separator();
                        ui.label(egui::RichText::new(&name).strong());
                        ui.label(format!(
                            "{} {}",
                            t.written_at,
                            format_unix(recovered.written_unix)
                        ));
                        ui.horizontal(|ui| {
                            if ui.button(t.restore).clicked() {
                                self.restore(recovered);
                                close = true;
                            }
                            if ui.button(t.remove).clicked() {
                                if let Some(worker) = &self.recovery {
                                    worker.remove(&recovered.key);
                                }
                                let rest: Vec<Recovered> = found
                                    .iter()
                                    .filter(|r| r.key != recovered.key)
                                    .cloned()
                                    .collect();
                                self.dialog = (!rest.is_empty()).then_some(Dialog::Recover(rest));
                            }
                        });
                    }
                    ui.separator();
                    if ui.button(t.later).clicked() {
                        close = true;
                    }
                }
                Dialog::ChangedOnDisk(path) => {
                    ui.heading(t.changed_title);
                    ui.label(format!("{}\n{}", path.display(), t.changed_question));
                    ui.horizontal(|ui| {
                        if ui.button(t.reload).clicked() {
                            close = true;
                            self.drop_recovery();
                            self.open_file(&path);
                        }
                        if ui.button(t.save_as).clicked() {
                            close = true;
                            self.save_as();
                        }
                        if ui.button(t.overwrite).clicked() {
                            close = true;
                            self.write_to(&path);
                        }
                        if ui.button(t.cancel).clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Path(purpose, mut text) => {
                    let (title, action) = match purpose {
                        PathPurpose::Open => (t.open, t.open),
                        PathPurpose::SaveAs => (t.save_as, t.save),
                        PathPurpose::Compare => (t.compare_with, t.compare),
                    };
                    ui.heading(title);
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(400.0))
                        .accessible_name(t.path);
                    if r.changed() {
                        self.dialog = Some(Dialog::Path(purpose, text.clone()));
                    }
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.horizontal(|ui| {
                        if ui.button(action).clicked() || enter {
                            close = true;
                            self.dialog = Some(shown.clone());
                            let path = PathBuf::from(text.trim());
                            match purpose {
                                PathPurpose::Open => self.open_file(&path),
                                PathPurpose::SaveAs => {
                                    self.save_to(&path);
                                }
                                PathPurpose::Compare => self.add_comparison(&path),
                            }
                        }
                        if ui.button(t.cancel).clicked() {
                            close = true;
                            self.dialog = Some(shown.clone());
                        }
                    });
                }
                Dialog::SaveScenario(mut name, mut path) => {
                    ui.heading(t.save_scenario);
                    ui.label(t.scenario_name);
                    let r1 = ui
                        .add(egui::TextEdit::singleline(&mut name).desired_width(400.0))
                        .accessible_name(t.scenario_name);
                    ui.label(t.path);
                    let r2 = ui
                        .add(egui::TextEdit::singleline(&mut path).desired_width(400.0))
                        .accessible_name(t.path);
                    if r1.changed() || r2.changed() {
                        self.dialog = Some(Dialog::SaveScenario(name.clone(), path.clone()));
                    }
                    ui.horizontal(|ui| {
                        if ui.button(t.save).clicked() {
                            close = true;
                            self.dialog = Some(shown.clone());
                            self.save_scenario(name.trim(), Path::new(path.trim()));
                        }
                        if ui.button(t.cancel).clicked() {
                            close = true;
                            self.dialog = Some(shown.clone());
                        }
                    });
                }
            }
        });
        // Close the dialog we showed, unless the action opened another one.
        if (close || modal.should_close()) && self.dialog.as_ref() == Some(&shown) {
            self.dialog = None;
        }
    }

    /// The whole window: menu, tabs, goal tree, panel, charts, status bar, dialogs.
    pub fn show(&mut self, ui: &mut Ui) {
        self.shortcuts(ui);
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
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
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            ui.horizontal(|ui| {
                for panel in Panel::ALL {
                    if panel == Panel::Compare && self.compare_files.is_empty() {
                        continue;
                    }
                    let mut name = panel.name(t).to_string();
                    if panel == Panel::Warnings && !self.summary.warnings.is_empty() {
                        name = format!("{name} ({})", self.summary.warnings.len());
                    }
                    ui.selectable_value(&mut self.view.panel, panel, name);
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let state = if self.doc.is_dirty() {
                    t.unsaved
                } else {
                    t.saved
                };
                let path = self
                    .path
                    .as_ref()
                    .map_or_else(|| t.untitled.to_string(), |p| p.display().to_string());
                ui.label(format!("{path} — {state}"));
                if !self.status.is_empty() {
                    ui.separator();
                    ui.colored_label(egui::Color32::from_rgb(190, 60, 30), &self.status);
                }
            });
        });
        if self.view.panel == Panel::Compare && self.compare_files.is_empty() {
            self.view.panel = Panel::Goals;
        }
        self.comparison();
        let compare_view = self.compare_view.take();
        let mut new_base = None;
        let plan = self.doc.plan();
        let summary = &self.summary;
        egui::Panel::left("goal-tree")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                let mut cx = PanelCtx {
                    plan,
                    summary,
                    tr: t,
                    edits: &mut edits,
                };
                ui::goals_ui::tree_ui(ui, &mut cx, &mut self.view);
            });
        if self.prefs.charts_beside && !matches!(self.view.panel, Panel::Charts | Panel::Compare) {
            egui::Panel::right("charts")
                .resizable(true)
                .default_size(330.0)
                .show(ui, |ui| {
                    ui::charts_ui::charts_ui(ui, summary, t);
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
                Panel::Charts => ui::charts_ui::charts_ui(ui, summary, t),
                Panel::Warnings => {
                    ui::warnings_ui::warnings_ui(ui, &mut cx, &mut self.view, self.prefs.lang)
                }
                Panel::Compare => {
                    if let Some(view) = &compare_view {
                        new_base = ui::compare_ui::compare_ui(ui, view, t);
                    }
                }
            }
        });
        self.compare_view = compare_view;
        if let Some(base) = new_base {
            self.set_compare_base(base);
        }
        self.dialog_ui(ui);
        if !edits.is_empty() {
            self.apply(edits);
        }
        self.autosave_tick(&ctx);
        self.prefs.panel = self.view.panel;
    }
}

/// The plan a "New" starts from: `plans/template.ron` as shipped inside the binary.
pub fn template_plan() -> Plan {
    store::from_ron_str(
        include_str!("../plans/template.ron"),
        Path::new("template.ron"),
    )
    .unwrap_or_else(|_| Plan::new("", 2026, 2030))
}

impl eframe::App for PlanApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
