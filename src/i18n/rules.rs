//! The rules every plan keeps ([`crate::model::validate`]) in words: who or what, what is wrong,
//! what to do.

use crate::i18n::Lang;
use crate::model::validate::{ProblemKind, Quantity, Referent, Subject};
use crate::model::{Problem, Side};

fn subject(subject: &Subject, lang: Lang) -> Option<String> {
    let en = lang == Lang::En;
    let pick = |nl: String, english: String| Some(if en { english } else { nl });
    match subject {
        Subject::Plan => None,
        Subject::Reserve(name) => pick(format!("reserve '{name}'"), format!("reserve '{name}'")),
        Subject::SalaryProfile(name) => pick(
            format!("loonprofiel '{name}'"),
            format!("salary profile '{name}'"),
        ),
        Subject::AvailableFte => pick("beschikbare VTE".into(), "available FTE".into()),
        Subject::GeneralIndicator => pick("algemene indicator".into(), "general indicator".into()),
        Subject::Goal(code) => pick(format!("doel {code}"), format!("goal {code}")),
        Subject::StaffLine(name) => pick(
            format!("personeelslijn '{name}'"),
            format!("staff line '{name}'"),
        ),
        Subject::OverheadLine(name) => pick(
            format!("overheadlijn '{name}'"),
            format!("overhead line '{name}'"),
        ),
        Subject::IncomeLine(name) => pick(
            format!("inkomstenlijn '{name}'"),
            format!("income line '{name}'"),
        ),
        Subject::AccountSection(name) => pick(
            format!("rubriek '{name}'"),
            format!("account section '{name}'"),
        ),
        Subject::Account { code, name } => pick(
            format!("rekening {code} '{name}'"),
            format!("account {code} '{name}'"),
        ),
        Subject::Actuals(year) => pick(format!("realisatie {year}"), format!("actuals {year}")),
        Subject::ResultLine { year, name } => pick(
            format!("realisatie {year}: resultaatlijn '{name}'"),
            format!("actuals {year}: result line '{name}'"),
        ),
        Subject::Staff { year, name } => pick(
            format!("realisatie {year}: personeel '{name}'"),
            format!("actuals {year}: staff '{name}'"),
        ),
        Subject::Output { year, label } => pick(
            format!("realisatie {year}: kengetal '{label}'"),
            format!("actuals {year}: output '{label}'"),
        ),
        Subject::OutputPart { year, label, group } => pick(
            format!("realisatie {year}: kengetal '{label}', doelgroep '{group}'"),
            format!("actuals {year}: output '{label}', target group '{group}'"),
        ),
        Subject::AddedActivity { year, description } => pick(
            format!("realisatie {year}: toegevoegde activiteit '{description}'"),
            format!("actuals {year}: added activity '{description}'"),
        ),
    }
}

fn quantity(what: &Quantity, lang: Lang) -> String {
    match (what, lang) {
        (Quantity::Field(field), _) => field.clone(),
        (Quantity::FieldInYear(field, year), Lang::Nl) => format!("{field} voor {year}"),
        (Quantity::FieldInYear(field, year), Lang::En) => format!("{field} for {year}"),
        (Quantity::BaseAmount, Lang::Nl) => "het basisbedrag".into(),
        (Quantity::BaseAmount, Lang::En) => "the base amount".into(),
        (Quantity::RoundingStep, Lang::Nl) => "de afrondingsstap".into(),
        (Quantity::RoundingStep, Lang::En) => "the rounding step".into(),
        (Quantity::OpeningBalance, Lang::Nl) => "het beginsaldo".into(),
        (Quantity::OpeningBalance, Lang::En) => "the opening balance".into(),
    }
}

