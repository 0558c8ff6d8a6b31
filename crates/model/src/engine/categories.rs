//! Annex A's expenditure categories: edits, locks, and pro-rata scaling to a total.
//!
//! Scaling rule: the unlocked categories are scaled in proportion to their current
//! amounts so that all categories add up to the target exactly; locked ones are
//! untouched. The scaled amounts are whole multiples of [`ALLOCATION_STEP`]
//! (HK$0.1M, the precision the screens print), split by the one allocation routine
//! (largest remainder, ties to the earlier category). When the target minus the
//! locked sum is not itself a multiple of the step, the leftover (less than HK$0.1M)
//! goes to the largest unlocked category (ties to the earlier), so the total is still
//! exact.

use super::apportion::{split_exact, ApportionError};
use super::dollars::{from_dollars, to_dollars};
use super::scenario::CategoryEdit;
use crate::money::{percent_change, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The granularity of pro-rata scaling: HK$0.1M.
pub const ALLOCATION_STEP: Money = Money::from_millions(Decimal::from_parts(1, 0, 0, false, 1));

/// The step in whole HK$.
const STEP_DOLLARS: i128 = 100_000;

/// Why the categories could not be scaled to the target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AllocationError {
    /// The locked categories alone exceed the target.
    TargetBelowLocked { target: Money, locked: Money },
    /// Every unlocked category is zero (or all are locked), so nothing can be scaled
    /// to make up the difference.
    NothingToScale { target: Money, locked: Money },
    /// An amount is negative or above HK$1,000,000,000M.
    AmountOutOfRange { amount: Money },
    /// The lists of amounts and locks differ in length.
    LengthMismatch,
    /// The split failed (only with amounts far beyond the limits).
    Apportion(ApportionError),
}

impl fmt::Display for AllocationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AllocationError::TargetBelowLocked { target, locked } => {
                write!(f, "the target ({target}) is below the locked categories' sum ({locked})")
            }
            AllocationError::NothingToScale { target, locked } => write!(
                f,
                "no unlocked category has an amount to scale, so the total cannot move from {locked} to {target}"
            ),
            AllocationError::AmountOutOfRange { amount } => {
                write!(f, "{amount} is outside 0 to 1,000,000,000 HK$M")
            }
            AllocationError::LengthMismatch => write!(f, "every amount needs a lock flag"),
            AllocationError::Apportion(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for AllocationError {}

/// Scales the unlocked `amounts` pro rata so that all of them add up to `target`
/// exactly (see the module documentation for the rule). Locked amounts are returned
/// unchanged.
///
/// ```
/// use blockvote_model::Money;
/// use blockvote_model::engine::scale_pro_rata;
/// let m = |x: i64| Money::from_whole_millions(x);
/// let scaled = scale_pro_rata(&[m(238), m(166), m(373)], &[true, false, false], m(800)).unwrap();
/// assert_eq!(scaled[0], m(238));
/// assert_eq!(Money::checked_sum(scaled).unwrap(), m(800));
/// ```
pub fn scale_pro_rata(amounts: &[Money], locked: &[bool], target: Money) -> Result<Vec<Money>, AllocationError> {
    if amounts.len() != locked.len() {
        return Err(AllocationError::LengthMismatch);
    }
    let dollars = |amount: Money| match to_dollars(amount) {
        Some(value) if value >= 0 => Ok(value),
        _ => Err(AllocationError::AmountOutOfRange { amount }),
    };
    let values: Vec<i64> = amounts.iter().map(|amount| dollars(*amount)).collect::<Result<_, _>>()?;
    let target_dollars = i128::from(dollars(target)?);
    let locked_sum: i128 = values.iter().zip(locked).filter(|(_, lock)| **lock).map(|(v, _)| i128::from(*v)).sum();
    let unlocked_sum: i128 = values.iter().zip(locked).filter(|(_, lock)| !**lock).map(|(v, _)| i128::from(*v)).sum();
    let locked_money = money(locked_sum)?;
    let to_share = target_dollars - locked_sum;
    if to_share < 0 {
        return Err(AllocationError::TargetBelowLocked { target, locked: locked_money });
    }
    if unlocked_sum == 0 {
        return if to_share == 0 {
            Ok(values.into_iter().map(from_dollars).collect())
        } else {
            Err(AllocationError::NothingToScale { target, locked: locked_money })
        };
    }
    let steps = to_share / STEP_DOLLARS;
    let leftover = to_share % STEP_DOLLARS;
    let unlocked: Vec<(usize, i64)> = values
        .iter()
        .zip(locked)
        .enumerate()
        .filter(|(_, (_, lock))| !**lock)
        .map(|(index, (v, _))| (index, *v))
        .collect();
    let mut numerators = unlocked.iter().map(|(_, value)| i128::from(*value).checked_mul(steps));
    let step_counts = split_exact(&mut numerators, unlocked_sum).map_err(AllocationError::Apportion)?;
    let mut result = values.clone();
    for ((index, _), count) in unlocked.iter().zip(step_counts) {
        let amount = i64::try_from(i128::from(count) * STEP_DOLLARS)
            .map_err(|_| AllocationError::Apportion(ApportionError::Overflow))?;
        if let Some(slot) = result.get_mut(*index) {
            *slot = amount;
        }
    }
    // The leftover goes to the largest unlocked category, ties to the earlier one.
    let largest = unlocked.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(index, _)| *index);
    if let Some(slot) = largest.and_then(|index| result.get_mut(index)) {
        *slot = slot.saturating_add(i64::try_from(leftover).unwrap_or(0));
    }
    Ok(result.into_iter().map(from_dollars).collect())
}

