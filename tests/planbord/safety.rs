//! Never lose a plan: recovery copies after a crash, files changed on disk by someone else,
//! backups (driven through the real window with egui_kittest).

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::store::recovery::RecoveryStore;
use planbord::ui::Panel;
use rust_decimal::dec;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{od_fte as fte, prefs_on, type_into};

/// A copy of the Socius plan in a temp folder, opened in the window, with recovery copies kept in
/// `recovery` (if given).
fn open_copy(dir: &Path, recovery: Option<&Path>) -> (Harness<'static, PlanApp>, PathBuf) {
    let path = dir.join("socius.ron");
    if !path.exists() {
        std::fs::copy("plans/socius-2021-2025.ron", &path).unwrap();
    }
    let plan = planbord::store::load(&path).unwrap();
    let app = PlanApp::new(plan, Some(path.clone()), prefs_on(Panel::Staffing))
        .with_recovery(recovery.map(|r| RecoveryStore::new(r.to_path_buf())));
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 1100.0))
        .build_ui_state(|ui, app: &mut PlanApp| app.show(ui), app);
    h.run();
    (h, path)
}

#[test]
fn after_a_crash_the_next_start_offers_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, path) = open_copy(dir.path(), Some(&recovery));
    type_into(&mut h, "VTE SD1.OD2 2021", "1,2", Key::Enter);
    // The copy is written a little after the edit, without waiting for the user.
    h.state_mut().autosave_delay = Duration::ZERO;
    h.run();
    h.state_mut().write_recovery_now();
    let edited = h.state().plan().clone();
    assert_eq!(RecoveryStore::new(recovery.clone()).list().len(), 1);
    // Crash: the window goes away without saving.
    drop(h);
    assert_ne!(
        planbord::store::load(&path).unwrap(),
        edited,
        "the file itself was not touched"
    );

    // "Decide later" keeps the copy.
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Niet-opgeslagen werk gevonden");
    h.get_by_label(&std::path::absolute(&path).unwrap().display().to_string());
    h.get_by_label_contains("Herstelkopie van 20");
    h.get_by_label("Later beslissen").click();
    h.run();
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(0.3));
    drop(h);
    assert_eq!(RecoveryStore::new(recovery.clone()).list().len(), 1);

    // Restore: the edited plan is back, unsaved, belonging to its file; saving removes the copy.
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Herstellen").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
    assert!(h.state().is_dirty());
    assert_eq!(
        h.state().path(),
        Some(std::path::absolute(&path).unwrap().as_path())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.state_mut().write_recovery_now();
    assert!(!h.state().is_dirty(), "{}", h.state().status);
    let saved = planbord::store::load(&path).unwrap();
    assert_eq!(&saved, h.state().plan());
    // The restored edits are what was saved (with the date of the save stamped in).
    let mut expected = edited.clone();
    expected.meta.last_changed = saved.meta.last_changed.clone();
    assert_eq!(saved, expected);
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(1.2));
    assert!(
        RecoveryStore::new(recovery).list().is_empty(),
        "a save removes the copy"
    );
}

#[test]
fn discarding_changes_removes_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    type_into(&mut h, "VTE SD1.OD2 2021", "2", Key::Enter);
    h.state_mut().write_recovery_now();
    assert_eq!(RecoveryStore::new(recovery.clone()).list().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Niet opslaan").click();
    h.run();
    h.state_mut().write_recovery_now();
    assert!(RecoveryStore::new(recovery).list().is_empty());
}

#[test]
fn a_file_changed_on_disk_is_noticed_before_saving_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path(), None);
    type_into(&mut h, "VTE SD1.OD2 2021", "0,5", Key::Enter);
    // Someone else saves another version meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Ingediend beleidsplan", "Versie van Jan");
    std::fs::write(&path, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Bestand gewijzigd op schijf");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing written yet"
    );
    assert!(h.state().is_dirty());
    // Cancel, then overwrite on purpose: their version goes to the backup.
    h.get_by_label("Annuleren").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overschrijven").click();
    h.run();
    assert!(!h.state().is_dirty());
    assert_eq!(&planbord::store::load(&path).unwrap(), h.state().plan());
    assert_eq!(
        std::fs::read_to_string(planbord::store::backup_path(&path)).unwrap(),
        theirs
    );

    // Changed again; this time reload their version.
    std::fs::write(&path, &theirs).unwrap();
    type_into(&mut h, "VTE SD1.OD2 2021", "0,6", Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Herladen van schijf").click();
    h.run();
    assert_eq!(h.state().plan().meta.scenario, "Versie van Jan");
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(0.3));
    assert!(!h.state().is_dirty());
}

#[test]
fn a_failed_save_keeps_the_work_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path(), None);
    type_into(&mut h, "VTE SD1.OD2 2021", "0,9", Key::Enter);
    let before = std::fs::read(&path).unwrap();
    // The folder disappears (an unplugged stick, a deleted sync folder).
    let elsewhere = dir.path().join("gone").join("socius.ron");
    assert!(!h.state_mut().save_to(&elsewhere));
    assert!(h.state().is_dirty(), "the work is still there, unsaved");
    assert!(h.state().status.contains("gone"), "{}", h.state().status);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(0.9));
}
