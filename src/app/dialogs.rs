//! The window's questions, one function each. A dialog is a value in `PlanApp::dialog`; its
//! function shows it and carries out the answer. Answering closes it unless the answer opened
//! another dialog.

use super::PlanApp;
use crate::i18n::{Tr, tr};
use crate::store::SaveError;
use crate::store::recovery::Recovered;
use egui::{Key, Ui};
use std::path::{Path, PathBuf};

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(Option<PathBuf>),
    Quit,
}

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Compare,
    Exchange(super::exchange::ExchangeKind),
}

/// A modal question or input.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Unsaved(Pending),
    /// A path typed in the window (when no file dialog is available).
    Path(PathPurpose, String),
    /// Save a copy under a new scenario name: (name, path).
    SaveScenario(String, String),
    /// Recovery copies of crashed sessions, found at start.
    Recover(Vec<Recovered>),
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk(PathBuf),
    /// The file is gone from disk since it was opened or saved.
    DeletedOnDisk(PathBuf),
    /// A file that does not load: the message (file, line, column, what to do) and its backup.
    CannotOpen {
        message: String,
        backup: Option<PathBuf>,
        path: PathBuf,
    },
    /// A save that failed: why, and what can be done.
    SaveFailed(SaveError),
    /// Save as to a file that exists: overwrite? `damaged` when it is not a readable plan.
    ConfirmOverwrite {
        path: PathBuf,
        damaged: bool,
    },
    /// An export would replace `existing` files.
    ConfirmExport {
        kind: super::exchange::ExchangeKind,
        path: PathBuf,
        existing: usize,
    },
    /// The preview of a budget import (kept in `PlanApp::import_preview`).
    ImportBudget,
    /// A source that could not be read: the message.
    SourceUnreadable(String),
    /// Every command with its shortcut.
    Shortcuts,
    /// Version and file format.
    About,
    /// A synced folder's conflict copy next to the opened plan: merge it in?
    ConflictCopy {
        copy: PathBuf,
        has_base: bool,
    },
}

