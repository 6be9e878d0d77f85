//! Structured errors rendered for people, in Dutch or English: the one place where the sentences
//! about files live (the short texts of the window are in [`crate::i18n`]).

use crate::edit::{EditError, Refusal, Thing, ValueKind};
use crate::i18n::Lang;
use crate::model::decimal::DecimalProblem;
use crate::model::validate::{ProblemKind, Quantity, Referent, Subject};
use crate::model::{Problem, Side};
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

// ---------------------------------------------------------------------------------------------
// Rules a plan keeps (crate::model::validate)

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
    }
}

fn side_name(side: Side, lang: Lang) -> &'static str {
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

// ---------------------------------------------------------------------------------------------
// Edits refused (crate::edit)

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

/// The page footer of an exported workbook (Excel's codes: `&P` page, `&N` pages).
pub fn xlsx_page_footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Pagina &P van &N",
        Lang::En => "Page &P of &N",
    }
}
