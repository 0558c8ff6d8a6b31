//! The fewest deferrals to meet the 2018-19 cash cap: the two sets a member asks for,
//! exact, beside what the cap's fixed rules ([`DeferralRule`]) defer.
//!
//! # What deferring moves
//!
//! The cap ([`super::cap`]) defers a project by moving its start to the first quarter
//! of the next financial year, so all of its budget-year cash leaves the budget year.
//! A project's cash is computed from its own plan only (its budget after the cost
//! change or an override, its schedule after edits, its profile, slippage as an
//! expected value), so deferring one project never changes what another moves. With
//! `m_i` the budget-year cash of candidate `i` (the cap's own figure, from
//! [`super::cap::candidates`]), deferring a set `S` leaves `before − Σ_{i∈S} m_i`,
//! and the cap is met when `Σ_{i∈S} m_i ≥ before − cap` (the excess).
//!
//! # Fewest projects
//!
//! For any `k` projects, `Σ m_i` is at most the sum of the `k` largest `m_i`, so the
//! fewest projects is the smallest `k` whose `k` largest cover the excess, and those
//! `k` largest are a fewest set. Ties: the most cash moved, then the lowest ids (the
//! `k` largest taken in the order most cash first, lower id first give exactly that).
//! This is the set the rule "most 2018-19 cash first" defers.
//!
//! # Least budget
//!
//! Minimise `Σ_{i∈S} b_i` (effective budgets) subject to `Σ_{i∈S} m_i ≥ excess`: a
//! 0/1 minimum-cost covering knapsack. Ties: more cash moved (more room under the cap),
//! then fewer projects, then the lowest ids (the sorted id lists compared in order);
//! cash before count keeps the order additive, so one exact pass settles every tie.
//! Exact methods:
//!
//! 1. Dynamic programming over budget units of `g`, the greatest common divisor of
//!    the candidates' budgets (HK$100,000 for the paper's, which Annex C prints to
//!    HK$0.1M): for each budget of exactly `u` units, `u` up to the budget of a known
//!    covering set (an upper bound on the least), the set moving the most cash (then
//!    the fewest); the least `u` whose set covers the excess is the least budget.
//! 2. When the table would exceed [`MAX_CELL_UPDATES`] or [`MAX_TABLE_ENTRIES`] (budgets
//!    with no large common divisor, after a cost change or typed overrides), an exact
//!    branch and bound: projects with the same budget and cash are one group taken
//!    lowest id first, groups in order of cash per dollar, pruned by the fractional
//!    (linear) bound. Within [`MAX_SEARCH_NODES`] nodes it proves the set least;
//!    beyond, it returns the best set found with [`DeferralSet::proven`] false.
//!
//! Work and memory are bounded by these named constants, never by a typed number.

use super::cap::{budget_year_total, candidates, deferred_by_rule, Candidate};
use super::dollars::from_dollar_sum;
use super::error::EngineError;
use super::lever_checks;
use super::prepared::Engine;
use super::scenario::{DeferralRule, Edit, ProjectEdit, Scenario};
use crate::money::Money;
use crate::quarter::FiscalQuarter;
use std::cmp::Ordering;

/// The most cell updates the dynamic programming may make (items × budget units).
/// The paper's largest table is 254 × 15,278 = 3.9 M updates (a cap that defers every
/// project, at HK$0.1M units); each takes about 0.1 µs in the browser, so this is
/// under half a second. At 20 M, a 20,000-project file with a cap blocked the page
/// for 2.3 s, twice; past it the branch and bound gives its best set, unproven.
pub const MAX_CELL_UPDATES: u64 = 4_000_000;

/// The most budgets the dynamic programming may keep (24 MB of amounts and counts;
/// its bits, one per cell update, are at most 2.5 MB).
pub const MAX_TABLE_ENTRIES: u64 = 1_000_000;

/// The most nodes the branch and bound visits before it gives its best set unproven
/// (some tens of milliseconds).
pub const MAX_SEARCH_NODES: u64 = 200_000;

/// The search's bounds; [`SearchLimits::DEFAULT`] is what the app uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchLimits {
    pub cell_updates: u64,
    pub table_entries: u64,
    pub nodes: u64,
}

impl SearchLimits {
    pub const DEFAULT: SearchLimits =
        SearchLimits { cell_updates: MAX_CELL_UPDATES, table_entries: MAX_TABLE_ENTRIES, nodes: MAX_SEARCH_NODES };
}

