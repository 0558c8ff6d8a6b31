//! Saved scenarios in the browser: the store (a signal), kept in `localStorage` and in
//! step with every other tab, and what happened at startup (a corrupt entry set
//! aside, storage unavailable, an offline copy's scenarios added). The format, the
//! changes, the limits and the merge of tabs are the model's
//! (`blockvote_model::saved`); this module holds only the effects. See
//! `docs/storage.md`.
//!
//! Every change reads what is stored, merges it in (another tab may have written),
//! makes the change, checks it against the limits and writes; every write of another
//! tab (the `storage` event) is merged in at once. So no tab overwrites another's
//! work, and a save in one tab shows in the others within moments.
//!
//! Events alone are not trusted. Each tab reads its own copy of `localStorage`, which
//! the browser brings up to date a moment after another tab writes; a tab that reads in
//! that moment writes over a store lacking the other's change, and only the other
//! tab's `storage` event puts it right. A tab that is frozen, suspended or otherwise
//! misses that event would leave its change dropped. So every write is checked again a
//! little later ([`RECHECK_AFTER`]), and the store is read again whenever the tab comes
//! back into view: a change of this tab's that did not stick is merged and written
//! again, with no event needed.
//!
//! One [`Saved`] per page, provided as context by the app above the shell (so it
//! outlives a change of data source); its signals are reference-counted.

pub mod files;
pub mod offline;
pub mod questions;
pub mod storage;

use blockvote_model::engine::{Scenario, SimulationChoices};
use blockvote_model::offline::{store_to_carry, CarriedDataset, CarriedReport};
use blockvote_model::saved::{
    commit_edit, commit_save, decode_lenient, encode_stored, merge, Conflict, ImportReport, Merged, Question,
    QuestionProblem, Refusal, SavedScenario, SetAsideKey, Store, StoreProblem, WorkedFrom, Writer,
};
use blockvote_model::Dataset;
use blockvote_present::lang::{Bilingual, Lang};
use blockvote_present::screens::scenarios::list::questions_unsaved;
use blockvote_present::storage::{note_conflicts, saved_on, CONFLICT_LABEL, UNSAVED_WHEN_COPIED};
use leptos::prelude::*;
use offline::CopyError;
use std::time::Duration;
use storage::{Backup, NotRemoved, StorageIssue};
use wasm_bindgen::JsCast;

/// When, after each write, this tab reads the store again to find a write another tab
/// made at the same moment over its own (see the module's comment): within a frame or
/// two, and again once a busy machine has surely delivered the other tab's write.
const RECHECK_AFTER: [Duration; 2] = [Duration::from_millis(250), Duration::from_millis(2_000)];

/// A deleted scenario, kept so the delete can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub position: usize,
    pub scenario: SavedScenario,
}

/// The scenarios an offline copy carried, once added to the saved ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    pub report: CarriedReport,
    /// Parts of the carried block that could not be read, and carried scenarios whose
    /// levers the engine will refuse.
    pub problems: Vec<StoreProblem>,
}

/// This tab's side of the store: its writer (ids and revision stamps no other tab
/// makes), the stored text it last read or wrote, so an unchanged store is not read
/// again, and the version of each scenario its member worked from (what a save under
/// that scenario's name changes).
#[derive(Debug)]
struct Sync {
    writer: Writer,
    synced: Option<String>,
    worked_from: WorkedFrom,
    /// Whether the store was found removed (by another page) and this tab's scenarios
    /// are to be written back at the next check, if nothing has been written there by
    /// then (see `Saved::pull`).
    removed: bool,
}

