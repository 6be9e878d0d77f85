//! A plan from its text (*Bestand → Plan uit document…*, `planbord import-plan`): a Word
//! document (.docx), an OpenDocument text (.odt), Markdown or plain text (a PDF's extracted
//! text) read into a [`PlanDraft`] of goals, indicators, activities, mission and sections, shown
//! as a preview before anything changes. The steps:
//!
//! 1. **bounded read**: [`crate::store::read_bounded`] with [`MAX_PLAN_TEXT_BYTES`], by the app
//!    or the command line;
//! 2. **blocks**: [`extract`] (text, Markdown) and [`office`] (.docx, .odt: zip and XML, the
//!    inflated parts together at most [`MAX_XML_BYTES`]) give headings, paragraphs, list items
//!    and table rows with their line;
//! 3. **recognise**: [`recognise`] finds the goals by their codes ([`codes`]) and what belongs
//!    to them; everything else stays as text in a section;
//! 4. **preview** and **edit**: [`PlanTextPreview`] (the [`super::Preview`] of this importer):
//!    the tree that will be made, and either one edit that adds it to the open plan
//!    ([`crate::edit::Edit::AddDraft`]) or a new plan ([`PlanTextPreview::new_plan`]).

pub mod codes;
pub mod extract;
pub mod office;
mod preview;
pub mod recognise;
pub mod text;

pub use extract::{Block, BlockKind};
pub use preview::PlanTextPreview;
pub use recognise::{
    DraftActivity, DraftGoal, DraftIndicator, DraftNote, DraftOperational, DraftSection, PlanDraft,
    Unrecognised, recognise,
};

use std::path::Path;

/// Documents larger than this are refused (the Socius plan as .docx is well under 1 MiB, its
/// text 200 KiB).
pub const MAX_PLAN_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// The most the parts of a .docx/.odt read may inflate to, together (a zip bomb stops here).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Docx,
    Odt,
    Markdown,
    Plain,
}

/// How a text file was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf16,
    /// Not UTF-8: read as Windows-1252 (Word's "plain text" on Windows).
    Windows1252,
}

/// A document Planbord does not read, recognised by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// An old Word document (.doc).
    OldWord,
    Pdf,
    Rtf,
    /// A zip that is neither a Word document nor an OpenDocument text (a workbook ...).
    OtherZip,
}

/// Why a document cannot be read. Rendered in [`crate::i18n::plan_text`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanTextError {
    #[error("the document holds no text")]
    Empty,
    #[error("line {line}: not text (UTF-8 or Windows-1252)")]
    NotText { line: usize },
    #[error("not a document Planbord reads: {0:?}")]
    Unsupported(Unsupported),
    #[error("the document is damaged")]
    Damaged,
    #[error("a part of the document unpacks to more than {limit} bytes")]
    PartTooLarge { limit: u64 },
}

/// A document read: its kind, encoding (text files) and the draft made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadDocument {
    pub kind: TextKind,
    pub encoding: Encoding,
    /// How many lines a text has, how many paragraphs a .docx/.odt.
    pub size: usize,
    pub draft: PlanDraft,
}

/// The blocks of a document: by its content (a zip with `word/document.xml` is a Word
/// document, one with `content.xml` and the OpenDocument text mimetype an .odt), else by its
/// extension (`.md`, `.markdown`: Markdown; anything else plain text).
pub fn read_blocks(
    path: Option<&Path>,
    bytes: &[u8],
) -> Result<(TextKind, Encoding, usize, Vec<Block>), PlanTextError> {
    if bytes.starts_with(b"PK\x03\x04") {
        // A damaged document must give a message, never take the program down.
        return std::panic::catch_unwind(|| {
            let mut zip = office::open(bytes)?;
            match office::zip_kind(&mut zip) {
                office::ZipKind::Docx => office::docx_blocks(&mut zip)
                    .map(|b| (TextKind::Docx, Encoding::Utf8, b.len(), b)),
                office::ZipKind::Odt => office::odt_blocks(&mut zip)
                    .map(|b| (TextKind::Odt, Encoding::Utf8, b.len(), b)),
                office::ZipKind::Other => Err(PlanTextError::Unsupported(Unsupported::OtherZip)),
            }
        })
        .unwrap_or(Err(PlanTextError::Damaged));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(PlanTextError::Unsupported(Unsupported::OldWord));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(PlanTextError::Unsupported(Unsupported::Pdf));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(PlanTextError::Unsupported(Unsupported::Rtf));
    }
    let markdown = path
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| e == "md" || e == "markdown");
    let (text, encoding) = extract::decode(bytes)?;
    let kind = if markdown {
        TextKind::Markdown
    } else {
        TextKind::Plain
    };
    let lines = text.lines().count();
    Ok((kind, encoding, lines, extract::text_blocks(&text, markdown)))
}

/// Reads a document into a draft (see the module docs). A document without any text is
/// [`PlanTextError::Empty`].
pub fn read_document(path: Option<&Path>, bytes: &[u8]) -> Result<ReadDocument, PlanTextError> {
    let (kind, encoding, size, blocks) = read_blocks(path, bytes)?;
    if blocks.is_empty() {
        return Err(PlanTextError::Empty);
    }
    Ok(ReadDocument {
        kind,
        encoding,
        size,
        draft: recognise(&blocks),
    })
}
