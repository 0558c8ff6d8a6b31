//! Where the change comes from: the budget year's total cash need, from the paper's
//! figure to the scenario's, split into one exact amount per group of levers.
//!
//! # The rule: Shapley values
//!
//! Levers interact (a cost change is worth more when slippage moves less cash out of
//! the year; a cap's deferrals depend on everything before it), so "the effect of
//! moving one lever" depends on which levers were moved before it. The bridge uses
//! the one attribution that does not depend on that order: each group's share is its
//! average effect over every order in which the seven groups could be moved (its
//! Shapley value). With `v(S)` the budget year's total of the paper's baseline with
//! only the groups in `S` taken from the scenario, and `n = 7`,
//!
//! ```text
//! share(i) = Σ over S ⊆ N∖{i} of |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))
//! ```
//!
//! The shares add up to `v(N) − v(∅)` (efficiency), a group the scenario leaves at
//! the paper's values gets exactly zero (it changes no `v`), and two groups that
//! always change `v` alike get the same share (symmetry).
//!
//! # Exact amounts
//!
//! `v` is whole HK$. Multiplying the formula by `n! = 5040` makes every share an
//! integer numerator over 5040, computed with checked `i128` arithmetic; no float is
//! used. The numerators add up to `5040 · (v(N) − v(∅))`, and they become whole-HK$
//! amounts by the engine's largest-remainder rule (see `apportion`): each share
//! first gets the floor of its exact value (rounding towards minus infinity, so a
//! negative share is handled alike); the dollars still missing go one by one to the
//! shares with the largest remainders, ties to the group earlier in
//! [`LeverGroup::ALL`] (never to an order the caller chose, so the amounts do not
//! depend on it). The amounts add up to `v(N) − v(∅)` exactly, each within HK$1 of
//! its exact share.
//!
//! # What it costs
//!
//! A group the scenario leaves at the paper's values changes no scenario, so
//! `v(S) = v(S ∩ M)` where `M` is the moved groups: the bridge projects only the
//! `2^|M|` coalitions of moved groups (at most 128) with one prepared [`Engine`],
//! and reads every other `v` from them.
//!
//! # Levers that do not move cash
//!
//! Annex A's categories ([`Scenario::allocation`]) and the approval thresholds
//! ([`Scenario::delegation`]) are read only after the cash is computed (the cash
//! stage reads neither; the allocation is compared with the total, and routes follow
//! the budgets), so they are in no group. The bridge checks this for every scenario
//! that sets them: the scenario's own total must equal `v(N)`, or the bridge is
//! refused ([`BridgeError::UnattributedChange`]) rather than shown with a gap.

use super::error::EngineError;
use super::prepared::Engine;
use super::scenario::Scenario;
use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The number of lever groups.
pub const GROUP_COUNT: usize = 7;

/// `GROUP_COUNT!`: the denominator of every exact share.
pub const ORDERINGS: i128 = 5040;

/// One group of levers whose effect on the budget year's cash the bridge reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverGroup {
    /// The default spend profile and the calibrated profile's retention share.
    SpendProfile,
    /// The uniform cost change.
    CostChange,
    /// Para 5's lateness as an expected value.
    Slippage,
    /// Edits of groups of projects (a department, a theme, all).
    GroupEdits,
    /// Edits of single projects.
    ProjectEdits,
    /// The cap on the budget year's cash need.
    Cap,
    /// The ongoing projects' 2018-19 cash.
    Ongoing,
}

impl LeverGroup {
    /// Every group, in the order the bridge shows them (and breaks ties in).
    pub const ALL: [LeverGroup; GROUP_COUNT] = [
        LeverGroup::SpendProfile,
        LeverGroup::CostChange,
        LeverGroup::Slippage,
        LeverGroup::GroupEdits,
        LeverGroup::ProjectEdits,
        LeverGroup::Cap,
        LeverGroup::Ongoing,
    ];

