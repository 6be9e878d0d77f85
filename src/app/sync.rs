//! Teams on a synced folder (Nextcloud, OneDrive, Dropbox, Syncthing): when two people saved the
//! same plan before the folder synced, the client keeps the second version as a conflict copy
//! next to the file (`plan (conflicted copy 2026-11-30).ron`). Opening the plan notices such a
//! copy and offers to merge it into the open plan.
//!
//! The common version of the two is not known for sure: the backup (`.bak`) is used when it can
//! be one (see [`merge::could_be_common_version`]), and the merge lists every change it takes
//! from the copy as a conflict to confirm ([`merge::merge_unsure`]), so a wrong guess loses
//! nothing. The result becomes the open plan, unsaved, with its conflicts in the Conflicts panel.

use super::{Dialog, PlanApp, Tone};
use crate::i18n::tr;
use crate::merge;
use crate::model::Plan;
use crate::store;
use crate::ui::Panel;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The conflict copies already answered in this session (merged or ignored), by path and
/// content, so they are not offered again until they change.
#[derive(Debug, Default)]
pub struct SyncCopies {
    answered: BTreeSet<(PathBuf, u64)>,
}

/// Conflict copies of `path` in its folder, by name (see [`merge::is_conflict_copy`]), sorted.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    crate::store::disk::files_in(folder)
        .into_iter()
        .filter(|f| {
            f.file_name()
                .is_some_and(|n| merge::is_conflict_copy(&name, &n.to_string_lossy()))
        })
        .collect()
}

impl PlanApp {
    /// After opening a file: shows the conflicts a merge left in it, and offers each conflict
    /// copy next to it that holds something the open plan does not (a copy that does not load,
    /// is another plan, or has nothing new, is passed over quietly).
    pub fn notice_conflict_copies(&mut self) {
        if !self.plan().conflicts.is_empty() {
            self.view.panel = Panel::Conflicts;
        }
        let Some(path) = self.open.path.clone() else {
            return;
        };
        for copy in conflict_copies(&path) {
            let Some(fingerprint) = store::fingerprint(&copy) else {
                continue;
            };
            if self
                .sync_copies
                .answered
                .contains(&(copy.clone(), fingerprint))
            {
                continue;
            }
            let Ok(theirs) = store::load(&copy) else {
                continue;
            };
            if !merge::share_history(self.plan(), &theirs) {
                continue;
            }
            let base = self.guessed_base(&copy, &theirs);
            if merge::merge_unsure(base.as_ref(), self.plan(), &theirs).plan != *self.plan() {
                self.show_dialog(Dialog::ConflictCopy {
                    copy,
                    has_base: base.is_some(),
                });
            }
        }
    }

    /// The version the open plan and a conflict copy were both made from, if the backup of
    /// either can be it.
    fn guessed_base(&self, copy: &Path, theirs: &Plan) -> Option<Plan> {
        let ours = self.plan();
        self.open
            .path
            .iter()
            .map(|p| store::backup_path(p))
            .chain(std::iter::once(store::backup_path(copy)))
            .filter_map(|p| store::load(&p).ok())
            .find(|base| merge::could_be_common_version(base, ours, theirs))
    }

    /// Merges a conflict copy into the open plan: the result is the open plan, unsaved (saving
    /// writes it to the open file; the copy stays as it is), its conflicts shown.
    pub fn merge_conflict_copy(&mut self, copy: &Path) {
        self.mark_copy_answered(copy);
        let theirs = match store::load(copy) {
            Ok(plan) => plan,
            Err(e) => {
                self.cannot_open(copy, &e);
                return;
            }
        };
        let base = self.guessed_base(copy, &theirs);
        let outcome = merge::merge_unsure(base.as_ref(), self.plan(), &theirs);
        let t = tr(self.prefs.lang);
        let mut status = format!(
            "{} {}: {} {}",
            t.merged_with,
            copy.display(),
            outcome.conflicts.len(),
            t.panel_conflicts.to_lowercase()
        );
        for note in &outcome.notes {
            let merge::MergeNote::CodeChanged { from, to, .. } = note;
            status.push_str("; ");
            status.push_str(&crate::i18n::merge_code_changed(self.prefs.lang, from, to));
        }
        if outcome.plan == *self.plan() {
            self.set_status(
                Tone::Info,
                format!("{}: {}", copy.display(), t.nothing_to_merge),
            );
            return;
        }
        let (path, fingerprint) = (self.open.path.clone(), self.open.disk_fingerprint);
        self.replace_document(outcome.plan, path, fingerprint, false);
        if !self.plan().conflicts.is_empty() {
            self.view.panel = Panel::Conflicts;
        }
        self.set_status(Tone::Info, status);
    }

    /// Remembers that the copy was answered (merged or ignored) in this session.
    pub fn mark_copy_answered(&mut self, copy: &Path) {
        if let Some(fingerprint) = store::fingerprint(copy) {
            self.sync_copies
                .answered
                .insert((copy.to_path_buf(), fingerprint));
        }
    }
}
