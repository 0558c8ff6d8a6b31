//! What the scenarios screen shows, as plain data (being moved here from `src/screens/scenarios.rs`).
