//! The one allocation routine: weights in, exact whole-HK$ amounts out.
//!
//! Every split the engine makes — a budget over its quarters under any spend profile,
//! the expected-value mix of an on-time and a late schedule, the ongoing cohort over
//! the budget year, a total over expenditure categories — goes through
//! [`split_exact`]. Its rule (the largest-remainder method):
//!
//! 1. each part first gets the whole-unit floor of its exact share;
//! 2. the units still missing go one by one to the parts with the largest
//!    remainders, ties to the earlier part (the earlier quarter, the earlier category).
//!
//! So the parts always add up to the total exactly, and each part is within one unit
//! of its exact share.

use std::fmt;

/// Why an amount could not be split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApportionError {
    /// A negative amount was asked to be split; the engine only splits budgets and
    /// allocations, which it has already checked are not negative.
    NegativeAmount,
    /// There was nothing to split by: no parts, or every weight zero.
    NoWeights,
    /// The arithmetic left the range of a 128-bit integer (only possible with inputs
    /// far beyond the documented limits).
    Overflow,
}

impl fmt::Display for ApportionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApportionError::NegativeAmount => write!(f, "a negative amount cannot be split into parts"),
            ApportionError::NoWeights => write!(f, "there is nothing to split the amount by"),
            ApportionError::Overflow => write!(f, "the amount is too large to split"),
        }
    }
}

impl std::error::Error for ApportionError {}

/// Splits `total` whole units in proportion to `weights` (largest remainder, ties to
/// the earlier part). The parts add up to `total` exactly.
///
/// ```
/// use blockvote_model::engine::apportion;
/// // HK$10 over three equal quarters: the spare dollar goes to the first quarter.
/// assert_eq!(apportion(10, &[1, 1, 1]), Ok(vec![4, 3, 3]));
/// ```
pub fn apportion(total: i64, weights: &[u64]) -> Result<Vec<i64>, ApportionError> {
    if total < 0 {
        return Err(ApportionError::NegativeAmount);
    }
    let weight_sum = weights.iter().try_fold(0_i128, |sum, weight| sum.checked_add(i128::from(*weight)));
    let weight_sum = weight_sum.ok_or(ApportionError::Overflow)?;
    if weight_sum == 0 {
        return Err(ApportionError::NoWeights);
    }
    let total = i128::from(total);
    let numerators: Option<Vec<i128>> = weights.iter().map(|weight| total.checked_mul(i128::from(*weight))).collect();
    split_exact(&numerators.ok_or(ApportionError::Overflow)?, weight_sum)
}

/// Splits the whole number `Σ numerators / denominator` into parts whose exact values
/// are `numerators[i] / denominator`, by the largest-remainder rule (ties to the
/// earlier part). Callers pass numerators whose sum is a multiple of the denominator;
/// if it is not, the fraction left over is dropped (the total is the floor), so the
/// result is still well defined.
pub(crate) fn split_exact(numerators: &[i128], denominator: i128) -> Result<Vec<i64>, ApportionError> {
    if denominator <= 0 || numerators.is_empty() {
        return Err(ApportionError::NoWeights);
    }
    let mut parts: Vec<i128> = Vec::with_capacity(numerators.len());
    let mut remainders: Vec<i128> = Vec::with_capacity(numerators.len());
    let mut numerator_sum: i128 = 0;
    let mut floor_sum: i128 = 0;
    for &numerator in numerators {
        if numerator < 0 {
            return Err(ApportionError::NegativeAmount);
        }
        numerator_sum = numerator_sum.checked_add(numerator).ok_or(ApportionError::Overflow)?;
        let (floor, remainder) = div_rem(numerator, denominator);
        floor_sum += floor;
        parts.push(floor);
        remainders.push(remainder);
    }
    // Each remainder is below the denominator, so fewer units are missing than there
    // are parts: one pass over the ranked parts always suffices.
    let missing = usize::try_from(numerator_sum / denominator - floor_sum).unwrap_or(0);
    if missing > 0 {
        let mut ranked: Vec<(i128, usize)> = remainders.into_iter().zip(0..).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, index) in ranked.into_iter().take(missing) {
            if let Some(part) = parts.get_mut(index) {
                *part += 1;
            }
        }
    }
    parts.into_iter().map(|part| i64::try_from(part).map_err(|_| ApportionError::Overflow)).collect()
}

/// Quotient and remainder of two non-negative numbers. Most of the engine's
/// divisions fit in 64 bits, where the hardware divides several times faster than the
/// 128-bit routine; the result is the same either way.
#[inline]
pub(crate) fn div_rem(numerator: i128, denominator: i128) -> (i128, i128) {
    match (u64::try_from(numerator), u64::try_from(denominator)) {
        (Ok(numerator), Ok(denominator)) if denominator > 0 => {
            (i128::from(numerator / denominator), i128::from(numerator % denominator))
        }
        _ if denominator == 0 => (0, numerator),
        _ => (numerator / denominator, numerator % denominator),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(total: i64, weights: &[u64], expected: Result<Vec<i64>, ApportionError>) {
        assert_eq!(apportion(total, weights), expected, "apportion({total}, {weights:?})");
    }

    #[test]
    fn splits_by_largest_remainder_ties_to_earlier() {
        check(10, &[1, 1, 1], Ok(vec![4, 3, 3]));
        check(11, &[1, 1, 1], Ok(vec![4, 4, 3]));
        check(100, &[3, 2, 1], Ok(vec![50, 33, 17]));
        check(7, &[1, 2, 3, 4], Ok(vec![1, 1, 2, 3]));
        check(0, &[1, 2], Ok(vec![0, 0]));
        check(5, &[0, 1], Ok(vec![0, 5]));
        check(1, &[1, 1, 1], Ok(vec![1, 0, 0]));
        check(-1, &[1], Err(ApportionError::NegativeAmount));
        check(1, &[], Err(ApportionError::NoWeights));
        check(1, &[0, 0], Err(ApportionError::NoWeights));
        check(i64::MAX, &[u64::MAX, u64::MAX], Err(ApportionError::Overflow));
        check(i64::MAX, &[1, 1], Ok(vec![i64::MAX / 2 + 1, i64::MAX / 2]));
    }
}
