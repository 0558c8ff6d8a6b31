//! Draws what `blockvote_present::screens::sentence` builds: a sentence whose figures
//! a reader (or a test) can pick out, and a figure's text with its provenance mark.

use crate::components::marks::ProvenanceMark;
use blockvote_present::format::year_runs;
use blockvote_present::screens::sentence::{Marked, Piece, Sentence};
use leptos::either::Either;
use leptos::prelude::*;

/// A sentence: its text, with each figure emphasised and findable by its test id.
/// The pieces are drawn once for each shape the sentence takes (which pieces are
/// figures, and their test ids); each piece's text then follows the sentence, so a new
/// figure in the same sentence rewrites its text node and leaves the elements alone.
#[component]
pub fn SentenceText(#[prop(into)] sentence: Signal<Sentence>) -> impl IntoView {
    let shape = Memo::new(move |_| sentence.with(|s| s.pieces.iter().map(Piece::testid).collect::<Vec<_>>()));
    move || {
        shape.with(|shape| {
            shape
                .iter()
                .enumerate()
                .map(|(at, testid)| {
                    let text =
                        move || sentence.with(|s| s.pieces.get(at).map(Piece::text).unwrap_or_default().to_string());
                    match testid {
                        None => text.into_any(),
                        Some(testid) => view! { <strong data-testid=*testid>{text}</strong> }.into_any(),
                    }
                })
                .collect_view()
        })
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
