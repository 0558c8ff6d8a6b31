//! Links and sharing, in words and as plain data: what a link's problems mean, when a
//! scenario is too large for a link, what "Copy link" copies, what "Open a link"
//! accepts, and the scenario file offered instead of a link that cannot carry it.
//! The shell's `address.rs`, `whatif.rs` and `components/share.rs` only draw these.

use crate::format::count;
use crate::lang::{Bilingual, Label};
use crate::route::route_problems;
use crate::screens::projects::filters::{filter_problems, FILTER_KEYS};
use blockvote_model::engine::Scenario;
use blockvote_model::link::{
    decode_link_in, parse_fragment, read_fragment, Fit, LinkProblem, LinkReason, LinkScenario, MAX_FRAGMENT_CHARS,
    MAX_ITEMS, MAX_SCENARIO_CHARS, MAX_VALUE_CHARS, SCENARIO_KEYS,
};
use blockvote_model::saved::{encode, SavedScenario, Store};
use blockvote_model::Dataset;

/// Opens a link (the fragment's text) on `data`, the data the screens show: its
/// scenario, and every pair of it the app cannot use, in the order the notice lists
/// them: the view and language ([`route_problems`]), the scenario's (the model's
/// decoder, which also names the edits of projects, departments and categories `data`
/// does not have, or of groups no project of it is in), then the projects filters
/// ([`filter_problems`]). Only a link is checked against the data: a scenario built in
/// the app cannot name what the data does not have.
pub fn open_link(text: &str, data: &Dataset) -> (LinkScenario, Vec<LinkProblem>) {
    let (decoded, scenario_problems) = decode_link_in(text, data);
    let params = parse_fragment(text);
    let mut problems = route_problems(&params);
    problems.extend(scenario_problems);
    problems.extend(filter_problems(&params, data));
    (decoded, problems)
}

/// The problems of an address changed by hand while its scenario stayed the one on
/// screen (so the scenario is not opened again): its view and language, and the
/// filters that differ from `before`, the screens' pairs the app had. The app's own
/// addresses (a change of screen) carry the filters it had, so nothing already said
/// is said again.
pub fn changed_address_problems(text: &str, before: &[(String, String)], data: &Dataset) -> Vec<LinkProblem> {
    let params = parse_fragment(text);
    let is_filter = |(key, _): &&(String, String)| FILTER_KEYS.contains(&key.as_str());
    let had = blockvote_model::order::set_of(before.iter().filter(is_filter));
    let changed: Vec<(String, String)> =
        params.iter().filter(is_filter).filter(|pair| !had.contains(pair)).cloned().collect();
    let mut problems = route_problems(&params);
    problems.extend(filter_problems(&changed, data));
    problems
}

/// The heading of the list of a link's problems.
pub const LINK_PROBLEMS_HEADING: Label = Label::new(
    "連結中有部分內容無法使用，已略過；其餘已套用。",
    "Parts of this link could not be used and were skipped; the rest was applied.",
);

