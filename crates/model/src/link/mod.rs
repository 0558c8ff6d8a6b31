//! Scenarios in links: the URL fragment's `key=value` pairs ⇄ a [`Scenario`].
//!
//! The format is documented with examples in `docs/links.md`. The global levers are
//! readable pairs a person can edit by hand (`profile=even&slip=0.3&delay=2`); edits of
//! single projects are compact (`p=17:d2,x;42:b5.5`). Decoding is total: it never
//! panics and never fails as a whole — every pair it cannot use becomes a
//! [`LinkProblem`] naming the key and why, and the rest of the link still applies.
//! A value is used whole or not at all: nothing is ever cut short, because a cut
//! number is often another valid number. Lengths are bounded, so a megabyte of text
//! costs nothing.
//!
//! A number is read as the app's field for it reads what is typed, by the same
//! readers (`crate::entry`), so a link takes a number exactly when the field does, as
//! the same value: full-width digits from a Chinese input method as ASCII
//! (`cap=１０．５` is 10.5), a cost change's `%` (`cost=5%`), a seed's `,`; an amount
//! with more than six decimals (`cap=10.1234567`, finer than a dollar) is refused and
//! named, as the field refuses it, where it was once applied and rounded by the
//! engine. Every link the app writes reads as it always did.
//!
//! [`read_fragment`] turns the fragment's text into those pairs (percent-decoding
//! them), [`decode_link`] goes from the text to a scenario ([`decode_link_in`] also
//! names the edits that name a project, department or category the data shown does
//! not have: what the app opens), and [`write`] gives the
//! pairs for a scenario together with whether they carry it exactly ([`Fit`]): a
//! scenario a link cannot carry is written as a marker that says why ([`Marker`]:
//! `scenario=too-large`, or `scenario=not-expressible` for a value a link cannot say),
//! never as a link to a different scenario. The whole path is fuzzed
//! (`fuzz/fuzz_targets/link_decode.rs`, see `docs/fuzzing.md`).

mod absent;
mod fit;
mod fragment;

pub use crate::known::MAX_NAMED_ABSENT;
pub use fit::{write, Fit, Marker, Written, MAX_SCENARIO_CHARS};
pub use fragment::{
    fragment_text, parse_fragment, percent_decode, percent_encode, read_fragment, Fragment, MAX_FRAGMENT_CHARS,
    MAX_SHOWN_CHARS, MAX_UNREAD_NAMED,
};

use crate::dataset::Dataset;
use crate::engine::monte_carlo::{
    delay_weights_usable, OverrunSettings, SimulationChoices, SimulationFault, DEFAULT_DELAY_WEIGHTS, DEFAULT_RUNS,
    MAX_DELAY_QUARTERS, MAX_DELAY_WEIGHT, MAX_OVERRUN_PCT, MAX_RUNS,
};
use crate::engine::{
    AllocationError, CashCap, CategoryEdit, DeferralRule, Edit, GroupEdit, Profile, ProjectEdit, Scenario, Selector,
    MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT,
};
use crate::entry::{self, EntryError};
use crate::known::Known;
use crate::money::{Money, MAX_INPUT_MILLIONS};
use crate::text::quoted;
use crate::themes::Theme;
use absent::Absent;
use rust_decimal::Decimal;
use std::fmt;

/// The keys a link may carry for the scenario (others, such as `view` and `lang`, are
/// the shell's).
pub const SCENARIO_KEYS: [&str; 21] = [
    "profile",
    "slip",
    "delay",
    "slippage",
    "cost",
    "ceiling",
    "floor",
    "cap",
    "rule",
    "ongoing",
    "seed",
    "runs",
    "late",
    "weights",
    "overrun",
    "p",
    "g",
    "cat",
    "target",
    "retention",
    MARKER_KEY,
];

/// The key of the marker written in place of a scenario a link cannot carry.
pub const MARKER_KEY: &str = "scenario";
/// The marker's value for a scenario too large for a link ([`Marker::TooLarge`]).
pub const MARKER_VALUE: &str = "too-large";
/// The marker's value for a scenario holding a value a link cannot say
/// ([`Marker::NotExpressible`]), such as one read from a file.
pub const MARKER_NOT_EXPRESSIBLE: &str = "not-expressible";

/// The most project edits, group edits or categories a link may carry.
pub const MAX_ITEMS: usize = 300;
/// The longest value read for one key, in characters; a longer one is not read at all.
pub const MAX_VALUE_CHARS: usize = MAX_FRAGMENT_CHARS;

/// What a link asks for beyond the scenario itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkScenario {
    pub scenario: Scenario,
    /// The Monte Carlo simulation, if the link names any of its settings (`seed=`,
    /// `runs=`, `late=`, `weights=`, `overrun=`); the settings it does not name are
    /// the defaults.
    pub simulation: Option<SimulationChoices>,
    /// True if the link carried any scenario key at all.
    pub any: bool,
}

/// One pair of a link that could not be used. Its key, value and part are the link's
/// text as a notice may show it ([`shown_text`]); it is made only through
/// [`LinkProblem::new`] (or, in this module, `problem`), which write them so, hence
/// `non_exhaustive`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinkProblem {
    pub key: String,
    /// The pair's value as the link gives it (without surrounding whitespace),
    /// shortened for display: a notice quotes the pair as it stood in the link.
    pub value: String,
    /// The piece of the value the problem is in, shortened for display, when it is not
    /// the whole value: the `-5` of `p=1:b-5`, the `999:x` of `p=17:d2;999:x`. A
    /// notice names it inside the quoted pair, so a long list says which item is wrong.
    /// (A boxed `str`, so a problem stays small enough to return by value.)
    pub part: Option<Box<str>>,
    pub reason: LinkReason,
    /// Quoted by its key alone, as the link wrote it: a pair the link gives without
    /// `=` (`#cap`, read as `cap=`; [`Fragment::quote_as_written`]), or one not read,
    /// named by its key. Any other pair is quoted `key=value`, `cap=` with its `=`.
    pub key_only: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkReason {
    NotANumber,
    /// Longer than a number field takes ([`entry::MAX_ENTRY_CHARS`] characters), as a
    /// field refuses it, whatever the characters.
    TooLongForANumber,
    /// A number with more digits than a field keeps exactly (it would be read as a
    /// number next to it), as a field refuses it.
    TooManyDigits,
    /// A number in scientific notation (`1e3`), which no field reads: said so, as a
    /// field says it, rather than "not a number" (audit 12).
    Exponent,
    /// A number with a fraction where only a whole number is read (`delay=1.5`).
    NotWhole,
    /// A share written as a fraction (`slip=1/3`) whose parts are not both whole
    /// numbers from 0 to [`entry::MAX_FRACTION_PART`], as the field refuses it.
    NotAFraction,
    /// A share written as a fraction over zero (`slip=1/0`).
    ZeroDenominator,
    /// A comma that does not separate thousands (`cost=12,5`, a decimal comma).
    Comma,
    OutOfRange {
        min: String,
        max: String,
    },
    UnknownName,
    Malformed,
    /// Simulation settings that no member could set up together: every delay weight 0
    /// (`weights=0:0:0:0`), or an overrun's lower end above its upper end.
    Simulation(SimulationFault),
    TooMany,
    /// With the pairs of its key before it, the value would give the scenario more
    /// than [`MAX_ITEMS`] project or group edits, which no link can carry (the link
    /// written back would be the marker `scenario=too-large`), so none of it was read.
    TooManyInAll,
    /// The value is longer than [`MAX_VALUE_CHARS`], or the pair as the link writes it
    /// is longer than [`MAX_FRAGMENT_CHARS`] (so no link could have it read), so none
    /// of it was read.
    TooLong,
    /// The text is longer than a field takes (`max` characters, the projects search's):
    /// only its first `max` characters were read, as the field would have kept them.
    LongerThanRead {
        max: usize,
    },
    /// An amount with more than [`entry::AMOUNT_DECIMALS`] decimals, finer than a
    /// dollar: refused, as an amount field refuses it, rather than rounded.
    TooManyDecimals,
    /// The pair lies beyond the first [`MAX_FRAGMENT_CHARS`] characters of the link,
    /// so it was not read (nor any pair after it). Named by its key alone.
    Unread,
    /// The link is a marker (`scenario=too-large` or `scenario=not-expressible`): it
    /// was copied while a link could not carry its scenario, for the reason `why`, so
    /// it does not carry that scenario. A link edited by hand may hold other scenario
    /// pairs beside the marker; they apply as in any link, to the paper's figures, and
    /// `others_applied` says whether any did, so that the notice says what is shown.
    NotCarried {
        why: Marker,
        others_applied: bool,
    },
    /// A `p=` edit of a project the data shown does not have: kept, but it changes
    /// nothing (the engine's `EngineWarning::UnknownProject`).
    NoSuchProject {
        number: String,
    },
    /// A department the data shown does not have, as the link gives it: by the number
    /// the link gives it (`g=dept.N`, from 1; the projects filter's `dept=N`), or, were
    /// a link to name one by its name, by that name.
    NoSuchDepartment {
        number: String,
    },
    /// A `g=` edit of a department or theme no project of the data shown has.
    MatchesNoProject,
    /// A `cat=` edit of a category the data shown does not have.
    NoSuchCategory {
        number: String,
    },
    /// The edits naming what the data does not have beyond the first
    /// [`MAX_NAMED_ABSENT`], counted (key `…`).
    MoreNotInData {
        count: usize,
    },
    /// The link's thresholds would put the floor above the ceiling (each the link's,
    /// or the data's where the link gives none), which the engine refuses, and with it
    /// every other lever of the link: the link's thresholds were set aside instead, and
    /// the rest applies.
    ThresholdsCross {
        floor: Money,
        ceiling: Money,
        /// The link gives the other threshold too: the two are named in one sentence
        /// (this problem's pair and "the link's" other), not two that differ only in
        /// their quote.
        both_given: bool,
    },
    /// The link's scaling target (`target=`) cannot be reached on the data shown with
    /// the link's categories (`AllocationError::TargetBelowLocked` or
    /// `NothingToScale`): the target is kept in the scenario, as the Allocation screen
    /// keeps it, and, as there, the categories are shown unscaled.
    ScalingRefused {
        refusal: AllocationError,
    },
    /// `view=` names no screen, and no other `view=` does: the overview is shown.
    NoSuchScreen,
    /// `lang=` names no language of the app: the language is left as it was.
    NoSuchLanguage,
    /// A projects filter's quarter (`start=`) not written like `2018-19 Q2`.
    NotAQuarter,
    /// A projects filter's year (`done=`) not written like `2019-20`.
    NotAYear,
    /// `start=`: no project of the data shown starts in that quarter.
    NoProjectStarts,
    /// `done=`: no project of the data shown completes in that year.
    NoProjectCompletes,
    /// A projects filter's list of numbers (`ids=`) holds `count` items that are not
    /// project numbers; the others apply.
    NotProjectNumbers {
        count: usize,
    },
    /// A projects filter's list of numbers (`ids=`) names no project of the data
    /// shown: each of its items is not a project number, or is one no project has
    /// (those are named by their own problems). The filter is not applied, as any other
    /// filter whose value the data does not offer (`dept=99`): an empty table would
    /// read as if the data were missing (audit 19 found `ids=0` showing none of 254
    /// projects and `ids=abc` all of them, neither saying so).
    ListNamesNoProject,
    /// A projects filter's list of numbers (`ids=`) holds `count` numbers after the
    /// first `max`, which are the only ones read.
    NumbersBeyond {
        max: usize,
        count: usize,
    },
    /// The value is none of the few a key takes (`changed=1`, `group=1`, a table's
    /// `sort=` column, `dir=asc|desc`), listed in `accepted`: it was ignored.
    NotOneOf {
        accepted: Vec<&'static str>,
    },
    /// The presenter's `slide=` is not a slide number (a whole number from 1): the
    /// first slide is shown.
    NotASlide,
    /// The presenter's `slide=` is beyond `max`, the most slides there can be: the
    /// last slide is shown.
    BeyondLastSlide {
        max: usize,
    },
    /// A projects filter's list of numbers (`ids=`) names numbers no project of the
    /// data shown has: the first [`MAX_NAMED_ABSENT`] of them, in order, and how many
    /// more. No row shows them.
    NoSuchProjects {
        ids: Vec<u16>,
        more: usize,
    },
    /// The key is none the app reads (the shell's, the scenario's or a screen's), so
    /// the pair was ignored; `suggestion` is a known key it is close to (a letter or
    /// two off, or two letters swapped), if any.
    UnknownKey {
        suggestion: Option<&'static str>,
    },
    /// Keys the app does not know beyond the first [`MAX_NAMED_ABSENT`] named, counted
    /// (key `…`).
    MoreUnknownKeys {
        count: usize,
    },
    /// Pairs beyond the first [`MAX_FRAGMENT_CHARS`] characters of the link beyond
    /// those named ([`LinkReason::Unread`]), counted (key `…`).
    MoreUnread {
        count: usize,
    },
    /// The pair escapes bytes that are not UTF-8, which are kept as the link's `%XX`
    /// ([`percent_decode`]): named when nothing else names its key (a search, `q=`).
    NotText,
    /// `rule=` in a link that sets no cash cap (none given, or none that could be
    /// read): a deferral rule orders what a cap defers, so it was not applied.
    NoCashCap,
    /// The key is given `times` times with different values and only one is read; the
    /// problem's value is that one: the last given if `last`, otherwise the last that
    /// could be used (a scenario lever skips a value it cannot read).
    Repeated {
        times: usize,
        last: bool,
    },
}

