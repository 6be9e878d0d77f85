//! A new plan period from a plan (*Bestand → Nieuwe planperiode…*, `planbord new-period`):
//! [`new_period`] copies the plan into the next period and says what needs attention.
//!
//! The rules:
//! - **ids** stay: every goal, indicator, activity and line keeps its id (a comparison of the
//!   old and new plan matches them by id); `next_id` stays valid (nothing new is made);
//! - **period**: the new years; the title's years follow (`Beleidsplan 2021-2025` becomes
//!   `Beleidsplan 2026-2030`, a title without years gets them); the origin is noted in
//!   `meta.derived_from`; the date of the last save is cleared;
//! - **values per year** (FTE of goals and staff lines, available FTE, operating and
//!   fund-financed budgets, amounts typed per year of overhead, income and account lines):
//!   [`AmountsMode::Continue`] gives every new year the old last year's value,
//!   [`AmountsMode::Shift`] gives the i-th new year the old i-th year's value (the old last
//!   year's past the old period's length). Years the two periods share keep their values;
//! - **indexed**: salary profiles' cost per FTE and subsidy income lines: new year y gets the
//!   old last year's value x (1 + index)^(y - old last year), compounding on the rounded value
//!   as a growth rule does, rounded to the euro (a line with a growth rule: to its rule's
//!   step). A line with a growth rule gets a rule based in the new first year with that value
//!   and the index as growth;
//! - **other growth rules** continue as they ran: based in the new first year on the value the
//!   old rule gives there, same growth and rounding;
//! - **activities**: one that ran through the old last year continues to the new last year;
//!   others are clipped to the new period, and dropped when nothing is left (noted per goal);
//! - **indicators**: a target for a year moves by the distance between the two first years
//!   (kept within the new period); realised values are left behind;
//! - **reserves** open with their balance at the end of the old period (computed by
//!   [`crate::calc`]);
//! - realised figures (`actuals`), printed account totals and merge conflicts are left behind.

use crate::calc::summarize;
use crate::model::{Amounts, GrowthRule, IncomeKind, Plan, Yearly};
use rust_decimal::Decimal;

/// How values per year come into the new period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmountsMode {
    /// Every new year gets the old last year's value.
    #[default]
    Continue,
    /// New year i gets old year i (the last one past the old period's length).
    Shift,
}

/// What the new period is.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodOptions {
    pub first_year: i32,
    /// How many years (1 to 50).
    pub years: u32,
    /// Indexation of salary rates and subsidy, percent per year (more than -100, at most 100).
    pub index_percent: Decimal,
    pub amounts: AmountsMode,
    /// The old plan's file name, for the origin noted in the new plan.
    pub source_file: Option<String>,
}

impl PeriodOptions {
    /// The next period of `plan`: from the year after its last, as many years, 2 % index,
    /// amounts continued.
    pub fn after(plan: &Plan) -> PeriodOptions {
        PeriodOptions {
            first_year: plan.meta.last_year + 1,
            years: plan.year_count().max(1) as u32,
            index_percent: Decimal::TWO,
            amounts: AmountsMode::Continue,
            source_file: None,
        }
    }

    pub fn last_year(&self) -> i32 {
        self.first_year + self.years as i32 - 1
    }
}

/// Why a new period cannot be made with these options. Rendered in [`crate::i18n::period`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the first year {0} lies outside 1900-2200")]
    FirstYear(i32),
    #[error("a period of {0} years: give 1 to 50")]
    Length(u32),
    #[error("an index of {0} % per year: give more than -100 and at most 100")]
    Index(Decimal),
}

