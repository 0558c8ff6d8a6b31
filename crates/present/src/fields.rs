//! What a number field reads and how it says no: the model's readers
//! (`blockvote_model::entry`) with their refusals worded in both languages, and
//! [`FieldSpec`], everything a field needs to know about its value (label, unit,
//! reader and writer) as plain data, so the shell's field component only draws.
//!
//! Lever fields take their spec from `levers.rs`, which derives bounds from the
//! model's `Lever`; no field restates a bound.

use crate::lang::{Bilingual, Label, Lang};
use blockvote_model::entry::{self, EntryError};
use blockvote_model::Money;
use rust_decimal::Decimal;

/// Why typed text was refused, in both languages; shown at the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError(pub Bilingual);

impl FieldError {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> FieldError {
        FieldError(Bilingual::new(zh, en))
    }

    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang)
    }
}

/// The message for text longer than a number field reads.
fn too_long() -> FieldError {
    FieldError::new("輸入太長", "That is too long for a number")
}

/// Reads an amount in HK$M within `min..=max`.
pub fn money_in(text: &str, min: Money, max: Money) -> Result<Money, FieldError> {
    entry::money_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole | EntryError::NotAFraction | EntryError::ZeroDenominator => {
            FieldError::new("請輸入數字，例如 12.5", "Enter a number, e.g. 12.5")
        }
        EntryError::OutOfRange { min, max } => FieldError::new(
            format!("須介乎 {} 至 {} 百萬元", min.format(1), max.format(1)),
            format!("Must be between {} and {} (HK$M)", min.format(1), max.format(1)),
        ),
    })
}

/// Reads a decimal (a percentage, a share) within `min..=max`.
pub fn decimal_in(text: &str, min: Decimal, max: Decimal) -> Result<Decimal, FieldError> {
    entry::decimal_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole | EntryError::NotAFraction | EntryError::ZeroDenominator => {
            FieldError::new("請輸入數字", "Enter a number")
        }
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
}

/// Reads a whole number within `min..=max`.
pub fn int_in(text: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    entry::int_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole | EntryError::NotAFraction | EntryError::ZeroDenominator => {
            FieldError::new("請輸入整數", "Enter a whole number")
        }
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
}

/// Reads a share from 0 to 1, typed as a decimal (`0.33`), a percentage (`33%`) or a
/// fraction (`69/210`).
pub fn share_in(text: &str) -> Result<Decimal, FieldError> {
    entry::share_in(text).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::OutOfRange { .. } => {
            FieldError::new("須介乎 0 至 1（或 0% 至 100%）", "Must be between 0 and 1 (or 0% and 100%)")
        }
        EntryError::NotAFraction => {
            FieldError::new("分數須為兩個整數，例如 69/210", "A fraction needs two whole numbers, e.g. 69/210")
        }
        EntryError::ZeroDenominator => FieldError::new("分母不可為 0", "The denominator cannot be 0"),
        EntryError::NotANumber | EntryError::NotWhole => FieldError::new(
            "請輸入 0 至 1 之間的數字、百分比或分數，例如 0.33、33%、69/210",
            "Enter a number from 0 to 1, a percentage or a fraction, e.g. 0.33, 33%, 69/210",
        ),
    })
}

/// How a share is written into a field: para 5's exact 69/210 as that fraction, any
/// other as the shortest text that reads back to it (`0.25`, `1/3`).
pub fn write_share(value: &Decimal) -> String {
    if *value == blockvote_model::engine::para5_late_share() {
        "69/210".to_string()
    } else {
        entry::share_text(*value)
    }
}

/// Reads a Monte Carlo seed: any whole number from 0 to 18,446,744,073,709,551,615
/// (`,` and `_` between digits allowed).
pub fn seed_in(text: &str) -> Result<u64, FieldError> {
    let max = blockvote_model::money::format_decimal(Decimal::from(u64::MAX), 0);
    entry::seed(text).map_err(|error| match error {
        EntryError::TooLong => FieldError::new("輸入太長", "That is too long for a seed"),
        EntryError::OutOfRange { .. } => {
            FieldError::new(format!("種子不可大於 {max}"), format!("The seed cannot be larger than {max}"))
        }
        _ => FieldError::new(
            format!("種子須為 0 至 {max} 的整數"),
            format!("The seed must be a whole number from 0 to {max}"),
        ),
    })
}

/// Reads a number of simulation runs, 1 to the engine's maximum (`,` allowed).
pub fn runs_in(text: &str) -> Result<u32, FieldError> {
    let digits: String = text.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
    let max = i64::from(blockvote_model::engine::monte_carlo::MAX_RUNS);
    int_in(&digits, 1, max)
        .and_then(|runs| u32::try_from(runs).map_err(|_| FieldError::new("數字太大", "That number is too large")))
}

