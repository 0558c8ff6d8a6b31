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
    split_exact(&mut weights.iter().map(|weight| wide_product(total, *weight)), weight_sum)
}

/// Splits the whole number `Σ numerators / denominator` into parts whose exact values
/// are `numerators[i] / denominator`, by the largest-remainder rule (ties to the
/// earlier part). Callers pass numerators whose sum is a multiple of the denominator;
/// if it is not, the fraction left over is dropped (the total is the floor), so the
/// result is still well defined. A numerator of `None` is one beyond `i128`.
///
/// The numerators are read once, as they are computed, and the call allocates only
/// the parts and their ranking, both 8-byte aligned: the engine splits every
/// project's budget this way on every projection, and in the browser the allocator
/// (slowest for the 16-byte alignment of `i128` lists) was most of its time.
pub(crate) fn split_exact(
    numerators: &mut dyn ExactSizeIterator<Item = Option<i128>>,
    denominator: i128,
) -> Result<Vec<i64>, ApportionError> {
    if denominator <= 0 || numerators.len() == 0 {
        return Err(ApportionError::NoWeights);
    }
    let mut parts: Vec<i64> = Vec::with_capacity(numerators.len());
    // Each part's remainder as its high and low 64 bits (remainders are never
    // negative, so these order as the remainders do), then the part's index.
    let mut ranked: Vec<(u64, u64, usize)> = Vec::with_capacity(numerators.len());
    let mut numerator_sum: i128 = 0;
    let mut remainder_sum: i128 = 0;
    // A part beyond i64 is only reported once every numerator has been checked, so a
    // negative numerator later in the list is reported as such.
    let mut too_large = false;
    // Most profiles repeat a numerator quarter after quarter (the calibrated and the
    // even profile have one weight for every quarter but the last), and a 128-bit
    // division is the costliest step in the browser: a repeat reuses the last one.
    let mut last_division: Option<(i128, (i128, i128))> = None;
    for (index, numerator) in numerators.enumerate() {
        let numerator = numerator.ok_or(ApportionError::Overflow)?;
        if numerator < 0 {
            return Err(ApportionError::NegativeAmount);
        }
        numerator_sum = numerator_sum.checked_add(numerator).ok_or(ApportionError::Overflow)?;
        let (floor, remainder) = match last_division {
            Some((last, division)) if last == numerator => division,
            _ => div_rem(numerator, denominator),
        };
        last_division = Some((numerator, (floor, remainder)));
        // No larger than the numerators' sum, checked above.
        remainder_sum += remainder;
        parts.push(i64::try_from(floor).unwrap_or_else(|_| {
            too_large = true;
            0
        }));
        let remainder = remainder.unsigned_abs();
        ranked.push(((remainder >> 64) as u64, remainder as u64, index));
    }
    // The units the floors leave out, Σ numerators / denominator − Σ floors, are the
    // whole denominators in the remainders' sum. Each remainder is below the
    // denominator, so fewer units are missing than there are parts: counting them off
    // costs less than a 128-bit division, and one pass over the ranked parts always
    // suffices. The indices are distinct, so the unstable sort (which needs no scratch
    // memory) gives the one order a stable sort would.
    let mut missing = 0_usize;
    while remainder_sum >= denominator {
        remainder_sum -= denominator;
        missing += 1;
    }
    if missing > 0 {
        ranked.sort_unstable_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(&b.2)));
        for (_, _, index) in ranked.into_iter().take(missing) {
            if let Some(part) = parts.get_mut(index) {
                match part.checked_add(1) {
                    Some(more) => *part = more,
                    None => too_large = true,
                }
            }
        }
    }
    if too_large {
        return Err(ApportionError::Overflow);
    }
    Ok(parts)
}

/// `total × weight` exactly, `None` beyond `i128`. Most products fit in 64 bits, where
/// the browser multiplies natively instead of calling the 128-bit routine; the result
/// is the same either way.
#[inline]
fn wide_product(total: i64, weight: u64) -> Option<i128> {
    match i64::try_from(weight).ok().and_then(|weight| total.checked_mul(weight)) {
        Some(product) => Some(i128::from(product)),
        None => i128::from(total).checked_mul(i128::from(weight)),
    }
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
        (Err(_), Ok(small)) if numerator > 0 && small < SMALL_DENOMINATOR_LIMIT => {
            let (quotient, remainder) = div_rem_by_small(numerator.unsigned_abs(), small);
            // The quotient is at most the numerator, so it fits an i128.
            (quotient as i128, i128::from(remainder))
        }
        // One 128-bit division, not two: the remainder follows from the quotient.
        _ => {
            let quotient = numerator / denominator;
            (quotient, numerator - quotient * denominator)
        }
    }
}

