//! Times blockvote's model on the paper's data with a clock passed in, so that the very
//! same code runs in the browser (wasm32, `performance.now()`) and natively
//! (`std::time::Instant`); `make bench` compares the two.
//!
//! What is timed, each on its own:
//! - `load_paper`: `Dataset::paper()`, parsing and checking the embedded CSV files;
//! - `prepare_engine`: `Engine::new`, which checks the data and solves the calibration;
//! - `project_default` and `project_realistic`: one `Engine::project` of the paper's
//!   baseline and of [`realistic_scenario`] (what one lever change costs the app);
//! - `monte_carlo_10000`: the risk screen's default simulation (seed 710, 10,000 runs,
//!   para 5's lateness, no overruns) of the baseline: `MonteCarlo::with_engine`, every
//!   run and the summary, i.e. the work the screen spreads over its chunks;
//! - `data_table_default` and `data_table_20x20`: a whole data table of the baseline
//!   (`data_table`, every cell a projection), the Risk screen's default (para 5's six
//!   on-time rates × delays of 1 to 4 quarters, the 2018-19 total) and a 20 × 20 one
//!   (cost change −19 % to +19 % by 2 × retention share 0.05 to 1 by 0.05, new
//!   projects' 2018-19 cash): what one recompute of the table costs.
//! - `fewest_deferrals_1000`: the cash-flow screen's search under a HK$1,000M cap on
//!   the baseline (`DeferralProblem::solve`: the fewest projects, the least budget by
//!   the exact search, and every rule's count), what the screen recomputes when the
//!   cap's candidates change; its input (`Engine::deferral_problem`, one schedule) is
//!   about one projection and is not included.
//!
//! Each computation first runs untimed for a while (see [`WARMUP_MS`]). Quick calls are
//! then timed in batches long enough for a coarse clock (browsers round
//! `performance.now()` to between 5 µs and 100 µs), and every figure is the median
//! over the batches of the time per call, so one slow batch (a garbage collection, the
//! other process on a shared core) does not move it.

use blockvote_model::engine::{
    bridge, data_table, para5_late_share, AllocationLevers, Axis, CashCap, CategoryEdit, ChoiceOutcome, DataTableSpec,
    DeferralRule, DelegationLevers, Edit, Engine, EngineError, GroupEdit, Lever, Metric, MonteCarlo, MonteCarloSettings,
    Profile, ProjectEdit, Reading, Scenario, Selector, Slippage,
};
use rust_decimal::Decimal;
use blockvote_model::{Dataset, Money, Theme};
use serde_json::{json, Value};
use std::hint::black_box;

/// How one computation is timed: untimed calls for `warmup_ms` first, then `samples`
/// batches of calls, each batch taking at least `batch_ms` (the batch size is set from
/// the warm-up's time per call).
struct Plan {
    warmup_ms: f64,
    samples: usize,
    batch_ms: f64,
}

/// For quick computations: 41 batches of at least 5 ms each.
const QUICK: Plan = Plan { warmup_ms: WARMUP_MS, samples: 41, batch_ms: 5.0 };

/// For the Monte Carlo: 11 single calls (each takes tens of milliseconds or more).
const SLOW: Plan = Plan { warmup_ms: WARMUP_MS, samples: 11, batch_ms: 0.0 };

/// How long each computation runs untimed before its timing. In the browser, V8 first
/// compiles wasm with its quick baseline compiler and recompiles the functions that
/// turn out hot with its optimising one, in the background; without a warm-up the
/// first samples would time the baseline code. The app itself runs the projection on
/// every change, so the steady state is what a user gets after the first few changes.
const WARMUP_MS: f64 = 300.0;

/// The most calls in one batch, so a clock that reads zero cannot make a batch endless.
const MAX_BATCH: u32 = 10_000;