/// One problem of a link, in words: the pair, then why it was skipped.
pub fn problem_text(problem: &LinkProblem) -> Bilingual {
    let pair =
        if problem.value.is_empty() { problem.key.clone() } else { format!("{}={}", problem.key, problem.value) };
    // What the data shown does not have is said of the data the member sees: the
    // paper's, or the file they imported.
    let ignored = |zh: &str, en: &str, what_zh: String, what_en: String| {
        (
            format!("所指的{what_zh} 不在現時顯示的資料中，{zh}"),
            format!("names {what_en}, which the data shown does not have; {en}"),
        )
    };
    let (zh, en) = match &problem.reason {
        LinkReason::MoreNotInData { count: more } => {
            let more = count(*more as u64);
            return Bilingual::new(
                format!("另有 {more} 項修改所指的項目、部門或類別不在現時顯示的資料中，已略過。"),
                format!("{more} more edits name projects, departments or categories the data shown does not have; they were ignored."),
            );
        }
        LinkReason::NoSuchProject { id } => ignored("該修改已略過", "its edit was ignored", format!("項目 {id}"), format!("project {id}")),
        LinkReason::NoSuchDepartment { number } => {
            ignored("已略過", "it was ignored", format!("部門 {number}"), format!("department {number}"))
        }
        LinkReason::NoSuchCategory { id } => ignored("該修改已略過", "its edit was ignored", format!("類別 {id}"), format!("category {id}")),
        LinkReason::MatchesNoProject => (
            "與現時顯示的資料中任何項目都不相符，因此沒有改變任何數字".to_string(),
            "matches no project in the data shown, so it changes nothing".to_string(),
        ),
        LinkReason::NoSuchScreen => ("不是 blockvote 的畫面，現顯示概覽".to_string(), "is not a screen of blockvote; the overview is shown".to_string()),
        LinkReason::NoSuchLanguage => (
            "不是 blockvote 的語言（zh 或 en），語言維持不變".to_string(),
            "is not a language of blockvote (zh or en); the language was not changed".to_string(),
        ),
        LinkReason::NotAQuarter => (
            "不是季度（例如 2018-19 Q2），篩選未有套用".to_string(),
            "is not a quarter such as 2018-19 Q2; the filter was not applied".to_string(),
        ),
        LinkReason::NotAYear => (
            "不是財政年度（例如 2019-20），篩選未有套用".to_string(),
            "is not a financial year such as 2019-20; the filter was not applied".to_string(),
        ),
        LinkReason::NoProjectStarts => (
            "：現時顯示的資料中沒有項目在該季度開展，篩選未有套用".to_string(),
            "is a quarter no project in the data shown starts in; the filter was not applied".to_string(),
        ),
        LinkReason::NoProjectCompletes => (
            "：現時顯示的資料中沒有項目在該年度完成，篩選未有套用".to_string(),
            "is a year no project in the data shown completes in; the filter was not applied".to_string(),
        ),
        LinkReason::NotProjectNumbers { count: 1 } => (
            "有 1 項不是項目編號，已略過".to_string(),
            "holds 1 item that is not a project number; it was ignored".to_string(),
        ),
        LinkReason::NotProjectNumbers { count: items } => {
            let items = count(*items as u64);
            (
                format!("有 {items} 項不是項目編號，已略過"),
                format!("holds {items} items that are not project numbers; they were ignored"),
            )
        }
        LinkReason::NotANumber => ("不是數字".to_string(), "is not a number".to_string()),
        LinkReason::OutOfRange { min, max } => (format!("須介乎 {min} 至 {max}"), format!("must be between {min} and {max}")),
        LinkReason::UnknownName => ("不是可用的名稱".to_string(), "is not a name blockvote knows".to_string()),
        LinkReason::Malformed => ("格式不符".to_string(), "is not in the expected form".to_string()),
        LinkReason::TooMany => {
            (format!("超過 {MAX_ITEMS} 項，整項未有讀取"), format!("has more than {MAX_ITEMS} items, so none was read"))
        }
        LinkReason::TooLong => (
            format!("長於 {} 個字元，整項未有讀取", count(MAX_VALUE_CHARS as u64)),
            format!("is longer than {} characters, so none of it was read", count(MAX_VALUE_CHARS as u64)),
        ),
        LinkReason::Unread => (
            format!("位於連結首 {} 個字元之後，未有讀取（連結可能被截短或過長）", count(MAX_FRAGMENT_CHARS as u64)),
            format!(
                "comes after the first {} characters of the link and was not read (the link is too long, or was cut)",
                count(MAX_FRAGMENT_CHARS as u64)
            ),
        ),
        LinkReason::NotCarried => (
            "表示複製連結時的情景太大，連結沒有包含該情景；現顯示文件的數字。請向寄件人索取情景檔案（JSON）".to_string(),
            "means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON)".to_string(),
        ),
    };
    Bilingual::new(format!("「{pair}」{zh}。"), format!("“{pair}” {en}."))
}

