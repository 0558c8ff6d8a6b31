//! What the Scenarios screen shows, as plain data: its words, the saved-scenario
//! list's rows with each scenario's key figures, the import and export messages, the
//! offline copy and the project-data import. The comparison is `crate::compare`.
