//! blockvote's presentation layer: everything a member reads, as plain data.
//!
//! The shell (`src/`) draws; this crate decides what is drawn. It holds the app's
//! words in both languages, the figures of every screen with their provenance
//! (paper, model or scenario; see [`provenance`]), the rounding that makes the parts
//! shown add up to the totals shown, the field readers with their bilingual errors,
//! the lever specs, and the app's address (`route`). It depends on the model only:
//! no Leptos, no web-sys, no clock, no storage. Its tests run natively in seconds.

pub mod axis;
pub mod bridge;
pub mod cash;
pub mod charts;
pub mod compare;
pub mod fields;
pub mod format;
pub mod lang;
pub mod levers;
pub mod links;
pub mod paper;
pub mod provenance;
pub mod questions;
pub mod refusal;
pub mod route;
pub mod screens;
pub mod shell;
pub mod storage;
pub mod uploads;
pub mod words;
