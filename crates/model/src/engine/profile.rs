//! Spend profiles: how a project's budget falls into its quarters, from its start to
//! its completion inclusive.
//!
//! Every profile is a list of whole-number weights, one per quarter; the budget is
//! split by those weights with the one allocation routine, [`apportion`], so the
//! quarters always add up to the budget exactly (whole HK$, largest remainder, ties
//! to the earlier quarter). For a project of `n` quarters, quarter `i` = 1..=n gets:
//!
//! | profile | weight of quarter `i` | e.g. `n = 4` |
//! | --- | --- | --- |
//! | [`Profile::Even`] | 1 | 1, 1, 1, 1 |
//! | [`Profile::FrontLoaded`] | `n + 1 − i` | 4, 3, 2, 1 |
//! | [`Profile::BackLoaded`] | `i` | 1, 2, 3, 4 |
//! | [`Profile::SCurve`] | `i × (n + 1 − i)` | 4, 6, 6, 4 |
//! | [`Profile::Calibrated`] | `(1 − r)/n`, plus `r` on the last quarter | r = ½: ⅛, ⅛, ⅛, ⅝ |
//!
//! The S-curve's weights are the discrete form of the symmetric Beta(2, 2) bell, whose
//! running total is the classic "smoothstep" S: slow start, fast middle, slow finish.
//!
//! The calibrated profile pays a share `r` of the budget in the completion quarter
//! (on acceptance) and spreads the rest evenly over all quarters from start to
//! completion. It is the default because, with `r` solved from the paper (see
//! [`crate::engine::calibration`]), it reproduces Annex B's HK$243M for the new
//! projects in 2018-19, where an even spread would need far more. In integers its
//! weights are `10^12 − r·10^12` for every quarter plus `r·10^12 × n` on the last, with
//! `r` held to twelve decimal places.

use super::apportion::{apportion, ApportionError};
use super::share::{share_units, SHARE_SCALE};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a project's budget is spread over its quarters. See the module documentation
/// for each profile's weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Equal shares in every quarter.
    Even,
    /// Weights n, n−1, …, 1: most of the money early.
    FrontLoaded,
    /// Weights 1, 2, …, n: most of the money late.
    BackLoaded,
    /// Weights i × (n + 1 − i): a symmetric bell, an S-shaped running total.
    SCurve,
    /// A share r paid in the completion quarter, the rest spread evenly; r is solved
    /// so that the baseline reproduces the paper (the default).
    #[default]
    Calibrated,
}

impl Profile {
    /// Every profile, in the order the screens list them.
    pub const ALL: [Profile; 5] =
        [Profile::Calibrated, Profile::Even, Profile::FrontLoaded, Profile::BackLoaded, Profile::SCurve];

    /// The key used in scenarios and links (`even`, `front_loaded`, …).
    pub fn key(self) -> &'static str {
        match self {
            Profile::Even => "even",
            Profile::FrontLoaded => "front_loaded",
            Profile::BackLoaded => "back_loaded",
            Profile::SCurve => "s_curve",
            Profile::Calibrated => "calibrated",
        }
    }

    /// The profile named by [`Profile::key`].
    pub fn from_key(key: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|profile| profile.key() == key)
    }

    /// The whole-number weights of a fixed profile for a project of `quarters`
    /// quarters, so the screens can state them. `None` for [`Profile::Calibrated`],
    /// whose weights depend on the retention share: see [`calibrated_weights`].
    pub fn weights(self, quarters: usize) -> Option<Vec<u64>> {
        let n = quarters as u64;
        let weights = match self {
            Profile::Even => vec![1; quarters],
            Profile::FrontLoaded => (1..=n).rev().collect(),
            Profile::BackLoaded => (1..=n).collect(),
            Profile::SCurve => (1..=n).map(|i| i * (n + 1 - i)).collect(),
            Profile::Calibrated => return None,
        };
        Some(weights)
    }

    /// The share of the budget each quarter gets (exact to 28 significant digits),
    /// for display. `retention` is only used by [`Profile::Calibrated`]; an empty list
    /// if `quarters` is 0 or the retention is outside `[0, 1]`.
    pub fn shares(self, quarters: usize, retention: Decimal) -> Vec<Decimal> {
        let weights = match self.weights(quarters) {
            Some(weights) => weights,
            None => match calibrated_weights(quarters, retention) {
                Some(weights) => weights,
                None => return Vec::new(),
            },
        };
        let sum: u64 = weights.iter().sum();
        if sum == 0 {
            return Vec::new();
        }
        let sum = Decimal::from(sum);
        weights.into_iter().map(|weight| Decimal::from(weight).checked_div(sum).unwrap_or_default()).collect()
    }
}

