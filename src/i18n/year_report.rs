//! The texts of the yearly report (jaarverslag) and the progress report (voortgangsrapport), in
//! the PDF, the XLSX and on the command line: titles, chapters, column headers, the funder's
//! verdict words and activity statuses, and the sentences made of structured values.

use super::{Lang, TableText, fill};
use crate::calc::report::{ReportKind, ReportVerdict, VerdictCounts};
use crate::model::{ActivityStatus, Comparator, Target};

pub struct YearReportTexts {
    pub annual_report: &'static str,
    pub progress_report: &'static str,
    pub plan_period: &'static str,
    pub realised_years: &'static str,
    // Chapters
    pub summary: &'static str,
    pub key_figures: &'static str,
    pub indicators_heading: &'static str,
    pub activities_heading: &'static str,
    pub goals: &'static str,
    pub general_indicators: &'static str,
    pub money: &'static str,
    pub money_by_goal: &'static str,
    pub reserves: &'static str,
    pub staff: &'static str,
    pub fte_by_goal: &'static str,
    pub fte_by_function: &'static str,
    pub no_fte_by_goal: &'static str,
    pub output: &'static str,
    pub no_output: &'static str,
    pub charts: &'static str,
    pub means: &'static str,
    pub explanations: &'static str,
    /// `{0}`: the threshold in percent.
    pub threshold_note: &'static str,
    /// `{0}`: the threshold in percent (the progress report, without explanations).
    pub threshold_note_progress: &'static str,
    // Columns
    pub figure: &'static str,
    pub planned: &'static str,
    pub realised: &'static str,
    pub difference: &'static str,
    pub difference_percent: &'static str,
    pub explanation: &'static str,
    pub goal: &'static str,
    pub indicator: &'static str,
    pub target: &'static str,
    pub verdict: &'static str,
    pub remaining: &'static str,
    pub activity: &'static str,
    pub years: &'static str,
    pub status: &'static str,
    pub replaced_by: &'static str,
    pub note: &'static str,
    pub function: &'static str,
    pub planned_as: &'static str,
    pub payroll: &'static str,
    pub available: &'static str,
    pub output_figure: &'static str,
    pub target_group: &'static str,
    pub value: &'static str,
    pub of_total: &'static str,
    pub percent: &'static str,
    pub planned_to_date: &'static str,
    pub realised_to_date: &'static str,
    pub planned_rest: &'static str,
    pub period_planned: &'static str,
    pub period_expected: &'static str,
    pub no_value: &'static str,
    pub over_period: &'static str,
    pub in_year: &'static str,
    pub fte_unit: &'static str,
    pub euro_unit: &'static str,
    // Verdicts
    pub met: &'static str,
    pub not_met: &'static str,
    pub on_track: &'static str,
    pub no_data: &'static str,
    pub no_target: &'static str,
    // Activity statuses
    pub done: &'static str,
    pub ongoing: &'static str,
    pub postponed: &'static str,
    pub replaced: &'static str,
    pub dropped: &'static str,
    pub no_status: &'static str,
    pub added: &'static str,
    pub upcoming: &'static str,
    pub no_activities: &'static str,
    // Charts
    pub chart_money: &'static str,
    pub chart_operating: &'static str,
    pub chart_fte_goals: &'static str,
    pub chart_costs_years: &'static str,
    pub chart_income_years: &'static str,
    pub chart_fte_years: &'static str,
    pub planned_series: &'static str,
    pub realised_series: &'static str,
    pub personnel: &'static str,
    pub operating: &'static str,
    pub overhead: &'static str,
    pub cost_total: &'static str,
    pub income_total: &'static str,
    // Sentences: indicators and activities on the summary page
    /// `{0}` indicators: `{1}`.
    pub indicators_sentence: &'static str,
    /// `{0}` planned activities: `{1}`.
    pub activities_sentence: &'static str,
    // Sheets
    pub sheet_key_figures: TableText,
    pub sheet_indicators: TableText,
    pub sheet_activities: TableText,
    pub sheet_money: TableText,
    pub sheet_fte: TableText,
    pub sheet_staff: TableText,
    pub sheet_output: TableText,
    // Command line
    /// `{0}`: the realised years.
    pub year_needed: &'static str,
    /// `{0}`: the year asked, `{1}`: the realised years.
    pub not_realised: &'static str,
    pub none_realised: &'static str,
    pub year_without_report: &'static str,
    pub written: &'static str,
    /// `{0}`: what replaced an activity.
    pub replaced_by_note: &'static str,
    /// `{0}`: the number of unplanned activities.
    pub added_sentence: &'static str,
    pub rest_of_period: &'static str,
    pub period_expected_short: &'static str,
}

