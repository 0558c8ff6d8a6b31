//! The questions of the scenario being edited, kept in the tab's `sessionStorage` the
//! way the scenario itself is kept in the tab's address: a reload (or the rescue after
//! a crash) keeps them, and two tabs each editing a scenario never overwrite each
//! other's, as they would under one `localStorage` key. They are a draft of the
//! member's: storage that is missing or refuses the write only means they last for
//! this visit (saving them with a scenario is what keeps them safe).

use blockvote_model::saved::questions::{decode_questions, encode_questions};
use blockvote_model::saved::Question;

/// Where they are kept; the text is a JSON list (`blockvote_model::saved::questions`).
pub const KEY: &str = "blockvote.questions.v1";

/// The tab's `sessionStorage`, if the browser gives one (it may refuse, as for
/// `localStorage`, when storage is disabled).
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The questions this tab kept before a reload; none if there are none or they cannot
/// be read.
pub fn restore() -> Vec<Question> {
    tab_storage()
        .and_then(|storage| storage.get_item(KEY).ok().flatten())
        .map(|text| decode_questions(&text, crate::unicode::nfc))
        .unwrap_or_default()
}

/// Keeps `questions` for a reload of this tab (removes the entry when there are none).
pub fn remember(questions: &[Question]) {
    let Some(storage) = tab_storage() else { return };
    let _ = if questions.is_empty() {
        storage.remove_item(KEY)
    } else {
        storage.set_item(KEY, &encode_questions(questions))
    };
}
