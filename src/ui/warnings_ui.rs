//! The warnings list: the consistency checks of the calculations, each jumping to its place.

use super::{Panel, PanelCtx, ViewState, heading_ui};
use crate::calc::WarningPlace;
use crate::i18n::Lang;
use crate::report::describe_warning;
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
            for warning in &cx.summary.warnings {
                let text = format!("! {}", describe_warning(warning, lang));
                if ui.link(text).clicked() {
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
            }
        });
}
