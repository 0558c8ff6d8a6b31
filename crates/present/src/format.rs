//! How numbers, quarters and years are written, in both languages. Money always goes
//! through `Money::format` (the model's one formatting function); this module adds
//! units, signs, percentages and the calendar words. It is the only place a screen's
//! number becomes text, so one figure is written the same way everywhere.

use crate::lang::Lang;
use blockvote_model::money::format_decimal;
use blockvote_model::{FiscalQuarter, FiscalYear, Money};
use rust_decimal::Decimal;

/// `1,060.0` — HK$ millions with one decimal, the paper's own precision for budgets.
pub fn millions(amount: Money) -> String {
    amount.format(1)
}

/// `+70.0` / `-3.2` / `0.0` — a change in HK$ millions with one decimal.
pub fn millions_signed(amount: Money) -> String {
    amount.format_signed(1)
}

/// `HK$1,060.0M` / `1,060.0 百萬元`; a negative amount with its sign before the unit,
/// `-HK$5.0M` / `-5.0 百萬元`.
pub fn money_with_unit(amount: Money, lang: Lang) -> String {
    with_money_unit(&amount.format(1), lang)
}

/// [`money_with_unit`] with every decimal the amount has, one at least
/// (`HK$1,000.3333M`): for an amount the member typed that a sentence says is met
/// exactly, which one decimal would round.
pub fn exact_money_with_unit(amount: Money, lang: Lang) -> String {
    with_money_unit(&exact_millions(amount), lang)
}

/// [`money_with_unit`] to as many decimals as `like` has, one at least: a figure
/// said to be within a cap the member typed, to the cap's own precision, so that the
/// sentence reads true (an exact HK$1,060.055M within a cap of HK$1,060.06M read
/// "needs HK$1,060.1M, already within the cap of HK$1,060.06M"). A figure at or below
/// the cap stays at or below it, rounded to the cap's decimals.
pub fn money_with_unit_as_precise_as(amount: Money, like: Money, lang: Lang) -> String {
    with_money_unit(&amount.format(like.millions().normalize().scale().max(1)), lang)
}

/// `7.26` — HK$ millions with every decimal the amount has, one at least (`6.6`,
/// `1,060.0`): for a column whose parts must add up to its total as written, where a
/// budget a lever changed has more decimals than Annex C prints.
pub fn exact_millions(amount: Money) -> String {
    amount.format(amount.millions().normalize().scale().max(1))
}

/// An amount in HK$ millions already written (`1,060.0`, `-12.1`, `+3.0`, `1,060`)
/// with its unit: `HK$1,060.0M` / `1,060.0 百萬元`, a sign before the unit as it is
/// read, `-HK$12.1M` / `-12.1 百萬元` (never `HK$-12.1M`). The one place money gets
/// its unit, so every amount reads the same on every screen and in every message.
pub fn with_money_unit(text: &str, lang: Lang) -> String {
    let (sign, digits) = match text.strip_prefix(['+', '-']) {
        Some(digits) => (text.get(..1).unwrap_or_default(), digits),
        None => ("", text),
    };
    match lang {
        Lang::Zh => format!("{sign}{digits} 百萬元"),
        Lang::En => format!("{sign}HK${digits}M"),
    }
}

/// `+7.1%` with one decimal, half away from zero.
pub fn percent_signed(value: Decimal) -> String {
    percent_signed_to(value, 1)
}

/// A percentage the member set (a cost change), with the decimals it was given, at least
/// one and at most four: `+5.0%`, `-99.95%`. One decimal wrote -99.95 as -100.0%, while
/// the new projects still needed HK$0.1M (audit 20).
pub fn percent_setting(value: Decimal) -> String {
    percent_signed_to(value, value.normalize().scale().clamp(1, 4))
}

