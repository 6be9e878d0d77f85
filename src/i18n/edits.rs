//! What an edit is called in the Edit menu ("Ongedaan maken: ..."), in the user's language.

use crate::edit::*;
use crate::i18n::Lang;
use crate::model::*;

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
            Edit::SetExplanation { year, .. } => {
                format!("{} {year}", pick("toelichting", "explanation"))
            }
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
