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
    AllocationLevers, CashCap, CategoryEdit, ChoiceOutcome, DeferralRule, DelegationLevers, Edit, Engine, EngineError, GroupEdit,
    MonteCarlo, MonteCarloSettings, Profile, ProjectEdit, Scenario, Selector, Slippage,
};
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
    let monte_carlo = time(now, &SLOW, || {
        MonteCarlo::with_engine(&engine, black_box(&baseline), black_box(&settings))
            .map(|mut simulation| black_box(simulation.finish()))
            .is_ok()
    });

    let fewest_deferrals = time(now, &QUICK, || black_box(problem.solve()).is_ok());

    Ok(json!({
        "load_paper": load_paper,
        "prepare_engine": prepare_engine,
        "project_default": project_default,
        "project_realistic": project_realistic,
        "monte_carlo_10000": monte_carlo,
        "fewest_deferrals_1000": fewest_deferrals,
        "checks": {
            "default_budget_year_total": default_projection.budget_year_totals.total.format(6),
            "realistic_budget_year_total": realistic_projection.budget_year_totals.total.format(6),
            "realistic_budget_year_new": realistic_projection.budget_year_totals.new.format(6),
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
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
        assert!(median(&[]).is_nan());
    }
}
