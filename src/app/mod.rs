//! PlanApp: the window. Commands (menu, shortcuts) -> panels push edits -> one door applies them
//! -> derived numbers recomputed per revision -> title, status, recovery copy.
//!
//! The parts live apart: [`commands`] (every command declared once), [`frame`] (menus, shortcuts,
//! status bar, the layout of the panels), [`dialogs`] (one function per question), [`files`]
//! (open, save, recover), [`autosave`] (recovery copies), [`comparison`] (scenario files),
//! [`exchange`] (exports and imports), [`sync`] (synced folders' conflict copies).

pub mod autosave;
pub mod commands;
mod comparison;
mod dialogs;
mod exchange;
mod files;
mod frame;
mod start;
mod sync;
mod year_report;

pub use autosave::AUTOSAVE_DELAY;
pub use commands::Command;
pub use dialogs::{Dialog, PathPurpose, Pending};
pub use files::{damaged_copy_path, template_plan};
pub use sync::conflict_copies;

use crate::calc::charts::{ChartData, chart_data};
use crate::calc::{Summary, summarize};
use crate::edit::{Document, Edit};
use crate::i18n::{Lang, tr};
use crate::model::Plan;
use crate::store::recovery::{Recovered, RecoveryStore, format_unix};
use crate::store::{self, SaveOptions};
use crate::ui::{self, Panel, PanelCtx, ViewState};
use autosave::Autosave;
use comparison::Comparison;
use egui::Ui;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// The time of this frame on the window's clock (egui's input time): the autosave's clock.
    frame_time: Duration,
    comparison: Comparison,
    /// Commands asked for this frame (menu, shortcuts), run in one place.
    queued: Vec<Command>,
    /// Where Save as proposes to save when the plan has no file yet.
    save_as_suggestion: Option<PathBuf>,
    /// The budget import being previewed.
    import_preview: exchange::PendingImport,
    /// Synced-folder conflict copies answered in this session.
    sync_copies: sync::SyncCopies,
    /// *Plan uit document* and *Nieuwe planperiode* between frames.
    start: start::Start,
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
            frame_time: Duration::ZERO,
            autosave: Autosave::off(),
            comparison: Comparison::default(),
            queued: Vec::new(),
            save_as_suggestion: None,
            import_preview: None,
            sync_copies: sync::SyncCopies::default(),
            start: start::Start::default(),
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
                    let t = tr(app.prefs.lang);
                    let (given, compared) = (
                        files.len().to_string(),
                        comparison::MAX_SCENARIOS.to_string(),
                    );
                    app.status = Status {
                        text: crate::i18n::fill(t.too_many_files, &[&given, &compared]),
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
            self.autosave.changed(self.frame_time);
            self.open.summary = summarize(self.open.doc.plan());
            self.open.charts = chart_data(&self.open.summary);
            self.open.summary_revision = self.open.doc.revision();
        }
    }
}

// Comparison: the requests of the comparison view, and making a compared scenario the editable one.
impl PlanApp {}

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
