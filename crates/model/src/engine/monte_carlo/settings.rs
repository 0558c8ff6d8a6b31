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

/// The largest relative weight of one delay a member may give (the weights field, a
/// link's `weights=` and a saved scenario read it alike).
pub const MAX_DELAY_WEIGHT: u32 = 1_000;

/// The default relative weights of a delay of 1, 2, 3 and 4 quarters: blockvote's
/// assumption that shorter delays are more common (the paper gives none).
pub const DEFAULT_DELAY_WEIGHTS: [u32; MAX_DELAY_QUARTERS] = [4, 3, 2, 1];

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
            delay_weights: DEFAULT_DELAY_WEIGHTS,
            overrun: None,
        }
    }
}

/// The simulation as a member sets it up, and as a link and a saved scenario carry it,
/// so that whoever opens either runs the very same simulation: same settings, same
/// seed, same result. It differs from [`MonteCarloSettings`] in one field: the
/// probability late is the member's own only when they typed one, and otherwise
/// follows the slippage lever's share late, wherever the scenario sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimulationChoices {
    pub seed: u64,
    pub runs: u32,
    /// The member's probability that a project is late; `None` follows the share late
    /// of the scenario's slippage lever.
    pub late_probability: Option<Decimal>,
    pub delay_weights: [u32; MAX_DELAY_QUARTERS],
    /// Cost overruns, when the member added them.
    pub overrun: Option<OverrunSettings>,
}

impl Default for SimulationChoices {
    fn default() -> Self {
        SimulationChoices {
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            late_probability: None,
            delay_weights: DEFAULT_DELAY_WEIGHTS,
            overrun: None,
        }
    }
}

/// A setting of [`SimulationChoices`] outside what its field accepts, named by its
/// name in a saved scenario's `simulation` object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SimulationFault {
    /// Not 1 to [`MAX_RUNS`].
    Runs,
    /// Not 0 to 1.
    LateProbability,
    /// A weight above [`MAX_DELAY_WEIGHT`], or every weight 0.
    DelayWeights,
    /// A probability not 0 to 1, or not 0 ≤ from ≤ up to ≤ [`MAX_OVERRUN_PCT`].
    Overrun,
}

impl SimulationFault {
    /// The setting's name in a saved scenario's `simulation` object.
    pub fn field(self) -> &'static str {
        match self {
            SimulationFault::Runs => "simulation.runs",
            SimulationFault::LateProbability => "simulation.late_probability",
            SimulationFault::DelayWeights => "simulation.delay_weights",
            SimulationFault::Overrun => "simulation.overrun",
        }
    }
}

impl SimulationChoices {
    /// The default simulation with seed `seed`.
    pub fn with_seed(seed: u64) -> SimulationChoices {
        SimulationChoices { seed, ..SimulationChoices::default() }
    }

    /// The engine's settings when the scenario's slippage lever has share late
    /// `lever_share`.
    pub fn settings(&self, lever_share: Decimal) -> MonteCarloSettings {
        MonteCarloSettings {
            seed: self.seed,
            runs: self.runs,
            late_probability: self.late_probability.unwrap_or(lever_share),
            delay_weights: self.delay_weights,
            overrun: self.overrun.clone(),
        }
    }

    /// The first setting outside what the simulation's fields accept, if any: a link
    /// or a file holding one carries no simulation a member could have set up.
    pub fn fault(&self) -> Option<SimulationFault> {
        let share = |p: Decimal| (Decimal::ZERO..=Decimal::ONE).contains(&p);
        if !(1..=MAX_RUNS).contains(&self.runs) {
            Some(SimulationFault::Runs)
        } else if self.late_probability.is_some_and(|p| !share(p)) {
            Some(SimulationFault::LateProbability)
        } else if !delay_weights_usable(&self.delay_weights) {
            Some(SimulationFault::DelayWeights)
        } else if self
            .overrun
            .as_ref()
            .is_some_and(|o| !share(o.probability) || o.min_pct > o.max_pct || o.max_pct > MAX_OVERRUN_PCT)
        {
            Some(SimulationFault::Overrun)
        } else {
            None
        }
    }
}

#[cfg(test)]
impl SimulationChoices {
    /// A simulation with every setting off its default: what a link or a saved
    /// scenario must carry whole.
    pub(crate) fn every_setting_changed() -> SimulationChoices {
        SimulationChoices {
            seed: 42,
            runs: 5_000,
            late_probability: Some(Decimal::new(4, 1)),
            delay_weights: [1, 1, 1, 1],
            overrun: Some(OverrunSettings { probability: Decimal::new(2, 1), min_pct: 5, max_pct: 30 }),
        }
    }
}

/// True for weights a member can give: each at most [`MAX_DELAY_WEIGHT`], one above 0.
pub fn delay_weights_usable(weights: &[u32; MAX_DELAY_QUARTERS]) -> bool {
    weights.iter().all(|w| *w <= MAX_DELAY_WEIGHT) && weights.iter().any(|w| *w > 0)
}

/// Cost overruns: with `probability`, a project costs `min_pct` to `max_pct` % more
/// (whole percent, each equally likely).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverrunSettings {
    #[serde(serialize_with = "crate::entry::write_share", deserialize_with = "crate::entry::read_share")]
    pub probability: Decimal,
    pub min_pct: u32,
    pub max_pct: u32,
}

impl Default for OverrunSettings {
    fn default() -> Self {
        OverrunSettings { probability: Decimal::new(1, 1), min_pct: 0, max_pct: 20 }
    }
}
