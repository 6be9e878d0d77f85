//! What is on disk: the questions the app and the command line ask about paths before they read
//! or write (is something there, is it a folder, are two names one file), and the folders they
//! make. Every other module leaves `std::fs` to `store` (clippy's `disallowed_methods`).

use std::path::{Path, PathBuf};

/// Whether anything is at `path`, a dangling symlink included (a name that is taken).
pub fn occupied(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Whether `path` leads to an existing file or folder (symlinks followed).
pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Whether `path` is an existing folder.
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}

/// Whether `path` is an existing regular file.
pub fn is_file(path: &Path) -> bool {
    path.is_file()
}

/// Whether two paths name the same existing file (symlinks and `..` resolved).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Makes a folder and the folders above it that are missing.
pub fn create_folder(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

/// The regular files in a folder (not in its subfolders), sorted; none when it cannot be read.
pub fn files_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_about_paths() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        assert!(!occupied(&file) && !exists(&file));
        std::fs::write(&file, b"x").unwrap();
        assert!(occupied(&file) && exists(&file) && is_file(&file) && !is_folder(&file));
        let sub = dir.path().join("sub/deeper");
        create_folder(&sub).unwrap();
        assert!(is_folder(&sub));
        assert!(same_file(&file, &dir.path().join("sub/../a.ron")));
        assert_eq!(files_in(dir.path()), vec![file.clone()]);
        #[cfg(unix)]
        {
            let link = dir.path().join("dangling");
            std::os::unix::fs::symlink(dir.path().join("gone"), &link).unwrap();
            assert!(occupied(&link) && !exists(&link));
        }
    }
}
