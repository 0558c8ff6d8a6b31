//! What can go wrong with saved scenarios: text that cannot be read ([`StoreProblem`],
//! with the reason of one row, [`RowReason`]) and a change the store refuses
//! ([`Refusal`], naming what was not added). Plain data: the words a member reads,
//! in both languages, are `blockvote_present::storage`'s, which names a lever by what
//! it is called on screen, not by its path in the file.

use crate::engine::{AllocationError, LeverError};
use crate::known::NotInData;

/// Why a store (or one of its rows) could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreProblem {
    /// The text is longer than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// The text is not JSON.
    NotJson { line: usize, column: usize },
    /// JSON, but with a number beyond what a 64-bit float holds (`1e400`), here.
    NumberTooLarge { line: usize, column: usize },
    /// The text gives half of a character (a lone UTF-16 surrogate, `\ud800`), first
    /// here; each such half is read as U+FFFD (�), and the rest is read.
    HalfCharacter { line: usize, column: usize },
    /// An object in the JSON gives `key` twice (`saved::json`): which of the two was
    /// meant cannot be told, so nothing is read rather than the last kept without a
    /// word. `line` and `column` are where the second key ends.
    RepeatedKey { key: String, line: usize, column: usize },
    /// The JSON is nested deeper than the reader goes ([`MAX_JSON_DEPTH`] lists or
    /// objects inside one another): no blockvote file is, so it is not read at all.
    TooDeep,
    /// The JSON is neither a store object nor a version-0 array.
    NotAStore,
    /// `format` is missing or not [`FORMAT`].
    WrongFormat,
    /// `version` is missing (`found` is `None`) or not a whole number from 0: `found`
    /// is the value as the file writes it, shortened (a text without its quotes, and
    /// `as_text` then).
    BadVersion { found: Option<String>, as_text: bool },
    /// Written by a newer blockvote.
    FutureVersion { found: u64 },
    /// `scenarios` is missing or not an array.
    NoScenarios,
    /// The file holds no scenario: an empty list (`[]`, if `bare_list`), or a
    /// scenarios file whose list of scenarios is empty. Said at an import, where
    /// nothing is imported then, so that the member is told why; not of the app's own
    /// storage, nor of an offline copy, which carries an empty list when nothing was
    /// saved.
    Empty { bare_list: bool },
    /// More than [`MAX_READ_SCENARIOS`] rows; the rest are not read.
    TooMany { count: usize },
    /// One row could not be used; the others still are. `name` is the row's name when
    /// it was read before the problem (every field but the name itself), so the member
    /// can tell which scenario of the file was skipped.
    Row { index: usize, name: Option<String>, field: &'static str, reason: RowReason },
    /// A field blockvote does not know (a misspelt lever, or a field of a newer
    /// blockvote) was ignored; the rest was read. `scenario` is `None` at the top of the
    /// file; `field` is named as in its row, or, inside the levers, by its path there
    /// (`slippage.shares`, `projects[0].edit.defer`), as the engine names levers.
    UnknownField { scenario: Option<ScenarioAt>, field: String },
    /// A scenario was read, but a lever is outside the range the engine accepts, so it
    /// will not open until that lever is changed (reported at an import and when an
    /// offline copy is opened, not when the app reads its own storage: see
    /// `codec::decode_import`). Boxed: the engine's error is larger than every other
    /// problem.
    LeverOutOfRange { scenario: ScenarioAt, error: Box<LeverError> },
    /// An edit of a scenario names a project, a category or a department the data
    /// shown does not have (`crate::known`, the check a link opened on the data makes).
    /// The scenario is imported as written, the edit with it: the scenario may be
    /// right for other data (a colleague's imported projects), the edit changes
    /// nothing here (the engine ignores it), and a file the app wrote reads back
    /// unchanged. `group` is the place (from 0) of the group edit that names a
    /// department. Named at an import and when an offline copy is opened, as
    /// [`StoreProblem::LeverOutOfRange`] is; at most
    /// [`MAX_NAMED_ABSENT`](crate::known::MAX_NAMED_ABSENT) of one scenario, the rest
    /// counted ([`StoreProblem::MoreNotInData`]).
    NotInData { scenario: ScenarioAt, group: Option<usize>, what: NotInData },
    /// The edits of one scenario naming what the data does not have beyond those named.
    MoreNotInData { scenario: ScenarioAt, count: usize },
    /// A scenario's scaling target cannot be reached on the data shown with its
    /// categories (`crate::known`, the check a link opened on the data makes): the
    /// scenario is imported as written, as the Allocation screen keeps such a target,
    /// and its categories are shown unscaled. Named where [`StoreProblem::NotInData`]
    /// is.
    ScalingRefused { scenario: ScenarioAt, refusal: AllocationError },
    /// A scenario's levers hold a value the reader cannot take (a number it cannot
    /// read, a choice it does not know …), so the scenario is skipped. `at` is the
    /// value's path in the levers, as the engine names levers (`cost_change_pct`,
    /// `groups[0].edit.defer_quarters`; empty when it could not be told), `value` the
    /// value as the file wrote it (empty for a list or an object), and `expected`
    /// what it had to be.
    Unreadable { scenario: ScenarioAt, at: String, value: String, expected: Expected },
}

