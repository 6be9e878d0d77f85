//! Plan files: round trips, stable bytes, and clear errors for broken input.

use planbord::model::Plan;
use planbord::store::{self, LoadError};
use std::path::{Path, PathBuf};

use crate::support::{SOCIUS, TEMPLATE, english};

fn text(path: &str) -> String {
    std::fs::read_to_string(path).expect("sample file readable")
}

#[test]
fn load_save_load_gives_an_equal_plan() {
    let dir = tempfile::tempdir().unwrap();
    for sample in [SOCIUS, TEMPLATE, crate::actuals::EXAMPLE] {
        let plan = store::load(Path::new(sample)).unwrap();
        let copy = dir.path().join("copy.ron");
        store::save(&plan, &copy).unwrap();
        let again = store::load(&copy).unwrap();
        assert_eq!(plan, again, "{sample}");
    }
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = store::load(Path::new(SOCIUS)).unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    store::save(&plan, &a).unwrap();
    let reloaded = store::load(&a).unwrap();
    store::save(&reloaded, &b).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn the_committed_samples_are_in_canonical_layout() {
    for sample in [SOCIUS, TEMPLATE, crate::actuals::EXAMPLE] {
        let plan = store::load(Path::new(sample)).unwrap();
        assert_eq!(
            store::to_ron_string(&plan),
            text(sample),
            "{sample}: run `planbord fmt {sample}`"
        );
    }
}

#[test]
fn the_file_starts_with_its_format_version_and_keeps_one_value_a_line() {
    let content = text(SOCIUS);
    assert!(
        content.starts_with("(\n    format_version: 2,\n"),
        "{}",
        &content[..60]
    );
    // Yearly values each on their own line, decimals as exact strings.
    assert!(
        content.contains("2021: \"1.4\",\n"),
        "FTE stored as exact strings"
    );
    assert!(!content.contains('\t'));
}

#[test]
fn the_template_is_an_empty_plan_to_start_from() {
    let plan = store::load(Path::new(TEMPLATE)).unwrap();
    assert!(plan.strategic_goals.is_empty());
    assert!(
        !plan.activity_types.is_empty(),
        "the usual activity types are there"
    );
    assert!(
        !plan.salary_profiles.is_empty(),
        "a salary profile to start from"
    );
}

#[test]
fn a_failed_save_leaves_the_original_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let plan = store::load(Path::new(SOCIUS)).unwrap();
    let target = dir.path().join("missing-folder").join("plan.ron");
    assert!(store::save(&plan, &target).is_err());
    // A save over an existing file replaces it whole, keeps the previous version as backup and
    // leaves no temporary files behind.
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, "old").unwrap();
    store::save(&plan, &path).unwrap();
    assert_eq!(store::load(&path).unwrap(), plan);
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        "old"
    );
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.ron", "plan.ron.bak"], "{names:?}");
    // Saving the same plan again keeps the real previous version in the backup.
    store::save(&plan, &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        "old"
    );
}

/// Writes `content` to a temp file and loads it, expecting an error.
fn load_error(content: &str) -> (LoadError, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, content).unwrap();
    let err = store::load(&path).expect_err("broken file must not load");
    (err, path, dir)
}

/// The line (1-based) on which `needle` first occurs after `after`.
fn line_of(content: &str, after: &str, needle: &str) -> usize {
    let start = content.find(after).expect("after");
    let at = start + content[start..].find(needle).expect("needle");
    content[..at].matches('\n').count() + 1
}

#[test]
fn a_truncated_file_is_reported_at_its_end() {
    let content = text(SOCIUS);
    let cut = &content[..content.len() / 2];
    let (err, path, _dir) = load_error(cut);
    let msg = english(&err);
    assert!(msg.starts_with(&format!("{}:", path.display())), "{msg}");
    let (line, _) = err.position().expect("a position");
    assert_eq!(line, cut.matches('\n').count() + 1, "{msg}");
    assert!(msg.contains("cut off"), "{msg}");
}

#[test]
fn a_wrong_type_is_reported_where_it_stands() {
    let content = text(SOCIUS).replacen("first_year: 2021,", "first_year: \"twee\",", 1);
    let (err, _, _dir) = load_error(&content);
    let (line, column) = err.position().expect("a position");
    assert_eq!(line, line_of(&content, "meta:", "first_year"), "{err}");
    assert!(column > 1);
    assert!(english(&err).contains("correct the value"), "{err}");
}

#[test]
fn an_unknown_field_is_named() {
    let content = text(SOCIUS).replacen("    mission:", "    missie: \"x\",\n    mission:", 1);
    let (err, _, _dir) = load_error(&content);
    let msg = english(&err);
    assert!(msg.contains("missie"), "{msg}");
    assert!(msg.contains("remove that field"), "{msg}");
    assert_eq!(
        err.position().unwrap().0,
        line_of(&content, "meta:", "missie"),
        "{msg}"
    );
}

#[test]
fn a_negative_fte_is_refused_with_its_place() {
    let plan_text = text(SOCIUS);
    // SD1.OD1's 2022 FTE is 1.6: make it negative.
    let od_start = plan_text.find("code: \"SD1.OD1\"").unwrap();
    let fte_at = od_start + plan_text[od_start..].find("2022: \"1.6\"").unwrap();
    let mut content = plan_text.clone();
    content.replace_range(fte_at..fte_at + 11, "2022: \"-1.6\"");
    let (err, _, _dir) = load_error(&content);
    let msg = english(&err);
    assert!(msg.contains("SD1.OD1") && msg.contains("negative"), "{msg}");
    assert_eq!(
        err.position().unwrap().0,
        content[..fte_at].matches('\n').count() + 1,
        "{msg}"
    );
}

