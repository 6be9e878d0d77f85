//! Structured errors rendered for people, in Dutch or English: the one place where the sentences
//! about files live (the short texts of the window are in [`crate::i18n`]).

use crate::i18n::Lang;
use crate::model::decimal::DecimalProblem;
use crate::numfmt;
use crate::store::{
    FileKind, Hint, LoadError, ReadError, ReadProblem, SaveError, SaveProblem, SyntaxProblem, Token,
};

fn file_kind(kind: FileKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FileKind::Folder, Lang::Nl) => "een map",
        (FileKind::Pipe, Lang::Nl) => "een pipe (FIFO)",
        (FileKind::Device, Lang::Nl) => "een apparaat",
        (FileKind::Other, Lang::Nl) => "een speciaal bestand",
        (FileKind::Folder, Lang::En) => "a folder",
        (FileKind::Pipe, Lang::En) => "a pipe (FIFO)",
        (FileKind::Device, Lang::En) => "a device",
        (FileKind::Other, Lang::En) => "a special file",
    }
}

/// Why a typed number was refused, in the cell's tooltip.
pub fn number_error(error: &crate::numfmt::ParseError, lang: Lang) -> String {
    use crate::numfmt::ParseError as E;
    match (error, lang) {
        (E::Empty, Lang::Nl) => "leeg".into(),
        (E::Empty, Lang::En) => "empty".into(),
        (E::NotANumber(t), Lang::Nl) => format!("'{t}' is geen getal; schrijf bv. 1.234,56 of 0,7"),
        (E::NotANumber(t), Lang::En) => {
            format!("'{t}' is not a number; write e.g. 1.234,56 or 0,7")
        }
        (E::Ambiguous(t), Lang::Nl) => format!(
            "'{t}' kan op twee manieren gelezen worden: schrijf 1.234 voor duizend en meer, 1,234 alleen als je de decimalen bedoelt"
        ),
        (E::Ambiguous(t), Lang::En) => format!(
            "'{t}' can be read two ways: write 1.234 for a thousand and more, 1,234 only with the decimals meant"
        ),
        (E::TooLarge(t), Lang::Nl) => format!("'{t}' is te groot"),
        (E::TooLarge(t), Lang::En) => format!("'{t}' is too large"),
    }
}

/// A negative number typed where only zero or more makes sense.
pub fn negative_refused(lang: Lang) -> String {
    match lang {
        Lang::Nl => {
            "kan niet negatief zijn; typ 0 of meer (Escape zet de vorige waarde terug)".into()
        }
        Lang::En => {
            "cannot be negative; type 0 or more (Escape restores the previous value)".into()
        }
    }
}

/// Why a decimal in a file was refused.
pub fn decimal_problem(problem: &DecimalProblem, lang: Lang) -> String {
    match (problem, lang) {
        (DecimalProblem::NotANumber(text), Lang::Nl) => format!(
            "\"{text}\" is geen getal zoals een planbestand het schrijft (cijfers, eventueel een minteken en een punt voor decimalen, bv. \"1529210\" of \"0.7\"); verbeter de waarde"
        ),
        (DecimalProblem::NotANumber(text), Lang::En) => format!(
            "\"{text}\" is not a number as a plan file writes it (digits, an optional minus and a point before decimals, e.g. \"1529210\" or \"0.7\"); correct the value"
        ),
        (DecimalProblem::TooPrecise(text), Lang::En) => format!(
            "\"{text}\" has more digits than Planbord can keep exactly (at most 28 decimals); shorten it"
        ),
        (DecimalProblem::TooPrecise(text), Lang::Nl) => format!(
            "\"{text}\" heeft meer cijfers dan Planbord exact kan bewaren (hoogstens 28 decimalen); kort de waarde in"
        ),
        (
            DecimalProblem::TrailingZeros {
                text,
                as_plain,
                as_belgian,
            },
            Lang::Nl,
        ) => {
            let mut s = format!(
                "\"{text}\" eindigt op nullen na het punt, wat Planbord nooit schrijft: met een decimaalpunt gelezen is het {}",
                numfmt::exact(*as_plain)
            );
            if let Some(b) = as_belgian {
                s.push_str(&format!(", op zijn Belgisch gelezen {}", numfmt::exact(*b)));
            }
            s.push_str(&format!(
                "; schrijf de bedoelde waarde zonder nullen achteraan (bv. \"{as_plain}\")"
            ));
            s
        }
        (
            DecimalProblem::TrailingZeros {
                text,
                as_plain,
                as_belgian,
            },
            Lang::En,
        ) => {
            let mut s = format!(
                "\"{text}\" ends in zeros after the point, which Planbord never writes: read with a decimal point it is {}",
                numfmt::exact(*as_plain)
            );
            if let Some(b) = as_belgian {
                s.push_str(&format!(
                    ", read the Belgian way it is {}",
                    numfmt::exact(*b)
                ));
            }
            s.push_str(&format!(
                "; write the value you mean without trailing zeros (e.g. \"{as_plain}\")"
            ));
            s
        }
    }
}

