#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Every lever on a small hand-built dataset (see `engine_common::small_dataset`),
//! with figures worked out by hand. Each case is a scenario in JSON (so the serde
//! shape is tested at the same time) and lines the projection must contain (see
//! `engine_common::render`).

mod engine_common;

use blockvote_model::engine::{Engine, Scenario};
use engine_common::*;

/// Projects `scenario_json` on the small dataset and checks that every expected line
/// is among the rendered projection's lines.
#[track_caller]
fn check(scenario_json: &str, expected: &[&str]) {
    let scenario: Scenario =
        serde_json::from_str(scenario_json).unwrap_or_else(|error| panic!("scenario {scenario_json}: {error}"));
    let engine = Engine::new(&small_dataset()).unwrap_or_else(|error| panic!("engine: {error}"));
    let projection = engine.project(&scenario).unwrap_or_else(|error| panic!("{scenario_json}: {error}"));
    let lines = render(&projection);
    let missing: Vec<&&str> = expected.iter().filter(|line| !lines.iter().any(|have| have == **line)).collect();
    assert!(missing.is_empty(), "scenario {scenario_json}\nmissing {missing:#?}\nhave {lines:#?}");
}

#[test]
fn baseline_reproduces_the_target_under_the_calibrated_profile() {
    check(
        "{}",
        &[
            "year 2018-19 ongoing=10 new=6 total=16",
            "year 2019-20 ongoing=0 new=9.9 total=9.9",
            "end 2019-20 Q4",
            // r ≈ 0.5909: (1 − r)/4 of 4.0 per quarter, plus r × 4.0 on completion.
            "project 1 from 2018-19 Q1 [0.409091 0.409091 0.409091 2.772727] in-year=4 route=block_allocation",
            "project 4 from 2018-19 Q4 [0.2] in-year=0.2 route=block_allocation",
            "project 5 from 2018-19 Q1 [0 0] in-year=0 route=department",
        ],
    );
}

#[test]
fn profiles_spread_budgets_by_their_weights() {
    let even = r#"{"default_profile":"even"}"#;
    check(
        even,
        &[
            "year 2018-19 ongoing=10 new=8.6 total=18.6",
            "year 2019-20 ongoing=0 new=7.3 total=7.3",
            "project 1 from 2018-19 Q1 [1 1 1 1] in-year=4 route=block_allocation",
            "project 2 from 2018-19 Q2 [0.3 0.3 0.3 0.3] in-year=0.9 route=block_allocation",
            "project 3 from 2018-19 Q3 [1.75 1.75 1.75 1.75 1.75 1.75] in-year=3.5 route=finance_committee",
        ],
    );
    check(
        r#"{"default_profile":"front_loaded"}"#,
        &["project 2 from 2018-19 Q2 [0.48 0.36 0.24 0.12] in-year=1.08 route=block_allocation"],
    );
    check(
        r#"{"default_profile":"back_loaded"}"#,
        &["project 2 from 2018-19 Q2 [0.12 0.24 0.36 0.48] in-year=0.72 route=block_allocation"],
    );
    // S-curve weights for 4 quarters: 4, 6, 6, 4.
    check(
        r#"{"default_profile":"s_curve"}"#,
        &["project 2 from 2018-19 Q2 [0.24 0.36 0.36 0.24] in-year=0.96 route=block_allocation"],
    );
    check(
        r#"{"retention":"1"}"#,
        &[
            "year 2018-19 ongoing=10 new=4.2 total=14.2",
            "project 2 from 2018-19 Q2 [0 0 0 1.2] in-year=0 route=block_allocation",
        ],
    );
    check(
        r#"{"default_profile":"even","projects":[{"id":2,"edit":{"profile":"back_loaded"}}]}"#,
        &[
            "project 1 from 2018-19 Q1 [1 1 1 1] in-year=4 route=block_allocation",
            "project 2 from 2018-19 Q2 [0.12 0.24 0.36 0.48] in-year=0.72 route=block_allocation",
        ],
    );
}

