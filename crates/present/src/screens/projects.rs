//! What the projects screen shows, as plain data (being moved here from `src/screens/projects.rs`).
