#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! The Monte Carlo simulation: exact agreement with the deterministic engine at the
//! extremes, reproducibility, chunking, and settings errors.

mod engine_common;

use blockvote_model::engine::{
    simulate, Engine, MonteCarlo, MonteCarloSettings, OverrunSettings, Scenario, Stats, DEFAULT_SEED,
};
use engine_common::*;

/// Simulates `scenario_json` on the small dataset with `settings` and compares the
/// budget year's total (ongoing + new) stats, `"p10 p50 p90 mean"`, or the error.
#[track_caller]
fn check(scenario_json: &str, settings: MonteCarloSettings, expected: Result<&str, &str>) {
    let scenario: Scenario = serde_json::from_str(scenario_json).unwrap_or_else(|error| panic!("{error}"));
    let outcome = simulate(&small_dataset(), &scenario, &settings).map(|summary| stats(&summary.budget_year_total));
    assert_eq!(outcome.map_err(|error| error.to_string()).as_deref(), expected.map_err(str::to_string).as_deref());
}

fn stats(stats: &Stats) -> String {
    format!("{} {} {} {}", plain(stats.p10), plain(stats.p50), plain(stats.p90), plain(stats.mean))
}

fn settings(late: &str, weights: [u32; 4]) -> MonteCarloSettings {
    MonteCarloSettings { runs: 200, late_probability: d(late), delay_weights: weights, ..MonteCarloSettings::default() }
}

#[test]
fn extremes_agree_with_the_deterministic_engine() {
    let even = r#"{"default_profile":"even"}"#;
    // Never late: every run is the deterministic projection (18.6, see engine_levers).
    check(even, settings("0", [1, 0, 0, 0]), Ok("18.6 18.6 18.6 18.6"));
    // Always one quarter late: every run is the slippage share 1, one quarter.
    check(even, settings("1", [1, 0, 0, 0]), Ok("17.02 17.02 17.02 17.02"));
    // Always two quarters late: 10 + 4.0/6 × 4 + 1.2/6 × 3 + 10.5/8 × 2 + 0.2/3, each
    // split into whole HK$ with the spare dollars in the earliest quarters.
    check(even, settings("1", [0, 1, 0, 0]), Ok("15.958335 15.958335 15.958335 15.958335"));
    // Always 10 % over budget: every budget × 1.1, as the 10 % cost change gives.
    let overrun = MonteCarloSettings {
        overrun: Some(OverrunSettings { probability: d("1"), min_pct: 10, max_pct: 10 }),
        ..settings("0", [1, 0, 0, 0])
    };
    check(even, overrun, Ok("19.46 19.46 19.46 19.46"));
    // The scenario's own slippage is ignored: the simulation draws lateness itself.
    check(
        r#"{"default_profile":"even","slippage":{"enabled":true,"share":"1"}}"#,
        settings("0", [1, 0, 0, 0]),
        Ok("18.6 18.6 18.6 18.6"),
    );
}

