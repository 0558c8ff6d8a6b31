//! Whole Hong Kong dollars as plain integers: the engine's unit of account.
//!
//! Every amount the engine splits into quarters is counted in whole HK$ (a [`Money`]
//! with six decimal places of a million). Plain integers keep the inner loops exact
//! and fast enough to run on every keystroke and ten thousand times per Monte Carlo
//! simulation; amounts become [`Money`] again only when a figure leaves the engine,
//! and that conversion is exact.

use crate::money::{Money, MAX_INPUT_MILLIONS};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Whole HK$ in one HK$ million.
pub const DOLLARS_PER_MILLION: i64 = 1_000_000;

/// The largest single amount the engine accepts, in whole HK$: [`MAX_INPUT_MILLIONS`]
/// millions, i.e. 10^15 HK$. Far above any government budget, and small enough that
/// products with the largest weights and sums over thousands of projects still fit in
/// an `i128`.
pub const MAX_DOLLARS: i64 = MAX_INPUT_MILLIONS * DOLLARS_PER_MILLION;

/// The number of decimal places of a million that make one whole HK$.
pub(crate) const DOLLAR_SCALE: u32 = 6;

/// Rounding point R1: an amount in HK$ millions becomes whole HK$, rounded half away
/// from zero. `None` when the result lies outside ±[`MAX_DOLLARS`], so that no later
/// sum or product can overflow.
pub(crate) fn to_dollars(amount: Money) -> Option<i64> {
    let dollars = i64::try_from(to_dollar_sum(amount)?).ok()?;
    (-MAX_DOLLARS..=MAX_DOLLARS).contains(&dollars).then_some(dollars)
}

/// Rounding point R1 without the inputs' bound: a total the engine made (a sum of
/// whole HK$, which may pass [`MAX_DOLLARS`]: the ongoing cash at its limit plus the
/// new projects') in whole HK$; `None` only beyond the `i128` range, which the input
/// limits make unreachable. [`to_dollars`] is this, bounded.
pub(crate) fn to_dollar_sum(total: Money) -> Option<i128> {
    total
        .millions()
        .checked_mul(Decimal::from(DOLLARS_PER_MILLION))?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i128()
}

/// Whole HK$ back to [`Money`]; exact, because a whole HK$ is six decimal places of a
/// million.
pub(crate) fn from_dollars(dollars: i64) -> Money {
    Money::from_millions(Decimal::new(dollars, DOLLAR_SCALE))
}

/// A sum of whole HK$ (which may exceed `i64`) back to [`Money`]; exact. `None` only
/// beyond the 96-bit range of a `Decimal`, which the input limits make unreachable.
pub(crate) fn from_dollar_sum(dollars: i128) -> Option<Money> {
    Decimal::try_from_i128_with_scale(dollars, DOLLAR_SCALE).ok().map(Money::from_millions)
}

/// Rounding point R3: whole HK$ times a decimal factor (a cost change), rounded to
/// whole HK$ half away from zero. `None` if the result does not fit in an `i64`.
/// Cost changes are limited to an eleven-fold budget, so an effective budget stays
/// below 11 × [`MAX_DOLLARS`], and every product the engine forms with it still fits
/// in an `i128`.
pub(crate) fn scale_dollars(dollars: i64, factor: Decimal) -> Option<i64> {
    Decimal::from(dollars)
        .checked_mul(factor)?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(millions: &str, expected: Option<i64>) {
        let money = Money::parse_millions(millions).expect("test input parses");
        assert_eq!(to_dollars(money), expected, "{millions} HK$M in whole HK$");
        if let Some(dollars) = expected {
            assert_eq!(from_dollars(dollars), money.round_to(DOLLAR_SCALE), "round trip of {millions}");
        }
    }

    #[test]
    fn converts_millions_to_whole_dollars() {
        check("6.6", Some(6_600_000));
        check("0.0000005", Some(1));
        check("-0.0000005", Some(-1));
        check("0.0000004", Some(0));
        check("1000000000", Some(MAX_DOLLARS));
        check("1000000000.000001", None);
        check("-1000000000.000001", None);
    }

    #[test]
    fn scales_with_half_away_rounding() {
        assert_eq!(scale_dollars(3, Decimal::new(5, 1)), Some(2));
        assert_eq!(scale_dollars(1_000_000, Decimal::new(11, 1)), Some(1_100_000));
        assert_eq!(scale_dollars(MAX_DOLLARS, Decimal::from(11)), Some(11 * MAX_DOLLARS));
        assert_eq!(scale_dollars(i64::MAX, Decimal::from(2)), None);
    }
}
