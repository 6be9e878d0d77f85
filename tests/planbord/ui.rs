//! The editor window driven as a user drives it (egui_kittest, headless): find widgets by their
//! label, click and type, and check that the plan and its derived numbers changed.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use planbord::app::PlanApp;
use planbord::ui::Panel;
use rust_decimal::{Decimal, dec};

use crate::support::{click, goal, harness, harness_with, od_fte, type_into, wheel_down_until};

#[test]
fn staffing_typing_fte_raises_salary_cost_and_marks_unsaved() {
    let mut h = harness(Panel::Staffing);
    let before = h.state().summary().personnel_total[0];
    assert!(!h.state().is_dirty());
    type_into(&mut h, "VTE SD1.OD2 2021", "1,0", Key::Enter);
    let app = h.state();
    assert_eq!(od_fte(app, "SD1.OD2", 2021), dec!(1.0));
    // 0,3 -> 1,0 VTE at 89.020 per VTE = +62.314.
    assert_eq!(app.summary().personnel_total[0] - before, dec!(62314));
    assert!(app.is_dirty());
    assert!(app.title().contains('●'), "{}", app.title());
    // The difference with the payroll shows at once.
    assert_eq!(app.summary().fte_difference[0], dec!(0.7));
}

#[test]
fn undo_and_redo_restore_the_plan_and_the_unsaved_marker() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE SD1.OD2 2021", "1", Key::Enter);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(0.3));
    assert!(
        !h.state().is_dirty(),
        "undo back to the saved state clears the marker"
    );
    assert!(!h.state().title().contains('●'));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(1));
    assert!(h.state().is_dirty());
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::Nl),
        Some("VTE SD1.OD2 2021")
    );
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::En),
        Some("FTE SD1.OD2 2021")
    );
}

#[test]
fn a_bad_number_is_refused_visibly_and_never_stored() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE SD1.OD2 2021", "1,2,3", Key::Enter);
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(0.3));
    assert!(!h.state().is_dirty());
    // The typed text stays in the cell, with the reason.
    let cell = h.get_by_label("VTE SD1.OD2 2021");
    assert_eq!(cell.value().as_deref(), Some("1,2,3"));
    // A negative FTE is a valid number but an invalid FTE: refused in the cell, with the reason.
    type_into(&mut h, "VTE SD1.OD3 2022", "-1", Key::Enter);
    assert_eq!(od_fte(h.state(), "SD1.OD3", 2022), dec!(0.5));
    assert_eq!(
        h.get_by_label("VTE SD1.OD3 2022").value().as_deref(),
        Some("-1")
    );
    h.get_by_label("VTE SD1.OD3 2022").hover();
    h.run();
    h.get_by_label_contains("kan niet negatief zijn");
}

#[test]
fn tab_commits_and_moves_to_the_next_year() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE SD1.OD2 2021", "0,5", Key::Tab);
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(0.5));
    assert!(
        h.get_by_label("VTE SD1.OD2 2022").is_focused(),
        "Tab moves to the next cell"
    );
}

#[test]
fn goals_panel_edits_the_selected_goal_and_its_indicators() {
    let mut h = harness(Panel::Goals);
    h.get_by_label_contains("SD1.OD2 Medewerkers").click();
    h.run();
    type_into(
        &mut h,
        "Titel SD1.OD2",
        "Digitaal werken is ondersteund.",
        Key::Enter,
    );
    let od = goal(h.state().plan(), "SD1.OD2");
    assert_eq!(od.title, "Digitaal werken is ondersteund.");
    let indicators = od.indicators.len();
    h.get_by_label("Indicator toevoegen").click();
    h.run();
    let od = goal(h.state().plan(), "SD1.OD2");
    assert_eq!(od.indicators.len(), indicators + 1);
    // Operating budget of the goal, typed the plain way.
    type_into(
        &mut h,
        "Werkingsmiddelen SD1.OD2 2023",
        "7500.50",
        Key::Enter,
    );
    let od = goal(h.state().plan(), "SD1.OD2");
    assert_eq!(od.operating.get(2023), dec!(7500.5));
}

