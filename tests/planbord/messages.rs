//! Every message a user can meet, in both languages: each variant of every error and refusal is
//! rendered in Dutch and in English, and neither rendering gives the other language away. The
//! lists below are exhaustive by construction: a `match` without a wildcard names every variant,
//! so a new variant does not compile until it is added here. (The `Other` variants carry the
//! system's own words, which no catalogue can translate; their samples are error codes.)

use planbord::edit::{EditError, Refusal, Thing, ValueKind};
use planbord::exchange::ExportError;
use planbord::exchange::import::{
    CellProblem, ColumnRef, ColumnRole, Flagged, ImportError, ImportWarning, NonAmount,
    RejectReason, Rejection, SourceError,
};
use planbord::exchange::import_actuals::{ActualsImportError, ActualsRejectReason};
use planbord::i18n::Lang;
use planbord::i18n::errors;
use planbord::model::decimal::DecimalProblem;
use planbord::model::validate::{ProblemKind, Quantity, Referent, Subject};
use planbord::model::{AccountCategory, ActualFigure, Id, Problem, Side};
use planbord::store::{
    FileKind, Hint, LoadError, ReadError, ReadProblem, SaveError, SaveProblem, SyntaxProblem, Token,
};
use rust_decimal::dec;
use std::path::PathBuf;

/// Words only English has (padded with spaces: whole words).
const ENGLISH: &[&str] = &[
    " the ",
    " cannot ",
    " expected",
    " not a ",
    " does not ",
    " was ",
    " with ",
    " this ",
    " found ",
    " missing",
    " file ",
    " line ",
    " column ",
    " should ",
];
/// Words only Dutch has.
const DUTCH: &[&str] = &[
    " het ", " de ", " een ", " niet ", " geen ", " van ", " bestand", " regel ", " kolom ",
    " rij ", " moet ", " staat ", " hier ",
];

fn gives_away(text: &str, words: &[&str]) -> Option<String> {
    let padded = format!(
        " {} ",
        text.to_lowercase().replace([':', ';', ',', '(', ')'], " ")
    );
    words
        .iter()
        .find(|w| padded.contains(*w))
        .map(|w| w.trim().to_string())
}

/// Renders `what` in both languages and checks each speaks only its own.
fn both(name: &str, render: impl Fn(Lang) -> String) {
    let nl = render(Lang::Nl);
    let en = render(Lang::En);
    assert_ne!(nl, en, "{name}: the same text in both languages: {nl}");
    assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{name}");
    if let Some(word) = gives_away(&nl, ENGLISH) {
        panic!("{name}: the Dutch text has the English word '{word}': {nl}");
    }
    if let Some(word) = gives_away(&en, DUTCH) {
        panic!("{name}: the English text has the Dutch word '{word}': {en}");
    }
}

fn path() -> PathBuf {
    PathBuf::from("plan.ron")
}

fn read_problems() -> Vec<ReadProblem> {
    let all = vec![
        ReadProblem::NotFound,
        ReadProblem::PermissionDenied,
        ReadProblem::NotAFile(FileKind::Folder),
        ReadProblem::NotAFile(FileKind::Pipe),
        ReadProblem::NotAFile(FileKind::Device),
        ReadProblem::NotAFile(FileKind::Other),
        ReadProblem::TooLarge { limit: 1024 },
        ReadProblem::Other("EIO".into()),
    ];
    for p in &all {
        match p {
            ReadProblem::NotFound
            | ReadProblem::PermissionDenied
            | ReadProblem::NotAFile(_)
            | ReadProblem::TooLarge { .. }
            | ReadProblem::Other(_) => {}
        }
    }
    all
}

