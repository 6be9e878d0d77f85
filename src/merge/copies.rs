//! The names synced-folder clients give a conflict copy of a file, to notice one next to an
//! opened plan. For `plan.ron`:
//!
//! | client | conflict copy |
//! |---|---|
//! | Nextcloud, ownCloud | `plan (conflicted copy 2026-11-30 101010).ron`, `plan_conflict-20261130-101010.ron` |
//! | Dropbox | `plan (Jan's conflicted copy 2026-11-30).ron`, `plan (Conflicted copy ...).ron` |
//! | Syncthing | `plan.sync-conflict-20261130-101010-ABCDEFG.ron` |
//! | OneDrive | `plan-PC-NAME.ron` (the computer's name, in capitals) |
//! | Google Drive, browsers | `plan (1).ron` |
//!
//! Names Planbord gives files itself (`plan-variant.ron`, `plan-hersteld.ron`, `plan-2.ron`) are
//! not conflict copies: OneDrive's computer names are taken only in capitals with a letter.

/// Whether `candidate` is a conflict copy of the file named `original` (file names, not paths).
pub fn is_conflict_copy(original: &str, candidate: &str) -> bool {
    let Some((stem, ext)) = original.rsplit_once('.') else {
        return false;
    };
    let Some((candidate_stem, candidate_ext)) = candidate.rsplit_once('.') else {
        return false;
    };
    if candidate == original || !candidate_ext.eq_ignore_ascii_case(ext) || stem.is_empty() {
        return false;
    }
    let Some(rest) = candidate_stem.strip_prefix(stem) else {
        return false;
    };
    let lower = rest.to_lowercase();
    // Nextcloud, ownCloud, Dropbox (any language that says "conflict"), Syncthing.
    if lower.contains("conflict") || lower.contains("konflikt") || lower.contains("conflit") {
        return true;
    }
    // plan (1).ron
    if let Some(number) = rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')) {
        return !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    }
    // OneDrive: plan-PC-NAME.ron
    if let Some(machine) = rest.strip_prefix('-') {
        let fits = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_';
        return machine.len() >= 2
            && machine.chars().all(fits)
            && machine.chars().any(|c| c.is_ascii_uppercase());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_conflict_copy;

    #[test]
    fn copies_of_the_usual_clients_are_recognised() {
        for copy in [
            "plan (conflicted copy 2026-11-30 101010).ron",
            "plan (Conflicted copy 2026-11-30).ron",
            "plan (Jan's conflicted copy 2026-11-30).ron",
            "plan_conflict-20261130-101010.ron",
            "plan.sync-conflict-20261130-101010-ABCDEFG.ron",
            "plan-PC-NAME.ron",
            "plan-DESKTOP-4F2K9.ron",
            "plan (1).ron",
            "plan (conflicted copy).RON",
        ] {
            assert!(is_conflict_copy("plan.ron", copy), "{copy}");
        }
    }

    #[test]
    fn other_files_are_not() {
        for other in [
            "plan.ron",
            "plan.ron.bak",
            "plan-variant.ron",
            "plan-hersteld.ron",
            "plan-2.ron",
            "plannen.ron",
            "andere (conflicted copy).ron",
            "plan (conflicted copy).txt",
            "plan (x).ron",
            "plan-A.ron",
        ] {
            assert!(!is_conflict_copy("plan.ron", other), "{other}");
        }
    }
}
