//! Monte Carlo simulation of lateness and cost overruns, seeded and chunked.
//!
//! Each run draws, for every included new project in turn: whether it is late
//! (probability `late_probability`, default para 5's 69/210); if late, by how many
//! quarters (1 to 4, by `delay_weights`); and, if overruns are on, whether it
//! overruns (probability `overrun.probability`) and by how many whole percent
//! (uniform from `min_pct` to `max_pct`). A late project keeps its start; its
//! completion moves, and its profile spreads the budget over the longer duration.
//!
//! The simulation starts from the scenario's schedules (edits, cost change and cap
//! applied) but without its expected-value slippage, since it draws lateness itself.
//!
//! # Determinism
//!
//! The generator is `Xoshiro256PlusPlus` seeded from a `u64` with SplitMix64
//! (`seed_from_u64`), so a seed gives the same runs on every platform. All draws are
//! integer: probabilities become thresholds on a 64-bit draw (probability × 2^64,
//! with the probability first held to 10^-12, rounding point R2); choices among
//! weights or percentages take the high 64 bits of a 64 × 64-bit product. Every
//! project's cash per possible delay is precomputed in whole HK$, and a run's totals
//! are accumulated in exact integer hundredths of a HK$ (budget × (100 + overrun %)),
//! so no floating point is involved anywhere.
//!
//! # Chunks
//!
//! [`MonteCarlo::step`] runs a chunk and returns, so a browser can keep its frame
//! rate; the runs are drawn in the same order whatever the chunking, so a chunked
//! simulation gives exactly the result of a one-shot one with the same seed.
//!
//! # From counts to money (rounding point R5)
//!
//! [`MonteCarloSummary`] reports percentiles by the nearest-rank rule (the P-th
//! percentile of N runs is the run at rank ⌈P × N / 100⌉ in ascending order, so it is
//! always an actual run's value) and the mean. Both go through the single conversion
//! `hundredths_to_money`: hundredths of a HK$ divided by the count, rounded to whole
//! HK$ half away from zero.

use super::cash::{cash_for, Cash};
use super::error::{EngineError, ScheduleError, SettingError};
use super::plan::Plan;
use super::prepared::Engine;
use super::scenario::{para5_late_share, Scenario};
use super::share::{share_units, SHARE_SCALE};
use super::timeline::Timeline;
use crate::dataset::Dataset;
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

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

/// P10, P50 (median), P90 and mean of one figure over the runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub p10: Money,
    pub p50: Money,
    pub p90: Money,
    pub mean: Money,
}

/// One quarter's total cash need (ongoing + new) over the runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterStats {
    pub quarter: FiscalQuarter,
    pub stats: Stats,
}

/// One financial year's total cash need (ongoing + new) over the runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearStats {
    #[serde(with = "super::year_serde")]
    pub year: FiscalYear,
    pub stats: Stats,
}

/// The simulation's results so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonteCarloSummary {
    pub seed: u64,
    pub runs_done: u32,
    pub runs_total: u32,
    /// Every quarter from the budget year's first to the last any project can reach
    /// with the longest delay.
    pub quarters: Vec<QuarterStats>,
    pub years: Vec<YearStats>,
    /// The budget year's total (ongoing + new).
    pub budget_year_total: Stats,
    /// The budget year's new projects alone.
    pub budget_year_new: Stats,
    /// The average number of late projects per run (exact to 28 digits).
    pub mean_late_projects: Decimal,
    /// The number of projects simulated (the included new projects).
    pub project_count: u32,
}

/// A project's cash for each possible delay: `by_delay[d]` completes `d` quarters
/// late. All start at `offset` on the simulation's timeline.
struct SimProject {
    offset: usize,
    by_delay: Vec<Vec<i64>>,
}