/// What the search needs from a scenario with a cap: the budget year's total without
/// the cap, the cap and the candidates with the cap's own figures. Compared with
/// `PartialEq`, so that a change elsewhere in the scenario that leaves it equal need
/// not search again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferralProblem {
    cap: i64,
    before: i128,
    candidates: Vec<Candidate>,
}

/// One project in a chosen set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChosenProject {
    pub id: u16,
    /// Its effective budget.
    pub budget: Money,
    /// Its 2018-19 cash, which deferring it moves out of 2018-19.
    pub moved: Money,
    /// Its start before the deferral.
    pub start: FiscalQuarter,
}

/// A set of projects whose deferral meets the cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferralSet {
    /// In id order.
    pub projects: Vec<ChosenProject>,
    pub budget: Money,
    pub moved: Money,
    /// The budget year's total with these deferred.
    pub after: Money,
    /// False only when the branch and bound stopped at its node limit: the set meets
    /// the cap but is the best found, not proven least.
    pub proven: bool,
}

/// What one of the cap's rules defers, to set beside the two answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleDeferrals {
    pub rule: DeferralRule,
    pub count: usize,
    pub budget: Money,
    pub moved: Money,
}

/// The answers for one cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferralChoices {
    pub cap: Money,
    /// The budget year's total before any deferral.
    pub before: Money,
    pub outcome: ChoiceOutcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceOutcome {
    /// The total is already within the cap: nothing to defer.
    WithinCap,
    /// Deferring every candidate still leaves the total above the cap.
    Unreachable { minimum_reachable: Money },
    Found {
        fewest: DeferralSet,
        least_budget: DeferralSet,
        /// Every rule, in [`DeferralRule::ALL`]'s order.
        rules: Vec<RuleDeferrals>,
    },
}

fn money(dollars: i128) -> Result<Money, EngineError> {
    from_dollar_sum(dollars).ok_or(EngineError::Overflow { what: "a deferral total" })
}

impl Engine {
    /// The search's input for `scenario`'s cap (`None` without a cap): the scenario
    /// scheduled without its cap, and the cap's candidates from that schedule.
    pub fn deferral_problem(&self, scenario: &Scenario) -> Result<Option<DeferralProblem>, EngineError> {
        let Some((cap, _)) = lever_checks::resolve(self, scenario)?.cap else {
            return Ok(None);
        };
        let uncapped = Scenario { cap: None, ..scenario.clone() };
        let schedule = self.schedule(&uncapped, true)?;
        let mut candidates = candidates(self, &schedule.plans, &schedule.cash);
        crate::order::sort_by_key(&mut candidates, |candidate| candidate.id);
        let before = budget_year_total(self, &schedule.levers, &schedule.cash);
        Ok(Some(DeferralProblem { cap, before, candidates }))
    }

    /// `scenario` with `ids` deferred out of the budget year by project edits: each
    /// project's own `defer_quarters` set to move its paper start to the first
    /// quarter of the next financial year, as the cap would (its other edits kept).
    pub fn with_deferred(&self, scenario: &Scenario, ids: &[u16]) -> Scenario {
        let mut deferred = scenario.clone();
        let Some(next_year) = self.budget_year.first_quarter().add_quarters(4) else {
            return deferred;
        };
        for &id in ids {
            let Some(project) = self.index_of(id).and_then(|index| self.projects.get(index)) else {
                continue;
            };
            let quarters = project.start.quarters_until(next_year);
            match deferred.projects.iter_mut().rev().find(|edit| edit.id == id) {
                Some(own) => own.edit.defer_quarters = Some(quarters),
                None => deferred
                    .projects
                    .push(ProjectEdit { id, edit: Edit { defer_quarters: Some(quarters), ..Edit::default() } }),
            }
        }
        // In id order, as the app keeps them; the sort is stable, so among several
        // edits of one project the later still wins.
        crate::order::sort_by_key(&mut deferred.projects, |edit| edit.id);
        deferred
    }
}

impl DeferralProblem {
    /// Both answers within [`SearchLimits::DEFAULT`].
    pub fn solve(&self) -> Result<DeferralChoices, EngineError> {
        self.solve_within(SearchLimits::DEFAULT)
    }

