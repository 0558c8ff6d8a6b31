//! Adding up a scenario's schedules into the projection: quarters, years, projects,
//! approval routes and Annex A's categories.

use super::apportion::apportion;
use super::cash::Cash;
use super::categories::{allocation_outcome, lay_category_edits, AllocationOutcome, CategoryInput};
use super::delegation::{route, DelegationOutcome, Route, RouteChange, RouteSummary};
use super::dollars::{from_dollar_sum, from_dollars};
use super::error::EngineError;
use super::lever_checks::{self, Levers};
use super::plan::Plan;
use super::prepared::{Engine, Schedule};
use super::projection::{
    EngineWarning, NewProjectsSummary, OngoingSummary, ProjectOutcome, Projection, QuarterTotals, RetentionInUse,
    YearTotals,
};
use super::scenario::Scenario;
use super::share::share_from_units;
use super::timeline::Timeline;
use crate::money::Money;

fn total(dollars: i128, what: &'static str) -> Result<Money, EngineError> {
    from_dollar_sum(dollars).ok_or(EngineError::Overflow { what })
}

impl Engine {
    pub(crate) fn assemble(&self, scenario: &Scenario, schedule: Schedule) -> Result<Projection, EngineError> {
        let Schedule { levers, plans, cash, cap, mut warnings } = schedule;
        let timeline = Timeline::new(self.budget_year, cash.iter().flatten().map(Cash::last).max());
        let mut new = vec![0_i128; timeline.len];
        for entry in cash.iter().flatten() {
            timeline.add(&mut new, entry);
        }
        let mut ongoing = vec![0_i128; timeline.len];
        for (slot, amount) in ongoing.iter_mut().zip(apportion(levers.ongoing, &[1, 1, 1, 1])?) {
            *slot = i128::from(amount);
        }
        let mut quarters = Vec::with_capacity(timeline.len);
        for (index, (new, ongoing)) in new.iter().zip(&ongoing).enumerate() {
            quarters.push(QuarterTotals {
                quarter: timeline.quarter(index),
                ongoing: total(*ongoing, "a quarter's total")?,
                new: total(*new, "a quarter's total")?,
                total: total(ongoing + new, "a quarter's total")?,
            });
        }
        let mut years = Vec::new();
        for (year, range) in timeline.years() {
            let sum = |values: &[i128]| values.get(range.clone()).map_or(0, |slice| slice.iter().sum::<i128>());
            let (year_new, year_ongoing) = (sum(&new), sum(&ongoing));
            years.push(YearTotals {
                year,
                ongoing: total(year_ongoing, "a year's total")?,
                new: total(year_new, "a year's total")?,
                total: total(year_new + year_ongoing, "a year's total")?,
            });
        }
        let budget_year_totals = years.first().copied().ok_or(EngineError::Overflow { what: "the timeline" })?;
        let projects = self.project_outcomes(&levers, &plans, &cash)?;
        let delegation = self.delegation(&levers, &projects)?;
        let included = projects.iter().filter(|project| project.included);
        let new_projects = NewProjectsSummary {
            count: u32::try_from(included.clone().count()).unwrap_or(u32::MAX),
            excluded: u32::try_from(projects.iter().filter(|project| !project.included).count()).unwrap_or(u32::MAX),
            total_budget: Money::checked_sum(included.map(|project| project.budget))
                .map_err(|_| EngineError::Overflow { what: "the total budget" })?,
            paper_total_budget: Money::checked_sum(projects.iter().map(|project| project.paper_budget))
                .map_err(|_| EngineError::Overflow { what: "the total budget" })?,
        };
        let allocation = self.allocation(scenario, budget_year_totals.total, &mut warnings)?;
        Ok(Projection {
            budget_year: self.budget_year,
            quarters,
            years,
            budget_year_totals,
            projects,
            new_projects,
            ongoing: OngoingSummary {
                budget_year: from_dollars(levers.ongoing),
                paper_budget_year: self.paper_ongoing,
                project_count: self.ongoing_count,
                overridden: scenario.ongoing_budget_year.is_some(),
            },
            calibration: self.calibration.clone(),
            retention: RetentionInUse {
                value: share_from_units(levers.retention_units),
                source: levers.retention_source,
            },
            allocation,
            delegation,
            cap,
            warnings,
        })
    }

