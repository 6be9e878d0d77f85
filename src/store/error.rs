use super::read::ReadError;
use crate::model::decimal::DecimalProblem;
use std::path::PathBuf;

/// Why a plan file could not be opened. Every variant names the file; those about the content name
/// the line and column (1-based) and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read: missing, no permission, not a regular file, too large.
    #[error("{}: cannot read the file: {:?}", .0.path.display(), .0.problem)]
    Read(ReadError),
    #[error("{}:{line}:{column}: not UTF-8", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}:{column}: {problem:?} ({hint:?})", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: SyntaxProblem,
        hint: Hint,
    },
    #[error("{}:{line}:{column}: {problem:?}", path.display())]
    Decimal {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: DecimalProblem,
    },
    /// The file is read, but breaks a rule every plan keeps.
    #[error("{}:{line}:{column}: {problem:?}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: Box<crate::model::Problem>,
    },
    /// A format version below 1: no Planbord ever wrote it.
    #[error("{}:{line}:{column}: format version {found} does not exist", path.display())]
    UnknownVersion {
        path: PathBuf,
        line: usize,
        column: usize,
        found: u32,
        supported: u32,
    },
    #[error("{}: format version {found}, newer than {supported}", path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    /// A named pipe (FIFO): reading it could wait forever.
    Pipe,
    /// A device such as /dev/zero: reading it could never end.
    Device,
    Other,
}

impl FileKind {
    pub fn of(meta: &std::fs::Metadata) -> FileKind {
        let kind = meta.file_type();
        if kind.is_dir() {
            return FileKind::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return FileKind::Pipe;
            }
            if kind.is_char_device() || kind.is_block_device() {
                return FileKind::Device;
            }
        }
        FileKind::Other
    }
}

/// What the parser found wrong at a place in a plan file, as a value (the parser's own English
/// words never reach the user): rendered by [`crate::i18n::errors::load_error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The file holds no text at all.
    Empty,
    /// The text stops in the middle of a value.
    EndsEarly,
    /// The file does not start like a plan: `(` and `format_version`.
    NotAPlan,
    /// Something else stands where this was expected.
    Expected(Token),
    UnexpectedChar(char),
    UnknownField {
        field: String,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    /// A value of another kind than the place takes (a text where a number belongs ...).
    WrongKind,
    NumberOutOfRange,
    TooDeep,
    /// More text after the plan's closing `)`.
    TrailingText,
    /// An escape in a text that is not one (`\q`).
    BadEscape,
    UnclosedComment,
    /// Anything else the parser refused.
    Other,
}

/// A piece of RON syntax the parser expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Comma,
    Colon,
    /// `(` of a group of fields.
    OpenParen,
    /// `)` closing a group of fields.
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    /// A text between double quotes.
    Text,
    /// The closing `"` of a text.
    TextEnd,
    WholeNumber,
    Number,
    Boolean,
    /// `Some(...)` or `None`.
    Optional,
    /// A field or variant name.
    Name,
    /// `()`.
    Unit,
}

/// What the user can do about a syntax or type error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Truncated,
    UnknownField,
    Missing,
    WrongType,
    TooDeep,
    /// The file is empty or does not start like a plan.
    NotAPlan,
    Other,
}

