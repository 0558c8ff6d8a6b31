#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Goal seek and sensitivity tables on the small hand-built dataset, whose figures
//! can be checked by hand (see `engine_levers`): with the even profile the budget
//! year needs 18.6 on time, 17.02 with every project one quarter late, and 17.81
//! with half of them late.

mod engine_common;

use blockvote_model::engine::{
    default_tornado, goal_seek, one_way, tornado, two_way, Engine, EngineError, GoalSeek, GoalSeekError, Lever, Metric,
    Scenario, TornadoSetting,
};
use engine_common::*;
use rust_decimal::Decimal;

fn engine() -> Engine {
    Engine::new(&small_dataset()).unwrap_or_else(|error| panic!("{error}"))
}

fn even() -> Scenario {
    serde_json::from_str(r#"{"default_profile":"even"}"#).unwrap_or_else(|error| panic!("{error}"))
}

/// Solves `lever` for `metric` = `target` from the even scenario and compares
/// `"value achieved"` or the error message.
#[track_caller]
fn check(lever: Lever, metric: Metric, target: &str, expected: Result<&str, &str>) {
    let goal = GoalSeek { lever, metric, target: m(target) };
    let outcome = goal_seek(&engine(), &even(), &goal)
        .map(|result| format!("{} {}", result.value, plain(result.achieved)))
        .map_err(|error| error.to_string());
    assert_eq!(outcome.as_deref(), expected.map_err(str::to_string).as_deref(), "{goal:?}");
}

#[test]
fn goal_seek_solves_each_lever() {
    check(Lever::SlipShare, Metric::BudgetYearTotal, "17.81", Ok("0.5 17.81"));
    check(Lever::OnTimeRate, Metric::BudgetYearTotal, "17.81", Ok("0.5 17.81"));
    // With the scenario's share (69/210) late, 5 quarters give 17.128… and 6 give
    // 17.002673: whole quarters cannot hit 17.02, so the nearer one is returned.
    check(Lever::SlipQuarters, Metric::BudgetYearTotal, "17.02", Ok("6 17.002673"));
    // Total budget 15.9 → 17.49 is exactly +10 %.
    check(Lever::CostChangePct, Metric::TotalBudget, "17.49", Ok("10 17.49"));
    check(Lever::OngoingAmount, Metric::BudgetYearTotal, "20", Ok("11.4 20"));
    check(Lever::AllocationScale, Metric::AllocationTotal, "8", Ok("0.5 8"));
    // Any cap from 14.9 up to 18.4 defers project 4 (0.2) then project 3 (3.5):
    // 18.6 → 14.9; the tidiest such cap is returned.
    check(Lever::Cap, Metric::BudgetYearTotal, "14.9", Ok("16 14.9"));
    check(
        Lever::SlipShare,
        Metric::BudgetYearTotal,
        "20",
        Err("no value of this lever reaches the target: the figure only spans 17.0 to 18.6"),
    );
    // Under the even profile the retention share has no effect at all.
    check(Lever::Retention, Metric::BudgetYearNew, "8.6", Ok("0 8.6"));
    check(
        Lever::Retention,
        Metric::BudgetYearNew,
        "8.7",
        Err("no value of this lever reaches the target: the figure only spans 8.6 to 8.6"),
    );
}

#[test]
fn goal_seek_reports_an_unprojectable_scenario() {
    let broken = Scenario { cost_change_pct: Decimal::from(5000), ..Scenario::default() };
    let goal = GoalSeek { lever: Lever::SlipShare, metric: Metric::BudgetYearTotal, target: m("10") };
    assert!(matches!(goal_seek(&engine(), &broken, &goal), Err(GoalSeekError::Engine { .. })));
}

#[test]
fn one_and_two_way_tables() {
    let table = one_way(&engine(), &even(), Lever::SlipShare, &[d("0"), d("0.5"), d("1")])
        .unwrap_or_else(|error| panic!("{error}"));
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|row| format!("{} {} {}", row.value, plain(row.budget_year_total), plain(row.budget_year_new)))
        .collect();
    assert_eq!(rows, ["0 18.6 8.6", "0.5 17.81 7.81", "1 17.02 7.02"]);

    let grid = two_way(
        &engine(),
        &even(),
        Lever::OnTimeRate,
        &[d("1"), d("0"), d("0.5")],
        Lever::SlipQuarters,
        &[d("1"), d("2")],
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let cells: Vec<Vec<String>> = grid.cells.iter().map(|row| row.iter().map(|cell| plain(*cell)).collect()).collect();
    assert_eq!(cells, [["18.6", "18.6"], ["17.02", "15.958335"], ["17.81", "17.279168"]]);
}

#[test]
fn tornado_sorts_by_swing() {
    let settings = [
        TornadoSetting { lever: Lever::SlipShare, low: d("0"), high: d("1") },
        TornadoSetting { lever: Lever::OngoingAmount, low: d("0"), high: d("20") },
        TornadoSetting { lever: Lever::AllocationScale, low: d("0"), high: d("2") },
    ];
    let chart = tornado(&engine(), &even(), &settings).unwrap_or_else(|error| panic!("{error}"));
    let bars: Vec<String> = chart
        .bars
        .iter()
        .map(|bar| format!("{:?} {} {} {}", bar.lever, plain(bar.at_low), plain(bar.at_high), plain(bar.swing)))
        .collect();
    assert_eq!(bars, ["OngoingAmount 8.6 28.6 20", "SlipShare 18.6 17.02 1.58", "AllocationScale 18.6 18.6 0"]);
    assert_eq!(plain(chart.base), "18.6");
    let defaults = default_tornado(&engine(), &Scenario::default());
    let chart = tornado(&engine(), &Scenario::default(), &defaults).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(chart.bars.len(), 5);
    assert!(chart.bars.windows(2).all(|pair| pair[0].swing >= pair[1].swing));
}

#[test]
fn tables_refuse_bad_requests() {
    let too_many: Vec<Decimal> = (0..102).map(|value| Decimal::new(value, 3)).collect();
    let cases: Vec<(Result<(), EngineError>, &str)> = vec![
        (
            one_way(&engine(), &even(), Lever::SlipShare, &too_many).map(|_| ()),
            "sensitivity table: values must have 1 to 101 values",
        ),
        (
            one_way(&engine(), &even(), Lever::SlipShare, &[]).map(|_| ()),
            "sensitivity table: values must have 1 to 101 values",
        ),
        (
            one_way(&engine(), &even(), Lever::SlipQuarters, &[d("1.5")]).map(|_| ()),
            "slip_quarters is 1.5; it must be a whole number",
        ),
        (
            one_way(&engine(), &even(), Lever::SlipShare, &[d("2")]).map(|_| ()),
            "slip_share is 2; it must be between 0 and 1",
        ),
        (
            two_way(&engine(), &even(), Lever::SlipShare, &[d("0")], Lever::CostChangePct, &too_many).map(|_| ()),
            "sensitivity table: columns must have 1 to 101 values",
        ),
    ];
    for (outcome, message) in cases {
        assert_eq!(outcome.map_err(|error| error.to_string()), Err(message.to_string()));
    }
}
