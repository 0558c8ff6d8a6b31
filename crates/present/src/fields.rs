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
        EntryError::NotANumber | EntryError::NotWhole => {
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
        EntryError::NotANumber | EntryError::NotWhole => FieldError::new("請輸入數字", "Enter a number"),
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
}

/// Reads a whole number within `min..=max`.
pub fn int_in(text: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    entry::int_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole => FieldError::new("請輸入整數", "Enter a whole number"),
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
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
}
