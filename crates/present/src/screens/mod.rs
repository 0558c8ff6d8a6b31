//! Per screen, the figures it shows as plain data with public fields: rows, series,
//! totals rounded to add up, provenance marks, and the screen's own sentences in both
//! languages. The shell's `src/screens/<name>/` draws exactly what these return.

pub mod allocation;
pub mod brief;
pub mod cashflow;
pub mod departments;
pub mod distribution;
pub mod overview;
pub mod presenter;
pub mod projects;
pub mod risk;
pub mod scenarios;
pub mod sentence;
pub mod sorting;
pub mod thresholds;
