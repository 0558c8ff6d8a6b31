//! What can go wrong with saved scenarios: text that cannot be read ([`StoreProblem`],
//! with the reason of one row, [`RowReason`]) and a change the store refuses
//! ([`Refusal`], naming what was not added). The reader's problems carry their words
//! here, where they are made; every other message about saving is in
//! `blockvote_present::storage`.

use super::limits::{MAX_BYTES, MAX_READ_SCENARIOS};
use super::{FORMAT, VERSION};
use crate::engine::LeverError;
use std::fmt;

/// Why a store (or one of its rows) could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreProblem {
    /// The text is longer than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// The text is not JSON.
    NotJson { line: usize, column: usize },
    /// The JSON is neither a store object nor a version-0 array.
    NotAStore,
    /// `format` is missing or not [`FORMAT`].
    WrongFormat,
    /// `version` is missing or not a whole number.
    BadVersion,
    /// Written by a newer blockvote.
    FutureVersion { found: u64 },
    /// `scenarios` is missing or not an array.
    NoScenarios,
    /// More than [`MAX_READ_SCENARIOS`] rows; the rest are not read.
    TooMany { count: usize },
    /// One row could not be used; the others still are.
    Row { index: usize, field: &'static str, reason: RowReason },
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
    /// The scenario's own JSON is not a scenario (serde's message, shortened).
    Invalid {
        detail: String,
    },
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
    /// The store already holds `MAX_SCENARIOS`; these were not added.
    Full { not_added: Vec<String> },
    /// The store would be larger than `MAX_WRITE_BYTES` (`bytes` with the change);
    /// these were not saved.
    TooLarge { bytes: usize, not_added: Vec<String> },
    /// The scenario is no longer saved (deleted, perhaps in another tab).
    Gone,
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

impl StoreProblem {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            StoreProblem::TooLarge { bytes } => {
                format!("檔案太大（{bytes} 位元組，上限 {MAX_BYTES}）")
            }
            StoreProblem::NotJson { line, column } => format!("不是有效的 JSON（第 {line} 行第 {column} 字）"),
            StoreProblem::NotAStore => "不是 blockvote 情景檔案".to_string(),
            StoreProblem::WrongFormat => format!("format 欄須為 \"{FORMAT}\""),
            StoreProblem::BadVersion => "version 欄須為整數".to_string(),
            StoreProblem::FutureVersion { found } => format!(
                "此檔案由較新版本的 blockvote 寫成（版本 {found}；本版本只讀到版本 {VERSION}），請用較新版本開啟"
            ),
            StoreProblem::NoScenarios => "scenarios 欄須為陣列".to_string(),
            StoreProblem::TooMany { count } => {
                format!("情景太多（{count} 個），只讀取首 {MAX_READ_SCENARIOS} 個")
            }
            StoreProblem::Row { index, field, reason } => {
                let why = match reason {
                    RowReason::Missing => "缺少".to_string(),
                    RowReason::WrongType { expected } => {
                        let expected = match *expected {
                            "object" => "物件",
                            "text" => "文字",
                            "whole number" => "整數",
                            other => other,
                        };
                        format!("類型不符（應為{expected}）")
                    }
                    RowReason::Empty => "是空的".to_string(),
                    RowReason::TooLong { max } => format!("超過 {max} 字"),
                    RowReason::TooMany { max } => format!("超過 {max} 項"),
                    RowReason::Invalid { detail } => format!("無效：{detail}"),
                };
                format!("第 {} 個情景的 {field} 欄{why}，已略過此情景", index + 1)
            }
            StoreProblem::UnknownField { scenario: None, field } => format!("不明欄位 {field}，已略過此欄"),
            StoreProblem::UnknownField { scenario: Some(at), field } => {
                format!("第 {} 個情景（{}）有不明欄位 {field}，已略過此欄", at.index + 1, at.name)
            }
            StoreProblem::LeverOutOfRange { scenario: at, error } => {
                let why = match error.as_ref() {
                    LeverError::OutOfRange { field, value, min, max } => {
                        format!("的調節 {field} 為 {value}，須介乎 {min} 至 {max}")
                    }
                    LeverError::FloorAboveCeiling { floor, ceiling } => {
                        format!("的下限（{floor} 百萬元）高於上限（{ceiling} 百萬元）")
                    }
                    LeverError::NotWhole { field, value } => format!("的調節 {field} 為 {value}，須為整數"),
                };
                format!("第 {} 個情景（{}）{why}；已匯入，但須先修改才能開啟", at.index + 1, at.name)
            }
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreProblem::TooLarge { bytes } => write!(f, "the file is too large ({bytes} bytes; the limit is {MAX_BYTES})"),
            StoreProblem::NotJson { line, column } => write!(f, "not valid JSON (line {line}, column {column})"),
            StoreProblem::NotAStore => write!(f, "not a blockvote scenarios file"),
            StoreProblem::WrongFormat => write!(f, "the format field must be \"{FORMAT}\""),
            StoreProblem::BadVersion => write!(f, "the version field must be a whole number"),
            StoreProblem::FutureVersion { found } => write!(
                f,
                "this file was written by a newer blockvote (version {found}; this one reads up to version {VERSION}); open it with a newer copy"
            ),
            StoreProblem::NoScenarios => write!(f, "the scenarios field must be an array"),
            StoreProblem::TooMany { count } => {
                write!(f, "too many scenarios ({count}); only the first {MAX_READ_SCENARIOS} are read")
            }
            StoreProblem::Row { index, field, reason } => {
                let why = match reason {
                    RowReason::Missing => "is missing".to_string(),
                    RowReason::WrongType { expected } => format!("has the wrong type (expected {expected})"),
                    RowReason::Empty => "is empty".to_string(),
                    RowReason::TooLong { max } => format!("is longer than {max} characters"),
                    RowReason::TooMany { max } => format!("has more than {max} entries"),
                    RowReason::Invalid { detail } => format!("is not valid: {detail}"),
                };
                write!(f, "scenario {}: {field} {why}; that scenario is skipped", index + 1)
            }
            StoreProblem::UnknownField { scenario: None, field } => write!(f, "unknown field {field}, ignored"),
            StoreProblem::UnknownField { scenario: Some(at), field } => {
                write!(f, "scenario {} ({}): unknown field {field}, ignored", at.index + 1, at.name)
            }
            StoreProblem::LeverOutOfRange { scenario: at, error } => write!(
                f,
                "scenario {} ({}): {error}; imported, but it will not open until that is changed",
                at.index + 1,
                at.name
            ),
        }
    }
}
