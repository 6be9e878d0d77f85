//! Reading and writing plan files (RON).
//!
//! A plan file starts with its `format_version`; a file from a newer Planbord is refused, an older
//! one is migrated. Decimals are stored as strings, so they survive exactly. Saving is atomic: a
//! temporary file in the same folder is written, flushed to disk and renamed over the original.

mod error;
pub mod recovery;

pub use error::LoadError;

use crate::model::{FORMAT_VERSION, Plan, validate};
use serde::Deserialize;
use std::io::Write;
use std::path::Path;

/// Files larger than this are refused before parsing (a plan is a few hundred KiB at most).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Nesting deeper than this is refused (a plan nests about ten levels deep).
pub const MAX_NESTING: usize = 64;

/// The text of a plan file: pretty, stable (the same plan gives the same bytes), one value a line.
pub fn to_ron_string(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = ron::ser::to_string_pretty(plan, config)
        .expect("a plan always serializes: it holds only strings, numbers and lists");
    text.push('\n');
    text
}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses plan text; `origin` names the file in error messages.
pub fn from_ron_str(text: &str, origin: &Path) -> Result<Plan, LoadError> {
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    // Look at the version first, so a newer file gets "made by a newer Planbord" rather than
    // a complaint about some field this build does not know.
    if let Ok(probe) = options.from_str::<VersionProbe>(text) {
        if probe.format_version > FORMAT_VERSION {
            return Err(LoadError::NewerVersion {
                path: origin.to_path_buf(),
                found: probe.format_version,
                supported: FORMAT_VERSION,
            });
        }
        if probe.format_version < FORMAT_VERSION {
            return migrate(text, probe.format_version, origin);
        }
    }
    let plan: Plan = options
        .from_str(text)
        .map_err(|e| LoadError::from_ron(origin, text, e))?;
    if let Some(problem) = validate(&plan).into_iter().next() {
        let (line, column) = error::locate(text, &problem.anchor);
        return Err(LoadError::Invalid {
            path: origin.to_path_buf(),
            line,
            column,
            message: problem.message,
        });
    }
    Ok(plan)
}

/// Brings a file of an older format version up to date. Version 1 is the first; there is nothing
/// older yet, so any lower number is not a Planbord file.
fn migrate(text: &str, version: u32, origin: &Path) -> Result<Plan, LoadError> {
    let _ = text;
    let (line, column) = error::locate(text, &["format_version:".to_string()]);
    Err(LoadError::Invalid {
        path: origin.to_path_buf(),
        line,
        column,
        message: format!(
            "format version {version} does not exist (this Planbord reads versions 1 to {FORMAT_VERSION}); is this a Planbord plan?"
        ),
    })
}

/// Reads and checks a plan file.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    from_bytes(&bytes, path)
}

/// Parses the bytes of a plan file; `origin` names the file in error messages.
pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Plan, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: origin.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = error::end_position(valid);
        LoadError::NotUtf8 {
            path: origin.to_path_buf(),
            line,
            column,
        }
    })?;
    from_ron_str(text, origin)
}

/// The backup kept next to a plan file: `plan.ron` -> `plan.ron.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes the plan atomically: temp file in the same folder, fsync, rename over `path`. The
/// previous content is kept in [`backup_path`] (one backup, replaced on each save that changes
/// the file). On failure the original file is untouched.
pub fn save(plan: &Plan, path: &Path) -> std::io::Result<()> {
    let text = to_ron_string(plan);
    if let Ok(previous) = std::fs::read(path)
        && previous != text.as_bytes()
    {
        write_atomic(&backup_path(path), &previous)?;
    }
    write_atomic(path, text.as_bytes())
}

/// Removes temporary files of this file left behind by a save that was killed (older than an
/// hour, so a save running right now in another process is never disturbed).
fn remove_stale_temp_files(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < hour_ago);
        if name.starts_with(prefix) && name.ends_with(".planbord-tmp") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A fingerprint of a file's content, to notice when someone else changed it.
pub fn fingerprint(path: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new
/// content, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let prefix = format!(".{}.", file_name.as_deref().unwrap_or("plan"));
    remove_stale_temp_files(dir, &prefix);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".planbord-tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    // Keep the permissions of the file we replace.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
