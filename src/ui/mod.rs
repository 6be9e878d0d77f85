//! The editor window's panels. A panel reads `&Plan` and the cached `&Summary` and pushes
//! [`Edit`]s; only [`crate::edit::Document::apply`] changes the plan.

pub mod budget_ui;
pub mod charts_ui;
pub mod compare_ui;
pub mod goals_ui;
pub mod import_ui;
pub mod plan_ui;
pub mod staffing_ui;
pub mod timing_ui;
pub mod warnings_ui;
pub mod widgets;

use crate::calc::Summary;
use crate::edit::Edit;
use crate::i18n::Tr;
use crate::model::{Id, Plan};
use serde::{Deserialize, Serialize};

/// The panels of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum Panel {
    Plan,
    #[default]
    Goals,
    Timing,
    Staffing,
    Budget,
    Charts,
    Warnings,
    /// Scenarios side by side (shown while a comparison is open).
    Compare,
}

impl Panel {
    pub const ALL: [Panel; 8] = [
        Panel::Plan,
        Panel::Goals,
        Panel::Timing,
        Panel::Staffing,
        Panel::Budget,
        Panel::Charts,
        Panel::Warnings,
        Panel::Compare,
    ];

    pub fn name(self, tr: &Tr) -> &'static str {
        match self {
            Panel::Plan => tr.panel_plan,
            Panel::Goals => tr.panel_goals,
            Panel::Timing => tr.panel_timing,
            Panel::Staffing => tr.panel_staffing,
            Panel::Budget => tr.panel_budget,
            Panel::Charts => tr.panel_charts,
            Panel::Warnings => tr.panel_warnings,
            Panel::Compare => tr.compare,
        }
    }
}

/// What the user is looking at: not part of the plan, never saved in it.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    pub panel: Panel,
    /// The goal selected in the goal tree (strategic or operational).
    pub selected_goal: Option<Id>,
    /// A year to highlight after jumping from a warning.
    pub highlight_year: Option<i32>,
}

/// What a panel gets: the plan, its derived figures, the texts, and where to put edits.
pub struct PanelCtx<'a> {
    pub plan: &'a Plan,
    pub summary: &'a Summary,
    pub tr: &'static Tr,
    pub edits: &'a mut Vec<Edit>,
}

/// A stable widget id for a field of an item, so focus and typed text survive re-layout.
pub fn field_id(what: &str, id: Id, year: i32) -> egui::Id {
    egui::Id::unique(("planbord", what, id.0, year))
}

/// Heading used by all panels.
pub fn heading_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(text).strong().size(16.0));
    ui.add_space(2.0);
}
