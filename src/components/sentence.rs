//! Draws what `blockvote_present::screens::sentence` builds: a sentence whose figures
//! a reader (or a test) can pick out, and a figure's text with its provenance mark.

use crate::components::marks::ProvenanceMark;
use blockvote_present::screens::sentence::{Marked, Piece, Sentence};
use leptos::prelude::*;

/// A sentence: its text, with each figure emphasised and findable by its test id.
#[component]
pub fn SentenceText(#[prop(into)] sentence: Signal<Sentence>) -> impl IntoView {
    move || {
        sentence
            .get()
            .pieces
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.into_any(),
                Piece::Figure { testid, text } => view! { <strong data-testid=testid>{text}</strong> }.into_any(),
            })
            .collect_view()
    }
}

/// A figure's text and, if it has one, its provenance mark.
#[component]
pub fn MarkedText(
    #[prop(into)] marked: Signal<Marked>,
    /// The `data-testid` of the figure's text (the mark is outside it).
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let text = Memo::new(move |_| marked.with(|m| m.text.clone()));
    let mark = Memo::new(move |_| marked.with(|m| m.mark.clone()));
    view! {
        <span class="figure">
            <span class="figure-value" data-testid=testid>
                {move || text.get()}
            </span>
            {move || mark.get().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
        </span>
    }
}
