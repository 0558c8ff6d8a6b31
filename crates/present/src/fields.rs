//! What a number field reads and how it says no: the model's readers
//! (`blockvote_model::entry`, which read a link's numbers too) after one first step
//! every field takes ([`typed`]: the model's `entry::typed`, which drops surrounding
//! whitespace, applies the length limit and reads full-width forms as ASCII, then a
//! `%` only where the unit is %), with their refusals worded in both languages, and
//! [`FieldSpec`], everything a field needs to know about its value (label, unit,
//! reader and writer) as plain data, so the shell's field component only draws.
//!
//! Lever fields take their spec from `levers.rs`, which derives bounds from the
//! model's `Lever`; no field restates a bound.

use crate::lang::{Bilingual, Label, Lang};
use crate::words::{UNIT_HKD_M, UNIT_PERCENT};
use blockvote_model::entry::{self, EntryError, AMOUNT_DECIMALS};
use blockvote_model::money::format_decimal;
use blockvote_model::Money;
use rust_decimal::Decimal;
use std::borrow::Cow;

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

/// The message for a number with more digits than blockvote keeps exactly: read, it
/// would be a number next to the one typed, so it is refused rather than rounded.
fn too_many_digits() -> FieldError {
    FieldError::new("位數太多，無法準確計算：請減少位數", "Too many digits to keep exactly: use fewer digits")
}

/// What a trailing `%` is in a field.
#[derive(Clone, Copy)]
enum Percent {
    /// The field's unit: one trailing `%` is dropped before the number is read.
    Unit,
    /// Part of what the field reads (a share: `33%`); kept.
    Read,
    /// Not this field's: refused, naming the field's unit if it has one.
    Refused(Option<Label>),
}

impl Percent {
    /// What a `%` is in a field whose value is typed in `unit`.
    fn of(unit: Option<Label>) -> Percent {
        if unit == Some(UNIT_PERCENT) {
            Percent::Unit
        } else {
            Percent::Refused(unit)
        }
    }
}

/// The first step of every number field's reader: the typed text as the model's
/// readers take it (`entry::typed`: surrounding whitespace dropped; text still longer
/// than [`entry::MAX_ENTRY_CHARS`] characters refused before anything is copied; full-width
/// forms as ASCII, as a link's numbers are read), and a trailing `%` as `percent`
/// says (the unit dropped by `entry::percent_typed`, as a link's cost change is read).
fn typed(text: &str, percent: Percent) -> Result<Cow<'_, str>, FieldError> {
    let first = match percent {
        Percent::Unit => entry::percent_typed::<()>(text),
        Percent::Read | Percent::Refused(_) => entry::typed::<()>(text),
    };
    let text = first.map_err(|_| too_long())?;
    match percent {
        Percent::Read | Percent::Unit => Ok(text),
        Percent::Refused(_) if !text.ends_with('%') => Ok(text),
        Percent::Refused(Some(unit)) => Err(FieldError::new(
            format!("此欄不用 %：單位為{}", unit.zh),
            format!("No % here: this field is in {}", unit.en),
        )),
        Percent::Refused(None) => Err(FieldError::new("此欄不用 %：請只輸入數字", "No % here: enter the number alone")),
    }
}

/// A comma that does not separate thousands (`12,5`), refused rather than dropped.
/// Said in the same words by every number field.
fn comma() -> FieldError {
    FieldError::new(
        "逗號只用於分隔千位（例如 1,060）；小數請用小數點（例如 12.5）",
        "A comma only separates thousands (as in 1,060); write decimals with a point (as in 12.5)",
    )
}

/// A number in scientific notation (`1e3`), refused: said in the same words by every
/// number field.
fn exponent() -> FieldError {
    FieldError::new(
        "請寫出完整數字，不用科學記數法（例如 1000，而非 1e3）",
        "Write the number out in full, not in scientific notation (1000, not 1e3)",
    )
}

