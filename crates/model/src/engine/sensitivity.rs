//! Sensitivity of the budget year's cash need to the levers: one-variable and
//! two-variable tables, and a tornado chart.
//!
//! Every cell is a full deterministic projection of the scenario with the lever(s)
//! set to the cell's value(s); tables are limited to [`MAX_TABLE_VALUES`] values a
//! side so that the largest table stays within a few hundred milliseconds.

use super::dollars::from_dollars;
use super::error::{EngineError, SettingError};
use super::lever::Lever;
use super::prepared::Engine;
use super::projection::Projection;
use super::scenario::Scenario;
use super::share::share_from_units;
use crate::money::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The most values one side of a table may have.
pub const MAX_TABLE_VALUES: usize = 101;

/// One row of a one-variable table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneWayRow {
    pub value: Decimal,
    /// The budget year's total cash need (ongoing + new).
    pub budget_year_total: Money,
    /// The new projects' part of it.
    pub budget_year_new: Money,
}

/// Lever values and the budget year's cash need at each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneWayTable {
    pub lever: Lever,
    pub rows: Vec<OneWayRow>,
}

/// The budget year's total cash need over a grid of two levers:
/// `cells[r][c]` is at `rows[r]` of `row_lever` and `columns[c]` of `column_lever`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoWayTable {
    pub row_lever: Lever,
    pub column_lever: Lever,
    pub rows: Vec<Decimal>,
    pub columns: Vec<Decimal>,
    pub cells: Vec<Vec<Money>>,
}

/// A lever's low and high setting for the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornadoSetting {
    pub lever: Lever,
    pub low: Decimal,
    pub high: Decimal,
}

/// One bar of the tornado.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornadoBar {
    pub lever: Lever,
    pub low: Decimal,
    pub high: Decimal,
    /// The budget year's total cash need with the lever at `low`, and at `high`.
    pub at_low: Money,
    pub at_high: Money,
    /// `|at_high − at_low|`.
    pub swing: Money,
}

/// Bars sorted by swing, largest first (ties keep the order of the settings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tornado {
    /// The scenario's own budget-year total, the axis of the chart.
    pub base: Money,
    pub bars: Vec<TornadoBar>,
}

fn check_values(axis: &'static str, values: &[Decimal]) -> Result<(), EngineError> {
    if values.is_empty() || values.len() > MAX_TABLE_VALUES {
        return Err(EngineError::Sensitivity(SettingError::TableValues { axis }));
    }
    Ok(())
}

fn projected(
    engine: &Engine,
    scenario: &Scenario,
    settings: &[(Lever, Decimal)],
) -> Result<(Money, Money), EngineError> {
    let mut trial = scenario.clone();
    for (lever, value) in settings {
        lever.apply(engine, &mut trial, *value)?;
    }
    let projection = engine.project(&trial)?;
    Ok((projection.budget_year_totals.total, projection.budget_year_totals.new))
}

/// The budget year's cash need at each value of `lever`.
pub fn one_way(
    engine: &Engine,
    scenario: &Scenario,
    lever: Lever,
    values: &[Decimal],
) -> Result<OneWayTable, EngineError> {
    check_values("values", values)?;
    let mut rows = Vec::with_capacity(values.len());
    for value in values {
        let (budget_year_total, budget_year_new) = projected(engine, scenario, &[(lever, *value)])?;
        rows.push(OneWayRow { value: *value, budget_year_total, budget_year_new });
    }
    Ok(OneWayTable { lever, rows })
}

/// The budget year's total cash need over the grid of `rows` × `columns`, e.g. the
/// on-time rate against the quarters of delay.
pub fn two_way(
    engine: &Engine,
    scenario: &Scenario,
    row_lever: Lever,
    rows: &[Decimal],
    column_lever: Lever,
    columns: &[Decimal],
) -> Result<TwoWayTable, EngineError> {
    check_values("rows", rows)?;
    check_values("columns", columns)?;
    let mut cells = Vec::with_capacity(rows.len());
    for row in rows {
        let mut line = Vec::with_capacity(columns.len());
        for column in columns {
            line.push(projected(engine, scenario, &[(row_lever, *row), (column_lever, *column)])?.0);
        }
        cells.push(line);
    }
    Ok(TwoWayTable { row_lever, column_lever, rows: rows.to_vec(), columns: columns.to_vec(), cells })
}