/// Why the scenario on screen is not in the address, or `None` when it is. Shown next
/// to "Copy link" and wherever the address is offered as the scenario's link.
pub fn fit_text(fit: &Fit) -> Option<Bilingual> {
    match fit {
        Fit::Exact => None,
        Fit::TooLarge { chars, items } => Some(Bilingual::new(
            format!(
                "此情景太大，無法放入連結：共 {} 個字元、同類修改最多 {} 項，而連結最多只能載 {} 個字元及每類 {MAX_ITEMS} 項修改。網址列沒有包含它；請改用情景檔案（JSON）分享。",
                count(*chars as u64),
                count(*items as u64),
                count(MAX_SCENARIO_CHARS as u64)
            ),
            format!(
                "This scenario is too large for a link: {} characters and up to {} edits of one kind, where a link holds at most {} characters and {MAX_ITEMS} edits of each kind. The address bar does not hold it; share it as a scenario file (JSON) instead.",
                count(*chars as u64),
                count(*items as u64),
                count(MAX_SCENARIO_CHARS as u64)
            ),
        )),
        Fit::NotExpressible => Some(Bilingual::new(
            "此情景含有連結無法表達的設定（例如由檔案匯入、以名稱指明的部門）。網址列沒有包含它；請改用情景檔案（JSON）分享。",
            "This scenario holds a setting a link cannot express (from an imported file, such as a department given by name). The address bar does not hold it; share it as a scenario file (JSON) instead.",
        )),
    }
}

/// What "Copy link" copies, given the page's address and the fragment that carries
/// the scenario. Over http(s) the whole address works on any machine that can reach
/// the server. From `file://` the path is the sender's own folder, which means
/// nothing elsewhere, so only the `#…` part is copied: a colleague adds it to their
/// own copy's address or pastes it into "Open a link".
pub fn link_to_copy(page_address: &str, fragment: &str) -> String {
    let fragment =
        if fragment.is_empty() || fragment.starts_with('#') { fragment.to_string() } else { format!("#{fragment}") };
    let without_fragment = page_address.split('#').next().unwrap_or_default();
    let scheme = without_fragment.split(':').next().unwrap_or_default().to_ascii_lowercase();
    if scheme == "http" || scheme == "https" {
        format!("{without_fragment}{fragment}")
    } else {
        fragment
    }
}

/// True if "Copy link" copies the whole address (served over http or https), false if
/// it copies only the `#…` part (from `file://`).
pub fn copies_whole_address(page_address: &str) -> bool {
    link_to_copy(page_address, "#x") != "#x"
}

/// What the explanation after a copy says: how a colleague opens the link.
pub fn copied_text(whole_address: bool) -> Label {
    if whole_address {
        Label::new(
            "已複製連結。同事打開連結即可看到這個情景；亦可把連結貼到 blockvote 的「開啟連結」。",
            "Link copied. A colleague who opens it sees this scenario; it can also be pasted into “Open a link” in any copy of blockvote.",
        )
    } else {
        Label::new(
            "已複製連結（# 之後的部分：檔案位置只適用於你的電腦）。同事可在自己的 blockvote 檔案按「開啟連結」貼上，或把它加在自己檔案網址的末端。",
            "Link copied (the part from #: the file's location is yours alone). A colleague opens it in their own copy of the blockvote file: paste it into “Open a link”, or add it to the end of their copy's address.",
        )
    }
}

/// Why a pasted text cannot be opened as a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteError {
    Empty,
    /// No `view`, `lang` or scenario key: not a blockvote link.
    NotALink,
}

/// The longest text "Open a link" takes: a link the app writes is at most
/// [`MAX_FRAGMENT_CHARS`] characters after its `#`, and its address before that is
/// short; anything longer is cut by the field, and what lies beyond the fragment's
/// limit is reported as unread.
pub const MAX_PASTED_CHARS: usize = MAX_FRAGMENT_CHARS + 4096;