pub const YEAR_REPORT_NL: YearReportTexts = YearReportTexts {
    annual_report: "Jaarverslag",
    progress_report: "Voortgangsrapport",
    plan_period: "Beleidsplan",
    realised_years: "Gerealiseerde jaren",
    summary: "Samenvatting",
    key_figures: "Kerncijfers",
    indicators_heading: "Indicatoren",
    activities_heading: "Activiteiten",
    goals: "Doelen: indicatoren en activiteiten",
    general_indicators: "Algemene indicatoren",
    money: "Middelen: kosten, inkomsten en reserves",
    money_by_goal: "Kosten, inkomsten en resultaat",
    reserves: "Reserves op het einde van het jaar",
    staff: "Personeel",
    fte_by_goal: "VTE per doel",
    fte_by_function: "VTE per functie",
    no_fte_by_goal: "Het jaarverslag geeft de inzet niet per doel: vul VTE per doel in bij Plan en realisatie.",
    output: "Kengetallen (output)",
    no_output: "Geen kengetallen ingevuld.",
    charts: "Grafieken: plan en realisatie",
    means: "Inzet en middelen",
    explanations: "Toelichtingen",
    threshold_note: "Verschillen van minstens {0} % van het geplande cijfer zijn vet gedrukt; de toelichtingen staan onder de tabel.",
    threshold_note_progress: "Verschillen van minstens {0} % van het geplande cijfer zijn vet gedrukt; de jaarverslagen lichten ze toe.",
    figure: "Cijfer",
    planned: "Gepland",
    realised: "Gerealiseerd",
    difference: "Verschil",
    difference_percent: "Verschil %",
    explanation: "Toelichting",
    goal: "Doel",
    indicator: "Indicator",
    target: "Streefwaarde",
    verdict: "Oordeel",
    remaining: "Nog te gaan",
    activity: "Activiteit",
    years: "Looptijd",
    status: "Status",
    replaced_by: "Vervangen door",
    note: "Toelichting",
    function: "Functie",
    planned_as: "Gepland als",
    payroll: "Loonlijst",
    available: "Beschikbaar",
    output_figure: "Kengetal",
    target_group: "Doelgroep",
    value: "Waarde",
    of_total: "van totaal",
    percent: "%",
    planned_to_date: "Gepland tot nu",
    realised_to_date: "Gerealiseerd tot nu",
    planned_rest: "Gepland rest",
    period_planned: "Plan periode",
    period_expected: "Verwacht periode",
    no_value: "—",
    over_period: "over de periode",
    in_year: "in",
    fte_unit: "VTE",
    euro_unit: "euro",
    met: "gehaald",
    not_met: "niet gehaald",
    on_track: "op koers",
    no_data: "geen gegevens",
    no_target: "geen streefwaarde",
    done: "uitgevoerd",
    ongoing: "bezig",
    postponed: "uitgesteld",
    replaced: "vervangen",
    dropped: "geschrapt",
    no_status: "geen status",
    added: "niet gepland, toegevoegd",
    upcoming: "nog te doen",
    no_activities: "Geen activiteiten gepland voor deze periode.",
    chart_money: "Kosten en inkomsten: gepland en gerealiseerd",
    chart_operating: "Werkingskosten per strategisch doel",
    chart_fte_goals: "VTE per strategisch doel",
    chart_costs_years: "Kosten per jaar: gepland en gerealiseerd",
    chart_income_years: "Inkomsten per jaar: gepland en gerealiseerd",
    chart_fte_years: "VTE op de loonlijst per jaar: gepland en gerealiseerd",
    planned_series: "gepland",
    realised_series: "gerealiseerd",
    personnel: "Personeel",
    operating: "Werking",
    overhead: "Overhead",
    cost_total: "Kosten",
    income_total: "Inkomsten",
    indicators_sentence: "{0} indicatoren: {1}.",
    activities_sentence: "{0} geplande activiteiten: {1}.",
    sheet_key_figures: TableText {
        name: "Kerncijfers",
        title: "Kerncijfers: gepland en gerealiseerd",
    },
    sheet_indicators: TableText {
        name: "Indicatoren",
        title: "Indicatoren: streefwaarde, realisatie en oordeel",
    },
    sheet_activities: TableText {
        name: "Activiteiten",
        title: "Geplande activiteiten en wat ervan werd",
    },
    sheet_money: TableText {
        name: "Middelen",
        title: "Kosten, inkomsten, resultaat en reserves",
    },
    sheet_fte: TableText {
        name: "VTE",
        title: "VTE: gepland en gerealiseerd, in totaal en per doel",
    },
    sheet_staff: TableText {
        name: "VTE per functie",
        title: "Gerealiseerde VTE per functie",
    },
    sheet_output: TableText {
        name: "Kengetallen",
        title: "Kengetallen (output)",
    },
    year_needed: "--report year heeft --year nodig (gerealiseerde jaren: {0})",
    not_realised: "{0} is geen gerealiseerd jaar van dit plan (gerealiseerde jaren: {1}); vul de realisatie in bij Plan en realisatie",
    none_realised: "dit plan heeft nog geen gerealiseerde jaren; vul de realisatie van een jaar in bij Plan en realisatie",
    year_without_report: "--year hoort bij --report year",
    written: "geschreven",
    replaced_by_note: "Vervangen door: {0}.",
    added_sentence: "Daarnaast niet gepland en toegevoegd: {0}.",
    rest_of_period: "De rest van de periode",
    period_expected_short: "Verwacht",
};