    /// Both answers within `limits`.
    pub fn solve_within(&self, limits: SearchLimits) -> Result<DeferralChoices, EngineError> {
        let cap = i128::from(self.cap);
        let (cap_money, before) = (money(cap)?, money(self.before)?);
        let excess = self.before - cap;
        let movable: i128 = self.candidates.iter().map(|candidate| i128::from(candidate.in_year)).sum();
        let outcome = if excess <= 0 {
            ChoiceOutcome::WithinCap
        } else if movable < excess {
            ChoiceOutcome::Unreachable { minimum_reachable: money(self.before - movable)? }
        } else {
            let items: Vec<Item> = self
                .candidates
                .iter()
                .map(|candidate| Item { budget: candidate.budget, moved: candidate.in_year })
                .collect();
            let fewest = self.set(&fewest(&items, excess), true)?;
            let (chosen, proven) = least_budget(&items, excess, limits);
            let least_budget = self.set(&chosen, proven)?;
            let mut rules = Vec::new();
            for rule in DeferralRule::ALL {
                let deferred = deferred_by_rule(&self.candidates, self.before, cap, rule);
                rules.push(RuleDeferrals {
                    rule,
                    count: deferred.len(),
                    budget: money(deferred.iter().map(|candidate| i128::from(candidate.budget)).sum())?,
                    moved: money(deferred.iter().map(|candidate| i128::from(candidate.in_year)).sum())?,
                });
            }
            ChoiceOutcome::Found { fewest, least_budget, rules }
        };
        Ok(DeferralChoices { cap: cap_money, before, outcome })
    }

    /// The chosen positions (in id order) as a set with its totals.
    fn set(&self, chosen: &[usize], proven: bool) -> Result<DeferralSet, EngineError> {
        let picked: Vec<&Candidate> = chosen.iter().filter_map(|&at| self.candidates.get(at)).collect();
        let moved: i128 = picked.iter().map(|candidate| i128::from(candidate.in_year)).sum();
        let mut projects = Vec::with_capacity(picked.len());
        for candidate in &picked {
            projects.push(ChosenProject {
                id: candidate.id,
                budget: money(i128::from(candidate.budget))?,
                moved: money(i128::from(candidate.in_year))?,
                start: candidate.start,
            });
        }
        Ok(DeferralSet {
            projects,
            budget: money(picked.iter().map(|candidate| i128::from(candidate.budget)).sum())?,
            moved: money(moved)?,
            after: money(self.before - moved)?,
            proven,
        })
    }
}

/// A candidate as the searches see it: whole HK$, `moved > 0`, and so `budget > 0`
/// (a project's cash adds up to its budget). Items are in id order, so a lower
/// position is a lower id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    budget: i64,
    moved: i64,
}

/// The fewest items covering `excess`: the largest first, lower position first among
/// equals, until covered. Returned in position order.
fn fewest(items: &[Item], excess: i128) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::order::sort_by_key(&mut order, |&at| (std::cmp::Reverse(items.get(at).map_or(0, |item| item.moved)), at));
    let mut covered = 0_i128;
    let mut chosen = Vec::new();
    for at in order {
        if covered >= excess {
            break;
        }
        covered += items.get(at).map_or(0, |item| i128::from(item.moved));
        chosen.push(at);
    }
    crate::order::sort_by(&mut chosen, usize::cmp);
    chosen
}

/// A covering set's key for the least-budget order: budget, then more cash, then
/// fewer projects, then the positions (in order) compared lowest first.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    budget: i128,
    count: usize,
    moved: i128,
    chosen: Vec<usize>,
}

impl Key {
    fn of(items: &[Item], mut chosen: Vec<usize>) -> Key {
        crate::order::sort_by(&mut chosen, usize::cmp);
        let pick = |at: &usize| items.get(*at).copied().unwrap_or(Item { budget: 0, moved: 0 });
        Key {
            budget: chosen.iter().map(|at| i128::from(pick(at).budget)).sum(),
            count: chosen.len(),
            moved: chosen.iter().map(|at| i128::from(pick(at).moved)).sum(),
            chosen,
        }
    }

    fn better_than(&self, other: &Key) -> bool {
        self.budget
            .cmp(&other.budget)
            .then(other.moved.cmp(&self.moved))
            .then(self.count.cmp(&other.count))
            .then(self.chosen.cmp(&other.chosen))
            == Ordering::Less
    }
}