fn referent(what: Referent, lang: Lang) -> &'static str {
    match (what, lang) {
        (Referent::CoreTask, Lang::Nl) => "kerntaak",
        (Referent::CoreTask, Lang::En) => "core task",
        (Referent::SalaryProfile, Lang::Nl) => "loonprofiel",
        (Referent::SalaryProfile, Lang::En) => "salary profile",
        (Referent::ReserveFund, Lang::Nl) => "reservefonds",
        (Referent::ReserveFund, Lang::En) => "reserve fund",
        (Referent::ActivityType, Lang::Nl) => "activiteitstype",
        (Referent::ActivityType, Lang::En) => "activity type",
        (Referent::StrategicGoal, Lang::Nl) => "strategisch doel",
        (Referent::StrategicGoal, Lang::En) => "strategic goal",
        (Referent::OperationalGoal, Lang::Nl) => "operationeel doel",
        (Referent::OperationalGoal, Lang::En) => "operational goal",
        (Referent::Indicator, Lang::Nl) => "indicator",
        (Referent::Indicator, Lang::En) => "indicator",
        (Referent::Activity, Lang::Nl) => "activiteit",
        (Referent::Activity, Lang::En) => "activity",
        (Referent::StaffLineOrProfile, Lang::Nl) => "personeelslijn of loonprofiel",
        (Referent::StaffLineOrProfile, Lang::En) => "staff line or salary profile",
        (Referent::Goal, Lang::Nl) => "doel",
        (Referent::Goal, Lang::En) => "goal",
    }
}

pub(super) fn side_name(side: Side, lang: Lang) -> &'static str {
    match (side, lang) {
        (Side::Cost, Lang::Nl) => "kostenzijde",
        (Side::Income, Lang::Nl) => "opbrengstenzijde",
        (Side::Cost, Lang::En) => "cost side",
        (Side::Income, Lang::En) => "income side",
    }
}