/// The default tornado settings, each documented with why:
/// - slip share 0 to ½ (all on time, to half late; para 5 saw 69/210 ≈ 0.33 late);
/// - quarters late 1 to 4 (with the scenario's slip share);
/// - cost change −10 % to +10 %;
/// - the ongoing cohort's cash ±10 % of the scenario's (default Annex B's 817);
/// - the retention share ±0.1 around the one in use, kept within `[0, 1]`.
pub fn default_tornado(engine: &Engine, scenario: &Scenario) -> Vec<TornadoSetting> {
    let ongoing = scenario.ongoing_budget_year.unwrap_or_else(|| from_dollars(engine.ongoing)).millions();
    let tenth = Decimal::new(1, 1);
    let retention = scenario.retention.unwrap_or_else(|| share_from_units(engine.solved_retention_units));
    // Checked arithmetic: the scenario's own values are not checked until projected.
    let scaled = |factor: Decimal| ongoing.checked_mul(factor).unwrap_or(ongoing);
    let (retention_low, retention_high) = (
        retention.checked_sub(tenth).unwrap_or(retention).clamp(Decimal::ZERO, Decimal::ONE),
        retention.checked_add(tenth).unwrap_or(retention).clamp(Decimal::ZERO, Decimal::ONE),
    );
    vec![
        TornadoSetting { lever: Lever::SlipShare, low: Decimal::ZERO, high: Decimal::new(5, 1) },
        TornadoSetting { lever: Lever::SlipQuarters, low: Decimal::ONE, high: Decimal::from(4) },
        TornadoSetting { lever: Lever::CostChangePct, low: Decimal::from(-10), high: Decimal::TEN },
        TornadoSetting {
            lever: Lever::OngoingAmount,
            low: scaled(Decimal::new(9, 1)),
            high: scaled(Decimal::new(11, 1)),
        },
        TornadoSetting { lever: Lever::Retention, low: retention_low, high: retention_high },
    ]
}

/// For each setting, the budget year's total at its low and high value, sorted by
/// swing (largest first; ties keep the settings' order).
pub fn tornado(engine: &Engine, scenario: &Scenario, settings: &[TornadoSetting]) -> Result<Tornado, EngineError> {
    if settings.len() > MAX_TABLE_VALUES {
        return Err(EngineError::Sensitivity(SettingError::TornadoLevers));
    }
    let base = engine.project(scenario)?.budget_year_totals.total;
    let bars = settings.iter().map(|setting| tornado_bar(engine, scenario, setting)).collect::<Result<Vec<_>, _>>()?;
    Ok(Tornado::from_bars(base, bars))
}

/// One bar of the tornado: the budget year's total with `setting`'s lever at its low
/// and at its high value. [`tornado`] is [`Tornado::from_bars`] of these; a caller
/// that spreads the work over time computes them one by one.
pub fn tornado_bar(engine: &Engine, scenario: &Scenario, setting: &TornadoSetting) -> Result<TornadoBar, EngineError> {
    tornado_bar_read_by(engine, scenario, setting, |projection| projection.budget_year_totals.total)
}

/// [`tornado_bar`], the budget year's total at each end read by `read`: the
/// presentation layer passes the year as its tables show it, so a bar's ends read as
/// the Cash flow screen's figure for the same scenario.
pub fn tornado_bar_read_by(
    engine: &Engine,
    scenario: &Scenario,
    setting: &TornadoSetting,
    read: fn(&Projection) -> Money,
) -> Result<TornadoBar, EngineError> {
    let at = |value: Decimal| -> Result<Money, EngineError> {
        let mut trial = scenario.clone();
        setting.lever.apply(engine, &mut trial, value)?;
        Ok(read(&engine.project(&trial)?))
    };
    let (at_low, at_high) = (at(setting.low)?, at(setting.high)?);
    let swing = Money::from_millions(
        at_high.checked_sub(at_low).map_err(|_| EngineError::Overflow { what: "a swing" })?.millions().abs(),
    );
    Ok(TornadoBar { lever: setting.lever, low: setting.low, high: setting.high, at_low, at_high, swing })
}

impl Tornado {
    /// The tornado of `bars` around the scenario's own total `base`: the bars sorted by
    /// swing, largest first (a stable sort keeps the settings' order among equal swings).
    pub fn from_bars(base: Money, mut bars: Vec<TornadoBar>) -> Tornado {
        crate::order::sort_by_key(&mut bars, |bar| std::cmp::Reverse(bar.swing));
        Tornado { base, bars }
    }
}