fn syntax_problems() -> Vec<SyntaxProblem> {
    let tokens = [
        Token::Comma,
        Token::Colon,
        Token::OpenParen,
        Token::CloseParen,
        Token::OpenBracket,
        Token::CloseBracket,
        Token::OpenBrace,
        Token::CloseBrace,
        Token::Text,
        Token::TextEnd,
        Token::WholeNumber,
        Token::Number,
        Token::Boolean,
        Token::Optional,
        Token::Name,
        Token::Unit,
    ];
    for t in tokens {
        match t {
            Token::Comma
            | Token::Colon
            | Token::OpenParen
            | Token::CloseParen
            | Token::OpenBracket
            | Token::CloseBracket
            | Token::OpenBrace
            | Token::CloseBrace
            | Token::Text
            | Token::TextEnd
            | Token::WholeNumber
            | Token::Number
            | Token::Boolean
            | Token::Optional
            | Token::Name
            | Token::Unit => {}
        }
    }
    let mut all = vec![
        SyntaxProblem::Empty,
        SyntaxProblem::EndsEarly,
        SyntaxProblem::NotAPlan,
        SyntaxProblem::UnexpectedChar('#'),
        SyntaxProblem::UnknownField {
            field: "kleur".into(),
        },
        SyntaxProblem::MissingField {
            field: "meta".into(),
        },
        SyntaxProblem::DuplicateField {
            field: "meta".into(),
        },
        SyntaxProblem::UnknownVariant {
            found: "Paars".into(),
            expected: vec!["Cost".into(), "Income".into()],
        },
        SyntaxProblem::WrongKind,
        SyntaxProblem::NumberOutOfRange,
        SyntaxProblem::TooDeep,
        SyntaxProblem::TrailingText,
        SyntaxProblem::BadEscape,
        SyntaxProblem::UnclosedComment,
        SyntaxProblem::Other,
    ];
    all.extend(tokens.into_iter().map(SyntaxProblem::Expected));
    for p in &all {
        match p {
            SyntaxProblem::Empty
            | SyntaxProblem::EndsEarly
            | SyntaxProblem::NotAPlan
            | SyntaxProblem::Expected(_)
            | SyntaxProblem::UnexpectedChar(_)
            | SyntaxProblem::UnknownField { .. }
            | SyntaxProblem::MissingField { .. }
            | SyntaxProblem::DuplicateField { .. }
            | SyntaxProblem::UnknownVariant { .. }
            | SyntaxProblem::WrongKind
            | SyntaxProblem::NumberOutOfRange
            | SyntaxProblem::TooDeep
            | SyntaxProblem::TrailingText
            | SyntaxProblem::BadEscape
            | SyntaxProblem::UnclosedComment
            | SyntaxProblem::Other => {}
        }
    }
    all
}

fn load_errors() -> Vec<LoadError> {
    let mut all: Vec<LoadError> = read_problems()
        .into_iter()
        .map(|problem| {
            LoadError::Read(ReadError {
                path: path(),
                problem,
            })
        })
        .collect();
    all.push(LoadError::NotUtf8 {
        path: path(),
        line: 3,
        column: 4,
    });
    let hints = [
        Hint::Truncated,
        Hint::UnknownField,
        Hint::Missing,
        Hint::WrongType,
        Hint::TooDeep,
        Hint::NotAPlan,
        Hint::Other,
    ];
    for hint in hints {
        match hint {
            Hint::Truncated
            | Hint::UnknownField
            | Hint::Missing
            | Hint::WrongType
            | Hint::TooDeep
            | Hint::NotAPlan
            | Hint::Other => {}
        }
        for problem in syntax_problems() {
            all.push(LoadError::Syntax {
                path: path(),
                line: 3,
                column: 4,
                problem,
                hint,
            });
        }
    }
    for problem in [
        DecimalProblem::NotANumber("1,5".into()),
        DecimalProblem::TooPrecise("0.12345678901234567890123456789".into()),
        DecimalProblem::TrailingZeros {
            text: "73.600".into(),
            as_plain: dec!(73.6),
            as_belgian: Some(dec!(73600)),
        },
    ] {
        all.push(LoadError::Decimal {
            path: path(),
            line: 3,
            column: 4,
            problem,
        });
    }
    all.push(LoadError::Invalid {
        path: path(),
        line: 3,
        column: 4,
        problem: Box::new(Problem {
            subject: Subject::Goal("SD1.OD2".into()),
            kind: ProblemKind::MissingReference {
                what: Referent::SalaryProfile,
                id: Id(9),
            },
            anchor: Vec::new(),
        }),
    });
    all.push(LoadError::UnknownVersion {
        path: path(),
        line: 1,
        column: 2,
        found: 0,
        supported: 2,
    });
    all.push(LoadError::NewerVersion {
        path: path(),
        found: 9,
        supported: 2,
    });
    for e in &all {
        match e {
            LoadError::Read(_)
            | LoadError::NotUtf8 { .. }
            | LoadError::Syntax { .. }
            | LoadError::Decimal { .. }
            | LoadError::Invalid { .. }
            | LoadError::UnknownVersion { .. }
            | LoadError::NewerVersion { .. } => {}
        }
    }
    all
}

