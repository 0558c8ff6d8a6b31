//! The last line of defence: if a panic happens anyway, log it and show a visible
//! banner instead of leaving a frozen page.
//!
//! The release build uses `panic = "abort"`: once the hook returns, the wasm instance
//! traps and must be treated as dead. So everything the user needs afterwards is
//! prepared *inside* the hook with plain web-sys DOM calls (never Leptos, whose
//! reactive runtime may be half-way through an update):
//!
//! - a bilingual banner (`role="alert"`, focused) saying what happened, that saved
//!   scenarios are safe in this browser, and to reload;
//! - a download link whose `href` is a `blob:` URL made here, holding the saved
//!   scenarios in the import format plus the scenario that was being edited (read
//!   from the URL fragment with the model's pure `link` functions), so the download is
//!   the browser's own default action and needs no wasm;
//! - the app itself made `inert` (and dimmed by the stylesheet), so nobody keeps
//!   typing into a dead app.
//!
//! Nothing here may panic: a panic inside the hook aborts at once. Every browser call
//! returns a `Result` that is ignored or turned into an early return, and the pure part
//! ([`rescue`]) only calls the model's total functions.
//!
//! A test-only trigger, `window.__blockvoteTestPanic()`, is installed when
//! `localStorage['blockvote.test-hooks'] === '1'` at startup (see `docs/security.md`).

use blockvote_model::engine::Scenario;
use blockvote_model::link;
use blockvote_model::saved::{decode_lenient, encode, SavedScenario, Store, MAX_SCENARIOS};
use blockvote_present::route::route;
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// The `localStorage` key holding the saved scenarios (as in `saved::storage::KEY`;
/// repeated here so the hook touches nothing of the app's state).
const SCENARIOS_KEY: &str = crate::saved::storage::KEY;
/// The name given, in the rescue file, to the scenario that was being edited.
pub const UNSAVED_NAME: &str = "出錯時未儲存的方案 / Unsaved at the time of the error";
/// The file name of the rescue download.
pub const RESCUE_FILE: &str = "blockvote-scenarios-rescue.json";
/// The file name of the stored text offered as it was, when it could not all be read.
pub const RAW_FILE: &str = "blockvote-scenarios-as-stored.json";
/// The `localStorage` key that, set to `1`, installs the test-only panic trigger.
pub const TEST_HOOKS_KEY: &str = "blockvote.test-hooks";
/// The name of the test-only trigger on `window`.
pub const TEST_PANIC_NAME: &str = "__blockvoteTestPanic";

/// Set once the banner is up, so a second panic (a timer calling into the dead
/// instance, say) neither rebuilds the banner nor steals focus again.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook and, if asked for, the test trigger.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
    install_test_trigger();
}

/// Installs `window.__blockvoteTestPanic`, a function that panics, when the
/// `blockvote.test-hooks` flag is set in `localStorage`. The end-to-end tests set it to
/// check the safety net; nobody else has a reason to. It is harmless: it can only show
/// the error banner, which reveals nothing and changes no stored data, and anyone able
/// to set the flag can already run script in the page.
fn install_test_trigger() {
    let Some(window) = web_sys::window() else { return };
    let flag =
        window.local_storage().ok().flatten().and_then(|storage| storage.get_item(TEST_HOOKS_KEY).ok().flatten());
    if flag.as_deref() != Some("1") {
        return;
    }
    // The one panic allowed outside tests: the test-only trigger of the safety net.
    #[allow(clippy::panic)]
    let trigger = Closure::<dyn Fn()>::new(|| {
        panic!("deliberate test panic: window.{TEST_PANIC_NAME}() was called ({TEST_HOOKS_KEY} = 1)");
    });
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(TEST_PANIC_NAME), trigger.as_ref());
    // The trigger lives as long as the page.
    trigger.forget();
}