impl LinkProblem {
    /// A problem with `key=value`, both written for display by [`shown_text`]: for the
    /// pairs other layers read (the view, the language, the screens' filters).
    pub fn new(key: &str, value: &str, reason: LinkReason) -> LinkProblem {
        problem(key, value, reason)
    }
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match &self.reason {
            LinkReason::NotANumber => "is not a number".to_string(),
            LinkReason::Exponent => "is written in scientific notation (write 1000, not 1e3)".to_string(),
            LinkReason::NotWhole => "is not a whole number".to_string(),
            LinkReason::TooLongForANumber => {
                format!("is too long for a number (over {} characters)", entry::MAX_ENTRY_CHARS)
            }
            LinkReason::TooManyDigits => "has more digits than can be kept exactly".to_string(),
            LinkReason::NotAFraction => {
                format!("is not a fraction of two whole numbers from 0 to {}", entry::MAX_FRACTION_PART)
            }
            LinkReason::ZeroDenominator => "is a fraction over zero".to_string(),
            LinkReason::Comma => "has a comma that does not separate thousands".to_string(),
            LinkReason::OutOfRange { min, max } => format!("must be between {min} and {max}"),
            LinkReason::UnknownName => "is not a known name".to_string(),
            LinkReason::Malformed => "is not in the expected form".to_string(),
            LinkReason::Simulation(SimulationFault::Overrun) => {
                "puts the smallest overrun above the largest".to_string()
            }
            LinkReason::Simulation(_) => "gives no delay a weight above 0".to_string(),
            LinkReason::TooMany => format!("has more than {MAX_ITEMS} items"),
            LinkReason::TooManyInAll => format!("makes more than {MAX_ITEMS} edits with the pairs before it"),
            LinkReason::TooLong => format!("is longer than {MAX_VALUE_CHARS} characters and was not read"),
            LinkReason::LongerThanRead { max } => {
                format!("is longer than {max} characters; only the first {max} were read")
            }
            LinkReason::TooManyDecimals => format!("has more than {} decimals", entry::AMOUNT_DECIMALS),
            LinkReason::Unread => {
                format!("lies beyond the first {MAX_FRAGMENT_CHARS} characters of the link and was not read")
            }
            LinkReason::NotCarried { why, others_applied } => {
                let marks = match why {
                    Marker::TooLarge => "marks a scenario that was too large for a link",
                    Marker::NotExpressible => "marks a scenario holding a value a link cannot carry",
                };
                let shown = if *others_applied {
                    "it was not carried, and the link's other settings were applied to the paper"
                } else {
                    "none was carried"
                };
                format!("{marks}; {shown}")
            }
            LinkReason::NoSuchProject { number } => format!("names project {number}, which the data does not have"),
            LinkReason::NoSuchDepartment { number } => {
                format!("names department {number}, which the data does not have")
            }
            LinkReason::MatchesNoProject => "matches no project of the data".to_string(),
            LinkReason::NoSuchCategory { number } => format!("names category {number}, which the data does not have"),
            LinkReason::MoreNotInData { count } => format!("and {count} more edits name what the data does not have"),
            LinkReason::ThresholdsCross { floor, ceiling, both_given } => {
                let with = if *both_given { "with the other threshold " } else { "" };
                format!("{with}would put the floor ({floor:?}) above the ceiling ({ceiling:?}); the thresholds were ignored")
            }
            LinkReason::ScalingRefused { refusal } => format!("cannot be reached ({refusal}); no scaling was made"),
            LinkReason::NoSuchScreen => "is not a screen".to_string(),
            LinkReason::NoSuchLanguage => "is not a language".to_string(),
            LinkReason::NotAQuarter => "is not a quarter".to_string(),
            LinkReason::NotAYear => "is not a year".to_string(),
            LinkReason::NoProjectStarts => "is a quarter no project starts in".to_string(),
            LinkReason::NoProjectCompletes => "is a year no project completes in".to_string(),
            LinkReason::NotProjectNumbers { count } => format!("holds {count} items that are not project numbers"),
            LinkReason::NumbersBeyond { max, count } => format!("holds {count} more numbers than the {max} read"),
            LinkReason::ListNamesNoProject => "names no project of the data; the filter was not applied".to_string(),
            LinkReason::NotOneOf { accepted } => format!("is not one of {}", accepted.join(", ")),
            LinkReason::NotASlide => "is not a slide number".to_string(),
            LinkReason::BeyondLastSlide { max } => format!("is beyond the last slide there can be, {max}"),
            LinkReason::NoSuchProjects { ids, more } => {
                let ids: Vec<String> = ids.iter().map(u16::to_string).collect();
                format!("names projects {} and {more} more, which the data does not have", ids.join(", "))
            }
            LinkReason::UnknownKey { suggestion: Some(known) } => format!("is not a known key (did you mean {known}?)"),
            LinkReason::UnknownKey { suggestion: None } => "is not a known key".to_string(),
            LinkReason::MoreUnknownKeys { count } => format!("and {count} more keys are not known"),
            LinkReason::MoreUnread { count } => format!("and {count} more pairs were not read"),
            LinkReason::NoCashCap => "was not applied: the link sets no cash cap".to_string(),
            LinkReason::NotText => "holds bytes that are not valid text (UTF-8)".to_string(),
            LinkReason::Repeated { times, last: true } => format!("is given {times} times; the last was read"),
            LinkReason::Repeated { times, last: false } => {
                format!("is given {times} times; the last that could be used was read")
            }
        };
        match &self.part {
            Some(part) => write!(f, "{}={:?} at {part:?} {}", self.key, self.value, why),
            None if self.key_only => write!(f, "{} {}", self.key, why),
            None => write!(f, "{}={:?} {}", self.key, self.value, why),
        }
    }
}

fn problem(key: &str, value: &str, reason: LinkReason) -> LinkProblem {
    LinkProblem { key: shown_text(key), value: shown_text(value), part: None, reason, key_only: false }
}

/// A piece of a link as a notice quotes it, the one writing every [`LinkProblem`]'s
/// key, value and part go through: [`quoted`] to [`MAX_SHOWN_CHARS`] characters.
pub fn shown_text(text: &str) -> String {
    quoted(text, MAX_SHOWN_CHARS)
}

/// A problem in the piece `part` of the pair `key=value`: the pair is quoted whole, as
/// the link gives it, and the piece is named unless it is the whole value as shown (a
/// refused list quotes its value, which is the piece). Quoting only the piece once
/// turned `p=1:b-5` into "p=-5", a pair no link held.
fn problem_at(key: &str, value: &str, part: &str, reason: LinkReason) -> LinkProblem {
    let mut found = problem(key, value, reason);
    let part = shown_text(part);
    if part != found.value {
        found.part = Some(part.into());
    }
    found
}

/// A link's number refused by the reader a field uses, as the link's problem says it.
fn refused<T>(key: &str, value: &str, error: EntryError<T>, min: &str, max: &str) -> LinkProblem {
    problem(key, value, LinkReason::refused_entry(error, min, max))
}

impl LinkReason {
    /// Why a link's number that a field's reader refused is not applied: out of range
    /// with the range the link takes (`min`, `max` as a link writes them), finer than a
    /// dollar, too long for a number, or anything else a field refuses (not whole, not
    /// a number at all) as not a number.
    pub fn refused_entry<T>(error: EntryError<T>, min: &str, max: &str) -> LinkReason {
        match error {
            EntryError::OutOfRange { .. } => LinkReason::OutOfRange { min: min.to_string(), max: max.to_string() },
            EntryError::TooManyDecimals => LinkReason::TooManyDecimals,
            EntryError::TooLong => LinkReason::TooLongForANumber,
            EntryError::TooManyDigits => LinkReason::TooManyDigits,
            EntryError::Exponent => LinkReason::Exponent,
            EntryError::NotWhole => LinkReason::NotWhole,
            EntryError::NotAFraction => LinkReason::NotAFraction,
            EntryError::ZeroDenominator => LinkReason::ZeroDenominator,
            EntryError::Comma => LinkReason::Comma,
            EntryError::NotANumber => LinkReason::NotANumber,
        }
    }
}

/// A decimal as a field takes it, within `min..=max`: full-width digits as ASCII, and
/// a trailing `%` where the field's unit is % (`percent`), so `cost=１０％` is 10.
fn parse_decimal(key: &str, value: &str, min: Decimal, max: Decimal, percent: bool) -> Result<Decimal, LinkProblem> {
    let typed = if percent { entry::percent_typed(value) } else { entry::typed(value) };
    typed
        .and_then(|text| entry::decimal_in(&text, min, max))
        .map_err(|error| refused(key, value, error, &min.to_string(), &max.to_string()))
}

/// A share as a field takes it (`0.33`, `33%`, `69/210`, `６９／２１０`), so a link
/// carries exactly what the member typed.
fn parse_share(key: &str, value: &str) -> Result<Decimal, LinkProblem> {
    entry::typed(value).and_then(|text| entry::share_in(&text)).map_err(|error| refused(key, value, error, "0", "1"))
}

/// An amount in HK$M as an amount field takes it (`entry::amount_in`): full-width
/// digits as ASCII, at most six decimals, from 0 to [`MAX_INPUT_MILLIONS`].
fn parse_money(key: &str, value: &str) -> Result<Money, LinkProblem> {
    entry::amount_in(value, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS))
        .map_err(|error| refused(key, value, error, "0", &MAX_INPUT_MILLIONS.to_string()))
}