/// Why a file could not be read, after its name: `het bestand bestaat niet; controleer het pad`.
/// `plan` says the file was to be a plan (the advice names plan files).
fn read_problem(problem: &ReadProblem, plan: bool, lang: Lang) -> String {
    let en = lang == Lang::En;
    match problem {
        ReadProblem::NotFound => {
            if en {
                "the file does not exist; check the path".into()
            } else {
                "het bestand bestaat niet; controleer het pad".into()
            }
        }
        ReadProblem::PermissionDenied => {
            if en {
                "you have no permission to read the file; ask its owner, or copy it somewhere you can read it".into()
            } else {
                "je hebt geen leesrechten op het bestand; vraag ze aan de eigenaar, of kopieer het naar een plaats waar je het kunt lezen".into()
            }
        }
        ReadProblem::NotAFile(kind) => match (plan, en) {
            (true, true) => format!(
                "this is {}, not a plan file; choose a plan file (.ron)",
                file_kind(*kind, lang)
            ),
            (true, false) => format!(
                "dit is {}, geen planbestand; kies een planbestand (.ron)",
                file_kind(*kind, lang)
            ),
            (false, true) => format!(
                "this is {}, not a regular file; choose a file",
                file_kind(*kind, lang)
            ),
            (false, false) => format!(
                "dit is {}, geen gewoon bestand; kies een bestand",
                file_kind(*kind, lang)
            ),
        },
        ReadProblem::TooLarge { limit } => {
            let limit = numfmt::euros((*limit).into());
            match (plan, en) {
                (true, true) => format!(
                    "the file is larger than the {limit} bytes a plan may have; is this a Planbord plan?"
                ),
                (true, false) => format!(
                    "het bestand is groter dan de {limit} bytes die een plan mag hebben; is dit wel een Planbord-plan?"
                ),
                (false, true) => format!(
                    "the file is larger than the {limit} bytes Planbord reads; is it the right file?"
                ),
                (false, false) => format!(
                    "het bestand is groter dan de {limit} bytes die Planbord inleest; is het het juiste bestand?"
                ),
            }
        }
        ReadProblem::Other(text) => {
            if en {
                format!("cannot be read ({text}); try again, or copy the file to this computer")
            } else {
                format!(
                    "kan niet gelezen worden ({text}); probeer opnieuw, of kopieer het bestand naar deze computer"
                )
            }
        }
    }
}

/// A file (a table to import, a merge input) that could not be read: which, why, what to do.
pub fn read_error(error: &ReadError, lang: Lang) -> String {
    format!(
        "{}: {}",
        error.path.display(),
        read_problem(&error.problem, false, lang)
    )
}

