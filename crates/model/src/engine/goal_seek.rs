//! Goal seek: the value of one lever that makes a figure of the projection reach a
//! target, by bisection over the deterministic engine.
//!
//! The solver evaluates the lever's two ends first. If the target lies outside the
//! figures they give, no value reaches it and the answer is
//! [`GoalSeekError::Unreachable`] with the lowest and highest figures reachable.
//! Otherwise it halves the interval (keeping the target between the figures at its
//! ends) until the interval is narrower than the lever's resolution, and returns the
//! end whose figure is nearer the target (a tie keeps the lower value). Figures are
//! whole HK$ and many levers move them in steps, so the achieved figure may differ
//! from the target by a step; `achieved` and `residual` say by how much. When the
//! target is hit exactly, the value is tidied to the fewest decimals that still hit
//! it (10 rather than 10.0000016389).
//!
//! The figures used are monotone in each lever for the paper's data (more slippage
//! or a later cash profile never raises the budget year's need; a higher cost or
//! cap never lowers it); for a lever that is not monotone the solver still returns a
//! value where the figure crosses the target.

use super::cap::CapOutcome;
use super::delegation::Route;
use super::error::{EngineError, SettingError};
use super::lever::Lever;
use super::prepared::Engine;
use super::projection::Projection;
use super::scenario::{CashCap, Scenario};
use crate::money::Money;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A figure of the projection, by name: what a goal seek aims at and what a data
/// table reads (module [`super::data_table`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// The budget year's total cash need (ongoing + new).
    BudgetYearTotal,
    /// The budget year's cash need of the new projects.
    BudgetYearNew,
    /// The sum of the included new projects' effective budgets.
    TotalBudget,
    /// The total of Annex A's categories after the scenario's scaling.
    AllocationTotal,
    /// The cash the new projects need after the budget year: what approving them
    /// commits later years to.
    BeyondBudgetYear,
    /// The ongoing cohort's cash need in the budget year.
    OngoingBudgetYear,
    /// How many included new projects cost more than the approval ceiling in effect
    /// (HK$10M unless the scenario moves it), after the cost change and edits: each
    /// would need the Finance Committee.
    OverCeiling,
}

/// A metric's value: an amount, or a count of projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Reading {
    Amount(Money),
    Count(u32),
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Metric::BudgetYearTotal,
        Metric::BudgetYearNew,
        Metric::TotalBudget,
        Metric::AllocationTotal,
        Metric::BeyondBudgetYear,
        Metric::OngoingBudgetYear,
        Metric::OverCeiling,
    ];

    /// The figures goal seek offers to aim at (amounts it can bisect towards).
    pub const GOAL_SEEK: [Metric; 4] =
        [Metric::BudgetYearTotal, Metric::BudgetYearNew, Metric::TotalBudget, Metric::AllocationTotal];

    /// The metric's stable name, used as a form value.
    pub fn key(self) -> &'static str {
        match self {
            Metric::BudgetYearTotal => "budget_year_total",
            Metric::BudgetYearNew => "budget_year_new",
            Metric::TotalBudget => "total_budget",
            Metric::AllocationTotal => "allocation_total",
            Metric::BeyondBudgetYear => "beyond_budget_year",
            Metric::OngoingBudgetYear => "ongoing_budget_year",
            Metric::OverCeiling => "over_ceiling",
        }
    }

    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|metric| metric.key() == key)
    }

    /// The figure in a projection.
    pub fn reading(self, projection: &Projection) -> Result<Reading, EngineError> {
        Ok(match self {
            Metric::BudgetYearTotal => Reading::Amount(projection.budget_year_totals.total),
            Metric::BudgetYearNew => Reading::Amount(projection.budget_year_totals.new),
            Metric::TotalBudget => Reading::Amount(projection.new_projects.total_budget),
            Metric::AllocationTotal => Reading::Amount(projection.allocation.total.amount),
            Metric::BeyondBudgetYear => Reading::Amount(beyond_budget_year(projection)?),
            Metric::OngoingBudgetYear => Reading::Amount(projection.ongoing.budget_year),
            Metric::OverCeiling => Reading::Count(
                projection
                    .delegation
                    .routes
                    .iter()
                    .filter(|summary| summary.route == Route::FinanceCommittee)
                    .map(|summary| summary.count)
                    .sum(),
            ),
        })
    }

    /// The figure in a projection as an amount, for goal seek; a count is refused.
    pub fn of(self, projection: &Projection) -> Result<Money, EngineError> {
        match self.reading(projection)? {
            Reading::Amount(amount) => Ok(amount),
            Reading::Count(_) => Err(EngineError::Sensitivity(SettingError::CountAsGoal)),
        }
    }
}

/// The new projects' cash in every year after the budget year (the ongoing cohort has
/// none: the paper gives it only for the budget year).
fn beyond_budget_year(projection: &Projection) -> Result<Money, EngineError> {
    projection
        .years
        .iter()
        .filter(|row| row.year > projection.budget_year)
        .try_fold(Money::ZERO, |sum, row| sum.checked_add(row.total))
        .map_err(|_| EngineError::Overflow { what: "the cash beyond the budget year" })
}

/// What to solve: set `lever` so that `metric` equals `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSeek {
    pub lever: Lever,
    pub metric: Metric,
    pub target: Money,
}

