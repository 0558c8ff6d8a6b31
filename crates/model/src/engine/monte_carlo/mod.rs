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

mod draws;
mod settings;
mod summary;

pub use settings::{
    delay_weights_usable, MonteCarloSettings, OverrunSettings, SimulationChoices, SimulationFault,
    DEFAULT_DELAY_WEIGHTS, DEFAULT_RUNS, DEFAULT_SEED, MAX_DELAY_QUARTERS, MAX_DELAY_WEIGHT, MAX_OVERRUN_PCT, MAX_RUNS,
};
pub use summary::{MonteCarloSummary, QuarterStats, RunsAgainst, Stats, YearStats};

use super::apportion::apportion;
use super::cash::{cash_for, Cash};
use super::error::{EngineError, ScheduleError, SettingError};
use super::plan::Plan;
use super::prepared::Engine;
use super::scenario::Scenario;
use super::timeline::Timeline;
use crate::dataset::Dataset;
use crate::money::Money;
use crate::quarter::FiscalYear;
use draws::{pick, threshold};
use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rust_decimal::Decimal;
use std::ops::Range;
use summary::{count_against, stats};

/// A project's cash for each possible delay: `by_delay[d]` completes `d` quarters
/// late, and `late_change[d − 1]` is `100 × (by_delay[d] − by_delay[0])` in hundredths
/// of a HK$, what a delay of `d` adds to a run that starts from every project on time.
/// All start at `offset` on the simulation's timeline.
struct SimProject {
    offset: usize,
    by_delay: Vec<Vec<i64>>,
    late_change: Vec<Vec<i64>>,
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
    /// The figure the summary counts the budget-year totals against, if any.
    budget_year_threshold: Option<Money>,
    /// The stats of the summary's first columns, once every run is done (see
    /// [`MonteCarlo::summarise`]).
    summarised: Vec<Stats>,
}

fn setting(error: SettingError) -> EngineError {
    EngineError::MonteCarlo(error)
}

impl MonteCarlo {
    /// Prepares a simulation of `scenario` on `dataset` (this also prepares an
    /// [`Engine`]; use [`MonteCarlo::with_engine`] to reuse one).
    pub fn new(
        dataset: &Dataset,
        scenario: &Scenario,
        settings: &MonteCarloSettings,
    ) -> Result<MonteCarlo, EngineError> {
        MonteCarlo::with_engine(&Engine::new(dataset)?, scenario, settings)
    }

