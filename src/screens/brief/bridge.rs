//! Where the change from the paper comes from: the bridge of the scenario the brief's
//! figures belong to; the chart prints every amount, and its table stays a closed
//! `<details>` on screen so the brief keeps to a few pages.

use crate::charts::bridge::BridgeChart;
use crate::components::words::Words;
use crate::whatif::use_whatif;
use blockvote_present::bridge::HEADING;
use leptos::prelude::*;

#[component]
pub fn BridgeSection() -> impl IntoView {
    let whatif = use_whatif();
    view! {
        <section class="brief-section brief-bridge">
            <h3>
                <Words label=HEADING />
            </h3>
            <BridgeChart id="brief-bridge" scenario=whatif.projected_scenario />
        </section>
    }
}
