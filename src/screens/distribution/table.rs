//! The histogram's figures as a table: each band's count and total budget, any budget
//! above the ceiling, and the total row (the rows add up to it). A band's range is a
//! button that chooses it, as its bar does: on a phone a bar is a dozen pixels wide.

use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::MarkedHeading;
use crate::components::memo::memo;
use crate::components::sentence::MarkedText;
use crate::components::table_scroll::TableScroll;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::screens::distribution::{figure_columns, table, Band, RANGE, TABLE_HEADING};
use blockvote_present::screens::sentence::Marked;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn BandTable(bands: Arc<Vec<Band>>, above: Vec<usize>, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let band_count = bands.len();
    let shown = memo(move |_| table(&data, &bands, &above, lang()));
    let choose = move |band: usize| {
        selected.set(Some(band));
        focus_after_render(by_test_id("bin-projects"));
    };
    let rows = move || {
        shown
            .get()
            .0
            .into_iter()
            .enumerate()
            .map(|(band, row)| {
                // The rows past the bands (budgets above the ceiling) choose nothing.
                let range = if band < band_count {
                    view! {
                        <button
                            type="button"
                            class="band-choice"
                            aria-pressed=move || (selected.get() == Some(band)).to_string()
                            on:click=move |_| choose(band)
                        >
                            {row.range}
                        </button>
                    }
                    .into_any()
                } else {
                    row.range.into_any()
                };
                view! {
                    <tr data-testid=format!("histogram-row-{}", row.key)>
                        <td class="num range">{range}</td>
                        <td class="num">{row.count.text(lang())}</td>
                        <td class="num">{row.total.text(lang())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let total = move || shown.with(|(_, total)| total.clone());
    view! {
        <h3>
            <Words label=TABLE_HEADING />
        </h3>
        <TableScroll label=Signal::derive(move || TABLE_HEADING.get(lang()).to_string())>
            <table class="data compact histogram-table" data-testid="histogram-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">
                            <Words label=RANGE />
                        </th>
                        {figure_columns()
                            .map(|column| view! { <MarkedHeading column=Some(column) /> })
                            .into_iter()
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" class="num">
                            {move || total().range}
                        </th>
                        <td class="num" data-testid="histogram-table-count">
                            {move || total().count.text(lang())}
                        </td>
                        <td class="num">
                            <MarkedText
                                marked=Signal::derive(move || Marked::figure(&total().total, lang()))
                                testid="histogram-table-total"
                            />
                        </td>
                    </tr>
                </tfoot>
            </table>
        </TableScroll>
    }
}
