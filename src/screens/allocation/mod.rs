//! Allocation: Annex A as an editable table (each category's amount, a lock, the
//! change against 2017-18 and against the paper), scaling the unlocked categories to
//! a target total, the balance of the allocation against the cash need (to scale),
//! and the chart of the paper against the scenario. Words and figures come from
//! `blockvote_present::screens::allocation`; this module only draws.

mod balance;
mod scale;
mod table;

use crate::charts::bars::GroupedBars;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::allocation::{chart, CHART_DESCRIPTION, CHART_TITLE, NOTE, TITLE};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Allocation() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let outcome = memo(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.allocation.clone())));
    // The chart's groups and series, worked out where each is read.
    let series_data = data.clone();
    let groups = move || outcome.with(|o| o.as_ref().map(|o| chart(o, &data, lang()).0)).unwrap_or_default();
    let series = move || outcome.with(|o| o.as_ref().map(|o| chart(o, &series_data, lang()).1)).unwrap_or_default();
    view! {
        <section class="screen allocation">
            <h2>
                <Words label=TITLE />
            </h2>
            <p class="note">
                <Words label=NOTE />
            </p>
            <table::CategoryTable outcome=outcome />
            <scale::ScalePanel outcome=outcome />
            <balance::BalancePanel />
            <GroupedBars
                id="allocation-chart"
                title=Signal::derive(move || CHART_TITLE.get(lang()).to_string())
                description=Signal::derive(move || CHART_DESCRIPTION.get(lang()).to_string())
                groups=Signal::derive(groups)
                series=Signal::derive(series)
            />
        </section>
    }
}
