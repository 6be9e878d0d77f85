//! Save paths that must respect the user's files (symlinks, hard links, read-only files, modes, a
//! full disk, a deleted or damaged file) and input that must be refused quickly (pipes, devices,
//! a BOM, over-precise or misreadable decimals, cut texts, ids without room).

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::store::{self, LoadError, SaveOptions, SaveProblem};
use planbord::ui::Panel;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{
    SOCIUS, TEMPLATE, english, harness_with, planbord, prefs_on, socius, type_into,
};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn template() -> planbord::model::Plan {
    store::load(Path::new(TEMPLATE)).unwrap()
}

#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    std::fs::copy(TEMPLATE, &real).unwrap();
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let mut plan = template();
    plan.mission = "Via de link".into();
    store::save(&plan, &link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(store::load(&real).unwrap().mission, "Via de link");
    assert_eq!(
        std::fs::read(store::backup_path(&real)).unwrap(),
        std::fs::read(TEMPLATE).unwrap(),
        "the backup is next to the real file"
    );
}

#[test]
fn a_hard_linked_file_is_not_split_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::fs::copy(TEMPLATE, &a).unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let mut plan = template();
    plan.mission = "Nieuw".into();
    let err = store::save(&plan, &a).unwrap_err();
    assert_eq!(err.problem, SaveProblem::HardLinked { links: 2 });
    assert!(err.unchanged);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(TEMPLATE).unwrap());
    // Asked and agreed: a gets the new plan, b keeps the old one.
    let split = SaveOptions {
        split_hard_link: true,
        ..SaveOptions::default()
    };
    store::save_with(&plan, &a, split).unwrap();
    assert_eq!(store::load(&a).unwrap().mission, "Nieuw");
    assert_eq!(std::fs::read(&b).unwrap(), std::fs::read(TEMPLATE).unwrap());
}

#[test]
fn a_read_only_file_is_refused_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(TEMPLATE, &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut plan = template();
    plan.mission = "Nieuw".into();
    let err = store::save(&plan, &path).unwrap_err();
    assert_eq!(err.problem, SaveProblem::ReadOnly);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!store::backup_path(&path).exists());
    // The message names the plan, says it is unchanged, in the user's language.
    let nl = planbord::i18n::errors::save_error(&err, planbord::i18n::Lang::Nl);
    assert!(
        nl.starts_with(&format!("{} is niet opgeslagen", path.display())),
        "{nl}"
    );
    assert!(
        nl.contains("alleen-lezen") && nl.contains("ongewijzigd"),
        "{nl}"
    );
    assert!(!nl.contains("planbord-tmp"), "{nl}");
}

#[test]
fn new_files_get_the_usual_mode_and_rewritten_ones_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    // What any program gets for a new file here (0666 minus the umask).
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    let usual = mode(&probe);
    let new = dir.path().join("new.ron");
    store::save(&template(), &new).unwrap();
    assert_eq!(mode(&new), usual, "not the 0600 of a temporary file");
    // A team file with its own mode keeps it, and so does its backup.
    let team = dir.path().join("team.ron");
    std::fs::copy(TEMPLATE, &team).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o664)).unwrap();
    let mut plan = template();
    plan.mission = "Samen".into();
    store::save(&plan, &team).unwrap();
    assert_eq!(mode(&team), 0o664);
    assert_eq!(mode(&store::backup_path(&team)), 0o664);
}

/// Runs `planbord fmt FILE` with the size of files it may write limited to `kib` KiB (as a full
/// disk would stop it); returns the exit code.
fn fmt_with_file_size_limit(file: &Path, kib: u32) -> i32 {
    let script = format!(
        "trap '' XFSZ; ulimit -f {}; exec \"$0\" fmt \"$1\"",
        kib * 2 // ulimit -f counts 512-byte blocks in sh
    );
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_planbord"))
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

#[test]
fn a_save_that_does_not_fit_keeps_the_older_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // The older version in the backup, the current small file, and a new version far larger.
    let older = "older version\n";
    std::fs::write(store::backup_path(&path), older).unwrap();
    let small = std::fs::read_to_string(TEMPLATE).unwrap();
    let big = small.replacen(
        "mission: \"\"",
        &format!("mission: \"{}\"", "x".repeat(200_000)),
        1,
    );
    assert_ne!(small, big);
    // `fmt` rewrites a hand-edited file: give it the big plan laid out by hand.
    std::fs::write(&path, big.replace("\n    ", "\n  ")).unwrap();
    let current = std::fs::read(&path).unwrap();
    assert_eq!(fmt_with_file_size_limit(&path, 64), 1, "the save fails");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        current,
        "the file is unchanged"
    );
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        older,
        "the older backup is still there"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".planbord-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Runs `planbord ARGS`, killing it if it does not end within 10 s (a hang is a failure).
