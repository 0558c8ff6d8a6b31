//! Findings a committee member may want to ask about, derived from the data. Each
//! finding carries its figures and the ids of the projects behind it, so the UI can
//! state it and link to those rows; the wording lives in the UI, in both languages.

use crate::dataset::{CohortId, Dataset};
use crate::money::Money;
use crate::themes::{Theme, ThemeSource};
use rust_decimal::Decimal;

/// How far below the ceiling a budget may be and still count as "near" it: HK$0.5M.
/// See [`is_near_ceiling`] for the one definition every screen uses.
pub const NEAR_CEILING_MARGIN_MILLIONS: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// The lower edge of the band "near the ceiling": `ceiling − HK$0.5M` (HK$9.5M in the
/// paper). The edge itself is not in the band.
pub fn near_ceiling_edge(ceiling: Money) -> Money {
    ceiling.checked_sub(Money::from_millions(NEAR_CEILING_MARGIN_MILLIONS)).unwrap_or(ceiling)
}

/// Whether a budget is near the ceiling: more than HK$0.5M below it is not, the
/// ceiling itself is — above HK$9.5M up to and including HK$10.0M in the paper. This
/// is the last HK$0.5M band of the budget distribution's histogram (bands are open
/// below and closed above), so the Overview's finding, the distribution's sentence and
/// its last bar count the same projects.
pub fn is_near_ceiling(budget: Money, ceiling: Money) -> bool {
    budget > near_ceiling_edge(ceiling) && budget <= ceiling
}
/// Four years: projects lasting this many quarters or more (start to completion,
/// both inclusive) count as long-running.
pub const LONG_PROJECT_QUARTERS: i32 = 16;
/// How many departments the spending ranking lists.
pub const TOP_DEPARTMENTS: usize = 5;

/// A department's share of the new projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentSpend {
    pub department: usize,
    pub projects: usize,
    pub total: Money,
    pub project_ids: Vec<u16>,
}

/// A theme's share of the new projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeShare {
    pub theme: Theme,
    pub projects: usize,
    pub total: Money,
    /// Share of the total budget of all new projects, in per cent (exact).
    pub budget_percent: Decimal,
    /// How many of these projects got their theme from the keyword rule, not para 7.
    pub derived: usize,
    pub project_ids: Vec<u16>,
}

/// Everything the overview's findings show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Findings {
    pub total_budget: Money,
    pub project_count: usize,
    /// Projects at the largest budget below or at the ceiling that any project has
    /// (HK$9.9M in the paper).
    pub at_top_budget: (Money, Vec<u16>),
    /// Projects near the ceiling by [`is_near_ceiling`].
    pub near_ceiling: Vec<u16>,
    pub near_ceiling_total: Money,
    pub top_departments: Vec<DepartmentSpend>,
    pub long_projects: Vec<u16>,
    pub longest_quarters: i32,
    pub themes: Vec<ThemeShare>,
    /// Projects due to complete within the budget year.
    pub completing_in_budget_year: Vec<u16>,
    /// The new cohort's 2018-19 cash (Annex B) as a share of the new projects' total
    /// budget, in per cent: how much of what is approved is spent in the first year.
    pub budget_year_cash_percent: Option<Decimal>,
    /// What the new projects commit beyond 2018-19: total budget less Annex B's cash.
    pub committed_beyond_budget_year: Option<Money>,
    /// Para 5: of the 254 new projects, how many would be late at 2016's on-time rate
    /// (exact, e.g. 254 × 69 / 210 = 83.457…), and how much budget they carry.
    pub expected_late_projects: Option<Decimal>,
    pub expected_late_budget: Option<Money>,
}