/// The whole-number weights of the calibrated profile with retention share
/// `retention` (in `[0, 1]`) over `quarters` quarters: `10^12 − r·10^12` each, plus
/// `r·10^12 × quarters` on the last. `None` if the retention is outside `[0, 1]`.
pub fn calibrated_weights(quarters: usize, retention: Decimal) -> Option<Vec<u64>> {
    Some(weights_with_retention(Profile::Calibrated, quarters, share_units(retention)?))
}

/// The weights of any profile, the calibrated one with its retention given in parts
/// per 10^12.
pub(crate) fn weights_with_retention(profile: Profile, quarters: usize, retention_units: u64) -> Vec<u64> {
    if let Some(weights) = profile.weights(quarters) {
        return weights;
    }
    let retention_units = retention_units.min(SHARE_SCALE);
    let mut weights = vec![SHARE_SCALE - retention_units; quarters];
    if let Some(last) = weights.last_mut() {
        // At most 10^12 × the longest supported project (under a thousand quarters).
        *last = last.saturating_add(retention_units.saturating_mul(quarters as u64));
    }
    weights
}

/// Splits `budget` whole HK$ over `quarters` quarters by `profile`.
pub(crate) fn spread(
    budget: i64,
    quarters: usize,
    profile: Profile,
    retention_units: u64,
) -> Result<Vec<i64>, ApportionError> {
    apportion(budget, &weights_with_retention(profile, quarters, retention_units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(profile: Profile, budget: i64, quarters: usize, retention: Decimal, expected: &[i64]) {
        let units = share_units(retention).expect("test retention in range");
        let amounts = spread(budget, quarters, profile, units).expect("test budgets split");
        assert_eq!(amounts, expected, "{profile:?} of {budget} over {quarters}");
        assert_eq!(amounts.iter().sum::<i64>(), budget);
    }

    #[test]
    fn spreads_by_each_profile() {
        let zero = Decimal::ZERO;
        check(Profile::Even, 10, 4, zero, &[3, 3, 2, 2]);
        check(Profile::FrontLoaded, 10, 4, zero, &[4, 3, 2, 1]);
        check(Profile::BackLoaded, 10, 4, zero, &[1, 2, 3, 4]);
        check(Profile::SCurve, 20, 4, zero, &[4, 6, 6, 4]);
        check(Profile::SCurve, 7, 1, zero, &[7]);
        check(Profile::Calibrated, 8, 4, Decimal::new(5, 1), &[1, 1, 1, 5]);
        check(Profile::Calibrated, 10, 4, zero, &[3, 3, 2, 2]);
        check(Profile::Calibrated, 10, 4, Decimal::ONE, &[0, 0, 0, 10]);
        check(Profile::Calibrated, 10, 1, Decimal::new(3, 1), &[10]);
    }

    #[test]
    fn states_weights_and_shares() {
        assert_eq!(Profile::SCurve.weights(5), Some(vec![5, 8, 9, 8, 5]));
        assert_eq!(Profile::Calibrated.weights(3), None);
        let shares = Profile::Calibrated.shares(4, Decimal::new(5, 1));
        assert_eq!(
            shares,
            vec![Decimal::new(125, 3), Decimal::new(125, 3), Decimal::new(125, 3), Decimal::new(625, 3)]
        );
        assert!(Profile::Even.shares(0, Decimal::ZERO).is_empty());
        assert!(Profile::Calibrated.shares(3, Decimal::TWO).is_empty());
        for profile in Profile::ALL {
            assert_eq!(Profile::from_key(profile.key()), Some(profile));
        }
    }
}
