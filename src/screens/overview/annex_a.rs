//! Annex A: the block allocation by expenditure category, as printed, with a chart of
//! the two years side by side.

use super::printed_table::PrintedTableView;
use crate::charts::bars::GroupedBars;
use crate::components::memo::memo;
use crate::state::use_app_state;
use blockvote_present::screens::overview::{annex_a, annex_a_chart};
use leptos::prelude::*;

#[component]
pub fn AnnexA() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let chart_data = data.clone();
    let table = memo(move |_| annex_a(&data, state.lang.get()));
    let chart = memo(move |_| annex_a_chart(&chart_data, state.lang.get()));
    view! {
        <section class="panel" aria-labelledby="annex-a-heading">
            <h3 id="annex-a-heading">{move || table.with(|t| t.title.clone())}</h3>
            <div class="stack">
                <PrintedTableView table=table testid="annex-a" />
                <GroupedBars
                    id="annex-a-chart"
                    title=Signal::derive(move || chart.with(|c| c.title.clone()))
                    description=Signal::derive(move || chart.with(|c| c.description.clone()))
                    groups=Signal::derive(move || chart.with(|c| c.groups.clone()))
                    series=Signal::derive(move || chart.with(|c| c.series.clone()))
                />
            </div>
        </section>
    }
}