fn save_problems() -> Vec<SaveProblem> {
    let all = vec![
        SaveProblem::DiskFull,
        SaveProblem::PermissionDenied,
        SaveProblem::ReadOnly,
        SaveProblem::ReadOnlyDisk,
        SaveProblem::HardLinked { links: 2 },
        SaveProblem::FolderMissing,
        SaveProblem::NotAFile,
        SaveProblem::Backup(Box::new(SaveProblem::DiskFull)),
        SaveProblem::Other("ESTALE".into()),
    ];
    for p in &all {
        match p {
            SaveProblem::DiskFull
            | SaveProblem::PermissionDenied
            | SaveProblem::ReadOnly
            | SaveProblem::ReadOnlyDisk
            | SaveProblem::HardLinked { .. }
            | SaveProblem::FolderMissing
            | SaveProblem::NotAFile
            | SaveProblem::Backup(_)
            | SaveProblem::Other(_) => {}
        }
    }
    all
}

#[test]
fn every_file_error_speaks_the_users_language() {
    for error in load_errors() {
        both(&format!("{error:?}"), |lang| {
            errors::load_error(&error, lang)
        });
    }
    for problem in read_problems() {
        let error = ReadError {
            path: PathBuf::from("begroting.csv"),
            problem,
        };
        both(&format!("{error:?}"), |lang| {
            errors::read_error(&error, lang)
        });
    }
    for problem in save_problems() {
        for unchanged in [true, false] {
            let error = SaveError {
                path: path(),
                problem: problem.clone(),
                unchanged,
            };
            both(&format!("{error:?}"), |lang| {
                errors::save_error(&error, lang)
            });
        }
    }
    let exports = vec![
        ExportError::Exists { path: path() },
        ExportError::Write {
            path: path(),
            problem: SaveProblem::PermissionDenied,
        },
        ExportError::NotAFolder { path: path() },
        ExportError::Workbook { reason: "x".into() },
        ExportError::WouldOverwritePlan { path: path() },
        ExportError::NothingToExport,
        ExportError::Font,
        ExportError::Pdf { reason: "x".into() },
    ];
    for e in &exports {
        match e {
            ExportError::Exists { .. }
            | ExportError::Write { .. }
            | ExportError::NotAFolder { .. }
            | ExportError::Workbook { .. }
            | ExportError::WouldOverwritePlan { .. }
            | ExportError::NothingToExport
            | ExportError::Font
            | ExportError::Pdf { .. } => {}
        }
        both(&format!("{e:?}"), |lang| e.message(lang));
    }
}

fn column() -> Option<ColumnRef> {
    Some(ColumnRef {
        index: 4,
        header: "2021".into(),
    })
}

