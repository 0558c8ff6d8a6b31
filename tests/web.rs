#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Browser tests (wasm-bindgen-test in headless Chromium): the shell mounts, routes
//! and switches language; pure helpers behave the same in wasm as natively.

use blockvote_present::lang::Lang;
use blockvote_present::route::{fragment_for, route, View};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[track_caller]
fn check(fragment: &str, expected_view: View, expected_lang: Option<Lang>) {
    let parsed = route(fragment);
    assert_eq!((parsed.view, parsed.lang), (expected_view, expected_lang), "route({fragment:?})");
}

#[wasm_bindgen_test]
fn routes_parse_in_the_browser() {
    check("", View::Overview, None);
    check("#view=cashflow&lang=en", View::Cashflow, Some(Lang::En));
    check("#view=nonsense&lang=xx", View::Overview, None);
    check("#view=risk&lang=zh&slip=0.3", View::Risk, Some(Lang::Zh));
    let long = format!("#view=projects&{}", "x".repeat(1_000_000));
    check(&long, View::Projects, None);
    assert_eq!(fragment_for(View::Allocation, Lang::En, &[]), "#view=allocation&lang=en");
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser test has a document")
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn the_shell_mounts_once_and_switches_language() {
    let doc = document();
    let host = doc.create_element("div").expect("div");
    host.set_id("app");
    // Stale DOM, as in a page saved from the browser: it must be replaced, not doubled.
    host.set_inner_html("<nav data-testid=\"nav\">stale</nav>");
    doc.body().expect("body").append_child(&host).expect("append");
    blockvote::start();
    next_frame().await;
    let navs = doc.query_selector_all("[data-testid=nav]").expect("query");
    assert_eq!(navs.length(), 1, "exactly one navigation after mounting over stale DOM");
    let english = doc.query_selector("[data-testid=lang-en]").expect("query").expect("English button");
    english.dyn_ref::<web_sys::HtmlElement>().expect("button").click();
    next_frame().await;
    let nav_text = doc.query_selector("[data-testid=nav-projects]").expect("query").expect("link").text_content();
    assert_eq!(nav_text.as_deref(), Some("Projects"));
    let chinese = doc.query_selector("[data-testid=lang-zh]").expect("query").expect("Chinese button");
    chinese.dyn_ref::<web_sys::HtmlElement>().expect("button").click();
    next_frame().await;
    let nav_text = doc.query_selector("[data-testid=nav-projects]").expect("query").expect("link").text_content();
    assert_eq!(nav_text.as_deref(), Some("項目"));
}

use wasm_bindgen::JsCast;

/// Waits for the next animation frame's callbacks.
async fn animation_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets queued microtasks (the reactive effects) run.
async fn microtasks() {
    for _ in 0..4 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
    }
}

#[wasm_bindgen_test]
async fn a_copy_after_paint_follows_after_the_frame_or_at_once_when_asked() {
    use blockvote::after_paint::{after_paint, AfterPaint};
    use leptos::prelude::*;
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let (source, copy, later) = owner.with(|| {
        let source = RwSignal::new(1);
        let later = AfterPaint::new();
        (source, after_paint(later, source, i32::eq), later)
    });
    microtasks().await;
    // A burst of changes inside one frame: the copy keeps its value until the frame
    // has been painted, then catches up once, with the latest.
    source.set(2);
    source.set(3);
    microtasks().await;
    assert_eq!(copy.get_untracked(), 1, "not inside the frame");
    animation_frame().await;
    next_frame().await;
    assert_eq!(copy.get_untracked(), 3, "after the frame, the latest value");
    // Asked to catch up: before the call returns.
    source.set(4);
    later.catch_up();
    assert_eq!(copy.get_untracked(), 4, "at once when asked");
    // Once its owner is gone, a queued catch-up does nothing (and does not panic).
    source.set(5);
    microtasks().await;
    owner.cleanup();
    animation_frame().await;
    next_frame().await;
}