/// What is wrong, and what to do.
fn problem_kind(kind: &ProblemKind, lang: Lang) -> String {
    let en = lang == Lang::En;
    match kind {
        ProblemKind::TooLarge { what, value, limit } => {
            let what = quantity(what, lang);
            if en {
                format!("{what} {value} is too large (at most {limit}); correct the value")
            } else {
                format!("{what} {value} is te groot (hoogstens {limit}); verbeter de waarde")
            }
        }
        ProblemKind::OutOfRange {
            field,
            value,
            low,
            high,
        } => {
            if en {
                format!("{field} {value} lies outside {low} to {high}; correct the value")
            } else {
                format!("{field} {value} ligt buiten {low} tot {high}; verbeter de waarde")
            }
        }
        ProblemKind::YearOutsidePeriod {
            field,
            year,
            first,
            last,
        } => {
            if en {
                format!(
                    "{field} has a value for {year}, outside the plan period {first}-{last}; remove it or widen the period"
                )
            } else {
                format!(
                    "{field} heeft een waarde voor {year}, buiten de planperiode {first}-{last}; verwijder ze of verbreed de periode"
                )
            }
        }
        ProblemKind::Negative { field, year, value } => {
            if en {
                format!("{field} for {year} is {value}; it cannot be negative")
            } else {
                format!("{field} voor {year} is {value}; dat kan niet negatief zijn")
            }
        }
        ProblemKind::NegativeFte { field, value } => {
            if en {
                format!("{field} is {value}; FTE cannot be negative")
            } else {
                format!("{field} is {value}; VTE kan niet negatief zijn")
            }
        }
        ProblemKind::GrowthOutOfRange { percent } => {
            if en {
                format!("a yearly growth of {percent} % is out of range (-100 to 100)")
            } else {
                format!("een jaarlijkse groei van {percent} % ligt buiten -100 tot 100")
            }
        }
        ProblemKind::BaseYearOutOfRange { year, low, high } => {
            if en {
                format!("the base year {year} of the rule must lie between {low} and {high}")
            } else {
                format!("het basisjaar {year} van de regel moet tussen {low} en {high} liggen")
            }
        }
        ProblemKind::RuleTooLarge { year, limit } => {
            if en {
                format!(
                    "the rule grows beyond {limit} by {year}; lower the growth or the base amount"
                )
            } else {
                format!(
                    "de regel groeit tegen {year} boven {limit}; verlaag de groei of het basisbedrag"
                )
            }
        }
        ProblemKind::NegativeRoundingStep { step } => {
            if en {
                format!("the rounding step {step} cannot be negative")
            } else {
                format!("de afrondingsstap {step} kan niet negatief zijn")
            }
        }
        ProblemKind::MissingReference { what, id } => {
            let what = referent(*what, lang);
            if en {
                format!(
                    "{what} {id} does not exist; point it at an existing {what} or remove the reference"
                )
            } else {
                format!(
                    "{what} {id} bestaat niet; verwijs naar een bestaande {what} of haal de verwijzing weg"
                )
            }
        }
        ProblemKind::PeriodOutsideYears { first, last } => {
            if en {
                format!(
                    "the plan period {first}-{last} lies outside the years 1900-2200; correct it"
                )
            } else {
                format!("de planperiode {first}-{last} ligt buiten de jaren 1900-2200; verbeter ze")
            }
        }
        ProblemKind::PeriodReversed { first, last } => {
            if en {
                format!(
                    "the plan period runs from {first} to {last}: the first year must not come after the last"
                )
            } else {
                format!(
                    "de planperiode loopt van {first} tot {last}: het eerste jaar mag niet na het laatste komen"
                )
            }
        }
        ProblemKind::PeriodTooLong { first, last } => {
            if en {
                format!("the plan period {first}-{last} is longer than 50 years; shorten it")
            } else {
                format!("de planperiode {first}-{last} is langer dan 50 jaar; kort ze in")
            }
        }
        ProblemKind::DuplicateCode { code, count } => {
            if en {
                format!(
                    "the goal code {code} is used {count} times; every goal needs its own code (renumber the goals)"
                )
            } else {
                format!(
                    "de doelcode {code} komt {count} keer voor; elk doel heeft een eigen code nodig (hernummer de doelen)"
                )
            }
        }
        ProblemKind::EmptyCode => {
            if en {
                "a goal has an empty code; give it one (renumber the goals)".into()
            } else {
                "een doel heeft een lege code; geef het er een (hernummer de doelen)".into()
            }
        }
        ProblemKind::ConflictItemMissing { number, item } => {
            if en {
                format!(
                    "conflict {number} is about item {item}, which the plan does not have; remove that conflict from `conflicts`"
                )
            } else {
                format!(
                    "conflict {number} gaat over item {item}, dat het plan niet heeft; haal dat conflict weg uit `conflicts`"
                )
            }
        }
        ProblemKind::NextIdTooLarge { next, max } => {
            if en {
                format!(
                    "next_id {next} leaves no room for new ids (at most {max}); renumber the ids of the file or set next_id just above the largest id"
                )
            } else {
                format!(
                    "next_id {next} laat geen ruimte voor nieuwe ids (hoogstens {max}); nummer de ids van het bestand opnieuw of zet next_id net boven de grootste id"
                )
            }
        }
        ProblemKind::FundPartWithoutFund => {
            if en {
                "part of the operating budget is financed from a fund, but no fund is named; set `fund`".into()
            } else {
                "een deel van de werkingsmiddelen komt uit een fonds, maar er is geen fonds gekozen; kies `fund`".into()
            }
        }
        ProblemKind::FundPartAboveBudget { year, part, budget } => {
            if en {
                format!(
                    "{part} of the {year} operating budget is financed from a fund, more than the budget {budget} itself"
                )
            } else {
                format!(
                    "{part} van de werkingsmiddelen {year} komt uit een fonds, meer dan de werkingsmiddelen {budget} zelf"
                )
            }
        }
        ProblemKind::ActivityYearsReversed {
            activity,
            first,
            last,
        } => {
            if en {
                format!(
                    "activity '{activity}' runs from {first} to {last}: the first year must not come after the last"
                )
            } else {
                format!(
                    "activiteit '{activity}' loopt van {first} tot {last}: het eerste jaar mag niet na het laatste komen"
                )
            }
        }
        ProblemKind::DuplicateId { id, count } => {
            if en {
                format!("the id {id} is used {count} times; every item needs its own id")
            } else {
                format!("de id {id} komt {count} keer voor; elk item heeft een eigen id nodig")
            }
        }
        ProblemKind::IdTooLarge { id, max } => {
            if en {
                format!(
                    "the id {id} is too large (ids stay below {max}); give the item a smaller unused id"
                )
            } else {
                format!(
                    "de id {id} is te groot (ids blijven onder {max}); geef het item een kleinere ongebruikte id"
                )
            }
        }
        ProblemKind::IdNotBelowNext { id, next } => {
            let at_least = id.0 + 1;
            if en {
                format!(
                    "the id {id} is not below next_id ({next}); set next_id to at least {at_least}"
                )
            } else {
                format!(
                    "de id {id} ligt niet onder next_id ({next}); zet next_id op minstens {at_least}"
                )
            }
        }
        ProblemKind::ThresholdOutOfRange { percent } => {
            if en {
                format!("actuals: the threshold of {percent} % lies outside 0-100; correct it")
            } else {
                format!("realisatie: de drempel van {percent} % ligt buiten 0-100; verbeter hem")
            }
        }
        ProblemKind::ActualsYearOutsidePeriod { first, last } => {
            if en {
                format!(
                    "the year lies outside the plan period {first}-{last}; remove the year or widen the period"
                )
            } else {
                format!(
                    "het jaar ligt buiten de planperiode {first}-{last}; verwijder het jaar of verbreed de periode"
                )
            }
        }
        ProblemKind::ActualsYearTwice => {
            if en {
                "the year appears more than once; merge its entries into one".into()
            } else {
                "het jaar komt meer dan eens voor; voeg de gegevens samen".into()
            }
        }
        ProblemKind::CategoryNotOfSide { category, side } => {
            let category = crate::i18n::tr(lang).category_name(*category);
            let side = side_name(*side, lang);
            if en {
                format!(
                    "the category {category} does not fit the {side}; choose a category of that side"
                )
            } else {
                format!(
                    "de categorie {category} past niet bij de {side}; kies een categorie van die zijde"
                )
            }
        }
        ProblemKind::MilestoneTwice { indicator } => {
            if en {
                format!("indicator {indicator} has more than one milestone state; keep one")
            } else {
                format!("indicator {indicator} heeft meer dan een mijlpaalstatus; hou er een")
            }
        }
        ProblemKind::ActivityReportedTwice { activity } => {
            if en {
                format!("activity {activity} is reported more than once; keep one report")
            } else {
                format!("activiteit {activity} wordt meer dan eens gerapporteerd; hou een verslag")
            }
        }
        ProblemKind::ExplainedTwice { figure } => {
            let figure = crate::i18n::tr(lang).act.figure_name(*figure, None);
            if en {
                format!("{figure} is explained more than once; keep one explanation")
            } else {
                format!("{figure} heeft meer dan een toelichting; hou er een")
            }
        }
        ProblemKind::GoalFteTwice { goal } => {
            if en {
                format!("goal {goal} has its FTE more than once; keep one")
            } else {
                format!("doel {goal} heeft meer dan eens VTE; hou er een")
            }
        }
    }
}

/// A broken rule in words: who or what, what is wrong, what to do.
pub fn problem(problem: &Problem, lang: Lang) -> String {
    let kind = problem_kind(&problem.kind, lang);
    match subject(&problem.subject, lang) {
        Some(subject) => format!("{subject}: {kind}"),
        None => kind,
    }
}
