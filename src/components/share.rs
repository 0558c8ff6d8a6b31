//! Sharing a scenario between machines: "Copy link" (button and Alt+Shift+C) and
//! "Open a link". Self-contained, for the shell's header.
//!
//! From `file://` the address names the sender's own folder, which means nothing on
//! a colleague's machine, so "Copy link" copies what works there (see
//! `present::links::link_to_copy`) and says how a colleague opens it. The clipboard may
//! be refused (some browsers refuse it to `file://` pages); the link is then shown in
//! a selected field to copy by hand. A scenario a link cannot carry (too large, or
//! holding a value a link cannot say) is never copied as a cut or different link: the
//! member is told why, and offered the scenario as a file. "Open a link" takes any
//! blockvote link, whatever its host or path, or its `#…` part, and opens it with the
//! same problem reporting as the address.

use crate::address::{current_address, link_to_share, open_pasted};
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::saved::files::download;
use crate::state::{use_app_state, Popup};
use crate::whatif::use_whatif;
use blockvote_present::links::words::{
    CLOSE, COPY_LINK, COPY_REFUSED, DOWNLOAD_FILE, DOWNLOAD_REFUSED, FILE_HOW_TO_OPEN, LINK_FIELD, OPEN_BUTTON,
    OPEN_FIELD, OPEN_LINK, SHARE, SHARE_GROUP, SHORTCUT_CODE, SHORTCUT_HINT,
};
use blockvote_present::links::{
    copied_text, copies_whole_address, fit_badge, fit_text, opened_text, paste_error_text, scenario_file, PasteError,
    MAX_PASTED_CHARS, SHARED_SCENARIO_FILE,
};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// What the panel under the buttons shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Panel {
    Closed,
    /// The link was copied; `whole` if the whole address was (served over http).
    Copied {
        whole: bool,
    },
    /// The clipboard was refused: the link, to copy by hand.
    CopyRefused {
        link: String,
        whole: bool,
    },
    /// A link cannot carry the scenario: why, and its file instead.
    NotCarried,
    /// The "Open a link" field.
    Open,
}

/// What opening a pasted link gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opened {
    Refused(PasteError),
    Done { problems: usize },
}

/// Writes `text` to the clipboard and calls `done(true)` once it is there, or
/// `done(false)` if the browser refuses (no clipboard, no permission, not a secure
/// context). Goes through `Reflect` so that a missing `navigator.clipboard` is a
/// refusal, never an exception thrown through the wasm.
fn write_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = move |ok: bool| {
        if let Some(done) = done.borrow_mut().take() {
            done(ok);
        }
    };
    let promise = (|| {
        let navigator = web_sys::window()?.navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
        let write = write.dyn_into::<js_sys::Function>().ok()?;
        write.call1(&clipboard, &JsValue::from_str(text)).ok()?.dyn_into::<js_sys::Promise>().ok()
    })();
    let Some(promise) = promise else {
        finish(false);
        return;
    };
    let on_ok = {
        let finish = finish.clone();
        Closure::once(move |_: JsValue| finish(true))
    };
    let on_refused = Closure::once(move |_: JsValue| finish(false));
    let _ = promise.then2(&on_ok, &on_refused);
    // Each runs at most once, when the promise settles; the page keeps them until then.
    on_ok.forget();
    on_refused.forget();
}

/// Selects the text of the field with the given test id, after it is rendered.
fn select_after_render(test_id: &'static str) {
    request_animation_frame(move || {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&by_test_id(test_id)).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(field) = field {
            let _ = field.focus();
            field.select();
        }
    });
}

/// True if a key press is typing into a field, where Alt+Shift+C may type a letter
/// (Ç on a Mac) rather than mean the shortcut.
fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select"))
}