/// A running simulation. Create it with [`MonteCarlo::new`], call
/// [`MonteCarlo::step`] until [`MonteCarlo::is_done`], read [`MonteCarlo::summary`]
/// at any time.
///
/// ```
/// use blockvote_model::Dataset;
/// use blockvote_model::engine::{MonteCarlo, MonteCarloSettings, Scenario};
/// let dataset = Dataset::paper().expect("loads");
/// let settings = MonteCarloSettings { runs: 200, ..MonteCarloSettings::default() };
/// let mut simulation = MonteCarlo::new(&dataset, &Scenario::default(), &settings)?;
/// while !simulation.is_done() {
///     simulation.step(50); // in the browser: one chunk per animation frame
/// }
/// let summary = simulation.summary();
/// assert!(summary.budget_year_total.p10 <= summary.budget_year_total.p90);
/// # Ok::<(), blockvote_model::engine::EngineError>(())
/// ```
pub struct MonteCarlo {
    seed: u64,
    rng: Xoshiro256PlusPlus,
    late_threshold: u128,
    delay_cumulative: [u64; MAX_DELAY_QUARTERS],
    overrun: Option<(u128, u32, u32)>,
    timeline: Timeline,
    years: Vec<(FiscalYear, Range<usize>)>,
    projects: Vec<SimProject>,
    /// 100 × (ongoing + every project on time), per quarter: a run starts here.
    base: Vec<i64>,
    /// 100 × the ongoing cohort's budget-year cash.
    ongoing_budget_year: i64,
    /// Per quarter, one total per run done, in hundredths of a HK$.
    per_quarter: Vec<Vec<i64>>,
    per_year: Vec<Vec<i64>>,
    budget_year_new: Vec<i64>,
    late_draws: u64,
    done: u32,
    total: u32,
    scratch: Vec<i64>,
}

fn setting(field: &str, problem: &str) -> EngineError {
    EngineError::MonteCarlo(SettingError::new(field, problem))
}

/// `probability` (in `[0, 1]`) as a threshold on a uniform 64-bit draw.
fn threshold(field: &str, probability: Decimal) -> Result<u128, EngineError> {
    let units = share_units(probability).ok_or_else(|| setting(field, "must be between 0 and 1"))?;
    Ok((u128::from(units) << 64) / u128::from(SHARE_SCALE))
}

/// A uniform choice in `0..count` from a 64-bit draw (the high half of the product).
fn pick(draw: u64, count: u64) -> u64 {
    u64::try_from((u128::from(draw) * u128::from(count)) >> 64).unwrap_or(0)
}

/// Rounding point R5, the one conversion of simulated amounts to money: `hundredths`
/// of a HK$ summed over `count` runs, as a mean in whole HK$, rounded half away from
/// zero. A single run's value is the same with `count` 1.
fn hundredths_to_money(hundredths: i128, count: u64) -> Money {
    let denominator = i128::from(count.max(1)) * 100;
    let magnitude = (hundredths.abs() * 2 + denominator) / (denominator * 2);
    let dollars = if hundredths < 0 { -magnitude } else { magnitude };
    super::dollars::from_dollar_sum(dollars).unwrap_or(Money::ZERO)
}

/// Nearest-rank percentiles and the mean of one column of run values.
fn stats(values: &[i64]) -> Stats {
    if values.is_empty() {
        return Stats::default();
    }
    let mut sorted = values.to_vec();
    let count = sorted.len();
    let mut at = |percent: usize| {
        // Nearest rank: ⌈percent × count / 100⌉, at least 1.
        let rank = (percent * count).div_ceil(100).max(1);
        let (_, value, _) = sorted.select_nth_unstable(rank - 1);
        hundredths_to_money(i128::from(*value), 1)
    };
    let (p10, p50, p90) = (at(10), at(50), at(90));
    let sum: i128 = values.iter().map(|value| i128::from(*value)).sum();
    Stats { p10, p50, p90, mean: hundredths_to_money(sum, count as u64) }
}

impl MonteCarlo {
    /// Prepares a simulation of `scenario` on `dataset` (this also prepares an
    /// [`Engine`]; use [`MonteCarlo::with_engine`] to reuse one).
    pub fn new(dataset: &Dataset, scenario: &Scenario, settings: &MonteCarloSettings) -> Result<MonteCarlo, EngineError> {
        MonteCarlo::with_engine(&Engine::new(dataset)?, scenario, settings)
    }

