//! The questions of the scenario being edited, kept in `localStorage` between visits
//! the way the scenario itself is kept in the address: a reload keeps them. They are a
//! draft of the member's: storage that is missing or refuses the write only means
//! they last for this visit (saving them with a scenario is what keeps them safe).

use blockvote_model::saved::questions::{decode_questions, encode_questions};
use blockvote_model::saved::Question;

/// Where they are kept; the text is a JSON list (`blockvote_model::saved::questions`).
pub const KEY: &str = "blockvote.questions.v1";

/// The questions kept by an earlier visit; none if there are none or they cannot be
/// read.
pub fn restore() -> Vec<Question> {
    super::storage::local_storage()
        .ok()
        .and_then(|storage| storage.get_item(KEY).ok().flatten())
        .map(|text| decode_questions(&text, crate::unicode::nfc))
        .unwrap_or_default()
}

/// Keeps `questions` for the next visit (removes the entry when there are none).
pub fn remember(questions: &[Question]) {
    let Ok(storage) = super::storage::local_storage() else { return };
    let _ = if questions.is_empty() {
        storage.remove_item(KEY)
    } else {
        storage.set_item(KEY, &encode_questions(questions))
    };
}
