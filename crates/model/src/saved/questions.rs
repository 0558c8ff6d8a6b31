//! The questions a member raises with a scenario: drafts from the findings the member
//! picked or edited, and questions of their own, in the member's order. Saved with the
//! scenario (an optional `questions` field of a row, so stores written before it read
//! back unchanged), and kept for the scenario being edited.
//!
//! ```json
//! "questions": [ { "key": "ceiling-bunching", "picked": true, "en": "Will the …" },
//!                { "key": "own-1", "picked": true, "zh": "請問…" } ]
//! ```
//!
//! A draft's text is not stored: it is worked out again from the data and the
//! scenario (`blockvote_present::questions`), so its figures are always the scenario's.
//! Only what the member typed is: `zh` and `en` replace the draft in that language,
//! each independently, so a switch of language never loses either.

use super::limits::{MAX_QUESTIONS, MAX_QUESTION_CHARS, MAX_QUESTION_KEY_CHARS};
use super::problem::RowReason;
use crate::nfc::Normalizer;
use crate::order::{set_of, SortedSet};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The key prefix of a question the member wrote.
pub const OWN_PREFIX: &str = "own-";

/// One question in the member's list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Question {
    /// The draft's key (`ceiling-bunching`, `split-12` …), or `own-N` for the member's
    /// own; unique in a list. 1 to `MAX_QUESTION_KEY_CHARS` letters, digits or `-`.
    pub key: String,
    /// Whether the member picked it to be raised (printed in the brief). An unpicked
    /// question stays in the list with its text, so unticking loses nothing.
    #[serde(default)]
    pub picked: bool,
    /// The member's Chinese text, replacing the draft's; `None` keeps the draft's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    /// The member's English text, replacing the draft's; `None` keeps the draft's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Question {
    /// Whether the member wrote it (rather than picking a draft).
    pub fn is_own(&self) -> bool {
        self.key.starts_with(OWN_PREFIX)
    }
}

/// Why a list of questions, or a text typed for one, cannot be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionProblem {
    /// More than [`MAX_QUESTIONS`].
    TooMany { max: usize },
    /// A text longer than [`MAX_QUESTION_CHARS`] characters.
    TooLong { max: usize },
    /// A key that is empty, too long, not of letters, digits and `-`, or repeated.
    BadKey,
}

impl From<QuestionProblem> for RowReason {
    fn from(problem: QuestionProblem) -> RowReason {
        match problem {
            QuestionProblem::TooMany { max } => RowReason::TooMany { max },
            QuestionProblem::TooLong { max } => RowReason::TooLong { max },
            QuestionProblem::BadKey => RowReason::Invalid,
        }
    }
}

/// A question's text as kept: like a note (NFC, control characters but line breaks
/// removed, trimmed); refused past [`MAX_QUESTION_CHARS`]. Empty text is `None`: the
/// draft's text again (an own question with no text in a language shows the other's).
pub fn clean_question_text(text: &str, normalize: Normalizer) -> Result<Option<String>, QuestionProblem> {
    let cleaned = super::clean_lines(text, normalize);
    if cleaned.chars().count() > MAX_QUESTION_CHARS {
        return Err(QuestionProblem::TooLong { max: MAX_QUESTION_CHARS });
    }
    Ok((!cleaned.is_empty()).then_some(cleaned))
}

fn usable_key(key: &str) -> bool {
    !key.is_empty()
        && key.chars().count() <= MAX_QUESTION_KEY_CHARS
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A list of questions as kept: at most [`MAX_QUESTIONS`], each key usable and once,
/// each text clean. The one rule of the writer (every change the member makes) and the
/// reader (storage, a file, an offline copy).
pub fn clean_questions(questions: Vec<Question>, normalize: Normalizer) -> Result<Vec<Question>, QuestionProblem> {
    if questions.len() > MAX_QUESTIONS {
        return Err(QuestionProblem::TooMany { max: MAX_QUESTIONS });
    }
    let mut keys = SortedSet::new();
    questions
        .into_iter()
        .map(|question| {
            if !usable_key(&question.key) || !keys.insert(question.key.clone()) {
                return Err(QuestionProblem::BadKey);
            }
            let clean = |text: Option<String>| text.map_or(Ok(None), |text| clean_question_text(&text, normalize));
            Ok(Question { zh: clean(question.zh)?, en: clean(question.en)?, ..question })
        })
        .collect()
}

/// Reads a row's `questions` (absent or null: none). A list that breaks a rule is
/// refused whole, like a note too long: what the member wrote is not cut silently.
pub fn read_questions(value: Option<Value>, normalize: Normalizer) -> Result<Vec<Question>, RowReason> {
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) if items.len() > MAX_QUESTIONS => Err(RowReason::TooMany { max: MAX_QUESTIONS }),
        Some(value @ Value::Array(_)) => {
            let questions: Vec<Question> = serde_json::from_value(value).map_err(|_| RowReason::Invalid)?;
            clean_questions(questions, normalize).map_err(RowReason::from)
        }
        Some(_) => Err(RowReason::WrongType { expected: "list" }),
    }
}

