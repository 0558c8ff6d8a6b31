//! "Where the change comes from": the bridge from the paper's 2018-19 cash need to
//! the scenario's, drawn by `charts::bridge` for the scenario the figures above
//! belong to.

use crate::charts::bridge::BridgeChart;
use crate::components::words::Words;
use crate::whatif::use_whatif;
use blockvote_present::bridge::HEADING;
use leptos::prelude::*;

#[component]
pub fn BridgePanel() -> impl IntoView {
    let whatif = use_whatif();
    view! {
        <div class="panel" data-testid="bridge-panel">
            <h3>
                <Words label=HEADING />
            </h3>
            <BridgeChart id="cashflow-bridge" scenario=whatif.projected_scenario />
        </div>
    }
}
