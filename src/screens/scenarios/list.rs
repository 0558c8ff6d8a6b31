//! The saved-scenario list: the paper first (read-only), then each saved scenario
//! with its key figures, note and date, and its actions. Rows are keyed by the
//! scenario's id; each row works out its key figures once per scenario (over a memo of
//! that scenario alone), so a change of one row projects one scenario, not all. The
//! figures are worked out after the list is drawn, one row per task, so a list of 200
//! appears at once and fills in without holding up the page.

use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::FigureText;
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::saved::{SavedScenario, Store};
use blockvote_present::compare::MAX_COMPARED;
use blockvote_present::screens::scenarios::list::{
    change_text, key_figures, note_line, paper_cash_need, row, KeyFigures,
};
use blockvote_present::screens::scenarios::{
    compare_name, rename_problem, ACTIONS, BASELINE, CANCEL, COMPARE, DELETE, DELETED, DUPLICATE, EMPTY, IN_USE,
    KEY_FIGURES, LIST_TITLE, NAME, NEW_NAME, OK, OPEN, READ_ONLY, RENAME, THE_PAPER, UNDO_DELETE,
};
use leptos::prelude::*;
use std::time::Duration;

/// The rename in progress, shared by the rows: one row at a time is renamed.
#[derive(Clone, Copy)]
struct Renaming {
    /// The id being renamed.
    id: RwSignal<Option<String>>,
    text: RwSignal<String>,
    refused: RwSignal<bool>,
}

