//! Saved scenarios: the versioned store format kept in the browser's storage and
//! exchanged as a JSON file, plus the CSV exports and the side-by-side comparison.
//!
//! The format (documented in `docs/storage.md`):
//!
//! ```json
//! { "format": "blockvote-scenarios", "version": 1,
//!   "scenarios": [ { "id": "s1", "name": "Ten per cent dearer",
//!                    "scenario": { "cost_change_pct": "10" }, "seed": 7 } ] }
//! ```
//!
//! Decoding treats the text as hostile, like `load.rs` and `link.rs`: a size limit,
//! names normalised (NFC, control characters removed) and length-limited and kept as
//! plain text, every unusable row reported with its index and field, and never a
//! panic. [`decode_lenient`] keeps every row it can read next to the problems;
//! [`decode`] refuses the text if there is any problem. Version 0 (a bare JSON array of
//! scenarios, before the envelope existed) is migrated; versions newer than
//! [`VERSION`] are refused with a message saying so, rather than half-read.

use crate::engine::Scenario;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// The `format` field of every store.
pub const FORMAT: &str = "blockvote-scenarios";
/// The version this code writes.
pub const VERSION: u64 = 1;
/// The largest text read (2 MiB); storage quotas are around 5 MB anyway.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most scenarios a store holds.
pub const MAX_SCENARIOS: usize = 200;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;

/// One named scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedScenario {
    /// Stable within a store; assigned by [`Store::ensure_ids`] when missing.
    pub id: String,
    /// Plain text, at most [`MAX_NAME_CHARS`] characters.
    pub name: String,
    pub scenario: Scenario,
    /// The Monte Carlo seed saved with it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// Every saved scenario, in the user's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    pub scenarios: Vec<SavedScenario>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u64,
    scenarios: &'a [SavedScenario],
}

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
    /// More than [`MAX_SCENARIOS`] rows; the rest are ignored.
    TooMany { count: usize },
    /// One row could not be used; the others still are.
    Row { index: usize, field: &'static str, reason: RowReason },
}

/// Why one row (scenario) could not be used.
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
    /// The scenario's own JSON is not a scenario (serde's message, shortened).
    Invalid {
        detail: String,
    },
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
                format!("情景太多（{count} 個），只讀取首 {MAX_SCENARIOS} 個")
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
                    RowReason::Invalid { detail } => format!("無效：{detail}"),
                };
                format!("第 {} 個情景的 {field} 欄{why}，已略過此情景", index + 1)
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
                write!(f, "too many scenarios ({count}); only the first {MAX_SCENARIOS} are read")
            }
            StoreProblem::Row { index, field, reason } => {
                let why = match reason {
                    RowReason::Missing => "is missing".to_string(),
                    RowReason::WrongType { expected } => format!("has the wrong type (expected {expected})"),
                    RowReason::Empty => "is empty".to_string(),
                    RowReason::TooLong { max } => format!("is longer than {max} characters"),
                    RowReason::Invalid { detail } => format!("is not valid: {detail}"),
                };
                write!(f, "scenario {}: {field} {why}; that scenario is skipped", index + 1)
            }
        }
    }
}

/// Decodes a store, refusing it if anything at all is wrong.
pub fn decode(text: &str) -> Result<Store, Vec<StoreProblem>> {
    let (store, problems) = decode_lenient(text);
    if problems.is_empty() {
        Ok(store)
    } else {
        Err(problems)
    }
}

/// Decodes a store, keeping every row that can be used and listing the problems.
/// Total: never panics, whatever the text.
pub fn decode_lenient(text: &str) -> (Store, Vec<StoreProblem>) {
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
    let rows = match migrate(value) {
        Ok(rows) => rows,
        Err(problem) => {
            problems.push(problem);
            return (Store::default(), problems);
        }
    };
    if rows.len() > MAX_SCENARIOS {
        problems.push(StoreProblem::TooMany { count: rows.len() });
    }
    let mut store = Store::default();
    for (index, row) in rows.into_iter().take(MAX_SCENARIOS).enumerate() {
        match decode_row(index, row) {
            Ok(saved) => store.scenarios.push(saved),
            Err(problem) => problems.push(problem),
        }
    }
    store.ensure_ids();
    (store, problems)
}

