//! From levers to plans: each new project's effective budget, schedule and profile.
//!
//! Edits are laid over one another lever by lever (see [`Edit`] for the precedence
//! rule): group edits in list order, then the project's own edits in list order.

use super::dollars::scale_dollars;
use super::error::{EngineError, ScheduleError};
use super::lever_checks::{self, amount, Levers};
use super::prepared::{BaseProject, Engine};
use super::profile::Profile;
use super::projection::EngineWarning;
use super::scenario::{Edit, Scenario, Selector};
use crate::quarter::FiscalQuarter;
use crate::themes::Theme;

/// One new project's effective values under a scenario.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// Position in the engine's (and the dataset's) project list.
    pub index: usize,
    pub included: bool,
    pub edited: bool,
    /// Whole HK$, never negative.
    pub budget: i64,
    pub start: FiscalQuarter,
    pub completion: FiscalQuarter,
    pub profile: Profile,
    /// True when an edit of this project (its own or its group's) gives it a spend
    /// profile other than the scenario's default.
    pub own_profile: bool,
    /// Quarters the cash cap deferred the project by.
    pub deferred_by_cap: Option<i32>,
}

impl Plan {
    /// Quarters from start to completion inclusive (at least 1).
    pub fn quarters(&self) -> usize {
        usize::try_from(self.start.quarters_until(self.completion) + 1).unwrap_or(1).max(1)
    }
}

/// Resolves every project's plan. Warnings collect edits that matched nothing.
pub(crate) fn plan_projects(
    engine: &Engine,
    scenario: &Scenario,
    levers: &Levers,
    warnings: &mut Vec<EngineWarning>,
) -> Result<Vec<Plan>, EngineError> {
    let mut edits = vec![Edit::default(); engine.projects.len()];
    for (group_index, group) in scenario.groups.iter().enumerate() {
        check_edit(&format!("groups[{group_index}].edit"), &group.edit)?;
        let Some(matcher) = selector_matcher(engine, &group.select, warnings) else {
            continue;
        };
        let mut matched = false;
        for (edit, project) in edits.iter_mut().zip(&engine.projects) {
            if matcher.matches(project) {
                edit.overlay(&group.edit);
                matched = true;
            }
        }
        if !matched {
            warnings.push(EngineWarning::GroupMatchesNothing { group: group_index });
        }
    }
    let mut own = vec![Edit::default(); engine.projects.len()];
    for project_edit in &scenario.projects {
        check_edit(&format!("projects{}.edit", lever_checks::item_by_id(project_edit.id)), &project_edit.edit)?;
        match engine.index_of(project_edit.id).and_then(|index| own.get_mut(index)) {
            Some(edit) => edit.overlay(&project_edit.edit),
            None => warnings.push(EngineWarning::UnknownProject { id: project_edit.id }),
        }
    }
    let year_start = engine.budget_year.first_quarter();
    let mut plans = Vec::with_capacity(engine.projects.len());
    for (index, ((mut edit, own), project)) in edits.into_iter().zip(&own).zip(&engine.projects).enumerate() {
        edit.overlay(own);
        plans.push(plan_one(index, project, &edit, scenario.default_profile, levers, year_start)?);
    }
    Ok(plans)
}

/// Checks the ranges of one edit's levers (`lever_checks::edit`, which the reader of
/// an imported file uses too); `field` is its path in the scenario.
fn check_edit(field: &str, edit: &Edit) -> Result<(), EngineError> {
    Ok(lever_checks::edit(field, edit)?)
}

/// A selector resolved against the dataset.
enum Matcher {
    All,
    Department(usize),
    Theme(Theme),
}

impl Matcher {
    fn matches(&self, project: &BaseProject) -> bool {
        match self {
            Matcher::All => true,
            Matcher::Department(index) => project.department == *index,
            Matcher::Theme(theme) => project.theme == *theme,
        }
    }
}

/// Resolves a selector; `None` (with a warning) if it names a department the
/// dataset does not have.
fn selector_matcher(engine: &Engine, selector: &Selector, warnings: &mut Vec<EngineWarning>) -> Option<Matcher> {
    match selector {
        Selector::All => Some(Matcher::All),
        Selector::Department { index } => {
            if *index >= engine.department_names.len() {
                warnings.push(EngineWarning::UnknownDepartmentIndex { index: *index });
                return None;
            }
            Some(Matcher::Department(*index))
        }
        Selector::DepartmentZh { name } => {
            let wanted = name.trim();
            let Some(index) = engine.department_names.iter().position(|known| known.trim() == wanted) else {
                warnings.push(EngineWarning::UnknownDepartment { name: name.clone() });
                return None;
            };
            Some(Matcher::Department(index))
        }
        Selector::Theme { theme } => Some(Matcher::Theme(*theme)),
    }
}

/// Applies one merged edit to one project.
fn plan_one(
    index: usize,
    project: &BaseProject,
    edit: &Edit,
    default_profile: Profile,
    levers: &Levers,
    year_start: FiscalQuarter,
) -> Result<Plan, EngineError> {
    let out_of_range = || EngineError::Schedule(ScheduleError::OutOfRange { id: project.id });
    let budget = match edit.budget {
        // Already checked by `check_edit`; the conversion is repeated to get the value.
        Some(value) => amount("budget", value)?,
        None => scale_dollars(project.budget, levers.cost_factor)
            .ok_or(EngineError::Overflow { what: "a budget after the cost change" })?,
    };
    // A negative deferral brings the project forward, but never before the budget
    // year's first quarter: the move is shortened to stop there, keeping the duration.
    let earliest_shift = project.start.quarters_until(year_start);
    let defer = edit.defer_quarters.unwrap_or(0).max(earliest_shift);
    let start = project.start.add_quarters(defer).ok_or_else(out_of_range)?;
    let moved_completion = project.completion.add_quarters(defer).ok_or_else(out_of_range)?;
    let extended = moved_completion.add_quarters(edit.extend_quarters.unwrap_or(0)).ok_or_else(out_of_range)?;
    // A negative extension shortens the project, but never below one quarter.
    let completion = extended.max(start);
    Ok(Plan {
        index,
        included: !edit.exclude.unwrap_or(false),
        edited: !edit.is_empty(),
        budget,
        start,
        completion,
        profile: edit.profile.unwrap_or(default_profile),
        own_profile: edit.profile.is_some_and(|profile| profile != default_profile),
        deferred_by_cap: None,
    })
}
