//! Questions to raise: the panel where the member ticks draft questions made from the
//! findings, changes their words, adds their own, orders and removes them (on screen
//! only), and the brief's printed section of the ticked ones, numbered. The drafts,
//! the rows, the printed text and every change to the list are
//! `blockvote_present::questions`'; the list itself is the scenario being edited's
//! (`Saved::questions`), saved with it.

use crate::components::dismiss::DismissButton;
use crate::components::each::each_key;
use crate::components::effect::effect;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::saved::use_saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::saved::{clean_question_text, QuestionProblem};
use blockvote_present::questions::{
    add_own, drafts, move_question, panel_rows, printed, problem, remove, set_picked, set_text, Draft, DraftInput,
    PanelRow, PrintedQuestions, ADD_OWN, CITES, DOWNLOAD_LEFT_OUT, DRAFTS, EDITED, GONE, HEADING, LEFT_OUT,
    LEFT_OUT_FILE, MARKS_NOTE, MOVE_DOWN, MOVE_UP, NONE_PICKED, PANEL_NOTE, REMOVE, TEXT_LABEL, YOURS,
};
use leptos::prelude::*;

/// The drafts for the scenario the brief shows (`WhatIf::projected_scenario`), so a
/// question's figures are always the brief's.
pub fn use_drafts() -> Memo<Vec<Draft>> {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let baseline = whatif.baseline.get_value();
    memo(move |_| {
        let (Some(projection), Some(baseline)) = (whatif.projection.get(), baseline.clone()) else {
            return Vec::new();
        };
        whatif
            .projected_scenario
            .with(|scenario| drafts(DraftInput { data: &data, projection: &projection, baseline: &baseline, scenario }))
    })
}

