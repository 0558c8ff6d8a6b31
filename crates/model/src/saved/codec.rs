//! The store as JSON text, both ways, and the migration of older versions.
//!
//! Reading treats the text as hostile, like `load.rs` and `link.rs`: a size limit,
//! names and notes normalised (NFC, control characters removed) and length-limited
//! and kept as plain text, every unusable row reported with its index and field, and
//! never a panic. The bookkeeping a store keeps for merging tabs (revision stamps,
//! dates, deletions, what offline copies brought) is not the member's data: a
//! malformed piece of it is dropped without a word rather than costing a scenario.
//! A field the reader does not know (a misspelt lever, a field of a newer blockvote)
//! is ignored, so the rest still reads, but never without a word: it is listed as a
//! problem, and a stored text with problems is set aside before it is written again,
//! so the field is not lost either.

use super::json::{self, JsonError};
use super::limits::{MAX_BYTES, MAX_ID_CHARS, MAX_READ_SCENARIOS, MAX_STAMP_CHARS};
use super::problem::{Expected, RowReason, ScenarioAt, StoreProblem};
use super::questions::read_questions;
use super::{clean_name, clean_note, SavedScenario, Store, Tombstone, FORMAT, VERSION};
use crate::dataset::Dataset;
use crate::engine::monte_carlo::{SimulationChoices, SimulationFault, MAX_RUNS};
use crate::engine::{item_by_id, LeverError, Scenario};
use crate::known::{Known, MAX_NAMED_ABSENT};
use crate::nfc::Normalizer;
use crate::text::quoted;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

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
    read(text, normalize, Reading::Stored)
}

/// Decodes a file being imported on `data`, the data the screens show:
/// [`decode_lenient`], and, for each scenario, the levers the engine will refuse (a
/// lever out of range, or thresholds that cross with the data's) and every edit of a
/// project, a department or a category `data` does not have (`crate::known`, the
/// check a link opened on the data makes), each named. Such a scenario is imported
/// all the same, as it was written: the member changes a lever out of range, and an
/// edit `data` does not have changes nothing here but may be right for other data. A
/// file holding no scenario is said to hold none. Not for the app's own storage: a
/// scenario kept out of range would be reported, and the store set aside, at every
/// start.
pub fn decode_import(text: &str, normalize: Normalizer, data: &Dataset) -> (Store, Vec<StoreProblem>) {
    read(text, normalize, Reading::Import(&Known::of(data)))
}

/// Decodes the scenarios an offline copy carries (`offline::read_carried_scenarios`)
/// as [`decode_import`] decodes a file, but for a copy's empty list, which says
/// nothing is wrong: a copy made with nothing saved carries one.
pub(crate) fn decode_carried(text: &str, normalize: Normalizer, data: &Dataset) -> (Store, Vec<StoreProblem>) {
    read(text, normalize, Reading::Carried(&Known::of(data)))
}

/// What the text being read is, which says what the reader checks beyond reading it.
#[derive(Clone, Copy)]
enum Reading<'a> {
    /// The app's own storage: read as it is.
    Stored,
    /// A file being imported on the data shown.
    Import(&'a Known),
    /// An offline copy's scenarios, opened on the data shown.
    Carried(&'a Known),
}

impl<'a> Reading<'a> {
    /// The data each scenario is checked against, if it is checked.
    fn known(self) -> Option<&'a Known> {
        match self {
            Reading::Stored => None,
            Reading::Import(known) | Reading::Carried(known) => Some(known),
        }
    }
}

/// The fields of a row that the reader takes a scenario from, its name read first and
/// its levers (`scenario`) on their own, so that a lever holding a number too large to
/// read is named as any lever the reader refuses (the bookkeeping, `saved_at` and
/// `rev`, is dropped when it cannot be read).
const ROW_FIELDS: [&str; 5] = ["note", "id", "seed", "simulation", "questions"];

/// The longest unknown field name repeated in a problem; a longer one is cut.
const MAX_SHOWN_FIELD_CHARS: usize = 60;

