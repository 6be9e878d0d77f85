//! The editor window's panels. A panel reads `&Plan` and the cached `&Summary` and pushes
//! [`Edit`]s; only [`crate::edit::Document::apply`] changes the plan.

pub mod actuals_ui;
pub mod budget_ui;
pub mod charts_ui;
pub mod compare_ui;
pub mod conflicts_ui;
pub mod goals_ui;
pub mod palette;

pub mod import_ui;
pub mod plan_text_ui;
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
    /// Plan against realisation ("Plan en realisatie").
    Actuals,
    Charts,
    Warnings,
    /// Scenarios side by side (shown while a comparison is open).
    Compare,
    /// Values a merge left to choose (shown while the plan has conflicts).
    Conflicts,
}

impl Panel {
    pub const ALL: [Panel; 10] = [
        Panel::Plan,
        Panel::Goals,
        Panel::Timing,
        Panel::Staffing,
        Panel::Budget,
        Panel::Actuals,
        Panel::Charts,
        Panel::Warnings,
        Panel::Compare,
        Panel::Conflicts,
    ];

    /// The width the panel needs to show its tables whole, for a plan of `years` years.
    pub fn min_width(self, years: usize) -> f32 {
        let years = years as f32;
        match self {
            Panel::Plan | Panel::Warnings | Panel::Conflicts => 520.0,
            // A label column and euro columns for the years and the total.
            Panel::Goals | Panel::Staffing | Panel::Budget => 224.0 + (years + 1.0) * 88.0,
            Panel::Timing => 700.0 + years * 44.0,
            // The comparison table: figure, planned, actual, difference, %, explanation.
            Panel::Actuals => 900.0,
            Panel::Charts | Panel::Compare => 0.0,
        }
    }

    pub fn tooltip(self, tr: &Tr) -> &'static str {
        match self {
            Panel::Plan => tr.panel_plan_tip,
            Panel::Goals => tr.panel_goals_tip,
            Panel::Timing => tr.panel_timing_tip,
            Panel::Staffing => tr.panel_staffing_tip,
            Panel::Budget => tr.panel_budget_tip,
            Panel::Actuals => tr.act.panel_tip,
            Panel::Charts => tr.panel_charts_tip,
            Panel::Warnings => tr.panel_warnings_tip,
            Panel::Compare => tr.panel_compare_tip,
            Panel::Conflicts => tr.panel_conflicts_tip,
        }
    }

    pub fn name(self, tr: &Tr) -> &'static str {
        match self {
            Panel::Plan => tr.panel_plan,
            Panel::Goals => tr.panel_goals,
            Panel::Timing => tr.panel_timing,
            Panel::Staffing => tr.panel_staffing,
            Panel::Budget => tr.panel_budget,
            Panel::Actuals => tr.act.panel,
            Panel::Charts => tr.panel_charts,
            Panel::Warnings => tr.panel_warnings,
            Panel::Compare => tr.compare,
            Panel::Conflicts => tr.panel_conflicts,
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
    /// A goal with content the user asked to remove: the tree asks to confirm.
    pub confirm_remove: Option<Id>,
    /// The charts are shown beside the panel although the panel then has less room than it needs.
    pub charts_forced: bool,
    /// Which realised year the "plan and actuals" panel shows.
    pub actuals: ActualsView,
    /// A realised year the user asked to remove: the panel asks to confirm.
    pub confirm_remove_year: Option<i32>,
    /// The selection the goal tree last showed. A goal selected elsewhere (a warning, a new
    /// goal) differs from it: the tree then scrolls to that goal's line.
    pub tree_shown: Option<Id>,
}

/// What the "plan and actuals" panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActualsView {
    /// The latest realised year (the last plan year when none is realised yet).
    #[default]
    Latest,
    /// One plan year (realised or not).
    Year(i32),
    /// The realised years together.
    ToDate,
}

/// What a panel gets: the plan, its derived figures, the texts, and where to put edits.
pub struct PanelCtx<'a> {
    pub plan: &'a Plan,
    pub summary: &'a Summary,
    pub tr: &'static Tr,
    pub edits: &'a mut Vec<Edit>,
}

/// The window's language, for widgets that render messages themselves (set once per frame).
pub fn set_lang(ctx: &egui::Context, lang: crate::i18n::Lang) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("planbord-lang"), lang));
}

pub fn current_lang(ctx: &egui::Context) -> crate::i18n::Lang {
    ctx.data(|d| d.get_temp(egui::Id::unique("planbord-lang")))
        .unwrap_or_default()
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