/// Brings any known version to version 1's rows (`{id, name, scenario, seed}` objects).
///
/// Version 0 was a bare array of scenario objects with no names; each becomes
/// "Scenario N 情景 N" with no id (ids are assigned afterwards).
pub fn migrate(value: Value) -> Result<Vec<Value>, StoreProblem> {
    match value {
        Value::Array(items) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, scenario)| {
                let mut row = Map::new();
                row.insert("name".into(), Value::String(format!("Scenario {0} 情景 {0}", index + 1)));
                row.insert("scenario".into(), scenario);
                Value::Object(row)
            })
            .collect()),
        Value::Object(mut object) => {
            if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
                return Err(StoreProblem::WrongFormat);
            }
            let version = object.get("version").and_then(Value::as_u64).ok_or(StoreProblem::BadVersion)?;
            if version > VERSION {
                return Err(StoreProblem::FutureVersion { found: version });
            }
            if version == 0 {
                // An envelope around version 0's array: migrate its contents.
                return match object.remove("scenarios") {
                    Some(array @ Value::Array(_)) => migrate(array),
                    _ => Err(StoreProblem::NoScenarios),
                };
            }
            match object.remove("scenarios") {
                Some(Value::Array(rows)) => Ok(rows),
                _ => Err(StoreProblem::NoScenarios),
            }
        }
        _ => Err(StoreProblem::NotAStore),
    }
}