/// Denominators below this (2^40, just above the share scale 10^12 that every
/// slipped quarter is divided by) are divided in 64-bit steps by [`div_rem_by_small`].
const SMALL_DENOMINATOR_LIMIT: u64 = 1 << 40;

/// `numerator / denominator` and the remainder, for a denominator from 1 to below
/// 2^40, by long division in six 64-bit steps (one of 8 bits, five of 24, from the
/// top): the remainder carried into each step is below 2^40, so it and the next 24
/// bits fit in 64. wasm has no 128-bit division, and its general routine was the
/// costliest step of a projection with slippage in the browser.
fn div_rem_by_small(numerator: u128, denominator: u64) -> (u128, u64) {
    let mut quotient: u128 = 0;
    let mut remainder: u64 = 0;
    for (shift, width) in [(120, 8), (96, 24), (72, 24), (48, 24), (24, 24), (0, 24)] {
        let chunk = (numerator >> shift) as u64 & ((1_u64 << width) - 1);
        let current = (remainder << width) | chunk;
        quotient = (quotient << width) | u128::from(current / denominator);
        remainder = current % denominator;
    }
    (quotient, remainder)
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
        // Products beyond 64 bits (the calibrated profile's weights are about 10^12).
        check(1_000_000_000, &[999_999_999_999, 1_000_000_000_001], Ok(vec![500_000_000, 500_000_000]));
        check(1_000_000_001, &[3_000_000_000_000, 1_000_000_000_000, 0], Ok(vec![750_000_001, 250_000_000, 0]));
        check(3, &[u64::MAX, u64::MAX], Ok(vec![2, 1]));
    }

    proptest::proptest! {
        #[test]
        fn long_division_by_a_small_denominator_is_exact(numerator: u128, denominator in 1_u64..SMALL_DENOMINATOR_LIMIT) {
            let expected = (numerator / u128::from(denominator), u64::try_from(numerator % u128::from(denominator)).ok());
            let (quotient, remainder) = div_rem_by_small(numerator, denominator);
            proptest::prop_assert_eq!((quotient, Some(remainder)), expected);
        }
    }

    #[test]
    fn divides_at_the_edges_of_each_path() {
        let scale = 1_000_000_000_000_i128;
        for (numerator, denominator) in [
            (i128::MAX, scale),
            (i128::MAX, 1),
            (i128::MAX, (1 << 40) - 1),
            (i128::MAX, 1 << 40),
            (i128::from(u64::MAX) + 1, scale),
            (i128::from(u64::MAX), scale),
            (i128::from(u64::MAX) * 3 + 7, 7),
            (-(i128::from(u64::MAX) * 3), scale),
        ] {
            assert_eq!(
                div_rem(numerator, denominator),
                (numerator / denominator, numerator % denominator),
                "{numerator} / {denominator}"
            );
        }
    }

    #[track_caller]
    fn check_split(numerators: &[i128], denominator: i128, expected: Result<Vec<i64>, ApportionError>) {
        let mut read = numerators.iter().map(|numerator| Some(*numerator));
        assert_eq!(split_exact(&mut read, denominator), expected, "split_exact({numerators:?}, {denominator})");
    }

    #[test]
    fn splits_exact_fractions_and_reports_the_first_problem() {
        check_split(&[5, 5, 5], 3, Ok(vec![2, 2, 1]));
        check_split(&[7, 7, 7, 7], 4, Ok(vec![2, 2, 2, 1]));
        check_split(&[1, 2, 3], 2, Ok(vec![1, 1, 1]));
        check_split(&[4, 2], 0, Err(ApportionError::NoWeights));
        check_split(&[], 1, Err(ApportionError::NoWeights));
        // A part too large for i64 is reported after every numerator has been checked.
        let huge = i128::from(i64::MAX) * 4;
        check_split(&[huge, -1], 2, Err(ApportionError::NegativeAmount));
        check_split(&[huge, 1], 2, Err(ApportionError::Overflow));
        // The unit a remainder earns can take a part past i64.
        let at_limit = i128::from(i64::MAX) * 2 + 1;
        check_split(&[at_limit, 1], 2, Err(ApportionError::Overflow));
        check_split(&[i128::MAX, 1], 1, Err(ApportionError::Overflow));
    }
}
