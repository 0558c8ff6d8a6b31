#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Properties of saved scenarios across tabs: two tabs making any sequence of changes
//! (saving, renaming, notes, duplicating, deleting, undoing, importing, acting before
//! hearing of each other, time passing), writing and hearing in any order, never lose
//! a scenario either kept, never bring back a deletion, and agree after one exchange.
//! Every merge along the way is checked by `saved_support::check_merge`, the same
//! check the `store_merge` fuzz target makes.

mod saved_support;

use blockvote_model::engine::monte_carlo::SimulationChoices;
use blockvote_model::engine::Scenario;
use blockvote_model::nfc::nfc;
use blockvote_model::saved::{decode, encode_stored, merge, SavedScenario, Store, MAX_WRITE_BYTES};
use proptest::prelude::*;
use rust_decimal::Decimal;
use saved_support::{check_merge, content, Tabs, LABEL};

fn base(rows: usize) -> Store {
    Store::of(
        (0..rows)
            .map(|n| {
                let levers = Scenario { cost_change_pct: Decimal::from(1_000 - n as i64), ..Scenario::default() };
                SavedScenario::new(&format!("s{}", n + 1), &format!("Base {n}"), levers, None)
            })
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tabs_never_lose_a_scenario_and_agree_after_one_exchange(
        rows in 0usize..4,
        script in proptest::collection::vec(any::<u8>(), 0..120),
    ) {
        let mut tabs = Tabs::new(base(rows));
        tabs.run(&script);
        tabs.settle();
        // What is stored can always be written and read back.
        let text = encode_stored(&tabs.stored);
        prop_assert!(text.len() <= MAX_WRITE_BYTES);
        let read = decode(&text, nfc).expect("what is written reads back");
        prop_assert_eq!(content(&read), content(&tabs.stored));
    }

    #[test]
    fn merging_any_two_tabs_stores_keeps_the_properties(
        rows in 0usize..4,
        first in proptest::collection::vec(any::<u8>(), 0..60),
        second in proptest::collection::vec(any::<u8>(), 0..60),
    ) {
        // Two tabs change apart, never writing; their stores are merged directly.
        let mut tabs = Tabs::new(base(rows));
        tabs.run_apart(0, &first);
        tabs.run_apart(1, &second);
        let (a, b) = (tabs.tabs[0].0.clone(), tabs.tabs[1].0.clone());
        let merged = merge(&a, &b, LABEL).store;
        check_merge(&a, &b, &merged);
    }
}

#[test]
fn every_store_merge_seed_keeps_the_properties() {
    // The inputs the `store_merge` fuzz target starts from, among them each one it
    // once failed on, checked as the target checks them.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/seeds/store_merge");
    let mut seeds: Vec<_> = std::fs::read_dir(folder).expect("the seeds").map(|entry| entry.unwrap().path()).collect();
    seeds.sort();
    assert!(seeds.len() >= 5, "{seeds:?}");
    for seed in seeds {
        println!("{}", seed.display());
        saved_support::check_stores_and_script(&std::fs::read(&seed).unwrap());
    }
}

#[test]
fn the_failures_of_issue_12_as_scripts() {
    // A saves A1, B saves B1 before hearing of it, A saves A2: all three kept.
    let mut tabs = Tabs::new(Store::default());
    tabs.change(0, |s, w| s.save(w, "A1", Scenario::default(), None)).unwrap();
    tabs.write(0);
    tabs.change(1, |s, w| s.save(w, "B1", Scenario::default(), Some(SimulationChoices::with_seed(1)))).unwrap();
    tabs.write(1);
    tabs.change(0, |s, w| {
        s.save(w, "A2", Scenario::default(), Some(SimulationChoices { runs: 20, ..SimulationChoices::with_seed(2) }))
    })
    .unwrap();
    tabs.write(0);
    tabs.settle();
    let mut names: Vec<String> = tabs.stored.scenarios.iter().map(|s| s.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["A1", "A2", "B1"]);

    // A rename in A, a delete in B: the rename is kept, and A's next change does not
    // bring back the other deleted one.
    let mut tabs = Tabs::new(base(2));
    tabs.change(0, |s, w| s.rename(w, "s1", "Renamed")).unwrap();
    tabs.change(1, |s, _| s.delete("s2"));
    tabs.write(1);
    tabs.write(0);
    tabs.change(0, |s, w| s.save(w, "Next", Scenario::default(), None)).unwrap();
    tabs.write(0);
    tabs.settle();
    let names: Vec<&str> = tabs.stored.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Renamed", "Next"]);
}
