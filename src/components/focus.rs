//! Keyboard focus after a change that removes, or brings in, the element a person is
//! working with. When a focused button disappears (a panel closed, a notice cleared)
//! the browser drops focus to `<body>`, and a keyboard user starts again from the top
//! of the page; these helpers put focus where the work continues instead.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` once the current change has been
/// rendered (on the next animation frame, when the reactive updates have reached the
/// DOM). Does nothing if there is no such element or it cannot take focus.
pub fn focus_after_render(selector: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The selector of the element with `data-testid="…"` (test ids are also the app's
/// stable names for its controls).
pub fn by_test_id(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}