    /// The group's stable name, used in test ids and exports.
    pub fn key(self) -> &'static str {
        match self {
            LeverGroup::SpendProfile => "spend_profile",
            LeverGroup::CostChange => "cost_change",
            LeverGroup::Slippage => "slippage",
            LeverGroup::GroupEdits => "group_edits",
            LeverGroup::ProjectEdits => "project_edits",
            LeverGroup::Cap => "cap",
            LeverGroup::Ongoing => "ongoing",
        }
    }

    pub fn from_key(key: &str) -> Option<LeverGroup> {
        LeverGroup::ALL.into_iter().find(|group| group.key() == key)
    }

    /// Its place in [`LeverGroup::ALL`].
    fn rank(self) -> usize {
        LeverGroup::ALL.iter().position(|group| *group == self).unwrap_or(GROUP_COUNT)
    }

    /// Copies this group's levers from `from` into `into`.
    fn take(self, from: &Scenario, into: &mut Scenario) {
        match self {
            LeverGroup::SpendProfile => {
                into.default_profile = from.default_profile;
                into.retention = from.retention;
            }
            LeverGroup::CostChange => into.cost_change_pct = from.cost_change_pct,
            LeverGroup::Slippage => into.slippage = from.slippage.clone(),
            LeverGroup::GroupEdits => into.groups = from.groups.clone(),
            LeverGroup::ProjectEdits => into.projects = from.projects.clone(),
            LeverGroup::Cap => into.cap = from.cap.clone(),
            LeverGroup::Ongoing => into.ongoing_budget_year = from.ongoing_budget_year,
        }
    }

    /// True when `scenario` sets this group's levers other than the paper's.
    pub fn is_moved(self, scenario: &Scenario) -> bool {
        let mut baseline = Scenario::default();
        let before = baseline.clone();
        self.take(scenario, &mut baseline);
        baseline != before
    }
}

/// One group's share of the change, exact in whole HK$.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BridgeStep {
    pub group: LeverGroup,
    /// Whole HK$ (a [`Money`] with six decimals of a million).
    pub amount: Money,
    /// The exact share times 5040 ([`ORDERINGS`]), in whole HK$; `amount` is this
    /// over 5040, rounded by the largest-remainder rule.
    pub numerator: i128,
    /// True when the scenario moves a lever of this group.
    pub moved: bool,
}

/// From the paper's budget-year total to the scenario's, in exact steps:
/// `paper + calibration + Σ steps = scenario`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bridge {
    /// The paper's total the bridge starts from (Annex B, 2018-19).
    pub paper: Money,
    /// The model's baseline (`v(∅)`): the paper's levers through the engine.
    pub baseline: Money,
    /// `baseline − paper`: what the calibration leaves over (zero when the model
    /// reproduces the paper exactly).
    pub calibration: Money,
    /// One per group, in [`LeverGroup::ALL`]'s order.
    pub steps: Vec<BridgeStep>,
    /// The scenario's total (`v(N)`).
    pub scenario: Money,
    /// How many scenarios were projected.
    pub projections: u32,
}

impl Bridge {
    /// `scenario − paper`, which the calibration and the steps add up to.
    pub fn change(&self) -> Result<Money, BridgeError> {
        self.scenario.checked_sub(self.paper).map_err(|_| BridgeError::Overflow)
    }

    /// The step of `group`.
    pub fn step(&self, group: LeverGroup) -> Option<&BridgeStep> {
        self.steps.iter().find(|step| step.group == group)
    }
}

/// Why there is no bridge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BridgeError {
    /// A coalition's scenario (or the scenario itself) cannot be projected.
    Engine { error: EngineError },
    /// The groups to attribute to are not each of the seven exactly once.
    NotEveryGroupOnce,
    /// A lever in no group changed the budget year's cash by `amount`, so the steps
    /// would not add up to the scenario; the model keeps allocation and thresholds
    /// out of the cash, so this is a defect, reported rather than hidden.
    UnattributedChange { amount: Money },
    /// A sum left the range of the arithmetic (beyond every documented limit).
    Overflow,
}

impl fmt::Display for BridgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BridgeError::Engine { error } => error.fmt(f),
            BridgeError::NotEveryGroupOnce => write!(f, "the bridge needs each of the seven lever groups once"),
            BridgeError::UnattributedChange { amount } => {
                write!(f, "a lever in no group changed the 2018-19 cash by HK${amount}M")
            }
            BridgeError::Overflow => write!(f, "the bridge's amounts are too large to compute"),
        }
    }
}