impl LoadError {
    pub(super) fn from_ron(
        path: &std::path::Path,
        text: &str,
        e: ron::error::SpannedError,
    ) -> LoadError {
        use ron::Error as E;
        if let E::Message(m) = &e.code
            && let Some(problem) = DecimalProblem::from_message(m)
        {
            return LoadError::Decimal {
                path: path.to_path_buf(),
                line: e.span.start.line,
                column: e.span.start.col,
                problem,
            };
        }
        if text.trim().is_empty() {
            return LoadError::Syntax {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                problem: SyntaxProblem::Empty,
                hint: Hint::NotAPlan,
            };
        }
        let runs_off_the_end = ran_off_the_end(text, &e);
        let at_start = text[..offset_of(text, e.span.start.line, e.span.start.col)]
            .trim()
            .is_empty();
        let problem = if runs_off_the_end {
            SyntaxProblem::EndsEarly
        } else if at_start
            && matches!(
                e.code,
                E::ExpectedNamedStructLike(_)
                    | E::ExpectedStructLike
                    | E::ExpectedDifferentStructName { .. }
                    | E::ExpectedStructName(_)
                    | E::UnexpectedChar(_)
                    | E::ExpectedIdentifier
            )
        {
            SyntaxProblem::NotAPlan
        } else {
            SyntaxProblem::of(&e.code)
        };
        let hint = match (&problem, &e.code) {
            (SyntaxProblem::EndsEarly, _) => Hint::Truncated,
            (SyntaxProblem::NotAPlan | SyntaxProblem::Empty, _) => Hint::NotAPlan,
            (SyntaxProblem::UnknownField { .. } | SyntaxProblem::UnknownVariant { .. }, _) => {
                Hint::UnknownField
            }
            (SyntaxProblem::MissingField { .. }, _) => Hint::Missing,
            (SyntaxProblem::TooDeep, _) => Hint::TooDeep,
            (SyntaxProblem::WrongKind | SyntaxProblem::NumberOutOfRange, _) => Hint::WrongType,
            (SyntaxProblem::Expected(_), E::ExpectedComma | E::ExpectedMapColon) => Hint::Other,
            (SyntaxProblem::Expected(_), _) => Hint::WrongType,
            _ => Hint::Other,
        };
        // A parse that ran off the end of a cut-off file reports the end of the text.
        let (line, column) = if runs_off_the_end {
            end_position(text)
        } else {
            (e.span.start.line, e.span.start.col)
        };
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            problem,
            hint,
        }
    }

    /// Line and column, when the error is about a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. }
            | LoadError::Syntax { line, column, .. }
            | LoadError::Decimal { line, column, .. }
            | LoadError::Invalid { line, column, .. }
            | LoadError::UnknownVersion { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

impl SyntaxProblem {
    fn of(code: &ron::Error) -> SyntaxProblem {
        use ron::Error as E;
        let expected = |token| SyntaxProblem::Expected(token);
        match code {
            E::Eof => SyntaxProblem::EndsEarly,
            E::ExpectedArray => expected(Token::OpenBracket),
            E::ExpectedArrayEnd => expected(Token::CloseBracket),
            E::ExpectedBoolean => expected(Token::Boolean),
            E::ExpectedComma => expected(Token::Comma),
            E::ExpectedFloat => expected(Token::Number),
            E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => {
                expected(Token::WholeNumber)
            }
            E::ExpectedOption | E::ExpectedOptionEnd => expected(Token::Optional),
            E::ExpectedMap => expected(Token::OpenBrace),
            E::ExpectedMapColon => expected(Token::Colon),
            E::ExpectedMapEnd => expected(Token::CloseBrace),
            E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedDifferentStructName { .. }
            | E::ExpectedStructName(_) => expected(Token::OpenParen),
            E::ExpectedStructLikeEnd => expected(Token::CloseParen),
            E::ExpectedUnit => expected(Token::Unit),
            E::ExpectedString | E::ExpectedChar => expected(Token::Text),
            E::ExpectedStringEnd => expected(Token::TextEnd),
            E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
                expected(Token::Name)
            }
            E::InvalidEscape(_) => SyntaxProblem::BadEscape,
            E::IntegerOutOfBounds => SyntaxProblem::NumberOutOfRange,
            E::UnclosedBlockComment | E::UnclosedLineComment => SyntaxProblem::UnclosedComment,
            E::UnexpectedChar(c) => SyntaxProblem::UnexpectedChar(*c),
            E::TrailingCharacters => SyntaxProblem::TrailingText,
            E::InvalidValueForType { .. } | E::ExpectedDifferentLength { .. } => {
                SyntaxProblem::WrongKind
            }
            E::NoSuchEnumVariant {
                expected, found, ..
            } => SyntaxProblem::UnknownVariant {
                found: found.clone(),
                expected: expected.iter().map(|s| s.to_string()).collect(),
            },
            E::NoSuchStructField { found, .. } | E::NoSuchExtension(found) => {
                SyntaxProblem::UnknownField {
                    field: found.clone(),
                }
            }
            E::MissingStructField { field, .. } => SyntaxProblem::MissingField {
                field: field.to_string(),
            },
            E::DuplicateStructField { field, .. } => SyntaxProblem::DuplicateField {
                field: field.to_string(),
            },
            E::ExceededRecursionLimit => SyntaxProblem::TooDeep,
            E::Message(m) => SyntaxProblem::of_message(m),
            _ => SyntaxProblem::Other,
        }
    }

    /// serde's messages: `unknown field `x`, expected ...`, `missing field `x``, `invalid type:
    /// ...`, `unknown variant `x`, expected one of `a`, `b``.
    fn of_message(message: &str) -> SyntaxProblem {
        let quoted: Vec<String> = message
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        let first = || quoted.first().cloned().unwrap_or_default();
        if message.starts_with("unknown field") {
            SyntaxProblem::UnknownField { field: first() }
        } else if message.starts_with("missing field") {
            SyntaxProblem::MissingField { field: first() }
        } else if message.starts_with("duplicate field") {
            SyntaxProblem::DuplicateField { field: first() }
        } else if message.starts_with("unknown variant") {
            SyntaxProblem::UnknownVariant {
                found: first(),
                expected: quoted.iter().skip(1).cloned().collect(),
            }
        } else if message.starts_with("invalid type")
            || message.starts_with("invalid value")
            || message.starts_with("invalid length")
        {
            SyntaxProblem::WrongKind
        } else {
            SyntaxProblem::Other
        }
    }
}