/// What needs attention in the new plan. Rendered in [`crate::i18n::period`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodNote {
    /// The new period starts before the old one ended: the shared years keep their values.
    Overlap { old_last: i32 },
    /// Years between the two periods that neither plan covers.
    Gap { from: i32, to: i32 },
    /// Salary rates and subsidy indexed.
    Indexed {
        percent: Decimal,
        profiles: usize,
        subsidy_lines: usize,
    },
    /// A salary profile without a cost per FTE in the old last year: no rates in the new years.
    RateMissing { profile: String, year: i32 },
    /// A line's growth rule now starts in the new first year from this amount.
    RuleRebased {
        line: String,
        base_year: i32,
        base: Decimal,
    },
    /// Activities of an operational goal that ended in the old period were left behind;
    /// `all` when none is left.
    ActivitiesEnded {
        goal: String,
        count: usize,
        all: bool,
    },
    /// Indicator targets for a year moved into the new period.
    TargetsMoved { count: usize },
    /// A reserve opens with its balance at the end of the old period.
    FundOpening { fund: String, balance: Decimal },
    /// Realised figures of these years were left behind.
    ActualsLeftBehind { years: Vec<i32> },
    /// Merge conflicts were left behind (the new plan takes the values the old one had).
    ConflictsLeftBehind { count: usize },
    /// A new year without any cost or income.
    YearWithoutAmounts { year: i32 },
}

/// The title with the new period's years: the old period written in it (`2021-2025`, also
/// with an en dash or spaces) replaced, else the years added at the end.
pub fn retitle(title: &str, old: (i32, i32), new: (i32, i32)) -> String {
    let new_text = format!("{}-{}", new.0, new.1);
    for separator in ["-", "–", " - ", " – ", "/"] {
        let old_text = format!("{}{separator}{}", old.0, old.1);
        if title.contains(&old_text) {
            return title.replacen(&old_text, &new_text, 1);
        }
    }
    let trimmed = title.trim();
    if trimmed.is_empty() {
        new_text
    } else {
        format!("{trimmed} {new_text}")
    }
}

/// The plan's name for `meta.derived_from`: its title (with the organisation when the title
/// does not name it) and file, e.g. `Beleidsplan Socius 2021-2025 (socius-2021-2025.ron)`.
fn origin(plan: &Plan, file: Option<&str>) -> String {
    let title = plan.meta.title.trim();
    let organisation = plan.meta.organisation.trim();
    let mut name = if organisation.is_empty() || title.contains(organisation) {
        title.to_string()
    } else {
        format!("{organisation} {title}")
    };
    if let Some(file) = file.filter(|f| !f.is_empty()) {
        name = format!("{name} ({file})");
    }
    name
}

