//! The what-if engine: a [`Scenario`] (the user's levers) applied to a [`Dataset`]
//! gives a [`Projection`] (every figure the screens show). Pure and deterministic:
//! no clock, no global randomness, no I/O.
//!
//! # How to use
//!
//! ```
//! use blockvote_model::Dataset;
//! use blockvote_model::engine::{Engine, Profile, Scenario};
//!
//! let dataset = Dataset::paper().expect("the paper's data loads");
//! // Prepare once per dataset (checks the data, solves the calibration)…
//! let engine = Engine::new(&dataset)?;
//! // …then project on every change of the levers (well under a millisecond).
//! let baseline = engine.project(&Scenario::default())?;
//! assert_eq!(baseline.budget_year_totals.total.format(1), "1,060.0");
//! assert_eq!(baseline.budget_year_totals.new.format(1), "243.0");
//!
//! // Para 5's lateness as an expected value: 69 of 210 projects one quarter late.
//! let mut scenario = Scenario::default();
//! scenario.slippage.enabled = true;
//! let late = engine.project(&scenario)?;
//! assert!(late.budget_year_totals.new < baseline.budget_year_totals.new);
//!
//! // Scenarios are plain serde data; partial JSON loads with baseline defaults.
//! let scenario: Scenario = serde_json::from_str(
//!     r#"{"default_profile":"even","groups":[{"select":{"by":"theme","theme":"technology_refresh"},
//!         "edit":{"defer_quarters":1}}]}"#,
//! ).expect("valid scenario JSON");
//! assert_eq!(scenario.default_profile, Profile::Even);
//! let projection = engine.project(&scenario)?;
//! println!("2018-19 needs {} HK$M", projection.budget_year_totals.total);
//! # Ok::<(), blockvote_model::engine::EngineError>(())
//! ```
//!
//! # Stages and their rules
//!
//! 1. **Levers** ([`scenario`]): checked against documented ranges; out of range is a
//!    [`LeverError`], never a silent clamp (except the two documented clamps: a
//!    project is never moved before the budget year, nor shortened below a quarter).
//! 2. **Plans**: per-project and group edits are laid over each other lever by
//!    lever ([`Edit`]); budgets become whole HK$.
//! 3. **Cash** ([`profile`]): each budget is spread over its quarters by its profile
//!    with the one allocation routine ([`apportion`]); slippage mixes in the late
//!    schedule as an expected value.
//! 4. **Cap** ([`cap`]): projects are deferred out of the budget year until the cap
//!    is met, or the cap is reported infeasible.
//! 5. **Totals**: per quarter and per financial year, by cohort; approval routes
//!    ([`delegation`]); Annex A's categories ([`categories`]).
//!
//! # The calibrated default profile
//!
//! An even spread of the 254 new projects would need HK$839.1M in 2018-19; Annex B
//! asks HK$243M. The default profile therefore pays a share `r` of each budget in
//! its completion quarter and spreads the rest evenly; `r` is solved from the paper
//! when the engine is prepared (0.842781882353 for the paper's data, giving
//! HK$242,999,999: HK$1 short, because identical projects round alike and step
//! together; see [`calibration`]). [`Engine::calibration`] and
//! [`Projection::calibration`] carry the figures the screens explain this with.
//!
//! # Tools built on the engine
//!
//! - [`MonteCarlo`] (module [`monte_carlo`]): seeded, chunked simulation of lateness
//!   and cost overruns, with P10/P50/P90 and means per quarter and per year.
//! - [`DeferralProblem`] (module [`fewest_deferrals`]): the fewest projects, and the
//!   least budget, to defer to meet the cash cap, exact, beside the cap's rules.
//! - [`goal_seek()`] (module [`mod@goal_seek`]): the value of one [`Lever`] that
//!   makes a [`Metric`] reach a target, or why none does.
//! - [`one_way`], [`two_way`] and [`tornado`] (module [`sensitivity`]): the budget
//!   year's cash need as levers vary.
//! - [`bridge()`] (module [`mod@bridge`]): the change from the paper's 2018-19 total
//!   to the scenario's, split exactly over seven lever groups by Shapley values.
//! - [`data_table()`] (module [`mod@data_table`]): any [`Metric`] over a bounded grid of
//!   any two levers.
//!
//! # Rounding points
//!
//! Amounts are exact [`crate::Money`] throughout; the engine rounds only at:
//! R1 typed amounts become whole HK$ (half away from zero); R2 shares become parts
//! per 10^12 (half away from zero); R3 a budget times the cost change becomes whole
//! HK$ (half away from zero); R4 the allocation routine's largest-remainder split
//! into whole HK$ (or HK$0.1M steps for Annex A's pro-rata scaling); R5 Monte Carlo
//! means and percentiles become whole HK$ ([`monte_carlo`]).
//!
//! # The ongoing cohort
//!
//! Annex B gives the 541 ongoing projects only as one figure for the budget year,
//! HK$817M; the engine spreads it evenly over the budget year's four quarters and,
//! since the paper gives nothing for later years, counts the cohort as zero in every
//! later year. [`Scenario::ongoing_budget_year`] overrides the amount.
//!
//! [`Dataset`]: crate::Dataset