/// The saved scenarios and the state of their storage.
#[derive(Clone)]
pub struct Saved {
    pub store: ArcRwSignal<Store>,
    /// Why saving is off, if it is.
    pub issue: ArcRwSignal<Option<StorageIssue>>,
    /// What could not be read from storage (at startup, or written by another tab).
    pub problems: ArcRwSignal<Vec<StoreProblem>>,
    /// The corrupt entry set aside, offered for download (and importable again).
    pub backup: ArcRwSignal<Option<Backup>>,
    /// Every text set aside in storage (the saved scenarios' and the datasets', from
    /// this visit or any earlier one), read at startup and again whenever another tab
    /// may have written; each is offered for download until the member removes it.
    pub set_aside: ArcRwSignal<Vec<SetAsideKey>>,
    /// The last deleted scenario (undo).
    pub deleted: ArcRwSignal<Option<Deleted>>,
    /// What this page's carried scenarios (an offline copy's) did at startup.
    pub carried: ArcRwSignal<Option<Carried>>,
    /// The last change the store refused (full, too large, gone), until a change is
    /// kept or it is dismissed; words: `blockvote_present::storage::refusal`. The
    /// refusal of a save, a rename or a note is returned to its field instead.
    pub refusal: ArcRwSignal<Option<Refusal>>,
    /// Scenarios changed in two tabs at once, kept twice, until dismissed; words:
    /// `blockvote_present::storage::conflicts_notice`.
    pub conflicts: ArcRwSignal<Vec<Conflict>>,
    /// The questions of the scenario being edited (the Brief's "Questions to raise"):
    /// saved with it, restored when a saved scenario is opened, and kept across a
    /// reload ([`questions`]). Changed only through [`Saved::change_questions`].
    pub questions: ArcRwSignal<Vec<Question>>,
    /// The questions an opening of a saved scenario replaced while they were saved
    /// with no scenario, with that scenario's name, until they are brought back or
    /// dismissed ([`Saved::bring_back_questions`]), across later openings and a
    /// reload of the tab. Changed only through [`Saved::set_replaced_questions`].
    pub replaced_questions: ArcRwSignal<Option<(String, Vec<Question>)>>,
    /// The text of the questions this tab kept that did not all read
    /// (`questions::left_out`), offered for download until dismissed.
    pub questions_left_out: ArcRwSignal<Option<String>>,
    sync: ArcStoredValue<Sync>,
}

/// The page's saved scenarios, provided by the app. A component outside the app (a
/// test mounting one alone) gets its own, read from storage.
pub fn use_saved() -> Saved {
    use_context::<Saved>().unwrap_or_else(Saved::restore)
}

/// Asks the browser to confirm closing or reloading the page while the saved scenarios
/// are kept on this page only (the browser refused to store them, or has no storage):
/// leaving would lose them, and the notice that says so only asks the member to
/// download them (audit 22). The browser asks in its own words, and only once the member
/// has used the page.
pub fn confirm_leaving_unstored(saved: &Saved) {
    let saved = saved.clone();
    let unloading = window_event_listener(leptos::ev::beforeunload, move |event| {
        let unstored = !saved.is_stored() && saved.store.with_untracked(|store| !store.scenarios.is_empty());
        if unstored {
            event.prevent_default();
            // Browsers that predate `preventDefault` here ask when this is set.
            event.set_return_value("");
        }
    });
    on_cleanup(move || unloading.remove());
}

/// Adds the scenarios an offline copy carries to the saved ones, once per page (see
/// `Store::absorb_carried`: each at most once per browser, so deleting one keeps it
/// deleted), naming the edits of what `data`, the data the copy shows, does not have.
pub fn restore_at_startup(data: &Dataset) {
    let saved = use_saved();
    if saved.carried.get_untracked().is_some() {
        return;
    }
    if let Some((store, problems)) = offline::carried_scenarios(data) {
        let report = saved.apply(|mine, writer| Ok(mine.absorb_carried(writer, store))).unwrap_or_default();
        saved.carried.set(Some(Carried { report, problems }));
    }
}

/// The browser's clock, in milliseconds since 1970 UTC (for the date a scenario was
/// saved and for how long deletions are remembered; never for a figure).
fn now() -> u64 {
    let millis = js_sys::Date::now();
    if millis.is_finite() && millis > 0.0 {
        millis as u64
    } else {
        0
    }
}

