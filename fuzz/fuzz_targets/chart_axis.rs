//! Chart axes and the thresholds histogram from any range: the numbers a member can
//! type, link or import (a ceiling of HK$1,000,000,000M, a budget typed 1500000)
//! reach every chart's axis through `blockvote_present::axis`, and the thresholds
//! screen's bands through `present::screens::thresholds::histogram`.
//!
//! Input: two `f64`s (any bit pattern: NaN, infinities, subnormals, ±0) and a byte
//! for the most ticks asked for; the rest, in 8-byte pieces, as budgets, floor and
//! ceiling for the histogram (as the engine would hand them over: 0 to HK$11×10⁹M).
//!
//! Asserts, besides "no panic":
//! - an axis has between 2 and `min(max(most, MIN_TICKS), MAX_TICKS)` ticks, whatever
//!   the range (so drawing it costs the same for a range of 1 and of 10^15);
//! - its ticks are finite and strictly increasing, a step apart (up to rounding);
//! - it covers the range: the first tick is at or below the low end and the last at
//!   or above the high end (each taken as the axis takes it: NaN as 0, clamped to
//!   ±`LIMIT`), up to a millionth of a step of `f64` rounding;
//! - every label is short; a share along the axis is within 0..=1;
//! - the histogram has at most `MAX_BINS` bands, holding every budget once.
#![no_main]

use blockvote_model::{Dataset, Money};
use blockvote_present::axis::{nice_axis, whole_axis, Axis, LIMIT, MAX_TICKS, MIN_TICKS};
use blockvote_present::lang::Lang;
use blockvote_present::screens::thresholds::histogram::{histogram, MAX_BINS};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// The paper's dataset, loaded once (the histogram reads its ceiling).
fn paper() -> Option<&'static Dataset> {
    static PAPER: OnceLock<Option<Dataset>> = OnceLock::new();
    PAPER.get_or_init(|| Dataset::paper().ok()).as_ref()
}

/// Reads fixed-size pieces off the front of the input, zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let n = N.min(self.0.len());
        let (head, tail) = self.0.split_at(n);
        out[..n].copy_from_slice(head);
        self.0 = tail;
        out
    }

    /// An amount from 0 to HK$11×10⁹M in whole HK$, as the engine's budgets are.
    fn amount(&mut self) -> Money {
        let dollars = u64::from_le_bytes(self.take()) % 11_000_000_000_000_001;
        Money::from_millions(Decimal::from(dollars) / Decimal::from(1_000_000))
    }
}

/// The end of a range as the axis takes it.
fn clean(value: f64) -> f64 {
    if value.is_nan() { 0.0 } else { value.clamp(-LIMIT, LIMIT) }
}

fn check(axis: &Axis, low: f64, high: f64, most: usize, probe: f64) {
    let allowed = most.clamp(MIN_TICKS, MAX_TICKS);
    let n = axis.ticks.len();
    assert!((2..=allowed).contains(&n), "{n} ticks for {low}..{high} (at most {allowed}): {axis:?}");
    assert!(axis.step.is_finite() && axis.step > 0.0, "{axis:?}");
    for pair in axis.ticks.windows(2) {
        let (a, b) = (pair[0].value, pair[1].value);
        assert!(a.is_finite() && b.is_finite() && a < b, "{axis:?}");
        assert!(((b - a) - axis.step).abs() <= axis.step * 1e-6, "ticks a step apart: {axis:?}");
    }
    let slack = axis.step * 1e-6;
    let (l, h) = (clean(low).min(clean(high)), clean(low).max(clean(high)));
    assert!(axis.min <= l + slack && axis.max >= h - slack, "{low}..{high} not covered: {axis:?}");
    assert_eq!(axis.ticks.first().map(|t| t.value), Some(axis.min));
    assert_eq!(axis.ticks.last().map(|t| t.value), Some(axis.max));
    assert!(axis.ticks.iter().all(|t| !t.label.is_empty() && t.label.len() <= 40), "{axis:?}");
    let share = axis.share(probe);
    assert!((0.0..=1.0).contains(&share), "share {share} of {probe}");
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data);
    let low = f64::from_le_bytes(bytes.take());
    let high = f64::from_le_bytes(bytes.take());
    let [most] = bytes.take();
    let most = usize::from(most);
    let probe = f64::from_le_bytes(bytes.take());
    check(&nice_axis(low, high, most), low, high, most, probe);
    check(&whole_axis(low, high, most), low, high, most, probe);

    let Some(paper) = paper() else { return };
    let (floor, ceiling) = (bytes.amount(), bytes.amount());
    let budgets: Vec<Money> = (0..bytes.0.len().div_ceil(8).min(300)).map(|_| bytes.amount()).collect();
    let chart = histogram(&budgets, floor, ceiling, paper, Lang::En);
    assert!((1..=MAX_BINS).contains(&chart.bins.len()), "{} bands", chart.bins.len());
    assert_eq!(chart.bins.iter().map(|b| b.count).sum::<usize>(), budgets.len());
    assert!(chart.domain_max.is_finite() && chart.domain_max > 0.0);
    assert_eq!(chart.markers.len(), 2);
});
