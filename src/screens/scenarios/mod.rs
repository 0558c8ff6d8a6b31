//! Named scenarios: save the current levers under a name, open, rename, duplicate and
//! delete them (a delete can be undone), compare them side by side with the paper and
//! the model baseline, and move them in and out as files. Saved scenarios live in the
//! browser's storage (see `crate::saved` and `docs/storage.md`). Every word and figure
//! comes from `blockvote_present::screens::scenarios` and `blockvote_present::compare`;
//! this module and its panels only draw.

mod compare;
mod dataset_import;
mod edit_in_place;
mod export_import;
mod list;
mod offline_copy;
mod save_form;
mod storage_notice;

use crate::components::words::Words;
use crate::saved::{use_saved, Saved};
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::route::{fragment_for, View};
use blockvote_present::screens::presenter::OPEN as OPEN_PRESENTER;
use blockvote_present::screens::scenarios::{INTRO, TITLE};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Scenarios() -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let saved: StoredValue<Saved> = StoredValue::new(use_saved());
    // Which saved scenarios (by id) are compared.
    let selected: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let whatif = use_whatif();
    // The presenter view shows the scenario on screen, then every saved one.
    let presenter =
        move || fragment_for(View::Present, lang(), &whatif.shown_link.with(|written| written.pairs.clone()));
    view! {
        <section class="screen scenarios">
            <h2>
                <Words label=TITLE />
            </h2>
            <p class="intro">
                <Words label=INTRO />
            </p>
            <storage_notice::StorageNotice saved=saved />
            <save_form::SaveForm saved=saved />
            <list::ScenarioList saved=saved selected=selected />
            <p class="button-row">
                <a class="button" href=presenter data-testid="open-presenter">
                    <Words label=OPEN_PRESENTER />
                </a>
            </p>
            <compare::Compare saved=saved selected=selected />
            <export_import::ExportImport saved=saved />
            <offline_copy::OfflineCopy saved=saved />
            <dataset_import::DatasetImport />
        </section>
    }
}