/// When a scenario was last saved, in the member's local time.
pub fn last_saved(saved_at: Option<u64>) -> Bilingual {
    // The offset at that moment (summer time may differ from today's).
    let offset =
        saved_at.map_or(0.0, |at| js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64)).get_timezone_offset());
    let east_of_utc = if offset.is_finite() { -(offset as i32) } else { 0 };
    saved_on(saved_at, east_of_utc)
}

impl Saved {
    /// Reads `localStorage` (see [`storage::restore`]) and listens for other tabs'
    /// writes. The app calls this once.
    pub fn at_startup() -> Saved {
        let saved = Saved::restore();
        let heard = saved.clone();
        // Another tab of this origin wrote: merge it in. The listeners last as long as
        // the page, like this store (dropping the handle does not remove it).
        let _ = window_event_listener_untyped("storage", move |_| heard.heard());
        // A tab coming back into view (a phone unfreezing it, a window brought to the
        // front) may have missed writes while it was away: read the store again.
        let back = saved.clone();
        let _ = window_event_listener_untyped("focus", move |_| back.heard());
        // `pageshow` also fires on the first load, when there is nothing to catch up on:
        // only a page brought back from the back/forward cache reads the store again.
        let shown = saved.clone();
        let _ = window_event_listener_untyped("pageshow", move |event| {
            if event.dyn_ref::<web_sys::PageTransitionEvent>().is_some_and(web_sys::PageTransitionEvent::persisted) {
                shown.heard();
            }
        });
        let visible = saved.clone();
        let _ = window_event_listener_untyped("visibilitychange", move |_| visible.heard());
        saved
    }

    /// Reads `localStorage` (see [`storage::restore`]).
    pub fn restore() -> Saved {
        let storage = storage::local_storage();
        Saved::from_restored(storage::restore(storage.as_ref().map_err(|issue| *issue)))
    }

    pub fn from_restored(restored: storage::Restored) -> Saved {
        // Two tabs must never make the same id or stamp: each draws its own code.
        let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        let worked_from = WorkedFrom::started_with(&restored.store);
        Saved {
            store: ArcRwSignal::new(restored.store),
            issue: ArcRwSignal::new(restored.issue),
            problems: ArcRwSignal::new(restored.problems),
            backup: ArcRwSignal::new(restored.backup),
            set_aside: ArcRwSignal::new(storage::set_aside_list()),
            deleted: ArcRwSignal::new(None),
            carried: ArcRwSignal::new(None),
            refusal: ArcRwSignal::new(None),
            conflicts: ArcRwSignal::new(Vec::new()),
            questions: ArcRwSignal::new(questions::restore()),
            replaced_questions: ArcRwSignal::new(questions::restore_replaced()),
            // After `restore`, which keeps the text of questions that did not read.
            questions_left_out: ArcRwSignal::new(questions::left_out()),
            sync: ArcStoredValue::new(Sync {
                writer: Writer::new(random, crate::unicode::nfc),
                synced: restored.text,
                worked_from,
                removed: false,
            }),
        }
    }

    /// Whether the store as it is now is kept in the browser: no storage issue stands
    /// (none at the start, and the last write went through).
    pub fn is_stored(&self) -> bool {
        self.issue.with_untracked(Option::is_none)
    }

    /// Whether writing is off: a corrupt entry could not be set aside, so it must not
    /// be overwritten (until it can be: see [`Saved::set_aside_again`]).
    fn frozen(&self) -> bool {
        matches!(
            self.issue.get_untracked(),
            Some(StorageIssue::BackupFailed | StorageIssue::BackupSlotsFull | StorageIssue::ReadRefused)
        )
    }

