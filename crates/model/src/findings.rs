//! Findings a committee member may want to ask about, derived from the data. Each
//! finding carries its figures and the ids of the projects behind it, so the UI can
//! state it and link to those rows; the wording lives in the UI, in both languages.

use crate::dataset::{CohortId, Dataset};
use crate::money::Money;
use crate::quarter::FiscalQuarter;
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
    crate::order::sort_by(&mut departments, |a, b| b.total.cmp(&a.total).then(a.department.cmp(&b.department)));
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

/// "Just under the ceiling", for the split-project finding: a budget of at least this
/// share of the ceiling, in per cent, up to and including the ceiling — HK$9.0M up to
/// HK$10.0M in the paper. Two such projects always add up to more than the ceiling
/// (2 × 90% = 180%), so any two of one department together would have needed the
/// Finance Committee had they been one project. Wider than [`is_near_ceiling`]'s
/// HK$0.5M band on purpose: a split need not land on HK$9.9M.
pub const JUST_UNDER_CEILING_PERCENT: u32 = 90;

/// The lowest budget "just under" `ceiling`: [`JUST_UNDER_CEILING_PERCENT`] of it.
pub fn just_under_ceiling_edge(ceiling: Money) -> Money {
    ceiling.checked_mul(Decimal::from(JUST_UNDER_CEILING_PERCENT) / Decimal::ONE_HUNDRED).unwrap_or(ceiling)
}

/// Whether a budget is just under the ceiling: at least
/// [`JUST_UNDER_CEILING_PERCENT`] of it, and not above it.
pub fn is_just_under_ceiling(budget: Money, ceiling: Money) -> bool {
    budget >= just_under_ceiling_edge(ceiling) && budget <= ceiling
}

/// A project as the split-project finding reads it: its budget and schedule as the
/// scenario has them (the paper's, when nothing is changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CeilingCandidate {
    pub id: u16,
    pub department: usize,
    pub budget: Money,
    pub start: FiscalQuarter,
    pub completion: FiscalQuarter,
}

/// Projects of one department, each just under the ceiling, whose budgets together
/// exceed it: a pattern to ask about (were they one project split in parts?), not a
/// finding that anything was split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SameDepartmentUnderCeiling {
    pub department: usize,
    /// In Annex C's order.
    pub projects: Vec<CeilingCandidate>,
    /// Their budgets' sum, above the ceiling.
    pub combined: Money,
}

/// Every department with two or more projects just under `ceiling` (by
/// [`is_just_under_ceiling`]) whose budgets together exceed it, in the paper's
/// department order. `projects` are those included in the scenario, with the
/// scenario's budgets; `ceiling` is the scenario's (the paper's HK$10M by default).
pub fn same_department_under_ceiling(projects: &[CeilingCandidate], ceiling: Money) -> Vec<SameDepartmentUnderCeiling> {
    // One pass over the projects, then one sort of the few just under the ceiling: a
    // member's data may hold 20,000 projects in 300 departments, and a pass per
    // department made the Brief's drafts take seconds (audit 17).
    let mut under: Vec<CeilingCandidate> =
        projects.iter().filter(|p| is_just_under_ceiling(p.budget, ceiling)).copied().collect();
    crate::order::sort_by_key(&mut under, |p| (p.department, p.id));
    under
        .chunk_by(|a, b| a.department == b.department)
        .filter_map(|group| {
            let combined = Money::checked_sum(group.iter().map(|p| p.budget)).ok()?;
            let department = group.first()?.department;
            (group.len() >= 2 && combined > ceiling).then(|| SameDepartmentUnderCeiling {
                department,
                projects: group.to_vec(),
                combined,
            })
        })
        .collect()
}

