//! Draws what `blockvote_present::screens::sentence` builds: a sentence whose figures
//! a reader (or a test) can pick out, and a figure's text with its provenance mark.

use crate::components::marks::ProvenanceMark;
use blockvote_present::format::year_runs;
use blockvote_present::screens::sentence::{Marked, Piece, Sentence};
use leptos::either::Either;
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

/// Text whose financial years (with their quarters) never break across lines, for a
/// narrow column where "2019-" could otherwise end a line (`present::format::year_runs`).
pub fn whole_years(text: &str) -> impl IntoView {
    year_runs(text)
        .into_iter()
        .map(|(run, whole)| {
            let run = run.to_string();
            if whole {
                view! { <span class="whole">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// A figure's text and, if it has one, its provenance mark.
#[component]
pub fn MarkedText(
    #[prop(into)] marked: Signal<Marked>,
    /// The `data-testid` of the figure's text (the mark is outside it).
    #[prop(optional, into)]
    testid: Option<String>,
    /// Whether the financial years in the text are kept on one line each (see
    /// [`whole_years`]), for a narrow column; elsewhere the text is one text node.
    #[prop(optional)]
    years_whole: bool,
) -> impl IntoView {
    let text = Memo::new(move |_| marked.with(|m| m.text.clone()));
    let mark = Memo::new(move |_| marked.with(|m| m.mark.clone()));
    let value = if years_whole {
        Either::Left(move || text.with(|t| whole_years(t)))
    } else {
        Either::Right(move || text.get())
    };
    view! {
        <span class="figure">
            <span class="figure-value" data-testid=testid>
                {value}
            </span>
            {move || mark.get().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
        </span>
    }
}
