//! Chart axes: a bounded number of "nice" ticks for any range.
//!
//! Every chart of the app takes its axis from [`nice_axis`] (or [`whole_axis`] for
//! counts): steps of 1, 2 or 5 × 10^k, labels with as many decimals as the step needs
//! (`0.5`, `1`, `2,000`), and never more than [`MAX_TICKS`] ticks, whatever the range.
//! A range comes from what a member typed, linked or imported (a ceiling of
//! HK$1,000,000,000M, a budget typed 1500000), so nothing here loops, allocates or
//! draws in proportion to the numbers it is given: the work is the same for a range
//! of 1 and of 10^15.
//!
//! The module also holds the few pure layout rules the charts share: how many ticks
//! fit a length, how wide a label is, and how many axis labels to skip so that
//! neighbours do not overlap on a narrow screen.

/// The most ticks an axis ever has, whatever it is asked for.
pub const MAX_TICKS: usize = 12;

/// The fewest ticks an axis is laid out with (its two ends and at least one between,
/// so an axis always says its scale).
pub const MIN_TICKS: usize = 4;

/// Values beyond ±`LIMIT` are drawn at the limit: HK$10^15M is far beyond any sum the
/// engine accepts, and below it every step stays exact enough to tell ticks apart.
pub const LIMIT: f64 = 1e15;

/// The finest step an axis uses: HK$1 (amounts are whole HK$, a millionth of a
/// million).
const FINEST_STEP: f64 = 1e-6;

/// The finest step relative to the largest value on the axis, so consecutive ticks
/// always differ by far more than `f64` rounding.
const RELATIVE_STEP: f64 = 1e-9;

/// One tick: where it is, and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// An axis: its ends (the first and last tick), its step and its ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The first tick, at or below the low end of the range asked for.
    pub min: f64,
    /// The last tick, at or above the high end of the range asked for.
    pub max: f64,
    /// The distance between neighbouring ticks: 1, 2 or 5 × 10^k.
    pub step: f64,
    /// From `min` to `max`, increasing, at most [`MAX_TICKS`].
    pub ticks: Vec<Tick>,
}

impl Axis {
    /// Where `value` falls along the axis: 0 at `min`, 1 at `max`, clamped to that
    /// range (a value past an end is drawn at the end).
    pub fn share(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        if !value.is_finite() || !span.is_finite() || span <= 0.0 {
            return 0.0;
        }
        ((value - self.min) / span).clamp(0.0, 1.0)
    }
}

/// A step of the form 1, 2 or 5 × 10^`exponent`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Step {
    factor: u8,
    exponent: i32,
}

impl Step {
    /// The smallest nice step at least `raw` (a positive, finite number).
    fn at_least(raw: f64) -> Step {
        let exponent = raw.log10().floor() as i32;
        for factor in [1u8, 2, 5] {
            let step = Step { factor, exponent };
            // A relative slack, so a step that is `raw` up to rounding is taken.
            if step.value() >= raw * (1.0 - 1e-12) {
                return step;
            }
        }
        Step { factor: 1, exponent: exponent.saturating_add(1) }
    }

    /// The next larger nice step.
    fn next(self) -> Step {
        match self.factor {
            1 => Step { factor: 2, ..self },
            2 => Step { factor: 5, ..self },
            _ => Step { factor: 1, exponent: self.exponent.saturating_add(1) },
        }
    }

    /// `k` steps from zero, correctly rounded (`3 × 0.1` is `0.3`, not
    /// `0.30000000000000004`): a whole number times a power of ten, divided when the
    /// power is negative.
    fn times(self, k: f64) -> f64 {
        let whole = k * f64::from(self.factor);
        if self.exponent >= 0 {
            whole * 10f64.powi(self.exponent)
        } else {
            whole / 10f64.powi(self.exponent.saturating_neg())
        }
    }

    fn value(self) -> f64 {
        self.times(1.0)
    }

    /// The decimals a label needs to show every multiple of the step exactly.
    fn decimals(self) -> usize {
        usize::try_from(self.exponent.saturating_neg()).unwrap_or(0)
    }
}

/// An axis over `low..high` (in either order) with at most `most_ticks` ticks
/// (clamped to [`MIN_TICKS`]..=[`MAX_TICKS`]), steps of 1, 2 or 5 × 10^k and labels
/// with the decimals the step needs.
///
/// Any input gives an axis: a reversed range is turned round, a value that is not a
/// number counts as 0, values past ±[`LIMIT`] are taken at the limit, and an empty
/// range (`low == high`) becomes the range from 0 to that value (or 0 to 1 for 0),
/// as a bar chart of one value would draw it.
pub fn nice_axis(low: f64, high: f64, most_ticks: usize) -> Axis {
    axis(low, high, most_ticks, FINEST_STEP)
}

