//! Saved scenarios in the browser: the store (a signal), autosave to `localStorage`
//! on every change, and what happened at startup (a corrupt entry moved aside, storage
//! unavailable). The format and its decoding are the model's
//! (`blockvote_model::saved`); this module holds only the effects. See
//! `docs/storage.md`.
//!
//! The state is one per page, created on first use (or at startup by
//! [`restore_at_startup`]). Its signals are reference-counted (`ArcRwSignal`), so they
//! outlive whichever screen first asked for them.

pub mod files;
pub mod offline;
pub mod storage;

use blockvote_model::engine::Scenario;
use blockvote_model::offline::CarriedReport;
use blockvote_model::saved::{SavedScenario, Store, StoreProblem};
use leptos::prelude::*;
use std::cell::RefCell;
use storage::{Backup, StorageIssue};

/// A deleted scenario, kept so the delete can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub position: usize,
    pub scenario: SavedScenario,
}

/// The saved scenarios and the state of their storage.
#[derive(Clone)]
pub struct Saved {
    pub store: ArcRwSignal<Store>,
    /// Why saving is off, if it is.
    pub issue: ArcRwSignal<Option<StorageIssue>>,
    /// What could not be read from storage at startup.
    pub problems: ArcRwSignal<Vec<StoreProblem>>,
    /// The corrupt entry moved aside at startup, offered for download.
    pub backup: ArcRwSignal<Option<Backup>>,
    /// The last deleted scenario (undo).
    pub deleted: ArcRwSignal<Option<Deleted>>,
    /// What this page's carried scenarios (an offline copy's) did at startup.
    pub carried: ArcRwSignal<Option<Carried>>,
}

/// The scenarios an offline copy carried, once added to the saved ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    pub report: CarriedReport,
    /// Parts of the carried block that could not be read.
    pub problems: Vec<StoreProblem>,
}

thread_local! {
    static SAVED: RefCell<Option<Saved>> = const { RefCell::new(None) };
}

/// The page's saved scenarios, restored from storage on first use.
pub fn use_saved() -> Saved {
    SAVED.with(|cell| {
        let mut cell = cell.borrow_mut();
        match cell.as_ref() {
            Some(saved) => saved.clone(),
            None => {
                let saved = Saved::restore();
                *cell = Some(saved.clone());
                saved
            }
        }
    })
}

/// Restores the saved scenarios as the app starts, so a corrupt entry is moved aside
/// at once rather than when the scenarios screen is first opened; then adds the
/// scenarios an offline copy carries (each once: see `Store::absorb_carried`).
pub fn restore_at_startup() {
    let saved = use_saved();
    if saved.carried.get_untracked().is_some() {
        return;
    }
    if let Some((store, problems)) = offline::carried_scenarios() {
        let mut report = CarriedReport::default();
        saved.change(|mine| report = mine.absorb_carried(store));
        saved.carried.set(Some(Carried { report, problems }));
    }
}

impl Saved {
    /// Reads `localStorage` (see [`storage::restore`]).
    pub fn restore() -> Saved {
        let storage = storage::local_storage();
        Saved::from_restored(storage::restore(storage.as_ref().map_err(|issue| *issue)))
    }

    pub fn from_restored(restored: storage::Restored) -> Saved {
        Saved {
            store: ArcRwSignal::new(restored.store),
            issue: ArcRwSignal::new(restored.issue),
            problems: ArcRwSignal::new(restored.problems),
            backup: ArcRwSignal::new(restored.backup),
            deleted: ArcRwSignal::new(None),
            carried: ArcRwSignal::new(None),
        }
    }

    /// Changes the store and saves it at once. A refused write turns saving off (the
    /// change still applies for this visit) and is shown; a later write that works
    /// turns it back on. Nothing is written while a corrupt entry could not be moved
    /// aside, so it is never overwritten.
    pub fn change(&self, change: impl FnOnce(&mut Store)) {
        self.store.update(change);
        if self.issue.get_untracked() == Some(StorageIssue::BackupFailed) {
            return;
        }
        let storage = storage::local_storage();
        let result = self.store.with_untracked(|store| storage::save(storage.as_ref().map_err(|i| *i), store));
        let issue = result.err();
        if self.issue.get_untracked() != issue {
            self.issue.set(issue);
        }
    }

    /// Saves `scenario` under `name` (cleaned; refused if empty or too long). A name
    /// already used is replaced. Returns the id.
    pub fn save_as(&self, name: &str, scenario: Scenario, seed: Option<u64>) -> Result<String, StoreProblem> {
        let name = blockvote_model::saved::clean_name(name).map_err(|reason| StoreProblem::Row {
            index: 0,
            field: "name",
            reason,
        })?;
        let mut id = String::new();
        self.change(|store| {
            if let Some(existing) = store.scenarios.iter_mut().find(|s| s.name == name) {
                existing.scenario = scenario;
                existing.seed = seed;
                id = existing.id.clone();
            } else {
                id = store.fresh_id();
                store.scenarios.push(SavedScenario { id: id.clone(), name, scenario, seed });
            }
        });
        Ok(id)
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<(), StoreProblem> {
        let name = blockvote_model::saved::clean_name(name).map_err(|reason| StoreProblem::Row {
            index: 0,
            field: "name",
            reason,
        })?;
        self.change(|store| {
            let taken = store.scenarios.iter().any(|s| s.name == name && s.id != id);
            let name = if taken { store.unused_name(&name) } else { name };
            if let Some(saved) = store.scenarios.iter_mut().find(|s| s.id == id) {
                saved.name = name;
            }
        });
        Ok(())
    }

    pub fn duplicate(&self, id: &str) {
        self.change(|store| {
            let Some(position) = store.position(id) else { return };
            let Some(original) = store.scenarios.get(position).cloned() else { return };
            let copy = SavedScenario {
                id: store.fresh_id(),
                name: store.unused_name(&original.name),
                scenario: original.scenario,
                seed: original.seed,
            };
            store.scenarios.insert(position + 1, copy);
        });
    }

    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.change(|store| {
            if let Some(position) = store.position(id) {
                removed = Some(Deleted { position, scenario: store.scenarios.remove(position) });
            }
        });
        if removed.is_some() {
            self.deleted.set(removed);
        }
    }

    pub fn undo_delete(&self) {
        let Some(deleted) = self.deleted.get_untracked() else { return };
        self.change(|store| {
            let position = deleted.position.min(store.scenarios.len());
            let mut scenario = deleted.scenario;
            if store.position(&scenario.id).is_some() {
                scenario.id = store.fresh_id();
            }
            scenario.name = store.unused_name(&scenario.name);
            store.scenarios.insert(position, scenario);
        });
        self.deleted.set(None);
    }
}
