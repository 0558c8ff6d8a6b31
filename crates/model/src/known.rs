//! What a dataset has, as a scenario's edits name it, and the one check of an edit
//! against it: a project, a department or a category the data shown does not have,
//! or a group that matches no project of it.
//!
//! Every reader of a scenario made elsewhere checks it here when it is opened on the
//! data shown: a link (`link::decode_link_in`), and a scenarios file being imported
//! or the scenarios an offline copy carries (`saved::decode_import`). A scenario the
//! member builds in the app cannot name what the data does not have; one made
//! elsewhere can, and may be right for other data (a colleague's imported projects),
//! so each reader keeps such an edit, which changes nothing here (the engine ignores
//! it, as it warns with `EngineWarning`), and names it, so that nothing is ignored
//! without a word.

use crate::dataset::Dataset;
use crate::engine::categories::{lay_category_edits, scaling_refusal, CategoryInput};
use crate::engine::{AllocationError, AllocationLevers, EngineWarning, Scenario, Selector};
use crate::money::Money;
use crate::order::SortedSet;
use crate::saved::codec::MAX_SHOWN_VALUE_CHARS;
use crate::text::quoted;
use crate::themes::Theme;

/// The most edits naming what the data does not have that a reader names one by one:
/// in a link, and in each scenario of a file; the rest are counted, so a long link or
/// a scenario made for much larger data never makes a long notice.
pub const MAX_NAMED_ABSENT: usize = 16;

/// Why an edit changes nothing on the data shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotInData {
    /// An edit of a project the data does not have.
    Project { id: u16 },
    /// An edit of an Annex A category the data does not have.
    Category { id: u8 },
    /// A group edit of a department by its place in the data's departments (from 0),
    /// a place the data does not have.
    Department { index: usize },
    /// A group edit of a department by its Chinese name, which no department of the
    /// data has (compared as the engine compares them, without surrounding spaces).
    DepartmentNamed { name: String },
    /// A group edit of a department or a theme the data has, but no project of the
    /// data is in.
    MatchesNoProject,
}

impl NotInData {
    /// What the engine's `warning` says of an edit of the scenario shown, named as the
    /// readers name it: with the group edit's place (from 0) when the engine gives it,
    /// which it does for a group edit that matches no project.
    pub fn warned(warning: &EngineWarning) -> (Option<usize>, NotInData) {
        let what = match warning {
            EngineWarning::UnknownProject { id } => NotInData::Project { id: *id },
            EngineWarning::UnknownDepartment { name } => NotInData::DepartmentNamed { name: name.clone() },
            EngineWarning::UnknownDepartmentIndex { index } => NotInData::Department { index: *index },
            EngineWarning::UnknownCategory { id } => NotInData::Category { id: *id },
            EngineWarning::GroupMatchesNothing { group } => return (Some(*group), NotInData::MatchesNoProject),
        };
        (None, what.shown())
    }

    /// The edit as a notice repeats it: a department's name, which a file or a link
    /// may make as long as it likes, cut as a refused value is.
    pub(crate) fn shown(self) -> NotInData {
        match self {
            NotInData::DepartmentNamed { name } => {
                NotInData::DepartmentNamed { name: quoted(&name, MAX_SHOWN_VALUE_CHARS) }
            }
            what => what,
        }
    }
}

/// What a dataset has: project ids, departments (by place and by Chinese name), the
/// departments and themes some project has, the category ids, and its thresholds.
pub(crate) struct Known {
    projects: SortedSet<u16>,
    departments: usize,
    department_names: Vec<String>,
    departments_with_projects: SortedSet<usize>,
    themes_with_projects: SortedSet<Theme>,
    /// Annex A's categories as the engine starts from them, before any edit.
    categories: Vec<CategoryInput>,
    /// The data's thresholds, in effect where a scenario gives none.
    pub(crate) ceiling: Money,
    pub(crate) floor: Money,
}

impl Known {
    pub(crate) fn of(data: &Dataset) -> Known {
        Known {
            projects: crate::order::set_of(data.projects.iter().map(|p| p.id)),
            departments: data.departments.len(),
            department_names: data.departments.iter().map(|d| d.name_zh.trim().to_string()).collect(),
            departments_with_projects: crate::order::set_of(data.projects.iter().map(|p| p.department)),
            themes_with_projects: crate::order::set_of(data.projects.iter().map(|p| p.theme)),
            categories: data
                .categories
                .iter()
                .map(|c| CategoryInput::unedited(c.id, c.proposed, c.approved_prior))
                .collect(),
            ceiling: data.ceiling,
            floor: data.floor,
        }
    }

    /// Why an edit of project `id` changes nothing, if it does not.
    pub(crate) fn project(&self, id: u16) -> Option<NotInData> {
        (!self.projects.contains(&id)).then_some(NotInData::Project { id })
    }

