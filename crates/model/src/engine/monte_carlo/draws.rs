//! Integer sampling from 64-bit draws, identical on every platform.

use crate::engine::error::{EngineError, SettingError};
use crate::engine::share::{share_units, SHARE_SCALE};
use rust_decimal::Decimal;

/// `probability` (in `[0, 1]`) as a threshold on a uniform 64-bit draw; outside it,
/// the simulation is refused with `refusal`.
pub(super) fn threshold(refusal: SettingError, probability: Decimal) -> Result<u128, EngineError> {
    let units = share_units(probability).ok_or(super::setting(refusal))?;
    Ok((u128::from(units) << 64) / u128::from(SHARE_SCALE))
}

/// A uniform choice in `0..count` from a 64-bit draw (the high half of the product).
pub(super) fn pick(draw: u64, count: u64) -> u64 {
    u64::try_from((u128::from(draw) * u128::from(count)) >> 64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_and_picks_are_exact() {
        assert_eq!(threshold(SettingError::LateProbability, Decimal::ZERO), Ok(0));
        assert_eq!(threshold(SettingError::LateProbability, Decimal::ONE), Ok(1 << 64));
        assert_eq!(threshold(SettingError::LateProbability, Decimal::new(5, 1)), Ok(1 << 63));
        assert_eq!(
            threshold(SettingError::LateProbability, Decimal::TWO),
            Err(EngineError::MonteCarlo(SettingError::LateProbability))
        );
        assert_eq!(pick(0, 4), 0);
        assert_eq!(pick(u64::MAX, 4), 3);
        assert_eq!(pick(1 << 63, 4), 2);
    }
}