fn read(text: &str, normalize: Normalizer, reading: Reading) -> (Store, Vec<StoreProblem>) {
    let mut problems = Vec::new();
    if text.len() > MAX_BYTES {
        problems.push(StoreProblem::TooLarge { bytes: text.len() });
        return (Store::default(), problems);
    }
    // A number too large to read refuses the whole text: marked, the text is read
    // again, and only what holds such a number is refused (see `decode_row`).
    let (parsed, text, too_large) = match json::parse(text) {
        Err(JsonError::NumberTooLarge { line, column }) => {
            let marked = json::too_large_numbers_marked(text);
            (json::parse(&marked), marked, Some(StoreProblem::NumberTooLarge { line, column }))
        }
        parsed => (parsed, std::borrow::Cow::Borrowed(text), None),
    };
    let text = text.as_ref();
    if let Some((line, column)) = json::first_lone_surrogate(text) {
        problems.push(StoreProblem::HalfCharacter { line, column });
    }
    let (value, salvaged) = match parsed {
        Ok(value) => (value, false),
        Err(error) => {
            let damaged = matches!(error, JsonError::NotJson { .. });
            problems.push(match error {
                JsonError::NotJson { line, column } => StoreProblem::NotJson { line, column },
                JsonError::TooDeep => StoreProblem::TooDeep,
                JsonError::NumberTooLarge { line, column } => StoreProblem::NumberTooLarge { line, column },
                JsonError::RepeatedKey { key, line, column } => {
                    StoreProblem::RepeatedKey { key: quoted(&key, MAX_SHOWN_FIELD_CHARS), line, column }
                }
            });
            // A damaged text (cut short when storage filled, or one character changed)
            // still holds the scenarios written in full before the damage: they are
            // read, and the problem above says where the damage is. The text itself is
            // set aside as it was by the caller, as for any problem.
            match damaged.then(|| json::salvage(text, "scenarios")).flatten() {
                Some(value) => (value, true),
                None => return (Store::default(), problems),
            }
        }
    };
    // A bare list is version 0's form; an empty one is also what a member might
    // choose by mistake (any JSON file holding `[]`).
    let bare_list = value.is_array();
    // A number too large to read in the envelope itself (its version, say) leaves
    // nothing to read: that number is the problem to tell, where it is.
    let envelope_too_large = value.as_object().is_some_and(|envelope| {
        envelope.iter().any(|(key, field)| {
            !matches!(key.as_str(), "scenarios" | "deleted" | "absorbed") && json::holds_too_large(field)
        })
    });
    if let (true, Some(problem)) = (envelope_too_large, too_large) {
        problems.push(problem);
        return (Store::default(), problems);
    }
    let migrated = match migrate(value) {
        // What was read before the damage is of no use (not a store, or no scenario
        // in it): the damage is the one problem to tell.
        Ok(migrated) if salvaged && migrated.rows.is_empty() => return (Store::default(), problems),
        Err(_) if salvaged => return (Store::default(), problems),
        Ok(migrated) => migrated,
        Err(problem) => {
            problems.push(problem);
            return (Store::default(), problems);
        }
    };
    problems.extend(migrated.unknown.into_iter().map(|field| StoreProblem::UnknownField { scenario: None, field }));
    if migrated.rows.is_empty() && matches!(reading, Reading::Import(_)) {
        problems.push(StoreProblem::Empty { bare_list });
    }
    if migrated.rows.len() > MAX_READ_SCENARIOS {
        problems.push(StoreProblem::TooMany { count: migrated.rows.len() });
    }
    let mut store = Store::default();
    for (index, row) in migrated.rows.into_iter().take(MAX_READ_SCENARIOS).enumerate() {
        match decode_row(index, row, normalize) {
            Ok((saved, unknown)) => {
                let at = || ScenarioAt { index, name: saved.name.clone() };
                problems.extend(
                    unknown.into_iter().map(|field| StoreProblem::UnknownField { scenario: Some(at()), field }),
                );
                if let Some(known) = reading.known() {
                    if let Err(error) = saved.scenario.check_ranges_with(Some((known.ceiling, known.floor))) {
                        problems.push(StoreProblem::LeverOutOfRange { scenario: at(), error: Box::new(error) });
                    }
                    let absent = known.absent_edits(&saved.scenario);
                    let more = absent.len().saturating_sub(MAX_NAMED_ABSENT);
                    problems.extend(
                        absent.into_iter().take(MAX_NAMED_ABSENT).map(|(group, what)| StoreProblem::NotInData {
                            scenario: at(),
                            group,
                            what: what.shown(),
                        }),
                    );
                    if more > 0 {
                        problems.push(StoreProblem::MoreNotInData { scenario: at(), count: more });
                    }
                    if let Some(refusal) = known.scaling_refusal(&saved.scenario.allocation) {
                        problems.push(StoreProblem::ScalingRefused { scenario: at(), refusal });
                    }
                }
                store.scenarios.push(saved);
            }
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
    /// The scenarios, as `{id, name, note, scenario, seed, simulation, saved_at, rev}`
    /// objects.
    pub rows: Vec<Value>,
    /// The deletions remembered (version 2).
    pub deleted: Vec<Value>,
    /// The offline-copy scenarios brought in (version 2).
    pub absorbed: Vec<Value>,
    /// The envelope's fields this version does not have, ignored.
    pub unknown: Vec<String>,
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
            let version = match object.get("version") {
                None | Some(Value::Null) => return Err(StoreProblem::BadVersion { found: None, as_text: false }),
                // A whole number written with a fraction or an exponent (`2.0`, `-0`)
                // is that number, as JSON means it and as a seed is read; `-0` is 0, the
                // sign of a zero not being part of its value.
                Some(Value::Number(number)) => {
                    let whole = number_value(number).filter(|v| v.fract().is_zero());
                    let whole = whole.map(|v| if v.is_zero() { Decimal::ZERO } else { v });
                    whole.and_then(|v| u64::try_from(v).ok()).ok_or_else(|| StoreProblem::BadVersion {
                        found: Some(quoted(&number.to_string(), MAX_SHOWN_FIELD_CHARS)),
                        as_text: false,
                    })?
                }
                Some(Value::String(text)) => {
                    let found = Some(quoted(text, MAX_SHOWN_FIELD_CHARS));
                    return Err(StoreProblem::BadVersion { found, as_text: true });
                }
                Some(other) => {
                    let found = Some(quoted(&other.to_string(), MAX_SHOWN_FIELD_CHARS));
                    return Err(StoreProblem::BadVersion { found, as_text: false });
                }
            };
            if version > VERSION {
                return Err(StoreProblem::FutureVersion { found: version });
            }
            // The bookkeeping lists are known in any version: version 1 had none, and lists of
            // those names in a version-1 file are ignored like malformed bookkeeping.
            const KNOWN: [&str; 5] = ["format", "version", "scenarios", "deleted", "absorbed"];
            let unknown: Vec<String> = object
                .iter()
                .filter(|(key, value)| !KNOWN.contains(&key.as_str()) && !holds_nothing(value))
                .map(|(key, _)| quoted(key, MAX_SHOWN_FIELD_CHARS))
                .collect();
            let rows = match object.remove("scenarios") {
                // An envelope around version 0's array: migrate its contents.
                Some(array @ Value::Array(_)) if version == 0 => {
                    return migrate(array).map(|migrated| Migrated { unknown, ..migrated })
                }
                Some(Value::Array(rows)) => rows,
                _ => return Err(StoreProblem::NoScenarios),
            };
            let list = |value: Option<Value>| match value {
                Some(Value::Array(items)) if version >= 2 => items,
                _ => Vec::new(),
            };
            Ok(Migrated {
                rows,
                deleted: list(object.remove("deleted")),
                absorbed: list(object.remove("absorbed")),
                unknown,
            })
        }
        _ => Err(StoreProblem::NotAStore),
    }
}

