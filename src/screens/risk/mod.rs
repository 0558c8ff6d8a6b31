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

use crate::components::marks::ProvenanceMark;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::{use_whatif, WhatIf};
use blockvote_model::engine::{Engine, Lever, Scenario};
use blockvote_present::screens::risk::{without_slippage_levers, Part, Sentence, HEADING};
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
    let steady = Memo::new(move |_| whatif.projected_scenario.with(without_slippage_levers));
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

/// A sentence from the presentation layer, each figure with its provenance mark. The
/// parts are drawn once for each shape the sentence takes (which parts are figures);
/// each part's text and mark then follow the sentence, so a new figure in the same
/// sentence rewrites its text and leaves the elements alone.
#[component]
fn MarkedSentence(#[prop(into)] sentence: Signal<Sentence>) -> impl IntoView {
    let state = use_app_state();
    let shape =
        Memo::new(move |_| sentence.with(|s| s.0.iter().map(|part| matches!(part, Part::Text(_))).collect::<Vec<_>>()));
    move || {
        shape.with(|shape| {
            shape
                .iter()
                .enumerate()
                .map(|(at, words)| {
                    if *words {
                        let text = move || {
                            sentence.with(|s| match s.0.get(at) {
                                Some(Part::Text(text)) => text.clone(),
                                _ => String::new(),
                            })
                        };
                        return text.into_any();
                    }
                    let figure = Memo::new(move |_| {
                        let lang = state.lang.get();
                        sentence.with(|s| {
                            s.0.get(at).and_then(|part| part.figure(lang)).map(|(text, mark)| (text, mark.clone()))
                        })
                    });
                    let mark = Memo::new(move |_| figure.with(|f| f.as_ref().map(|f| f.1.clone())));
                    view! {
                        <span class="figure">
                            <span class="figure-value">{move || figure.with(|f| f.as_ref().map(|f| f.0.clone()))}</span>
                            {move || mark.get().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
                        </span>
                    }
                    .into_any()
                })
                .collect_view()
        })
    }
}
