//! The paper at a glance.

use crate::format::{millions, percent_signed};
use crate::i18n::l;
use crate::state::use_app_state;
use blockvote_model::money::percent_change;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let proposed = data.facts.money("para6.allocation_2018_19_m").unwrap_or_default();
    let prior = data.facts.money("para6.allocation_2017_18_m").unwrap_or_default();
    let change = percent_change(proposed, prior).map(percent_signed).unwrap_or_default();
    view! {
        <section class="screen overview">
            <h2>{move || l("文件重點", "The paper at a glance").get(state.lang.get())}</h2>
            <p class="headline" data-testid="headline-allocation">
                {millions(proposed)} " vs " {millions(prior)} " (" {change} ")"
            </p>
        </section>
    }
}
