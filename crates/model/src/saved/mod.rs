//! Saved scenarios: the versioned store kept in the browser's storage and exchanged as
//! a JSON file (documented in `docs/storage.md`):
//!
//! ```json
//! { "format": "blockvote-scenarios", "version": 2,
//!   "scenarios": [ { "id": "k3j9xq-1", "name": "Ten per cent dearer", "note": "for Tuesday",
//!                    "scenario": { "cost_change_pct": "10" }, "seed": 7,
//!                    "simulation": { "runs": 5000, "delay_weights": [1, 1, 1, 1] },
//!                    "saved_at": 1700000000000, "rev": ["k3j9xq.4", "k3j9xq.2"] } ],
//!   "deleted": [ { "id": "k3j9xq-2", "rev": ["k3j9xq.3"], "at": 1700000000000 } ],
//!   "absorbed": ["9f86d081884c7d65"] }
//! ```
//!
//! - [`codec`]: reading hostile text ([`decode_lenient`], [`decode`]), migrating
//!   versions 0 and 1, and writing ([`encode`] for files, [`encode_stored`] for the
//!   browser's storage).
//! - [`edit`]: the member's changes (save, rename, note, duplicate, delete, undo,
//!   import), each stamped by a [`Writer`] and checked against the [`limits`] before
//!   it is kept ([`commit`]).
//! - [`sync`]: the merge of two tabs' stores ([`merge`]): nothing either kept is lost,
//!   deletions stay deleted, and a scenario changed in both keeps both versions.
//! - [`limits`]: every size limit, shared by the writer, the reader and the offline
//!   copy.
//! - [`set_aside`]: where text the reader reported problems on is set aside, and
//!   which of those places hold text ([`set_aside_in`]).
//!
//! Everything is text and values in, values out: the shell passes in the time and a
//! random number for its [`Writer`]; this crate reads no clock.

pub mod codec;
pub mod edit;
pub mod json;
pub mod limits;
pub mod problem;
pub mod questions;
pub mod set_aside;
mod simulation;
pub mod sync;

pub use codec::{decode, decode_import, decode_lenient, encode, encode_stored, migrate, Migrated};
pub use edit::{commit, ImportReport, Writer};
pub use limits::{
    MAX_BYTES, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_QUESTIONS, MAX_QUESTION_CHARS, MAX_READ_SCENARIOS,
    MAX_SCENARIOS, MAX_WRITE_BYTES,
};
pub use problem::{Expected, NotAdded, NotAddedWhy, Refusal, RowReason, ScenarioAt, StoreProblem, MAX_JSON_DEPTH};
pub use questions::{clean_question_text, clean_questions, Question, QuestionProblem};
pub use set_aside::{set_aside_in, SetAsideKey, SetAsideKind};
pub use sync::{commit_edit, commit_save, merge, Conflict, Merged, SaveOn, WorkedFrom};

use crate::engine::monte_carlo::SimulationChoices;
use crate::engine::Scenario;
use crate::nfc::Normalizer;
use crate::order::SortedSet;
use limits::{MAX_ABSORBED, MAX_TOMBSTONES, TOMBSTONE_MS};
use serde::{Deserialize, Serialize};

/// The `format` field of every store.
pub const FORMAT: &str = "blockvote-scenarios";
/// The version this code writes. Version 2 added notes, dates, revision stamps and the
/// store's record of deletions and offline copies; versions 0 and 1 are migrated.
pub const VERSION: u64 = 2;

/// Why saving is off in this browser (found by the shell, worded by
/// `blockvote_present::storage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageIssue {
    /// The browser gives no storage (or throws when asked for it).
    Unavailable,
    /// A write was refused (quota full, or storage disabled for writing).
    WriteRefused,
    /// The browser refused to read the saved scenarios (a damaged storage file, a
    /// policy), though it may let them be written: so nothing is written over them,
    /// until a read works again.
    ReadRefused,
    /// A corrupt entry could not be set aside (storage refused the copy), so it is not
    /// overwritten either.
    BackupFailed,
    /// A corrupt entry could not be set aside because every place for it
    /// (`limits::MAX_SET_ASIDE`) holds other text set aside earlier, so it is not
    /// overwritten either; removing one of those (once downloaded) turns saving on.
    BackupSlotsFull,
}

