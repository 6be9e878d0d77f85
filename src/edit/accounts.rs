//! Accounts brought in from accounting: which line a source line updates, and the merge.

use super::*;

/// Which existing line each incoming line of one section updates (`None`: a new line). A line
/// is matched by code and name (trimmed, case-insensitive) first, then by code alone, in order;
/// every existing line is matched at most once. One rule for the import preview and the merge.
pub fn match_account_lines(existing: &[AccountLine], incoming: &[MergeLine]) -> Vec<Option<usize>> {
    let mut taken = vec![false; existing.len()];
    let mut matched: Vec<Option<usize>> = vec![None; incoming.len()];
    let same_code = |old: &AccountLine, new: &MergeLine| same_key(&old.code, &new.code);
    for by_name in [true, false] {
        for (i, line) in incoming.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            let fits = |k: usize| {
                !taken[k]
                    && same_code(&existing[k], line)
                    && (!by_name || same_key(&existing[k].name, &line.name))
            };
            if let Some(at) = (0..existing.len()).find(|&k| fits(k)) {
                taken[at] = true;
                matched[i] = Some(at);
            }
        }
    }
    matched
}

/// Carries out [`Edit::MergeAccounts`]; the rule is described at [`AccountMerge`].
pub(super) fn merge_accounts(plan: &mut Plan, merge: &AccountMerge) -> Result<(), EditError> {
    let years: Vec<i32> = plan.years().collect();
    let outside = merge.sections.iter().find_map(|s| {
        s.printed_cost
            .keys()
            .chain(s.printed_income.keys())
            .chain(s.lines.iter().flat_map(|l| l.amounts.keys()))
            .find(|y| !years.contains(y))
    });
    if let Some(year) = outside {
        return Err(refused(Refusal::YearOutsidePeriod { year: *year }));
    }
    for incoming in &merge.sections {
        let at = match plan
            .accounts
            .iter()
            .position(|s| same_key(&s.name, &incoming.name))
        {
            Some(at) => at,
            None => {
                let id = plan.new_id();
                plan.accounts.push(AccountSection {
                    id,
                    name: incoming.name.trim().to_string(),
                    lines: Vec::new(),
                    printed_cost: Yearly::default(),
                    printed_income: Yearly::default(),
                });
                plan.accounts.len() - 1
            }
        };
        for (side, printed) in [
            (Side::Cost, &incoming.printed_cost),
            (Side::Income, &incoming.printed_income),
        ] {
            for (year, value) in printed {
                plan.accounts[at].printed_mut(side).set(*year, *value);
            }
        }
        let matches = match_account_lines(&plan.accounts[at].lines, &incoming.lines);
        let kept_before = plan.accounts[at].lines.len();
        for (line, existing) in incoming.lines.iter().zip(matches.iter().copied()) {
            match existing {
                Some(i) => {
                    let target = &mut plan.accounts[at].lines[i];
                    if let Amounts::Rule(_) = target.amounts {
                        target.amounts = Amounts::PerYear(Yearly(
                            years
                                .iter()
                                .map(|y| (*y, target.amounts.value(*y).normalize()))
                                .filter(|(_, v)| !v.is_zero())
                                .collect(),
                        ));
                    }
                    let values = per_year_mut(&mut target.amounts)?;
                    for (year, value) in &line.amounts {
                        values.set(*year, *value);
                    }
                    if !line.name.trim().is_empty() {
                        target.name = line.name.trim().to_string();
                    }
                    target.side = line.side;
                    if target.category.is_some_and(|c| !c.fits(line.side)) {
                        target.category = None;
                    }
                }
                None => {
                    let id = plan.new_id();
                    let mut values = Yearly::default();
                    for (year, value) in &line.amounts {
                        values.set(*year, *value);
                    }
                    plan.accounts[at].lines.push(AccountLine {
                        id,
                        code: line.code.trim().to_string(),
                        name: line.name.trim().to_string(),
                        side: line.side,
                        category: None,
                        amounts: Amounts::PerYear(values),
                    });
                }
            }
        }
        if merge.remove_missing {
            // Lines that were there before the merge and that no incoming line matched.
            let mut keep = vec![false; kept_before];
            for at in matches.iter().flatten() {
                keep[*at] = true;
            }
            keep.resize(plan.accounts[at].lines.len(), true);
            let mut keep = keep.into_iter();
            plan.accounts[at]
                .lines
                .retain(|_| keep.next().unwrap_or(true));
        }
    }
    if let Some(basis) = merge.basis {
        plan.meta.budget_basis = basis;
    }
    Ok(())
}