fn planbord_within_10s(args: &[&str]) -> (i32, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("planbord {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn pipes_and_devices_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, err) = planbord_within_10s(&["check", "--lang", "en", fifo.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("a pipe") && err.contains("not a plan file"),
        "{err}"
    );
    let (code, err) = planbord_within_10s(&["summary", "--lang", "en", "/dev/zero"]);
    assert_eq!(code, 1);
    assert!(err.contains("a device"), "{err}");
    let (code, err) = planbord_within_10s(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    // In the system's language: Dutch unless it is English.
    assert!(err.contains("a folder") || err.contains("een map"), "{err}");

    // Every command that reads a file reads through the same bounded reader: a table to
    // import, the realised figures, the three versions of a merge, the plans of a diff.
    let plan = dir.path().join("socius.ron");
    std::fs::copy(SOCIUS, &plan).unwrap();
    let plan = plan.to_str().unwrap();
    let fifo = fifo.to_str().unwrap();
    for special in [fifo, "/dev/zero"] {
        for args in [
            vec!["import-budget", plan, special],
            vec!["import-actuals", plan, special, "--year", "2021"],
            vec!["merge", special, plan, plan, "-o", "/dev/null"],
            vec!["merge", plan, special, plan, "-o", "/dev/null"],
            vec!["diff", plan, special],
            vec!["compare", plan, special],
            vec!["export", special, "--pdf", "/dev/null"],
            vec!["fmt", special],
        ] {
            let mut nl = args.clone();
            nl.extend(["--lang", "nl"]);
            let (code, err) = planbord_within_10s(&nl);
            assert_ne!(code, 0, "{args:?}");
            assert!(
                err.contains(special)
                    && (err.contains("een pipe (FIFO)") || err.contains("een apparaat")),
                "{args:?}: {err}"
            );
        }
    }
    assert_eq!(std::fs::read(plan).unwrap(), std::fs::read(SOCIUS).unwrap());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notepad.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(SOCIUS).unwrap());
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(store::load(&path).unwrap(), socius());
    let (code, out, err) = planbord(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": ok"), "{out}");
}

fn load_text(text: &str) -> LoadError {
    store::from_bytes(text.as_bytes(), Path::new("plan.ron")).unwrap_err()
}

fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line, column)
}

#[test]
fn a_value_with_more_decimals_than_can_be_kept_is_refused_with_its_place() {
    let tiny = format!("\"0.{}1\"", "0".repeat(28));
    let text = std::fs::read_to_string(SOCIUS).unwrap().replacen(
        "2021: \"1.4\"",
        &format!("2021: {tiny}"),
        1,
    );
    let err = load_text(&text);
    assert!(
        matches!(
            err,
            LoadError::Decimal {
                problem: planbord::model::decimal::DecimalProblem::TooPrecise(_),
                ..
            }
        ),
        "{err}"
    );
    // The place of the number itself (just inside its quotes).
    assert_eq!(
        err.position(),
        Some(position_of(&text, &tiny[1..])),
        "{err}"
    );
}

#[test]
fn trailing_zeros_are_reported_with_both_readings() {
    let text =
        std::fs::read_to_string(SOCIUS)
            .unwrap()
            .replacen("2021: \"1.4\"", "2021: \"73.600\"", 1);
    let err = load_text(&text);
    assert_eq!(err.position(), Some(position_of(&text, "73.600\"")));
    let en = english(&err);
    assert!(en.contains("73,6") && en.contains("73.600"), "{en}");
    let nl = planbord::i18n::errors::load_error(&err, planbord::i18n::Lang::Nl);
    assert!(
        nl.contains("regel") && nl.contains("op zijn Belgisch gelezen 73.600"),
        "{nl}"
    );
}

#[test]
fn a_file_cut_inside_a_text_says_it_ends_too_early() {
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    let inside = text.find("Socius").unwrap() + 3;
    let err = load_text(&text[..inside]);
    let message = english(&err);
    assert!(
        message.contains("cut off") && message.contains(".bak"),
        "{message}"
    );
    let (line, _) = err.position().unwrap();
    assert_eq!(line, text[..inside].matches('\n').count() + 1, "{message}");
}

