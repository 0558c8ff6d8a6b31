//! Thresholds: the delegation thresholds of para 2 as levers. Change the HK$10M
//! ceiling (the Finance Committee raised it to HK$20M in January 2021) or the HK$0.2M
//! floor and see which projects change approval route, with counts and sums, on the
//! histogram of budgets with the two lines. Words and figures come from
//! `blockvote_present::screens::thresholds`; this module only draws.

mod changes;
mod fields;
mod histogram;
mod routes;

use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::Money;
use blockvote_present::refusal::engine_error;
use blockvote_present::screens::thresholds::{NOTE, TITLE};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Thresholds() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let delegation = memo(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.delegation.clone())));
    // The budgets in effect (after cost changes and overrides) of the included projects.
    let budgets = memo(move |_| {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| p.projects.iter().filter(|o| o.included).map(|o| o.budget).collect::<Vec<Money>>())
        })
    });
    view! {
        <section class="screen thresholds">
            <h2>
                <Words label=TITLE />
            </h2>
            <p class="note">
                <Words label=NOTE />
            </p>
            <fields::ThresholdFields />
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
            <routes::RoutesTable delegation=delegation />
            <histogram::BudgetHistogram delegation=delegation budgets=budgets />
            <changes::RouteChanges delegation=delegation budgets=budgets />
        </section>
    }
}