#[test]
fn project_edits_move_remove_and_resize_projects() {
    check(
        r#"{"default_profile":"even","projects":[{"id":3,"edit":{"exclude":true}}]}"#,
        &[
            "project 3 excluded",
            "year 2018-19 ongoing=10 new=5.1 total=15.1",
            "end 2019-20 Q1",
            "route finance_committee count=0 total=0",
        ],
    );
    check(
        r#"{"default_profile":"even","projects":[{"id":2,"edit":{"defer_quarters":1}}]}"#,
        &[
            "project 2 from 2018-19 Q3 [0.3 0.3 0.3 0.3] in-year=0.6 route=block_allocation",
            "year 2019-20 ongoing=0 new=7.6 total=7.6",
        ],
    );
    // 4.0 over six quarters: 666,666.67 each; the four spare dollars go to the earliest.
    check(
        r#"{"default_profile":"even","projects":[{"id":1,"edit":{"extend_quarters":2}}]}"#,
        &["project 1 from 2018-19 Q1 [0.666667 0.666667 0.666667 0.666667 0.666666 0.666666] in-year=2.666668 route=block_allocation"],
    );
    check(
        r#"{"default_profile":"even","projects":[{"id":1,"edit":{"budget":"2"}}]}"#,
        &["project 1 from 2018-19 Q1 [0.5 0.5 0.5 0.5] in-year=2 route=block_allocation"],
    );
    // A negative deferral stops at the budget year's first quarter (2 → −1 quarter).
    check(
        r#"{"default_profile":"even","projects":[{"id":2,"edit":{"defer_quarters":-3}}]}"#,
        &["project 2 from 2018-19 Q1 [0.3 0.3 0.3 0.3] in-year=1.2 route=block_allocation"],
    );
    // A negative extension stops at a one-quarter project.
    check(
        r#"{"default_profile":"even","projects":[{"id":3,"edit":{"extend_quarters":-10}}]}"#,
        &["project 3 from 2018-19 Q3 [10.5] in-year=10.5 route=finance_committee", "end 2019-20 Q1"],
    );
    check(
        r#"{"projects":[{"id":99,"edit":{"exclude":true}}]}"#,
        &["warning: there is no project 99; its edit is ignored"],
    );
}

#[test]
fn cost_change_applies_to_paper_budgets_not_to_overrides() {
    check(
        r#"{"default_profile":"even","cost_change_pct":"10"}"#,
        &[
            "year 2018-19 ongoing=10 new=9.46 total=19.46",
            "project 2 from 2018-19 Q2 [0.33 0.33 0.33 0.33] in-year=0.99 route=block_allocation",
            "project 3 from 2018-19 Q3 [1.925 1.925 1.925 1.925 1.925 1.925] in-year=3.85 route=finance_committee",
            // 10.5 × 1.1 = 11.55 stays with the Finance Committee.
            "project 4 from 2018-19 Q4 [0.22] in-year=0.22 route=block_allocation",
            "route finance_committee count=1 total=11.55",
        ],
    );
    check(
        r#"{"default_profile":"even","cost_change_pct":"10","projects":[{"id":1,"edit":{"budget":"2"}}]}"#,
        &["project 1 from 2018-19 Q1 [0.5 0.5 0.5 0.5] in-year=2 route=block_allocation"],
    );
    check(
        r#"{"default_profile":"even","cost_change_pct":"-100"}"#,
        &["year 2018-19 ongoing=10 new=0 total=10", "project 1 from 2018-19 Q1 [0 0 0 0] in-year=0 route=department"],
    );
}

