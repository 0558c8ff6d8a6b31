#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Browser tests of the slippage & risk screen (wasm-bindgen-test in headless
//! Chromium): the expected-value slippage lever moves 2018-19's figures, and a small
//! Monte Carlo runs to the end in chunks and fills its table. Also the screen's pure
//! helpers, as compiled to wasm.

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

/// Mounts the app on the risk screen, in English.
async fn mount_risk() {
    let window = web_sys::window().expect("window");
    window.location().set_hash("view=risk&lang=en").expect("set the fragment");
    let doc = document();
    if doc.get_element_by_id("app").is_none() {
        let host = doc.create_element("div").expect("div");
        host.set_id("app");
        doc.body().expect("body").append_child(&host).expect("append");
    }
    blockvote::start();
    next_frame().await;
}

fn by_testid(id: &str) -> Option<web_sys::Element> {
    document().query_selector(&format!("[data-testid=\"{id}\"]")).ok().flatten()
}

fn text(id: &str) -> String {
    by_testid(id).and_then(|e| e.text_content()).unwrap_or_default().trim().to_string()
}

fn click(id: &str) {
    by_testid(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| panic!("{id} is on the page"))
        .click();
}

/// Types `value` into the input as a person would: sets it and fires a bubbling
/// `input` event (Leptos delegates events to the document).
fn type_into(id: &str, value: &str) {
    let input = by_testid(id).unwrap_or_else(|| panic!("{id} is on the page"));
    let fire = js_sys::Function::new_with_args(
        "el, v",
        "el.value = v; el.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    fire.call2(&wasm_bindgen::JsValue::NULL, &input, &wasm_bindgen::JsValue::from_str(value))
        .expect("dispatch the input event");
}

fn millions(text: &str) -> Decimal {
    text.replace(',', "").parse().unwrap_or_else(|_| panic!("{text:?} is an amount"))
}

#[wasm_bindgen_test]
async fn enabling_slippage_lowers_the_2018_19_new_project_figure() {
    mount_risk().await;
    assert_eq!(text("risk-2018-19-new"), "243.0", "the paper's new-project cash (Annex B)");
    assert_eq!(text("risk-2018-19-total"), "1,060.0");
    click("slip-enabled");
    next_frame().await;
    let new = millions(&text("risk-2018-19-new"));
    assert!(new < Decimal::from(243), "para 5's slippage moves new-project cash out of 2018-19: {new}");
    let total = millions(&text("risk-2018-19-total"));
    assert_eq!(total, new + Decimal::from(817), "the ongoing HK$817M is untouched");
    assert_eq!(millions(&text("risk-effect-new")), new - Decimal::from(243), "the effect of slippage alone");

    // A larger share late lowers it further, as the share is typed.
    type_into("slip-share", "0.6");
    next_frame().await;
    let later = millions(&text("risk-2018-19-new"));
    assert!(later < new, "60% late needs less in 2018-19 than 69/210: {later} against {new}");

    // An invalid share is refused at the field; the last valid one stays in effect.
    type_into("slip-share", "2");
    next_frame().await;
    let field = by_testid("slip-share").expect("share field");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(millions(&text("risk-2018-19-new")), later);
}

#[wasm_bindgen_test]
async fn a_small_monte_carlo_runs_to_the_end_and_fills_the_p50_cell() {
    mount_risk().await;
    type_into("mc-runs", "300");
    type_into("mc-seed", "42");
    next_frame().await;
    click("mc-run");
    // The run proceeds in chunks between frames; wait for it to finish.
    let mut frames = 0;
    while by_testid("mc-p50-2018-19").is_none() || !text("mc-status").is_empty() {
        frames += 1;
        assert!(frames < 20_000, "the simulation finishes");
        next_frame().await;
    }
    assert_eq!(text("mc-progress-text"), "300 / 300");
    let p50 = text("mc-p50-2018-19");
    let p90 = text("mc-p90-2018-19");
    assert!(p50.contains('.') && millions(&p50) > Decimal::from(817), "P50 of 2018-19 is filled: {p50:?}");
    assert!(millions(&p50) <= millions(&p90));
    assert!(text("mc-stamp").contains("Seed 42 · 300 runs"), "stamped: {}", text("mc-stamp"));
    assert!(by_testid("mc-stale").is_none());
    // A new seed typed after the run marks the result stale.
    type_into("mc-seed", "43");
    next_frame().await;
    assert!(by_testid("mc-stale").is_some(), "a changed setting marks the result stale");
}