    /// Prepares a simulation with an already prepared engine.
    pub fn with_engine(
        engine: &Engine,
        scenario: &Scenario,
        settings: &MonteCarloSettings,
    ) -> Result<MonteCarlo, EngineError> {
        if settings.runs == 0 || settings.runs > MAX_RUNS {
            return Err(setting(SettingError::Runs));
        }
        let late_threshold = threshold(SettingError::LateProbability, settings.late_probability)?;
        let mut delay_cumulative = [0_u64; MAX_DELAY_QUARTERS];
        let mut running = 0_u64;
        for (slot, weight) in delay_cumulative.iter_mut().zip(settings.delay_weights) {
            running += u64::from(weight);
            *slot = running;
        }
        if running == 0 {
            return Err(setting(SettingError::NoDelayWeight));
        }
        let overrun = match &settings.overrun {
            None => None,
            Some(overrun) => {
                if overrun.min_pct > overrun.max_pct || overrun.max_pct > MAX_OVERRUN_PCT {
                    return Err(setting(SettingError::OverrunRange));
                }
                Some((
                    threshold(SettingError::OverrunProbability, overrun.probability)?,
                    overrun.min_pct,
                    overrun.max_pct,
                ))
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
            return Err(setting(SettingError::TooLargeToSimulate));
        }
        let timeline = Timeline::new(engine.budget_year, last);
        let mut base = vec![0_i64; timeline.len];
        let ongoing_split = apportion(schedule.levers.ongoing, &[1, 1, 1, 1])?;
        for (slot, amount) in base.iter_mut().zip(&ongoing_split) {
            *slot += amount * 100;
        }
        for (_, by_delay) in &cash_by_project {
            let offset = by_delay.first().and_then(|cash| cash.start.index_from(timeline.origin)).unwrap_or(0);
            let on_time = by_delay.first().map_or(&[][..], |cash| cash.amounts.as_slice());
            for (slot, amount) in base.iter_mut().skip(offset).zip(on_time) {
                *slot += amount * 100;
            }
            let late_change = by_delay
                .iter()
                .skip(1)
                .map(|late| {
                    let on_time = on_time.iter().chain(std::iter::repeat(&0));
                    late.amounts.iter().zip(on_time).map(|(late, early)| (late - early) * 100).collect()
                })
                .collect();
            projects.push(SimProject {
                offset,
                by_delay: by_delay.iter().map(|cash| cash.amounts.clone()).collect(),
                late_change,
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
            budget_year_threshold: None,
            summarised: Vec::new(),
        })
    }

    /// Has the summary count the runs whose budget-year total (ongoing + new) falls
    /// below, on or above `threshold` — for the question a committee asks: how likely
    /// is it that the year needs less than the allocation voted for it, or more?
    pub fn comparing_budget_year_with(mut self, threshold: Money) -> MonteCarlo {
        self.budget_year_threshold = Some(threshold);
        self
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
        // Borrowing the fields one by one lets the compiler keep them in registers
        // and vectorise the additions below.
        let MonteCarlo {
            rng,
            late_threshold,
            delay_cumulative,
            overrun,
            projects,
            base,
            scratch,
            late_draws,
            per_quarter,
            per_year,
            years,
            budget_year_new,
            ongoing_budget_year,
            ..
        } = self;
        scratch.copy_from_slice(base);
        let delay_total = delay_cumulative.last().copied().unwrap_or(0).max(1);
        for project in projects.iter() {
            let late = u128::from(rng.next_u64()) < *late_threshold;
            let delay = if late {
                *late_draws += 1;
                let choice = pick(rng.next_u64(), delay_total);
                // The first delay whose running weight exceeds the choice: one more than
                // the running weights at or below it (they never decrease). Counted
                // without a branch, since the choice is random and a branch on it is
                // mispredicted about half the time.
                1 + delay_cumulative.iter().map(|cumulative| usize::from(choice >= *cumulative)).sum::<usize>()
            } else {
                0
            };
            let extra_pct = match *overrun {
                Some((threshold, min, max)) if u128::from(rng.next_u64()) < threshold => {
                    let span = u64::from(max - min) + 1;
                    i64::from(min) + i64::try_from(pick(rng.next_u64(), span)).unwrap_or(0)
                }
                _ => 0,
            };
            if delay == 0 && extra_pct == 0 {
                continue;
            }
            let Some(slots) = scratch.get_mut(project.offset..) else {
                continue;
            };
            // (100 + extra) × late − 100 × on time = 100 × (late − on time) + extra × late.
            if let Some(change) = delay.checked_sub(1).and_then(|index| project.late_change.get(index)) {
                for (slot, amount) in slots.iter_mut().zip(change) {
                    *slot += amount;
                }
            }
            if let Some(amounts) = project.by_delay.get(delay).filter(|_| extra_pct != 0) {
                for (slot, amount) in slots.iter_mut().zip(amounts) {
                    *slot += amount * extra_pct;
                }
            }
        }
        for (column, value) in per_quarter.iter_mut().zip(scratch.iter()) {
            column.push(*value);
        }
        for (column, (_, range)) in per_year.iter_mut().zip(years.iter()) {
            column.push(scratch.get(range.clone()).map_or(0, |slice| slice.iter().sum()));
        }
        let budget_year: i64 = scratch.iter().take(4).sum();
        budget_year_new.push(budget_year - *ongoing_budget_year);
    }

    /// The columns of run values the summary reads, in the order
    /// [`MonteCarlo::summarise`] works through them: each quarter, each year, then the
    /// budget year's new projects.
    fn columns(&self) -> impl Iterator<Item = &Vec<i64>> {
        self.per_quarter.iter().chain(&self.per_year).chain(std::iter::once(&self.budget_year_new))
    }

    /// Works out the percentiles of up to `columns` more columns of the summary, once
    /// every run is done, and returns how many it did; [`MonteCarlo::summary`] then
    /// uses them. Each column sorts a copy of every run's value, so a browser spreads
    /// the summary of a large simulation over several tasks, as it does the runs.
    pub fn summarise(&mut self, columns: u32) -> u32 {
        if !self.is_done() {
            return 0;
        }
        let start = self.summarised.len();
        let more: Vec<Stats> = self
            .columns()
            .skip(start)
            .take(usize::try_from(columns).unwrap_or(0))
            .map(|column| stats(column))
            .collect();
        self.summarised.extend(&more);
        u32::try_from(more.len()).unwrap_or(0)
    }

    /// `(columns summarised, columns in all)`.
    pub fn summary_progress(&self) -> (u32, u32) {
        let total = self.per_quarter.len() + self.per_year.len() + 1;
        (u32::try_from(self.summarised.len()).unwrap_or(0), u32::try_from(total).unwrap_or(u32::MAX))
    }

    /// Percentiles and means over the runs done so far.
    pub fn summary(&self) -> MonteCarloSummary {
        // What `summarise` worked out, when it covers every column (it only runs once
        // every run is done, so the runs cannot have changed since).
        let (summarised, total) = self.summary_progress();
        let cached = self.is_done() && summarised == total;
        let mut column_stats = self.columns().enumerate().map(|(index, column)| {
            self.summarised.get(index).copied().filter(|_| cached).unwrap_or_else(|| stats(column))
        });
        let quarters = (0..self.per_quarter.len())
            .map(|index| QuarterStats {
                quarter: self.timeline.quarter(index),
                stats: column_stats.next().unwrap_or_default(),
            })
            .collect();
        let years: Vec<YearStats> = self
            .years
            .iter()
            .map(|(year, _)| YearStats { year: *year, stats: column_stats.next().unwrap_or_default() })
            .collect();
        let budget_year_new = column_stats.next().unwrap_or_default();
        let budget_year_total = years.first().map_or_else(Stats::default, |year| year.stats);
        let mean_late_projects =
            if self.done == 0 { Decimal::ZERO } else { Decimal::from(self.late_draws) / Decimal::from(self.done) };
        MonteCarloSummary {
            seed: self.seed,
            runs_done: self.done,
            runs_total: self.total,
            quarters,
            years,
            budget_year_total,
            budget_year_new,
            mean_late_projects,
            project_count: u32::try_from(self.projects.len()).unwrap_or(u32::MAX),
            budget_year_against: self
                .budget_year_threshold
                .map(|threshold| count_against(self.per_year.first().map_or(&[][..], Vec::as_slice), threshold)),
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
