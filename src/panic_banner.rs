//! The last line of defence: if a panic or a WebAssembly trap happens anyway, show a
//! visible banner with a rescue download instead of leaving a frozen page.
//!
//! The release build uses `panic = "abort"`: once the panic hook returns, the wasm
//! instance traps and must be treated as dead. A trap that is not a panic (running out
//! of memory, a stack overflow) kills it without calling the hook at all. So the
//! banner is prepared *in advance*, with plain web-sys DOM calls (never Leptos, whose
//! reactive runtime may be half-way through an update), and kept up to date while
//! the app lives ([`keep_rescue_ready`]):
//!
//! - a bilingual banner (`role="alert"`) saying what happened, that saved scenarios
//!   are safe in this browser, and to reload;
//! - a download link holding, in advance, the saved scenarios in the import format
//!   plus the scenario being edited (the app's own, not the address's, which cannot
//!   hold a scenario too large for a link). The text waits on the link (the property
//!   [`RESCUE_TEXT_PROPERTY`]); whichever shows the banner turns it into a `blob:` URL
//!   first, so the download is the browser's own default action and needs no wasm,
//!   and keeping the banner ready costs no `Blob` on every change (some 2–3 ms each).
//!
//! The prepared banner is kept out of the page (and published as
//! `window.__blockvoteRescueBanner`) until it is needed: the panic hook puts it in
//! the page, and for a trap the one-file loader (`scripts/single-file.mjs`) does,
//! from JavaScript, so a dead instance is never called. Either way the app is made
//! `inert` (and dimmed by the stylesheet), so nobody keeps typing into a dead app.
//!
//! Nothing here may panic: a panic inside the hook aborts at once. Every browser call
//! returns a `Result` that is ignored or turned into an early return, and the pure part
//! ([`rescue`]) only calls the model's total functions.
//!
//! Test-only triggers, `window.__blockvoteTestPanic()` and `window.__blockvoteTestTrap()`
//! (and a trap while starting), are installed when
//! `localStorage['blockvote.test-hooks'] === '1'` at start-up (see `docs/security.md`).

use crate::components::effect::effect;
use crate::state::AppState;
use crate::whatif::WhatIf;
use blockvote_model::engine::{Scenario, SimulationChoices};
use blockvote_model::link;
use blockvote_model::saved::{decode_lenient, encode, Question, SavedScenario, Store, MAX_SCENARIOS};
use blockvote_present::lang::Lang;
use leptos::prelude::*;
use std::cell::RefCell;
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// The `localStorage` key holding the saved scenarios (as in `saved::storage::KEY`;
/// repeated here so the hook touches nothing of the app's state).
const SCENARIOS_KEY: &str = crate::saved::storage::KEY;
/// The name given, in the rescue file, to the scenario that was being edited.
pub const UNSAVED_NAME: &str = "出錯時未儲存的情景 / Unsaved at the time of the error";
/// The file name of the rescue download.
pub const RESCUE_FILE: &str = "blockvote-scenarios-rescue.json";
/// The file name of the stored text offered as it was, when it could not all be read.
pub const RAW_FILE: &str = "blockvote-scenarios-as-stored.json";
/// The `localStorage` key that, set to `1`, installs the test-only triggers.
pub const TEST_HOOKS_KEY: &str = "blockvote.test-hooks";
/// The `localStorage` key that, set to `1` while the test hooks are on, traps the
/// instance during start-up (after the banner is prepared).
pub const TEST_TRAP_AT_START_KEY: &str = "blockvote.test-trap-at-start";
/// The name of the test-only panic trigger on `window`.
pub const TEST_PANIC_NAME: &str = "__blockvoteTestPanic";
/// The name of the test-only trap trigger on `window`.
pub const TEST_TRAP_NAME: &str = "__blockvoteTestTrap";
/// Where the prepared banner is published for the loader's trap handler.
pub const PREPARED_BANNER_NAME: &str = "__blockvoteRescueBanner";
/// The property of a prepared download link holding its text, until the banner is
/// shown and the text becomes the link's `blob:` URL (the loader reads the same name).
pub const RESCUE_TEXT_PROPERTY: &str = "__blockvoteRescueText";
/// The prefix of the technical detail line (the loader writes the same).
const DETAIL_PREFIX: &str = "技術資料 Technical detail: ";

/// Set once the banner is up, so a second panic (a timer calling into the dead
/// instance, say) neither rebuilds the banner nor steals focus again.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// The banner prepared for the next panic or trap. Only this module holds state
/// outside a context: it must work after the app is dead.
struct Prepared {
    banner: web_sys::Element,
}

