//! Provenance marks: the chip beside a figure that says whose it is — `para 6`,
//! `model`, `scenario` — and, on hover and on focus (a tap on a tablet), what that
//! means: the paper's own words for the figure, the model's assumption, or that it
//! follows from the member's levers. The words come from the presentation layer's
//! `Provenance`; this module only draws them.

use crate::state::use_app_state;
use blockvote_present::lang::Lang;
use blockvote_present::provenance::{Figure, Provenance, Value};
use leptos::prelude::*;

/// The mark of a provenance, with its explanation shown on hover and focus.
#[component]
pub fn ProvenanceMark(
    #[prop(into)] provenance: Signal<Provenance>,
    /// The language of the mark when it is not the app's (the presenter view shows
    /// both languages side by side).
    #[prop(optional, into)]
    lang: Option<Signal<Lang>>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = move || lang.map_or_else(|| state.lang.get(), |lang| lang.get());
    let explanation = Memo::new(move |_| provenance.with(|p| p.explanation(lang())));
    // The explanation is drawn only while the mark is hovered or focused (style/main.css:
    // hidden, it takes no layout, where laying out hundreds of long bilingual lines made
    // the first view's layout nearly twice as slow); assistive technology has it always,
    // as the mark's description.
    view! {
        <span class=move || provenance.with(Provenance::class) tabindex="0" aria-description=explanation>
            <span class="prov-label">{move || provenance.with(|p| p.mark(lang()))}</span>
            <span class="prov-tip" role="tooltip">
                {explanation}
            </span>
        </span>
    }
}

/// What a [`FigureText`] holds while its panel has no figure to show (before the first
/// projection, or while a bar is being removed). Never shown: each panel draws its
/// figures only while it has them.
pub fn not_drawn() -> Figure {
    Figure::scenario(Value::Count(0))
}

/// A figure as text with its mark beside it.
#[component]
pub fn FigureText(
    #[prop(into)] figure: Signal<Figure>,
    /// The `data-testid` of the figure's text.
    #[prop(optional, into)]
    testid: Option<String>,
    /// The language when it is not the app's (see [`ProvenanceMark`]).
    #[prop(optional, into)]
    lang: Option<Signal<Lang>>,
) -> impl IntoView {
    let state = use_app_state();
    let lang: Signal<Lang> = lang.unwrap_or_else(|| Signal::derive(move || state.lang.get()));
    let text = Memo::new(move |_| figure.with(|f| f.text(lang.get())));
    let provenance = Memo::new(move |_| figure.with(|f| f.provenance().clone()));
    view! {
        <span class="figure">
            <span class="figure-value" data-testid=testid>
                {move || text.get()}
            </span>
            <ProvenanceMark provenance=provenance lang=lang />
        </span>
    }
}
