//! Number entry: the text a person types into a number field → a value within bounds.
//!
//! The app parses every keystroke with these functions and commits only the values
//! they accept, so they decide what a field takes; a link's numbers are read by the
//! same functions (`link/`), so a link takes a number exactly when a field does, as
//! the same value. They live here, not in the app, so that they are tested natively
//! and fuzzed like the other readers of hostile text (`link/`, `saved/`, `load.rs`).
//! The errors are data; the app words them in both languages.
//!
//! Two steps. First the text as typed ([`typed`]): surrounding whitespace dropped, at
//! most [`MAX_ENTRY_CHARS`] characters (a guard against pasted megabytes), full-width
//! forms from a Chinese input method as the ASCII they stand for ([`half_width`]:
//! `１０．５` is `10.5`); [`percent_typed`] also drops the `%` of a field in percent.
//! Then the readers, which take ASCII only:
//! - amounts and decimals: what [`Money::parse_millions`] reads (an optional sign,
//!   ASCII digits with at most one `.`, `,` between groups of thousands, surrounding
//!   whitespace), as a data file's are read; no exponents. A comma anywhere else
//!   (`12,5`, a decimal comma) is [`EntryError::Comma`], never dropped: dropping it
//!   read `12,5` as 125;
//! - whole numbers: an optional sign and ASCII digits, with `,` between groups of
//!   thousands as an amount takes them, within `i64`;
//! - in every case, only values with `min <= value <= max` (both bounds inclusive), and
//!   at most [`MAX_ENTRY_CHARS`] characters.
//!
//! [`amount_in`] is both steps for an amount in HK$ millions, and refuses more than
//! [`AMOUNT_DECIMALS`] decimals (amounts are whole dollars): `１０` is 10, `１０．５`
//! is 10.5 and `10.1234567` is refused ([`EntryError::TooManyDecimals`]) rather than
//! rounded, in a field and in a link alike. A percentage or a share keeps every
//! decimal it is given (`10.1234567` % is read as it is).

use crate::money::{thousands_grouped, Money};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt;

/// The most characters a number field reads. Amounts and decimals count the text as
/// typed (whitespace included); whole numbers count it after trimming, as the app
/// always has.
pub const MAX_ENTRY_CHARS: usize = 40;

/// Why typed text was refused. `T` is the type of the value asked for, so the bounds
/// of [`EntryError::OutOfRange`] keep their type (an amount stays an amount).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError<T> {
    /// Longer than [`MAX_ENTRY_CHARS`] characters.
    TooLong,
    /// More significant digits than a `Decimal` keeps exactly (about 28): read, the
    /// number would be one next to it, so it is refused rather than rounded.
    TooManyDigits,
    /// Not a number in the accepted form (`abc`, `0x10`, empty text …).
    NotANumber,
    /// A whole number was asked for, and the text is a plain number (one
    /// [`Money::parse_millions`] reads) with a fraction (`1.5`), which an integer field
    /// cannot take; its thousands separators (`1,000`) it takes. A whole number beyond
    /// `i64`, and any plain number beyond even a `Decimal` (29 digits and more), is
    /// [`EntryError::OutOfRange`].
    NotWhole,
    /// A number, but outside `min..=max`.
    OutOfRange { min: T, max: T },
    /// A share typed as a fraction (`top/bottom`) whose two parts are not whole
    /// numbers from 0 to [`MAX_FRACTION_PART`].
    NotAFraction,
    /// A fraction with a zero denominator.
    ZeroDenominator,
    /// An amount with more than [`AMOUNT_DECIMALS`] decimals (finer than a dollar),
    /// from [`amount_in`] only.
    TooManyDecimals,
    /// A comma that does not separate thousands (`12,5`: a decimal comma), refused
    /// rather than dropped, which would read `12,5` as 125.
    Comma,
    /// A number in scientific notation (`1e3`), which no field reads: it is refused
    /// with a word of its own, so the member learns to write it out (`1000`).
    Exponent,
}

impl<T: fmt::Display> fmt::Display for EntryError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryError::TooLong => write!(f, "longer than {MAX_ENTRY_CHARS} characters"),
            EntryError::TooManyDigits => write!(f, "more digits than can be kept exactly"),
            EntryError::NotANumber => write!(f, "not a number"),
            EntryError::NotWhole => write!(f, "not a whole number"),
            EntryError::OutOfRange { min, max } => write!(f, "not between {min} and {max}"),
            EntryError::NotAFraction => write!(f, "not a fraction of two whole numbers"),
            EntryError::ZeroDenominator => write!(f, "a fraction over zero"),
            EntryError::TooManyDecimals => write!(f, "more than {AMOUNT_DECIMALS} decimals"),
            EntryError::Comma => write!(f, "a comma not between thousands"),
            EntryError::Exponent => write!(f, "written with an exponent"),
        }
    }
}

impl<T: fmt::Debug + fmt::Display> std::error::Error for EntryError<T> {}

/// Refuses `value` unless `min <= value <= max`.
fn within<T: PartialOrd + Copy>(value: T, min: T, max: T) -> Result<T, EntryError<T>> {
    if value < min || value > max {
        Err(EntryError::OutOfRange { min, max })
    } else {
        Ok(value)
    }
}

