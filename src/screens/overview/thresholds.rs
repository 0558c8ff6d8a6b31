//! Para 2's approval thresholds: three cost bands, each with the paper's own words
//! for it on its mark.

use crate::components::memo::memo;
use crate::components::sentence::MarkedText;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::screens::overview::{thresholds, APPROVAL_COLUMN, COST_COLUMN, THRESHOLDS};
use leptos::prelude::*;

#[component]
pub fn Thresholds() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let rows = memo(move |_| thresholds(&data, lang()));
    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                view! {
                    <tr>
                        <td>
                            <MarkedText marked=row.cost unbroken=true />
                        </td>
                        <td>{row.approval}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="thresholds-heading">
            <h3 id="thresholds-heading">
                <Words label=THRESHOLDS />
            </h3>
            <table class="data" data-testid="thresholds-table">
                <thead>
                    <tr>
                        <th scope="col">
                            <Words label=COST_COLUMN />
                        </th>
                        <th scope="col">
                            <Words label=APPROVAL_COLUMN />
                        </th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}
