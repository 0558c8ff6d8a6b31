//! Shares (probabilities, proportions) as integer parts per 10^12.
//!
//! Scenario levers hold shares as exact decimals (the paper's 69/210 is stored to 28
//! significant digits). The engine's integer arithmetic needs them as whole numbers,
//! so each share is converted once, at the rounding point below, to parts per 10^12:
//! fine enough that no figure shown in HK$ millions can change, coarse enough that a
//! share times the largest budget fits easily in an `i128`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Parts per whole: a share of 1 is `SHARE_SCALE` units.
pub const SHARE_SCALE: u64 = 1_000_000_000_000;

/// The number of decimal places that one share unit represents.
pub(crate) const SHARE_PLACES: u32 = 12;

/// Rounding point R2: a share in `[0, 1]` becomes parts per 10^12, rounded half away
/// from zero. `None` outside `[0, 1]`.
pub(crate) fn share_units(share: Decimal) -> Option<u64> {
    if share < Decimal::ZERO || share > Decimal::ONE {
        return None;
    }
    share
        .checked_mul(Decimal::from(SHARE_SCALE))?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_u64()
}

/// Parts per 10^12 back to a decimal share, exactly.
pub(crate) fn share_from_units(units: u64) -> Decimal {
    // Units never exceed SHARE_SCALE (10^12), far inside i64.
    let units = i64::try_from(units.min(SHARE_SCALE)).unwrap_or(0);
    Decimal::new(units, SHARE_PLACES).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(share: Decimal, expected: Option<u64>) {
        assert_eq!(share_units(share), expected, "share {share}");
    }

    #[test]
    fn converts_shares_to_units() {
        check(Decimal::ZERO, Some(0));
        check(Decimal::ONE, Some(SHARE_SCALE));
        check(Decimal::from(69) / Decimal::from(210), Some(328_571_428_571));
        check(Decimal::new(5, 13), Some(1));
        check(Decimal::new(-1, 13), None);
        check(Decimal::new(10_000_000_000_001, 13), None);
        assert_eq!(share_from_units(328_571_428_571), Decimal::new(328_571_428_571, 12));
    }
}
