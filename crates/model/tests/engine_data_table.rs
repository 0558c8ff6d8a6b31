#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! The data table on the paper's data: axes from a range and a step (bounded before
//! anything is built, snapped to each lever's resolution), the pairs of levers it
//! refuses, cells equal to the two-way table and to projecting the levers by hand,
//! refused cells kept as refusals, every metric, and the scenario's own cell.

mod engine_common;

use blockvote_model::engine::{
    data_table, two_way, Axis, AxisError, DataTableSpec, Engine, Lever, Metric, Reading, Scenario, SpecError,
    MAX_AXIS_VALUES, MAX_CELLS,
};
use blockvote_model::{Dataset, Money};
use engine_common::*;
use rust_decimal::Decimal;

fn engine() -> Engine {
    Engine::new(&Dataset::paper().unwrap_or_else(|errors| panic!("{errors:?}"))).unwrap_or_else(|e| panic!("{e}"))
}

/// The values of the axis `from`..`to` by `step` of `lever`, or the refusal.
#[track_caller]
fn check_axis(lever: Lever, from: &str, to: &str, step: &str, expected: Result<&str, AxisError>) {
    let outcome = Axis::range(lever, d(from), d(to), d(step))
        .map(|axis| axis.values().iter().map(Decimal::to_string).collect::<Vec<_>>().join(" "));
    assert_eq!(outcome.as_deref().map_err(Clone::clone), expected, "{lever:?} {from}..{to} by {step}");
}

#[test]
fn an_axis_is_counted_before_it_is_built_and_snapped_to_the_lever() {
    check_axis(Lever::SlipQuarters, "1", "4", "1", Ok("1 2 3 4"));
    check_axis(Lever::SlipShare, "0", "0.5", "0.1", Ok("0 0.1 0.2 0.3 0.4 0.5"));
    // The last value is included only when a step lands on it.
    check_axis(Lever::CostChangePct, "-10", "10", "7", Ok("-10 -3 4"));
    // Whole quarters: typed fractions snap to the nearest whole number.
    check_axis(Lever::SlipQuarters, "0.6", "2.4", "1.2", Ok("1 2"));
    // Shares are held to 10^-12.
    check_axis(Lever::Retention, "0.50000000000049", "0.5", "1", Ok("0.5"));
    check_axis(Lever::Cap, "1000", "1000", "5", Ok("1000"));
    // 0 to 1 by 0.04 is 26 values, one too many; by 0.05, 21.
    check_axis(Lever::SlipShare, "0", "1", "0.04", Err(AxisError::TooMany { most: MAX_AXIS_VALUES }));
    check_axis(Lever::SlipShare, "0", "0.1", "0.005", Ok("0 0.005 0.01 0.015 0.02 0.025 0.03 0.035 0.04 0.045 0.05 0.055 0.06 0.065 0.07 0.075 0.08 0.085 0.09 0.095 0.1"));
    check_axis(Lever::SlipShare, "0", "1", "0.0000001", Err(AxisError::TooMany { most: MAX_AXIS_VALUES }));
    check_axis(Lever::Cap, "0", "1000000000", "0.000001", Err(AxisError::TooMany { most: MAX_AXIS_VALUES }));
    check_axis(Lever::SlipShare, "0", "1", "0", Err(AxisError::StepNotPositive { smallest: d("0.000000000001") }));
    check_axis(Lever::SlipShare, "0", "1", "-1", Err(AxisError::StepNotPositive { smallest: d("0.000000000001") }));
    check_axis(Lever::SlipQuarters, "0", "4", "0.4", Err(AxisError::StepNotPositive { smallest: d("1") }));
    check_axis(Lever::SlipShare, "0", "1", "1000000000", Ok("0"));
    check_axis(Lever::SlipShare, "0.6", "0.5", "0.1", Err(AxisError::Reversed));
    check_axis(Lever::SlipShare, "0", "1.5", "0.1", Err(AxisError::OutOfRange { min: d("0"), max: d("1") }));
    check_axis(Lever::CostChangePct, "-101", "0", "1", Err(AxisError::OutOfRange { min: d("-100"), max: d("1000") }));
    assert_eq!(Axis::listed(Lever::SlipQuarters, &[]), Err(AxisError::Empty));
    let many = vec![Decimal::ONE; MAX_AXIS_VALUES + 1];
    assert_eq!(Axis::listed(Lever::SlipQuarters, &many), Err(AxisError::TooMany { most: MAX_AXIS_VALUES }));
}

