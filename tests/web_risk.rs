#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Browser tests of what only a browser shows on the slippage & risk screen
//! (wasm-bindgen-test in headless Chromium): the chunked-task runner between real
//! browser tasks (slices, progress, cancelling, superseding, an owner disposed), the
//! figures following what is typed (the figures themselves are worked out and tested
//! natively in `blockvote-present`), and a small simulation run to its end in slices.

use blockvote::tasks::{ChunkedWork, Pace, Task, TaskReport, TaskSlot};
use blockvote_model::engine::{Engine, Scenario, Slippage};
use blockvote_model::Dataset;
use blockvote_present::cash::shown_budget_year;
use blockvote_present::lang::Lang;
use blockvote_present::screens::risk::slippage::slippage_table;
use leptos::prelude::Owner;
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser test has a document")
}

/// Waits for one browser task (a `setTimeout(0)` later).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Work of `total` units, each a little loop, counting the slices it was given.
struct Counting {
    done: u32,
    total: u32,
    slices: Rc<RefCell<Vec<u32>>>,
}

impl ChunkedWork for Counting {
    type Output = u32;

    fn step(&mut self, units: u32) -> u32 {
        let units = units.min(self.total - self.done);
        self.slices.borrow_mut().push(units);
        self.done += units;
        units
    }

    fn progress(&self) -> (u32, u32) {
        (self.done, self.total)
    }

    fn finish(&mut self) -> u32 {
        self.done
    }
}

const PACE: Pace = Pace { first: 1, min: 1, max: 8 };

/// What a counting task did, as it happens: the units of each slice, the progress
/// reported after each slice, and the final report.
struct Observed {
    slices: Rc<RefCell<Vec<u32>>>,
    progress: Rc<RefCell<Vec<u32>>>,
    finished: Rc<RefCell<Option<TaskReport>>>,
}

/// Starts a counting task of `total` units in `slot`.
fn count_in(slot: TaskSlot, total: u32) -> Observed {
    let observed = Observed {
        slices: Rc::new(RefCell::new(Vec::new())),
        progress: Rc::new(RefCell::new(Vec::new())),
        finished: Rc::new(RefCell::new(None)),
    };
    let (progress, finished) = (observed.progress.clone(), observed.finished.clone());
    Task::new(Counting { done: 0, total, slices: observed.slices.clone() }, PACE)
        .on_slice(move |_, report| progress.borrow_mut().push(report.done))
        .on_finish(move |_, report| *finished.borrow_mut() = Some(report))
        .start(slot);
    observed
}

