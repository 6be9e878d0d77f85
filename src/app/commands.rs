//! Every command of the window, declared once with its label (both languages) and shortcut. Menus,
//! shortcuts and tooltips are drawn from this list; a command is queued during the frame and run
//! in one place ([`super::PlanApp::run`]).

use crate::i18n::Tr;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    OpenPath,
    Save,
    SaveAs,
    SaveScenario,
    CompareWith,
    CloseComparison,
    ExportXlsx,
    ExportCsv,
    ExportPdf,
    YearReport,
    ImportBudget,
    ImportPlanText,
    NewPeriod,
    Quit,
    Undo,
    Redo,
    Shortcuts,
    About,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

impl Command {
    /// In the order the shortcuts are checked: those with more modifiers first, so Ctrl+Shift+S
    /// is never taken for Ctrl+S.
    pub const ALL: [Command; 20] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::OpenPath,
        Command::Save,
        Command::SaveScenario,
        Command::CompareWith,
        Command::CloseComparison,
        Command::ExportXlsx,
        Command::ExportCsv,
        Command::ExportPdf,
        Command::YearReport,
        Command::ImportBudget,
        Command::ImportPlanText,
        Command::NewPeriod,
        Command::Quit,
        Command::Undo,
        Command::Shortcuts,
        Command::About,
    ];

    pub fn label(self, tr: &Tr) -> &'static str {
        match self {
            Command::New => tr.new,
            Command::Open => tr.open,
            Command::OpenPath => tr.open_path,
            Command::Save => tr.save,
            Command::SaveAs => tr.save_as,
            Command::SaveScenario => tr.save_scenario,
            Command::CompareWith => tr.compare_with,
            Command::CloseComparison => tr.close_compare,
            Command::ExportXlsx => tr.export_xlsx,
            Command::ExportCsv => tr.export_csv,
            Command::ExportPdf => tr.export_pdf,
            Command::YearReport => tr.act.report_command,
            Command::ImportBudget => tr.import_budget,
            Command::ImportPlanText => tr.import_plan_text,
            Command::NewPeriod => tr.new_period,
            Command::Quit => tr.quit,
            Command::Undo => tr.undo,
            Command::Redo => tr.redo,
            Command::Shortcuts => tr.shortcuts,
            Command::About => tr.about,
        }
    }

    /// The shortcuts of the command; the first is the one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        match self {
            Command::New => &NEW,
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::Quit => &QUIT,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::OpenPath
            | Command::SaveScenario
            | Command::CompareWith
            | Command::CloseComparison
            | Command::ExportXlsx
            | Command::ExportCsv
            | Command::ExportPdf
            | Command::YearReport
            | Command::ImportBudget
            | Command::ImportPlanText
            | Command::NewPeriod
            | Command::Shortcuts
            | Command::About => &[],
        }
    }

    /// Undo and redo belong to a text field while it holds uncommitted typing.
    pub fn yields_to_typing(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_with_a_label_in_both_languages() {
        for (i, command) in Command::ALL.iter().enumerate() {
            assert!(!Command::ALL[..i].contains(command), "{command:?} twice");
            for tr in [&crate::i18n::NL, &crate::i18n::EN] {
                assert!(!command.label(tr).is_empty());
            }
        }
        // A shortcut belongs to one command only.
        let all: Vec<_> = Command::ALL.iter().flat_map(|c| c.shortcuts()).collect();
        for (i, s) in all.iter().enumerate() {
            assert!(!all[..i].contains(s), "{s:?} twice");
        }
    }
}
