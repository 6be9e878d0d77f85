//! Writing files so that no work is ever lost:
//! - the new content goes to a temporary file next to the target and is flushed to disk first;
//! - only then is the current file kept as `FILE.bak` (a hard link renamed over the old backup,
//!   so a full disk cannot cost the older backup), and the temporary file renamed over the file;
//! - a symlink is followed (the file it points to is written, the link stays a link); a file with
//!   more names (hard links) or a read-only file is refused unless the caller says otherwise;
//! - a rewritten file and its backup keep the file's permissions; a new file gets the usual
//!   permissions for new files (0666 minus the umask), never the 0600 of temporary files;
//! - temporary files carry the host and process that wrote them, so leftovers of a killed save are
//!   removed as soon as that process is gone.

use super::error::{SaveError, SaveProblem};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a save may do beyond the safe default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Save a file that has more than one name (hard link): the other names keep the old content.
    pub split_hard_link: bool,
    /// Leave the backup as it is (the current content is kept elsewhere, e.g. unreadable bytes).
    pub keep_backup: bool,
}

/// The backup kept next to a plan file: `plan.ron` -> `plan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The file a save to `path` writes: `path` itself, or the file a symlink points to.
pub fn write_target(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    // A dangling link: write where it points.
    match std::fs::read_link(path) {
        Ok(to) if to.is_absolute() => to,
        Ok(to) => folder_of(path).join(to),
        Err(_) => path.to_path_buf(),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` (through a symlink to its target), keeping the previous content in
/// [`backup_path`] when it changes. On failure the file and its backup are as they were.
pub fn save_bytes(bytes: &[u8], path: &Path, options: SaveOptions) -> Result<(), SaveError> {
    let target = write_target(path);
    let fail = |problem| SaveError {
        path: path.to_path_buf(),
        problem,
        unchanged: true,
    };
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(fail(SaveProblem::NotAFile));
        }
        if meta.permissions().readonly() {
            return Err(fail(SaveProblem::ReadOnly));
        }
        let links = link_count(meta);
        if links > 1 && !options.split_hard_link {
            return Err(fail(SaveProblem::HardLinked { links }));
        }
    }
    let previous = existing.as_ref().and_then(|_| std::fs::read(&target).ok());
    let dir = folder_of(&target);
    let name = file_name(&target);
    remove_leftover_temp_files(dir, &name);
    // 1. The new content, safely on disk, before anything else is touched.
    let temp = write_temp(dir, &name, bytes, existing.as_ref())
        .map_err(|e| fail(SaveProblem::from_io(&e)))?;
    // 2. The current content becomes the backup (only when it changes).
    if !options.keep_backup && previous.as_deref().is_some_and(|p| p != bytes) {
        let hard_linked = existing.as_ref().is_some_and(|m| link_count(m) > 1);
        keep_backup(
            &target,
            previous.as_deref().unwrap_or_default(),
            hard_linked,
        )
        .map_err(|e| fail(SaveProblem::Backup(Box::new(SaveProblem::from_io(&e)))))?;
    }
    // 3. The switch: one rename.
    temp.persist(&target)
        .map_err(|e| fail(SaveProblem::from_io(&e.error)))?;
    sync_folder(dir);
    Ok(())
}

/// Replaces `path` with `bytes` atomically (temp file, flush, rename), without a backup. Used for
/// recovery copies and exports.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = write_target(path);
    let fail = |e: &std::io::Error| SaveError {
        path: path.to_path_buf(),
        problem: SaveProblem::from_io(e),
        unchanged: true,
    };
    let dir = folder_of(&target);
    let name = file_name(&target);
    remove_leftover_temp_files(dir, &name);
    let existing = std::fs::metadata(&target).ok();
    let temp = write_temp(dir, &name, bytes, existing.as_ref()).map_err(|e| fail(&e))?;
    temp.persist(&target).map_err(|e| fail(&e.error))?;
    sync_folder(dir);
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "plan".to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(unix)]
fn link_count(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_meta: &std::fs::Metadata) -> u64 {
    1
}

/// The part of a temporary file's name that says who wrote it: `<host>-<pid>`.
fn writer_tag() -> String {
    format!("{}-{}", host_name(), std::process::id())
}

fn host_name() -> String {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    let clean: String = raw
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(32)
        .collect();
    if clean.is_empty() {
        "host".into()
    } else {
        clean
    }
}

const TEMP_SUFFIX: &str = ".planbord-tmp";

fn temp_prefix(name: &str) -> String {
    format!(".{name}.{}.", writer_tag())
}

/// A temporary file next to the target with `bytes` in it, flushed to disk, with the target's
/// permissions (or those of a new file).
fn write_temp(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(name);
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The operating system applies the umask, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Some(meta) = existing {
        temp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(temp)
}

/// Makes the backup hold `previous` (the current content of `target`), replacing the old backup
/// in one rename. A hard link costs no disk space, so a full disk cannot fail it; where links are
/// not possible (or the file is shared by links), the content is copied through a temp file.
fn keep_backup(target: &Path, previous: &[u8], shared_inode: bool) -> std::io::Result<()> {
    let backup = backup_path(target);
    let dir = folder_of(target);
    let backup_name = file_name(&backup);
    if !shared_inode {
        let link = dir.join(format!(
            "{}{}{TEMP_SUFFIX}",
            temp_prefix(&backup_name),
            unique_suffix()
        ));
        if std::fs::hard_link(target, &link).is_ok() {
            return std::fs::rename(&link, &backup).inspect_err(|_| {
                let _ = std::fs::remove_file(&link);
            });
        }
    }
    let meta = std::fs::metadata(target).ok();
    let temp = write_temp(dir, &backup_name, previous, meta.as_ref())?;
    temp.persist(&backup).map_err(|e| e.error)?;
    Ok(())
}

fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{nanos:x}{:x}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

fn sync_folder(dir: &Path) {
    // Makes the rename itself durable.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Whether the process that wrote a temporary file named `<...>.<host>-<pid>.<...>` is certainly
/// gone: it ran on this host and no process with its id runs now.
fn writer_is_gone(tag: &str) -> bool {
    let Some((host, pid)) = tag.rsplit_once('-') else {
        return false;
    };
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    host == host_name() && pid != std::process::id() && !process_runs(pid)
}

fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a way to ask, assume it runs; the age rule cleans up later.
        true
    }
}

/// Removes temporary files of `name` (and of its backup) left behind by a save that was killed:
/// at once when their writer is gone, otherwise when older than an hour.
fn remove_leftover_temp_files(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        // `<host>-<pid>.<random>` or, for the backup, `bak.<host>-<pid>.<random>`.
        let rest = rest.strip_prefix("bak.").unwrap_or(rest);
        let gone = rest.split('.').next().is_some_and(writer_is_gone);
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < hour_ago);
        if gone || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_gone_writers_are_removed_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let host = host_name();
        let gone = dir
            .path()
            .join(format!(".plan.ron.{host}-4000000000.x1{TEMP_SUFFIX}"));
        let gone_backup = dir
            .path()
            .join(format!(".plan.ron.bak.{host}-4000000001.x2{TEMP_SUFFIX}"));
        let ours = dir.path().join(format!(
            ".plan.ron.{host}-{}.x3{TEMP_SUFFIX}",
            std::process::id()
        ));
        let elsewhere = dir
            .path()
            .join(format!(".plan.ron.otherhost-12.x4{TEMP_SUFFIX}"));
        for f in [&gone, &gone_backup, &ours, &elsewhere] {
            std::fs::write(f, "half").unwrap();
        }
        remove_leftover_temp_files(dir.path(), "plan.ron");
        assert!(!gone.exists() && !gone_backup.exists());
        assert!(ours.exists(), "a save of this process may be running");
        assert!(elsewhere.exists(), "another machine's save may be running");
    }
}
