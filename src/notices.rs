//! The notices under the navigation: what a link carried that could not be used, the
//! scenarios an offline copy brought in, a change the saved scenarios refused, a
//! scenario changed in two tabs at once, and which data the screens show when it is
//! not the paper's. Each says what happened and what the user can do, in the chosen
//! language, and none of them blocks the app. The storage and data words are
//! `blockvote_present::storage`'s.

use crate::components::dismiss::DismissButton;
use crate::components::effect::effect;
use crate::components::memo::memo;
use crate::components::words::{Said, Words};
use crate::data_source::{use_data_source, DataNotice, Source};
use crate::saved::use_saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::known::MAX_NAMED_ABSENT;
use blockvote_present::lang::{Bilingual, Label};
use blockvote_present::links::{problem_lines, LINK_PROBLEMS_HEADING};
use blockvote_present::refusal::{edits_without_effect, engine_error, refused_heading, EDITS_WITHOUT_EFFECT_HEADING};
use blockvote_present::route::{fragment_for, View};
use blockvote_present::screens::projects::levers::{moves_cut_short, MOVES_CUT_SHORT_HEADING};
use blockvote_present::shell::{
    notice_lines, other_lines, scenario_from_address, scenario_result_said, BACK_TO_YOUR_SCENARIO, UNDO_LAST_CHANGE,
};
use blockvote_present::storage::{
    self, carried_notice, BACK_TO_PAPER, DATASET_NOT_READ, DATASET_NOT_STORED, DOWNLOAD_REFUSED,
    DOWNLOAD_SET_ASIDE_DATA, OPEN_SCENARIOS,
};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    view! {
        <ScenarioRefused />
        <EditsWithoutEffect />
        <MovesCutShort />
        <LinkProblems />
        <ScenarioFromAddress />
        <CarriedScenarios />
        <StorageRefused />
        <TabConflicts />
        <ImportedData />
        <ScenarioResultSaid />
    }
}

/// How long the member must pause before a change of the scenario is said: longer than
/// a keystroke's gap, so that typing 1000 says one result, not four.
const RESULT_PAUSE: std::time::Duration = std::time::Duration::from_millis(900);

/// Tells a screen reader, once the member pauses, the 2018-19 cash need the scenario
/// now has (`shell::scenario_result_said`), whatever screen or lever changed it. Not
/// drawn: the screens show the figures themselves. The page opening says nothing.
#[component]
fn ScenarioResultSaid() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let said = RwSignal::new(String::new());
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel_pending = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    on_cleanup(cancel_pending);
    effect(move |first_run: bool| {
        // Read, not only tracked: a memo only tracked is not brought up to date.
        whatif.projection.with(|_| ());
        if first_run {
            return;
        }
        cancel_pending();
        let say = move || {
            let baseline = whatif.baseline.get_value();
            let text = whatif.projection.with_untracked(|projection| {
                projection.as_deref().zip(baseline.as_deref()).map(|(projection, baseline)| {
                    scenario_result_said(projection, baseline, state.lang.get_untracked())
                })
            });
            if let Some(text) = text {
                said.set(text);
            }
        };
        pending.set_value(set_timeout_with_handle(say, RESULT_PAUSE).ok());
    });
    view! {
        <p class="visually-hidden" role="status" data-testid="scenario-result-said">
            {move || said.get()}
        </p>
    }
}

/// Shown on every screen while the engine refuses the scenario being edited: why,
/// and that the figures are still the last projectable scenario's. Undo goes back.
#[component]
fn ScenarioRefused() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    move || {
        whatif.error.get().map(|error| {
            let reason = engine_error(&error);
            view! {
                <div class="scenario-refused" role="alert" data-testid="engine-error">
                    <p>
                        <strong>{move || refused_heading(state.lang.get())}</strong>
                        " "
                        <Said text=reason />
                    </p>
                    <button type="button" data-testid="engine-error-undo" on:click=move |_| whatif.undo()>
                        <Words label=UNDO_LAST_CHANGE />
                    </button>
                </div>
            }
        })
    }
}

/// Shown on every screen while the scenario shown has edits that change nothing on the
/// data shown (one saved on other data, opened here): which, and that they are kept.
/// It is the scenario's state, not an event, so it has no dismiss button; it goes when
/// the data or the scenario changes so that every edit has an effect again.
#[component]
fn EditsWithoutEffect() -> impl IntoView {
    let whatif = use_whatif();
    let lines = memo(move |_| {
        whatif.projection.with(|projection| {
            projection.as_ref().map(|projection| edits_without_effect(&projection.warnings)).unwrap_or_default()
        })
    });
    view! { <ScenarioState heading=EDITS_WITHOUT_EFFECT_HEADING lines=lines testid="edits-without-effect" /> }
}

