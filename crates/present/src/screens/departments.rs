//! What the departments screen shows, as plain data (being moved here from `src/screens/departments.rs`).
