//! The member's changes to the saved scenarios, and the rule every change passes
//! before it is kept ([`commit`]).
//!
//! A change is made on a copy of the store; [`commit`] then compares it with the
//! store before: each scenario that changed gets a new revision stamp from the
//! [`Writer`] (its old stamps kept behind it, so a merge knows the new version was
//! made from the old), each one removed is remembered as a deletion, and the limits
//! are checked: a change that adds past `MAX_SCENARIOS` or grows the stored text past
//! `MAX_WRITE_BYTES` is refused whole, naming what was not added. A change that does
//! not grow the store (a delete, a shorter name) is always allowed, so a store that is
//! over a limit can still be brought under it.

use super::codec::{encode_stored, encoded_row_len};
use super::limits::{MAX_HISTORY, MAX_SCENARIOS, MAX_STAMP_CHARS, MAX_WRITE_BYTES};
use super::problem::{NotAdded, NotAddedWhy, Refusal};
use super::questions::{clean_questions, Question};
use super::{clean_name, clean_note, SavedScenario, Store, Tombstone};
use crate::engine::monte_carlo::SimulationChoices;
use crate::engine::Scenario;
use crate::nfc::Normalizer;
use crate::order::{set_of, SortedMap};

/// Who changes the store, and when: one per tab. The shell passes in the time before
/// each change (this crate reads no clock) and, once, a random number that tells this
/// tab's ids and stamps apart from every other tab's, and the NFC normaliser for the
/// names, notes and questions the member writes (see [`crate::nfc`]).
#[derive(Clone, Debug)]
pub struct Writer {
    tab: String,
    count: u64,
    now: u64,
    normalize: Normalizer,
}

/// The bytes a row may grow by when [`commit`] stamps it (`,"rev":["…"]`), so an
/// import that checks its size row by row never passes the limit at commit.
const STAMP_MARGIN: usize = 16 + MAX_STAMP_CHARS;

impl Writer {
    /// A writer for one tab; `random` should differ between tabs (the shell draws it).
    pub fn new(random: u64, normalize: Normalizer) -> Writer {
        let mut tab = String::new();
        let mut rest = random;
        // Eight base-36 digits: about 41 bits, enough that two tabs never meet.
        for _ in 0..8 {
            let digit = u32::try_from(rest % 36).unwrap_or(0);
            tab.push(char::from_digit(digit, 36).unwrap_or('0'));
            rest /= 36;
        }
        Writer { tab, count: 0, now: 0, normalize }
    }

    /// Sets the time of the next changes, in milliseconds since 1970-01-01 UTC.
    pub fn at(&mut self, now: u64) {
        self.now = now;
    }

    pub fn now(&self) -> u64 {
        self.now
    }

    /// The NFC normaliser this writer cleans the member's text with.
    pub fn normalizer(&self) -> Normalizer {
        self.normalize
    }

    fn next(&mut self) -> u64 {
        self.count = self.count.saturating_add(1);
        self.count
    }

    /// A revision stamp no other version has: this tab's code and a count.
    pub fn new_stamp(&mut self) -> String {
        let n = self.next();
        format!("{}.{n}", self.tab)
    }

