//! Why an edit was refused: structured values, rendered in the user's language by
//! [`crate::i18n::errors`].

use super::*;

/// Why an edit was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// What the edit is about is not in the plan (any more).
    #[error("{0:?} no longer there")]
    NotFound(Thing),
    /// The edit would break a rule every plan keeps.
    #[error("{0:?}")]
    Breaks(Box<crate::model::Problem>),
    /// The edit cannot be made as asked.
    #[error("{0:?}")]
    Refused(Refusal),
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

/// What a realised value counts, for the range it must lie in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Percentage,
    Nps,
    Count,
}

/// Why an edit cannot be made as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    YearOutsidePeriod {
        year: i32,
    },
    NegativeFte,
    NoActivityTypes,
    FirstAfterLast {
        first: i32,
        last: i32,
    },
    LineInUse,
    /// A new period would leave values outside it: the first of them.
    ValuesOutsidePeriod {
        first: i32,
        last: i32,
        problem: Box<crate::model::Problem>,
    },
    /// A category of the other side, for an account line (by code) or a result line (by name).
    CategoryNotOfSide {
        side: Side,
        line: String,
        account: bool,
    },
    ActualsExist {
        year: i32,
    },
    ThresholdOutOfRange,
    OutOfRange {
        value: Decimal,
        low: Decimal,
        high: Decimal,
        kind: ValueKind,
    },
    ConflictValueUnreadable {
        reason: String,
    },
    FollowsGrowthRule,
    NoSalaryProfile,
}

/// A refusal as an error.
pub(super) fn refused(refusal: Refusal) -> EditError {
    EditError::Refused(refusal)
}