#[test]
fn every_import_message_speaks_the_users_language() {
    let roles = [
        ColumnRole::Section,
        ColumnRole::Side,
        ColumnRole::Account,
        ColumnRole::Name,
    ];
    let sources = vec![
        SourceError::TooLarge { size: 9, limit: 8 },
        SourceError::Empty,
        SourceError::NotUtf8 { row: 2, column: 3 },
        SourceError::UnclosedQuote { row: 2 },
        SourceError::Workbook {
            message: "zip".into(),
        },
        SourceError::NoSheets,
        SourceError::NoHeader {
            sheets: vec!["Blad1".into()],
        },
        SourceError::DuplicateColumn {
            row: 1,
            column: 2,
            header: "2021".into(),
        },
    ];
    let mut errors: Vec<ImportError> = vec![ImportError::NoPlanYears {
        row: 1,
        found: vec![2019],
        first: 2021,
        last: 2025,
    }];
    errors.extend(
        roles
            .into_iter()
            .map(|role| ImportError::MissingColumn { row: 1, role }),
    );
    for e in &sources {
        match e {
            SourceError::TooLarge { .. }
            | SourceError::Empty
            | SourceError::NotUtf8 { .. }
            | SourceError::UnclosedQuote { .. }
            | SourceError::Workbook { .. }
            | SourceError::NoSheets
            | SourceError::NoHeader { .. }
            | SourceError::DuplicateColumn { .. } => {}
        }
        errors.push(ImportError::Source(e.clone()));
        let actuals = ActualsImportError::Source(e.clone());
        both(&format!("{actuals:?}"), |lang| actuals.describe(lang));
    }
    for e in &errors {
        match e {
            ImportError::Source(_)
            | ImportError::MissingColumn { .. }
            | ImportError::NoPlanYears { .. } => {}
        }
        both(&format!("{e:?}"), |lang| e.describe(lang));
    }
    let actuals_errors = [
        ActualsImportError::NoYearColumn {
            row: 1,
            year: 2022,
            found: vec![2021],
        },
        ActualsImportError::YearOutsidePeriod {
            year: 2030,
            first: 2021,
            last: 2025,
        },
    ];
    for e in &actuals_errors {
        match e {
            ActualsImportError::Source(_)
            | ActualsImportError::NoYearColumn { .. }
            | ActualsImportError::YearOutsidePeriod { .. } => {}
        }
        both(&format!("{e:?}"), |lang| e.describe(lang));
    }

    let cells = [
        CellProblem::NotANumber { text: "abc".into() },
        CellProblem::AmbiguousNumber {
            text: "1,234".into(),
        },
        CellProblem::TooLarge {
            text: "9e99".into(),
        },
        CellProblem::NotAnAmount {
            what: NonAmount::Date,
        },
        CellProblem::NotAnAmount {
            what: NonAmount::Boolean,
        },
        CellProblem::NotAnAmount {
            what: NonAmount::Error,
        },
    ];
    for cell in &cells {
        match cell {
            CellProblem::NotANumber { .. }
            | CellProblem::AmbiguousNumber { .. }
            | CellProblem::TooLarge { .. }
            | CellProblem::NotAnAmount { .. } => {}
        }
    }
    let mut reasons: Vec<RejectReason> = cells.iter().cloned().map(RejectReason::Cell).collect();
    reasons.extend([
        RejectReason::YearOutsidePeriod {
            year: 2030,
            first: 2021,
            last: 2025,
        },
        RejectReason::NoAccount,
        RejectReason::NoSection,
        RejectReason::UnknownSide { text: "x".into() },
        RejectReason::NoSide {
            code: "400000".into(),
        },
        RejectReason::UnknownTotalSection { name: "X1".into() },
        RejectReason::TotalSideUnclear {
            section: "X1".into(),
        },
        RejectReason::DuplicateTotal { first_row: 3 },
    ]);
    for reason in &reasons {
        match reason {
            RejectReason::Cell(_)
            | RejectReason::YearOutsidePeriod { .. }
            | RejectReason::NoAccount
            | RejectReason::NoSection
            | RejectReason::UnknownSide { .. }
            | RejectReason::NoSide { .. }
            | RejectReason::UnknownTotalSection { .. }
            | RejectReason::TotalSideUnclear { .. }
            | RejectReason::DuplicateTotal { .. } => {}
        }
        let rejection = Rejection {
            row: 7,
            column: column(),
            reason: reason.clone(),
        };
        both(&format!("{reason:?}"), |lang| rejection.describe(lang));
        if let RejectReason::Cell(problem) = reason {
            let actuals = ActualsRejectReason::Cell(problem.clone());
            both(&format!("{actuals:?}"), |lang| actuals.describe(lang));
        }
    }
    let warnings = [
        ImportWarning::DuplicateAccount {
            code: "623400".into(),
            section: "X1".into(),
            first_row: 5,
        },
        ImportWarning::WrongSide {
            code: "700000".into(),
            side: Side::Cost,
        },
        ImportWarning::WrongSide {
            code: "600000".into(),
            side: Side::Income,
        },
    ];
    for warning in &warnings {
        match warning {
            ImportWarning::DuplicateAccount { .. } | ImportWarning::WrongSide { .. } => {}
        }
        let flagged = Flagged {
            row: 7,
            column: column(),
            warning: warning.clone(),
        };
        both(&format!("{warning:?}"), |lang| flagged.describe(lang));
    }
    let actuals_reasons = [
        ActualsRejectReason::UnknownSide { text: "x".into() },
        ActualsRejectReason::NoAmount,
        ActualsRejectReason::NoName,
        ActualsRejectReason::UnknownCategory { text: "x".into() },
        ActualsRejectReason::NoCategory,
        ActualsRejectReason::NoSide,
        ActualsRejectReason::CategoryNotOfSide {
            category: AccountCategory::Subsidy,
            side: Side::Cost,
        },
        ActualsRejectReason::WrongSide {
            code: "700000".into(),
            side: Side::Cost,
        },
        ActualsRejectReason::UnknownGoal { text: "SD9".into() },
        ActualsRejectReason::DuplicateTotal { first_row: 3 },
    ];
    for reason in &actuals_reasons {
        match reason {
            ActualsRejectReason::Cell(_)
            | ActualsRejectReason::UnknownSide { .. }
            | ActualsRejectReason::NoAmount
            | ActualsRejectReason::NoName
            | ActualsRejectReason::UnknownCategory { .. }
            | ActualsRejectReason::NoCategory
            | ActualsRejectReason::NoSide
            | ActualsRejectReason::CategoryNotOfSide { .. }
            | ActualsRejectReason::WrongSide { .. }
            | ActualsRejectReason::UnknownGoal { .. }
            | ActualsRejectReason::DuplicateTotal { .. } => {}
        }
        both(&format!("{reason:?}"), |lang| reason.describe(lang));
    }
}