impl std::error::Error for BridgeError {}

impl From<EngineError> for BridgeError {
    fn from(error: EngineError) -> Self {
        BridgeError::Engine { error }
    }
}

/// The bridge of `scenario` from `paper` (Annex B's 2018-19 total), over the seven
/// groups in [`LeverGroup::ALL`]'s order.
pub fn bridge(engine: &Engine, scenario: &Scenario, paper: Money) -> Result<Bridge, BridgeError> {
    bridge_in_order(engine, scenario, paper, &LeverGroup::ALL)
}

/// The same bridge with the groups listed in another order (the steps come back in
/// that order); the amounts do not depend on it. `groups` must hold each group once.
pub fn bridge_in_order(
    engine: &Engine,
    scenario: &Scenario,
    paper: Money,
    groups: &[LeverGroup],
) -> Result<Bridge, BridgeError> {
    let order: [LeverGroup; GROUP_COUNT] = groups.try_into().map_err(|_| BridgeError::NotEveryGroupOnce)?;
    if LeverGroup::ALL.iter().any(|group| !order.contains(group)) {
        return Err(BridgeError::NotEveryGroupOnce);
    }
    let moved: Vec<bool> = order.iter().map(|group| group.is_moved(scenario)).collect();
    let moved_mask = moved.iter().enumerate().filter(|(_, m)| **m).fold(0_usize, |mask, (bit, _)| mask | 1 << bit);
    // v over every coalition of moved groups; any other coalition reads its moved part.
    let mut values = [0_i128; 1 << GROUP_COUNT];
    let mut projections = 0_u32;
    let mut coalition = 0_usize;
    loop {
        let mut trial = Scenario::default();
        for (bit, group) in order.iter().enumerate() {
            if coalition & (1 << bit) != 0 {
                group.take(scenario, &mut trial);
            }
        }
        let total = engine.project(&trial)?.budget_year_totals.total;
        projections += 1;
        if let Some(slot) = values.get_mut(coalition) {
            *slot = dollars(total)?;
        }
        if coalition == moved_mask {
            break;
        }
        // The next subset of the moved groups, in increasing order.
        coalition = (coalition | !moved_mask).wrapping_add(1) & moved_mask;
    }
    let v = |coalition: usize| values.get(coalition & moved_mask).copied().ok_or(BridgeError::Overflow);
    let all = (1_usize << GROUP_COUNT) - 1;
    let (none_value, all_value) = (v(0)?, v(all)?);
    let levers_in_no_group =
        Scenario { allocation: Default::default(), delegation: Default::default(), ..scenario.clone() } != *scenario;
    if levers_in_no_group {
        let own = dollars(engine.project(scenario)?.budget_year_totals.total)?;
        projections += 1;
        if own != all_value {
            let amount = own.checked_sub(all_value).ok_or(BridgeError::Overflow)?;
            return Err(BridgeError::UnattributedChange { amount: money(amount)? });
        }
    }
    let mut numerators = [0_i128; GROUP_COUNT];
    for (bit, numerator) in numerators.iter_mut().enumerate() {
        let with = 1_usize << bit;
        if moved.get(bit) != Some(&true) {
            continue;
        }
        for coalition in (0..=all).filter(|c| c & with == 0) {
            let size = coalition.count_ones() as usize;
            let weight = factorial(size) * factorial(GROUP_COUNT - size - 1);
            let difference = v(coalition | with)?.checked_sub(v(coalition)?).ok_or(BridgeError::Overflow)?;
            let term = difference.checked_mul(weight).ok_or(BridgeError::Overflow)?;
            *numerator = numerator.checked_add(term).ok_or(BridgeError::Overflow)?;
        }
    }
    let change = all_value.checked_sub(none_value).ok_or(BridgeError::Overflow)?;
    let ranks: Vec<usize> = order.iter().map(|group| group.rank()).collect();
    let amounts = largest_remainder(&numerators, &ranks, change)?;
    let steps = order
        .iter()
        .zip(numerators)
        .zip(amounts)
        .zip(&moved)
        .map(|(((group, numerator), amount), moved)| {
            Ok(BridgeStep { group: *group, amount: money(amount)?, numerator, moved: *moved })
        })
        .collect::<Result<Vec<_>, BridgeError>>()?;
    let baseline = money(none_value)?;
    Ok(Bridge {
        paper,
        baseline,
        calibration: baseline.checked_sub(paper).map_err(|_| BridgeError::Overflow)?,
        steps,
        scenario: money(all_value)?,
        projections,
    })
}