    /// Prepares a simulation with an already prepared engine.
    pub fn with_engine(
        engine: &Engine,
        scenario: &Scenario,
        settings: &MonteCarloSettings,
    ) -> Result<MonteCarlo, EngineError> {
        if settings.runs == 0 || settings.runs > MAX_RUNS {
            return Err(setting("runs", &format!("must be between 1 and {MAX_RUNS}")));
        }
        let late_threshold = threshold("late_probability", settings.late_probability)?;
        let mut delay_cumulative = [0_u64; MAX_DELAY_QUARTERS];
        let mut running = 0_u64;
        for (slot, weight) in delay_cumulative.iter_mut().zip(settings.delay_weights) {
            running += u64::from(weight);
            *slot = running;
        }
        if running == 0 {
            return Err(setting("delay_weights", "must have at least one positive weight"));
        }
        let overrun = match &settings.overrun {
            None => None,
            Some(overrun) => {
                if overrun.min_pct > overrun.max_pct || overrun.max_pct > MAX_OVERRUN_PCT {
                    return Err(setting("overrun", &format!("needs 0 ≤ min_pct ≤ max_pct ≤ {MAX_OVERRUN_PCT}")));
                }
                Some((threshold("overrun.probability", overrun.probability)?, overrun.min_pct, overrun.max_pct))
            }
        };
        let max_factor = 100 + i128::from(overrun.map_or(0, |(_, _, max)| max));
        let schedule = engine.schedule(scenario, false)?;
        let mut projects = Vec::new();
        let mut cash_by_project: Vec<(usize, Vec<Cash>)> = Vec::new();
        let mut last = None;
        let mut budget_sum: i128 = 0;
        for plan in schedule.plans.iter().filter(|plan| plan.included) {
            let id = engine.projects.get(plan.index).map_or(0, |project| project.id);
            let mut by_delay = Vec::with_capacity(MAX_DELAY_QUARTERS + 1);
            for delay in 0..=MAX_DELAY_QUARTERS {
                let extra = i32::try_from(delay).unwrap_or(0);
                let completion = plan.completion.add_quarters(extra).ok_or(ScheduleError::OutOfRange { id })?;
                let late = Plan { completion, ..plan.clone() };
                let cash = cash_for(&late, id, None, schedule.levers.retention_units)?;
                last = last.max(Some(cash.last()));
                by_delay.push(cash);
            }
            budget_sum += i128::from(plan.budget);
            cash_by_project.push((plan.index, by_delay));
        }
        // Every run's per-quarter value lies between −100 and (100 + max overrun) times
        // the budgets plus the ongoing cohort; refusing anything near i64's range here
        // lets the inner loop add without checks.
        let bound = (budget_sum + i128::from(schedule.levers.ongoing)) * max_factor;
        if bound >= i128::from(i64::MAX / 4) {
            return Err(setting("the scenario", "has amounts too large to simulate"));
        }
        let timeline = Timeline::new(engine.budget_year, last);
        let mut base = vec![0_i64; timeline.len];
        let ongoing_split = super::apportion::apportion(schedule.levers.ongoing, &[1, 1, 1, 1])?;
        for (slot, amount) in base.iter_mut().zip(&ongoing_split) {
            *slot += amount * 100;
        }
        for (_, by_delay) in &cash_by_project {
            let offset = by_delay.first().and_then(|cash| cash.start.index_from(timeline.origin)).unwrap_or(0);
            let on_time = by_delay.first().map_or(&[][..], |cash| &cash.amounts[..]);
            for (slot, amount) in base.iter_mut().skip(offset).zip(on_time) {
                *slot += amount * 100;
            }
            projects.push(SimProject {
                offset,
                by_delay: by_delay.iter().map(|cash| cash.amounts.clone()).collect(),
            });
        }
        let total = settings.runs;
        let capacity = usize::try_from(total).unwrap_or(0);
        let years = timeline.years();
        Ok(MonteCarlo {
            seed: settings.seed,
            rng: Xoshiro256PlusPlus::seed_from_u64(settings.seed),
            late_threshold,
            delay_cumulative,
            overrun,
            per_quarter: vec![Vec::with_capacity(capacity); timeline.len],
            per_year: vec![Vec::with_capacity(capacity); years.len()],
            budget_year_new: Vec::with_capacity(capacity),
            years,
            timeline,
            projects,
            scratch: base.clone(),
            base,
            ongoing_budget_year: schedule.levers.ongoing * 100,
            late_draws: 0,
            done: 0,
            total,
        })
    }

    /// Runs up to `runs` more runs (fewer if the simulation finishes); returns how
    /// many it ran.
    pub fn step(&mut self, runs: u32) -> u32 {
        let runs = runs.min(self.total - self.done);
        for _ in 0..runs {
            self.run_once();
        }
        self.done += runs;
        runs
    }

    /// `(runs done, runs in total)`.
    pub fn progress(&self) -> (u32, u32) {
        (self.done, self.total)
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.total
    }

