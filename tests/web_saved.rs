#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Browser tests of saved scenarios (wasm-bindgen-test in headless Chromium): the
//! real `localStorage` round trip, a corrupt entry moved aside without overwriting an
//! existing backup, a change merging what another tab stored, and the scenarios screen
//! saving through its form.

use blockvote::saved::storage::{move_aside, restore, save, set_aside, NotRemoved, StorageIssue, BACKUP_KEY, KEY};
use blockvote::saved::Saved;
use blockvote_model::engine::{Scenario, SimulationChoices};
use blockvote_model::saved::limits::MAX_SET_ASIDE;
use blockvote_model::saved::set_aside::slot_keys;
use blockvote_model::saved::{SavedScenario, Store};
use leptos::prelude::GetUntracked;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("a browser test has storage")
}

fn clear(storage: &web_sys::Storage) {
    for key in std::iter::once(KEY.to_string()).chain(slot_keys(BACKUP_KEY)) {
        storage.remove_item(&key).expect("remove");
    }
}

fn one(name: &str) -> Store {
    Store::of(vec![SavedScenario::new(
        "s1",
        name,
        Scenario { cost_change_pct: 5.into(), ..Scenario::default() },
        Some(SimulationChoices::with_seed(3)),
    )])
}

/// The normaliser the shell passes to the model (the browser's) agrees with the one the
/// native tests use on every example, and so does its lower case for the search.
#[wasm_bindgen_test]
fn the_browser_normaliser_and_lowercase_give_every_example() {
    for (input, expected) in blockvote_model::nfc::EXAMPLES {
        assert_eq!(blockvote::unicode::nfc(input), expected, "NFC of {input:?}");
    }
    for (input, expected) in blockvote_present::screens::projects::filters::LOWERCASE_EXAMPLES {
        assert_eq!(blockvote::unicode::lowercase(input), expected, "lower case of {input:?}");
    }
}

