//! Writes a laid-out [`Document`] as PDF with krilla: the fonts are embedded as subsets, text is
//! drawn glyph by glyph with the advances the layout measured (and stays searchable and
//! copyable), shapes are vector paths; the headings become the PDF outline and the contents
//! entries links.

use super::fonts::{self, Fonts};
use super::layout::{Dash, Document, Item, PAGE_HEIGHT, PAGE_WIDTH, Rgb, Weight};
use crate::exchange::ExportError;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

struct PdfFonts {
    regular: Font,
    bold: Font,
}

impl PdfFonts {
    fn get(&self, weight: Weight) -> Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn draw_item(surface: &mut Surface<'_>, item: &Item, fonts: &Fonts, pdf_fonts: &PdfFonts) {
    match item {
        Item::Text {
            x,
            y,
            text,
            weight,
            size,
            color: c,
        } => {
            if text.is_empty() {
                return;
            }
            let glyphs: Vec<KrillaGlyph> = fonts
                .face(*weight)
                .glyphs(text)
                .into_iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(u32::from(g.id)),
                        g.advance,
                        0.0,
                        0.0,
                        0.0,
                        g.range,
                        None,
                    )
                })
                .collect();
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*c)));
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                pdf_fonts.get(*weight),
                text,
                *size,
                false,
            );
        }
        Item::Rect {
            x,
            y,
            width,
            height,
            color: c,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            if let Some(path) = builder.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*c)));
                surface.draw_path(&path);
            }
        }
        Item::Line {
            from,
            to,
            width,
            color: c,
            dash,
        } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            let Some(path) = builder.finish() else {
                return;
            };
            let (dash, line_cap) = match dash {
                Dash::Solid => (None, LineCap::Butt),
                Dash::Dashed => (
                    Some(StrokeDash {
                        array: vec![4.0, 2.5],
                        offset: 0.0,
                    }),
                    LineCap::Butt,
                ),
                Dash::Dotted => (
                    Some(StrokeDash {
                        array: vec![0.0, 2.5],
                        offset: 0.0,
                    }),
                    LineCap::Round,
                ),
            };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: color(*c).into(),
                width: *width,
                line_cap,
                dash,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Item::Link { .. } => {}
    }
}

/// krilla's date from `YYYY-MM-DD`, if it is one.
fn date(today: &str) -> Option<DateTime> {
    let mut parts = today.get(..10)?.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some(DateTime::new(year).month(month).day(day))
}

/// The headings as a PDF outline: level 1 entries with their level 2 and 3 entries below.
fn outline(doc: &Document) -> Outline {
    let mut outline = Outline::new();
    let mut stack: Vec<(u8, OutlineNode)> = Vec::new();
    let close_to = |stack: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline, level: u8| {
        while let Some((top_level, _)) = stack.last() {
            if *top_level < level {
                break;
            }
            let Some((_, node)) = stack.pop() else { break };
            match stack.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for heading in &doc.headings {
        close_to(&mut stack, &mut outline, heading.level);
        let destination = XyzDestination::new(heading.page, Point::from_xy(0.0, heading.y));
        stack.push((
            heading.level,
            OutlineNode::new(heading.title.clone(), destination),
        ));
    }
    close_to(&mut stack, &mut outline, 0);
    outline
}

/// The PDF file of `doc`.
pub(crate) fn render(doc: &Document, fonts: &Fonts, today: &str) -> Result<Vec<u8>, ExportError> {
    let pdf_fonts = PdfFonts {
        regular: Font::new(fonts::REGULAR.into(), 0).ok_or(ExportError::Font)?,
        bold: Font::new(fonts::BOLD.into(), 0).ok_or(ExportError::Font)?,
    };
    let mut pdf = krilla::Document::new();
    let settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| ExportError::Pdf {
            reason: "page size".to_string(),
        })?;
    let page_count = doc.pages.len();
    for page in &doc.pages {
        let mut pdf_page = pdf.start_page_with(settings.clone());
        {
            let mut surface = pdf_page.surface();
            for item in &page.items {
                draw_item(&mut surface, item, fonts, &pdf_fonts);
            }
            surface.finish();
        }
        for item in &page.items {
            if let Item::Link {
                x,
                y,
                width,
                height,
                page: target,
                target_y,
            } = item
            {
                let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
                    continue;
                };
                if *target >= page_count {
                    continue;
                }
                let destination = XyzDestination::new(*target, Point::from_xy(0.0, *target_y));
                let link =
                    LinkAnnotation::new(rect, Target::Destination(Destination::Xyz(destination)));
                pdf_page.add_annotation(Annotation::from(link));
            }
        }
        pdf_page.finish();
    }
    pdf.set_outline(outline(doc));
    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .language(doc.language.clone())
        .creator("Planbord".to_string());
    if let Some(date) = date(today) {
        metadata = metadata.creation_date(date);
    }
    pdf.set_metadata(metadata);
    pdf.finish().map_err(|e| ExportError::Pdf {
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_iso_text() {
        assert!(date("2026-11-30").is_some());
        assert!(date("2026-11-30 18:40 UTC").is_some());
        assert!(date("gisteren").is_none());
        assert!(date("").is_none());
    }
}
