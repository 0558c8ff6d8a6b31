//! Fixed words in the reader's language, as a component.
//!
//! `<Words label=X />` instead of `{move || X.get(lang)}`: every such closure is a type
//! of its own, compiled with its own rendering code, and the app has over a hundred of
//! them; one component serves them all, which keeps the single file small.

use crate::state::use_app_state;
use blockvote_present::lang::{Bilingual, Label};
use leptos::prelude::*;

/// `label` in the reader's language, following a change of language.
#[component]
pub fn Words(label: Label) -> impl IntoView {
    let state = use_app_state();
    move || label.get(state.lang.get())
}

/// `text`, words made at run time in both languages (a notice naming a file, say), in
/// the reader's language, following a change of language: one component for all such
/// text, as [`Words`] is for fixed words.
#[component]
pub fn Said(text: Bilingual) -> impl IntoView {
    let state = use_app_state();
    move || text.get(state.lang.get()).to_string()
}