    /// Reads again which texts are set aside (another tab may have set one aside or
    /// removed one).
    pub fn list_set_aside(&self) {
        let list = storage::set_aside_list();
        // The unreadable text this visit set aside, removed there since by another page
        // (a tab where the member removed it once downloaded, a cleared storage): the
        // notice stops naming the key, and says this tab's copy is the only one left
        // (audit 22: it went on saying "Kept in this browser under" a key that was gone).
        let gone = |backup: &Option<Backup>| {
            backup
                .as_ref()
                .and_then(|backup| backup.key.as_deref())
                .is_some_and(|key| list.iter().all(|kept| kept.key != key))
        };
        if self.backup.with_untracked(gone) {
            self.backup.update(|backup| {
                if let Some(backup) = backup {
                    backup.key = None;
                    backup.no_longer_stored = true;
                }
            });
        }
        if self.set_aside.with_untracked(|shown| *shown != list) {
            self.set_aside.set(list);
        }
    }

    /// While saving is off because the stored text could not be read or set aside,
    /// tries again (the browser may read it now, a place may have been freed, here or
    /// in another tab): once the text is safe, or the stored text reads without
    /// problems, saving turns back on and what this tab holds is merged with it and
    /// written.
    fn set_aside_again(&self) {
        if !self.frozen() {
            return;
        }
        let storage = storage::local_storage();
        let Ok(store) = storage.as_ref() else { return };
        let Ok(text) = storage::stored_text(Ok(store)) else { return };
        // Text left where it was that storage no longer holds was changed or removed by
        // another tab: the notice stops saying it is kept there.
        let gone = |backup: &Option<Backup>| {
            backup.as_ref().is_some_and(|b| b.key.is_none() && !b.no_longer_stored && text.as_ref() != Some(&b.text))
        };
        if self.backup.with_untracked(gone) {
            self.backup.update(|backup| {
                if let Some(backup) = backup {
                    backup.no_longer_stored = true;
                }
            });
        }
        if let Some(text) = text {
            let (_, problems) = decode_lenient(&text, crate::unicode::nfc);
            if !problems.is_empty() {
                match storage::move_aside(store, &text) {
                    Ok(key) => self.backup.set(Some(Backup { key: Some(key), text, no_longer_stored: false })),
                    Err(issue) => {
                        if self.issue.get_untracked() != Some(issue) {
                            self.issue.set(Some(issue));
                        }
                        return;
                    }
                }
            }
        }
        self.issue.set(None);
        self.list_set_aside();
        self.pull();
        self.push();
    }

    /// Removes the text set aside under `key`, which the member downloaded as
    /// `downloaded` in this visit; only that exact text is removed. Saving, if it was off
    /// for want of a place, is tried again.
    pub fn remove_set_aside(&self, key: &str, downloaded: &str) -> Result<(), NotRemoved> {
        let removed = storage::remove_set_aside(key, downloaded);
        if removed.is_ok() && self.backup.with_untracked(|b| b.as_ref().and_then(|b| b.key.as_deref()) == Some(key)) {
            // This visit's backup is gone from storage: no longer say it is kept there.
            self.backup.set(None);
        }
        self.list_set_aside();
        self.set_aside_again();
        removed
    }

    /// Removes the unreadable text that could not be set aside and so was left where it
    /// was, keeping saving off on every visit (audit 33: a store too large to copy aside
    /// had no way out but clearing the browser's data), once the member downloaded it as
    /// `downloaded` in this visit; only that exact text is removed. Saving then turns
    /// back on, and what this tab holds (the scenarios that could be read from it,
    /// merged with any saved since) is written in its place.
    pub fn remove_unreadable(&self, downloaded: &str) -> Result<(), NotRemoved> {
        let left_here = self.backup.with_untracked(|backup| {
            backup.as_ref().is_some_and(|b| b.key.is_none() && !b.no_longer_stored && b.text == downloaded)
        });
        if !left_here {
            return Err(NotRemoved::Changed);
        }
        storage::remove_unreadable(downloaded)?;
        self.backup.set(None);
        // Nothing is stored now, and this tab removed it: its store is written as new.
        self.sync.update_value(|sync| {
            sync.synced = None;
            sync.removed = false;
        });
        self.set_aside_again();
        Ok(())
    }

