//! The last line of defence: if a panic happens anyway, log it and show a visible
//! banner instead of leaving a frozen page. The banner is built with plain DOM calls,
//! not Leptos, because after a panic the reactive runtime cannot be trusted.

use std::panic;

pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
}

/// Shows the error banner with the panic message. Uses `text_content`, never HTML, so
/// a message carrying user text cannot inject markup.
pub fn show_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let banner = match document.get_element_by_id("fatal-error") {
        Some(existing) => existing,
        None => {
            let Ok(created) = document.create_element("div") else { return };
            created.set_id("fatal-error");
            let _ = created.set_attribute("role", "alert");
            let _ = created.set_attribute("data-testid", "fatal-error");
            let _ = body.prepend_with_node_1(&created);
            created
        }
    };
    banner.set_text_content(Some(&format!(
        "blockvote 發生內部錯誤，請重新載入頁面。 Something went wrong inside blockvote; please reload the page. ({message})"
    )));
}
