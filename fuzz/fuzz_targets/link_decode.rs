//! A pasted URL fragment → its pairs → a scenario → a projection, the path every link
//! takes when the app opens it; then the scenario back to a link (`link::write`, what
//! the app puts in the address) and again.
//!
//! Asserts, for any bytes (read as text the way a browser hands over an address):
//! - nothing panics, from splitting the fragment to projecting its scenario;
//! - percent coding round-trips every decoded key and value;
//! - `decode_link` is `read_fragment` then `decode`: the same scenario and simulation;
//! - every scenario a link decodes to can be written as a link again unless it is too
//!   large for one (several `p=`, `g=` or `cat=` pairs can add up past the limits):
//!   never `Fit::NotExpressible`;
//! - the round trip: when `write` says the pairs fit, they decode again — through the
//!   fragment's text, after the shell's own `view=` and `lang=` — with no problem to the
//!   same scenario and seed, and encoding that gives the same pairs; when they do not
//!   fit, the address gets the marker alone, never a cut or partial scenario.
#![no_main]

use blockvote_model::engine::{Engine, Scenario};
use blockvote_model::link::{
    decode, decode_link, encode, fragment_text, percent_decode, percent_encode, read_fragment, write, Fit,
    MARKER_KEY, MARKER_VALUE,
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

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let fragment = read_fragment(&text);
    for (key, value) in &fragment.pairs {
        assert_eq!(&percent_decode(&percent_encode(key)), key);
        assert_eq!(&percent_decode(&percent_encode(value)), value);
    }

    let (decoded, _problems) = decode_link(&text);
    let (from_pairs, _) = decode(&fragment.pairs);
    assert_eq!((&decoded.scenario, &decoded.simulation), (&from_pairs.scenario, &from_pairs.simulation));
    if !decoded.any {
        assert_eq!(decoded.scenario, Scenario::default(), "a link without scenario keys is the paper");
    }
    if let Some(engine) = engine().filter(|_| decoded.scenario != Scenario::default()) {
        // A scenario the engine refuses is an error value the app shows; only a panic
        // would be a bug. The paper's own scenario is skipped: the engine's tests
        // cover it, and it would be most of the runs.
        let _ = engine.project(&decoded.scenario);
    }

    let written = write(&decoded.scenario, decoded.simulation.as_ref());
    match written.fit {
        Fit::Exact => {
            let address = format!("#view=overview&lang=en&{}", fragment_text(&written.pairs).trim_start_matches('#'));
            let (again, problems) = decode_link(&address);
            assert!(problems.is_empty(), "re-reading {address:?} gave {problems:?}");
            assert_eq!(again.scenario, decoded.scenario, "round trip through {address:?}");
            assert_eq!(again.simulation, decoded.simulation, "simulation round trip through {address:?}");
            assert_eq!(encode(&again.scenario, again.simulation.as_ref()), written.pairs, "encoding is stable");
        }
        Fit::TooLarge { .. } => {
            assert_eq!(written.pairs, vec![(MARKER_KEY.to_string(), MARKER_VALUE.to_string())]);
        }
        Fit::NotExpressible => panic!("a scenario read from a link cannot be written as one: {:?}", decoded.scenario),
    }
});