fn token(token: Token, lang: Lang) -> &'static str {
    match (token, lang) {
        (Token::Comma, Lang::Nl) => "een komma",
        (Token::Comma, Lang::En) => "a comma",
        (Token::Colon, Lang::Nl) => "een dubbele punt (:)",
        (Token::Colon, Lang::En) => "a colon (:)",
        (Token::OpenParen, Lang::Nl) => "een haakje openen '('",
        (Token::OpenParen, Lang::En) => "an opening '('",
        (Token::CloseParen, Lang::Nl) => "een haakje sluiten ')'",
        (Token::CloseParen, Lang::En) => "a closing ')'",
        (Token::OpenBracket, Lang::Nl) => "een lijst '['",
        (Token::OpenBracket, Lang::En) => "a list '['",
        (Token::CloseBracket, Lang::Nl) => "het einde van een lijst ']'",
        (Token::CloseBracket, Lang::En) => "the end of a list ']'",
        (Token::OpenBrace, Lang::Nl) => "een tabel '{'",
        (Token::OpenBrace, Lang::En) => "a table '{'",
        (Token::CloseBrace, Lang::Nl) => "het einde van een tabel '}'",
        (Token::CloseBrace, Lang::En) => "the end of a table '}'",
        (Token::Text, Lang::Nl) => "een tekst tussen aanhalingstekens",
        (Token::Text, Lang::En) => "a text in double quotes",
        (Token::TextEnd, Lang::Nl) => "het aanhalingsteken dat de tekst sluit",
        (Token::TextEnd, Lang::En) => "the double quote that closes the text",
        (Token::WholeNumber, Lang::Nl) => "een geheel getal",
        (Token::WholeNumber, Lang::En) => "a whole number",
        (Token::Number, Lang::Nl) => "een getal",
        (Token::Number, Lang::En) => "a number",
        (Token::Boolean, Lang::Nl) => "true of false",
        (Token::Boolean, Lang::En) => "true or false",
        (Token::Optional, Lang::Nl) => "Some(...) of None",
        (Token::Optional, Lang::En) => "Some(...) or None",
        (Token::Name, Lang::Nl) => "een veldnaam",
        (Token::Name, Lang::En) => "a field name",
        (Token::Unit, Lang::Nl) => "()",
        (Token::Unit, Lang::En) => "()",
    }
}

/// What the parser found wrong, in words of the user's language.
pub fn syntax_problem(problem: &SyntaxProblem, lang: Lang) -> String {
    let en = lang == Lang::En;
    match problem {
        SyntaxProblem::Empty => {
            if en {
                "the file is empty".into()
            } else {
                "het bestand is leeg".into()
            }
        }
        SyntaxProblem::EndsEarly => {
            if en {
                "the file ends in the middle of a value".into()
            } else {
                "het bestand houdt op in het midden van een waarde".into()
            }
        }
        SyntaxProblem::NotAPlan => {
            if en {
                "this is not a Planbord plan: a plan starts with '(' and format_version".into()
            } else {
                "dit is geen Planbord-plan: een plan begint met '(' en format_version".into()
            }
        }
        SyntaxProblem::Expected(t) => {
            if en {
                format!("{} was expected here", token(*t, lang))
            } else {
                format!("hier hoort {}", token(*t, lang))
            }
        }
        SyntaxProblem::UnexpectedChar(c) => {
            if en {
                format!("the character '{c}' does not belong here")
            } else {
                format!("het teken '{c}' hoort hier niet")
            }
        }
        SyntaxProblem::UnknownField { field } => {
            if en {
                format!("a plan has no field '{field}'")
            } else {
                format!("een plan kent geen veld '{field}'")
            }
        }
        SyntaxProblem::MissingField { field } => {
            if en {
                format!("the field '{field}' is missing")
            } else {
                format!("het veld '{field}' ontbreekt")
            }
        }
        SyntaxProblem::DuplicateField { field } => {
            if en {
                format!("the field '{field}' appears twice")
            } else {
                format!("het veld '{field}' staat er twee keer")
            }
        }
        SyntaxProblem::UnknownVariant { found, expected } => {
            let choices = expected.join(", ");
            if en {
                format!("'{found}' is not one of the values allowed here ({choices})")
            } else {
                format!("'{found}' is geen van de waarden die hier kunnen ({choices})")
            }
        }
        SyntaxProblem::WrongKind => {
            if en {
                "this value is of another kind than the place takes (e.g. a text where a number belongs)".into()
            } else {
                "deze waarde is van een andere soort dan hier hoort (bv. een tekst waar een getal moet staan)".into()
            }
        }
        SyntaxProblem::NumberOutOfRange => {
            if en {
                "this number is too large or too small for its place".into()
            } else {
                "dit getal is te groot of te klein voor deze plaats".into()
            }
        }
        SyntaxProblem::TooDeep => {
            if en {
                "the file nests deeper than any plan does".into()
            } else {
                "het bestand is dieper genest dan een plan ooit is".into()
            }
        }
        SyntaxProblem::TrailingText => {
            if en {
                "there is more text after the end of the plan".into()
            } else {
                "na het einde van het plan staat nog tekst".into()
            }
        }
        SyntaxProblem::BadEscape => {
            if en {
                "a backslash in a text starts an escape that does not exist (write \\\\ for one backslash)".into()
            } else {
                "een backslash in een tekst begint een code die niet bestaat (schrijf \\\\ voor één backslash)".into()
            }
        }
        SyntaxProblem::UnclosedComment => {
            if en {
                "a comment is never closed".into()
            } else {
                "een commentaar wordt nooit gesloten".into()
            }
        }
        SyntaxProblem::Other => {
            if en {
                "the file is not written here the way a plan file is".into()
            } else {
                "het bestand is hier niet geschreven zoals een planbestand".into()
            }
        }
    }
}

