//! "Download offline copy": one HTML file of the app carrying the saved scenarios and
//! the one being edited if it is not saved, so nothing on screen is left behind.

use crate::lang::{l, Label, Lang};
use blockvote_model::engine::Scenario;
use blockvote_model::offline::CarriedProblem;
use blockvote_model::saved::{SavedScenario, Store};

pub const TITLE: Label = l("離線副本", "Offline copy");
pub const DOWNLOAD: Label = l("下載離線副本（HTML）", "Download offline copy (HTML)");
pub const NOT_SINGLE_FILE: Label = l(
    "只有單一檔案版本（blockvote.html）可以製作離線副本；此版本由伺服器提供，由多個檔案組成。",
    "Only the one-file version (blockvote.html) can make an offline copy; this version is served as several files.",
);
const UNSAVED_NAME: Label = l("下載副本時未儲存的情景", "Unsaved when the copy was made");

/// What the panel says the copy holds.
pub fn intro(saved: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "下載一個 HTML 檔案，內含本工具、文件的資料及你已儲存的 {saved} 個情景（以及目前未儲存的情景）。可用電郵傳送或存於手提電腦，在任何新式瀏覽器中離線開啟，不需網絡。"
        ),
        Lang::En => format!(
            "Download one HTML file holding this tool, the paper's data and your {saved} saved scenarios (and the current one, if unsaved). E-mail it or keep it on a laptop: it opens offline in any modern browser, with no network."
        ),
    }
}

/// The copy was offered for download.
pub fn copied(file: &str, carried: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已下載 {file}，內附 {carried} 個情景。"),
        Lang::En => format!("Downloaded {file}, carrying {carried} scenarios."),
    }
}

/// The page could not take the carried data.
pub fn copy_failed(problem: &CarriedProblem, lang: Lang) -> String {
    let why = match problem {
        CarriedProblem::NoBody => l("頁面沒有 </body>", "the page has no </body>").get(lang).to_string(),
        CarriedProblem::UnsafeText => {
            l("附帶的文字會提早結束其區塊", "the carried text would end its block early").get(lang).to_string()
        }
        CarriedProblem::NotADataset => l("不是 blockvote 資料", "not a blockvote dataset").get(lang).to_string(),
        CarriedProblem::FutureVersion { found } => match lang {
            Lang::Zh => format!("由較新版本的 blockvote 寫成（版本 {found}）"),
            Lang::En => format!("written by a newer blockvote (version {found})"),
        },
    };
    match lang {
        Lang::Zh => format!("無法製作副本：{why}"),
        Lang::En => format!("The copy could not be made: {why}"),
    }
}

/// The store an offline copy carries: the saved scenarios, plus the one being edited
/// if it is neither the paper nor already saved.
pub fn store_to_carry(saved: &Store, current: &Scenario, seed: Option<u64>, lang: Lang) -> Store {
    let mut store = saved.clone();
    let is_saved = store.scenarios.iter().any(|s| &s.scenario == current);
    if *current != Scenario::default() && !is_saved {
        let name = store.unused_name(UNSAVED_NAME.get(lang));
        let id = store.fresh_id();
        store.scenarios.push(SavedScenario { id, name, scenario: current.clone(), seed });
    }
    store
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn dearer(pct: i64) -> Scenario {
        Scenario { cost_change_pct: Decimal::from(pct), ..Scenario::default() }
    }

    /// Checks which names the carried store holds for a current scenario.
    #[track_caller]
    fn check(current: Scenario, expected: &[&str]) {
        let saved = Store {
            scenarios: vec![SavedScenario { id: "s1".into(), name: "Dearer".into(), scenario: dearer(10), seed: None }],
        };
        let carried = store_to_carry(&saved, &current, Some(7), Lang::En);
        let names: Vec<&str> = carried.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, expected);
        if let Some(extra) = carried.scenarios.get(1) {
            assert_eq!(extra.scenario, current);
            assert_eq!(extra.seed, Some(7));
            assert_ne!(extra.id, "s1");
        }
    }

    #[test]
    fn the_unsaved_scenario_travels_unless_it_is_the_paper_or_saved() {
        check(Scenario::default(), &["Dearer"]);
        check(dearer(10), &["Dearer"]);
        check(dearer(-20), &["Dearer", "Unsaved when the copy was made"]);
    }

    #[test]
    fn what_happened_is_said_in_both_languages() {
        assert_eq!(copied("x.html", 2, Lang::En), "Downloaded x.html, carrying 2 scenarios.");
        assert_eq!(copy_failed(&CarriedProblem::NoBody, Lang::Zh), "無法製作副本：頁面沒有 </body>");
    }
}