/// One named scenario. Read by `codec` field by field (each field's problem named);
/// written by its [`Serialize`], in the order of its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedScenario {
    /// Stable: the same scenario has the same id in every tab, for as long as it is
    /// saved. New ones come from a [`Writer`], so two tabs never make the same id.
    pub id: String,
    /// Plain text, at most `MAX_NAME_CHARS` characters.
    pub name: String,
    /// The member's note, plain text (line breaks kept), at most `MAX_NOTE_CHARS`
    /// characters; empty when there is none (and then not written).
    pub note: String,
    pub scenario: Scenario,
    /// The Monte Carlo simulation saved with it, if the member set one up: written as
    /// the row's `seed` and, for its settings other than the defaults, its
    /// `simulation` object (`saved::simulation`), so a reader that knows only `seed`
    /// still reads the seed.
    pub simulation: Option<SimulationChoices>,
    /// When it was last saved (its levers, name or note changed), in milliseconds
    /// since 1970-01-01 UTC by the clock of the browser that saved it. `None` for
    /// scenarios saved before version 2.
    pub saved_at: Option<u64>,
    /// The questions the member raises with it, in their order (see [`questions`]).
    /// Optional: stores written before questions existed have none, and read back
    /// as they were.
    pub questions: Vec<Question>,
    /// Revision stamps, this version's first, then those of the versions it was made
    /// from, newest first (at most `MAX_HISTORY`), written as `rev`. Empty for a
    /// scenario from version 1 that has not changed since: the first version of its id.
    pub history: Vec<String>,
}

impl Serialize for SavedScenario {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (seed, settings) = simulation::fields(&self.simulation);
        let mut row = serializer.serialize_struct("SavedScenario", 9)?;
        row.serialize_field("id", &self.id)?;
        row.serialize_field("name", &self.name)?;
        if !self.note.is_empty() {
            row.serialize_field("note", &self.note)?;
        }
        row.serialize_field("scenario", &self.scenario)?;
        if let Some(seed) = seed {
            row.serialize_field("seed", &seed)?;
        }
        if let Some(settings) = settings {
            row.serialize_field("simulation", &settings)?;
        }
        if let Some(saved_at) = self.saved_at {
            row.serialize_field("saved_at", &saved_at)?;
        }
        if !self.questions.is_empty() {
            row.serialize_field("questions", &self.questions)?;
        }
        if !self.history.is_empty() {
            row.serialize_field("rev", &self.history)?;
        }
        row.end()
    }
}

/// A deleted scenario, remembered so that another tab's older copy of the store does
/// not bring it back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    /// The deleted version's stamps (its own first): that version and every version it
    /// was made from stay deleted; a version made from none of them (an edit in
    /// another tab at the same time) is kept.
    #[serde(default, rename = "rev", skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
    /// When it was deleted (milliseconds since 1970 UTC); forgotten after
    /// `TOMBSTONE_MS`.
    pub at: u64,
}

/// Every saved scenario, in the member's order, and what the store remembers for
/// merging tabs and opening offline copies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    pub scenarios: Vec<SavedScenario>,
    /// Deletions, oldest first.
    pub deleted: Vec<Tombstone>,
    /// Fingerprints of the offline-copy scenarios this store has brought in (see
    /// `Store::absorb_carried`), oldest first.
    pub absorbed: Vec<String>,
}

impl SavedScenario {
    /// A scenario with no note, date or history yet.
    pub fn new(id: &str, name: &str, scenario: Scenario, simulation: Option<SimulationChoices>) -> SavedScenario {
        SavedScenario { id: id.to_string(), name: name.to_string(), scenario, simulation, ..SavedScenario::default() }
    }

    /// This version's revision stamp; empty for the first version of a scenario from
    /// version 1.
    pub fn stamp(&self) -> &str {
        self.history.first().map_or("", String::as_str)
    }

    /// Whether the member would see the same scenario: name, note, levers, simulation and
    /// questions (not when or where it was saved).
    pub fn same_content(&self, other: &SavedScenario) -> bool {
        self.name == other.name && self.same_levers(other)
    }

    /// Whether it has the same levers, simulation, note and questions as `other`, whatever
    /// the names.
    pub fn same_levers(&self, other: &SavedScenario) -> bool {
        self.note == other.note
            && self.simulation == other.simulation
            && self.scenario == other.scenario
            && self.questions == other.questions
    }

