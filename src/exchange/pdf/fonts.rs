//! The two embedded fonts (Liberation Sans regular and bold, SIL OFL: see
//! `assets/fonts/LICENSE-LiberationSans.txt`) and their metrics: the layout measures text with the
//! same glyphs and advances the PDF draws, so what is measured is what is printed.

pub(crate) const REGULAR: &[u8] =
    include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// The two faces of the report's font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font face: glyph lookup and advances.
pub struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// The glyph drawn for a character the font does not have.
    fallback: u16,
}

/// One positioned glyph: id, advance in em, and the byte range of the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub range: std::ops::Range<usize>,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Face> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        let fallback = face.glyph_index('?').map_or(0, |g| g.0);
        Some(Face {
            face,
            units_per_em,
            fallback,
        })
    }

    fn glyph_id(&self, c: char) -> u16 {
        let c = match c {
            '\u{a0}' | '\u{202f}' | '\t' => ' ',
            other => other,
        };
        self.face.glyph_index(c).map_or(self.fallback, |g| g.0)
    }

    fn advance(&self, id: u16) -> f32 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(id))
            .map_or(0.0, |a| f32::from(a) / self.units_per_em)
    }

    /// The glyphs of `text`, one per character (Latin text needs no shaping beyond that).
    pub(crate) fn glyphs(&self, text: &str) -> Vec<Glyph> {
        text.char_indices()
            .map(|(i, c)| {
                let id = self.glyph_id(c);
                Glyph {
                    id,
                    advance: self.advance(id),
                    range: i..i + c.len_utf8(),
                }
            })
            .collect()
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph_id(c)))
            .sum::<f32>()
            * size
    }
}

/// The regular and the bold face.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Parses the embedded fonts; `None` only if the files in the binary are damaged.
    pub fn load() -> Option<Fonts> {
        Some(Fonts {
            regular: Face::parse(REGULAR)?,
            bold: Face::parse(BOLD)?,
        })
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.face(weight).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_characters_are_in_both_fonts() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        for weight in [Weight::Regular, Weight::Bold] {
            let face = fonts.face(weight);
            for c in "éëïèçô€–—•‘’“”…×".chars() {
                assert_ne!(face.glyph_id(c), face.fallback, "{c} missing in {weight:?}");
            }
        }
    }

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let fonts = Fonts::load().unwrap();
        let regular = fonts.width(Weight::Regular, 10.0, "Werkingsmiddelen");
        let bold = fonts.width(Weight::Bold, 10.0, "Werkingsmiddelen");
        assert!(bold > regular);
        let double = fonts.width(Weight::Regular, 20.0, "Werkingsmiddelen");
        assert!((double - 2.0 * regular).abs() < 1e-3);
        assert!(fonts.width(Weight::Regular, 10.0, "") == 0.0);
    }
}
