//! Recovery copies: while a plan has unsaved changes, a copy is written to the user's data folder
//! (never next to the user's file). After a crash the next start offers to restore it.
//!
//! Every editing session (one window, one process) has its own copy, named by the session, and
//! holds an exclusive lock on `<session>.lock` while it runs. So:
//! - a copy is never overwritten by another session, also not by a second window on the same file;
//! - a copy whose lock is free belongs to a session that ended without cleaning up (a crash): it
//!   is offered until the user restores or discards it ("decide later" keeps it);
//! - a copy whose lock is held belongs to a running window and is left alone.
//!
//! The copy also keeps the fingerprint of the file as the session last opened or saved it, so
//! that after a restore, saving still notices a change someone else made in the meantime.

use crate::model::Plan;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct RecoveryFile {
    original: Option<PathBuf>,
    /// Fingerprint ([`super::fingerprint`]) of the original as the session last opened or saved it.
    #[serde(default)]
    original_fingerprint: Option<u64>,
    written_unix: u64,
    plan: Plan,
}

/// A recovery copy of a session that is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The session the copy belongs to.
    pub key: String,
    pub original: Option<PathBuf>,
    pub original_fingerprint: Option<u64>,
    pub written_unix: u64,
    pub plan: Plan,
}

/// The folder of recovery copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    pub dir: PathBuf,
}

/// A running editing session: its key and the lock that tells other processes it runs.
#[derive(Debug)]
pub struct Session {
    pub key: String,
    _lock: Option<std::fs::File>,
}

impl RecoveryStore {
    pub fn new(dir: PathBuf) -> RecoveryStore {
        RecoveryStore { dir }
    }

    fn copy_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.ron"))
    }

    fn lock_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.lock"))
    }

    /// Starts a session: a key of its own (start time, process, a counter) and the lock on it.
    /// Without a writable folder the session still works, only without the lock.
    pub fn start_session(&self) -> Session {
        use std::sync::atomic::{AtomicU32, Ordering};
        static SESSIONS: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let key = format!(
            "session-{}-{}-{:08x}{}",
            now_unix(),
            std::process::id(),
            nanos,
            SESSIONS.fetch_add(1, Ordering::Relaxed)
        );
        let lock = std::fs::create_dir_all(&self.dir)
            .ok()
            .and_then(|()| {
                std::fs::File::options()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(self.lock_path(&key))
                    .ok()
            })
            .filter(|file| file.try_lock().is_ok());
        Session { key, _lock: lock }
    }

    /// Writes (atomically) the recovery copy of session `key`.
    pub fn write(
        &self,
        key: &str,
        original: Option<&Path>,
        original_fingerprint: Option<u64>,
        plan: &Plan,
    ) -> Result<(), super::SaveError> {
        let file = RecoveryFile {
            original: original.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
            original_fingerprint,
            written_unix: now_unix(),
            plan: plan.clone(),
        };
        let text =
            ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new()).unwrap_or_default();
        let path = self.copy_path(key);
        std::fs::create_dir_all(&self.dir).map_err(|e| super::SaveError {
            path: path.clone(),
            problem: super::SaveProblem::from_io(&e),
            unchanged: true,
        })?;
        super::write_atomic(&path, text.as_bytes())
    }

    /// Removes the copy of session `key`; the lock file goes too unless the session runs.
    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.copy_path(key));
        if !self.is_running(key) {
            let _ = std::fs::remove_file(self.lock_path(key));
        }
    }

    /// Ends a session: removes its copy and its lock file.
    pub fn end_session(&self, session: Session) {
        let _ = std::fs::remove_file(self.copy_path(&session.key));
        let _ = std::fs::remove_file(self.lock_path(&session.key));
        drop(session);
    }

    /// Whether the session `key` is running now (in this or another process).
    fn is_running(&self, key: &str) -> bool {
        let Ok(file) = std::fs::File::options()
            .write(true)
            .open(self.lock_path(key))
        else {
            return false;
        };
        // Locks are per open file: even our own running session's lock makes this fail.
        file.try_lock().is_err()
    }

    /// Every readable recovery copy of a session that is no longer running, newest first.
    /// Unreadable ones are left where they are.
    pub fn list(&self) -> Vec<Recovered> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovered> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let path = e.path();
                if path.extension()? != "ron" {
                    return None;
                }
                let key = path.file_stem()?.to_str()?.to_string();
                if self.is_running(&key) {
                    return None;
                }
                let bytes = super::read_plan_bytes(&path).ok()?;
                let text = std::str::from_utf8(&bytes).ok()?;
                let mut file: RecoveryFile = ron::Options::default()
                    .with_recursion_limit(super::MAX_NESTING)
                    .from_str(text)
                    .ok()?;
                super::migrate(&mut file.plan);
                crate::model::validate(&file.plan)
                    .is_empty()
                    .then_some(Recovered {
                        key,
                        original: file.original,
                        original_fingerprint: file.original_fingerprint,
                        written_unix: file.written_unix,
                        plan: file.plan,
                    })
            })
            .collect();
        found.sort_by_key(|r| std::cmp::Reverse(r.written_unix));
        found
    }
}

pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `YYYY-MM-DD HH:MM UTC` for a Unix time.
pub fn format_unix(secs: u64) -> String {
    let (year, month, day, hour, minute) = civil(secs as i64);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Year, month, day, hour and minute of a Unix time (UTC).
pub fn civil(secs: i64) -> (i64, i64, i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rem / 3600, (rem % 3600) / 60)
}

enum Job {
    Write {
        key: String,
        original: Option<PathBuf>,
        original_fingerprint: Option<u64>,
        plan: Box<Plan>,
    },
    Remove(String),
    Flush(std::sync::mpsc::Sender<()>),
}

/// Writes and removes recovery copies on a background thread, in the order asked, so the window
/// never waits for the disk.
pub struct RecoveryWorker {
    pub store: RecoveryStore,
    jobs: std::sync::mpsc::Sender<Job>,
    errors: std::sync::mpsc::Receiver<super::SaveError>,
}

impl RecoveryWorker {
    pub fn start(store: RecoveryStore) -> RecoveryWorker {
        let (jobs, inbox) = std::sync::mpsc::channel::<Job>();
        let (report, errors) = std::sync::mpsc::channel();
        let worker_store = store.clone();
        let spawned = std::thread::Builder::new()
            .name("planbord-recovery".into())
            .spawn(move || {
                for job in inbox {
                    match job {
                        Job::Write {
                            key,
                            original,
                            original_fingerprint,
                            plan,
                        } => {
                            if let Err(e) = worker_store.write(
                                &key,
                                original.as_deref(),
                                original_fingerprint,
                                &plan,
                            ) {
                                let _ = report.send(e);
                            }
                        }
                        Job::Remove(key) => worker_store.remove(&key),
                        Job::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            });
        if let Err(e) = spawned {
            // No thread: every job is dropped; say why once.
            let (report, errors) = std::sync::mpsc::channel();
            let _ = report.send(super::SaveError {
                path: store.dir.clone(),
                problem: super::SaveProblem::Other(e.to_string()),
                unchanged: true,
            });
            return RecoveryWorker {
                store,
                jobs: std::sync::mpsc::channel().0,
                errors,
            };
        }
        RecoveryWorker {
            store,
            jobs,
            errors,
        }
    }

    pub fn write(
        &self,
        key: &str,
        original: Option<&Path>,
        original_fingerprint: Option<u64>,
        plan: &Plan,
    ) {
        let _ = self.jobs.send(Job::Write {
            key: key.to_string(),
            original: original.map(Path::to_path_buf),
            original_fingerprint,
            plan: Box::new(plan.clone()),
        });
    }

    pub fn remove(&self, key: &str) {
        let _ = self.jobs.send(Job::Remove(key.to_string()));
    }

    /// Waits until every job asked so far is done.
    pub fn flush(&self) {
        let (done, wait) = std::sync::mpsc::channel();
        if self.jobs.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    /// The latest error of the worker, if any.
    pub fn error(&self) -> Option<super::SaveError> {
        self.errors.try_iter().last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_unix_times() {
        assert_eq!(format_unix(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_unix(1_795_459_200), "2026-11-23 18:40 UTC");
        assert_eq!(format_unix(951_782_400 + 3_660), "2000-02-29 01:01 UTC");
    }

    #[test]
    fn copies_of_running_sessions_are_not_offered_and_never_shared() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        assert!(store.list().is_empty());
        let plan = Plan::new("X", 2026, 2030);
        let (one, two) = (store.start_session(), store.start_session());
        assert_ne!(one.key, two.key, "two windows, two copies");
        for session in [&one, &two] {
            store
                .write(&session.key, Some(Path::new("plan.ron")), Some(7), &plan)
                .unwrap();
        }
        std::fs::write(store.dir.join("broken.ron"), "(").unwrap();
        assert!(store.list().is_empty(), "both sessions still run");
        drop(one); // a crash: the lock goes, the copy stays
        let found = store.list();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].plan, plan);
        assert_eq!(found[0].original_fingerprint, Some(7));
        assert!(found[0].original.as_ref().unwrap().ends_with("plan.ron"));
        store.remove(&found[0].key);
        assert!(store.list().is_empty());
        store.end_session(two);
        assert!(
            store.dir.join("broken.ron").exists(),
            "unreadable copies are kept"
        );
        let left: Vec<_> = std::fs::read_dir(&store.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(left, ["broken.ron"], "no copy or lock file left behind");
    }
}
