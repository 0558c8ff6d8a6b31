//! The questions of the scenario being edited, kept in the tab's `sessionStorage` the
//! way the scenario itself is kept in the tab's address: a reload (or the rescue after
//! a crash) keeps them, and two tabs each editing a scenario never overwrite each
//! other's, as they would under one `localStorage` key. They are a draft of the
//! member's: storage that is missing or refuses the write only means they last for
//! this visit (saving them with a scenario is what keeps them safe).

use super::storage::tab_storage;
use blockvote_model::saved::questions::{decode_questions, encode_questions};
use blockvote_model::saved::Question;

/// Where they are kept; the text is a JSON list (`blockvote_model::saved::questions`).
pub const KEY: &str = "blockvote.questions.v1";
/// Where the questions the last opening of a saved scenario replaced are kept (see
/// `Saved::replaced_questions`), and the name of that scenario, so that a reload
/// still offers them back.
pub const REPLACED_KEY: &str = "blockvote.questions.replaced.v1";
pub const REPLACED_BY_KEY: &str = "blockvote.questions.replaced-by.v1";

/// Where the text of a kept draft that did not all read is kept as it was, for
/// download, until the member dismisses it: the draft written next replaces the text
/// under [`KEY`]. Text already kept there is not replaced.
pub const LEFT_OUT_KEY: &str = "blockvote.questions.unreadable.v1";

/// The questions this tab kept before a reload, every one that reads; none if there are
/// none. If any did not read, the text is set aside first (see [`set_aside`]).
pub fn restore() -> Vec<Question> {
    let Some(storage) = tab_storage() else { return Vec::new() };
    let Some(text) = storage.get_item(KEY).ok().flatten() else { return Vec::new() };
    let kept = decode_questions(&text, crate::unicode::nfc);
    if kept.left_out {
        set_aside(&storage, &text);
    }
    kept.questions
}

/// Whether the kept draft under [`KEY`] may be written over: it may when it all reads,
/// or when its text is kept under [`LEFT_OUT_KEY`] (it is put there if that is free).
/// It may not while that place holds the text of an earlier draft the member has not
/// dismissed, or while storage has no room to keep it: then it is the only copy.
fn may_write_over(storage: &web_sys::Storage) -> bool {
    match storage.get_item(KEY).ok().flatten() {
        Some(text) if decode_questions(&text, crate::unicode::nfc).left_out => set_aside(storage, &text),
        _ => true,
    }
}

/// Keeps `text`, a kept draft that did not all read, under [`LEFT_OUT_KEY`] unless
/// text is kept there already, and says whether `text` is kept there now.
fn set_aside(storage: &web_sys::Storage, text: &str) -> bool {
    match left_out() {
        Some(kept) => kept == text,
        None => {
            keep_left_out(storage, text);
            left_out().as_deref() == Some(text)
        }
    }
}

/// Keeps `text`, a kept draft that did not all read, under [`LEFT_OUT_KEY`]. Where
/// the tab's storage has no room for a copy beside it (text of megabytes), it is moved
/// there instead, or, if even that fails, left where it is: the draft written next
/// must not replace the only copy.
fn keep_left_out(storage: &web_sys::Storage, text: &str) {
    if storage.set_item(LEFT_OUT_KEY, text).is_ok() {
        return;
    }
    let _ = storage.remove_item(KEY);
    if storage.set_item(LEFT_OUT_KEY, text).is_err() {
        let _ = storage.set_item(KEY, text);
    }
}

/// The text of a kept draft that did not all read, if this tab keeps one.
pub fn left_out() -> Option<String> {
    tab_storage()?.get_item(LEFT_OUT_KEY).ok().flatten()
}

/// Forgets the text of a kept draft that did not all read (the member dismissed it),
/// and returns the text kept in its place: that of a later draft that did not all read
/// either, which had to wait for the place to be free.
pub fn forget_left_out() -> Option<String> {
    let storage = tab_storage()?;
    let _ = storage.remove_item(LEFT_OUT_KEY);
    may_write_over(&storage);
    left_out()
}

/// Keeps `questions` for a reload of this tab (removes the entry when there are none).
/// While the kept draft may not be written over, they last for this visit only.
pub fn remember(questions: &[Question]) {
    let Some(storage) = tab_storage() else { return };
    if !may_write_over(&storage) {
        return;
    }
    let _ = if questions.is_empty() {
        storage.remove_item(KEY)
    } else {
        storage.set_item(KEY, &encode_questions(questions))
    };
}

/// The questions an opening replaced, with the opened scenario's name, as this tab
/// kept them before a reload; none if there are none. Questions that do not read are
/// left out as those of the kept draft are: their text is set aside for the member to
/// download, with the notice that says so, so that an offer that did not read is never
/// dropped without a word. (If the place for such text is taken already, by a draft
/// that did not read either, it stays where it is until the member dismisses that.)
pub fn restore_replaced() -> Option<(String, Vec<Question>)> {
    let storage = tab_storage()?;
    let text = storage.get_item(REPLACED_KEY).ok().flatten()?;
    let kept = decode_questions(&text, crate::unicode::nfc);
    // The name is read as every stored name is (cleaned, and within the limit), since
    // it is shown; one that is missing (its write failed after the questions') or does
    // not read is not shown, and the questions are still offered back.
    let stored_name = storage.get_item(REPLACED_BY_KEY).ok().flatten().unwrap_or_default();
    let name = blockvote_model::saved::clean_name(&stored_name, crate::unicode::nfc).unwrap_or_default();
    let offer = (!kept.questions.is_empty()).then_some((name, kept.questions));
    // Once its text is set aside, the offer is kept as it reads, so that the notice a
    // member dismissed does not come back at the next reload.
    if kept.left_out && set_aside(&storage, &text) {
        remember_replaced(offer.as_ref());
    }
    offer
}

/// Keeps the questions an opening replaced, and the opened scenario's name, for a
/// reload of this tab (removes them when there are none).
pub fn remember_replaced(replaced: Option<&(String, Vec<Question>)>) {
    let Some(storage) = tab_storage() else { return };
    let _ = match replaced {
        Some((name, questions)) => storage
            .set_item(REPLACED_KEY, &encode_questions(questions))
            .and_then(|()| storage.set_item(REPLACED_BY_KEY, name)),
        None => storage.remove_item(REPLACED_KEY).and_then(|()| storage.remove_item(REPLACED_BY_KEY)),
    };
}
