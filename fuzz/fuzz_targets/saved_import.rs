//! An imported (or stored) scenarios file → the store → the app's import path.
//!
//! The app's import (`src/screens/scenarios.rs`) calls `saved::decode_lenient`, looks
//! for names already used with `Store::by_name`, and imports the rows
//! (`Store::import`, or `Store::merge` as the screen calls it today), either replacing
//! same-named scenarios or keeping both; a scenario once loaded is projected and
//! written to the link. Asserts, for any text:
//! - nothing on that path panics;
//! - `decode` is `decode_lenient` refusing on any problem;
//! - what is read obeys the reader's rules (at most `MAX_READ_SCENARIOS`, names clean
//!   and 1–`MAX_NAME_CHARS` characters, ids non-empty and unique, questions within
//!   their limits and clean), and what is
//!   imported the store's (at most `MAX_SCENARIOS`);
//! - every row is added, replaces one, or is named as not added;
//! - `saved::encode` of the scenarios decodes back to exactly those scenarios, and
//!   `saved::encode_stored` of the store to exactly that store, before and after
//!   importing it into an empty store and into itself.
#![no_main]

use blockvote_model::nfc::nfc;
use blockvote_model::engine::Engine;
use blockvote_model::link;
use blockvote_model::saved::{
    clean_name, clean_questions, decode, decode_lenient, encode, encode_stored, Store, Writer, MAX_NAME_CHARS,
    MAX_READ_SCENARIOS, MAX_SCENARIOS,
};
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

/// Checks the store's rules (at most `limit` scenarios) and that it survives being
/// written and read again, as a file and as storage keeps it.
fn check_store(store: &Store, limit: usize, what: &str) {
    assert!(store.scenarios.len() <= limit, "{what}: {} scenarios", store.scenarios.len());
    let mut ids = HashSet::new();
    for saved in &store.scenarios {
        assert!(!saved.id.is_empty(), "{what}: an empty id");
        assert!(ids.insert(saved.id.as_str()), "{what}: id {:?} twice", saved.id);
        assert!(saved.name.chars().count() <= MAX_NAME_CHARS, "{what}: name {:?} too long", saved.name);
        assert_eq!(clean_name(&saved.name, nfc).as_ref(), Ok(&saved.name), "{what}: name {:?} not clean", saved.name);
        let questions = clean_questions(saved.questions.clone(), nfc);
        assert_eq!(questions.as_ref(), Ok(&saved.questions), "{what}: questions {:?} not clean", saved.questions);
    }
    let text = encode(store);
    assert!(!text.contains('<'), "{what}: `<` must be escaped");
    assert_eq!(decode(&text, nfc), Ok(store.scenarios_only()), "{what}: written as {text:?}");
    let stored = encode_stored(store);
    assert!(!stored.contains('<'), "{what}: `<` must be escaped");
    assert_eq!(decode(&stored, nfc).as_ref(), Ok(store), "{what}: stored as {stored:?}");
}

fuzz_target!(|data: &[u8]| {
    // The browser's FileReader and localStorage hand over text; invalid UTF-8 in a
    // file arrives as U+FFFD, as here.
    let text = String::from_utf8_lossy(data);
    let (store, problems) = decode_lenient(&text, nfc);
    match decode(&text, nfc) {
        Ok(strict) => {
            assert!(problems.is_empty());
            assert_eq!(strict, store);
        }
        Err(strict_problems) => assert_eq!(strict_problems, problems),
    }
    check_store(&store, MAX_READ_SCENARIOS, "decoded");
    let rows = store.scenarios.len();

    // A file may repeat a name; the properties of replacing hold for distinct names.
    let names: HashSet<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
    let distinct = names.len() == store.scenarios.len();
    let mut writer = Writer::new(7, nfc);
    writer.at(1_700_000_000_000);
    for replace in [false, true] {
        let mut empty = Store::default();
        let report = empty.import(&mut writer, store.scenarios.clone(), replace);
        let accounted = report.added + report.replaced + report.already_saved + report.not_added.len();
        assert_eq!(accounted, rows, "every row is accounted for");
        if rows <= MAX_SCENARIOS && (distinct || !replace) {
            // A row the same as one before it in the file is already saved by then.
            assert_eq!(report.added + report.already_saved, rows, "importing into an empty store adds every row");
        }
        check_store(&empty, MAX_SCENARIOS, "imported into an empty store");

        let mut twice = store.scenarios_only();
        let conflicts = store.scenarios.iter().filter(|s| twice.by_name(&s.name).is_some()).count();
        assert_eq!(conflicts, rows, "every name of a store is in the store");
        let report = twice.import(&mut writer, store.scenarios.clone(), replace);
        let accounted = report.added + report.replaced + report.already_saved + report.not_added.len();
        assert_eq!(accounted, rows, "every row is accounted for");
        // Every row is saved in it as it is: a store imported into itself adds no copy
        // and replaces nothing, whatever is chosen for names in use.
        assert_eq!((report.added, report.replaced, report.already_saved), (0, 0, rows), "a store imported into itself");
        assert_eq!(twice.scenarios.len(), rows);
        check_store(&twice, MAX_READ_SCENARIOS, "imported into itself");
    }

    for saved in store.scenarios.iter().take(PROJECTED) {
        if let Some(engine) = engine() {
            let _ = engine.project(&saved.scenario);
        }
        let pairs = link::encode(&saved.scenario, saved.simulation.as_ref());
        let _ = link::decode(&pairs);
    }
});