impl PlanApp {
    /// Shows the open dialog, if any, and carries out the answer.
    pub(super) fn dialog_ui(&mut self, ui: &mut Ui) {
        let Some(shown) = self.dialog.clone() else {
            return;
        };
        let t = tr(self.prefs.lang);
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("planbord-dialog")).show(ui.ctx(), |ui| {
            ui.set_width(460.0);
            close = match shown.clone() {
                Dialog::Unsaved(action) => self.unsaved_ui(ui, t, action),
                Dialog::Recover(found) => self.recover_ui(ui, t, &found),
                Dialog::ChangedOnDisk(path) => self.changed_on_disk_ui(ui, t, &path),
                Dialog::DeletedOnDisk(path) => self.deleted_on_disk_ui(ui, t, &path),
                Dialog::Path(purpose, text) => self.path_ui(ui, t, purpose, text),
                Dialog::SaveScenario(name, path) => self.save_scenario_ui(ui, t, name, path),
                Dialog::CannotOpen {
                    message,
                    backup,
                    path,
                } => self.cannot_open_ui(ui, t, &message, backup.as_deref(), &path),
                Dialog::SaveFailed(error) => self.save_failed_ui(ui, t, &error),
                Dialog::ConfirmOverwrite { path, damaged } => {
                    self.confirm_overwrite_ui(ui, t, &path, damaged)
                }
                Dialog::ConfirmExport {
                    kind,
                    path,
                    existing,
                } => self.confirm_export_ui(ui, t, kind, &path, existing),
                Dialog::ImportBudget => self.import_preview_dialog_ui(ui),
                Dialog::Shortcuts => self.shortcuts_ui(ui, t),
                Dialog::About => {
                    ui.heading(t.about);
                    ui.label(t.about_text);
                    ui.label(format!("{} {}", t.version, env!("CARGO_PKG_VERSION")));
                    ui.label(format!(
                        "{} {}",
                        t.file_format,
                        crate::model::FORMAT_VERSION
                    ));
                    ui.button(t.close).clicked()
                }
                Dialog::SourceUnreadable(message) => {
                    ui.heading(t.source_unreadable);
                    ui.label(egui::RichText::new(&message).color(crate::ui::palette::ERROR));
                    ui.button(t.close).clicked()
                }
                Dialog::ConflictCopy { copy, has_base } => {
                    self.conflict_copy_ui(ui, t, &copy, has_base)
                }
            };
        });
        // Close the dialog we showed, unless the answer opened another one.
        if (close || modal.should_close()) && self.dialog.as_ref() == Some(&shown) {
            self.dialog = None;
        }
    }

    fn unsaved_ui(&mut self, ui: &mut Ui, t: &Tr, action: Pending) -> bool {
        ui.heading(t.unsaved_title);
        ui.label(t.unsaved_question);
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.save).clicked() {
                close = true;
                if self.save() {
                    self.perform(action.clone());
                }
            }
            if ui.button(t.discard).clicked() {
                close = true;
                self.discard_changes();
                self.perform(action.clone());
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    fn recover_ui(&mut self, ui: &mut Ui, t: &Tr, found: &[Recovered]) -> bool {
        ui.heading(t.recover_title);
        ui.label(t.recover_question);
        let mut close = false;
        for recovered in found {
            let name = recovered
                .original
                .as_ref()
                .map_or_else(|| t.untitled.to_string(), |p| p.display().to_string());
            ui.separator();
            ui.label(egui::RichText::new(&name).strong());
            ui.label(format!(
                "{} {}",
                t.written_at,
                local_time(recovered.written_unix)
            ));
            ui.horizontal(|ui| {
                if ui.button(t.restore).clicked() {
                    self.restore(recovered);
                    close = true;
                }
                if ui.button(t.discard_copy).clicked() {
                    self.autosave.remove_other(&recovered.key);
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
        close
    }

    fn changed_on_disk_ui(&mut self, ui: &mut Ui, t: &Tr, path: &Path) -> bool {
        ui.heading(t.changed_title);
        ui.label(format!("{}\n{}", path.display(), t.changed_question));
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.reload).clicked() {
                close = true;
                self.discard_changes();
                self.open_file(path);
            }
            if ui.button(t.save_as).clicked() {
                close = true;
                self.save_as();
            }
            if ui.button(t.overwrite).clicked() {
                close = true;
                self.write_to(path, Default::default());
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    fn deleted_on_disk_ui(&mut self, ui: &mut Ui, t: &Tr, path: &Path) -> bool {
        ui.heading(t.deleted_title);
        ui.label(format!("{}\n{}", path.display(), t.deleted_question));
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.recreate).clicked() {
                close = true;
                self.write_to(path, Default::default());
            }
            if ui.button(t.save_as).clicked() {
                close = true;
                self.save_as();
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    fn path_ui(&mut self, ui: &mut Ui, t: &Tr, purpose: PathPurpose, mut text: String) -> bool {
        use super::exchange::ExchangeKind;
        let (title, action) = match purpose {
            PathPurpose::Open => (t.open, t.open),
            PathPurpose::SaveAs => (t.save_as, t.save),
            PathPurpose::Compare => (t.compare_with, t.compare),
            PathPurpose::Exchange(ExchangeKind::Xlsx) => (t.export_xlsx, t.save),
            PathPurpose::Exchange(ExchangeKind::CsvFolder) => (t.export_csv, t.save),
            PathPurpose::Exchange(ExchangeKind::Pdf) => (t.export_pdf, t.save),
            PathPurpose::Exchange(ExchangeKind::ImportBudget) => (t.import_budget, t.open),
        };
        ui.heading(title);
        let r = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
            .accessible_name(t.path);
        if r.changed() {
            self.dialog = Some(Dialog::Path(purpose, text.clone()));
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || enter {
                close = true;
                // The answer is for the dialog as shown, not as edited this frame.
                self.dialog = Some(Dialog::Path(purpose, text.clone()));
                let path = PathBuf::from(text.trim());
                match purpose {
                    PathPurpose::Open => self.request(Pending::Open(Some(path))),
                    PathPurpose::SaveAs => self.save_as_to(&path, true),
                    PathPurpose::Compare => self.add_comparison(&path),
                    PathPurpose::Exchange(kind) => self.exchange_path_chosen(kind, &path),
                }
                if self.dialog == Some(Dialog::Path(purpose, text.clone())) {
                    self.dialog = None;
                }
            }
            if ui.button(t.cancel).clicked() {
                close = true;
                self.dialog = None;
            }
        });
        close
    }

    fn save_scenario_ui(
        &mut self,
        ui: &mut Ui,
        t: &Tr,
        mut name: String,
        mut path: String,
    ) -> bool {
        ui.heading(t.save_scenario);
        ui.label(t.scenario_name);
        let r1 = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(420.0))
            .accessible_name(t.scenario_name);
        ui.label(t.path);
        let r2 = ui
            .add(egui::TextEdit::singleline(&mut path).desired_width(420.0))
            .accessible_name(t.path);
        if r1.changed() || r2.changed() {
            self.dialog = Some(Dialog::SaveScenario(name.clone(), path.clone()));
        }
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.save).clicked() {
                close = true;
                self.dialog = None;
                self.save_scenario(name.trim(), Path::new(path.trim()));
            }
            if ui.button(t.cancel).clicked() {
                close = true;
                self.dialog = None;
            }
        });
        close
    }

    fn cannot_open_ui(
        &mut self,
        ui: &mut Ui,
        t: &Tr,
        message: &str,
        backup: Option<&Path>,
        path: &Path,
    ) -> bool {
        ui.heading(t.cannot_open_title);
        ui.label(egui::RichText::new(message).color(crate::ui::palette::ERROR));
        ui.add_space(4.0);
        ui.label(t.cannot_open_help);
        let mut close = false;
        ui.horizontal(|ui| {
            if let Some(backup) = backup
                && ui.button(t.open_backup).clicked()
            {
                close = true;
                self.dialog = None;
                self.open_backup(backup, path);
            }
            if ui.button(t.open_in_editor).clicked() {
                open_in_text_editor(path);
            }
            if ui.button(t.close).clicked() {
                close = true;
            }
        });
        close
    }

    fn save_failed_ui(&mut self, ui: &mut Ui, t: &Tr, error: &SaveError) -> bool {
        ui.heading(t.save_failed_title);
        ui.label(crate::i18n::errors::save_error(error, self.prefs.lang));
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.save_as).clicked() {
                close = true;
                self.dialog = None;
                self.save_as();
            }
            if matches!(error.problem, crate::store::SaveProblem::HardLinked { .. })
                && ui.button(t.split_and_save).clicked()
            {
                close = true;
                self.dialog = None;
                let options = crate::store::SaveOptions {
                    split_hard_link: true,
                    ..Default::default()
                };
                self.write_to(&error.path.clone(), options);
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    fn confirm_overwrite_ui(&mut self, ui: &mut Ui, t: &Tr, path: &Path, damaged: bool) -> bool {
        ui.heading(t.exists_title);
        ui.label(path.display().to_string());
        ui.label(t.exists_question);
        if damaged {
            ui.label(format!(
                "{} {}",
                t.exists_damaged,
                super::damaged_copy_path(path).display()
            ));
        }
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.overwrite).clicked() {
                close = true;
                self.dialog = None;
                self.save_as_to(path, false);
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    fn conflict_copy_ui(&mut self, ui: &mut Ui, t: &Tr, copy: &Path, has_base: bool) -> bool {
        ui.heading(t.copy_title);
        ui.label(copy.display().to_string());
        ui.add(egui::Label::new(t.copy_question).wrap());
        ui.label(if has_base {
            t.copy_base_backup
        } else {
            t.copy_no_base
        });
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.copy_merge).clicked() {
                close = true;
                self.merge_conflict_copy(copy);
            }
            if ui.button(t.copy_ignore).clicked() {
                close = true;
                self.mark_copy_answered(copy);
            }
        });
        close
    }
}

