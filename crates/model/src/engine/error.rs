//! What can go wrong in the engine, stage by stage. Every error has a plain-language
//! `Display` the screens can show as it is.

use super::apportion::ApportionError;
use serde::Serialize;
use std::fmt;

/// Any failure of [`crate::engine::project`] or the tools built on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "stage", content = "error")]
pub enum EngineError {
    /// The dataset cannot be projected (checked once, when the engine is prepared).
    Data(DataError),
    /// A lever of the scenario is outside its allowed range.
    Lever(LeverError),
    /// A schedule left the supported range of financial years (1990-91 to 2199-00).
    Schedule(ScheduleError),
    /// An amount could not be split into parts.
    Apportion(ApportionError),
    /// A Monte Carlo setting is outside its allowed range.
    MonteCarlo(SettingError),
    /// A sensitivity request is too large or malformed.
    Sensitivity(SettingError),
    /// A total grew beyond what the engine can count (only reachable with many
    /// projects at the largest accepted budgets).
    Overflow { what: &'static str },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Data(error) => write!(f, "the data cannot be projected: {error}"),
            EngineError::Lever(error) => error.fmt(f),
            EngineError::Schedule(error) => error.fmt(f),
            EngineError::Apportion(error) => error.fmt(f),
            EngineError::MonteCarlo(error) => write!(f, "simulation settings: {error}"),
            EngineError::Sensitivity(error) => write!(f, "sensitivity table: {error}"),
            EngineError::Overflow { what } => write!(f, "{what} is too large to compute"),
        }
    }
}

impl std::error::Error for EngineError {}

impl From<LeverError> for EngineError {
    fn from(error: LeverError) -> Self {
        EngineError::Lever(error)
    }
}

impl From<ScheduleError> for EngineError {
    fn from(error: ScheduleError) -> Self {
        EngineError::Schedule(error)
    }
}

impl From<ApportionError> for EngineError {
    fn from(error: ApportionError) -> Self {
        EngineError::Apportion(error)
    }
}

impl From<DataError> for EngineError {
    fn from(error: DataError) -> Self {
        EngineError::Data(error)
    }
}

/// A problem with the dataset itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DataError {
    /// A project's budget is negative or above HK$1,000,000,000M.
    BudgetOutOfRange { id: u16, budget: String },
    /// A project completes before it starts.
    CompletionBeforeStart { id: u16 },
    /// A project starts before the budget year.
    StartsBeforeBudgetYear { id: u16 },
    /// Two projects share an id.
    DuplicateId { id: u16 },
    /// A category or cohort amount is negative or above HK$1,000,000,000M.
    AmountOutOfRange { what: String, amount: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::BudgetOutOfRange { id, budget } => {
                write!(f, "project {id} has a budget of {budget}, outside 0 to 1,000,000,000 HK$M")
            }
            DataError::CompletionBeforeStart { id } => write!(f, "project {id} completes before it starts"),
            DataError::StartsBeforeBudgetYear { id } => write!(f, "project {id} starts before the budget year"),
            DataError::DuplicateId { id } => write!(f, "two projects have the id {id}"),
            DataError::AmountOutOfRange { what, amount } => {
                write!(f, "{what} is {amount}, outside 0 to 1,000,000,000 HK$M")
            }
        }
    }
}

/// A lever outside its allowed range. `field` names the lever by its path in the
/// scenario's JSON (`groups[3].edit.defer_quarters`), an edit of a project or a
/// category by the id it edits (`projects[id=17].edit.defer_quarters`,
/// [`item_by_id`](super::item_by_id)), so that the member is told which project,
/// not which place in a list they never see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LeverError {
    /// The value is outside `min..=max` (given as text, in the lever's unit).
    OutOfRange { field: String, value: String, min: String, max: String },
    /// The floor is above the ceiling.
    FloorAboveCeiling { floor: String, ceiling: String },
    /// A lever that counts quarters was given a fraction.
    NotWhole { field: String, value: String },
}

impl LeverError {
    pub(crate) fn out_of_range(
        field: impl Into<String>,
        value: impl fmt::Display,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) -> LeverError {
        LeverError::OutOfRange {
            field: field.into(),
            value: value.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        }
    }
}

impl fmt::Display for LeverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeverError::OutOfRange { field, value, min, max } => {
                write!(f, "{field} is {value}; it must be between {min} and {max}")
            }
            LeverError::FloorAboveCeiling { floor, ceiling } => {
                write!(f, "the floor ({floor}) must not be above the ceiling ({ceiling})")
            }
            LeverError::NotWhole { field, value } => write!(f, "{field} is {value}; it must be a whole number"),
        }
    }
}

/// A schedule that left the supported financial years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScheduleError {
    /// Moving this project put a quarter outside 1990-91 to 2199-00.
    OutOfRange { id: u16 },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::OutOfRange { id } => {
                write!(f, "project {id} would move outside the supported years (1990-91 to 2199-00)")
            }
        }
    }
}

/// A setting of a simulation or sensitivity request that cannot be used. Each is a
/// variant, not text, so that the presentation layer words it in either language; the
/// `Display` is the model's own English, for tests and logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingError {
    /// The number of runs is not between 1 and [`crate::engine::monte_carlo::MAX_RUNS`].
    Runs,
    /// The probability that a project is late is not between 0 and 1.
    LateProbability,
    /// Every delay weight is 0, so no delay could ever be drawn.
    NoDelayWeight,
    /// The overrun range's lower end is above its upper end, or the upper end is above
    /// [`crate::engine::monte_carlo::MAX_OVERRUN_PCT`].
    OverrunRange,
    /// The probability of a cost overrun is not between 0 and 1.
    OverrunProbability,
    /// The scenario's amounts are too large for the simulation's integer sums.
    TooLargeToSimulate,
    /// A sensitivity axis (`values`, `rows` or `columns`) has no values or more than
    /// [`crate::engine::sensitivity::MAX_TABLE_VALUES`].
    TableValues { axis: &'static str },
    /// A tornado chart was asked for more than
    /// [`crate::engine::sensitivity::MAX_TABLE_VALUES`] levers.
    TornadoLevers,
    /// A data table's cell was asked for outside its rows or columns.
    CellOutsideTable,
    /// A goal seek was given a count, not an amount, as its target figure.
    CountAsGoal,
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::monte_carlo::{MAX_OVERRUN_PCT, MAX_RUNS};
        use super::sensitivity::MAX_TABLE_VALUES;
        match self {
            SettingError::Runs => write!(f, "runs must be between 1 and {MAX_RUNS}"),
            SettingError::LateProbability => f.write_str("late_probability must be between 0 and 1"),
            SettingError::NoDelayWeight => f.write_str("delay_weights must have at least one positive weight"),
            SettingError::OverrunRange => write!(f, "overrun needs 0 ≤ min_pct ≤ max_pct ≤ {MAX_OVERRUN_PCT}"),
            SettingError::OverrunProbability => f.write_str("overrun.probability must be between 0 and 1"),
            SettingError::TooLargeToSimulate => f.write_str("the scenario has amounts too large to simulate"),
            SettingError::TableValues { axis } => write!(f, "{axis} must have 1 to {MAX_TABLE_VALUES} values"),
            SettingError::TornadoLevers => write!(f, "settings must have at most {MAX_TABLE_VALUES} levers"),
            SettingError::CellOutsideTable => f.write_str("cell is outside the table"),
            SettingError::CountAsGoal => f.write_str("metric a count cannot be a goal seek's target"),
        }
    }
}
