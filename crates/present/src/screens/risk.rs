//! What the risk screen shows, as plain data (being moved here from `src/screens/risk.rs`).