/// Shown on every screen while the scenario shown has project moves its dates cut
/// short (`p=1:d-3` on a project that starts in the budget year's first quarter): which,
/// and by how much. Like the edits without effect, it is the scenario's state and has
/// no dismiss button; the project's lever panel says the same under its fields.
#[component]
fn MovesCutShort() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lines = memo(move |_| {
        whatif.projection.with(|projection| {
            let Some(projection) = projection else { return Vec::new() };
            whatif.projected_scenario.with(|scenario| moves_cut_short(&data, scenario, projection, MAX_NAMED_ABSENT))
        })
    });
    view! { <ScenarioState heading=MOVES_CUT_SHORT_HEADING lines=lines testid="moves-cut-short" /> }
}

/// A notice of the scenario's state, under `heading`, while it has `lines`: a status,
/// not an event, so it has no dismiss button. The lines are a memo, so a lever that
/// leaves them as they were redraws nothing.
#[component]
fn ScenarioState(heading: Label, lines: Memo<Vec<Bilingual>>, testid: &'static str) -> impl IntoView {
    move || {
        let lines = lines.get();
        (!lines.is_empty()).then(|| {
            let lines = said_list(lines);
            view! {
                <div class="notice without-effect" role="status" data-testid=testid>
                    <p>
                        <Words label=heading />
                    </p>
                    {lines}
                </div>
            }
        })
    }
}

#[component]
fn LinkProblems() -> impl IntoView {
    let whatif = use_whatif();
    move || {
        let problems = whatif.link_problems.get();
        (!problems.is_empty()).then(|| {
            let lines = said_list(problem_lines(&problems));
            view! {
                <div class="link-problems" role="alert" tabindex="-1" data-testid="link-problems">
                    <p>
                        <Words label=LINK_PROBLEMS_HEADING />
                    </p>
                    {lines}
                    <DismissButton on_dismiss=Callback::new(move |()| whatif.link_problems.set(Vec::new())) />
                </div>
            }
        })
    }
}

/// Shown after the browser's Back or Forward, or an address typed, opened another
/// scenario than the one on screen, for as long as that scenario is the one on screen:
/// what happened, and the way back to the member's scenario (one Undo).
#[component]
fn ScenarioFromAddress() -> impl IntoView {
    let whatif = use_whatif();
    let paper = memo(move |_| {
        whatif.opened_by_address.with(|opened| {
            opened
                .as_ref()
                .filter(|opened| whatif.scenario.with(|now| now == *opened))
                .map(|opened| *opened == Scenario::default())
        })
    });
    move || {
        paper.get().map(|paper| {
            view! {
                <div class="notice scenario-from-address" role="status" data-testid="scenario-from-address">
                    <p>
                        <Words label=scenario_from_address(paper) />
                    </p>
                    <button type="button" data-testid="scenario-from-address-undo" on:click=move |_| whatif.undo()>
                        <Words label=BACK_TO_YOUR_SCENARIO />
                    </button>
                    <DismissButton on_dismiss=Callback::new(move |()| whatif.opened_by_address.set(None)) />
                </div>
            }
        })
    }
}

/// A notice's list, in the language chosen: its first lines, and the rest behind a
/// disclosure that says how many there are.
fn said_list(lines: Vec<Bilingual>) -> impl IntoView {
    let (shown, rest) = notice_lines(lines);
    let more = (!rest.is_empty()).then(|| {
        let summary = other_lines(rest.len());
        view! {
            <details class="notice-more">
                <summary>
                    <Said text=summary />
                </summary>
                <ul>{said_items(rest)}</ul>
            </details>
        }
    });
    view! {
        <ul>{said_items(shown)}</ul>
        {more}
    }
}

/// Lines, each an item of a list.
fn said_items(lines: Vec<Bilingual>) -> impl IntoView {
    lines
        .into_iter()
        .map(|text| {
            view! {
                <li>
                    <Said text=text />
                </li>
            }
        })
        .collect_view()
}

