//! The simulation's results: percentiles and means, and the one conversion of
//! simulated amounts to money.

use crate::engine::dollars::from_dollar_sum;
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    #[serde(with = "crate::engine::year_serde")]
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
    /// How many runs' budget-year total fell below, on or above the figure set with
    /// [`super::MonteCarlo::comparing_budget_year_with`] (e.g. the allocation voted),
    /// if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_year_against: Option<RunsAgainst>,
}

/// The runs whose budget-year total (ongoing + new) fell below, exactly on, or above
/// a figure, counted exactly: `below + equal + above` is the number of runs done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunsAgainst {
    pub threshold: Money,
    pub below: u32,
    pub equal: u32,
    pub above: u32,
}

/// Counts `values` (hundredths of a HK$) below, on and above `threshold`, exactly.
/// Values are whole hundredths, so a value is below a threshold of any precision
/// exactly when it is below the threshold rounded up to whole hundredths, and above it
/// exactly when it is above the threshold rounded down.
pub(super) fn count_against(values: &[i64], threshold: Money) -> RunsAgainst {
    let hundredths = threshold.millions().checked_mul(Decimal::from(HUNDREDTHS_PER_MILLION));
    // A threshold beyond the range of a Decimal lies beyond every run's value.
    let (floor, ceiling) = match hundredths {
        Some(exact) => (exact.floor().to_i128(), exact.ceil().to_i128()),
        None if threshold.is_negative() => (Some(i128::MIN), Some(i128::MIN)),
        None => (Some(i128::MAX), Some(i128::MAX)),
    };
    let (floor, ceiling) = (floor.unwrap_or(i128::MAX), ceiling.unwrap_or(i128::MAX));
    let mut counts = RunsAgainst { threshold, below: 0, equal: 0, above: 0 };
    for value in values.iter().map(|value| i128::from(*value)) {
        if value < ceiling {
            counts.below += 1;
        } else if value > floor {
            counts.above += 1;
        } else {
            counts.equal += 1;
        }
    }
    counts
}

/// Hundredths of a HK$ in one HK$ million.
const HUNDREDTHS_PER_MILLION: i64 = 100_000_000;

/// Rounding point R5, the one conversion of simulated amounts to money: `hundredths`
/// of a HK$ summed over `count` runs, as a mean in whole HK$, rounded half away from
/// zero. A single run's value is the same with `count` 1.
pub(super) fn hundredths_to_money(hundredths: i128, count: u64) -> Money {
    let denominator = u128::from(count.max(1)) * 100;
    let magnitude = hundredths.unsigned_abs();
    let (quotient, remainder) = (magnitude / denominator, magnitude % denominator);
    let rounded = quotient + u128::from(remainder >= denominator - remainder);
    let dollars = i128::try_from(rounded).unwrap_or(i128::MAX);
    let dollars = if hundredths < 0 { -dollars } else { dollars };
    from_dollar_sum(dollars).unwrap_or(Money::ZERO)
}

/// Nearest-rank percentiles and the mean of one column of run values.
pub(super) fn stats(values: &[i64]) -> Stats {
    if values.is_empty() {
        return Stats::default();
    }
    let mut sorted = values.to_vec();
    let count = sorted.len();
    // Nearest rank: ⌈percent × count / 100⌉, at least 1, as an index from 0.
    let index = |percent: usize| (percent * count).div_ceil(100).max(1) - 1;
    let (p10, p50, p90) = (index(10), index(50), index(90));
    // The median is selected first; the 10th percentile then lies among the values
    // before it and the 90th among those after it, so each later selection works on
    // about half the column.
    let (below, median, above) = sorted.select_nth_unstable(p50);
    let median = *median;
    let low = if p10 < p50 { *below.select_nth_unstable(p10).1 } else { median };
    let high = if p90 > p50 { *above.select_nth_unstable(p90 - p50 - 1).1 } else { median };
    let money = |hundredths: i64| hundredths_to_money(i128::from(hundredths), 1);
    let sum: i128 = values.iter().map(|value| i128::from(*value)).sum();
    Stats { p10: money(low), p50: money(median), p90: money(high), mean: hundredths_to_money(sum, count as u64) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(hundredths: i128, count: u64, expected_dollars: i64) {
        assert_eq!(
            hundredths_to_money(hundredths, count),
            crate::engine::dollars::from_dollars(expected_dollars),
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
        let dollars = crate::engine::dollars::from_dollars;
        assert_eq!((s.p10, s.p50, s.p90), (dollars(1), dollars(5), dollars(9)));
        assert_eq!(s.mean, dollars(6)); // 5.5 rounds half away from zero
        assert_eq!(stats(&[]), Stats::default());
    }

    #[test]
    fn percentiles_match_those_of_the_sorted_column() {
        // Columns of every length up to 60, in a scrambled order with repeats.
        for count in 1..=60_i64 {
            let values: Vec<i64> = (0..count).map(|i| (i * 7919 + 13) % 23 * 100 - 900).collect();
            let mut sorted = values.clone();
            sorted.sort_unstable();
            let at = |percent: i64| {
                let rank = usize::try_from((percent * count + 99) / 100).unwrap_or(1).max(1);
                hundredths_to_money(i128::from(sorted[rank - 1]), 1)
            };
            let s = stats(&values);
            assert_eq!((s.p10, s.p50, s.p90), (at(10), at(50), at(90)), "{count} values");
        }
    }

    /// Counts of `values` (hundredths of a HK$) against `threshold` (HK$M), as
    /// `below equal above`.
    #[track_caller]
    fn check_against(values: &[i64], threshold: &str, expected: &str) {
        let threshold = Money::parse_millions(threshold).unwrap_or_else(|error| panic!("{error}"));
        let counts = count_against(values, threshold);
        assert_eq!(format!("{} {} {}", counts.below, counts.equal, counts.above), expected, "against {threshold:?}");
    }

    #[test]
    fn runs_are_counted_against_a_figure_exactly() {
        // HK$1,060M is 106,000,000,000 hundredths of a HK$.
        let allocation = 106_000_000_000;
        let values = [allocation - 1, allocation, allocation, allocation + 1, allocation + 100];
        check_against(&values, "1060", "1 2 2");
        check_against(&values, "1059.99999999", "0 1 4");
        check_against(&values, "1060.000000001", "3 0 2");
        check_against(&values, "1060.00000001", "3 1 1");
        check_against(&values, "0", "0 0 5");
        check_against(&values, "-1", "0 0 5");
        check_against(&[], "1060", "0 0 0");
    }
}
