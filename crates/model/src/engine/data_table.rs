//! The data table: any figure of the projection ([`Metric`]) over a grid of any two
//! levers, as a spreadsheet's two-variable data table does it. Each cell is the
//! scenario with the two levers set to the cell's values by [`Lever::apply`] (every
//! other lever as the scenario has it), projected, and the figure read.
//!
//! Every size is bounded before anything is built: an axis has at most
//! [`MAX_AXIS_VALUES`] values, a table at most [`MAX_CELLS`] cells, and the number of
//! values a typed range and step give is computed with checked decimal arithmetic
//! first, so no typed step makes the table allocate in proportion to it. A cell the
//! engine refuses keeps its refusal; the rest of the table is still computed.

use super::dollars::from_dollars;
use super::error::EngineError;
use super::goal_seek::{Metric, Reading};
use super::lever::Lever;
use super::prepared::Engine;
use super::projection::Projection;
use super::scenario::Scenario;
use super::share::share_from_units;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The most values one axis may have.
pub const MAX_AXIS_VALUES: usize = 25;

/// The most cells a table may have (so at most this many projections per table).
pub const MAX_CELLS: usize = 400;

/// Why an axis cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AxisError {
    /// A value lies outside the lever's range.
    OutOfRange { min: Decimal, max: Decimal },
    /// The last value is below the first.
    Reversed,
    /// The step is not above zero once held to the lever's resolution.
    StepNotPositive { smallest: Decimal },
    /// The range and step (or the list) give more values than an axis may have.
    TooMany { most: usize },
    /// A list with no value.
    Empty,
}

/// Why two axes cannot make a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SpecError {
    /// Both axes vary the same lever.
    SameLever,
    /// The on-time rate and the share late are one lever seen from two sides.
    OnTimeRateAndShareLate,
    /// The axes give more cells than a table may have.
    TooManyCells { most: usize },
}

/// One side of the table: a lever and the values it takes, in order, each within the
/// lever's range and held to its resolution (whole quarters for the delay).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Axis {
    lever: Lever,
    values: Vec<Decimal>,
}

/// `value` held to the lever's resolution, half away from zero (whole numbers for a
/// whole lever, since its resolution is one).
pub fn snap(lever: Lever, value: Decimal) -> Decimal {
    value.round_dp_with_strategy(lever.resolution().scale(), RoundingStrategy::MidpointAwayFromZero).normalize()
}

fn in_range(lever: Lever, value: Decimal) -> Result<Decimal, AxisError> {
    let (min, max) = lever.range();
    let snapped = snap(lever, value);
    if snapped < min || snapped > max {
        return Err(AxisError::OutOfRange { min, max });
    }
    Ok(snapped)
}

impl Axis {
    /// `from`, `from + step`, … up to `to` (included when a step lands on it). The
    /// count is computed, and refused above [`MAX_AXIS_VALUES`], before any value is.
    pub fn range(lever: Lever, from: Decimal, to: Decimal, step: Decimal) -> Result<Axis, AxisError> {
        let (from, to) = (in_range(lever, from)?, in_range(lever, to)?);
        if to < from {
            return Err(AxisError::Reversed);
        }
        let step = snap(lever, step);
        if step <= Decimal::ZERO {
            return Err(AxisError::StepNotPositive { smallest: lever.resolution() });
        }
        let too_many = AxisError::TooMany { most: MAX_AXIS_VALUES };
        let steps = to.checked_sub(from).and_then(|span| span.checked_div(step)).ok_or(too_many.clone())?.floor();
        if steps >= Decimal::from(MAX_AXIS_VALUES) {
            return Err(too_many);
        }
        let count = usize::try_from(steps).map_err(|_| too_many.clone())?.saturating_add(1);
        let mut values = Vec::with_capacity(count);
        for index in 0..count {
            let offset = Decimal::from(index).checked_mul(step).ok_or(too_many.clone())?;
            values.push(snap(lever, from.checked_add(offset).ok_or(too_many.clone())?));
        }
        Ok(Axis { lever, values })
    }