/// The solved lever value and what it achieves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSeekResult {
    pub lever: Lever,
    pub metric: Metric,
    pub target: Money,
    /// The lever's solved value (in the lever's unit).
    pub value: Decimal,
    /// The figure at `value`.
    pub achieved: Money,
    /// `achieved − target`.
    pub residual: Money,
    /// How many projections the solver ran.
    pub evaluations: u32,
}

/// Why a goal seek has no answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum GoalSeekError {
    /// No value of the lever in its range reaches the target: the figure only spans
    /// `lowest` to `highest`.
    Unreachable { lowest: Money, highest: Money },
    /// The scenario itself cannot be projected.
    Engine { error: EngineError },
}

impl fmt::Display for GoalSeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoalSeekError::Unreachable { lowest, highest } => {
                write!(f, "no value of this lever reaches the target: the figure only spans {lowest} to {highest}")
            }
            GoalSeekError::Engine { error } => error.fmt(f),
        }
    }
}

impl std::error::Error for GoalSeekError {}

impl From<EngineError> for GoalSeekError {
    fn from(error: EngineError) -> Self {
        GoalSeekError::Engine { error }
    }
}

/// The most bisection steps the solver takes; far more than any lever's range over
/// its resolution needs (2^-200 of any range is below every resolution).
const MAX_STEPS: u32 = 200;

/// Solves `goal` starting from `scenario` (its other levers stay as they are).
pub fn goal_seek(engine: &Engine, scenario: &Scenario, goal: &GoalSeek) -> Result<GoalSeekResult, GoalSeekError> {
    let mut evaluations = 0_u32;
    let mut figure_at = |value: Decimal| -> Result<Money, EngineError> {
        evaluations += 1;
        let mut trial = scenario.clone();
        goal.lever.apply(engine, &mut trial, value)?;
        goal.metric.of(&engine.project(&trial)?)
    };
    let (mut low, mut high) = search_range(engine, scenario, goal.lever)?;
    let (mut at_low, mut at_high) = (figure_at(low)?, figure_at(high)?);
    let (lowest, highest) = (at_low.min(at_high), at_low.max(at_high));
    if goal.target < lowest || goal.target > highest {
        return Err(GoalSeekError::Unreachable { lowest, highest });
    }
    let rising = at_high >= at_low;
    let resolution = goal.lever.resolution();
    let mut steps = 0;
    while high - low > resolution && at_low != goal.target && at_high != goal.target && steps < MAX_STEPS {
        steps += 1;
        // Midpoints stay on the lever's grid (its resolution), so solved values are
        // tidy, e.g. a share with at most twelve decimals.
        let middle = (low + (high - low) / Decimal::TWO)
            .round_dp_with_strategy(resolution.scale(), RoundingStrategy::ToNegativeInfinity);
        if middle <= low || middle >= high {
            break;
        }
        let at_middle = figure_at(middle)?;
        if (at_middle < goal.target) == rising {
            (low, at_low) = (middle, at_middle);
        } else {
            (high, at_high) = (middle, at_middle);
        }
    }
    let distance = |figure: Money| figure.checked_sub(goal.target).map(|d| d.millions().abs()).unwrap_or(Decimal::MAX);
    let (mut value, achieved) = if distance(at_high) < distance(at_low) { (high, at_high) } else { (low, at_low) };
    // Bisection stops at the first value that hits the target, e.g. 10.0000016389 %;
    // the tidiest value with the same figure (fewest decimals) reads better, e.g. 10 %.
    if achieved == goal.target {
        for places in 0..resolution.scale() {
            let tidy = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            let (min, max) = goal.lever.range();
            if tidy >= min && tidy <= max && figure_at(tidy)? == goal.target {
                value = tidy;
                break;
            }
        }
    }
    let residual =
        achieved.checked_sub(goal.target).map_err(|_| EngineError::Overflow { what: "the goal seek residual" })?;
    Ok(GoalSeekResult {
        lever: goal.lever,
        metric: goal.metric,
        target: goal.target,
        value: value.normalize(),
        achieved,
        residual,
        evaluations,
    })
}

/// The interval searched: the lever's range, except for the cap, which only acts
/// between the least total reachable by deferring every project (below it the cap is
/// infeasible and defers nothing) and the uncapped total (above it, nothing to do).
fn search_range(engine: &Engine, scenario: &Scenario, lever: Lever) -> Result<(Decimal, Decimal), EngineError> {
    let (low, high) = lever.range();
    if lever != Lever::Cap {
        return Ok((low, high));
    }
    let rule = scenario.cap.as_ref().map(|cap| cap.rule).unwrap_or_default();
    let tightest = Scenario { cap: Some(CashCap { amount: Money::ZERO, rule }), ..scenario.clone() };
    let (least, uncapped) = match engine.project(&tightest)?.cap {
        Some(CapOutcome::Infeasible { before, minimum_reachable, .. }) => (minimum_reachable, before),
        Some(CapOutcome::Met { before, .. }) => (Money::ZERO, before),
        None => (Money::ZERO, Money::ZERO),
    };
    Ok((least.millions().clamp(low, high), uncapped.millions().clamp(low, high)))
}
