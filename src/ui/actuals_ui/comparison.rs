//! The plan against the realisation: key figures per year with difference, percentage and the
//! explanation the user types where a difference passes the threshold.

use super::*;

/// The comparison of figures; with `realised` (one year) differences beyond the threshold (and
/// those already explained) take an explanation.
pub(super) fn comparison_ui(
    ui: &mut Ui,
    cx: &mut PanelCtx,
    salt: &str,
    figures: &[FigureComparison],
    realised: Option<&YearActuals>,
) {
    let a = &cx.tr.act;
    let height = row_height(ui);
    let mut widths = vec![210.0, 95.0, 95.0, 85.0, 75.0];
    let mut headers = vec![
        a.figure,
        a.planned,
        a.realised,
        a.difference,
        a.difference_percent,
    ];
    if realised.is_some() {
        widths.push(EXPLANATION_WIDTH);
        headers.push(a.explanation);
    }
    let edits = &mut *cx.edits;
    table(ui, ("actuals-comparison", salt), &widths)
        .header(height, |header| header_row(header, &headers))
        .body(|mut body| {
            for f in figures {
                body.row(height, |mut row| {
                    let name = a.figure_name(f.figure, f.code.as_deref());
                    let total = matches!(
                        f.figure,
                        ActualFigure::CostTotal | ActualFigure::IncomeTotal | ActualFigure::Balance
                    );
                    row.col(|ui| {
                        let label = if f.is_part {
                            format!("    {name}")
                        } else {
                            name.clone()
                        };
                        let label = RichText::new(label);
                        ui.label(if total { label.strong() } else { label });
                    });
                    row.col(|ui| {
                        number_label(ui, figure_value(f.unit, f.planned));
                    });
                    let realised_text = f
                        .realised
                        .map_or_else(|| "—".to_string(), |r| figure_value(f.unit, r));
                    row.col(|ui| {
                        number_label(ui, realised_text.clone())
                            .accessible_name(format!("{} {name}: {realised_text}", a.realised));
                    });
                    let difference = f
                        .difference
                        .map_or_else(String::new, |d| signed_value(f.unit, d));
                    let mark = |text: &str| {
                        let text = RichText::new(text);
                        if f.beyond_threshold {
                            text.strong().color(palette::ATTENTION)
                        } else {
                            text
                        }
                    };
                    row.col(|ui| {
                        let response = number_label(ui, mark(&difference))
                            .accessible_name(format!("{} {name}: {difference}", a.difference));
                        if f.beyond_threshold {
                            response.on_hover_text(a.beyond_threshold);
                        }
                    });
                    row.col(|ui| {
                        number_label(ui, mark(&percent_text(f.percent)));
                    });
                    let Some(realised) = realised else {
                        return;
                    };
                    row.col(|ui| {
                        let current = realised.explanation(f.figure).unwrap_or_default();
                        // A difference beyond the threshold asks for an explanation; one given
                        // stays editable when the difference shrinks.
                        if !f.beyond_threshold && current.is_empty() {
                            return;
                        }
                        let id = egui::Id::unique((
                            "explanation",
                            realised.year,
                            format!("{:?}", f.figure),
                        ));
                        let field_name = format!("{} {name}", a.explanation);
                        if let Some(text) = text_field(ui, id, current, &field_name, false) {
                            edits.push(Edit::SetExplanation {
                                year: realised.year,
                                figure: f.figure,
                                text,
                            });
                        }
                    });
                });
            }
        });
}
