//! The browser's `localStorage`, where saved scenarios live between visits.
//!
//! Storage can be missing (some private windows, some `file://` setups, a policy),
//! can refuse a write (quota), and can hold text that is not a store (an older or
//! newer blockvote, a hand edit, a half-written entry). None of that stops the app:
//! every `JsValue` error is caught and turned into a [`StorageIssue`], and a corrupt
//! entry is set aside under a numbered key — never over an earlier one — before the
//! readable part is used.

use blockvote_model::saved::set_aside::{slot_keys, SCENARIOS_SET_ASIDE_KEY};
pub use blockvote_model::saved::StorageIssue;
use blockvote_model::saved::{decode_lenient, encode_stored, set_aside_in, SetAsideKey, Store, StoreProblem};

/// Where the scenarios are kept. The key's `v1` is the key's own version: the text
/// under it says its format version (2 now), and older versions are migrated.
pub const KEY: &str = "blockvote.scenarios.v1";
/// Where a corrupt entry is moved; `.2`, `.3` … if that is taken (the model's places,
/// `blockvote_model::saved::set_aside`, at most `limits::MAX_SET_ASIDE`).
pub const BACKUP_KEY: &str = SCENARIOS_SET_ASIDE_KEY;
/// Written and removed at startup to learn whether writing works.
const PROBE_KEY: &str = "blockvote.scenarios.probe";

/// Text that was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The key it was copied to, if copying worked.
    pub key: Option<String>,
    /// The text, for download.
    pub text: String,
    /// Left where it was (no `key`), it has since been changed or removed there by
    /// another tab: this tab's copy is the only one left, and the notice says so.
    pub no_longer_stored: bool,
}

/// What was found in storage at startup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub store: Store,
    pub problems: Vec<StoreProblem>,
    pub backup: Option<Backup>,
    pub issue: Option<StorageIssue>,
    /// The stored text the store was read from (to tell later whether another tab
    /// wrote since).
    pub text: Option<String>,
}

/// The page's `localStorage`, or why there is none. Merely asking can throw (a
/// `SecurityError` when storage is disabled), which is caught here.
pub fn local_storage() -> Result<web_sys::Storage, StorageIssue> {
    let window = web_sys::window().ok_or(StorageIssue::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageIssue::Unavailable),
    }
}

/// The tab's `sessionStorage`, if the browser gives one (it may refuse, as for
/// `localStorage`, when storage is disabled): what lasts for a reload of this tab
/// only (the questions being drafted, an address not yet written).
pub fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Reads the saved scenarios. A missing entry is an empty store; an entry with
/// problems keeps its readable scenarios, and its text is copied to a free backup key.
pub fn restore(storage: Result<&web_sys::Storage, StorageIssue>) -> Restored {
    let storage = match storage {
        Ok(storage) => storage,
        Err(issue) => return Restored { issue: Some(issue), ..Restored::default() },
    };
    let text = match storage.get_item(KEY) {
        Ok(text) => text,
        // Storage that refuses the read may still take a write, which would replace
        // what it holds unread: saving is off until a read works.
        Err(_) => return Restored { issue: Some(StorageIssue::ReadRefused), ..Restored::default() },
    };
    // Reading may work where writing does not (a full quota, a write-blocking policy):
    // a small probe tells at once, so the notice shows before anything is lost.
    let writable = storage.set_item(PROBE_KEY, "1").is_ok();
    let _ = storage.remove_item(PROBE_KEY);
    let probe_issue = (!writable).then_some(StorageIssue::WriteRefused);
    let Some(text) = text else {
        return Restored { issue: probe_issue, ..Restored::default() };
    };
    let (store, problems) = decode_lenient(&text, crate::unicode::nfc);
    if problems.is_empty() {
        return Restored { store, issue: probe_issue, text: Some(text), ..Restored::default() };
    }
    let (key, issue) = match move_aside(storage, &text) {
        Ok(key) => (Some(key), None),
        Err(issue) => (None, Some(issue)),
    };
    Restored {
        store,
        problems,
        backup: Some(Backup { key, text: text.clone(), no_longer_stored: false }),
        issue,
        text: Some(text),
    }
}

