//! Exact money in HK$ millions.
//!
//! Every amount blockvote shows is a [`Money`]: a `rust_decimal::Decimal` counted in
//! HK$ millions (the unit the paper prints). The field is private so that every
//! operation goes through the checked methods below: an overflow is an error the
//! caller must handle, never a panic and never a silent wrap.
//!
//! Rounding happens only at the named points in this module:
//! - [`Money::round_to`] rounds half away from zero (the rule the paper's own
//!   one-decimal figures follow, e.g. 36 / 202 = 17.82 % → 17.8 %), from the amount
//!   at the engine's precision ([`SHOWN_PRECISION_PLACES`]);
//! - [`round_parts_to_total`] rounds a list of parts so that the rounded parts add up
//!   exactly to the rounded total (largest-remainder rule), which is how every table
//!   keeps "the parts shown add up to the total shown".

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An amount of money in HK$ millions, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(Decimal);

/// Why a money value could not be made or combined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// The text is not a plain decimal number (e.g. `abc`, `1,0.0`, `1e3`).
    NotANumber(String),
    /// The result does not fit in a `Decimal` (about 7.9 × 10^28).
    Overflow,
    /// Division by zero was asked for.
    DivisionByZero,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::NotANumber(text) => write!(f, "not a number: {text:?}"),
            MoneyError::Overflow => write!(f, "the amount is too large"),
            MoneyError::DivisionByZero => write!(f, "division by zero"),
        }
    }
}

impl std::error::Error for MoneyError {}

/// The largest amount a user may type, in HK$ millions. Far above any government
/// budget, yet small enough that sums of thousands of such amounts, and products with
/// percentages, can never overflow a `Decimal`.
pub const MAX_INPUT_MILLIONS: i64 = 1_000_000_000;

