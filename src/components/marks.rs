//! Provenance marks: the chip beside a figure that says whose it is — `para 6`,
//! `model`, `scenario` — and, on hover and on focus (a tap on a tablet), what that
//! means: the paper's own words for the figure, the model's assumption, or that it
//! follows from the member's levers. The words come from the presentation layer's
//! `Provenance`; this module only draws them.

use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::state::use_app_state;
use blockvote_present::lang::Lang;
use blockvote_present::provenance::{Figure, MarkedColumn, Provenance, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The mark of a provenance, with its explanation shown on hover and focus.
#[component]
pub fn ProvenanceMark(
    #[prop(into)] provenance: Signal<Provenance>,
    /// The language of the mark when it is not the app's (the presenter view shows
    /// both languages side by side).
    #[prop(optional, into)]
    lang: Option<Signal<Lang>>,
    /// What the mark says on hover and focus when it says more than its provenance's
    /// explanation (a column heading's mark says its scenario cells are the member's).
    #[prop(optional)]
    explain: Option<fn(&Provenance, Lang) -> String>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = move || lang.map_or_else(|| state.lang.get(), |lang| lang.get());
    let explain = explain.unwrap_or(Provenance::explanation);
    let explanation = memo(move |_| provenance.with(|p| explain(p, lang())));
    // The explanation is drawn only while the mark is hovered or focused (style/main.css:
    // hidden, it takes no layout, where laying out hundreds of long bilingual lines made
    // the first view's layout nearly twice as slow); assistive technology has it always,
    // as the mark's description, so the drawn copy is hidden from it (audit 28: a focused
    // mark was named by the drawn explanation and described by it too, read twice).
    view! {
        <span class=move || provenance.with(Provenance::class) tabindex="0" aria-description=explanation>
            <span class="prov-label">{move || provenance.with(|p| p.mark(lang()))}</span>
            <span class="prov-tip" role="tooltip" aria-hidden="true">
                {explanation}
            </span>
        </span>
    }
}

/// Escape hides the explanation of every provenance mark that has the focus or the
/// pointer, without moving either (WCAG 1.4.13: audit 19 found an explanation opened by
/// the keyboard covering the line under it until the focus moved on). It shows again
/// once the mark is left and entered anew. One listener for the page, so the hundreds
/// of marks of a table cost nothing; the class that hides it is in style/main.css.
pub fn dismiss_explanations_on_escape() {
    let keys = window_event_listener(leptos::ev::keydown, |event| {
        if event.key() != "Escape" {
            return;
        }
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(".prov:focus, .prov:hover").ok());
        // Without a document or a query result (never, in a page), nothing is shown.
        for index in 0..shown.as_ref().map_or(0, web_sys::NodeList::length) {
            let mark = shown
                .as_ref()
                .and_then(|list| list.item(index))
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok());
            if let Some(mark) = mark {
                let _ = mark.class_list().add_1(DISMISSED);
            }
        }
    });
    let blurred = window_event_listener(leptos::ev::focusout, |event| left(event.target(), event.related_target()));
    let pointer_left =
        window_event_listener(leptos::ev::pointerout, |event| left(event.target(), event.related_target()));
    on_cleanup(move || {
        keys.remove();
        blurred.remove();
        pointer_left.remove();
    });
}

/// The class that hides a mark's explanation after Escape.
const DISMISSED: &str = "explanation-dismissed";

/// The focus or the pointer went from `from` to `to`: a mark it left (not for a part of
/// itself) shows its explanation again the next time it is entered.
fn left(from: Option<web_sys::EventTarget>, to: Option<web_sys::EventTarget>) {
    let mark_of = |target: Option<web_sys::EventTarget>| {
        target
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".prov").ok().flatten())
    };
    if let Some(mark) = mark_of(from) {
        if mark_of(to).as_ref() != Some(&mark) {
            let _ = mark.class_list().remove_1(DISMISSED);
        }
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
    let text = memo(move |_| figure.with(|f| f.text(lang.get())));
    let provenance = memo(move |_| figure.with(|f| f.provenance().clone()));
    view! {
        <span class="figure">
            <span class="figure-value" data-testid=testid>
                {text}
            </span>
            <ProvenanceMark provenance=provenance lang=lang />
        </span>
    }
}

/// The heading of a column of figures that share one provenance: its words and, after
/// them, the mark that says whose the column's figures are. The column comes from the
/// presentation layer's `MarkedColumn`, so no such heading is drawn without its mark;
/// the mark follows a memo of the provenance alone, so it is redrawn only when the
/// column's provenance changes (the model's becoming the scenario's), not with every
/// figure of the table. Before the table has its first figures (`None`) the heading is
/// empty, as its cells are.
#[component]
pub fn MarkedHeading(
    #[prop(into)] column: Signal<Option<MarkedColumn>>,
    /// The `data-testid` of the heading cell.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let state = use_app_state();
    let heading = memo(move |_| column.with(|c| c.as_ref().map(|c| c.heading.get(state.lang.get()).to_string())));
    let mark = memo(move |_| column.with(|c| c.as_ref().map(|c| c.mark.clone())));
    // The mark is made once, when the column first has one, and then follows its
    // provenance in place: rebuilding it for a new provenance would write every one of
    // its attributes again, the unchanged ones too. While there is none it is not drawn,
    // so the stand-in provenance is never shown.
    let has_mark = memo(move |_| mark.with(Option::is_some));
    let provenance = Signal::derive(move || mark.get().unwrap_or(Provenance::Scenario));
    view! {
        <th scope="col" class="num" data-testid=testid>
            {move || heading.with(|heading| heading.as_deref().map(kept_whole))}
            {move || {
                has_mark
                    .get()
                    .then(|| {
                        view! {
                            " "
                            <ProvenanceMark provenance=provenance />
                        }
                    })
            }}
        </th>
    }
}
