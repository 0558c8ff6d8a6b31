//! Solving the calibrated profile's retention share from the paper.
//!
//! Annex B asks HK$243M in 2018-19 for the 254 new projects. Spread evenly from start
//! to completion, their budgets would need far more in 2018-19 (the report's `even`
//! figure), so the default profile assumes that a share `r` of each budget is paid in
//! the completion quarter, on acceptance, and only the rest is spread evenly. The
//! family is linear in `r` — before rounding, the budget year's total is
//! `even − r × (even − due_in_budget_year)` — so the target is reached by exactly one
//! `r` whenever it lies between the all-on-completion figure (`r = 1`) and the even
//! figure (`r = 0`).
//!
//! The engine splits each project into whole HK$, so the budget year's total is a
//! step function of `r`. The solver bisects over `r` in steps of 10^-12 for the
//! smallest `r` whose total does not exceed the target, then keeps whichever of that
//! `r` and the step before it lands nearer the target (a tie keeps the total not
//! above the target). Projects with identical budgets and schedules round alike and
//! so step together; the target may therefore be missed by a few HK$, and that exact
//! residual is reported (for the paper's data −HK$1: HK$242,999,999, shown as 243.0).

use super::apportion::{div_rem, ApportionError};
use super::dollars::from_dollar_sum;
use super::profile::{spread, Profile};
use super::share::{share_from_units, SHARE_SCALE};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the default profile was calibrated, with the figures the screens use to
/// explain it: "an even spread would need `even` in 2018-19, the paper asks
/// `target`, so the default assumes `retention` of each budget is paid on
/// completion". Every total is the new projects' cash in the budget year at the
/// paper's budgets and schedules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationReport {
    /// The paper's figure (Annex B, new projects, budget year). `None` if the
    /// dataset has no new-project cohort.
    pub target: Option<Money>,
    /// Under [`Profile::Even`] (the calibrated profile with `r = 0`).
    pub even: Money,
    /// Under [`Profile::FrontLoaded`].
    pub front_loaded: Money,
    /// Under [`Profile::BackLoaded`].
    pub back_loaded: Money,
    /// Under [`Profile::SCurve`].
    pub s_curve: Money,
    /// With every budget paid on completion (`r = 1`): the least the family can reach.
    pub all_on_completion: Money,
    /// The solved retention share `r` (twelve decimal places). When the target is out
    /// of reach, the end of `[0, 1]` nearer to it; 0 without a target.
    pub retention: Decimal,
    /// Under [`Profile::Calibrated`] with the solved `r`.
    pub calibrated: Money,
    /// `calibrated − target`, exact (zero without a target).
    pub residual: Money,
    pub status: CalibrationStatus,
}

/// Whether the calibration reached the paper's figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CalibrationStatus {
    /// The solved `r` reproduces the target up to the stated residual.
    Solved,
    /// No `r` in `[0, 1]` reaches the target: the family spans `lowest` (all on
    /// completion) to `highest` (even spread). This happens with a dataset whose
    /// target is inconsistent with its schedules, e.g. an imported later paper.
    Unreachable { lowest: Money, highest: Money },
    /// The dataset states no new-project figure for the budget year.
    NoTarget,
}

/// A project as the calibration sees it: its budget in whole HK$, its length in
/// quarters, and how many of those quarters fall in the budget year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CalibrationInput {
    pub budget: u64,
    pub quarters: u64,
    pub quarters_in_budget_year: u64,
}

/// The solved share in parts per 10^12, and the report.
pub(crate) struct Calibration {
    pub retention_units: u64,
    pub report: CalibrationReport,
}