#[test]
fn every_refused_edit_speaks_the_users_language() {
    let things = [
        Thing::StrategicGoal,
        Thing::OperationalGoal,
        Thing::Goal,
        Thing::Activity,
        Thing::SalaryProfile,
        Thing::IncomeLine,
        Thing::Line,
        Thing::Account,
        Thing::Section,
        Thing::Reserve,
        Thing::Indicator,
        Thing::OutputFigure,
        Thing::Function,
        Thing::Conflict,
        Thing::ConflictPlace,
        Thing::ActualsYear(2022),
        Thing::Field,
    ];
    for thing in things {
        match thing {
            Thing::StrategicGoal
            | Thing::OperationalGoal
            | Thing::Goal
            | Thing::Activity
            | Thing::SalaryProfile
            | Thing::IncomeLine
            | Thing::Line
            | Thing::Account
            | Thing::Section
            | Thing::Reserve
            | Thing::Indicator
            | Thing::OutputFigure
            | Thing::Function
            | Thing::Conflict
            | Thing::ConflictPlace
            | Thing::ActualsYear(_)
            | Thing::Field => {}
        }
        let error = EditError::NotFound(thing);
        both(&format!("{error:?}"), |lang| error.message(lang));
    }
}

/// What the parser of a damaged plan finds reaches the user as Planbord's own words, in the
/// user's language: never the parser's English.
#[test]
fn a_broken_plan_file_is_described_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        ("", "het bestand is leeg", "the file is empty"),
        (
            "hallo",
            "dit is geen Planbord-plan",
            "this is not a Planbord plan",
        ),
        (
            "(format_version: 2, kleur: 3)",
            "een plan kent geen veld 'kleur'",
            "a plan has no field 'kleur'",
        ),
        ("(", "houdt te vroeg op", "ends too early"),
        (
            "(format_version: \"twee\")",
            "hier hoort een geheel getal",
            "a whole number was expected here",
        ),
    ];
    for (i, (text, nl, en)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("kapot{i}.ron"));
        std::fs::write(&file, text).unwrap();
        let error = planbord::store::load(&file).unwrap_err();
        let dutch = errors::load_error(&error, Lang::Nl);
        let english = errors::load_error(&error, Lang::En);
        assert!(dutch.contains(nl), "{text:?}: {dutch}");
        assert!(english.contains(en), "{text:?}: {english}");
        assert!(gives_away(&dutch, ENGLISH).is_none(), "{dutch}");
        assert!(
            !dutch.contains("Expected") && !dutch.contains("Unexpected"),
            "{dutch}"
        );
    }
}

