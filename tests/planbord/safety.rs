//! Never lose a plan: recovery copies after a crash, files changed on disk by someone else,
//! backups (driven through the real window with egui_kittest).

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use planbord::app::{Pending, PlanApp};
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

/// The recovery copies on disk (of running and crashed sessions alike).
fn copies_on_disk(recovery: &Path) -> usize {
    std::fs::read_dir(recovery).map_or(0, |entries| {
        entries
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron"))
            })
            .count()
    })
}

/// The copies the next start would offer (of sessions that are gone).
fn offered(recovery: &Path) -> Vec<planbord::store::recovery::Recovered> {
    RecoveryStore::new(recovery.to_path_buf()).list()
}

/// Types an FTE and waits until its recovery copy is on disk.
fn edit_and_copy(h: &mut Harness<'static, PlanApp>, label: &str, value: &str) {
    type_into(h, label, value, Key::Enter);
    h.state_mut().write_recovery_now();
}

#[test]
fn after_a_crash_the_next_start_offers_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, path) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut h, "VTE SD1.OD2 2021", "1,2");
    let edited = h.state().plan().clone();
    assert_eq!(copies_on_disk(&recovery), 1);
    assert!(offered(&recovery).is_empty(), "the window still runs");
    // Crash: the window goes away without saving or cleaning up.
    drop(h);
    assert_ne!(
        planbord::store::load(&path).unwrap(),
        edited,
        "the file itself was not touched"
    );
    assert_eq!(offered(&recovery).len(), 1);

    // "Decide later" keeps the copy.
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Niet-opgeslagen werk gevonden");
    h.get_by_label(&std::path::absolute(&path).unwrap().display().to_string());
    h.get_by_label_contains("Herstelkopie van ");
    h.get_by_label("Later beslissen").click();
    h.run();
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(0.3));
    drop(h);
    assert_eq!(offered(&recovery).len(), 1);

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
    h.state_mut().flush_recovery();
    assert!(!h.state().is_dirty(), "{}", h.state().status);
    let saved = planbord::store::load(&path).unwrap();
    assert_eq!(&saved, h.state().plan());
    // The restored edits are what was saved (with the date of the save stamped in).
    let mut expected = edited.clone();
    expected.meta.last_changed = saved.meta.last_changed.clone();
    assert_eq!(saved, expected);
    assert_eq!(fte(h.state(), "SD1.OD2", 2021), dec!(1.2));
    assert_eq!(copies_on_disk(&recovery), 0, "a save removes the copy");
    drop(h);
    assert!(offered(&recovery).is_empty());
}

#[test]
fn deciding_later_then_editing_keeps_the_crashed_work() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut h, "VTE SD1.OD2 2021", "1,2");
    drop(h); // crash
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Later beslissen").click();
    h.run();
    // The next session edits and saves the same file: the crashed work must survive both.
    edit_and_copy(&mut h, "VTE SD1.OD3 2021", "2");
    let first = offered(&recovery);
    assert_eq!(first.len(), 1, "the running session's copy is not offered");
    assert_eq!(
        crate::support::goal(&first[0].plan, "SD1.OD2")
            .fte
            .get(2021),
        dec!(1.2)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.state_mut().flush_recovery();
    assert!(!h.state().is_dirty());
    drop(h);
    let left = offered(&recovery);
    assert_eq!(left.len(), 1, "still offered until restored or discarded");
    assert_eq!(
        crate::support::goal(&left[0].plan, "SD1.OD2").fte.get(2021),
        dec!(1.2)
    );
    // Discarding it removes it for good.
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Kopie verwijderen").click();
    h.run();
    h.state_mut().flush_recovery();
    assert!(h.state().dialog.is_none());
    drop(h);
    assert!(offered(&recovery).is_empty());
}

#[test]
fn two_windows_on_one_file_keep_two_copies() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut one, _) = open_copy(dir.path(), Some(&recovery));
    let (mut two, _) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut one, "VTE SD1.OD2 2021", "1,1");
    edit_and_copy(&mut two, "VTE SD1.OD3 2021", "2,2");
    edit_and_copy(&mut one, "VTE SD1.OD2 2022", "1,3");
    drop(one);
    drop(two);
    let found = offered(&recovery);
    assert_eq!(found.len(), 2, "each window's work is kept");
    let has = |code: &str, year: i32, value| {
        found
            .iter()
            .any(|r| crate::support::goal(&r.plan, code).fte.get(year) == value)
    };
    assert!(has("SD1.OD2", 2022, dec!(1.3)) && has("SD1.OD3", 2021, dec!(2.2)));
}

#[test]
fn a_restored_copy_still_notices_a_colleagues_change() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, path) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut h, "VTE SD1.OD2 2021", "1,2");
    drop(h); // crash
    // Meanwhile a colleague saves another version of the file.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Ingediend beleidsplan", "Versie van Jan");
    std::fs::write(&path, &theirs).unwrap();
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    h.get_by_label("Herstellen").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Bestand gewijzigd op schijf");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(h.state().is_dirty());
}

#[test]
fn not_saving_on_quit_removes_the_recovery_copy_before_the_window_closes() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut h, "VTE SD1.OD2 2021", "2");
    assert_eq!(copies_on_disk(&recovery), 1);
    h.state_mut().request(Pending::Quit);
    h.run();
    h.get_by_label("Niet opslaan").click();
    h.step(); // the window now asks to close every frame
    // No waiting for the background writer: the copy must be gone when the window may close.
    assert!(h.state().may_close());
    assert_eq!(copies_on_disk(&recovery), 0);
}

#[test]
fn steady_typing_is_in_a_recovery_copy_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = dir.path().join("socius.ron");
    std::fs::copy("plans/socius-2021-2025.ron", &path).unwrap();
    let plan = planbord::store::load(&path).unwrap();
    let app = PlanApp::new(plan, Some(path.clone()), prefs_on(Panel::Staffing))
        .with_recovery(Some(RecoveryStore::new(recovery.clone())));
    // The window's clock: 20 ms a frame, whatever the machine is doing.
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 1100.0))
        .with_step_dt(0.02)
        .build_ui_state(|ui, app: &mut PlanApp| app.show(ui), app);
    h.run();
    let clock = |h: &Harness<'static, PlanApp>| Duration::from_secs_f64(h.ctx.input(|i| i.time));
    type_into(&mut h, "VTE SD1.OD2 2021", "1,1", Key::Enter);
    let start = clock(&h);
    // Keep typing for a little over a second of the window's clock, never pausing as long as
    // the delay.
    let mut n = 0;
    while clock(&h) - start < Duration::from_millis(1100) {
        n += 1;
        let before = clock(&h);
        type_into(&mut h, "VTE SD1.OD3 2021", &format!("0,{n}"), Key::Enter);
        assert!(
            clock(&h) - before < planbord::app::autosave::AUTOSAVE_DELAY,
            "each value is typed within the delay"
        );
    }
    h.state_mut().flush_recovery();
    assert_eq!(
        copies_on_disk(&recovery),
        1,
        "a copy is written while the user keeps typing"
    );
}

#[test]
fn discarding_changes_removes_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut h, _) = open_copy(dir.path(), Some(&recovery));
    edit_and_copy(&mut h, "VTE SD1.OD2 2021", "2");
    assert_eq!(copies_on_disk(&recovery), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Niet opslaan").click();
    h.run();
    assert_eq!(copies_on_disk(&recovery), 0);
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