/// The brief's "Questions to raise": the ticked questions, numbered; nothing when
/// none is ticked.
#[component]
pub fn PrintedSection(drafts: Memo<Vec<Draft>>) -> impl IntoView {
    let state = use_app_state();
    let questions = use_saved().questions;
    let section: Memo<PrintedQuestions> =
        memo(move |_| drafts.with(|d| questions.with(|q| printed(d, q, state.lang.get()))));
    move || {
        let section = section.get();
        (!section.items.is_empty()).then(|| {
            let items = section
                .items
                .into_iter()
                .map(|(number, text)| {
                    view! {
                        <li data-testid=format!("question-printed-{number}")>
                            <span class="question-number">{format!("{number}.")}</span>
                            " "
                            {text}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="brief-section brief-questions" data-testid="questions">
                    <h3>{section.title}</h3>
                    <ol class="question-list">{items}</ol>
                    <p class="note">{section.note}</p>
                </section>
            }
        })
    }
}

/// The panel (not printed): the member's questions, then the drafts offered.
#[component]
pub fn QuestionsPanel(drafts: Memo<Vec<Draft>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let saved = use_saved();
    let questions = saved.questions.clone();
    let rows: Memo<Vec<PanelRow>> = memo(move |_| drafts.with(|d| questions.with(|q| panel_rows(d, q, lang()))));
    let keys = move |listed: bool| {
        move || rows.with(|rows| rows.iter().filter(|r| r.listed == listed).map(|r| r.key.clone()).collect::<Vec<_>>())
    };
    let offered_count = move || rows.with(|rows| rows.iter().filter(|r| !r.listed).count());
    let none_picked = move || rows.with(|rows| !rows.iter().any(|r| r.picked));
    let add_error: RwSignal<Option<QuestionProblem>> = RwSignal::new(None);
    let adder = saved.clone();
    // The member adds a question to write it: the focus goes into its new field (audit
    // 38: it stayed on the button, below the window once the field was drawn above it).
    let add = move |_| match adder.change_questions(add_own) {
        Ok(key) => {
            add_error.set(None);
            focus_after_render(by_test_id(&format!("question-text-{key}")));
        }
        Err(problem) => add_error.set(Some(problem)),
    };
    view! {
        <section class="panel brief-questions-panel" data-testid="questions-panel">
            <h3>
                <Words label=HEADING />
            </h3>
            <p class="note">
                <Words label=PANEL_NOTE />
            </p>
            <p class="note">
                <Words label=MARKS_NOTE />
            </p>
            <LeftOutNotice />
            <h4>
                <Words label=YOURS />
            </h4>
            {move || {
                none_picked()
                    .then(|| {
                        view! {
                            <p class="note">
                                <Words label=NONE_PICKED />
                            </p>
                        }
                    })
            }}
            <ol class="question-rows">
                {each_key(keys(true), move |key| view! { <QuestionRow key=key rows=rows /> }.into_any())}
            </ol>
            <div class="question-add">
                <button type="button" data-testid="question-add" on:click=add>
                    <Words label=ADD_OWN />
                </button>
                {move || {
                    add_error
                        .get()
                        .map(|p| {
                            view! {
                                <p class="field-error" role="alert" data-testid="question-add-error">
                                    {problem(&p).get(lang()).to_string()}
                                </p>
                            }
                        })
                }}
            </div>
            <details class="question-drafts" data-testid="question-drafts">
                <summary>{move || format!("{} ({})", DRAFTS.get(lang()), offered_count())}</summary>
                <ul class="question-rows">
                    {each_key(keys(false), move |key| view! { <QuestionRow key=key rows=rows /> }.into_any())}
                </ul>
            </details>
        </section>
    }
}

/// Says that some questions this tab kept did not read and were left out, and offers
/// their text as it was, until dismissed.
#[component]
fn LeftOutNotice() -> impl IntoView {
    let saved = use_saved();
    let left_out = saved.questions_left_out.clone();
    let has_text = memo(move |_| left_out.with(Option::is_some));
    let download = {
        let left_out = saved.questions_left_out.clone();
        move |_| {
            if let Some(text) = left_out.get_untracked() {
                crate::saved::files::download(LEFT_OUT_FILE, "application/json", &text);
            }
        }
    };
    let dismiss = Callback::new(move |()| saved.dismiss_questions_left_out());
    move || {
        has_text.get().then(|| {
            view! {
                <p class="notice" role="status" data-testid="questions-left-out">
                    <Words label=LEFT_OUT />
                    " "
                    <button
                        type="button"
                        class="small"
                        data-testid="questions-left-out-download"
                        on:click=download.clone()
                    >
                        <Words label=DOWNLOAD_LEFT_OUT />
                    </button>
                    " "
                    <DismissButton testid="questions-left-out-dismiss" on_dismiss=dismiss />
                </p>
            }
        })
    }
}

/// One question: its tick box and topic, its words (editable once in the list), what
/// it cites, and for a listed one, the buttons that move and remove it.
#[component]
fn QuestionRow(key: String, rows: Memo<Vec<PanelRow>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let saved = StoredValue::new(use_saved());
    let key = StoredValue::new(key);
    let row = memo(move |_| key.with_value(|key| rows.with(|rows| rows.iter().find(|r| &r.key == key).cloned())));
    let field = move |pick: fn(&PanelRow) -> String| move || row.with(|r| r.as_ref().map(pick).unwrap_or_default());
    let flag = move |pick: fn(&PanelRow) -> bool| move || row.with(|r| r.as_ref().is_some_and(pick));
    let error: RwSignal<Option<QuestionProblem>> = RwSignal::new(None);
    let answer = move |outcome: Result<(), QuestionProblem>| error.set(outcome.err());
    let id = move |what: &str| key.with_value(|key| format!("question-{what}-{key}"));

    // What the text box holds: the member's typing as typed (spaces and all), brought
    // back to the stored text when that changes for another reason (a switch of
    // language, a scenario opened, a limit refused).
    let shown = memo(move |_| row.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default()));
    let typed = RwSignal::new(shown.get_untracked());
    effect(move |_| {
        let shown = shown.get();
        let same = typed.with_untracked(|typed| {
            clean_question_text(typed, crate::unicode::nfc) == clean_question_text(&shown, crate::unicode::nfc)
        });
        if !same {
            typed.set(shown);
        }
    });
    let edit = move |text: String| {
        let lang = lang();
        typed.set(text.clone());
        answer(saved.with_value(|s| {
            key.with_value(|key| s.change_questions(|q| set_text(q, key, lang, &text, crate::unicode::nfc)))
        }));
    };
    let pick = move |on: bool| {
        answer(saved.with_value(|s| key.with_value(|key| s.change_questions(|q| set_picked(q, key, on)))));
    };
    let shift = move |up: bool| {
        saved.with_value(|s| {
            key.with_value(|key| {
                let _ = s.change_questions(|q| {
                    move_question(q, key, up);
                    Ok(())
                });
            })
        })
    };
    let drop_it = move |_| {
        saved.with_value(|s| {
            key.with_value(|key| {
                let _ = s.change_questions(|q| {
                    remove(q, key);
                    Ok(())
                });
            })
        })
    };
    let cites = move || {
        row.with(|r| r.as_ref().map(|r| r.cites.clone()).unwrap_or_default())
            .into_iter()
            .map(|provenance| view! { <ProvenanceMark provenance=provenance /> })
            .collect_view()
    };
    // A row is listed or offered for its whole life: the two lists are drawn apart.
    let listed = row.with_untracked(|r| r.as_ref().is_some_and(|r| r.listed));
    let words = move || {
        if listed {
            view! {
                <label class="field question-text">
                    <span class="visually-hidden">
                        <Words label=TEXT_LABEL />
                    </span>
                    <textarea
                        rows="6"
                        lang=move || lang().html_tag()
                        data-testid=id("text")
                        prop:value=move || typed.get()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=move || error.with(Option::is_some).then(|| id("error"))
                        on:input=move |ev| edit(event_target_value(&ev))
                    ></textarea>
                </label>
            }
            .into_any()
        } else {
            view! { <p class="question-draft-text">{field(|r| r.text.clone())}</p> }.into_any()
        }
    };
    let listed_actions = move || {
        listed.then(|| {
            view! {
                <div class="question-actions">
                    <button type="button" class="small" data-testid=id("up") on:click=move |_| shift(true)>
                        <Words label=MOVE_UP />
                    </button>
                    <button type="button" class="small" data-testid=id("down") on:click=move |_| shift(false)>
                        <Words label=MOVE_DOWN />
                    </button>
                    <button type="button" class="small" data-testid=id("remove") on:click=drop_it>
                        <Words label=REMOVE />
                    </button>
                </div>
            }
        })
    };
    view! {
        <li class="question-row" data-testid=id("row")>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid=id("pick")
                    prop:checked=flag(|r| r.picked)
                    on:change=move |ev| pick(event_target_checked(&ev))
                />
                <strong>{field(|r| r.topic.clone())}</strong>
                {move || {
                    flag(|r| r.edited)()
                        .then(|| {
                            view! {
                                <span class="changed-mark">
                                    <Words label=EDITED />
                                </span>
                            }
                        })
                }}
            </label>
            {words}
            {move || {
                error
                    .get()
                    .map(|p| {
                        view! {
                            <p class="field-error" role="alert" id=id("error") data-testid=id("error")>
                                {problem(&p).get(lang()).to_string()}
                            </p>
                        }
                    })
            }}
            {move || {
                flag(|r| r.gone)()
                    .then(|| {
                        view! {
                            <p class="note">
                                <Words label=GONE />
                            </p>
                        }
                    })
            }}
            {move || {
                flag(|r| !r.cites.is_empty())()
                    .then(|| {
                        view! {
                            <p class="note question-cites">
                                <Words label=CITES />
                                {cites}
                            </p>
                        }
                    })
            }}
            {listed_actions}
        </li>
    }
}