/// The questions of the scenario being edited, as the browser keeps them between
/// visits: a JSON list, `<` escaped like the store.
pub fn encode_questions(questions: &[Question]) -> String {
    serde_json::to_string(questions).unwrap_or_else(|_| "[]".to_string()).replace('<', "\\u003c")
}

/// The questions of the scenario being edited as read back from what
/// [`encode_questions`] wrote (`decode_questions`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptQuestions {
    /// Every question that reads, in order, as [`clean_questions`] keeps them.
    pub questions: Vec<Question>,
    /// Whether anything was left out: a question that does not read (a text too long,
    /// a key repeated or unusable, a wrong type), those past [`MAX_QUESTIONS`], or the
    /// whole text when it is not a list. The caller keeps the text for download.
    pub left_out: bool,
}

/// Reads what [`encode_questions`] wrote, question by question: unlike a saved row's
/// list, which is refused whole, a draft is what the member has, so one question that
/// does not read (the text damaged, or written by another version) leaves out that
/// question alone, and says so ([`KeptQuestions::left_out`]).
pub fn decode_questions(text: &str, normalize: Normalizer) -> KeptQuestions {
    let unreadable = KeptQuestions { questions: Vec::new(), left_out: true };
    if text.len() > super::limits::MAX_WRITE_BYTES {
        return unreadable;
    }
    let Ok(Value::Array(items)) = super::json::parse(text) else { return unreadable };
    let mut kept = KeptQuestions { questions: Vec::new(), left_out: false };
    for item in items {
        let question = serde_json::from_value::<Question>(item).ok().and_then(|question| {
            let taken = kept.questions.iter().any(|q| q.key == question.key);
            let room = kept.questions.len() < MAX_QUESTIONS;
            let clean = clean_questions(vec![question], normalize).ok()?.pop();
            clean.filter(|_| room && !taken)
        });
        match question {
            Some(question) => kept.questions.push(question),
            None => kept.left_out = true,
        }
    }
    kept
}