#[test]
fn a_dangling_reference_is_refused() {
    let plan: Plan = store::load(Path::new(SOCIUS)).unwrap();
    let profile = plan.strategic_goals[1].operational_goals[0].salary_profile;
    let od_id = plan.strategic_goals[1].operational_goals[0].id;
    let original = text(SOCIUS);
    let od_at = original.find(&format!("id: {},", od_id.0)).unwrap();
    let prof_at = od_at
        + original[od_at..]
            .find(&format!("salary_profile: {},", profile.0))
            .unwrap();
    let mut content = original.clone();
    content.replace_range(
        prof_at..prof_at + format!("salary_profile: {},", profile.0).len(),
        "salary_profile: 9999,",
    );
    let (err, _, _dir) = load_error(&content);
    let msg = english(&err);
    assert!(
        msg.contains("SD2.OD1") && msg.contains("does not exist"),
        "{msg}"
    );
    assert_eq!(
        err.position().unwrap().0,
        content[..prof_at].matches('\n').count() + 1,
        "{msg}"
    );
}

#[test]
fn duplicate_goal_codes_are_refused() {
    let content = text(SOCIUS).replacen("code: \"SD1.OD2\"", "code: \"SD1.OD1\"", 1);
    let (err, _, _dir) = load_error(&content);
    assert!(english(&err).contains("SD1.OD1 is used 2 times"), "{err}");
}

#[test]
fn a_year_outside_the_period_is_refused() {
    let content = text(SOCIUS).replacen("2025: \"15.9\"", "2026: \"15.9\"", 1);
    let (err, _, _dir) = load_error(&content);
    assert!(
        english(&err).contains("outside the plan period 2021-2025"),
        "{err}"
    );
}

#[test]
fn a_file_from_a_newer_planbord_is_refused_clearly() {
    let content = text(SOCIUS).replacen(
        "format_version: 2,",
        "format_version: 7,\n    new_thing: 3,",
        1,
    );
    let (err, _, _dir) = load_error(&content);
    assert!(
        matches!(err, LoadError::NewerVersion { found: 7, .. }),
        "{err}"
    );
    assert!(english(&err).contains("update Planbord"), "{err}");
    // A newer version whose fields this build happens to know, and a version that never existed.
    let content = text(SOCIUS).replacen("format_version: 2,", "format_version: 3,", 1);
    let (err, _, _dir) = load_error(&content);
    assert!(
        matches!(err, LoadError::NewerVersion { found: 3, .. }),
        "{err}"
    );
    let content = text(SOCIUS).replacen("format_version: 2,", "format_version: 0,", 1);
    let (err, _, _dir) = load_error(&content);
    assert!(
        matches!(err, LoadError::UnknownVersion { line: 2, .. })
            && english(&err).contains("version 0 does not exist"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_and_garbage_give_positions_not_panics() {
    let mut bytes = text(TEMPLATE).into_bytes();
    bytes.insert(40, 0xff);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, &bytes).unwrap();
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::NotUtf8 { .. }), "{err}");
    for garbage in [
        "",
        "(",
        "[[[[",
        "(format_version: 1)",
        "\u{0}",
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
    ] {
        let (err, _, _dir) = load_error(garbage);
        assert!(!english(&err).is_empty());
    }
}

#[test]
fn a_missing_file_names_the_path() {
    let err = store::load(Path::new("plans/does-not-exist.ron")).unwrap_err();
    assert!(english(&err).contains("plans/does-not-exist.ron"), "{err}");
}

#[test]
fn temporary_files_of_a_killed_save_are_cleaned_up_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = store::load(Path::new(TEMPLATE)).unwrap();
    let stale = dir.path().join(".plan.ron.abc123.planbord-tmp");
    let fresh = dir.path().join(".plan.ron.def456.planbord-tmp");
    std::fs::write(&stale, "half").unwrap();
    std::fs::write(&fresh, "busy").unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    store::save(&plan, &path).unwrap();
    assert!(!stale.exists(), "a leftover of a killed save is removed");
    assert!(
        fresh.exists(),
        "a save that may be running right now is left alone"
    );
}

#[test]
fn a_version_1_file_is_migrated_and_saved_as_version_2_keeping_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let version_1 = text(SOCIUS).replacen("format_version: 2,", "format_version: 1,", 1);
    assert_ne!(version_1, text(SOCIUS));
    std::fs::write(&path, &version_1).unwrap();
    let plan = store::load(&path).expect("a version-1 file opens");
    assert_eq!(plan.format_version, planbord::model::FORMAT_VERSION);
    assert_eq!(plan, store::load(Path::new(SOCIUS)).unwrap());
    // Saving writes the current version; the backup keeps the file as it was.
    store::save(&plan, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text(SOCIUS));
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        version_1
    );
    // A version no Planbord wrote is refused with its place.
    let version_0 = text(SOCIUS).replacen("format_version: 2,", "format_version: 0,", 1);
    let err = store::from_bytes(version_0.as_bytes(), Path::new("plan.ron")).unwrap_err();
    assert!(english(&err).contains("does not exist"), "{err}");
    assert_eq!(err.position().map(|(line, _)| line), Some(2));
}