/// Runs every timing and returns the report as JSON: per computation the median,
/// fastest and slowest time per call in milliseconds and every sample (sorted), and
/// `checks`, figures of the results that must be identical natively and in the browser.
pub fn run(now: &dyn Fn() -> f64) -> Result<Value, String> {
    let dataset = Dataset::paper().map_err(|errors| format!("the paper's data does not load: {errors:?}"))?;
    let engine = Engine::new(&dataset).map_err(describe)?;
    let baseline = Scenario::default();
    let realistic = realistic_scenario();
    let settings = MonteCarloSettings::default();

    // One checked call of each, whose figures go into `checks`; the timed calls below
    // repeat exactly these.
    let default_projection = engine.project(&baseline).map_err(describe)?;
    let realistic_projection = engine.project(&realistic).map_err(describe)?;
    let summary = MonteCarlo::with_engine(&engine, &baseline, &settings).map_err(describe)?.finish();
    let paper_total = Money::from_whole_millions(1_060);
    let every_group = Scenario {
        default_profile: Profile::Even,
        ongoing_budget_year: Some(Money::from_whole_millions(800)),
        ..realistic.clone()
    };
    let every_group_bridge = bridge(&engine, &every_group, paper_total).map_err(|error| error.to_string())?;
    let (default_table, large_table) = (default_table_spec()?, large_table_spec()?);
    let default_cells = data_table(&engine, &baseline, default_table.clone());
    let large_cells = data_table(&engine, &baseline, large_table.clone());
    let capped = Scenario {
        cap: Some(CashCap { amount: Money::from_whole_millions(1_000), rule: DeferralRule::LatestStartFirst }),
        ..Scenario::default()
    };
    let problem = engine.deferral_problem(&capped).map_err(describe)?.ok_or("the cap is missing")?;
    let choices = problem.solve().map_err(describe)?;
    let ChoiceOutcome::Found { least_budget, fewest, .. } = &choices.outcome else {
        return Err("the cap of HK$1,000M should be met by deferring".to_string());
    };

    let load_paper = time(now, &QUICK, || black_box(Dataset::paper()).is_ok());
    let prepare_engine = time(now, &QUICK, || black_box(Engine::new(black_box(&dataset))).is_ok());
    let project_default = time(now, &QUICK, || black_box(engine.project(black_box(&baseline))).is_ok());
    let project_realistic = time(now, &QUICK, || black_box(engine.project(black_box(&realistic))).is_ok());
    let bridge_all_groups =
        time(now, &SLOW, || black_box(bridge(&engine, black_box(&every_group), paper_total)).is_ok());
    let monte_carlo = time(now, &SLOW, || {
        MonteCarlo::with_engine(&engine, black_box(&baseline), black_box(&settings))
            .map(|mut simulation| black_box(simulation.finish()))
            .is_ok()
    });

    let table_default = time(now, &QUICK, || {
        black_box(data_table(&engine, black_box(&baseline), default_table.clone())).readings().count() == 24
    });
    let table_large = time(now, &SLOW, || {
        black_box(data_table(&engine, black_box(&baseline), large_table.clone())).readings().count() == 400
    });
    let fewest_deferrals = time(now, &QUICK, || black_box(problem.solve()).is_ok());

    Ok(json!({
        "load_paper": load_paper,
        "prepare_engine": prepare_engine,
        "project_default": project_default,
        "project_realistic": project_realistic,
        "monte_carlo_10000": monte_carlo,
        "bridge_all_groups": bridge_all_groups,
        "data_table_default": table_default,
        "data_table_20x20": table_large,
        "fewest_deferrals_1000": fewest_deferrals,
        "checks": {
            "data_table_default_para5_cell": reading_text(default_cells.cell(2, 0)),
            "data_table_20x20_last_cell": reading_text(large_cells.cell(19, 19)),
            "default_budget_year_total": default_projection.budget_year_totals.total.format(6),
            "realistic_budget_year_total": realistic_projection.budget_year_totals.total.format(6),
            "realistic_budget_year_new": realistic_projection.budget_year_totals.new.format(6),
            "bridge_all_groups_projections": every_group_bridge.projections,
            "bridge_all_groups_steps": every_group_bridge
                .steps
                .iter()
                .map(|step| format!("{}={}", step.group.key(), step.amount.format(6)))
                .collect::<Vec<_>>()
                .join(" "),
            "monte_carlo_seed": summary.seed,
            "monte_carlo_runs": summary.runs_done,
            "monte_carlo_budget_year_p10": summary.budget_year_total.p10.format(6),
            "monte_carlo_budget_year_p50": summary.budget_year_total.p50.format(6),
            "monte_carlo_budget_year_p90": summary.budget_year_total.p90.format(6),
            "monte_carlo_mean_late_projects": summary.mean_late_projects.to_string(),
            "fewest_deferrals_count": fewest.projects.len(),
            "least_budget_deferrals": least_budget.budget.format(6),
            "least_budget_deferrals_count": least_budget.projects.len(),
            "least_budget_deferrals_proven": least_budget.proven,
        },
    }))
}