/// A key for a new question of the member's own, not used in `questions`.
pub fn new_own_key(questions: &[Question]) -> String {
    let taken = set_of(questions.iter().map(|q| q.key.as_str()));
    (1..=MAX_QUESTIONS.saturating_add(1))
        .map(|n| format!("{OWN_PREFIX}{n}"))
        .find(|key| !taken.contains(&key.as_str()))
        .unwrap_or_else(|| format!("{OWN_PREFIX}0"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::monte_carlo::SimulationChoices;
    use crate::engine::Scenario;
    use crate::nfc::nfc;
    use crate::saved::{commit, decode, decode_lenient, encode, encode_stored, Refusal, SavedScenario, Store, Writer};
    use crate::saved::{StoreProblem, MAX_QUESTIONS, MAX_QUESTION_CHARS};

    fn question(key: &str, picked: bool, zh: Option<&str>, en: Option<&str>) -> Question {
        Question { key: key.into(), picked, zh: zh.map(str::to_string), en: en.map(str::to_string) }
    }

    fn with_questions(questions: Vec<Question>) -> Store {
        let mut saved = SavedScenario::new("k-1", "Asked", Scenario::default(), Some(SimulationChoices::with_seed(7)));
        saved.questions = questions;
        saved.saved_at = Some(1_700_000_000_000);
        saved.history = vec!["abc.1".into()];
        Store::of(vec![saved])
    }

    /// A row `{"name": "Q", "scenario": {}, "questions": <json>}` read back: its
    /// questions, or the problem of the row.
    #[track_caller]
    fn check_read(json: &str, expected: Result<Vec<Question>, RowReason>) {
        let text = format!(
            r#"{{"format":"blockvote-scenarios","version":2,"scenarios":[{{"id":"a","name":"Q","scenario":{{}},"questions":{json}}}]}}"#
        );
        let (store, problems) = decode_lenient(&text, nfc);
        let found = match problems.into_iter().next() {
            Some(StoreProblem::Row { field: "questions", reason, .. }) => Err(reason),
            Some(other) => panic!("{other:?}"),
            None => Ok(store.scenarios.into_iter().next().map(|s| s.questions).unwrap_or_default()),
        };
        assert_eq!(found, expected, "{json}");
    }

    #[test]
    fn a_store_with_questions_reads_back_identical() {
        let store = with_questions(vec![
            question("ceiling-bunching", true, None, Some("Will the Administration explain <why>?")),
            question("split-12", false, Some("請問部門是否把一個項目分拆？"), None),
            question("own-1", true, Some("第一行\n第二行"), Some("My own question")),
        ]);
        let stored = encode_stored(&store);
        assert!(!stored.contains('<'), "{stored}");
        assert_eq!(decode(&stored, nfc), Ok(store.clone()));
        assert_eq!(decode(&encode(&store), nfc), Ok(store.scenarios_only()));
    }

    #[test]
    fn a_version_2_store_written_before_questions_reads_back_unchanged() {
        let old = r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"id":"k-1","name":"Old","note":"n","scenario":{"cost_change_pct":"10"},"seed":7,"saved_at":1700000000000,"rev":["abc.1"]}]}"#;
        let store = decode(old, nfc).unwrap_or_default();
        assert_eq!(store.scenarios.first().map(|s| s.questions.len()), Some(0));
        // Written again, it gains no `questions` field, and reads back the same.
        let again = encode_stored(&store);
        assert!(!again.contains("questions"), "{again}");
        assert_eq!(decode(&again, nfc), Ok(store));
    }

    #[test]
    fn questions_are_read_by_the_writer_s_rules() {
        check_read("null", Ok(Vec::new()));
        check_read("[]", Ok(Vec::new()));
        check_read(
            r#"[{"key":"own-1","picked":true,"en":"  Why?\r\nBecause. ","zh":""}]"#,
            Ok(vec![question("own-1", true, None, Some("Why?\nBecause."))]),
        );
        // `picked` defaults to not picked.
        check_read(r#"[{"key":"lateness"}]"#, Ok(vec![question("lateness", false, None, None)]));
        check_read(r#""text""#, Err(RowReason::WrongType { expected: "list" }));
        check_read(r#"[{"key":"a b"}]"#, Err(QuestionProblem::BadKey.into()));
        check_read(r#"[{"key":"a"},{"key":"a"}]"#, Err(QuestionProblem::BadKey.into()));
        check_read(r#"[{"key":""}]"#, Err(QuestionProblem::BadKey.into()));
        let too_many = vec![r#"{"key":"x"}"#; MAX_QUESTIONS + 1].join(",");
        check_read(&format!("[{too_many}]"), Err(RowReason::TooMany { max: MAX_QUESTIONS }));
        let longest = "問".repeat(MAX_QUESTION_CHARS);
        check_read(
            &format!(r#"[{{"key":"own-1","zh":"{longest}"}}]"#),
            Ok(vec![question("own-1", false, Some(&longest), None)]),
        );
        check_read(
            &format!(r#"[{{"key":"own-1","zh":"{longest}問"}}]"#),
            Err(RowReason::TooLong { max: MAX_QUESTION_CHARS }),
        );
    }

    #[test]
    fn the_writer_refuses_what_the_reader_would() {
        let mut writer = Writer::new(1, nfc);
        writer.at(5);
        let store = with_questions(Vec::new());
        let mut after = store.clone();
        let many: Vec<Question> =
            (0..=MAX_QUESTIONS).map(|n| question(&format!("own-{n}"), true, None, None)).collect();
        assert_eq!(
            after.set_questions(&writer, "k-1", many),
            Err(Refusal::Questions(QuestionProblem::TooMany { max: MAX_QUESTIONS }))
        );
        let long = "x".repeat(MAX_QUESTION_CHARS + 1);
        assert_eq!(
            after.set_questions(&writer, "k-1", vec![question("own-1", true, None, Some(&long))]),
            Err(Refusal::Questions(QuestionProblem::TooLong { max: MAX_QUESTION_CHARS }))
        );
        assert_eq!(after.set_questions(&writer, "gone", Vec::new()), Err(Refusal::Gone));
        let asked = vec![question("lateness", true, None, Some("Edited"))];
        assert_eq!(after.set_questions(&writer, "k-1", asked.clone()), Ok(()));
        let kept = commit(&store, after, &mut writer).unwrap_or_default();
        let row = kept.scenarios.first().cloned().unwrap_or_default();
        assert_eq!((row.questions, row.saved_at, row.history.len()), (asked, Some(5), 2));
    }

    #[test]
    fn a_duplicate_and_an_import_carry_the_questions() {
        let mut writer = Writer::new(2, nfc);
        let asked = vec![question("own-1", true, Some("問"), None)];
        let mut store = with_questions(asked.clone());
        let copy = store.duplicate(&mut writer, "k-1").unwrap_or_default();
        assert_eq!(store.by_id(&copy).map(|s| s.questions.clone()), Some(asked.clone()));
        let mut other = Store::of(vec![SavedScenario::new("x", "Asked", Scenario::default(), None)]);
        other.import(&mut writer, store.scenarios.clone(), true);
        assert_eq!(other.by_name("Asked").map(|s| s.questions.clone()), Some(asked));
    }

    #[test]
    fn the_questions_being_edited_are_kept_as_a_list() {
        let asked = vec![question("own-2", true, Some("<b>問</b>"), None), question("lateness", false, None, None)];
        let text = encode_questions(&asked);
        assert!(!text.contains('<'), "{text}");
        assert_eq!(decode_questions(&text, nfc), KeptQuestions { questions: asked.clone(), left_out: false });
        assert_eq!(new_own_key(&asked), "own-1");
        assert_eq!(new_own_key(&[question("own-1", true, None, None)]), "own-2");
    }

    #[test]
    fn a_question_s_text_is_cleaned_like_a_note() {
        assert_eq!(clean_question_text("  a\u{0}b \r\n c ", nfc), Ok(Some("ab \n c".to_string())));
        assert_eq!(clean_question_text(" \n ", nfc), Ok(None));
        assert_eq!(
            clean_question_text(&"x".repeat(MAX_QUESTION_CHARS + 1), nfc),
            Err(QuestionProblem::TooLong { max: MAX_QUESTION_CHARS })
        );
    }

    /// A kept draft as read back: the keys of the questions kept, and whether any was
    /// left out.
    #[track_caller]
    fn check_kept(text: &str, expected: (&[&str], bool)) {
        let kept = decode_questions(text, nfc);
        let keys: Vec<&str> = kept.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!((keys.as_slice(), kept.left_out), expected, "{text}");
    }

    #[test]
    fn a_kept_draft_keeps_every_question_that_reads() {
        let long = "x".repeat(MAX_QUESTION_CHARS + 1);
        check_kept(r#"[{"key":"a","picked":true},{"key":"b"}]"#, (&["a", "b"], false));
        check_kept("[]", (&[], false));
        check_kept(&format!(r#"[{{"key":"a"}},{{"key":"b","en":"{long}"}},{{"key":"c"}}]"#), (&["a", "c"], true));
        check_kept(r#"[{"key":"a"},{"key":"a"},{"key":"b"}]"#, (&["a", "b"], true));
        check_kept(r#"[{"key":"a","picked":"yes"},{"key":"b"}]"#, (&["b"], true));
        check_kept(r#"[{"key":"a b"},{"key":"b"},7]"#, (&["b"], true));
        check_kept(r#"[{"key":"a"},{"key":"b""#, (&[], true));
        check_kept("not json", (&[], true));
        check_kept(r#"{"key":"a"}"#, (&[], true));
        let many: Vec<String> = (0..=MAX_QUESTIONS).map(|n| format!(r#"{{"key":"q{n}"}}"#)).collect();
        let kept = decode_questions(&format!("[{}]", many.join(",")), nfc);
        assert_eq!((kept.questions.len(), kept.left_out), (MAX_QUESTIONS, true));
    }
}