/// What the rescue download holds, worked out from the stored text and the fragment
/// without touching the browser, so it can be tested natively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rescue {
    /// The JSON offered for download, in the format the scenario import reads.
    pub text: String,
    /// The stored text exactly as it was, offered as well when part of it could not be
    /// read (or when the unsaved scenario displaced a saved one from a full store), so
    /// nothing is lost by the rescue itself.
    pub raw: Option<String>,
    /// How many saved scenarios the download holds.
    pub saved: usize,
    /// Whether the scenario being edited was added.
    pub added_unsaved: bool,
}

/// Builds the rescue file: the readable stored scenarios, plus the scenario the
/// fragment describes when it differs from the paper and from every saved one. Total:
/// only the model's never-panicking decoders and encoder are called.
pub fn rescue(stored: Option<&str>, fragment: &str) -> Rescue {
    let (mut store, problems) = match stored {
        Some(text) => decode_lenient(text),
        None => (Store::default(), Vec::new()),
    };
    let mut raw = (!problems.is_empty()).then(|| stored.map(str::to_string)).flatten();
    let saved = store.scenarios.len();
    let (decoded, _) = link::decode(&route(fragment).params);
    let already_saved = store.scenarios.iter().any(|s| s.scenario == decoded.scenario && s.seed == decoded.seed);
    let added_unsaved = decoded.any && decoded.scenario != Scenario::default() && !already_saved;
    if added_unsaved {
        let entry = SavedScenario {
            id: store.fresh_id(),
            name: store.unused_name(UNSAVED_NAME),
            scenario: decoded.scenario,
            seed: decoded.seed,
            ..SavedScenario::default()
        };
        if store.scenarios.len() < MAX_SCENARIOS {
            store.scenarios.push(entry);
        } else {
            // A full store: the unsaved scenario goes first so an import keeps it; the
            // saved one it displaces stays in the browser and in the raw copy.
            store.scenarios.insert(0, entry);
            store.scenarios.truncate(MAX_SCENARIOS);
            raw = raw.or_else(|| stored.map(str::to_string));
        }
    }
    Rescue { text: encode(&store), raw, saved, added_unsaved }
}

/// What the browser let the hook read from storage.
enum Stored {
    Text(String),
    Nothing,
    Unavailable,
}

fn read_stored(window: &web_sys::Window) -> Stored {
    match window.local_storage() {
        Ok(Some(storage)) => match storage.get_item(SCENARIOS_KEY) {
            Ok(Some(text)) => Stored::Text(text),
            Ok(None) => Stored::Nothing,
            Err(_) => Stored::Unavailable,
        },
        _ => Stored::Unavailable,
    }
}

/// Shows the error banner with the panic message, prepares the rescue download and
/// makes the app inert. Uses `text_content`, never HTML, so a message carrying user
/// text cannot inject markup. Does nothing the second time.
pub fn show_banner(message: &str) {
    if SHOWN.load(Ordering::Relaxed) {
        return;
    }
    if build_banner(message).is_ok() {
        SHOWN.store(true, Ordering::Relaxed);
    }
}