/// The first step of every number field's reader, and of a link's numbers: the text
/// without surrounding whitespace, refused when still longer than [`MAX_ENTRY_CHARS`]
/// characters (before anything is copied, so no step allocates more than that), with
/// its full-width forms as ASCII ([`half_width`]).
pub fn typed<T>(text: &str) -> Result<Cow<'_, str>, EntryError<T>> {
    let text = text.trim();
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    Ok(half_width(text))
}

/// [`typed`] for a number typed in percent (a cost change): one trailing `%` (or `％`),
/// the field's unit, is dropped.
pub fn percent_typed<T>(text: &str) -> Result<Cow<'_, str>, EntryError<T>> {
    Ok(match typed(text)? {
        Cow::Borrowed(t) => Cow::Borrowed(t.strip_suffix('%').unwrap_or(t).trim_end()),
        Cow::Owned(t) => Cow::Owned(t.strip_suffix('%').unwrap_or(&t).trim_end().to_string()),
    })
}

/// Full-width forms of ASCII (U+FF01–U+FF5E: `０５`, `．`, `－`, `＋`, `，`, `％`, `／` from
/// a Chinese input method) as the ASCII characters they stand for, and the minus sign
/// U+2212 (`−5`, as a document or a spreadsheet copied from writes it) as `-`; other
/// text as it is, uncopied. The ideographic full stop `。` is not a decimal point and
/// stays.
pub fn half_width(text: &str) -> Cow<'_, str> {
    const FULL_WIDTH: std::ops::RangeInclusive<char> = '\u{FF01}'..='\u{FF5E}';
    const MINUS_SIGN: char = '\u{2212}';
    let ascii = |c: char| match c {
        MINUS_SIGN => '-',
        c if FULL_WIDTH.contains(&c) => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    };
    if text.chars().all(|c| ascii(c) == c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(ascii).collect())
}

/// The most decimals an amount in HK$ millions is given with: whole dollars.
pub const AMOUNT_DECIMALS: usize = 6;

/// The decimals of a plain number as typed, without `,` or trailing zeros
/// (`12.3400` has 2).
fn typed_decimals(text: &str) -> usize {
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.trim_end_matches([',', '0']).chars().filter(|c| c.is_ascii_digit()).count())
}

/// True when an amount in HK$ millions, written as `text`, is given finer than a dollar
/// (more than [`AMOUNT_DECIMALS`] decimals, trailing zeros aside): the one rule of an
/// amount field, a link's amount and an imported file's budget.
pub(crate) fn finer_than_a_dollar(text: &str) -> bool {
    typed_decimals(text) > AMOUNT_DECIMALS
}

/// Reads an amount in HK$ millions within `min..=max` as an amount field does, and as
/// a link's amounts are read: the text as [`typed`], then [`money_in`], then at most
/// [`AMOUNT_DECIMALS`] decimals (trailing zeros aside). Finer than a dollar is refused,
/// not rounded, so what is applied is what was typed: `10.1234567` is
/// [`EntryError::TooManyDecimals`], `10.1234560` is 10.123456. A value out of range
/// is said so first.
pub fn amount_in(text: &str, min: Money, max: Money) -> Result<Money, EntryError<Money>> {
    let text = typed(text)?;
    match money_in(&text, min, max) {
        // Digits past a `Decimal`'s in the fraction are finer than a dollar too: said so.
        Err(EntryError::TooManyDigits) if finer_than_a_dollar(&text) => Err(EntryError::TooManyDecimals),
        Ok(_) if finer_than_a_dollar(&text) => Err(EntryError::TooManyDecimals),
        read => read,
    }
}

/// Refuses a comma that does not separate thousands ([`thousands_grouped`]).
fn commas_group_thousands<T>(text: &str) -> Result<(), EntryError<T>> {
    if thousands_grouped(text.trim()) {
        Ok(())
    } else {
        Err(EntryError::Comma)
    }
}

/// Reads an amount in HK$ millions within `min..=max`.
pub fn money_in(text: &str, min: Money, max: Money) -> Result<Money, EntryError<Money>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    commas_group_thousands(text)?;
    let value = Money::parse_millions(text).map_err(|_| unreadable(text, min, max))?;
    read_whole(text, value.millions())?;
    within(value, min, max)
}

/// Refuses a number a `Decimal` could hold only rounded: more digits than its 28 or
/// so (`9.99999999999999999999999999999` reads as 10), so that what is applied is
/// always what was typed, never a number next to it. `value` is `text` as read; the
/// two must be the same number, written without its sign's `+`, commas, leading zeros
/// and trailing zeros of the fraction.
pub(crate) fn read_whole<T>(text: &str, value: Decimal) -> Result<(), EntryError<T>> {
    let unsigned = text.trim().trim_start_matches(['+', '-']).replace(',', "");
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((&unsigned, ""));
    let (whole, fraction) = (whole.trim_start_matches('0'), fraction.trim_end_matches('0'));
    let typed = match (whole.is_empty(), fraction.is_empty()) {
        (_, true) => whole.to_string(),
        (true, false) => format!("0.{fraction}"),
        (false, false) => format!("{whole}.{fraction}"),
    };
    let read = value.abs().normalize().to_string();
    if typed == read || (typed.is_empty() && value.is_zero()) {
        Ok(())
    } else {
        Err(EntryError::TooManyDigits)
    }
}