/// `k!` for `k ≤ 6` (the largest a Shapley weight needs).
fn factorial(k: usize) -> i128 {
    (1..=k).fold(1_i128, |product, factor| product * factor as i128)
}

/// The numerators over [`ORDERINGS`] as whole HK$ adding up to `total`: floors
/// (towards minus infinity), then one more dollar each to the largest remainders,
/// ties to the lower `rank`.
fn largest_remainder(numerators: &[i128], ranks: &[usize], total: i128) -> Result<Vec<i128>, BridgeError> {
    let mut parts: Vec<i128> = numerators.iter().map(|n| n.div_euclid(ORDERINGS)).collect();
    let floor_sum = parts.iter().try_fold(0_i128, |sum, part| sum.checked_add(*part)).ok_or(BridgeError::Overflow)?;
    let missing = total.checked_sub(floor_sum).ok_or(BridgeError::Overflow)?;
    // The numerators add up to 5040 × total, so fewer dollars are missing than there
    // are parts; anything else is a defect of the sums above.
    let missing = usize::try_from(missing).ok().filter(|m| *m < parts.len().max(1)).ok_or(BridgeError::Overflow)?;
    let mut ranked: Vec<(i128, usize, usize)> = numerators
        .iter()
        .zip(ranks)
        .enumerate()
        .map(|(index, (n, rank))| (n.rem_euclid(ORDERINGS), *rank, index))
        .collect();
    crate::order::sort_by(&mut ranked, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, index) in ranked.into_iter().take(missing) {
        if let Some(part) = parts.get_mut(index) {
            *part += 1;
        }
    }
    Ok(parts)
}

/// A projection's total in whole HK$. A total is not an input: the ongoing cash at its
/// limit (HK$1,000,000,000M) plus the new projects' passes the inputs' limit, and the
/// bridge of such a scenario said it could not be worked out (audit 17).
fn dollars(total: Money) -> Result<i128, BridgeError> {
    super::dollars::to_dollar_sum(total).ok_or(BridgeError::Overflow)
}

fn money(dollars: i128) -> Result<Money, BridgeError> {
    super::dollars::from_dollar_sum(dollars).ok_or(BridgeError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(numerators: &[i128], total: i128, expected: &[i128]) {
        let ranks: Vec<usize> = (0..numerators.len()).collect();
        assert_eq!(largest_remainder(numerators, &ranks, total), Ok(expected.to_vec()), "{numerators:?}");
    }

    #[test]
    fn shares_become_dollars_that_add_up() {
        check(&[5040, 10080, 0], 3, &[1, 2, 0]);
        // Thirds of a dollar each: the spare dollar goes to the earliest.
        check(&[1680, 1680, 1680], 1, &[1, 0, 0]);
        // A negative share floors towards minus infinity: -0.5 → -1 with remainder 0.5.
        check(&[-2520, 7560], 1, &[0, 1]);
        check(&[-2520, -2520], -1, &[0, -1]);
        check(&[-5040 * 7, 5040 * 3], -4, &[-7, 3]);
    }

    #[test]
    fn factorials_weigh_every_order() {
        let total: i128 = (0..GROUP_COUNT)
            .map(|size| {
                let subsets = (0..(1_usize << (GROUP_COUNT - 1))).filter(|s| s.count_ones() as usize == size).count();
                subsets as i128 * factorial(size) * factorial(GROUP_COUNT - size - 1)
            })
            .sum();
        assert_eq!(total, ORDERINGS);
    }

    #[test]
    fn every_group_has_a_stable_key() {
        for group in LeverGroup::ALL {
            assert_eq!(LeverGroup::from_key(group.key()), Some(group));
        }
        assert_eq!(LeverGroup::from_key("allocation"), None);
    }
}