/// The scenario being edited, waiting for the banner to be prepared with it (see
/// [`keep_rescue_ready`]).
struct Pending {
    scenario: Scenario,
    simulation: Option<SimulationChoices>,
    questions: Vec<Question>,
    english_first: bool,
}

/// What the member is editing and has not necessarily saved: the scenario, its
/// simulation and its questions.
#[derive(Clone, Copy, Debug)]
pub struct Editing<'a> {
    pub scenario: &'a Scenario,
    pub simulation: Option<&'a SimulationChoices>,
    pub questions: &'a [Question],
}

/// Stored text up to this long is rescued just after the frame that shows each change
/// (under a millisecond); longer text (up to the store's 2 MB) a moment after
/// the changes stop.
const PREPARE_AT_ONCE_BYTES: usize = 256 * 1024;
/// How long after the last change a large store's rescue is prepared, in ms.
const PREPARE_DELAY_MS: i32 = 250;

/// Whether the store was longer than [`PREPARE_AT_ONCE_BYTES`] when the rescue was last
/// prepared: the next change's rescue then waits until the changes stop.
static LARGE_STORE: AtomicBool = AtomicBool::new(false);

thread_local! {
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// Installs the panic hook and, if asked for, the test triggers, and prepares the
/// banner from what the address and storage hold at start-up.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        // The console gets the message the banner shows; a stack trace of the release
        // wasm names no function, so none is added.
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show_banner(&message);
    }));
    prepare_from_address();
    if test_hooks_on() {
        install_test_triggers();
        trap_at_start_if_asked();
    }
}

/// Keeps the prepared banner up to date with the scenario being edited, the saved
/// scenarios and the language, for as long as the calling component lives. The banner
/// is prepared in a task of its own just after the frame that shows a change, so that
/// preparing it (reading the store, building the banner) is not part of the time from
/// a keystroke to the figure on screen. With a large store (rescuing 2 MB takes some
/// 50 ms) it is prepared a moment after the changes stop, so typing stays quick, and so
/// is the first copy at start-up. A panic prepares it at once before showing it; only a
/// trap before that task rescues the scenario as it was just before.
pub fn keep_rescue_ready(state: AppState, whatif: WhatIf) {
    let saved = crate::saved::use_saved();
    effect(move |first_run: bool| {
        // Read so that a save (which writes storage before the signal changes) brings
        // the prepared copy up to date.
        saved.store.track();
        let pending = Pending {
            scenario: whatif.scenario.get(),
            simulation: whatif.link_simulation.get(),
            questions: saved.questions.get(),
            english_first: state.lang.get() == Lang::En,
        };
        let Some(window) = web_sys::window() else { return };
        let waiting = PENDING.with(|cell| cell.borrow_mut().replace(pending).is_some());
        if !waiting {
            let later = Closure::once_into_js(|| {
                if let Some(window) = web_sys::window() {
                    prepare_pending(read_stored(&window));
                }
            });
            // The first run is at start-up, just after `install` prepared the banner
            // from the same address, storage and questions: nothing has been edited
            // yet, so this copy waits as a large store's does rather than delay the
            // first frames.
            if first_run || LARGE_STORE.load(Ordering::Relaxed) {
                let _ = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), PREPARE_DELAY_MS);
            } else {
                // A task posted from the next frame's callback runs after that frame
                // has been drawn.
                request_animation_frame(move || {
                    if let Some(window) = web_sys::window() {
                        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
                    }
                });
            }
        }
    });
}

/// Prepares the banner for the scenario waiting in [`PENDING`], if any.
fn prepare_pending(stored: Stored) {
    LARGE_STORE.store(matches!(&stored, Stored::Text(text) if text.len() > PREPARE_AT_ONCE_BYTES), Ordering::Relaxed);
    if let Some(pending) = PENDING.with(|cell| cell.borrow_mut().take()) {
        let editing = Editing {
            scenario: &pending.scenario,
            simulation: pending.simulation.as_ref(),
            questions: &pending.questions,
        };
        prepare(stored, Some(editing), pending.english_first);
    }
}

