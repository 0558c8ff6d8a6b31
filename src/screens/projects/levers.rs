//! The per-project lever panel, shown above the projects table for the project chosen
//! with a row's Edit button: exclude, defer, extend, a budget of its own and a spend
//! profile, with the effect on 2018-19 at once. Its words, fields and figures (with
//! whose each is) come from `blockvote_present::screens::projects::levers`.

use crate::components::each::each_key;
use crate::components::fields::NumberField;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::memo::memo;
use crate::components::sentence::{kept_whole, MarkedText};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{Edit, Profile};
use blockvote_present::cash::{shown_budget_year, shown_cash_of_project};
use blockvote_present::refusal::engine_error;
use blockvote_present::screens::projects::levers::{
    budget_field, defer_field, effect_rows, extend_field, heading, move_limits, paper_line, Effect, AFTER, BEFORE,
    CLOSE, EXCLUDE, FIGURE, PROFILE, PROFILES, PROFILE_AS_ALL, RESET,
};
use blockvote_present::words::profile_label;
use leptos::prelude::*;

#[component]
pub fn ProjectLevers(selected: RwSignal<Option<u16>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    move || {
        let id = selected.get()?;
        let project = data.project(id)?.clone();
        let edit = Signal::derive(move || whatif.project_edit(id));
        let change = move |f: &dyn Fn(&mut Edit)| {
            let mut next = whatif.project_edit(id);
            f(&mut next);
            whatif.set_project_edit(id, next);
        };
        let paper_budget = project.budget;
        let effect = memo({
            let data = data.clone();
            let project = project.clone();
            move |_| {
                let baseline = whatif.baseline.get_value();
                whatif.projection.with(|projection| {
                    let effect = Effect {
                        project: &project,
                        baseline: baseline.as_ref().and_then(|b| b.project(id)),
                        outcome: projection.as_ref().and_then(|p| p.project(id)),
                        baseline_cash: baseline.as_ref().and_then(|b| shown_cash_of_project(b, id)),
                        cash: projection.as_ref().and_then(|p| shown_cash_of_project(p, id)),
                        baseline_totals: baseline.as_ref().map(|b| shown_budget_year(b)),
                        totals: projection.as_ref().map(|p| shown_budget_year(p)),
                    };
                    effect_rows(&data, &effect, lang())
                })
            }
        });
        // What a move past the project's limits did, said under the fields; nothing
        // while there is no projection of the project (a scenario the engine refused,
        // which is said where it was set).
        let limits = memo(move |_| {
            let edit = edit.get();
            whatif.projection.with(|projection| {
                projection
                    .as_ref()
                    .and_then(|p| p.project(id))
                    .map(|o| move_limits(&edit, o, lang()))
                    .unwrap_or_default()
            })
        });
        let title = {
            let project = project.clone();
            move || heading(&project, lang())
        };
        let paper = {
            let (data, project) = (data.clone(), project.clone());
            move || {
                paper_line(&data, &project, lang())
                    .into_iter()
                    .map(|(words, marked)| {
                        view! { <span class="paper-fact">{words} " " <MarkedText marked=marked /></span> }
                    })
                    .collect_view()
            }
        };
        // One keyed row per line of the effect table, each cell following its own
        // figure: a lever change writes only the figures that changed.
        let keys = memo(move |_| effect.with(|rows| rows.iter().map(|row| row.testid).collect::<Vec<_>>()));
        let line = move |testid: &'static str| {
            memo(move |_| effect.with(|rows| rows.iter().find(|row| row.testid == testid).cloned()))
        };
        let row = move |testid: &'static str| {
            let line = line(testid);
            // The label changes with the language, not with the figures: its own memo keeps
            // a lever change from drawing its year spans again.
            let label = memo(move |_| line.with(|l| l.as_ref().map(|l| l.label.clone())));
            let label = move || label.with(|label| label.as_deref().map(kept_whole));
            let before =
                Signal::derive(move || line.with(|l| l.as_ref().map(|l| l.before.clone()).unwrap_or_default()));
            let after = memo(move |_| line.with(|l| l.as_ref().and_then(|l| l.after.clone())));
            let shows_after = memo(move |_| after.with(Option::is_some));
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">
                        <MarkedText marked=before unbroken=true />
                    </td>
                    <td class="num">
                        <Show when=move || shows_after.get()>
                            <MarkedText
                                marked=Signal::derive(move || after.get().unwrap_or_default())
                                testid=testid
                                unbroken=true
                            />
                        </Show>
                    </td>
                </tr>
            }
        };
        let rows = view! { {each_key(move || keys.get(), move |testid| row(testid).into_any())} };
        Some(view! {
            <section class="panel project-levers" data-testid="project-levers" aria-labelledby="levers-heading">
                <h3 id="levers-heading">{title}</h3>
                <p class="note paper-facts">{paper}</p>
                <div class="inline-fields">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="lever-exclude"
                            prop:checked=move || edit.get().exclude == Some(true)
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                change(&|e| e.exclude = checked.then_some(true));
                            }
                        />
                        <Words label=EXCLUDE />
                    </label>
                    <NumberField
                        spec=defer_field()
                        testid="lever-defer"
                        kept_as=format!("lever-defer-{id}")
                        current=Signal::derive(move || i64::from(edit.get().defer_quarters.unwrap_or(0)))
                        commit=move |value: i64| {
                            change(&|e| e.defer_quarters = (value != 0).then(|| i32::try_from(value).unwrap_or(0)))
                        }
                        narrow=true
                    />
                    <NumberField
                        spec=extend_field()
                        testid="lever-extend"
                        kept_as=format!("lever-extend-{id}")
                        current=Signal::derive(move || i64::from(edit.get().extend_quarters.unwrap_or(0)))
                        commit=move |value: i64| {
                            change(&|e| e.extend_quarters = (value != 0).then(|| i32::try_from(value).unwrap_or(0)))
                        }
                        narrow=true
                    />
                    <NumberField
                        spec=budget_field(paper_budget)
                        testid="lever-budget"
                        kept_as=format!("lever-budget-{id}")
                        current=Signal::derive(move || edit.get().budget.unwrap_or(paper_budget))
                        commit=move |value| change(&|e| e.budget = (value != paper_budget).then_some(value))
                        narrow=true
                    />
                    <label class="field">
                        <span>
                            <Words label=PROFILE />
                        </span>
                        <select
                            data-testid="lever-profile"
                            on:change=move |ev| {
                                let profile = Profile::from_key(&event_target_value(&ev));
                                change(&|e| e.profile = profile);
                            }
                        >
                            <option value="" selected=move || edit.get().profile.is_none()>
                                <Words label=PROFILE_AS_ALL />
                            </option>
                            {PROFILES
                                .into_iter()
                                .map(|profile| {
                                    view! {
                                        <option
                                            value=profile.key()
                                            selected=move || edit.get().profile == Some(profile)
                                        >
                                            {move || profile_label(profile).get(lang())}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <button
                        type="button"
                        data-testid="lever-reset"
                        on:click=move |_| whatif.set_project_edit(id, Edit::default())
                    >
                        <Words label=RESET />
                    </button>
                    <button
                        type="button"
                        data-testid="lever-close"
                        on:click=move |_| {
                            selected.set(None);
                            focus_after_render(by_test_id(&format!("edit-project-{id}")));
                        }
                    >
                        <Words label=CLOSE />
                    </button>
                </div>
                // Always there, so a screen reader hears a limit when it is said.
                <p class="note move-limits" role="status" data-testid="lever-limits">
                    {move || limits.with(|limits| limits.join(lang().pick("", " ")))}
                </p>
                <table class="data compact lever-effect" data-testid="lever-effect">
                    <thead>
                        <tr>
                            // Named for a screen reader; the rows' own headings say it.
                            <th scope="col">
                                <span class="visually-hidden">
                                    <Words label=FIGURE />
                                </span>
                            </th>
                            <th scope="col" class="num">
                                <Words label=BEFORE />
                            </th>
                            <th scope="col" class="num">
                                <Words label=AFTER />
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                {move || {
                    whatif
                        .error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="field-error" role="alert">
                                    {engine_error(&e).get(lang()).to_string()}
                                </p>
                            }
                        })
                }}
            </section>
        })
    }
}
