//! Checking the scenario's global levers and turning them into the engine's integers.
//! Every range is documented on the lever itself (see [`crate::engine::scenario`]).

use super::dollars::to_dollars;
use super::error::LeverError;
use super::prepared::Engine;
use super::projection::RetentionSource;
use super::scenario::{DeferralRule, Edit, Scenario, MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT};
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

/// Checks how many quarters late slippage makes a project: 0 to [`MAX_SHIFT_QUARTERS`].
fn slippage_quarters(value: u32) -> Result<u32, LeverError> {
    let max_slip = u32::try_from(MAX_SHIFT_QUARTERS).unwrap_or(0);
    if value > max_slip {
        return Err(LeverError::out_of_range("slippage.quarters", value, 0, MAX_SHIFT_QUARTERS));
    }
    Ok(value)
}

/// Checks the uniform cost change (−100 % to 1,000 %), converted to its factor
/// `(100 + pct) / 100`.
fn cost_factor(pct: Decimal) -> Result<Decimal, LeverError> {
    if pct < Decimal::from(MIN_COST_CHANGE_PCT) || pct > Decimal::from(MAX_COST_CHANGE_PCT) {
        return Err(LeverError::out_of_range("cost_change_pct", pct, MIN_COST_CHANGE_PCT, MAX_COST_CHANGE_PCT));
    }
    Ok((Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED)
}

/// How a lever's path names an item of a list of edits that says which project or
/// category it edits: by that id (`projects[id=17].edit.defer_quarters`,
/// `allocation.categories[id=2].amount`), which is what the member knows it by, where
/// its place in the file's list (`projects[0]`) means nothing to them. The engine's
/// range checks and the reader of a scenarios file (`saved::codec`) write it so, and
/// `present::refusal::scenario_part` reads it.
pub fn item_by_id(id: impl Into<u64>) -> String {
    format!("[id={}]", id.into())
}

/// Checks the ranges of one edit's levers; `field` is its path in the scenario.
pub(crate) fn edit(field: &str, edit: &Edit) -> Result<(), LeverError> {
    if let Some(value) = edit.defer_quarters {
        shift(format!("{field}.defer_quarters"), value)?;
    }
    if let Some(value) = edit.extend_quarters {
        shift(format!("{field}.extend_quarters"), value)?;
    }
    if let Some(value) = edit.budget {
        amount(format!("{field}.budget"), value)?;
    }
    Ok(())
}

impl Scenario {
    /// Checks every lever's range that does not depend on the data, by the same checks
    /// and in the same order as [`Engine::project`], so the first lever it names is the
    /// one the engine would refuse. What it cannot check without the data: a floor
    /// above the data's ceiling (or a ceiling below its floor) when only one of them is
    /// set, and a schedule moved out of the supported years. The reader of an imported
    /// file uses it, so a scenario out of range is named at the import, not only when
    /// it is opened.
    pub fn check_ranges(&self) -> Result<(), LeverError> {
        self.check_ranges_with(None)
    }

    /// [`Scenario::check_ranges`] on a dataset whose thresholds are `(ceiling, floor)`:
    /// a floor above the data's ceiling, or a ceiling below its floor, when the
    /// scenario sets only one of them, is named too, where the engine names it.
    pub(crate) fn check_ranges_with(&self, thresholds: Option<(Money, Money)>) -> Result<(), LeverError> {
        if let Some(value) = self.retention {
            share("retention", value)?;
        }
        share("slippage.share", self.slippage.share)?;
        slippage_quarters(self.slippage.quarters)?;
        cost_factor(self.cost_change_pct)?;
        if let Some(value) = self.ongoing_budget_year {
            amount("ongoing_budget_year", value)?;
        }
        let delegation = &self.delegation;
        if let Some(value) = delegation.ceiling {
            amount("delegation.ceiling", value)?;
        }
        if let Some(value) = delegation.floor {
            amount("delegation.floor", value)?;
        }
        let (floor, ceiling) = match thresholds {
            Some((ceiling, floor)) => {
                (Some(delegation.floor.unwrap_or(floor)), Some(delegation.ceiling.unwrap_or(ceiling)))
            }
            None => (delegation.floor, delegation.ceiling),
        };
        if let (Some(floor), Some(ceiling)) = (floor, ceiling) {
            if floor > ceiling {
                return Err(LeverError::FloorAboveCeiling { floor: floor.format(1), ceiling: ceiling.format(1) });
            }
        }
        if let Some(cap) = &self.cap {
            amount("cap.amount", cap.amount)?;
        }
        for (group_index, group) in self.groups.iter().enumerate() {
            edit(&format!("groups[{group_index}].edit"), &group.edit)?;
        }
        for project_edit in &self.projects {
            edit(&format!("projects{}.edit", item_by_id(project_edit.id)), &project_edit.edit)?;
        }
        for category in &self.allocation.categories {
            if let Some(value) = category.amount {
                amount(format!("allocation.categories{}.amount", item_by_id(category.id)), value)?;
            }
        }
        if let Some(target) = self.allocation.scale_to {
            amount("allocation.scale_to", target)?;
        }
        Ok(())
    }
}

/// Checks and converts the global levers.
pub(crate) fn resolve(engine: &Engine, scenario: &Scenario) -> Result<Levers, LeverError> {
    let (retention_units, retention_source) = match scenario.retention {
        Some(value) => (share("retention", value)?, RetentionSource::Scenario),
        None => (engine.solved_retention_units, RetentionSource::Solved),
    };
    let slippage = &scenario.slippage;
    let slip_units = share("slippage.share", slippage.share)?;
    let quarters = slippage_quarters(slippage.quarters)?;
    let slip = (slippage.enabled && slip_units > 0 && quarters > 0).then_some(Slip { units: slip_units, quarters });
    let cost_factor = cost_factor(scenario.cost_change_pct)?;
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
