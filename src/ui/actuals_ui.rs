//! stub
use super::{PanelCtx, ViewState};
pub fn actuals_ui(_ui: &mut egui::Ui, _cx: &mut PanelCtx, _view: &mut ViewState) {}