    /// Runs every remaining run and returns the summary.
    pub fn finish(&mut self) -> MonteCarloSummary {
        self.step(self.total - self.done);
        self.summary()
    }

    fn run_once(&mut self) {
        self.scratch.copy_from_slice(&self.base);
        for project in &self.projects {
            let late = u128::from(self.rng.next_u64()) < self.late_threshold;
            let delay = if late {
                self.late_draws += 1;
                let total = self.delay_cumulative[MAX_DELAY_QUARTERS - 1];
                let choice = pick(self.rng.next_u64(), total);
                1 + self.delay_cumulative.iter().position(|cumulative| choice < *cumulative).unwrap_or(0)
            } else {
                0
            };
            let factor = match self.overrun {
                Some((threshold, min, max)) if u128::from(self.rng.next_u64()) < threshold => {
                    let span = u64::from(max - min) + 1;
                    100 + i64::from(min) + i64::try_from(pick(self.rng.next_u64(), span)).unwrap_or(0)
                }
                _ => 100,
            };
            if delay == 0 && factor == 100 {
                continue;
            }
            let (Some(on_time), Some(chosen)) = (project.by_delay.first(), project.by_delay.get(delay)) else {
                continue;
            };
            let slots = self.scratch.iter_mut().skip(project.offset);
            for (slot, amount) in slots.zip(on_time) {
                *slot -= amount * 100;
            }
            let slots = self.scratch.iter_mut().skip(project.offset);
            for (slot, amount) in slots.zip(chosen) {
                *slot += amount * factor;
            }
        }
        for (column, value) in self.per_quarter.iter_mut().zip(&self.scratch) {
            column.push(*value);
        }
        for (column, (_, range)) in self.per_year.iter_mut().zip(&self.years) {
            column.push(self.scratch.get(range.clone()).map_or(0, |slice| slice.iter().sum()));
        }
        let budget_year: i64 = self.scratch.iter().take(4).sum();
        self.budget_year_new.push(budget_year - self.ongoing_budget_year);
    }

    /// Percentiles and means over the runs done so far.
    pub fn summary(&self) -> MonteCarloSummary {
        let quarters = self
            .per_quarter
            .iter()
            .enumerate()
            .map(|(index, column)| QuarterStats { quarter: self.timeline.quarter(index), stats: stats(column) })
            .collect();
        let years: Vec<YearStats> = self
            .per_year
            .iter()
            .zip(&self.years)
            .map(|(column, (year, _))| YearStats { year: *year, stats: stats(column) })
            .collect();
        let budget_year_total = years.first().map_or_else(Stats::default, |year| year.stats);
        let mean_late_projects = if self.done == 0 {
            Decimal::ZERO
        } else {
            Decimal::from(self.late_draws) / Decimal::from(self.done)
        };
        MonteCarloSummary {
            seed: self.seed,
            runs_done: self.done,
            runs_total: self.total,
            quarters,
            years,
            budget_year_total,
            budget_year_new: stats(&self.budget_year_new),
            mean_late_projects,
            project_count: u32::try_from(self.projects.len()).unwrap_or(u32::MAX),
        }
    }
}

/// Runs a whole simulation in one call.
pub fn simulate(
    dataset: &Dataset,
    scenario: &Scenario,
    settings: &MonteCarloSettings,
) -> Result<MonteCarloSummary, EngineError> {
    Ok(MonteCarlo::new(dataset, scenario, settings)?.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(hundredths: i128, count: u64, expected_dollars: i64) {
        assert_eq!(
            hundredths_to_money(hundredths, count),
            super::super::dollars::from_dollars(expected_dollars),
            "{hundredths} hundredths over {count}"
        );
    }

    #[test]
    fn converts_hundredths_half_away_from_zero() {
        check(150, 1, 2);
        check(149, 1, 1);
        check(-150, 1, -2);
        check(300, 2, 2);
        check(250, 2, 1);
        check(0, 0, 0);
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let values: Vec<i64> = (1..=10).map(|v| v * 100).collect();
        let s = stats(&values);
        let dollars = super::super::dollars::from_dollars;
        assert_eq!((s.p10, s.p50, s.p90), (dollars(1), dollars(5), dollars(9)));
        assert_eq!(s.mean, dollars(6)); // 5.5 rounds half away from zero
        assert_eq!(stats(&[]), Stats::default());
    }
}
