//! A pasted URL fragment → its pairs → a scenario → a projection, the path every link
//! takes when the app opens it; then the scenario back to a link and again.
//!
//! Asserts, for any bytes (read as text the way a browser hands over an address):
//! - nothing panics, from splitting the fragment to projecting its scenario;
//! - percent coding round-trips every decoded key and value;
//! - the round trip: the pairs `link::encode` writes for the decoded scenario decode
//!   again without a problem to the same scenario and seed, and the fragment text made
//!   of them splits back into the same pairs. This holds whenever the written link
//!   stays within the link's own limits (each value at most `MAX_VALUE_CHARS`
//!   characters, each list at most `MAX_ITEMS` items, the fragment at most
//!   `MAX_FRAGMENT_CHARS`); a scenario built from several `p=`, `g=` or `cat=` pairs
//!   can exceed them, and then decoding it again must still not panic.
#![no_main]

use blockvote_model::engine::{Engine, Scenario};
use blockvote_model::link::{
    decode, encode, parse_fragment, percent_decode, percent_encode, MAX_FRAGMENT_CHARS, MAX_ITEMS, MAX_VALUE_CHARS,
};
use blockvote_model::Dataset;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The engine over the paper, prepared once: the app prepares it once too, and doing
/// it for every input would spend the run on the same work.
fn engine() -> Option<&'static Engine> {
    static ENGINE: OnceLock<Option<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| Dataset::paper().ok().and_then(|dataset| Engine::new(&dataset).ok())).as_ref()
}

/// True if a link written as `pairs` is within what the decoder reads in full.
fn within_limits(pairs: &[(String, String)]) -> bool {
    pairs.iter().all(|(_, value)| value.chars().count() <= MAX_VALUE_CHARS && value.split(';').count() <= MAX_ITEMS)
}

/// The fragment text for `pairs`, written as the app's shell writes it.
fn fragment(pairs: &[(String, String)]) -> String {
    let written: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value))).collect();
    format!("#{}", written.join("&"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pairs = parse_fragment(&text);
    for (key, value) in &pairs {
        assert_eq!(&percent_decode(&percent_encode(key)), key);
        assert_eq!(&percent_decode(&percent_encode(value)), value);
    }

    let (decoded, _problems) = decode(&pairs);
    if !decoded.any {
        assert_eq!(decoded.scenario, Scenario::default(), "a link without scenario keys is the paper");
    }
    if let Some(engine) = engine().filter(|_| decoded.scenario != Scenario::default()) {
        // A scenario the engine refuses is an error value the app shows; only a panic
        // would be a bug. The paper's own scenario is skipped: the engine's tests
        // cover it, and it would be most of the runs.
        let _ = engine.project(&decoded.scenario);
    }

    let written = encode(&decoded.scenario, decoded.seed);
    let (again, problems) = decode(&written);
    if within_limits(&written) {
        assert!(problems.is_empty(), "re-decoding {written:?} gave {problems:?}");
        assert_eq!(again.scenario, decoded.scenario, "round trip through {written:?}");
        assert_eq!(again.seed, decoded.seed, "seed round trip through {written:?}");
        assert_eq!(encode(&again.scenario, again.seed), written, "encoding is stable");
        let text = fragment(&written);
        if text.chars().count() <= MAX_FRAGMENT_CHARS {
            assert_eq!(parse_fragment(&text), written, "fragment text {text:?}");
        }
    }
});