fn subjects() -> Vec<Subject> {
    let all = vec![
        Subject::Plan,
        Subject::Reserve("X1".into()),
        Subject::SalaryProfile("X1".into()),
        Subject::AvailableFte,
        Subject::GeneralIndicator,
        Subject::Goal("SD1.OD2".into()),
        Subject::StaffLine("X1".into()),
        Subject::OverheadLine("X1".into()),
        Subject::IncomeLine("X1".into()),
        Subject::AccountSection("X1".into()),
        Subject::Account {
            code: "610000".into(),
            name: "X1".into(),
        },
        Subject::Actuals(2022),
        Subject::ResultLine {
            year: 2022,
            name: "X1".into(),
        },
        Subject::Staff {
            year: 2022,
            name: "X1".into(),
        },
        Subject::Output {
            year: 2022,
            label: "X1".into(),
        },
        Subject::OutputPart {
            year: 2022,
            label: "X1".into(),
            group: "X2".into(),
        },
        Subject::AddedActivity {
            year: 2022,
            description: "X1".into(),
        },
    ];
    for s in &all {
        match s {
            Subject::Plan
            | Subject::Reserve(_)
            | Subject::SalaryProfile(_)
            | Subject::AvailableFte
            | Subject::GeneralIndicator
            | Subject::Goal(_)
            | Subject::StaffLine(_)
            | Subject::OverheadLine(_)
            | Subject::IncomeLine(_)
            | Subject::AccountSection(_)
            | Subject::Account { .. }
            | Subject::Actuals(_)
            | Subject::ResultLine { .. }
            | Subject::Staff { .. }
            | Subject::Output { .. }
            | Subject::OutputPart { .. }
            | Subject::AddedActivity { .. } => {}
        }
    }
    all
}

