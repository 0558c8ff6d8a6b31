#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Browser tests of the data screens (projects, departments, budget distribution):
//! the app is mounted once, each test opens a screen by its fragment, drives the real
//! controls and reads the DOM. Expected figures are computed from the paper's dataset
//! here, independently of the screens' own filtering code.

use blockvote_model::{Dataset, Money};
use blockvote_present::screens::distribution::BIN_COUNT;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
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

async fn frames(n: usize) {
    for _ in 0..n {
        next_frame().await;
    }
}

thread_local! {
    static MOUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Opens a fragment: mounts the app on first use, otherwise navigates by the hash.
async fn open(fragment: &str) {
    let window = web_sys::window().expect("window");
    if MOUNTED.with(Cell::get) {
        // Through the overview, so that the hash always changes and the app hears it.
        window.location().set_hash("#view=overview").expect("set hash");
        frames(3).await;
        window.location().set_hash(fragment).expect("set hash");
    } else {
        window.location().set_hash(fragment).expect("set hash");
        let doc = document();
        let host = doc.create_element("div").expect("div");
        host.set_id("app");
        doc.body().expect("body").append_child(&host).expect("append");
        blockvote::start();
        MOUNTED.with(|m| m.set(true));
    }
    frames(3).await;
}

async fn wait_for(selector: &str) -> web_sys::Element {
    for _ in 0..400 {
        if let Ok(Some(element)) = document().query_selector(selector) {
            return element;
        }
        next_frame().await;
    }
    panic!("{selector} did not appear");
}

fn count(selector: &str) -> u32 {
    document().query_selector_all(selector).expect("query").length()
}

fn text(selector: &str) -> String {
    document().query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

/// Clicks an HTML or SVG element (SVG elements have no `click()`, so a bubbling click
/// event is dispatched, as a pointer would).
fn click(selector: &str) {
    let element = document().query_selector(selector).ok().flatten().expect(selector);
    let dispatch =
        js_sys::Function::new_with_args("el", "el.dispatchEvent(new MouseEvent('click', { bubbles: true }))");
    dispatch.call1(&JsValue::NULL, &element).expect("dispatch");
}

/// Types into an input the way a person does: sets the value and fires a bubbling
/// `input` event (Leptos listens at the document).
fn type_into(selector: &str, value: &str) {
    let element = document().query_selector(selector).ok().flatten().expect(selector);
    let input = element.dyn_ref::<web_sys::HtmlInputElement>().expect("an input");
    input.set_value(value);
    let dispatch = js_sys::Function::new_with_args("el", "el.dispatchEvent(new Event('input', { bubbles: true }))");
    dispatch.call1(&JsValue::NULL, input).expect("dispatch");
}

const ROWS: &str = "[data-testid^=\"project-row-\"]";

fn paper() -> Dataset {
    Dataset::paper().expect("the paper's data loads")
}

#[wasm_bindgen_test]
async fn the_search_box_narrows_the_rows_and_the_count_follows() {
    open("#view=projects&lang=en").await;
    wait_for("[data-testid=search]").await;
    assert_eq!(count(ROWS), 254);
    assert_eq!(text("[data-testid=visible-total]"), "1,527.7");
    for query in ["security", "保安", "Secur"] {
        type_into("[data-testid=search]", query);
        frames(3).await;
        let needle = query.to_lowercase();
        let expected = paper()
            .projects
            .iter()
            .filter(|p| p.name_zh.to_lowercase().contains(&needle) || p.name_en.to_lowercase().contains(&needle))
            .count();
        assert!(expected > 0 && expected < 254, "{query} matches some projects");
        assert_eq!(count(ROWS) as usize, expected, "rows for {query}");
        assert_eq!(text("[data-testid=visible-count]"), expected.to_string(), "count for {query}");
    }
    type_into("[data-testid=search]", "");
    frames(3).await;
    assert_eq!(count(ROWS), 254);
}

#[wasm_bindgen_test]
async fn a_header_sorts_and_a_second_press_reverses() {
    open("#view=projects&lang=zh").await;
    wait_for("[data-testid=sort-budget]").await;
    click("[data-testid=sort-budget]");
    frames(2).await;
    click("[data-testid=sort-budget]");
    frames(3).await;
    let header = wait_for("th[data-sort-key=budget]").await;
    assert_eq!(header.get_attribute("aria-sort").as_deref(), Some("descending"));
    let first = wait_for(ROWS).await;
    let max = paper().projects.iter().map(|p| p.budget).max().expect("projects");
    assert_eq!(first.get_attribute("data-budget").as_deref(), Some(max.to_string().as_str()));
    assert_eq!(max.format(1), "9.9");
    // Ties in budget are in id order.
    let first_id = paper().projects.iter().filter(|p| p.budget == max).map(|p| p.id).min().expect("a maximum");
    assert_eq!(first.get_attribute("data-testid"), Some(format!("project-row-{first_id}")));
}

#[wasm_bindgen_test]
async fn an_ids_link_shows_exactly_those_rows() {
    open("#view=projects&ids=14,15&lang=en").await;
    wait_for("[data-testid=ids-filter]").await;
    assert_eq!(count(ROWS), 2);
    assert_eq!(text("[data-testid=visible-count]"), "2");
    let data = paper();
    let sum = Money::checked_sum(data.projects.iter().filter(|p| p.id == 14 || p.id == 15).map(|p| p.budget))
        .expect("no overflow");
    assert_eq!(text("[data-testid=visible-total]"), sum.format(1));
}

#[wasm_bindgen_test]
async fn the_histogram_has_one_focusable_bar_per_band() {
    open("#view=distribution&lang=en").await;
    wait_for("[data-testid=histogram]").await;
    assert_eq!(count("[data-testid^=\"histogram-bar-\"]") as usize, BIN_COUNT);
    assert_eq!(count("[data-testid^=\"histogram-bar-\"][tabindex=\"0\"]") as usize, BIN_COUNT);
    let mut sum = 0;
    for k in 0..BIN_COUNT {
        let bar = wait_for(&format!("[data-testid=histogram-bar-{k}]")).await;
        sum += bar.get_attribute("data-count").and_then(|c| c.parse::<usize>().ok()).expect("a count");
    }
    assert_eq!(sum, paper().projects.len());
    click("[data-testid=histogram-bar-19]");
    wait_for("[data-testid=bin-projects]").await;
    let ceiling = Money::from_whole_millions(10);
    let floor = Money::parse_millions("9.5").expect("number");
    let near = paper().projects.iter().filter(|p| p.budget > floor && p.budget <= ceiling).count();
    assert_eq!(count("[data-testid^=\"bin-project-\"]") as usize, near);
}

#[wasm_bindgen_test]
async fn the_departments_total_is_the_sum_of_its_rows() {
    open("#view=departments&lang=zh").await;
    wait_for("[data-testid=departments-total]").await;
    assert_eq!(count("[data-testid^=\"department-row-\"]") as usize, paper().departments.len());
    assert_eq!(text("[data-testid=departments-total-budget]"), "1,527.7");
    assert_eq!(text("[data-testid=departments-total-count]"), "254");
}
