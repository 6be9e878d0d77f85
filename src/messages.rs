//! Structured errors rendered for people, in Dutch or English: the one place where the sentences
//! about files live (the short texts of the window are in [`crate::i18n`]).

use crate::i18n::Lang;
use crate::model::decimal::DecimalProblem;
use crate::numfmt;
use crate::store::{FileKind, Hint, LoadError, SaveError, SaveProblem};

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
        (E::Ambiguous(_), Lang::En) => error.to_string(),
        (E::TooLarge(t), Lang::Nl) => format!("'{t}' is te groot"),
        (E::TooLarge(_), Lang::En) => error.to_string(),
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
        (DecimalProblem::NotANumber(_), Lang::En) | (DecimalProblem::TooPrecise(_), Lang::En) => {
            problem.to_string()
        }
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
        (DecimalProblem::TrailingZeros { .. }, Lang::En) => problem.to_string(),
    }
}

/// A file that could not be opened: where, what is wrong, what to do.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    let place = |path: &std::path::Path, line: usize, column: usize| {
        format!("{}, regel {line}, kolom {column}", path.display())
    };
    match error {
        LoadError::Io { path, source } => {
            let why = match source.kind() {
                std::io::ErrorKind::NotFound => "het bestand bestaat niet".to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    "je hebt geen leesrechten op het bestand".to_string()
                }
                _ => source.to_string(),
            };
            format!("{}: kan niet gelezen worden: {why}", path.display())
        }
        LoadError::NotAFile { path, what } => format!(
            "{}: dit is {}, geen planbestand; kies een planbestand (.ron)",
            path.display(),
            file_kind(*what, lang)
        ),
        LoadError::TooLarge { path, limit } => format!(
            "{}: het bestand is groter dan de {} bytes die een plan mag hebben; is dit wel een Planbord-plan?",
            path.display(),
            numfmt::euros((*limit).into())
        ),
        LoadError::NotUtf8 { path, line, column } => format!(
            "{}: hier staat geen geldige UTF-8-tekst; bewaar het bestand als UTF-8 of open de reservekopie (.bak)",
            place(path, *line, *column)
        ),
        LoadError::Syntax {
            path,
            line,
            column,
            message,
            hint,
        } => {
            let truncated = *hint == Hint::Truncated;
            let hint = match hint {
                Hint::Truncated => {
                    "het bestand houdt te vroeg op: het is misschien afgekapt; open de reservekopie (dezelfde naam met .bak) of vul het aan"
                }
                Hint::UnknownField => "verwijder dat veld of controleer de spelling",
                Hint::Missing => "vul het ontbrekende veld aan",
                Hint::WrongType => "verbeter de waarde op die plaats",
                Hint::TooDeep => {
                    "het bestand is dieper genest dan een plan ooit is; is dit wel een Planbord-plan?"
                }
                Hint::Other => "verbeter het bestand op die plaats",
            };
            if truncated {
                // The parser's own words add nothing here.
                format!("{}: {hint}", place(path, *line, *column))
            } else {
                format!("{}: {message}; {hint}", place(path, *line, *column))
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
            message_nl,
            ..
        } => format!("{}: {message_nl}", place(path, *line, *column)),
        LoadError::NewerVersion {
            path,
            found,
            supported,
        } => format!(
            "{}: het bestand heeft formaatversie {found} en is gemaakt met een nieuwere Planbord; deze leest tot versie {supported}: werk Planbord bij om het te openen",
            path.display()
        ),
    }
}

fn save_problem(problem: &SaveProblem, lang: Lang) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    match problem {
        SaveProblem::DiskFull => "de schijf is vol".into(),
        SaveProblem::PermissionDenied => "je hebt geen schrijfrechten in die map".into(),
        SaveProblem::ReadOnly => {
            "het bestand is alleen-lezen; bewaar het onder een andere naam, of maak het eerst schrijfbaar"
                .into()
        }
        SaveProblem::ReadOnlyDisk => "de schijf of gedeelde map is alleen-lezen".into(),
        SaveProblem::HardLinked { links } => format!(
            "het bestand heeft {links} namen (harde koppelingen); opslaan splitst ze, zodat de andere namen de oude versie houden"
        ),
        SaveProblem::FolderMissing => "de map bestaat niet (meer)".into(),
        SaveProblem::NotAFile => "dat is geen bestand".into(),
        SaveProblem::Backup(inner) => format!(
            "de reservekopie (.bak) kon niet geschreven worden: {}",
            save_problem(inner, lang)
        ),
        SaveProblem::Other(text) => text.clone(),
    }
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