pub const YEAR_REPORT_EN: YearReportTexts = YearReportTexts {
    annual_report: "Annual report",
    progress_report: "Progress report",
    plan_period: "Policy plan",
    realised_years: "Realised years",
    summary: "Summary",
    key_figures: "Key figures",
    indicators_heading: "Indicators",
    activities_heading: "Activities",
    goals: "Goals: indicators and activities",
    general_indicators: "General indicators",
    money: "Money: costs, income and reserves",
    money_by_goal: "Costs, income and result",
    reserves: "Reserves at the end of the year",
    staff: "Staff",
    fte_by_goal: "FTE per goal",
    fte_by_function: "FTE per function",
    no_fte_by_goal: "The annual report does not give the staffing per goal: enter FTE per goal under Plan and actuals.",
    output: "Output figures",
    no_output: "No output figures entered.",
    charts: "Charts: plan and actuals",
    means: "Staff and means",
    explanations: "Explanations",
    threshold_note: "Differences of at least {0} % of the planned figure are in bold; the explanations follow the table.",
    threshold_note_progress: "Differences of at least {0} % of the planned figure are in bold; the annual reports explain them.",
    figure: "Figure",
    planned: "Planned",
    realised: "Actual",
    difference: "Difference",
    difference_percent: "Difference %",
    explanation: "Explanation",
    goal: "Goal",
    indicator: "Indicator",
    target: "Target",
    verdict: "Verdict",
    remaining: "Remaining",
    activity: "Activity",
    years: "Years",
    status: "Status",
    replaced_by: "Replaced by",
    note: "Explanation",
    function: "Function",
    planned_as: "Planned as",
    payroll: "Payroll",
    available: "Available",
    output_figure: "Output figure",
    target_group: "Target group",
    value: "Value",
    of_total: "of total",
    percent: "%",
    planned_to_date: "Planned to date",
    realised_to_date: "Actual to date",
    planned_rest: "Planned rest",
    period_planned: "Plan period",
    period_expected: "Expected period",
    no_value: "—",
    over_period: "over the period",
    in_year: "in",
    fte_unit: "FTE",
    euro_unit: "euro",
    met: "met",
    not_met: "not met",
    on_track: "on track",
    no_data: "no data",
    no_target: "no target",
    done: "done",
    ongoing: "ongoing",
    postponed: "postponed",
    replaced: "replaced",
    dropped: "dropped",
    no_status: "no status",
    added: "unplanned addition",
    upcoming: "still to come",
    no_activities: "No activities planned for this period.",
    chart_money: "Costs and income: planned and actual",
    chart_operating: "Operating costs per strategic goal",
    chart_fte_goals: "FTE per strategic goal",
    chart_costs_years: "Costs per year: planned and actual",
    chart_income_years: "Income per year: planned and actual",
    chart_fte_years: "FTE on the payroll per year: planned and actual",
    planned_series: "planned",
    realised_series: "actual",
    personnel: "Personnel",
    operating: "Operating",
    overhead: "Overhead",
    cost_total: "Costs",
    income_total: "Income",
    indicators_sentence: "{0} indicators: {1}.",
    activities_sentence: "{0} planned activities: {1}.",
    sheet_key_figures: TableText {
        name: "Key figures",
        title: "Key figures: planned and actual",
    },
    sheet_indicators: TableText {
        name: "Indicators",
        title: "Indicators: target, actual and verdict",
    },
    sheet_activities: TableText {
        name: "Activities",
        title: "Planned activities and what became of them",
    },
    sheet_money: TableText {
        name: "Money",
        title: "Costs, income, result and reserves",
    },
    sheet_fte: TableText {
        name: "FTE",
        title: "FTE: planned and actual, in total and per goal",
    },
    sheet_staff: TableText {
        name: "FTE per function",
        title: "Actual FTE per function",
    },
    sheet_output: TableText {
        name: "Output",
        title: "Output figures",
    },
    year_needed: "--report year needs --year (realised years: {0})",
    not_realised: "{0} is not a realised year of this plan (realised years: {1}); enter its actuals under Plan and actuals",
    none_realised: "this plan has no realised years yet; enter a year's actuals under Plan and actuals",
    year_without_report: "--year goes with --report year",
    written: "written",
    replaced_by_note: "Replaced by: {0}.",
    added_sentence: "Besides, unplanned additions: {0}.",
    rest_of_period: "The rest of the period",
    period_expected_short: "Expected",
};

