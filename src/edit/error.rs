//! Why an edit was refused.

use super::*;

/// Why an edit was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0:?} no longer there")]
    NotFound(Thing),
    /// Why the edit was refused: in Dutch, and in English.
    #[error("{0}")]
    Invalid(String, String),
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
            (EditError::Invalid(nl, _), Lang::Nl) => nl.clone(),
            (EditError::Invalid(_, en), Lang::En) => en.clone(),
        }
    }
}

/// What an edit was about that is no longer in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    StrategicGoal,
    OperationalGoal,
    Goal,
    Activity,
    SalaryProfile,
    IncomeLine,
    Line,
    Account,
    Section,
    Reserve,
    Indicator,
    OutputFigure,
    Function,
    Conflict,
    ConflictPlace,
    /// The realised figures of a year.
    ActualsYear(i32),
    /// The field or value the edit names.
    Field,
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

/// A refusal, in Dutch and in English.
pub(super) fn refused(nl: impl Into<String>, en: impl Into<String>) -> EditError {
    EditError::Invalid(nl.into(), en.into())
}