/// A scenario of the kind a member's staff might build before a meeting, touching
/// every stage of the engine: a 10 % cost rise, two quarters of para 5 slippage, group
/// edits by theme and by department, single-project edits (exclude, defer, extend,
/// a new budget, another profile), Annex A edited and scaled to HK$1,000M, the
/// ceiling raised to HK$20M, and a 2018-19 cash cap that defers projects.
pub fn realistic_scenario() -> Scenario {
    Scenario {
        cost_change_pct: 10.into(),
        slippage: Slippage { enabled: true, quarters: 2, ..Slippage::default() },
        groups: vec![
            GroupEdit {
                select: Selector::Theme { theme: Theme::TechnologyRefresh },
                edit: Edit { defer_quarters: Some(1), ..Edit::default() },
            },
            GroupEdit {
                select: Selector::Department { index: 0 },
                edit: Edit { profile: Some(Profile::SCurve), ..Edit::default() },
            },
        ],
        projects: vec![
            ProjectEdit { id: 1, edit: Edit { exclude: Some(true), ..Edit::default() } },
            ProjectEdit { id: 3, edit: Edit { budget: Some(Money::from_thousands(8_500)), ..Edit::default() } },
            ProjectEdit {
                id: 5,
                edit: Edit { extend_quarters: Some(2), profile: Some(Profile::Even), ..Edit::default() },
            },
            ProjectEdit { id: 17, edit: Edit { defer_quarters: Some(4), ..Edit::default() } },
        ],
        allocation: AllocationLevers {
            categories: vec![CategoryEdit { id: 1, amount: Some(Money::from_whole_millions(300)), locked: true }],
            scale_to: Some(Money::from_whole_millions(1_000)),
        },
        delegation: DelegationLevers { ceiling: Some(Money::from_whole_millions(20)), floor: None },
        cap: Some(CashCap { amount: Money::from_whole_millions(980), rule: DeferralRule::LargestBudgetYearCashFirst }),
        ..Scenario::default()
    }
}

/// The Risk screen's default data table: para 5's on-time rates (141/210 among them)
/// × one to four quarters late → the 2018-19 total.
fn default_table_spec() -> Result<DataTableSpec, String> {
    let rates = [
        Decimal::new(5, 1),
        Decimal::new(6, 1),
        Decimal::ONE - para5_late_share(),
        Decimal::new(8, 1),
        Decimal::new(9, 1),
        Decimal::ONE,
    ];
    let delays: Vec<Decimal> = (1..=4).map(Decimal::from).collect();
    let rows = Axis::listed(Lever::OnTimeRate, &rates).map_err(|e| format!("{e:?}"))?;
    let columns = Axis::listed(Lever::SlipQuarters, &delays).map_err(|e| format!("{e:?}"))?;
    DataTableSpec::new(rows, columns, Metric::BudgetYearTotal).map_err(|e| format!("{e:?}"))
}

/// A 20 × 20 table: cost change −19 % to +19 % by 2 × retention 0.05 to 1 by 0.05.
fn large_table_spec() -> Result<DataTableSpec, String> {
    let rows = Axis::range(Lever::CostChangePct, Decimal::from(-19), Decimal::from(19), Decimal::TWO)
        .map_err(|e| format!("{e:?}"))?;
    let columns = Axis::range(Lever::Retention, Decimal::new(5, 2), Decimal::ONE, Decimal::new(5, 2))
        .map_err(|e| format!("{e:?}"))?;
    DataTableSpec::new(rows, columns, Metric::BudgetYearNew).map_err(|e| format!("{e:?}"))
}

