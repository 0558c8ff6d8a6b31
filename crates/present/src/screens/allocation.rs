//! What the allocation screen shows, as plain data (being moved here from `src/screens/allocation.rs`).
