//! Everything about the address bar, in one place. The URL fragment is the app's
//! address (`#view=projects&lang=en&cost=10…`, parsed by the pure
//! `blockvote_present::route` and `blockvote_model::link`); this module reads it,
//! writes it, and keeps it and the app in step: back/forward and a hand-edited link
//! change the app, and every change in the app is written back, so the address is
//! always a link that reopens what is on screen.

use crate::state::AppState;
use crate::whatif::{non_scenario_params, WhatIf};
use blockvote_present::route::{fragment_for, route, View};
use leptos::prelude::*;

/// The fragment now in the address bar (with its `#`), or "" if there is none.
pub fn current_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (a language switch or a
/// lever change is not a place to go back to).
pub fn replace_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

/// Sets (or, with `None` or an empty value, removes) parameters of the fragment, then
/// writes the fragment for `view`.
pub fn set_params(state: AppState, view: View, changes: &[(&str, Option<String>)]) {
    let mut params = state.params.get_untracked();
    for (key, value) in changes {
        params.retain(|(k, _)| k != key);
        if let Some(value) = value.as_ref().filter(|v| !v.is_empty()) {
            params.push(((*key).to_string(), value.clone()));
        }
    }
    replace_fragment(&fragment_for(view, state.lang.get_untracked(), &params));
    state.params.set(params);
}

/// Keeps the address and the app in step for as long as the calling component lives:
/// a `hashchange` (back/forward, a hand-edited or pasted link) moves the app to what
/// the fragment says, and every change of view, language or scenario is written back.
pub fn keep_in_step(state: AppState, whatif: WhatIf) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = route(&current_fragment());
        state.view.set(next.view);
        if let Some(lang) = next.lang {
            state.lang.set(lang);
        }
        whatif.apply_link(&next.params);
        state.params.set(next.params);
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let mut pairs = whatif.link_pairs();
        pairs.extend(non_scenario_params(&state.params.get()));
        let fragment = fragment_for(state.view.get(), state.lang.get(), &pairs);
        if fragment != current_fragment() {
            replace_fragment(&fragment);
        }
    });
}
