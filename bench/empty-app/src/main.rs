//! The empty app: mounts a `<main>` with a heading into `#app`, as blockvote's
//! `start()` does with its own shell, and nothing else. It makes the same two start-up
//! marks as blockvote's `start()` (src/startup_marks.rs), so that `make bench` can set
//! its phases next to blockvote's.

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`: bound directly, so the app needs no web-sys feature.
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

fn main() {
    let host = document().get_element_by_id("app").and_then(|element| {
        use wasm_bindgen::JsCast;
        element.dyn_into::<leptos::web_sys::HtmlElement>().ok()
    });
    if let Some(host) = host {
        leptos::mount::mount_to(host, App).forget();
        performance_mark("app:mounted");
        request_animation_frame(|| performance_mark("app:first-frame"));
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"Empty Leptos app"</h1>
        </main>
    }
}