/// The report texts in `lang`.
pub fn report_tr(lang: Lang) -> &'static YearReportTexts {
    match lang {
        Lang::Nl => &YEAR_REPORT_NL,
        Lang::En => &YEAR_REPORT_EN,
    }
}

impl YearReportTexts {
    /// The funder's word for a verdict.
    pub fn verdict(&self, verdict: ReportVerdict) -> &'static str {
        match verdict {
            ReportVerdict::Met => self.met,
            ReportVerdict::NotMet => self.not_met,
            ReportVerdict::OnTrack => self.on_track,
            ReportVerdict::NoData => self.no_data,
            ReportVerdict::NoTarget => self.no_target,
        }
    }

    /// What became of an activity: its status, an addition, still to come, or no status.
    pub fn status(
        &self,
        status: Option<ActivityStatus>,
        added: bool,
        upcoming: bool,
    ) -> &'static str {
        match (status, added, upcoming) {
            (_, true, _) => self.added,
            (Some(ActivityStatus::Done), ..) => self.done,
            (Some(ActivityStatus::Ongoing), ..) => self.ongoing,
            (Some(ActivityStatus::Postponed), ..) => self.postponed,
            (Some(ActivityStatus::Replaced), ..) => self.replaced,
            (Some(ActivityStatus::Dropped), ..) => self.dropped,
            (None, false, true) => self.upcoming,
            (None, false, false) => self.no_status,
        }
    }

    /// Years as a span: `2021-2022`, `2021` for one, nothing for none.
    pub fn span(&self, years: &[i32]) -> String {
        match (years.first(), years.last()) {
            (Some(first), Some(last)) if first != last => format!("{first}-{last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        }
    }

    /// The title of a report: `Jaarverslag 2021`, `Voortgangsrapport 2021-2022`.
    pub fn title(&self, kind: ReportKind, years: &[i32]) -> String {
        let span = self.span(years);
        let name = match kind {
            ReportKind::Year => self.annual_report,
            ReportKind::Progress => self.progress_report,
        };
        format!("{name} {span}").trim_end().to_string()
    }

    /// A target in words: `minstens 10 digitale ondersteuningsinitiatieven over de periode`,
    /// `hoogstens 3 klachten in 2023`.
    pub fn target(&self, target: &Target, lang: Lang) -> String {
        let t = super::tr(lang);
        let comparator = match target.comparator {
            Comparator::AtLeast => t.at_least,
            Comparator::AtMost => t.at_most,
            Comparator::Exactly => t.exactly,
        };
        let mut text = format!("{comparator} {}", crate::numfmt::exact(target.value));
        if !target.unit.trim().is_empty() {
            text.push(' ');
            text.push_str(target.unit.trim());
        }
        match target.year {
            Some(year) => text.push_str(&format!(" {} {year}", self.in_year)),
            None => text.push_str(&format!(" {}", self.over_period)),
        }
        text
    }

    /// `11 indicatoren: 4 gehaald, 2 op koers, 1 niet gehaald, 3 geen gegevens, 1 geen
    /// streefwaarde.` (verdicts without indicators left out).
    pub fn verdicts_sentence(&self, counts: &VerdictCounts) -> String {
        let parts: Vec<String> = ReportVerdict::ALL
            .iter()
            .filter(|v| counts.of(**v) > 0)
            .map(|v| format!("{} {}", counts.of(*v), self.verdict(*v)))
            .collect();
        fill(
            self.indicators_sentence,
            &[&counts.total().to_string(), &parts.join(", ")],
        )
    }

    /// `12 geplande activiteiten: 6 uitgevoerd, 2 bezig, 1 uitgesteld ...; 1 niet gepland,
    /// toegevoegd.`
    pub fn activities_sentence(
        &self,
        counts: &crate::calc::actuals::ActivityCounts,
        upcoming: usize,
    ) -> String {
        let mut parts: Vec<String> = ActivityStatus::ALL
            .iter()
            .filter(|s| counts.of(**s) > 0)
            .map(|s| format!("{} {}", counts.of(*s), self.status(Some(*s), false, false)))
            .collect();
        if counts.unreported > 0 {
            parts.push(format!("{} {}", counts.unreported, self.no_status));
        }
        if upcoming > 0 {
            parts.push(format!("{upcoming} {}", self.upcoming));
        }
        let planned = ActivityStatus::ALL
            .iter()
            .map(|s| counts.of(*s))
            .sum::<usize>()
            + counts.unreported
            + upcoming;
        let mut sentence = fill(
            self.activities_sentence,
            &[&planned.to_string(), &parts.join(", ")],
        );
        if counts.added > 0 {
            sentence.push(' ');
            sentence.push_str(&fill(self.added_sentence, &[&counts.added.to_string()]));
        }
        sentence
    }

    /// The threshold note under the money and staff tables.
    pub fn threshold(&self, kind: ReportKind, percent: rust_decimal::Decimal) -> String {
        let note = match kind {
            ReportKind::Year => self.threshold_note,
            ReportKind::Progress => self.threshold_note_progress,
        };
        fill(note, &[&crate::numfmt::exact(percent)])
    }

    /// What replaced an activity and why it went as it did, in one text.
    pub fn activity_note(&self, replaced_by: &str, note: &str) -> String {
        let replaced = replaced_by.trim();
        let note = note.trim();
        match (replaced.is_empty(), note.is_empty()) {
            (true, _) => note.to_string(),
            (false, true) => fill(self.replaced_by_note, &[replaced]),
            (false, false) => format!("{} {note}", fill(self.replaced_by_note, &[replaced])),
        }
    }

    /// The years an activity runs: `2021`, `2021-2023`.
    pub fn activity_years(&self, first: i32, last: i32) -> String {
        if first == last {
            first.to_string()
        } else {
            format!("{first}-{last}")
        }
    }

    /// An error of `--report`/`--year` on the command line, or of the window's report dialog.
    pub fn year_error(&self, asked: Option<i32>, realised: &[i32]) -> String {
        let list = realised
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        match (asked, realised.is_empty()) {
            (_, true) => self.none_realised.to_string(),
            (None, false) => fill(self.year_needed, &[&list]),
            (Some(year), false) => fill(self.not_realised, &[&year.to_string(), &list]),
        }
    }
}