fn build_banner(message: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let body = document.body().ok_or(JsValue::NULL)?;

    let stored = read_stored(&window);
    let fragment = window.location().hash().unwrap_or_default();
    let rescue = rescue(if let Stored::Text(text) = &stored { Some(text.as_str()) } else { None }, &fragment);

    // The loader's own failure banner uses the same id; whatever is there is replaced.
    if let Some(old) = document.get_element_by_id("fatal-error") {
        old.remove();
    }
    let banner = document.create_element("div")?;
    banner.set_id("fatal-error");
    banner.set_class_name("fatal-error");
    banner.set_attribute("role", "alert")?;
    banner.set_attribute("tabindex", "-1")?;
    banner.set_attribute("aria-labelledby", "fatal-error-title")?;
    banner.set_attribute("data-testid", "fatal-error")?;

    let title = document.create_element("h2")?;
    title.set_id("fatal-error-title");
    append_text(&document, &title, "span", Some("zh-Hant-HK"), "blockvote 發生內部錯誤，已停止運作")?;
    title.append_with_str_1(" · ")?;
    append_text(&document, &title, "span", Some("en"), "blockvote hit an internal error and has stopped")?;
    banner.append_child(&title)?;

    // The language the page was showing comes first.
    let english_first = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .is_some_and(|lang| lang.to_ascii_lowercase().starts_with("en"));
    let zh = explanation_zh(&stored, &rescue);
    let en = explanation_en(&stored, &rescue);
    let (first, second) =
        if english_first { (("en", en), ("zh-Hant-HK", zh)) } else { (("zh-Hant-HK", zh), ("en", en)) };
    for (lang, text) in [first, second] {
        let p = append_text(&document, &banner, "p", Some(lang), &text)?;
        p.set_attribute("data-testid", &format!("fatal-error-{}", if lang == "en" { "en" } else { "zh" }))?;
    }

    let actions = document.create_element("p")?;
    actions.set_class_name("fatal-error-actions");
    let link = download_link(
        &document,
        RESCUE_FILE,
        &rescue.text,
        "下載方案備份 (JSON) · Download a copy of your scenarios (JSON)",
        "fatal-error-download",
    )?;
    actions.append_child(&link)?;
    if let Some(raw) = &rescue.raw {
        let raw_link = download_link(
            &document,
            RAW_FILE,
            raw,
            "下載原本儲存的內容 · Download the stored text as it was",
            "fatal-error-download-raw",
        )?;
        actions.append_child(&raw_link)?;
    }
    banner.append_child(&actions)?;

    let detail = append_text(&document, &banner, "p", None, &format!("技術資料 Technical detail: {message}"))?;
    detail.set_class_name("fatal-error-detail");

    body.prepend_with_node_1(&banner)?;
    // The dead app stays visible (dimmed by the stylesheet) but takes no input, so
    // nobody keeps typing into it and focus cannot wander back into it.
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("inert", "");
        let _ = app.set_attribute("data-halted", "true");
    }
    if let Some(banner) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = banner.focus();
    }
    Ok(())
}

fn explanation_zh(stored: &Stored, rescue: &Rescue) -> String {
    let mut text = String::from("本頁已停止回應，請勿在下方繼續輸入。");
    match stored {
        Stored::Unavailable => text.push_str("此瀏覽器的儲存空間無法讀取，下載檔案只包括出錯時正在編輯的方案。"),
        Stored::Nothing => text.push_str("此瀏覽器中尚未儲存任何方案。"),
        Stored::Text(_) => text.push_str("已儲存的方案仍安全地保存在此瀏覽器中，重新載入後即可再次使用。"),
    }
    if rescue.raw.is_some() {
        text.push_str("部分已儲存的內容無法讀取；第二個連結會按原樣下載。");
    }
    if rescue.added_unsaved {
        text.push_str("出錯時正在編輯但未儲存的方案已加入下載檔案，名為「出錯時未儲存的方案」；重新載入後，可在「情景」畫面匯入該檔案。");
    }
    text.push_str("請先下載備份，然後重新載入頁面（按 F5 或 Ctrl+R）。");
    text
}

fn explanation_en(stored: &Stored, rescue: &Rescue) -> String {
    let mut text = String::from("The page has stopped responding; please do not keep typing into it. ");
    match stored {
        Stored::Unavailable => text.push_str(
            "This browser's storage could not be read, so the download holds only the scenario you were editing. ",
        ),
        Stored::Nothing => text.push_str("No scenarios had been saved in this browser yet. "),
        Stored::Text(_) => {
            text.push_str("Your saved scenarios are safe in this browser and will be there after a reload. ")
        }
    }
    if rescue.raw.is_some() {
        text.push_str("Part of what was stored could not be read; the second link downloads it exactly as stored. ");
    }
    if rescue.added_unsaved {
        text.push_str(
            "The scenario you were editing had not been saved; it is in the download as “Unsaved at the time of the error”. After reloading, import the file on the Scenarios screen. ",
        );
    }
    text.push_str("Download the copy first, then reload the page (F5 or Ctrl+R).");
    text
}