fn decode_row(index: usize, row: Value) -> Result<SavedScenario, StoreProblem> {
    let problem = |field: &'static str, reason: RowReason| StoreProblem::Row { index, field, reason };
    let Value::Object(mut row) = row else {
        return Err(problem("scenario", RowReason::WrongType { expected: "object" }));
    };
    let name = match row.remove("name") {
        None | Some(Value::Null) => return Err(problem("name", RowReason::Missing)),
        Some(Value::String(name)) => clean_name(&name).map_err(|reason| problem("name", reason))?,
        Some(_) => return Err(problem("name", RowReason::WrongType { expected: "text" })),
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
    Ok(SavedScenario { id, name, scenario, seed })
}

/// A name as stored: NFC, control characters removed, whitespace collapsed at the
/// ends; refused if empty or longer than [`MAX_NAME_CHARS`]. Markup is kept as text:
/// it is the renderer's job (Leptos sets text, never HTML) to show it as typed.
pub fn clean_name(name: &str) -> Result<String, RowReason> {
    // Control characters go before normalising: one between a letter and a combining
    // mark would otherwise keep them apart through NFC and leave them apart once
    // removed, a name that is not NFC and changes the next time it is read.
    let cleaned: String = name.chars().filter(|c| !c.is_control()).nfc().collect::<String>().trim().to_string();
    if cleaned.is_empty() {
        return Err(RowReason::Empty);
    }
    if cleaned.chars().count() > MAX_NAME_CHARS {
        return Err(RowReason::TooLong { max: MAX_NAME_CHARS });
    }
    Ok(cleaned)
}

/// The first id `sN` with `N` counting up from `start` that `taken` does not hold,
/// and the number to try next. Past `u64::MAX` the count goes on from 1: an imported
/// id such as `s18446744073709551615` must not make the numbering overflow (a panic
/// in a checked build, a repeated id in the app's). It ends, since `taken` holds
/// finitely many ids.
fn unused_id(start: u64, taken: impl Fn(&str) -> bool) -> (String, u64) {
    let mut number = start;
    loop {
        let id = format!("s{number}");
        let next = number.checked_add(1).unwrap_or(1);
        if !taken(&id) {
            return (id, next);
        }
        number = next;
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

impl Store {
    /// Gives every scenario without a usable id (empty or repeated) a fresh one.
    pub fn ensure_ids(&mut self) {
        let mut kept = HashSet::new();
        let renew: Vec<bool> =
            self.scenarios.iter().map(|saved| saved.id.is_empty() || !kept.insert(saved.id.clone())).collect();
        let mut next = self.next_number();
        for (saved, renew) in self.scenarios.iter_mut().zip(renew) {
            if renew {
                let (id, after) = unused_id(next, |id| kept.contains(id));
                kept.insert(id.clone());
                saved.id = id;
                next = after;
            }
        }
    }

    /// A fresh id, `s` followed by a number no id in the store uses.
    pub fn fresh_id(&self) -> String {
        let taken: HashSet<&str> = self.scenarios.iter().map(|saved| saved.id.as_str()).collect();
        unused_id(self.next_number(), |id| taken.contains(id)).0
    }

    /// One past the largest `N` of the ids `sN`, where fresh numbering starts.
    fn next_number(&self) -> u64 {
        self.scenarios
            .iter()
            .filter_map(|s| s.id.strip_prefix('s').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .map_or(1, |n| n.saturating_add(1))
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == id)
    }

    pub fn by_name(&self, name: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// A name not yet used, from `base`: `base`, `base (2)`, `base (3)` …
    pub fn unused_name(&self, base: &str) -> String {
        if self.by_name(base).is_none() {
            return base.to_string();
        }
        let stem: String = base.chars().take(MAX_NAME_CHARS.saturating_sub(6)).collect();
        (2..10_000).map(|n| format!("{stem} ({n})")).find(|name| self.by_name(name).is_none()).unwrap_or(stem)
    }

    /// Adds or replaces scenarios from an import: a scenario whose name is already
    /// used replaces that one (keeping its id and place) if `replace_same_name`,
    /// otherwise it is added under an unused name. Returns how many were added and
    /// how many replaced.
    pub fn merge(&mut self, incoming: Vec<SavedScenario>, replace_same_name: bool) -> (usize, usize) {
        let (mut added, mut replaced) = (0, 0);
        for mut saved in incoming {
            if self.scenarios.len() >= MAX_SCENARIOS {
                break;
            }
            match self.scenarios.iter_mut().find(|s| s.name == saved.name) {
                Some(existing) if replace_same_name => {
                    existing.scenario = saved.scenario;
                    existing.seed = saved.seed;
                    replaced += 1;
                }
                _ => {
                    saved.name = self.unused_name(&saved.name);
                    saved.id = self.fresh_id();
                    self.scenarios.push(saved);
                    added += 1;
                }
            }
        }
        (added, replaced)
    }
}

/// The store as JSON text. `<` is written as `\u003c` so the text can be embedded in
/// an HTML `<script type="application/json">` block without ending it.
pub fn encode(store: &Store) -> String {
    let envelope = Envelope { format: FORMAT, version: VERSION, scenarios: &store.scenarios };
    serde_json::to_string_pretty(&envelope)
        .unwrap_or_else(|_| format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"scenarios\":[]}}"))
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `text` and checks how many scenarios were kept and the problems.
    #[track_caller]
    fn check(text: &str, kept: usize, expected: &[StoreProblem]) -> Store {
        let (store, problems) = decode_lenient(text);
        assert_eq!(problems, expected, "problems of {:?}", shorten(text, 200));
        assert_eq!(store.scenarios.len(), kept, "scenarios kept from {:?}", shorten(text, 200));
        store
    }

    fn row(index: usize, field: &'static str, reason: RowReason) -> StoreProblem {
        StoreProblem::Row { index, field, reason }
    }

    #[test]
    fn round_trip() {
        let scenario = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let store = Store {
            scenarios: vec![
                SavedScenario { id: "s1".into(), name: "Dearer 貴一成".into(), scenario, seed: Some(7) },
                SavedScenario { id: "s2".into(), name: "Paper".into(), scenario: Scenario::default(), seed: None },
            ],
        };
        let text = encode(&store);
        assert!(text.contains("\"format\": \"blockvote-scenarios\""));
        assert!(text.contains("\"version\": 1"));
        assert_eq!(decode(&text), Ok(store));
    }

    #[test]
    fn corrupt_json_and_wrong_shapes() {
        check("", 0, &[StoreProblem::NotJson { line: 1, column: 0 }]);
        check("{\"format\": \"blockvote-scen", 0, &[StoreProblem::NotJson { line: 1, column: 26 }]);
        check("garbage!!", 0, &[StoreProblem::NotJson { line: 1, column: 1 }]);
        check("42", 0, &[StoreProblem::NotAStore]);
        check("\"text\"", 0, &[StoreProblem::NotAStore]);
        check("{}", 0, &[StoreProblem::WrongFormat]);
        check(r#"{"format":"other","version":1,"scenarios":[]}"#, 0, &[StoreProblem::WrongFormat]);
        check(r#"{"format":"blockvote-scenarios","scenarios":[]}"#, 0, &[StoreProblem::BadVersion]);
        check(r#"{"format":"blockvote-scenarios","version":"1","scenarios":[]}"#, 0, &[StoreProblem::BadVersion]);
        check(r#"{"format":"blockvote-scenarios","version":-1,"scenarios":[]}"#, 0, &[StoreProblem::BadVersion]);
        check(r#"{"format":"blockvote-scenarios","version":1}"#, 0, &[StoreProblem::NoScenarios]);
        check(r#"{"format":"blockvote-scenarios","version":1,"scenarios":{}}"#, 0, &[StoreProblem::NoScenarios]);
        check(r#"{"format":"blockvote-scenarios","version":1,"scenarios":[]}"#, 0, &[]);
    }

    #[test]
    fn future_versions_are_refused_with_a_clear_message() {
        let problem = StoreProblem::FutureVersion { found: 2 };
        check(
            r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"name":"x","scenario":{}}]}"#,
            0,
            std::slice::from_ref(&problem),
        );
        assert!(problem.to_string().contains("newer blockvote"));
        assert!(problem.zh().contains("較新版本"));
    }

    #[test]
    fn version_0_is_migrated() {
        let store = check(r#"[{"cost_change_pct":"10"},{}]"#, 2, &[]);
        assert_eq!(store.scenarios[0].name, "Scenario 1 情景 1");
        assert_eq!(store.scenarios[0].scenario.cost_change_pct, rust_decimal::Decimal::TEN);
        assert_eq!(store.scenarios[1].scenario, Scenario::default());
        assert_eq!((store.scenarios[0].id.as_str(), store.scenarios[1].id.as_str()), ("s1", "s2"));
        check(r#"{"format":"blockvote-scenarios","version":0,"scenarios":[{}]}"#, 1, &[]);
        // A version-0 array with a bad element reports that element only.
        check(r#"[{}, 5]"#, 1, &[row(1, "scenario", RowReason::WrongType { expected: "object" })]);
    }

    #[test]
    fn rows_with_wrong_types_are_reported_and_the_rest_kept() {
        let text = r#"{"format":"blockvote-scenarios","version":1,"scenarios":[
            {"id":"s1","name":"good","scenario":{}},
            {"id":"s2","name":5,"scenario":{}},
            {"id":"s3","scenario":{}},
            {"id":"s4","name":"no scenario"},
            {"id":"s5","name":"bad lever","scenario":{"slippage":{"quarters":"many"}}},
            {"id":"s6","name":"bad seed","scenario":{},"seed":-3},
            {"id":7,"name":"bad id","scenario":{}},
            "not an object",
            {"id":"s9","name":"   ","scenario":{}},
            {"id":"s10","name":"list","scenario":[]}
        ]}"#;
        let (store, problems) = decode_lenient(text);
        assert_eq!(store.scenarios.len(), 1);
        let fields: Vec<(usize, &str)> = problems
            .iter()
            .filter_map(|p| match p {
                StoreProblem::Row { index, field, .. } => Some((*index, *field)),
                _ => None,
            })
            .collect();
        assert_eq!(
            fields,
            vec![
                (1, "name"),
                (2, "name"),
                (3, "scenario"),
                (4, "scenario"),
                (5, "seed"),
                (6, "id"),
                (7, "scenario"),
                (8, "name"),
                (9, "scenario")
            ]
        );
        assert!(problems[3].to_string().starts_with("scenario 5: scenario is not valid: "), "{}", problems[3]);
        assert!(decode(text).is_err());
    }

    #[test]
    fn huge_input_is_refused_without_parsing() {
        let huge = format!("[{}]", "{},".repeat(MAX_BYTES / 3 + 10));
        check(&huge, 0, &[StoreProblem::TooLarge { bytes: huge.len() }]);
        // Many rows within the size limit: the first MAX_SCENARIOS are kept.
        let many = format!("[{}{{}}]", "{},".repeat(MAX_SCENARIOS + 5));
        check(&many, MAX_SCENARIOS, &[StoreProblem::TooMany { count: MAX_SCENARIOS + 6 }]);
        // A long name is refused, not cut silently.
        let long = format!(
            r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{{"name":"{}","scenario":{{}}}}]}}"#,
            "長".repeat(MAX_NAME_CHARS + 1)
        );
        check(&long, 0, &[row(0, "name", RowReason::TooLong { max: MAX_NAME_CHARS })]);
        // Deep nesting is a JSON error, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let (_, problems) = decode_lenient(&deep);
        assert!(matches!(problems.as_slice(), [StoreProblem::NotJson { .. }]));
    }

    #[test]
    fn names_are_plain_text_and_markup_survives_as_typed() {
        let script = "<img src=x onerror=alert(1)>";
        let text = format!(
            r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{{"name":"{}","scenario":{{}}}},{{"name":"a\u0000b\nc","scenario":{{}}}}]}}"#,
            script.replace('"', "\\\"")
        );
        let store = check(&text, 2, &[]);
        assert_eq!(store.scenarios[0].name, script);
        assert_eq!(store.scenarios[1].name, "abc", "control characters are removed");
        let encoded = encode(&store);
        assert!(!encoded.contains('<'), "encoded text can sit in an HTML script block");
        assert_eq!(decode(&encoded), Ok(store));
        // NFC: a decomposed é becomes the composed one.
        assert_eq!(clean_name("e\u{301}"), Ok("\u{e9}".to_string()));
    }

    #[test]
    fn ids_are_assigned_and_deduplicated() {
        let store = check(
            r#"{"format":"blockvote-scenarios","version":1,"scenarios":[
                {"id":"s3","name":"a","scenario":{}},{"id":"s3","name":"b","scenario":{}},
                {"name":"c","scenario":{}},{"id":"<x>","name":"d","scenario":{}}]}"#,
            4,
            &[],
        );
        let ids: Vec<&str> = store.scenarios.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["s3", "s4", "s5", "x"]);
    }

    #[test]
    fn merging_asks_about_same_names() {
        let saved = |name: &str, pct: i64| SavedScenario {
            id: String::new(),
            name: name.into(),
            scenario: Scenario { cost_change_pct: pct.into(), ..Scenario::default() },
            seed: None,
        };
        let mut store = Store { scenarios: vec![SavedScenario { id: "s1".into(), ..saved("A", 1) }] };
        assert_eq!(store.merge(vec![saved("A", 2), saved("B", 3)], false), (2, 0));
        let names: Vec<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["A", "A (2)", "B"]);
        assert_eq!(store.merge(vec![saved("A", 9)], true), (0, 1));
        assert_eq!(store.scenarios[0].scenario.cost_change_pct, 9.into());
        assert_eq!(store.scenarios[0].id, "s1");
    }
}
