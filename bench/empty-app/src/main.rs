//! The empty app: mounts a `<main>` with a heading into `#app`, as blockvote's
//! `start()` does with its own shell, and nothing else.

use leptos::prelude::*;

fn main() {
    let host = document().get_element_by_id("app").and_then(|element| {
        use wasm_bindgen::JsCast;
        element.dyn_into::<leptos::web_sys::HtmlElement>().ok()
    });
    if let Some(host) = host {
        leptos::mount::mount_to(host, App).forget();
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
