//! "Download offline copy": one HTML file of the app with the saved scenarios (and the
//! scenario being edited, if it is not saved) inside. Opened from file://, the copy
//! adds them to its own saved scenarios (see `crate::saved::restore_at_startup`).

use crate::data_source::use_data_source;
use crate::saved::offline::{can_copy, download_offline_copy, CopyError};
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::scenarios::offline::{
    copied, copy_failed, intro, store_to_carry, DOWNLOAD, NOT_SINGLE_FILE, TITLE,
};
use blockvote_present::screens::scenarios::DOWNLOAD_REFUSED;
use leptos::prelude::*;

#[component]
pub fn OfflineCopy(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let source = use_data_source();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let available = can_copy();
    let outcome: RwSignal<Option<Result<(String, usize), CopyError>>> = RwSignal::new(None);
    let make_copy = move |_| {
        let current = whatif.scenario.get_untracked();
        let carried = store.with_untracked(|s| store_to_carry(s, &current, whatif.link_seed.get_untracked(), lang()));
        let count = carried.scenarios.len();
        let result = download_offline_copy(&carried, source.imported().as_ref()).map(|name| (name, count));
        outcome.set(Some(result));
    };
    let result = move || {
        outcome.get().map(|result| {
            let lang = lang();
            let (class, role, text) = match result {
                Ok((name, n)) => ("note", "status", copied(&name, n, lang)),
                Err(CopyError::NotSingleFile) => ("field-error", "alert", NOT_SINGLE_FILE.get(lang).to_string()),
                Err(CopyError::Page(problem)) => ("field-error", "alert", copy_failed(&problem, lang)),
                Err(CopyError::DownloadRefused) => ("field-error", "alert", DOWNLOAD_REFUSED.get(lang).to_string()),
            };
            view! { <p class=class role=role data-testid="offline-copy-result">{text}</p> }
        })
    };
    view! {
        <div class="panel offline-copy">
            <h3>{move || TITLE.get(lang())}</h3>
            <p>{move || intro(store.with(|s| s.scenarios.len()), lang())}</p>
            <button type="button" class="primary" data-testid="offline-copy" disabled=!available on:click=make_copy>
                {move || DOWNLOAD.get(lang())}
            </button>
            {(!available).then(|| view! {
                <p class="note" data-testid="offline-copy-unavailable">{move || NOT_SINGLE_FILE.get(lang())}</p>
            })}
            {result}
        </div>
    }
}