/// An axis for counts: as [`nice_axis`], but with whole steps only (no tick at 0.5
/// projects).
pub fn whole_axis(low: f64, high: f64, most_ticks: usize) -> Axis {
    axis(low, high, most_ticks, 1.0)
}

fn axis(low: f64, high: f64, most_ticks: usize, finest: f64) -> Axis {
    let clean = |value: f64| if value.is_nan() { 0.0 } else { value.clamp(-LIMIT, LIMIT) };
    let (mut low, mut high) = (clean(low), clean(high));
    if low > high {
        std::mem::swap(&mut low, &mut high);
    }
    // An empty range is drawn from 0 (as a bar chart of one value is), and a range
    // that is still empty (0 alone, or values within `finest` of it) gets a unit.
    if high - low < finest {
        (low, high) = (low.min(0.0), high.max(0.0));
        if high - low < finest {
            let unit = finest.max(1.0);
            if low < 0.0 {
                low = -unit;
            } else {
                high = unit;
            }
        }
    }
    let most_ticks = most_ticks.clamp(MIN_TICKS, MAX_TICKS);
    let intervals = (most_ticks - 1) as f64;
    let magnitude = low.abs().max(high.abs());
    let raw = ((high - low) / intervals).max(finest).max(magnitude * RELATIVE_STEP);
    let mut step = Step::at_least(raw);
    // Each larger step at least doubles, so a few always bring the count within
    // `most_ticks` (see the module's tests and the `chart_axis` fuzz target).
    let (mut first, mut last) = ends(low, high, step);
    for _ in 0..16 {
        if last - first < most_ticks as f64 {
            break;
        }
        step = step.next();
        (first, last) = ends(low, high, step);
    }
    let decimals = step.decimals();
    let ticks: Vec<Tick> = (0..MAX_TICKS)
        .map(|i| first + i as f64)
        .take_while(|k| *k <= last)
        .map(|k| {
            let value = step.times(k);
            Tick { value, label: tick_label(value, decimals) }
        })
        .collect();
    let min = ticks.first().map(|t| t.value).unwrap_or(low);
    let max = ticks.last().map(|t| t.value).unwrap_or(high);
    Axis { min, max, step: step.value(), ticks }
}

/// The first and last multiples of `step` around `low..high`.
fn ends(low: f64, high: f64, step: Step) -> (f64, f64) {
    let size = step.value();
    ((low / size).floor(), (high / size).ceil())
}

/// `1,000`, `0.5`, `-2.25`: the value with `decimals` decimals and thousands
/// separators, never `-0`.
pub fn tick_label(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(12);
    let text = crate::format::decimals(value.abs(), u32::try_from(decimals).unwrap_or(12));
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + decimals + 2);
    for (index, digit) in digits.iter().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    let is_zero = grouped.chars().all(|c| matches!(c, '0' | '.' | ','));
    if value < 0.0 && !is_zero {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// How many ticks fit along `length` (px) with about `spacing` (px) between them:
/// between [`MIN_TICKS`] and [`MAX_TICKS`].
pub fn ticks_for_length(length: f64, spacing: f64) -> usize {
    if !(length.is_finite() && spacing.is_finite()) || spacing <= 0.0 || length <= 0.0 {
        return MIN_TICKS;
    }
    let fitting = (length / spacing).floor().min(MAX_TICKS as f64) as usize + 1;
    fitting.clamp(MIN_TICKS, MAX_TICKS)
}

/// The approximate width of `text` in px at a font of `font_px`: CJK characters are
/// about a full em, digits and Latin letters a little over half.
/// How much wider than [`label_width`] a label may be drawn: the estimate is of an
/// average font, and a label placed at the chart's edge by it alone can be cut there.
pub const LABEL_WIDTH_SLACK: f64 = 1.15;

pub fn label_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| if c >= '\u{2E80}' { 1.0 } else { 0.58 }).sum::<f64>() * font_px
}

