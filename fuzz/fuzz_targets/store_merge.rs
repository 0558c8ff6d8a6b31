//! Two stores and a script of changes → the merge of tabs (`saved::merge`).
//!
//! The input is three parts split at the first two NUL bytes: the text of store A,
//! the text of store B (each read as the browser's storage would hand it over, with
//! `saved::decode_lenient`), and a script of change bytes. Asserts, for any input:
//! - nothing panics;
//! - merging A and B (any two stores, however written) keeps the properties of
//!   `crates/model/tests/saved_support`'s `check_merge`: ids unique; no scenario
//!   either kept is lost (each is there with its levers, seed and note, or the other
//!   side holds a version made from it, or a deletion covers it); nothing a deletion
//!   covers comes back; the same result either way round; merging again with either
//!   side changes nothing;
//! - the merged store, written as the browser keeps it, reads back the same;
//! - two tabs starting from A's scenarios and running the script (saves, renames,
//!   notes, duplicates, deletes, undos, imports, acting before hearing of each other,
//!   writing and hearing in any order, time passing) keep those properties at every
//!   write and hearing, and agree with each other and with storage after one
//!   exchange.
#![no_main]

#[path = "../../crates/model/tests/saved_support/mod.rs"]
mod saved_support;

use blockvote_model::nfc::nfc;
use blockvote_model::saved::{decode, decode_lenient, encode_stored, merge, SavedScenario, Store};
use libfuzzer_sys::fuzz_target;
use saved_support::{check_merge, content, Tabs, LABEL};

/// The most script steps run for one input: a longer script only repeats changes.
const MAX_STEPS: usize = 120;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |byte| *byte == 0);
    let (first, second, script) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let (a, _) = decode_lenient(&String::from_utf8_lossy(first), nfc);
    let (b, _) = decode_lenient(&String::from_utf8_lossy(second), nfc);

    let merged = merge(&a, &b, LABEL).store;
    check_merge(&a, &b, &merged);
    let written = encode_stored(&merged);
    let read = decode(&written, nfc).unwrap_or_else(|problems| panic!("{problems:?} reading {written:?}"));
    assert_eq!(content(&read), content(&merged), "written as {written:?}");

    // Two tabs over A's scenarios. Its stamps and deletions are dropped: every stamp
    // then comes from the tabs' own writers, as in the browser, where a stamp names
    // one version only.
    let base = Store::of(a.scenarios.into_iter().map(|s| SavedScenario { history: Vec::new(), ..s }).collect());
    let mut tabs = Tabs::new(base);
    tabs.run(script.get(..MAX_STEPS * 2).unwrap_or(script));
    tabs.settle();
});
