#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! The engine on the paper's own data (`Dataset::paper()`): the baseline must
//! reproduce Annex B, and the calibration report must state the figures the screens
//! explain it with.

mod engine_common;

use blockvote_model::engine::{
    goal_seek, CalibrationStatus, Engine, GoalSeek, GoalSeekError, Lever, Metric, Profile, RetentionSource, Scenario,
};
use blockvote_model::Money;
use engine_common::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&paper()).unwrap_or_else(|error| panic!("the paper must project: {error}")))
}

/// Projects `scenario_json` on the paper's data and checks that every expected line
/// is among the rendered projection's lines (see `engine_common::render`).
#[track_caller]
fn check(scenario_json: &str, expected: &[&str]) {
    let scenario: Scenario =
        serde_json::from_str(scenario_json).unwrap_or_else(|error| panic!("scenario {scenario_json}: {error}"));
    let projection = engine().project(&scenario).unwrap_or_else(|error| panic!("{scenario_json}: {error}"));
    let lines = render(&projection);
    let missing: Vec<&&str> = expected.iter().filter(|line| !lines.iter().any(|have| have == **line)).collect();
    let summary: Vec<&String> = lines.iter().filter(|line| !line.starts_with("project")).collect();
    assert!(missing.is_empty(), "scenario {scenario_json}\nmissing {missing:#?}\nhave {summary:#?}");
}

#[test]
fn baseline_reproduces_annex_b() {
    // 817 + 243 = 1,060, up to the calibration's stated residual of −HK$1.
    check(
        "{}",
        &[
            "year 2018-19 ongoing=817 new=242.999999 total=1059.999999",
            "year 2019-20 ongoing=0 new=923.439367 total=923.439367",
            "year 2020-21 ongoing=0 new=332.750445 total=332.750445",
            "year 2021-22 ongoing=0 new=20.075092 total=20.075092",
            "year 2022-23 ongoing=0 new=8.435097 total=8.435097",
            "end 2022-23 Q1",
        ],
    );
    let projection = engine().project(&Scenario::default()).unwrap_or_else(|error| panic!("{error}"));
    let totals = projection.budget_year_totals;
    assert_eq!(totals.new.format(1), "243.0");
    assert_eq!(totals.total.format(1), "1,060.0");
    assert_eq!(totals.ongoing, m("817"));
    assert_eq!(totals.new.checked_sub(m("243")), Ok(projection.calibration.residual));
    for quarter in projection.quarters.iter().take(4) {
        assert_eq!(quarter.ongoing, m("204.25"), "817 evenly over four quarters");
    }
    assert_eq!(projection.new_projects.count, 254);
    assert_eq!(projection.new_projects.total_budget, m("1527.7"));
    assert_eq!(projection.ongoing.project_count, 541);
    assert_eq!(projection.retention.source, RetentionSource::Solved);
    // Every project's quarters add up to its budget; all years add up to every budget
    // plus the ongoing cohort.
    for project in &projection.projects {
        assert_eq!(Money::checked_sum(project.cash.iter().copied()), Ok(project.budget), "project {}", project.id);
    }
    let all_years = Money::checked_sum(projection.years.iter().map(|year| year.total));
    assert_eq!(all_years, Ok(m("2344.7")));
}