/// Why a number could not be read: written plainly but too large to hold (29 digits
/// and more, beyond a `Decimal`), which is out of range, not "not a number"; written
/// with an exponent (`1e3`), which no field reads; or not a number at all.
fn unreadable<T>(text: &str, min: T, max: T) -> EntryError<T> {
    if plain_number(text) {
        EntryError::OutOfRange { min, max }
    } else if with_exponent(text) {
        EntryError::Exponent
    } else {
        EntryError::NotANumber
    }
}

/// True for a number in scientific notation: a plain number, `e` or `E`, and a whole
/// exponent with an optional sign (`1e3`, `2.5E-1`).
pub(crate) fn with_exponent(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.trim().split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    plain_number(mantissa) && !exponent.is_empty() && exponent.chars().all(|c| c.is_ascii_digit())
}

/// True for a number written plainly: a sign, digits (with the commas that group
/// thousands, checked before) and at most one point with digits after it.
pub fn plain_number(text: &str) -> bool {
    let trimmed = text.trim();
    let unsigned = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit() || c == ',');
    whole.chars().any(|c| c.is_ascii_digit()) && digits(whole) && !fraction.contains(',') && digits(fraction)
}

/// Reads a decimal (a percentage, a share) within `min..=max`, in the same form as an
/// amount.
pub fn decimal_in(text: &str, min: Decimal, max: Decimal) -> Result<Decimal, EntryError<Decimal>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    commas_group_thousands(text)?;
    let value = Money::parse_millions(text).map(Money::millions).map_err(|_| unreadable(text, min, max))?;
    read_whole(text, value)?;
    within(value, min, max)
}

/// Reads a whole number within `min..=max`.
pub fn int_in(text: &str, min: i64, max: i64) -> Result<i64, EntryError<i64>> {
    let trimmed = text.trim();
    if trimmed.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    commas_group_thousands(trimmed)?;
    // `1,000` is the whole number 1000, as an amount field reads it: only a fraction
    // makes a number not whole.
    let digits: Cow<'_, str> =
        if trimmed.contains(',') { Cow::Owned(trimmed.replace(',', "")) } else { Cow::Borrowed(trimmed) };
    let value: i64 = digits.parse().map_err(|_| {
        // The distinction only sharpens the error: each means "type a whole number".
        let whole = !trimmed.contains('.');
        match Money::parse_millions(trimmed) {
            Ok(_) if !whole => EntryError::NotWhole,
            _ => unreadable(trimmed, min, max),
        }
    })?;
    within(value, min, max)
}

/// The largest part of a fraction a share reads (`69/210`).
pub const MAX_FRACTION_PART: u64 = 1_000_000;

/// The largest denominator [`share_text`] writes a fraction with: a fixed bound, so
/// that a share reads back from a fraction a member would type.
const MAX_WRITTEN_DENOMINATOR: u128 = 1_000;

/// Reads a share, a number from 0 to 1, typed as a decimal (`0.33`), a percentage
/// (`33%`) or a fraction (`69/210`). A fraction is exact to the 28 digits a `Decimal`
/// holds: `1/3` is the same value wherever it is read (a field, a link).
pub fn share_in(text: &str) -> Result<Decimal, EntryError<Decimal>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    let trimmed = text.trim();
    let range = EntryError::OutOfRange { min: Decimal::ZERO, max: Decimal::ONE };
    if let Some((top, bottom)) = trimmed.split_once('/') {
        // A part is read signed, so that `-1/3` is refused as below 0, not as no fraction.
        let part = |p: &str| p.trim().parse::<i64>().ok().filter(|n| n.unsigned_abs() <= MAX_FRACTION_PART);
        let (Some(top), Some(bottom)) = (part(top), part(bottom)) else {
            return Err(EntryError::NotAFraction);
        };
        let (Ok(top), Ok(bottom)) = (u64::try_from(top), u64::try_from(bottom)) else {
            return Err(range);
        };
        if bottom == 0 {
            return Err(EntryError::ZeroDenominator);
        }
        if top > bottom {
            return Err(range);
        }
        return Decimal::from(top).checked_div(Decimal::from(bottom)).ok_or(range);
    }
    if let Some(number) = trimmed.strip_suffix('%') {
        let percent = decimal_in(number, Decimal::ZERO, Decimal::ONE_HUNDRED).map_err(|error| match error {
            EntryError::OutOfRange { .. } => range.clone(),
            other => other,
        })?;
        // A percentage with nearly as many digits as a `Decimal` holds has more once
        // divided by 100: refused rather than rounded (0.…0033% is not 0).
        let share = percent.checked_div(Decimal::ONE_HUNDRED).ok_or(range)?;
        return if share.checked_mul(Decimal::ONE_HUNDRED) == Some(percent) {
            Ok(share)
        } else {
            Err(EntryError::TooManyDigits)
        };
    }
    decimal_in(trimmed, Decimal::ZERO, Decimal::ONE)
}