/// One row as a saved scenario, and the fields in it the reader did not know (the
/// row's own, then those inside its levers), or why it cannot be used.
fn decode_row(index: usize, row: Value, normalize: Normalizer) -> Result<(SavedScenario, Vec<String>), StoreProblem> {
    let unnamed = |field: &'static str, reason: RowReason| StoreProblem::Row { index, name: None, field, reason };
    let Value::Object(mut row) = row else {
        return Err(unnamed("scenario", RowReason::WrongType { expected: "object" }));
    };
    if row.get("name").is_some_and(json::holds_too_large) {
        return Err(unnamed("name", RowReason::NumberTooLarge));
    }
    let name = match row.remove("name") {
        None | Some(Value::Null) => return Err(unnamed("name", RowReason::Missing)),
        Some(Value::String(name)) => clean_name(&name, normalize).map_err(|reason| unnamed("name", reason))?,
        Some(_) => return Err(unnamed("name", RowReason::WrongType { expected: "text" })),
    };
    // A problem after the name names the scenario: filled in here, once, for all of them.
    let named = name.clone();
    decode_named(index, name, row, normalize).map_err(|mut problem| {
        if let StoreProblem::Row { name, .. } = &mut problem {
            *name = Some(named);
        }
        problem
    })
}

/// [`decode_row`] once the row's name is read: its problems leave the name for
/// `decode_row` to fill in.
fn decode_named(
    index: usize,
    name: String,
    mut row: Map<String, Value>,
    normalize: Normalizer,
) -> Result<(SavedScenario, Vec<String>), StoreProblem> {
    let problem = |field: &'static str, reason: RowReason| StoreProblem::Row { index, name: None, field, reason };
    // A number too large to read refuses the scenario, wherever in it; in the
    // bookkeeping (`saved_at`, `rev`) it is dropped as any unreadable bookkeeping is,
    // and in a field the reader does not know it is named with that field.
    if let Some(field) = ROW_FIELDS.into_iter().find(|field| row.get(*field).is_some_and(json::holds_too_large)) {
        return Err(problem(field, RowReason::NumberTooLarge));
    }
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
    let mut unknown_levers = Vec::new();
    let scenario = match row.remove("scenario") {
        None | Some(Value::Null) => return Err(problem("scenario", RowReason::Missing)),
        Some(value @ Value::Object(_)) => {
            let scenario = Scenario::deserialize(&value).map_err(|_| {
                let refused = refused_at(&value);
                let (value, expected) = refused.said();
                StoreProblem::Unreadable {
                    scenario: ScenarioAt { index, name: name.clone() },
                    at: refused.path,
                    value,
                    expected,
                }
            })?;
            // A number too large to read where the levers take any text (a
            // department's name) is refused with the levers, not read as text.
            if json::holds_too_large(&value) {
                return Err(problem("scenario", RowReason::NumberTooLarge));
            }
            let kept = serde_json::to_value(&scenario).unwrap_or(Value::Null);
            ignored_fields(&value, &kept, "", &mut unknown_levers);
            if let Some((path, text)) = rounded_number(&value, &kept, &mut Vec::new()) {
                return Err(StoreProblem::Unreadable {
                    scenario: ScenarioAt { index, name: name.clone() },
                    at: path,
                    value: quoted(text, MAX_SHOWN_VALUE_CHARS),
                    expected: Expected::Exact,
                });
            }
            scenario
        }
        Some(_) => return Err(problem("scenario", RowReason::WrongType { expected: "object" })),
    };
    let seed = match row.remove("seed") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(seed_of(&n).map_err(|reason| problem("seed", reason))?),
        Some(_) => return Err(problem("seed", RowReason::WrongType { expected: "whole number" })),
    };
    let settings = match row.remove("simulation") {
        None | Some(Value::Null) => None,
        Some(Value::Object(object)) => {
            Some(super::simulation::settings(&object).ok_or_else(|| problem("simulation", RowReason::Invalid))?)
        }
        Some(_) => return Err(problem("simulation", RowReason::WrongType { expected: "object" })),
    };
    let simulation = super::simulation::choices(seed, settings);
    // Settings no field accepts would only be refused when the simulation runs.
    // A number of runs is a whole number whose range the member can be told (audit 22:
    // 1,000,000,000 runs "could not be read"); the other settings are shares and lists.
    if let Some(fault) = simulation.as_ref().and_then(SimulationChoices::fault) {
        let reason = match fault {
            SimulationFault::Runs => RowReason::OutOfRange { min: 1, max: u64::from(MAX_RUNS) },
            _ => RowReason::Invalid,
        };
        return Err(problem(fault.field(), reason));
    }
    let questions =
        read_questions(row.remove("questions"), normalize).map_err(|reason| problem("questions", reason))?;
    let saved_at = row.remove("saved_at").as_ref().and_then(Value::as_u64);
    let history = stamps(row.remove("rev"));
    // Every field read has been taken out of the row: what is left, the reader does
    // not know (and names, unless it holds nothing, like a field inside the levers).
    let mut unknown: Vec<String> = row
        .iter()
        .filter(|(_, value)| !holds_nothing(value))
        .map(|(key, _)| quoted(key, MAX_SHOWN_FIELD_CHARS))
        .collect();
    unknown.extend(unknown_levers);
    Ok((SavedScenario { id, name, note, scenario, simulation, saved_at, questions, history }, unknown))
}