#[test]
fn group_edits_apply_to_departments_and_themes_and_yield_to_project_edits() {
    let by_theme = r#"{"default_profile":"even","groups":[{"select":{"by":"theme","theme":"technology_refresh"},"edit":{"defer_quarters":1}}]}"#;
    check(
        by_theme,
        &[
            "project 2 from 2018-19 Q3 [0.3 0.3 0.3 0.3] in-year=0.6 route=block_allocation",
            "project 3 from 2018-19 Q4 [1.75 1.75 1.75 1.75 1.75 1.75] in-year=1.75 route=finance_committee",
            "year 2018-19 ongoing=10 new=6.55 total=16.55",
            "end 2020-21 Q1",
        ],
    );
    let precedence = r#"{"default_profile":"even",
        "groups":[{"select":{"by":"theme","theme":"technology_refresh"},"edit":{"defer_quarters":1}}],
        "projects":[{"id":2,"edit":{"defer_quarters":0}}]}"#;
    check(
        precedence,
        &[
            "project 2 from 2018-19 Q2 [0.3 0.3 0.3 0.3] in-year=0.9 route=block_allocation",
            "project 3 from 2018-19 Q4 [1.75 1.75 1.75 1.75 1.75 1.75] in-year=1.75 route=finance_committee",
        ],
    );
    check(
        r#"{"groups":[{"select":{"by":"department_zh","name":"乙部門"},"edit":{"exclude":true}}]}"#,
        &["project 3 excluded", "project 4 excluded", "project 5 excluded", "end 2019-20 Q1"],
    );
    check(
        r#"{"default_profile":"even","groups":[{"select":{"by":"department","index":0},"edit":{"profile":"front_loaded"}}]}"#,
        &[
            "project 1 from 2018-19 Q1 [1.6 1.2 0.8 0.4] in-year=4 route=block_allocation",
            "project 3 from 2018-19 Q3 [1.75 1.75 1.75 1.75 1.75 1.75] in-year=3.5 route=finance_committee",
        ],
    );
    // The later group edit wins; "exclude": false puts a project back.
    check(
        r#"{"groups":[{"select":{"by":"all"},"edit":{"exclude":true}},
                      {"select":{"by":"theme","theme":"it_security"},"edit":{"exclude":false}}]}"#,
        &["project 1 excluded", "project 4 from 2018-19 Q4 [0.2] in-year=0.2 route=block_allocation"],
    );
    check(
        r#"{"groups":[{"select":{"by":"department_zh","name":"丙部門"},"edit":{"exclude":true}},
                      {"select":{"by":"department","index":7},"edit":{"exclude":true}},
                      {"select":{"by":"theme","theme":"internal_efficiency"},"edit":{"exclude":true}}]}"#,
        &[
            "warning: there is no department \"丙部門\"; its group edit is ignored",
            "warning: there is no department number 7; its group edit is ignored",
            "warning: group edit 3 matches no project",
        ],
    );
}

