//! The projection's timeline: consecutive quarters from the budget year's first
//! quarter, and how they group into financial years.

use super::cash::Cash;
use crate::quarter::{FiscalQuarter, FiscalYear};
use std::ops::Range;

/// Quarters `origin`, `origin + 1`, … (`len` of them). The origin is always a Q1, so
/// financial year `i` is quarters `4i .. 4i + 4`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeline {
    pub origin: FiscalQuarter,
    pub len: usize,
}

impl Timeline {
    /// From the budget year's Q1 to `last`, but at least the budget year's four
    /// quarters (the ongoing cohort needs cash in all of them).
    pub fn new(budget_year: FiscalYear, last: Option<FiscalQuarter>) -> Timeline {
        let origin = budget_year.first_quarter();
        let year_end = origin.saturating_add_quarters(3);
        let last = last.map_or(year_end, |last| last.max(year_end));
        let len = usize::try_from(origin.quarters_until(last) + 1).unwrap_or(4);
        Timeline { origin, len }
    }

    pub fn quarter(&self, index: usize) -> FiscalQuarter {
        self.origin.saturating_add_quarters(i32::try_from(index).unwrap_or(i32::MAX))
    }

    /// Adds `cash` into per-quarter `totals` laid out along this timeline. Entries
    /// outside the timeline are skipped; the timeline is built to cover every cash
    /// vector, so none is.
    pub fn add(&self, totals: &mut [i128], cash: &Cash) {
        let Some(offset) = cash.start.index_from(self.origin) else {
            return;
        };
        for (total, amount) in totals.iter_mut().skip(offset).zip(&cash.amounts) {
            *total += i128::from(*amount);
        }
    }

    /// The financial years the timeline touches, each with its range of quarter
    /// indices (the last may be partial).
    pub fn years(&self) -> Vec<(FiscalYear, Range<usize>)> {
        (0..self.len).step_by(4).map(|first| (self.quarter(first).year(), first..(first + 4).min(self.len))).collect()
    }
}