/// A number of quarters as a quarters field takes it, from `min` to
/// [`MAX_SHIFT_QUARTERS`].
fn parse_quarters(key: &str, value: &str, min: i32) -> Result<i32, LinkProblem> {
    let max = MAX_SHIFT_QUARTERS;
    entry::typed(value)
        .and_then(|text| entry::int_in(&text, i64::from(min), i64::from(max)))
        .map_err(|error| refused(key, value, error, &min.to_string(), &max.to_string()))
        // Within `min..=max`, so always an `i32`.
        .map(|quarters| i32::try_from(quarters).unwrap_or(min))
}

/// A Monte Carlo seed as the seed field takes it (`1,000`, `７１０`).
fn parse_seed(key: &str, value: &str) -> Result<u64, LinkProblem> {
    entry::typed(value)
        .and_then(|text| entry::seed(&text))
        .map_err(|error| refused(key, value, error, "0", &u64::MAX.to_string()))
}

/// A number of Monte Carlo runs as the runs field takes it (`5,000`, `５０００`).
fn parse_runs(key: &str, value: &str) -> Result<u32, LinkProblem> {
    entry::typed(value)
        .and_then(|text| entry::runs(&text))
        .map_err(|error| refused(key, value, error, "1", &MAX_RUNS.to_string()))
}

/// A whole number from 0 to `max`, as a whole-number field takes it.
fn parse_whole(key: &str, value: &str, max: u32) -> Result<u32, LinkProblem> {
    entry::typed(value)
        .and_then(|text| entry::int_in(&text, 0, i64::from(max)))
        .map_err(|error| refused(key, value, error, "0", &max.to_string()))
        // Within `0..=max`, so always a `u32`.
        .map(|number| u32::try_from(number).unwrap_or(0))
}

/// The `N` parts of a `a:b:…` value, or the whole value named as malformed.
fn parts<'a, const N: usize>(key: &str, value: &'a str) -> Result<[&'a str; N], LinkProblem> {
    let parts: Vec<&str> = value.split(':').map(str::trim).collect();
    <[&str; N]>::try_from(parts).map_err(|_| problem(key, value, LinkReason::Malformed))
}

/// The delay weights (`weights=4:3:2:1`), each as a weight field takes it.
fn parse_weights(key: &str, value: &str) -> Result<[u32; MAX_DELAY_QUARTERS], LinkProblem> {
    let mut weights = [0; MAX_DELAY_QUARTERS];
    for (weight, part) in weights.iter_mut().zip(parts::<MAX_DELAY_QUARTERS>(key, value)?) {
        *weight = parse_whole(key, part, MAX_DELAY_WEIGHT)?;
    }
    if !delay_weights_usable(&weights) {
        return Err(problem(key, value, LinkReason::Simulation(SimulationFault::DelayWeights)));
    }
    Ok(weights)
}

/// Cost overruns (`overrun=0.1:0:20`): their probability, then the smallest and the
/// largest overrun in %.
fn parse_overrun(key: &str, value: &str) -> Result<OverrunSettings, LinkProblem> {
    let [probability, min, max] = parts::<3>(key, value)?;
    let overrun = OverrunSettings {
        probability: parse_share(key, probability)?,
        min_pct: parse_whole(key, min, MAX_OVERRUN_PCT)?,
        max_pct: parse_whole(key, max, MAX_OVERRUN_PCT)?,
    };
    if overrun.min_pct > overrun.max_pct {
        return Err(problem(key, value, LinkReason::Simulation(SimulationFault::Overrun)));
    }
    Ok(overrun)
}

/// Sets the simulation's setting `key` (`seed`, `runs`, `late`, `weights` or
/// `overrun`) to `value`, as its field reads it.
fn read_simulation_setting(simulation: &mut SimulationChoices, key: &str, value: &str) -> Result<(), LinkProblem> {
    match key {
        "seed" => simulation.seed = parse_seed(key, value)?,
        "runs" => simulation.runs = parse_runs(key, value)?,
        "late" => simulation.late_probability = Some(parse_share(key, value)?),
        "weights" => simulation.delay_weights = parse_weights(key, value)?,
        _ => simulation.overrun = Some(parse_overrun(key, value)?),
    }
    Ok(())
}

/// A category's compact edit (`300`, `300,L`, `L`, `1,000,L`) split into its amount,
/// as written, and whether it locks the category. The lock is the part `L` at either
/// end; everything else is one amount, which may hold the commas that group its
/// thousands, as the amount field reads it: `1,000` is 1,000 and `12,5` is refused,
/// never read as two amounts of which the last wins.
fn category_spec(spec: &str) -> (&str, bool) {
    let spec = spec.trim();
    if spec == "L" {
        return ("", true);
    }
    match spec.strip_suffix("L").and_then(|rest| rest.trim_end().strip_suffix(',')) {
        Some(amount) => (amount.trim(), true),
        None => match spec.strip_prefix("L").and_then(|rest| rest.trim_start().strip_prefix(',')) {
            Some(amount) => (amount.trim(), true),
            None => (spec, false),
        },
    }
}

/// Reads one project's compact edit: `d2` defer, `e1` extend, `x` exclude, `i`
/// include (undoes a group's exclusion), `b5.5` budget (HK$M), `p:even` profile;
/// comma-separated.
fn parse_edit(key: &str, text: &str) -> Result<Edit, LinkProblem> {
    let mut edit = Edit::default();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part == "x" {
            edit.exclude = Some(true);
        } else if part == "i" {
            edit.exclude = Some(false);
        } else if let Some(n) = part.strip_prefix('d') {
            edit.defer_quarters = Some(parse_quarters(key, n, -MAX_SHIFT_QUARTERS)?);
        } else if let Some(n) = part.strip_prefix('e') {
            edit.extend_quarters = Some(parse_quarters(key, n, -MAX_SHIFT_QUARTERS)?);
        } else if let Some(n) = part.strip_prefix('b') {
            edit.budget = Some(parse_money(key, n)?);
        } else if let Some(name) = part.strip_prefix("p:") {
            edit.profile = Some(Profile::from_key(name).ok_or_else(|| problem(key, part, LinkReason::UnknownName))?);
        } else {
            return Err(problem(key, part, LinkReason::Malformed));
        }
    }
    Ok(edit)
}

fn write_edit(edit: &Edit) -> String {
    let mut parts = Vec::new();
    match edit.exclude {
        Some(true) => parts.push("x".to_string()),
        Some(false) => parts.push("i".to_string()),
        None => {}
    }
    if let Some(n) = edit.defer_quarters {
        parts.push(format!("d{n}"));
    }
    if let Some(n) = edit.extend_quarters {
        parts.push(format!("e{n}"));
    }
    if let Some(budget) = edit.budget {
        parts.push(format!("b{}", budget.millions().normalize()));
    }
    if let Some(profile) = edit.profile {
        parts.push(format!("p:{}", profile.key()));
    }
    parts.join(",")
}

/// The number a link gives a project, a category or a department, as [`read_id`]
/// reads it, refused as a problem of the pair `key=written`.
fn parse_id<T: std::str::FromStr>(
    key: &str,
    written: &str,
    absent: fn(String) -> LinkReason,
) -> Result<T, LinkProblem> {
    read_id(written, absent).map_err(|reason| problem(key, written, reason))
}

/// Reads the number a link gives a project, a category or a department (surrounding
/// whitespace ignored), or says why it is not one: the one reading of such a number,
/// for the scenario's edits here and for the screens' pairs that name one (the
/// projects filter's `dept=`). A whole number (at most a field's 40 characters) too
/// large or too small for the ids there can be (`dept=999999`, past a `u16`) names
/// something the data does not have, as any other absent id is named (`absent`):
/// such a number was once said not to be a number, while `dept=99` named department
/// 99. Digits longer than a field takes are too long for a number, as a field says
/// (audit 36: a thousand nines were "not a number"). A number with a fraction is not
/// whole; anything else is not a number.
pub fn read_id<T: std::str::FromStr>(written: &str, absent: fn(String) -> LinkReason) -> Result<T, LinkReason> {
    let text = written.trim();
    text.parse().map_err(|_| {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        // A number with a fraction (`17.0`, `17.5`) is a number, just not an id's
        // (audit 14: "“17.0” … is not a number").
        let fraction = || text.len() <= MAX_ID_CHARS && text.parse::<Decimal>().is_ok();
        if all_digits && text.len() > MAX_ID_CHARS {
            LinkReason::TooLongForANumber
        } else if all_digits {
            absent(text.to_string())
        } else if fraction() {
            LinkReason::NotWhole
        } else {
            LinkReason::NotANumber
        }
    })
}

/// An id as [`parse_id`] read it: one no data can have (past what the ids hold) is
/// named as any other absent one and its edit dropped alone (`None`); one that is not
/// a number refuses the whole pair.
fn beyond_any_data<T>(
    read: Result<T, LinkProblem>,
    absent: &mut Absent,
    key: &str,
    value: &str,
    item: &str,
) -> Result<Option<T>, LinkProblem> {
    match read {
        Ok(id) => Ok(Some(id)),
        Err(refused)
            if matches!(
                refused.reason,
                LinkReason::NoSuchProject { .. }
                    | LinkReason::NoSuchCategory { .. }
                    | LinkReason::NoSuchDepartment { .. }
            ) =>
        {
            absent.push_reason(key, value, item, refused.reason);
            Ok(None)
        }
        Err(refused) => Err(refused),
    }
}

/// The longest whole number [`parse_id`] names as an id the data lacks: a field's.
const MAX_ID_CHARS: usize = 40;

fn parse_selector(key: &str, text: &str) -> Result<Selector, LinkProblem> {
    if text == "all" {
        return Ok(Selector::All);
    }
    if let Some(theme) = text.strip_prefix("theme.") {
        return Theme::from_key(theme)
            .map(|theme| Selector::Theme { theme })
            .ok_or_else(|| problem(key, text, LinkReason::UnknownName));
    }
    if let Some(order) = text.strip_prefix("dept.") {
        let order: usize = parse_id(key, order, |number| LinkReason::NoSuchDepartment { number })
            .map_err(|refused| problem(key, text, refused.reason))?;
        // Departments are numbered in the paper's order from 1 in links, so `dept.0`
        // names a department no data has, as `dept.-1` does (it was once refused with
        // English words inside the Chinese notice).
        return order
            .checked_sub(1)
            .map(|index| Selector::Department { index })
            .ok_or_else(|| problem(key, text, LinkReason::NoSuchDepartment { number: "0".into() }));
    }
    Err(problem(key, text, LinkReason::Malformed))
}

fn write_selector(selector: &Selector) -> String {
    match selector {
        Selector::All => "all".to_string(),
        Selector::Theme { theme } => format!("theme.{}", theme.key()),
        // Written exactly, 1-based, even for an index no department has (one can come
        // from an imported file): `index + 1` would overflow at `usize::MAX`.
        Selector::Department { index } => format!("dept.{}", u128::try_from(*index).map_or(u128::MAX, |i| i + 1)),
        Selector::DepartmentZh { name } => format!("dept.{name}"),
    }
}

/// Splits `a:b;c:d` into pairs, refusing more than [`MAX_ITEMS`].
fn items<'a>(key: &str, value: &'a str) -> Result<Vec<(&'a str, &'a str)>, LinkProblem> {
    let list: Vec<&str> = value.split(';').map(str::trim).filter(|s| !s.is_empty()).collect();
    if list.len() > MAX_ITEMS {
        return Err(problem(key, value, LinkReason::TooMany));
    }
    list.into_iter().map(|item| item.split_once(':').ok_or_else(|| problem(key, item, LinkReason::Malformed))).collect()
}

/// Goes from a fragment's text (`#view=…&p=…`, with or without the `#`) to the
/// scenario it carries and every problem on the way, the pairs it could not read
/// included: the path of every link the app opens.
pub fn decode_link(text: &str) -> (LinkScenario, Vec<LinkProblem>) {
    decode_link_with(text, None)
}

