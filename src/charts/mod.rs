//! Charts drawn as plain, accessible SVG written here: no chart library, no canvas, so
//! every chart prints, scales and can be read by a screen reader.

pub mod bars;
pub mod columns;
pub mod histogram;
pub mod lines;
pub mod tornado;