/// Reads an amount in HK$M within `min..=max`, in whole dollars (at most six
/// decimals): the model's `entry::amount_in`, which reads a link's amounts too.
pub fn money_in(text: &str, min: Money, max: Money) -> Result<Money, FieldError> {
    let text = typed(text, Percent::of(Some(UNIT_HKD_M)))?;
    entry::amount_in(&text, min, max).map_err(money_error)
}

/// Why an amount was refused, in words: [`money_in`]'s.
fn money_error(error: EntryError<Money>) -> FieldError {
    match error {
        EntryError::TooLong => too_long(),
        EntryError::TooManyDigits => too_many_digits(),
        EntryError::NotANumber | EntryError::NotWhole | EntryError::NotAFraction | EntryError::ZeroDenominator => {
            FieldError::new("請輸入數字，例如 12.5", "Enter a number, e.g. 12.5")
        }
        EntryError::OutOfRange { min, max } => FieldError::new(
            format!("須介乎 {} 至 {} 百萬元", min.format(1), max.format(1)),
            format!("Must be between {} and {} (HK$M)", min.format(1), max.format(1)),
        ),
        EntryError::TooManyDecimals => FieldError::new(
            format!("最多 {AMOUNT_DECIMALS} 位小數：金額以元為單位"),
            format!("At most {AMOUNT_DECIMALS} decimals: amounts are in whole dollars"),
        ),
        EntryError::Comma => comma(),
        EntryError::Exponent => exponent(),
    }
}

/// A bound of a range as a refusal writes it: its own decimals, thousands separated
/// (`100,000`, `-0.5`).
fn bound(value: Decimal) -> String {
    let value = value.normalize();
    format_decimal(value, value.scale())
}

/// The refusal of "between `min` and `max`", in both languages.
fn out_of_range(min: Decimal, max: Decimal) -> FieldError {
    let (min, max) = (bound(min), bound(max));
    FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
}

/// Reads a decimal (a percentage, a share) typed in `unit` within `min..=max`.
pub fn decimal_in(text: &str, min: Decimal, max: Decimal, unit: Option<Label>) -> Result<Decimal, FieldError> {
    let text = typed(text, Percent::of(unit))?;
    entry::decimal_in(&text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::TooManyDigits => too_many_digits(),
        EntryError::NotANumber
        | EntryError::NotWhole
        | EntryError::NotAFraction
        | EntryError::ZeroDenominator
        | EntryError::TooManyDecimals => FieldError::new("請輸入數字", "Enter a number"),
        EntryError::Comma => comma(),
        EntryError::Exponent => exponent(),
        EntryError::OutOfRange { min, max } => out_of_range(min, max),
    })
}

/// Reads any decimal typed in `unit`, for a reader that words its own bounds (the data
/// table's step): a plain number too large to hold reads as the nearest end of a
/// `Decimal` (`Decimal::MAX`, or `Decimal::MIN` with a `-`), so that reader says which
/// bound it passes.
pub fn any_decimal(text: &str, unit: Option<Label>) -> Result<Decimal, FieldError> {
    let value = decimal_in(text, Decimal::MIN, Decimal::MAX, unit);
    if value.is_ok() {
        return value;
    }
    // Only a number too large to hold is out of the range of every `Decimal`.
    match typed(text, Percent::of(unit)) {
        Ok(number) => match entry::decimal_in(&number, Decimal::MIN, Decimal::MAX) {
            Err(EntryError::OutOfRange { .. }) if number.starts_with('-') => Ok(Decimal::MIN),
            Err(EntryError::OutOfRange { .. }) => Ok(Decimal::MAX),
            _ => value,
        },
        Err(_) => value,
    }
}

/// Reads a whole number typed in `unit` within `min..=max`.
pub fn int_in(text: &str, min: i64, max: i64, unit: Option<Label>) -> Result<i64, FieldError> {
    let text = typed(text, Percent::of(unit))?;
    entry::int_in(&text, min, max).map_err(whole_number_error)
}