/// [`decode_link`] for a link opened on `data`: also names every edit of a project,
/// department or category `data` does not have, or of a group no project of it is in
/// (the first [`MAX_NAMED_ABSENT`], the rest counted, after the other problems). Such
/// an edit is kept in the scenario, as [`decode_link`] keeps it, and changes nothing.
pub fn decode_link_in(text: &str, data: &Dataset) -> (LinkScenario, Vec<LinkProblem>) {
    decode_link_with(text, Some(&Known::of(data)))
}

fn decode_link_with(text: &str, known: Option<&Known>) -> (LinkScenario, Vec<LinkProblem>) {
    let fragment = read_fragment(text);
    let (mut decoded, mut problems, absent) = decode_with(&fragment.pairs, known);
    problems.extend(fragment.unread.iter().cloned());
    let unnamed = fragment.unread_count.saturating_sub(fragment.unread.len());
    if unnamed > 0 {
        // The pairs beyond those named are counted, as "… = N more".
        problems.push(problem("…", "", LinkReason::MoreUnread { count: unnamed }));
    }
    problems.extend(absent.into_problems());
    fragment.quote_as_written(&mut problems);
    // A link cut short still counts as one that meant to carry a scenario.
    decoded.any |= fragment.unread_count > 0;
    (decoded, problems)
}

/// Applies every scenario pair of `params` to the paper's baseline.
pub fn decode(params: &[(String, String)]) -> (LinkScenario, Vec<LinkProblem>) {
    // With no data to check against, the edits named as absent are only those past
    // any id data can have.
    let (decoded, mut problems, absent) = decode_with(params, None);
    problems.extend(absent.into_problems());
    (decoded, problems)
}

/// [`decode`], and, given what a dataset has, the edits that name what it does not.
fn decode_with(params: &[(String, String)], known: Option<&Known>) -> (LinkScenario, Vec<LinkProblem>, Absent) {
    let mut result = LinkScenario::default();
    let mut problems = Vec::new();
    let mut absent = Absent::default();
    // `slippage=on|off` is applied last, so it holds whatever order the pairs are in
    // (`slip=` and `delay=` alone turn slippage on).
    let mut slippage_switch = None;
    // The deferral rule, applied to the cap once every pair is read, so that `rule=`
    // may come before `cap=` in a hand-written link.
    let mut rule = None;
    let scenario = &mut result.scenario;
    // Each scenario key given, in the order first given: at most one entry per key.
    let mut given: Vec<Given> = Vec::new();
    for (key, value) in params {
        if !SCENARIO_KEYS.contains(&key.as_str()) {
            continue;
        }
        result.any = true;
        let at = given.iter().position(|g| g.key == key.as_str()).unwrap_or_else(|| {
            given.push(Given { key, times: 0, differ: false, first: value.trim(), last: "", used: None });
            given.len() - 1
        });
        if let Some(entry) = given.get_mut(at) {
            entry.times = entry.times.saturating_add(1);
            entry.differ |= value.trim() != entry.first;
            entry.last = value.trim();
        }
        // A value too long to read is not read at all: cutting it could turn it into
        // another valid value.
        if value.chars().nth(MAX_VALUE_CHARS).is_some() {
            problems.push(problem(key, value, LinkReason::TooLong));
            continue;
        }
        let value = value.trim();
        // A pair refused whole names nothing of its items as absent: "names project
        // No. -1 … its edit was ignored" beside "none of “p=” was applied" read as two
        // outcomes of one pair (audit 12).
        let absent_before = absent.mark();
        let outcome: Result<(), LinkProblem> = (|| {
            match key.as_str() {
                "profile" => {
                    scenario.default_profile =
                        Profile::from_key(value).ok_or_else(|| problem(key, value, LinkReason::UnknownName))?;
                }
                "slip" => {
                    scenario.slippage.share = parse_share(key, value)?;
                    scenario.slippage.enabled = true;
                }
                "delay" => {
                    let quarters = parse_quarters(key, value, 0)?;
                    scenario.slippage.quarters = u32::try_from(quarters).unwrap_or(0);
                    scenario.slippage.enabled = true;
                }
                "slippage" => {
                    slippage_switch = Some(match value {
                        "on" => true,
                        "off" => false,
                        _ => return Err(problem(key, value, LinkReason::UnknownName)),
                    });
                }
                MARKER_KEY => {
                    // Both markers are read: `too-large` is also what every link
                    // copied before `not-expressible` existed carries, whatever its
                    // reason, so it keeps its old words.
                    // Whether the other pairs applied is known only once they are
                    // all read, below.
                    let reason = Marker::from_value(value)
                        .map_or(LinkReason::UnknownName, |why| LinkReason::NotCarried { why, others_applied: false });
                    return Err(problem(key, value, reason));
                }
                "cost" => {
                    scenario.cost_change_pct = parse_decimal(
                        key,
                        value,
                        Decimal::from(MIN_COST_CHANGE_PCT),
                        Decimal::from(MAX_COST_CHANGE_PCT),
                        true,
                    )?;
                }
                "ceiling" => scenario.delegation.ceiling = Some(parse_money(key, value)?),
                "floor" => scenario.delegation.floor = Some(parse_money(key, value)?),
                "cap" => {
                    scenario.cap = Some(CashCap { amount: parse_money(key, value)?, rule: DeferralRule::default() })
                }
                "rule" => {
                    rule = Some(
                        DeferralRule::from_key(value).ok_or_else(|| problem(key, value, LinkReason::UnknownName))?,
                    );
                }
                "ongoing" => scenario.ongoing_budget_year = Some(parse_money(key, value)?),
                "retention" => {
                    scenario.retention = Some(parse_decimal(key, value, Decimal::ZERO, Decimal::ONE, false)?);
                }
                // A setting of the simulation sets up the default simulation around it
                // when the link has set up none before; one that cannot be read, none.
                "seed" | "runs" | "late" | "weights" | "overrun" => {
                    let mut simulation = result.simulation.clone().unwrap_or_default();
                    read_simulation_setting(&mut simulation, key, value)?;
                    result.simulation = Some(simulation);
                }
                "target" => scenario.allocation.scale_to = Some(parse_money(key, value)?),
                // A list pair is read whole before any of it applies, so a pair with
                // one bad item changes nothing and is reported, like any other pair.
                "p" => {
                    let mut edits = Vec::new();
                    for (written, edit) in items(key, value)? {
                        let id = parse_id(key, written, |number| LinkReason::NoSuchProject { number });
                        let parsed = parse_edit(key, edit)?;
                        if let Some(id) = beyond_any_data(id, &mut absent, key, value, &format!("{written}:{edit}"))? {
                            edits.push((ProjectEdit { id, edit: parsed }, written, edit));
                        }
                    }
                    // Repeated, the key may not carry more projects in all than one
                    // pair may.
                    let mut ids: Vec<u16> = scenario.projects.iter().map(|p| p.id).collect();
                    ids.extend(edits.iter().map(|(edit, _, _)| edit.id));
                    crate::order::sort_by_key(&mut ids, |id| *id);
                    ids.dedup();
                    if ids.len() > MAX_ITEMS {
                        return Err(problem(key, value, LinkReason::TooManyInAll));
                    }
                    // An edit of a project the data does not have is kept, and named.
                    for (edit, written, text) in &edits {
                        if let Some(reason) = known.and_then(|known| known.project(edit.id)) {
                            absent.push(key, value, &format!("{written}:{text}"), reason);
                        }
                    }
                    let edits = edits.into_iter().map(|(edit, _, _)| edit);
                    // Several edits of one project are laid over each other, lever by
                    // lever, as the engine lays them (see `Edit`).
                    for ProjectEdit { id, edit } in edits {
                        match scenario.projects.iter_mut().find(|p| p.id == id) {
                            Some(existing) => existing.edit.overlay(&edit),
                            None => scenario.projects.push(ProjectEdit { id, edit }),
                        }
                    }
                    crate::order::sort_by_key(&mut scenario.projects, |p| p.id);
                }
                "g" => {
                    let mut edits = Vec::new();
                    for (select, edit) in items(key, value)? {
                        let selector = parse_selector(key, select.trim());
                        let parsed = parse_edit(key, edit)?;
                        if let Some(select_by) =
                            beyond_any_data(selector, &mut absent, key, value, &format!("{select}:{edit}"))?
                        {
                            edits.push((GroupEdit { select: select_by, edit: parsed }, select, edit));
                        }
                    }
                    if scenario.groups.len().saturating_add(edits.len()) > MAX_ITEMS {
                        return Err(problem(key, value, LinkReason::TooManyInAll));
                    }
                    for (group, select, text) in &edits {
                        if let Some(reason) = known.and_then(|known| known.selector(&group.select)) {
                            absent.push(key, value, &format!("{select}:{text}"), reason);
                        }
                    }
                    scenario.groups.extend(edits.into_iter().map(|(group, _, _)| group));
                }
                "cat" => {
                    let mut edits = Vec::new();
                    for (written, spec) in items(key, value)? {
                        let id = parse_id(key, written, |number| LinkReason::NoSuchCategory { number });
                        let (amount, locked) = category_spec(spec);
                        let amount = (!amount.is_empty()).then(|| parse_money(key, amount)).transpose()?;
                        if let Some(id) = beyond_any_data(id, &mut absent, key, value, &format!("{written}:{spec}"))? {
                            edits.push((CategoryEdit { id, amount, locked }, written, spec));
                        }
                    }
                    for (edit, written, spec) in edits {
                        if let Some(reason) = known.and_then(|known| known.category(edit.id)) {
                            absent.push(key, value, &format!("{written}:{spec}"), reason);
                        }
                        scenario.allocation.categories.retain(|c| c.id != edit.id);
                        scenario.allocation.categories.push(edit);
                    }
                }
                _ => {}
            }
            Ok(())
        })();
        match outcome {
            Ok(()) => {
                if let Some(entry) = given.get_mut(at) {
                    entry.used = Some(value);
                }
            }
            // The readers above name the piece they refused; the notice quotes the
            // whole pair around it.
            Err(found) => {
                absent.rewind(absent_before);
                problems.push(problem_at(key, value, &found.value, found.reason));
            }
        }
    }
    // A rule orders what a cap defers: without a cap it is not applied, and named.
    match (rule, result.scenario.cap.as_mut()) {
        (Some(rule), Some(cap)) => cap.rule = rule,
        (Some(_), None) => {
            if let Some(value) = given.iter_mut().find(|g| g.key == "rule").and_then(|g| g.used.take()) {
                problems.push(problem("rule", value, LinkReason::NoCashCap));
            }
        }
        (None, _) => {}
    }
    // Thresholds that cross (a floor above the ceiling, each the link's or the data's)
    // would make the engine refuse the whole scenario, every other pair of the link
    // with it: the link's thresholds are set aside instead, each named, and the rest
    // applies. Checked once every pair is read, as the two may come in either order.
    if let Some(known) = known {
        let levers = &result.scenario.delegation;
        let (ceiling, floor) = (levers.ceiling.unwrap_or(known.ceiling), levers.floor.unwrap_or(known.floor));
        if floor > ceiling {
            let mut set_aside = given
                .iter_mut()
                .filter(|g| matches!(g.key, "ceiling" | "floor"))
                .filter_map(|entry| entry.used.take().map(|value| (entry.key, value)));
            if let Some((key, value)) = set_aside.next() {
                let both_given = set_aside.next().is_some();
                problems.push(problem(key, value, LinkReason::ThresholdsCross { floor, ceiling, both_given }));
            }
            result.scenario.delegation = crate::engine::DelegationLevers::default();
        }
    }
    // A target the link's locked categories leave out of reach is kept, as the
    // Allocation screen keeps a target a later lock puts out of reach, and named.
    if let Some(refusal) = known.and_then(|known| known.scaling_refusal(&result.scenario.allocation)) {
        if let Some(value) = given.iter().find(|g| g.key == "target").and_then(|g| g.used) {
            problems.push(problem("target", value, LinkReason::ScalingRefused { refusal }));
        }
    }
    problems.extend(given.iter().filter_map(Given::problem));
    // A marker's notice says what is shown instead of the scenario: the paper alone, or
    // the paper with the other scenario pairs of a link edited by hand, which apply
    // whatever their order, so this is known only after every pair is read.
    let others_applied = given.iter().any(|g| g.key != MARKER_KEY && g.used.is_some());
    for problem in &mut problems {
        if let LinkReason::NotCarried { others_applied: applied, .. } = &mut problem.reason {
            *applied = others_applied;
        }
    }
    if let Some(enabled) = slippage_switch {
        result.scenario.slippage.enabled = enabled;
    }
    (result, problems, absent)
}

