//! "Download offline copy": one HTML file of the app carrying the saved scenarios and
//! the one being edited if it is not saved, so nothing on screen is left behind.

use crate::lang::{l, Label, Lang};

pub const TITLE: Label = l("離線副本", "Offline copy");
pub const DOWNLOAD: Label = l("下載離線副本（HTML）", "Download offline copy (HTML)");

/// What the panel says the copy holds.
pub fn intro(saved: usize, lang: Lang) -> String {
    let noun = if saved == 1 { "scenario" } else { "scenarios" };
    let saved = crate::format::count(saved);
    match lang {
        Lang::Zh => format!(
            "下載一個 HTML 檔案，內含本工具、文件的資料及你已儲存的 {saved} 個情景（以及目前未儲存的情景）。可用電郵傳送或存於手提電腦，在任何新式瀏覽器中離線開啟，不需網絡。"
        ),
        Lang::En => format!(
            "Download one HTML file holding this tool, the paper's data and your {saved} saved {noun} (and the current one, if unsaved). E-mail it or keep it on a laptop: it opens offline in any modern browser, with no network."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::intro;
    use crate::lang::Lang;

    #[track_caller]
    fn check(saved: usize, expected: &str) {
        assert!(intro(saved, Lang::En).contains(expected), "{}", intro(saved, Lang::En));
    }

    #[test]
    fn the_offline_copy_counts_the_saved_scenarios_in_words_that_agree() {
        check(1, "your 1 saved scenario (and");
        check(2, "your 2 saved scenarios (and");
        check(1500, "your 1,500 saved scenarios (and");
    }
}