/// The shortest text [`share_in`] reads back as exactly `value`: the plain decimal
/// (`0.25`), or a fraction when one is shorter (`1/3` rather than 28 threes).
pub fn share_text(value: Decimal) -> String {
    let decimal = value.normalize().to_string();
    // A short decimal is what the member typed; only a long one (a fraction's
    // expansion) is worth writing as a fraction.
    if value < Decimal::ZERO || value > Decimal::ONE || value.normalize().scale() <= 6 {
        return decimal;
    }
    match fraction_of(value) {
        Some((top, bottom)) if format!("{top}/{bottom}").len() < decimal.len() => format!("{top}/{bottom}"),
        _ => decimal,
    }
}

/// The fraction `top/bottom`, its bottom at most [`MAX_WRITTEN_DENOMINATOR`], whose
/// quotient [`share_in`] reads as exactly `value` (a share of many decimals), if any.
///
/// Such a fraction is within half a unit of the 28th decimal of `value`, far closer
/// than `1 / (2 × bottom²)`, so it is one of the convergents of `value`'s continued
/// fraction (Legendre's theorem), and the smallest bottom is the first convergent that
/// reads back. At most a few dozen convergents come before the bottom passes the
/// bound, so a share costs the same few steps whatever its value, where trying every
/// bottom cost a thousand divisions (a stored file of 200 such shares took 60 ms).
fn fraction_of(value: Decimal) -> Option<(u128, u128)> {
    let value = value.normalize();
    // `value` is `numerator / 10^scale` exactly, both within a u128 (scale ≤ 28).
    let numerator = u128::try_from(value.mantissa()).ok()?;
    let denominator = 10_u128.checked_pow(value.scale())?;
    let (mut rest_top, mut rest_bottom) = (numerator, denominator);
    // The convergents h/k, from h₋₁/k₋₁ = 1/0 and h₋₂/k₋₂ = 0/1.
    let (mut h_before, mut h) = (0_u128, 1_u128);
    let (mut k_before, mut k) = (1_u128, 0_u128);
    while rest_bottom != 0 {
        let term = rest_top / rest_bottom;
        (rest_top, rest_bottom) = (rest_bottom, rest_top % rest_bottom);
        let h_next = term.checked_mul(h)?.checked_add(h_before)?;
        let k_next = term.checked_mul(k)?.checked_add(k_before)?;
        (h_before, h, k_before, k) = (h, h_next, k, k_next);
        if k > MAX_WRITTEN_DENOMINATOR {
            return None;
        }
        let reads_back = Decimal::from(h).checked_div(Decimal::from(k)) == Some(value);
        if k >= 2 && reads_back {
            return Some((h, k));
        }
    }
    None
}

/// A share as a saved scenario writes it (`#[serde(serialize_with)]`): its
/// [`share_text`], so that the paper's 69/210 is written `"23/70"`, as a link writes
/// it, not as its 28-digit expansion, and reads back exactly ([`read_share`]).
pub fn write_share<S: serde::Serializer>(share: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&share_text(*share))
}

/// [`write_share`] of a share that may be unset (`None` is written as `null`).
pub fn write_optional_share<S: serde::Serializer>(share: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match share {
        Some(share) => write_share(share, serializer),
        None => serializer.serialize_none(),
    }
}

/// Reads a share as [`write_share`] writes it, a fraction (`"23/70"`, as [`share_in`]
/// reads one), or as earlier versions wrote it, a decimal string, read as `Decimal`
/// reads one, with its messages, so that a refused share is said as any refused
/// number is (`#[serde(deserialize_with)]`).
pub fn read_share<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    struct ShareVisitor;
    impl serde::de::Visitor<'_> for ShareVisitor {
        type Value = Decimal;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a Decimal or a fraction from 0 to 1")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
            if text.contains('/') {
                return share_in(text).map_err(|_| E::invalid_value(serde::de::Unexpected::Str(text), &self));
            }
            serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<E>::new(text))
        }
    }
    deserializer.deserialize_str(ShareVisitor)
}

/// A whole number's text without its separators: `,` or `_` between groups of
/// thousands (`10,000`, `1_000_000`), as the seed and runs fields take them; a
/// separator anywhere else is [`EntryError::Comma`], so `12,5` is never read as 125.
pub fn grouped_digits<T>(text: &str) -> Result<String, EntryError<T>> {
    // `_` separates groups as `,` does, and like it only groups of thousands.
    let grouped = text.replace('_', ",");
    commas_group_thousands(&grouped)?;
    Ok(grouped.chars().filter(|c| *c != ',').collect())
}

/// Reads a number of Monte Carlo runs: a whole number from 1 to
/// [`MAX_RUNS`](crate::engine::monte_carlo::MAX_RUNS), with `,` or `_` between groups
/// of thousands allowed, as the runs field and a link's `runs=` take it.
pub fn runs(text: &str) -> Result<u32, EntryError<i64>> {
    let digits = grouped_digits(text)?;
    let runs = int_in(&digits, 1, i64::from(crate::engine::monte_carlo::MAX_RUNS))?;
    // Within 1..=MAX_RUNS, so always a u32.
    Ok(u32::try_from(runs).unwrap_or(u32::MAX))
}

