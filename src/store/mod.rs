//! Reading and writing plan files (RON).
//!
//! A plan file starts with its `format_version`; a file from a newer Planbord is refused, an older
//! one is migrated. Decimals are stored as strings, so they survive exactly (and are read
//! strictly: see [`crate::model::decimal`]). Saving is atomic and keeps a backup: see [`save_bytes`].

pub mod disk;
mod error;
mod read;
pub mod recovery;
mod save;

pub use error::{FileKind, Hint, LoadError, SaveError, SaveProblem, SyntaxProblem, Token};
pub use read::{ReadError, ReadProblem, read_bounded};
pub use save::{SaveOptions, backup_path, save_bytes, write_atomic, write_target};

use crate::model::{FORMAT_VERSION, Plan, validate};
use serde::Deserialize;
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
    let version_error = |version: u32| {
        if version > FORMAT_VERSION {
            Some(LoadError::NewerVersion {
                path: origin.to_path_buf(),
                found: version,
                supported: FORMAT_VERSION,
            })
        } else if version < 1 {
            Some(unknown_version(text, version, origin))
        } else {
            None
        }
    };
    let mut plan: Plan = match options.from_str(text) {
        Ok(plan) => plan,
        Err(e) => {
            // A newer file may fail on a field this build does not know: then "made by a newer
            // Planbord" says more than a complaint about that field. (Only on failure: reading
            // the version first would parse a large file twice.)
            let probe = options.from_str::<VersionProbe>(text).ok();
            return Err(probe
                .and_then(|probe| version_error(probe.format_version))
                .unwrap_or_else(|| LoadError::from_ron(origin, text, e)));
        }
    };
    if let Some(error) = version_error(plan.format_version) {
        return Err(error);
    }
    migrate(&mut plan);
    if let Some(problem) = validate(&plan).into_iter().next() {
        let (line, column) = error::locate(text, &problem.anchor);
        return Err(LoadError::Invalid {
            path: origin.to_path_buf(),
            line,
            column,
            problem: Box::new(problem),
        });
    }
    Ok(plan)
}

/// Brings a plan of an older format version up to date; saving then writes the current version
/// (and the save keeps the old file as `FILE.bak`).
///
/// - 1 -> 2: version 2 added account categories and printed section totals, realised figures
///   (`actuals`) and merge conflicts. All are optional with an empty default, so a version-1 file
///   reads as a version-2 plan without them; only the number changes.
pub fn migrate(plan: &mut Plan) {
    if plan.format_version < FORMAT_VERSION {
        plan.format_version = FORMAT_VERSION;
    }
}

/// A version number below 1: no Planbord ever wrote it.
fn unknown_version(text: &str, version: u32, origin: &Path) -> LoadError {
    let (line, column) = error::locate(text, &["format_version:".to_string()]);
    LoadError::UnknownVersion {
        path: origin.to_path_buf(),
        line,
        column,
        found: version,
        supported: FORMAT_VERSION,
    }
}

/// Reads and checks a plan file. Only regular files are read (a pipe or a device could make the
/// read wait or grow without end), and never more than [`MAX_FILE_BYTES`] + 1 bytes.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let bytes = read_plan_bytes(path)?;
    from_bytes(&bytes, path)
}

/// The bytes of a plan file, refusing what is not a regular file or is too large.
pub fn read_plan_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bounded(path, MAX_FILE_BYTES).map_err(LoadError::Read)
}

fn too_large(path: &Path) -> LoadError {
    LoadError::Read(ReadError {
        path: path.to_path_buf(),
        problem: ReadProblem::TooLarge {
            limit: MAX_FILE_BYTES,
        },
    })
}

/// Parses the bytes of a plan file; `origin` names the file in error messages. A UTF-8 byte
/// order mark (as Notepad writes it) is dropped.
pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Plan, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(origin));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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

/// Writes the plan atomically, keeping the previous content as [`backup_path`]; see [`save`
/// module](self::save_bytes) for what is guaranteed. Refuses read-only and hard-linked files.
pub fn save(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    save_bytes(to_ron_string(plan).as_bytes(), path, SaveOptions::default())
}

/// As [`save`], with options (e.g. to split a hard link the user agreed to split).
pub fn save_with(plan: &Plan, path: &Path, options: SaveOptions) -> Result<(), SaveError> {
    save_bytes(to_ron_string(plan).as_bytes(), path, options)
}

/// A fingerprint of a file's content, to notice when someone else changed it. Stable across
/// runs and versions of Planbord (it is kept in recovery copies): FNV-1a over the bytes.
pub fn fingerprint(path: &Path) -> Option<u64> {
    let bytes = read_plan_bytes(path).ok()?;
    Some(fingerprint_bytes(&bytes))
}

pub fn fingerprint_bytes(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash ^ bytes.len() as u64
}