#[wasm_bindgen_test]
async fn the_runner_works_in_slices_between_browser_tasks_and_reports() {
    let owner = Owner::new();
    let slot = owner.with(TaskSlot::new);
    let Observed { slices, progress, finished } = count_in(slot, 40);
    assert!(slices.borrow().is_empty(), "nothing runs before the next browser task");
    for _ in 0..200 {
        if finished.borrow().is_some() {
            break;
        }
        next_task().await;
    }
    let report = finished.borrow().expect("the task finishes");
    assert_eq!((report.done, report.total), (40, 40));
    // Quick slices double, up to the pace's largest.
    assert_eq!(slices.borrow().first(), Some(&1));
    assert!(slices.borrow().iter().all(|units| *units <= 8), "{:?}", slices.borrow());
    assert_eq!(slices.borrow().iter().sum::<u32>(), 40);
    assert_eq!(progress.borrow().last(), Some(&40));
    assert!(progress.borrow().windows(2).all(|pair| pair[0] < pair[1]), "progress only grows");
    assert!(report.longest_slice_ms >= 0.0 && report.elapsed_ms >= report.busy_ms - 1.0);
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn a_task_stops_when_cancelled_superseded_or_its_owner_is_gone() {
    let owner = Owner::new();
    let slot = owner.with(TaskSlot::new);
    // Superseded: a second task in the same slot before the first one's first slice.
    let first = count_in(slot, 10);
    let second = count_in(slot, 10);
    // Cancelled.
    let other = owner.with(TaskSlot::new);
    let cancelled = count_in(other, 10);
    other.cancel();
    // Its owner disposed of.
    let gone = Owner::new();
    let gone_slot = gone.with(TaskSlot::new);
    let gone_task = count_in(gone_slot, 10);
    gone.cleanup();
    for _ in 0..50 {
        next_task().await;
    }
    let never_ran = |task: &Observed| task.slices.borrow().is_empty() && task.finished.borrow().is_none();
    assert!(second.finished.borrow().is_some(), "the newer task runs");
    assert!(never_ran(&first), "the superseded one never runs");
    assert!(never_ran(&cancelled), "the cancelled one never runs");
    assert!(never_ran(&gone_task), "the one whose owner is gone never runs");
    owner.cleanup();
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
    next_task().await;
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

/// The slippage table's row `key` as the presentation layer words it for `share`
/// late by one quarter: `with slippage | effect`.
fn expected(share: Decimal, key: &str) -> String {
    let data = Dataset::paper().expect("the paper loads");
    let engine = Engine::new(&data).expect("the engine prepares");
    let scenario = Scenario { slippage: Slippage { enabled: true, share, quarters: 1 }, ..Scenario::default() };
    let project = |scenario: &Scenario| engine.project(scenario).expect("projects");
    let baseline = project(&Scenario::default());
    let table = slippage_table(
        &scenario,
        baseline.budget_year_totals.year,
        shown_budget_year(&baseline),
        Some(shown_budget_year(&baseline)),
        Some(shown_budget_year(&project(&scenario))),
        Lang::En,
    );
    let row = table.rows.iter().find(|row| row.key == key).expect("the row");
    format!("{} | {}", row.with_slippage.as_ref().unwrap().text(Lang::En), row.effect.as_ref().unwrap().text(Lang::En))
}

#[wasm_bindgen_test]
async fn the_slippage_figures_follow_what_is_typed() {
    mount_risk().await;
    assert_eq!(text("risk-2018-19-new"), "243.0");
    type_into("slip-share", "0.6");
    next_task().await;
    let shown = format!("{} | {}", text("risk-2018-19-new"), text("risk-effect-new"));
    assert_eq!(shown, expected(Decimal::new(6, 1), "new"), "the screen draws what present works out");
    assert!(by_testid("slip-enabled").unwrap().dyn_into::<web_sys::HtmlInputElement>().unwrap().checked());

    // Once the field has lost the focus, an invalid share is refused at the field and
    // the share in effect stays.
    leave("slip-share");
    type_into("slip-share", "2");
    next_task().await;
    let field = by_testid("slip-share").expect("share field");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(format!("{} | {}", text("risk-2018-19-new"), text("risk-effect-new")), shown);

    // A refused entry leaves nothing of the typing in effect: typed on from there, the
    // 0.7 on the way goes, and 0.6 is back.
    type_into("slip-share", "0.7");
    next_task().await;
    assert_eq!(
        format!("{} | {}", text("risk-2018-19-new"), text("risk-effect-new")),
        expected(Decimal::new(7, 1), "new")
    );
    type_into("slip-share", "0.7x");
    next_task().await;
    assert_eq!(format!("{} | {}", text("risk-2018-19-new"), text("risk-effect-new")), shown);
}

/// The field `id` loses the focus, which ends its typing.
fn leave(id: &str) {
    let input = by_testid(id).unwrap_or_else(|| panic!("{id} is on the page"));
    let fire = js_sys::Function::new_with_args("el", "el.dispatchEvent(new FocusEvent('blur'));");
    fire.call1(&wasm_bindgen::JsValue::NULL, &input).expect("dispatch the blur event");
}

/// Whether the field `id` is marked invalid.
fn refused(id: &str) -> bool {
    by_testid(id).and_then(|e| e.get_attribute("aria-invalid")).as_deref() == Some("true")
}

/// Types `value` into the field `id`, and leaves it.
fn enter(id: &str, value: &str) {
    type_into(id, value);
    leave(id);
}

#[wasm_bindgen_test]
async fn an_entry_refused_over_another_field_reads_again_when_that_field_moves() {
    mount_risk().await;
    for weight in ["mc-weight-2", "mc-weight-3", "mc-weight-4"] {
        enter(weight, "0");
    }
    next_task().await;
    enter("mc-weight-1", "0");
    next_task().await;
    assert!(refused("mc-weight-1"), "no weight above 0 is refused");
    assert_eq!(text("mc-weight-shares"), "= 100.0% : 0.0% : 0.0% : 0.0%", "the weights in effect");
    enter("mc-weight-2", "3");
    next_task().await;
    // The entry is read again once the weight has moved, and applied then: a task later.
    next_task().await;
    assert!(!refused("mc-weight-1"), "with another weight above 0, the entry reads");
    assert_eq!(text("mc-weight-shares"), "= 0.0% : 100.0% : 0.0% : 0.0%", "and is applied, as the field shows it");

    click("mc-overrun");
    next_task().await;
    enter("mc-overrun-max", "10");
    enter("mc-overrun-min", "20");
    next_task().await;
    assert!(refused("mc-overrun-min"), "a lower end above the upper one is refused");
    enter("mc-overrun-max", "30");
    next_task().await;
    assert!(!refused("mc-overrun-min"), "the upper end raised, the lower end reads");
    enter("mc-overrun-max", "15");
    next_task().await;
    assert!(refused("mc-overrun-max"), "an upper end below the lower end in effect (20) is refused");
    // The simulation's defaults again, for the tests that mount the screen after this.
    click("mc-defaults");
    next_task().await;
    assert!(!refused("mc-overrun-max") && !refused("mc-weight-1"));
}

#[wasm_bindgen_test]
async fn a_small_monte_carlo_runs_to_the_end_in_slices() {
    mount_risk().await;
    type_into("mc-runs", "300");
    type_into("mc-seed", "42");
    next_task().await;
    click("mc-run");
    let mut tasks = 0;
    let finished = || by_testid("mc-status").and_then(|e| e.get_attribute("data-state")).as_deref() == Some("finished");
    while by_testid("mc-p50-2018-19").is_none() || !finished() {
        tasks += 1;
        assert!(tasks < 20_000, "the simulation finishes");
        next_task().await;
    }
    assert_eq!(text("mc-progress-text"), "300 / 300");
    // The status says the run finished, and a screen reader hears its percentiles.
    assert!(text("mc-status").starts_with("Finished: 300 runs; the results are below."), "{}", text("mc-status"));
    assert!(text("mc-status-spoken").starts_with("In 9 of 10 simulated years"));
    assert!(text("mc-stamp").contains("Seed 42 · 300 runs"), "stamped: {}", text("mc-stamp"));
    let longest = by_testid("mc-stamp").and_then(|e| e.get_attribute("data-longest-chunk-ms"));
    assert!(longest.is_some_and(|ms| ms.parse::<f64>().is_ok()), "the longest slice is measured");
    assert!(text("mc-in-words").starts_with("In 9 of 10 simulated years"));
    assert!(by_testid("mc-stale").is_none());
    // A new seed typed after the run marks the result stale.
    type_into("mc-seed", "43");
    next_task().await;
    assert!(by_testid("mc-stale").is_some(), "a changed setting marks the result stale");
}