#[test]
fn goal_tree_adds_and_renumbers_goals() {
    let mut h = harness(Panel::Goals);
    h.get_by_label_contains("SD2 De waarde").click();
    h.run();
    h.get_by_label("Operationeel doel toevoegen").click();
    h.run();
    let sd2 = &h.state().plan().strategic_goals[1];
    assert_eq!(sd2.operational_goals.len(), 3);
    assert_eq!(sd2.operational_goals[2].code, "SD2.OD3");
    h.get_by_label("Strategisch doel toevoegen").click();
    h.run();
    assert_eq!(h.state().plan().strategic_goals.len(), 5);
    assert_eq!(h.state().plan().strategic_goals[4].code, "SD5");
    assert!(
        h.state()
            .summary()
            .warnings
            .iter()
            .any(|w| matches!(w, planbord::calc::Warning::GoalWithoutIndicators { .. }))
    );
}

#[test]
fn timing_panel_adds_and_edits_activities() {
    let mut h = harness(Panel::Timing);
    h.get_by_label_contains("SD1.OD2 Medewerkers").click();
    h.run();
    let count = |app: &PlanApp| goal(app.plan(), "SD1.OD2").activities.len();
    let before = count(h.state());
    h.get_by_label("Activiteit toevoegen").click();
    h.run();
    assert_eq!(count(h.state()), before + 1);
    let n = before + 1;
    type_into(
        &mut h,
        &format!("Omschrijving Activiteiten SD1.OD2 {n}"),
        "Webinarreeks AI",
        Key::Enter,
    );
    let od = goal(h.state().plan(), "SD1.OD2");
    assert_eq!(od.activities.last().unwrap().description, "Webinarreeks AI");
}

#[test]
fn budget_panel_changes_operating_budget_and_balance() {
    let mut h = harness(Panel::Budget);
    let before = h.state().summary().balance[0];
    type_into(
        &mut h,
        "Werkingsmiddelen SD1.OD1 2021",
        "25.000",
        Key::Enter,
    );
    let s = h.state().summary();
    assert_eq!(s.operating_total[0], dec!(175000));
    assert_eq!(s.balance[0], before - dec!(5000));
}

#[test]
fn plan_panel_links_goals_to_core_tasks() {
    let mut h = harness(Panel::Plan);
    let linked = |app: &PlanApp| {
        let plan = app.plan();
        let k4 = plan.core_tasks.iter().find(|t| t.code == "K4").unwrap().id;
        goal(plan, "SD1.OD8").core_tasks.contains(&k4)
    };
    assert!(!linked(h.state()));
    // The matrix is at the bottom of the panel; its rows are laid out once in view.
    wheel_down_until(&mut h, "SD1.OD8 K4");
    h.get_by_label("SD1.OD8 K4").scroll_to_me();
    h.run();
    h.get_by_label("SD1.OD8 K4").click();
    h.run();
    assert!(linked(h.state()));
}

#[test]
fn warnings_jump_to_their_place() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE beschikbaar 2023", "15", Key::Enter);
    assert_eq!(h.state().summary().warnings.len(), 1);
    h.get_by_label("Waarschuwingen (1)").click();
    h.run();
    h.get_by_label_contains("2023: 15,9 VTE ingezet, 15 VTE beschikbaar")
        .click();
    h.run();
    assert_eq!(h.state().view.panel, Panel::Staffing);
    assert_eq!(h.state().view.highlight_year, Some(2023));
    // The same warning in English.
    h.state_mut().prefs.lang = planbord::i18n::Lang::En;
    h.state_mut().view.panel = Panel::Warnings;
    h.run();
    h.get_by_label_contains("2023: 15,9 FTE allocated, 15 FTE available");
}

#[test]
fn charts_and_english_texts_show() {
    let mut h = harness(Panel::Charts);
    h.get_by_label("VTE per jaar");
    h.get_by_label("Kosten en inkomsten");
    h.get_by_label("Saldo en reserves");
    h.state_mut().prefs.lang = planbord::i18n::Lang::En;
    h.run();
    h.get_by_label("Staffing");
    h.get_by_label("FTE per year");
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE SD1.OD2 2021", "1", Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Niet-opgeslagen wijzigingen");
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(1));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Niet opslaan").click();
    h.run();
    assert!(
        h.state().plan().strategic_goals.is_empty(),
        "a new plan from the template"
    );
    assert!(!h.state().is_dirty());
}