mod apportion;
mod assemble;
pub mod bridge;
pub mod calibration;
pub mod cap;
mod cash;
pub mod categories;
pub mod data_table;
pub mod delegation;
mod dollars;
mod error;
pub mod fewest_deferrals;
pub mod goal_seek;
pub mod lever;
mod lever_checks;
pub mod monte_carlo;
mod plan;
mod prepared;
pub mod profile;
mod projection;
pub mod scenario;
pub mod sensitivity;
mod share;
mod timeline;
mod year_serde;

pub use apportion::{apportion, ApportionError};
pub use bridge::{bridge, bridge_in_order, Bridge, BridgeError, BridgeStep, LeverGroup};
pub use calibration::{CalibrationReport, CalibrationStatus};
pub use cap::{CapDeferral, CapOutcome, YearChange};
pub use categories::{
    scale_pro_rata, AllocationError, AllocationOutcome, CategoryOutcome, CategoryTotals, ScalingOutcome,
    ALLOCATION_STEP,
};
pub use data_table::{data_table, Axis, AxisError, DataTable, DataTableSpec, SpecError, MAX_AXIS_VALUES, MAX_CELLS};
pub use delegation::{route, DelegationOutcome, Route, RouteChange, RouteSummary};
pub use dollars::{DOLLARS_PER_MILLION, MAX_DOLLARS};
pub use error::{DataError, EngineError, LeverError, ScheduleError, SettingError};
pub use fewest_deferrals::{
    ChoiceOutcome, ChosenProject, DeferralChoices, DeferralProblem, DeferralSet, RuleDeferrals, SearchLimits,
};
pub use goal_seek::{goal_seek, GoalSeek, GoalSeekError, GoalSeekResult, Metric, Reading};
pub use lever::Lever;
pub use lever_checks::item_by_id;
pub use monte_carlo::{
    simulate, MonteCarlo, MonteCarloSettings, MonteCarloSummary, OverrunSettings, QuarterStats, RunsAgainst,
    SimulationChoices, SimulationFault, Stats, YearStats, DEFAULT_RUNS, DEFAULT_SEED,
};
pub use prepared::Engine;
pub use profile::{calibrated_weights, Profile};
pub use projection::{
    EngineWarning, NewProjectsSummary, OngoingSummary, ProjectOutcome, Projection, QuarterTotals, RetentionInUse,
    RetentionSource, YearTotals,
};
pub use scenario::{
    para5_late_share, AllocationLevers, CashCap, CategoryEdit, DeferralRule, DelegationLevers, Edit, GroupEdit,
    ProjectEdit, Scenario, Selector, Slippage, MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT,
};
pub use sensitivity::{
    default_tornado, one_way, tornado, tornado_bar, tornado_bar_read_by, two_way, OneWayRow, OneWayTable, Tornado,
    TornadoBar, TornadoSetting, TwoWayTable, MAX_TABLE_VALUES,
};
pub use share::SHARE_SCALE;

/// Applies `scenario` to `dataset`. A convenience for one-off use: it prepares an
/// [`Engine`] (solving the calibration) every time, so code that projects many
/// scenarios should keep an [`Engine`] instead.
pub fn project(dataset: &crate::Dataset, scenario: &Scenario) -> Result<Projection, EngineError> {
    Engine::new(dataset)?.project(scenario)
}
