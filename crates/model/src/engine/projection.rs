//! The projection: every figure the screens show for one scenario.
//!
//! All amounts are exact [`Money`] in whole HK$ (six decimal places of a million).
//! The screens round them for display with [`crate::money::round_parts_to_total`], so
//! that the parts shown add up to the totals shown.

use super::calibration::CalibrationReport;
use super::cap::CapOutcome;
use super::categories::AllocationOutcome;
use super::delegation::{DelegationOutcome, Route};
use super::profile::Profile;
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a scenario does to the block allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    /// The financial year the paper budgets for (2018-19).
    #[serde(with = "super::year_serde")]
    pub budget_year: FiscalYear,
    /// Cash need per quarter, from the budget year's first quarter to the last quarter
    /// any included project needs cash in (at least the budget year's four quarters).
    pub quarters: Vec<QuarterTotals>,
    /// Cash need per financial year over the same quarters (the last year may be
    /// partial: it ends with the timeline).
    pub years: Vec<YearTotals>,
    /// The budget year's row of `years`, for convenience.
    pub budget_year_totals: YearTotals,
    /// Every new project of the dataset, in the dataset's order, with its effective
    /// budget, schedule and cash.
    pub projects: Vec<ProjectOutcome>,
    pub new_projects: NewProjectsSummary,
    pub ongoing: OngoingSummary,
    /// How the default profile reproduces the paper (independent of the scenario).
    pub calibration: CalibrationReport,
    /// The retention share the calibrated profile used in this scenario.
    pub retention: RetentionInUse,
    /// Annex A's categories after the scenario's edits and scaling.
    pub allocation: AllocationOutcome,
    /// Projects by approval route under the scenario's thresholds.
    pub delegation: DelegationOutcome,
    /// The cash cap's deferrals, if the scenario sets a cap.
    pub cap: Option<CapOutcome>,
    /// Edits that matched nothing, and similar things worth telling the user.
    pub warnings: Vec<EngineWarning>,
}

/// One quarter's cash need, by cohort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterTotals {
    pub quarter: FiscalQuarter,
    /// The ongoing projects (Annex B gives only the budget year; zero afterwards).
    pub ongoing: Money,
    /// The new projects of Annex C.
    pub new: Money,
    /// `ongoing + new`.
    pub total: Money,
}

/// One financial year's cash need, by cohort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTotals {
    #[serde(with = "super::year_serde")]
    pub year: FiscalYear,
    pub ongoing: Money,
    pub new: Money,
    pub total: Money,
}

/// One new project under the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectOutcome {
    pub id: u16,
    /// False if the scenario excludes it (it then has no cash and no route counts).
    pub included: bool,
    /// True if any per-project or group edit touched it.
    pub edited: bool,
    /// The effective budget: the override, or the paper's budget after the uniform
    /// cost change (rounded to whole HK$).
    pub budget: Money,
    pub paper_budget: Money,
    /// The effective start and completion, after deferral, extension and the cap
    /// (not after slippage, which is an expected value spread over later quarters).
    pub start: FiscalQuarter,
    pub completion: FiscalQuarter,
    pub paper_start: FiscalQuarter,
    pub paper_completion: FiscalQuarter,
    pub profile: Profile,
    /// True when an edit of this project (its own or its group's) gives it a spend
    /// profile other than the scenario's default: a change of the project, where the
    /// default profile applies to every project alike.
    pub own_profile: bool,
    /// How many quarters the cash cap deferred it, if it did.
    pub deferred_by_cap: Option<i32>,
    /// The quarter of `cash[0]`.
    pub cash_start: FiscalQuarter,
    /// Cash per quarter from `cash_start`; adds up to `budget` exactly (empty if
    /// excluded). With slippage it runs past `completion`.
    pub cash: Vec<Money>,
    /// Its cash in the budget year.
    pub budget_year: Money,
    /// Its approval route under the scenario's thresholds and effective budget.
    pub route: Route,
    /// Its route under the paper's thresholds and budget.
    pub paper_route: Route,
}

