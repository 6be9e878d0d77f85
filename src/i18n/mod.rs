//! Every text the user meets, in Dutch (default) and English: the rendering layer. Split by
//! area, each a table per language (a struct whose fields the compiler makes both languages fill)
//! or functions that render structured values:
//! - [`window`]: the window's menus, panels and dialogs ([`Tr`], via [`tr`]);
//! - [`actuals`]: the Plan en realisatie panel ([`ActualsTexts`], `tr(lang).act`);
//! - [`compare`]: scenario comparison ([`CompareTr`], via [`compare_tr`]);
//! - [`merge`]: the words of merge conflicts;
//! - [`errors`]: files that cannot be read or saved, refused edits, numbers that are not numbers;
//! - [`exchange`]: imports (previews, rejections, warnings) and exports.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The language tag of documents written in this language (BCP 47: `nl-BE`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-BE",
            Lang::En => "en",
        }
    }

    /// The language's own name, as the language menu shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }
}

/// The short name (a spreadsheet tab, at most 31 characters) and the title of an exported table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableText {
    pub name: &'static str,
    pub title: &'static str,
}

/// The texts of the window in one language.
mod actuals;
mod compare;
mod edits;
pub mod errors;
pub mod exchange;
mod figures;
mod merge;
mod warnings;
mod window;

pub use actuals::{ACTUALS_EN, ACTUALS_NL, ActualsTexts};
pub use compare::{COMPARE_EN, COMPARE_NL, CompareTr, compare_tr};
pub use edits::new_item_name;
pub use figures::{actual_figure_label, figure_label};
pub use merge::{field_label, list_noun, merge_code_changed, merge_result, variant_label};
pub use warnings::describe_warning;
pub use window::{EN, NL, Tr};

/// The window's texts in `lang`.
pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// Fills the numbered places `{0}`, `{1}` ... of a template; a place without an argument stays.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let arg = (digits > 0 && after[digits..].starts_with('}'))
            .then(|| after[..digits].parse::<usize>().ok())
            .flatten()
            .and_then(|i| args.get(i));
        match arg {
            Some(arg) => {
                out.push_str(arg);
                rest = &after[digits + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