/// The least-budget covering set (positions in order) and whether it is proven least.
/// `items` must cover `excess > 0`.
fn least_budget(items: &[Item], excess: i128, limits: SearchLimits) -> (Vec<usize>, bool) {
    let mut best = Key::of(items, fewest(items, excess));
    let greedy = Key::of(items, by_cash_per_dollar(items, excess));
    if greedy.better_than(&best) {
        best = greedy;
    }
    if let Some(chosen) = by_table(items, excess, &best, limits) {
        return (chosen, true);
    }
    let mut search = Search::new(items, excess, best, limits.nodes);
    search.run();
    (search.best.chosen, !search.stopped)
}

/// A covering set taken by most cash per dollar first: a good first bound.
fn by_cash_per_dollar(items: &[Item], excess: i128) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => richer(x, y).then(a.cmp(&b)),
        _ => a.cmp(&b),
    });
    let mut covered = 0_i128;
    let mut chosen = Vec::new();
    for at in order {
        if covered >= excess {
            break;
        }
        covered += items.get(at).map_or(0, |item| i128::from(item.moved));
        chosen.push(at);
    }
    chosen
}

/// More cash per dollar first, then more cash.
fn richer(x: &Item, y: &Item) -> Ordering {
    (i128::from(y.moved) * i128::from(x.budget))
        .cmp(&(i128::from(x.moved) * i128::from(y.budget)))
        .then(y.moved.cmp(&x.moved))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The exact least-budget set by dynamic programming, or `None` if the table would
/// exceed `limits`. `known` is a covering set; its budget bounds the least.
///
/// For each budget `u` of exactly `u` units (`u` up to `known`'s), the table keeps the
/// best set by (more cash, then fewer projects): an additive order (each project adds
/// its cash, and one to the count), so the usual 0/1 knapsack recurrence is exact for
/// it. The least `u` whose best covers the excess is the least budget, and its best is
/// the best covering set at that budget. Items are taken in reverse position order and
/// a tie is taken, so reading the set back meets the lowest positions first and takes
/// each one whenever a best set holds it: the lowest ids among equals.
fn by_table(items: &[Item], excess: i128, known: &Key, limits: SearchLimits) -> Option<Vec<usize>> {
    let unit = items.iter().fold(0, |g, item| gcd(item.budget, g));
    if unit <= 0 {
        return None;
    }
    let weights: Vec<usize> =
        items.iter().map(|item| usize::try_from(item.budget / unit).ok()).collect::<Option<_>>()?;
    let width = u64::try_from(known.budget / i128::from(unit)).ok()?.checked_add(1)?;
    let updates = u64::try_from(items.len()).ok()?.checked_mul(width)?;
    if updates > limits.cell_updates || width > limits.table_entries {
        return None;
    }
    let width = usize::try_from(width).ok()?;
    // The most cash a set of budget exactly `u` units moves (−1: no such set), and
    // its count; one bit per (item, budget): whether taking the item made the best.
    let mut most = vec![-1_i128; width];
    let mut count = vec![0_usize; width];
    *most.get_mut(0)? = 0;
    let mut taken = vec![0_u64; (items.len() * width).div_ceil(64)];
    for (step, (item, &weight)) in items.iter().zip(&weights).rev().enumerate() {
        for u in (weight..width).rev() {
            let from = *most.get(u - weight)?;
            if from < 0 {
                continue;
            }
            let (cash, projects) = (from + i128::from(item.moved), count.get(u - weight)? + 1);
            let (here, here_count) = (*most.get(u)?, *count.get(u)?);
            if cash > here || (cash == here && projects <= here_count) {
                *most.get_mut(u)? = cash;
                *count.get_mut(u)? = projects;
                let bit = step * width + u;
                *taken.get_mut(bit / 64)? |= 1 << (bit % 64);
            }
        }
    }
    let mut u = most.iter().position(|&cash| cash >= excess)?;
    let mut chosen = Vec::new();
    for step in (0..items.len()).rev() {
        if u == 0 {
            break;
        }
        let bit = step * width + u;
        if taken.get(bit / 64)? & (1 << (bit % 64)) != 0 {
            let position = items.len() - 1 - step;
            chosen.push(position);
            u -= *weights.get(position)?;
        }
    }
    crate::order::sort_by(&mut chosen, usize::cmp);
    (u == 0).then_some(chosen)
}

/// Projects with the same budget and cash, lowest position first.
struct Group {
    budget: i128,
    moved: i128,
    members: Vec<usize>,
}

/// The branch and bound over groups.
struct Search {
    groups: Vec<Group>,
    /// Cash and budget of all the groups before each one (prefix sums).
    cash_before: Vec<i128>,
    budget_before: Vec<i128>,
    items: Vec<Item>,
    excess: i128,
    best: Key,
    taken: Vec<usize>,
    nodes: u64,
    limit: u64,
    stopped: bool,
}

impl Search {
    fn new(items: &[Item], excess: i128, best: Key, limit: u64) -> Search {
        let mut groups: Vec<Group> = Vec::new();
        let mut order: Vec<usize> = (0..items.len()).collect();
        crate::order::sort_by(&mut order, |&a, &b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => richer(x, y).then(x.budget.cmp(&y.budget)).then(a.cmp(&b)),
            _ => a.cmp(&b),
        });
        for at in order {
            let Some(item) = items.get(at) else { continue };
            let (budget, moved) = (i128::from(item.budget), i128::from(item.moved));
            match groups.last_mut() {
                Some(group) if group.budget == budget && group.moved == moved => group.members.push(at),
                _ => groups.push(Group { budget, moved, members: vec![at] }),
            }
        }
        let mut cash_before = vec![0];
        let mut budget_before = vec![0];
        for group in &groups {
            let size = i128::try_from(group.members.len()).unwrap_or(0);
            cash_before.push(cash_before.last().copied().unwrap_or(0) + group.moved * size);
            budget_before.push(budget_before.last().copied().unwrap_or(0) + group.budget * size);
        }
        let taken = vec![0; groups.len()];
        Search {
            groups,
            cash_before,
            budget_before,
            items: items.to_vec(),
            excess,
            best,
            taken,
            nodes: 0,
            limit,
            stopped: false,
        }
    }

    /// Runs the search depth first, on a stack of its own: one frame per group taken
    /// so far, as many as the data has groups (thousands for imported data), which
    /// would overflow the wasm's call stack as recursion and stop the app.
    fn run(&mut self) {
        let mut stack: Vec<Frame> = Vec::new();
        self.enter(&mut stack, Frame { from: 0, need: self.excess, budget: 0, count: 0, next: None });
        while let Some(frame) = stack.last_mut() {
            if self.stopped {
                return;
            }
            let at = *frame;
            let Some(take) = at.next else {
                if let Some(slot) = self.taken.get_mut(at.from) {
                    *slot = 0;
                }
                stack.pop();
                continue;
            };
            frame.next = take.checked_sub(1);
            let Some(group) = self.groups.get(at.from) else { continue };
            let size = i128::try_from(take).unwrap_or(0);
            let child = Frame {
                from: at.from + 1,
                need: at.need - group.moved * size,
                budget: at.budget + group.budget * size,
                count: at.count + take,
                next: None,
            };
            if let Some(slot) = self.taken.get_mut(at.from) {
                *slot = take;
            }
            self.enter(&mut stack, child);
        }
    }

    /// Whether a covering set of these totals could beat the best (equal totals are
    /// settled by the ids).
    fn may_beat(&self, budget: i128, moved: i128, count: usize) -> bool {
        let best = &self.best;
        budget.cmp(&best.budget).then(best.moved.cmp(&moved)).then(count.cmp(&best.count)) != Ordering::Greater
    }

    /// The least budget that covers `need` from groups `from..` if projects could be
    /// split (the linear relaxation), rounded up; `None` if they cannot cover it.
    fn bound(&self, from: usize, need: i128) -> Option<i128> {
        let base_cash = *self.cash_before.get(from)?;
        let base_budget = *self.budget_before.get(from)?;
        // The first prefix end whose cash from `from` covers `need`.
        let end = self.cash_before.partition_point(|&cash| cash - base_cash < need);
        let last = self.groups.get(end.checked_sub(1)?)?;
        let full_cash = self.cash_before.get(end - 1)? - base_cash;
        let full_budget = self.budget_before.get(end - 1)? - base_budget;
        let rest = need - full_cash;
        Some(full_budget + (rest * last.budget + last.moved - 1) / last.moved)
    }

    /// Visits the node `at`: records it if it covers the excess and beats the best,
    /// and otherwise, unless the bound rules out its subtree, pushes it to be branched
    /// on, taking the most useful number of its group's projects first.
    fn enter(&mut self, stack: &mut Vec<Frame>, at: Frame) {
        self.nodes += 1;
        if self.nodes > self.limit {
            self.stopped = true;
            return;
        }
        let Frame { from, need, budget, count, .. } = at;
        if need <= 0 {
            if !self.may_beat(budget, self.excess - need, count) {
                return;
            }
            let chosen = self
                .groups
                .iter()
                .zip(&self.taken)
                .flat_map(|(group, &taken)| group.members.iter().take(taken).copied())
                .collect();
            let key = Key::of(&self.items, chosen);
            if key.better_than(&self.best) {
                self.best = key;
            }
            return;
        }
        let Some(least) = self.bound(from, need) else { return };
        if budget + least > self.best.budget {
            return;
        }
        let Some(group) = self.groups.get(from) else { return };
        let useful = usize::try_from((need + group.moved - 1) / group.moved).unwrap_or(usize::MAX);
        stack.push(Frame { next: Some(group.members.len().min(useful)), ..at });
    }
}