    /// What the member sees of it, as text: its name, note, levers and seed as JSON
    /// (what it was before a simulation had settings beyond its seed), then those
    /// settings when they are not the defaults. So the text of a scenario saved with
    /// only a seed, and a fingerprint made of it and remembered, stay what they were.
    pub fn content_text(&self) -> String {
        let seed = self.simulation.as_ref().map(|simulation| simulation.seed);
        let mut text = serde_json::to_string(&(&self.name, &self.note, &self.scenario, seed)).unwrap_or_default();
        if let Some(settings) = simulation::settings_text(&self.simulation) {
            text.push_str(&settings);
        }
        text
    }
}

/// True for a character a name, a note or a question's text never keeps: a control
/// character, which would break or hide the text, or a bidirectional embedding,
/// override or isolate (U+202A–U+202E, U+2066–U+2069), which would reorder the words
/// shown with it: an imported name `Plan \u{202E}01 tsoC` read as "Plan Cost 10" and
/// pulled the list's "in use" mark inside it. The marks (U+200E, U+200F, U+061C)
/// reorder nothing and are kept.
/// Also dropped: the characters that only hide inside a name, adding nothing to what
/// is shown (a zero-width space, a word joiner, a byte-order mark, a soft hyphen), so
/// that `Budget` and `Budget` with one of them after it are one name, as they look.
fn dropped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// `text` without the characters a name never keeps ([`dropped`]): controls,
/// bidirectional embeddings, overrides and isolates, and the characters that only
/// hide. For a name read from a file, before it is normalised.
pub(crate) fn visible_text(text: &str) -> String {
    text.chars().filter(|c| !dropped(*c)).collect()
}

/// True for a character that shows nothing on its own: white space, a character that
/// is default-ignorable in Unicode (joiners, fillers, variation selectors, tags), or a
/// combining mark with no letter to sit on. A name of these alone is an empty name.
fn shows_nothing(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200C}'..='\u{200F}'
                | '\u{2061}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FFA0}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
                | '\u{0300}'..='\u{036F}'
                | '\u{1AB0}'..='\u{1AFF}'
                | '\u{1DC0}'..='\u{1DFF}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE20}'..='\u{FE2F}'
        )
}

/// A name as stored: NFC (by `normalize`), control characters, bidirectional controls
/// and hiding characters removed ([`dropped`]), whitespace collapsed at the ends;
/// refused if it shows nothing ([`shows_nothing`]) or is longer than `MAX_NAME_CHARS`. Markup is
/// kept as text: it is the renderer's job (Leptos sets text, never HTML) to show it as
/// typed.
pub fn clean_name(name: &str, normalize: Normalizer) -> Result<String, RowReason> {
    // Control characters go before normalising: one between a letter and a combining
    // mark would otherwise keep them apart through NFC and leave them apart once
    // removed, a name that is not NFC and changes the next time it is read.
    let cleaned = normalize(&visible_text(name)).trim().to_string();
    if cleaned.chars().all(shows_nothing) {
        return Err(RowReason::Empty);
    }
    if cleaned.chars().count() > MAX_NAME_CHARS {
        return Err(RowReason::TooLong { max: MAX_NAME_CHARS });
    }
    Ok(cleaned)
}

/// A note as stored: like a name, but line breaks are kept (`\r\n` and `\r` become
/// `\n`) and it may be empty; refused if longer than `MAX_NOTE_CHARS`.
pub fn clean_note(note: &str, normalize: Normalizer) -> Result<String, RowReason> {
    let cleaned = clean_lines(note, normalize);
    if cleaned.chars().count() > MAX_NOTE_CHARS {
        return Err(RowReason::TooLong { max: MAX_NOTE_CHARS });
    }
    Ok(cleaned)
}

/// Text with line breaks as written (`\r\n` and `\r` become `\n`), other control
/// characters removed, NFC by `normalize`, trimmed: a note's or a question's text.
pub(crate) fn clean_lines(text: &str, normalize: Normalizer) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|c| *c == '\n' || !dropped(*c)).collect();
    normalize(&kept).trim().to_string()
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

impl Store {
    /// A store of these scenarios, remembering nothing else.
    pub fn of(scenarios: Vec<SavedScenario>) -> Store {
        Store { scenarios, ..Store::default() }
    }

