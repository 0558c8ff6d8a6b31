//! The terms a member may not know: all of them in a glossary that opens on a tap or
//! a key (`<details>`), and under each panel's heading the ones it uses, each
//! explained on hover and on focus (a tap on a tablet), like a provenance mark.

use crate::components::focus::reveal_after_render;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::screens::risk::glossary::{Term, GLOSSARY_HEADING, TERMS};
use leptos::prelude::*;

#[component]
pub fn Glossary() -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let entries = Term::ALL
        .into_iter()
        .map(|term| {
            view! {
                <dt data-testid=format!("glossary-{}", term.key())>
                    <dfn>{move || term.name().get(lang())}</dfn>
                </dt>
                <dd>{move || term.explanation().get(lang())}</dd>
            }
        })
        .collect_view();
    view! {
        <details class="glossary" data-testid="risk-glossary">
            <summary>
                <Words label=GLOSSARY_HEADING />
            </summary>
            <dl>{entries}</dl>
        </details>
    }
}

/// The terms a panel uses, each a focusable chip with its explanation.
#[component]
pub fn Terms(terms: &'static [Term]) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let chips = terms
        .iter()
        .map(|term| {
            let term = *term;
            view! {
                <span
                    class="term"
                    tabindex="0"
                    data-testid=format!("term-{}", term.key())
                    // The term focused is the one tapped: a term can be on the screen twice.
                    on:focus=move |_| reveal_after_render(".term:focus > .term-tip".to_string())
                >
                    <span class="term-name">{move || term.name().get(lang())}</span>
                    <span class="term-tip" role="tooltip">
                        {move || term.explanation().get(lang())}
                    </span>
                </span>
            }
        })
        .collect_view();
    view! {
        <p class="terms">
            <span class="terms-label">
                <Words label=TERMS />
            </span>
            {chips}
        </p>
    }
}