#[test]
fn whole_app_open_edit_save_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socius.ron");
    std::fs::copy("plans/socius-2021-2025.ron", &path).unwrap();
    let app = PlanApp::from_files(std::slice::from_ref(&path), None);
    assert_eq!(app.path(), Some(path.as_path()));
    let mut h = harness_with(app);
    h.state_mut().prefs.charts_beside = false;
    h.state_mut().view.panel = Panel::Staffing;
    h.run();
    type_into(&mut h, "VTE SD4.OD3 2025", "2", Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{}", h.state().status);
    let reloaded = planbord::store::load(&path).unwrap();
    assert_eq!(&reloaded, h.state().plan());
    let od = goal(&reloaded, "SD4.OD3");
    assert_eq!(od.fte.get(2025), dec!(2));
    assert_eq!(
        planbord::calc::summarize(&reloaded).personnel_total[4],
        dec!(1522644) + dec!(0.5) * dec!(101480)
    );
}

#[test]
fn enter_commits_and_moves_down_like_a_spreadsheet() {
    let mut h = harness(Panel::Staffing);
    type_into(&mut h, "VTE SD1.OD2 2021", "0,4", Key::Enter);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD2", 2021), dec!(0.4));
    assert!(
        h.get_by_label("VTE SD1.OD3 2021").is_focused(),
        "Enter moves to the row below"
    );
}

#[test]
fn budget_lines_are_added_renamed_filled_and_removed() {
    let mut h = harness(Panel::Budget);
    let before = h.state().summary().overhead_total[1];
    click(&mut h, "+ Overheadkosten");
    assert_eq!(h.state().plan().overhead.len(), 11);
    type_into(&mut h, "Naam Nieuwe lijn", "Verzekeringen", Key::Enter);
    assert_eq!(h.state().plan().overhead[10].name, "Verzekeringen");
    type_into(&mut h, "Verzekeringen 2022", "3.250", Key::Enter);
    assert_eq!(h.state().summary().overhead_total[1], before + dec!(3250));
    let id = h.state().plan().overhead[10].id;
    h.state_mut()
        .apply(vec![planbord::edit::Edit::RemoveLine(id)]);
    h.run();
    assert_eq!(h.state().plan().overhead.len(), 10);
    assert_eq!(h.state().summary().overhead_total[1], before);
}

/// Scrolls the Budget panel back to its multi-year table; the number of times `value` is shown
/// there when a row `label` is shown, `None` when it is not.
fn multi_year_row(
    h: &mut egui_kittest::Harness<'static, PlanApp>,
    label: &str,
    value: &str,
) -> Option<usize> {
    h.get_by_label("Meerjarenbegroting").scroll_to_me();
    h.run_steps(8);
    h.query_by_label(label)?;
    Some(h.query_all_by_label(value).count())
}