/// A cell's figure for `checks`, exact.
fn reading_text(cell: Option<&Result<Reading, EngineError>>) -> String {
    match cell {
        Some(Ok(Reading::Amount(amount))) => amount.format(6),
        Some(Ok(Reading::Count(count))) => count.to_string(),
        Some(Err(error)) => describe(error.clone()),
        None => "missing".to_string(),
    }
}

fn describe(error: EngineError) -> String {
    format!("the engine refused: {error}")
}

/// Times `call` by `plan` and reports milliseconds per call. `call` returns whether it
/// succeeded; a failure in a timed or warm-up call (which the checked calls above rule
/// out) is counted and reported rather than hidden.
fn time(now: &dyn Fn() -> f64, plan: &Plan, mut call: impl FnMut() -> bool) -> Value {
    let mut failures = 0_u32;
    let mut warmup_calls = 0_u32;
    let start = now();
    let mut elapsed = 0.0;
    while warmup_calls == 0 || (elapsed < plan.warmup_ms && warmup_calls < MAX_BATCH) {
        failures += u32::from(!call());
        warmup_calls += 1;
        elapsed = now() - start;
    }
    let batch = if plan.batch_ms <= 0.0 {
        1
    } else {
        let per_call = elapsed / f64::from(warmup_calls);
        let calls = (plan.batch_ms / per_call.max(1e-3)).ceil();
        if calls >= f64::from(MAX_BATCH) {
            MAX_BATCH
        } else {
            (calls as u32).max(1)
        }
    };
    let mut per_call: Vec<f64> = Vec::with_capacity(plan.samples);
    for _ in 0..plan.samples {
        let start = now();
        for _ in 0..batch {
            failures += u32::from(!call());
        }
        per_call.push((now() - start) / f64::from(batch));
    }
    per_call.sort_by(f64::total_cmp);
    let (median_ms, min_ms, max_ms) = (
        median(&per_call),
        per_call.first().copied().unwrap_or(f64::NAN),
        per_call.last().copied().unwrap_or(f64::NAN),
    );
    json!({
        "median_ms": median_ms,
        "min_ms": min_ms,
        "max_ms": max_ms,
        "samples": plan.samples,
        "samples_ms": per_call,
        "calls_per_sample": batch,
        "warmup_calls": warmup_calls,
        "failures": failures,
    })
}

/// The median of sorted values (the mean of the middle two for an even count).
fn median(sorted: &[f64]) -> f64 {
    let middle = sorted.len() / 2;
    match (sorted.len() % 2, sorted.get(middle), middle.checked_sub(1).and_then(|i| sorted.get(i))) {
        (1, Some(value), _) => *value,
        (0, Some(high), Some(low)) => (low + high) / 2.0,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::CapOutcome;

    #[test]
    fn the_realistic_scenario_projects_and_differs_from_the_paper() {
        let dataset = Dataset::paper().unwrap_or_else(|errors| panic!("{errors:?}"));
        let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
        let baseline = engine.project(&Scenario::default()).unwrap_or_else(|error| panic!("{error}"));
        let realistic = engine.project(&realistic_scenario()).unwrap_or_else(|error| panic!("{error}"));
        assert_ne!(realistic.budget_year_totals.total, baseline.budget_year_totals.total);
        // The cap binds, so the timing includes the cap's deferral loop.
        assert!(realistic.budget_year_totals.total <= Money::from_whole_millions(980));
        assert!(
            matches!(&realistic.cap, Some(CapOutcome::Met { deferred, .. }) if !deferred.is_empty()),
            "{:?}",
            realistic.cap
        );
    }

    #[test]
    fn the_timed_tables_have_24_and_400_cells() {
        let dataset = Dataset::paper().unwrap_or_else(|errors| panic!("{errors:?}"));
        let engine = Engine::new(&dataset).unwrap_or_else(|error| panic!("{error}"));
        let default = default_table_spec().unwrap_or_else(|error| panic!("{error}"));
        let large = large_table_spec().unwrap_or_else(|error| panic!("{error}"));
        assert_eq!((default.cell_count(), large.cell_count()), (24, 400));
        let table = data_table(&engine, &Scenario::default(), large);
        assert_eq!(table.readings().count(), 400);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
        assert!(median(&[]).is_nan());
    }
}