    /// Merges what is stored, if another tab wrote since this one last read or wrote,
    /// into this tab's store. Returns whether this tab holds scenarios the stored text
    /// lacks (so it should write them back).
    fn pull(&self) -> bool {
        if self.frozen() {
            return false;
        }
        let storage = storage::local_storage();
        let text = match storage::stored_text(storage.as_ref().map_err(|issue| *issue)) {
            Ok(Some(text)) => text,
            // Nothing stored, though this tab read or wrote a store: something else
            // removed it (another page of this origin, a cleared key), and what this
            // tab holds is written back rather than lost when it closes. Not at once: a
            // page that clears the storage and writes its own store is heard first as
            // the removal, before its write can be read here, and writing back now
            // would replace that write. So it waits for the next check, and a store
            // written meanwhile is merged as any other.
            Ok(None) => {
                let (found_now, pending) = self.sync.with_value(|sync| (sync.synced.is_some(), sync.removed));
                if found_now {
                    self.sync.update_value(|sync| {
                        sync.synced = None;
                        sync.removed = true;
                    });
                    self.check_again_later();
                    return false;
                }
                if pending {
                    self.sync.update_value(|sync| sync.removed = false);
                }
                return pending && self.store.with_untracked(|store| !store.scenarios.is_empty());
            }
            // A read the browser refuses turns saving off (see `frozen`), so the text it
            // holds unread is never written over; `set_aside_again` tries reading again.
            Err(StorageIssue::ReadRefused) => {
                self.issue.set(Some(StorageIssue::ReadRefused));
                return false;
            }
            Err(_) => return false,
        };
        if self.sync.with_value(|sync| sync.synced.as_deref() == Some(text.as_str())) {
            return false;
        }
        let (theirs, problems) = decode_lenient(&text, crate::unicode::nfc);
        if !problems.is_empty() {
            // Text this blockvote cannot fully read (a hand edit, another version):
            // set aside before anything overwrites it, as at startup.
            let moved = match storage.as_ref() {
                Ok(storage) => storage::move_aside(storage, &text),
                Err(_) => Err(StorageIssue::BackupFailed),
            };
            let key = match moved {
                Ok(key) => Some(key),
                Err(issue) => {
                    self.issue.set(Some(issue));
                    None
                }
            };
            self.list_set_aside();
            self.problems.set(problems);
            self.backup.set(Some(Backup { key, text: text.clone(), no_longer_stored: false }));
            if self.frozen() {
                return false;
            }
        }
        let ours = self.store.get_untracked();
        let merged = merge(&ours, &theirs, CONFLICT_LABEL);
        if !merged.conflicts.is_empty() {
            self.conflicts.update(|conflicts| note_conflicts(conflicts, merged.conflicts));
        }
        let write_back = merged.store.scenarios != theirs.scenarios;
        self.sync.update_value(|sync| {
            sync.worked_from.heard(&merged.store);
            sync.synced = Some(text);
            sync.removed = false;
        });
        if merged.store != ours {
            self.store.set(merged.store);
        }
        write_back
    }

    /// Writes this tab's store, unless it is what is stored already. A refused write
    /// turns saving off (the store still applies for this visit) and is shown; a
    /// later write that works turns it back on.
    fn push(&self) {
        if self.frozen() {
            return;
        }
        let text = self.store.with_untracked(encode_stored);
        if self.sync.with_value(|sync| sync.synced.as_deref() == Some(text.as_str())) {
            return;
        }
        let storage = storage::local_storage();
        let result = storage::write(storage.as_ref().map_err(|issue| *issue), &text);
        if result.is_ok() {
            self.sync.update_value(|sync| {
                sync.synced = Some(text);
                sync.removed = false;
            });
            self.check_again_later();
        }
        let issue = result.err();
        if self.issue.get_untracked() != issue {
            self.issue.set(issue);
        }
    }

