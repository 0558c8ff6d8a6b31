//! The what-if engine (being written).