fn money(dollars: i128) -> Result<Money, AllocationError> {
    super::dollars::from_dollar_sum(dollars).ok_or(AllocationError::Apportion(ApportionError::Overflow))
}

/// Annex A's categories under the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationOutcome {
    /// In the dataset's order.
    pub categories: Vec<CategoryOutcome>,
    pub total: CategoryTotals,
    /// The pro-rata scaling, if the scenario asks for it.
    pub scaling: Option<ScalingOutcome>,
    /// The projection's total cash need in the budget year (ongoing + new).
    pub cash_need: Money,
    /// `total.amount − cash_need`: positive if the allocation exceeds the cash need.
    pub surplus: Money,
}

/// One category under the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryOutcome {
    pub id: u8,
    /// The scenario's 2018-19 amount (after edits and scaling).
    pub amount: Money,
    /// The paper's proposed 2018-19 amount.
    pub paper_amount: Money,
    /// The approved 2017-18 amount.
    pub prior_amount: Money,
    pub locked: bool,
    /// True if the scenario typed an amount for it.
    pub edited: bool,
    /// True if pro-rata scaling changed it.
    pub scaled: bool,
    /// `amount − prior_amount`.
    pub change_vs_prior: Money,
    /// The same in % of the prior amount, exact (rounded only for display); `None`
    /// when the prior amount is zero.
    pub change_vs_prior_pct: Option<Decimal>,
    /// `amount − paper_amount`.
    pub change_vs_paper: Money,
}

/// The six categories added up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotals {
    pub amount: Money,
    pub paper_amount: Money,
    pub prior_amount: Money,
    pub change_vs_prior: Money,
    pub change_vs_prior_pct: Option<Decimal>,
    pub change_vs_paper: Money,
}

/// What the pro-rata scaling did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalingOutcome {
    pub target: Money,
    /// The locked categories' sum.
    pub locked: Money,
    /// The unlocked categories' sum before scaling.
    pub unlocked_before: Money,
    /// `(target − locked) / unlocked_before`, exact to 28 digits; `None` if the
    /// scaling failed.
    pub factor: Option<Decimal>,
    /// Why the scaling failed, if it did; the amounts are then left unscaled.
    pub error: Option<AllocationError>,
}

/// One category's input to [`allocation_outcome`].
#[derive(Clone, Debug)]
pub(crate) struct CategoryInput {
    pub id: u8,
    pub paper_amount: Money,
    pub prior_amount: Money,
    pub amount: Money,
    pub locked: bool,
    pub edited: bool,
}

impl CategoryInput {
    /// A category of the data before any edit: the paper's amount, unlocked.
    pub(crate) fn unedited(id: u8, paper_amount: Money, prior_amount: Money) -> CategoryInput {
        CategoryInput { id, paper_amount, prior_amount, amount: paper_amount, locked: false, edited: false }
    }
}

/// Lays a scenario's category `edits` over `inputs`, in the scenario's order: each
/// sets its category's amount, if it gives one, and its lock. Returns the ids of the
/// edits of a category `inputs` does not have, which change nothing. The engine and
/// the check of a scenario made elsewhere (`known.rs`) both lay edits through this, so
/// they agree on what is locked at what amount.
pub(crate) fn lay_category_edits(inputs: &mut [CategoryInput], edits: &[CategoryEdit]) -> Vec<u8> {
    let mut unknown = Vec::new();
    for edit in edits {
        let Some(input) = inputs.iter_mut().find(|input| input.id == edit.id) else {
            unknown.push(edit.id);
            continue;
        };
        if let Some(amount) = edit.amount {
            input.amount = amount;
            input.edited = true;
        }
        input.locked = edit.locked;
    }
    unknown
}

/// Why the categories `inputs` (edits laid) cannot be scaled to `target`, if they
/// cannot: [`scale_pro_rata`]'s own answer, which [`allocation_outcome`] reports.
pub(crate) fn scaling_refusal(inputs: &[CategoryInput], target: Money) -> Option<AllocationError> {
    let amounts: Vec<Money> = inputs.iter().map(|input| input.amount).collect();
    let locks: Vec<bool> = inputs.iter().map(|input| input.locked).collect();
    scale_pro_rata(&amounts, &locks, target).err()
}