/// How an amount is written into a field: HK$M without separators, with one decimal
/// (`817.0`) or, when the amount has more, all of them (`12.345678`), so the field
/// always reads it back as the same amount.
pub fn write_money(value: &Money) -> String {
    let exact = value.millions().normalize();
    if exact.scale() <= 1 {
        value.format(1).replace(',', "")
    } else {
        exact.to_string()
    }
}

/// How a decimal (a percentage, a share) is written into a field.
pub fn write_decimal(value: &Decimal) -> String {
    value.normalize().to_string()
}

/// How a whole number is written into a field.
pub fn write_int(value: &i64) -> String {
    value.to_string()
}

/// Reads typed text into a value, or says why not.
pub type Reader<T> = Box<dyn Fn(&str) -> Result<T, FieldError> + Send + Sync>;

/// Everything a number field knows about its value, as plain data: the shell's field
/// component draws it and hands each value `read` accepts to the screen.
pub struct FieldSpec<T> {
    pub label: Label,
    pub unit: Option<Label>,
    pub help: Option<Label>,
    /// Text → value, or why not (in both languages).
    pub read: Reader<T>,
    /// Value → the text the field shows for it; `read` takes it back to the same value.
    pub write: fn(&T) -> String,
}

impl<T> FieldSpec<T> {
    pub fn new(
        label: Label,
        read: impl Fn(&str) -> Result<T, FieldError> + Send + Sync + 'static,
        write: fn(&T) -> String,
    ) -> FieldSpec<T> {
        FieldSpec { label, unit: None, help: None, read: Box::new(read), write }
    }

    pub fn unit(mut self, unit: Label) -> FieldSpec<T> {
        self.unit = Some(unit);
        self
    }

    pub fn help(mut self, help: Label) -> FieldSpec<T> {
        self.help = Some(help);
        self
    }
}

/// An amount field in HK$M within `min..=max`.
pub fn money_field(label: Label, min: Money, max: Money) -> FieldSpec<Money> {
    FieldSpec::new(label, move |text| money_in(text, min, max), write_money).unit(crate::words::UNIT_HKD_M)
}

/// A whole-number field within `min..=max`.
pub fn int_field(label: Label, min: i64, max: i64) -> FieldSpec<i64> {
    FieldSpec::new(label, move |text| int_in(text, min, max), write_int)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::l;

    /// Reads `input` with `spec` and shows the value written back, or the English
    /// refusal.
    #[track_caller]
    fn check<T>(spec: &FieldSpec<T>, input: &str, expected: &str) {
        let shown = match (spec.read)(input) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {}", error.get(Lang::En)),
        };
        assert_eq!(shown, expected, "{input:?}");
    }

    #[test]
    fn fields_read_and_write_back() {
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        check(&money, "1,000", "1000.0");
        check(&money, "12.34", "12.34");
        check(&money, "12", "12.0");
        check(&money, "1000.1", "error: Must be between 0.0 and 1,000.0 (HK$M)");
        check(&money, "abc", "error: Enter a number, e.g. 12.5");
        check(&money, &"1".repeat(41), "error: That is too long for a number");
        let quarters = int_field(l("季", "Quarters"), 0, 40);
        check(&quarters, "4", "4");
        check(&quarters, "4.5", "error: Enter a whole number");
        check(&quarters, "41", "error: Must be between 0 and 40");
    }

    #[test]
    fn shares_seeds_and_runs() {
        let share = FieldSpec::new(l("比例", "Share"), share_in, write_share);
        check(&share, "69/210", "69/210");
        check(&share, "25%", "0.25");
        check(&share, " 0.5 ", "0.5");
        check(&share, "1/3", "1/3");
        check(&share, "1.5", "error: Must be between 0 and 1 (or 0% and 100%)");
        check(&share, "3/2", "error: Must be between 0 and 1 (or 0% and 100%)");
        check(&share, "1/0", "error: The denominator cannot be 0");
        check(&share, "a/b", "error: A fraction needs two whole numbers, e.g. 69/210");
        check(&share, "abc", "error: Enter a number from 0 to 1, a percentage or a fraction, e.g. 0.33, 33%, 69/210");
        check(&share, &"9".repeat(1_000_000), "error: That is too long for a number");
        let seed = FieldSpec::new(l("種子", "Seed"), seed_in, |v: &u64| v.to_string());
        check(&seed, "18,446,744,073,709,551,615", "18446744073709551615");
        check(&seed, "18446744073709551616", "error: The seed cannot be larger than 18,446,744,073,709,551,615");
        check(&seed, "-1", "error: The seed must be a whole number from 0 to 18,446,744,073,709,551,615");
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        check(&runs, "10,000", "10000");
        check(&runs, "0", "error: Must be between 1 and 100000");
    }
}
