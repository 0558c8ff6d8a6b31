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

/// `HK$1,060.0M` / `1,060.0 百萬元`.
pub fn money_with_unit(amount: Money, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 百萬元", amount.format(1)),
        Lang::En => format!("HK${}M", amount.format(1)),
    }
}

/// `+7.1%` with one decimal, half away from zero.
pub fn percent_signed(value: Decimal) -> String {
    let text = format_decimal(value, 1);
    if value.round_dp(1) > Decimal::ZERO {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// `67.1%`.
pub fn percent(value: Decimal) -> String {
    format!("{}%", format_decimal(value, 1))
}

/// `32.9%` for a share of 0.3286 (a share is a number from 0 to 1).
pub fn share_percent(share: Decimal) -> String {
    percent(share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default())
}

/// `2,000` — a whole number with thousands separators.
pub fn count(value: u64) -> String {
    format_decimal(Decimal::from(value), 0)
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
pub fn projects_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Zh, n) => format!("{n} 個項目"),
        (Lang::En, 1) => "1 project".to_string(),
        (Lang::En, n) => format!("{n} projects"),
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
    let secs = (ms / 1000.0).max(0.0);
    match lang {
        Lang::Zh => format!("{secs:.2} 秒"),
        Lang::En => format!("{secs:.2} s"),
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
/// own (`第一季`). A browser may break a line after the hyphen
/// of `2018-19`, and no CSS setting stops it; the shell draws these runs unbroken.
pub fn year_runs(text: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        match year_len(text, at) {
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
    fn figures_are_written_the_same_everywhere() {
        check(millions(Money::from_whole_millions(1060)), "1,060.0");
        check(millions_signed(Money::from_whole_millions(70)), "+70.0");
        check(money_with_unit(Money::from_whole_millions(243), Lang::En), "HK$243.0M");
        check(money_with_unit(Money::from_whole_millions(243), Lang::Zh), "243.0 百萬元");
        check(percent_signed(Decimal::new(71, 1)), "+7.1%");
        check(percent_signed(Decimal::new(-4, 2)), "0.0%");
        check(percent(Decimal::new(671, 1)), "67.1%");
        check(share_percent(Decimal::new(3286, 4)), "32.9%");
        check(count(10_000), "10,000");
        check(count_signed(1_234), "+1,234");
        check(count_signed(-2), "-2");
        check(count_signed(0), "0");
        check(projects_count(1, Lang::En), "1 project");
        check(projects_count(35, Lang::En), "35 projects");
        check(projects_count(35, Lang::Zh), "35 個項目");
        check(quarters_count(1, Lang::En), "1 quarter");
        check(quarters_count(4, Lang::En), "4 quarters");
        check(quarters_count(4, Lang::Zh), "4 季");
        check(seconds(1234.0, Lang::En), "1.23 s");
    }

    /// The runs of [`year_runs`] written out, each unbroken run in brackets.
    fn bracketed(text: &str) -> String {
        year_runs(text)
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
    fn quarters_and_years_in_both_languages() {
        check(quarter_text(q(2018, 1), Lang::En), "2018-19 Q1");
        check(quarter_text(q(2018, 1), Lang::Zh), "2018-19 年度第一季");
        check(quarter_axis(q(2019, 4), Lang::En), "19-20 Q4");
        check(quarter_axis(q(2019, 4), Lang::Zh), "19-20 第四季");
        check(quarter_axis(q(2099, 2), Lang::En), "99-00 Q2");
        check(year_text(FiscalYear::new(2019).unwrap_or(FiscalYear::MIN), Lang::Zh), "2019-20 年度");
    }
}
