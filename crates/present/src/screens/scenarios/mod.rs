//! What the Scenarios screen shows, as plain data: its words, each saved scenario's
//! key figures (`list`), the export and import messages (`files`), the offline copy
//! (`offline`) and the project-data import (`dataset`). The comparison is
//! `crate::compare`; what the store refuses, and why, is `crate::storage`.

pub mod dataset;
pub mod files;
pub mod list;
pub mod offline;

use crate::lang::{l, Label, Lang};

pub const TITLE: Label = l("情景", "Scenarios");
pub const INTRO: Label = l(
    "把目前的假設以名稱儲存，之後再開啟、比較或匯出。情景只儲存在此瀏覽器內，不會傳送到任何地方。",
    "Save the current levers under a name to open, compare or export later. Scenarios are kept in this browser only and sent nowhere.",
);
// ---- Save form -------------------------------------------------------------------------

pub const SAVE_TITLE: Label = l("把目前的情景另存為…", "Save current as…");
pub const NAME: Label = l("名稱", "Name");
pub const SAVE: Label = l("儲存", "Save");
pub const SAVED: Label = l("已儲存：", "Saved: ");
/// Said instead of [`SAVED`] when a saved scenario had the name, so the member knows
/// the scenario saved under it before is replaced by the one on screen.
pub const REPLACED: Label = l("已取代同名的已儲存情景：", "Replaced the saved scenario of that name: ");
/// Said at the field instead of [`SAVED`] when the browser did not store the save (its
/// storage is full, refused or unreadable): the scenario is in the list for this page
/// only, and the notice above says why.
pub const KEPT_ON_THIS_PAGE_ONLY: Label = l(
    "只保留在此頁，瀏覽器未有儲存（見上方說明；請下載情景以免遺失）：",
    "Kept on this page only; the browser did not store it (see the notice above, and download your scenarios to keep them): ",
);
/// Said in a saved scenario's row when a rename or note was kept in the list but the
/// browser did not store it, as [`KEPT_ON_THIS_PAGE_ONLY`] is said for a save.
pub const CHANGE_KEPT_ON_THIS_PAGE_ONLY: Label = l(
    "此更改只保留在此頁，瀏覽器未有儲存（見上方說明；請下載情景以免遺失）。",
    "This change is kept on this page only; the browser did not store it (see the notice above, and download your scenarios to keep them).",
);
/// Said at the field instead of [`REPLACED`] when the save kept another tab's
/// scenario of that name beside it (the member had not opened it, so it is not
/// replaced unseen): both names, the one saved and the other version's.
pub fn saved_beside(saved: &str, other_version: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已儲存「{saved}」；另一分頁以同一名稱儲存、你未曾開啟的情景亦已保留，名為「{other_version}」。"),
        Lang::En => format!(
            "Saved “{saved}”; the scenario another tab saved under that name, which you had not opened, is kept too, as “{other_version}”."
        ),
    }
}
pub const EDIT_NOTE: Label = l("備註…", "Note…");

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
/// Said at an open name or note editor whose text was changed when another edit is
/// asked for: starting it would drop what was typed.
pub const FINISH_OPEN_EDIT: Label =
    l("請先保存或取消這項修改，才修改另一項。", "Keep or cancel this change before you change another.");
pub const DELETED: Label = l("已刪除：", "Deleted: ");
pub const UNDO_DELETE: Label = l("復原刪除", "Undo delete");
pub const EMPTY: Label = l("尚未儲存任何情景。", "No scenarios saved yet.");

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
    fn a_save_beside_another_tab_s_version_names_both() {
        assert_eq!(
            saved_beside("Delta", "Delta (另一版本 other version)", Lang::En),
            "Saved “Delta”; the scenario another tab saved under that name, which you had not opened, is kept too, as “Delta (另一版本 other version)”."
        );
        assert_eq!(
            saved_beside("Delta", "Delta (另一版本 other version)", Lang::Zh),
            "已儲存「Delta」；另一分頁以同一名稱儲存、你未曾開啟的情景亦已保留，名為「Delta (另一版本 other version)」。"
        );
    }

    #[test]
    fn a_compare_box_is_named_after_its_scenario() {
        assert_eq!(compare_name("Dearer", Lang::En), "Compare Dearer");
    }
}