    /// Why a group edit by `selector` changes nothing, if it does not: the same rule
    /// as the engine's (`engine/plan.rs`), which warns of the same edits.
    pub(crate) fn selector(&self, selector: &Selector) -> Option<NotInData> {
        let department =
            |index: &usize| (!self.departments_with_projects.contains(index)).then_some(NotInData::MatchesNoProject);
        match selector {
            Selector::All => self.projects.is_empty().then_some(NotInData::MatchesNoProject),
            Selector::Theme { theme } => {
                (!self.themes_with_projects.contains(theme)).then_some(NotInData::MatchesNoProject)
            }
            Selector::Department { index } if *index >= self.departments => {
                Some(NotInData::Department { index: *index })
            }
            Selector::Department { index } => department(index),
            Selector::DepartmentZh { name } => {
                match self.department_names.iter().position(|known| known == name.trim()) {
                    Some(index) => department(&index),
                    None => Some(NotInData::DepartmentNamed { name: name.clone() }),
                }
            }
        }
    }

    /// Why an edit of category `id` changes nothing, if it does not.
    pub(crate) fn category(&self, id: u8) -> Option<NotInData> {
        (!self.categories.iter().any(|c| c.id == id)).then_some(NotInData::Category { id })
    }

    /// Why `allocation`'s scaling to its target cannot be made on this data, if it
    /// cannot, as the engine finds it (the same edits laid, the same scaling): a target
    /// below the locked categories, or no unlocked amount to scale.
    pub(crate) fn scaling_refusal(&self, allocation: &AllocationLevers) -> Option<AllocationError> {
        let target = allocation.scale_to?;
        let mut inputs = self.categories.clone();
        lay_category_edits(&mut inputs, &allocation.categories);
        scaling_refusal(&inputs, target)
    }

    /// The edits of `scenario` that name a project, a department or a category the
    /// data does not have, in the scenario's order (project edits, group edits with
    /// their place from 0, category edits). A group of a department or theme the data
    /// has that no project is in is left out: the app itself offers every department
    /// and theme of the data, so a scenario it wrote may hold one, and a file the app
    /// wrote must read back without a problem.
    pub(crate) fn absent_edits(&self, scenario: &Scenario) -> Vec<(Option<usize>, NotInData)> {
        let projects = scenario.projects.iter().filter_map(|edit| self.project(edit.id)).map(|what| (None, what));
        let groups =
            scenario.groups.iter().enumerate().filter_map(|(index, group)| match self.selector(&group.select)? {
                NotInData::MatchesNoProject => None,
                what => Some((Some(index), what)),
            });
        let categories =
            scenario.allocation.categories.iter().filter_map(|edit| self.category(edit.id)).map(|what| (None, what));
        projects.chain(groups).chain(categories).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Known;
    use crate::engine::{AllocationLevers, CategoryEdit, Engine, Scenario};
    use crate::money::Money;
    use crate::Dataset;

    /// The check of a scenario made elsewhere refuses a scaling exactly when the
    /// engine does, for the same reason (`expected`, the refusal's words, or "").
    #[track_caller]
    fn check(edits: &[(u8, Option<i64>, bool)], target: i64, expected: &str) {
        let data = Dataset::paper().expect("the paper's data loads");
        let allocation = AllocationLevers {
            categories: edits
                .iter()
                .map(|&(id, amount, locked)| CategoryEdit {
                    id,
                    amount: amount.map(Money::from_whole_millions),
                    locked,
                })
                .collect(),
            scale_to: Some(Money::from_whole_millions(target)),
        };
        let known = Known::of(&data).scaling_refusal(&allocation);
        let scenario = Scenario { allocation, ..Scenario::default() };
        let projection = Engine::new(&data).expect("engine").project(&scenario).expect("projection");
        let engine = projection.allocation.scaling.and_then(|scaling| scaling.error);
        assert_eq!(known, engine, "{edits:?} to {target}");
        assert_eq!(known.map(|refusal| refusal.to_string()).unwrap_or_default(), expected, "{edits:?} to {target}");
    }

    #[test]
    fn a_scaling_is_refused_as_the_engine_refuses_it() {
        check(&[(1, Some(300), true)], 1000, "");
        check(&[(1, Some(300), true)], 100, "the target (100.0) is below the locked categories' sum (300.0)");
        // The last edit of a category sets its lock, as the engine lays them.
        check(&[(1, Some(300), true), (1, None, false)], 100, "");
        check(
            &[(1, Some(300), false), (1, None, true)],
            100,
            "the target (100.0) is below the locked categories' sum (300.0)",
        );
        check(&[(9, Some(300), true)], 100, "");
        let all_locked: Vec<_> = (1..=6).map(|id| (id, None, true)).collect();
        check(
            &all_locked,
            2000,
            "no unlocked category has an amount to scale, so the total cannot move from 1,060.0 to 2,000.0",
        );
        check(&all_locked, 1060, "");
    }
}