fn hint(hint: Hint, lang: Lang) -> &'static str {
    match (hint, lang) {
        (Hint::Truncated, Lang::Nl) => {
            "het bestand houdt te vroeg op: het is misschien afgekapt; open de reservekopie (dezelfde naam met .bak) of vul het aan"
        }
        (Hint::Truncated, Lang::En) => {
            "the file ends too early: it may have been cut off; open its backup (the same name with .bak) or complete it"
        }
        (Hint::UnknownField, Lang::Nl) => "verwijder dat veld of controleer de spelling",
        (Hint::UnknownField, Lang::En) => "remove that field or check its spelling",
        (Hint::Missing, Lang::Nl) => "vul het ontbrekende veld aan",
        (Hint::Missing, Lang::En) => "add the missing field",
        (Hint::WrongType, Lang::Nl) => "verbeter de waarde op die plaats",
        (Hint::WrongType, Lang::En) => "correct the value at that place",
        (Hint::TooDeep, Lang::Nl) => "is dit wel een Planbord-plan?",
        (Hint::TooDeep, Lang::En) => "is it a Planbord plan?",
        (Hint::NotAPlan, Lang::Nl) => {
            "kies een Planbord-plan (.ron), of open de reservekopie (.bak)"
        }
        (Hint::NotAPlan, Lang::En) => "choose a Planbord plan (.ron), or open its backup (.bak)",
        (Hint::Other, Lang::Nl) => "verbeter het bestand op die plaats",
        (Hint::Other, Lang::En) => "correct the file at that place",
    }
}

pub use super::rules::problem;

/// A file that could not be opened: where, what is wrong, what to do.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    let en = lang == Lang::En;
    let place = |path: &std::path::Path, line: usize, column: usize| {
        if en {
            format!("{}:{line}:{column}", path.display())
        } else {
            format!("{}, regel {line}, kolom {column}", path.display())
        }
    };
    match error {
        LoadError::Read(read) => format!(
            "{}: {}",
            read.path.display(),
            read_problem(&read.problem, true, lang)
        ),
        LoadError::NotUtf8 { path, line, column } => {
            if en {
                format!(
                    "{}: the text here is not valid UTF-8; save the file as UTF-8 or open its backup (.bak)",
                    place(path, *line, *column)
                )
            } else {
                format!(
                    "{}: hier staat geen geldige UTF-8-tekst; bewaar het bestand als UTF-8 of open de reservekopie (.bak)",
                    place(path, *line, *column)
                )
            }
        }
        LoadError::Syntax {
            path,
            line,
            column,
            problem,
            hint: h,
        } => {
            if *h == Hint::Truncated {
                // What is wrong and what to do say the same here.
                format!("{}: {}", place(path, *line, *column), hint(*h, lang))
            } else {
                format!(
                    "{}: {}; {}",
                    place(path, *line, *column),
                    syntax_problem(problem, lang),
                    hint(*h, lang)
                )
            }
        }
        LoadError::Decimal {
            path,
            line,
            column,
            problem,
        } => format!(
            "{}: {}",
            place(path, *line, *column),
            decimal_problem(problem, lang)
        ),
        LoadError::Invalid {
            path,
            line,
            column,
            problem: p,
        } => format!("{}: {}", place(path, *line, *column), problem(p, lang)),
        LoadError::UnknownVersion {
            path,
            line,
            column,
            found,
            supported,
        } => {
            if en {
                format!(
                    "{}: format version {found} does not exist (this Planbord reads versions 1 to {supported}); is this a Planbord plan?",
                    place(path, *line, *column)
                )
            } else {
                format!(
                    "{}: formaatversie {found} bestaat niet (deze Planbord leest versies 1 tot {supported}); is dit wel een Planbord-plan?",
                    place(path, *line, *column)
                )
            }
        }
        LoadError::NewerVersion {
            path,
            found,
            supported,
        } => {
            if en {
                format!(
                    "{}: the file has format version {found}, made by a newer Planbord; this one reads up to version {supported}: update Planbord to open it",
                    path.display()
                )
            } else {
                format!(
                    "{}: het bestand heeft formaatversie {found} en is gemaakt met een nieuwere Planbord; deze leest tot versie {supported}: werk Planbord bij om het te openen",
                    path.display()
                )
            }
        }
    }
}

