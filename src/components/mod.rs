//! Small reusable pieces of UI: validated input fields, source tags, focus handling.

pub mod fields;
pub mod focus;
