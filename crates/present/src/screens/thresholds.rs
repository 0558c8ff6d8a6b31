//! What the thresholds screen shows, as plain data (being moved here from `src/screens/thresholds.rs`).