    /// Reads the store again after each of [`RECHECK_AFTER`], merging and writing back
    /// anything of this tab's that another tab's simultaneous write dropped. A check
    /// that finds nothing new writes nothing, so the checks stop by themselves.
    fn check_again_later(&self) {
        for delay in RECHECK_AFTER {
            let saved = self.clone();
            set_timeout(move || saved.heard(), delay);
        }
    }

    /// Reads now what other tabs stored, before a choice made on what this tab shows is
    /// carried out (an import's "Replace"): a tab that has not heard a write yet, or
    /// never will (another browser window whose storage events do not reach it), sees
    /// it first.
    pub fn hear_other_tabs(&self) {
        self.heard();
    }

    /// Another tab wrote: merge it in, and write back what only this tab holds; and
    /// read again which texts are set aside (saving, if it was off for want of a place
    /// to set text aside, is tried again).
    fn heard(&self) {
        self.list_set_aside();
        self.set_aside_again();
        // A write the browser refused (its storage full) is tried again whenever the
        // tab hears anything, as when it comes back into view: the member may have
        // made room since, and what only this tab holds is stored without waiting for
        // another change (audit 36: a duplicate stayed unstored until the next one).
        let refused_before = self.issue.with_untracked(|issue| *issue == Some(StorageIssue::WriteRefused));
        if self.pull() || refused_before {
            self.push();
        }
    }

    /// Makes a change: `change` on a copy of what this tab shows, kept if the model's
    /// rules allow (`blockvote_model::saved::commit`); then what is stored is merged
    /// in (another tab may have written) and the result written. Made on what the
    /// member saw, a change to a scenario another tab changed meanwhile is a conflict
    /// and both versions are kept, rather than one silently replacing the other. A
    /// refusal changes nothing and is kept in [`Saved::refusal`] for the notice under
    /// the navigation; see [`Saved::apply_at_field`] for a change made in a field.
    fn apply<R>(&self, change: impl FnOnce(&mut Store, &mut Writer) -> Result<R, Refusal>) -> Result<R, Refusal> {
        self.change_store(false, |before, writer| commit_edit(before, None, writer, CONFLICT_LABEL, change))
    }

    /// [`Saved::apply`] for a change typed into a field (a save, a rename, a note): its
    /// refusal is returned to be said there, and not repeated in the notice. A field
    /// that opened on a saved scenario passes the version it opened on (`began_on`):
    /// the change is made on what the member saw, so a change another tab made to the
    /// same scenario meanwhile (heard while the field was open) is never replaced
    /// unseen: both are made into one version, or, if both changed the same (two
    /// renames, two notes), both are kept as a conflict (`blockvote_model::saved::commit_edit`).
    fn apply_at_field<R>(
        &self,
        change: impl FnOnce(&mut Store, &mut Writer) -> Result<R, Refusal>,
        began_on: Option<&SavedScenario>,
    ) -> Result<R, Refusal> {
        self.change_store(true, |before, writer| commit_edit(before, began_on, writer, CONFLICT_LABEL, change))
    }

    /// Makes a change through `commit` (the model's rule for it: [`commit_edit`] or
    /// [`commit_save`]) on what this tab shows, then keeps, merges and writes it. A
    /// change typed into a field (`at_field`) has its refusal said there.
    fn change_store<R>(
        &self,
        at_field: bool,
        commit: impl FnOnce(&Store, &mut Writer) -> Result<(R, Merged), Refusal>,
    ) -> Result<R, Refusal> {
        let before = self.store.get_untracked();
        let mut outcome = Err(Refusal::Gone);
        self.sync.update_value(|sync| {
            sync.writer.at(now());
            outcome = commit(&before, &mut sync.writer);
        });
        match outcome {
            Ok((result, merged)) => {
                if !merged.conflicts.is_empty() {
                    self.conflicts.update(|conflicts| note_conflicts(conflicts, merged.conflicts));
                }
                let kept = merged.store;
                self.sync.update_value(|sync| sync.worked_from.changed(&before, &kept));
                if kept != before {
                    self.store.set(kept);
                }
                if self.refusal.with_untracked(Option::is_some) {
                    self.refusal.set(None);
                }
                self.pull();
                self.push();
                Ok(result)
            }
            Err(refusal) => {
                if !at_field {
                    self.refusal.set(Some(refusal.clone()));
                }
                Err(refusal)
            }
        }
    }