/// The fragment of a pasted blockvote link, whatever its host or path: everything
/// after the first `#`, or the whole text if it has no `#` (a fragment pasted without
/// it). It must name a view, a language or a scenario lever to count as a link.
pub fn pasted_fragment(text: &str) -> Result<String, PasteError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PasteError::Empty);
    }
    let fragment = text.split_once('#').map_or(text, |(_, after)| after);
    let fragment: String = fragment.chars().take(MAX_PASTED_CHARS).collect();
    let read = read_fragment(&fragment);
    let known = |key: &str| key == "view" || key == "lang" || SCENARIO_KEYS.contains(&key);
    let any_known = read.pairs.iter().any(|(key, _)| known(key)) || read.unread.iter().any(|key| known(key));
    if any_known {
        Ok(format!("#{fragment}"))
    } else {
        Err(PasteError::NotALink)
    }
}

/// A pasted text's problem, in words.
pub fn paste_error_text(error: PasteError) -> Label {
    match error {
        PasteError::Empty => Label::new("請先貼上連結。", "Paste a link first."),
        PasteError::NotALink => Label::new(
            "這不是 blockvote 的連結：當中沒有 view=、lang= 或情景設定（例如 cost=10）。",
            "This is not a blockvote link: it names no view=, lang= or scenario lever (such as cost=10).",
        ),
    }
}

/// The result of opening a pasted link, said next to the field.
pub fn opened_text(problems: usize) -> Bilingual {
    match problems {
        0 => Bilingual::new("已開啟連結的情景。按「復原」可返回之前的情景。", "The link's scenario is open. Undo goes back to the one before."),
        1 => Bilingual::new(
            "已開啟連結的情景，但有 1 處無法使用（見上方的訊息）。按「復原」可返回之前的情景。",
            "The link's scenario is open, but one part of it could not be used (see the message above). Undo goes back to the one before.",
        ),
        n => Bilingual::new(
            format!("已開啟連結的情景，但有 {n} 處無法使用（見上方的訊息）。按「復原」可返回之前的情景。"),
            format!("The link's scenario is open, but {n} parts of it could not be used (see the message above). Undo goes back to the one before."),
        ),
    }
}

/// The name the scenario carries in the file offered instead of a link.
pub const SHARED_SCENARIO_NAME: &str = "分享的情景 / Shared scenario";
/// That file's name.
pub const SHARED_SCENARIO_FILE: &str = "blockvote-shared-scenario.json";

/// The file offered instead of a link: the scenario (and seed) in the scenarios
/// format, which "Import scenarios (JSON)" on the Scenarios screen reads.
pub fn scenario_file(scenario: &Scenario, seed: Option<u64>) -> String {
    let shared = SavedScenario::new("s1", SHARED_SCENARIO_NAME, scenario.clone(), seed);
    encode(&Store::of(vec![shared]))
}

/// The words of the share controls.
pub mod words {
    use crate::lang::Label;

