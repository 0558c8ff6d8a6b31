#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Regression tests for what fuzzing (`fuzz/`, see `docs/fuzzing.md`) and the review
//! that wrote its properties found: each input below once panicked or broke a
//! property the fuzz targets assert.

use blockvote_model::engine::{Engine, GroupEdit, Scenario, Selector};
use blockvote_model::link;
use blockvote_model::nfc::nfc;
use blockvote_model::saved::{clean_name, decode, decode_lenient, encode, SavedScenario, Store, Writer};
use blockvote_model::Dataset;
use std::collections::HashSet;

/// Decodes a scenarios file and checks the ids it ends with, and that the store
/// survives being written and read again.
#[track_caller]
fn check_ids(text: &str, expected: &[&str]) {
    let (store, problems) = decode_lenient(text, nfc);
    assert_eq!(problems, vec![], "problems of {text}");
    let ids: Vec<&str> = store.scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected, "ids of {text}");
    assert_eq!(decode(&encode(&store), nfc), Ok(store.clone()), "round trip of {text}");
}

fn envelope(rows: &str) -> String {
    format!(r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{rows}]}}"#)
}

#[test]
fn ids_at_the_end_of_the_numbering_do_not_overflow() {
    // `s` and u64::MAX: fresh numbering used to start at u64::MAX (saturated) and
    // then add one, which panicked under overflow checks and repeated an id without.
    let max = u64::MAX;
    check_ids(
        &envelope(&format!(r#"{{"id":"s{max}","name":"a","scenario":{{}}}},{{"name":"b","scenario":{{}}}}"#)),
        &[&format!("s{max}"), "s1"],
    );
    check_ids(
        &envelope(&format!(
            r#"{{"id":"s{max}","name":"a","scenario":{{}}}},{{"id":"s1","name":"b","scenario":{{}}}},{{"name":"c","scenario":{{}}}},{{"id":"s1","name":"d","scenario":{{}}}}"#
        )),
        &[&format!("s{max}"), "s1", "s2", "s3"],
    );
    // The ordinary numbering is unchanged: one past the largest number.
    check_ids(&envelope(r#"{"id":"s7","name":"a","scenario":{}},{"name":"b","scenario":{}}"#), &["s7", "s8"]);
}

#[test]
fn a_fresh_id_is_never_one_in_use() {
    let saved = |id: &str, name: &str| SavedScenario::new(id, name, Scenario::default(), None);
    let mut store = Store::of(vec![saved(&format!("s{}", u64::MAX), "a"), saved("s1", "b")]);
    assert_eq!(store.fresh_id(), "s2");
    // Importing adds under fresh ids, so the ids stay unique.
    store.import(&mut Writer::new(7, nfc), vec![saved("", "c"), saved("", "d")], false);
    let ids: HashSet<&str> = store.scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), store.scenarios.len(), "ids of {store:?}");
}

#[test]
fn a_department_index_past_every_department_writes_a_link() {
    // An imported scenario may name any department index; writing its link used to
    // compute `index + 1`, which overflowed at usize::MAX.
    let text =
        r#"[{"groups":[{"select":{"by":"department","index":18446744073709551615},"edit":{"defer_quarters":1}}]}]"#;
    let (store, problems) = decode_lenient(text, nfc);
    assert_eq!(problems, vec![]);
    let scenario = store.scenarios.first().map(|s| s.scenario.clone()).unwrap_or_default();
    assert_eq!(
        scenario.groups.first().map(|g| &g.select),
        Some(&Selector::Department { index: usize::MAX }),
        "the file's index is read as it is"
    );
    let pairs = link::encode(&scenario, None);
    assert_eq!(pairs, vec![("g".to_string(), "dept.18446744073709551616:d1".to_string())]);
    // The link names a department that does not exist, and decoding says so.
    let (decoded, problems) = link::decode(&pairs);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(decoded.scenario.groups.is_empty());
    // The engine refuses or ignores it; it must not panic.
    let dataset = Dataset::paper().expect("the paper loads");
    let engine = Engine::new(&dataset).expect("the engine prepares");
    let _ = engine.project(&scenario);
    let last = Scenario {
        groups: vec![GroupEdit { select: Selector::Department { index: usize::MAX - 1 }, ..GroupEdit::default() }],
        ..Scenario::default()
    };
    assert_eq!(link::encode(&last, None), vec![("g".to_string(), format!("dept.{}:", usize::MAX))]);
}

#[test]
fn a_list_pair_with_a_bad_item_changes_nothing() {
    // Found by fuzz/link_decode: a second `p=` whose first item was good and second
    // bad applied the first (moving project 17 to the end) and skipped the sort, so
    // the projects were out of order and the written link read back differently.
    let fragment = "p=17:d2,x;42:b5.5,p:back_loaded;3:e1&p=17:d1;4 at=1:300";
    let (decoded, problems) = link::decode(&link::parse_fragment(fragment));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let ids: Vec<u16> = decoded.scenario.projects.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![3, 17, 42]);
    assert_eq!(
        decoded.scenario.projects.get(1).and_then(|p| p.edit.defer_quarters),
        Some(2),
        "the refused pair's good item is not applied"
    );
    let written = link::encode(&decoded.scenario, decoded.simulation.as_ref());
    let (again, problems) = link::decode(&written);
    assert_eq!((again.scenario, problems), (decoded.scenario, vec![]));
    // The same holds for group and category lists.
    let (decoded, problems) = link::decode(&link::parse_fragment("g=all:d1;planet.mars:d1&cat=1:300;x:1"));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(decoded.scenario.groups.is_empty() && decoded.scenario.allocation.categories.is_empty());
}

#[test]
fn a_clean_name_stays_clean() {
    // Found while writing saved_import's property that a stored store reads back the
    // same: NFC ran before control characters were removed, so a control character
    // between a letter and its combining mark left "e\u{301}" (not NFC) in the store,
    // which became "é" on the next read.
    for name in ["e\u{0}\u{301}", "e\u{301}", "\u{7}é\n", " a\u{1b}\u{300} ", "x\u{85}\u{308}y"] {
        let cleaned = clean_name(name, nfc);
        assert_eq!(cleaned.clone().and_then(|c| clean_name(&c, nfc)), cleaned, "cleaning {name:?} twice");
    }
    assert_eq!(clean_name("e\u{0}\u{301}", nfc), Ok("\u{e9}".to_string()));
    let text = envelope(r#"{"name":"e\u0000\u0301","scenario":{}}"#);
    let (store, problems) = decode_lenient(&text, nfc);
    assert_eq!(problems, vec![]);
    assert_eq!(decode(&encode(&store), nfc), Ok(store));
}
