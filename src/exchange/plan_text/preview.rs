//! The preview of a plan read from a document, and what it makes: one edit that adds it to
//! the open plan, or a new plan.

use super::{ReadDocument, TextKind};
use crate::edit::{
    Edit, GoalsImport, ImportedActivity, ImportedGoal, ImportedOperational, apply_to,
    imported_codes,
};
use crate::exchange::{Preview, Refusal};
use crate::i18n::{Lang, plan_text as texts};
use crate::model::Plan;

/// A document read, ready to be shown and brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTextPreview {
    pub document: ReadDocument,
    /// The file's name, as the preview names the source.
    pub source_name: String,
    /// The language of the names the import gives (the text before the first heading, the
    /// mission as a section).
    pub lang: Lang,
}

impl PlanTextPreview {
    pub fn new(document: ReadDocument, source_name: impl Into<String>, lang: Lang) -> Self {
        PlanTextPreview {
            document,
            source_name: source_name.into(),
            lang,
        }
    }

    /// Whether source positions are paragraphs (.docx, .odt) rather than lines.
    pub fn counts_paragraphs(&self) -> bool {
        matches!(self.document.kind, TextKind::Docx | TextKind::Odt)
    }

    /// What the edit brings in.
    pub fn import(&self) -> GoalsImport {
        let draft = &self.document.draft;
        let texts_of = |list: &[super::DraftIndicator]| -> Vec<String> {
            list.iter().map(|i| i.text.clone()).collect()
        };
        GoalsImport {
            goals: draft
                .goals
                .iter()
                .map(|g| ImportedGoal {
                    internal: g.internal,
                    number: g.number,
                    title: g.title.clone(),
                    description: g.description.clone(),
                    indicators: texts_of(&g.indicators),
                    operational: g
                        .operational
                        .iter()
                        .map(|o| ImportedOperational {
                            number: o.number,
                            title: o.title.clone(),
                            situering: o.situering.clone(),
                            werking: o.werking.clone(),
                            indicators: texts_of(&o.indicators),
                            activities: o
                                .activities
                                .iter()
                                .map(|a| ImportedActivity {
                                    kind: a.kind.clone(),
                                    description: a.description.clone(),
                                    years: a.years,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            general_indicators: texts_of(&draft.general_indicators),
            mission: draft
                .mission
                .as_ref()
                .map(|m| (texts::mission_title(self.lang).to_string(), m.text.clone())),
            sections: draft
                .sections
                .iter()
                .map(|s| {
                    let title = s
                        .title
                        .clone()
                        .unwrap_or_else(|| texts::untitled_section(self.lang).to_string());
                    (title, s.text.clone())
                })
                .collect(),
            default_kind: texts::default_kind(self.lang).to_string(),
        }
    }

    /// The codes the goals get when added to `plan` (renumbered when the plan has them).
    pub fn codes_in(&self, plan: &Plan) -> Vec<(String, Vec<String>)> {
        imported_codes(plan, &self.import())
    }

    /// Whether adding to `plan` gives the strategic goals other numbers than the document's.
    pub fn renumbers_in(&self, plan: &Plan) -> bool {
        let draft = &self.document.draft;
        self.codes_in(plan)
            .iter()
            .zip(&draft.goals)
            .any(|((code, _), goal)| *code != goal.code())
    }

    /// A new plan from `base` (the plan *Nieuw plan* starts from): the document's period (the
    /// title's years follow) and code style, then everything the document brings.
    /// Refused (with the reason) when the base has no salary profile for the operational goals.
    pub fn new_plan(&self, mut base: Plan) -> Result<Plan, crate::edit::EditError> {
        let draft = &self.document.draft;
        if let Some((first, last)) = draft.period {
            let old = (base.meta.first_year, base.meta.last_year);
            base.meta.title = crate::period::retitle(&base.meta.title, old, (first, last));
            base.meta.first_year = first;
            base.meta.last_year = last;
            strip_values(&mut base);
        }
        base.meta.code_style = draft.style;
        apply_to(&mut base, &Edit::AddDraft(self.import()))?;
        Ok(base)
    }
}

/// Values per year of the base plan outside its new period are dropped (the template has none).
fn strip_values(plan: &mut Plan) {
    let years = plan.years();
    let keep = |y: &mut crate::model::Yearly| y.0.retain(|year, _| years.contains(year));
    keep(&mut plan.available_fte);
    for profile in &mut plan.salary_profiles {
        if let crate::model::Amounts::PerYear(values) = &mut profile.cost_per_fte {
            keep(values);
        }
    }
    for line in plan.overhead.iter_mut().chain(plan.income.iter_mut()) {
        if let crate::model::Amounts::PerYear(values) = &mut line.amounts {
            keep(values);
        }
    }
}

impl Preview for PlanTextPreview {
    fn describe(&self, lang: Lang) -> String {
        texts::describe(self, lang)
    }

    /// A document is never refused: what is not recognised stays as text in its section.
    fn refusal(&self) -> Option<Refusal> {
        None
    }

    fn edit(&self) -> Edit {
        Edit::AddDraft(self.import())
    }
}
