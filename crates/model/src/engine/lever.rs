//! Single levers as numbers, for the goal seek and the sensitivity tables: each
//! [`Lever`] knows how to set itself on a scenario and what range it may take.

use super::dollars::from_dollar_sum;
use super::error::{EngineError, LeverError};
use super::lever_checks::amount;
use super::prepared::Engine;
use super::scenario::{CashCap, Scenario, MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT};
use crate::money::{Money, MAX_INPUT_MILLIONS};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A lever that a number sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// The share of projects late, `[0, 1]`; turns slippage on.
    SlipShare,
    /// The share of projects on time, `[0, 1]` (one minus the slip share); turns
    /// slippage on.
    OnTimeRate,
    /// How many quarters late projects are, whole numbers `0..=40`; turns slippage on
    /// with the scenario's share.
    SlipQuarters,
    /// The uniform cost change, in % (−100 to 1,000).
    CostChangePct,
    /// The ongoing cohort's budget-year cash, in HK$M.
    OngoingAmount,
    /// The calibrated profile's retention share, `[0, 1]`.
    Retention,
    /// The cash cap on the budget year, in HK$M (the scenario's deferral rule, or the
    /// default one).
    Cap,
    /// A factor on the unlocked Annex A categories (1 = as edited): sets the pro-rata
    /// target to `locked + factor × unlocked`, rounded to whole HK$.
    AllocationScale,
}

impl Lever {
    pub const ALL: [Lever; 8] = [
        Lever::SlipShare,
        Lever::OnTimeRate,
        Lever::SlipQuarters,
        Lever::CostChangePct,
        Lever::OngoingAmount,
        Lever::Retention,
        Lever::Cap,
        Lever::AllocationScale,
    ];

    /// The lever's stable name, used as a form value and a test id.
    pub fn key(self) -> &'static str {
        match self {
            Lever::SlipShare => "slip_share",
            Lever::OnTimeRate => "on_time_rate",
            Lever::SlipQuarters => "slip_quarters",
            Lever::CostChangePct => "cost_change_pct",
            Lever::OngoingAmount => "ongoing_amount",
            Lever::Retention => "retention",
            Lever::Cap => "cap",
            Lever::AllocationScale => "allocation_scale",
        }
    }

    pub fn from_key(key: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|lever| lever.key() == key)
    }

    /// The values the lever may take, inclusive.
    pub fn range(self) -> (Decimal, Decimal) {
        match self {
            Lever::SlipShare | Lever::OnTimeRate | Lever::Retention => (Decimal::ZERO, Decimal::ONE),
            Lever::SlipQuarters => (Decimal::ZERO, Decimal::from(MAX_SHIFT_QUARTERS)),
            Lever::CostChangePct => (Decimal::from(MIN_COST_CHANGE_PCT), Decimal::from(MAX_COST_CHANGE_PCT)),
            Lever::OngoingAmount | Lever::Cap => (Decimal::ZERO, Decimal::from(MAX_INPUT_MILLIONS)),
            Lever::AllocationScale => (Decimal::ZERO, Decimal::TEN),
        }
    }

    /// The finest step worth distinguishing when solving for this lever.
    pub fn resolution(self) -> Decimal {
        match self {
            Lever::SlipQuarters => Decimal::ONE,
            // Shares are held to 10^-12 by the engine (rounding point R2).
            Lever::SlipShare | Lever::OnTimeRate | Lever::Retention | Lever::AllocationScale => Decimal::new(1, 12),
            Lever::CostChangePct => Decimal::new(1, 10),
            // Amounts are held to whole HK$ (rounding point R1).
            Lever::OngoingAmount | Lever::Cap => Decimal::new(1, 6),
        }
    }

    /// True for levers that take whole numbers only.
    pub fn is_whole(self) -> bool {
        self == Lever::SlipQuarters
    }

    /// Sets the lever to `value` on `scenario`. Values outside [`Lever::range`] are a
    /// [`LeverError`].
    pub fn apply(self, engine: &Engine, scenario: &mut Scenario, value: Decimal) -> Result<(), EngineError> {
        let (min, max) = self.range();
        // Named by its key, which the presentation layer names in words.
        let field = self.key().to_string();
        if value < min || value > max {
            return Err(LeverError::out_of_range(field, value, min, max).into());
        }
        match self {
            Lever::SlipShare => {
                scenario.slippage.enabled = true;
                scenario.slippage.share = value;
            }
            Lever::OnTimeRate => {
                scenario.slippage.enabled = true;
                scenario.slippage.share = Decimal::ONE - value;
            }
            Lever::SlipQuarters => {
                if value.fract() != Decimal::ZERO {
                    return Err(LeverError::NotWhole { field, value: value.to_string() }.into());
                }
                scenario.slippage.enabled = true;
                scenario.slippage.quarters = value.to_u32().unwrap_or(0);
            }
            Lever::CostChangePct => scenario.cost_change_pct = value,
            Lever::OngoingAmount => scenario.ongoing_budget_year = Some(Money::from_millions(value)),
            Lever::Retention => scenario.retention = Some(value),
            Lever::Cap => {
                let rule = scenario.cap.as_ref().map(|cap| cap.rule).unwrap_or_default();
                scenario.cap = Some(CashCap { amount: Money::from_millions(value), rule });
            }
            Lever::AllocationScale => {
                let target = allocation_target(engine, scenario, value)?;
                scenario.allocation.scale_to = Some(target);
            }
        }
        Ok(())
    }
}

/// `locked + factor × unlocked` over the categories as the scenario edits them,
/// rounded to whole HK$ half away from zero (rounding point R1).
fn allocation_target(engine: &Engine, scenario: &Scenario, factor: Decimal) -> Result<Money, EngineError> {
    let mut locked: i128 = 0;
    let mut unlocked: i128 = 0;
    for (id, paper_amount) in engine.category_amounts() {
        let edit = scenario.allocation.categories.iter().rev().find(|edit| edit.id == id);
        let edited = scenario
            .allocation
            .categories
            .iter()
            .rev()
            .find_map(|edit| (edit.id == id).then_some(edit.amount).flatten());
        let value = i128::from(amount("allocation.categories.amount", edited.unwrap_or(paper_amount))?);
        if edit.is_some_and(|edit| edit.locked) {
            locked += value;
        } else {
            unlocked += value;
        }
    }
    let overflow = EngineError::Overflow { what: "the allocation target" };
    let dollars = Decimal::from_i128_with_scale(unlocked, 0)
        .checked_mul(factor)
        .and_then(|scaled| scaled.checked_add(Decimal::from_i128_with_scale(locked, 0)))
        .ok_or(overflow.clone())?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let dollars = i128::try_from(dollars).map_err(|_| overflow.clone())?;
    from_dollar_sum(dollars).ok_or(overflow)
}
