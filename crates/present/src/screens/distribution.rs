//! What the distribution screen shows, as plain data (being moved here from `src/screens/distribution.rs`).
