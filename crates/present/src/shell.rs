//! The shell's own words: the header, the navigation and the footer, in both
//! languages.

use crate::lang::{l, Bilingual, Label, Lang};
use blockvote_model::engine::Projection;

pub const SKIP_TO_MAIN: Label = l("跳至主要內容", "Skip to main content");
pub const UNDO_AND_REDO: Label = l("復原及重做", "Undo and redo");
pub const UNDO: Label = l("復原", "Undo");
pub const REDO: Label = l("重做", "Redo");
pub const BACK_TO_THE_PAPER: Label = l("還原為文件", "Back to the paper");
pub const SCREENS: Label = l("畫面", "Screens");
/// The menu button's name on narrow screens, before the current screen's name.
pub const MENU: Label = l("選單", "Menu");
/// The language switch: each language named in itself, whatever the page's language.
pub const LANGUAGE_SWITCH: &str = "語言 Language";
pub const CHINESE: &str = "繁體中文";
pub const CHINESE_SHORT: &str = "中";
pub const ENGLISH: &str = "English";
pub const ENGLISH_SHORT: &str = "EN";
/// Shown, in both languages at once, when the built-in data cannot be read (the app
/// has no language yet).
pub const DATA_NOT_LOADED: &str = "資料檔案有誤，無法載入。 The data files could not be loaded:";
/// Said when the browser's Back or Forward, or an address typed, opened another
/// scenario than the one on screen. The address is the scenario, so going back to an
/// earlier screen goes back to the scenario it showed then too; audit 19 found that
/// it did so without a word, and a member took their scenario for lost.
pub fn scenario_from_address(paper: bool) -> Label {
    if paper {
        l(
            "這個網址沒有載有情景，所以現在顯示文件的數字（瀏覽器的「返回」、「前進」或輸入的網址會開啟該網址的情景）。",
            "This address carries no scenario, so the paper's figures are shown now (the browser's Back or Forward, or an address typed, opens the scenario of its address).",
        )
    } else {
        l(
            "這個網址載有另一個情景，現已開啟（瀏覽器的「返回」、「前進」或輸入的網址會開啟該網址的情景）。",
            "This address carries another scenario, which is open now (the browser's Back or Forward, or an address typed, opens the scenario of its address).",
        )
    }
}
/// Undoes the opening of an address's scenario.
pub const BACK_TO_YOUR_SCENARIO: Label = l("↶ 返回您之前的情景", "↶ Back to the scenario you had");
/// Undoes the change an engine refused.
pub const UNDO_LAST_CHANGE: Label = l("↶ 復原上一步", "↶ Undo the last change");
pub const SOURCE_NOTE: Label = l(
    "資料來源：立法會資訊科技及廣播事務委員會討論文件（2017 年 11 月 13 日）。本工具離線運作，不會傳送任何資料。",
    "Source: LegCo Panel on Information Technology and Broadcasting discussion paper, 13 November 2017. blockvote works offline and sends nothing anywhere.",
);

/// How many lines of a notice's list are shown at first; the rest are one click away
/// ([`other_lines`]), so a link with thousands of problems does not fill a phone's
/// screen before the app.
pub const NOTICE_LINES_SHOWN: usize = 3;

/// `lines`, split into those shown at first and the rest, behind [`other_lines`].
pub fn notice_lines<T>(mut lines: Vec<T>) -> (Vec<T>, Vec<T>) {
    let rest = lines.split_off(NOTICE_LINES_SHOWN.min(lines.len()));
    (lines, rest)
}

/// The button that opens the rest of a notice's list: `Show the other 14`.
pub fn other_lines(count: usize) -> Bilingual {
    let count = crate::format::count(count);
    Bilingual::new(format!("顯示其餘 {count} 項"), format!("Show the other {count}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(lines: usize, expected: (usize, usize)) {
        let (shown, rest) = notice_lines((0..lines).collect());
        assert_eq!((shown.len(), rest.len()), expected);
        assert!(shown.iter().chain(&rest).copied().eq(0..lines), "in order");
    }

    #[test]
    fn a_notice_shows_its_first_lines_and_keeps_the_rest_one_click_away() {
        check(0, (0, 0));
        check(3, (3, 0));
        check(4, (3, 1));
        check(17, (3, 14));
        assert_eq!(other_lines(1_234).get(crate::lang::Lang::En), "Show the other 1,234");
        assert_eq!(other_lines(14).get(crate::lang::Lang::Zh), "顯示其餘 14 項");
    }
}

/// What a screen reader is told once the member pauses after changing the scenario:
/// the 2018-19 cash need as every screen shows it and its change from the model
/// baseline, the figure most levers move. The lever's own screen shows more; this says
/// that the change was taken and where it left the total (audit 28: no lever's result
/// was announced, and a member had to leave the field to hunt for it).
pub fn scenario_result_said(projection: &Projection, baseline: &Projection, lang: Lang) -> String {
    let (now, before) =
        (crate::cash::shown_budget_year(projection).total, crate::cash::shown_budget_year(baseline).total);
    // Two shown totals of at most HK$1,000,000M each differ by far less than a `Money`
    // holds: the fallback is never taken.
    let change = now.checked_sub(before).unwrap_or_default();
    let change = crate::provenance::Value::MillionsChange(change).unmarked_text(lang);
    let total = crate::format::with_money_unit(&now.format(1), lang);
    match lang {
        Lang::Zh => format!("你的情景：2018-19 年度現金需求 {total}，較模型基準 {change}。"),
        Lang::En => format!("Your scenario: 2018-19 cash need {total}, {change} against the model baseline."),
    }
}

#[cfg(test)]
mod scenario_result_tests {
    use super::*;
    use blockvote_model::engine::{Engine, Scenario};
    use blockvote_model::Dataset;

    #[track_caller]
    fn check(link: &str, lang: Lang, expected: &str) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let baseline = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
        let scenario = blockvote_model::link::decode_link(link).0.scenario;
        let projection = engine.project(&scenario).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(scenario_result_said(&projection, &baseline, lang), expected);
    }

    #[test]
    fn a_change_of_the_scenario_is_said_by_its_total_and_change() {
        check("cost=10", Lang::En, "Your scenario: 2018-19 cash need HK$1,084.3M, +24.3 against the model baseline.");
        check("cost=10", Lang::Zh, "你的情景：2018-19 年度現金需求 1,084.3 百萬元，較模型基準 +24.3。");
        check("", Lang::En, "Your scenario: 2018-19 cash need HK$1,060.0M, 0.0 against the model baseline.");
    }
}