    /// Saves `scenario` under `name` (cleaned): a scenario of that name is replaced,
    /// otherwise one is added. Returns the id. Refused (nothing saved, the scenario
    /// stays on screen) if the name is unusable, the store is full or would be too
    /// large; words: `blockvote_present::storage::refusal`.
    /// The scenario's questions (those of the scenario being edited) are saved with it.
    /// A replacement is made on the version this tab's member worked from
    /// ([`WorkedFrom`], [`commit_save`]): levers another tab saved under that name,
    /// heard or not, which the member has not opened, are kept too.
    pub fn save(
        &self,
        name: &str,
        scenario: Scenario,
        simulation: Option<SimulationChoices>,
    ) -> Result<String, Refusal> {
        let questions = self.questions.get_untracked();
        let on = self.store.with_untracked(|store| {
            self.sync.with_value(|sync| sync.worked_from.for_save(store, name, sync.writer.normalizer()))
        });
        let save = |store: &mut Store, writer: &mut Writer| {
            let id = store.save(writer, name, scenario, simulation)?;
            store.set_questions(writer, &id, questions)?;
            Ok(id)
        };
        self.change_store(true, |before, writer| commit_save(before, &on, writer, CONFLICT_LABEL, save))
    }

    /// Changes the questions of the scenario being edited (`blockvote_present::questions`
    /// makes the change); a refusal (a limit) changes nothing and is returned to be
    /// said at the field.
    pub fn change_questions<R>(
        &self,
        change: impl FnOnce(&mut Vec<Question>) -> Result<R, QuestionProblem>,
    ) -> Result<R, QuestionProblem> {
        let mut questions = self.questions.get_untracked();
        let result = change(&mut questions)?;
        if self.questions.with_untracked(|before| *before != questions) {
            questions::remember(&questions);
            self.questions.set(questions);
        }
        Ok(result)
    }

    /// Opening a saved scenario brings back its questions, and makes it the version a
    /// save under its name changes ([`WorkedFrom`]): its member has now seen it.
    pub fn opened(&self, id: &str) {
        let Some(version) = self.store.with_untracked(|store| store.by_id(id).cloned()) else {
            return;
        };
        self.sync.update_value(|sync| sync.worked_from.opened(&version));
        let unsaved = self.questions.with_untracked(|current| {
            self.store
                .with_untracked(|store| questions_unsaved(current, &version.questions, store))
                .then(|| current.clone())
        });
        // Questions an earlier opening replaced stay offered until brought back or
        // dismissed; only questions this opening replaces take their place.
        if let Some(questions) = unsaved {
            self.set_replaced_questions(Some((version.name, questions)));
        }
        let kept = version.questions;
        let _ = self.change_questions(|questions| {
            *questions = kept;
            Ok(())
        });
    }

    /// Forgets the text of the questions that did not read (the member dismissed it).
    pub fn dismiss_questions_left_out(&self) {
        self.questions_left_out.set(questions::forget_left_out());
        // The questions changed while the kept draft could not be written over are kept
        // now that it can be.
        questions::remember(&self.questions.get_untracked());
    }

    /// Puts back the questions an opening replaced (see `replaced_questions`).
    pub fn bring_back_questions(&self) {
        if let Some((_, replaced)) = self.replaced_questions.get_untracked() {
            let _ = self.change_questions(|questions| {
                *questions = replaced;
                Ok(())
            });
        }
        self.set_replaced_questions(None);
    }

    /// Sets the questions an opening replaced (`None`: none are offered back), kept
    /// in the tab's storage for a reload like the questions being edited.
    pub fn set_replaced_questions(&self, replaced: Option<(String, Vec<Question>)>) {
        questions::remember_replaced(replaced.as_ref());
        self.replaced_questions.set(replaced);
    }