/// A seed as a file writes it: a whole number from 0 to `u64::MAX`. A number written
/// with a fraction or an exponent that is still a whole number below 2^53 (`7.0`,
/// `1e3`) is that number, as JSON means it; one below zero or beyond the range is out
/// of range, not of the wrong type, and a fraction is not whole.
fn seed_of(number: &Number) -> Result<u64, RowReason> {
    if let Some(seed) = number.as_u64() {
        return Ok(seed);
    }
    let out_of_range = RowReason::OutOfRange { min: 0, max: u64::MAX };
    if number.is_i64() {
        return Err(out_of_range);
    }
    // Whole numbers up to 2^53 are exact as a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match number.as_f64() {
        Some(value) if value.fract() != 0.0 => Err(RowReason::WrongType { expected: "whole number" }),
        Some(value) if (0.0..=EXACT).contains(&value) => Ok(value as u64),
        _ => Err(out_of_range),
    }
}

/// The longest refused value repeated in a problem; a longer one is cut.
pub(crate) const MAX_SHOWN_VALUE_CHARS: usize = 40;

/// One step of a path into a scenario's levers: a field, or an item of a list, with
/// the id it edits when it is an edit of a project or a category that gives a usable
/// one ([`listed_id`]).
enum Step<'a> {
    Field(&'a str),
    Item(usize, Option<u64>),
}