/// Reads a seed: a whole number from 0 to 18,446,744,073,709,551,615, with `,` or `_`
/// between groups of thousands allowed, and one leading `+`: links read a seed with
/// Rust's integer syntax, which takes it, before they read it as this field does. A
/// whole number below zero is out of range.
pub fn seed(text: &str) -> Result<u64, EntryError<u64>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    let trimmed = text.trim();
    let range = EntryError::OutOfRange { min: 0, max: u64::MAX };
    let (negative, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let digits = grouped_digits(unsigned)?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(if with_exponent(trimmed) { EntryError::Exponent } else { EntryError::NotANumber });
    }
    // A seed below zero is a number outside the seed's range, not "not a number"; `-0`
    // is 0.
    match digits.parse::<u64>() {
        Ok(0) => Ok(0),
        Ok(_) if negative => Err(range),
        Ok(seed) => Ok(seed),
        Err(_) => Err(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bounds every row of [`check`] uses: an amount field of HK$0–1,000M, a
    /// percentage field of −100–100 and a quarter field of −40–40.
    fn money_bounds() -> (Money, Money) {
        (Money::ZERO, Money::from_whole_millions(1_000))
    }
    const DECIMAL_BOUNDS: (Decimal, Decimal) = (Decimal::from_parts(100, 0, 0, true, 0), Decimal::ONE_HUNDRED);
    const INT_BOUNDS: (i64, i64) = (-40, 40);

    /// One outcome as text, so that a single table row shows how all three fields
    /// treat the same input: the value (exact, unformatted) or the error's name.
    fn outcome<T>(result: Result<T, EntryError<T>>, show: impl Fn(T) -> String) -> String {
        match result {
            Ok(value) => show(value),
            Err(EntryError::TooLong) => "too long".to_string(),
            Err(EntryError::TooManyDigits) => "too many digits".to_string(),
            Err(EntryError::NotANumber) => "not a number".to_string(),
            Err(EntryError::NotWhole) => "not whole".to_string(),
            Err(EntryError::OutOfRange { .. }) => "out of range".to_string(),
            Err(EntryError::NotAFraction) => "not a fraction".to_string(),
            Err(EntryError::ZeroDenominator) => "zero denominator".to_string(),
            Err(EntryError::TooManyDecimals) => "too many decimals".to_string(),
            Err(EntryError::Comma) => "comma".to_string(),
            Err(EntryError::Exponent) => "exponent".to_string(),
        }
    }

    /// Parses `input` as an amount, a decimal and a whole number (with the bounds
    /// above) and compares the three outcomes with `expected`.
    #[track_caller]
    fn check(input: &str, expected: [&str; 3]) {
        let (money_min, money_max) = money_bounds();
        let found = [
            outcome(money_in(input, money_min, money_max), |m| m.millions().to_string()),
            outcome(decimal_in(input, DECIMAL_BOUNDS.0, DECIMAL_BOUNDS.1), |d| d.to_string()),
            outcome(int_in(input, INT_BOUNDS.0, INT_BOUNDS.1), |i| i.to_string()),
        ];
        assert_eq!(found, expected.map(String::from), "entry of {input:?} as [amount, decimal, whole number]");
    }

    #[test]
    fn plain_numbers_and_whitespace() {
        check("12", ["12", "12", "12"]);
        check(" 12 ", ["12", "12", "12"]);
        check("\t12\n", ["12", "12", "12"]);
        // Unicode whitespace counts as whitespace: a full-width space from a Chinese
        // input method and a no-break space from a pasted figure.
        check("\u{3000}12\u{a0}", ["12", "12", "12"]);
        check("12.5", ["12.5", "12.5", "not whole"]);
        check("12.50", ["12.50", "12.50", "not whole"]);
        check(".5", ["0.5", "0.5", "not whole"]);
        check("5.", ["5", "5", "not whole"]);
        check("007", ["7", "7", "7"]);
        check("1 2", ["not a number", "not a number", "not a number"]);
    }

    #[test]
    fn empty_and_non_numbers() {
        check("", ["not a number", "not a number", "not a number"]);
        check("   ", ["not a number", "not a number", "not a number"]);
        check(".", ["not a number", "not a number", "not a number"]);
        check("abc", ["not a number", "not a number", "not a number"]);
        check("1.2.3", ["not a number", "not a number", "not a number"]);
        check("NaN", ["not a number", "not a number", "not a number"]);
        check("inf", ["not a number", "not a number", "not a number"]);
        check("12abc", ["not a number", "not a number", "not a number"]);
        check("HK$12", ["not a number", "not a number", "not a number"]);
        check("12%", ["not a number", "not a number", "not a number"]);
        check("0x10", ["not a number", "not a number", "not a number"]);
    }

    #[test]
    fn separators_and_full_width_digits() {
        // Thousands separators are accepted in amounts and decimals where they group
        // thousands; a whole-number field takes digits only. A comma anywhere else is
        // refused as one, never dropped: `12,5` was read as 125.
        check("1,000", ["1000", "out of range", "out of range"]);
        check("1,000.5", ["out of range", "out of range", "not whole"]);
        check("1,000.0", ["1000.0", "out of range", "not whole"]);
        check("-1,000", ["out of range", "out of range", "out of range"]);
        check("12,5", ["comma", "comma", "comma"]);
        check("1,0", ["comma", "comma", "comma"]);
        check("1,0000", ["comma", "comma", "comma"]);
        check("1.000,5", ["comma", "comma", "comma"]);
        check(",5,", ["comma", "comma", "comma"]);
        check(",", ["comma", "comma", "comma"]);
        // Full-width digits and the full-width comma or point are not digits here.
        check("１２", ["not a number", "not a number", "not a number"]);
        check("1，000", ["not a number", "not a number", "not a number"]);
        check("1．5", ["not a number", "not a number", "not a number"]);
        // Other digit scripts are refused too.
        check("١٢", ["not a number", "not a number", "not a number"]);
    }

    #[test]
    fn signs() {
        check("-5", ["out of range", "-5", "-5"]);
        check("+5", ["5", "5", "5"]);
        check("- 5", ["not a number", "not a number", "not a number"]);
        check("--5", ["not a number", "not a number", "not a number"]);
        check("+-5", ["not a number", "not a number", "not a number"]);
        check("5-", ["not a number", "not a number", "not a number"]);
        check("-", ["not a number", "not a number", "not a number"]);
        check("+", ["not a number", "not a number", "not a number"]);
        // A unicode minus sign (U+2212) is not a sign to the readers, which take ASCII;
        // the first step, `typed`, makes it one (see `typed_text`).
        check("\u{2212}5", ["not a number", "not a number", "not a number"]);
        // Negative zero is zero, inside every range that holds zero.
        check("-0", ["0", "0", "0"]);
    }

    #[test]
    fn exponent_forms_are_refused() {
        check("1e3", ["exponent", "exponent", "exponent"]);
        check("1E3", ["exponent", "exponent", "exponent"]);
        check("1e-3", ["exponent", "exponent", "exponent"]);
        check("2.5e+1", ["exponent", "exponent", "exponent"]);
        check("-1.5e2", ["exponent", "exponent", "exponent"]);
        check("1e", ["not a number", "not a number", "not a number"]);
        check("e3", ["not a number", "not a number", "not a number"]);
        check("1e3.5", ["not a number", "not a number", "not a number"]);
        check("1e3e3", ["not a number", "not a number", "not a number"]);
    }

    #[test]
    fn a_number_too_large_to_hold_is_out_of_range_not_a_non_number() {
        let digits = "9".repeat(32);
        check(&digits, ["out of range", "out of range", "out of range"]);
        check(&format!("-{digits}"), ["out of range", "out of range", "out of range"]);
        check(&format!("{digits}.5"), ["out of range", "out of range", "out of range"]);
        check("99,999,999,999,999,999,999,999,999,999", ["out of range", "out of range", "out of range"]);
        check("99999999999999999999", ["out of range", "out of range", "out of range"]);
        check("1,000", ["1000", "out of range", "out of range"]);
        assert_eq!(int_in("1,000", 0, 1_000_000), Ok(1_000));
        assert_eq!(int_in("-1,000,000", -1_000_000, 0), Ok(-1_000_000));
        check(&format!("{digits}x"), ["not a number", "not a number", "not a number"]);
    }

    #[test]
    fn bounds_are_inclusive() {
        check("0", ["0", "0", "0"]);
        check("1000", ["1000", "out of range", "out of range"]);
        check("1000.000001", ["out of range", "out of range", "not whole"]);
        check("-0.000001", ["out of range", "-0.000001", "not whole"]);
        check("100", ["100", "100", "out of range"]);
        check("100.0000000001", ["100.0000000001", "out of range", "not whole"]);
        check("-100", ["out of range", "-100", "out of range"]);
        check("-100.1", ["out of range", "out of range", "not whole"]);
        check("40", ["40", "40", "40"]);
        check("41", ["41", "41", "out of range"]);
        check("-40", ["out of range", "-40", "-40"]);
        check("-41", ["out of range", "-41", "out of range"]);
    }

    /// The text as a field and a link read it ([`typed`], [`percent_typed`]), then an
    /// amount ([`amount_in`]), a decimal and a whole number: full-width forms read as
    /// ASCII, and an amount finer than a dollar refused.
    #[test]
    fn numbers_as_typed_in_a_field_or_a_link() {
        let (money_min, money_max) = money_bounds();
        let (low, high) = DECIMAL_BOUNDS;
        for (input, expected) in [
            ("１０", ["10", "10", "10", "10"]),
            ("１０．５", ["10.5", "10.5", "10.5", "not whole"]),
            ("10.1234567", ["too many decimals", "10.1234567", "10.1234567", "not whole"]),
            ("１０．１２３４５６７", ["too many decimals", "10.1234567", "10.1234567", "not whole"]),
            ("10.1234560", ["10.1234560", "10.1234560", "10.1234560", "not whole"]),
            ("99.999999,0", ["comma", "comma", "comma", "comma"]),
            ("１２，５", ["comma", "comma", "comma", "comma"]),
            // Out of range is said before too many decimals.
            ("1000.0000001", ["out of range", "out of range", "out of range", "not whole"]),
            ("\u{3000}＋５\u{3000}", ["5", "5", "5", "5"]),
            ("－５％", ["not a number", "not a number", "-5", "not a number"]),
            ("5 %", ["not a number", "not a number", "5", "not a number"]),
            ("5%%", ["not a number", "not a number", "not a number", "not a number"]),
            ("1。5", ["not a number", "not a number", "not a number", "not a number"]),
            ("١٢", ["not a number", "not a number", "not a number", "not a number"]),
            // The minus sign of a document or a spreadsheet is a minus.
            ("\u{2212}5", ["out of range", "-5", "-5", "-5"]),
            ("\u{2212}５％", ["not a number", "not a number", "-5", "not a number"]),
            ("\u{2013}5", ["not a number", "not a number", "not a number", "not a number"]),
            ("１ｅ３", ["exponent", "exponent", "exponent", "exponent"]),
        ] {
            let found = [
                outcome(amount_in(input, money_min, money_max), |m| m.millions().to_string()),
                outcome(typed(input).and_then(|t| decimal_in(&t, low, high)), |d| d.to_string()),
                outcome(percent_typed(input).and_then(|t| decimal_in(&t, low, high)), |d| d.to_string()),
                outcome(typed(input).and_then(|t| int_in(&t, INT_BOUNDS.0, INT_BOUNDS.1)), |i| i.to_string()),
            ];
            assert_eq!(found, expected.map(String::from), "{input:?} as [amount, decimal, percentage, whole number]");
        }
        // The length is that of the text without its surrounding whitespace, counted
        // before full-width forms are copied.
        assert_eq!(typed::<()>(&format!("  {}  ", "１".repeat(MAX_ENTRY_CHARS))).map(|t| t.len()), Ok(MAX_ENTRY_CHARS));
        assert_eq!(typed::<()>(&"１".repeat(MAX_ENTRY_CHARS + 1)), Err(EntryError::TooLong));
        assert_eq!(typed::<()>("12"), Ok(Cow::Borrowed("12")));
    }

    #[test]
    fn the_refusal_carries_the_typed_bounds() {
        let max = Money::from_whole_millions(10);
        assert_eq!(money_in("11", Money::ZERO, max), Err(EntryError::OutOfRange { min: Money::ZERO, max }));
        assert_eq!(
            decimal_in("2", Decimal::ZERO, Decimal::ONE),
            Err(EntryError::OutOfRange { min: Decimal::ZERO, max: Decimal::ONE })
        );
        assert_eq!(int_in("9", 1, 8), Err(EntryError::OutOfRange { min: 1, max: 8 }));
        // Bounds the wrong way round admit nothing rather than panicking.
        assert_eq!(int_in("5", 8, 1), Err(EntryError::OutOfRange { min: 8, max: 1 }));
        assert_eq!(EntryError::OutOfRange { min: 1, max: 8 }.to_string(), "not between 1 and 8");
    }

    #[test]
    fn huge_and_long_inputs() {
        let forty = "1".repeat(MAX_ENTRY_CHARS);
        let forty_one = "1".repeat(MAX_ENTRY_CHARS + 1);
        // Forty digits are read (and are far out of every range, or beyond a Decimal);
        // one more character is refused before any parsing.
        check(&forty, ["out of range", "out of range", "out of range"]);
        check(&forty_one, ["too long", "too long", "too long"]);
        check(&"9".repeat(28), ["out of range", "out of range", "out of range"]);
        check(&"9".repeat(29), ["out of range", "out of range", "out of range"]);
        check("9223372036854775807", ["out of range", "out of range", "out of range"]);
        check("9223372036854775808", ["out of range", "out of range", "out of range"]);
        check("-9223372036854775808", ["out of range", "out of range", "out of range"]);
        // Whitespace counts toward the limit of amounts and decimals (the text as
        // typed) but not of whole numbers (the text trimmed).
        let padded = format!("{}1", " ".repeat(MAX_ENTRY_CHARS));
        check(&padded, ["too long", "too long", "1"]);
        // The limit counts characters, not bytes: forty Chinese characters are read.
        check(&"一".repeat(MAX_ENTRY_CHARS), ["not a number", "not a number", "not a number"]);
        check(&"一".repeat(MAX_ENTRY_CHARS + 1), ["too long", "too long", "too long"]);
        // More digits than a Decimal holds would be rounded to a number next to the one
        // typed: refused, so what is applied is what was typed.
        check("0.00000000000000000000000000001", ["too many digits", "too many digits", "not whole"]);
        check("9.99999999999999999999999999999", ["too many digits", "too many digits", "not whole"]);
        check("12.3456789012345678901234567891", ["too many digits", "too many digits", "not whole"]);
        // As many digits as it holds, and zeros that change nothing, are read.
        check(
            "1.2345678901234567890123456789",
            ["1.2345678901234567890123456789", "1.2345678901234567890123456789", "not whole"],
        );
        check(
            "0.0000000000000000000000000001",
            ["0.0000000000000000000000000001", "0.0000000000000000000000000001", "not whole"],
        );
        check(
            "007.50000000000000000000000000000",
            ["7.5000000000000000000000000000", "7.5000000000000000000000000000", "not whole"],
        );
        check("-0.000", ["0.000", "0.000", "not whole"]);
        let i64_bounds = int_in("9223372036854775807", i64::MIN, i64::MAX);
        assert_eq!(i64_bounds, Ok(i64::MAX));
    }

    /// Reads `input` as a share and writes the value back: the outcome, then the text
    /// `share_text` writes for it and whether that reads back to the same value.
    #[track_caller]
    fn check_share(input: &str, expected: &str) {
        let found = match share_in(input) {
            Ok(value) => {
                let written = share_text(value);
                let again = share_in(&written);
                format!("{value} → {written}{}", if again == Ok(value) { "" } else { " (does not read back)" })
            }
            Err(error) => outcome::<Decimal>(Err(error), |d| d.to_string()),
        };
        assert_eq!(found, expected, "share {input:?}");
    }

    #[test]
    fn shares_as_decimals_percentages_and_fractions() {
        check_share("0.25", "0.25 → 0.25");
        check_share("25%", "0.25 → 0.25");
        check_share(" 33.3 % ", "0.333 → 0.333");
        check_share("1/3", "0.3333333333333333333333333333 → 1/3");
        check_share("69/210", "0.3285714285714285714285714286 → 23/70");
        check_share("2/3", "0.6666666666666666666666666667 → 2/3");
        check_share("1", "1 → 1");
        check_share("0", "0 → 0");
        check_share("0/5", "0 → 0");
        check_share("1.5", "out of range");
        check_share("101%", "out of range");
        check_share("4/3", "out of range");
        check_share("1/0", "zero denominator");
        check_share("a/b", "not a fraction");
        check_share("1.5/3", "not a fraction");
        check_share("1/2/3", "not a fraction");
        check_share("1/99999999999", "not a fraction");
        // A negative part is a number below 0, whatever the other part.
        check_share("-1/3", "out of range");
        check_share("1/-3", "out of range");
        check_share("-1/-3", "out of range");
        check_share("-0/3", "0 → 0");
        check_share("", "not a number");
        check_share("%", "not a number");
        check_share(&"1".repeat(MAX_ENTRY_CHARS + 1), "too long");
        // A percentage whose share would need more digits than a Decimal holds.
        check_share("0.0000000000000000000000000033%", "too many digits");
        check_share("33.33333333333333333333333333%", "0.3333333333333333333333333333 → 1/3");
        check_share("0.00000000000000000000000001%", "0.0000000000000000000000000001 → 0.0000000000000000000000000001");
    }

    /// The fraction [`share_text`] writes is the one with the smallest bottom (up to
    /// [`MAX_WRITTEN_DENOMINATOR`]) that reads back, as trying every bottom finds it.
    #[test]
    fn the_fraction_written_is_the_one_every_bottom_tried_would_find() {
        let every_bottom = |value: Decimal| {
            (2..=MAX_WRITTEN_DENOMINATOR).find_map(|bottom| {
                let bottom = Decimal::from(bottom);
                let top = value.checked_mul(bottom)?.round();
                (top.checked_div(bottom) == Some(value)).then(|| format!("{}/{bottom}", top.normalize()))
            })
        };
        let mut values: Vec<Decimal> = (2..=60_u32)
            .flat_map(|bottom| (0..=bottom).map(move |top| Decimal::from(top) / Decimal::from(bottom)))
            .collect();
        values.extend([997_u32, 999, 1_000, 1_001].map(|bottom| Decimal::ONE / Decimal::from(bottom)));
        values.extend([Decimal::new(1_234_567, 7), Decimal::new(3_141_592_653_589, 13), Decimal::new(1, 28)]);
        for value in values {
            let expected = every_bottom(value).filter(|text| text.len() < value.normalize().to_string().len());
            let written = share_text(value);
            let found = written.contains('/').then_some(written);
            let expected = if value.normalize().scale() <= 6 { None } else { expected };
            assert_eq!(found, expected, "{value}");
        }
    }

    #[test]
    fn a_share_is_written_so_it_reads_back_exactly() {
        for bottom in 1..=120_u32 {
            for top in 0..=bottom {
                let value = Decimal::from(top) / Decimal::from(bottom);
                assert_eq!(share_in(&share_text(value)), Ok(value), "{top}/{bottom}");
            }
        }
    }

    #[test]
    fn seeds() {
        assert_eq!(seed("710"), Ok(710));
        assert_eq!(seed(" 1,000_000 "), Ok(1_000_000));
        assert_eq!(seed("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(seed("18446744073709551616"), Err(EntryError::OutOfRange { min: 0, max: u64::MAX }));
        assert_eq!(seed("-1"), Err(EntryError::OutOfRange { min: 0, max: u64::MAX }));
        assert_eq!(seed("-0"), Ok(0));
        assert_eq!(seed("-x"), Err(EntryError::NotANumber));
        assert_eq!(seed(""), Err(EntryError::NotANumber));
        assert_eq!(seed("1e3"), Err(EntryError::Exponent));
        // A leading `+`, as links have always read a seed, but one sign only.
        assert_eq!(seed("+5"), Ok(5));
        assert_eq!(seed("++5"), Err(EntryError::NotANumber));
        assert_eq!(seed("+"), Err(EntryError::NotANumber));
        // A separator between anything but thousands is refused, not dropped.
        assert_eq!(seed("12,5"), Err(EntryError::Comma));
        assert_eq!(seed("1_0"), Err(EntryError::Comma));
    }
}