#[test]
fn a_printed_group_typed_on_a_line_becomes_a_row_of_the_multi_year_budget() {
    let mut h = harness(Panel::Budget);
    let group = |app: &PlanApp, name: &str| {
        app.plan()
            .income
            .iter()
            .find(|l| l.name == name)
            .unwrap()
            .printed_group
            .clone()
    };
    let row = |app: &PlanApp, label: &str| {
        app.summary()
            .income_printed
            .iter()
            .find(|r| r.label == label)
            .map(|r| r.values[0])
    };
    // The Socius sample prints two lines as one row (8.2.4): 8.000 + 250, every year.
    assert_eq!(
        row(h.state(), "Inkomsten verhuur en financiën"),
        Some(dec!(8250))
    );
    assert_eq!(
        multi_year_row(&mut h, "Inkomsten verhuur en financiën", "8.250"),
        Some(5)
    );
    assert_eq!(
        multi_year_row(&mut h, "Deelnemers en werking", "110.000"),
        None
    );
    // Typing a group on the line "Werking" puts it in a row of that name (trimmed).
    wheel_down_until(&mut h, "Groep in meerjarenbegroting Werking");
    type_into(
        &mut h,
        "Groep in meerjarenbegroting Werking",
        "  Deelnemers en werking ",
        Key::Enter,
    );
    assert_eq!(
        group(h.state(), "Werking").as_deref(),
        Some("Deelnemers en werking")
    );
    assert!(h.state().is_dirty());
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::Nl),
        Some("groep in meerjarenbegroting")
    );
    assert_eq!(
        h.state().document().undo_label(planbord::i18n::Lang::En),
        Some("group in multi-year budget")
    );
    assert_eq!(row(h.state(), "Werking"), None);
    assert_eq!(row(h.state(), "Deelnemers en werking"), Some(dec!(110000)));
    // The window's multi-year table shows the row (the income table keeps the line).
    assert!(multi_year_row(&mut h, "Deelnemers en werking", "110.000").is_some());
    // The same group in other case on the rent line joins the row, which takes the place and
    // the spelling of its first line; the total stays.
    let income_total = h.state().summary().income_total.clone();
    let rent = "Groep in meerjarenbegroting Inkomsten externe verhuur";
    wheel_down_until(&mut h, rent);
    type_into(&mut h, rent, "DEELNEMERS en werking", Key::Enter);
    assert_eq!(row(h.state(), "Deelnemers en werking"), None);
    assert_eq!(row(h.state(), "DEELNEMERS en werking"), Some(dec!(118000)));
    let labels: Vec<&str> = h
        .state()
        .summary()
        .income_printed
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Subsidies",
            "DEELNEMERS en werking",
            "Inkomsten verhuur en financiën",
            "Recuperatie personeelskosten"
        ]
    );
    assert_eq!(
        row(h.state(), "Inkomsten verhuur en financiën"),
        Some(dec!(250))
    );
    assert_eq!(h.state().summary().income_total, income_total);
    assert_eq!(
        multi_year_row(&mut h, "DEELNEMERS en werking", "118.000"),
        Some(5)
    );
    // Emptying the field removes the group: the line is a row of its own again.
    wheel_down_until(&mut h, "Groep in meerjarenbegroting Werking");
    h.get_by_label("Groep in meerjarenbegroting Werking")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(group(h.state(), "Werking"), None);
    assert_eq!(row(h.state(), "Werking"), Some(dec!(110000)));
    // Undo brings the group back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        group(h.state(), "Werking").as_deref(),
        Some("Deelnemers en werking")
    );
}

#[test]
fn a_growth_rule_is_edited_and_drives_every_year() {
    let mut h = harness(Panel::Budget);
    // The subsidy follows a rule: 1.529.210 in 2021, +1,2 % a year rounded to 5.
    type_into(&mut h, "groei % Subsidies", "2", Key::Enter);
    let s = h.state().summary();
    let subsidy = &s
        .income
        .iter()
        .find(|r| r.label == "Subsidies")
        .unwrap()
        .values;
    assert_eq!(subsidy[0], dec!(1529210));
    assert_eq!(subsidy[1], dec!(1559795)); // 1.529.210 x 1,02 = 1.559.794,2 -> 1.559.795
    assert_eq!(s.requested_subsidy[1], dec!(1559795));
    // Turn the rule off: the years keep the values the rule gave, now typed per year.
    click(&mut h, "Groeiregel Subsidies");
    let line = h
        .state()
        .plan()
        .income
        .iter()
        .find(|l| l.name == "Subsidies")
        .unwrap();
    assert!(matches!(line.amounts, planbord::model::Amounts::PerYear(_)));
    assert_eq!(line.amounts.value(2022), dec!(1559795));
}

#[test]
fn funds_take_an_opening_balance_and_the_carry_over() {
    let mut h = harness(Panel::Budget);
    type_into(
        &mut h,
        "Beginsaldo Overgedragen resultaat",
        "100.000",
        Key::Enter,
    );
    let s = h.state().summary();
    let reserve = &s
        .reserves
        .iter()
        .find(|r| r.label == "Overgedragen resultaat")
        .unwrap()
        .values;
    assert_eq!(
        reserve[4],
        dec!(100000),
        "the saldi sum to zero over the period"
    );
    click(&mut h, "Overdracht naar Overgedragen resultaat");
    assert_eq!(h.state().summary().carryover, vec![Decimal::ZERO; 5]);
    assert_eq!(h.state().summary().result, h.state().summary().balance);
}

