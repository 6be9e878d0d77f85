//! Where Planbord keeps things on the system it runs on, where a user of that system expects them:
//! the documents folder (where *Opslaan als…* proposes a new plan) and the folder of recovery
//! copies. No UI here: the folders are computed from an [`Env`] (variables, the home folder, on
//! Windows the Documents known folder), so every system's rules are tested on any system.
//!
//! | system  | documents folder | recovery copies |
//! |---------|------------------|-----------------|
//! | Linux   | `$XDG_DOCUMENTS_DIR`, `~/Documenten`, `~/Documents`, else `~` | `$XDG_DATA_HOME/planbord/recovery`, by default `~/.local/share/planbord/recovery` |
//! | Windows | the Documents known folder (also when OneDrive moved it), `%USERPROFILE%\Documents`, else `%USERPROFILE%` | `%APPDATA%\Planbord\recovery` |
//! | macOS   | `~/Documents`, else `~` | `~/Library/Application Support/Planbord/recovery` |
//!
//! The first folder that exists is taken (asked through [`crate::store::disk`], the one door to
//! the file system); the current folder when none does. On Linux the recovery
//! folder is the one eframe's storage used before this module (its `storage_dir("Planbord")`), so
//! copies of an older Planbord are still found.

use std::path::PathBuf;

/// The kind of system, for its folder conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    /// Linux and the BSDs: the XDG base and user directories.
    Unix,
    Windows,
    MacOs,
}

impl System {
    /// The system this program was built for.
    pub const CURRENT: System = if cfg!(windows) {
        System::Windows
    } else if cfg!(target_os = "macos") {
        System::MacOs
    } else {
        System::Unix
    };
}

/// What the folders are computed from. [`Env::current`] reads it from the running system; a test
/// writes its own.
#[derive(Clone, Debug)]
pub struct Env {
    pub system: System,
    /// `$HOME`; on Windows `%USERPROFILE%`.
    pub home: Option<PathBuf>,
    /// `$XDG_DOCUMENTS_DIR` (Unix).
    pub xdg_documents_dir: Option<PathBuf>,
    /// `$XDG_DATA_HOME` (Unix; only an absolute path counts, as the XDG spec says).
    pub xdg_data_home: Option<PathBuf>,
    /// `%APPDATA%`, the roaming application data (Windows).
    pub appdata: Option<PathBuf>,
    /// The Documents known folder as Windows reports it (it may be in OneDrive).
    pub known_documents: Option<PathBuf>,
}

impl Env {
    /// The environment of this process. Empty variables count as unset.
    pub fn current() -> Env {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Env {
            system: System::CURRENT,
            home: std::env::home_dir().filter(|h| !h.as_os_str().is_empty()),
            xdg_documents_dir: var("XDG_DOCUMENTS_DIR"),
            xdg_data_home: var("XDG_DATA_HOME"),
            appdata: var("APPDATA"),
            known_documents: known_documents_folder(),
        }
    }

    /// The folder a new plan is proposed in: the first existing candidate, else the home folder,
    /// else the current folder.
    pub fn documents_folder(&self) -> PathBuf {
        let home = self.home.as_ref();
        let candidates: Vec<PathBuf> = match self.system {
            System::Unix => self
                .xdg_documents_dir
                .iter()
                .cloned()
                .chain(
                    home.iter()
                        .flat_map(|h| [h.join("Documenten"), h.join("Documents")]),
                )
                .collect(),
            System::Windows => self
                .known_documents
                .iter()
                .cloned()
                .chain(home.map(|h| h.join("Documents")))
                .collect(),
            System::MacOs => home.map(|h| h.join("Documents")).into_iter().collect(),
        };
        candidates
            .into_iter()
            .find(|p| crate::store::disk::is_folder(p))
            .or_else(|| self.home.clone())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// The folder of recovery copies (created when the first copy is written); `None` when the
    /// system names no place for application data.
    pub fn recovery_folder(&self) -> Option<PathBuf> {
        let app_folder = match self.system {
            System::Unix => self
                .xdg_data_home
                .clone()
                .filter(|p| p.is_absolute())
                .or_else(|| self.home.as_ref().map(|h| h.join(".local").join("share")))
                .map(|data| data.join("planbord")),
            System::Windows => self
                .appdata
                .clone()
                .or_else(|| {
                    self.home
                        .as_ref()
                        .map(|h| h.join("AppData").join("Roaming"))
                })
                .map(|data| data.join("Planbord")),
            System::MacOs => self.home.as_ref().map(|h| {
                h.join("Library")
                    .join("Application Support")
                    .join("Planbord")
            }),
        };
        app_folder.map(|f| f.join("recovery"))
    }
}

/// The user's documents folder on this system (see the module's table).
pub fn documents_folder() -> PathBuf {
    Env::current().documents_folder()
}

/// The folder of recovery copies on this system (see the module's table).
pub fn recovery_folder() -> Option<PathBuf> {
    Env::current().recovery_folder()
}

#[cfg(windows)]
fn known_documents_folder() -> Option<PathBuf> {
    dirs::document_dir()
}

#[cfg(not(windows))]
fn known_documents_folder() -> Option<PathBuf> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::disk::create_folder;
    use std::path::Path;

