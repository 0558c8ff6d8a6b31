//! The prepared engine: a dataset checked and reduced to the integers the engine
//! works with, and its calibration solved, once. Projecting a scenario then only does
//! the scenario's own work.

use super::calibration::{calibrate, CalibrationInput, CalibrationReport};
use super::cap::{apply_cap, CapOutcome};
use super::cash::{cash_for, Cash};
use super::dollars::to_dollars;
use super::error::{DataError, EngineError};
use super::lever_checks::{self, Levers};
use super::plan::{plan_projects, Plan};
use super::projection::{EngineWarning, Projection};
use super::scenario::Scenario;
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
    pub(crate) ids: Vec<(u16, usize)>,
    pub(crate) department_names: Vec<String>,
    pub(crate) categories: Vec<BaseCategory>,
    pub(crate) ongoing: i64,
    pub(crate) paper_ongoing: Money,
    pub(crate) ongoing_count: u32,
    pub(crate) ceiling: Money,
    pub(crate) floor: Money,
    pub(crate) calibration: CalibrationReport,
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
pub(crate) struct BaseCategory {
    pub id: u8,
    pub proposed: Money,
    pub prior: Money,
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

/// A project as the calibration sees it. Its start is in the budget year or later
/// (checked by [`Engine::new`]), so the quarters up to `year_last` are the budget year's.
pub(crate) fn calibration_input(project: &BaseProject, year_last: FiscalQuarter) -> CalibrationInput {
    let quarters = project.start.quarters_until(project.completion) + 1;
    let in_year =
        if project.start > year_last { 0 } else { project.start.quarters_until(project.completion.min(year_last)) + 1 };
    CalibrationInput {
        budget: u64::try_from(project.budget).unwrap_or(0),
        quarters: u64::try_from(quarters).unwrap_or(1),
        quarters_in_budget_year: u64::try_from(in_year).unwrap_or(0),
    }
}

impl Engine {
    /// Checks `dataset` and solves the calibration of the default profile.
    pub fn new(dataset: &Dataset) -> Result<Engine, EngineError> {
        let budget_year = dataset.budget_year;
        let year_first = budget_year.first_quarter();
        let year_last = year_first.saturating_add_quarters(3);
        let mut projects = Vec::with_capacity(dataset.projects.len());
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
        crate::order::sort_by(&mut ids, |a, b| a.cmp(b));
        let duplicate = ids.windows(2).find_map(|pair| match pair {
            [first, second] if first.0 == second.0 => Some(first.0),
            _ => None,
        });
        if let Some(id) = duplicate {
            return Err(DataError::DuplicateId { id }.into());
        }
        let mut categories = Vec::with_capacity(dataset.categories.len());
        for category in &dataset.categories {
            checked_amount(format!("category {} (2018-19)", category.id), category.proposed)?;
            checked_amount(format!("category {} (2017-18)", category.id), category.approved_prior)?;
            categories.push(BaseCategory {
                id: category.id,
                proposed: category.proposed,
                prior: category.approved_prior,
            });
        }
        let ongoing_cohort = dataset.cohort(CohortId::Ongoing);
        let paper_ongoing = ongoing_cohort.map_or(Money::ZERO, |cohort| cohort.cash_budget_year);
        let ongoing = checked_amount("the ongoing cohort's cash".to_string(), paper_ongoing)?;
        let target = match dataset.cohort(CohortId::New) {
            Some(cohort) => Some(checked_amount("the new cohort's cash".to_string(), cohort.cash_budget_year)?),
            None => None,
        };
        let inputs: Vec<CalibrationInput> =
            projects.iter().map(|project| calibration_input(project, year_last)).collect();
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
        let mut levers = lever_checks::resolve(self, scenario)?;
        if !with_slippage {
            levers.slip = None;
        }
        let mut plans = plan_projects(self, scenario, &levers, &mut warnings)?;
        let mut cash = Vec::with_capacity(plans.len());
        for plan in &plans {
            let id = self.projects.get(plan.index).map_or(0, |project| project.id);
            cash.push(if plan.included {
                Some(cash_for(plan, id, levers.slip, levers.retention_units)?)
            } else {
                None
            });
        }
        let cap = match levers.cap {
            Some((amount, rule)) => Some(apply_cap(self, &levers, &mut plans, &mut cash, amount, rule)?),
            None => None,
        };
        Ok(Schedule { levers, plans, cash, cap, warnings })
    }
}