/// A node of the search: groups `..from` decided, `need` cash still to cover, at
/// `budget` and `count` projects so far; `next` is how many of group `from` to take
/// in the next branch (counting down to none), or `None` once every branch is done.
#[derive(Clone, Copy)]
struct Frame {
    from: usize,
    need: i128,
    budget: i128,
    count: usize,
    next: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic generator (xorshift64*), so every run tests the same instances.
    struct Numbers(u64);

    impl Numbers {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
        }
    }

    /// Every subset that covers `excess`, as keys.
    fn covering_subsets(items: &[Item], excess: i128) -> Vec<Key> {
        (0_u32..1 << items.len())
            .map(|mask| Key::of(items, (0..items.len()).filter(|at| mask & (1 << at) != 0).collect()))
            .filter(|key| key.moved >= excess)
            .collect()
    }

    /// The least-budget set by brute force: the least key.
    fn brute_least_budget(items: &[Item], excess: i128) -> Vec<usize> {
        let keys = covering_subsets(items, excess);
        let best = keys.iter().fold(None::<&Key>, |best, key| match best {
            Some(best) if !key.better_than(best) => Some(best),
            _ => Some(key),
        });
        best.map(|key| key.chosen.clone()).unwrap_or_default()
    }

    /// The fewest set by brute force: fewest, then most cash, then lowest positions.
    fn brute_fewest(items: &[Item], excess: i128) -> Vec<usize> {
        let keys = covering_subsets(items, excess);
        keys.into_iter()
            .min_by(|a, b| a.count.cmp(&b.count).then(b.moved.cmp(&a.moved)).then(a.chosen.cmp(&b.chosen)))
            .map(|key| key.chosen)
            .unwrap_or_default()
    }

    fn item((budget, moved): (i64, i64)) -> Item {
        Item { budget, moved }
    }

    /// `items` (budget, moved) with `excess`: both answers, by the table and by the
    /// branch and bound, against brute force. Returns whether the table could be used.
    #[track_caller]
    fn check(items: &[(i64, i64)], excess: i128) -> bool {
        let items: Vec<Item> = items.iter().map(|&(budget, moved)| Item { budget, moved }).collect();
        let expected = brute_least_budget(&items, excess);
        assert_eq!(fewest(&items, excess), brute_fewest(&items, excess), "fewest of {items:?} covering {excess}");
        let answer = least_budget(&items, excess, SearchLimits::DEFAULT);
        assert_eq!(answer, (expected.clone(), true), "table on {items:?} covering {excess}");
        let no_table = SearchLimits { cell_updates: 0, table_entries: 0, nodes: MAX_SEARCH_NODES };
        let by_search = least_budget(&items, excess, no_table);
        assert_eq!(by_search, (expected.clone(), true), "branch and bound on {items:?} covering {excess}");
        let everything = Key::of(&items, (0..items.len()).collect());
        let table = by_table(&items, excess, &everything, SearchLimits::DEFAULT);
        if let Some(chosen) = &table {
            assert_eq!(chosen, &expected, "table alone on {items:?} covering {excess}");
        }
        table.is_some()
    }

    #[test]
    fn both_answers_match_brute_force_on_small_instances() {
        let mut numbers = Numbers(0x710_2018);
        let mut tabled = 0;
        for round in 0..600 {
            let n = 1 + usize::try_from(numbers.below(14)).unwrap_or(1);
            // Few distinct budgets in some rounds, so ties (equal budgets, equal
            // cash) are common; any whole dollars in others, so the unit is small.
            let few = round % 3 == 0;
            let items: Vec<(i64, i64)> = (0..n)
                .map(|_| {
                    let budget = if few {
                        i64::try_from(1 + numbers.below(4)).unwrap_or(1) * 100_000
                    } else if round % 3 == 1 {
                        i64::try_from(1 + numbers.below(200)).unwrap_or(1) * 100_000
                    } else {
                        i64::try_from(1 + numbers.below(5_000_000)).unwrap_or(1)
                    };
                    let moved = if few && numbers.below(2) == 0 {
                        budget
                    } else {
                        1 + i64::try_from(numbers.below(u64::try_from(budget).unwrap_or(1))).unwrap_or(0)
                    };
                    (budget, moved)
                })
                .collect();
            let total: i128 = items.iter().map(|&(_, moved)| i128::from(moved)).sum();
            let excess = 1 + i128::from(numbers.below(u64::try_from(total).unwrap_or(1)));
            tabled += usize::from(check(&items, excess));
        }
        assert!(tabled >= 200, "the table solved only {tabled} of 600");
    }

    #[test]
    fn ties_go_to_more_cash_then_fewer_projects_then_lower_ids() {
        // Budget 3 and cash 3 either as {0} or as {1, 2}: one project wins.
        assert!(check(&[(3, 3), (1, 1), (2, 2)], 3));
        assert_eq!(least_budget(&[(3, 3), (1, 1), (2, 2)].map(item), 3, SearchLimits::DEFAULT).0, vec![0]);
        // Budget 3 either as {0} (cash 3) or as {1, 2} (cash 4): more cash wins.
        assert!(check(&[(3, 3), (1, 2), (2, 2)], 3));
        assert_eq!(least_budget(&[(3, 3), (1, 2), (2, 2)].map(item), 3, SearchLimits::DEFAULT).0, vec![1, 2]);
        // Budget 2, two projects either way: more cash wins ({2, 3} moves 4).
        assert!(check(&[(1, 1), (1, 1), (1, 2), (1, 2)], 2));
        // Four identical projects, two needed: the two lowest ids.
        assert!(check(&[(5, 5), (5, 5), (5, 5), (5, 5)], 10));
        assert_eq!(least_budget(&[Item { budget: 5, moved: 5 }; 4], 10, SearchLimits::DEFAULT).0, vec![0, 1]);
        assert_eq!(fewest(&[Item { budget: 5, moved: 5 }; 4], 10), vec![0, 1]);
    }

    /// Imported data can hold thousands of projects, each a group of its own: the
    /// search goes as deep as the groups it takes, so it keeps its own stack. Run on a
    /// thread with 64 KiB of stack, where recursion this deep overflowed (the wasm's
    /// call stack is 1 MiB, and a stack overflow there stops the app).
    #[test]
    fn a_search_through_thousands_of_groups_needs_no_deep_call_stack() {
        let run = || {
            let items: Vec<Item> =
                (1..=5_000).map(|at| Item { budget: 1_000_000 + 7 * at, moved: 900_000 + 5 * at }).collect();
            let total: i128 = items.iter().map(|item| i128::from(item.moved)).sum();
            let excess = total - 1_000_000;
            let limits = SearchLimits { cell_updates: 0, table_entries: 0, nodes: MAX_SEARCH_NODES };
            let (chosen, _) = least_budget(&items, excess, limits);
            chosen.iter().filter_map(|&at| items.get(at)).map(|item| i128::from(item.moved)).sum::<i128>() >= excess
        };
        let covered = std::thread::Builder::new().stack_size(64 * 1024).spawn(run).map(|t| t.join());
        assert!(matches!(covered, Ok(Ok(true))), "{covered:?}");
    }

    #[test]
    fn a_search_stopped_at_its_node_limit_says_so_and_still_covers() {
        let items: Vec<Item> =
            (1..=30).map(|at| Item { budget: 1_000_003 * at + at * at, moved: 700_001 * at + 3 * at }).collect();
        let limits = SearchLimits { cell_updates: 0, table_entries: 0, nodes: 5 };
        let (chosen, proven) = least_budget(&items, 4_000_000, limits);
        assert!(!proven);
        let moved: i128 = chosen.iter().filter_map(|&at| items.get(at)).map(|item| i128::from(item.moved)).sum();
        assert!(moved >= 4_000_000);
        let (_, proven) = least_budget(&items, 4_000_000, SearchLimits { nodes: MAX_SEARCH_NODES, ..limits });
        assert!(proven);
    }
}
