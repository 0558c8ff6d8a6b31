//! Cash flow: the scenario's 2018-19 cash beside what the paper prints, the quarterly
//! chart and the S-curve against the model baseline, the quarter and year tables, the
//! spend profile and what the calibration means, the global and group levers, the
//! breakdown by department or theme, the 2018-19 cash cap and goal seek, and where the
//! change from the paper comes from (the bridge). Every word
//! and figure comes from `blockvote_present::screens::cashflow` and
//! `blockvote_present::cash`; this module only draws.

mod breakdown;
mod bridge;
mod cap;
mod charts;
mod deferral_choices;
mod goal_seek;
mod levers;
mod profile;
mod tables;

use crate::components::marks::{not_drawn, FigureText};
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::cashflow::{headline, Card, Headline, ONGOING_LABEL, PRINTED_LABEL, TITLE};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Cashflow() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let cards = memo(move |_| {
        whatif.projection.with(|p| p.as_ref().zip(baseline.as_ref()).map(|(p, b)| headline(p, b, &data, lang())))
    });
    let shown = memo(move |_| cards.with(Option::is_some));
    view! {
        <section class="screen cashflow">
            <h2>
                <Words label=TITLE />
            </h2>
            {move || shown.get().then(|| view! { <Cards cards=cards /> })}
            // The levers right under the figures they move: after the charts and tables
            // they were nine phone screens below them (audit 21), and a change showed
            // only the bottom of a table.
            <levers::Levers />
            <profile::ProfilePanel />
            <charts::Charts />
            <bridge::BridgePanel />
            <tables::QuarterTable />
            <tables::YearTable />
            <breakdown::Breakdown />
            <cap::CapPanel />
            <goal_seek::GoalSeekPanel />
        </section>
    }
}

/// The two headline cards.
#[component]
fn Cards(cards: Memo<Option<Headline>>) -> impl IntoView {
    let pick =
        move |card: fn(&Headline) -> &Card| Signal::derive(move || cards.with(|c| c.as_ref().map(|h| card(h).clone())));
    let (new, total) = (pick(|h| &h.new), pick(|h| &h.total));
    let ongoing =
        Signal::derive(move || cards.with(|c| c.as_ref().map(|h| h.ongoing.clone())).unwrap_or_else(not_drawn));
    view! {
        <div class="headline-cards">
            <HeadlineCard card=new testid="cash-2018-19-new" />
            <HeadlineCard card=total testid="cash-2018-19-total">
                <Words label=ONGOING_LABEL />
                <FigureText figure=ongoing testid="cash-2018-19-ongoing" />
            </HeadlineCard>
        </div>
    }
}

/// A card: the scenario's figure, then `children` (words about that figure, such as
/// its ongoing part, kept apart from the paper's line so that no scenario figure reads
/// as the paper's), and what the paper prints for it with its citation.
#[component]
fn HeadlineCard(
    card: Signal<Option<Card>>,
    #[prop(into)] testid: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let figure = Signal::derive(move || card.with(|c| c.as_ref().map(|c| c.figure.clone())).unwrap_or_else(not_drawn));
    let has_printed = memo(move |_| card.with(|c| c.as_ref().is_some_and(|c| c.printed.is_some())));
    let printed_figure =
        Signal::derive(move || card.with(|c| c.as_ref().and_then(|c| c.printed.clone())).unwrap_or_else(not_drawn));
    let printed_testid = format!("{testid}-printed");
    view! {
        <div class="card">
            <p class="card-label">{move || card.with(|c| c.as_ref().map(|c| c.label.clone()))}</p>
            <p class="card-figure">
                <FigureText figure=figure testid=testid />
            </p>
            {children.map(|children| view! { <p class="card-note">{children()}</p> })}
            <p class="card-note">
                {move || {
                    has_printed
                        .get()
                        .then(|| {
                            view! {
                                <Words label=PRINTED_LABEL />
                                <FigureText figure=printed_figure testid=printed_testid.clone() />
                            }
                        })
                }}
            </p>
        </div>
    }
}