    /// An id no scenario in `store` has, nor had (deleted), from this tab's code.
    pub fn new_id(&mut self, store: &Store) -> String {
        loop {
            let n = self.next();
            let id = format!("{}-{n}", self.tab);
            if store.by_id(&id).is_none() && !store.deleted.iter().any(|t| t.id == id) {
                return id;
            }
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    /// Saved scenarios replaced by imported ones of the same name.
    pub replaced: usize,
    /// Imported scenarios already saved as they are (the same name, levers, note,
    /// simulation and questions): not added again, so importing a file twice adds no
    /// copies.
    pub already_saved: usize,
    /// What did not fit, in the file's order.
    pub not_added: Vec<NotAdded>,
}

impl Store {
    /// Saves `scenario` under `name` (cleaned): a scenario of that name is replaced
    /// (keeping its id, place and note), otherwise one is added. Returns the id.
    pub fn save(
        &mut self,
        writer: &mut Writer,
        name: &str,
        scenario: Scenario,
        simulation: Option<SimulationChoices>,
    ) -> Result<String, Refusal> {
        let name = clean_name(name, writer.normalize).map_err(Refusal::Name)?;
        let now = writer.now();
        if let Some(existing) = self.scenarios.iter_mut().find(|s| s.name == name) {
            existing.scenario = scenario;
            existing.simulation = simulation;
            existing.saved_at = Some(now);
            return Ok(existing.id.clone());
        }
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(Refusal::Full { not_added: vec![name], held: self.scenarios.len() });
        }
        let id = writer.new_id(self);
        self.scenarios.push(SavedScenario {
            id: id.clone(),
            name,
            scenario,
            simulation,
            saved_at: Some(now),
            ..SavedScenario::default()
        });
        Ok(id)
    }

    /// Sets a scenario's questions (the member's list, kept with it), checked by the
    /// one rule of the reader ([`clean_questions`]).
    pub fn set_questions(&mut self, writer: &Writer, id: &str, questions: Vec<Question>) -> Result<(), Refusal> {
        let questions = clean_questions(questions, writer.normalize).map_err(Refusal::Questions)?;
        let saved = self.scenarios.iter_mut().find(|s| s.id == id).ok_or(Refusal::Gone)?;
        if saved.questions != questions {
            saved.questions = questions;
            saved.saved_at = Some(writer.now());
        }
        Ok(())
    }

    /// Renames a scenario; a name another one uses is refused
    /// ([`Refusal::NameTaken`]), so two scenarios are never told apart by a `(2)` the
    /// member did not type.
    pub fn rename(&mut self, writer: &Writer, id: &str, name: &str) -> Result<(), Refusal> {
        let name = clean_name(name, writer.normalize).map_err(Refusal::Name)?;
        if self.scenarios.iter().any(|s| s.name == name && s.id != id) {
            return Err(Refusal::NameTaken { name });
        }
        let saved = self.scenarios.iter_mut().find(|s| s.id == id).ok_or(Refusal::Gone)?;
        if saved.name != name {
            saved.name = name;
            saved.saved_at = Some(writer.now());
        }
        Ok(())
    }

    /// Sets (or, with empty text, clears) a scenario's note.
    pub fn set_note(&mut self, writer: &Writer, id: &str, note: &str) -> Result<(), Refusal> {
        let note = clean_note(note, writer.normalize).map_err(Refusal::Note)?;
        let saved = self.scenarios.iter_mut().find(|s| s.id == id).ok_or(Refusal::Gone)?;
        if saved.note != note {
            saved.note = note;
            saved.saved_at = Some(writer.now());
        }
        Ok(())
    }

    /// Adds a copy of a scenario right after it, as `name (2)` …; returns its id.
    pub fn duplicate(&mut self, writer: &mut Writer, id: &str) -> Result<String, Refusal> {
        let position = self.position(id).ok_or(Refusal::Gone)?;
        let original = self.scenarios.get(position).cloned().ok_or(Refusal::Gone)?;
        let name = self.unused_name(&original.name);
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(Refusal::Full { not_added: vec![name], held: self.scenarios.len() });
        }
        let copy = SavedScenario {
            id: writer.new_id(self),
            name,
            note: original.note,
            scenario: original.scenario,
            simulation: original.simulation,
            saved_at: Some(writer.now()),
            questions: original.questions,
            history: Vec::new(),
        };
        let id = copy.id.clone();
        self.scenarios.insert(position.saturating_add(1), copy);
        Ok(id)
    }

    /// Removes a scenario; returns where it was and what it was (for an undo).
    pub fn delete(&mut self, id: &str) -> Option<(usize, SavedScenario)> {
        let position = self.position(id)?;
        Some((position, self.scenarios.remove(position)))
    }