/// The paper's projects as candidates, with the paper's budgets and schedules.
pub fn paper_candidates(data: &Dataset) -> Vec<CeilingCandidate> {
    data.projects
        .iter()
        .map(|p| CeilingCandidate {
            id: p.id,
            department: p.department,
            budget: p.budget,
            start: p.start,
            completion: p.completion,
        })
        .collect()
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

    /// The departments (by English name) with projects just under `ceiling`, each
    /// with the ids of those projects and their combined budget.
    #[track_caller]
    fn check_same_department(candidates: &[CeilingCandidate], ceiling: &str, expected: &[(&str, &[u16], &str)]) {
        let data = Dataset::paper().expect("the paper loads");
        let found: Vec<(String, Vec<u16>, Money)> = same_department_under_ceiling(candidates, m(ceiling))
            .into_iter()
            .map(|g| {
                let name = data.departments.get(g.department).map(|d| d.name_en.clone()).unwrap_or_default();
                (name, g.projects.iter().map(|p| p.id).collect(), g.combined)
            })
            .collect();
        let expected: Vec<(String, Vec<u16>, Money)> =
            expected.iter().map(|(name, ids, sum)| (name.to_string(), ids.to_vec(), m(sum))).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn just_under_the_ceiling_is_90_per_cent_of_it_up_to_it() {
        assert_eq!(just_under_ceiling_edge(m("10")), m("9"));
        for (budget, expected) in [("8.99", false), ("9", true), ("9.9", true), ("10", true), ("10.1", false)] {
            assert_eq!(is_just_under_ceiling(m(budget), m("10")), expected, "{budget}");
        }
        assert_eq!(just_under_ceiling_edge(m("5")), m("4.5"));
    }

    #[test]
    fn the_paper_has_20_departments_with_projects_just_under_the_ceiling_that_together_exceed_it() {
        let data = Dataset::paper().expect("the paper loads");
        let groups = same_department_under_ceiling(&paper_candidates(&data), data.ceiling);
        assert_eq!(groups.len(), 20);
        assert_eq!(groups.iter().map(|g| g.projects.len()).sum::<usize>(), 56);
        let justice = groups.iter().find(|g| g.projects.iter().any(|p| p.id == 69)).map(|g| g.combined);
        assert_eq!(justice, Some(m("19.8")));
        let revenue = groups.iter().find(|g| g.projects.iter().any(|p| p.id == 145));
        assert_eq!(revenue.map(|g| (g.projects.len(), g.combined)), Some((7, m("67.5"))));
        let schedule =
            revenue.and_then(|g| g.projects.first()).map(|p| (p.start.to_string(), p.completion.to_string()));
        assert_eq!(schedule, Some(("2018-19 Q1".to_string(), "2019-20 Q1".to_string())));
    }

    #[test]
    fn the_finding_follows_the_scenario_s_ceiling_and_budgets() {
        let data = Dataset::paper().expect("the paper loads");
        let paper = paper_candidates(&data);
        let only =
            |ids: &[u16]| -> Vec<CeilingCandidate> { paper.iter().filter(|p| ids.contains(&p.id)).copied().collect() };
        // Department of Justice: 69 and 70, HK$9.9M each.
        check_same_department(&only(&[69, 70]), "10", &[("Department of Justice", &[69, 70], "19.8")]);
        // One project alone is no pattern.
        check_same_department(&only(&[69]), "10", &[]);
        // Over the ceiling is the Finance Committee's already.
        check_same_department(&only(&[69, 70]), "9.8", &[]);
        // A higher ceiling moves the band: HK$9.9M is not 90% of HK$12M.
        check_same_department(&only(&[69, 70]), "12", &[]);
        // A lower ceiling brings in lower budgets: HK$9.0M and HK$9.4M under HK$9.5M.
        check_same_department(&only(&[143, 144]), "9.5", &[("Information Services Department", &[143, 144], "18.4")]);
        // A scenario budget counts, not the paper's: 70 cut to HK$5M leaves 69 alone.
        let cut: Vec<CeilingCandidate> = only(&[69, 70])
            .into_iter()
            .map(|p| if p.id == 70 { CeilingCandidate { budget: m("5"), ..p } } else { p })
            .collect();
        check_same_department(&cut, "10", &[]);
    }
}