    /// Renames a scenario (a name another uses becomes `name (2)` …), as typed into a
    /// field that opened on `began_on` (see [`Saved::apply_at_field`]).
    pub fn rename(&self, id: &str, name: &str, began_on: Option<&SavedScenario>) -> Result<(), Refusal> {
        self.apply_at_field(|store, writer| store.rename(writer, id, name), began_on)
    }

    /// Sets (or, with empty text, clears) a scenario's note, as typed into a field
    /// that opened on `began_on` (see [`Saved::apply_at_field`]).
    pub fn set_note(&self, id: &str, note: &str, began_on: Option<&SavedScenario>) -> Result<(), Refusal> {
        self.apply_at_field(|store, writer| store.set_note(writer, id, note), began_on)
    }

    /// Puts back at the end of the list a scenario another tab deleted while one of
    /// its fields was being edited here: the version the field opened on, with the
    /// edit (`edit`, given the id it is put back under) made to it, so what the
    /// member typed is not lost. A refusal (full, too long) is returned to be said at
    /// the field.
    pub fn put_back_edited(
        &self,
        began_on: SavedScenario,
        edit: impl FnOnce(&mut Store, &Writer, &str) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        self.apply_at_field(
            |store, writer| {
                let id = store.restore(writer, store.scenarios.len(), began_on)?;
                edit(store, writer, &id)
            },
            None,
        )
    }

    /// Adds a copy right after the scenario and returns its id; a refusal (full, too
    /// large) is returned to be said in the scenario's row, where Duplicate was pressed.
    pub fn duplicate(&self, id: &str) -> Result<String, Refusal> {
        self.apply_at_field(|store, writer| store.duplicate(writer, id), None)
    }

    pub fn delete(&self, id: &str) {
        if let Ok(Some((position, scenario))) = self.apply(|store, _| Ok(store.delete(id))) {
            self.deleted.set(Some(Deleted { position, scenario }));
        }
    }

    /// Puts the last deleted scenario back; a refusal (full) keeps the undo offered.
    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else { return };
        let restored = self.apply(|store, writer| store.restore(writer, deleted.position, deleted.scenario));
        if restored.is_ok() {
            self.deleted.set(None);
        }
    }

    /// Imports scenarios read from a file: same names replaced or kept apart (renamed
    /// `name (2)` …); what does not fit is named in the report (words:
    /// `blockvote_present::storage::import_result`).
    pub fn import(&self, incoming: Vec<SavedScenario>, replace_same_name: bool) -> ImportReport {
        self.apply(|store, writer| Ok(store.import(writer, incoming, replace_same_name))).unwrap_or_default()
    }

    /// Offers an offline copy of this page carrying the saved scenarios, the one being
    /// edited if it is not saved (named in `lang`), and the imported dataset if one is
    /// in use. Returns the file name and how many scenarios it carries, or why it was
    /// not made (words: [`offline::copy_outcome`]).
    pub fn offline_copy(
        &self,
        current: &Scenario,
        simulation: Option<&SimulationChoices>,
        dataset: Option<&CarriedDataset>,
        lang: Lang,
    ) -> Result<(String, usize), CopyError> {
        let mut carried = Store::default();
        self.sync.update_value(|sync| {
            sync.writer.at(now());
            carried = self.store.with_untracked(|store| {
                store_to_carry(store, current, simulation, UNSAVED_WHEN_COPIED.get(lang), &mut sync.writer)
            });
        });
        // The scenario being edited, if the copy carries it unsaved, takes its questions.
        let unsaved =
            self.store.with_untracked(|store| carried.scenarios.iter().position(|row| store.by_id(&row.id).is_none()));
        if let Some(row) = unsaved.and_then(|at| carried.scenarios.get_mut(at)) {
            row.questions = self.questions.get_untracked();
        }
        let count = carried.scenarios.len();
        offline::download_offline_copy(&carried, dataset).map(|name| (name, count))
    }
}