#[test]
fn deterministic_comparison_uses_the_same_engine() {
    let engine = Engine::new(&small_dataset()).unwrap_or_else(|error| panic!("{error}"));
    let late: Scenario =
        serde_json::from_str(r#"{"default_profile":"even","slippage":{"enabled":true,"share":"1","quarters":1}}"#)
            .unwrap_or_else(|error| panic!("{error}"));
    let projection = engine.project(&late).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(plain(projection.budget_year_totals.total), "17.02");
}

#[test]
fn settings_out_of_range_are_refused() {
    let base = MonteCarloSettings::default;
    let cases = [
        (MonteCarloSettings { runs: 0, ..base() }, "simulation settings: runs must be between 1 and 100000"),
        (MonteCarloSettings { runs: 100_001, ..base() }, "simulation settings: runs must be between 1 and 100000"),
        (
            MonteCarloSettings { late_probability: d("1.01"), ..base() },
            "simulation settings: late_probability must be between 0 and 1",
        ),
        (
            MonteCarloSettings { delay_weights: [0; 4], ..base() },
            "simulation settings: delay_weights must have at least one positive weight",
        ),
        (
            MonteCarloSettings {
                overrun: Some(OverrunSettings { probability: d("0.5"), min_pct: 5, max_pct: 4 }),
                ..base()
            },
            "simulation settings: overrun needs 0 ≤ min_pct ≤ max_pct ≤ 1000",
        ),
        (
            MonteCarloSettings {
                overrun: Some(OverrunSettings { probability: d("-1"), min_pct: 0, max_pct: 4 }),
                ..base()
            },
            "simulation settings: overrun.probability must be between 0 and 1",
        ),
    ];
    for (settings, message) in cases {
        check("{}", settings, Err(message));
    }
    // Budgets so large that a run's totals could approach the integer range are refused.
    check(
        r#"{"groups":[{"select":{"by":"all"},"edit":{"budget":"1000000000"}}]}"#,
        MonteCarloSettings {
            overrun: Some(OverrunSettings { probability: d("1"), min_pct: 0, max_pct: 1000 }),
            ..settings("0.5", [1, 1, 1, 1])
        },
        Err("simulation settings: the scenario has amounts too large to simulate"),
    );
    check(
        r#"{"cost_change_pct":"2000"}"#,
        settings("0", [1, 0, 0, 0]),
        Err("cost_change_pct is 2000; it must be between -100 and 1000"),
    );
}

#[test]
fn same_seed_same_result_and_chunks_do_not_matter() {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let settings = MonteCarloSettings { runs: 1_000, ..MonteCarloSettings::default() };
    let fresh =
        || MonteCarlo::with_engine(&engine, &Scenario::default(), &settings).unwrap_or_else(|error| panic!("{error}"));
    let one_shot = fresh().finish();
    assert_eq!(fresh().finish(), one_shot);
    for chunk in [1, 7, 333, 999, 5_000] {
        let mut simulation = fresh();
        let mut steps = 0;
        while !simulation.is_done() {
            assert!(simulation.step(chunk) > 0);
            steps += 1;
        }
        assert_eq!(simulation.progress(), (1_000, 1_000));
        assert_eq!(simulation.step(10), 0, "a finished simulation runs no more");
        assert_eq!(simulation.summary(), one_shot, "chunks of {chunk} ({steps} steps)");
        // The summary worked out column by column is the same summary.
        let (_, columns) = simulation.summary_progress();
        while simulation.summarise(chunk.min(3)) > 0 {}
        assert_eq!(simulation.summary_progress(), (columns, columns));
        assert_eq!(simulation.summary(), one_shot, "summarised {} at a time", chunk.min(3));
    }
    // Nothing is summarised before every run is done.
    let mut unfinished = fresh();
    unfinished.step(10);
    assert_eq!(unfinished.summarise(5), 0);
    let other_seed = MonteCarloSettings { seed: DEFAULT_SEED + 1, ..settings.clone() };
    let other = MonteCarlo::with_engine(&engine, &Scenario::default(), &other_seed).map(|mut s| s.finish());
    assert_ne!(other.map(|summary| summary.budget_year_total), Ok(one_shot.budget_year_total));
}

#[test]
fn default_simulation_of_the_paper() {
    // Seed 710, 10,000 runs, 69/210 late by 1–4 quarters weighted 4:3:2:1, no overruns.
    let summary = simulate(&paper(), &Scenario::default(), &MonteCarloSettings::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!((summary.runs_done, summary.runs_total, summary.seed), (10_000, 10_000, 710));
    assert_eq!(stats(&summary.budget_year_total), "1002.256329 1018.060874 1032.544726 1017.66432");
    assert_eq!(stats(&summary.budget_year_new), "185.256329 201.060874 215.544726 200.66432");
    assert_eq!(summary.project_count, 254);
    assert_eq!(summary.mean_late_projects, d("83.4521"));
    for year in &summary.years {
        let s = year.stats;
        assert!(s.p10 <= s.p50 && s.p50 <= s.p90, "{}: {s:?}", year.year);
    }
    assert_eq!(summary.quarters.first().map(|quarter| quarter.quarter), Some(q("2018-19 Q1")));
}

/// The runs of the small dataset (evenly spread) counted against `threshold`, as
/// `below equal above`.
#[track_caller]
fn check_against(settings: MonteCarloSettings, threshold: &str, expected: &str) {
    let engine = Engine::new(&small_dataset()).unwrap_or_else(|error| panic!("{error}"));
    let scenario: Scenario = serde_json::from_str(r#"{"default_profile":"even"}"#).unwrap_or_else(|e| panic!("{e}"));
    let summary = MonteCarlo::with_engine(&engine, &scenario, &settings)
        .map(|simulation| simulation.comparing_budget_year_with(m(threshold)).finish())
        .unwrap_or_else(|error| panic!("{error}"));
    let counts = summary.budget_year_against.unwrap_or_else(|| panic!("counted against {threshold}"));
    assert_eq!(counts.threshold, m(threshold));
    assert_eq!(format!("{} {} {}", counts.below, counts.equal, counts.above), expected, "against {threshold}");
}

#[test]
fn runs_are_counted_against_the_allocation() {
    // Never late, every run needs exactly 18.6 in the budget year.
    check_against(settings("0", [1, 0, 0, 0]), "18.6", "0 200 0");
    check_against(settings("0", [1, 0, 0, 0]), "18.599999", "0 0 200");
    check_against(settings("0", [1, 0, 0, 0]), "18.600001", "200 0 0");
    // Always late by a quarter: every run needs 17.02.
    check_against(settings("1", [1, 0, 0, 0]), "18.6", "200 0 0");
    // Always 10 % over budget: every run needs 19.46.
    let overrun = MonteCarloSettings {
        overrun: Some(OverrunSettings { probability: d("1"), min_pct: 10, max_pct: 10 }),
        ..settings("0", [1, 0, 0, 0])
    };
    check_against(overrun, "18.6", "0 0 200");
    // Without a figure to count against, the summary counts nothing.
    let plain = simulate(&small_dataset(), &Scenario::default(), &settings("0.5", [1, 1, 1, 1]));
    assert_eq!(plain.map(|summary| summary.budget_year_against), Ok(None));
}

#[test]
fn half_the_runs_lie_on_either_side_of_the_median() {
    let engine = Engine::new(&paper()).unwrap_or_else(|error| panic!("{error}"));
    let settings = MonteCarloSettings { runs: 1_000, ..MonteCarloSettings::default() };
    let median = simulate(&paper(), &Scenario::default(), &settings)
        .map(|summary| summary.budget_year_total.p50)
        .unwrap_or_else(|error| panic!("{error}"));
    let summary = MonteCarlo::with_engine(&engine, &Scenario::default(), &settings)
        .map(|simulation| simulation.comparing_budget_year_with(median).finish())
        .unwrap_or_else(|error| panic!("{error}"));
    let counts = summary.budget_year_against.unwrap_or_else(|| panic!("counted"));
    assert_eq!(counts.below + counts.equal + counts.above, 1_000);
    // Nearest rank: the 500th smallest run is the median, so fewer than 500 lie below
    // it and at least 500 lie on or below it.
    assert!(counts.below < 500 && counts.below + counts.equal >= 500, "{counts:?}");
}

#[test]
fn para5_lateness_never_needs_more_than_the_allocation() {
    // Lateness only moves cash out of 2018-19, so without overruns every run of the
    // paper needs less than the HK$1,060M allocated.
    let engine = Engine::new(&paper()).unwrap_or_else(|error| panic!("{error}"));
    let summary = MonteCarlo::with_engine(&engine, &Scenario::default(), &MonteCarloSettings::default())
        .map(|simulation| simulation.comparing_budget_year_with(m("1060")).finish())
        .unwrap_or_else(|error| panic!("{error}"));
    let counts = summary.budget_year_against.unwrap_or_else(|| panic!("counted"));
    assert_eq!((counts.below, counts.equal, counts.above), (10_000, 0, 0));
}
