//! The budget year's cash cap: defer new projects out of the budget year, one at a
//! time in the order of a [`DeferralRule`], until the total cash need (ongoing + new)
//! is at or below the cap.
//!
//! Deferring a project moves its start to the first quarter of the next financial
//! year and its completion by the same number of quarters, so it keeps its duration
//! and profile, and its whole budget moves out of the budget year. Only included
//! projects with cash in the budget year are candidates. If deferring all of them
//! still leaves the total above the cap, nothing is deferred and the outcome says
//! [`CapOutcome::Infeasible`] with the least total reachable.

use super::cash::{cash_for, Cash};
use super::dollars::from_dollar_sum;
use super::error::{EngineError, ScheduleError};
use super::lever_checks::Levers;
use super::plan::Plan;
use super::prepared::Engine;
use super::scenario::DeferralRule;
use crate::money::Money;
use crate::order::SortedMap;
use crate::quarter::{FiscalQuarter, FiscalYear};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// What the cash cap did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum CapOutcome {
    /// The total is at or below the cap (possibly with no deferral at all).
    Met {
        cap: Money,
        rule: DeferralRule,
        /// The budget year's total before any deferral.
        before: Money,
        /// The budget year's total after the deferrals.
        after: Money,
        /// The deferred projects, in the order they were deferred.
        deferred: Vec<CapDeferral>,
        /// Every financial year's total before and after (later years grow by what
        /// the budget year sheds).
        years: Vec<YearChange>,
    },
    /// Even deferring every candidate would leave the total above the cap; nothing
    /// was deferred.
    Infeasible {
        cap: Money,
        rule: DeferralRule,
        before: Money,
        /// The total with every candidate deferred (typically the ongoing cohort alone).
        minimum_reachable: Money,
    },
}

impl CapOutcome {
    /// The budget year's total after the cap (before it, if infeasible).
    pub fn budget_year_after(&self) -> Money {
        match self {
            CapOutcome::Met { after, .. } => *after,
            CapOutcome::Infeasible { before, .. } => *before,
        }
    }
}

/// One deferral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapDeferral {
    pub id: u16,
    pub from_start: FiscalQuarter,
    pub to_start: FiscalQuarter,
    /// The project's budget-year cash that moved out.
    pub budget_year_amount: Money,
    /// The budget year's total once this project (and those before it) moved.
    pub total_after: Money,
}

/// A financial year's total cash need before and after the cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearChange {
    #[serde(with = "super::year_serde")]
    pub year: FiscalYear,
    pub before: Money,
    pub after: Money,
    /// `after − before`.
    pub change: Money,
}

fn money(dollars: i128) -> Result<Money, EngineError> {
    from_dollar_sum(dollars).ok_or(EngineError::Overflow { what: "the capped total" })
}

/// Applies the cap to the plans and their cash (in place) and reports.
pub(crate) fn apply_cap(
    engine: &Engine,
    levers: &Levers,
    plans: &mut [Plan],
    cash: &mut [Option<Cash>],
    cap: i64,
    rule: DeferralRule,
) -> Result<CapOutcome, EngineError> {
    let next_year = engine
        .budget_year
        .first_quarter()
        .add_quarters(4)
        .ok_or(EngineError::Overflow { what: "the year after the budget year" })?;
    let candidates = candidates(engine, plans, cash);
    let before = budget_year_total(engine, levers, cash);
    let movable: i128 = candidates.iter().map(|candidate| i128::from(candidate.in_year)).sum();
    let minimum_reachable = before - movable;
    let cap_i128 = i128::from(cap);
    let cap_money = money(cap_i128)?;
    if minimum_reachable > cap_i128 {
        return Ok(CapOutcome::Infeasible {
            cap: cap_money,
            rule,
            before: money(before)?,
            minimum_reachable: money(minimum_reachable)?,
        });
    }
    let years_before = year_totals(engine, levers, cash);
    let mut total = before;
    let mut deferred = Vec::new();
    for candidate in deferred_by_rule(&candidates, before, cap_i128, rule) {
        let (Some(plan), Some(entry)) = (plans.get_mut(candidate.index), cash.get_mut(candidate.index)) else {
            continue;
        };
        let id = candidate.id;
        let shift = plan.start.quarters_until(next_year);
        let from_start = plan.start;
        plan.start = next_year;
        plan.completion = plan.completion.add_quarters(shift).ok_or(ScheduleError::OutOfRange { id })?;
        plan.deferred_by_cap = Some(shift);
        *entry = Some(cash_for(plan, id, levers.slip, levers.retention_units)?);
        total -= i128::from(candidate.in_year);
        deferred.push(CapDeferral {
            id,
            from_start,
            to_start: next_year,
            budget_year_amount: money(i128::from(candidate.in_year))?,
            total_after: money(total)?,
        });
    }
    let years_after = year_totals(engine, levers, cash);
    let mut years = Vec::new();
    for year in crate::order::set_of(years_before.keys().chain(years_after.keys()).copied()) {
        let old = years_before.get(&year).copied().unwrap_or(0);
        let new = years_after.get(&year).copied().unwrap_or(0);
        if let Some(year) = FiscalYear::new(year) {
            years.push(YearChange { year, before: money(old)?, after: money(new)?, change: money(new - old)? });
        }
    }
    Ok(CapOutcome::Met { cap: cap_money, rule, before: money(before)?, after: money(total)?, deferred, years })
}

