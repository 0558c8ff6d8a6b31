//! Scenarios and projections in and out as files: the export buttons, the JSON
//! import (asking about names already used) and what an import did.

use crate::lang::{l, Label, Lang};
use crate::storage::import_result;
use crate::uploads::{not_text, FileKind};
use blockvote_model::saved::{ImportReport, SavedScenario, Store};
use blockvote_model::text::NotText;

pub const TITLE: Label = l("匯出及匯入", "Export and import");
pub const EXPORT_JSON: Label = l("下載全部情景（JSON）", "Download all scenarios (JSON)");
pub const EXPORT_PROJECTS: Label = l("目前情景的項目（CSV）", "Current scenario's projects (CSV)");
pub const EXPORT_CASHFLOW: Label = l("目前情景的季度現金流量（CSV）", "Current scenario's quarterly cash flow (CSV)");
pub const EXPORT_ALLOCATION: Label = l("目前情景的撥款分配（CSV）", "Current scenario's allocation (CSV)");
pub const IMPORT: Label = l("匯入情景檔案（JSON）…", "Import a scenarios file (JSON)…");
pub const SAME_NAMES: Label = l("同名情景", "Scenarios with the same name");
pub const SAME_NAMES_INTRO: Label =
    l("以下匯入的情景與已儲存的情景同名：", "These imported scenarios have the same names as saved ones: ");
pub const REPLACE: Label = l("取代已儲存的", "Replace the saved ones");
pub const KEEP_BOTH: Label = l("兩者都保留（匯入的改名）", "Keep both (rename the imported ones)");
pub const CANCEL_IMPORT: Label = l("取消匯入", "Cancel the import");
pub const UNUSABLE_PARTS: Label = l("檔案中以下部分未能使用：", "These parts of the file could not be used:");

pub const JSON_FILE: &str = "blockvote-scenarios.json";
pub const PROJECTS_FILE: &str = "blockvote-projects.csv";
pub const CASHFLOW_FILE: &str = "blockvote-cashflow.csv";
pub const ALLOCATION_FILE: &str = "blockvote-allocation.csv";
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// A CSV file's text as downloaded: a UTF-8 byte-order mark first, so spreadsheet
/// programs read the Chinese names as UTF-8.
pub fn spreadsheet_text(csv: &str) -> String {
    format!("\u{feff}{csv}")
}

/// The imported scenarios whose names are already saved, joined for the question.
pub fn same_names(store: &Store, incoming: &[SavedScenario]) -> Vec<String> {
    incoming.iter().filter(|i| store.by_name(&i.name).is_some()).map(|i| i.name.clone()).collect()
}

/// The names of [`same_names`] in one line.
pub fn names_line(names: &[String], lang: Lang) -> String {
    names.join(lang.pick("、", ", "))
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// What was added, replaced and (named) not added.
    Done(ImportReport),
    Cancelled,
    /// The file was read but held no usable scenario.
    NothingUsable,
    /// The file is larger than `limit` bytes and was not read.
    TooLarge {
        limit: usize,
    },
    /// The browser could not read the file.
    Unreadable,
    /// The file is not UTF-8 text.
    NotText(NotText),
}

/// The outcome in words.
pub fn import_outcome(outcome: &ImportOutcome, lang: Lang) -> String {
    match (outcome, lang) {
        (ImportOutcome::Done(report), lang) => import_result(report).get(lang).to_string(),
        (ImportOutcome::NotText(error), lang) => not_text(error, FileKind::Json).get(lang).to_string(),
        (ImportOutcome::Cancelled, _) => l("已取消匯入。", "The import was cancelled.").get(lang).to_string(),
        (ImportOutcome::NothingUsable, _) => {
            l("檔案中沒有可用的情景，未有匯入。", "The file has no usable scenario; nothing was imported.")
                .get(lang)
                .to_string()
        }
        (ImportOutcome::TooLarge { limit }, Lang::Zh) => format!("檔案太大（上限 {limit} 位元組），未有匯入。"),
        (ImportOutcome::TooLarge { limit }, Lang::En) => {
            format!("The file is too large (the limit is {limit} bytes); nothing was imported.")
        }
        (ImportOutcome::Unreadable, _) => {
            l("無法讀取檔案，未有匯入。", "The file could not be read; nothing was imported.").get(lang).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::Scenario;

    fn saved(name: &str) -> SavedScenario {
        SavedScenario::new(&name.to_lowercase(), name, Scenario::default(), None)
    }

    #[test]
    fn imports_are_reported_in_words() {
        assert_eq!(
            import_outcome(&ImportOutcome::Done(ImportReport { added: 2, ..ImportReport::default() }), Lang::En),
            "Imported: 2 added, 0 replaced."
        );
        assert_eq!(
            import_outcome(&ImportOutcome::TooLarge { limit: 10 }, Lang::Zh),
            "檔案太大（上限 10 位元組），未有匯入。"
        );
        let store = Store::of(vec![saved("Mine")]);
        let names = same_names(&store, &[saved("Mine"), saved("Other")]);
        assert_eq!(names_line(&names, Lang::En), "Mine");
        assert_eq!(spreadsheet_text("a,b\r\n"), "\u{feff}a,b\r\n");
    }
}
