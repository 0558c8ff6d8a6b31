//! The slippage & risk screen: para 5's record, the expected-value slippage lever,
//! the Monte Carlo simulation, the data table of any figure over any two levers and
//! the tornado. Every word
//! and figure comes from `blockvote_present::screens::risk`; this folder only draws
//! and runs the long computations in slices (`crate::tasks`).

mod data_table;
mod data_table_form;
mod glossary;
mod memory;
mod monte_carlo;
mod para5;
mod results;
mod sensitivity;
mod slippage;

pub use memory::RiskMemory;

use crate::components::memo::memo;
use crate::components::sentence::MarkedSentence;
use crate::components::words::Words;
use crate::whatif::{use_whatif, WhatIf};
use blockvote_model::engine::{Engine, Lever, Scenario};
use blockvote_present::screens::risk::{without_slippage_levers, HEADING};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

#[component]
#[inline(never)]
pub fn Risk() -> impl IntoView {
    let whatif = use_whatif();
    // The scenario (the last one the engine could project) without its slippage
    // lever, as the simulation, the sensitivity table and the all-on-time figures see
    // it: a change of the slippage lever alone leaves it, and them, as they are.
    let steady = memo(move |_| whatif.projected_scenario.with(without_slippage_levers));
    view! {
        <section class="screen risk">
            <h2>
                <Words label=HEADING />
            </h2>
            <para5::Para5Summary />
            <glossary::Glossary />
            <slippage::SlippagePanel steady=steady />
            <monte_carlo::MonteCarloPanel steady=steady />
            <sensitivity::SensitivityPanel />
        </section>
    }
}

/// The prepared engine, if the dataset could be prepared.
fn engine_of(whatif: &WhatIf) -> Option<Arc<Engine>> {
    whatif.engine.try_with_value(|engine| engine.as_ref().ok().cloned()).flatten()
}

/// Sets `lever` to `value` on the scenario through the model's own rule
/// (`Lever::apply`, which also switches slippage on); a value the lever refuses
/// changes nothing (the fields only hand on values in range).
fn set_lever(whatif: WhatIf, lever: Lever, value: Decimal) {
    let Some(engine) = engine_of(&whatif) else { return };
    let mut next: Scenario = whatif.scenario.get_untracked();
    if lever.apply(&engine, &mut next, value).is_ok() {
        whatif.scenario.set(next);
    }
}
