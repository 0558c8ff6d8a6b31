//! The two threshold fields, the paper's thresholds beside them, and the buttons.

use crate::components::fields::NumberField;
use crate::components::marks::FigureText;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::Money;
use blockvote_present::screens::thresholds::{
    ceiling_field, floor_field, paper_thresholds, CEILING_2021, CEILING_2021_MILLIONS, PAPER_CEILING, PAPER_FLOOR,
    RESET,
};
use leptos::prelude::*;

#[component]
pub fn ThresholdFields() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let (paper_ceiling, paper_floor) = (data.ceiling, data.floor);
    let ceiling = Signal::derive(move || whatif.scenario.with(|s| s.delegation.ceiling.unwrap_or(paper_ceiling)));
    let floor = Signal::derive(move || whatif.scenario.with(|s| s.delegation.floor.unwrap_or(paper_floor)));
    let set_ceiling = move |value: Money| {
        whatif.update(|s| s.delegation.ceiling = (value != paper_ceiling).then_some(value));
    };
    let set_floor = move |value: Money| {
        whatif.update(|s| s.delegation.floor = (value != paper_floor).then_some(value));
    };
    // Each threshold is refused at its field when it would cross the other in effect;
    // the readers track the other, so a refused entry is read again when it moves.
    let ceiling_spec = ceiling_field(move || floor.get());
    let floor_spec = floor_field(move || ceiling.get());
    // The paper's thresholds back, as a replacement of the scenario, so a field's
    // refused entry is dropped too (see `WhatIf::replaced`).
    let reset = move |_| {
        let back = whatif.scenario.with_untracked(|s| Scenario { delegation: Default::default(), ..s.clone() });
        whatif.replace(back);
    };
    let (printed_ceiling, printed_floor) = paper_thresholds(&data);
    // The 2021 ceiling cannot be set under a floor above it: the model refuses
    // thresholds that cross, and a typed ceiling would be refused at its field.
    let preset_below_floor = move || floor.get() > Money::from_whole_millions(CEILING_2021_MILLIONS);
    view! {
        <div class="inline-fields">
            <NumberField spec=ceiling_spec testid="ceiling" current=ceiling commit=set_ceiling />
            <NumberField spec=floor_spec testid="floor" current=floor commit=set_floor />
            <button
                type="button"
                data-testid="ceiling-20"
                disabled=preset_below_floor
                on:click=move |_| set_ceiling(Money::from_whole_millions(CEILING_2021_MILLIONS))
            >
                <Words label=CEILING_2021 />
            </button>
            <button type="button" data-testid="thresholds-reset" on:click=reset>
                <Words label=RESET />
            </button>
        </div>
        <p class="note paper-thresholds">
            {printed_ceiling
                .map(|figure| {
                    view! {
                        <span class="paper-threshold">
                            <Words label=PAPER_CEILING />
                            <FigureText figure=figure testid="paper-ceiling" />
                        </span>
                    }
                })}
            {printed_floor
                .map(|figure| {
                    view! {
                        <span class="paper-threshold">
                            <Words label=PAPER_FLOOR />
                            <FigureText figure=figure testid="paper-floor" />
                        </span>
                    }
                })}
        </p>
    }
}
