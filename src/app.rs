//! The shell: header naming the paper, language switch, navigation, the current screen
//! and the error banner. The screen and language are part of the URL fragment, so a
//! link (or a bookmark of the single file) opens the right screen.

use crate::components::effect::effect;
use crate::components::focus::{
    by_test_id, focus_after_render, focus_screen_if_focus_went, keep_focus_after_render, pass_focus_after_render,
};
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::data_source::{dataset_for, DataNotice, DataSource, Source};
use crate::notices::Notices;
use crate::screens;
use crate::startup_marks::{mark, StartupMark};
use crate::state::{AppState, Popup};
use blockvote_model::engine::Scenario;
use blockvote_model::Dataset;
use blockvote_present::lang::Lang;
use blockvote_present::links::screen_params;
use blockvote_present::route::{fragment_tail, fragment_with_tail, View};
use blockvote_present::shell::{
    BACK_TO_THE_PAPER, CHINESE, CHINESE_SHORT, DATA_NOT_LOADED, ENGLISH, ENGLISH_SHORT, LANGUAGE_SWITCH, MENU, REDO,
    SCREENS, SKIP_TO_MAIN, SOURCE_NOTE, UNDO, UNDO_AND_REDO,
};
use blockvote_present::words::{view_label, view_short_label};
use blockvote_present::words::{APP_TITLE, PAPER_TITLE};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let source = DataSource::at_startup();
    provide_context(source);
    // One store of saved scenarios per page, above the shell so a change of data
    // source keeps it (and its undo, notices and link with other tabs).
    provide_context(crate::saved::Saved::at_startup());
    // Everything below is rebuilt when the data source changes, so no screen, memo
    // or engine can keep figures of the other dataset.
    move || {
        let chosen = source.source.get();
        mark(StartupMark::DataLoading);
        let dataset = dataset_for(&chosen);
        mark(StartupMark::DataLoaded);
        match dataset {
            Ok(dataset) => view! { <Shell dataset=dataset /> }.into_any(),
            Err(errors) if chosen != Source::Paper => {
                // Checked on import and at startup, so this cannot happen unless the
                // rules changed under a stored file; the paper is always there to
                // fall back on, and the switch happens after this render.
                let reason = errors.first().map(ToString::to_string).unwrap_or_default();
                leptos::task::spawn_local(async move {
                    source.notice.set(Some(DataNotice::StoredUnusable { reason, moved: false }));
                    source.source.set(Source::Paper);
                });
                ().into_any()
            }
            Err(errors) => {
                let items = errors.iter().take(20).map(|e| view! { <li>{e.to_string()}</li> }).collect_view();
                view! {
                    <div class="fatal" role="alert" data-testid="data-error">
                        <h1>"blockvote"</h1>
                        <p>{DATA_NOT_LOADED}</p>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
        }
    }
}

/// The pop-ups of the header and the buttons that open them: sharing's group (its
/// menu, actions and panel), the navigation and its menu button.
const POPUP_PLACES: &str = r#"[data-testid="share"], [data-testid="nav"], [data-testid="nav-toggle"]"#;

#[component]
fn Shell(dataset: Dataset) -> impl IntoView {
    let whatif = crate::whatif::WhatIf::new(&dataset);
    mark(StartupMark::EngineBuilt);
    crate::address::restore_unwritten();
    let state = AppState::new(dataset, &crate::address::current_fragment());
    provide_context(state);
    provide_context(whatif);
    provide_context(crate::screens::risk::RiskMemory::new());
    // Saved scenarios are read (and a corrupt entry set aside) before anything else.
    crate::saved::restore_at_startup(&state.data());
    // The link the page was opened with means exactly its scenario (the paper's if it
    // carries none); history starts from there.
    whatif.open_link(&crate::address::current_fragment(), &state.data());
    // The panels drawn from copies that follow after a paint start from the link's
    // scenario too, not the paper's one frame before it.
    whatif.after_paint.catch_up();
    whatif.record_history();
    // The rescue download of the safety net follows the scenario being edited.
    crate::panic_banner::keep_rescue_ready(state, whatif);
    // Another screen opens at its top, not at the offset the one before was scrolled
    // to: on a phone, Thresholds chosen from the menu below the Overview's charts
    // opened past its title and fields. (The view is set again, unchanged, whenever the
    // address is read; the memo lets only a change through.)
    let view = memo(move |_| state.view.get());
    effect(move |first_run| {
        // Read, not only tracked: a memo only tracked is not brought up to date, and
        // the effect never heard the change.
        view.with(|_| ());
        if !first_run {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            focus_screen_if_focus_went();
        }
    });

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo lever changes. Inside a text
    // field the browser's own undo of the typing comes first.
    // Whether the navigation menu is open on a narrow screen: it is the header's
    // pop-up (sharing opened closes it); following a link or pressing Escape closes it.
    let menu_open = move || state.popup.get() == Popup::Navigation;
    // The screen is drawn anew only when the view changes: a link followed to the
    // screen on show (Back, Forward, a finding's "show these projects") sets the same
    // view again, which drew a new screen over the old one's elements, dropping its
    // own state (a breakdown chosen went while its radio button stayed checked).
    let shown_view = memo(move |_| state.view.get());
    let close_menu = move || {
        if state.popup.get_untracked() == Popup::Navigation {
            state.popup.set(Popup::None);
        }
    };
    // The phone's menu closes when the focus leaves it for the page under it (Tab past
    // its last link): left open, it covered the controls the focus went on to (audit
    // 38). The menu button, and the focus leaving the window, leave it as it is.
    let leave_menu = move |ev: web_sys::FocusEvent| {
        let Some(next) = ev.related_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let stays = next.closest(r#"#app-nav, [data-testid="nav-toggle"]"#).ok().flatten().is_some();
        if !stays && state.popup.get_untracked() == Popup::Navigation {
            close_menu();
        }
    };
    let toggle_menu = move |_| {
        if state.popup.get_untracked() == Popup::Navigation {
            close_menu();
        } else {
            state.popup.set(Popup::Navigation);
            // The menu's links come after the header's other buttons in the page: the
            // focus goes from the button to the screen on show, so that Tab walks the
            // menu next, not Undo, Redo and Share first.
            pass_focus_after_render(by_test_id("nav-toggle"), r#"#app-nav [aria-current="page"]"#.to_string());
        }
    };

    // A tap or click outside the open pop-up (the navigation menu, sharing's menu or
    // panel) closes it, as Escape does; one on a pop-up or on the button that opens it
    // is theirs. A tap on the page left sharing's panel over the tables below it.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if state.popup.get_untracked() == Popup::None {
            return;
        }
        let within = ev
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .and_then(|element| element.closest(POPUP_PLACES).ok().flatten())
            .is_some();
        if !within {
            state.popup.set(Popup::None);
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.popup.get_untracked() == Popup::Navigation {
            close_menu();
            focus_after_render(by_test_id("nav-toggle"));
            return;
        }
        if ev.target().is_some_and(|target| takes_typing(&target)) || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                whatif.redo();
            }
            "z" => {
                ev.prevent_default();
                whatif.undo();
            }
            "y" => {
                ev.prevent_default();
                whatif.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        keys.remove();
        outside.remove();
    });
    // Whatever follows a lever one frame late (after_paint.rs) is brought up to date
    // before the member can act on it: a press or a move of focus comes before any
    // click or Enter on a link.
    let pressed = window_event_listener(leptos::ev::pointerdown, move |_| whatif.after_paint.catch_up());
    let focused = window_event_listener(leptos::ev::focusin, move |_| whatif.after_paint.catch_up());
    on_cleanup(move || {
        pressed.remove();
        focused.remove();
    });

    // The address and the app follow each other (see address.rs).
    crate::address::keep_in_step(state, whatif);
    crate::components::marks::dismiss_explanations_on_escape();
    crate::components::focus::catch_dropped_focus();
    crate::saved::confirm_leaving_unstored(&crate::saved::use_saved());

    // Keeping <html lang> and the title in step with the language and the screen, for
    // screen readers, for the tab a committee member sees and for the browser's
    // history (audit 19: every entry read the same).
    effect(move |_| {
        let (lang, view) = (state.lang.get(), state.view.get());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
            document.set_title(&format!("{} — blockvote — {}", view_label(view).get(lang), APP_TITLE.get(lang)));
        }
    });
    // The screen the presenter view is opened from, for leaving it back to that screen.
    let last_view = StoredValue::new(state.view.get_untracked());
    effect(move |_| {
        let view = state.view.get();
        let before = last_view.get_value();
        if view == View::Present && before != View::Present {
            state.presenter_opened_from.set(before);
        }
        last_view.set_value(view);
    });
    // The presenter view has the whole screen: a class on <html> hides the header,
    // the navigation and the footer (by CSS, so they are not rebuilt on the way back).
    let presenting = memo(move |_| state.view.get() == View::Present);
    effect(move |_| {
        let presenting = presenting.get();
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.class_list().toggle_with_force("presenting", presenting);
        }
    });

    // The navigation links' common ends, encoded once per change rather than once per
    // link, and after the lever's frame has been painted (`WhatIf::shown_link`): the
    // scenario travels everywhere; the projects filter travels between
    // Projects and Departments, so Departments follows a filter set on Projects (and
    // any other screen clears it).
    let scenario_tail = memo(move |_| whatif.shown_link.with(|written| fragment_tail(&written.pairs)));
    let filtered_tail = memo(move |_| {
        let filters = state.params.with(|params| fragment_tail(&screen_params(params, &state.data())));
        scenario_tail.with(|tail| format!("{tail}{filters}"))
    });

    let set_lang = move |lang: Lang| {
        state.lang.set(lang);
        AppState::remember_lang(lang);
        // A phone shows one language button, the other language's: the one pressed is
        // hidden, and the focus goes on from the one shown instead of to the page.
        keep_focus_after_render(".lang-switch button".to_string());
    };

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                let main = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("main"))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(main) = main {
                    let _ = main.focus();
                }
            }
        >
            <Words label=SKIP_TO_MAIN />
        </a>
        <header class="app-header" data-testid="header">
            // On a narrow screen the navigation folds into this menu button, which
            // names the screen on show; on a wide one the button is hidden.
            <button
                type="button"
                class="nav-toggle"
                data-testid="nav-toggle"
                aria-controls="app-nav"
                aria-expanded=move || menu_open().to_string()
                on:click=toggle_menu
            >
                <span class="nav-toggle-icon" aria-hidden="true">
                    "☰"
                </span>
                <span class="visually-hidden">
                    <Words label=MENU />
                    ": "
                </span>
                <span class="nav-toggle-view full">{move || view_label(state.view.get()).get(state.lang.get())}</span>
                <span class="nav-toggle-view short">
                    {move || view_short_label(state.view.get()).get(state.lang.get())}
                </span>
            </button>
            <div class="titles">
                <p class="brand">"blockvote"</p>
                <h1 data-testid="app-title">
                    <Words label=APP_TITLE />
                </h1>
                <p class="paper" data-testid="paper-title">
                    <Words label=PAPER_TITLE />
                </p>
            </div>
            <div class="history-buttons" role="group" aria-label=move || UNDO_AND_REDO.get(state.lang.get())>
                <button
                    type="button"
                    data-testid="undo"
                    title="Ctrl+Z"
                    // aria-disabled, not disabled: a button that disables itself under
                    // keyboard focus drops focus to <body>. undo() and redo() do nothing
                    // when there is nothing to undo or redo.
                    aria-disabled=move || whatif.history.with(|h| h.undo.is_empty()).to_string()
                    on:click=move |_| whatif.undo()
                >
                    <span class="icon" aria-hidden="true">
                        "↶"
                    </span>
                    <span class="label">
                        <Words label=UNDO />
                    </span>
                </button>
                <button
                    type="button"
                    data-testid="redo"
                    title="Ctrl+Shift+Z"
                    aria-disabled=move || whatif.history.with(|h| h.redo.is_empty()).to_string()
                    on:click=move |_| whatif.redo()
                >
                    <span class="icon" aria-hidden="true">
                        "↷"
                    </span>
                    <span class="label">
                        <Words label=REDO />
                    </span>
                </button>
                <button
                    type="button"
                    data-testid="reset-scenario"
                    aria-disabled=move || whatif.scenario.with(|s| *s == Scenario::default()).to_string()
                    on:click=move |_| {
                        if whatif.scenario.with_untracked(|s| *s != Scenario::default()) {
                            whatif.replace(Scenario::default());
                        }
                    }
                >
                    <span class="icon" aria-hidden="true">
                        "⟲"
                    </span>
                    <span class="label">
                        <Words label=BACK_TO_THE_PAPER />
                    </span>
                </button>
            </div>
            <crate::components::share::Share />
            <div class="lang-switch" role="group" aria-label=LANGUAGE_SWITCH data-testid="lang-switch">
                <button
                    type="button"
                    lang="zh-Hant"
                    data-testid="lang-zh"
                    aria-pressed=move || (state.lang.get() == Lang::Zh).to_string()
                    on:click=move |_| set_lang(Lang::Zh)
                >
                    <span class="label">{CHINESE}</span>
                    <span class="short" aria-hidden="true">
                        {CHINESE_SHORT}
                    </span>
                </button>
                <button
                    type="button"
                    lang="en"
                    data-testid="lang-en"
                    aria-pressed=move || (state.lang.get() == Lang::En).to_string()
                    on:click=move |_| set_lang(Lang::En)
                >
                    <span class="label">{ENGLISH}</span>
                    <span class="short" aria-hidden="true">
                        {ENGLISH_SHORT}
                    </span>
                </button>
            </div>
        </header>
        <nav
            id="app-nav"
            class="app-nav"
            class:open=menu_open
            data-testid="nav"
            aria-label=move || SCREENS.get(state.lang.get())
            on:focusout=leave_menu
        >
            <ul>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        view! {
                            <li>
                                <a
                                    href=move || {
                                        let tail = if matches!(view, View::Projects | View::Departments) {
                                            filtered_tail.get()
                                        } else {
                                            scenario_tail.get()
                                        };
                                        fragment_with_tail(view, state.lang.get(), &tail)
                                    }
                                    data-testid=format!("nav-{}", view.key())
                                    aria-current=move || (state.view.get() == view).then_some("page")
                                    on:click=move |_| close_menu()
                                >
                                    {move || view_label(view).get(state.lang.get())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <Notices />
        <main id="main" tabindex="-1" data-testid=move || format!("screen-{}", state.view.get().key())>
            {move || screens::render(shown_view.get())}
        </main>
        <footer class="app-footer">
            <p>
                <Words label=blockvote_present::words::UNOFFICIAL_TRANSLATION />
            </p>
            <p>
                <Words label=SOURCE_NOTE />
            </p>
        </footer>
    }
}

/// Whether `target` is where the member types text: a text box of any kind (a number
/// field here is `type="text"`, a search `type="search"`), a `<textarea>` (a note, a
/// question) or editable content. There Ctrl+Z is the browser's undo of the typing,
/// never an undo of a lever on another screen.
fn takes_typing(target: &web_sys::EventTarget) -> bool {
    use wasm_bindgen::JsCast;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return matches!(input.type_().as_str(), "text" | "search" | "number" | "email" | "url" | "tel" | "password");
    }
    target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
        || target.dyn_ref::<web_sys::HtmlElement>().is_some_and(|element| element.is_content_editable())
}