/// What a whole-number field says of what it could not read.
fn whole_number_error(error: EntryError<i64>) -> FieldError {
    match error {
        EntryError::TooLong => too_long(),
        EntryError::TooManyDigits => too_many_digits(),
        EntryError::NotANumber
        | EntryError::NotWhole
        | EntryError::NotAFraction
        | EntryError::ZeroDenominator
        | EntryError::TooManyDecimals => FieldError::new("請輸入整數", "Enter a whole number"),
        EntryError::Comma => comma(),
        EntryError::Exponent => exponent(),
        EntryError::OutOfRange { min, max } => out_of_range(Decimal::from(min), Decimal::from(max)),
    }
}

/// Reads a share from 0 to 1, typed as a decimal (`0.33`), a percentage (`33%`) or a
/// fraction (`69/210`).
pub fn share_in(text: &str) -> Result<Decimal, FieldError> {
    let text = typed(text, Percent::Read)?;
    entry::share_in(&text).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::TooManyDigits => too_many_digits(),
        EntryError::OutOfRange { .. } => {
            FieldError::new("須介乎 0 至 1（或 0% 至 100%）", "Must be between 0 and 1 (or 0% and 100%)")
        }
        EntryError::NotAFraction => {
            let max = crate::format::count(entry::MAX_FRACTION_PART);
            FieldError::new(
                format!("分數須為兩個 0 至 {max} 的整數，例如 69/210"),
                format!("A fraction needs two whole numbers from 0 to {max}, e.g. 69/210"),
            )
        }
        EntryError::ZeroDenominator => FieldError::new("分母不可為 0", "The denominator cannot be 0"),
        EntryError::Comma => comma(),
        EntryError::Exponent => exponent(),
        EntryError::NotANumber | EntryError::NotWhole | EntryError::TooManyDecimals => FieldError::new(
            "請輸入 0 至 1 之間的數字、百分比或分數，例如 0.33、33%、69/210",
            "Enter a number from 0 to 1, a percentage or a fraction, e.g. 0.33, 33%, 69/210",
        ),
    })
}

/// How a share is written into a field: para 5's exact 69/210 late (and so 141/210 on
/// time) as those fractions, any other as the shortest text that reads back to it
/// (`0.25`, `1/3`).
pub fn write_share(value: &Decimal) -> String {
    let late = blockvote_model::engine::para5_late_share();
    if *value == late {
        "69/210".to_string()
    } else if *value == Decimal::ONE - late {
        "141/210".to_string()
    } else {
        entry::share_text(*value)
    }
}

/// Reads a Monte Carlo seed: any whole number from 0 to 18,446,744,073,709,551,615
/// (`,` and `_` between digits allowed).
pub fn seed_in(text: &str) -> Result<u64, FieldError> {
    let text = typed(text, Percent::of(None))?;
    let max = format_decimal(Decimal::from(u64::MAX), 0);
    entry::seed(&text).map_err(|error| match error {
        EntryError::OutOfRange { .. } if !text.starts_with('-') => {
            FieldError::new(format!("種子不可大於 {max}"), format!("The seed cannot be larger than {max}"))
        }
        EntryError::Comma => comma(),
        EntryError::Exponent => exponent(),
        _ => FieldError::new(
            format!("種子須為 0 至 {max} 的整數"),
            format!("The seed must be a whole number from 0 to {max}"),
        ),
    })
}

/// Reads a number of simulation runs, 1 to the engine's maximum (`,` allowed).
pub fn runs_in(text: &str) -> Result<u32, FieldError> {
    let text = typed(text, Percent::of(None))?;
    // `12,5` is refused, not read as 125 runs.
    entry::runs(&text).map_err(whole_number_error)
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
    /// Whether `read` takes a character a phone's decimal keypad (iOS) lacks, so the
    /// field must offer the full keyboard: a minus sign (a value below zero), or a per
    /// cent sign and a fraction's slash (a share, `33%`, `69/210`; audit 21 found the
    /// share fields' own hint asking for them on a keypad without them).
    pub full_keyboard: bool,
}

