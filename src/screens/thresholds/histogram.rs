//! The histogram of the scenario's budgets with the floor and ceiling.

use crate::charts::histogram::Histogram;
use crate::components::memo::memo;
use crate::state::use_app_state;
use blockvote_model::engine::DelegationOutcome;
use blockvote_model::Money;
use blockvote_present::screens::thresholds::histogram::{histogram, ThresholdHistogram};
use leptos::prelude::*;

#[component]
pub fn BudgetHistogram(
    delegation: Memo<Option<DelegationOutcome>>,
    budgets: Memo<Option<Vec<Money>>>,
) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let chart = memo(move |_| {
        let (floor, ceiling) = delegation.with(|d| d.as_ref().map(|d| (d.floor, d.ceiling)))?;
        budgets.with(|b| b.as_ref().map(|b| histogram(b, floor, ceiling, &data, lang())))
    });
    let part = move |pick: fn(&ThresholdHistogram) -> String| {
        Signal::derive(move || chart.with(|c| c.as_ref().map(pick)).unwrap_or_default())
    };
    let selected = RwSignal::new(None::<usize>);
    view! {
        <Histogram
            id="thresholds-histogram"
            testid="thresholds-histogram"
            title=part(|c| c.title.clone())
            desc=part(|c| c.description.clone())
            x_label=part(|c| c.x_label.clone())
            y_label=part(|c| c.y_label.clone())
            hint=part(|c| c.hint.clone())
            bins=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.bins.clone())).unwrap_or_default())
            markers=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.markers.clone())).unwrap_or_default())
            domain_max=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.domain_max)).unwrap_or(1.0))
            selected=selected
        />
    }
}