#[component]
pub fn ScenarioList(saved: StoredValue<Saved>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let deleted = RwSignal::from(saved.with_value(|s| s.deleted.clone()));
    let renaming =
        Renaming { id: RwSignal::new(None), text: RwSignal::new(String::new()), refused: RwSignal::new(false) };
    let paper_in_use = move || whatif.scenario.with(|current| *current == Scenario::default());
    let paper_cash = paper_cash_need(&state.data());
    let ids = move || store.with(|s| s.scenarios.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    view! {
        <div class="panel scenario-list">
            <h3>{move || LIST_TITLE.get(lang())}</h3>
            {move || deleted.get().map(|d| view! {
                <p class="undo-bar" role="status">
                    {move || DELETED.get(lang())}
                    <span>{d.scenario.name.clone()}</span>
                    " "
                    <button type="button" class="small" data-testid="scenario-undo-delete" on:click=move |_| {
                        saved.with_value(Saved::undo_delete);
                        focus_after_render(by_test_id("scenario-name"));
                    }>
                        {move || UNDO_DELETE.get(lang())}
                    </button>
                </p>
            })}
            <div class="list-scroll">
            <table class="data scenarios-table" data-testid="scenario-table">
                <thead>
                    <tr>
                        <th scope="col">{move || COMPARE.get(lang())}</th>
                        <th scope="col">{move || NAME.get(lang())}</th>
                        <th scope="col" class="num">{move || KEY_FIGURES.get(lang())}</th>
                        <th scope="col">{move || ACTIONS.get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr data-testid="scenario-row-0" class="baseline" class:current=paper_in_use>
                        <td class="center">{move || BASELINE.get(lang())}</td>
                        <th scope="row">
                            <span class="scenario-name">{move || THE_PAPER.get(lang())}</span>
                            <span class="read-only">{move || READ_ONLY.get(lang())}</span>
                            {move || paper_in_use().then(|| view! {
                                <span class="changed-mark" data-testid="scenario-in-use-0">{move || IN_USE.get(lang())}</span>
                            })}
                        </th>
                        <td class="num key-figures" data-testid="scenario-key-0">
                            {paper_cash.map(|figure| view! { <FigureText figure=figure /> })}
                        </td>
                        <td class="actions">
                            <button
                                type="button"
                                class="small"
                                data-testid="scenario-open-0"
                                on:click=move |_| {
                                    whatif.scenario.set(Scenario::default());
                                    whatif.link_seed.set(None);
                                }
                            >
                                {move || OPEN.get(lang())}
                            </button>
                        </td>
                    </tr>
                    <For each=ids key=|id| id.clone() let:id>
                        <SavedRow id=id saved=saved store=store selected=selected renaming=renaming />
                    </For>
                </tbody>
            </table>
            </div>
            {move || store.with(|s| s.scenarios.is_empty()).then(|| view! {
                <p class="note" data-testid="scenario-empty">{move || EMPTY.get(lang())}</p>
            })}
        </div>
    }
}

/// One saved scenario's row. Its test ids carry its place in the list (1 for the first
/// saved scenario), which a delete or a duplicate above it changes.
#[component]
fn SavedRow(
    id: String,
    saved: StoredValue<Saved>,
    store: RwSignal<Store>,
    selected: RwSignal<Vec<String>>,
    renaming: Renaming,
) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let id = StoredValue::new(id);
    let entry: Memo<Option<SavedScenario>> =
        Memo::new(move |_| id.with_value(|id| store.with(|s| s.scenarios.iter().find(|x| &x.id == id).cloned())));
    let n = Memo::new(move |_| id.with_value(|id| store.with(|s| s.position(id).map_or(0, |p| p + 1))));
    let name = Memo::new(move |_| entry.with(|e| e.as_ref().map(|e| e.name.clone()).unwrap_or_default()));
    let scenario = Memo::new(move |_| entry.with(|e| e.as_ref().map(|e| e.scenario.clone()).unwrap_or_default()));
    let data = state.data();
    let figures: RwSignal<Option<KeyFigures>> = RwSignal::new(None);
    Effect::new({
        let data = data.clone();
        move |_| {
            // Tracks this row's scenario only; works it out in a task of its own.
            scenario.track();
            let data = data.clone();
            set_timeout(
                move || {
                    let Some(scenario) = scenario.try_get_untracked() else { return };
                    let worked_out = whatif
                        .engine
                        .try_with_value(|engine| key_figures(engine.as_ref().map(|e| e.as_ref()), &data, &scenario));
                    if let Some(worked_out) = worked_out {
                        figures.try_set(Some(worked_out));
                    }
                },
                Duration::ZERO,
            );
        }
    });
    let note = move || entry.with(|e| e.as_ref().and_then(|e| note_line(&row(e), lang())));
    let current = move || scenario.with(|s| whatif.scenario.with(|current| current == s));
    let checked = move || id.with_value(|id| selected.with(|s| s.contains(id)));
    let full = move || !checked() && selected.with(|s| s.len() >= MAX_COMPARED);
    let toggle = move |on: bool| {
        let id = id.get_value();
        selected.update(|s| {
            s.retain(|x| x != &id);
            if on && s.len() < MAX_COMPARED {
                s.push(id);
            }
        });
    };
    let open = move |_| {
        whatif.scenario.set(scenario.get_untracked());
        whatif.link_seed.set(entry.with_untracked(|e| e.as_ref().and_then(|e| e.seed)));
    };
    let is_renaming = move || id.with_value(|id| renaming.id.with(|r| r.as_ref() == Some(id)));
    let start_rename = move |_| {
        renaming.text.set(name.get_untracked());
        renaming.refused.set(false);
        renaming.id.set(Some(id.get_value()));
    };
    let commit = move || {
        let text = renaming.text.get_untracked();
        match id.with_value(|id| saved.with_value(|s| s.rename(id, &text))) {
            Ok(()) => {
                renaming.refused.set(false);
                renaming.id.set(None);
            }
            Err(_) => renaming.refused.set(true),
        }
    };
    let duplicate = move |_| id.with_value(|id| saved.with_value(|s| s.duplicate(id)));
    let delete = move |_| {
        id.with_value(|id| {
            selected.update(|s| s.retain(|x| x != id));
            saved.with_value(|s| s.delete(id));
        });
        // The row and its button are gone; the undo button is where the work
        // continues for a keyboard user.
        focus_after_render(by_test_id("scenario-undo-delete"));
    };
    let name_cell = move || {
        if is_renaming() {
            view! {
                <span class="rename">
                    <input
                        type="text"
                        data-testid=move || format!("scenario-rename-input-{}", n.get())
                        aria-label=move || NEW_NAME.get(lang())
                        aria-invalid=move || renaming.refused.get().to_string()
                        prop:value=move || renaming.text.get()
                        on:input=move |ev| renaming.text.set(event_target_value(&ev))
                        on:keydown=move |ev| match ev.key().as_str() {
                            "Enter" => {
                                ev.prevent_default();
                                commit();
                            }
                            "Escape" => renaming.id.set(None),
                            _ => {}
                        }
                    />
                    <button type="button" class="small" data-testid=move || format!("scenario-rename-ok-{}", n.get()) on:click=move |_| commit()>
                        {move || OK.get(lang())}
                    </button>
                    <button type="button" class="small" on:click=move |_| renaming.id.set(None)>
                        {move || CANCEL.get(lang())}
                    </button>
                    {move || renaming.refused.get().then(|| view! { <span class="field-error">{move || rename_problem(lang())}</span> })}
                </span>
            }
            .into_any()
        } else {
            view! { <span class="scenario-name" data-testid=move || format!("scenario-label-{}", n.get())>{move || name.get()}</span> }
                .into_any()
        }
    };
    let key_cell = move || match figures.get() {
        None => view! { <span aria-busy="true">"…"</span> }.into_any(),
        Some(KeyFigures::Figures { cash_need, change }) => view! {
            <FigureText figure=cash_need />
            <span class="key-change">{change_text(&change, &data, lang())}</span>
        }
        .into_any(),
        Some(KeyFigures::Refused(reason)) => {
            view! { <span class="field-error">{reason.get(lang()).to_string()}</span> }.into_any()
        }
    };
    view! {
        <tr data-testid=move || format!("scenario-row-{}", n.get()) class:current=current>
            <td class="center">
                <input
                    type="checkbox"
                    data-testid=move || format!("scenario-compare-{}", n.get())
                    aria-label=move || compare_name(&name.get(), lang())
                    prop:checked=checked
                    disabled=full
                    on:change=move |ev| toggle(event_target_checked(&ev))
                />
            </td>
            <th scope="row">
                {name_cell}
                {move || current().then(|| view! {
                    <span class="changed-mark" data-testid=move || format!("scenario-in-use-{}", n.get())>{move || IN_USE.get(lang())}</span>
                })}
                {move || note().map(|text| view! { <span class="scenario-note" data-testid=move || format!("scenario-note-{}", n.get())>{text}</span> })}
            </th>
            <td class="num key-figures" data-testid=move || format!("scenario-key-{}", n.get())>{key_cell}</td>
            <td class="actions">
                <button type="button" class="small" data-testid=move || format!("scenario-open-{}", n.get()) on:click=open>
                    {move || OPEN.get(lang())}
                </button>
                <button type="button" class="small" data-testid=move || format!("scenario-rename-{}", n.get()) on:click=start_rename>
                    {move || RENAME.get(lang())}
                </button>
                <button type="button" class="small" data-testid=move || format!("scenario-duplicate-{}", n.get()) on:click=duplicate>
                    {move || DUPLICATE.get(lang())}
                </button>
                <button type="button" class="small danger" data-testid=move || format!("scenario-delete-{}", n.get()) on:click=delete>
                    {move || DELETE.get(lang())}
                </button>
            </td>
        </tr>
    }
}