/// A signed percentage with `places` decimals, half away from zero: `+7.1%`, `0.0%`.
/// A paper figure is written with the paper's own number of decimals.
pub fn percent_signed_to(value: Decimal, places: u32) -> String {
    let text = format_decimal(value, places);
    if value.round_dp(places) > Decimal::ZERO {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// `67.1%`.
pub fn percent(value: Decimal) -> String {
    percent_to(value, 1)
}

/// A percentage with `places` decimals, half away from zero: `67.1%`.
pub fn percent_to(value: Decimal, places: u32) -> String {
    format!("{}%", format_decimal(value, places))
}

/// `32.9%` for a share of 0.3286 (a share is a number from 0 to 1).
pub fn share_percent(share: Decimal) -> String {
    percent(share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default())
}

/// A count's type: an unsigned whole number, either a length (`usize`) or a count
/// kept as `u64` (`u32`, `u16` and `u8` too). It lets every count go through
/// [`count`] as it is, so no caller converts it in a way of its own.
pub trait Whole: Copy {
    /// The count as a `u64`; a `usize` too large for one (on no target blockvote
    /// runs on) is written as the largest `u64` rather than wrapped.
    fn as_u64(self) -> u64;
}

impl Whole for u64 {
    fn as_u64(self) -> u64 {
        self
    }
}

impl Whole for usize {
    fn as_u64(self) -> u64 {
        u64::try_from(self).unwrap_or(u64::MAX)
    }
}

impl Whole for u32 {
    fn as_u64(self) -> u64 {
        u64::from(self)
    }
}

impl Whole for u16 {
    fn as_u64(self) -> u64 {
        u64::from(self)
    }
}

impl Whole for u8 {
    fn as_u64(self) -> u64 {
        u64::from(self)
    }
}

/// `2,000` — a count, a whole number with thousands separators, in both languages.
pub fn count(value: impl Whole) -> String {
    with_separators(value.as_u64())
}

/// [`count`]'s one body, not generic, so the wasm carries one copy of it whatever
/// the types counted.
fn with_separators(value: u64) -> String {
    format_decimal(Decimal::from(value), 0)
}

/// The place, counted from 1, of what is at `index` counted from 0, as an ordinal:
/// `1st`, `22nd`, `1,000th` / `第 1,000` (the Chinese without its measure word, which
/// depends on what is counted: `第 1,000 個部門`). Exact whatever the index: the
/// place of `usize::MAX` is one more than any `usize`.
pub fn ordinal(index: usize, lang: Lang) -> String {
    let place = u128::from(index.as_u64()) + 1;
    // A decimal holds 96 bits, so one more than any `u64` never overflows it.
    let digits = format_decimal(Decimal::from(index.as_u64()).saturating_add(Decimal::ONE), 0);
    match lang {
        Lang::Zh => format!("第 {digits}"),
        Lang::En => {
            let suffix = match (place % 10, place % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{digits}{suffix}")
        }
    }
}

/// `+3` / `-2` / `0` — a change in a count.
pub fn count_signed(value: i64) -> String {
    let text = count(value.unsigned_abs());
    match value.signum() {
        1 => format!("+{text}"),
        -1 => format!("-{text}"),
        _ => text,
    }
}

/// `1 project` / `12 projects` / `12 個項目`.
pub fn projects_count(projects: usize, lang: Lang) -> String {
    match (lang, projects) {
        (Lang::En, 1) => "1 project".to_string(),
        (Lang::Zh, n) => format!("{} 個項目", count(n)),
        (Lang::En, n) => format!("{} projects", count(n)),
    }
}

/// `1 scenario` / `2,000 scenarios` / `2,000 個情景`: one or many, as
/// [`projects_count`] says it, the number written by [`count`].
pub fn scenarios_count(scenarios: usize, lang: Lang) -> String {
    let n = count(scenarios);
    match (lang, scenarios) {
        (Lang::Zh, _) => format!("{n} 個情景"),
        (Lang::En, 1) => format!("{n} scenario"),
        (Lang::En, _) => format!("{n} scenarios"),
    }
}

/// `1 quarter` / `3 quarters` / `3 季`.
pub fn quarters_count(quarters: i64, lang: Lang) -> String {
    match (lang, quarters) {
        (Lang::Zh, n) => format!("{n} 季"),
        (Lang::En, 1 | -1) => format!("{quarters} quarter"),
        (Lang::En, n) => format!("{n} quarters"),
    }
}

/// The seconds a computation took: `1.23 s` / `1.23 秒`.
pub fn seconds(ms: f64, lang: Lang) -> String {
    let secs = decimals((ms / 1000.0).max(0.0), 2);
    match lang {
        Lang::Zh => format!("{secs} 秒"),
        Lang::En => format!("{secs} s"),
    }
}

/// The most decimals [`decimals`] writes: more than an axis's finest step needs, and
/// few enough that its exact arithmetic fits in 128 bits.
const MOST_PLACES: u32 = 12;

/// The largest magnitude [`decimals`] writes as itself, 10^18: far beyond any
/// coordinate, duration or axis, and small enough that a whole part fits a `u64`.
const LARGEST: f64 = 1e18;

/// `1060.50` — an `f64` (a chart's coordinate, a duration, an axis's tick) with
/// `places` decimals (at most 12) and no thousands separators. It is the one place a
/// float becomes text: `{}` and `{:.2}` of an `f64`, and an `f64` given to Leptos as an
/// attribute or a text (which writes it with `{}`), bring the standard library's float
/// formatting into the wasm, about 24 KB of it (9 KB packed).
///
/// It writes what `format!("{value:.places$}")` writes, worked out with integer
/// arithmetic from the value's exact binary expansion: rounded to the nearest, an exact
/// tie to the even last digit, as `format!` does (`0.125` → `0.12`, `0.375` → `0.38`,
/// `2.5` → `2`; the `f64` nearest 1.005 is just under it, so → `1.00`). It differs from
/// `format!` only where `format!` would mislead or cannot help:
/// - a value that rounds to zero has no sign (`-0.001` → `0.00`, not `-0.00`), so
///   nobody reads a minus in front of nothing;
/// - a value that is not a number or infinite is written as 0, and a magnitude over
///   10^18 as 10^18, so no input makes it panic or write hundreds of digits.
pub fn decimals(value: f64, places: u32) -> String {
    let places = places.min(MOST_PLACES);
    let value = if value.is_finite() { value.clamp(-LARGEST, LARGEST) } else { 0.0 };
    let (whole, fraction) = rounded(value.abs(), places);
    let sign = if value < 0.0 && (whole, fraction) != (0, 0) { "-" } else { "" };
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        // `places` is at most 12, so the width is too.
        let width = usize::try_from(places).unwrap_or_default();
        format!("{sign}{whole}.{fraction:0width$}")
    }
}

/// A magnitude of at most 10^18, rounded to `places` decimals (at most 12), half to
/// even: its whole part and its fraction's `places` digits as a whole number.
fn rounded(magnitude: f64, places: u32) -> (u64, u64) {
    let unit = 10_u64.pow(places);
    // The magnitude is exactly `mantissa × 2^exponent`; a subnormal has no hidden bit.
    let bits = magnitude.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let stored = bits & ((1 << 52) - 1);
    let (mantissa, exponent) =
        if biased == 0 { (stored, -1074) } else { (stored | (1 << 52), i64::try_from(biased).unwrap_or(0) - 1075) };
    let shift = match u32::try_from(exponent.saturating_neg()) {
        Ok(shift) if shift > 0 => shift,
        // A whole number of at most 10^18 (below 2^60), so the shift loses no bit.
        _ => return (mantissa << exponent.clamp(0, 63), 0),
    };
    // The whole part, and the fraction as `rest / 2^shift` exactly.
    let whole = mantissa.checked_shr(shift).unwrap_or(0);
    let rest = mantissa - whole.checked_shl(shift).unwrap_or(0);
    // The fraction's digits are `rest × unit / 2^shift`, rounded: below 2^93, since
    // `rest` is below 2^53 and `unit` at most 10^12 (below 2^40).
    let scaled = u128::from(rest) * u128::from(unit);
    let (Some(digits), Some(half)) = (scaled.checked_shr(shift), 1_u128.checked_shl(shift - 1)) else {
        // A shift of 128 or more leaves a fraction below 2^-75: it rounds to nothing.
        return (whole, 0);
    };
    let remainder = scaled - (digits << shift);
    // The last digit written is the fraction's last, or the whole part's when there
    // are no decimals (`unit` is 1).
    let last_is_odd = if unit == 1 { whole % 2 == 1 } else { digits % 2 == 1 };
    let up = remainder > half || (remainder == half && last_is_odd);
    let digits = u64::try_from(digits + u128::from(up)).unwrap_or(unit);
    if digits >= unit {
        (whole + 1, 0)
    } else {
        (whole, digits)
    }
}

/// The Chinese numeral of a quarter, as the paper writes it (第一季 … 第四季).
fn quarter_numeral(quarter: FiscalQuarter) -> &'static str {
    match quarter.quarter() {
        1 => "一",
        2 => "二",
        3 => "三",
        _ => "四",
    }
}

/// `2018-19 Q1` / `2018-19 年度第一季` (the paper's own Chinese form).
pub fn quarter_text(quarter: FiscalQuarter, lang: Lang) -> String {
    match lang {
        Lang::En => quarter.label(),
        Lang::Zh => format!("{} 年度第{}季", quarter.year().label(), quarter_numeral(quarter)),
    }
}

/// `18-19 Q1` / `18-19 第一季`: short enough for a chart's axis; the full form is in
/// each mark's description.
pub fn quarter_axis(quarter: FiscalQuarter, lang: Lang) -> String {
    let start = quarter.year().start_year();
    let year = format!("{:02}-{:02}", start.rem_euclid(100), (start + 1).rem_euclid(100));
    match lang {
        Lang::En => format!("{year} Q{}", quarter.quarter()),
        Lang::Zh => format!("{year} 第{}季", quarter_numeral(quarter)),
    }
}

/// `2019-20` / `2019-20 年度`.
pub fn year_text(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::En => year.label(),
        Lang::Zh => format!("{} 年度", year.label()),
    }
}

