//! Small reusable pieces of UI: validated input fields, source tags.

pub mod fields;
