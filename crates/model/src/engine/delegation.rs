//! Approval routes by cost (para 2): over the ceiling (HK$10M) a project needs the
//! Legislative Council's Finance Committee (「每項需費超過1,000萬元」); above the floor
//! (HK$0.2M) up to the ceiling it is paid from the block allocation under delegated
//! authority (「20萬元以上但不超過1,000萬元」); at or below the floor the department
//! approves and pays it from its own operating vote (「20萬元或以下」).
//!
//! One reading is blockvote's own: Annex C prints budgets rounded to HK$0.1M, and
//! two block-allocation projects (163 and 211) are printed as 0.2 although the
//! paper funds them from the block allocation, so they must cost a little over
//! HK$0.2M. blockvote therefore routes to the department only budgets *below* the
//! floor; a budget equal to the floor stays in the block allocation. Without this,
//! the paper's own baseline would show two projects outside the allocation they are
//! listed in.

use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Who approves a project, by its cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Budget above the ceiling: the Finance Committee, under its own subhead.
    FinanceCommittee,
    /// Above the floor, up to the ceiling: the block allocation (Subhead A007GX).
    BlockAllocation,
    /// Below the floor (see the module documentation for why not "at"): the
    /// department's own operating expenditure.
    Department,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::FinanceCommittee, Route::BlockAllocation, Route::Department];

    /// The route's stable name, used in exports and as a test id.
    pub fn key(self) -> &'static str {
        match self {
            Route::FinanceCommittee => "fc",
            Route::BlockAllocation => "block",
            Route::Department => "dept",
        }
    }
}

/// The route of a project costing `budget` under thresholds `floor` and `ceiling`.
pub fn route(budget: Money, floor: Money, ceiling: Money) -> Route {
    if budget > ceiling {
        Route::FinanceCommittee
    } else if budget >= floor {
        Route::BlockAllocation
    } else {
        Route::Department
    }
}

/// Projects by approval route under the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationOutcome {
    pub ceiling: Money,
    pub floor: Money,
    pub paper_ceiling: Money,
    pub paper_floor: Money,
    /// One row per route, in [`Route::ALL`] order, over the included projects.
    pub routes: Vec<RouteSummary>,
    /// Included projects whose route under the scenario (effective budget, scenario
    /// thresholds) differs from their route in the paper (paper budget, paper
    /// thresholds), in project order.
    pub changed: Vec<RouteChange>,
}

/// How many projects take a route, and their effective budgets' sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteSummary {
    pub route: Route,
    pub count: u32,
    pub total: Money,
}

/// A project whose route the scenario changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteChange {
    pub id: u16,
    pub budget: Money,
    pub paper_budget: Money,
    pub paper_route: Route,
    pub route: Route,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(budget: &str, expected: Route) {
        let money = |text: &str| Money::parse_millions(text).expect("test amount parses");
        assert_eq!(route(money(budget), money("0.2"), money("10")), expected, "route of {budget}");
    }

    #[test]
    fn routes_follow_para_2() {
        check("10.000001", Route::FinanceCommittee);
        check("10", Route::BlockAllocation);
        check("0.200001", Route::BlockAllocation);
        check("0.2", Route::BlockAllocation);
        check("0.199999", Route::Department);
        check("0", Route::Department);
    }
}
