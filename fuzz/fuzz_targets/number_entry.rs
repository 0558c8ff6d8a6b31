//! Typed text and a field's bounds → `blockvote_model::entry`, which every number field
//! of the app parses each keystroke with.
//!
//! The first byte picks the bounds: one of the app's own fields (below), or, from the
//! bytes that follow, arbitrary bounds (any two decimals, any two whole numbers, in
//! either order). The rest is the text, read as the browser hands it over. Asserts:
//! - nothing panics;
//! - an accepted value lies within the bounds, and is what `Money::parse_millions` (or
//!   Rust's integer syntax) reads from the text;
//! - each refusal is the right one: too long only when over `MAX_ENTRY_CHARS` or, for
//!   an amount or a decimal, with more digits than a `Decimal` holds exactly, out of
//!   range with the bounds it was given, not a number only when the text does not
//!   parse, a comma only when it does not group thousands;
//! - what a field then shows for an accepted value (the app's `field_money`,
//!   `field_decimal`, `field_int`) is itself a number the field reads, and for
//!   decimals and whole numbers it is the same value.
#![no_main]

use blockvote_model::entry::{decimal_in, int_in, money_in, plain_number, EntryError, MAX_ENTRY_CHARS};
use blockvote_model::money::thousands_grouped;
use blockvote_model::Money;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// Whether a plain number has more digits than a `Decimal` holds exactly: more than
/// 28 decimals, or more than 28 digits from its first to its last that is not zero
/// (leading zeros and a fraction's trailing zeros aside). Written out here, apart from
/// the reader's own check, as the oracle of its refusal.
fn beyond_a_decimal(text: &str) -> bool {
    let unsigned = text.trim().trim_start_matches(['+', '-']).replace(',', "");
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((&unsigned, ""));
    let fraction = fraction.trim_end_matches('0');
    let digits = format!("{whole}{fraction}");
    let plain = digits.chars().all(|c| c.is_ascii_digit()) && unsigned.matches('.').count() <= 1;
    plain && (fraction.len() > 28 || digits.trim_start_matches('0').len() > 28)
}

/// Bounds for the three kinds of field.
struct Bounds {
    money: (Money, Money),
    decimal: (Decimal, Decimal),
    int: (i64, i64),
}

fn money(millions: i64) -> Money {
    Money::from_whole_millions(millions)
}

/// The bounds of the app's fields (`src/screens/`): amounts up to `MAX_INPUT_MILLIONS`
/// (HK$1,000,000,000M), the allocation or a threshold; cost change −100–1000 %,
/// shares 0–1, percentages 0–100; shifts of ±40 quarters, Monte Carlo runs, weights;
/// and the widest values of each type.
fn preset(choice: u8) -> Option<Bounds> {
    let bounds = match choice {
        0 => Bounds {
            money: (Money::ZERO, money(1_000_000_000)),
            decimal: (Decimal::from(-100), Decimal::from(1_000)),
            int: (0, 40),
        },
        1 => Bounds { money: (Money::ZERO, money(1_060)), decimal: (Decimal::ZERO, Decimal::ONE), int: (-40, 40) },
        2 => Bounds {
            money: (Money::ZERO, Money::from_thousands(200)),
            decimal: (Decimal::ZERO, Decimal::ONE_HUNDRED),
            int: (1, 1_000_000),
        },
        3 => Bounds { money: (Money::ZERO, money(10)), decimal: (Decimal::ZERO, Decimal::ONE), int: (0, 1_000) },
        4 => Bounds {
            money: (Money::from_millions(Decimal::MIN), Money::from_millions(Decimal::MAX)),
            decimal: (Decimal::MIN, Decimal::MAX),
            int: (i64::MIN, i64::MAX),
        },
        _ => return None,
    };
    Some(bounds)
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

    /// Any `Decimal`: a 96-bit mantissa, a sign and a scale of 0–28.
    fn decimal(&mut self) -> Decimal {
        let [lo, mid, hi] = [self.take(), self.take(), self.take()].map(u32::from_le_bytes);
        let [flags] = self.take();
        Decimal::from_parts(lo, mid, hi, flags & 0x80 != 0, u32::from(flags & 0x7f) % 29)
    }

    fn int(&mut self) -> i64 {
        i64::from_le_bytes(self.take())
    }
}

