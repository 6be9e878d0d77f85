//! The frame of the window: menus, shortcuts, the status bar and the layout of the panels, and
//! the commands they run.

use super::*;

impl PlanApp {
    /// Runs an action that would drop the current plan, asking first when it has unsaved changes.
    pub fn request(&mut self, action: Pending) {
        if self.is_dirty() {
            self.show_dialog(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// The user chose to drop the unsaved changes: their recovery copy goes now, before the
    /// window may close.
    pub(super) fn discard_changes(&mut self) {
        self.autosave.remove_copy(true);
    }

    pub(super) fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => self.replace_document(template_plan(), None, None, true),
            Pending::Open(Some(path)) => self.open_file(&path),
            Pending::Open(None) => {
                if let Some(path) = self.pick_file(PathPurpose::Open) {
                    self.open_file(&path);
                }
            }
            Pending::Quit => self.allow_close = true,
        }
    }

    /// Whether the window may close now.
    pub fn may_close(&self) -> bool {
        self.allow_close || !self.is_dirty()
    }

    /// Whether a command can run now.
    pub fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.open.doc.undo_label(self.prefs.lang).is_some(),
            Command::Redo => self.open.doc.redo_label(self.prefs.lang).is_some(),
            Command::CloseComparison => self.comparison.is_open(),
            Command::CompareWith => !self.comparison.is_full(),
            _ => true,
        }
    }

    /// Runs a command (from a menu, a shortcut or a test).
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        if !self.enabled(command) {
            return;
        }
        match command {
            Command::New => self.request(Pending::New),
            Command::Open => self.request(Pending::Open(None)),
            Command::OpenPath => {
                self.show_dialog(Dialog::Path(PathPurpose::Open, String::new()));
            }
            Command::Save => {
                // What is typed but not in the plan is not saved: say so.
                let invalid = ui::widgets::invalid_cell_count(ctx);
                let typing = ui::widgets::has_pending_typing(ctx);
                if self.save() && (invalid > 0 || typing) {
                    let t = tr(self.prefs.lang);
                    let what = if invalid > 0 {
                        format!("{invalid} {}", t.cells_not_saved)
                    } else {
                        t.typing_not_saved.to_string()
                    };
                    self.set_status(Tone::Error, format!("{} — {what}", t.saved));
                }
            }
            Command::SaveAs => self.save_as(),
            Command::SaveScenario => {
                let dialog = self.save_scenario_dialog();
                self.show_dialog(dialog);
            }
            Command::CompareWith => {
                if let Some(path) = self.pick_file(PathPurpose::Compare) {
                    self.add_comparison(&path);
                }
            }
            Command::CloseComparison => self.close_comparison(),
            Command::ExportXlsx => self.export_xlsx(),
            Command::ExportCsv => self.export_csv(),
            Command::ExportPdf => self.export_pdf(),
            Command::ImportBudget => self.import_budget(),
            Command::Shortcuts => self.show_dialog(Dialog::Shortcuts),
            Command::About => self.show_dialog(Dialog::About),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                ui::widgets::reset_fields(ctx);
                self.undo();
            }
            Command::Redo => {
                ui::widgets::reset_fields(ctx);
                self.redo();
            }
        }
    }

    /// Queues the commands whose shortcut was pressed.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ui::widgets::has_pending_typing(ctx);
        for command in Command::ALL {
            if command.yields_to_typing() && typing {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.queued.push(command);
            }
        }
    }

    /// A menu entry for a command: its label (with `detail`), its shortcut, enabled or not.
    pub(super) fn command_button_ui(
        &mut self,
        ui: &mut Ui,
        command: Command,
        detail: Option<&str>,
    ) {
        let t = tr(self.prefs.lang);
        let label = match detail {
            Some(detail) => format!("{}: {detail}", command.label(t)),
            None => command.label(t).to_string(),
        };
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let mut response = ui.add_enabled(self.enabled(command), button);
        if command.shortcuts().len() > 1 {
            let all: Vec<String> = command
                .shortcuts()
                .iter()
                .map(|s| ui.ctx().format_shortcut(s))
                .collect();
            response = response.on_hover_text(all.join(" / "));
        }
        if response.clicked() {
            self.queued.push(command);
            ui.close();
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut Ui) {
        let t = tr(self.prefs.lang);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                self.command_button_ui(ui, Command::New, None);
                self.command_button_ui(ui, Command::Open, None);
                self.command_button_ui(ui, Command::OpenPath, None);
                ui.menu_button(t.recent, |ui| {
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request(Pending::Open(Some(path)));
                        }
                    }
                });
                self.command_button_ui(ui, Command::CompareWith, None);
                if self.comparison.is_open() {
                    self.command_button_ui(ui, Command::CloseComparison, None);
                }
                ui.separator();
                self.command_button_ui(ui, Command::Save, None);
                self.command_button_ui(ui, Command::SaveAs, None);
                self.command_button_ui(ui, Command::SaveScenario, None);
                ui.separator();
                self.command_button_ui(ui, Command::ExportXlsx, None);
                self.command_button_ui(ui, Command::ExportCsv, None);
                self.command_button_ui(ui, Command::ExportPdf, None);
                self.command_button_ui(ui, Command::ImportBudget, None);
                ui.separator();
                self.command_button_ui(ui, Command::Quit, None);
            });
            ui.menu_button(t.edit, |ui| {
                let lang = self.prefs.lang;
                let undo = self.open.doc.undo_label(lang).map(str::to_string);
                let redo = self.open.doc.redo_label(lang).map(str::to_string);
                self.command_button_ui(
                    ui,
                    Command::Undo,
                    Some(undo.as_deref().unwrap_or(t.nothing)),
                );
                self.command_button_ui(
                    ui,
                    Command::Redo,
                    Some(redo.as_deref().unwrap_or(t.nothing)),
                );
            });
            ui.menu_button(t.view, |ui| {
                ui.label(t.language);
                for lang in [Lang::Nl, Lang::En] {
                    ui.radio_value(&mut self.prefs.lang, lang, lang.name());
                }
                ui.separator();
                ui.checkbox(&mut self.prefs.charts_beside, t.charts_beside);
                ui.separator();
                ui.label(t.theme);
                ui.radio_value(&mut self.prefs.theme, Theme::System, t.theme_system);
                ui.radio_value(&mut self.prefs.theme, Theme::Light, t.theme_light);
                ui.radio_value(&mut self.prefs.theme, Theme::Dark, t.theme_dark);
            });
            ui.menu_button(t.help, |ui| {
                self.command_button_ui(ui, Command::Shortcuts, None);
                self.command_button_ui(ui, Command::About, None);
            });
        });
    }

    pub(super) fn status_bar_ui(&self, ui: &mut Ui) {
        let t = tr(self.prefs.lang);
        ui.horizontal(|ui| {
            let state = if self.is_dirty() { t.unsaved } else { t.saved };
            let path = self
                .open
                .path
                .as_ref()
                .map_or_else(|| t.untitled.to_string(), |p| p.display().to_string());
            ui.label(format!("{path} — {state}"));
            if !self.status.text.is_empty() {
                ui.separator();
                let text = egui::RichText::new(&self.status.text);
                let text = match self.status.tone {
                    Tone::Info => text,
                    Tone::Success => text.color(ui::palette::SUCCESS),
                    Tone::Error => text.color(ui::palette::ERROR),
                };
                ui.add(egui::Label::new(text).wrap());
            }
        });
    }

    /// The whole window: menu, tabs, goal tree, panel, charts, status bar, dialogs.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.open.doc.name_new_items_in(self.prefs.lang);
        self.frame_time = Duration::from_secs_f64(ctx.input(|i| i.time).max(0.0));
        ui::set_lang(&ctx, self.prefs.lang);
        if ctx.options(|o| o.theme_preference) != self.prefs.theme.preference() {
            ctx.set_theme(self.prefs.theme.preference());
        }
        self.shortcuts(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.show_dialog(Dialog::Unsaved(Pending::Quit));
        }
        if self.allow_close && self.dialog.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        let t = tr(self.prefs.lang);
        let mut edits = Vec::new();
        let charts_possible = self.prefs.charts_beside
            && !matches!(
                self.view.panel,
                Panel::Charts | Panel::Compare | Panel::Conflicts
            );
        // Charts beside the panel only when the panel keeps the room it needs; otherwise they
        // give way to a toggle (a laptop screen).
        let room_for_charts = ui.available_width() - TREE_WIDTH - CHARTS_WIDTH
            >= self.view.panel.min_width(self.open.summary.years.len());
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            ui.horizontal(|ui| {
                for panel in Panel::ALL {
                    if panel == Panel::Compare && !self.comparison.is_open() {
                        continue;
                    }
                    let conflicts = self.open.doc.plan().conflicts.len();
                    if panel == Panel::Conflicts && conflicts == 0 {
                        continue;
                    }
                    let mut name = panel.name(t).to_string();
                    if panel == Panel::Warnings && !self.open.summary.warnings.is_empty() {
                        name = format!("{name} ({})", self.open.summary.warnings.len());
                    }
                    if panel == Panel::Conflicts && conflicts > 0 {
                        name = format!("{name} ({conflicts})");
                    }
                    ui.selectable_value(&mut self.view.panel, panel, name)
                        .on_hover_text(panel.tooltip(t));
                }
                if charts_possible && !room_for_charts {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let text = if self.view.charts_forced {
                            t.hide_charts
                        } else {
                            t.show_charts
                        };
                        if ui
                            .selectable_label(self.view.charts_forced, text)
                            .on_hover_text(t.charts_toggle_tip)
                            .clicked()
                        {
                            self.view.charts_forced = !self.view.charts_forced;
                        }
                    });
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        if self.view.panel == Panel::Compare && !self.comparison.is_open() {
            self.view.panel = Panel::Goals;
        }
        if self.view.panel == Panel::Conflicts && self.open.doc.plan().conflicts.is_empty() {
            self.view.panel = Panel::Goals;
        }
        self.comparison();
        let compare_view = self.comparison.take_view();
        let mut compare_request = None;
        let plan = self.open.doc.plan();
        let summary = &self.open.summary;
        let charts = &self.open.charts;
        egui::Panel::left("goal-tree")
            .resizable(true)
            .default_size(TREE_WIDTH)
            .show(ui, |ui| {
                let mut cx = PanelCtx {
                    plan,
                    summary,
                    tr: t,
                    edits: &mut edits,
                };
                ui::goals_ui::tree_ui(ui, &mut cx, &mut self.view);
            });
        if charts_possible && (room_for_charts || self.view.charts_forced) {
            egui::Panel::right("charts")
                .resizable(true)
                .default_size(CHARTS_WIDTH)
                .show(ui, |ui| {
                    ui::charts_ui::charts_ui(ui, charts, t);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = PanelCtx {
                plan,
                summary,
                tr: t,
                edits: &mut edits,
            };
            match self.view.panel {
                Panel::Plan => ui::plan_ui::plan_ui(ui, &mut cx),
                Panel::Goals => ui::goals_ui::goal_ui(ui, &mut cx, &mut self.view),
                Panel::Timing => ui::timing_ui::timing_ui(ui, &mut cx, &self.view),
                Panel::Staffing => ui::staffing_ui::staffing_ui(ui, &mut cx, &self.view),
                Panel::Budget => ui::budget_ui::budget_ui(ui, &mut cx, &self.view),
                Panel::Actuals => ui::actuals_ui::actuals_ui(ui, &mut cx, &mut self.view),
                Panel::Charts => ui::charts_ui::charts_ui(ui, charts, t),
                Panel::Warnings => {
                    ui::warnings_ui::warnings_ui(ui, &mut cx, &mut self.view, self.prefs.lang)
                }
                Panel::Conflicts => {
                    ui::conflicts_ui::conflicts_ui(ui, &mut cx, &mut self.view, self.prefs.lang)
                }
                Panel::Compare => {
                    if let Some(view) = &compare_view {
                        compare_request = ui::compare_ui::compare_ui(ui, view, self.prefs.lang);
                    }
                }
            }
        });
        self.comparison.put_view(compare_view);
        if let Some(request) = compare_request {
            self.compare_request(request);
        }
        self.dialog_ui(ui);
        if self.dialog.is_none() {
            self.dialog = self.dialog_queue.pop_front();
        }
        if !edits.is_empty() {
            self.apply(edits);
        }
        for command in std::mem::take(&mut self.queued) {
            self.run(command, &ctx);
        }
        self.autosave_tick(&ctx);
        self.prefs.panel = self.view.panel;
    }
}
