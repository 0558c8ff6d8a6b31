//! Keyboard focus after a change that removes, or brings in, the element a person is
//! working with. When a focused button disappears (a panel closed, a notice cleared)
//! the browser drops focus to `<body>`, and a keyboard user starts again from the top
//! of the page; these helpers put focus where the work continues instead.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` that is shown (a selector list may
/// name the same control's wide-screen and phone forms, of which CSS shows one), once
/// the current change has been rendered (on the next animation frame, when the
/// reactive updates have reached the DOM). Does nothing if no such element is shown
/// or it cannot take focus.
pub fn focus_after_render(selector: String) {
    request_animation_frame(move || {
        let Some(found) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(&selector).ok())
        else {
            return;
        };
        let shown = (0..found.length())
            .filter_map(|index| found.item(index))
            .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|element| element.get_client_rects().length() > 0);
        if let Some(element) = shown {
            let _ = element.focus();
        }
    });
}

/// The selector of the element with `data-testid="…"` (test ids are also the app's
/// stable names for its controls).
pub fn by_test_id(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}
