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

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| saved_support::check_stores_and_script(data));