impl PlanApp {
    /// Every command that has a shortcut, as egui writes it on this platform.
    fn shortcuts_ui(&mut self, ui: &mut Ui, t: &Tr) -> bool {
        ui.heading(t.shortcuts);
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for command in super::Command::ALL {
                if command.shortcuts().is_empty() {
                    continue;
                }
                ui.label(command.label(t));
                let keys: Vec<String> = command
                    .shortcuts()
                    .iter()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                ui.label(keys.join(" / "));
                ui.end_row();
            }
        });
        ui.add_space(4.0);
        ui.label(egui::RichText::new(t.shortcut_cell).weak());
        ui.button(t.close).clicked()
    }

    fn confirm_export_ui(
        &mut self,
        ui: &mut Ui,
        t: &Tr,
        kind: super::exchange::ExchangeKind,
        path: &Path,
        existing: usize,
    ) -> bool {
        ui.heading(t.exists_title);
        ui.label(format!(
            "{}\n{} {existing}",
            path.display(),
            t.export_exists
        ));
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(t.overwrite).clicked() {
                close = true;
                self.dialog = None;
                self.write_export(kind, path, false);
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }
}

/// A Unix time as the user's clock shows it: `30-11-2026 07:42`.
fn local_time(secs: u64) -> String {
    use chrono::TimeZone;
    chrono::Local
        .timestamp_opt(secs as i64, 0)
        .single()
        .map_or_else(
            || crate::store::recovery::format_unix(secs),
            |t| t.format("%d-%m-%Y %H:%M").to_string(),
        )
}

/// Opens `path` in the desktop's program for text files (detached; failures are ignored: the
/// dialog names the file and place anyway).
fn open_in_text_editor(path: &Path) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
