//! What a link names that the data shown does not have: a project, a department or a
//! category that is not there, or a group that matches no project.
//!
//! Only a link is checked this way ([`super::decode_link_in`]), when it is opened: a
//! scenario the member builds in the app cannot name what the data does not have, and
//! the same link can be right for a colleague's imported data. Such an edit is still
//! decoded and kept (the engine ignores it, as it warns with `EngineWarning`); the
//! member is told which, and why. At most [`MAX_NAMED_ABSENT`] are named, the rest
//! counted, so a long link never makes a long notice.

use super::{problem, problem_at, LinkProblem, LinkReason};
use crate::dataset::Dataset;
use crate::engine::Selector;
use crate::money::Money;
use crate::themes::Theme;
use std::collections::BTreeSet;

/// The most edits naming what the data does not have that are listed one by one.
pub const MAX_NAMED_ABSENT: usize = 16;

/// What a dataset has, as a link names it: project ids, departments (by position),
/// the departments and themes some project has, and the category ids.
pub(super) struct Known {
    projects: BTreeSet<u16>,
    departments: usize,
    departments_with_projects: BTreeSet<usize>,
    themes_with_projects: BTreeSet<Theme>,
    categories: BTreeSet<u8>,
    /// The data's thresholds, in effect where a link gives none.
    pub(super) ceiling: Money,
    pub(super) floor: Money,
}

impl Known {
    pub(super) fn of(data: &Dataset) -> Known {
        Known {
            projects: crate::order::set_of(data.projects.iter().map(|p| p.id)),
            departments: data.departments.len(),
            departments_with_projects: crate::order::set_of(data.projects.iter().map(|p| p.department)),
            themes_with_projects: crate::order::set_of(data.projects.iter().map(|p| p.theme)),
            categories: crate::order::set_of(data.categories.iter().map(|c| c.id)),
            ceiling: data.ceiling,
            floor: data.floor,
        }
    }

    /// Why an edit of project `id` changes nothing, if it does not.
    pub(super) fn project(&self, id: u16) -> Option<LinkReason> {
        (!self.projects.contains(&id)).then_some(LinkReason::NoSuchProject { id })
    }

    /// Why a group edit by `selector` changes nothing, if it does not: the same rule
    /// as the engine's (`engine/plan.rs`), which warns of the same edits.
    pub(super) fn selector(&self, selector: &Selector) -> Option<LinkReason> {
        match selector {
            Selector::All => self.projects.is_empty().then_some(LinkReason::MatchesNoProject),
            Selector::Theme { theme } => {
                (!self.themes_with_projects.contains(theme)).then_some(LinkReason::MatchesNoProject)
            }
            Selector::Department { index } if *index >= self.departments => Some(LinkReason::NoSuchDepartment {
                // Written as the link numbers departments, from 1 (`index` came from one).
                number: u128::try_from(*index).map_or(u128::MAX, |i| i + 1).to_string(),
            }),
            Selector::Department { index } => {
                (!self.departments_with_projects.contains(index)).then_some(LinkReason::MatchesNoProject)
            }
            // A link never names a department by name (`write` never writes one).
            Selector::DepartmentZh { .. } => None,
        }
    }

    /// Why an edit of category `id` changes nothing, if it does not.
    pub(super) fn category(&self, id: u8) -> Option<LinkReason> {
        (!self.categories.contains(&id)).then_some(LinkReason::NoSuchCategory { id })
    }
}

/// The edits a link names that the data does not have: the first
/// [`MAX_NAMED_ABSENT`] named, the rest counted.
#[derive(Default)]
pub(super) struct Absent {
    named: Vec<LinkProblem>,
    more: usize,
}

impl Absent {
    /// Names the edit `item` of the pair `key=value`, or counts it beyond the first.
    pub(super) fn push(&mut self, key: &str, value: &str, item: &str, reason: LinkReason) {
        if self.named.len() < MAX_NAMED_ABSENT {
            self.named.push(problem_at(key, value, item, reason));
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// The problems, the count of the unnamed last.
    pub(super) fn into_problems(self) -> Vec<LinkProblem> {
        let mut problems = self.named;
        if self.more > 0 {
            problems.push(problem("…", "", LinkReason::MoreNotInData { count: self.more }));
        }
        problems
    }
}