#[test]
fn indicator_targets_are_set_from_the_goals_panel() {
    let mut h = harness(Panel::Goals);
    h.get_by_label_contains("SD3 Het beeld").scroll_to_me();
    h.run();
    h.get_by_label_contains("SD3 Het beeld").click();
    h.run();
    let first = |app: &PlanApp| app.plan().strategic_goals[2].indicators[0].clone();
    assert!(first(h.state()).target.is_none());
    h.get_by_label("Streefwaarde Indicatoren 1").click();
    h.run();
    h.get_by_label("minstens").click();
    h.run();
    type_into(&mut h, "Waarde Indicatoren 1", "3", Key::Enter);
    type_into(&mut h, "Eenheid Indicatoren 1", "publicaties", Key::Enter);
    let target = first(h.state()).target.expect("a target");
    assert_eq!(target.comparator, planbord::model::Comparator::AtLeast);
    assert_eq!(target.value, dec!(3));
    assert_eq!(target.unit, "publicaties");
}

#[test]
fn the_plan_period_grows_and_refuses_to_drop_values() {
    let mut h = harness(Panel::Plan);
    type_into(&mut h, "Planperiode tot", "2026", Key::Enter);
    assert_eq!(h.state().plan().meta.last_year, 2026);
    assert_eq!(h.state().summary().years.len(), 6);
    // Shrinking would leave FTE outside the period: refused, nothing lost.
    type_into(&mut h, "Planperiode tot", "2024", Key::Enter);
    assert_eq!(h.state().plan().meta.last_year, 2026);
    assert!(h.state().status.contains("buiten"), "{}", h.state().status);
}

#[test]
fn staff_lines_and_profiles_are_managed_in_the_staffing_panel() {
    let mut h = harness(Panel::Staffing);
    click(&mut h, "+ Voorwaardenscheppend");
    let line = h.state().plan().staff_lines.last().unwrap().clone();
    assert_eq!(line.group, planbord::model::StaffGroup::Support);
    type_into(&mut h, "Nieuwe lijn 2021", "0,5", Key::Enter);
    assert_eq!(h.state().summary().fte_support[0], dec!(3.8));
    // A profile still in use cannot be removed.
    let profile = h.state().plan().salary_profiles[0].id;
    h.state_mut()
        .apply(vec![planbord::edit::Edit::RemoveLine(profile)]);
    assert_eq!(h.state().plan().salary_profiles.len(), 3);
    assert!(
        h.state().status.contains("in gebruik"),
        "{}",
        h.state().status
    );
}

#[test]
fn typing_into_a_clicked_cell_replaces_its_value_like_a_spreadsheet() {
    let mut h = harness(Panel::Staffing);
    assert_eq!(od_fte(h.state(), "SD1.OD3", 2025), dec!(0.75));
    // A click in the middle of "0,75", then typing: the value is replaced, not spliced.
    h.get_by_label("VTE SD1.OD3 2025").click();
    h.run();
    h.get_by_label("VTE SD1.OD3 2025").type_text("0,5");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD3", 2025), dec!(0.5));
    // Tab into the next cell selects it too.
    h.get_by_label("VTE SD1.OD4 2024").click();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label("VTE SD1.OD4 2025").type_text("0,4");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD4", 2025), dec!(0.4));
    // F2 edits in place: the caret goes to the end, typing appends.
    h.get_by_label("VTE SD1.OD5 2025").click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("VTE SD1.OD5 2025").type_text("5");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(od_fte(h.state(), "SD1.OD5", 2025), dec!(0.65));
}

#[test]
fn a_negative_budget_is_refused_in_the_cell_with_the_reason_in_dutch() {
    let mut h = harness(Panel::Budget);
    let before = h.state().plan().clone();
    let label = "Werkingsmiddelen SD1.OD1 2021";
    h.get_by_label(label).scroll_to_me();
    h.run();
    type_into(&mut h, label, "-5", Key::Enter);
    assert_eq!(h.state().plan(), &before, "nothing stored");
    assert_eq!(h.get_by_label(label).value().as_deref(), Some("-5"));
    // The reason is in the cell's tooltip, in the window's language.
    h.get_by_label(label).hover();
    h.run();
    h.get_by_label_contains("kan niet negatief zijn");
    // An unreadable number says so in Dutch too.
    type_into(&mut h, label, "0,0,575", Key::Enter);
    h.get_by_label(label).hover();
    h.run();
    h.get_by_label_contains("is geen getal");
}

