//! Recovery copies: while a plan has unsaved changes, a copy is written to the platform's data
//! folder (never next to the user's file). After a crash the next start offers to restore it.

use crate::model::Plan;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What a recovery file holds: the plan, which file it belongs to, and when it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct RecoveryFile {
    original: Option<PathBuf>,
    written_unix: u64,
    plan: Plan,
}

/// A recovery copy found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub key: String,
    pub original: Option<PathBuf>,
    pub written_unix: u64,
    pub plan: Plan,
}

/// The folder of recovery copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    pub dir: PathBuf,
}

impl RecoveryStore {
    pub fn new(dir: PathBuf) -> RecoveryStore {
        RecoveryStore { dir }
    }

    /// `<platform data folder>/Planbord/recovery`, e.g. `~/.local/share/planbord/recovery`.
    pub fn platform() -> Option<RecoveryStore> {
        eframe::storage_dir("Planbord").map(|d| RecoveryStore::new(d.join("recovery")))
    }

    /// The key of the recovery copy of a file; untitled plans get one per session.
    pub fn key_for(original: Option<&Path>) -> String {
        use std::hash::{Hash, Hasher};
        match original {
            Some(path) => {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                absolute.hash(&mut hasher);
                format!("{:016x}", hasher.finish())
            }
            None => format!("untitled-{}-{}", std::process::id(), now_unix()),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.ron"))
    }

    /// Writes (atomically) the recovery copy under `key`.
    pub fn write(&self, key: &str, original: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
        let file = RecoveryFile {
            original: original.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
            written_unix: now_unix(),
            plan: plan.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        std::fs::create_dir_all(&self.dir)?;
        super::write_atomic(&self.path(key), text.as_bytes())
    }

    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.path(key));
    }

    /// Every readable recovery copy, newest first. Unreadable ones are left where they are.
    pub fn list(&self) -> Vec<Recovered> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovered> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let path = e.path();
                let key = path.file_stem()?.to_str()?.to_string();
                if path.extension()? != "ron" {
                    return None;
                }
                let text = std::fs::read_to_string(&path).ok()?;
                let file: RecoveryFile = ron::Options::default()
                    .with_recursion_limit(super::MAX_NESTING)
                    .from_str(&text)
                    .ok()?;
                crate::model::validate(&file.plan)
                    .is_empty()
                    .then_some(Recovered {
                        key,
                        original: file.original,
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
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
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
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

enum Job {
    Write(String, Option<PathBuf>, Box<Plan>),
    Remove(String),
    Flush(std::sync::mpsc::Sender<()>),
}

/// Writes and removes recovery copies on a background thread, in the order asked, so the window
/// never waits for the disk.
pub struct RecoveryWorker {
    pub store: RecoveryStore,
    jobs: std::sync::mpsc::Sender<Job>,
    errors: std::sync::mpsc::Receiver<String>,
}

impl RecoveryWorker {
    pub fn start(store: RecoveryStore) -> RecoveryWorker {
        let (jobs, inbox) = std::sync::mpsc::channel::<Job>();
        let (report, errors) = std::sync::mpsc::channel::<String>();
        let worker_store = store.clone();
        std::thread::spawn(move || {
            for job in inbox {
                match job {
                    Job::Write(key, original, plan) => {
                        if let Err(e) = worker_store.write(&key, original.as_deref(), &plan) {
                            let _ = report.send(format!(
                                "herstelkopie niet geschreven in {}: {e}",
                                worker_store.dir.display()
                            ));
                        }
                    }
                    Job::Remove(key) => worker_store.remove(&key),
                    Job::Flush(done) => {
                        let _ = done.send(());
                    }
                }
            }
        });
        RecoveryWorker {
            store,
            jobs,
            errors,
        }
    }

    pub fn write(&self, key: &str, original: Option<&Path>, plan: &Plan) {
        let _ = self.jobs.send(Job::Write(
            key.to_string(),
            original.map(Path::to_path_buf),
            Box::new(plan.clone()),
        ));
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
    pub fn error(&self) -> Option<String> {
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
    fn writes_lists_and_removes_copies() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        assert!(store.list().is_empty());
        let plan = Plan::new("X", 2026, 2030);
        let key = RecoveryStore::key_for(Some(Path::new("plan.ron")));
        store
            .write(&key, Some(Path::new("plan.ron")), &plan)
            .unwrap();
        std::fs::write(store.dir.join("broken.ron"), "(").unwrap();
        let found = store.list();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].plan, plan);
        assert!(found[0].original.as_ref().unwrap().ends_with("plan.ron"));
        store.remove(&key);
        assert!(store.list().is_empty());
        assert!(
            store.dir.join("broken.ron").exists(),
            "unreadable copies are kept"
        );
    }
}
