//! Keyboard focus after a change that removes, or brings in, the element a person is
//! working with. When a focused button disappears (a panel closed, a notice cleared)
//! the browser drops focus to `<body>`, and a keyboard user starts again from the top
//! of the page; these helpers put focus where the work continues instead.

use leptos::prelude::{on_cleanup, request_animation_frame, set_timeout, window_event_listener};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` that is shown (a selector list may
/// name the same control's wide-screen and phone forms, of which CSS shows one), once
/// the current change has been rendered (on the next animation frame, when the
/// reactive updates have reached the DOM). Does nothing if no such element is shown
/// or it cannot take focus.
pub fn focus_after_render(selector: String) {
    request_animation_frame(move || {
        if let Some(element) = first_shown(&selector) {
            let _ = element.focus();
        }
    });
}

/// Passes the focus from the control matching `from` to the first shown element
/// matching `to` once the current change has been rendered, if `from` still holds it:
/// a member who moved the focus meanwhile (a key pressed in the same frame) keeps it
/// where they put it.
pub fn pass_focus_after_render(from: String, to: String) {
    request_animation_frame(move || {
        // A selector the browser cannot read (never: it is the app's own) matches nothing.
        if !active_element().is_some_and(|active| active.matches(&from).unwrap_or(false)) {
            return;
        }
        if let Some(element) = first_shown(&to) {
            let _ = element.focus();
        }
    });
}

/// Gives the control matching `selector` that is shown the focus (a text field with the
/// caret after its text) once the current change has been rendered, if the focus was
/// lost meanwhile (it fell to `<body>` because the element that held it was removed or
/// hidden): a member typing into a field that moved elsewhere in the page carries on
/// typing there, and one who pressed a button that gave way to another (a phone's one
/// language button) carries on from that one. Focus a member put on another control is
/// left where it is.
pub fn keep_focus_after_render(selector: String) {
    request_animation_frame(move || {
        if !focus_went() {
            return;
        }
        let Some(element) = first_shown(&selector) else { return };
        let _ = element.focus();
        // The caret goes after the text, where the typing stopped (a field focused by a
        // script otherwise puts it where its last selection was, or at the start).
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        } else if let Some(text_area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let end = text_area.value().encode_utf16().count() as u32;
            let _ = text_area.set_selection_range(end, end);
        }
    });
}

/// Takes the focus to the new screen's content (`#main`, without scrolling it) once the
/// screen has been rendered, if no control holds it: the one that did went with the old
/// screen or with the phone's menu (the presenter's Leave, a menu entry), or the screen
/// came from the address (Back, a link pasted). The browser would leave it on `<body>`,
/// where a screen reader is told nothing and the next Tab starts from the top of the
/// page (audit 28). A control that still holds the focus keeps it.
pub fn focus_screen_if_focus_went() {
    request_animation_frame(move || {
        if focus_went() {
            focus_screen();
        }
    });
}

/// The element that holds the focus, if any.
fn active_element() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element())
}

/// Focuses the screen's content (`#main`) without scrolling it.
fn focus_screen() {
    if let Some(main) = first_shown("#main") {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}

/// The page's safety net for the focus: after a click or a key press whose action
/// removed or hid the control that held the focus (a notice's button, a panel's Use
/// or Close, a question moved, the phone menu's link to the screen on show), and once
/// every control's own move of the focus has run, the focus goes to the screen's
/// content if nothing holds it; the browser would leave it on `<body>`, where the next
/// Tab starts from the top of the page (audit 38 found six such actions). A click on
/// the page's background, which leaves the clicked control in place, is left alone.
pub fn catch_dropped_focus() {
    let check = move || {
        let held = active_element();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let dropped =
                        held.is_some_and(|held| !held.is_connected() || held.get_client_rects().length() == 0);
                    if dropped && focus_went() {
                        focus_screen();
                    }
                },
                Duration::ZERO,
            );
        });
    };
    let clicks = window_event_listener(leptos::ev::click, move |_| check());
    let keys = window_event_listener(leptos::ev::keydown, move |_| check());
    on_cleanup(move || {
        clicks.remove();
        keys.remove();
    });
}

/// Whether no control holds the focus any more: it is on `<body>` (or nowhere), or on
/// an element removed or no longer drawn. The browser moves the focus off an element
/// no longer drawn only after the frame's layout, so in an animation frame a hidden
/// one may still hold it.
fn focus_went() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return true };
    match (document.active_element(), document.body()) {
        (Some(active), Some(body)) => {
            *body == active || !active.is_connected() || active.get_client_rects().length() == 0
        }
        _ => true,
    }
}

/// The first element matching `selector` that is shown (a selector list may name the
/// same control's wide-screen and phone forms, of which CSS shows one).
fn first_shown(selector: &str) -> Option<web_sys::HtmlElement> {
    let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(selector).ok())?;
    (0..found.length())
        .filter_map(|index| found.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|element| element.get_client_rects().length() > 0)
}

/// The selector of the element with `data-testid="…"` (test ids are also the app's
/// stable names for its controls).
pub fn by_test_id(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Scrolls the element with id `message` just into view (as little as it takes) once
/// the current change has been rendered, if the control with id `field` holds the
/// focus: a field's message appears below it, and for a field low on a phone's screen,
/// where the keyboard covers more, that is below the bottom edge, out of the member's
/// sight as they type. A message a member is not typing beside is left where it is.
pub fn reveal_beside_focus_after_render(message: String, field: String) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let typing_in_field = document.active_element().is_some_and(|active| active.id() == field);
        let Some(element) = document.get_element_by_id(&message) else { return };
        if typing_in_field {
            scroll_just_into_view(&element);
        }
    });
}

/// Scrolls the element `selector` finds just into view once the current change has been
/// rendered: what opens on a member's choice below it (a glossary term's explanation
/// under a line of terms, a chosen band's projects under the chart) is below a phone
/// screen's bottom edge otherwise, and nothing would say it had opened.
pub fn reveal_after_render(selector: String) {
    request_animation_frame(move || {
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(element) = document.and_then(|d| d.query_selector(&selector).ok().flatten()) {
            scroll_just_into_view(&element);
        }
    });
}

/// Scrolls the page as little as it takes to bring `element` into view.
fn scroll_just_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