/// Shown when this page is an offline copy that carried scenarios in: how many were
/// added, and which were not (and why).
#[component]
fn CarriedScenarios() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let carried = use_saved().carried;
    let dismissed = RwSignal::new(false);
    move || {
        let info = carried.get()?;
        if dismissed.get() {
            return None;
        }
        let text = carried_notice(&info.report, &info.problems);
        let href = move || {
            fragment_for(View::Scenarios, state.lang.get(), &whatif.shown_link.with(|written| written.pairs.clone()))
        };
        Some(view! {
            <div class="notice carried" role="status" data-testid="carried-notice">
                <p>
                    <Said text=text />
                </p>
                <a href=href data-testid="carried-open">
                    <Words label=OPEN_SCENARIOS />
                </a>
                " "
                <DismissButton on_dismiss=Callback::new(move |()| dismissed.set(true)) />
            </div>
        })
    }
}

/// Shown on every screen when the saved scenarios refused a change (the store is full
/// or would be too large, or the scenario was deleted in another tab): what was not
/// saved, why, and that the scenario on screen is still there.
#[component]
fn StorageRefused() -> impl IntoView {
    let refusal = use_saved().refusal;
    let dismiss = refusal.clone();
    move || {
        let text = refusal.get().map(|refusal| storage::refusal(&refusal))?;
        let dismiss = dismiss.clone();
        Some(view! {
            <div class="notice storage-refused" role="alert" data-testid="storage-refused">
                <p>
                    <Said text=text />
                </p>
                <DismissButton testid="storage-refused-dismiss" on_dismiss=Callback::new(move |()| dismiss.set(None)) />
            </div>
        })
    }
}

/// Shown when another tab changed a scenario this one changed too: both versions are
/// kept, named, and the member chooses.
#[component]
fn TabConflicts() -> impl IntoView {
    let saved = use_saved();
    let (conflicts, store) = (saved.conflicts, saved.store);
    let dismiss = conflicts.clone();
    move || {
        let text = conflicts.with(|list| store.with(|store| storage::conflicts_notice(list, store)))?;
        let dismiss = dismiss.clone();
        Some(view! {
            <div class="notice storage-conflicts" role="status" data-testid="storage-conflicts">
                <p>
                    <Said text=text />
                </p>
                <DismissButton
                    testid="storage-conflicts-dismiss"
                    on_dismiss=Callback::new(move |()| dismiss.set(Vec::new()))
                />
            </div>
        })
    }
}

/// Says, on every screen, when the projects are not the paper's, and any problem with
/// a stored or carried dataset; a stored one set aside is offered for download.
#[component]
fn ImportedData() -> impl IntoView {
    let state = use_app_state();
    let source = use_data_source();
    let imported = move || match source.source.get() {
        Source::Paper => None,
        Source::Imported(imported) => {
            let text = storage::imported_data(&imported.name, state.data().projects.len());
            Some(view! {
                <div class="notice imported-data" role="status" data-testid="imported-data">
                    <p>
                        <Said text=text />
                    </p>
                    <button
                        type="button"
                        class="small"
                        data-testid="back-to-paper-data"
                        on:click=move |_| source.back_to_paper()
                    >
                        <Words label=BACK_TO_PAPER />
                    </button>
                </div>
            })
        }
    };
    let download_failed = RwSignal::new(false);
    let problem = move || {
        let notice = source.notice.get()?;
        let set_aside = source.set_aside.get();
        let text = match &notice {
            DataNotice::StoredUnusable { reason, .. } => {
                storage::stored_dataset_unusable(reason, set_aside.as_ref().and_then(|kept| kept.key.as_deref()))
            }
            DataNotice::CarriedUnusable { reason } => storage::carried_dataset_unusable(reason),
            DataNotice::NotStored => DATASET_NOT_STORED.into(),
            DataNotice::StoredUnread => DATASET_NOT_READ.into(),
        };
        let offer = set_aside.filter(|_| matches!(notice, DataNotice::StoredUnusable { .. })).map(|kept| {
            view! {
                <button
                    type="button"
                    class="small"
                    data-testid="data-set-aside-download"
                    on:click=move |_| {
                        download_failed.set(!kept.download());
                    }
                >
                    <Words label=DOWNLOAD_SET_ASIDE_DATA />
                </button>
            }
        });
        Some(view! {
            <div class="notice data-problem" role="alert" data-testid="data-notice">
                <p>
                    <Said text=text />
                </p>
                {offer}
                " "
                <DismissButton on_dismiss=Callback::new(move |()| source.notice.set(None)) />
                {move || {
                    download_failed
                        .get()
                        .then(|| {
                            view! {
                                <p class="field-error">
                                    <Words label=DOWNLOAD_REFUSED />
                                </p>
                            }
                        })
                }}
            </div>
        })
    };
    view! {
        {imported}
        {problem}
    }
}
