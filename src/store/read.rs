//! The one reader for every file Planbord reads (plans, budgets, actuals, merge inputs): regular
//! files only, never more than a limit, and a structured reason when it cannot.
//!
//! A pipe (FIFO) or a device would make a plain read wait for ever or grow without end, so the
//! file is opened without blocking and checked on the open handle (no window between a check and
//! the open for someone to swap the file), and at most `limit + 1` bytes are read.

use super::error::FileKind;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    NotFound,
    PermissionDenied,
    /// A folder, a pipe, a device: not a regular file.
    NotAFile(FileKind),
    /// Larger than the limit for this kind of file.
    TooLarge {
        limit: u64,
    },
    /// Another failure of the system, in its own words (rare: a disk error, a stale share).
    Other(String),
}

/// A file that could not be read: which, and why. Rendered for people by
/// [`crate::i18n::errors::read_error`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: cannot read the file: {problem:?}", path.display())]
pub struct ReadError {
    pub path: PathBuf,
    pub problem: ReadProblem,
}

impl ReadProblem {
    fn from_io(e: &std::io::Error) -> ReadProblem {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadProblem::NotAFile(FileKind::Folder),
            _ => ReadProblem::Other(super::error::strip_os_error(&e.to_string())),
        }
    }
}

/// Opens a file for reading without waiting on a pipe that has no writer.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of a regular file of at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let fail = |problem| ReadError {
        path: path.to_path_buf(),
        problem,
    };
    let file = open_without_blocking(path).map_err(|e| fail(ReadProblem::from_io(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(ReadProblem::from_io(&e)))?;
    if !meta.is_file() {
        return Err(fail(ReadProblem::NotAFile(FileKind::of(&meta))));
    }
    if meta.len() > limit {
        return Err(fail(ReadProblem::TooLarge { limit }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(ReadProblem::from_io(&e)))?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > limit {
        return Err(fail(ReadProblem::TooLarge { limit }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_and_everything_else_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_bounded(&file, 5).unwrap(), b"12345");
        assert_eq!(
            read_bounded(&file, 4).unwrap_err().problem,
            ReadProblem::TooLarge { limit: 4 }
        );
        assert_eq!(
            read_bounded(&dir.path().join("missing"), 10)
                .unwrap_err()
                .problem,
            ReadProblem::NotFound
        );
        assert_eq!(
            read_bounded(dir.path(), 10).unwrap_err().problem,
            ReadProblem::NotAFile(FileKind::Folder)
        );
        #[cfg(unix)]
        {
            assert_eq!(
                read_bounded(Path::new("/dev/zero"), 10)
                    .unwrap_err()
                    .problem,
                ReadProblem::NotAFile(FileKind::Device)
            );
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert_eq!(
                    read_bounded(&fifo, 10).unwrap_err().problem,
                    ReadProblem::NotAFile(FileKind::Pipe)
                );
            }
        }
    }
}
