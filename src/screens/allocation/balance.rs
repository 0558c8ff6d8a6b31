//! The balance panel: the allocation against the paper's and the cash need, as bars
//! drawn to one scale (the lengths and ticks are `present`'s), with the scale stated.

use crate::components::marks::FigureText;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::AllocationOutcome;
use blockvote_present::screens::allocation::balance::{balance, HEADING};
use leptos::prelude::*;

/// A share of the track as a CSS width or position.
fn percent(share: f64) -> String {
    format!("{:.2}%", (share * 100.0).clamp(0.0, 100.0))
}

#[component]
pub fn BalancePanel(outcome: Memo<Option<AllocationOutcome>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let cap = move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.amount));
    let shown = Memo::new(move |_| outcome.with(|o| o.as_ref().map(|o| balance(o, cap(), &data, lang()))));
    view! {
        <div class="panel balance" data-testid="balance">
            <h3>
                <Words label=HEADING />
            </h3>
            {move || {
                shown
                    .get()
                    .map(|shown| {
                        view! {
                            <dl class="balance-rows">
                                {shown
                                    .bars
                                    .into_iter()
                                    .map(|bar| {
                                        view! {
                                            <div class="balance-row" data-testid=format!("balance-{}", bar.key)>
                                                <dt>{bar.label}</dt>
                                                <dd>
                                                    <span class="track">
                                                        <span
                                                            class=format!("bar {}", bar.key)
                                                            style:width=percent(bar.length)
                                                            data-length=format!("{:.4}", bar.length)
                                                        ></span>
                                                    </span>
                                                    <FigureText
                                                        figure=bar.figure
                                                        testid=format!("balance-{}-figure", bar.key)
                                                    />
                                                </dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()} <div class="balance-row balance-scale" aria-hidden="true">
                                    <dt></dt>
                                    <dd>
                                        <span class="track scale">
                                            {shown
                                                .ticks
                                                .into_iter()
                                                .map(|tick| {
                                                    view! {
                                                        <span class="tick" style:left=percent(tick.at)>
                                                            {tick.label}
                                                        </span>
                                                    }
                                                })
                                                .collect_view()}
                                        </span>
                                        <span class="figure-room"></span>
                                    </dd>
                                </div>
                            </dl>
                            <p class="note" data-testid="balance-scale">
                                {shown.scale}
                            </p>
                            <p data-testid="balance-surplus" class:warn-text=shown.short>
                                {shown.surplus}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
