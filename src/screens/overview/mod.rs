//! The paper at a glance: the allocation against last year (para 6), Annex B, Annex A,
//! para 5's performance table and para 2's thresholds, each figure the paper's and
//! cited; then the findings blockvote derives, each marked as the model's and linking
//! to the projects it counts. Everything shown comes from
//! `blockvote_present::screens::overview`; this module only draws it.

mod annex_a;
mod findings;
mod headline;
mod printed_table;
mod thresholds;

use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::screens::overview::{performance, HEADING};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Overview() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let para5 = memo(move |_| performance(&data, state.lang.get()));
    view! {
        <section class="screen overview">
            <h2>
                <Words label=HEADING />
            </h2>
            <headline::Headline />
            <annex_a::AnnexA />
            <printed_table::PrintedTablePanel table=para5 id="para5" />
            <thresholds::Thresholds />
            <findings::Findings />
        </section>
    }
}
