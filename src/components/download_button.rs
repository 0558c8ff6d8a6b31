//! A button that downloads a file made when it is pressed (a CSV of what a panel
//! shows), and says at the button when the browser would not save it.

use crate::saved::files::download;
use crate::state::use_app_state;
use blockvote_present::lang::{Label, Lang};
use leptos::prelude::*;

/// What a download button saves.
pub struct DownloadFile {
    pub name: &'static str,
    /// Its media type (`text/csv;charset=utf-8` …).
    pub mime: &'static str,
    pub text: String,
}

/// The button, in a `<div class={class}>`, and under it the refusal once the browser
/// refused. `file` makes the file when the button is pressed (`None`: nothing to save
/// yet, and nothing happens). Its words follow `lang` if given (the presenter's two
/// columns), else the app's language.
#[component]
pub fn DownloadButton(
    #[prop(into)] testid: String,
    label: Label,
    refused: Label,
    file: impl Fn() -> Option<DownloadFile> + 'static,
    #[prop(into)] class: String,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] lang: Option<Signal<Lang>>,
) -> impl IntoView {
    let lang = lang.unwrap_or_else(|| use_app_state().lang.into());
    let failed = RwSignal::new(false);
    let save = move |_| {
        if let Some(file) = file() {
            failed.set(!download(file.name, file.mime, &file.text));
        }
    };
    view! {
        <div class=class>
            <button type="button" data-testid=testid on:click=save disabled=move || disabled.get()>
                {move || label.get(lang.get())}
            </button>
            {move || {
                failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="field-error" role="alert">
                                {move || refused.get(lang.get())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
