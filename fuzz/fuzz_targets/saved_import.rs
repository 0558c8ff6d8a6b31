//! An imported (or stored) scenarios file → the store → the app's import path.
//!
//! The app's import (`src/screens/scenarios.rs`) calls `saved::decode_lenient`, looks
//! for names already used with `Store::by_name`, and `Store::merge`s the rows, either
//! replacing same-named scenarios or keeping both; a scenario once loaded is projected
//! and written to the link. Asserts, for any text:
//! - nothing on that path panics;
//! - `decode` is `decode_lenient` refusing on any problem;
//! - what is kept obeys the store's rules (at most `MAX_SCENARIOS`, names clean and
//!   1–`MAX_NAME_CHARS` characters, ids non-empty and unique);
//! - `saved::encode` of the kept store decodes back to exactly that store, before and
//!   after merging it into an empty store and into itself.
#![no_main]

use blockvote_model::engine::Engine;
use blockvote_model::link;
use blockvote_model::saved::{clean_name, decode, decode_lenient, encode, Store, MAX_NAME_CHARS, MAX_SCENARIOS};
use blockvote_model::Dataset;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How many imported scenarios of one input are projected: the engine's work per
/// scenario dwarfs the decoding, and a few suffice to cover what the rows can hold.
const PROJECTED: usize = 3;

/// The engine over the paper, prepared once as the app does.
fn engine() -> Option<&'static Engine> {
    static ENGINE: OnceLock<Option<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| Dataset::paper().ok().and_then(|dataset| Engine::new(&dataset).ok())).as_ref()
}

/// Checks the store's rules and that it survives being written and read again.
fn check_store(store: &Store, what: &str) {
    assert!(store.scenarios.len() <= MAX_SCENARIOS, "{what}: {} scenarios", store.scenarios.len());
    let mut ids = HashSet::new();
    for saved in &store.scenarios {
        assert!(!saved.id.is_empty(), "{what}: an empty id");
        assert!(ids.insert(saved.id.as_str()), "{what}: id {:?} twice", saved.id);
        assert!(saved.name.chars().count() <= MAX_NAME_CHARS, "{what}: name {:?} too long", saved.name);
        assert_eq!(clean_name(&saved.name).as_ref(), Ok(&saved.name), "{what}: name {:?} not clean", saved.name);
    }
    let text = encode(store);
    assert!(!text.contains('<'), "{what}: `<` must be escaped");
    assert_eq!(decode(&text).as_ref(), Ok(store), "{what}: written as {text:?}");
}

fuzz_target!(|data: &[u8]| {
    // The browser's FileReader and localStorage hand over text; invalid UTF-8 in a
    // file arrives as U+FFFD, as here.
    let text = String::from_utf8_lossy(data);
    let (store, problems) = decode_lenient(&text);
    match decode(&text) {
        Ok(strict) => {
            assert!(problems.is_empty());
            assert_eq!(strict, store);
        }
        Err(strict_problems) => assert_eq!(strict_problems, problems),
    }
    check_store(&store, "decoded");

    // A file may repeat a name; the properties of replacing hold for distinct names.
    let names: HashSet<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
    let distinct = names.len() == store.scenarios.len();
    for replace in [false, true] {
        let mut empty = Store::default();
        let (added, replaced) = empty.merge(store.scenarios.clone(), replace);
        assert_eq!(added + replaced, store.scenarios.len(), "merging into an empty store takes every row");
        if distinct || !replace {
            assert_eq!(added, store.scenarios.len(), "merging into an empty store adds every row");
        }
        check_store(&empty, "merged into an empty store");

        let mut twice = store.clone();
        let conflicts = store.scenarios.iter().filter(|s| twice.by_name(&s.name).is_some()).count();
        assert_eq!(conflicts, store.scenarios.len(), "every name of a store is in the store");
        let (added, replaced) = twice.merge(store.scenarios.clone(), replace);
        if replace {
            assert_eq!((added, replaced), (0, store.scenarios.len()), "replacing same names adds nothing");
            if distinct {
                assert_eq!(twice, store, "replacing a store with itself changes nothing");
            }
        } else {
            assert_eq!(replaced, 0);
            assert_eq!(twice.scenarios.len(), (store.scenarios.len() * 2).min(MAX_SCENARIOS));
        }
        check_store(&twice, "merged into itself");
    }

    for saved in store.scenarios.iter().take(PROJECTED) {
        if let Some(engine) = engine() {
            let _ = engine.project(&saved.scenario);
        }
        let pairs = link::encode(&saved.scenario, saved.seed);
        let _ = link::decode(&pairs);
    }
});
