//! What the Scenarios screen shows, as plain data: its words, the saved-scenario
//! list's rows with each scenario's key figures (`list`), the export and import
//! messages (`files`), the offline copy (`offline`) and the project-data import
//! (`dataset`). The comparison is `crate::compare`.

pub mod dataset;
pub mod files;
pub mod list;
pub mod offline;

use crate::lang::{l, Label, Lang};
use blockvote_model::saved::{RowReason, StoreProblem};

pub const TITLE: Label = l("情景", "Scenarios");
pub const INTRO: Label = l(
    "把目前的假設以名稱儲存，之後再開啟、比較或匯出。情景只儲存在此瀏覽器內，不會傳送到任何地方。",
    "Save the current levers under a name to open, compare or export later. Scenarios are kept in this browser only and sent nowhere.",
);
pub const DOWNLOAD_REFUSED: Label = l("瀏覽器拒絕了下載。", "The browser refused the download.");

// ---- Storage notice ------------------------------------------------------------------

pub const SAVING_OFF: Label = l(
    "儲存已關閉：此瀏覽器不讓 blockvote 保存情景（可能是私人瀏覽視窗，或儲存空間已滿）。其他功能照常運作；現在儲存的情景只保留至關閉此頁，請下載以保留。",
    "Saving is off: this browser does not let blockvote keep scenarios (a private window, or storage is full). Everything else works; scenarios saved now last until this page is closed — download them to keep them.",
);
pub const BACKUP_FAILED: Label = l(
    "儲存已關閉：已儲存的情景未能全部讀取，而無法讀取的內容也未能另存備份，所以不會覆寫它。請下載下面的副本。",
    "Saving is off: the saved scenarios could not all be read, and the unreadable text could not be set aside, so it is not overwritten. Download the copy below.",
);
pub const SOME_UNREADABLE: Label = l(
    "部分已儲存的情景未能讀取。下面列出能讀取的情景；無法讀取的原文已另存",
    "Some saved scenarios could not be read. Those that could are listed below; the unreadable text was set aside",
);
pub const CAN_DOWNLOAD: Label = l("，可下載保存。", ", and can be downloaded.");
pub const DOWNLOAD_UNREADABLE: Label = l("下載無法讀取的原文", "Download the unreadable text");
/// The most problems of the stored text listed.
pub const MAX_PROBLEMS_LISTED: usize = 20;

/// A problem of a stored or imported scenarios file, in the reader's language.
pub fn store_problem(problem: &StoreProblem, lang: Lang) -> String {
    match lang {
        Lang::Zh => problem.zh(),
        Lang::En => problem.en(),
    }
}

// ---- Save form -------------------------------------------------------------------------

pub const SAVE_TITLE: Label = l("把目前的情景另存為…", "Save current as…");
pub const NAME: Label = l("名稱", "Name");
pub const SAVE: Label = l("儲存", "Save");
pub const SAVED: Label = l("已儲存：", "Saved: ");
const ENTER_A_NAME: Label = l("請輸入名稱", "Enter a name");

/// Why a name was refused, said at the name field.
pub fn name_problem(problem: &StoreProblem, lang: Lang) -> String {
    match problem {
        StoreProblem::Row { reason: RowReason::TooLong { max }, .. } => match lang {
            Lang::Zh => format!("名稱不可超過 {max} 字"),
            Lang::En => format!("The name can have at most {max} characters"),
        },
        _ => ENTER_A_NAME.get(lang).to_string(),
    }
}

// ---- The list --------------------------------------------------------------------------

pub const LIST_TITLE: Label = l("已儲存的情景", "Saved scenarios");
pub const COMPARE: Label = l("比較", "Compare");
pub const KEY_FIGURES: Label = l("2018-19 年度現金需求", "2018-19 cash need");
pub const ACTIONS: Label = l("操作", "Actions");
pub const BASELINE: Label = l("基準", "baseline");
pub const THE_PAPER: Label = l("文件", "The paper");
pub const READ_ONLY: Label = l("（唯讀）", " (read-only)");
pub const IN_USE: Label = l("使用中", "in use");
pub const OPEN: Label = l("開啟", "Open");
pub const RENAME: Label = l("重新命名", "Rename");
pub const DUPLICATE: Label = l("複製", "Duplicate");
pub const DELETE: Label = l("刪除", "Delete");
pub const NEW_NAME: Label = l("新名稱", "New name");
pub const OK: Label = l("確定", "OK");
pub const CANCEL: Label = l("取消", "Cancel");
pub const DELETED: Label = l("已刪除：", "Deleted: ");
pub const UNDO_DELETE: Label = l("復原刪除", "Undo delete");
pub const EMPTY: Label = l("尚未儲存任何情景。", "No scenarios saved yet.");

/// The name rule, said when a rename is refused.
pub fn rename_problem(lang: Lang) -> String {
    let max = blockvote_model::saved::MAX_NAME_CHARS;
    match lang {
        Lang::Zh => format!("名稱須為 1 至 {max} 字"),
        Lang::En => format!("A name has 1 to {max} characters"),
    }
}

/// The compare box's accessible name: `Compare Dearer`.
pub fn compare_name(name: &str, lang: Lang) -> String {
    format!("{} {name}", COMPARE.get(lang))
}

// ---- Compare -----------------------------------------------------------------------------

pub const COMPARE_TITLE: Label = l("並列比較", "Compare side by side");
pub const COMPARE_HINT: Label = l(
    "在上表勾選 1 至 4 個情景，即可與文件及模型基線並列比較。",
    "Tick 1 to 4 scenarios above to compare them side by side with the paper and the model baseline.",
);
pub const COMPARE_CSV: Label = l("下載比較表（CSV）", "Download the comparison (CSV)");
pub const COMPARE_FILE: &str = "blockvote-compare.csv";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_refused_in_words() {
        let long = StoreProblem::Row { index: 0, field: "name", reason: RowReason::TooLong { max: 80 } };
        assert_eq!(name_problem(&long, Lang::En), "The name can have at most 80 characters");
        let empty = StoreProblem::Row { index: 0, field: "name", reason: RowReason::Empty };
        assert_eq!(name_problem(&empty, Lang::Zh), "請輸入名稱");
        assert_eq!(rename_problem(Lang::En), "A name has 1 to 80 characters");
        assert_eq!(compare_name("Dearer", Lang::En), "Compare Dearer");
    }
}
