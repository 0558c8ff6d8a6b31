//! "Save current as…": the scenario being edited (and its Monte Carlo seed) under a
//! name; a name already used is replaced. What the store refuses (an empty or too long
//! name, a full store, a store that would be too large to read back) is said at the
//! field, and the scenario stays on screen.

use crate::components::words::Words;
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::saved::Refusal;
use blockvote_present::screens::scenarios::{KEPT_ON_THIS_PAGE_ONLY, NAME, REPLACED, SAVE, SAVED, SAVE_TITLE};
use blockvote_present::storage::refusal;
use leptos::prelude::*;

#[component]
pub fn SaveForm(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<Refusal>> = RwSignal::new(None);
    // The name last saved, whether the browser stored it (or it is kept for this page
    // only: storage full or refused), and whether it replaced a scenario of that name.
    let done: RwSignal<Option<(String, bool, bool)>> = RwSignal::new(None);
    let save = move || {
        let scenario = whatif.scenario.get_untracked();
        let simulation = whatif.link_simulation.get_untracked();
        let text = name.get_untracked();
        let ids_before: Vec<String> = saved
            .with_value(|s| s.store.with_untracked(|store| store.scenarios.iter().map(|x| x.id.clone()).collect()));
        match saved.with_value(|s| s.save(&text, scenario, simulation)) {
            Ok(id) => {
                error.set(None);
                let replaced = ids_before.contains(&id);
                done.set(Some((text.trim().to_string(), saved.with_value(Saved::is_stored), replaced)));
                name.set(String::new());
            }
            Err(problem) => {
                done.set(None);
                error.set(Some(problem));
            }
        }
    };
    let error_text = move || error.with(|e| e.as_ref().map(|r| refusal(r).get(lang()).to_string()));
    view! {
        <div class="panel save-form">
            <h3>
                <Words label=SAVE_TITLE />
            </h3>
            <div class="inline-fields">
                <label class="field">
                    <span>
                        <Words label=NAME />
                    </span>
                    <input
                        type="text"
                        data-testid="scenario-name"
                        prop:value=move || name.get()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        on:input=move |ev| {
                            done.set(None);
                            name.set(event_target_value(&ev));
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                save();
                            }
                        }
                    />
                </label>
                <button type="button" class="primary" data-testid="scenario-save" on:click=move |_| save()>
                    <Words label=SAVE />
                </button>
            </div>
            {move || {
                error_text()
                    .map(|text| {
                        view! {
                            <p class="field-error" role="alert" data-testid="scenario-name-error">
                                {text}
                            </p>
                        }
                    })
            }}
            {move || {
                done.get()
                    .map(|(saved_name, stored, replaced)| {
                        let said = match (stored, replaced) {
                            (false, _) => KEPT_ON_THIS_PAGE_ONLY,
                            (true, true) => REPLACED,
                            (true, false) => SAVED,
                        };
                        view! {
                            <p
                                class=if stored { "note" } else { "field-error" }
                                role="status"
                                data-testid="scenario-saved"
                                data-stored=stored.to_string()
                            >
                                <Words label=said />
                                {saved_name}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