/// Counts and sums over the new projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProjectsSummary {
    /// Projects included in the scenario.
    pub count: u32,
    pub excluded: u32,
    /// Sum of the included projects' effective budgets.
    pub total_budget: Money,
    /// Sum of every project's paper budget.
    pub paper_total_budget: Money,
}

/// The ongoing cohort, which the engine carries as one amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OngoingSummary {
    /// Its cash need in the budget year (spread evenly over the four quarters).
    pub budget_year: Money,
    /// Annex B's figure (HK$817M).
    pub paper_budget_year: Money,
    /// Annex B's count of ongoing projects (541).
    pub project_count: u32,
    /// True if the scenario overrides the amount.
    pub overridden: bool,
}

/// The calibrated profile's retention share in use, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionInUse {
    pub value: Decimal,
    pub source: RetentionSource,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionSource {
    /// Solved from the paper (the calibration report's `retention`).
    Solved,
    /// Set by the scenario.
    Scenario,
}

/// Something in the scenario that had no effect, worth telling the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum EngineWarning {
    /// A project edit names an id the dataset does not have.
    UnknownProject { id: u16 },
    /// A group edit names a department the dataset does not have.
    UnknownDepartment { name: String },
    /// A group edit names a department index the dataset does not have.
    UnknownDepartmentIndex { index: usize },
    /// A group edit (by its position in the list) matches no project.
    GroupMatchesNothing { group: usize },
    /// A category edit names an id the dataset does not have.
    UnknownCategory { id: u8 },
}

impl fmt::Display for EngineWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineWarning::UnknownProject { id } => write!(f, "there is no project {id}; its edit is ignored"),
            EngineWarning::UnknownDepartment { name } => {
                write!(f, "there is no department {name:?}; its group edit is ignored")
            }
            EngineWarning::UnknownDepartmentIndex { index } => {
                write!(f, "there is no department number {index}; its group edit is ignored")
            }
            EngineWarning::GroupMatchesNothing { group } => {
                write!(f, "group edit {} matches no project", group + 1)
            }
            EngineWarning::UnknownCategory { id } => write!(f, "there is no category {id}; its edit is ignored"),
        }
    }
}

impl Projection {
    /// The row of `years` for `year`, if the timeline covers it.
    pub fn year(&self, year: FiscalYear) -> Option<&YearTotals> {
        self.years.iter().find(|row| row.year == year)
    }

    /// Each financial year's cash before the 2018-19 cash cap deferred anything, or
    /// `None` when the cap deferred nothing (or there is no cap): then `years` is it.
    /// The cap defers new projects only, so a year's ongoing cash is the same before
    /// and after, and its new cash before is its total before less that. The year
    /// table rounds the years a deferral left alone as it rounded them before it, so
    /// an unchanged year never reads as changed (see the present crate's `cash`).
    pub fn years_before_cap(&self) -> Option<Vec<YearTotals>> {
        let Some(CapOutcome::Met { deferred, years, .. }) = &self.cap else { return None };
        if deferred.is_empty() {
            return None;
        }
        years
            .iter()
            .map(|change| {
                let ongoing = self.year(change.year).map_or(Money::ZERO, |row| row.ongoing);
                let new = change.before.checked_sub(ongoing).ok()?;
                Some(YearTotals { year: change.year, ongoing, new, total: change.before })
            })
            .collect()
    }

    /// The outcome of project `id`.
    pub fn project(&self, id: u16) -> Option<&ProjectOutcome> {
        // The engine lists projects in id order, so a binary search finds one at once
        // (a scan per comparison made sorting a 20,000-project brief take 2 s); the
        // scan after a miss keeps the answer right whatever the order.
        match self.projects.binary_search_by_key(&id, |project| project.id) {
            Ok(at) => self.projects.get(at),
            Err(_) => self.projects.iter().find(|project| project.id == id),
        }
    }
}
