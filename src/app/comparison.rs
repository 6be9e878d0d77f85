//! The scenario files compared with the open plan (read-only), and the comparison view computed
//! from them once per change of the open plan, the base or the files.

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