fn axis(lever: Lever, from: &str, to: &str, step: &str) -> Axis {
    Axis::range(lever, d(from), d(to), d(step)).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_table_needs_two_different_levers_and_a_bounded_grid() {
    let spec = |rows: Lever, columns: Lever| {
        DataTableSpec::new(axis(rows, "0", "1", "0.5"), axis(columns, "0", "1", "0.5"), Metric::BudgetYearTotal)
            .map(|spec| spec.cell_count())
    };
    assert_eq!(spec(Lever::Retention, Lever::SlipShare), Ok(9));
    assert_eq!(spec(Lever::Retention, Lever::Retention), Err(SpecError::SameLever));
    assert_eq!(spec(Lever::OnTimeRate, Lever::SlipShare), Err(SpecError::OnTimeRateAndShareLate));
    assert_eq!(spec(Lever::SlipShare, Lever::OnTimeRate), Err(SpecError::OnTimeRateAndShareLate));
    let wide = axis(Lever::CostChangePct, "0", "24", "1");
    let tall = axis(Lever::SlipQuarters, "0", "16", "1");
    assert_eq!(wide.values().len() * tall.values().len(), 425);
    assert_eq!(
        DataTableSpec::new(tall, wide, Metric::BudgetYearTotal),
        Err(SpecError::TooManyCells { most: MAX_CELLS })
    );
}

#[test]
fn the_budget_year_total_table_is_the_two_way_table() {
    let engine = engine();
    let scenario = Scenario { cost_change_pct: Decimal::from(5), ..Scenario::default() };
    let rows = [d("0.5"), d("0.75"), d("1")];
    let columns = [d("1"), d("2"), d("3")];
    let two = two_way(&engine, &scenario, Lever::OnTimeRate, &rows, Lever::SlipQuarters, &columns)
        .unwrap_or_else(|e| panic!("{e}"));
    let spec = DataTableSpec::new(
        Axis::listed(Lever::OnTimeRate, &rows).unwrap_or_else(|e| panic!("{e:?}")),
        Axis::listed(Lever::SlipQuarters, &columns).unwrap_or_else(|e| panic!("{e:?}")),
        Metric::BudgetYearTotal,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(spec.sets_all_slippage());
    let table = data_table(&engine, &scenario, spec);
    assert_eq!(table.progress(), (9, 9));
    for (r, line) in two.cells.iter().enumerate() {
        for (c, amount) in line.iter().enumerate() {
            assert_eq!(table.cell(r, c), Some(&Ok(Reading::Amount(*amount))), "cell {r} {c}");
        }
    }
    assert_eq!(table.cell(0, 3), None, "outside the table");
}

/// The metric at cost change `cost` % and cap `cap` (HK$M) computed by the table and
/// by setting the two levers by hand; `expected` is the table's reading.
#[track_caller]
fn check_metric(metric: Metric, expected: &str) {
    let engine = engine();
    let spec =
        DataTableSpec::new(axis(Lever::CostChangePct, "0", "20", "20"), axis(Lever::Cap, "900", "1000", "100"), metric)
            .unwrap_or_else(|e| panic!("{e:?}"));
    let table = data_table(&engine, &Scenario::default(), spec);
    let mut by_hand = Scenario::default();
    Lever::CostChangePct.apply(&engine, &mut by_hand, d("20")).unwrap_or_else(|e| panic!("{e}"));
    Lever::Cap.apply(&engine, &mut by_hand, d("900")).unwrap_or_else(|e| panic!("{e}"));
    let projection = engine.project(&by_hand).unwrap_or_else(|e| panic!("{e}"));
    let reading = metric.reading(&projection).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.cell(1, 0), Some(&Ok(reading)), "{metric:?}");
    let shown = match reading {
        Reading::Amount(amount) => plain(amount),
        Reading::Count(count) => count.to_string(),
    };
    assert_eq!(shown, expected, "{metric:?}");
}

#[test]
fn every_metric_reads_the_projection_the_levers_give() {
    check_metric(Metric::BudgetYearTotal, "898.579541");
    check_metric(Metric::OngoingBudgetYear, "817");
    check_metric(Metric::OverCeiling, "92");
    // Para 5's new projects cost HK$1,527.7M; 20 % more is HK$1,833.24M, of which the
    // cap leaves HK$81.58M in 2018-19 and the rest falls in later years.
    check_metric(Metric::BeyondBudgetYear, "1751.660459");
    check_metric(Metric::TotalBudget, "1833.24");
}

#[test]
fn a_cost_rise_takes_projects_over_the_ceiling() {
    let engine = engine();
    let spec = DataTableSpec::new(
        axis(Lever::CostChangePct, "0", "10", "5"),
        axis(Lever::Retention, "0.5", "0.5", "1"),
        Metric::OverCeiling,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let table = data_table(&engine, &Scenario::default(), spec);
    let counts: Vec<_> = (0..3).map(|r| table.cell(r, 0).cloned()).collect();
    assert_eq!(counts, [Some(Ok(Reading::Count(0))), Some(Ok(Reading::Count(59))), Some(Ok(Reading::Count(72)))]);
    // Para 2 sets the ceiling at HK$10M and many budgets sit just under it, so a 5 %
    // rise already takes 59 projects over it.
    // Goal seek takes amounts only.
    let projection = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(Metric::OverCeiling.of(&projection).is_err());
    assert_eq!(Metric::OngoingBudgetYear.of(&projection), Ok(Money::from_whole_millions(817)));
}

#[test]
fn a_refused_cell_keeps_its_refusal_and_the_others_are_computed() {
    let engine = engine();
    // The scenario's cost change is out of range: every cell that keeps it is refused,
    // the cells that set the cost change themselves are not.
    let scenario = Scenario { cost_change_pct: Decimal::from(5_000), ..Scenario::default() };
    let refused = DataTableSpec::new(
        axis(Lever::Retention, "0.5", "1", "0.5"),
        axis(Lever::SlipQuarters, "1", "2", "1"),
        Metric::BudgetYearTotal,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let table = data_table(&engine, &scenario, refused);
    assert_eq!(table.progress(), (4, 4));
    assert!(matches!(table.cell(1, 1), Some(Err(_))));
    assert_eq!(table.readings().count(), 0);
    let fine = DataTableSpec::new(
        axis(Lever::CostChangePct, "0", "10", "10"),
        axis(Lever::SlipQuarters, "1", "2", "1"),
        Metric::BudgetYearTotal,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(data_table(&engine, &scenario, fine).readings().count(), 4);
}

#[test]
fn the_scenario_s_own_cell_is_found_where_it_sets_both_levers() {
    let engine = engine();
    let spec = DataTableSpec::new(
        axis(Lever::CostChangePct, "-10", "10", "10"),
        axis(Lever::OngoingAmount, "717", "917", "100"),
        Metric::BudgetYearTotal,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(spec.scenario_cell(&engine, &Scenario::default()), Some((1, 1)));
    let costlier = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
    assert_eq!(spec.scenario_cell(&engine, &costlier), Some((2, 1)));
    let between = Scenario { cost_change_pct: Decimal::from(5), ..Scenario::default() };
    assert_eq!(spec.scenario_cell(&engine, &between), None);
    // Slippage switched off sets neither its share nor its delay.
    let slip = DataTableSpec::new(
        axis(Lever::SlipShare, "0", "1", "0.5"),
        axis(Lever::SlipQuarters, "1", "2", "1"),
        Metric::BudgetYearTotal,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(slip.scenario_cell(&engine, &Scenario::default()), None);
    let mut late = Scenario::default();
    Lever::SlipShare.apply(&engine, &mut late, d("0.5")).unwrap_or_else(|e| panic!("{e}"));
    Lever::SlipQuarters.apply(&engine, &mut late, d("2")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(slip.scenario_cell(&engine, &late), Some((1, 1)));
}
