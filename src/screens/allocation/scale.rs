//! Scaling the unlocked categories pro rata to a target total.

use crate::components::fields::{refused_entry_focused, NumberField};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::AllocationOutcome;
use blockvote_model::Money;
use blockvote_present::screens::allocation::{
    locked_total, paper_total, scaling_text, target_field_above_locked, ScalingText, RESET, SCALE_BUTTON, SCALE_HEADING,
};
use leptos::prelude::*;

#[component]
pub fn ScalePanel(outcome: Memo<Option<AllocationOutcome>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let paper = paper_total(&state.data());
    let target = Signal::derive(move || whatif.scenario.with(|s| s.allocation.scale_to.unwrap_or(paper)));
    // A target typed before scaling is asked for waits here until the button is
    // pressed, so typing a target alone does not rescale the categories.
    let pending: RwSignal<Option<Money>> = RwSignal::new(None);
    let said = move || {
        outcome.with(|o| o.as_ref().and_then(|o| o.scaling.as_ref()).map(|scaling| scaling_text(scaling, lang())))
    };
    view! {
        <div class="panel scale-panel">
            <h3>
                <Words label=SCALE_HEADING />
            </h3>
            <div class="inline-fields">
                <NumberField
                    spec=target_field_above_locked(move || {
                        outcome.with(|o| o.as_ref().map(locked_total).unwrap_or_default())
                    })
                    testid="allocation-target"
                    current=target
                    commit=move |value: Money| {
                        if whatif.scenario.with_untracked(|s| s.allocation.scale_to.is_some()) {
                            whatif.update(|s| s.allocation.scale_to = Some(value));
                        } else {
                            pending.set(Some(value));
                        }
                    }
                />
                <button
                    type="button"
                    data-testid="allocation-scale"
                    on:click=move |_| {
                        if refused_entry_focused(&whatif, |testid| testid == "allocation-target") {
                            return;
                        }
                        let value = pending.get_untracked().unwrap_or_else(|| target.get_untracked());
                        pending.set(None);
                        whatif.update(|s| s.allocation.scale_to = Some(value));
                    }
                >
                    <Words label=SCALE_BUTTON />
                </button>
                <button
                    type="button"
                    data-testid="allocation-reset"
                    on:click=move |_| whatif.update(|s| s.allocation = Default::default())
                >
                    <Words label=RESET />
                </button>
            </div>
            {move || {
                said()
                    .map(|said| match said {
                        ScalingText::Refused(text) => {
                            view! {
                                <p class="field-error" role="alert" data-testid="allocation-scale-error">
                                    {text}
                                </p>
                            }
                                .into_any()
                        }
                        ScalingText::Done(text) => {
                            view! {
                                <p class="note" data-testid="allocation-scale-note">
                                    {text}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}