/// Solves the retention share for `target` whole HK$ (see the module documentation).
pub(crate) fn calibrate(inputs: &[CalibrationInput], target: Option<i64>) -> Result<Calibration, ApportionError> {
    let total_at = |units: u64| budget_year_total(inputs, units);
    let highest = total_at(0);
    let lowest = total_at(SHARE_SCALE);
    let (retention_units, status) = match target {
        None => (0, CalibrationStatus::NoTarget),
        Some(target) if i128::from(target) > highest => (0, unreachable(lowest, highest)?),
        Some(target) if i128::from(target) < lowest => (SHARE_SCALE, unreachable(lowest, highest)?),
        Some(target) => (solve(&total_at, i128::from(target), PAPER_LEAST_WITHIN_TARGET), CalibrationStatus::Solved),
    };
    let calibrated = total_at(retention_units);
    let residual = target.map_or(0, |target| calibrated - i128::from(target));
    let report = CalibrationReport {
        target: target.map(i128::from).map(money).transpose()?,
        even: money(highest)?,
        front_loaded: money(profile_total(inputs, Profile::FrontLoaded)?)?,
        back_loaded: money(profile_total(inputs, Profile::BackLoaded)?)?,
        s_curve: money(profile_total(inputs, Profile::SCurve)?)?,
        all_on_completion: money(lowest)?,
        retention: share_from_units(retention_units),
        calibrated: money(calibrated)?,
        residual: money(residual)?,
        status,
    };
    Ok(Calibration { retention_units, report })
}

fn money(dollars: i128) -> Result<Money, ApportionError> {
    from_dollar_sum(dollars).ok_or(ApportionError::Overflow)
}

fn unreachable(lowest: i128, highest: i128) -> Result<CalibrationStatus, ApportionError> {
    Ok(CalibrationStatus::Unreachable { lowest: money(lowest)?, highest: money(highest)? })
}

/// The least `r` (in parts per 10^12) whose total does not exceed the target, for the
/// paper's own data (Annex B's HK$243M and Annex C's projects): what the bisection in
/// [`solve`] finds for them. `solve` tries it first and keeps it only if it checks out
/// (two totals instead of the bisection's forty, some 3 ms of the app's start-up in
/// the browser); any other data fails the check and is bisected. So a stale value
/// costs time, never a figure, and a test keeps it equal to the bisection's answer.
const PAPER_LEAST_WITHIN_TARGET: u64 = 842_781_882_353;

/// The least `r` (in parts per 10^12) whose total does not exceed the target, then the
/// nearer to the target of it and the step before; the caller has checked that the
/// target lies between the totals at `r = 1` and `r = 0`. The total falls as `r` rises
/// (a larger share waits for the completion quarter), so `r` is that least one exactly
/// when its total is within the target and the total one step before is not: `guess`
/// is kept when it passes that check, and otherwise the bisection finds it.
fn solve(total_at: &dyn Fn(u64) -> i128, target: i128, guess: u64) -> u64 {
    let is_least_within_target =
        |r: u64| r <= SHARE_SCALE && total_at(r) <= target && (r == 0 || total_at(r - 1) > target);
    let low = if is_least_within_target(guess) { guess } else { bisect(total_at, target) };
    if low == 0 {
        return 0;
    }
    let below = target - total_at(low);
    let above = total_at(low - 1) - target;
    if above < below {
        low - 1
    } else {
        low
    }
}

