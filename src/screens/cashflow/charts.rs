//! The quarterly chart (model baseline and scenario) and the cumulative S-curve.

use crate::charts::columns::QuarterlyColumns;
use crate::charts::lines::QuarterLines;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::cash::{cumulative_lines, quarter_chart, QuarterChart};
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
    // The quarterly chart, the S-curves and their quarters, for one scenario at a time.
    let charts = memo(move |_| {
        let lang = lang();
        whatif.projection_after_paint.with(|p| {
            p.as_ref()
                .zip(baseline.as_ref())
                .map(|(p, b)| (quarter_chart(p, b, lang), cumulative_lines(p, b, lang), quarter_labels(p, b, lang)))
        })
    });
    let part = move |pick: fn(&QuarterChart) -> String| {
        Signal::derive(move || charts.with(|c| c.as_ref().map(|(chart, _, _)| pick(chart))).unwrap_or_default())
    };
    view! {
        <div class="panel">
            <h3>
                <Words label=QUARTERLY_HEADING />
            </h3>
            <QuarterlyColumns
                id="cash-quarters-chart"
                title=part(|c| c.title.clone())
                description=part(|c| c.description.clone())
                quarters=Signal::derive(move || {
                    charts.with(|c| c.as_ref().map(|(c, _, _)| c.quarters.clone())).unwrap_or_default()
                })
                segment_names=Signal::derive(move || {
                    charts.with(|c| c.as_ref().map(|(c, _, _)| c.segment_names.clone())).unwrap_or_default()
                })
                column_names=Signal::derive(move || {
                    charts.with(|c| c.as_ref().map(|(c, _, _)| c.column_names.clone())).unwrap_or_default()
                })
                range_name=Signal::derive(|| None::<String>)
            />
            <h3>
                <Words label=CUMULATIVE_HEADING />
            </h3>
            <QuarterLines
                id="cash-cumulative-chart"
                title=Signal::derive(move || CUMULATIVE_TITLE.get(lang()).to_string())
                description=Signal::derive(move || CUMULATIVE_DESCRIPTION.get(lang()).to_string())
                labels=Signal::derive(move || {
                    charts.with(|c| c.as_ref().map(|(_, _, l)| l.clone())).unwrap_or_default()
                })
                series=Signal::derive(move || {
                    charts.with(|c| c.as_ref().map(|(_, s, _)| s.clone())).unwrap_or_default()
                })
            />
        </div>
    }
}