    pub const COPY_LINK: Label = Label::new("複製連結", "Copy link");
    /// The keyboard shortcut, as `KeyboardEvent.code` with Alt and Shift held. Not
    /// Ctrl/⌘+Shift+L: Safari shows its sidebar on ⇧⌘L and ChromeOS took Ctrl+Shift+L
    /// for locking the screen; Alt+Shift+C is taken by neither, nor by Chromium.
    pub const SHORTCUT_CODE: &str = "KeyC";
    pub const SHORTCUT_HINT: Label = Label::new("快捷鍵：Alt+Shift+C（Mac：⌥⇧C）", "Shortcut: Alt+Shift+C (Mac: ⌥⇧C)");
    pub const COPY_REFUSED: Label = Label::new(
        "瀏覽器不允許直接複製。連結已在下面選取，請按 Ctrl+C（Mac：⌘C）複製。",
        "The browser did not allow copying. The link is selected below: press Ctrl+C (Mac: ⌘C) to copy it.",
    );
    pub const LINK_FIELD: Label = Label::new("這個情景的連結", "This scenario's link");
    pub const DOWNLOAD_FILE: Label = Label::new("下載這個情景（JSON）", "Download this scenario (JSON)");
    pub const DOWNLOAD_REFUSED: Label = Label::new("瀏覽器拒絕了下載。", "The browser refused the download.");
    pub const FILE_HOW_TO_OPEN: Label = Label::new(
        "同事可在 blockvote 的「情景」畫面按「匯入情景（JSON）」開啟這個檔案。",
        "A colleague opens the file on blockvote's Scenarios screen, with “Import scenarios (JSON)”.",
    );
    pub const OPEN_LINK: Label = Label::new("開啟連結", "Open a link");
    pub const OPEN_FIELD: Label =
        Label::new("貼上 blockvote 的連結（或 # 之後的部分）", "Paste a blockvote link (or its part from #)");
    pub const OPEN_BUTTON: Label = Label::new("開啟", "Open");
    pub const CLOSE: Label = Label::new("關閉", "Close");
    pub const SHARE_GROUP: Label = Label::new("分享情景", "Share the scenario");
    /// The one button that stands for both actions on a narrow screen.
    pub const SHARE: Label = Label::new("分享", "Share");
    /// Shown next to the buttons while the address bar does not hold the scenario.
    pub const TOO_LARGE_BADGE: Label = Label::new("此情景太大，無法放入連結", "Too large for a link");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use blockvote_model::link::{decode, decode_link, write};

    #[track_caller]
    fn check_copy(address: &str, fragment: &str, expected: &str) {
        assert_eq!(link_to_copy(address, fragment), expected, "{address} + {fragment}");
    }

    #[test]
    fn copy_link_copies_what_works_on_another_machine() {
        check_copy(
            "https://example.org/bv/index.html#view=risk",
            "#view=risk&cost=10",
            "https://example.org/bv/index.html#view=risk&cost=10",
        );
        check_copy("http://127.0.0.1:8080/", "#view=risk", "http://127.0.0.1:8080/#view=risk");
        check_copy("HTTPS://example.org/", "view=risk", "HTTPS://example.org/#view=risk");
        check_copy(
            "file:///C:/Users/me/Downloads/blockvote.html#view=risk",
            "#view=risk&cost=10",
            "#view=risk&cost=10",
        );
        check_copy("file:///home/me/blockvote.html", "#view=overview&lang=en", "#view=overview&lang=en");
        check_copy("about:blank", "#x", "#x");
        assert!(copies_whole_address("https://a.b/"));
        assert!(!copies_whole_address("file:///x.html"));
        assert!(copied_text(false).en.contains("Open a link"));
        assert!(copied_text(true).zh.contains("開啟連結"));
    }

    #[track_caller]
    fn check_paste(text: &str, expected: Result<&str, PasteError>) {
        assert_eq!(pasted_fragment(text), expected.map(str::to_string), "{text:?}");
    }