/// Draw every `n`-th of a row of labels, so labels `footprint` px wide (along the
/// axis) do not overlap when each has `slot` px: 1 when they fit, more when narrow.
pub fn label_stride(slot: f64, footprint: f64) -> usize {
    if !(slot.is_finite() && footprint.is_finite()) || slot <= 0.0 {
        return 1;
    }
    let stride = (footprint / slot).ceil();
    if stride <= 1.0 {
        1
    } else {
        stride.min(1e6) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels of the axis over `low..high` with at most `most` ticks.
    #[track_caller]
    fn check(low: f64, high: f64, most: usize, expected: &str) {
        let axis = nice_axis(low, high, most);
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.join(" "), expected, "{low}..{high}, at most {most}");
    }

    #[test]
    fn ticks_are_nice_and_labelled_with_the_decimals_the_step_needs() {
        check(0.0, 10.0, 6, "0 2 4 6 8 10");
        check(0.0, 10.5, 12, "0 1 2 3 4 5 6 7 8 9 10 11");
        check(0.0, 1060.0, 6, "0 500 1,000 1,500");
        check(0.0, 1.0, 6, "0.0 0.2 0.4 0.6 0.8 1.0");
        check(0.0, 0.3, 4, "0.0 0.1 0.2 0.3");
        check(0.0, 20.5, 6, "0 5 10 15 20 25");
        check(-3.2, 7.1, 6, "-5 0 5 10");
        check(1018.0, 1062.0, 6, "1,000 1,020 1,040 1,060 1,080");
        check(0.0, 0.0, 6, "0.0 0.2 0.4 0.6 0.8 1.0");
        check(5.0, 5.0, 6, "0 1 2 3 4 5");
        check(-5.0, -5.0, 6, "-5 -4 -3 -2 -1 0");
        check(10.0, 0.0, 6, "0 2 4 6 8 10");
        check(f64::NAN, 3.0, 6, "0 1 2 3");
    }

    #[test]
    fn any_range_gives_a_bounded_increasing_covering_axis() {
        let ranges = [
            (0.0, 1_000_000.0),
            (0.0, 1_000_000_000.0),
            (0.0, 100_000.0),
            (0.0, 1_500_000.0),
            (f64::NEG_INFINITY, f64::INFINITY),
            (0.0, f64::MAX),
            (1e15, 1e15 + 1.0),
            (1e-300, 2e-300),
            (-1e9, 1e-9),
            (123_456.789, 123_456.790),
            // Found by the chart_axis fuzz target: a tiny negative range below a unit step.
            (0.0, -0.0000041681523725856096),
            (-1e-9, 1e-9),
        ];
        for (low, high) in ranges {
            for (most, axis) in [0, 2, 4, 7, 12, usize::MAX]
                .into_iter()
                .flat_map(|most| [(most, nice_axis(low, high, most)), (most, whole_axis(low, high, most))])
            {
                assert!(axis.ticks.len() >= 2 && axis.ticks.len() <= MAX_TICKS, "{low}..{high}: {axis:?}");
                assert!(axis.ticks.len() <= most.clamp(MIN_TICKS, MAX_TICKS), "{low}..{high} {most}: {axis:?}");
                assert!(axis.ticks.windows(2).all(|w| w[0].value < w[1].value), "{axis:?}");
                let (l, h) = (low.clamp(-LIMIT, LIMIT), high.clamp(-LIMIT, LIMIT));
                assert!(axis.min <= l.min(h) && axis.max >= h.max(l), "{low}..{high}: {axis:?}");
            }
        }
    }

    #[test]
    fn a_ceiling_of_a_million_gives_a_handful_of_ticks() {
        check(0.0, 1_000_000.0, 6, "0 200,000 400,000 600,000 800,000 1,000,000");
        check(0.0, 1_000_000_000.0, 4, "0 500,000,000 1,000,000,000");
    }

    #[test]
    fn counts_step_by_whole_numbers() {
        let labels = |axis: Axis| axis.ticks.into_iter().map(|t| t.label).collect::<Vec<_>>().join(" ");
        assert_eq!(labels(whole_axis(0.0, 2.0, 6)), "0 1 2");
        assert_eq!(labels(whole_axis(0.0, 65.0, 6)), "0 20 40 60 80");
        assert_eq!(labels(whole_axis(0.0, 0.0, 6)), "0 1");
    }

    #[test]
    fn shares_place_values_along_the_axis() {
        let axis = nice_axis(0.0, 1060.0, 6);
        assert_eq!(axis.share(750.0), 0.5);
        assert_eq!(axis.share(-1.0), 0.0);
        assert_eq!(axis.share(f64::NAN), 0.0);
        assert_eq!(axis.share(1e300), 1.0);
    }

    #[test]
    fn labels_and_layout() {
        assert_eq!(tick_label(1_234_567.0, 0), "1,234,567");
        assert_eq!(tick_label(-0.0001, 1), "0.0");
        assert_eq!(tick_label(-2.5, 1), "-2.5");
        assert_eq!(ticks_for_length(300.0, 70.0), 5);
        assert_eq!(ticks_for_length(800.0, 70.0), 12);
        assert_eq!(ticks_for_length(f64::NAN, 70.0), MIN_TICKS);
        assert_eq!(label_stride(30.0, 20.0), 1);
        assert_eq!(label_stride(15.0, 40.0), 3);
        assert_eq!(label_stride(0.0, 40.0), 1);
        assert!(label_width("18-19 第一季", 11.0) > label_width("18-19 Q1", 11.0));
    }
}