/// The text cut into runs, each run with whether it must stay on one line: a financial
/// year (`2018-19`) with the English quarter or the Chinese word "year" that follows it
/// (`2018-19 Q1`, `2018-19 年度`), and the Chinese quarter after that as a run of its
/// own (`第一季`); and the Chinese unit of money, `百萬元`, with the amount before it
/// (`0.2 百萬元`). A browser may break a line after the hyphen of `2018-19`, and between
/// any two Chinese characters (`0.2 百` / `萬元` on a phone, audit 26), and no CSS
/// setting stops the one without stopping every break in Chinese; the shell draws these
/// runs unbroken.
pub fn unbroken_runs(text: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        match year_len(text, at).or_else(|| zh_amount_len(text, at)) {
            Some(len) => {
                if plain_from < at {
                    runs.push((&text[plain_from..at], false));
                }
                runs.push((&text[at..at + len], true));
                at += len;
                if let Some(len) = zh_quarter_len(&text[at..]) {
                    runs.push((&text[at..at + len], true));
                    at += len;
                }
                plain_from = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < text.len() {
        runs.push((&text[plain_from..], false));
    }
    runs
}

/// The length in bytes of the financial year (and what belongs to it) that starts at
/// byte `at` of `text`, if one does: four digits, a hyphen and two digits, not inside a
/// longer number.
fn year_len(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digit = |index: usize| bytes.get(index).is_some_and(u8::is_ascii_digit);
    let starts_clear = at == 0 || !digit(at - 1);
    let is_year = (0..4).all(|i| digit(at + i)) && bytes.get(at + 4) == Some(&b'-') && digit(at + 5) && digit(at + 6);
    if !(starts_clear && is_year && !digit(at + 7)) {
        return None;
    }
    let year = 7;
    let rest = &text[at + year..];
    let quarter_en = rest.strip_prefix(" Q").and_then(|r| r.chars().next()).filter(|c| ('1'..='4').contains(c));
    if quarter_en.is_some() {
        return Some(year + " Q1".len());
    }
    // In Chinese the quarter (第一季) is a run of its own, which may go to the next
    // line: the whole of "2018-19 年度第一季" is wider than half a 320 px phone's panel.
    Some(if rest.starts_with(" 年度") { year + " 年度".len() } else { year })
}

/// The Chinese unit of money, which stays whole and with the amount before it.
const ZH_MONEY_UNIT: &str = "百萬元";

/// The length in bytes of the Chinese amount (`1,060.0 百萬元`, `+70 百萬元`) or the
/// unit alone (`（百萬元）`) that starts at byte `at` of `text`, if one does: an amount
/// starts at a digit or a sign not inside a longer number.
fn zh_amount_len(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if rest.starts_with(ZH_MONEY_UNIT) {
        return Some(ZH_MONEY_UNIT.len());
    }
    let bytes = text.as_bytes();
    let numeric = |b: u8| b.is_ascii_digit() || b == b',' || b == b'.';
    if at > 0 && bytes.get(at - 1).is_some_and(|b| numeric(*b)) {
        return None;
    }
    let signed = usize::from(rest.starts_with(['+', '-']));
    let digits = rest.bytes().skip(signed).take_while(|b| numeric(*b)).count();
    if !rest.as_bytes().get(signed).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let after = rest.get(signed + digits..)?;
    let unit = after.strip_prefix(' ')?.strip_prefix(ZH_MONEY_UNIT)?;
    Some(rest.len() - unit.len())
}

/// The length in bytes of a Chinese quarter (`第一季`) at the start of `text`, if one is.
fn zh_quarter_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('第')?.strip_prefix(|c: char| "一二三四".contains(c))?.strip_prefix('季')?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    fn q(year: i32, quarter: u8) -> FiscalQuarter {
        FiscalQuarter::new(year, quarter)
            .unwrap_or_else(|| FiscalQuarter::new(2018, 1).unwrap_or_else(|| unreachable!()))
    }

    #[test]
    fn an_amount_written_exactly_has_every_decimal_it_has_and_one_at_least() {
        let cases = [
            (Decimal::new(22, 2), "0.22"),
            (Decimal::new(202, 3), "0.202"),
            (Decimal::new(726, 2), "7.26"),
            (Decimal::new(2, 1), "0.2"),
            (Decimal::new(20, 2), "0.2"),
            (Decimal::from(1_060), "1,060.0"),
            (Decimal::new(1_234_564, 2), "12,345.64"),
            (Decimal::new(9_999_999, 6), "9.999999"),
            (Decimal::new(-1_215, 2), "-12.15"),
        ];
        for (amount, expected) in cases {
            assert_eq!(exact_millions(Money::from_millions(amount)), expected, "{amount}");
        }
        assert_eq!(exact_money_with_unit(Money::from_millions(Decimal::new(7_26, 2)), Lang::En), "HK$7.26M");
    }

    #[test]
    fn figures_are_written_the_same_everywhere() {
        check(millions(Money::from_whole_millions(1060)), "1,060.0");
        check(millions_signed(Money::from_whole_millions(70)), "+70.0");
        check(money_with_unit(Money::from_whole_millions(243), Lang::En), "HK$243.0M");
        check(money_with_unit(Money::from_whole_millions(243), Lang::Zh), "243.0 百萬元");
        let typed = Money::parse_millions("1000.3333").unwrap_or_default();
        check(exact_money_with_unit(typed, Lang::En), "HK$1,000.3333M");
        check(exact_money_with_unit(Money::from_whole_millions(1000), Lang::Zh), "1,000.0 百萬元");
        // A sign before the unit, as it is read.
        check(money_with_unit(Money::from_whole_millions(-5), Lang::En), "-HK$5.0M");
        check(money_with_unit(Money::from_whole_millions(-5), Lang::Zh), "-5.0 百萬元");
        check(with_money_unit("+3.0", Lang::En), "+HK$3.0M");
        check(with_money_unit("1,060", Lang::En), "HK$1,060M");
        check(with_money_unit("-0.000001", Lang::Zh), "-0.000001 百萬元");
        check(percent_signed(Decimal::new(71, 1)), "+7.1%");
        check(percent_signed(Decimal::new(-4, 2)), "0.0%");
        check(percent_setting(Decimal::new(-9995, 2)), "-99.95%");
        check(percent_setting(Decimal::TEN), "+10.0%");
        check(percent_setting(Decimal::new(1234567, 5)), "+12.3457%");
        check(percent(Decimal::new(671, 1)), "67.1%");
        check(share_percent(Decimal::new(3286, 4)), "32.9%");
        check(ordinal(0, Lang::En), "1st");
        check(ordinal(1, Lang::En), "2nd");
        check(ordinal(2, Lang::En), "3rd");
        check(ordinal(3, Lang::En), "4th");
        check(ordinal(10, Lang::En), "11th");
        check(ordinal(11, Lang::En), "12th");
        check(ordinal(12, Lang::En), "13th");
        check(ordinal(20, Lang::En), "21st");
        check(ordinal(110, Lang::En), "111th");
        check(ordinal(100, Lang::En), "101st");
        check(ordinal(999, Lang::En), "1,000th");
        check(ordinal(999, Lang::Zh), "第 1,000");
        check(ordinal(usize::MAX, Lang::En), "18,446,744,073,709,551,616th");
        check(count_signed(1_234), "+1,234");
        check(count_signed(-2), "-2");
        check(count_signed(0), "0");
        check(projects_count(1, Lang::En), "1 project");
        check(projects_count(35, Lang::En), "35 projects");
        check(projects_count(35, Lang::Zh), "35 個項目");
        check(scenarios_count(0, Lang::En), "0 scenarios");
        check(scenarios_count(1, Lang::En), "1 scenario");
        check(scenarios_count(1, Lang::Zh), "1 個情景");
        check(scenarios_count(2_000, Lang::En), "2,000 scenarios");
        check(scenarios_count(2_000, Lang::Zh), "2,000 個情景");
        check(quarters_count(1, Lang::En), "1 quarter");
        check(quarters_count(4, Lang::En), "4 quarters");
        check(quarters_count(4, Lang::Zh), "4 季");
        check(seconds(1234.0, Lang::En), "1.23 s");
    }

    #[test]
    fn a_float_is_written_with_its_decimals_ties_to_even_and_never_minus_zero() {
        // (value, places) → text.
        let cases = [
            ((0.0, 2), "0.00"),
            ((12.0, 0), "12"),
            ((12.0, 4), "12.0000"),
            ((1234.5678, 1), "1234.6"),
            ((-1234.5678, 3), "-1234.568"),
            ((0.9999, 2), "1.00"),
            ((-9.96, 1), "-10.0"),
            // Exact ties go to the even digit, as `format!` writes them.
            ((0.125, 2), "0.12"),
            ((0.375, 2), "0.38"),
            ((2.5, 0), "2"),
            ((3.5, 0), "4"),
            ((-2.5, 0), "-2"),
            // The `f64`s nearest 1.005 and 9.995 are just under them.
            ((1.005, 2), "1.00"),
            ((9.995, 2), "9.99"),
            // A value that rounds to zero has no sign (`format!` writes `-0.00`).
            ((-0.0, 2), "0.00"),
            ((-0.001, 2), "0.00"),
            ((-0.5, 0), "0"),
            ((-0.006, 2), "-0.01"),
            ((5e-324, 3), "0.000"),
            // At most 12 decimals; beyond 10^18 the bound; not a number, 0.
            ((1.5, 13), "1.500000000000"),
            ((1e18, 0), "1000000000000000000"),
            ((1e19, 1), "1000000000000000000.0"),
            ((-1e300, 0), "-1000000000000000000"),
            ((f64::NAN, 2), "0.00"),
            ((f64::INFINITY, 1), "0.0"),
            ((f64::NEG_INFINITY, 0), "0"),
        ];
        for ((value, places), expected) in cases {
            check(decimals(value, places), expected);
        }
    }

    /// SplitMix64: the same sequence of test values on every run.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    #[test]
    fn a_float_is_written_as_format_writes_it() {
        let mut state = 20_171_113;
        let mut values = vec![
            0.1,
            0.2,
            0.3,
            1e-7,
            f64::MIN_POSITIVE,
            1e15 + 0.125,
            2_251_799_813_685_248.5,
            9_007_199_254_740_994.0,
            1e18,
            -1e18,
        ];
        for _ in 0..3000 {
            let (a, b) = (next(&mut state), next(&mut state));
            let sign = if b % 2 == 0 { 1.0 } else { -1.0 };
            // A decimal such as a coordinate (`123.45`), a binary fraction (where
            // exact ties are), and any bit pattern from 2^-80 to 2^59.
            values.push(sign * (a % 1_000_000_000) as f64 / 10_f64.powi(((b >> 1) % 8) as i32));
            values.push(sign * (a % (1 << 20)) as f64 / 2_f64.powi(((b >> 1) % 14) as i32));
            let exponent = (b >> 1) % 139 + 1023 - 80;
            values.push(sign * f64::from_bits(exponent << 52 | a >> 12));
        }
        for value in values {
            for places in 0..=MOST_PLACES {
                let width = places as usize;
                let written = format!("{value:.width$}");
                // `format!` keeps the sign of a value that rounds to zero; `decimals` drops it.
                let expected = match written.strip_prefix('-') {
                    Some(unsigned) if unsigned.bytes().all(|b| b == b'0' || b == b'.') => unsigned.to_string(),
                    _ => written,
                };
                // The value and places on both sides, so a failure names them.
                check(
                    format!("{value:e} {places}: {}", decimals(value, places)),
                    &format!("{value:e} {places}: {expected}"),
                );
            }
        }
    }

    #[test]
    fn counts_are_written_with_thousands_separators_whatever_their_type() {
        let cases: [(String, &str); 15] = [
            (projects_count(20_000, Lang::En), "20,000 projects"),
            (projects_count(20_000, Lang::Zh), "20,000 個項目"),
            (projects_count(1, Lang::En), "1 project"),
            (count(0_usize), "0"),
            (count(1_usize), "1"),
            (count(999_usize), "999"),
            (count(1_000_usize), "1,000"),
            (count(20_000_usize), "20,000"),
            (count(1_234_567_usize), "1,234,567"),
            (count(10_000_u64), "10,000"),
            (count(u64::MAX), "18,446,744,073,709,551,615"),
            (count(65_535_u16), "65,535"),
            (count(4_000_000_000_u32), "4,000,000,000"),
            (count(255_u8), "255"),
            (count(usize::MAX), if usize::BITS == 64 { "18,446,744,073,709,551,615" } else { "4,294,967,295" }),
        ];
        for (actual, expected) in cases {
            check(actual, expected);
        }
    }

    /// The runs of [`unbroken_runs`] written out, each unbroken run in brackets.
    fn bracketed(text: &str) -> String {
        unbroken_runs(text)
            .into_iter()
            .map(|(run, whole)| if whole { format!("[{run}]") } else { run.to_string() })
            .collect()
    }

    #[test]
    fn years_and_their_quarters_are_kept_whole() {
        check(bracketed("Total 2018-19 cash need"), "Total [2018-19] cash need");
        check(bracketed("2018-19 Q1 → 2019-20 Q4"), "[2018-19 Q1] → [2019-20 Q4]");
        check(bracketed("2018-19 年度第一季 → 2019-20 年度第四季"), "[2018-19 年度][第一季] → [2019-20 年度][第四季]");
        check(bracketed("2018-19 年度第五季, 第一季"), "[2018-19 年度]第五季, 第一季");
        check(bracketed("2018-19 年度現金需求總額"), "[2018-19 年度]現金需求總額");
        check(bracketed("此項目 2018-19 現金"), "此項目 [2018-19] 現金");
        check(bracketed("2018-19 Q5 and 2018-19 Qx"), "[2018-19] Q5 and [2018-19] Qx");
        check(bracketed("12018-19, 2018-190, 2018-1, 201-19, 2018—19"), "12018-19, 2018-190, 2018-1, 201-19, 2018—19");
        check(bracketed("1,060.0"), "1,060.0");
        check(bracketed(""), "");
        check(bracketed("2018-19"), "[2018-19]");
    }

    #[test]
    fn a_chinese_amount_stays_whole_with_its_unit() {
        check(bracketed("不超過 0.2 百萬元"), "不超過 [0.2 百萬元]");
        check(bracketed("超過 10 百萬元"), "超過 [10 百萬元]");
        check(bracketed("現金流量（百萬元）"), "現金流量（[百萬元]）");
        check(bracketed("共 1,060.0 百萬元，較上年 +70 百萬元"), "共 [1,060.0 百萬元]，較上年 [+70 百萬元]");
        check(bracketed("-12.1 百萬元"), "[-12.1 百萬元]");
        // A year before the unit stays a year; a number without the unit is left alone.
        check(bracketed("2018-19 百萬元"), "[2018-19] [百萬元]");
        check(bracketed("1,060.0 元, 5 百萬"), "1,060.0 元, 5 百萬");
        check(bracketed("HK$1,060.0M"), "HK$1,060.0M");
    }

    #[test]
    fn quarters_and_years_in_both_languages() {
        check(quarter_text(q(2018, 1), Lang::En), "2018-19 Q1");
        check(quarter_text(q(2018, 1), Lang::Zh), "2018-19 年度第一季");
        check(quarter_axis(q(2019, 4), Lang::En), "19-20 Q4");
        check(quarter_axis(q(2019, 4), Lang::Zh), "19-20 第四季");
        check(quarter_axis(q(2099, 2), Lang::En), "99-00 Q2");
        check(year_text(FiscalYear::new(2019).unwrap_or(FiscalYear::MIN), Lang::Zh), "2019-20 年度");
    }
}