/// The new projects the cap may defer: the included ones with cash in the budget
/// year, in the plans' order. Deferring one moves exactly its `in_year` out of the
/// budget year: its cash is its own (no project's cash depends on another's), and its
/// new start, the next year's first quarter, puts all of it after the budget year.
pub(crate) fn candidates(engine: &Engine, plans: &[Plan], cash: &[Option<Cash>]) -> Vec<Candidate> {
    let year_first = engine.budget_year.first_quarter();
    let year_last = year_first.saturating_add_quarters(3);
    plans
        .iter()
        .zip(cash.iter())
        .enumerate()
        .filter(|(_, (plan, _))| plan.included)
        .filter_map(|(index, (plan, cash))| {
            let in_year = cash.as_ref().map_or(0, |cash| cash.within(year_first, year_last));
            let project = engine.projects.get(plan.index)?;
            let key = Candidate {
                index,
                id: project.id,
                department: project.department,
                start: plan.start,
                budget: plan.budget,
                in_year,
            };
            (in_year > 0).then_some(key)
        })
        .collect()
}

/// The budget year's total cash need (ongoing and new), whole HK$.
pub(crate) fn budget_year_total(engine: &Engine, levers: &Levers, cash: &[Option<Cash>]) -> i128 {
    let year_first = engine.budget_year.first_quarter();
    let year_last = year_first.saturating_add_quarters(3);
    let in_year: i128 = cash.iter().flatten().map(|cash| i128::from(cash.within(year_first, year_last))).sum();
    i128::from(levers.ongoing) + in_year
}

/// How many of `ordered` (in a rule's order) the cap defers: the shortest prefix
/// whose cash brings `before` to `cap` or below (all of them if none does).
pub(crate) fn deferred_prefix(ordered: &[Candidate], before: i128, cap: i128) -> usize {
    let mut total = before;
    for (count, candidate) in ordered.iter().enumerate() {
        if total <= cap {
            return count;
        }
        total -= i128::from(candidate.in_year);
    }
    ordered.len()
}

/// A rule's deferrals: `candidates` sorted by the rule, cut to the prefix that
/// meets the cap. The same order and stop as [`apply_cap`], for comparing rules
/// without projecting.
pub(crate) fn deferred_by_rule(
    candidates: &[Candidate],
    before: i128,
    cap: i128,
    rule: DeferralRule,
) -> Vec<Candidate> {
    let mut ordered = candidates.to_vec();
    crate::order::sort_by(&mut ordered, |a, b| compare(rule, a, b));
    ordered.truncate(deferred_prefix(&ordered, before, cap));
    ordered
}

/// What the rules sort candidates by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Position in the plans.
    pub index: usize,
    pub id: u16,
    pub department: usize,
    pub start: FiscalQuarter,
    /// Its effective budget, whole HK$.
    pub budget: i64,
    /// Its cash in the budget year, whole HK$: what deferring it moves out.
    pub in_year: i64,
}

/// The rule's order, ties broken by the lower id.
fn compare(rule: DeferralRule, a: &Candidate, b: &Candidate) -> Ordering {
    let by_id = a.id.cmp(&b.id);
    match rule {
        DeferralRule::LatestStartFirst => b.start.cmp(&a.start).then(by_id),
        DeferralRule::SmallestBudgetFirst => a.budget.cmp(&b.budget).then(by_id),
        DeferralRule::LargestBudgetFirst => b.budget.cmp(&a.budget).then(by_id),
        DeferralRule::LargestBudgetYearCashFirst => b.in_year.cmp(&a.in_year).then(by_id),
        DeferralRule::DepartmentOrder => a.department.cmp(&b.department).then(by_id),
        DeferralRule::HighestIdFirst => b.id.cmp(&a.id),
    }
}

/// Total cash need per financial year (by its start year), ongoing included.
fn year_totals(engine: &Engine, levers: &Levers, cash: &[Option<Cash>]) -> SortedMap<i32, i128> {
    let mut totals = SortedMap::new();
    totals.insert(engine.budget_year.start_year(), i128::from(levers.ongoing));
    for cash in cash.iter().flatten() {
        for (quarter, amount) in cash.start.range_inclusive(cash.last()).zip(&cash.amounts) {
            totals.update(quarter.year().start_year(), || 0, |total| *total += i128::from(*amount));
        }
    }
    totals
}
