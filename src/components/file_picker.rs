//! A "choose a file" control drawn as one of the app's buttons: the file input is
//! hidden behind a label styled as a button, so the browser's own "Choose file" text
//! (in its language, not the member's) is not shown. The input is cleared after each
//! choice so that choosing the same file again (after fixing it) reads it again.

use crate::components::words::Words;
use blockvote_present::lang::Label;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FilePicker(
    /// The input's `accept`, e.g. `.csv,text/csv`.
    accept: &'static str,
    /// The input's `data-testid`.
    testid: &'static str,
    /// The button's words.
    label: Label,
    /// Called with the file chosen.
    on_file: impl Fn(web_sys::File) + 'static,
) -> impl IntoView {
    let changed = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|files| files.get(0));
        input.set_value("");
        if let Some(file) = file {
            on_file(file);
        }
    };
    view! {
        <label class="import-button">
            <input type="file" class="visually-hidden" accept=accept data-testid=testid on:change=changed />
            <span>
                <Words label=label />
            </span>
        </label>
    }
}
