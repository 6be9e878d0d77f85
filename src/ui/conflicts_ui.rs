//! The Conflicts panel: the values a merge left to choose, each with both versions' values as
//! buttons. Picking one is an undoable edit ([`Edit::ResolveConflict`]).

use super::{Panel, PanelCtx, ViewState, heading_ui};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::merge::texts;
use crate::model::{ConflictKind, ConflictValue, MergeSide};
use egui::{RichText, Ui};

pub fn conflicts_ui(ui: &mut Ui, cx: &mut PanelCtx, view: &mut ViewState, lang: Lang) {
    let tr = cx.tr;
    let plan = cx.plan;
    heading_ui(ui, tr.panel_conflicts);
    if plan.conflicts.is_empty() {
        ui.label(tr.no_conflicts);
        return;
    }
    ui.add(egui::Label::new(tr.conflicts_intro).wrap());
    ui.horizontal(|ui| {
        if ui.button(tr.take_all_ours).clicked() {
            cx.edits.push(Edit::ResolveAllConflicts(MergeSide::Ours));
        }
        if ui.button(tr.take_all_theirs).clicked() {
            cx.edits.push(Edit::ResolveAllConflicts(MergeSide::Theirs));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("conflicts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, conflict) in plan.conflicts.iter().enumerate() {
                let place = texts::place(conflict, plan, lang);
                ui.horizontal_wrapped(|ui| {
                    let goal = conflict
                        .item
                        .filter(|id| plan.goal_code(*id).is_some() && conflict.entry().is_none());
                    match goal {
                        Some(goal) => {
                            if ui.link(RichText::new(&place).strong()).clicked() {
                                view.panel = Panel::Goals;
                                view.selected_goal = Some(goal);
                            }
                        }
                        None => {
                            ui.label(RichText::new(&place).strong());
                        }
                    }
                    if let Some(note) = texts::kind_note(conflict.kind, lang) {
                        ui.label(RichText::new(format!("({note})")).weak());
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    for (side, word) in [(MergeSide::Ours, tr.ours), (MergeSide::Theirs, tr.theirs)]
                    {
                        let value = texts::value(conflict, conflict.value(side), plan, lang);
                        let kept = conflict.kept == side;
                        let button = egui::Button::new(format!("{value} ({word})")).selected(kept);
                        let mut response =
                            ui.add(button).accessible_name(format!("{place}: {word}"));
                        if let ConflictValue::Text(full) = conflict.value(side)
                            && full.chars().count() > value.chars().count()
                        {
                            response = response.on_hover_text(full);
                        }
                        if kept {
                            response = response.on_hover_text(tr.kept);
                        }
                        if response.clicked() {
                            cx.edits.push(Edit::ResolveConflict(index, side));
                        }
                    }
                    let shows_base =
                        conflict.kind != ConflictKind::Differs && conflict.entry().is_none();
                    if shows_base {
                        let base = texts::value(conflict, &conflict.base, plan, lang);
                        ui.label(RichText::new(format!("{} {base}", tr.base)).weak());
                    }
                });
                ui.add_space(6.0);
            }
        });
}
