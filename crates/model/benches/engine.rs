//! Benchmarks of the engine on the paper's data: `cargo bench -p blockvote-model`.

use blockvote_model::engine::{project, Engine, Scenario};
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

/// The one-off free function: prepare and project.
#[divan::bench]
fn project_from_dataset(bencher: Bencher) {
    let dataset = paper();
    let scenario = Scenario::default();
    bencher.bench(|| project(divan::black_box(&dataset), divan::black_box(&scenario)));
}