#[test]
fn ids_without_room_are_refused_with_sane_advice() {
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    let next = text.lines().find(|l| l.contains("next_id:")).unwrap();
    let huge = text.replacen(next, &format!("    next_id: {},", u64::MAX), 1);
    let err = english(&load_text(&huge));
    assert!(err.contains("leaves no room"), "{err}");
    assert!(!err.contains("at least 0"), "{err}");
    let mut plan = socius();
    plan.next_id = planbord::model::MAX_ID;
    assert!(planbord::model::validate(&plan).is_empty());
    plan.new_id();
    assert!(
        !planbord::model::validate(&plan).is_empty(),
        "past the limit"
    );
}

/// The Socius plan copied to `dir`, opened in the window at 1366x768.
fn open_copy(dir: &Path) -> (egui_kittest::Harness<'static, PlanApp>, PathBuf) {
    let path = dir.join("socius.ron");
    std::fs::copy(SOCIUS, &path).unwrap();
    let app = PlanApp::new(socius(), Some(path.clone()), prefs_on(Panel::Staffing));
    let mut h = crate::support::harness_sized(app, 1366.0, 768.0);
    h.run();
    (h, path)
}

#[test]
fn a_file_deleted_while_open_is_not_silently_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    type_into(&mut h, "VTE SD1.OD2 2021", "0,5", Key::Enter);
    std::fs::remove_file(&path).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Bestand verdwenen");
    assert!(!path.exists(), "nothing written without asking");
    h.get_by_label("Opnieuw aanmaken").click();
    h.run();
    assert_eq!(&store::load(&path).unwrap(), h.state().plan());
    assert!(!h.state().is_dirty());
}

#[test]
fn a_read_only_file_offers_save_as_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    type_into(&mut h, "VTE SD1.OD2 2021", "0,5", Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Niet opgeslagen");
    assert!(h.get_all_by_label_contains("alleen-lezen").count() >= 1);
    assert!(h.state().is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    h.get_by_label("Opslaan als…").click();
    h.run();
    let elsewhere = dir.path().join("kopie.ron");
    type_into(&mut h, "Pad", elsewhere.to_str().unwrap(), Key::Enter);
    assert_eq!(&store::load(&elsewhere).unwrap(), h.state().plan());
    assert!(!h.state().is_dirty());
}

#[test]
fn a_damaged_plan_opens_as_a_dialog_and_is_never_written_over_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("plan.ron");
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    let cut = &text[..text.len() / 3];
    std::fs::write(&damaged, cut).unwrap();
    std::fs::write(store::backup_path(&damaged), &text).unwrap();
    let app = PlanApp::from_files(std::slice::from_ref(&damaged), None);
    let mut h = crate::support::harness_sized(app, 1366.0, 768.0);
    h.run();
    h.get_by_label("Plan kan niet geopend worden");
    // The message names the file, line and column.
    // (in the dialog and in the status bar)
    assert!(h.get_all_by_label_contains("plan.ron, regel ").count() >= 1);
    assert!(h.get_all_by_label_contains(", kolom ").count() >= 1);
    h.get_by_label("Reservekopie openen");
    h.get_by_label("Sluiten").click();
    h.run();
    // Ctrl+S on what is in the window never proposes the damaged file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let proposed = h.get_by_label("Pad").value().unwrap_or_default();
    assert_ne!(PathBuf::from(&proposed), damaged, "{proposed}");
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), cut);
    // Choosing it on purpose asks, then keeps the damaged bytes next to it.
    type_into(&mut h, "Pad", damaged.to_str().unwrap(), Key::Enter);
    h.get_by_label("Bestand bestaat al");
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), cut);
    h.get_by_label("Overschrijven").click();
    h.run();
    assert_eq!(&store::load(&damaged).unwrap(), h.state().plan());
    let kept = dir.path().join("plan.ron.damaged");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), cut);
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&damaged)).unwrap(),
        text,
        "the backup keeps the last good version"
    );
}

#[test]
fn opening_the_backup_of_a_damaged_plan_gives_its_content_under_a_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("plan.ron");
    let text = std::fs::read_to_string(SOCIUS).unwrap();
    std::fs::write(&damaged, "(format_version: 1, ").unwrap();
    std::fs::write(store::backup_path(&damaged), &text).unwrap();
    let app = PlanApp::from_files(std::slice::from_ref(&damaged), None);
    let mut h = harness_with(app);
    h.run();
    h.get_by_label("Reservekopie openen").click();
    h.run();
    assert_eq!(h.state().plan(), &socius());
    assert!(h.state().is_dirty(), "not saved anywhere yet");
    assert_eq!(h.state().path(), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let proposed = h.get_by_label("Pad").value().unwrap_or_default();
    assert_eq!(
        PathBuf::from(proposed),
        dir.path().join("plan-hersteld.ron")
    );
}
