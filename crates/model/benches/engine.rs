#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Benchmarks of the engine on the paper's data: `cargo bench -p blockvote-model`.

use blockvote_model::engine::{
    bridge, goal_seek, project, Engine, GoalSeek, Lever, Metric, MonteCarlo, MonteCarloSettings, Scenario,
};
use blockvote_model::Dataset;
use divan::Bencher;

fn main() {
    divan::main();
}

fn paper() -> Dataset {
    Dataset::paper().unwrap_or_else(|errors| panic!("the paper's data must load: {errors:?}"))
}

/// Preparing the engine: checking the data and solving the calibration.
#[divan::bench]
fn prepare_engine(bencher: Bencher) {
    let dataset = paper();
    bencher.bench(|| Engine::new(divan::black_box(&dataset)));
}

/// One projection of the baseline with a prepared engine (what a keystroke costs).
#[divan::bench]
fn project_baseline(bencher: Bencher) {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let scenario = Scenario::default();
    bencher.bench(|| engine.project(divan::black_box(&scenario)));
}

/// One projection with slippage on (two spreads and a mix per project).
#[divan::bench]
fn project_with_slippage(bencher: Bencher) {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let mut scenario = Scenario::default();
    scenario.slippage.enabled = true;
    bencher.bench(|| engine.project(divan::black_box(&scenario)));
}

/// The bridge of a scenario moving every lever group (128 projections by Shapley
/// values, and one more to check the allocation and thresholds).
#[divan::bench(sample_count = 20)]
fn bridge_every_group(bencher: Bencher) {
    use blockvote_model::engine::{CashCap, DeferralRule, Edit, GroupEdit, Profile, ProjectEdit, Selector};
    use blockvote_model::{Money, Theme};
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let mut scenario = Scenario { default_profile: Profile::Even, cost_change_pct: 10.into(), ..Scenario::default() };
    scenario.slippage.enabled = true;
    scenario.groups = vec![GroupEdit {
        select: Selector::Theme { theme: Theme::TechnologyRefresh },
        edit: Edit { defer_quarters: Some(1), ..Edit::default() },
    }];
    scenario.projects = vec![ProjectEdit { id: 1, edit: Edit { exclude: Some(true), ..Edit::default() } }];
    scenario.cap = Some(CashCap { amount: Money::from_whole_millions(1_000), rule: DeferralRule::LatestStartFirst });
    scenario.ongoing_budget_year = Some(Money::from_whole_millions(800));
    let paper_total = Money::from_whole_millions(1_060);
    bencher.bench(|| bridge(&engine, divan::black_box(&scenario), paper_total));
}

/// The one-off free function: prepare and project.
#[divan::bench]
fn project_from_dataset(bencher: Bencher) {
    let dataset = paper();
    let scenario = Scenario::default();
    bencher.bench(|| project(divan::black_box(&dataset), divan::black_box(&scenario)));
}

/// Monte Carlo with the default settings (seed 710, 10,000 runs) on the paper's data,
/// including its preparation (one deterministic schedule and five cash vectors per
/// project).
#[divan::bench(sample_count = 20)]
fn monte_carlo_10000_runs(bencher: Bencher) {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let settings = MonteCarloSettings::default();
    bencher.bench(|| {
        MonteCarlo::with_engine(&engine, &Scenario::default(), divan::black_box(&settings))
            .map(|mut simulation| simulation.finish())
    });
}

/// One browser-sized chunk of 500 runs (the simulation is prepared outside the timing).
#[divan::bench(sample_count = 50)]
fn monte_carlo_chunk_of_500(bencher: Bencher) {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let settings = MonteCarloSettings { runs: 100_000, ..MonteCarloSettings::default() };
    bencher
        .with_inputs(|| {
            MonteCarlo::with_engine(&engine, &Scenario::default(), &settings).unwrap_or_else(|error| panic!("{error}"))
        })
        .bench_local_refs(|simulation| simulation.step(500));
}

/// A goal seek (slip share for a 2018-19 total of HK$1,040M): about thirty projections.
#[divan::bench(sample_count = 20)]
fn goal_seek_slip_share(bencher: Bencher) {
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let goal = GoalSeek {
        lever: Lever::SlipShare,
        metric: Metric::BudgetYearTotal,
        target: blockvote_model::Money::from_whole_millions(1040),
    };
    bencher.bench(|| goal_seek(&engine, &Scenario::default(), divan::black_box(&goal)));
}

/// A 20 × 20 data table (cost change × retention share → new projects' 2018-19 cash):
/// 400 projections, what one recompute of the largest table the screen allows costs.
#[divan::bench(sample_count = 10)]
fn data_table_20x20(bencher: Bencher) {
    use blockvote_model::engine::{data_table, Axis, DataTableSpec};
    use rust_decimal::Decimal;
    let dataset = paper();
    let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
    let rows = Axis::range(Lever::CostChangePct, Decimal::from(-19), Decimal::from(19), Decimal::TWO)
        .unwrap_or_else(|error| panic!("{error:?}"));
    let columns = Axis::range(Lever::Retention, Decimal::new(5, 2), Decimal::ONE, Decimal::new(5, 2))
        .unwrap_or_else(|error| panic!("{error:?}"));
    let spec = DataTableSpec::new(rows, columns, Metric::BudgetYearNew).unwrap_or_else(|error| panic!("{error:?}"));
    bencher.bench(|| data_table(&engine, &Scenario::default(), divan::black_box(spec.clone())));
}
