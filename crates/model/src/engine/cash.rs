//! A project's cash per quarter: its budget spread by its profile, and, with
//! slippage, mixed with the late schedule as an expected value.

use super::apportion::split_exact;
use super::error::{EngineError, ScheduleError};
use super::lever_checks::Slip;
use super::plan::Plan;
use super::profile::spread;
use super::share::SHARE_SCALE;
use crate::quarter::FiscalQuarter;

/// Whole HK$ per quarter, from `start`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cash {
    pub start: FiscalQuarter,
    pub amounts: Vec<i64>,
}

impl Cash {
    /// The last quarter with an entry.
    pub fn last(&self) -> FiscalQuarter {
        let length = i32::try_from(self.amounts.len()).unwrap_or(i32::MAX);
        self.start.saturating_add_quarters(length.saturating_sub(1).max(0))
    }

    /// The sum of the entries from `first` to `last` inclusive.
    pub fn within(&self, first: FiscalQuarter, last: FiscalQuarter) -> i64 {
        self.start
            .range_inclusive(self.last())
            .zip(&self.amounts)
            .filter(|(quarter, _)| *quarter >= first && *quarter <= last)
            .map(|(_, amount)| *amount)
            .sum()
    }
}

/// The cash of one planned project. With slippage, each quarter is
/// `(1 − s) × on-time + s × late` where the late schedule completes `quarters` later
/// (same start, same profile over the longer duration); the mix is split into whole
/// HK$ by the one allocation routine, so it still adds up to the budget exactly.
pub(crate) fn cash_for(plan: &Plan, id: u16, slip: Option<Slip>, retention_units: u64) -> Result<Cash, EngineError> {
    let quarters = plan.quarters();
    let on_time = spread(plan.budget, quarters, plan.profile, retention_units)?;
    let Some(slip) = slip else {
        return Ok(Cash { start: plan.start, amounts: on_time });
    };
    let late_quarters = usize::try_from(slip.quarters).unwrap_or(usize::MAX);
    let extension = i32::try_from(slip.quarters).unwrap_or(i32::MAX);
    plan.completion.add_quarters(extension).ok_or(ScheduleError::OutOfRange { id })?;
    let late = spread(plan.budget, quarters.saturating_add(late_quarters), plan.profile, retention_units)?;
    let late_weight = i128::from(slip.units.min(SHARE_SCALE));
    let on_time_weight = i128::from(SHARE_SCALE) - late_weight;
    // Each term is at most 10^12 × an i64, so the sum fits an i128 with room to spare.
    let mut numerators = late.iter().enumerate().map(|(quarter, late_amount)| {
        let on_time_amount = on_time.get(quarter).copied().unwrap_or(0);
        Some(on_time_weight * i128::from(on_time_amount) + late_weight * i128::from(*late_amount))
    });
    let amounts = split_exact(&mut numerators, i128::from(SHARE_SCALE))?;
    Ok(Cash { start: plan.start, amounts })
}