pub fn findings(data: &Dataset) -> Findings {
    let total_budget = Money::checked_sum(data.projects.iter().map(|p| p.budget)).unwrap_or(Money::ZERO);
    let project_count = data.projects.len();

    let top = data.projects.iter().map(|p| p.budget).filter(|b| *b <= data.ceiling).max().unwrap_or(Money::ZERO);
    let at_top: Vec<u16> = data.projects.iter().filter(|p| p.budget == top).map(|p| p.id).collect();
    let near: Vec<&crate::dataset::Project> =
        data.projects.iter().filter(|p| is_near_ceiling(p.budget, data.ceiling)).collect();
    let near_ceiling_total = Money::checked_sum(near.iter().map(|p| p.budget)).unwrap_or(Money::ZERO);

    let mut departments: Vec<DepartmentSpend> = (0..data.departments.len())
        .map(|department| {
            let projects: Vec<&crate::dataset::Project> =
                data.projects.iter().filter(|p| p.department == department).collect();
            DepartmentSpend {
                department,
                projects: projects.len(),
                total: Money::checked_sum(projects.iter().map(|p| p.budget)).unwrap_or(Money::ZERO),
                project_ids: projects.iter().map(|p| p.id).collect(),
            }
        })
        .collect();
    // Largest total first; ties keep the paper's department order.
    departments.sort_by(|a, b| b.total.cmp(&a.total).then(a.department.cmp(&b.department)));
    departments.truncate(TOP_DEPARTMENTS);

    let long_projects: Vec<u16> =
        data.projects.iter().filter(|p| p.duration_quarters() >= LONG_PROJECT_QUARTERS).map(|p| p.id).collect();
    let longest_quarters = data.projects.iter().map(|p| p.duration_quarters()).max().unwrap_or(0);

    let themes = Theme::ALL
        .into_iter()
        .map(|theme| {
            let projects: Vec<&crate::dataset::Project> = data.projects.iter().filter(|p| p.theme == theme).collect();
            let total = Money::checked_sum(projects.iter().map(|p| p.budget)).unwrap_or(Money::ZERO);
            ThemeShare {
                theme,
                projects: projects.len(),
                total,
                budget_percent: total
                    .ratio(total_budget)
                    .ok()
                    .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                    .unwrap_or(Decimal::ZERO),
                derived: projects.iter().filter(|p| matches!(p.theme_source, ThemeSource::Derived { .. })).count(),
                project_ids: projects.iter().map(|p| p.id).collect(),
            }
        })
        .collect();

    let completing_in_budget_year: Vec<u16> =
        data.projects.iter().filter(|p| p.completion.year() == data.budget_year).map(|p| p.id).collect();

    let new_cash = data.cohort(CohortId::New).map(|c| c.cash_budget_year);
    let budget_year_cash_percent =
        new_cash.and_then(|cash| cash.ratio(total_budget).ok()).and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED));
    let committed_beyond_budget_year = new_cash.and_then(|cash| total_budget.checked_sub(cash).ok());

    let late_share = match (data.facts.count("para5.schedule.not_met"), data.facts.count("para5.reports")) {
        (Some(late), Some(reports)) if reports > 0 => Some(Decimal::from(late) / Decimal::from(reports)),
        _ => None,
    };
    let expected_late_projects = late_share.and_then(|s| s.checked_mul(Decimal::from(project_count)));
    let expected_late_budget = late_share.and_then(|s| total_budget.checked_mul(s).ok());

    Findings {
        total_budget,
        project_count,
        at_top_budget: (top, at_top),
        near_ceiling: near.iter().map(|p| p.id).collect(),
        near_ceiling_total,
        top_departments: departments,
        long_projects,
        longest_quarters,
        themes,
        completing_in_budget_year,
        budget_year_cash_percent,
        committed_beyond_budget_year,
        expected_late_projects,
        expected_late_budget,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse_millions(text).unwrap_or(Money::ZERO)
    }

    #[track_caller]
    fn check(budget: &str, near: bool) {
        assert_eq!(is_near_ceiling(m(budget), m("10")), near, "{budget}");
    }

    #[test]
    fn near_the_ceiling_is_above_9_5_up_to_10_inclusive() {
        check("9.4", false);
        check("9.5", false);
        check("9.51", true);
        check("9.9", true);
        check("10", true);
        check("10.01", false);
        assert_eq!(near_ceiling_edge(m("10")), m("9.5"));
    }

    #[test]
    fn the_paper_has_35_at_9_9_and_59_near_the_ceiling() {
        let data = Dataset::paper().expect("the paper loads");
        let found = findings(&data);
        assert_eq!((found.at_top_budget.0, found.at_top_budget.1.len()), (m("9.9"), 35));
        assert_eq!(found.near_ceiling.len(), 59);
        assert_eq!(found.near_ceiling_total, m("580.2"));
        assert!(found.at_top_budget.1.iter().all(|id| found.near_ceiling.contains(id)));
    }
}
