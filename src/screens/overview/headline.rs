//! The headline cards: the 2018-19 allocation and its change from 2017-18 (para 6),
//! and Annex B's cash flow by cohort.

use super::printed_table::PrintedTableView;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::sentence::MarkedText;
use crate::state::use_app_state;
use blockvote_present::screens::overview::{annex_b, headline};
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let cohorts_data = data.clone();
    let card = memo(move |_| headline(&data, state.lang.get()));
    let cohorts = memo(move |_| annex_b(&cohorts_data, state.lang.get()));
    let figure = move |pick: fn(&blockvote_present::screens::overview::Headline) -> Option<_>, testid: &'static str| {
        move || card.with(pick).map(|marked| view! { <MarkedText marked=marked testid=testid /> })
    };
    view! {
        <div class="headline-cards">
            <div class="card">
                <p class="card-label">{move || card.with(|c| c.label.clone())}</p>
                <p class="card-figure">{figure(|c| c.allocation.clone(), "headline-allocation")}</p>
                <p class="card-note">
                    {move || card.with(|c| c.prior_label.clone())} {figure(|c| c.prior.clone(), "headline-prior")}
                    " · " {figure(|c| c.change.clone(), "headline-change")}
                </p>
            </div>
            <div class="card">
                <p class="card-label">
                    {move || cohorts.with(|t| t.title.clone())}
                    {move || cohorts.with(|t| t.title_mark.clone()).map(|p| view! { <ProvenanceMark provenance=p /> })}
                </p>
                <PrintedTableView table=cohorts testid="annex-b" />
            </div>
        </div>
    }
}
