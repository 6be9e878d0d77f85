//! *Bestand → Jaarverslag (PDF)…*: which report (the jaarverslag of one realised year, by
//! default the latest, or the progress report over the realised years), in PDF or XLSX; then the
//! file, as the other exports ask for it (the platform's dialog, or a path typed in the window;
//! an existing file only after asking). The report comes from [`crate::calc::report`], its pages
//! and sheets from [`crate::exchange`].

use super::exchange::ExchangeKind;
use super::{Dialog, PathPurpose, PlanApp};
use crate::calc::report::{Report, ReportKind, realised_years};
use crate::i18n::Tr;
use crate::ui::Panel;
use egui::Ui;
use std::path::{Path, PathBuf};

/// What the report dialog asks: which report, of which year, in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportChoice {
    pub kind: ReportKind,
    /// The realised year of a yearly report.
    pub year: i32,
    /// An XLSX workbook (the report's sheets) instead of a PDF.
    pub xlsx: bool,
}

impl PlanApp {
    /// Asks which report to make: the latest realised year by default.
    pub(super) fn year_report(&mut self) {
        let year = realised_years(&self.open.summary)
            .last()
            .copied()
            .unwrap_or(self.plan().meta.first_year);
        self.show_dialog(Dialog::YearReport(ReportChoice {
            kind: ReportKind::Year,
            year,
            xlsx: false,
        }));
    }

    /// The report dialog; `true` when it closes.
    pub(super) fn year_report_ui(&mut self, ui: &mut Ui, t: &Tr, shown: ReportChoice) -> bool {
        let a = &t.act;
        ui.heading(a.report_title);
        let years = realised_years(&self.open.summary);
        if years.is_empty() {
            ui.add(egui::Label::new(a.report_none).wrap());
            let mut close = false;
            ui.horizontal(|ui| {
                if ui.button(a.report_to_panel).clicked() {
                    self.view.panel = Panel::Actuals;
                    close = true;
                }
                if ui.button(t.close).clicked() {
                    close = true;
                }
            });
            return close;
        }
        let mut choice = shown;
        ui.radio_value(&mut choice.kind, ReportKind::Year, a.report_year_kind);
        ui.add_enabled_ui(choice.kind == ReportKind::Year, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.label(a.year);
                egui::ComboBox::from_id_salt("report-year")
                    .selected_text(choice.year.to_string())
                    .show_ui(ui, |ui| {
                        for year in &years {
                            ui.selectable_value(&mut choice.year, *year, year.to_string())
                                .accessible_name(format!("{} {year}", a.report_year));
                        }
                    })
                    .response
                    .accessible_name(a.report_year);
            });
        });
        ui.radio_value(
            &mut choice.kind,
            ReportKind::Progress,
            a.report_progress_kind,
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(a.report_format);
            ui.radio_value(&mut choice.xlsx, false, "PDF");
            ui.radio_value(&mut choice.xlsx, true, "Excel (XLSX)");
        });
        if choice != shown {
            self.dialog = Some(Dialog::YearReport(choice));
        }
        ui.add_space(6.0);
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button(a.report_next).clicked() {
                close = true;
                self.dialog = None;
                self.ask_report_path(choice);
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        close
    }

    /// Asks where to write the report, proposing `plan-jaarverslag-2021.pdf` next to the plan.
    fn ask_report_path(&mut self, choice: ReportChoice) {
        let r = crate::i18n::report_tr(self.prefs.lang);
        let years = match choice.kind {
            ReportKind::Year => vec![choice.year],
            ReportKind::Progress => realised_years(&self.open.summary),
        };
        let title = r
            .title(choice.kind, &years)
            .to_lowercase()
            .replace(' ', "-");
        let extension = if choice.xlsx { "xlsx" } else { "pdf" };
        let proposal = self.export_proposal(&format!("-{title}.{extension}"));
        let kind = ExchangeKind::Report(choice);
        if self.native_dialogs {
            let filter = if choice.xlsx { "Excel" } else { "PDF" };
            let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
            if let Some(dir) = proposal.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = proposal.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(path) = dialog.save_file() {
                self.write_export(kind, &path, true);
                return;
            }
        }
        self.show_dialog(Dialog::Path(
            PathPurpose::Exchange(kind),
            proposal.display().to_string(),
        ));
    }

    /// The report's file: (path, bytes), from the open plan and its cached figures; nothing when
    /// it cannot be made.
    pub(super) fn report_output(
        &self,
        choice: ReportChoice,
        path: &Path,
    ) -> Vec<(PathBuf, Vec<u8>)> {
        let lang = self.prefs.lang;
        let year = (choice.kind == ReportKind::Year).then_some(choice.year);
        let Ok(report) = Report::build(self.plan(), &self.open.summary, choice.kind, year) else {
            return Vec::new();
        };
        let bytes = if choice.xlsx {
            let tables = crate::exchange::tables::report_tables(&report, lang);
            crate::exchange::xlsx::write_xlsx(&tables, &self.plan().meta, lang)
        } else {
            let today = crate::store::recovery::format_unix(crate::store::recovery::now_unix());
            crate::exchange::pdf::year_report::write_report_pdf(
                self.plan(),
                &report,
                lang,
                today.get(..10).unwrap_or(&today),
            )
        };
        match bytes {
            Ok(bytes) => vec![(path.to_path_buf(), bytes)],
            Err(_) => Vec::new(),
        }
    }
}