#[test]
fn calibration_report_states_every_profile() {
    let report = engine().calibration();
    assert_eq!(report.status, CalibrationStatus::Solved);
    assert_eq!(report.target, Some(m("243")));
    assert_eq!(report.even, m("839.096903"));
    assert_eq!(report.front_loaded, m("1111.190394"));
    assert_eq!(report.back_loaded, m("567.003232"));
    assert_eq!(report.s_curve, m("836.623203"));
    assert_eq!(report.all_on_completion, m("131.8"));
    assert_eq!(report.retention, d("0.842781882353"));
    // Identical projects step together, so the nearest reachable total is HK$1 off.
    assert_eq!(report.calibrated, m("242.999999"));
    assert_eq!(report.residual, m("-0.000001"));
    assert_eq!(report.calibrated.format(1), "243.0");
    for (profile, expected) in [
        (Profile::Calibrated, "242.999999"),
        (Profile::Even, "839.096903"),
        (Profile::FrontLoaded, "1111.190394"),
        (Profile::BackLoaded, "567.003232"),
        (Profile::SCurve, "836.623203"),
    ] {
        let json = format!(r#"{{"default_profile":"{}"}}"#, profile.key());
        let line = format!(
            "year 2018-19 ongoing=817 new={expected} total={}",
            plain(m(expected).checked_add(m("817")).unwrap_or_default())
        );
        check(&json, &[&line]);
    }
}

#[test]
fn paper_routes_and_categories() {
    // Every project is within the block allocation, including the two printed as
    // HK$0.2M (see the delegation module for why a budget at the floor stays there).
    check(
        "{}",
        &[
            "route finance_committee count=0 total=0",
            "route block_allocation count=254 total=1527.7",
            "route department count=0 total=0",
            "category 1 amount=238 locked=false vs-prior=36 pct=17.8 vs-paper=0",
            "category 6 amount=50 locked=false vs-prior=3 pct=6.4 vs-paper=0",
            "categories total=1060 vs-prior=70 surplus=0.000001",
        ],
    );
    // A 5 % cost rise pushes every project of HK$9.6M or more over the HK$10M
    // ceiling (9.6 × 1.05 = 10.08; 9.5 × 1.05 = 9.975).
    let projection = engine()
        .project(&Scenario { cost_change_pct: d("5"), ..Scenario::default() })
        .unwrap_or_else(|error| panic!("{error}"));
    let to_finance_committee = projection.delegation.changed.iter().filter(|change| change.budget > m("10")).count();
    let projects_over = projection.projects.iter().filter(|project| project.paper_budget >= m("9.6")).count();
    assert_eq!(to_finance_committee, projects_over);
    assert!(to_finance_committee > 50, "{to_finance_committee}");
}

#[test]
fn para5_slippage_and_the_cap_on_paper_data() {
    check(r#"{"slippage":{"enabled":true}}"#, &["year 2018-19 ongoing=817 new=211.032388 total=1028.032388"]);
    check(
        r#"{"cap":{"amount":"1000","rule":"largest_budget_year_cash_first"}}"#,
        &[
            "cap met before=1059.999999 after=995.299999 deferred=[22,156,50,124,91,199,249]",
            "cap year 2018-19 change=-64.7",
            "cap year 2019-20 change=64.7",
        ],
    );
    check(r#"{"cap":{"amount":"800"}}"#, &["cap infeasible before=1059.999999 minimum=817"]);
}

#[test]
fn goal_seek_on_paper_data() {
    let solve = |lever, metric, target: &str| {
        goal_seek(engine(), &Scenario::default(), &GoalSeek { lever, metric, target: m(target) })
    };
    let slip = solve(Lever::SlipShare, Metric::BudgetYearTotal, "1040").unwrap_or_else(|error| panic!("{error}"));
    assert_eq!((slip.value, slip.achieved), (d("0.20556528"), m("1040")));
    let scale =
        solve(Lever::AllocationScale, Metric::AllocationTotal, "1000").unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(scale.achieved, m("1000"));
    let cost = solve(Lever::CostChangePct, Metric::TotalBudget, "1680").unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(cost.achieved.format(1), "1,680.0");
    assert_eq!(
        solve(Lever::SlipShare, Metric::BudgetYearTotal, "500"),
        Err(GoalSeekError::Unreachable { lowest: m("962.707095"), highest: m("1059.999999") })
    );
}

#[test]
fn preparing_and_projecting_are_deterministic() {
    let dataset = paper();
    let first = blockvote_model::engine::project(&dataset, &Scenario::default());
    let second = blockvote_model::engine::project(&dataset, &Scenario::default());
    assert_eq!(first, second);
}