#[component]
pub fn Share() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let panel = RwSignal::new(Panel::Closed);
    let opened: RwSignal<Option<Opened>> = RwSignal::new(None);
    let download_refused = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let fits = memo(move |_| whatif.shown_link.with(|written| written.fits()));
    // The badge's words follow the reason (too large, or a value a link cannot say);
    // the badge itself is drawn only when `fits` changes.
    let badge = memo(move |_| whatif.shown_link.with(|written| fit_badge(&written.fit)));
    // On a narrow screen the two actions fold behind one "Share" button (CSS shows
    // either the button or the actions); choosing an action folds them again.
    let unfolded = RwSignal::new(false);
    // Sharing's menu and panel show while sharing is the header's pop-up: the
    // navigation menu opened hides them (they open in one place on a narrow screen),
    // and each opens as the pop-up.
    let shown = move || state.popup.get() == Popup::Share;
    let menu_shown = move || shown() && unfolded.get();
    let open_as_popup = move || state.popup.set(Popup::Share);
    // On a phone the menu and the panel open in one place: the menu opened closes the
    // panel rather than opening under it.
    let toggle_menu = move |_| {
        let open = !(state.popup.get_untracked() == Popup::Share && unfolded.get_untracked());
        unfolded.set(open);
        if open {
            panel.set(Panel::Closed);
            open_as_popup();
        }
    };

    let copy = move || {
        open_as_popup();
        unfolded.set(false);
        download_refused.set(false);
        let Some(link) = link_to_share(state, whatif) else {
            panel.set(Panel::NotCarried);
            focus_after_render(by_test_id("share-download"));
            return;
        };
        let whole = copies_whole_address(&current_address());
        let copied = link.clone();
        write_clipboard(&link, move |ok| {
            if ok {
                panel.try_set(Panel::Copied { whole });
            } else {
                panel.try_set(Panel::CopyRefused { link: copied, whole });
                select_after_render("share-link-field");
            }
        });
    };
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let shortcut = event.alt_key()
            && event.shift_key()
            && !event.ctrl_key()
            && !event.meta_key()
            && event.code() == SHORTCUT_CODE;
        if shortcut && !typing_in_a_field(&event) {
            event.prevent_default();
            copy();
        }
        // Escape closes sharing's menu and panel, as it closes the navigation menu, and
        // focus goes back to the button that opens them: on a phone the "Share" button,
        // on a wide screen the action whose panel closed (CSS shows one of them).
        if event.key() == "Escape" && state.popup.get_untracked() == Popup::Share {
            let was = panel.get_untracked();
            if was == Panel::Closed && !unfolded.get_untracked() {
                return;
            }
            panel.set(Panel::Closed);
            unfolded.set(false);
            state.popup.set(Popup::None);
            let action = if was == Panel::Open { "open-link" } else { "copy-link" };
            focus_after_render(format!("{}, {}", by_test_id("share-toggle"), by_test_id(action)));
        }
    });
    on_cleanup(move || keys.remove());

    let toggle_open = move |_| {
        unfolded.set(false);
        if panel.get_untracked() == Panel::Open && state.popup.get_untracked() == Popup::Share {
            panel.set(Panel::Closed);
        } else {
            opened.set(None);
            open_as_popup();
            panel.set(Panel::Open);
            focus_after_render(by_test_id("open-link-field"));
        }
    };
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = pasted.get_untracked();
        match open_pasted(state, whatif, &text) {
            Ok(()) => {
                let problems = whatif.link_problems.with_untracked(Vec::len);
                if problems > 0 {
                    // The notice under the header lists what could not be used, and the
                    // panel would lie over it (on a phone it covers the page's top):
                    // the panel closes and the notice takes focus.
                    panel.set(Panel::Closed);
                    focus_after_render(by_test_id("link-problems"));
                    return;
                }
                opened.set(Some(Opened::Done { problems }));
            }
            Err(error) => opened.set(Some(Opened::Refused(error))),
        }
        // A link naming another language redraws the panel; the field keeps focus.
        focus_after_render(by_test_id("open-link-field"));
    };
    let offer_file = move |_| {
        let text =
            whatif.scenario.with_untracked(|s| whatif.link_simulation.with_untracked(|m| scenario_file(s, m.as_ref())));
        download_refused.set(!download(SHARED_SCENARIO_FILE, "application/json", &text));
    };
    let close = move |_| {
        panel.set(Panel::Closed);
        focus_after_render(by_test_id("copy-link"));
    };

    // The panel is drawn whole for its state and language (it is small, and a change
    // of either replaces what it says), so its words are plain text, not one reactive
    // closure each; every state but the "Open a link" form has the same few parts.
    let body = move || {
        let lang = state.lang.get();
        let close_button = view! {
            <button type="button" class="small" data-testid="share-close" on:click=close>
                {CLOSE.get(lang)}
            </button>
        };
        if !shown() {
            return None;
        }
        let (role, message, link, note, offer) = match panel.get() {
            Panel::Closed => return None,
            Panel::Open => {
                let result = move || {
                    opened.get().map(|outcome| {
                        let (role, class, text) = match outcome {
                            Opened::Refused(error) => {
                                ("alert", "field-error", paste_error_text(error).get(lang).to_string())
                            }
                            Opened::Done { problems } => {
                                ("status", "note", opened_text(problems).get(lang).to_string())
                            }
                        };
                        view! {
                            <p class=class role=role id="open-link-result" data-testid="open-link-result">
                                {text}
                            </p>
                        }
                    })
                };
                return Some(
                    view! {
                        <div class="share-panel" data-testid="share-panel">
                            <form class="open-link" on:submit=open>
                                <label for="open-link-field">{OPEN_FIELD.get(lang)}</label>
                                <input
                                    id="open-link-field"
                                    type="text"
                                    data-testid="open-link-field"
                                    maxlength=MAX_PASTED_CHARS.to_string()
                                    autocomplete="off"
                                    spellcheck="false"
                                    // A refused link is said at its field, as every other
                                    // field's problem is (audit 28).
                                    aria-invalid=move || {
                                        opened.with(|o| matches!(o, Some(Opened::Refused(_)))).to_string()
                                    }
                                    aria-describedby=move || opened.with(Option::is_some).then_some("open-link-result")
                                    prop:value=move || pasted.get()
                                    on:input=move |ev| pasted.set(event_target_value(&ev))
                                />
                                <button type="submit" data-testid="open-link-submit">
                                    {OPEN_BUTTON.get(lang)}
                                </button>
                            </form>
                            {result}
                            {close_button}
                        </div>
                    }
                    .into_any(),
                );
            }
            Panel::Copied { whole } => ("status", copied_text(whole).get(lang).to_string(), None, None, false),
            Panel::CopyRefused { link, whole } => {
                ("alert", COPY_REFUSED.get(lang).to_string(), Some(link), Some(copied_text(whole).get(lang)), false)
            }
            Panel::NotCarried => {
                let why = whatif.link.with(|w| fit_text(&w.fit)).map(|text| text.get(lang).to_string());
                ("alert", why.unwrap_or_default(), None, Some(FILE_HOW_TO_OPEN.get(lang)), true)
            }
        };
        let field = link.map(|link| {
            view! {
                <input
                    type="text"
                    readonly=true
                    class="share-link"
                    data-testid="share-link-field"
                    aria-label=LINK_FIELD.get(lang)
                    prop:value=link
                />
            }
        });
        let download = offer.then(|| {
            view! {
                <button type="button" data-testid="share-download" on:click=offer_file>
                    {DOWNLOAD_FILE.get(lang)}
                </button>
            }
        });
        let refused = move || {
            download_refused.get().then(|| {
                view! {
                    <p class="field-error" role="alert">
                        {DOWNLOAD_REFUSED.get(lang)}
                    </p>
                }
            })
        };
        Some(
            view! {
                <div class="share-panel" data-testid="share-panel">
                    <p role=role data-testid="share-status">
                        {message}
                    </p>
                    {field}
                    {download}
                    {note.map(|note| view! { <p class="note">{note}</p> })}
                    {refused}
                    {close_button}
                </div>
            }
            .into_any(),
        )
    };

    view! {
        <div
            class="share"
            class:unfolded=menu_shown
            role="group"
            aria-label=move || SHARE_GROUP.get(lang())
            data-testid="share"
        >
            <button
                type="button"
                class="share-toggle"
                class:not-carried=move || !fits.get()
                data-testid="share-toggle"
                aria-expanded=move || menu_shown().to_string()
                on:click=toggle_menu
            >
                <Words label=SHARE />
            </button>
            <div class="share-buttons">
                <button
                    type="button"
                    data-testid="copy-link"
                    aria-keyshortcuts="Alt+Shift+C"
                    title=move || SHORTCUT_HINT.get(lang())
                    on:click=move |_| copy()
                >
                    <Words label=COPY_LINK />
                </button>
                <button
                    type="button"
                    data-testid="open-link"
                    aria-expanded=move || (shown() && panel.get() == Panel::Open).to_string()
                    on:click=toggle_open
                >
                    <Words label=OPEN_LINK />
                </button>
                {move || {
                    (!fits.get())
                        .then(|| {
                            view! {
                                <span class="share-not-carried" data-testid="share-not-carried">
                                    {move || badge.get().map(|label| label.get(lang())).unwrap_or_default()}
                                </span>
                            }
                        })
                }}
            </div>
            {body}
        </div>
    }
}