impl<T> FieldSpec<T> {
    pub fn new(
        label: Label,
        read: impl Fn(&str) -> Result<T, FieldError> + Send + Sync + 'static,
        write: fn(&T) -> String,
    ) -> FieldSpec<T> {
        FieldSpec { label, unit: None, help: None, read: Box::new(read), write, full_keyboard: false }
    }

    pub fn unit(mut self, unit: Label) -> FieldSpec<T> {
        self.unit = Some(unit);
        self
    }

    pub fn help(mut self, help: Label) -> FieldSpec<T> {
        self.help = Some(help);
        self
    }

    /// The same field, also refusing a value its reader takes but that `refuse` rules out
    /// given what `against` reads (the rest of the scenario: a floor, a locked total),
    /// with `refuse`'s message. `against` is read first at every reading, whatever the
    /// text, so that a field reading its entry again when what it reads moves (the
    /// shell's does, in a reactive effect, which tracks what a run reads) follows it
    /// also from an entry that did not read as a number at its last run.
    pub fn refusing<D>(
        mut self,
        against: impl Fn() -> D + Send + Sync + 'static,
        refuse: impl Fn(&T, D) -> Option<FieldError> + Send + Sync + 'static,
    ) -> FieldSpec<T>
    where
        T: 'static,
    {
        let read = self.read;
        self.read = Box::new(move |text| {
            let other = against();
            let value = read(text)?;
            refuse(&value, other).map_or(Ok(value), Err)
        });
        self
    }

    /// Says whether `read` takes a character a decimal keypad lacks
    /// ([`FieldSpec::full_keyboard`]).
    pub fn full_keyboard(mut self, full_keyboard: bool) -> FieldSpec<T> {
        self.full_keyboard = full_keyboard;
        self
    }
}

/// An amount field in HK$M within `min..=max`.
pub fn money_field(label: Label, min: Money, max: Money) -> FieldSpec<Money> {
    FieldSpec::new(label, move |text| money_in(text, min, max), write_money)
        .unit(UNIT_HKD_M)
        .full_keyboard(min < Money::ZERO)
}

