//! The new projects' cash broken down by department or theme.

use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::cashflow::breakdown::{
    breakdown, BreakdownBy, CHOICE_LABEL, HEADING, NO_PROJECT_INCLUDED,
};
use leptos::prelude::*;

#[component]
pub fn Breakdown() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let by = RwSignal::new(BreakdownBy::None);
    let baseline = whatif.baseline.get_value();
    let table = memo(move |_| {
        let by = by.get();
        whatif
            .projection_after_paint
            .with(|p| p.as_ref().zip(baseline.as_ref()).and_then(|(p, b)| breakdown(p, b, &data, by, lang())))
    });
    view! {
        <div class="panel">
            <h3>
                <Words label=HEADING />
            </h3>
            <div class="inline-fields" role="radiogroup" aria-label=move || CHOICE_LABEL.get(lang())>
                {BreakdownBy::ALL
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="breakdown"
                                    data-testid=format!("breakdown-{}", choice.key())
                                    checked=choice == BreakdownBy::None
                                    on:change=move |_| by.set(choice)
                                />
                                " "
                                {move || choice.label().get(lang())}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                table
                    .get()
                    .map(|table| {
                        if table.rows.is_empty() {
                            return view! {
                                <p class="note" data-testid="breakdown-empty">
                                    <Words label=NO_PROJECT_INCLUDED />
                                </p>
                            }
                                .into_any();
                        }
                        view! {
                            <div class="wide-table" tabindex="0" role="region" aria-label=HEADING.get(lang())>
                                <table class="data" data-testid="breakdown-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">
                                                {table.group_heading}
                                                {table
                                                    .group_mark
                                                    .map(|mark| {
                                                        view! {
                                                            " "
                                                            <ProvenanceMark provenance=mark />
                                                        }
                                                    })}
                                            </th>
                                            {table
                                                .years
                                                .into_iter()
                                                .map(|y| {
                                                    view! {
                                                        <th scope="col" class="num">
                                                            {y}
                                                            " "
                                                            <ProvenanceMark provenance=table.mark.clone() />
                                                        </th>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {table
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                view! {
                                                    <tr data-testid=format!("breakdown-row-{}", row.key)>
                                                        <th scope="row">{kept_whole(&row.name)}</th>
                                                        {row
                                                            .cells
                                                            .into_iter()
                                                            .map(|c| view! { <td class="num">{c.text(lang())}</td> })
                                                            .collect_view()}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr>
                                            <th scope="row">{kept_whole(&table.total_label)}</th>
                                            {table
                                                .totals
                                                .into_iter()
                                                .map(|c| view! { <td class="num">{c.text(lang())}</td> })
                                                .collect_view()}
                                        </tr>
                                    </tfoot>
                                </table>
                            </div>
                        }
                            .into_any()
                    })
            }}
        </div>
    }
}
