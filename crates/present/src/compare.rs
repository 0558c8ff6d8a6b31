//! The comparison of saved scenarios against the model baseline and the paper: one model for the Scenarios screen, its CSV and the brief (being written).
