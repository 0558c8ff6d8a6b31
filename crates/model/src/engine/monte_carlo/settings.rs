//! The simulation's settings and their limits.

use crate::engine::scenario::para5_late_share;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The default seed: 710, for CWRF Head 710.
pub const DEFAULT_SEED: u64 = 710;

/// The default number of runs.
pub const DEFAULT_RUNS: u32 = 10_000;

/// The most runs one simulation may hold (its results take about 200 bytes a run).
pub const MAX_RUNS: u32 = 100_000;

/// The longest delay the simulation draws, in quarters.
pub const MAX_DELAY_QUARTERS: usize = 4;

/// The largest overrun the simulation accepts, in %.
pub const MAX_OVERRUN_PCT: u32 = 1_000;

/// The simulation's settings. Every field has a default, so partial JSON loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MonteCarloSettings {
    /// Same seed, same result (default [`DEFAULT_SEED`]).
    pub seed: u64,
    /// Number of runs, 1 to [`MAX_RUNS`] (default [`DEFAULT_RUNS`]).
    pub runs: u32,
    /// The chance that a project is late, in `[0, 1]` (default 69/210, para 5).
    pub late_probability: Decimal,
    /// Relative weights of a delay of 1, 2, 3 and 4 quarters. The paper gives no
    /// distribution; the default 4 : 3 : 2 : 1 is blockvote's assumption that shorter
    /// delays are more common. At least one weight must be positive.
    pub delay_weights: [u32; MAX_DELAY_QUARTERS],
    /// Cost overruns; `None` (the default) because para 5 reports all 210 projects
    /// of 2016 completed within budget.
    pub overrun: Option<OverrunSettings>,
}

impl Default for MonteCarloSettings {
    fn default() -> Self {
        MonteCarloSettings {
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            late_probability: para5_late_share(),
            delay_weights: [4, 3, 2, 1],
            overrun: None,
        }
    }
}

/// Cost overruns: with `probability`, a project costs `min_pct` to `max_pct` % more
/// (whole percent, each equally likely).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverrunSettings {
    pub probability: Decimal,
    pub min_pct: u32,
    pub max_pct: u32,
}

impl Default for OverrunSettings {
    fn default() -> Self {
        OverrunSettings { probability: Decimal::new(1, 1), min_pct: 0, max_pct: 20 }
    }
}