    fn env(system: System, home: &Path) -> Env {
        Env {
            system,
            home: Some(home.to_path_buf()),
            xdg_documents_dir: None,
            xdg_data_home: None,
            appdata: None,
            known_documents: None,
        }
    }

    #[test]
    fn linux_documents_prefer_xdg_then_dutch_then_english_then_home() {
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        let mut e = env(System::Unix, h);
        assert_eq!(e.documents_folder(), h);
        create_folder(&h.join("Documents")).unwrap();
        assert_eq!(e.documents_folder(), h.join("Documents"));
        create_folder(&h.join("Documenten")).unwrap();
        assert_eq!(e.documents_folder(), h.join("Documenten"));
        e.xdg_documents_dir = Some(h.join("Mijn documenten"));
        assert_eq!(e.documents_folder(), h.join("Documenten"), "not there");
        create_folder(&h.join("Mijn documenten")).unwrap();
        assert_eq!(e.documents_folder(), h.join("Mijn documenten"));
        e.home = None;
        e.xdg_documents_dir = None;
        assert_eq!(e.documents_folder(), Path::new("."));
    }

    #[test]
    fn linux_recovery_copies_stay_where_eframe_kept_them() {
        let mut e = env(System::Unix, Path::new("/home/an"));
        assert_eq!(
            e.recovery_folder().unwrap(),
            Path::new("/home/an/.local/share/planbord/recovery")
        );
        e.xdg_data_home = Some(PathBuf::from("/data/an"));
        assert_eq!(
            e.recovery_folder().unwrap(),
            Path::new("/data/an/planbord/recovery")
        );
        e.xdg_data_home = Some(PathBuf::from("relative/not/allowed"));
        assert_eq!(
            e.recovery_folder().unwrap(),
            Path::new("/home/an/.local/share/planbord/recovery")
        );
        e.home = None;
        assert_eq!(e.recovery_folder(), None);
        // The same folder as eframe's storage (where older versions kept the copies).
        if System::CURRENT == System::Unix {
            assert_eq!(
                Env::current().recovery_folder(),
                eframe::storage_dir("Planbord").map(|d| d.join("recovery"))
            );
        }
    }

    #[test]
    fn windows_documents_are_the_known_folder_else_under_the_profile() {
        let profile = tempfile::tempdir().unwrap();
        let p = profile.path();
        let mut e = env(System::Windows, p);
        // XDG and Dutch names mean nothing on Windows.
        create_folder(&p.join("Documenten")).unwrap();
        e.xdg_documents_dir = Some(p.join("Documenten"));
        assert_eq!(e.documents_folder(), p);
        create_folder(&p.join("Documents")).unwrap();
        assert_eq!(e.documents_folder(), p.join("Documents"));
        // Documents moved to OneDrive: the known folder wins.
        let onedrive = p.join("OneDrive - Socius").join("Documenten");
        create_folder(&onedrive).unwrap();
        e.known_documents = Some(onedrive.clone());
        assert_eq!(e.documents_folder(), onedrive);
    }

    #[test]
    fn windows_recovery_copies_are_in_roaming_appdata() {
        let mut e = env(System::Windows, Path::new(r"C:\Users\an"));
        e.appdata = Some(PathBuf::from(r"C:\Users\an\AppData\Roaming"));
        let expected: PathBuf = [r"C:\Users\an\AppData\Roaming", "Planbord", "recovery"]
            .iter()
            .collect();
        assert_eq!(e.recovery_folder().unwrap(), expected);
        e.appdata = None;
        let fallback: PathBuf = [r"C:\Users\an", "AppData", "Roaming", "Planbord", "recovery"]
            .iter()
            .collect();
        assert_eq!(e.recovery_folder().unwrap(), fallback);
        // XDG_DATA_HOME means nothing on Windows.
        e.xdg_data_home = Some(PathBuf::from("/data"));
        assert_eq!(e.recovery_folder().unwrap(), fallback);
    }

    #[test]
    fn macos_folders() {
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        let e = env(System::MacOs, h);
        assert_eq!(e.documents_folder(), h);
        create_folder(&h.join("Documents")).unwrap();
        assert_eq!(e.documents_folder(), h.join("Documents"));
        assert_eq!(
            e.recovery_folder().unwrap(),
            h.join("Library/Application Support/Planbord/recovery")
        );
    }
}
