//! The balance panel: the allocation against the paper's and the cash need, as bars
//! drawn to one scale (the lengths and ticks are `present`'s), with the scale stated.

use crate::components::each::{each_index, each_key};
use crate::components::marks::{not_drawn, FigureText};
use crate::components::memo::memo;
use crate::components::sentence::SentenceText;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::format::decimals;
use blockvote_present::screens::allocation::balance::{balance, Balance, HEADING};
use leptos::prelude::*;

/// A share of the track as a CSS width or position.
fn percent(share: f64) -> String {
    format!("{}%", decimals((share * 100.0).clamp(0.0, 100.0), 2))
}

#[component]
pub fn BalancePanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let cap = move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.amount));
    let baseline = whatif.baseline.get_value();
    let shown = memo(move |_| {
        whatif.projection.with(|p| p.as_ref().zip(baseline.as_ref()).map(|(p, b)| balance(p, b, cap(), &data, lang())))
    });
    // The rows are drawn once per bar and tick; a lever change then rewrites only the
    // lengths, figures and words that moved (rebuilding the panel wrote every attribute
    // of it again on each keystroke).
    let has_balance = memo(move |_| shown.with(Option::is_some));
    let keys = memo(move |_| {
        shown.with(|s| s.as_ref().map(|s| s.bars.iter().map(|bar| bar.key).collect::<Vec<_>>()).unwrap_or_default())
    });
    let tick_count = memo(move |_| shown.with(|s| s.as_ref().map_or(0, |s| s.ticks.len())));
    let text = move |pick: fn(&Balance) -> String| move || shown.with(|s| s.as_ref().map(pick)).unwrap_or_default();
    let short = move || shown.with(|s| s.as_ref().is_some_and(|s| s.short));
    // Empty while there is no balance (the panel is then not drawn).
    let surplus = Signal::derive(move || shown.with(|s| s.as_ref().map(|s| s.surplus.clone()).unwrap_or_default()));
    view! {
        <div class="panel balance" data-testid="balance">
            <h3>
                <Words label=HEADING />
            </h3>
            {move || {
                has_balance
                    .get()
                    .then(|| {
                        view! {
                            <dl class="balance-rows">
                                {each_key(
                                    move || keys.get(),
                                    move |key| view! { <BalanceRow shown=shown key=key /> }.into_any(),
                                )} <div class="balance-row balance-scale" aria-hidden="true">
                                    <dt></dt>
                                    <dd>
                                        <span class="track scale">
                                            {each_index(
                                                tick_count,
                                                move |index| view! { <ScaleMark shown=shown index=index /> }.into_any(),
                                            )}
                                        </span>
                                        <span class="figure-room"></span>
                                    </dd>
                                </div>
                            </dl>
                            <p class="note" data-testid="balance-scale">
                                {text(|s| s.scale.clone())}
                            </p>
                            <p data-testid="balance-surplus" class:warn-text=short>
                                <SentenceText sentence=surplus />
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The bar `key` of the balance, following it.
#[component]
fn BalanceRow(shown: Memo<Option<Balance>>, key: &'static str) -> impl IntoView {
    let bar = memo(move |_| shown.with(|s| s.as_ref().and_then(|s| s.bars.iter().find(|b| b.key == key).cloned())));
    let length = move || bar.with(|b| b.as_ref().map_or(0.0, |b| b.length));
    let figure = Signal::derive(move || bar.with(|b| b.as_ref().map(|b| b.figure.clone())).unwrap_or_else(not_drawn));
    view! {
        <div class="balance-row" data-testid=format!("balance-{key}")>
            <dt>{move || bar.with(|b| b.as_ref().map(|b| b.label.clone()))}</dt>
            <dd>
                <span class="track">
                    <span
                        class=format!("bar {key}")
                        style:width=move || percent(length())
                        data-length=move || decimals(length(), 4)
                    ></span>
                </span>
                <FigureText figure=figure testid=format!("balance-{key}-figure") />
            </dd>
        </div>
    }
}

/// The tick at `index` of the balance's scale, following it.
#[component]
fn ScaleMark(shown: Memo<Option<Balance>>, index: usize) -> impl IntoView {
    let tick = memo(move |_| shown.with(|s| s.as_ref().and_then(|s| s.ticks.get(index).cloned())));
    view! {
        <span class="tick" style:left=move || tick.with(|t| t.as_ref().map(|t| percent(t.at)))>
            {move || tick.with(|t| t.as_ref().map(|t| t.label.clone()))}
        </span>
    }
}
