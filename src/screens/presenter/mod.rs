//! The presenter view (`view=present`): the scenario on screen, then every saved
//! scenario, one per screen in large type. Arrow keys move between them, `L` switches
//! the language, `B` shows both languages side by side, `P` prints every slide and
//! `Esc` leaves. The slide shown is the fragment's `slide=` pair, so a reload or a
//! link keeps it.

mod deck;
mod slide;

use crate::address::set_params;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::{use_app_state, AppState};
use blockvote_present::lang::Lang;
use blockvote_present::route::{self, fragment_for, View};
use blockvote_present::screens::presenter::{
    position, BOTH_LANGUAGES, CONTROLS, HEADING, KEYS, LEAVE, NEXT, NO_SAVED, PREVIOUS, PRINT, SWITCH_LANGUAGE,
};
use blockvote_present::words::APP_TITLE;
use deck::{use_deck, DeckEntry};
use leptos::prelude::*;
use slide::SlideView;

/// The slide the fragment asks for, kept within the deck: read as a link's problems
/// read it (`route::read_slide`), so a value it cannot use is named, not dropped.
fn slide_index(state: AppState, slides: usize) -> usize {
    state.params.with(|params| route::slide_index(params, slides))
}

/// Moves to the slide at `index` (counted from zero), writing it to the fragment.
fn go_to(state: AppState, index: usize) {
    set_params(state, View::Present, &[(route::SLIDE_KEY, Some(index.saturating_add(1).to_string()))]);
}

/// Prints every slide: they are all drawn, the browser's print runs, and the view
/// goes back to one slide.
fn print_all(printing: RwSignal<bool>) {
    printing.set(true);
    set_timeout(
        move || {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
            printing.set(false);
        },
        std::time::Duration::from_millis(100),
    );
}

#[component]
#[inline(never)]
pub fn Presenter() -> impl IntoView {
    let state = use_app_state();
    let deck = use_deck();
    let lang = move || state.lang.get();
    let both = RwSignal::new(false);
    let printing = RwSignal::new(false);
    let count = memo(move |_| deck.with(Vec::len));
    let index = memo(move |_| slide_index(state, count.get()));
    let step = move |forward: bool| {
        let (now, last) = (index.get_untracked(), count.get_untracked().saturating_sub(1));
        let next = if forward { now.saturating_add(1).min(last) } else { now.saturating_sub(1) };
        if next != now {
            go_to(state, next);
        }
    };
    let switch_language = move || {
        let next = match state.lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        state.lang.set(next);
        AppState::remember_lang(next);
    };

    // Keys move through the deck unless the member is typing or holding a modifier
    // (Ctrl+P is the browser's own print of the slide on show).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let within = |selector: &str| target.as_ref().is_some_and(|t| t.closest(selector).ok().flatten().is_some());
        let typing = target
            .as_ref()
            .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // The letters (L, B, P) act only on the deck itself, not on a control or mark that
        // has the focus, where a key meant for it (or a word a speech program types)
        // switched the language or the layout (WCAG 2.1.4, audit 28).
        let on_control = within("a, button, [tabindex]:not(main), svg");
        let key = ev.key();
        if on_control && key.chars().count() == 1 && key != " " {
            return;
        }
        // Space presses a focused button or link and opens a focused summary, as it does
        // everywhere (audit 38: it turned the slide instead); elsewhere it turns the slide.
        if key == " " && within("a, button, summary") {
            return;
        }
        let handled = match key.as_str() {
            "ArrowRight" | "PageDown" | " " => {
                step(true);
                true
            }
            "ArrowLeft" | "PageUp" => {
                step(false);
                true
            }
            "Home" => {
                go_to(state, 0);
                true
            }
            "End" => {
                go_to(state, count.get_untracked().saturating_sub(1));
                true
            }
            "l" | "L" => {
                switch_language();
                true
            }
            "b" | "B" => {
                both.update(|b| *b = !*b);
                true
            }
            "p" | "P" => {
                print_all(printing);
                true
            }
            "Escape" => {
                // As the Leave link does: the slide is the deck's and goes with it
                // (audit 38: `slide=2` stayed in the address and in every link after).
                state.params.set(Vec::new());
                state.view.set(state.presenter_opened_from.get_untracked());
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let leave_href = move || fragment_for(state.presenter_opened_from.get(), lang(), &[]);
    let current = memo(move |_| deck.with(|d| d.get(index.get()).cloned()));
    let shown = move || -> Vec<DeckEntry> {
        if printing.get() {
            deck.get()
        } else {
            current.get().into_iter().collect()
        }
    };
    view! {
        <section class="presenter" class:both=move || both.get() data-testid="presenter">
            // The page's own heading, which the hidden header holds on every other
            // screen (audit 28: the presenter's outline had no first level).
            <h1 class="visually-hidden">
                <Words label=APP_TITLE />
            </h1>
            <h2 class="visually-hidden">
                <Words label=HEADING />
            </h2>
            <div class="presenter-controls" role="toolbar" aria-label=move || CONTROLS.get(lang())>
                <button
                    type="button"
                    data-testid="presenter-prev"
                    aria-disabled=move || (index.get() == 0).to_string()
                    on:click=move |_| step(false)
                >
                    <span aria-hidden="true">"←"</span>
                    <span class="label">
                        <Words label=PREVIOUS />
                    </span>
                </button>
                <span class="presenter-position" data-testid="presenter-position" aria-live="polite">
                    {move || position(index.get(), count.get(), lang())}
                </span>
                <button
                    type="button"
                    data-testid="presenter-next"
                    aria-disabled=move || (index.get().saturating_add(1) >= count.get()).to_string()
                    on:click=move |_| step(true)
                >
                    <span class="label">
                        <Words label=NEXT />
                    </span>
                    <span aria-hidden="true">"→"</span>
                </button>
                <button type="button" data-testid="presenter-lang" on:click=move |_| switch_language()>
                    <Words label=SWITCH_LANGUAGE />
                </button>
                <button
                    type="button"
                    data-testid="presenter-both"
                    aria-pressed=move || both.get().to_string()
                    on:click=move |_| both.update(|b| *b = !*b)
                >
                    <Words label=BOTH_LANGUAGES />
                </button>
                <button type="button" data-testid="presenter-print" on:click=move |_| print_all(printing)>
                    <Words label=PRINT />
                </button>
                <a class="button" href=leave_href data-testid="presenter-leave">
                    <Words label=LEAVE />
                </a>
            </div>
            <p class="presenter-keys note">
                <Words label=KEYS />
            </p>
            // One slide, redrawn only when its entry changes (the memos compare), or
            // every slide while printing.
            {move || { shown().into_iter().map(|entry| view! { <Slides entry=entry both=both /> }).collect_view() }}
            {move || {
                (count.get() == 1)
                    .then(|| {
                        view! {
                            <p class="note" data-testid="presenter-no-saved">
                                <Words label=NO_SAVED />
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// One slide, in the member's language or in both side by side.
#[component]
fn Slides(entry: DeckEntry, both: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let entry = StoredValue::new(entry);
    move || {
        if both.get() {
            view! {
                <div class="presenter-pair">
                    <SlideView entry=entry.get_value() lang=Signal::stored(Lang::Zh) />
                    <SlideView entry=entry.get_value() lang=Signal::stored(Lang::En) />
                </div>
            }
            .into_any()
        } else {
            view! { <SlideView entry=entry.get_value() lang=Signal::derive(move || state.lang.get()) /> }.into_any()
        }
    }
}