/// `value` inside a scenario at the end of `steps`, as the only value it holds (each
/// list holding one item).
fn nest(steps: &[Step], value: Value) -> Value {
    let mut probe = value;
    for step in steps.iter().rev() {
        probe = match step {
            Step::Field(key) => {
                // `insert`, not `from_iter`, which sorts: a sort's compiled copy costs
                // more of the wasm than the rest of this search.
                let mut field = Map::new();
                field.insert(key.to_string(), probe);
                Value::Object(field)
            }
            Step::Item(..) => Value::Array(vec![probe]),
        };
    }
    probe
}

/// The reader's message when a scenario holding only `value`, at the end of `steps`,
/// cannot be read.
fn refused_alone(steps: &[Step], value: &Value) -> Option<String> {
    Scenario::deserialize(&nest(steps, value.clone())).err().map(|error| error.to_string())
}

/// The id an item of a list of edits names its project or category by, if the list
/// is the projects' or the categories' and the id is one such an edit can have: the
/// path names the item by it ([`item_by_id`]), as the member knows it. An item whose
/// id is itself what was refused is named by its place.
fn listed_id(steps: &[Step], item: &Value) -> Option<u64> {
    let id = item.get("id")?.as_u64()?;
    let usable = match steps {
        [Step::Field("projects")] => u16::try_from(id).is_ok(),
        [Step::Field("allocation"), Step::Field("categories")] => u8::try_from(id).is_ok(),
        _ => false,
    };
    usable.then_some(id)
}