/// The scenario keys whose pairs all apply, however many there are: their edits are
/// laid over each other, so giving one twice loses nothing.
const LIST_KEYS: [&str; 3] = ["p", "g", "cat"];

/// A scenario key as a link gives it: how many times, whether with different values,
/// the last value given and the last one read without a problem (the one that applies).
struct Given<'a> {
    key: &'a str,
    times: usize,
    differ: bool,
    first: &'a str,
    last: &'a str,
    used: Option<&'a str>,
}

impl Given<'_> {
    /// A lever given more than once with different values, only one of which applies:
    /// named with that one. Not said when none applies (each is named for its own
    /// problem), nor of a list or the marker.
    fn problem(&self) -> Option<LinkProblem> {
        if self.times < 2 || !self.differ || LIST_KEYS.contains(&self.key) || self.key == MARKER_KEY {
            return None;
        }
        let used = self.used?;
        Some(problem(self.key, used, LinkReason::Repeated { times: self.times, last: used == self.last }))
    }
}

/// The pairs that describe `scenario` (and the simulation, if given: its seed always,
/// its other settings when not the defaults), omitting everything that equals the
/// baseline, so the paper's own scenario is an empty list.
pub fn encode(scenario: &Scenario, simulation: Option<&SimulationChoices>) -> Vec<(String, String)> {
    let baseline = Scenario::default();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |key: &str, value: String| pairs.push((key.to_string(), value));
    if scenario.default_profile != baseline.default_profile {
        push("profile", scenario.default_profile.key().to_string());
    }
    // Slippage turned off keeps its share and quarters (the risk screen's fields
    // still show them), so they are written too, with `slippage=off`.
    if scenario.slippage.enabled || scenario.slippage != baseline.slippage {
        push("slip", crate::entry::share_text(scenario.slippage.share));
        push("delay", scenario.slippage.quarters.to_string());
        if !scenario.slippage.enabled {
            push("slippage", "off".to_string());
        }
    }
    if scenario.cost_change_pct != Decimal::ZERO {
        push("cost", scenario.cost_change_pct.normalize().to_string());
    }
    if let Some(ceiling) = scenario.delegation.ceiling {
        push("ceiling", ceiling.millions().normalize().to_string());
    }
    if let Some(floor) = scenario.delegation.floor {
        push("floor", floor.millions().normalize().to_string());
    }
    if let Some(cap) = &scenario.cap {
        push("cap", cap.amount.millions().normalize().to_string());
        push("rule", cap.rule.key().to_string());
    }
    if let Some(ongoing) = scenario.ongoing_budget_year {
        push("ongoing", ongoing.millions().normalize().to_string());
    }
    if let Some(retention) = scenario.retention {
        push("retention", retention.normalize().to_string());
    }
    if let Some(target) = scenario.allocation.scale_to {
        push("target", target.millions().normalize().to_string());
    }
    if !scenario.allocation.categories.is_empty() {
        let list: Vec<String> = scenario
            .allocation
            .categories
            .iter()
            .map(|c| {
                let mut parts = Vec::new();
                if let Some(amount) = c.amount {
                    parts.push(amount.millions().normalize().to_string());
                }
                if c.locked {
                    parts.push("L".to_string());
                }
                format!("{}:{}", c.id, parts.join(","))
            })
            .collect();
        push("cat", list.join(";"));
    }
    if !scenario.projects.is_empty() {
        let list: Vec<String> = scenario.projects.iter().map(|p| format!("{}:{}", p.id, write_edit(&p.edit))).collect();
        push("p", list.join(";"));
    }
    if !scenario.groups.is_empty() {
        let list: Vec<String> =
            scenario.groups.iter().map(|g| format!("{}:{}", write_selector(&g.select), write_edit(&g.edit))).collect();
        push("g", list.join(";"));
    }
    if let Some(simulation) = simulation {
        push("seed", simulation.seed.to_string());
        if simulation.runs != DEFAULT_RUNS {
            push("runs", simulation.runs.to_string());
        }
        if let Some(late) = simulation.late_probability {
            push("late", crate::entry::share_text(late));
        }
        if simulation.delay_weights != DEFAULT_DELAY_WEIGHTS {
            push("weights", simulation.delay_weights.map(|w| w.to_string()).join(":"));
        }
        if let Some(overrun) = &simulation.overrun {
            let probability = crate::entry::share_text(overrun.probability);
            push("overrun", format!("{probability}:{}:{}", overrun.min_pct, overrun.max_pct));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{DeferralRule, Profile};

    fn pairs(text: &str) -> Vec<(String, String)> {
        text.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    #[track_caller]
    fn check(link: &str, problems: usize) {
        let (decoded, found) = decode(&pairs(link));
        assert_eq!(found.len(), problems, "{link}: {found:?}");
        let encoded = encode(&decoded.scenario, decoded.simulation.as_ref());
        let (again, none) = decode(&encoded);
        assert!(none.is_empty(), "{link}: re-decoding {encoded:?} gave {none:?}");
        assert_eq!(again.scenario, decoded.scenario, "{link} round trip");
        assert_eq!(again.simulation, decoded.simulation, "{link} round trip");
        assert_eq!(write(&decoded.scenario, decoded.simulation.as_ref()).fit, Fit::Exact, "{link} fits");
    }

    /// A category's edit as a link gives it: its amount and lock, or its problem.
    #[track_caller]
    fn check_category(spec: &str, expected: Result<(Option<&str>, bool), &str>) {
        let (decoded, problems) = decode(&pairs(&format!("cat=1:{spec}")));
        let found = match problems.as_slice() {
            [] => Ok(decoded
                .scenario
                .allocation
                .categories
                .first()
                .map(|c| (c.amount.map(|a| a.millions().normalize().to_string()), c.locked))),
            [problem] => Err(problem.to_string()),
            more => panic!("cat=1:{spec}: {more:?}"),
        };
        let expected =
            expected.map(|(amount, locked)| Some((amount.map(str::to_string), locked))).map_err(str::to_string);
        assert_eq!(found, expected, "cat=1:{spec}");
    }

    #[test]
    fn a_category_amount_is_one_amount_whose_commas_group_thousands() {
        check_category("300", Ok((Some("300"), false)));
        check_category("300,L", Ok((Some("300"), true)));
        check_category("L,300", Ok((Some("300"), true)));
        check_category("L", Ok((None, true)));
        // Read as its field reads it: these were once read part by part, the last
        // part winning, so `1,000` set the category to HK$0M without a word.
        check_category("1,000", Ok((Some("1000"), false)));
        check_category("1,000,L", Ok((Some("1000"), true)));
        check_category("1,000.5, L", Ok((Some("1000.5"), true)));
        check_category("1,500", Ok((Some("1500"), false)));
        // A decimal comma is said as its field says it.
        check_category("12,5", Err(r#"cat="1:12,5" at "12,5" has a comma that does not separate thousands"#));
        check_category("300,0", Err(r#"cat="1:300,0" at "300,0" has a comma that does not separate thousands"#));
        check_category("300,L,L", Err(r#"cat="1:300,L,L" at "300,L" has a comma that does not separate thousands"#));
    }

    #[test]
    fn a_typed_fraction_is_written_short() {
        let (decoded, problems) = decode(&pairs("slip=1/3&delay=2"));
        assert!(problems.is_empty());
        let written = encode(&decoded.scenario, None);
        assert!(written.contains(&("slip".to_string(), "1/3".to_string())), "{written:?}");
    }

    #[test]
    fn links_decode_and_round_trip() {
        check("", 0);
        check("profile=even&slip=0.5&delay=2&cost=-10&ceiling=20&floor=0.5&cap=1000&rule=most_cash&seed=42", 0);
        check("slip=1/3", 0);
        check("slip=33%", 0);
        check("slip=69/210&delay=1", 0);
        check("slip=1/0", 1);
        check("p=17:d2,x;42:b5.5,p:back_loaded;3:e1&g=theme.technology_refresh:d1;dept.2:d3", 0);
        check("g=all:x&p=17:i", 0);
        check("cat=1:300,L;2:150&target=1000&ongoing=800&retention=0.8", 0);
        check("profile=sideways&slip=2&delay=x&cost=abc&ceiling=-1", 5);
        check("p=17:q9&g=planet.mars:d1&cat=x:1", 3);
        check("rule=largest&cap=900", 0);
        check(&format!("p={}", "1:d1;".repeat(1000)), 1);
        check("slip=<script>alert(1)</script>", 1);
        check("slip=0.5&delay=3&slippage=off", 0);
        check("slippage=off&slip=0.5", 0);
        check("slippage=sideways", 1);
        // Numbers as their fields read them: full-width forms, a cost's `%`, a seed's
        // `,`; an amount finer than a dollar is refused.
        check(
            "cap=１０．５&cost=５％&delay=２&seed=７１０&slip=３３％&retention=０．８&p=1:b１０．５,d－２&cat=1:３００",
            0,
        );
        check("cap=10.1234567&ceiling=0.0000001&p=1:b1.0000001&cat=1:1.1234567", 4);
        check("cap=10.1234560&seed=+5", 0);
    }

    /// A link's number reads as its field reads it (`entry`), with a refusal named.
    #[test]
    fn a_links_numbers_read_as_typed_in_their_fields() {
        let (decoded, problems) = decode_link("#cap=１０．５&cost=5%25&delay=２&seed=1,000");
        assert_eq!(problems, vec![]);
        let scenario = &decoded.scenario;
        assert_eq!(
            (
                scenario.cap.as_ref().map(|c| c.amount),
                scenario.cost_change_pct,
                scenario.slippage.quarters,
                decoded.simulation.map(|s| s.seed)
            ),
            (Money::parse_millions("10.5").ok(), Decimal::from(5), 2, Some(1000))
        );
        check_in("#cap=10.1234567", &["cap=\"10.1234567\" has more than 6 decimals"]);
        check_in("#p=1:b10.1234567", &["p=\"1:b10.1234567\" at \"10.1234567\" has more than 6 decimals"]);
        check_in("#delay=1.5&cost=5%25%25", &["delay=\"1.5\" is not a whole number", "cost=\"5%%\" is not a number"]);
        // A number in scientific notation is said to be one, as a field says it.
        check_in(
            "#cost=1e3&ceiling=1E9",
            &[
                "cost=\"1e3\" is written in scientific notation (write 1000, not 1e3)",
                "ceiling=\"1E9\" is written in scientific notation (write 1000, not 1e3)",
            ],
        );
    }

    #[test]
    fn slippage_turned_off_keeps_its_values() {
        let mut scenario = Scenario::default();
        scenario.slippage.share = Decimal::new(5, 1);
        scenario.slippage.quarters = 3;
        let written = write(&scenario, None);
        assert_eq!(written.fit, Fit::Exact);
        assert!(written.pairs.contains(&("slippage".to_string(), "off".to_string())), "{:?}", written.pairs);
        // The switch holds in whatever order the pairs come.
        let (decoded, _) = decode(&pairs("slippage=off&slip=0.5&delay=3"));
        assert_eq!(decoded.scenario, scenario);
    }

    #[test]
    fn several_edits_of_one_project_are_laid_over_each_other() {
        let (decoded, problems) = decode(&pairs("p=17:d2;17:b5&p=17:x"));
        assert!(problems.is_empty());
        let edit = Edit {
            exclude: Some(true),
            defer_quarters: Some(2),
            budget: Some(Money::from_whole_millions(5)),
            ..Edit::default()
        };
        assert_eq!(decoded.scenario.projects, vec![ProjectEdit { id: 17, edit }]);
    }

    #[test]
    fn the_baseline_encodes_to_nothing() {
        assert!(encode(&Scenario::default(), None).is_empty());
        assert_eq!(write(&Scenario::default(), None), Written { pairs: Vec::new(), fit: Fit::Exact });
        let (decoded, problems) = decode(&pairs("view=projects&lang=en"));
        assert!(problems.is_empty() && !decoded.any);
    }

    /// The longest edit the app's fields can give one project.
    fn longest_edit() -> Edit {
        Edit {
            exclude: Some(true),
            defer_quarters: Some(-MAX_SHIFT_QUARTERS),
            extend_quarters: Some(-MAX_SHIFT_QUARTERS),
            budget: Money::parse_millions("999999999.99").ok(),
            profile: Some(Profile::FrontLoaded),
        }
    }

    fn every_project(count: u16, edit: &Edit) -> Scenario {
        let projects = (1..=count).map(|id| ProjectEdit { id, edit: edit.clone() }).collect();
        Scenario { projects, ..Scenario::default() }
    }

    #[test]
    fn every_paper_project_edited_the_longest_way_fits_in_a_link() {
        let mut scenario = every_project(254, &longest_edit());
        scenario.cost_change_pct = Decimal::new(-12_345, 3);
        scenario.cap =
            Some(CashCap { amount: Money::from_whole_millions(900), rule: DeferralRule::LargestBudgetYearCashFirst });
        let simulation = SimulationChoices {
            seed: u64::MAX,
            runs: MAX_RUNS - 1,
            late_probability: Some(Decimal::new(123_456_789, 9)),
            delay_weights: [MAX_DELAY_WEIGHT; MAX_DELAY_QUARTERS],
            overrun: Some(OverrunSettings {
                probability: Decimal::new(999, 3),
                min_pct: 999,
                max_pct: MAX_OVERRUN_PCT,
            }),
        };
        let written = write(&scenario, Some(&simulation));
        assert_eq!(written.fit, Fit::Exact);
        // Through the fragment's text, as the app writes and reads it.
        let text = format!("#view=projects&lang=zh&{}", fragment_text(&written.pairs).trim_start_matches('#'));
        let (decoded, problems) = decode_link(&text);
        assert_eq!(problems, vec![]);
        assert_eq!((decoded.scenario, decoded.simulation), (scenario, Some(simulation)));
    }

    #[test]
    fn a_scenario_a_link_cannot_carry_is_written_as_the_marker_of_why() {
        let marker = |why: Marker| vec![(MARKER_KEY.to_string(), why.value().to_string())];
        // More edits than a link carries.
        let many =
            write(&every_project(MAX_ITEMS as u16 + 1, &Edit { defer_quarters: Some(1), ..Edit::default() }), None);
        assert_eq!((many.pairs.clone(), many.fits()), (marker(Marker::TooLarge), false));
        assert!(matches!(many.fit, Fit::TooLarge { items: 301, .. }), "{:?}", many.fit);
        // Longer than a link carries (an imported dataset's thousands of projects).
        let long = write(&every_project(2000, &longest_edit()), None);
        assert!(matches!(long.fit, Fit::TooLarge { chars, .. } if chars > MAX_SCENARIO_CHARS), "{:?}", long.fit);
        assert_eq!(long.pairs, marker(Marker::TooLarge));
        // A department named, as an imported file may name it.
        let named = Scenario {
            groups: vec![GroupEdit {
                select: Selector::DepartmentZh { name: "政府資訊科技總監辦公室".into() },
                edit: longest_edit(),
            }],
            ..Scenario::default()
        };
        let not_expressible = Written { pairs: marker(Marker::NotExpressible), fit: Fit::NotExpressible };
        assert_eq!(write(&named, None), not_expressible);
        // A lever outside what a link accepts (from a file; the engine refuses it too):
        // small, so it must not be said to be too large.
        let far = every_project(1, &Edit { defer_quarters: Some(400), ..Edit::default() });
        assert_eq!(write(&far, None), not_expressible);
        let costly = Scenario { cost_change_pct: Decimal::from(5000), ..Scenario::default() };
        assert_eq!(write(&costly, None), not_expressible);
        // An amount finer than a dollar (from a file), which a link refuses as its
        // field does.
        let fine = Scenario { ongoing_budget_year: Money::parse_millions("817.0000001").ok(), ..Scenario::default() };
        assert_eq!(write(&fine, None), not_expressible);
        // Opening either marker gives the paper and says why, as the marker says it.
        for (scenario, why) in [(&many, Marker::TooLarge), (&write(&costly, None), Marker::NotExpressible)] {
            let (decoded, problems) = decode(&scenario.pairs);
            assert!(decoded.any);
            assert_eq!(decoded.scenario, Scenario::default());
            assert_eq!(
                problems.iter().map(|p| p.reason.clone()).collect::<Vec<_>>(),
                [LinkReason::NotCarried { why, others_applied: false }]
            );
        }
    }

    #[test]
    fn an_opened_marker_says_why_it_carries_no_scenario() {
        // Links copied before the second marker existed read as they always did.
        check_in(
            "#view=risk&scenario=too-large",
            &["scenario=\"too-large\" marks a scenario that was too large for a link; none was carried"],
        );
        check_in(
            "#view=risk&scenario=not-expressible",
            &["scenario=\"not-expressible\" marks a scenario holding a value a link cannot carry; none was carried"],
        );
        check_in("#scenario=huge", &["scenario=\"huge\" is not a known name"]);
        // A link edited by hand may hold other scenario pairs beside the marker: they
        // apply, in whatever order they come, and the marker's words say so.
        let applied = "scenario=\"too-large\" marks a scenario that was too large for a link; it was not carried, and the link's other settings were applied to the paper";
        check_in("#scenario=too-large&cost=10", &[applied]);
        check_in("#cost=10&scenario=too-large", &[applied]);
        assert_eq!(decode_link("#scenario=too-large&cost=10").0.scenario.cost_change_pct, Decimal::TEN);
        check_in(
            "#scenario=too-large&cost=abc",
            &[
                "scenario=\"too-large\" marks a scenario that was too large for a link; none was carried",
                "cost=\"abc\" is not a number",
            ],
        );
        assert_eq!(Fit::Exact.marker(), None);
        for why in [Marker::TooLarge, Marker::NotExpressible] {
            assert_eq!(Marker::from_value(why.value()), Some(why));
        }
    }

    /// A link with `count` edits `N:x,b999999999` after a pad of `pad` characters.
    fn padded_link(pad: usize, count: u16) -> String {
        let edits: Vec<String> = (1..=count).map(|id| format!("{id}:x,b999999999")).collect();
        format!("#view=projects&q={}&p={}", "a".repeat(pad), edits.join(";"))
    }

    #[test]
    fn a_long_link_never_turns_a_value_into_another_number() {
        let full = Money::from_whole_millions(999_999_999);
        let edits_length = padded_link(0, 254).len() - "#view=projects&q=&p=".len();
        // The limit falls on every character of the `p=` pair in turn.
        let first_cut = MAX_FRAGMENT_CHARS - edits_length - "view=projects&q=&p=".len();
        for pad in (first_cut..first_cut + edits_length + 2).step_by(5) {
            let (decoded, problems) = decode_link(&padded_link(pad, 254));
            let projects = &decoded.scenario.projects;
            assert!(projects.iter().all(|p| p.edit.budget == Some(full)), "pad {pad}: a budget changed");
            if projects.len() == 254 {
                assert_eq!(problems, vec![], "pad {pad}");
            } else {
                assert!(projects.is_empty(), "pad {pad}: {} of 254 edits", projects.len());
                assert_eq!(
                    problems.iter().map(|p| (p.key.as_str(), &p.reason)).collect::<Vec<_>>(),
                    [("p", &LinkReason::Unread)]
                );
            }
        }
    }

    #[test]
    fn a_value_too_long_to_read_is_not_read_at_all() {
        let value = format!("1:b{}", "9".repeat(MAX_VALUE_CHARS));
        let (decoded, problems) = decode(&[("p".to_string(), value)]);
        assert!(decoded.any && decoded.scenario.projects.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems.first().map(|p| (&p.reason, p.value.chars().count())),
            Some((&LinkReason::TooLong, MAX_SHOWN_CHARS + 1))
        );
    }

    /// A pair longer than the fragment's limit by itself could never be read: it is
    /// said to be too long, where it was said to come after the limit; the pairs that
    /// do come after it still are.
    #[test]
    fn a_pair_too_long_for_any_link_is_said_to_be_too_long() {
        let nines = |count: usize| "9".repeat(count);
        let too_long = format!("p=\"1:b{}…\" is longer than 32768 characters and was not read", nines(37));
        let after = |key: &str| format!("{key} lies beyond the first 32768 characters of the link and was not read");
        for (link, expected) in [
            (format!("#view=cashflow&p=1:b{}&cost=5", nines(40_000)), vec![too_long.clone(), after("cost")]),
            (format!("#view=cashflow&cost=5&p=1:b{}", nines(MAX_VALUE_CHARS)), vec![too_long.clone()]),
            // A pair that fits the limit alone, but not after the others, comes after it.
            (format!("#view=cashflow&q={}&p=1:b{}", nines(20_000), nines(20_000)), vec![after("p")]),
            // At the limit: a pair of exactly 32,768 characters is read, one longer is not.
            (format!("#x={}", nines(MAX_FRAGMENT_CHARS - 2)), vec![]),
            (
                format!("#x={}", nines(MAX_FRAGMENT_CHARS - 1)),
                vec![format!("x=\"{}…\" is longer than 32768 characters and was not read", nines(40))],
            ),
        ] {
            check_in(&link, &expected.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    #[test]
    fn pairs_beyond_the_limit_are_named_then_counted() {
        let pairs: String = (0..20).map(|n| format!("k{n}=v&")).collect();
        let text = format!("#x={}&{pairs}", "y".repeat(MAX_FRAGMENT_CHARS));
        let (decoded, problems) = decode_link(&text);
        assert!(decoded.any, "a cut link meant to carry something");
        assert_eq!(problems.len(), MAX_UNREAD_NAMED + 1);
        let last = problems.last().map(|p| (p.key.as_str(), &p.reason));
        assert_eq!(last, Some(("…", &LinkReason::MoreUnread { count: 5 })));
    }

    /// A key repeated beyond the limit is named once, and its other pairs counted.
    #[test]
    fn a_key_repeated_beyond_the_limit_is_named_once() {
        let text = format!("#x={}&{}k=v", "y".repeat(MAX_FRAGMENT_CHARS), "cost=5&".repeat(4_000));
        let (_, problems) = decode_link(&text);
        let named: Vec<(&str, &LinkReason)> = problems.iter().map(|p| (p.key.as_str(), &p.reason)).collect();
        assert_eq!(
            named,
            [
                ("x", &LinkReason::TooLong),
                ("cost", &LinkReason::Unread),
                ("k", &LinkReason::Unread),
                ("…", &LinkReason::MoreUnread { count: 3_999 }),
            ]
        );
    }

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    /// A link opened on the paper's data: its problems, as `key=value reason`.
    #[track_caller]
    fn check_in(link: &str, expected: &[&str]) {
        let (decoded, problems) = decode_link_in(link, &paper());
        let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(found, expected, "{link}");
        // Whatever names what the data does not have is kept, exactly as without it.
        assert_eq!(decode_link(link).0, decoded, "{link}");
    }

    /// A link's simulation and its problems.
    #[track_caller]
    fn check_simulation(link: &str, expected: Option<SimulationChoices>, problems: &[&str]) {
        let (decoded, found) = decode_link(link);
        assert_eq!(decoded.simulation, expected, "{link}");
        assert_eq!(found.iter().map(ToString::to_string).collect::<Vec<_>>(), problems, "{link}");
    }

    #[test]
    fn a_link_carries_every_setting_of_the_simulation() {
        let set_up = SimulationChoices::every_setting_changed();
        check_simulation("#seed=42&runs=5,000&late=40%&weights=1:1:1:1&overrun=0.2:5:30", Some(set_up.clone()), &[]);
        assert_eq!(
            fragment_text(&encode(&Scenario::default(), Some(&set_up))),
            "#seed=42&runs=5000&late=0.4&weights=1:1:1:1&overrun=0.2:5:30"
        );
        // A setting alone sets up the default simulation around it; the defaults
        // alone write the seed, which says the simulation was set up.
        check_simulation("#runs=１００", Some(SimulationChoices { runs: 100, ..SimulationChoices::default() }), &[]);
        assert_eq!(fragment_text(&encode(&Scenario::default(), Some(&SimulationChoices::default()))), "#seed=710");
        check_simulation("#cost=5", None, &[]);
    }

    #[test]
    fn a_simulation_setting_no_field_accepts_is_named_and_the_rest_applies() {
        let seeded = Some(SimulationChoices::with_seed(3));
        check_simulation("#seed=3&runs=0", seeded.clone(), &["runs=\"0\" must be between 1 and 100000"]);
        check_simulation("#seed=3&runs=100001", seeded.clone(), &["runs=\"100001\" must be between 1 and 100000"]);
        check_simulation("#seed=3&late=1.5", seeded.clone(), &["late=\"1.5\" must be between 0 and 1"]);
        check_simulation(
            "#seed=3&weights=0:0:0:0",
            seeded.clone(),
            &["weights=\"0:0:0:0\" gives no delay a weight above 0"],
        );
        check_simulation("#seed=3&weights=1:2:3", seeded.clone(), &["weights=\"1:2:3\" is not in the expected form"]);
        check_simulation(
            "#seed=3&weights=1:2:3:1001",
            seeded.clone(),
            &["weights=\"1:2:3:1001\" at \"1001\" must be between 0 and 1000"],
        );
        check_simulation(
            "#seed=3&overrun=0.1:30:5",
            seeded.clone(),
            &["overrun=\"0.1:30:5\" puts the smallest overrun above the largest"],
        );
        check_simulation("#seed=3&overrun=0.1:5", seeded, &["overrun=\"0.1:5\" is not in the expected form"]);
    }

    /// A link with thresholds opened on the paper's data: the thresholds and cost
    /// change it applies, and its problems.
    #[track_caller]
    fn check_thresholds(link: &str, expected: (Option<&str>, Option<&str>, &str), problems: &[&str]) {
        let (decoded, found) = decode_link_in(link, &paper());
        let delegation = &decoded.scenario.delegation;
        let shown = |amount: Option<Money>| amount.map(|m| m.format(1));
        assert_eq!(
            (shown(delegation.ceiling), shown(delegation.floor), decoded.scenario.cost_change_pct.to_string()),
            (expected.0.map(String::from), expected.1.map(String::from), expected.2.to_string()),
            "{link}"
        );
        assert_eq!(found.iter().map(ToString::to_string).collect::<Vec<_>>(), problems, "{link}");
    }

    #[test]
    fn thresholds_that_cross_are_set_aside_and_the_rest_of_the_link_applies() {
        check_thresholds("#ceiling=5&floor=5&cost=10", (Some("5.0"), Some("5.0"), "10"), &[]);
        check_thresholds(
            "#ceiling=0&floor=5&cost=10",
            (None, None, "10"),
            &["ceiling=\"0\" with the other threshold would put the floor (Money(5)) above the ceiling (Money(0)); the thresholds were ignored"],
        );
        // Against the paper's floor (HK$0.2M) or ceiling (HK$10M), in either order.
        check_thresholds(
            "#cost=10&ceiling=0.1",
            (None, None, "10"),
            &["ceiling=\"0.1\" would put the floor (Money(0.2)) above the ceiling (Money(0.1)); the thresholds were ignored"],
        );
        check_thresholds(
            "#floor=50",
            (None, None, "0"),
            &["floor=\"50\" would put the floor (Money(50)) above the ceiling (Money(10)); the thresholds were ignored"],
        );
        check_thresholds("#floor=12&ceiling=20", (Some("20.0"), Some("12.0"), "0"), &[]);
    }

    #[test]
    fn a_link_opened_on_the_data_names_what_the_data_does_not_have() {
        check_in("#view=projects&p=17:d2;42:x&g=dept.2:d1;theme.it_security:x;all:e1&cat=1:300,L;6:2", &[]);
        check_in("#view=projects&lang=en&p=999:x", &["p=\"999:x\" names project 999, which the data does not have"]);
        check_in(
            "#p=17:d2;0:x,b5;65535:i",
            &[
                "p=\"17:d2;0:x,b5;65535:i\" at \"0:x,b5\" names project 0, which the data does not have",
                "p=\"17:d2;0:x,b5;65535:i\" at \"65535:i\" names project 65535, which the data does not have",
            ],
        );
        check_in("#g=dept.99:x", &["g=\"dept.99:x\" names department 99, which the data does not have"]);
        check_in(
            "#g=dept.67:d1;dept.66:d1",
            &["g=\"dept.67:d1;dept.66:d1\" at \"dept.67:d1\" names department 67, which the data does not have"],
        );
        check_in(
            "#cat=99:5;0:1",
            &[
                "cat=\"99:5;0:1\" at \"99:5\" names category 99, which the data does not have",
                "cat=\"99:5;0:1\" at \"0:1\" names category 0, which the data does not have",
            ],
        );
        // A pair refused for its form is named for that alone: the pair as the link
        // gives it, and the piece refused.
        check_in(
            "#p=999:q&cat=x:1",
            &["p=\"999:q\" at \"q\" is not in the expected form", "cat=\"x:1\" at \"x\" is not a number"],
        );
        // After the first 16, the rest are counted.
        let many: Vec<String> = (1000..1040).map(|id| format!("{id}:x")).collect();
        let shown = format!("{}…", many.join(";").chars().take(MAX_SHOWN_CHARS).collect::<String>());
        let mut expected: Vec<String> = (1000..1016)
            .map(|id| format!("p={shown:?} at \"{id}:x\" names project {id}, which the data does not have"))
            .collect();
        expected.push("…=\"\" and 24 more edits name what the data does not have".to_string());
        check_in(&format!("#p={}", many.join(";")), &expected.iter().map(String::as_str).collect::<Vec<_>>());
        // What is shown is shortened as every problem is, and says so.
        let long = format!("999:b1,{}", "d1,".repeat(40));
        let (_, problems) = decode_link_in(&format!("#p={long}"), &paper());
        assert_eq!(problems.first().map(|p| p.value.chars().count()), Some(MAX_SHOWN_CHARS + 1));
    }

    /// A problem in a piece of a pair quotes the pair as the link gives it, and names
    /// the piece: `p=1:b-5` was once quoted as "p=-5".
    #[test]
    fn a_problem_quotes_its_pair_as_the_link_gives_it() {
        check_in("#p=1:b-5", &["p=\"1:b-5\" at \"-5\" must be between 0 and 1000000000"]);
        check_in("#p=17:d2;1:d99", &["p=\"17:d2;1:d99\" at \"99\" must be between -40 and 40"]);
        check_in("#p=1:p:sideways", &["p=\"1:p:sideways\" at \"p:sideways\" is not a known name"]);
        check_in("#g=planet.mars:d1", &["g=\"planet.mars:d1\" at \"planet.mars\" is not in the expected form"]);
        check_in("#cat=1:300,x", &["cat=\"1:300,x\" at \"300,x\" has a comma that does not separate thousands"]);
        check_in("#p=17:d2;5", &["p=\"17:d2;5\" at \"5\" is not in the expected form"]);
        // A problem with the whole value names no piece.
        check_in(
            "#cost=abc&p=1:x,b-5",
            &["cost=\"abc\" is not a number", "p=\"1:x,b-5\" at \"-5\" must be between 0 and 1000000000"],
        );
        check_in("#p=%201:b5000000000", &["p=\"1:b5000000000\" at \"5000000000\" must be between 0 and 1000000000"]);
    }

    /// Invisible characters of a link, and where each problem shows them: the key,
    /// the value and the part, escaped and still bounded.
    #[test]
    fn a_problem_shows_invisible_characters_as_escapes() {
        for (text, shown) in [
            ("plain 保安", "plain 保安"),
            ("a\u{0}b\u{1F}c\u{7F}d\u{85}e\u{9F}", "a[U+0000]b[U+001F]c[U+007F]d[U+0085]e[U+009F]"),
            ("x\u{202E}gpj.exe", "x[U+202E]gpj.exe"),
            ("\u{200B}\u{200F}\u{2066}\u{2069}\u{FEFF}\u{AD}", "[U+200B][U+200F][U+2066][U+2069][U+FEFF][U+00AD]"),
            ("line\nbreak\u{2028}\r", "line[U+000A]break[U+2028][U+000D]"),
            ("tag\u{E0041}\u{FE0F}", "tag[U+E0041][U+FE0F]"),
            // Visible spaces, marks and the replacement character stay as they are.
            ("\u{3000}\u{A0}é\u{FFFD}", "\u{3000}\u{A0}é\u{FFFD}"),
        ] {
            assert_eq!(shown_text(text), shown, "{text:?}");
        }
        // The bound counts the link's characters: forty, each written in at most ten,
        // and "…" for the rest.
        assert_eq!(shown_text(&"\u{202E}".repeat(100)), "[U+202E ×40]…");
        assert_eq!(shown_text("a\u{200B}\u{200B}b\u{200B}\u{202E}"), "a[U+200B ×2]b[U+200B][U+202E]");
        let (_, problems) = decode_link("#cost=1%E2%80%AE0&p=1:b%00&%1Bkey=%0A");
        let quoted: Vec<(&str, &str, Option<&str>)> =
            problems.iter().map(|p| (p.key.as_str(), p.value.as_str(), p.part.as_deref())).collect();
        assert_eq!(quoted, [("cost", "1[U+202E]0", None), ("p", "1:b[U+0000]", Some("[U+0000]"))]);
        let unknown = LinkProblem::new("\u{1B}key", "\n", LinkReason::UnknownKey { suggestion: None });
        assert_eq!((unknown.key.as_str(), unknown.value.as_str()), ("[U+001B]key", "[U+000A]"));
    }

    /// A link's cash cap, if any, as `(amount, rule)`.
    fn cap_of(link: &str) -> Option<(String, &'static str)> {
        decode_link(link).0.scenario.cap.map(|cap| (cap.amount.format(0), cap.rule.key()))
    }

    /// A deferral rule orders what a cash cap defers: `rule=` without a cap that
    /// applies is named, not dropped without a word, and no cap is made for it.
    #[test]
    fn a_rule_without_a_cap_is_named() {
        let not_applied = "rule=\"smallest\" was not applied: the link sets no cash cap";
        check_in("#view=cashflow&rule=smallest", &[not_applied]);
        assert_eq!(cap_of("#view=cashflow&rule=smallest"), None);
        check_in("#rule=smallest&cap=abc", &["cap=\"abc\" is not a number", not_applied]);
        assert_eq!(cap_of("#rule=smallest&cap=abc"), None);
        // Given twice, the rule read is named once, and not as given twice.
        check_in("#rule=largest&rule=smallest", &[not_applied]);
        // With a cap, in either order, the last rule read applies to it.
        for link in ["#rule=smallest&cap=900", "#cap=900&rule=smallest", "#rule=smallest&cap=abc&cap=900"] {
            assert_eq!(cap_of(link), Some(("900".to_string(), "smallest")), "{link}");
        }
        check_in(
            "#rule=smallest&cap=abc&cap=900",
            &["cap=\"abc\" is not a number", "cap=\"900\" is given 2 times; the last was read"],
        );
        assert_eq!(cap_of("#cap=900&rule=largest&cap=800&rule=bogus"), Some(("800".to_string(), "largest")));
    }

    /// A pair with no value is quoted as the link wrote it: `cap=` with its `=`, and
    /// `cap` as its key alone (both read as the key with an empty value).
    #[test]
    fn a_pair_with_no_value_is_quoted_as_the_link_wrote_it() {
        check_in(
            "#cap=&ceiling&p&profile=%20",
            &["cap=\"\" is not a number", "ceiling is not a number", "profile=\"\" is not a known name"],
        );
        // However many there are, each is quoted so (the work is done once per key).
        let (_, problems) = decode_link(&"&cap".repeat(MAX_FRAGMENT_CHARS / 4));
        assert_eq!(problems.len(), MAX_FRAGMENT_CHARS / 4);
        assert!(problems.iter().all(|p| p.key_only && p.to_string() == "cap is not a number"));
        // A pair beyond the limit is named by its key alone.
        check_in(
            &format!("#x={}&cost=5", "y".repeat(MAX_FRAGMENT_CHARS - 5)),
            &["cost lies beyond the first 32768 characters of the link and was not read"],
        );
    }

    /// A quote cut to [`MAX_SHOWN_CHARS`] characters of the link ends with "…", and
    /// only then: a quote once ended mid-value with no sign that the link went on.
    #[test]
    fn a_quote_cut_short_ends_with_an_ellipsis() {
        let forty = "9".repeat(MAX_SHOWN_CHARS);
        for (text, shown) in [
            (forty.clone(), forty.clone()),
            (format!("{forty}9"), format!("{forty}…")),
            ("保".repeat(MAX_SHOWN_CHARS + 1), format!("{}…", "保".repeat(MAX_SHOWN_CHARS))),
            ("\u{202E}".repeat(MAX_SHOWN_CHARS + 1), "[U+202E ×40]…".to_string()),
            // A megabyte is quoted as briefly as forty-one characters.
            ("9".repeat(1 << 20), format!("{forty}…")),
        ] {
            assert_eq!(shown_text(&text), shown, "{} characters", text.chars().count());
        }
        check_in(&format!("#cost={forty}"), &[format!("cost={forty:?} must be between -100 and 1000").as_str()]);
        check_in(
            &format!("#cost={forty}9"),
            &[format!("cost=\"{forty}…\" is too long for a number (over 40 characters)").as_str()],
        );
        // The piece named inside a long pair is cut the same way.
        check_in(
            &format!("#p=1:b{forty}9"),
            &[format!("p=\"1:b{}…\" at \"{forty}…\" is too long for a number (over 40 characters)", "9".repeat(37))
                .as_str()],
        );
        // And so is the key of a pair beyond the limit, however it is written.
        for key in ["k".repeat(500), "%E4%BF%9D".repeat(100)] {
            let (_, problems) = decode_link(&format!("#x={}&{key}=1", "y".repeat(MAX_FRAGMENT_CHARS - 10)));
            let shown = percent_decode(&key).chars().take(MAX_SHOWN_CHARS).collect::<String>();
            assert_eq!(problems.first().map(|p| p.key.clone()), Some(format!("{shown}…")));
        }
    }

    #[test]
    fn a_group_no_project_is_in_is_named() {
        // The paper's data without any IT security project, nor any of department 1's.
        let mut data = paper();
        data.projects.retain(|p| p.theme != Theme::ItSecurity && p.department != 0);
        let (_, problems) = decode_link_in("#g=theme.it_security:x;dept.1:d1;dept.2:d1", &data);
        let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "g=\"theme.it_security:x;dept.1:d1;dept.2:d1\" at \"theme.it_security:x\" matches no project of the data",
                "g=\"theme.it_security:x;dept.1:d1;dept.2:d1\" at \"dept.1:d1\" matches no project of the data"
            ]
        );
        let (_, problems) = decode_link_in("#g=all:x", &Dataset::empty());
        assert_eq!(problems.iter().map(|p| p.reason.clone()).collect::<Vec<_>>(), [LinkReason::MatchesNoProject]);
    }

    /// A lever given more than once with different values is named with the one value
    /// that applies, which is the one decoded.
    #[test]
    fn a_lever_given_twice_names_the_value_that_applies() {
        check_in("#cost=10&cost=20", &["cost=\"20\" is given 2 times; the last was read"]);
        assert_eq!(decode_link("#cost=10&cost=20").0.scenario.cost_change_pct, Decimal::from(20));
        // A value that cannot be read is skipped: the one before it applies.
        check_in(
            "#cost=10&cost=abc",
            &["cost=\"abc\" is not a number", "cost=\"10\" is given 2 times; the last that could be used was read"],
        );
        assert_eq!(decode_link("#cost=10&cost=abc").0.scenario.cost_change_pct, Decimal::TEN);
        check_in(
            "#profile=even&delay=2&profile=back_loaded&delay=3&delay=1",
            &[
                "profile=\"back_loaded\" is given 2 times; the last was read",
                "delay=\"1\" is given 3 times; the last was read",
            ],
        );
        // The same value twice loses nothing; nor do edits, which are laid over each
        // other; nor a value none of which can be used (each is named for itself).
        check_in("#cost=10&cost=10%20&p=17:d2&p=42:x&g=all:d1&g=all:e1&cat=1:300&cat=2:100", &[]);
        check_in("#seed=x&seed=y", &["seed=\"x\" is not a number", "seed=\"y\" is not a number"]);
        // A pair refused whole names none of its items as absent (audit 12).
        let (_, problems) = decode_link("#p=-1:x;17.0:x");
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems, ["p=\"-1:x;17.0:x\" at \"17.0\" is not a whole number"]);
        // Repeated, a list key carries no more edits in all than one pair may (audit 12:
        // 400 pairs `g=all:d1` were all applied, and the link written back was the
        // marker `scenario=too-large`, with no notice).
        let groups = vec!["g=all:d1"; MAX_ITEMS + 2].join("&");
        let too_many = "g=\"all:d1\" makes more than 300 edits with the pairs before it";
        check_in(&format!("#{groups}"), &[too_many, too_many]);
        assert_eq!(decode_link(&format!("#{groups}")).0.scenario.groups.len(), MAX_ITEMS);
        let ids =
            |range: std::ops::RangeInclusive<u16>| range.map(|id| format!("{id}:x")).collect::<Vec<_>>().join(";");
        let link = format!("#p={}&p={}&p={}", ids(1..=200), ids(101..=300), ids(250..=301));
        let (read, problems) = decode_link(&link);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [format!(
                "p=\"{}…\" makes more than 300 edits with the pairs before it",
                shown_text(&ids(250..=301)).chars().take(MAX_SHOWN_CHARS).collect::<String>()
            )]
        );
        assert_eq!(read.scenario.projects.len(), MAX_ITEMS);
        // A seed below zero is a number out of the seed's range; a minus sign copied
        // from a document is a minus.
        check_in("#seed=-1", &["seed=\"-1\" must be between 0 and 18446744073709551615"]);
        check_in("#seed=%E2%88%921", &["seed=\"\u{2212}1\" must be between 0 and 18446744073709551615"]);
        check_in("#cost=%E2%88%925", &[]);
    }

    /// The edits a link names that the data does not have are exactly those the
    /// engine warns of, for the paper's data.
    #[test]
    fn what_a_link_names_that_the_data_lacks_is_what_the_engine_ignores() {
        let data = paper();
        let engine = crate::engine::Engine::new(&data);
        for link in [
            "#p=17:d2;999:x&g=dept.99:x;theme.it_security:d1&cat=99:5;0:1;2:3",
            "#p=1:x;2:x;300:x;0:d1",
            "#g=all:x;dept.66:x;dept.67:x",
            "#cat=1:300,L;7:1",
        ] {
            let (decoded, problems) = decode_link_in(link, &data);
            let warnings = engine.as_ref().ok().and_then(|e| e.project(&decoded.scenario).ok()).map(|p| p.warnings);
            assert_eq!(warnings.map(|w| w.len()), Some(problems.len()), "{link}: {problems:?}");
        }
    }

    /// A department's number as a link gives it, read by [`read_id`] as a `u16`: the
    /// number, or why it is not used.
    #[track_caller]
    fn check_id(written: &str, expected: Result<u16, LinkReason>) {
        let department = |number| LinkReason::NoSuchDepartment { number };
        assert_eq!(read_id::<u16>(written, department), expected, "{written:?}");
    }

    /// A whole number too large for an id names an id the data does not have, as a
    /// number the data lacks does: `dept=999999` was once "not a number" while
    /// `dept=99` named department 99.
    #[test]
    fn an_id_too_large_for_its_type_is_one_the_data_does_not_have() {
        let absent = |number: &str| Err(LinkReason::NoSuchDepartment { number: number.to_string() });
        check_id("12", Ok(12));
        check_id(" 7 ", Ok(7));
        check_id("65535", Ok(u16::MAX));
        check_id("65536", absent("65536"));
        check_id("999999", absent("999999"));
        check_id(" 999999 ", absent("999999"));
        check_id(&"9".repeat(MAX_ID_CHARS), absent(&"9".repeat(MAX_ID_CHARS)));
        check_id("-1", absent("-1"));
        check_id("12.5", Err(LinkReason::NotWhole));
        check_id("abc", Err(LinkReason::NotANumber));
        check_id("", Err(LinkReason::NotANumber));
        // Longer than a field takes, it is too long for a number, as a field says.
        check_id(&"9".repeat(MAX_ID_CHARS + 1), Err(LinkReason::TooLongForANumber));
        check_id(&"-9".repeat(MAX_ID_CHARS), Err(LinkReason::NotANumber));
        // The scenario's own edits read their numbers the same way.
        check_in("#g=dept.999999:x", &["g=\"dept.999999:x\" names department 999999, which the data does not have"]);
    }

    #[test]
    fn a_megabyte_link_costs_nothing() {
        let text = format!("#p={}", "1:b9;".repeat(200_000));
        let (decoded, problems) = decode_link(&text);
        assert!(decoded.scenario.projects.is_empty());
        assert_eq!(problems.len(), 1);
    }
}
