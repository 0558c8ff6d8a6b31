//! The saved-scenario list: one row per scenario with its key figures — the 2018-19
//! cash need the engine works out for it and its change from the paper's HK$1,060M.
//! Its note and the date it was last saved are the store's (`crate::storage`).

use crate::format::{millions, millions_signed};
use crate::lang::{l, Bilingual, Label, Lang};
use crate::paper::{AnnexBColumn, Printed};
use crate::provenance::{Figure, Value};
use crate::refusal::engine_error;
use crate::screens::scenarios::{CANCEL, OK};
use crate::storage::SAVE_NOTE;
use blockvote_model::engine::{Engine, EngineError, Scenario};
use blockvote_model::saved::{Question, Store};
use blockvote_model::{Dataset, Money};
use std::cmp::Ordering;

/// A scenario's key figures, worked out by the engine: its 2018-19 cash need and the
/// change from the paper's (Annex B), from the figures as shown. Small and
/// comparable, so the list keeps one per row and works it out once per scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyFigures {
    Figures {
        cash_need: Figure,
        /// The cash need as shown less the paper's figure.
        change: Figure,
        /// How many of its edits change nothing on the data shown (the engine's
        /// warnings): a scenario saved on other data, whose figures here leave them out.
        without_effect: usize,
    },
    /// The engine refused the scenario, in words.
    Refused(Bilingual),
}

/// The key figures of `scenario`, by `engine` (or why the dataset has none).
pub fn key_figures(engine: Result<&Engine, &EngineError>, data: &Dataset, scenario: &Scenario) -> KeyFigures {
    let projection = match engine {
        Ok(engine) => engine.project(scenario),
        Err(error) => Err(error.clone()),
    };
    match projection {
        Ok(projection) => {
            // The 2018-19 total as the scenario's year table shows it.
            let shown = crate::cash::shown_budget_year(&projection).total;
            let paper = paper_cash_need(data).and_then(|f| f.money()).unwrap_or_default();
            KeyFigures::Figures {
                cash_need: Figure::scenario(Value::Millions(shown)),
                change: Figure::scenario(Value::MillionsChange(shown.checked_sub(paper).unwrap_or(Money::ZERO))),
                without_effect: projection.warnings.len(),
            }
        }
        Err(error) => KeyFigures::Refused(engine_error(&error)),
    }
}

/// Under a row's figures when some of its scenario's edits change nothing on the data
/// shown, so the figures are read knowing they leave those edits out (the notice on
/// every screen names them once the scenario is opened). `None` when every edit has an
/// effect.
pub fn without_effect_text(edits: usize, lang: Lang) -> Option<String> {
    let n = crate::format::count(edits);
    (edits > 0).then(|| match lang {
        Lang::Zh => format!("{n} 項修改在現時顯示的資料上不會改變任何數字"),
        Lang::En if edits == 1 => "1 edit changes nothing on the data shown".to_string(),
        Lang::En => format!("{n} edits change nothing on the data shown"),
    })
}

/// The paper's 2018-19 cash need, HK$1,060M (Annex B's total), for the paper's row
/// and for the changes.
pub fn paper_cash_need(data: &Dataset) -> Option<Figure> {
    Printed::CohortTotal(AnnexBColumn::Cash).figure(data)
}

/// `+106.4 from the paper's 1,060` / `比文件的 1,060 多 106.4` (the paper's figure as
/// Annex B prints it), from the change as shown; `the same as the paper's 1,060` when
/// it reads 0.0.
pub fn change_text(change: &Figure, data: &Dataset, lang: Lang) -> String {
    let paper = paper_cash_need(data).map(|f| f.text(lang)).unwrap_or_default();
    let change = change.money().unwrap_or_default().round_to(1);
    // How much more or less, without its sign (the words say which).
    let size = millions(if change.is_negative() { Money::ZERO.checked_sub(change).unwrap_or(change) } else { change });
    match (lang, change.cmp(&Money::ZERO)) {
        (Lang::Zh, Ordering::Greater) => format!("比文件的 {paper} 多 {size}"),
        (Lang::Zh, Ordering::Less) => format!("比文件的 {paper} 少 {size}"),
        (Lang::Zh, Ordering::Equal) => format!("與文件的 {paper} 相同"),
        (Lang::En, Ordering::Equal) => format!("the same as the paper's {paper}"),
        (Lang::En, _) => format!("{} from the paper's {paper}", millions_signed(change)),
    }
}

/// How many shared names the list's note names one by one; it counts the rest.
const SHARED_NAMES_NAMED: usize = 5;

