//! Goal seek: aim a figure at a target by moving one lever, then apply the answer.

use crate::components::effect::effect;
use crate::components::fields::{refused_entry_focused, NumberField};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{goal_seek, GoalSeek, GoalSeekError, Lever, Metric, Scenario};
use blockvote_model::Money;
use blockvote_present::screens::cashflow::goal_seek::{
    answer, lever_options, metric_options, target_field, GoalAnswer, APPLY, DEFAULT_TARGET, HEADING, LEVER_LABEL,
    METRIC_LABEL, NOTE, SOLVE,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn GoalSeekPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let lever = RwSignal::new(Lever::CostChangePct);
    let metric = RwSignal::new(Metric::BudgetYearTotal);
    let target = RwSignal::new(Money::from_whole_millions(DEFAULT_TARGET));
    let outcome = RwSignal::new(None);
    // The scenarios the answer on show is about: the one it was solved on, and the one
    // its Apply made. Any other scenario, or a setting touched, and it is taken away,
    // so no answer is shown beside settings or a scenario it was not found for.
    let answered: StoredValue<Vec<Scenario>> = StoredValue::new(Vec::new());
    // The wrapper hears a field's `change` also as the screen is taken down (a typed
    // target is committed when it loses focus, after this panel's signals are gone),
    // so it reads nothing that may be gone.
    let forget = move || {
        if outcome.try_with_untracked(Option::is_some) == Some(true) {
            outcome.set(None);
        }
    };
    effect(move |_| {
        let current = whatif.scenario.with(|now| answered.with_value(|answered| answered.contains(now)));
        if !current {
            forget();
        }
    });
    let solve = move || {
        if refused_entry_focused(&whatif, |testid| testid == "goal-target") {
            return;
        }
        let scenario = whatif.scenario.get_untracked();
        answered.set_value(vec![scenario.clone()]);
        let goal =
            GoalSeek { lever: lever.get_untracked(), metric: metric.get_untracked(), target: target.get_untracked() };
        let result = whatif.engine.with_value(|engine| match engine {
            Ok(engine) => goal_seek(engine, &scenario, &goal),
            Err(error) => Err(GoalSeekError::Engine { error: error.clone() }),
        });
        outcome.set(Some(result));
    };
    let apply = move |value: Decimal| {
        let chosen = lever.get_untracked();
        let mut scenario = whatif.scenario.get_untracked();
        let applied = whatif.engine.with_value(|engine| {
            engine.as_ref().ok().is_some_and(|engine| chosen.apply(engine, &mut scenario, value).is_ok())
        });
        if applied {
            // The scenario it was solved for and the one its last Apply made: an Apply
            // repeated does not lengthen the list.
            answered.update_value(|answered| {
                answered.truncate(1);
                answered.push(scenario.clone());
            });
            whatif.scenario.set(scenario);
        }
    };
    let shown = Signal::derive(move || outcome.with(|o| o.as_ref().map(|o| answer(o, lang()))));
    view! {
        <div class="panel" data-testid="goal-seek">
            <h3>
                <Words label=HEADING />
            </h3>
            <p class="note">
                <Words label=NOTE />
            </p>
            <div class="inline-fields" on:input=move |_| forget() on:change=move |_| forget()>
                <label class="field">
                    <span>
                        <Words label=METRIC_LABEL />
                    </span>
                    <select
                        data-testid="goal-metric"
                        on:change=move |ev| {
                            if let Some(chosen) = Metric::from_key(&event_target_value(&ev)) {
                                metric.set(chosen);
                            }
                        }
                    >
                        {metric_options()
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.key selected=move || metric.get() == option.value>
                                        <Words label=option.label />
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <NumberField
                    spec=target_field()
                    testid="goal-target"
                    current=Signal::derive(move || target.get())
                    commit=move |value: Money| target.set(value)
                    narrow=true
                />
                <label class="field">
                    <span>
                        <Words label=LEVER_LABEL />
                    </span>
                    <select
                        data-testid="goal-lever"
                        on:change=move |ev| {
                            if let Some(chosen) = Lever::from_key(&event_target_value(&ev)) {
                                lever.set(chosen);
                            }
                        }
                    >
                        {lever_options()
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.key selected=move || lever.get() == option.value>
                                        <Words label=option.label />
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="goal-solve" on:click=move |_| solve()>
                    <Words label=SOLVE />
                </button>
            </div>
            // A live region that stays on the page, so that the answer put into it is
            // said as it appears (one inserted with its own role may not be).
            <div class="goal-answer" role="status" data-testid="goal-answer">
                {move || {
                    shown
                        .get()
                        .map(|shown| match shown {
                            GoalAnswer::Found { sentence, value } => {
                                view! {
                                    <p data-testid="goal-result">
                                        {sentence} " "
                                        <button type="button" data-testid="goal-apply" on:click=move |_| apply(value)>
                                            <Words label=APPLY />
                                        </button>
                                    </p>
                                }
                                    .into_any()
                            }
                            GoalAnswer::Refused { sentence } => {
                                view! {
                                    <p class="field-error" data-testid="goal-unreachable">
                                        {sentence}
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </div>
        </div>
    }
}