    /// Exactly `values` (a preset's), each checked and held to the lever's resolution.
    pub fn listed(lever: Lever, values: &[Decimal]) -> Result<Axis, AxisError> {
        if values.is_empty() {
            return Err(AxisError::Empty);
        }
        if values.len() > MAX_AXIS_VALUES {
            return Err(AxisError::TooMany { most: MAX_AXIS_VALUES });
        }
        let values = values.iter().map(|value| in_range(lever, *value)).collect::<Result<Vec<_>, _>>()?;
        Ok(Axis { lever, values })
    }

    pub fn lever(&self) -> Lever {
        self.lever
    }

    pub fn values(&self) -> &[Decimal] {
        &self.values
    }

    /// Where `value` is on the axis, if it is one of its values.
    pub fn position(&self, value: Decimal) -> Option<usize> {
        self.values.iter().position(|candidate| *candidate == value)
    }
}

/// What to tabulate: `metric` over `rows` × `columns`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataTableSpec {
    rows: Axis,
    columns: Axis,
    metric: Metric,
}

impl DataTableSpec {
    /// Two axes of different levers (the on-time rate and the share late count as one)
    /// with at most [`MAX_CELLS`] cells between them.
    pub fn new(rows: Axis, columns: Axis, metric: Metric) -> Result<DataTableSpec, SpecError> {
        let slip = [Lever::OnTimeRate, Lever::SlipShare];
        if rows.lever == columns.lever {
            return Err(SpecError::SameLever);
        }
        if slip.contains(&rows.lever) && slip.contains(&columns.lever) {
            return Err(SpecError::OnTimeRateAndShareLate);
        }
        if rows.values.len().saturating_mul(columns.values.len()) > MAX_CELLS {
            return Err(SpecError::TooManyCells { most: MAX_CELLS });
        }
        Ok(DataTableSpec { rows, columns, metric })
    }

    pub fn rows(&self) -> &Axis {
        &self.rows
    }

    pub fn columns(&self) -> &Axis {
        &self.columns
    }

    pub fn metric(&self) -> Metric {
        self.metric
    }

    /// How many cells the table has.
    pub fn cell_count(&self) -> usize {
        self.rows.values.len() * self.columns.values.len()
    }

    /// True when the two levers set both halves of slippage (its share and its delay),
    /// so the scenario's own slippage lever has no effect on any cell.
    pub fn sets_all_slippage(&self) -> bool {
        let levers = [self.rows.lever, self.columns.lever];
        levers.contains(&Lever::SlipQuarters)
            && levers.iter().any(|l| [Lever::OnTimeRate, Lever::SlipShare].contains(l))
    }

    /// The cell of `scenario`'s own settings of the two levers, if both are values of
    /// the axes once held to the levers' resolution (see [`setting`]).
    pub fn scenario_cell(&self, engine: &Engine, scenario: &Scenario) -> Option<(usize, usize)> {
        let at = |axis: &Axis| axis.position(snap(axis.lever, setting(engine, scenario, axis.lever)?));
        let (row, column) = (at(&self.rows)?, at(&self.columns)?);
        Some((row, column))
    }

    /// The figure at `row` × `column`: the scenario with the two levers set, projected,
    /// and the metric read from it exactly ([`Metric::reading`]).
    pub fn cell(
        &self,
        engine: &Engine,
        scenario: &Scenario,
        row: usize,
        column: usize,
    ) -> Result<Reading, EngineError> {
        self.cell_read_by(engine, scenario, row, column, Metric::reading)
    }

    /// [`DataTableSpec::cell`], its figure read by `read`.
    pub fn cell_read_by(
        &self,
        engine: &Engine,
        scenario: &Scenario,
        row: usize,
        column: usize,
        read: ReadCell,
    ) -> Result<Reading, EngineError> {
        let (Some(row_value), Some(column_value)) = (self.rows.values.get(row), self.columns.values.get(column)) else {
            return Err(EngineError::Sensitivity(super::error::SettingError::CellOutsideTable));
        };
        let mut trial = scenario.clone();
        self.rows.lever.apply(engine, &mut trial, *row_value)?;
        self.columns.lever.apply(engine, &mut trial, *column_value)?;
        read(self.metric, &engine.project(&trial)?)
    }
}

