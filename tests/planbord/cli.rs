//! The command line, run as a user runs it.

use crate::support::planbord;

#[test]
fn check_accepts_the_sample_and_reports_no_warnings() {
    let (code, out, err) = planbord(&["check", "plans/socius-2021-2025.ron"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ok (4 strategische doelen, 16 operationele doelen, 5 jaar)"),
        "{out}"
    );
    assert!(out.contains("geen waarschuwingen"), "{out}");
}

#[test]
fn check_prints_warnings_of_a_plan_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = std::fs::read_to_string("plans/socius-2021-2025.ron").unwrap();
    // One FTE less on the payroll in 2023.
    let text = text.replacen("2023: \"15.9\"", "2023: \"14.9\"", 1);
    std::fs::write(&path, text).unwrap();
    let (code, out, _) = planbord(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("waarschuwing: 2023: 15,9 VTE ingezet, 14,9 VTE beschikbaar"),
        "{out}"
    );
}

#[test]
fn check_fails_with_line_and_column_on_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, "(\n    format_version: 1,\n    next_id: x,\n)").unwrap();
    let (code, out, err) = planbord(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    // In Dutch (the default): file, line and column named.
    assert!(
        err.contains(&format!("fout: {}, regel 3, kolom", path.display())),
        "{err}"
    );
    // In English: FILE:LINE:COLUMN.
    let (_, _, err) = planbord(&["check", "--lang", "en", path.to_str().unwrap()]);
    assert!(
        err.contains(&format!("error: {}:3:", path.display())),
        "{err}"
    );
}

#[test]
fn the_command_line_speaks_the_language_asked_for() {
    let (_, nl, _) = planbord(&["check", "plans/socius-2021-2025.ron"]);
    assert!(
        nl.contains("strategische doelen") && nl.contains("geen waarschuwingen"),
        "{nl}"
    );
    let (_, en, _) = planbord(&["check", "--lang", "en", "plans/socius-2021-2025.ron"]);
    assert!(
        en.contains("4 strategic goals") && en.contains("no warnings"),
        "{en}"
    );
    let (_, table, _) = planbord(&["summary", "--lang", "en", "plans/socius-2021-2025.ron"]);
    assert!(
        table.contains("Staff costs") && !table.contains("Personeelskosten"),
        "{table}"
    );
    // The system's language decides when none is asked for.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(["check", "plans/socius-2021-2025.ron"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no warnings"));
}

#[test]
fn summary_csv_has_the_key_figures() {
    let (code, out, err) = planbord(&["summary", "plans/socius-2021-2025.ron", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("key,2021,2022,2023,2024,2025"));
    let rows: std::collections::BTreeMap<&str, &str> =
        lines.map(|l| l.split_once(',').unwrap()).collect();
    for key in [
        "fte.total",
        "fte.service",
        "fte.support",
        "fte.SD1",
        "fte.SD2",
        "fte.SD3",
        "fte.SD4",
        "cost.personnel",
        "cost.personnel.service",
        "cost.personnel.support",
        "cost.operating",
        "cost.overhead",
        "cost.total",
        "income.total",
        "balance",
        "carryover",
        "result",
    ] {
        assert!(rows.contains_key(key), "missing row {key}");
    }
    assert_eq!(rows["fte.total"], "15.9,15.9,15.9,15.9,15.9");
    assert_eq!(rows["fte.SD3"], "1.2,0.7,0.8,0.1,1");
    assert_eq!(
        rows["cost.personnel"],
        "1362093,1412010,1428471,1481700,1522644"
    );
    assert_eq!(
        rows["cost.total"],
        "1755258,1790031,1797401,1853595,1897539"
    );
    assert_eq!(
        rows["income.total"],
        "1773024,1801160,1821270,1838795,1859575"
    );
    assert_eq!(rows["balance"], "17766,11129,23869,-14800,-37964");
    assert_eq!(rows["carryover"], "-17766,-11129,-23869,14800,37964");
    assert_eq!(rows["result"], "0,0,0,0,0");
}

#[test]
fn summary_table_reads_the_belgian_way() {
    let (code, out, _) = planbord(&["summary", "plans/socius-2021-2025.ron"]);
    assert_eq!(code, 0);
    let personnel = out
        .lines()
        .find(|l| l.starts_with("Personeelskosten "))
        .expect("row");
    assert!(
        personnel.contains("1.362.093") && personnel.contains("1.522.644"),
        "{personnel}"
    );
    let fte = out.lines().find(|l| l.starts_with("VTE SD3")).expect("row");
    assert!(fte.contains("0,7") && fte.contains("0,1"), "{fte}");
}

#[test]
fn fmt_rewrites_a_hand_edited_file_in_canonical_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let canonical = std::fs::read_to_string("plans/template.ron").unwrap();
    std::fs::write(&path, canonical.replace("\n    ", "\n")).unwrap();
    let (code, _, err) = planbord(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
}

#[test]
fn fmt_leaves_a_file_already_in_layout_untouched() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy("plans/template.ron", &path).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let (code, out, err) = planbord(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("niets geschreven"), "{out}");
    // Not replaced (an atomic save would give a new file) and no backup made.
    assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode);
    assert!(!planbord::store::backup_path(&path).exists());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read("plans/template.ron").unwrap()
    );
}

#[test]
fn version_names_the_program_and_its_version() {
    let (code, out, _) = planbord(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out, "planbord 0.1.0\n");
    assert_eq!(out, format!("planbord {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn planbord_cli_is_the_same_command_line() {
    // `planbord-cli` is Windows' console program; it must answer exactly as `planbord` does.
    for args in [
        &["--version"][..],
        &["summary", "plans/socius-2021-2025.ron", "--format", "csv"],
        &["check", "plans/no-such-plan.ron"],
    ] {
        let cli = std::process::Command::new(env!("CARGO_BIN_EXE_planbord-cli"))
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "nl_BE.UTF-8")
            .output()
            .unwrap();
        let (code, out, err) = planbord(args);
        assert_eq!(cli.status.code(), Some(code), "{args:?}");
        assert_eq!(String::from_utf8(cli.stdout).unwrap(), out, "{args:?}");
        assert_eq!(String::from_utf8(cli.stderr).unwrap(), err, "{args:?}");
    }
}

#[test]
fn a_plan_with_windows_line_ends_reads_the_same() {
    // git on Windows checks text files out with CR LF (core.autocrlf).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = std::fs::read_to_string("plans/socius-2021-2025.ron").unwrap();
    std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    let (code, out, err) = planbord(&["summary", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, planbord(&["summary", "plans/socius-2021-2025.ron"]).1);
}
