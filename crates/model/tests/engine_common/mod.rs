//! Shared fixtures of the engine tests: a small hand-built dataset whose figures can
//! be worked out on paper, and helpers to read amounts and quarters.
#![allow(dead_code)]

use blockvote_model::engine::{CapOutcome, Projection};
use blockvote_model::{
    Category, Cohort, CohortId, Dataset, Department, Facts, FiscalQuarter, FiscalYear, Money, Project, Theme,
    ThemeSource,
};
use rust_decimal::Decimal;

pub fn m(text: &str) -> Money {
    Money::parse_millions(text).unwrap_or_else(|error| panic!("test amount {text:?}: {error}"))
}

pub fn q(text: &str) -> FiscalQuarter {
    FiscalQuarter::parse(text).unwrap_or_else(|error| panic!("test quarter {text:?}: {error}"))
}

pub fn d(text: &str) -> Decimal {
    text.parse().unwrap_or_else(|error| panic!("test decimal {text:?}: {error}"))
}

/// An amount as exact HK$ millions without trailing zeros, e.g. `0.9` or `1.333334`.
pub fn plain(money: Money) -> String {
    money.millions().normalize().to_string()
}

pub fn project(id: u16, department: usize, theme: Theme, budget: &str, start: &str, completion: &str) -> Project {
    Project {
        id,
        department,
        name_zh: format!("項目{id}"),
        name_en: format!("Project {id}"),
        budget: m(budget),
        start: q(start),
        completion: q(completion),
        theme,
        theme_source: ThemeSource::Derived { rule: "test".to_string() },
    }
}

/// Five projects of two departments (budget year 2018-19):
///
/// | id | dept | theme | budget | start | completion | quarters (in 2018-19) |
/// | 1 | 甲部門 | e-government | 4.0 | 2018-19 Q1 | 2018-19 Q4 | 4 (4) |
/// | 2 | 甲部門 | technology refresh | 1.2 | 2018-19 Q2 | 2019-20 Q1 | 4 (3) |
/// | 3 | 乙部門 | technology refresh | 10.5 | 2018-19 Q3 | 2019-20 Q4 | 6 (2) |
/// | 4 | 乙部門 | IT security | 0.2 | 2018-19 Q4 | 2018-19 Q4 | 1 (1) |
/// | 5 | 乙部門 | open data | 0 | 2018-19 Q1 | 2018-19 Q2 | 2 (2) |
///
/// Evenly spread the 2018-19 cash is 4.0 + 0.9 + 3.5 + 0.2 + 0 = 8.6; all on
/// completion it is 4.2. Ongoing cohort 10.0; new-cohort target 6.0.
pub fn small_dataset() -> Dataset {
    let department = |order: u16, name: &str| Department {
        order,
        name_zh: name.to_string(),
        name_en: name.to_string(),
        abbrev_en: String::new(),
    };
    let category = |id: u8, proposed: &str, prior: &str| Category {
        id,
        name_zh: format!("類別{id}"),
        name_en: format!("Category {id}"),
        proposed: m(proposed),
        approved_prior: m(prior),
        printed_difference: Money::ZERO,
        printed_difference_pct: Decimal::ZERO,
        source: "test".to_string(),
    };
    let cohort = |id: CohortId, count: u32, cash: &str| Cohort {
        id,
        name_zh: String::new(),
        name_en: String::new(),
        project_count: count,
        cash_budget_year: m(cash),
        source: "test".to_string(),
    };
    Dataset {
        departments: vec![department(1, "甲部門"), department(2, "乙部門")],
        projects: vec![
            project(1, 0, Theme::EGovernment, "4.0", "2018-19 Q1", "2018-19 Q4"),
            project(2, 0, Theme::TechnologyRefresh, "1.2", "2018-19 Q2", "2019-20 Q1"),
            project(3, 1, Theme::TechnologyRefresh, "10.5", "2018-19 Q3", "2019-20 Q4"),
            project(4, 1, Theme::ItSecurity, "0.2", "2018-19 Q4", "2018-19 Q4"),
            project(5, 1, Theme::OpenDataAi, "0", "2018-19 Q1", "2018-19 Q2"),
        ],
        categories: vec![category(1, "8", "7"), category(2, "5", "5"), category(3, "3", "4")],
        cohorts: vec![cohort(CohortId::Ongoing, 3, "10"), cohort(CohortId::New, 5, "6")],
        facts: Facts::default(),
        budget_year: FiscalYear::new(2018).unwrap_or_else(|| panic!("2018 is a supported year")),
        ceiling: m("10"),
        floor: m("0.2"),
        projects_origin: blockvote_model::ProjectsOrigin::Paper,
    }
}