/// Whether the parser failed because the text stopped: at its end, or inside a text (string) that
/// is never closed before the end (a file cut in the middle of a text).
fn ran_off_the_end(text: &str, e: &ron::error::SpannedError) -> bool {
    use ron::Error as E;
    match e.code {
        E::Eof => true,
        E::ExpectedStringEnd | E::ExpectedString => {
            let start = offset_of(text, e.span.start.line, e.span.start.col);
            let rest = &text[start.min(text.len())..];
            // The opening quote is at the start; no closing one follows.
            let after_quote = rest.strip_prefix('"').unwrap_or(rest);
            !after_quote.contains('"')
        }
        E::ExpectedArrayEnd
        | E::ExpectedMapEnd
        | E::ExpectedStructLikeEnd
        | E::ExpectedComma
        | E::ExpectedMapColon
        | E::ExpectedInteger
        | E::ExpectedIdentifier => {
            let end = offset_of(text, e.span.end.line, e.span.end.col);
            end >= text.trim_end().len()
        }
        _ => false,
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(at, _)| at);
        }
        offset += l.len();
    }
    text.len()
}

/// Line and column (1-based) just after the end of `text`.
pub(super) fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, column)
}

/// Finds the anchors one after the other in `text`; returns the line and column of the last one
/// found (or of the deepest anchor that could be found), 1-based.
pub(super) fn locate(text: &str, anchors: &[String]) -> (usize, usize) {
    let mut at = 0;
    let mut found = None;
    for anchor in anchors {
        match text[at..].find(anchor.as_str()) {
            Some(offset) => {
                at += offset;
                found = Some(at);
                at += anchor.len();
            }
            None => break,
        }
    }
    match found {
        Some(offset) => {
            let (line, column) = end_position(&text[..offset]);
            // Point at the first non-blank character of the anchor.
            (line, column)
        }
        None => (1, 1),
    }
}

/// Why a save did not happen. The file on disk is unchanged unless `unchanged` is false.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: not saved: {problem:?} (unchanged: {unchanged})", path.display())]
pub struct SaveError {
    /// The plan's file, as the user knows it (not a temporary file).
    pub path: PathBuf,
    pub problem: SaveProblem,
    pub unchanged: bool,
}

/// What stood in the way of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    DiskFull,
    PermissionDenied,
    ReadOnly,
    ReadOnlyDisk,
    HardLinked { links: u64 },
    FolderMissing,
    NotAFile,
    Backup(Box<SaveProblem>),
    Other(String),
}

impl SaveProblem {
    pub fn from_io(e: &std::io::Error) -> SaveProblem {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::FileTooLarge | K::QuotaExceeded => SaveProblem::DiskFull,
            K::PermissionDenied => SaveProblem::PermissionDenied,
            K::ReadOnlyFilesystem => SaveProblem::ReadOnlyDisk,
            K::NotFound => SaveProblem::FolderMissing,
            K::IsADirectory => SaveProblem::NotAFile,
            _ => SaveProblem::Other(strip_os_error(&e.to_string())),
        }
    }
}

/// `Broken pipe (os error 32)` -> `Broken pipe`.
pub(super) fn strip_os_error(text: &str) -> String {
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text.to_string(),
    }
}