/// Scales (if asked) and tabulates the categories. A scaling failure is reported in
/// the outcome, not as an error of the whole projection, so the other screens still
/// show their figures.
pub(crate) fn allocation_outcome(
    inputs: Vec<CategoryInput>,
    scale_to: Option<Money>,
    cash_need: Money,
) -> Result<AllocationOutcome, ApportionError> {
    let amounts: Vec<Money> = inputs.iter().map(|input| input.amount).collect();
    let locks: Vec<bool> = inputs.iter().map(|input| input.locked).collect();
    let sum = |pick: &dyn Fn(&CategoryInput) -> Money, only: Option<bool>| {
        Money::checked_sum(inputs.iter().filter(|input| only.is_none_or(|lock| input.locked == lock)).map(pick))
            .map_err(|_| ApportionError::Overflow)
    };
    let (final_amounts, scaling) = match scale_to {
        None => (amounts.clone(), None),
        Some(target) => {
            let locked = sum(&|input| input.amount, Some(true))?;
            let unlocked_before = sum(&|input| input.amount, Some(false))?;
            match scale_pro_rata(&amounts, &locks, target) {
                Ok(scaled) => {
                    let factor = target.checked_sub(locked).ok().and_then(|share| share.ratio(unlocked_before).ok());
                    (scaled, Some(ScalingOutcome { target, locked, unlocked_before, factor, error: None }))
                }
                Err(error) => (
                    amounts.clone(),
                    Some(ScalingOutcome { target, locked, unlocked_before, factor: None, error: Some(error) }),
                ),
            }
        }
    };
    let overflow = |_| ApportionError::Overflow;
    let mut categories = Vec::with_capacity(inputs.len());
    for ((input, amount), before) in inputs.iter().zip(&final_amounts).zip(&amounts) {
        categories.push(CategoryOutcome {
            id: input.id,
            amount: *amount,
            paper_amount: input.paper_amount,
            prior_amount: input.prior_amount,
            locked: input.locked,
            edited: input.edited,
            scaled: amount != before,
            change_vs_prior: amount.checked_sub(input.prior_amount).map_err(overflow)?,
            change_vs_prior_pct: percent_change(*amount, input.prior_amount),
            change_vs_paper: amount.checked_sub(input.paper_amount).map_err(overflow)?,
        });
    }
    let amount = Money::checked_sum(final_amounts.iter().copied()).map_err(overflow)?;
    let paper_amount = sum(&|input| input.paper_amount, None)?;
    let prior_amount = sum(&|input| input.prior_amount, None)?;
    let total = CategoryTotals {
        amount,
        paper_amount,
        prior_amount,
        change_vs_prior: amount.checked_sub(prior_amount).map_err(overflow)?,
        change_vs_prior_pct: percent_change(amount, prior_amount),
        change_vs_paper: amount.checked_sub(paper_amount).map_err(overflow)?,
    };
    let surplus = amount.checked_sub(cash_need).map_err(overflow)?;
    Ok(AllocationOutcome { categories, total, scaling, cash_need, surplus })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse_millions(text).expect("test amount parses")
    }

    #[track_caller]
    fn check(amounts: &[&str], locked: &[bool], target: &str, expected: Result<Vec<&str>, AllocationError>) {
        let amounts: Vec<Money> = amounts.iter().map(|text| m(text)).collect();
        let expected = expected.map(|list| list.iter().map(|text| m(text)).collect::<Vec<_>>());
        assert_eq!(scale_pro_rata(&amounts, locked, m(target)), expected, "scaling {amounts:?} to {target}");
    }

    #[test]
    fn scales_unlocked_categories_exactly() {
        let paper = ["238", "166", "373", "166", "67", "50"];
        let none = [false; 6];
        check(&paper, &none, "1060", Ok(paper.to_vec()));
        check(&paper, &none, "990", Ok(vec!["222.3", "155.0", "348.4", "155.0", "62.6", "46.7"]));
        let first = [true, false, false, false, false, false];
        check(&paper, &first, "1100", Ok(vec!["238", "174.1", "391.1", "174.1", "70.3", "52.4"]));
        check(&["1", "1", "1"], &[false; 3], "1", Ok(vec!["0.4", "0.3", "0.3"]));
        check(&["1", "2"], &[false; 2], "3.05", Ok(vec!["1.0", "2.05"]));
        check(
            &["5", "0"],
            &[true, false],
            "4",
            Err(AllocationError::TargetBelowLocked { target: m("4"), locked: m("5") }),
        );
        check(
            &["5", "0"],
            &[true, false],
            "6",
            Err(AllocationError::NothingToScale { target: m("6"), locked: m("5") }),
        );
        check(&["5", "0"], &[true, false], "5", Ok(vec!["5", "0"]));
        check(&["-1"], &[false], "5", Err(AllocationError::AmountOutOfRange { amount: m("-1") }));
        check(&["1"], &[], "5", Err(AllocationError::LengthMismatch));
        check(&[], &[], "0", Ok(vec![]));
    }
}