/// A whole-number field typed in `unit` within `min..=max`.
pub fn int_field(label: Label, min: i64, max: i64, unit: Label) -> FieldSpec<i64> {
    FieldSpec::new(label, move |text| int_in(text, min, max, Some(unit)), write_int).unit(unit).full_keyboard(min < 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::l;

    #[test]
    fn fields_read_and_write_back() {
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        check(&money, "1,000", "1000.0");
        check(&money, "12.34", "12.34");
        check(&money, "12", "12.0");
        check(&money, "1000.1", "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元");
        check(&money, "abc", "error: Enter a number, e.g. 12.5 / 請輸入數字，例如 12.5");
        check(&money, &"1".repeat(41), "error: That is too long for a number / 輸入太長");
        let quarters = int_field(l("季", "Quarters"), 0, 40, crate::words::UNIT_QUARTERS);
        check(&quarters, "4", "4");
        check(&quarters, "4.5", "error: Enter a whole number / 請輸入整數");
        check(&quarters, "41", "error: Must be between 0 and 40 / 須介乎 0 至 40");
    }

    #[test]
    fn shares_seeds_and_runs() {
        let share = FieldSpec::new(l("比例", "Share"), share_in, write_share);
        check(&share, "69/210", "69/210");
        check(&share, "25%", "0.25");
        check(&share, " 0.5 ", "0.5");
        check(&share, "1/3", "1/3");
        check(&share, "1.5", "error: Must be between 0 and 1 (or 0% and 100%) / 須介乎 0 至 1（或 0% 至 100%）");
        check(&share, "3/2", "error: Must be between 0 and 1 (or 0% and 100%) / 須介乎 0 至 1（或 0% 至 100%）");
        check(&share, "1/0", "error: The denominator cannot be 0 / 分母不可為 0");
        check(&share, "a/b", "error: A fraction needs two whole numbers from 0 to 1,000,000, e.g. 69/210 / 分數須為兩個 0 至 1,000,000 的整數，例如 69/210");
        check(&share, "1/2000000", "error: A fraction needs two whole numbers from 0 to 1,000,000, e.g. 69/210 / 分數須為兩個 0 至 1,000,000 的整數，例如 69/210");
        check(&share, "-1/3", "error: Must be between 0 and 1 (or 0% and 100%) / 須介乎 0 至 1（或 0% 至 100%）");
        check(
            &share,
            "1/\u{2212}3",
            "error: Must be between 0 and 1 (or 0% and 100%) / 須介乎 0 至 1（或 0% 至 100%）",
        );
        check(&share, "abc", "error: Enter a number from 0 to 1, a percentage or a fraction, e.g. 0.33, 33%, 69/210 / 請輸入 0 至 1 之間的數字、百分比或分數，例如 0.33、33%、69/210");
        check(&share, &"9".repeat(1_000_000), "error: That is too long for a number / 輸入太長");
        // Short enough, but with more digits than a Decimal keeps: said so, not "too long".
        check(
            &share,
            "0.0000000000000000000000000033%",
            "error: Too many digits to keep exactly: use fewer digits / 位數太多，無法準確計算：請減少位數",
        );
        let seed = FieldSpec::new(l("種子", "Seed"), seed_in, |v: &u64| v.to_string());
        check(&seed, "18,446,744,073,709,551,615", "18446744073709551615");
        check(&seed, "18446744073709551616", "error: The seed cannot be larger than 18,446,744,073,709,551,615 / 種子不可大於 18,446,744,073,709,551,615");
        check(&seed, "-1", "error: The seed must be a whole number from 0 to 18,446,744,073,709,551,615 / 種子須為 0 至 18,446,744,073,709,551,615 的整數");
        check(&seed, "\u{2212}1", "error: The seed must be a whole number from 0 to 18,446,744,073,709,551,615 / 種子須為 0 至 18,446,744,073,709,551,615 的整數");
        check(&seed, "1e3", "error: Write the number out in full, not in scientific notation (1000, not 1e3) / 請寫出完整數字，不用科學記數法（例如 1000，而非 1e3）");
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        check(&runs, "10,000", "10000");
        check(&runs, "0", "error: Must be between 1 and 100,000 / 須介乎 1 至 100,000");
    }

    /// A field refusing over another value reads that value at every reading, also of
    /// an entry that is not a number: the shell reads a refused entry again when what
    /// its last reading read moves, so a value read only after the number would be
    /// missed from then on.
    #[test]
    fn refusing_reads_what_it_refuses_against_whatever_the_text() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let reads = Arc::new(AtomicUsize::new(0));
        let counted = reads.clone();
        let floor = move || {
            counted.fetch_add(1, Ordering::Relaxed);
            Money::from_whole_millions(5)
        };
        let ceiling = crate::screens::thresholds::ceiling_field(floor);
        check(&ceiling, "4", "error: Must not be below the floor (HK$5.0M) / 不可低於下限（5.0 百萬元）");
        check(&ceiling, "abc", "error: Enter a number, e.g. 12.5 / 請輸入數字，例如 12.5");
        check(&ceiling, "6", "6.0");
        assert_eq!(reads.load(Ordering::Relaxed), 3, "the floor was read at each of the three readings");
    }

    /// A comma that does not separate thousands is refused by every number field, in
    /// the same words: `12,5` (a decimal comma) was read as 125 by amounts, decimals,
    /// runs and seeds, without a word.
    #[test]
    fn a_comma_between_anything_but_thousands_is_refused() {
        use blockvote_model::engine::Lever;
        const COMMA: &str = "error: A comma only separates thousands (as in 1,060); write decimals with a point (as in 12.5) / 逗號只用於分隔千位（例如 1,060）；小數請用小數點（例如 12.5）";
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(2_000));
        let cost = crate::levers::lever_field(Lever::CostChangePct);
        let quarters = int_field(l("季", "Quarters"), 0, 40, crate::words::UNIT_QUARTERS);
        let share = FieldSpec::new(l("比例", "Share"), share_in, write_share);
        let seed = FieldSpec::new(l("種子", "Seed"), seed_in, |v: &u64| v.to_string());
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        for text in ["12,5", "1,5", "1,0600", "１２，５", ",5"] {
            check(&money, text, COMMA);
            check(&cost, text, COMMA);
            check(&quarters, text, COMMA);
            check(&share, text, COMMA);
            check(&seed, text, COMMA);
            check(&runs, text, COMMA);
        }
        check(&cost, "12,5%", COMMA);
        // Thousands are still grouped by commas where a field takes them.
        check(&money, "1,060.5", "1060.5");
        check(&money, "１，０６０", "1060.0");
        check(&runs, "10_000", "10000");
        check(&seed, "1,000_000", "1000000");
    }

    /// Reads `input` with `spec` and shows the value written back, or the refusal in
    /// both languages (`English / 中文`).
    #[track_caller]
    fn check<T>(spec: &FieldSpec<T>, input: &str, expected: &str) {
        let shown = match (spec.read)(input) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {} / {}", error.get(Lang::En), error.get(Lang::Zh)),
        };
        assert_eq!(shown, expected, "{input:?}");
    }

    #[test]
    fn full_width_forms_read_as_ascii_and_are_written_back_half_width() {
        use blockvote_model::engine::Lever;
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        check(&money, "０５", "5.0");
        check(&money, "１，０００", "1000.0");
        check(&money, "１２．３４", "12.34");
        check(&money, "＋５", "5.0");
        check(&money, "\u{3000}１２\u{3000}", "12.0");
        check(&money, "－１", "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元");
        // The ideographic full stop is not a decimal point.
        check(&money, "1。5", "error: Enter a number, e.g. 12.5 / 請輸入數字，例如 12.5");
        let cost = crate::levers::lever_field(Lever::CostChangePct);
        check(&cost, "－５", "-5");
        check(&cost, "１２．５％", "12.5");
        let quarters = crate::levers::lever_field(Lever::SlipQuarters);
        check(&quarters, "０５", "5");
        let share = FieldSpec::new(l("比例", "Share"), share_in, write_share);
        check(&share, "６９／２１０", "69/210");
        check(&share, "２５％", "0.25");
        let seed = FieldSpec::new(l("種子", "Seed"), seed_in, |v: &u64| v.to_string());
        check(&seed, "７１０", "710");
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        check(&runs, "１０，０００", "10000");
        // Forty full-width digits are read; one more character is too long.
        check(&money, &"０".repeat(40), "0.0");
        check(&money, &"０".repeat(41), "error: That is too long for a number / 輸入太長");
        check(&money, &"０".repeat(1_000_000), "error: That is too long for a number / 輸入太長");
    }

    #[test]
    fn a_percent_sign_is_the_unit_of_a_percent_field_only() {
        use blockvote_model::engine::Lever;
        let cost = crate::levers::lever_field(Lever::CostChangePct);
        check(&cost, "5%", "5");
        check(&cost, " -12.5 % ", "-12.5");
        check(&cost, "5％", "5");
        check(&cost, "5%%", "error: Enter a number / 請輸入數字");
        check(&cost, "%", "error: Enter a number / 請輸入數字");
        check(&cost, "1001%", "error: Must be between -100 and 1,000 / 須介乎 -100 至 1,000");
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        check(&money, "5%", "error: No % here: this field is in HK$M / 此欄不用 %：單位為百萬元");
        let quarters = crate::levers::lever_field(Lever::SlipQuarters);
        check(&quarters, "2%", "error: No % here: this field is in quarters / 此欄不用 %：單位為季");
        let retention = crate::levers::lever_field(Lever::Retention);
        check(&retention, "50%", "error: No % here: enter the number alone / 此欄不用 %：請只輸入數字");
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        check(&runs, "５％", "error: No % here: enter the number alone / 此欄不用 %：請只輸入數字");
        let seed = FieldSpec::new(l("種子", "Seed"), seed_in, |v: &u64| v.to_string());
        check(&seed, "5%", "error: No % here: enter the number alone / 此欄不用 %：請只輸入數字");
        // A share reads a percentage itself.
        let share = FieldSpec::new(l("比例", "Share"), share_in, write_share);
        check(&share, "33%", "0.33");
    }

    #[test]
    fn a_number_too_large_to_read_is_out_of_range() {
        use blockvote_model::engine::Lever;
        let runs = FieldSpec::new(l("次數", "Runs"), runs_in, |v: &u32| v.to_string());
        check(&runs, "99999999999999999999", "error: Must be between 1 and 100,000 / 須介乎 1 至 100,000");
        check(&runs, "-99999999999999999999", "error: Must be between 1 and 100,000 / 須介乎 1 至 100,000");
        check(&runs, &"9".repeat(40), "error: Must be between 1 and 100,000 / 須介乎 1 至 100,000");
        check(&runs, "4294967296", "error: Must be between 1 and 100,000 / 須介乎 1 至 100,000");
        check(&runs, "1.5", "error: Enter a whole number / 請輸入整數");
        check(&runs, "12x", "error: Enter a whole number / 請輸入整數");
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        check(
            &money,
            "79228162514264337593543950336",
            "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元",
        );
        check(
            &money,
            "-79,228,162,514,264,337,593,543,950,336",
            "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元",
        );
        check(&money, "1e30", "error: Write the number out in full, not in scientific notation (1000, not 1e3) / 請寫出完整數字，不用科學記數法（例如 1000，而非 1e3）");
        // The minus sign of a document or a spreadsheet is a minus.
        check(&money, "\u{2212}5", "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元");
        let cost = crate::levers::lever_field(Lever::CostChangePct);
        check(&cost, &"9".repeat(39), "error: Must be between -100 and 1,000 / 須介乎 -100 至 1,000");
        check(&cost, "1.2.3", "error: Enter a number / 請輸入數字");
        let quarters = crate::levers::lever_field(Lever::SlipQuarters);
        check(&quarters, "9223372036854775808", "error: Must be between 0 and 40 / 須介乎 0 至 40");
        // A whole number with its thousands grouped is whole, and out of range here.
        check(&quarters, "1,000", "error: Must be between 0 and 40 / 須介乎 0 至 40");
        check(&quarters, "1,000.5", "error: Enter a whole number / 請輸入整數");
    }

    #[test]
    fn amounts_take_at_most_six_decimals() {
        use blockvote_model::engine::Lever;
        let money = money_field(l("上限", "Cap"), Money::ZERO, Money::from_whole_millions(1_000));
        let six = "error: At most 6 decimals: amounts are in whole dollars / 最多 6 位小數：金額以元為單位";
        check(&money, "12.345678", "12.345678");
        check(&money, "0.000001", "0.000001");
        check(&money, "12.3456780000", "12.345678");
        check(&money, "12.3456789", six);
        check(&money, "0.0000000000000000000000000001", six);
        // Beyond a Decimal's 28 places the value would round to 0: still refused.
        check(&money, "0.00000000000000000000000000001", six);
        check(&money, "1000.0000001", "error: Must be between 0.0 and 1,000.0 (HK$M) / 須介乎 0.0 至 1,000.0 百萬元");
        let ongoing = crate::levers::lever_field(Lever::OngoingAmount);
        check(&ongoing, "817.0000001", six);
        check(&ongoing, "817.000001", "817.000001");
        // A percentage is not an amount.
        let cost = crate::levers::lever_field(Lever::CostChangePct);
        check(&cost, "0.0000001", "0.0000001");
    }
}
