use std::fmt;
use std::path::PathBuf;

/// Why a plan file could not be opened. Every variant names the file; those about the content name
/// the line and column (1-based) and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: the file is {} bytes, more than the {} a plan may have; is this a Planbord plan?", path.display(), size, limit)]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}:{line}:{column}: the file is not valid UTF-8 text here; save it as UTF-8 or open a backup", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}:{column}: {message}; {hint}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        hint: Hint,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: the file has format version {found}, made by a newer Planbord; this one reads up to version {supported}: update Planbord to open it", path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

/// What the user can do about a syntax or type error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Truncated,
    UnknownField,
    Missing,
    WrongType,
    TooDeep,
    Other,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hint::Truncated => {
                "the file ends too early: it may have been cut off; open its backup or complete it"
            }
            Hint::UnknownField => "remove that field or check its spelling",
            Hint::Missing => "add the missing field",
            Hint::WrongType => "correct the value at that place",
            Hint::TooDeep => "the file nests deeper than any plan does; is it a Planbord plan?",
            Hint::Other => "correct the file at that place",
        })
    }
}

impl LoadError {
    pub(super) fn from_ron(
        path: &std::path::Path,
        text: &str,
        e: ron::error::SpannedError,
    ) -> LoadError {
        use ron::Error as E;
        let hint = match &e.code {
            E::Eof => Hint::Truncated,
            E::NoSuchStructField { .. } | E::NoSuchExtension(_) => Hint::UnknownField,
            E::MissingStructField { .. } => Hint::Missing,
            E::ExceededRecursionLimit => Hint::TooDeep,
            E::Message(m) if m.starts_with("unknown field") => Hint::UnknownField,
            E::Message(m) if m.starts_with("missing field") => Hint::Missing,
            E::Message(_)
            | E::ExpectedString
            | E::ExpectedInteger
            | E::ExpectedBoolean
            | E::ExpectedFloat
            | E::ExpectedOption
            | E::ExpectedArray
            | E::ExpectedMap
            | E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::InvalidValueForType { .. }
            | E::IntegerOutOfBounds => Hint::WrongType,
            _ => Hint::Other,
        };
        // A parse that ran off the end of a cut-off file reports the end of the text.
        let (line, column) = if matches!(e.code, E::Eof) {
            end_position(text)
        } else {
            (e.span.start.line, e.span.start.col)
        };
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: e.code.to_string(),
            hint,
        }
    }

    /// Line and column, when the error is about a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. }
            | LoadError::Syntax { line, column, .. }
            | LoadError::Invalid { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
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