    #[test]
    fn any_blockvote_link_opens_whatever_its_host_or_path() {
        check_paste("file:///D:/blockvote.html#view=risk&lang=en&cost=10", Ok("#view=risk&lang=en&cost=10"));
        check_paste("  https://legco.example/tools/bv.html#view=overview&lang=zh \n", Ok("#view=overview&lang=zh"));
        check_paste("#p=17:d2", Ok("#p=17:d2"));
        check_paste("view=cashflow&profile=even", Ok("#view=cashflow&profile=even"));
        check_paste("#scenario=too-large", Ok("#scenario=too-large"));
        check_paste("", Err(PasteError::Empty));
        check_paste("   ", Err(PasteError::Empty));
        check_paste("https://www.legco.gov.hk/", Err(PasteError::NotALink));
        check_paste("https://example.org/#section-2", Err(PasteError::NotALink));
        check_paste("hello world", Err(PasteError::NotALink));
        // A pasted megabyte is cut to what the field takes; the link's own reader
        // then reports what lies beyond its limit.
        let long = format!("#view=risk&p={}", "1:d1;".repeat(200_000));
        let pasted = pasted_fragment(&long).unwrap_or_default();
        assert_eq!(pasted.chars().count(), MAX_PASTED_CHARS + 1);
        let (_, problems) = decode_link(&pasted);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            paste_error_text(PasteError::NotALink).get(Lang::En),
            "This is not a blockvote link: it names no view=, lang= or scenario lever (such as cost=10)."
        );
    }

    #[track_caller]
    fn check_problem(link: &str, en: &str, zh: &str) {
        let (_, problems) = decode_link(link);
        let words: Vec<Bilingual> = problems.iter().map(problem_text).collect();
        assert_eq!(words, vec![Bilingual::new(zh, en)], "a link of {} characters", link.len());
    }

    #[test]
    fn a_links_problems_in_both_languages() {
        check_problem("#slip=2", "“slip=2” must be between 0 and 1.", "「slip=2」須介乎 0 至 1。");
        check_problem(
            "#profile=sideways",
            "“profile=sideways” is not a name blockvote knows.",
            "「profile=sideways」不是可用的名稱。",
        );
        check_problem(
            "#scenario=too-large",
            "“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
            "「scenario=too-large」表示複製連結時的情景太大，連結沒有包含該情景；現顯示文件的數字。請向寄件人索取情景檔案（JSON）。",
        );
        check_problem(
            &format!("#x={}&p=1:x", "y".repeat(MAX_FRAGMENT_CHARS - 4)),
            "“p” comes after the first 32,768 characters of the link and was not read (the link is too long, or was cut).",
            "「p」位於連結首 32,768 個字元之後，未有讀取（連結可能被截短或過長）。",
        );
        check_problem(
            &format!("#p={}", "1:x;".repeat(MAX_ITEMS + 1)),
            "“p=1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;” has more than 300 items, so none was read.",
            "「p=1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;」超過 300 項，整項未有讀取。",
        );
    }

    /// The words (English, then Chinese) of what the app says when `link` is opened on
    /// the paper's data.
    #[track_caller]
    fn check_opened(link: &str, expected: &[(&str, &str)]) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(link, &data);
        let words: Vec<(String, String)> = problems.iter().map(problem_text).map(|w| (w.en, w.zh)).collect();
        let expected: Vec<(String, String)> =
            expected.iter().map(|(en, zh)| (en.to_string(), zh.to_string())).collect();
        assert_eq!(words, expected, "{link}");
    }

    #[test]
    fn an_opened_link_names_every_pair_the_app_cannot_use() {
        check_opened("#view=projects&lang=en&p=17:d2&g=dept.2:d1&cat=1:300&dept=1&theme=it_security", &[]);
        check_opened(
            "#view=projects&lang=en&p=999:x",
            &[(
                "“p=999:x” names project 999, which the data shown does not have; its edit was ignored.",
                "「p=999:x」所指的項目 999 不在現時顯示的資料中，該修改已略過。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&g=dept.99:x",
            &[(
                "“g=dept.99:x” names department 99, which the data shown does not have; it was ignored.",
                "「g=dept.99:x」所指的部門 99 不在現時顯示的資料中，已略過。",
            )],
        );
        check_opened(
            "#view=allocation&lang=zh&cat=99:5;0:1",
            &[
                (
                    "“cat=99:5” names category 99, which the data shown does not have; its edit was ignored.",
                    "「cat=99:5」所指的類別 99 不在現時顯示的資料中，該修改已略過。",
                ),
                (
                    "“cat=0:1” names category 0, which the data shown does not have; its edit was ignored.",
                    "「cat=0:1」所指的類別 0 不在現時顯示的資料中，該修改已略過。",
                ),
            ],
        );
        check_opened(
            "#view=bogus&lang=xx&p=65536:x&dept=999&min=abc&theme=x&start=zzz",
            &[
                (
                    "“view=bogus” is not a screen of blockvote; the overview is shown.",
                    "「view=bogus」不是 blockvote 的畫面，現顯示概覽。",
                ),
                (
                    "“lang=xx” is not a language of blockvote (zh or en); the language was not changed.",
                    "「lang=xx」不是 blockvote 的語言（zh 或 en），語言維持不變。",
                ),
                ("“p=65536” is not a number.", "「p=65536」不是數字。"),
                (
                    "“dept=999” names department 999, which the data shown does not have; it was ignored.",
                    "「dept=999」所指的部門 999 不在現時顯示的資料中，已略過。",
                ),
                ("“min=abc” is not a number.", "「min=abc」不是數字。"),
                ("“theme=x” is not a name blockvote knows.", "「theme=x」不是可用的名稱。"),
                (
                    "“start=zzz” is not a quarter such as 2018-19 Q2; the filter was not applied.",
                    "「start=zzz」不是季度（例如 2018-19 Q2），篩選未有套用。",
                ),
            ],
        );
        // A long list names the first 16 and counts the rest.
        let many: Vec<String> = (1000..1020).map(|id| format!("{id}:x")).collect();
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(&format!("#p={}", many.join(";")), &data);
        assert_eq!(
            problems.last().map(problem_text),
            Some(Bilingual::new(
                "另有 4 項修改所指的項目、部門或類別不在現時顯示的資料中，已略過。",
                "4 more edits name projects, departments or categories the data shown does not have; they were ignored."
            ))
        );
        // A scenario built in the app is never checked against the data: only a link
        // opened is.
        let (decoded, _) = open_link("#p=999:x", &data);
        assert_eq!(write(&decoded.scenario, None).fit, Fit::Exact);
        assert_eq!(decode(&write(&decoded.scenario, None).pairs).1, vec![]);
    }

    #[test]
    fn an_address_changed_by_hand_names_only_what_changed() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let had = parse_fragment("#view=risk&dept=999&cost=10");
        let words = |text: &str| -> Vec<String> {
            changed_address_problems(text, &had, &data).iter().map(|p| problem_text(p).en).collect()
        };
        // A change of screen keeps the filters the app had: nothing is said again.
        assert_eq!(words("#view=projects&lang=en&cost=10&dept=999"), Vec::<String>::new());
        assert_eq!(
            words("#view=bogus&lang=en&cost=10&dept=999&theme=x"),
            [
                "“view=bogus” is not a screen of blockvote; the overview is shown.",
                "“theme=x” is not a name blockvote knows."
            ]
        );
    }

    #[test]
    fn a_scenario_too_large_for_a_link_says_so_and_why() {
        assert_eq!(fit_text(&Fit::Exact), None);
        let long = fit_text(&Fit::TooLarge { chars: 40_000, items: 301 }).unwrap_or_else(|| Bilingual::new("", ""));
        assert_eq!(
            long.en,
            "This scenario is too large for a link: 40,000 characters and up to 301 edits of one kind, where a link holds at most 32,512 characters and 300 edits of each kind. The address bar does not hold it; share it as a scenario file (JSON) instead."
        );
        assert!(long.zh.contains("情景檔案（JSON）"));
        assert!(fit_text(&Fit::NotExpressible).is_some_and(|t| t.en.contains("cannot express")));
    }

    #[test]
    fn the_file_offered_instead_of_a_link_imports_as_the_scenario() {
        let scenario = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let text = scenario_file(&scenario, Some(7));
        let store = blockvote_model::saved::decode(&text, blockvote_model::nfc::nfc).unwrap_or_default();
        let shared: Vec<(&str, &Scenario, Option<u64>)> =
            store.scenarios.iter().map(|s| (s.name.as_str(), &s.scenario, s.seed)).collect();
        assert_eq!(shared, vec![(SHARED_SCENARIO_NAME, &scenario, Some(7))]);
        // And a scenario that fits is the same through its link.
        let (decoded, _) = decode(&write(&scenario, Some(7)).pairs);
        assert_eq!(decoded.scenario, scenario);
    }
}
