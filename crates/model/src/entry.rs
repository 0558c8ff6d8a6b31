//! Number entry: the text a person types into a number field → a value within bounds.
//!
//! The app parses every keystroke with these functions and commits only the values
//! they accept, so they decide what a field takes. They live here, not in the app, so
//! that they are tested natively and fuzzed like the other readers of hostile text
//! (`link.rs`, `saved.rs`, `load.rs`). The errors are data; the app words them in both
//! languages.
//!
//! What is accepted:
//! - amounts and decimals: what [`Money::parse_millions`] reads (an optional sign,
//!   ASCII digits with at most one `.`, `,` thousands separators anywhere, surrounding
//!   whitespace), so a field takes exactly what a link or a data file takes; no
//!   exponents, no full-width digits;
//! - whole numbers: Rust's integer syntax after trimming (an optional sign and ASCII
//!   digits), within `i64`;
//! - in every case, only values with `min <= value <= max` (both bounds inclusive), and
//!   at most [`MAX_ENTRY_CHARS`] characters, a guard against pasted megabytes.

use crate::money::Money;
use rust_decimal::Decimal;
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
    /// Not a number in the accepted form (`abc`, `1e3`, `１２`, empty text …).
    NotANumber,
    /// A whole number was asked for, and the text is a plain number (one
    /// [`Money::parse_millions`] reads) that an integer field cannot take: it has a
    /// fraction (`1.5`), thousands separators (`1,000`), or is beyond `i64`. Digits
    /// beyond even a `Decimal` (29 and more) are [`EntryError::NotANumber`].
    NotWhole,
    /// A number, but outside `min..=max`.
    OutOfRange { min: T, max: T },
}

impl<T: fmt::Display> fmt::Display for EntryError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryError::TooLong => write!(f, "longer than {MAX_ENTRY_CHARS} characters"),
            EntryError::NotANumber => write!(f, "not a number"),
            EntryError::NotWhole => write!(f, "not a whole number"),
            EntryError::OutOfRange { min, max } => write!(f, "not between {min} and {max}"),
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

/// Reads an amount in HK$ millions within `min..=max`.
pub fn money_in(text: &str, min: Money, max: Money) -> Result<Money, EntryError<Money>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    let value = Money::parse_millions(text).map_err(|_| EntryError::NotANumber)?;
    within(value, min, max)
}

/// Reads a decimal (a percentage, a share) within `min..=max`, in the same form as an
/// amount.
pub fn decimal_in(text: &str, min: Decimal, max: Decimal) -> Result<Decimal, EntryError<Decimal>> {
    if text.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    let value = Money::parse_millions(text).map(Money::millions).map_err(|_| EntryError::NotANumber)?;
    within(value, min, max)
}

/// Reads a whole number within `min..=max`.
pub fn int_in(text: &str, min: i64, max: i64) -> Result<i64, EntryError<i64>> {
    let trimmed = text.trim();
    if trimmed.chars().count() > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong);
    }
    let value: i64 = trimmed.parse().map_err(|_| {
        // The distinction only sharpens the error: both mean "type a whole number".
        if Money::parse_millions(trimmed).is_ok() {
            EntryError::NotWhole
        } else {
            EntryError::NotANumber
        }
    })?;
    within(value, min, max)
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
            Err(EntryError::NotANumber) => "not a number".to_string(),
            Err(EntryError::NotWhole) => "not whole".to_string(),
            Err(EntryError::OutOfRange { .. }) => "out of range".to_string(),
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
        // Thousands separators are accepted in amounts and decimals wherever they
        // stand, because Money::parse_millions drops every comma; a whole-number field
        // takes digits only.
        check("1,000", ["1000", "out of range", "not whole"]);
        check("1,0", ["10", "10", "not whole"]);
        check(",5,", ["5", "5", "not whole"]);
        check(",", ["not a number", "not a number", "not a number"]);
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
        // A unicode minus sign (U+2212) is not a sign.
        check("\u{2212}5", ["not a number", "not a number", "not a number"]);
        // Negative zero is zero, inside every range that holds zero.
        check("-0", ["0", "0", "0"]);
    }

    #[test]
    fn exponent_forms_are_refused() {
        check("1e3", ["not a number", "not a number", "not a number"]);
        check("1E3", ["not a number", "not a number", "not a number"]);
        check("1e-3", ["not a number", "not a number", "not a number"]);
        check("2.5e1", ["not a number", "not a number", "not a number"]);
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
        check(&forty, ["not a number", "not a number", "not a number"]);
        check(&forty_one, ["too long", "too long", "too long"]);
        check(&"9".repeat(28), ["out of range", "out of range", "not whole"]);
        check(&"9".repeat(29), ["not a number", "not a number", "not a number"]);
        check("9223372036854775807", ["out of range", "out of range", "out of range"]);
        check("9223372036854775808", ["out of range", "out of range", "not whole"]);
        check("-9223372036854775808", ["out of range", "out of range", "out of range"]);
        // Whitespace counts toward the limit of amounts and decimals (the text as
        // typed) but not of whole numbers (the text trimmed).
        let padded = format!("{}1", " ".repeat(MAX_ENTRY_CHARS));
        check(&padded, ["too long", "too long", "1"]);
        // The limit counts characters, not bytes: forty Chinese characters are read.
        check(&"一".repeat(MAX_ENTRY_CHARS), ["not a number", "not a number", "not a number"]);
        check(&"一".repeat(MAX_ENTRY_CHARS + 1), ["too long", "too long", "too long"]);
        // A decimal point with many places: Decimal keeps 28 places and rounds beyond.
        check(
            "0.00000000000000000000000000001",
            ["0.0000000000000000000000000000", "0.0000000000000000000000000000", "not whole"],
        );
        let i64_bounds = int_in("9223372036854775807", i64::MIN, i64::MAX);
        assert_eq!(i64_bounds, Ok(i64::MAX));
    }
}