pub fn paper() -> Dataset {
    Dataset::paper().unwrap_or_else(|errors| panic!("the paper's data must load: {errors:?}"))
}

/// The projection as lines of text, one fact per line, for data-driven comparison:
/// `year 2018-19 ongoing=10 new=5.1 total=15.1`, `end 2019-20 Q4`,
/// `project 2 from 2018-19 Q2 [0.3 0.3 0.3 0.3] in-year=0.9 route=block_allocation`.
pub fn render(projection: &Projection) -> Vec<String> {
    let mut lines = Vec::new();
    for year in &projection.years {
        lines.push(format!(
            "year {} ongoing={} new={} total={}",
            year.year,
            plain(year.ongoing),
            plain(year.new),
            plain(year.total)
        ));
    }
    if let Some(last) = projection.quarters.last() {
        lines.push(format!("end {}", last.quarter));
    }
    for project in &projection.projects {
        if !project.included {
            lines.push(format!("project {} excluded", project.id));
            continue;
        }
        let cash: Vec<String> = project.cash.iter().map(|amount| plain(*amount)).collect();
        let route = key(&project.route);
        lines.push(format!(
            "project {} from {} [{}] in-year={} route={}",
            project.id,
            project.cash_start,
            cash.join(" "),
            plain(project.budget_year),
            route
        ));
    }
    for route in &projection.delegation.routes {
        lines.push(format!("route {} count={} total={}", key(&route.route), route.count, plain(route.total)));
    }
    for change in &projection.delegation.changed {
        lines.push(format!("changed {} {}->{}", change.id, key(&change.paper_route), key(&change.route)));
    }
    let allocation = &projection.allocation;
    for category in &allocation.categories {
        let pct = category.change_vs_prior_pct.map_or("none".to_string(), |pct| pct.round_dp(1).to_string());
        lines.push(format!(
            "category {} amount={} locked={} vs-prior={} pct={} vs-paper={}",
            category.id,
            plain(category.amount),
            category.locked,
            plain(category.change_vs_prior),
            pct,
            plain(category.change_vs_paper)
        ));
    }
    lines.push(format!(
        "categories total={} vs-prior={} surplus={}",
        plain(allocation.total.amount),
        plain(allocation.total.change_vs_prior),
        plain(allocation.surplus)
    ));
    if let Some(error) = allocation.scaling.as_ref().and_then(|scaling| scaling.error.as_ref()) {
        lines.push(format!("scaling error: {error}"));
    }
    match &projection.cap {
        Some(CapOutcome::Met { before, after, deferred, years, .. }) => {
            let ids: Vec<String> = deferred.iter().map(|deferral| deferral.id.to_string()).collect();
            lines.push(format!(
                "cap met before={} after={} deferred=[{}]",
                plain(*before),
                plain(*after),
                ids.join(",")
            ));
            for year in years {
                lines.push(format!("cap year {} change={}", year.year, plain(year.change)));
            }
        }
        Some(CapOutcome::Infeasible { before, minimum_reachable, .. }) => {
            lines.push(format!("cap infeasible before={} minimum={}", plain(*before), plain(*minimum_reachable)));
        }
        None => {}
    }
    for warning in &projection.warnings {
        lines.push(format!("warning: {warning}"));
    }
    lines
}

/// A serde enum value's key, e.g. `finance_committee`.
pub fn key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default().replace('"', "")
}
