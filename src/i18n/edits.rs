//! What an edit is called in the Edit menu ("Ongedaan maken: ..."), in the user's language.

use super::rules::{problem, side_name};
use crate::edit::*;
use crate::i18n::Lang;
use crate::model::*;
use crate::numfmt;

impl Edit {
    /// A short description in the user's language, shown in the Edit menu ("Ongedaan maken: ...").
    pub fn label(&self, plan: &Plan, lang: Lang) -> String {
        let code = |id: Id| plan.goal_code(id).unwrap_or("?").to_string();
        let pick = |nl: &str, en: &str| match lang {
            Lang::Nl => nl.to_string(),
            Lang::En => en.to_string(),
        };
        match self {
            Edit::SetText(field, _) => {
                let (nl, en, goal) = match field {
                    TextField::Organisation => ("organisatie", "organisation", None),
                    TextField::Title => ("titel", "title", None),
                    TextField::Scenario => ("scenario", "scenario", None),
                    TextField::ScenarioDescription => {
                        ("uitgangspunten scenario", "scenario basis", None)
                    }
                    TextField::Author => ("auteur", "author", None),
                    TextField::Mission => ("missie", "mission", None),
                    TextField::GoalCode(id) => ("code", "code", Some(*id)),
                    TextField::GoalTitle(id) => ("titel", "title", Some(*id)),
                    TextField::GoalDescription(id) => ("omschrijving", "description", Some(*id)),
                    TextField::Situering(id) => ("situering", "context", Some(*id)),
                    TextField::Werking(id) => ("werking", "approach", Some(*id)),
                    TextField::GoalNote(id) => ("opmerking", "note", Some(*id)),
                    TextField::IndicatorText(_) => ("indicator", "indicator", None),
                    TextField::PriorityTitle(_) | TextField::PriorityText(_) => {
                        ("prioriteit", "priority", None)
                    }
                    TextField::SectionTitle(_) | TextField::SectionText(_) => {
                        ("hoofdstuk", "section", None)
                    }
                    TextField::ActivityDescription(_) => ("activiteit", "activity", None),
                    TextField::Name(_) => ("naam", "name", None),
                    TextField::AccountCode(_) => ("rekeningcode", "account code", None),
                    TextField::CoreTaskCode(_)
                    | TextField::CoreTaskTitle(_)
                    | TextField::CoreTaskDescription(_) => ("kerntaak", "core task", None),
                    TextField::ActualReason { .. } => ("reden", "reason", None),
                    TextField::ReplacedBy { .. } => ("vervangen door", "replaced by", None),
                };
                match goal {
                    Some(id) => format!("{} {}", pick(nl, en), code(id)),
                    None => pick(nl, en),
                }
            }
            Edit::SetYear(field, year, _) => match field {
                YearField::GoalFte(id) => format!("{} {} {year}", pick("VTE", "FTE"), code(*id)),
                YearField::GoalOperating(id) => format!(
                    "{} {} {year}",
                    pick("werkingsmiddelen", "operating budget"),
                    code(*id)
                ),
                YearField::GoalFundFinanced(id) => format!(
                    "{} {} {year}",
                    pick("fondsfinanciering", "fund financing"),
                    code(*id)
                ),
                YearField::StaffLineFte(_) => format!("{} {year}", pick("VTE", "FTE")),
                YearField::AvailableFte => {
                    format!("{} {year}", pick("beschikbare VTE", "FTE available"))
                }
                YearField::ProfileCost(_) => {
                    format!("{} {year}", pick("loonkost per VTE", "cost per FTE"))
                }
                YearField::LineAmount(_) => format!("{} {year}", pick("bedrag", "amount")),
                YearField::IndicatorActual(_) => {
                    format!("{} {year}", pick("realisatie", "actual value"))
                }
            },
            Edit::AddStrategicGoal { .. } => {
                pick("strategisch doel toevoegen", "add strategic goal")
            }
            Edit::AddOperationalGoal { .. } => {
                pick("operationeel doel toevoegen", "add operational goal")
            }
            Edit::RemoveGoal(id) => format!("{} {}", pick("verwijderen", "remove"), code(*id)),
            Edit::MoveGoal(id, _) => format!("{} {}", pick("verplaatsen", "move"), code(*id)),
            Edit::Renumber => pick("doelen hernummeren", "renumber goals"),
            Edit::AddActivity { .. } => pick("activiteit toevoegen", "add activity"),
            Edit::RemoveActivity(_) => pick("activiteit verwijderen", "remove activity"),
            Edit::SetActivityType(..) => pick("type activiteit", "activity type"),
            Edit::SetActivityYears(..) => pick("timing activiteit", "activity timing"),
            Edit::AddIndicator { .. } => pick("indicator toevoegen", "add indicator"),
            Edit::RemoveIndicator(_) => pick("indicator verwijderen", "remove indicator"),
            Edit::AddPriority => pick("prioriteit toevoegen", "add priority"),
            Edit::RemovePriority(_) => pick("prioriteit verwijderen", "remove priority"),
            Edit::SetCoreTask { .. } => pick("kerntaak koppelen", "link core task"),
            Edit::AddLine(_) => pick("lijn toevoegen", "add line"),
            Edit::RemoveLine(_) => pick("lijn verwijderen", "remove line"),
            Edit::SetProfile(..) => pick("loonprofiel", "salary profile"),
            Edit::SetIncomeKind(..) => pick("soort inkomsten", "kind of income"),
            Edit::SetPrintedGroup(..) => {
                pick("groep in meerjarenbegroting", "group in multi-year budget")
            }
            Edit::SetSide(..) => pick("kosten/opbrengsten", "cost/income"),
            Edit::SetRule(..) => pick("groeiregel", "growth rule"),
            Edit::SetFund { .. } => pick("reserve", "reserve"),
            Edit::SetTarget(..) => pick("streefwaarde", "target"),
            Edit::SetPeriod(first, last) => {
                format!("{} {first}-{last}", pick("planperiode", "plan period"))
            }
            Edit::SetAccountCategory(..) => pick("categorie rekening", "account category"),
            Edit::MergeAccounts(_) => pick("begroting importeren", "import budget"),
            Edit::ResolveConflict(index, side) => {
                let place = plan
                    .conflicts
                    .get(*index)
                    .map(|c| crate::merge::texts::place(c, plan, lang))
                    .unwrap_or_default();
                let side = match side {
                    MergeSide::Ours => pick("ons", "ours"),
                    MergeSide::Theirs => pick("hun", "theirs"),
                };
                format!("conflict {place}: {side}")
            }
            Edit::ResolveAllConflicts(MergeSide::Ours) => {
                pick("alle conflicten: ons", "all conflicts: ours")
            }
            Edit::ResolveAllConflicts(MergeSide::Theirs) => {
                pick("alle conflicten: hun", "all conflicts: theirs")
            }
            Edit::AddActualsYear(year) => {
                format!("{} {year}", pick("realisatie toevoegen", "add actuals"))
            }
            Edit::RemoveActualsYear(year) => format!(
                "{} {year}",
                pick("realisatie verwijderen", "remove actuals")
            ),
            Edit::SetActualsThreshold(_) => pick("drempel verschillen", "difference threshold"),
            Edit::AddResultLine { year, .. } => format!(
                "{} {year}",
                pick("resultaatlijn toevoegen", "add result line")
            ),
            Edit::AddStaffActual { year } => {
                format!("{} {year}", pick("functie toevoegen", "add function"))
            }
            Edit::AddOutput { year, .. } => {
                format!("{} {year}", pick("kengetal toevoegen", "add output figure"))
            }
            Edit::AddOutputPart { .. } => pick("doelgroep toevoegen", "add target group"),
            Edit::AddUnplannedActivity { year, .. } => {
                format!(
                    "{} {year}",
                    pick(
                        "niet-geplande activiteit toevoegen",
                        "add unplanned activity"
                    )
                )
            }
            Edit::SetActual(value, _) => match value {
                ActualValue::LineAmount(_) => pick("gerealiseerd bedrag", "realised amount"),
                ActualValue::PayrollFte(_) => pick("VTE op de loonlijst", "FTE on the payroll"),
                ActualValue::AvailableFte(_) => {
                    pick("VTE effectief beschikbaar", "FTE effectively available")
                }
                ActualValue::OutputValue(_) => pick("kengetal", "output figure"),
                ActualValue::OutputOfTotal(_) => pick("kengetal: totaal", "output figure: total"),
                ActualValue::OutputPercent(_) | ActualValue::PartPercent(_) => {
                    pick("kengetal: percentage", "output figure: percentage")
                }
                ActualValue::PartCount(_) => {
                    pick("kengetal: aantal doelgroep", "output figure: group count")
                }
                ActualValue::Printed(year, _) => {
                    format!("{} {year}", pick("gedrukt totaal", "printed total"))
                }
            },
            Edit::SetActualCategory(..) => pick("categorie resultaatlijn", "result line category"),
            Edit::SetActualGoal(..) => pick("doel resultaatlijn", "result line goal"),
            Edit::SetPlannedAs(..) => pick("functie gepland als", "function planned as"),
            Edit::SetOutputKind(..) => pick("soort kengetal", "kind of output figure"),
            Edit::SetActivityStatus { year, .. } => {
                format!("{} {year}", pick("status activiteit", "activity status"))
            }
            Edit::SetMilestone { year, .. } => format!("{} {year}", pick("mijlpaal", "milestone")),
            Edit::SetGoalFte { year, .. } => {
                format!("{} {year}", pick("VTE per doel", "FTE per goal"))
            }
            Edit::SetExplanation { year, .. } => {
                format!("{} {year}", pick("toelichting", "explanation"))
            }
            Edit::AddDraft(_) => crate::i18n::plan_text::edit_label(lang).to_string(),
            Edit::ReplaceResultLines(import) => {
                format!(
                    "{} {}",
                    pick("realisatie importeren", "import actuals"),
                    import.year
                )
            }
        }
    }
}