/// Appends a `tag` element holding `text` (as text, never markup) to `parent`.
fn append_text(
    document: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    lang: Option<&str>,
    text: &str,
) -> Result<web_sys::Element, JsValue> {
    let element = document.create_element(tag)?;
    if let Some(lang) = lang {
        element.set_attribute("lang", lang)?;
    }
    element.set_text_content(Some(text));
    parent.append_child(&element)?;
    Ok(element)
}

/// An `<a download>` whose `href` is a `blob:` URL holding `text`. The URL is never
/// revoked: revoking would need a timer calling into the dead instance, and the page
/// is reloaded anyway.
fn download_link(
    document: &web_sys::Document,
    filename: &str,
    text: &str,
    label: &str,
    test_id: &str,
) -> Result<web_sys::Element, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor = document.create_element("a")?;
    anchor.set_attribute("href", &url)?;
    anchor.set_attribute("download", filename)?;
    anchor.set_attribute("data-testid", test_id)?;
    anchor.set_class_name("fatal-error-link");
    anchor.set_text_content(Some(label));
    Ok(anchor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::saved::decode;

    const STORED: &str = r#"{"format":"blockvote-scenarios","version":1,"scenarios":[
        {"id":"s1","name":"Dearer","scenario":{"cost_change_pct":"10"}}]}"#;

    #[test]
    fn the_unsaved_scenario_joins_the_saved_ones() {
        let result = rescue(Some(STORED), "#view=cashflow&lang=en&profile=even");
        let store = decode(&result.text).unwrap();
        let names: Vec<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Dearer", UNSAVED_NAME]);
        assert_eq!(store.scenarios[1].id, "s2");
        assert!(result.added_unsaved && result.raw.is_none() && result.saved == 1);
    }

    #[test]
    fn the_paper_or_an_already_saved_scenario_is_not_added_again() {
        for fragment in ["", "#view=overview&lang=zh", "#view=cashflow&cost=10"] {
            let result = rescue(Some(STORED), fragment);
            assert!(!result.added_unsaved, "{fragment}");
            assert_eq!(decode(&result.text).unwrap().scenarios.len(), 1, "{fragment}");
        }
    }

    #[test]
    fn nothing_stored_still_gives_an_importable_file() {
        let result = rescue(None, "#cost=5");
        let store = decode(&result.text).unwrap();
        assert_eq!(store.scenarios.len(), 1);
        assert_eq!(rescue(None, "").text, encode(&Store::default()));
    }

    #[test]
    fn unreadable_stored_text_is_offered_as_it_was() {
        for stored in ["\u{0}garbage{{{", r#"{"format":"blockvote-scenarios","version":1,"scenarios":[{"name":42}]}"#] {
            let result = rescue(Some(stored), "#cost=5&p=999999:zz");
            assert_eq!(result.raw.as_deref(), Some(stored));
            assert_eq!(decode(&result.text).unwrap().scenarios.len(), 1, "the unsaved scenario is still rescued");
        }
    }

    #[test]
    fn a_full_store_keeps_the_unsaved_scenario_first() {
        let rows: Vec<String> = (0..MAX_SCENARIOS)
            .map(|n| format!(r#"{{"id":"s{n}","name":"n{n}","scenario":{{"cost_change_pct":"{}"}}}}"#, n % 50))
            .collect();
        let stored = format!(r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{}]}}"#, rows.join(","));
        let result = rescue(Some(&stored), "#profile=even");
        let store = decode(&result.text).unwrap();
        assert_eq!(store.scenarios.len(), MAX_SCENARIOS);
        assert_eq!(store.scenarios[0].name, UNSAVED_NAME);
        assert_eq!(result.raw.as_deref(), Some(stored.as_str()));
    }
}
