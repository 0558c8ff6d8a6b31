#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Inputs that must be refused with a clear error, never a panic: out-of-range
//! levers, schedules past the supported years, broken datasets, empty datasets.

mod engine_common;

use blockvote_model::engine::{CalibrationStatus, Engine, Scenario};
use blockvote_model::{CohortId, Dataset, Money};
use engine_common::*;

/// Projects `scenario_json` on `dataset` and compares the outcome: `Ok(())` or the
/// error's message.
#[track_caller]
fn check(dataset: &Dataset, scenario_json: &str, expected: Result<(), &str>) {
    let scenario: Scenario =
        serde_json::from_str(scenario_json).unwrap_or_else(|error| panic!("scenario {scenario_json}: {error}"));
    let outcome = Engine::new(dataset).and_then(|engine| engine.project(&scenario)).map(|_| ());
    let message = outcome.map_err(|error| error.to_string());
    assert_eq!(message, expected.map_err(str::to_string), "{scenario_json}");
}

#[test]
fn out_of_range_levers_are_refused() {
    let data = small_dataset();
    let cases: &[(&str, &str)] = &[
        (
            r#"{"projects":[{"id":1,"edit":{"defer_quarters":2147483647}}]}"#,
            "projects[id=1].edit.defer_quarters is 2147483647; it must be between -40 and 40",
        ),
        (
            r#"{"projects":[{"id":1,"edit":{"extend_quarters":-2147483648}}]}"#,
            "projects[id=1].edit.extend_quarters is -2147483648; it must be between -40 and 40",
        ),
        (
            r#"{"projects":[{"id":1},{"id":2,"edit":{"budget":"-1"}}]}"#,
            "projects[id=2].edit.budget is -1.000000; it must be between 0 and 1,000,000,000",
        ),
        (
            r#"{"projects":[{"id":2,"edit":{"budget":"1000000000.000001"}}]}"#,
            "projects[id=2].edit.budget is 1,000,000,000.000001; it must be between 0 and 1,000,000,000",
        ),
        (
            r#"{"groups":[{"select":{"by":"all"},"edit":{"defer_quarters":41}}]}"#,
            "groups[0].edit.defer_quarters is 41; it must be between -40 and 40",
        ),
        (r#"{"cost_change_pct":"-100.5"}"#, "cost_change_pct is -100.5; it must be between -100 and 1000"),
        (
            r#"{"cost_change_pct":"79228162514264337593543950335"}"#,
            "cost_change_pct is 79228162514264337593543950335; it must be between -100 and 1000",
        ),
        (r#"{"slippage":{"share":"1.5"}}"#, "slippage.share is 1.5; it must be between 0 and 1"),
        (r#"{"slippage":{"share":"-0.1"}}"#, "slippage.share is -0.1; it must be between 0 and 1"),
        (r#"{"slippage":{"quarters":4294967295}}"#, "slippage.quarters is 4294967295; it must be between 0 and 40"),
        (r#"{"retention":"2"}"#, "retention is 2; it must be between 0 and 1"),
        (r#"{"ongoing_budget_year":"-5"}"#, "ongoing_budget_year is -5.000000; it must be between 0 and 1,000,000,000"),
        (r#"{"delegation":{"floor":"11"}}"#, "the floor (11.0) must not be above the ceiling (10.0)"),
        (
            r#"{"delegation":{"ceiling":"-1"}}"#,
            "delegation.ceiling is -1.000000; it must be between 0 and 1,000,000,000",
        ),
        (r#"{"cap":{"amount":"-1"}}"#, "cap.amount is -1.000000; it must be between 0 and 1,000,000,000"),
        (
            r#"{"allocation":{"categories":[{"id":1,"amount":"-3"}]}}"#,
            "allocation.categories[id=1].amount is -3.000000; it must be between 0 and 1,000,000,000",
        ),
        (
            r#"{"allocation":{"scale_to":"-3"}}"#,
            "allocation.scale_to is -3.000000; it must be between 0 and 1,000,000,000",
        ),
    ];
    for (scenario, message) in cases {
        check(&data, scenario, Err(message));
    }
}

#[test]
fn the_largest_accepted_values_still_project() {
    let data = small_dataset();
    check(
        &data,
        r#"{"cost_change_pct":"1000","projects":[{"id":1,"edit":{"budget":"1000000000","defer_quarters":40,"extend_quarters":40}}]}"#,
        Ok(()),
    );
    check(
        &data,
        r#"{"slippage":{"enabled":true,"share":"1","quarters":40},"ongoing_budget_year":"1000000000"}"#,
        Ok(()),
    );
    check(&data, r#"{"cap":{"amount":"0"},"allocation":{"scale_to":"1000000000"}}"#, Ok(()));
    check(&data, r#"{"delegation":{"ceiling":"0","floor":"0"},"retention":"0"}"#, Ok(()));
}

#[test]
fn schedules_past_the_supported_years_are_refused() {
    let mut data = small_dataset();
    data.projects[0].completion = q("2199-00 Q3");
    check(&data, "{}", Ok(()));
    check(&data, r#"{"projects":[{"id":1,"edit":{"extend_quarters":1}}]}"#, Ok(()));
    check(
        &data,
        r#"{"projects":[{"id":1,"edit":{"extend_quarters":2}}]}"#,
        Err("project 1 would move outside the supported years (1990-91 to 2199-00)"),
    );
    check(
        &data,
        r#"{"slippage":{"enabled":true,"quarters":2}}"#,
        Err("project 1 would move outside the supported years (1990-91 to 2199-00)"),
    );
}

/// A change that breaks a dataset.
type Breakage = fn(&mut Dataset);

#[test]
fn broken_datasets_are_refused() {
    let broken: Vec<(Breakage, &str)> = vec![
        (
            |data| data.projects[1].budget = m("-0.5"),
            "the data cannot be projected: project 2 has a budget of -0.500000, outside 0 to 1,000,000,000 HK$M",
        ),
        (
            |data| data.projects[1].budget = m("1000000001"),
            "the data cannot be projected: project 2 has a budget of 1,000,000,001.000000, outside 0 to 1,000,000,000 HK$M",
        ),
        (
            |data| data.projects[2].completion = q("2017-18 Q4"),
            "the data cannot be projected: project 3 completes before it starts",
        ),
        (
            |data| data.projects[2].start = q("2017-18 Q4"),
            "the data cannot be projected: project 3 starts before the budget year",
        ),
        (|data| data.projects[4].id = 1, "the data cannot be projected: two projects have the id 1"),
        (
            |data| data.categories[0].proposed = m("-1"),
            "the data cannot be projected: category 1 (2018-19) is -1.000000, outside 0 to 1,000,000,000 HK$M",
        ),
    ];
    for (breakage, message) in broken {
        let mut data = small_dataset();
        breakage(&mut data);
        check(&data, "{}", Err(message));
    }
}

#[test]
fn empty_datasets_project_to_zero() {
    let mut data = small_dataset();
    data.projects.clear();
    data.categories.clear();
    data.cohorts.retain(|cohort| cohort.id == CohortId::Ongoing);
    check(&data, r#"{"slippage":{"enabled":true},"cap":{"amount":"5"},"allocation":{"scale_to":"0"}}"#, Ok(()));
    let engine = Engine::new(&data).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(engine.calibration().status, CalibrationStatus::NoTarget);
    let projection = engine.project(&Scenario::default()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(projection.quarters.len(), 4);
    assert_eq!(plain(projection.budget_year_totals.total), "10");
    assert_eq!(projection.budget_year_totals.new, Money::ZERO);

    // With the paper's target but no projects, the calibration says it cannot reach it.
    let mut data = small_dataset();
    data.projects.clear();
    let engine = Engine::new(&data).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        engine.calibration().status,
        CalibrationStatus::Unreachable { lowest: Money::ZERO, highest: Money::ZERO }
    );
    assert_eq!(plain(engine.calibration().residual), "-6");
}