/// The least `r` whose total does not exceed the target, by bisection over `[0, 1]`.
fn bisect(total_at: &dyn Fn(u64) -> i128, target: i128) -> u64 {
    let (mut low, mut high) = (0_u64, SHARE_SCALE);
    while low < high {
        let middle = low + (high - low) / 2;
        if total_at(middle) <= target {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

/// The budget year's share of one project under the calibrated profile, in closed
/// form: exactly what [`spread`] gives for the first `quarters_in_budget_year`
/// quarters, without building the vector (the solver evaluates it tens of times per
/// project). The weights are `a = 10^12 − p` for every quarter and `a + p·n` on the
/// last; the largest-remainder rule gives the missing units first to the last quarter
/// if its remainder is larger, then to the earlier quarters in order.
pub(crate) fn budget_year_share(input: &CalibrationInput, retention_units: u64) -> u64 {
    let CalibrationInput { budget, quarters: n, quarters_in_budget_year: k } = *input;
    if n == 0 || k == 0 {
        return 0;
    }
    if k >= n {
        return budget;
    }
    let units = i128::from(retention_units.min(SHARE_SCALE));
    let scale = i128::from(SHARE_SCALE);
    let (budget, n, k) = (i128::from(budget), i128::from(n), i128::from(k));
    let denominator = n * scale;
    // budget × (scale − units) = floor_even × denominator + remainder_even, and
    // budget × units = whole × scale + part, so the last quarter's numerator
    // budget × (scale − units + units × n) splits without forming the larger product.
    let (floor_even, remainder_even) = div_rem(budget * (scale - units), denominator);
    let (whole, part) = div_rem(budget * units, scale);
    let (carry, remainder_last) = div_rem(remainder_even + part * n, denominator);
    let floor_last = floor_even + whole + carry;
    let missing = (budget - (n - 1) * floor_even - floor_last).max(0);
    let to_early_quarters = if remainder_last > remainder_even { (missing - 1).max(0) } else { missing };
    let share = k * floor_even + to_early_quarters.min(k);
    u64::try_from(share).unwrap_or(u64::MAX)
}

/// The budget year's total under the calibrated profile with `r` of `retention_units`.
fn budget_year_total(inputs: &[CalibrationInput], retention_units: u64) -> i128 {
    inputs.iter().map(|input| i128::from(budget_year_share(input, retention_units))).sum()
}

/// The budget year's total under a fixed profile.
fn profile_total(inputs: &[CalibrationInput], profile: Profile) -> Result<i128, ApportionError> {
    let mut total: i128 = 0;
    for input in inputs {
        let budget = i64::try_from(input.budget).map_err(|_| ApportionError::Overflow)?;
        let quarters = usize::try_from(input.quarters).map_err(|_| ApportionError::Overflow)?;
        let take = usize::try_from(input.quarters_in_budget_year).map_err(|_| ApportionError::Overflow)?;
        let amounts = spread(budget, quarters, profile, 0)?;
        total += amounts.iter().take(take).map(|amount| i128::from(*amount)).sum::<i128>();
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The closed form must agree with the one allocation routine everywhere.
    #[test]
    fn closed_form_matches_the_allocation_routine() {
        let retentions = [0, 1, 7, 333_333_333_333, 500_000_000_000, 842_781_882_353, 999_999_999_999, SHARE_SCALE];
        for budget in [0_u64, 1, 2, 3, 7, 99, 1_000_000, 6_600_000, 9_900_000, 123_456_789] {
            for quarters in 1_u64..=9 {
                for k in 0..=quarters {
                    for units in retentions {
                        let input = CalibrationInput { budget, quarters, quarters_in_budget_year: k };
                        let amounts = spread(budget as i64, quarters as usize, Profile::Calibrated, units)
                            .expect("test budgets split");
                        let expected: i64 = amounts.iter().take(k as usize).sum();
                        assert_eq!(
                            budget_year_share(&input, units) as i64,
                            expected,
                            "budget {budget}, {quarters} quarters, {k} in year, r units {units}"
                        );
                    }
                }
            }
        }
    }

    /// The budget year's share never rises as the retention share does: what the
    /// bisection and the check of a guess in [`solve`] both rest on.
    #[test]
    fn a_larger_retention_never_raises_the_budget_year_share() {
        let steps = [0, 1, 2, 999_999, 1_000_000, 333_333_333_333, 500_000_000_000, 842_781_882_353, SHARE_SCALE - 1];
        for budget in [1_u64, 2, 3, 7, 99, 1_000_000, 6_600_000, 9_900_000, 123_456_789] {
            for quarters in 2_u64..=9 {
                for k in 1..quarters {
                    let input = CalibrationInput { budget, quarters, quarters_in_budget_year: k };
                    for units in steps {
                        for rise in [1, 7, 1_000, 999_983] {
                            let higher = (units + rise).min(SHARE_SCALE);
                            assert!(
                                budget_year_share(&input, higher) <= budget_year_share(&input, units),
                                "budget {budget}, {quarters} quarters, {k} in year, r units {units} -> {higher}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The paper's data (Annex B's target, Annex C's projects) as the engine gives them
    /// to the calibration.
    fn paper_inputs() -> (Vec<CalibrationInput>, i128) {
        let paper = crate::dataset::Dataset::paper().expect("the paper's data loads");
        let engine = crate::engine::Engine::new(&paper).expect("the paper's data makes an engine");
        let year_last = engine.budget_year.first_quarter().saturating_add_quarters(3);
        let inputs =
            engine.projects.iter().map(|project| crate::engine::prepared::calibration_input(project, year_last));
        let target = engine.calibration.target.and_then(crate::engine::dollars::to_dollars).expect("Annex B's target");
        (inputs.collect(), i128::from(target))
    }

    #[test]
    fn the_paper_guess_is_what_the_bisection_finds_for_the_paper() {
        let (inputs, target) = paper_inputs();
        assert_eq!(bisect(&|units| budget_year_total(&inputs, units), target), PAPER_LEAST_WITHIN_TARGET);
    }

    /// Whatever the guess, [`solve`] gives the bisection's answer: a wrong one is only
    /// slower.
    #[test]
    fn any_guess_gives_the_same_answer() {
        let (paper, paper_target) = paper_inputs();
        let two = vec![
            CalibrationInput { budget: 400, quarters: 4, quarters_in_budget_year: 2 },
            CalibrationInput { budget: 100, quarters: 2, quarters_in_budget_year: 2 },
            CalibrationInput { budget: 7, quarters: 3, quarters_in_budget_year: 1 },
        ];
        for (inputs, target) in [(paper, paper_target), (two.clone(), 200), (two.clone(), 250), (two, 103)] {
            let total_at = |units: u64| budget_year_total(&inputs, units);
            let least = bisect(&total_at, target);
            let answer = solve(&total_at, target, u64::MAX);
            let guesses = [
                0,
                1,
                least.saturating_sub(1),
                least,
                least + 1,
                PAPER_LEAST_WITHIN_TARGET,
                SHARE_SCALE,
                SHARE_SCALE + 1,
            ];
            for guess in guesses {
                assert_eq!(solve(&total_at, target, guess), answer, "target {target}, guess {guess}");
            }
        }
    }

    #[track_caller]
    fn check(inputs: &[CalibrationInput], target: Option<i64>, expected_status: CalibrationStatus, residual: i64) {
        let calibration = calibrate(inputs, target).expect("small inputs");
        assert_eq!(calibration.report.status, expected_status);
        assert_eq!(calibration.report.residual, crate::engine::dollars::from_dollars(residual));
    }

    #[test]
    fn solves_or_reports_why_not() {
        let two = [
            CalibrationInput { budget: 400, quarters: 4, quarters_in_budget_year: 2 },
            CalibrationInput { budget: 100, quarters: 2, quarters_in_budget_year: 2 },
        ];
        // Even: 200 + 100 = 300; all on completion: 0 + 100 = 100.
        check(&two, Some(200), CalibrationStatus::Solved, 0);
        check(&two, Some(300), CalibrationStatus::Solved, 0);
        check(&two, Some(100), CalibrationStatus::Solved, 0);
        let lowest = crate::engine::dollars::from_dollars(100);
        let highest = crate::engine::dollars::from_dollars(300);
        check(&two, Some(301), CalibrationStatus::Unreachable { lowest, highest }, -1);
        check(&two, Some(99), CalibrationStatus::Unreachable { lowest, highest }, 1);
        check(&two, None, CalibrationStatus::NoTarget, 0);
        check(&[], Some(0), CalibrationStatus::Solved, 0);
        check(&[], Some(5), CalibrationStatus::Unreachable { lowest: Money::ZERO, highest: Money::ZERO }, -5);
    }
}
