//! Checking the scenario's global levers and turning them into the engine's integers.
//! Every range is documented on the lever itself (see [`crate::engine::scenario`]).

use super::dollars::to_dollars;
use super::error::LeverError;
use super::prepared::Engine;
use super::projection::RetentionSource;
use super::scenario::{DeferralRule, Scenario, MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT};
use super::share::share_units;
use crate::money::{Money, MAX_INPUT_MILLIONS};
use rust_decimal::Decimal;

/// The expected-value slippage in the engine's units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slip {
    /// The share of projects late, in parts per 10^12.
    pub units: u64,
    /// How many quarters late.
    pub quarters: u32,
}

/// The scenario's global levers, checked and converted.
#[derive(Clone, Debug)]
pub(crate) struct Levers {
    pub retention_units: u64,
    pub retention_source: RetentionSource,
    /// `None` when slippage is off or has no effect (zero share or zero quarters).
    pub slip: Option<Slip>,
    /// `(100 + cost change %) / 100`.
    pub cost_factor: Decimal,
    pub ongoing: i64,
    pub ceiling: Money,
    pub floor: Money,
    pub cap: Option<(i64, DeferralRule)>,
}

/// Checks an amount typed in HK$ millions: 0 to [`MAX_INPUT_MILLIONS`], converted to
/// whole HK$ (rounding point R1).
pub(crate) fn amount(field: impl Into<String>, value: Money) -> Result<i64, LeverError> {
    match to_dollars(value) {
        Some(dollars) if dollars >= 0 => Ok(dollars),
        _ => Err(LeverError::out_of_range(
            field,
            value.format(6),
            "0",
            Money::from_whole_millions(MAX_INPUT_MILLIONS).format(0),
        )),
    }
}

/// Checks a shift in quarters: within ±[`MAX_SHIFT_QUARTERS`].
pub(crate) fn shift(field: impl Into<String>, value: i32) -> Result<i32, LeverError> {
    if (-MAX_SHIFT_QUARTERS..=MAX_SHIFT_QUARTERS).contains(&value) {
        Ok(value)
    } else {
        Err(LeverError::out_of_range(field, value, -MAX_SHIFT_QUARTERS, MAX_SHIFT_QUARTERS))
    }
}

/// Checks a share: within `[0, 1]`, converted to parts per 10^12 (rounding point R2).
pub(crate) fn share(field: impl Into<String>, value: Decimal) -> Result<u64, LeverError> {
    share_units(value).ok_or_else(|| LeverError::out_of_range(field, value, 0, 1))
}

/// Checks and converts the global levers.
pub(crate) fn resolve(engine: &Engine, scenario: &Scenario) -> Result<Levers, LeverError> {
    let (retention_units, retention_source) = match scenario.retention {
        Some(value) => (share("retention", value)?, RetentionSource::Scenario),
        None => (engine.solved_retention_units, RetentionSource::Solved),
    };
    let slippage = &scenario.slippage;
    let slip_units = share("slippage.share", slippage.share)?;
    let max_slip = u32::try_from(MAX_SHIFT_QUARTERS).unwrap_or(0);
    if slippage.quarters > max_slip {
        return Err(LeverError::out_of_range("slippage.quarters", slippage.quarters, 0, MAX_SHIFT_QUARTERS));
    }
    let slip = (slippage.enabled && slip_units > 0 && slippage.quarters > 0)
        .then_some(Slip { units: slip_units, quarters: slippage.quarters });
    let pct = scenario.cost_change_pct;
    if pct < Decimal::from(MIN_COST_CHANGE_PCT) || pct > Decimal::from(MAX_COST_CHANGE_PCT) {
        return Err(LeverError::out_of_range("cost_change_pct", pct, MIN_COST_CHANGE_PCT, MAX_COST_CHANGE_PCT));
    }
    let cost_factor = (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED;
    let ongoing = match scenario.ongoing_budget_year {
        Some(value) => amount("ongoing_budget_year", value)?,
        None => engine.ongoing,
    };
    let ceiling = match scenario.delegation.ceiling {
        Some(value) => amount("delegation.ceiling", value).map(|_| value)?,
        None => engine.ceiling,
    };
    let floor = match scenario.delegation.floor {
        Some(value) => amount("delegation.floor", value).map(|_| value)?,
        None => engine.floor,
    };
    if floor > ceiling {
        return Err(LeverError::FloorAboveCeiling { floor: floor.format(1), ceiling: ceiling.format(1) });
    }
    let cap = match &scenario.cap {
        Some(cap) => Some((amount("cap.amount", cap.amount)?, cap.rule)),
        None => None,
    };
    Ok(Levers { retention_units, retention_source, slip, cost_factor, ongoing, ceiling, floor, cap })
}