/// Copies a corrupt scenarios entry to the first free backup key (see [`set_aside`]).
pub fn move_aside(storage: &web_sys::Storage, text: &str) -> Result<String, StorageIssue> {
    set_aside(storage, BACKUP_KEY, text)
}

/// Copies `text` to `base`, or `base.2`, `base.3` … whichever is free first (or
/// already holds the same text); never overwrites other text. The key, or why no key
/// could be written: [`StorageIssue::BackupSlotsFull`] when every place holds other
/// text, [`StorageIssue::BackupFailed`] when storage refused.
pub fn set_aside(storage: &web_sys::Storage, base: &str, text: &str) -> Result<String, StorageIssue> {
    for key in slot_keys(base) {
        match storage.get_item(&key) {
            Ok(Some(existing)) if existing == text => return Ok(key),
            Ok(Some(_)) => continue,
            Ok(None) => return storage.set_item(&key, text).map(|_| key).map_err(|_| StorageIssue::BackupFailed),
            Err(_) => return Err(StorageIssue::BackupFailed),
        }
    }
    Err(StorageIssue::BackupSlotsFull)
}

/// Every text set aside in storage (the saved scenarios' and the datasets'), in the
/// order of their places; none if storage cannot be read.
pub fn set_aside_list() -> Vec<SetAsideKey> {
    let Ok(storage) = local_storage() else { return Vec::new() };
    let length = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..length).filter_map(|at| storage.key(at).ok().flatten()).collect();
    set_aside_in(keys.iter().map(String::as_str))
}

/// The text set aside under `key` (one of [`set_aside_list`]'s), if it is still there.
pub fn set_aside_text(key: &str) -> Option<String> {
    if set_aside_in([key]).is_empty() {
        return None;
    }
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Why a text set aside was not removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRemoved {
    /// The text under the key is not the one downloaded (another tab set aside other
    /// text there since).
    Changed,
    /// Storage refused, or the key is not a place for text set aside.
    Refused,
}

/// Removes the text set aside under `key`, only if it is still exactly `downloaded`
/// (what the member downloaded), so nothing not downloaded is ever removed. Already
/// gone counts as removed.
pub fn remove_set_aside(key: &str, downloaded: &str) -> Result<(), NotRemoved> {
    if set_aside_in([key]).is_empty() {
        return Err(NotRemoved::Refused);
    }
    remove_if_still(key, downloaded)
}

/// Removes the saved scenarios' own text, unreadable and left where it was because it
/// could not be set aside, only if it is still exactly `downloaded`.
pub fn remove_unreadable(downloaded: &str) -> Result<(), NotRemoved> {
    remove_if_still(KEY, downloaded)
}

/// Removes what `key` holds if it is exactly `downloaded`; already gone counts as removed.
fn remove_if_still(key: &str, downloaded: &str) -> Result<(), NotRemoved> {
    let storage = local_storage().map_err(|_| NotRemoved::Refused)?;
    match storage.get_item(key) {
        Ok(None) => Ok(()),
        Ok(Some(text)) if text == downloaded => storage.remove_item(key).map_err(|_| NotRemoved::Refused),
        Ok(Some(_)) => Err(NotRemoved::Changed),
        Err(_) => Err(NotRemoved::Refused),
    }
}

/// The stored text (`None` when nothing is stored), or why it cannot be read: no
/// storage, or [`StorageIssue::ReadRefused`] when the browser refuses the read.
pub fn stored_text(storage: Result<&web_sys::Storage, StorageIssue>) -> Result<Option<String>, StorageIssue> {
    storage?.get_item(KEY).map_err(|_| StorageIssue::ReadRefused)
}

/// Writes `text` (a store as [`encode_stored`] writes it). Any refusal (quota,
/// disabled storage) is caught.
pub fn write(storage: Result<&web_sys::Storage, StorageIssue>, text: &str) -> Result<(), StorageIssue> {
    storage?.set_item(KEY, text).map_err(|_| StorageIssue::WriteRefused)
}

/// Writes the store.
pub fn save(storage: Result<&web_sys::Storage, StorageIssue>, store: &Store) -> Result<(), StorageIssue> {
    write(storage, &encode_stored(store))
}
