//! Per screen, the figures it shows as plain data with public fields: rows, series,
//! totals rounded to add up, provenance marks, and the screen's own sentences in both
//! languages. The shell's `src/screens/<name>/` draws exactly what these return.

pub mod allocation;
pub mod brief;
pub mod cashflow;
pub mod departments;
pub mod distribution;
pub mod overview;
pub mod presenter;
pub mod projects;
pub mod risk;
pub mod scenarios;
pub mod sentence;
pub mod sorting;
pub mod thresholds;

use crate::lang::{l, Label};
use blockvote_model::engine::{Edit, Scenario};

/// The note of a screen that counts Annex C's budgets as printed (Departments, Budget
/// distribution) while the scenario changes budgets or leaves projects out: said, so
/// that the paper's totals there are not read as the scenario's. `None` while the
/// scenario changes neither (a deferral, say, moves cash, not budgets).
pub fn budgets_as_printed_note(scenario: &Scenario) -> Option<Label> {
    let changes_budgets = |edit: &Edit| edit.budget.is_some() || edit.exclude == Some(true);
    let changed = !scenario.cost_change_pct.is_zero()
        || scenario.projects.iter().any(|p| changes_budgets(&p.edit))
        || scenario.groups.iter().any(|g| changes_budgets(&g.edit));
    changed.then_some(BUDGETS_AS_PRINTED)
}

const BUDGETS_AS_PRINTED: Label = l(
    "此畫面按附件 C 所載的預算計算：你的情景中的成本變動、預算修改及剔除的項目不在此套用（項目畫面會顯示它們的影響）。",
    "This screen counts Annex C's budgets as printed: your scenario's cost change, budget edits and exclusions are not applied here (the Projects screen shows them).",
);

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::link::decode_link;

    /// A link's scenario → whether the note is said.
    #[track_caller]
    fn check(link: &str, said: bool) {
        let scenario = decode_link(link).0.scenario;
        assert_eq!(budgets_as_printed_note(&scenario).is_some(), said, "{link}");
    }

    #[test]
    fn the_budgets_as_printed_are_said_only_under_a_scenario_that_changes_them() {
        check("#", false);
        check("#p=17:d2&g=all:e1&slip=0.5&delay=2&cap=900&ceiling=20", false);
        check("#cost=10", true);
        check("#cost=0", false);
        check("#p=5:b3.333333", true);
        check("#p=17:x", true);
        check("#g=theme.it_security:x", true);
        check("#g=all:b1000", true);
        check("#p=17:i", false);
    }
}