/// The decimals of a million (whole HK$ thousands) to which an amount is taken before
/// it is rounded to fewer for display. The engine pays each project in whole dollars
/// per quarter and its calibrated baseline is a dollar under Annex B's HK$243M, so a
/// lever's effect on a total is linear only to within about HK$100 (a cost change of
/// +5% gives HK$255,149,998 where 243 × 1.05 is 255.15). Rounding those dollars to
/// one decimal straight away would let them decide the digit shown: 255.1, where the
/// exact arithmetic every reader does gives 255.2. Taken first to whole thousands,
/// an amount within HK$500 under a midpoint is read as the midpoint, well beyond the
/// engine's own deviation. Amounts of three decimals or fewer (every figure the paper
/// prints) are unchanged by it.
pub const SHOWN_PRECISION_PLACES: u32 = 3;

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Makes an amount from a number of HK$ millions.
    pub const fn from_millions(millions: Decimal) -> Money {
        Money(millions)
    }

    /// Makes an amount from a whole number of HK$ millions.
    pub fn from_whole_millions(millions: i64) -> Money {
        Money(Decimal::from(millions))
    }

    /// Makes an amount from HK$ millions given as an integer number of thousandths of a
    /// million (that is, HK$ thousands); handy in tests and samplers.
    pub fn from_thousands(thousands: i64) -> Money {
        Money(Decimal::new(thousands, 3))
    }

    /// Parses an amount typed or stored in HK$ millions: an optional sign, digits, an
    /// optional decimal point and digits. Thousands separators and surrounding spaces
    /// are accepted because people type them, but only a comma that groups thousands
    /// ([`thousands_grouped`]: `1,060.5`): `12,5` is a decimal comma, which was read as
    /// 125 when every comma was dropped, and is refused. Exponents and anything else
    /// are refused too.
    pub fn parse_millions(text: &str) -> Result<Money, MoneyError> {
        let bad = || MoneyError::NotANumber(text.chars().take(40).collect());
        if !thousands_grouped(text.trim()) {
            return Err(bad());
        }
        let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
        let digits = cleaned.strip_prefix(['-', '+']).unwrap_or(&cleaned);
        let plain = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.chars().filter(|c| *c == '.').count() <= 1
            && digits.chars().any(|c| c.is_ascii_digit());
        if !plain || digits.len() > 40 {
            return Err(bad());
        }
        Decimal::from_str(&cleaned).map(Money).map_err(|_| bad())
    }

    /// The amount in HK$ millions.
    pub const fn millions(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0.checked_add(other.0).map(Money).ok_or(MoneyError::Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0.checked_sub(other.0).map(Money).ok_or(MoneyError::Overflow)
    }

    /// Multiplies by a plain factor (a share, a percentage expressed as a fraction, a count).
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        self.0.checked_mul(factor).map(Money).ok_or(MoneyError::Overflow)
    }

    /// Divides by a plain divisor.
    pub fn checked_div(self, divisor: Decimal) -> Result<Money, MoneyError> {
        if divisor.is_zero() {
            return Err(MoneyError::DivisionByZero);
        }
        self.0.checked_div(divisor).map(Money).ok_or(MoneyError::Overflow)
    }

    /// The ratio of two amounts (e.g. a share of a total).
    pub fn ratio(self, denominator: Money) -> Result<Decimal, MoneyError> {
        if denominator.0.is_zero() {
            return Err(MoneyError::DivisionByZero);
        }
        self.0.checked_div(denominator.0).ok_or(MoneyError::Overflow)
    }

    /// Sums amounts exactly.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, MoneyError> {
        amounts.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }

    /// Rounding point 1: rounds to `places` decimal places of a million, half away
    /// from zero, from the amount at [`SHOWN_PRECISION_PLACES`] when fewer are asked.
    pub fn round_to(self, places: u32) -> Money {
        Money(self.shown_from(places).round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero))
    }

    /// The largest amount of `places` decimals not above this one (at the precision
    /// [`Money::round_to`] starts from): the least a part rounded by
    /// [`round_parts_to`] within a unit of its amount can show.
    pub fn floor_to(self, places: u32) -> Money {
        Money(self.shown_from(places).round_dp_with_strategy(places, RoundingStrategy::ToNegativeInfinity))
    }

    /// The smallest amount of `places` decimals not below this one (at the precision
    /// [`Money::round_to`] starts from): the most a part rounded by
    /// [`round_parts_to`] within a unit of its amount can show.
    pub fn ceiling_to(self, places: u32) -> Money {
        Money(self.shown_from(places).round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity))
    }

    /// The amount every rounding to `places` starts from: the amount at
    /// [`SHOWN_PRECISION_PLACES`] (half away from zero) when `places` is fewer, so
    /// that the engine's whole-dollar deviations never decide a digit shown, and the
    /// amount itself otherwise.
    fn shown_from(self, places: u32) -> Decimal {
        if places < SHOWN_PRECISION_PLACES {
            self.0.round_dp_with_strategy(SHOWN_PRECISION_PLACES, RoundingStrategy::MidpointAwayFromZero)
        } else {
            self.0
        }
    }

    /// The amount as an `f64`, for chart geometry only (pixel positions). Never used
    /// for a figure a person reads.
    pub fn to_f64_for_geometry(self) -> f64 {
        self.0.to_f64().unwrap_or(0.0)
    }

    /// The one formatting function for money: HK$ millions rounded half away from zero
    /// to `places` decimals, with `,` thousands separators and a leading `-` for
    /// negative amounts, e.g. `1,060.0`. Units and currency words are the caller's
    /// (language-dependent) business.
    pub fn format(self, places: u32) -> String {
        format_decimal(self.round_to(places).0, places)
    }

    /// Like [`Money::format`] but always with a sign, for differences: `+36.0`, `-1.5`, `0.0`.
    pub fn format_signed(self, places: u32) -> String {
        let rounded = self.round_to(places);
        let text = format_decimal(rounded.0, places);
        if rounded.0 > Decimal::ZERO {
            format!("+{text}")
        } else {
            text
        }
    }
}

/// Whether every comma in `text` (a number as typed, trimmed, with an optional sign)
/// separates thousands: none at all, or an integer part of one to three digits, then
/// groups of exactly three (`1,060`, `-12,345.5`), and none after the decimal point.
/// Every reader of numbers a person types asks this, so `12,5` (a decimal comma) is
/// never read as 125.
pub fn thousands_grouped(text: &str) -> bool {
    if !text.contains(',') {
        return true;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut groups = whole.split(',');
    let first_ok = groups.next().is_some_and(|first| (1..=3).contains(&first.len()));
    first_ok && groups.all(|group| group.len() == 3) && !fraction.contains(',')
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(1))
    }
}

