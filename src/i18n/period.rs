//! A new plan period (*Nieuwe planperiode…*, `planbord new-period`) in words: what needs
//! attention in the new plan, and why options are refused (in Dutch and English).

use super::Lang;
use crate::numfmt;
use crate::period::{AmountsMode, PeriodError, PeriodNote};

fn years(list: &[i32]) -> String {
    list.iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One note about the new plan.
pub fn note(note: &PeriodNote, lang: Lang) -> String {
    let en = lang == Lang::En;
    match note {
        PeriodNote::Overlap { old_last } => {
            if en {
                format!(
                    "the new period starts before the old one ended ({old_last}): the years they share keep their values"
                )
            } else {
                format!(
                    "de nieuwe periode begint voor de oude eindigde ({old_last}): de jaren die ze delen houden hun waarden"
                )
            }
        }
        PeriodNote::Gap { from, to } => {
            let span = if from == to {
                from.to_string()
            } else {
                format!("{from}-{to}")
            };
            if en {
                format!("no plan covers {span}, between the old period and the new one")
            } else {
                format!("geen plan dekt {span}, tussen de oude en de nieuwe periode")
            }
        }
        PeriodNote::Indexed {
            percent,
            profiles,
            subsidy_lines,
        } => {
            let percent = numfmt::exact(*percent);
            if en {
                format!(
                    "indexed by {percent} % per year from the old last year: {profiles} salary profile(s), {subsidy_lines} subsidy line(s)"
                )
            } else {
                format!(
                    "geïndexeerd met {percent} % per jaar vanaf het oude laatste jaar: {profiles} loonprofiel(en), {subsidy_lines} subsidielijn(en)"
                )
            }
        }
        PeriodNote::RateMissing { profile, year } => {
            if en {
                format!(
                    "salary profile '{profile}' has no cost per FTE in {year}: fill in its rates for the new years"
                )
            } else {
                format!(
                    "loonprofiel '{profile}' heeft geen loonkost per VTE in {year}: vul de bedragen voor de nieuwe jaren in"
                )
            }
        }
        PeriodNote::RuleRebased {
            line,
            base_year,
            base,
        } => {
            let base = numfmt::euros(*base);
            if en {
                format!("'{line}': the growth rule now starts in {base_year} at {base}")
            } else {
                format!("'{line}': de groeiregel begint nu in {base_year} met {base}")
            }
        }
        PeriodNote::ActivitiesEnded { goal, count, all } => match (en, all) {
            (true, true) => {
                format!("{goal}: all {count} activities ended in the old period; plan new ones")
            }
            (true, false) => {
                format!("{goal}: {count} activity/activities that ended were left behind")
            }
            (false, true) => format!(
                "{goal}: alle {count} activiteiten eindigden in de oude periode; plan nieuwe"
            ),
            (false, false) => format!("{goal}: {count} afgelopen activiteit(en) niet overgenomen"),
        },
        PeriodNote::TargetsMoved { count } => {
            if en {
                format!("{count} indicator target(s) for a year moved into the new period")
            } else {
                format!("{count} streefwaarde(n) voor een jaar verschoven naar de nieuwe periode")
            }
        }
        PeriodNote::FundOpening { fund, balance } => {
            let balance = numfmt::euros(*balance);
            if en {
                format!(
                    "reserve '{fund}' opens with {balance}, its balance at the end of the old period"
                )
            } else {
                format!(
                    "reserve '{fund}' begint met {balance}, het saldo aan het einde van de oude periode"
                )
            }
        }
        PeriodNote::ActualsLeftBehind { years: list } => {
            if en {
                format!(
                    "the realised figures of {} stay with the old plan",
                    years(list)
                )
            } else {
                format!("de realisatie van {} blijft bij het oude plan", years(list))
            }
        }
        PeriodNote::ConflictsLeftBehind { count } => {
            if en {
                format!(
                    "{count} merge conflict(s) left behind: the new plan takes the values the old one had"
                )
            } else {
                format!(
                    "{count} samenvoegconflict(en) niet overgenomen: het nieuwe plan neemt de waarden van het oude"
                )
            }
        }
        PeriodNote::YearWithoutAmounts { year } => {
            if en {
                format!("{year} has no costs or income at all")
            } else {
                format!("{year} heeft geen enkele kost of inkomst")
            }
        }
    }
}

/// Why options are refused.
pub fn error(error: &PeriodError, lang: Lang) -> String {
    let en = lang == Lang::En;
    match error {
        PeriodError::FirstYear(year) => {
            if en {
                format!("the first year {year} lies outside 1900-2200")
            } else {
                format!("het eerste jaar {year} ligt buiten 1900-2200")
            }
        }
        PeriodError::Length(n) => {
            if en {
                format!("a period of {n} years: give 1 to 50 years, ending by 2200")
            } else {
                format!("een periode van {n} jaar: geef 1 tot 50 jaar, eindigend uiterlijk in 2200")
            }
        }
        PeriodError::Index(percent) => {
            let percent = numfmt::exact(*percent);
            if en {
                format!("an index of {percent} % per year: give more than -100 and at most 100")
            } else {
                format!(
                    "een indexering van {percent} % per jaar: geef meer dan -100 en hoogstens 100"
                )
            }
        }
    }
}

/// `nieuwe planperiode 2026-2030 (5 jaar, index 2 %, bedragen voortgezet)`.
pub fn summary(
    first: i32,
    last: i32,
    index: rust_decimal::Decimal,
    mode: AmountsMode,
    lang: Lang,
) -> String {
    let index = numfmt::exact(index);
    let n = last - first + 1;
    match (lang, mode) {
        (Lang::Nl, AmountsMode::Continue) => format!(
            "nieuwe planperiode {first}-{last} ({n} jaar, indexering {index} %, bedragen van het laatste jaar voortgezet)"
        ),
        (Lang::Nl, AmountsMode::Shift) => format!(
            "nieuwe planperiode {first}-{last} ({n} jaar, indexering {index} %, bedragen jaar per jaar verschoven)"
        ),
        (Lang::En, AmountsMode::Continue) => format!(
            "new plan period {first}-{last} ({n} years, index {index} %, amounts of the last year continued)"
        ),
        (Lang::En, AmountsMode::Shift) => format!(
            "new plan period {first}-{last} ({n} years, index {index} %, amounts shifted year by year)"
        ),
    }
}

/// The heading of the notes.
pub fn notes_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Aandachtspunten",
        Lang::En => "Points of attention",
    }
}

/// `new-period`: the output is the plan itself.
pub fn cli_same_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "is het plan zelf; kies een nieuwe naam voor de nieuwe planperiode",
        Lang::En => "is the plan itself; choose a new name for the new plan period",
    }
}

/// `new-period`: written, with what.
pub fn cli_written(goals: usize, operational: usize, first: i32, last: i32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "nieuwe planperiode geschreven: {goals} strategische en {operational} operationele doelen, {first}-{last}"
        ),
        Lang::En => format!(
            "new plan period written: {goals} strategic and {operational} operational goals, {first}-{last}"
        ),
    }
}
