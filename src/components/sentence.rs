//! Draws what `blockvote_present::screens::sentence` builds: a sentence whose figures
//! a reader (or a test) can pick out, and a figure's text with its provenance mark;
//! and a `screens::risk::Sentence` (the risk screen's, the overview's findings), whose
//! every figure carries its mark.

use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::state::use_app_state;
use blockvote_present::format::unbroken_runs;
use blockvote_present::provenance::Provenance;
use blockvote_present::screens::risk::{self, Part};
use blockvote_present::screens::sentence::{Marked, Piece, Sentence, Shape};
use leptos::either::Either;
use leptos::prelude::*;

/// A sentence: its text, with each figure emphasised and findable by its test id, and
/// each mark after its figure. The pieces are drawn once for each shape the sentence
/// takes (which pieces are words, figures or marks, and the figures' test ids); each
/// piece's text and mark then follow the sentence, so a new figure in the same sentence
/// rewrites its text node and leaves the elements alone.
#[component]
pub fn SentenceText(#[prop(into)] sentence: Signal<Sentence>) -> impl IntoView {
    let shape = memo(move |_| sentence.with(|s| s.pieces.iter().map(Piece::shape).collect::<Vec<_>>()));
    move || {
        shape.with(|shape| {
            shape
                .iter()
                .enumerate()
                .map(|(at, shape)| {
                    let text =
                        move || sentence.with(|s| s.pieces.get(at).map(Piece::text).unwrap_or_default().to_string());
                    match shape {
                        Shape::Text => text.into_any(),
                        Shape::Figure(testid) => view! { <strong data-testid=*testid>{text}</strong> }.into_any(),
                        Shape::Mark => {
                            // The mark is its own memo, so a new figure beside the same
                            // mark leaves the mark alone; and while the piece has a mark,
                            // the same mark element follows it (the model's becoming the
                            // scenario's rewrites its words, it makes no new element).
                            let mark =
                                memo(move |_| sentence.with(|s| s.pieces.get(at).and_then(|p| p.mark().cloned())));
                            let present = memo(move |_| mark.with(Option::is_some));
                            // (Its fallback is never drawn: the element is there only while
                            // the piece has a mark.)
                            let provenance = Signal::derive(move || mark.get().unwrap_or(Provenance::Scenario));
                            (move || {
                                present.get().then(|| {
                                    view! {
                                        " "
                                        <ProvenanceMark provenance=provenance />
                                    }
                                })
                            })
                            .into_any()
                        }
                    }
                })
                .collect_view()
        })
    }
}

/// Text whose financial years (with their quarters) and Chinese amounts with their unit
/// never break across lines, for a narrow column where "2019-" or "0.2 百" could
/// otherwise end a line (`present::format::unbroken_runs`).
pub fn kept_whole(text: &str) -> impl IntoView {
    unbroken_runs(text)
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
    /// Whether the financial years and amounts in the text are kept on one line each (see
    /// [`kept_whole`]), for a narrow column; elsewhere the text is one text node.
    #[prop(optional)]
    unbroken: bool,
) -> impl IntoView {
    let text = memo(move |_| marked.with(|m| m.text.clone()));
    let mark = memo(move |_| marked.with(|m| m.mark.clone()));
    let value =
        if unbroken { Either::Left(move || text.with(|t| kept_whole(t))) } else { Either::Right(move || text.get()) };
    view! {
        <span class="figure">
            <span class="figure-value" data-testid=testid>
                {value}
            </span>
            {move || mark.get().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
        </span>
    }
}

/// A sentence from the presentation layer, each figure with its provenance mark. The
/// parts are drawn once for each shape the sentence takes (which parts are figures);
/// each part's text and mark then follow the sentence, so a new figure in the same
/// sentence rewrites its text and leaves the elements alone.
#[component]
pub fn MarkedSentence(#[prop(into)] sentence: Signal<risk::Sentence>) -> impl IntoView {
    let state = use_app_state();
    let shape =
        memo(move |_| sentence.with(|s| s.0.iter().map(|part| matches!(part, Part::Text(_))).collect::<Vec<_>>()));
    move || {
        shape.with(|shape| {
            shape
                .iter()
                .enumerate()
                .map(|(at, words)| {
                    if *words {
                        let text = move || {
                            sentence.with(|s| match s.0.get(at) {
                                Some(Part::Text(text)) => text.clone(),
                                _ => String::new(),
                            })
                        };
                        return text.into_any();
                    }
                    let figure = memo(move |_| {
                        let lang = state.lang.get();
                        sentence.with(|s| {
                            s.0.get(at).and_then(|part| part.figure(lang)).map(|(text, mark)| (text, mark.clone()))
                        })
                    });
                    let mark = memo(move |_| figure.with(|f| f.as_ref().map(|f| f.1.clone())));
                    view! {
                        <span class="figure">
                            <span class="figure-value">{move || figure.with(|f| f.as_ref().map(|f| f.0.clone()))}</span>
                            {move || mark.get().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
                        </span>
                    }
                    .into_any()
                })
                .collect_view()
        })
    }
}
