//! The simulation's results: percentiles and means, and the one conversion of
//! simulated amounts to money.

use crate::engine::dollars::from_dollar_sum;
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
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
}

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
}
