//! The prepared engine: a dataset checked and reduced to the integers the engine
//! works with, and its calibration solved, once. Projecting a scenario then only does
//! the scenario's own work.

use super::apportion::apportion;
use super::calibration::{calibrate, CalibrationInput, CalibrationReport};
use super::cap::{apply_cap, CapOutcome};
use super::cash::{cash_for, Cash};
use super::categories::{allocation_outcome, CategoryInput};
use super::delegation::{route, DelegationOutcome, RouteChange, RouteSummary};
use super::dollars::{from_dollar_sum, from_dollars, to_dollars};
use super::error::{DataError, EngineError};
use super::levers::{self, Levers};
use super::plan::{plan_projects, Plan};
use super::projection::{
    EngineWarning, NewProjectsSummary, OngoingSummary, ProjectOutcome, Projection, QuarterTotals, RetentionInUse,
    YearTotals,
};
use super::scenario::Scenario;
use super::share::share_from_units;
use super::timeline::Timeline;
use crate::dataset::{CohortId, Dataset};
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use crate::themes::Theme;

/// A dataset prepared for projecting scenarios. Build it once per dataset with
/// [`Engine::new`] (this checks the data and solves the calibration, a fraction of a
/// millisecond), keep it, and call [`Engine::project`] on every change of the levers.
/// It owns everything it needs, so it can be stored in a signal or sent to a worker.
#[derive(Clone, Debug)]
pub struct Engine {
    pub(crate) budget_year: FiscalYear,
    pub(crate) projects: Vec<BaseProject>,
    /// `(id, index into projects)`, sorted by id.
    ids: Vec<(u16, usize)>,
    pub(crate) department_names: Vec<String>,
    categories: Vec<BaseCategory>,
    pub(crate) ongoing: i64,
    paper_ongoing: Money,
    ongoing_count: u32,
    pub(crate) ceiling: Money,
    pub(crate) floor: Money,
    calibration: CalibrationReport,
    pub(crate) solved_retention_units: u64,
}

/// A new project as the engine needs it.
#[derive(Clone, Debug)]
pub(crate) struct BaseProject {
    pub id: u16,
    pub department: usize,
    pub theme: Theme,
    /// Whole HK$.
    pub budget: i64,
    pub paper_budget: Money,
    pub start: FiscalQuarter,
    pub completion: FiscalQuarter,
}

#[derive(Clone, Debug)]
struct BaseCategory {
    id: u8,
    proposed: Money,
    prior: Money,
}

/// The scenario's schedules before they are added up: the stage the projection,
/// the Monte Carlo simulation and the goal seek share.
pub(crate) struct Schedule {
    pub levers: Levers,
    pub plans: Vec<Plan>,
    /// Per plan; `None` for excluded projects.
    pub cash: Vec<Option<Cash>>,
    pub cap: Option<CapOutcome>,
    pub warnings: Vec<EngineWarning>,
}

fn checked_amount(what: String, amount: Money) -> Result<i64, DataError> {
    match to_dollars(amount) {
        Some(dollars) if dollars >= 0 => Ok(dollars),
        _ => Err(DataError::AmountOutOfRange { what, amount: amount.format(6) }),
    }
}

fn total(dollars: i128, what: &'static str) -> Result<Money, EngineError> {
    from_dollar_sum(dollars).ok_or(EngineError::Overflow { what })
}

