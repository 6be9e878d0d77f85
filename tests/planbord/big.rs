//! Long tables lay out only the rows in view: on a big plan the last rows are not there until
//! the user scrolls to them, and once there they show and edit their own goal, not another.

use crate::support::*;
use egui::Key;
use egui_kittest::kittest::Queryable;
use planbord::model::{Id, Plan};
use planbord::ui::Panel;
use rust_decimal::Decimal;

/// The Socius plan ten times over: 40 strategic goals, 160 operational goals.
fn big_plan() -> Plan {
    planbord::generate::large_plan(&socius(), 10, 5)
}

fn last_goal(plan: &Plan) -> (Id, String) {
    let (_, od) = plan.operational_goals().last().expect("goals");
    (od.id, od.code.clone())
}

#[test]
fn the_goal_task_matrix_lays_out_only_what_is_in_view_and_links_the_right_goal() {
    let plan = big_plan();
    let (last_id, last_code) = last_goal(&plan);
    let first_code = plan.operational_goals().next().unwrap().1.code.clone();
    let task = plan.core_tasks[0].clone();
    let mut h = harness_on(plan.clone(), Panel::Plan);

    let last_label = format!("{last_code} {}", task.code);
    // The matrix is at the bottom of the panel: its last row is not laid out at the top.
    assert!(h.query_by_label(&last_label).is_none());

    wheel_down_until(&mut h, &last_label);
    // Scrolled to the end, the first rows are no longer laid out.
    assert!(
        h.query_by_label(&format!("{first_code} {}", task.code))
            .is_none()
    );
    let before = h.state().plan().clone();
    h.get_by_label(&last_label).click();
    h.run();

    let after = h.state().plan();
    let od = after
        .operational_goals()
        .find(|(_, od)| od.id == last_id)
        .unwrap()
        .1;
    assert_eq!(
        od.core_tasks.contains(&task.id),
        !before
            .operational_goals()
            .find(|(_, od)| od.id == last_id)
            .unwrap()
            .1
            .core_tasks
            .contains(&task.id)
    );
    // Only that goal changed.
    for ((_, was), (_, now)) in before.operational_goals().zip(after.operational_goals()) {
        if was.id != last_id {
            assert_eq!(was.core_tasks, now.core_tasks, "{}", was.code);
        }
    }
}

#[test]
fn staffing_rows_far_down_show_and_edit_their_own_goal() {
    let mut plan = big_plan();
    // A second profile to choose.
    let second = plan.new_id();
    plan.salary_profiles.push({
        let mut other = plan.salary_profiles[0].clone();
        other.id = second;
        other.name = "Tweede profiel".into();
        other
    });
    let (last_id, last_code) = last_goal(&plan);
    let year = plan.meta.first_year;
    let mut h = harness_on(plan, Panel::Staffing);

    // The FTE cell of the last goal, far down the first table.
    let cell = format!("VTE {last_code} {year}");
    assert!(h.query_by_label(&cell).is_none());
    wheel_down_until(&mut h, &cell);
    h.get_by_label(&cell).scroll_to_me();
    h.run();
    type_into(&mut h, &cell, "3,25", Key::Enter);
    assert_eq!(od_fte(h.state(), &last_code, year), Decimal::new(325, 2));

    // Its salary profile, further down in the profile table.
    let combo = format!("Loonprofiel {last_code}");
    wheel_down_until(&mut h, &combo);
    h.get_by_label(&combo).click();
    h.run();
    // The choice in the open list (the profile's name field is further up).
    h.get_all_by_label("Tweede profiel").last().unwrap().click();
    h.run();
    let od = goal(h.state().plan(), &last_code);
    assert_eq!(od.id, last_id);
    assert_eq!(od.salary_profile, second);
    // No other goal took that profile.
    let others = h
        .state()
        .plan()
        .operational_goals()
        .filter(|(_, od)| od.salary_profile == second)
        .count();
    assert_eq!(others, 1);
}

#[test]
fn the_goal_tree_lays_out_only_what_is_in_view_and_selects_the_right_goal() {
    let plan = big_plan();
    let (last_id, _) = last_goal(&plan);
    let (_, last) = plan.operational_goals().last().unwrap();
    let label = format!("{} {}", last.code, last.title);
    let mut h = harness_on(plan.clone(), Panel::Goals);
    assert!(h.query_by_label(&label).is_none());

    // The tree is at the left of the window.
    wheel_down_at_until(&mut h, egui::pos2(120.0, 500.0), &label);
    h.get_by_label(&label).click();
    h.run();
    // The Goals panel now edits that goal.
    type_into(
        &mut h,
        &format!("Titel {}", last.code),
        "Nieuwe titel",
        Key::Tab,
    );
    let renamed = h
        .state()
        .plan()
        .operational_goals()
        .find(|(_, od)| od.id == last_id)
        .unwrap()
        .1
        .title
        .clone();
    assert_eq!(renamed, "Nieuwe titel");
}

