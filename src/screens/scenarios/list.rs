//! The saved-scenario list: the paper first (read-only), then each saved scenario
//! with its key figures, note and date, and its actions. Rows are keyed by the
//! scenario's id; each row works out its key figures once per scenario (over a memo of
//! that scenario alone), so a change of one row projects one scenario, not all. The
//! figures are worked out after the list is drawn, one row per task, so a list of 200
//! appears at once and fills in without holding up the page.

use super::edit_in_place::{Editing, Editor, Field};
use crate::components::dismiss::DismissButton;
use crate::components::each::each_key;
use crate::components::effect::effect;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::FigureText;
use crate::components::memo::memo;
use crate::components::words::{Said, Words};
use crate::saved::{last_saved, Saved};
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::saved::{Refusal, SavedScenario, Store};
use blockvote_present::compare::MAX_COMPARED;
use blockvote_present::screens::scenarios::list::{
    change_text, key_figures, orphaned_edit_note, paper_cash_need, questions_replaced_note, shared_names_note,
    without_effect_text, KeyFigures, BRING_BACK_QUESTIONS, DISMISS,
};
use blockvote_present::screens::scenarios::{
    compare_name, ACTIONS, BASELINE, CHANGE_KEPT_ON_THIS_PAGE_ONLY, COMPARE, DELETE, DELETED, DUPLICATE, EDIT_NOTE,
    EMPTY, IN_USE, KEY_FIGURES, LIST_TITLE, NAME, OPEN, READ_ONLY, RENAME, THE_PAPER, UNDO_DELETE,
};
use blockvote_present::storage::{refusal, LAST_SAVED};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn ScenarioList(saved: StoredValue<Saved>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let deleted = RwSignal::from(saved.with_value(|s| s.deleted.clone()));
    let editing = Editing::new();
    let paper_in_use = move || whatif.scenario.with(|current| *current == Scenario::default());
    let paper_cash = paper_cash_need(&state.data());
    let ids = move || store.with(|s| s.scenarios.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    // Names shared by more than one scenario, said under the list for as long as they
    // are: a save under such a name replaces the first listed.
    let shared_names = memo(move |_| store.with(|s| shared_names_note(s.scenarios.iter().map(|x| x.name.as_str()))));
    view! {
        <div class="panel scenario-list">
            <h3>
                <Words label=LIST_TITLE />
            </h3>
            {move || {
                deleted
                    .get()
                    .map(|d| {
                        view! {
                            <p class="undo-bar" role="status">
                                <Words label=DELETED />
                                <span>{d.scenario.name.clone()}</span>
                                " "
                                <button
                                    type="button"
                                    class="small"
                                    data-testid="scenario-undo-delete"
                                    on:click=move |_| {
                                        let row = d.position + 1;
                                        saved.with_value(Saved::undo_delete);
                                        focus_after_render(by_test_id(&format!("scenario-open-{row}")));
                                    }
                                >
                                    <Words label=UNDO_DELETE />
                                </button>
                            </p>
                        }
                    })
            }}
            <ReplacedQuestions saved=saved />
            <OrphanedEdit saved=saved store=store editing=editing />
            <div class="list-scroll">
                <table class="data scenarios-table" data-testid="scenario-table">
                    <thead>
                        <tr>
                            <th scope="col">
                                <Words label=COMPARE />
                            </th>
                            <th scope="col">
                                <Words label=NAME />
                            </th>
                            <th scope="col" class="num">
                                <Words label=KEY_FIGURES />
                            </th>
                            <th scope="col">
                                <Words label=ACTIONS />
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr data-testid="scenario-row-0" class="baseline" class:current=paper_in_use>
                            <td class="center">
                                <Words label=BASELINE />
                            </td>
                            <th scope="row">
                                <span class="scenario-name">
                                    <Words label=THE_PAPER />
                                </span>
                                <span class="read-only">
                                    <Words label=READ_ONLY />
                                </span>
                                {move || {
                                    paper_in_use()
                                        .then(|| {
                                            view! {
                                                <span class="changed-mark" data-testid="scenario-in-use-0">
                                                    <Words label=IN_USE />
                                                </span>
                                            }
                                        })
                                }}
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
                                        whatif.replace(Scenario::default());
                                        whatif.link_simulation.set(None);
                                    }
                                >
                                    <Words label=OPEN />
                                </button>
                            </td>
                        </tr>
                        {each_key(
                            ids,
                            move |id| {
                                view! { <SavedRow id=id saved=saved store=store selected=selected editing=editing /> }
                                    .into_any()
                            },
                        )}
                    </tbody>
                </table>
            </div>
            {move || {
                shared_names
                    .get()
                    .map(|note| {
                        view! {
                            <p class="note" role="status" data-testid="scenario-shared-names">
                                <Said text=note />
                            </p>
                        }
                    })
            }}
            {move || {
                store
                    .with(|s| s.scenarios.is_empty())
                    .then(|| {
                        view! {
                            <p class="note" data-testid="scenario-empty">
                                <Words label=EMPTY />
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The editor of a name or note whose scenario another tab deleted while it was open
/// here: it stays, with the text, above the list; keeping the text puts the scenario
/// back with the change (the version the editor opened on), Cancel lets it go.
#[component]
fn OrphanedEdit(saved: StoredValue<Saved>, store: RwSignal<Store>, editing: Editing) -> impl IntoView {
    let orphaned = memo(move |_| store.with(|s| editing.orphaned(s)));
    let put_back = Callback::new(move |()| {
        let (Some(field), Some(began_on)) = (orphaned.get_untracked(), editing.began_on()) else {
            return editing.stop();
        };
        let text = editing.text();
        editing.commit(saved, |s| {
            s.put_back_edited(began_on, |store, writer, id| match field {
                Field::Name => store.rename(writer, id, &text),
                Field::Note => store.set_note(writer, id, &text),
            })
        });
    });
    // The row's editor went with the row, and the focus with it: typing goes on in the
    // editor that takes its place.
    effect(move |_| {
        if orphaned.get().is_some() {
            editing.keep_typing();
        }
    });
    move || {
        orphaned.get().map(|field| {
            let name = editing.began_on().map(|version| version.name).unwrap_or_default();
            let note = orphaned_edit_note(&name, field == Field::Note);
            // The paper's row (0) is never edited, so its number names this editor's fields.
            view! {
                <div class="undo-bar orphaned-edit" role="alert" data-testid="scenario-edit-orphaned">
                    <p>
                        <Said text=note />
                    </p>
                    <Editor field=field n=0_usize editing=editing commit=put_back />
                </div>
            }
        })
    }
}

/// What opening a saved scenario did to questions saved with no scenario, with a
/// button that brings them back (they are not lost).
#[component]
fn ReplacedQuestions(saved: StoredValue<Saved>) -> impl IntoView {
    let replaced = saved.with_value(|s| s.replaced_questions.clone());
    let note = memo(move |_| {
        replaced.with(|r| r.as_ref().map(|(name, questions)| questions_replaced_note(questions.len(), name)))
    });
    move || {
        note.get().map(|note| {
            view! {
                <p class="undo-bar" role="status" data-testid="questions-replaced">
                    <span>
                        <Said text=note />
                    </span>
                    " "
                    <button
                        type="button"
                        class="small"
                        data-testid="questions-bring-back"
                        on:click=move |_| saved.with_value(Saved::bring_back_questions)
                    >
                        <Words label=BRING_BACK_QUESTIONS />
                    </button>
                    " "
                    <DismissButton
                        testid="questions-replaced-dismiss"
                        label=DISMISS
                        on_dismiss=Callback::new(move |()| saved.with_value(|s| s.set_replaced_questions(None)))
                    />
                </p>
            }
        })
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
    editing: Editing,
) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let id = StoredValue::new(id);
    let entry: Memo<Option<SavedScenario>> =
        memo(move |_| id.with_value(|id| store.with(|s| s.scenarios.iter().find(|x| &x.id == id).cloned())));
    let n = memo(move |_| id.with_value(|id| store.with(|s| s.position(id).map_or(0, |p| p + 1))));
    let name = memo(move |_| entry.with(|e| e.as_ref().map(|e| e.name.clone()).unwrap_or_default()));
    let scenario = memo(move |_| entry.with(|e| e.as_ref().map(|e| e.scenario.clone()).unwrap_or_default()));
    let data = state.data();
    let figures: RwSignal<Option<KeyFigures>> = RwSignal::new(None);
    effect({
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
    let note = memo(move |_| entry.with(|e| e.as_ref().map(|e| e.note.clone()).unwrap_or_default()));
    let saved_at = memo(move |_| entry.with(|e| e.as_ref().and_then(|e| e.saved_at)));
    let current = move || scenario.with(|s| whatif.scenario.with(|current| current == s));
    let checked = move || id.with_value(|id| selected.with(|s| s.contains(id)));
    // A compared scenario another tab deleted does not count toward the limit, and
    // the next tick drops it.
    let listed = move |id: &String| store.with_untracked(|s| s.by_id(id).is_some());
    let full = move || {
        store.track();
        !checked() && selected.with(|s| s.iter().filter(|id| listed(id)).count() >= MAX_COMPARED)
    };
    let toggle = move |on: bool| {
        let id = id.get_value();
        selected.update(|s| {
            s.retain(|x| x != &id && listed(x));
            if on && s.len() < MAX_COMPARED {
                s.push(id);
            }
        });
    };
    let open = move |_| {
        id.with_value(|id| saved.with_value(|saved| saved.opened(id)));
        whatif.replace(scenario.get_untracked());
        whatif.link_simulation.set(entry.with_untracked(|e| e.as_ref().and_then(|e| e.simulation.clone())));
    };
    let edits = move |field: Field| id.with_value(|id| editing.edits(id, field));
    let start = move |field: Field| {
        let text = match field {
            Field::Name => name.get_untracked(),
            Field::Note => note.get_untracked(),
        };
        editing.start(id.get_value(), field, text, entry.get_untracked());
    };
    let commit = move |field: Field| {
        let text = editing.text();
        let began_on = editing.began_on();
        let id = id.get_value();
        editing.commit(saved, |s| match field {
            Field::Name => s.rename(&id, &text, began_on.as_ref()),
            Field::Note => s.set_note(&id, &text, began_on.as_ref()),
        });
    };
    // An edit kept on this page but not stored is said in the row, where it was made,
    // while the browser still stores nothing (the notice above says why).
    let not_stored = move || {
        (id.with_value(|id| editing.kept_here_only(id)) && saved.with_value(|s| s.issue.with(Option::is_some))).then(
            || {
                view! {
                    <p
                        class="field-error"
                        role="status"
                        data-testid=move || format!("scenario-edit-not-stored-{}", n.get())
                    >
                        <Words label=CHANGE_KEPT_ON_THIS_PAGE_ONLY />
                    </p>
                }
            },
        )
    };
    // A copy refused (the store full, or too large) is said here, in the row whose
    // Duplicate was pressed; a copy the browser did not store is said in its own row.
    let duplicate_refused: RwSignal<Option<Refusal>> = RwSignal::new(None);
    let duplicate = move |_| {
        let (outcome, stored) = id.with_value(|id| saved.with_value(|s| (s.duplicate(id), s.is_stored())));
        match outcome {
            Ok(copy) => {
                duplicate_refused.set(None);
                if !stored {
                    editing.kept_on_this_page_only(copy);
                }
            }
            Err(why) => duplicate_refused.set(Some(why)),
        }
    };
    let duplicate_refusal = move || {
        duplicate_refused.get().map(|why| {
            view! {
                <p
                    class="field-error"
                    role="alert"
                    data-testid=move || format!("scenario-duplicate-refused-{}", n.get())
                >
                    {refusal(&why).get(lang()).to_string()}
                </p>
            }
        })
    };
    let delete = move |_| {
        id.with_value(|id| {
            selected.update(|s| s.retain(|x| x != id));
            // An edit of this scenario ends with it: it was not another tab's delete.
            editing.stop_on(id);
            saved.with_value(|s| s.delete(id));
        });
        // The row and its button are gone; the undo button is where the work
        // continues for a keyboard user.
        focus_after_render(by_test_id("scenario-undo-delete"));
    };
    let name_cell = move || {
        if edits(Field::Name) {
            view! { <Editor field=Field::Name n=n editing=editing commit=Callback::new(move |()| commit(Field::Name)) /> }
                .into_any()
        } else {
            view! {
                <span class="scenario-name" data-testid=move || format!("scenario-label-{}", n.get())>
                    {name}
                </span>
            }
            .into_any()
        }
    };
    let note_cell = move || {
        if edits(Field::Note) {
            view! { <Editor field=Field::Note n=n editing=editing commit=Callback::new(move |()| commit(Field::Note)) /> }
                .into_any()
        } else if note.with(String::is_empty) {
            ().into_any()
        } else {
            view! {
                <span class="scenario-note" data-testid=move || format!("scenario-note-{}", n.get())>
                    {note}
                </span>
            }
            .into_any()
        }
    };
    let saved_on = move || {
        saved_at.get().map(|at| {
            let date = last_saved(Some(at));
            view! {
                <span class="saved-on">
                    <Words label=LAST_SAVED />
                    " "
                    <time data-testid=move || { format!("scenario-saved-on-{}", n.get()) }>
                        <Said text=date />
                    </time>
                </span>
            }
        })
    };
    let key_cell = move || match figures.get() {
        None => view! { <span aria-busy="true">"…"</span> }.into_any(),
        Some(KeyFigures::Figures { cash_need, change, without_effect }) => view! {
            <FigureText figure=cash_need />
            <span class="key-change">{change_text(&change, &data, lang())}</span>
            {without_effect_text(without_effect, lang())
                .map(|note| {
                    view! {
                        <span
                            class="key-change without-effect"
                            data-testid=move || format!("scenario-without-effect-{}", n.get())
                        >
                            {note}
                        </span>
                    }
                })}
        }
        .into_any(),
        Some(KeyFigures::Refused(reason)) => {
            view! { <span class="field-error">{reason.get(lang()).to_string()}</span> }.into_any()
        }
    };
    view! {
        <tr data-testid=move || format!("scenario-row-{}", n.get()) class:current=current>
            <td class="center">
                // The label around the box is where a finger lands, as for Allocation's
                // locks: 44 px on a touch screen, where the box alone is 24.
                <label class="check-cell">
                    <input
                        type="checkbox"
                        data-testid=move || format!("scenario-compare-{}", n.get())
                        aria-label=move || compare_name(&name.get(), lang())
                        prop:checked=checked
                        disabled=full
                        on:change=move |ev| toggle(event_target_checked(&ev))
                    />
                </label>
            </td>
            <th scope="row">
                {name_cell}
                {move || {
                    current()
                        .then(|| {
                            view! {
                                <span class="changed-mark" data-testid=move || format!("scenario-in-use-{}", n.get())>
                                    <Words label=IN_USE />
                                </span>
                            }
                        })
                }} {note_cell} {saved_on} {not_stored}
            </th>
            <td class="num key-figures" data-testid=move || format!("scenario-key-{}", n.get())>
                {key_cell}
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="small"
                    data-testid=move || format!("scenario-open-{}", n.get())
                    on:click=open
                >
                    <Words label=OPEN />
                </button>
                <button
                    type="button"
                    class="small"
                    data-testid=move || format!("scenario-rename-{}", n.get())
                    on:click=move |_| start(Field::Name)
                >
                    <Words label=RENAME />
                </button>
                <button
                    type="button"
                    class="small"
                    data-testid=move || format!("scenario-note-edit-{}", n.get())
                    on:click=move |_| start(Field::Note)
                >
                    <Words label=EDIT_NOTE />
                </button>
                <button
                    type="button"
                    class="small"
                    data-testid=move || format!("scenario-duplicate-{}", n.get())
                    on:click=duplicate
                >
                    <Words label=DUPLICATE />
                </button>
                <button
                    type="button"
                    class="small danger"
                    data-testid=move || format!("scenario-delete-{}", n.get())
                    on:click=delete
                >
                    <Words label=DELETE />
                </button>
                {duplicate_refusal}
            </td>
        </tr>
    }
}