/// The name a new item gets until the user types one.
pub fn new_item_name(item: NewItem, lang: Lang) -> &'static str {
    let en = lang == Lang::En;
    let (nl, english) = match item {
        NewItem::StrategicGoal => ("Nieuw strategisch doel", "New strategic goal"),
        NewItem::OperationalGoal => ("Nieuw operationeel doel", "New operational goal"),
        NewItem::Priority => ("Nieuwe prioriteit", "New priority"),
        NewItem::Line => ("Nieuwe lijn", "New line"),
        NewItem::StaffFunction => ("Nieuwe functie", "New function"),
        NewItem::TargetGroup => ("Nieuwe doelgroep", "New target group"),
        NewItem::SalaryProfile => ("Nieuw profiel", "New profile"),
        NewItem::Reserve => ("Nieuwe reserve", "New reserve"),
        NewItem::AccountSection => ("NIEUWE RUBRIEK", "NEW SECTION"),
        NewItem::AccountLine => ("Nieuwe rekening", "New account"),
        NewItem::CoreTask => ("Nieuwe kerntaak", "New core task"),
    };
    if en { english } else { nl }
}

impl Thing {
    /// The noun with its article, to start a sentence: `het strategisch doel`, `the strategic goal`.
    pub fn noun(self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let (nl, en_text) = match self {
            Thing::StrategicGoal => ("het strategisch doel", "the strategic goal"),
            Thing::OperationalGoal => ("het operationeel doel", "the operational goal"),
            Thing::Goal => ("het doel", "the goal"),
            Thing::Activity => ("de activiteit", "the activity"),
            Thing::SalaryProfile => ("het loonprofiel", "the salary profile"),
            Thing::IncomeLine => ("de inkomstenlijn", "the income line"),
            Thing::Line => ("de lijn", "the line"),
            Thing::Account => ("de rekening", "the account"),
            Thing::Section => ("de rubriek", "the section"),
            Thing::Reserve => ("de reserve", "the reserve"),
            Thing::Indicator => ("de indicator", "the indicator"),
            Thing::OutputFigure => ("het kengetal", "the output figure"),
            Thing::Function => ("de functie", "the function"),
            Thing::Conflict => ("dit conflict", "this conflict"),
            Thing::ConflictPlace => ("de plaats van dit conflict", "the place of this conflict"),
            Thing::Field => ("dit veld", "this field"),
            Thing::ActualsYear(year) => {
                return if en {
                    format!("the realised figures of {year}")
                } else {
                    format!("de realisatie van {year}")
                };
            }
        };
        if en { en_text } else { nl }.to_string()
    }
}