#[test]
fn budget_rows_far_down_edit_their_own_goal() {
    let plan = big_plan();
    let (last_id, last_code) = last_goal(&plan);
    let year = plan.meta.first_year + 1;
    let mut h = harness_on(plan.clone(), Panel::Budget);

    let cell = format!("Werkingsmiddelen {last_code} {year}");
    assert!(h.query_by_label(&cell).is_none());
    wheel_down_until(&mut h, &cell);
    h.get_by_label(&cell).scroll_to_me();
    h.run();
    type_into(&mut h, &cell, "12.345", Key::Enter);

    let after = h.state().plan();
    for ((_, was), (_, now)) in plan.operational_goals().zip(after.operational_goals()) {
        if was.id == last_id {
            assert_eq!(now.operating.get(year), Decimal::from(12_345));
        } else {
            assert_eq!(was.operating, now.operating, "{}", was.code);
        }
    }
    // The total follows.
    let total = |p: &Plan| planbord::calc::summarize(p).goal_operating_total.values()[1];
    assert_eq!(
        total(after) - total(&plan),
        Decimal::from(12_345)
            - plan
                .operational_goals()
                .last()
                .unwrap()
                .1
                .operating
                .get(year)
    );
}

#[test]
fn a_long_warning_list_lays_out_only_what_is_in_view_and_jumps_to_the_right_goal() {
    // 320 strategic goals without indicators: one warning each for the external ones.
    let mut plan = planbord::generate::large_plan(&socius(), 80, 5);
    for sd in &mut plan.strategic_goals {
        sd.indicators.clear();
        for od in &mut sd.operational_goals {
            od.indicators.clear();
        }
    }
    let warnings = planbord::calc::summarize(&plan).warnings;
    assert!(warnings.len() > 200, "a long list: {}", warnings.len());
    let Some(planbord::calc::Warning::GoalWithoutIndicators { goal, goal_code }) = warnings
        .iter()
        .rev()
        .find(|w| matches!(w, planbord::calc::Warning::GoalWithoutIndicators { .. }))
    else {
        panic!("no goal warning");
    };
    let text = format!(
        "! {}",
        planbord::i18n::describe_warning(
            &planbord::calc::Warning::GoalWithoutIndicators {
                goal: *goal,
                goal_code: goal_code.clone()
            },
            planbord::i18n::Lang::Nl
        )
    );
    let sd = plan.strategic_goal(*goal).unwrap();
    let tree_line = format!("{} {}", sd.code, sd.title);
    let mut h = harness_on(plan.clone(), Panel::Warnings);
    assert!(h.query_by_label(&text).is_none());
    // The goal's line in the tree (far down) is not laid out either.
    assert!(h.query_by_label(&tree_line).is_none());
    wheel_down_until(&mut h, &text);
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.state().view.panel, Panel::Goals);
    assert_eq!(h.state().view.selected_goal, Some(*goal));
    // The tree scrolled to the goal chosen in the list: its line is there besides the heading
    // of the Goals panel.
    h.run();
    assert_eq!(h.query_all_by_label(&tree_line).count(), 2);
}

#[test]
fn a_long_list_of_changes_in_a_comparison_shows_its_last_change_when_scrolled() {
    // Every goal of a 240-goal plan renamed in the other scenario: a change each.
    let base = planbord::generate::large_plan(&socius(), 12, 5);
    let mut other = base.clone();
    for sd in &mut other.strategic_goals {
        sd.title.push_str(" (herzien)");
        for od in &mut sd.operational_goals {
            od.title.push_str(" (herzien)");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (base_path, other_path) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    planbord::store::save(&base, &base_path).unwrap();
    planbord::store::save(&other, &other_path).unwrap();
    let mut app = planbord::app::PlanApp::new(base, Some(base_path), prefs_on(Panel::Compare));
    app.add_comparison(&other_path);
    let mut h = harness_with(app);
    h.run();
    let changes = h.state_mut().comparison().unwrap().diffs[1]
        .clone()
        .unwrap()
        .changes;
    assert!(changes.len() > 200, "a long list: {}", changes.len());
    let describe = |i: usize| {
        format!(
            "- {}",
            planbord::compare::describe_change(&changes[i], planbord::i18n::Lang::Nl)
        )
    };
    let (first, last) = (describe(0), describe(changes.len() - 1));
    assert!(h.query_by_label(&last).is_none());
    wheel_down_until(&mut h, &last);
    // Scrolled to the end, the first change is no longer laid out.
    assert!(h.query_by_label(&first).is_none());
}