/// The plan for the next period, and what needs attention (see the module docs).
pub fn new_period(
    plan: &Plan,
    options: &PeriodOptions,
) -> Result<(Plan, Vec<PeriodNote>), PeriodError> {
    if !(1900..=2200).contains(&options.first_year) {
        return Err(PeriodError::FirstYear(options.first_year));
    }
    if !(1..=50).contains(&options.years) || options.last_year() > 2200 {
        return Err(PeriodError::Length(options.years));
    }
    let index = options.index_percent;
    if index <= -Decimal::ONE_HUNDRED || index > Decimal::ONE_HUNDRED {
        return Err(PeriodError::Index(index));
    }
    let ctx = Carry {
        old_first: plan.meta.first_year,
        old_last: plan.meta.last_year,
        new_first: options.first_year,
        new_last: options.last_year(),
        mode: options.amounts,
        index,
    };
    let mut notes = Vec::new();
    if ctx.new_first <= ctx.old_last {
        notes.push(PeriodNote::Overlap {
            old_last: ctx.old_last,
        });
    } else if ctx.new_first > ctx.old_last + 1 {
        notes.push(PeriodNote::Gap {
            from: ctx.old_last + 1,
            to: ctx.new_first - 1,
        });
    }
    let old_summary = summarize(plan);
    let mut new = plan.clone();
    new.meta.title = retitle(
        &plan.meta.title,
        (ctx.old_first, ctx.old_last),
        (ctx.new_first, ctx.new_last),
    );
    new.meta.first_year = ctx.new_first;
    new.meta.last_year = ctx.new_last;
    new.meta.last_changed = String::new();
    new.meta.derived_from = Some(origin(plan, options.source_file.as_deref()));
    if !plan.actuals.is_empty() {
        notes.push(PeriodNote::ActualsLeftBehind {
            years: plan.actuals.years.iter().map(|y| y.year).collect(),
        });
    }
    new.actuals.years.clear();
    if !plan.conflicts.is_empty() {
        notes.push(PeriodNote::ConflictsLeftBehind {
            count: plan.conflicts.len(),
        });
    }
    new.conflicts.clear();

    // Goals: values per year, activities, indicators.
    let mut targets = 0;
    for sd in &mut new.strategic_goals {
        for indicator in &mut sd.indicators {
            targets += ctx.move_indicator(indicator);
        }
        for od in &mut sd.operational_goals {
            od.fte = ctx.carry(&od.fte);
            od.operating = ctx.carry(&od.operating);
            od.fund_financed = ctx.carry(&od.fund_financed);
            for indicator in &mut od.indicators {
                targets += ctx.move_indicator(indicator);
            }
            let before = od.activities.len();
            od.activities.retain_mut(|a| ctx.move_activity(a));
            let dropped = before - od.activities.len();
            if dropped > 0 {
                notes.push(PeriodNote::ActivitiesEnded {
                    goal: od.code.clone(),
                    count: dropped,
                    all: od.activities.is_empty(),
                });
            }
        }
    }
    for indicator in &mut new.general_indicators {
        targets += ctx.move_indicator(indicator);
    }
    if targets > 0 {
        notes.push(PeriodNote::TargetsMoved { count: targets });
    }
    for line in &mut new.staff_lines {
        line.fte = ctx.carry(&line.fte);
    }
    new.available_fte = ctx.carry(&plan.available_fte);

    // Indexed: salary rates and subsidy.
    let mut subsidy_lines = 0;
    for profile in &mut new.salary_profiles {
        if ctx.old_value(&profile.cost_per_fte).is_zero() {
            notes.push(PeriodNote::RateMissing {
                profile: profile.name.clone(),
                year: ctx.old_last,
            });
        }
        profile.cost_per_fte = ctx.indexed(&profile.cost_per_fte, &profile.name, &mut notes);
    }
    for line in &mut new.income {
        if line.kind == IncomeKind::Subsidy {
            subsidy_lines += 1;
            line.amounts = ctx.indexed(&line.amounts, &line.name, &mut notes);
        } else {
            line.amounts = ctx.continued(&line.amounts, &line.name, &mut notes);
        }
    }
    for line in &mut new.overhead {
        line.amounts = ctx.continued(&line.amounts, &line.name, &mut notes);
    }
    for section in &mut new.accounts {
        section.printed_cost = Yearly::default();
        section.printed_income = Yearly::default();
        for line in &mut section.lines {
            let name = format!("{} {}", line.code, line.name);
            line.amounts = ctx.continued(&line.amounts, name.trim(), &mut notes);
        }
    }
    notes.insert(
        0,
        PeriodNote::Indexed {
            percent: index,
            profiles: new.salary_profiles.len(),
            subsidy_lines,
        },
    );

    // Reserves open with the old plan's balance at the end of the year before the new period.
    let opening_year = (ctx.new_first - 1).min(ctx.old_last);
    for fund in &mut new.funds {
        let balance = old_summary
            .reserves
            .iter()
            .find(|r| r.id == fund.id)
            .and_then(|r| {
                old_summary
                    .year_index(opening_year)
                    .and_then(|i| r.values.get(i).copied())
            });
        if let Some(balance) = balance
            && balance != fund.opening_balance
        {
            fund.opening_balance = balance;
            notes.push(PeriodNote::FundOpening {
                fund: fund.name.clone(),
                balance,
            });
        }
    }

    let new_summary = summarize(&new);
    for (i, year) in new_summary.years.iter().enumerate() {
        if new_summary.expenses_total[i].is_zero() && new_summary.income_total[i].is_zero() {
            notes.push(PeriodNote::YearWithoutAmounts { year: *year });
        }
    }
    Ok((new, notes))
}

/// The two periods and how values cross from one to the other.
struct Carry {
    old_first: i32,
    old_last: i32,
    new_first: i32,
    new_last: i32,
    mode: AmountsMode,
    index: Decimal,
}

impl Carry {
    fn new_years(&self) -> std::ops::RangeInclusive<i32> {
        self.new_first..=self.new_last
    }

    /// The old year whose value a new year gets.
    fn source_year(&self, year: i32) -> i32 {
        if (self.old_first..=self.old_last).contains(&year) {
            return year;
        }
        match self.mode {
            AmountsMode::Continue => self.old_last,
            AmountsMode::Shift => {
                let shifted = self.old_first + (year - self.new_first);
                if shifted <= self.old_last {
                    shifted
                } else {
                    self.old_last
                }
            }
        }
    }