pub fn save_problem(problem: &SaveProblem, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |nl: &str, english: &str| if en { english } else { nl }.to_string();
    match problem {
        SaveProblem::DiskFull => pick("de schijf is vol", "the disk is full"),
        SaveProblem::PermissionDenied => pick(
            "je hebt geen schrijfrechten in die map",
            "no permission to write in that folder",
        ),
        SaveProblem::ReadOnly => pick(
            "het bestand is alleen-lezen; bewaar het onder een andere naam, of maak het eerst schrijfbaar",
            "the file is read-only; save under another name, or make it writable first",
        ),
        SaveProblem::ReadOnlyDisk => pick(
            "de schijf of gedeelde map is alleen-lezen",
            "the disk or share is read-only",
        ),
        SaveProblem::HardLinked { links } => {
            if en {
                format!(
                    "the file has {links} names (hard links); saving would split them, so the other names keep the old version"
                )
            } else {
                format!(
                    "het bestand heeft {links} namen (harde koppelingen); opslaan splitst ze, zodat de andere namen de oude versie houden"
                )
            }
        }
        SaveProblem::FolderMissing => pick(
            "de map bestaat niet (meer)",
            "the folder does not exist (any more)",
        ),
        SaveProblem::NotAFile => pick("dat is geen bestand", "that is not a file"),
        SaveProblem::Backup(inner) => {
            let inner = save_problem(inner, lang);
            if en {
                format!("the backup (.bak) could not be written: {inner}")
            } else {
                format!("de reservekopie (.bak) kon niet geschreven worden: {inner}")
            }
        }
        SaveProblem::Other(text) => {
            if en {
                format!("the system says: {text}")
            } else {
                format!("het systeem meldt: {text}")
            }
        }
    }
}

/// Why a file could not be written, in words of the user's language (not the system's).
pub fn write_problem(error: &std::io::Error, lang: Lang) -> String {
    save_problem(&SaveProblem::from_io(error), lang)
}

/// A save that did not happen: which plan, why, and whether the file on disk is unchanged.
pub fn save_error(error: &SaveError, lang: Lang) -> String {
    let problem = save_problem(&error.problem, lang);
    let name = error.path.display();
    match (lang, error.unchanged) {
        (Lang::Nl, true) => format!(
            "{name} is niet opgeslagen: {problem}. Het bestand op schijf is ongewijzigd; je werk staat nog in het venster."
        ),
        (Lang::Nl, false) => format!(
            "{name} is misschien niet volledig opgeslagen: {problem}. Je werk staat nog in het venster; bewaar het opnieuw."
        ),
        (Lang::En, true) => format!(
            "{name} was not saved: {problem}. The file on disk is unchanged; your work is still in the window."
        ),
        (Lang::En, false) => format!(
            "{name} may not be saved completely: {problem}. Your work is still in the window; save it again."
        ),
    }
}

/// The page footer of an exported workbook (Excel's codes: `&P` page, `&N` pages).
pub fn xlsx_page_footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Pagina &P van &N",
        Lang::En => "Page &P of &N",
    }
}
