//! Everything about the address bar, in one place. The URL fragment is the app's
//! address (`#view=projects&lang=en&cost=10…`, parsed by the pure
//! `blockvote_present::route` and `blockvote_model::link`); this module reads it,
//! writes it, and keeps it and the app in step: back/forward and a hand-edited or
//! pasted link change the app, and every change in the app is written back.
//!
//! The address follows the app, not the other way round: the scenario lives in
//! [`WhatIf`], and the address carries it only when a link can carry it exactly
//! (otherwise a marker that says why: `scenario=too-large`, or
//! `scenario=not-expressible` for a value a link cannot say, such as one read from a
//! file; `blockvote_model::link::Marker`). An address the app wrote itself is
//! never read back over the scenario (a change of screen used to re-read it, which
//! replaced a scenario too large for the link with a cut copy of itself); a
//! different link is opened whole, the paper's if it carries no scenario.

use crate::components::effect::effect;
use crate::state::{AppState, Popup};
use crate::whatif::WhatIf;
use blockvote_model::link::{parse_fragment, SCENARIO_KEYS};
use blockvote_present::links::{
    changed_address_problems, link_to_copy, pasted_fragment, same_scenario_link_problems, screen_params, PasteError,
};
use blockvote_present::route::{fragment_for, route, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The fragment now in the address bar (with its `#`), or "" if there is none.
pub fn current_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's whole address, fragment included.
pub fn current_address() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (a language switch or a
/// lever change is not a place to go back to).
pub fn replace_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

/// Sets (or, with `None` or an empty value, removes) parameters of the fragment and
/// moves to `view`; the address is written from the app's state right after.
pub fn set_params(state: AppState, view: View, changes: &[(&str, Option<String>)]) {
    let mut params = state.params.get_untracked();
    for (key, value) in changes {
        params.retain(|(k, _)| k != key);
        if let Some(value) = value.as_ref().filter(|v| !v.is_empty()) {
            params.push(((*key).to_string(), value.clone()));
        }
    }
    state.params.set(params);
    if state.view.get_untracked() != view {
        state.view.set(view);
    }
}

/// Moves the app to what a fragment says: its view, its language, its other pairs,
/// and its scenario unless it is the one the app already shows. `own` is true when
/// the fragment is the app's own address, a link on screen the member followed (the
/// navigation, a finding's rows): then only what changed is named, a screen or a
/// language the app does not have, or a screen's pair it cannot use (a filter, a
/// table's sort, the presenter's slide) that the app did not already have, and what
/// the notice said stays. Any other fragment (typed or pasted in the address bar, a
/// link clicked elsewhere, back or forward) is a new link: its problems replace the
/// notice's, which is cleared when it has none, even when its scenario is the one on
/// screen.
///
/// The app's own links to a screen's rows (a finding's projects, a department's, the
/// presenter's way out) name no scenario: following one keeps the member's scenario,
/// as the navigation's links do by carrying it, rather than going back to the paper.
fn follow(state: AppState, whatif: WhatIf, fragment: &str, own: bool) {
    let next = route(fragment);
    let names_no_scenario = !next.params.iter().any(|(key, _)| SCENARIO_KEYS.contains(&key.as_str()));
    let keeps_scenario = own && names_no_scenario;
    if !keeps_scenario && !whatif.is_current_link(&next.params) {
        let before = whatif.scenario.get_untracked();
        whatif.open_link(fragment, &state.data());
        // Back, Forward or an address typed that replaced the member's scenario is
        // said, with the way back: pressing Back to see the last screen again went
        // back to the paper's figures without a word (audit 19).
        if !own {
            whatif.opened_by_address.set(whatif.scenario.with_untracked(|now| (*now != before).then(|| now.clone())));
        }
    } else if own {
        let problems = state.params.with_untracked(|before| changed_address_problems(fragment, before, &state.data()));
        if !problems.is_empty() {
            whatif.link_problems.set(problems);
        }
    } else {
        whatif.link_problems.set(same_scenario_link_problems(fragment, &state.data()));
    }
    state.view.set(next.view);
    if let Some(lang) = next.lang {
        state.lang.set(lang);
    }
    state.params.set(next.params);
}

/// The fragment of the app's own link (`<a href="#…">`) a click follows in this page,
/// if it is one: a plain click (no modifier key, which would open it elsewhere) that
/// nothing else handled.
fn own_link_clicked(event: &web_sys::MouseEvent) -> Option<String> {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return None;
    }
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let href = target.closest("a[href]").ok().flatten()?.get_attribute("href")?;
    href.starts_with('#').then_some(href)
}

/// Opens a pasted blockvote link, whatever its host or path ("Open a link"): its
/// scenario always replaces the one on screen (even one equal to it: the member asked
/// for exactly this link), with the same problem reporting as any link.
pub fn open_pasted(state: AppState, whatif: WhatIf, text: &str) -> Result<(), PasteError> {
    let fragment = pasted_fragment(text)?;
    whatif.open_link(&fragment, &state.data());
    let next = route(&fragment);
    state.view.set(next.view);
    if let Some(lang) = next.lang {
        state.lang.set(lang);
    }
    state.params.set(next.params);
    Ok(())
}

/// The fragment for the app's state: its view and language, the scenario's pairs (or
/// the marker), then the screens' own pairs (filters, selections). A pair no reader
/// knows, which the link's notice named, is not written back: the address is what the
/// app holds, so a link copied from it does not carry the slip on.
fn fragment_of(state: AppState, whatif: WhatIf) -> String {
    let mut pairs = whatif.link_pairs();
    pairs.extend(state.params.with(|params| screen_params(params, &state.data())));
    fragment_for(state.view.get(), state.lang.get(), &pairs)
}

/// What "Copy link" copies: the address of what is on screen, or only its `#…` part
/// from `file://` (see `links::link_to_copy`). `None` when a link cannot carry the
/// scenario (see `links::fit_text` for why).
pub fn link_to_share(state: AppState, whatif: WhatIf) -> Option<String> {
    if !whatif.link.with_untracked(|written| written.fits()) {
        return None;
    }
    let fragment = untrack(|| fragment_of(state, whatif));
    Some(link_to_copy(&current_address(), &fragment))
}

/// How long the address waits after a lever change before it is written: a member
/// typing "1", "10", "105" writes it once, when they pause, not on each keystroke
/// (each `history.replaceState` costs a few milliseconds of the frame).
const LEVER_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// Writes the address for the app's state now, if it differs from what is there, and
/// remembers it as `known`: the fragment the app last wrote or followed. If the address
/// is no longer that (a link clicked, back or forward, an address typed: its
/// `hashchange` is queued but not yet handled), nothing is written: writing the app's
/// state over it would undo the member's move (a lever's delayed write firing just
/// after a link was clicked sent the app back to the screen it was leaving).
fn write_now(state: AppState, whatif: WhatIf, known: StoredValue<String>) {
    let current = current_fragment();
    if known.with_value(|known| *known != current) {
        return;
    }
    let fragment = untrack(|| fragment_of(state, whatif));
    if fragment != current {
        replace_fragment(&fragment);
    }
    known.set_value(fragment);
}

/// Where the fragment the app showed but had not yet written to the address when the
/// page was unloaded is kept for this tab, after the address it was to replace.
const UNWRITTEN_KEY: &str = "blockvote.address.unwritten.v1";

/// Keeps, for a reload of this tab, the fragment the app shows if the address does not
/// say it yet (a lever typed less than [`LEVER_PAUSE`] ago); forgets any kept before
/// otherwise. Nothing is kept while a link is being followed (see [`write_now`]).
fn keep_unwritten(state: AppState, whatif: WhatIf, known: StoredValue<String>) {
    let current = current_fragment();
    let Some(storage) = crate::saved::storage::tab_storage() else { return };
    let fragment = untrack(|| fragment_of(state, whatif));
    let _ = if known.with_value(|known| *known == current) && fragment != current {
        storage.set_item(UNWRITTEN_KEY, &format!("{current}\n{fragment}"))
    } else {
        storage.remove_item(UNWRITTEN_KEY)
    };
}

/// At start: if this page is a reload of the address a fragment kept by
/// [`keep_unwritten`] was to replace, writes that fragment to the address, so the app
/// opens on what it showed when the reload began. What was kept is forgotten either way.
pub fn restore_unwritten() {
    let Some(storage) = crate::saved::storage::tab_storage() else { return };
    let Ok(Some(kept)) = storage.get_item(UNWRITTEN_KEY) else { return };
    let _ = storage.remove_item(UNWRITTEN_KEY);
    let reloaded = web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| p.navigation().type_() == web_sys::PerformanceNavigation::TYPE_RELOAD);
    if let Some((replaced, fragment)) = kept.split_once('\n') {
        if reloaded && replaced == current_fragment() && fragment.starts_with('#') {
            replace_fragment(fragment);
        }
    }
}