fn local_storage_item(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

fn test_hooks_on() -> bool {
    local_storage_item(TEST_HOOKS_KEY).as_deref() == Some("1")
}

/// Installs `window.__blockvoteTestPanic` (a function that panics) and
/// `window.__blockvoteTestTrap` (one that traps without panicking, as running out of
/// memory does). The end-to-end tests set the flag to check the safety net; nobody
/// else has a reason to. They are harmless: they can only show the error banner,
/// which reveals nothing and changes no stored data, and anyone able to set the flag
/// can already run script in the page.
fn install_test_triggers() {
    let Some(window) = web_sys::window() else { return };
    // The one panic allowed outside tests: the test-only trigger of the safety net.
    #[allow(clippy::panic)]
    let panic_trigger = Closure::<dyn Fn()>::new(|| {
        panic!("deliberate test panic: window.{TEST_PANIC_NAME}() was called ({TEST_HOOKS_KEY} = 1)");
    });
    let trap_trigger = Closure::<dyn Fn()>::new(|| std::process::abort());
    for (name, trigger) in [(TEST_PANIC_NAME, panic_trigger), (TEST_TRAP_NAME, trap_trigger)] {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), trigger.as_ref());
        // The triggers live as long as the page.
        trigger.forget();
    }
}

/// Traps during start-up when the test flag asks for it: the wasm instance dies
/// before the app is mounted, as a trap in the first render would kill it.
fn trap_at_start_if_asked() {
    if local_storage_item(TEST_TRAP_AT_START_KEY).as_deref() == Some("1") {
        std::process::abort();
    }
}

/// What the rescue download holds, worked out from the stored text and the scenario
/// being edited without touching the browser, so it can be tested natively.
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

