//! blockvote's browser shell: a Leptos client-side app over the pure model in
//! `crates/model`. Inputs live in signals, results are memos over the model, and the
//! only effects (URL fragment, storage, downloads) live at the edges of this crate.

pub mod address;
pub mod after_paint;
pub mod app;
pub mod charts;
pub mod components;
pub mod data_source;
pub mod notices;
pub mod panic_banner;
pub mod saved;
pub mod screens;
pub mod startup_marks;
pub mod state;
pub mod tasks;
pub mod unicode;
pub mod whatif;

use wasm_bindgen::JsCast;

/// Installs the panic hook and mounts the app into `#app`.
///
/// Whatever `#app` holds is cleared first: a copy of the page saved from the browser
/// ("Webpage, complete") contains the rendered DOM of the first run, and mounting
/// next to it would show two apps.
pub fn start() {
    panic_banner::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let host = match document.get_element_by_id("app") {
        Some(existing) => existing,
        None => {
            let Ok(created) = document.create_element("div") else { return };
            created.set_id("app");
            if let Some(body) = document.body() {
                let _ = body.append_child(&created);
            }
            created
        }
    };
    keep_carried_blocks(&document, &host);
    host.set_inner_html("");
    if let Ok(host) = host.dyn_into::<web_sys::HtmlElement>() {
        leptos::mount::mount_to(host, app::App).forget();
        // For make bench's start-up table: the first view is in the DOM, and the next
        // animation frame will draw it.
        startup_marks::mark(startup_marks::StartupMark::Mounted);
        leptos::prelude::request_animation_frame(|| startup_marks::mark(startup_marks::StartupMark::FirstFrame));
    }
}

/// Moves the data blocks an offline copy carries (its scenarios, its dataset) out of
/// `#app` before it is cleared: a copy edited by hand, or saved by a program that put
/// them there, would otherwise lose them without a word.
fn keep_carried_blocks(document: &web_sys::Document, host: &web_sys::Element) {
    use blockvote_model::offline::{DATASET_BLOCK_ID, SCENARIOS_BLOCK_ID};
    let Some(body) = document.body() else { return };
    for id in [SCENARIOS_BLOCK_ID, DATASET_BLOCK_ID] {
        let Ok(blocks) = host.query_selector_all(&saved::offline::every_block_with_id(id)) else { continue };
        for index in 0..blocks.length() {
            if let Some(block) = blocks.item(index) {
                let _ = body.append_child(&block);
            }
        }
    }
}