    /// Gives every scenario without a usable id (empty or repeated) a fresh one.
    pub fn ensure_ids(&mut self) {
        let mut kept = SortedSet::new();
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

    /// A fresh id, `s` followed by a number no id in the store uses. Only for files
    /// read without ids: a change made in the browser takes its ids from a [`Writer`].
    pub fn fresh_id(&self) -> String {
        let taken = crate::order::set_of(self.scenarios.iter().map(|saved| saved.id.as_str()));
        unused_id(self.next_number(), |id| taken.contains(&id)).0
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

    pub fn by_id(&self, id: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn by_name(&self, name: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// Whether `row` is saved already as it is (its name and levers): an import leaves
    /// it out.
    pub fn holds_as_is(&self, row: &SavedScenario) -> bool {
        self.scenarios.iter().any(|saved| saved.same_content(row))
    }

    /// A name not yet used, from `base`: `base`, `base (2)`, `base (3)` … A name that is
    /// numbered so already goes on from its number (`Plan (2)` gives `Plan (3)`, where
    /// it gave `Plan (2) (2)`: audit 33, a file naming `Imp`, `Imp`, `Imp (2)`).
    pub fn unused_name(&self, base: &str) -> String {
        if self.by_name(base).is_none() {
            return base.to_string();
        }
        // A name not numbered yet is numbered from (2).
        let (stem, first) = numbered(base).unwrap_or((base, 2));
        let stem: String = stem.chars().take(MAX_NAME_CHARS.saturating_sub(6)).collect();
        // A store holds at most MAX_SCENARIOS names, so one of these is free.
        (first..)
            .take(10_000)
            .map(|n| format!("{stem} ({n})"))
            .find(|name| self.by_name(name).is_none())
            .unwrap_or(stem)
    }

    /// The same scenarios without the store's bookkeeping (what a file carries).
    pub fn scenarios_only(&self) -> Store {
        Store::of(self.scenarios.clone())
    }

    /// Keeps the bookkeeping in bounds and in one order, so two tabs that know the same
    /// things write the same text: deletions oldest first, each once, at most
    /// `MAX_TOMBSTONES`, and (given the time) none older than `TOMBSTONE_MS`; offline
    /// copies' fingerprints each once, at most `MAX_ABSORBED`, the oldest forgotten.
    pub fn tidy_bookkeeping(&mut self, now: Option<u64>) {
        // Each deletion once (by id and deleted version), its latest record kept.
        fn version(tombstone: &Tombstone) -> &str {
            tombstone.history.first().map_or("", String::as_str)
        }
        crate::order::sort_by(&mut self.deleted, |a, b| (&a.id, version(a), b.at).cmp(&(&b.id, version(b), a.at)));
        self.deleted.dedup_by(|later, kept| later.id == kept.id && later.history.first() == kept.history.first());
        if let Some(now) = now {
            self.deleted.retain(|t| t.at.saturating_add(TOMBSTONE_MS) >= now);
        }
        crate::order::sort_by(&mut self.deleted, |a, b| (a.at, &a.id, &a.history).cmp(&(b.at, &b.id, &b.history)));
        let excess = self.deleted.len().saturating_sub(MAX_TOMBSTONES);
        self.deleted.drain(..excess);

        // Each fingerprint once, where it last appears; the oldest forgotten first. The
        // newest are taken until the limit is reached, and the rest never looked at: a
        // list of 600,000 stored or imported (audit 36) was made into a set whole, each
        // insertion moving the set's tail, and the page froze for minutes.
        let mut seen = SortedSet::new();
        let mut absorbed: Vec<String> = Vec::with_capacity(self.absorbed.len().min(MAX_ABSORBED));
        for fingerprint in self.absorbed.drain(..).rev() {
            if absorbed.len() == MAX_ABSORBED {
                break;
            }
            if seen.insert(fingerprint.clone()) {
                absorbed.push(fingerprint);
            }
        }
        absorbed.reverse();
        self.absorbed = absorbed;
    }
}

#[cfg(test)]
mod tests;

/// A name numbered as [`Store::unused_name`] numbers one (`Plan (2)`): its stem and the
/// number after its own (`("Plan", 3)`).
fn numbered(name: &str) -> Option<(&str, u32)> {
    let (stem, number) = name.strip_suffix(')')?.rsplit_once(" (")?;
    let digits = !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit());
    let number: u32 = number.parse().ok().filter(|n| digits && *n >= 2)?;
    (!stem.is_empty()).then_some((stem, number + 1))
}