/// A value in a scenario's levers that the reader refused, found by [`refused_at`].
struct Refused<'a> {
    /// Its path, as the engine names levers (`groups[0].edit.defer_quarters`,
    /// `projects[id=17].edit.budget`); empty when it could not be told.
    path: String,
    value: &'a Value,
    /// The reader's message about it, never shown.
    message: String,
    /// The range the engine takes for it, if it is a lever the engine checks.
    range: Option<(String, String)>,
}

impl Refused<'_> {
    /// The value as a problem repeats it, and what it had to be: a number is never
    /// said not to be a number. A number the file wrote as a number where the format
    /// writes text (or the other way round) is said so, with the value to write; a
    /// number outside what the field takes is said to be, with the range.
    fn said(&self) -> (String, Expected) {
        let expected = Expected::of(&self.message);
        let within = |otherwise: Expected| {
            self.range
                .clone()
                .or_else(|| type_range(&self.message))
                .map_or(otherwise, |(min, max)| Expected::Within { min: min.into(), max: max.into() })
        };
        // A number too large to read (`json::too_large_numbers_marked`) is beyond the
        // lever's range, as a number beyond any decimal is, and not repeated.
        if self.value.as_str() == Some(json::TOO_LARGE) {
            let otherwise = if expected == Expected::WholeNumber { Expected::WholeNumber } else { Expected::Number };
            return (String::new(), within(otherwise));
        }
        match (expected, self.value) {
            (Expected::Number, Value::Number(n)) => match number_value(n) {
                Some(number) => (number.to_string(), Expected::NumberAsText),
                // Beyond any decimal the app can hold (`1e308`): it could not be
                // written as text either. It is not repeated, as that would bring
                // serde_json's float writer into the wasm for this alone.
                None => (String::new(), within(Expected::Number)),
            },
            (Expected::Number, Value::String(text)) if is_number_text(text) => {
                (quoted(text, MAX_SHOWN_VALUE_CHARS), within(Expected::Number))
            }
            // A whole number the reader refused is outside the field's type.
            (Expected::WholeNumber, Value::Number(n)) if n.is_i64() || n.is_u64() => {
                (number_value(n).map(|n| n.to_string()).unwrap_or_default(), within(Expected::WholeNumber))
            }
            // A whole number written with a point or an exponent (`2.0`, `1e3`), or a
            // fraction.
            (Expected::WholeNumber, Value::Number(n)) => match number_value(n) {
                Some(number) if number.fract().is_zero() => {
                    (number.normalize().to_string(), Expected::WholeNumberPlain)
                }
                number => (number.map(|n| n.to_string()).unwrap_or_default(), Expected::WholeNumber),
            },
            (Expected::WholeNumber, Value::String(text)) if text.trim().parse::<i64>().is_ok() => {
                (quoted(text.trim(), MAX_SHOWN_VALUE_CHARS), Expected::WholeNumberNotText)
            }
            (expected, Value::String(text)) => (quoted(text, MAX_SHOWN_VALUE_CHARS), expected),
            (expected, Value::Number(n)) => (n.as_i64().map(|n| n.to_string()).unwrap_or_default(), expected),
            (expected, Value::Bool(yes)) => (if *yes { "true" } else { "false" }.to_string(), expected),
            (expected, _) => (String::new(), expected),
        }
    }
}

/// A JSON number as a decimal, if one can hold it: a whole number exactly, a fraction
/// from its binary value to the digits it carries (`12.5`, `0.1`, not `0.1000000000
/// 000000055…`), by arithmetic, so that no float writer is brought into the wasm.
fn number_value(n: &Number) -> Option<Decimal> {
    if let Some(whole) = n.as_i64() {
        return Some(Decimal::from(whole));
    }
    if let Some(whole) = n.as_u64() {
        return Some(Decimal::from(whole));
    }
    n.as_f64().and_then(Decimal::from_f64)
}

