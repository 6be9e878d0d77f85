//! The warnings list: the consistency checks of the calculations, each jumping to its place.

use super::widgets::{LONG_LIST, lazy_lines_ui};
use super::{Panel, PanelCtx, ViewState, heading_ui};
use crate::calc::WarningPlace;
use crate::i18n::Lang;
use crate::i18n::describe_warning;
use egui::Ui;

pub fn warnings_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState, lang: Lang) {
    let tr = cx.tr;
    heading_ui(ui, tr.panel_warnings);
    if cx.summary.warnings.is_empty() {
        ui.label(tr.no_warnings);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("warnings")
        .show(ui, |ui| {
            let warnings = &cx.summary.warnings;
            let mut chosen = None;
            if warnings.len() <= LONG_LIST {
                for warning in warnings {
                    let text = format!("! {}", describe_warning(warning, lang));
                    if ui.link(text).clicked() {
                        chosen = Some(warning);
                    }
                }
            } else {
                let row_height = ui.spacing().interact_size.y;
                lazy_lines_ui(ui, warnings.len(), row_height, |ui, i| {
                    let text = format!("! {}", describe_warning(&warnings[i], lang));
                    if ui.link(&text).on_hover_text(&text).clicked() {
                        chosen = Some(&warnings[i]);
                    }
                });
            }
            if let Some(warning) = chosen {
                view.highlight_year = None;
                match warning.place() {
                    WarningPlace::Staffing { year } => {
                        view.panel = Panel::Staffing;
                        view.highlight_year = Some(year);
                    }
                    WarningPlace::SalaryProfiles => view.panel = Panel::Staffing,
                    WarningPlace::Goal(id) => {
                        view.panel = Panel::Goals;
                        view.selected_goal = Some(id);
                    }
                    WarningPlace::Activity { goal, .. } => {
                        view.panel = Panel::Timing;
                        view.selected_goal = Some(goal);
                    }
                    WarningPlace::Budget | WarningPlace::Account { .. } => {
                        view.panel = Panel::Budget
                    }
                    WarningPlace::Actuals { year } => {
                        view.panel = Panel::Actuals;
                        view.actuals = super::ActualsView::Year(year);
                    }
                }
            }
        });
}
