//! The store as JSON text, both ways, and the migration of older versions.
//!
//! Reading treats the text as hostile, like `load.rs` and `link.rs`: a size limit,
//! names and notes normalised (NFC, control characters removed) and length-limited
//! and kept as plain text, every unusable row reported with its index and field, and
//! never a panic. The bookkeeping a store keeps for merging tabs (revision stamps,
//! dates, deletions, what offline copies brought) is not the member's data: a
//! malformed piece of it is dropped without a word rather than costing a scenario.

use super::limits::{MAX_BYTES, MAX_ID_CHARS, MAX_READ_SCENARIOS, MAX_STAMP_CHARS};
use super::problem::{RowReason, StoreProblem};
use super::questions::read_questions;
use super::{clean_name, clean_note, SavedScenario, Store, Tombstone, FORMAT, VERSION};
use crate::engine::Scenario;
use crate::nfc::Normalizer;
use serde::Serialize;
use serde_json::{Map, Value};

/// Decodes a store, refusing it if anything at all is wrong. Names, notes and
/// questions are made NFC by `normalize`.
pub fn decode(text: &str, normalize: Normalizer) -> Result<Store, Vec<StoreProblem>> {
    let (store, problems) = decode_lenient(text, normalize);
    if problems.is_empty() {
        Ok(store)
    } else {
        Err(problems)
    }
}

/// Decodes a store, keeping every row that can be used and listing the problems.
/// Total: never panics, whatever the text. Names, notes and questions are made NFC by
/// `normalize`.
pub fn decode_lenient(text: &str, normalize: Normalizer) -> (Store, Vec<StoreProblem>) {
    let mut problems = Vec::new();
    if text.len() > MAX_BYTES {
        problems.push(StoreProblem::TooLarge { bytes: text.len() });
        return (Store::default(), problems);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            problems.push(StoreProblem::NotJson { line: error.line(), column: error.column() });
            return (Store::default(), problems);
        }
    };
    let migrated = match migrate(value) {
        Ok(migrated) => migrated,
        Err(problem) => {
            problems.push(problem);
            return (Store::default(), problems);
        }
    };
    if migrated.rows.len() > MAX_READ_SCENARIOS {
        problems.push(StoreProblem::TooMany { count: migrated.rows.len() });
    }
    let mut store = Store::default();
    for (index, row) in migrated.rows.into_iter().take(MAX_READ_SCENARIOS).enumerate() {
        match decode_row(index, row, normalize) {
            Ok(saved) => store.scenarios.push(saved),
            Err(problem) => problems.push(problem),
        }
    }
    store.ensure_ids();
    store.deleted = migrated.deleted.into_iter().filter_map(decode_tombstone).collect();
    store.absorbed = migrated.absorbed.into_iter().filter_map(|value| value.as_str().and_then(clean_stamp)).collect();
    store.tidy_bookkeeping(None);
    (store, problems)
}

/// The parts of a store of any known version, as version 2 keeps them.
#[derive(Debug, Default)]
pub struct Migrated {
    /// The scenarios, as `{id, name, note, scenario, seed, saved_at, rev}` objects.
    pub rows: Vec<Value>,
    /// The deletions remembered (version 2).
    pub deleted: Vec<Value>,
    /// The offline-copy scenarios brought in (version 2).
    pub absorbed: Vec<Value>,
}

/// Brings any known version to version 2's parts.
///
/// - Version 0 was a bare array of scenario objects with no names; each becomes
///   "Scenario N 情景 N" with no id (ids are assigned afterwards).
/// - Version 1 rows are version 2 rows without a note, a date or revision stamps; its
///   envelope has no deletions and no record of offline copies. Nothing is lost.
pub fn migrate(value: Value) -> Result<Migrated, StoreProblem> {
    match value {
        Value::Array(items) => Ok(Migrated {
            rows: items
                .into_iter()
                .enumerate()
                .map(|(index, scenario)| {
                    let mut row = Map::new();
                    row.insert("name".into(), Value::String(format!("Scenario {0} 情景 {0}", index + 1)));
                    row.insert("scenario".into(), scenario);
                    Value::Object(row)
                })
                .collect(),
            ..Migrated::default()
        }),
        Value::Object(mut object) => {
            if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
                return Err(StoreProblem::WrongFormat);
            }
            let version = object.get("version").and_then(Value::as_u64).ok_or(StoreProblem::BadVersion)?;
            if version > VERSION {
                return Err(StoreProblem::FutureVersion { found: version });
            }
            let rows = match object.remove("scenarios") {
                // An envelope around version 0's array: migrate its contents.
                Some(array @ Value::Array(_)) if version == 0 => return migrate(array),
                Some(Value::Array(rows)) => rows,
                _ => return Err(StoreProblem::NoScenarios),
            };
            let list = |value: Option<Value>| match value {
                Some(Value::Array(items)) if version >= 2 => items,
                _ => Vec::new(),
            };
            Ok(Migrated { rows, deleted: list(object.remove("deleted")), absorbed: list(object.remove("absorbed")) })
        }
        _ => Err(StoreProblem::NotAStore),
    }
}