/// Builds the rescue file: the readable stored scenarios, plus the scenario being
/// edited (with its simulation and questions) when it differs from the paper, or has
/// questions, and no saved one has the same levers, simulation and questions.
/// Total: only the model's never-panicking decoders and encoder are called.
pub fn rescue(stored: Option<&str>, unsaved: Option<Editing<'_>>) -> Rescue {
    let (mut store, problems) = match stored {
        Some(text) => decode_lenient(text, crate::unicode::nfc),
        None => (Store::default(), Vec::new()),
    };
    let mut raw = (!problems.is_empty()).then(|| stored.map(str::to_string)).flatten();
    let saved = store.scenarios.len();
    let unsaved = unsaved.filter(|editing| {
        (*editing.scenario != Scenario::default() || !editing.questions.is_empty())
            && !store.scenarios.iter().any(|s| {
                s.scenario == *editing.scenario
                    && s.simulation.as_ref() == editing.simulation
                    && s.questions == editing.questions
            })
    });
    let added_unsaved = unsaved.is_some();
    if let Some(editing) = unsaved {
        let entry = SavedScenario {
            id: store.fresh_id(),
            name: store.unused_name(UNSAVED_NAME),
            scenario: editing.scenario.clone(),
            simulation: editing.simulation.cloned(),
            questions: editing.questions.to_vec(),
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

/// Prepares the banner from the address (the scenario a link opened) before the app
/// has a scenario of its own.
fn prepare_from_address() {
    let fragment = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let (decoded, _) = link::decode_link(&fragment);
    let english_first = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .is_some_and(|lang| lang.to_ascii_lowercase().starts_with("en"))
        || blockvote_present::route::route(&fragment).lang == Some(Lang::En);
    if let Some(window) = web_sys::window() {
        let questions = crate::saved::questions::restore();
        let editing =
            Editing { scenario: &decoded.scenario, simulation: decoded.simulation.as_ref(), questions: &questions };
        prepare(read_stored(&window), Some(editing), english_first);
    }
}

/// Builds the banner (out of the page) for the scenario being edited and what storage
/// holds now, replaces the one prepared before, and publishes it for the loader.
/// Does nothing once a banner is shown: that one is the record of the failure.
fn prepare(stored: Stored, unsaved: Option<Editing<'_>>, english_first: bool) {
    if SHOWN.load(Ordering::Relaxed) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let rescue = rescue(if let Stored::Text(text) = &stored { Some(text.as_str()) } else { None }, unsaved);
    let Ok(banner) = build_banner(&window, &stored, &rescue, english_first) else { return };
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(PREPARED_BANNER_NAME), &banner);
    PREPARED.with(|cell| cell.borrow_mut().replace(Prepared { banner }));
}

/// Shows the prepared banner with the panic message (preparing one first if there is
/// none) and makes the app inert. Uses `text_content`, never HTML, so a message
/// carrying user text cannot inject markup. Does nothing the second time.
pub fn show_banner(message: &str) {
    if SHOWN.load(Ordering::Relaxed) {
        return;
    }
    // A change still waiting to be prepared (a large store) is prepared now: the hook
    // runs before the instance dies.
    if let Some(window) = web_sys::window() {
        prepare_pending(read_stored(&window));
    }
    if PREPARED.with(|cell| cell.borrow().is_none()) {
        prepare_from_address();
    }
    if reveal(message).is_ok() {
        SHOWN.store(true, Ordering::Relaxed);
    }
}

/// Puts the prepared banner in the page: what the loader does for a trap, here for a
/// panic.
fn reveal(message: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let body = document.body().ok_or(JsValue::NULL)?;
    let banner = PREPARED.with(|cell| cell.borrow().as_ref().map(|p| p.banner.clone())).ok_or(JsValue::NULL)?;
    // The loader's own failure banner uses the same id; whatever is there is replaced.
    if let Some(old) = document.get_element_by_id("fatal-error") {
        old.remove();
    }
    if let Ok(Some(detail)) = banner.query_selector(".fatal-error-detail") {
        detail.set_text_content(Some(&format!("{DETAIL_PREFIX}{message}")));
    }
    link_downloads(&banner)?;
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

fn build_banner(
    window: &web_sys::Window,
    stored: &Stored,
    rescue: &Rescue,
    english_first: bool,
) -> Result<web_sys::Element, JsValue> {
    let document = window.document().ok_or(JsValue::NULL)?;
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
    let zh = explanation_zh(stored, rescue);
    let en = explanation_en(stored, rescue);
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
        "下載情景備份 (JSON) · Download a copy of your scenarios (JSON)",
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

    let detail = append_text(&document, &banner, "p", None, DETAIL_PREFIX)?;
    detail.set_class_name("fatal-error-detail");
    Ok(banner)
}

fn explanation_zh(stored: &Stored, rescue: &Rescue) -> String {
    let mut text = String::from("本頁已停止回應，請勿在下方繼續輸入。");
    match stored {
        Stored::Unavailable => text.push_str("此瀏覽器的儲存空間無法讀取，下載檔案只包括出錯時正在編輯的情景。"),
        Stored::Nothing => text.push_str("此瀏覽器中尚未儲存任何情景。"),
        Stored::Text(_) => text.push_str("已儲存的情景仍安全地保存在此瀏覽器中，重新載入後即可再次使用。"),
    }
    if rescue.raw.is_some() {
        text.push_str("部分已儲存的內容無法讀取；第二個連結會按原樣下載。");
    }
    if rescue.added_unsaved {
        text.push_str("出錯時正在編輯但未儲存的情景已加入下載檔案，名為「出錯時未儲存的情景」；重新載入後，可在「情景」畫面匯入該檔案。");
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

/// An `<a download>` holding `text` (in [`RESCUE_TEXT_PROPERTY`], marked
/// `data-rescue`); it gets its `href` when the banner is shown ([`link_downloads`]).
fn download_link(
    document: &web_sys::Document,
    filename: &str,
    text: &str,
    label: &str,
    test_id: &str,
) -> Result<web_sys::Element, JsValue> {
    let anchor = document.create_element("a")?;
    js_sys::Reflect::set(&anchor, &JsValue::from_str(RESCUE_TEXT_PROPERTY), &JsValue::from_str(text))?;
    anchor.set_attribute("data-rescue", "")?;
    anchor.set_attribute("download", filename)?;
    anchor.set_attribute("data-testid", test_id)?;
    anchor.set_class_name("fatal-error-link");
    anchor.set_text_content(Some(label));
    Ok(anchor)
}

/// Gives each prepared download link of `banner` a `blob:` URL holding its text, as
/// the loader does for a trap (`scripts/single-file.mjs`). The URL is never revoked:
/// the page is reloaded anyway.
fn link_downloads(banner: &web_sys::Element) -> Result<(), JsValue> {
    let links = banner.query_selector_all("a[data-rescue]")?;
    for index in 0..links.length() {
        let Some(anchor) = links.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let text = js_sys::Reflect::get(&anchor, &JsValue::from_str(RESCUE_TEXT_PROPERTY))?;
        let Some(text) = text.as_string() else { continue };
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        anchor.set_attribute("href", &web_sys::Url::create_object_url_with_blob(&blob)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::saved::decode;

    /// The scenario a fragment carries, as the app holds it after opening the link.
    fn editing(fragment: &str) -> (Scenario, Option<SimulationChoices>) {
        let (decoded, _) = link::decode_link(fragment);
        (decoded.scenario, decoded.simulation)
    }

    /// The rescue with the scenario of `fragment` being edited, without questions.
    fn rescue_of(stored: Option<&str>, fragment: &str) -> Rescue {
        let (scenario, simulation) = editing(fragment);
        rescue(stored, Some(Editing { scenario: &scenario, simulation: simulation.as_ref(), questions: &[] }))
    }

    #[test]
    fn the_questions_being_edited_are_rescued_with_their_scenario() {
        let question = Question {
            key: "own-1".into(),
            picked: true,
            zh: None,
            en: Some("Who approved the HK$9.9M budgets?".into()),
        };
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        // Saved levers with unsaved questions, and the paper's levers with questions.
        for scenario in [&dearer, &Scenario::default()] {
            let editing = Editing { scenario, simulation: None, questions: std::slice::from_ref(&question) };
            let store = decode(&rescue(Some(STORED), Some(editing)).text, crate::unicode::nfc).unwrap();
            assert_eq!(store.scenarios.len(), 2);
            assert_eq!(store.scenarios[1].questions, std::slice::from_ref(&question));
        }
    }

    const STORED: &str = r#"{"format":"blockvote-scenarios","version":1,"scenarios":[
        {"id":"s1","name":"Dearer","scenario":{"cost_change_pct":"10"}}]}"#;

    #[test]
    fn the_unsaved_scenario_joins_the_saved_ones() {
        let result = rescue_of(Some(STORED), "#view=cashflow&lang=en&profile=even");
        let store = decode(&result.text, crate::unicode::nfc).unwrap();
        let names: Vec<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Dearer", UNSAVED_NAME]);
        assert_eq!(store.scenarios[1].id, "s2");
        assert!(result.added_unsaved && result.raw.is_none() && result.saved == 1);
    }

    #[test]
    fn the_paper_or_an_already_saved_scenario_is_not_added_again() {
        for fragment in ["", "#view=overview&lang=zh", "#view=cashflow&cost=10"] {
            let result = rescue_of(Some(STORED), fragment);
            assert!(!result.added_unsaved, "{fragment}");
            assert_eq!(decode(&result.text, crate::unicode::nfc).unwrap().scenarios.len(), 1, "{fragment}");
        }
    }

    #[test]
    fn nothing_stored_still_gives_an_importable_file() {
        let result = rescue_of(None, "#cost=5");
        let store = decode(&result.text, crate::unicode::nfc).unwrap();
        assert_eq!(store.scenarios.len(), 1);
        assert_eq!(rescue_of(None, "").text, encode(&Store::default()));
    }

    #[test]
    fn unreadable_stored_text_is_offered_as_it_was() {
        for stored in ["\u{0}garbage{{{", r#"{"format":"blockvote-scenarios","version":1,"scenarios":[{"name":42}]}"#] {
            let result = rescue_of(Some(stored), "#cost=5&p=999999:zz");
            assert_eq!(result.raw.as_deref(), Some(stored));
            assert_eq!(
                decode(&result.text, crate::unicode::nfc).unwrap().scenarios.len(),
                1,
                "the unsaved scenario is still rescued"
            );
        }
    }

    #[test]
    fn a_full_store_keeps_the_unsaved_scenario_first() {
        let rows: Vec<String> = (0..MAX_SCENARIOS)
            .map(|n| format!(r#"{{"id":"s{n}","name":"n{n}","scenario":{{"cost_change_pct":"{}"}}}}"#, n % 50))
            .collect();
        let stored = format!(r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{}]}}"#, rows.join(","));
        let result = rescue_of(Some(&stored), "#profile=even");
        let store = decode(&result.text, crate::unicode::nfc).unwrap();
        assert_eq!(store.scenarios.len(), MAX_SCENARIOS);
        assert_eq!(store.scenarios[0].name, UNSAVED_NAME);
        assert_eq!(result.raw.as_deref(), Some(stored.as_str()));
    }

    #[test]
    fn a_scenario_too_large_for_a_link_is_rescued_whole() {
        use blockvote_model::engine::{Edit, ProjectEdit};
        let edit = Edit { defer_quarters: Some(1), ..Edit::default() };
        let projects = (1..=400).map(|id| ProjectEdit { id, edit: edit.clone() }).collect();
        let scenario = Scenario { projects, ..Scenario::default() };
        assert!(!link::write(&scenario, None).fits(), "the address cannot hold it");
        let result = rescue(Some(STORED), Some(Editing { scenario: &scenario, simulation: None, questions: &[] }));
        let store = decode(&result.text, crate::unicode::nfc).unwrap();
        assert_eq!(store.scenarios.len(), 2);
        assert_eq!(store.scenarios[1].scenario, scenario);
    }
}