/// How a cell's figure is read from its projection: exactly ([`Metric::reading`]), or,
/// in a table a member reads, as the screens show that figure everywhere else. The
/// presentation layer passes its own, so that a year's cash in a cell reads as that
/// year's row of the cash flow's year table, whose parts are rounded to add up.
pub type ReadCell = fn(Metric, &Projection) -> Result<Reading, EngineError>;

/// The value `scenario` gives `lever`, when it sets one a cell could equal: slippage's
/// share and delay only when slippage is on, the ongoing amount and the retention
/// share as set or as the engine has them, the cap only when set, the allocation
/// factor 1 when the categories are not scaled.
pub fn setting(engine: &Engine, scenario: &Scenario, lever: Lever) -> Option<Decimal> {
    let slippage = &scenario.slippage;
    let value = match lever {
        Lever::SlipShare => slippage.enabled.then_some(slippage.share)?,
        Lever::OnTimeRate => slippage.enabled.then(|| Decimal::ONE.checked_sub(slippage.share)).flatten()?,
        Lever::SlipQuarters => slippage.enabled.then_some(Decimal::from(slippage.quarters))?,
        Lever::CostChangePct => scenario.cost_change_pct,
        Lever::OngoingAmount => scenario.ongoing_budget_year.unwrap_or_else(|| from_dollars(engine.ongoing)).millions(),
        Lever::Retention => scenario.retention.unwrap_or_else(|| share_from_units(engine.solved_retention_units)),
        Lever::Cap => scenario.cap.as_ref()?.amount.millions(),
        Lever::AllocationScale => scenario.allocation.scale_to.is_none().then_some(Decimal::ONE)?,
    };
    Some(value)
}

/// A table as far as it is computed: `cells` row by row, each `None` until computed,
/// then the figure or the engine's refusal of that cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataTable {
    spec: DataTableSpec,
    cells: Vec<Option<Result<Reading, EngineError>>>,
    next: usize,
}

impl DataTable {
    /// A table with no cell computed yet.
    pub fn new(spec: DataTableSpec) -> DataTable {
        let cells = vec![None; spec.cell_count()];
        DataTable { spec, cells, next: 0 }
    }

    pub fn spec(&self) -> &DataTableSpec {
        &self.spec
    }

    /// Computes up to `units` more cells (a projection each), row by row, each read
    /// exactly; returns how many it did (zero once every cell is done).
    pub fn compute(&mut self, engine: &Engine, scenario: &Scenario, units: u32) -> u32 {
        self.compute_read_by(engine, scenario, units, Metric::reading)
    }

    /// [`DataTable::compute`], each cell's figure read by `read`.
    pub fn compute_read_by(&mut self, engine: &Engine, scenario: &Scenario, units: u32, read: ReadCell) -> u32 {
        let width = self.spec.columns.values.len().max(1);
        let mut done = 0;
        while done < units && self.next < self.cells.len() {
            let outcome = self.spec.cell_read_by(engine, scenario, self.next / width, self.next % width, read);
            if let Some(slot) = self.cells.get_mut(self.next) {
                *slot = Some(outcome);
            }
            self.next += 1;
            done += 1;
        }
        done
    }

    /// `(cells done, cells in all)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.cells.len())
    }

    /// The cell at `row` × `column`: `None` until computed.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Result<Reading, EngineError>> {
        let width = self.spec.columns.values.len();
        if column >= width {
            return None;
        }
        self.cells.get(row.checked_mul(width)?.checked_add(column)?)?.as_ref()
    }

    /// Every figure computed so far (refusals left out).
    pub fn readings(&self) -> impl Iterator<Item = Reading> + '_ {
        self.cells.iter().filter_map(|cell| cell.as_ref()?.as_ref().ok().copied())
    }
}

/// The whole table at once (the screen computes it a slice at a time instead).
pub fn data_table(engine: &Engine, scenario: &Scenario, spec: DataTableSpec) -> DataTable {
    let mut table = DataTable::new(spec);
    while table.compute(engine, scenario, u32::MAX) > 0 {}
    table
}
