//! "Download offline copy": one HTML file of the app carrying the saved scenarios and
//! the one being edited if it is not saved, so nothing on screen is left behind.

use crate::lang::{l, Label, Lang};

pub const TITLE: Label = l("離線副本", "Offline copy");
pub const DOWNLOAD: Label = l("下載離線副本（HTML）", "Download offline copy (HTML)");

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