#[test]
fn slippage_mixes_on_time_and_late_schedules() {
    check(
        r#"{"default_profile":"even","slippage":{"enabled":true,"share":"0.5","quarters":1}}"#,
        &[
            "project 1 from 2018-19 Q1 [0.9 0.9 0.9 0.9 0.4] in-year=3.6 route=block_allocation",
            "project 2 from 2018-19 Q2 [0.27 0.27 0.27 0.27 0.12] in-year=0.81 route=block_allocation",
            "project 3 from 2018-19 Q3 [1.625 1.625 1.625 1.625 1.625 1.625 0.75] in-year=3.25 route=finance_committee",
            "project 4 from 2018-19 Q4 [0.15 0.05] in-year=0.15 route=block_allocation",
            "year 2018-19 ongoing=10 new=7.81 total=17.81",
            "end 2020-21 Q1",
        ],
    );
    // Off, or a zero share, changes nothing.
    check(r#"{"slippage":{"enabled":false,"share":"1","quarters":4}}"#, &["year 2018-19 ongoing=10 new=6 total=16"]);
    check(r#"{"slippage":{"enabled":true,"share":"0"}}"#, &["year 2018-19 ongoing=10 new=6 total=16"]);
    check(
        r#"{"default_profile":"even","slippage":{"enabled":true,"share":"1","quarters":2}}"#,
        &["project 2 from 2018-19 Q2 [0.2 0.2 0.2 0.2 0.2 0.2] in-year=0.6 route=block_allocation"],
    );
}

#[test]
fn ongoing_cohort_is_spread_over_the_budget_year_only() {
    check(
        r#"{"ongoing_budget_year":"20"}"#,
        &["year 2018-19 ongoing=20 new=6 total=26", "year 2019-20 ongoing=0 new=9.9 total=9.9"],
    );
}

#[test]
fn delegation_routes_follow_the_thresholds() {
    // A budget equal to the floor stays in the block allocation (see the delegation
    // module); only project 5, at zero, is below it.
    check(
        "{}",
        &[
            "route finance_committee count=1 total=10.5",
            "route block_allocation count=3 total=5.4",
            "route department count=1 total=0",
        ],
    );
    check(
        r#"{"delegation":{"ceiling":"4","floor":"0"}}"#,
        &[
            "route finance_committee count=1 total=10.5",
            "route block_allocation count=4 total=5.4",
            "route department count=0 total=0",
            "changed 5 department->block_allocation",
        ],
    );
    check(
        r#"{"delegation":{"floor":"0.3"}}"#,
        &["route department count=2 total=0.2", "changed 4 block_allocation->department"],
    );
    check(
        r#"{"delegation":{"ceiling":"20"}}"#,
        &["route finance_committee count=0 total=0", "changed 3 finance_committee->block_allocation"],
    );
}

#[test]
fn categories_are_edited_locked_and_scaled() {
    check(
        "{}",
        &[
            "category 1 amount=8 locked=false vs-prior=1 pct=14.3 vs-paper=0",
            "category 3 amount=3 locked=false vs-prior=-1 pct=-25.0 vs-paper=0",
            "categories total=16 vs-prior=0 surplus=0",
        ],
    );
    // Locked at 10, the others share 10 in HK$0.1M steps: 62.5 and 37.5 steps, the
    // tied spare step to the earlier category.
    check(
        r#"{"allocation":{"categories":[{"id":1,"amount":"10","locked":true}],"scale_to":"20"}}"#,
        &[
            "category 1 amount=10 locked=true vs-prior=3 pct=42.9 vs-paper=2",
            "category 2 amount=6.3 locked=false vs-prior=1.3 pct=26.0 vs-paper=1.3",
            "category 3 amount=3.7 locked=false vs-prior=-0.3 pct=-7.5 vs-paper=0.7",
            "categories total=20 vs-prior=4 surplus=4",
        ],
    );
    check(
        r#"{"allocation":{"categories":[{"id":1,"amount":"10","locked":true}],"scale_to":"9"}}"#,
        &[
            "scaling error: the target (9.0) is below the locked categories' sum (10.0)",
            "category 2 amount=5 locked=false vs-prior=0 pct=0 vs-paper=0",
        ],
    );
    check(
        r#"{"allocation":{"categories":[{"id":1,"locked":true},{"id":2,"locked":true},{"id":3,"amount":"0"}],"scale_to":"14"}}"#,
        &["scaling error: no unlocked category has an amount to scale, so the total cannot move from 13.0 to 14.0"],
    );
    check(
        r#"{"allocation":{"categories":[{"id":9,"amount":"1"}]}}"#,
        &["warning: there is no category 9; its edit is ignored"],
    );
}

#[test]
fn cash_cap_defers_projects_by_rule() {
    let even =
        |cap: &str, rule: &str| format!(r#"{{"default_profile":"even","cap":{{"amount":"{cap}","rule":"{rule}"}}}}"#);
    check(
        &even("15", "latest_start_first"),
        &[
            "cap met before=18.6 after=14.9 deferred=[4,3]",
            "cap year 2018-19 change=-3.7",
            "cap year 2019-20 change=0.2",
            "cap year 2020-21 change=3.5",
            "project 3 from 2019-20 Q1 [1.75 1.75 1.75 1.75 1.75 1.75] in-year=0 route=finance_committee",
            "project 4 from 2019-20 Q1 [0.2] in-year=0 route=block_allocation",
            "year 2018-19 ongoing=10 new=4.9 total=14.9",
            "end 2020-21 Q2",
        ],
    );
    check(&even("18", "latest_start_first"), &["cap met before=18.6 after=14.9 deferred=[4,3]"]);
    check(&even("18", "smallest_budget_first"), &["cap met before=18.6 after=17.5 deferred=[4,2]"]);
    check(&even("18", "largest_budget_first"), &["cap met before=18.6 after=15.1 deferred=[3]"]);
    check(&even("18", "largest_budget_year_cash_first"), &["cap met before=18.6 after=14.6 deferred=[1]"]);
    check(&even("18", "department_order"), &["cap met before=18.6 after=14.6 deferred=[1]"]);
    check(&even("18", "highest_id_first"), &["cap met before=18.6 after=14.9 deferred=[4,3]"]);
    check(&even("18.6", "latest_start_first"), &["cap met before=18.6 after=18.6 deferred=[]"]);
    check(&even("10", "latest_start_first"), &["cap met before=18.6 after=10 deferred=[4,3,2,1]"]);
    check(
        &even("9.99", "latest_start_first"),
        &["cap infeasible before=18.6 minimum=10", "year 2018-19 ongoing=10 new=8.6 total=18.6"],
    );
}