/// The app on the Socius plan in a laptop window (1366x768 or 1280x720), charts as preferred.
fn laptop(panel: Panel, width: f32, height: f32) -> egui_kittest::Harness<'static, PlanApp> {
    let prefs = planbord::app::Prefs {
        panel,
        ..planbord::app::Prefs::default()
    };
    let app = PlanApp::new(
        crate::support::socius(),
        Some(std::path::PathBuf::from(crate::support::SOCIUS)),
        prefs,
    );
    let mut h = crate::support::harness_sized(app, width, height);
    h.run();
    h
}

/// Whether the widget named `label` lies inside the window (after scrolling to it).
fn reachable(
    h: &mut egui_kittest::Harness<'static, PlanApp>,
    label: &str,
    size: egui::Vec2,
) -> bool {
    h.get_by_label(label).scroll_to_me();
    h.run();
    let rect = h.get_by_label(label).rect();
    rect.min.x >= 0.0 && rect.min.y >= 0.0 && rect.max.x <= size.x && rect.max.y <= size.y
}

#[test]
fn everything_is_reachable_on_a_laptop_screen() {
    for (w, hgt) in [(1366.0, 768.0), (1280.0, 720.0)] {
        let size = egui::vec2(w, hgt);
        // The goal-tree buttons stay below the tree, on screen.
        let mut h = laptop(Panel::Staffing, w, hgt);
        h.get_by_label_contains("SD1.OD2 Medewerkers").click();
        h.run();
        for button in ["Omhoog", "Omlaag", "Verwijderen", "Hernummeren"] {
            let rect = h.get_by_label(button).rect();
            assert!(
                rect.max.y <= hgt && rect.min.y >= 0.0,
                "{button} at {rect:?} ({w}x{hgt})"
            );
        }
        h.get_by_label("Omlaag").click();
        h.run();
        assert_eq!(
            h.state().plan().strategic_goals[0].operational_goals[2].code,
            "SD1.OD2"
        );
        // The last year and the total of the staffing grid.
        assert!(reachable(&mut h, "VTE SD1.OD2 2025", size), "{w}x{hgt}");
        type_into(&mut h, "VTE SD1.OD2 2025", "0,4", Key::Enter);
        assert_eq!(od_fte(h.state(), "SD1.OD2", 2025), dec!(0.4));
        // The Totaal column of the budget grids.
        let h = laptop(Panel::Budget, w, hgt);
        let total = h.get_all_by_label("Totaal").next().unwrap().rect();
        assert!(total.max.x <= w, "Totaal at {total:?} ({w}x{hgt})");
        // The Timing table: the last year's bar and the remove buttons.
        let mut h = laptop(Panel::Timing, w, hgt);
        h.get_by_label_contains("SD1.OD2 Medewerkers").click();
        h.run();
        let before = goal(h.state().plan(), "SD1.OD2").activities.len();
        assert!(
            reachable(&mut h, "Verwijderen Activiteiten SD1.OD2 1", size),
            "{w}x{hgt}"
        );
        h.get_by_label("Verwijderen Activiteiten SD1.OD2 1").click();
        h.run();
        assert_eq!(
            goal(h.state().plan(), "SD1.OD2").activities.len(),
            before - 1
        );
    }
}

#[test]
fn saving_with_a_refused_cell_says_it_was_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socius.ron");
    std::fs::copy(crate::support::SOCIUS, &path).unwrap();
    let app = PlanApp::new(
        socius_plan(),
        Some(path.clone()),
        crate::support::prefs_on(Panel::Staffing),
    );
    let mut h = crate::support::harness_with(app);
    h.run();
    type_into(&mut h, "VTE SD1.OD2 2021", "1,0", Key::Enter);
    type_into(&mut h, "VTE SD1.OD3 2021", "1,2,3", Key::Enter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "the valid edit is saved");
    assert!(
        h.state()
            .status
            .contains("1 cel(len) met een ongeldige waarde zijn niet opgeslagen"),
        "{}",
        h.state().status
    );
}

fn socius_plan() -> planbord::model::Plan {
    crate::support::socius()
}