fn problem_kinds() -> Vec<ProblemKind> {
    let d = dec!(5);
    let mut all = vec![
        ProblemKind::OutOfRange {
            field: "percent".into(),
            value: d,
            low: dec!(0),
            high: dec!(100),
        },
        ProblemKind::YearOutsidePeriod {
            field: "fte".into(),
            year: 2030,
            first: 2021,
            last: 2025,
        },
        ProblemKind::Negative {
            field: "fte".into(),
            year: 2022,
            value: d,
        },
        ProblemKind::NegativeFte {
            field: "payroll_fte".into(),
            value: d,
        },
        ProblemKind::GrowthOutOfRange { percent: d },
        ProblemKind::BaseYearOutOfRange {
            year: 1800,
            low: 1921,
            high: 2025,
        },
        ProblemKind::RuleTooLarge {
            year: 2025,
            limit: d,
        },
        ProblemKind::NegativeRoundingStep { step: d },
        ProblemKind::PeriodOutsideYears {
            first: 1800,
            last: 1805,
        },
        ProblemKind::PeriodReversed {
            first: 2025,
            last: 2021,
        },
        ProblemKind::PeriodTooLong {
            first: 2000,
            last: 2090,
        },
        ProblemKind::DuplicateCode {
            code: "SD1".into(),
            count: 2,
        },
        ProblemKind::EmptyCode,
        ProblemKind::ConflictItemMissing {
            number: 1,
            item: Id(9),
        },
        ProblemKind::NextIdTooLarge {
            next: Id(9),
            max: Id(8),
        },
        ProblemKind::FundPartWithoutFund,
        ProblemKind::FundPartAboveBudget {
            year: 2022,
            part: d,
            budget: d,
        },
        ProblemKind::ActivityYearsReversed {
            activity: "X1".into(),
            first: 2025,
            last: 2021,
        },
        ProblemKind::DuplicateId {
            id: Id(9),
            count: 2,
        },
        ProblemKind::IdTooLarge {
            id: Id(9),
            max: Id(8),
        },
        ProblemKind::IdNotBelowNext {
            id: Id(9),
            next: Id(8),
        },
        ProblemKind::ThresholdOutOfRange { percent: d },
        ProblemKind::ActualsYearOutsidePeriod {
            first: 2021,
            last: 2025,
        },
        ProblemKind::ActualsYearTwice,
        ProblemKind::CategoryNotOfSide {
            category: AccountCategory::Subsidy,
            side: Side::Cost,
        },
        ProblemKind::MilestoneTwice { indicator: Id(9) },
        ProblemKind::ActivityReportedTwice { activity: Id(9) },
        ProblemKind::ExplainedTwice {
            figure: ActualFigure::CostTotal,
        },
    ];
    for what in [
        Quantity::Field("amount".into()),
        Quantity::FieldInYear("fte".into(), 2022),
        Quantity::BaseAmount,
        Quantity::RoundingStep,
        Quantity::OpeningBalance,
    ] {
        match what {
            Quantity::Field(_)
            | Quantity::FieldInYear(..)
            | Quantity::BaseAmount
            | Quantity::RoundingStep
            | Quantity::OpeningBalance => {}
        }
        all.push(ProblemKind::TooLarge {
            what,
            value: d,
            limit: d,
        });
    }
    for what in [
        Referent::CoreTask,
        Referent::SalaryProfile,
        Referent::ReserveFund,
        Referent::ActivityType,
        Referent::StrategicGoal,
        Referent::OperationalGoal,
        Referent::Indicator,
        Referent::Activity,
        Referent::StaffLineOrProfile,
    ] {
        match what {
            Referent::CoreTask
            | Referent::SalaryProfile
            | Referent::ReserveFund
            | Referent::ActivityType
            | Referent::StrategicGoal
            | Referent::OperationalGoal
            | Referent::Indicator
            | Referent::Activity
            | Referent::StaffLineOrProfile => {}
        }
        all.push(ProblemKind::MissingReference { what, id: Id(9) });
    }
    for kind in &all {
        match kind {
            ProblemKind::TooLarge { .. }
            | ProblemKind::OutOfRange { .. }
            | ProblemKind::YearOutsidePeriod { .. }
            | ProblemKind::Negative { .. }
            | ProblemKind::NegativeFte { .. }
            | ProblemKind::GrowthOutOfRange { .. }
            | ProblemKind::BaseYearOutOfRange { .. }
            | ProblemKind::RuleTooLarge { .. }
            | ProblemKind::NegativeRoundingStep { .. }
            | ProblemKind::MissingReference { .. }
            | ProblemKind::PeriodOutsideYears { .. }
            | ProblemKind::PeriodReversed { .. }
            | ProblemKind::PeriodTooLong { .. }
            | ProblemKind::DuplicateCode { .. }
            | ProblemKind::EmptyCode
            | ProblemKind::ConflictItemMissing { .. }
            | ProblemKind::NextIdTooLarge { .. }
            | ProblemKind::FundPartWithoutFund
            | ProblemKind::FundPartAboveBudget { .. }
            | ProblemKind::ActivityYearsReversed { .. }
            | ProblemKind::DuplicateId { .. }
            | ProblemKind::IdTooLarge { .. }
            | ProblemKind::IdNotBelowNext { .. }
            | ProblemKind::ThresholdOutOfRange { .. }
            | ProblemKind::ActualsYearOutsidePeriod { .. }
            | ProblemKind::ActualsYearTwice
            | ProblemKind::CategoryNotOfSide { .. }
            | ProblemKind::MilestoneTwice { .. }
            | ProblemKind::ActivityReportedTwice { .. }
            | ProblemKind::ExplainedTwice { .. } => {}
        }
    }
    all
}

