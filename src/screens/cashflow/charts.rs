//! The quarterly chart (model baseline and scenario) and the cumulative S-curve.

use crate::charts::columns::QuarterlyColumns;
use crate::charts::lines::QuarterLines;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::cash::{cumulative_lines, quarter_chart};
use blockvote_present::screens::cashflow::{
    quarter_labels, CUMULATIVE_DESCRIPTION, CUMULATIVE_HEADING, CUMULATIVE_TITLE, QUARTERLY_HEADING,
};
use leptos::prelude::*;

#[component]
pub fn Charts() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let base = baseline.clone();
    let chart = Memo::new(move |_| {
        whatif.projection.with(|p| p.as_ref().zip(base.as_ref()).map(|(p, b)| quarter_chart(p, b, lang())))
    });
    let lines = Memo::new(move |_| {
        whatif.projection.with(|p| p.as_ref().zip(baseline.as_ref()).map(|(p, b)| cumulative_lines(p, b, lang())))
    });
    let labels = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().map(|p| quarter_labels(p, lang()))));
    let part = move |pick: fn(&blockvote_present::cash::QuarterChart) -> String| {
        Signal::derive(move || chart.with(|c| c.as_ref().map(pick)).unwrap_or_default())
    };
    view! {
        <div class="panel">
            <h3>{move || QUARTERLY_HEADING.get(lang())}</h3>
            <QuarterlyColumns
                id="cash-quarters-chart"
                title=part(|c| c.title.clone())
                description=part(|c| c.description.clone())
                quarters=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.quarters.clone())).unwrap_or_default())
                segment_names=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.segment_names.clone())).unwrap_or_default())
                column_names=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.column_names.clone())).unwrap_or_default())
                range_name=Signal::derive(|| None::<String>)
            />
            <h3>{move || CUMULATIVE_HEADING.get(lang())}</h3>
            <QuarterLines
                id="cash-cumulative-chart"
                title=Signal::derive(move || CUMULATIVE_TITLE.get(lang()).to_string())
                description=Signal::derive(move || CUMULATIVE_DESCRIPTION.get(lang()).to_string())
                labels=Signal::derive(move || labels.get().unwrap_or_default())
                series=Signal::derive(move || lines.get().unwrap_or_default())
            />
        </div>
    }
}
