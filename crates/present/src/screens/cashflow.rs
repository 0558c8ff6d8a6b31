//! What the cashflow screen shows, as plain data (being moved here from `src/screens/cashflow.rs`).