/// Keeps the address and the app in step for as long as the calling component lives:
/// a `hashchange` (back/forward, a hand-edited or pasted link) moves the app to what
/// the fragment says; a change of view, language or screen parameters is written back
/// at once, a change of scenario once the member pauses ([`LEVER_PAUSE`]) and, in any
/// case, when the page is about to be unloaded (`beforeunload`: a reload) or is hidden
/// or left (`pagehide`).
pub fn keep_in_step(state: AppState, whatif: WhatIf) {
    // Back and Forward open a screen at its top, as the shell opens any other screen:
    // the browser's own restoring of the offset, racing the screen's render, left it
    // part-way down at no fixed place.
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = web_sys::js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
    }
    let known = StoredValue::new(current_fragment());
    // The app's own link the member last clicked, until the `hashchange` it causes:
    // that address is the app's, every other one a new link (see `follow`).
    let clicked: StoredValue<Option<String>> = StoredValue::new(None);
    let clicks = window_event_listener(leptos::ev::click, move |event| clicked.set_value(own_link_clicked(&event)));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let fragment = current_fragment();
        let own = clicked
            .try_update_value(Option::take)
            .flatten()
            .is_some_and(|href| parse_fragment(&href) == parse_fragment(&fragment));
        // Each of many changes made at once queues a `hashchange`, and each reads the
        // address as the last left it: that address is followed once, not once per
        // change (a hundred took 4.6 s).
        if known.with_value(|known| *known == fragment) {
            return;
        }
        known.set_value(fragment.clone());
        // An open pop-up (the navigation menu, sharing's menu or panel) belongs to the
        // page it was opened on: after Back, Forward or a typed link it lay over the
        // next screen's headings.
        if state.popup.get_untracked() != Popup::None {
            state.popup.set(Popup::None);
        }
        follow(state, whatif, &fragment, own);
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| write_now(state, whatif, known));
    // A reload takes the address as it is when it starts, before `pagehide` and even
    // before `beforeunload`: a lever typed less than a pause before it is kept for the
    // reload to open (`keep_unwritten`), and written.
    let unloading = window_event_listener(leptos::ev::beforeunload, move |_| {
        keep_unwritten(state, whatif, known);
        write_now(state, whatif, known);
    });
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel_pending = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    on_cleanup(move || {
        clicks.remove();
        handle.remove();
        leaving.remove();
        unloading.remove();
        cancel_pending();
    });

    effect(move |_| {
        state.view.track();
        state.lang.track();
        state.params.track();
        cancel_pending();
        write_now(state, whatif, known);
    });
    effect(move |first_run: bool| {
        // The scenario and the seed, not the link they make: the link is encoded when
        // the address is written, after the pause, not inside the lever's frame.
        whatif.scenario.track();
        whatif.link_simulation.track();
        // The first run is the page opening: the address is already the link it was
        // opened with (or is written by the effect above).
        if first_run {
            return;
        }
        cancel_pending();
        let timer = set_timeout_with_handle(move || write_now(state, whatif, known), LEVER_PAUSE).ok();
        pending.set_value(timer);
    });
}
