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

/// The note of a screen that counts Annex C's budgets as printed, shown while the
/// scenario changes budgets or leaves projects out
/// (`screens::budgets_as_printed_note`).
#[component]
pub fn BudgetsAsPrintedNote() -> impl IntoView {
    let whatif = crate::whatif::use_whatif();
    let note = Memo::new(move |_| whatif.scenario.with(blockvote_present::screens::budgets_as_printed_note));
    move || {
        note.get().map(|label| {
            view! {
                <p class="note" data-testid="budgets-as-printed">
                    <Words label=label />
                </p>
            }
        })
    }
}