/// The most lists and objects inside one another the JSON reader takes (serde_json's
/// recursion limit, 128, is reached at the 128th). A scenarios file is a few deep.
pub const MAX_JSON_DEPTH: usize = 127;

/// What a value the reader refused had to be, told from the reader's (serde's)
/// message, which is never shown ([`Expected::of`]), and from the value itself, so
/// that a number is never said not to be one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A number (an amount, a percentage, a share), written as text: `"12.5"`.
    Number,
    /// A number written as text, where the file wrote it as a number (`12.5`, not
    /// `"12.5"`): the refused value is the text to write.
    NumberAsText,
    /// A whole number within the field's type (quarters, an id).
    WholeNumber,
    /// A whole number written as a number, where the file wrote it as text (`"2"`,
    /// not `2`): the refused value is the number to write.
    WholeNumberNotText,
    /// A whole number written without a decimal point or an exponent, where the file
    /// wrote one with them (`2.0`, `1e3`): the refused value is the number to write.
    WholeNumberPlain,
    /// A number from `min` to `max` (as the engine checks the lever, or as the field's
    /// type holds it, in the lever's unit as the engine writes it: `-100`, `40`,
    /// `1,000,000,000`), where the file wrote a number outside them. (Boxed text, so
    /// that a problem stays small enough to return by value.)
    Within {
        min: Box<str>,
        max: Box<str>,
    },
    /// A number with no more digits than blockvote keeps exactly (about 28): the file's
    /// has more, and would be rounded to a number next to it.
    Exact,
    /// `true` or `false`.
    YesOrNo,
    /// One of the names blockvote knows (a spend profile, a theme, a deferral rule).
    Choice,
    Text,
    List,
    /// Anything else: an object of the wrong shape, a missing part.
    Other,
}

impl Expected {
    /// What serde's message says was expected.
    pub fn of(message: &str) -> Expected {
        const SAID: [(&str, Expected); 8] = [
            ("unknown variant", Expected::Choice),
            ("expected a Decimal", Expected::Number),
            ("expected u", Expected::WholeNumber),
            ("expected i32", Expected::WholeNumber),
            ("expected i64", Expected::WholeNumber),
            ("expected a boolean", Expected::YesOrNo),
            ("expected a string", Expected::Text),
            ("expected a sequence", Expected::List),
        ];
        SAID.iter().find(|(said, _)| message.contains(said)).map_or(Expected::Other, |(_, expected)| expected.clone())
    }
}

/// Which scenario of a text a problem is about: its place (from 0) and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioAt {
    pub index: usize,
    pub name: String,
}

/// Why one row (scenario), or a name or note typed for one, could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowReason {
    Missing,
    /// The value has the wrong type; `expected` says what was wanted.
    WrongType {
        expected: &'static str,
    },
    Empty,
    TooLong {
        max: usize,
    },
    /// A list with more than `max` entries (a scenario's questions).
    TooMany {
        max: usize,
    },
    /// The value cannot be read (a list of questions of the wrong shape, a question's
    /// key that is not usable).
    Invalid,
    /// A number outside the whole numbers `min` to `max` (a seed below zero, or beyond
    /// the largest a seed can be).
    OutOfRange {
        min: u64,
        max: u64,
    },
    /// The value holds a number beyond what a 64-bit float holds (`1e400`): the rest of
    /// the file is still read (`json::too_large_numbers_marked`).
    NumberTooLarge,
}

/// Why a change to the saved scenarios was not made. Nothing is changed then: the
/// scenario being edited stays on screen, unsaved, and the store stays as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The name typed cannot be used (empty, or too long).
    Name(RowReason),
    /// The note typed is too long.
    Note(RowReason),
    /// The questions are more, or longer, than the limits allow.
    Questions(super::questions::QuestionProblem),
    /// The store already holds `MAX_SCENARIOS` (`held`: more, for a store written by
    /// something else, which is read up to `MAX_READ_SCENARIOS`); these were not added.
    Full { not_added: Vec<String>, held: usize },
    /// The store would be larger than `MAX_WRITE_BYTES` (`bytes` with the change);
    /// these were not saved.
    TooLarge { bytes: usize, not_added: Vec<String> },
    /// The scenario is no longer saved (deleted, perhaps in another tab).
    Gone,
    /// A rename to the name another saved scenario has: refused at the field, where it
    /// used to become `name (2)` without a word.
    NameTaken { name: String },
}

/// A scenario an import or an offline copy brought that was not added, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAdded {
    pub name: String,
    pub why: NotAddedWhy,
}

/// Why a scenario was not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAddedWhy {
    /// The store holds `MAX_SCENARIOS` already.
    Full,
    /// Adding it would make the store larger than `MAX_WRITE_BYTES`.
    TooLarge,
}