/// Whether `text` is written as a number (`-12.5`, `1e308`): a sign, digits with at
/// most one point, and an exponent. Text the reader refused that is one is a number
/// too large (or too precise) for a decimal, not text that is no number. Spaces are
/// not part of a number here, as the reader takes none (`" 5 "` is not a number).
fn is_number_text(text: &str) -> bool {
    let text = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent.strip_prefix(['+', '-']).unwrap_or(exponent))),
        None => (text, None),
    };
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    digits(whole)
        && digits(fraction)
        && !(whole.is_empty() && fraction.is_empty())
        && exponent.is_none_or(|exponent| !exponent.is_empty() && digits(exponent))
}

/// The range the engine takes for the lever at `steps`, whose value the reader
/// refused with `message`: what the engine's own range check says of a scenario
/// holding only that lever, set beyond any range it takes, so that the range is the
/// engine's and no second list of ranges is kept. `None` where the engine checks no
/// range (an id).
fn lever_range(steps: &[Step], message: &str) -> Option<(String, String)> {
    let beyond = match Expected::of(message) {
        Expected::Number => Value::String(Decimal::MAX.to_string()),
        // Beyond every range of quarters, and within every whole-number type a lever
        // is kept in (`u32`, `i32`).
        Expected::WholeNumber => Value::from(i32::MAX),
        _ => return None,
    };
    match Scenario::deserialize(&nest(steps, beyond)).ok()?.check_ranges() {
        Err(LeverError::OutOfRange { min, max, .. }) => Some((min, max)),
        _ => None,
    }
}

/// The range of the whole-number type the reader's `message` says it expected (an
/// id's `u16`), for a field whose range the engine does not check.
fn type_range(message: &str) -> Option<(String, String)> {
    const TYPES: [(&str, &str, &str); 6] = [
        ("expected u8", "0", "255"),
        ("expected u16", "0", "65535"),
        ("expected u32", "0", "4294967295"),
        ("expected u64", "0", "18446744073709551615"),
        ("expected i32", "-2147483648", "2147483647"),
        ("expected i64", "-9223372036854775808", "9223372036854775807"),
    ];
    TYPES.iter().find(|(said, ..)| message.contains(said)).map(|(_, min, max)| (min.to_string(), max.to_string()))
}

/// Where in a scenario's levers (which the reader refused) the refused value is: its
/// path (as the engine names levers, `groups[0].edit.defer_quarters`, an edit of a
/// project or a category by the id it edits), the value, the reader's message about
/// it and the lever's range. Every field of a scenario has a default, so a field
/// fails alone exactly when its own value cannot be read: the search goes down the
/// first field (or list item) that fails alone, into a list or an object only where
/// an empty one would be read (a list of edits, an edit), and stops at a value no
/// part of which fails alone (a number, a choice of a group's projects, whose parts
/// mean nothing alone). Each level costs a copy of the value below it; levels are as
/// deep as a scenario's own, a few.
fn refused_at(levers: &Value) -> Refused<'_> {
    let mut steps: Vec<Step> = Vec::new();
    let mut node = levers;
    let mut message = String::new();
    'down: loop {
        let children: Vec<(Step, &Value)> = match node {
            Value::Object(fields) if refused_alone(&steps, &Value::Object(Map::new())).is_none() => {
                fields.iter().map(|(key, value)| (Step::Field(key), value)).collect()
            }
            Value::Array(items) if refused_alone(&steps, &Value::Array(Vec::new())).is_none() => items
                .iter()
                .enumerate()
                .map(|(index, value)| (Step::Item(index, listed_id(&steps, value)), value))
                .collect(),
            _ => break,
        };
        for (step, child) in children {
            steps.push(step);
            if let Some(said) = refused_alone(&steps, child) {
                (node, message) = (child, said);
                continue 'down;
            }
            steps.pop();
        }
        break;
    }
    let range = lever_range(&steps, &message);
    Refused { path: path_of(&steps), value: node, message, range }
}