/// What the list says when more than one saved scenario has the same name (two tabs
/// that had not heard each other each saved one, or a store written by hand): which
/// names, and why to rename one, since a save under a name replaces the first
/// scenario listed with it. `None` when every name is used once.
pub fn shared_names_note<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<Bilingual> {
    let mut seen: Vec<&str> = Vec::new();
    let mut shared: Vec<&str> = Vec::new();
    for name in names {
        if seen.contains(&name) {
            if !shared.contains(&name) {
                shared.push(name);
            }
        } else {
            seen.push(name);
        }
    }
    if shared.is_empty() {
        return None;
    }
    let more = shared.len().saturating_sub(SHARED_NAMES_NAMED);
    let quoted = |open: &str, close: &str, separator: &str| {
        shared
            .iter()
            .take(SHARED_NAMES_NAMED)
            .map(|name| format!("{open}{name}{close}"))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let (zh_more, en_more) = match more {
        0 => (String::new(), String::new()),
        n => (format!("及另外 {n} 個名稱"), format!(" and {n} more")),
    };
    Some(Bilingual::new(
        format!(
            "多於一個情景名為{}{zh_more}。請把其中一個改名：以同一名稱儲存會取代清單中第一個同名的情景。",
            quoted("「", "」", "、")
        ),
        format!(
            "More than one scenario is named {}{en_more}. Rename one: saving under a name replaces the first scenario listed with it.",
            quoted("“", "”", ", ")
        ),
    ))
}

/// Whether opening a saved scenario, which brings its questions (`incoming`) in place
/// of those being edited (`current`), would lose some of the member's work: the
/// questions on screen are not empty, not the ones coming in, and saved with no
/// scenario of the list (opening a scenario and then another loses nothing).
pub fn questions_unsaved(current: &[Question], incoming: &[Question], saved: &Store) -> bool {
    !current.is_empty() && current != incoming && saved.scenarios.iter().all(|s| s.questions.as_slice() != current)
}

/// What the list says when opening `name` replaced `count` questions that were saved
/// with no scenario; its button ([`BRING_BACK_QUESTIONS`]) puts them back.
pub fn questions_replaced_note(count: usize, name: &str) -> Bilingual {
    let n = crate::format::count(count);
    let (en_questions, en_were) = if count == 1 { ("question", "was") } else { ("questions", "were") };
    Bilingual::new(
        format!("開啟「{name}」時，以它的問題取代了你未有儲存的 {n} 條問題。"),
        format!("Opening “{name}” brought its questions in place of your {n} {en_questions}, which {en_were} not saved with any scenario."),
    )
}

/// What the list says when another tab deleted the scenario `name` while its name
/// (`is_note` false) or note was being edited here: the editor stays with the text,
/// and keeping it puts the scenario back with the change.
pub fn orphaned_edit_note(name: &str, is_note: bool) -> Bilingual {
    // The editor's own buttons, named as they read.
    let (zh_field, en_field, keep) = if is_note { ("備註", "note", SAVE_NOTE) } else { ("名稱", "name", OK) };
    let [zh_keep, en_keep] = [Lang::Zh, Lang::En].map(|lang| keep.get(lang));
    let [zh_cancel, en_cancel] = [Lang::Zh, Lang::En].map(|lang| CANCEL.get(lang));
    Bilingual::new(
        format!("另一分頁在你修改「{name}」的{zh_field}時刪除了這個情景。你輸入的內容仍在下面：按「{zh_keep}」會連同修改放回這個情景，按「{zh_cancel}」則不放回。"),
        format!("Another tab deleted “{name}” while you were changing its {en_field}. What you typed is still below: {en_keep} puts the scenario back with your change; {en_cancel} lets it go."),
    )
}

pub const BRING_BACK_QUESTIONS: Label = l("取回我的問題", "Bring my questions back");
pub const DISMISS: Label = l("不用了", "Dismiss");

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::{DelegationLevers, Slippage};
    use rust_decimal::Decimal;

    /// A scenario's key figures as the list reads them.
    #[track_caller]
    fn check(scenario: Scenario, lang: Lang, expected: &str) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let read = match key_figures(Ok(&engine), &data, &scenario) {
            KeyFigures::Figures { cash_need, change, without_effect } => {
                let note = without_effect_text(without_effect, lang).map(|note| format!("; {note}"));
                format!(
                    "{} [{}] ({}{})",
                    cash_need.text(lang),
                    cash_need.provenance().mark(lang),
                    change_text(&change, &data, lang),
                    note.unwrap_or_default()
                )
            }
            KeyFigures::Refused(reason) => reason.get(lang).to_string(),
        };
        assert_eq!(read, expected);
    }

    #[test]
    fn opening_a_scenario_says_when_it_replaced_questions_saved_with_none() {
        let question = |key: &str| Question { key: key.into(), picked: true, zh: None, en: None };
        let saved_with = |questions: Vec<Question>| blockvote_model::saved::SavedScenario {
            questions,
            ..blockvote_model::saved::SavedScenario::default()
        };
        let store = Store { scenarios: vec![saved_with(vec![question("a")])], ..Store::default() };
        let check_unsaved = |current: Vec<Question>, incoming: Vec<Question>, expected: bool| {
            assert_eq!(questions_unsaved(&current, &incoming, &store), expected, "{current:?} → {incoming:?}");
        };
        check_unsaved(vec![], vec![question("b")], false);
        check_unsaved(vec![question("a")], vec![question("b")], false);
        check_unsaved(vec![question("b")], vec![question("b")], false);
        check_unsaved(vec![question("a"), question("c")], vec![], true);
        check_unsaved(vec![question("c")], vec![question("b")], true);
        let note = questions_replaced_note(1, "Plan");
        assert_eq!(
            note.en,
            "Opening “Plan” brought its questions in place of your 1 question, which was not saved with any scenario."
        );
        assert_eq!(note.zh, "開啟「Plan」時，以它的問題取代了你未有儲存的 1 條問題。");
        assert_eq!(
            questions_replaced_note(2, "B").en,
            "Opening “B” brought its questions in place of your 2 questions, which were not saved with any scenario."
        );
    }

    #[test]
    fn an_edit_whose_scenario_another_tab_deleted_says_how_to_keep_it() {
        let check_note = |is_note: bool, lang: Lang, expected: &str| {
            assert_eq!(orphaned_edit_note("Plan", is_note).get(lang), expected);
        };
        check_note(true, Lang::En, "Another tab deleted “Plan” while you were changing its note. What you typed is still below: Save note puts the scenario back with your change; Cancel lets it go.");
        check_note(false, Lang::En, "Another tab deleted “Plan” while you were changing its name. What you typed is still below: OK puts the scenario back with your change; Cancel lets it go.");
        check_note(true, Lang::Zh, "另一分頁在你修改「Plan」的備註時刪除了這個情景。你輸入的內容仍在下面：按「儲存備註」會連同修改放回這個情景，按「取消」則不放回。");
    }

    #[test]
    fn each_row_has_its_own_key_figures() {
        check(Scenario::default(), Lang::En, "1,060.0 [scenario] (the same as the paper's 1,060)");
        check(Scenario::default(), Lang::Zh, "1,060.0 [情景] (與文件的 1,060 相同)");
        check(
            Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() },
            Lang::En,
            "1,084.3 [scenario] (+24.3 from the paper's 1,060)",
        );
        let late = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        check(late.clone(), Lang::Zh, "1,028.0 [情景] (比文件的 1,060 少 32.0)");
        check(late, Lang::En, "1,028.0 [scenario] (-32.0 from the paper's 1,060)");
        let refused = Scenario {
            delegation: DelegationLevers { ceiling: Some(Money::ZERO), floor: Some(Money::from_whole_millions(50)) },
            ..Scenario::default()
        };
        check(refused, Lang::En, "The floor (HK$50.0M) must not be above the ceiling (HK$0.0M).");
        // Saved on other data: its figures here leave out the edits that change nothing.
        let elsewhere = |ids: &[u16]| Scenario {
            projects: ids
                .iter()
                .map(|&id| blockvote_model::engine::ProjectEdit {
                    id,
                    edit: blockvote_model::engine::Edit { exclude: Some(true), ..Default::default() },
                })
                .collect(),
            ..Scenario::default()
        };
        check(
            elsewhere(&[9_999]),
            Lang::En,
            "1,060.0 [scenario] (the same as the paper's 1,060; 1 edit changes nothing on the data shown)",
        );
        check(
            elsewhere(&[9_998, 9_999]),
            Lang::Zh,
            "1,060.0 [情景] (與文件的 1,060 相同; 2 項修改在現時顯示的資料上不會改變任何數字)",
        );
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let paper = paper_cash_need(&data).map(|f| format!("{} [{}]", f.text(Lang::En), f.provenance().mark(Lang::En)));
        assert_eq!(paper.as_deref(), Some("1,060 [Annex B]"));
    }

    #[test]
    fn names_used_twice_are_named_once_each() {
        assert_eq!(shared_names_note(["A", "B", "C"]), None);
        let note = shared_names_note(["Plan", "B", "Plan", "B", "Plan"]).expect("a note");
        assert_eq!(
            note.en,
            "More than one scenario is named “Plan”, “B”. Rename one: saving under a name replaces the first scenario listed with it."
        );
        assert_eq!(
            note.zh,
            "多於一個情景名為「Plan」、「B」。請把其中一個改名：以同一名稱儲存會取代清單中第一個同名的情景。"
        );
        let names: Vec<String> = (1..=7).flat_map(|n| [format!("S{n}"), format!("S{n}")]).collect();
        let note = shared_names_note(names.iter().map(String::as_str)).expect("a note");
        assert!(
            note.en.starts_with("More than one scenario is named “S1”, “S2”, “S3”, “S4”, “S5” and 2 more."),
            "{}",
            note.en
        );
        assert!(note.zh.contains("「S5」及另外 2 個名稱。"), "{}", note.zh);
    }
}