    fn project_outcomes(
        &self,
        levers: &Levers,
        plans: &[Plan],
        cash: &[Option<Cash>],
    ) -> Result<Vec<ProjectOutcome>, EngineError> {
        let year_first = self.budget_year.first_quarter();
        let year_last = year_first.saturating_add_quarters(3);
        let mut outcomes = Vec::with_capacity(plans.len());
        for (plan, cash) in plans.iter().zip(cash) {
            let Some(base) = self.projects.get(plan.index) else {
                continue;
            };
            let budget = from_dollars(plan.budget);
            outcomes.push(ProjectOutcome {
                id: base.id,
                included: plan.included,
                edited: plan.edited,
                budget,
                paper_budget: base.paper_budget,
                start: plan.start,
                completion: plan.completion,
                paper_start: base.start,
                paper_completion: base.completion,
                profile: plan.profile,
                own_profile: plan.own_profile,
                deferred_by_cap: plan.deferred_by_cap,
                cash_start: cash.as_ref().map_or(plan.start, |cash| cash.start),
                cash: cash
                    .as_ref()
                    .map_or_else(Vec::new, |cash| cash.amounts.iter().copied().map(from_dollars).collect()),
                budget_year: from_dollars(cash.as_ref().map_or(0, |cash| cash.within(year_first, year_last))),
                route: route(budget, levers.floor, levers.ceiling),
                paper_route: route(base.paper_budget, self.floor, self.ceiling),
            });
        }
        Ok(outcomes)
    }

    fn delegation(&self, levers: &Levers, projects: &[ProjectOutcome]) -> Result<DelegationOutcome, EngineError> {
        let mut routes = Vec::new();
        for route in Route::ALL {
            let on_route = projects.iter().filter(|project| project.included && project.route == route);
            routes.push(RouteSummary {
                route,
                count: u32::try_from(on_route.clone().count()).unwrap_or(u32::MAX),
                total: Money::checked_sum(on_route.map(|project| project.budget))
                    .map_err(|_| EngineError::Overflow { what: "a route's total" })?,
            });
        }
        let changed = projects
            .iter()
            .filter(|project| project.included && project.route != project.paper_route)
            .map(|project| RouteChange {
                id: project.id,
                budget: project.budget,
                paper_budget: project.paper_budget,
                paper_route: project.paper_route,
                route: project.route,
            })
            .collect();
        Ok(DelegationOutcome {
            ceiling: levers.ceiling,
            floor: levers.floor,
            paper_ceiling: self.ceiling,
            paper_floor: self.floor,
            routes,
            changed,
        })
    }

    fn allocation(
        &self,
        scenario: &Scenario,
        cash_need: Money,
        warnings: &mut Vec<EngineWarning>,
    ) -> Result<AllocationOutcome, EngineError> {
        let mut inputs: Vec<CategoryInput> = self
            .categories
            .iter()
            .map(|category| CategoryInput::unedited(category.id, category.proposed, category.prior))
            .collect();
        // Every amount an edit of a category of the data gives is checked, in the
        // scenario's order, before any is laid.
        for edit in &scenario.allocation.categories {
            if let Some(amount) = edit.amount.filter(|_| inputs.iter().any(|input| input.id == edit.id)) {
                lever_checks::amount(
                    format!("allocation.categories{}.amount", lever_checks::item_by_id(edit.id)),
                    amount,
                )?;
            }
        }
        for id in lay_category_edits(&mut inputs, &scenario.allocation.categories) {
            warnings.push(EngineWarning::UnknownCategory { id });
        }
        if let Some(target) = scenario.allocation.scale_to {
            lever_checks::amount("allocation.scale_to", target)?;
        }
        Ok(allocation_outcome(inputs, scenario.allocation.scale_to, cash_need)?)
    }
}