/// A path into a scenario's levers as a problem names it, as the engine names levers:
/// `slippage.shares`, `groups[0].edit.defer_quarters`, `projects[id=17].edit.budget`.
fn path_of(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Field(key) if path.is_empty() => path.push_str(&quoted(key, MAX_SHOWN_FIELD_CHARS)),
            Step::Field(key) => path.push_str(&format!(".{}", quoted(key, MAX_SHOWN_FIELD_CHARS))),
            Step::Item(_, Some(id)) => path.push_str(&item_by_id(*id)),
            Step::Item(index, None) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Whether a field's value holds nothing to lose: `null`, `[]` or `{}`.
fn holds_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// The fields of `read` that `kept` (what the reader made of it, written again) does
/// not have, by their path from `path`: fields the reader ignored. A known field is
/// left out when written only when it holds nothing (an unset option, an empty list),
/// so a field missing from `kept` that holds something (not `null`, `[]` or `{}`) is
/// one the reader did not know; one that holds nothing loses nothing. Paths are
/// written as the engine names levers: `slippage.shares`, `projects[0].edit.defer`.
/// The first number the file wrote as text that the scenario keeps only rounded (more
/// digits than a `Decimal` holds: `"9.99999999999999999999999999999"` kept as 10),
/// with its path: such a row is refused, as a field or a link refuses the number,
/// rather than read as a number next to the one written.
fn rounded_number<'a>(read: &'a Value, kept: &Value, steps: &mut Vec<Step<'a>>) -> Option<(String, &'a str)> {
    match (read, kept) {
        (Value::Object(read), Value::Object(kept)) => read.iter().find_map(|(key, value)| {
            let kept = kept.get(key)?;
            steps.push(Step::Field(key));
            let found = rounded_number(value, kept, steps);
            steps.pop();
            found
        }),
        (Value::Array(read), Value::Array(kept)) => {
            read.iter().zip(kept).enumerate().find_map(|(index, (value, kept))| {
                steps.push(Step::Item(index, listed_id(steps, value)));
                let found = rounded_number(value, kept, steps);
                steps.pop();
                found
            })
        }
        (Value::String(text), Value::String(kept)) => {
            // A share is kept as a fraction where that is shorter (`entry::write_share`).
            let value = kept.parse::<rust_decimal::Decimal>().ok().or_else(|| crate::entry::share_in(kept).ok())?;
            let rounded = crate::entry::plain_number(text) && crate::entry::read_whole::<()>(text, value).is_err();
            rounded.then(|| (path_of(steps), text.as_str()))
        }
        _ => None,
    }
}

fn ignored_fields(read: &Value, kept: &Value, path: &str, found: &mut Vec<String>) {
    match (read, kept) {
        (Value::Object(read), Value::Object(kept)) => {
            for (key, value) in read {
                let shown = quoted(key, MAX_SHOWN_FIELD_CHARS);
                let at = if path.is_empty() { shown } else { format!("{path}.{shown}") };
                match kept.get(key) {
                    Some(kept) => ignored_fields(value, kept, &at, found),
                    None if holds_nothing(value) => {}
                    None => found.push(at),
                }
            }
        }
        (Value::Array(read), Value::Array(kept)) => {
            for (index, (value, kept)) in read.iter().zip(kept).enumerate() {
                ignored_fields(value, kept, &format!("{path}[{index}]"), found);
            }
        }
        _ => {}
    }
}

/// A list of revision stamps; anything malformed in it is left out.
fn stamps(value: Option<Value>) -> Vec<String> {
    let Some(Value::Array(items)) = value else { return Vec::new() };
    // The first `MAX_HISTORY` distinct stamps are kept; reading stops there, so a list
    // of any length (a file may hold hundreds of thousands) costs at most that many
    // comparisons per stamp kept, not one per pair of stamps.
    let mut kept: Vec<String> = Vec::new();
    for stamp in items.iter().filter_map(Value::as_str).filter_map(clean_stamp) {
        if kept.len() == super::limits::MAX_HISTORY {
            break;
        }
        if !kept.contains(&stamp) {
            kept.push(stamp);
        }
    }
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
