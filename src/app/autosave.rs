//! Recovery copies of the open plan: written in the background at most [`AUTOSAVE_DELAY`] after
//! the first change that is not in a copy yet (also while the user keeps typing), removed when
//! the plan is saved or its changes are discarded.

use crate::model::Plan;
use crate::store::SaveError;
use crate::store::recovery::{Recovered, RecoveryStore, RecoveryWorker, Session};
use std::path::Path;
use std::time::Duration;

/// The longest time a change waits before it is in a recovery copy.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

/// When the next recovery copy is due: a fixed time after the first change that is not in a
/// copy, so that steady typing cannot postpone the copy.
///
/// Times are the window's frame clock (egui's input time, since the window started): the real
/// clock in the app, a steady synthetic one in headless tests, so no test depends on the wall
/// clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutosaveClock {
    pub delay: Duration,
    first_uncopied_change: Option<Duration>,
}

impl AutosaveClock {
    pub fn new(delay: Duration) -> AutosaveClock {
        AutosaveClock {
            delay,
            first_uncopied_change: None,
        }
    }

    /// A change was made at `now`.
    pub fn changed(&mut self, now: Duration) {
        self.first_uncopied_change.get_or_insert(now);
    }

    /// Every change so far is in a copy (or needs none).
    pub fn copied(&mut self) {
        self.first_uncopied_change = None;
    }

    /// How long until a copy is due at `now`: `Some(ZERO)` when due, `None` when nothing waits.
    pub fn due_in(&self, now: Duration) -> Option<Duration> {
        let since = now.saturating_sub(self.first_uncopied_change?);
        Some(self.delay.saturating_sub(since))
    }
}

/// The recovery side of the window: the session's copy and the worker that writes it.
pub struct Autosave {
    worker: Option<RecoveryWorker>,
    session: Option<Session>,
    pub clock: AutosaveClock,
    /// The revision in the session's copy, if there is a copy.
    copied_revision: Option<u64>,
}

impl Autosave {
    /// No recovery copies (tests, or no data folder).
    pub fn off() -> Autosave {
        Autosave {
            worker: None,
            session: None,
            clock: AutosaveClock::new(AUTOSAVE_DELAY),
            copied_revision: None,
        }
    }

    /// Copies go to `store`; returns the copies of crashed sessions found there.
    pub fn start(store: RecoveryStore) -> (Autosave, Vec<Recovered>) {
        let found = store.list();
        let session = store.start_session();
        let autosave = Autosave {
            worker: Some(RecoveryWorker::start(store)),
            session: Some(session),
            clock: AutosaveClock::new(AUTOSAVE_DELAY),
            copied_revision: None,
        };
        (autosave, found)
    }

    fn key(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.key.as_str())
    }

    /// The plan changed (an edit, undo or redo).
    pub fn changed(&mut self, now: Duration) {
        self.clock.changed(now);
    }

    /// Writes the copy when due; returns how long until the next one is due, to repaint then.
    pub fn tick(
        &mut self,
        now: Duration,
        plan: &Plan,
        revision: u64,
        dirty: bool,
        original: Option<&Path>,
        original_fingerprint: Option<u64>,
    ) -> Option<Duration> {
        if !dirty {
            // Saved, or undone back to the saved state: no copy needed.
            if self.copied_revision.is_some() {
                self.remove_copy(false);
            }
            self.clock.copied();
            return None;
        }
        if self.copied_revision == Some(revision) {
            self.clock.copied();
            return None;
        }
        self.clock.changed(now);
        match self.clock.due_in(now) {
            Some(wait) if wait.is_zero() => {
                self.write(plan, revision, original, original_fingerprint);
                None
            }
            other => other,
        }
    }

    /// Writes the copy now (in the background).
    pub fn write(
        &mut self,
        plan: &Plan,
        revision: u64,
        original: Option<&Path>,
        original_fingerprint: Option<u64>,
    ) {
        if let (Some(worker), Some(key)) = (&self.worker, self.key()) {
            worker.write(key, original, original_fingerprint, plan);
            self.copied_revision = Some(revision);
            self.clock.copied();
        }
    }

    /// The copy is no longer needed (saved, or the changes discarded). With `wait`, returns only
    /// when it is gone (before the window closes).
    pub fn remove_copy(&mut self, wait: bool) {
        if let (Some(worker), Some(key)) = (&self.worker, self.key()) {
            worker.remove(key);
            if wait {
                worker.flush();
            }
        }
        self.copied_revision = None;
        self.clock.copied();
    }

    /// Removes a crashed session's copy (restored into this session, or discarded by the user).
    pub fn remove_other(&self, key: &str) {
        if let Some(worker) = &self.worker {
            worker.remove(key);
        }
    }

    /// Waits until every copy asked for is written or removed.
    pub fn flush(&self) {
        if let Some(worker) = &self.worker {
            worker.flush();
        }
    }

    /// The latest error of writing a copy, if any.
    pub fn error(&self) -> Option<SaveError> {
        self.worker.as_ref().and_then(RecoveryWorker::error)
    }

    /// The window closes: the session's copy and lock go (the plan was saved or discarded).
    pub fn end(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.flush();
            if let Some(session) = self.session.take() {
                worker.store.end_session(session);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_typing_cannot_postpone_the_copy() {
        let start = Duration::from_secs(7);
        let mut clock = AutosaveClock::new(Duration::from_millis(500));
        assert_eq!(clock.due_in(start), None, "nothing to copy");
        // A change every 100 ms: the copy is due 500 ms after the first, not after the last.
        for i in 0..5 {
            clock.changed(start + Duration::from_millis(100 * i));
        }
        assert_eq!(
            clock.due_in(start + Duration::from_millis(400)),
            Some(Duration::from_millis(100))
        );
        assert_eq!(
            clock.due_in(start + Duration::from_millis(500)),
            Some(Duration::ZERO)
        );
        clock.copied();
        assert_eq!(clock.due_in(start + Duration::from_millis(600)), None);
        assert!(AUTOSAVE_DELAY <= Duration::from_secs(1));
    }
}
