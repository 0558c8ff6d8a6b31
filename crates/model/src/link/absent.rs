//! The edits a link opened on a dataset names that the data does not have (found by
//! the one check every reader of a scenario uses, [`crate::known::Known`]), as the
//! link's problems: each quoted with the piece of its pair that names it, at most
//! [`MAX_NAMED_ABSENT`] named and the rest counted, so a long link never makes a long
//! notice.

use super::{problem, problem_at, LinkProblem, LinkReason};
use crate::known::{NotInData, MAX_NAMED_ABSENT};

/// What the data does not have, as a link's problem says it: a department by the
/// number the link gives it (`g=dept.N` numbers departments from 1), or by its name
/// as written.
fn reason(what: NotInData) -> LinkReason {
    match what {
        NotInData::Project { id } => LinkReason::NoSuchProject { number: id.to_string() },
        NotInData::Category { id } => LinkReason::NoSuchCategory { number: id.to_string() },
        NotInData::Department { index } => LinkReason::NoSuchDepartment {
            // `index + 1` would overflow at `usize::MAX`.
            number: u128::try_from(index).map_or(u128::MAX, |i| i + 1).to_string(),
        },
        NotInData::DepartmentNamed { name } => LinkReason::NoSuchDepartment { number: name },
        NotInData::MatchesNoProject => LinkReason::MatchesNoProject,
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
    pub(super) fn push(&mut self, key: &str, value: &str, item: &str, what: NotInData) {
        self.push_reason(key, value, item, reason(what));
    }

    /// Names, or counts, the edit `item` for `why`: what the data does not have, said
    /// in the words the link reader found it in (an id past any the data can hold).
    pub(super) fn push_reason(&mut self, key: &str, value: &str, item: &str, why: LinkReason) {
        if self.named.len() < MAX_NAMED_ABSENT {
            self.named.push(problem_at(key, value, item, why));
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// How many edits are named and counted so far, for [`Absent::rewind`].
    pub(super) fn mark(&self) -> (usize, usize) {
        (self.named.len(), self.more)
    }

    /// Forgets the edits named or counted since `mark`: those of a pair refused whole.
    pub(super) fn rewind(&mut self, (named, more): (usize, usize)) {
        self.named.truncate(named);
        self.more = more;
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