impl Engine {
    /// Checks `dataset` and solves the calibration of the default profile.
    pub fn new(dataset: &Dataset) -> Result<Engine, EngineError> {
        let budget_year = dataset.budget_year;
        let year_first = budget_year.first_quarter();
        let year_last = year_first.saturating_add_quarters(3);
        let mut projects = Vec::with_capacity(dataset.projects.len());
        let mut inputs = Vec::with_capacity(dataset.projects.len());
        for project in &dataset.projects {
            let id = project.id;
            let budget = match to_dollars(project.budget) {
                Some(dollars) if dollars >= 0 => dollars,
                _ => return Err(DataError::BudgetOutOfRange { id, budget: project.budget.format(6) }.into()),
            };
            if project.completion < project.start {
                return Err(DataError::CompletionBeforeStart { id }.into());
            }
            if project.start < year_first {
                return Err(DataError::StartsBeforeBudgetYear { id }.into());
            }
            let quarters = project.start.quarters_until(project.completion) + 1;
            let in_year = if project.start > year_last {
                0
            } else {
                project.start.quarters_until(project.completion.min(year_last)) + 1
            };
            inputs.push(CalibrationInput {
                budget: u64::try_from(budget).unwrap_or(0),
                quarters: u64::try_from(quarters).unwrap_or(1),
                quarters_in_budget_year: u64::try_from(in_year).unwrap_or(0),
            });
            projects.push(BaseProject {
                id,
                department: project.department,
                theme: project.theme,
                budget,
                paper_budget: project.budget,
                start: project.start,
                completion: project.completion,
            });
        }
        let mut ids: Vec<(u16, usize)> = projects.iter().enumerate().map(|(index, p)| (p.id, index)).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(DataError::DuplicateId { id: pair[0].0 }.into());
        }
        let mut categories = Vec::with_capacity(dataset.categories.len());
        for category in &dataset.categories {
            checked_amount(format!("category {} (2018-19)", category.id), category.proposed)?;
            checked_amount(format!("category {} (2017-18)", category.id), category.approved_prior)?;
            categories.push(BaseCategory { id: category.id, proposed: category.proposed, prior: category.approved_prior });
        }
        let ongoing_cohort = dataset.cohort(CohortId::Ongoing);
        let paper_ongoing = ongoing_cohort.map_or(Money::ZERO, |cohort| cohort.cash_budget_year);
        let ongoing = checked_amount("the ongoing cohort's cash".to_string(), paper_ongoing)?;
        let target = match dataset.cohort(CohortId::New) {
            Some(cohort) => Some(checked_amount("the new cohort's cash".to_string(), cohort.cash_budget_year)?),
            None => None,
        };
        let calibration = calibrate(&inputs, target)?;
        Ok(Engine {
            budget_year,
            projects,
            ids,
            department_names: dataset.departments.iter().map(|department| department.name_zh.clone()).collect(),
            categories,
            ongoing,
            paper_ongoing,
            ongoing_count: ongoing_cohort.map_or(0, |cohort| cohort.project_count),
            ceiling: dataset.ceiling,
            floor: dataset.floor,
            calibration: calibration.report,
            solved_retention_units: calibration.retention_units,
        })
    }

    /// How the default profile reproduces the paper.
    pub fn calibration(&self) -> &CalibrationReport {
        &self.calibration
    }

    /// The financial year the paper budgets for.
    pub fn budget_year(&self) -> FiscalYear {
        self.budget_year
    }

    /// Every category's id and paper amount, in the dataset's order.
    pub(crate) fn category_amounts(&self) -> impl Iterator<Item = (u8, Money)> + '_ {
        self.categories.iter().map(|category| (category.id, category.proposed))
    }

    /// The position of project `id` in the dataset's list.
    pub(crate) fn index_of(&self, id: u16) -> Option<usize> {
        self.ids.binary_search_by_key(&id, |pair| pair.0).ok().and_then(|at| self.ids.get(at)).map(|pair| pair.1)
    }

    /// Applies `scenario` and returns every figure the screens show.
    pub fn project(&self, scenario: &Scenario) -> Result<Projection, EngineError> {
        let schedule = self.schedule(scenario, true)?;
        self.assemble(scenario, schedule)
    }

    /// Resolves the levers, plans every project, computes its cash and applies the
    /// cap. Without `with_slippage` the expected-value slippage is left out (the
    /// Monte Carlo simulation draws lateness itself).
    pub(crate) fn schedule(&self, scenario: &Scenario, with_slippage: bool) -> Result<Schedule, EngineError> {
        let mut warnings = Vec::new();
        let mut levers = levers::resolve(self, scenario)?;
        if !with_slippage {
            levers.slip = None;
        }
        let mut plans = plan_projects(self, scenario, &levers, &mut warnings)?;
        let mut cash = Vec::with_capacity(plans.len());
        for plan in &plans {
            let id = self.projects.get(plan.index).map_or(0, |project| project.id);
            cash.push(if plan.included { Some(cash_for(plan, id, levers.slip, levers.retention_units)?) } else { None });
        }
        let cap = match levers.cap {
            Some((amount, rule)) => Some(apply_cap(self, &levers, &mut plans, &mut cash, amount, rule)?),
            None => None,
        };
        Ok(Schedule { levers, plans, cash, cap, warnings })
    }

    fn assemble(&self, scenario: &Scenario, schedule: Schedule) -> Result<Projection, EngineError> {
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
            retention: RetentionInUse { value: share_from_units(levers.retention_units), source: levers.retention_source },
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
                deferred_by_cap: plan.deferred_by_cap,
                cash_start: cash.as_ref().map_or(plan.start, |cash| cash.start),
                cash: cash.as_ref().map_or_else(Vec::new, |cash| cash.amounts.iter().copied().map(from_dollars).collect()),
                budget_year: from_dollars(cash.as_ref().map_or(0, |cash| cash.within(year_first, year_last))),
                route: route(budget, levers.floor, levers.ceiling),
                paper_route: route(base.paper_budget, self.floor, self.ceiling),
            });
        }
        Ok(outcomes)
    }

    fn delegation(&self, levers: &Levers, projects: &[ProjectOutcome]) -> Result<DelegationOutcome, EngineError> {
        let mut routes = Vec::new();
        for route in super::delegation::Route::ALL {
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
    ) -> Result<super::categories::AllocationOutcome, EngineError> {
        let mut inputs: Vec<CategoryInput> = self
            .categories
            .iter()
            .map(|category| CategoryInput {
                id: category.id,
                paper_amount: category.proposed,
                prior_amount: category.prior,
                amount: category.proposed,
                locked: false,
                edited: false,
            })
            .collect();
        for (edit_index, edit) in scenario.allocation.categories.iter().enumerate() {
            let Some(input) = inputs.iter_mut().find(|input| input.id == edit.id) else {
                warnings.push(EngineWarning::UnknownCategory { id: edit.id });
                continue;
            };
            if let Some(amount) = edit.amount {
                levers::amount(format!("allocation.categories[{edit_index}].amount"), amount)?;
                input.amount = amount;
                input.edited = true;
            }
            input.locked = edit.locked;
        }
        if let Some(target) = scenario.allocation.scale_to {
            levers::amount("allocation.scale_to", target)?;
        }
        Ok(allocation_outcome(inputs, scenario.allocation.scale_to, cash_need)?)
    }
}
