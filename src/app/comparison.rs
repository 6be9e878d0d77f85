//! The scenario files compared with the open plan (read-only), and the comparison view computed
//! from them once per change of the open plan, the base or the files.

use super::*;
use crate::compare::Scenario;
use crate::model::Plan;
use crate::ui::compare_ui::CompareView;
use std::path::{Path, PathBuf};

/// At most this many plans side by side (the open one included).
pub const MAX_SCENARIOS: usize = 4;

#[derive(Default)]
pub struct Comparison {
    /// Other scenario files (read-only).
    pub files: Vec<(PathBuf, Plan)>,
    pub base: usize,
    view: Option<CompareView>,
    /// (revision of the open plan, base, number of files) the view was computed for.
    key: Option<(u64, usize, usize)>,
}

/// What the user calls a file: its name without extension.
fn file_label(path: Option<&Path>) -> String {
    path.and_then(|p| p.file_stem())
        .map_or_else(|| "plan".to_string(), |s| s.to_string_lossy().into_owned())
}

impl Comparison {
    pub fn is_open(&self) -> bool {
        !self.files.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.files.len() + 1 >= MAX_SCENARIOS
    }

    pub fn add(&mut self, path: &Path, plan: Plan) {
        self.files.push((path.to_path_buf(), plan));
    }

    pub fn close(&mut self) {
        *self = Comparison::default();
    }

    /// The view for the open plan at `revision`, recomputed only when something changed.
    pub fn view(
        &mut self,
        open_plan: &Plan,
        open_path: Option<&Path>,
        revision: u64,
    ) -> Option<&CompareView> {
        if self.files.is_empty() {
            return None;
        }
        let key = (revision, self.base, self.files.len());
        if self.key != Some(key) || self.view.is_none() {
            let mut scenarios = vec![Scenario::new(file_label(open_path), open_plan.clone())];
            for (path, plan) in &self.files {
                scenarios.push(Scenario::new(file_label(Some(path)), plan.clone()));
            }
            // Two scenarios with the same name are told apart by their position.
            for i in 1..scenarios.len() {
                if scenarios[..i].iter().any(|s| s.name == scenarios[i].name) {
                    scenarios[i].name = format!("{} ({})", scenarios[i].name, i + 1);
                }
            }
            self.view = Some(CompareView::new(scenarios, self.base));
            self.key = Some(key);
        }
        self.view.as_ref()
    }

    /// The view as last computed (for the frame; [`Comparison::view`] keeps it fresh).
    pub fn take_view(&mut self) -> Option<CompareView> {
        self.view.take()
    }

    pub fn put_view(&mut self, view: Option<CompareView>) {
        self.view = view;
    }
}

// The requests of the comparison view, and making a compared scenario the editable one.
impl super::PlanApp {
    /// Adds a scenario file to the comparison (2 to 4 plans in all) and shows it.
    pub fn add_comparison(&mut self, path: &Path) {
        if self.comparison.is_full() {
            self.set_status(
                Tone::Error,
                format!(
                    "er kunnen hoogstens {} plannen vergeleken worden",
                    comparison::MAX_SCENARIOS
                ),
            );
            return;
        }
        match store::load(path) {
            Ok(plan) => {
                self.comparison.add(path, plan);
                self.view.panel = Panel::Compare;
                self.status = Status::default();
            }
            Err(e) => self.cannot_open(path, &e),
        }
    }

    pub fn close_comparison(&mut self) {
        self.comparison.close();
        if self.view.panel == Panel::Compare {
            self.view.panel = Panel::Goals;
        }
    }

    /// The comparison as shown, recomputed when the open plan, the base or the files change.
    pub fn comparison(&mut self) -> Option<&CompareView> {
        let revision = self.open.doc.revision();
        self.comparison
            .view(self.open.doc.plan(), self.open.path.as_deref(), revision)
    }

    pub fn set_compare_base(&mut self, base: usize) {
        self.comparison.base = base;
    }

    /// The "save as scenario" question, with a name and a file next to the current one.
    pub fn save_scenario_dialog(&self) -> Dialog {
        let name = format!("{} (variant)", self.plan().meta.scenario)
            .trim()
            .to_string();
        let path = match &self.open.path {
            Some(p) => {
                let stem = p.file_stem().unwrap_or_default().to_string_lossy();
                p.with_file_name(format!("{stem}-variant.ron"))
                    .display()
                    .to_string()
            }
            None => "scenario.ron".to_string(),
        };
        Dialog::SaveScenario(name, path)
    }

    /// Saves a copy of the plan under a new scenario name in a new file, and goes on with it.
    pub fn save_scenario(&mut self, name: &str, path: &Path) {
        self.apply(vec![Edit::SetText(
            crate::edit::TextField::Scenario,
            name.to_string(),
        )]);
        self.save_as_to(path, true);
    }

    /// Carries out what the user asked for in the comparison view.
    pub fn compare_request(&mut self, request: ui::compare_ui::CompareRequest) {
        use ui::compare_ui::CompareRequest;
        match request {
            CompareRequest::SetBase(base) => self.set_compare_base(base),
            CompareRequest::MakeEditable(scenario) => {
                // Scenario 0 is the open plan; the files follow it.
                if let Some((path, _)) = scenario
                    .checked_sub(1)
                    .and_then(|i| self.comparison.files.get(i))
                {
                    // Asks about unsaved changes first; `open_file` then swaps the files.
                    self.request(Pending::Open(Some(path.clone())));
                }
            }
        }
    }

    /// After `opened` (a compared file) was opened in the editor: the file open before takes its
    /// place in the comparison, read-only, as saved on disk; the base stays the same plan.
    pub(super) fn swap_into_comparison(&mut self, previous: Option<&Path>, opened: &Path) {
        let Some(i) = self.comparison.files.iter().position(|(p, _)| p == opened) else {
            return;
        };
        let previous = previous
            .filter(|p| *p != opened)
            .and_then(|p| store::load(p).ok().map(|plan| (p.to_path_buf(), plan)));
        // Positions in the view: 0 the open plan, then the files.
        let (base, opened_at) = (self.comparison.base, i + 1);
        self.comparison.base = match previous {
            Some(entry) => {
                self.comparison.files[i] = entry;
                match base {
                    b if b == opened_at => 0,
                    0 => opened_at,
                    b => b,
                }
            }
            None => {
                self.comparison.files.remove(i);
                match base {
                    b if b == opened_at || b == 0 => 0,
                    b if b > opened_at => b - 1,
                    b => b,
                }
            }
        };
        if self.comparison.files.is_empty() {
            self.close_comparison();
        }
        // The plans changed while the revision may be the same: compute the view anew.
        self.comparison.put_view(None);
    }
}
