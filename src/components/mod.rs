//! Small reusable pieces of UI that draw what the presentation layer decided: number
//! fields, provenance marks, focus handling, and panels more than one screen uses.

pub mod budgets_as_printed;
pub mod dismiss;
pub mod download_button;
pub mod each;
pub mod effect;
pub mod fields;
pub mod file_picker;
pub mod focus;
pub mod marks;
pub mod memo;
pub mod sentence;
pub mod share;
pub mod table_head;
pub mod table_scroll;
pub mod words;
