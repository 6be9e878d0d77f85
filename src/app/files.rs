//! Opening, saving and recovering plan files from the window: the save dialogs' decisions, the
//! recovery copy's clock, where a new plan is proposed.

use super::*;

impl PlanApp {
    /// A file that does not load: say where and why, offer its backup, never write over it.
    pub(super) fn cannot_open(&mut self, path: &Path, error: &store::LoadError) {
        let message = crate::i18n::errors::load_error(error, self.prefs.lang);
        let backup = store::backup_path(path);
        let backup =
            (store::disk::is_file(&backup) && store::load(&backup).is_ok()).then_some(backup);
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
    pub(super) fn open_backup(&mut self, backup: &Path, damaged: &Path) {
        match store::load(backup) {
            Ok(plan) => {
                self.replace_document(plan, None, None, false);
                self.save_as_suggestion = Some(recovered_name(damaged));
            }
            Err(e) => self.cannot_open(backup, &e),
        }
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
    pub(super) fn replace_document(
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

    pub(super) fn remember_path(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Saves to `path` atomically; on failure the work stays in the window and a dialog says why.
    /// When the file changed or disappeared on disk since it was opened or saved, asks first.
    pub fn save_to(&mut self, path: &Path) -> bool {
        if self.open.path.as_deref() == Some(path) {
            let exists = store::disk::occupied(path);
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
    pub(super) fn save_as_to(&mut self, path: &Path, confirm: bool) {
        if self.open.path.as_deref() == Some(path) {
            self.save_to(path);
            return;
        }
        let exists = store::disk::occupied(path);
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
            // Regular files only (whatever their size: these bytes are kept, not parsed).
            let bytes = store::read_bounded(path, u64::MAX).unwrap_or_default();
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
    pub(super) fn write_to(&mut self, path: &Path, options: SaveOptions) -> bool {
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

    pub(super) fn save_failed(&mut self, error: store::SaveError) {
        self.set_status(
            Tone::Error,
            crate::i18n::errors::save_error(&error, self.prefs.lang),
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
    pub(super) fn save_as_proposal(&self) -> PathBuf {
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
    pub(super) fn pick_file(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
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

    /// Writes the recovery copy when due; asks for a repaint then.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(error) = self.autosave.error() {
            self.set_status(
                Tone::Error,
                crate::i18n::errors::save_error(&error, self.prefs.lang),
            );
        }
        let revision = self.open.doc.revision();
        let dirty = self.open.doc.is_dirty();
        let wait = self.autosave.tick(
            self.frame_time,
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

/// The plan a "New" starts from: `plans/template.ron` as shipped inside the binary.
pub fn template_plan() -> Plan {
    store::template()
}

/// Where the unreadable bytes of a file go before it is written over:
/// `plan.ron` -> `plan.ron.damaged`, `plan.ron.damaged-2` ... (never an existing file).
pub fn damaged_copy_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".damaged");
    unused_name(&path.with_file_name(name))
}

/// `path`, or with `-2`, `-3` ... before the extension if it exists.
pub(super) fn unused_name(path: &Path) -> PathBuf {
    if !store::disk::occupied(path) {
        return path.to_path_buf();
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !store::disk::occupied(p))
        .unwrap_or_else(|| path.to_path_buf())
}

/// The name proposed for a plan recovered from a file that could not be opened.
pub(super) fn recovered_name(damaged: &Path) -> PathBuf {
    let stem = damaged.file_stem().unwrap_or_default().to_string_lossy();
    unused_name(&damaged.with_file_name(format!("{stem}-hersteld.ron")))
}

pub(super) fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}
