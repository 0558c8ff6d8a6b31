//! What the overview screen shows, as plain data (being moved here from `src/screens/overview.rs`).
