//! blockvote's pure model: the paper's data, exact money, fiscal quarters, and the
//! what-if engine that turns a scenario into a projection.
//!
//! This crate knows nothing of the browser, Leptos, storage, clocks or entropy: every
//! effect (time, randomness seeds, persistence), and the Unicode normaliser
//! ([`nfc::Normalizer`]), is passed in by the caller. Its
//! Cargo.toml is the proof.

pub mod dataset;
pub mod engine;
pub mod entry;
pub mod exports;
pub mod findings;
pub mod known;
pub mod link;
pub mod load;
pub mod money;
pub mod nfc;
pub mod offline;
pub mod order;
mod paper_data;
pub mod quarter;
pub mod saved;
pub mod text;
pub mod themes;

pub use dataset::{Category, Cohort, CohortId, Dataset, Department, Fact, Facts, Project, ProjectsOrigin};
pub use money::{Money, MoneyError};
pub use quarter::{FiscalQuarter, FiscalYear, QuarterError};
pub use themes::{Theme, ThemeSource};