/// How the app writes an amount into a field (`field_money`).
fn shown_money(value: Money) -> String {
    value.format(1).replace(',', "")
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let mut bytes = Bytes(rest);
    let bounds = match preset(choice) {
        Some(bounds) => bounds,
        None => {
            let (low, high) = (bytes.decimal(), bytes.decimal());
            Bounds {
                money: (Money::from_millions(low), Money::from_millions(high)),
                decimal: (low, high),
                int: (bytes.int(), bytes.int()),
            }
        }
    };
    let text = String::from_utf8_lossy(bytes.0);
    let long = text.chars().count() > MAX_ENTRY_CHARS;
    let parsed = Money::parse_millions(&text);

    let (min, max) = bounds.money;
    match money_in(&text, min, max) {
        Ok(value) => {
            assert!(!long && min <= value && value <= max, "{value:?} accepted from {text:?} in {min:?}..={max:?}");
            assert_eq!(parsed.as_ref(), Ok(&value));
            let shown = shown_money(value);
            assert!(Money::parse_millions(&shown).is_ok(), "the field shows {shown:?} for {value:?}");
        }
        Err(EntryError::TooLong) => assert!(long, "{text:?} called too long"),
        Err(EntryError::TooManyDigits) => assert!(!long && beyond_a_decimal(&text), "{text:?} called too many digits"),
        Err(EntryError::NotANumber) => assert!(!long && parsed.is_err()),
        Err(EntryError::NotWhole) => panic!("an amount field said {text:?} is not whole"),
        Err(EntryError::NotAFraction | EntryError::ZeroDenominator) => panic!("an amount field read {text:?} as a fraction"),
        Err(EntryError::TooManyDecimals) => panic!("an amount field counted the decimals of {text:?}, which only amount_in does"),
        Err(EntryError::Comma) => assert!(!long && parsed.is_err() && !thousands_grouped(text.trim())),
        Err(EntryError::Exponent) => assert!(!long && parsed.is_err() && text.contains(['e', 'E'])),
        Err(EntryError::OutOfRange { min: low, max: high }) => {
            assert_eq!((low, high), (min, max));
            // Out of range, or too large to hold at all (29 digits and more).
            assert!(parsed.as_ref().is_ok_and(|value| *value < min || *value > max) || (parsed.is_err() && plain_number(&text)));
        }
    }

    let (min, max) = bounds.decimal;
    match decimal_in(&text, min, max) {
        Ok(value) => {
            assert!(!long && min <= value && value <= max, "{value} accepted from {text:?} in {min}..={max}");
            assert_eq!(parsed.as_ref().map(|m| m.millions()), Ok(value));
            let shown = value.normalize().to_string();
            assert_eq!(decimal_in(&shown, min, max), Ok(value), "the field shows {shown:?} for {value}");
        }
        Err(EntryError::TooLong) => assert!(long, "{text:?} called too long"),
        Err(EntryError::TooManyDigits) => assert!(!long && beyond_a_decimal(&text), "{text:?} called too many digits"),
        Err(EntryError::NotANumber) => assert!(!long && parsed.is_err()),
        Err(EntryError::NotWhole) => panic!("a decimal field said {text:?} is not whole"),
        Err(EntryError::NotAFraction | EntryError::ZeroDenominator) => panic!("a decimal field read {text:?} as a fraction"),
        Err(EntryError::TooManyDecimals) => panic!("a decimal field counted the decimals of {text:?}, which only amount_in does"),
        Err(EntryError::Comma) => assert!(!long && parsed.is_err() && !thousands_grouped(text.trim())),
        Err(EntryError::Exponent) => assert!(!long && parsed.is_err() && text.contains(['e', 'E'])),
        Err(EntryError::OutOfRange { min: low, max: high }) => {
            assert_eq!((low, high), (min, max));
            assert!(
                parsed.as_ref().is_ok_and(|value| value.millions() < min || value.millions() > max)
                    || (parsed.is_err() && plain_number(&text))
            );
        }
    }

    let (min, max) = bounds.int;
    let trimmed = text.trim();
    let long = trimmed.chars().count() > MAX_ENTRY_CHARS;
    // A whole number's commas group its thousands, as an amount's do.
    let digits = if thousands_grouped(trimmed) { trimmed.replace(',', "") } else { trimmed.to_string() };
    let whole = digits.parse::<i64>();
    match int_in(&text, min, max) {
        Ok(value) => {
            assert!(!long && min <= value && value <= max, "{value} accepted from {text:?} in {min}..={max}");
            assert_eq!(whole, Ok(value));
            assert_eq!(int_in(&value.to_string(), min, max), Ok(value));
        }
        Err(EntryError::TooLong) => assert!(long),
        Err(EntryError::NotANumber | EntryError::NotWhole) => assert!(!long && whole.is_err()),
        Err(EntryError::NotAFraction | EntryError::ZeroDenominator) => panic!("a whole-number field read {text:?} as a fraction"),
        Err(EntryError::TooManyDecimals) => panic!("a whole-number field counted the decimals of {text:?}, which only amount_in does"),
        Err(EntryError::TooManyDigits) => panic!("a whole-number field kept the digits of {text:?} in a Decimal, which it never does"),
        Err(EntryError::Comma) => assert!(!long && whole.is_err() && !thousands_grouped(trimmed)),
        Err(EntryError::Exponent) => assert!(!long && whole.is_err() && trimmed.contains(['e', 'E'])),
        Err(EntryError::OutOfRange { min: low, max: high }) => {
            assert_eq!((low, high), (min, max));
            assert!(whole.as_ref().is_ok_and(|value| *value < min || *value > max) || (whole.is_err() && plain_number(trimmed)));
        }
    }
});
