//! What the Projects screen shows: Annex C in one table, with search, filters
//! ([`filters`]), sorting and grouping ([`table`]), and the per-project lever panel
//! ([`levers`]). The address holds the filters and the presentation, so a finding
//! elsewhere can link to exactly the rows it talks about.

pub mod filters;
pub mod levers;
pub mod table;

use crate::lang::{l, Label, Lang};
use crate::words::UNOFFICIAL_TRANSLATION;

pub const HEADING: Label = l("附件 C：2018-19 年度新項目", "Annex C: new projects for 2018-19");
pub const NOTE: Label = l(
    "每行一個項目。可搜尋名稱（中英文、部分字詞）、篩選及按欄標題排序；篩選條件記在網址中，可收藏或分享。情景改動了的預算及日期以情景的數字顯示，旁附文件的數字。",
    "One row per project. Search the names (Chinese or English, part of a word is enough), filter, and sort by any column heading; the filters are kept in the address, so the view can be bookmarked or shared. Where your scenario changes a budget or a date, the row shows the scenario's figure with the paper's beside it.",
);
pub const FILTERS: Label = l("篩選項目", "Filter the projects");
pub const SEARCH: Label = l("搜尋項目名稱", "Search project names");
pub const SEARCH_EXAMPLE: Label = l("例如：保安", "e.g. security");
pub const DEPARTMENT: Label = l("部門", "Department");
pub const THEME: Label = l("主題", "Theme");
pub const START: Label = l("預計開展", "Start");
pub const COMPLETION_YEAR: Label = l("預計完成年度", "Completion year");
pub const BUDGET: Label = l("預算（百萬元）", "Budget (HK$M)");
pub const FROM: Label = l("由", "from");
pub const TO: Label = l("至", "to");
pub const ALL: Label = l("全部", "All");
pub const GROUP: Label = l("按部門分組", "Group by department");
pub const CLEAR: Label = l("清除篩選", "Clear filters");
pub const BY_DEPARTMENT: Label = l("按部門查看這些項目", "See these projects by department");
pub const SHOW_ALL_NUMBERS: Label = l("顯示所有編號", "Show all numbers");
pub const CAPTION: Label = l(
    "2018-19 年度新項目；按欄標題的按鈕可排序",
    "New projects for 2018-19; the buttons in the column headings sort the table",
);
pub const SCROLLABLE: Label = l("項目表（可捲動）", "Projects table (scrollable)");
pub const LEVERS_COLUMN: Label = l("情景調整", "Scenario levers");
pub const NO_ROWS: Label = l("沒有項目符合這些篩選條件。", "No project matches these filters.");
pub const CROSSED: Label =
    l("下限高於上限，沒有項目符合。", "The lower bound is above the upper bound, so no project can match.");

/// The error under a budget bound, named by the bound: `From: Enter a number …`.
pub fn bound_error(upper: bool, message: &str, lang: Lang) -> String {
    let bound = if upper { l("上限", "To") } else { l("下限", "From") };
    // Chinese takes its own full-width colon.
    match lang {
        Lang::Zh => format!("{}：{message}", bound.zh),
        Lang::En => format!("{}: {message}", bound.en),
    }
}

/// The note on the English names, in English only: the paper names projects in
/// Chinese.
pub fn unofficial_note(lang: Lang) -> Option<String> {
    (lang == Lang::En)
        .then(|| format!("† {}; the paper gives project names in Chinese only.", UNOFFICIAL_TRANSLATION.en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(upper: bool, lang: Lang, expected: &str) {
        assert_eq!(bound_error(upper, "X", lang), expected);
    }

    /// Each language's own colon: the Chinese read "下限: …" with an ASCII one.
    #[test]
    fn a_bound_s_refusal_is_punctuated_in_its_language() {
        check(false, Lang::Zh, "下限：X");
        check(true, Lang::Zh, "上限：X");
        check(false, Lang::En, "From: X");
        check(true, Lang::En, "To: X");
    }
}