/// Formats a decimal with exactly `places` decimals and `,` thousands separators.
/// Rounds half away from zero; shared by money and percentages.
pub fn format_decimal(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let mut abs = rounded.abs();
    abs.rescale(places);
    let text = abs.to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (index, digit) in int_part.chars().enumerate() {
        if index > 0 && (int_part.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(frac) = frac_part {
        if places > 0 {
            out.push('.');
            out.push_str(&frac);
        }
    }
    out
}

/// A percentage change `(new - old) / old × 100`, exact (rounding is the caller's, at
/// display). `None` when `old` is zero.
pub fn percent_change(new: Money, old: Money) -> Option<Decimal> {
    let diff = new.checked_sub(old).ok()?;
    let ratio = diff.ratio(old).ok()?;
    ratio.checked_mul(Decimal::ONE_HUNDRED)
}

/// Rounding point 2: rounds each part to `places` decimals so that the rounded parts
/// add up exactly to the rounded sum of the parts (largest-remainder method: parts are
/// first truncated toward zero, then the units still missing go one by one to the
/// parts with the largest remainders, ties to the earlier part). Used wherever a
/// table shows parts next to their total.
pub fn round_parts_to_total(parts: &[Money], places: u32) -> Vec<Money> {
    match Money::checked_sum(parts.iter().copied()) {
        Ok(total) => round_parts_to(parts, places, total.round_to(places)),
        Err(_) => parts.iter().map(|p| p.round_to(places)).collect(),
    }
}

/// Rounding point 2 when the total is shown elsewhere: rounds each part to `places`
/// decimals so that the rounded parts add up exactly to `target`, a total already
/// rounded to `places` by another table's rule (the bridge's steps end at the cash
/// table's total). Parts are truncated toward negative infinity; the units still
/// missing go one by one to the parts with the largest remainders (ties to the
/// earlier part), and units too many are taken one by one from the parts with the
/// smallest remainders (ties to the later part). Each part moves by at most one unit
/// beyond its truncation, so when `target` cannot be reached that way (it is more
/// than one unit per part away from the sum) the parts are each rounded instead.
pub fn round_parts_to(parts: &[Money], places: u32, target: Money) -> Vec<Money> {
    let rounded_each = || parts.iter().map(|p| p.round_to(places)).collect();
    let unit = Decimal::new(1, places);
    let mut floors: Vec<Decimal> = parts.iter().map(|part| part.floor_to(places).0).collect();
    let floor_sum = floors.iter().try_fold(Decimal::ZERO, |sum, floor| sum.checked_add(*floor));
    let gap = floor_sum.and_then(|floor_sum| target.0.checked_sub(floor_sum)).and_then(|gap| gap.checked_div(unit));
    let Some(gap_units) = gap.and_then(|units| units.round().to_i64()) else {
        return rounded_each();
    };
    let count = i64::try_from(parts.len()).unwrap_or(i64::MAX);
    if gap_units > count || gap_units < -count {
        return rounded_each();
    }
    // Parts by remainder, largest first; ties go to the earlier part.
    let mut order: Vec<(Decimal, usize)> = parts
        .iter()
        .zip(&floors)
        .enumerate()
        .map(|(index, (part, floor))| (part.shown_from(places) - *floor, index))
        .collect();
    order.sort_by(|(ra, a), (rb, b)| rb.cmp(ra).then(a.cmp(b)));
    let (chosen, step): (Vec<usize>, Decimal) = if gap_units >= 0 {
        (order.iter().map(|(_, index)| *index).take(usize::try_from(gap_units).unwrap_or(0)).collect(), unit)
    } else {
        let taken = usize::try_from(gap_units.unsigned_abs()).unwrap_or(0);
        (order.iter().rev().map(|(_, index)| *index).take(taken).collect(), -unit)
    };
    for index in chosen {
        if let Some(floor) = floors.get_mut(index) {
            *floor = floor.checked_add(step).unwrap_or(*floor);
        }
    }
    floors.into_iter().map(Money).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_format(millions: &str, places: u32, expected: &str) {
        let money = Money::parse_millions(millions).expect("test input parses");
        assert_eq!(money.format(places), expected, "formatting {millions} to {places} places");
    }

    #[test]
    fn formats_with_separators_and_half_away_from_zero() {
        check_format("1060", 1, "1,060.0");
        check_format("0.25", 1, "0.3");
        check_format("-0.25", 1, "-0.3");
        check_format("1234567.891", 2, "1,234,567.89");
        check_format("999.95", 1, "1,000.0");
        check_format("-0.04", 1, "0.0");
        check_format("6.6", 0, "7");
        check_format("100", 0, "100");
    }

    #[test]
    fn whole_dollar_deviations_never_decide_a_digit_shown() {
        // The engine's +5% cost (255.149998 where 243 × 1.05 = 255.15), its -5%
        // (230.849999 where 230.85), both signs; an amount HK$500 under a midpoint is
        // read as the midpoint, HK$501 under it is not; three decimals or more are
        // rounded from the amount itself.
        check_format("255.149998", 1, "255.2");
        check_format("230.849999", 1, "230.9");
        check_format("-255.149998", 1, "-255.2");
        check_format("255.1495", 1, "255.2");
        check_format("255.149499", 1, "255.1");
        check_format("1680.4749", 2, "1,680.48");
        check_format("1680.474499", 2, "1,680.47");
        check_format("1680.4751", 3, "1,680.475");
        check_format("0.0495", 1, "0.1");
        let money = |text: &str| Money::parse_millions(text).expect("test input parses");
        assert_eq!(money("255.149998").floor_to(1), money("255.1"));
        assert_eq!(money("255.150001").floor_to(1), money("255.1"));
        assert_eq!(money("255.100001").ceiling_to(1), money("255.1"));
        assert_eq!(money("255.1006").ceiling_to(1), money("255.2"));
        // Parts and their total start from the same precision: the ongoing 817 and
        // the new cohort's 255.149998 show 817.0 + 255.2 = 1,072.2.
        assert_eq!(round_parts_to_total(&[money("817"), money("255.149998")], 1), [money("817.0"), money("255.2")]);
    }

    #[test]
    fn parses_only_plain_numbers() {
        for bad in ["", "abc", "1e3", "1.2.3", "--1", "1-", ".", "NaN", "inf", "１２"] {
            assert!(Money::parse_millions(bad).is_err(), "{bad:?} must be rejected");
        }
        assert_eq!(Money::parse_millions(" 1,060 ").map(Money::millions), Ok(Decimal::from(1060)));
        assert_eq!(Money::parse_millions("-1,234,567.25").map(Money::millions), Ok(Decimal::new(-123456725, 2)));
        // A decimal comma is refused, never read as a thousands separator.
        for misplaced in ["12,5", "1,5", "1,0600", ",5", "5,", "1,,000", "1,000.5,0", "12,50.5"] {
            assert!(Money::parse_millions(misplaced).is_err(), "{misplaced:?} must be rejected");
        }
        assert_eq!(Money::parse_millions("-2.5").map(Money::millions), Ok(Decimal::new(-25, 1)));
    }

    #[test]
    fn rounded_parts_add_up_to_a_total_shown_elsewhere() {
        let money = |text: &str| Money::parse_millions(text).expect("test input parses");
        // (parts, target, the parts as rounded): the target's own rounding of the sum,
        // one unit above it (the largest remainder gains), one unit below it (the
        // smallest remainder loses), negative parts, and a target out of reach, where
        // each part is rounded on its own.
        let cases: [(&[&str], &str, &[&str]); 5] = [
            (&["5.02", "5.02"], "10.0", &["5.0", "5.0"]),
            (&["5.02", "5.07"], "10.2", &["5.1", "5.1"]),
            (&["5.02", "5.07"], "9.9", &["4.9", "5.0"]),
            (&["-3.04", "1.02"], "-2.1", &["-3.1", "1.0"]),
            (&["5.02", "5.07"], "12.0", &["5.0", "5.1"]),
        ];
        for (parts, target, expected) in cases {
            let parts: Vec<Money> = parts.iter().map(|p| money(p)).collect();
            let expected: Vec<Money> = expected.iter().map(|p| money(p)).collect();
            assert_eq!(round_parts_to(&parts, 1, money(target)), expected, "{parts:?} to {target}");
        }
    }

    #[test]
    fn rounded_parts_add_up_to_rounded_total() {
        let parts: Vec<Money> = ["0.33", "0.33", "0.34", "1.05", "2.25"]
            .iter()
            .map(|t| Money::parse_millions(t).expect("parses"))
            .collect();
        let rounded = round_parts_to_total(&parts, 1);
        let shown_total = Money::checked_sum(rounded.iter().copied()).expect("no overflow");
        let exact_total = Money::checked_sum(parts.iter().copied()).expect("no overflow");
        assert_eq!(shown_total, exact_total.round_to(1));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Money::from_millions(Decimal::MAX);
        assert_eq!(huge.checked_add(huge), Err(MoneyError::Overflow));
        assert_eq!(huge.checked_div(Decimal::ZERO), Err(MoneyError::DivisionByZero));
    }
}
