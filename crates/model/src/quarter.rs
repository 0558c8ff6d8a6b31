//! Hong Kong Government financial-year quarters.
//!
//! A financial year runs April to March and is written `2018-19`; its quarters are
//! Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar (Annex B and C footnote).
//! A [`FiscalQuarter`] is stored as one ordinal (4 × first calendar year + quarter − 1)
//! so that ordering, distance and adding quarters are plain integer arithmetic.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The earliest and latest financial years blockvote accepts. Wide enough for any
/// plausible paper and any deferral a user may type, narrow enough that arithmetic on
/// ordinals can never overflow.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2199;

/// A quarter of a Hong Kong Government financial year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalQuarter {
    ordinal: i32,
}

/// A financial year, named by the calendar year it starts in (2018 for `2018-19`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(i32);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuarterError {
    /// Not of the form `2018-19 Q1`.
    Malformed(String),
    /// The two years of `YYYY-YY` are not consecutive.
    YearsNotConsecutive(String),
    /// The quarter is not 1 to 4.
    QuarterOutOfRange(String),
    /// The year is outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    YearOutOfRange(String),
}

impl fmt::Display for QuarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuarterError::Malformed(t) => write!(f, "{t:?} is not a quarter like \"2018-19 Q1\""),
            QuarterError::YearsNotConsecutive(t) => write!(f, "{t:?}: the two years must be consecutive"),
            QuarterError::QuarterOutOfRange(t) => write!(f, "{t:?}: the quarter must be Q1 to Q4"),
            QuarterError::YearOutOfRange(t) => {
                write!(f, "{t:?}: the year must be between {FIRST_YEAR} and {LAST_YEAR}")
            }
        }
    }
}

impl std::error::Error for QuarterError {}

impl FiscalYear {
    /// The earliest supported year.
    pub const MIN: FiscalYear = FiscalYear(FIRST_YEAR);

    pub fn new(start_year: i32) -> Option<FiscalYear> {
        (FIRST_YEAR..=LAST_YEAR).contains(&start_year).then_some(FiscalYear(start_year))
    }

    /// The calendar year the financial year starts in.
    pub const fn start_year(self) -> i32 {
        self.0
    }

    /// The first quarter (Q1) of this year.
    pub fn first_quarter(self) -> FiscalQuarter {
        FiscalQuarter { ordinal: self.0 * 4 }
    }

    /// `2018-19`.
    pub fn label(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }

    /// Parses `2018-19`.
    pub fn parse(text: &str) -> Result<FiscalYear, QuarterError> {
        let t = text.trim();
        let malformed = || QuarterError::Malformed(text.chars().take(40).collect());
        let (first, second) = t.split_once('-').ok_or_else(malformed)?;
        if first.len() != 4 || second.len() != 2 {
            return Err(malformed());
        }
        let first: i32 = first.parse().map_err(|_| malformed())?;
        let second: i32 = second.parse().map_err(|_| malformed())?;
        if (first + 1).rem_euclid(100) != second {
            return Err(QuarterError::YearsNotConsecutive(t.to_string()));
        }
        FiscalYear::new(first).ok_or_else(|| QuarterError::YearOutOfRange(t.to_string()))
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl FiscalQuarter {
    /// `year` is the calendar year the financial year starts in; `quarter` is 1..=4.
    pub fn new(year: i32, quarter: u8) -> Option<FiscalQuarter> {
        if !(1..=4).contains(&quarter) || !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return None;
        }
        Some(FiscalQuarter { ordinal: year * 4 + i32::from(quarter) - 1 })
    }

    pub fn year(self) -> FiscalYear {
        FiscalYear(self.ordinal.div_euclid(4))
    }

    /// 1..=4.
    pub fn quarter(self) -> u8 {
        // rem_euclid(4) is always 0..=3, so the conversion cannot fail.
        u8::try_from(self.ordinal.rem_euclid(4) + 1).unwrap_or(1)
    }

    /// Quarters from `self` to `later` (negative if `later` is earlier).
    pub fn quarters_until(self, later: FiscalQuarter) -> i32 {
        later.ordinal - self.ordinal
    }

    /// Moves by `quarters` (negative moves earlier). `None` if the result leaves the
    /// supported range of years.
    pub fn add_quarters(self, quarters: i32) -> Option<FiscalQuarter> {
        let ordinal = self.ordinal.checked_add(quarters)?;
        let year = ordinal.div_euclid(4);
        (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(FiscalQuarter { ordinal })
    }

    /// Like [`FiscalQuarter::add_quarters`] but stops at the edge of the supported range.
    pub fn saturating_add_quarters(self, quarters: i32) -> FiscalQuarter {
        let min = FIRST_YEAR * 4;
        let max = LAST_YEAR * 4 + 3;
        FiscalQuarter { ordinal: self.ordinal.saturating_add(quarters).clamp(min, max) }
    }

    pub fn next(self) -> Option<FiscalQuarter> {
        self.add_quarters(1)
    }

    /// `2018-19 Q1`, the form the data files use.
    pub fn label(self) -> String {
        format!("{} Q{}", self.year().label(), self.quarter())
    }

    /// The calendar months the quarter covers, as (first, last) month numbers.
    pub fn months(self) -> (u8, u8) {
        match self.quarter() {
            1 => (4, 6),
            2 => (7, 9),
            3 => (10, 12),
            _ => (1, 3),
        }
    }

    /// Parses `2018-19 Q1` (also `2018-19Q1` and lower-case `q1`).
    pub fn parse(text: &str) -> Result<FiscalQuarter, QuarterError> {
        let t = text.trim();
        let malformed = || QuarterError::Malformed(text.chars().take(40).collect());
        let split_at = t.rfind(['Q', 'q']).ok_or_else(malformed)?;
        let (year_part, quarter_part) = t.split_at(split_at);
        let year = FiscalYear::parse(year_part.trim())?;
        let quarter: u8 = quarter_part[1..].trim().parse().map_err(|_| malformed())?;
        if !(1..=4).contains(&quarter) {
            return Err(QuarterError::QuarterOutOfRange(t.to_string()));
        }
        FiscalQuarter::new(year.start_year(), quarter).ok_or_else(|| QuarterError::YearOutOfRange(t.to_string()))
    }

    /// Every quarter from `self` to `last` inclusive (empty if `last` is earlier).
    pub fn range_inclusive(self, last: FiscalQuarter) -> impl Iterator<Item = FiscalQuarter> {
        (self.ordinal..=last.ordinal).map(|ordinal| FiscalQuarter { ordinal })
    }

    /// A dense index relative to `origin` (0 for `origin` itself), for arrays laid out
    /// along a timeline. `None` before the origin.
    pub fn index_from(self, origin: FiscalQuarter) -> Option<usize> {
        usize::try_from(self.ordinal - origin.ordinal).ok()
    }
}

impl fmt::Display for FiscalQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for FiscalQuarter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl Serialize for FiscalYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FiscalYear::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for FiscalQuarter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FiscalQuarter::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: Result<(i32, u8), ()>) {
        let parsed = FiscalQuarter::parse(text).map(|q| (q.year().start_year(), q.quarter())).map_err(|_| ());
        assert_eq!(parsed, expected, "parsing {text:?}");
    }

    #[test]
    fn parses_quarters() {
        check("2018-19 Q1", Ok((2018, 1)));
        check("2022-23 Q1", Ok((2022, 1)));
        check(" 2019-20q4 ", Ok((2019, 4)));
        check("1999-00 Q2", Ok((1999, 2)));
        check("2018-20 Q1", Err(()));
        check("2018-19 Q5", Err(()));
        check("2018-19 Q0", Err(()));
        check("2018 Q1", Err(()));
        check("Q1", Err(()));
        check("", Err(()));
        check("9999-00 Q1", Err(()));
        check("2018-19 Q١", Err(()));
    }

    #[test]
    fn arithmetic_and_order() {
        let q = FiscalQuarter::parse("2018-19 Q3").expect("valid");
        assert_eq!(q.add_quarters(2).map(|q| q.label()), Some("2019-20 Q1".to_string()));
        assert_eq!(q.add_quarters(-3).map(|q| q.label()), Some("2017-18 Q4".to_string()));
        assert!(q < q.add_quarters(1).expect("in range"));
        assert_eq!(q.quarters_until(q.add_quarters(13).expect("in range")), 13);
        assert_eq!(q.add_quarters(i32::MAX), None);
        assert_eq!(q.months(), (10, 12));
        assert_eq!(q.range_inclusive(q.add_quarters(4).expect("in range")).count(), 5);
    }
}