#[wasm_bindgen_test]
fn saves_and_restores_through_local_storage() {
    let storage = storage();
    clear(&storage);
    let empty = restore(Ok(&storage));
    assert_eq!(empty.store, Store::default());
    assert_eq!((empty.issue, empty.backup), (None, None));
    save(Ok(&storage), &one("Round trip")).expect("saves");
    let restored = restore(Ok(&storage));
    assert_eq!(restored.store, one("Round trip"));
    assert!(restored.problems.is_empty());
    assert_eq!(save(Err(StorageIssue::Unavailable), &one("x")), Err(StorageIssue::Unavailable));
    assert_eq!(restore(Err(StorageIssue::Unavailable)).issue, Some(StorageIssue::Unavailable));
    clear(&storage);
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_moved_aside_without_overwriting_a_backup() {
    let storage = storage();
    clear(&storage);
    storage.set_item(BACKUP_KEY, "older").expect("set");
    storage.set_item(KEY, "{not json").expect("set");
    let restored = restore(Ok(&storage));
    assert_eq!(restored.store, Store::default());
    assert_eq!(restored.problems.len(), 1);
    let backup = restored.backup.expect("a backup");
    assert_eq!(backup.key.as_deref(), Some(format!("{BACKUP_KEY}.2").as_str()));
    assert_eq!(backup.text, "{not json");
    assert_eq!(storage.get_item(BACKUP_KEY).expect("get").as_deref(), Some("older"));
    // The same text again reuses its backup rather than filling another key.
    assert_eq!(move_aside(&storage, "{not json"), Ok(format!("{BACKUP_KEY}.2")));
    assert_eq!(storage.get_item(&format!("{BACKUP_KEY}.3")).expect("get"), None);
    clear(&storage);
}

#[wasm_bindgen_test]
fn every_place_taken_turns_saving_off_saying_so_and_removing_one_downloaded_turns_it_on() {
    let storage = storage();
    clear(&storage);
    let places: Vec<String> = slot_keys(BACKUP_KEY).collect();
    for (n, key) in places.iter().enumerate() {
        storage.set_item(key, &format!("older {n}")).expect("set");
    }
    storage.set_item(KEY, "{not json").expect("set");
    let restored = restore(Ok(&storage));
    assert_eq!(restored.issue, Some(StorageIssue::BackupSlotsFull));
    assert_eq!(restored.backup.as_ref().and_then(|b| b.key.clone()), None);
    let saved = Saved::from_restored(restored);
    assert_eq!(saved.set_aside.get_untracked().len(), MAX_SET_ASIDE, "every place is listed");
    // Only the text downloaded is removed.
    assert_eq!(saved.remove_set_aside(&places[6], "not what is there"), Err(NotRemoved::Changed));
    assert_eq!(storage.get_item(&places[6]).expect("get").as_deref(), Some("older 6"));
    assert_eq!(saved.issue.get_untracked(), Some(StorageIssue::BackupSlotsFull));
    // Removing one sets the unreadable text aside there, and saving is on again.
    assert_eq!(saved.remove_set_aside(&places[6], "older 6"), Ok(()));
    assert_eq!(storage.get_item(&places[6]).expect("get").as_deref(), Some("{not json"));
    assert_eq!(saved.issue.get_untracked(), None);
    assert_eq!(saved.backup.get_untracked().and_then(|b| b.key), Some(places[6].clone()));
    saved.save("Now kept", Scenario::default(), None).expect("saved");
    assert!(saved.is_stored());
    clear(&storage);
}

#[wasm_bindgen_test]
fn a_change_merges_what_another_tab_stored_and_set_aside_text_is_never_overwritten() {
    let storage = storage();
    clear(&storage);
    let saved = Saved::restore();
    // Another tab writes after this one read.
    save(Ok(&storage), &one("From another tab")).expect("saves");
    saved.save("Mine", Scenario::default(), None).expect("saved");
    let stored =
        blockvote_model::saved::decode(&storage.get_item(KEY).expect("get").expect("stored"), blockvote::unicode::nfc)
            .expect("valid");
    let names: Vec<&str> = stored.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["From another tab", "Mine"], "neither tab's scenario is lost");
    assert_eq!(saved.store.get_untracked().scenarios.len(), 2, "and this tab shows both");
    // Numbered keys: the first free one, the same text reusing its key.
    let base = "blockvote.test.set-aside";
    for key in [base.to_string(), format!("{base}.2")] {
        storage.remove_item(&key).expect("remove");
    }
    assert_eq!(set_aside(&storage, base, "one").as_deref(), Ok(base));
    assert_eq!(set_aside(&storage, base, "two"), Ok(format!("{base}.2")));
    assert_eq!(set_aside(&storage, base, "one").as_deref(), Ok(base));
    assert_eq!(storage.get_item(base).expect("get").as_deref(), Some("one"));
    for key in [base.to_string(), format!("{base}.2")] {
        storage.remove_item(&key).expect("remove");
    }
    clear(&storage);
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

fn by_testid(id: &str) -> web_sys::HtmlElement {
    document()
        .query_selector(&format!("[data-testid=\"{id}\"]"))
        .expect("query")
        .unwrap_or_else(|| panic!("{id} is on the page"))
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an HTML element")
}

#[wasm_bindgen_test]
async fn the_screen_saves_a_named_scenario_and_the_paper_stays_first() {
    let storage = storage();
    clear(&storage);
    let window = web_sys::window().expect("window");
    window.location().set_hash("view=scenarios&lang=en&cost=10").expect("set the fragment");
    let doc = document();
    if doc.get_element_by_id("app").is_none() {
        let host = doc.create_element("div").expect("div");
        host.set_id("app");
        doc.body().expect("body").append_child(&host).expect("append");
    }
    blockvote::start();
    next_frame().await;
    assert!(by_testid("scenario-row-0").text_content().unwrap_or_default().contains("The paper"));
    let input = by_testid("scenario-name").dyn_into::<web_sys::HtmlInputElement>().expect("input");
    input.set_value("From the test");
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    by_testid("scenario-save").click();
    next_frame().await;
    assert_eq!(by_testid("scenario-label-1").text_content().as_deref(), Some("From the test"));
    let stored = storage.get_item(KEY).expect("get").expect("saved at once");
    let store = blockvote_model::saved::decode(&stored, blockvote::unicode::nfc).expect("a valid store");
    assert_eq!(store.scenarios.len(), 1);
    assert_eq!(store.scenarios[0].scenario.cost_change_pct, 10.into(), "the link's lever was saved");
    clear(&storage);
}
