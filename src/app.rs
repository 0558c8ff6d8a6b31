//! The shell: header naming the paper, language switch, navigation, the current screen
//! and the error banner. The screen and language are part of the URL fragment, so a
//! link (or a bookmark of the single file) opens the right screen.

use crate::data_source::{dataset_for, DataNotice, DataSource, Source};
use crate::notices::Notices;
use crate::screens;
use crate::state::AppState;
use blockvote_model::Dataset;
use blockvote_present::lang::{l, Lang};
use blockvote_present::route::{fragment_for, View};
use blockvote_present::words::view_label;
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
        match dataset_for(&chosen) {
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
                        <p>"資料檔案有誤，無法載入。 The data files could not be loaded:"</p>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn Shell(dataset: Dataset) -> impl IntoView {
    let whatif = crate::whatif::WhatIf::new(&dataset);
    let state = AppState::new(dataset);
    provide_context(state);
    provide_context(whatif);
    // Saved scenarios are read (and a corrupt entry set aside) before anything else.
    crate::saved::restore_at_startup();
    // A link that carries a scenario opens it; history starts from there.
    whatif.apply_link(&state.params.get_untracked());
    whatif.record_history();

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo lever changes. Inside a text
    // field the browser's own undo of the typing comes first.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
            .is_some_and(|input| input.type_() == "text");
        if in_field || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
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
    on_cleanup(move || keys.remove());

    // The address and the app follow each other (see address.rs).
    crate::address::keep_in_step(state, whatif);

    // Keeping <html lang> and the title in step with the language, for screen readers
    // and for the tab a committee member sees.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
            document.set_title(&format!("blockvote — {}", APP_TITLE.get(lang)));
        }
    });

    let set_lang = move |lang: Lang| {
        state.lang.set(lang);
        AppState::remember_lang(lang);
    };

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                // The fragment is the app's address (#view=…&lang=…), so following
                // "#main" would route to the overview and add `main=` to the link.
                // Focus the main content instead and leave the address alone.
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
            {move || l("跳至主要內容", "Skip to main content").get(state.lang.get())}
        </a>
        <header class="app-header" data-testid="header">
            <div class="titles">
                <p class="brand">"blockvote"</p>
                <h1 data-testid="app-title">{move || APP_TITLE.get(state.lang.get())}</h1>
                <p class="paper" data-testid="paper-title">{move || PAPER_TITLE.get(state.lang.get())}</p>
            </div>
            <div class="history-buttons" role="group" aria-label=move || l("復原", "Undo and redo").get(state.lang.get())>
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
                    {move || l("↶ 復原", "↶ Undo").get(state.lang.get())}
                </button>
                <button
                    type="button"
                    data-testid="redo"
                    title="Ctrl+Shift+Z"
                    aria-disabled=move || whatif.history.with(|h| h.redo.is_empty()).to_string()
                    on:click=move |_| whatif.redo()
                >
                    {move || l("↷ 重做", "↷ Redo").get(state.lang.get())}
                </button>
                <button
                    type="button"
                    data-testid="reset-scenario"
                    aria-disabled=move || {
                        whatif.scenario.with(|s| *s == blockvote_model::engine::Scenario::default()).to_string()
                    }
                    on:click=move |_| {
                        if whatif.scenario.with_untracked(|s| *s != blockvote_model::engine::Scenario::default()) {
                            whatif.scenario.set(blockvote_model::engine::Scenario::default());
                        }
                    }
                >
                    {move || l("還原為文件", "Back to the paper").get(state.lang.get())}
                </button>
            </div>
            <div class="lang-switch" role="group" aria-label="語言 Language" data-testid="lang-switch">
                <button
                    type="button"
                    lang="zh-Hant"
                    data-testid="lang-zh"
                    aria-pressed=move || (state.lang.get() == Lang::Zh).to_string()
                    on:click=move |_| set_lang(Lang::Zh)
                >
                    "繁體中文"
                </button>
                <button
                    type="button"
                    lang="en"
                    data-testid="lang-en"
                    aria-pressed=move || (state.lang.get() == Lang::En).to_string()
                    on:click=move |_| set_lang(Lang::En)
                >
                    "English"
                </button>
            </div>
        </header>
        <nav class="app-nav" data-testid="nav" aria-label=move || l("畫面", "Screens").get(state.lang.get())>
            <ul>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        view! {
                            <li>
                                <a
                                    href=move || fragment_for(view, state.lang.get(), &whatif.link_pairs())
                                    data-testid=format!("nav-{}", view.key())
                                    aria-current=move || (state.view.get() == view).then_some("page")
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
            {move || screens::render(state.view.get())}
        </main>
        <footer class="app-footer">
            <p>{move || blockvote_present::words::UNOFFICIAL_TRANSLATION.get(state.lang.get())}</p>
            <p>
                {move || {
                    l(
                        "資料來源：立法會資訊科技及廣播事務委員會討論文件（2017 年 11 月 13 日）。本工具離線運作，不會傳送任何資料。",
                        "Source: LegCo Panel on Information Technology and Broadcasting discussion paper, 13 November 2017. blockvote works offline and sends nothing anywhere.",
                    )
                        .get(state.lang.get())
                }}
            </p>
        </footer>
    }
}