fn refusal(refusal: &Refusal, lang: Lang) -> String {
    let en = lang == Lang::En;
    match refusal {
        Refusal::YearOutsidePeriod { year } => {
            if en {
                format!("{year} lies outside the plan period")
            } else {
                format!("{year} valt buiten de planperiode")
            }
        }
        Refusal::NegativeFte => {
            if en {
                "FTE cannot be negative".into()
            } else {
                "VTE kan niet negatief zijn".into()
            }
        }
        Refusal::NoActivityTypes => {
            if en {
                "there are no activity types".into()
            } else {
                "er zijn geen activiteitstypes".into()
            }
        }
        Refusal::FirstAfterLast { first, last } => {
            if en {
                format!("the first year {first} comes after the last year {last}")
            } else {
                format!("het beginjaar {first} ligt na het eindjaar {last}")
            }
        }
        Refusal::LineInUse => {
            if en {
                "this line is still in use; unlink the goals or lines first".into()
            } else {
                "deze lijn is nog in gebruik; koppel eerst de doelen of lijnen los".into()
            }
        }
        Refusal::ValuesOutsidePeriod {
            first,
            last,
            problem: p,
        } => {
            let p = problem(p, lang);
            if en {
                format!("there are values outside {first}-{last}; clear them first ({p})")
            } else {
                format!("er staan nog waarden buiten {first}-{last}; maak ze eerst leeg ({p})")
            }
        }
        Refusal::CategoryNotOfSide {
            side,
            line,
            account,
        } => {
            let side = side_name(*side, lang);
            match (account, en) {
                (true, true) => {
                    format!("this category does not fit the {side} of account {line}")
                }
                (true, false) => {
                    format!("deze categorie past niet bij de {side} van rekening {line}")
                }
                (false, true) => format!("this category does not fit the {side} of '{line}'"),
                (false, false) => format!("deze categorie past niet bij de {side} van '{line}'"),
            }
        }
        Refusal::ActualsExist { year } => {
            if en {
                format!("there are actuals for {year} already")
            } else {
                format!("er is al een realisatie voor {year}")
            }
        }
        Refusal::ThresholdOutOfRange => {
            if en {
                "the threshold is a percentage from 0 to 100".into()
            } else {
                "de drempel is een percentage van 0 tot 100".into()
            }
        }
        Refusal::OutOfRange {
            value,
            low,
            high,
            kind,
        } => {
            let (value, low, high) = (
                numfmt::exact(*value),
                numfmt::exact(*low),
                numfmt::exact(*high),
            );
            let what = match (kind, en) {
                (ValueKind::Percentage, false) => "een percentage",
                (ValueKind::Percentage, true) => "a percentage",
                (ValueKind::Nps, false) => "een NPS",
                (ValueKind::Nps, true) => "an NPS",
                (ValueKind::Count, false) => "een aantal",
                (ValueKind::Count, true) => "a count",
            };
            if en {
                format!("{value} is not possible: this is {what} from {low} to {high}")
            } else {
                format!("{value} kan niet: dit is {what} van {low} tot {high}")
            }
        }
        Refusal::ConflictValueUnreadable { reason } => {
            if en {
                format!("the value of this conflict does not fit the plan ({reason})")
            } else {
                format!("de waarde van dit conflict past niet in het plan ({reason})")
            }
        }
        Refusal::FollowsGrowthRule => {
            if en {
                "this amount follows a growth rule; change the rule".into()
            } else {
                "dit bedrag volgt een groeiregel; pas de regel aan".into()
            }
        }
        Refusal::NoSalaryProfile => {
            if en {
                "add a salary profile first (Staffing)".into()
            } else {
                "maak eerst een loonprofiel aan (Personeel)".into()
            }
        }
    }
}

impl EditError {
    /// The reason in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::NotFound(what), Lang::Nl) => {
                format!("{} bestaat niet (meer)", what.noun(lang))
            }
            (EditError::NotFound(what), Lang::En) => {
                format!("{} is no longer there", what.noun(lang))
            }
            (EditError::Breaks(p), _) => problem(p, lang),
            (EditError::Refused(r), _) => refusal(r, lang),
        }
    }
}