    /// Puts a deleted scenario back at `position` (or the end): its id again unless
    /// that is taken, its name unless that is taken (then `name (2)` …). Its stamps
    /// stay behind the new one, so the restored version outranks the deletion.
    pub fn restore(&mut self, writer: &mut Writer, position: usize, deleted: SavedScenario) -> Result<String, Refusal> {
        let name = self.unused_name(&deleted.name);
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(Refusal::Full { not_added: vec![name], held: self.scenarios.len() });
        }
        let id = if self.by_id(&deleted.id).is_some() { writer.new_id(self) } else { deleted.id.clone() };
        let restored = SavedScenario { id: id.clone(), name, ..deleted };
        let position = position.min(self.scenarios.len());
        self.scenarios.insert(position, restored);
        Ok(id)
    }

    /// Adds scenarios from a file: one whose name is already used replaces that one
    /// (keeping its id, place and note unless the file has a note) if
    /// `replace_same_name`, otherwise it is added under an unused name. Each keeps the
    /// date it was saved, if the file has one. What would pass `MAX_SCENARIOS` or
    /// `MAX_WRITE_BYTES` is not added and is named in the report.
    pub fn import(
        &mut self,
        writer: &mut Writer,
        incoming: Vec<SavedScenario>,
        replace_same_name: bool,
    ) -> ImportReport {
        let now = writer.now();
        self.import_rows(incoming, replace_same_name, Some(now), &mut |store| writer.new_id(store)).0
    }

    /// The import, and which of the incoming rows (by index) were added.
    pub(crate) fn import_rows(
        &mut self,
        incoming: Vec<SavedScenario>,
        replace_same_name: bool,
        now: Option<u64>,
        new_id: &mut dyn FnMut(&Store) -> String,
    ) -> (ImportReport, Vec<usize>) {
        let mut report = ImportReport::default();
        let mut added = Vec::new();
        let mut bytes = encode_stored(self).len();
        let refuse = |report: &mut ImportReport, name: String, why| report.not_added.push(NotAdded { name, why });
        for (index, mut row) in incoming.into_iter().enumerate() {
            if self.holds_as_is(&row) {
                report.already_saved += 1;
                continue;
            }
            let saved_at = row.saved_at.or(now);
            let same_name = self.scenarios.iter().position(|s| s.name == row.name).filter(|_| replace_same_name);
            if let Some(existing) = same_name.and_then(|at| self.scenarios.get_mut(at)) {
                let mut replacement = existing.clone();
                replacement.scenario = row.scenario;
                replacement.simulation = row.simulation;
                replacement.saved_at = saved_at;
                if !row.note.is_empty() {
                    replacement.note = row.note;
                }
                if !row.questions.is_empty() {
                    replacement.questions = row.questions;
                }
                let grown =
                    (bytes + encoded_row_len(&replacement) + STAMP_MARGIN).saturating_sub(encoded_row_len(existing));
                if grown > MAX_WRITE_BYTES {
                    refuse(&mut report, replacement.name, NotAddedWhy::TooLarge);
                    continue;
                }
                bytes = grown;
                *existing = replacement;
                report.replaced += 1;
                continue;
            }
            row.name = self.unused_name(&row.name);
            if self.scenarios.len() >= MAX_SCENARIOS {
                refuse(&mut report, row.name, NotAddedWhy::Full);
                continue;
            }
            row.id = new_id(self);
            row.saved_at = saved_at;
            // A new scenario here: another browser's stamps mean nothing.
            row.history.clear();
            let grown = bytes + encoded_row_len(&row) + STAMP_MARGIN;
            if grown > MAX_WRITE_BYTES {
                refuse(&mut report, row.name, NotAddedWhy::TooLarge);
                continue;
            }
            bytes = grown;
            self.scenarios.push(row);
            report.added += 1;
            added.push(index);
        }
        (report, added)
    }
}

/// Keeps a change: `after` is `before` with the member's change made. Every scenario
/// that differs from its version in `before` (or is new) gets a new stamp in front of
/// its old ones; every one gone is remembered as deleted; the bookkeeping is tidied.
/// Refused, and nothing kept, if the change adds past `MAX_SCENARIOS` or grows the
/// stored text past `MAX_WRITE_BYTES`.
pub fn commit(before: &Store, mut after: Store, writer: &mut Writer) -> Result<Store, Refusal> {
    let now = writer.now();
    let old = SortedMap::of_first(before.scenarios.iter().map(|s| (s.id.as_str(), s)));
    let mut changed = Vec::new();
    for row in &mut after.scenarios {
        let previous = old.get(&row.id.as_str());
        if previous.is_some_and(|previous| *previous == row) {
            continue;
        }
        let mut history = vec![writer.new_stamp()];
        for stamp in row.history.drain(..) {
            if history.len() < MAX_HISTORY && !history.contains(&stamp) {
                history.push(stamp);
            }
        }
        row.history = history;
        changed.push((previous.is_none(), row.name.clone()));
    }
    let kept = set_of(after.scenarios.iter().map(|s| s.id.as_str()));
    for gone in before.scenarios.iter().filter(|s| !kept.contains(&s.id.as_str())) {
        after.deleted.push(Tombstone { id: gone.id.clone(), history: gone.history.clone(), at: now });
    }
    after.tidy_bookkeeping(Some(now));

    let added: Vec<String> = changed.iter().filter(|(new, _)| *new).map(|(_, name)| name.clone()).collect();
    if after.scenarios.len() > MAX_SCENARIOS && after.scenarios.len() > before.scenarios.len() {
        return Err(Refusal::Full { not_added: added, held: before.scenarios.len() });
    }
    let bytes = encode_stored(&after).len();
    if bytes > MAX_WRITE_BYTES && bytes > encode_stored(before).len() {
        let not_added = changed.into_iter().map(|(_, name)| name).collect();
        return Err(Refusal::TooLarge { bytes, not_added });
    }
    Ok(after)
}