#[test]
fn every_broken_rule_and_refusal_speaks_the_users_language() {
    for subject in subjects() {
        for kind in problem_kinds() {
            let p = Problem {
                subject: subject.clone(),
                kind,
                anchor: Vec::new(),
            };
            both(&format!("{p:?}"), |lang| {
                planbord::i18n::errors::problem(&p, lang)
            });
            let error = EditError::Breaks(Box::new(p));
            both(&format!("{error:?}"), |lang| error.message(lang));
        }
    }
    let sample = Problem {
        subject: Subject::Goal("SD1.OD2".into()),
        kind: ProblemKind::YearOutsidePeriod {
            field: "fte".into(),
            year: 2030,
            first: 2021,
            last: 2025,
        },
        anchor: Vec::new(),
    };
    let mut refusals = vec![
        Refusal::YearOutsidePeriod { year: 2030 },
        Refusal::NegativeFte,
        Refusal::NoActivityTypes,
        Refusal::FirstAfterLast {
            first: 2025,
            last: 2021,
        },
        Refusal::LineInUse,
        Refusal::ValuesOutsidePeriod {
            first: 2021,
            last: 2024,
            problem: Box::new(sample),
        },
        Refusal::ActualsExist { year: 2022 },
        Refusal::ThresholdOutOfRange,
        Refusal::ConflictValueUnreadable { reason: "x".into() },
        Refusal::FollowsGrowthRule,
        Refusal::NoSalaryProfile,
    ];
    for (side, account) in [(Side::Cost, true), (Side::Income, false)] {
        refusals.push(Refusal::CategoryNotOfSide {
            side,
            line: "X1".into(),
            account,
        });
    }
    for kind in [ValueKind::Percentage, ValueKind::Nps, ValueKind::Count] {
        match kind {
            ValueKind::Percentage | ValueKind::Nps | ValueKind::Count => {}
        }
        refusals.push(Refusal::OutOfRange {
            value: dec!(120),
            low: dec!(0),
            high: dec!(100),
            kind,
        });
    }
    for refusal in refusals {
        match &refusal {
            Refusal::YearOutsidePeriod { .. }
            | Refusal::NegativeFte
            | Refusal::NoActivityTypes
            | Refusal::FirstAfterLast { .. }
            | Refusal::LineInUse
            | Refusal::ValuesOutsidePeriod { .. }
            | Refusal::CategoryNotOfSide { .. }
            | Refusal::ActualsExist { .. }
            | Refusal::ThresholdOutOfRange
            | Refusal::OutOfRange { .. }
            | Refusal::ConflictValueUnreadable { .. }
            | Refusal::FollowsGrowthRule
            | Refusal::NoSalaryProfile => {}
        }
        let error = EditError::Refused(refusal);
        both(&format!("{error:?}"), |lang| error.message(lang));
    }
}
