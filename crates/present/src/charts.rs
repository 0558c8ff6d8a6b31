//! The data a chart draws, as plain values: the presentation layer builds them (with
//! every name and description in the reader's language, and every figure already
//! rounded as the tables round it); the shell's `src/charts/` turns them into SVG.
//! Chart geometry is the only place `f64` meets money (`Money::to_f64_for_geometry`).

use blockvote_model::Money;

/// One series of values, one per group.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Money>,
}

/// One column's stacked segments, bottom first.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub segments: Vec<Money>,
}

/// A quarter's columns and optional whisker.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterColumns {
    /// The axis label (e.g. `18-19 Q1`).
    pub label: String,
    /// The accessible description of the whole quarter.
    pub description: String,
    pub columns: Vec<Column>,
    /// (low, high) drawn as a whisker over the last column.
    pub range: Option<(Money, Money)>,
}

/// One bar: the half-open range it covers on the x axis (geometry only) and the texts
/// a person reads.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramBin {
    /// Left edge on the x axis (for geometry only).
    pub lo: f64,
    /// Right edge on the x axis (for geometry only).
    pub hi: f64,
    pub count: usize,
    /// The full description, e.g. `HK$9.5M – 10.0M: 59 projects`; used for the
    /// accessible name, the tooltip and the read-out.
    pub label: String,
}

/// A vertical line marking a value on the x axis, e.g. a threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramMarker {
    pub at: f64,
    pub label: String,
    /// Writes the label to the left of the line instead of to the right (for a line
    /// near the right edge).
    pub label_left: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    pub name: String,
    pub points: Vec<Money>,
}

/// One lever's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The lever's name, e.g. `Share of projects late`.
    pub name: String,
    /// The two settings in short, e.g. `0% → 50%`, printed under the name.
    pub settings: String,
    /// The figure with the lever at its low setting, and at its high setting.
    pub at_low: Money,
    pub at_high: Money,
    /// The full accessible description of the row.
    pub description: String,
}
