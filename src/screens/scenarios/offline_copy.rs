//! "Download offline copy": one HTML file of the app with the saved scenarios (and the
//! scenario being edited, if it is not saved) inside. Opened from file://, the copy
//! adds them to its own saved scenarios (see `crate::saved::restore_at_startup`). A
//! copy that could not open everything it would carry is not made, and says why.

use crate::components::words::{Said, Words};
use crate::data_source::use_data_source;
use crate::saved::offline::{can_copy, copy_outcome, CopyError};
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::scenarios::offline::{intro, DOWNLOAD, TITLE};
use blockvote_present::storage::NOT_SINGLE_FILE;
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
        let simulation = whatif.link_simulation.get_untracked();
        let result =
            saved.with_value(|s| s.offline_copy(&current, simulation.as_ref(), source.imported().as_ref(), lang()));
        outcome.set(Some(result));
    };
    let result = move || {
        outcome.with(|result| {
            result.as_ref().map(|result| {
                let (class, role) = if result.is_ok() { ("note", "status") } else { ("field-error", "alert") };
                let text = copy_outcome(result);
                view! {
                    <p class=class role=role data-testid="offline-copy-result">
                        <Said text=text />
                    </p>
                }
            })
        })
    };
    view! {
        <div class="panel offline-copy">
            <h3>
                <Words label=TITLE />
            </h3>
            <p>{move || intro(store.with(|s| s.scenarios.len()), lang())}</p>
            <button type="button" class="primary" data-testid="offline-copy" disabled=!available on:click=make_copy>
                <Words label=DOWNLOAD />
            </button>
            {(!available)
                .then(|| {
                    view! {
                        <p class="note" data-testid="offline-copy-unavailable">
                            <Words label=NOT_SINGLE_FILE />
                        </p>
                    }
                })}
            {result}
        </div>
    }
}
