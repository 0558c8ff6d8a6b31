//! What the brief screen shows, as plain data (being moved here from `src/screens/brief.rs`).