fn decode_row(index: usize, row: Value, normalize: Normalizer) -> Result<SavedScenario, StoreProblem> {
    let problem = |field: &'static str, reason: RowReason| StoreProblem::Row { index, field, reason };
    let Value::Object(mut row) = row else {
        return Err(problem("scenario", RowReason::WrongType { expected: "object" }));
    };
    let name = match row.remove("name") {
        None | Some(Value::Null) => return Err(problem("name", RowReason::Missing)),
        Some(Value::String(name)) => clean_name(&name, normalize).map_err(|reason| problem("name", reason))?,
        Some(_) => return Err(problem("name", RowReason::WrongType { expected: "text" })),
    };
    let note = match row.remove("note") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(note)) => clean_note(&note, normalize).map_err(|reason| problem("note", reason))?,
        Some(_) => return Err(problem("note", RowReason::WrongType { expected: "text" })),
    };
    let id = match row.remove("id") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(id)) if id.chars().count() > MAX_ID_CHARS => {
            return Err(problem("id", RowReason::TooLong { max: MAX_ID_CHARS }))
        }
        Some(Value::String(id)) => id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect(),
        Some(_) => return Err(problem("id", RowReason::WrongType { expected: "text" })),
    };
    let scenario = match row.remove("scenario") {
        None | Some(Value::Null) => return Err(problem("scenario", RowReason::Missing)),
        Some(value @ Value::Object(_)) => serde_json::from_value::<Scenario>(value)
            .map_err(|error| problem("scenario", RowReason::Invalid { detail: shorten(&error.to_string(), 120) }))?,
        Some(_) => return Err(problem("scenario", RowReason::WrongType { expected: "object" })),
    };
    let seed = match row.remove("seed") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(seed) => Some(seed),
            None => return Err(problem("seed", RowReason::WrongType { expected: "whole number" })),
        },
        Some(_) => return Err(problem("seed", RowReason::WrongType { expected: "whole number" })),
    };
    let questions =
        read_questions(row.remove("questions"), normalize).map_err(|reason| problem("questions", reason))?;
    let saved_at = row.remove("saved_at").as_ref().and_then(Value::as_u64);
    let history = stamps(row.remove("rev"));
    Ok(SavedScenario { id, name, note, scenario, seed, saved_at, questions, history })
}

/// A list of revision stamps; anything malformed in it is left out.
fn stamps(value: Option<Value>) -> Vec<String> {
    let Some(Value::Array(items)) = value else { return Vec::new() };
    let mut kept: Vec<String> = Vec::new();
    for stamp in items.iter().filter_map(Value::as_str).filter_map(clean_stamp) {
        if !kept.contains(&stamp) {
            kept.push(stamp);
        }
    }
    kept.truncate(super::limits::MAX_HISTORY);
    kept
}

/// A stamp as stored, or `None` if it is not one: 1 to `MAX_STAMP_CHARS` letters,
/// digits, `.`, `-` or `_`.
fn clean_stamp(stamp: &str) -> Option<String> {
    let usable = !stamp.is_empty()
        && stamp.chars().count() <= MAX_STAMP_CHARS
        && stamp.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    usable.then(|| stamp.to_string())
}

fn decode_tombstone(value: Value) -> Option<Tombstone> {
    let Value::Object(mut object) = value else { return None };
    let id =
        object.remove("id")?.as_str().filter(|id| !id.is_empty() && id.chars().count() <= MAX_ID_CHARS)?.to_string();
    let at = object.remove("at").as_ref().and_then(Value::as_u64).unwrap_or(0);
    Some(Tombstone { id, history: stamps(object.remove("rev")), at })
}

pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u64,
    scenarios: &'a [SavedScenario],
    #[serde(skip_serializing_if = "<[Tombstone]>::is_empty")]
    deleted: &'a [Tombstone],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    absorbed: &'a [String],
}

/// The scenarios as a file (an export, an offline copy's block, the rescue file):
/// compact JSON without the store's record of deletions and offline copies, which
/// mean something only in the browser that keeps them. `<` is written as `\u003c` so
/// the text can sit in an HTML `<script type="application/json">` block.
pub fn encode(store: &Store) -> String {
    write(&Envelope { format: FORMAT, version: VERSION, scenarios: &store.scenarios, deleted: &[], absorbed: &[] })
}

/// The store as kept in the browser's storage: [`encode`] plus its record of deletions
/// and of offline copies brought in.
pub fn encode_stored(store: &Store) -> String {
    write(&Envelope {
        format: FORMAT,
        version: VERSION,
        scenarios: &store.scenarios,
        deleted: &store.deleted,
        absorbed: &store.absorbed,
    })
}

fn write(envelope: &Envelope) -> String {
    serde_json::to_string(envelope)
        .unwrap_or_else(|_| format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"scenarios\":[]}}"))
        .replace('<', "\\u003c")
}

/// How many bytes `row` takes in [`encode_stored`]'s text, with the comma before it.
pub(super) fn encoded_row_len(row: &SavedScenario) -> usize {
    let text = serde_json::to_string(row).unwrap_or_default();
    // Each `<` becomes the six bytes `\u003c`.
    text.len() + 5 * text.matches('<').count() + 1
}