    /// Values per year for the new years (a year without a value stays without).
    fn carry(&self, values: &Yearly) -> Yearly {
        Yearly(
            self.new_years()
                .filter_map(|y| values.0.get(&self.source_year(y)).map(|v| (y, *v)))
                .collect(),
        )
    }

    fn old_value(&self, amounts: &Amounts) -> Decimal {
        amounts.value(self.old_last)
    }

    /// Amounts of a line that is not indexed: typed values carried, a rule continued.
    fn continued(&self, amounts: &Amounts, name: &str, notes: &mut Vec<PeriodNote>) -> Amounts {
        match amounts {
            Amounts::PerYear(values) => Amounts::PerYear(self.carry(values)),
            Amounts::Rule(rule) => {
                let rebased = GrowthRule {
                    base_year: self.new_first,
                    base: rule.value(self.new_first),
                    growth_percent: rule.growth_percent,
                    round_to: rule.round_to,
                };
                notes.push(PeriodNote::RuleRebased {
                    line: name.to_string(),
                    base_year: rebased.base_year,
                    base: rebased.base,
                });
                Amounts::Rule(rebased)
            }
        }
    }

    /// Amounts indexed from the old last year: typed per year rounded to the euro, a rule
    /// rebased with the index as growth and its own rounding.
    fn indexed(&self, amounts: &Amounts, name: &str, notes: &mut Vec<PeriodNote>) -> Amounts {
        let step = match amounts {
            Amounts::PerYear(_) => Decimal::ONE,
            Amounts::Rule(rule) => rule.round_to,
        };
        let growth = GrowthRule {
            base_year: self.old_last,
            base: self.old_value(amounts),
            growth_percent: self.index,
            round_to: step,
        };
        // A year both periods share keeps its old value.
        let value = |year: i32| {
            if year <= self.old_last {
                amounts.value(year)
            } else {
                growth.value(year)
            }
        };
        match amounts {
            Amounts::PerYear(old) => Amounts::PerYear(Yearly(
                self.new_years()
                    .filter_map(|y| {
                        if y <= self.old_last {
                            old.0.get(&y).map(|v| (y, *v))
                        } else if growth.base.is_zero() {
                            None
                        } else {
                            Some((y, growth.value(y).normalize()))
                        }
                    })
                    .collect(),
            )),
            Amounts::Rule(rule) => {
                let rebased = GrowthRule {
                    base_year: self.new_first,
                    base: value(self.new_first),
                    growth_percent: self.index,
                    round_to: rule.round_to,
                };
                notes.push(PeriodNote::RuleRebased {
                    line: name.to_string(),
                    base_year: rebased.base_year,
                    base: rebased.base,
                });
                Amounts::Rule(rebased)
            }
        }
    }

    /// Moves an activity into the new period: one that ran through the old last year runs to
    /// the new last year, others are clipped; `false` when nothing is left.
    fn move_activity(&self, activity: &mut crate::model::Activity) -> bool {
        let first = activity.first_year.max(self.new_first);
        let last = if activity.last_year == self.old_last {
            self.new_last
        } else {
            activity.last_year.min(self.new_last)
        };
        if last < first {
            return false;
        }
        activity.first_year = first;
        activity.last_year = last;
        true
    }

    /// Moves an indicator's target year and leaves its realised values behind; 1 when a
    /// target moved.
    fn move_indicator(&self, indicator: &mut crate::model::Indicator) -> usize {
        indicator.actuals = Yearly::default();
        match indicator.target.as_mut().and_then(|t| t.year.as_mut()) {
            Some(year) => {
                *year = (*year + (self.new_first - self.old_first))
                    .clamp(self.new_first, self.new_last);
                1
            }
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_take_the_new_years() {
        assert_eq!(
            retitle("Beleidsplan Socius 2021-2025", (2021, 2025), (2026, 2030)),
            "Beleidsplan Socius 2026-2030"
        );
        assert_eq!(
            retitle("Plan 2021 – 2025", (2021, 2025), (2026, 2031)),
            "Plan 2026-2031"
        );
        assert_eq!(
            retitle("Ons plan", (2021, 2025), (2026, 2030)),
            "Ons plan 2026-2030"
        );
    }
}
