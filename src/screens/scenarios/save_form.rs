//! "Save current as…": the scenario being edited (and its Monte Carlo seed) under a
//! name; a name already used is replaced. What the store refuses (an empty or too long
//! name, a full store, a store that would be too large to read back) is said at the
//! field, and the scenario stays on screen.

use crate::components::words::Words;
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::saved::{Refusal, SavedScenario};
use blockvote_present::screens::scenarios::{
    saved_beside, KEPT_ON_THIS_PAGE_ONLY, NAME, REPLACED, SAVE, SAVED, SAVE_TITLE,
};
use blockvote_present::storage::refusal;
use leptos::prelude::*;

#[component]
pub fn SaveForm(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<Refusal>> = RwSignal::new(None);
    // What the last save did, said at the field, with the scenario as it was saved.
    let done: RwSignal<Option<(Done, SavedScenario)>> = RwSignal::new(None);
    // The message is said while the list holds the scenario as this save left it: once
    // another tab replaces, moves aside or deletes it, "Replaced … Gamma" would describe
    // a list that no longer is (audit 22), so it goes. An edit of it here (a rename, a
    // note) ends it too, for the same reason.
    let said = move || {
        done.get().filter(|(_, as_saved)| {
            saved.with_value(|s| s.store.with(|store| store.by_id(&as_saved.id) == Some(as_saved)))
        })
    };
    let save = move || {
        let scenario = whatif.scenario.get_untracked();
        let simulation = whatif.link_simulation.get_untracked();
        let text = name.get_untracked();
        let ids_before: Vec<String> = saved
            .with_value(|s| s.store.with_untracked(|store| store.scenarios.iter().map(|x| x.id.clone()).collect()));
        let conflicts_before = saved.with_value(|s| s.conflicts.get_untracked());
        match saved.with_value(|s| s.save(&text, scenario, simulation)) {
            Ok(id) => {
                error.set(None);
                let (stored, as_saved) =
                    saved.with_value(|s| (s.is_stored(), s.store.with_untracked(|store| store.by_id(&id).cloned())));
                // The scenario just saved is in the list; were it not, the name as typed.
                let saved_name = as_saved.as_ref().map_or_else(|| text.trim().to_string(), |x| x.name.clone());
                // Another tab's scenario of that name, which this member had not opened,
                // is kept beside the save, not replaced: the save says so.
                let beside = saved.with_value(|s| {
                    s.conflicts.with_untracked(|conflicts| {
                        conflicts
                            .iter()
                            .find(|c| c.kept == saved_name && !conflicts_before.contains(c))
                            .map(|c| c.copy.clone())
                    })
                });
                let outcome = match (stored, beside) {
                    (false, _) => Done::KeptOnThisPageOnly(saved_name),
                    (true, Some(other_version)) => Done::KeptBeside(saved_name, other_version),
                    (true, None) if ids_before.contains(&id) => Done::Replaced(saved_name),
                    (true, None) => Done::Saved(saved_name),
                };
                done.set(as_saved.map(|as_saved| (outcome, as_saved)));
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
                said()
                    .map(|(done, _)| {
                        let stored = !matches!(done, Done::KeptOnThisPageOnly(_));
                        let said = match done {
                            Done::KeptOnThisPageOnly(saved_name) => {
                                KEPT_ON_THIS_PAGE_ONLY.get(lang()).to_string() + &saved_name
                            }
                            Done::Replaced(saved_name) => REPLACED.get(lang()).to_string() + &saved_name,
                            Done::Saved(saved_name) => SAVED.get(lang()).to_string() + &saved_name,
                            Done::KeptBeside(saved_name, other_version) => {
                                saved_beside(&saved_name, &other_version, lang())
                            }
                        };
                        view! {
                            <p
                                class=if stored { "note" } else { "field-error" }
                                role="status"
                                data-testid="scenario-saved"
                                data-stored=stored.to_string()
                            >
                                {said}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// What the last save did, with the name it was saved under.
#[derive(Clone, PartialEq)]
enum Done {
    /// Added.
    Saved(String),
    /// Replaced the scenario of that name this member worked from.
    Replaced(String),
    /// Saved beside another tab's scenario of that name, kept under the second name.
    KeptBeside(String, String),
    /// In the list for this page only: the browser did not store it.
    KeptOnThisPageOnly(String),
}
